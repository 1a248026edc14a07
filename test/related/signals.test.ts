// Each signal alone, on small hand-built graphs: explicit links, shared topics and benchmarks weighted
// by rarity (Adamic–Adar), and co-listing in collections, sections, surveys and pages. Expected values
// are worked out by hand from the formulas in src/related.
import { describe, expect, it } from "vitest";
import type { LitGraph } from "../../src/graph/types.ts";
import {
  computeRelatedSignals,
  createRelatedIndex,
  type RelatedSignal,
  rankRelated,
} from "../../src/related/index.ts";
import {
  benchmark,
  buildRelatedGraph,
  collection,
  edge,
  paper,
  survey,
  topic,
} from "./_related-graph.ts";

/** The raw value of `signal` for each candidate of `query`. */
function rawSignal(graph: LitGraph, query: string, signal: RelatedSignal): Map<string, number> {
  const index = createRelatedIndex(graph);
  return new Map(
    computeRelatedSignals(index, query).map((candidate) => [candidate.key, candidate.raw[signal]]),
  );
}

describe("shared neighbours (Adamic–Adar)", () => {
  // Papers have no text, so that only the graph speaks.
  const graph = buildRelatedGraph(
    [
      ...["p:a", "p:b", "p:c", "p:d", "p:e", "p:f"].map((key) => paper(key)),
      benchmark("benchmark:rare", "RareBench"),
      benchmark("benchmark:medqa", "MedQA"),
      topic("topic:broad", "Broad"),
      topic("topic:parent", "Parent"),
      topic("topic:child", "Child"),
      topic("topic:child2", "Child two"),
    ],
    [
      edge("evaluates", "p:a", "benchmark:rare"),
      edge("evaluates", "p:b", "benchmark:rare"),
      ...["p:a", "p:b", "p:c", "p:d", "p:e"].map((key) => edge("covers", key, "topic:broad")),
      edge("broader", "topic:child", "topic:parent"),
      edge("broader", "topic:child2", "topic:parent"),
      // A paper that covers a subtopic covers its parent too, as the build adds both.
      edge("covers", "p:a", "topic:child"),
      edge("covers", "p:a", "topic:parent"),
      edge("covers", "p:d", "topic:child"),
      edge("covers", "p:d", "topic:parent"),
      edge("covers", "p:e", "topic:child2"),
      edge("covers", "p:e", "topic:parent"),
      edge("introduces", "p:f", "benchmark:medqa"),
      edge("evaluates", "p:a", "benchmark:medqa"),
    ],
  );
  const shared = rawSignal(graph, "p:a", "sharedNeighbours");

  it.each([
    [
      "a rare benchmark (2 papers) and a broad topic (5 papers)",
      "p:b",
      1 / Math.log(2) + 1 / Math.log(5),
    ],
    ["the broad topic only", "p:c", 1 / Math.log(5)],
    [
      "a subtopic and its parent: the parent is not counted again",
      "p:d",
      1 / Math.log(5) + 1 / Math.log(2),
    ],
    [
      "the parent through different subtopics: the parent counts",
      "p:e",
      1 / Math.log(5) + 1 / Math.log(3),
    ],
    ["a benchmark one introduces and the other uses: boosted 1.5×", "p:f", 1.5 / Math.log(2)],
  ])("%s", (_name, other, expected) => {
    expect(shared.get(other)).toBeCloseTo(expected, 9);
  });

  it("ranks a shared rare benchmark above a shared broad topic", () => {
    expect(shared.get("p:b") as number).toBeGreaterThan(shared.get("p:c") as number);
  });

  it("is symmetric", () => {
    expect(rawSignal(graph, "p:d", "sharedNeighbours").get("p:a")).toBeCloseTo(
      shared.get("p:d") as number,
      9,
    );
    expect(rawSignal(graph, "p:f", "sharedNeighbours").get("p:a")).toBeCloseTo(
      shared.get("p:f") as number,
      9,
    );
  });
});

describe("co-listing", () => {
  const graph = buildRelatedGraph(
    [
      ...["p1", "p2", "p3", "p4", "m", "e1", "e2", "e3", "q1", "q2", "r1", "r2"].map((key) =>
        paper(key),
      ),
      survey("s"),
      survey("s2"),
      collection("collection:awesome", "Awesome Med LLMs"),
      collection("collection:small", "Small list"),
    ],
    [
      edge("lists", "collection:awesome", "p1", { sections: ["Models › Multimodal"] }),
      edge("lists", "collection:awesome", "p2", { sections: ["Models › Multimodal"] }),
      edge("lists", "collection:awesome", "p3", { sections: ["Models › Text"] }),
      edge("lists", "collection:awesome", "p4"),
      edge("related", "m", "e1", { sources: ["page.txt"] }),
      edge("related", "m", "e2", { sources: ["page.txt"] }),
      edge("related", "m", "e3", { sources: ["page.txt"] }),
      edge("lists", "s", "q1"),
      edge("lists", "s", "q2"),
      edge("lists", "collection:small", "r1", { sections: ["A"] }),
      edge("lists", "collection:small", "r2", { sections: ["A"] }),
      edge("companion", "collection:small", "s2"),
    ],
  );

  // 1 / ln(1 + n), n the members of the smallest unit holding both papers.
  it.each([
    ["the same section (2 members)", "p1", "p2", 1 / Math.log(3)],
    ["sections sharing their first heading (3 members under Models)", "p1", "p3", 1 / Math.log(4)],
    ["the same list, no section in common (4 members)", "p1", "p4", 1 / Math.log(5)],
    ["two related entries of one page (4 papers on it)", "e1", "e2", 1 / Math.log(5)],
    ["two papers a survey lists (2 listed)", "q1", "q2", 1 / Math.log(3)],
    ["a list's companion survey and a listed paper (3 members)", "s2", "r1", 1 / Math.log(4)],
  ])("%s", (_name, a, b, expected) => {
    expect(rawSignal(graph, a, "coListed").get(b)).toBeCloseTo(expected, 9);
    expect(rawSignal(graph, b, "coListed").get(a)).toBeCloseTo(expected, 9);
  });

  it("counts more for the same section than for the same list", () => {
    const fromP1 = rawSignal(graph, "p1", "coListed");
    expect(fromP1.get("p2") as number).toBeGreaterThan(fromP1.get("p3") as number);
    expect(fromP1.get("p3") as number).toBeGreaterThan(fromP1.get("p4") as number);
  });

  it("reads a collection's edges whichever end the graph stores first", () => {
    const reversed = buildRelatedGraph(
      [paper("p1"), paper("p2"), paper("p3"), collection("collection:awesome", "Awesome")],
      [
        edge("lists", "p1", "collection:awesome", { sections: ["Models"] }),
        edge("lists", "collection:awesome", "p2", { sections: ["Models"] }),
        edge("lists", "p3", "collection:awesome", { sections: ["Data"] }),
      ],
    );
    const fromP1 = rawSignal(reversed, "p1", "coListed");
    expect(fromP1.get("p2")).toBeCloseTo(1 / Math.log(3), 9);
    expect(fromP1.get("p3")).toBeCloseTo(1 / Math.log(4), 9);
  });

  it("leaves a page's own links to the explicit signal", () => {
    expect(rawSignal(graph, "m", "coListed").get("e1") ?? 0).toBe(0);
    expect(rawSignal(graph, "m", "explicit").get("e1")).toBe(1);
  });
});

describe("co-citation: papers of one reference file", () => {
  // refs.bib cites three papers, big.ris five; "lone" is the only record of its own file; the README's
  // papers are a collection already and its file must not count twice.
  const graph = buildRelatedGraph(
    [
      paper("a", { sources: ["refs.bib#1", "big.ris#1"] }),
      paper("b", { sources: ["refs.bib#2"] }),
      paper("c", { sources: ["refs.bib#3", "big.ris#2"] }),
      ...["d", "e", "f"].map((key, i) => paper(key, { sources: [`big.ris#${i + 3}`] })),
      paper("lone", { sources: ["lone.bib#1"] }),
      paper("single", { sources: ["page.md"] }),
      paper("x", { sources: ["README.md#1"] }),
      paper("y", { sources: ["README.md#2"] }),
      { ...collection("collection:list", "A list"), sources: ["README.md"] },
    ],
    [edge("lists", "collection:list", "x"), edge("lists", "collection:list", "y")],
  );
  const fromA = rawSignal(graph, "a", "coListed");

  it.each([
    ["cited by the small file only (3 papers)", "b", 1 / Math.log(4)],
    ["cited by both files", "c", 1 / Math.log(4) + 1 / Math.log(6)],
    ["cited by the large file only (5 papers)", "d", 1 / Math.log(6)],
  ])("%s", (_name, other, expected) => {
    expect(fromA.get(other)).toBeCloseTo(expected, 9);
  });

  it("ranks the paper both files cite first, then the small file's, then the large file's", () => {
    const order = rankRelated(createRelatedIndex(graph), "a").map((result) => result.key);
    expect(order.slice(0, 3)).toEqual(["c", "b", "d"]);
  });

  it("names the file as the reason", () => {
    const [first] = rankRelated(createRelatedIndex(graph), "a");
    expect(first?.reasons).toEqual([
      "both in the reference list refs.bib",
      "both in the reference list big.ris",
    ]);
  });

  it("gives nothing for a single-record file or a page, and does not count a collection's file twice", () => {
    expect(fromA.has("lone")).toBe(false);
    expect(fromA.has("single")).toBe(false);
    expect(rawSignal(graph, "x", "coListed").get("y")).toBeCloseTo(1 / Math.log(3), 9);
  });
});

describe("explicit links", () => {
  const graph = buildRelatedGraph(
    ["x", "y", "z", "w", "v", "q"].map((key) => paper(key)).concat([survey("s")]),
    [
      edge("related", "x", "y", { sources: ["p1.txt", "p2.txt"], score: 50 }),
      edge("related", "x", "z", { sources: ["p1.txt"] }),
      edge("related", "x", "w", { sources: ["p1.txt"], score: 100 }),
      edge("related", "x", "v", { sources: ["p1.txt"], score: 250 }),
      edge("lists", "s", "q"),
    ],
  );
  const fromX = rawSignal(graph, "x", "explicit");

  // pages × (1 + 0.5 × min(1, score / 100)); a survey's listing counts 1.
  it.each([
    ["two pages, listing score 50", "x", "y", 2 * (1 + 0.5 * 0.5)],
    ["one page, no score", "x", "z", 1],
    ["one page, top score", "x", "w", 1.5],
    ["a score above 100 counts as 100", "x", "v", 1.5],
    ["a survey listing the paper", "s", "q", 1],
  ])("%s", (_name, a, b, expected) => {
    expect(rawSignal(graph, a, "explicit").get(b)).toBeCloseTo(expected, 9);
    expect(rawSignal(graph, b, "explicit").get(a)).toBeCloseTo(expected, 9);
  });

  it("gives nothing to papers that are not linked", () => {
    expect(fromX.has("q")).toBe(false);
  });
});
