// The record fields that curated lists and paper pages add to what `createPaperRecord` fills:
// venue, PubMed / OpenReview / ACL Anthology ids, keywords and a listed paper's heading path.
import type { PaperRecord } from "./types.ts";

/** The optional fields set by {@link setRecordFields}. */
export interface ExtraRecordFields {
  venue?: string;
  pmid?: string;
  openreview?: string;
  acl?: string;
  keywords?: string[];
  section?: string[];
}

/**
 * Set the given fields on `record` and return it. Like `createPaperRecord`, absent values, empty
 * strings and empty lists are left out, so a record carries only what its document says.
 */
export function setRecordFields<T extends Omit<PaperRecord, "source"> | PaperRecord>(
  record: T,
  fields: ExtraRecordFields,
): T {
  for (const key of ["venue", "pmid", "openreview", "acl"] as const) {
    const value = fields[key]?.trim();
    if (value) record[key] = value;
  }
  for (const key of ["keywords", "section"] as const) {
    const values = fields[key]?.filter((value) => value.length > 0);
    if (values && values.length > 0) record[key] = [...new Set(values)];
  }
  return record;
}
