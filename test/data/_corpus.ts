// Helpers for the tests of the default corpus: where it lives, its files, and the seeds to compare with.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const DATA_DIR = path.join(REPO_ROOT, "data");
export const CORPUS_DIR = path.join(DATA_DIR, "corpus");
export const SEEDS_DIR = fileURLToPath(new URL("../../../shared/seeds/", import.meta.url));

/** The formats of the corpus, one folder each; the folder names the format the file is written in. */
export const CORPUS_FORMATS = [
  "arxiv-atom",
  "arxiv-digest",
  "arxiv-snapshot",
  "awesome-list",
  "bibtex",
  "csl-json",
  "paper-page",
  "ris",
  "zh-digest",
  "zhuanzhi",
] as const;

/** Every file under data/corpus, as a path relative to it with `/` separators, sorted. */
export function listCorpusFiles(): string[] {
  return readdirSync(CORPUS_DIR, { recursive: true, encoding: "utf8" })
    .filter((name) => statSync(path.join(CORPUS_DIR, name)).isFile())
    .map((name) => name.split(path.sep).join("/"))
    .sort();
}

/** The folder (= format) of a corpus file. */
export function formatOf(file: string): string {
  return file.split("/")[0] ?? "";
}

export function readCorpusFile(file: string): string {
  return readFileSync(path.join(CORPUS_DIR, file), "utf8");
}

export function readDataJson(name: string): unknown {
  return JSON.parse(readFileSync(path.join(DATA_DIR, name), "utf8"));
}
