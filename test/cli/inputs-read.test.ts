// Files are read many at once: the lists come out in walk order all the same, each file whole, with
// every entry that could not be read reported in its place.
import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { collectInputs, READ_CONCURRENCY } from "../../src/cli/inputs.ts";

const work = mkdtempSync(path.join(tmpdir(), "litgraph-read-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const decoder = new TextDecoder();

describe("collectInputs reading many files at once", () => {
  it("keeps walk order, whole contents and every diagnostic", async () => {
    const dir = path.join(work, "many");
    mkdirSync(path.join(dir, "b-sub"), { recursive: true });
    // More files than are read at once, with sizes that make later files finish first.
    const count = READ_CONCURRENCY * 3;
    const names: string[] = [];
    for (let i = 0; i < count; i++) {
      const name = `f${String(i).padStart(3, "0")}.txt`;
      names.push(name);
      writeFileSync(path.join(dir, name), `file ${i}\n`.repeat(i % 5 === 0 ? 40_000 : 1));
    }
    writeFileSync(path.join(dir, "b-sub", "inner.txt"), "inner\n");
    writeFileSync(path.join(dir, "a-taxonomy.json"), "{}");
    symlinkSync(path.join(dir, "nowhere"), path.join(dir, "c-dangling.txt"));
    symlinkSync("d-loop2", path.join(dir, "d-loop1"));
    symlinkSync("d-loop1", path.join(dir, "d-loop2"));
    execFileSync("mkfifo", [path.join(dir, "e-pipe")]);
    writeFileSync(path.join(dir, ".hidden"), "not read");
    const locked = path.join(dir, "g-locked.txt");
    writeFileSync(locked, "locked\n");
    chmodSync(locked, 0o000);
    const single = path.join(work, "single.txt");
    writeFileSync(single, "named directly\n");

    const counts: number[] = [];
    const result = await collectInputs([dir, single], {
      exclude: new Set([path.join(dir, "a-taxonomy.json")]),
      onFile: (n) => counts.push(n),
    });

    const asRoot = process.getuid?.() === 0;
    const expectedIds = [
      "b-sub/inner.txt",
      ...names,
      ...(asRoot ? ["g-locked.txt"] : []),
      "single.txt",
    ];
    expect(result.files.map((f) => f.id)).toEqual(expectedIds);
    expect(decoder.decode(result.files[0]?.bytes)).toBe("inner\n");
    const big = result.files.find((f) => f.id === "f005.txt");
    expect(big?.bytes.length).toBe("file 5\n".length * 40_000);
    expect(decoder.decode(big?.bytes).endsWith("file 5\nfile 5\n")).toBe(true);
    expect(decoder.decode(result.files.find((f) => f.id === "f007.txt")?.bytes)).toBe("file 7\n");
    expect(result.excluded).toEqual(["a-taxonomy.json"]);
    expect(result.unreadable.map((u) => [u.file, u.code])).toEqual([
      [".hidden", "hidden"],
      ["c-dangling.txt", "unreadable"],
      ["d-loop1", "unreadable"],
      ["d-loop2", "unreadable"],
      ["e-pipe", "not-a-file"],
      ...(asRoot ? [] : [["g-locked.txt", "unreadable"]]),
    ]);
    expect(result.unreadable[1]?.reason).toMatch(/no such file/);
    expect(result.unreadable[2]?.reason).toMatch(/too many levels of symbolic links/);
    if (!asRoot) expect(result.unreadable[5]?.reason).toBe("cannot read: permission denied");
    // Progress counts each file read, once, up to the number of files.
    expect(counts).toEqual(expectedIds.map((_, i) => i + 1));
  });
});
