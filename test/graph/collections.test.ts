// Collections in the graph: a node per curated list, `lists` edges with the sections a paper is
// filed under, a `companion` edge to the list's survey; communities are never named after a list.
import { describe, expect, it } from "vitest";
import type { ExtractedPaper } from "../../src/extract/types.ts";
import { analyseGraph } from "../../src/graph/analyse.ts";
import { assembleGraph, collectionKey, listCollections } from "../../src/graph/build.ts";
import type { CollectionRecord } from "../../src/ingest/types.ts";
import { resolvePapers } from "../../src/resolve/index.ts";
import type { DocumentExtraction } from "../../src/resolve/types.ts";
import { makePaper } from "../_records.ts";

const LIST_KEY = "collection:awesome-medical-llm-papers";
const SURVEY = "paper:arxiv:2311.05112";
const MED_PALM = "paper:arxiv:2212.13138";
const LLAVA_MED = "paper:arxiv:2306.00890";

function listDocument(
  id: string,
  papers: ExtractedPaper[],
  collection: CollectionRecord,
): DocumentExtraction {
  return { id, format: "awesome-list", papers, relations: [], collection };
}

function listed(source: string, arxiv: string, title: string, section: string[]): ExtractedPaper {
  return makePaper({ source, role: "listed", format: "awesome-list", arxiv, title, section });
}

/** A list with a companion survey, Med-PaLM listed twice, LLaVA-Med once; a page about Med-PaLM. */
function sampleDocuments(): DocumentExtraction[] {
  return [
    listDocument(
      "lists/awesome.md",
      [
        makePaper(
          {
            source: "lists/awesome.md#1",
            format: "awesome-list",
            arxiv: "2311.05112",
            title:
              "A Survey of Large Language Models in Medicine: Progress, Application, and Challenge",
          },
          { survey: { isSurvey: true } },
        ),
        listed(
          "lists/awesome.md#2",
          "2212.13138",
          "Large Language Models Encode Clinical Knowledge",
          ["Models", "Text-only"],
        ),
        listed(
          "lists/awesome.md#3",
          "2306.00890",
          "LLaVA-Med: Training a Large Language-and-Vision Assistant for Biomedicine in One Day",
          ["Models", "Multimodal"],
        ),
        listed(
          "lists/awesome.md#4",
          "2212.13138",
          "Large Language Models Encode Clinical Knowledge",
          ["Benchmarks"],
        ),
        listed(
          "lists/awesome.md#5",
          "2212.13138",
          "Large Language Models Encode Clinical Knowledge",
          ["Models", "Text-only"],
        ),
      ],
      {
        title: "Awesome Medical LLM Papers",
        urls: ["https://example-lab.github.io/awesome/"],
        companion: 0,
      },
    ),
    {
      id: "page.txt",
      format: "paper-page",
      papers: [makePaper({ source: "page.txt", arxiv: "2212.13138", abstract: "A page." })],
      relations: [],
    },
  ];
}

function buildFrom(documents: DocumentExtraction[]) {
  const resolved = resolvePapers(documents);
  return assembleGraph({
    entities: resolved.entities,
    relations: resolved.relations,
    taxonomy: { topics: [] },
    benchmarks: [],
    builtFrom: {},
    collections: listCollections(documents, resolved.recordKeys),
  });
}

describe("collection nodes", () => {
  it("adds a node for the list, keyed by its title, with its links and document", () => {
    const graph = buildFrom(sampleDocuments());
    expect(graph.getNodeAttributes(LIST_KEY)).toMatchObject({
      kind: "collection",
      label: "Awesome Medical LLM Papers",
      urls: ["https://example-lab.github.io/awesome/"],
      sources: ["lists/awesome.md"],
    });
  });

  it("lists each paper once, with every section it is filed under and every item's words", () => {
    const graph = buildFrom(sampleDocuments());
    expect(graph.getEdgeAttributes(`lists:${LIST_KEY}|${MED_PALM}`)).toEqual({
      kind: "lists",
      weight: 1,
      sections: ["Models › Text-only", "Benchmarks"],
      evidence: [
        {
          source: "lists/awesome.md#2",
          snippet: "Large Language Models Encode Clinical Knowledge",
        },
        {
          source: "lists/awesome.md#4",
          snippet: "Large Language Models Encode Clinical Knowledge",
        },
        {
          source: "lists/awesome.md#5",
          snippet: "Large Language Models Encode Clinical Knowledge",
        },
      ],
    });
    expect(graph.getEdgeAttribute(`lists:${LIST_KEY}|${LLAVA_MED}`, "sections")).toEqual([
      "Models › Multimodal",
    ]);
  });

  it("joins the list to its companion survey, which it does not list", () => {
    const graph = buildFrom(sampleDocuments());
    expect(graph.getEdgeAttributes(`companion:${LIST_KEY}|${SURVEY}`)).toEqual({
      kind: "companion",
      weight: 1,
      evidence: [
        {
          source: "lists/awesome.md#1",
          snippet:
            "companion survey: A Survey of Large Language Models in Medicine: Progress, Application, and Challenge",
        },
      ],
    });
    expect(graph.hasEdge(`lists:${LIST_KEY}|${SURVEY}`)).toBe(false);
  });

  it("makes co-listed papers neighbours of one collection, also when a page names one of them", () => {
    const graph = buildFrom(sampleDocuments());
    expect(graph.neighbors(LIST_KEY).sort()).toEqual([MED_PALM, LLAVA_MED, SURVEY].sort());
    expect(graph.getNodeAttribute(MED_PALM, "sources")).toEqual([
      "lists/awesome.md#2",
      "lists/awesome.md#4",
      "lists/awesome.md#5",
      "page.txt",
    ]);
  });

  it("merges two copies of a list into one node; each copy counts once in a weight", () => {
    const [list] = sampleDocuments();
    if (!list) throw new Error("no list");
    const copy: DocumentExtraction = {
      ...list,
      id: "copy/awesome.md",
      papers: list.papers.map((paper) => ({
        ...paper,
        record: {
          ...paper.record,
          source: paper.record.source.replace("lists/", "copy/"),
          document: "copy/awesome.md",
        },
      })),
    };
    const graph = buildFrom([list, copy]);
    expect(graph.filterNodes((_key, a) => a.kind === "collection")).toEqual([LIST_KEY]);
    expect(graph.getNodeAttribute(LIST_KEY, "sources")).toEqual([
      "copy/awesome.md",
      "lists/awesome.md",
    ]);
    expect(graph.getEdgeAttribute(`lists:${LIST_KEY}|${MED_PALM}`, "weight")).toBe(2);
  });

  it("builds the same graph twice from the same documents", () => {
    const a = buildFrom(sampleDocuments());
    const b = buildFrom(sampleDocuments());
    expect(JSON.stringify(b.export())).toBe(JSON.stringify(a.export()));
  });

  it("skips records that became no entity and lists nothing for a list without papers", () => {
    const graph = assembleGraph({
      entities: [],
      relations: [],
      taxonomy: { topics: [] },
      benchmarks: [],
      builtFrom: {},
      collections: [
        {
          document: "empty.md",
          collection: { title: "🌟", urls: [] },
          records: [
            makePaper({ source: "empty.md#1", role: "listed", arxiv: "2401.00001" }).record,
          ],
          entityKeys: [""],
        },
      ],
    });
    expect(graph.nodes()).toEqual(["collection:empty-md"]);
    expect(graph.size).toBe(0);
  });
});

describe("collectionKey", () => {
  it.each([
    ["Awesome Medical LLM Papers", "a.md", "collection:awesome-medical-llm-papers"],
    ["Awesome-Healthcare-LLM ✨", "a.md", "collection:awesome-healthcare-llm"],
    ["医学大模型论文", "a.md", "collection:医学大模型论文"],
    ["✨🔥", "lists/med.md", "collection:lists-med-md"],
  ])("%s → %s", (title, document, expected) => {
    expect(collectionKey(title, document)).toBe(expected);
  });
});

describe("communities with collections", () => {
  it("labels communities by their papers' words, never by the collection's name", () => {
    const papers = Array.from({ length: 6 }, (_, i) =>
      listed(`zz.md#${i + 1}`, `2401.0000${i}`, `Cardiology triage model ${i}`, ["Cardiology"]),
    );
    const documents = [
      listDocument("zz.md", papers, { title: "Zyzzyva Quux Collection", urls: [] }),
    ];
    const graph = buildFrom(documents);
    analyseGraph(graph, { seed: 3 });
    const labels = Object.values(graph.getAttribute("communities")).map((info) => info.label);
    expect(labels.join(" ").toLowerCase()).not.toMatch(/zyzzyva|quux|collection/);
    expect(labels.join(" ").toLowerCase()).toMatch(/cardiology|triage/);
  });
});
