// Adapter for CSL-JSON (Zotero's and Better BibTeX's export): an array of items, one `listed` record
// each. A file that is not valid JSON, or not an array, is reported with the line and column of the
// problem; an item without a title is reported and skipped.
import { findUrls } from "../extract/links.ts";
import { createDiagnosticSink } from "./diagnostic-sink.ts";
import {
  cleanText,
  composeDate,
  createReferenceRecord,
  formatPersonName,
  pickIdentifiers,
  readLinkIds,
  readYear,
  reportSkippedRecords,
  splitKeywords,
  stripMarkup,
} from "./reference-fields.ts";
import { dedupe, takeSniffWindow } from "./text-utils.ts";
import type {
  Adapter,
  PaperRecord,
  ParsedDocument,
  RecordCounts,
  SourceDocument,
} from "./types.ts";

const FORMAT = "csl-json";

/** Keys that only CSL-JSON uses among the JSON a researcher keeps. */
const CSL_KEYS =
  /"(?:issued|container-title|date-parts|citation-key|family|non-dropping-particle|collection-title)"\s*:/;

/** Reads CSL-JSON bibliographies. */
export const CSL_JSON_ADAPTER: Adapter = {
  format: FORMAT,
  sniff: sniffCslJson,
  parse: parseCslJson,
};

/**
 * How sure we are that `text` is CSL-JSON (0 … 1): an array of objects with `"type"` and
 * `"title"` and CSL's own keys (`issued`, `container-title`, `date-parts`, …). A lone object
 * with those keys scores lower: it is read only to report that it is not an array.
 */
export function sniffCslJson(text: string): number {
  const head = takeSniffWindow(text).trimStart();
  const hasItemKeys = /"type"\s*:/.test(head) && /"title"\s*:/.test(head);
  if (/^\[\s*\{/.test(head) && hasItemKeys) return CSL_KEYS.test(head) ? 0.9 : 0.6;
  if (/^\[\s*\]\s*$/.test(head)) return 0;
  if (head.startsWith("{") && hasItemKeys && CSL_KEYS.test(head)) return 0.55;
  return 0;
}

/** A name in CSL-JSON. */
interface CslName {
  family?: unknown;
  given?: unknown;
  literal?: unknown;
  "non-dropping-particle"?: unknown;
  "dropping-particle"?: unknown;
  suffix?: unknown;
}

/** The fields of an item read here. */
interface CslItem {
  type?: unknown;
  title?: unknown;
  author?: unknown;
  issued?: unknown;
  DOI?: unknown;
  URL?: unknown;
  abstract?: unknown;
  "container-title"?: unknown;
  keyword?: unknown;
  note?: unknown;
  number?: unknown;
  archive?: unknown;
  archive_location?: unknown;
  PMID?: unknown;
}

/**
 * Parse a CSL-JSON array into one `listed` record per item (`source` = `<file>#N`, N the item's
 * 1-based index, `line` the line where the item starts): title, authors (`family`/`given` as
 * "Given Family", or `literal`), `issued` date, DOI, URL, abstract, `container-title` as venue,
 * `keyword`, and arXiv ids from the DOI, `number`, `note`, `archive_location` or URL.
 */
export function parseCslJson(doc: SourceDocument): ParsedDocument {
  const sink = createDiagnosticSink(doc.id, FORMAT);
  const counts: RecordCounts = { read: 0, kept: 0, skipped: 0 };
  const records: PaperRecord[] = [];

  let value: unknown;
  try {
    value = JSON.parse(doc.text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const where = locateJsonError(doc.text, message);
    sink.add(
      "error",
      "invalid-json",
      `not valid JSON${where ? ` at line ${where.line}, column ${where.column}` : ""} (${message}); the file is skipped`,
      where?.line,
    );
    return { records, relations: [], diagnostics: sink.finish(), counts };
  }
  if (!Array.isArray(value)) {
    sink.add(
      "error",
      "not-an-array",
      `CSL-JSON is an array of items, but this file holds a JSON ${value === null ? "null" : typeof value}; the file is skipped`,
      1,
    );
    return { records, relations: [], diagnostics: sink.finish(), counts };
  }

  const lines = findElementLines(doc.text);
  value.forEach((item: unknown, i) => {
    counts.read++;
    const index = i + 1;
    const line = lines[i];
    if (!item || typeof item !== "object" || Array.isArray(item)) {
      counts.skipped++;
      sink.add("error", "bad-item", `item ${index} is not an object; skipped`, line);
      return;
    }
    let record: PaperRecord | undefined;
    try {
      record = readItem(doc.id, item as CslItem, index, line);
    } catch (error) {
      // A field shaped beyond anything CSL allows must cost this item only, not the whole file.
      counts.skipped++;
      const reason = error instanceof Error ? error.message : String(error);
      sink.add("error", "bad-item", `item ${index} cannot be read (${reason}); skipped`, line);
      return;
    }
    if (!record) {
      counts.skipped++;
      sink.add("error", "no-title", `item ${index} has no title; skipped`, line);
      return;
    }
    records.push(record);
    counts.kept++;
  });
  reportSkippedRecords(sink, counts, "items");
  return { records, relations: [], diagnostics: sink.finish(), counts };
}

function readItem(
  documentId: string,
  item: CslItem,
  index: number,
  line: number | undefined,
): PaperRecord | undefined {
  const title = stripMarkup(readString(item.title));
  if (!title) return undefined;
  const url = readString(item.URL);
  const note = readString(item.note);
  const number = readString(item.number);
  const location = readString(item.archive_location);
  const venue = stripMarkup(readString(item["container-title"]));
  const ids = pickIdentifiers({
    arxiv: [readString(item.archive)?.toLowerCase() === "arxiv" ? location : undefined],
    doi: readString(item.DOI),
    texts: [number, location, note, url, venue],
  });
  const urls = dedupe([...(url ? findUrls(url) : []), ...(note ? findUrls(note) : [])]);
  const pmid = readString(item.PMID);
  return createReferenceRecord(documentId, FORMAT, index, {
    ...(line !== undefined ? { line } : {}),
    title,
    abstract: stripMarkup(readString(item.abstract)),
    arxiv: ids.arxiv,
    doi: ids.doi,
    ...readIssued(item.issued),
    authors: readNames(item.author),
    urls,
    venue: venue && !/^arxiv\b/i.test(venue) ? venue : undefined,
    keywords: splitKeywords(readString(item.keyword)),
    ...readLinkIds(urls),
    ...(pmid && /^\d+$/.test(pmid) ? { pmid } : {}),
  });
}

function readNames(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const names: string[] = [];
  for (const entry of value as CslName[]) {
    if (!entry || typeof entry !== "object") continue;
    const particle = [
      readString(entry["dropping-particle"]),
      readString(entry["non-dropping-particle"]),
    ]
      .filter(Boolean)
      .join(" ");
    const name = formatPersonName({
      literal: readString(entry.literal),
      given: readString(entry.given),
      particle,
      family: readString(entry.family),
      suffix: readString(entry.suffix),
    });
    if (name) names.push(name);
  }
  return names;
}

/** `issued`: `{"date-parts": [[2023, 3, 20]]}` (numbers or strings), else `raw` or `literal` text. */
function readIssued(value: unknown): { year?: number; date?: string } {
  if (!value || typeof value !== "object") return {};
  const issued = value as { "date-parts"?: unknown; raw?: unknown; literal?: unknown };
  const parts = Array.isArray(issued["date-parts"])
    ? (issued["date-parts"][0] as unknown)
    : undefined;
  if (Array.isArray(parts) && parts.length > 0) {
    const [year, month, day] = parts.map((part: unknown) =>
      typeof part === "number" || (typeof part === "string" && /^\d+$/.test(part))
        ? Number(part)
        : undefined,
    );
    return composeDate(year, month, day);
  }
  const text = readString(issued.raw) ?? readString(issued.literal);
  const iso = text ? /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?/.exec(text) : null;
  if (iso) {
    return composeDate(
      Number(iso[1]),
      iso[2] ? Number(iso[2]) : undefined,
      iso[3] ? Number(iso[3]) : undefined,
    );
  }
  const year = readYear(text);
  return year !== undefined ? { year } : {};
}

/**
 * A field's text: a string, a number, or the first string of an array (some exports wrap titles
 * in one). Nested arrays are not text, however deep they go.
 */
function readString(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first === "number") return String(first);
  return typeof first === "string" ? cleanText(first) : undefined;
}

/**
 * Line and column of a JSON.parse error. Newer engines say `(line 3 column 5)`, some messages give
 * `at position 57`; others (`Unexpected token ']', …`) give no place at all, so the text is then
 * scanned for the first offset where it stops being JSON.
 */
export function locateJsonError(
  text: string,
  message: string,
): { line: number; column: number } | undefined {
  const explicit = /line (\d+) column (\d+)/.exec(message);
  if (explicit) return { line: Number(explicit[1]), column: Number(explicit[2]) };
  const position = /position (\d+)/.exec(message);
  const offset = position ? Number(position[1]) : findJsonErrorOffset(text);
  return offset === undefined ? undefined : toLineColumn(text, Math.min(offset, text.length));
}

function toLineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

const JSON_NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?/y;
const JSON_LITERAL = /true|false|null/y;

/**
 * The offset of the first character where `text` stops being JSON (the end of the text when it
 * stops too early), or undefined when it is valid. One pass, no recursion.
 */
export function findJsonErrorOffset(text: string): number | undefined {
  const stack: string[] = [];
  type State = "value" | "first-value" | "key" | "first-key" | "colon" | "after";
  let state: State = "value";
  let i = 0;
  for (;;) {
    while (i < text.length && " \t\n\r".includes(text[i] ?? "")) i++;
    if (i >= text.length) return state === "after" && stack.length === 0 ? undefined : i;
    const char = text[i];
    if (state === "after") {
      const top = stack[stack.length - 1];
      if (top === undefined) return i;
      if (char === ",") state = top === "{" ? "key" : "value";
      else if ((char === "]" && top === "[") || (char === "}" && top === "{")) stack.pop();
      else return i;
      i++;
    } else if (state === "colon") {
      if (char !== ":") return i;
      state = "value";
      i++;
    } else if (state === "key" || state === "first-key") {
      if (state === "first-key" && char === "}") {
        stack.pop();
        state = "after";
        i++;
      } else {
        if (char !== '"') return i;
        const end = scanJsonString(text, i);
        if (end < 0) return -end - 1;
        state = "colon";
        i = end;
      }
    } else if (state === "first-value" && char === "]") {
      stack.pop();
      state = "after";
      i++;
    } else if (char === "{" || char === "[") {
      stack.push(char);
      state = char === "{" ? "first-key" : "first-value";
      i++;
    } else {
      const end = char === '"' ? scanJsonString(text, i) : scanJsonScalar(text, i);
      if (end < 0) return -end - 1;
      state = "after";
      i = end;
    }
  }
}

/** The end of the string starting at `start`, or -(offset + 1) of the problem. */
function scanJsonString(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x22) return i + 1;
    if (code === 0x5c) i++;
    else if (code < 0x20) return -(i + 1);
  }
  return -(text.length + 1);
}

function scanJsonScalar(text: string, start: number): number {
  for (const pattern of [JSON_NUMBER, JSON_LITERAL]) {
    pattern.lastIndex = start;
    if (pattern.test(text)) return pattern.lastIndex;
  }
  return -(start + 1);
}

/**
 * The 1-based line where each element of the top-level array starts, in one pass over text that
 * JSON.parse has accepted (strings are skipped, nesting is counted).
 */
function findElementLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let expecting = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === "\n") {
      line++;
      continue;
    }
    if (char === " " || char === "\t" || char === "\r") continue;
    if (depth === 1 && expecting && char !== "]" && char !== ",") {
      lines.push(line);
      expecting = false;
    }
    if (char === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === "\\") i++;
    } else if (char === "[" || char === "{") {
      depth++;
      if (depth === 1) expecting = true;
    } else if (char === "]" || char === "}") {
      depth--;
    } else if (char === "," && depth === 1) {
      expecting = true;
    }
  }
  return lines;
}
