// Layout in two levels, as multilevel force layouts do (Walshaw 2000; Hu 2005): first the graph of
// communities, one body per community weighing as much as its nodes, is laid out, so that each
// community gets a region of its own placed near those it links to; then every node starts inside
// its community's region, leaning towards the communities it links to, and a short run of the same
// forces on all nodes (force.ts) settles the detail. Overlap removal (overlap.ts) follows, and nodes
// without edges are set in rows under the map instead of a ring around it.
//
// Why not ForceAtlas2 from random positions alone: it has to untangle the whole graph at once, which
// takes hundreds of passes that cost seconds each at tens of thousands of nodes; the community level
// has a few hundred bodies and settles in milliseconds, and the refinement then only moves nodes by
// about the size of their own community.
import { round } from "./appearance.ts";
import { type ForceSystem, runForces } from "./force.ts";
import { type OverlapNode, removeOverlaps } from "./overlap.ts";
import type { LitGraph } from "./types.ts";

export interface LayoutOptions {
  /** Passes of the node-level refinement; `auto` picks them from the graph's order (see inferLayoutIterations). */
  iterations: number | "auto";
  /** Overlap-removal passes after the force layout (see overlap.ts). Default 50. */
  noverlapIterations: number;
}

export const DEFAULT_LAYOUT_OPTIONS: LayoutOptions = { iterations: "auto", noverlapIterations: 50 };

/** Repulsion and gravity as ForceAtlas2's inferred settings (scaling ratio 10, strong gravity 0.05). */
const REPULSION = 10;
const GRAVITY = 0.05;
/** Passes of the community-level layout: it has one body per community, so they are cheap. */
const COMMUNITY_PASSES = 300;
/** Weight of an edge between two communities in the refinement, as a share of its own. */
const BETWEEN_COMMUNITIES = 0.1;
/** The map's occupied area over the area of its nodes' discs before overlap removal. */
const DISC_SHARE_INVERSE = 6;

/**
 * Refinement passes for a graph of `order` nodes: many for small graphs, where they are cheap and
 * make the picture settle; fewer for large ones, whose nodes start near their place already.
 */
export function inferLayoutIterations(order: number): number {
  if (order <= 500) return 300;
  if (order <= 2_000) return 150;
  if (order <= 10_000) return 80;
  if (order <= 50_000) return 40;
  return 30;
}

/** The connected nodes as flat arrays: parallel edges merged (weights added), loops left out. */
interface NodeSystem extends ForceSystem {
  ids: string[];
  /** Dense community index of each node, 0..communityCount-1 in order of community id. */
  community: Int32Array;
  communityCount: number;
}

function nodeSystem(graph: LitGraph, ids: string[]): NodeSystem {
  const n = ids.length;
  const index = new Map<string, number>();
  ids.forEach((id, i) => {
    index.set(id, i);
  });
  const lists: Map<number, number>[] = ids.map(() => new Map<number, number>());
  graph.forEachEdge((_edge, attributes, source, target) => {
    const a = index.get(source);
    const b = index.get(target);
    if (a === undefined || b === undefined || a === b) return;
    const weight =
      typeof attributes.weight === "number" && attributes.weight > 0 ? attributes.weight : 1;
    const la = lists[a] as Map<number, number>;
    const lb = lists[b] as Map<number, number>;
    la.set(b, (la.get(b) ?? 0) + weight);
    lb.set(a, (lb.get(a) ?? 0) + weight);
  });
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++)
    offsets[i + 1] = (offsets[i] as number) + (lists[i] as Map<number, number>).size;
  const targets = new Int32Array(offsets[n] as number);
  const weights = new Float64Array(offsets[n] as number);
  const mass = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let e = offsets[i] as number;
    // Neighbours in index order, so the sums below do not depend on the order edges were added in.
    const entries = [...(lists[i] as Map<number, number>)].sort((p, q) => p[0] - q[0]);
    for (const [j, w] of entries) {
      targets[e] = j;
      weights[e] = w;
      e++;
    }
    mass[i] = 1 + Math.sqrt(entries.length);
  }
  const raw = ids.map((id) => graph.getNodeAttribute(id, "community"));
  const distinct = [...new Set(raw)].sort((p, q) => p - q);
  const dense = new Map<number, number>();
  distinct.forEach((c, i) => {
    dense.set(c, i);
  });
  const community = Int32Array.from(raw, (c) => dense.get(c) ?? 0);
  return {
    ids,
    x: new Float64Array(n),
    y: new Float64Array(n),
    mass,
    offsets,
    targets,
    weights,
    community,
    communityCount: distinct.length,
  };
}

/** The graph of communities: one body per community with its nodes' mass, edges summed between them. */
function communitySystem(nodes: NodeSystem): ForceSystem {
  const count = nodes.communityCount;
  const mass = new Float64Array(count);
  const lists: Map<number, number>[] = Array.from(
    { length: count },
    () => new Map<number, number>(),
  );
  const n = nodes.ids.length;
  for (let i = 0; i < n; i++) {
    const a = nodes.community[i] as number;
    mass[a] = (mass[a] as number) + (nodes.mass[i] as number);
    const end = nodes.offsets[i + 1] as number;
    for (let e = nodes.offsets[i] as number; e < end; e++) {
      const b = nodes.community[nodes.targets[e] as number] as number;
      if (b === a) continue;
      const list = lists[a] as Map<number, number>;
      list.set(b, (list.get(b) ?? 0) + (nodes.weights[e] as number));
    }
  }
  const offsets = new Int32Array(count + 1);
  for (let a = 0; a < count; a++)
    offsets[a + 1] = (offsets[a] as number) + (lists[a] as Map<number, number>).size;
  const targets = new Int32Array(offsets[count] as number);
  const weights = new Float64Array(offsets[count] as number);
  for (let a = 0; a < count; a++) {
    let e = offsets[a] as number;
    for (const [b, w] of [...(lists[a] as Map<number, number>)].sort((p, q) => p[0] - q[0])) {
      targets[e] = b;
      weights[e] = w;
      e++;
    }
  }
  // Start on a sunflower spiral, heaviest community in the middle: spread out, and no randomness needed.
  const order = Array.from({ length: count }, (_, a) => a).sort(
    (p, q) => (mass[q] as number) - (mass[p] as number) || p - q,
  );
  const x = new Float64Array(count);
  const y = new Float64Array(count);
  let total = 0;
  for (let a = 0; a < count; a++) total += mass[a] as number;
  const spacing = Math.sqrt((REPULSION * total) / Math.max(1, count));
  const golden = Math.PI * (3 - Math.sqrt(5));
  order.forEach((a, rank) => {
    const r = spacing * Math.sqrt(rank + 0.5);
    x[a] = r * Math.cos(rank * golden);
    y[a] = r * Math.sin(rank * golden);
  });
  return { x, y, mass, offsets, targets, weights };
}

/**
 * Assign `x` and `y` to every node. The community level and the starting points inside each community
 * are deterministic; `rng` spreads the nodes within their community's region, so the same seed gives
 * the same picture.
 */
export function assignLayout(
  graph: LitGraph,
  rng: () => number,
  options: LayoutOptions = DEFAULT_LAYOUT_OPTIONS,
): void {
  if (graph.order === 0) return;
  const ids = graph.filterNodes((node) => graph.degree(node) > 0);
  if (ids.length > 0) {
    const nodes = nodeSystem(graph, ids);
    const iterations =
      options.iterations === "auto" ? inferLayoutIterations(graph.order) : options.iterations;
    layoutNodes(nodes, rng, iterations);
    if (options.noverlapIterations > 0) {
      const points: OverlapNode[] = ids.map((id, i) => ({
        x: nodes.x[i] as number,
        y: nodes.y[i] as number,
        size: graph.getNodeAttribute(id, "size"),
      }));
      fitDensity(points);
      removeOverlaps(points, {
        maxIterations: options.noverlapIterations,
        margin: 2,
        ratio: 1.2,
      });
      points.forEach((p, i) => {
        nodes.x[i] = p.x;
        nodes.y[i] = p.y;
      });
    }
    ids.forEach((id, i) => {
      graph.mergeNodeAttributes(id, { x: nodes.x[i] as number, y: nodes.y[i] as number });
    });
  }
  placeUnconnected(graph);
  graph.forEachNode((node, attributes) => {
    graph.mergeNodeAttributes(node, { x: round(attributes.x, 2), y: round(attributes.y, 2) });
  });
}

/** Community level, starting points, refinement: positions into `nodes.x` and `nodes.y`. */
function layoutNodes(nodes: NodeSystem, rng: () => number, passes: number): void {
  const n = nodes.ids.length;
  const communities = communitySystem(nodes);
  const count = nodes.communityCount;
  runForces(communities, {
    passes: count > 1 ? COMMUNITY_PASSES : 0,
    repulsion: REPULSION,
    gravity: GRAVITY,
    theta: 0.8,
    firstStep: Math.sqrt(REPULSION * sum(communities.mass)) / 4,
    lastStep: 1,
  });
  // Each community's region: a disc whose area grows with its mass, kept apart from the others.
  const radius = Float64Array.from(communities.mass, (m) => Math.sqrt(REPULSION * m) / 2);
  const discs: OverlapNode[] = Array.from({ length: count }, (_, a) => ({
    x: communities.x[a] as number,
    y: communities.y[a] as number,
    size: radius[a] as number,
  }));
  pullInOutlying(discs, communities.mass);
  removeOverlaps(discs, { maxIterations: 200, margin: 0, ratio: 1 });
  // Starting points: uniform in the community's disc, shifted towards the communities the node links to.
  for (let i = 0; i < n; i++) {
    const a = nodes.community[i] as number;
    const disc = discs[a] as OverlapNode;
    const r = (radius[a] as number) * Math.sqrt(rng());
    const angle = 2 * Math.PI * rng();
    let px = disc.x + r * Math.cos(angle);
    let py = disc.y + r * Math.sin(angle);
    let ox = 0;
    let oy = 0;
    let outside = 0;
    let all = 0;
    const end = nodes.offsets[i + 1] as number;
    for (let e = nodes.offsets[i] as number; e < end; e++) {
      const w = nodes.weights[e] as number;
      all += w;
      const b = nodes.community[nodes.targets[e] as number] as number;
      if (b === a) continue;
      const other = discs[b] as OverlapNode;
      ox += (other.x - disc.x) * w;
      oy += (other.y - disc.y) * w;
      outside += w;
    }
    if (outside > 0) {
      const d = Math.hypot(ox, oy);
      if (d > 1e-9) {
        const lean = (radius[a] as number) * 0.5 * (outside / all);
        px += (ox / d) * lean;
        py += (oy / d) * lean;
      }
    }
    nodes.x[i] = px;
    nodes.y[i] = py;
  }
  // Refinement: each node may move by a share of its own community's radius, less and less.
  const reach = Float64Array.from(nodes.community, (a) => radius[a] as number);
  // Edges between communities pull at a fraction of their weight during refinement: the community
  // level has placed the communities by those edges already, and at full strength the hubs that
  // many communities link to would drag their members into one another's regions.
  const weights = Float64Array.from(nodes.weights);
  for (let i = 0; i < n; i++) {
    const a = nodes.community[i] as number;
    const end = nodes.offsets[i + 1] as number;
    for (let e = nodes.offsets[i] as number; e < end; e++) {
      if (nodes.community[nodes.targets[e] as number] !== a)
        weights[e] = (weights[e] as number) * BETWEEN_COMMUNITIES;
    }
  }
  runForces(
    { ...nodes, weights },
    {
      passes,
      repulsion: REPULSION,
      gravity: GRAVITY,
      theta: 1.5,
      firstStep: 0.25,
      lastStep: 0.01,
      reach,
    },
  );
}

/**
 * A community with few or no edges to the others (a small component, a side topic) feels mostly
 * repulsion and gravity, so the force run leaves it far out, and the camera that fits the whole map
 * then shows the real map small. Every disc is brought in to within the circle the discs would fill
 * if packed loosely (1.5 × the radius of their total area), around their mass-weighted centre.
 */
function pullInOutlying(discs: OverlapNode[], mass: Float64Array): void {
  let cx = 0;
  let cy = 0;
  let total = 0;
  let area = 0;
  discs.forEach((disc, a) => {
    const m = mass[a] as number;
    cx += disc.x * m;
    cy += disc.y * m;
    total += m;
    area += disc.size * disc.size;
  });
  if (total <= 0 || discs.length < 2) return;
  cx /= total;
  cy /= total;
  const reach = 1.5 * Math.sqrt(area);
  for (const disc of discs) {
    const dx = disc.x - cx;
    const dy = disc.y - cy;
    const d = Math.hypot(dx, dy);
    const limit = Math.max(reach - disc.size, 0);
    if (d <= limit || d < 1e-9) continue;
    disc.x = cx + (dx / d) * limit;
    disc.y = cy + (dy / d) * limit;
  }
}

function sum(values: Float64Array): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

/**
 * Scale the positions about their centre so that the nodes' drawn discs cover about a third of the
 * area the map occupies (cells of a grid that hold a node): overlap removal then only makes local
 * room instead of pushing the whole map apart, and the forces' own units do not matter.
 */
function fitDensity(points: OverlapNode[]): void {
  if (points.length < 2) return;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  let discs = 0;
  for (const p of points) {
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x);
    maxY = Math.max(maxY, p.y);
    const r = p.size * 1.2 + 1;
    discs += Math.PI * r * r;
  }
  const side = Math.max(maxX - minX, maxY - minY);
  if (!(side > 1e-9)) return;
  // About four nodes per cell on average, so that the count of occupied cells measures the area.
  const cells = Math.max(1, Math.round(Math.sqrt(points.length / 4)));
  const cell = side / cells;
  const occupied = new Set<number>();
  for (const p of points) {
    const gx = Math.min(cells - 1, Math.floor((p.x - minX) / cell));
    const gy = Math.min(cells - 1, Math.floor((p.y - minY) / cell));
    occupied.add(gx * cells + gy);
  }
  const area = occupied.size * cell * cell;
  const factor = Math.sqrt((discs * DISC_SHARE_INVERSE) / area);
  let cx = 0;
  let cy = 0;
  for (const p of points) {
    cx += p.x;
    cy += p.y;
  }
  cx /= points.length;
  cy /= points.length;
  for (const p of points) {
    p.x = cx + (p.x - cx) * factor;
    p.y = cy + (p.y - cy) * factor;
  }
}

/**
 * Nodes without any edge, which repulsion alone would fling into a ring around the
 * map, are set in a compact block of rows under it, in key order, one cell per node, so the map
 * keeps its shape and the unconnected papers stay in view, together, as a list of their own.
 */
function placeUnconnected(graph: LitGraph): void {
  const unconnected: string[] = [];
  let minX = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  let largest = 1;
  graph.forEachNode((node, attributes) => {
    if (graph.degree(node) === 0) {
      unconnected.push(node);
      largest = Math.max(largest, attributes.size);
      return;
    }
    minX = Math.min(minX, attributes.x);
    maxX = Math.max(maxX, attributes.x);
    maxY = Math.max(maxY, attributes.y);
  });
  if (unconnected.length === 0) return;
  unconnected.sort();
  const cell = largest * 3;
  let columns: number;
  let top: number;
  let left: number;
  if (unconnected.length === graph.order) {
    // A graph without edges is only this block: a square of rows around the origin.
    columns = Math.ceil(Math.sqrt(unconnected.length));
    top = (-(Math.ceil(unconnected.length / columns) - 1) * cell) / 2;
    left = (-(columns - 1) * cell) / 2;
  } else {
    const width = Math.max(maxX - minX, cell);
    columns = Math.max(1, Math.min(unconnected.length, Math.floor(width / cell) + 1));
    top = maxY + cell * 3;
    left = minX + (width - (columns - 1) * cell) / 2;
  }
  unconnected.forEach((node, i) => {
    graph.mergeNodeAttributes(node, {
      x: left + (i % columns) * cell,
      y: top + Math.floor(i / columns) * cell,
    });
  });
}
