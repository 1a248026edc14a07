// What is on screen as a graph of its own: the visible nodes and the edges between them, with every
// attribute kept, so exporting it gives the same columns as the command line's export.
import Graph from "graphology";
import { writeGexf } from "../export/index.ts";
import type { EdgeAttributes, GraphAttributes, LitGraph, NodeAttributes } from "../graph/types.ts";
import { isEdgeShown, type Visibility } from "./visibility.ts";

/** Copy the visible part of `graph` (all of it when nothing is filtered). Keys and order are kept. */
export function extractVisibleSubgraph(graph: LitGraph, visibility: Visibility): LitGraph {
  const subgraph: LitGraph = new Graph<NodeAttributes, EdgeAttributes, GraphAttributes>({
    type: "undirected",
    multi: true,
  });
  subgraph.replaceAttributes({ ...graph.getAttributes() });
  const visible = visibility.nodes;
  graph.forEachNode((key, attributes) => {
    if (visible === null || visible.has(key)) subgraph.addNode(key, { ...attributes });
  });
  graph.forEachEdge((edge, attributes, source, target) => {
    if (subgraph.hasNode(source) && subgraph.hasNode(target) && isEdgeShown(visibility, attributes))
      subgraph.addEdgeWithKey(edge, source, target, { ...attributes });
  });
  return subgraph;
}

/** The GEXF text of the visible subgraph (the CLI's writer, so the same columns). */
export function writeVisibleGexf(graph: LitGraph, visibility: Visibility): string {
  return writeGexf(extractVisibleSubgraph(graph, visibility));
}
