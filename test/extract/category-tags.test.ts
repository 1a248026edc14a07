// Catalogue categories: a tag most documents of a corpus carry names a shelf, not a paper's topic.
import { describe, expect, it } from "vitest";
import { applyCategoryTags, findCategoryTags } from "../../src/extract/category-tags.ts";
import { extractPaper } from "../../src/extract/index.ts";
import { findTopics } from "../../src/extract/topics.ts";
import type { PaperRecord } from "../../src/ingest/types.ts";
import { loadContext, record } from "./_seed-records.ts";

const context = loadContext();
const { taxonomy } = context;

/** `count` one-record documents carrying `tags`. */
function documents(count: number, tags: string[]): PaperRecord[][] {
  return Array.from({ length: count }, (_, i) => [
    record({ source: `page-${tags.join("-")}-${i}.md`, tags }),
  ]);
}

describe("findCategoryTags", () => {
  it("takes a tag on a large share of many documents for a category", () => {
    const corpus = [
      ...documents(30, ["Agent"]),
      ...documents(200, ["LLM应用"]),
      ...documents(4, ["放射医学"]),
    ];
    expect([...findCategoryTags(corpus)].sort()).toEqual(["Agent", "LLM应用"]);
  });

  it("counts documents, not records: one reference file that tags every entry is no catalogue", () => {
    const oneFile = [Array.from({ length: 300 }, () => record({ tags: ["RAG"] }))];
    expect(findCategoryTags([...oneFile, ...documents(10, ["other"])]).size).toBe(0);
  });

  it("finds no catalogue in a small corpus", () => {
    expect(findCategoryTags(documents(12, ["Agent"])).size).toBe(0);
  });
});

describe("a category tag as topic evidence", () => {
  const radiology = record({
    title: "Large models in radiology: a review",
    abstract: "We review how large models read chest films and write reports for radiologists.",
    tags: ["Agent"],
  });
  const agentic = record({
    title: "Planning with tools",
    abstract: "We build an agent that plans with tools and recovers from its own mistakes.",
    tags: ["Agent"],
  });
  const topics = (paper: PaperRecord, categoryTags?: ReadonlySet<string>) =>
    findTopics(paper, taxonomy, categoryTags ? { categoryTags } : {}).map((m) => m.topic);

  it("names a topic on its own when it is no category", () => {
    expect(topics(radiology)).toContain("agents");
  });

  it("needs the prose's support when it is a category", () => {
    const categories = new Set(["Agent"]);
    expect(topics(radiology, categories)).not.toContain("agents");
    expect(topics(agentic, categories)).toContain("agents");
  });
});

describe("applyCategoryTags", () => {
  it("finds again, after extraction, the topics of the papers that carry a category naming one", () => {
    const review = extractPaper(
      record({
        title: "Large models in radiology: a review",
        abstract: "We review how large models read chest films and write reports.",
        tags: ["Agent", "放射医学"],
      }),
      context,
    );
    const untagged = extractPaper(record({ title: "Agents that plan", tags: ["其他"] }), context);
    const before = untagged.topics;
    expect(review.topics.map((m) => m.topic)).toContain("agents");
    applyCategoryTags([review, untagged], taxonomy, new Set(["Agent", "其他"]));
    expect(review.topics.map((m) => m.topic)).not.toContain("agents");
    expect(untagged.topics).toBe(before);
  });
});
