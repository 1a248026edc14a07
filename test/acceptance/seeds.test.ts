// Acceptance: the five seed documents built into a graph, checked against what a reader of them knows.
import { describe, expect, it } from "vitest";
import { writeGexf, writeGraphJson } from "../../src/export/index.ts";
import type { LitGraph } from "../../src/graph/types.ts";
import { type BuildResult, buildGraph } from "../../src/pipeline/index.ts";
import { SIMILAR_EVIDENCE_SOURCE } from "../../src/related/similar-edges.ts";
import { readDataJson, readSeedFiles, seedId } from "../_seeds.ts";

function build(): BuildResult {
  return buildGraph({
    files: readSeedFiles(),
    taxonomy: readDataJson("taxonomy.json"),
    benchmarks: readDataJson("benchmarks.json"),
  });
}

const first = build();
const { graph, report } = first;

function findByTitle(g: LitGraph, words: string): string | undefined {
  return g.findNode((_, a) => (a.title ?? "").toLowerCase().startsWith(words.toLowerCase()));
}

describe("the seeds built into a graph", () => {
  it("reads every seed in its own format", () => {
    const formats = Object.fromEntries(report.inputs.map((i) => [i.file.slice(0, 3), i.format]));
    expect(formats).toEqual({
      "000": "zh-digest",
      "001": "zh-digest",
      "002": "zhuanzhi",
      "003": "zhuanzhi",
      "004": "arxiv-digest",
    });
    expect(report.summary.skipped).toBe(0);
  });

  it("makes 002 and 004's main paper one survey node, arXiv 2311.05112", () => {
    const node = graph.getNodeAttributes("paper:arxiv:2311.05112");
    expect(node.kind).toBe("survey");
    expect(node.title).toBe(
      "A Survey of Large Language Models in Medicine: Progress, Application, and Challenge",
    );
    expect(node.sources).toEqual([seedId("002"), seedId("004")]);
    expect(node.year).toBe(2023);
    expect(node.authors?.[0]).toBe("Hongjian Zhou");
    expect(node.authors).toContain("David A. Clifton");
  });

  it("makes 003 and 004's related review one node, its title unwrapped", () => {
    const key = findByTitle(graph, "Large Language Models Illuminate a Progressive Pathway");
    expect(key).toBeDefined();
    const node = graph.getNodeAttributes(key as string);
    expect(node.title).toBe(
      "Large Language Models Illuminate a Progressive Pathway to Artificial Healthcare Assistant: A Review",
    );
    expect(node.sources).toEqual([seedId("003"), seedId("004")]);
    expect(node.kind).toBe("survey");
    expect(node.date?.startsWith("2023-11-03")).toBe(true);
  });

  it("lists every merge in the report with its reason", () => {
    const reasons = report.merges.map((m) => `${m.node} ${m.reason}`);
    expect(reasons).toContain(`paper:arxiv:2311.05112 repo`);
    const review = findByTitle(graph, "Large Language Models Illuminate");
    expect(report.merges.some((m) => m.node === review && m.reason === "text-overlap")).toBe(true);
  });

  it("keeps the Chinese digest pages' papers with both titles", () => {
    const node = graph.getNodeAttributes("paper:arxiv:2405.08603");
    expect(node.titleZh).toBe("医学领域大型语言模型与多模态模型的全面综述");
    expect(node.title).toBe(
      "A Comprehensive Survey of Large Language Models and Multimodal Large Language Models in Medicine",
    );
    expect(node.kind).toBe("survey");
    expect(node.date).toBe("2024-05-14");
    expect(graph.getNodeAttribute("paper:arxiv:2406.03712", "kind")).toBe("survey");
  });

  it("creates no node from the 专知 site chrome", () => {
    const labels = graph
      .mapNodes((_, a) => `${a.label} ${a.title ?? ""} ${a.titleZh ?? ""}`)
      .join("\n");
    for (const noise of [
      "FlowQA",
      "Focal Loss",
      "国家自然科学基金",
      "DeepGCNs",
      "Sparsemax",
      "CreateAMind",
      "VIP",
    ]) {
      expect(labels).not.toContain(noise);
    }
  });

  it("keeps the related entries' relevance as a score, not an identifier", () => {
    const key = findByTitle(graph, "Large Language Models Illuminate");
    const edge = graph
      .edges(key as string, "paper:arxiv:2311.05112")
      .find((e) => graph.getEdgeAttribute(e, "kind") === "related");
    expect(edge).toBeDefined();
    expect(graph.getEdgeAttribute(edge as string, "score")).toBeCloseTo(16.008511195589925);
    expect(
      graph.findNode((node) => node.includes("16.008") || node.includes("50.83")),
    ).toBeUndefined();
  });

  it("links the main survey to its ten related papers", () => {
    const related = graph.filterEdges("paper:arxiv:2311.05112", (_, a) => a.kind === "related");
    expect(related).toHaveLength(10);
  });

  it("discovers CliMedBench and MedS-Bench, introduced by their papers", () => {
    const cli = graph.getNodeAttributes("benchmark:climedbench");
    expect(cli.label).toBe("CliMedBench");
    const introducer = findByTitle(graph, "CliMedBench");
    expect(graph.hasEdge(`introduces:${introducer}|benchmark:climedbench`)).toBe(true);
    const meds = findByTitle(graph, "Towards Evaluating and Building Versatile");
    expect(graph.hasEdge(`introduces:${meds}|benchmark:meds-bench`)).toBe(true);
    expect(
      graph.findNode((_, a) => a.kind === "benchmark" && /ChiMed|MedS-Ins/.test(a.label)),
    ).toBeUndefined();
  });

  it("finds the seeds' topics, and not RAG or agents from a category that denies them", () => {
    for (const topic of [
      "rag",
      "multimodal",
      "evaluation",
      "clinical-decision-support",
      "report-generation",
      "medical-education",
      "privacy",
      "fairness",
      "robustness",
      "knowledge-graphs",
      "alignment",
    ]) {
      expect(graph.hasNode(`topic:${topic}`), topic).toBe(true);
    }
    const evidence = graph
      .filterEdges("paper:arxiv:2406.03712", (_, a) => a.kind === "covers")
      .flatMap((edge) => graph.getEdgeAttribute(edge, "evidence"));
    for (const item of evidence) expect(item.snippet).not.toMatch(/而不是/);
  });

  it("gives every edge evidence naming a source document and words from it", () => {
    // `similar` edges are derived from the papers' own texts, and say so as their source.
    const sources = new Set([
      ...readSeedFiles().map((f) => f.id),
      "taxonomy",
      SIMILAR_EVIDENCE_SOURCE,
    ]);
    graph.forEachEdge((edge, attributes) => {
      expect(attributes.evidence.length, edge).toBeGreaterThan(0);
      for (const item of attributes.evidence) {
        expect(sources.has(item.source), `${edge}: ${item.source}`).toBe(true);
        expect(item.snippet.trim().length, edge).toBeGreaterThan(0);
      }
    });
  });

  it("follows the node contract", () => {
    graph.forEachNode((key, a) => {
      expect(["paper", "survey", "topic", "benchmark"]).toContain(a.kind);
      expect(a.label.length, key).toBeGreaterThan(0);
      expect(Number.isFinite(a.x) && Number.isFinite(a.y) && a.size > 0, key).toBe(true);
      expect(a.color).toMatch(/^#[0-9a-f]{6}$/);
      expect(Number.isInteger(a.community)).toBe(true);
      expect(Array.isArray(a.sources)).toBe(true);
    });
    expect(Object.keys(graph.getAttribute("communities")).length).toBeGreaterThan(1);
  });

  it("builds byte-identical outputs twice", () => {
    const second = build();
    expect(writeGraphJson(second.graph)).toBe(writeGraphJson(graph));
    expect(writeGexf(second.graph)).toBe(writeGexf(graph));
    expect(JSON.stringify(second.report)).toBe(JSON.stringify(report));
  });
});
