// Shapes of related-paper queries: what was asked, and each answer with its score and reasons.

export type RelatedSignal = "explicit" | "sharedNeighbours" | "text" | "community";

export interface RelatedWeights {
  /** Per source page that lists the two papers as related. */
  explicit: number;
  /** Per unit of Adamic–Adar score over shared topics and benchmarks. */
  sharedNeighbours: number;
  /** Per unit of TF-IDF cosine similarity of titles and abstracts. */
  text: number;
  /** When both papers are in the same community. */
  community: number;
}

export interface RelatedOptions {
  /** How many results. Default 10. */
  k: number;
  weights: RelatedWeights;
  /** Text similarity below this is not a reason. Default 0.08. */
  minTextSimilarity: number;
}

export interface RelatedResult {
  key: string;
  label: string;
  score: number;
  /** Plain-words reasons, strongest first. */
  reasons: string[];
  /** Each signal's contribution to the score. */
  breakdown: Record<RelatedSignal, number>;
}

export interface ResolvedQuery {
  key: string;
  label: string;
  /** How the query was matched: `key`, `arxiv`, `title`. */
  matchedBy: "key" | "arxiv" | "title";
}
