// Query resolution: arXiv ids in every spelling, node keys, DOIs, title words in English (any order,
// prefixes, a typo) and Chinese characters, and queries that match nothing; and set-query splitting.
import { describe, expect, it } from "vitest";
import { resolveQuery, splitQueries } from "../../src/related/index.ts";
import { computeEditDistance } from "../../src/related/query.ts";
import {
  buildTestGraph,
  CLIMEDBENCH_PAPER_KEY,
  MULTIMODAL_SURVEY_KEY,
  SURVEY_KEY,
  TRUST_SURVEY_KEY,
} from "../_graph.ts";
import { buildRelatedGraph, paper, topic } from "./_related-graph.ts";

const graph = buildTestGraph();

describe("resolveQuery", () => {
  it.each([
    ["a bare arXiv id", "2311.05112", SURVEY_KEY, "arxiv"],
    ["an id with a version", "2311.05112v7", SURVEY_KEY, "arxiv"],
    ["an abs URL with a version", "https://arxiv.org/abs/2311.05112v3", SURVEY_KEY, "arxiv"],
    ["a pdf URL", "http://arxiv.org/pdf/2405.08603v1.pdf", MULTIMODAL_SURVEY_KEY, "arxiv"],
    ["an arXiv: prefix", "arXiv:2406.03712", TRUST_SURVEY_KEY, "arxiv"],
    ["surrounding spaces", "  2406.03712  ", TRUST_SURVEY_KEY, "arxiv"],
    ["a node key", CLIMEDBENCH_PAPER_KEY, CLIMEDBENCH_PAPER_KEY, "key"],
    ["a topic key", "topic:rag", "topic:rag", "key"],
    ["title words", "survey large language models medicine progress", SURVEY_KEY, "title"],
    [
      "title words in another order, lower case",
      "challenge progress medicine survey",
      SURVEY_KEY,
      "title",
    ],
    ["word beginnings", "climed chin bench", CLIMEDBENCH_PAPER_KEY, "title"],
    ["a typo", "CliMedBench clinical scenarois", CLIMEDBENCH_PAPER_KEY, "title"],
    ["a few Chinese characters of a title", "综览", TRUST_SURVEY_KEY, "title"],
    ["Chinese words out of order", "多模态 全面综述", MULTIMODAL_SURVEY_KEY, "title"],
    ["a piece of a Chinese title", "信任构建与未来展望", TRUST_SURVEY_KEY, "title"],
    ["a benchmark by its exact name", "CliMedBench", "benchmark:climedbench", "title"],
  ])("finds %s", (_name, query, key, matchedBy) => {
    expect(resolveQuery(graph, query)).toMatchObject({ key, matchedBy });
  });

  it("names the node it found", () => {
    expect(resolveQuery(graph, "2311.05112")).toEqual({
      key: SURVEY_KEY,
      label: "A Survey of Large Language Models in Medicine: Progress, Application, and Challenge",
      matchedBy: "arxiv",
    });
  });

  it.each([
    ["an empty query", "   "],
    ["an arXiv id the graph does not have", "2101.00001"],
    ["words no title has", "protein folding lattice"],
    ["one common word of many", "large quantum chromodynamics lattice"],
    ["a Chinese phrase no title has", "蛋白质折叠"],
  ])("finds nothing for %s", (_name, query) => {
    expect(resolveQuery(graph, query)).toBeUndefined();
  });

  it("finds a DOI, with or without its resolver", () => {
    const withDoi = buildRelatedGraph(
      [paper("paper:doi:a", { title: "A made-up paper", doi: "10.5555/litgraph.0001" })],
      [],
    );
    for (const query of ["10.5555/LITGRAPH.0001", "https://doi.org/10.5555/litgraph.0001"])
      expect(resolveQuery(withDoi, query)).toMatchObject({ key: "paper:doi:a", matchedBy: "doi" });
  });

  it("prefers a paper to a topic of the same name", () => {
    const named = buildRelatedGraph(
      [
        topic("topic:agents", "Medical agents"),
        paper("paper:title:medical-agents", { title: "Medical Agents" }),
      ],
      [],
    );
    expect(resolveQuery(named, "medical agents")?.key).toBe("paper:title:medical-agents");
  });

  it("prefers the title the words cover more of", () => {
    const titled = buildRelatedGraph(
      [
        paper("long", {
          title: "Clinical agents for hospital triage in rural areas with feedback",
        }),
        paper("short", { title: "Clinical agents for triage" }),
      ],
      [],
    );
    expect(resolveQuery(titled, "clinical triage agents")?.key).toBe("short");
  });

  it("reuses its index until the graph changes", () => {
    const growing = buildRelatedGraph([paper("one", { title: "Alpha retrieval" })], []);
    expect(resolveQuery(growing, "beta synthesis")).toBeUndefined();
    growing.addNode("two", {
      kind: "paper",
      label: "Beta synthesis",
      title: "Beta synthesis",
      community: -1,
      x: 0,
      y: 0,
      size: 1,
      color: "#888888",
      sources: [],
    });
    expect(resolveQuery(growing, "beta synthesis")?.key).toBe("two");
  });
});

describe("splitQueries", () => {
  it.each([
    ["one query", "2311.05112", ["2311.05112"]],
    ["three queries", "2311.05112; medical agents ;综览", ["2311.05112", "medical agents", "综览"]],
    ["a full-width separator", "综览；2405.08603", ["综览", "2405.08603"]],
    ["empty parts dropped", ";a;;b;", ["a", "b"]],
  ])("%s", (_name, text, expected) => {
    expect(splitQueries(text)).toEqual(expected);
  });
});

describe("computeEditDistance", () => {
  it.each([
    ["kitten", "sitting", 5, 3],
    ["scenarios", "scenarois", 2, 2],
    ["same", "same", 1, 0],
    ["short", "much longer word", 2, 3],
  ])("%s → %s (limit %i) is %i", (a, b, limit, expected) => {
    expect(computeEditDistance(a, b, limit)).toBe(expected);
  });
});
