// The explorer's files: the compact map, the search file and the details shards together hold every
// node and edge of graph.json; the map holds none of the long text; shards are found by the key's hash.
import { describe, expect, it } from "vitest";
import { LitgraphError } from "../../src/errors.ts";
import {
  applyDetailsShard,
  applySearchFile,
  detailShardName,
  detailShardOf,
  readExplorerMap,
  writeExplorerFiles,
} from "../../src/export/index.ts";
import type { LitGraph } from "../../src/graph/types.ts";
import { buildTestGraph, HOSTILE_KEY, SURVEY_KEY } from "../_graph.ts";

const join = (chunks: Iterable<string>) => [...chunks].join("");

function writeAll(graph: LitGraph, nodesPerShard?: number): Record<string, string> {
  const files = writeExplorerFiles(graph, nodesPerShard ? { nodesPerShard } : {});
  return Object.fromEntries(Object.entries(files).map(([name, chunks]) => [name, join(chunks)]));
}

/** Read the map, the search file and every shard back into one graph. */
function readAll(files: Record<string, string>): LitGraph {
  const explorer = readExplorerMap(JSON.parse(files["explorer.json"] ?? ""), "explorer.json");
  applySearchFile(explorer.graph, JSON.parse(files[explorer.search] ?? ""), explorer.search);
  for (let shard = 0; shard < explorer.details.shards; shard += 1) {
    const name = `${explorer.details.folder}/${detailShardName(shard)}`;
    applyDetailsShard(explorer, JSON.parse(files[name] ?? ""), name);
  }
  return explorer.graph;
}

/** A graph with what the test graph lacks: an edge key of its own, evidence-less edges, no year. */
function buildOddGraph(): LitGraph {
  const graph = buildTestGraph();
  graph.addEdgeWithKey("my own key", SURVEY_KEY, HOSTILE_KEY, {
    kind: "similar",
    weight: 0.25,
    evidence: [],
    score: 3,
  });
  graph.addNode("topic:undated", {
    kind: "topic",
    label: "Undated",
    community: 0,
    x: 1.5,
    y: -2.25,
    size: 3,
    color: "#123456",
    sources: [],
  });
  graph.addEdgeWithKey("covers:undated", HOSTILE_KEY, "topic:undated", {
    kind: "covers",
    weight: 1,
    evidence: [],
  });
  return graph;
}

describe("writeExplorerFiles", () => {
  for (const [name, build, nodesPerShard] of [
    ["the test graph, one shard", buildTestGraph, undefined],
    ["the test graph, two nodes per shard", buildTestGraph, 2],
    ["a graph with odd keys and empty evidence", buildOddGraph, 3],
  ] as const) {
    it(`holds every node and edge of graph.json with all attributes: ${name}`, () => {
      const original = build();
      const back = readAll(writeAll(original, nodesPerShard));
      // Same nodes and edges, in the same order, with the same keys and attributes.
      expect(back.export()).toEqual(original.export());
    });
  }

  it("makes one shard per nodesPerShard nodes and puts each node in the shard its key hashes to", () => {
    const graph = buildTestGraph(); // 9 nodes
    const files = writeAll(graph, 2);
    const shards = Object.keys(files).filter((name) => name.startsWith("explorer-details/"));
    expect(shards).toHaveLength(5);
    for (const key of graph.nodes()) {
      const holding = shards.filter((name) => key in JSON.parse(files[name] ?? "").nodes);
      expect(holding).toEqual([`explorer-details/${detailShardName(detailShardOf(key, 5))}`]);
    }
  });

  it("leaves abstracts, authors, sources and evidence out of the map", () => {
    const map = writeAll(buildTestGraph())["explorer.json"] ?? "";
    expect(map).not.toContain("First line, with a comma");
    expect(map).not.toContain("Hongjian Zhou");
    expect(map).not.toContain("004_40aedddfa3fa7395.txt");
    expect(map).not.toContain("snippet");
  });

  it("gives the same bytes for the same graph", () => {
    expect(writeAll(buildOddGraph(), 2)).toEqual(writeAll(buildOddGraph(), 2));
  });

  it("refuses a shard size below one", () => {
    expect(() => writeExplorerFiles(buildTestGraph(), { nodesPerShard: 0 })).toThrow(LitgraphError);
  });
});

describe("detailShardOf", () => {
  it("is 32-bit FNV-1a of the key (the published test vectors)", () => {
    expect(detailShardOf("", 2 ** 32)).toBe(0x811c9dc5);
    expect(detailShardOf("a", 2 ** 32)).toBe(0xe40c292c);
    expect(detailShardOf("foobar", 2 ** 32)).toBe(0xbf9cf968);
  });
  it("names shards with four digits", () => {
    expect(detailShardName(7)).toBe("0007.json");
  });
});

describe("readExplorerMap", () => {
  it("names the file and the version it cannot read", () => {
    const map = JSON.parse(writeAll(buildTestGraph())["explorer.json"] ?? "");
    expect(() => readExplorerMap({ ...map, version: 99 }, "old/explorer.json")).toThrow(
      /old\/explorer\.json.*version 99/,
    );
  });
  it("refuses a shard that names a node its map lacks", () => {
    const files = writeAll(buildTestGraph());
    const explorer = readExplorerMap(JSON.parse(files["explorer.json"] ?? ""), "explorer.json");
    expect(() =>
      applyDetailsShard(
        explorer,
        { nodes: { "paper:arxiv:0000.00000": { attributes: {}, edges: [] } } },
        "explorer-details/0000.json",
      ),
    ).toThrow(/0000\.json.*paper:arxiv:0000\.00000/);
  });
});
