// Communities: Leiden (Traag et al. 2019, src/graph/leiden.ts) maximising modularity with a seeded RNG,
// numbered by size so the numbering is stable, and labelled by what characterises each community.
import { compareStrings } from "./build.ts";
import { createAdjacency, leiden, type WeightedAdjacency } from "./leiden.ts";
import type { CommunityInfo, LitGraph } from "./types.ts";

export interface CommunityOptions {
  /** Modularity resolution: above 1 gives more, smaller communities. Default 1. */
  resolution: number;
  /** How many topics, benchmarks or terms make a community's label. Default 2. */
  labelTerms: number;
}

export const DEFAULT_COMMUNITY_OPTIONS: CommunityOptions = { resolution: 1, labelTerms: 2 };

export interface CommunityResult {
  /** Node key → community id (0 is the largest community). */
  communities: Record<string, number>;
  modularity: number;
  count: number;
}

/**
 * The graph as a weighted adjacency over its nodes in `graph.nodes()` order: parallel edges (one per
 * kind) add up their `weight`; an edge without a finite weight counts 1.
 */
export function toAdjacency(graph: LitGraph): { nodes: string[]; adjacency: WeightedAdjacency } {
  const nodes = graph.nodes();
  const index = new Map<string, number>();
  nodes.forEach((node, i) => {
    index.set(node, i);
  });
  const sources = new Int32Array(graph.size);
  const targets = new Int32Array(graph.size);
  const weights = new Float64Array(graph.size);
  let e = 0;
  graph.forEachEdge((_edge, attributes, source, target) => {
    sources[e] = index.get(source) ?? 0;
    targets[e] = index.get(target) ?? 0;
    const weight = attributes.weight;
    weights[e] = typeof weight === "number" && Number.isFinite(weight) ? weight : 1;
    e++;
  });
  return { nodes, adjacency: createAdjacency(nodes.length, sources, targets, weights) };
}

/**
 * Number communities by decreasing size, ties broken by the smallest node key in the community, so
 * that the ids do not depend on how the algorithm happened to number them.
 */
export function numberBySize(
  nodes: readonly string[],
  membership: ArrayLike<number>,
): Record<string, number> {
  const members = new Map<number, string[]>();
  nodes.forEach((node, i) => {
    const raw = membership[i] ?? 0;
    const list = members.get(raw);
    if (list) list.push(node);
    else members.set(raw, [node]);
  });
  const ordered = [...members.values()]
    .map((list) => ({ list, first: list.reduce((a, b) => (compareStrings(a, b) <= 0 ? a : b)) }))
    .sort((a, b) => b.list.length - a.list.length || compareStrings(a.first, b.first));
  const communities: Record<string, number> = {};
  ordered.forEach(({ list }, id) => {
    for (const node of list) communities[node] = id;
  });
  return communities;
}

/**
 * Detect communities with Leiden, which, unlike Louvain, refines each community into well-connected
 * parts before aggregating and so reaches higher modularity. Ids are numbered by size (see numberBySize),
 * so the same graph and rng always give the same ids.
 */
export function computeCommunities(
  graph: LitGraph,
  rng: () => number,
  options: CommunityOptions = DEFAULT_COMMUNITY_OPTIONS,
): CommunityResult {
  if (graph.order === 0) return { communities: {}, modularity: 0, count: 0 };
  if (graph.size === 0) {
    // No edges: every node is its own community.
    const communities: Record<string, number> = {};
    graph.nodes().forEach((node, id) => {
      communities[node] = id;
    });
    return { communities, modularity: 0, count: graph.order };
  }
  const { nodes, adjacency } = toAdjacency(graph);
  const result = leiden(adjacency, rng, { resolution: options.resolution });
  return {
    communities: numberBySize(nodes, result.membership),
    modularity: result.modularity,
    count: result.count,
  };
}

/** Words too common in this literature to tell one community from another. */
const STOPWORDS = new Set(
  (
    "a an and are as at based be by for from how in into is it its large language languages model models llm llms " +
    "medical medicine of on or the their this to towards toward using via with what clinical healthcare health " +
    "study survey review approach new can do does we our"
  ).split(" "),
);

/**
 * Label each community by its most characteristic topics (from the taxonomy or discovered in the
 * corpus) and benchmarks: those with the largest weighted degree inside the community, weighed by the
 * share of their links that stay inside (internal² / total), so that a specific topic concentrated in
 * the community wins over a generic one spread over all of them. A community without topics or benchmarks is labelled by the
 * title words that are most frequent in it relative to the whole graph (TF-IDF over communities).
 */
export function labelCommunities(
  graph: LitGraph,
  communities: Record<string, number>,
  colors: string[],
  options: CommunityOptions = DEFAULT_COMMUNITY_OPTIONS,
): Record<string, CommunityInfo> {
  const sizes = new Map<number, number>();
  for (const id of Object.values(communities)) sizes.set(id, (sizes.get(id) ?? 0) + 1);

  const conceptScores = new Map<number, Map<string, number>>();
  graph.forEachNode((node, attributes) => {
    if (attributes.kind !== "topic" && attributes.kind !== "benchmark") return;
    const id = communities[node];
    if (id === undefined) return;
    let internal = 0;
    let total = 0;
    graph.forEachEdge(node, (_edge, edgeAttributes, source, target) => {
      if (edgeAttributes.kind === "broader") return;
      const other = source === node ? target : source;
      total += edgeAttributes.weight;
      if (communities[other] === id) internal += edgeAttributes.weight;
    });
    if (internal === 0) return;
    // Weighted degree inside the community times the share of the node's links that stay inside:
    // a topic most of whose papers are here names this community better than a generic one that
    // covers a little of every community.
    const scores = conceptScores.get(id) ?? new Map<string, number>();
    scores.set(attributes.label, (internal * internal) / total);
    conceptScores.set(id, scores);
  });

  const { termsByCommunity, documentFrequency } = countTitleTerms(graph, communities, sizes);
  const total = Math.max(1, sizes.size);

  // A community of one node (a paper linked to nothing else) is best named by that node.
  const loneLabel = new Map<number, string>();
  for (const [node, id] of Object.entries(communities)) {
    if (sizes.get(id) === 1 && graph.hasNode(node))
      loneLabel.set(id, graph.getNodeAttribute(node, "label"));
  }

  const result: Record<string, CommunityInfo> = {};
  for (const id of [...sizes.keys()].sort((a, b) => a - b)) {
    const lone = loneLabel.get(id);
    if (lone !== undefined) {
      result[String(id)] = {
        label: lone,
        size: 1,
        color: colors[id % colors.length] ?? "#999999",
        terms: NO_TERMS as string[],
      };
      continue;
    }
    let terms = topTerms(conceptScores.get(id), options.labelTerms);
    if (terms.length === 0) {
      const tfidf = new Map<string, number>();
      for (const [term, count] of termsByCommunity.get(id) ?? []) {
        tfidf.set(term, count * Math.log(1 + total / (documentFrequency.get(term) ?? 1)));
      }
      terms = topTerms(tfidf, options.labelTerms);
    }
    result[String(id)] = {
      label: terms.length > 0 ? terms.join(" · ") : `Community ${id}`,
      size: sizes.get(id) ?? 0,
      color: colors[id % colors.length] ?? "#999999",
      terms,
    };
  }
  return result;
}

/**
 * One list shared by the labels of all communities of one node, which name no terms: a graph of a
 * million unlinked papers has a million of them. Frozen, so that no caller can add to all at once.
 */
const NO_TERMS: readonly string[] = Object.freeze([]);

/**
 * The title words of each community's papers, counted per community, and in how many communities
 * each word occurs. A community of one node is labelled by that node, so only its words' community
 * count is kept, not a table of its own.
 */
function countTitleTerms(
  graph: LitGraph,
  communities: Record<string, number>,
  sizes: ReadonlyMap<number, number>,
): {
  termsByCommunity: Map<number, Map<string, number>>;
  documentFrequency: Map<string, number>;
} {
  const byCommunity = new Map<number, Map<string, number>>();
  const documentFrequency = new Map<string, number>();
  graph.forEachNode((node, attributes) => {
    if (attributes.kind !== "paper" && attributes.kind !== "survey") return;
    const id = communities[node];
    if (id === undefined) return;
    const lone = sizes.get(id) === 1;
    let counts = lone ? undefined : byCommunity.get(id);
    if (!lone && !counts) {
      counts = new Map<string, number>();
      byCommunity.set(id, counts);
    }
    const words = new Set(
      (attributes.title ?? "").toLowerCase().match(/[a-z][a-z0-9-]{2,}/g) ?? [],
    );
    for (const word of words) {
      if (STOPWORDS.has(word)) continue;
      const count = counts?.get(word) ?? 0;
      // A word counts towards its community's frequency when the community first holds it.
      if (count === 0) documentFrequency.set(word, (documentFrequency.get(word) ?? 0) + 1);
      counts?.set(word, count + 1);
    }
  });
  return { termsByCommunity: byCommunity, documentFrequency };
}

function topTerms(scores: Map<string, number> | undefined, count: number): string[] {
  if (!scores) return [];
  return [...scores]
    .sort(([ta, a], [tb, b]) => b - a || compareStrings(ta, tb))
    .slice(0, count)
    .map(([term]) => term);
}
