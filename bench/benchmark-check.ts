// Which benchmarks extract finds in real documents: every discovered (not gazetteer) name with its
// relation and the words that made it, so that precision can be judged by reading the list.
//
//   npx tsx bench/benchmark-check.ts [--every N] [--offset K] [--limit N] [--known] <file or folder>…
//
// Folders are walked in sorted path order; `--every N` keeps every N-th file of that order (from the
// K-th) and `--limit N` stops after N files, so a sample is the same on every run.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { createExtractContext, extractPaper } from "../src/extract/index.ts";
import { ingestFile } from "../src/ingest/index.ts";

const ROOT = path.resolve(import.meta.dirname, "..");

function listFiles(target: string): string[] {
  if (!statSync(target).isDirectory()) return [target];
  const files: string[] = [];
  for (const name of readdirSync(target).sort()) files.push(...listFiles(path.join(target, name)));
  return files;
}

function main(argv: readonly string[]): void {
  let every = 1;
  let offset = 0;
  let limit = Number.POSITIVE_INFINITY;
  let showKnown = false;
  const targets: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--every") every = Number(argv[++i]);
    else if (arg === "--offset") offset = Number(argv[++i]);
    else if (arg === "--limit") limit = Number(argv[++i]);
    else if (arg === "--known") showKnown = true;
    else targets.push(arg);
  }
  const ctx = createExtractContext(
    JSON.parse(readFileSync(path.join(ROOT, "data/taxonomy.json"), "utf8")),
    JSON.parse(readFileSync(path.join(ROOT, "data/benchmarks.json"), "utf8")),
  );
  const files = targets.flatMap(listFiles).filter((_, index) => index % every === offset % every);
  const discovered = new Map<string, { name: string; introduces: number; evaluates: number }>();
  let known = 0;
  let records = 0;
  for (const file of files.slice(0, limit)) {
    const outcome = ingestFile({ id: file, bytes: new Uint8Array(readFileSync(file)) });
    if (outcome.state !== "parsed") continue;
    for (const record of outcome.parsed.records) {
      records++;
      for (const mention of extractPaper(record, ctx).benchmarks) {
        if (mention.known) {
          known++;
          if (!showKnown) continue;
        }
        const tag = mention.known ? "known" : "found";
        console.log(
          `${tag}\t${mention.relation}\t${mention.name}\t${record.source}\t${mention.evidence.snippet.replace(/\s+/g, " ").slice(0, 200)}`,
        );
        if (mention.known) continue;
        const entry = discovered.get(mention.slug) ?? {
          name: mention.name,
          introduces: 0,
          evaluates: 0,
        };
        entry[mention.relation === "introduces" ? "introduces" : "evaluates"]++;
        discovered.set(mention.slug, entry);
      }
    }
  }
  const introduced = [...discovered.values()].filter((entry) => entry.introduces > 0).length;
  console.log(
    `# files ${Math.min(files.length, limit)}, records ${records}, known mentions ${known}, ` +
      `discovered names ${discovered.size} (introduced somewhere ${introduced})`,
  );
}

main(process.argv.slice(2));
