// Size limits on the text a record carries, applied to every adapter's output: a bloated page
// must not put megabytes into one abstract or title.
import { createDiagnostic, type Diagnostic } from "../diagnostics.ts";
import { truncateText } from "./text-utils.ts";
import type { PaperRecord, ParsedDocument } from "./types.ts";

/** Longest abstract, Chinese abstract or summary kept, in characters. */
export const MAX_TEXT_FIELD_CHARS = 20_000;
/** Longest title kept, in characters. */
export const MAX_TITLE_FIELD_CHARS = 1_000;

const LIMITS: ReadonlyArray<[keyof PaperRecord & string, number]> = [
  ["title", MAX_TITLE_FIELD_CHARS],
  ["titleZh", MAX_TITLE_FIELD_CHARS],
  ["abstract", MAX_TEXT_FIELD_CHARS],
  ["abstractZh", MAX_TEXT_FIELD_CHARS],
  ["summary", MAX_TEXT_FIELD_CHARS],
];

/**
 * Cut titles to {@link MAX_TITLE_FIELD_CHARS} and abstracts and summaries to
 * {@link MAX_TEXT_FIELD_CHARS}, with one `field-truncated` info diagnostic when anything was cut.
 * Records within the limits are returned as they are.
 */
export function limitRecordText(parsed: ParsedDocument, file: string): ParsedDocument {
  const cut = new Set<string>();
  const records = parsed.records.map((record) => {
    let limited: PaperRecord | undefined;
    for (const [field, max] of LIMITS) {
      const value = record[field];
      if (typeof value !== "string" || value.length <= max) continue;
      limited ??= { ...record };
      Object.assign(limited, { [field]: truncateText(value, max) });
      cut.add(field);
    }
    return limited ?? record;
  });
  if (cut.size === 0) return parsed;
  const diagnostic: Diagnostic = createDiagnostic(
    file,
    "info",
    "field-truncated",
    `ingest: overlong ${[...cut].join(", ")} cut to ${MAX_TEXT_FIELD_CHARS} characters (titles ${MAX_TITLE_FIELD_CHARS})`,
  );
  return { ...parsed, records, diagnostics: [...parsed.diagnostics, diagnostic] };
}
