// Command-line configuration, resolved by a pure function from argv and the environment
// (defaults < environment < flags), so tests can check it without spawning a process.
import { parseArgs } from "node:util";
import { UsageError } from "../errors.ts";
import { TOPIC_SOURCES, type TopicSource } from "../pipeline/build-graph.ts";
import { splitQueries } from "../related/query.ts";

export type Command = "build" | "related" | "export" | "stats" | "serve" | "help" | "version";

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
  /** Join papers with near titles and abstracts by `similar` edges (default on; `--no-similar`). */
  similar: boolean;
  gexfVersion: "1.2" | "1.3";
  /** Topics from the taxonomy, from key terms discovered in the corpus, or both (`--topics`, default both). */
  topics: TopicSource;
  /** arXiv categories kept from metadata snapshots (`cs.CL`, `cs.`); empty keeps all. */
  categories: string[];
  /** Case-insensitive pattern over title and abstract that snapshot records must match; checked here. */
  match: string | undefined;
  /** Replace an existing graph in --out even when the build read no document. */
  force: boolean;
  /**
   * Folder of the parse cache (`--cache`, default `<out>/.litgraph-cache`), or undefined with
   * `--no-cache`.
   */
  cache: string | undefined;
  /** Change the last build for the files added, changed or removed (`--incremental`). */
  incremental: boolean;
}

export interface RelatedConfig extends CommonConfig {
  command: "related";
  /** The query as typed (positional words joined, then each --like), for messages and output. */
  query: string;
  /** The papers asked about: one, or several for "more like these" (`;`-separated or --like). */
  queries: string[];
  graph: string;
  k: number;
  json: boolean;
  explain: boolean;
  /** Read one query per line from standard input and answer each with one JSON line. */
  batch: boolean;
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
  /** How many communities and central nodes are listed. */
  top: number;
}

export interface ServeConfig extends CommonConfig {
  command: "serve";
  /** The graph served as /graph.json. */
  graph: string;
  /** Documents the graph is built from when it is missing or older than them. */
  inputs: string;
  /** The built explorer; undefined for litgraph's own dist/ (rebuilt when its sources change). */
  site: string | undefined;
  port: number;
  host: string;
  /** Rebuild the graph when it is missing or older than the inputs (default on). */
  buildGraph: boolean;
  /** Run Vite's development server on the explorer's sources instead of the built site. */
  dev: boolean;
}

export const DEFAULT_PORT = 5173;

export type Config =
  | BuildConfig
  | RelatedConfig
  | ExportConfig
  | StatsConfig
  | ServeConfig
  | { command: "help"; topic: Command | undefined }
  | { command: "version" };

export const DEFAULT_GRAPH_DIR = "graph";
/** The parse cache's folder inside the output folder, unless `--cache` names another. */
export const CACHE_FOLDER = ".litgraph-cache";
export const DEFAULT_INPUT = "data";

const COMMANDS: readonly Command[] = [
  "build",
  "related",
  "export",
  "stats",
  "serve",
  "help",
  "version",
];

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
      `unknown command "${first}". Commands: build, related, export, stats, serve. See litgraph --help.`,
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
            similar: { type: "boolean" },
            "gexf-version": { type: "string" },
            topics: { type: "string" },
            category: { type: "string", multiple: true },
            match: { type: "string" },
            force: { type: "boolean" },
            cache: { type: "string" },
            "no-cache": { type: "boolean" },
            incremental: { type: "boolean" },
            quiet: { type: "boolean", short: "q" },
            progress: { type: "boolean" },
          },
        });
        const out = values.out ?? graphDir;
        return {
          command,
          ...common(values),
          inputs: positionals.length > 0 ? positionals : [env.LITGRAPH_DATA ?? DEFAULT_INPUT],
          out,
          taxonomy: values.taxonomy ?? env.LITGRAPH_TAXONOMY,
          benchmarks: values.benchmarks ?? env.LITGRAPH_BENCHMARKS,
          seed: parseInteger("--seed", values.seed ?? env.LITGRAPH_SEED ?? "42"),
          strict: values.strict ?? false,
          similar: values.similar ?? true,
          gexfVersion: parseGexfVersion(values["gexf-version"]),
          topics: parseTopicSource(values.topics),
          categories: parseCategories(values.category),
          match: parseMatch(values.match),
          force: values.force ?? false,
          // `--no-cache`: parseArgs reads it as the negation of --cache (false).
          cache:
            (values.cache as unknown) === false || values["no-cache"]
              ? undefined
              : (values.cache ?? `${out}/${CACHE_FOLDER}`),
          incremental: values.incremental ?? false,
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
            like: { type: "string", multiple: true },
            batch: { type: "boolean" },
            quiet: { type: "boolean", short: "q" },
          },
        });
        const typed = positionals.join(" ").trim();
        const queries = [...splitQueries(typed), ...(values.like ?? []).flatMap(splitQueries)];
        const query = [typed, ...(values.like ?? [])].filter((part) => part.trim()).join("; ");
        const batch = values.batch ?? false;
        if (batch && queries.length > 0)
          throw new UsageError(
            "related --batch reads its queries from standard input, not the command line.",
          );
        if (!batch && queries.length === 0)
          throw new UsageError("related needs a query: an arXiv id, a node key or title words.");
        const k = parseInteger("-k", values.k ?? "10");
        if (k < 1) throw new UsageError(`-k must be at least 1, got ${k}.`);
        return {
          command,
          ...common(values),
          query,
          queries,
          graph: values.graph ?? `${graphDir}/graph.json`,
          k,
          json: values.json ?? false,
          explain: values.explain ?? false,
          batch,
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
            top: { type: "string" },
            quiet: { type: "boolean", short: "q" },
          },
        });
        const top = parseInteger("--top", values.top ?? "10");
        if (top < 1) throw new UsageError(`--top must be at least 1, got ${top}.`);
        return {
          command,
          ...common(values),
          graph: values.graph ?? positionals[0] ?? `${graphDir}/graph.json`,
          json: values.json ?? false,
          top,
        };
      }
      case "serve": {
        const { values, positionals } = parseArgs({
          args: rest,
          allowPositionals: true,
          allowNegative: true,
          options: {
            graph: { type: "string", short: "g" },
            site: { type: "string" },
            port: { type: "string", short: "p" },
            host: { type: "string" },
            build: { type: "boolean" },
            dev: { type: "boolean" },
            quiet: { type: "boolean", short: "q" },
            progress: { type: "boolean" },
          },
        });
        if (positionals.length > 1)
          throw new UsageError(`serve takes at most one input folder, got ${positionals.length}.`);
        const port = parseInteger("--port", values.port ?? env.PORT ?? String(DEFAULT_PORT));
        if (port < 0 || port > 65535) throw new UsageError(`--port must be 0…65535, got ${port}.`);
        return {
          command,
          ...common(values),
          graph: values.graph ?? `${graphDir}/graph.json`,
          inputs: positionals[0] ?? env.LITGRAPH_DATA ?? DEFAULT_INPUT,
          site: values.site,
          port,
          host: values.host ?? "127.0.0.1",
          buildGraph: values.build ?? true,
          dev: values.dev ?? false,
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

/** `--category cs.CL --category cs.AI` or `--category cs.CL,cs.AI`: the categories, in order. */
function parseCategories(values: string[] | undefined): string[] {
  const categories = (values ?? []).flatMap((value) => value.split(",")).map((c) => c.trim());
  if (categories.some((category) => !category)) {
    throw new UsageError(
      "--category needs arXiv categories such as cs.CL or cs. (comma-separated).",
    );
  }
  return [...new Set(categories)];
}

/** `--match` must compile as a regular expression (it is used case-insensitively). */
function parseMatch(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!value.trim()) throw new UsageError("--match needs a pattern, e.g. 'medical|clinical'.");
  try {
    new RegExp(value, "i");
  } catch (error) {
    throw new UsageError(
      `--match is not a valid regular expression: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return value;
}

function parseGexfVersion(text: string | undefined): "1.2" | "1.3" {
  if (text === undefined || text === "1.2" || text === "1.2draft") return "1.2";
  if (text === "1.3") return "1.3";
  throw new UsageError(`--gexf-version must be 1.2 or 1.3, got "${text}".`);
}

function parseTopicSource(text: string | undefined): TopicSource {
  if (text === undefined) return "both";
  const found = TOPIC_SOURCES.find((source) => source === text);
  if (found) return found;
  throw new UsageError(`--topics must be taxonomy, discovered or both, got "${text}".`);
}

export const HELP: Record<Command | "main", string> = {
  main: `litgraph — a knowledge graph of a research field from the documents you already have

Usage:
  litgraph build [inputs…] [--out graph/]     build graph.json, graph.gexf and report.json (default input: data/)
  litgraph related <arXiv id | node key | title words>[; more…] [-k 10] [--json] [--explain] [--batch]
  litgraph export --format gexf|graphml|csv|json [--graph graph/graph.json] [--out file]
  litgraph stats [--graph graph/graph.json] [--json]
  litgraph serve [data/] [--port 5173]          open the explorer on the graph (rebuilt when data/ changed)

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
      --topics WHICH       taxonomy, discovered (key terms found in the corpus) or both (default)
      --strict             exit with code 1 when any file was skipped
      --force              replace the graph in --out even when no document could be read
      --cache DIR          parse cache: files unchanged since the last build are not read again
                           (default: OUT/.litgraph-cache; the output is the same with or without it)
      --no-cache           read, ingest and extract every file, and keep no cache
      --incremental        change the last build in OUT for the files added, changed or removed
                           since, keeping its communities, layout, key terms and text index (falls
                           back to a full build when more than 2 % of the files changed, or 5 %
                           since the last full build, or the cache does not match OUT)
      --no-similar         no similar edges between papers with near titles and abstracts
      --category C         arXiv metadata snapshots only: keep records in category C (cs.CL) or under
                           it (cs.); repeat the flag or separate with commas; any match keeps a record
      --match REGEX        arXiv metadata snapshots only: keep records whose title or abstract matches
                           (case-insensitive), e.g. 'medical|clinical|health'
  -q, --quiet              print nothing but errors
      --no-progress        no progress bar

Formats are recognised by content: Chinese digest and 专知 pages, arXiv digest pages, BibTeX, RIS,
CSL-JSON, arXiv API Atom feeds, arXiv metadata snapshots (JSON lines, streamed: any size), plain text.`,
  related: `litgraph related <query> [options]

The query is an arXiv id (2311.05112, with or without version or URL), a DOI, a node key
(paper:arxiv:2311.05112, topic:rag) or a few words of a title, English or Chinese (typos and
word order do not matter). Several papers separated by ";" (or given with --like) ask for
papers like all of them: their scores add up and the papers asked about are left out.

Each result comes with its reasons: listed as related on a page, benchmarks and topics both
share (rare ones count more), listed together in a collection or on a page, similar
abstracts, same community.

Options:
  -g, --graph FILE   graph.json to read (default: graph/graph.json)
  -k N               number of results (default: 10)
      --like QUERY   one more paper to find papers like (repeatable)
      --json         {query, node, results: [{key, label, score, reasons, breakdown}]}
      --explain      print each result's score breakdown by signal
      --batch        read one query per line from standard input and print one JSON line
                     per query: {query, node, results} or {query, error, results: []}`,
  export: `litgraph export [options]

Options:
  -f, --format F       gexf (default), graphml, csv or json
  -g, --graph FILE     graph.json to read (default: graph/graph.json)
  -o, --out PATH       output file (csv: a folder, or a prefix for -nodes.csv / -edges.csv); default: standard output
      --gexf-version V 1.2 (default) or 1.3`,
  stats: `litgraph stats [--graph FILE] [--json] [--top N]

Prints the graph's counts by kind, its largest communities and its most central nodes
(--top N of each, default 10; the count left out is printed).`,
  serve: `litgraph serve [input folder] [options]

Rebuilds the graph when it is missing or older than the input folder (default: data/), builds the
explorer when its sources changed, and serves both at a local address until Ctrl+C.

Options:
  -g, --graph FILE   graph.json to serve (default: graph/graph.json)
  -p, --port N       port (default: 5173, or $PORT; 0 picks a free one)
      --host H       address to listen on (default: 127.0.0.1)
      --site DIR     a built explorer to serve (default: litgraph's dist/, built when needed)
      --no-build     serve the graph as it is, without rebuilding it
      --dev          run Vite's development server on the explorer's sources
  -q, --quiet        print only the address and errors`,
  help: "litgraph help <command>",
  version: "litgraph --version",
};
