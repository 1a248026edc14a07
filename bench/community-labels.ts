// Prints the largest communities of a built graph with their labels, and how many topics are
// discovered ones: a quick look at whether a map's regions carry names a researcher recognises.
// usage: npx tsx bench/community-labels.ts graph/graph.json [count=10]
import { readFileSync } from "node:fs";

interface Exported {
  attributes: { communities: Record<string, { label: string; size: number }> };
  nodes: { key: string; attributes?: { kind?: string; origin?: string } }[];
}

const [file = "graph/graph.json", countText = "10"] = process.argv.slice(2);
const graph = JSON.parse(readFileSync(file, "utf8")) as Exported;
const communities = Object.entries(graph.attributes.communities)
  .map(([id, info]) => ({ id: Number(id), ...info }))
  .sort((a, b) => b.size - a.size || a.id - b.id)
  .slice(0, Number(countText));
const topics = graph.nodes.filter((node) => node.attributes?.kind === "topic");
const discovered = topics.filter((node) => node.attributes?.origin === "discovered").length;
console.log(`topics: ${topics.length} (${discovered} discovered)`);
for (const c of communities)
  console.log(`${String(c.id).padStart(3)}  ${String(c.size).padStart(5)}  ${c.label}`);
