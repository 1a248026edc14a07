// The extract stage as the pipeline calls it: a context built once from the definition files, then
// papers with every kind of mention.
import { describe, expect, it } from "vitest";
import { LitgraphError } from "../../src/errors.ts";
import { createExtractContext, extractPaper, extractPapers } from "../../src/extract/index.ts";
import { loadContext, readJson, record } from "./_seed-records.ts";

describe("createExtractContext", () => {
  it("checks both files and names the bad one", () => {
    const benchmarks = readJson("data/benchmarks.json");
    expect(() => createExtractContext({ topics: "none" }, benchmarks, "my/taxonomy.json")).toThrow(
      LitgraphError,
    );
    expect(() => createExtractContext({ topics: "none" }, benchmarks, "my/taxonomy.json")).toThrow(
      /my\/taxonomy\.json/,
    );
    expect(() =>
      createExtractContext(readJson("data/taxonomy.json"), {}, undefined, "b.json"),
    ).toThrow(/b\.json/);
  });

  it("names the default files when given none", () => {
    expect(() => createExtractContext({}, [])).toThrow(/data\/taxonomy\.json/);
  });
});

describe("extractPaper", () => {
  const ctx = loadContext();

  it("returns the record with its survey finding, topics, benchmarks and repositories", () => {
    const source = record({
      source: "notes.md#4",
      title: "OncoQA: A Benchmark for Tumour-Board Questions",
      abstract:
        "We introduce OncoQA and compare retrieval-augmented generation with fine-tuning on it and on MedQA. Data: https://github.com/example/oncoqa.",
    });
    const paper = extractPaper(source, ctx);
    expect(paper.record).toBe(source);
    expect(paper.survey).toEqual({ isSurvey: false });
    expect(paper.topics.map((mention) => mention.topic)).toEqual(
      expect.arrayContaining(["benchmarks", "rag", "fine-tuning"]),
    );
    expect(paper.benchmarks.map(({ slug, relation }) => `${slug}:${relation}`)).toEqual([
      "oncoqa:introduces",
      "medqa:evaluates",
    ]);
    expect(paper.repos.map((mention) => mention.repo)).toEqual(["example/oncoqa"]);
  });

  it("gives the same result for the same record", () => {
    const source = record({ abstract: "This review covers agents, RAG and MedQA." });
    expect(extractPaper(source, ctx)).toEqual(extractPaper(source, ctx));
  });
});

describe("extractPapers", () => {
  it("keeps the records' order", () => {
    const ctx = loadContext();
    const records = ["a", "b", "c"].map((id) => record({ source: id, title: `Paper ${id}` }));
    expect(extractPapers(records, ctx).map((paper) => paper.record.source)).toEqual([
      "a",
      "b",
      "c",
    ]);
  });
});
