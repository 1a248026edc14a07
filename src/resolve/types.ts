// Shapes of the resolve stage: the papers of every document in, canonical paper entities out,
// with the reason each pair of records was merged.
import type {
  BenchmarkMention,
  Evidence,
  ExtractedPaper,
  RepoMention,
  TopicMention,
} from "../extract/types.ts";
import type { CollectionRecord, FormatId, RelationRecord } from "../ingest/types.ts";

/** What extract made of one document: its papers (in record order) and the links it states between them. */
export interface DocumentExtraction {
  id: string;
  format: FormatId;
  papers: ExtractedPaper[];
  relations: RelationRecord[];
  /** The curated list the document is (an awesome list), whose `listed` records it lists. */
  collection?: CollectionRecord;
}

/**
 * Why two records were joined: a shared identifier (arXiv id, DOI, ACL Anthology id, PubMed id,
 * OpenReview id), a shared normalised title, a repository only they link to, or overlapping text.
 */
export type MergeReason =
  | "arxiv"
  | "doi"
  | "acl"
  | "pmid"
  | "openreview"
  | "title"
  | "repo"
  | "text-overlap";

/** Why two records were taken for the same paper. */
export interface MergeRecord {
  /** Node key of the entity the records became. */
  node: string;
  reason: MergeReason;
  /** The two records, as `source` (and title when known). */
  a: string;
  b: string;
  /** The shared value: the id, the normalised title, the repository, or the overlap figure. */
  detail: string;
}

/** One real paper, seen in one or more records. */
export interface PaperEntity {
  key: string;
  kind: "paper" | "survey";
  label: string;
  title?: string;
  titleZh?: string;
  abstract?: string;
  abstractZh?: string;
  arxiv?: string;
  doi?: string;
  /** ACL Anthology id, PubMed id and OpenReview id, when a record gives them. */
  acl?: string;
  pmid?: string;
  openreview?: string;
  /** The venue a record names (`NeurIPS 2023`, `Nature Medicine`), the paper's own record first. */
  venue?: string;
  date?: string;
  year?: number;
  authors: string[];
  urls: string[];
  sources: string[];
  surveyEvidence?: Evidence;
  topics: TopicMention[];
  benchmarks: BenchmarkMention[];
  repos: RepoMention[];
  /** The records this entity was made from, in input order. */
  members: ExtractedPaper[];
}

/** A link between two entities, with the evidence of every record that states it. */
export interface EntityRelation {
  kind: "related";
  a: string;
  b: string;
  evidence: Evidence[];
  score?: number;
}

export interface ResolveResult {
  entities: PaperEntity[];
  relations: EntityRelation[];
  merges: MergeRecord[];
  /**
   * The entity key each record became: `recordKeys[d][i]` for the i-th paper of the d-th document,
   * in the order the documents were given.
   */
  recordKeys?: string[][];
}

export interface ResolveOptions {
  /** Minimum share of the shorter text's word 5-grams found in the other text to merge by overlap. Default 0.6. */
  overlapContainment: number;
  /** Minimum number of shared 5-grams (or Chinese 6-character runs) to merge by overlap. Default 8. */
  overlapMinShared: number;
  /** A repository linked from more than this many distinct papers is a shared resource, not an identity. Default 2. */
  repoMaxPapers: number;
}
