// Which graph the page opens (`?graph=` or the default), and reading graph text with the load mark.
import { describe, expect, it } from "vitest";
import {
  describeGraphSource,
  nameOfUrl,
  openGraphText,
  selectGraphUrl,
} from "../../src/app/loading.ts";
import { MARK_GRAPH_LOADED } from "../../src/app/perf-marks.ts";
import { firstGraphUrl } from "../../src/app/prefetch.ts";
import { writeGraphJson } from "../../src/export/index.ts";
import { buildTestGraph } from "../_graph.ts";

describe("selectGraphUrl", () => {
  const CASES: [search: string, url: string, explicit: boolean][] = [
    ["", "graph.json", false],
    ["?graph=", "graph.json", false],
    ["?graph=big.json", "big.json", true],
    ["?x=1&graph=https%3A%2F%2Fexample.org%2Fg.json", "https://example.org/g.json", true],
  ];
  for (const [search, url, explicit] of CASES) {
    it(`${JSON.stringify(search)} → ${url}`, () => {
      expect(selectGraphUrl(search)).toEqual({ url, explicit });
    });
  }
});

describe("nameOfUrl", () => {
  const CASES: [url: string, name: string][] = [
    ["graph.json", "graph.json"],
    ["https://example.org/fields/med%20llm.json?v=2#x", "med llm.json"],
    ["data/", "data"],
  ];
  for (const [url, name] of CASES) {
    it(`${url} → ${name}`, () => {
      expect(nameOfUrl(url)).toBe(name);
    });
  }
});

describe("openGraphText", () => {
  it("reads a graph and marks the moment it was loaded", () => {
    performance.clearMarks(MARK_GRAPH_LOADED);
    const result = openGraphText(writeGraphJson(buildTestGraph()), "test.json");
    expect(result.state).toBe("loaded");
    expect(result.state === "loaded" && result.graph.order).toBe(9);
    expect(performance.getEntriesByName(MARK_GRAPH_LOADED)).toHaveLength(1);
  });

  it("turns a bad file into an error state with the reason", () => {
    const result = openGraphText("not a graph", "broken.json");
    expect(result.state).toBe("error");
    expect(result.state === "error" && result.message).toContain("broken.json");
  });
});

describe("describeGraphSource", () => {
  const page = "https://maps.example.org/explorer/?graph=x";
  it("opens the page's own site at once, relative or absolute", () => {
    expect(describeGraphSource("graph.json", page)).toEqual({
      kind: "same-origin",
      url: "https://maps.example.org/explorer/graph.json",
    });
    expect(describeGraphSource("https://maps.example.org/g/graph.json", page).kind).toBe(
      "same-origin",
    );
  });
  it("asks first for another https site, naming its origin", () => {
    expect(describeGraphSource("https://evil.example.com/graph.json", page)).toEqual({
      kind: "foreign",
      url: "https://evil.example.com/graph.json",
      from: "https://evil.example.com",
    });
  });
  it("asks first for a data: URL", () => {
    const source = describeGraphSource("data:application/json,{}", page);
    expect(source.kind).toBe("foreign");
  });
  it("refuses other schemes and plain http from another site", () => {
    for (const url of [
      "javascript:alert(1)",
      "file:///etc/passwd",
      "http://other.example.com/g.json",
    ]) {
      expect(describeGraphSource(url, page).kind).toBe("refused");
    }
  });
});

describe("firstGraphUrl", () => {
  const page = "https://maps.example.org/explorer/";
  const CASES: [search: string, url: string | undefined][] = [
    ["", "explorer.json"],
    ["?graph=builds/med/", "builds/med/explorer.json"],
    ["?graph=builds/med/graph.json", "builds/med/graph.json"],
    ["?graph=https%3A%2F%2Fmaps.example.org%2Fg%2F", "https://maps.example.org/g/explorer.json"],
    // Another site and data: URLs wait for the reader's consent: nothing is fetched before.
    ["?graph=https%3A%2F%2Fother.example.com%2Fg.json", undefined],
    ["?graph=data%3Aapplication%2Fjson%2C%7B%7D", undefined],
  ];
  for (const [search, url] of CASES) {
    it(`${JSON.stringify(search)} → ${url}`, () => {
      expect(firstGraphUrl(search, page)).toBe(url);
    });
  }
});
