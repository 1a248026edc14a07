// Each signal's share of a related paper's score, as `litgraph related --explain` prints it.
import { describe, expect, it } from "vitest";
import { sharePercents, signalShares } from "../../src/related/index.ts";
import { RELATED_SIGNALS, type SignalValues } from "../../src/related/types.ts";

const values = (partial: Partial<SignalValues>): SignalValues => ({
  explicit: 0,
  sharedNeighbours: 0,
  coListed: 0,
  text: 0,
  latent: 0,
  community: 0,
  time: 0,
  ...partial,
});
const sum = (v: SignalValues) => RELATED_SIGNALS.reduce((total, signal) => total + v[signal], 0);

describe("signalShares", () => {
  it("gives each signal its contribution over the score", () => {
    const shares = signalShares(values({ explicit: 1, text: 2, sharedNeighbours: 1 }));
    expect(shares).toEqual(values({ explicit: 0.25, text: 0.5, sharedNeighbours: 0.25 }));
    expect(sum(shares)).toBe(1);
  });

  it("adds up to 1 for any score above 0", () => {
    const shares = signalShares(
      values({
        explicit: 0.3,
        sharedNeighbours: 0.17,
        coListed: 0.05,
        text: 1.234,
        community: 0.2,
      }),
    );
    expect(sum(shares)).toBeCloseTo(1, 12);
    expect(shares.text).toBeCloseTo(1.234 / 1.954, 12);
  });

  it("gives closeness in time its share beside the others", () => {
    // text 1.5 + coListed 0.25 + time 0.25 = 2: shares 0.75, 0.125, 0.125.
    const shares = signalShares(values({ text: 1.5, coListed: 0.25, time: 0.25 }));
    expect(shares).toEqual(values({ text: 0.75, coListed: 0.125, time: 0.125 }));
    expect(sharePercents(shares)).toEqual(values({ text: 75, coListed: 13, time: 12 }));
  });

  it("gives no share at all to a score of 0", () => {
    expect(signalShares(values({}))).toEqual(values({}));
  });
});

describe("sharePercents", () => {
  it("rounds to whole percents that add up to 100", () => {
    const third = 1 / 3;
    // 33.3 % each: the percent left over goes to the first signal in print order.
    expect(sharePercents(values({ explicit: third, text: third, community: third }))).toEqual(
      values({ explicit: 34, text: 33, community: 33 }),
    );
    // 12.5 / 62.5 / 25: floors 12 + 62 + 25 = 99, the larger remainder (0.5, first in order) gets it.
    expect(sharePercents(values({ explicit: 0.125, text: 0.625, coListed: 0.25 }))).toEqual(
      values({ explicit: 13, text: 62, coListed: 25 }),
    );
  });
});
