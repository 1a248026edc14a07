// Which communities get a caption, where, and how strongly it shows at a zoom level.
import { describe, expect, it } from "vitest";
import { captionOpacity, computeCommunityCaptions } from "../../src/app/community-captions.ts";
import { buildTestGraph } from "../_graph.ts";

describe("computeCommunityCaptions", () => {
  it("places each community's name at the mean position of its nodes, largest first", () => {
    const graph = buildTestGraph();
    graph.clear();
    const positions = [
      [0, 0, 0],
      [0, 2, 0],
      [0, 1, 3],
      [1, 10, 10],
      [1, 12, 10],
      [1, 11, 13],
      [1, 11, 7],
      [2, 50, 50],
    ] as const;
    positions.forEach(([community, x, y], i) => {
      graph.addNode(`paper:${i}`, {
        kind: "paper",
        label: `p${i}`,
        community,
        x,
        y,
        size: 3,
        color: "#000",
        sources: [],
      });
    });
    graph.setAttribute("communities", {
      "0": { label: "Retrieval · RAG", size: 3, color: "#111111", terms: [] },
      "1": { label: "Agents", size: 4, color: "#222222", terms: [] },
      "2": { label: "Alone", size: 1, color: "#333333", terms: [] },
    });
    const captions = computeCommunityCaptions(graph);
    expect(captions.map((c) => [c.label, c.x, c.y, c.size])).toEqual([
      ["Agents", 11, 10, 4],
      ["Retrieval · RAG", 1, 1, 3],
    ]);
  });
});

describe("captionOpacity", () => {
  it("shows captions fully from the whole-graph view out, and not at all close in", () => {
    expect(captionOpacity(1)).toBe(1);
    expect(captionOpacity(3)).toBe(1);
    expect(captionOpacity(0.1)).toBe(0);
    const middle = captionOpacity(0.55);
    expect(middle).toBeGreaterThan(0);
    expect(middle).toBeLessThan(1);
  });
});
