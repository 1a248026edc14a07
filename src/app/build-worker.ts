// The build worker: runs the same pipeline as `litgraph build` (buildGraph) on dropped documents, off
// the main thread, reporting progress. The bundled taxonomy and gazetteer are used unless dropped.
import benchmarksText from "../../data/benchmarks.json?raw";
import taxonomyText from "../../data/taxonomy.json?raw";
import { buildGraph, type ProgressEvent } from "../pipeline/index.ts";
import type { BuildMessage, BuildRequest } from "./build-protocol.ts";

/** Least time between two progress messages of the same stage, in milliseconds. */
const PROGRESS_INTERVAL_MS = 50;

function post(message: BuildMessage): void {
  self.postMessage(message);
}

self.addEventListener("message", (event: MessageEvent<BuildRequest>) => {
  const request = event.data;
  let lastStage = "";
  let lastTime = 0;
  const onProgress = (progress: ProgressEvent) => {
    const now = performance.now();
    if (
      progress.stage === lastStage &&
      now - lastTime < PROGRESS_INTERVAL_MS &&
      progress.done < progress.total
    )
      return;
    lastStage = progress.stage;
    lastTime = now;
    post({ type: "progress", event: progress });
  };
  try {
    const { graph, report } = buildGraph(
      {
        files: request.files,
        taxonomy: request.taxonomy ?? JSON.parse(taxonomyText),
        benchmarks: request.benchmarks ?? JSON.parse(benchmarksText),
        taxonomyFile: request.taxonomy === undefined ? "taxonomy.json (bundled)" : "taxonomy.json",
        benchmarksFile:
          request.benchmarks === undefined ? "benchmarks.json (bundled)" : "benchmarks.json",
      },
      { onProgress },
    );
    post({
      type: "done",
      graph: graph.export(),
      summary: report.summary,
      skipped: report.inputs
        .filter((input) => input.state === "skipped")
        .map((input) => ({
          file: input.file,
          // The reason is a code (`empty-file`); the diagnostic with that code says it in words.
          reason:
            input.diagnostics.find((d) => d.code === input.reason)?.message ??
            input.diagnostics[0]?.message ??
            input.reason ??
            "skipped",
        })),
    });
  } catch (error) {
    post({ type: "error", message: error instanceof Error ? error.message : String(error) });
  }
});
