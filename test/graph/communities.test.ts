// Communities: Leiden finds planted groups, is deterministic for a seed, gives connected communities,
// and reaches at least the modularity of plain Louvain (what litgraph used before).
import Graph from "graphology";
import louvain from "graphology-communities-louvain";
import { describe, expect, it } from "vitest";
import { computeCommunities, toAdjacency } from "../../src/graph/communities.ts";
import { createAdjacency, leiden, modularityOf } from "../../src/graph/leiden.ts";
import { createRng } from "../../src/graph/rng.ts";
import type { LitGraph } from "../../src/graph/types.ts";

function emptyGraph(): LitGraph {
  return new Graph({
    type: "undirected",
    multi: true,
    allowSelfLoops: false,
  }) as unknown as LitGraph;
}

function addPaper(graph: LitGraph, key: string): void {
  graph.addNode(key, { kind: "paper", label: key, sources: [] } as never);
}

function link(graph: LitGraph, a: string, b: string, weight = 1): void {
  graph.addEdge(a, b, { kind: "related", weight, evidence: [] } as never);
}

/**
 * `groups` groups of `size` papers. Inside a group, each paper is linked to the next three around a
 * ring (so every paper has at least six links inside) and each other pair with probability `inside`;
 * each pair across groups is linked with probability `across`. Drawn with a fixed seed.
 */
function plantedPartition(groups: number, size: number, inside: number, across: number): LitGraph {
  const graph = emptyGraph();
  const random = createRng(7);
  const key = (g: number, i: number) => `paper:g${g}-${String(i).padStart(2, "0")}`;
  for (let g = 0; g < groups; g++) for (let i = 0; i < size; i++) addPaper(graph, key(g, i));
  const nodes = graph.nodes();
  for (let a = 0; a < nodes.length; a++) {
    for (let b = a + 1; b < nodes.length; b++) {
      const same = Math.floor(a / size) === Math.floor(b / size);
      const apart = Math.min(b - a, size - (b - a));
      const ring = same && apart <= 3;
      if (ring || random() < (same ? inside : across))
        link(graph, nodes[a] as string, nodes[b] as string);
    }
  }
  return graph;
}

/** Whether the nodes of each community are connected by edges inside the community. */
function communitiesAreConnected(graph: LitGraph, communities: Record<string, number>): boolean {
  const seen = new Set<string>();
  const components = new Map<number, number>();
  for (const start of graph.nodes()) {
    if (seen.has(start)) continue;
    const id = communities[start] as number;
    components.set(id, (components.get(id) ?? 0) + 1);
    const stack = [start];
    seen.add(start);
    while (stack.length > 0) {
      const node = stack.pop() as string;
      graph.forEachNeighbor(node, (other) => {
        if (!seen.has(other) && communities[other] === id) {
          seen.add(other);
          stack.push(other);
        }
      });
    }
  }
  return [...components.values()].every((count) => count === 1);
}

describe("modularityOf", () => {
  it("gives 5/14 for two triangles joined by one edge, split into the triangles", () => {
    // m = 7; each triangle has 3 internal edges and degree sum 7: Q = 2 · (6/14 − (7/14)²) = 5/14.
    const adjacency = createAdjacency(
      6,
      [0, 1, 2, 3, 4, 5, 2],
      [1, 2, 0, 4, 5, 3, 3],
      [1, 1, 1, 1, 1, 1, 1],
    );
    expect(modularityOf(adjacency, [0, 0, 0, 1, 1, 1])).toBeCloseTo(5 / 14, 12);
    expect(modularityOf(adjacency, [0, 0, 0, 0, 0, 0])).toBeCloseTo(0, 12);
  });

  it("counts a self-loop twice in the degree, as aggregated levels need", () => {
    // One node with a loop of weight 1 and an edge of weight 1 to a second node: 2m = 4.
    const adjacency = createAdjacency(2, [0, 0], [0, 1], [1, 1]);
    // Together: Q = 4/4 − 1 = 0. Apart: (2/4 − (3/4)²) + (0 − (1/4)²) = 0.5 − 0.625 = −0.125.
    expect(modularityOf(adjacency, [0, 0])).toBeCloseTo(0, 12);
    expect(modularityOf(adjacency, [0, 1])).toBeCloseTo(-0.125, 12);
  });
});

describe("computeCommunities", () => {
  it("splits two triangles joined by one edge into the triangles", () => {
    const graph = emptyGraph();
    for (const key of ["a1", "a2", "a3", "b1", "b2", "b3"]) addPaper(graph, key);
    for (const [a, b] of [
      ["a1", "a2"],
      ["a2", "a3"],
      ["a3", "a1"],
      ["b1", "b2"],
      ["b2", "b3"],
      ["b3", "b1"],
      ["a3", "b1"],
    ] as const)
      link(graph, a, b);
    const result = computeCommunities(graph, createRng(1));
    // Equal sizes: the community holding the smaller key ("a1") comes first.
    expect(result.communities).toEqual({ a1: 0, a2: 0, a3: 0, b1: 1, b2: 1, b3: 1 });
    expect(result.modularity).toBeCloseTo(5 / 14, 12);
  });

  it("adds up parallel edges of different kinds", () => {
    // a–b linked by two edges of weight 1 and b–c by one of weight 3: the same as weights 2 and 3.
    const graph = emptyGraph();
    for (const key of ["a", "b", "c"]) addPaper(graph, key);
    link(graph, "a", "b");
    graph.addEdge("a", "b", { kind: "covers", weight: 1, evidence: [] } as never);
    link(graph, "b", "c", 3);
    const { adjacency } = toAdjacency(graph);
    const expected = createAdjacency(3, [0, 1], [1, 2], [2, 3]);
    for (const membership of [
      [0, 0, 1],
      [0, 1, 1],
      [0, 1, 2],
    ])
      expect(modularityOf(adjacency, membership)).toBeCloseTo(
        modularityOf(expected, membership),
        12,
      );
  });

  it("finds the groups of a planted partition", () => {
    const graph = plantedPartition(4, 25, 0.3, 0.02);
    const { communities, count } = computeCommunities(graph, createRng(42));
    expect(count).toBe(4);
    for (let g = 0; g < 4; g++) {
      const ids = new Set(
        graph
          .nodes()
          .filter((node) => node.startsWith(`paper:g${g}-`))
          .map((node) => communities[node]),
      );
      expect(ids.size).toBe(1);
    }
  });

  it("gives the same communities for the same seed", () => {
    const graph = plantedPartition(6, 20, 0.15, 0.03);
    const a = computeCommunities(graph, createRng(5));
    const b = computeCommunities(graph, createRng(5));
    expect(b).toEqual(a);
  });

  it("gives connected communities", () => {
    const graph = plantedPartition(8, 15, 0.12, 0.04);
    for (const seed of [1, 2, 3]) {
      const { communities } = computeCommunities(graph, createRng(seed));
      expect(communitiesAreConnected(graph, communities)).toBe(true);
    }
  });

  it("reaches at least plain Louvain's modularity on a noisy graph", () => {
    const graph = plantedPartition(10, 30, 0.08, 0.02);
    const { nodes, adjacency } = toAdjacency(graph);
    for (const seed of [1, 2, 3]) {
      const plain = louvain.detailed(graph, { rng: createRng(seed), getEdgeWeight: "weight" });
      const plainQ = modularityOf(
        adjacency,
        nodes.map((node) => plain.communities[node] ?? 0),
      );
      expect(computeCommunities(graph, createRng(seed)).modularity).toBeGreaterThanOrEqual(plainQ);
    }
  });

  it("returns a valid partition of every node, isolated ones alone", () => {
    const graph = plantedPartition(3, 10, 0.5, 0.05);
    addPaper(graph, "paper:isolated");
    const { communities, count } = computeCommunities(graph, createRng(3));
    expect(Object.keys(communities).sort()).toEqual(graph.nodes().sort());
    const ids = new Set(Object.values(communities));
    expect([...ids].sort((a, b) => a - b)).toEqual([...Array(count).keys()]);
    const isolated = communities["paper:isolated"];
    expect(Object.values(communities).filter((id) => id === isolated)).toHaveLength(1);
  });
});

describe("leiden", () => {
  it("stops with a partition no worse than the singletons it starts from", () => {
    const adjacency = createAdjacency(4, [0, 2], [1, 3], [1, 1]);
    const result = leiden(adjacency, createRng(1));
    expect(result.count).toBe(2);
    expect(result.modularity).toBeCloseTo(0.5, 12);
  });
});
