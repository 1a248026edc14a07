// Test helpers: PaperRecords and ExtractedPapers with only the fields a test cares about.
import type { ExtractedPaper } from "../src/extract/types.ts";
import type { PaperRecord } from "../src/ingest/types.ts";
import type { DocumentExtraction } from "../src/resolve/types.ts";

export function makeRecord(fields: Partial<PaperRecord> & { source: string }): PaperRecord {
  return {
    document: fields.source.split("#")[0] ?? fields.source,
    format: "text",
    role: "main",
    authors: [],
    categories: [],
    tags: [],
    urls: [],
    ...fields,
  };
}

export function makePaper(
  fields: Partial<PaperRecord> & { source: string },
  extras: Partial<Omit<ExtractedPaper, "record">> = {},
): ExtractedPaper {
  return {
    record: makeRecord(fields),
    survey: { isSurvey: false },
    topics: [],
    benchmarks: [],
    repos: [],
    ...extras,
  };
}

export function makeDocument(
  id: string,
  papers: ExtractedPaper[],
  relations: DocumentExtraction["relations"] = [],
): DocumentExtraction {
  return { id, format: "text", papers, relations };
}

export function repo(name: string, source: string) {
  return {
    repo: name,
    url: `https://github.com/${name}`,
    evidence: { source, snippet: `github.com/${name}` },
  };
}
