// Ranking quality measures for the evaluation of related papers: recall at k, reciprocal rank and
// nDCG at k (Järvelin & Kekäläinen 2002) with binary relevance.

/** Quality of one ranking, or the mean over several. */
export interface RankingMetrics {
  /** Share of the relevant papers found in the first k. */
  recall: number;
  /** 1 / rank of the first relevant paper (0 when none is ranked). */
  reciprocalRank: number;
  /** Discounted cumulative gain of the first k over the best possible, 0…1. */
  ndcg: number;
}

/**
 * Measure a ranking from the ranks (0-based) at which it placed relevant papers, out of
 * `relevantCount` relevant papers, at cut-off `k`. Relevant papers it did not rank are simply absent.
 * Throws RangeError when nothing is relevant: such a query cannot be measured.
 */
export function evaluateRanks(
  ranks: readonly number[],
  relevantCount: number,
  k: number,
): RankingMetrics {
  if (relevantCount < 1) throw new RangeError("metrics: a query needs at least one relevant item");
  let found = 0;
  let dcg = 0;
  let first = Number.POSITIVE_INFINITY;
  for (const rank of ranks) {
    first = Math.min(first, rank);
    if (rank < k) {
      found += 1;
      dcg += 1 / Math.log2(rank + 2);
    }
  }
  let ideal = 0;
  for (let i = 0; i < Math.min(k, relevantCount); i += 1) ideal += 1 / Math.log2(i + 2);
  return {
    recall: found / relevantCount,
    reciprocalRank: Number.isFinite(first) ? 1 / (first + 1) : 0,
    ndcg: dcg / ideal,
  };
}

/**
 * Measure a ranking (`ranked`, best first) against the set of relevant keys, at cut-off `k`.
 * Throws RangeError when nothing is relevant.
 */
export function evaluateRanking(
  ranked: readonly string[],
  relevant: ReadonlySet<string>,
  k: number,
): RankingMetrics {
  const ranks: number[] = [];
  ranked.forEach((key, i) => {
    if (relevant.has(key)) ranks.push(i);
  });
  return evaluateRanks(ranks, relevant.size, k);
}

/** The mean of each measure over `runs` (all zeros for none). */
export function averageMetrics(runs: readonly RankingMetrics[]): RankingMetrics {
  const n = runs.length || 1;
  return {
    recall: runs.reduce((sum, m) => sum + m.recall, 0) / n,
    reciprocalRank: runs.reduce((sum, m) => sum + m.reciprocalRank, 0) / n,
    ndcg: runs.reduce((sum, m) => sum + m.ndcg, 0) / n,
  };
}
