// npm run eval:related: how well `litgraph related` finds what a curator would list. (A) Generated
// corpora (bench/corpus.ts) are built with a seeded share of their arXiv digests' "Related papers"
// lists cut out; each cut page's paper should bring its listed papers back. (B) Each awesome list of
// the default corpus is left out of a build of it; a paper of a section should bring the section back.
// Weights are chosen by a grid search on tuning splits and reported on separate test splits.
// (C) The real development set (bench/real-dev-set.ts): digest pages of papers three awesome lists file,
// with distractors; truth = the same heading; litgraph beside a plain TF-IDF baseline over the raw
// pages, and the text settings and weights tried one idea at a time.
// Usage: tsx bench/eval-related.ts [--documents 800] [--corpora 10] [--holdout 0.3] [--seed 1] [--data data]
//   [--real DIR] [--distractors 2000] [--real-only] [--step NAME]… (only these steps of the search)
//   [--failures N] (per list, N queries the shipped ranking answers worse than TF-IDF, shown in full)
//   [--draws 3] (draws of the distractors the search of the real set averages over)
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { collectInputs } from "../src/cli/inputs.ts";
import { formatTable } from "../src/cli/table.ts";
import { DEFAULT_LAYOUT_OPTIONS } from "../src/graph/layout.ts";
import type { LitGraph } from "../src/graph/types.ts";
import { ingestFile } from "../src/ingest/index.ts";
import type { InputFile } from "../src/ingest/types.ts";
import { buildGraph } from "../src/pipeline/index.ts";
import {
  averageMetrics,
  type CandidateSignals,
  combineSignals,
  computeRelatedSignals,
  createLatentVectors,
  createRelatedIndex,
  createTextIndex,
  DEFAULT_LATENT_OPTIONS,
  DEFAULT_RANKING_TEXT_OPTIONS,
  DEFAULT_RELATED_OPTIONS,
  DEFAULT_RELATED_WEIGHTS,
  DEFAULT_TEXT_INDEX_OPTIONS,
  evaluateRanks,
  type LatentOptions,
  type RankingMetrics,
  RELATED_SIGNALS,
  type RelatedIndex,
  type RelatedOptions,
  type RelatedWeights,
  type TextIndexOptions,
  textFields,
  zeroSignals,
} from "../src/related/index.ts";
import { createRng, generateCorpus, type Rng } from "./corpus.ts";
import {
  type CuratedList,
  createTfIdfBaseline,
  type DigestPage,
  makeDevSet,
  readCuratedList,
  readDigestPages,
} from "./real-dev-set.ts";

const { values } = parseArgs({
  options: {
    documents: { type: "string" },
    corpora: { type: "string" },
    holdout: { type: "string" },
    seed: { type: "string" },
    data: { type: "string" },
    real: { type: "string" },
    distractors: { type: "string" },
    "real-only": { type: "boolean" },
    step: { type: "string", multiple: true },
    failures: { type: "string" },
    draws: { type: "string" },
  },
});
const REAL = path.resolve(values.real ?? "/tmp/litgraph-real/hf-llm-digests-2025");
const DISTRACTORS = Number(values.distractors ?? "2000");
const FAILURES = Number(values.failures ?? "0");
/** Draws of the distractors the search of the real set averages over (seeds SEED, SEED + 1, …). */
const DRAWS = Number(values.draws ?? "3");
/** Bootstrap draws of the interval printed beside each list's ratios. */
const BOOTSTRAP_DRAWS = 1000;
const LISTS_DIR = path.resolve(import.meta.dirname, "../../shared/real/awesome");
const DEV_LISTS = ["awesome-multimodal-llm.md", "rag-survey.md", "llm-agent-paper-list.md"];
const DOCUMENTS = Number(values.documents ?? "800");
const CORPORA = Number(values.corpora ?? "10");
const HOLDOUT = Number(values.holdout ?? "0.3");
const SEED = Number(values.seed ?? "1");
const DATA_DIR = path.resolve(values.data ?? "data");
/** Cut-off of recall and nDCG. */
const K = 10;

const root = path.resolve(import.meta.dirname, "..");
const taxonomy: unknown = JSON.parse(readFileSync(path.join(root, "data/taxonomy.json"), "utf8"));
const benchmarks: unknown = JSON.parse(
  readFileSync(path.join(root, "data/benchmarks.json"), "utf8"),
);
const encoder = new TextEncoder();

/** One query: a paper, what is known to be related to it, and its candidates' raw signals. */
interface Query {
  key: string;
  relevant: Set<string>;
  /** Candidates in key order (the ranking's tie-break), and which of them are relevant. */
  candidates: CandidateSignals[];
  relevantPositions: number[];
}

function createQuery(key: string, relevant: Set<string>, candidates: CandidateSignals[]): Query {
  const sorted = [...candidates].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const relevantPositions: number[] = [];
  sorted.forEach((candidate, i) => {
    if (relevant.has(candidate.key)) relevantPositions.push(i);
  });
  return { key, relevant, candidates: sorted, relevantPositions };
}

/** Layout does not matter here: one ForceAtlas2 iteration keeps builds quick. */
function build(files: InputFile[]): LitGraph {
  return buildGraph(
    { files, taxonomy, benchmarks },
    { analyse: { layout: { ...DEFAULT_LAYOUT_OPTIONS, iterations: 1, noverlapIterations: 0 } } },
  ).graph;
}

const normalizeTitle = (title: string) =>
  title
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

/** Node keys by normalised title and by arXiv id. */
function indexTitles(graph: LitGraph): {
  byTitle: Map<string, string>;
  byArxiv: Map<string, string>;
} {
  const byTitle = new Map<string, string>();
  const byArxiv = new Map<string, string>();
  graph.forEachNode((key, attributes) => {
    if (attributes.kind !== "paper" && attributes.kind !== "survey") return;
    for (const name of [attributes.title, attributes.label])
      if (name) byTitle.set(normalizeTitle(name), key);
    if (attributes.arxiv) byArxiv.set(attributes.arxiv, key);
  });
  return { byTitle, byArxiv };
}

const RELATED_HEADER = /^[ \t]*Related papers[ \t]*$/m;

/**
 * A generated corpus with a seeded share of its arXiv digests' related lists cut off, built; and one
 * query per page paper whose list was cut, with the listed papers the graph still has as its truth.
 */
function makeHeldOutQueries(seed: number, rng: Rng): { queries: Query[]; papers: number } {
  const corpus = generateCorpus({ documents: DOCUMENTS, seed });
  const heldOut: string[] = [];
  const files: InputFile[] = corpus.map((doc) => {
    const cut = doc.text.search(RELATED_HEADER);
    if (doc.id.startsWith("arxiv-digest/") && cut >= 0 && rng() < HOLDOUT) {
      heldOut.push(doc.text);
      return { id: doc.id, bytes: encoder.encode(doc.text.slice(0, cut)) };
    }
    return { id: doc.id, bytes: encoder.encode(doc.text) };
  });
  const graph = build(files);
  const { byTitle, byArxiv } = indexTitles(graph);
  const truth = new Map<string, Set<string>>();
  heldOut.forEach((text, i) => {
    const outcome = ingestFile({ id: `held-out-${i}.txt`, bytes: encoder.encode(text) });
    if (outcome.state !== "parsed") return;
    const { records, relations } = outcome.parsed;
    const main = records[0];
    const key = main?.arxiv ? byArxiv.get(main.arxiv) : undefined;
    if (!key) return;
    const relevant = truth.get(key) ?? new Set<string>();
    for (const relation of relations) {
      const title = records[relation.to]?.title;
      const listed = title ? byTitle.get(normalizeTitle(title)) : undefined;
      if (listed && listed !== key) relevant.add(listed);
    }
    if (relevant.size > 0) truth.set(key, relevant);
  });
  const index = createRelatedIndex(graph);
  const queries = [...truth].map(([key, relevant]) =>
    createQuery(key, relevant, computeRelatedSignals(index, key)),
  );
  return { queries, papers: index.papers.length };
}

type Scoring = Pick<RelatedOptions, "weights" | "minTextSimilarity"> &
  Partial<Pick<RelatedOptions, "timeScale">>;

/**
 * Measure one query's ranking as `rankRelated` would make it with `scoring` (score descending, ties by
 * key, candidates scoring 0 left out), without sorting: a relevant paper's rank is one more than the
 * number of candidates ranked before it.
 */
function measureQuery(query: Query, scoring: Scoring): RankingMetrics {
  const scores = query.candidates.map((candidate) => combineSignals(candidate.raw, scoring).score);
  const ranks: number[] = [];
  for (const position of query.relevantPositions) {
    const score = scores[position] as number;
    if (score <= 0) continue;
    let before = 0;
    scores.forEach((other, i) => {
      if (other > score || (other === score && i < position)) before += 1;
    });
    ranks.push(before);
  }
  return evaluateRanks(ranks, query.relevant.size, K);
}

const measure = (queries: readonly Query[], scoring: Scoring) =>
  averageMetrics(queries.map((query) => measureQuery(query, scoring)));

const ONLY = (weights: Partial<RelatedWeights>): RelatedWeights => ({
  ...zeroSignals(),
  ...weights,
});

/** The rankings compared, each with one signal or all of them. */
function variants(combined: Scoring): Array<[string, Scoring]> {
  const minTextSimilarity = combined.minTextSimilarity;
  return [
    ["text only", { weights: ONLY({ text: 1 }), minTextSimilarity }],
    ["shared neighbours only", { weights: ONLY({ sharedNeighbours: 1 }), minTextSimilarity }],
    [
      "explicit links + co-listing",
      { weights: ONLY({ explicit: 1, coListed: 0.5 }), minTextSimilarity },
    ],
    ["combined", combined],
  ];
}

/**
 * The grid: weights relative to `explicit` = 1 (only ratios change a ranking), and the text threshold.
 * `community` stays ≤ 0.2 and every other signal > 0: by design the community orders candidates
 * rather than makes them, and every signal has its say. A setting's merit is its nDCG@10 averaged
 * over the query sets (each set weighing the same, however many queries it has); ties go to MRR.
 */
function searchWeights(sets: ReadonlyArray<readonly Query[]>): { best: Scoring; tried: number } {
  const grid = {
    sharedNeighbours: [0.1, 0.2, 0.4, 0.7, 1, 1.5, 2.5],
    coListed: [0.25, 0.5, 1, 2, 4],
    text: [0.25, 0.5, 1, 2, 4, 8],
    community: [0, 0.1, 0.2],
    minTextSimilarity: [0.05, 0.1],
  };
  const used = sets.filter((queries) => queries.length > 0);
  let best: { scoring: Scoring; ndcg: number; mrr: number } | undefined;
  let tried = 0;
  for (const sharedNeighbours of grid.sharedNeighbours)
    for (const coListed of grid.coListed)
      for (const text of grid.text)
        for (const community of grid.community)
          for (const minTextSimilarity of grid.minTextSimilarity) {
            const scoring: Scoring = {
              // Generated corpora date their papers at random and draw their words from a few
              // themes: closeness in time and latent similarity keep the weights the real set gave.
              weights: {
                explicit: 1,
                sharedNeighbours,
                coListed,
                text,
                latent: DEFAULT_RELATED_WEIGHTS.latent,
                community,
                time: DEFAULT_RELATED_WEIGHTS.time,
              },
              minTextSimilarity,
            };
            const metrics = used.map((queries) => measure(queries, scoring));
            const ndcg = metrics.reduce((sum, m) => sum + m.ndcg, 0) / used.length;
            const mrr = metrics.reduce((sum, m) => sum + m.reciprocalRank, 0) / used.length;
            tried += 1;
            if (
              !best ||
              ndcg > best.ndcg + 1e-12 ||
              (Math.abs(ndcg - best.ndcg) <= 1e-12 && mrr > best.mrr)
            )
              best = { scoring, ndcg, mrr };
          }
  return { best: (best as { scoring: Scoring }).scoring, tried };
}

const row = (name: string, metrics: RankingMetrics): Array<string | number> => [
  name,
  Number(metrics.recall.toFixed(3)),
  Number(metrics.reciprocalRank.toFixed(3)),
  Number(metrics.ndcg.toFixed(3)),
];

const HEADER = ["ranking", `recall@${K}`, "MRR", `nDCG@${K}`];

function describeWeights(scoring: Scoring): string {
  const w = scoring.weights;
  return `explicit ${w.explicit}, sharedNeighbours ${w.sharedNeighbours}, coListed ${w.coListed}, text ${w.text}, community ${w.community}, minTextSimilarity ${scoring.minTextSimilarity}`;
}

// ---------------------------------------------------------------------------------------------
// Awesome-list sections of the default corpus
// ---------------------------------------------------------------------------------------------

interface ListQueries {
  lists: string[];
  papers: number;
  tuning: Query[];
  test: Query[];
}

/**
 * For each collection of the default corpus: build without its file (so that its own co-listing
 * cannot give the answer away), and for each section, query each of its papers the graph still has,
 * the others of the section being the relevant ones. The queries are shuffled (seeded) and dealt to
 * the tuning and test splits in turn.
 */
async function makeListQueries(rng: Rng): Promise<ListQueries> {
  const collected = await collectInputs([DATA_DIR], {
    exclude: new Set([
      path.join(DATA_DIR, "taxonomy.json"),
      path.join(DATA_DIR, "benchmarks.json"),
    ]),
  });
  const full = build(collected.files);
  const found: ListQueries = { lists: [], papers: 0, tuning: [], test: [] };
  const lists: Array<{ key: string; label: string; sources: string[] }> = [];
  full.forEachNode((key, attributes) => {
    if (attributes.kind === "collection")
      lists.push({ key, label: attributes.label, sources: attributes.sources });
  });
  for (const list of lists) {
    const sections = new Map<string, Set<string>>();
    full.forEachEdge(list.key, (_edge, attributes, source, target) => {
      if (attributes.kind !== "lists") return;
      const paper = source === list.key ? target : source;
      for (const section of attributes.sections ?? []) {
        const members = sections.get(section) ?? new Set<string>();
        members.add(paper);
        sections.set(section, members);
      }
    });
    const files = collected.files.filter(
      (file) => !list.sources.some((source) => file.id === source.split("#")[0]),
    );
    const index = createRelatedIndex(build(files));
    const queries: Query[] = [];
    for (const name of [...sections.keys()].sort()) {
      const present = [...(sections.get(name) ?? [])].filter((key) => index.positions.has(key));
      if (present.length < 2) continue;
      for (const key of present) {
        const relevant = new Set(present.filter((other) => other !== key));
        queries.push(createQuery(key, relevant, computeRelatedSignals(index, key)));
      }
    }
    // A seeded shuffle, then every other (section, paper) query to each split: halves of one size.
    for (let i = queries.length - 1; i > 0; i -= 1) {
      const j = Math.floor(rng() * (i + 1));
      [queries[i], queries[j]] = [queries[j] as Query, queries[i] as Query];
    }
    queries.forEach((query, i) => {
      (i % 2 === 0 ? found.tuning : found.test).push(query);
    });
    const added = queries.length;
    if (added > 0) {
      found.lists.push(`${list.label} (${sections.size} sections)`);
      found.papers += index.papers.length;
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

const started = performance.now();
if (!values["real-only"]) await syntheticEvaluation();
if (existsSync(REAL)) realEvaluation();
else console.log(`\n(no real pages at ${REAL}: the real development set is skipped)`);
console.log(`\n${((performance.now() - started) / 1000).toFixed(1)} s`);

async function syntheticEvaluation(): Promise<void> {
  const rng = createRng(SEED);
  const tuning: Query[] = [];
  const test: Query[] = [];
  let tuningPapers = 0;
  let testPapers = 0;
  for (let c = 0; c < CORPORA; c += 1) {
    const { queries, papers } = makeHeldOutQueries(SEED * 1000 + c, rng);
    // Even corpora tune the weights, odd ones test them: no paper or page is in both.
    if (c % 2 === 0) {
      tuning.push(...queries);
      tuningPapers += papers;
    } else {
      test.push(...queries);
      testPapers += papers;
    }
  }
  const listed = await makeListQueries(rng);

  const relevantOf = (queries: readonly Query[]) =>
    queries.reduce((sum, query) => sum + query.relevant.size, 0);
  console.log(
    `litgraph related evaluation — seed ${SEED}, recall@${K}, MRR and nDCG@${K} (means over queries)
`,
  );
  console.log(
    `A. Held-out related lists: ${CORPORA} generated corpora of ${DOCUMENTS} documents (bench/corpus.ts), ${Math.round(HOLDOUT * 100)}% of the arXiv digests' "Related papers" lists cut from the build; each cut page's paper is a query, its listed papers the relevant ones.`,
  );
  console.log(
    `   tuning: ${Math.ceil(CORPORA / 2)} corpora, ${tuningPapers} papers, ${tuning.length} queries, ${relevantOf(tuning)} relevant`,
  );
  console.log(
    `   test:   ${Math.floor(CORPORA / 2)} corpora, ${testPapers} papers, ${test.length} queries, ${relevantOf(test)} relevant`,
  );
  const dataName = path.relative(process.cwd(), DATA_DIR) || ".";
  if (listed.lists.length === 0) {
    console.log(`B. Awesome-list sections: no collection with sections in ${dataName}/, skipped.`);
  } else {
    console.log(
      `B. Awesome-list sections of ${dataName}/: ${listed.lists.join(", ")}; each list held out of its own build (${listed.papers} papers left), each paper of a section a query, the section's other papers the relevant ones; queries shuffled (seeded) and dealt to the splits in turn.`,
    );
    console.log(
      `   tuning: ${listed.tuning.length} queries, ${relevantOf(listed.tuning)} relevant; test: ${listed.test.length} queries, ${relevantOf(listed.test)} relevant`,
    );
  }

  const { best, tried } = searchWeights([tuning, listed.tuning]);
  const sameAsShipped =
    RELATED_SIGNALS.every((signal) => best.weights[signal] === DEFAULT_RELATED_WEIGHTS[signal]) &&
    best.minTextSimilarity === DEFAULT_RELATED_OPTIONS.minTextSimilarity;
  console.log(
    `\nGrid search over ${tried} settings on the tuning splits (mean nDCG@${K} of A and B):\n  best:    ${describeWeights(best)}\n  shipped: ${describeWeights(DEFAULT_RELATED_OPTIONS)}${sameAsShipped ? " (the same)" : " — differs: update DEFAULT_RELATED_WEIGHTS"}`,
  );

  const compared: Array<[string, Scoring]> = [
    ...variants(best),
    ...(sameAsShipped
      ? []
      : [["combined (shipped defaults)", DEFAULT_RELATED_OPTIONS] as [string, Scoring]]),
  ];
  const tables: Array<[string, readonly Query[]]> = [
    [`A. held-out related lists, test split (${test.length} queries)`, test],
    [`B. awesome-list sections, test split (${listed.test.length} queries)`, listed.test],
    [`A. held-out related lists, tuning split (${tuning.length} queries)`, tuning],
    [`B. awesome-list sections, tuning split (${listed.tuning.length} queries)`, listed.tuning],
  ];
  for (const [title, queries] of tables) {
    if (queries.length === 0) continue;
    console.log(`\n${title}`);
    console.log(
      formatTable(
        HEADER,
        compared.map(([name, scoring]) => row(name, measure(queries, scoring))),
      ),
    );
  }
}

// ---------------------------------------------------------------------------------------------
// C. The real development set: expert curations as truth (bench/real-dev-set.ts)
// ---------------------------------------------------------------------------------------------

/** One real query: the paper's node, its candidates' raw signals, and the relevant arXiv ids. */
interface RealQuery {
  key: string;
  relevant: Set<string>;
  page: number;
}

/** Ranks (0-based) of the relevant arXiv ids in `ranked` (arXiv ids, best first; repeats skipped). */
function ranksOf(ranked: Iterable<string | undefined>, relevant: ReadonlySet<string>): number[] {
  const ranks: number[] = [];
  const met = new Set<string>();
  let at = 0;
  for (const id of ranked) {
    if (id !== undefined) {
      if (met.has(id)) continue;
      met.add(id);
      if (relevant.has(id)) ranks.push(at);
    }
    at += 1;
  }
  return ranks;
}

/** litgraph's ranking of one query as arXiv ids: `rankRelated`'s order, without its reasons. */
function litgraphRanking(
  index: RelatedIndex,
  key: string,
  scoring: Scoring,
  arxivOf: (key: string) => string | undefined,
): Array<string | undefined> {
  return computeRelatedSignals(index, key, scoring.timeScale)
    .map((candidate) => ({
      key: candidate.key,
      score: combineSignals(candidate.raw, scoring).score,
    }))
    .filter((candidate) => candidate.score > 0)
    .sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((candidate) => arxivOf(candidate.key));
}

/**
 * One draw of the real development set: the pages of the listed papers and `DISTRACTORS` others drawn
 * with `seed`, built; the queries per list, the baseline's answers, and how to measure a ranking.
 */
function prepareRealDraw(
  allPages: readonly DigestPage[],
  lists: readonly CuratedList[],
  seed: number,
  describe: boolean,
) {
  const dev = makeDevSet(allPages, lists, DISTRACTORS, createRng(seed));
  const graph = build(dev.files);
  const index = createRelatedIndex(graph);
  const keyByArxiv = new Map<string, string>();
  const arxivByKey = new Map<string, string>();
  graph.forEachNode((key, attributes) => {
    if (!attributes.arxiv || !index.positions.has(key)) return;
    keyByArxiv.set(attributes.arxiv, key);
    arxivByKey.set(key, attributes.arxiv);
  });
  const pageOf = new Map(dev.pages.map((page, i) => [page.arxiv, i]));
  const baseline = createTfIdfBaseline(dev.pages.map((page) => page.text));
  const arxivOf = (key: string) => arxivByKey.get(key);
  if (describe)
    console.log(
      `\nC. Real development set: ${dev.pages.length} digest pages of ${REAL} (${dev.pages.length - dev.distractors} filed in the lists below, ${dev.distractors} distractors drawn with seed ${seed}) → ${index.papers.length} papers; the lists are not built. Truth: papers filed under the same heading; each paper with a same-heading partner in the corpus is a query.`,
    );
  const perList = dev.truth.map((list) => {
    const queries: RealQuery[] = [];
    for (const [id, relevant] of [...list.queries].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      const key = keyByArxiv.get(id);
      const page = pageOf.get(id);
      if (key === undefined || page === undefined) continue;
      queries.push({ key, relevant, page });
    }
    if (describe)
      console.log(
        `   ${list.name}: ${list.listed} arXiv ids filed, ${list.found} with a page, ${queries.length} queries (${relevantCount(queries)} relevant)`,
      );
    return { name: list.name, queries };
  });
  const measureEach = (
    queries: readonly RealQuery[],
    on: RelatedIndex,
    scoring: Scoring,
    within?: ReadonlySet<string>,
  ) =>
    queries.map((query) =>
      evaluateRanks(
        ranksOf(
          litgraphRanking(on, query.key, scoring, arxivOf).filter(
            (id) => !within || (id !== undefined && within.has(id)),
          ),
          query.relevant,
        ),
        query.relevant.size,
        K,
      ),
    );
  const measureLitgraph = (queries: readonly RealQuery[], on: RelatedIndex, scoring: Scoring) =>
    averageMetrics(measureEach(queries, on, scoring));
  const baselineEach = perList.map(({ queries }) =>
    queries.map((query) =>
      evaluateRanks(
        ranksOf(
          baseline(query.page).map((page) => dev.pages[page]?.arxiv),
          query.relevant,
        ),
        query.relevant.size,
        K,
      ),
    ),
  );
  const baselineMetrics = baselineEach.map((each) => averageMetrics(each));
  const attributes = textFields(
    graph,
    index.papers,
    index.papers.map((key) => graph.getNodeAttributes(key)),
  );
  return {
    dev,
    graph,
    index,
    keyByArxiv,
    arxivOf,
    baseline,
    perList,
    measureEach,
    measureLitgraph,
    baselineEach,
    baselineMetrics,
    attributes,
  };
}

function realEvaluation(): void {
  const allPages = readDigestPages(REAL);
  const lists = DEV_LISTS.map((name) => readCuratedList(path.join(LISTS_DIR, name)));
  const draws = Array.from({ length: DRAWS }, (_, i) =>
    prepareRealDraw(allPages, lists, SEED + i, i === 0),
  );
  const first = draws[0] as ReturnType<typeof prepareRealDraw>;
  const {
    dev,
    graph,
    index,
    keyByArxiv,
    arxivOf,
    baseline,
    perList,
    measureEach,
    measureLitgraph,
    baselineEach,
    baselineMetrics,
  } = first;
  if (DRAWS > 1)
    console.log(
      `   The search below also draws the distractors with seeds ${SEED + 1}–${SEED + DRAWS - 1} (${DRAWS} draws): a list's value is its mean over the draws, so that a setting must hold on other distractors than one sample's.`,
    );
  const textOnly: Scoring = {
    weights: ONLY({ text: 1 }),
    minTextSimilarity: DEFAULT_RELATED_OPTIONS.minTextSimilarity,
  };
  const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : "–");
  // Text settings, one idea at a time (coordinate search from the shipped settings). A setting's
  // merit: per list, the mean of its recall@10 and MRR ratios over the baseline (averaged over the
  // draws); over the lists, their geometric mean, so that a list far above the baseline cannot buy a
  // loss on a list near it.
  /** A setting tried: text index options and signal weights over the shipped ones. */
  type Setting = {
    text?: Partial<TextIndexOptions>;
    latent?: Partial<LatentOptions>;
    weights?: Partial<RelatedWeights>;
    timeScale?: number;
  };
  const merit = (setting: Setting) => {
    const scoring: Scoring = {
      ...DEFAULT_RELATED_OPTIONS,
      weights: { ...DEFAULT_RELATED_WEIGHTS, ...setting.weights },
      timeScale: setting.timeScale ?? DEFAULT_RELATED_OPTIONS.timeScale,
    };
    const perListValues = perList.map(() => 0);
    for (const draw of draws) {
      const text = createTextIndex(draw.attributes, {
        ...DEFAULT_RANKING_TEXT_OPTIONS,
        ...setting.text,
      });
      const on: RelatedIndex = {
        ...draw.index,
        text,
        latent: createLatentVectors(text, setting.latent),
      };
      draw.perList.forEach(({ queries }, i) => {
        const base = draw.baselineMetrics[i] as RankingMetrics;
        const m = draw.measureLitgraph(queries, on, scoring);
        perListValues[i] =
          (perListValues[i] as number) +
          (m.recall / base.recall + m.reciprocalRank / base.reciprocalRank) / 2 / draws.length;
      });
    }
    const logs = perListValues.reduce((sum, value) => sum + Math.log(value), 0);
    return { value: Math.exp(logs / perList.length), perList: perListValues };
  };
  type Merit = ReturnType<typeof merit>;
  const tried: Array<[string, Merit]> = [];
  let chosen: Setting = {};
  let best = merit(chosen);
  tried.push(["shipped settings", best]);
  // A setting is taken only when it raises the merit by more than NEUTRAL and lowers no list's value
  // by more than NEUTRAL: a gain on one list does not pay for a loss on another, and a change within
  // the noise is no reason to move.
  const NEUTRAL = 0.005;
  const better = (value: Merit) =>
    value.value > best.value + NEUTRAL &&
    value.perList.every((v, i) => v >= (best.perList[i] as number) - NEUTRAL);
  const text = (options: Partial<TextIndexOptions>): Setting => ({ text: options });
  const steps: Array<[string, Setting[]]> = [
    [
      "k1, b",
      [1.2, 2, 3, 5, 8, 12].flatMap((k1) => [0.25, 0.5, 0.75, 1].map((b) => text({ k1, b }))),
    ],
    ["title weight", [1, 1.5, 2, 3].map((titleWeight) => text({ titleWeight }))],
    // Not the key-term weight: the names of linked topics as text make papers whose only text they
    // are look like one paper seen twice, and shared topics read as similar titles (see
    // DEFAULT_RANKING_TEXT_OPTIONS); it won 0.016 of merit on the mean of three draws and lost on one.
    ["phrases", [text({ phrases: true })]],
    ["Latin words of Chinese text as English", [text({ latinInChinese: true })]],
    ["Chinese space weight", [0.5, 1, 2].map((chineseWeight) => text({ chineseWeight }))],
    [
      "pseudo-relevance feedback",
      [2, 5].flatMap((feedbackPapers) =>
        [0.2, 0.4].map((feedbackWeight) => text({ feedbackPapers, feedbackWeight })),
      ),
    ],
    [
      // At this corpus size commonTermMinimum keeps every term; without it, the share is measured.
      "common-term share (no minimum)",
      [0.02, 0.05, 0.1, 0.3].map((commonTermShare) =>
        text({ commonTermShare, commonTermMinimum: 0 }),
      ),
    ],
    ["query terms", [30, 60, 100, 0].map((queryTerms) => text({ queryTerms }))],
    ["text weight", [2, 4, 8, 16].map((w) => ({ weights: { text: w } }))],
    [
      "shared-neighbours weight",
      [0.1, 0.2, 0.4, 0.8].map((w) => ({ weights: { sharedNeighbours: w } })),
    ],
    ["community weight", [0, 0.1, 0.2].map((w) => ({ weights: { community: w } }))],
    ["time weight", [0, 0.25, 0.5, 1].map((w) => ({ weights: { time: w } }))],
    ["time scale (days)", [90, 180, 365, 730].map((timeScale) => ({ timeScale }))],
    ["latent weight", [0, 0.25, 0.5, 0.75, 1].map((w) => ({ weights: { latent: w } }))],
    ["latent dimensions", [16, 32, 64].map((dimensions) => ({ latent: { dimensions } }))],
  ];
  const only = values.step;
  for (const [name, settings] of steps) {
    if (only && !only.includes(name)) continue;
    for (const setting of settings) {
      const timeScale = setting.timeScale ?? chosen.timeScale;
      const candidate: Setting = {
        text: { ...chosen.text, ...setting.text },
        latent: { ...chosen.latent, ...setting.latent },
        weights: { ...chosen.weights, ...setting.weights },
        ...(timeScale === undefined ? {} : { timeScale }),
      };
      const value = merit(candidate);
      tried.push([
        `${name}: ${JSON.stringify(setting.text ?? setting.latent ?? setting.weights ?? setting.timeScale)}`,
        value,
      ]);
      if (better(value)) {
        best = value;
        chosen = candidate;
      }
    }
  }
  const names = new Set(
    steps.flatMap(([, settings]) => settings.flatMap((t) => Object.keys(t.text ?? {}))),
  );
  const shippedTextOptions: TextIndexOptions = {
    ...DEFAULT_TEXT_INDEX_OPTIONS,
    ...DEFAULT_RANKING_TEXT_OPTIONS,
  };
  const shippedText = JSON.stringify(
    Object.fromEntries(Object.entries(shippedTextOptions).filter(([name]) => names.has(name))),
  );
  const differs =
    (chosen.timeScale !== undefined && chosen.timeScale !== DEFAULT_RELATED_OPTIONS.timeScale) ||
    Object.entries(chosen.text ?? {}).some(
      ([name, value]) => shippedTextOptions[name as keyof TextIndexOptions] !== value,
    ) ||
    Object.entries(chosen.latent ?? {}).some(
      ([name, value]) => DEFAULT_LATENT_OPTIONS[name as keyof LatentOptions] !== value,
    ) ||
    Object.entries(chosen.weights ?? {}).some(
      ([name, value]) => DEFAULT_RELATED_WEIGHTS[name as keyof RelatedWeights] !== value,
    );
  console.log(
    `\nSettings tried one idea at a time on this set, each step from the best so far (${tried.length}; per list, (recall ratio + MRR ratio) / 2 of the combined ranking; merit = their geometric mean; a setting is taken when it raises the merit by more than ${NEUTRAL} and lowers no list by more than that):`,
  );
  console.log(
    formatTable(
      ["setting", ...perList.map(({ name }) => name), "merit"],
      tried.map(([name, value]) => [
        name,
        ...value.perList.map((v) => Number(v.toFixed(3))),
        Number(value.value.toFixed(3)),
      ]),
    ),
  );
  console.log(
    `  best found: ${JSON.stringify(chosen)} (merit ${best.value.toFixed(3)})\n  shipped:    text ${shippedText}; weights ${JSON.stringify(DEFAULT_RELATED_WEIGHTS)}; time scale ${DEFAULT_RELATED_OPTIONS.timeScale} days${differs ? " — differs: update DEFAULT_RANKING_TEXT_OPTIONS / DEFAULT_RELATED_WEIGHTS / DEFAULT_RELATED_OPTIONS" : " (the same)"}`,
  );
  console.log(
    `\nShipped: weights ${JSON.stringify(DEFAULT_RELATED_WEIGHTS)}, time scale ${DEFAULT_RELATED_OPTIONS.timeScale} days, text ${JSON.stringify(DEFAULT_RANKING_TEXT_OPTIONS)} over the text index defaults, latent vectors ${JSON.stringify(DEFAULT_LATENT_OPTIONS)}. Why: each value is what the search above ends on, from the shipped settings, with each list's value averaged over the draws of distractors: the best of its step that raised the merit by more than the noise and lowered none of the three lists, so that no list pays for another's gain and no one sample of distractors decides. Latent similarity (LSA of the English text) and closeness in time count only beside other evidence: they order what text, topics and lists found and never make a candidate. Latent similarity is what lifted the multimodal list on every draw and the other two on most (without it the multimodal list falls back to the baseline); with 32 to 100 directions and with each of four seeds it raised the multimodal and agent lists while the RAG list moved either way within its noise, so it is not a fit to one list. Pseudo-relevance feedback and word pairs lose here (and feedback costs a query five more text look-ups), so they stay off; the names of linked topics and benchmarks as text are not tried (they would make papers whose only text they are look like one paper seen twice); explicit and co-listing weights keep the ratios the generated corpora gave them (this set builds no list, so it cannot weigh them). The multimodal list's MRR cannot reach 1.3× this way: even knowing which papers the curator filed (the ceiling row) gives about 1.3×, since a query's best matches are often papers the list does not file.`,
  );
  const rng = createRng(SEED);
  const labelOf = (id: string | undefined) => {
    const key = id === undefined ? undefined : keyByArxiv.get(id);
    return key === undefined ? `(arXiv ${id ?? "?"})` : graph.getNodeAttribute(key, "label");
  };
  for (const [i, { name, queries }] of perList.entries()) {
    const base = baselineMetrics[i] as RankingMetrics;
    const list = lists[i] as CuratedList;
    const headings = new Map<string, string[]>();
    for (const [heading, ids] of list.sections)
      for (const id of ids) headings.set(id, [...(headings.get(id) ?? []), heading]);
    const shippedEach = measureEach(queries, index, DEFAULT_RELATED_OPTIONS);
    const shipped = averageMetrics(shippedEach);
    const text = measureLitgraph(queries, index, textOnly);
    const without = (signal: keyof RelatedWeights) =>
      measureLitgraph(queries, index, {
        ...DEFAULT_RELATED_OPTIONS,
        weights: { ...DEFAULT_RELATED_WEIGHTS, [signal]: 0 },
      });
    // What no signal of the pages can know: which papers the curator chose. The shipped ranking
    // with every paper the list does not file left out shows how far that alone would go.
    const ceiling = averageMetrics(
      measureEach(queries, index, DEFAULT_RELATED_OPTIONS, new Set(headings.keys())),
    );
    const ablations: Array<[string, RankingMetrics]> = [
      ["litgraph without time", without("time")],
      ["litgraph without latent similarity", without("latent")],
      ["litgraph without topics/benchmarks", without("sharedNeighbours")],
      ["(ceiling) shipped, the list's papers only", ceiling],
    ];
    console.log(`\n${name} (${queries.length} queries)`);
    console.log(
      formatTable(
        [...HEADER, "recall ÷ TF-IDF", "MRR ÷ TF-IDF"],
        [
          [
            ...row("litgraph (shipped)", shipped),
            ratio(shipped.recall, base.recall),
            ratio(shipped.reciprocalRank, base.reciprocalRank),
          ],
          [
            ...row("litgraph text only", text),
            ratio(text.recall, base.recall),
            ratio(text.reciprocalRank, base.reciprocalRank),
          ],
          ...ablations.map(([label, m]) => [
            ...row(label, m),
            ratio(m.recall, base.recall),
            ratio(m.reciprocalRank, base.reciprocalRank),
          ]),
          [...row("TF-IDF over raw pages", base), "1.00×", "1.00×"],
        ],
      ),
    );
    const interval = bootstrapRatios(shippedEach, baselineEach[i] as RankingMetrics[], rng);
    console.log(
      `  shipped ÷ TF-IDF, 90% bootstrap interval (queries drawn with replacement, ${BOOTSTRAP_DRAWS} draws): recall ${interval.recall[0].toFixed(2)}–${interval.recall[1].toFixed(2)}×, MRR ${interval.reciprocalRank[0].toFixed(2)}–${interval.reciprocalRank[1].toFixed(2)}×`,
    );
    if (FAILURES > 0) {
      const worse = queries
        .map((query, q) => ({
          query,
          loss:
            ((baselineEach[i] as RankingMetrics[])[q] as RankingMetrics).reciprocalRank -
            (shippedEach[q] as RankingMetrics).reciprocalRank,
        }))
        .filter(({ loss }) => loss > 0)
        .sort((a, b) => b.loss - a.loss)
        .slice(0, FAILURES);
      const filed = (id: string | undefined) => {
        const under = id === undefined ? undefined : headings.get(id);
        return under ? `filed under ${under.join("; ")}` : "not in the list";
      };
      const show = (ids: Array<string | undefined>, relevant: ReadonlySet<string>) =>
        ids
          .slice(0, K)
          .map(
            (id, at) =>
              `      ${String(at + 1).padStart(2)} ${id !== undefined && relevant.has(id) ? "✓" : " "} ${labelOf(id)} (${filed(id)})`,
          )
          .join("\n");
      console.log(`  ${worse.length} queries the shipped ranking answers worse than TF-IDF:`);
      for (const { query } of worse) {
        const id = arxivOf(query.key);
        console.log(
          `\n    ${labelOf(id)} (${filed(id)}; ${query.relevant.size} filed with it)\n    filed with it: ${[
            ...query.relevant,
          ]
            .slice(0, 5)
            .map(labelOf)
            .join(" · ")}${query.relevant.size > 5 ? " · …" : ""}`,
        );
        console.log("    litgraph:");
        console.log(
          show(litgraphRanking(index, query.key, DEFAULT_RELATED_OPTIONS, arxivOf), query.relevant),
        );
        console.log("    TF-IDF:");
        console.log(
          show(
            baseline(query.page).map((page) => dev.pages[page]?.arxiv),
            query.relevant,
          ),
        );
      }
    }
  }
  if (draws.length > 1) {
    console.log(
      "\nShipped ÷ TF-IDF on each draw of the distractors (recall@10 · MRR; without latent similarity in brackets):",
    );
    const withoutLatent: Scoring = {
      ...DEFAULT_RELATED_OPTIONS,
      weights: { ...DEFAULT_RELATED_WEIGHTS, latent: 0 },
    };
    const both = (m: RankingMetrics, b: RankingMetrics) =>
      `${ratio(m.recall, b.recall)} · ${ratio(m.reciprocalRank, b.reciprocalRank)}`;
    console.log(
      formatTable(
        ["distractors", ...perList.map(({ name }) => name)],
        draws.map((draw, d) => [
          `seed ${SEED + d}`,
          ...draw.perList.map(({ queries }, i) => {
            const b = draw.baselineMetrics[i] as RankingMetrics;
            const shipped = draw.measureLitgraph(queries, draw.index, DEFAULT_RELATED_OPTIONS);
            const without = draw.measureLitgraph(queries, draw.index, withoutLatent);
            return `${both(shipped, b)} (${both(without, b)})`;
          }),
        ]),
      ),
    );
  }
}

/**
 * Paired bootstrap (Efron & Tibshirani 1993) of the ratios of mean recall and MRR of `ours` over
 * `base` (per-query metrics of the same queries, in the same order): the 5th and 95th percentiles
 * over `BOOTSTRAP_DRAWS` resamples of the queries.
 */
function bootstrapRatios(
  ours: readonly RankingMetrics[],
  base: readonly RankingMetrics[],
  rng: Rng,
): { recall: [number, number]; reciprocalRank: [number, number] } {
  const recall: number[] = [];
  const reciprocalRank: number[] = [];
  const n = ours.length;
  for (let draw = 0; draw < BOOTSTRAP_DRAWS; draw += 1) {
    const sums = [0, 0, 0, 0];
    for (let j = 0; j < n; j += 1) {
      const q = Math.floor(rng() * n);
      const a = ours[q] as RankingMetrics;
      const b = base[q] as RankingMetrics;
      sums[0] = (sums[0] as number) + a.recall;
      sums[1] = (sums[1] as number) + b.recall;
      sums[2] = (sums[2] as number) + a.reciprocalRank;
      sums[3] = (sums[3] as number) + b.reciprocalRank;
    }
    if ((sums[1] as number) > 0) recall.push((sums[0] as number) / (sums[1] as number));
    if ((sums[3] as number) > 0) reciprocalRank.push((sums[2] as number) / (sums[3] as number));
  }
  const percentiles = (values: number[]): [number, number] => {
    values.sort((a, b) => a - b);
    const at = (p: number) =>
      values[Math.min(values.length - 1, Math.floor(p * values.length))] ?? 0;
    return [at(0.05), at(0.95)];
  };
  return { recall: percentiles(recall), reciprocalRank: percentiles(reciprocalRank) };
}

function relevantCount(queries: ReadonlyArray<{ relevant: Set<string> }>): number {
  return queries.reduce((sum, query) => sum + query.relevant.size, 0);
}
