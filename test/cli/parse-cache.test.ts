// The parse cache of `litgraph build`: unchanged files are not read again, a build with the cache
// writes the same bytes as one without, and a broken or foreign cache is set aside with a note.
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { collectInputs } from "../../src/cli/inputs.ts";
import { runCli } from "../_cli.ts";
import { REPO_ROOT, SEEDS_DIR, seedId } from "../_seeds.ts";

const work = mkdtempSync(path.join(tmpdir(), "litgraph-cache-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A file's mtime an hour back: the cache trusts a recorded stat only for files not changed just now. */
const AN_HOUR_AGO = new Date(Date.now() - 3600_000);

/** A folder holding the five seeds, their mtimes an hour back. */
function makeInputs(name: string): string {
  const dir = path.join(work, name);
  mkdirSync(dir, { recursive: true });
  for (const seed of ["000", "001", "002", "003", "004"]) {
    const file = path.join(dir, seedId(seed));
    copyFileSync(path.join(SEEDS_DIR, seedId(seed)), file);
    utimesSync(file, AN_HOUR_AGO, AN_HOUR_AGO);
  }
  return dir;
}

/** Every output file of a build (the cache left out), by relative path. */
function readOutputs(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const relative = path.relative(dir, file);
    if (relative.startsWith(".litgraph-cache")) continue;
    files.set(relative, readFileSync(file));
  }
  return files;
}

function expectSameOutputs(a: string, b: string): void {
  const left = readOutputs(a);
  const right = readOutputs(b);
  expect([...right.keys()].sort()).toEqual([...left.keys()].sort());
  for (const [name, bytes] of left) expect(right.get(name)?.equals(bytes), name).toBe(true);
}

async function build(inputs: string, out: string, ...flags: string[]) {
  const run = await runCli(["build", inputs, "--out", out, "--no-progress", ...flags]);
  expect(run.code, run.stderr).toBe(0);
  return run;
}

describe("parse cache", () => {
  it("reads only the files that changed, and writes what a build without it writes", async () => {
    const inputs = makeInputs("change");
    const out = path.join(work, "change-out");
    const first = await build(inputs, out);
    expect(first.stdout).toContain("Parse cache: 0 of 5 files unchanged");

    const second = await build(inputs, out);
    expect(second.stdout).toContain(
      "Parse cache: 5 of 5 files unchanged since the last build (5 not even read)",
    );
    await build(inputs, path.join(work, "change-fresh"), "--no-cache");
    expectSameOutputs(out, path.join(work, "change-fresh"));

    // One page changed (a new date on it), one added, one removed.
    const changed = path.join(inputs, seedId("000"));
    writeFileSync(changed, readFileSync(changed, "utf8").replace("发布时间", "发布时间 "));
    utimesSync(changed, AN_HOUR_AGO, new Date(AN_HOUR_AGO.getTime() + 1000));
    const added = path.join(inputs, "extra-copy.txt");
    copyFileSync(path.join(SEEDS_DIR, seedId("003")), added);
    utimesSync(added, AN_HOUR_AGO, AN_HOUR_AGO);
    rmSync(path.join(inputs, seedId("004")));

    const third = await build(inputs, out);
    expect(third.stdout).toContain(
      "Parse cache: 3 of 5 files unchanged since the last build (3 not even read)",
    );
    const fresh = path.join(work, "change-fresh-2");
    await build(inputs, fresh, "--no-cache");
    expectSameOutputs(fresh, out);
  });

  it("re-reads a file touched without change, and takes its document by hash", async () => {
    const inputs = makeInputs("touch");
    const out = path.join(work, "touch-out");
    await build(inputs, out);
    const touched = path.join(inputs, seedId("001"));
    utimesSync(touched, AN_HOUR_AGO, new Date(AN_HOUR_AGO.getTime() + 5000));
    const run = await build(inputs, out);
    expect(run.stdout).toContain(
      "Parse cache: 5 of 5 files unchanged since the last build (4 not even read)",
    );
    // … and notes its new mtime, so that the next build does not read it either.
    const again = await build(inputs, out);
    expect(again.stdout).toContain(
      "Parse cache: 5 of 5 files unchanged since the last build (5 not even read)",
    );
  });

  it("sets a corrupt cache aside with a note and builds as without it", async () => {
    const inputs = makeInputs("corrupt");
    const out = path.join(work, "corrupt-out");
    const fresh = path.join(work, "corrupt-fresh");
    await build(inputs, fresh, "--no-cache");
    await build(inputs, out);
    const cache = path.join(out, ".litgraph-cache");

    writeFileSync(path.join(cache, "manifest.json"), "{ not json");
    const broken = await build(inputs, out);
    expect(broken.stderr).toMatch(
      /parse cache .* is not used: its manifest is not one litgraph wrote/,
    );
    expectSameOutputs(fresh, out);

    // Packs overwritten with other bytes: every document fails to read back, every file is read.
    for (const name of readdirSync(cache))
      if (name.endsWith(".v8")) writeFileSync(path.join(cache, name), Buffer.alloc(4096, 7));
    const garbled = await build(inputs, out);
    expect(garbled.stdout).toContain("Parse cache: 0 of 5 files unchanged");
    expectSameOutputs(fresh, out);
    // … and the cache written then serves the next build.
    expect((await build(inputs, out)).stdout).toContain("Parse cache: 5 of 5");
  });

  it("is not used for another taxonomy, and the output follows the options", async () => {
    const inputs = makeInputs("options");
    const out = path.join(work, "options-out");
    await build(inputs, out);
    const taxonomy = path.join(work, "taxonomy.json");
    const original = JSON.parse(
      readFileSync(path.join(REPO_ROOT, "data", "taxonomy.json"), "utf8"),
    );
    writeFileSync(taxonomy, JSON.stringify({ ...original, topics: original.topics.slice(0, 5) }));
    const run = await build(inputs, out, "--taxonomy", taxonomy);
    expect(run.stderr).toMatch(/is not used: .*another taxonomy/);
    expect(run.stdout).toContain("Parse cache: 0 of 5");
    const fresh = path.join(work, "options-fresh");
    await build(inputs, fresh, "--no-cache", "--taxonomy", taxonomy);
    expectSameOutputs(fresh, out);
    // --topics changes nothing the cache holds: the cache is used, the graph follows the flag.
    const topics = await build(inputs, out, "--taxonomy", taxonomy, "--topics", "taxonomy");
    expect(topics.stdout).toContain("Parse cache: 5 of 5");
    const freshTopics = path.join(work, "options-fresh-topics");
    await build(inputs, freshTopics, "--no-cache", "--taxonomy", taxonomy, "--topics", "taxonomy");
    expectSameOutputs(freshTopics, out);
  });

  it("--no-cache keeps no cache", async () => {
    const inputs = makeInputs("none");
    const out = path.join(work, "none-out");
    const run = await build(inputs, out, "--no-cache");
    expect(run.stdout).not.toContain("Parse cache");
    expect(readdirSync(out)).not.toContain(".litgraph-cache");
  });
});

describe("collectInputs with isFresh", () => {
  it("does not open a file the cache holds", async () => {
    const inputs = makeInputs("fresh");
    const collected = await collectInputs([inputs], {
      exclude: new Set(),
      isFresh: (id) => id !== seedId("002"),
    });
    expect(collected.files.map((file) => file.id)).toEqual([seedId("002")]);
    expect(collected.reused.map((entry) => entry.id).sort()).toEqual(
      ["000", "001", "003", "004"].map(seedId).sort(),
    );
    expect(collected.stamps.get(seedId("002"))?.size).toBe(collected.files[0]?.bytes.length);
  });
});
