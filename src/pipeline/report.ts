// The build report: every input file with the format found and what was extracted from it, or why it
// was skipped; every merge with its reason. Written as report.json next to the graph.
import type { Diagnostic } from "../diagnostics.ts";
import type { EdgeKind, LitGraph, NodeKind } from "../graph/types.ts";
import type { RecordCounts } from "../ingest/types.ts";
import type { RefusedMerge } from "../resolve/index.ts";
import type { MergeRecord } from "../resolve/types.ts";

export interface InputReport {
  file: string;
  state: "parsed" | "skipped";
  bytes: number;
  format?: string;
  encoding?: string;
  /** Records the file yielded (papers it is about, related entries, listed papers). */
  records?: number;
  /** For multi-record files (BibTeX, RIS, CSL-JSON, Atom, snapshot): records read, kept, skipped, filtered. */
  counts?: RecordCounts;
  /** Node keys of the papers and surveys its records became. */
  nodes?: string[];
  /** Why the file was skipped. */
  reason?: string;
  diagnostics: Diagnostic[];
}

export interface BuildSummary {
  files: number;
  parsed: number;
  skipped: number;
  records: number;
  nodes: number;
  edges: number;
  nodesByKind: Partial<Record<NodeKind, number>>;
  edgesByKind: Partial<Record<EdgeKind, number>>;
  communities: number;
  modularity: number;
  merges: number;
  warnings: number;
  errors: number;
}

export interface BuildReport {
  version: string;
  summary: BuildSummary;
  inputs: InputReport[];
  merges: MergeRecord[];
  refusedMerges: RefusedMerge[];
}

/** Count nodes and edges of a graph by kind, keys in sorted order. */
export function countByKind(graph: LitGraph): Pick<BuildSummary, "nodesByKind" | "edgesByKind"> {
  const nodesByKind: Partial<Record<NodeKind, number>> = {};
  const edgesByKind: Partial<Record<EdgeKind, number>> = {};
  graph.forEachNode((_, a) => {
    nodesByKind[a.kind] = (nodesByKind[a.kind] ?? 0) + 1;
  });
  graph.forEachEdge((_, a) => {
    edgesByKind[a.kind] = (edgesByKind[a.kind] ?? 0) + 1;
  });
  return { nodesByKind: sortKeys(nodesByKind), edgesByKind: sortKeys(edgesByKind) };
}

function sortKeys<T extends Record<string, number>>(record: T): T {
  return Object.fromEntries(
    Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  ) as T;
}

/** report.json's text: stable key order, two-space indentation, trailing newline. */
export function writeReportJson(report: BuildReport): string {
  let text = "";
  for (const chunk of writeReportJsonChunks(report)) text += chunk;
  return text;
}

/** Chunks are handed out once they reach about this many characters. */
const CHUNK_CHARACTERS = 1 << 16;

/**
 * The text `writeReportJson` returns (`JSON.stringify(report, null, 2)` and a newline), in pieces
 * of about 64 K characters: the report's lists are written one entry at a time, so the text of a
 * report with many inputs or merges is never held whole.
 */
export function* writeReportJsonChunks(report: BuildReport): Generator<string, void, undefined> {
  let buffer = "";
  for (const piece of prettyJsonPieces(report, "", 2)) {
    buffer += piece;
    if (buffer.length >= CHUNK_CHARACTERS) {
      yield buffer;
      buffer = "";
    }
  }
  yield `${buffer}\n`;
}

const JSON_INDENT = "  ";

/**
 * `JSON.stringify(value, null, 2)` in pieces: objects and arrays down to `depth` levels are
 * written member by member, anything deeper (or with its own `toJSON`) by `JSON.stringify`,
 * re-indented to its place (JSON strings hold no raw line break, so every line break is layout).
 */
function* prettyJsonPieces(value: unknown, indent: string, depth: number): Generator<string> {
  const inner = indent + JSON_INDENT;
  if (depth > 0 && Array.isArray(value) && value.length > 0) {
    yield "[";
    for (let index = 0; index < value.length; index++) {
      yield `${index > 0 ? "," : ""}\n${inner}`;
      const item: unknown = value[index];
      // As in JSON.stringify, a list entry that has no JSON form is written as null.
      if (serialisable(item)) yield* prettyJsonPieces(item, inner, depth - 1);
      else yield "null";
    }
    yield `\n${indent}]`;
    return;
  }
  if (depth > 0 && isPlainRecord(value)) {
    const keys = Object.keys(value).filter((key) => serialisable(value[key]));
    if (keys.length > 0) {
      yield "{";
      for (const [index, key] of keys.entries()) {
        yield `${index > 0 ? "," : ""}\n${inner}${JSON.stringify(key)}: `;
        yield* prettyJsonPieces(value[key], inner, depth - 1);
      }
      yield `\n${indent}}`;
      return;
    }
  }
  const text = JSON.stringify(value, null, 2);
  yield indent === "" ? text : text.replace(/\n/g, `\n${indent}`);
}

/** Whether JSON.stringify gives a value a JSON form (it leaves out undefined, functions, symbols). */
function serialisable(value: unknown): boolean {
  return value !== undefined && typeof value !== "function" && typeof value !== "symbol";
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as { toJSON?: unknown }).toJSON !== "function"
  );
}
