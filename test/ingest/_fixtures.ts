// Test helpers for ingest: fixtures from test/fixtures/ingest and seeds from ../shared/seeds, read in place.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { decodeInput } from "../../src/ingest/decode.ts";
import type { InputFile, ParsedDocument, SourceDocument } from "../../src/ingest/types.ts";

export const FIXTURES_DIR = path.resolve(import.meta.dirname, "../fixtures/ingest");
export const SEEDS_DIR = path.resolve(import.meta.dirname, "../../../shared/seeds");

/** A fixture as the CLI would hand it over (id = file name). */
export function readFixture(name: string): InputFile {
  return { id: name, bytes: new Uint8Array(readFileSync(path.join(FIXTURES_DIR, name))) };
}

/** The seed whose file name starts with `prefix` (`"004"`). */
export function readSeed(prefix: string): InputFile {
  const name = readdirSync(SEEDS_DIR).find((file) => file.startsWith(prefix));
  if (!name) throw new Error(`no seed starting with ${prefix} in ${SEEDS_DIR}`);
  return { id: name, bytes: new Uint8Array(readFileSync(path.join(SEEDS_DIR, name))) };
}

/** A decoded document; fails the test when the file does not decode. */
export function toDocument(file: InputFile): SourceDocument {
  const decoded = decodeInput(file);
  if (!decoded.ok) throw new Error(`${file.id} did not decode: ${decoded.code}`);
  return decoded.doc;
}

/** A document made from text written in the test. */
export function textDocument(text: string, id = "inline.txt"): SourceDocument {
  return { id, text, encoding: "utf-8" };
}

/** The diagnostic codes of a parse, for `toContain` checks. */
export function codesOf(parsed: ParsedDocument): string[] {
  return parsed.diagnostics.map((diagnostic) => diagnostic.code);
}
