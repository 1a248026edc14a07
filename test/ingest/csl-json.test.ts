// The CSL-JSON adapter (Zotero's export): one listed record per item; bad JSON reported with its place.
import { describe, expect, it } from "vitest";
import {
  findJsonErrorOffset,
  locateJsonError,
  parseCslJson,
  sniffCslJson,
} from "../../src/ingest/csl-json.ts";
import { findRecord, readFormatDocument } from "./_bibliographies.ts";
import { codesOf, textDocument } from "./_fixtures.ts";

const library = parseCslJson(readFormatDocument("csl-json", "zotero-library.json"));

describe("csl-json: zotero-library.json", () => {
  it("keeps the four items with a title and reports the one without, at its line", () => {
    expect(library.records.map((r) => r.source)).toEqual([
      "zotero-library.json#1",
      "zotero-library.json#2",
      "zotero-library.json#3",
      "zotero-library.json#4",
    ]);
    expect(library.counts).toEqual({ read: 5, kept: 4, skipped: 1 });
    expect(library.diagnostics[0]).toMatchObject({
      code: "no-title",
      line: 167,
      severity: "error",
    });
    expect(codesOf(library)).toContain("items-skipped");
  });

  const cases: Array<{ name: string; id: string; expected: Record<string, unknown> }> = [
    {
      name: "a preprint: arXiv DOI and number give the arXiv id; date-parts without a day; keyword",
      id: "2303.13375",
      expected: {
        line: 2,
        role: "listed",
        format: "csl-json",
        title: "Capabilities of GPT-4 on Medical Challenge Problems",
        authors: [
          "Harsha Nori",
          "Nicholas King",
          "Scott Mayer McKinney",
          "Dean Carignan",
          "Eric Horvitz",
        ],
        date: "2023-03",
        year: 2023,
        keywords: ["medical exams", "GPT-4"],
        urls: ["http://arxiv.org/abs/2303.13375"],
      },
    },
    {
      name: "a journal article: markup removed from the title, date-parts as strings, container-title",
      id: "10.1093/bib/bbac409",
      expected: {
        line: 45,
        title:
          "BioGPT: generative pre-trained transformer for biomedical text generation and mining",
        year: 2022,
        venue: "Briefings in Bioinformatics",
      },
    },
    {
      name: "archive = arXiv with archive_location; a full date",
      id: "2306.00890",
      expected: { line: 92, date: "2023-06-01", year: 2023 },
    },
  ];
  for (const { name, id, expected } of cases) {
    it(name, () => {
      expect(findRecord(library.records, id)).toMatchObject(expected);
    });
  }

  it("keeps a literal author (an organisation) as written", () => {
    const report = library.records[3];
    expect(report).toMatchObject({
      line: 148,
      authors: ["World Health Organization"],
      date: "2024-01",
    });
    expect(report?.doi).toBeUndefined();
    expect(findRecord(library.records, "2303.13375").doi).toBeUndefined();
  });
});

describe("csl-json: files that are not a CSL array", () => {
  const cases: Array<{ name: string; text: string; code: string; line: number; column?: number }> =
    [
      {
        name: "a trailing comma",
        text: '[\n  {"type": "article", "title": "A"},\n]\n',
        code: "invalid-json",
        line: 3,
        column: 1,
      },
      {
        name: "a file cut off",
        text: '[\n  {"type": "article",\n   "title": "A"',
        code: "invalid-json",
        line: 3,
      },
      {
        name: "one item instead of an array of them",
        text: '{"type": "article", "title": "A", "issued": {"date-parts": [[2023]]}}\n',
        code: "not-an-array",
        line: 1,
      },
    ];
  for (const { name, text, code, line, column } of cases) {
    it(`reports ${name} and reads nothing`, () => {
      const parsed = parseCslJson(textDocument(text, "items.json"));
      expect(parsed.records).toEqual([]);
      expect(parsed.diagnostics).toHaveLength(1);
      expect(parsed.diagnostics[0]).toMatchObject({
        file: "items.json",
        code,
        line,
        severity: "error",
      });
      if (column !== undefined)
        expect(parsed.diagnostics[0]?.message).toContain(`column ${column}`);
    });
  }

  it("reports an item that is not an object", () => {
    const parsed = parseCslJson(textDocument('[\n  "just a string",\n  {"title": "Kept"}\n]'));
    expect(parsed.records.map((r) => [r.title, r.line, r.source])).toEqual([
      ["Kept", 3, "inline.txt#2"],
    ]);
    expect(parsed.diagnostics[0]).toMatchObject({ code: "bad-item", line: 2 });
  });
});

describe("locateJsonError", () => {
  const cases: Array<[string, string, { line: number; column: number } | undefined]> = [
    ["ab\ncd", "Unexpected token in JSON at position 4", { line: 2, column: 2 }],
    [
      "whatever",
      "Expected ',' or '}' after property value in JSON at position 9 (line 3 column 5)",
      { line: 3, column: 5 },
    ],
    ["[\n1,", "Unexpected end of JSON input", { line: 2, column: 3 }],
    ['[1, "x"]', "something that names no place, about valid JSON", undefined],
    ["[1,\n  2,]", "Unexpected token ']', \"...\" is not valid JSON", { line: 2, column: 5 }],
  ];
  for (const [text, message, expected] of cases) {
    it(`reads "${message}"`, () => {
      expect(locateJsonError(text, message)).toEqual(expected);
    });
  }
});

describe("sniffCslJson", () => {
  const cases: Array<{ name: string; text: string; sure: boolean }> = [
    {
      name: "a CSL array",
      text: '[\n\t{"type": "article", "title": "A", "issued": {"date-parts": [[2023]]}}\n]',
      sure: true,
    },
    {
      name: "a CSL item on its own (read to report it)",
      text: '{"type": "book", "title": "A", "container-title": "B"}',
      sure: true,
    },
    {
      name: "package.json",
      text: '{"name": "x", "type": "module", "version": "1.0.0"}',
      sure: false,
    },
    { name: "an array of numbers", text: "[1, 2, 3]", sure: false },
    { name: "an empty array", text: "[]", sure: false },
  ];
  for (const { name, text, sure } of cases) {
    it(`${sure ? "claims" : "does not claim"} ${name}`, () => {
      expect(sniffCslJson(text) >= 0.5).toBe(sure);
    });
  }
});

describe("findJsonErrorOffset", () => {
  const cases: Array<[string, number | undefined]> = [
    ['[{"a": 1}, {"b": [true, null, -2.5e3, "x\\"y"]}]', undefined],
    ['[{"a": 1},]', 10],
    ['{"a" 1}', 5],
    ['{"a": tru}', 6],
    ['["unterminated', 14],
    ["[1] 2", 4],
    ["", 0],
  ];
  for (const [text, expected] of cases) {
    it(`${JSON.stringify(text)} → ${expected}`, () => {
      expect(findJsonErrorOffset(text)).toBe(expected);
    });
  }
});

describe("parseCslJson: deeply nested fields", () => {
  it("keeps every item when one field nests arrays 100,000 deep", () => {
    const deep = `${"[".repeat(100_000)}1${"]".repeat(100_000)}`;
    const text = `[{"id":"a","type":"article","title":"Kept item"},{"id":"b","type":"article","title":"Nested note","note":${deep}},{"id":"c","type":"article","title":["Deep title is no text", ${deep}]}]`;
    const parsed = parseCslJson(textDocument(text, "deep.json"));
    expect(parsed.records.map((r) => r.title)).toEqual([
      "Kept item",
      "Nested note",
      "Deep title is no text",
    ]);
    expect(parsed.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });
});
