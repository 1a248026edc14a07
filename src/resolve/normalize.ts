// Text normalisation for entity resolution: comparable titles, readable slugs for node keys,
// and hashed shingles for finding two records that carry the same abstract.

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/**
 * A title reduced to what identifies it: NFKC, lower case, accents, punctuation and spacing removed.
 * `"Large Language Models Illuminate … Assistant: A Review"` and the same title wrapped, re-cased or
 * with a different colon compare equal.
 */
export function normalizeTitle(title: string): string {
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
  const wa = titleWords(a);
  const wb = titleWords(b);
  let shared = 0;
  for (const word of wa) if (wb.has(word)) shared += 1;
  const union = wa.size + wb.size - shared;
  return union === 0 ? 0 : shared / union;
}

const ENGLISH_WORD = /[a-z0-9]+/g;
const CJK_RUN = /[\u3400-\u9fff]+/g;
const ENGLISH_SHINGLE = 5;
const CJK_SHINGLE = 6;

/**
 * Hashed shingles of a text: English word 5-grams and Chinese 6-character runs, as 32-bit hashes so
 * that ten thousand abstracts fit in memory. Two texts that share a sentence share shingles.
 * Each word is hashed once and a shingle's hash combines its words' hashes, so no n-gram string is built.
 */
export function shingleText(text: string): Set<number> {
  const shingles = new Set<number>();
  const lower = text.normalize("NFKC").toLowerCase();
  const wordHashes = (lower.match(ENGLISH_WORD) ?? []).map(hashString);
  for (let i = 0; i + ENGLISH_SHINGLE <= wordHashes.length; i += 1) {
    shingles.add(combineHashes(wordHashes, i, ENGLISH_SHINGLE));
  }
  for (const run of lower.match(CJK_RUN) ?? []) {
    if (run.length < CJK_SHINGLE) continue;
    const charHashes = Array.from({ length: run.length }, (_, i) => run.charCodeAt(i));
    for (let i = 0; i + CJK_SHINGLE <= charHashes.length; i += 1) {
      shingles.add(combineHashes(charHashes, i, CJK_SHINGLE));
    }
  }
  return shingles;
}

/** FNV-1a over `count` 32-bit values starting at `start`. */
function combineHashes(values: number[], start: number, count: number): number {
  let hash = 0x811c9dc5;
  for (let k = start; k < start + count; k += 1) {
    hash ^= values[k] ?? 0;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** FNV-1a, 32 bits. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
