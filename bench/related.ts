// npm run bench:related: how fast `litgraph related` answers on a large graph. Builds a graph of about
// 10,000 papers from the generated corpus (layout skipped), precomputes the ranking's index once, then
// times resolve + rank over 200 queries (arXiv ids, title words, sets of three) and prints p50/p95/max.
// Usage: tsx bench/related.ts [--papers 10000] [--queries 200] [--seed 1]
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { formatTable } from "../src/cli/table.ts";
import { DEFAULT_LAYOUT_OPTIONS } from "../src/graph/layout.ts";
import type { InputFile } from "../src/ingest/types.ts";
import { buildGraph } from "../src/pipeline/index.ts";
import {
  createRelatedIndex,
  rankRelated,
  rankRelatedToSet,
  resolveQuery,
} from "../src/related/index.ts";
import { createRng, generateCorpus } from "./corpus.ts";

const { values } = parseArgs({
  options: { papers: { type: "string" }, queries: { type: "string" }, seed: { type: "string" } },
});
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
  for (const group of [query.kind, "all"]) timings.set(group, [...(timings.get(group) ?? []), ms]);
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
