// Text similarity: terms of English and Chinese text, BM25-weighted cosine through the inverted index, and the
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
  // With one term weight (titles of two words, every term once), tf factors cancel and the cosine is
  // a ratio of idf squares: BM25's idf = ln(1 + (N − df + ½) / (df + ½)) over the N papers with text
  // in that language.
  const IDF_SHARED = Math.log(1 + 1.5 / 2.5);
  const IDF_OWN = Math.log(1 + 2.5 / 1.5);

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

  describe("BM25 weights", () => {
    // Abstracts "graph graph neural", "graph model", "protein folding": N = 3, average length 7/3;
    // idf(graph) = ln 1.6, idf(others) = ln(8/3). A term weighs idf · tf (k1 + 1) / (tf + K) with
    // K = k1 (1 − b + b · len / avgLen); vectors are then scaled to unit length. Worked out by hand:
    // k1 1.2, b 0.75: paper 0 = (graph 0.598187, neural 0.878184), paper 1 = (graph 0.499177, model
    // 1.041708), cosine 0.298601 / (1.062561 × 1.155134) = 0.243279.
    const papers: TextFields[] = [
      { abstract: "graph graph neural" },
      { abstract: "graph model" },
      { abstract: "protein folding" },
    ];
    it.each([
      [1.2, 0.75, 0.243279],
      [1.2, 0, 0.237759],
      [3, 0.25, 0.264626],
    ])("k1 %d, b %d: cosine %d", (k1, b, expected) => {
      const index = createTextIndex(papers, { k1, b });
      expect(computeTextSimilarities(index, 0).values[1]).toBeCloseTo(expected, 5);
      expect(computeTextSimilarities(index, 1).values[0]).toBeCloseTo(expected, 5);
    });

    it("saturates a repeated term: ten times the word is not ten times the weight", () => {
      // With k1 = 1.2 a term's tf factor is at most 2.2; its weight stays under 2.2 × that of tf 1.
      const repeated = createTextIndex(
        [
          { abstract: "graph" },
          { abstract: `${"graph ".repeat(10)}neural` },
          { abstract: "neural" },
        ],
        { k1: 1.2, b: 0 },
      );
      // Paper 1: graph tf 10 → 10 · 2.2 / 11.2 = 1.9643; neural tf 1 → 1; equal idf (df 2 each).
      const graph = 1.9643;
      expect(computeTextSimilarities(repeated, 0).values[1]).toBeCloseTo(
        graph / Math.sqrt(graph ** 2 + 1),
        4,
      );
    });
  });

  describe("phrases", () => {
    it("index two adjacent content words as one more term when asked", () => {
      const papers: TextFields[] = [
        { title: "graph neural network" },
        { title: "neural graph network" },
        { title: "protein folding" },
      ];
      // Without phrases the two titles have the same words: cosine 1. With phrases, the first adds
      // "graph neural" and "neural network", the second "neural graph" and "graph network": no
      // phrase is shared. Papers 0 and 1 have the same tf and length, so tf factors cancel: three
      // shared words of idf ln 1.6 (df 2) against two own phrases of idf ln(8/3) (df 1) each.
      expect(similarity(papers, 0, 1)).toBeCloseTo(1, 6);
      const index = createTextIndex(papers, { phrases: true });
      const value = computeTextSimilarities(index, 0).values[1] as number;
      const shared = Math.log(1.6) ** 2;
      const own = Math.log(8 / 3) ** 2;
      expect(value).toBeCloseTo((3 * shared) / (3 * shared + 2 * own), 6);
    });
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

  describe("Latin words of Chinese text", () => {
    // 0: a Chinese abstract naming RAG; 1: an English abstract naming RAG; 2: one naming nothing of 0's.
    // No bilingual paper, so no bridge: only the Latin word can join 0 and 1.
    const papers: TextFields[] = [
      { abstractZh: "基于RAG的医学问答系统" },
      { abstract: "RAG for radiology reports" },
      { abstract: "protein folding" },
    ];
    const similarities = (latinInChinese: boolean, doc: number) =>
      computeTextSimilarities(createTextIndex(papers, { latinInChinese, bridges: 0 }), doc).values;

    it("meet English text through the names they keep only when counted as English", () => {
      expect(similarities(false, 0)[1]).toBe(0);
      expect(similarities(true, 0)[1]).toBeGreaterThan(0);
      expect(similarities(true, 1)[0]).toBeCloseTo(similarities(true, 0)[1] as number, 12);
    });

    it("give nothing to a paper that shares no word", () => {
      expect(similarities(true, 0)[2]).toBe(0);
    });
  });
});
