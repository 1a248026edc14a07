// What a drop (or an "Open files" pick) means: open one graph file (graph.json or GEXF), or build a
// graph from documents. A dropped taxonomy.json or benchmarks.json replaces the bundled one.
import type { InputFile } from "../ingest/types.ts";

/** A file as the browser hands it over: its path inside the dropped folder (or name) and bytes. */
export interface DroppedFile {
  path: string;
  bytes: Uint8Array;
}

export type DropPlan =
  | { action: "open-graph"; file: DroppedFile; text: string }
  | {
      action: "build";
      files: InputFile[];
      /** Parsed taxonomy.json / benchmarks.json found among the files, if any. */
      taxonomy: unknown;
      benchmarks: unknown;
    }
  | { action: "nothing"; reason: string };

const DECODER = new TextDecoder("utf-8");

/** File names the CLI reads as the taxonomy and the gazetteer rather than as documents. */
export const TAXONOMY_FILE = "taxonomy.json";
export const BENCHMARKS_FILE = "benchmarks.json";

/** Whether parsed JSON is a graphology export (has `nodes` and `edges` lists). */
export function isGraphExport(data: unknown): boolean {
  return (
    typeof data === "object" &&
    data !== null &&
    Array.isArray((data as { nodes?: unknown }).nodes) &&
    Array.isArray((data as { edges?: unknown }).edges)
  );
}

/**
 * Decide what to do with dropped files. The first `.gexf`, or `.json` that is a graph export, is
 * opened (a graph is not built from other graphs); otherwise every file is a document to build
 * from, except `taxonomy.json` and `benchmarks.json`, which are read as such.
 */
export function planDrop(files: readonly DroppedFile[]): DropPlan {
  if (files.length === 0) return { action: "nothing", reason: "No files were dropped." };
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  let taxonomy: unknown;
  let benchmarks: unknown;
  const documents: InputFile[] = [];
  for (const file of sorted) {
    const lower = file.path.toLowerCase();
    const name = lower.split("/").pop() ?? lower;
    if (lower.endsWith(".gexf"))
      return { action: "open-graph", file, text: DECODER.decode(file.bytes) };
    if (lower.endsWith(".json")) {
      const data = parseJson(file.bytes);
      if (isGraphExport(data))
        return { action: "open-graph", file, text: DECODER.decode(file.bytes) };
      if (name === TAXONOMY_FILE && data !== undefined) {
        taxonomy = data;
        continue;
      }
      if (name === BENCHMARKS_FILE && data !== undefined) {
        benchmarks = data;
        continue;
      }
    }
    documents.push({ id: file.path, bytes: file.bytes });
  }
  if (documents.length === 0)
    return { action: "nothing", reason: "The drop held no documents to build a graph from." };
  return { action: "build", files: documents, taxonomy, benchmarks };
}

function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(DECODER.decode(bytes));
  } catch {
    return undefined;
  }
}
