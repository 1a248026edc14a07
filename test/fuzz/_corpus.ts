// Seed documents for the fuzz properties: the original seeds, the project's own ingest fixtures,
// slices of the real documents in ../shared/real, and a spread of real digest pages. Read in
// place, never copied. Each seed is labelled with the format its whole text sniffs as, so that an
// adapter's property can start from documents of its own format.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { sniffFormat } from "../../src/ingest/index.ts";
import type { FormatId } from "../../src/ingest/types.ts";
import { REPO_ROOT, SEEDS_DIR } from "../_seeds.ts";

export interface Seed {
  /** Where the text comes from (file, and the slice taken). */
  name: string;
  text: string;
  /** The format the seed's text sniffs as. */
  format: FormatId;
}

const REAL_DIR = path.resolve(REPO_ROOT, "../shared/real");
const FIXTURES_DIR = path.join(REPO_ROOT, "test/fixtures/ingest");
const DIGESTS_DIR = "/tmp/litgraph-real/hf-llm-digests-2025";

/** Largest seed in characters: slices keep the cases small enough for thousands of runs. */
const MAX_SEED_CHARS = 6000;

function readText(file: string): string {
  return readFileSync(file, "utf8");
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .map((name) => path.join(dir, name))
    .filter((file) => statSync(file).isFile() && !file.endsWith("README.md"))
    .sort();
}

/** Cut at the last line end before `end` (or at `end` when the slice holds none). */
function sliceAtLines(text: string, start: number, end: number): string {
  const from = start === 0 ? 0 : text.indexOf("\n", start) + 1;
  const cut = text.lastIndexOf("\n", end);
  return text.slice(from, cut > from ? cut + 1 : end);
}

/** The first slice of a large text and two more from its middle and end, each at line ends. */
function windows(text: string, size: number): Array<[label: string, text: string]> {
  if (text.length <= size) return [["whole", text]];
  const middle = Math.floor(text.length / 2);
  return [
    ["head", sliceAtLines(text, 0, size)],
    ["middle", sliceAtLines(text, middle, middle + size)],
    ["tail", sliceAtLines(text, text.length - size - 1, text.length)],
  ];
}

/** A few groups of consecutive entries of a record file whose records start with `marker`. */
function entryGroups(text: string, marker: RegExp, perGroup: number): string[] {
  const starts: number[] = [];
  for (const match of text.matchAll(marker)) starts.push(match.index);
  if (starts.length === 0) return [];
  const groups: string[] = [];
  for (const at of [0, Math.floor(starts.length / 3), Math.floor((2 * starts.length) / 3)]) {
    const from = starts[at] ?? 0;
    const to = starts[at + perGroup] ?? text.length;
    groups.push(text.slice(from, Math.min(to, from + MAX_SEED_CHARS)));
  }
  return groups;
}

/** A spread of real digest pages: the first page of every fourth month folder. */
function digestPages(): Array<[string, string]> {
  if (!existsSync(DIGESTS_DIR)) return [];
  const pages: Array<[string, string]> = [];
  const months = readdirSync(DIGESTS_DIR).sort();
  for (let i = 0; i < months.length; i += 4) {
    const monthDir = path.join(DIGESTS_DIR, months[i] ?? "");
    const day = readdirSync(monthDir).sort()[0];
    if (!day) continue;
    const page = readdirSync(path.join(monthDir, day)).sort()[0];
    if (!page) continue;
    const file = path.join(monthDir, day, page);
    pages.push([path.relative(DIGESTS_DIR, file), readText(file).slice(0, MAX_SEED_CHARS)]);
  }
  return pages;
}

function realSlices(): Array<[string, string]> {
  const slices: Array<[string, string]> = [];
  for (const file of listFiles(REAL_DIR)) {
    if (file.endsWith(".tar.gz")) continue;
    const name = path.relative(REAL_DIR, file);
    const text = readText(file);
    if (file.endsWith(".bib")) {
      entryGroups(text, /^@/gm, 4).forEach((group, i) => {
        slices.push([`${name} entries ${i}`, group]);
      });
    } else if (file.endsWith(".ris")) {
      entryGroups(text, /^TY {2}- /gm, 3).forEach((group, i) => {
        slices.push([`${name} records ${i}`, group]);
      });
    } else if (file.endsWith(".json")) {
      // A CSL-JSON library: a few of its items, as a JSON array of their own.
      const items: unknown = JSON.parse(text);
      if (Array.isArray(items)) {
        for (const at of [0, 100, 400]) {
          slices.push([
            `${name} items ${at}…`,
            JSON.stringify(items.slice(at, at + 4), null, 2).slice(0, MAX_SEED_CHARS),
          ]);
        }
      }
    } else {
      for (const [label, part] of windows(text, MAX_SEED_CHARS)) {
        slices.push([`${name} ${label}`, part]);
      }
    }
  }
  return slices;
}

let cached: Seed[] | undefined;

/** Every seed, in a fixed order. */
export function loadSeeds(): Seed[] {
  if (cached) return cached;
  const named: Array<[string, string]> = [
    ...listFiles(SEEDS_DIR).map((file): [string, string] => [
      `seeds/${path.basename(file)}`,
      readText(file),
    ]),
    ...listFiles(FIXTURES_DIR).map((file): [string, string] => [
      `fixtures/${path.relative(FIXTURES_DIR, file)}`,
      readText(file).slice(0, MAX_SEED_CHARS),
    ]),
    ...realSlices(),
    ...digestPages().map(([name, text]): [string, string] => [`digests/${name}`, text]),
  ];
  cached = named
    .filter(([, text]) => text.trim() !== "")
    .map(([name, text]) => ({ name, text, format: sniffFormat(text).format }));
  return cached;
}

/** The seeds of one format, or every seed when none sniffs as that format. */
export function seedsOf(format: FormatId): Seed[] {
  const all = loadSeeds();
  const own = all.filter((seed) => seed.format === format);
  return own.length > 0 ? own : all;
}
