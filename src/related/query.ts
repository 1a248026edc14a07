// Query resolution: find the node a query names — a node key, an arXiv id (with version or as a URL),
// a DOI, or a few words of a title in English or Chinese, matched loosely (prefixes, one typo, any
// order, Chinese character bigrams) — and split "more like these" queries into their parts.
import { normalizeArxivId } from "../extract/arxiv-id.ts";
import type { LitGraph, NodeAttributes } from "../graph/types.ts";
import { tokenize } from "./text-vectors.ts";
import type { ResolvedQuery } from "./types.ts";

/** The share of a query's (rarity-weighted) words a title must contain to be taken as its match. */
export const MIN_TITLE_COVERAGE = 0.5;

/** Credit for a query word found as a whole term, as the start of a term, or with a typo. */
const EXACT_CREDIT = 1;
const PREFIX_CREDIT = 0.9;
const FUZZY_CREDIT = 0.75;
/** Bonus when the whole query is found in a name as written, and when it is the whole name. */
const SUBSTRING_BONUS = 0.5;
const EQUAL_BONUS = 0.5;
/** Titles are preferred to topics and benchmarks of the same wording by this much. */
const PAPER_PREFERENCE = 0.01;

/** Names and title words of every node, with the terms' postings, for resolving title queries. */
export interface TitleIndex {
  /** Node count when built: a graph that changed since is indexed again. */
  order: number;
  keys: string[];
  labels: string[];
  paperLike: Uint8Array;
  /** Per node: lower-case names (label, title, Chinese title), whitespace collapsed. */
  names: string[][];
  /** Per node: how many distinct terms its names have (for preferring shorter titles). */
  termCounts: Int32Array;
  /** Term → nodes whose names have it. */
  postings: Map<string, number[]>;
  /** Latin terms, sorted, for prefix and typo matches. */
  latinTerms: string[];
  byArxiv: Map<string, number>;
  byDoi: Map<string, number>;
}

const CACHE = new WeakMap<LitGraph, TitleIndex>();

const normalizeName = (text: string) =>
  text.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();

const DOI_PATTERN = /^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)?(10\.\d{4,9}\/\S+)$/i;

/** Index the names of every node of `graph`. */
export function createTitleIndex(graph: LitGraph): TitleIndex {
  const index: TitleIndex = {
    order: graph.order,
    keys: [],
    labels: [],
    paperLike: new Uint8Array(graph.order),
    names: [],
    termCounts: new Int32Array(graph.order),
    postings: new Map(),
    latinTerms: [],
    byArxiv: new Map(),
    byDoi: new Map(),
  };
  graph.forEachNode((key, attributes: NodeAttributes) => {
    const position = index.keys.length;
    index.keys.push(key);
    index.labels.push(attributes.label);
    index.paperLike[position] = attributes.kind === "paper" || attributes.kind === "survey" ? 1 : 0;
    const names = [
      ...new Set(
        [attributes.label, attributes.title, attributes.titleZh]
          .filter((name): name is string => Boolean(name))
          .map(normalizeName),
      ),
    ];
    index.names.push(names);
    const terms = new Set(names.flatMap((name) => tokenize(name)));
    index.termCounts[position] = terms.size;
    for (const term of terms) {
      const list = index.postings.get(term);
      if (list) list.push(position);
      else index.postings.set(term, [position]);
    }
    if (attributes.arxiv && !index.byArxiv.has(attributes.arxiv))
      index.byArxiv.set(attributes.arxiv, position);
    if (attributes.doi) index.byDoi.set(attributes.doi.toLowerCase(), position);
  });
  for (const term of index.postings.keys()) if (/^[a-z]/.test(term)) index.latinTerms.push(term);
  // Sorted (by UTF-16 code), so that the terms a word begins are one run found by binary search.
  index.latinTerms.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return index;
}

function titleIndexOf(graph: LitGraph): TitleIndex {
  const cached = CACHE.get(graph);
  if (cached && cached.order === graph.order) return cached;
  const index = createTitleIndex(graph);
  CACHE.set(graph, index);
  return index;
}

/** Levenshtein distance, giving up (returning `limit + 1`) once it must exceed `limit`. */
export function computeEditDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length] as number;
}

/**
 * The terms of the index a query word matches, with the credit each match earns: the word itself, the
 * terms it begins, and only when there are none of those, the terms one typo away (two for long words).
 */
function matchTerm(index: TitleIndex, word: string): Map<string, number> {
  const found = new Map<string, number>();
  if (index.postings.has(word)) found.set(word, EXACT_CREDIT);
  if (!/^[a-z]/.test(word)) return found;
  if (word.length >= 3) {
    const terms = index.latinTerms;
    let low = 0;
    let high = terms.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((terms[middle] as string) < word) low = middle + 1;
      else high = middle;
    }
    for (let i = low; i < terms.length && (terms[i] as string).startsWith(word); i += 1)
      if (terms[i] !== word) found.set(terms[i] as string, PREFIX_CREDIT);
  }
  const typos = word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0;
  if (found.size > 0 || typos === 0) return found;
  for (const term of index.latinTerms)
    if (computeEditDistance(word, term, typos) <= typos) found.set(term, FUZZY_CREDIT);
  return found;
}

/** A title query's best node and how much of the query it covers, or undefined. */
function matchTitle(
  index: TitleIndex,
  query: string,
): { position: number; confidence: number } | undefined {
  const n = index.keys.length;
  const normalized = normalizeName(query);
  const words = [...new Set(tokenize(normalized))];
  const coverage = new Float64Array(n);
  const touched: number[] = [];
  let total = 0;
  for (const word of words) {
    const matches = matchTerm(index, word);
    let df = 0;
    for (const term of matches.keys()) df = Math.max(df, index.postings.get(term)?.length ?? 0);
    // A word no title has weighs as much as the rarest word; a common one (`medical`) little.
    const weight = Math.log(1 + n / Math.max(1, df));
    total += weight;
    // The best credit each node earns for this word, then its share of the word's weight.
    const credit = new Float64Array(n);
    const credited: number[] = [];
    for (const [term, value] of matches) {
      for (const position of index.postings.get(term) ?? []) {
        if (credit[position] === 0) credited.push(position);
        credit[position] = Math.max(credit[position] as number, value);
      }
    }
    for (const position of credited) {
      if (coverage[position] === 0) touched.push(position);
      coverage[position] = (coverage[position] as number) + weight * (credit[position] as number);
    }
  }
  let best: { position: number; score: number; confidence: number } | undefined;
  const consider = (position: number) => {
    let confidence = total > 0 ? (coverage[position] as number) / total : 0;
    let bonus = 0;
    // A name that holds the query as written has its words too, so it passes on its words alone;
    // only those names (or every name, when no node has a word of the query) need searching.
    if (touched.length === 0 || (normalized.length >= 2 && confidence >= MIN_TITLE_COVERAGE)) {
      for (const name of index.names[position] as string[]) {
        if (name === normalized) bonus = Math.max(bonus, SUBSTRING_BONUS + EQUAL_BONUS);
        else if (name.includes(normalized)) bonus = Math.max(bonus, SUBSTRING_BONUS);
      }
      if (bonus > 0) confidence = 1;
    }
    if (confidence < MIN_TITLE_COVERAGE) return;
    // Prefer papers, then titles the query covers more of (shorter titles).
    const score =
      Math.min(1, confidence) +
      bonus +
      (index.paperLike[position] === 1 ? PAPER_PREFERENCE : 0) +
      PAPER_PREFERENCE / (1 + (index.termCounts[position] as number));
    if (!best || score > best.score || (score === best.score && position < best.position))
      best = { position, score, confidence: Math.min(1, confidence) };
  };
  // When no node has a word of the query (a single Chinese character, a piece of a word), every
  // node is looked at.
  if (touched.length > 0) for (const position of touched) consider(position);
  else for (let position = 0; position < n; position += 1) consider(position);
  return best ? { position: best.position, confidence: best.confidence } : undefined;
}

/**
 * Find the node a query names: a node key (`paper:arxiv:2311.05112`, `topic:rag`), an arXiv id with or
 * without version or as a URL, a DOI, or words of a title, English or Chinese (a few characters of a
 * Chinese title will do). Title words match loosely: in any order, as prefixes, with a typo; the node
 * whose names hold the largest rarity-weighted share of the words wins, papers before topics. Returns
 * undefined when nothing matches. Names are indexed once per graph (`titles` to pass an index).
 */
export function resolveQuery(
  graph: LitGraph,
  query: string,
  titles?: TitleIndex,
): ResolvedQuery | undefined {
  const trimmed = query.trim();
  if (!trimmed) return undefined;
  if (graph.hasNode(trimmed))
    return { key: trimmed, label: graph.getNodeAttribute(trimmed, "label"), matchedBy: "key" };
  const index = titles && titles.order === graph.order ? titles : titleIndexOf(graph);
  const answer = (position: number, matchedBy: ResolvedQuery["matchedBy"], confidence?: number) => {
    const key = index.keys[position] as string;
    return {
      key,
      label: index.labels[position] as string,
      matchedBy,
      ...(confidence !== undefined ? { confidence: Math.round(confidence * 100) / 100 } : {}),
    };
  };
  const arxiv = normalizeArxivId(trimmed);
  if (arxiv) {
    const position = index.byArxiv.get(arxiv);
    if (position !== undefined) return answer(position, "arxiv");
    return undefined;
  }
  const doi = DOI_PATTERN.exec(trimmed)?.[1];
  if (doi) {
    const position = index.byDoi.get(doi.toLowerCase());
    if (position !== undefined) return answer(position, "doi");
  }
  const match = matchTitle(index, trimmed);
  return match ? answer(match.position, "title", match.confidence) : undefined;
}

/**
 * Split a "more like these" query into its parts: `;` (or the full-width `；`) separates papers.
 * Empty parts are dropped.
 */
export function splitQueries(text: string): string[] {
  return text
    .split(/[;；]/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}
