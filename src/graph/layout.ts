// Layout: seeded initial positions, then ForceAtlas2 (Jacomy et al. 2014) and overlap removal (overlap.ts), with iteration
// counts scaled to the graph so that a 10k-node build stays in seconds rather than minutes; nodes
// without edges are set in rows under the map instead of a ring around it.
import forceAtlas2 from "graphology-layout-forceatlas2";
import { round } from "./appearance.ts";
import { type OverlapNode, removeOverlaps } from "./overlap.ts";
import type { LitGraph } from "./types.ts";

export interface LayoutOptions {
  /** ForceAtlas2 iterations; `auto` picks them from the graph's order (see inferLayoutIterations). */
  iterations: number | "auto";
  /** Overlap-removal passes after ForceAtlas2 (see overlap.ts). Default 50. */
  noverlapIterations: number;
}

export const DEFAULT_LAYOUT_OPTIONS: LayoutOptions = { iterations: "auto", noverlapIterations: 50 };

/**
 * ForceAtlas2 iterations for a graph of `order` nodes: many for small graphs, where they are cheap and
 * make the picture settle; few for large ones (100 Barnes-Hut iterations take ~20 s at 10k nodes on a laptop core).
 */
export function inferLayoutIterations(order: number): number {
  if (order <= 500) return 500;
  if (order <= 2_000) return 200;
  if (order <= 10_000) return 60;
  if (order <= 50_000) return 25;
  return 10;
}

/**
 * Assign `x` and `y` to every node. Initial positions are seeded: each community starts around its own
 * point on a circle, so ForceAtlas2 has less to untangle and the same seed gives the same picture.
 */
export function assignLayout(
  graph: LitGraph,
  rng: () => number,
  options: LayoutOptions = DEFAULT_LAYOUT_OPTIONS,
): void {
  if (graph.order === 0) return;
  // A loop, not Math.max(...values): spreading one argument per node overflows the call stack
  // beyond about 120k nodes.
  let communityCount = 1;
  graph.forEachNode((_, attributes) => {
    if (attributes.community + 1 > communityCount) communityCount = attributes.community + 1;
  });
  const radius = Math.sqrt(graph.order) * 10;
  graph.forEachNode((node, attributes) => {
    const angle = (2 * Math.PI * Math.max(0, attributes.community)) / communityCount;
    const spread = radius / Math.sqrt(communityCount);
    graph.mergeNodeAttributes(node, {
      x: radius * Math.cos(angle) + (rng() - 0.5) * spread,
      y: radius * Math.sin(angle) + (rng() - 0.5) * spread,
    });
  });
  if (graph.size > 0) {
    const iterations =
      options.iterations === "auto" ? inferLayoutIterations(graph.order) : options.iterations;
    forceAtlas2.assign(graph, {
      iterations,
      getEdgeWeight: "weight",
      settings: { ...forceAtlas2.inferSettings(graph), adjustSizes: false },
    });
  }
  if (options.noverlapIterations > 0) {
    // Unconnected nodes get a grid of their own below, where nothing overlaps.
    const ids = graph.filterNodes((node) => graph.degree(node) > 0);
    const points: OverlapNode[] = ids.map((id) => {
      const a = graph.getNodeAttributes(id);
      return { x: a.x, y: a.y, size: a.size };
    });
    removeOverlaps(points, { maxIterations: options.noverlapIterations, margin: 2, ratio: 1.2 });
    ids.forEach((id, i) => {
      const p = points[i] as OverlapNode;
      graph.mergeNodeAttributes(id, { x: p.x, y: p.y });
    });
  }
  placeUnconnected(graph);
  graph.forEachNode((node, attributes) => {
    graph.mergeNodeAttributes(node, { x: round(attributes.x, 2), y: round(attributes.y, 2) });
  });
}

/**
 * Nodes without any edge, which ForceAtlas2's repulsion alone would fling into a ring around the
 * map, are set in a compact block of rows under it, in key order, one cell per node, so the map
 * keeps its shape and the unconnected papers stay in view, together, as a list of their own.
 */
function placeUnconnected(graph: LitGraph): void {
  const unconnected: string[] = [];
  let minX = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  let largest = 1;
  graph.forEachNode((node, attributes) => {
    if (graph.degree(node) === 0) {
      unconnected.push(node);
      largest = Math.max(largest, attributes.size);
      return;
    }
    minX = Math.min(minX, attributes.x);
    maxX = Math.max(maxX, attributes.x);
    maxY = Math.max(maxY, attributes.y);
  });
  if (unconnected.length === 0) return;
  unconnected.sort();
  const cell = largest * 3;
  let columns: number;
  let top: number;
  let left: number;
  if (unconnected.length === graph.order) {
    // A graph without edges is only this block: a square of rows around the origin.
    columns = Math.ceil(Math.sqrt(unconnected.length));
    top = (-(Math.ceil(unconnected.length / columns) - 1) * cell) / 2;
    left = (-(columns - 1) * cell) / 2;
  } else {
    const width = Math.max(maxX - minX, cell);
    columns = Math.max(1, Math.min(unconnected.length, Math.floor(width / cell) + 1));
    top = maxY + cell * 3;
    left = minX + (width - (columns - 1) * cell) / 2;
  }
  unconnected.forEach((node, i) => {
    graph.mergeNodeAttributes(node, {
      x: left + (i % columns) * cell,
      y: top + Math.floor(i / columns) * cell,
    });
  });
}
