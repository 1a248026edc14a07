// The extract stage is pure core code: it may not reach for Node, the DOM, the clock or randomness.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const EXTRACT_DIR = path.resolve(import.meta.dirname, "../../src/extract");
const FORBIDDEN: Array<[string, RegExp]> = [
  ["node: imports", /from\s+["']node:/],
  ["fs, path or process imports", /from\s+["'](?:fs|path|process|os)["']/],
  ["process", /\bprocess\./],
  ["document or window", /\b(?:document|window)\./],
  ["fetch", /\bfetch\(/],
  ["Date.now()", /\bDate\.now\(/],
  ["Math.random()", /\bMath\.random\(/],
];

describe("src/extract", () => {
  const files = readdirSync(EXTRACT_DIR).filter((name) => name.endsWith(".ts"));

  it("has files to check", () => {
    expect(files).toContain("index.ts");
  });

  for (const file of files) {
    it(`${file} uses nothing outside the pure core`, () => {
      const source = readFileSync(path.join(EXTRACT_DIR, file), "utf8");
      for (const [what, pattern] of FORBIDDEN)
        expect(pattern.test(source), `${file} uses ${what}`).toBe(false);
    });
  }
});
