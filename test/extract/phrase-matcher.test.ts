// The phrase matcher under the taxonomy and the gazetteer: whole words, acronyms, plurals,
// separators, overlapping phrases and Chinese substrings.
import { describe, expect, it } from "vitest";
import type { PhraseSpec } from "../../src/extract/phrase-matcher.ts";
import {
  createPhraseMatcher,
  matchPhrases,
  normalizePhrase,
} from "../../src/extract/phrase-matcher.ts";

function spec(phrase: string, caseSensitive = false, plural = true): PhraseSpec<string> {
  return { phrase, value: phrase, caseSensitive, plural };
}

const MATCHER = createPhraseMatcher([
  spec("RAG", true),
  spec("retrieval-augmented generation"),
  spec("agent"),
  spec("agent-based"),
  spec("methodology"),
  spec("bias"),
  spec("radiology"),
  spec("radiology report generation"),
  spec("report generation"),
  spec("检索增强", true),
  spec("Agent", true),
  spec("X光", true),
]);

/** The matched text of each match, in order. */
function found(text: string): string[] {
  return matchPhrases(MATCHER, text).map((match) => text.slice(match.start, match.end));
}

describe("matchPhrases", () => {
  const rows: Array<{ name: string; text: string; expected: string[] }> = [
    { name: "an acronym as a whole word", text: "A RAG system.", expected: ["RAG"] },
    { name: "an acronym inside words is no match", text: "drag, ragged, Ragnarok", expected: [] },
    { name: "an acronym in another case is no match", text: "a rag", expected: [] },
    {
      name: "an acronym with a plural and before Chinese",
      text: "RAGs与RAG相关",
      expected: ["RAGs", "RAG"],
    },
    {
      name: "space or hyphen between words, any case",
      text: "Retrieval Augmented Generation and retrieval-augmented\ngeneration",
      expected: ["Retrieval Augmented Generation", "retrieval-augmented\ngeneration"],
    },
    {
      name: "plural endings: s, es, ies",
      text: "agents, biases, methodologies",
      expected: ["agents", "biases", "methodologies"],
    },
    {
      name: "a phrase and the shorter phrase it starts with",
      text: "agent-based triage",
      expected: ["agent-based", "agent"],
    },
    {
      name: "overlapping phrases all found",
      text: "radiology report generation",
      expected: ["radiology report generation", "radiology", "report generation"],
    },
    {
      name: "too much between words breaks a phrase",
      text: "retrieval - - augmented generation",
      expected: [],
    },
    { name: "a Chinese substring", text: "一种检索增强方法", expected: ["检索增强"] },
    {
      name: "a Latin word from the Chinese list needs word edges",
      text: "医疗Agent系统，Agents，Reagent",
      expected: ["Agent", "Agent", "Agents", "Agents"],
    },
    {
      name: "a phrase starting with a Latin letter needs a word edge",
      text: "X光片 与 CX光",
      expected: ["X光"],
    },
  ];
  for (const row of rows) {
    it(row.name, () => expect(found(row.text)).toEqual(row.expected));
  }

  it("reports what each match stands for, with offsets into the text", () => {
    expect(matchPhrases(MATCHER, "two agents")).toEqual([
      { start: 4, end: 10, value: "agent", phrase: "agent" },
    ]);
  });

  it("can refuse a name continued by a hyphenated capital", () => {
    const gazetteer = createPhraseMatcher([spec("MMLU", true, false)], {
      rejectHyphenatedContinuation: true,
    });
    const text = "MMLU-Pro and MMLU-style and MMLU.";
    expect(matchPhrases(gazetteer, text).map((match) => match.start)).toEqual([13, 28]);
  });

  it("can refuse a name opened by a capitalised word and a hyphen", () => {
    const gazetteer = createPhraseMatcher([spec("FEVER", true, false)], {
      rejectHyphenatedContinuation: true,
    });
    const text = "Ex-FEVER, X2-FEVER, non-FEVER and FEVER.";
    expect(matchPhrases(gazetteer, text).map((match) => match.start)).toEqual([24, 34]);
  });

  it("finds nothing with no phrases", () => {
    expect(matchPhrases(createPhraseMatcher<string>([]), "anything")).toEqual([]);
  });
});

describe("normalizePhrase", () => {
  const rows: Array<[string, boolean, string]> = [
    ["Retrieval-Augmented  Generation", false, "retrieval augmented generation"],
    ["RAG", true, "RAG"],
    ["多模态", true, "多模态"],
  ];
  for (const [phrase, caseSensitive, expected] of rows) {
    it(`${phrase} → ${expected}`, () =>
      expect(normalizePhrase(phrase, caseSensitive)).toBe(expected));
  }
});
