// Text similarity of titles and abstracts: TF-IDF vectors (Salton & Buckley 1988) in two language
// spaces, English words and Chinese character bigrams, held in an inverted index so that a query only
// touches the papers that share a term with it, or (`createTextQuery`) only those that can reach a
// floor. A paper with text in one language only is compared with papers in the other through the
// bilingual papers nearest to it.

const STOPWORDS = new Set(
  (
    "a about above after again all also an and any are as at be been being between both but by can could did do " +
    "does doing during each few for from further had has have having here how i if in into is it its itself just " +
    "more most no nor not of on once only or other our out over own same should so some such than that the their " +
    "them then there these they this those through to too under until up very was we were what when where which " +
    "while who whom why will with would you your paper propose proposed present study results show using based " +
    "via toward towards across within without new"
  ).split(" "),
);

const LATIN_WORD = /[a-z][a-z0-9]*(?:-[a-z0-9]+)*/g;
const NON_ASCII = /[^\t\n\r\u0020-\u007e]/;

/** The Han code points `isHan` accepts span HAN_FIRST … HAN_FIRST + HAN_SPAN − 1. */
const HAN_FIRST = 0x3400;
const HAN_SPAN = 0xa000 - HAN_FIRST;
/** Han bigram terms are numbered from here on, above every single UTF-16 code. */
const HAN_BIGRAMS = 65536;

/** Han characters: CJK unified ideographs and extension A. */
const isHan = (code: number) =>
  (code >= 0x3400 && code <= 0x4dbf) || (code >= 0x4e00 && code <= 0x9fff);

/**
 * A light English stemmer: folds plurals (`models` → `model`, `studies` → `study`) and nothing else,
 * so that words stay readable and `bias`, `analysis`, `status` or `class` (-as, -is, -us, -ss) are
 * left alone.
 */
export function stemWord(word: string): string {
  if (word.length <= 3 || word.charCodeAt(word.length - 1) !== 115) return word;
  const before = word.charCodeAt(word.length - 2);
  // -ss, -us, -is, -as
  if (before === 115 || before === 117 || before === 105 || before === 97) return word;
  if (word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.endsWith("sses")) return word.slice(0, -2);
  return word.slice(0, -1);
}

/**
 * Emit the terms of `text`, as `tokenize` describes them, except that Han terms come as numbers (a
 * bigram as `HAN_BIGRAMS + (first − HAN_FIRST) × HAN_SPAN + (second − HAN_FIRST)`, a lone character as
 * its code; all below 2³⁰, so that V8 keeps them as small integers, not boxed): building the index
 * makes millions of them, and numbers spare making a string for each.
 */
function scanTerms(text: string, emit: (term: string | number) => void, phrases = false): void {
  // NFKC folds full-width Latin letters and compatibility forms; ASCII text needs none of it.
  const lower = (NON_ASCII.test(text) ? text.normalize("NFKC") : text).toLowerCase();
  if (phrases) scanWordsAndPhrases(lower, emit);
  else {
    for (const word of lower.match(LATIN_WORD) ?? []) emitWord(word, emit);
  }
  let runStart = -1;
  for (let i = 0; i <= lower.length; i += 1) {
    const code = i < lower.length ? lower.charCodeAt(i) : 0;
    if (isHan(code)) {
      if (runStart < 0) runStart = i;
      continue;
    }
    if (runStart < 0) continue;
    if (i - runStart === 1) emit(lower.charCodeAt(runStart));
    for (let j = runStart; j + 1 < i; j += 1)
      emit(
        HAN_BIGRAMS +
          (lower.charCodeAt(j) - HAN_FIRST) * HAN_SPAN +
          (lower.charCodeAt(j + 1) - HAN_FIRST),
      );
    runStart = -1;
  }
}

/** Emit a Latin word's term (and its parts when hyphenated); false for a stop word or a letter. */
function emitWord(word: string, emit: (term: string | number) => void): string | undefined {
  if (word.length < 2 || STOPWORDS.has(word)) return undefined;
  const stem = stemWord(word);
  emit(stem);
  if (word.includes("-")) {
    for (const part of word.split("-")) {
      if (part.length > 2 && !STOPWORDS.has(part)) emit(stemWord(part));
    }
  }
  return stem;
}

/** The words of `lower`, and each pair of content words with only spaces between them. */
function scanWordsAndPhrases(lower: string, emit: (term: string | number) => void): void {
  let previous: string | undefined;
  let previousEnd = -1;
  for (const match of lower.matchAll(LATIN_WORD)) {
    const stem = emitWord(match[0], emit);
    if (stem && previous && /^ +$/.test(lower.slice(previousEnd, match.index)))
      emit(`${previous} ${stem}`);
    previous = stem;
    previousEnd = match.index + match[0].length;
  }
}

const termToString = (term: string | number) =>
  typeof term === "string"
    ? term
    : term < HAN_BIGRAMS
      ? String.fromCharCode(term)
      : String.fromCharCode(
          HAN_FIRST + Math.floor((term - HAN_BIGRAMS) / HAN_SPAN),
          HAN_FIRST + ((term - HAN_BIGRAMS) % HAN_SPAN),
        );

/**
 * Terms of a text: lower-case English words (stop words removed, plurals folded; hyphenated words also
 * give their parts) and Chinese character bigrams (a lone character stands for itself).
 */
export function tokenize(text: string): string[] {
  const terms: string[] = [];
  scanTerms(text, (term) => terms.push(termToString(term)));
  return terms;
}

/** The two term spaces: 0 for English text, 1 for Chinese text. */
export type LanguageSpace = 0 | 1;
export const ENGLISH: LanguageSpace = 0;
export const CHINESE: LanguageSpace = 1;

/** Whether a text is mostly Chinese: more Han characters than a third of its Latin letters. */
export function detectSpace(text: string): LanguageSpace {
  let han = 0;
  let latin = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (isHan(code)) han += 1;
    else if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) latin += 1;
  }
  return han * 3 > latin ? CHINESE : ENGLISH;
}

/** The texts of one paper. A field in the "wrong" language (a Chinese `title`) is placed by its script. */
export interface TextFields {
  title?: string | undefined;
  titleZh?: string | undefined;
  abstract?: string | undefined;
  abstractZh?: string | undefined;
  /** Key terms: the names of the topics and benchmarks the paper is linked to, one text. */
  keyTerms?: string | undefined;
}

export interface TextIndexOptions {
  /** How many times a title term counts against an abstract term (BM25F field weight). Default 2. */
  titleWeight: number;
  /** How many times a key term (`TextFields.keyTerms`) counts against an abstract term; 0: unused. */
  keyTermWeight: number;
  /**
   * BM25 term-frequency saturation (Robertson & Zaragoza 2009): a term's weight grows as
   * `tf (k1 + 1) / (tf + k1 (1 − b + b · len / avgLen))`. Default 8 (with `b` 1): on the real
   * development set of `npm run eval:related`, k1 of 3 to 12 beat the textbook 1.2 to 2 whatever b,
   * 8 best (title and abstract of one paper repeat their key words; saturating them early loses it).
   */
  k1: number;
  /** BM25 length normalisation, 0 (none) … 1 (full). Default 1 (0.25 … 1 within 0.02 at k1 8). */
  b: number;
  /** Also index each pair of adjacent English content words (`retrieval augmented`) as a term. */
  phrases: boolean;
  /**
   * Latin words in Chinese text (acronyms and names such as `RAG`, `LLaVA`) also count as English
   * terms, so that a Chinese-only abstract meets English text through them.
   */
  latinInChinese: boolean;
  /**
   * How much the Chinese space counts against the English one when two papers have text in both
   * (their similarity is the weighted mean of the two cosines). Default 1.
   */
  chineseWeight: number;
  /**
   * Pseudo-relevance feedback: the query is expanded with its this many nearest papers (0: none),
   * which weigh `feedbackWeight` (β) against the query's own 1 − β.
   */
  feedbackPapers: number;
  feedbackWeight: number;
  /**
   * A query (the paper whose related papers are sought) looks papers up by its this many heaviest
   * terms per language only (0: all). `nearestPapers` always uses every term.
   */
  queryTerms: number;
  /** How many bilingual papers bridge a monolingual paper to the other language. Default 3. */
  bridges: number;
  /** A bilingual paper this similar, or more, may serve as a bridge. Default 0.1. */
  minBridgeSimilarity: number;
  /**
   * Terms found in more than this share of the papers with text in their language, and in more than
   * `commonTermMinimum` papers, are left out of the inverted index: they weigh little (low idf) and
   * would cost most of a query's time. They still count in each vector's length.
   */
  commonTermShare: number;
  /** Graphs of up to this many papers keep every term. */
  commonTermMinimum: number;
}

export const DEFAULT_TEXT_INDEX_OPTIONS: TextIndexOptions = {
  titleWeight: 2,
  keyTermWeight: 0,
  k1: 8,
  b: 1,
  phrases: false,
  latinInChinese: false,
  chineseWeight: 1,
  feedbackPapers: 0,
  feedbackWeight: 0.3,
  queryTerms: 0,
  bridges: 3,
  minBridgeSimilarity: 0.1,
  commonTermShare: 0.3,
  commonTermMinimum: 1000,
};

/**
 * One language space in compressed rows: the unit-length vectors of the papers (`docStart[d]` …
 * `docStart[d + 1]` in `docTerms` / `docWeights`) and the postings of each term (`postingStart[t]` …).
 */
export interface TextSpace {
  /** The term of each term id (a Han term as its number, see `scanTerms`). */
  terms: Array<string | number>;
  docStart: Int32Array;
  docTerms: Int32Array;
  docWeights: Float32Array;
  postingStart: Int32Array;
  postingDocs: Int32Array;
  postingWeights: Float32Array;
  /** Per term: its largest weight in any paper's postings (0 for a term left out of the index). */
  maxWeights: Float32Array;
  /** The statistics the weights were made with, to weigh a paper added later the same way. */
  stats: SpaceStats;
}

/** Per term its idf, and the space's mean length and posting limit, as `buildSpace` found them. */
export interface SpaceStats {
  idf: Float64Array;
  /** Document frequency of each term when the index was built: it decides which terms have postings. */
  df: Int32Array;
  averageLength: number;
  maxPostings: number;
}

/** Precomputed text vectors of every paper, by position in the list they were built from. */
export interface TextIndex {
  size: number;
  /** Papers with text in one language only: [English only, Chinese only]. */
  monolingual: readonly [number, number];
  spaces: readonly [TextSpace, TextSpace];
  options: TextIndexOptions;
}

/** Similarities of one paper to the others, for the papers in `touched` (others are 0). */
export interface TextSimilarities {
  /** By paper position: cosine similarity, averaged over the language spaces both papers have. */
  values: Float64Array;
  /** By paper position: 1 when the similarity was found across languages, through a bilingual paper. */
  crossLanguage: Uint8Array;
  touched: number[];
}

/**
 * A growable typed array: the (term, count) pairs of every paper, without an object per pair. It
 * grows by fixed chunks, never by copying: each copy of a doubled array outside the heap makes V8
 * run a full collection, which at 100k papers means seconds of marking a heap of a gigabyte.
 */
class Column<T extends Int32Array | Float32Array> {
  length = 0;
  private readonly full: T[] = [];
  private current: T;
  private used = 0;
  constructor(private readonly make: (size: number) => T) {
    this.current = make(COLUMN_CHUNK);
  }
  push(value: number): void {
    if (this.used === COLUMN_CHUNK) {
      this.full.push(this.current);
      this.current = this.make(COLUMN_CHUNK);
      this.used = 0;
    }
    this.current[this.used] = value;
    this.used += 1;
    this.length += 1;
  }
  /** The values pushed, as one array of exactly their count. */
  toArray(): T {
    const all = this.make(this.length);
    let at = 0;
    for (const chunk of this.full) {
      all.set(chunk, at);
      at += chunk.length;
    }
    all.set(this.current.subarray(0, this.used), at);
    return all;
  }
}

/** Values per chunk of a {@link Column} (4 MB of 32-bit values). */
const COLUMN_CHUNK = 1 << 20;

/**
 * Term ids of Han terms (numbers below 2³², see `scanTerms`): open addressing in typed arrays, since
 * a Map keyed by numbers that large hashes each as a heap number.
 */
class HanIds {
  private keys = new Uint32Array(1 << 14);
  private ids = new Int32Array(1 << 14).fill(-1);
  private used = 0;

  private slot(key: number): number {
    const mask = this.keys.length - 1;
    let at = (Math.imul(key, 0x9e3779b1) >>> 0) & mask;
    while (this.ids[at] !== -1 && this.keys[at] !== key) at = (at + 1) & mask;
    return at;
  }

  get(key: number): number {
    return this.ids[this.slot(key)] as number;
  }

  set(key: number, id: number): void {
    if ((this.used + 1) * 2 > this.keys.length) this.grow();
    const at = this.slot(key);
    if (this.ids[at] === -1) this.used += 1;
    this.keys[at] = key;
    this.ids[at] = id;
  }

  private grow(): void {
    const { keys, ids } = this;
    this.keys = new Uint32Array(keys.length * 2);
    this.ids = new Int32Array(keys.length * 2).fill(-1);
    for (let i = 0; i < keys.length; i += 1) {
      if (ids[i] === -1) continue;
      const at = this.slot(keys[i] as number);
      this.keys[at] = keys[i] as number;
      this.ids[at] = ids[i] as number;
    }
  }
}

/** Term counts of every paper of one language space, as compressed rows, and its vocabulary. */
class SpaceCounts {
  /** Every term, by id; Latin terms' ids by text, Han terms' by number. */
  readonly vocabulary: Array<string | number> = [];
  private readonly words = new Map<string, number>();
  private readonly han = new HanIds();
  readonly starts: number[] = [0];
  readonly lengths: number[] = [];
  readonly terms = new Column((size) => new Int32Array(size));
  readonly counts = new Column((size) => new Float32Array(size));
  /** The current paper's counts by term id, and the ids it has met, in order. */
  private scratch = new Float32Array(1024);
  private readonly met: number[] = [];

  add(term: string | number, weight: number): void {
    let id = typeof term === "number" ? this.han.get(term) : (this.words.get(term) ?? -1);
    if (id === -1) {
      id = this.vocabulary.length;
      this.vocabulary.push(term);
      if (typeof term === "number") this.han.set(term, id);
      else this.words.set(term, id);
      if (id >= this.scratch.length) {
        const grown = new Float32Array(this.scratch.length * 2);
        grown.set(this.scratch);
        this.scratch = grown;
      }
    }
    if (this.scratch[id] === 0) this.met.push(id);
    this.scratch[id] = (this.scratch[id] as number) + weight;
  }

  /** Close the current paper: its counts go to the rows, in the order its terms were met. */
  close(): void {
    let length = 0;
    for (const id of this.met) {
      const count = this.scratch[id] as number;
      this.terms.push(id);
      this.counts.push(count);
      length += count;
      this.scratch[id] = 0;
    }
    this.met.length = 0;
    this.lengths.push(length);
    this.starts.push(this.terms.length);
  }
}

/** A paper's texts with the weight each field counts for, in the order the index reads them. */
function addWeightedFields(
  paper: TextFields,
  options: TextIndexOptions,
  add: (text: string | undefined, weight: number) => void,
): void {
  add(paper.title, options.titleWeight);
  add(paper.titleZh, options.titleWeight);
  add(paper.abstract, 1);
  add(paper.abstractZh, 1);
  if (options.keyTermWeight > 0) add(paper.keyTerms, options.keyTermWeight);
}

/** BM25's length normalisation of a paper: `k1 (1 − b + b · len / avgLen)`. */
function lengthNorm(length: number, averageLength: number, k1: number, b: number): number {
  return k1 * (1 - b + (b * length) / (averageLength || 1));
}

/** BM25's saturated term frequency: `tf (k1 + 1) / (tf + norm)`. */
function saturate(tf: number, norm: number, k1: number): number {
  return (tf * (k1 + 1)) / (tf + norm);
}

/**
 * Build the index of `papers`: per language space, BM25-weighted vectors (Robertson & Zaragoza
 * 2009; title and abstract as weighted fields, BM25F-style, idf `ln(1 + (N − df + ½) / (df + ½))`
 * with N the papers with text in that language), scaled to unit length so that two papers' cosine
 * is their similarity. Done once per graph.
 */
export function createTextIndex(
  papers: readonly TextFields[],
  partial: Partial<TextIndexOptions> = {},
): TextIndex {
  const options = { ...DEFAULT_TEXT_INDEX_OPTIONS, ...partial };
  const spaces = [new SpaceCounts(), new SpaceCounts()] as const;
  for (const paper of papers) {
    const add = (text: string | undefined, weight: number) => {
      if (!text) return;
      const space = detectSpace(text);
      const counts = spaces[space];
      const bridge = space === CHINESE && options.latinInChinese ? spaces[ENGLISH] : undefined;
      scanTerms(
        text,
        (term) => {
          counts.add(term, weight);
          if (bridge && typeof term === "string") bridge.add(term, weight);
        },
        options.phrases,
      );
    };
    addWeightedFields(paper, options, add);
    spaces[0].close();
    spaces[1].close();
  }
  const has = (space: SpaceCounts, doc: number) =>
    (space.starts[doc + 1] as number) > (space.starts[doc] as number);
  const monolingual: [number, number] = [0, 0];
  for (let doc = 0; doc < papers.length; doc += 1) {
    const english = has(spaces[0], doc);
    const chinese = has(spaces[1], doc);
    if (english && !chinese) monolingual[0] += 1;
    if (chinese && !english) monolingual[1] += 1;
  }
  const built = spaces.map((counts) => {
    const space = buildSpace(counts, papers.length, options);
    space.terms = counts.vocabulary;
    return space;
  });
  return {
    size: papers.length,
    monolingual,
    spaces: [built[0] as TextSpace, built[1] as TextSpace],
    options,
  };
}

function buildSpace(counts: SpaceCounts, papers: number, options: TextIndexOptions): TextSpace {
  const terms = counts.vocabulary.length;
  const entries = counts.terms.length;
  const termOf = counts.terms.toArray();
  const countOf = counts.counts.toArray();
  const df = new Int32Array(terms);
  let withText = 0;
  let totalLength = 0;
  for (let doc = 0; doc < papers; doc += 1) {
    if ((counts.starts[doc + 1] as number) > (counts.starts[doc] as number)) withText += 1;
    totalLength += counts.lengths[doc] as number;
  }
  for (let i = 0; i < entries; i += 1)
    df[termOf[i] as number] = (df[termOf[i] as number] as number) + 1;
  const idf = Float64Array.from(df, (value) =>
    Math.log(1 + (withText - value + 0.5) / (value + 0.5)),
  );
  const averageLength = totalLength / Math.max(1, withText);
  const { k1, b } = options;
  const maxPostings = Math.max(options.commonTermMinimum, options.commonTermShare * withText);
  const indexed = (id: number) => (df[id] as number) <= maxPostings;
  const docStart = Int32Array.from(counts.starts);
  const docTerms = termOf;
  const docWeights = new Float32Array(entries);
  const postingStart = new Int32Array(terms + 1);
  for (let doc = 0; doc < papers; doc += 1) {
    const from = docStart[doc] as number;
    const to = docStart[doc + 1] as number;
    const norm = lengthNorm(counts.lengths[doc] as number, averageLength, k1, b);
    let squares = 0;
    for (let i = from; i < to; i += 1) {
      const id = docTerms[i] as number;
      const tf = countOf[i] as number;
      const weight = saturate(tf, norm, k1) * (idf[id] as number);
      docWeights[i] = weight;
      squares += weight * weight;
      if (indexed(id)) postingStart[id + 1] = (postingStart[id + 1] as number) + 1;
    }
    const length = Math.sqrt(squares) || 1;
    for (let i = from; i < to; i += 1) docWeights[i] = (docWeights[i] as number) / length;
  }
  for (let id = 0; id < terms; id += 1)
    postingStart[id + 1] = (postingStart[id + 1] as number) + (postingStart[id] as number);
  const postingDocs = new Int32Array(postingStart[terms] as number);
  const postingWeights = new Float32Array(postingStart[terms] as number);
  const maxWeights = new Float32Array(terms);
  const filled = postingStart.slice(0, terms);
  for (let doc = 0; doc < papers; doc += 1) {
    for (let i = docStart[doc] as number; i < (docStart[doc + 1] as number); i += 1) {
      const id = docTerms[i] as number;
      if (!indexed(id)) continue;
      const slot = filled[id] as number;
      const weight = docWeights[i] as number;
      postingDocs[slot] = doc;
      postingWeights[slot] = weight;
      if (weight > (maxWeights[id] as number)) maxWeights[id] = weight;
      filled[id] = slot + 1;
    }
  }
  return {
    terms: [],
    docStart,
    docTerms,
    docWeights,
    postingStart,
    postingDocs,
    postingWeights,
    maxWeights,
    stats: { idf, df, averageLength, maxPostings },
  };
}

/** Term ids of a space's vocabulary, made once per space. */
const TERM_IDS = new WeakMap<TextSpace, Map<string | number, number>>();

function termIdsOf(space: TextSpace): Map<string | number, number> {
  let ids = TERM_IDS.get(space);
  if (!ids) {
    ids = new Map();
    space.terms.forEach((term, id) => {
      ids?.set(term, id);
    });
    TERM_IDS.set(space, ids);
  }
  return ids;
}

/** One paper's vector in one space: term ids and unit-length weights, in the order met. */
export interface SparseVector {
  terms: Int32Array;
  weights: Float32Array;
}

/**
 * The vectors (English, Chinese) `createTextIndex` would have given `paper` in `index`, for a paper
 * added to a built index (an incremental build): weighed with the statistics the index was built
 * with (its idf, mean length and vocabulary: a term the index never saw is left out), so that the
 * other papers' vectors need not change.
 */
export function vectorizeForIndex(
  index: TextIndex,
  paper: TextFields,
): [SparseVector, SparseVector] {
  const { options } = index;
  const counts: [Map<number, number>, Map<number, number>] = [new Map(), new Map()];
  const add = (text: string | undefined, weight: number) => {
    if (!text) return;
    const space = detectSpace(text);
    const ids = termIdsOf(index.spaces[space]);
    const bridge = space === CHINESE && options.latinInChinese ? ENGLISH : undefined;
    scanTerms(
      text,
      (term) => {
        const id = ids.get(term);
        if (id !== undefined) counts[space].set(id, (counts[space].get(id) ?? 0) + weight);
        if (bridge !== undefined && typeof term === "string") {
          const other = termIdsOf(index.spaces[bridge]).get(term);
          if (other !== undefined)
            counts[bridge].set(other, (counts[bridge].get(other) ?? 0) + weight);
        }
      },
      options.phrases,
    );
  };
  addWeightedFields(paper, options, add);
  const { k1, b } = options;
  return counts.map((map, space) => {
    const { idf, averageLength } = (index.spaces[space] as TextSpace).stats;
    let length = 0;
    for (const count of map.values()) length += count;
    const norm = lengthNorm(length, averageLength, k1, b);
    const terms = Int32Array.from(map.keys());
    const weights = Float32Array.from(
      map,
      ([id, tf]) => saturate(tf, norm, k1) * (idf[id] as number),
    );
    let squares = 0;
    for (const weight of weights) squares += weight * weight;
    const unit = Math.sqrt(squares) || 1;
    for (let i = 0; i < weights.length; i += 1) weights[i] = (weights[i] as number) / unit;
    return { terms, weights };
  }) as [SparseVector, SparseVector];
}

/** The readable text of term `id` of `space`. */
export function termText(index: TextIndex, space: LanguageSpace, id: number): string {
  const term = index.spaces[space].terms[id];
  return term === undefined ? "" : termToString(term);
}

/** Dot products of paper `doc`'s vector (times `scale`) with every paper's in `space`, into `into`. */
function accumulate(
  space: TextSpace,
  doc: number,
  scale: number,
  into: Float64Array,
  touched: number[],
  seen: Uint8Array,
  queryTerms = 0,
): void {
  const { docTerms, docWeights, postingStart, postingDocs, postingWeights } = space;
  const start = space.docStart[doc] as number;
  const end = space.docStart[doc + 1] as number;
  // Only the `queryTerms` heaviest terms (ties kept): the light ones are the common words, whose
  // long postings cost most of the time and add little to any one similarity.
  let lightest = 0;
  if (queryTerms > 0 && end - start > queryTerms) {
    const sorted = docWeights.slice(start, end).sort();
    lightest = sorted[sorted.length - queryTerms] as number;
  }
  for (let i = start; i < end; i += 1) {
    const id = docTerms[i] as number;
    if ((docWeights[i] as number) < lightest) continue;
    const weight = (docWeights[i] as number) * scale;
    const last = postingStart[id + 1] as number;
    for (let j = postingStart[id] as number; j < last; j += 1) {
      const other = postingDocs[j] as number;
      into[other] = (into[other] as number) + weight * (postingWeights[j] as number);
      if (seen[other] === 0) {
        seen[other] = 1;
        touched.push(other);
      }
    }
  }
}

/** Whether paper `doc` has text in the language `space`. */
export const hasSpace = (index: TextIndex, space: LanguageSpace, doc: number) =>
  (index.spaces[space].docStart[doc + 1] as number) > (index.spaces[space].docStart[doc] as number);

/**
 * The mean (Chinese weighing `chineseWeight`) of the per-language dot products in `dots` of a paper with text in the languages `mine` and
 * paper `other`, over the languages both have text in (0 when they share none).
 */
export function meanCosine(
  index: TextIndex,
  mine: readonly [boolean, boolean],
  dots: readonly [Float64Array, Float64Array],
  other: number,
): number {
  let sum = 0;
  let shared = 0;
  if (mine[ENGLISH] && hasSpace(index, ENGLISH, other)) {
    sum += dots[ENGLISH][other] as number;
    shared += 1;
  }
  if (mine[CHINESE] && hasSpace(index, CHINESE, other)) {
    const weight = index.options.chineseWeight;
    sum += weight * (dots[CHINESE][other] as number);
    shared += weight;
  }
  return shared > 0 ? sum / shared : 0;
}

/**
 * Cosine similarities of paper `doc` to every other paper that shares a term with it. Two papers with
 * text in the same language(s) get the mean of their per-language cosines. A paper with text in one
 * language only reaches papers with text only in the other through its `bridges` most similar bilingual
 * papers: the similarity is the best product `sim(doc, bridge) × cos(bridge, other)`.
 */
export function computeTextSimilarities(index: TextIndex, doc: number): TextSimilarities {
  const n = index.size;
  const values = new Float64Array(n);
  const crossLanguage = new Uint8Array(n);
  const touched: number[] = [];
  const seen = new Uint8Array(n);
  const mine = directSimilarities(index, doc, values, touched, seen);
  const { feedbackPapers, feedbackWeight } = index.options;
  if (feedbackPapers > 0 && feedbackWeight > 0) {
    // Pseudo-relevance feedback (Rocchio 1971): the papers nearest to this one also speak for it.
    // A paper's similarity becomes (1 − β) · its own cosine + β · the mean cosine to the feedback
    // papers — the cosine with the expanded query vector, up to a factor that is the same for all.
    const feedback = [...touched]
      .filter((other) => other !== doc && (values[other] as number) < FEEDBACK_MAX_SIMILARITY)
      .sort((a, b) => (values[b] as number) - (values[a] as number) || a - b)
      .slice(0, feedbackPapers);
    if (feedback.length > 0) {
      for (const other of touched) values[other] = (1 - feedbackWeight) * (values[other] as number);
      const through = new Float64Array(n);
      const found: number[] = [];
      const met = new Uint8Array(n);
      const share = feedbackWeight / feedback.length;
      for (const paper of feedback) {
        directSimilarities(index, paper, through, found, met);
        for (const other of found) {
          values[other] = (values[other] as number) + share * (through[other] as number);
          through[other] = 0;
          met[other] = 0;
          if (seen[other] === 0) {
            seen[other] = 1;
            touched.push(other);
          }
        }
        found.length = 0;
      }
    }
  }
  values[doc] = 0;
  const from = mine[ENGLISH] ? ENGLISH : CHINESE;
  // Only worth it when some paper has text in the other language alone.
  if (mine[ENGLISH] !== mine[CHINESE] && index.monolingual[from === ENGLISH ? 1 : 0] > 0) {
    for (const other of bridgeLanguages(index, doc, from, values, touched)) {
      crossLanguage[other] = 1;
      touched.push(other);
    }
  }
  return { values, crossLanguage, touched };
}

/** Feedback papers this similar are the same paper seen twice: they would only echo the query. */
const FEEDBACK_MAX_SIMILARITY = 0.9;

/**
 * Add paper `doc`'s direct similarity (mean per-language cosine) to every paper sharing a term with
 * it into `values` (itself included); list newly reached papers in `touched`. Returns which
 * languages `doc` has text in.
 */
function directSimilarities(
  index: TextIndex,
  doc: number,
  values: Float64Array,
  touched: number[],
  seen: Uint8Array,
): readonly [boolean, boolean] {
  const { dots, english, chinese } = scratchOf(index);
  const mine = [english[doc] === 1, chinese[doc] === 1] as const;
  const local: number[] = [];
  if (mine[ENGLISH])
    accumulateFirst(index.spaces[ENGLISH], doc, dots[ENGLISH], undefined, local, index.options);
  if (mine[CHINESE])
    accumulateFirst(
      index.spaces[CHINESE],
      doc,
      dots[CHINESE],
      mine[ENGLISH] ? dots[ENGLISH] : undefined,
      local,
      index.options,
    );
  const chineseWeight = index.options.chineseWeight;
  for (const other of local) {
    // As `meanCosine`, operation for operation.
    let sum = 0;
    let shared = 0;
    if (mine[ENGLISH] && english[other] === 1) {
      sum += dots[ENGLISH][other] as number;
      shared += 1;
    }
    if (mine[CHINESE] && chinese[other] === 1) {
      sum += chineseWeight * (dots[CHINESE][other] as number);
      shared += chineseWeight;
    }
    dots[ENGLISH][other] = 0;
    dots[CHINESE][other] = 0;
    values[other] = (values[other] as number) + (shared > 0 ? sum / shared : 0);
    if (seen[other] === 0) {
      seen[other] = 1;
      touched.push(other);
    }
  }
  return mine;
}

/** Per text index, made on its first query: which papers have text in each language, and sums. */
interface Scratch {
  english: Uint8Array;
  chinese: Uint8Array;
  /** Dot products by paper, all 0 between queries. */
  dots: readonly [Float64Array, Float64Array];
}

const SCRATCH = new WeakMap<TextIndex, Scratch>();

function scratchOf(index: TextIndex): Scratch {
  let scratch = SCRATCH.get(index);
  if (!scratch) {
    const has = (space: LanguageSpace) =>
      Uint8Array.from({ length: index.size }, (_, doc) => (hasSpace(index, space, doc) ? 1 : 0));
    scratch = {
      english: has(ENGLISH),
      chinese: has(CHINESE),
      dots: [new Float64Array(index.size), new Float64Array(index.size)],
    };
    SCRATCH.set(index, scratch);
  }
  return scratch;
}

/**
 * `accumulate` for the query paper itself, into sums that start at 0: a paper is new to `touched`
 * when its sums are still 0 (every term weight is above 0), in this space and in `before` (the
 * other space's sums, when those were taken first).
 */
function accumulateFirst(
  space: TextSpace,
  doc: number,
  into: Float64Array,
  before: Float64Array | undefined,
  touched: number[],
  options: TextIndexOptions,
): void {
  const { docTerms, docWeights, postingStart, postingDocs, postingWeights } = space;
  const start = space.docStart[doc] as number;
  const end = space.docStart[doc + 1] as number;
  let lightest = 0;
  if (options.queryTerms > 0 && end - start > options.queryTerms) {
    const sorted = docWeights.slice(start, end).sort();
    lightest = sorted[sorted.length - options.queryTerms] as number;
  }
  for (let i = start; i < end; i += 1) {
    const weight = docWeights[i] as number;
    if (weight < lightest) continue;
    const id = docTerms[i] as number;
    const last = postingStart[id + 1] as number;
    for (let j = postingStart[id] as number; j < last; j += 1) {
      const other = postingDocs[j] as number;
      const sum = into[other] as number;
      if (sum === 0 && (before === undefined || before[other] === 0)) touched.push(other);
      into[other] = sum + weight * (postingWeights[j] as number);
    }
  }
}

/**
 * For a paper with text only in `from`, give papers with text only in the other language a similarity
 * through the bilingual papers most similar to it. Writes into `values`; returns the papers it reached.
 */
function bridgeLanguages(
  index: TextIndex,
  doc: number,
  from: LanguageSpace,
  values: Float64Array,
  touched: readonly number[],
): number[] {
  const to: LanguageSpace = from === ENGLISH ? CHINESE : ENGLISH;
  const { bridges, minBridgeSimilarity } = index.options;
  const candidates: Array<[number, number]> = [];
  for (const other of touched) {
    const similarity = values[other] as number;
    if (similarity >= minBridgeSimilarity && hasSpace(index, to, other))
      candidates.push([other, similarity]);
  }
  candidates.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const space = index.spaces[to];
  const reached: number[] = [];
  const seen = new Uint8Array(index.size);
  for (const [bridge, similarity] of candidates.slice(0, bridges)) {
    const through = new Float64Array(index.size);
    const found: number[] = [];
    accumulate(
      space,
      bridge,
      similarity,
      through,
      found,
      new Uint8Array(index.size),
      index.options.queryTerms,
    );
    for (const other of found) {
      // Only papers the direct comparison could not reach: no text in the query's language.
      if (other === doc || hasSpace(index, from, other)) continue;
      values[other] = Math.max(values[other] as number, through[other] as number);
      if (seen[other] === 0) {
        seen[other] = 1;
        reached.push(other);
      }
    }
  }
  return reached;
}

/**
 * One paper's text similarities, pruned to those that can reach a floor: the papers whose similarity
 * may be `floor` or more, each with an upper bound, and the exact similarity of any paper on demand.
 * A similarity below the floor counts for nothing in the ranking, so the rest need not be computed.
 */
export interface TextQuery {
  /** Papers (positions, ascending; the query itself left out) whose similarity may reach the floor. */
  candidates: number[];
  /** Per candidate, in the same order: an upper bound of its similarity. */
  bounds: number[];
  /** The similarity of paper `other`, bit for bit as `computeTextSimilarities` gives it. */
  similarity(other: number): number;
}

/**
 * How much of the floor the terms left out of the search may add up to: their postings are not read,
 * and a paper met only through them stays below the floor. Larger reads fewer postings but leaves
 * more papers whose bound reaches the floor, to compute exactly: on the real digest pages, 0.05 to
 * 0.4 answered within a few percent of each other, 0.6 took half as long again and 0.8 three times.
 */
export const DEFAULT_REST_SHARE = 0.3;

/** Slack on every bound, far above the rounding of the sums it covers (about 10⁻¹⁵). */
export const BOUND_SLACK = 1e-9;

/**
 * Text similarities of paper `doc` pruned at `floor`, after MaxScore (Turtle & Flood 1995): each
 * query term's contribution to any paper is at most its weight times the term's largest weight in the
 * index; the lightest terms, whose bounds add up to at most `restShare × floor` per language, are
 * left out of the pass over the postings, and that sum is added back to every paper's partial sum as
 * the bound of what they could give. A paper the pass does not meet is below the floor. Undefined when
 * the index cannot be pruned so (pseudo-relevance feedback, `queryTerms`, a paper that needs bridges
 * to the other language, or a floor of 0): `computeTextSimilarities` gives all then.
 */
export function createTextQuery(
  index: TextIndex,
  doc: number,
  floor: number,
  restShare = DEFAULT_REST_SHARE,
): TextQuery | undefined {
  const { feedbackPapers, feedbackWeight, queryTerms, chineseWeight } = index.options;
  const budget = floor * restShare;
  if (!(budget >= 0) || budget + BOUND_SLACK >= floor) return undefined;
  if ((feedbackPapers > 0 && feedbackWeight > 0) || queryTerms > 0) return undefined;
  const { dots, english, chinese } = scratchOf(index);
  const mine = [english[doc] === 1, chinese[doc] === 1] as const;
  if (mine[ENGLISH] !== mine[CHINESE] && index.monolingual[mine[ENGLISH] ? 1 : 0] > 0)
    return undefined;
  const restEnglish = mine[ENGLISH]
    ? accumulateEssential(index.spaces[ENGLISH], doc, budget, dots[ENGLISH])
    : 0;
  const restChinese = mine[CHINESE]
    ? accumulateEssential(index.spaces[CHINESE], doc, budget, dots[CHINESE])
    : 0;
  const candidates: number[] = [];
  const bounds: number[] = [];
  const dotsEnglish = dots[ENGLISH];
  const dotsChinese = dots[CHINESE];
  for (let other = 0; other < index.size; other += 1) {
    const partialEnglish = dotsEnglish[other] as number;
    const partialChinese = dotsChinese[other] as number;
    // Met by no term searched: at most the rest, below the floor.
    if (partialEnglish === 0 && partialChinese === 0) continue;
    dotsEnglish[other] = 0;
    dotsChinese[other] = 0;
    if (other === doc) continue;
    let sum = 0;
    let shared = 0;
    if (mine[ENGLISH] && english[other] === 1) {
      sum += partialEnglish + restEnglish;
      shared += 1;
    }
    if (mine[CHINESE] && chinese[other] === 1) {
      sum += chineseWeight * (partialChinese + restChinese);
      shared += chineseWeight;
    }
    const bound = shared > 0 ? sum / shared + BOUND_SLACK : 0;
    if (bound < floor) continue;
    candidates.push(other);
    bounds.push(bound);
  }
  let lookups: readonly [TermLookup | undefined, TermLookup | undefined] | undefined;
  const similarity = (other: number) => {
    lookups ??= [
      mine[ENGLISH] ? createTermLookup(index.spaces[ENGLISH], doc) : undefined,
      mine[CHINESE] ? createTermLookup(index.spaces[CHINESE], doc) : undefined,
    ];
    // As `directSimilarities`, operation for operation.
    let sum = 0;
    let shared = 0;
    if (mine[ENGLISH] && english[other] === 1) {
      sum += exactDot(index.spaces[ENGLISH], lookups[ENGLISH] as TermLookup, other);
      shared += 1;
    }
    if (mine[CHINESE] && chinese[other] === 1) {
      sum += chineseWeight * exactDot(index.spaces[CHINESE], lookups[CHINESE] as TermLookup, other);
      shared += chineseWeight;
    }
    return 0 + (shared > 0 ? sum / shared : 0);
  };
  return { candidates, bounds, similarity };
}

/**
 * Add into `into` the dot products of paper `doc` with every paper over its essential terms: all but
 * the lightest, whose bounds (weight × the term's largest weight) add up to at most `budget`. Returns
 * the sum of the bounds left out.
 */
function accumulateEssential(
  space: TextSpace,
  doc: number,
  budget: number,
  into: Float64Array,
): number {
  const { docTerms, docWeights, postingStart, postingDocs, postingWeights, maxWeights } = space;
  const start = space.docStart[doc] as number;
  const end = space.docStart[doc + 1] as number;
  const sorted = new Float64Array(end - start);
  for (let i = start; i < end; i += 1)
    sorted[i - start] = (docWeights[i] as number) * (maxWeights[docTerms[i] as number] as number);
  sorted.sort();
  // Terms bounded below `cutoff` are left out: the lightest ones, as many as the budget allows.
  let cutoff = Number.POSITIVE_INFINITY;
  let total = 0;
  for (let i = 0; i < sorted.length; i += 1) {
    total += sorted[i] as number;
    if (total > budget) {
      cutoff = sorted[i] as number;
      break;
    }
  }
  let rest = 0;
  for (let i = start; i < end; i += 1) {
    const weight = docWeights[i] as number;
    const id = docTerms[i] as number;
    const bound = weight * (maxWeights[id] as number);
    if (bound < cutoff) {
      rest += bound;
      continue;
    }
    const last = postingStart[id + 1] as number;
    for (let j = postingStart[id] as number; j < last; j += 1) {
      const other = postingDocs[j] as number;
      into[other] = (into[other] as number) + weight * (postingWeights[j] as number);
    }
  }
  return rest;
}

/**
 * Where each indexed term of one paper's row sits in it: open addressing in typed arrays, small
 * enough to stay in cache while many other papers' rows are looked up in it.
 */
interface TermLookup {
  keys: Int32Array;
  slots: Int32Array;
  mask: number;
  /** The paper's row: `start` … `start + products.length` in the space's `docTerms`. */
  start: number;
  /** Per row entry: the term's product with the paper looked up (0 when that paper lacks it). */
  products: Float64Array;
}

const hashTerm = (id: number, mask: number) => (Math.imul(id, 0x9e3779b1) >>> 0) & mask;

function createTermLookup(space: TextSpace, doc: number): TermLookup {
  const start = space.docStart[doc] as number;
  const end = space.docStart[doc + 1] as number;
  let size = 16;
  while (size < 2 * (end - start)) size *= 2;
  const keys = new Int32Array(size).fill(-1);
  const slots = new Int32Array(size);
  const mask = size - 1;
  for (let i = start; i < end; i += 1) {
    const id = space.docTerms[i] as number;
    // Terms left out of the index add nothing to any dot product.
    if ((space.postingStart[id + 1] as number) === (space.postingStart[id] as number)) continue;
    let at = hashTerm(id, mask);
    while (keys[at] !== -1) at = (at + 1) & mask;
    keys[at] = id;
    slots[at] = i;
  }
  return { keys, slots, mask, start, products: new Float64Array(end - start) };
}

/**
 * The dot product of the looked-up paper with paper `other` in `space`, summed in the looked-up
 * paper's term order, as `accumulateFirst` sums it (a term `other` lacks adds 0, which leaves a sum
 * unchanged), so that it is the same number to the last bit.
 */
function exactDot(space: TextSpace, lookup: TermLookup, other: number): number {
  const { docTerms, docWeights } = space;
  const { keys, slots, mask, start, products } = lookup;
  const end = space.docStart[other + 1] as number;
  for (let t = space.docStart[other] as number; t < end; t += 1) {
    const id = docTerms[t] as number;
    let at = hashTerm(id, mask);
    let key = keys[at] as number;
    while (key !== id && key !== -1) {
      at = (at + 1) & mask;
      key = keys[at] as number;
    }
    if (key === -1) continue;
    const i = slots[at] as number;
    products[i - start] = (docWeights[i] as number) * (docWeights[t] as number);
  }
  let dot = 0;
  for (let i = 0; i < products.length; i += 1) {
    dot += products[i] as number;
    products[i] = 0;
  }
  return dot;
}
