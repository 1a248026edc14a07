// Which nodes the filters leave on screen, and how many nodes and edges that is. A pure function of
// the graph, the filters and the selection, so the explorer and its tests agree on what is visible.
import type { EdgeAttributes, LitGraph, NodeAttributes } from "../graph/types.ts";
import type { Filters } from "./state.ts";

export interface Visibility {
  /** The visible node keys, or null when every node is visible. */
  nodes: ReadonlySet<string> | null;
  nodeCount: number;
  edgeCount: number;
  /** Whether `similar` links are hidden (their nodes stay). */
  hideSimilar: boolean;
}

/** Whether an edge is drawn under `visibility` (its ends aside). */
export function isEdgeShown(
  visibility: Visibility,
  attributes: Pick<EdgeAttributes, "kind">,
): boolean {
  return !(visibility.hideSimilar && attributes.kind === "similar");
}

/** Whether a node is a paper in the wide sense (a paper or a survey). */
export function isPaperLike(attributes: Pick<NodeAttributes, "kind">): boolean {
  return attributes.kind === "paper" || attributes.kind === "survey";
}

/** Whether any filter is on (when none is, every node is visible). */
export function hasActiveFilters(filters: Filters, selected: string | null): boolean {
  return (
    filters.hiddenKinds.length > 0 ||
    filters.hiddenCommunities.length > 0 ||
    filters.topic !== null ||
    filters.benchmark !== null ||
    filters.years !== null ||
    (filters.hops > 0 && selected !== null)
  );
}

/**
 * Compute what the filters show.
 *
 * - A paper or survey is shown when its kind and community are shown, its year is in `years`
 *   (undated papers only when `years` is null), and it links to `topic` and `benchmark` when those
 *   are set.
 * - Other nodes (topics, benchmarks) are shown when their kind and community are shown and, while a
 *   year, topic or benchmark filter narrows the papers, when they link to a shown paper or are the
 *   chosen topic or benchmark themselves: the field grows with its papers.
 * - With `hops` set and a node selected, only nodes within that many hops of it stay.
 * - The selected node always stays visible, so the selection is never lost behind a filter.
 * - An edge is visible when both its ends are.
 */
export function computeVisibility(
  graph: LitGraph,
  filters: Filters,
  selected: string | null,
): Visibility {
  const selection = selected !== null && graph.hasNode(selected) ? selected : null;
  const hideSimilar = filters.hideSimilar;
  if (!hasActiveFilters(filters, selection)) {
    let edgeCount = graph.size;
    if (hideSimilar) {
      graph.forEachEdge((_edge, attributes) => {
        if (attributes.kind === "similar") edgeCount -= 1;
      });
    }
    return { nodes: null, nodeCount: graph.order, edgeCount, hideSimilar };
  }
  const hiddenKinds = new Set<string>(filters.hiddenKinds);
  const hiddenCommunities = new Set(filters.hiddenCommunities);
  const narrowsPapers =
    filters.years !== null || filters.topic !== null || filters.benchmark !== null;
  const topic = filters.topic !== null && graph.hasNode(filters.topic) ? filters.topic : null;
  const benchmark =
    filters.benchmark !== null && graph.hasNode(filters.benchmark) ? filters.benchmark : null;

  const shownByType = (attributes: NodeAttributes) =>
    !hiddenKinds.has(attributes.kind) && !hiddenCommunities.has(attributes.community);

  const papers = new Set<string>();
  graph.forEachNode((node, attributes) => {
    if (!isPaperLike(attributes) || !shownByType(attributes)) return;
    if (filters.years !== null) {
      const year = attributes.year;
      if (typeof year !== "number" || year < filters.years[0] || year > filters.years[1]) return;
    }
    if (filters.topic !== null && (topic === null || !graph.areNeighbors(node, topic))) return;
    if (filters.benchmark !== null && (benchmark === null || !graph.areNeighbors(node, benchmark)))
      return;
    papers.add(node);
  });

  const visible = new Set<string>(papers);
  graph.forEachNode((node, attributes) => {
    if (isPaperLike(attributes) || !shownByType(attributes)) return;
    if (!narrowsPapers || node === topic || node === benchmark) {
      visible.add(node);
      return;
    }
    if (graph.someNeighbor(node, (neighbour) => papers.has(neighbour))) visible.add(node);
  });

  let nodes: Set<string> = visible;
  if (filters.hops > 0 && selection !== null) {
    const near = collectNeighbourhood(graph, selection, filters.hops);
    nodes = new Set([...visible].filter((node) => near.has(node)));
  }
  if (selection !== null) nodes.add(selection);

  let edgeCount = 0;
  graph.forEachEdge((_edge, attributes, source, target) => {
    if (hideSimilar && attributes.kind === "similar") return;
    if (nodes.has(source) && nodes.has(target)) edgeCount += 1;
  });
  return { nodes, nodeCount: nodes.size, edgeCount, hideSimilar };
}

/** The nodes within `hops` hops of `start` (breadth-first), `start` included. */
export function collectNeighbourhood(graph: LitGraph, start: string, hops: number): Set<string> {
  const seen = new Set<string>([start]);
  let frontier = [start];
  for (let depth = 0; depth < hops && frontier.length > 0; depth += 1) {
    const next: string[] = [];
    for (const node of frontier) {
      graph.forEachNeighbor(node, (neighbour) => {
        if (seen.has(neighbour)) return;
        seen.add(neighbour);
        next.push(neighbour);
      });
    }
    frontier = next;
  }
  return seen;
}

/** Whether an edge between `source` and `target` is visible. */
export function isEdgeVisible(visibility: Visibility, source: string, target: string): boolean {
  return (
    visibility.nodes === null || (visibility.nodes.has(source) && visibility.nodes.has(target))
  );
}
