// Synthetic graphs for the explorer's load benchmark: n nodes in 20 clustered communities, 5 edges per
// node (most inside a community), with positions, sizes and colours, keeping the graph contract.
// Deterministic for a seed (the pipeline's mulberry32 generator), so every run draws the same graph.
import type { SerializedGraph } from "graphology-types";
import { COMMUNITY_COLORS } from "../src/graph/appearance.ts";
import { createRng } from "../src/graph/rng.ts";
import type {
  EdgeAttributes,
  GraphAttributes,
  NodeAttributes,
  NodeKind,
} from "../src/graph/types.ts";

export const COMMUNITIES = 20;
export const EDGES_PER_NODE = 5;

/** A graph.json object of `order` nodes and about `EDGES_PER_NODE * order` edges. */
export function generateSyntheticGraph(
  order: number,
  seed = 1,
): SerializedGraph<NodeAttributes, EdgeAttributes, GraphAttributes> {
  const random = createRng(seed);
  const gaussian = () => {
    const u = Math.max(random(), 1e-9);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
  };
  const spread = Math.sqrt(order) * 4;
  const members: number[][] = Array.from({ length: COMMUNITIES }, () => []);
  const nodes: SerializedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>["nodes"] = [];
  for (let i = 0; i < order; i += 1) {
    const community = Math.floor(random() * COMMUNITIES);
    members[community]?.push(i);
    const angle = (community / COMMUNITIES) * Math.PI * 2;
    const roll = random();
    const kind: NodeKind =
      roll < 0.85 ? "paper" : roll < 0.9 ? "survey" : roll < 0.95 ? "topic" : "benchmark";
    nodes.push({
      key: `n${i}`,
      attributes: {
        kind,
        label: `${kind} ${i}`,
        ...(kind === "paper" || kind === "survey"
          ? { year: 2015 + Math.floor(random() * 10) }
          : {}),
        community,
        x: Math.cos(angle) * spread + gaussian() * spread * 0.25,
        y: Math.sin(angle) * spread + gaussian() * spread * 0.25,
        // A long tail of sizes, as PageRank gives.
        size: Math.min(18, 2 + 1 / Math.max(random(), 0.06)),
        color: COMMUNITY_COLORS[community % COMMUNITY_COLORS.length] ?? "#888888",
        sources: [],
      },
    });
  }
  const edges: SerializedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>["edges"] = [];
  for (let i = 0; i < order * EDGES_PER_NODE; i += 1) {
    const source = Math.floor(random() * order);
    const community = nodes[source]?.attributes?.community ?? 0;
    const pool = random() < 0.8 ? (members[community] ?? []) : null;
    const target =
      pool && pool.length > 1
        ? (pool[Math.floor(random() * pool.length)] ?? 0)
        : Math.floor(random() * order);
    if (target === source) continue;
    edges.push({
      source: `n${source}`,
      target: `n${target}`,
      attributes: { kind: "related", weight: 1, evidence: [] },
    });
  }
  const communities: GraphAttributes["communities"] = {};
  members.forEach((list, id) => {
    communities[String(id)] = {
      label: `Community ${id}`,
      size: list.length,
      color: COMMUNITY_COLORS[id % COMMUNITY_COLORS.length] ?? "#888888",
      terms: [],
    };
  });
  return {
    options: { type: "undirected", multi: true, allowSelfLoops: false },
    attributes: { version: "1", modularity: 0, communities, builtFrom: { synthetic: order } },
    nodes,
    edges,
  };
}
