// `litgraph build`: read files and folders, run the pipeline, write graph.json, graph.gexf,
// report.json and the explorer's files (explorer.json, explorer-search.json, explorer-details/)
// atomically, and print a summary.
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { escapeForTerminal } from "../../diagnostics.ts";
import { LitgraphError } from "../../errors.ts";
import { writeExplorerFiles, writeGexfChunks, writeGraphJsonChunks } from "../../export/index.ts";
import type { IngestOutcome, InputFile } from "../../ingest/types.ts";
import {
  type BuildReport,
  buildGraph,
  type PreparedDocument,
  writeReportJsonChunks,
} from "../../pipeline/index.ts";
import type { BuildConfig } from "../config.ts";
import { collectInputs, describeError, ensureInputsExist, type FileStamp } from "../inputs.ts";
import { computeCacheKey, hashBytes, openParseCache } from "../parse-cache.ts";
import { createProgressReporter } from "../progress.ts";
import { streamSnapshotFile } from "../stream-snapshot.ts";
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
  const cache = config.cache
    ? await openParseCache(
        config.cache,
        await computeCacheKey(PACKAGE_ROOT, taxonomy, benchmarks),
        scannedAt,
      )
    : undefined;
  if (cache?.unusable && !cache.unusable.startsWith("there is none"))
    io.stderr.write(
      `note: the parse cache in ${escapeForTerminal(config.cache ?? "")} is not used: ${cache.unusable}; every file is read\n`,
    );
  const collected = await collectInputs(config.inputs, {
    exclude: new Set([taxonomyFile, benchmarksFile]),
    onFile: (count) => progress.update({ stage: "ingest", done: 0, total: count }),
    ...(cache ? { isFresh: cache.isFresh } : {}),
  });
  // Files the cache holds are not ingested or extracted again: those not read at all (same size and
  // mtime) and those read whose bytes hash as before.
  const prepared: PreparedDocument[] = [];
  const files: InputFile[] = [];
  const fresh = new Map<string, { hash: string; stamp: FileStamp }>();
  if (cache) {
    for (const { id, path: file } of collected.reused) {
      const document = await cache.take(id);
      if (document) {
        prepared.push(document);
        continue;
      }
      // The cache said it had the file but its copy cannot be read back: read the file after all.
      const reread = await collectInputs([file], { exclude: new Set() });
      for (const read of reread.files) files.push({ id, bytes: read.bytes });
      for (const [, stamp] of reread.stamps) fresh.set(id, { hash: "", stamp });
      collected.unreadable.push(...reread.unreadable.map((entry) => ({ ...entry, file: id })));
    }
    for (const file of collected.files) {
      const hash = hashBytes(file.bytes);
      const document = await cache.lookup(file.id, hash);
      if (document) prepared.push(document);
      else files.push(file);
      fresh.set(file.id, { hash, stamp: collected.stamps.get(file.id) as FileStamp });
    }
    for (const file of files) {
      const known = fresh.get(file.id);
      if (known && known.hash === "") known.hash = hashBytes(file.bytes);
    }
  } else files.push(...collected.files);
  const filters = {
    categories: config.categories,
    ...(config.match !== undefined ? { match: new RegExp(config.match, "i") } : {}),
  };
  const streamed: IngestOutcome[] = [];
  for (const input of collected.streamed) {
    const megabytes = Math.ceil(input.bytes / 1e6);
    streamed.push(
      await streamSnapshotFile(input, filters, (bytesRead) =>
        progress.update({ stage: "ingest", done: Math.floor(bytesRead / 1e6), total: megabytes }),
      ),
    );
  }
  if ((config.categories.length > 0 || config.match !== undefined) && streamed.length === 0) {
    io.stderr.write(
      "note: --category and --match apply to arXiv metadata snapshots; none was found among the inputs\n",
    );
  }
  const { graph, report } = buildGraph(
    {
      files,
      parsed: streamed,
      prepared,
      taxonomy,
      benchmarks,
      taxonomyFile: path.relative(process.cwd(), taxonomyFile),
      benchmarksFile: path.relative(process.cwd(), benchmarksFile),
      unreadable: collected.unreadable,
    },
    {
      analyse: { seed: config.seed },
      topics: config.topics,
      ...(config.similar ? {} : { similar: false as const }),
      onProgress: (event) => progress.update(event),
      ...(cache
        ? {
            onPrepared: (document: PreparedDocument) => {
              const known = fresh.get(document.id);
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

  // Chunks, not strings: the GEXF of a large graph runs to hundreds of megabytes of text.
  const written = await writeOutputsAtomically(config.out, {
    "graph.json": writeGraphJsonChunks(graph),
    "graph.gexf": writeGexfChunks(graph, { version: config.gexfVersion }),
    "report.json": writeReportJsonChunks(report),
    ...writeExplorerFiles(graph),
  });
  const cacheProblem = await cache?.save(
    new Set([...fresh.keys(), ...collected.reused.map((entry) => entry.id)]),
  );
  if (cacheProblem) io.stderr.write(`note: ${escapeForTerminal(cacheProblem)}\n`);
  const seconds = (performance.now() - started) / 1000;

  if (!config.quiet) {
    io.stdout.write(`${formatBuildSummary(report, written, seconds)}\n`);
    if (cache)
      io.stdout.write(
        `Parse cache: ${prepared.length} of ${report.summary.files} files unchanged since the last build (${collected.reused.length} not even read).\n`,
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
