// Sniffing awesome lists and saved paper pages: recognised by content, without taking the seed
// formats or the plain-text fallback's ordinary notes.
import { describe, expect, it } from "vitest";
import { sniffAwesomeList } from "../../src/ingest/awesome-list.ts";
import { sniffPaperPage } from "../../src/ingest/paper-page.ts";
import { sniffFormat } from "../../src/ingest/sniff.ts";
import type { FormatId } from "../../src/ingest/types.ts";
import { readFixture, readSeed, toDocument } from "./_fixtures.ts";

describe("sniffFormat on awesome lists and paper pages", () => {
  const cases: Array<{ name: string; format: FormatId }> = [
    { name: "awesome-list/medical-llm-papers.md", format: "awesome-list" },
    { name: "awesome-list/no-companion.md", format: "awesome-list" },
    { name: "awesome-list/identifier-links.md", format: "awesome-list" },
    { name: "paper-page/arxiv-abs.txt", format: "paper-page" },
    { name: "paper-page/arxiv-abs-truncated.txt", format: "paper-page" },
    { name: "paper-page/arxiv-watermark.txt", format: "paper-page" },
    { name: "paper-page/huggingface.txt", format: "paper-page" },
    { name: "paper-page/huggingface-truncated.txt", format: "paper-page" },
    { name: "paper-page/openreview.txt", format: "paper-page" },
    { name: "paper-page/openreview-anonymous-truncated.txt", format: "paper-page" },
    { name: "paper-page/acl-anthology.txt", format: "paper-page" },
    { name: "paper-page/acl-anthology-inline-truncated.txt", format: "paper-page" },
    { name: "paper-page/pubmed.txt", format: "paper-page" },
    { name: "paper-page/pubmed-abstract-format.txt", format: "paper-page" },
    { name: "paper-page/aggregator.txt", format: "paper-page" },
    { name: "paper-page/aggregator-truncated.txt", format: "paper-page" },
    // Notes and reading lists stay with the plain-text fallback.
    { name: "text-note.md", format: "text" },
    { name: "text-one-paper.md", format: "text" },
    { name: "text-reading-list.md", format: "text" },
  ];
  for (const { name, format } of cases) {
    it(`sniffs ${name} as ${format}`, () => {
      expect(sniffFormat(toDocument(readFixture(name)).text).format).toBe(format);
    });
  }
});

describe("the seeds are not taken for lists or pages", () => {
  for (const seed of ["000", "001", "002", "003", "004"]) {
    it(`seed ${seed} scores low as an awesome list and as a paper page`, () => {
      const { text } = toDocument(readSeed(seed));
      expect(sniffAwesomeList(text)).toBeLessThan(0.5);
      expect(sniffPaperPage(text)).toBeLessThan(0.5);
    });
  }
});

describe("ordinary notes stay plain text", () => {
  it.each([
    [
      "a note with two paper links under a heading",
      "# Notes\n\n## Today\n\n- Read [Med-PaLM](https://arxiv.org/abs/2212.13138).\n- Then [Med-PaLM 2](https://arxiv.org/abs/2305.09617).\n",
    ],
    [
      "a one-link note with an awesome badge",
      "# My list [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)\n\n- [PMC-LLaMA](https://arxiv.org/abs/2304.14454)\n",
    ],
    [
      "a note quoting a paper without its abstract",
      "Paper: [Large Language Models Encode Clinical Knowledge](https://arxiv.org/abs/2212.13138)\n\nWorth a second read.\n",
    ],
    [
      "a long list of links without any heading",
      Array.from(
        { length: 20 },
        (_, i) => `- https://arxiv.org/abs/2401.${String(10000 + i)}`,
      ).join("\n"),
    ],
  ])("%s", (_name, text) => {
    expect(sniffFormat(text).format).toBe("text");
  });

  it("takes an arXiv digest's bullet fields for the digest, not a paper page", () => {
    const text =
      "A Title\n- URL: http://arxiv.org/abs/2311.05112v7\n- Title: A Title\n- Authors: A. Example\n- Abstract: Some words.\n";
    expect(sniffPaperPage(text)).toBeLessThan(0.5);
    expect(sniffFormat(text).format).toBe("arxiv-digest");
  });
});
