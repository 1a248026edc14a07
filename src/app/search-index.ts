// Search over the graph's nodes: English and Chinese titles, arXiv ids, authors, topic and benchmark
// names, with prefix and fuzzy matching (MiniSearch). Chinese has no spaces, so Chinese text is
// indexed as single characters and character pairs, and a partial Chinese query matches by its pairs.
import MiniSearch, { type SearchResult } from "minisearch";
import type { LitGraph, NodeKind } from "../graph/types.ts";

/** One searchable node. */
export interface SearchDocument {
  id: string;
  label: string;
  titles: string;
  arxiv: string;
  authors: string;
  kind: string;
  /** Second line of a suggestion: the Chinese title, the arXiv id or the year. */
  detail: string;
}

/** One suggestion. */
export interface SearchHit {
  key: string;
  label: string;
  kind: NodeKind | string;
  detail: string;
  score: number;
}

/** Han ideographs (CJK Unified Ideographs and Extension A) and the Japanese/Korean scripts nearby. */
const CJK = "\\u3040-\\u30ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\uac00-\\ud7af";
const CJK_RUN = new RegExp(`[${CJK}]+`, "gu");
const CJK_CHAR = new RegExp(`[${CJK}]`, "u");
/** A word: letters and digits, possibly joined by `-` or `.` (Med-PaLM, GPT-4, 2311.05112). */
const WORD = new RegExp(`[^\\s\\p{P}\\p{S}${CJK}]+(?:[-.][^\\s\\p{P}\\p{S}${CJK}]+)*`, "gu");

const SEARCH_FIELDS = ["label", "titles", "arxiv", "authors"] as const;

/** Whether a term is Chinese (or Japanese/Korean) text. */
export function isCjkTerm(term: string): boolean {
  return CJK_CHAR.test(term);
}

/**
 * Tokens of indexed text: lower-cased words, each joined word also split into its parts
 * (`med-palm` → `med-palm`, `med`, `palm`), and every CJK run as its characters and character pairs.
 */
export function tokenizeForIndex(text: string): string[] {
  const tokens: string[] = [];
  for (const word of text.toLowerCase().match(WORD) ?? []) {
    tokens.push(word);
    if (/[-.]/.test(word)) for (const part of word.split(/[-.]/)) if (part) tokens.push(part);
  }
  for (const run of text.match(CJK_RUN) ?? []) {
    const chars = [...run];
    for (const char of chars) tokens.push(char);
    for (let i = 0; i + 1 < chars.length; i += 1) tokens.push(`${chars[i]}${chars[i + 1]}`);
  }
  return tokens;
}

/**
 * Tokens of a query: words as in the index (without their parts, so `gpt-4` must match as a
 * whole), and each CJK run as its character pairs (a single character stays itself). All tokens
 * must match (AND), so `医学大模型` finds titles containing those pairs.
 */
export function tokenizeQuery(text: string): string[] {
  const tokens: string[] = [...(text.toLowerCase().match(WORD) ?? [])];
  for (const run of text.match(CJK_RUN) ?? []) {
    const chars = [...run];
    if (chars.length === 1) tokens.push(run);
    for (let i = 0; i + 1 < chars.length; i += 1) tokens.push(`${chars[i]}${chars[i + 1]}`);
  }
  return [...new Set(tokens)];
}

/** The searchable text of every node, in graph order. */
export function buildSearchDocuments(graph: LitGraph): SearchDocument[] {
  const documents: SearchDocument[] = [];
  graph.forEachNode((key, attributes) => {
    const titles = [attributes.title, attributes.titleZh, ...(attributes.aliases ?? [])]
      .filter((t): t is string => typeof t === "string" && t !== "" && t !== attributes.label)
      .join("\n");
    const detail =
      attributes.titleZh && attributes.titleZh !== attributes.label
        ? attributes.titleZh
        : [attributes.arxiv, attributes.year].filter((v) => v !== undefined).join(" · ");
    documents.push({
      id: key,
      label: String(attributes.label ?? key),
      titles,
      arxiv: attributes.arxiv ?? "",
      authors: Array.isArray(attributes.authors) ? attributes.authors.join("\n") : "",
      kind: String(attributes.kind),
      detail,
    });
  });
  return documents;
}

export type NodeSearchIndex = MiniSearch<SearchDocument>;

/** An empty index; add `buildSearchDocuments(graph)` with `addAll` or, for large graphs, `addAllAsync`. */
export function createSearchIndex(): NodeSearchIndex {
  return new MiniSearch<SearchDocument>({
    idField: "id",
    fields: [...SEARCH_FIELDS],
    storeFields: ["label", "kind", "detail"],
    tokenize: tokenizeForIndex,
    // Tokens are already lower-cased; keep CJK characters as they are.
    processTerm: (term) => term,
    searchOptions: {
      tokenize: tokenizeQuery,
      processTerm: (term) => term,
      combineWith: "AND",
      prefix: (term) => !isCjkTerm(term),
      // Fuzzy matching forgives a typo in longer words; CJK pairs and short words must match exactly.
      fuzzy: (term) => (isCjkTerm(term) || term.length < 5 ? false : 0.2),
      boost: { label: 3, arxiv: 3, titles: 2, authors: 1 },
    },
  });
}

/** Create an index holding every node of `graph` at once (fine for graphs up to a few thousand nodes). */
export function indexGraph(graph: LitGraph): NodeSearchIndex {
  const index = createSearchIndex();
  index.addAll(buildSearchDocuments(graph));
  return index;
}

/** The best `limit` suggestions for `query` (none for a blank query). */
export function searchNodes(index: NodeSearchIndex, query: string, limit = 8): SearchHit[] {
  if (query.trim() === "") return [];
  return index
    .search(query)
    .slice(0, limit)
    .map((result: SearchResult) => ({
      key: String(result.id),
      label: String(result.label ?? result.id),
      kind: String(result.kind ?? ""),
      detail: String(result.detail ?? ""),
      score: result.score,
    }));
}
