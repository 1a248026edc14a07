// `litgraph related`: the papers to read next, with the reasons — for one paper, for several ("more
// like these"), or for a stream of queries on standard input (--batch), one JSON line each.
import { createInterface } from "node:readline";
import { LitgraphError } from "../../errors.ts";
import type { LitGraph } from "../../graph/types.ts";
import {
  createRelatedIndex,
  RELATED_SIGNALS,
  type RelatedIndex,
  type RelatedResult,
  type ResolvedQuery,
  rankRelated,
  rankRelatedToSet,
  resolveQuery,
  type SignalValues,
  sharePercents,
  signalShares,
  splitQueries,
} from "../../related/index.ts";
import type { RelatedConfig } from "../config.ts";
import { loadGraph } from "../load-graph.ts";
import type { CommandIo } from "./build.ts";

/** What `related` reads and writes; standard input defaults to the process's (for --batch). */
export interface RelatedIo extends CommandIo {
  stdin?: NodeJS.ReadableStream;
}

/** One query answered, or why it could not be. */
type Answer = { nodes: ResolvedQuery[]; results: RelatedResult[] } | { error: string; results: [] };

/**
 * Resolve the parts of one query and rank. A part that matches nothing, or a "more like these" part
 * that is a topic or benchmark rather than a paper, makes an error answer naming it.
 */
export function answerRelated(
  graph: LitGraph,
  index: RelatedIndex,
  parts: readonly string[],
  k: number,
): Answer {
  if (parts.length === 0) return { error: "empty query", results: [] };
  const nodes: ResolvedQuery[] = [];
  for (const part of parts) {
    const node = resolveQuery(graph, part, index.titles);
    if (!node)
      return {
        error: `no paper matches "${part}". Try an arXiv id, a node key or other title words.`,
        results: [],
      };
    nodes.push(node);
  }
  if (nodes.length === 1) {
    const [node] = nodes as [ResolvedQuery];
    return { nodes, results: rankRelated(index, node.key, { k }) };
  }
  const notPaper = nodes.find((node) => !index.positions.has(node.key));
  if (notPaper)
    return {
      error: `"${notPaper.label}" (${notPaper.key}) is not a paper: papers like several take papers only.`,
      results: [],
    };
  return {
    nodes,
    results: rankRelatedToSet(
      index,
      nodes.map((node) => node.key),
      { k },
    ),
  };
}

export async function runRelated(config: RelatedConfig, io: RelatedIo): Promise<number> {
  const graph = await loadGraph(config.graph);
  const index = createRelatedIndex(graph);
  if (config.batch) return runBatch(config, io, graph, index);

  const answer = answerRelated(graph, index, config.queries, config.k);
  if ("error" in answer) {
    if (config.json) {
      io.stdout.write(`${JSON.stringify({ query: config.query, ...answer })}\n`);
      return 1;
    }
    throw new LitgraphError(
      "not-found",
      `${answer.error.replace(/\.$/, "")} (in ${config.graph}; litgraph stats lists some papers).`,
    );
  }
  const { nodes, results } = answer;
  if (config.json) {
    io.stdout.write(
      `${JSON.stringify({
        query: config.query,
        node: nodes[0],
        ...(nodes.length > 1 ? { nodes } : {}),
        results,
      })}\n`,
    );
    return 0;
  }
  io.stdout.write(`${formatResults(nodes, results, config.explain).join("\n")}\n`);
  return 0;
}

/** Text output: a heading naming the paper(s) asked about, then each result with its reasons. */
function formatResults(
  nodes: readonly ResolvedQuery[],
  results: readonly RelatedResult[],
  explain: boolean,
): string[] {
  const lines =
    nodes.length === 1
      ? [`Related to ${nodes[0]?.label} [${nodes[0]?.key}]`, ""]
      : [
          `Related to all of ${nodes.length} papers:`,
          ...nodes.map((node) => `  - ${node.label} [${node.key}]`),
          "",
        ];
  if (results.length === 0)
    lines.push(
      "Nothing related was found: no other paper shares a link, topic, benchmark, list or wording.",
    );
  results.forEach((result, i) => {
    lines.push(`${String(i + 1).padStart(2)}. ${result.label}  (${result.score.toFixed(3)})`);
    lines.push(`    ${result.key}`);
    for (const reason of result.reasons) lines.push(`    - ${reason}`);
    if (explain) {
      const percents = sharePercents(signalShares(result.breakdown));
      const parts = RELATED_SIGNALS.filter((signal) => result.breakdown[signal] > 0).map(
        (signal) => `${signal} ${result.breakdown[signal].toFixed(3)} (${percents[signal]} %)`,
      );
      lines.push(`    score ${result.score.toFixed(3)} = ${parts.join(" + ") || "0"}`);
    }
  });
  return lines;
}

/** Shares to four decimals, for JSON. */
function roundShares(shares: SignalValues): SignalValues {
  const rounded = { ...shares };
  for (const signal of RELATED_SIGNALS)
    rounded[signal] = Math.round(shares[signal] * 10000) / 10000;
  return rounded;
}

/**
 * --batch: answer each line of standard input as it arrives, in one process with one index, as one
 * JSON line: `{query, node, results: [{key, label, score, reasons}]}` (with `breakdown` and each
 * signal's share of the score, `shares`, under --explain, `nodes` for several papers), or `{query, error, results: []}`. Blank lines are skipped.
 */
async function runBatch(
  config: RelatedConfig,
  io: RelatedIo,
  graph: LitGraph,
  index: RelatedIndex,
): Promise<number> {
  const lines = createInterface({ input: io.stdin ?? process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    const query = line.trim();
    if (!query) continue;
    const answer = answerRelated(graph, index, splitQueries(query), config.k);
    if ("error" in answer) {
      io.stdout.write(`${JSON.stringify({ query, ...answer })}\n`);
      continue;
    }
    const results = answer.results.map(({ key, label, score, reasons, breakdown }) =>
      config.explain
        ? { key, label, score, reasons, breakdown, shares: roundShares(signalShares(breakdown)) }
        : { key, label, score, reasons },
    );
    const [node] = answer.nodes;
    io.stdout.write(
      `${JSON.stringify({
        query,
        node,
        ...(answer.nodes.length > 1 ? { nodes: answer.nodes } : {}),
        results,
      })}\n`,
    );
  }
  return 0;
}
