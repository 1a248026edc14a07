// arXiv ids behind field labels and DOIs with what publishers' links append to them.
import { describe, expect, it } from "vitest";
import { findArxivIds } from "../../src/extract/arxiv-id.ts";
import { cleanDoi, findIdentifiers } from "../../src/ingest/text-utils.ts";

describe("labelled arXiv ids", () => {
  it("reads 论文ID, arXiv ID and Paper ID fields, bold or not, version stripped", () => {
    expect(findArxivIds("**论文ID:** 2508.03694v1")).toEqual(["2508.03694"]);
    expect(findArxivIds("论文ID：2508.10001")).toEqual(["2508.10001"]);
    expect(findArxivIds("- arXiv ID: 2401.12345v3")).toEqual(["2401.12345"]);
    expect(findArxivIds("**arXiv:** 2306.13394")).toEqual(["2306.13394"]);
    expect(findArxivIds("Paper ID: 2310.06770")).toEqual(["2310.06770"]);
  });

  it("does not take a Paper ID that is not arXiv-shaped", () => {
    expect(findArxivIds("Paper ID: 4512")).toEqual([]);
    expect(findArxivIds("论文ID: 2024.9999")).toEqual([]);
  });
});

describe("DOI cleaning", () => {
  it("drops .pdf, /full, /abstract, queries and trailing punctuation", () => {
    expect(cleanDoi("10.1038/s41591-023-02448-8.pdf")).toBe("10.1038/s41591-023-02448-8");
    expect(cleanDoi("10.3389/fmed.2023.1234567/full")).toBe("10.3389/fmed.2023.1234567");
    expect(cleanDoi("10.1001/jama.2023.1/abstract?x=1")).toBe("10.1001/jama.2023.1");
    expect(cleanDoi("10.1145/3580305.3599572).")).toBe("10.1145/3580305.3599572");
  });

  it("reports one DOI for the same paper linked twice", () => {
    const text =
      "https://doi.org/10.1038/s41591-023-02448-8.pdf and https://doi.org/10.1038/s41591-023-02448-8";
    expect(findIdentifiers(text).dois).toEqual(["10.1038/s41591-023-02448-8"]);
  });
});
