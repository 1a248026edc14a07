// graph.json: writing is graphology's export plus a newline, byte-stable; reading checks the contract.
import { readFileSync } from "node:fs";
import Graph from "graphology";
import { describe, expect, it } from "vitest";
import { LitgraphError } from "../../src/errors.ts";
import { readGraphJson, writeGraphJson } from "../../src/export/index.ts";
import type { LitGraph } from "../../src/graph/types.ts";
import {
  buildTestGraph,
  CLIMEDBENCH_PAPER_KEY,
  formatEdgeKey,
  HOSTILE_KEY,
  HOSTILE_LABEL,
  SURVEY_KEY,
} from "../_graph.ts";

const FIXTURES = new URL("../fixtures/export/", import.meta.url);

function readFixture(name: string): string {
  return readFileSync(new URL(name, FIXTURES), "utf8");
}

describe("writeGraphJson", () => {
  it("writes graphology's export as one JSON line with a trailing newline", () => {
    const text = writeGraphJson(buildTestGraph());
    expect(text.endsWith("}\n")).toBe(true);
    expect(text.split("\n")).toHaveLength(2);
    expect(JSON.parse(text)).toEqual(buildTestGraph().export());
  });

  it("gives byte-identical output for two builds of the same graph", () => {
    expect(writeGraphJson(buildTestGraph())).toBe(writeGraphJson(buildTestGraph()));
  });

  it("keeps the graph's node order", () => {
    const keys = JSON.parse(writeGraphJson(buildTestGraph())).nodes.map(
      (node: { key: string }) => node.key,
    );
    expect(keys.slice(0, 2)).toEqual([SURVEY_KEY, "paper:arxiv:2405.08603"]);
    expect(keys.at(-1)).toBe("benchmark:climedbench");
  });

  it("escapes hostile text as JSON, control characters included", () => {
    const text = writeGraphJson(buildTestGraph());
    expect(text).toContain(
      String.raw`"label":"Dosing notes <img src=x onerror=alert(1)> & \"double\" 'single' quotes\u0000\b"`,
    );
  });
});

describe("readGraphJson", () => {
  it("keeps a graph without self-loops so, and writes it back to the same bytes", () => {
    // As the build makes it (src/graph/build.ts): an undirected multigraph without self-loops.
    const built: LitGraph = new Graph({ type: "undirected", multi: true, allowSelfLoops: false });
    built.import(buildTestGraph().export());
    const written = writeGraphJson(built);
    expect(written).toContain('"allowSelfLoops":false');
    const graph = readGraphJson(written, "graph/graph.json");
    expect(graph.allowSelfLoops).toBe(false);
    expect(writeGraphJson(graph)).toBe(written);
  });

  it("reads back what writeGraphJson wrote", () => {
    const graph = readGraphJson(writeGraphJson(buildTestGraph()), "graph/graph.json");
    expect(graph.type).toBe("undirected");
    expect(graph.multi).toBe(true);
    expect(graph.order).toBe(9);
    expect(graph.size).toBe(7);
    expect(graph.getNodeAttribute(HOSTILE_KEY, "label")).toBe(HOSTILE_LABEL);
    expect(graph.getNodeAttribute(SURVEY_KEY, "authors")).toHaveLength(19);
    expect(graph.getAttribute("modularity")).toBe(0.3125);
    expect(graph.edges(SURVEY_KEY, CLIMEDBENCH_PAPER_KEY).sort()).toEqual([
      formatEdgeKey("lists", SURVEY_KEY, CLIMEDBENCH_PAPER_KEY),
      formatEdgeKey("related", SURVEY_KEY, CLIMEDBENCH_PAPER_KEY),
    ]);
  });

  const INVALID = [
    { fixture: "not-json.txt", problems: ["is not JSON"] },
    { fixture: "directed.json", problems: ["must be undirected (its type is directed)"] },
    {
      fixture: "missing-layout.json",
      problems: [
        'node "topic:rag" has no x (did the layout step run?)',
        'node "topic:rag" has no y',
        'node "topic:rag" has no size',
      ],
    },
    {
      fixture: "many-problems.json",
      problems: [
        'node "topic:rag" has no x',
        'node "topic:rag" has no community',
        "; and 8 more problems.",
      ],
      absent: ["topic:agents", "sources"],
    },
    { fixture: "dangling-edge.json", problems: ["paper:arxiv:2311.05112"] },
    {
      fixture: "edge-without-evidence.json",
      problems: ['edge "related:topic:rag|topic:agents" has no evidence'],
    },
  ];

  for (const { fixture, problems, absent = [] } of INVALID) {
    it(`rejects ${fixture} with an invalid-graph error naming the file`, () => {
      const file = `fixtures/${fixture}`;
      let caught: unknown;
      try {
        readGraphJson(readFixture(fixture), file);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(LitgraphError);
      const error = caught as LitgraphError;
      expect(error.code).toBe("invalid-graph");
      expect(error.message).toContain(file);
      for (const problem of problems) expect(error.message).toContain(problem);
      for (const text of absent) expect(error.message).not.toContain(text);
    });
  }

  it("reports a non-integer community", () => {
    const data = buildTestGraph().export();
    const node = data.nodes[0];
    if (node?.attributes) node.attributes.community = 0.5;
    expect(() => readGraphJson(JSON.stringify(data), "g.json")).toThrow(
      `node "${SURVEY_KEY}": community is not an integer`,
    );
  });
});
