// The whole pipeline as one pure function: files in, an analysed graph and its report out.
// The CLI and the explorer both call this, so they cannot build different graphs.
import type { Diagnostic } from "../diagnostics.ts";
import { applyCategoryTags, findCategoryTags } from "../extract/category-tags.ts";
import { dropBenchmarkNames, findCommonWordNames } from "../extract/common-word-names.ts";
import { createExtractContext, extractPaper } from "../extract/index.ts";
import {
  discoverKeyTerms,
  type KeyTermModel,
  type KeyTermOptions,
  type KeyTermPaper,
  type KeyTermResult,
  keyOfTerm,
} from "../extract/key-terms.ts";
import type { ExtractContext, ExtractedPaper, Taxonomy } from "../extract/types.ts";
import { type AnalyseOptions, type AnalyseStep, analyseGraph } from "../graph/analyse.ts";
import {
  collectGraph,
  compareStrings,
  GRAPH_FORMAT_VERSION,
  listCollections,
  materializeGraph,
  type PendingGraph,
} from "../graph/build.ts";
import type { LitGraph } from "../graph/types.ts";
import { ingestFile } from "../ingest/index.ts";
import { noItems } from "../ingest/records.ts";
import type { IngestOutcome, InputFile, PaperRecord } from "../ingest/types.ts";
import {
  addSimilarEdges,
  type SimilarEdgeOptions,
  type SimilarIndex,
} from "../related/similar-edges.ts";
import { type RefusedMerge, resolvePapers } from "../resolve/index.ts";
import type {
  DocumentExtraction,
  MergeRecord,
  PaperEntity,
  ResolveOptions,
} from "../resolve/types.ts";
import { type BuildReport, countByKind, type InputReport } from "./report.ts";

export type PipelineStage = "ingest" | "extract" | "resolve" | "build" | AnalyseStep;

export const PIPELINE_STAGES: readonly PipelineStage[] = [
  "ingest",
  "extract",
  "resolve",
  "build",
  "communities",
  "sizes",
  "layout",
];

export interface ProgressEvent {
  stage: PipelineStage;
  /** Items done and total within the stage, when the stage works item by item. */
  done: number;
  total: number;
}

/** A file the caller could not read at all (a folder entry that cannot be opened, a fifo, …). */
export interface UnreadableInput {
  file: string;
  reason: string;
  code: string;
}

export interface BuildInput {
  files: InputFile[];
  /** Contents of the taxonomy and the benchmark gazetteer (parsed JSON). */
  taxonomy: unknown;
  benchmarks: unknown;
  /** Names of the taxonomy and gazetteer files, for error messages. */
  taxonomyFile?: string;
  benchmarksFile?: string;
  unreadable?: UnreadableInput[];
  /**
   * Files already ingested by the caller: the CLI streams arXiv metadata snapshots, too large to
   * hand over as bytes, and passes their outcomes here. They join `files` in id order.
   */
  parsed?: IngestOutcome[];
  /**
   * Files already ingested and extracted (a cache's copies of what `prepareDocument` gave for the
   * same bytes and the same taxonomy and gazetteer). They join the others in id order.
   */
  prepared?: PreparedDocument[];
}

/**
 * One input file after ingest and extract: what resolution and the report need of it, and nothing
 * else. Plain data (structured-clone safe), so a caller may keep it to skip both stages next time.
 */
export interface PreparedDocument {
  id: string;
  /** The file's entry in the report, but for the nodes its records became (known after resolve). */
  report: Omit<InputReport, "nodes">;
  /** Its extracted papers and relations, when it was parsed. */
  extraction?: DocumentExtraction;
}

/**
 * Where topics come from: the taxonomy's, key terms discovered in the corpus, or both (default).
 */
export type TopicSource = "taxonomy" | "discovered" | "both";

export const TOPIC_SOURCES: readonly TopicSource[] = ["taxonomy", "discovered", "both"];

export interface BuildOptions {
  /** Topics from the taxonomy, from key terms discovered in the corpus, or both. Default `both`. */
  topics: TopicSource;
  /** Settings of key-term discovery (see `DEFAULT_KEY_TERM_OPTIONS`). */
  keyTerms: Partial<KeyTermOptions>;
  resolve: Partial<ResolveOptions>;
  analyse: Partial<AnalyseOptions>;
  /** `similar` edges between papers with near texts (on by default); `false` leaves them out. */
  similar: Partial<SimilarEdgeOptions> | false;
  onProgress: (event: ProgressEvent) => void;
  /** Called with each document ingested and extracted by this build (not those given prepared). */
  onPrepared: (document: PreparedDocument) => void;
  /**
   * Return the global state an incremental build starts from (`BuildResult.state`): the text index
   * of the similar edges and the key-term model. Default false (they are let go).
   */
  keepState: boolean;
}

export interface BuildResult {
  graph: LitGraph;
  report: BuildReport;
  /** With `keepState`: what `updateGraph` needs to add, change or remove files later. */
  state?: BuildState;
}

/**
 * The global state of a build that an incremental build keeps instead of computing it again: the
 * text index and papers of the similar edges, and the key terms with their statistics. Plain data
 * (structured-clone safe).
 */
export interface BuildState {
  similar?: SimilarIndex;
  keyTerms?: KeyTermModel;
  corpus?: CorpusFacts;
}

/** What `applyCorpusFacts` found in the whole corpus, sorted. */
export interface CorpusFacts {
  categoryTags: string[];
  commonWords: string[];
}

/**
 * Build the graph of `input.files`. Bad files never stop the build: they are reported as skipped,
 * with the reason, in `report.inputs`. Deterministic: files are processed in id order.
 *
 * `input` may be given as a function that returns it: it is then called once, and the files, the
 * parsed outcomes and their records are held only until the graph's nodes and edges are collected,
 * not through analysis (a caller that keeps no reference of its own lets a million records go
 * before the graph is laid out).
 */
export function buildGraph(
  input: BuildInput | (() => BuildInput),
  partial: Partial<BuildOptions> = {},
): BuildResult {
  const onProgress = partial.onProgress ?? (() => {});
  // Records, extracted papers and entities are needed up to the graph's nodes and edges only:
  // `collect` returns those and the report's parts, so that the rest is garbage before the graph
  // is made and long before similar edges and analysis run.
  const state: BuildState = {};
  const { pending, report } = collect(
    // A given object is copied, so that letting its lists go leaves the caller's as they were.
    typeof input === "function" ? input : () => ({ ...input }),
    partial,
    onProgress,
    (model) => {
      if (partial.keepState) state.keyTerms = model;
    },
    (facts) => {
      if (partial.keepState) state.corpus = facts;
    },
  );
  const graph = materializeGraph(pending);

  if (partial.similar !== false)
    addSimilarEdges(graph, partial.similar, (kept) => {
      if (partial.keepState) state.similar = kept;
    });

  analyseGraph(graph, partial.analyse, (step) => onProgress({ stage: step, done: 0, total: 1 }));

  const { inputs, records, merges, refused } = report;
  const diagnostics: Diagnostic[] = inputs.flatMap((i) => i.diagnostics);
  const attributes = graph.getAttributes();
  return {
    graph,
    ...(partial.keepState ? { state } : {}),
    report: {
      version: GRAPH_FORMAT_VERSION,
      summary: {
        files: inputs.length,
        parsed: inputs.filter((i) => i.state === "parsed").length,
        skipped: inputs.filter((i) => i.state === "skipped").length,
        records,
        nodes: graph.order,
        edges: graph.size,
        ...countByKind(graph),
        communities: Object.keys(attributes.communities).length,
        modularity: attributes.modularity,
        merges: merges.length,
        warnings: diagnostics.filter((d) => d.severity === "warning").length,
        errors: diagnostics.filter((d) => d.severity === "error").length,
      },
      inputs,
      merges,
      refusedMerges: refused,
    },
  };
}

/** What the report needs of the stages up to assembly. */
interface ReportParts {
  inputs: InputReport[];
  records: number;
  merges: MergeRecord[];
  refused: RefusedMerge[];
}

/**
 * Ingest, extract, resolve, discover topics and collect the graph's nodes and edges. Records,
 * extracted papers and entities stay inside, and each is let go as soon as the next step has what
 * it needs: the documents once the papers are resolved, the records behind each entity once the
 * topics are discovered, so that at a million records they are not all held while the nodes are
 * made.
 */
function collect(
  takeInput: () => BuildInput,
  partial: Partial<BuildOptions>,
  onProgress: (event: ProgressEvent) => void,
  onKeyTerms: (model: KeyTermModel) => void,
  onFacts: (facts: CorpusFacts) => void,
): { pending: PendingGraph; report: ReportParts } {
  const { context, documents, inputs, facts } = readDocuments(takeInput, partial, onProgress);
  onFacts(facts);

  onProgress({ stage: "resolve", done: 0, total: 1 });
  const resolved = resolvePapers(documents, partial.resolve);
  const builtFrom: Record<string, number> = {};
  for (const doc of documents) builtFrom[doc.format] = (builtFrom[doc.format] ?? 0) + 1;
  const records = documents.reduce((sum, doc) => sum + doc.papers.length, 0);
  const collections = listCollections(documents, resolved.recordKeys);
  documents.length = 0;

  const nodesOfDocument = new Map<string, Set<string>>();
  for (const entity of resolved.entities) {
    for (const member of entity.members) {
      const set = nodesOfDocument.get(member.record.document) ?? new Set<string>();
      set.add(entity.key);
      nodesOfDocument.set(member.record.document, set);
    }
  }
  for (const input of inputs) {
    if (input.nodes)
      input.nodes = [...(nodesOfDocument.get(input.file) ?? [])].sort(compareStrings);
  }
  nodesOfDocument.clear();
  // An entity of one record needs that record no more: discovery names its source (the entity's
  // one source) without it. The records of a snapshot's million lone papers go here.
  for (const entity of resolved.entities)
    if (entity.members.length === 1) entity.members = noItems();

  const topicSource = partial.topics ?? "both";
  const entities =
    topicSource === "discovered"
      ? resolved.entities.map((entity) => ({ ...entity, topics: [] }))
      : resolved.entities;
  const discovered =
    topicSource === "taxonomy"
      ? undefined
      : discoverTopics(
          entities,
          topicSource === "both" ? context.taxonomy : undefined,
          partial.keyTerms,
        );
  if (discovered) onKeyTerms(discovered.model);
  // Nothing below reads an entity's records: they go before the nodes are made.
  for (const list of [resolved.entities, entities])
    for (const entity of list) entity.members = noItems();

  onProgress({ stage: "build", done: 0, total: 1 });
  const pending = collectGraph({
    entities,
    relations: resolved.relations,
    taxonomy: context.taxonomy,
    benchmarks: context.benchmarks,
    builtFrom,
    collections,
    ...(discovered ? { discovered } : {}),
  });
  return {
    pending,
    report: { inputs, records, merges: resolved.merges, refused: resolved.refused },
  };
}

/**
 * Ingest the files and extract the papers of every document, with the report of each input (its
 * `nodes` left empty, to be filled once the papers are resolved), in id order. Each file's bytes and
 * ingest outcome are let go once it is extracted (the input's lists are emptied); the documents'
 * papers are kept.
 */
function readDocuments(
  takeInput: () => BuildInput,
  partial: Partial<BuildOptions>,
  onProgress: (event: ProgressEvent) => void,
): {
  context: ExtractContext;
  documents: DocumentExtraction[];
  inputs: InputReport[];
  facts: CorpusFacts;
} {
  const input = takeInput();
  const context = createExtractContext(
    input.taxonomy,
    input.benchmarks,
    input.taxonomyFile ?? "taxonomy.json",
    input.benchmarksFile ?? "benchmarks.json",
  );
  // Each file's bytes are let go once it is ingested, and its outcome once it is extracted: only the
  // extractions are held at the end, not every file's bytes and records besides. (Ingesting every
  // file before extracting any is faster than taking each file through both in turn.)
  const pending: (InputFile | IngestOutcome | undefined)[] = [
    ...[...input.files].sort((a, b) => compareStrings(a.id, b.id)),
    ...(input.parsed ?? []),
  ];
  const fileCount = input.files.length;
  input.files = [];
  input.parsed = [];
  for (let i = 0; i < pending.length; i++) {
    const item = pending[i] as InputFile | IngestOutcome;
    if ("state" in item) continue;
    pending[i] = ingestFile(item);
    onProgress({ stage: "ingest", done: i + 1, total: fileCount });
  }
  const made: PreparedDocument[] = [];
  for (let i = 0; i < pending.length; i++) {
    const outcome = pending[i] as IngestOutcome;
    pending[i] = undefined;
    const preparedOne = prepareDocument(outcome, context);
    partial.onPrepared?.(preparedOne);
    made.push(preparedOne);
    onProgress({ stage: "extract", done: i + 1, total: pending.length });
  }
  const prepared = [...made, ...(input.prepared ?? [])].sort((a, b) => compareStrings(a.id, b.id));
  const documents: DocumentExtraction[] = [];
  for (const entry of prepared) if (entry.extraction) documents.push(entry.extraction);

  // What only the whole corpus shows: its catalogue tags and the words it writes in lower case.
  const facts = applyCorpusFacts(
    documents.flatMap((doc) => doc.papers),
    context.taxonomy,
  );

  const inputs: InputReport[] = [
    ...prepared.map(
      (entry): InputReport =>
        entry.report.state === "parsed" ? withNodes(entry.report, undefined) : entry.report,
    ),
    ...(input.unreadable ?? []).map(describeUnreadable),
  ].sort((a, b) => compareStrings(a.file, b.file));
  return { context, documents, inputs, facts };
}

/**
 * Key terms of the resolved papers' titles and abstracts (English, or Chinese for a paper with no
 * English abstract), leaving out the labels and aliases of `taxonomy` when it is given.
 */
function discoverTopics(
  entities: readonly PaperEntity[],
  taxonomy: Taxonomy | undefined,
  options: Partial<KeyTermOptions> | undefined,
): KeyTermResult {
  const reserved = new Set<string>();
  for (const topic of taxonomy?.topics ?? []) {
    for (const phrase of [
      topic.id,
      topic.label,
      topic.labelZh ?? "",
      ...topic.aliases,
      ...topic.aliasesZh,
    ]) {
      if (phrase) reserved.add(keyOfTerm(phrase));
    }
  }
  return discoverKeyTerms(keyTermPapersOf(entities), reserved, options);
}

/**
 * The papers as key-term discovery reads them: title and abstract in English, or in Chinese for a
 * paper with no English abstract, each with the record it came from.
 */
export function keyTermPapersOf(entities: readonly PaperEntity[]): KeyTermPaper[] {
  return entities.map((entity): KeyTermPaper => {
    // An entity let go of its records has one source, the record its texts came from.
    const sourceOf = (field: "title" | "abstract" | "titleZh" | "abstractZh") =>
      entity.members.find((member) => member.record[field] === entity[field])?.record.source ??
      entity.sources[0] ??
      entity.key;
    const english = entity.abstract !== undefined || entity.abstractZh === undefined;
    const fields = english
      ? (["title", "abstract"] as const)
      : (["titleZh", "abstractZh"] as const);
    const texts = fields.flatMap((field) => {
      const text = entity[field];
      return text ? [{ text, source: sourceOf(field) }] : [];
    });
    return {
      key: entity.key,
      language: english ? "en" : "zh",
      texts,
      hasAbstract: entity.abstract !== undefined || entity.abstractZh !== undefined,
      hasTopic: entity.topics.length > 0,
    };
  });
}

/**
 * Extract the papers of one ingested file and describe it for the report. Pure: the same outcome and
 * context give the same document, which is what lets a cache stand in for this step.
 */
export function prepareDocument(
  outcome: IngestOutcome,
  context: ReturnType<typeof createExtractContext>,
): PreparedDocument {
  if (outcome.state === "skipped") {
    return {
      id: outcome.id,
      report: {
        file: outcome.id,
        state: "skipped",
        bytes: outcome.bytes,
        reason: outcome.reason,
        diagnostics: outcome.diagnostics,
      },
    };
  }
  return {
    id: outcome.id,
    report: {
      file: outcome.id,
      state: "parsed",
      bytes: outcome.bytes,
      format: outcome.format,
      encoding: outcome.encoding,
      records: outcome.parsed.records.length,
      ...(outcome.parsed.counts ? { counts: outcome.parsed.counts } : {}),
      diagnostics: outcome.parsed.diagnostics,
    },
    extraction: {
      id: outcome.id,
      format: outcome.format,
      papers: outcome.parsed.records.map((record) => extractPaper(record, context)),
      relations: outcome.parsed.relations,
      ...(outcome.parsed.collection ? { collection: outcome.parsed.collection } : {}),
    },
  };
}

/** The report of a file the caller could not read at all. */
export function describeUnreadable(entry: UnreadableInput): InputReport {
  return {
    file: entry.file,
    state: "skipped",
    bytes: 0,
    reason: entry.reason,
    diagnostics: [{ file: entry.file, severity: "error", code: entry.code, message: entry.reason }],
  };
}

/**
 * A parsed file's report entry with the nodes its records became, in the report's key order (none
 * yet without `nodesOfDocument`: they are filled in once the papers are resolved).
 */
export function withNodes(
  report: Omit<InputReport, "nodes">,
  nodesOfDocument: Map<string, Set<string>> | undefined,
): InputReport {
  const { diagnostics, ...rest } = report;
  return {
    ...rest,
    nodes: nodesOfDocument
      ? [...(nodesOfDocument.get(report.file) ?? [])].sort(compareStrings)
      : [],
    diagnostics,
  };
}

/**
 * What only the whole corpus shows, applied to its papers: tags so many documents carry that they
 * are catalogue categories (they name a topic only with the prose's support), and one-word
 * benchmark names the corpus writes in lower case (common words). Extraction reads each file alone,
 * so that a cache can stand in for it; this step comes after. Given `facts` (an incremental build
 * keeps the last full build's), they are applied as they are instead of being found again.
 */
export function applyCorpusFacts(
  papers: readonly ExtractedPaper[],
  taxonomy: Taxonomy,
  facts?: CorpusFacts,
): CorpusFacts {
  const categoryTags = facts
    ? new Set(facts.categoryTags)
    : findCategoryTags(groupRecordsByDocument(papers));
  // Topics first: whether a paper introduces a benchmark is read before common words are dropped.
  applyCategoryTags(papers, taxonomy, categoryTags);
  const commonWords = facts ? new Set(facts.commonWords) : findCommonWordNames(papers);
  dropBenchmarkNames(papers, commonWords);
  return {
    categoryTags: [...categoryTags].sort(compareStrings),
    commonWords: [...commonWords].sort(compareStrings),
  };
}

/** The records of `papers`, one list per document, in the order the documents first appear. */
function groupRecordsByDocument(papers: readonly ExtractedPaper[]): PaperRecord[][] {
  const byDocument = new Map<string, PaperRecord[]>();
  for (const { record } of papers) {
    const list = byDocument.get(record.document);
    if (list) list.push(record);
    else byDocument.set(record.document, [record]);
  }
  return [...byDocument.values()];
}
