// The fuzz properties of ingest (every adapter, the sniffer, ingestFile), a small seeded run of
// each; `npm run fuzz` runs the same properties with many more cases.
import fc from "fast-check";
import { describe, it } from "vitest";
import { fuzzProperties } from "./_properties.ts";

/** Fixed, so that `npm test` tries the same cases every time. */
const SEED = 20_261_203;

describe("fuzzing ingest", () => {
  const properties = fuzzProperties().filter(
    (p) => !p.name.startsWith("resolve") && !p.name.startsWith("GEXF"),
  );
  it.each(properties)("$name", ({ property, testRuns }) => {
    fc.assert(property, { numRuns: testRuns, seed: SEED });
  });
});
