// Opening graph files in the explorer: graph.json as written by the CLI, GEXF as written by the CLI
// (lists and evidence split again), other graphology exports with defaults, and graphs without layout.
import Graph from "graphology";
import { describe, expect, it } from "vitest";
import {
  FALLBACK_NODE_COLOR,
  looksLikeGexf,
  parseFlattenedEvidence,
  parseGraphText,
  splitList,
} from "../../src/app/graph-import.ts";
import { LitgraphError } from "../../src/errors.ts";
import { writeExplorerFiles, writeGexf, writeGraphJson } from "../../src/export/index.ts";
import { buildTestGraph, SURVEY_AUTHORS, SURVEY_KEY } from "../_graph.ts";

describe("parseGraphText", () => {
  it("reads graph.json as written by the CLI, unchanged", () => {
    const graph = buildTestGraph();
    const read = parseGraphText(writeGraphJson(graph), "graph.json");
    expect(read.export()).toEqual(graph.export());
  });

  it("refuses a dropped explorer.json, whose details are not with it, and says what to open", () => {
    const map = [...(writeExplorerFiles(buildTestGraph())["explorer.json"] ?? [])].join("");
    expect(() => parseGraphText(map, "explorer.json")).toThrow(/explorer\.json.*graph\.json/);
  });

  it("reads GEXF as written by the CLI, with lists and evidence split again", () => {
    const graph = buildTestGraph();
    const read = parseGraphText(writeGexf(graph), "graph.gexf");
    expect(read.type).toBe("undirected");
    expect(read.order).toBe(graph.order);
    expect(read.size).toBe(graph.size);
    const survey = read.getNodeAttributes(SURVEY_KEY);
    expect(survey).toMatchObject({
      kind: "survey",
      community: 0,
      year: 2023,
      authors: SURVEY_AUTHORS,
      sources: ["004_40aedddfa3fa7395.txt", "002_176b547fe41fd847.txt"],
    });
    expect(survey.x).toBeCloseTo(12.5);
    expect(survey.size).toBeCloseTo(14);
    const evidence = read
      .filterEdges(SURVEY_KEY, (_e, a) => a.kind === "evaluates")
      .map((edge) => read.getEdgeAttribute(edge, "evidence"));
    expect(evidence).toEqual([
      [{ source: "004_40aedddfa3fa7395.txt", snippet: "compares models on MedQA" }],
    ]);
  });

  it("accepts a graphology export without litgraph's attributes when it has positions", () => {
    const foreign = new Graph({ type: "directed" });
    foreign.addNode("a", { x: 0, y: 1 });
    foreign.addNode("b", { x: 2, y: 3, label: "Bee", color: "#123456", size: 7 });
    foreign.addEdge("a", "b");
    const read = parseGraphText(JSON.stringify(foreign.export()), "foreign.json");
    expect(read.type).toBe("undirected");
    expect(read.getNodeAttributes("a")).toMatchObject({
      kind: "paper",
      label: "a",
      community: 0,
      size: 4,
      color: FALLBACK_NODE_COLOR,
      sources: [],
    });
    expect(read.getNodeAttributes("b")).toMatchObject({ label: "Bee", color: "#123456", size: 7 });
    expect(read.getEdgeAttributes(read.edges()[0] as string)).toMatchObject({
      kind: "related",
      weight: 1,
      evidence: [],
    });
  });

  const REFUSED: [name: string, text: string][] = [
    ["not JSON", "{ nodes: oops"],
    ["JSON without nodes", '{"hello": 1}'],
    [
      "a graph without positions",
      JSON.stringify({ options: { type: "undirected" }, nodes: [{ key: "a" }], edges: [] }),
    ],
    ["XML that is not GEXF", "<html><body>hello</body></html>"],
  ];
  for (const [name, text] of REFUSED) {
    it(`refuses ${name} with an invalid-graph error`, () => {
      let caught: unknown;
      try {
        parseGraphText(text, "input");
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(LitgraphError);
      expect((caught as LitgraphError).code).toBe("invalid-graph");
    });
  }
});

describe("helpers", () => {
  it("tells GEXF from JSON by its first character", () => {
    expect(looksLikeGexf('  <?xml version="1.0"?><gexf/>')).toBe(true);
    expect(looksLikeGexf('{"nodes": []}')).toBe(false);
  });

  it("splits lists joined with '; '", () => {
    expect(splitList("")).toEqual([]);
    expect(splitList("Ada Lovelace; Alan Turing")).toEqual(["Ada Lovelace", "Alan Turing"]);
  });

  const EVIDENCE: [text: string, expected: { source: string; snippet: string }[]][] = [
    ["", []],
    ["a.txt: one", [{ source: "a.txt", snippet: "one" }]],
    [
      "a.txt: one: two | b.md#2: three",
      [
        { source: "a.txt", snippet: "one: two" },
        { source: "b.md#2", snippet: "three" },
      ],
    ],
    ["no source here", [{ source: "", snippet: "no source here" }]],
  ];
  for (const [text, expected] of EVIDENCE) {
    it(`parses evidence ${JSON.stringify(text)}`, () => {
      expect(parseFlattenedEvidence(text)).toEqual(expected);
    });
  }
});
