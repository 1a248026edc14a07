// Leiden community detection (Traag, Waltman & van Eck 2019, "From Louvain to Leiden: guaranteeing
// well-connected communities") maximising modularity on a compact weighted adjacency. Pure and
// deterministic for a given rng: communities.ts turns a graph into this form and numbers the result.

/** An undirected weighted graph in compressed sparse rows: each edge appears in both rows. */
export interface WeightedAdjacency {
  order: number;
  /** Row i's neighbours are targets[offsets[i] .. offsets[i + 1]). Length order + 1. */
  offsets: Int32Array;
  targets: Int32Array;
  weights: Float64Array;
  /** Weight of each node's self-loop, the edge counted once (aggregated levels have them). */
  loops: Float64Array;
}

export interface LeidenOptions {
  /** Modularity resolution γ: above 1 gives more, smaller communities. Default 1. */
  resolution: number;
  /**
   * Randomness of the refinement (θ of the paper, `beta` in igraph): a node joins a sub-community
   * with probability ∝ exp(gain / θ). Small values make it nearly greedy. Default 0.01 (igraph's).
   */
  randomness: number;
  /**
   * Most passes of the whole algorithm; each later pass starts from the previous partition (on a graph
   * with hubs the first pass often stops in a local optimum that the second escapes). Default 10.
   */
  maxPasses: number;
  /**
   * A pass that raises modularity by less than this share of it is the last (its result is kept):
   * later passes gain less and less. Default 0.001.
   */
  minGain: number;
}

export const DEFAULT_LEIDEN_OPTIONS: LeidenOptions = {
  resolution: 1,
  randomness: 0.01,
  maxPasses: 10,
  minGain: 0.001,
};

export interface LeidenResult {
  /** Community of each node, numbered 0 … count − 1 in order of first appearance. */
  membership: Int32Array;
  count: number;
  modularity: number;
}

/** Build an adjacency from an edge list, adding up parallel edges' weights in the rows. */
export function createAdjacency(
  order: number,
  sources: ArrayLike<number>,
  targets: ArrayLike<number>,
  weights: ArrayLike<number>,
): WeightedAdjacency {
  const loops = new Float64Array(order);
  const offsets = new Int32Array(order + 1);
  for (let e = 0; e < sources.length; e++) {
    const s = sources[e] as number;
    const t = targets[e] as number;
    if (s === t) continue;
    offsets[s + 1] = (offsets[s + 1] as number) + 1;
    offsets[t + 1] = (offsets[t + 1] as number) + 1;
  }
  for (let i = 0; i < order; i++)
    offsets[i + 1] = (offsets[i + 1] as number) + (offsets[i] as number);
  const cursor = offsets.slice(0, order);
  const rowTargets = new Int32Array(offsets[order] as number);
  const rowWeights = new Float64Array(offsets[order] as number);
  for (let e = 0; e < sources.length; e++) {
    const s = sources[e] as number;
    const t = targets[e] as number;
    const w = weights[e] as number;
    if (s === t) {
      loops[s] = (loops[s] as number) + w;
      continue;
    }
    let at = cursor[s] as number;
    rowTargets[at] = t;
    rowWeights[at] = w;
    cursor[s] = at + 1;
    at = cursor[t] as number;
    rowTargets[at] = s;
    rowWeights[at] = w;
    cursor[t] = at + 1;
  }
  return { order, offsets, targets: rowTargets, weights: rowWeights, loops };
}

/** Weighted degree of every node, a self-loop counting twice (the convention of modularity). */
function degrees(graph: WeightedAdjacency): Float64Array {
  const result = new Float64Array(graph.order);
  for (let i = 0; i < graph.order; i++) {
    let sum = 2 * (graph.loops[i] as number);
    for (let e = graph.offsets[i] as number; e < (graph.offsets[i + 1] as number); e++)
      sum += graph.weights[e] as number;
    result[i] = sum;
  }
  return result;
}

/**
 * Newman's modularity of a partition with resolution γ:
 * Q = Σ_c [ in_c / 2m − γ (tot_c / 2m)² ], in_c counting each internal edge twice.
 */
export function modularityOf(
  graph: WeightedAdjacency,
  membership: ArrayLike<number>,
  resolution = 1,
): number {
  const degree = degrees(graph);
  let twoM = 0;
  for (let i = 0; i < graph.order; i++) twoM += degree[i] as number;
  if (twoM === 0) return 0;
  const internal = new Map<number, number>();
  const total = new Map<number, number>();
  for (let i = 0; i < graph.order; i++) {
    const c = membership[i] as number;
    let inside = 2 * (graph.loops[i] as number);
    for (let e = graph.offsets[i] as number; e < (graph.offsets[i + 1] as number); e++)
      if (membership[graph.targets[e] as number] === c) inside += graph.weights[e] as number;
    internal.set(c, (internal.get(c) ?? 0) + inside);
    total.set(c, (total.get(c) ?? 0) + (degree[i] as number));
  }
  // Sum in a fixed order (of community id) so that the figure does not depend on insertion order.
  let q = 0;
  for (const c of [...total.keys()].sort((a, b) => a - b)) {
    const share = (total.get(c) as number) / twoM;
    q += (internal.get(c) ?? 0) / twoM - resolution * share * share;
  }
  return q;
}

/** A random permutation of 0 … n − 1 (Fisher–Yates with the given rng). */
function shuffledRange(n: number, rng: () => number): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const swap = order[i] as number;
    order[i] = order[j] as number;
    order[j] = swap;
  }
  return order;
}

/** Renumber a membership to 0 … count − 1 in order of first appearance; returns count. */
function compact(membership: Int32Array, scratch: Int32Array): number {
  scratch.fill(-1);
  let count = 0;
  for (let i = 0; i < membership.length; i++) {
    const c = membership[i] as number;
    if ((scratch[c] as number) < 0) scratch[c] = count++;
    membership[i] = scratch[c] as number;
  }
  return count;
}

/**
 * Leiden's fast local moving: visit nodes from a queue (first in random order), move each to the
 * neighbouring community of best modularity gain (or an empty one), and queue the neighbours that
 * may now want to follow. Membership ids must be below graph.order. Returns whether anything moved.
 */
function moveNodesFast(
  graph: WeightedAdjacency,
  degree: Float64Array,
  twoM: number,
  membership: Int32Array,
  rng: () => number,
  resolution: number,
): boolean {
  const n = graph.order;
  const total = new Float64Array(n);
  const count = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = membership[i] as number;
    total[c] = (total[c] as number) + (degree[i] as number);
    count[c] = (count[c] as number) + 1;
  }
  const empty: number[] = [];
  for (let c = n - 1; c >= 0; c--) if (count[c] === 0) empty.push(c);

  const queue = shuffledRange(n, rng);
  const queued = new Uint8Array(n).fill(1);
  let head = 0;
  let pending = n;
  const toCommunity = new Float64Array(n);
  const touched = new Int32Array(n);
  const factor = resolution / twoM;
  let moved = false;

  while (pending > 0) {
    const v = queue[head] as number;
    head = head + 1 === n ? 0 : head + 1;
    pending--;
    queued[v] = 0;
    const current = membership[v] as number;
    const k = degree[v] as number;

    let touchedCount = 0;
    const start = graph.offsets[v] as number;
    const end = graph.offsets[v + 1] as number;
    for (let e = start; e < end; e++) {
      const c = membership[graph.targets[e] as number] as number;
      if (toCommunity[c] === 0) touched[touchedCount++] = c;
      toCommunity[c] = (toCommunity[c] as number) + (graph.weights[e] as number);
    }
    total[current] = (total[current] as number) - k;
    count[current] = (count[current] as number) - 1;

    // Stay unless another community is strictly better: ties keep the node where it is.
    let best = current;
    let bestGain = (toCommunity[current] as number) - k * (total[current] as number) * factor;
    for (let t = 0; t < touchedCount; t++) {
      const c = touched[t] as number;
      const gain = (toCommunity[c] as number) - k * (total[c] as number) * factor;
      if (gain > bestGain) {
        bestGain = gain;
        best = c;
      }
    }
    if (bestGain < 0) {
      // Alone in a community of its own is better: gain 0.
      best = count[current] === 0 ? current : (empty.pop() as number);
    }
    for (let t = 0; t < touchedCount; t++) toCommunity[touched[t] as number] = 0;
    toCommunity[current] = 0;

    total[best] = (total[best] as number) + k;
    count[best] = (count[best] as number) + 1;
    if (best === current) continue;
    moved = true;
    membership[v] = best;
    if (count[current] === 0) empty.push(current);
    for (let e = start; e < end; e++) {
      const u = graph.targets[e] as number;
      if (queued[u] === 0 && membership[u] !== best) {
        queued[u] = 1;
        queue[(head + pending) % n] = u;
        pending++;
      }
    }
  }
  return moved;
}

/**
 * Leiden's refinement: inside each community of `membership`, start from singletons and merge each
 * still-alone, well-connected node into a well-connected sub-community of non-negative gain, chosen
 * at random with probability ∝ exp(gain / θ). The sub-communities are connected by construction.
 */
function refinePartition(
  graph: WeightedAdjacency,
  degree: Float64Array,
  twoM: number,
  membership: Int32Array,
  rng: () => number,
  options: LeidenOptions,
): Int32Array {
  const n = graph.order;
  const factor = options.resolution / twoM;
  const communityTotal = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const c = membership[i] as number;
    communityTotal[c] = (communityTotal[c] as number) + (degree[i] as number);
  }
  // Weight from each node to the rest of its community; for a sub-community, to the rest of its community.
  const inside = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const c = membership[i] as number;
    let sum = 0;
    for (let e = graph.offsets[i] as number; e < (graph.offsets[i + 1] as number); e++)
      if (membership[graph.targets[e] as number] === c) sum += graph.weights[e] as number;
    inside[i] = sum;
  }
  const refined = new Int32Array(n);
  for (let i = 0; i < n; i++) refined[i] = i;
  const subTotal = degree.slice();
  const subCount = new Int32Array(n).fill(1);
  const subExternal = inside.slice();

  const toSub = new Float64Array(n);
  const touched = new Int32Array(n);
  const candidates = new Int32Array(n + 1);
  const gains = new Float64Array(n + 1);
  const order = shuffledRange(n, rng);
  for (let o = 0; o < n; o++) {
    const v = order[o] as number;
    const own = refined[v] as number;
    if (subCount[own] !== 1) continue;
    const c = membership[v] as number;
    const k = degree[v] as number;
    const rest = (communityTotal[c] as number) - k;
    if ((inside[v] as number) < k * rest * factor) continue;

    let touchedCount = 0;
    for (let e = graph.offsets[v] as number; e < (graph.offsets[v + 1] as number); e++) {
      const u = graph.targets[e] as number;
      if (membership[u] !== c) continue;
      const s = refined[u] as number;
      if (toSub[s] === 0) touched[touchedCount++] = s;
      toSub[s] = (toSub[s] as number) + (graph.weights[e] as number);
    }
    // Staying alone (gain 0) is always a candidate.
    let candidateCount = 1;
    candidates[0] = own;
    gains[0] = 0;
    let maxGain = 0;
    for (let t = 0; t < touchedCount; t++) {
      const s = touched[t] as number;
      const tot = subTotal[s] as number;
      if ((subExternal[s] as number) < tot * ((communityTotal[c] as number) - tot) * factor)
        continue;
      const gain = (toSub[s] as number) - k * tot * factor;
      if (gain < 0) continue;
      candidates[candidateCount] = s;
      gains[candidateCount] = gain;
      candidateCount++;
      if (gain > maxGain) maxGain = gain;
    }
    let chosen = own;
    if (candidateCount > 1) {
      let sum = 0;
      for (let t = 0; t < candidateCount; t++) {
        const weight = Math.exp(((gains[t] as number) - maxGain) / options.randomness);
        gains[t] = weight;
        sum += weight;
      }
      let draw = rng() * sum;
      chosen = candidates[candidateCount - 1] as number;
      for (let t = 0; t < candidateCount; t++) {
        draw -= gains[t] as number;
        if (draw < 0) {
          chosen = candidates[t] as number;
          break;
        }
      }
    }
    if (chosen !== own) {
      const joined = toSub[chosen] as number;
      refined[v] = chosen;
      subTotal[chosen] = (subTotal[chosen] as number) + k;
      subCount[chosen] = (subCount[chosen] as number) + 1;
      subExternal[chosen] = (subExternal[chosen] as number) + (inside[v] as number) - 2 * joined;
      subTotal[own] = 0;
      subCount[own] = 0;
      subExternal[own] = 0;
    }
    for (let t = 0; t < touchedCount; t++) toSub[touched[t] as number] = 0;
  }
  return refined;
}

/** Collapse each community of `membership` (ids 0 … count − 1) into one node. */
function aggregate(
  graph: WeightedAdjacency,
  membership: Int32Array,
  count: number,
): WeightedAdjacency {
  const start = new Int32Array(count + 1);
  for (let i = 0; i < graph.order; i++) {
    const c = membership[i] as number;
    start[c + 1] = (start[c + 1] as number) + 1;
  }
  for (let c = 0; c < count; c++) start[c + 1] = (start[c + 1] as number) + (start[c] as number);
  const members = new Int32Array(graph.order);
  const fill = start.slice(0, count);
  for (let i = 0; i < graph.order; i++) {
    const c = membership[i] as number;
    members[fill[c] as number] = i;
    fill[c] = (fill[c] as number) + 1;
  }
  const loops = new Float64Array(count);
  const offsets = new Int32Array(count + 1);
  const rowTargets: number[] = [];
  const rowWeights: number[] = [];
  const toCommunity = new Float64Array(count);
  const touched = new Int32Array(count);
  for (let c = 0; c < count; c++) {
    let touchedCount = 0;
    let loop = 0;
    for (let m = start[c] as number; m < (start[c + 1] as number); m++) {
      const i = members[m] as number;
      loop += graph.loops[i] as number;
      for (let e = graph.offsets[i] as number; e < (graph.offsets[i + 1] as number); e++) {
        const d = membership[graph.targets[e] as number] as number;
        const w = graph.weights[e] as number;
        if (d === c) {
          loop += w / 2;
          continue;
        }
        if (toCommunity[d] === 0) touched[touchedCount++] = d;
        toCommunity[d] = (toCommunity[d] as number) + w;
      }
    }
    loops[c] = loop;
    for (let t = 0; t < touchedCount; t++) {
      const d = touched[t] as number;
      rowTargets.push(d);
      rowWeights.push(toCommunity[d] as number);
      toCommunity[d] = 0;
    }
    offsets[c + 1] = rowTargets.length;
  }
  return {
    order: count,
    offsets,
    targets: Int32Array.from(rowTargets),
    weights: Float64Array.from(rowWeights),
    loops,
  };
}

/** One run of the Leiden algorithm on `base`, starting from `initial` (ids below base.order). */
function leidenPass(
  base: WeightedAdjacency,
  initial: Int32Array,
  rng: () => number,
  options: LeidenOptions,
): Int32Array {
  let graph = base;
  let membership = initial.slice();
  // Which node of the current level each original node is inside.
  const level = new Int32Array(base.order);
  for (let i = 0; i < base.order; i++) level[i] = i;
  let scratch = new Int32Array(base.order);
  for (;;) {
    const degree = degrees(graph);
    let twoM = 0;
    for (let i = 0; i < graph.order; i++) twoM += degree[i] as number;
    moveNodesFast(graph, degree, twoM, membership, rng, options.resolution);
    const count = compact(membership, scratch);
    if (count === graph.order) break;
    let refined = refinePartition(graph, degree, twoM, membership, rng, options);
    let refinedCount = compact(refined, scratch);
    // A refinement that merged nothing would aggregate to the same graph: aggregate the communities.
    if (refinedCount === graph.order) {
      refined = membership;
      refinedCount = count;
    }
    const next = new Int32Array(refinedCount);
    for (let i = 0; i < graph.order; i++) next[refined[i] as number] = membership[i] as number;
    for (let i = 0; i < base.order; i++) level[i] = refined[level[i] as number] as number;
    graph = aggregate(graph, refined, refinedCount);
    membership = next;
    scratch = new Int32Array(graph.order);
  }
  const result = new Int32Array(base.order);
  for (let i = 0; i < base.order; i++) result[i] = membership[level[i] as number] as number;
  compact(result, new Int32Array(base.order));
  return result;
}

/**
 * Detect communities with Leiden, maximising modularity. Passes repeat from the previous partition,
 * as igraph's `n_iterations` does, until one raises modularity by less than `minGain` of it.
 */
export function leiden(
  graph: WeightedAdjacency,
  rng: () => number,
  partial: Partial<LeidenOptions> = {},
): LeidenResult {
  const options = { ...DEFAULT_LEIDEN_OPTIONS, ...partial };
  let membership: Int32Array = new Int32Array(graph.order);
  for (let i = 0; i < graph.order; i++) membership[i] = i;
  let modularity = modularityOf(graph, membership, options.resolution);
  for (let pass = 0; pass < options.maxPasses; pass++) {
    const next = leidenPass(graph, membership, rng, options);
    const q = modularityOf(graph, next, options.resolution);
    if (!(q > modularity + 1e-12)) break;
    const gain = q - modularity;
    membership = next;
    modularity = q;
    if (pass > 0 && gain < options.minGain * Math.abs(q)) break;
  }
  let count = 0;
  for (let i = 0; i < membership.length; i++)
    count = Math.max(count, (membership[i] as number) + 1);
  return { membership, count, modularity };
}
