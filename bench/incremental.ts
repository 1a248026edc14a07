// Rebuild times against a full build, on a copy of the real digest pages, back to back, each
// `litgraph build` in its own process: a full build without the cache, one that writes the cache and
// the build state, a rebuild with the parse cache after nothing changed, incremental builds
// (`--incremental`) after one page added, one modified and one removed, a rebuild with the parse
// cache of the changed pages, and a last full build without the cache. Prints seconds, the ratio to
// the mean of the two full builds, and whether the parse-cache rebuild wrote the same bytes as the
// last full build.
// usage: npx tsx bench/incremental.ts [--corpus DIR] [--work DIR]
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { formatTable } from "../src/cli/table.ts";

const { values } = parseArgs({
  options: {
    corpus: { type: "string", default: "/tmp/litgraph-real/hf-llm-digests-2025" },
    work: { type: "string" },
    keep: { type: "boolean", default: false },
  },
});
const root = path.resolve(import.meta.dirname, "..");
const work = values.work ?? mkdtempSync(path.join(tmpdir(), "litgraph-incremental-"));
const corpus = path.join(work, "corpus");
const out = path.join(work, "out");
const fresh = path.join(work, "out-full");
const first = path.join(work, "out-full-first");

console.log(`copying ${values.corpus} to ${corpus} …`);
rmSync(work, { recursive: true, force: true });
cpSync(values.corpus as string, corpus, { recursive: true, preserveTimestamps: true });
const pages = (readdirSync(corpus, { recursive: true, encoding: "utf8" }) as string[])
  .filter((name) => name.endsWith(".md"))
  .sort();
console.log(`${pages.length} pages`);

function build(target: string, ...flags: string[]): number {
  const started = performance.now();
  const run = spawnSync(
    process.execPath,
    [
      path.join(root, "bin", "litgraph.js"),
      "build",
      corpus,
      "--out",
      target,
      "--quiet",
      "--force",
      ...flags,
    ],
    { encoding: "utf8", stdio: ["ignore", "inherit", "inherit"] },
  );
  if (run.status !== 0) throw new Error(`litgraph build exited with ${run.status}`);
  return (performance.now() - started) / 1000;
}

const rows: [string, number][] = [];
const time = (name: string, target: string, ...flags: string[]) => {
  const seconds = build(target, ...flags);
  console.log(`${name}: ${seconds.toFixed(1)} s`);
  rows.push([name, seconds]);
};

time("full build (--no-cache)", first, "--no-cache");
time("full build writing the cache and state", out);
time("parse-cache rebuild, nothing changed", out);

// A new page: one page's text under a new name, as another paper (its own title and arXiv id).
const model = readFileSync(path.join(corpus, pages[0] as string), "utf8");
const added = path.join(corpus, path.dirname(pages[0] as string), "Incremental_New_Page.md");
writeFileSync(
  added,
  model
    .replace(/^# .*$/m, "# 增量构建的新论文")
    .replace(/^> .*$/m, "> A New Paper Added To Measure Incremental Rebuilds")
    .replace(/arxiv\.org\/abs\/\d{4}\.\d{4,5}/, "arxiv.org/abs/2512.99999"),
);
time("--incremental after adding one page", out, "--incremental");

const modified = path.join(corpus, pages[1] as string);
writeFileSync(
  modified,
  `${readFileSync(modified, "utf8")}\n> One more sentence, so that the page has changed.\n`,
);
time("--incremental after modifying one page", out, "--incremental");

rmSync(path.join(corpus, pages[2] as string));
time("--incremental after removing one page", out, "--incremental");

time("parse-cache rebuild of the changed pages", out);
time("full build of the changed pages (--no-cache)", fresh, "--no-cache");

const full = ((rows[0]?.[1] as number) + (rows[rows.length - 1]?.[1] as number)) / 2;
console.log(
  `\n${formatTable(
    ["case", "seconds", "× full"],
    rows.map(([name, seconds]) => [name, seconds.toFixed(1), (seconds / full).toFixed(2)]),
  )}`,
);
const same = [
  "graph.json",
  "graph.gexf",
  "report.json",
  "explorer.json",
  "explorer-search.json",
].every((name) => readFileSync(path.join(out, name)).equals(readFileSync(path.join(fresh, name))));
console.log(
  `\nthe parse-cache rebuild and the full build of the changed pages wrote the same bytes: ${same ? "yes" : "NO"}`,
);
if (!values.keep) rmSync(work, { recursive: true, force: true });
