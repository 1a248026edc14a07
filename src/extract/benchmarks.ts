// Benchmark mentions: gazetteer names (data/benchmarks.json) found on word boundaries, plus names the
// gazetteer lacks (`XxxBench`, `Xxx-Bench`, `XxxQA`, `Xxx-Eval`) that the text calls a benchmark or
// dataset. Each mention says whether the record introduces the benchmark or evaluates on it.
import type { PaperRecord } from "../ingest/types.ts";
import type { ProseField } from "./fields.ts";
import { isTitleField, listProseFields } from "./fields.ts";
import type { PhraseMatcher, PhraseSpec } from "./phrase-matcher.ts";
import { createPhraseMatcher, isWordPhrase, matchPhrases } from "./phrase-matcher.ts";
import { compactSlug, slugify } from "./slug.ts";
import { clipText, findSentenceBounds, snippetAround } from "./snippet.ts";
import type { BenchmarkDefinition, BenchmarkMention, BenchmarkRelation } from "./types.ts";

/** A gazetteer ready for matching. */
export interface CompiledGazetteer {
  readonly matcher: PhraseMatcher<BenchmarkDefinition>;
  /** Every name and alias by `compactSlug`, so that `Med-QA` is known as `MedQA`. */
  readonly byCompactName: ReadonlyMap<string, BenchmarkDefinition>;
}

const COMPILED = new WeakMap<readonly BenchmarkDefinition[], CompiledGazetteer>();

// ── Discovery ─────────────────────────────────────────────────────────────────────────────────
/** Names built like benchmark names: CliMedBench, MedS-Bench, C-Eval, PubMedQA, PathVQA. */
const BENCHMARK_LIKE_NAME =
  /(?<![A-Za-z0-9])(?:[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*?-?(?:Bench|Eval)|[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*?-?V?QA)(?![A-Za-z0-9]|-[A-Z0-9])/g;
const QUICK_CHECK = /Bench|Eval|QA/;

const CUE =
  "(?:benchmarks?|datasets?|data sets?|test sets?|testbeds?|evaluation suites?|leaderboards?)";
/** A cue word used as an adjective (`a benchmark LLM`) does not make a benchmark. */
const NOT_A_BENCHMARK_HEAD = String.raw`(?!\s+(?:LLMs?|models?|methods?|systems?|frameworks?|approach))`;
const LIST_SEPARATOR = String.raw`(?:,|、|，|\band\b|\bor\b|和|与|及)`;
const NAME_TOKEN = String.raw`(?:the\s+)?[A-Za-z0-9][\w-]*`;

/** "XyzQA dataset", "XyzQA, AbcQA and DefQA benchmarks", "XyzQA数据集". */
const FOLLOWED_BY_CUE = new RegExp(
  String.raw`^(?:\s*${LIST_SEPARATOR}\s*${NAME_TOKEN})*\s*-?\s*(?:${CUE}|基准|数据集|评测集|测试集)${NOT_A_BENCHMARK_HEAD}`,
  "i",
);
/** "XyzQA: a dataset for …", "XyzQA, a new benchmark …", "XyzQA is a benchmark …". */
const APPOSITIVE_CUE = new RegExp(
  String.raw`^\s*(?:[:：,，(（—–]\s*|\s+(?:is|was|serves as|as|represents)\s+)((?:[\w-]+\s+){0,6}?)${CUE}\b${NOT_A_BENCHMARK_HEAD}`,
  "i",
);
const APPOSITIVE_CUE_ZH = /^\s*(?:[:：,，(（]|是|为)[^。；]{0,20}?(?:基准|数据集|评测集|测试集)/;
/** Words that show the appositive describes something other than a benchmark (a model, a method). */
const NOT_BENCHMARK_WORDS =
  /\b(?:model|llm|method|framework|system|approach|agent|assistant|chatbot|architecture|that|which|on|outperform\w*|achiev\w*)\b/i;
/** "benchmarks such as MedQA, XyzQA", "datasets (XyzQA, …", "数据集包括XyzQA、…". */
const LISTED_AFTER_CUE = new RegExp(
  String.raw`(?:${CUE}|基准|数据集|评测集)\s*(?:(?:such as|including|like|namely|e\.g\.,?|i\.e\.,?|包括|如|例如)\s*|[(:（：]\s*)(?:${NAME_TOKEN}\s*${LIST_SEPARATOR}\s*)*$`,
  "i",
);
/** "we evaluate on MedQA and XyzQA", "accuracy on XyzQA". */
const EVALUATED_ON = new RegExp(
  String.raw`\b(?:evaluat\w*|test(?:ed|ing|s)?|benchmark(?:ed|ing|s)?|experiments?|results?|accuracy|performance|scores?|assess\w*|validat\w*)\b[^.;!?]{0,80}?\b(?:on|using|across|against)\s+(?:${NAME_TOKEN}\s*(?:,|\band\b|\bor\b)\s*)*(?:the\s+)?$`,
  "i",
);
const EVALUATED_ON_ZH_BEFORE = new RegExp(
  String.raw`在\s*(?:${NAME_TOKEN}\s*${LIST_SEPARATOR}\s*)*$`,
);
const EVALUATED_ON_ZH_AFTER =
  /^[^。；]{0,20}?(?:上|中)[^。；]{0,10}?(?:评测|评估|测试|实验|验证|表现|取得)/;
const CONTEXT_CUE =
  /benchmark|dataset|data set|test set|evaluat|leaderboard|accuracy|score|pass@|基准|数据集|评测|评估|测试集|准确率/i;
const ANY_CUE = /benchmark|dataset|data set|test set|evaluat|assess|基准|数据集|评测|评估|测试集/i;

// ── Relation ──────────────────────────────────────────────────────────────────────────────────
/**
 * "we present / introduce / propose / construct / build / release … X"; digest sites write of the
 * paper's authors in the third person ("the authors assemble X").
 */
const INTRODUCED_BY_US =
  /\b(?:we|our|this (?:paper|work|study|article)|here|the authors|they)\b[^.;!?]*?\b(?:present|introduc|propos|construct|buil|releas|develop|creat|curat|design|establish|contribut|collect|assembl|compil)\w*\b([^.;!?]*)$/i;
/** Between the verb and the name, these show the name is used, not made ("propose a method and test it on X"). */
const USED_NOT_MADE =
  /\b(?:on|using|with|across|against|from|over|via|by|than|upon|such as|including|like|evaluat\w*|test\w*|compar\w*|outperform\w*|achiev\w*|fine-tun\w*|train\w*|surpass\w*|exceed\w*)\b/i;
const INTRODUCED_BY_US_ZH =
  /(?:本文|我们|本研究|本工作|作者)[^。；！？]*?(?:提出|构建|推出|发布|建立|设计|开发|创建|引入|收集|整理)了?([^。；！？]{0,30})$/;
const USED_NOT_MADE_ZH = /在|基于|使用|利用|上/;
/** "X is a (new) … benchmark". */
const IS_A_BENCHMARK =
  /^\s*(?:is|serves as|constitutes)\s+(?:an?|the|our)\s+((?:[\w-]+\s+){0,6}?)(?:benchmark|dataset|data set|evaluation suite|test set|testbed)\b/i;
/** A title naming a dataset after the name: "Benchmarking LLMs on X -- A Comprehensive … Dataset". */
const TITLE_NAMES_DATASET =
  /^\s*(?:[:：]|--|—|–|-)\s*(?:an?|the)\s+(?:[\w-]+\s+){0,6}?(?:benchmark|dataset|data set|test set|evaluation suite)\b/i;
const IS_A_BENCHMARK_ZH =
  /^\s*(?:是|为)(?:一个|一套|一项)?([^。；，,]{0,20}?)(?:基准|评测集|数据集)/;
/** "X is a widely used benchmark" describes someone else's benchmark. */
const SOMEONE_ELSES =
  /\b(?:widely|popular|standard|well-known|existing|common|commonly|public|publicly|established|classic|used|prior|previous|representative)\b|广泛|常用|公开|经典|现有|已有|主流/i;

type SearchField = ProseField | "tag";

interface Occurrence {
  key: string;
  name: string;
  slug: string;
  known: boolean;
  field: SearchField;
  text: string;
  start: number;
  end: number;
  /** For a discovered name: the text calls it a benchmark here. Always true for gazetteer names. */
  qualifies: boolean;
  introduces: boolean;
}

/**
 * Compile a gazetteer (cached per array, so a context compiles it once). A name or alias written
 * without lower-case letters (`CMB`, `MMLU`, `MIRAGE`) matches case-sensitively; others ignore case.
 * A match continued by a hyphenated capital (`MMLU` in `MMLU-Pro`) does not count.
 */
export function compileGazetteer(gazetteer: readonly BenchmarkDefinition[]): CompiledGazetteer {
  const cached = COMPILED.get(gazetteer);
  if (cached) return cached;
  const specs: PhraseSpec<BenchmarkDefinition>[] = [];
  const byCompactName = new Map<string, BenchmarkDefinition>();
  for (const definition of gazetteer) {
    for (const phrase of [definition.name, ...definition.aliases]) {
      const caseSensitive =
        definition.caseSensitive === true ||
        definition.needsContext === true ||
        !/[a-z]/.test(phrase) ||
        !isWordPhrase(phrase);
      specs.push({ phrase, value: definition, caseSensitive, plural: false });
      const compact = compactSlug(phrase);
      if (compact && !byCompactName.has(compact)) byCompactName.set(compact, definition);
    }
  }
  const compiled = {
    matcher: createPhraseMatcher(specs, { rejectHyphenatedContinuation: true }),
    byCompactName,
  };
  COMPILED.set(gazetteer, compiled);
  return compiled;
}

/**
 * The benchmarks a record names, one mention per benchmark, in order of first appearance.
 * Gazetteer names always count. A name found by its shape counts only where the text calls it a
 * benchmark or dataset (`X: A … Benchmark for …`, `X, a benchmark …`, `the X dataset`, `benchmarks
 * such as X`, `evaluated on X`; for `…Bench`/`…Eval` names, any benchmark or evaluation word in the
 * sentence). The relation is `introduces` when the record presents it (the name leads the title
 * before a colon, or a title calls it "X -- A … Dataset"; "we / the authors present, introduce,
 * propose, construct, build, release … X"; "X is a (new) … benchmark"), otherwise `evaluates`; the
 * introducing words are then the evidence.
 */
export function findBenchmarks(
  record: PaperRecord,
  gazetteer: readonly BenchmarkDefinition[],
): BenchmarkMention[] {
  const compiled = compileGazetteer(gazetteer);
  const texts: Array<{ field: SearchField; text: string }> = listProseFields(record);
  for (const tag of record.tags) texts.push({ field: "tag", text: tag });

  const occurrences: Occurrence[] = [];
  for (const { field, text } of texts) {
    const found: Occurrence[] = [];
    for (const hit of matchPhrases(compiled.matcher, text)) {
      found.push(createKnownOccurrence(hit.value, field, text, hit.start, hit.end));
    }
    if (QUICK_CHECK.test(text)) {
      for (const match of text.matchAll(BENCHMARK_LIKE_NAME)) {
        const start = match.index;
        const end = start + match[0].length;
        const known = compiled.byCompactName.get(compactSlug(match[0]));
        if (known) found.push(createKnownOccurrence(known, field, text, start, end));
        else if (looksLikeName(match[0])) {
          found.push(createDiscoveredOccurrence(match[0], field, text, start, end));
        }
      }
    }
    found.sort((a, b) => a.start - b.start);
    for (const occurrence of found) occurrences.push(occurrence);
  }
  return collectMentions(record.source, occurrences);
}

function collectMentions(source: string, occurrences: readonly Occurrence[]): BenchmarkMention[] {
  const groups = new Map<string, Occurrence[]>();
  for (const occurrence of occurrences) {
    const group = groups.get(occurrence.key);
    if (group) group.push(occurrence);
    else groups.set(occurrence.key, [occurrence]);
  }
  const mentions: BenchmarkMention[] = [];
  for (const group of groups.values()) {
    if (!group.some((occurrence) => occurrence.qualifies)) continue;
    const introducing = group.find((occurrence) => occurrence.introduces);
    const chosen = introducing ?? group.find((occurrence) => occurrence.qualifies);
    const first = group[0];
    if (!chosen || !first) continue;
    const relation: BenchmarkRelation = introducing ? "introduces" : "evaluates";
    mentions.push({
      slug: first.slug,
      name: first.name,
      relation,
      known: first.known,
      evidence: { source, snippet: quoteOccurrence(chosen) },
    });
  }
  return mentions;
}

function createKnownOccurrence(
  definition: BenchmarkDefinition,
  field: SearchField,
  text: string,
  start: number,
  end: number,
): Occurrence {
  return {
    key: `known:${definition.slug}`,
    name: definition.name,
    slug: definition.slug,
    known: true,
    field,
    text,
    start,
    end,
    qualifies: definition.needsContext !== true || hasBenchmarkContext(field, text, start, end),
    introduces: field !== "tag" && isIntroduced(field, text, start, end),
  };
}

function createDiscoveredOccurrence(
  name: string,
  field: SearchField,
  text: string,
  start: number,
  end: number,
): Occurrence {
  const introduces = field !== "tag" && isIntroduced(field, text, start, end);
  return {
    key: `found:${compactSlug(name)}`,
    name,
    slug: slugify(name),
    known: false,
    field,
    text,
    start,
    end,
    qualifies: field !== "tag" && isCalledBenchmark(name, field, text, start, end),
    introduces,
  };
}

/**
 * For an ambiguous short name (`ARC`, `MATH`): the sentence speaks of benchmarks or evaluation, or the
 * name is in a list ("MMLU, ARC and GSM8K").
 */
function hasBenchmarkContext(
  field: SearchField,
  text: string,
  start: number,
  end: number,
): boolean {
  if (field === "tag") return false;
  const [from, to] = findSentenceBounds(text, start, end);
  if (CONTEXT_CUE.test(text.slice(from, to))) return true;
  const before = text.slice(Math.max(from, start - 3), start);
  const after = text.slice(end, Math.min(to, end + 3));
  return /[,、，]\s*$/.test(before) || /^\s*[,、，]/.test(after);
}

/** A `…QA` name needs a lower-case letter: all-capital `MCQA`, `VQA`, `LFQA` name tasks, not datasets. */
function looksLikeName(name: string): boolean {
  return !/QA$/.test(name) || /[a-z]/.test(name);
}

function isCalledBenchmark(
  name: string,
  field: SearchField,
  text: string,
  start: number,
  end: number,
): boolean {
  if (field !== "tag" && leadsTitle(field, text, start, end)) return ANY_CUE.test(text);
  const [from, to] = findSentenceBounds(text, start, end);
  const before = text.slice(from, start);
  const after = text.slice(end, to);
  if (/(?:Bench|Eval)$/.test(name) && ANY_CUE.test(text.slice(from, to))) return true;
  if (FOLLOWED_BY_CUE.test(after) || APPOSITIVE_CUE_ZH.test(after)) return true;
  const appositive = APPOSITIVE_CUE.exec(after);
  if (appositive && !NOT_BENCHMARK_WORDS.test(appositive[1] ?? "")) return true;
  if (LISTED_AFTER_CUE.test(before) || EVALUATED_ON.test(before)) return true;
  return EVALUATED_ON_ZH_BEFORE.test(before) && EVALUATED_ON_ZH_AFTER.test(after);
}

function isIntroduced(field: ProseField, text: string, start: number, end: number): boolean {
  if (leadsTitle(field, text, start, end)) return true;
  if (isTitleField(field) && TITLE_NAMES_DATASET.test(text.slice(end))) return true;
  const [from, to] = findSentenceBounds(text, start, end);
  const before = text.slice(from, start);
  const after = text.slice(end, to);
  const byUs = INTRODUCED_BY_US.exec(before);
  if (byUs && !USED_NOT_MADE.test(byUs[1] ?? "") && countWords(byUs[1] ?? "") <= 12) return true;
  const byUsZh = INTRODUCED_BY_US_ZH.exec(before);
  if (byUsZh && !USED_NOT_MADE_ZH.test(byUsZh[1] ?? "")) return true;
  const isA = IS_A_BENCHMARK.exec(after) ?? IS_A_BENCHMARK_ZH.exec(after);
  return isA !== null && !SOMEONE_ELSES.test(isA[1] ?? "");
}

/** The name opens the title and a colon follows it: "CliMedBench: A Large-Scale Chinese Benchmark …". */
function leadsTitle(field: ProseField, text: string, start: number, end: number): boolean {
  return (
    isTitleField(field) && text.slice(0, start).trim() === "" && /^\s*[:：]/.test(text.slice(end))
  );
}

function quoteOccurrence(occurrence: Occurrence): string {
  if (occurrence.field === "tag" || isTitleField(occurrence.field))
    return clipText(occurrence.text);
  return snippetAround(occurrence.text, occurrence.start, occurrence.end);
}

function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
