import { describe, expect, it } from "vitest";
import { type OverlapNode, removeOverlaps } from "../../src/graph/overlap.ts";
import { createRng } from "../../src/graph/rng.ts";

function cloud(count: number, spread: number, seed: number): OverlapNode[] {
  const rng = createRng(seed);
  return Array.from({ length: count }, () => ({
    x: (rng() - 0.5) * spread,
    y: (rng() - 0.5) * spread,
    size: 2 + rng() * 6,
  }));
}

function worstOverlap(nodes: OverlapNode[], ratio: number, margin: number): number {
  let worst = 0;
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < nodes.length; j++) {
      const a = nodes[i] as OverlapNode;
      const b = nodes[j] as OverlapNode;
      const wanted = (a.size + b.size) * ratio + margin;
      const d = Math.hypot(a.x - b.x, a.y - b.y);
      worst = Math.max(worst, (wanted - d) / wanted);
    }
  }
  return worst;
}

describe("removeOverlaps", () => {
  it("separates a crowded cloud so that no two nodes overlap by more than a sliver", () => {
    const nodes = cloud(400, 400, 1);
    expect(worstOverlap(nodes, 1.2, 2)).toBeGreaterThan(0.5);
    removeOverlaps(nodes, { maxIterations: 200, margin: 2, ratio: 1.2 });
    expect(worstOverlap(nodes, 1.2, 2)).toBeLessThan(0.05);
  });

  it("leaves nodes that do not overlap where they are", () => {
    const nodes: OverlapNode[] = [
      { x: 0, y: 0, size: 5 },
      { x: 100, y: 0, size: 5 },
      { x: 0, y: 100, size: 5 },
    ];
    expect(removeOverlaps(nodes)).toBe(1);
    expect(nodes.map((n) => [n.x, n.y])).toEqual([
      [0, 0],
      [100, 0],
      [0, 100],
    ]);
  });

  it("moves nodes at the same point apart, the same way every time", () => {
    const make = (): OverlapNode[] => Array.from({ length: 5 }, () => ({ x: 3, y: 3, size: 4 }));
    const first = make();
    const second = make();
    removeOverlaps(first);
    removeOverlaps(second);
    expect(new Set(first.map((n) => `${n.x},${n.y}`)).size).toBe(5);
    expect(second).toEqual(first);
  });

  it("handles 60,000 nodes (noverlap's Set of pair keys overflowed at 50,000)", () => {
    const nodes = cloud(60_000, 6_000, 2);
    expect(() => removeOverlaps(nodes, { maxIterations: 5, margin: 2, ratio: 1.2 })).not.toThrow();
    expect(nodes.every((n) => Number.isFinite(n.x) && Number.isFinite(n.y))).toBe(true);
  });
});
