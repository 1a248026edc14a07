// Building PaperRecords: every adapter fills the same defaults (empty lists, document id as source),
// so records from different formats look alike to the extract stage.
import type { FormatId, PaperRecord, RecordRole, SourceDocument } from "./types.ts";

/** The fields an adapter sets on top of the defaults. */
export type PaperRecordFields = Partial<
  Omit<PaperRecord, "source" | "document" | "format" | "role">
>;

/**
 * Create a record of `doc` with empty `authors`, `categories`, `tags` and `urls` unless given.
 * `source` is the document id: the formats read here hold one document each. Fields given as
 * `undefined` or empty strings are left out, so records carry only what the document says.
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
    authors: fields.authors ?? [],
    categories: fields.categories ?? [],
    tags: fields.tags ?? [],
    urls: [...new Set(fields.urls ?? [])],
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
  return record;
}
