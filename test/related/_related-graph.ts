// Small hand-built graphs for the related-papers tests: papers, topics, benchmarks and collections
// named in a line each, with edges that carry the evidence sources, scores and sections they test.
import Graph from "graphology";
import type {
  EdgeAttributes,
  EdgeKind,
  GraphAttributes,
  LitGraph,
  NodeAttributes,
  NodeKind,
} from "../../src/graph/types.ts";

/** A node: kind and key, and whichever attributes a test needs (label defaults to the key). */
export type NodeSpec = { key: string; kind: NodeKind } & Partial<NodeAttributes>;

/** An edge: `sources` become its evidence (one snippet each); `score` and `sections` are kept. */
export interface EdgeSpec {
  kind: EdgeKind;
  source: string;
  target: string;
  sources?: string[];
  score?: number;
  sections?: string[];
}

export const paper = (key: string, extra: Partial<NodeAttributes> = {}): NodeSpec => ({
  key,
  kind: "paper",
  ...extra,
});
export const survey = (key: string, extra: Partial<NodeAttributes> = {}): NodeSpec => ({
  key,
  kind: "survey",
  ...extra,
});
export const topic = (key: string, label: string): NodeSpec => ({ key, kind: "topic", label });
export const benchmark = (key: string, label: string): NodeSpec => ({
  key,
  kind: "benchmark",
  label,
});
export const collection = (key: string, label: string): NodeSpec => ({
  key,
  kind: "collection",
  label,
});

export const edge = (
  kind: EdgeKind,
  source: string,
  target: string,
  extra: Omit<EdgeSpec, "kind" | "source" | "target"> = {},
): EdgeSpec => ({ kind, source, target, ...extra });

/**
 * Build a graph of `nodes` and `edges` following the graph contract. Nodes without a community get -1
 * (none); `communities` gives the community labels.
 */
export function buildRelatedGraph(
  nodes: readonly NodeSpec[],
  edges: readonly EdgeSpec[],
  communities: Record<string, string> = {},
): LitGraph {
  const graph: LitGraph = new Graph<NodeAttributes, EdgeAttributes, GraphAttributes>({
    type: "undirected",
    multi: true,
  });
  graph.replaceAttributes({
    version: "1",
    modularity: 0,
    communities: Object.fromEntries(
      Object.entries(communities).map(([id, label]) => [
        id,
        { label, size: 0, color: "#888888", terms: [] },
      ]),
    ),
    builtFrom: {},
  });
  for (const { key, ...attributes } of nodes) {
    graph.addNode(key, {
      label: key,
      community: -1,
      x: 0,
      y: 0,
      size: 1,
      color: "#888888",
      sources: [],
      ...attributes,
    });
  }
  for (const spec of edges) {
    const sources = spec.sources ?? ["test"];
    graph.addEdgeWithKey(`${spec.kind}:${spec.source}|${spec.target}`, spec.source, spec.target, {
      kind: spec.kind,
      weight: sources.length,
      evidence: sources.map((source) => ({ source, snippet: `${spec.kind} on ${source}` })),
      ...(spec.score !== undefined ? { score: spec.score } : {}),
      ...(spec.sections ? { sections: spec.sections } : {}),
    });
  }
  return graph;
}
