// Shapes of the ingest stage: raw input files in, typed source records out.
// Everything here is plain data so the same records come out in Node and in the browser.
import type { Diagnostic } from "../diagnostics.ts";

/** The formats an adapter can read. `text` is the fallback for plain text and Markdown. */
export type FormatId =
  | "zh-digest"
  | "zhuanzhi"
  | "arxiv-digest"
  | "digest-list"
  | "awesome-list"
  | "bibtex"
  | "ris"
  | "arxiv-atom"
  | "arxiv-snapshot"
  | "csl-json"
  | "paper-page"
  | "text";

/** A file as the CLI or the browser hands it over: an id (path relative to the input folder) and its bytes. */
export interface InputFile {
  id: string;
  bytes: Uint8Array;
}

/** A decoded document: its text with BOM removed and line ends normalised to `\n`. */
export interface SourceDocument {
  id: string;
  text: string;
  /** The encoding the bytes were decoded from: `utf-8`, `utf-16le`, `utf-16be` or `gb18030`. */
  encoding: string;
}

/**
 * Where a record sits in its document: `main` is what the document is about, `related` an entry the
 * document lists as related to its main record, `listed` a paper the document only names (no relation).
 */
export type RecordRole = "main" | "related" | "listed";

/** A category line of a digest page: the label and, when given, the site's reason for it. */
export interface CategoryRecord {
  label: string;
  reason?: string;
}

/**
 * One paper as a document describes it. Fields are absent when the document does not give them.
 * Titles and abstracts are kept as written (whitespace collapsed, titles unwrapped).
 */
export interface PaperRecord {
  /** Source id: the document id, with `#N` for the N-th record of a multi-record file. */
  source: string;
  /** The document id (without `#N`). */
  document: string;
  format: FormatId;
  role: RecordRole;
  /** 1-based line where the record starts in the document. */
  line?: number;
  title?: string;
  titleZh?: string;
  abstract?: string;
  abstractZh?: string;
  /** A short summary written by a listing site (a related-paper entry's lines). */
  summary?: string;
  /** arXiv id without version, e.g. `2311.05112`. */
  arxiv?: string;
  doi?: string;
  /** ISO date (`2024-05-14`) or date-time (`2024-10-24T15:41:56Z`) as precise as the source gives. */
  date?: string;
  year?: number;
  authors: string[];
  categories: CategoryRecord[];
  tags: string[];
  /** Links found in the record's own text (arXiv, GitHub, DOI, …), in order of appearance, deduplicated. */
  urls: string[];
  /** A listing site's relevance score for a related entry: a score, never an identifier. */
  relevance?: number;
  /** Venue as the source names it (`NeurIPS 2023`, `Nature`, `ACL Findings`). */
  venue?: string;
  /** PubMed id, OpenReview id, ACL Anthology id, when known. */
  pmid?: string;
  openreview?: string;
  acl?: string;
  /** Author keywords or the source's subject categories (`cs.CL`). */
  keywords?: string[];
  /** For a paper listed in a collection: the path of headings it is listed under, outermost first. */
  section?: string[];
}

/**
 * A curated list a document is (an awesome-list README): it becomes a `collection` node that `lists`
 * the document's `listed` records, linked to its companion survey when the list names one.
 */
export interface CollectionRecord {
  title: string;
  urls: string[];
  /** Index into `records` of the survey the list accompanies, when it names one. */
  companion?: number;
}

/** Counts of a multi-record file: records read, kept, and skipped (each skip has a diagnostic). */
export interface RecordCounts {
  read: number;
  kept: number;
  skipped: number;
  /** Records left out on purpose by the reader's filters (arXiv snapshot `--category`, `--match`). */
  filtered?: number;
}

/** A link the document states between two of its records (indexes into `records`). */
export interface RelationRecord {
  kind: "related";
  from: number;
  to: number;
  source: string;
  /** The words that state the link, e.g. the related entry's heading line. */
  snippet: string;
  line?: number;
  score?: number;
}

/** What one adapter made of one document. */
export interface ParsedDocument {
  records: PaperRecord[];
  relations: RelationRecord[];
  diagnostics: Diagnostic[];
  collection?: CollectionRecord;
  /** Present for multi-record formats (BibTeX, RIS, JSON lines, …). */
  counts?: RecordCounts;
}

/** The result of ingesting one file: its format, or why it was skipped. */
export type IngestOutcome =
  | {
      state: "parsed";
      id: string;
      format: FormatId;
      encoding: string;
      bytes: number;
      parsed: ParsedDocument;
    }
  | { state: "skipped"; id: string; bytes: number; reason: string; diagnostics: Diagnostic[] };

/** An adapter reads one format. `sniff` scores how sure it is that the text is its format (0 … 1). */
export interface Adapter {
  format: FormatId;
  sniff(text: string): number;
  parse(doc: SourceDocument): ParsedDocument;
}
