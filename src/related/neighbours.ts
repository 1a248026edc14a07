// Shared topics and benchmarks, weighted by rarity: the Adamic–Adar index (Adamic & Adar 2003), where a
// shared neighbour z counts 1 / ln(papers linked to z). A shared parent topic is not counted again when a
// shared child topic already implies it (the taxonomy's `broader` edges).
import type { LitGraph } from "../graph/types.ts";

/** How a paper is linked to a topic or benchmark; higher codes are stronger links. */
export type NeighbourRelation = "covers" | "evaluates" | "introduces";

const RELATION_CODES: Record<NeighbourRelation, number> = {
  covers: 0,
  evaluates: 1,
  introduces: 2,
};
const RELATIONS: readonly NeighbourRelation[] = ["covers", "evaluates", "introduces"];

/**
 * A benchmark one paper introduces and the other evaluates on counts this many times its rarity:
 * the second paper builds on the first.
 */
export const INTRODUCER_BOOST = 1.5;

/** A topic or benchmark node and what is precomputed about it. */
export interface Feature {
  key: string;
  label: string;
  kind: "topic" | "benchmark";
  /** Adamic–Adar weight: 1 / ln(max(2, papers linked to it)). */
  weight: number;
  /** Positions of the topics above it in the taxonomy, transitively. */
  ancestors: number[];
  /** The papers linked to it (positions, ascending), and how (relation codes). */
  papers: Int32Array;
  relations: Uint8Array;
}

/** Topics and benchmarks of every paper, and the papers of every topic and benchmark. */
export interface NeighbourIndex {
  features: Feature[];
  /** By paper position: the features it is linked to, and how (relation codes). */
  paperFeatures: Int32Array[];
  paperRelations: Uint8Array[];
}

/** A topic or benchmark two papers share, for reasons. */
export interface SharedNeighbour {
  key: string;
  label: string;
  kind: "topic" | "benchmark";
  /** How the query paper and the other paper are linked to it. */
  mine: NeighbourRelation;
  theirs: NeighbourRelation;
  /** Its contribution to the raw score. */
  weight: number;
}

/**
 * Precompute the topics and benchmarks of the papers at the positions `paperPosition` gives.
 * Edges other than `covers`, `evaluates` and `introduces` are ignored.
 */
export function createNeighbourIndex(
  graph: LitGraph,
  paperPosition: ReadonlyMap<string, number>,
): NeighbourIndex {
  const featurePosition = new Map<string, number>();
  const features: Feature[] = [];
  const links: Array<Map<number, number>> = [];
  graph.forEachNode((key, attributes) => {
    if (attributes.kind !== "topic" && attributes.kind !== "benchmark") return;
    featurePosition.set(key, features.length);
    features.push({
      key,
      label: attributes.label,
      kind: attributes.kind,
      weight: 0,
      ancestors: [],
      papers: new Int32Array(0),
      relations: new Uint8Array(0),
    });
    links.push(new Map());
  });
  const paperLinks: Array<Map<number, number>> = Array.from(paperPosition, () => new Map());
  const parents = new Map<number, Set<number>>();
  graph.forEachEdge((_edge, attributes, source, target) => {
    if (attributes.kind === "broader") {
      // `broader` joins a topic to its parent; the build adds it as child → parent.
      const child = featurePosition.get(source);
      const parent = featurePosition.get(target);
      if (child === undefined || parent === undefined) return;
      const set = parents.get(child) ?? new Set<number>();
      set.add(parent);
      parents.set(child, set);
      return;
    }
    if (
      attributes.kind !== "covers" &&
      attributes.kind !== "evaluates" &&
      attributes.kind !== "introduces"
    )
      return;
    const code = RELATION_CODES[attributes.kind];
    let paper = paperPosition.get(source);
    let feature = featurePosition.get(target);
    if (paper === undefined || feature === undefined) {
      paper = paperPosition.get(target);
      feature = featurePosition.get(source);
    }
    if (paper === undefined || feature === undefined) return;
    const byFeature = links[feature] as Map<number, number>;
    byFeature.set(paper, Math.max(byFeature.get(paper) ?? 0, code));
    const byPaper = paperLinks[paper] as Map<number, number>;
    byPaper.set(feature, Math.max(byPaper.get(feature) ?? 0, code));
  });
  features.forEach((feature, position) => {
    const papers = links[position] as Map<number, number>;
    const sorted = [...papers].sort((a, b) => a[0] - b[0]);
    feature.papers = Int32Array.from(sorted, ([paper]) => paper);
    feature.relations = Uint8Array.from(sorted, ([, code]) => code);
    feature.weight = 1 / Math.log(Math.max(2, papers.size));
    feature.ancestors = collectAncestors(position, parents);
  });
  const paperFeatures: Int32Array[] = [];
  const paperRelations: Uint8Array[] = [];
  for (const byPaper of paperLinks) {
    const sorted = [...byPaper].sort((a, b) => a[0] - b[0]);
    paperFeatures.push(Int32Array.from(sorted, ([feature]) => feature));
    paperRelations.push(Uint8Array.from(sorted, ([, code]) => code));
  }
  return { features, paperFeatures, paperRelations };
}

function collectAncestors(start: number, parents: ReadonlyMap<number, Set<number>>): number[] {
  const found = new Set<number>();
  const stack = [...(parents.get(start) ?? [])];
  while (stack.length > 0) {
    const next = stack.pop() as number;
    if (next === start || found.has(next)) continue;
    found.add(next);
    for (const parent of parents.get(next) ?? []) stack.push(parent);
  }
  return [...found].sort((a, b) => a - b);
}

/** The pair weight of a shared feature: its rarity, boosted when one paper introduces what the other uses. */
function pairWeight(feature: Feature, mine: number, theirs: number): number {
  const introducerAndUser =
    (mine === RELATION_CODES.introduces && theirs === RELATION_CODES.evaluates) ||
    (mine === RELATION_CODES.evaluates && theirs === RELATION_CODES.introduces);
  return feature.weight * (introducerAndUser ? INTRODUCER_BOOST : 1);
}

/**
 * Add the Adamic–Adar score of paper `doc` with every paper sharing a topic or benchmark into `into`
 * (by paper position), recording first-touched papers in `touched`. A topic both papers share counts
 * only when no topic below it is shared too.
 */
export function accumulateSharedNeighbours(
  index: NeighbourIndex,
  doc: number,
  into: Float64Array,
  touched: number[],
  seen: Uint8Array,
): void {
  const mine = index.paperFeatures[doc] as Int32Array;
  const myRelations = index.paperRelations[doc] as Uint8Array;
  // The parents among my features that some other feature of mine implies.
  const implied = new Map<number, number[]>();
  for (const position of mine) {
    for (const ancestor of (index.features[position] as Feature).ancestors) {
      if (!mine.includes(ancestor)) continue;
      const children = implied.get(ancestor) ?? [];
      children.push(position);
      implied.set(ancestor, children);
    }
  }
  const mark = implied.size > 0 ? new Uint8Array(into.length) : undefined;
  mine.forEach((position, i) => {
    const feature = index.features[position] as Feature;
    const myRelation = myRelations[i] as number;
    const children = implied.get(position);
    if (children && mark) {
      mark.fill(0);
      for (const child of children)
        for (const paper of (index.features[child] as Feature).papers) mark[paper] = 1;
    }
    const { papers, relations } = feature;
    for (let j = 0; j < papers.length; j += 1) {
      const paper = papers[j] as number;
      if (paper === doc || (children && mark && mark[paper] === 1)) continue;
      into[paper] =
        (into[paper] as number) + pairWeight(feature, myRelation, relations[j] as number);
      if (seen[paper] === 0) {
        seen[paper] = 1;
        touched.push(paper);
      }
    }
  });
}

/**
 * The topics and benchmarks papers `a` and `b` share, with the same rule as
 * `accumulateSharedNeighbours` (a parent implied by a shared child is left out), rarest first.
 */
export function describeSharedNeighbours(
  index: NeighbourIndex,
  a: number,
  b: number,
): SharedNeighbour[] {
  const theirs = new Map<number, number>();
  const bFeatures = index.paperFeatures[b] as Int32Array;
  const bRelations = index.paperRelations[b] as Uint8Array;
  bFeatures.forEach((position, i) => {
    theirs.set(position, bRelations[i] as number);
  });
  const shared: Array<[number, number, number]> = [];
  const aRelations = index.paperRelations[a] as Uint8Array;
  (index.paperFeatures[a] as Int32Array).forEach((position, i) => {
    const other = theirs.get(position);
    if (other !== undefined) shared.push([position, aRelations[i] as number, other]);
  });
  const sharedPositions = new Set(shared.map(([position]) => position));
  const impliedParents = new Set<number>();
  for (const position of sharedPositions)
    for (const ancestor of (index.features[position] as Feature).ancestors)
      impliedParents.add(ancestor);
  return shared
    .filter(([position]) => !impliedParents.has(position))
    .map(([position, mine, other]) => {
      const feature = index.features[position] as Feature;
      return {
        key: feature.key,
        label: feature.label,
        kind: feature.kind,
        mine: RELATIONS[mine] ?? "covers",
        theirs: RELATIONS[other] ?? "covers",
        weight: pairWeight(feature, mine, other),
      };
    })
    .sort((x, y) => y.weight - x.weight || (x.label < y.label ? -1 : x.label > y.label ? 1 : 0));
}
