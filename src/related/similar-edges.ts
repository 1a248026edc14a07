// `similar` edges: each paper with a title or abstract is joined to the papers whose text is nearest
// to its own (TF-IDF cosine in the English-word and Chinese-bigram spaces, see text-vectors.ts), so
// that papers no list or topic links are still placed among what they are about. One pass over the
// inverted index per paper, very common terms left out, the best k kept in a bounded heap per paper.
import type { EdgeAttributes, LitGraph, NodeAttributes } from "../graph/types.ts";
import {
  CHINESE,
  createTextIndex,
  ENGLISH,
  type LanguageSpace,
  type SparseVector,
  type TextFields,
  type TextIndex,
  termText,
  vectorizeForIndex,
} from "./text-vectors.ts";

export interface SimilarEdgeOptions {
  /** How many nearest papers each paper is joined to (at most). Default 5. */
  k: number;
  /**
   * Cosine similarity below this makes no edge. Default 0.05: on the 28,560 papers of the real digest
   * pages it leaves 0.3 % of them with no edge at all (0.1 left 1.4 %).
   */
  threshold: number;
  /**
   * Terms in more than this share of the papers (and more than `commonTermMinimum` of them) are left
   * out of the search: they weigh little and cost most of the time. Default 0.01 and 100: on the real
   * digest pages 0.02 took half as long again for 14 % more edges, 0.005 left three times as many
   * papers alone.
   */
  commonTermShare: number;
  commonTermMinimum: number;
  /** How many shared terms an edge's evidence names. Default 4. */
  evidenceTerms: number;
  /**
   * BM25 saturation and length normalisation of the vectors compared. Default 1.2 and 0.75, the
   * scale `threshold` was set on (the ranking's k1 of 8 would make some 1.7 times as many edges).
   */
  k1: number;
  b: number;
}

export const DEFAULT_SIMILAR_EDGE_OPTIONS: SimilarEdgeOptions = {
  k: 5,
  threshold: 0.05,
  commonTermShare: 0.01,
  commonTermMinimum: 100,
  evidenceTerms: 4,
  k1: 1.2,
  b: 0.75,
};

/** What evidence of a `similar` edge names as its source. */
export const SIMILAR_EVIDENCE_SOURCE = "titles and abstracts";

/** One paper's nearest papers: positions and cosine similarities, best first. */
export interface Neighbour {
  other: number;
  score: number;
}

/** Per paper: 1 when it has text in `space`. */
function hasSpaces(index: TextIndex, space: LanguageSpace): Uint8Array {
  const { docStart } = index.spaces[space];
  const has = new Uint8Array(index.size);
  for (let doc = 0; doc < index.size; doc += 1)
    has[doc] = (docStart[doc + 1] as number) > (docStart[doc] as number) ? 1 : 0;
  return has;
}

const isPaperLike = (attributes: NodeAttributes) =>
  attributes.kind === "paper" || attributes.kind === "survey";

/**
 * Per paper, its best `k` neighbours with similarity ≥ `threshold`, best first, ties broken by
 * position (so by node key). Similarity is the cosine of the two papers' vectors, averaged over the
 * language spaces both have text in. Each pair is scored once and offered to both papers' heaps.
 */
export function nearestPapers(
  index: TextIndex,
  options: Pick<SimilarEdgeOptions, "k" | "threshold">,
): Neighbour[][] {
  const { k, sizes, others, scores } = findNearest(index, options);
  const result: Neighbour[][] = [];
  for (let doc = 0; doc < index.size; doc += 1) {
    const list: Neighbour[] = [];
    for (let i = 0; i < (sizes[doc] as number); i += 1)
      list.push({ other: others[doc * k + i] as number, score: scores[doc * k + i] as number });
    list.sort((a, b) => b.score - a.score || a.other - b.other);
    result.push(list);
  }
  return result;
}

/**
 * Each paper's best `k` neighbours as {@link nearestPapers} finds them, left in flat heaps: paper
 * `doc` has `sizes[doc]` of them at `doc * k` onwards in `others` and `scores`, in no order. A
 * million papers' lists of objects would cost more than the search itself.
 */
interface NearestHeaps {
  k: number;
  sizes: Int32Array;
  others: Int32Array;
  scores: Float64Array;
}

function findNearest(
  index: TextIndex,
  options: Pick<SimilarEdgeOptions, "k" | "threshold">,
): NearestHeaps {
  const n = index.size;
  const k = options.k;
  const heapScores = new Float64Array(n * k);
  const heapOthers = new Int32Array(n * k);
  const heapSizes = new Int32Array(n);
  // `a` is worse than `b` when it scores less, or the same with a later position.
  const worse = (sa: number, oa: number, sb: number, ob: number) =>
    sa < sb || (sa === sb && oa > ob);
  const offer = (doc: number, other: number, score: number) => {
    const base = doc * k;
    let size = heapSizes[doc] as number;
    let i: number;
    if (size < k) {
      i = size;
      size += 1;
      heapSizes[doc] = size;
      // Sift up.
      while (i > 0) {
        const parent = (i - 1) >> 1;
        const ps = heapScores[base + parent] as number;
        const po = heapOthers[base + parent] as number;
        if (!worse(score, other, ps, po)) break;
        heapScores[base + i] = ps;
        heapOthers[base + i] = po;
        i = parent;
      }
      heapScores[base + i] = score;
      heapOthers[base + i] = other;
      return;
    }
    // Full: replace the root (the worst kept) if the newcomer is better, then sift down.
    if (!worse(heapScores[base] as number, heapOthers[base] as number, score, other)) return;
    i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= k) break;
      let child = left;
      const right = left + 1;
      if (
        right < k &&
        worse(
          heapScores[base + right] as number,
          heapOthers[base + right] as number,
          heapScores[base + left] as number,
          heapOthers[base + left] as number,
        )
      )
        child = right;
      const cs = heapScores[base + child] as number;
      const co = heapOthers[base + child] as number;
      if (!worse(cs, co, score, other)) break;
      heapScores[base + i] = cs;
      heapOthers[base + i] = co;
      i = child;
    }
    heapScores[base + i] = score;
    heapOthers[base + i] = other;
  };

  // Per paper, whether it has text in each language, and how its mean cosine weighs the Chinese one.
  const english = hasSpaces(index, ENGLISH);
  const chinese = hasSpaces(index, CHINESE);
  const chineseWeight = index.options.chineseWeight;
  const threshold = options.threshold;
  // The dot products of the current paper with later ones, valid where `stamp` holds the paper:
  // stale slots count as 0, so that nothing has to be cleared between papers.
  const dotsEnglish = new Float64Array(n);
  const dotsChinese = new Float64Array(n);
  const stamp = new Int32Array(n).fill(-1);
  // A mean of cosines is at most the larger of them, so only papers with one cosine at or above the
  // threshold can pass: each is listed when that dot product reaches it (the sums only grow).
  const passed = new Int32Array(2 * n);
  const accumulate = (
    space: LanguageSpace,
    doc: number,
    into: Float64Array,
    count: number,
    listed: Float64Array | undefined,
  ): number => {
    const { docStart, docTerms, docWeights, postingStart, postingDocs, postingWeights } =
      index.spaces[space];
    const end = docStart[doc + 1] as number;
    let found = count;
    for (let t = docStart[doc] as number; t < end; t += 1) {
      const id = docTerms[t] as number;
      const weight = docWeights[t] as number;
      const first = postingStart[id] as number;
      // Postings are in paper order: only later papers, so that each pair is scored once.
      for (let j = (postingStart[id + 1] as number) - 1; j >= first; j -= 1) {
        const other = postingDocs[j] as number;
        if (other <= doc) break;
        let before = 0;
        if (stamp[other] === doc) before = into[other] as number;
        else {
          stamp[other] = doc;
          dotsEnglish[other] = 0;
          dotsChinese[other] = 0;
        }
        const after = before + weight * (postingWeights[j] as number);
        into[other] = after;
        // Listed when the sum reaches the threshold (or on its first term, when any sum does), and
        // once: not again when its English cosine (above 0 once a term is shared) passed already.
        if (
          after >= threshold &&
          (before < threshold || before === 0) &&
          (listed === undefined ||
            !((listed[other] as number) > 0 && (listed[other] as number) >= threshold))
        ) {
          passed[found] = other;
          found += 1;
        }
      }
    }
    return found;
  };
  for (let doc = 0; doc < n; doc += 1) {
    const mineEnglish = english[doc] === 1;
    const mineChinese = chinese[doc] === 1;
    let count = 0;
    if (mineEnglish) count = accumulate(ENGLISH, doc, dotsEnglish, count, undefined);
    if (mineChinese)
      count = accumulate(CHINESE, doc, dotsChinese, count, mineEnglish ? dotsEnglish : undefined);
    for (let i = 0; i < count; i += 1) {
      const other = passed[i] as number;
      // As `meanCosine`, operation for operation.
      let sum = 0;
      let shared = 0;
      if (mineEnglish && english[other] === 1) {
        sum += dotsEnglish[other] as number;
        shared += 1;
      }
      if (mineChinese && chinese[other] === 1) {
        sum += chineseWeight * (dotsChinese[other] as number);
        shared += chineseWeight;
      }
      const score = shared > 0 ? sum / shared : 0;
      if (score < threshold) continue;
      offer(doc, other, score);
      offer(other, doc, score);
    }
  }

  return { k, sizes: heapSizes, others: heapOthers, scores: heapScores };
}

/**
 * The terms two papers share that add most to their similarity, most first, for pairs taken in order
 * of their first paper: that paper's weights are spread over one slot per term once for all its
 * pairs, and the shared terms are gathered in typed arrays, not an array per term.
 */
class SharedTermFinder {
  private readonly weights: readonly [Float32Array, Float32Array];
  private current = -1;
  private spaces = new Uint8Array(64);
  private ids = new Int32Array(64);
  private products = new Float64Array(64);
  private found = 0;

  constructor(
    private readonly index: TextIndex,
    private readonly count: number,
  ) {
    this.weights = [
      new Float32Array(index.spaces[ENGLISH].terms.length),
      new Float32Array(index.spaces[CHINESE].terms.length),
    ];
  }

  /** Spread (or clear, with `value` false) paper `doc`'s weights over the term slots. */
  private spread(doc: number, value: boolean): void {
    for (const space of [ENGLISH, CHINESE] as const) {
      const { docStart, docTerms, docWeights } = this.index.spaces[space];
      const weights = this.weights[space];
      const end = docStart[doc + 1] as number;
      for (let t = docStart[doc] as number; t < end; t += 1)
        weights[docTerms[t] as number] = value ? (docWeights[t] as number) : 0;
    }
  }

  private push(space: LanguageSpace, id: number, product: number): void {
    if (this.found === this.ids.length) {
      const size = this.ids.length * 2;
      const spaces = new Uint8Array(size);
      spaces.set(this.spaces);
      this.spaces = spaces;
      const ids = new Int32Array(size);
      ids.set(this.ids);
      this.ids = ids;
      const products = new Float64Array(size);
      products.set(this.products);
      this.products = products;
    }
    this.spaces[this.found] = space;
    this.ids[this.found] = id;
    this.products[this.found] = product;
    this.found += 1;
  }

  /** The terms `a` and `b` share, heaviest first (ties by their text), at most `count`. */
  find(a: number, b: number): string[] {
    if (a !== this.current) {
      if (this.current >= 0) this.spread(this.current, false);
      this.spread(a, true);
      this.current = a;
    }
    this.found = 0;
    for (const space of [ENGLISH, CHINESE] as const) {
      const { docStart, docTerms, docWeights } = this.index.spaces[space];
      const weights = this.weights[space];
      const end = docStart[b + 1] as number;
      for (let t = docStart[b] as number; t < end; t += 1) {
        const id = docTerms[t] as number;
        const mine = weights[id] as number;
        if (mine > 0) this.push(space, id, mine * (docWeights[t] as number));
      }
    }
    // Only the terms that can be among the first `count` are spelt out: those weighing at least the
    // `count`-th weight (ties at it are ordered by their text).
    let least = Number.NEGATIVE_INFINITY;
    if (this.found > this.count) {
      const sorted = this.products.slice(0, this.found).sort();
      least = sorted[this.found - this.count] as number;
    }
    const named: Array<[string, number]> = [];
    for (let i = 0; i < this.found; i += 1) {
      const product = this.products[i] as number;
      if (product >= least)
        named.push([
          termText(this.index, this.spaces[i] as LanguageSpace, this.ids[i] as number),
          product,
        ]);
    }
    named.sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
    return named.slice(0, this.count).map(([term]) => term);
  }
}

/**
 * Add `similar` edges to `graph`: each paper or survey with text is joined to its `k` most similar
 * papers scoring at least `threshold` (a pair one of the two chose is joined once). Weight is the
 * cosine similarity (rounded to four decimals); the evidence names the shared terms. Deterministic.
 * Returns how many edges were added.
 */
export function addSimilarEdges(
  graph: LitGraph,
  partial: Partial<SimilarEdgeOptions> = {},
  keep?: (kept: SimilarIndex) => void,
): number {
  const options = { ...DEFAULT_SIMILAR_EDGE_OPTIONS, ...partial };
  const papers: string[] = [];
  graph.forEachNode((key, attributes) => {
    if (isPaperLike(attributes)) papers.push(key);
  });
  papers.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const index = createTextIndex(
    papers.map((key) => graph.getNodeAttributes(key)),
    {
      commonTermShare: options.commonTermShare,
      commonTermMinimum: options.commonTermMinimum,
      k1: options.k1,
      b: options.b,
    },
  );
  const nearest = findNearest(index, options);
  // Every pair once, as the number a·n + b (a < b), in increasing order: a flat list sorted, not a
  // map of millions of entries. A pair is in the heap of one of its papers or of both, with the same
  // score either way.
  const n = papers.length;
  const { k, sizes, others, scores } = nearest;
  let total = 0;
  for (let doc = 0; doc < n; doc += 1) total += sizes[doc] as number;
  const found = new Float64Array(total);
  let at = 0;
  for (let doc = 0; doc < n; doc += 1) {
    for (let i = 0; i < (sizes[doc] as number); i += 1) {
      const other = others[doc * k + i] as number;
      found[at] = Math.min(doc, other) * n + Math.max(doc, other);
      at += 1;
    }
  }
  found.sort();
  const scoreOf = (a: number, b: number): number => {
    for (const [doc, other] of [
      [a, b],
      [b, a],
    ] as const) {
      for (let i = 0; i < (sizes[doc] as number); i += 1)
        if (others[doc * k + i] === other) return scores[doc * k + i] as number;
    }
    return 0;
  };
  const shared = new SharedTermFinder(index, options.evidenceTerms);
  let edges = 0;
  for (let p = 0; p < total; p += 1) {
    const pair = found[p] as number;
    if (p > 0 && pair === found[p - 1]) continue;
    edges += 1;
    const a = Math.floor(pair / n);
    const b = pair % n;
    const source = papers[a] as string;
    const target = papers[b] as string;
    const edge = similarEdge(source, target, scoreOf(a, b), shared.find(a, b));
    graph.addEdgeWithKey(edge.key, edge.source, edge.target, edge.attributes);
  }
  keep?.({ index, papers, options });
  return edges;
}

/**
 * The text index `addSimilarEdges` built and the papers of its positions (node keys; "" for a
 * position emptied since): what an incremental build needs to join new papers the same way. Papers
 * added since have their vectors in `added` (position `index.size + i`); the index itself is never
 * changed, so its postings stay valid for the papers it holds.
 */
export interface SimilarIndex {
  index: TextIndex;
  papers: string[];
  options: SimilarEdgeOptions;
  added?: [SparseVector, SparseVector][];
}

function createScratch(index: TextIndex): readonly [Float32Array, Float32Array] {
  return [
    new Float32Array(index.spaces[ENGLISH].terms.length),
    new Float32Array(index.spaces[CHINESE].terms.length),
  ] as const;
}

/** The vector of the paper at `position` in one space. */
function vectorAt(kept: SimilarIndex, position: number, space: LanguageSpace): SparseVector {
  const { index } = kept;
  if (position >= index.size) {
    const added = kept.added?.[position - index.size];
    return added ? added[space] : { terms: new Int32Array(0), weights: new Float32Array(0) };
  }
  const { docStart, docTerms, docWeights } = index.spaces[space];
  const from = docStart[position] as number;
  const to = docStart[position + 1] as number;
  return { terms: docTerms.subarray(from, to), weights: docWeights.subarray(from, to) };
}

/**
 * The terms two vectors share that add most to their similarity, most first. `scratch` holds one
 * zeroed slot per term of each space; it is left zeroed.
 */
function sharedTermsOf(
  index: TextIndex,
  a: readonly [SparseVector, SparseVector],
  b: readonly [SparseVector, SparseVector],
  count: number,
  scratch: readonly [Float32Array, Float32Array],
): string[] {
  const found: Array<[number, number, number]> = [];
  for (const space of [ENGLISH, CHINESE] as const) {
    const weights = scratch[space];
    const mine = a[space];
    const theirs = b[space];
    for (let t = 0; t < mine.terms.length; t += 1)
      weights[mine.terms[t] as number] = mine.weights[t] as number;
    for (let t = 0; t < theirs.terms.length; t += 1) {
      const id = theirs.terms[t] as number;
      const weight = weights[id] as number;
      if (weight > 0) found.push([space, id, weight * (theirs.weights[t] as number)]);
    }
    for (let t = 0; t < mine.terms.length; t += 1) weights[mine.terms[t] as number] = 0;
  }
  let kept = found;
  if (found.length > count) {
    const weights = Float64Array.from(found, ([, , weight]) => weight).sort();
    const least = weights[weights.length - count] as number;
    kept = found.filter(([, , weight]) => weight >= least);
  }
  const named = kept.map(([space, id, weight]): [string, number] => [
    termText(index, space as 0 | 1, id),
    weight,
  ]);
  named.sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  return named.slice(0, count).map(([term]) => term);
}

/** A `similar` edge of two papers (source and target in key order) and its shared terms. */
function similarEdge(
  source: string,
  target: string,
  score: number,
  terms: readonly string[],
): { key: string; source: string; target: string; attributes: EdgeAttributes } {
  const [first, second] = source < target ? [source, target] : [target, source];
  return {
    key: `similar:${first}|${second}`,
    source: first,
    target: second,
    attributes: {
      kind: "similar",
      weight: Math.round(score * 10000) / 10000,
      evidence: [{ source: SIMILAR_EVIDENCE_SOURCE, snippet: `shared terms: ${terms.join(", ")}` }],
    },
  };
}

/**
 * Add papers to a kept index (an incremental build): each gets the next position, its vectors made
 * with the index's statistics (`vectorizeForIndex`). Returns their positions.
 */
export function addToSimilarIndex(
  kept: SimilarIndex,
  papers: readonly { key: string; fields: TextFields }[],
): number[] {
  kept.added ??= [];
  return papers.map(({ key, fields }) => {
    kept.added?.push(vectorizeForIndex(kept.index, fields));
    kept.papers.push(key);
    return kept.papers.length - 1;
  });
}

/**
 * The `similar` edges of the papers at `positions` of a kept index (an incremental build): each
 * joined to its `k` nearest papers with similarity ≥ `threshold`, best first, ties by position.
 * Positions emptied (`papers[i]` is "") are never chosen. Cosines as `nearestPapers` computes them:
 * through the index's postings for the papers it holds, one by one for those added since.
 */
export function similarEdgesOf(
  kept: SimilarIndex,
  positions: readonly number[],
): { key: string; source: string; target: string; attributes: EdgeAttributes }[] {
  const { index, papers, options } = kept;
  const chineseWeight = index.options.chineseWeight;
  const size = papers.length;
  const dots = [new Float64Array(size), new Float64Array(size)] as const;
  const scratch = createScratch(index);
  const edges: ReturnType<typeof similarEdgesOf> = [];
  const vectorsAt = (position: number): [SparseVector, SparseVector] => [
    vectorAt(kept, position, ENGLISH),
    vectorAt(kept, position, CHINESE),
  ];
  for (const doc of positions) {
    const mine = vectorsAt(doc);
    const touched = new Set<number>();
    const touch = (other: number) => {
      if (touched.has(other)) return;
      touched.add(other);
      dots[0][other] = 0;
      dots[1][other] = 0;
    };
    for (const space of [ENGLISH, CHINESE] as const) {
      const { postingStart, postingDocs, postingWeights } = index.spaces[space];
      const into = dots[space];
      const { terms, weights } = mine[space];
      for (let t = 0; t < terms.length; t += 1) {
        const id = terms[t] as number;
        const weight = weights[t] as number;
        // Terms too common for the index's postings are left out, as in `nearestPapers`.
        if ((index.spaces[space].stats.df[id] as number) > index.spaces[space].stats.maxPostings)
          continue;
        for (let j = postingStart[id] as number; j < (postingStart[id + 1] as number); j += 1) {
          const other = postingDocs[j] as number;
          if (other === doc || !papers[other]) continue;
          touch(other);
          into[other] = (into[other] as number) + weight * (postingWeights[j] as number);
        }
      }
      // Papers added since the index was built, one by one.
      const scratchSpace = scratch[space];
      for (let t = 0; t < terms.length; t += 1)
        scratchSpace[terms[t] as number] = weights[t] as number;
      for (let other = index.size; other < size; other += 1) {
        if (other === doc || !papers[other]) continue;
        const theirs = vectorAt(kept, other, space);
        let dot = 0;
        for (let t = 0; t < theirs.terms.length; t += 1) {
          const id = theirs.terms[t] as number;
          if ((index.spaces[space].stats.df[id] as number) > index.spaces[space].stats.maxPostings)
            continue;
          dot += (scratchSpace[id] as number) * (theirs.weights[t] as number);
        }
        if (dot === 0) continue;
        touch(other);
        into[other] = (into[other] as number) + dot;
      }
      for (let t = 0; t < terms.length; t += 1) scratchSpace[terms[t] as number] = 0;
    }
    const found: Neighbour[] = [];
    for (const other of touched) {
      const theirs = vectorsAt(other);
      let sum = 0;
      let shared = 0;
      if (mine[ENGLISH].terms.length > 0 && theirs[ENGLISH].terms.length > 0) {
        sum += dots[0][other] as number;
        shared += 1;
      }
      if (mine[CHINESE].terms.length > 0 && theirs[CHINESE].terms.length > 0) {
        sum += chineseWeight * (dots[1][other] as number);
        shared += chineseWeight;
      }
      const score = shared > 0 ? sum / shared : 0;
      if (score >= options.threshold) found.push({ other, score });
    }
    found.sort((a, b) => b.score - a.score || a.other - b.other);
    for (const { other, score } of found.slice(0, options.k)) {
      const terms = sharedTermsOf(index, mine, vectorsAt(other), options.evidenceTerms, scratch);
      edges.push(similarEdge(papers[doc] as string, papers[other] as string, score, terms));
    }
  }
  return edges;
}
