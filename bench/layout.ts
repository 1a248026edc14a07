// Time and score layouts of a built graph: litgraph's multilevel layout, the previous one (ForceAtlas2
// with iterations by size, then overlap removal), 100 plain ForceAtlas2 passes and igraph's
// Fruchterman-Reingold (bench/igraph_layout.py, 100 iterations). The scores (src/graph/layout-quality.ts)
// are taken on the nodes with edges, with the communities stored in the graph.
// Usage: npx tsx bench/layout.ts [graph.json] [--no-igraph] [--no-fa2]
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Graph from "graphology";
import forceAtlas2 from "graphology-layout-forceatlas2";
import { assignLayout, DEFAULT_LAYOUT_OPTIONS } from "../src/graph/layout.ts";
import { type LayoutPoints, layoutQuality } from "../src/graph/layout-quality.ts";
import { type OverlapNode, removeOverlaps } from "../src/graph/overlap.ts";
import { createRng } from "../src/graph/rng.ts";
import type { LitGraph } from "../src/graph/types.ts";

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith("--")) ?? "/tmp/layout-full/graph.json";
const withIgraph = !args.includes("--no-igraph");
const withForceAtlas2 = !args.includes("--no-fa2");
const SEED = 43; // what analyseGraph passes to the layout for the default seed 42

function load(): LitGraph {
  const data = JSON.parse(readFileSync(file, "utf8")) as Parameters<LitGraph["import"]>[0];
  return Graph.from(data as never) as unknown as LitGraph;
}

const base = load();
const ids = base.filterNodes((node) => base.degree(node) > 0);
const index = new Map(ids.map((id, i) => [id, i]));

/** Neighbours without repeats or loops, communities as dense ids: what the scores read. */
function topology(): Omit<LayoutPoints, "x" | "y"> {
  const offsets = new Int32Array(ids.length + 1);
  const lists = ids.map((id) => {
    const own = index.get(id) as number;
    const set = new Set<number>();
    for (const other of base.neighbors(id)) {
      const j = index.get(other);
      if (j !== undefined && j !== own) set.add(j);
    }
    return [...set].sort((a, b) => a - b);
  });
  lists.forEach((list, i) => {
    offsets[i + 1] = (offsets[i] as number) + list.length;
  });
  const targets = Int32Array.from(lists.flat());
  const raw = ids.map((id) => base.getNodeAttribute(id, "community"));
  const dense = new Map([...new Set(raw)].sort((a, b) => a - b).map((c, i) => [c, i]));
  return { offsets, targets, community: Int32Array.from(raw, (c) => dense.get(c) ?? 0) };
}

const shape = topology();
const edgeCount = (shape.targets.length as number) / 2;

function score(x: ArrayLike<number>, y: ArrayLike<number>) {
  return layoutQuality({ ...shape, x, y });
}

function positionsOf(graph: LitGraph): { x: Float64Array; y: Float64Array } {
  return {
    x: Float64Array.from(ids, (id) => graph.getNodeAttribute(id, "x")),
    y: Float64Array.from(ids, (id) => graph.getNodeAttribute(id, "y")),
  };
}

/** The previous starting positions: each community around its own point on a circle. */
function circleSeed(graph: LitGraph): void {
  const rng = createRng(SEED);
  let communityCount = 1;
  graph.forEachNode((_, a) => {
    if (a.community + 1 > communityCount) communityCount = a.community + 1;
  });
  const radius = Math.sqrt(graph.order) * 10;
  graph.forEachNode((node, a) => {
    const angle = (2 * Math.PI * Math.max(0, a.community)) / communityCount;
    const spread = radius / Math.sqrt(communityCount);
    graph.mergeNodeAttributes(node, {
      x: radius * Math.cos(angle) + (rng() - 0.5) * spread,
      y: radius * Math.sin(angle) + (rng() - 0.5) * spread,
    });
  });
}

function previousIterations(order: number): number {
  if (order <= 500) return 500;
  if (order <= 2_000) return 200;
  if (order <= 10_000) return 60;
  if (order <= 50_000) return 25;
  return 10;
}

interface Row {
  method: string;
  seconds: number;
  quality: ReturnType<typeof score>;
}
const rows: Row[] = [];
const now = () => performance.now() / 1000;

{
  const graph = load();
  const start = now();
  assignLayout(graph, createRng(SEED), DEFAULT_LAYOUT_OPTIONS);
  const seconds = now() - start;
  const p = positionsOf(graph);
  rows.push({ method: "litgraph multilevel + overlap", seconds, quality: score(p.x, p.y) });
}

for (const [method, passes, overlap] of withForceAtlas2
  ? ([
      ["previous: FA2 by size + overlap", previousIterations(base.order), true],
      ["ForceAtlas2 100 iterations", 100, false],
    ] as const)
  : []) {
  const graph = load();
  circleSeed(graph);
  const start = now();
  forceAtlas2.assign(graph, {
    iterations: passes,
    getEdgeWeight: "weight",
    settings: { ...forceAtlas2.inferSettings(graph), adjustSizes: false },
  });
  if (overlap) {
    const points: OverlapNode[] = ids.map((id) => {
      const a = graph.getNodeAttributes(id);
      return { x: a.x, y: a.y, size: a.size };
    });
    removeOverlaps(points, { maxIterations: 50, margin: 2, ratio: 1.2 });
    ids.forEach((id, i) => {
      const q = points[i] as OverlapNode;
      graph.mergeNodeAttributes(id, { x: q.x, y: q.y });
    });
  }
  const seconds = now() - start;
  const p = positionsOf(graph);
  rows.push({ method: `${method} (${passes})`, seconds, quality: score(p.x, p.y) });
}

let igraphSeconds = Number.NaN;
if (withIgraph) {
  const dir = mkdtempSync(path.join(tmpdir(), "layout-bench-"));
  const edges = path.join(dir, "edges.txt");
  const out = path.join(dir, "positions.txt");
  const lines = [String(ids.length)];
  for (let i = 0; i < ids.length; i++) {
    for (let e = shape.offsets[i] as number; e < (shape.offsets[i + 1] as number); e++) {
      const j = shape.targets[e] as number;
      if (j > i) lines.push(`${i} ${j} 1`);
    }
  }
  writeFileSync(edges, `${lines.join("\n")}\n`);
  const script = path.join(import.meta.dirname, "igraph_layout.py");
  const printed = execFileSync("/usr/bin/python3", [script, edges, out, "100"], {
    encoding: "utf8",
  });
  igraphSeconds = Number(printed.trim().split("\n").at(-1));
  const coords = readFileSync(out, "utf8").trim().split("\n");
  const x = Float64Array.from(coords, (l) => Number(l.split(" ")[0]));
  const y = Float64Array.from(coords, (l) => Number(l.split(" ")[1]));
  rows.push({
    method: "igraph Fruchterman-Reingold (100)",
    seconds: igraphSeconds,
    quality: score(x, y),
  });
}

const sampled = rows[0]?.quality.sampled ?? 0;
console.log(
  `${file}: ${base.order} nodes, ${ids.length} with edges, ${edgeCount} node pairs linked; scores on ${sampled} sampled nodes`,
);
console.log(
  `${"method".padEnd(40)} ${"seconds".padStart(8)} ${"nbhd pres.".padStart(10)} ${"silhouette".padStart(10)} ${"× igraph".padStart(9)}`,
);
for (const row of rows) {
  const ratio = Number.isFinite(igraphSeconds) ? (row.seconds / igraphSeconds).toFixed(2) : "-";
  console.log(
    `${row.method.padEnd(40)} ${row.seconds.toFixed(2).padStart(8)} ${row.quality.neighbourhoodPreservation.toFixed(4).padStart(10)} ${row.quality.silhouette.toFixed(4).padStart(10)} ${ratio.padStart(9)}`,
  );
}
