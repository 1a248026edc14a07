// npm run bench:related: how fast `litgraph related` answers on a large graph. Builds a graph of about
// 10,000 papers from the generated corpus (layout skipped), precomputes the ranking's index once, then
// times resolve + rank over 200 queries (arXiv ids, title words, sets of three) and prints p50/p95/max.
// Then, when the real digest pages are at hand (--real, default /tmp/litgraph-real/hf-llm-digests-2025),
// builds them without `similar` edges, times adding them, counts papers left with no edge, and times
// related queries on that graph.
// Usage: tsx bench/related.ts [--papers 10000] [--queries 200] [--seed 1] [--real DIR] [--real-only]
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { collectInputs } from "../src/cli/inputs.ts";
import { formatTable } from "../src/cli/table.ts";
import { DEFAULT_LAYOUT_OPTIONS } from "../src/graph/layout.ts";
import type { LitGraph } from "../src/graph/types.ts";
import type { InputFile } from "../src/ingest/types.ts";
import { buildGraph } from "../src/pipeline/index.ts";
import {
  createRelatedIndex,
  rankRelated,
  rankRelatedToSet,
  resolveQuery,
} from "../src/related/index.ts";
import { addSimilarEdges } from "../src/related/similar-edges.ts";
import { createRng, generateCorpus } from "./corpus.ts";

const { values } = parseArgs({
  options: {
    papers: { type: "string" },
    queries: { type: "string" },
    seed: { type: "string" },
    real: { type: "string" },
    "real-only": { type: "boolean" },
  },
});
const REAL = path.resolve(values.real ?? "/tmp/litgraph-real/hf-llm-digests-2025");
const PAPERS = Number(values.papers ?? "10000");
const QUERIES = Number(values.queries ?? "200");
const SEED = Number(values.seed ?? "1");
const WARM_UP = 10;
/**
 * The generator makes a pool of 0.4 papers per document, and about 0.2 more nodes per document come
 * from untitled 专知 pages that cannot be merged with their paper: 0.6 paper nodes per document.
 */
const DOCUMENTS = Math.round(PAPERS / 0.6);

const root = path.resolve(import.meta.dirname, "..");
const taxonomy: unknown = JSON.parse(readFileSync(path.join(root, "data/taxonomy.json"), "utf8"));
const benchmarks: unknown = JSON.parse(
  readFileSync(path.join(root, "data/benchmarks.json"), "utf8"),
);
const encoder = new TextEncoder();
const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

const papersWithoutEdge = (graph: LitGraph) => {
  let count = 0;
  graph.forEachNode((key, attributes) => {
    if ((attributes.kind === "paper" || attributes.kind === "survey") && graph.degree(key) === 0)
      count += 1;
  });
  return count;
};

/** Time resolve + rank over `QUERIES` queries on `graph`; print p50/p95/max per kind of query. */
function timeQueries(graph: LitGraph, index: ReturnType<typeof createRelatedIndex>): void {
  // Queries as people type them: arXiv ids with a version, a few title words, and sets of three.
  const rng = createRng(SEED + 1);
  const pick = () => index.papers[Math.floor(rng() * index.papers.length)] as string;
  type Query = { kind: string; text: string };
  const queries: Query[] = [];
  while (queries.length < QUERIES) {
    const attributes = graph.getNodeAttributes(pick());
    const roll = queries.length % 4;
    if (roll === 0 && attributes.arxiv)
      queries.push({ kind: "arXiv id", text: `${attributes.arxiv}v2` });
    else if (roll === 1 && attributes.title) {
      const words = attributes.title.split(/\s+/);
      const start = Math.floor(rng() * Math.max(1, words.length - 3));
      queries.push({ kind: "title words", text: words.slice(start, start + 3).join(" ") });
    } else if (roll === 2 && attributes.titleZh)
      queries.push({ kind: "Chinese title", text: attributes.titleZh.slice(0, 8) });
    else if (roll === 3)
      queries.push({
        kind: "set of three",
        text: [pick(), pick(), pick()]
          .map((key) => graph.getNodeAttribute(key, "arxiv") ?? key)
          .join(";"),
      });
  }

  /** Resolve every part of a query and rank; false when a part matches nothing. */
  function answer(text: string): boolean {
    const keys = text.split(";").map((part) => resolveQuery(graph, part, index.titles)?.key);
    if (!keys.every((key): key is string => key !== undefined)) return false;
    if (keys.length > 1) rankRelatedToSet(index, keys, { k: 10 });
    else rankRelated(index, keys[0] as string, { k: 10 });
    return true;
  }

  // A few untimed queries first, so that the timings are of compiled code, not of the JIT at work.
  for (const query of queries.slice(0, WARM_UP)) answer(query.text);
  const timings = new Map<string, number[]>();
  let unresolved = 0;
  for (const query of queries) {
    const start = performance.now();
    if (!answer(query.text)) unresolved += 1;
    const ms = performance.now() - start;
    for (const group of [query.kind, "all"])
      timings.set(group, [...(timings.get(group) ?? []), ms]);
  }

  const percentile = (sorted: number[], p: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
  const rows = [...timings].map(([kind, list]) => {
    const sorted = [...list].sort((a, b) => a - b);
    return [
      kind,
      list.length,
      Number(percentile(sorted, 50).toFixed(2)),
      Number(percentile(sorted, 95).toFixed(2)),
      Number((sorted[sorted.length - 1] ?? 0).toFixed(2)),
    ];
  });
  console.log(
    `\nresolve + rank (k = 10), ${queries.length} queries after ${WARM_UP} untimed ones, ${unresolved} unresolved`,
  );
  console.log(formatTable(["queries", "n", "p50 ms", "p95 ms", "max ms"], rows));
}

if (!values["real-only"]) {
  let started = performance.now();
  const files: InputFile[] = generateCorpus({ documents: DOCUMENTS, seed: SEED }).map((doc) => ({
    id: doc.id,
    bytes: encoder.encode(doc.text),
  }));
  const { graph } = buildGraph(
    { files, taxonomy, benchmarks },
    { analyse: { layout: { ...DEFAULT_LAYOUT_OPTIONS, iterations: 1, noverlapIterations: 0 } } },
  );
  const built = seconds(started);

  started = performance.now();
  const index = createRelatedIndex(graph);
  const indexed = ((performance.now() - started) / 1000).toFixed(2);
  console.log(
    `litgraph related bench — node ${process.version}; ${DOCUMENTS} generated documents → ${index.papers.length} papers, ${graph.order} nodes, ${graph.size} edges (built in ${built} s, layout skipped); index in ${indexed} s`,
  );
  timeQueries(graph, index);
}

if (existsSync(REAL)) {
  let started = performance.now();
  const collected = await collectInputs([REAL], { exclude: new Set() });
  const { graph } = buildGraph(
    { files: collected.files, taxonomy, benchmarks },
    {
      similar: false,
      analyse: { layout: { ...DEFAULT_LAYOUT_OPTIONS, iterations: 1, noverlapIterations: 0 } },
    },
  );
  const built = seconds(started);
  const before = papersWithoutEdge(graph);
  started = performance.now();
  const added = addSimilarEdges(graph);
  const similarSeconds = seconds(started);
  const after = papersWithoutEdge(graph);
  let papers = 0;
  graph.forEachNode((_key, attributes) => {
    if (attributes.kind === "paper" || attributes.kind === "survey") papers += 1;
  });
  const share = (count: number) => `${((100 * count) / Math.max(1, papers)).toFixed(1)} %`;
  console.log(
    `\nreal pages: ${collected.files.length} files of ${REAL} → ${papers} papers (built in ${built} s without similar edges, layout skipped)`,
  );
  console.log(
    formatTable(
      ["", "value"],
      [
        ["similar edges added", added],
        ["time to add them (s)", similarSeconds],
        ["papers with no edge, before", `${before} (${share(before)})`],
        ["papers with no edge, after", `${after} (${share(after)})`],
      ],
    ),
  );
  started = performance.now();
  const index = createRelatedIndex(graph);
  console.log(`related index of the real graph in ${seconds(started)} s`);
  timeQueries(graph, index);
} else console.log(`\n(no real pages at ${REAL}: real figures skipped)`);
