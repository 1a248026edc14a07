// The paper-page adapter: one main record per saved page (arXiv, Hugging Face, OpenReview, ACL
// Anthology, PubMed, a blog quoting an abstract); menus, reviews and other articles yield nothing.
import { describe, expect, it } from "vitest";
import { parsePaperPage, sniffPaperPage } from "../../src/ingest/paper-page.ts";
import { detectPaperSite, splitAuthors } from "../../src/ingest/paper-page-sites.ts";
import type { ParsedDocument } from "../../src/ingest/types.ts";
import { codesOf, readFixture, textDocument, toDocument } from "./_fixtures.ts";

/** A fixture of test/fixtures/ingest/paper-page, with its file name as the document id. */
function readPageFixture(name: string) {
  return { ...toDocument(readFixture(`paper-page/${name}`)), id: name };
}

const parseFixture = (name: string): ParsedDocument => parsePaperPage(readPageFixture(name));

const MED_PALM_2 = "Towards Expert-Level Medical Question Answering with Large Language Models";

describe("site detection", () => {
  it.each([
    ["arxiv-abs.txt", "arxiv"],
    ["arxiv-abs-truncated.txt", "arxiv"],
    ["arxiv-watermark.txt", "arxiv"],
    ["huggingface.txt", "huggingface"],
    ["huggingface-truncated.txt", "huggingface"],
    ["openreview.txt", "openreview"],
    ["openreview-anonymous-truncated.txt", "openreview"],
    ["acl-anthology.txt", "acl"],
    ["acl-anthology-inline-truncated.txt", "acl"],
    ["pubmed.txt", "pubmed"],
    ["pubmed-abstract-format.txt", "pubmed"],
    ["aggregator.txt", "aggregator"],
    ["aggregator-truncated.txt", "aggregator"],
  ])("%s is a page of %s, sure enough to be read as one", (name, site) => {
    const { text } = readPageFixture(name);
    expect(detectPaperSite(text).site).toBe(site);
    expect(sniffPaperPage(text)).toBeGreaterThanOrEqual(0.5);
  });
});

describe("arXiv abstract pages", () => {
  it("reads the labelled fields and ignores the menus and tools around them", () => {
    const parsed = parseFixture("arxiv-abs.txt");
    expect(parsed.records).toHaveLength(1);
    const [record] = parsed.records;
    expect(record).toMatchObject({
      source: "arxiv-abs.txt",
      document: "arxiv-abs.txt",
      format: "paper-page",
      role: "main",
      line: 9,
      title: MED_PALM_2,
      arxiv: "2305.09617",
      date: "2023-05-16",
      year: 2023,
      keywords: ["cs.CL"],
      urls: ["https://arxiv.org/abs/2305.09617"],
    });
    expect(record?.authors).toHaveLength(31);
    expect([record?.authors[0], record?.authors[18], record?.authors[30]]).toEqual([
      "Karan Singhal",
      "Blaise Aguera y Arcas",
      "Vivek Natarajan",
    ]);
    expect(record?.abstract?.startsWith("This paper reports Med-PaLM 2, the successor")).toBe(true);
    expect(record?.abstract?.endsWith("evaluation in real clinical settings.")).toBe(true);
    expect(record).not.toHaveProperty("doi");
    const json = JSON.stringify(record);
    for (const noise of [
      "Simons Foundation",
      "Bibliographic",
      "NASA ADS",
      "endorsers",
      "View PDF",
      "TeX Source",
    ]) {
      expect(json).not.toContain(noise);
    }
  });

  it("reads a page copied without labels and cut off in the abstract, and says so", () => {
    const parsed = parseFixture("arxiv-abs-truncated.txt");
    const [record] = parsed.records;
    expect(record).toMatchObject({ line: 3, title: MED_PALM_2, date: "2023-05-16" });
    expect(record?.authors).toHaveLength(31);
    expect(record?.abstract?.endsWith("drafts several reasoned")).toBe(true);
    expect(record).not.toHaveProperty("arxiv");
    expect(codesOf(parsed)).toContain("abstract-cut-off");
  });

  it("reads the watermark line of a saved PDF: id, category, date; a title over two lines", () => {
    const [record] = parseFixture("arxiv-watermark.txt").records;
    expect(record).toMatchObject({
      title: "A Survey of Large Language Models in Medicine: Progress, Application, and Challenge",
      arxiv: "2311.05112",
      date: "2024-07-22",
      keywords: ["cs.CL"],
      urls: [
        "https://arxiv.org/abs/2311.05112",
        "https://github.com/AI-in-Health/MedLLMsPracticalGuide",
      ],
    });
    expect(record?.authors).toHaveLength(19);
    expect(record?.abstract).not.toContain("Introduction");
  });
});

describe("Hugging Face paper pages", () => {
  it("reads id, title, date, authors listed one per line, and the abstract", () => {
    const [record] = parseFixture("huggingface.txt").records;
    expect(record).toMatchObject({
      line: 12,
      title: MED_PALM_2,
      arxiv: "2305.09617",
      date: "2023-05-16",
      authors: ["Karan Singhal", "Tao Tu", "Juraj Gottweis", "Rory Sayres", "Ellery Wulczyn"],
      urls: ["https://arxiv.org/abs/2305.09617"],
    });
    expect(record?.abstract?.startsWith("Med-PaLM 2 pairs the PaLM 2 model")).toBe(true);
    const json = JSON.stringify(record);
    for (const noise of ["Upvote", "citing this paper", "Community", "README", "+26"]) {
      expect(json).not.toContain(noise);
    }
  });

  it("reads a truncated page with authors on one line", () => {
    const parsed = parseFixture("huggingface-truncated.txt");
    const [record] = parsed.records;
    expect(record).toMatchObject({
      title: "LLaVA-Med: Training a Large Language-and-Vision Assistant for Biomedicine in One Day",
      arxiv: "2306.00890",
    });
    expect(record?.authors).toHaveLength(9);
    expect(record?.authors[8]).toBe("Jianfeng Gao");
    expect(codesOf(parsed)).toContain("abstract-cut-off");
  });
});

describe("OpenReview forums", () => {
  it("reads title, authors, venue, keywords, TL;DR and abstract, and no review", () => {
    const [record] = parseFixture("openreview.txt").records;
    expect(record).toMatchObject({
      line: 6,
      title:
        "Pretend Reviewers Disagree: Calibrating Toy Language Models on Invented Clinical Vignettes",
      authors: ["Ada Example", "Ben Placeholder", "Chandra Sample"],
      openreview: "FiCtIoNaL01",
      venue: "ICLR 2024",
      year: 2024,
      date: "2024-01-16",
      keywords: ["calibration", "clinical vignettes", "language models"],
      summary:
        "On invented vignettes, toy models are overconfident; a one-parameter rescaling fixes most of it.",
      urls: [
        "https://openreview.net/forum?id=FiCtIoNaL01",
        "https://github.com/example-org/pretend-reviewers",
      ],
    });
    expect(record?.abstract?.endsWith("observed accuracy close together.")).toBe(true);
    const json = JSON.stringify(record);
    for (const noise of [
      "Reviewer aBcD",
      "Weaknesses",
      "marginally",
      "iclr.cc",
      "Code Of Ethics",
      "4242",
      "Accept (poster)",
    ]) {
      expect(json).not.toContain(noise);
    }
  });

  it("reads an anonymous submission cut off in its abstract: no authors", () => {
    const parsed = parseFixture("openreview-anonymous-truncated.txt");
    const [record] = parsed.records;
    expect(record).toMatchObject({
      title: "Invented Handover Notes Are Hard to Summarise",
      authors: [],
      venue: "ICLR 2025",
      year: 2025,
      keywords: ["summarisation", "nursing handover"],
    });
    expect(codesOf(parsed)).toContain("abstract-cut-off");
  });
});

describe("ACL Anthology pages", () => {
  it("reads labels written above their values, and not the citations", () => {
    const [record] = parseFixture("acl-anthology.txt").records;
    expect(record).toMatchObject({
      line: 8,
      title: "A Pretend Corpus of Invented Discharge Notes",
      authors: ["Ada Example", "Ben Placeholder", "Chandra Sample"],
      acl: "2023.fictional-main.7",
      doi: "10.18653/v1/2023.fictional-main.7",
      venue: "FICT",
      date: "2023-07",
      year: 2023,
      urls: ["https://aclanthology.org/2023.fictional-main.7/"],
    });
    expect(record?.abstract?.startsWith("Discharge notes are hard to share")).toBe(true);
    const json = JSON.stringify(record);
    for (const noise of [
      "Dana Editor",
      "Copyright",
      "Correct Metadata",
      "Bibkey",
      "example-etal",
    ]) {
      expect(json).not.toContain(noise);
    }
  });

  it("reads labels and values on one line, on a page cut off in its metadata", () => {
    const [record] = parseFixture("acl-anthology-inline-truncated.txt").records;
    expect(record).toMatchObject({
      title: "Imaginary Radiology Reports Revisited",
      authors: ["Dana Editor", "Eli Editor"],
      acl: "2023.fictional-short.12",
      venue: "FICT",
      year: 2023,
    });
  });
});

describe("PubMed records", () => {
  it("reads the web page: title, authors without affiliation numbers, ids, journal, keywords and MeSH terms", () => {
    const [record] = parseFixture("pubmed.txt").records;
    expect(record).toMatchObject({
      line: 21,
      title: "Toy Triage Dialogues: Scripted Conversations for Testing Symptom Checkers",
      authors: ["Ada Example", "Ben Placeholder", "Chandra Sample"],
      pmid: "99999901",
      doi: "10.5555/fictional.2022.0005",
      venue: "J Invented Med",
      date: "2022-03-03",
      year: 2022,
      keywords: [
        "dialogue systems",
        "symptom checkers",
        "triage",
        "Humans",
        "Triage",
        "Natural Language Processing",
        "Communication",
      ],
      urls: ["https://pubmed.ncbi.nlm.nih.gov/99999901/"],
    });
    expect(record?.abstract?.startsWith("Background: Symptom checkers")).toBe(true);
    expect(record?.abstract?.endsWith("before any study with people.")).toBe(true);
  });

  it("takes no similar article or citing article for the paper", () => {
    const parsed = parseFixture("pubmed.txt");
    expect(parsed.records).toHaveLength(1);
    const json = JSON.stringify(parsed.records);
    for (const noise of [
      "Scripted Patients",
      "99999903",
      "99999905",
      "Follow-up",
      "Imaginary University",
    ]) {
      expect(json).not.toContain(noise);
    }
  });

  it("reads PubMed's abstract format", () => {
    const [record] = parseFixture("pubmed-abstract-format.txt").records;
    expect(record).toMatchObject({
      title: "Invented Nurse Handover Notes as a Benchmark for Summarisation",
      authors: ["Sample C", "Example A"],
      pmid: "99999906",
      doi: "10.5555/fictional.2021.0006",
      venue: "J Invented Med",
      date: "2021-11",
      year: 2021,
    });
    expect(record?.abstract?.startsWith("Handover notes pass the care")).toBe(true);
    expect(record?.abstract).not.toContain("Copyright");
    expect(record?.abstract).not.toContain("Pretend Medicine");
  });
});

describe("pages quoting a paper", () => {
  it("reads a blog post's fields and quoted abstract, not its commentary or related posts", () => {
    const [record] = parseFixture("aggregator.txt").records;
    expect(record).toMatchObject({
      title: "Benchmarking Retrieval-Augmented Generation for Medicine",
      arxiv: "2402.13178",
      authors: ["Guangzhi Xiong", "Qiao Jin", "Zhiyong Lu", "Aidong Zhang"],
      date: "2024-02-20",
      urls: ["https://arxiv.org/abs/2402.13178"],
    });
    expect(record?.abstract?.startsWith("The authors assemble MIRAGE")).toBe(true);
    const json = JSON.stringify(record);
    for (const noise of ["Our take", "example.org", "Share this", "Ten papers"]) {
      expect(json).not.toContain(noise);
    }
  });

  it("reads a digest entry cut off in its abstract, the id from an `arXiv:` link field", () => {
    const parsed = parseFixture("aggregator-truncated.txt");
    expect(parsed.records[0]).toMatchObject({
      title: "Capabilities of GPT-4 on Medical Challenge Problems",
      arxiv: "2303.13375",
      urls: ["https://arxiv.org/abs/2303.13375"],
    });
    expect(codesOf(parsed)).toContain("abstract-cut-off");
  });
});

describe("pages with nothing to read", () => {
  it("gives no record for a page of menus only", () => {
    const parsed = parsePaperPage(
      textDocument("Skip to main content\nView PDF\nBibliographic Tools\nSubmission history\n"),
    );
    expect(parsed.records).toEqual([]);
    expect(codesOf(parsed)).toContain("no-paper");
  });
});

describe("splitAuthors", () => {
  it.each([
    ["A. Example, B. Placeholder and C. Sample", ["A. Example", "B. Placeholder", "C. Sample"]],
    [
      "Ada Example 1 , Ben Placeholder 1 2 , Chandra Sample 2",
      ["Ada Example", "Ben Placeholder", "Chandra Sample"],
    ],
    ["Sample C(1), Example A(1)(2)", ["Sample C", "Example A"]],
    ["Ada Example*, Ben Placeholder†, et al.", ["Ada Example", "Ben Placeholder"]],
    ["Ada Example\n,\nBen Placeholder\n+3 authors", ["Ada Example", "Ben Placeholder"]],
  ])("%j", (input, expected) => {
    expect(splitAuthors(input)).toEqual(expected);
  });
});
