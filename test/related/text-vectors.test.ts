// Text similarity: terms of English and Chinese text, TF-IDF cosine through the inverted index, and the
// bridge that compares a paper in one language with papers in the other.
import { describe, expect, it } from "vitest";
import {
  CHINESE,
  computeTextSimilarities,
  createTextIndex,
  detectSpace,
  ENGLISH,
  stemWord,
  type TextFields,
  tokenize,
} from "../../src/related/text-vectors.ts";

describe("tokenize", () => {
  it.each([
    [
      "English words, lower-cased, stop words dropped",
      "The Models of Medicine",
      ["model", "medicine"],
    ],
    [
      "plurals folded, -ss/-us/-is kept",
      "studies analysis bias status",
      ["study", "analysis", "bias", "status"],
    ],
    [
      "hyphenated words also give their parts",
      "Retrieval-Augmented",
      ["retrieval-augmented", "retrieval", "augmented"],
    ],
    ["Chinese runs give bigrams", "医学问答", ["医学", "学问", "问答"]],
    ["a lone Han character stands for itself", "的 医", ["的", "医"]],
    ["full-width Latin letters are folded", "ＭｅｄＱＡ", ["medqa"]],
    ["both scripts in one text", "MedQA 医学", ["medqa", "医学"]],
    ["one-letter words are dropped", "a b c", []],
  ])("%s", (_name, text, expected) => {
    expect(tokenize(text)).toEqual(expected);
  });

  it.each([
    ["models", "model"],
    ["studies", "study"],
    ["classes", "class"],
    ["class", "class"],
    ["bus", "bus"],
    ["llms", "llm"],
  ])("stems %s as %s", (word, stem) => {
    expect(stemWord(word)).toBe(stem);
  });

  it.each([
    ["English", "A Survey of Large Language Models", ENGLISH],
    ["Chinese", "医学领域大型语言模型综述", CHINESE],
    ["Chinese with a few Latin names", "基于GPT-4的医学问答系统评测", CHINESE],
    ["English with one Chinese word", "Medical QA in Chinese (中文)", ENGLISH],
  ])("places %s text in its space", (_name, text, space) => {
    expect(detectSpace(text)).toBe(space);
  });
});

/** Similarity of paper `a` to paper `b` of `papers`. */
function similarity(papers: TextFields[], a: number, b: number, bridges?: number): number {
  const index = createTextIndex(papers, bridges === undefined ? {} : { bridges });
  return computeTextSimilarities(index, a).values[b] as number;
}

describe("text similarity", () => {
  // With one term weight (titles only, every term once), tf factors cancel and the cosine is a ratio
  // of idf squares: idf = ln(1 + N / df) over the N papers with text in that language.
  const IDF_SHARED = Math.log(1 + 3 / 2);
  const IDF_OWN = Math.log(1 + 3 / 1);

  it.each([
    {
      name: "identical titles",
      papers: [{ title: "alpha beta" }, { title: "alpha beta" }, { title: "gamma delta" }],
      a: 0,
      b: 1,
      expected: 1,
    },
    {
      name: "no word in common",
      papers: [{ title: "alpha beta" }, { title: "alpha beta" }, { title: "gamma delta" }],
      a: 0,
      b: 2,
      expected: 0,
    },
    {
      name: "one word of two in common",
      papers: [{ title: "alpha beta" }, { title: "alpha gamma" }, { title: "delta epsilon" }],
      a: 0,
      b: 1,
      expected: IDF_SHARED ** 2 / (IDF_SHARED ** 2 + IDF_OWN ** 2),
    },
    {
      name: "Chinese titles through bigrams",
      papers: [{ titleZh: "医学问答" }, { titleZh: "医学问答" }, { titleZh: "放射影像" }],
      a: 0,
      b: 1,
      expected: 1,
    },
    {
      name: "a Chinese title in the title field is compared as Chinese",
      papers: [{ title: "医学问答" }, { titleZh: "医学问答" }, { titleZh: "放射影像" }],
      a: 0,
      b: 1,
      expected: 1,
    },
    {
      name: "bilingual papers: the mean of both languages' cosines",
      papers: [
        { title: "alpha beta", titleZh: "医学问答" },
        { title: "alpha beta", titleZh: "放射影像" },
        { title: "gamma delta", titleZh: "病理切片" },
      ],
      a: 0,
      b: 1,
      expected: 0.5,
    },
    {
      name: "a bilingual and an English paper: English only",
      papers: [
        { title: "alpha beta", titleZh: "医学问答" },
        { title: "alpha beta" },
        { title: "gamma delta" },
      ],
      a: 0,
      b: 1,
      expected: 1,
    },
  ])("$name", ({ papers, a, b, expected }) => {
    expect(similarity(papers, a, b)).toBeCloseTo(expected, 6);
    expect(similarity(papers, b, a)).toBeCloseTo(expected, 6);
  });

  it("never compares a paper with itself", () => {
    expect(similarity([{ title: "alpha beta" }, { title: "alpha beta" }], 0, 0)).toBe(0);
  });

  describe("across languages", () => {
    // 0: English only; 1: bilingual, its English close to 0's; 2: Chinese only, the same as 1's Chinese.
    const papers: TextFields[] = [
      { title: "alpha beta" },
      { title: "alpha gamma", titleZh: "医学问答" },
      { titleZh: "医学问答" },
      { title: "delta epsilon" },
    ];
    const englishCosine = IDF_SHARED ** 2 / (IDF_SHARED ** 2 + IDF_OWN ** 2);

    it("reaches a Chinese-only paper through the bilingual one: sim(0,1) × cos(1,2)", () => {
      const index = createTextIndex(papers);
      const found = computeTextSimilarities(index, 0);
      expect(found.values[2]).toBeCloseTo(englishCosine * 1, 6);
      expect(found.crossLanguage[2]).toBe(1);
      expect(found.crossLanguage[1]).toBe(0);
      expect(found.touched).toContain(2);
    });

    it("works the other way round, from the Chinese-only paper", () => {
      const found = computeTextSimilarities(createTextIndex(papers), 2);
      expect(found.values[1]).toBeCloseTo(1, 6);
      expect(found.values[0]).toBeCloseTo(englishCosine, 6);
      expect(found.crossLanguage[0]).toBe(1);
    });

    it("finds nothing across languages without bridges", () => {
      expect(similarity(papers, 0, 2, 0)).toBe(0);
    });
  });
});
