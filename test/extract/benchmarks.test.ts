// Benchmark mentions: gazetteer names on word boundaries, names discovered by their shape where the
// text calls them a benchmark or dataset, and whether the record introduces or evaluates on each.
import { describe, expect, it } from "vitest";
import { findBenchmarks } from "../../src/extract/benchmarks.ts";
import { compactSlug, slugify } from "../../src/extract/slug.ts";
import type { BenchmarkMention } from "../../src/extract/types.ts";
import type { PaperRecord } from "../../src/ingest/types.ts";
import { loadContext, record } from "./_seed-records.ts";

const { benchmarks } = loadContext();

function find(fields: Partial<PaperRecord>): BenchmarkMention[] {
  return findBenchmarks(record(fields), benchmarks);
}

type Expected = Pick<BenchmarkMention, "slug" | "relation" | "known">;

interface Row {
  name: string;
  fields: Partial<PaperRecord>;
  /** Every mention expected, in order (slug, relation, known). */
  expected: Expected[];
}

const ev = (slug: string, known = true): Expected => ({ slug, relation: "evaluates", known });
const intro = (slug: string, known = true): Expected => ({ slug, relation: "introduces", known });

const GAZETTEER_ROWS: Row[] = [
  {
    name: "three exam sets in a list",
    fields: { abstract: "We report accuracy on MedQA, MedMCQA and PubMedQA." },
    expected: [ev("medqa"), ev("medmcqa"), ev("pubmedqa")],
  },
  {
    name: "an alias gives the canonical entry",
    fields: { abstract: "Scores on MedQA-USMLE rise by four points." },
    expected: [ev("medqa")],
  },
  {
    name: "CMMLU is not MMLU",
    fields: { abstract: "Results on CMMLU improve." },
    expected: [ev("cmmlu")],
  },
  {
    name: "MMLU-Pro is another name than MMLU",
    fields: { abstract: "We also try MMLU-Pro." },
    expected: [ev("mmlu-pro")],
  },
  {
    name: "an ambiguous short name counts where the sentence speaks of evaluation",
    fields: { abstract: "Accuracy on ARC and MATH improves over the baseline." },
    expected: [ev("arc"), ev("math")],
  },
  {
    name: "an ambiguous short name without benchmark context is an ordinary word",
    fields: { abstract: "The MATH department built an ARC welder. Students like math and arcs." },
    expected: [],
  },
  {
    name: "a case-sensitive name does not match in lower case",
    fields: { abstract: "We answer natural questions from users; Natural Questions is harder." },
    expected: [ev("natural-questions")],
  },
  {
    name: "CMB as written",
    fields: { abstract: "The model is tested on CMB and C-Eval." },
    expected: [ev("cmb"), ev("c-eval")],
  },
  {
    name: "cmb in lower case is not CMB",
    fields: { abstract: "The cmb files were lost." },
    expected: [],
  },
  {
    name: "MIRAGE, but not a mirage",
    fields: { abstract: "Progress may be a mirage." },
    expected: [],
  },
  {
    name: "HeadQA for HEAD-QA",
    fields: { abstract: "HeadQA results are reported in Spanish." },
    expected: [ev("headqa")],
  },
  {
    name: "visual question answering sets",
    fields: { abstract: "On VQA-RAD, SLAKE and PathVQA the model leads." },
    expected: [ev("vqa-rad"), ev("slake"), ev("pathvqa")],
  },
  {
    name: "a report-generation dataset",
    fields: { abstract: "Reports are generated for MIMIC-CXR studies." },
    expected: [ev("mimic-cxr")],
  },
  {
    name: "names inside Chinese text",
    fields: { abstractZh: "我们在MedQA和CMExam上评测了模型。" },
    expected: [ev("medqa"), ev("cmexam")],
  },
  { name: "a tag", fields: { tags: ["PubMedQA"] }, expected: [ev("pubmedqa")] },
];

const DISCOVERY_ROWS: Row[] = [
  {
    name: "a name leading the title before a colon, the title calling it a benchmark",
    fields: {
      title:
        "CliMedBench: A Large-Scale Chinese Benchmark for Evaluating Medical Large Language Models in Clinical Scenarios",
    },
    expected: [intro("climedbench", false)],
  },
  {
    name: "we present X-Bench, a benchmark …",
    fields: {
      summary:
        "Here we present MedS-Bench, a benchmark for judging language models on clinical tasks.",
    },
    expected: [intro("meds-bench", false)],
  },
  {
    name: "the X dataset",
    fields: { abstract: "We evaluate on the TriageQA dataset." },
    expected: [ev("triageqa", false)],
  },
  {
    name: "benchmarks such as …",
    fields: { abstract: "Benchmarks such as MedQA and DermQA reward recall." },
    expected: [ev("medqa"), ev("dermqa", false)],
  },
  {
    name: "tested on a list",
    fields: { abstract: "The model is tested on NephroQA and OncoQA." },
    expected: [ev("nephroqa", false), ev("oncoqa", false)],
  },
  {
    name: "X is a new benchmark",
    fields: { abstract: "OncoBench is a new benchmark for tumour boards." },
    expected: [intro("oncobench", false)],
  },
  {
    name: "an -Eval name built by the record",
    fields: { abstract: "We construct WardEval, an evaluation suite for ward rounds." },
    expected: [intro("wardeval", false)],
  },
  {
    name: "a Chinese sentence building one",
    fields: { abstractZh: "我们构建了CardioBench基准，用于评测心脏病学问答。" },
    expected: [intro("cardiobench", false)],
  },
  {
    name: "a -Bench name with an evaluation word in its sentence",
    fields: { abstract: "Models are evaluated on DermBench." },
    expected: [ev("dermbench", false)],
  },
];

const NEGATIVE_ROWS: Row[] = [
  {
    name: "a benchmark LLM is a model",
    fields: { summary: "ChiMed-GPT is offered as a benchmark LLM for Chinese medicine." },
    expected: [],
  },
  {
    name: "an instruction corpus",
    fields: { summary: "MedS-Ins gathers medical corpora from many tasks for instruction tuning." },
    expected: [],
  },
  {
    name: "a model named …QA that beats others on benchmarks",
    fields: { abstract: "ChatQA outperforms GPT-4 on several benchmarks." },
    expected: [],
  },
  {
    name: "an all-capital task name",
    fields: { abstract: "We frame diagnosis as MCQA and build a benchmark." },
    expected: [],
  },
  {
    name: "a -Bench name nobody calls a benchmark",
    fields: { abstract: "FooBench runs quickly on laptops." },
    expected: [],
  },
  {
    name: "a …QA name described as a model",
    fields: { abstract: "PharmaQA, our assistant model, answers questions on a benchmark." },
    expected: [],
  },
];

const RELATION_ROWS: Row[] = [
  {
    name: "introduced and evaluated in one sentence",
    fields: {
      abstract:
        "We introduce OncoQA, a dataset of oncology questions, and evaluate ten models on it and on MedQA.",
    },
    expected: [intro("oncoqa", false), ev("medqa")],
  },
  {
    name: "a method tested on a known set",
    fields: { abstract: "We propose a retrieval method and test it on MedQA." },
    expected: [ev("medqa")],
  },
  {
    name: "someone else's well-known benchmark",
    fields: { abstract: "MedQA is a widely used benchmark of exam questions." },
    expected: [ev("medqa")],
  },
  {
    name: "a known name leading its own title",
    fields: {
      title:
        "MedMCQA: A Large-scale Multi-Subject Multi-Choice Dataset for Medical domain Question Answering",
    },
    expected: [intro("medmcqa")],
  },
  {
    name: "a title naming the dataset after a dash",
    fields: {
      title:
        "Benchmarking Large Language Models on CMExam -- A Comprehensive Chinese Medical Exam Dataset",
    },
    expected: [intro("cmexam")],
  },
  {
    name: "the authors assemble it (a digest's third person)",
    fields: { summary: "The authors assemble MultiMedQA from existing medical sets." },
    expected: [intro("multimedqa")],
  },
  {
    name: "a name only used in its title",
    fields: { title: "Retrieval Helps on PubMedQA" },
    expected: [ev("pubmedqa")],
  },
];

describe("findBenchmarks", () => {
  for (const [group, rows] of [
    ["gazetteer", GAZETTEER_ROWS],
    ["discovery", DISCOVERY_ROWS],
    ["not benchmarks", NEGATIVE_ROWS],
    ["introduces or evaluates", RELATION_ROWS],
  ] as const) {
    describe(group, () => {
      for (const row of rows) {
        it(row.name, () => {
          const found = find(row.fields).map(({ slug, relation, known }) => ({
            slug,
            relation,
            known,
          }));
          expect(found).toEqual(row.expected);
        });
      }
    });
  }

  it("names a known benchmark as the gazetteer writes it, with the sentence as evidence", () => {
    expect(
      find({
        source: "x.bib#3",
        abstract: "Models improve. Accuracy on MedQA-USMLE rises. Costs fall.",
      }),
    ).toEqual([
      {
        slug: "medqa",
        name: "MedQA",
        relation: "evaluates",
        known: true,
        evidence: { source: "x.bib#3", snippet: "Accuracy on MedQA-USMLE rises." },
      },
    ]);
  });

  it("names a discovered benchmark as the text writes it", () => {
    const [mention] = find({ summary: "We release Derm-Bench, a benchmark of skin images." });
    expect(mention).toMatchObject({ slug: "derm-bench", name: "Derm-Bench", known: false });
  });

  it("prefers the introducing words as evidence over an earlier use", () => {
    const mentions = find({
      abstract:
        "OncoQA results are shown first. We introduce OncoQA, a new benchmark for tumour boards.",
    });
    expect(mentions).toEqual([
      {
        slug: "oncoqa",
        name: "OncoQA",
        relation: "introduces",
        known: false,
        evidence: {
          source: "test.txt",
          snippet: "We introduce OncoQA, a new benchmark for tumour boards.",
        },
      },
    ]);
  });

  it("counts a discovered name once the text has called it a benchmark anywhere", () => {
    const mentions = find({
      abstract:
        "We present MedS-Bench, a benchmark for clinical tasks. MedS-Bench spans many tasks.",
    });
    expect(mentions.map((mention) => mention.slug)).toEqual(["meds-bench"]);
  });
});

describe("slugify", () => {
  const rows: Array<[string, string]> = [
    ["MedS-Bench", "meds-bench"],
    ["CliMedBench", "climedbench"],
    ["IU X-Ray", "iu-x-ray"],
    ["  C-Eval ", "c-eval"],
    ["Évaluation", "evaluation"],
    ["中文", ""],
  ];
  for (const [name, slug] of rows) {
    it(`${name} → ${slug || "(empty)"}`, () => expect(slugify(name)).toBe(slug));
  }

  it("compacts hyphens away to compare spellings", () => {
    expect(compactSlug("MedS-Bench")).toBe(compactSlug("MedSBench"));
  });
});
