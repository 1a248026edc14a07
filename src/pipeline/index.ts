// The pipeline: ingest → extract → resolve → build → analyse, as one call shared by the CLI and the explorer.
export * from "./build-graph.ts";
export * from "./report.ts";
