// Ranking measures of the evaluation, worked out by hand: recall@k, reciprocal rank and nDCG@k.
import { describe, expect, it } from "vitest";
import { averageMetrics, evaluateRanking } from "../../src/related/index.ts";

const log2 = Math.log2;

describe("evaluateRanking", () => {
  it.each([
    {
      name: "the only relevant paper first",
      ranked: ["r", "x", "y"],
      relevant: ["r"],
      k: 10,
      expected: { recall: 1, reciprocalRank: 1, ndcg: 1 },
    },
    {
      name: "the only relevant paper third",
      ranked: ["x", "y", "r"],
      relevant: ["r"],
      k: 10,
      expected: { recall: 1, reciprocalRank: 1 / 3, ndcg: 1 / log2(4) },
    },
    {
      name: "one of two relevant papers found, second",
      ranked: ["x", "r1", "y"],
      relevant: ["r1", "r2"],
      k: 10,
      expected: { recall: 0.5, reciprocalRank: 0.5, ndcg: 1 / log2(3) / (1 + 1 / log2(3)) },
    },
    {
      name: "a relevant paper past the cut-off counts for MRR only",
      ranked: ["x", "y", "r"],
      relevant: ["r"],
      k: 2,
      expected: { recall: 0, reciprocalRank: 1 / 3, ndcg: 0 },
    },
    {
      name: "nothing relevant ranked",
      ranked: ["x", "y"],
      relevant: ["r"],
      k: 10,
      expected: { recall: 0, reciprocalRank: 0, ndcg: 0 },
    },
    {
      name: "more relevant papers than k: the ideal fills the first k",
      ranked: ["r1", "x"],
      relevant: ["r1", "r2", "r3"],
      k: 2,
      expected: { recall: 1 / 3, reciprocalRank: 1, ndcg: 1 / (1 + 1 / log2(3)) },
    },
  ])("$name", ({ ranked, relevant, k, expected }) => {
    const metrics = evaluateRanking(ranked, new Set(relevant), k);
    expect(metrics.recall).toBeCloseTo(expected.recall, 9);
    expect(metrics.reciprocalRank).toBeCloseTo(expected.reciprocalRank, 9);
    expect(metrics.ndcg).toBeCloseTo(expected.ndcg, 9);
  });

  it("refuses a query with nothing relevant", () => {
    expect(() => evaluateRanking(["x"], new Set(), 10)).toThrow(RangeError);
  });

  it("averages runs", () => {
    expect(
      averageMetrics([
        { recall: 1, reciprocalRank: 1, ndcg: 1 },
        { recall: 0, reciprocalRank: 0.5, ndcg: 0.25 },
      ]),
    ).toEqual({ recall: 0.5, reciprocalRank: 0.75, ndcg: 0.625 });
  });
});
