// Acceptance: extract over records built from the five seed documents (read in place), checked
// against what a reader of the seeds knows about each paper.
import { describe, expect, it } from "vitest";
import { extractPaper, extractPapers } from "../../src/extract/index.ts";
import type { ExtractedPaper } from "../../src/extract/types.ts";
import {
  loadContext,
  readArxivDigestRecords,
  readCategory,
  readSeed,
  readZhDigestRecord,
  readZhuanzhiRecord,
  record,
} from "./_seed-records.ts";

const ctx = loadContext();
const topicsOf = (paper: ExtractedPaper) => paper.topics.map((mention) => mention.topic);

describe("seed 001 (a Chinese digest of a survey of medical LLMs)", () => {
  const { name, text } = readSeed("001");

  it("yields the survey's themes from its full text", () => {
    const paper = extractPaper(record({ source: name, abstract: text }), ctx);
    expect(topicsOf(paper)).toEqual(
      expect.arrayContaining([
        "clinical-decision-support",
        "report-generation",
        "medical-education",
        "fairness",
        "privacy",
        "robustness",
        "knowledge-graphs",
        "rag",
        "alignment",
        "multimodal",
      ]),
    );
  });

  it("takes its category reason as no evidence of RAG or agents", () => {
    const paper = extractPaper(record({ source: name, categories: [readCategory(text)] }), ctx);
    const topics = topicsOf(paper);
    expect(topics).not.toContain("rag");
    expect(topics).not.toContain("agents");
    // The same reason does name the applications and the challenges.
    expect(topics).toEqual(
      expect.arrayContaining([
        "clinical-decision-support",
        "report-generation",
        "medical-education",
        "privacy",
      ]),
    );
  });

  it("is a survey, by its titles", () => {
    const paper = extractPaper(readZhDigestRecord("001"), ctx);
    expect(paper.survey.isSurvey).toBe(true);
    expect(paper.survey.evidence?.snippet).toMatch(/^A Survey on Medical Large Language Models/);
  });

  it("finds the topics of its parsed record in its own abstract before the site's words", () => {
    const paper = extractPaper(readZhDigestRecord("001"), ctx);
    const rag = paper.topics.find((mention) => mention.topic === "rag");
    expect(rag?.evidence.snippet).toContain("retrieval-augmented generation");
  });
});

describe("seed 000 (a Chinese digest of a survey of medical LLMs and MLLMs)", () => {
  const { name, text } = readSeed("000");

  it("is a multimodal survey", () => {
    const paper = extractPaper(readZhDigestRecord("000"), ctx);
    expect(paper.survey.isSurvey).toBe(true);
    expect(topicsOf(paper)).toContain("multimodal");
  });

  it("takes its category reason (not about agent design) as no evidence of agents", () => {
    const paper = extractPaper(record({ source: name, categories: [readCategory(text)] }), ctx);
    expect(topicsOf(paper)).not.toContain("agents");
  });
});

describe("seeds 002 and 003 (专知 pages with an abstract only)", () => {
  it("finds 002 a survey with its guide repository", () => {
    const paper = extractPaper(readZhuanzhiRecord("002"), ctx);
    expect(paper.survey.isSurvey).toBe(true);
    expect(paper.survey.evidence?.snippet).toContain(
      "this survey provides a comprehensive overview",
    );
    expect(paper.repos.map((mention) => mention.repo)).toEqual([
      "ai-in-health/medllmspracticalguide",
    ]);
  });

  it("finds 003 a survey of multimodal models, agents and evaluation", () => {
    const paper = extractPaper(readZhuanzhiRecord("003"), ctx);
    expect(paper.survey.isSurvey).toBe(true);
    expect(topicsOf(paper)).toEqual(
      expect.arrayContaining([
        "multimodal",
        "medical-imaging",
        "ehr",
        "agents",
        "clinical-reasoning",
        "evaluation",
        "safety",
        "medical-education",
        "clinical-decision-support",
      ]),
    );
    expect(paper.repos.map((mention) => mention.repo)).toEqual([
      "mingze-yuan/awesome-llm-healthcare",
    ]);
  });

  it("leaves 002's site chrome alone: its text after the translation is not read", () => {
    const paper = extractPaper(readZhuanzhiRecord("002"), ctx);
    expect(paper.benchmarks).toEqual([]);
  });
});

describe("seed 004 (an arXiv digest with related papers)", () => {
  const papers = extractPapers(readArxivDigestRecords("004"), ctx);
  const byTitle = (words: string): ExtractedPaper => {
    const paper = papers.find((candidate) => candidate.record.title?.startsWith(words));
    if (!paper) throw new Error(`no record titled "${words}…"`);
    return paper;
  };

  it("parses the main record and ten related entries", () => {
    expect(papers).toHaveLength(11);
  });

  const surveys: Array<[string, boolean]> = [
    ["A Survey of Large Language Models in Medicine", true],
    ["Demystifying Large Language Models for Medicine: A Primer", true],
    ["CliMedBench", false],
    ["Towards Evaluating and Building Versatile", false],
    ["A Survey on Large Language Models from General Purpose", true],
    ["Large Language Models for Medicine: A Survey", true],
    ["Large Language Model Distilling Medication Recommendation Model", false],
    ["From Beginner to Expert", false],
    ["ChiMed-GPT", false],
    ["Large Language Models Illuminate a Progressive Pathway", true],
    ["Large language models in medicine: the potentials and pitfalls", true],
  ];
  for (const [title, isSurvey] of surveys) {
    it(`${isSurvey ? "finds" : "does not find"} a survey in "${title}…"`, () => {
      expect(byTitle(title).survey.isSurvey).toBe(isSurvey);
    });
  }

  it("discovers CliMedBench, introduced by its own entry", () => {
    expect(byTitle("CliMedBench").benchmarks).toEqual([
      expect.objectContaining({
        slug: "climedbench",
        name: "CliMedBench",
        relation: "introduces",
        known: false,
      }),
    ]);
  });

  it("discovers MedS-Bench, introduced by its entry, and not the MedS-Ins corpus", () => {
    const mentions = byTitle("Towards Evaluating and Building Versatile").benchmarks;
    expect(mentions).toEqual([
      expect.objectContaining({
        slug: "meds-bench",
        name: "MedS-Bench",
        relation: "introduces",
        known: false,
      }),
    ]);
    expect(mentions[0]?.evidence.snippet).toMatch(/^We present MedS-Bench, a benchmark/);
  });

  it("does not take ChiMed-GPT, 'a benchmark LLM', for a benchmark", () => {
    expect(byTitle("ChiMed-GPT").benchmarks).toEqual([]);
    expect(topicsOf(byTitle("ChiMed-GPT"))).toEqual(
      expect.arrayContaining(["chinese-medical", "alignment", "instruction-tuning"]),
    );
  });

  it("finds no benchmark anywhere else on the page", () => {
    const others = papers.filter(
      (paper) => !/^(CliMedBench|Towards Evaluating and Building)/.test(paper.record.title ?? ""),
    );
    expect(others.flatMap((paper) => paper.benchmarks)).toEqual([]);
  });

  it("finds distillation and medication recommendation in their entry", () => {
    expect(topicsOf(byTitle("Large Language Model Distilling"))).toEqual(
      expect.arrayContaining(["knowledge-distillation", "medication-recommendation"]),
    );
  });

  it("finds the main paper's repository in its abstract", () => {
    expect(byTitle("A Survey of Large Language Models in Medicine").repos).toEqual([
      expect.objectContaining({ repo: "ai-in-health/medllmspracticalguide" }),
    ]);
  });
});

describe("evidence over all seed records", () => {
  const records = [
    readZhDigestRecord("000"),
    readZhDigestRecord("001"),
    readZhuanzhiRecord("002"),
    readZhuanzhiRecord("003"),
    ...readArxivDigestRecords("004"),
  ];
  const papers = extractPapers(records, ctx);
  const evidence = papers.flatMap((paper) => [
    ...(paper.survey.evidence ? [paper.survey.evidence] : []),
    ...paper.topics.map((mention) => mention.evidence),
    ...paper.benchmarks.map((mention) => mention.evidence),
    ...paper.repos.map((mention) => mention.evidence),
  ]);

  it("has evidence to check", () => {
    expect(evidence.length).toBeGreaterThan(50);
  });

  it("names the record each piece came from", () => {
    const sources = new Set(records.map((item) => item.source));
    for (const item of evidence) expect(sources.has(item.source)).toBe(true);
  });

  it("quotes at most 200 characters, never a whole abstract", () => {
    const abstracts = new Set(
      records.flatMap((item) => [item.abstract, item.abstractZh, item.summary]),
    );
    for (const item of evidence) {
      expect(item.snippet.length).toBeGreaterThan(0);
      expect(item.snippet.length).toBeLessThanOrEqual(200);
      expect(abstracts.has(item.snippet)).toBe(false);
    }
  });

  it("quotes words that are in the record", () => {
    for (const paper of papers) {
      const { record: source } = paper;
      const text = [
        source.title,
        source.titleZh,
        source.abstract,
        source.abstractZh,
        source.summary,
        ...source.tags,
      ]
        .concat(source.categories.flatMap((category) => [category.label, category.reason]))
        .join("\n")
        .replace(/\s+/g, " ");
      const quotes = [
        ...(paper.survey.evidence ? [paper.survey.evidence] : []),
        ...paper.topics.map((mention) => mention.evidence),
        ...paper.benchmarks.map((mention) => mention.evidence),
      ];
      for (const quote of quotes) {
        for (const part of quote.snippet.split("…").filter((piece) => piece.trim())) {
          expect(text).toContain(part.trim());
        }
      }
    }
  });
});
