// Adapter for RIS files (EndNote, Zotero, PubMed and publisher exports): records from `TY  - ` to
// `ER  - `, one `listed` record each. A record without its `ER  - ` end tag is reported and skipped,
// even the last one: a cut-off export must not pass for a complete one.
import { findUrls } from "../extract/links.ts";
import { createDiagnosticSink } from "./diagnostic-sink.ts";
import {
  cleanText,
  composeDate,
  createReferenceRecord,
  flipCommaName,
  pickIdentifiers,
  readLinkIds,
  readYear,
  reportSkippedRecords,
} from "./reference-fields.ts";
import { dedupe, splitLines, takeSniffWindow } from "./text-utils.ts";
import type {
  Adapter,
  PaperRecord,
  ParsedDocument,
  RecordCounts,
  SourceDocument,
} from "./types.ts";

const FORMAT = "ris";

/** `XY  - value`: a tag of two characters, two spaces (one is tolerated), a hyphen. */
const TAG_LINE = /^([A-Z][A-Z0-9])[ \t]{1,2}-(?:[ \t](.*))?$/;

/** Tags in the order their value is taken as the venue: full journal names before abbreviations. */
const VENUE_TAGS = ["T2", "JF", "JO", "BT", "T3", "JA", "J2"] as const;

/** Reads RIS bibliographies. */
export const RIS_ADAPTER: Adapter = {
  format: FORMAT,
  sniff: sniffRis,
  parse: parseRis,
};

/**
 * How sure we are that `text` is RIS (0 … 1): sure when its first non-blank line is a `TY  - `
 * tag; fairly sure with `TY  - ` and `ER  - ` lines further down.
 */
export function sniffRis(text: string): number {
  const head = takeSniffWindow(text);
  const first = head.split("\n").find((line) => line.trim()) ?? "";
  if (/^TY[ \t]{1,2}-[ \t]\S/.test(first.replace(/^\ufeff/, ""))) return 0.95;
  const starts = head.match(/^TY[ \t]{1,2}-[ \t]\S/gm)?.length ?? 0;
  const ends = head.match(/^ER[ \t]{1,2}-/gm)?.length ?? 0;
  return starts >= 1 && ends >= 1 ? 0.8 : 0;
}

interface OpenRecord {
  line: number;
  tags: Map<string, string[]>;
  last?: string;
}

/**
 * Parse a RIS file into one `listed` record per `TY … ER` record (`source` = `<file>#N`, N the
 * 1-based record index, `line` its `TY` line). A record cut off before its `ER` (by the next `TY`
 * or the end of the file) or without a title and identifier is reported and skipped; lines outside
 * records are reported. Lines inside a record that carry no tag continue the previous tag's value.
 */
export function parseRis(doc: SourceDocument): ParsedDocument {
  const sink = createDiagnosticSink(doc.id, FORMAT);
  const counts: RecordCounts = { read: 0, kept: 0, skipped: 0 };
  const records: PaperRecord[] = [];
  let open: OpenRecord | undefined;

  const skip = (line: number, code: string, message: string): void => {
    counts.skipped++;
    sink.add("error", code, `record ${counts.read}: ${message}; skipped`, line);
  };
  const close = (record: OpenRecord): void => {
    const built = readRecord(doc.id, record, counts.read);
    if (built) {
      records.push(built);
      counts.kept++;
    } else {
      skip(record.line, "no-title", "no title (TI/T1), arXiv id or DOI");
    }
  };

  const lines = splitLines(doc.text);
  lines.forEach((raw, i) => {
    const text = i === 0 ? raw.replace(/^\ufeff/, "") : raw;
    const tag = TAG_LINE.exec(text.trimEnd());
    const name = tag?.[1];
    const value = (tag?.[2] ?? "").trim();
    if (name === "TY") {
      if (open)
        skip(open.line, "missing-end-tag", `no "ER  - " before the next record at line ${i + 1}`);
      counts.read++;
      open = { line: i + 1, tags: new Map([["TY", [value]]]) };
      return;
    }
    if (!open) {
      if (text.trim()) {
        sink.add(
          "warning",
          "stray-text",
          `line outside any record (before "TY  - ") is ignored`,
          i + 1,
        );
      }
      return;
    }
    if (name === "ER") {
      close(open);
      open = undefined;
      return;
    }
    if (name) {
      const values = open.tags.get(name) ?? [];
      values.push(value);
      open.tags.set(name, values);
      open.last = name;
    } else if (text.trim() && open.last) {
      // Some exporters wrap long abstracts: a line without a tag continues the last value.
      const values = open.tags.get(open.last) ?? [];
      values[values.length - 1] = `${values[values.length - 1] ?? ""} ${text.trim()}`;
    } else if (text.trim()) {
      // Text right after "TY  - " continues no value: it is kept as a note (its ids and links are
      // read), and said so.
      const notes = open.tags.get("N1") ?? [];
      notes.push(text.trim());
      open.tags.set("N1", notes);
      sink.add(
        "warning",
        "untagged-line",
        `line without a tag right after "TY  - " is read as a note of this record`,
        i + 1,
      );
    }
  });
  if (open) skip(open.line, "missing-end-tag", `the file ends before this record's "ER  - "`);
  reportSkippedRecords(sink, counts, "records");
  return { records, relations: [], diagnostics: sink.finish(), counts };
}

function readRecord(
  documentId: string,
  record: OpenRecord,
  index: number,
): PaperRecord | undefined {
  const all = (...names: string[]): string[] =>
    names.flatMap((name) => record.tags.get(name) ?? []).filter((value) => value.trim());
  const first = (...names: string[]): string | undefined => cleanText(all(...names)[0]);

  const title = first("TI", "T1", "CT");
  const urlFields = all("UR", "L1", "L2", "LK");
  const urls = dedupe(urlFields.flatMap((value) => findUrls(value)));
  const venue = first(...VENUE_TAGS);
  const ids = pickIdentifiers({
    doi: first("DO", "DI"),
    texts: [...urls, venue, ...all("N1", "M1", "M3", "AN", "ID")],
  });
  if (!title && !ids.arxiv && !ids.doi) return undefined;
  const authors = all("AU", "A1")
    .map(flipCommaName)
    .filter((name): name is string => Boolean(name));
  return createReferenceRecord(documentId, FORMAT, index, {
    line: record.line,
    title,
    abstract: first("AB", "N2"),
    arxiv: ids.arxiv,
    doi: ids.doi,
    ...readRisDate(first("DA"), first("PY", "Y1")),
    authors,
    urls,
    venue: venue && !/^arxiv\b/i.test(venue) ? venue : undefined,
    keywords: all("KW"),
    ...readLinkIds(urls),
  });
}

/**
 * RIS dates: `PY  - 2023` or `2023///`, `Y1`/`DA  - 2023/07/12/` (year/month/day/other). The
 * fuller of the two is used; the year comes from PY when DA has none.
 */
function readRisDate(
  da: string | undefined,
  py: string | undefined,
): { year?: number; date?: string } {
  const parts = (text: string | undefined): { year?: number; date?: string } => {
    const match = text ? /^(\d{4})(?:[/-](\d{1,2})?(?:[/-](\d{1,2})?)?)?/.exec(text.trim()) : null;
    if (!match) return { year: readYear(text) };
    return composeDate(
      Number(match[1]),
      match[2] ? Number(match[2]) : undefined,
      match[3] ? Number(match[3]) : undefined,
    );
  };
  const fromDa = parts(da);
  const fromPy = parts(py);
  const date = fromDa.date ?? fromPy.date;
  const year = fromPy.year ?? fromDa.year;
  return { ...(year !== undefined ? { year } : {}), ...(date ? { date } : {}) };
}
