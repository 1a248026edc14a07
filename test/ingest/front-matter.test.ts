// YAML front matter is metadata: its title, date, authors and tags go on the record, and none of
// its lines reach an abstract or a title guessed from the text.
import { describe, expect, it } from "vitest";
import { splitFrontMatter } from "../../src/ingest/front-matter.ts";
import { ingestFile } from "../../src/ingest/index.ts";
import { readFixture } from "./_fixtures.ts";

const encode = (text: string) => new TextEncoder().encode(text);

describe("front matter", () => {
  it("gives a note its title, date, authors and tags, and keeps it out of the abstract", () => {
    const outcome = ingestFile(readFixture("front-matter-paper-note.md"));
    if (outcome.state !== "parsed") throw new Error("the note was skipped");
    const [record] = outcome.parsed.records;
    expect(record).toMatchObject({
      role: "main",
      title: "Notes on Med-PaLM",
      date: "2023-01-05",
      year: 2023,
      authors: ["Ada Reader", "Ben Writer"],
      tags: ["medical QA", "evaluation"],
      arxiv: "2212.13138",
    });
    expect(record?.abstract).toMatch(/^# A heading in the text/);
    expect(record?.abstract).not.toContain("title:");
    expect(record?.abstract).not.toContain("---");
    expect(outcome.parsed.diagnostics.map((d) => d.code)).toContain("front-matter");
  });

  it("keeps line numbers those of the file", () => {
    const { text, frontMatter } = splitFrontMatter("---\ntitle: T\n---\nbody\n");
    expect(frontMatter?.endLine).toBe(3);
    expect(text).toBe("\n\n\nbody\n");
  });

  it("titles a multi-paper page's collection, not one of its papers", () => {
    const page = [
      "---",
      "title: Reading group, week 12",
      "---",
      "# Week 12",
      ...[
        ["2303.13375", "Capabilities of GPT-4 on Medical Challenge Problems"],
        ["2305.09617", "Towards Expert-Level Medical Question Answering"],
        ["2306.00890", "LLaVA-Med: A Biomedical Assistant"],
      ].flatMap(([id, title]) => [
        `## ${title}`,
        `- **ArXiv ID**: ${id}`,
        "- **Authors**: A. B",
        "",
      ]),
    ].join("\n");
    const outcome = ingestFile({ id: "week.md", bytes: encode(page) });
    if (outcome.state !== "parsed") throw new Error("the page was skipped");
    expect(outcome.format).toBe("digest-list");
    expect(outcome.parsed.collection?.title).toBe("Reading group, week 12");
    expect(outcome.parsed.records.map((r) => r.title)).not.toContain("Reading group, week 12");
  });

  it.each([
    ["a rule followed by prose", "---\nJust a paragraph, not YAML at all.\n---\ntext\n"],
    ["a block never closed", "---\ntitle: T\nauthor: A\n"],
    ["a rule not on the first line", "intro\n---\ntitle: T\n---\n"],
  ])("leaves %s as text", (_name, text) => {
    expect(splitFrontMatter(text)).toEqual({ text });
  });
});
