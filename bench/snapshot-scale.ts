// Memory of a snapshot build at scale: generated arXiv snapshot lines (bench/make-snapshot.ts) go
// through the incremental reader and the whole pipeline, and the writers' output is counted, not kept.
// Prints records, seconds, peak RSS, heap after each stage, and the bytes the built graph holds per
// node and per edge. Heap figures are taken after a full collection when run with --expose-gc (as
// each size's process is), so they are what is still held, not garbage. Each size runs in a process of its own, so that peak RSS is that size's.
// `--shape trivial` builds the smallest records (bench/make-snapshot.ts), a graph of singletons.
//   tsx bench/snapshot-scale.ts [--sizes 20000,80000] [--seed 7] [--no-similar] [--shape trivial]
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { getHeapStatistics } from "node:v8";
import { formatTable } from "../src/cli/table.ts";
import { writeExplorerFiles, writeGexfChunks, writeGraphJsonChunks } from "../src/export/index.ts";
import { createRng } from "../src/graph/rng.ts";
import { createSnapshotReader } from "../src/ingest/arxiv-snapshot.ts";
import { limitRecordText } from "../src/ingest/limits.ts";
import type { IngestOutcome } from "../src/ingest/types.ts";
import { buildGraph, writeReportJsonChunks } from "../src/pipeline/index.ts";
import { makeSnapshotLine, type SnapshotShape } from "./make-snapshot.ts";

const { values } = parseArgs({
  options: {
    sizes: { type: "string" },
    records: { type: "string" },
    seed: { type: "string" },
    "no-similar": { type: "boolean" },
    shape: { type: "string" },
  },
});
const shape = (values.shape ?? "realistic") as SnapshotShape;
if (shape !== "realistic" && shape !== "trivial") throw new Error("--shape: realistic or trivial");
const seed = Number(values.seed ?? "7");
const root = path.resolve(import.meta.dirname, "..");
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
const gc = (globalThis as { gc?: () => void }).gc;
const heapUsed = () => {
  gc?.();
  return process.memoryUsage().heapUsed;
};

interface Figures {
  records: number;
  nodes: number;
  edges: number;
  seconds: number;
  peakRssMb: number;
  /** Stage, heap above start (MB), seconds, peak RSS so far (MB). */
  stages: Array<[string, number, number, number]>;
  bytesPerNode: number;
  bytesPerEdge: number;
  outputMb: number;
}

/** Build `records` generated records in this process and measure. */
function measure(records: number): Figures {
  const started = performance.now();
  const taxonomy: unknown = JSON.parse(readFileSync(path.join(root, "data/taxonomy.json"), "utf8"));
  const benchmarks: unknown = JSON.parse(
    readFileSync(path.join(root, "data/benchmarks.json"), "utf8"),
  );
  const baseline = heapUsed();
  const stages: Array<[string, number, number, number]> = [];
  const peakRss = () => Math.round(process.resourceUsage().maxRSS / 1024);
  const mark = (name: string) =>
    stages.push([name, heapUsed(), (performance.now() - started) / 1000, peakRss()]);
  const rng = createRng(seed);
  const held: IngestOutcome[] = [readSnapshot(records, rng)];
  mark("read");
  let current = "";
  // Handed over as the command line does (the list emptied into the input), so the records are let
  // go once the graph's nodes and edges are collected.
  const { graph, report } = buildGraph(
    () => ({ files: [], parsed: held.splice(0), taxonomy, benchmarks }),
    {
      ...(values["no-similar"] ? { similar: false as const } : {}),
      onProgress: (event) => {
        if (event.stage === current) return;
        current = event.stage;
        mark(`before ${event.stage}`);
      },
    },
  );
  mark("built");
  let output = 0;
  for (const chunk of writeGraphJsonChunks(graph)) output += chunk.length;
  for (const chunk of writeGexfChunks(graph)) output += chunk.length;
  for (const chunk of writeReportJsonChunks(report)) output += chunk.length;
  for (const chunks of Object.values(writeExplorerFiles(graph)))
    for (const chunk of chunks) output += chunk.length;
  const seconds = (performance.now() - started) / 1000;
  mark("written");
  const nodes = graph.order;
  const edges = graph.size;
  // What the graph alone holds: drop the report, then the edges, then the nodes.
  const withGraph = heapUsed();
  graph.clearEdges();
  const withNodes = heapUsed();
  graph.clear();
  const empty = heapUsed();
  void report;
  return {
    records,
    nodes,
    edges,
    seconds,
    peakRssMb: peakRss(),
    stages: stages.map(([name, bytes, at, rss]) => [
      name,
      mb(bytes - baseline),
      Math.round(at * 10) / 10,
      rss,
    ]),
    bytesPerNode: nodes > 0 ? Math.round((withNodes - Math.min(empty, withNodes)) / nodes) : 0,
    bytesPerEdge: edges > 0 ? Math.round((withGraph - withNodes) / edges) : 0,
    outputMb: mb(output),
  };
}

/** Generated records read as the command line reads a snapshot file. */
function readSnapshot(records: number, rng: () => number): IngestOutcome {
  const reader = createSnapshotReader({ documentId: "snapshot.jsonl" });
  for (let i = 1; i <= records; i++) reader.push(makeSnapshotLine(shape, i, rng), i);
  return {
    state: "parsed",
    id: "snapshot.jsonl",
    format: "arxiv-snapshot",
    encoding: "utf-8",
    bytes: 0,
    parsed: limitRecordText(reader.finish(), "snapshot.jsonl"),
  };
}

if (values.records !== undefined) {
  console.log(JSON.stringify(measure(Number(values.records))));
} else {
  const sizes = (values.sizes ?? "20000,80000").split(",").map(Number);
  const script = fileURLToPath(import.meta.url);
  console.log(
    `litgraph snapshot scale — ${shape} records, node ${process.version}, heap limit ${mb(getHeapStatistics().heap_size_limit)} MB, seed ${seed}`,
  );
  const rows: Figures[] = [];
  for (const size of sizes) {
    const child = spawnSync(
      process.execPath,
      [
        ...process.execArgv,
        "--expose-gc",
        script,
        "--records",
        String(size),
        "--seed",
        String(seed),
        ...(values["no-similar"] ? ["--no-similar"] : []),
        "--shape",
        shape,
      ],
      { encoding: "utf8", maxBuffer: 1 << 24 },
    );
    if (child.status !== 0) {
      console.error(child.stderr);
      process.exitCode = 1;
      break;
    }
    const figures = JSON.parse(child.stdout.trim().split("\n").at(-1) ?? "{}") as Figures;
    rows.push(figures);
    console.log(
      `\n${size} records → ${figures.nodes} nodes, ${figures.edges} edges in ${figures.seconds.toFixed(1)} s; peak RSS ${figures.peakRssMb} MB; outputs ${figures.outputMb} MB`,
    );
    console.log(
      formatTable(["heap above start at", "MB", "seconds", "peak RSS so far MB"], figures.stages),
    );
  }
  console.log(
    `\n${formatTable(
      ["records", "seconds", "peak RSS MB", "RSS KB/record", "graph B/node", "graph B/edge"],
      rows.map((r) => [
        r.records,
        r.seconds.toFixed(1),
        r.peakRssMb,
        Math.round((r.peakRssMb * 1024) / r.records),
        r.bytesPerNode,
        r.bytesPerEdge,
      ]),
    )}`,
  );
}
