// The ingest stage: one file's bytes in, typed PaperRecords out (decode, sniff the format, parse).
// Bad input never throws here: it becomes a skipped outcome or a diagnostic.
import { createDiagnostic, type Diagnostic } from "../diagnostics.ts";
import { LitgraphError } from "../errors.ts";
import { getAdapter } from "./adapters.ts";
import { decodeInput } from "./decode.ts";
import { detachStrings } from "./detach.ts";
import { applyFrontMatter, splitFrontMatter } from "./front-matter.ts";
import { limitRecordText } from "./limits.ts";
import { sniffFormat } from "./sniff.ts";
import type {
  FormatId,
  IngestOutcome,
  InputFile,
  ParsedDocument,
  SourceDocument,
} from "./types.ts";

export { ADAPTERS } from "./adapters.ts";
export { type DecodeResult, decodeInput } from "./decode.ts";
export { SNIFF_THRESHOLD, type SniffResult, sniffFormat } from "./sniff.ts";
export type * from "./types.ts";

/**
 * Ingest one file: decode its bytes, pick the adapter by content, parse. Empty and binary files
 * come back `skipped` with the reason code (`empty-file`, `binary-file`); a document that yields
 * no record is still `parsed`, with a `no-records` warning. Throws only when called with something
 * that is not an InputFile.
 */
export function ingestFile(file: InputFile): IngestOutcome {
  if (!file || typeof file.id !== "string" || !(file.bytes instanceof Uint8Array)) {
    throw new LitgraphError("usage", "ingest: ingestFile needs { id: string, bytes: Uint8Array }.");
  }
  const bytes = file.bytes.length;
  const decoded = decodeInput(file);
  if (!decoded.ok) {
    return {
      state: "skipped",
      id: file.id,
      bytes,
      reason: decoded.code,
      diagnostics: decoded.diagnostics,
    };
  }
  // Front matter is metadata: read once here, and blanked so that no adapter takes it for text.
  const { text, frontMatter } = splitFrontMatter(decoded.doc.text);
  const doc = frontMatter ? { ...decoded.doc, text } : decoded.doc;
  const { format } = sniffFormat(doc.text);
  const parsed = parseSafely(doc, format);
  if (frontMatter) parsed.result = applyFrontMatter(parsed.result, frontMatter);
  parsed.result = limitRecordText(parsed.result, file.id);
  // What the records keep is copied out of the text, so that the text goes once the file is read.
  detachStrings(parsed.result);
  const diagnostics: Diagnostic[] = [...decoded.diagnostics, ...parsed.result.diagnostics];
  if (frontMatter) {
    diagnostics.push(
      createDiagnostic(
        file.id,
        "info",
        "front-matter",
        `ingest: front matter read as metadata (lines 1–${frontMatter.endLine})`,
      ),
    );
  }
  if (parsed.result.records.length === 0) {
    diagnostics.push(
      createDiagnostic(
        file.id,
        "warning",
        "no-records",
        `ingest: nothing found in this ${parsed.format} document`,
      ),
    );
  }
  return {
    state: "parsed",
    id: file.id,
    format: parsed.format,
    encoding: decoded.doc.encoding,
    bytes,
    parsed: { ...parsed.result, diagnostics },
  };
}

/**
 * Run the adapter of `format`; should it fail on an unforeseen shape of text, read the document
 * as plain text instead and say so, so that one odd file never stops a build.
 */
function parseSafely(
  doc: SourceDocument,
  format: FormatId,
): { format: FormatId; result: ParsedDocument } {
  try {
    return { format, result: getAdapter(format).parse(doc) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const failure = createDiagnostic(
      doc.id,
      "error",
      "adapter-failed",
      format === "text"
        ? `ingest: the plain-text reader failed (${message})`
        : `ingest: the ${format} reader failed (${message}); read as plain text instead`,
    );
    if (format === "text") {
      return { format, result: { records: [], relations: [], diagnostics: [failure] } };
    }
    const fallback = parseSafely(doc, "text");
    return {
      format: "text",
      result: { ...fallback.result, diagnostics: [failure, ...fallback.result.diagnostics] },
    };
  }
}
