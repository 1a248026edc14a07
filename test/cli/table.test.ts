import { describe, expect, it } from "vitest";
import { displayWidth, formatTable } from "../../src/cli/table.ts";

describe("formatTable", () => {
  it("pads text left and numbers right, counting CJK characters as two columns", () => {
    const table = formatTable(
      ["kind", "count"],
      [
        ["paper", 12],
        ["综述", 3],
      ],
    );
    expect(table.split("\n")).toEqual([
      "kind   count",
      "─────  ─────",
      "paper     12",
      "综述       3",
    ]);
  });
  it("measures display width", () => {
    expect(displayWidth("ab")).toBe(2);
    expect(displayWidth("医学")).toBe(4);
  });
});
