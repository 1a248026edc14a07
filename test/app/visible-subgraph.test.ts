// The visible subgraph, and its GEXF export read back with graphology-gexf: same counts as visible,
// same attributes as the full graph.
import Graph from "graphology";
import { parse } from "graphology-gexf";
import { describe, expect, it } from "vitest";
import { DEFAULT_FILTERS } from "../../src/app/state.ts";
import { computeVisibility } from "../../src/app/visibility.ts";
import { extractVisibleSubgraph, writeVisibleGexf } from "../../src/app/visible-subgraph.ts";
import { writeGexf } from "../../src/export/index.ts";
import { buildTestGraph, SURVEY_KEY } from "../_graph.ts";

describe("extractVisibleSubgraph", () => {
  it("is a copy of the whole graph when nothing is filtered", () => {
    const graph = buildTestGraph();
    const subgraph = extractVisibleSubgraph(graph, computeVisibility(graph, DEFAULT_FILTERS, null));
    expect(subgraph.export()).toEqual(graph.export());
    subgraph.setNodeAttribute(SURVEY_KEY, "label", "changed");
    expect(graph.getNodeAttribute(SURVEY_KEY, "label")).not.toBe("changed");
  });

  it("keeps the visible nodes and the edges between them, with their attributes", () => {
    const graph = buildTestGraph();
    const visibility = computeVisibility(graph, { ...DEFAULT_FILTERS, hops: 1 }, SURVEY_KEY);
    const subgraph = extractVisibleSubgraph(graph, visibility);
    expect(subgraph.order).toBe(visibility.nodeCount);
    expect(subgraph.size).toBe(visibility.edgeCount);
    subgraph.forEachEdge((edge, attributes) => {
      expect(attributes).toEqual(graph.getEdgeAttributes(edge));
    });
    expect(subgraph.getAttributes()).toEqual(graph.getAttributes());
  });

  it("exports GEXF with the CLI's writer that reads back with the visible counts", () => {
    const graph = buildTestGraph();
    const visibility = computeVisibility(
      graph,
      { ...DEFAULT_FILTERS, hiddenKinds: ["topic"] },
      null,
    );
    const text = writeVisibleGexf(graph, visibility);
    const read = parse(Graph, text);
    expect(read.order).toBe(visibility.nodeCount);
    expect(read.size).toBe(visibility.edgeCount);
    expect(text).toBe(writeGexf(extractVisibleSubgraph(graph, visibility)));
  });
});
