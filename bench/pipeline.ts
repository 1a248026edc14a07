// npm run bench: time every pipeline stage on generated corpora of 1k and 10k documents and print
// seconds, documents per second and memory per stage, next to the previous run's figures when there are any.
// Usage: tsx bench/pipeline.ts [--sizes 1000,10000] [--seed 1]
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { formatTable } from "../src/cli/table.ts";
import { writeGexf, writeGraphJson } from "../src/export/index.ts";
import type { InputFile } from "../src/ingest/types.ts";
import { buildGraph, type PipelineStage, writeReportJson } from "../src/pipeline/index.ts";
import { generateCorpus } from "./corpus.ts";

const { values } = parseArgs({
  options: { sizes: { type: "string" }, seed: { type: "string" }, out: { type: "string" } },
});
const sizes = (values.sizes ?? "1000,10000").split(",").map(Number);
const seed = Number(values.seed ?? "1");
const outDir = values.out ?? "bench/out";
const resultsFile = path.join(outDir, "pipeline-results.json");

interface StageFigure {
  stage: string;
  seconds: number;
  docsPerSecond: number;
  heapMb: number;
  peakRssMb: number;
}
type Results = Record<string, StageFigure[]>;

const root = path.resolve(import.meta.dirname, "..");
const taxonomy: unknown = JSON.parse(readFileSync(path.join(root, "data/taxonomy.json"), "utf8"));
const benchmarks: unknown = JSON.parse(
  readFileSync(path.join(root, "data/benchmarks.json"), "utf8"),
);
const encoder = new TextEncoder();
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
const peakRssMb = () => Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10;

function measure(documents: number): { figures: StageFigure[]; summary: string } {
  const started = performance.now();
  const corpus = generateCorpus({ documents, seed });
  const files: InputFile[] = corpus.map((doc) => ({ id: doc.id, bytes: encoder.encode(doc.text) }));
  const figures: StageFigure[] = [];
  const record = (stage: string, since: number) => {
    const seconds = (performance.now() - since) / 1000;
    figures.push({
      stage,
      seconds: Math.round(seconds * 1000) / 1000,
      docsPerSecond: seconds > 0 ? Math.round(documents / seconds) : 0,
      heapMb: mb(process.memoryUsage().heapUsed),
      peakRssMb: peakRssMb(),
    });
  };
  record("generate", started);

  let current: PipelineStage | undefined;
  let stageStart = performance.now();
  const buildStart = stageStart;
  const { graph, report } = buildGraph(
    { files, taxonomy, benchmarks },
    {
      onProgress: (event) => {
        if (event.stage === current) return;
        if (current) record(current, stageStart);
        current = event.stage;
        stageStart = performance.now();
      },
    },
  );
  if (current) record(current, stageStart);
  record("pipeline total", buildStart);

  let exportStart = performance.now();
  const json = writeGraphJson(graph);
  record("export graph.json", exportStart);
  exportStart = performance.now();
  const gexf = writeGexf(graph);
  record("export graph.gexf", exportStart);
  const reportText = writeReportJson(report);
  const summary = `${documents} documents → ${graph.order} nodes, ${graph.size} edges, ${report.summary.communities} communities, ${report.summary.merges} merges; graph.json ${mb(json.length)} MB, graph.gexf ${mb(gexf.length)} MB, report.json ${mb(reportText.length)} MB`;
  return { figures, summary };
}

let previous: Results = {};
try {
  previous = JSON.parse(readFileSync(resultsFile, "utf8")) as Results;
} catch {
  // First run: nothing to compare with.
}

const results: Results = {};
console.log(
  `litgraph pipeline bench — node ${process.version}, ${process.platform}/${process.arch}, seed ${seed}`,
);
for (const size of sizes) {
  const { figures, summary } = measure(size);
  results[String(size)] = figures;
  const before = new Map((previous[String(size)] ?? []).map((f) => [f.stage, f.seconds]));
  console.log(`\n${summary}`);
  console.log(
    formatTable(
      ["stage", "seconds", "docs/s", "heap MB", "peak RSS MB", "previous s", "change"],
      figures.map((f) => {
        const was = before.get(f.stage);
        const change = was
          ? `${f.seconds >= was ? "+" : ""}${Math.round(((f.seconds - was) / was) * 100)}%`
          : "–";
        return [f.stage, f.seconds, f.docsPerSecond, f.heapMb, f.peakRssMb, was ?? "–", change];
      }),
    ),
  );
}
mkdirSync(outDir, { recursive: true });
writeFileSync(resultsFile, `${JSON.stringify({ ...previous, ...results }, null, 2)}\n`);
console.log(`\nFigures saved to ${resultsFile} for the next run to compare against.`);
