// Shared by the bibliography adapters (BibTeX, RIS, CSL-JSON, arXiv Atom, arXiv metadata snapshot):
// one `listed` record per entry with a `#N` source, names as "First Last", DOIs, dates, and the
// identifiers that links carry (ACL Anthology, OpenReview, PubMed).
import { findArxivIds, normalizeArxivId } from "../extract/arxiv-id.ts";
import { findDois } from "../extract/links.ts";
import type { DiagnosticSink } from "./diagnostic-sink.ts";
import { createPaperRecord, type PaperRecordFields } from "./records.ts";
import { arxivIdOfDoi, collapseWhitespace } from "./text-utils.ts";
import type { FormatId, PaperRecord, RecordCounts } from "./types.ts";

/** Record fields of a bibliography entry: the common ones plus venue, keywords and other ids. */
export type ReferenceFields = PaperRecordFields;

/**
 * Create the `listed` record of the `index`-th entry (1-based) of a multi-record document: its
 * source is `<documentId>#<index>`. A bibliography names papers without stating a relation between
 * them, hence `listed`. Empty fields are left out, as `createPaperRecord` does.
 */
export function createReferenceRecord(
  documentId: string,
  format: FormatId,
  index: number,
  fields: ReferenceFields,
): PaperRecord {
  const keywords = (fields.keywords ?? []).map((word) => collapseWhitespace(word).normalize("NFC"));
  // Only the id of the document is read when a record is created.
  const record = createPaperRecord(
    { id: documentId, text: "", encoding: "utf-8" },
    format,
    "listed",
    { ...fields, keywords },
  );
  // Joined, not a template literal: that makes a rope, which keeps a 32-byte node besides its text.
  record.source = [documentId, "#", index].join("");
  return record;
}

/** A person's name as bibliographies split it. `literal` is a name not to be split (an organisation). */
export interface PersonName {
  given?: string;
  family?: string;
  /** `van der`, `de`: the lower-case particle before the family name. */
  particle?: string;
  suffix?: string;
  literal?: string;
}

/**
 * A name written "First Last" (`{given: "Jan", particle: "van der", family: "Berg"}` → `Jan van
 * der Berg`; a suffix follows: `Wei Li Jr.`). Undefined when nothing is left.
 */
export function formatPersonName(name: PersonName): string | undefined {
  if (name.literal?.trim()) return collapseWhitespace(name.literal).normalize("NFC");
  const parts = [name.given, name.particle, name.family, name.suffix]
    .map((part) => collapseWhitespace(part ?? ""))
    .filter(Boolean);
  return parts.length > 0 ? parts.join(" ").normalize("NFC") : undefined;
}

/**
 * A name as RIS and many exports write it: `Last, First` or `Last, First, Suffix` becomes
 * `First Last (Suffix)`; a name without a comma is kept as written.
 */
export function flipCommaName(text: string): string | undefined {
  const parts = text.split(",").map((part) => collapseWhitespace(part));
  if (parts.length === 1) return parts[0] || undefined;
  const [family = "", given = "", ...rest] = parts;
  return formatPersonName({ family, given, suffix: rest.filter(Boolean).join(" ") });
}

/** A DOI from a field (`10.1038/…`, `doi:10.…`, `https://doi.org/10.…`), lower-cased; undefined if none. */
export function normalizeDoi(text: string | undefined): string | undefined {
  if (!text) return undefined;
  return findDois(text)[0];
}

/** The arXiv id and DOI of an entry, from its fields, in the order they are trusted. */
export interface IdentifierSources {
  /** Fields that hold an arXiv id as such (`eprint` with `archivePrefix = {arXiv}`, an `<id>` URL). */
  arxiv?: ReadonlyArray<string | undefined>;
  /** The DOI field. An arXiv-minted DOI (`10.48550/arXiv.X`) gives the arXiv id X instead. */
  doi?: string | undefined;
  /** Free text searched for `arXiv:` ids and arxiv.org links (URLs, journal, notes). */
  texts?: ReadonlyArray<string | undefined>;
}

/**
 * Pick an entry's arXiv id (version stripped) and DOI. An arXiv DOI counts as the arXiv id, as
 * `findIdentifiers` does for pages, so the same paper is never keyed twice.
 */
export function pickIdentifiers(sources: IdentifierSources): { arxiv?: string; doi?: string } {
  let arxiv: string | undefined;
  for (const candidate of sources.arxiv ?? []) {
    arxiv = candidate ? normalizeArxivId(candidate) : undefined;
    if (arxiv) break;
  }
  let doi = normalizeDoi(sources.doi);
  const fromDoi = doi ? arxivIdOfDoi(doi) : undefined;
  if (fromDoi) {
    arxiv ??= fromDoi;
    doi = undefined;
  }
  if (!arxiv) {
    for (const text of sources.texts ?? []) {
      arxiv = text ? findArxivIds(text)[0] : undefined;
      if (arxiv) break;
    }
  }
  return { ...(arxiv ? { arxiv } : {}), ...(doi ? { doi } : {}) };
}

/**
 * A date as precise as the parts allow: `{year: 2023, month: 7}` → `2023-07`, with the day
 * `2023-07-12`. A month or day out of range is dropped (the year is kept).
 */
export function composeDate(
  year: number | undefined,
  month?: number,
  day?: number,
): { year?: number; date?: string } {
  if (year === undefined || !Number.isInteger(year) || year < 1000 || year > 2999) return {};
  if (month === undefined || !Number.isInteger(month) || month < 1 || month > 12) return { year };
  const mm = String(month).padStart(2, "0");
  if (day === undefined || !Number.isInteger(day) || day < 1 || day > daysIn(year, month)) {
    return { year, date: `${year}-${mm}` };
  }
  return { year, date: `${year}-${mm}-${String(day).padStart(2, "0")}` };
}

function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** A year from a field such as `2023`, `2023///`, `{2023}` or `2023-07-12`; undefined if none. */
export function readYear(text: string | undefined): number | undefined {
  const match = text ? /(?<!\d)(\d{4})(?!\d)/.exec(text) : null;
  return match?.[1] ? Number(match[1]) : undefined;
}

const ACL_LINK =
  /aclanthology\.org\/(?:anthology\/)?([A-Z]\d{2}-\d{4}|\d{4}\.[a-z0-9-]+\.\d+)(?:\.pdf)?\b/i;
const OPENREVIEW_LINK = /openreview\.net\/(?:forum|pdf)\?(?:[^#\s]*&)?id=([A-Za-z0-9_-]+)/i;
const PUBMED_LINK = /(?:pubmed\.ncbi\.nlm\.nih\.gov\/|ncbi\.nlm\.nih\.gov\/pubmed\/)(\d{1,9})\b/i;

/** The ACL Anthology, OpenReview and PubMed ids named by an entry's links. */
export function readLinkIds(urls: readonly string[]): {
  acl?: string;
  openreview?: string;
  pmid?: string;
} {
  const found: { acl?: string; openreview?: string; pmid?: string } = {};
  for (const url of urls) {
    found.acl ??= ACL_LINK.exec(url)?.[1];
    found.openreview ??= OPENREVIEW_LINK.exec(url)?.[1];
    found.pmid ??= PUBMED_LINK.exec(url)?.[1];
  }
  return Object.fromEntries(Object.entries(found).filter(([, value]) => value)) as typeof found;
}

/** Keywords written in one field, separated by commas or semicolons. */
export function splitKeywords(text: string | undefined): string[] {
  if (!text) return [];
  return text
    .split(/[;,]/)
    .map(collapseWhitespace)
    .filter((word) => word.length > 0);
}

/**
 * The rich-text markup that BibTeX decoding and CSL-JSON put in titles (`<i>`, `<b>`, `<sup>`,
 * `<span class="nocase">`, `<a href>`) removed, keeping the words; whitespace collapsed, accents
 * composed (NFC: the BibTeX decoder writes `é` as `e` + combining accent). Undefined when nothing
 * is left.
 */
export function stripMarkup(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const plain = collapseWhitespace(
    text.replace(/<\/?(?:i|b|em|strong|sc|sup|sub|span|a|tt|u|code|nc)\b[^<>]{0,500}>/gi, ""),
  );
  return plain ? plain.normalize("NFC") : undefined;
}

/** Whitespace collapsed, accents composed (NFC); undefined for an empty or missing text. */
export function cleanText(text: string | undefined): string | undefined {
  if (typeof text !== "string") return undefined;
  return collapseWhitespace(text).normalize("NFC") || undefined;
}

/**
 * Close a multi-record file's report: when records were skipped, one warning says how many of how
 * many (`noun` names them as the format does: entries, records, items), next to their own errors.
 */
export function reportSkippedRecords(
  sink: DiagnosticSink,
  counts: RecordCounts,
  noun: string,
): void {
  if (counts.skipped === 0) return;
  sink.add(
    "warning",
    `${noun}-skipped`,
    `${counts.skipped} of ${counts.read} ${noun} skipped (see the errors above); ${counts.kept} kept`,
  );
}
