// Writes a synthetic corpus (bench/corpus.ts) to a folder so that the CLI can be pointed at it:
//   tsx bench/make-corpus.ts --documents 1000 --out bench/out/corpus-1k [--seed 7]
// bench/out is git-ignored. The folder is created if needed; existing files with the same names are overwritten.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { DEFAULT_CORPUS_SEED, generateCorpus } from "./corpus.ts";

const USAGE = "usage: tsx bench/make-corpus.ts --documents <n> [--out <folder>] [--seed <n>]";

/** Parse the command line, generate the corpus and write it; returns the process exit code. */
async function runMakeCorpus(argv: string[]): Promise<number> {
  let values: { documents?: string; out?: string; seed?: string };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        documents: { type: "string", short: "n" },
        out: { type: "string", short: "o" },
        seed: { type: "string" },
      },
      strict: true,
    }));
  } catch (error) {
    console.error(`make-corpus: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const documents = Number(values.documents);
  const seed = values.seed === undefined ? DEFAULT_CORPUS_SEED : Number(values.seed);
  if (values.documents === undefined || !Number.isInteger(documents) || documents < 0) {
    console.error(`make-corpus: --documents must be a non-negative integer.\n${USAGE}`);
    return 2;
  }
  if (!Number.isInteger(seed)) {
    console.error(`make-corpus: --seed must be an integer.\n${USAGE}`);
    return 2;
  }
  const out = path.resolve(values.out ?? path.join("bench", "out", `corpus-${documents}`));

  const started = performance.now();
  const corpus = generateCorpus({ documents, seed });
  const generatedMs = performance.now() - started;

  const folders = new Set(corpus.map((doc) => path.dirname(path.join(out, doc.id))));
  for (const folder of folders) await mkdir(folder, { recursive: true });
  let bytes = 0;
  for (const doc of corpus) {
    const data = Buffer.from(doc.text, "utf8");
    bytes += data.length;
    await writeFile(path.join(out, doc.id), data);
  }
  console.error(
    `make-corpus: ${corpus.length} documents, ${(bytes / 1024 / 1024).toFixed(1)} MiB, seed ${seed}, ` +
      `generated in ${generatedMs.toFixed(0)} ms, written to ${out}`,
  );
  return 0;
}

process.exitCode = await runMakeCorpus(process.argv.slice(2));
