// Topics discovered from the corpus in a whole build: a paper whose abstract names no taxonomy topic
// still gets a topic (a key term it shares with other papers), `--topics` chooses the topics' origin,
// and the origin reaches the GEXF export.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writeGexf } from "../../src/export/index.ts";
import { buildGraph, type TopicSource } from "../../src/pipeline/build-graph.ts";
import { runCli } from "../_cli.ts";
import { readDataJson } from "../_seeds.ts";

/** Four entries on soil moisture sensing (no taxonomy topic), one of them also on RAG. */
const BIBTEX = `
@article{a, title = {Cheap Probes for Farms}, year = {2024},
  abstract = {We calibrate soil moisture sensing with capacitive probes in wheat fields.}}
@article{b, title = {Drones over Orchards}, year = {2024},
  abstract = {Thermal cameras on drones complement soil moisture sensing in orchards.}}
@article{c, title = {Satellites and Irrigation}, year = {2023},
  abstract = {Soil moisture sensing from radar satellites guides irrigation schedules.}}
@article{d, title = {A Retrieval-Augmented Assistant for Growers}, year = {2025},
  abstract = {Retrieval-augmented generation answers growers with soil moisture sensing logs.}}
@article{e, title = {Bird Songs}, year = {2022},
  abstract = {We record bird songs at dawn in city parks.}}
`;

function build(topics?: TopicSource) {
  return buildGraph(
    {
      files: [{ id: "farms.bib", bytes: new TextEncoder().encode(BIBTEX) }],
      taxonomy: readDataJson("taxonomy.json"),
      benchmarks: readDataJson("benchmarks.json"),
    },
    topics ? { topics } : {},
  );
}

function topicsOfPaper(graph: ReturnType<typeof build>["graph"], title: string) {
  const paper = graph.findNode((_key, a) => a.title === title);
  if (!paper) throw new Error(`no paper "${title}"`);
  return graph
    .neighbors(paper)
    .filter((key) => graph.getNodeAttribute(key, "kind") === "topic")
    .map((key) => [graph.getNodeAttribute(key, "label"), graph.getNodeAttribute(key, "origin")]);
}

describe("a build with discovered topics (the default)", () => {
  const { graph } = build();

  it("gives a paper with no taxonomy topic the key term it shares with other papers", () => {
    expect(topicsOfPaper(graph, "Cheap Probes for Farms")).toEqual([
      ["soil moisture sensing", "discovered"],
    ]);
  });

  it("keeps taxonomy topics, marked as such, next to the discovered ones", () => {
    expect(topicsOfPaper(graph, "A Retrieval-Augmented Assistant for Growers")).toEqual(
      expect.arrayContaining([
        ["RAG", "taxonomy"],
        ["soil moisture sensing", "discovered"],
      ]),
    );
  });

  it("keeps the evidence of a discovered topic: the document and the sentence", () => {
    const paper = graph.findNode((_key, a) => a.title === "Satellites and Irrigation") as string;
    const topic = graph.findNode((_key, a) => a.label === "soil moisture sensing") as string;
    const edge = graph.edges(paper, topic).map((key) => graph.getEdgeAttributes(key));
    expect(edge.map((e) => [e.kind, e.evidence])).toEqual([
      [
        "covers",
        [
          {
            source: "farms.bib#3",
            snippet: "Soil moisture sensing from radar satellites guides irrigation schedules.",
          },
        ],
      ],
    ]);
  });

  it("writes the origin of every topic into GEXF", () => {
    const gexf = writeGexf(graph);
    expect(gexf).toMatch(/<attribute id="origin" title="origin" type="string"/);
    expect(gexf).toContain('for="origin" value="discovered"');
    expect(gexf).toContain('for="origin" value="taxonomy"');
  });
});

describe("--topics", () => {
  it("taxonomy: no discovered topic", () => {
    const { graph } = build("taxonomy");
    expect(graph.filterNodes((_k, a) => a.origin === "discovered")).toEqual([]);
    expect(topicsOfPaper(graph, "Cheap Probes for Farms")).toEqual([]);
  });

  it("discovered: no taxonomy topic", () => {
    const { graph } = build("discovered");
    expect(graph.filterNodes((_k, a) => a.kind === "topic" && a.origin !== "discovered")).toEqual(
      [],
    );
    expect(topicsOfPaper(graph, "Cheap Probes for Farms")).toEqual([
      ["soil moisture sensing", "discovered"],
    ]);
  });

  const work = mkdtempSync(path.join(tmpdir(), "litgraph-topics-"));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("is a flag of litgraph build, and a wrong value is a usage error", async () => {
    const input = path.join(work, "farms.bib");
    writeFileSync(input, BIBTEX);
    const out = path.join(work, "out");
    const ok = await runCli(["build", input, "--out", out, "-q", "--topics", "taxonomy"]);
    expect(ok.code).toBe(0);
    const graph = JSON.parse(readFileSync(path.join(out, "graph.json"), "utf8")) as {
      nodes: { attributes: { origin?: string } }[];
    };
    expect(graph.nodes.some((n) => n.attributes.origin === "discovered")).toBe(false);
    expect(graph.nodes.some((n) => n.attributes.origin === "taxonomy")).toBe(true);
    const bad = await runCli(["build", input, "--out", out, "-q", "--topics", "words"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--topics must be taxonomy, discovered or both");
  });
});
