// Shapes of related-paper queries: the signals, their weights, what was asked, and each answer with its
// score, its reasons in plain words and the share of the score each signal gave.

/**
 * The signals a ranking combines:
 * - `explicit`: a source page lists the two papers as related (or a survey lists the other paper);
 * - `sharedNeighbours`: topics and benchmarks both papers are linked to, rare ones counting more;
 * - `coListed`: both papers are listed by the same collection (more in the same section) or are
 *   related entries on the same page;
 * - `text`: similar titles and abstracts;
 * - `latent`: English titles and abstracts alike in the themes the corpus's words share (latent
 *   semantic similarity; orders candidates something else found, never makes one);
 * - `community`: the same community (a weak tie-breaker);
 * - `time`: published close in time (orders candidates something else found; never makes one).
 */
export type RelatedSignal =
  | "explicit"
  | "sharedNeighbours"
  | "coListed"
  | "text"
  | "latent"
  | "community"
  | "time";

/** Every signal, in the order breakdowns are printed. */
export const RELATED_SIGNALS: readonly RelatedSignal[] = [
  "explicit",
  "sharedNeighbours",
  "coListed",
  "text",
  "latent",
  "community",
  "time",
];

/** One number per signal. */
export type SignalValues = Record<RelatedSignal, number>;

/** Every signal at 0: the start of a breakdown, a share table or a weight set naming a few. */
export function zeroSignals(): SignalValues {
  return Object.fromEntries(RELATED_SIGNALS.map((signal) => [signal, 0])) as SignalValues;
}

/** How much each signal's raw value counts in the score. */
export interface RelatedWeights {
  /** Per source page that lists the two papers as related (plus a share of its listing score). */
  explicit: number;
  /** Per unit of Adamic–Adar score over shared topics and benchmarks. */
  sharedNeighbours: number;
  /** Per unit of co-listing score (collections, their sections, related entries of one page). */
  coListed: number;
  /** Per unit of TF-IDF cosine similarity of titles and abstracts (0…1). */
  text: number;
  /** Per unit of latent semantic similarity (0…1) of English text, when something else links them. */
  latent: number;
  /** When both papers are in the same community and something else already links them. */
  community: number;
  /** Per unit of closeness in time, exp(−days apart / `timeScale`), when something else links them. */
  time: number;
}

export interface RelatedOptions {
  /** How many results. Default 10. */
  k: number;
  /** Signal weights. Default `DEFAULT_RELATED_WEIGHTS`, chosen by `npm run eval:related`. */
  weights: RelatedWeights;
  /** Text similarity below this neither counts nor makes a candidate. Default 0.05. */
  minTextSimilarity: number;
  /** Days over which closeness in time falls to 1/e. Default 365. */
  timeScale: number;
}

/** A ranked answer. `score` is the sum of `breakdown`, rounded to three decimals. */
export interface RelatedResult {
  key: string;
  label: string;
  score: number;
  /** Plain-words reasons, strongest first. */
  reasons: string[];
  /** Each signal's weighted contribution to the score. */
  breakdown: SignalValues;
}

/** How a query was matched to a node. */
export type QueryMatch = "key" | "arxiv" | "doi" | "title";

export interface ResolvedQuery {
  key: string;
  label: string;
  /** How the query was matched: a node key, an arXiv id, a DOI, or words of a title. */
  matchedBy: QueryMatch;
  /** For title matches: the share of the query's words (or Chinese characters) found, 0…1. */
  confidence?: number;
}

/** Raw (unweighted) signal values of one candidate, as `computeRelatedSignals` returns them. */
export interface CandidateSignals {
  key: string;
  raw: SignalValues;
}
