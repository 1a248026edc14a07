// Acceptance: the five seed documents, read in place from ../shared/seeds, through ingestFile.
import { describe, expect, it } from "vitest";
import { ingestFile } from "../../src/ingest/index.ts";
import type { ParsedDocument } from "../../src/ingest/types.ts";
import { readSeed } from "./_fixtures.ts";

function ingestSeed(prefix: string): ParsedDocument & { format: string } {
  const outcome = ingestFile(readSeed(prefix));
  if (outcome.state !== "parsed") throw new Error(`seed ${prefix} was skipped: ${outcome.reason}`);
  return { ...outcome.parsed, format: outcome.format };
}

describe("seed 000 (Chinese digest)", () => {
  const parsed = ingestSeed("000");
  const [record] = parsed.records;

  it("is one main record with id, date and both titles", () => {
    expect(parsed.format).toBe("zh-digest");
    expect(parsed.records).toHaveLength(1);
    expect(record).toMatchObject({
      role: "main",
      arxiv: "2405.08603",
      date: "2024-05-14",
      year: 2024,
      title:
        "A Comprehensive Survey of Large Language Models and Multimodal Large Language Models in Medicine",
      titleZh: "医学领域大型语言模型与多模态模型的全面综述",
      urls: ["https://arxiv.org/abs/2405.08603"],
    });
  });

  it("splits the category label and its reason from the tags", () => {
    expect(record?.categories.map((category) => category.label)).toEqual(["LLM理论"]);
    expect(record?.categories[0]?.reason?.startsWith("这篇论文摘要主要讨论了")).toBe(true);
    expect(record?.categories[0]?.reason?.endsWith("因此归类为LLM理论。")).toBe(true);
    expect(record?.tags).toEqual(["人工智能", "医疗保健"]);
  });

  it("tells the Chinese and English abstracts apart", () => {
    expect(record?.abstractZh?.startsWith("自ChatGPT和GPT-4问世以来")).toBe(true);
    expect(record?.abstract?.startsWith("Since the release of ChatGPT and GPT-4")).toBe(true);
    expect(record?.abstract).not.toMatch(/[\u4e00-\u9fff]/);
  });
});

describe("seed 001 (Chinese digest with images)", () => {
  const [record] = ingestSeed("001").records;

  it("reads id, date, titles, category and tag; images are not links", () => {
    expect(record).toMatchObject({
      arxiv: "2406.03712",
      date: "2024-06-05",
      title:
        "A Survey on Medical Large Language Models: Technology, Application, Trustworthiness, and Future Directions",
      titleZh: "医学大型语言模型综览：技术探索、应用实践、信任构建与未来展望",
      tags: ["临床决策支持"],
      urls: ["https://arxiv.org/abs/2406.03712"],
    });
    expect(record?.categories.map((category) => category.label)).toEqual(["LLM应用"]);
    expect(record?.abstract).not.toContain("paper_images");
  });
});

describe("seed 002 (专知, with translation and chrome)", () => {
  const parsed = ingestSeed("002");
  const [record] = parsed.records;

  it("is one main record with both abstracts and no title", () => {
    expect(parsed.format).toBe("zhuanzhi");
    expect(parsed.records).toHaveLength(1);
    expect(parsed.relations).toEqual([]);
    expect(record?.title).toBeUndefined();
    expect(record?.abstract?.startsWith("Large language models (LLMs), such as ChatGPT")).toBe(
      true,
    );
    expect(record?.abstractZh?.startsWith("大型语言模型(LLMs),如ChatGPT")).toBe(true);
  });

  it("keeps the repository link of the abstract and nothing from the chrome", () => {
    expect(record?.urls).toEqual(["https://github.com/AI-in-Health/MedLLMsPracticalGuide"]);
    const json = JSON.stringify(parsed.records);
    for (const noise of [
      "FlowQA",
      "Focal Loss",
      "国家自然科学基金",
      "专知会员服务",
      "CreateAMind",
      "阅读",
    ]) {
      expect(json).not.toContain(noise);
    }
  });
});

describe("seed 003 (专知, 暂无翻译)", () => {
  const [record] = ingestSeed("003").records;

  it("has no Chinese abstract and keeps its repository link", () => {
    expect(record).not.toHaveProperty("abstractZh");
    expect(
      record?.abstract?.startsWith("With the rapid development of artificial intelligence"),
    ).toBe(true);
    expect(record?.urls).toEqual(["https://github.com/mingze-yuan/Awesome-LLM-Healthcare"]);
    expect(JSON.stringify(record)).not.toContain("FlowQA");
  });
});

describe("seed 004 (arXiv digest)", () => {
  const parsed = ingestSeed("004");
  const [main, ...related] = parsed.records;

  it("reads the main paper", () => {
    expect(parsed.format).toBe("arxiv-digest");
    expect(main).toMatchObject({
      role: "main",
      arxiv: "2311.05112",
      title: "A Survey of Large Language Models in Medicine: Progress, Application, and Challenge",
      date: "2024-07-22T12:16:30Z",
      year: 2024,
    });
    expect(main?.authors).toHaveLength(19);
    expect(main?.authors[0]).toBe("Hongjian Zhou");
    expect(main?.authors.at(-1)).toBe("David A. Clifton");
    expect(
      main?.summary?.startsWith("Large language models (LLMs) have received substantial attention"),
    ).toBe(true);
    expect(main?.urls).toContain("https://github.com/AI-in-Health/MedLLMsPracticalGuide");
    expect(main).not.toHaveProperty("relevance");
  });

  it("has 10 related entries, each dated by its own closing marker", () => {
    expect(related).toHaveLength(10);
    expect(related.every((record) => record.role === "related")).toBe(true);
    const byTitle = new Map(related.map((record) => [record.title, record]));
    expect(
      byTitle.get("Demystifying Large Language Models for Medicine: A Primer")?.date?.slice(0, 10),
    ).toBe("2024-10-24");
    expect(
      byTitle
        .get("Large language models in medicine: the potentials and pitfalls")
        ?.date?.slice(0, 10),
    ).toBe("2023-08-31");
  });

  it("unwraps the two-line title and keeps its date and score", () => {
    const entry = related.find((record) =>
      record.title?.startsWith("Large Language Models Illuminate a Progressive Pathway"),
    );
    expect(entry?.title).toBe(
      "Large Language Models Illuminate a Progressive Pathway to Artificial Healthcare Assistant: A Review",
    );
    expect(entry?.date?.slice(0, 10)).toBe("2023-11-03");
    expect(entry?.year).toBe(2023);
    expect(entry?.relevance).toBe(16.008511195589925);
    expect(entry).not.toHaveProperty("arxiv");
  });

  it("relates the main paper to every entry with its score, and keeps the footer out", () => {
    expect(parsed.relations).toHaveLength(10);
    expect(
      parsed.relations.every((relation) => relation.from === 0 && relation.kind === "related"),
    ).toBe(true);
    expect(parsed.relations.map((relation) => relation.to)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
    ]);
    expect(parsed.relations.map((relation) => relation.score)).toEqual(
      related.map((record) => record.relevance),
    );
    expect(JSON.stringify(parsed.records)).not.toContain("automatically generated");
    expect(parsed.diagnostics).toEqual([]);
  });
});
