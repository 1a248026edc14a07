// The arXiv digest adapter: header fields, related entries (wrapped titles, closing dates, scores),
// and lists cut off in the middle.
import { describe, expect, it } from "vitest";
import { parseArxivDigest, sniffArxivDigest } from "../../src/ingest/arxiv-digest.ts";
import { codesOf, readFixture, textDocument, toDocument } from "./_fixtures.ts";

const parseFixture = (name: string) => parseArxivDigest(toDocument(readFixture(name)));

describe("arxiv-digest: a list cut off inside its last entry", () => {
  const name = "arxiv-digest-cut-off.txt";

  it("reads the main paper from the header", () => {
    const [main] = parseFixture(name).records;
    expect(main).toMatchObject({
      source: name,
      document: name,
      format: "arxiv-digest",
      role: "main",
      line: 1,
      title: "Capabilities of GPT-4 on Medical Challenge Problems",
      arxiv: "2303.13375",
      date: "2023-03-20T16:18:38Z",
      year: 2023,
      authors: [
        "Harsha Nori",
        "Nicholas King",
        "Scott Mayer McKinney",
        "Dean Carignan",
        "Eric Horvitz",
      ],
      summary:
        "GPT-4 is tested on practice material for the USMLE and on the MultiMedQA benchmarks without medical training. It passes by a wide margin and is better calibrated than GPT-3.5.",
      urls: ["http://arxiv.org/abs/2303.13375v1"],
    });
    expect(main?.abstract?.startsWith("The paper measures how a general-purpose model")).toBe(true);
    expect(main?.abstract?.endsWith("and studies calibration.")).toBe(true);
    // The site's score and the license are not facts about the paper.
    expect(main).not.toHaveProperty("relevance");
    expect(JSON.stringify(main)).not.toContain("licenses");
  });

  it("reads each entry with the date of its own closing marker", () => {
    const { records } = parseFixture(name);
    const related = records.filter((record) => record.role === "related");
    expect(
      related.map((record) => [record.title, record.date, record.relevance, record.line]),
    ).toEqual([
      [
        "Large language models in medicine: the potentials and pitfalls",
        "2023-08-31T19:06:39Z",
        61.25,
        13,
      ],
      [
        "A Survey on Large Language Models from General Purpose to Medical Applications: Datasets, Methodologies, and Evaluations",
        "2024-06-14T02:42:20Z",
        7.5,
        16,
      ],
      [
        "Can Generalist Foundation Models Outcompete Special-Purpose Tuning? Case Study in Medicine",
        undefined,
        33,
        20,
      ],
    ]);
    expect(related.map((record) => record.year)).toEqual([2023, 2024, undefined]);
  });

  it("keeps the summaries between heading and marker", () => {
    const related = parseFixture(name).records.slice(1);
    expect(related.map((record) => record.summary)).toEqual([
      "A tutorial-style review of how language models are being applied to clinical tasks. It is written for healthcare practitioners.",
      "Covers how medical models are trained from open general models.",
      "Prompting alone lets a general model reach top scores on medical benchmarks.",
    ]);
  });

  it("links the main paper to each entry, with the entry's title and score", () => {
    const parsed = parseFixture(name);
    expect(parsed.relations).toEqual([
      {
        kind: "related",
        from: 0,
        to: 1,
        source: name,
        snippet: "Large language models in medicine: the potentials and pitfalls",
        line: 13,
        score: 61.25,
      },
      {
        kind: "related",
        from: 0,
        to: 2,
        source: name,
        snippet:
          "A Survey on Large Language Models from General Purpose to Medical Applications: Datasets, Methodologies, and Evaluations",
        line: 16,
        score: 7.5,
      },
      {
        kind: "related",
        from: 0,
        to: 3,
        source: name,
        snippet:
          "Can Generalist Foundation Models Outcompete Special-Purpose Tuning? Case Study in Medicine",
        line: 20,
        score: 33,
      },
    ]);
  });

  it("warns that the list was cut off", () => {
    expect(codesOf(parseFixture(name))).toEqual(["truncated-related-list"]);
  });
});

describe("arxiv-digest: other fixtures", () => {
  it("keeps a heading cut off before its score, and warns twice", () => {
    const parsed = parseFixture("arxiv-digest-heading-without-score.txt");
    expect(parsed.records).toHaveLength(3);
    const last = parsed.records[2];
    expect(last).toMatchObject({
      role: "related",
      title:
        "CliMedBench: A Large-Scale Chinese Benchmark for Evaluating Medical Large Language Models in Clinical Scenarios",
      summary: "A Chinese benchmark built around clinical scenarios.",
      line: 8,
    });
    expect(last).not.toHaveProperty("relevance");
    expect(last).not.toHaveProperty("date");
    expect(parsed.relations[1]).not.toHaveProperty("score");
    expect(parsed.records[0]).toMatchObject({ arxiv: "2311.05112", authors: [] });
    expect(codesOf(parsed)).toEqual(["missing-relevance", "truncated-related-list"]);
  });

  it("closes the last entry with a bare marker and keeps the footer out of every summary", () => {
    const parsed = parseFixture("arxiv-digest-with-footer.txt");
    expect(parsed.diagnostics).toEqual([]);
    const related = parsed.records.filter((record) => record.role === "related");
    expect(related.map((record) => [record.title, record.date, record.relevance])).toEqual([
      ["Large Language Models for Medicine: A Survey", "2024-05-20T02:32:26Z", 12.75],
      [
        "From Beginner to Expert: Modeling Medical Knowledge into General LLMs",
        "2023-12-02T05:54:06Z",
        9,
      ],
    ]);
    expect(JSON.stringify(parsed.records)).not.toContain("similarity search");
    expect(JSON.stringify(parsed.records)).not.toContain("No guarantee");
    expect(parsed.records[0]?.authors).toEqual([]);
    expect(parsed.records[0]?.arxiv).toBe("2406.03712");
  });
});

describe("arxiv-digest: inline variations", () => {
  it("accepts entries that each open with `- Title [score]` and have no markers", () => {
    const text = [
      "Some Paper",
      "- URL: https://arxiv.org/abs/2212.13138",
      "Related papers",
      "- First Related Paper About Medicine [1.5]",
      "Summary of the first.",
      "- Second Related Paper [2]",
      "Summary of the second.",
    ].join("\n");
    const parsed = parseArxivDigest(textDocument(text));
    expect(
      parsed.records.slice(1).map((record) => [record.title, record.relevance, record.summary]),
    ).toEqual([
      ["First Related Paper About Medicine", 1.5, "Summary of the first."],
      ["Second Related Paper", 2, "Summary of the second."],
    ]);
    expect(parsed.records[0]?.title).toBe("Some Paper");
    expect(codesOf(parsed)).toEqual(["missing-entry-date", "truncated-related-list"]);
  });

  it("reads a page without a related list as the main paper alone", () => {
    const text =
      "- URL: http://arxiv.org/abs/2303.13375v2\n- Title: Capabilities of GPT-4 on Medical Challenge Problems\n";
    const parsed = parseArxivDigest(textDocument(text));
    expect(parsed.records).toHaveLength(1);
    expect(parsed.records[0]).toMatchObject({ arxiv: "2303.13375", role: "main" });
    expect(codesOf(parsed)).toContain("no-related-list");
  });

  it("keeps at most 20 diagnostics of one kind and counts the rest", () => {
    const entries = Array.from(
      { length: 30 },
      (_, i) =>
        `- Entry without a score number ${i}\nsummary line\narXiv Detail & Related papers (2024-01-02T03:04:05Z)`,
    );
    const text = [
      "T",
      "- URL: https://arxiv.org/abs/2311.05112",
      "Related papers",
      ...entries,
    ].join("\n");
    const parsed = parseArxivDigest(textDocument(text));
    expect(parsed.records).toHaveLength(31);
    const missing = parsed.diagnostics.filter((d) => d.code === "missing-relevance");
    expect(missing).toHaveLength(21);
    expect(missing.at(-1)?.message).toContain("10 more");
  });

  it("does not take a relevance score for an arXiv id", () => {
    const text =
      "T\n- URL: https://arxiv.org/abs/2311.05112\nRelated papers\n- Paper Title Here [2311.05112]\nSummary.\narXiv Detail & Related papers (2024-01-02T03:04:05Z)";
    const parsed = parseArxivDigest(textDocument(text));
    expect(parsed.records[1]).not.toHaveProperty("arxiv");
    expect(parsed.records[1]?.relevance).toBe(2311.05112);
  });
});

describe("sniffArxivDigest", () => {
  it("is confident on a digest page and not on a Chinese digest page", () => {
    expect(
      sniffArxivDigest(toDocument(readFixture("arxiv-digest-cut-off.txt")).text),
    ).toBeGreaterThanOrEqual(0.5);
    expect(
      sniffArxivDigest(toDocument(readFixture("zh-digest-no-link-no-images.txt")).text),
    ).toBeLessThan(0.5);
  });
});
