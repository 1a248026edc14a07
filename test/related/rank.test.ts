// The combined ranking: how signals are weighed, the reasons each result carries in plain words, "more
// like these" set queries, queries on topics and benchmarks, and bad use.
import { describe, expect, it } from "vitest";
import type { LitGraph } from "../../src/graph/types.ts";
import {
  combineSignals,
  createRelatedIndex,
  RELATED_SIGNALS,
  type RelatedWeights,
  rankRelated,
  rankRelatedToSet,
  type SignalValues,
} from "../../src/related/index.ts";
import {
  benchmark,
  buildRelatedGraph,
  collection,
  type EdgeSpec,
  edge,
  type NodeSpec,
  paper,
  survey,
  topic,
} from "./_related-graph.ts";

const WEIGHTS: RelatedWeights = {
  explicit: 1,
  sharedNeighbours: 1,
  coListed: 1,
  text: 1,
  latent: 0.5,
  community: 0.1,
  time: 0.5,
};
const NONE: SignalValues = {
  explicit: 0,
  sharedNeighbours: 0,
  coListed: 0,
  text: 0,
  latent: 0,
  community: 0,
  time: 0,
};

describe("combineSignals", () => {
  const weights = { ...WEIGHTS, explicit: 2, text: 3 };
  it.each([
    [
      "weights each signal",
      { ...NONE, explicit: 1, sharedNeighbours: 0.5, text: 0.2 },
      2 + 0.5 + 0.6,
    ],
    ["adds the community to other evidence", { ...NONE, explicit: 1, community: 1 }, 2 + 0.1],
    ["gives the community alone nothing", { ...NONE, community: 1 }, 0],
    ["adds closeness in time to other evidence", { ...NONE, text: 0.2, time: 0.5 }, 0.6 + 0.25],
    ["gives closeness in time alone nothing", { ...NONE, time: 1, community: 1 }, 0],
    ["adds latent similarity to other evidence", { ...NONE, text: 0.2, latent: 0.8 }, 0.6 + 0.4],
    ["gives latent similarity alone nothing", { ...NONE, latent: 1, time: 1 }, 0],
    ["ignores text below the threshold", { ...NONE, text: 0.05 }, 0],
    [
      "does not let sub-threshold text carry the community",
      { ...NONE, text: 0.05, community: 1 },
      0,
    ],
    ["nothing at all", NONE, 0],
  ])("%s", (_name, raw, expected) => {
    const { score, breakdown } = combineSignals(raw, { weights, minTextSimilarity: 0.1 });
    expect(score).toBeCloseTo(expected, 9);
    const sum = RELATED_SIGNALS.reduce((total, signal) => total + breakdown[signal], 0);
    expect(sum).toBeCloseTo(expected, 9);
  });
});

/** The reasons `rankRelated` gives for `result` when asked about `query`. */
function reasonsFor(graph: LitGraph, query: string, result: string): string[] {
  const found = rankRelated(createRelatedIndex(graph), query, { weights: WEIGHTS }).find(
    (r) => r.key === result,
  );
  if (!found) throw new Error(`${result} is not among the results for ${query}`);
  return found.reasons;
}

interface ReasonCase {
  name: string;
  nodes: NodeSpec[];
  edges: EdgeSpec[];
  communities?: Record<string, string>;
  query: string;
  result: string;
  reason: string | RegExp;
}

const PAIR = [paper("a"), paper("b")];
const REASON_CASES: ReasonCase[] = [
  {
    name: "a page lists the other as related, with its score",
    nodes: PAIR,
    edges: [edge("related", "a", "b", { sources: ["digest.txt"], score: 42.5 })],
    query: "a",
    result: "b",
    reason: "listed as related on digest.txt (listing score 42.5)",
  },
  {
    name: "two pages list it, no score",
    nodes: PAIR,
    edges: [edge("related", "a", "b", { sources: ["one.txt", "two.txt"] })],
    query: "b",
    result: "a",
    reason: "listed as related on one.txt and two.txt",
  },
  {
    name: "both evaluate on a benchmark",
    nodes: [...PAIR, benchmark("benchmark:medqa", "MedQA")],
    edges: [edge("evaluates", "a", "benchmark:medqa"), edge("evaluates", "b", "benchmark:medqa")],
    query: "a",
    result: "b",
    reason: "both evaluate on MedQA",
  },
  {
    name: "this paper introduces the benchmark the other uses",
    nodes: [...PAIR, benchmark("benchmark:medqa", "MedQA")],
    edges: [edge("introduces", "a", "benchmark:medqa"), edge("evaluates", "b", "benchmark:medqa")],
    query: "a",
    result: "b",
    reason: "MedQA: introduced by this paper, used by the other",
  },
  {
    name: "the other introduces the benchmark this paper uses",
    nodes: [...PAIR, benchmark("benchmark:medqa", "MedQA")],
    edges: [edge("introduces", "a", "benchmark:medqa"), edge("evaluates", "b", "benchmark:medqa")],
    query: "b",
    result: "a",
    reason: "MedQA: introduced by the other, used by this paper",
  },
  {
    name: "shared topics, rarest first",
    nodes: [...PAIR, paper("c"), topic("topic:rag", "RAG"), topic("topic:agents", "Agents")],
    edges: [
      edge("covers", "a", "topic:rag"),
      edge("covers", "b", "topic:rag"),
      edge("covers", "a", "topic:agents"),
      edge("covers", "b", "topic:agents"),
      edge("covers", "c", "topic:agents"),
    ],
    query: "a",
    result: "b",
    reason: "shared topics: RAG and Agents",
  },
  {
    name: "listed together under a section of a collection",
    nodes: [...PAIR, collection("collection:awesome", "Awesome Medical LLMs")],
    edges: [
      edge("lists", "collection:awesome", "a", { sections: ["Models › Multimodal"] }),
      edge("lists", "collection:awesome", "b", { sections: ["Models › Multimodal", "Data"] }),
    ],
    query: "a",
    result: "b",
    reason: "listed together under Models › Multimodal in Awesome Medical LLMs",
  },
  {
    name: "listed together in a collection, in different sections",
    nodes: [...PAIR, collection("collection:awesome", "Awesome Medical LLMs")],
    edges: [
      edge("lists", "collection:awesome", "a", { sections: ["Models"] }),
      edge("lists", "collection:awesome", "b", { sections: ["Data"] }),
    ],
    query: "a",
    result: "b",
    reason: "listed together in Awesome Medical LLMs",
  },
  {
    name: "two related entries of the same page",
    nodes: [...PAIR, paper("main")],
    edges: [
      edge("related", "main", "a", { sources: ["feed.txt"] }),
      edge("related", "main", "b", { sources: ["feed.txt"] }),
    ],
    query: "a",
    result: "b",
    reason: "listed together as related papers on feed.txt",
  },
  {
    name: "a survey lists the other paper",
    nodes: [survey("s"), paper("b")],
    edges: [edge("lists", "s", "b")],
    query: "s",
    result: "b",
    reason: "listed in this survey",
  },
  {
    name: "the other is a survey that lists this paper",
    nodes: [survey("s"), paper("b")],
    edges: [edge("lists", "s", "b")],
    query: "b",
    result: "s",
    reason: "lists this paper",
  },
  {
    name: "the list that goes with this survey lists the other",
    nodes: [survey("s"), paper("b"), collection("collection:guide", "Practical Guide")],
    edges: [edge("companion", "collection:guide", "s"), edge("lists", "collection:guide", "b")],
    query: "s",
    result: "b",
    reason: "listed in Practical Guide, the list that goes with this survey",
  },
  {
    name: "similar abstracts, with the cosine",
    nodes: [
      paper("a", {
        title: "Alpha",
        abstract: "Retrieval grounded answers for clinical questions.",
      }),
      paper("b", { title: "Beta", abstract: "Retrieval grounded answers for radiology reports." }),
      paper("c", { title: "Gamma", abstract: "Pathology slides and their captions." }),
    ],
    edges: [],
    query: "a",
    result: "b",
    reason: /^similar abstracts \(0\.\d\d\)$/,
  },
  {
    name: "similar titles when one has no abstract",
    nodes: [
      paper("a", { title: "Grounded clinical answers", abstract: "Retrieval for questions." }),
      paper("b", { title: "Grounded clinical summaries" }),
      paper("c", { title: "Pathology slides" }),
    ],
    edges: [],
    query: "a",
    result: "b",
    reason: /^similar titles \(0\.\d\d\)$/,
  },
  {
    name: "the same community, named",
    nodes: [paper("a", { community: 0 }), paper("b", { community: 0 })],
    edges: [edge("related", "a", "b", { sources: ["digest.txt"] })],
    communities: { "0": "Medical QA · MedMCQA" },
    query: "a",
    result: "b",
    reason: "same community (Medical QA · MedMCQA)",
  },
];

describe("reasons", () => {
  it.each(REASON_CASES)("$name", ({ nodes, edges, communities, query, result, reason }) => {
    const reasons = reasonsFor(buildRelatedGraph(nodes, edges, communities), query, result);
    if (typeof reason === "string") expect(reasons).toContain(reason);
    else expect(reasons.some((r) => reason.test(r))).toBe(true);
  });

  it("leaves out a parent topic a shared subtopic implies", () => {
    const graph = buildRelatedGraph(
      [...PAIR, topic("topic:imaging", "Medical imaging"), topic("topic:multimodal", "Multimodal")],
      [
        edge("broader", "topic:imaging", "topic:multimodal"),
        ...["a", "b"].flatMap((key) => [
          edge("covers", key, "topic:imaging"),
          edge("covers", key, "topic:multimodal"),
        ]),
      ],
    );
    expect(reasonsFor(graph, "a", "b")).toEqual(["shared topics: Medical imaging"]);
  });

  it("orders reasons by what they add to the score", () => {
    const graph = buildRelatedGraph(
      [...PAIR, paper("c"), paper("d"), topic("topic:rag", "RAG")],
      [
        edge("related", "a", "b", { sources: ["digest.txt"] }),
        ...["a", "b", "c", "d"].map((key) => edge("covers", key, "topic:rag")),
      ],
    );
    // explicit 1 > RAG's rarity 1 / ln 4 ≈ 0.72
    expect(reasonsFor(graph, "a", "b")).toEqual([
      "listed as related on digest.txt",
      "shared topics: RAG",
    ]);
  });
});

describe("rankRelated", () => {
  // a is linked to b by a page, shares a benchmark with c and a topic with d, and has text like e's.
  const graph = buildRelatedGraph(
    [
      paper("a", { title: "Clinical retrieval", abstract: "Grounded answers for clinical notes." }),
      paper("b"),
      paper("c"),
      paper("d"),
      paper("e", {
        title: "Clinical retrieval",
        abstract: "Grounded answers for discharge notes.",
      }),
      paper("f", { title: "Unrelated", abstract: "Protein folding on graphs." }),
      paper("g", { title: "Other", abstract: "Speech synthesis for voices." }),
      benchmark("benchmark:medqa", "MedQA"),
      topic("topic:rag", "RAG"),
    ],
    [
      edge("related", "a", "b", { sources: ["digest.txt"] }),
      edge("evaluates", "a", "benchmark:medqa"),
      edge("evaluates", "c", "benchmark:medqa"),
      edge("covers", "a", "topic:rag"),
      edge("covers", "d", "topic:rag"),
      edge("covers", "f", "topic:rag"),
    ],
  );
  const index = createRelatedIndex(graph);

  it("ranks by score, best first, and never returns the paper asked about", () => {
    const results = rankRelated(index, "a", { weights: WEIGHTS });
    expect(results.map((r) => r.key)).not.toContain("a");
    const scores = results.map((r) => r.score);
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
    // c's shared benchmark (2 papers: 1 / ln 2) outranks d's shared topic (3 papers: 1 / ln 3).
    expect(results.findIndex((r) => r.key === "c")).toBeLessThan(
      results.findIndex((r) => r.key === "d"),
    );
  });

  it("returns only papers with a reason, each with its breakdown adding up to the score", () => {
    for (const result of rankRelated(index, "a", { weights: WEIGHTS })) {
      expect(result.reasons.length).toBeGreaterThan(0);
      expect(Object.keys(result.breakdown).sort()).toEqual([...RELATED_SIGNALS].sort());
      const sum = RELATED_SIGNALS.reduce((total, signal) => total + result.breakdown[signal], 0);
      expect(result.score).toBeCloseTo(sum, 2);
    }
    expect(rankRelated(index, "a", { weights: WEIGHTS }).map((r) => r.key)).not.toContain("g");
  });

  it("follows the weights: text first when text weighs most, the page's link first otherwise", () => {
    const textFirst = rankRelated(index, "a", { weights: { ...WEIGHTS, text: 100 } });
    const linkFirst = rankRelated(index, "a", { weights: { ...WEIGHTS, explicit: 100 } });
    expect(textFirst[0]?.key).toBe("e");
    expect(linkFirst[0]?.key).toBe("b");
  });

  it("returns at most k results, ties broken by key", () => {
    const tied = buildRelatedGraph(
      [paper("q"), paper("z"), paper("y"), paper("x")],
      ["z", "y", "x"].map((key) => edge("related", "q", key, { sources: ["page.txt"] })),
    );
    const results = rankRelated(createRelatedIndex(tied), "q", { k: 2, weights: WEIGHTS });
    expect(results.map((r) => r.key)).toEqual(["x", "y"]);
  });

  it("leaves out a near-copy of the paper (the same paper seen twice)", () => {
    const copies = buildRelatedGraph(
      [
        paper("a", { abstract: "Grounded answers for clinical notes in hospitals." }),
        paper("a-copy", { abstract: "Grounded answers for clinical notes in hospitals." }),
        paper("b", { abstract: "Grounded answers for discharge letters." }),
        paper("c", { abstract: "Speech synthesis." }),
      ],
      [],
    );
    const keys = rankRelated(createRelatedIndex(copies), "a", { weights: WEIGHTS }).map(
      (r) => r.key,
    );
    expect(keys).toContain("b");
    expect(keys).not.toContain("a-copy");
  });

  it("answers a benchmark with the papers linked to it, its introducer first", () => {
    const around = buildRelatedGraph(
      [paper("a"), paper("b"), paper("c"), benchmark("benchmark:medqa", "MedQA")],
      [
        edge("evaluates", "a", "benchmark:medqa"),
        edge("introduces", "c", "benchmark:medqa"),
        edge("evaluates", "c", "benchmark:medqa"),
      ],
    );
    const results = rankRelated(createRelatedIndex(around), "benchmark:medqa");
    expect(results.map((r) => [r.key, r.reasons])).toEqual([
      ["c", ["introduces MedQA"]],
      ["a", ["evaluates on MedQA"]],
    ]);
  });

  it("answers a topic with its papers and its subtopics' papers", () => {
    const around = buildRelatedGraph(
      [
        paper("a"),
        paper("b"),
        topic("topic:multimodal", "Multimodal"),
        topic("topic:imaging", "Medical imaging"),
      ],
      [
        edge("broader", "topic:imaging", "topic:multimodal"),
        edge("covers", "a", "topic:multimodal"),
        edge("covers", "b", "topic:imaging"),
      ],
    );
    const results = rankRelated(createRelatedIndex(around), "topic:multimodal");
    expect(results.map((r) => [r.key, r.reasons])).toEqual([
      ["a", ["covers Multimodal"]],
      ["b", ["covers Medical imaging"]],
    ]);
  });

  it.each([
    ["an unknown key", () => rankRelated(index, "paper:none")],
    ["k of 0", () => rankRelated(index, "a", { k: 0 })],
    ["a negative weight", () => rankRelated(index, "a", { weights: { ...WEIGHTS, text: -1 } })],
    ["a set with an unknown key", () => rankRelatedToSet(index, ["a", "paper:none"])],
  ])("throws RangeError for %s", (_name, call) => {
    expect(call).toThrow(RangeError);
  });
});

describe("rankRelatedToSet", () => {
  // c1 is related to both inputs, c2 to one only; the inputs are related to each other.
  const graph = buildRelatedGraph(
    [paper("x", { label: "Paper X" }), paper("y", { label: "Paper Y" }), paper("c1"), paper("c2")],
    [
      edge("related", "x", "y", { sources: ["page.txt"] }),
      edge("related", "x", "c1", { sources: ["x.txt"] }),
      edge("related", "y", "c1", { sources: ["y.txt"] }),
      edge("related", "x", "c2", { sources: ["x2.txt"] }),
    ],
  );
  const results = rankRelatedToSet(createRelatedIndex(graph), ["x", "y"], { weights: WEIGHTS });

  it("leaves the inputs out", () => {
    expect(results.map((r) => r.key)).not.toContain("x");
    expect(results.map((r) => r.key)).not.toContain("y");
  });

  it("adds up the scores against each input: a paper related to both comes first", () => {
    expect(results.map((r) => r.key)).toEqual(["c1", "c2"]);
    expect(results[0]?.score).toBeCloseTo(2, 6);
    expect(results[1]?.score).toBeCloseTo(1, 6);
    expect(results[0]?.relatedTo.sort()).toEqual(["x", "y"]);
    expect(results[1]?.relatedTo).toEqual(["x"]);
  });

  it("says which input each reason is about", () => {
    expect(results[0]?.reasons.sort()).toEqual([
      "with “Paper X”: listed as related on x.txt",
      "with “Paper Y”: listed as related on y.txt",
    ]);
  });

  it("is rankRelated for a set of one", () => {
    const index = createRelatedIndex(graph);
    const one = rankRelatedToSet(index, ["x"], { weights: WEIGHTS });
    expect(one.map(({ key, score, reasons }) => ({ key, score, reasons }))).toEqual(
      rankRelated(index, "x", { weights: WEIGHTS }).map(({ key, score, reasons }) => ({
        key,
        score,
        reasons,
      })),
    );
  });
});
