// Messages between the explorer and its build worker (build-worker.ts): documents in, progress and
// the built graph (graphology's serialisation) and what was skipped out.
import type { SerializedGraph } from "graphology-types";
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from "../graph/types.ts";
import type { InputFile } from "../ingest/types.ts";
import type { BuildSummary, ProgressEvent } from "../pipeline/index.ts";

export interface BuildRequest {
  files: InputFile[];
  /** A dropped taxonomy / gazetteer; the bundled ones when undefined. */
  taxonomy?: unknown;
  benchmarks?: unknown;
}

export interface SkippedFile {
  file: string;
  reason: string;
}

export type BuildMessage =
  | { type: "progress"; event: ProgressEvent }
  | {
      type: "done";
      graph: SerializedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;
      summary: BuildSummary;
      skipped: SkippedFile[];
    }
  | { type: "error"; message: string };
