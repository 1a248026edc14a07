// Streaming the arXiv metadata snapshot (JSON lines, gigabytes): files whose first bytes sniff as the
// snapshot are read line by line with node:readline, never whole; only the records kept stay in memory.
// The lines go to the pure incremental reader of src/ingest/arxiv-snapshot.ts.
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { createInterface } from "node:readline";
import { createDiagnostic } from "../diagnostics.ts";
import { createSnapshotReader } from "../ingest/arxiv-snapshot.ts";
import { limitRecordText } from "../ingest/limits.ts";
import { sniffFormat } from "../ingest/sniff.ts";
import type { IngestOutcome } from "../ingest/types.ts";

/** How many leading bytes decide whether a file is a snapshot (the sniffers' window). */
export const SNAPSHOT_PROBE_BYTES = 65_536;

/** A file to be streamed rather than read whole. */
export interface StreamedInput {
  /** The document id (path relative to the folder named on the command line). */
  id: string;
  /** Absolute path. */
  path: string;
  bytes: number;
}

/** The filters of `litgraph build` that apply to snapshot files. */
export interface SnapshotFilters {
  /** Categories to keep (`cs.CL`, `cs.`); empty keeps all. */
  categories: readonly string[];
  /** Kept only when title or abstract matches. */
  match?: RegExp;
}

/** What the first bytes of a file showed: a snapshot, or the bytes read (the whole file when small). */
export type ProbeResult =
  | { snapshot: true }
  | { snapshot: false; head: Uint8Array; whole: boolean };

/**
 * Read the first {@link SNAPSHOT_PROBE_BYTES} bytes of a file and sniff them. A small file is read
 * whole by this one read, so the caller need not read it again.
 */
export async function probeSnapshot(path: string, size: number): Promise<ProbeResult> {
  const handle = await open(path, "r");
  try {
    const length = Math.min(size, SNAPSHOT_PROBE_BYTES);
    const head = new Uint8Array(length);
    const { bytesRead } = await handle.read(head, 0, length, 0);
    const bytes = head.subarray(0, bytesRead);
    const whole = bytesRead >= size;
    if (isSnapshotHead(bytes, whole)) return { snapshot: true };
    return { snapshot: false, head: bytes, whole };
  } finally {
    await handle.close();
  }
}

/**
 * Whether the first bytes of a file (at most {@link SNAPSHOT_PROBE_BYTES}; `whole` when they are the
 * entire file) sniff as a snapshot. A head that is not the whole file is cut at its last line end,
 * so that the sniffer sees whole lines only.
 */
export function isSnapshotHead(bytes: Uint8Array, whole: boolean): boolean {
  const cut = whole ? bytes.length : bytes.lastIndexOf(0x0a) + 1;
  if (cut === 0) return false;
  const text = new TextDecoder("utf-8").decode(bytes.subarray(0, cut)).replace(/^\ufeff/, "");
  return sniffFormat(text).format === "arxiv-snapshot";
}

/**
 * Stream one snapshot file through the incremental reader with the build's filters. The outcome
 * is what `ingestFile` would give for the file (record texts capped, a `no-records` warning when
 * nothing is kept), with counts of the records read, kept, skipped and filtered. A read error
 * mid-file is reported; the records read before it are kept.
 */
export async function streamSnapshotFile(
  input: StreamedInput,
  filters: SnapshotFilters,
  onBytes?: (bytesRead: number) => void,
): Promise<IngestOutcome> {
  const reader = createSnapshotReader({
    documentId: input.id,
    categories: filters.categories,
    ...(filters.match ? { match: filters.match } : {}),
  });
  const stream = createReadStream(input.path, { encoding: "utf8", highWaterMark: 1 << 20 });
  const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  let lineNumber = 0;
  let failure: string | undefined;
  try {
    for await (const line of lines) {
      lineNumber++;
      reader.push(line, lineNumber);
      if (onBytes && lineNumber % 10_000 === 0) onBytes(stream.bytesRead);
    }
  } catch (error) {
    failure = error instanceof Error ? error.message : String(error);
  } finally {
    lines.close();
    stream.destroy();
  }
  const finished = reader.finish();
  const diagnostics = [...finished.diagnostics];
  if (failure !== undefined) {
    diagnostics.push(
      createDiagnostic(
        input.id,
        "error",
        "read-failed",
        `arxiv-snapshot: reading stopped after line ${lineNumber} (${failure}); the records before it are kept`,
        lineNumber + 1,
      ),
    );
  }
  if (finished.records.length === 0) {
    diagnostics.push(
      createDiagnostic(
        input.id,
        "warning",
        "no-records",
        "ingest: nothing kept from this arxiv-snapshot document",
      ),
    );
  }
  const parsed = limitRecordText({ ...finished, diagnostics }, input.id);
  return {
    state: "parsed",
    id: input.id,
    format: "arxiv-snapshot",
    encoding: "utf-8",
    bytes: input.bytes,
    parsed,
  };
}
