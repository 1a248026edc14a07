// Sniffing the bibliography and metadata formats by content, and leaving the page formats alone.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sniffArxivAtom } from "../../src/ingest/arxiv-atom.ts";
import { sniffArxivSnapshot } from "../../src/ingest/arxiv-snapshot.ts";
import { sniffBibtex } from "../../src/ingest/bibtex.ts";
import { sniffCslJson } from "../../src/ingest/csl-json.ts";
import { sniffRis } from "../../src/ingest/ris.ts";
import { SNIFF_THRESHOLD, sniffFormat } from "../../src/ingest/sniff.ts";
import type { FormatId } from "../../src/ingest/types.ts";
import { readFormatDocument } from "./_bibliographies.ts";
import { FIXTURES_DIR, readFixture, readSeed, toDocument } from "./_fixtures.ts";

describe("sniffFormat on the bibliography fixtures", () => {
  const cases: Array<{ format: FormatId; folder: string; name: string }> = [
    { format: "bibtex", folder: "bibtex", name: "refs.bib" },
    { format: "bibtex", folder: "bibtex", name: "broken.bib" },
    { format: "ris", folder: "ris", name: "zotero-export.ris" },
    { format: "arxiv-atom", folder: "arxiv-atom", name: "id-list.xml" },
    { format: "arxiv-atom", folder: "arxiv-atom", name: "cut-off.xml" },
    { format: "arxiv-snapshot", folder: "arxiv-snapshot", name: "medical-slice.jsonl" },
    { format: "csl-json", folder: "csl-json", name: "zotero-library.json" },
  ];
  for (const { format, folder, name } of cases) {
    it(`sniffs ${folder}/${name} as ${format}`, () => {
      const result = sniffFormat(readFormatDocument(folder, name).text);
      expect(result.format).toBe(format);
      expect(result.confidence).toBeGreaterThanOrEqual(0.9);
    });
  }

  it("does not look at the name: a .bib text sniffs the same under any name", () => {
    const text = readFormatDocument("bibtex", "refs.bib").text;
    expect(sniffFormat(text).format).toBe("bibtex");
    expect(sniffFormat(`\n\n${text}`).format).toBe("bibtex");
  });
});

describe("the bibliography sniffers leave the page formats alone", () => {
  const sniffers = [
    ["bibtex", sniffBibtex],
    ["ris", sniffRis],
    ["arxiv-atom", sniffArxivAtom],
    ["arxiv-snapshot", sniffArxivSnapshot],
    ["csl-json", sniffCslJson],
  ] as const;
  const seeds = ["000", "001", "002", "003", "004"].map((prefix) => ({
    name: `seed ${prefix}`,
    text: toDocument(readSeed(prefix)).text,
  }));
  const mine = new Set(["bibtex", "ris", "arxiv-atom", "arxiv-snapshot", "csl-json"]);
  // Page fixtures at the top of the folder, and those of the other formats in their own folders.
  const pages = readdirSync(FIXTURES_DIR, { recursive: true, encoding: "utf8" })
    .filter((name) => !mine.has(name.split(path.sep)[0] ?? ""))
    .filter((name) => statSync(path.join(FIXTURES_DIR, name)).isFile())
    .sort()
    .map((name) => ({ name, text: toDocument(readFixture(name)).text }));

  for (const { name, text } of [...seeds, ...pages]) {
    it(`no bibliography sniffer claims ${name}`, () => {
      for (const [format, sniff] of sniffers) {
        expect(sniff(text), format).toBeLessThan(SNIFF_THRESHOLD);
      }
    });
  }
});
