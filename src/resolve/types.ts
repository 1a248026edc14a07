// Shapes of the resolve stage: the papers of every document in, canonical paper entities out,
// with the reason each pair of records was merged.
import type {
  BenchmarkMention,
  Evidence,
  ExtractedPaper,
  RepoMention,
  TopicMention,
} from "../extract/types.ts";
import type { FormatId, RelationRecord } from "../ingest/types.ts";

/** What extract made of one document: its papers (in record order) and the links it states between them. */
export interface DocumentExtraction {
  id: string;
  format: FormatId;
  papers: ExtractedPaper[];
  relations: RelationRecord[];
}

export type MergeReason = "arxiv" | "doi" | "title" | "repo" | "text-overlap";

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
}

export interface ResolveOptions {
  /** Minimum share of the shorter text's word 5-grams found in the other text to merge by overlap. Default 0.6. */
  overlapContainment: number;
  /** Minimum number of shared 5-grams (or Chinese 6-character runs) to merge by overlap. Default 8. */
  overlapMinShared: number;
  /** A repository linked from more than this many distinct papers is a shared resource, not an identity. Default 2. */
  repoMaxPapers: number;
}
