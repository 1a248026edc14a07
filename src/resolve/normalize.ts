// Text normalisation for entity resolution: comparable titles, readable slugs for node keys,
// and hashed shingles for finding two records that carry the same abstract.

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/**
 * A title reduced to what identifies it: NFKC, lower case, accents, punctuation and spacing removed.
 * `"Large Language Models Illuminate … Assistant: A Review"` and the same title wrapped, re-cased or
 * with a different colon compare equal.
 */
export function normalizeTitle(title: string): string {
  // Plain ASCII has no accents and no compatibility forms, and its letters and digits are a-z and
  // 0-9 once lower-cased: the same steps with simpler patterns.
  if (isAscii(title)) {
    return title
      .toLowerCase()
      .replace(/["'`]/g, "")
      .replace(/[^a-z0-9]+/g, " ")
      .trim();
  }
  return title
    .normalize("NFKD")
    .replace(COMBINING_MARKS, "")
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[《》「」『』"'“”‘’`]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** A readable key fragment from a title, keeping Chinese and other scripts (names of benchmarks use extract/slug.ts): `Large Language Models: A Survey` → `large-language-models-a-survey` (at most 80 characters). */
export function slugifyTitle(text: string): string {
  const slug = normalizeTitle(text).replace(/\s+/g, "-");
  if (slug.length <= 80) return slug;
  const cut = slug.slice(0, 80);
  const lastDash = cut.lastIndexOf("-");
  return lastDash > 40 ? cut.slice(0, lastDash) : cut;
}

/** Words of a title, for comparing two titles that are not equal. */
export function titleWords(title: string): Set<string> {
  return new Set(normalizeTitle(title).split(" ").filter(Boolean));
}

/** Jaccard similarity of the word sets of two titles (0 … 1). */
export function titleSimilarity(a: string, b: string): number {
  return normalizedTitleSimilarity(normalizeTitle(a), normalizeTitle(b));
}

/** `titleSimilarity` of two titles given as `normalizeTitle` made them. */
export function normalizedTitleSimilarity(a: string, b: string): number {
  const wa = new Set(a.split(" ").filter(Boolean));
  const wb = new Set(b.split(" ").filter(Boolean));
  let shared = 0;
  for (const word of wa) if (wb.has(word)) shared += 1;
  const union = wa.size + wb.size - shared;
  return union === 0 ? 0 : shared / union;
}

const ENGLISH_SHINGLE = 5;
const CJK_SHINGLE = 6;

/**
 * Hashed shingles of a text: English word 5-grams and Chinese 6-character runs, as 32-bit hashes so
 * that ten thousand abstracts fit in memory. Two texts that share a sentence share shingles.
 * Each word is hashed once and a shingle's hash combines its words' hashes, so no n-gram string is built.
 */
export function shingleText(text: string): Set<number> {
  const shingles = new Set<number>();
  visitShingles(text, (hash) => shingles.add(hash));
  return shingles;
}

/** Each shingle hash of `shingleText`, in the same order, repeats included, without building the set. */
export function visitShingles(text: string, visit: (hash: number) => void): void {
  // ASCII text is lowered as it is scanned, without a lowered copy; it has no Chinese runs.
  const ascii = isAscii(text);
  const lower = ascii ? text : text.normalize("NFKC").toLowerCase();
  // Each word's hash, computed as the text is scanned (the words of `[a-z0-9]+`), in a ring of
  // the last ENGLISH_SHINGLE words.
  const ring = new Array<number>(ENGLISH_SHINGLE).fill(0);
  let words = 0;
  let hash = FNV_OFFSET;
  let inWord = false;
  for (let i = 0; i <= lower.length; i += 1) {
    let code = i < lower.length ? lower.charCodeAt(i) : 0;
    if (ascii && code >= 65 && code <= 90) code += 32;
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) {
      if (!inWord) {
        inWord = true;
        hash = FNV_OFFSET;
      }
      hash = Math.imul(hash ^ code, FNV_PRIME);
      continue;
    }
    if (!inWord) continue;
    inWord = false;
    ring[words % ENGLISH_SHINGLE] = hash >>> 0;
    words += 1;
    if (words >= ENGLISH_SHINGLE) visit(combineRing(ring, words - ENGLISH_SHINGLE));
  }
  for (let i = 0; !ascii && i < lower.length; ) {
    if (!isCjkCode(lower.charCodeAt(i))) {
      i += 1;
      continue;
    }
    let end = i + 1;
    while (end < lower.length && isCjkCode(lower.charCodeAt(end))) end += 1;
    for (let start = i; start + CJK_SHINGLE <= end; start += 1) {
      let h = FNV_OFFSET;
      for (let k = start; k < start + CJK_SHINGLE; k += 1)
        h = Math.imul(h ^ lower.charCodeAt(k), FNV_PRIME);
      visit(h >>> 0);
    }
    i = end;
  }
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a over the ring's ENGLISH_SHINGLE word hashes, the `first`-th word of the text first. */
function combineRing(ring: readonly number[], first: number): number {
  let hash = FNV_OFFSET;
  for (let k = 0; k < ENGLISH_SHINGLE; k += 1) {
    hash ^= ring[(first + k) % ENGLISH_SHINGLE] as number;
    hash = Math.imul(hash, FNV_PRIME);
  }
  return hash >>> 0;
}

/** The characters a Chinese run is made of (U+3400 to U+9FFF). */
function isCjkCode(code: number): boolean {
  return code >= 0x3400 && code <= 0x9fff;
}

/** Whether every code unit of `text` is ASCII. */
export function isAscii(text: string): boolean {
  return !NON_ASCII.test(text);
}

/** A code unit above U+007F (a test of one class is several times faster than a loop). */
const NON_ASCII = /[\u0080-\uFFFF]/;

/** FNV-1a, 32 bits. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
