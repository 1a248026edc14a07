// Test helpers: the seed documents, read in place from ../shared/seeds, and the bundled data files.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { InputFile } from "../src/ingest/types.ts";

export const REPO_ROOT = path.resolve(import.meta.dirname, "..");
export const SEEDS_DIR = path.resolve(REPO_ROOT, "../shared/seeds");

/** The seed files as the CLI would hand them over: id = file name. */
export function readSeedFiles(): InputFile[] {
  return readdirSync(SEEDS_DIR)
    .filter((name) => name.endsWith(".txt"))
    .sort()
    .map((name) => ({ id: name, bytes: new Uint8Array(readFileSync(path.join(SEEDS_DIR, name))) }));
}

/** The id of the seed whose name starts with `prefix` (`"004"` → `004_40aedddfa3fa7395.txt`). */
export function seedId(prefix: string): string {
  const found = readdirSync(SEEDS_DIR).find((name) => name.startsWith(prefix));
  if (!found) throw new Error(`no seed starting with ${prefix} in ${SEEDS_DIR}`);
  return found;
}

export function readDataJson(name: string): unknown {
  return JSON.parse(readFileSync(path.join(REPO_ROOT, "data", name), "utf8"));
}
