// npm run eval:extract: how well a build of real documents finds what a reader of them would find.
// The documents of ../shared/real (awesome lists, a BibTeX bibliography, a Chinese daily report) and a
// deterministic sample of the 28,746 unpacked digest pages are built together, as `litgraph build` would,
// and compared with hand-made gold in bench/gold/: papers found, titles right, duplicates, junk titles,
// topics and benchmarks per paper, merges. Over the whole sample it also reports what a researcher
// sees on the map: papers with a domain topic and no word of that domain, papers with no edge, nodes
// alone in a community, and the largest communities. Nothing is written: inputs are read, the graph is
// kept in memory.
// Usage: tsx bench/eval-extract.ts [--pages 2000 | --full] [--json] [--details] [--corpus DIR] [--real DIR]
//   --json: only one JSON line (for comparing runs); --details: each gold paper's extra (+) and missed
//   (−) topics and benchmarks; --evidence: with --details, the words behind each extra topic; --corpus: the unpacked digest pages (default
//   $LITGRAPH_REAL_CACHE/hf-llm-digests-2025, /tmp/litgraph-real when unset).
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { formatTable } from "../src/cli/table.ts";
import type { LitGraph } from "../src/graph/types.ts";
import type { InputFile } from "../src/ingest/types.ts";
import { type BuildReport, buildGraph } from "../src/pipeline/index.ts";
import {
  addCounts,
  type Counts,
  compactName,
  countMatches,
  createTermMatcher,
  isJunkLabel,
  markdownHeadings,
  NO_COUNTS,
  normalizeTitle,
  ratio,
  type Scores,
  sampleEvenly,
  scoreCounts,
} from "./eval-metrics.ts";

const root = path.resolve(import.meta.dirname, "..");
const { values } = parseArgs({
  options: {
    pages: { type: "string" },
    full: { type: "boolean" },
    json: { type: "boolean" },
    corpus: { type: "string" },
    real: { type: "string" },
    details: { type: "boolean" },
    evidence: { type: "boolean" },
  },
});
const CORPUS_NAME = "hf-llm-digests-2025";
const PAGES = values.full ? Number.POSITIVE_INFINITY : Number(values.pages ?? "2000");
const REAL_DIR = path.resolve(values.real ?? path.join(root, "../shared/real"));
const CORPUS_DIR = path.resolve(
  values.corpus ?? path.join(process.env.LITGRAPH_REAL_CACHE ?? "/tmp/litgraph-real", CORPUS_NAME),
);
const GOLD_DIR = path.join(root, "bench/gold");

interface GoldPaper {
  /** For digest pages: the page, relative to the corpus folder. */
  file?: string;
  arxiv?: string;
  title: string;
  /** Taxonomy topic ids; absent when the gold says nothing about topics. */
  topics?: string[];
  /** Benchmark names; absent when the gold says nothing about benchmarks. */
  benchmarks?: string[];
}

interface GoldSet {
  /** A file of ../shared/real, or the corpus folder's name for digest pages. */
  source: string;
  papers: GoldPaper[];
}

interface JunkWords {
  linkWords: string[];
  headingWords: string[];
}

const problems: string[] = [];
const readJson = (file: string): unknown => JSON.parse(readFileSync(file, "utf8"));
const taxonomy = readJson(path.join(root, "data/taxonomy.json")) as {
  domains?: Array<{ id: string; terms: string[] }>;
  topics: Array<{ id: string; domain?: string }>;
};
const benchmarks: unknown = readJson(path.join(root, "data/benchmarks.json"));
const junk = readJson(path.join(GOLD_DIR, "junk-labels.json")) as JunkWords;
const JUNK_WORDS = new Set([...junk.linkWords, ...junk.headingWords].map(normalizeTitle));
const goldSets: GoldSet[] = readdirSync(GOLD_DIR)
  .filter((name) => name.endsWith(".json") && name !== "junk-labels.json")
  .sort()
  .map((name) => readJson(path.join(GOLD_DIR, name)) as GoldSet);

// ---- inputs -------------------------------------------------------------------------------------

function listPages(dir: string): string[] {
  const pages: string[] = [];
  const walk = (relative: string) => {
    for (const entry of readdirSync(path.join(dir, relative), { withFileTypes: true })) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile() && entry.name.endsWith(".md")) pages.push(child);
    }
  };
  walk("");
  // The order of `LC_ALL=C sort` on `./path`, as real-check.sh samples.
  const keyed = pages.map((page) => ({ page, key: Buffer.from(`./${page}`) }));
  keyed.sort((a, b) => Buffer.compare(a.key, b.key));
  return keyed.map(({ page }) => page);
}

/** A path relative to the working folder when it is below it, absolute otherwise. */
function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith("..") ? relative : file;
}

const files: InputFile[] = [];
const texts = new Map<string, string>();
function addFile(id: string, file: string): boolean {
  if (texts.has(id)) return true;
  try {
    const bytes = readFileSync(file);
    files.push({ id, bytes: new Uint8Array(bytes) });
    texts.set(id, bytes.toString("utf8"));
    return true;
  } catch {
    problems.push(`missing ${displayPath(file)}: skipped`);
    return false;
  }
}

const corpusIds = new Set<string>();
let corpusTotal = 0;
const corpusPresent = existsSync(CORPUS_DIR) && statSync(CORPUS_DIR).isDirectory();
if (corpusPresent) {
  const pages = listPages(CORPUS_DIR);
  corpusTotal = pages.length;
  for (const page of sampleEvenly(pages, Math.min(PAGES, pages.length))) {
    const id = `${CORPUS_NAME}/${page}`;
    if (addFile(id, path.join(CORPUS_DIR, page))) corpusIds.add(id);
  }
} else {
  problems.push(
    `missing ${CORPUS_DIR} (unpack ../shared/real/digest-zh/hf-llm-digests.tar.gz there): its gold pages and the map figures skipped`,
  );
}
const sampleSize = corpusIds.size;

/** Documents of each gold set; gold papers whose document is missing are left out. */
const goldDocuments = new Map<GoldSet, Map<GoldPaper, string>>();
for (const set of goldSets) {
  const documents = new Map<GoldPaper, string>();
  if (set.source === CORPUS_NAME) {
    if (!corpusPresent) continue;
    for (const paper of set.papers) {
      if (!paper.file) continue;
      const id = `${CORPUS_NAME}/${paper.file}`;
      if (addFile(id, path.join(CORPUS_DIR, paper.file))) {
        corpusIds.add(id);
        documents.set(paper, id);
      }
    }
  } else if (addFile(set.source, path.join(REAL_DIR, set.source))) {
    for (const paper of set.papers) documents.set(paper, set.source);
  }
  goldDocuments.set(set, documents);
}

// ---- build --------------------------------------------------------------------------------------

const started = performance.now();
const { graph, report } = buildGraph({ files, taxonomy, benchmarks });
const seconds = (performance.now() - started) / 1000;
const heapMb = process.memoryUsage().heapUsed / 1024 / 1024;
const peakRssMb = process.resourceUsage().maxRSS / 1024;

// ---- indexes over the graph ---------------------------------------------------------------------

const isPaper = (kind: string) => kind === "paper" || kind === "survey";
/** The document part of a node source or merge side: `refs.bib#12`, `page.md:3 "Title"` → the file. */
const documentOf = (source: string) => source.replace(/(?:#\d+)?(?::\d+)?(?: ".*)?$/s, "");
const originOf = (key: string): unknown =>
  (graph.getNodeAttributes(key) as unknown as Record<string, unknown>).origin;
const taxonomyTopics = new Set(taxonomy.topics.map((topic) => topic.id));

const papersByDocument = new Map<string, string[]>();
const papersByArxiv = new Map<string, string[]>();
const papersByTitle = new Map<string, string[]>();
const push = (map: Map<string, string[]>, key: string, value: string) => {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
};
graph.forEachNode((key, attributes) => {
  if (!isPaper(attributes.kind)) return;
  for (const source of attributes.sources) push(papersByDocument, documentOf(source), key);
  if (attributes.arxiv) push(papersByArxiv, attributes.arxiv, key);
  for (const name of [attributes.title, attributes.label])
    if (name) push(papersByTitle, normalizeTitle(name), key);
});

function neighboursOf(key: string, kinds: readonly string[]): string[] {
  const found = new Set<string>();
  graph.forEachEdge(key, (_edge, attributes, source, target) => {
    if (kinds.includes(attributes.kind)) found.add(source === key ? target : source);
  });
  return [...found].sort();
}

function matchesGold(key: string, paper: GoldPaper): boolean {
  const attributes = graph.getNodeAttributes(key);
  if (paper.arxiv && attributes.arxiv === paper.arxiv) return true;
  const title = normalizeTitle(paper.title);
  return [attributes.title, attributes.label].some(
    (name) => name && normalizeTitle(name) === title,
  );
}

/** Every paper node of the whole graph that is this gold paper. */
function nodesOfGold(paper: GoldPaper): string[] {
  const keys = new Set([
    ...(paper.arxiv ? (papersByArxiv.get(paper.arxiv) ?? []) : []),
    ...(papersByTitle.get(normalizeTitle(paper.title)) ?? []),
  ]);
  return [...keys].sort();
}

/**
 * Headings of a Markdown document other than its first, when the document holds several papers: a
 * heading of a list that became a paper is junk, while a one-paper page may repeat its title as a
 * heading (`# # 中文标题` then `# English title`). Only short headings (six words at most) count: a
 * report that heads each paper with its title (`## 1. Title`) is not naming a page part.
 */
const headingCache = new Map<string, Set<string>>();
function laterHeadings(document: string): Set<string> {
  let headings = headingCache.get(document);
  if (!headings) {
    const several = (papersByDocument.get(document)?.length ?? 0) > 1;
    const text = several && document.endsWith(".md") ? (texts.get(document) ?? "") : "";
    headings = new Set(
      markdownHeadings(text)
        .slice(1)
        .map(normalizeTitle)
        .filter((heading) => heading.split(" ").length <= 6),
    );
    headingCache.set(document, headings);
  }
  return headings;
}

// ---- gold comparison ----------------------------------------------------------------------------

interface SourceResult {
  source: string;
  gold: number;
  found: number;
  titleRight: number;
  duplicates: number;
  papers: number;
  junk: number;
  junkExamples: string[];
  topics: Counts;
  discoveredTopics: number;
  benchmarks: Counts;
  merges: number;
  misses: string[];
  wrongTitles: string[];
  /** Per gold paper: topics and benchmarks found but not in the gold (+) and missed (−). */
  details: string[];
}

function describeDifference(name: string, predicted: string[], gold: string[]): string {
  const extra = predicted.filter((item) => !gold.includes(item)).map((item) => `+${item}`);
  const missed = gold.filter((item) => !predicted.includes(item)).map((item) => `−${item}`);
  return extra.length + missed.length > 0 ? ` ${name} ${[...extra, ...missed].join(" ")}` : "";
}

/** The evidence of each covers edge to a topic the gold does not give, one indented line each. */
function describeEvidence(node: string, predicted: string[], gold: string[]): string {
  const lines: string[] = [];
  for (const topic of predicted.filter((item) => !gold.includes(item))) {
    const edge = graph
      .edges(node, `topic:${topic}`)
      .find((key) => graph.getEdgeAttribute(key, "kind") === "covers");
    const evidence = edge ? graph.getEdgeAttribute(edge, "evidence") : [];
    for (const { source, snippet } of evidence ?? [])
      lines.push(
        `\n      +${topic} ${source.slice(-40)}: ${snippet.replace(/\s+/g, " ").slice(0, 160)}`,
      );
  }
  return lines.join("");
}

function evaluateSet(set: GoldSet, documents: Map<GoldPaper, string>): SourceResult {
  const result: SourceResult = {
    source: set.source,
    gold: documents.size,
    found: 0,
    titleRight: 0,
    duplicates: 0,
    papers: 0,
    junk: 0,
    junkExamples: [],
    topics: NO_COUNTS,
    discoveredTopics: 0,
    benchmarks: NO_COUNTS,
    merges: 0,
    misses: [],
    wrongTitles: [],
    details: [],
  };
  for (const [paper, document] of documents) {
    let detail = "";
    const candidates = (papersByDocument.get(document) ?? []).filter((key) =>
      matchesGold(key, paper),
    );
    const byArxiv = candidates.find(
      (key) => paper.arxiv && graph.getNodeAttribute(key, "arxiv") === paper.arxiv,
    );
    const node = byArxiv ?? candidates[0];
    if (nodesOfGold(paper).length > 1) result.duplicates++;
    if (!node) {
      result.misses.push(paper.arxiv ?? paper.title.slice(0, 60));
      if (paper.topics) result.topics = addCounts(result.topics, countMatches([], paper.topics));
      if (paper.benchmarks)
        result.benchmarks = addCounts(
          result.benchmarks,
          countMatches([], paper.benchmarks.map(compactName)),
        );
      continue;
    }
    result.found++;
    const label = graph.getNodeAttribute(node, "label");
    if (normalizeTitle(label) === normalizeTitle(paper.title)) result.titleRight++;
    else result.wrongTitles.push(`${label.slice(0, 70)}  ≠  ${paper.title.slice(0, 70)}`);
    if (paper.topics) {
      const topics = neighboursOf(node, ["covers"]).filter(
        (key) => graph.getNodeAttribute(key, "kind") === "topic",
      );
      const discovered = topics.filter((key) => originOf(key) === "discovered");
      result.discoveredTopics += discovered.length;
      const predicted = topics
        .filter((key) => originOf(key) !== "discovered")
        .map((key) => key.replace(/^topic:/, ""))
        .filter((id) => taxonomyTopics.has(id));
      result.topics = addCounts(result.topics, countMatches(predicted, paper.topics));
      detail += describeDifference("topics", predicted, paper.topics);
      if (values.evidence) detail += describeEvidence(node, predicted, paper.topics);
    }
    if (paper.benchmarks) {
      const predicted = neighboursOf(node, ["evaluates", "introduces"])
        .filter((key) => graph.getNodeAttribute(key, "kind") === "benchmark")
        .map((key) => compactName(graph.getNodeAttribute(key, "label")));
      const gold = paper.benchmarks.map(compactName);
      result.benchmarks = addCounts(result.benchmarks, countMatches(predicted, gold));
      detail += describeDifference("benchmarks", predicted, gold);
    }
    if (detail) result.details.push(`${paper.arxiv ?? paper.title.slice(0, 40)}:${detail}`);
  }
  // Junk titles and merges over every paper of the set's documents (all pages for the corpus).
  const setDocuments = set.source === CORPUS_NAME ? corpusIds : new Set(documents.values());
  const seen = new Set<string>();
  for (const document of setDocuments) {
    for (const key of papersByDocument.get(document) ?? []) {
      if (seen.has(key)) continue;
      seen.add(key);
      result.papers++;
      const attributes = graph.getNodeAttributes(key);
      const headings = new Set<string>();
      for (const source of attributes.sources)
        for (const heading of laterHeadings(documentOf(source))) headings.add(heading);
      if (isJunkLabel(attributes.label, { words: JUNK_WORDS, headings })) {
        result.junk++;
        if (result.junkExamples.length < 5) result.junkExamples.push(attributes.label.slice(0, 50));
      }
    }
  }
  result.merges = report.merges.filter(
    (merge) => setDocuments.has(documentOf(merge.a)) || setDocuments.has(documentOf(merge.b)),
  ).length;
  return result;
}

const results = goldSets
  .map((set) => evaluateSet(set, goldDocuments.get(set) ?? new Map()))
  .filter((result) => result.gold > 0);

// ---- figures of the whole map -------------------------------------------------------------------

interface MapFigures {
  papers: number;
  domainTopicPapers: number;
  offDomain: number;
  offDomainExamples: string[];
  isolated: number;
  aloneInCommunity: number;
  nodes: number;
  communities: number;
  largest: Array<{ id: string; size: number; label: string }>;
}

function measureMap(g: LitGraph): MapFigures {
  const matchers = new Map(
    (taxonomy.domains ?? []).map((domain) => [domain.id, createTermMatcher(domain.terms)]),
  );
  const domainOfTopic = new Map<string, string>();
  for (const topic of taxonomy.topics)
    if (topic.domain) domainOfTopic.set(`topic:${topic.id}`, topic.domain);
  const communitySize = new Map<number, number>();
  g.forEachNode((_key, attributes) =>
    communitySize.set(attributes.community, (communitySize.get(attributes.community) ?? 0) + 1),
  );
  const figures: MapFigures = {
    papers: 0,
    domainTopicPapers: 0,
    offDomain: 0,
    offDomainExamples: [],
    isolated: 0,
    aloneInCommunity: 0,
    nodes: g.order,
    communities: Object.keys(g.getAttribute("communities") ?? {}).length,
    largest: [],
  };
  g.forEachNode((key, attributes) => {
    if (communitySize.get(attributes.community) === 1) figures.aloneInCommunity++;
    if (!isPaper(attributes.kind)) return;
    figures.papers++;
    if (g.degree(key) === 0) figures.isolated++;
    const domains = new Set<string>();
    for (const topic of neighboursOf(key, ["covers"])) {
      const domain = domainOfTopic.get(topic);
      if (domain) domains.add(domain);
    }
    if (domains.size === 0) return;
    figures.domainTopicPapers++;
    const text = [
      attributes.title,
      attributes.titleZh,
      attributes.label,
      attributes.abstract,
      attributes.abstractZh,
    ]
      .filter(Boolean)
      .join("\n");
    const missing = [...domains].filter((domain) => !(matchers.get(domain)?.(text) ?? true));
    if (missing.length > 0) {
      figures.offDomain++;
      if (figures.offDomainExamples.length < 6) {
        const topics = neighboursOf(key, ["covers"])
          .filter((topic) => domainOfTopic.has(topic))
          .map((topic) => topic.replace(/^topic:/, ""));
        figures.offDomainExamples.push(`${attributes.label.slice(0, 60)} → ${topics.join(", ")}`);
      }
    }
  });
  figures.largest = Object.entries(g.getAttribute("communities") ?? {})
    .map(([id, info]) => ({ id, size: info.size, label: info.label }))
    .sort((a, b) => b.size - a.size || Number(a.id) - Number(b.id))
    .slice(0, 10);
  return figures;
}

const map = measureMap(graph);

// ---- output -------------------------------------------------------------------------------------

const percent = (value: number | undefined) =>
  value === undefined ? "–" : `${(value * 100).toFixed(1)}%`;
const round = (value: number | undefined) =>
  value === undefined ? null : Math.round(value * 10000) / 10000;

function summarise(result: SourceResult) {
  const topics: Scores = scoreCounts(result.topics);
  const benchmarkScores: Scores = scoreCounts(result.benchmarks);
  return {
    gold: result.gold,
    paperRecall: round(ratio(result.found, result.gold)),
    titleAccuracy: round(ratio(result.titleRight, result.found)),
    duplicates: result.duplicates,
    junkTitles: result.junk,
    topicPrecision: round(topics.precision),
    topicRecall: round(topics.recall),
    topicF1: round(topics.f1),
    discoveredTopics: result.discoveredTopics,
    benchmarkPrecision: round(benchmarkScores.precision),
    benchmarkRecall: round(benchmarkScores.recall),
    merges: result.merges,
  };
}

const overall: SourceResult = {
  source: "overall",
  gold: 0,
  found: 0,
  titleRight: 0,
  duplicates: 0,
  papers: 0,
  junk: 0,
  junkExamples: [],
  topics: NO_COUNTS,
  discoveredTopics: 0,
  benchmarks: NO_COUNTS,
  merges: report.summary.merges,
  misses: [],
  wrongTitles: [],
  details: [],
};
for (const result of results) {
  overall.gold += result.gold;
  overall.found += result.found;
  overall.titleRight += result.titleRight;
  overall.duplicates += result.duplicates;
  overall.papers += result.papers;
  overall.junk += result.junk;
  overall.topics = addCounts(overall.topics, result.topics);
  overall.discoveredTopics += result.discoveredTopics;
  overall.benchmarks = addCounts(overall.benchmarks, result.benchmarks);
}

function printReport(buildReport: BuildReport): void {
  const out = (line = "") => process.stdout.write(`${line}\n`);
  for (const problem of problems) process.stderr.write(`${problem}\n`);
  out(
    `Built ${buildReport.summary.parsed} of ${buildReport.summary.files} documents (${sampleSize} of ${corpusTotal} digest pages${Number.isFinite(PAGES) ? "" : ", all"}, plus gold pages and ${results.filter((r) => r.source !== CORPUS_NAME).length} other sources) into ${graph.order} nodes and ${graph.size} edges in ${seconds.toFixed(1)} s; peak RSS ${peakRssMb.toFixed(0)} MB, heap ${heapMb.toFixed(0)} MB.`,
  );
  out();
  const rows = [...results, overall].map((result) => {
    const s = summarise(result);
    return [
      result.source.replace(/^.*\//, ""),
      `${result.found}/${s.gold}`,
      percent(s.paperRecall ?? undefined),
      percent(s.titleAccuracy ?? undefined),
      s.duplicates,
      `${result.junk}/${result.papers}`,
      percent(s.topicPrecision ?? undefined),
      percent(s.topicRecall ?? undefined),
      percent(s.topicF1 ?? undefined),
      s.discoveredTopics,
      percent(s.benchmarkPrecision ?? undefined),
      percent(s.benchmarkRecall ?? undefined),
      s.merges,
    ] as Array<string | number>;
  });
  out(
    formatTable(
      [
        "source",
        "found",
        "recall",
        "title ok",
        "dup",
        "junk",
        "topic P",
        "topic R",
        "topic F1",
        "disc.",
        "bench P",
        "bench R",
        "merges",
      ],
      rows,
    ),
  );
  for (const result of results) {
    const lines = [
      ...result.misses.map((miss) => `  not found: ${miss}`),
      ...result.wrongTitles.slice(0, 5).map((wrong) => `  title: ${wrong}`),
      ...result.junkExamples.map((label) => `  junk title: ${label}`),
      ...(values.details ? result.details.map((detail) => `  ${detail}`) : []),
    ];
    if (lines.length === 0) continue;
    out();
    out(`${result.source}:`);
    const shown = values.details ? lines.length : 14;
    for (const line of lines.slice(0, shown)) out(line);
    if (lines.length > shown) out(`  … ${lines.length - shown} more (--details shows all)`);
  }
  out();
  out(
    `Map: ${map.papers} papers; ${map.offDomain} of ${map.domainTopicPapers} with a domain topic have no word of that domain (${percent(ratio(map.offDomain, map.papers))} of papers); ${percent(ratio(map.isolated, map.papers))} of papers have no edge; ${percent(ratio(map.aloneInCommunity, map.nodes))} of nodes are alone in their community; ${map.communities} communities.`,
  );
  for (const example of map.offDomainExamples) out(`  off-domain: ${example}`);
  out(
    formatTable(
      ["community", "size", "label"],
      map.largest.map((c) => [c.id, c.size, c.label] as Array<string | number>),
    ),
  );
}

if (!values.json) printReport(report);
else for (const problem of problems) process.stderr.write(`${problem}\n`);

const line = {
  pages: sampleSize,
  corpusPages: corpusTotal,
  seconds: Math.round(seconds * 10) / 10,
  peakRssMb: Math.round(peakRssMb),
  nodes: graph.order,
  edges: graph.size,
  overall: summarise(overall),
  sources: Object.fromEntries(results.map((result) => [result.source, summarise(result)])),
  map: {
    papers: map.papers,
    offDomainRate: round(ratio(map.offDomain, map.papers)),
    offDomainOfDomainTopicPapers: round(ratio(map.offDomain, map.domainTopicPapers)),
    isolatedRate: round(ratio(map.isolated, map.papers)),
    aloneInCommunityRate: round(ratio(map.aloneInCommunity, map.nodes)),
    communities: map.communities,
    largest: map.largest.map((c) => `${c.size} ${c.label}`),
  },
};
if (values.json) process.stdout.write(`${JSON.stringify(line)}\n`);
else
  process.stdout.write(
    `\n${JSON.stringify({ ...line, map: { ...line.map, largest: undefined } })}\n`,
  );
