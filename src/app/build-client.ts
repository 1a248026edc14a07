// Building a graph from dropped documents in a Web Worker: start the worker, relay its progress, and
// hand back the graph with the list of skipped files. The worker is ended when the build is done.
import Graph from "graphology";
import type { EdgeAttributes, GraphAttributes, LitGraph, NodeAttributes } from "../graph/types.ts";
import type { BuildSummary, ProgressEvent } from "../pipeline/index.ts";
import type { BuildMessage, BuildRequest, SkippedFile } from "./build-protocol.ts";

export interface BuiltGraph {
  graph: LitGraph;
  summary: BuildSummary;
  skipped: SkippedFile[];
}

export interface BuildJob {
  result: Promise<BuiltGraph>;
  cancel(): void;
}

/** Build in a worker; `onProgress` receives the pipeline's progress events. */
export function buildInWorker(
  request: BuildRequest,
  onProgress: (event: ProgressEvent) => void,
): BuildJob {
  const worker = new Worker(new URL("./build-worker.ts", import.meta.url), { type: "module" });
  let settle: ((error?: Error) => void) | undefined;
  const result = new Promise<BuiltGraph>((resolve, reject) => {
    settle = (error) => {
      worker.terminate();
      if (error) reject(error);
    };
    worker.addEventListener("message", (event: MessageEvent<BuildMessage>) => {
      const message = event.data;
      if (message.type === "progress") {
        onProgress(message.event);
      } else if (message.type === "done") {
        const graph: LitGraph = new Graph<NodeAttributes, EdgeAttributes, GraphAttributes>({
          type: "undirected",
          multi: true,
        });
        graph.import(message.graph);
        worker.terminate();
        resolve({ graph, summary: message.summary, skipped: message.skipped });
      } else {
        settle?.(new Error(message.message));
      }
    });
    worker.addEventListener("error", (event) => {
      settle?.(new Error(event.message || "the build worker failed"));
    });
  });
  // Hand the bytes over instead of copying them (each buffer once, however many files share it).
  const buffers = new Set(request.files.map((file) => file.bytes.buffer as ArrayBuffer));
  worker.postMessage(request, [...buffers]);
  return {
    result,
    cancel: () => settle?.(new Error("Build cancelled.")),
  };
}
