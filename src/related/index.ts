// Related papers: find a node by id or title, and rank what else to read, with reasons.
export * from "./rank.ts";
export type * from "./types.ts";
