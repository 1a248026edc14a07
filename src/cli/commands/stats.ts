// `litgraph stats`: what a built graph holds, by kind and by community, and its most central nodes.
import type { LitGraph } from "../../graph/types.ts";
import { countByKind } from "../../pipeline/index.ts";
import type { StatsConfig } from "../config.ts";
import { loadGraph } from "../load-graph.ts";
import { formatTable } from "../table.ts";
import type { CommandIo } from "./build.ts";

export function computeStats(graph: LitGraph, top = 10) {
  const attributes = graph.getAttributes();
  const central = graph
    .mapNodes((key, a) => ({
      key,
      label: a.label,
      kind: a.kind,
      size: a.size,
      degree: graph.degree(key),
    }))
    .sort((a, b) => b.size - a.size || b.degree - a.degree || (a.key < b.key ? -1 : 1))
    .slice(0, top);
  return {
    nodes: graph.order,
    edges: graph.size,
    ...countByKind(graph),
    modularity: attributes.modularity,
    builtFrom: attributes.builtFrom,
    communities: attributes.communities,
    central,
  };
}

export async function runStats(config: StatsConfig, io: CommandIo): Promise<number> {
  const stats = computeStats(await loadGraph(config.graph), config.top);
  if (config.json) {
    io.stdout.write(`${JSON.stringify(stats, null, 2)}\n`);
    return 0;
  }
  const communities = Object.entries(stats.communities)
    .map(([id, c]) => ({ id: Number(id), size: c.size, label: c.label }))
    .sort((a, b) => b.size - a.size || a.id - b.id);
  const shown = communities.slice(0, config.top);
  const lines = [
    `${config.graph}: ${stats.nodes} nodes, ${stats.edges} edges, modularity ${stats.modularity.toFixed(3)}`,
    "",
    formatTable(["nodes", "count"], Object.entries(stats.nodesByKind)),
    "",
    formatTable(["edges", "count"], Object.entries(stats.edgesByKind)),
    "",
    formatTable(
      ["community", "size", "label"],
      shown.map((c) => [c.id, c.size, c.label]),
    ),
    ...(communities.length > shown.length
      ? [
          `${communities.length - shown.length} smaller communities left out of ${communities.length} (--top ${config.top}).`,
        ]
      : []),
    "",
    formatTable(
      ["most central", "kind", "degree", "key"],
      stats.central.map((n) => [
        n.label.length > 60 ? `${n.label.slice(0, 59)}…` : n.label,
        n.kind,
        n.degree,
        n.key,
      ]),
    ),
  ];
  if (stats.nodes > stats.central.length)
    lines.push(`${stats.nodes - stats.central.length} less central nodes left out.`);
  io.stdout.write(`${lines.join("\n")}\n`);
  return 0;
}
