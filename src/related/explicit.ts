// Explicit links: a source page lists the other paper as related (a `related` edge, with the pages in
// its evidence and the listing's relevance score), or a survey lists the other paper (`lists`).
import type { LitGraph } from "../graph/types.ts";

/**
 * A listing score (0…100 on the sites seen so far) adds up to this share of a page's count: a
 * top-scored entry counts 1.5 pages, an entry without a score 1.
 */
export const LISTING_SCORE_SHARE = 0.5;

/** One explicit link of a paper. */
export interface ExplicitLink {
  other: number;
  /** Documents whose `related` lists join the two papers. */
  pages: string[];
  /** The relevance score a listing gave, when one did. */
  score?: number;
  /** Set when one paper `lists` the other: which side is the lister. */
  lister?: "mine" | "theirs";
  /** Raw signal value: pages × (1 + share × score / 100), plus 1 for a survey's listing. */
  value: number;
}

/** By paper position: its explicit links. */
export interface ExplicitIndex {
  links: ExplicitLink[][];
}

/** The raw explicit value of a `related` edge seen on `pages` pages with an optional listing score. */
export function scoreExplicit(pages: number, score: number | undefined): number {
  const bonus =
    score === undefined || !Number.isFinite(score)
      ? 0
      : LISTING_SCORE_SHARE * Math.min(1, Math.max(0, score / 100));
  return pages * (1 + bonus);
}

/** Precompute the explicit links between the papers at the positions `paperPosition` gives. */
export function createExplicitIndex(
  graph: LitGraph,
  paperPosition: ReadonlyMap<string, number>,
): ExplicitIndex {
  const byPaper: Array<Map<number, ExplicitLink>> = Array.from(paperPosition, () => new Map());
  const linkOf = (from: number, to: number) => {
    const map = byPaper[from] as Map<number, ExplicitLink>;
    let link = map.get(to);
    if (!link) {
      link = { other: to, pages: [], value: 0 };
      map.set(to, link);
    }
    return link;
  };
  graph.forEachEdge((_edge, attributes, source, target) => {
    if (attributes.kind !== "related" && attributes.kind !== "lists") return;
    const a = paperPosition.get(source);
    const b = paperPosition.get(target);
    if (a === undefined || b === undefined || a === b) return;
    if (attributes.kind === "related") {
      const pages = [...new Set(attributes.evidence.map((e) => e.source))].sort();
      for (const [from, to] of [
        [a, b],
        [b, a],
      ] as const) {
        const link = linkOf(from, to);
        link.pages = [...new Set([...link.pages, ...pages])].sort();
        if (attributes.score !== undefined)
          link.score = Math.max(link.score ?? 0, attributes.score);
        link.value =
          scoreExplicit(Math.max(1, link.pages.length), link.score) + (link.lister ? 1 : 0);
      }
    } else {
      // The build adds `lists` edges from the lister to the listed paper.
      const forward = linkOf(a, b);
      const backward = linkOf(b, a);
      forward.lister = "mine";
      backward.lister = "theirs";
      for (const link of [forward, backward])
        link.value = (link.pages.length > 0 ? scoreExplicit(link.pages.length, link.score) : 0) + 1;
    }
  });
  return {
    links: byPaper.map((map) => [...map.values()].sort((x, y) => x.other - y.other)),
  };
}
