// Key terms discovered from the corpus itself: the multi-word terms that recur across papers' titles
// and abstracts, scored against how common they are, become topics no taxonomy foresaw. Runs once over
// the resolved papers (after resolve, before the graph is assembled). Pure and deterministic.
//
// Method, after VOSviewer's term maps (van Eck & Waltman 2011) and the C-value of Frantzi, Ananiadou
// & Mima (2000): candidates are runs of 2–4 words between stop words and punctuation (Chinese:
// character n-grams between punctuation and function words); a candidate counts once per paper
// (document frequency); one found in too few or too many papers is dropped; a candidate that mostly
// occurs inside a longer one is discounted (C-value); the rest are ranked by C-value × idf.

import STOP_WORDS from "./key-term-stop-words.json" with { type: "json" };
import { snippetAround } from "./snippet.ts";
import type { Evidence } from "./types.ts";

/** One text of a paper to read terms in, with the document it came from. */
export interface KeyTermText {
  text: string;
  /** Source id of the record the text came from (evidence names it). */
  source: string;
}

/** A paper as discovery sees it: its texts in one language, and whether it has a topic already. */
export interface KeyTermPaper {
  /** Node key of the paper. */
  key: string;
  /**
   * The language its texts are read in. A bilingual page says the same thing twice, so the caller
   * gives one language per paper (the English texts when there is an English abstract).
   */
  language: "en" | "zh";
  /** Title and abstract, each with the record it came from. */
  texts: KeyTermText[];
  /** The paper has an abstract (so it should end with at least one topic). */
  hasAbstract: boolean;
  /** The paper has a topic already (from the taxonomy). */
  hasTopic: boolean;
}

export interface KeyTermOptions {
  /** Fewest papers a term must occur in. Default: max(3, ⌈papers / 1000⌉). */
  minDocuments: number | undefined;
  /**
   * Largest share of the papers a term may occur in: more common ones say nothing. Default 0.12; a
   * small corpus allows at least twice `minDocuments`.
   */
  maxDocumentShare: number;
  /** How many terms to keep. Default: 2·√papers, between 10 and 250. */
  count: number | undefined;
  /** Most terms given to one paper. Default 3. */
  perPaper: number;
  /** A paper's second and third terms need this share of its best term's tf-idf. Default 0.5. */
  minShareOfBest: number;
  /**
   * A term and a longer one holding it are one concept when the shorter one is in at most this many
   * times the papers of the longer one; only the stronger is kept. Default 1.25.
   */
  nestedRatio: number;
  /**
   * Share of the strongest candidates dropped as general: those whose papers hold the other
   * candidates in about the proportions the whole corpus does ("natural language processing",
   * "machine learning"), after VOSviewer's relevance. Default 0.1; 0 keeps them.
   */
  generalShare: number;
}

export const DEFAULT_KEY_TERM_OPTIONS: KeyTermOptions = {
  minDocuments: undefined,
  maxDocumentShare: 0.12,
  count: undefined,
  perPaper: 3,
  minShareOfBest: 0.5,
  nestedRatio: 1.25,
  generalShare: 0.1,
};

export function resolveKeyTermOptions(partial: Partial<KeyTermOptions> = {}): KeyTermOptions {
  return { ...DEFAULT_KEY_TERM_OPTIONS, ...partial };
}

/** A term found in the corpus. */
export interface DiscoveredTerm {
  /** Slug of the term (`chain-of-thought-reasoning`); the topic node is `topic:<id>`. */
  id: string;
  /** The term as written most often. */
  label: string;
  language: "en" | "zh";
  /** Papers it occurs in. */
  documents: number;
  /** C-value × idf: what ranked it. */
  score: number;
}

/** A paper given a discovered term, with the words that say so. */
export interface KeyTermAssignment {
  paper: string;
  term: string;
  evidence: Evidence;
}

export interface KeyTermResult {
  /** Kept terms, strongest first. */
  terms: DiscoveredTerm[];
  /** Per paper (in input order), its terms, best first. */
  assignments: KeyTermAssignment[];
  /** What `assignKeyTerms` needs to give papers added later the same terms by the same rule. */
  model: KeyTermModel;
}

/**
 * The kept terms of one discovery and the statistics they were ranked with: papers added later
 * (an incremental build) get their terms from it, without a new discovery. Plain data.
 */
export interface KeyTermModel {
  /** Papers of the corpus the terms were found in. */
  total: number;
  perPaper: number;
  minShareOfBest: number;
  /** Kept terms in rank order: candidate key, topic id and label, papers it occurred in. */
  terms: { key: string; id: string; label: string; documents: number }[];
}

const EN_STOP = new Set<string>(STOP_WORDS.en);
const EN_NOT_FIRST = new Set<string>(STOP_WORDS.enNotFirst);
const EN_NOT_LAST = new Set<string>(STOP_WORDS.enNotLast);
const ZH_STOP = new Set<string>(STOP_WORDS.zh);
const ZH_STOP_LENGTHS = [...new Set(STOP_WORDS.zh.map((word) => word.length))].sort(
  (a, b) => b - a,
);
/** The first characters of the Chinese stop words: a character that is none of them starts no stop word. */
const ZH_STOP_FIRST = new Set<number>(STOP_WORDS.zh.map((word) => word.charCodeAt(0)));
/** Slots of pass 1's table of hashed keys (2²³: 16 MB of counts and 32 MB of stamps). */
const HASH_SLOTS = 1 << 23;
const MIN_PARTS = 2;
const MAX_PARTS = 4;
/** Chinese words are mostly of two characters: a term of at least two words has three or more. */
const ZH_MIN_CHARS = 3;
const ZH_MAX_CHARS = 6;
const LETTER = /[A-Za-z]/;
const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

/** One occurrence of a candidate in a text. */
interface Occurrence {
  key: string;
  start: number;
  end: number;
  /** Number of words (English) or characters / 2 (Chinese), for C-value's length weight. */
  length: number;
}

/**
 * The canonical key of an English phrase: words lower-cased, hyphens read as spaces, the last word
 * singular (`Multi-Agent Systems` → `multi agent system`). Discovered terms and taxonomy aliases are
 * compared by it; a Chinese phrase is its own key.
 */
export function keyOfTerm(phrase: string): string {
  if (HAN.test(phrase)) return phrase.trim();
  const words = (phrase.toLowerCase().match(/[a-z0-9]+/g) ?? []) as string[];
  const last = words.length - 1;
  if (last >= 0) words[last] = singular(words[last] as string);
  return words.join(" ");
}

function singular(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith("ies") && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(?:ss|us|is|ics)$/.test(word)) return word;
  if (/(?:sses|xes|ches|shes)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith("s")) return word.slice(0, -1);
  return word;
}

/**
 * Called with each candidate occurrence: the table slot of its key's hash, the key (built on
 * demand: most candidates are rare and never need it), its bounds in the text and its length weight.
 */
type VisitCandidate = (
  slot: number,
  key: () => string,
  start: number,
  end: number,
  length: number,
) => void;

/** A content word of a run: its key form, the key form with the last part singular, its parts. */
interface RunWord {
  word: string;
  joined: string;
  singular: string;
  parts: number;
  start: number;
  end: number;
}

/** The candidate terms of an English text, every occurrence, in text order. */
export function listEnglishCandidates(text: string): Occurrence[] {
  const found: Occurrence[] = [];
  visitEnglishCandidates(text, (_slot, key, start, end, length) =>
    found.push({ key: key(), start, end, length }),
  );
  return found;
}

function visitEnglishCandidates(text: string, visit: VisitCandidate): void {
  // The run's words (their descriptions and bounds, in parallel arrays reused from run to run) and
  // one key builder for all candidates: visitors call it before the next candidate, if at all.
  const words: WordInfo[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let length = 0;
  let from = 0;
  let to = 0;
  const keyOf = () => buildKey(words, from, to);
  let previousEnd = 0;
  const flush = () => {
    for (let i = 0; i < length; i++) {
      const first = words[i] as WordInfo;
      if (EN_NOT_FIRST.has(first.word)) continue;
      // The hash of the words so far, joined by spaces, extended word by word (FNV-1a runs left to right).
      let prefixHash = FNV_OFFSET;
      let parts = 0;
      for (let j = i; j < length; j++) {
        const word = words[j] as WordInfo;
        parts += word.parts;
        if (parts > MAX_PARTS) break;
        const base = j === i ? FNV_OFFSET : hashUnit(prefixHash, 32);
        // One hyphenated word of two parts is a modifier (`zero-shot`, `high-quality`), not a term.
        if (parts >= MIN_PARTS && !(j === i && parts < 3) && !EN_NOT_LAST.has(word.word)) {
          from = i;
          to = j;
          visit(
            toSlot(hashText(base, word.singular)),
            keyOf,
            starts[i] as number,
            ends[j] as number,
            j - i + 1,
          );
        }
        prefixHash = hashText(base, word.joined);
      }
    }
    length = 0;
  };
  for (let start = findWordStart(text, 0); start >= 0; start = findWordStart(text, previousEnd)) {
    const end = findWordEnd(text, start);
    // Anything but spaces between two words (a comma, a bracket, a full stop) ends the run.
    if (length > 0 && !isBlank(text, previousEnd, start)) flush();
    previousEnd = end;
    const info = describeWord(text, start, end);
    if (info === null) {
      flush();
      continue;
    }
    words[length] = info;
    starts[length] = start;
    ends[length] = end;
    length++;
  }
  flush();
}

type WordInfo = Omit<RunWord, "start" | "end">;

/**
 * What a written word is as part of a term; `null` for a word that ends a run. Cached per
 * spelling, in a table of its own looked up by the word's place in the text: a word seen before
 * (most are) needs no string of its own.
 */
const MAX_CACHED_WORDS = 200_000;
/** Open addressing, at most 40% full. */
const WORD_SLOTS = 1 << 19;

interface WordCache {
  /** Per slot, the entry's index plus one; 0 for an empty slot. */
  slots: Int32Array;
  hashes: Int32Array;
  written: string[];
  infos: (WordInfo | null)[];
}

let wordCache: WordCache | undefined;

/** Let the word cache go; the next word read makes a new one. */
function releaseWordCache(): void {
  wordCache = undefined;
}

function describeWord(text: string, start: number, end: number): WordInfo | null {
  wordCache ??= {
    slots: new Int32Array(WORD_SLOTS),
    hashes: new Int32Array(MAX_CACHED_WORDS),
    written: [],
    infos: [],
  };
  const cache = wordCache;
  const hash = hashText(FNV_OFFSET, text, start, end);
  let slot = hash & (WORD_SLOTS - 1);
  for (let entry = cache.slots[slot] as number; entry !== 0; entry = cache.slots[slot] as number) {
    const index = entry - 1;
    if (
      cache.hashes[index] === hash &&
      isWrittenAt(cache.written[index] as string, text, start, end)
    )
      return cache.infos[index] as WordInfo | null;
    slot = (slot + 1) & (WORD_SLOTS - 1);
  }
  const written = text.slice(start, end);
  const info = readWord(written);
  if (cache.written.length >= MAX_CACHED_WORDS) {
    cache.slots.fill(0);
    cache.written.length = 0;
    cache.infos.length = 0;
    slot = hash & (WORD_SLOTS - 1);
  }
  cache.hashes[cache.written.length] = hash;
  cache.written.push(written);
  cache.infos.push(info);
  cache.slots[slot] = cache.written.length;
  return info;
}

/** Whether `text[start, end)` is `word`. */
function isWrittenAt(word: string, text: string, start: number, end: number): boolean {
  if (word.length !== end - start) return false;
  for (let i = 0; i < word.length; i++)
    if (word.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}

function readWord(written: string): WordInfo | null {
  const lower = written.toLowerCase();
  const parts = lower.split(/[-\u2010\u2011]/);
  const lastPart = parts[parts.length - 1] ?? "";
  if (
    lower.length < 2 ||
    !LETTER.test(lower) ||
    EN_STOP.has(lower) ||
    (parts.length > 1 && lastPart.length > 3 && EN_STOP.has(lastPart))
  ) {
    return null;
  }
  const joined = parts.join(" ");
  const last = singular(lastPart);
  return {
    word: lower,
    joined,
    singular:
      last === lastPart ? joined : `${joined.slice(0, joined.length - lastPart.length)}${last}`,
    parts: parts.length,
  };
}

function buildKey(run: readonly WordInfo[], from: number, to: number): string {
  let key = "";
  for (let k = from; k < to; k++) key += `${(run[k] as WordInfo).joined} `;
  return key + (run[to] as WordInfo).singular;
}

const FNV_OFFSET = 0x811c9dc5;

/** FNV-1a (Fowler, Noll & Vo) over UTF-16 code units, one unit or a text at a time. */
function hashUnit(hash: number, unit: number): number {
  return Math.imul(hash ^ unit, 0x01000193);
}

function hashText(hash: number, text: string, from = 0, to = text.length): number {
  let h = hash;
  for (let i = from; i < to; i++) h = hashUnit(h, text.charCodeAt(i));
  return h;
}

function toSlot(hash: number): number {
  return (hash >>> 0) & (HASH_SLOTS - 1);
}

/**
 * Words are letters and digits, hyphen-joined parts kept together (`chain-of-thought`): the matches
 * of /[A-Za-z0-9]+(?:[-\u2010\u2011][A-Za-z0-9]+)*\/g, found without a match object per word.
 * The start of the first word at or after `from`, or -1.
 */
function findWordStart(text: string, from: number): number {
  for (let i = from; i < text.length; i++) if (isWordCode(text.charCodeAt(i))) return i;
  return -1;
}

/** The end of the word that starts at `start`. */
function findWordEnd(text: string, start: number): number {
  let i = start + 1;
  for (;;) {
    while (i < text.length && isWordCode(text.charCodeAt(i))) i++;
    const code = text.charCodeAt(i);
    const joins = code === 45 || code === 0x2010 || code === 0x2011;
    if (!joins || !isWordCode(text.charCodeAt(i + 1))) return i;
    i += 2;
  }
}

function isWordCode(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
}

/** The characters of `HAN`. */
function isHanCode(code: number): boolean {
  return (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);
}

function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code !== 32 && code !== 10 && code !== 9 && code !== 13 && code !== 160) return false;
  }
  return true;
}

/** The candidate terms of a Chinese text: character n-grams between punctuation and function words. */
export function listChineseCandidates(text: string): Occurrence[] {
  const found: Occurrence[] = [];
  visitChineseCandidates(text, (_slot, key, start, end, length) =>
    found.push({ key: key(), start, end, length }),
  );
  return found;
}

function visitChineseCandidates(text: string, visit: VisitCandidate): void {
  let segmentStart = -1;
  // One key builder for all candidates, as in visitEnglishCandidates.
  let from = 0;
  let to = 0;
  const keyOf = () => text.slice(from, to);
  const flush = (end: number) => {
    if (segmentStart < 0) return;
    for (let i = segmentStart; i < end; i++) {
      // The slot of text[i, i + n) is the hash of its characters, extended one character at a time.
      let hash = FNV_OFFSET;
      for (let k = i; k < i + ZH_MIN_CHARS - 1 && k < end; k++)
        hash = hashUnit(hash, text.charCodeAt(k));
      for (let n = ZH_MIN_CHARS; n <= ZH_MAX_CHARS && i + n <= end; n++) {
        hash = hashUnit(hash, text.charCodeAt(i + n - 1));
        from = i;
        to = i + n;
        visit(toSlot(hash), keyOf, i, i + n, n / 2);
      }
    }
    segmentStart = -1;
  };
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (!isHanCode(code)) {
      flush(i);
      i++;
      continue;
    }
    const stop = ZH_STOP_FIRST.has(code)
      ? ZH_STOP_LENGTHS.find((n) => ZH_STOP.has(text.slice(i, i + n)))
      : undefined;
    if (stop !== undefined) {
      flush(i);
      i += stop;
      continue;
    }
    if (segmentStart < 0) segmentStart = i;
    i++;
  }
  flush(text.length);
}

function visitCandidates(text: string, language: "en" | "zh", visit: VisitCandidate): void {
  if (language === "en") visitEnglishCandidates(text, visit);
  else visitChineseCandidates(text, visit);
}

/** Per candidate: papers it occurs in, and its length weight. */
interface CandidateStats {
  documents: number;
  length: number;
  language: "en" | "zh";
  /** Sum and count of the document frequencies of longer candidates holding this one. */
  nestedSum: number;
  nestedCount: number;
}

/** A candidate's occurrences in one paper: count and the first one, for evidence. */
interface PaperHit {
  candidate: number;
  count: number;
  text: number;
  start: number;
  end: number;
}

/**
 * Discover the key terms of a corpus and give each paper its best ones.
 * `reserved` holds the keys (`keyOfTerm`) of terms that exist already (a taxonomy's labels and
 * aliases): they are not discovered again. Deterministic for papers given in the same order.
 */
export function discoverKeyTerms(
  papers: readonly KeyTermPaper[],
  reserved: ReadonlySet<string> = new Set(),
  partial: Partial<KeyTermOptions> = {},
): KeyTermResult {
  const options = resolveKeyTermOptions(partial);
  const total = papers.length;
  if (total === 0)
    return {
      terms: [],
      assignments: [],
      model: {
        total: 0,
        perPaper: options.perPaper,
        minShareOfBest: options.minShareOfBest,
        terms: [],
      },
    };
  const minDocuments = options.minDocuments ?? Math.max(3, Math.ceil(total / 1000));
  // A small corpus has few papers per theme: its common terms may still be its themes.
  const maxDocuments = Math.max(2 * minDocuments, Math.floor(total * options.maxDocumentShare));
  const count = options.count ?? Math.min(250, Math.max(10, Math.round(2 * Math.sqrt(total))));

  // Pass 1: an upper bound of every candidate's document frequency, counted in a fixed table of
  // hashed keys (a corpus has millions of distinct word runs; a map of them all would be slow). Keys
  // sharing a slot add up, so a rare key may pass; pass 2 counts exactly.
  const table = new Uint16Array(HASH_SLOTS);
  const stamp = new Int32Array(HASH_SLOTS).fill(-1);
  papers.forEach(({ texts, language }, p) => {
    const visit: VisitCandidate = (slot) => {
      if (stamp[slot] === p) return;
      stamp[slot] = p;
      if ((table[slot] as number) < 0xffff) table[slot] = (table[slot] as number) + 1;
    };
    for (const { text } of texts) visitCandidates(text, language, visit);
  });

  // Pass 2: the exact document frequency of the keys that may be frequent enough, and where each
  // occurs in each paper: how often, and first where.
  const idOf = new Map<string, number>();
  const keys: string[] = [];
  const documentsOf: number[] = [];
  const rawHits: PaperHit[][] = [];
  papers.forEach(({ texts, language }) => {
    const hits = new Map<number, PaperHit>();
    texts.forEach(({ text }, t) => {
      visitCandidates(text, language, (slot, keyOf, start, end) => {
        if ((table[slot] as number) < minDocuments) return;
        const key = keyOf();
        let id = idOf.get(key);
        if (id === undefined) {
          id = keys.length;
          idOf.set(key, id);
          keys.push(key);
          documentsOf.push(0);
        }
        const hit = hits.get(id);
        if (hit) hit.count++;
        else {
          hits.set(id, { candidate: id, count: 1, text: t, start, end });
          documentsOf[id] = (documentsOf[id] as number) + 1;
        }
      });
    });
    rawHits.push([...hits.values()]);
  });
  const stats = new Map<string, CandidateStats>();
  keys.forEach((key, id) => {
    const documents = documentsOf[id] as number;
    if (documents < minDocuments) return;
    const language = HAN.test(key) ? "zh" : "en";
    const length = language === "zh" ? key.length / 2 : key.split(" ").length;
    stats.set(key, { documents, length, language, nestedSum: 0, nestedCount: 0 });
  });

  // C-value's nesting: sums over the longer candidates holding each one.
  const eligible = [...stats];
  for (const [key, entry] of eligible) {
    for (const inner of listInnerKeys(key, entry.language)) {
      const innerStats = stats.get(inner);
      if (!innerStats) continue;
      innerStats.nestedSum += entry.documents;
      innerStats.nestedCount++;
    }
  }
  const candidates: { key: string; stats: CandidateStats; score: number }[] = [];
  for (const [key, entry] of eligible) {
    if (entry.documents > maxDocuments || reserved.has(key)) continue;
    const nested = entry.nestedCount > 0 ? entry.nestedSum / entry.nestedCount : 0;
    const cValue = Math.log2(1 + entry.length) * (entry.documents - nested);
    if (cValue <= 0) continue;
    candidates.push({ key, stats: entry, score: cValue * Math.log(total / entry.documents) });
  }
  candidates.sort((a, b) => b.score - a.score || compareStrings(a.key, b.key));
  // Hits by rank among the candidates, in the order they were found.
  const rankOf = new Int32Array(keys.length).fill(-1);
  candidates.forEach((c, rank) => {
    rankOf[idOf.get(c.key) as number] = rank;
  });
  const hitsOf: PaperHit[][] = rawHits.map((hits) =>
    hits.flatMap((hit) => {
      const rank = rankOf[hit.candidate] as number;
      return rank < 0 ? [] : [{ ...hit, candidate: rank }];
    }),
  );
  rawHits.length = 0;

  const general = findGeneralTerms(
    hitsOf,
    candidates.map((c) => c.key),
    Math.min(candidates.length, GENERAL_POOL * count),
    options.generalShare,
  );
  // Keep the strongest terms, one per concept: of a term and a longer one holding it that occur in
  // nearly the same papers, only the first ranked.
  const kept = new Set<number>();
  const keptKeys: { key: string; language: "en" | "zh"; documents: number }[] = [];
  const isRedundant = (index: number) => {
    const { key, stats: s } = candidates[index] as (typeof candidates)[number];
    return keptKeys.some((other) => {
      if (other.language !== s.language) return false;
      const [shorter, longer] =
        other.key.length < key.length
          ? [other, { key, documents: s.documents }]
          : [{ key, documents: s.documents }, other];
      if (!contains(longer.key, shorter.key, s.language)) return false;
      return shorter.documents <= options.nestedRatio * longer.documents;
    });
  };
  const keep = (index: number) => {
    const c = candidates[index] as (typeof candidates)[number];
    kept.add(index);
    keptKeys.push({ key: c.key, language: c.stats.language, documents: c.stats.documents });
  };
  for (let i = 0; i < candidates.length && kept.size < count; i++) {
    if (!general.has(i) && !isRedundant(i)) keep(i);
  }
  // A paper with an abstract and no topic at all gets the strongest term it holds, kept or not.
  papers.forEach((paper, p) => {
    if (!paper.hasAbstract || paper.hasTopic) return;
    const hits = hitsOf[p] as PaperHit[];
    if (hits.length === 0 || hits.some((hit) => kept.has(hit.candidate))) return;
    // Its strongest specific term; a general one only when it holds nothing else.
    const specific = hits.filter((hit) => !general.has(hit.candidate));
    const best = Math.min(...(specific.length > 0 ? specific : hits).map((hit) => hit.candidate));
    keep(best);
  });

  // Each paper's terms: the kept ones it holds, by tf-idf, best first.
  const assignments: KeyTermAssignment[] = [];
  const keptIndexes = [...kept].sort((a, b) => a - b);
  const ids = new Map<number, string>();
  const terms: DiscoveredTerm[] = [];
  const usedIds = new Set<string>();
  // How each kept term is written: its first occurrence in each paper.
  const spellings = new Map<number, Map<string, number>>(keptIndexes.map((i) => [i, new Map()]));
  papers.forEach((paper, p) => {
    for (const hit of hitsOf[p] as PaperHit[]) {
      const spelling = spellings.get(hit.candidate);
      if (!spelling) continue;
      const text = (paper.texts[hit.text] as KeyTermText).text;
      const written = text.slice(hit.start, hit.end).replace(/\s+/g, " ");
      spelling.set(written, (spelling.get(written) ?? 0) + 1);
    }
  });
  for (const index of keptIndexes) {
    const c = candidates[index] as (typeof candidates)[number];
    const label = pickSpelling(spellings.get(index) as Map<string, number>, c.key);
    let id = slugOf(label) || slugOf(c.key) || `term-${index}`;
    while (usedIds.has(id)) id = `${id}-${index}`;
    usedIds.add(id);
    ids.set(index, id);
    terms.push({
      id,
      label,
      language: c.stats.language,
      documents: c.stats.documents,
      score: round(c.score),
    });
  }
  papers.forEach((paper, p) => {
    const idf = (hit: PaperHit) =>
      hit.count *
      Math.log(total / (candidates[hit.candidate] as (typeof candidates)[number]).stats.documents);
    const ranked = (hitsOf[p] as PaperHit[])
      .filter((hit) => kept.has(hit.candidate))
      .map((hit) => ({ hit, weight: idf(hit) }))
      .sort((a, b) => b.weight - a.weight || a.hit.candidate - b.hit.candidate);
    const best = ranked[0]?.weight ?? 0;
    const texts = paper.texts;
    for (const { hit, weight } of ranked.slice(0, options.perPaper)) {
      if (weight < options.minShareOfBest * best) break;
      const text = texts[hit.text] as KeyTermText;
      assignments.push({
        paper: paper.key,
        term: ids.get(hit.candidate) as string,
        evidence: { source: text.source, snippet: snippetAround(text.text, hit.start, hit.end) },
      });
    }
  });
  const model: KeyTermModel = {
    total,
    perPaper: options.perPaper,
    minShareOfBest: options.minShareOfBest,
    terms: keptIndexes.map((index, i) => {
      const c = candidates[index] as (typeof candidates)[number];
      const term = terms[i] as DiscoveredTerm;
      return { key: c.key, id: term.id, label: term.label, documents: c.stats.documents };
    }),
  };
  // The words of this corpus are of no use to the rest of the build (up to 200,000 of them).
  releaseWordCache();
  return { terms, assignments, model };
}

/**
 * Give `papers` their terms from an earlier discovery's `model`, by the rule `discoverKeyTerms`
 * gives them (the kept terms a paper holds, by tf-idf with the corpus's document frequencies, the
 * best `perPaper` within `minShareOfBest` of the best). No term is discovered and none is kept
 * beyond the model's, so a paper with none of them gets none.
 */
export function assignKeyTerms(
  papers: readonly KeyTermPaper[],
  model: KeyTermModel,
): KeyTermAssignment[] {
  const rankOf = new Map(model.terms.map((term, rank) => [term.key, rank]));
  const assignments: KeyTermAssignment[] = [];
  for (const paper of papers) {
    const hits = new Map<number, PaperHit>();
    paper.texts.forEach(({ text }, t) => {
      visitCandidates(text, paper.language, (_slot, keyOf, start, end) => {
        const rank = rankOf.get(keyOf());
        if (rank === undefined) return;
        const hit = hits.get(rank);
        if (hit) hit.count++;
        else hits.set(rank, { candidate: rank, count: 1, text: t, start, end });
      });
    });
    const ranked = [...hits.values()]
      .map((hit) => ({
        hit,
        weight:
          hit.count *
          Math.log(
            model.total / (model.terms[hit.candidate] as KeyTermModel["terms"][number]).documents,
          ),
      }))
      .sort((a, b) => b.weight - a.weight || a.hit.candidate - b.hit.candidate);
    const best = ranked[0]?.weight ?? 0;
    for (const { hit, weight } of ranked.slice(0, model.perPaper)) {
      if (weight < model.minShareOfBest * best) break;
      const text = paper.texts[hit.text] as KeyTermText;
      assignments.push({
        paper: paper.key,
        term: (model.terms[hit.candidate] as KeyTermModel["terms"][number]).id,
        evidence: { source: text.source, snippet: snippetAround(text.text, hit.start, hit.end) },
      });
    }
  }
  return assignments;
}

/** Candidates weighed for generality: this many times the number of terms kept. */
const GENERAL_POOL = 3;
/** Fewest candidates with co-occurrences for generality to be judged at all. */
const GENERAL_MIN_POOL = 20;

/**
 * The general candidates among the first `pool` (by rank): VOSviewer's relevance (van Eck & Waltman
 * 2011) is how far the distribution of the candidates a term co-occurs with (in the same paper)
 * departs from the distribution of all co-occurrences, as Kullback–Leibler divergence. A term such as
 * "machine learning" co-occurs with every theme about as often as the corpus does: it says nothing
 * of a paper's subject. The lowest `share` of the pool by relevance is general. Counts are integers,
 * so the result does not depend on the order of the papers.
 */
function findGeneralTerms(
  hitsOf: readonly PaperHit[][],
  keys: readonly string[],
  pool: number,
  share: number,
): Set<number> {
  const general = new Set<number>();
  if (share <= 0 || pool < GENERAL_MIN_POOL) return general;
  const co = new Uint32Array(pool * pool);
  const rowSum = new Float64Array(pool);
  for (const hits of hitsOf) {
    const ranks = hits.map((hit) => hit.candidate).filter((rank) => rank < pool);
    for (const a of ranks) {
      for (const b of ranks) {
        if (a === b) continue;
        co[a * pool + b] = (co[a * pool + b] as number) + 1;
        rowSum[a] = (rowSum[a] as number) + 1;
      }
    }
  }
  let total = 0;
  for (let t = 0; t < pool; t++) total += rowSum[t] as number;
  if (total === 0) return general;
  const relevance: { rank: number; value: number }[] = [];
  for (let t = 0; t < pool; t++) {
    // A term and one inside it or holding it ("language processing" in "natural language
    // processing") are one occurrence, not two terms met together.
    const key = keys[t] as string;
    const language = HAN.test(key) ? "zh" : "en";
    const partners: number[] = [];
    let sum = 0;
    for (let u = 0; u < pool; u++) {
      const n = co[t * pool + u] as number;
      if (n === 0) continue;
      const other = keys[u] as string;
      if (contains(key, other, language) || contains(other, key, language)) continue;
      partners.push(u);
      sum += n;
    }
    if (sum === 0) continue;
    let value = 0;
    const cells = partners.length;
    for (const u of partners) {
      const q = (co[t * pool + u] as number) / sum;
      value += q * Math.log(q / ((rowSum[u] as number) / total));
    }
    // Few co-occurrences make any distribution look peaked: less the bias of the estimate
    // (Miller–Madow), so that a rare term is not taken for a specific one by chance.
    relevance.push({ rank: t, value: value - (cells - 1) / (2 * sum) });
  }
  if (relevance.length < GENERAL_MIN_POOL) return general;
  relevance.sort((a, b) => a.value - b.value || a.rank - b.rank);
  const drop = Math.floor(relevance.length * share);
  for (const { rank } of relevance.slice(0, drop)) general.add(rank);
  return general;
}

/** The shorter candidates inside a candidate: contiguous word runs (English) or substrings (Chinese). */
function listInnerKeys(key: string, language: "en" | "zh"): string[] {
  const inner: string[] = [];
  if (language === "zh") {
    for (let n = ZH_MIN_CHARS; n < key.length; n++) {
      for (let i = 0; i + n <= key.length; i++) inner.push(key.slice(i, i + n));
    }
    return [...new Set(inner)];
  }
  const words = key.split(" ");
  for (let n = MIN_PARTS; n < words.length; n++) {
    for (let i = 0; i + n <= words.length; i++) {
      // Only the last word of a key is singular; an inner run ending earlier is singularised too.
      const run = words.slice(i, i + n);
      run[run.length - 1] = singular(run[run.length - 1] as string);
      inner.push(run.join(" "));
    }
  }
  return [...new Set(inner)];
}

function contains(longer: string, shorter: string, language: "en" | "zh"): boolean {
  if (language === "zh") return longer.includes(shorter);
  return ` ${longer} `.includes(` ${shorter} `);
}

/**
 * The spelling written most often, letter case aside; within it, the casing written most often. Ties
 * go to fewer capitals, then code-unit order.
 */
function pickSpelling(spellings: Map<string, number>, fallback: string): string {
  const groups = new Map<string, number>();
  for (const [spelling, n] of spellings) {
    const lower = spelling.toLowerCase();
    groups.set(lower, (groups.get(lower) ?? 0) + n);
  }
  let best: string | undefined;
  const rank = (spelling: string) => [
    groups.get(spelling.toLowerCase()) ?? 0,
    spellings.get(spelling) ?? 0,
    -capitals(spelling),
  ];
  for (const spelling of spellings.keys()) {
    if (best === undefined) {
      best = spelling;
      continue;
    }
    const [a, b] = [rank(spelling), rank(best)];
    const order =
      (a[0] as number) - (b[0] as number) ||
      (a[1] as number) - (b[1] as number) ||
      (a[2] as number) - (b[2] as number);
    if (order > 0 || (order === 0 && spelling < best)) best = spelling;
  }
  return best ?? fallback;
}

function capitals(text: string): number {
  return (text.match(/[A-Z]/g) ?? []).length;
}

function slugOf(text: string): string {
  if (HAN.test(text)) return text.replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "");
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
