// displayText: what the explorer shows of document text, on the page and on the canvas.
import { describe, expect, it } from "vitest";
import { displayText } from "../../src/app/dom.ts";

describe("displayText", () => {
  it("leaves bidirectional overrides out, so a label cannot read backwards", () => {
    expect(displayText("Report\u202egnp.exe")).toBe("Reportgnp.exe");
    expect(displayText("a\u202ab\u202bc\u202cd\u202de\u2066f\u2067g\u2068h\u2069")).toBe(
      "abcdefgh",
    );
  });
  it("isolates right-to-left text so it cannot reorder what stands beside it", () => {
    expect(displayText("نموذج لغوي طبي")).toBe("\u2068نموذج لغوي طبي\u2069");
    expect(displayText("מודל שפה 2024")).toBe("\u2068מודל שפה 2024\u2069");
  });
  it("leaves left-to-right text, Chinese included, as it is, without control characters", () => {
    expect(displayText("医学大模型综述 survey")).toBe("医学大模型综述 survey");
    expect(displayText("tab\tkept\u0000\u0008 bell\u0007")).toBe("tab\tkept bell");
  });
});
