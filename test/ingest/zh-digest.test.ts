// The Chinese digest adapter on hand-written pages that vary the way real pages do.
import { describe, expect, it } from "vitest";
import { parseZhDigest, sniffZhDigest } from "../../src/ingest/zh-digest.ts";
import { codesOf, readFixture, textDocument, toDocument } from "./_fixtures.ts";

const parseFixture = (name: string) => parseZhDigest(toDocument(readFixture(name)));

describe("zh-digest fixtures", () => {
  const cases = [
    {
      name: "zh-digest-label-reason-next-line.txt",
      expected: {
        titleZh: "大语言模型编码了临床知识",
        title: "Large Language Models Encode Clinical Knowledge",
        arxiv: "2212.13138",
        tags: ["医学问答"],
        categoryLabels: ["LLM应用"],
        urls: ["https://arxiv.org/abs/2212.13138"],
      },
    },
    {
      name: "zh-digest-book-title-single-tag.txt",
      expected: {
        titleZh: "医学中的大语言模型与多模态大语言模型综述",
        title:
          "A Comprehensive Survey of Large Language Models and Multimodal Large Language Models in Medicine",
        arxiv: "2405.08603",
        date: "2024-05-14",
        year: 2024,
        tags: ["医疗"],
        categoryLabels: [],
        urls: ["https://arxiv.org/abs/2405.08603"],
      },
    },
    {
      name: "zh-digest-many-images-no-link.txt",
      expected: {
        titleZh: "医学大型语言模型综述：技术、应用、可信与展望",
        title:
          "A Survey on Medical Large Language Models: Technology, Application, Trustworthiness, and Future Directions",
        arxiv: "2406.03712",
        date: "2024-06-05",
        year: 2024,
        tags: ["LLM应用", "临床决策支持", "医学教育"],
        categoryLabels: [],
        urls: [],
      },
    },
    {
      name: "zh-digest-no-link-no-images.txt",
      expected: {
        titleZh: "这位病人得了什么病？基于医学考试的大规模开放域问答数据集",
        title:
          "What Disease does this Patient Have? A Large-scale Open Domain Question Answering Dataset from Medical Exams",
        tags: ["医学问答", "评测"],
        categoryLabels: ["数据集"],
        urls: [],
      },
    },
  ];

  for (const { name, expected } of cases) {
    it(`reads ${name}`, () => {
      const parsed = parseFixture(name);
      expect(parsed.records).toHaveLength(1);
      expect(parsed.relations).toEqual([]);
      const [record] = parsed.records;
      expect(record).toMatchObject({
        source: name,
        document: name,
        format: "zh-digest",
        role: "main",
        line: 1,
        authors: [],
        titleZh: expected.titleZh,
        title: expected.title,
        tags: expected.tags,
        urls: expected.urls,
      });
      expect(record?.arxiv).toBe(expected.arxiv);
      expect(record?.date).toBe(expected.date);
      expect(record?.year).toBe(expected.year);
      expect(record?.categories.map((category) => category.label)).toEqual(expected.categoryLabels);
      expect(record?.abstract).toMatch(/^[A-Z]/);
      expect(record?.abstractZh).toMatch(/^[\u4e00-\u9fff]/);
    });
  }

  it("keeps a reason that starts on the label's line and ends on the next, without the backtick", () => {
    const [record] = parseFixture("zh-digest-label-reason-next-line.txt").records;
    const reason = record?.categories[0]?.reason ?? "";
    expect(reason.startsWith("该文构建了医学问答评测集合 MultiMedQA")).toBe(true);
    expect(reason.endsWith("因此归入LLM应用。")).toBe(true);
    // The wrapped Chinese lines join without a space.
    expect(reason).toContain("用于医学问答，关注的是");
    expect(reason).not.toContain("`");
  });

  it("keeps the seed-style reason after a blank line, negation included", () => {
    const [record] = parseFixture("zh-digest-no-link-no-images.txt").records;
    expect(record?.categories).toHaveLength(1);
    expect(record?.categories[0]?.reason).toMatch(
      /^这篇论文介绍了.*而不是RAG相关的研究或Agent设计。$/,
    );
  });

  it("turns <n> markers into line breaks and never keeps them", () => {
    const [record] = parseFixture("zh-digest-book-title-single-tag.txt").records;
    expect(record?.abstractZh).toBe(
      "本文回顾了大语言模型与多模态大模型在医学中的发展。\n文章先介绍模型原理，再讨论构建、评估与应用流程。\n最后总结了面临的挑战。",
    );
    expect(record?.abstract).toBe(
      "This review looks at how language models and multimodal models have entered medicine.\nIt first explains how the models work, then how they are built, evaluated and used.\nIt ends with open problems.",
    );
  });

  it("ignores thirty image lines and takes the arXiv id from their paths when there is no link", () => {
    const parsed = parseFixture("zh-digest-many-images-no-link.txt");
    const [record] = parsed.records;
    expect(record?.abstractZh).toBe(
      "这篇综述梳理了医疗大模型从通用模型到医学专用模型的演变，并讨论了可信与安全问题。",
    );
    expect(record?.abstract).toBe(
      "The survey traces how general language models were adapted to medicine and discusses what makes them trustworthy and safe.",
    );
    expect(JSON.stringify(record)).not.toContain("paper_images");
  });

  it("leaves arxiv and date out when the page gives neither", () => {
    const [record] = parseFixture("zh-digest-no-link-no-images.txt").records;
    expect(record).not.toHaveProperty("arxiv");
    expect(record).not.toHaveProperty("date");
    expect(record).not.toHaveProperty("year");
  });
});

describe("zh-digest inline variations", () => {
  it("keeps an English heading as the English title, and a quoted title wrapped over two lines", () => {
    const text = [
      "# 医疗问答模型",
      "",
      "`问答`",
      "",
      "> Towards Expert-Level Medical Question Answering",
      "> with Large Language Models",
      "",
      "# 摘要",
      "",
      "> 作者改进了医疗问答模型。",
    ].join("\n");
    const [record] = parseZhDigest(textDocument(text)).records;
    expect(record?.title).toBe(
      "Towards Expert-Level Medical Question Answering with Large Language Models",
    );
    expect(record?.titleZh).toBe("医疗问答模型");
    expect(record?.abstractZh).toBe("作者改进了医疗问答模型。");
    expect(record).not.toHaveProperty("abstract");
  });

  it("reports a category backtick that never closes and still finds the English title", () => {
    const text = [
      "# 标题",
      "",
      "`LLM应用",
      "",
      "理由写到这里就断了",
      "",
      "> An English Title",
      "",
      "# 摘要",
      "",
      "English abstract text.",
    ].join("\n");
    const parsed = parseZhDigest(textDocument(text));
    const [record] = parsed.records;
    expect(codesOf(parsed)).toContain("unclosed-category");
    expect(record?.categories).toEqual([{ label: "LLM应用", reason: "理由写到这里就断了" }]);
    expect(record?.title).toBe("An English Title");
    expect(record?.abstract).toBe("English abstract text.");
  });

  it("takes a reason written after the closing backtick that ends on the next line", () => {
    const text = [
      "# 标题",
      "",
      "`LLM应用` 这篇论文讨论模型在医院里的部署，",
      "因此归入应用类。",
      "",
      "> An English Title",
    ].join("\n");
    const [record] = parseZhDigest(textDocument(text)).records;
    expect(record?.categories).toEqual([
      { label: "LLM应用", reason: "这篇论文讨论模型在医院里的部署，因此归入应用类。" },
    ]);
    expect(record?.tags).toEqual([]);
  });

  it("without a 摘要 heading, keeps a Chinese line after the tags as abstract, not as title", () => {
    const text =
      "# 医学问答模型\n\n`问答`\n\n本文提出了一个医学问答模型。\n\nThe paper proposes a model.";
    const [record] = parseZhDigest(textDocument(text)).records;
    expect(record?.titleZh).toBe("医学问答模型");
    expect(record?.abstractZh).toBe("本文提出了一个医学问答模型。");
    // The English line comes after the abstract began, so it is abstract too.
    expect(record?.title).toBeUndefined();
    expect(record?.abstract).toBe("The paper proposes a model.");
  });

  it("warns when there is no title heading", () => {
    const parsed = parseZhDigest(textDocument("发布时间：2024年05月14日\n\n# 摘要\n\n正文内容。"));
    expect(codesOf(parsed)).toContain("no-title");
    expect(parsed.records[0]?.date).toBe("2024-05-14");
  });
});

describe("sniffZhDigest", () => {
  it("is confident on a page without an Arxiv link", () => {
    const text = toDocument(readFixture("zh-digest-no-link-no-images.txt")).text;
    expect(sniffZhDigest(text)).toBeGreaterThanOrEqual(0.5);
  });

  it("is not confident on an English Markdown note", () => {
    const text = toDocument(readFixture("text-note.md")).text;
    expect(sniffZhDigest(text)).toBeLessThan(0.5);
  });
});
