// Related papers: find a node by id or title, and rank what else to read, with the reasons in plain words.

export {
  createLatentVectors,
  DEFAULT_LATENT_OPTIONS,
  type LatentOptions,
  type LatentVectors,
  latentSimilarity,
} from "./latent.ts";
export {
  averageMetrics,
  evaluateRanking,
  evaluateRanks,
  type RankingMetrics,
} from "./metrics.ts";
export { createTitleIndex, resolveQuery, splitQueries, type TitleIndex } from "./query.ts";
export {
  combineSignals,
  computeRelatedSignals,
  createRelatedIndex,
  DEFAULT_RANKING_TEXT_OPTIONS,
  DEFAULT_RELATED_OPTIONS,
  DEFAULT_RELATED_WEIGHTS,
  type RelatedIndex,
  rankRelated,
  rankRelatedToSet,
  resolveRelatedOptions,
  type SetRelatedResult,
  sharePercents,
  signalShares,
  textFields,
} from "./rank.ts";
export {
  createTextIndex,
  DEFAULT_TEXT_INDEX_OPTIONS,
  type TextIndexOptions,
  tokenize,
} from "./text-vectors.ts";
export * from "./types.ts";
