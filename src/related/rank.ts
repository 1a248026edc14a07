// The related-papers ranking: each candidate's signals (explicit links, shared topics and benchmarks,
// co-listing, text similarity, latent similarity, community, closeness in time) are weighted and
// added up; the best k come back with their reasons in plain words and the share of the score each
// signal gave. What can be is precomputed once; text similarity is computed only for the papers that
// can still make the first k.
import type { LitGraph, NodeAttributes } from "../graph/types.ts";
import {
  accumulateCoListing,
  type CoListingIndex,
  createCoListingIndex,
  describeCoListing,
} from "./co-listing.ts";
import { createExplicitIndex, type ExplicitIndex } from "./explicit.ts";
import {
  createLatentVectors,
  type LatentOptions,
  type LatentVectors,
  latentSimilarity,
} from "./latent.ts";
import {
  accumulateSharedNeighbours,
  createNeighbourIndex,
  describeSharedNeighbours,
  type NeighbourIndex,
} from "./neighbours.ts";
import { createTitleIndex, type TitleIndex } from "./query.ts";
import {
  describeCommunity,
  describeExplicit,
  describeLatent,
  describeListings,
  describeNeighbours,
  describeText,
  describeTime,
  orderReasons,
  type WeightedReason,
} from "./reasons.ts";
import {
  BOUND_SLACK,
  computeTextSimilarities,
  createTextIndex,
  createTextQuery,
  type TextFields,
  type TextIndex,
  type TextIndexOptions,
} from "./text-vectors.ts";
import {
  createPublicationDays,
  describeApart,
  type PublicationDays,
  timeCloseness,
} from "./time.ts";
import {
  type CandidateSignals,
  RELATED_SIGNALS,
  type RelatedOptions,
  type RelatedResult,
  type RelatedWeights,
  type SignalValues,
  zeroSignals,
} from "./types.ts";

/**
 * Signal weights chosen by a grid search on the tuning splits of `npm run eval:related` (generated
 * corpora with held-out related lists, and the default corpus's awesome-list sections; see README),
 * then on its real development set (shared neighbours, community, latent similarity, time): per page
 * listing the pair, per unit of Adamic–Adar score, per unit of co-listing score, per unit of text
 * cosine, per unit of latent similarity, for the same community, per unit of closeness in time. Only
 * their ratios matter.
 */
export const DEFAULT_RELATED_WEIGHTS: RelatedWeights = {
  explicit: 1,
  sharedNeighbours: 0.1,
  coListed: 1,
  text: 4,
  latent: 0.75,
  community: 0.1,
  time: 0.5,
};

/**
 * The ranking's text settings over `DEFAULT_TEXT_INDEX_OPTIONS` (which similar edges keep): BM25 k1 2
 * and b 0.25, titles twice an abstract word, the Chinese space twice the English one, and the Latin
 * words of Chinese text
 * (acronyms and names such as `RAG`, `LLaVA`, `GPT-4V`, which a Chinese abstract keeps as written)
 * also counted as English terms, so that they meet the English text that names the same things. Each
 * is where the search of `npm run eval:related` ends on its real development set, averaged over three
 * draws of distractors: a step is taken only when it lowers none of the three lists (without closeness
 * in time, k1 8 was best: long saturation then stood in for the dates). The names of the topics and
 * benchmarks a paper is linked to stay out of its text: two papers whose only text they are would be
 * taken for one paper seen twice, and shared topics would read as "similar titles" (the shared
 * neighbours already count them).
 */
export const DEFAULT_RANKING_TEXT_OPTIONS: Partial<TextIndexOptions> = {
  k1: 2,
  b: 0.25,
  titleWeight: 2,
  chineseWeight: 2,
  latinInChinese: true,
};

/**
 * Ten results, `DEFAULT_RELATED_WEIGHTS`, text similarity below 0.05 ignored (chosen with them),
 * closeness in time falling to 1/e over a year (365 days).
 */
export const DEFAULT_RELATED_OPTIONS: RelatedOptions = {
  k: 10,
  weights: DEFAULT_RELATED_WEIGHTS,
  minTextSimilarity: 0.05,
  timeScale: 365,
};

/** Merge `partial` over the defaults (weights key by key) and check it. Throws RangeError. */
export function resolveRelatedOptions(partial: Partial<RelatedOptions> = {}): RelatedOptions {
  const options: RelatedOptions = {
    ...DEFAULT_RELATED_OPTIONS,
    ...partial,
    weights: { ...DEFAULT_RELATED_WEIGHTS, ...partial.weights },
  };
  if (!Number.isInteger(options.k) || options.k < 1)
    throw new RangeError(`related: k must be a positive integer, got ${options.k}`);
  for (const signal of RELATED_SIGNALS) {
    const weight = options.weights[signal];
    if (!Number.isFinite(weight) || weight < 0)
      throw new RangeError(`related: weight of ${signal} must be a number ≥ 0, got ${weight}`);
  }
  if (!Number.isFinite(options.minTextSimilarity) || options.minTextSimilarity < 0)
    throw new RangeError(
      `related: minTextSimilarity must be a number ≥ 0, got ${options.minTextSimilarity}`,
    );
  if (!Number.isFinite(options.timeScale) || options.timeScale <= 0)
    throw new RangeError(`related: timeScale must be a number > 0, got ${options.timeScale}`);
  return options;
}

/**
 * A candidate whose title and abstract are this similar to the query's is the same paper seen twice
 * (two records the resolver could not merge, such as an untitled abstract), not another one to read.
 */
export const DUPLICATE_TEXT_SIMILARITY = 0.9;

const isPaperLike = (attributes: NodeAttributes) =>
  attributes.kind === "paper" || attributes.kind === "survey";

/** Everything a ranking needs, precomputed once per graph by `createRelatedIndex`. */
export interface RelatedIndex {
  graph: LitGraph;
  /** Paper and survey keys, sorted; a paper's position is its index here. */
  papers: string[];
  positions: Map<string, number>;
  labels: string[];
  hasAbstract: Uint8Array;
  communities: Int32Array;
  /** Publication day of each paper, for closeness in time. */
  published: PublicationDays;
  explicit: ExplicitIndex;
  neighbours: NeighbourIndex;
  coListing: CoListingIndex;
  text: TextIndex;
  /** Latent semantic vectors of the papers' English text. */
  latent: LatentVectors;
  titles: TitleIndex;
}

/**
 * Precompute the ranking's indexes of `graph`: explicit links, topic and benchmark rarity, listings,
 * publication days, the BM25 inverted index of titles and abstracts (`textOptions` over
 * `DEFAULT_RANKING_TEXT_OPTIONS`), the latent vectors of its English space (`latentOptions` over
 * `DEFAULT_LATENT_OPTIONS`), and the title index of query resolution. Done
 * once per graph (a few seconds for 10,000 papers with abstracts in two languages); queries then take
 * milliseconds. The graph must not change while the index is in use.
 */
export function createRelatedIndex(
  graph: LitGraph,
  textOptions: Partial<TextIndexOptions> = {},
  latentOptions: Partial<LatentOptions> = {},
): RelatedIndex {
  const papers: string[] = [];
  graph.forEachNode((key, attributes) => {
    if (isPaperLike(attributes)) papers.push(key);
  });
  papers.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const positions = new Map(papers.map((key, i) => [key, i]));
  const attributes = papers.map((key) => graph.getNodeAttributes(key));
  const text = createTextIndex(textFields(graph, papers, attributes), {
    ...DEFAULT_RANKING_TEXT_OPTIONS,
    ...textOptions,
  });
  return {
    graph,
    papers,
    positions,
    labels: attributes.map((a) => a.label),
    hasAbstract: Uint8Array.from(attributes, (a) => (a.abstract || a.abstractZh ? 1 : 0)),
    communities: Int32Array.from(attributes, (a) =>
      Number.isInteger(a.community) ? a.community : -1,
    ),
    published: createPublicationDays(attributes),
    explicit: createExplicitIndex(graph, positions),
    neighbours: createNeighbourIndex(graph, positions),
    coListing: createCoListingIndex(graph, positions),
    text,
    latent: createLatentVectors(text, latentOptions),
    titles: createTitleIndex(graph),
  };
}

/** Titles and abstracts of `papers`, with the names of the topics and benchmarks each is linked to. */
export function textFields(
  graph: LitGraph,
  papers: readonly string[],
  attributes: readonly NodeAttributes[],
): TextFields[] {
  return papers.map((key, i) => {
    const names: string[] = [];
    graph.forEachEdge(key, (_edge, edge, source, target) => {
      if (edge.kind !== "covers" && edge.kind !== "evaluates" && edge.kind !== "introduces") return;
      names.push(graph.getNodeAttribute(source === key ? target : source, "label"));
    });
    const { title, titleZh, abstract, abstractZh } = attributes[i] as NodeAttributes;
    return { title, titleZh, abstract, abstractZh, keyTerms: names.sort().join("; ") };
  });
}

/** Raw signal values of every candidate of one paper, by paper position. */
interface RawSignals {
  candidates: number[];
  explicit: Float64Array;
  sharedNeighbours: Float64Array;
  coListed: Float64Array;
  text: Float64Array;
  crossLanguage: Uint8Array;
}

/** The signals of links (explicit, shared neighbours, co-listing) of paper `doc`, and who has any. */
function collectLinkSignals(
  index: RelatedIndex,
  doc: number,
  candidates: number[],
  seen: Uint8Array,
  buffers?: ScoringBuffers,
): Pick<RawSignals, "explicit" | "sharedNeighbours" | "coListed"> {
  const n = index.papers.length;
  const explicit = buffers?.explicit ?? new Float64Array(n);
  for (const link of index.explicit.links[doc] ?? []) {
    explicit[link.other] = link.value;
    if (seen[link.other] === 0) {
      seen[link.other] = 1;
      candidates.push(link.other);
    }
  }
  const sharedNeighbours = buffers?.sharedNeighbours ?? new Float64Array(n);
  accumulateSharedNeighbours(index.neighbours, doc, sharedNeighbours, candidates, seen);
  const coListed = buffers?.coListed ?? new Float64Array(n);
  accumulateCoListing(index.coListing, doc, coListed, candidates, seen);
  return { explicit, sharedNeighbours, coListed };
}

/** Every signal of every paper sharing anything with paper `doc`, text computed for all of them. */
function collectSignals(index: RelatedIndex, doc: number): RawSignals {
  const n = index.papers.length;
  const candidates: number[] = [];
  const seen = new Uint8Array(n);
  const { explicit, sharedNeighbours, coListed } = collectLinkSignals(index, doc, candidates, seen);
  const similarities = computeTextSimilarities(index.text, doc);
  for (const other of similarities.touched) {
    if (seen[other] === 0) {
      seen[other] = 1;
      candidates.push(other);
    }
  }
  return {
    candidates: candidates.filter(
      (other) =>
        other !== doc && (similarities.values[other] as number) < DUPLICATE_TEXT_SIMILARITY,
    ),
    explicit,
    sharedNeighbours,
    coListed,
    text: similarities.values,
    crossLanguage: similarities.crossLanguage,
  };
}

function rawOf(
  index: RelatedIndex,
  doc: number,
  raw: RawSignals,
  other: number,
  timeScale: number,
): SignalValues {
  const community = index.communities[doc] as number;
  return {
    explicit: raw.explicit[other] as number,
    sharedNeighbours: raw.sharedNeighbours[other] as number,
    coListed: raw.coListed[other] as number,
    text: raw.text[other] as number,
    latent: latentOf(index, doc, other),
    community: community >= 0 && index.communities[other] === community ? 1 : 0,
    time: timeCloseness(index.published, doc, other, timeScale),
  };
}

/** Latent similarity of papers `doc` and `other` as a signal: 0…1 (opposite themes count 0). */
const latentOf = (index: RelatedIndex, doc: number, other: number) =>
  Math.max(0, latentSimilarity(index.latent, doc, other));

/**
 * Weigh raw signal values into a score and its breakdown. Text similarity below `minTextSimilarity`
 * counts nothing; latent similarity, the community and closeness in time count only when another
 * signal already does, so that they order candidates but never make one.
 */
export function combineSignals(
  raw: SignalValues,
  options: Pick<RelatedOptions, "weights" | "minTextSimilarity">,
): { score: number; breakdown: SignalValues } {
  const { weights } = options;
  const breakdown: SignalValues = {
    explicit: weights.explicit * raw.explicit,
    sharedNeighbours: weights.sharedNeighbours * raw.sharedNeighbours,
    coListed: weights.coListed * raw.coListed,
    text: raw.text >= options.minTextSimilarity ? weights.text * raw.text : 0,
    latent: 0,
    community: 0,
    time: 0,
  };
  const evidence =
    breakdown.explicit + breakdown.sharedNeighbours + breakdown.coListed + breakdown.text;
  if (evidence > 0) {
    breakdown.latent = weights.latent * raw.latent;
    breakdown.community = weights.community * raw.community;
    breakdown.time = weights.time * raw.time;
  }
  return {
    score: evidence + breakdown.latent + breakdown.community + breakdown.time,
    breakdown,
  };
}

/** `combineSignals(…).score` without building objects, for the thousands of candidates of a query. */
function scoreCandidate(
  index: RelatedIndex,
  doc: number,
  links: Pick<RawSignals, "explicit" | "sharedNeighbours" | "coListed">,
  other: number,
  text: number,
  options: Pick<RelatedOptions, "weights" | "minTextSimilarity" | "timeScale">,
): number {
  const { weights } = options;
  const evidence =
    weights.explicit * (links.explicit[other] as number) +
    weights.sharedNeighbours * (links.sharedNeighbours[other] as number) +
    weights.coListed * (links.coListed[other] as number) +
    (text >= options.minTextSimilarity ? weights.text * text : 0);
  if (!(evidence > 0)) return evidence;
  const community = index.communities[doc] as number;
  return (
    evidence +
    weights.latent * latentOf(index, doc, other) +
    weights.community * (community >= 0 && index.communities[other] === community ? 1 : 0) +
    weights.time * timeCloseness(index.published, doc, other, options.timeScale)
  );
}

function positionOf(index: RelatedIndex, key: string): number {
  const position = index.positions.get(key);
  if (position === undefined) {
    throw new RangeError(
      index.graph.hasNode(key)
        ? `related: "${key}" is not a paper or survey`
        : `related: no node "${key}" in the graph. Did resolveQuery find it?`,
    );
  }
  return position;
}

/**
 * The raw (unweighted) signal values of every paper that shares anything with paper `key`: what
 * `rankRelated` weighs, for evaluations and weight searches (closeness in time at `timeScale` days,
 * default `DEFAULT_RELATED_OPTIONS.timeScale`). Throws RangeError for a key that is not a paper or
 * survey.
 */
export function computeRelatedSignals(
  index: RelatedIndex,
  key: string,
  timeScale = DEFAULT_RELATED_OPTIONS.timeScale,
): CandidateSignals[] {
  const doc = positionOf(index, key);
  const raw = collectSignals(index, doc);
  return raw.candidates.map((other) => ({
    key: index.papers[other] as string,
    raw: rawOf(index, doc, raw, other, timeScale),
  }));
}

/**
 * Scores of every candidate of one paper, by position. With `pending`, the candidates whose text
 * similarity may reach the floor have only an upper bound of their score until `settleScore` computes
 * it: the ranking computes only those that can still make the first k.
 */
interface Scored {
  doc: number;
  raw: RawSignals;
  scores: Float64Array;
  candidates: number[];
  /** By position: 1 while the candidate's score is an upper bound. */
  pending?: Uint8Array;
  /** The exact text similarity of a pending candidate. */
  similarity?: (other: number) => number;
  /** The arrays above, when taken from the index's free ones (`releaseScored` gives them back). */
  buffers?: ScoringBuffers;
}

/** The per-paper arrays of one pruned scoring: all 0 while free. */
interface ScoringBuffers {
  explicit: Float64Array;
  sharedNeighbours: Float64Array;
  coListed: Float64Array;
  text: Float64Array;
  crossLanguage: Uint8Array;
  scores: Float64Array;
  pending: Uint8Array;
  seen: Uint8Array;
}

/**
 * Free scoring arrays per index, so that a query allocates none: a dozen arrays as long as the
 * papers per query made the collector run every few queries (for the external memory they hold).
 */
const FREE_BUFFERS = new WeakMap<RelatedIndex, ScoringBuffers[]>();
/** How many free sets of arrays an index keeps (a set query takes one per paper). */
const MAX_FREE_BUFFERS = 4;

function takeBuffers(index: RelatedIndex): ScoringBuffers {
  const free = FREE_BUFFERS.get(index)?.pop();
  if (free) return free;
  const n = index.papers.length;
  return {
    explicit: new Float64Array(n),
    sharedNeighbours: new Float64Array(n),
    coListed: new Float64Array(n),
    text: new Float64Array(n),
    crossLanguage: new Uint8Array(n),
    scores: new Float64Array(n),
    pending: new Uint8Array(n),
    seen: new Uint8Array(n),
  };
}

/**
 * Give a scoring's arrays back to its index, zeroed where it wrote: at its link candidates and at
 * the candidates it scored, which are all the papers it wrote anything for.
 */
function releaseScored(index: RelatedIndex, scored: Scored): void {
  const { buffers } = scored;
  if (!buffers) return;
  for (const list of [scored.raw.candidates, scored.candidates]) {
    for (const other of list) {
      buffers.explicit[other] = 0;
      buffers.sharedNeighbours[other] = 0;
      buffers.coListed[other] = 0;
      buffers.text[other] = 0;
      buffers.crossLanguage[other] = 0;
      buffers.scores[other] = 0;
      buffers.pending[other] = 0;
      buffers.seen[other] = 0;
    }
  }
  const free = FREE_BUFFERS.get(index) ?? [];
  FREE_BUFFERS.set(index, free);
  if (free.length < MAX_FREE_BUFFERS) free.push(buffers);
}

/**
 * Score the candidates of paper `doc`. Text similarity below `minTextSimilarity` counts for nothing,
 * so with `prune` the text part is searched for the papers that can reach it only (`createTextQuery`);
 * those get an upper bound of their score (their text counted at its bound, below the duplicate
 * limit), the others their score, the same as without pruning since their text adds nothing to it.
 */
function scoreDocument(
  index: RelatedIndex,
  doc: number,
  options: RelatedOptions,
  prune: boolean,
): Scored {
  const text =
    prune && options.minTextSimilarity <= DUPLICATE_TEXT_SIMILARITY
      ? createTextQuery(index.text, doc, options.minTextSimilarity)
      : undefined;
  if (!text) return scoreExhaustively(index, doc, options);
  const buffers = takeBuffers(index);
  const candidates: number[] = [];
  const { seen, scores, pending } = buffers;
  const links = collectLinkSignals(index, doc, candidates, seen, buffers);
  const raw: RawSignals = {
    candidates,
    ...links,
    text: buffers.text,
    crossLanguage: buffers.crossLanguage,
  };
  const { explicit, sharedNeighbours, coListed } = links;
  const { weights } = options;
  const scored: number[] = [];
  const community = index.communities[doc] as number;
  const contextOf = (other: number) =>
    weights.latent * latentOf(index, doc, other) +
    weights.community * (community >= 0 && index.communities[other] === community ? 1 : 0) +
    weights.time * timeCloseness(index.published, doc, other, options.timeScale);
  text.candidates.forEach((other, i) => {
    const evidence =
      weights.explicit * (explicit[other] as number) +
      weights.sharedNeighbours * (sharedNeighbours[other] as number) +
      weights.coListed * (coListed[other] as number) +
      weights.text * Math.min(text.bounds[i] as number, DUPLICATE_TEXT_SIMILARITY);
    scores[other] = evidence + (evidence > 0 ? contextOf(other) : 0) + BOUND_SLACK;
    pending[other] = 1;
    scored.push(other);
  });
  for (const other of candidates) {
    if (other === doc || pending[other] === 1) continue;
    // Its text is below the floor: it adds nothing, whatever it is, and it is no duplicate.
    const score = scoreCandidate(index, doc, links, other, 0, options);
    if (score > 0) {
      scores[other] = score;
      scored.push(other);
    }
  }
  return { doc, raw, scores, candidates: scored, pending, similarity: text.similarity, buffers };
}

/** The exact score of candidate `other` of `scored`, computing its text similarity if pending. */
function settleScore(
  index: RelatedIndex,
  scored: Scored,
  other: number,
  options: RelatedOptions,
): number {
  const { pending, similarity } = scored;
  if (!pending || pending[other] === 0 || !similarity) return scored.scores[other] as number;
  pending[other] = 0;
  const text = similarity(other);
  scored.raw.text[other] = text;
  const { doc, raw } = scored;
  const score =
    text < DUPLICATE_TEXT_SIMILARITY ? scoreCandidate(index, doc, raw, other, text, options) : 0;
  scored.scores[other] = score > 0 ? score : 0;
  return scored.scores[other] as number;
}

/** Every candidate's exact score, the text similarity of every paper computed. */
function scoreExhaustively(index: RelatedIndex, doc: number, options: RelatedOptions): Scored {
  const raw = collectSignals(index, doc);
  const scores = new Float64Array(index.papers.length);
  const candidates: number[] = [];
  for (const other of raw.candidates) {
    const score = scoreCandidate(index, doc, raw, other, raw.text[other] as number, options);
    if (score > 0) {
      scores[other] = score;
      candidates.push(other);
    }
  }
  return { doc, raw, scores, candidates };
}

/**
 * The `k` best candidates by score, ties by key (positions follow key order). A `pending` candidate's
 * score is an upper bound until `settle` makes it exact (0: not a candidate after all); pending ones
 * are settled best bound first, until a bound falls below the k-th exact score (MaxScore's stop).
 * `settle` is told that k-th score (0 before there are k), and may give up with 0 on a candidate
 * whose bound falls below it on the way.
 */
function selectTop(
  candidates: readonly number[],
  scores: Float64Array,
  k: number,
  pending?: Uint8Array,
  settle?: (other: number, least: number) => number,
): number[] {
  const top: number[] = [];
  const better = (a: number, b: number) =>
    (scores[a] as number) > (scores[b] as number) ||
    ((scores[a] as number) === (scores[b] as number) && a < b);
  const offer = (candidate: number) => {
    if (top.length === k && !better(candidate, top[k - 1] as number)) return;
    let at = top.length;
    while (at > 0 && better(candidate, top[at - 1] as number)) at -= 1;
    top.splice(at, 0, candidate);
    if (top.length > k) top.pop();
  };
  if (!pending || !settle) {
    for (const candidate of candidates) offer(candidate);
    return top;
  }
  const open: number[] = [];
  for (const candidate of candidates) {
    if (pending[candidate] === 1) open.push(candidate);
    else offer(candidate);
  }
  open.sort((a, b) => (scores[b] as number) - (scores[a] as number));
  for (const candidate of open) {
    const least = top.length === k ? (scores[top[k - 1] as number] as number) : 0;
    // Bounds are sorted: none of the rest can beat the k-th.
    if ((scores[candidate] as number) < least) break;
    if (settle(candidate, least) > 0) offer(candidate);
  }
  return top;
}

const round = (value: number, digits: number) => {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
};

/**
 * Latent similarity from which it is given as a reason: on the real development set, one candidate
 * in nine is this alike to its query, and seven in ten of the papers a curator filed with it.
 */
const LATENT_REASON_SIMILARITY = 0.5;

/** Closeness in time from which it is given as a reason: within ln 2 ≈ 0.69 time scales (8 months). */
const TIME_REASON_CLOSENESS = 0.5;

/** The reasons one pair of papers is related, each with its weighted contribution. */
function explainPair(
  index: RelatedIndex,
  doc: number,
  other: number,
  raw: RawSignals,
  breakdown: SignalValues,
  options: RelatedOptions,
): WeightedReason[] {
  const { weights } = options;
  const reasons: WeightedReason[] = [];
  if (breakdown.explicit > 0) {
    const link = index.explicit.links[doc]?.find((l) => l.other === other);
    if (link) reasons.push(...describeExplicit(link, breakdown.explicit));
  }
  if (breakdown.sharedNeighbours > 0)
    reasons.push(
      ...describeNeighbours(
        describeSharedNeighbours(index.neighbours, doc, other),
        weights.sharedNeighbours,
      ),
    );
  if (breakdown.coListed > 0)
    reasons.push(
      ...describeListings(describeCoListing(index.coListing, doc, other), weights.coListed),
    );
  if (breakdown.text > 0)
    reasons.push(
      describeText(
        raw.text[other] as number,
        index.hasAbstract[doc] === 1 && index.hasAbstract[other] === 1,
        raw.crossLanguage[other] === 1,
        breakdown.text,
      ),
    );
  if (breakdown.latent > 0 && latentOf(index, doc, other) >= LATENT_REASON_SIMILARITY)
    reasons.push(describeLatent(latentOf(index, doc, other), breakdown.latent));
  if (breakdown.community > 0) {
    const community = index.communities[doc] as number;
    const label = index.graph.getAttribute("communities")?.[String(community)]?.label;
    reasons.push(describeCommunity(label, breakdown.community));
  }
  // Closeness counts in the score however small; as a reason, only when the two came out near
  // enough for it to say something ("published 4 years apart" is no reason to read a paper).
  if (timeCloseness(index.published, doc, other, options.timeScale) >= TIME_REASON_CLOSENESS) {
    const apart = describeApart(index.published, doc, other);
    if (apart) reasons.push(describeTime(apart, breakdown.time));
  }
  return reasons;
}

function roundBreakdown(breakdown: SignalValues): SignalValues {
  const rounded = { ...breakdown };
  for (const signal of RELATED_SIGNALS) rounded[signal] = round(breakdown[signal], 4);
  return rounded;
}

/**
 * Rank the papers related to the node `key`, best first, at most `k` (default 10). For a paper or
 * survey, every signal counts (see `RelatedSignal`); for a topic, benchmark or collection, the papers
 * linked to it come back, those that introduce a benchmark or cover a topic's subtopic included.
 * Every result has at least one reason. Throws RangeError for an unknown key or bad options.
 */
export function rankRelated(
  index: RelatedIndex,
  key: string,
  partial: Partial<RelatedOptions> = {},
): RelatedResult[] {
  return rankPaper(index, key, partial, true);
}

/**
 * `rankRelated` with the text similarity of every paper computed, none pruned: the same answer,
 * slower; the reference the pruned ranking is tested against.
 */
export function rankRelatedExhaustively(
  index: RelatedIndex,
  key: string,
  partial: Partial<RelatedOptions> = {},
): RelatedResult[] {
  return rankPaper(index, key, partial, false);
}

function rankPaper(
  index: RelatedIndex,
  key: string,
  partial: Partial<RelatedOptions>,
  prune: boolean,
): RelatedResult[] {
  const options = resolveRelatedOptions(partial);
  if (!index.positions.has(key)) return rankAroundNode(index, key, options);
  const doc = positionOf(index, key);
  const scored = scoreDocument(index, doc, options, prune);
  const top = selectTop(scored.candidates, scored.scores, options.k, scored.pending, (other) =>
    settleScore(index, scored, other, options),
  );
  const results = top.map((other) => {
    const { score, breakdown } = combineSignals(
      rawOf(index, doc, scored.raw, other, options.timeScale),
      options,
    );
    return {
      key: index.papers[other] as string,
      label: index.labels[other] as string,
      score: round(score, 3),
      reasons: orderReasons(explainPair(index, doc, other, scored.raw, breakdown, options)),
      breakdown: roundBreakdown(breakdown),
    };
  });
  releaseScored(index, scored);
  return results;
}

/** A result of `rankRelatedToSet`: which of the inputs it is related to, strongest first. */
export interface SetRelatedResult extends RelatedResult {
  relatedTo: string[];
}

/** How a reason names the input paper it is about in a set query: its label, cut at this length. */
const INPUT_LABEL_LENGTH = 48;

const shorten = (label: string) =>
  label.length <= INPUT_LABEL_LENGTH
    ? label
    : `${label.slice(0, INPUT_LABEL_LENGTH - 1).trimEnd()}…`;

/**
 * "More like these": rank the papers related to all of `keys` (papers or surveys) together. Each
 * candidate's score is the sum of its scores against each input (CombSUM, Fox & Shaw 1994), so a paper
 * related to several inputs rises; the inputs themselves never come back. Reasons name the input they
 * are about (`with “Med-PaLM…”: both evaluate on MedQA`). Throws RangeError for an unknown key.
 */
export function rankRelatedToSet(
  index: RelatedIndex,
  keys: readonly string[],
  partial: Partial<RelatedOptions> = {},
): SetRelatedResult[] {
  return rankSet(index, keys, partial, true);
}

/** `rankRelatedToSet` with no text similarity pruned: the reference of the pruned ranking. */
export function rankRelatedToSetExhaustively(
  index: RelatedIndex,
  keys: readonly string[],
  partial: Partial<RelatedOptions> = {},
): SetRelatedResult[] {
  return rankSet(index, keys, partial, false);
}

function rankSet(
  index: RelatedIndex,
  keys: readonly string[],
  partial: Partial<RelatedOptions>,
  prune: boolean,
): SetRelatedResult[] {
  const options = resolveRelatedOptions(partial);
  const inputs = [...new Set(keys)].map((key) => positionOf(index, key));
  const n = index.papers.length;
  const total = new Float64Array(n);
  const perInput = inputs.map((doc) => scoreDocument(index, doc, options, prune));
  const excluded = new Set(inputs);
  const candidates: number[] = [];
  const seen = new Uint8Array(n);
  // A candidate pending against any input has a bound of its total (the sum of bounds and scores).
  const pending = new Uint8Array(n);
  for (const scored of perInput) {
    for (const other of scored.candidates) {
      if (excluded.has(other)) continue;
      total[other] = (total[other] as number) + (scored.scores[other] as number);
      if (scored.pending?.[other] === 1) pending[other] = 1;
      if (seen[other] === 0) {
        seen[other] = 1;
        candidates.push(other);
      }
    }
  }
  // Its total, as above: the inputs' scores added in order (0 from an input it is no candidate of).
  // The widest bound is made exact first, and the candidate given up once its bound is below `least`.
  const settle = (other: number, least: number) => {
    for (;;) {
      let bound = 0;
      let widest: Scored | undefined;
      for (const scored of perInput) {
        const score = scored.scores[other] as number;
        bound += score;
        if (scored.pending?.[other] === 1 && (!widest || score > (widest.scores[other] as number)))
          widest = scored;
      }
      if (!widest) break;
      if (bound < least) return 0;
      settleScore(index, widest, other, options);
    }
    let sum = 0;
    for (const scored of perInput) sum += settleScore(index, scored, other, options);
    pending[other] = 0;
    total[other] = sum;
    return sum;
  };
  const results = selectTop(candidates, total, options.k, pending, settle).map((other) => {
    const breakdown = zeroSignals();
    const reasons: WeightedReason[] = [];
    const contributions: Array<[number, number]> = [];
    perInput.forEach((scored, i) => {
      const doc = inputs[i] as number;
      if ((scored.scores[other] as number) <= 0) return;
      const combined = combineSignals(
        rawOf(index, doc, scored.raw, other, options.timeScale),
        options,
      );
      for (const signal of RELATED_SIGNALS) breakdown[signal] += combined.breakdown[signal];
      contributions.push([doc, combined.score]);
      const prefix = inputs.length > 1 ? `with “${shorten(index.labels[doc] as string)}”: ` : "";
      for (const reason of explainPair(index, doc, other, scored.raw, combined.breakdown, options))
        reasons.push({ weight: reason.weight, text: `${prefix}${reason.text}` });
    });
    contributions.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    return {
      key: index.papers[other] as string,
      label: index.labels[other] as string,
      score: round(total[other] as number, 3),
      reasons: orderReasons(reasons),
      breakdown: roundBreakdown(breakdown),
      relatedTo: contributions.map(([doc]) => index.papers[doc] as string),
    };
  });
  for (const scored of perInput) releaseScored(index, scored);
  return results;
}

/** How much a paper's link to a topic, benchmark or collection counts when that node is the query. */
const LINK_STRENGTH: Partial<Record<string, number>> = {
  introduces: 2,
  evaluates: 1,
  covers: 1,
  lists: 1,
  companion: 1.5,
};
/** Papers of a subtopic count this share of the topic's own. */
const SUBTOPIC_SHARE = 0.5;

/**
 * For a query that is not a paper (a topic, a benchmark, a collection): the papers linked to it, the
 * strongest links first (introducing a benchmark before evaluating on it), then the papers of its
 * subtopics; ties go to the bigger (more central) node.
 */
function rankAroundNode(
  index: RelatedIndex,
  key: string,
  options: RelatedOptions,
): RelatedResult[] {
  const { graph } = index;
  if (!graph.hasNode(key))
    throw new RangeError(`related: no node "${key}" in the graph. Did resolveQuery find it?`);
  // Per paper, per node it is linked to: the strongest link only (introduces, not also evaluates).
  const found = new Map<number, Map<string, WeightedReason>>();
  const label = graph.getNodeAttribute(key, "label");
  const visit = (node: string, share: number, via: string) => {
    graph.forEachEdge(node, (_edge, attributes, source, target) => {
      const other = source === node ? target : source;
      const position = index.positions.get(other);
      const strength = LINK_STRENGTH[attributes.kind];
      if (position === undefined || strength === undefined) return;
      const links = found.get(position) ?? new Map<string, WeightedReason>();
      found.set(position, links);
      const weight = strength * share;
      if ((links.get(node)?.weight ?? 0) >= weight) return;
      const text =
        attributes.kind === "introduces"
          ? `introduces ${via}`
          : attributes.kind === "evaluates"
            ? `evaluates on ${via}`
            : attributes.kind === "covers"
              ? `covers ${via}`
              : attributes.kind === "companion"
                ? `the survey that goes with ${via}`
                : attributes.sections && attributes.sections.length > 0
                  ? `listed under ${attributes.sections.join("; ")} in ${via}`
                  : `listed in ${via}`;
      links.set(node, { weight, text });
    });
  };
  visit(key, 1, label);
  if (graph.getNodeAttribute(key, "kind") === "topic") {
    graph.forEachEdge(key, (_edge, attributes, source, target) => {
      // Subtopics point to their parent with `broader`.
      if (attributes.kind === "broader" && target === key)
        visit(source, SUBTOPIC_SHARE, graph.getNodeAttribute(source, "label"));
    });
  }
  const sizeOf = (position: number) =>
    graph.getNodeAttribute(index.papers[position] as string, "size") ?? 0;
  const signal =
    graph.getNodeAttribute(key, "kind") === "collection" ? "coListed" : "sharedNeighbours";
  return [...found]
    .map(([position, links]) => {
      const reasons = [...links.values()];
      return { position, reasons, strength: reasons.reduce((sum, r) => sum + r.weight, 0) };
    })
    .sort(
      (a, b) =>
        b.strength - a.strength ||
        sizeOf(b.position) - sizeOf(a.position) ||
        a.position - b.position,
    )
    .slice(0, options.k)
    .map(({ position, reasons, strength }) => ({
      key: index.papers[position] as string,
      label: index.labels[position] as string,
      score: round(strength, 3),
      reasons: orderReasons(reasons),
      breakdown: { ...zeroSignals(), [signal]: round(strength, 4) },
    }));
}

/**
 * Each signal's share of a score: its weighted contribution over the sum of them all (the shares of
 * a score above 0 add up to 1; a score of 0 has none).
 */
export function signalShares(breakdown: SignalValues): SignalValues {
  let total = 0;
  for (const signal of RELATED_SIGNALS) total += Math.max(0, breakdown[signal]);
  const shares = zeroSignals();
  if (total <= 0) return shares;
  for (const signal of RELATED_SIGNALS) shares[signal] = Math.max(0, breakdown[signal]) / total;
  return shares;
}

/**
 * Shares as whole percents that add up to exactly 100 (largest remainder: each share is rounded
 * down, and the percents left go to the largest remainders, ties in signal order).
 */
export function sharePercents(shares: SignalValues): SignalValues {
  const percents = zeroSignals();
  const active = RELATED_SIGNALS.filter((signal) => shares[signal] > 0);
  if (active.length === 0) return percents;
  let given = 0;
  for (const signal of active) {
    percents[signal] = Math.floor(shares[signal] * 100);
    given += percents[signal];
  }
  const byRemainder = [...active].sort(
    (a, b) =>
      shares[b] * 100 -
      Math.floor(shares[b] * 100) -
      (shares[a] * 100 - Math.floor(shares[a] * 100)),
  );
  for (let i = 0; given < 100; i = (i + 1) % byRemainder.length) {
    percents[byRemainder[i] as (typeof active)[number]] += 1;
    given += 1;
  }
  return percents;
}
