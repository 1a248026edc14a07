// Two figures of how well positions show a graph, computed on a deterministic sample of nodes so that
// they stay cheap at tens of thousands of nodes:
// - neighbourhood preservation (as graphology-metrics' layout-quality, after Rahman et al. 2020,
//   BatchLayout): for a node with k neighbours, the share of its k nearest nodes on the map that are
//   its neighbours in the graph, averaged;
// - silhouette by community (Rousseeuw 1987): for a node, with a its mean distance to the other nodes
//   of its community and b its smallest mean distance to the nodes of another community,
//   (b − a) / max(a, b); 0 for a node alone in its community; averaged. Near 1: communities are
//   compact and apart; near 0 or below: they run into each other.

export interface LayoutPoints {
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  /** Neighbours of node i: targets[offsets[i]..offsets[i+1]), without repeats or loops. */
  offsets: ArrayLike<number>;
  targets: ArrayLike<number>;
  community: ArrayLike<number>;
}

export interface LayoutQuality {
  neighbourhoodPreservation: number;
  silhouette: number;
  sampled: number;
}

/** Every node when there are at most `size`, else `size` nodes spread evenly over the index range. */
export function sampleIndices(count: number, size: number): number[] {
  if (count <= size) return Array.from({ length: count }, (_, i) => i);
  return Array.from({ length: size }, (_, i) => Math.floor((i * count) / size));
}

/** The k-th smallest value of `values` (1-based), rearranging the array (Hoare's quickselect). */
function kthSmallest(values: Float64Array, k: number): number {
  let lo = 0;
  let hi = values.length - 1;
  const target = k - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >>> 1] as number;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((values[i] as number) < pivot) i++;
      while ((values[j] as number) > pivot) j--;
      if (i <= j) {
        const t = values[i] as number;
        values[i] = values[j] as number;
        values[j] = t;
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else return values[target] as number;
  }
  return values[target] as number;
}

export function layoutQuality(points: LayoutPoints, sampleSize = 2000): LayoutQuality {
  const n = points.x.length;
  const sample = sampleIndices(n, sampleSize);
  let communityCount = 0;
  for (let i = 0; i < n; i++)
    communityCount = Math.max(communityCount, (points.community[i] as number) + 1);
  const members = new Float64Array(communityCount);
  for (let i = 0; i < n; i++) {
    const c = points.community[i] as number;
    members[c] = (members[c] as number) + 1;
  }
  const distance = new Float64Array(n);
  const scratch = new Float64Array(n - 1);
  const sums = new Float64Array(communityCount);
  let preservation = 0;
  let silhouette = 0;
  for (const i of sample) {
    const px = points.x[i] as number;
    const py = points.y[i] as number;
    sums.fill(0);
    let s = 0;
    for (let j = 0; j < n; j++) {
      const d = Math.hypot((points.x[j] as number) - px, (points.y[j] as number) - py);
      distance[j] = d;
      const c = points.community[j] as number;
      sums[c] = (sums[c] as number) + d;
      if (j !== i) scratch[s++] = d;
    }
    const start = points.offsets[i] as number;
    const k = (points.offsets[i + 1] as number) - start;
    if (k === 0 || k >= n - 1) preservation += 1;
    else {
      const radius = kthSmallest(scratch, k);
      let hits = 0;
      for (let e = start; e < start + k; e++) {
        if ((distance[points.targets[e] as number] as number) <= radius) hits++;
      }
      preservation += Math.min(1, hits / k);
    }
    const own = points.community[i] as number;
    const ownCount = (members[own] as number) - 1;
    if (ownCount > 0) {
      const a = (sums[own] as number) / ownCount;
      let b = Infinity;
      for (let c = 0; c < communityCount; c++) {
        if (c === own || members[c] === 0) continue;
        b = Math.min(b, (sums[c] as number) / (members[c] as number));
      }
      if (Number.isFinite(b) && Math.max(a, b) > 0) silhouette += (b - a) / Math.max(a, b);
    }
  }
  return {
    neighbourhoodPreservation: preservation / sample.length,
    silhouette: silhouette / sample.length,
    sampled: sample.length,
  };
}
