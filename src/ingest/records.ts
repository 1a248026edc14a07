// Building PaperRecords: every adapter fills the same defaults (empty lists, document id as source),
// so records from different formats look alike to the extract stage.
import type { FormatId, PaperRecord, RecordRole, SourceDocument } from "./types.ts";

/**
 * One frozen empty list, shared by every record, mention list and graph node that has nothing in a
 * list. A snapshot of a million records would otherwise hold a dozen empty lists per record, at 32
 * bytes each; frozen, so that code which pushes into one fails at once instead of filling them all.
 */
const NO_ITEMS: readonly never[] = Object.freeze([]);

/** The shared empty list (see {@link NO_ITEMS}), typed for a list of `T`. Never to be mutated. */
export function noItems<T>(): T[] {
  return NO_ITEMS as unknown as T[];
}

/** `list` itself, or the shared empty list when it is empty (so an empty list is not kept twice). */
export function orNoItems<T>(list: T[]): T[] {
  return list.length > 0 ? list : noItems<T>();
}

/** The fields an adapter sets on top of the defaults. */
export type PaperRecordFields = Partial<
  Omit<PaperRecord, "source" | "document" | "format" | "role">
>;

/** Identifier and venue fields: trimmed, and left out when empty. */
const TRIMMED_FIELDS = ["venue", "pmid", "openreview", "acl"] as const;

/** List fields that are optional on a record: deduplicated, and left out when empty. */
const OPTIONAL_LISTS = ["keywords", "section"] as const;

/**
 * Create a record of `doc` with empty `authors`, `categories`, `tags` and `urls` unless given.
 * `source` is the document id: the formats read here hold one document each. Fields given as
 * `undefined` or empty strings are left out, as are empty keyword and section lists, so records
 * carry only what the document says.
 */
export function createPaperRecord(
  doc: SourceDocument,
  format: FormatId,
  role: RecordRole,
  fields: PaperRecordFields = {},
): PaperRecord {
  const record: PaperRecord = {
    source: doc.id,
    document: doc.id,
    format,
    role,
    authors: orNoItems(fields.authors ?? noItems()),
    categories: orNoItems(fields.categories ?? noItems()),
    tags: orNoItems(fields.tags ?? noItems()),
    urls: fields.urls && fields.urls.length > 0 ? [...new Set(fields.urls)] : noItems(),
  };
  const optional: Array<keyof PaperRecordFields> = [
    "line",
    "title",
    "titleZh",
    "abstract",
    "abstractZh",
    "summary",
    "arxiv",
    "doi",
    "date",
    "year",
    "relevance",
  ];
  for (const key of optional) {
    const value = fields[key];
    if (value === undefined || value === "") continue;
    if (typeof value === "number" && !Number.isFinite(value)) continue;
    Object.assign(record, { [key]: value });
  }
  for (const key of TRIMMED_FIELDS) {
    const value = fields[key]?.trim();
    if (value) record[key] = value;
  }
  for (const key of OPTIONAL_LISTS) {
    const values = fields[key]?.filter((value) => value.length > 0);
    if (values && values.length > 0) record[key] = [...new Set(values)];
  }
  return record;
}
