// The folder walk on linked folders: a link back to an ancestor is reported once and every file is read once.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { collectInputs } from "../../src/cli/inputs.ts";

const work = mkdtempSync(path.join(tmpdir(), "litgraph-walk-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("collectInputs on symbolic-link loops", () => {
  it("reads each file once and reports each loop", async () => {
    const dir = path.join(work, "L");
    mkdirSync(path.join(dir, "sub"), { recursive: true });
    writeFileSync(path.join(dir, "one.bib"), "@article{a, title={A}}\n");
    writeFileSync(path.join(dir, "sub", "two.bib"), "@article{b, title={B}}\n");
    symlinkSync(".", path.join(dir, "a"));
    symlinkSync(".", path.join(dir, "b"));
    symlinkSync("..", path.join(dir, "sub", "up"));
    const result = await collectInputs([dir], { exclude: new Set() });
    expect(result.files.map((f) => f.id)).toEqual(["one.bib", "sub/two.bib"]);
    const loops = result.unreadable.filter((u) => u.code === "link-loop").map((u) => u.file);
    expect(loops.sort()).toEqual(["a/", "b/", "sub/up/"]);
  });

  it("still walks a linked folder that is not an ancestor", async () => {
    const dir = path.join(work, "M");
    const elsewhere = path.join(work, "elsewhere");
    mkdirSync(dir, { recursive: true });
    mkdirSync(elsewhere, { recursive: true });
    writeFileSync(path.join(elsewhere, "three.bib"), "@article{c, title={C}}\n");
    symlinkSync(elsewhere, path.join(dir, "linked"));
    const result = await collectInputs([dir], { exclude: new Set() });
    expect(result.files.map((f) => f.id)).toEqual(["linked/three.bib"]);
  });
});
