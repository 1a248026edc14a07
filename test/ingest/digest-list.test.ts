// Pages that report several papers under headings with labelled fields: one record per paper, the
// page a collection; and the real daily report these pages come from.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseDigestList, sniffDigestList } from "../../src/ingest/digest-list.ts";
import { ingestFile } from "../../src/ingest/index.ts";
import { sniffFormat } from "../../src/ingest/sniff.ts";
import { readFixture, textDocument, toDocument } from "./_fixtures.ts";

const parseFixture = (name: string) => parseDigestList(toDocument(readFixture(name)));

describe("digest-list fixtures", () => {
  it("gives each paper of a daily report its own record, title, id and authors", () => {
    const parsed = parseFixture("digest-list-daily-report.md");
    expect(
      parsed.records.map((r) => [r.role, r.arxiv, r.line, r.title, r.titleZh ?? null]),
    ).toEqual([
      ["listed", "2303.13375", 16, "Capabilities of GPT-4 on Medical Challenge Problems", null],
      [
        "listed",
        "2305.09617",
        31,
        "Towards Expert-Level Medical Question Answering with Large Language Models",
        null,
      ],
      [
        "listed",
        "2306.00890",
        37,
        "LLaVA-Med: Training a Large Language-and-Vision Assistant for Biomedicine in One Day",
        "LLaVA-Med：一天训练出的生物医学多模态助手",
      ],
    ]);
    const [first, second, third] = parsed.records;
    expect(first?.authors).toEqual([
      "Harsha Nori",
      "Nicholas King",
      "Scott Mayer McKinney",
      "Dean Carignan",
      "Eric Horvitz",
    ]);
    expect(third?.authors).toEqual(["Chunyuan Li", "Cliff Wong", "Sheng Zhang"]);
    // A paper reported twice is one record, with the longer of its two summaries (核心贡献, not the TLDR).
    expect(first?.summary).toContain("校准得更好");
    expect(first?.summary).not.toContain("二十分以上");
    expect(second?.summary).toContain("接近专家水平");
    expect(second?.urls).toEqual([
      "https://arxiv.org/pdf/2305.09617",
      "https://github.com/example/none",
    ]);
    expect(first?.section).toEqual(["详细论文列表"]);
    expect(second?.section).toEqual(["简要论文列表"]);
  });

  it("makes the page a collection titled by its heading and date, and never a paper", () => {
    const parsed = parseFixture("digest-list-daily-report.md");
    expect(parsed.collection?.title).toBe("每日论文速览 (2024-03-02)");
    const titles = parsed.records.flatMap((r) => [r.title, r.titleZh]);
    expect(titles).not.toContain("每日论文速览");
    expect(titles).not.toContain("论文链接");
  });

  it("reads a feed's headings, abstracts and dates, skipping folded summaries", () => {
    const parsed = parseFixture("digest-list-feed.md");
    expect(parsed.records.map((r) => [r.arxiv, r.title, r.date ?? null])).toEqual([
      ["2212.13138", "Large Language Models Encode Clinical Knowledge", "2022-12-26"],
      [
        "2304.14454",
        "PMC-LLaMA: Towards Building Open-source Language Models for Medicine",
        "2023-04-27",
      ],
      [
        "2306.00890",
        "LLaVA-Med: Training a Large Language-and-Vision Assistant for Biomedicine in One Day",
        null,
      ],
    ]);
    const [first, second, third] = parsed.records;
    expect(first?.abstract).toMatch(/^We wrote this stand-in abstract ourselves/);
    expect(first?.abstract).not.toContain("folded block");
    expect(second?.keywords).toEqual(["cs.CL", "cs.AI"]);
    expect(third?.authors).toEqual(["Chunyuan Li", "Cliff Wong"]);
    expect(parsed.collection?.title).toBe("Paper Feed Bot (2024-05-20)");
  });

  it("takes an all-bold line for a paper's heading, and a bold label with a colon for a field", () => {
    const parsed = parseFixture("digest-list-bold-titles.md");
    expect(parsed.records.map((r) => [r.arxiv, r.line, r.title, r.authors])).toEqual([
      [
        "2303.13375",
        5,
        "Capabilities of GPT-4 on Medical Challenge Problems",
        ["Harsha Nori", "Nicholas King"],
      ],
      [
        "2212.13138",
        9,
        "Large Language Models Encode Clinical Knowledge",
        ["Karan Singhal", "Shekoofeh Azizi"],
      ],
    ]);
    expect(parsed.collection?.title).toBe("论文日报 (2024-06-01)");
  });

  it("is sniffed ahead of a list of links, and a one-paper page is not", () => {
    expect(sniffFormat(toDocument(readFixture("digest-list-daily-report.md")).text).format).toBe(
      "digest-list",
    );
    expect(sniffFormat(toDocument(readFixture("digest-list-feed.md")).text).format).toBe(
      "digest-list",
    );
    const one =
      "# One paper\n\n## A Title Here\n- **ArXiv ID**: 2303.13375\n- **作者**: A. Author\n";
    expect(sniffDigestList(one)).toBe(0);
  });

  it("reports a page whose headings name no paper", () => {
    const parsed = parseDigestList(textDocument("# Notes\n\n## Ideas\n\n- **Plan**: read more\n"));
    expect(parsed.records).toEqual([]);
    expect(parsed.diagnostics.map((d) => d.code)).toContain("no-papers");
  });
});

describe("the real daily report (../shared/real)", () => {
  const file = path.resolve(
    import.meta.dirname,
    "../../../shared/real/digest-zh/arxiv-daily-summary-2025-08-23.md",
  );
  const outcome = ingestFile({ id: "report.md", bytes: readFileSync(file) });

  it("gives the six papers it reports, each with its real title and authors", () => {
    if (outcome.state !== "parsed") throw new Error("the report was skipped");
    expect(outcome.format).toBe("digest-list");
    const records = outcome.parsed.records;
    expect(records.map((r) => [r.arxiv, r.title])).toEqual([
      ["2508.15746", "End-to-End Agentic RAG System Training for Traceable Diagnostic Reasoning"],
      [
        "2508.15721",
        "EcomMMMU: Strategic Utilization of Visuals for Robust Multimodal E-Commerce Models",
      ],
      ["2508.15717", "StreamMem: Query-Agnostic KV Cache Memory for Streaming Video Understanding"],
      ["2508.15763", "Intern-S1: A Scientific Multimodal Foundation Model"],
      [
        "2508.15709",
        "Position Bias Mitigates Position Bias:Mitigate Position Bias Through Inter-Position Knowledge Distillation",
      ],
      ["2508.15754", "Dissecting Tool-Integrated Reasoning: An Empirical Study and Analysis"],
    ]);
    expect(records[0]?.authors.slice(0, 2)).toEqual(["Qiaoyu Zheng", "Yuze Sun"]);
    expect(records[0]?.authors.at(-1)).toBe("Weidi Xie");
    expect(records[3]?.authors.slice(0, 2)).toEqual(["Lei Bai", "Zhongrui Cai"]);
    expect(records.every((r) => r.summary && r.summary.length > 40)).toBe(true);
    expect(outcome.parsed.collection?.title).toBe("ArXiv 研究洞察报告 (2025-08-23)");
  });
});

describe("the real feed README (../shared/real)", () => {
  const file = path.resolve(
    import.meta.dirname,
    "../../../shared/real/digest-en/arxiv-rss-bot-readme.md",
  );
  const text = readFileSync(file, "utf8");
  const outcome = ingestFile({ id: "readme.md", bytes: readFileSync(file) });

  it("gives its thirty papers with the titles of their headings, and the page as a collection", () => {
    if (outcome.state !== "parsed") throw new Error("the README was skipped");
    expect(outcome.format).toBe("digest-list");
    const records = outcome.parsed.records;
    expect(records).toHaveLength(30);
    expect(records[0]).toMatchObject({
      arxiv: "2608.19758",
      title: "FlashPrefill V2: Block-Sparse Prefill Attention for Long-Context LLM Serving",
      authors: ["Qihang Fan", "Huaibo Huang", "Zhiying Wu", "Bingning Wang", "Ran He"],
      date: "2026-08-21",
    });
    expect(records[1]).toMatchObject({
      arxiv: "2608.19889",
      title:
        "Write Once, Run Everywhere: The Axon DSL for Shape-Safe and Framework-Agnostic LLM Architectures",
      authors: ["Jacob Nielsen", "Danial Namazifard", "Lukas Galke Poech", "Peter Schneider-Kamp"],
    });
    expect(records[29]?.arxiv).toBe("2608.19808");
    // Every title is the link text of its own heading, as the page writes it.
    for (const record of records) {
      expect(text).toContain(`[${record.title}](https://arxiv.org/abs/${record.arxiv})`);
      expect(record.abstract?.length).toBeGreaterThan(100);
    }
    expect(outcome.parsed.collection?.title).toBe("arXiv Papers Bot 🤖 (2026-08-21)");
  });
});
