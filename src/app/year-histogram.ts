// The papers per year behind the timeline: a contiguous histogram from the first to the last year,
// and the steps of "play", which grows the shown range one year at a time.
import type { LitGraph } from "../graph/types.ts";
import { isPaperLike } from "./visibility.ts";

export interface YearHistogram {
  /** First and last year with a paper; both undefined when no paper is dated. */
  first: number | undefined;
  last: number | undefined;
  /** One bin per year from `first` to `last`, empty years included. */
  bins: { year: number; count: number }[];
  /** Papers and surveys without a year. */
  undated: number;
}

/** Count papers and surveys per publication year. */
export function computeYearHistogram(graph: LitGraph): YearHistogram {
  const counts = new Map<number, number>();
  let undated = 0;
  graph.forEachNode((_node, attributes) => {
    if (!isPaperLike(attributes)) return;
    const year = attributes.year;
    if (typeof year === "number" && Number.isInteger(year)) {
      counts.set(year, (counts.get(year) ?? 0) + 1);
    } else {
      undated += 1;
    }
  });
  if (counts.size === 0) return { first: undefined, last: undefined, bins: [], undated };
  const years = [...counts.keys()];
  const first = Math.min(...years);
  const last = Math.max(...years);
  const bins: { year: number; count: number }[] = [];
  for (let year = first; year <= last; year += 1) bins.push({ year, count: counts.get(year) ?? 0 });
  return { first, last, bins, undated };
}

/**
 * The next range while playing (which starts from `[first, first]`): the end grows by one year.
 * Returns undefined once the end reached `last` (playing stops there).
 */
export function stepPlayRange(
  current: [number, number] | null,
  last: number,
): [number, number] | undefined {
  if (current === null || current[1] >= last) return undefined;
  return [current[0], Math.min(last, current[1] + 1)];
}

/** Clamp a range to `[first, last]` and order its ends; null when it covers every year. */
export function normalizeYearRange(
  range: [number, number],
  first: number,
  last: number,
): [number, number] | null {
  const low = Math.max(first, Math.min(range[0], range[1]));
  const high = Math.min(last, Math.max(range[0], range[1]));
  if (low <= first && high >= last) return null;
  return [low, high];
}
