// Shared links: the view survives a round trip through the URL hash, and a malformed hash falls back
// to defaults instead of failing.
import { describe, expect, it } from "vitest";
import { DEFAULT_FILTERS } from "../../src/app/state.ts";
import { decodeViewHash, encodeViewHash, type SharedView } from "../../src/app/url-state.ts";

const DEFAULT_VIEW: SharedView = {
  selected: null,
  filters: DEFAULT_FILTERS,
  labelDensity: "some",
  camera: null,
};

const ROUND_TRIPS: { name: string; view: SharedView }[] = [
  { name: "the default view", view: DEFAULT_VIEW },
  {
    name: "a selection with odd characters in its key",
    view: { ...DEFAULT_VIEW, selected: "paper:title:a&b=c#d e/中文" },
  },
  {
    name: "every filter",
    view: {
      selected: "paper:arxiv:2311.05112",
      filters: {
        hiddenKinds: ["benchmark", "topic"],
        hiddenCommunities: [0, 3, 12],
        topic: "topic:rag",
        benchmark: "benchmark:medqa",
        years: [2021, 2023],
        hops: 2,
      },
      labelDensity: "many",
      camera: { x: 0.5123, y: 0.25, ratio: 0.125 },
    },
  },
];

describe("encodeViewHash / decodeViewHash", () => {
  for (const { name, view } of ROUND_TRIPS) {
    it(`round-trips ${name}`, () => {
      expect(decodeViewHash(`#${encodeViewHash(view)}`)).toEqual(view);
    });
  }

  it("writes nothing for the default view", () => {
    expect(encodeViewHash(DEFAULT_VIEW)).toBe("");
  });

  it("rounds the camera to four decimals", () => {
    const hash = encodeViewHash({ ...DEFAULT_VIEW, camera: { x: 1 / 3, y: 2 / 3, ratio: 1 } });
    expect(new URLSearchParams(hash).get("cam")).toBe("0.3333,0.6667,1");
  });

  const MALFORMED: [hash: string, expected: Partial<SharedView>][] = [
    [
      "#hide=paper,planet,,topic",
      { filters: { ...DEFAULT_FILTERS, hiddenKinds: ["paper", "topic"] } },
    ],
    ["#hidec=1,x,2.5,3", { filters: { ...DEFAULT_FILTERS, hiddenCommunities: [1, 3] } }],
    ["#years=2024-2020", { filters: { ...DEFAULT_FILTERS, years: [2020, 2024] } }],
    ["#years=recent", {}],
    ["#hops=7", {}],
    ["#labels=all", {}],
    ["#cam=1,2", {}],
    ["#cam=1,2,-3", {}],
    ["#cam=a,b,c", {}],
    ["#node=", {}],
    ["garbage&&==", {}],
  ];
  for (const [hash, expected] of MALFORMED) {
    it(`reads ${JSON.stringify(hash)} leniently`, () => {
      expect(decodeViewHash(hash)).toEqual({ ...DEFAULT_VIEW, ...expected });
    });
  }
});
