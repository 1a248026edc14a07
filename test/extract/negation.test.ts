// Negated mentions in category reasons: the words that say a paper is not about a topic.
import { describe, expect, it } from "vitest";
import { isNegated } from "../../src/extract/negation.ts";

const ROWS: Array<{ name: string; text: string; words: string; negated: boolean }> = [
  {
    name: "而不是 … in the same clause",
    text: "它关注实际应用，而不是理论研究或Agent相关的研究。",
    words: "Agent",
    negated: true,
  },
  {
    name: "而不是 … a list after it",
    text: "它关注实际应用，而不是理论研究或Agent、RAG相关的研究。",
    words: "RAG",
    negated: true,
  },
  {
    name: "a positive clause before the negated one",
    text: "它讨论了检索增强，而不是微调。",
    words: "检索增强",
    negated: false,
  },
  {
    name: "不是 A，而是 B: B is not negated",
    text: "重点不是微调，而是检索增强。",
    words: "检索增强",
    negated: false,
  },
  {
    name: "不是 A 而是 B without a comma",
    text: "重点不是微调而是检索增强。",
    words: "检索增强",
    negated: false,
  },
  {
    name: "…无关 after the mention",
    text: "该工作与知识图谱无关。",
    words: "知识图谱",
    negated: true,
  },
  {
    name: "rather than",
    text: "It studies data rather than agents.",
    words: "agents",
    negated: true,
  },
  {
    name: "not",
    text: "The paper is about reports, not multimodal models.",
    words: "multimodal",
    negated: true,
  },
  {
    name: "not only … but also",
    text: "It covers not only prompting but also RAG.",
    words: "RAG",
    negated: false,
  },
  {
    name: "is not … after the mention",
    text: "RAG is not used here.",
    words: "RAG",
    negated: true,
  },
  { name: "a plain mention", text: "This work builds agents.", words: "agents", negated: false },
  {
    name: "a negation in an earlier sentence",
    text: "It is not a survey. It builds agents.",
    words: "agents",
    negated: false,
  },
];

describe("isNegated", () => {
  for (const row of ROWS) {
    it(`${row.negated ? "negated" : "kept"}: ${row.name}`, () => {
      const start = row.text.indexOf(row.words);
      expect(isNegated(row.text, start, start + row.words.length)).toBe(row.negated);
    });
  }
});
