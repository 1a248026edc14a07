// Text similarity of titles and abstracts: TF-IDF vectors (Salton & Buckley 1988) in two language
// spaces, English words and Chinese character bigrams, held in an inverted index so that a query only
// touches the papers that share a term with it. A paper with text in one language only is compared
// with papers in the other through the bilingual papers nearest to it.

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
/** Word endings `stemWord` leaves alone: `bias`, `status`, `analysis`, `class`. */
const KEPT_ENDINGS = ["ss", "us", "is", "as"];

/** Han characters: CJK unified ideographs and extension A. */
const isHan = (code: number) =>
  (code >= 0x3400 && code <= 0x4dbf) || (code >= 0x4e00 && code <= 0x9fff);

/**
 * A light English stemmer: folds plurals (`models` → `model`, `studies` → `study`) and nothing else,
 * so that words stay readable and `bias`, `analysis` or `status` are left alone.
 */
export function stemWord(word: string): string {
  if (word.length <= 3 || !word.endsWith("s") || KEPT_ENDINGS.some((e) => word.endsWith(e)))
    return word;
  if (word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.endsWith("sses")) return word.slice(0, -2);
  return word.slice(0, -1);
}

/**
 * Emit the terms of `text`, as `tokenize` describes them, except that Han terms come as numbers (a
 * bigram as `first × 65536 + second` UTF-16 code, a lone character as its code): building the index
 * makes millions of them, and numbers spare making a string for each.
 */
function scanTerms(text: string, emit: (term: string | number) => void): void {
  // NFKC folds full-width Latin letters and compatibility forms; ASCII text needs none of it.
  const lower = (NON_ASCII.test(text) ? text.normalize("NFKC") : text).toLowerCase();
  for (const word of lower.match(LATIN_WORD) ?? []) {
    if (word.length < 2 || STOPWORDS.has(word)) continue;
    emit(stemWord(word));
    if (word.includes("-")) {
      for (const part of word.split("-")) {
        if (part.length > 2 && !STOPWORDS.has(part)) emit(stemWord(part));
      }
    }
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
      emit(lower.charCodeAt(j) * 65536 + lower.charCodeAt(j + 1));
    runStart = -1;
  }
}

const termToString = (term: string | number) =>
  typeof term === "string"
    ? term
    : term < 65536
      ? String.fromCharCode(term)
      : String.fromCharCode(Math.floor(term / 65536), term % 65536);

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
}

export interface TextIndexOptions {
  /** How many times a title term counts against an abstract term. Default 2. */
  titleWeight: number;
  /** How many bilingual papers bridge a monolingual paper to the other language. Default 3. */
  bridges: number;
  /** A bilingual paper this similar, or more, may serve as a bridge. Default 0.1. */
  minBridgeSimilarity: number;
  /**
   * Terms found in more than this share of the papers with text in their language, and in more than
   * `commonTermMinimum` papers, are left out of the inverted index: they weigh little (low idf) and
   * would cost most of a query's time. They still count in each vector's length. Default 0.3.
   */
  commonTermShare: number;
  /** Default 1000: graphs of up to a few thousand papers keep every term. */
  commonTermMinimum: number;
}

export const DEFAULT_TEXT_INDEX_OPTIONS: TextIndexOptions = {
  titleWeight: 2,
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
 * Build the TF-IDF index of `papers` (sublinear term frequency `1 + ln tf`, idf `ln(1 + N / df)` with N
 * the number of papers with text in that language). Done once per graph.
 */
export function createTextIndex(
  papers: readonly TextFields[],
  partial: Partial<TextIndexOptions> = {},
): TextIndex {
  const options = { ...DEFAULT_TEXT_INDEX_OPTIONS, ...partial };
  // Term ids are given as terms are met; a paper's term counts are kept by id.
  const vocabularies = [new Map<string | number, number>(), new Map<string | number, number>()];
  const counts: [Array<Map<number, number>>, Array<Map<number, number>>] = [[], []];
  for (const paper of papers) {
    const bySpace = [new Map<number, number>(), new Map<number, number>()] as const;
    const add = (text: string | undefined, weight: number) => {
      if (!text) return;
      const space = detectSpace(text);
      const tf = bySpace[space];
      const vocabulary = vocabularies[space] as Map<string | number, number>;
      scanTerms(text, (term) => {
        let id = vocabulary.get(term);
        if (id === undefined) {
          id = vocabulary.size;
          vocabulary.set(term, id);
        }
        tf.set(id, (tf.get(id) ?? 0) + weight);
      });
    };
    add(paper.title, options.titleWeight);
    add(paper.titleZh, options.titleWeight);
    add(paper.abstract, 1);
    add(paper.abstractZh, 1);
    counts[0].push(bySpace[0]);
    counts[1].push(bySpace[1]);
  }
  const monolingual: [number, number] = [0, 0];
  counts[0].forEach((english, i) => {
    const chinese = counts[1][i] as Map<number, number>;
    if (english.size > 0 && chinese.size === 0) monolingual[0] += 1;
    if (chinese.size > 0 && english.size === 0) monolingual[1] += 1;
  });
  const spaces = [0, 1].map((space) => {
    const vocabulary = vocabularies[space] as Map<string | number, number>;
    const built = buildSpace(counts[space] as Array<Map<number, number>>, vocabulary.size, options);
    built.terms = [...vocabulary.keys()];
    return built;
  });
  return {
    size: papers.length,
    monolingual,
    spaces: [spaces[0] as TextSpace, spaces[1] as TextSpace],
    options,
  };
}

function buildSpace(
  counts: ReadonlyArray<Map<number, number>>,
  terms: number,
  options: TextIndexOptions,
): TextSpace {
  const df = new Int32Array(terms);
  let withText = 0;
  let entries = 0;
  for (const tf of counts) {
    if (tf.size > 0) withText += 1;
    entries += tf.size;
    for (const id of tf.keys()) df[id] = (df[id] as number) + 1;
  }
  const idf = Float64Array.from(df, (value) => Math.log(1 + withText / Math.max(1, value)));
  const maxPostings = Math.max(options.commonTermMinimum, options.commonTermShare * withText);
  const indexed = (id: number) => (df[id] as number) <= maxPostings;
  const docStart = new Int32Array(counts.length + 1);
  const docTerms = new Int32Array(entries);
  const docWeights = new Float32Array(entries);
  const postingStart = new Int32Array(terms + 1);
  let at = 0;
  counts.forEach((tf, doc) => {
    docStart[doc] = at;
    let norm = 0;
    const from = at;
    for (const [id, count] of tf) {
      const weight = (1 + Math.log(count)) * (idf[id] as number);
      docTerms[at] = id;
      docWeights[at] = weight;
      norm += weight * weight;
      if (indexed(id)) postingStart[id + 1] = (postingStart[id + 1] as number) + 1;
      at += 1;
    }
    norm = Math.sqrt(norm) || 1;
    for (let i = from; i < at; i += 1) docWeights[i] = (docWeights[i] as number) / norm;
  });
  docStart[counts.length] = at;
  for (let id = 0; id < terms; id += 1)
    postingStart[id + 1] = (postingStart[id + 1] as number) + (postingStart[id] as number);
  const postingDocs = new Int32Array(postingStart[terms] as number);
  const postingWeights = new Float32Array(postingStart[terms] as number);
  const filled = postingStart.slice(0, terms);
  for (let doc = 0; doc < counts.length; doc += 1) {
    for (let i = docStart[doc] as number; i < (docStart[doc + 1] as number); i += 1) {
      const id = docTerms[i] as number;
      if (!indexed(id)) continue;
      const slot = filled[id] as number;
      postingDocs[slot] = doc;
      postingWeights[slot] = docWeights[i] as number;
      filled[id] = slot + 1;
    }
  }
  return { terms: [], docStart, docTerms, docWeights, postingStart, postingDocs, postingWeights };
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
): void {
  const { docTerms, docWeights, postingStart, postingDocs, postingWeights } = space;
  const end = space.docStart[doc + 1] as number;
  for (let i = space.docStart[doc] as number; i < end; i += 1) {
    const id = docTerms[i] as number;
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
 * The mean of the per-language dot products in `dots` of a paper with text in the languages `mine` and
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
  for (const space of [ENGLISH, CHINESE] as const) {
    if (mine[space] && hasSpace(index, space, other)) {
      sum += dots[space][other] as number;
      shared += 1;
    }
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
  const dots = [new Float64Array(n), new Float64Array(n)] as const;
  const mine = [hasSpace(index, ENGLISH, doc), hasSpace(index, CHINESE, doc)] as const;
  for (const space of [ENGLISH, CHINESE] as const) {
    if (!mine[space]) continue;
    accumulate(index.spaces[space], doc, 1, dots[space], touched, seen);
  }
  for (const other of touched) values[other] = meanCosine(index, mine, dots, other);
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
    accumulate(space, bridge, similarity, through, found, new Uint8Array(index.size));
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
