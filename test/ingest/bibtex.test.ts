// The BibTeX adapter: one listed record per entry, LaTeX decoded, broken entries reported and skipped.
import { describe, expect, it } from "vitest";
import { parseBibtex, sniffBibtex } from "../../src/ingest/bibtex.ts";
import { splitBibtexBlocks } from "../../src/ingest/bibtex-entries.ts";
import { findRecord, readFormatDocument } from "./_bibliographies.ts";
import { codesOf, textDocument } from "./_fixtures.ts";

const refs = parseBibtex(readFormatDocument("bibtex", "refs.bib"));

describe("bibtex: refs.bib", () => {
  it("reads every entry and nothing else (@preamble, @string, @comment are not records)", () => {
    expect(refs.counts).toEqual({ read: 8, kept: 8, skipped: 0 });
    expect(refs.records.map((r) => r.source)).toEqual(
      Array.from({ length: 8 }, (_, i) => `refs.bib#${i + 1}`),
    );
    expect(refs.diagnostics).toEqual([]);
    for (const record of refs.records) {
      expect(record).toMatchObject({ document: "refs.bib", format: "bibtex", role: "listed" });
    }
  });

  const cases: Array<{ name: string; id: string; expected: Record<string, unknown> }> = [
    {
      name: "a journal named by a @string macro, DOI and URL, keywords",
      id: "10.1038/s41586-023-06291-2",
      expected: {
        line: 10,
        title: "Large language models encode clinical knowledge",
        authors: ["Karan Singhal", "Shekoofeh Azizi", "Tao Tu"],
        venue: "Nature",
        year: 2023,
        urls: ["https://www.nature.com/articles/s41586-023-06291-2"],
        keywords: ["benchmark", "question answering"],
      },
    },
    {
      name: "eprint with archivePrefix = {arXiv}; braces protecting {GPT}",
      id: "2303.13375",
      expected: {
        source: "refs.bib#2",
        line: 22,
        title: "Capabilities of GPT-4 on Medical Challenge Problems",
        authors: [
          "Harsha Nori",
          "Nicholas King",
          "Scott Mayer McKinney",
          "Dean Carignan",
          "Eric Horvitz",
        ],
        year: 2023,
      },
    },
    {
      name: "Google Scholar's journal = {arXiv preprint arXiv:…}: an id, not a venue",
      id: "2311.05112",
      expected: {
        source: "refs.bib#3",
        title:
          "A Survey of Large Language Models in Medicine: Progress, Application, and Challenge",
        year: 2023,
      },
    },
    {
      name: "a quoted title with braced letters, month macro, ACL Anthology link",
      id: "10.18653/v1/d19-1259",
      expected: {
        title: "PubMedQA: A Dataset for Biomedical Research Question Answering",
        date: "2019-11",
        year: 2019,
        acl: "D19-1259",
        venue:
          "Proceedings of the 2019 Conference on Empirical Methods in Natural Language Processing and the 9th International Joint Conference on Natural Language Processing (EMNLP-IJCNLP)",
      },
    },
    {
      name: 'an arXiv URL; {\\"o} decoded; -- as an en dash',
      id: "2304.08247",
      expected: {
        title:
          "MedAlpaca – An Open-Source Collection of Medical Conversational AI Models and Training Data",
        urls: ["https://arxiv.org/abs/2304.08247"],
      },
    },
    {
      name: "{\\'e} decoded; keywords split at semicolons",
      id: "2207.08143",
      expected: {
        authors: [
          "Valentin Liévin",
          "Christoffer Egeberg Hother",
          "Andreas Geert Motzfeldt",
          "Ole Winther",
        ],
        venue: "Patterns",
        year: 2024,
        keywords: ["chain of thought", "MedQA", "retrieval augmentation"],
      },
    },
    {
      name: "an abstract over three lines, whitespace collapsed",
      id: "10.1093/bib/bbac409",
      expected: {
        title:
          "BioGPT: generative pre-trained transformer for biomedical text generation and mining",
        abstract:
          "A GPT-style language model trained from scratch on PubMed abstracts, so that it can generate biomedical text as well as classify it; it is evaluated on relation extraction, question answering and document classification.",
        venue: "Briefings in Bioinformatics",
      },
    },
    {
      name: "BibLaTeX: eprinttype = {arxiv}, date = {2023-05}",
      id: "2305.15075",
      expected: {
        source: "refs.bib#8",
        title: "HuatuoGPT, towards Taming Language Model to Be a Doctor",
        date: "2023-05",
        year: 2023,
      },
    },
  ];
  for (const { name, id, expected } of cases) {
    it(name, () => {
      expect(findRecord(refs.records, id)).toMatchObject(expected);
    });
  }

  it("drops BibTeX's `and others` (et al.) from the authors", () => {
    const huatuo = findRecord(refs.records, "2305.15075");
    expect(huatuo.authors).toEqual(["Hongbo Zhang", "Junying Chen", "Feng Jiang"]);
  });

  it("gives no venue for an arXiv preprint and no date without a month", () => {
    expect(findRecord(refs.records, "2311.05112").venue).toBeUndefined();
    expect(findRecord(refs.records, "10.1038/s41586-023-06291-2").date).toBeUndefined();
  });
});

describe("bibtex: broken.bib", () => {
  const broken = parseBibtex(readFormatDocument("bibtex", "broken.bib"));

  it("keeps the good entries and counts the bad ones", () => {
    expect(broken.records.map((r) => [r.source, r.arxiv])).toEqual([
      ["broken.bib#1", "2304.14454"],
      ["broken.bib#4", "2203.14371"],
    ]);
    expect(broken.counts).toEqual({ read: 5, kept: 2, skipped: 3 });
  });

  const problems: Array<{ code: string; line: number; severity: string; words: RegExp }> = [
    { code: "unclosed-entry", line: 13, severity: "error", words: /entry 2 .*unclosed brace/ },
    { code: "missing-key", line: 21, severity: "error", words: /entry 3 .*no citation key/ },
    { code: "stray-text", line: 29, severity: "warning", words: /pasted in by mistake/ },
    { code: "bad-entry", line: 39, severity: "error", words: /entry 5 .*line 41/ },
  ];
  for (const { code, line, severity, words } of problems) {
    it(`reports ${code} at line ${line}`, () => {
      const found = broken.diagnostics.find((d) => d.code === code);
      expect(found).toMatchObject({ file: "broken.bib", line, severity });
      expect(found?.message).toMatch(words);
    });
  }

  it("sums up what was skipped", () => {
    expect(codesOf(broken)).toContain("entries-skipped");
  });
});

describe("bibtex: edge cases", () => {
  const parse = (text: string) => parseBibtex(textDocument(text, "inline.bib"));

  it("reports an entry without title or identifier", () => {
    const parsed = parse("@misc{note2024,\n  author = {Ada Lovelace},\n  year = {2024}\n}\n");
    expect(parsed.records).toEqual([]);
    expect(parsed.diagnostics[0]).toMatchObject({ code: "no-title", line: 1 });
    expect(parsed.counts).toEqual({ read: 1, kept: 0, skipped: 1 });
  });

  it("keeps an entry whose macro is undefined, with a warning", () => {
    const parsed = parse("@article{k, title = {A title}, journal = undefinedmacro, year = 2021}");
    expect(parsed.records).toHaveLength(1);
    expect(codesOf(parsed)).toContain("entry-warning");
  });

  it("expands a macro defined from another with #", () => {
    const parsed = parse(
      '@string{proc = "Proceedings of "}\n@string{acl = proc # "ACL"}\n@inproceedings{k, title = {T one}, booktitle = acl}\n',
    );
    expect(parsed.records[0]?.venue).toBe("Proceedings of ACL");
  });

  it("reads parenthesised entries and an arXiv DOI as the arXiv id", () => {
    const parsed = parse("@article(k, title = {T two}, doi = {10.48550/arXiv.2311.05112})");
    expect(parsed.records[0]).toMatchObject({ arxiv: "2311.05112", line: 1 });
    expect(parsed.records[0]?.doi).toBeUndefined();
  });

  it("reports an entry unclosed at the end of the file", () => {
    const parsed = parse(
      "@article{a, title = {One}}\n\n@article{b, title = {Two},\n  year = 2020\n",
    );
    expect(parsed.records).toHaveLength(1);
    expect(parsed.diagnostics[0]).toMatchObject({ code: "unclosed-entry", line: 3 });
  });

  it("notes a repeated key and keeps both entries", () => {
    const parsed = parse("@misc{k, title = {One}}\n@misc{k, title = {Two}}\n");
    expect(parsed.records).toHaveLength(2);
    expect(parsed.diagnostics).toContainEqual(
      expect.objectContaining({ code: "duplicate-key", line: 2, severity: "info" }),
    );
  });

  it("strips the markup the decoder adds for \\emph and \\textbf", () => {
    const parsed = parse("@misc{k, title = {\\emph{Clinical} notes and \\textbf{bold} claims}}");
    expect(parsed.records[0]?.title).toBe("Clinical notes and bold claims");
  });
});

describe("splitBibtexBlocks", () => {
  it("finds entries with their lines; % lines and blank lines are not stray text", () => {
    const blocks = splitBibtexBlocks(
      "% header\n\n@article{a,\n title={x}}\nloose words\n@comment no braces here\n@misc{b, title={y}}",
    );
    expect(blocks.map((b) => [b.kind, b.line])).toEqual([
      ["entry", 3],
      ["stray", 5],
      ["entry", 7],
    ]);
  });

  it("ends an unclosed entry before the next line that opens one", () => {
    const [first, second] = splitBibtexBlocks("@article{a,\n title={open\n@misc{b, title={y}}\n");
    expect(first).toMatchObject({ kind: "entry", closed: false, line: 1, endLine: 2 });
    expect(second).toMatchObject({ kind: "entry", closed: true, line: 3 });
  });

  it("does not count escaped braces", () => {
    const [only] = splitBibtexBlocks("@misc{a, title = {a \\} b}}");
    expect(only).toMatchObject({ closed: true });
  });
});

describe("sniffBibtex", () => {
  const cases: Array<{ name: string; text: string; sure: boolean }> = [
    { name: "a .bib file", text: "% made by hand\n@article{a, title={x}}\n", sure: true },
    {
      name: "entries after a free-text header",
      text: "My list\n@misc{a,title={x}}\n@misc{b,title={y}}\n",
      sure: true,
    },
    {
      name: "a README that quotes one citation in a code fence",
      text: "# Project\n\nCite us:\n\n```bibtex\n@article{a, title={x}}\n```\n",
      sure: false,
    },
    { name: "an e-mail address", text: "Write to me@example.org about it.\n", sure: false },
  ];
  for (const { name, text, sure } of cases) {
    it(`${sure ? "claims" : "does not claim"} ${name}`, () => {
      expect(sniffBibtex(text) >= 0.5).toBe(sure);
    });
  }
});

describe("parseBibtex: hostile sizes and glyphs", () => {
  it("keeps < and > in titles instead of the OT1 glyphs ¡ and ¿", () => {
    const parsed = parseBibtex(
      textDocument("@article{a, title = {Why x < y but y > z}, year = 2021}\n"),
    );
    expect(parsed.records.map((r) => r.title, "lt.bib")).toEqual(["Why x < y but y > z"]);
  });

  it("keeps ¡ and ¿ that the entry itself writes", () => {
    const parsed = parseBibtex(
      textDocument("@article{a, title = {¿Qué modelo? ¡Este!}, year = 2021}\n"),
    );
    expect(parsed.records.map((r) => r.title, "es.bib")).toEqual(["¿Qué modelo? ¡Este!"]);
  });

  it("reads an entry with 20,000 authors, all of them, in order", () => {
    const names = Array.from({ length: 20_000 }, (_, i) => `Writer${i}, Ann`);
    const text = `@article{big, title = {A very large consortium}, author = {${names.join(" and ")}}, year = 2024}\n`;
    const parsed = parseBibtex(textDocument(text, "big.bib"));
    expect(parsed.records).toHaveLength(1);
    const authors = parsed.records[0]?.authors ?? [];
    expect(authors).toHaveLength(20_000);
    expect(authors[0]).toBe("Ann Writer0");
    expect(authors[12_345]).toBe("Ann Writer12345");
    expect(authors[19_999]).toBe("Ann Writer19999");
    expect(parsed.records[0]?.year).toBe(2024);
  });

  it("keeps braces and `and` inside braces within one long list's names", () => {
    const names = Array.from({ length: 450 }, (_, i) => `Name${i}, B.`);
    names[300] = "{Barnes and Noble Research}";
    const text = `@misc{c, author = {${names.join(" and ")}}, title = {T}}\n`;
    const authors = parseBibtex(textDocument(text, "c.bib")).records[0]?.authors ?? [];
    expect(authors).toHaveLength(450);
    expect(authors[300]).toBe("Barnes and Noble Research");
    expect(authors[301]).toBe("B. Name301");
  });
});
