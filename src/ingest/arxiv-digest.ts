// Adapter for arXiv digest pages: the paper's title, `- URL:`, `- Date:`, `- Title:`, `- Authors:`,
// `- Abstract summary:`, `- Score:`, `- License:`, `- Abstract:`, then "Related papers": entries
// with a relevance score, a summary and a closing `arXiv Detail & Related papers (DATE)` marker.
import { normalizeArxivId } from "../extract/arxiv-id.ts";
import { parseDate } from "../extract/dates.ts";
import { findUrls } from "../extract/links.ts";
import { createDiagnosticSink } from "./diagnostic-sink.ts";
import { createPaperRecord } from "./records.ts";
import {
  collapseWhitespace,
  dedupe,
  findIdentifiers,
  isBlank,
  joinParagraphs,
  splitLines,
  takeSniffWindow,
} from "./text-utils.ts";
import type {
  Adapter,
  PaperRecord,
  ParsedDocument,
  RelationRecord,
  SourceDocument,
} from "./types.ts";

const FORMAT = "arxiv-digest";

/**
 * The header fields. Only these names start a field: a related entry's heading also starts with
 * `- ` and often holds a colon (`- Demystifying …: A Primer [50.8…]`).
 */
const FIELD =
  /^[ \t]*-[ \t]+(URL|Date|Title|Authors|Abstract summary|Summary|Score|License|Abstract|Comments|Categories|Journal-ref|DOI)[ \t]*:[ \t]?(.*)$/i;
const RELATED_HEADER = /^[ \t]*Related papers[ \t]*:?[ \t]*$/i;
/**
 * The marker that closes an entry: the date in parentheses belongs to the entry above it; what
 * follows ` - ` is the next entry's heading.
 */
const DETAIL_MARKER =
  /^[ \t]*arXiv Detail[ \t]*&(?:amp;)?[ \t]*Related papers[ \t]*\(([^)]*)\)[ \t]*(?:-[ \t]*(.*))?$/i;
/** The relevance score that ends an entry's heading: `[16.008511195589925]`. */
const SCORE_AT_END = /\[(\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)\][ \t]*$/;
const ENTRY_BULLET = /^[ \t]*-[ \t]+(\S.*)$/;
const FOOTER = /^[ \t]*(?:This list is automatically generated|This site does not guarantee)/i;
/** A heading wraps over at most this many lines before its score. */
const MAX_HEADING_LINES = 4;

/** Reads arXiv digest pages with related papers (seed 004 is an example). */
export const ARXIV_DIGEST_ADAPTER: Adapter = {
  format: FORMAT,
  sniff: sniffArxivDigest,
  parse: parseArxivDigest,
};

/**
 * How sure we are that `text` is an arXiv digest page (0 … 1): a `- URL:` line pointing at
 * arxiv.org weighs most; the other header fields, a "Related papers" line and the
 * `arXiv Detail & Related papers (…)` markers add to it.
 */
export function sniffArxivDigest(text: string): number {
  const head = takeSniffWindow(text);
  let score = 0;
  if (/^[ \t]*-[ \t]+URL:[ \t]*https?:\/\/(?:www\.|export\.)?arxiv\.org\/abs\//im.test(head)) {
    score += 0.4;
  }
  if (/^[ \t]*-[ \t]+Title:/m.test(head)) score += 0.15;
  if (/^[ \t]*-[ \t]+Authors:/m.test(head)) score += 0.15;
  if (/^[ \t]*-[ \t]+Abstract:/m.test(head)) score += 0.1;
  if (/^[ \t]*-[ \t]+Abstract summary:/m.test(head)) score += 0.1;
  if (/^[ \t]*Related papers[ \t]*$/im.test(head)) score += 0.15;
  if (/arXiv Detail[ \t]*&(?:amp;)?[ \t]*Related papers[ \t]*\(/i.test(head)) score += 0.25;
  return Math.min(1, score);
}

interface Entry {
  line: number;
  title: string;
  relevance?: number;
  summary: string[];
  date?: string;
  year?: number;
}

/**
 * Parse an arXiv digest page: the `main` paper (title, arXiv id, date, authors, abstract, the
 * site's summary) and one `related` record per entry of the related list, each with a relation
 * from the main record carrying the entry's title and relevance score. A list cut off in the
 * middle keeps its entries and is reported.
 */
export function parseArxivDigest(doc: SourceDocument): ParsedDocument {
  const lines = splitLines(doc.text);
  const sink = createDiagnosticSink(doc.id, FORMAT);
  const warn = (code: string, message: string, line?: number): void => {
    sink.add("warning", code, message, line);
  };

  let relatedIndex = lines.findIndex((line) => RELATED_HEADER.test(line));
  if (relatedIndex < 0) {
    relatedIndex = lines.length;
    sink.add("info", "no-related-list", "no Related papers list");
  }

  const main = readMainRecord(doc, lines.slice(0, relatedIndex));
  if (!main.title) warn("no-title", "the page names no title for its paper", 1);
  const records: PaperRecord[] = [main];
  const relations: RelationRecord[] = [];

  const entries = readEntries(lines, relatedIndex + 1, warn);
  for (const entry of entries) {
    const summary = collapseWhitespace(entry.summary.join(" "));
    const ids = findIdentifiers(summary);
    records.push(
      createPaperRecord(doc, FORMAT, "related", {
        line: entry.line,
        title: entry.title,
        summary,
        arxiv: ids.arxiv[0],
        date: entry.date,
        year: entry.year,
        relevance: entry.relevance,
        urls: ids.urls,
      }),
    );
    const relation: RelationRecord = {
      kind: "related",
      from: 0,
      to: records.length - 1,
      source: doc.id,
      snippet: entry.title,
      line: entry.line,
    };
    if (entry.relevance !== undefined) relation.score = entry.relevance;
    relations.push(relation);
  }
  return { records, relations, diagnostics: sink.finish() };
}

/** The header fields before "Related papers", read into the main record. */
function readMainRecord(doc: SourceDocument, header: readonly string[]): PaperRecord {
  const fields = new Map<string, string[]>();
  let current: string[] | undefined;
  let firstLine: string | undefined;
  for (const line of header) {
    const match = FIELD.exec(line);
    if (match) {
      const key = (match[1] ?? "").toLowerCase();
      current = [match[2] ?? ""];
      if (!fields.has(key)) fields.set(key, current);
    } else if (current) {
      current.push(line);
    } else if (firstLine === undefined && !isBlank(line)) {
      firstLine = line;
    }
  }
  const field = (key: string): string | undefined => {
    const value = fields.get(key);
    return value ? collapseWhitespace(value.join(" ")) || undefined : undefined;
  };

  const url = field("url");
  const abstract = joinParagraphs(fields.get("abstract") ?? []);
  const summary = field("abstract summary") ?? field("summary");
  const date = parseDate(field("date") ?? "");
  const found = findIdentifiers(`${abstract ?? ""}\n${summary ?? ""}`);
  const doi = field("doi")?.toLowerCase() ?? found.dois[0];
  const authors = (field("authors") ?? "")
    .split(/[,;]/)
    .map((name) => name.trim().replace(/^and\s+/i, ""))
    .filter((name) => name.length > 0);

  return createPaperRecord(doc, FORMAT, "main", {
    line: 1,
    title: field("title") ?? (firstLine ? collapseWhitespace(firstLine) : undefined),
    abstract,
    summary,
    arxiv: url ? normalizeArxivId(url) : found.arxiv[0],
    doi,
    date: date?.date,
    year: date?.year,
    authors,
    // The license link is the page's terms, not a link about the paper.
    urls: dedupe([...(url ? findUrls(url) : []), ...found.urls]),
  });
}

/**
 * The related list from line index `from`. An entry opens with `- Title [score]` (the first) or
 * with the heading after ` - ` on the previous entry's closing marker; its heading runs until the
 * line that ends in `[score]`; the lines after it, up to the closing marker, are its summary.
 */
function readEntries(
  lines: readonly string[],
  from: number,
  warn: (code: string, message: string, line?: number) => void,
): Entry[] {
  const entries: Entry[] = [];
  let current: Entry | undefined;
  let i = from;

  const open = (firstText: string, index: number): number => {
    const heading = readHeading(lines, firstText, index);
    if (heading.relevance === undefined) {
      warn("missing-relevance", `the entry "${heading.title}" has no [score]`, index + 1);
    }
    if (heading.title) {
      current = { line: index + 1, title: heading.title, summary: [] };
      if (heading.relevance !== undefined) current.relevance = heading.relevance;
    } else {
      warn("empty-entry-title", "a related entry without a title", index + 1);
    }
    return heading.next;
  };
  const close = (dateText: string | undefined, index: number): void => {
    if (!current) return;
    const date = dateText === undefined ? undefined : parseDate(dateText);
    if (date) {
      current.date = date.date;
      current.year = date.year;
    } else if (dateText !== undefined) {
      warn("unparsed-date", `cannot read the date "${dateText}"`, index + 1);
    }
    entries.push(current);
    current = undefined;
  };

  while (i < lines.length) {
    const line = lines[i] ?? "";
    if (FOOTER.test(line)) break;
    const marker = DETAIL_MARKER.exec(line);
    if (marker) {
      if (current) close(marker[1] ?? "", i);
      else warn("stray-marker", "a closing marker without an entry above it", i + 1);
      const rest = (marker[2] ?? "").trim();
      i = rest ? open(rest, i) : i + 1;
      continue;
    }
    const bullet = ENTRY_BULLET.exec(line);
    if (!current) {
      // Between entries only a new heading counts; anything else belongs to no summary.
      i = bullet?.[1] ? open(bullet[1], i) : i + 1;
      continue;
    }
    if (bullet?.[1] && SCORE_AT_END.test(line)) {
      // A new heading without a closing marker for the entry above: keep that entry, dateless.
      warn("missing-entry-date", `the entry "${current.title}" has no closing date`, current.line);
      close(undefined, i);
      i = open(bullet[1], i);
      continue;
    }
    if (!isBlank(line)) current.summary.push(line.trim());
    i++;
  }
  if (current) {
    const last: Entry = current;
    warn(
      "truncated-related-list",
      `the list stops inside the entry "${last.title}" (no closing date; page cut off?)`,
      last.line,
    );
    close(undefined, lines.length);
  }
  return entries;
}

/**
 * An entry heading starting with `firstText` on line `index`: it continues on the following lines
 * until one ends in `[score]`. Without a score within a few lines the heading is the first line
 * alone (a page cut off, or a site that gives no score).
 */
function readHeading(
  lines: readonly string[],
  firstText: string,
  index: number,
): { title: string; relevance?: number; next: number } {
  const parts = [firstText];
  let end = -1;
  if (SCORE_AT_END.test(firstText)) end = index;
  for (let j = index + 1; end < 0 && j < index + MAX_HEADING_LINES && j < lines.length; j++) {
    const line = lines[j] ?? "";
    if (isBlank(line) || DETAIL_MARKER.test(line) || FOOTER.test(line) || ENTRY_BULLET.test(line)) {
      break;
    }
    if (SCORE_AT_END.test(line)) end = j;
  }
  if (end > index) parts.push(...lines.slice(index + 1, end + 1));
  const joined = collapseWhitespace(parts.join(" "));
  const score = end >= 0 ? SCORE_AT_END.exec(joined) : null;
  const title = collapseWhitespace(score ? joined.slice(0, score.index) : joined);
  const result: { title: string; relevance?: number; next: number } = {
    title,
    next: (end >= 0 ? end : index) + 1,
  };
  if (score?.[1] !== undefined) result.relevance = Number(score[1]);
  return result;
}
