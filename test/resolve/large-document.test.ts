// One document with more records than a function call can take as arguments.
import { describe, expect, it } from "vitest";
import { resolvePapers } from "../../src/resolve/index.ts";
import { makeDocument, makePaper } from "../_records.ts";

describe("resolvePapers on a very large document", () => {
  it("resolves 200,000 records of one file without overflowing the stack", () => {
    const count = 200_000;
    const papers = Array.from({ length: count }, (_, i) => {
      const id = `24${String(1 + (i % 12)).padStart(2, "0")}.${String(i).padStart(5, "0")}`;
      return makePaper({ source: `big.json#${i}`, arxiv: id });
    });
    const result = resolvePapers([makeDocument("big.json", papers)]);
    expect(result.entities).toHaveLength(count);
    expect(result.entities.map((e) => e.key)).toContain("paper:arxiv:2401.00000");
  });
});
