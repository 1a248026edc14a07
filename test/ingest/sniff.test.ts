// sniffFormat: the adapter is chosen by content, never by file name; plain text is the fallback.
import { describe, expect, it } from "vitest";
import { sniffFormat } from "../../src/ingest/sniff.ts";
import type { FormatId } from "../../src/ingest/types.ts";
import { readFixture, readSeed, toDocument } from "./_fixtures.ts";

describe("sniffFormat on the seeds", () => {
  const cases: Array<{ seed: string; format: FormatId }> = [
    { seed: "000", format: "zh-digest" },
    { seed: "001", format: "zh-digest" },
    { seed: "002", format: "zhuanzhi" },
    { seed: "003", format: "zhuanzhi" },
    { seed: "004", format: "arxiv-digest" },
  ];
  for (const { seed, format } of cases) {
    it(`sniffs seed ${seed} as ${format}`, () => {
      const result = sniffFormat(toDocument(readSeed(seed)).text);
      expect(result.format).toBe(format);
      expect(result.confidence).toBeGreaterThanOrEqual(0.5);
    });
  }
});

describe("sniffFormat on the fixtures", () => {
  const cases: Array<{ name: string; format: FormatId }> = [
    { name: "zh-digest-label-reason-next-line.txt", format: "zh-digest" },
    { name: "zh-digest-book-title-single-tag.txt", format: "zh-digest" },
    { name: "zh-digest-many-images-no-link.txt", format: "zh-digest" },
    { name: "zh-digest-no-link-no-images.txt", format: "zh-digest" },
    { name: "zhuanzhi-title-and-translation.txt", format: "zhuanzhi" },
    { name: "zhuanzhi-saved-before-chrome.txt", format: "zhuanzhi" },
    { name: "zhuanzhi-chinese-title-no-translation.txt", format: "zhuanzhi" },
    // Saved before its translation and chrome, a 专知 page is indistinguishable from plain text.
    { name: "zhuanzhi-abstract-only.txt", format: "text" },
    { name: "arxiv-digest-cut-off.txt", format: "arxiv-digest" },
    { name: "arxiv-digest-heading-without-score.txt", format: "arxiv-digest" },
    { name: "arxiv-digest-with-footer.txt", format: "arxiv-digest" },
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

describe("sniffFormat edge cases", () => {
  it("takes a Chinese Markdown note with a heading for plain text", () => {
    expect(sniffFormat("# 读书笔记\n\n今天读了一篇关于医学大模型的综述。\n").format).toBe("text");
  });

  it("does not look at the name: a digest page is a digest whatever it is called", () => {
    const text = toDocument(readSeed("004")).text;
    expect(sniffFormat(text)).toEqual(sniffFormat(`${text}`));
    expect(sniffFormat(text).format).toBe("arxiv-digest");
  });

  it("gives a confidence between 0 and 1", () => {
    for (const text of [
      "",
      "x",
      "# 摘要\n发布时间：2024年1月1日\n`a`\n[Arxiv](https://arxiv.org/abs/2401.00001)",
    ]) {
      const { confidence } = sniffFormat(text);
      expect(confidence).toBeGreaterThanOrEqual(0);
      expect(confidence).toBeLessThanOrEqual(1);
    }
  });
});
