// Times key-term discovery alone on a folder of Chinese digest pages (English title after `> `, then
// quoted abstracts): reads each page's English title and abstract crudely, then runs discovery twice.
// usage: npx tsx bench/key-terms.ts /tmp/litgraph-real/hf-llm-digests-2025
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { discoverKeyTerms, type KeyTermPaper } from "../src/extract/key-terms.ts";

const [folder = "data"] = process.argv.slice(2);
const files = (readdirSync(folder, { recursive: true, encoding: "utf8" }) as string[])
  .filter((name) => name.endsWith(".md"))
  .sort();
const papers: KeyTermPaper[] = files.map((name) => {
  const quoted = readFileSync(path.join(folder, name), "utf8")
    .split("\n")
    .filter((line) => line.startsWith("> ") && !/[\u4e00-\u9fff]/.test(line))
    .map((line) => line.slice(2));
  return {
    key: name,
    language: "en",
    texts: quoted.map((text) => ({ text, source: name })),
    hasAbstract: quoted.length > 1,
    hasTopic: false,
  };
});
for (let run = 1; run <= Number(process.env.RUNS ?? 2); run++) {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const result = discoverKeyTerms(papers);
  const seconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  console.log(
    `run ${run}: ${papers.length} papers, ${result.terms.length} terms, ${result.assignments.length} assignments in ${seconds.toFixed(2)} s (CPU ${cpuSeconds.toFixed(2)} s)`,
  );
  if (run === 2)
    console.log(
      result.terms
        .slice(0, 40)
        .map((t) => `${t.label} (${t.documents})`)
        .join(" | "),
    );
}
