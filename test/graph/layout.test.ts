// Layout: unconnected nodes sit in a compact block beside the map, not in a ring around it.
import Graph from "graphology";
import { describe, expect, it } from "vitest";
import { assignLayout } from "../../src/graph/layout.ts";
import { createRng } from "../../src/graph/rng.ts";
import type { LitGraph } from "../../src/graph/types.ts";

function buildGraph(): LitGraph {
  const graph = new Graph({ multi: true, type: "mixed" }) as unknown as LitGraph;
  for (let i = 0; i < 40; i++) {
    graph.addNode(`paper:c${i}`, {
      kind: "paper",
      label: `c${i}`,
      community: i % 3,
      size: 4,
      sources: [],
    } as never);
  }
  for (let i = 0; i < 40; i++) {
    graph.addEdge(`paper:c${i}`, `paper:c${(i + 1) % 40}`, { kind: "related", weight: 1 } as never);
    graph.addEdge(`paper:c${i}`, `paper:c${(i + 7) % 40}`, { kind: "related", weight: 1 } as never);
  }
  for (let i = 0; i < 15; i++) {
    graph.addNode(`paper:u${i}`, {
      kind: "paper",
      label: `u${i}`,
      community: 3 + i,
      size: 4,
      sources: [],
    } as never);
  }
  return graph;
}

describe("assignLayout", () => {
  it("sets unconnected nodes in rows outside the map, within its width, each in its own place", () => {
    const graph = buildGraph();
    assignLayout(graph, createRng(7));
    const connected = graph.filterNodes((node) => graph.degree(node) > 0);
    const unconnected = graph.filterNodes((node) => graph.degree(node) === 0);
    const xs = connected.map((n) => graph.getNodeAttribute(n, "x"));
    const ys = connected.map((n) => graph.getNodeAttribute(n, "y"));
    const [minX, maxX, maxY] = [Math.min(...xs), Math.max(...xs), Math.max(...ys)];
    const places = new Set<string>();
    for (const node of unconnected) {
      const { x, y } = graph.getNodeAttributes(node);
      expect(y).toBeGreaterThan(maxY);
      expect(x).toBeGreaterThanOrEqual(minX - 1);
      expect(x).toBeLessThanOrEqual(maxX + 1);
      places.add(`${x},${y}`);
    }
    expect(places.size).toBe(unconnected.length);
  });

  it("gives the same positions for the same seed", () => {
    const a = buildGraph();
    const b = buildGraph();
    assignLayout(a, createRng(7));
    assignLayout(b, createRng(7));
    expect(a.mapNodes((_n, attributes) => [attributes.x, attributes.y])).toEqual(
      b.mapNodes((_n, attributes) => [attributes.x, attributes.y]),
    );
  });
});

describe("assignLayout on very large graphs", () => {
  it("places 200,000 nodes in as many communities without overflowing the stack", () => {
    const graph = new Graph({ multi: true, type: "undirected" }) as unknown as LitGraph;
    for (let index = 0; index < 200_000; index++) {
      graph.addNode(`n${index}`, {
        kind: "paper",
        label: `n${index}`,
        community: index,
        size: 1,
        sources: [],
      } as never);
    }
    assignLayout(graph, createRng(1), { iterations: "auto", noverlapIterations: 0 });
    const { x, y } = graph.getNodeAttributes("n199999");
    expect(Number.isFinite(x) && Number.isFinite(y)).toBe(true);
    expect(Math.round(x * 100) / 100).toBe(x);
    // Without edges the nodes form one square block of rows, in key order: 448 columns of 3 units.
    const first = graph.getNodeAttributes("n0");
    const second = graph.getNodeAttributes("n1");
    expect(second.x - first.x).toBe(3);
    expect(second.y).toBe(first.y);
    expect(first.x).toBeCloseTo(-447 * 1.5, 1);
  });
});
