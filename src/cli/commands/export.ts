// `litgraph export`: convert a built graph.json to GEXF, GraphML, CSV or JSON.

import path from "node:path";
import { escapeForTerminal } from "../../diagnostics.ts";
import {
  writeCsv,
  writeGexfChunks,
  writeGraphJsonChunks,
  writeGraphml,
} from "../../export/index.ts";
import type { ExportConfig } from "../config.ts";
import { loadGraph } from "../load-graph.ts";
import { type OutputContent, writeOutputsAtomically, writeToStream } from "../write-outputs.ts";
import type { CommandIo } from "./build.ts";

export async function runExport(config: ExportConfig, io: CommandIo): Promise<number> {
  const graph = await loadGraph(config.graph);
  // GEXF and JSON come in chunks, written as they are made: a large graph's text is never held whole.
  let files: Record<string, OutputContent>;
  switch (config.format) {
    case "gexf":
      files = { "graph.gexf": writeGexfChunks(graph, { version: config.gexfVersion }) };
      break;
    case "graphml":
      files = { "graph.graphml": writeGraphml(graph) };
      break;
    case "json":
      files = { "graph.json": writeGraphJsonChunks(graph) };
      break;
    case "csv": {
      const { nodes, edges } = writeCsv(graph);
      files = { "nodes.csv": nodes, "edges.csv": edges };
      break;
    }
  }
  if (config.out === undefined) {
    if (config.format === "csv") {
      await writeToStream(io.stdout, files["nodes.csv"] ?? "");
      await writeToStream(io.stdout, "\n");
      await writeToStream(io.stdout, files["edges.csv"] ?? "");
    } else {
      await writeToStream(io.stdout, Object.values(files)[0] ?? "");
    }
    return 0;
  }
  // CSV writes two files: into --out when it is a folder (no extension), else next to it with a prefix.
  let written: string[];
  if (config.format === "csv") {
    const isFolder = path.extname(config.out) === "";
    const dir = isFolder ? config.out : path.dirname(config.out);
    const prefix = isFolder ? "" : `${path.basename(config.out, path.extname(config.out))}-`;
    written = await writeOutputsAtomically(
      dir,
      Object.fromEntries(Object.entries(files).map(([name, text]) => [prefix + name, text])),
    );
  } else {
    const [content] = Object.values(files);
    written = await writeOutputsAtomically(path.dirname(config.out), {
      [path.basename(config.out)]: content ?? "",
    });
  }
  if (!config.quiet) io.stderr.write(`Wrote ${written.map(escapeForTerminal).join(", ")}\n`);
  return 0;
}
