import { describe, expect, it } from "vitest";
import type { Taxonomy } from "../../src/extract/types.ts";
import { analyseGraph } from "../../src/graph/analyse.ts";
import { assembleGraph } from "../../src/graph/build.ts";
import { computeCommunities, labelCommunities } from "../../src/graph/communities.ts";
import { inferLayoutIterations } from "../../src/graph/layout.ts";
import { createRng } from "../../src/graph/rng.ts";
import { buildGraph } from "../../src/pipeline/index.ts";
import { resolvePapers } from "../../src/resolve/index.ts";
import { makeDocument, makePaper } from "../_records.ts";

const TAXONOMY: Taxonomy = {
  topics: [
    { id: "evaluation", label: "Evaluation", aliases: [], aliasesZh: [] },
    {
      id: "hallucination",
      label: "Hallucination",
      parent: "evaluation",
      aliases: [],
      aliasesZh: [],
    },
    { id: "rag", label: "RAG", aliases: [], aliasesZh: [] },
  ],
};

function twoClusterEntities() {
  const docs = [];
  for (let i = 0; i < 6; i += 1) {
    const source = `rag-${i}.txt`;
    docs.push(
      makeDocument(source, [
        makePaper(
          { source, arxiv: `2401.0000${i}`, title: `Retrieval paper ${i}` },
          {
            topics: [
              { topic: "rag", evidence: { source, snippet: "retrieval-augmented generation" } },
            ],
            benchmarks: [
              {
                slug: "mirage",
                name: "MIRAGE",
                relation: "evaluates",
                known: true,
                evidence: { source, snippet: "on MIRAGE" },
              },
            ],
          },
        ),
      ]),
    );
  }
  for (let i = 0; i < 6; i += 1) {
    const source = `hal-${i}.txt`;
    docs.push(
      makeDocument(source, [
        makePaper(
          { source, arxiv: `2402.0000${i}`, title: `Hallucination paper ${i}` },
          {
            topics: [
              { topic: "hallucination", evidence: { source, snippet: "hallucinated answers" } },
            ],
          },
        ),
      ]),
    );
  }
  return resolvePapers(docs);
}

function buildSample() {
  const resolved = twoClusterEntities();
  return assembleGraph({
    entities: resolved.entities,
    relations: resolved.relations,
    taxonomy: TAXONOMY,
    benchmarks: [
      {
        slug: "mirage",
        name: "MIRAGE",
        aliases: [],
        modality: "text",
        language: "en",
        task: "medical QA with retrieval",
      },
    ],
    builtFrom: { text: 12 },
  });
}

describe("assembleGraph", () => {
  it("creates paper, topic and benchmark nodes with readable keys, and the parent topic of a child", () => {
    const graph = buildSample();
    expect(graph.type).toBe("undirected");
    expect(graph.hasNode("topic:rag")).toBe(true);
    expect(graph.hasNode("topic:hallucination")).toBe(true);
    expect(graph.hasNode("topic:evaluation")).toBe(true);
    expect(graph.getNodeAttributes("benchmark:mirage")).toMatchObject({
      kind: "benchmark",
      label: "MIRAGE",
      task: "medical QA with retrieval",
    });
    expect(graph.hasEdge("broader:topic:hallucination|topic:evaluation")).toBe(true);
    expect(graph.getNodeAttribute("topic:rag", "sources")).toEqual([
      "rag-0.txt",
      "rag-1.txt",
      "rag-2.txt",
      "rag-3.txt",
      "rag-4.txt",
      "rag-5.txt",
    ]);
  });

  it("gives every edge its kind, a weight and evidence", () => {
    const graph = buildSample();
    const edge = graph.getEdgeAttributes("covers:paper:arxiv:2401.00001|topic:rag");
    expect(edge).toEqual({
      kind: "covers",
      weight: 1,
      evidence: [{ source: "rag-1.txt", snippet: "retrieval-augmented generation" }],
    });
    graph.forEachEdge((_key, attributes) => {
      expect(attributes.evidence.length).toBeGreaterThan(0);
      expect(attributes.weight).toBeGreaterThan(0);
    });
  });

  it("adds nodes in sorted key order, so the export does not depend on input order", () => {
    const keys = buildSample().nodes();
    expect(keys).toEqual([...keys].sort());
  });
});

describe("analyseGraph", () => {
  it("finds the two clusters as two communities labelled by their topics", () => {
    const graph = buildSample();
    analyseGraph(graph, { seed: 7 });
    const ragCommunity = graph.getNodeAttribute("topic:rag", "community");
    const halCommunity = graph.getNodeAttribute("topic:hallucination", "community");
    expect(ragCommunity).not.toBe(halCommunity);
    expect(graph.getNodeAttribute("paper:arxiv:2401.00003", "community")).toBe(ragCommunity);
    const communities = graph.getAttribute("communities");
    expect(communities[String(ragCommunity)]?.label).toMatch(/RAG|MIRAGE/);
    expect(communities[String(halCommunity)]?.label).toMatch(/Hallucination/);
    expect(graph.getAttribute("modularity")).toBeGreaterThan(0.3);
  });

  it("places, sizes and colours every node", () => {
    const graph = buildSample();
    analyseGraph(graph);
    graph.forEachNode((_key, a) => {
      expect(Number.isFinite(a.x) && Number.isFinite(a.y)).toBe(true);
      expect(a.size).toBeGreaterThanOrEqual(3);
      expect(a.color).toMatch(/^#[0-9a-f]{6}$/);
      expect(a.community).toBeGreaterThanOrEqual(0);
    });
    // Hubs are larger than leaves.
    expect(graph.getNodeAttribute("topic:rag", "size")).toBeGreaterThan(
      graph.getNodeAttribute("paper:arxiv:2401.00001", "size"),
    );
  });

  it("is deterministic for a seed, and a different seed may only move nodes", () => {
    const a = buildSample();
    const b = buildSample();
    analyseGraph(a, { seed: 3 });
    analyseGraph(b, { seed: 3 });
    expect(JSON.stringify(b.export())).toBe(JSON.stringify(a.export()));
    const c = buildSample();
    analyseGraph(c, { seed: 4 });
    expect(JSON.stringify(c.export())).not.toBe(JSON.stringify(a.export()));
  });

  it("numbers communities by decreasing size", () => {
    const graph = buildSample();
    const { communities } = computeCommunities(graph, createRng(1));
    const sizes = new Map<number, number>();
    for (const id of Object.values(communities)) sizes.set(id, (sizes.get(id) ?? 0) + 1);
    const ordered = [...sizes.keys()].sort((x, y) => x - y).map((id) => sizes.get(id) ?? 0);
    expect(ordered).toEqual([...ordered].sort((x, y) => y - x));
  });

  it("handles an empty graph", () => {
    const graph = assembleGraph({
      entities: [],
      relations: [],
      taxonomy: TAXONOMY,
      benchmarks: [],
      builtFrom: {},
    });
    analyseGraph(graph);
    expect(graph.order).toBe(0);
    expect(graph.getAttribute("communities")).toEqual({});
  });
});

describe("inferLayoutIterations", () => {
  it.each([
    [100, 300],
    [1_500, 150],
    [10_000, 80],
    [40_000, 40],
    [200_000, 30],
  ])("%i nodes → %i iterations", (order, iterations) => {
    expect(inferLayoutIterations(order)).toBe(iterations);
  });
});

describe("labelCommunities", () => {
  it("names a community of one node after that node", () => {
    const resolved = resolvePapers([
      makeDocument("lone.txt", [
        makePaper({ source: "lone.txt", arxiv: "1412.06980", title: "A lone optimiser paper" }),
      ]),
    ]);
    const graph = assembleGraph({
      entities: resolved.entities,
      relations: [],
      taxonomy: TAXONOMY,
      benchmarks: [],
      builtFrom: { text: 1 },
    });
    analyseGraph(graph);
    expect(Object.values(graph.getAttribute("communities"))).toEqual([
      expect.objectContaining({ label: "A lone optimiser paper", size: 1 }),
    ]);
  });
});

describe("labelCommunities of many lone nodes", () => {
  /** Papers with the given titles and the communities they are put in. */
  function titledGraph(titles: Record<string, number>) {
    const docs = Object.keys(titles).map((title, i) =>
      makeDocument(`p${i}.txt`, [
        makePaper({ source: `p${i}.txt`, arxiv: `2401.0000${i}`, title }),
      ]),
    );
    const graph = assembleGraph({
      entities: resolvePapers(docs).entities,
      relations: [],
      taxonomy: TAXONOMY,
      benchmarks: [],
      builtFrom: { text: docs.length },
    });
    const communities: Record<string, number> = {};
    graph.forEachNode((node, attributes) => {
      communities[node] = titles[attributes.label] ?? -1;
    });
    return { graph, communities };
  }

  it("counts a lone paper's title words in how many communities hold each word", () => {
    // Community 0 holds "alpha" three times and "beta" twice; four lone papers hold "alpha" too, so
    // "alpha" is in five of five communities and "beta" in one: "beta" names community 0 first.
    const { graph, communities } = titledGraph({
      "alpha beta": 0,
      "alpha gamma": 0,
      "alpha beta study": 0,
      "alpha one": 1,
      "alpha two": 2,
      "alpha three": 3,
      "alpha four": 4,
    });
    const labels = labelCommunities(graph, communities, ["#111111"], {
      resolution: 1,
      labelTerms: 2,
    });
    expect(labels["0"]).toMatchObject({ label: "beta · alpha", size: 3, terms: ["beta", "alpha"] });
    expect(labels["3"]).toMatchObject({ label: "alpha three", size: 1, terms: [] });
  });

  it("gives every lone community one shared, frozen empty list of terms", () => {
    const { graph, communities } = titledGraph({ "first lone": 0, "second lone": 1 });
    const labels = labelCommunities(graph, communities, ["#111111"]);
    expect(labels["0"]?.terms).toBe(labels["1"]?.terms);
    expect(Object.isFrozen(labels["0"]?.terms)).toBe(true);
  });
});

describe("benchmark aliases", () => {
  it("keeps the long name a document defines an acronym with on the benchmark node", () => {
    const taxonomy = { topics: [] };
    const text =
      "We introduce a new benchmark dataset, the Visual Triage Hallucination Test (VTHT), to evaluate hallucination in clinical image question answering.";
    const { graph } = buildGraph({
      files: [
        { id: "notes/vtht.md", bytes: new TextEncoder().encode(`# VTHT paper\n\n${text}\n`) },
      ],
      taxonomy,
      benchmarks: [],
    });
    const bench = graph.filterNodes((_k, a) => a.kind === "benchmark");
    expect(bench.map((key) => graph.getNodeAttribute(key, "label"))).toEqual(["VTHT"]);
    expect(graph.getNodeAttribute(bench[0] ?? "", "aliases")).toEqual([
      "Visual Triage Hallucination Test",
    ]);
  });
});

describe("assembleGraph evidence", () => {
  it("gives edges that quote the same words of the same source one evidence object, and keeps each edge's list its own", () => {
    const source = "digest.txt";
    const sentence = "We ground retrieval-augmented answers against hallucination.";
    const quoted = () => ({ source, snippet: sentence });
    const { entities, relations } = resolvePapers([
      makeDocument(source, [
        makePaper(
          { source, arxiv: "2403.00001", title: "Grounded answers" },
          {
            topics: [
              { topic: "rag", evidence: quoted() },
              { topic: "hallucination", evidence: quoted() },
            ],
          },
        ),
      ]),
      makeDocument("other.txt", [
        makePaper(
          { source: "other.txt", arxiv: "2403.00002", title: "Another paper" },
          { topics: [{ topic: "rag", evidence: { source: "other.txt", snippet: sentence } }] },
        ),
      ]),
    ]);
    const graph = assembleGraph({
      entities,
      relations,
      taxonomy: TAXONOMY,
      benchmarks: [],
      builtFrom: { text: 2 },
    });
    const rag = graph.getEdgeAttribute("covers:paper:arxiv:2403.00001|topic:rag", "evidence");
    const hallucination = graph.getEdgeAttribute(
      "covers:paper:arxiv:2403.00001|topic:hallucination",
      "evidence",
    );
    const other = graph.getEdgeAttribute("covers:paper:arxiv:2403.00002|topic:rag", "evidence");
    expect(rag).toEqual([{ source, snippet: sentence }]);
    expect(hallucination).toEqual([{ source, snippet: sentence }]);
    expect(other).toEqual([{ source: "other.txt", snippet: sentence }]);
    expect(rag[0]).toBe(hallucination[0]);
    expect(rag).not.toBe(hallucination);
    expect(other[0]).not.toBe(rag[0]);
  });
});
