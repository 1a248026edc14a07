// The texts of a paper record that extract reads, in the order their evidence is preferred:
// the paper's own words (titles, abstracts, a listing's summary) before a site's labels.
import type { PaperRecord } from "../ingest/types.ts";

/** The prose fields of a record, best evidence first. */
export type ProseField = "title" | "titleZh" | "abstract" | "abstractZh" | "summary";

export const PROSE_FIELDS: readonly ProseField[] = [
  "title",
  "titleZh",
  "abstract",
  "abstractZh",
  "summary",
];

export interface FieldText {
  field: ProseField;
  text: string;
}

/** The record's non-empty prose fields, in `PROSE_FIELDS` order. */
export function listProseFields(record: PaperRecord): FieldText[] {
  const texts: FieldText[] = [];
  for (const field of PROSE_FIELDS) {
    const text = record[field];
    if (text?.trim()) texts.push({ field, text });
  }
  return texts;
}

/** True for the fields that hold a title (where a survey word or a leading name means most). */
export function isTitleField(field: ProseField): boolean {
  return field === "title" || field === "titleZh";
}
