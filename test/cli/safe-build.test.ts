// A mistyped input never replaces a built graph, and stats lists only the top of a large graph.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../_cli.ts";
import { SEEDS_DIR, seedId } from "../_seeds.ts";

const work = mkdtempSync(path.join(tmpdir(), "litgraph-safe-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("build on inputs that are missing or empty", () => {
  it("names a missing input, exits 2 and writes nothing", async () => {
    const out = path.join(work, "never");
    const missing = path.join(work, "typo-dir");
    const run = await runCli(["build", missing, "--out", out, "--quiet"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("typo-dir");
    expect(existsSync(out)).toBe(false);
  });

  it("keeps an existing graph when no document was read, unless --force", async () => {
    const docs = path.join(work, "docs");
    mkdirSync(docs);
    writeFileSync(path.join(docs, "good.txt"), readFileSync(path.join(SEEDS_DIR, seedId("000"))));
    const out = path.join(work, "graph");
    expect((await runCli(["build", docs, "--out", out, "--quiet"])).code).toBe(0);
    const before = readFileSync(path.join(out, "graph.json"), "utf8");

    const empty = path.join(work, "empty");
    mkdirSync(empty);
    writeFileSync(path.join(empty, "blank.txt"), "");
    const refused = await runCli(["build", empty, "--out", out, "--quiet"]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("--force");
    expect(readFileSync(path.join(out, "graph.json"), "utf8")).toBe(before);

    const forced = await runCli(["build", empty, "--out", out, "--quiet", "--force"]);
    expect(forced.code).toBe(0);
    expect(readFileSync(path.join(out, "graph.json"), "utf8")).not.toBe(before);
  });

  it("stats --top limits the listed communities and says how many were left out", async () => {
    const out = path.join(work, "graph");
    const docs = path.join(work, "many");
    mkdirSync(docs);
    for (const name of readdirSync(SEEDS_DIR))
      writeFileSync(path.join(docs, name), readFileSync(path.join(SEEDS_DIR, name)));
    expect((await runCli(["build", docs, "--out", out, "--quiet"])).code).toBe(0);
    const graph = JSON.parse(readFileSync(path.join(out, "graph.json"), "utf8")) as {
      attributes: { communities: Record<string, unknown> };
    };
    const total = Object.keys(graph.attributes.communities).length;
    expect(total).toBeGreaterThan(1);
    const run = await runCli(["stats", "--graph", path.join(out, "graph.json"), "--top", "1"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`${total - 1} smaller communities left out of ${total}`);
    const bad = await runCli(["stats", "--graph", path.join(out, "graph.json"), "--top", "0"]);
    expect(bad.code).toBe(2);
  });
});

describe("names printed on the terminal", () => {
  it("escapes an output folder whose name holds an escape sequence and a newline", async () => {
    const docs = path.join(work, "docs-escape");
    mkdirSync(docs);
    writeFileSync(path.join(docs, "good.txt"), readFileSync(path.join(SEEDS_DIR, seedId("000"))));
    const out = path.join(work, "out\u001b[2J\nWrote fake");
    const run = await runCli(["build", docs, "--out", out, "--no-progress"]);
    expect(run.code).toBe(0);
    const printed = run.stdout + run.stderr;
    expect(printed).toContain("Wrote ");
    expect(printed).toContain("\\x1b[2J");
    expect(printed).not.toContain("\u001b[2J");
    expect(printed.split("\n").filter((line) => line.startsWith("Wrote fake"))).toEqual([]);
  });
});
