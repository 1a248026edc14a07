// Repository mentions: GitHub links from a record's urls and from its abstracts, one per repository.
import { describe, expect, it } from "vitest";
import { findRepos } from "../../src/extract/repos.ts";
import type { RepoMention } from "../../src/extract/types.ts";
import type { PaperRecord } from "../../src/ingest/types.ts";
import { record } from "./_seed-records.ts";

interface Row {
  name: string;
  fields: Partial<PaperRecord>;
  expected: RepoMention[];
}

const ROWS: Row[] = [
  {
    name: "a link at the end of an abstract, with a full stop",
    fields: { abstract: "We test it on notes. Code is at https://github.com/Example-Lab/WardBot." },
    expected: [
      {
        repo: "example-lab/wardbot",
        url: "https://github.com/Example-Lab/WardBot",
        evidence: {
          source: "test.txt",
          snippet: "Code is at https://github.com/Example-Lab/WardBot.",
        },
      },
    ],
  },
  {
    name: "a link in Chinese text followed by Chinese punctuation",
    fields: { abstractZh: "代码见https://github.com/example/med-agent。欢迎使用。" },
    expected: [
      {
        repo: "example/med-agent",
        url: "https://github.com/example/med-agent",
        evidence: { source: "test.txt", snippet: "代码见https://github.com/example/med-agent。" },
      },
    ],
  },
  {
    name: "a link only in the record's urls",
    fields: {
      urls: ["https://arxiv.org/abs/2401.00001", "https://github.com/owner/tool/tree/main/src"],
    },
    expected: [
      {
        repo: "owner/tool",
        url: "https://github.com/owner/tool/tree/main/src",
        evidence: { source: "test.txt", snippet: "https://github.com/owner/tool/tree/main/src" },
      },
    ],
  },
  {
    name: "the same repository in urls and abstract, written differently, is one mention",
    fields: {
      urls: ["https://github.com/Owner/Tool"],
      abstract: "See http://www.github.com/owner/tool.git for the data.",
    },
    expected: [
      {
        repo: "owner/tool",
        url: "https://github.com/Owner/Tool",
        evidence: {
          source: "test.txt",
          snippet: "See http://www.github.com/owner/tool.git for the data.",
        },
      },
    ],
  },
  {
    name: "GitHub pages that are not repositories",
    fields: {
      abstract: "Browse https://github.com/topics/medical and https://github.com/features/copilot.",
    },
    expected: [],
  },
  { name: "no links", fields: { abstract: "Nothing to see." }, expected: [] },
];

describe("findRepos", () => {
  for (const row of ROWS) {
    it(row.name, () => {
      expect(findRepos(record(row.fields))).toEqual(row.expected);
    });
  }

  it("keeps the order urls first, then abstract links", () => {
    const repos = findRepos(
      record({
        urls: ["https://github.com/b/second"],
        abstract: "Also https://github.com/a/first here.",
      }),
    );
    expect(repos.map((mention) => mention.repo)).toEqual(["b/second", "a/first"]);
  });
});
