// `litgraph build`: read files and folders, run the pipeline, write graph.json, graph.gexf,
// report.json and the explorer's files (explorer.json, explorer-search.json, explorer-details/)
// atomically, and print a summary.
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { setFlagsFromString } from "node:v8";
import { escapeForTerminal } from "../../diagnostics.ts";
import { LitgraphError } from "../../errors.ts";
import { writeExplorerFiles, writeGexfChunks, writeGraphJsonChunks } from "../../export/index.ts";
import type { IngestOutcome } from "../../ingest/types.ts";
import { type BuildReport, buildGraph, writeReportJsonChunks } from "../../pipeline/index.ts";
import type { BuildConfig } from "../config.ts";
import { collectInputs, describeError, ensureInputsExist } from "../inputs.ts";
import { createProgressReporter, type ProgressReporter } from "../progress.ts";
import {
  type SnapshotFilters,
  type StreamedInput,
  streamSnapshotFile,
} from "../stream-snapshot.ts";
import { formatTable } from "../table.ts";
import { writeOutputsAtomically } from "../write-outputs.ts";

/** litgraph's own folder, where the bundled taxonomy and gazetteer live. */
const PACKAGE_ROOT = fileURLToPath(new URL("../../../", import.meta.url));

export interface CommandIo {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
}

export async function runBuild(config: BuildConfig, io: CommandIo): Promise<number> {
  const taxonomyFile = path.resolve(
    config.taxonomy ?? path.join(PACKAGE_ROOT, "data", "taxonomy.json"),
  );
  const benchmarksFile = path.resolve(
    config.benchmarks ?? path.join(PACKAGE_ROOT, "data", "benchmarks.json"),
  );
  const [taxonomy, benchmarks] = await Promise.all([
    readJson(taxonomyFile),
    readJson(benchmarksFile),
  ]);

  await ensureInputsExist(config.inputs);
  const progress = createProgressReporter(io.stderr, config.progress && !config.quiet);
  const started = performance.now();
  const collected = await collectInputs(config.inputs, {
    exclude: new Set([taxonomyFile, benchmarksFile]),
    onFile: (count) => progress.update({ stage: "ingest", done: 0, total: count }),
  });
  const filters = {
    categories: config.categories,
    ...(config.match !== undefined ? { match: new RegExp(config.match, "i") } : {}),
  };
  limitHeapGrowth(collected.streamed.reduce((sum, input) => sum + input.bytes, 0));
  const streamed = await streamSnapshots(collected.streamed, filters, progress);
  if (
    (config.categories.length > 0 || config.match !== undefined) &&
    collected.streamed.length === 0
  ) {
    io.stderr.write(
      "note: --category and --match apply to arXiv metadata snapshots; none was found among the inputs\n",
    );
  }
  // Handed over, not shared: the lists are emptied into the build's input, so that the files'
  // bytes and the streamed records are let go once the graph's nodes and edges are collected,
  // before analysis and writing (whatever else still points at the lists finds them empty).
  const { graph, report } = buildGraph(
    () => ({
      files: collected.files.splice(0),
      parsed: streamed.splice(0),
      taxonomy,
      benchmarks,
      taxonomyFile: path.relative(process.cwd(), taxonomyFile),
      benchmarksFile: path.relative(process.cwd(), benchmarksFile),
      unreadable: collected.unreadable,
    }),
    {
      analyse: { seed: config.seed },
      topics: config.topics,
      ...(config.similar ? {} : { similar: false as const }),
      onProgress: (event) => progress.update(event),
    },
  );
  progress.done();

  if (report.summary.parsed === 0 && !config.force && (await holdsGraph(config.out))) {
    for (const input of report.inputs) {
      if (input.state === "skipped") io.stderr.write(`skipped ${input.file}: ${input.reason}\n`);
    }
    throw new LitgraphError(
      "io",
      `no document could be read from ${config.inputs.join(", ")}; the graph in ${config.out} was left as it was (use --force to replace it with an empty graph)`,
    );
  }

  // Chunks, not strings: the GEXF of a large graph runs to hundreds of megabytes of text.
  const written = await writeOutputsAtomically(config.out, {
    "graph.json": writeGraphJsonChunks(graph),
    "graph.gexf": writeGexfChunks(graph, { version: config.gexfVersion }),
    "report.json": writeReportJsonChunks(report),
    ...writeExplorerFiles(graph),
  });
  const seconds = (performance.now() - started) / 1000;

  if (!config.quiet) io.stdout.write(`${formatBuildSummary(report, written, seconds)}\n`);
  for (const input of report.inputs) {
    if (input.state === "skipped")
      io.stderr.write(
        `skipped ${escapeForTerminal(input.file)}: ${escapeForTerminal(input.reason ?? "")}\n`,
      );
  }
  return config.strict && report.summary.skipped > 0 ? 1 : 0;
}

/** Bytes of arXiv snapshots (some 100,000 records of the real one) from which {@link limitHeapGrowth} applies. */
export const LARGE_SNAPSHOT_BYTES = 100_000_000;
/** How far the heap may grow past what the last full collection kept, in a large build. */
const LARGE_BUILD_HEAP_GROWING_PERCENT = 25;

/**
 * When the snapshots to stream hold {@link LARGE_SNAPSHOT_BYTES} or more, let the heap grow by 25 %
 * past what the last full collection kept, not the three or four times V8 allows while collections
 * are cheap: a million-record snapshot holds 600 to 800 MB for a minute or more, and V8 would let
 * the heap reach twice that between collections. Set before the first record is read, since the
 * collections while streaming set the first limits. Smaller builds are left as they are, and so is
 * a growth the user set.
 */
function limitHeapGrowth(snapshotBytes: number): void {
  if (snapshotBytes < LARGE_SNAPSHOT_BYTES) return;
  const userFlags = `${process.execArgv.join(" ")} ${process.env.NODE_OPTIONS ?? ""}`;
  if (userFlags.includes("heap-growing-percent")) return;
  setFlagsFromString(`--heap-growing-percent=${LARGE_BUILD_HEAP_GROWING_PERCENT}`);
}

/**
 * Stream every snapshot file through the reader, in order. A function of its own, so that no
 * outcome stays behind in a register of the caller's frame while the build runs.
 */
async function streamSnapshots(
  inputs: readonly StreamedInput[],
  filters: SnapshotFilters,
  progress: ProgressReporter,
): Promise<IngestOutcome[]> {
  const streamed: IngestOutcome[] = [];
  for (const input of inputs) {
    const megabytes = Math.ceil(input.bytes / 1e6);
    streamed.push(
      await streamSnapshotFile(input, filters, (bytesRead) =>
        progress.update({ stage: "ingest", done: Math.floor(bytesRead / 1e6), total: megabytes }),
      ),
    );
  }
  return streamed;
}

/** Whether `dir` already holds a built graph that an empty build would replace. */
async function holdsGraph(dir: string): Promise<boolean> {
  try {
    return (await stat(path.join(dir, "graph.json"))).isFile();
  } catch {
    return false;
  }
}

async function readJson(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new LitgraphError("io", `cannot read ${file}: ${describeError(error)}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new LitgraphError(
      "invalid-options",
      `${file} is not valid JSON: ${describeError(error)}`,
    );
  }
}

/** The table printed at the end of a build. */
export function formatBuildSummary(
  report: BuildReport,
  written: string[],
  seconds: number,
): string {
  const { summary } = report;
  const kinds = Object.entries(summary.nodesByKind).map(
    ([kind, count]) => [kind, count] as [string, number],
  );
  const edges = Object.entries(summary.edgesByKind).map(
    ([kind, count]) => [kind, count] as [string, number],
  );
  const formats = new Map<string, number>();
  for (const input of report.inputs) {
    const name = input.state === "parsed" ? (input.format ?? "?") : "skipped";
    formats.set(name, (formats.get(name) ?? 0) + 1);
  }
  const lines = [
    `Built a graph of ${summary.nodes} nodes and ${summary.edges} edges from ${summary.parsed} of ${summary.files} files in ${seconds.toFixed(1)} s.`,
    "",
    formatTable(
      ["files", "count"],
      [...formats].sort(([a], [b]) => (a < b ? -1 : 1)),
    ),
    "",
    formatTable(["nodes", "count"], kinds),
    "",
    formatTable(["edges", "count"], edges),
    "",
    `${summary.communities} communities (modularity ${summary.modularity.toFixed(3)}), ${summary.merges} merges of records into one paper.`,
    `Wrote ${written.map(displayPath).join(", ")}.`,
  ];
  if (summary.skipped > 0)
    lines.push(`${summary.skipped} files skipped: see report.json and the list below.`);
  return lines.join("\n");
}

/** A path as the user would type it: relative when it is below the working folder, absolute otherwise. */
function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return escapeForTerminal(
    relative && !relative.startsWith("..") && !path.isAbsolute(relative)
      ? relative
      : path.resolve(file),
  );
}
