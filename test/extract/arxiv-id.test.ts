// arXiv identifiers: found in links and `arXiv:` prefixes, versions stripped, implausible ids refused.
import { describe, expect, it } from "vitest";
import { findArxivIds, normalizeArxivId, yearOfArxivId } from "../../src/extract/arxiv-id.ts";

describe("normalizeArxivId", () => {
  const rows: Array<[string, string | undefined]> = [
    ["http://arxiv.org/abs/2311.05112v7", "2311.05112"],
    ["https://arxiv.org/abs/2406.03712", "2406.03712"],
    ["https://arxiv.org/pdf/2405.08603v1.pdf", "2405.08603"],
    ["https://arxiv.org/html/2410.18856v2", "2410.18856"],
    ["arXiv:2406.03712v2", "2406.03712"],
    ["2311.05112v3", "2311.05112"],
    ["0704.0001", "0704.0001"],
    ["hep-th/9901001v2", "hep-th/9901001"],
    ["2413.12345", undefined],
    ["2400.12345", undefined],
    ["1412.12345", undefined],
    ["50.83806796466396", undefined],
    ["not an id", undefined],
  ];
  for (const [input, expected] of rows) {
    it(`${input} → ${expected ?? "none"}`, () => expect(normalizeArxivId(input)).toBe(expected));
  }
});

describe("findArxivIds", () => {
  it("finds linked and prefixed ids in order, once, without versions", () => {
    const text =
      "See https://arxiv.org/abs/2311.05112v7 and arXiv:2406.03712; again http://arxiv.org/abs/2311.05112v2.";
    expect(findArxivIds(text)).toEqual(["2311.05112", "2406.03712"]);
  });

  it("does not take a listing's relevance score for an id", () => {
    expect(
      findArxivIds("- Demystifying LLMs [50.83806796466396]\n- Score: 85.09998659355038"),
    ).toEqual([]);
  });
});

describe("yearOfArxivId", () => {
  const rows: Array<[string, number | undefined]> = [
    ["2311.05112", 2023],
    ["0704.0001", 2007],
    ["hep-th/9901001", undefined],
  ];
  for (const [id, year] of rows) {
    it(`${id} → ${year ?? "none"}`, () => expect(yearOfArxivId(id)).toBe(year));
  }
});
