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
  return `${JSON.stringify(report, null, 2)}\n`;
}
