// A build of the default corpus through the real command: every file parsed in the format its folder
// names, nothing skipped, at least 150 papers and surveys, and a graph that splits into communities.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../_cli.ts";
import { DATA_DIR, formatOf, listCorpusFiles } from "./_corpus.ts";

interface InputReport {
  file: string;
  state: "parsed" | "skipped";
  format?: string;
  reason?: string;
  counts?: { read: number; kept: number; skipped: number };
}
interface GraphJson {
  attributes: { communities: Record<string, { label: string; size: number }> };
  nodes: Array<{ key: string; attributes: { kind: string; community: number; title?: string } }>;
  edges: Array<{ source: string; target: string; attributes: { kind: string } }>;
}

describe("building data/", () => {
  let out = "";
  let code = -1;
  let stderr = "";
  let report: { summary: { skipped: number }; inputs: InputReport[] } | undefined;
  let graph: GraphJson | undefined;

  beforeAll(async () => {
    out = mkdtempSync(path.join(os.tmpdir(), "litgraph-corpus-"));
    const run = await runCli(["build", DATA_DIR, "--out", out]);
    code = run.code;
    stderr = run.stderr;
    report = JSON.parse(readFileSync(path.join(out, "report.json"), "utf8"));
    graph = JSON.parse(readFileSync(path.join(out, "graph.json"), "utf8"));
  }, 120_000);

  afterAll(() => {
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it("succeeds and skips nothing", () => {
    expect(code, stderr).toBe(0);
    expect(report?.summary.skipped).toBe(0);
    expect(report?.inputs.filter((input) => input.state !== "parsed")).toEqual([]);
  });

  it("reads every corpus file in the format its folder names, keeping every record", () => {
    const expected = listCorpusFiles().map((file) => [`corpus/${file}`, formatOf(file)]);
    const found = (report?.inputs ?? [])
      .filter((input) => input.file.startsWith("corpus/"))
      .map((input) => [input.file, input.format]);
    expect(found).toEqual(expected);
    for (const input of report?.inputs ?? []) {
      if (input.counts) expect(input.counts.skipped, input.file).toBe(0);
    }
  });

  it("holds at least 150 papers and surveys", () => {
    const papers = (graph?.nodes ?? []).filter(
      (node) => node.attributes.kind === "paper" || node.attributes.kind === "survey",
    );
    expect(papers.length).toBeGreaterThanOrEqual(150);
    expect(
      papers.filter((node) => node.attributes.kind === "survey").length,
    ).toBeGreaterThanOrEqual(6);
  });

  it("splits into at least 5 communities of real size, each labelled", () => {
    const communities = Object.values(graph?.attributes.communities ?? {});
    const sizeable = communities.filter((community) => community.size >= 8);
    expect(sizeable.length).toBeGreaterThanOrEqual(5);
    for (const community of sizeable) expect(community.label).not.toMatch(/^Community \d+$/);
  });

  it("merges a paper seen in several formats into one node", () => {
    const sources = (key: string) =>
      (graph?.nodes.find((node) => node.key === key)?.attributes as { sources?: string[] })
        ?.sources ?? [];
    // ChiMed-GPT: a Chinese digest, an arXiv page, a BibTeX entry, a snapshot line and the list.
    const formats = new Set(sources("paper:arxiv:2311.06025").map((s) => s.split("/")[1]));
    expect(formats.size).toBeGreaterThanOrEqual(4);
  });
});
