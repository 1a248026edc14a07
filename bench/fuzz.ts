// npm run fuzz: every fuzz property of test/fuzz/_properties.ts with many cases (10,000 per ingest
// adapter), plus the timing properties. Prints cases and failures per property, and for a failure
// the seed, the replay path and the shrunk counterexample; exits 1 when any property fails.
// Usage: tsx bench/fuzz.ts [--seed N] [--scale 0.1] [--only text]
//   --seed   replay a run (default: a new seed each run, printed)
//   --scale  multiply every property's case count (0.1 for a quick look)
//   --only   run only the properties whose name contains this text
import { parseArgs } from "node:util";
import fc from "fast-check";
import { type FuzzProperty, fuzzProperties, timingProperties } from "../test/fuzz/_properties.ts";

const { values } = parseArgs({
  options: {
    seed: { type: "string" },
    scale: { type: "string" },
    only: { type: "string" },
  },
});
const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
const scale = Number(values.scale ?? "1");
if (!Number.isInteger(seed) || !(scale > 0)) {
  console.error("fuzz: --seed must be an integer and --scale a positive number");
  process.exit(2);
}

const properties: FuzzProperty[] = [...fuzzProperties(), ...timingProperties()].filter(
  (p) => values.only === undefined || p.name.includes(values.only),
);

console.log(`fuzz: seed ${seed}, ${properties.length} properties (replay: --seed ${seed})\n`);
const started = performance.now();
let failures = 0;
let cases = 0;
for (const { name, property, fuzzRuns } of properties) {
  const numRuns = Math.max(1, Math.round(fuzzRuns * scale));
  const start = performance.now();
  const details = fc.check(property, { numRuns, seed });
  const seconds = ((performance.now() - start) / 1000).toFixed(1);
  cases += details.numRuns;
  if (!details.failed) {
    console.log(
      `ok    ${String(details.numRuns).padStart(6)} cases  ${seconds.padStart(6)} s  ${name}`,
    );
    continue;
  }
  failures++;
  console.log(
    `FAIL  ${String(details.numRuns).padStart(6)} cases  ${seconds.padStart(6)} s  ${name}`,
  );
  console.log(
    `      seed ${details.seed}, path ${details.counterexamplePath}, ${details.numShrinks} shrinks`,
  );
  const error = details.errorInstance;
  console.log(`      error: ${error instanceof Error ? error.message : String(error)}`);
  if (error instanceof Error && error.stack) {
    const frames = error.stack
      .split("\n")
      .slice(1, 4)
      .map((line) => line.trim());
    console.log(`      at: ${frames.join(" < ")}`);
  }
  console.log(`      counterexample: ${fc.stringify(details.counterexample)}`);
}
const total = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  `\nfuzz: ${cases} cases, ${failures} failing properties of ${properties.length}, ${total} s`,
);
process.exit(failures > 0 ? 1 : 0);
