// The related-papers ranking: explicit "related" links from source pages, shared topics and benchmarks
// weighted by rarity (Adamic & Adar 2003), text similarity of titles and abstracts, and the same community.
// Every result carries its reasons in plain words.
import { normalizeArxivId } from "../extract/arxiv-id.ts";
import type { LitGraph, NodeAttributes } from "../graph/types.ts";
import { computeTfidfVectors, cosine, type SparseVector, tokenize } from "./text-vectors.ts";
import type { RelatedOptions, RelatedResult, RelatedSignal, ResolvedQuery } from "./types.ts";

export const DEFAULT_RELATED_OPTIONS: RelatedOptions = {
  k: 10,
  weights: { explicit: 1, sharedNeighbours: 0.6, text: 1.2, community: 0.1 },
  minTextSimilarity: 0.08,
};

export function resolveRelatedOptions(partial: Partial<RelatedOptions> = {}): RelatedOptions {
  const options = { ...DEFAULT_RELATED_OPTIONS, ...partial };
  if (!Number.isInteger(options.k) || options.k < 1)
    throw new RangeError(`related: k must be a positive integer, got ${options.k}`);
  return options;
}

const isPaper = (attributes: NodeAttributes) =>
  attributes.kind === "paper" || attributes.kind === "survey";

/** What a ranking needs precomputed once per graph: text vectors of every paper. */
export interface RelatedIndex {
  graph: LitGraph;
  vectors: Map<string, SparseVector>;
}

export function createRelatedIndex(graph: LitGraph): RelatedIndex {
  const keys: string[] = [];
  const texts: string[] = [];
  graph.forEachNode((key, attributes) => {
    if (!isPaper(attributes)) return;
    keys.push(key);
    texts.push(
      [attributes.title, attributes.titleZh, attributes.abstract, attributes.abstractZh]
        .filter(Boolean)
        .join("\n"),
    );
  });
  const vectors = computeTfidfVectors(texts);
  return { graph, vectors: new Map(keys.map((key, i) => [key, vectors[i] ?? new Map()])) };
}

/**
 * Find the node a query names: a node key, an arXiv id (with or without version or URL), or words of
 * a title (English or Chinese). Returns undefined when nothing matches.
 */
export function resolveQuery(graph: LitGraph, query: string): ResolvedQuery | undefined {
  const trimmed = query.trim();
  if (!trimmed) return undefined;
  if (graph.hasNode(trimmed))
    return { key: trimmed, label: graph.getNodeAttribute(trimmed, "label"), matchedBy: "key" };
  const arxiv = normalizeArxivId(trimmed);
  if (arxiv) {
    const key = graph.findNode((_, a) => a.arxiv === arxiv);
    if (key) return { key, label: graph.getNodeAttribute(key, "label"), matchedBy: "arxiv" };
  }
  const wanted = new Set(tokenize(trimmed));
  const lowered = trimmed.toLowerCase();
  let best: { key: string; score: number } | undefined;
  graph.forEachNode((key, attributes) => {
    const names = [attributes.label, attributes.title, attributes.titleZh].filter(
      (n): n is string => Boolean(n),
    );
    let score = 0;
    for (const name of names) {
      if (name.toLowerCase() === lowered) score = Math.max(score, 2);
      else if (name.toLowerCase().includes(lowered)) score = Math.max(score, 1.5);
      else if (wanted.size > 0) {
        const terms = new Set(tokenize(name));
        let shared = 0;
        for (const term of wanted)
          if (terms.has(term) || [...terms].some((t) => t.startsWith(term))) shared += 1;
        score = Math.max(score, shared / wanted.size);
      }
    }
    // Prefer papers over topics of the same name only when the match is as good.
    if (isPaper(attributes)) score += 0.001;
    if (score >= 0.5 && (!best || score > best.score || (score === best.score && key < best.key)))
      best = { key, score };
  });
  return best
    ? { key: best.key, label: graph.getNodeAttribute(best.key, "label"), matchedBy: "title" }
    : undefined;
}

/** Rank the papers related to `key`. */
export function rankRelated(
  index: RelatedIndex,
  key: string,
  partial: Partial<RelatedOptions> = {},
): RelatedResult[] {
  const options = resolveRelatedOptions(partial);
  const { graph } = index;
  const target = graph.getNodeAttributes(key);
  const candidates = new Map<
    string,
    { breakdown: Record<RelatedSignal, number>; reasons: Array<[number, string]> }
  >();
  const entry = (other: string) => {
    let found = candidates.get(other);
    if (!found) {
      found = {
        breakdown: { explicit: 0, sharedNeighbours: 0, text: 0, community: 0 },
        reasons: [],
      };
      candidates.set(other, found);
    }
    return found;
  };

  // Explicit links.
  graph.forEachEdge(key, (_edge, attributes, source, targetNode) => {
    if (attributes.kind !== "related") return;
    const other = source === key ? targetNode : source;
    const found = entry(other);
    const sources = [...new Set(attributes.evidence.map((e) => e.source))];
    found.breakdown.explicit += options.weights.explicit * sources.length;
    found.reasons.push([found.breakdown.explicit, `listed as related on ${sources.join(", ")}`]);
  });

  // Shared topics and benchmarks, weighted by rarity.
  const shared = new Map<
    string,
    { score: number; topics: string[]; benchmarks: Map<string, string> }
  >();
  const targetNeighbours = isPaper(target) ? graph.neighbors(key) : [key];
  for (const neighbour of targetNeighbours) {
    const n = graph.getNodeAttributes(neighbour);
    if (n.kind !== "topic" && n.kind !== "benchmark") continue;
    const rarity = 1 / Math.log(1 + graph.degree(neighbour));
    graph.forEachEdge(neighbour, (_edge, attributes, source, targetNode) => {
      const other = source === neighbour ? targetNode : source;
      if (other === key || !isPaper(graph.getNodeAttributes(other))) return;
      const item = shared.get(other) ?? {
        score: 0,
        topics: [],
        benchmarks: new Map<string, string>(),
      };
      if (n.kind === "topic") {
        if (!item.topics.includes(n.label)) {
          item.topics.push(n.label);
          item.score += rarity;
        }
      } else if (!item.benchmarks.has(n.label)) {
        item.benchmarks.set(n.label, attributes.kind);
        item.score += rarity;
      }
      shared.set(other, item);
    });
  }
  for (const [other, item] of shared) {
    const found = entry(other);
    found.breakdown.sharedNeighbours = options.weights.sharedNeighbours * item.score;
    const score = found.breakdown.sharedNeighbours;
    if (item.benchmarks.size > 0) {
      const names = [...item.benchmarks.keys()];
      found.reasons.push([
        score + 0.01,
        `both ${names.length > 1 ? "use" : "use"} ${names.join(", ")}`,
      ]);
    }
    if (item.topics.length > 0)
      found.reasons.push([score, `shared topics: ${item.topics.join(", ")}`]);
  }

  // Text similarity.
  const vector = index.vectors.get(key);
  if (vector && vector.size > 0) {
    for (const [other, otherVector] of index.vectors) {
      if (other === key) continue;
      const similarity = cosine(vector, otherVector);
      if (similarity < options.minTextSimilarity) continue;
      const found = entry(other);
      found.breakdown.text = options.weights.text * similarity;
      found.reasons.push([
        found.breakdown.text,
        `similar titles and abstracts (${similarity.toFixed(2)})`,
      ]);
    }
  }

  // Community, as a tie-breaker among candidates that already have a reason.
  const communityLabel = graph.getAttribute("communities")?.[String(target.community)]?.label;
  for (const [other, found] of candidates) {
    if (graph.getNodeAttribute(other, "community") === target.community) {
      found.breakdown.community = options.weights.community;
      found.reasons.push([0, `same community${communityLabel ? ` (${communityLabel})` : ""}`]);
    }
  }

  const results: RelatedResult[] = [];
  for (const [other, found] of candidates) {
    if (other === key) continue;
    const score = Object.values(found.breakdown).reduce((sum, value) => sum + value, 0);
    results.push({
      key: other,
      label: graph.getNodeAttribute(other, "label"),
      score: Math.round(score * 1000) / 1000,
      reasons: found.reasons.sort((a, b) => b[0] - a[0]).map(([, reason]) => reason),
      breakdown: found.breakdown,
    });
  }
  return results.sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : 1)).slice(0, options.k);
}
