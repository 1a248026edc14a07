// What the filters leave visible, on the hand-made test graph (test/_graph.ts): node and edge counts
// worked out by hand from its 9 nodes and 7 edges.
import { describe, expect, it } from "vitest";
import { DEFAULT_FILTERS, type Filters } from "../../src/app/state.ts";
import { collectNeighbourhood, computeVisibility, isEdgeShown } from "../../src/app/visibility.ts";
import {
  buildTestGraph,
  CLIMEDBENCH_PAPER_KEY,
  HOSTILE_KEY,
  MULTIMODAL_SURVEY_KEY,
  SURVEY_KEY,
  TRUST_SURVEY_KEY,
} from "../_graph.ts";

interface Case {
  name: string;
  filters: Partial<Filters>;
  selected?: string;
  nodes: string[] | "all";
  edges: number;
}

const CASES: Case[] = [
  { name: "no filter shows everything", filters: {}, nodes: "all", edges: 7 },
  {
    name: "a selection alone filters nothing",
    filters: {},
    selected: SURVEY_KEY,
    nodes: "all",
    edges: 7,
  },
  {
    name: "hiding topics drops them and their covers edges",
    filters: { hiddenKinds: ["topic"] },
    nodes: [
      SURVEY_KEY,
      MULTIMODAL_SURVEY_KEY,
      TRUST_SURVEY_KEY,
      CLIMEDBENCH_PAPER_KEY,
      HOSTILE_KEY,
      "benchmark:medqa",
      "benchmark:climedbench",
    ],
    edges: 4,
  },
  {
    name: "hiding community 1",
    filters: { hiddenCommunities: [1] },
    nodes: [SURVEY_KEY, TRUST_SURVEY_KEY, HOSTILE_KEY, "topic:rag", "benchmark:medqa"],
    edges: 3,
  },
  {
    name: "a topic keeps the papers covering it and the topic",
    filters: { topic: "topic:rag" },
    nodes: [TRUST_SURVEY_KEY, HOSTILE_KEY, "topic:rag"],
    edges: 2,
  },
  {
    name: "a benchmark keeps the papers evaluating it and the benchmark",
    filters: { benchmark: "benchmark:medqa" },
    nodes: [SURVEY_KEY, "benchmark:medqa"],
    edges: 1,
  },
  {
    name: "a year range drops undated papers and topics left without papers",
    filters: { years: [2024, 2024] },
    nodes: [
      MULTIMODAL_SURVEY_KEY,
      TRUST_SURVEY_KEY,
      CLIMEDBENCH_PAPER_KEY,
      "topic:rag",
      "topic:multimodal",
      "benchmark:climedbench",
    ],
    edges: 3,
  },
  {
    name: "an earlier year",
    filters: { years: [2023, 2023] },
    nodes: [SURVEY_KEY, "benchmark:medqa"],
    edges: 1,
  },
  {
    name: "one hop around the selection",
    filters: { hops: 1 },
    selected: SURVEY_KEY,
    nodes: [SURVEY_KEY, CLIMEDBENCH_PAPER_KEY, "benchmark:medqa"],
    edges: 3,
  },
  {
    name: "two hops around the selection",
    filters: { hops: 2 },
    selected: SURVEY_KEY,
    nodes: [SURVEY_KEY, CLIMEDBENCH_PAPER_KEY, "benchmark:medqa", "benchmark:climedbench"],
    edges: 4,
  },
  {
    name: "hops without a selection filter nothing",
    filters: { hops: 2 },
    nodes: "all",
    edges: 7,
  },
  {
    name: "the selection stays visible when its kind is hidden",
    filters: { hiddenKinds: ["survey"] },
    selected: SURVEY_KEY,
    nodes: [
      SURVEY_KEY,
      CLIMEDBENCH_PAPER_KEY,
      HOSTILE_KEY,
      "topic:rag",
      "topic:multimodal",
      "benchmark:medqa",
      "benchmark:climedbench",
    ],
    edges: 5,
  },
  {
    name: "a topic that is not in the graph shows nothing",
    filters: { topic: "topic:nowhere" },
    nodes: [],
    edges: 0,
  },
];

describe("computeVisibility", () => {
  for (const { name, filters, selected, nodes, edges } of CASES) {
    it(name, () => {
      const graph = buildTestGraph();
      const visibility = computeVisibility(
        graph,
        { ...DEFAULT_FILTERS, ...filters },
        selected ?? null,
      );
      if (nodes === "all") {
        expect(visibility.nodes).toBeNull();
        expect(visibility.nodeCount).toBe(9);
      } else {
        expect([...(visibility.nodes ?? [])].sort()).toEqual([...nodes].sort());
        expect(visibility.nodeCount).toBe(nodes.length);
      }
      expect(visibility.edgeCount).toBe(edges);
    });
  }
});

describe("collectNeighbourhood", () => {
  it("walks breadth-first up to the given depth", () => {
    const graph = buildTestGraph();
    expect([...collectNeighbourhood(graph, "topic:rag", 0)]).toEqual(["topic:rag"]);
    expect([...collectNeighbourhood(graph, "topic:rag", 1)].sort()).toEqual(
      [HOSTILE_KEY, TRUST_SURVEY_KEY, "topic:rag"].sort(),
    );
    expect(collectNeighbourhood(graph, SURVEY_KEY, 5).size).toBe(4);
  });
});

describe("computeVisibility: similar links", () => {
  it("hides only the links of kind similar, keeping their nodes and every other link", () => {
    const graph = buildTestGraph();
    const [a, b] = graph.filterNodes(
      (_k, attributes) => attributes.kind === "paper" || attributes.kind === "survey",
    );
    graph.addEdgeWithKey(
      `similar:${a}|${b}`,
      a as string,
      b as string,
      {
        kind: "similar",
        weight: 1,
        evidence: [{ source: "titles and abstracts", snippet: "shared terms: x" }],
      } as never,
    );
    const shown = computeVisibility(graph, DEFAULT_FILTERS, null);
    const hidden = computeVisibility(graph, { ...DEFAULT_FILTERS, hideSimilar: true }, null);
    expect(hidden.nodeCount).toBe(shown.nodeCount);
    expect(hidden.edgeCount).toBe(shown.edgeCount - 1);
    expect(isEdgeShown(hidden, { kind: "similar" })).toBe(false);
    expect(isEdgeShown(hidden, { kind: "related" })).toBe(true);
    expect(isEdgeShown(shown, { kind: "similar" })).toBe(true);
  });
});
