// Layout: every node gets finite, rounded coordinates, also in graphs too large to pass one
// argument per node to a function.
import Graph from "graphology";
import { describe, expect, it } from "vitest";
import { assignLayout } from "../../src/graph/layout.ts";
import type {
  EdgeAttributes,
  GraphAttributes,
  LitGraph,
  NodeAttributes,
} from "../../src/graph/types.ts";

function ringOfCommunities(order: number): LitGraph {
  const graph: LitGraph = new Graph<NodeAttributes, EdgeAttributes, GraphAttributes>({
    type: "undirected",
    multi: true,
  });
  for (let index = 0; index < order; index++) {
    graph.addNode(`n${index}`, {
      kind: "paper",
      label: `n${index}`,
      community: index,
      size: 1,
      sources: [],
    } as unknown as NodeAttributes);
  }
  return graph;
}

describe("assignLayout", () => {
  it("places 200,000 nodes in as many communities without overflowing the stack", () => {
    const graph = ringOfCommunities(200_000);
    let state = 1;
    const rng = () => {
      state = (state * 48_271) % 2_147_483_647;
      return state / 2_147_483_647;
    };
    assignLayout(graph, rng, { iterations: "auto", noverlapIterations: 0 });
    const { x, y } = graph.getNodeAttributes("n199999");
    expect(Number.isFinite(x) && Number.isFinite(y)).toBe(true);
    expect(Math.round(x * 100) / 100).toBe(x);
    // Community 0 starts at angle 0 on a circle of radius sqrt(order) * 10 ≈ 4472, spread ±0.5 × 10.
    const first = graph.getNodeAttributes("n0");
    expect(first.x).toBeGreaterThan(4462);
    expect(first.x).toBeLessThan(4483);
  });
});
