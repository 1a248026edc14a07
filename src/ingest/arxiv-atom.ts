// Adapter for arXiv API responses (Atom XML, `export.arxiv.org/api/query?…`): one `listed` record per
// `<entry>`, read with fast-xml-parser. Entries are cut out and parsed one by one, so a malformed or
// cut-off entry is reported with its line and the others are kept. Feed-level elements are not records.
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { parseDate } from "../extract/dates.ts";
import { findUrls } from "../extract/links.ts";
import { createDiagnosticSink } from "./diagnostic-sink.ts";
import {
  cleanText,
  createReferenceRecord,
  pickIdentifiers,
  readLinkIds,
} from "./reference-fields.ts";
import { dedupe, takeSniffWindow } from "./text-utils.ts";
import type {
  Adapter,
  PaperRecord,
  ParsedDocument,
  RecordCounts,
  SourceDocument,
} from "./types.ts";

const FORMAT = "arxiv-atom";

/** Elements that may repeat within an entry; the parser returns them as arrays. */
const REPEATED = new Set(["author", "link", "category"]);

const PARSER = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  removeNSPrefix: true,
  // Ids such as `2311.05112` and DOIs must stay strings.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => REPEATED.has(name),
});

const ENTRY_OPEN = /<entry[\s>]/g;
const ENTRY_CLOSE = "</entry>";

/** Reads arXiv API Atom feeds. */
export const ARXIV_ATOM_ADAPTER: Adapter = {
  format: FORMAT,
  sniff: sniffArxivAtom,
  parse: parseArxivAtom,
};

/**
 * How sure we are that `text` is an arXiv API response (0 … 1): an Atom `<feed>` that names arXiv
 * (its `arxiv.org` ids or the arXiv schema) is one; another Atom feed with entries probably is.
 */
export function sniffArxivAtom(text: string): number {
  const head = takeSniffWindow(text);
  if (!/<feed[\s>]/.test(head) || !head.includes("http://www.w3.org/2005/Atom")) return 0;
  if (/arxiv\.org/i.test(head)) return 0.95;
  return /<entry[\s>]/.test(head) ? 0.6 : 0.3;
}

/** An `<entry>` as the parser returns it (namespace prefixes removed). */
interface AtomEntry {
  id?: unknown;
  title?: unknown;
  summary?: unknown;
  published?: unknown;
  author?: Array<{ name?: unknown }>;
  link?: Array<{ "@_href"?: unknown; "@_title"?: unknown }>;
  category?: Array<{ "@_term"?: unknown }>;
  primary_category?: { "@_term"?: unknown };
  doi?: unknown;
  journal_ref?: unknown;
}

/**
 * Parse an arXiv API feed into one `listed` record per entry (`source` = `<file>#N`, N the entry's
 * 1-based index, `line` its `<entry>` line): arXiv id (version stripped), title and summary
 * (whitespace collapsed), authors, published date, categories as keywords, DOI, journal reference
 * as venue, links. The API's error entries, malformed and cut-off entries are reported and skipped;
 * a feed that holds one page of a larger result says so.
 */
export function parseArxivAtom(doc: SourceDocument): ParsedDocument {
  const sink = createDiagnosticSink(doc.id, FORMAT);
  const counts: RecordCounts = { read: 0, kept: 0, skipped: 0 };
  const records: PaperRecord[] = [];
  const text = doc.text;
  const skip = (line: number, code: string, message: string): void => {
    counts.skipped++;
    sink.add("error", code, `entry ${counts.read}: ${message}; skipped`, line);
  };

  let line = 1;
  let counted = 0;
  const lineAt = (index: number): number => {
    for (let i = counted; i < index; i++) if (text.charCodeAt(i) === 10) line++;
    counted = Math.max(counted, index);
    return line;
  };

  const starts = [...text.matchAll(ENTRY_OPEN)].map((match) => match.index ?? 0);
  // The first </entry> at or after the current entry, found once and reused by the entries before
  // it, so that many unclosed entries do not each search to the end of the file.
  let close = -1;
  let strayBetween = false;
  starts.forEach((start, i) => {
    counts.read++;
    const entryLine = lineAt(start);
    const next = starts[i + 1] ?? text.length;
    if (close !== Number.POSITIVE_INFINITY && close < start) {
      const found = text.indexOf(ENTRY_CLOSE, start);
      close = found < 0 ? Number.POSITIVE_INFINITY : found;
    }
    if (close > next) {
      skip(entryLine, "unclosed-entry", "no </entry> before the next entry or the end of the file");
      return;
    }
    const block = text.slice(start, close + ENTRY_CLOSE.length);
    // Text between this entry and the next (outside any element) belongs to no entry: say so once.
    const gapEnd = i + 1 < starts.length ? next : text.indexOf("</feed>", close);
    if (!strayBetween && gapEnd > close) {
      const at = findTextOutsideTags(text, close + ENTRY_CLOSE.length, gapEnd);
      if (at >= 0) {
        strayBetween = true;
        sink.add(
          "warning",
          "stray-text",
          "text between entries, outside any element, is ignored",
          lineAt(at),
        );
      }
    }
    const valid = XMLValidator.validate(block);
    if (valid !== true) {
      // The validator counts lines from the start of the entry.
      const absolute = (line: number): number => entryLine + line - 1;
      const message = valid.err.msg.replace(
        /\bline (\d+)/g,
        (_, line: string) => `line ${absolute(Number(line))}`,
      );
      const at = absolute(valid.err.line);
      skip(at, "bad-entry", `malformed XML at line ${at}, column ${valid.err.col}: ${message}`);
      return;
    }
    const entry = readEntryElement(block);
    if (!entry || typeof entry !== "object") {
      skip(entryLine, "bad-entry", "the entry holds no elements");
      return;
    }
    const id = readString(entry.id);
    if (id && /arxiv\.org\/api\/errors/i.test(id)) {
      skip(
        entryLine,
        "api-error",
        `the arXiv API answered with an error: ${readString(entry.summary) ?? "no message"}`,
      );
      return;
    }
    const record = readEntry(doc.id, entry, counts.read, entryLine);
    if (!record) {
      skip(entryLine, "no-title", "no title and no arXiv id");
      return;
    }
    records.push(record);
    counts.kept++;
  });

  reportFeed(text, starts[0] ?? text.length, counts, sink);
  return { records, relations: [], diagnostics: sink.finish(), counts };
}

function readEntry(
  documentId: string,
  entry: AtomEntry,
  index: number,
  line: number,
): PaperRecord | undefined {
  const id = readString(entry.id);
  const title = readString(entry.title);
  const links = (entry.link ?? [])
    .map((link) => readString(link["@_href"]))
    .filter((href): href is string => Boolean(href));
  const doiLink = (entry.link ?? []).find((link) => readString(link["@_title"]) === "doi");
  const ids = pickIdentifiers({
    arxiv: [id],
    doi: readString(entry.doi) ?? readString(doiLink?.["@_href"]),
    texts: links,
  });
  if (!title && !ids.arxiv) return undefined;
  const urls = dedupe([...(id ? findUrls(id) : []), ...links.flatMap((link) => findUrls(link))]);
  const published = readString(entry.published);
  const parsed = published ? parseDate(published) : undefined;
  const categories = [
    readString(entry.primary_category?.["@_term"]),
    ...(entry.category ?? []).map((category) => readString(category["@_term"])),
  ].filter((term): term is string => Boolean(term));
  return createReferenceRecord(documentId, FORMAT, index, {
    line,
    title,
    abstract: readString(entry.summary),
    arxiv: ids.arxiv,
    doi: ids.doi,
    date: parsed?.date,
    year: parsed?.year,
    authors: (entry.author ?? [])
      .map((author) => readString(author.name))
      .filter((name): name is string => Boolean(name)),
    urls,
    venue: readString(entry.journal_ref),
    keywords: categories,
    ...readLinkIds(urls),
  });
}

/** The first character in `text[from, to)` that is neither whitespace nor inside a tag, or -1. */
function findTextOutsideTags(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const char = text[i] ?? "";
    if (char === "<") {
      const end = text.indexOf(">", i);
      if (end < 0 || end >= to) return i;
      i = end;
    } else if (!/\s/.test(char)) {
      return i;
    }
  }
  return -1;
}

/** Feed-level findings: a cut-off feed, and a page of a larger result (`opensearch:totalResults`). */
function reportFeed(
  text: string,
  headerEnd: number,
  counts: RecordCounts,
  sink: ReturnType<typeof createDiagnosticSink>,
): void {
  // Text before the XML starts is no part of the feed (a file saved onto another one): say so.
  const xmlStart = text.search(/<\?xml|<feed\b/);
  if (xmlStart > 0 && text.slice(0, xmlStart).trim() !== "") {
    sink.add("warning", "stray-text", "text before the feed's start is ignored", 1);
  }
  if (!text.includes("</feed>")) {
    sink.add(
      "warning",
      "feed-cut-off",
      "the feed has no closing </feed>: the download may be cut off",
    );
  }
  const header = text.slice(0, headerEnd);
  const total = /<(?:opensearch:)?totalResults[^>]*>\s*(\d+)\s*</.exec(header)?.[1];
  if (total !== undefined && Number(total) > counts.read) {
    sink.add(
      "info",
      "partial-results",
      `the query matched ${total} papers; this feed holds ${counts.read} (one page of the results)`,
    );
  }
  if (counts.read === 0) sink.add("warning", "no-entries", "the feed holds no <entry>");
}

/** The `<entry>` element of a block the validator accepted; undefined should the parser still fail. */
function readEntryElement(block: string): AtomEntry | undefined {
  try {
    return (PARSER.parse(block) as { entry?: AtomEntry }).entry;
  } catch {
    return undefined;
  }
}

/** Text of an element (whitespace collapsed), or undefined for a missing, empty or nested one. */
function readString(value: unknown): string | undefined {
  if (typeof value === "string") return cleanText(value);
  if (typeof value === "number") return String(value);
  if (value && typeof value === "object" && "#text" in value) {
    return readString((value as { "#text": unknown })["#text"]);
  }
  return undefined;
}
