// Topic mentions: which taxonomy topics (data/taxonomy.json) a paper record speaks of, each with the
// words that say so. The taxonomy is compiled once into one phrase matcher and reused for every record.
import type { PaperRecord } from "../ingest/types.ts";
import cues from "./benchmark-cues.json" with { type: "json" };
import { isTitleField, listProseFields } from "./fields.ts";
import { isNegated } from "./negation.ts";
import type { PhraseMatcher, PhraseSpec } from "./phrase-matcher.ts";
import { createPhraseMatcher, matchPhrases } from "./phrase-matcher.ts";
import { clipText, snippetAround } from "./snippet.ts";
import type { Taxonomy, TopicMention } from "./types.ts";

interface TopicHit {
  topic: string;
  /** The phrase is an exclusion: alias matches inside it do not count. */
  exclude: boolean;
  /** A heading alias: it counts in titles, tags, keywords, headings and labels, not in prose. */
  heading?: boolean;
}

/** A taxonomy ready for matching. */
export interface CompiledTaxonomy {
  readonly matcher: PhraseMatcher<TopicHit>;
  /** The terms of every domain, matched to tell which fields a paper's own text is about. */
  readonly domainMatcher: PhraseMatcher<string>;
  /** Topic id → the domain it needs evidence of. */
  readonly domainOf: ReadonlyMap<string, string>;
  /** Topic ids whose prose mentions count only for a paper that introduces a benchmark. */
  readonly needsIntroducedBenchmark: ReadonlySet<string>;
}

/** One text of a record to search, and how its evidence is cut and judged. */
interface TopicText {
  text: string;
  /** `sentence`: the clause or sentence around the match; `whole`: the text itself (titles, tags, labels). */
  snippet: "sentence" | "whole";
  /** A site's category reason: mentions it denies are no evidence. */
  negatable: boolean;
  /** The record's own prose (abstract, summary), not a title, tag or label. */
  prose?: boolean;
  /**
   * The broad headings a list files the entry under above its own heading ("Construction of
   * LLM-based Agents" over "Commonsense knowledge"): they hold entries of many subjects, so a topic
   * they name needs a mention in the record's prose as well.
   */
  broad?: boolean;
  /** The evidence to quote instead of the text itself (the whole heading path). */
  quote?: string;
}

const escapeRegExp = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** "We introduce …", "this paper presents …": the clause where a paper names what it makes. */
const INTRODUCES_EN = new RegExp(
  `\\b(?:${cues.introduceSubjects.map(escapeRegExp).join("|")})\\b[^.;:!?]{0,40}?\\b(?:${cues.introduceVerbStems.map(escapeRegExp).join("|")})[a-z]*\\b`,
  "i",
);
const INTRODUCES_ZH = new RegExp(
  `(?:${cues.introduceSubjectsZh.map(escapeRegExp).join("|")})[^。；！？，,]{0,4}?(?:${cues.introduceVerbsZh.map(escapeRegExp).join("|")})`,
);
/** Sentence ends, in both languages. */
const SENTENCE_END_CODES = new Set(
  [..."。！？；;.!?\n"].map((character) => character.charCodeAt(0)),
);

/**
 * True when the words before `start`, back to the start of their sentence, say the paper
 * introduces something ("In this paper, we introduce ECom-Bench, the first benchmark …").
 */
function isIntroduced(text: string, start: number): boolean {
  let from = start;
  while (from > 0 && !SENTENCE_END_CODES.has(text.charCodeAt(from - 1))) from--;
  const before = text.slice(from, start);
  return INTRODUCES_EN.test(before) || INTRODUCES_ZH.test(before);
}

/**
 * The language a text is written in, as far as counting mentions needs: a record's Chinese abstract
 * translates its English one, so one mention in each is one mention, not two.
 */
function languageOf(text: string): "zh" | "en" {
  return /[\u3400-\u9fff]/.test(text) ? "zh" : "en";
}

const COMPILED = new WeakMap<Taxonomy, CompiledTaxonomy>();

/**
 * Compile a taxonomy (cached per taxonomy object, so a context compiles it once).
 * English aliases match whole words ignoring case, with a plural ending allowed; an alias written
 * without lower-case letters is an acronym and matches case-sensitively (`RAG`, `MLLM`, `EHR`).
 * Chinese aliases match as substrings; a Latin edge of one (`Agent`) must sit at a word boundary.
 */
export function compileTaxonomy(taxonomy: Taxonomy): CompiledTaxonomy {
  const cached = COMPILED.get(taxonomy);
  if (cached) return cached;
  const specs: PhraseSpec<TopicHit>[] = [];
  for (const topic of taxonomy.topics) {
    const hit: TopicHit = { topic: topic.id, exclude: false };
    for (const alias of topic.aliases) {
      specs.push({ phrase: alias, value: hit, caseSensitive: isAcronym(alias), plural: true });
    }
    for (const alias of topic.aliasesZh) {
      specs.push({ phrase: alias, value: hit, caseSensitive: true, plural: true });
    }
    const heading: TopicHit = { topic: topic.id, exclude: false, heading: true };
    for (const alias of topic.headingAliases ?? []) {
      const chinese = /[\u3400-\u9fff]/.test(alias);
      specs.push({
        phrase: alias,
        value: heading,
        caseSensitive: chinese || isAcronym(alias),
        plural: true,
      });
    }
    const exclude: TopicHit = { topic: topic.id, exclude: true };
    for (const phrase of topic.excludes ?? []) {
      specs.push({ phrase, value: exclude, caseSensitive: false, plural: true });
    }
  }
  const domainSpecs: PhraseSpec<string>[] = [];
  for (const domain of taxonomy.domains ?? []) {
    for (const term of domain.terms) {
      domainSpecs.push({
        phrase: term,
        value: domain.id,
        caseSensitive: isAcronym(term),
        plural: true,
      });
    }
  }
  const domainOf = new Map<string, string>();
  for (const topic of taxonomy.topics) if (topic.domain) domainOf.set(topic.id, topic.domain);
  const needsIntroducedBenchmark = new Set(
    taxonomy.topics
      .filter((topic) => topic.proseNeeds === "introduced-benchmark")
      .map((topic) => topic.id),
  );
  const compiled = {
    matcher: createPhraseMatcher(specs),
    domainMatcher: createPhraseMatcher(domainSpecs),
    domainOf,
    needsIntroducedBenchmark,
  };
  COMPILED.set(taxonomy, compiled);
  return compiled;
}

/** True for an alias written without lower-case letters (`RAG`, `MLLM`): it is matched case-sensitively. */
export function isAcronym(alias: string): boolean {
  return /[A-Z]/.test(alias) && !/[a-z]/.test(alias);
}

/**
 * The topics a record mentions, one mention per topic with its first evidence, searched in the order
 * title, titleZh, abstract, abstractZh, summary, tags, category labels, category reasons.
 * A category reason counts only where it does not deny the topic ("而不是…RAG相关的研究"); a
 * denied mention in the paper's own text counts only when no other evidence names the topic.
 * A child topic does not add its parent: the graph carries the hierarchy.
 *
 * How the record presents a topic decides whether it is one: named in a title, tag, keyword, list
 * heading or category label, or mentioned at least twice in the prose of one language (a Chinese
 * abstract that translates the English one repeats its mentions). A single passing mention in a
 * long abstract ("starting from a pre-trained encoder") is not the paper's topic, except in a survey
 * (`presentation.survey`), whose abstract lists its themes once each, and in a record whose only
 * prose is one short note. A tag in `presentation.categoryTags` (a catalogue category the corpus
 * puts on many documents) is broad, like a list's upper headings: it needs a mention in the prose. A topic marked `proseNeeds: "introduced-benchmark"` (benchmarks) counts
 * from prose only when `presentation.introducesBenchmark` says the paper makes one.
 */
export function findTopics(
  record: PaperRecord,
  taxonomy: Taxonomy,
  presentation: {
    survey?: boolean;
    introducesBenchmark?: boolean;
    categoryTags?: ReadonlySet<string>;
  } = {},
): TopicMention[] {
  const { matcher, domainMatcher, domainOf, needsIntroducedBenchmark } = compileTaxonomy(taxonomy);
  const domains = domainOf.size > 0 ? findDomains(record, domainMatcher) : new Set<string>();
  const found = new Map<string, TopicMention>();
  // A denied mention in the paper's own prose ("unlike RAG pipelines, …") is weak evidence: it
  // counts only when nothing better names the topic.
  const denied = new Map<string, TopicMention>();
  // How the record presents each topic: in a title, tag, keyword or heading (strong), or how many
  // times in its prose. One passing mention in an abstract ("a pre-trained encoder") is no topic.
  const strong = new Set<string>();
  const broad = new Set<string>();
  // Named in the sentence where the paper introduces what it makes: its own presentation.
  const introduced = new Set<string>();
  // Prose mentions per language: a translation repeats the original's mentions.
  const proseMentions = new Map<string, { en: number; zh: number }>();
  const texts = listTopicTexts(record, presentation.categoryTags);
  for (const item of texts) {
    const hits = matchPhrases(matcher, item.text);
    if (hits.length === 0) continue;
    const excluded = hits.filter((hit) => hit.value.exclude);
    for (const hit of hits) {
      const { topic, exclude } = hit.value;
      if (exclude) continue;
      if (hit.value.heading === true && (item.snippet !== "whole" || item.broad)) continue;
      const domain = domainOf.get(topic);
      if (domain !== undefined && !domains.has(domain)) continue;
      const inExclusion = excluded.some(
        (other) => other.value.topic === topic && other.start <= hit.start && other.end >= hit.end,
      );
      if (inExclusion) continue;
      const negated = isNegated(item.text, hit.start, hit.end);
      if (negated && item.negatable) continue;
      if (!negated) {
        if (item.broad) broad.add(topic);
        else if (item.snippet === "whole") strong.add(topic);
        else {
          if (item.prose === true && isIntroduced(item.text, hit.start)) introduced.add(topic);
          const counts = proseMentions.get(topic) ?? { en: 0, zh: 0 };
          counts[languageOf(item.text)]++;
          proseMentions.set(topic, counts);
        }
      }
      if (negated && denied.has(topic)) continue;
      if (found.has(topic)) continue;
      const snippet =
        item.snippet === "whole"
          ? clipText(item.quote ?? item.text)
          : snippetAround(item.text, hit.start, hit.end);
      (negated ? denied : found).set(topic, {
        topic,
        evidence: { source: record.source, snippet },
      });
    }
  }
  for (const [topic, mention] of denied) if (!found.has(topic)) found.set(topic, mention);
  const prose = texts.filter((item) => item.prose);
  // A record whose only prose is one short text (a list item's note, a one-line summary) says
  // everything once: there, one mention is the record's own presentation of its subject.
  // A survey's abstract names each theme it covers once, in a list: there, too, one mention counts.
  const terse =
    presentation.survey === true ||
    (prose.length <= 1 && prose.every(({ text }) => text.length < TERSE_PROSE_CHARS));
  for (const topic of [...found.keys()]) {
    if (strong.has(topic)) continue;
    // A benchmark the paper introduces in so many words is what it makes, named once or not.
    if (needsIntroducedBenchmark.has(topic) && introduced.has(topic)) continue;
    // "We evaluate on three benchmarks": what the paper uses, not what it is about.
    if (
      needsIntroducedBenchmark.has(topic) &&
      presentation.introducesBenchmark !== true &&
      !introduced.has(topic)
    ) {
      found.delete(topic);
      continue;
    }
    const counts = proseMentions.get(topic) ?? { en: 0, zh: 0 };
    const mentions = Math.max(counts.en, counts.zh);
    if (broad.has(topic) && mentions === 0) {
      found.delete(topic);
      continue;
    }
    if (terse || broad.has(topic)) continue;
    if (mentions < MIN_PROSE_MENTIONS) found.delete(topic);
  }
  return [...found.values()];
}

/** Mentions a topic needs in a record's prose when no title, tag, keyword or heading names it. */
const MIN_PROSE_MENTIONS = 2;
/** Prose shorter than this (in characters), as the record's only prose, is a one-line summary. */
const TERSE_PROSE_CHARS = 400;

/**
 * The domains the paper's own words (titles, abstracts, summary, author keywords, tags, the list
 * sections it is filed under) are about. A site's category labels and reasons count only for a record
 * that has no title or abstract of its own.
 */
export function findDomains(
  record: PaperRecord,
  domainMatcher: PhraseMatcher<string>,
): Set<string> {
  const domains = new Set<string>();
  const own = listProseFields(record).map(({ text }) => text);
  const texts = [...own, ...(record.keywords ?? []), ...record.tags, ...(record.section ?? [])];
  // A record with no words of its own (a bare category entry) is judged by what it has.
  if (own.length === 0) {
    for (const category of record.categories) texts.push(category.label, category.reason ?? "");
  }
  for (const text of texts) {
    for (const hit of matchPhrases(domainMatcher, text)) domains.add(hit.value);
  }
  return domains;
}

function listTopicTexts(record: PaperRecord, categoryTags?: ReadonlySet<string>): TopicText[] {
  const texts: TopicText[] = listProseFields(record).map(({ field, text }) => ({
    text,
    snippet: isTitleField(field) ? "whole" : "sentence",
    negatable: false,
    prose: !isTitleField(field),
  }));
  for (const tag of record.tags) {
    const broad = categoryTags?.has(tag) === true;
    texts.push({ text: tag, snippet: "whole", negatable: false, ...(broad ? { broad } : {}) });
  }
  // Author keywords (BibTeX, RIS, Zotero) and the headings a curated list files a paper under.
  for (const keyword of record.keywords ?? []) {
    texts.push({ text: keyword, snippet: "whole", negatable: false });
  }
  // The heading the entry sits under names its subject; the headings above it, the list's parts.
  const section = record.section ?? [];
  if (section.length > 0) {
    const quote = section.join(" › ");
    const own = section[section.length - 1] ?? "";
    texts.push({ text: own, snippet: "whole", negatable: false, quote });
    if (section.length > 1) {
      const text = section.slice(0, -1).join(" › ");
      texts.push({ text, snippet: "whole", negatable: false, broad: true, quote });
    }
  }
  for (const category of record.categories) {
    texts.push({ text: category.label, snippet: "whole", negatable: false });
  }
  for (const category of record.categories) {
    if (category.reason)
      texts.push({ text: category.reason, snippet: "sentence", negatable: true });
  }
  return texts;
}
