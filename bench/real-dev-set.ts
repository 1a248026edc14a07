// The real development set of `npm run eval:related`: expert curations as truth. Papers an awesome
// list files under the same heading are related; the corpus is the real digest pages of those papers
// (found by the arXiv id each page states) plus a seeded sample of other digest pages as distractors.
// The lists themselves are not built. Each paper with a same-heading partner in the corpus is a query.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { InputFile } from "../src/ingest/types.ts";
import type { Rng } from "./corpus.ts";

/** One curated list: each arXiv id it files, with the (deepest) headings it is filed under. */
export interface CuratedList {
  name: string;
  sections: Map<string, Set<string>>;
}

const HEADING = /^(#{1,6})\s+(.+?)\s*#*\s*$/;
const ARXIV_LINK = /arxiv\.org\/(?:abs|pdf|html)\/(\d{4}\.\d{4,5})/gi;

/** The arXiv ids of a Markdown list, grouped by the heading they are filed under. */
export function readCuratedList(file: string): CuratedList {
  const sections = new Map<string, Set<string>>();
  let heading = "";
  for (const line of readFileSync(file, "utf8").split("\n")) {
    const match = HEADING.exec(line);
    if (match) {
      heading = (match[2] as string).trim();
      continue;
    }
    for (const link of line.matchAll(ARXIV_LINK)) {
      const ids = sections.get(heading) ?? new Set<string>();
      ids.add(link[1] as string);
      sections.set(heading, ids);
    }
  }
  return { name: path.basename(file, ".md"), sections };
}

/** The page's own arXiv id: the `[Arxiv](…)` link a digest page ends with, else its first link. */
const PAGE_ARXIV = /\[arxiv\]\(https?:\/\/arxiv\.org\/(?:abs|pdf)\/(\d{4}\.\d{4,5})/i;
const ANY_ARXIV = /arxiv\.org\/(?:abs|pdf)\/(\d{4}\.\d{4,5})/i;

export interface DigestPage {
  /** Path relative to the pages' folder: the input file id. */
  id: string;
  text: string;
  arxiv: string | undefined;
}

function walk(dir: string, base: string, into: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, base, into);
    else if (entry.name.endsWith(".md")) into.push(path.relative(base, full));
  }
}

/** Every digest page under `dir`, sorted by path, with the arXiv id it states. */
export function readDigestPages(dir: string): DigestPage[] {
  const files: string[] = [];
  walk(dir, dir, files);
  files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return files.map((id) => {
    const text = readFileSync(path.join(dir, id), "utf8");
    const arxiv = (PAGE_ARXIV.exec(text) ?? ANY_ARXIV.exec(text))?.[1];
    return { id, text, arxiv };
  });
}

export interface DevSet {
  /** The corpus pages, in path order. */
  pages: DigestPage[];
  files: InputFile[];
  /** Per list: query arXiv id → the arXiv ids filed under one of its headings, in the corpus. */
  truth: Array<{ name: string; listed: number; found: number; queries: Map<string, Set<string>> }>;
  distractors: number;
}

/**
 * The corpus: the first page stating each listed arXiv id, and `distractors` other pages drawn with
 * `rng` (a seeded shuffle of the rest, in path order). Truth per list: the same-heading partners.
 */
export function makeDevSet(
  allPages: readonly DigestPage[],
  lists: readonly CuratedList[],
  distractors: number,
  rng: Rng,
): DevSet {
  const byArxiv = new Map<string, DigestPage>();
  for (const page of allPages)
    if (page.arxiv && !byArxiv.has(page.arxiv)) byArxiv.set(page.arxiv, page);
  const chosen = new Set<DigestPage>();
  const truth: DevSet["truth"] = [];
  for (const list of lists) {
    const listed = new Set<string>();
    for (const ids of list.sections.values()) for (const id of ids) listed.add(id);
    const present = [...listed].filter((id) => byArxiv.has(id));
    for (const id of present) chosen.add(byArxiv.get(id) as DigestPage);
    const queries = new Map<string, Set<string>>();
    for (const ids of list.sections.values()) {
      const here = [...ids].filter((id) => byArxiv.has(id));
      for (const id of here) {
        const partners = queries.get(id) ?? new Set<string>();
        for (const other of here) if (other !== id) partners.add(other);
        queries.set(id, partners);
      }
    }
    for (const [id, partners] of [...queries]) if (partners.size === 0) queries.delete(id);
    truth.push({ name: list.name, listed: listed.size, found: present.length, queries });
  }
  const rest = allPages.filter((page) => !chosen.has(page));
  for (let i = rest.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rng() * (i + 1));
    [rest[i], rest[j]] = [rest[j] as DigestPage, rest[i] as DigestPage];
  }
  const sample = rest.slice(0, distractors);
  const pages = [...chosen, ...sample].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const encoder = new TextEncoder();
  return {
    pages,
    files: pages.map((page) => ({ id: page.id, bytes: encoder.encode(page.text) })),
    truth,
    distractors: sample.length,
  };
}

/**
 * The plain baseline: TF-IDF cosine over the raw page texts (lower-case Latin words and Han character
 * bigrams, tf `1 + ln tf`, idf `ln(N / df)`), nothing else. Returns, per page, a function ranking the
 * other pages by similarity, best first (ties by page order).
 */
export function createTfIdfBaseline(texts: readonly string[]): (doc: number) => number[] {
  const vocabulary = new Map<string, number>();
  const vectors = texts.map((text) => {
    const tf = new Map<number, number>();
    const add = (term: string) => {
      let id = vocabulary.get(term);
      if (id === undefined) {
        id = vocabulary.size;
        vocabulary.set(term, id);
      }
      tf.set(id, (tf.get(id) ?? 0) + 1);
    };
    const lower = text.toLowerCase();
    for (const word of lower.match(/[a-z0-9]+/g) ?? []) add(word);
    for (const run of lower.match(/[\u3400-\u4dbf\u4e00-\u9fff]+/g) ?? []) {
      if (run.length === 1) add(run);
      for (let i = 0; i + 1 < run.length; i += 1) add(run.slice(i, i + 2));
    }
    return tf;
  });
  const df = new Float64Array(vocabulary.size);
  for (const tf of vectors) for (const id of tf.keys()) df[id] = (df[id] as number) + 1;
  const n = texts.length;
  const postings: Array<Array<[number, number]>> = Array.from(
    { length: vocabulary.size },
    () => [],
  );
  const weighted = vectors.map((tf, doc) => {
    const entries: Array<[number, number]> = [];
    let norm = 0;
    for (const [id, count] of tf) {
      const weight = (1 + Math.log(count)) * Math.log(n / (df[id] as number));
      entries.push([id, weight]);
      norm += weight * weight;
    }
    norm = Math.sqrt(norm) || 1;
    for (const entry of entries) {
      entry[1] /= norm;
      (postings[entry[0]] as Array<[number, number]>).push([doc, entry[1]]);
    }
    return entries;
  });
  return (doc) => {
    const scores = new Float64Array(n);
    const touched: number[] = [];
    for (const [id, weight] of weighted[doc] ?? []) {
      for (const [other, w] of postings[id] ?? []) {
        if (scores[other] === 0) touched.push(other);
        scores[other] = (scores[other] as number) + weight * w;
      }
    }
    return touched
      .filter((other) => other !== doc && (scores[other] as number) > 0)
      .sort((a, b) => (scores[b] as number) - (scores[a] as number) || a - b);
  };
}
