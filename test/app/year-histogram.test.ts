// The timeline's numbers: papers per year, the steps of "play", and range clamping.
import { describe, expect, it } from "vitest";
import {
  computeYearHistogram,
  normalizeYearRange,
  stepPlayRange,
} from "../../src/app/year-histogram.ts";
import { buildTestGraph, HOSTILE_KEY } from "../_graph.ts";

describe("computeYearHistogram", () => {
  it("counts papers and surveys per year, with empty years in between", () => {
    const graph = buildTestGraph();
    expect(computeYearHistogram(graph)).toEqual({
      first: 2023,
      last: 2024,
      bins: [
        { year: 2023, count: 1 },
        { year: 2024, count: 3 },
      ],
      undated: 1,
    });
    graph.setNodeAttribute(HOSTILE_KEY, "year", 2020);
    expect(computeYearHistogram(graph).bins).toEqual([
      { year: 2020, count: 1 },
      { year: 2021, count: 0 },
      { year: 2022, count: 0 },
      { year: 2023, count: 1 },
      { year: 2024, count: 3 },
    ]);
  });

  it("has no bins when no paper is dated", () => {
    const graph = buildTestGraph();
    graph.forEachNode((key) => graph.removeNodeAttribute(key, "year"));
    expect(computeYearHistogram(graph)).toEqual({
      first: undefined,
      last: undefined,
      bins: [],
      undated: 5,
    });
  });
});

describe("stepPlayRange", () => {
  const CASES: [
    current: [number, number] | null,
    last: number,
    next: [number, number] | undefined,
  ][] = [
    [[2019, 2019], 2024, [2019, 2020]],
    [[2019, 2023], 2024, [2019, 2024]],
    [[2019, 2024], 2024, undefined],
    [null, 2024, undefined],
  ];
  for (const [current, last, next] of CASES) {
    it(`${JSON.stringify(current)} → ${JSON.stringify(next)}`, () => {
      expect(stepPlayRange(current, last)).toEqual(next);
    });
  }
});

describe("normalizeYearRange", () => {
  const CASES: [range: [number, number], expected: [number, number] | null][] = [
    [
      [2020, 2022],
      [2020, 2022],
    ],
    [
      [2022, 2020],
      [2020, 2022],
    ],
    [
      [2010, 2022],
      [2019, 2022],
    ],
    [[2019, 2024], null],
    [[2000, 2030], null],
  ];
  for (const [range, expected] of CASES) {
    it(`${JSON.stringify(range)} within 2019–2024 → ${JSON.stringify(expected)}`, () => {
      expect(normalizeYearRange(range, 2019, 2024)).toEqual(expected);
    });
  }
});
