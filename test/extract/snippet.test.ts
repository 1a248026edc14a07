// Evidence snippets: the sentence around a match, cut to clauses or a window when it is long.
import { describe, expect, it } from "vitest";
import {
  clipText,
  findSentenceBounds,
  SNIPPET_MAX_LENGTH,
  snippetAround,
} from "../../src/extract/snippet.ts";

/** The snippet around the first occurrence of `words` in `text`. */
function around(text: string, words: string, max?: number): string {
  const start = text.indexOf(words);
  if (start < 0) throw new Error(`"${words}" not in text`);
  return snippetAround(text, start, start + words.length, max);
}

describe("snippetAround", () => {
  const rows: Array<{ name: string; text: string; words: string; expected: string }> = [
    {
      name: "an English sentence",
      text: "First point. The second uses RAG here. Third.",
      words: "RAG",
      expected: "The second uses RAG here.",
    },
    {
      name: "a Chinese sentence",
      text: "第一句。第二句提到多模态模型。第三句。",
      words: "多模态",
      expected: "第二句提到多模态模型。",
    },
    {
      name: "abbreviations do not end a sentence",
      text: "Tasks (e.g. report generation) vary. Next one.",
      words: "report generation",
      expected: "Tasks (e.g. report generation) vary.",
    },
    {
      name: "decimals do not end a sentence",
      text: "It scores 13.5 points on MedQA. Done.",
      words: "MedQA",
      expected: "It scores 13.5 points on MedQA.",
    },
    {
      name: "line breaks end a sentence",
      text: "Title line\nA line with agents in it\nAnother",
      words: "agents",
      expected: "A line with agents in it",
    },
    {
      name: "whitespace collapsed",
      text: "Some   words\twith  RAG   inside.",
      words: "RAG",
      expected: "Some words with RAG inside.",
    },
  ];
  for (const row of rows) {
    it(row.name, () => expect(around(row.text, row.words)).toBe(row.expected));
  }

  it("cuts a long sentence to whole clauses around the match", () => {
    const clause = "and a long clause that says nothing in particular about the topic at hand";
    const text = `Intro, ${clause}, ${clause}, we use a knowledge graph here, ${clause}, ${clause}.`;
    const snippet = around(text, "knowledge graph");
    expect(snippet.length).toBeLessThanOrEqual(SNIPPET_MAX_LENGTH);
    expect(snippet).toContain("we use a knowledge graph here,");
    expect(snippet.startsWith("…")).toBe(true);
    expect(snippet.endsWith("…")).toBe(true);
  });

  it("cuts a long clause to a window at word breaks", () => {
    const words = "word ".repeat(80);
    const text = `${words}the agents appear here ${words}end.`;
    const snippet = around(text, "agents");
    expect(snippet.length).toBeLessThanOrEqual(SNIPPET_MAX_LENGTH);
    expect(snippet).toMatch(/^…word .* the agents appear here .*word…$/);
  });

  it("honours a smaller limit", () => {
    const snippet = around("Alpha, beta, gamma uses MedQA, delta, epsilon.", "MedQA", 20);
    expect(snippet).toBe("…gamma uses MedQA,…");
  });
});

describe("findSentenceBounds", () => {
  it("gives the trimmed bounds of the sentence", () => {
    const text = "One.  Two has it.  Three.";
    const start = text.indexOf("has");
    expect(findSentenceBounds(text, start, start + 3)).toEqual([6, 17]);
  });
});

describe("clipText", () => {
  const rows: Array<[string, number, string]> = [
    ["short title", 200, "short title"],
    ["  spaced\n title ", 200, "spaced title"],
    ["one two three four five", 12, "one two…"],
  ];
  for (const [text, max, expected] of rows) {
    it(`${JSON.stringify(text)} → ${JSON.stringify(expected)}`, () =>
      expect(clipText(text, max)).toBe(expected));
  }
});
