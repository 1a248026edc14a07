// `litgraph build --incremental`: a page added, changed or removed changes the last build in place
// (the new paper with its topics, edges, community and position; nothing else moves), every output
// stays complete and in agreement with graph.json, and whatever does not match the kept state falls
// back to a full build with a note.
import {
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Graph from "graphology";
import { parse as parseGexf } from "graphology-gexf";
import { afterAll, describe, expect, it } from "vitest";
import {
  applyDetailsShard,
  applySearchFile,
  readExplorerMap,
} from "../../src/export/explorer-files.ts";
import { readGraphJson } from "../../src/export/graph-json.ts";
import type { LitGraph } from "../../src/graph/types.ts";
import type { BuildReport } from "../../src/pipeline/index.ts";
import { runCli } from "../_cli.ts";
import { REPO_ROOT } from "../_seeds.ts";

const work = mkdtempSync(path.join(tmpdir(), "litgraph-incremental-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const AN_HOUR_AGO = new Date(Date.now() - 3600_000);
/** The bundled corpus's pages (no list, bibliography or snapshot): 38 files. */
const FOLDERS = ["zh-digest", "zhuanzhi", "paper-page", "arxiv-digest"];

function makeInputs(name: string): string {
  const dir = path.join(work, name);
  for (const folder of FOLDERS)
    cpSync(path.join(REPO_ROOT, "data", "corpus", folder), path.join(dir, folder), {
      recursive: true,
    });
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true }))
    if (entry.isFile()) age(path.join(entry.parentPath, entry.name));
  return dir;
}

/** Give a file an mtime an hour back (plus `seconds`), as a file not changed just now has. */
function age(file: string, seconds = 0): void {
  const when = new Date(AN_HOUR_AGO.getTime() + seconds * 1000);
  utimesSync(file, when, when);
}

/** A Chinese digest page of a paper no other page names. */
const NEW_PAGE = `# 面向临床问答的检索增强生成：一项新的研究

发布时间：2025年12月01日

\`RAG

这篇论文研究检索增强生成在医学问答中的应用，因此归类为RAG。\` \`医疗问答\`

> Retrieval-Augmented Generation for Clinical Question Answering with Medical Knowledge Graphs

# 摘要

> 我们提出一种把医学知识图谱与检索增强生成结合的方法，用于临床问答和电子病历理解。

> We propose a retrieval-augmented generation method that grounds a large language model in a medical knowledge graph for clinical question answering. The retriever finds passages and graph neighbourhoods for each question; the generator cites them. On MedQA and PubMedQA the method reduces hallucination and improves accuracy over retrieval from text alone.

[Arxiv](https://arxiv.org/abs/2512.00001)
`;
const NEW_KEY = "paper:arxiv:2512.00001";

async function build(inputs: string, out: string, ...flags: string[]) {
  const run = await runCli(["build", inputs, "--out", out, "--no-progress", ...flags]);
  expect(run.code, run.stderr).toBe(0);
  return run;
}

function readGraph(out: string): LitGraph {
  return readGraphJson(readFileSync(path.join(out, "graph.json"), "utf8"), "graph.json");
}

/** Every output of `out` says the same as its graph.json: the explorer's files and the GEXF. */
function expectOutputsAgree(out: string): LitGraph {
  const graph = readGraph(out);
  const explorer = readExplorerMap(
    JSON.parse(readFileSync(path.join(out, "explorer.json"), "utf8")),
    "explorer.json",
  );
  applySearchFile(
    explorer.graph,
    JSON.parse(readFileSync(path.join(out, "explorer-search.json"), "utf8")),
    "explorer-search.json",
  );
  for (const name of readdirSync(path.join(out, "explorer-details")))
    applyDetailsShard(
      explorer,
      JSON.parse(readFileSync(path.join(out, "explorer-details", name), "utf8")),
      name,
    );
  expect(explorer.graph.order).toBe(graph.order);
  expect(explorer.graph.size).toBe(graph.size);
  graph.forEachNode((key, attributes) => {
    expect(explorer.graph.hasNode(key), key).toBe(true);
    expect(explorer.graph.getNodeAttributes(key), key).toEqual(attributes);
  });
  graph.forEachEdge((key, attributes) => {
    expect(explorer.graph.hasEdge(key), key).toBe(true);
    expect(explorer.graph.getEdgeAttributes(key), key).toEqual(attributes);
  });
  const gexf = parseGexf(Graph, readFileSync(path.join(out, "graph.gexf"), "utf8"));
  expect(gexf.order).toBe(graph.order);
  expect(gexf.size).toBe(graph.size);
  graph.forEachNode((key) => expect(gexf.hasNode(key), key).toBe(true));
  const report = JSON.parse(readFileSync(path.join(out, "report.json"), "utf8")) as BuildReport;
  expect(report.summary.nodes).toBe(graph.order);
  expect(report.summary.edges).toBe(graph.size);
  return graph;
}

function positions(graph: LitGraph): Map<string, [number, number, number]> {
  const map = new Map<string, [number, number, number]>();
  graph.forEachNode((key, a) => map.set(key, [a.x, a.y, a.community]));
  return map;
}

/** A zh-digest page whose paper no other document names, and that paper's key. */
function lonePage(out: string): { file: string; key: string } {
  const report = JSON.parse(readFileSync(path.join(out, "report.json"), "utf8")) as BuildReport;
  const graph = readGraph(out);
  for (const entry of report.inputs) {
    const [key] = entry.nodes ?? [];
    if (!entry.file.startsWith("zh-digest/") || entry.nodes?.length !== 1 || !key) continue;
    if (graph.getNodeAttribute(key, "sources").length === 1) return { file: entry.file, key };
  }
  throw new Error("no lone page in the fixture");
}

describe("litgraph build --incremental", () => {
  it("adds a page: the new paper with its topics, edges, community and position; nothing else moves", async () => {
    const inputs = makeInputs("add");
    const out = path.join(work, "add-out");
    await build(inputs, out);
    const before = readGraph(out);
    writeFileSync(path.join(inputs, "zh-digest", "new-page.txt"), NEW_PAGE);
    age(path.join(inputs, "zh-digest", "new-page.txt"));
    const run = await build(inputs, out, "--incremental");
    expect(run.stderr).not.toContain("note:");
    expect(run.stdout).toContain("Incremental build: 1 files added, 0 changed, 0 removed");

    const after = expectOutputsAgree(out);
    expect(after.order).toBeGreaterThan(before.order);
    const node = after.getNodeAttributes(NEW_KEY);
    expect(node.sources).toEqual(["zh-digest/new-page.txt"]);
    expect(node.community).toBeGreaterThanOrEqual(0);
    expect(Number.isFinite(node.x) && Number.isFinite(node.y)).toBe(true);
    const kinds = after.mapEdges(NEW_KEY, (_, a) => a.kind);
    expect(kinds).toContain("covers");
    expect(kinds).toContain("similar");
    expect(after.hasEdge(`covers:${NEW_KEY}|topic:rag`)).toBe(true);
    // Its community is one its neighbours are in.
    const communities = after.mapNeighbors(NEW_KEY, (_, a) => a.community);
    expect(communities).toContain(node.community);
    // Every earlier node keeps its place and community.
    const earlier = positions(before);
    for (const [key, place] of positions(after))
      if (earlier.has(key)) expect(place, key).toEqual(earlier.get(key));
    expect([...earlier.keys()].every((key) => after.hasNode(key))).toBe(true);
    const report = JSON.parse(readFileSync(path.join(out, "report.json"), "utf8")) as BuildReport;
    expect(report.inputs.find((entry) => entry.file === "zh-digest/new-page.txt")?.nodes).toEqual([
      NEW_KEY,
    ]);
  });

  it("changes a page: the paper's text changes, its place does not", async () => {
    const inputs = makeInputs("change");
    const out = path.join(work, "change-out");
    await build(inputs, out);
    const before = readGraph(out);
    const { file, key } = lonePage(out);
    const page = path.join(inputs, file);
    const text = readFileSync(page, "utf8");
    const sentence = "Incremental builds keep the map where it was.";
    writeFileSync(page, text.replace(/^(> [A-Z].*)$/m, `$1 ${sentence}`));
    age(page, 10);
    const run = await build(inputs, out, "--incremental");
    expect(run.stdout).toContain("Incremental build: 0 files added, 1 changed, 0 removed");
    const after = expectOutputsAgree(out);
    expect(after.order).toBe(before.order);
    const node = after.getNodeAttributes(key);
    expect(`${node.title} ${node.abstract}`).toContain(sentence);
    expect([node.x, node.y, node.community]).toEqual(positions(before).get(key));
  });

  it("removes a page: its paper and that paper's edges are gone", async () => {
    const inputs = makeInputs("remove");
    const out = path.join(work, "remove-out");
    await build(inputs, out);
    const before = readGraph(out);
    const { file, key } = lonePage(out);
    rmSync(path.join(inputs, file));
    const run = await build(inputs, out, "--incremental");
    expect(run.stdout).toContain("Incremental build: 0 files added, 0 changed, 1 removed");
    const after = expectOutputsAgree(out);
    expect(after.hasNode(key)).toBe(false);
    expect(after.size).toBe(before.size - before.degree(key));
    after.forEachNode((_, a) => expect(a.sources).not.toContain(file));
    const report = JSON.parse(readFileSync(path.join(out, "report.json"), "utf8")) as BuildReport;
    expect(report.inputs.some((entry) => entry.file === file)).toBe(false);
  });

  it("gives the same bytes from the same last build and inputs", async () => {
    const outputs = [];
    for (const name of ["same-1", "same-2"]) {
      const inputs = makeInputs(name);
      const out = path.join(work, `${name}-out`);
      await build(inputs, out);
      writeFileSync(path.join(inputs, "zh-digest", "new-page.txt"), NEW_PAGE);
      age(path.join(inputs, "zh-digest", "new-page.txt"));
      await build(inputs, out, "--incremental");
      outputs.push(out);
    }
    for (const name of [
      "graph.json",
      "graph.gexf",
      "report.json",
      "explorer.json",
      "explorer-search.json",
    ])
      expect(
        readFileSync(path.join(outputs[0] as string, name)).equals(
          readFileSync(path.join(outputs[1] as string, name)),
        ),
        name,
      ).toBe(true);
  });

  describe("falls back to a full build, with a note, and writes what a full build writes", () => {
    const cases: {
      name: string;
      spoil: (inputs: string, out: string) => Promise<void> | void;
      flags?: string[];
      note: RegExp;
    }[] = [
      {
        name: "a corrupt state",
        spoil: (_, out) =>
          writeFileSync(path.join(out, ".litgraph-cache", "build-state.v8"), "not a state"),
        note: /kept build state cannot be read/,
      },
      {
        name: "a corrupt text index",
        spoil: (_, out) =>
          writeFileSync(path.join(out, ".litgraph-cache", "build-index.v8"), Buffer.alloc(64, 3)),
        note: /text index/,
      },
      {
        name: "outputs another build wrote",
        spoil: async (inputs, out) => {
          await build(inputs, out, "--no-cache");
        },
        note: /is not the one the kept state describes/,
      },
      {
        name: "other options",
        spoil: () => {},
        flags: ["--topics", "taxonomy"],
        note: /other options/,
      },
      {
        name: "too many files changed",
        spoil: (inputs) => {
          for (const file of readdirSync(path.join(inputs, "zhuanzhi")).slice(0, 3))
            writeFileSync(
              path.join(inputs, "zhuanzhi", file),
              `${readFileSync(path.join(inputs, "zhuanzhi", file), "utf8")}\n`,
            );
        },
        note: /files changed, more than/,
      },
    ];
    for (const { name, spoil, flags = [], note } of cases)
      it(name, async () => {
        const inputs = makeInputs(`fallback-${cases.findIndex((c) => c.name === name)}`);
        const out = path.join(`${inputs}-out`);
        await build(inputs, out);
        writeFileSync(path.join(inputs, "zh-digest", "new-page.txt"), NEW_PAGE);
        age(path.join(inputs, "zh-digest", "new-page.txt"));
        await spoil(inputs, out);
        const run = await build(inputs, out, "--incremental", ...flags);
        expect(run.stderr).toMatch(note);
        expect(run.stderr).toContain("a full build instead of an incremental one");
        const fresh = `${out}-fresh`;
        await build(inputs, fresh, "--no-cache", ...flags);
        for (const file of ["graph.json", "graph.gexf", "report.json", "explorer.json"])
          expect(
            readFileSync(path.join(out, file)).equals(readFileSync(path.join(fresh, file))),
            file,
          ).toBe(true);
      });
  });
});

describe("a build of an arXiv metadata snapshot", () => {
  it("keeps no build state (an incremental build never starts from one), and a page build does", async () => {
    const inputs = path.join(work, "snapshot-inputs");
    cpSync(path.join(REPO_ROOT, "data", "corpus", "arxiv-snapshot"), inputs, { recursive: true });
    const out = path.join(work, "snapshot-out");
    await build(inputs, out);
    const cache = path.join(out, ".litgraph-cache");
    expect(readdirSync(cache, { recursive: true }).map(String)).not.toContain("build-state.v8");
    const pages = makeInputs("pages-with-state");
    const pagesOut = path.join(work, "pages-with-state-out");
    await build(pages, pagesOut);
    expect(readdirSync(path.join(pagesOut, ".litgraph-cache")).map(String)).toContain(
      "build-state.v8",
    );
  });
});
