// Appearance: a colour per community and a size per node from its PageRank, so that Gephi and
// sigma open the graph ready to look at.
import pagerank from "graphology-metrics/centrality/pagerank";
import type { LitGraph } from "./types.ts";

/**
 * Twenty colours that stay apart on light and dark backgrounds (after Kelly's 1965 list of
 * maximally distinct colours, without black and white). Communities past twenty reuse them.
 */
export const COMMUNITY_COLORS: readonly string[] = [
  "#e6194b",
  "#3cb44b",
  "#4363d8",
  "#f58231",
  "#911eb4",
  "#42d4f4",
  "#f032e6",
  "#bfef45",
  "#469990",
  "#dcbeff",
  "#9a6324",
  "#ffe119",
  "#800000",
  "#aaffc3",
  "#808000",
  "#ffd8b1",
  "#000075",
  "#fabed4",
  "#a9a9a9",
  "#2f4f4f",
];

export interface SizeOptions {
  /** Size of the least central node. Default 3. */
  minSize: number;
  /** Size of the most central node. Default 18. */
  maxSize: number;
}

export const DEFAULT_SIZE_OPTIONS: SizeOptions = { minSize: 3, maxSize: 18 };

/**
 * Node sizes from weighted PageRank (Brin & Page 1998), scaled by square root so that hubs do not
 * dwarf everything else. Returns node → size rounded to two decimals.
 */
export function computeSizes(
  graph: LitGraph,
  options: SizeOptions = DEFAULT_SIZE_OPTIONS,
): Record<string, number> {
  const sizes: Record<string, number> = {};
  if (graph.order === 0) return sizes;
  const scores =
    graph.size === 0
      ? null
      : pagerank(graph, { getEdgeWeight: "weight", maxIterations: 200, tolerance: 1e-9 });
  let max = 0;
  let min = Number.POSITIVE_INFINITY;
  graph.forEachNode((node) => {
    const score = scores?.[node] ?? 0;
    max = Math.max(max, score);
    min = Math.min(min, score);
  });
  const span = max - min;
  graph.forEachNode((node) => {
    const score = scores?.[node] ?? 0;
    const share = span > 0 ? (score - min) / span : 0;
    sizes[node] = round(
      options.minSize + (options.maxSize - options.minSize) * Math.sqrt(share),
      2,
    );
  });
  return sizes;
}

export function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
