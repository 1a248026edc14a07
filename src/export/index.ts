// The export stage: a built graph as strings (graph.json, GEXF, GraphML, CSV, the explorer's files),
// and graph.json, GEXF and the explorer's files also as sequences of chunks for large graphs. Nothing here writes a file; the CLI writes
// what these return, the explorer offers it for download.
export type { CsvTables } from "./csv.ts";
export { writeCsv } from "./csv.ts";
export type {
  DetailsShard,
  ExplorerDetailsInfo,
  ExplorerFilesOptions,
  ExplorerGraph,
  ExplorerMap,
  NodeDetails,
} from "./explorer-files.ts";
export {
  applyDetailsShard,
  applySearchFile,
  DEFAULT_EXPLORER_FILES_OPTIONS,
  detailShardName,
  detailShardOf,
  EXPLORER_DETAILS_FOLDER,
  EXPLORER_FILE,
  EXPLORER_SEARCH_FILE,
  isExplorerMap,
  readExplorerMap,
  writeExplorerFiles,
} from "./explorer-files.ts";
export { EVIDENCE_SEPARATOR, flattenEvidence, LIST_SEPARATOR } from "./fields.ts";
export type { GexfOptions } from "./gexf.ts";
export { DEFAULT_GEXF_OPTIONS, resolveGexfOptions, writeGexf, writeGexfChunks } from "./gexf.ts";
export { readGraphJson, writeGraphJson, writeGraphJsonChunks } from "./graph-json.ts";
export { writeGraphml } from "./graphml.ts";
