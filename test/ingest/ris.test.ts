// The RIS adapter: TY … ER records; a record without its ER end tag is reported and skipped.
import { describe, expect, it } from "vitest";
import { parseRis, sniffRis } from "../../src/ingest/ris.ts";
import { findRecord, readFormatDocument } from "./_bibliographies.ts";
import { codesOf, textDocument } from "./_fixtures.ts";

const exported = parseRis(readFormatDocument("ris", "zotero-export.ris"));

describe("ris: zotero-export.ris", () => {
  it("keeps the three complete records and skips the one cut off before ER", () => {
    expect(exported.records.map((r) => r.source)).toEqual([
      "zotero-export.ris#1",
      "zotero-export.ris#2",
      "zotero-export.ris#3",
    ]);
    expect(exported.counts).toEqual({ read: 4, kept: 3, skipped: 1 });
    expect(exported.diagnostics[0]).toMatchObject({
      file: "zotero-export.ris",
      line: 56,
      severity: "error",
      code: "missing-end-tag",
    });
    expect(codesOf(exported)).toContain("records-skipped");
    expect(JSON.stringify(exported.records)).not.toContain("2009.13081");
  });

  const cases: Array<{ name: string; id: string; expected: Record<string, unknown> }> = [
    {
      name: "a journal article: names flipped to First Last, DA as the date, T2 as venue, KW",
      id: "10.1038/s41586-023-06291-2",
      expected: {
        line: 1,
        role: "listed",
        format: "ris",
        title: "Large language models encode clinical knowledge",
        authors: ["Karan Singhal", "Shekoofeh Azizi", "Tao Tu", "S. Sara Mahdavi", "Jason Wei"],
        date: "2023-07-12",
        year: 2023,
        venue: "Nature",
        keywords: ["benchmark", "question answering"],
        urls: ["https://www.nature.com/articles/s41586-023-06291-2"],
      },
    },
    {
      name: "a conference paper: DA without a day, an ACL Anthology link",
      id: "10.18653/v1/d19-1259",
      expected: { line: 22, date: "2019-11", year: 2019, acl: "D19-1259" },
    },
    {
      name: "JO as venue, PY 2022///, an abstract continued on an untagged line",
      id: "10.1093/bib/bbac409",
      expected: {
        line: 38,
        year: 2022,
        venue: "Briefings in Bioinformatics",
        abstract:
          "A generative transformer trained on biomedical literature rather than general web text, wrapped here over two lines the way some exporters write long abstracts.",
      },
    },
  ];
  for (const { name, id, expected } of cases) {
    it(name, () => {
      expect(findRecord(exported.records, id)).toMatchObject(expected);
    });
  }
});

describe("ris: records that do not end", () => {
  const cases: Array<{ name: string; text: string; kept: string[]; skippedLine: number }> = [
    {
      name: "a record without ER before the next TY",
      text: "TY  - JOUR\nTI  - First paper\nTY  - JOUR\nTI  - Second paper\nER  - \n",
      kept: ["Second paper"],
      skippedLine: 1,
    },
    {
      name: "the last record without ER, even when it looks complete",
      text: "TY  - JOUR\nTI  - First paper\nER  - \nTY  - JOUR\nTI  - Second paper\nPY  - 2024\n",
      kept: ["First paper"],
      skippedLine: 4,
    },
  ];
  for (const { name, text, kept, skippedLine } of cases) {
    it(`reports and skips ${name}`, () => {
      const parsed = parseRis(textDocument(text, "inline.ris"));
      expect(parsed.records.map((r) => r.title)).toEqual(kept);
      expect(parsed.diagnostics[0]).toMatchObject({ code: "missing-end-tag", line: skippedLine });
      expect(parsed.counts).toEqual({ read: 2, kept: 1, skipped: 1 });
    });
  }
});

describe("ris: edge cases", () => {
  it("finds an arXiv id in UR and an arXiv DOI in DO", () => {
    const parsed = parseRis(
      textDocument(
        "TY  - GEN\nTI  - One\nUR  - http://arxiv.org/abs/2303.13375v2\nER  - \nTY  - GEN\nTI  - Two\nDO  - 10.48550/arXiv.2311.05112\nER  - \n",
      ),
    );
    expect(parsed.records.map((r) => [r.arxiv, r.doi])).toEqual([
      ["2303.13375", undefined],
      ["2311.05112", undefined],
    ]);
  });

  it("reports lines outside any record and a record without title or id", () => {
    const parsed = parseRis(textDocument("stray words\nTY  - GEN\nAU  - Doe, Jane\nER  - \n"));
    expect(codesOf(parsed)).toEqual(["stray-text", "no-title", "records-skipped"]);
    expect(parsed.diagnostics[0]?.line).toBe(1);
  });

  it("reads a BOM, a name with a suffix and one space before the hyphen", () => {
    const parsed = parseRis(textDocument("\ufeffTY - JOUR\nTI - Three\nAU - Li, Wei, Jr.\nER -\n"));
    expect(parsed.records[0]).toMatchObject({ title: "Three", authors: ["Wei Li Jr."] });
  });
});

describe("sniffRis", () => {
  const cases: Array<{ name: string; text: string; sure: boolean }> = [
    { name: "a file opening with TY", text: "TY  - JOUR\nTI  - x\nER  - \n", sure: true },
    {
      name: "a file with a header line",
      text: "Exported\n\nTY  - JOUR\nTI  - x\nER  - \n",
      sure: true,
    },
    { name: "prose that mentions TY", text: "The TY field starts a record.\n", sure: false },
  ];
  for (const { name, text, sure } of cases) {
    it(`${sure ? "claims" : "does not claim"} ${name}`, () => {
      expect(sniffRis(text) >= 0.5).toBe(sure);
    });
  }
});

describe("parseRis: a line without a tag right after TY", () => {
  it("keeps it as a note, so its arXiv link is read, and warns with the line", () => {
    const parsed = parseRis(
      textDocument(
        "TY  - JOUR\n[notes](https://arxiv.org/abs/2405.08603)\nTI  - A title of my own\nER  - \n",
        "lib.ris",
      ),
    );
    expect(parsed.records.map((r) => [r.title, r.arxiv])).toEqual([
      ["A title of my own", "2405.08603"],
    ]);
    const warning = parsed.diagnostics.find((d) => d.code === "untagged-line");
    expect(warning?.line).toBe(2);
  });
});
