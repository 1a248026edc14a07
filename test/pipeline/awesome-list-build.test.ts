// The whole pipeline on an awesome list, a saved page of one of its papers and a seed: one graph in
// which the page's paper and the list's item are one node, and the list is a collection node.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { InputFile } from "../../src/ingest/types.ts";
import { buildGraph } from "../../src/pipeline/build-graph.ts";
import { readDataJson, readSeedFiles, seedId } from "../_seeds.ts";

const FIXTURES = path.resolve(import.meta.dirname, "../fixtures/ingest");

function readInput(relative: string, id: string): InputFile {
  return { id, bytes: new Uint8Array(readFileSync(path.join(FIXTURES, relative))) };
}

const SEED_004 = seedId("004");
const MED_PALM_2 = "paper:arxiv:2305.09617";
const SURVEY = "paper:arxiv:2311.05112";
const LIST = "collection:awesome-medical-llm-papers";

function build() {
  const seed = readSeedFiles().find((file) => file.id === SEED_004);
  if (!seed) throw new Error(`seed ${SEED_004} missing`);
  return buildGraph({
    files: [
      readInput("awesome-list/medical-llm-papers.md", "lists/awesome-medical-llm-papers.md"),
      readInput("paper-page/arxiv-abs.txt", "pages/med-palm-2.txt"),
      seed,
    ],
    taxonomy: readDataJson("taxonomy.json"),
    benchmarks: readDataJson("benchmarks.json"),
  });
}

describe("an awesome list, a paper page and a seed in one build", () => {
  const { graph, report } = build();

  it("reads each file in its own format", () => {
    expect(report.inputs.map((input) => [input.file, input.format])).toEqual([
      [SEED_004, "arxiv-digest"],
      ["lists/awesome-medical-llm-papers.md", "awesome-list"],
      ["pages/med-palm-2.txt", "paper-page"],
    ]);
    expect(graph.getAttribute("builtFrom")).toEqual({
      "arxiv-digest": 1,
      "awesome-list": 1,
      "paper-page": 1,
    });
  });

  it("makes the page's paper and the list's item one node, with the page's abstract", () => {
    const node = graph.getNodeAttributes(MED_PALM_2);
    expect(node.sources).toEqual(["lists/awesome-medical-llm-papers.md#5", "pages/med-palm-2.txt"]);
    expect(node.title).toBe(
      "Towards Expert-Level Medical Question Answering with Large Language Models",
    );
    expect(node.authors).toHaveLength(31);
    expect(node.abstract?.startsWith("This paper reports Med-PaLM 2")).toBe(true);
    expect(report.merges).toContainEqual(
      expect.objectContaining({ node: MED_PALM_2, reason: "arxiv", detail: "2305.09617" }),
    );
  });

  it("lists the paper from the collection under its section", () => {
    expect(graph.getNodeAttributes(LIST)).toMatchObject({
      kind: "collection",
      label: "Awesome Medical LLM Papers",
      sources: ["lists/awesome-medical-llm-papers.md"],
    });
    expect(graph.getEdgeAttributes(`lists:${LIST}|${MED_PALM_2}`)).toMatchObject({
      kind: "lists",
      sections: ["Models › Text-only"],
      evidence: [
        {
          source: "lists/awesome-medical-llm-papers.md#5",
          snippet: "Towards Expert-Level Medical Question Answering with Large Language Models",
        },
      ],
    });
    expect(graph.filterEdges(LIST, (_edge, a) => a.kind === "lists")).toHaveLength(12);
  });

  it("joins the list to its companion survey, the seed's paper", () => {
    expect(graph.hasEdge(`companion:${LIST}|${SURVEY}`)).toBe(true);
    const survey = graph.getNodeAttributes(SURVEY);
    expect(survey.kind).toBe("survey");
    expect(survey.sources).toContain(SEED_004);
    expect(survey.sources).toContain("lists/awesome-medical-llm-papers.md#1");
  });

  it("is deterministic", () => {
    expect(JSON.stringify(build().graph.export())).toBe(JSON.stringify(graph.export()));
  });
});
