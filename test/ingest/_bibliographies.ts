// Test helpers for the bibliography adapters: fixtures from test/fixtures/ingest/<format>/, handed
// over with the file name as id (as the CLI does for a file named directly).
import { readFileSync } from "node:fs";
import path from "node:path";
import type { InputFile, PaperRecord, SourceDocument } from "../../src/ingest/types.ts";
import { FIXTURES_DIR, toDocument } from "./_fixtures.ts";

/** The path of a fixture of one format (`bibtex`, `refs.bib`). */
export function fixturePath(format: string, name: string): string {
  return path.join(FIXTURES_DIR, format, name);
}

/** A fixture of one format as an InputFile whose id is its file name. */
export function readFormatFixture(format: string, name: string): InputFile {
  return { id: name, bytes: new Uint8Array(readFileSync(fixturePath(format, name))) };
}

/** A fixture of one format, decoded. */
export function readFormatDocument(format: string, name: string): SourceDocument {
  return toDocument(readFormatFixture(format, name));
}

/** The record with this arXiv id or DOI; fails the test when there is none. */
export function findRecord(records: readonly PaperRecord[], id: string): PaperRecord {
  const found = records.find((record) => record.arxiv === id || record.doi === id);
  if (!found) throw new Error(`no record ${id} among ${records.map((r) => r.source).join(", ")}`);
  return found;
}
