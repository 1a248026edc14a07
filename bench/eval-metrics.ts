// The measures of `npm run eval:extract` (bench/eval-extract.ts), kept apart as pure functions so that
// they can be tested on hand-computed examples.

/** A title as two people would agree it is the same: case, accents' width and punctuation ignored. */
export function normalizeTitle(title: string): string {
  return title
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** A benchmark name with everything but letters and digits removed: `TAT-QA` and `TATQA` agree. */
export function compactName(name: string): string {
  return name
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

/** Counts of one comparison of predicted items against gold items. */
export interface Counts {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

export const NO_COUNTS: Counts = { truePositives: 0, falsePositives: 0, falseNegatives: 0 };

/** Compare two sets of items already brought to one form. */
export function countMatches(predicted: Iterable<string>, gold: Iterable<string>): Counts {
  const goldSet = new Set(gold);
  const predictedSet = new Set(predicted);
  let truePositives = 0;
  for (const item of predictedSet) if (goldSet.has(item)) truePositives++;
  return {
    truePositives,
    falsePositives: predictedSet.size - truePositives,
    falseNegatives: goldSet.size - truePositives,
  };
}

export function addCounts(a: Counts, b: Counts): Counts {
  return {
    truePositives: a.truePositives + b.truePositives,
    falsePositives: a.falsePositives + b.falsePositives,
    falseNegatives: a.falseNegatives + b.falseNegatives,
  };
}

/** `part / whole`, or undefined when there is nothing to divide (no prediction, no gold item). */
export function ratio(part: number, whole: number): number | undefined {
  return whole === 0 ? undefined : part / whole;
}

export interface Scores {
  precision: number | undefined;
  recall: number | undefined;
  f1: number | undefined;
}

/** Micro precision, recall and their harmonic mean from summed counts. */
export function scoreCounts(counts: Counts): Scores {
  const precision = ratio(counts.truePositives, counts.truePositives + counts.falsePositives);
  const recall = ratio(counts.truePositives, counts.truePositives + counts.falseNegatives);
  return { precision, recall, f1: harmonicMean(precision, recall) };
}

export function harmonicMean(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined || b === undefined) return undefined;
  return a + b === 0 ? 0 : (2 * a * b) / (a + b);
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * A matcher for a domain's terms in a text: terms in a CJK script match anywhere (those scripts have
 * no spaces between words); others match as whole words, case-insensitively, with an optional
 * plural `s`/`es`, so `patient` finds "patients" but `EHR` does not find "ethereal".
 */
export function createTermMatcher(terms: readonly string[]): (text: string) => boolean {
  const cjk = terms.filter((term) => CJK.test(term));
  const words = terms.filter((term) => term.trim() !== "" && !CJK.test(term));
  const pattern =
    words.length > 0
      ? new RegExp(
          `(?<![\\p{L}\\p{N}])(?:${words.map(escapeRegExp).join("|")})(?:e?s)?(?![\\p{L}\\p{N}])`,
          "iu",
        )
      : undefined;
  return (text) => cjk.some((term) => text.includes(term)) || (pattern?.test(text) ?? false);
}

/** ATX headings of a Markdown text (`## Evaluation` → `Evaluation`), with emphasis marks removed. */
export function markdownHeadings(text: string): string[] {
  const headings: string[] = [];
  for (const match of text.matchAll(/^#{1,6}[ \t]+(.+?)[ \t#]*$/gm)) {
    const heading = (match[1] ?? "").replace(/[*_`]/g, "").trim();
    if (heading) headings.push(heading);
  }
  return headings;
}

/** What makes a label junk: link words and page-part words, and the headings of its own document. */
export interface JunkLabelRules {
  words: ReadonlySet<string>;
  /** Normalised headings of the node's documents, except each document's first heading. */
  headings: ReadonlySet<string>;
}

/** Whether a paper's label is a link word, a page heading or has no letter at all. */
export function isJunkLabel(label: string, rules: JunkLabelRules): boolean {
  const normalized = normalizeTitle(label);
  if (!/\p{L}/u.test(normalized)) return true;
  return rules.words.has(normalized) || rules.headings.has(normalized);
}

/**
 * `count` items at even steps through `items` (every ⌊n / count⌋-th, starting with the step-th), as
 * `../shared/tools/real-check.sh` picks its sample, so that both measure the same pages.
 */
export function sampleEvenly<T>(items: readonly T[], count: number): T[] {
  if (count >= items.length) return [...items];
  const step = Math.max(1, Math.floor(items.length / count));
  const picked: T[] = [];
  for (let i = step - 1; i < items.length && picked.length < count; i += step) {
    const item = items[i];
    if (item !== undefined) picked.push(item);
  }
  return picked;
}
