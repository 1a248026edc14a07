// The export stage: a built graph as strings (graph.json, GEXF, GraphML, CSV). Nothing here writes
// a file; the CLI writes what these return, the explorer offers it for download.
export type { CsvTables } from "./csv.ts";
export { writeCsv } from "./csv.ts";
export { EVIDENCE_SEPARATOR, flattenEvidence, LIST_SEPARATOR } from "./fields.ts";
export type { GexfOptions } from "./gexf.ts";
export { DEFAULT_GEXF_OPTIONS, resolveGexfOptions, writeGexf } from "./gexf.ts";
export { readGraphJson, writeGraphJson } from "./graph-json.ts";
export { writeGraphml } from "./graphml.ts";
