// The arXiv metadata snapshot: an incremental reader of JSON lines, with category and text filters.
import { describe, expect, it } from "vitest";
import {
  createSnapshotReader,
  matchesCategories,
  parseArxivSnapshot,
  sniffArxivSnapshot,
} from "../../src/ingest/arxiv-snapshot.ts";
import type { ParsedDocument } from "../../src/ingest/types.ts";
import { findRecord, readFormatDocument } from "./_bibliographies.ts";

const doc = readFormatDocument("arxiv-snapshot", "medical-slice.jsonl");

/** Push the fixture's lines through a reader with the given filters. */
function readWith(options: { categories?: string[]; match?: RegExp }): ParsedDocument {
  const reader = createSnapshotReader({ documentId: doc.id, ...options });
  doc.text.split("\n").forEach((line, i) => {
    reader.push(line, i + 1);
  });
  return reader.finish();
}

describe("arxiv-snapshot: medical-slice.jsonl without filters", () => {
  const all = parseArxivSnapshot(doc);

  it("keeps every good line, reports the bad ones with their lines", () => {
    expect(all.records.map((r) => r.arxiv)).toEqual([
      "0704.0001",
      "2212.13138",
      "1706.03762",
      "2305.09617",
      "1512.03385",
      "2304.08247",
    ]);
    expect(all.counts).toEqual({ read: 8, kept: 6, skipped: 2, filtered: 0 });
    expect(
      all.diagnostics.filter((d) => d.severity === "error").map((d) => [d.code, d.line]),
    ).toEqual([
      ["bad-line", 3],
      ["bad-record", 9],
    ]);
  });

  it("numbers records among the lines read (the blank line is not one) and keeps each line", () => {
    expect(findRecord(all.records, "2305.09617")).toMatchObject({
      source: "medical-slice.jsonl#5",
      line: 6,
    });
  });

  it("reads the first record fully: first version's date, DOI, journal-ref, categories", () => {
    expect(findRecord(all.records, "0704.0001")).toMatchObject({
      source: "medical-slice.jsonl#1",
      document: "medical-slice.jsonl",
      format: "arxiv-snapshot",
      role: "listed",
      line: 1,
      title:
        "Calculation of prompt diphoton production cross sections at Tevatron and LHC energies",
      abstract:
        "A next-to-leading-order QCD calculation of photon pair production, compared with Tevatron data and extended to the energies of the LHC.",
      authors: ["C. Balázs", "E. L. Berger", "P. M. Nadolsky", "C. -P. Yuan"],
      date: "2007-04-02T19:18:42Z",
      year: 2007,
      doi: "10.1103/physrevd.76.013009",
      venue: "Phys.Rev.D76:013009,2007",
      keywords: ["hep-ph"],
    });
  });

  it("splits the authors string when authors_parsed is missing, decoding TeX accents", () => {
    const medalpaca = findRecord(all.records, "2304.08247");
    expect(medalpaca.authors).toContain("Alexander Löser");
    expect(medalpaca.authors).toHaveLength(9);
    expect(findRecord(all.records, "2212.13138").authors).toHaveLength(30);
    expect(medalpaca.date).toBeUndefined();
  });
});

describe("arxiv-snapshot: filters", () => {
  const cases: Array<{
    name: string;
    options: { categories?: string[]; match?: RegExp };
    kept: string[];
    filtered: number;
  }> = [
    {
      name: "--category cs.CL",
      options: { categories: ["cs.CL"] },
      kept: ["2212.13138", "1706.03762", "2305.09617", "2304.08247"],
      filtered: 2,
    },
    {
      name: "a prefix: cs. keeps every computer science category",
      options: { categories: ["cs."] },
      kept: ["2212.13138", "1706.03762", "2305.09617", "1512.03385", "2304.08247"],
      filtered: 1,
    },
    {
      name: "an archive without the dot, in another case: HEP-PH",
      options: { categories: ["HEP-PH"] },
      kept: ["0704.0001"],
      filtered: 6,
    },
    {
      name: "several categories: any one of them keeps a record",
      options: { categories: ["cs.CV", "hep-ph"] },
      kept: ["0704.0001", "1512.03385"],
      filtered: 5,
    },
    {
      name: "a pattern over title and abstract",
      options: { match: /medical|clinical|health/i },
      kept: ["2212.13138", "2305.09617", "2304.08247"],
      filtered: 4,
    },
    {
      name: "both: category first, then the pattern",
      options: { categories: ["cs.CL"], match: /medical|clinical|health/i },
      kept: ["2212.13138", "2305.09617", "2304.08247"],
      filtered: 4,
    },
  ];
  for (const { name, options, kept, filtered } of cases) {
    it(name, () => {
      const parsed = readWith(options);
      expect(parsed.records.map((r) => r.arxiv)).toEqual(kept);
      expect(parsed.counts?.filtered).toBe(filtered);
      const counts = parsed.counts ?? { read: 0, kept: 0, skipped: 0 };
      expect(counts.read).toBe(counts.kept + counts.skipped + (counts.filtered ?? 0));
    });
  }

  it("reports what the filters left out in one summary, not one diagnostic per line", () => {
    const parsed = readWith({ categories: ["cs.CL"], match: /medical|clinical|health/i });
    const filtered = parsed.diagnostics.filter((d) => d.code === "filtered");
    expect(filtered).toHaveLength(1);
    expect(filtered[0]?.severity).toBe("info");
    expect(filtered[0]?.message).toMatch(/2 outside the categories cs\.cl/);
    expect(filtered[0]?.message).toMatch(/2 whose title and abstract do not match/);
  });

  it("tests a global pattern afresh on every line", () => {
    // The first line matches late (in its abstract), the second early (in its title): a pattern
    // whose lastIndex carried over would miss the second.
    const reader = createSnapshotReader({ documentId: "inline.jsonl", match: /medical/gi });
    const lines = [
      {
        id: "2212.13138",
        title: "Large Language Models Encode Clinical Knowledge",
        abstract: "Evaluates language models on medical question answering.",
      },
      {
        id: "2305.09617",
        title: "Towards Expert-Level Medical Question Answering with Large Language Models",
      },
    ];
    lines.forEach((line, i) => {
      reader.push(JSON.stringify({ ...line, categories: "cs.CL" }), i + 1);
    });
    expect(reader.finish().records.map((r) => r.arxiv)).toEqual(["2212.13138", "2305.09617"]);
  });
});

describe("matchesCategories", () => {
  const cases: Array<[string[], string[], boolean]> = [
    [["cs.CL"], ["cs.cl"], true],
    [["cs.CL"], ["cs"], true],
    [["cs.CL"], ["cs."], true],
    [["cs.CL"], ["c"], false],
    [["q-bio.QM"], ["q-bio"], true],
    [["physics.med-ph"], ["physics.med"], false],
    [[], ["cs"], false],
  ];
  for (const [categories, wanted, expected] of cases) {
    it(`${categories.join(" ") || "(none)"} against ${wanted.join(",")}: ${expected}`, () => {
      expect(matchesCategories(categories, wanted)).toBe(expected);
    });
  }
});

describe("sniffArxivSnapshot", () => {
  it("claims the fixture and a window cut inside its last line", () => {
    expect(sniffArxivSnapshot(doc.text)).toBeGreaterThanOrEqual(0.9);
    const cut = doc.text.slice(0, doc.text.indexOf("\n", 2000) + 40);
    expect(sniffArxivSnapshot(cut)).toBeGreaterThanOrEqual(0.9);
  });

  const others: Array<[string, string]> = [
    ["a JSON array", '[{"id": "x", "title": "y", "type": "article"}]'],
    ["JSON lines of another kind", '{"name": "a", "value": 1}\n{"name": "b", "value": 2}\n'],
    ["Markdown", "# Notes\n{not json}\n"],
  ];
  for (const [name, text] of others) {
    it(`does not claim ${name}`, () => {
      expect(sniffArxivSnapshot(text)).toBeLessThan(0.5);
    });
  }
});
