// Reading taxonomy.json and benchmarks.json: the shipped files are valid, and every kind of bad entry
// is refused with an `invalid-options` error that names the file and the entry.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LitgraphError } from "../../src/errors.ts";
import { parseBenchmarkGazetteer, parseTaxonomy } from "../../src/extract/definitions.ts";
import { readJson } from "./_seed-records.ts";

const FIXTURES = path.resolve(import.meta.dirname, "../fixtures/extract");

function fixture(name: string): unknown {
  return JSON.parse(readFileSync(path.join(FIXTURES, name), "utf8"));
}

/** The error `run` throws; fails the test when it throws none or another kind. */
function errorOf(run: () => unknown): LitgraphError {
  try {
    run();
  } catch (error) {
    if (error instanceof LitgraphError) return error;
    throw error;
  }
  throw new Error("expected a LitgraphError, but nothing was thrown");
}

describe("the shipped definition files", () => {
  const taxonomy = parseTaxonomy(readJson("data/taxonomy.json"), "data/taxonomy.json");
  const benchmarks = parseBenchmarkGazetteer(
    readJson("data/benchmarks.json"),
    "data/benchmarks.json",
  );
  const ids = taxonomy.topics.map((topic) => topic.id);

  it("holds the topics the graph contract names", () => {
    for (const id of ["rag", "agents", "multimodal", "evaluation"]) expect(ids).toContain(id);
  });

  it("arranges the hierarchy as documented", () => {
    const parentOf = Object.fromEntries(taxonomy.topics.map((topic) => [topic.id, topic.parent]));
    expect(parentOf).toMatchObject({
      radiology: "multimodal",
      pathology: "multimodal",
      "medical-imaging": "multimodal",
      benchmarks: "evaluation",
      hallucination: "trustworthiness",
      fairness: "trustworthiness",
      privacy: "trustworthiness",
      robustness: "trustworthiness",
    });
  });

  it("gives every topic an English and a Chinese label", () => {
    for (const topic of taxonomy.topics) {
      expect(topic.label.length).toBeGreaterThan(0);
      expect(topic.labelZh?.length ?? 0).toBeGreaterThan(0);
    }
  });

  it("matches RAG only as the acronym", () => {
    const rag = taxonomy.topics.find((topic) => topic.id === "rag");
    expect(rag?.aliases).toContain("RAG");
    expect(rag?.aliases).not.toContain("rag");
  });

  it("lists the well-known benchmarks, and leaves the seed's new ones to be discovered", () => {
    const slugs = benchmarks.map((benchmark) => benchmark.slug);
    for (const slug of [
      "medqa",
      "medmcqa",
      "pubmedqa",
      "mmlu",
      "multimedqa",
      "cmb",
      "cmexam",
      "mimic-cxr",
    ]) {
      expect(slugs).toContain(slug);
    }
    expect(slugs).not.toContain("climedbench");
    expect(slugs).not.toContain("meds-bench");
  });

  it("records the facts of a few benchmarks", () => {
    const bySlug = Object.fromEntries(benchmarks.map((benchmark) => [benchmark.slug, benchmark]));
    expect(bySlug.cmb).toMatchObject({ name: "CMB", language: "zh", modality: "text" });
    expect(bySlug["vqa-rad"]).toMatchObject({ modality: "image", language: "en" });
    expect(bySlug.slake).toMatchObject({ modality: "image", language: "multi" });
    expect(bySlug.medmcqa).toMatchObject({ language: "en" });
  });
});

describe("parseTaxonomy", () => {
  it("reads a minimal taxonomy, filling in what may be left out", () => {
    expect(parseTaxonomy(fixture("taxonomy-minimal.json"), "minimal.json")).toEqual({
      topics: [
        { id: "methods", label: "Methods", aliases: [], aliasesZh: [] },
        {
          id: "rag",
          label: "RAG",
          labelZh: "检索增强生成",
          parent: "methods",
          aliases: ["retrieval-augmented generation", "RAG"],
          aliasesZh: ["检索增强"],
        },
        {
          id: "agents",
          label: "Agents",
          parent: "methods",
          aliases: ["agent"],
          aliasesZh: [],
          excludes: ["contrast agent"],
        },
      ],
    });
  });

  const rows: Array<{ name: string; json: unknown; mentions: string[] }> = [
    { name: "not an object", json: [], mentions: ['"topics" array'] },
    { name: "topics not an array", json: { topics: {} }, mentions: ['"topics" array'] },
    { name: "an entry that is not an object", json: { topics: ["rag"] }, mentions: ["topic 0"] },
    {
      name: "an id that is not a slug",
      json: { topics: [{ id: "Rag Topic", label: "RAG", aliases: [] }] },
      mentions: ["topic 0", '"id"'],
    },
    {
      name: "an id used twice",
      json: {
        topics: [
          { id: "rag", label: "RAG", aliases: [] },
          { id: "rag", label: "RAG 2", aliases: [] },
        ],
      },
      mentions: ['topic 1 ("rag")', "twice"],
    },
    {
      name: "a missing label",
      json: { topics: [{ id: "rag", aliases: [] }] },
      mentions: ['topic 0 ("rag")', '"label"'],
    },
    {
      name: "aliases missing",
      json: { topics: [{ id: "rag", label: "RAG" }] },
      mentions: ['"aliases"'],
    },
    {
      name: "an alias that is not a string",
      json: { topics: [{ id: "rag", label: "RAG", aliases: [42] }] },
      mentions: ['"aliases"'],
    },
    {
      name: "an alias with punctuation",
      json: { topics: [{ id: "rag", label: "RAG", aliases: ["R.A.G."] }] },
      mentions: ['"R.A.G."'],
    },
    {
      name: "an unknown parent",
      json: fixture("taxonomy-unknown-parent.json"),
      mentions: ['"radiology"', '"imaging"'],
    },
    {
      name: "a cycle of parents",
      json: fixture("taxonomy-parent-cycle.json"),
      mentions: ["cycle"],
    },
    {
      name: "a Chinese alias among English ones",
      json: fixture("taxonomy-chinese-in-english-aliases.json"),
      mentions: ['"多模态"', "aliasesZh"],
    },
    {
      name: "an alias shared by two topics",
      json: fixture("taxonomy-shared-alias.json"),
      mentions: ['"benchmarks"', '"evaluation"'],
    },
    {
      name: "an unknown proseNeeds",
      json: { topics: [{ id: "rag", label: "RAG", aliases: [], proseNeeds: "twice" }] },
      mentions: ['topic 0 ("rag")', '"proseNeeds"'],
    },
  ];
  it("reads proseNeeds", () => {
    const json = {
      topics: [
        { id: "benchmarks", label: "Benchmarks", aliases: [], proseNeeds: "introduced-benchmark" },
      ],
    };
    expect(parseTaxonomy(json, "t.json").topics[0]?.proseNeeds).toBe("introduced-benchmark");
  });
  it("reads heading aliases and refuses one another topic owns", () => {
    const json = {
      topics: [
        {
          id: "evaluation",
          label: "Evaluation",
          aliases: [],
          headingAliases: ["评估", "evaluating"],
        },
      ],
    };
    expect(parseTaxonomy(json, "t.json").topics[0]?.headingAliases).toEqual(["评估", "evaluating"]);
    const shared = {
      topics: [
        { id: "evaluation", label: "Evaluation", aliases: ["evaluation"] },
        { id: "benchmarks", label: "Benchmarks", aliases: [], headingAliases: ["evaluations"] },
      ],
    };
    const error = errorOf(() => parseTaxonomy(shared, "t.json"));
    expect(error.message).toContain('"evaluation" is already an alias of "evaluation"');
  });
  for (const row of rows) {
    it(`refuses ${row.name}`, () => {
      const error = errorOf(() => parseTaxonomy(row.json, "data/taxonomy.json"));
      expect(error.code).toBe("invalid-options");
      expect(error.message).toContain("data/taxonomy.json");
      for (const words of row.mentions) expect(error.message).toContain(words);
    });
  }
});

describe("parseBenchmarkGazetteer", () => {
  it("reads entries and keeps only the facts given", () => {
    expect(
      parseBenchmarkGazetteer(
        [
          {
            slug: "medqa",
            name: "MedQA",
            aliases: ["MedQA-USMLE"],
            language: "multi",
            task: "exam questions",
          },
        ],
        "b.json",
      ),
    ).toEqual([
      {
        slug: "medqa",
        name: "MedQA",
        aliases: ["MedQA-USMLE"],
        language: "multi",
        task: "exam questions",
      },
    ]);
  });

  const rows: Array<{ name: string; json: unknown; mentions: string[] }> = [
    { name: "not an array", json: { medqa: {} }, mentions: ["array"] },
    {
      name: "a bad slug",
      json: [{ slug: "MedQA", name: "MedQA" }],
      mentions: ["benchmark 0", '"slug"'],
    },
    {
      name: "a slug used twice",
      json: [
        { slug: "medqa", name: "MedQA" },
        { slug: "medqa", name: "MedQA 2" },
      ],
      mentions: ['benchmark 1 ("medqa")'],
    },
    { name: "a missing name", json: [{ slug: "medqa" }], mentions: ['"name"'] },
    {
      name: "aliases that are not strings",
      json: [{ slug: "medqa", name: "MedQA", aliases: "MedQA-USMLE" }],
      mentions: ['"aliases"'],
    },
    {
      name: "a task that is not a string",
      json: [{ slug: "medqa", name: "MedQA", task: 3 }],
      mentions: ['"task"'],
    },
    {
      name: "a name repeated as another entry's alias",
      json: fixture("benchmarks-duplicate-name.json"),
      mentions: ['"medqa-usmle"', '"medqa"'],
    },
    {
      name: "an unknown language",
      json: fixture("benchmarks-bad-language.json"),
      mentions: ['"pubmedqa"', '"language"'],
    },
  ];
  for (const row of rows) {
    it(`refuses ${row.name}`, () => {
      const error = errorOf(() => parseBenchmarkGazetteer(row.json, "data/benchmarks.json"));
      expect(error.code).toBe("invalid-options");
      expect(error.message).toContain("data/benchmarks.json");
      for (const words of row.mentions) expect(error.message).toContain(words);
    });
  }
});
