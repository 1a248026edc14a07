// Links in text: URLs with the punctuation prose leaves around them removed, GitHub repositories, DOIs.
import { describe, expect, it } from "vitest";
import { findDois, findUrls, parseGithubRepo } from "../../src/extract/links.ts";

describe("findUrls", () => {
  const rows: Array<{ name: string; text: string; expected: string[] }> = [
    {
      name: "a trailing full stop",
      text: "Code: https://github.com/a/b.",
      expected: ["https://github.com/a/b"],
    },
    {
      name: "a Chinese full stop",
      text: "见https://github.com/a/b。",
      expected: ["https://github.com/a/b"],
    },
    {
      name: "a Chinese colon",
      text: "仓库https://github.com/a/b：含数据",
      expected: ["https://github.com/a/b"],
    },
    {
      name: "a Chinese comma",
      text: "https://github.com/a/b，以及文档",
      expected: ["https://github.com/a/b"],
    },
    {
      name: "full-width brackets",
      text: "（https://github.com/a/b）",
      expected: ["https://github.com/a/b"],
    },
    {
      name: "curly quotes",
      text: "“https://github.com/a/b”",
      expected: ["https://github.com/a/b"],
    },
    {
      name: "Markdown link",
      text: "[Arxiv](https://arxiv.org/abs/2406.03712)",
      expected: ["https://arxiv.org/abs/2406.03712"],
    },
    {
      name: "a space ends it",
      text: "at https://github.com/a/b 获取",
      expected: ["https://github.com/a/b"],
    },
    {
      name: "duplicates once, in order",
      text: "https://x.org/1 https://y.org/2 https://x.org/1",
      expected: ["https://x.org/1", "https://y.org/2"],
    },
    { name: "a bare scheme is no link", text: "see https:// later", expected: [] },
  ];
  for (const row of rows) {
    it(row.name, () => expect(findUrls(row.text)).toEqual(row.expected));
  }
});

describe("parseGithubRepo", () => {
  const rows: Array<[string, string | undefined]> = [
    ["https://github.com/AI-in-Health/MedLLMsPracticalGuide", "ai-in-health/medllmspracticalguide"],
    ["https://github.com/owner/name/tree/main/docs", "owner/name"],
    ["http://www.github.com/owner/name.git", "owner/name"],
    ["https://github.com/owner/name.", "owner/name"],
    ["https://github.com/topics/llm", undefined],
    ["https://github.com/owner", undefined],
    ["https://gitlab.com/owner/name", undefined],
  ];
  for (const [url, expected] of rows) {
    it(`${url} → ${expected ?? "none"}`, () => expect(parseGithubRepo(url)).toBe(expected));
  }
});

describe("findDois", () => {
  const rows: Array<{ name: string; text: string; expected: string[] }> = [
    {
      name: "a doi.org link",
      text: "https://doi.org/10.1038/s41586-023-06291-2",
      expected: ["10.1038/s41586-023-06291-2"],
    },
    {
      name: "a trailing full stop and bracket",
      text: "(doi:10.1001/jama.2023.1234).",
      expected: ["10.1001/jama.2023.1234"],
    },
    {
      name: "Chinese punctuation after it",
      text: "DOI：10.48550/arXiv.2311.05112，见正文",
      expected: ["10.48550/arxiv.2311.05112"],
    },
    {
      name: "Chinese text right after it",
      text: "10.1000/abc123见附录",
      expected: ["10.1000/abc123"],
    },
    {
      name: "lower-cased and deduplicated",
      text: "10.1000/ABC and 10.1000/abc",
      expected: ["10.1000/abc"],
    },
    { name: "no DOI in a decimal", text: "score 10.5 of 20", expected: [] },
  ];
  for (const row of rows) {
    it(row.name, () => expect(findDois(row.text)).toEqual(row.expected));
  }
});
