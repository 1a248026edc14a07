// The pipeline core (src/ingest … src/export, src/related, src/pipeline) is pure: it runs the same in
// Node and in the browser, so it may not reach for Node, the DOM, the clock or randomness.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const CORE_FOLDERS = ["ingest", "extract", "resolve", "graph", "export", "related", "pipeline"];

const FORBIDDEN: Array<[string, RegExp]> = [
  ["a node: import", /from\s+["']node:/],
  ["an fs, path, process or os import", /from\s+["'](?:fs|path|process|os)["']/],
  ["process", /\bprocess\./],
  ["document or window", /\b(?:document|window)\./],
  ["fetch", /\bfetch\(/],
  ["Date.now()", /\bDate\.now\(/],
  ["new Date()", /\bnew Date\(\)/],
  ["Math.random()", /\bMath\.random\(/],
];

function sourcesOf(folder: string): string[] {
  const dir = path.resolve(import.meta.dirname, "../src", folder);
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".ts"))
    .map((name) => path.join(folder, name));
}

describe("the pipeline core", () => {
  const files = CORE_FOLDERS.flatMap(sourcesOf);

  it("has files in every core folder", () => {
    for (const folder of CORE_FOLDERS)
      expect(
        files.some((f) => f.startsWith(`${folder}/`)),
        folder,
      ).toBe(true);
  });

  it.each(files)("src/%s uses nothing outside the pure core", (file) => {
    const source = readFileSync(path.resolve(import.meta.dirname, "../src", file), "utf8")
      .replace(/\/\*[\s\S]*?\*\//g, "")
      .replace(/^\s*\/\/.*$/gm, "");
    for (const [what, pattern] of FORBIDDEN)
      expect(pattern.test(source), `src/${file} uses ${what}`).toBe(false);
  });

  it("catches a forbidden call (the check itself can fail)", () => {
    expect(FORBIDDEN.some(([, pattern]) => pattern.test("const t = Date.now();"))).toBe(true);
  });
});
