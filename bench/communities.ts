// Community detection quality and time: litgraph's Leiden (src/graph/communities.ts) next to plain
// Louvain (graphology-communities-louvain, what litgraph used before) and igraph's multilevel and
// Leiden (objective "modularity", its default 2 iterations), on built graphs and on graphs built from
// generated corpora. Every modularity is igraph's of the partition when igraph is installed (one
// yardstick), else litgraph's own.
// Usage: tsx bench/communities.ts [--graph a/graph.json,…] [--edges a.tsv,…] [--documents 10000,30000]
//        [--seed 42]; --graph defaults to /tmp/comm-full/graph.json when it exists.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import Graph from "graphology";
import louvain from "graphology-communities-louvain";
import { formatTable } from "../src/cli/table.ts";
import { readGraphJson } from "../src/export/index.ts";
import { computeCommunities, toAdjacency } from "../src/graph/communities.ts";
import { modularityOf } from "../src/graph/leiden.ts";
import { createRng } from "../src/graph/rng.ts";
import type { LitGraph } from "../src/graph/types.ts";
import type { InputFile } from "../src/ingest/types.ts";
import { buildGraph } from "../src/pipeline/index.ts";
import { generateCorpus } from "./corpus.ts";
import { runIgraph, writeEdgeList } from "./peers.ts";

const DEFAULT_REAL_GRAPH = "/tmp/comm-full/graph.json";
const { values } = parseArgs({
  options: {
    graph: { type: "string" },
    edges: { type: "string" },
    documents: { type: "string" },
    seed: { type: "string" },
  },
});
const seed = Number(values.seed ?? "42");
const graphFiles = (values.graph ?? (existsSync(DEFAULT_REAL_GRAPH) ? DEFAULT_REAL_GRAPH : ""))
  .split(",")
  .filter(Boolean);
/** Edge lists as bench/peers.ts writes them (`order`, then `source target weight` lines). */
const edgeFiles = (values.edges ?? "").split(",").filter(Boolean);
const documentCounts = (values.documents ?? "10000,30000").split(",").filter(Boolean).map(Number);

const root = path.resolve(import.meta.dirname, "..");
const readData = (name: string): unknown =>
  JSON.parse(readFileSync(path.join(root, "data", name), "utf8"));

function readEdgeList(file: string): LitGraph {
  const graph = new Graph({ type: "undirected", multi: true }) as unknown as LitGraph;
  const [header = "0", ...lines] = readFileSync(file, "utf8").trim().split("\n");
  const order = Number(header);
  for (let i = 0; i < order; i++)
    graph.addNode(`n${i}`, { kind: "paper", label: `n${i}` } as never);
  for (const line of lines) {
    const [source, target, weight] = line.split(" ");
    graph.addEdge(`n${source}`, `n${target}`, { kind: "related", weight: Number(weight) } as never);
  }
  return graph;
}

/** A graph built from a generated corpus, without the layout (not needed here). */
function generatedGraph(documents: number): LitGraph {
  const encoder = new TextEncoder();
  const files: InputFile[] = generateCorpus({ documents }).map((doc) => ({
    id: doc.id,
    bytes: encoder.encode(doc.text),
  }));
  return buildGraph(
    { files, taxonomy: readData("taxonomy.json"), benchmarks: readData("benchmarks.json") },
    { analyse: { layout: { iterations: 1, noverlapIterations: 0 } } },
  ).graph;
}

/** Wall and CPU seconds since a start taken with start(): the CPU time is steadier on a shared machine. */
const start = () => ({ wall: performance.now(), cpu: process.cpuUsage() });
const elapsed = (since: ReturnType<typeof start>) => {
  const cpu = process.cpuUsage(since.cpu);
  return { wall: (performance.now() - since.wall) / 1000, cpu: (cpu.user + cpu.system) / 1e6 };
};
const HEADER = [
  "graph",
  "method",
  "modularity",
  "vs igraph Leiden",
  "wall s",
  "CPU s",
  "communities",
];
let rows: (string | number)[][] = [];
const work = mkdtempSync(path.join(tmpdir(), "litgraph-communities-"));

function measure(name: string, graph: LitGraph): void {
  const { nodes, adjacency } = toAdjacency(graph);
  let started = start();
  const before = louvain.detailed(graph, { rng: createRng(seed), getEdgeWeight: "weight" });
  const beforeSeconds = elapsed(started);
  const beforeMembership = nodes.map((node) => before.communities[node] ?? 0);
  started = start();
  const now = computeCommunities(graph, createRng(seed));
  const nowSeconds = elapsed(started);
  const nowMembership = nodes.map((node) => now.communities[node] ?? 0);

  const edges = path.join(work, "edges.tsv");
  writeEdgeList(adjacency, edges);
  const files = { before: path.join(work, "before.txt"), now: path.join(work, "now.txt") };
  writeFileSync(files.before, beforeMembership.join("\n"));
  writeFileSync(files.now, nowMembership.join("\n"));
  const peer = runIgraph(edges, { multilevel: true, leiden: true }, files);
  const q = (key: "before" | "now", membership: number[]) =>
    peer.ok
      ? (peer.figures.modularityOf?.[key] ?? Number.NaN)
      : modularityOf(adjacency, membership);
  const leidenQ = peer.ok ? peer.figures.leiden?.modularity : undefined;
  const versus = (modularity: number) =>
    leidenQ === undefined ? "–" : `${(((modularity - leidenQ) / leidenQ) * 100).toFixed(2)}%`;
  const count = (membership: number[]) => new Set(membership).size;
  const row = (
    method: string,
    modularity: number,
    time: { wall: number; cpu: number },
    communities: number,
  ) =>
    rows.push([
      name,
      method,
      modularity.toFixed(4),
      versus(modularity),
      time.wall.toFixed(2),
      time.cpu.toFixed(2),
      communities,
    ]);
  rows.push([`${name}: ${graph.order} nodes, ${graph.size} edges`, "", "", "", "", "", ""]);
  row(
    "litgraph before (graphology Louvain)",
    q("before", beforeMembership),
    beforeSeconds,
    count(beforeMembership),
  );
  row("litgraph now (Leiden)", q("now", nowMembership), nowSeconds, now.count);
  if (peer.ok) {
    const { multilevel, leiden } = peer.figures;
    if (multilevel)
      row(
        `igraph ${peer.figures.igraph} multilevel`,
        multilevel.modularity,
        { wall: multilevel.seconds, cpu: multilevel.cpu },
        multilevel.communities,
      );
    if (leiden)
      row(
        `igraph ${peer.figures.igraph} Leiden`,
        leiden.modularity,
        { wall: leiden.seconds, cpu: leiden.cpu },
        leiden.communities,
      );
  } else {
    rows.push([name, `igraph skipped: ${peer.reason}`, "", "", "", "", ""]);
  }
  if (rows.length > 0) console.log(`\n${formatTable(HEADER, rows)}`);
  rows = [];
}

console.log(`litgraph community bench — node ${process.version}, seed ${seed}`);
try {
  for (const file of graphFiles) {
    const graph = readGraphJson(readFileSync(file, "utf8"), file);
    measure(path.basename(path.dirname(path.resolve(file))), graph);
  }
  for (const file of edgeFiles) measure(path.basename(file), readEdgeList(file));
  if (graphFiles.length === 0 && edgeFiles.length === 0)
    console.log(`(no built graph: ${DEFAULT_REAL_GRAPH} is missing and --graph was not given)`);
  for (const documents of documentCounts) {
    measure(`generated ${documents / 1000}k documents`, generatedGraph(documents));
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log(
  formatTable(
    ["graph", "method", "modularity", "vs igraph Leiden", "seconds", "communities"],
    rows,
  ),
);
