// Time writing one built graph as GEXF, chunk by chunk into a file, and print the seconds and how
// much the resident memory grew; bench/networkx_gexf.py times networkx's writer on the same graph.
// Usage: tsx bench/gexf-write.ts <graph.json> [out.gexf]
import { closeSync, openSync, readFileSync, writeSync } from "node:fs";
import { readGraphJson, writeGexfChunks } from "../src/export/index.ts";

const [input, output = "/tmp/litgraph-bench.gexf"] = process.argv.slice(2);
if (input === undefined) {
  process.stderr.write("usage: tsx bench/gexf-write.ts <graph.json> [out.gexf]\n");
  process.exit(2);
}
const graph = readGraphJson(readFileSync(input, "utf8"), input);
const mb = (bytes: number) => (bytes / 1e6).toFixed(0);
const rssBefore = process.memoryUsage().rss;
let rssPeak = rssBefore;
const started = performance.now();
const file = openSync(output, "w");
let characters = 0;
for (const chunk of writeGexfChunks(graph)) {
  writeSync(file, chunk);
  characters += chunk.length;
  rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
}
closeSync(file);
const seconds = (performance.now() - started) / 1000;
process.stdout.write(
  `litgraph writeGexfChunks: ${graph.order} nodes, ${graph.size} edges, ${characters} characters in ${seconds.toFixed(2)} s; rss ${mb(rssBefore)} → peak ${mb(rssPeak)} MB\n`,
);
