// The resolve stage: records of many documents in, one entity per real paper out.
export { normalizeTitle, slugifyTitle } from "./normalize.ts";
export type { RefusedMerge } from "./resolve-papers.ts";
export { DEFAULT_RESOLVE_OPTIONS, resolvePapers, resolveResolveOptions } from "./resolve-papers.ts";
export type * from "./types.ts";
