// Adapter for the arXiv metadata snapshot (Kaggle's arxiv-metadata-oai-snapshot.json: one JSON object
// per line with id, title, abstract, authors, categories, versions, doi, journal-ref). The reader is
// incremental, so the CLI can stream a multi-gigabyte file and keep only the records that pass its filters.
import { normalizeArxivId } from "../extract/arxiv-id.ts";
import { parseDate } from "../extract/dates.ts";
import { createDiagnosticSink } from "./diagnostic-sink.ts";
import { decodeLatexAccents } from "./latex.ts";
import {
  cleanText,
  createReferenceRecord,
  formatPersonName,
  pickIdentifiers,
  reportSkippedRecords,
} from "./reference-fields.ts";
import { splitLines, takeSniffWindow } from "./text-utils.ts";
import type {
  Adapter,
  PaperRecord,
  ParsedDocument,
  RecordCounts,
  SourceDocument,
} from "./types.ts";

const FORMAT = "arxiv-snapshot";

/** Leading lines the sniffer parses. */
const SNIFF_LINES = 10;

/** What to keep of a snapshot. Without filters every record is kept. */
export interface SnapshotReaderOptions {
  /** The document id records are sourced to (`arxiv.jsonl` → `arxiv.jsonl#12`). */
  documentId: string;
  /**
   * arXiv categories to keep (`cs.CL`, `q-bio`, `cs.`): a record is kept when any of its categories
   * equals one of these or lies under it (`cs` and `cs.` cover `cs.CL`). Case-insensitive.
   */
  categories?: readonly string[];
  /** Kept only when title or abstract matches (tested as given; pass an `i` flag for case-insensitive). */
  match?: RegExp;
}

/** An incremental snapshot reader: push lines in file order, then finish. */
export interface SnapshotReader {
  /** Read one line (without its line end); `lineNumber` is 1-based. */
  push(line: string, lineNumber: number): void;
  /** The records kept, the diagnostics, and the counts (`read` = kept + skipped + filtered). */
  finish(): ParsedDocument;
}

/** One line of the snapshot as Kaggle publishes it (only the fields read here). */
interface SnapshotLine {
  id?: unknown;
  title?: unknown;
  abstract?: unknown;
  authors?: unknown;
  authors_parsed?: unknown;
  categories?: unknown;
  versions?: unknown;
  update_date?: unknown;
  doi?: unknown;
  "journal-ref"?: unknown;
}

/** Reads arXiv metadata snapshots (JSON lines). */
export const ARXIV_SNAPSHOT_ADAPTER: Adapter = {
  format: FORMAT,
  sniff: sniffArxivSnapshot,
  parse: (doc) => parseArxivSnapshot(doc),
};

/**
 * How sure we are that `text` is an arXiv metadata snapshot (0 … 1): its leading lines are JSON
 * objects with an `id`, a `title` and snapshot fields (`authors_parsed`, `versions`, `update_date`,
 * `categories`). A last line cut off by the sniff window is not held against it.
 */
export function sniffArxivSnapshot(text: string): number {
  const head = takeSniffWindow(text);
  if (!head.trimStart().startsWith("{")) return 0;
  const lines = splitLines(head).filter((line) => line.trim());
  // The window may end inside a line.
  if (head.length < text.length) lines.pop();
  const examined = lines.slice(0, SNIFF_LINES);
  if (examined.length === 0) return 0;
  let matching = 0;
  for (const line of examined) {
    const value = parseLine(line);
    if (value && isSnapshotShape(value)) matching++;
  }
  if (matching === 0) return 0;
  return matching * 2 >= examined.length ? 0.95 : 0.4;
}

/** Parse a whole snapshot held in memory (the browser, small files); the CLI streams instead. */
export function parseArxivSnapshot(
  doc: SourceDocument,
  options: Omit<SnapshotReaderOptions, "documentId"> = {},
): ParsedDocument {
  const reader = createSnapshotReader({ ...options, documentId: doc.id });
  splitLines(doc.text).forEach((line, i) => {
    reader.push(line, i + 1);
  });
  return reader.finish();
}

/**
 * Create an incremental reader. Each non-blank line is one record (`source` = `<file>#N`, N its
 * 1-based index among the records read; `line` its line): arXiv id without version, title and
 * abstract (whitespace collapsed, TeX accents decoded), authors from `authors_parsed` (else
 * `authors`), categories as keywords, date of the first version (`versions[0].created`), DOI,
 * `journal-ref` as venue. A line that does not parse, or lacks an id or title, is reported with
 * its line and skipped. Lines left out by the filters are only counted; `finish` reports how many.
 * Memory holds the kept records only.
 */
export function createSnapshotReader(options: SnapshotReaderOptions): SnapshotReader {
  const sink = createDiagnosticSink(options.documentId, FORMAT);
  const counts: RecordCounts = { read: 0, kept: 0, skipped: 0, filtered: 0 };
  const records: PaperRecord[] = [];
  const wanted = (options.categories ?? [])
    .map((category) => category.trim().toLowerCase())
    .filter(Boolean);
  let byCategory = 0;
  let byText = 0;
  const strings = new Map<string, string>();
  const intern = (text: string): string => {
    const known = strings.get(text);
    if (known !== undefined) return known;
    strings.set(text, text);
    return text;
  };
  // A snapshot has a million records but a few thousand sets of categories: one frozen list each.
  const lists = new Map<string, string[]>();
  const internList = (list: string[]): string[] => {
    const key = list.join(" ");
    const known = lists.get(key);
    if (known !== undefined) return known;
    const shared = Object.freeze(list.map(intern)) as string[];
    lists.set(key, shared);
    return shared;
  };

  return {
    push(rawLine, lineNumber) {
      const line = lineNumber === 1 ? rawLine.replace(/^\ufeff/, "") : rawLine;
      if (!line.trim()) return;
      counts.read++;
      const index = counts.read;
      const skip = (code: string, message: string): void => {
        counts.skipped++;
        sink.add("error", code, `record ${index}: ${message}; skipped`, lineNumber);
      };
      const value = parseLine(line);
      if (!value) {
        skip("bad-line", "not a JSON object");
        return;
      }
      const categories = readCategories(value.categories);
      if (wanted.length > 0 && !matchesCategories(categories, wanted)) {
        byCategory++;
        return;
      }
      const title = readText(value.title);
      const abstract = readText(value.abstract);
      if (options.match) {
        options.match.lastIndex = 0;
        if (!options.match.test(`${title ?? ""}\n${abstract ?? ""}`)) {
          byText++;
          return;
        }
      }
      const arxiv = typeof value.id === "string" ? normalizeArxivId(value.id) : undefined;
      if (!arxiv) {
        skip("bad-record", `no arXiv id (id: ${JSON.stringify(value.id ?? null).slice(0, 40)})`);
        return;
      }
      if (!title) {
        skip("bad-record", `${arxiv} has no title`);
        return;
      }
      const date = readFirstVersionDate(value.versions);
      const { doi } = pickIdentifiers({
        doi: typeof value.doi === "string" ? value.doi : undefined,
      });
      const record = createReferenceRecord(options.documentId, FORMAT, index, {
        line: lineNumber,
        title,
        abstract,
        arxiv,
        doi,
        date: date?.date,
        year: date?.year,
        authors: readAuthors(value.authors_parsed, value.authors),
        venue: readText(value["journal-ref"]),
        keywords: categories,
      });
      // Dates, categories and author names repeat across a snapshot's records: one string each.
      if (record.date) record.date = intern(record.date);
      if (record.keywords) record.keywords = internList(record.keywords);
      record.authors = record.authors.map(intern);
      records.push(record);
      counts.kept++;
    },
    finish() {
      counts.filtered = byCategory + byText;
      const left: string[] = [];
      if (byCategory > 0) left.push(`${byCategory} outside the categories ${wanted.join(", ")}`);
      if (byText > 0)
        left.push(`${byText} whose title and abstract do not match ${String(options.match)}`);
      if (left.length > 0) {
        sink.add(
          "info",
          "filtered",
          `${counts.read} records read: ${counts.kept} kept, ${counts.skipped} bad, ${counts.filtered} left out by the filters (${left.join("; ")})`,
        );
      }
      reportSkippedRecords(sink, counts, "records");
      return { records, relations: [], diagnostics: sink.finish(), counts: { ...counts } };
    },
  };
}

/**
 * Whether any of `categories` equals or lies under one of `wanted` (lower-cased): `cs.cl` is
 * under `cs` and `cs.`, and `q-bio.qm` under `q-bio`.
 */
export function matchesCategories(
  categories: readonly string[],
  wanted: readonly string[],
): boolean {
  for (const category of categories) {
    const lower = category.toLowerCase();
    for (const filter of wanted) {
      if (lower === filter) return true;
      if (filter.endsWith(".") ? lower.startsWith(filter) : lower.startsWith(`${filter}.`))
        return true;
    }
  }
  return false;
}

function parseLine(line: string): SnapshotLine | undefined {
  try {
    const value: unknown = JSON.parse(line);
    return value && typeof value === "object" && !Array.isArray(value)
      ? (value as SnapshotLine)
      : undefined;
  } catch {
    return undefined;
  }
}

function isSnapshotShape(value: SnapshotLine): boolean {
  if (typeof value.id !== "string" || typeof value.title !== "string") return false;
  return (
    Array.isArray(value.authors_parsed) ||
    Array.isArray(value.versions) ||
    typeof value.update_date === "string" ||
    typeof value.categories === "string"
  );
}

function readText(value: unknown): string | undefined {
  return typeof value === "string" ? cleanText(decodeLatexAccents(value)) : undefined;
}

function readCategories(value: unknown): string[] {
  return typeof value === "string" ? value.split(/\s+/).filter(Boolean) : [];
}

/** `versions[0].created`, e.g. `Mon, 2 Apr 2007 19:18:42 GMT`: the first version's date. */
function readFirstVersionDate(value: unknown): { date: string; year: number } | undefined {
  if (!Array.isArray(value)) return undefined;
  const first: unknown = value[0];
  if (!first || typeof first !== "object") return undefined;
  const created = (first as { created?: unknown }).created;
  return typeof created === "string" ? parseDate(created) : undefined;
}

/**
 * Names from `authors_parsed` (`[last, first, suffix]`), else from the `authors` string split at
 * commas and `and`. TeX accents are decoded either way.
 */
function readAuthors(parsed: unknown, written: unknown): string[] {
  const names: string[] = [];
  if (Array.isArray(parsed)) {
    for (const entry of parsed) {
      if (!Array.isArray(entry)) continue;
      const [family, given, suffix] = entry.map((part: unknown) =>
        typeof part === "string" ? decodeLatexAccents(part) : "",
      );
      const name = formatPersonName({ given, family, suffix });
      if (name) names.push(name);
    }
    if (names.length > 0) return names;
  }
  if (typeof written !== "string") return names;
  return decodeLatexAccents(written)
    .split(/,|\band\b/)
    .map((name) => cleanText(name))
    .filter((name): name is string => Boolean(name));
}
