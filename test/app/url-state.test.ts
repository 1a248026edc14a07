// Shared links: the view survives a round trip through the URL hash, and a malformed hash falls back
// to defaults instead of failing.
import { describe, expect, it } from "vitest";
import { DEFAULT_FILTERS } from "../../src/app/state.ts";
import {
  decodeViewHash,
  encodeViewHash,
  fitViewToGraph,
  type SharedView,
} from "../../src/app/url-state.ts";
import { buildTestGraph, SURVEY_KEY } from "../_graph.ts";

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
        hideSimilar: true,
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

describe("fitViewToGraph", () => {
  const graph = buildTestGraph();
  const shared = (hash: string) => fitViewToGraph(decodeViewHash(hash), graph);

  it("keeps values the graph has", () => {
    const view = shared(
      `#node=${encodeURIComponent(SURVEY_KEY)}&topic=topic%3Arag&bench=benchmark%3Amedqa&hidec=1&years=2023-2024&cam=0.5,0.5,0.8`,
    );
    expect(view.selected).toBe(SURVEY_KEY);
    expect(view.filters.topic).toBe("topic:rag");
    expect(view.filters.benchmark).toBe("benchmark:medqa");
    expect(view.filters.hiddenCommunities).toEqual([1]);
    expect(view.filters.years).toEqual([2023, 2024]);
    expect(view.camera).toEqual({ x: 0.5, y: 0.5, ratio: 0.8 });
  });

  it("falls back to defaults for values the graph does not have, instead of an empty view", () => {
    const view = shared(
      "#node=paper%3Anone&topic=topic%3Anone&bench=topic%3Arag&hidec=1,77&years=1800-1801&cam=500,0.5,1",
    );
    expect(view.selected).toBeNull();
    expect(view.filters.topic).toBeNull();
    // A topic's key is no benchmark.
    expect(view.filters.benchmark).toBeNull();
    expect(view.filters.hiddenCommunities).toEqual([1]);
    expect(view.filters.years).toBeNull();
    expect(view.camera).toBeNull();
    expect(shared("#cam=0.5,0.5,0.00001").camera).toBeNull();
  });

  it("shows every kind when a link hides all the kinds the graph has", () => {
    expect(shared("#hide=paper,survey,topic,benchmark,list").filters.hiddenKinds).toEqual([]);
    expect(shared("#hide=topic").filters.hiddenKinds).toEqual(["topic"]);
  });
});
