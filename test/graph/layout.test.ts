// Layout: unconnected nodes sit in a compact block beside the map, not in a ring around it.
import Graph from "graphology";
import { describe, expect, it } from "vitest";
import { assignLayout } from "../../src/graph/layout.ts";
import { layoutQuality } from "../../src/graph/layout-quality.ts";
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

/** Four planted communities of 30 nodes: an edge inside one with chance 0.3, between two with 0.01. */
function plantedGraph(): LitGraph {
  const graph = new Graph({ multi: true, type: "undirected" }) as unknown as LitGraph;
  const rng = createRng(11);
  for (let i = 0; i < 120; i++) {
    graph.addNode(`n${i}`, {
      kind: "paper",
      label: `n${i}`,
      community: i % 4,
      size: 3,
      sources: [],
    } as never);
  }
  for (let i = 0; i < 120; i++) {
    for (let j = i + 1; j < 120; j++) {
      if (rng() < (i % 4 === j % 4 ? 0.3 : 0.01)) {
        graph.addEdge(`n${i}`, `n${j}`, { kind: "related", weight: 1 } as never);
      }
    }
  }
  return graph;
}

function meanDistances(graph: LitGraph): { inside: number; between: number } {
  const nodes = graph.nodes();
  let inside = 0;
  let insideCount = 0;
  let between = 0;
  let betweenCount = 0;
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < nodes.length; j++) {
      const a = graph.getNodeAttributes(nodes[i] as string);
      const b = graph.getNodeAttributes(nodes[j] as string);
      const d = Math.hypot(a.x - b.x, a.y - b.y);
      if (a.community === b.community) {
        inside += d;
        insideCount++;
      } else {
        between += d;
        betweenCount++;
      }
    }
  }
  return { inside: inside / insideCount, between: between / betweenCount };
}

describe("assignLayout on planted communities", () => {
  it("gives each community a region of its own", () => {
    const graph = plantedGraph();
    assignLayout(graph, createRng(3));
    const { inside, between } = meanDistances(graph);
    expect(inside).toBeLessThan(0.5 * between);
  });

  it("leaves no two nodes overlapping", () => {
    const graph = plantedGraph();
    assignLayout(graph, createRng(3));
    const nodes = graph.nodes().map((n) => graph.getNodeAttributes(n));
    for (let i = 0; i < nodes.length; i++) {
      for (let j = i + 1; j < nodes.length; j++) {
        const a = nodes[i] as (typeof nodes)[number];
        const b = nodes[j] as (typeof nodes)[number];
        // Sizes times 1.2 plus a margin of 2, less a sliver for rounding and the last pass.
        expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThan(
          0.95 * ((a.size + b.size) * 1.2 + 2),
        );
      }
    }
  });

  it("is the same for the same seed and input, whatever else ran before", () => {
    const first = plantedGraph();
    assignLayout(first, createRng(3));
    assignLayout(buildGraph(), createRng(9));
    const second = plantedGraph();
    assignLayout(second, createRng(3));
    expect(second.mapNodes((_n, a) => [a.x, a.y])).toEqual(first.mapNodes((_n, a) => [a.x, a.y]));
  });
});

describe("assignLayout with a small component of its own", () => {
  it("keeps the detached pair beside the map, not far out where the camera would shrink the map", () => {
    const graph = plantedGraph();
    // Two papers linked only to each other, in a community of their own.
    for (const key of ["d0", "d1"]) {
      graph.addNode(key, {
        kind: "paper",
        label: key,
        community: 4,
        size: 3,
        sources: [],
      } as never);
    }
    graph.addEdge("d0", "d1", { kind: "related", weight: 1 } as never);
    assignLayout(graph, createRng(3));
    const core = graph.filterNodes((_node, attributes) => attributes.community !== 4);
    const xs = core.map((node) => graph.getNodeAttribute(node, "x"));
    const ys = core.map((node) => graph.getNodeAttribute(node, "y"));
    const cx = xs.reduce((a, b) => a + b, 0) / xs.length;
    const cy = ys.reduce((a, b) => a + b, 0) / ys.length;
    const coreReach = Math.max(
      ...core.map((_n, i) => Math.hypot((xs[i] ?? 0) - cx, (ys[i] ?? 0) - cy)),
    );
    for (const key of ["d0", "d1"]) {
      const { x, y } = graph.getNodeAttributes(key);
      expect(Math.hypot(x - cx, y - cy)).toBeLessThan(1.5 * coreReach);
    }
  });
});

describe("layoutQuality", () => {
  // Two communities {0,1} and {2,3} on a line at 0, 1, 10, 11; edges 0–1, 2–3 and 1–2.
  const points = {
    x: [0, 1, 10, 11],
    y: [0, 0, 0, 0],
    offsets: [0, 1, 3, 5, 6],
    targets: [1, 0, 2, 1, 3, 2],
    community: [0, 0, 1, 1],
  };

  it("counts the share of each node's nearest nodes that are its neighbours", () => {
    // Node 0: nearest 1 is 1 (hit). Node 1: nearest 2 are 0 and 2 (2 hits). Node 2: 3 and 1 (2 hits).
    // Node 3: nearest is 2 (hit). All preserved: 1.
    expect(layoutQuality(points).neighbourhoodPreservation).toBe(1);
    // Swap nodes 0 and 3 on the map: node 0 (at 11) has nearest 2, not its neighbour 1 → 0;
    // node 1 (at 1) has nearest {3 at 0, 2 at 10}: one of two → 0.5; node 2 (at 10) nearest {0 at 11, 1 at 1}: 0.5;
    // node 3 (at 0): nearest 1, not 2 → 0. Mean 0.25.
    const swapped = { ...points, x: [11, 1, 10, 0] };
    expect(layoutQuality(swapped).neighbourhoodPreservation).toBeCloseTo(0.25, 10);
  });

  it("scores compact separate communities near 1 and mixed ones below 0", () => {
    // Node 0: a = 1, b = (10 + 11) / 2 = 10.5 → 1 − 1/10.5. Symmetric for the others except the
    // middle ones: node 1: a = 1, b = (9 + 10) / 2 = 9.5 → 1 − 1/9.5.
    const expected = (2 * (1 - 1 / 10.5) + 2 * (1 - 1 / 9.5)) / 4;
    expect(layoutQuality(points).silhouette).toBeCloseTo(expected, 10);
    const mixed = { ...points, community: [0, 1, 0, 1] };
    expect(layoutQuality(mixed).silhouette).toBeLessThan(0);
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
