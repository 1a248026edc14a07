// The chunked writers: joined, their chunks are the documents the string writers always gave
// (GEXF as rendered through graphology-gexf, graph.json as `graph.export()`, report.json as
// `JSON.stringify`), for the test graph, the seed graph and graphs off the contract; and no
// chunk grows with the graph.
import Graph from "graphology";
import { parse } from "graphology-gexf";
import { describe, expect, it } from "vitest";
import {
  writeExplorerFiles,
  writeGexf,
  writeGexfChunks,
  writeGraphJson,
  writeGraphJsonChunks,
} from "../../src/export/index.ts";
import { writeJsonChunks } from "../../src/export/json-chunks.ts";
import type {
  EdgeAttributes,
  GraphAttributes,
  LitGraph,
  NodeAttributes,
} from "../../src/graph/types.ts";
import {
  type BuildReport,
  buildGraph,
  writeReportJson,
  writeReportJsonChunks,
} from "../../src/pipeline/index.ts";
import { buildTestGraph } from "../_graph.ts";
import { readDataJson, readSeedFiles } from "../_seeds.ts";
import { writeGexfReference } from "./_gexf-reference.ts";

const seeds = buildGraph({
  files: readSeedFiles(),
  taxonomy: readDataJson("taxonomy.json"),
  benchmarks: readDataJson("benchmarks.json"),
});

function join(chunks: Iterable<string>): string {
  let text = "";
  for (const chunk of chunks) text += chunk;
  return text;
}

function newGraph(type: "undirected" | "mixed" = "undirected"): LitGraph {
  return new Graph<NodeAttributes, EdgeAttributes, GraphAttributes>({ type, multi: true });
}

/** Attributes off the contract, as a graph read from a hand-edited file may have them. */
function loose(attributes: Record<string, unknown>): NodeAttributes {
  return attributes as unknown as NodeAttributes;
}

function looseEdge(attributes: Record<string, unknown>): EdgeAttributes {
  return attributes as unknown as EdgeAttributes;
}

/**
 * Text hostile to XML in every place a value goes, attributes that occur first on a later
 * node (so attvalues follow first occurrence, not field order), colours with alpha, and
 * elements with nothing to write.
 */
function buildHostileGraph(): LitGraph {
  const graph = newGraph();
  graph.setAttribute("version", 'v"1" & <2>\u0000');
  graph.addNode("q\"uote's <&>", loose({ year: 2021, label: "" }));
  graph.addNode("line\nbreak\ttab\rreturn", {
    ...loose({ kind: "paper", label: "a\u0008b\uD800c\uDC00d\uD83D\uDE00e" }),
  });
  graph.addNode("bare", loose({}));
  graph.addNode("viz", loose({ label: "x", color: "#11223380", size: 2, x: 1.5, y: -0 }));
  graph.addNode("rgba", loose({ color: "rgba(1, 2, 3, 0.25)", size: Number.NaN, x: 3 }));
  graph.addNode("named", loose({ color: "teal", authors: ['A "B"', "C\u0000D"], urls: [] }));
  graph.addNode("", loose({ label: "no key", title: "t\r\n", community: 2 ** 40 }));
  graph.addEdgeWithKey("e<1>", "q\"uote's <&>", "bare", looseEdge({ weight: 0 }));
  graph.addEdgeWithKey("e2", "bare", "viz", looseEdge({ kind: "", weight: Number.NaN }));
  graph.addEdgeWithKey(
    "e3",
    "viz",
    "rgba",
    looseEdge({
      kind: "cites",
      weight: 0.125,
      score: 1e-7,
      evidence: [{ source: "a&b.md", snippet: 'line\none\u0000 "two"' }],
    }),
  );
  return graph;
}

/** A mixed graph with both edge types: GEXF defaults to directed and marks the others. */
function buildMixedGraph(): LitGraph {
  const graph = newGraph("mixed");
  graph.addNode("a", loose({ kind: "topic", label: "A" }));
  graph.addNode("b");
  graph.addDirectedEdgeWithKey("d", "a", "b", looseEdge({ kind: "cites", weight: 1 }));
  graph.addUndirectedEdgeWithKey("u", "a", "b");
  return graph;
}

/** Enough nodes and edges with long text for many chunks. */
function buildLargeGraph(): LitGraph {
  const graph = newGraph();
  for (let index = 0; index < 3000; index++) {
    graph.addNode(
      `paper:${index}`,
      loose({ kind: "paper", label: `Paper ${index} ${"words ".repeat(20)}`, x: index, y: 1 }),
    );
    if (index > 0) {
      graph.addEdgeWithKey(`e${index}`, `paper:${index - 1}`, `paper:${index}`, {
        ...looseEdge({ kind: "similar", weight: 1 / index }),
      });
    }
  }
  return graph;
}

const GRAPHS: [name: string, build: () => LitGraph][] = [
  ["the test graph", buildTestGraph],
  ["the seed graph", () => seeds.graph],
  ["a hostile graph", buildHostileGraph],
  ["a mixed graph", buildMixedGraph],
  ["an empty graph", () => newGraph()],
  ["a large graph", buildLargeGraph],
];

describe.each(GRAPHS)("chunked writers on %s", (_name, build) => {
  const graph = build();

  it.each(["1.2", "1.3"] as const)(
    "GEXF %s is the document graphology-gexf rendered",
    (version) => {
      const expected = writeGexfReference(graph, { version });
      expect(join(writeGexfChunks(graph, { version }))).toBe(expected);
      expect(writeGexf(graph, { version })).toBe(expected);
    },
  );

  it("graph.json is graph.export() as JSON", () => {
    const expected = `${JSON.stringify(graph.export())}\n`;
    expect(join(writeGraphJsonChunks(graph))).toBe(expected);
    expect(writeGraphJson(graph)).toBe(expected);
  });
});

describe("chunked GEXF of a hostile graph", () => {
  it("parses back with its keys and text, less the characters XML forbids", () => {
    const parsed = parse(Graph, join(writeGexfChunks(buildHostileGraph())));
    expect(parsed.order).toBe(7);
    expect(parsed.hasNode("line\nbreak\ttab\rreturn")).toBe(true);
    expect(parsed.getNodeAttribute("line\nbreak\ttab\rreturn", "label")).toBe("abcd\uD83D\uDE00e");
    expect(parsed.getNodeAttribute("named", "authors")).toBe('A "B"; CD');
  });
});

describe("chunk sizes", () => {
  const graph = buildLargeGraph();
  const limit = 2 ** 16 + 2000;

  it("stay near 64 K characters for GEXF and graph.json, however large the graph", () => {
    for (const chunks of [[...writeGexfChunks(graph)], [...writeGraphJsonChunks(graph)]]) {
      expect(chunks.length).toBeGreaterThan(5);
      for (const chunk of chunks) expect(chunk.length).toBeLessThan(limit);
    }
  });
});

describe("writeJsonChunks", () => {
  const communities: Record<string, unknown> = {};
  for (let id = 0; id < 20_000; id += 1)
    communities[String(id)] = { label: `p${id} "quoted"`, size: 1, color: "#4e79a7", terms: [] };
  it.each([
    ["a graph's attributes of 20,000 communities", { version: "1", modularity: 0, communities }],
    [
      "nested lists, nulls and skipped entries",
      { a: [1, { b: null }], c: undefined, d: { e: "é" } },
    ],
    ["a string", "text"],
    ["an empty object", {}],
  ])("joins to JSON.stringify for %s, in pieces near 64 K characters", (_name, value) => {
    const chunks = [...writeJsonChunks(value)];
    expect(chunks.join("")).toBe(JSON.stringify(value));
    for (const chunk of chunks) expect(chunk.length).toBeLessThan(2 ** 16 + 2000);
  });

  it("writes graph.json's and explorer.json's attributes without one string of them all", () => {
    const graph = buildLargeGraph();
    graph.setAttribute("communities", communities as GraphAttributes["communities"]);
    const limit = 2 ** 16 + 2000;
    for (const chunks of [
      [...writeGraphJsonChunks(graph)],
      [...(writeExplorerFiles(graph)["explorer.json"] ?? [])],
    ])
      for (const chunk of chunks) expect(chunk.length).toBeLessThan(limit);
  });
});

describe("writeReportJsonChunks", () => {
  it("joins to JSON.stringify(report, null, 2) for the seed build", () => {
    const expected = `${JSON.stringify(seeds.report, null, 2)}\n`;
    expect(join(writeReportJsonChunks(seeds.report))).toBe(expected);
    expect(writeReportJson(seeds.report)).toBe(expected);
  });

  it("writes empty lists and objects, missing fields and list holes as JSON.stringify does", () => {
    const report = {
      version: "1",
      summary: {},
      inputs: [{ file: "a\nb", state: "parsed", bytes: 1, format: undefined, diagnostics: [] }],
      merges: [],
      refusedMerges: [undefined, { when: new Date(0) }],
      extra: undefined,
    } as unknown as BuildReport;
    expect(join(writeReportJsonChunks(report))).toBe(
      [
        "{",
        '  "version": "1",',
        '  "summary": {},',
        '  "inputs": [',
        "    {",
        '      "file": "a\\nb",',
        '      "state": "parsed",',
        '      "bytes": 1,',
        '      "diagnostics": []',
        "    }",
        "  ],",
        '  "merges": [],',
        '  "refusedMerges": [',
        "    null,",
        "    {",
        '      "when": "1970-01-01T00:00:00.000Z"',
        "    }",
        "  ]",
        "}",
        "",
      ].join("\n"),
    );
  });
});
