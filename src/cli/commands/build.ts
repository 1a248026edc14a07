// `litgraph build`: read files and folders, run the pipeline, write graph.json, graph.gexf,
// report.json and the explorer's files (explorer.json, explorer-search.json, explorer-details/)
// atomically, and print a summary.
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { setFlagsFromString } from "node:v8";
import { escapeForTerminal } from "../../diagnostics.ts";
import { LitgraphError } from "../../errors.ts";
import type { GexfMarks } from "../../export/gexf.ts";
import { writeExplorerFiles, writeGexfChunks, writeGraphJsonChunks } from "../../export/index.ts";
import { createExtractContext } from "../../extract/index.ts";
import { ingestFile } from "../../ingest/index.ts";
import type { IngestOutcome, InputFile } from "../../ingest/types.ts";
import { prepareDocument } from "../../pipeline/build-graph.ts";
import { updateGraph } from "../../pipeline/incremental.ts";
import {
  type BuildReport,
  buildGraph,
  type PreparedDocument,
  writeReportJsonChunks,
} from "../../pipeline/index.ts";
import type { BuildConfig } from "../config.ts";
import { loadPrevious, loadState, planIncrementalOutputs, saveState } from "../incremental.ts";
import {
  type CollectedInputs,
  collectInputs,
  describeError,
  ensureInputsExist,
  type FileStamp,
} from "../inputs.ts";
import { computeCacheKey, hashBytes, openParseCache, type ParseCache } from "../parse-cache.ts";
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
  const scannedAt = Date.now();
  const cacheKey = config.cache
    ? await computeCacheKey(PACKAGE_ROOT, taxonomy, benchmarks)
    : undefined;
  const cache =
    config.cache && cacheKey ? await openParseCache(config.cache, cacheKey, scannedAt) : undefined;
  if (cache?.unusable && !cache.unusable.startsWith("there is none"))
    io.stderr.write(
      `note: the parse cache in ${escapeForTerminal(config.cache ?? "")} is not used: ${cache.unusable}; every file is read\n`,
    );
  const collected = await collectInputs(config.inputs, {
    exclude: new Set([taxonomyFile, benchmarksFile]),
    onFile: (count) => progress.update({ stage: "ingest", done: 0, total: count }),
    ...(cache ? { isFresh: cache.isFresh } : {}),
  });
  const definitions = {
    taxonomy,
    benchmarks,
    taxonomyFile: path.relative(process.cwd(), taxonomyFile),
    benchmarksFile: path.relative(process.cwd(), benchmarksFile),
  };
  const stateKey = `${cacheKey}\n${JSON.stringify({
    topics: config.topics,
    similar: config.similar,
    seed: config.seed,
    gexf: config.gexfVersion,
  })}`;

  // Files the cache holds are not ingested or extracted again: those not read at all (same size and
  // mtime) and those read whose bytes hash as before.
  const hashes = new Map<string, { hash: string; stamp: FileStamp }>();
  for (const file of collected.files) {
    const stamp = collected.stamps.get(file.id) as FileStamp;
    const hash = cache ? hashBytes(file.bytes) : "";
    hashes.set(file.id, { hash, stamp });
    if (cache?.knows(file.id, hash)) cache.restamp(file.id, stamp);
  }
  const changed: PreparedDocument[] = [];

  if (config.incremental && cache && config.cache) {
    const outcome = await buildIncrementally(config, io, {
      cache,
      cacheDir: config.cache,
      stateKey,
      collected,
      hashes,
      changed,
      definitions,
      progress,
    });
    if (typeof outcome !== "string") {
      const seconds = (performance.now() - started) / 1000;
      if (!config.quiet) io.stdout.write(`${outcome.summary(seconds)}\n`);
      return outcome.code;
    }
    io.stderr.write(`note: a full build instead of an incremental one: ${outcome}\n`);
  } else if (config.incremental) {
    io.stderr.write(
      "note: --incremental needs the cache (it is off with --no-cache): a full build\n",
    );
  }

  const prepared: PreparedDocument[] = [];
  const files: InputFile[] = [];
  const done = new Set(changed.map((document) => document.id));
  prepared.push(...changed);
  if (cache) {
    for (const { id, path: file } of collected.reused) {
      const document = await cache.take(id);
      if (document) {
        prepared.push(document);
        continue;
      }
      // The cache said it had the file but its copy cannot be read back: read the file after all.
      const reread = await collectInputs([file], { exclude: new Set() });
      for (const read of reread.files) {
        files.push({ id, bytes: read.bytes });
        hashes.set(id, {
          hash: hashBytes(read.bytes),
          stamp: reread.stamps.get(read.id) as FileStamp,
        });
      }
      collected.unreadable.push(...reread.unreadable.map((entry) => ({ ...entry, file: id })));
    }
    for (const file of collected.files) {
      if (done.has(file.id)) continue;
      const document = await cache.lookup(file.id, hashes.get(file.id)?.hash ?? "");
      if (document) prepared.push(document);
      else files.push(file);
    }
  } else files.push(...collected.files);
  // The files to read are in `files` now, which the build empties as it takes them: the collected
  // list lets go of their bytes too.
  collected.files.length = 0;
  const filters = {
    categories: config.categories,
    ...(config.match !== undefined ? { match: new RegExp(config.match, "i") } : {}),
  };
  limitHeapGrowth(collected.streamed.reduce((sum, input) => sum + input.bytes, 0));
  const streamed = await streamSnapshots(collected.streamed, filters, progress);
  if ((config.categories.length > 0 || config.match !== undefined) && streamed.length === 0) {
    io.stderr.write(
      "note: --category and --match apply to arXiv metadata snapshots; none was found among the inputs\n",
    );
  }
  const unchanged = prepared.length;
  // An incremental build never starts from a build of a snapshot (streamed, not cached): such a
  // build keeps no state, which at a million papers would be a text index and key terms held to the end.
  const keepState = cache !== undefined && collected.streamed.length === 0;
  // Handed over, not shared: the lists are emptied into the build's input, so that the files'
  // bytes and the streamed records are let go once the graph's nodes and edges are collected,
  // before analysis and writing (whatever else still points at the lists finds them empty).
  const { graph, report, state } = buildGraph(
    () => ({
      files: files.splice(0),
      parsed: streamed.splice(0),
      prepared: prepared.splice(0),
      ...definitions,
      unreadable: collected.unreadable,
    }),
    {
      analyse: { seed: config.seed },
      topics: config.topics,
      ...(config.similar ? {} : { similar: false as const }),
      onProgress: (event) => progress.update(event),
      ...(cache
        ? {
            keepState,
            onPrepared: (document: PreparedDocument) => {
              const known = hashes.get(document.id);
              if (known) cache.add(document, known.hash, known.stamp);
            },
          }
        : {}),
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

  // Chunks, not strings: the GEXF of a large graph runs to hundreds of megabytes of text. With the
  // cache, where each element lands is noted for the next incremental build.
  const measure = (text: string) => Buffer.byteLength(text);
  const jsonMarks = { measure, nodes: [] as number[], edges: [] as number[] };
  const gexfMarks: GexfMarks = { measure, nodes: [], edges: [] };
  const explorer = writeExplorerFiles(graph);
  const written = await writeOutputsAtomically(config.out, {
    "graph.json": writeGraphJsonChunks(graph, keepState ? jsonMarks : undefined),
    "graph.gexf": writeGexfChunks(
      graph,
      { version: config.gexfVersion },
      keepState ? gexfMarks : undefined,
    ),
    "report.json": writeReportJsonChunks(report),
    ...explorer,
  });
  if (cache && config.cache) {
    const keep = new Set([...hashes.keys(), ...collected.reused.map((entry) => entry.id)]);
    const problem =
      (await cache.save(keep)) ??
      (state && gexfMarks.columns
        ? await saveState(
            config.cache,
            config.out,
            {
              key: stateKey,
              state,
              graphOptions: {
                type: graph.type,
                multi: graph.multi,
                allowSelfLoops: graph.allowSelfLoops,
              },
              graphJson: {
                nodes: Float64Array.from(jsonMarks.nodes),
                edges: Float64Array.from(jsonMarks.edges),
              },
              gexf: {
                nodes: Float64Array.from(gexfMarks.nodes),
                edges: Float64Array.from(gexfMarks.edges),
                columns: gexfMarks.columns,
              },
              shards: Object.keys(explorer).length - 2,
              indexId: `${scannedAt}-${process.pid}`,
              changedSinceFull: 0,
              filesAtFull: report.summary.files,
            },
            true,
          )
        : undefined);
    if (problem) io.stderr.write(`note: ${escapeForTerminal(problem)}\n`);
  }
  const seconds = (performance.now() - started) / 1000;

  if (!config.quiet) {
    io.stdout.write(`${formatBuildSummary(report, written, seconds)}\n`);
    if (cache)
      io.stdout.write(
        `Parse cache: ${unchanged} of ${report.summary.files} files unchanged since the last build (${collected.reused.length} not even read).\n`,
      );
  }
  for (const input of report.inputs) {
    if (input.state === "skipped")
      io.stderr.write(
        `skipped ${escapeForTerminal(input.file)}: ${escapeForTerminal(input.reason ?? "")}\n`,
      );
  }
  return config.strict && report.summary.skipped > 0 ? 1 : 0;
}

/** At most this share of the files may change for a build to be incremental (and at least one may). */
const MAX_CHANGED_SHARE = 0.02;
/** … and at most this share since the last full build, so that drift from a full build stays small. */
const MAX_DRIFT_SHARE = 0.05;

/**
 * Try the incremental build: the exit code when it was done, or why a full build is needed. Files
 * found changed are ingested and extracted into `changed` either way, for the full build to reuse.
 */
async function buildIncrementally(
  config: BuildConfig,
  io: CommandIo,
  parts: {
    cache: ParseCache;
    cacheDir: string;
    stateKey: string;
    collected: CollectedInputs;
    hashes: Map<string, { hash: string; stamp: FileStamp }>;
    changed: PreparedDocument[];
    definitions: {
      taxonomy: unknown;
      benchmarks: unknown;
      taxonomyFile: string;
      benchmarksFile: string;
    };
    progress: ReturnType<typeof createProgressReporter>;
  },
): Promise<{ code: number; summary: (seconds: number) => string } | string> {
  const { cache, collected, hashes, changed, definitions } = parts;
  if (collected.streamed.length > 0)
    return "arXiv metadata snapshots are streamed whole, not cached";
  const saved = await loadState(parts.cacheDir, config.out, parts.stateKey);
  if (typeof saved === "string") return saved;
  const context = createExtractContext(
    definitions.taxonomy,
    definitions.benchmarks,
    definitions.taxonomyFile,
    definitions.benchmarksFile,
  );
  for (const file of collected.files) {
    const known = hashes.get(file.id) as { hash: string; stamp: FileStamp };
    if (cache.knows(file.id, known.hash)) continue;
    const document = prepareDocument(ingestFile(file), context);
    cache.add(document, known.hash, known.stamp);
    changed.push(document);
  }
  const current = new Set([...hashes.keys(), ...collected.reused.map((entry) => entry.id)]);
  const loaded = await loadPrevious(config.out, saved);
  try {
    // Entries that still cannot be read (hidden files, fifos, …) are not removals.
    const unreadable = new Set(collected.unreadable.map((entry) => entry.file));
    const removed = loaded.previous.report.inputs
      .map((entry) => entry.file)
      .filter((file) => !current.has(file) && !unreadable.has(file));
    const count = changed.length + removed.length;
    const limit = Math.max(1, Math.floor(MAX_CHANGED_SHARE * current.size));
    if (count > limit)
      return `${count} files changed, more than ${limit} (${MAX_CHANGED_SHARE * 100} % of the files)`;
    if (saved.changedSinceFull + count > Math.max(1, MAX_DRIFT_SHARE * saved.filesAtFull))
      return `${saved.changedSinceFull + count} files changed since the last full build, more than ${MAX_DRIFT_SHARE * 100} % of its files`;
    const delta = updateGraph(
      {
        previous: loaded.previous,
        changed,
        removed,
        documentOf: (id) => cache.takeSync(id),
        current,
        unreadable: collected.unreadable,
        context,
      },
      { topics: config.topics, maxDocuments: Math.max(20, 2 * limit) },
    );
    if ("refused" in delta) return delta.refused;
    const plan = await planIncrementalOutputs(config.out, saved, loaded, delta);
    if (typeof plan === "string") return plan;
    const written = await writeOutputsAtomically(config.out, plan.files);
    const problem =
      (await cache.save(current)) ??
      (await saveState(
        parts.cacheDir,
        config.out,
        {
          ...saved,
          state: delta.state,
          graphJson: plan.graphJson,
          gexf: { ...plan.gexf, columns: saved.gexf.columns },
          changedSinceFull: saved.changedSinceFull + count,
        },
        false,
      ));
    if (problem) io.stderr.write(`note: ${escapeForTerminal(problem)}\n`);
    const added = changed.filter(
      (document) => !loaded.previous.report.inputs.some((entry) => entry.file === document.id),
    ).length;
    const summary = (seconds: number) =>
      [
        formatBuildSummary(delta.report, written, seconds),
        `Incremental build: ${added} files added, ${changed.length - added} changed, ${removed.length} removed; ${delta.documents} documents resolved again, ${delta.nodes.size} nodes and ${delta.edges.size} edges written anew, ${plan.shardsWritten} of ${saved.shards} detail shards. Communities, positions, key terms and the text index are the last full build's (a build without --incremental makes them again).`,
      ].join("\n");
    for (const input of delta.report.inputs) {
      if (input.state === "skipped")
        io.stderr.write(
          `skipped ${escapeForTerminal(input.file)}: ${escapeForTerminal(input.reason ?? "")}\n`,
        );
    }
    return { code: config.strict && delta.report.summary.skipped > 0 ? 1 : 0, summary };
  } finally {
    loaded.close();
  }
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
