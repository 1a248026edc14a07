// The pruned related-papers query against the exhaustive one: text similarity searched only for the
// papers that can reach the floor, then computed exactly, must give the same ranking to the last bit
// (keys, order, scores, reasons, breakdowns), on a generated corpus and on random texts.
import { describe, expect, it } from "vitest";
import { createRng, generateCorpus } from "../../bench/corpus.ts";
import { DEFAULT_LAYOUT_OPTIONS } from "../../src/graph/layout.ts";
import type { LitGraph } from "../../src/graph/types.ts";
import { buildGraph } from "../../src/pipeline/build-graph.ts";
import {
  createRelatedIndex,
  DEFAULT_RELATED_WEIGHTS,
  type RelatedOptions,
} from "../../src/related/index.ts";
import {
  rankRelated,
  rankRelatedExhaustively,
  rankRelatedToSet,
  rankRelatedToSetExhaustively,
} from "../../src/related/rank.ts";
import {
  computeTextSimilarities,
  createTextIndex,
  createTextQuery,
  type TextFields,
} from "../../src/related/text-vectors.ts";
import { readDataJson } from "../_seeds.ts";

function buildGenerated(documents: number, seed: number): LitGraph {
  const encoder = new TextEncoder();
  return buildGraph(
    {
      files: generateCorpus({ documents, seed }).map((doc) => ({
        id: doc.id,
        bytes: encoder.encode(doc.text),
      })),
      taxonomy: readDataJson("taxonomy.json"),
      benchmarks: readDataJson("benchmarks.json"),
    },
    { analyse: { layout: { ...DEFAULT_LAYOUT_OPTIONS, iterations: 1, noverlapIterations: 0 } } },
  ).graph;
}

const ENGLISH_WORDS =
  "model retrieval medical agent benchmark clinical reasoning vision language graph survey data".split(
    " ",
  );
const HAN = "模型检索医学智能体评测临床推理视觉语言图谱综述数据大";

/** Random titles and abstracts over a small vocabulary, some English, some Chinese, some both. */
function randomPapers(count: number, seed: number): TextFields[] {
  const rng = createRng(seed);
  // Skewed draws, so that some terms are in most papers and others in a few.
  const pick = (items: string) => items[Math.floor(items.length * rng() ** 2)] as string;
  const english = (words: number) =>
    Array.from({ length: words }, () => ENGLISH_WORDS[Math.floor(12 * rng() ** 2)]).join(" ");
  const chinese = (chars: number) => Array.from({ length: chars }, () => pick(HAN)).join("");
  return Array.from({ length: count }, () => {
    const roll = rng();
    const paper: TextFields = {};
    if (roll < 0.7) {
      paper.title = english(2 + Math.floor(4 * rng()));
      if (rng() < 0.8) paper.abstract = english(5 + Math.floor(30 * rng()));
    }
    if (roll > 0.4) {
      paper.titleZh = chinese(3 + Math.floor(6 * rng()));
      if (rng() < 0.8) paper.abstractZh = chinese(10 + Math.floor(40 * rng()));
    }
    return paper;
  });
}

describe("createTextQuery", () => {
  const cases = [
    { name: "English and Chinese, k1 2", seed: 1, options: { k1: 2, chineseWeight: 2 } },
    {
      name: "few terms indexed",
      seed: 2,
      options: { commonTermShare: 0.05, commonTermMinimum: 5 },
    },
    { name: "default BM25", seed: 3, options: {} },
  ];
  for (const { name, seed, options } of cases) {
    it(`finds every paper at the floor and gives its exact similarity (${name})`, () => {
      const index = createTextIndex(randomPapers(300, seed), { ...options, bridges: 0 });
      let pruned = 0;
      for (let doc = 0; doc < index.size; doc += 1) {
        for (const floor of [0.05, 0.2]) {
          const query = createTextQuery(index, doc, floor);
          if (!query) continue;
          pruned += 1;
          const all = computeTextSimilarities(index, doc);
          const bounds = new Map(query.candidates.map((other, i) => [other, query.bounds[i]]));
          for (let other = 0; other < index.size; other += 1) {
            if (other === doc) continue;
            const value = all.values[other] as number;
            expect(Object.is(query.similarity(other), value)).toBe(true);
            if (value >= floor) expect(bounds.get(other)).toBeGreaterThanOrEqual(value);
          }
        }
      }
      expect(pruned).toBeGreaterThan(0);
    });
  }

  it("declines what it cannot prune: bridges to the other language, feedback, a floor of 0", () => {
    const papers: TextFields[] = [
      { title: "medical retrieval agents" },
      { titleZh: "医学检索智能体" },
      { title: "medical retrieval", titleZh: "医学检索" },
    ];
    expect(createTextQuery(createTextIndex(papers), 0, 0.05)).toBeUndefined();
    expect(createTextQuery(createTextIndex(papers), 2, 0.05)).toBeDefined();
    expect(
      createTextQuery(createTextIndex(papers, { feedbackPapers: 2 }), 2, 0.05),
    ).toBeUndefined();
    expect(createTextQuery(createTextIndex(papers), 2, 0)).toBeUndefined();
  });
});

describe("rankRelated pruned", () => {
  const graph = buildGenerated(500, 5);
  const index = createRelatedIndex(graph);
  const variants: Array<{ name: string; options: Partial<RelatedOptions> }> = [
    { name: "defaults", options: {} },
    { name: "k 3", options: { k: 3 } },
    { name: "k 40", options: { k: 40 } },
    { name: "text weighing most", options: { weights: { ...DEFAULT_RELATED_WEIGHTS, text: 40 } } },
    { name: "a higher floor", options: { minTextSimilarity: 0.2 } },
    { name: "no floor (not pruned)", options: { minTextSimilarity: 0 } },
  ];

  it("is built on a corpus with papers in one language and in two", () => {
    expect(index.papers.length).toBeGreaterThan(200);
    expect(index.text.monolingual[0]).toBeGreaterThan(0);
  });

  for (const { name, options } of variants) {
    it(`gives the exhaustive ranking of every paper (${name})`, () => {
      for (const key of index.papers)
        expect(rankRelated(index, key, options)).toEqual(
          rankRelatedExhaustively(index, key, options),
        );
    });
  }

  it("gives the exhaustive ranking of sets of papers", () => {
    const rng = createRng(11);
    const pick = () => index.papers[Math.floor(rng() * index.papers.length)] as string;
    for (let i = 0; i < 60; i += 1) {
      const keys = [pick(), pick(), pick()].slice(0, 2 + (i % 2));
      for (const options of [{}, { k: 25 }])
        expect(rankRelatedToSet(index, keys, options)).toEqual(
          rankRelatedToSetExhaustively(index, keys, options),
        );
    }
  });
});
