// The awesome-list adapter: one listed record per item that links to a paper, filed under its
// heading path; the list as a collection; its companion survey from the top or from its citation.
import { describe, expect, it } from "vitest";
import { parseAwesomeList, sniffAwesomeList } from "../../src/ingest/awesome-list.ts";
import type { PaperRecord } from "../../src/ingest/types.ts";
import { codesOf, readFixture, textDocument, toDocument } from "./_fixtures.ts";

/** A fixture of test/fixtures/ingest/awesome-list, with its file name as the document id. */
const parseFixture = (name: string) =>
  parseAwesomeList({ ...toDocument(readFixture(`awesome-list/${name}`)), id: name });

/** The fields a row of the tables below checks. */
function summarise(record: PaperRecord) {
  return {
    line: record.line,
    title: record.title,
    id: record.arxiv ?? record.doi ?? record.acl ?? record.pmid ?? record.openreview,
    venue: record.venue,
    year: record.year,
    section: record.section?.join(" › "),
  };
}

const SURVEY_AUTHORS_FIRST_LAST = ["Hongjian Zhou", "David A. Clifton"];

describe("awesome list with a companion survey, nested sections, a table and chrome sections", () => {
  const parsed = parseFixture("medical-llm-papers.md");
  const [companion, ...listed] = parsed.records;

  it("names the collection after its # title without badges, with the list's own links", () => {
    expect(parsed.collection).toEqual({
      title: "Awesome Medical LLM Papers",
      urls: ["https://example-lab.github.io/awesome-medical-llm-papers/"],
      companion: 0,
    });
  });

  it("reads the companion survey from the badge near the top and the BibTeX of the Citation section", () => {
    expect(companion).toMatchObject({
      source: "medical-llm-papers.md#1",
      document: "medical-llm-papers.md",
      format: "awesome-list",
      role: "main",
      line: 13,
      title: "A Survey of Large Language Models in Medicine: Progress, Application, and Challenge",
      arxiv: "2311.05112",
      year: 2023,
      tags: ["survey"],
      urls: ["https://arxiv.org/abs/2311.05112"],
    });
    expect(companion?.authors).toHaveLength(19);
    expect([companion?.authors[0], companion?.authors.at(-1)]).toEqual(SURVEY_AUTHORS_FIRST_LAST);
  });

  const rows: Array<ReturnType<typeof summarise>> = [
    {
      line: 33,
      title: "A Survey of Large Language Models in Medicine: Progress, Application, and Challenge",
      id: "2311.05112",
      venue: undefined,
      year: 2023,
      section: "Surveys",
    },
    {
      line: 34,
      title:
        "A Comprehensive Survey of Large Language Models and Multimodal Large Language Models in Medicine",
      id: "2405.08603",
      venue: undefined,
      year: undefined,
      section: "Surveys",
    },
    {
      line: 40,
      title: "Large Language Models Encode Clinical Knowledge",
      id: "2212.13138",
      venue: "Nature 2023",
      year: 2023,
      section: "Models › Text-only",
    },
    {
      line: 41,
      title: "Towards Expert-Level Medical Question Answering with Large Language Models",
      id: "2305.09617",
      venue: undefined,
      year: undefined,
      section: "Models › Text-only",
    },
    {
      line: 42,
      title: "PMC-LLaMA: Towards Building Open-source Language Models for Medicine",
      id: "2304.14454",
      venue: undefined,
      year: 2023,
      section: "Models › Text-only",
    },
    {
      line: 43,
      title: "MEDITRON-70B: Scaling Medical Pretraining for Large Language Models",
      id: "2311.16079",
      venue: undefined,
      year: undefined,
      section: "Models › Text-only",
    },
    {
      line: 48,
      title: "LLaVA-Med: Training a Large Language-and-Vision Assistant for Biomedicine in One Day",
      id: "2306.00890",
      venue: "NeurIPS 2023",
      year: 2023,
      section: "Models › Multimodal",
    },
    {
      line: 49,
      title: "Med-Flamingo: a Multimodal Medical Few-shot Learner",
      id: "2307.15189",
      venue: undefined,
      year: undefined,
      section: "Models › Multimodal",
    },
    {
      line: 56,
      title:
        "What Disease does this Patient Have? A Large-scale Open Domain Question Answering Dataset from Medical Exams",
      id: "2009.13081",
      venue: "Applied Sciences",
      year: 2021,
      section: "Benchmarks",
    },
    {
      line: 57,
      title: "CMB: A Comprehensive Medical Benchmark in Chinese",
      id: "2308.08833",
      venue: undefined,
      year: 2023,
      section: "Benchmarks",
    },
    {
      line: 58,
      title: "PubMedQA: A Dataset for Biomedical Research Question Answering",
      id: "1909.06146",
      venue: "EMNLP",
      year: 2019,
      section: "Benchmarks",
    },
    {
      line: 63,
      title:
        "AgentClinic: a multimodal agent benchmark to evaluate AI in simulated clinical environments",
      id: "2405.07960",
      venue: undefined,
      year: undefined,
      section: "Agents › Simulated clinics",
    },
  ];

  it("lists one record per item with a paper link, in line order", () => {
    expect(listed.map(summarise)).toEqual(rows);
    expect(listed.every((record) => record.role === "listed")).toBe(true);
  });

  it.each(rows.map((row, index) => [row.title, index] as const))(
    "numbers the sources of the records: %s",
    (_title, index) => {
      expect(listed[index]?.source).toBe(`medical-llm-papers.md#${index + 2}`);
    },
  );

  it("keeps code links with their paper, also from a nested bullet under the item", () => {
    const flamingo = listed.find((record) => record.arxiv === "2307.15189");
    expect(flamingo?.urls).toEqual([
      "https://arxiv.org/abs/2307.15189",
      "https://github.com/snap-stanford/med-flamingo",
    ]);
    const palm = listed.find((record) => record.arxiv === "2212.13138");
    expect(palm).toMatchObject({ doi: "10.1038/s41586-023-06291-2" });
  });

  it("reads nothing from the table of contents, news, contributing, star history or licence", () => {
    const json = JSON.stringify(parsed.records);
    for (const noise of [
      "2401.00001",
      "Paper title",
      "#surveys",
      "star-history",
      "graphs/contributors",
      "awesome.re",
      "img.shields.io",
      "CONTRIBUTING",
      "Version 7",
    ]) {
      expect(json).not.toContain(noise);
    }
    expect(
      parsed.records.filter((record) => record.section?.includes("Table of Contents")),
    ).toEqual([]);
  });

  it("reports the item that links to code only, and skips it", () => {
    expect(listed.some((record) => record.title?.startsWith("MedAgents"))).toBe(false);
    expect(codesOf(parsed)).toContain("items-without-paper-link");
    expect(codesOf(parsed)).not.toContain("no-companion");
  });
});

describe("awesome list without a companion", () => {
  const parsed = parseFixture("no-companion.md");

  it("has no main record and says the list names no paper of its own", () => {
    expect(parsed.collection).toEqual({ title: "Awesome Clinical Language Models", urls: [] });
    expect(parsed.records.every((record) => record.role === "listed")).toBe(true);
    expect(codesOf(parsed)).toContain("no-companion");
  });

  it("reads numbered items, venue tags, inline HTML badges and four levels of headings", () => {
    expect(parsed.records.map(summarise)).toEqual([
      {
        line: 14,
        title:
          "ChatDoctor: A Medical Chat Model Fine-Tuned on a Large Language Model Meta-AI (LLaMA) Using Medical Domain Knowledge",
        id: "2303.14070",
        venue: undefined,
        year: undefined,
        section: "General",
      },
      {
        line: 15,
        title:
          "LLaVA-Med: Training a Large Language-and-Vision Assistant for Biomedicine in One Day",
        id: "2306.00890",
        venue: "NeurIPS 2023",
        year: 2023,
        section: "General",
      },
      {
        line: 16,
        title: "Ward Rounds with Imaginary Patients: a Fictional Study of Triage Prompts",
        id: "10.5555/fictional.2023.0001",
        venue: "Nature Medicine 2023",
        year: 2023,
        section: "General",
      },
      {
        line: 24,
        title: "Capabilities of GPT-4 on Medical Challenge Problems",
        id: "2303.13375",
        venue: undefined,
        year: 2023,
        section: "Evaluation › Exams › Licensing exams",
      },
      {
        line: 25,
        title: "An Invented Benchmark of Pretend Board Questions",
        id: "10.5555/fictional.2024.0002",
        venue: "ACL 2024",
        year: 2024,
        section: "Evaluation › Exams › Licensing exams",
      },
      {
        line: 33,
        title: "A Made-up Study of Discharge Summaries",
        id: "10.5555/fictional.2022.0003",
        venue: undefined,
        year: 2022,
        section: "Evaluation › Clinical notes",
      },
    ]);
  });

  it("takes nothing from the contents list, the contributing template, thanks or star history", () => {
    const json = JSON.stringify(parsed.records);
    for (const noise of [
      "2401.00001",
      "#general",
      "twitter.com",
      "github.com/someone",
      "star-history",
    ]) {
      expect(json).not.toContain(noise);
    }
    expect(parsed.records.some((record) => record.title === "Example evaluation harness")).toBe(
      false,
    );
  });
});

describe("awesome list linking papers by ACL Anthology, PubMed, OpenReview and Hugging Face", () => {
  const parsed = parseFixture("identifier-links.md");
  const listed = parsed.records.filter((record) => record.role === "listed");

  it("takes each identifier from its link", () => {
    const ids = listed.map((record) => [
      record.title,
      record.arxiv,
      record.doi,
      record.acl,
      record.pmid,
      record.openreview,
    ]);
    expect(ids).toEqual([
      [
        "A Pretend Corpus of Invented Discharge Notes",
        undefined,
        undefined,
        "2023.fictional-main.7",
        undefined,
        undefined,
      ],
      [
        "Imaginary Radiology Reports Revisited",
        undefined,
        "10.18653/v1/2023.fictional-short.12",
        "2023.fictional-short.12",
        undefined,
        undefined,
      ],
      ["Toy Triage Dialogues", undefined, undefined, undefined, "99999901", undefined],
      ["Pretend Reviewers Disagree", undefined, undefined, undefined, undefined, "FiCtIoNaL01"],
      [
        "Towards Expert-Level Medical Question Answering with Large Language Models",
        "2305.09617",
        undefined,
        undefined,
        undefined,
        undefined,
      ],
      [
        "Capabilities of GPT-4 on Medical Challenge Problems",
        "2303.13375",
        undefined,
        undefined,
        undefined,
        undefined,
      ],
      [
        "Invented ICU Timelines",
        undefined,
        "10.5555/fictional.2021.0004",
        undefined,
        undefined,
        undefined,
      ],
      ["Fictional Outpatient Letters", undefined, undefined, undefined, "99999902", undefined],
    ]);
  });

  it("reads venues from bold tags, a trailing `— Journal, year` and parentheses", () => {
    expect(listed.slice(0, 4).map((record) => [record.venue, record.year])).toEqual([
      ["ACL 2023", 2023],
      [undefined, undefined],
      ["Journal of Invented Medicine 2022", 2022],
      ["ICLR 2024", 2024],
    ]);
    expect(listed.slice(6).map((record) => record.year)).toEqual([2021, 2020]);
  });

  it("names the collection after an HTML heading and reads the companion from a Cite section", () => {
    expect(parsed.collection?.title).toBe("Clinical NLP Resource List");
    const index = parsed.collection?.companion ?? -1;
    expect(index).toBe(parsed.records.length - 1);
    expect(parsed.records[index]).toMatchObject({
      role: "main",
      source: `identifier-links.md#${index + 1}`,
      title: "A Survey of Large Language Models in Medicine: Progress, Application, and Challenge",
      arxiv: "2311.05112",
      year: 2023,
      tags: ["survey"],
    });
    expect(parsed.records[index]?.authors).toHaveLength(19);
  });

  it("skips a table row without a paper link", () => {
    expect(listed.some((record) => record.title?.startsWith("Sandbox EHR"))).toBe(false);
    expect(codesOf(parsed)).toContain("items-without-paper-link");
  });
});

describe("awesome list edge cases", () => {
  it("reads the brief's item shapes: bold venue tag, plain title, [paper] and [code] links", () => {
    const parsed = parseAwesomeList(
      textDocument(
        [
          "# Awesome Examples",
          "",
          "## Models",
          "",
          "* **[NeurIPS 2023]** LLaVA-Med: Training a Large Language-and-Vision Assistant for Biomedicine in One Day. [[paper](https://arxiv.org/abs/2306.00890)] [[code](https://github.com/microsoft/LLaVA-Med)]",
          "- [Med-Flamingo: a Multimodal Medical Few-shot Learner](https://arxiv.org/abs/2307.15189) — ML4H, 2023",
        ].join("\n"),
        "examples.md",
      ),
    );
    expect(
      parsed.records.map((record) => [record.title, record.arxiv, record.venue, record.year]),
    ).toEqual([
      [
        "LLaVA-Med: Training a Large Language-and-Vision Assistant for Biomedicine in One Day",
        "2306.00890",
        "NeurIPS 2023",
        2023,
      ],
      ["Med-Flamingo: a Multimodal Medical Few-shot Learner", "2307.15189", "ML4H", 2023],
    ]);
    expect(parsed.records[0]?.urls).toEqual([
      "https://arxiv.org/abs/2306.00890",
      "https://github.com/microsoft/LLaVA-Med",
    ]);
  });

  it("counts items right under the title when the list has no sections", () => {
    const parsed = parseAwesomeList(
      textDocument(
        [
          "# Flat list",
          "",
          "- [Large Language Models Encode Clinical Knowledge](https://arxiv.org/abs/2212.13138)",
          "- [Capabilities of GPT-4 on Medical Challenge Problems](https://arxiv.org/abs/2303.13375)",
        ].join("\n"),
      ),
    );
    expect(parsed.records.map((record) => [record.arxiv, record.section])).toEqual([
      ["2212.13138", undefined],
      ["2303.13375", undefined],
    ]);
    expect(codesOf(parsed)).toContain("no-companion");
  });

  it("names a list without a title after its file", () => {
    const parsed = parseAwesomeList(
      textDocument(
        "Some papers.\n\n- [PMC-LLaMA](https://arxiv.org/abs/2304.14454)\n",
        "lists/medical-reading.md",
      ),
    );
    expect(parsed.collection?.title).toBe("medical-reading");
    expect(codesOf(parsed)).toContain("no-title");
  });

  it("reads a companion from a plain-text citation", () => {
    const parsed = parseAwesomeList(
      textDocument(
        [
          "# Awesome Medical Agents",
          "",
          "## Papers",
          "",
          "- [MedAgents](https://arxiv.org/abs/2311.10537)",
          "",
          "## Citation",
          "",
          "Please cite: Zhou et al., A Survey of Large Language Models in Medicine, arXiv:2311.05112.",
        ].join("\n"),
      ),
    );
    const companion = parsed.records[parsed.collection?.companion ?? -1];
    expect(companion).toMatchObject({ role: "main", arxiv: "2311.05112", line: 7 });
  });

  it("keeps the cited paper when the link at the top names another one, and warns", () => {
    const parsed = parseAwesomeList(
      textDocument(
        [
          "# Awesome Surveys",
          "",
          "Our survey: [paper](https://arxiv.org/abs/2405.08603)",
          "",
          "## Papers",
          "",
          "- [Large Language Models Encode Clinical Knowledge](https://arxiv.org/abs/2212.13138)",
          "",
          "## Citation",
          "",
          "```bibtex",
          "@article{zhou2023survey, title={A Survey of Large Language Models in Medicine: Progress, Application, and Challenge}, journal={arXiv preprint arXiv:2311.05112}, year={2023}}",
          "```",
        ].join("\n"),
      ),
    );
    const companion = parsed.records[parsed.collection?.companion ?? -1];
    expect(companion?.arxiv).toBe("2311.05112");
    expect(codesOf(parsed)).toContain("companion-mismatch");
  });

  it("does not take an entry's BibTeX inside a section for the list's own paper", () => {
    const parsed = parseAwesomeList(
      textDocument(
        [
          "# Awesome Models",
          "",
          "## Models",
          "",
          "- [Large Language Models Encode Clinical Knowledge](https://arxiv.org/abs/2212.13138)",
          "",
          "```bibtex",
          "@article{singhal2023large, title={Large Language Models Encode Clinical Knowledge}, journal={Nature}, year={2023}}",
          "```",
        ].join("\n"),
      ),
    );
    expect(parsed.collection?.companion).toBeUndefined();
    expect(parsed.records.map((record) => record.role)).toEqual(["listed"]);
  });

  it("gives no record for a table of contents, even a long one", () => {
    const toc = Array.from({ length: 30 }, (_, i) => `- [Section ${i}](#section-${i})`).join("\n");
    const parsed = parseAwesomeList(textDocument(`# Awesome\n\n## Contents\n\n${toc}\n`));
    expect(parsed.records).toEqual([]);
    expect(codesOf(parsed)).toContain("no-items");
    expect(sniffAwesomeList(`# Awesome\n\n${toc}\n`)).toBeLessThan(0.5);
  });
});

describe("a list of unbulleted [Title](url) lines under headings and topic bullets", () => {
  const text = readFixture("awesome-list/unbulleted-links.md");
  const parsed = parseFixture("unbulleted-links.md");

  it("is sniffed as an awesome list", () => {
    expect(sniffAwesomeList(toDocument(text).text)).toBeGreaterThanOrEqual(0.5);
  });

  it("reads each line as a paper, with its identifiers and its heading and topic path", () => {
    expect(
      parsed.records.map((record) => ({
        ...summarise(record),
        acl: record.acl,
        openreview: record.openreview,
      })),
    ).toEqual([
      {
        line: 10,
        title: "Pretend Retrieval for Toy Language Models",
        id: "2101.00001",
        venue: undefined,
        year: undefined,
        section: "Catalogue › Methods › Foundations › Query-side methods",
        acl: undefined,
        openreview: undefined,
      },
      {
        line: 12,
        title: "An Imaginary Retriever Trained on Nothing",
        id: "2023.fictional-main.3",
        venue: undefined,
        year: undefined,
        section: "Catalogue › Methods › Foundations › Query-side methods",
        acl: "2023.fictional-main.3",
        openreview: undefined,
      },
      {
        line: 13,
        title: "A Follow-up Nobody Wrote",
        id: "FaKeId_01",
        venue: undefined,
        year: undefined,
        section: "Catalogue › Methods › Foundations › Query-side methods",
        acl: undefined,
        openreview: "FaKeId_01",
      },
      {
        line: 19,
        title: "Fusing Made-up Passages at Decoding Time",
        id: "10.18653/v1/2022.fictional-long.41",
        venue: undefined,
        year: undefined,
        section: "Catalogue › Methods › Foundations › Output-side methods",
        acl: "2022.fictional-long.41",
        openreview: undefined,
      },
      {
        line: 22,
        title: "A Benchmark of Invented Questions",
        id: "2202.00002",
        venue: undefined,
        year: undefined,
        section: "Catalogue › Benchmark",
        acl: undefined,
        openreview: undefined,
      },
      {
        line: 23,
        title: "Another Benchmark, Equally Fictional",
        id: "AlsoFake22",
        venue: undefined,
        year: undefined,
        section: "Catalogue › Benchmark",
        acl: undefined,
        openreview: "AlsoFake22",
      },
      {
        line: 24,
        title: "A Third Benchmark Nobody Has Run",
        id: "2202.00003",
        venue: undefined,
        year: undefined,
        section: "Catalogue › Benchmark",
        acl: undefined,
        openreview: undefined,
      },
      {
        line: 25,
        title: "Questions About Questions That Were Never Asked",
        id: "10.5555/fake.0010",
        venue: undefined,
        year: undefined,
        section: "Catalogue › Benchmark",
        acl: undefined,
        openreview: undefined,
      },
    ]);
  });

  it("says that the code link under a topic is not read as a paper", () => {
    expect(codesOf(parsed)).toContain("items-without-paper-link");
  });
});

describe("items with bylines, link-word links and a Name | Paper table", () => {
  const parsed = parseFixture("bylines-and-tables.md");
  const byLine = new Map(parsed.records.map((record) => [record.line, record]));

  it("reads authors, journal and date from `authors · journal · date` and its | and – variants", () => {
    expect(byLine.get(7)).toMatchObject({
      title: "A Pretend Trial of Chatbots in Invented Wards",
      authors: ["Okafor N"],
      venue: "Journal of Made-up Medicine",
      date: "2024-03-05",
      year: 2024,
    });
    expect(byLine.get(8)).toMatchObject({ authors: [], venue: "The Imaginary Lancet of Toys" });
    expect(byLine.get(9)).toMatchObject({
      title: "Counting Sheep with Language Models",
      authors: ["Ana Ruiz", "Bo Chen", "Carl Diaz"],
      year: 2022,
    });
    expect(byLine.get(10)).toMatchObject({
      title: "Dreaming of Better Tokenizers",
      authors: ["Lee K", "Park J"],
      venue: "Pretend Letters",
      date: "2021-07",
    });
  });

  it("takes the year written after a title out of the title", () => {
    expect(byLine.get(11)).toMatchObject({ title: "Sleepy Transformers Revisited", year: 2020 });
    expect(byLine.get(12)).toMatchObject({ title: "Pretend Graphs of Pretend Papers", year: 2019 });
  });

  it("never takes a link-word link's text as the title", () => {
    expect([16, 17, 18].map((line) => byLine.get(line)?.title)).toEqual([
      "OSLand: Benchmarking Pretend Agents in Imaginary Operating Systems",
      "GymToy: Evolving Invented Agents across Fake Worlds",
      "ToyBench: An Evaluation of Nothing in Particular",
    ]);
    expect(byLine.get(18)).toMatchObject({ venue: "NeurIPS 2025", year: 2025 });
  });

  it("titles a Name | Paper table row after the paper, with its links and section", () => {
    expect(byLine.get(25)).toMatchObject({
      title: "ToyQA: Questions Nobody Asked About Invented Images",
      arxiv: "2303.00006",
      urls: ["https://arxiv.org/pdf/2303.00006.pdf", "https://github.com/example/toyqa"],
      section: ["Benchmarks"],
    });
    expect(byLine.get(26)?.title).toBe("FakeVid: Watching Videos That Were Never Filmed");
  });
});

describe("awesome list: paper items above the first section", () => {
  const item = (i: number) =>
    `- **[Reading clinical notes with model number ${i}](https://arxiv.org/abs/2401.0${1000 + i})**`;

  it("reads many items under the title as entries even when a later section lists a paper", () => {
    const text = [
      "# Clinical language models",
      "",
      ...Array.from({ length: 8 }, (_, i) => item(i)),
      "",
      "## Errata",
      "",
      item(9),
      "",
    ].join("\n");
    const parsed = parseAwesomeList(textDocument(text, "list.md"));
    const listed = parsed.records.filter((r) => r.role === "listed");
    expect(listed).toHaveLength(9);
    expect(codesOf(parsed)).not.toContain("intro-items");
  });

  it("reads a few links under the title as the introduction, and says so", () => {
    const text = [
      "# Clinical language models",
      "",
      item(1),
      "",
      "## Papers",
      "",
      item(2),
      item(3),
      "",
    ].join("\n");
    const parsed = parseAwesomeList(textDocument(text, "list.md"));
    const listed = parsed.records.filter((r) => r.role === "listed").map((r) => r.arxiv);
    expect(listed).toEqual(["2401.01002", "2401.01003"]);
    expect(codesOf(parsed)).toContain("intro-items");
  });
});

describe("collapsible groups: a <details> summary names a subsection of the heading above it", () => {
  const text = [
    "# Awesome Imaginary Papers",
    "",
    "## Journals",
    "",
    "<details open>",
    "<summary><b>Journal of Made-up Results</b>（2）</summary>",
    "",
    "- **[A Study That Never Happened](https://arxiv.org/abs/2101.00011)**<br/>Doe J et al. · 2025",
    "- **[Another Study That Never Happened](https://arxiv.org/abs/2101.00012)**",
    "",
    "</details>",
    "",
    "<details><summary>Second Imaginary Journal (1)</summary>",
    "",
    "- [A Third Study](https://arxiv.org/abs/2101.00013)",
    "</details>",
    "",
    "- [Filed Under the Heading Alone](https://arxiv.org/abs/2101.00014)",
    "",
    "## Preprints",
    "",
    "<details>",
    "<summary>Unclosed Group</summary>",
    "",
    "- [In the Unclosed Group](https://arxiv.org/abs/2101.00015)",
    "",
    "## Later Heading",
    "",
    "- [After a Heading That Closes the Group](https://arxiv.org/abs/2101.00016)",
  ].join("\n");
  const parsed = parseAwesomeList({ ...textDocument(text), id: "groups.md" });
  const sections = Object.fromEntries(
    parsed.records
      .filter((record) => record.role === "listed")
      .map((record) => [record.arxiv, record.section?.join(" › ")]),
  );

  it("files each item under the group's name, without its count", () => {
    expect(sections).toEqual({
      "2101.00011": "Journals › Journal of Made-up Results",
      "2101.00012": "Journals › Journal of Made-up Results",
      "2101.00013": "Journals › Second Imaginary Journal",
      "2101.00014": "Journals",
      "2101.00015": "Preprints › Unclosed Group",
      "2101.00016": "Later Heading",
    });
  });
});
