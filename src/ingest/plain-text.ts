// Fallback adapter for any plain text or Markdown: the document itself becomes a `main` record, and
// the arXiv ids, DOIs and GitHub links it names are kept (topics are found later, by extract). A
// document that names several papers is a reading list: a collection of them, not a paper itself.
// Linear in the size of the text: one pass over the lines, simple global patterns, fixed caps.
import { createDiagnostic, type Diagnostic } from "../diagnostics.ts";
import { findArxivIds } from "../extract/arxiv-id.ts";
import { findDois, findUrls } from "../extract/links.ts";
import { isLinkWord } from "./link-words.ts";
import { createPaperRecord } from "./records.ts";
import {
  arxivIdOfDoi,
  collapseWhitespace,
  documentName,
  isBlank,
  isChineseText,
  isImageLine,
  splitLines,
  truncateText,
} from "./text-utils.ts";
import type { Adapter, PaperRecord, ParsedDocument, SourceDocument } from "./types.ts";

const FORMAT = "text";

/** Options of the plain-text adapter. */
export interface PlainTextOptions {
  /** Characters of the text kept as the main record's abstract. Default 20,000. */
  maxAbstractChars: number;
  /** Distinct identifiers kept as `listed` records. Default 2,000. */
  maxListed: number;
  /** Links kept on the main record. Default 500. */
  maxUrls: number;
}

/** Defaults of {@link PlainTextOptions}. */
export const DEFAULT_PLAIN_TEXT_OPTIONS: PlainTextOptions = {
  maxAbstractChars: 20_000,
  maxListed: 2_000,
  maxUrls: 500,
};

/** Leading lines searched for a title. */
const TITLE_SCAN_LINES = 40;
const MAX_TITLE_LENGTH = 300;
/** Lines longer than this give no listed title (long lines are prose or minified data, not list items). */
const MAX_TITLE_SOURCE_LINE = 4_000;
/** Lines longer than this are paragraphs, never the document's title. */
const MAX_TITLE_LINE = 1_000;

const ATX_HEADING = /^\s{0,3}#{1,6}\s+(.*)$/;
const SETEXT_UNDERLINE = /^\s{0,3}=+\s*$/;
const MARKDOWN_LINK = /\[([^\]\n]{0,500})\]\(([^)\s]{0,2000})[^)\n]{0,200}\)/g;
const BOLD = /(\*\*|__)([^*_\n]{4,300}?)\1/g;
/** The fallback adapter: any text is plain text, with the lowest confidence. */
export const PLAIN_TEXT_ADAPTER: Adapter = {
  format: FORMAT,
  sniff: (text) => (/\S/.test(text) ? 0.1 : 0),
  parse: (doc) => parsePlainText(doc),
};

interface Named {
  kind: "arxiv" | "doi";
  id: string;
  line: number;
  title?: string;
  urls: string[];
}

/**
 * Parse plain text or Markdown. With exactly one arXiv id or DOI, the document is that paper: one
 * `main` record with the id. With several, the document is a list: a collection named by its title
 * (or its file name) and each distinct id a `listed` record (title from its Markdown link text or its
 * line, line number). The text, capped, is the main record's abstract; caps are reported as
 * diagnostics.
 */
export function parsePlainText(
  doc: SourceDocument,
  options: Partial<PlainTextOptions> = {},
): ParsedDocument {
  const settings = { ...DEFAULT_PLAIN_TEXT_OPTIONS, ...options };
  const lines = splitLines(doc.text);
  const diagnostics: Diagnostic[] = [];
  const report = (severity: "info" | "warning", code: string, message: string): void => {
    diagnostics.push(createDiagnostic(doc.id, severity, code, `text: ${message}`));
  };

  const named = new Map<string, Named>();
  // Links in document order: all of them, and those on lines that name no identifier.
  const allUrls = new Set<string>();
  const looseUrls = new Set<string>();
  const addUrls = (target: Set<string>, urls: readonly string[]): void => {
    for (const url of urls) if (target.size <= settings.maxUrls) target.add(url);
  };
  let listedCapped = false;

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const hasArxiv = /arxiv/i.test(line);
    const hasDoi = line.includes("10.");
    const hasUrl = line.includes("://");
    if (!hasArxiv && !hasDoi && !hasUrl) continue;

    const ids = readLineIds(line, hasArxiv, hasDoi);
    const urls = hasUrl && !isImageLine(line) ? findUrls(line) : [];
    addUrls(allUrls, urls);
    if (ids.length === 0) {
      addUrls(looseUrls, urls);
      continue;
    }
    for (const { kind, id } of ids) {
      const key = `${kind}:${id}`;
      if (named.has(key)) continue;
      if (named.size >= settings.maxListed) {
        listedCapped = true;
        continue;
      }
      const entry: Named = { kind, id, line: i + 1, urls: urlsOf(id, urls, ids.length) };
      const title = line.length <= MAX_TITLE_SOURCE_LINE ? readListedTitle(line, id) : undefined;
      if (title) entry.title = title;
      named.set(key, entry);
    }
  }

  const title = readDocumentTitle(lines);
  const ids = [...named.values()];
  if (ids.length > 1)
    return readAsList(doc, title?.text, ids, [...looseUrls], listedCapped, settings);

  const abstract = truncateText(
    doc.text.length > settings.maxAbstractChars * 2
      ? doc.text.slice(0, settings.maxAbstractChars * 2).trim()
      : doc.text.trim(),
    settings.maxAbstractChars,
  );
  if (abstract.length < doc.text.trim().length) {
    report(
      "info",
      "text-truncated",
      `the text is ${doc.text.length} characters; the first ${settings.maxAbstractChars} are kept as the abstract`,
    );
  }

  const only = ids.length === 1 ? ids[0] : undefined;
  const urls = [...allUrls];
  if (urls.length > settings.maxUrls) {
    report("info", "urls-capped", `more than ${settings.maxUrls} links; the first are kept`);
  }

  const records: PaperRecord[] = [
    createPaperRecord(doc, FORMAT, "main", {
      line: title?.line ?? 1,
      title: title && !isChineseText(title.text) ? title.text : undefined,
      titleZh: title && isChineseText(title.text) ? title.text : undefined,
      abstract,
      arxiv: only?.kind === "arxiv" ? only.id : undefined,
      doi: only?.kind === "doi" ? only.id : undefined,
      urls: urls.slice(0, settings.maxUrls),
    }),
  ];
  return { records, relations: [], diagnostics };
}

/**
 * A document naming several papers: the collection of them. Its links that name no paper stay on
 * the collection; the prose around the items is not kept, and the report says so.
 */
function readAsList(
  doc: SourceDocument,
  title: string | undefined,
  ids: readonly Named[],
  looseUrls: readonly string[],
  capped: boolean,
  settings: PlainTextOptions,
): ParsedDocument {
  const records = ids.map((entry) =>
    createPaperRecord(doc, FORMAT, "listed", {
      line: entry.line,
      title: entry.title && !isChineseText(entry.title) ? entry.title : undefined,
      titleZh: entry.title && isChineseText(entry.title) ? entry.title : undefined,
      arxiv: entry.kind === "arxiv" ? entry.id : undefined,
      doi: entry.kind === "doi" ? entry.id : undefined,
      urls: entry.urls,
    }),
  );
  const diagnostics: Diagnostic[] = [
    createDiagnostic(
      doc.id,
      "info",
      "read-as-list",
      `text: names ${ids.length} papers, so it is read as a list of them; its own text is not kept as a paper`,
    ),
  ];
  if (capped) {
    diagnostics.push(
      createDiagnostic(
        doc.id,
        "warning",
        "listed-capped",
        `text: more than ${settings.maxListed} distinct identifiers; only the first ${settings.maxListed} are kept`,
      ),
    );
  }
  return {
    records,
    relations: [],
    diagnostics,
    collection: {
      title: title || documentName(doc.id),
      urls: looseUrls.slice(0, settings.maxUrls),
    },
  };
}

/** arXiv ids (also behind arXiv DOIs) and other DOIs on one line, first-seen order. */
function readLineIds(
  line: string,
  hasArxiv: boolean,
  hasDoi: boolean,
): Array<{ kind: "arxiv" | "doi"; id: string }> {
  const ids: Array<{ kind: "arxiv" | "doi"; id: string }> = [];
  const seen = new Set<string>();
  const add = (kind: "arxiv" | "doi", id: string): void => {
    if (seen.has(`${kind}:${id}`)) return;
    seen.add(`${kind}:${id}`);
    ids.push({ kind, id });
  };
  if (hasArxiv) for (const id of findArxivIds(line)) add("arxiv", id);
  if (hasDoi) {
    for (const doi of findDois(line)) {
      const arxiv = arxivIdOfDoi(doi);
      if (arxiv) add("arxiv", arxiv);
      else add("doi", doi);
    }
  }
  return ids;
}

/**
 * The links of a line that belong to the record of `id`: those that contain the id, and, when the
 * line names only this id, all of them (its code and project links).
 */
function urlsOf(id: string, urls: readonly string[], idsOnLine: number): string[] {
  if (idsOnLine === 1) return [...urls];
  const needle = id.toLowerCase();
  return urls.filter((url) => url.toLowerCase().includes(needle));
}

/**
 * The title of a document: the first heading, or the first short line. (Front matter, which ingest
 * reads before any adapter, is blank lines here.)
 */
function readDocumentTitle(lines: readonly string[]): { text: string; line: number } | undefined {
  let start = 0;
  while (start < lines.length && isBlank(lines[start] ?? "")) start++;
  const end = Math.min(lines.length, start + TITLE_SCAN_LINES);
  for (let i = start; i < end; i++) {
    const line = lines[i] ?? "";
    if (line.length > MAX_TITLE_LINE) continue;
    const heading = ATX_HEADING.exec(line);
    if (heading) {
      const text = cleanInline(heading[1]?.replace(/\s#+\s*$/, "") ?? "");
      if (text) return { text, line: i + 1 };
    }
    if (!isBlank(line) && SETEXT_UNDERLINE.test(lines[i + 1] ?? "")) {
      const text = cleanInline(line);
      if (text) return { text, line: i + 1 };
    }
  }
  for (let i = start; i < end; i++) {
    const line = lines[i] ?? "";
    if (isBlank(line) || isImageLine(line)) continue;
    if (line.length > MAX_TITLE_LINE) break;
    const text = cleanInline(line);
    // A first line that is only a link word (`[arXiv](…)`, `PDF`) names no document.
    if (
      text.length >= 3 &&
      text.length <= 200 &&
      !/^[-*+>|]/.test(line.trim()) &&
      !isLinkWord(text)
    ) {
      return { text, line: i + 1 };
    }
    break;
  }
  return undefined;
}

/**
 * The title of a listed paper, from its line: the text of a Markdown link pointing at the id
 * (unless it is a link word such as `[arXiv]`), else bold text, else the line without its links,
 * URLs, identifiers and list markers, when what is left looks like a title.
 */
function readListedTitle(line: string, id: string): string | undefined {
  const needle = id.toLowerCase();
  let firstTitleLink: string | undefined;
  for (const match of line.matchAll(MARKDOWN_LINK)) {
    const text = cleanInline(match[1] ?? "");
    if (!looksLikeTitle(text, id)) continue;
    if ((match[2] ?? "").toLowerCase().includes(needle)) return trimTitle(text);
    firstTitleLink ??= text;
  }
  if (firstTitleLink) return trimTitle(firstTitleLink);
  for (const match of line.matchAll(BOLD)) {
    const text = cleanInline(match[2] ?? "");
    if (looksLikeTitle(text, id)) return trimTitle(text);
  }
  const cells = line.includes("|") ? line.split("|") : [line];
  let best: string | undefined;
  for (const cell of cells) {
    const text = cleanInline(
      cell
        .replace(MARKDOWN_LINK, " ")
        .replace(/https?:\/\/\S+/gi, " ")
        .replace(/\b(?:arxiv|doi)\s*:\s*\S+/gi, " ")
        .replace(/\b10\.\d{4,9}\/\S+/g, " ")
        .replace(/^\s*(?:[-*+]|\d+[.)]|#{1,6})\s+/, ""),
    );
    if (looksLikeTitle(text, id) && text.length > (best?.length ?? 0)) best = text;
  }
  return best === undefined ? undefined : trimTitle(best);
}

/** A title without the full stop a list item puts after it. */
function trimTitle(text: string): string {
  return text.replace(/(?<=[A-Za-z0-9)\]])\.$/, "");
}

function looksLikeTitle(text: string, id: string): boolean {
  if (text.length < 8 || text.length > MAX_TITLE_LENGTH) return false;
  if (isLinkWord(text) || text.toLowerCase().includes(id.toLowerCase())) return false;
  if (isChineseText(text)) return true;
  return text.split(/\s+/).length >= 2 && /[A-Za-z]{2}/.test(text);
}

/**
 * Markdown inline formatting removed: links become their text, emphasis and code marks go. Only
 * the first few thousand characters are looked at, which keeps this linear on any input.
 */
function cleanInline(text: string): string {
  const cleaned = collapseWhitespace(
    text
      .slice(0, MAX_TITLE_SOURCE_LINE)
      .replace(MARKDOWN_LINK, "$1")
      .replace(/[*_`]+/g, ""),
  );
  return trimSeparators(cleaned).slice(0, MAX_TITLE_LENGTH);
}

/** Separators and openers a title does not start or end with (a full stop may end an abbreviation). */
const EDGE_SEPARATORS = new Set([..." -–—:;,|(["]);

/** Remove separators at both ends (and a leading full stop), with a loop rather than a `…+$` pattern. */
function trimSeparators(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && (EDGE_SEPARATORS.has(text[start] ?? "") || text[start] === ".")) start++;
  while (end > start && EDGE_SEPARATORS.has(text[end - 1] ?? "")) end--;
  return text.slice(start, end);
}
