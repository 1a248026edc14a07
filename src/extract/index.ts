// The extract stage: paper records in, papers with their survey finding, topics, benchmarks and
// repositories out, each mention with its evidence. Pure: the definition files come in as parsed JSON.
import { orNoItems } from "../ingest/records.ts";
import type { PaperRecord } from "../ingest/types.ts";
import { compileGazetteer, findBenchmarks } from "./benchmarks.ts";
import { parseBenchmarkGazetteer, parseTaxonomy } from "./definitions.ts";
import { findRepos } from "./repos.ts";
import { detectSurvey } from "./survey-detect.ts";
import { compileTaxonomy, findTopics } from "./topics.ts";
import type { ExtractContext, ExtractedPaper } from "./types.ts";

export { findBenchmarks } from "./benchmarks.ts";
export { parseBenchmarkGazetteer, parseTaxonomy } from "./definitions.ts";
export { findRepos } from "./repos.ts";
export { detectSurvey } from "./survey-detect.ts";
export { findTopics } from "./topics.ts";

/** The file names definition errors mention when the caller gives none. */
export const DEFAULT_DEFINITION_FILES = {
  taxonomy: "data/taxonomy.json",
  benchmarks: "data/benchmarks.json",
} as const;

/**
 * Build the context extract reads with from the parsed contents of `taxonomy.json` and
 * `benchmarks.json`. Both are checked, and their matchers compiled here once for all records.
 * `taxonomyFile` and `benchmarksFile` name them in error messages
 * (default: `DEFAULT_DEFINITION_FILES`).
 * @throws LitgraphError `invalid-options` when a definition is malformed.
 */
export function createExtractContext(
  taxonomyJson: unknown,
  benchmarksJson: unknown,
  taxonomyFile: string = DEFAULT_DEFINITION_FILES.taxonomy,
  benchmarksFile: string = DEFAULT_DEFINITION_FILES.benchmarks,
): ExtractContext {
  const taxonomy = parseTaxonomy(taxonomyJson, taxonomyFile);
  const benchmarks = parseBenchmarkGazetteer(benchmarksJson, benchmarksFile);
  compileTaxonomy(taxonomy);
  compileGazetteer(benchmarks);
  return { taxonomy, benchmarks };
}

/** Everything extract finds in one record. */
export function extractPaper(record: PaperRecord, ctx: ExtractContext): ExtractedPaper {
  const survey = detectSurvey(record);
  const benchmarks = findBenchmarks(record, ctx.benchmarks);
  const introducesBenchmark = benchmarks.some((mention) => mention.relation === "introduces");
  // Most records of a snapshot find nothing: their empty lists are one shared list.
  return {
    record,
    survey,
    topics: orNoItems(
      findTopics(record, ctx.taxonomy, { survey: survey.isSurvey, introducesBenchmark }),
    ),
    benchmarks: orNoItems(benchmarks),
    repos: orNoItems(findRepos(record)),
  };
}

/** `extractPaper` over many records, in their order. */
export function extractPapers(
  records: readonly PaperRecord[],
  ctx: ExtractContext,
): ExtractedPaper[] {
  return records.map((record) => extractPaper(record, ctx));
}
