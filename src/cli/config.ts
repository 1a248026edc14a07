// Command-line configuration, resolved by a pure function from argv and the environment
// (defaults < environment < flags), so tests can check it without spawning a process.
import { parseArgs } from "node:util";
import { UsageError } from "../errors.ts";

export type Command = "build" | "related" | "export" | "stats" | "help" | "version";

export type ExportFormat = "gexf" | "graphml" | "csv" | "json";

export interface CommonConfig {
  quiet: boolean;
  /** Show a progress bar: on by default when stderr is a terminal. */
  progress: boolean;
}

export interface BuildConfig extends CommonConfig {
  command: "build";
  inputs: string[];
  out: string;
  taxonomy: string | undefined;
  benchmarks: string | undefined;
  seed: number;
  strict: boolean;
  gexfVersion: "1.2" | "1.3";
}

export interface RelatedConfig extends CommonConfig {
  command: "related";
  query: string;
  graph: string;
  k: number;
  json: boolean;
  explain: boolean;
}

export interface ExportConfig extends CommonConfig {
  command: "export";
  format: ExportFormat;
  graph: string;
  out: string | undefined;
  gexfVersion: "1.2" | "1.3";
}

export interface StatsConfig extends CommonConfig {
  command: "stats";
  graph: string;
  json: boolean;
}

export type Config =
  | BuildConfig
  | RelatedConfig
  | ExportConfig
  | StatsConfig
  | { command: "help"; topic: Command | undefined }
  | { command: "version" };

export const DEFAULT_GRAPH_DIR = "graph";
export const DEFAULT_INPUT = "data";

const COMMANDS: readonly Command[] = ["build", "related", "export", "stats", "help", "version"];

/** Parse `argv` (without `node` and the script) into a Config. Throws UsageError on a bad command line. */
export function resolveConfig({
  argv,
  env,
}: {
  argv: string[];
  env: Record<string, string | undefined>;
}): Config {
  const [first, ...rest] = argv;
  if (first === undefined || first === "--help" || first === "-h")
    return { command: "help", topic: undefined };
  if (first === "--version" || first === "-v") return { command: "version" };
  if (!COMMANDS.includes(first as Command)) {
    throw new UsageError(
      `unknown command "${first}". Commands: build, related, export, stats. See litgraph --help.`,
    );
  }
  const command = first as Command;
  if (command === "help") return { command: "help", topic: COMMANDS.find((c) => c === rest[0]) };
  if (command === "version") return { command: "version" };
  if (rest.includes("--help") || rest.includes("-h")) return { command: "help", topic: command };

  const graphDir = env.LITGRAPH_GRAPH_DIR ?? DEFAULT_GRAPH_DIR;
  const common = (values: { quiet?: boolean; progress?: boolean }): CommonConfig => ({
    quiet: values.quiet ?? false,
    progress: values.progress ?? !(values.quiet ?? false),
  });
  try {
    switch (command) {
      case "build": {
        const { values, positionals } = parseArgs({
          args: rest,
          allowPositionals: true,
          allowNegative: true,
          options: {
            out: { type: "string", short: "o" },
            taxonomy: { type: "string" },
            benchmarks: { type: "string" },
            seed: { type: "string" },
            strict: { type: "boolean" },
            "gexf-version": { type: "string" },
            quiet: { type: "boolean", short: "q" },
            progress: { type: "boolean" },
          },
        });
        return {
          command,
          ...common(values),
          inputs: positionals.length > 0 ? positionals : [env.LITGRAPH_DATA ?? DEFAULT_INPUT],
          out: values.out ?? graphDir,
          taxonomy: values.taxonomy ?? env.LITGRAPH_TAXONOMY,
          benchmarks: values.benchmarks ?? env.LITGRAPH_BENCHMARKS,
          seed: parseInteger("--seed", values.seed ?? env.LITGRAPH_SEED ?? "42"),
          strict: values.strict ?? false,
          gexfVersion: parseGexfVersion(values["gexf-version"]),
        };
      }
      case "related": {
        const { values, positionals } = parseArgs({
          args: rest,
          allowPositionals: true,
          options: {
            graph: { type: "string", short: "g" },
            k: { type: "string", short: "k" },
            json: { type: "boolean" },
            explain: { type: "boolean" },
            quiet: { type: "boolean", short: "q" },
          },
        });
        const query = positionals.join(" ").trim();
        if (!query)
          throw new UsageError("related needs a query: an arXiv id, a node key or title words.");
        const k = parseInteger("-k", values.k ?? "10");
        if (k < 1) throw new UsageError(`-k must be at least 1, got ${k}.`);
        return {
          command,
          ...common(values),
          query,
          graph: values.graph ?? `${graphDir}/graph.json`,
          k,
          json: values.json ?? false,
          explain: values.explain ?? false,
        };
      }
      case "export": {
        const { values, positionals } = parseArgs({
          args: rest,
          allowPositionals: true,
          options: {
            format: { type: "string", short: "f" },
            graph: { type: "string", short: "g" },
            out: { type: "string", short: "o" },
            "gexf-version": { type: "string" },
            quiet: { type: "boolean", short: "q" },
          },
        });
        if (positionals.length > 0)
          throw new UsageError(`export takes no positional arguments, got "${positionals[0]}".`);
        const format = values.format ?? "gexf";
        if (!["gexf", "graphml", "csv", "json"].includes(format)) {
          throw new UsageError(`--format must be gexf, graphml, csv or json, got "${format}".`);
        }
        return {
          command,
          ...common(values),
          format: format as ExportFormat,
          graph: values.graph ?? `${graphDir}/graph.json`,
          out: values.out,
          gexfVersion: parseGexfVersion(values["gexf-version"]),
        };
      }
      case "stats": {
        const { values, positionals } = parseArgs({
          args: rest,
          allowPositionals: true,
          options: {
            graph: { type: "string", short: "g" },
            json: { type: "boolean" },
            quiet: { type: "boolean", short: "q" },
          },
        });
        return {
          command,
          ...common(values),
          graph: values.graph ?? positionals[0] ?? `${graphDir}/graph.json`,
          json: values.json ?? false,
        };
      }
    }
  } catch (error) {
    if (error instanceof UsageError) throw error;
    // node:util parseArgs throws TypeError with codes such as ERR_PARSE_ARGS_UNKNOWN_OPTION.
    throw new UsageError(`${command}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function parseInteger(flag: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value)) throw new UsageError(`${flag} must be an integer, got "${text}".`);
  return value;
}

function parseGexfVersion(text: string | undefined): "1.2" | "1.3" {
  if (text === undefined || text === "1.2" || text === "1.2draft") return "1.2";
  if (text === "1.3") return "1.3";
  throw new UsageError(`--gexf-version must be 1.2 or 1.3, got "${text}".`);
}

export const HELP: Record<Command | "main", string> = {
  main: `litgraph — a knowledge graph of a research field from the documents you already have

Usage:
  litgraph build [inputs…] [--out graph/]     build graph.json, graph.gexf and report.json (default input: data/)
  litgraph related <arXiv id | node key | title words> [-k 10] [--json] [--explain]
  litgraph export --format gexf|graphml|csv|json [--graph graph/graph.json] [--out file]
  litgraph stats [--graph graph/graph.json] [--json]

Run "litgraph help <command>" for a command's options.
Exit codes: 0 ok, 1 files skipped under --strict (or a failed command), 2 usage error.`,
  build: `litgraph build [inputs…] [options]

Reads files and folders (default: data/), sniffs each file's format, and writes graph.json, graph.gexf
and report.json into --out. Files that cannot be read are listed in report.json with the reason; the
build goes on.

Options:
  -o, --out DIR            output folder (default: graph/)
      --taxonomy FILE      topic taxonomy (default: data/taxonomy.json of litgraph)
      --benchmarks FILE    benchmark gazetteer (default: data/benchmarks.json of litgraph)
      --seed N             seed of communities and layout (default: 42)
      --gexf-version V     1.2 (default, GEXF 1.2draft) or 1.3
      --strict             exit with code 1 when any file was skipped
  -q, --quiet              print nothing but errors
      --no-progress        no progress bar`,
  related: `litgraph related <query> [options]

The query is an arXiv id (2311.05112, with or without version or URL), a node key
(paper:arxiv:2311.05112, topic:rag) or words of a title, English or Chinese.

Options:
  -g, --graph FILE   graph.json to read (default: graph/graph.json)
  -k N               number of results (default: 10)
      --json         machine-readable output
      --explain      print each result's score breakdown`,
  export: `litgraph export [options]

Options:
  -f, --format F       gexf (default), graphml, csv or json
  -g, --graph FILE     graph.json to read (default: graph/graph.json)
  -o, --out PATH       output file (csv: a folder, or a prefix for -nodes.csv / -edges.csv); default: standard output
      --gexf-version V 1.2 (default) or 1.3`,
  stats: `litgraph stats [--graph FILE] [--json]

Prints the graph's counts by kind, its communities and its most central nodes.`,
  help: "litgraph help <command>",
  version: "litgraph --version",
};
