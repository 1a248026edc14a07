// One build over a folder of mixed formats: a digest page, BibTeX, RIS, an arXiv Atom feed, an arXiv
// metadata snapshot and CSL-JSON become one graph, and the same paper in several files one node.
import { describe, expect, it } from "vitest";
import { writeGraphJson } from "../../src/export/index.ts";
import type { InputFile } from "../../src/ingest/types.ts";
import { type BuildInput, buildGraph } from "../../src/pipeline/index.ts";
import { readDataJson, readSeedFiles, seedId } from "../_seeds.ts";
import { readFormatFixture } from "../ingest/_bibliographies.ts";

const files: InputFile[] = [
  ...readSeedFiles().filter((file) => file.id === seedId("004")),
  readFormatFixture("bibtex", "refs.bib"),
  readFormatFixture("ris", "zotero-export.ris"),
  readFormatFixture("arxiv-atom", "id-list.xml"),
  readFormatFixture("arxiv-snapshot", "medical-slice.jsonl"),
  readFormatFixture("csl-json", "zotero-library.json"),
];
const { graph, report } = buildGraph({
  files,
  taxonomy: readDataJson("taxonomy.json"),
  benchmarks: readDataJson("benchmarks.json"),
});

describe("a mixed folder builds one graph", () => {
  it("reads each file with its own adapter", () => {
    expect(Object.fromEntries(report.inputs.map((input) => [input.file, input.format]))).toEqual({
      [seedId("004")]: "arxiv-digest",
      "refs.bib": "bibtex",
      "zotero-export.ris": "ris",
      "id-list.xml": "arxiv-atom",
      "medical-slice.jsonl": "arxiv-snapshot",
      "zotero-library.json": "csl-json",
    });
    expect(graph.getAttribute("builtFrom")).toEqual({
      "arxiv-digest": 1,
      bibtex: 1,
      ris: 1,
      "arxiv-atom": 1,
      "arxiv-snapshot": 1,
      "csl-json": 1,
    });
  });

  it("says per file how many records were read, kept and skipped", () => {
    const counts = Object.fromEntries(report.inputs.map((input) => [input.file, input.counts]));
    expect(counts).toEqual({
      [seedId("004")]: undefined,
      "refs.bib": { read: 8, kept: 8, skipped: 0 },
      "zotero-export.ris": { read: 4, kept: 3, skipped: 1 },
      "id-list.xml": { read: 4, kept: 4, skipped: 0 },
      "medical-slice.jsonl": { read: 8, kept: 6, skipped: 2, filtered: 0 },
      "zotero-library.json": { read: 5, kept: 4, skipped: 1 },
    });
  });

  const merged: Array<{ key: string; sources: string[] }> = [
    {
      key: "paper:arxiv:2311.05112",
      sources: [seedId("004"), "id-list.xml#1", "refs.bib#3"],
    },
    { key: "paper:arxiv:0704.0001", sources: ["id-list.xml#4", "medical-slice.jsonl#1"] },
    { key: "paper:arxiv:2303.13375", sources: ["refs.bib#2", "zotero-library.json#1"] },
    {
      key: "paper:arxiv:2304.08247",
      sources: ["id-list.xml#3", "medical-slice.jsonl#7", "refs.bib#5"],
    },
    {
      key: "paper:doi:10.1093/bib/bbac409",
      sources: ["refs.bib#7", "zotero-export.ris#3", "zotero-library.json#2"],
    },
  ];
  for (const { key, sources } of merged) {
    it(`makes one node of ${key}, sourced to every record of it`, () => {
      expect(graph.hasNode(key)).toBe(true);
      expect(graph.getNodeAttribute(key, "sources")).toEqual(sources);
    });
  }

  it("keeps what the richest record says: the survey's authors, the Atom feed's date", () => {
    const survey = graph.getNodeAttributes("paper:arxiv:2311.05112");
    expect(survey.authors).toHaveLength(19);
    expect(survey.year).toBe(2023);
    expect(survey.date).toBe("2023-11-09T02:55:58Z");
  });

  it("does not split one paper over two nodes", () => {
    const keys = graph
      .nodes()
      .filter((key) => key.includes("2311.05112") || key.includes("0704.0001"));
    expect(keys.sort()).toEqual(["paper:arxiv:0704.0001", "paper:arxiv:2311.05112"]);
  });
});

describe("an input handed over as a function", () => {
  it("is asked for once and builds the same graph as the input itself", () => {
    let calls = 0;
    const handed = buildGraph((): BuildInput => {
      calls += 1;
      return {
        files: [...files],
        taxonomy: readDataJson("taxonomy.json"),
        benchmarks: readDataJson("benchmarks.json"),
      };
    });
    expect(calls).toBe(1);
    expect(writeGraphJson(handed.graph)).toBe(writeGraphJson(graph));
    expect(handed.report).toEqual(report);
  });
});
