// Adapter for BibTeX / BibLaTeX files: one `listed` record per entry, read with
// @retorquere/bibtex-parser (LaTeX accents and braces decoded, `@string` macros expanded).
// Each `@type{…}` block is parsed on its own, so a broken entry is reported and skipped alone.
import {
  type Creator,
  type Entry,
  type Library,
  parse as parseBibtexText,
} from "@retorquere/bibtex-parser";
import { findUrls } from "../extract/links.ts";
import { splitBibtexBlocks } from "./bibtex-entries.ts";
import { createDiagnosticSink } from "./diagnostic-sink.ts";
import {
  composeDate,
  createReferenceRecord,
  formatPersonName,
  pickIdentifiers,
  readLinkIds,
  readYear,
  reportSkippedRecords,
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

const FORMAT = "bibtex";

/**
 * Parser settings: titles keep the casing they were written in (no sentence case), an unknown
 * LaTeX command keeps its argument text (`\foo{bar}` → `bar`).
 */
const PARSE_OPTIONS = { sentenceCase: false, english: false, unsupported: "ignore" } as const;

/** Library errors that leave the entry usable: reported, and the entry is kept. */
const TOLERATED_ERROR = /^(?:Unresolved @string reference|unhandled macro)/i;

const ENTRY_LINE = /^[ \t]*@[ \t]*[A-Za-z][\w-]*[ \t]*[{(]/m;

/** Reads BibTeX and BibLaTeX bibliographies. */
export const BIBTEX_ADAPTER: Adapter = {
  format: FORMAT,
  sniff: sniffBibtex,
  parse: parseBibtex,
};

/**
 * How sure we are that `text` is a .bib file (0 … 1): sure when its first line that is neither
 * blank nor a `%` comment opens an entry (`@article{`); fairly sure with several entry lines and
 * no Markdown code fence (a README that quotes a citation in a ```bibtex block is not a .bib file).
 */
export function sniffBibtex(text: string): number {
  const head = takeSniffWindow(text);
  const first = head.split("\n").find((line) => line.trim() && !line.trim().startsWith("%"));
  if (first !== undefined && ENTRY_LINE.test(first)) return 0.95;
  const entryLines = head.match(/^[ \t]*@[ \t]*[A-Za-z][\w-]*[ \t]*[{(]/gm)?.length ?? 0;
  if (entryLines >= 2 && !head.includes("```")) return 0.7;
  return entryLines >= 1 ? 0.2 : 0;
}

/**
 * Parse a .bib file into one `listed` record per entry (`source` = `<file>#N`, N the entry's
 * 1-based index among the file's entries, `line` its `@` line). An entry with an unclosed brace, a
 * syntax error, no key, or neither title nor identifier is reported with its line and skipped;
 * text between entries is reported. `@string`, `@comment` and `@preamble` are not records.
 */
export function parseBibtex(doc: SourceDocument): ParsedDocument {
  const sink = createDiagnosticSink(doc.id, FORMAT);
  const counts: RecordCounts = { read: 0, kept: 0, skipped: 0 };
  const records: PaperRecord[] = [];
  const keys = new Map<string, number>();
  let strings: Record<string, string> = {};

  for (const block of splitBibtexBlocks(doc.text)) {
    if (block.kind === "stray") {
      sink.add(
        "warning",
        "stray-text",
        `text outside any entry is ignored: "${preview(block.text)}"`,
        block.line,
      );
      continue;
    }
    if (block.type === "comment" || block.type === "preamble") continue;
    if (block.type === "string") {
      if (!block.closed) {
        sink.add("error", "unclosed-entry", "@string has an unclosed brace; skipped", block.line);
        continue;
      }
      const library = parseBlock(block.text, strings);
      if (typeof library === "string") {
        sink.add("warning", "bad-string", `@string: ${library}`, block.line);
        continue;
      }
      strings = { ...strings, ...library.strings };
      for (const error of library.errors) {
        sink.add(
          "warning",
          "bad-string",
          `@string: ${describeError(error.error, block.line)}`,
          block.line,
        );
      }
      continue;
    }

    counts.read++;
    const index = counts.read;
    const skip = (code: string, message: string, line = block.line): void => {
      counts.skipped++;
      sink.add("error", code, `entry ${index} (@${block.type}): ${message}; skipped`, line);
    };
    if (!block.closed) {
      skip(
        "unclosed-entry",
        `unclosed brace: the entry runs to line ${block.endLine} without its closing brace`,
      );
      continue;
    }
    const library = parseBlock(block.text, strings);
    if (typeof library === "string") {
      skip("bad-entry", library);
      continue;
    }
    const fatal = library.errors.find((error) => !TOLERATED_ERROR.test(error.error));
    const entry = library.entries[0];
    if (fatal || !entry) {
      skip("bad-entry", describeError(fatal?.error ?? "not an entry", block.line));
      continue;
    }
    if (!entry.key.trim()) {
      skip("missing-key", "no citation key after the opening brace");
      continue;
    }
    for (const error of library.errors) {
      sink.add("warning", "entry-warning", `entry ${entry.key}: ${error.error}`, block.line);
    }
    const record = readEntry(doc.id, entry, index, block.line);
    if (!record) {
      skip("no-title", `entry ${entry.key} has no title, arXiv id or DOI`);
      continue;
    }
    const seen = keys.get(entry.key);
    if (seen !== undefined) {
      sink.add(
        "info",
        "duplicate-key",
        `key ${entry.key} is used again (first at line ${seen})`,
        block.line,
      );
    } else {
      keys.set(entry.key, block.line);
    }
    records.push(record);
    counts.kept++;
  }
  reportSkippedRecords(sink, counts, "entries");
  return { records, relations: [], diagnostics: sink.finish(), counts };
}

/**
 * Parse one block with the library; should the library throw on some unforeseen input, the
 * message comes back instead, so that one entry never stops the rest of the file. A name list
 * longer than `LONG_NAME_LIST` names is taken out of the entry and parsed in slices, because the
 * library's name grammar grows its stack, and its time, faster than the list. `<` and `>`, which
 * the library reads as the OT1 glyphs ¡ and ¿, are given back.
 */
function parseBlock(text: string, strings: Record<string, string>): Library | string {
  try {
    const { text: rest, lists } = takeLongNameLists(text);
    const library = parseBibtexText(rest, { ...PARSE_OPTIONS, strings });
    const entry = library.entries[0];
    if (entry) {
      for (const [field, value] of lists) {
        (entry.fields as Record<string, unknown>)[field] = parseNameList(value, strings);
      }
      if (/[<>]/.test(text) && !/[¡¿]/.test(text)) restoreAngleBrackets(entry);
    }
    return library;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return `the parser failed (${message.length > 300 ? `${message.slice(0, 297)}…` : message})`;
  }
}

/** Above this many names, an author or editor list is parsed in slices of this size. */
const LONG_NAME_LIST = 200;

/**
 * The author and editor fields of `text` that hold more than `LONG_NAME_LIST` names, cut out of
 * it (the field is left empty). One pass over the text: braces are counted, not matched by a
 * pattern.
 */
function takeLongNameLists(text: string): { text: string; lists: Array<[string, string]> } {
  if (text.length < LONG_NAME_LIST * 8) return { text, lists: [] };
  const lists: Array<[string, string]> = [];
  let out = "";
  let from = 0;
  const opener = /[,{(]\s*(author|editor)\s*=\s*\{/gi;
  for (let match = opener.exec(text); match; match = opener.exec(text)) {
    const start = match.index + match[0].length;
    let depth = 1;
    let end = start;
    for (; end < text.length && depth > 0; end++) {
      const char = text[end];
      if (char === "\\") end++;
      else if (char === "{") depth++;
      else if (char === "}") depth--;
    }
    if (depth > 0) break;
    const value = text.slice(start, end - 1);
    const field = (match[1] ?? "author").toLowerCase();
    if (splitNames(value).length > LONG_NAME_LIST) {
      lists.push([field, value]);
      out += `${text.slice(from, start)}}`;
      from = end;
    }
    opener.lastIndex = end;
  }
  return lists.length === 0 ? { text, lists: [] } : { text: out + text.slice(from), lists };
}

/** The names of a BibTeX name list, split on `and` outside braces. */
function splitNames(value: string): string[] {
  const names: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const char = value[i];
    if (char === "{") depth++;
    else if (char === "}") depth--;
    else if (depth === 0 && /\s/.test(char ?? "") && /^\s+and\s/i.test(value.slice(i, i + 6))) {
      names.push(value.slice(start, i));
      const rest = /^\s+and\s+/i.exec(value.slice(i, i + 64));
      i += (rest?.[0].length ?? 5) - 1;
      start = i + 1;
    }
  }
  names.push(value.slice(start));
  return names.map((name) => name.trim()).filter((name) => name.length > 0);
}

/** A long name list parsed slice by slice with the library, so its name rules still apply. */
function parseNameList(value: string, strings: Record<string, string>): Creator[] {
  const names = splitNames(value);
  const creators: Creator[] = [];
  for (let i = 0; i < names.length; i += LONG_NAME_LIST) {
    const slice = names.slice(i, i + LONG_NAME_LIST).join(" and ");
    const library = parseBibtexText(`@misc{names, author = {${slice}}}`, {
      ...PARSE_OPTIONS,
      strings,
    });
    for (const creator of library.entries[0]?.fields.author ?? []) creators.push(creator);
  }
  return creators;
}

/** `¡` and `¿` back to the `<` and `>` the entry was written with, in every text field. */
function restoreAngleBrackets(entry: Entry): void {
  const fields = entry.fields as Record<string, unknown>;
  const restore = (value: string): string => value.replace(/¡/g, "<").replace(/¿/g, ">");
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value === "string") fields[name] = restore(value);
    else if (Array.isArray(value)) {
      fields[name] = value.map((item: unknown) =>
        typeof item === "string" ? restore(item) : item,
      );
    }
  }
}

/** The record of one parsed entry, or undefined when it has neither title nor identifier. */
function readEntry(
  documentId: string,
  entry: Entry,
  index: number,
  line: number,
): PaperRecord | undefined {
  const fields = entry.fields;
  const text = (name: string): string | undefined => {
    const value = (fields as Record<string, unknown>)[name];
    return typeof value === "string" && value.trim() ? value : undefined;
  };
  const title = stripMarkup(text("title"));
  const archive = (text("archiveprefix") ?? text("eprinttype") ?? "").toLowerCase();
  const eprint = text("eprint");
  const urlField = text("url");
  const venueText = stripMarkup(text("journal") ?? text("journaltitle") ?? text("booktitle"));
  const notes = [text("note"), text("howpublished"), text("annote")].map(stripLinksMarkup);
  const ids = pickIdentifiers({
    arxiv: [archive === "arxiv" ? eprint : undefined, text("arxiv"), text("arxivid")],
    doi: text("doi"),
    texts: [urlField, venueText, ...notes, text("eprint")],
  });
  if (!title && !ids.arxiv && !ids.doi) return undefined;

  const urls = dedupe([
    ...(urlField ? findUrls(urlField) : []),
    ...notes.flatMap((note) => (note ? findUrls(note) : [])),
  ]);
  const linkIds = readLinkIds(urls);
  const date = readEntryDate(text("date"), text("year"), text("month"), text("day"));
  const pmid = archive === "pubmed" ? eprint : text("pmid");
  return createReferenceRecord(documentId, FORMAT, index, {
    line,
    title,
    abstract: stripMarkup(text("abstract")),
    arxiv: ids.arxiv,
    doi: ids.doi,
    ...date,
    authors: readAuthors(fields.author),
    urls,
    // "arXiv preprint arXiv:2305.09617" names the preprint server, not a venue.
    venue: venueText && !/^arxiv\b/i.test(venueText) ? venueText : undefined,
    keywords: fields.keywords ?? [],
    ...linkIds,
    ...(pmid ? { pmid } : {}),
  });
}

/** `date = {2023-07-12}` (BibLaTeX) wins over `year` + `month` + `day`. */
function readEntryDate(
  date: string | undefined,
  year: string | undefined,
  month: string | undefined,
  day: string | undefined,
): { year?: number; date?: string } {
  const iso = date ? /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?/.exec(date.trim()) : null;
  if (iso) {
    return composeDate(
      Number(iso[1]),
      iso[2] ? Number(iso[2]) : undefined,
      iso[3] ? Number(iso[3]) : undefined,
    );
  }
  // The parser turns month macros (`jul`) and names (`July`) into numbers.
  const monthNumber = month && /^\d{1,2}$/.test(month.trim()) ? Number(month) : undefined;
  const dayNumber = day && /^\d{1,2}$/.test(day.trim()) ? Number(day) : undefined;
  return composeDate(readYear(year), monthNumber, monthNumber ? dayNumber : undefined);
}

/** Authors as "First Last"; BibTeX's `and others` (et al.) is not a name. */
function readAuthors(creators: Creator[] | undefined): string[] {
  const names: string[] = [];
  for (const creator of creators ?? []) {
    if (!creator.name && creator.lastName === "others" && !creator.firstName) continue;
    const name = formatPersonName({
      literal: creator.name,
      given: creator.firstName,
      particle: creator.prefix,
      family: creator.lastName,
      suffix: creator.suffix,
    });
    if (name) names.push(stripMarkup(name) ?? name);
  }
  return names;
}

/** `\url{…}` comes back from the parser as an `<a href>` link: keep its text. */
function stripLinksMarkup(text: string | undefined): string | undefined {
  return text ? text.replace(/<a\b[^<>]{0,2000}>/gi, " ").replace(/<\/a>/gi, " ") : undefined;
}

/** A parser message with its line made absolute (the parser counts from the entry's first line). */
function describeError(message: string, entryLine: number): string {
  const short = message.length > 300 ? `${message.slice(0, 297)}…` : message;
  return short.replace(/at line (\d+), column (\d+)/, (_, line: string, column: string) => {
    return `at line ${entryLine + Number(line) - 1}, column ${column}`;
  });
}

function preview(text: string): string {
  const flat = text.replace(/\s+/g, " ");
  return flat.length > 60 ? `${flat.slice(0, 57)}…` : flat;
}
