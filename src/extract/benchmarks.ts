// Benchmark mentions: gazetteer names (data/benchmarks.json) found on word boundaries, plus names the
// gazetteer lacks that the text presents as a benchmark or dataset ("we introduce X, a benchmark …",
// "the X dataset", "evaluated on X and Y", "X数据集", a title "X: A … Benchmark", an acronym defined
// after its long name). The cue words are data (benchmark-cues.json). Each mention says whether the
// record introduces the benchmark or evaluates on it.
import type { PaperRecord } from "../ingest/types.ts";
import cues from "./benchmark-cues.json" with { type: "json" };
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

// ── Cue words, from benchmark-cues.json ───────────────────────────────────────────────────────
function escapeRegExp(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** An alternation of phrases, longest first (so `data sets` wins over `data`), spaces as any space. */
function alternation(words: readonly string[]): string {
  const unique = [...new Set(words)].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  return unique.map((word) => escapeRegExp(word).replace(/ /g, String.raw`\s+`)).join("|");
}

function lowerSet(words: readonly string[]): Set<string> {
  return new Set(words.map((word) => word.toLowerCase()));
}

/** Words that call a thing a benchmark wherever they stand next to its name. */
const NOUN = `(?:${alternation(cues.nouns)})`;
/** Words that call a thing a benchmark when they head its description ("X: a … test"). */
const DESCRIPTION_NOUN = `(?:${alternation([...cues.nouns, ...cues.descriptionNouns])})`;
const NOUN_ZH = `(?:${alternation(cues.nounsZh)})`;
/** Words that say a thing is something else: a model, a method, a framework, a metric. */
const OTHER_NOUN = `(?:${alternation(cues.notBenchmarkNouns)})`;
const OTHER_NOUN_ZH = `(?:${alternation(cues.notBenchmarkNounsZh)})`;

const LIST_SEPARATOR = String.raw`(?:,\s*(?:and|or)\b|,|、|，|\band\b|\bor\b|&|和|与|及|以及)`;
/** A name in a list: one word, or up to three capitalised ones ("Rhythmic Gymnastics and Fis-V"). */
const NAME_TOKEN = String.raw`(?:the\s+)?[A-Za-z0-9][\w.+-]*`;
const NAME_LIST = String.raw`(?:${NAME_TOKEN}\s*${LIST_SEPARATOR}\s*)*`;
const LIST_CONTINUES = String.raw`(?:\s*${LIST_SEPARATOR}\s*${NAME_TOKEN})*`;

/** "XyzQA dataset", "XyzQA, AbcQA and DefQA benchmarks", "XyzQA数据集" — unless a model word heads it. */
const FOLLOWED_BY_NOUN = new RegExp(
  String.raw`^${LIST_CONTINUES}\s*-?\s*(?:\b${NOUN}\b(?!-)|${NOUN_ZH})(?!\s*-?\s*(?:\b${OTHER_NOUN}\b|${OTHER_NOUN_ZH}))`,
  "i",
);
/** "the Spider dataset": a benchmark word right after the name. */
const FOLLOWED_DIRECTLY = new RegExp(String.raw`^\s*-?\s*\b${NOUN}\b(?!-)`, "i");
/** "a new large-scale fMRI dataset": after an indefinite article the word before a benchmark word is a modifier. */
const INDEFINITE_BEFORE = /\b(?:an?|one|another)\s+(?:[\w-]+,?\s+){0,4}$/i;
/** "在四个TESS基准上", "在四个不同TST数据集上": a count before the name makes it a kind of benchmark. */
const COUNT_BEFORE_ZH =
  /(?:(?:[二三四五六七八九十两几多]|\d+)\s*(?:个|项|种|类)\s*[\u3400-\u9fff]{0,4}|一\s*(?:个|项|种|类))\s*$/;
/** "Charades - STA": one part of a hyphenated name written with spaces. */
const SPACED_HYPHEN = /[A-Za-z0-9]\s+-\s*$|^\s*-\s+[A-Za-z0-9]/;
/** "six TAG datasets", "RAG benchmarks": one name before a plural names a kind of benchmark, not one. */
const FOLLOWED_BY_PLURAL = new RegExp(
  String.raw`^\s*-?\s*\b(?:${alternation(cues.nouns.filter((noun) => /(?:s|corpora)$/.test(noun)))})\b`,
  "i",
);
/** "the dataset STATE ToxiCN": another capitalised word goes on the name. */
const FOLLOWED_BY_NAME = /^\s+[A-Z][\w-]*/;
const ENDS_LIST = new RegExp(String.raw`[A-Za-z0-9]\s*${LIST_SEPARATOR}\s*$`);
/** "ChatEval framework", "GPT-4 model", "X框架". */
const FOLLOWED_BY_OTHER = new RegExp(
  String.raw`^\s*-?\s*(?:(?:based|style|like)\b|\b${OTHER_NOUN}\b|${OTHER_NOUN_ZH})`,
  "i",
);
/** "benchmarks such as MedQA, XyzQA", "datasets (XyzQA, …", "数据集包括XyzQA、…". */
const LISTED_AFTER_NOUN = new RegExp(
  String.raw`(?:\b${NOUN}\s*(?:,?\s*(?:such as|including|like|namely|e\.g\.,?|i\.e\.,?)\s*|[(:（：]\s*)|${NOUN_ZH}\s*(?:(?:包括|如|例如|涵盖)\s*|[(:（：]\s*)?)${NAME_LIST}$`,
  "i",
);
/**
 * "a novel benchmark, WikiTabGen", "three benchmark datasets, RST-DT, Instr-DT and …": a name in
 * apposition to a benchmark noun that an article or a count introduces.
 */
const APPOSITIVE_AFTER_NOUN = new RegExp(
  String.raw`\b(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|several|\d+)\s+(?:[\w-]+\s+){0,4}?${NOUN}\s*,\s*${NAME_LIST}$`,
  "i",
);
/** "our benchmark dataset MolPatent-240", "the simulation benchmark BTSIMBENCH": the noun names it. */
const NOUN_BEFORE = new RegExp(String.raw`\b${NOUN}\s+$`, "i");
/** "metrics such as G-Eval and GPTScore", "models like X". */
const LISTED_AFTER_OTHER = new RegExp(
  String.raw`(?:\b${OTHER_NOUN}|${OTHER_NOUN_ZH})\s*(?:(?:such as|including|like|namely|e\.g\.,?|包括|如|例如)\s*|[(:（：]\s*)${NAME_LIST}$`,
  "i",
);
/** "a benchmark called X", "a new dataset, named X", "a model named X" (group 1 tells which). */
const CALLED = new RegExp(
  String.raw`\b(${NOUN}|${OTHER_NOUN})\b[\w\s,-]{0,30}?\b(?:${alternation(cues.calledWords)})\s*[:"“'‘]?\s*${NAME_LIST}$`,
  "i",
);
const CALLED_ZH = new RegExp(String.raw`(?:${alternation(cues.calledWordsZh)})\s*[“"「《]?\s*$`);
const CALLED_ZH_AFTER_NOUN = new RegExp(String.raw`^\s*[”"」》]?\s*的?\s*(?:${NOUN_ZH})`);
const CALLED_ZH_AFTER_OTHER = new RegExp(String.raw`^\s*[”"」》]?\s*的?\s*(?:${OTHER_NOUN_ZH})`);

const EVALUATION_WORD = `(?:${alternation(cues.evaluationWordStems)})\\w*`;
/** Words of one sentence between an evaluation word and its "on": a decimal point ("5.49%") is no sentence end. */
const SAME_SENTENCE = String.raw`(?:[^.;!?]|(?<=\d)\.(?=\d))`;
/** "we evaluate on MedQA and XyzQA", "accuracy on XyzQA". */
const EVALUATED_ON = new RegExp(
  String.raw`\b${EVALUATION_WORD}\b${SAME_SENTENCE}{0,80}?\b(?:on|across)\s+${NAME_LIST}(?:the\s+)?$`,
  "i",
);
/** Also "using", "against" — only for names built like benchmark names (`…Bench`, `…QA`). */
const EVALUATED_USING = new RegExp(
  String.raw`\b${EVALUATION_WORD}\b${SAME_SENTENCE}{0,80}?\b(?:on|using|across|against)\s+${NAME_LIST}(?:the\s+)?$`,
  "i",
);
const EVALUATED_ON_ZH_BEFORE = new RegExp(String.raw`在\s*${NAME_LIST}$`);
const EVALUATED_ZH_WORD = "(?:评测|评估|测试|实验|验证|表现|取得|结果|性能|准确率|达到|超越|优于)";
const EVALUATED_ON_ZH_AFTER = new RegExp(
  `^[^。；]{0,20}?(?:上|中)[^。；]{0,10}?${EVALUATED_ZH_WORD}`,
);
/** For names not built like benchmark names: only list words or a benchmark word before 上/中. */
const EVALUATED_ON_ZH_AFTER_STRICT = new RegExp(
  String.raw`^${LIST_CONTINUES}\s*等?\s*(?:${NOUN_ZH})?\s*(?:上|中)[^。；]{0,10}?${EVALUATED_ZH_WORD}`,
);
const CONTEXT_CUE =
  /benchmark|dataset|data set|test set|evaluat|leaderboard|accuracy|score|pass@|基准|数据集|评测|评估|测试集|准确率/i;
const ANY_CUE = new RegExp(
  `${alternation(cues.nouns)}|evaluat|assess|${alternation(cues.nounsZh)}|评测|评估`,
  "i",
);

// ── Describing words after a name ─────────────────────────────────────────────────────────────
/** "X, a (new) …", "X: A …", "X is a …", "X (a …", "X — the first …". */
const DESCRIPTION_START =
  /^\s*(?:(?:[:：,，]|--|—|–)\s*|\s+(?:is|was|serves as|as|represents|constitutes)\s+)/i;
/** Words after which a description is about something else than the name's kind. */
const DESCRIPTION_STOP =
  /\b(?:for|to|that|which|with|on|in|from|by|of|designed|covering|comprising|consisting|spanning|where|who|we|our\s+\w+\s+(?:on|for))\b|[.;!?。；]/i;
/** "On our benchmark X, the agent beats …": a name that ends an opening phrase is followed by the main clause. */
const INTRODUCTORY_PHRASE = /^(?:On|In|Across|For|Using|With|Under|From)\b[^,;:]*$/;
const NO_DESCRIPTION: { verdict: Verdict; isNew: boolean; appositive?: boolean } = {
  verdict: undefined,
  isNew: false,
};
/** "On X, PatentFinder outperforms …": after a comma, a capitalised word opens a new clause. */
const NEW_SUBJECT =
  /^\s*[,，]\s*(?!(?:A|An|The|Our|One|This)\b)[A-Z][\w.+-]*\s+(?!(?:and|or)\b)[a-z]/;
/** "X, and our corpus …", "X, which …": the clause goes on; what follows does not describe X. */
const CLAUSE_GOES_ON =
  /^(?:and|or|but|while|whereas|which|where|who|when|then|as well as|so|yet)\b/i;
const DESCRIPTION_NOUN_RE = new RegExp(
  String.raw`(?<!-)\b${DESCRIPTION_NOUN}\b(?!-)(?!\s*-?\s*\b${OTHER_NOUN}\b)`,
  "i",
);
const OTHER_NOUN_RE = new RegExp(String.raw`(?<!-)\b${OTHER_NOUN}\b(?!-)`, "i");
/** Words that name a container, whose contents follow "of": "a suite of models". */
const CONTAINER_END = /\b(?:suite|collection|family|series|set)\s*$/i;
const EVALUATING_GERUND =
  /^(?:benchmarking|evaluating|assessing|measuring|testing|probing|quantifying|diagnosing)\b/i;
const DESCRIPTION_NOUN_GLOBAL = new RegExp(DESCRIPTION_NOUN_RE.source, "gi");
const OTHER_NOUN_GLOBAL = new RegExp(OTHER_NOUN_RE.source, "gi");

/** What the last noun of a phrase calls it: a benchmark word or another kind of thing. */
function headOf(phrase: string): Verdict {
  const [benchmarkAt, benchmarkEnd] = lastMatch(DESCRIPTION_NOUN_GLOBAL, phrase);
  const [otherAt] = lastMatch(OTHER_NOUN_GLOBAL, phrase);
  // "a benchmarking framework": the other noun inside a benchmark phrase does not count.
  if (benchmarkAt >= 0 && (benchmarkAt > otherAt || otherAt < benchmarkEnd)) return "benchmark";
  return otherAt >= 0 ? "other" : undefined;
}

/** Where the last match of a global pattern starts and ends in `text`, or [-1, -1]. */
function lastMatch(pattern: RegExp, text: string): [number, number] {
  let found: [number, number] = [-1, -1];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    found = [match.index, match.index + match[0].length];
    if (match[0] === "") pattern.lastIndex++;
  }
  return found;
}
const NEW_WORD = new RegExp(
  String.raw`^(?:(?:the|a|an)\s+)?(?:${alternation(cues.newWords)})\b`,
  "i",
);
const DESCRIPTION_START_ZH =
  /^\s*(?:[:：,，(（]|——|—|–|-)?\s*(?:是|为|即)?\s*(?:一个|一套|一项|一种|首个|第一个)?/;
/** "X：针对RAG系统…", "X，用于…": a phrase that opens with a preposition says what X is for, not what it is. */
const PREPOSITION_ZH = /^(?:针对|面向|用于|基于|通过|利用|为了|旨在|对于|关于|在)/;

/** True unless a 的 in the same clause makes the phrase a modifier: "一个面向中医的…基准" is a benchmark. */
function opensWithPrepositionZh(rest: string): boolean {
  return PREPOSITION_ZH.test(rest) && !/^[^，,。；;]*的/.test(rest);
}
/** In Chinese the head comes last: "一个在视频基准测试中表现卓越的LVLM" is a model. */
const HEAD_ZH = new RegExp(
  String.raw`(${NOUN_ZH})|(${OTHER_NOUN_ZH}|\b(?:${alternation([...cues.notBenchmarkNouns, ...cues.notNames.filter((word) => /^[A-Z]+s?$/.test(word))])})\b)`,
  "g",
);

// ── Relation ──────────────────────────────────────────────────────────────────────────────────
/**
 * "we present / introduce / propose / construct / build / release … X"; digest sites write of the
 * paper's authors in the third person ("the authors assemble X").
 */
const INTRODUCED_BY_US = new RegExp(
  String.raw`\b(?:${alternation(cues.introduceSubjects)})\b[^.;!?]*?\b(?:${alternation(cues.introduceVerbStems)})\w*\b([^.;!?]*)$`,
  "i",
);
/** Between the verb and the name, these show the name is used, not made ("propose a method and test it on X"). */
const USED_NOT_MADE =
  /\b(?:on|using|with|across|against|from|over|via|by|than|upon|such as|including|like|evaluat\w*|test\w*|compar\w*|outperform\w*|achiev\w*|fine-tun\w*|train\w*|surpass\w*|exceed\w*)\b/i;
const INTRODUCED_BY_US_ZH = new RegExp(
  `(?:${alternation(cues.introduceSubjectsZh)})[^。；！？]*?(?:${alternation(cues.introduceVerbsZh)})了?([^。；！？]{0,30})$`,
);
const USED_NOT_MADE_ZH = /在|基于|使用|利用|上/;
/** "X is a (new) … benchmark". */
const IS_A_BENCHMARK = new RegExp(
  String.raw`^\s*(?:is|serves as|constitutes)\s+(?:an?|the|our)\s+((?:[\w-]+\s+){0,6}?)${NOUN}\b`,
  "i",
);
/** A title naming a dataset after the name: "Benchmarking LLMs on X -- A Comprehensive … Dataset". */
const TITLE_NAMES_DATASET = new RegExp(
  String.raw`^\s*(?:[:：]|--|—|–|-)\s*(?:an?|the)\s+(?:[\w-]+\s+){0,6}?${NOUN}\b`,
  "i",
);
const IS_A_BENCHMARK_ZH = new RegExp(
  String.raw`^\s*(?:是|为)(?:一个|一套|一项)?([^。；，,]{0,20}?)${NOUN_ZH}`,
);
/** "X is a widely used benchmark" describes someone else's benchmark. */
const SOMEONE_ELSES =
  /\b(?:widely|popular|standard|well-known|existing|common|commonly|public|publicly|established|classic|used|prior|previous|representative)\b|广泛|常用|公开|经典|现有|已有|主流/i;
const SECTION_WORD = new RegExp(alternation(cues.sectionWords), "i");

// ── Names ─────────────────────────────────────────────────────────────────────────────────────
/** A word as a name is written: letters and digits, joined by hyphens, with `2.5` kept whole. */
const NAME_CANDIDATE =
  /(?<![A-Za-z0-9_.+-])[A-Za-z0-9](?:[A-Za-z0-9]|[-+](?=[A-Za-z0-9])|\.(?=[0-9]))*(?![A-Za-z0-9])/g;
/** Names built like benchmark names: CliMedBench, MedS-Bench, SWE-bench, C-Eval, PubMedQA, PathVQA. */
const BENCHMARK_SUFFIX =
  /^(?:[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*?(?:-?(?:Bench|Eval)|-bench|-eval)|[A-Za-z0-9][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*?-?V?QA)$/;
/** A size or a count, not a name: `7B`, `2024`, `3D`, `1.5k`. */
const QUANTITY = /^\d+(?:\.\d+)?[A-Za-z]{0,2}$/;
/** A model's parameter count ends its name: `ShareGPT4Video-8B`, `Foo-1.5B`. */
const MODEL_SIZE = /^[A-Za-z0-9.-]{3,}[-_]\d+(?:\.\d+)?B$/;
/** Common words, and the benchmark words themselves ("Bench", "Arena", "Challenge"). */
const NOT_NAMES = lowerSet([...cues.notNames, ...cues.nouns, ...cues.descriptionNouns]);
/** `CPU-based`, `Test-Time`, `multi-hop`: a modifier, not a name. */
const MODIFIER_ENDING = new RegExp(`-(?:${alternation(cues.notNameEndings)})$`, "i");
const METRICS = lowerSet(cues.metrics);
const MODEL_FAMILIES = cues.models.map((model) => model.toLowerCase());
/** `MotionGPT`, `Macaw-LLM`, `ChartLlama`: a name built on a model family names a model. */
const MODEL_ENDING = new RegExp(`(?:^|[a-z0-9-])(?:${alternation(cues.modelEndings)})$`);

/**
 * How a word is built as a name: `suffix` (`…Bench`, `…Eval`, `…QA`), `strong` (an acronym of three
 * or more capitals, inner capitals, digits, or a hyphen joining such parts: `CRAG`, `MedVH`, `GSM8K`,
 * `TAT-QA`, `Med-HallMark`), `word` (one capitalised word: `Spider`); undefined for anything else
 * and for words the cue file lists as common words, models or metrics.
 */
type NameShape = "suffix" | "strong" | "word";

/** Shapes of the names seen, by name: a corpus repeats its capitalised words many times. */
const SHAPES = new Map<string, NameShape | undefined>();
/** Past this many names the cache starts afresh, so that memory stays bounded on any corpus. */
const MAX_CACHED_SHAPES = 65_536;

export function classifyName(name: string): NameShape | undefined {
  // Every shape needs a capital (`…QA` ends in two): most words of running text stop here.
  if (name.length < 2 || !hasCapital(name)) return undefined;
  if (SHAPES.has(name)) return SHAPES.get(name);
  const shape = classifyCapitalisedName(name);
  if (SHAPES.size >= MAX_CACHED_SHAPES) SHAPES.clear();
  SHAPES.set(name, shape);
  return shape;
}

function hasCapital(name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    if (code >= 65 && code <= 90) return true;
  }
  return false;
}

function classifyCapitalisedName(name: string): NameShape | undefined {
  if (QUANTITY.test(name)) return undefined;
  const lower = name.toLowerCase();
  if (
    NOT_NAMES.has(lower) ||
    METRICS.has(lower) ||
    METRICS.has(lower.replace(/-.*$/, "")) ||
    MODIFIER_ENDING.test(name)
  ) {
    return undefined;
  }
  if (BENCHMARK_SUFFIX.test(name) && !/^(?:V?QA|Bench|Eval)$/i.test(name)) {
    // An all-capital `…QA` (`MCQA`, `LFQA`) names a task, not a dataset.
    if (/QA$/.test(name) && !/[a-z]/.test(name)) return name.includes("-") ? "strong" : undefined;
    return "suffix";
  }
  if (isModelName(lower) || MODEL_SIZE.test(name) || MODEL_ENDING.test(name)) return undefined;
  const parts = name.split("-");
  if (parts.every((part) => /^[A-Z]?[a-z]+$/.test(part))) {
    if (parts.length === 1) return name.length >= 3 ? "word" : undefined;
    // "Matter-of-Fact": capitalised at both ends, a name only where the text presents it as one.
    return /^[A-Z]/.test(parts[0] ?? "") && /^[A-Z]/.test(parts[parts.length - 1] ?? "")
      ? "word"
      : undefined;
  }
  if (/^[a-z]/.test(name) && parts.length === 1 && !/[a-z][A-Z]/.test(name)) return undefined;
  const letters = name.replace(/[^A-Za-z]/g, "");
  if (/\d/.test(name) || /[a-z][A-Z]/.test(name) || parts.length > 1) return "strong";
  return /^[A-Z]+$/.test(letters) && letters.length >= 3 ? "strong" : undefined;
}

/** `GPT-4o`, `Llama-3-8B`, `Qwen2.5-VL`: a model family, alone or followed by a version or size. */
function isModelName(lower: string): boolean {
  for (const family of MODEL_FAMILIES) {
    if (lower === family) return true;
    if (lower.startsWith(family) && /^[-\d.]/.test(lower.slice(family.length))) return true;
  }
  return false;
}

/** "the Medical Visual Hallucination Test (MedVH)": a long name of capitalised words, its acronym in brackets. */
const DEFINED_ACRONYM =
  /((?:[A-Z][\w-]*)(?:\s+(?:[A-Z][\w-]*|of|for|and|in|on|the|with|to|a|as|&)){1,9})\s*[(（]\s*([A-Za-z0-9][\w.+-]*(?: [A-Z0-9][\w.+-]*)?)\s*[)）]/g;
const LONG_NAME_NOUN = new RegExp(`^${DESCRIPTION_NOUN}$|bench$`, "i");
const NOUN_ONLY = new RegExp(`^${NOUN}$`, "i");
const SMALL_WORD = /^(?:of|for|and|in|on|the|with|to|a|as|&)$/i;

type SearchField = ProseField | "tag";

/** What the words around an occurrence say it is. */
type Verdict = "benchmark" | "other" | undefined;

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
  /** For a discovered name: the text calls it a model, method, framework or metric here. */
  vetoed: boolean;
  introduces: boolean;
  /** The words right after the name say what it is: "X, a … dataset", "X benchmark". */
  described?: boolean;
  /** A long name the text gives the name (the words an acronym stands for). */
  alias?: string;
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
 * Gazetteer names always count (ambiguous short ones only in benchmark context). A name found by
 * its shape (see `classifyName`) counts only where the text presents it as a benchmark or dataset:
 * `X: A … Benchmark for …` leading a title, `X, a (new) benchmark …`, `a benchmark called X`, `the
 * X dataset`, `benchmarks such as X`, `evaluated on X and Y`, `X数据集`, `在X上的实验`, `推出X——一个…
 * 基准`, an acronym after a long name ending in a benchmark word, or a title `X: …` of a record
 * listed under a benchmark or dataset heading. Where the record calls the name a model, method,
 * framework or metric, it is not a benchmark. The relation is `introduces` when the record
 * presents it (the name leads the title; "we / the authors present, introduce, propose … X"; "X
 * is a (new) … benchmark"; "X, the first benchmark …"), otherwise `evaluates`.
 */
export function findBenchmarks(
  record: PaperRecord,
  gazetteer: readonly BenchmarkDefinition[],
): BenchmarkMention[] {
  const compiled = compileGazetteer(gazetteer);
  const texts: Array<{ field: SearchField; text: string }> = listProseFields(record);
  for (const tag of record.tags) texts.push({ field: "tag", text: tag });
  const listedAsBenchmark = (record.section ?? []).some((heading) => SECTION_WORD.test(heading));

  const occurrences: Occurrence[] = [];
  for (const { field, text } of texts) {
    const found: Occurrence[] = [];
    const taken: Array<[number, number]> = [];
    for (const hit of matchPhrases(compiled.matcher, text)) {
      found.push(createKnownOccurrence(hit.value, field, text, hit.start, hit.end));
      taken.push([hit.start, hit.end]);
    }
    if (field === "title" && listedAsBenchmark && taken.length === 0) {
      const row = findTableRowName(text);
      if (row) {
        occurrences.push(row);
        continue;
      }
    }
    if (field !== "tag") {
      for (const occurrence of findDefinedAcronyms(compiled, field, text)) {
        found.push(occurrence);
        taken.push([occurrence.start, occurrence.end]);
      }
      for (const occurrence of findNamesBeforeNoun(field, text, taken)) {
        found.push(occurrence);
        taken.push([occurrence.start, occurrence.end]);
      }
    }
    NAME_CANDIDATE.lastIndex = 0;
    for (let match = NAME_CANDIDATE.exec(text); match; match = NAME_CANDIDATE.exec(text)) {
      // Most words have no name's shape: that is asked first, as it is the cheaper question.
      const shape = classifyName(match[0]);
      if (!shape) continue;
      const start = match.index;
      const end = start + match[0].length;
      if (overlapsAny(taken, start, end)) continue;
      // Another spelling of a known name (`Med-QA`, `HeadQA`); a plain word (`Mirage`) is not one.
      const known = shape !== "word" && compiled.byCompactName.get(compactSlug(match[0]));
      if (known) {
        found.push(createKnownOccurrence(known, field, text, start, end));
        continue;
      }
      if (field === "tag") continue;
      const listed = listedAsBenchmark && leadsTitle(field, text, start, end);
      found.push(createDiscoveredOccurrence(match[0], shape, field, text, start, end, listed));
    }
    found.sort((a, b) => a.start - b.start);
    for (const occurrence of found) occurrences.push(occurrence);
  }
  // With an English title or abstract, the Chinese fields are a digest's translation and headline.
  const english = Boolean(record.title?.trim() || record.abstract?.trim());
  return collectMentions(
    record.source,
    occurrences,
    (field) => english && (field === "titleZh" || field === "abstractZh"),
  );
}

function overlapsAny(spans: readonly [number, number][], start: number, end: number): boolean {
  for (const [from, to] of spans) if (start < to && end > from) return true;
  return false;
}

/**
 * One mention per name that some occurrence presents as a benchmark. A name the record calls a
 * model, method or framework is refused, unless only a translation calls it so while the record's
 * own words call it a benchmark (a digest's headline "the X method" against "we created X, a dataset").
 */
function collectMentions(
  source: string,
  occurrences: readonly Occurrence[],
  isTranslation: (field: SearchField) => boolean,
): BenchmarkMention[] {
  const groups = new Map<string, Occurrence[]>();
  for (const occurrence of occurrences) {
    const group = groups.get(occurrence.key);
    if (group) group.push(occurrence);
    else groups.set(occurrence.key, [occurrence]);
  }
  const mentions: BenchmarkMention[] = [];
  for (const group of groups.values()) {
    if (!group.some((occurrence) => occurrence.qualifies)) continue;
    if (group.some((occurrence) => occurrence.vetoed)) {
      const ownVeto = group.some((o) => o.vetoed && !isTranslation(o.field));
      const ownBenchmark = group.some(
        (o) => o.qualifies && o.described === true && !isTranslation(o.field),
      );
      if (ownVeto || !ownBenchmark) continue;
    }
    const introducing = group.find((occurrence) => occurrence.introduces && occurrence.qualifies);
    const chosen =
      introducing ??
      group.find((occurrence) => occurrence.introduces) ??
      group.find((occurrence) => occurrence.qualifies);
    const first = group[0];
    if (!chosen || !first) continue;
    const relation: BenchmarkRelation = group.some((occurrence) => occurrence.introduces)
      ? "introduces"
      : "evaluates";
    const mention: BenchmarkMention = {
      slug: first.slug,
      name: first.name,
      relation,
      known: first.known,
      evidence: { source, snippet: quoteOccurrence(chosen) },
    };
    const aliases = [...new Set(group.flatMap((occurrence) => occurrence.alias ?? []))];
    if (aliases.length > 0) mention.aliases = aliases;
    mentions.push(mention);
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
    vetoed: false,
    introduces: field !== "tag" && isIntroduced(field, text, start, end),
  };
}

function createDiscoveredOccurrence(
  name: string,
  shape: NameShape,
  field: ProseField,
  text: string,
  start: number,
  end: number,
  listedAsBenchmark: boolean,
): Occurrence {
  const verdict = judgeDiscovered(name, shape, field, text, start, end);
  const listed = listedAsBenchmark && verdict !== "other";
  return foundOccurrence(name, field, text, start, end, {
    qualifies: verdict === "benchmark" || listed,
    vetoed: verdict === "other",
    introduces: listed || (verdict === "benchmark" && isIntroduced(field, text, start, end)),
    described: verdict === "benchmark" && isDescribed(text, end),
  });
}

/** An occurrence of a name the gazetteer lacks, with what the words around it say of it. */
function foundOccurrence(
  name: string,
  field: SearchField,
  text: string,
  start: number,
  end: number,
  judged: Pick<Occurrence, "qualifies" | "vetoed" | "introduces" | "described">,
): Occurrence {
  return {
    key: `found:${compactSlug(name)}`,
    name,
    slug: slugify(name),
    known: false,
    field,
    text,
    start,
    end,
    ...judged,
  };
}

function isDescribed(text: string, end: number): boolean {
  const after = text.slice(end, findSentenceBounds(text, end, end)[1]);
  return describe(after).verdict === "benchmark" || FOLLOWED_DIRECTLY.test(after);
}

/**
 * A list row whose title is only a name (`AS-1B`, `SBU Captions`, `Inst-IT Dataset`), listed under a
 * benchmark or dataset heading: the row introduces that benchmark. A trailing benchmark word is not
 * part of the name. At most four words, each capitalised or holding a digit.
 */
function findTableRowName(text: string): Occurrence | undefined {
  const words = text.trim().split(/\s+/);
  if (words.length > 1 && NOUN_ONLY.test(words[words.length - 1] ?? "")) words.pop();
  if (words.length === 0 || words.length > 4) return undefined;
  if (!words.every((word) => /^[A-Z0-9][\w.+-]*$/.test(word))) return undefined;
  const name = words.join(" ");
  if (
    words.length === 1 ? classifyName(name) === undefined : words.every((w) => !classifyName(w))
  ) {
    if (!(words.length > 1 && words.some((word) => /\d|[a-z][A-Z]|^[A-Z]{2,}/.test(word)))) {
      return undefined;
    }
  }
  const start = text.indexOf(words[0] ?? "");
  return {
    key: `found:${compactSlug(name)}`,
    name,
    slug: slugify(name),
    known: false,
    field: "title",
    text,
    start,
    end: start + name.length,
    qualifies: true,
    vetoed: false,
    introduces: true,
  };
}

/**
 * Acronyms defined after a long name: "the Medical Visual Hallucination Test (MedVH)". The acronym
 * is a benchmark when the long name ends in a benchmark word or the sentence presents it as one;
 * the long name becomes its alias. Leading words that the acronym's letters do not start with are
 * dropped from the long name ("We Introduce the …").
 */
function findDefinedAcronyms(
  compiled: CompiledGazetteer,
  field: ProseField,
  text: string,
): Occurrence[] {
  if (!/[(（]/.test(text)) return [];
  const found: Occurrence[] = [];
  for (const match of text.matchAll(DEFINED_ACRONYM)) {
    const acronym = match[2] ?? "";
    const long = match[1] ?? "";
    const acronymStart = match.index + match[0].lastIndexOf(acronym);
    const acronymEnd = acronymStart + acronym.length;
    if (compiled.byCompactName.has(compactSlug(acronym))) continue;
    const shape = classifyName(acronym);
    if (!shape || shape === "word") continue;
    const words = long.split(/\s+/);
    const capitals = acronym.replace(/[^A-Z]/g, "");
    while (words.length > 0 && !(words[0] ?? "").startsWith(capitals.charAt(0))) words.shift();
    while (words.length > 0 && SMALL_WORD.test(words[words.length - 1] ?? "")) words.pop();
    if (words.length < 2 || capitals.length < 2) continue;
    const initials = words.map((word) => word.replace(/[^A-Z]/g, "")).join("");
    if (!isSubsequence(capitals, initials)) continue;
    const longName = words.join(" ");
    const longStart = match.index + long.lastIndexOf(longName);
    const parenEnd = match.index + match[0].length;
    const lastWord = (words[words.length - 1] ?? "").toLowerCase();
    const endsInNoun = LONG_NAME_NOUN.test(lastWord);
    const verdict = endsInNoun
      ? "benchmark"
      : judgeDiscovered(acronym, shape, field, text, longStart, parenEnd);
    found.push({
      key: `found:${compactSlug(acronym)}`,
      name: acronym,
      slug: slugify(acronym),
      known: false,
      field,
      text,
      start: acronymStart,
      end: acronymEnd,
      qualifies: verdict === "benchmark",
      vetoed: verdict === "other" || OTHER_NOUN_RE.test(lastWord),
      introduces: verdict === "benchmark" && isIntroduced(field, text, longStart, parenEnd),
      described: endsInNoun || (verdict === "benchmark" && isDescribed(text, parenEnd)),
      alias: longName,
    });
  }
  return found;
}

/**
 * "the Open X-Embodiment dataset", "the Room-to-Room dataset", "the Super-Natural Instructions and
 * P3 datasets": after "the", capitalised words up to a benchmark noun are one name. Two to four
 * words, none of them a model's name and not all of them common words; a name of one word is left to the word scan.
 */
function findNamesBeforeNoun(
  field: ProseField,
  text: string,
  taken: readonly [number, number][],
): Occurrence[] {
  if (!/\bthe\s+[A-Z]/.test(text)) return [];
  const found: Occurrence[] = [];
  for (const match of text.matchAll(NAMES_BEFORE_NOUN)) {
    const list = match[1] ?? "";
    let at = match.index + match[0].indexOf(list);
    for (const part of list.split(LIST_SPLIT)) {
      const name = part.trim();
      const start = text.indexOf(name, at);
      at = start + name.length;
      const words = name.split(/\s+/);
      if (words.length < 2 || start < 0 || overlapsAny(taken, start, at)) continue;
      if (words.some((word) => isModelName(word.toLowerCase()))) continue;
      if (words.every((word) => NOT_NAMES.has(word.toLowerCase()))) continue;
      found.push(
        foundOccurrence(name, field, text, start, at, {
          qualifies: true,
          vetoed: false,
          introduces: isIntroduced(field, text, start, at),
          described: true,
        }),
      );
    }
  }
  return found;
}

const CAPITALISED_NAME = String.raw`[A-Z][\w.+-]*(?:\s+(?:[A-Z][\w.+-]*|\d[\w.]*)){0,3}`;
const NAMES_BEFORE_NOUN = new RegExp(
  String.raw`\bthe\s+(${CAPITALISED_NAME}(?:\s*(?:,|\band\b)\s*${CAPITALISED_NAME})*)\s+(?:${alternation(cues.nouns)})\b`,
  "g",
);
const LIST_SPLIT = /\s*(?:,|\band\b)\s*/;

function isSubsequence(needle: string, haystack: string): boolean {
  let at = 0;
  for (const char of haystack) if (char === needle[at]) at++;
  return at === needle.length;
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

/**
 * What the words around a discovered name say it is. Words that make it something else (a model,
 * method, framework, metric) win over words that make it a benchmark. A capitalised word (`Spider`)
 * needs the strongest presentations: introduced or named as a benchmark, in running text, not at the
 * start of a sentence.
 */
function judgeDiscovered(
  name: string,
  shape: NameShape,
  field: ProseField,
  text: string,
  start: number,
  end: number,
): Verdict {
  const [from, to] = findSentenceBounds(text, start, end);
  const before = text.slice(from, start);
  const after = text.slice(end, to);
  const title = isTitleField(field);
  const leads = leadsTitle(field, text, start, end);
  const description = INTRODUCTORY_PHRASE.test(before) ? NO_DESCRIPTION : describe(after);

  if (description.verdict === "other") return "other";
  if (SPACED_HYPHEN.test(before) || SPACED_HYPHEN.test(after)) return undefined;
  if (FOLLOWED_BY_OTHER.test(after) || LISTED_AFTER_OTHER.test(before)) return "other";
  const called = CALLED.exec(before);
  // "a dataset named Defect Detection QA (DDQA)": one capitalised word opens a longer name.
  if (called && shape === "word" && FOLLOWED_BY_NAME.test(after)) return undefined;
  if (called) return NOUN_ONLY.test(called[1] ?? "") ? "benchmark" : "other";
  if (CALLED_ZH.test(before)) {
    if (CALLED_ZH_AFTER_OTHER.test(after)) return "other";
    if (CALLED_ZH_AFTER_NOUN.test(after)) return "benchmark";
  }
  if (leads) {
    if (description.verdict === "benchmark") return "benchmark";
    return shape === "suffix" && ANY_CUE.test(text) ? "benchmark" : undefined;
  }
  if (shape === "word") {
    if (title || before.trim() === "") return undefined;
    // "we present X, a …": the verb close before the word, not a clause away.
    const byUs = INTRODUCED_BY_US.exec(before);
    if (
      description.verdict === "benchmark" &&
      description.appositive &&
      byUs &&
      countWords(byUs[1] ?? "") <= 8
    ) {
      return "benchmark";
    }
    // "the Hallucinations Leaderboard": a capitalised benchmark word is part of a longer name.
    const direct = FOLLOWED_DIRECTLY.exec(after);
    const partOfLongerName = direct !== null && /[A-Z]/.test(direct[0].trim().charAt(0));
    return /\bthe\s+$/i.test(before) && direct && !partOfLongerName ? "benchmark" : undefined;
  }
  if (description.verdict === "benchmark") return "benchmark";
  // "six TAG datasets" is a kind; "the X and P3 datasets" ends a list of names.
  if ((FOLLOWED_BY_PLURAL.test(after) && !ENDS_LIST.test(before)) || COUNT_BEFORE_ZH.test(before)) {
    return undefined;
  }
  if (
    FOLLOWED_BY_NOUN.test(after) &&
    !(FOLLOWED_DIRECTLY.test(after) && INDEFINITE_BEFORE.test(before))
  ) {
    return "benchmark";
  }
  if (LISTED_AFTER_NOUN.test(before) || APPOSITIVE_AFTER_NOUN.test(before)) return "benchmark";
  if (NOUN_BEFORE.test(before) && !FOLLOWED_BY_NAME.test(after)) return "benchmark";
  if ((shape === "suffix" ? EVALUATED_USING : EVALUATED_ON).test(before)) return "benchmark";
  const zhAfter = shape === "suffix" ? EVALUATED_ON_ZH_AFTER : EVALUATED_ON_ZH_AFTER_STRICT;
  if (EVALUATED_ON_ZH_BEFORE.test(before) && zhAfter.test(after)) return "benchmark";
  if (shape === "suffix" && /(?:Bench|-bench)$/.test(name) && ANY_CUE.test(text.slice(from, to))) {
    return "benchmark";
  }
  return undefined;
}

/**
 * The description right after a name, up to its first preposition: "X, a multi-agent framework
 * for …" is `other`, "X: A Large-Scale Benchmark for …" is `benchmark`; `isNew` when it opens with
 * "the first", "a new", "a novel", "our". Chinese: "X——一个多任务基准测试", "X，一种…框架".
 */
function describe(after: string): { verdict: Verdict; isNew: boolean; appositive?: boolean } {
  const opening = DESCRIPTION_START.exec(after);
  if (opening && !CLAUSE_GOES_ON.test(after.slice(opening[0].length)) && !NEW_SUBJECT.test(after)) {
    const rest = after.slice(opening[0].length);
    const stop = DESCRIPTION_STOP.exec(rest);
    let words = rest
      .slice(0, stop ? stop.index : rest.length)
      .split(/\s+/)
      .slice(0, 10)
      .join(" ");
    // "A Suite of Clinical LLMs", "a collection of models and data": what the container holds is
    // the head, so the phrase after its "of" is read as well.
    if (stop && /^of\b/i.test(stop[0]) && CONTAINER_END.test(words)) {
      const after = rest.slice(stop.index + stop[0].length);
      const next = DESCRIPTION_STOP.exec(after);
      words = after
        .slice(0, next ? next.index : after.length)
        .split(/\s+/)
        .slice(0, 10)
        .join(" ");
    }
    // An English noun phrase ends in its head: "a Test case Generation framework" is a framework;
    // of "a Data Benchmark and Evaluation Framework" one head is a benchmark.
    // "X: Benchmarking LLMs and LMMs …" says that X measures; its nouns are objects, not heads.
    const heads = EVALUATING_GERUND.test(words)
      ? []
      : words.split(/\s+(?:and|&)\s+|,\s*/i).map(headOf);
    if (heads.includes("benchmark")) {
      const appositive = /[:：,，—–-]/.test(opening[0]);
      return { verdict: "benchmark", isNew: NEW_WORD.test(rest), appositive };
    }
    if (heads.includes("other")) return { verdict: "other", isNew: false };
  }
  const zh = DESCRIPTION_START_ZH.exec(after);
  if (
    zh &&
    zh[0].trim() !== "" &&
    /^[\u3400-\u9fff]/.test(after.slice(zh[0].length)) &&
    !opensWithPrepositionZh(after.slice(zh[0].length))
  ) {
    const rest = after.slice(zh[0].length, zh[0].length + 30).split(/[，。；,;]/)[0] ?? "";
    const heads = [...rest.matchAll(HEAD_ZH)];
    const head = heads[heads.length - 1];
    if (head?.[1]) return { verdict: "benchmark", isNew: /首个|第一个|新/.test(zh[0] + rest) };
    if (head?.[2]) return { verdict: "other", isNew: false };
  }
  return { verdict: undefined, isNew: false };
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
  if (isA !== null && !SOMEONE_ELSES.test(isA[1] ?? "")) return true;
  const description = describe(after);
  return description.verdict === "benchmark" && description.isNew;
}

/** The name opens the title and a colon follows it: "CliMedBench: A Large-Scale Chinese Benchmark …". */
function leadsTitle(field: SearchField, text: string, start: number, end: number): boolean {
  return (
    field !== "tag" &&
    isTitleField(field) &&
    text.slice(0, start).trim() === "" &&
    /^\s*[:：]/.test(text.slice(end))
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
