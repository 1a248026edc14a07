// The fuzz properties, shared by the quick seeded run in `npm test` (test/fuzz/*.test.ts) and the
// long run of `npm run fuzz` (bench/fuzz.ts). A check throws an Error saying what broke.
import { isDeepStrictEqual } from "node:util";
import { DOMParser } from "@xmldom/xmldom";
import fc from "fast-check";
import Graph from "graphology";
import { parse as parseGexf } from "graphology-gexf";
import type { Diagnostic } from "../../src/diagnostics.ts";
import { readGraphJson, writeGexf, writeGraphJson } from "../../src/export/index.ts";
import { stripInvalidXmlCharacters } from "../../src/export/xml.ts";
import { createExtractContext, extractPaper } from "../../src/extract/index.ts";
import type { ExtractContext } from "../../src/extract/types.ts";
import type { LitGraph } from "../../src/graph/types.ts";
import { ADAPTERS, decodeInput, ingestFile, sniffFormat } from "../../src/ingest/index.ts";
import type {
  Adapter,
  FormatId,
  IngestOutcome,
  PaperRecord,
  ParsedDocument,
} from "../../src/ingest/types.ts";
import { buildGraph } from "../../src/pipeline/index.ts";
import { resolvePapers } from "../../src/resolve/index.ts";
import type { DocumentExtraction, PaperEntity } from "../../src/resolve/types.ts";
import { makePaper } from "../_records.ts";
import { readDataJson } from "../_seeds.ts";
import { loadSeeds, seedsOf } from "./_corpus.ts";
import {
  caseBytes,
  caseText,
  encodeText,
  type FuzzCase,
  inputFor,
  mutatedCase,
  repeatedSyntaxCase,
} from "./_inputs.ts";

/** One property: its name, the property, and how many cases each run mode tries. */
export interface FuzzProperty {
  name: string;
  property: fc.IProperty<[unknown]>;
  /** Cases in `npm run fuzz`. */
  fuzzRuns: number;
  /** Cases in the seeded subset of `npm test`. */
  testRuns: number;
}

const FORMATS: readonly FormatId[] = ADAPTERS.map((adapter) => adapter.format);
const SEVERITIES = new Set(["error", "warning", "info"]);

function fail(message: string): never {
  throw new Error(message);
}

function checkLine(line: number | undefined, what: string): void {
  if (line !== undefined && !(Number.isInteger(line) && line >= 1)) {
    fail(`${what} has line ${line}, not a 1-based line number`);
  }
}

function checkDiagnostics(diagnostics: readonly Diagnostic[], file: string): void {
  for (const d of diagnostics) {
    if (d.file !== file) fail(`diagnostic ${d.code} names file ${d.file}, not ${file}`);
    if (!SEVERITIES.has(d.severity)) fail(`diagnostic ${d.code} has severity ${d.severity}`);
    if (typeof d.code !== "string" || d.code === "") fail("a diagnostic has no code");
    if (typeof d.message !== "string" || d.message === "") fail(`diagnostic ${d.code} is empty`);
    checkLine(d.line, `diagnostic ${d.code}`);
  }
}

function checkRecord(record: PaperRecord, index: number, file: string): void {
  const what = `record ${index}`;
  if (record.document !== file) fail(`${what} names document ${record.document}, not ${file}`);
  if (record.source !== file && !record.source.startsWith(`${file}#`)) {
    fail(`${what} has source ${record.source}, not ${file} or ${file}#N`);
  }
  if (!FORMATS.includes(record.format)) fail(`${what} has unknown format ${record.format}`);
  for (const list of ["authors", "categories", "tags", "urls"] as const) {
    if (!Array.isArray(record[list])) fail(`${what} has no ${list} list`);
  }
  checkLine(record.line, what);
  if (record.year !== undefined && !Number.isInteger(record.year)) {
    fail(`${what} has year ${record.year}`);
  }
}

/** What a reader returns is well-formed: indexes in range, counts that add up, names that match. */
export function checkParsed(parsed: ParsedDocument, file: string): void {
  parsed.records.forEach((record, i) => {
    checkRecord(record, i, file);
  });
  checkDiagnostics(parsed.diagnostics, file);
  const n = parsed.records.length;
  for (const r of parsed.relations) {
    if (!(Number.isInteger(r.from) && Number.isInteger(r.to) && r.from >= 0 && r.to >= 0)) {
      fail(`relation ${r.from} → ${r.to} is not between record indexes`);
    }
    if (r.from >= n || r.to >= n) fail(`relation ${r.from} → ${r.to} points past ${n} records`);
  }
  const companion = parsed.collection?.companion;
  if (companion !== undefined && !(companion >= 0 && companion < n)) {
    fail(`collection companion ${companion} points past ${n} records`);
  }
  const counts = parsed.counts;
  if (counts) {
    const sum = counts.kept + counts.skipped + (counts.filtered ?? 0);
    if (counts.read !== sum)
      fail(`counts say ${counts.read} read but ${sum} kept+skipped+filtered`);
    if (counts.kept !== n) fail(`counts say ${counts.kept} kept but ${n} records came out`);
    const problems = parsed.diagnostics.filter((d) => d.severity !== "info").length;
    if (counts.skipped > 0 && problems === 0) {
      fail(`${counts.skipped} records skipped without a warning or error`);
    }
  }
}

const FILE_ID = "fuzz/input.txt";

/** One adapter, forced on the decoded text: never throws, well-formed, deterministic. */
export function checkAdapter(adapter: Adapter, input: FuzzCase): void {
  const decoded = decodeInput({ id: FILE_ID, bytes: caseBytes(input) });
  if (!decoded.ok) return;
  const first = adapter.parse(decoded.doc);
  checkParsed(first, FILE_ID);
  const second = adapter.parse(decoded.doc);
  if (!isDeepStrictEqual(first, second)) fail("two parses of the same text differ");
  const score = adapter.sniff(decoded.doc.text);
  if (typeof score !== "number" || Number.isNaN(score)) fail(`sniff scored ${score}`);
}

/** ingestFile on a file's bytes: never throws, never silent, never an adapter crash, deterministic. */
export function checkIngest(input: FuzzCase): IngestOutcome {
  const bytes = caseBytes(input);
  const outcome = ingestFile({ id: FILE_ID, bytes });
  if (outcome.state === "skipped") {
    if (outcome.diagnostics.length === 0) fail(`skipped (${outcome.reason}) without a diagnostic`);
    checkDiagnostics(outcome.diagnostics, FILE_ID);
  } else {
    checkParsed(outcome.parsed, FILE_ID);
    if (outcome.parsed.records.length === 0 && outcome.parsed.diagnostics.length === 0) {
      fail(`a ${bytes.length}-byte file gave no record and no diagnostic`);
    }
    const crash = outcome.parsed.diagnostics.find((d) => d.code === "adapter-failed");
    if (crash) fail(`an adapter crashed: ${crash.message}`);
    if (!outcome.parsed.records.every((r) => r.format === outcome.format)) {
      fail(`records of a ${outcome.format} document carry another format`);
    }
  }
  const again = ingestFile({ id: FILE_ID, bytes });
  if (!isDeepStrictEqual(outcome, again)) fail("two ingests of the same bytes differ");
  return outcome;
}

/** The sniffer: never throws, always a known format with a confidence in [0, 1], deterministic. */
export function checkSniff(input: FuzzCase): void {
  const decoded = decodeInput({ id: FILE_ID, bytes: caseBytes(input) });
  if (!decoded.ok) return;
  const result = sniffFormat(decoded.doc.text);
  if (!FORMATS.includes(result.format)) fail(`sniffed unknown format ${result.format}`);
  if (!(result.confidence >= 0 && result.confidence <= 1)) {
    fail(`sniffed with confidence ${result.confidence}`);
  }
  if (!isDeepStrictEqual(result, sniffFormat(decoded.doc.text))) fail("two sniffs differ");
}

let context: ExtractContext | undefined;

function extractContext(): ExtractContext {
  context ??= createExtractContext(readDataJson("taxonomy.json"), readDataJson("benchmarks.json"));
  return context;
}

/** The documents of some fuzz files, ingested and extracted as the pipeline does. */
function extractAll(inputs: readonly FuzzCase[]): DocumentExtraction[] {
  const documents: DocumentExtraction[] = [];
  inputs.forEach((input, i) => {
    const id = `fuzz/${i}.txt`;
    const outcome = ingestFile({ id, bytes: caseBytes(input) });
    if (outcome.state !== "parsed") return;
    documents.push({
      id,
      format: outcome.format,
      papers: outcome.parsed.records.map((record) => extractPaper(record, extractContext())),
      relations: outcome.parsed.relations,
      ...(outcome.parsed.collection ? { collection: outcome.parsed.collection } : {}),
    });
  });
  return documents;
}

/**
 * Every record's paper ends up in exactly one entity; no entity is empty; keys are unique. Resolve
 * may hand on a cleaned copy of a record (a link word taken out of its title), not the object it
 * was given, and records of one text file can share a source: so each record is looked for, by
 * source, in the entity `recordKeys` names, and the members of all entities add up to the records.
 */
export function checkResolve(documents: DocumentExtraction[]): void {
  const result = resolvePapers(documents);
  const byKey = new Map<string, PaperEntity>();
  let members = 0;
  for (const entity of result.entities) {
    if (byKey.has(entity.key)) fail(`two entities share the key ${entity.key}`);
    byKey.set(entity.key, entity);
    if (entity.members.length === 0) fail(`entity ${entity.key} has no member`);
    members += entity.members.length;
  }
  const keys = new Set(byKey.keys());
  documents.forEach((doc, d) => {
    doc.papers.forEach((paper, i) => {
      const key = result.recordKeys?.[d]?.[i];
      const entity = key === undefined ? undefined : byKey.get(key);
      if (!entity)
        fail(`record ${paper.record.source} is in no entity (recordKeys[${d}][${i}] = ${key})`);
      if (!entity?.members.some((member) => member.record.source === paper.record.source)) {
        fail(`record ${paper.record.source} is not among the members of ${key}`);
      }
    });
  });
  const total = documents.reduce((sum, doc) => sum + doc.papers.length, 0);
  if (members !== total) fail(`${members} members for ${total} records`);
  for (const relation of result.relations) {
    if (!keys.has(relation.a) || !keys.has(relation.b)) {
      fail(`relation ${relation.a} — ${relation.b} names an entity that does not exist`);
    }
  }
}

/** Records made up from small pools of ids and titles, so that merges and conflicts are common. */
const ARXIV_IDS = ["2401.00001", "2401.00002", "2312.11111", "2405.08603"];
const DOIS = ["10.1000/a", "10.1000/b", "10.1000/A"];
const TITLES = [
  "Large Language Models in Medicine",
  "large language models in medicine.",
  "LARGE LANGUAGE MODELS IN MEDICINE: A SURVEY",
  "Retrieval-Augmented Generation for Clinical Notes",
  "A Benchmark",
  "",
  "  ",
];
const TITLES_ZH = ["医学大模型综述", "检索增强生成", ""];
const REPOS = ["owner/one", "owner/two", "team/shared"];

const syntheticPaper = (source: string) =>
  fc
    .record(
      {
        arxiv: fc.constantFrom(...ARXIV_IDS),
        doi: fc.constantFrom(...DOIS),
        title: fc.oneof(fc.constantFrom(...TITLES), fc.string({ maxLength: 30 })),
        titleZh: fc.constantFrom(...TITLES_ZH),
        abstract: fc.string({ maxLength: 60 }),
        repo: fc.constantFrom(...REPOS),
        role: fc.constantFrom("main" as const, "related" as const, "listed" as const),
      },
      { requiredKeys: ["role"] },
    )
    .map(({ repo: repoName, ...fields }) =>
      makePaper(
        { source, ...fields },
        repoName
          ? {
              repos: [
                {
                  repo: repoName,
                  url: `https://github.com/${repoName}`,
                  evidence: { source, snippet: `github.com/${repoName}` },
                },
              ],
            }
          : {},
      ),
    );

const syntheticDocuments: fc.Arbitrary<DocumentExtraction[]> = fc
  .array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 4 })
  .chain((sizes) =>
    fc.tuple(
      ...sizes.map((size, d) =>
        fc.tuple(...Array.from({ length: size }, (_, i) => syntheticPaper(`doc${d}.txt#${i + 1}`))),
      ),
    ),
  )
  .map((docs) =>
    docs.map((papers, d) => ({
      id: `doc${d}.txt`,
      format: "text" as const,
      papers,
      relations: [],
    })),
  );

/** The GEXF and graph.json of a built graph read back to the same nodes, edges and key attributes. */
export function checkRoundTrip(graph: LitGraph): void {
  for (const version of ["1.2", "1.3"] as const) {
    const xml = writeGexf(graph, { version });
    const back = parseGexf(Graph, xml, { addMissingNodes: false });
    if (back.order !== graph.order)
      fail(`GEXF ${version}: ${back.order} nodes, not ${graph.order}`);
    if (back.size !== graph.size) fail(`GEXF ${version}: ${back.size} edges, not ${graph.size}`);
    if (!isDeepStrictEqual(back.nodes(), graph.nodes())) fail(`GEXF ${version}: node keys differ`);
    if (!isDeepStrictEqual(back.edges(), graph.edges())) fail(`GEXF ${version}: edge keys differ`);
    graph.forEachNode((key, a) => {
      const b = back.getNodeAttributes(key);
      const same =
        b.kind === a.kind &&
        b.label === stripInvalidXmlCharacters(a.label) &&
        b.community === a.community &&
        b.year === a.year &&
        b.arxiv === a.arxiv &&
        b.x === a.x &&
        b.y === a.y &&
        b.size === a.size;
      if (!same) fail(`GEXF ${version}: node ${key} reads back with other attributes`);
    });
    graph.forEachEdge((key, a) => {
      const b = back.getEdgeAttributes(key);
      if (b.kind !== a.kind || b.weight !== a.weight) {
        fail(`GEXF ${version}: edge ${key} reads back with kind ${b.kind}, weight ${b.weight}`);
      }
    });
  }
  const json = writeGraphJson(graph);
  const fromJson = readGraphJson(json, "graph.json");
  if (fromJson.order !== graph.order || fromJson.size !== graph.size) {
    fail(`graph.json: ${fromJson.order} nodes and ${fromJson.size} edges after re-reading`);
  }
  if (!isDeepStrictEqual(fromJson.export(), JSON.parse(json))) {
    fail("graph.json: re-read graph exports differently from the file");
  }
  if (writeGraphJson(fromJson) !== json)
    fail("graph.json: writing the re-read graph changes bytes");
}

/** Make sure XML written by the GEXF writer is well-formed (xmldom reports errors). */
export function checkWellFormedXml(xml: string): void {
  const parser = new DOMParser({
    errorHandler: {
      warning: () => {},
      error: (message: string) => fail(`GEXF is not well-formed: ${message}`),
      fatalError: (message: string) => fail(`GEXF is not well-formed: ${message}`),
    },
  });
  parser.parseFromString(xml, "application/xml");
}

function buildFrom(inputs: readonly FuzzCase[]): LitGraph {
  return buildGraph(
    {
      files: inputs.map((input, i) => ({ id: `fuzz/${i}.txt`, bytes: caseBytes(input) })),
      taxonomy: readDataJson("taxonomy.json"),
      benchmarks: readDataJson("benchmarks.json"),
    },
    { analyse: { layout: { iterations: 5, noverlapIterations: 2 } } },
  ).graph;
}

/** Every property, in the order they are reported. */
export function fuzzProperties(): FuzzProperty[] {
  const adapterProperties = ADAPTERS.map(
    (adapter): FuzzProperty => ({
      name: `adapter ${adapter.format}: parse never throws, well-formed, deterministic`,
      property: fc.property(inputFor(adapter.format), (input) => checkAdapter(adapter, input)),
      fuzzRuns: 10_000,
      testRuns: 60,
    }),
  );
  const duplicationProperties = ADAPTERS.map(
    (adapter): FuzzProperty => ({
      name: `adapter ${adapter.format}: a doubled document loses no record silently`,
      property: fc.property(inputFor(adapter.format), (input) => checkDuplication(adapter, input)),
      fuzzRuns: 2_000,
      testRuns: 15,
    }),
  );
  const files = fc.array(inputFor(undefined), { minLength: 1, maxLength: 3 });
  return [
    ...adapterProperties,
    ...duplicationProperties,
    {
      name: "sniffFormat: never throws, a known format, confidence in [0, 1], deterministic",
      property: fc.property(inputFor(undefined), (input) => checkSniff(input)),
      fuzzRuns: 10_000,
      testRuns: 200,
    },
    {
      name: "ingestFile: never throws, never silent, no adapter crash, deterministic",
      property: fc.property(inputFor(undefined), (input) => {
        checkIngest(input);
      }),
      fuzzRuns: 10_000,
      testRuns: 200,
    },
    {
      name: "ingestFile: UTF-8 and UTF-8/UTF-16 with a byte-order mark yield the same records",
      property: fc.property(inputFor(undefined), (input) => checkEncodingInvariance(input)),
      fuzzRuns: 3_000,
      testRuns: 50,
    },
    {
      name: "ingestFile (record files): every linked arXiv id is in a record or a diagnostic",
      property: fc.property(inputFor(undefined), (input) => checkArxivLinksKept(input)),
      fuzzRuns: 10_000,
      testRuns: 60,
    },
    {
      name: "resolvePapers (ingested files): each record in exactly one non-empty entity",
      property: fc.property(files, (inputs) => checkResolve(extractAll(inputs))),
      fuzzRuns: 2_000,
      testRuns: 20,
    },
    {
      name: "resolvePapers (made-up records): each record in exactly one non-empty entity",
      property: fc.property(syntheticDocuments, (documents) => checkResolve(documents)),
      fuzzRuns: 10_000,
      testRuns: 200,
    },
    {
      name: "GEXF 1.2/1.3 and graph.json: re-read keeps nodes, edges and key attributes",
      property: fc.property(files, (inputs) => {
        const graph = buildFrom(inputs);
        checkWellFormedXml(writeGexf(graph));
        checkRoundTrip(graph);
      }),
      fuzzRuns: 1_000,
      testRuns: 6,
    },
  ];
}

/** Inputs are grown by repetition to at least this many characters before timing. */
const TIMED_MIN_CHARS = 16_000;
/** Doubling an input may multiply the parse time by at most this much, plus the slack below. */
const TIME_RATIO_LIMIT = 3;
const TIME_SLACK_MS = 15;

function fastest(work: () => void, repeats: number): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    work();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

/**
 * Doubling a document by duplication must not multiply its parse time by much more than two:
 * the fastest of a few runs on x and on x+x, three tries before calling it a failure (timing noise).
 */
export function checkLinearTime(parse: (text: string) => void, input: FuzzCase): void {
  let text = caseText(input) ?? "";
  if (text.trim() === "") return;
  while (text.length < TIMED_MIN_CHARS) text = `${text}\n${text}`;
  const doubled = `${text}\n${text}`;
  let worst = "";
  for (let attempt = 0; attempt < 3; attempt++) {
    const single = fastest(() => parse(text), 2);
    const double = fastest(() => parse(doubled), 2);
    if (double <= TIME_RATIO_LIMIT * single + TIME_SLACK_MS) return;
    worst = `${text.length} chars took ${single.toFixed(1)} ms, doubled ${double.toFixed(1)} ms`;
  }
  fail(`parse time grows faster than the input: ${worst}`);
}

/** Timing properties, for `npm run fuzz` only (never a timing assertion in `npm test`). */
export function timingProperties(): FuzzProperty[] {
  const utf8Mutations = (format: FormatId | undefined) =>
    mutatedCase(format ? seedsOf(format) : loadSeeds()).map(
      (input): FuzzCase =>
        input.kind === "mutated" ? { ...input, encoding: "utf-8", noise: [] } : input,
    );
  return [
    ...ADAPTERS.map(
      (adapter): FuzzProperty => ({
        name: `adapter ${adapter.format}: doubling the input at most ~${TIME_RATIO_LIMIT}× the time`,
        property: fc.property(utf8Mutations(adapter.format), (input) =>
          checkLinearTime((text) => adapter.parse({ id: FILE_ID, text, encoding: "utf-8" }), input),
        ),
        fuzzRuns: 12,
        testRuns: 0,
      }),
    ),
    ...ADAPTERS.map(
      (adapter): FuzzProperty => ({
        name: `adapter ${adapter.format}: a repeated piece of syntax, doubled, at most ~${TIME_RATIO_LIMIT}× the time`,
        property: fc.property(repeatedSyntaxCase, (input) =>
          checkLinearTime((text) => adapter.parse({ id: FILE_ID, text, encoding: "utf-8" }), input),
        ),
        fuzzRuns: 60,
        testRuns: 0,
      }),
    ),
    {
      name: `ingestFile: doubling the input at most ~${TIME_RATIO_LIMIT}× the time`,
      property: fc.property(utf8Mutations(undefined), (input) =>
        checkLinearTime(
          (text) => ingestFile({ id: FILE_ID, bytes: new TextEncoder().encode(text) }),
          input,
        ),
      ),
      fuzzRuns: 30,
      testRuns: 0,
    },
  ];
}

/**
 * A document written out twice holds at least the records of one copy, or says why not: fewer
 * records from the doubled text with no more diagnostics than the single text is a silent loss.
 */
export function checkDuplication(adapter: Adapter, input: FuzzCase): void {
  const decoded = decodeInput({ id: FILE_ID, bytes: caseBytes(input) });
  if (!decoded.ok) return;
  const single = adapter.parse(decoded.doc);
  const text = decoded.doc.text;
  const twice = adapter.parse({
    ...decoded.doc,
    text: `${text}${text.endsWith("\n") ? "" : "\n"}${text}`,
  });
  const codes = (parsed: ParsedDocument) =>
    new Set(parsed.diagnostics.filter((d) => d.severity !== "info").map((d) => d.code));
  const before = codes(single);
  const news = [...codes(twice)].filter((code) => !before.has(code));
  if (twice.records.length < single.records.length && news.length === 0) {
    fail(
      `the doubled text gave ${twice.records.length} records, one copy ${single.records.length}, ` +
        `with no new kind of warning`,
    );
  }
}

/** Encodings a file may be saved in that announce themselves with a byte-order mark. */
const MARKED_ENCODINGS = ["utf-8-bom", "utf-16le-bom", "utf-16be-bom"] as const;

/** What a document yields, apart from how its bytes were decoded. */
function yieldOf(outcome: IngestOutcome): unknown {
  if (outcome.state === "skipped") return { skipped: outcome.reason };
  const { records, relations, collection, counts } = outcome.parsed;
  return { format: outcome.format, records, relations, collection, counts };
}

/**
 * The same text (without control characters) saved as UTF-8 or with a UTF-8/UTF-16 byte-order
 * mark yields the same records.
 */
export function checkEncodingInvariance(input: FuzzCase): void {
  const text = caseText(input);
  // Text files hold no NUL or other C0 controls; with them, zero bytes tell UTF-16 or binary.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the controls are what is excluded
  if (text === undefined || /[\u0000-\u0008\u000e-\u001f]/.test(text)) return;
  const plain = ingestFile({ id: FILE_ID, bytes: encodeText(text, "utf-8") });
  if (plain.state === "skipped") return;
  for (const encoding of MARKED_ENCODINGS) {
    const other = ingestFile({ id: FILE_ID, bytes: encodeText(text, encoding) });
    if (!isDeepStrictEqual(yieldOf(plain), yieldOf(other))) {
      const count = (o: IngestOutcome) =>
        o.state === "parsed" ? `${o.format}, ${o.parsed.records.length} records` : o.reason;
      fail(`as ${encoding} the text gives ${count(other)}; as UTF-8 ${count(plain)}`);
    }
  }
}

/**
 * Formats that are files of paper records, every entry a paper. Not the arXiv feed: its reader
 * takes the `<entry>` blocks and ignores text between them unreported.
 */
const RECORD_FORMATS: ReadonlySet<FormatId> = new Set([
  "bibtex",
  "ris",
  "csl-json",
  "arxiv-snapshot",
]);

/** An arXiv abstract or PDF link with a new-style id (`2401.01234`), as documents link papers. */
const ARXIV_LINK = /arxiv\.org\/(?:abs|pdf)\/(\d{4}\.\d{4,5})(?![\d.])/gi;

/**
 * No paper vanishes without a word: every arXiv id a file of paper records (BibTeX, RIS, CSL-JSON, arXiv
 * snapshot) links to is the id of one of its
 * records, sits inside a kept record (a note field), or a diagnostic names it or reports an
 * entry before it.
 */
export function checkArxivLinksKept(input: FuzzCase): void {
  const bytes = caseBytes(input);
  const decoded = decodeInput({ id: FILE_ID, bytes });
  if (!decoded.ok) return;
  const outcome = ingestFile({ id: FILE_ID, bytes });
  if (outcome.state !== "parsed") return;
  // Pages and lists link more than their papers (references, sidebars, a contributing
  // section's template entry): only files of records must account for every link.
  if (!RECORD_FORMATS.has(outcome.format)) return;
  const { records, diagnostics } = outcome.parsed;
  // A document read as nothing says so (`no-records`): the property is about partial losses.
  if (records.length === 0) return;
  const text = decoded.doc.text;
  const kept = new Set(outcome.parsed.records.map((r) => r.arxiv));
  const kept2 = outcome.parsed.records
    .map((r) => `${r.urls.join(" ")} ${r.abstract ?? ""} ${r.summary ?? ""}`)
    .join(" ");
  const messages = outcome.parsed.diagnostics.map((d) => d.message).join("\n");
  const problemLines = diagnostics
    .filter((d) => d.severity !== "info" && d.line !== undefined)
    .map((d) => d.line ?? 0);
  const recordLines = records.map((r) => r.line ?? 0);
  const lastAtOrBefore = (values: number[], line: number) =>
    Math.max(-1, ...values.filter((v) => v <= line));
  for (const match of text.matchAll(ARXIV_LINK)) {
    const id = match[1] ?? "";
    if (kept.has(id) || messages.includes(id) || kept2.includes(id)) continue;
    const line = text.slice(0, match.index).split("\n").length;
    // Inside a kept record (a note field), or after a warning or error that reports its entry.
    if (Math.max(lastAtOrBefore(problemLines, line), lastAtOrBefore(recordLines, line)) >= 1) {
      continue;
    }
    fail(
      `arXiv ${id} (line ${line}) is in no record and no diagnostic of this ${outcome.format} document`,
    );
  }
}
