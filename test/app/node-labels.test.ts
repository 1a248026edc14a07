// Label drawing helpers: cutting long titles to a width, and skipping labels that would overlap.
import { describe, expect, it } from "vitest";
import { createLabelCollider, fitLabel } from "../../src/app/node-labels.ts";

/** A measuring context where every character is 10 pixels wide. */
const TEN_PX = { measureText: (text: string) => ({ width: [...text].length * 10 }) as TextMetrics };

describe("fitLabel", () => {
  const CASES: [label: string, maxWidth: number, expected: string][] = [
    ["Short", 100, "Short"],
    ["Exactly ten", 110, "Exactly ten"],
    ["A longer title", 80, "A longe…"],
    ["Cut at a space here", 80, "Cut at…"],
    ["医学大型语言模型综述", 60, "医学大型语…"],
  ];
  for (const [label, maxWidth, expected] of CASES) {
    it(`${JSON.stringify(label)} in ${maxWidth}px → ${JSON.stringify(expected)}`, () => {
      const fitted = fitLabel(TEN_PX, label, maxWidth);
      expect(fitted).toBe(expected);
      expect(TEN_PX.measureText(fitted).width).toBeLessThanOrEqual(Math.max(maxWidth, 10));
    });
  }
});

describe("createLabelCollider", () => {
  it("claims free boxes, refuses overlapping ones, and forgets them on reset", () => {
    const collider = createLabelCollider(2);
    expect(collider.claim({ left: 0, right: 100, top: 0, bottom: 14 })).toBe(true);
    expect(collider.claim({ left: 50, right: 150, top: 5, bottom: 19 })).toBe(false);
    expect(collider.claim({ left: 101, right: 150, top: 0, bottom: 14 })).toBe(false);
    expect(collider.claim({ left: 103, right: 150, top: 0, bottom: 14 })).toBe(true);
    expect(collider.claim({ left: 0, right: 100, top: 17, bottom: 31 })).toBe(true);
    collider.reset();
    expect(collider.claim({ left: 50, right: 150, top: 5, bottom: 19 })).toBe(true);
  });
});
