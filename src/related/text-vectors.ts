// TF-IDF vectors of titles and abstracts (Salton & Buckley 1988), with English words and Chinese
// character bigrams as terms so that Chinese-only papers are compared too.

const STOPWORDS = new Set(
  (
    "a about above after again all also an and any are as at be been being between both but by can could did do " +
    "does doing during each few for from further had has have having here how i if in into is it its itself just " +
    "more most no nor not of on once only or other our out over own same should so some such than that the their " +
    "them then there these they this those through to too under until up very was we were what when where which " +
    "while who whom why will with would you your paper propose proposed present study results show using based"
  ).split(" "),
);

/** Terms of a text: lower-case English words (stop words removed) and Chinese character bigrams. */
export function tokenize(text: string): string[] {
  const lower = text.normalize("NFKC").toLowerCase();
  const terms: string[] = [];
  for (const word of lower.match(/[a-z][a-z0-9-]+/g) ?? []) {
    if (!STOPWORDS.has(word) && word.length > 2) terms.push(word);
  }
  for (const run of lower.match(/[\u3400-\u9fff]+/g) ?? []) {
    for (let i = 0; i + 2 <= run.length; i += 1) terms.push(run.slice(i, i + 2));
  }
  return terms;
}

export type SparseVector = Map<string, number>;

/** Unit-length TF-IDF vectors, one per document, with sublinear term frequency (1 + log tf). */
export function computeTfidfVectors(texts: string[]): SparseVector[] {
  const counts = texts.map((text) => {
    const tf = new Map<string, number>();
    for (const term of tokenize(text)) tf.set(term, (tf.get(term) ?? 0) + 1);
    return tf;
  });
  const df = new Map<string, number>();
  for (const tf of counts) for (const term of tf.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const n = texts.length;
  return counts.map((tf) => {
    const vector: SparseVector = new Map();
    let norm = 0;
    for (const [term, count] of tf) {
      const weight = (1 + Math.log(count)) * Math.log((1 + n) / (1 + (df.get(term) ?? 0)));
      if (weight <= 0) continue;
      vector.set(term, weight);
      norm += weight * weight;
    }
    norm = Math.sqrt(norm);
    if (norm > 0) for (const [term, weight] of vector) vector.set(term, weight / norm);
    return vector;
  });
}

export function cosine(a: SparseVector, b: SparseVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, weight] of small) dot += weight * (large.get(term) ?? 0);
  return dot;
}
