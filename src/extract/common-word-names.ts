// A one-word name found by how a sentence presents it ("the Search benchmark") is a benchmark only
// if the corpus writes it as a name. A word the corpus's other texts use in lower case ("search",
// "education", "ethics") is a common word that a sentence happened to capitalise; a real one-word
// name ("Spider", "Clotho", "Qasper") is hardly ever written in lower case.
import type { ExtractedPaper } from "./types.ts";

/** A name is a common word when at least this many records write it in lower case… */
const MIN_LOWER_CASE_RECORDS = 3;

const ONE_WORD = /^[A-Z][a-z]+$/;
const LOWER_CASE_WORD = /[a-z]+/g;

/**
 * The lower-cased discovered one-word benchmark names of `papers` that at least
 * `MIN_LOWER_CASE_RECORDS` records, and at least as many as name it, write in lower case in their
 * English title, abstract or summary: common words.
 */
export function findCommonWordNames(papers: readonly ExtractedPaper[]): Set<string> {
  const naming = new Map<string, number>();
  for (const paper of papers) {
    for (const mention of paper.benchmarks) {
      if (mention.known || !ONE_WORD.test(mention.name)) continue;
      const word = mention.name.toLowerCase();
      naming.set(word, (naming.get(word) ?? 0) + 1);
    }
  }
  const common = new Set<string>();
  if (naming.size === 0) return common;
  const lowerCase = new Map<string, number>();
  const seen = new Set<string>();
  for (const { record } of papers) {
    seen.clear();
    for (const text of [record.title, record.abstract, record.summary]) {
      if (!text) continue;
      LOWER_CASE_WORD.lastIndex = 0;
      for (let m = LOWER_CASE_WORD.exec(text); m; m = LOWER_CASE_WORD.exec(text)) {
        const word = m[0];
        // A lower-case run inside a word ("SGDsearch") is not the word.
        if (m.index > 0 && isLetter(text.charCodeAt(m.index - 1))) continue;
        if (naming.has(word)) seen.add(word);
      }
    }
    for (const word of seen) lowerCase.set(word, (lowerCase.get(word) ?? 0) + 1);
  }
  for (const [word, records] of naming) {
    const lower = lowerCase.get(word) ?? 0;
    if (lower >= MIN_LOWER_CASE_RECORDS && lower >= records) common.add(word);
  }
  return common;
}

/** Remove the discovered one-word benchmark names in `common` (lower-cased) from every paper. */
export function dropBenchmarkNames(
  papers: readonly ExtractedPaper[],
  common: ReadonlySet<string>,
): number {
  if (common.size === 0) return 0;
  let removed = 0;
  for (const paper of papers) {
    const kept = paper.benchmarks.filter(
      (mention) =>
        mention.known || !ONE_WORD.test(mention.name) || !common.has(mention.name.toLowerCase()),
    );
    removed += paper.benchmarks.length - kept.length;
    if (kept.length !== paper.benchmarks.length) paper.benchmarks = kept;
  }
  return removed;
}

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}
