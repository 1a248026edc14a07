// The plain-text fallback: one main record, arXiv ids / DOIs / GitHub links kept, listed papers
// when the document names several, and caps on very large input.
import { describe, expect, it } from "vitest";
import { ingestFile } from "../../src/ingest/index.ts";
import { parsePlainText } from "../../src/ingest/plain-text.ts";
import { codesOf, readFixture, textDocument, toDocument } from "./_fixtures.ts";

const parseFixture = (name: string) => parsePlainText(toDocument(readFixture(name)));

describe("plain-text fixtures", () => {
  it("reads a note that names no identifier as one main record", () => {
    const parsed = parseFixture("text-note.md");
    expect(parsed.records).toHaveLength(1);
    const [record] = parsed.records;
    expect(record).toMatchObject({
      source: "text-note.md",
      document: "text-note.md",
      format: "text",
      role: "main",
      line: 1,
      title: "Reading notes: retrieval for clinical question answering",
      urls: [],
      authors: [],
    });
    expect(record?.abstract).toContain("检索增强生成");
    expect(record).not.toHaveProperty("arxiv");
    expect(parsed.diagnostics).toEqual([]);
  });

  it("gives the one paper a document names its id (an arXiv DOI counts as the same id)", () => {
    const parsed = parseFixture("text-one-paper.md");
    expect(parsed.records).toHaveLength(1);
    expect(parsed.records[0]).toMatchObject({
      role: "main",
      title: "Med-PaLM notes",
      arxiv: "2212.13138",
      urls: ["https://arxiv.org/abs/2212.13138"],
    });
    expect(parsed.records[0]).not.toHaveProperty("doi");
  });

  it("lists each distinct paper of a reading list with its title and line", () => {
    // Through ingest, which reads the list's front matter (its title) before the adapter runs.
    const outcome = ingestFile(readFixture("text-reading-list.md"));
    if (outcome.state !== "parsed") throw new Error("the reading list was skipped");
    expect(outcome.format).toBe("text");
    const parsed = outcome.parsed;
    const listed = parsed.records;
    // The list is a collection of its papers, never a paper itself.
    expect(parsed.collection).toEqual({
      title: "Medical LLM reading list",
      urls: ["https://github.com/AI-in-Health/MedLLMsPracticalGuide"],
    });
    expect(parsed.records.some((record) => record.role === "main")).toBe(false);
    expect(codesOf(parsed)).toContain("read-as-list");
    expect(
      listed.map((record) => [record.role, record.arxiv ?? record.doi, record.line, record.title]),
    ).toEqual([
      [
        "listed",
        "2304.14454",
        9,
        "PMC-LLaMA: Towards Building Open-source Language Models for Medicine",
      ],
      [
        "listed",
        "2306.00890",
        10,
        "LLaVA-Med: Training a Large Language-and-Vision Assistant for Biomedicine in One Day",
      ],
      [
        "listed",
        "2303.14070",
        11,
        "ChatDoctor: A Medical Chat Model Fine-Tuned on a Large Language Model Meta-AI (LLaMA) Using Medical Domain Knowledge",
      ],
      ["listed", "2303.13375", 17, "Capabilities of GPT-4 on Medical Challenge Problems"],
      [
        "listed",
        "10.1038/s41586-023-06291-2",
        18,
        "Large language models encode clinical knowledge",
      ],
    ]);
    expect(listed[0]?.urls).toEqual([
      "https://arxiv.org/abs/2304.14454",
      "https://github.com/chaoyi-wu/PMC-LLaMA",
    ]);
    expect(listed[1]?.urls).toEqual([
      "https://arxiv.org/abs/2306.00890",
      "https://github.com/microsoft/LLaVA-Med",
    ]);
  });
});

describe("plain-text inline cases", () => {
  it("gives a document with a single DOI that DOI", () => {
    const parsed = parsePlainText(
      textDocument("Clinical notes\n\nSee https://doi.org/10.1038/s41586-023-06291-2."),
    );
    expect(parsed.records).toHaveLength(1);
    expect(parsed.records[0]).toMatchObject({
      title: "Clinical notes",
      doi: "10.1038/s41586-023-06291-2",
    });
  });

  it("takes a setext heading as the title", () => {
    const [record] = parsePlainText(
      textDocument("\nMedical LLM notes\n=================\n\ntext"),
    ).records;
    expect(record?.title).toBe("Medical LLM notes");
    expect(record?.line).toBe(2);
  });

  it("keeps a Chinese heading as titleZh", () => {
    const [record] = parsePlainText(textDocument("# 医学大模型阅读笔记\n\n内容")).records;
    expect(record?.titleZh).toBe("医学大模型阅读笔记");
    expect(record).not.toHaveProperty("title");
  });

  it("caps the abstract at 20,000 characters and says so", () => {
    const text = `# Long\n\n${"word ".repeat(10_000)}`;
    const parsed = parsePlainText(textDocument(text));
    expect(parsed.records[0]?.abstract).toHaveLength(20_000);
    expect(codesOf(parsed)).toContain("text-truncated");
  });

  it("caps the listed records and reports the cap", () => {
    const lines = Array.from(
      { length: 30 },
      (_, i) => `- Paper number ${i} https://arxiv.org/abs/2401.${String(10_000 + i)}`,
    );
    const parsed = parsePlainText(textDocument(lines.join("\n")), { maxListed: 10 });
    expect(parsed.records.filter((record) => record.role === "listed")).toHaveLength(10);
    expect(codesOf(parsed)).toContain("listed-capped");
    expect(parsed.records[0]).toMatchObject({
      arxiv: "2401.10000",
      title: "Paper number 0",
      line: 1,
    });
  });

  it("does not take link words or bare ids for titles", () => {
    const text =
      "[arXiv](https://arxiv.org/abs/2212.13138)\n[pdf](https://arxiv.org/pdf/2303.13375)";
    const parsed = parsePlainText(textDocument(text));
    expect(parsed.records.map((record) => record.title)).toEqual([undefined, undefined]);
    // A list without a title is named after its file.
    expect(parsed.collection?.title).toBe("inline");
  });

  it("reads a large document with many ids on few very long lines", () => {
    const chunk = Array.from({ length: 500 }, (_, i) => `arXiv:2402.${String(10_000 + i)} `).join(
      "",
    );
    const text = `# Dump\n${chunk.repeat(4)}\n`;
    const parsed = parsePlainText(textDocument(text));
    expect(parsed.records.filter((record) => record.role === "listed")).toHaveLength(500);
  });
});
