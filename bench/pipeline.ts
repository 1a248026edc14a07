// npm run bench: time every pipeline stage and the output writers on the real digest corpus and on
// generated corpora, with peak memory, the built graph's bytes per node and per edge, and the peers'
// figures on the same graphs (igraph layout and Leiden, networkx's GEXF writer), next to the previous
// run's figures. Each case runs in its own process (its own peak RSS) under a time budget.
// Usage: tsx bench/pipeline.ts [--sizes 10000,30000,100000] [--real | --no-real] [--real-dir DIR]
//        [--budget 240] [--max-minutes 15] [--seed 1] [--out bench/out]
import { spawnSync } from "node:child_process";
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { collectInputs } from "../src/cli/inputs.ts";
import { formatTable } from "../src/cli/table.ts";
import { writeGexfChunks, writeGraphJsonChunks } from "../src/export/index.ts";
import { toAdjacency } from "../src/graph/communities.ts";
import type { LitGraph } from "../src/graph/types.ts";
import type { InputFile } from "../src/ingest/types.ts";
import {
  type BuildReport,
  buildGraph,
  type PipelineStage,
  writeReportJsonChunks,
} from "../src/pipeline/index.ts";
import { generateCorpus } from "./corpus.ts";
import { findPython, runIgraph, runNetworkxGexf, writeEdgeList } from "./peers.ts";

const DEFAULT_REAL_DIR = "/tmp/litgraph-real/hf-llm-digests-2025";
const REAL_ARCHIVE = "../shared/real/digest-zh/hf-llm-digests.tar.gz";

const { values } = parseArgs({
  options: {
    sizes: { type: "string" },
    real: { type: "boolean" },
    "no-real": { type: "boolean" },
    "real-dir": { type: "string" },
    budget: { type: "string" },
    "max-minutes": { type: "string" },
    seed: { type: "string" },
    out: { type: "string" },
    // Internal: run one case in this process and print its figures as JSON.
    case: { type: "string" },
    work: { type: "string" },
  },
});
const seed = Number(values.seed ?? "1");
const root = path.resolve(import.meta.dirname, "..");

interface StageFigure {
  stage: string;
  seconds: number;
  /** CPU seconds (user + system): steadier than wall seconds on a shared machine. */
  cpuSeconds?: number;
  docsPerSecond: number;
  heapMb: number;
  peakRssMb: number;
}
type Results = Record<string, StageFigure[]>;

interface CaseFigures {
  name: string;
  documents: number;
  nodes: number;
  edges: number;
  communities: number;
  modularity: number;
  merges: number;
  figures: StageFigure[];
  /** Heap held by the built graph (after a full GC with it, minus after a GC without it). */
  graphBytes: number;
  outputBytes: Record<string, number>;
}

const round = (value: number, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits;
const mb = (bytes: number) => round(bytes / 1024 / 1024, 1);
const peakRssMb = () => round(process.resourceUsage().maxRSS / 1024, 1);

// ---- one case, in a child process -----------------------------------------------------------------

function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
}

async function readFiles(name: string): Promise<InputFile[]> {
  if (name === "real") {
    const folder = values["real-dir"] ?? DEFAULT_REAL_DIR;
    return (await collectInputs([folder], { exclude: new Set() })).files;
  }
  const encoder = new TextEncoder();
  return generateCorpus({ documents: Number(name), seed }).map((doc) => ({
    id: doc.id,
    bytes: encoder.encode(doc.text),
  }));
}

/** Write chunks to a file as the CLI does; returns the bytes written. */
function writeChunks(file: string, chunks: Iterable<string>): number {
  const handle = openSync(file, "w");
  try {
    for (const chunk of chunks) writeSync(handle, chunk);
  } finally {
    closeSync(handle);
  }
  return statSync(file).size;
}

async function runCase(
  name: string,
  work: string,
): Promise<{ figures: Omit<CaseFigures, "graphBytes">; graph: LitGraph }> {
  const taxonomy: unknown = JSON.parse(readFileSync(path.join(root, "data/taxonomy.json"), "utf8"));
  const benchmarks: unknown = JSON.parse(
    readFileSync(path.join(root, "data/benchmarks.json"), "utf8"),
  );
  const figures: StageFigure[] = [];
  let documents = 0;
  let cpuMark = process.cpuUsage();
  const record = (stage: string, since: number, cpuSince = cpuMark) => {
    const seconds = (performance.now() - since) / 1000;
    const cpu = process.cpuUsage(cpuSince);
    cpuMark = process.cpuUsage();
    figures.push({
      stage,
      seconds: round(seconds),
      cpuSeconds: round((cpu.user + cpu.system) / 1e6),
      docsPerSecond: seconds > 0 ? Math.round(documents / seconds) : 0,
      heapMb: mb(process.memoryUsage().heapUsed),
      peakRssMb: peakRssMb(),
    });
  };
  const started = performance.now();
  let files: InputFile[] | undefined = await readFiles(name);
  documents = files.length;
  record(name === "real" ? "read files" : "generate", started);

  let current: PipelineStage | undefined;
  let stageStart = performance.now();
  const buildStart = stageStart;
  const buildCpu = process.cpuUsage();
  const built: { graph: LitGraph; report: BuildReport } | undefined = buildGraph(
    { files, taxonomy, benchmarks },
    {
      onProgress: (event) => {
        if (event.stage === current) return;
        if (current) record(current, stageStart);
        current = event.stage;
        stageStart = performance.now();
      },
    },
  );
  if (current) record(current, stageStart);
  record("pipeline total", buildStart, buildCpu);
  files = undefined;

  const outputBytes: Record<string, number> = {};
  const writers: [string, () => Iterable<string>][] = [
    ["graph.json", () => writeGraphJsonChunks(built?.graph as LitGraph)],
    ["graph.gexf", () => writeGexfChunks(built?.graph as LitGraph)],
    ["report.json", () => writeReportJsonChunks(built?.report as BuildReport)],
  ];
  for (const [file, chunks] of writers) {
    const since = performance.now();
    outputBytes[file] = writeChunks(path.join(work, file), chunks());
    record(`write ${file}`, since);
  }
  const { graph, report } = built;
  writeEdgeList(toAdjacency(graph).adjacency, path.join(work, "edges.tsv"));
  const figuresOut: Omit<CaseFigures, "graphBytes"> = {
    name,
    documents,
    nodes: graph.order,
    edges: graph.size,
    communities: report.summary.communities,
    merges: report.summary.merges,
    modularity: graph.getAttribute("modularity"),
    figures,
    outputBytes,
  };
  return { figures: figuresOut, graph };
}

/** Run a case, then weigh its graph: the heap after a full GC with it minus after one without it. */
async function runAndWeigh(name: string, work: string): Promise<CaseFigures> {
  // Only `ran` holds the graph, so deleting it there lets the GC take the graph.
  const ran: { figures: Omit<CaseFigures, "graphBytes">; graph?: LitGraph } = await runCase(
    name,
    work,
  );
  const withGraph = heapAfterGc();
  delete ran.graph;
  return { ...ran.figures, graphBytes: withGraph - heapAfterGc() };
}

function heapAfterGc(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

if (values.case !== undefined) {
  const result = await runAndWeigh(values.case, values.work ?? tmpdir());
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
}

// ---- the parent: plan, run each case under its budget, run the peers, print ------------------------

const sizes = (values.sizes ?? "10000,30000,100000").split(",").filter(Boolean).map(Number);
const budgetSeconds = Number(values.budget ?? "240");
const deadline = performance.now() + Number(values["max-minutes"] ?? "15") * 60_000;
const outDir = values.out ?? "bench/out";
const resultsFile = path.join(outDir, "pipeline-results.json");
const skipped: string[] = [];
const remainingSeconds = () => Math.max(0, (deadline - performance.now()) / 1000);
/** Time a step may take: its budget, or what is left of the whole run when that is less. */
const allowance = () => Math.floor(Math.min(budgetSeconds, remainingSeconds()));

let previous: Results = {};
try {
  previous = JSON.parse(readFileSync(resultsFile, "utf8")) as Results;
} catch {
  // First run: nothing to compare with.
}

const scratch = mkdtempSync(path.join(tmpdir(), "litgraph-bench-"));

/** The real digest pages: the unpacked folder, or the archive unpacked into the scratch folder. */
function realFolder(): string | undefined {
  const given = values["real-dir"];
  if (given !== undefined) return existsSync(given) ? given : undefined;
  if (existsSync(DEFAULT_REAL_DIR)) return DEFAULT_REAL_DIR;
  const archive = path.resolve(root, REAL_ARCHIVE);
  if (!existsSync(archive)) return undefined;
  const target = path.join(scratch, "real");
  mkdirSync(target);
  const untar = spawnSync("tar", ["-xzf", archive, "-C", target], { stdio: "inherit" });
  return untar.status === 0 ? target : undefined;
}

function runChild(name: string, work: string, extra: string[]): CaseFigures | string {
  const seconds = allowance();
  if (seconds <= 0) return "no time left in --max-minutes";
  const run = spawnSync(
    process.execPath,
    [
      "--expose-gc",
      "--max-old-space-size=16384",
      "--import",
      "tsx",
      path.join(import.meta.dirname, "pipeline.ts"),
      "--case",
      name,
      "--work",
      work,
      "--seed",
      String(seed),
      ...extra,
    ],
    {
      cwd: root,
      encoding: "utf8",
      timeout: seconds * 1000,
      killSignal: "SIGKILL",
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  if (run.error || run.signal)
    return `over budget (stopped after ${seconds} s; --budget ${budgetSeconds}, --max-minutes)`;
  if (run.status !== 0) return `failed: ${run.stderr.trim().split("\n").slice(-3).join(" / ")}`;
  return JSON.parse(run.stdout.trim().split("\n").at(-1) ?? "{}") as CaseFigures;
}

function ratio(ours: number, theirs: number, digits = 2): string {
  return theirs > 0 ? `${round(ours / theirs, digits)}×` : "–";
}

function report(result: CaseFigures, work: string): void {
  const label = result.name === "real" ? "real digest corpus" : `generated ${result.name}`;
  const out = result.outputBytes;
  console.log(
    `\n${label}: ${result.documents} documents → ${result.nodes} nodes, ${result.edges} edges, ${result.communities} communities (modularity ${result.modularity}), ${result.merges} merges; graph.json ${mb(out["graph.json"] ?? 0)} MB, graph.gexf ${mb(out["graph.gexf"] ?? 0)} MB, report.json ${mb(out["report.json"] ?? 0)} MB`,
  );
  const before = new Map((previous[result.name] ?? []).map((f) => [f.stage, f.seconds]));
  console.log(
    formatTable(
      ["stage", "seconds", "CPU s", "docs/s", "heap MB", "peak RSS MB", "previous s", "change"],
      result.figures.map((f) => {
        const was = before.get(f.stage);
        const change = was
          ? `${f.seconds >= was ? "+" : ""}${Math.round(((f.seconds - was) / was) * 100)}%`
          : "–";
        return [
          f.stage,
          f.seconds,
          f.cpuSeconds ?? "–",
          f.docsPerSecond,
          f.heapMb,
          f.peakRssMb,
          was ?? "–",
          change,
        ];
      }),
    ),
  );
  console.log(
    `graph in memory: ${mb(result.graphBytes)} MB of heap, ${Math.round(result.graphBytes / Math.max(1, result.nodes))} bytes per node, ${Math.round(result.graphBytes / Math.max(1, result.edges))} bytes per edge (the whole graph's heap divided by each count)`,
  );

  const stage = (name: string) => result.figures.find((f) => f.stage === name);
  const wallCpu = (wall: number, cpu: number | undefined) =>
    `${round(wall, 2)} / ${cpu === undefined ? "–" : round(cpu, 2)}`;
  const rows: string[][] = [];
  const peerTime = allowance();
  if (peerTime <= 0) {
    skipped.push(`${label}: peers (no time left in --max-minutes)`);
  } else {
    const igraph = runIgraph(
      path.join(work, "edges.tsv"),
      { leiden: true, layout: true },
      {},
      peerTime,
    );
    if (igraph.ok) {
      const { layout, leiden } = igraph.figures;
      const version = `igraph ${igraph.figures.igraph}`;
      const ours = stage("layout");
      if (layout && ours)
        rows.push([
          "layout s, wall / CPU (ForceAtlas2 + overlap removal vs Fruchterman-Reingold)",
          wallCpu(ours.seconds, ours.cpuSeconds),
          `${version}: ${wallCpu(layout.seconds, layout.cpu)}`,
          ratio(ours.cpuSeconds ?? ours.seconds, layout.cpu),
        ]);
      if (leiden)
        rows.push([
          "community modularity (higher is better)",
          String(result.modularity),
          `${version} Leiden: ${round(leiden.modularity, 4)}`,
          `${(((result.modularity - leiden.modularity) / leiden.modularity) * 100).toFixed(2)} %`,
        ]);
    } else skipped.push(`${label}: igraph — ${igraph.reason}`);
  }
  const gexfTime = allowance();
  const ours = stage("write graph.gexf");
  if (gexfTime > 0 && ours) {
    const networkx = runNetworkxGexf(path.join(work, "graph.json"), gexfTime);
    if (networkx.ok)
      rows.push([
        "GEXF write s, wall / CPU",
        wallCpu(ours.seconds, ours.cpuSeconds),
        `networkx write_gexf: ${wallCpu(networkx.figures.seconds, networkx.figures.cpu)}`,
        ratio(ours.cpuSeconds ?? ours.seconds, networkx.figures.cpu),
      ]);
    else skipped.push(`${label}: networkx — ${networkx.reason}`);
  } else skipped.push(`${label}: networkx (no time left in --max-minutes)`);
  if (rows.length > 0)
    console.log(formatTable(["peers", "litgraph", "peer", "litgraph vs peer"], rows));
}

console.log(
  `litgraph pipeline bench — node ${process.version}, ${process.platform}/${process.arch}, seed ${seed}, budget ${budgetSeconds} s per case, at most ${values["max-minutes"] ?? "15"} min`,
);
const results: Results = {};
// Generated sizes first, smallest first, then the real corpus: each later case is predicted from the
// last generated one (seconds per document, scaled linearly) and skipped when over budget.
const cases: string[] = sizes.map(String);
if (values["no-real"] !== true) {
  const folder = realFolder();
  if (folder) cases.push(`real=${folder}`);
  else skipped.push(`real corpus: neither ${DEFAULT_REAL_DIR} nor ${REAL_ARCHIVE} found`);
}
if (!findPython("igraph")) skipped.push("igraph peers: python-igraph not installed");
if (!findPython("networkx")) skipped.push("networkx peer: networkx not installed");

let lastGenerated: { documents: number; seconds: number } | undefined;
try {
  for (const spec of cases) {
    const [name, folder] = spec.split("=") as [string, string | undefined];
    const label = name === "real" ? "real corpus" : `generated ${name}`;
    const documents = folder ? readdirSync(folder, { recursive: true }).length : Number(name);
    if (lastGenerated) {
      const predicted = (lastGenerated.seconds * documents) / lastGenerated.documents;
      if (predicted > Math.min(budgetSeconds, remainingSeconds())) {
        skipped.push(
          `${label}: over budget (${documents} documents, predicted ${Math.round(predicted)} s from ${lastGenerated.documents} generated ones; ${allowance()} s allowed; raise --budget / --max-minutes)`,
        );
        continue;
      }
    }
    const work = mkdtempSync(path.join(scratch, `${name}-`));
    const started = performance.now();
    const result = runChild(name, work, folder ? ["--real-dir", folder] : []);
    const seconds = (performance.now() - started) / 1000;
    if (typeof result === "string") {
      skipped.push(`${label}: ${result}`);
      if (name !== "real")
        lastGenerated = { documents: Number(name), seconds: Math.max(seconds, budgetSeconds) };
    } else {
      if (name !== "real") lastGenerated = { documents: Number(name), seconds };
      results[name] = result.figures;
      report(result, work);
    }
    rmSync(work, { recursive: true, force: true });
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
if (skipped.length > 0) console.log(`\nSkipped:\n${skipped.map((line) => `- ${line}`).join("\n")}`);
mkdirSync(outDir, { recursive: true });
writeFileSync(resultsFile, `${JSON.stringify({ ...previous, ...results }, null, 2)}\n`);
console.log(`\nFigures saved to ${resultsFile} for the next run to compare against.`);
