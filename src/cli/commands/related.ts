// `litgraph related`: the papers to read next, with the reasons.
import { LitgraphError } from "../../errors.ts";
import { createRelatedIndex, rankRelated, resolveQuery } from "../../related/index.ts";
import type { RelatedConfig } from "../config.ts";
import { loadGraph } from "../load-graph.ts";
import type { CommandIo } from "./build.ts";

export async function runRelated(config: RelatedConfig, io: CommandIo): Promise<number> {
  const graph = await loadGraph(config.graph);
  const resolved = resolveQuery(graph, config.query);
  if (!resolved) {
    throw new LitgraphError(
      "not-found",
      `no paper matches "${config.query}" in ${config.graph}. Try an arXiv id, a node key (litgraph stats lists some) or other title words.`,
    );
  }
  const results = rankRelated(createRelatedIndex(graph), resolved.key, { k: config.k });
  if (config.json) {
    io.stdout.write(`${JSON.stringify({ query: config.query, node: resolved, results })}\n`);
    return 0;
  }
  const lines = [`Related to ${resolved.label} [${resolved.key}]`, ""];
  if (results.length === 0)
    lines.push(
      "Nothing related was found: the paper shares no link, topic, benchmark or wording with another.",
    );
  results.forEach((result, i) => {
    lines.push(`${String(i + 1).padStart(2)}. ${result.label}  (${result.score.toFixed(3)})`);
    lines.push(`    ${result.key}`);
    for (const reason of result.reasons) lines.push(`    - ${reason}`);
    if (config.explain) {
      const parts = Object.entries(result.breakdown).map(
        ([signal, value]) => `${signal} ${value.toFixed(3)}`,
      );
      lines.push(`    score = ${parts.join(" + ")}`);
    }
  });
  io.stdout.write(`${lines.join("\n")}\n`);
  return 0;
}
