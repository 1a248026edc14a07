// Closeness in time: publication days from dates or years, the decay, how far apart in words, and its
// place in the ranking (it orders candidates other signals found, and never makes one).
import { describe, expect, it } from "vitest";
import type { NodeAttributes } from "../../src/graph/types.ts";
import { createRelatedIndex, rankRelated } from "../../src/related/index.ts";
import { createPublicationDays, describeApart, timeCloseness } from "../../src/related/time.ts";
import { buildRelatedGraph, edge, paper, topic } from "./_related-graph.ts";

const dated = (date?: string, year?: number) =>
  ({
    kind: "paper",
    label: "p",
    ...(date ? { date } : {}),
    ...(year ? { year } : {}),
  }) as NodeAttributes;

describe("publication days", () => {
  const days = createPublicationDays([
    dated("2024-03-01"),
    dated("2024-03-11"),
    dated("2024-06"),
    dated(undefined, 2021),
    dated(),
    dated("2024-03-01"),
    dated("2024-09-15"),
  ]);

  it.each([
    ["ten days apart, full dates", 0, 1, "published 10 days apart"],
    ["the same day", 0, 5, "published the same day"],
    ["a date and a month: in months", 0, 2, "published 3 months apart"],
    ["two full dates 6.5 months apart", 0, 6, "published 7 months apart"],
    ["a year only: in years", 0, 3, "published 3 years apart"],
  ])("%s", (_name, a, b, expected) => {
    expect(describeApart(days, a, b)).toBe(expected);
  });

  it("says nothing without a date", () => {
    expect(describeApart(days, 0, 4)).toBeUndefined();
    expect(timeCloseness(days, 0, 4, 365)).toBe(0);
  });

  it("decays as exp(−days apart / scale)", () => {
    expect(timeCloseness(days, 0, 1, 365)).toBeCloseTo(Math.exp(-10 / 365), 12);
    expect(timeCloseness(days, 0, 5, 365)).toBe(1);
  });
});

describe("closeness in time in the ranking", () => {
  // Three papers share one topic with the query, nothing else; they differ only in their dates.
  // A fourth is dated the same day as the query but shares nothing: time alone must not bring it.
  const graph = buildRelatedGraph(
    [
      paper("p:query", { date: "2024-03-01" }),
      paper("p:weeks", { date: "2024-03-20" }),
      paper("p:years", { date: "2020-03-01" }),
      paper("p:undated"),
      paper("p:alone", { date: "2024-03-01" }),
      topic("topic:t", "T"),
    ],
    ["p:query", "p:weeks", "p:years", "p:undated"].map((key) => edge("covers", key, "topic:t")),
  );
  const results = rankRelated(createRelatedIndex(graph), "p:query");

  it("puts the paper of the same weeks first, then the one years away, then the undated one", () => {
    // Years away still beats undated: exp(−4 years / 1 year) > 0.
    expect(results.map((r) => r.key)).toEqual(["p:weeks", "p:years", "p:undated"]);
  });

  it("never makes a candidate on time alone", () => {
    expect(results.some((r) => r.key === "p:alone")).toBe(false);
  });

  it("gives the date as a reason only when it is near", () => {
    expect(results[0]?.reasons).toContain("published 19 days apart");
    expect(results[1]?.reasons.some((reason) => reason.includes("apart"))).toBe(false);
    expect(results[1]?.breakdown.time).toBeGreaterThan(0);
  });
});
