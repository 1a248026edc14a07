// The output set is switched as a whole: a killed writer never leaves graph.json of one build beside
// report.json of another, and what a dead writer left behind is cleaned up by the next one.
import { spawn, spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import {
  recoverOutputs,
  writeOutputsAtomically,
  writeToStream,
} from "../../src/cli/write-outputs.ts";
import { LitgraphError } from "../../src/errors.ts";

const work = mkdtempSync(path.join(tmpdir(), "litgraph-outputs-"));
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
afterAll(() => spawnSync("rm", ["-rf", work]));

/** The pid of a process that has ended (so no live process holds it, for a while at least). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]);
  return Number(child.stdout.toString());
}

const SET = ["graph.json", "graph.gexf", "report.json"];

function setOf(id: string): Record<string, string> {
  return Object.fromEntries(SET.map((name) => [name, `${id}:${name}`]));
}

function buildsIn(dir: string): string[] {
  return SET.filter((name) => existsSync(path.join(dir, name))).map(
    (name) => readFileSync(path.join(dir, name), "utf8").split(":")[0] ?? "",
  );
}

describe("writeOutputsAtomically", () => {
  it("writes the whole set and leaves nothing else behind", async () => {
    const dir = path.join(work, "plain");
    await writeOutputsAtomically(dir, setOf("one"));
    await writeOutputsAtomically(dir, setOf("two"));
    expect(readdirSync(dir).sort()).toEqual([...SET].sort());
    expect(buildsIn(dir)).toEqual(["two", "two", "two"]);
  });

  it("writes chunked content, from plain and async iterables, one chunk after another", async () => {
    const dir = path.join(work, "chunks");
    async function* slowly(): AsyncGenerator<string> {
      yield "three:";
      await new Promise((resolve) => setTimeout(resolve, 5));
      yield "report.json";
    }
    await writeOutputsAtomically(dir, {
      "graph.json": ["three:", "graph", ".json"],
      "graph.gexf": (function* () {
        yield "three:graph.";
        yield "gexf";
      })(),
      "report.json": slowly(),
    });
    expect(readFileSync(path.join(dir, "graph.json"), "utf8")).toBe("three:graph.json");
    expect(readFileSync(path.join(dir, "graph.gexf"), "utf8")).toBe("three:graph.gexf");
    expect(readFileSync(path.join(dir, "report.json"), "utf8")).toBe("three:report.json");
  });

  it("keeps the previous set when a chunked file fails halfway", async () => {
    const dir = path.join(work, "failing");
    await writeOutputsAtomically(dir, setOf("old"));
    const failing = (function* () {
      yield "new:";
      throw new Error("the writer broke");
    })();
    const error = await writeOutputsAtomically(dir, {
      ...setOf("new"),
      "graph.gexf": failing,
    }).catch((e: unknown) => e);
    expect((error as Error).message).toBe("the writer broke");
    expect(buildsIn(dir)).toEqual(["old", "old", "old"]);
    expect(readdirSync(dir).sort()).toEqual([...SET].sort());
  });

  it("replaces a sub-folder whole, so a later set with fewer files in it leaves none of the old", async () => {
    const dir = path.join(work, "folders");
    await writeOutputsAtomically(dir, {
      "graph.json": "one",
      "shards/0000.json": "one:0",
      "shards/0001.json": "one:1",
      "shards/0002.json": "one:2",
    });
    const written = await writeOutputsAtomically(dir, {
      "graph.json": "two",
      "shards/0000.json": "two:0",
    });
    expect(written).toEqual([path.join(dir, "graph.json"), path.join(dir, "shards")]);
    expect(readdirSync(dir).sort()).toEqual(["graph.json", "shards"]);
    expect(readdirSync(path.join(dir, "shards"))).toEqual(["0000.json"]);
    expect(readFileSync(path.join(dir, "shards", "0000.json"), "utf8")).toBe("two:0");
  });

  it("rolls a sub-folder forward when its writer died after moving the old one aside", async () => {
    const dir = path.join(work, "folder-halfway");
    await writeOutputsAtomically(dir, { "graph.json": "one", "shards/0000.json": "one:0" });
    // What a writer killed between the two renames of a folder leaves: the journal, the new folder
    // still staged, the old one moved into the staging folder, nothing in place.
    const staging = `.litgraph-staging-${deadPid()}`;
    mkdirSync(path.join(dir, staging, "shards"), { recursive: true });
    writeFileSync(path.join(dir, staging, "shards", "0001.json"), "two:1");
    writeFileSync(path.join(dir, staging, "graph.json"), "two");
    spawnSync("mv", [path.join(dir, "shards"), path.join(dir, staging, ".replaced-shards")]);
    writeFileSync(
      path.join(dir, ".litgraph-commit.json"),
      JSON.stringify({ staging, files: ["graph.json", "shards"] }),
    );
    expect((await recoverOutputs(dir)).rolledForward).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(["graph.json", "shards"]);
    expect(readdirSync(path.join(dir, "shards"))).toEqual(["0001.json"]);
    expect(readFileSync(path.join(dir, "graph.json"), "utf8")).toBe("two");
  });

  it("refuses a name that climbs out of the folder", async () => {
    await expect(
      writeOutputsAtomically(path.join(work, "climb"), { "../outside.json": "x" }),
    ).rejects.toBeInstanceOf(LitgraphError);
    expect(existsSync(path.join(work, "outside.json"))).toBe(false);
  });

  it("rolls a committed set forward when its writer died between the renames", async () => {
    const dir = path.join(work, "half");
    await writeOutputsAtomically(dir, setOf("old"));
    // What a writer killed after its first rename leaves: the journal, and two files still staged.
    const staging = `.litgraph-staging-${deadPid()}`;
    mkdirSync(path.join(dir, staging));
    writeFileSync(path.join(dir, "graph.json"), "new:graph.json");
    writeFileSync(path.join(dir, staging, "graph.gexf"), "new:graph.gexf");
    writeFileSync(path.join(dir, staging, "report.json"), "new:report.json");
    writeFileSync(path.join(dir, ".litgraph-commit.json"), JSON.stringify({ staging, files: SET }));
    expect(buildsIn(dir)).toEqual(["new", "old", "old"]);
    const done = await recoverOutputs(dir);
    expect(done.rolledForward).toBe(true);
    expect(buildsIn(dir)).toEqual(["new", "new", "new"]);
    expect(readdirSync(dir).sort()).toEqual([...SET].sort());
  });

  it("removes staging folders and temporary files of dead writers, not of live ones", async () => {
    const dir = path.join(work, "stray");
    mkdirSync(dir, { recursive: true });
    const dead = deadPid();
    const live = spawn("sleep", ["30"]);
    try {
      writeFileSync(path.join(dir, `.litgraph-tmp-${dead}-graph.json`), "x".repeat(1000));
      mkdirSync(path.join(dir, `.litgraph-staging-${dead}`));
      mkdirSync(path.join(dir, `.litgraph-staging-${live.pid}`));
      await writeOutputsAtomically(dir, setOf("fresh"));
      expect(readdirSync(dir).sort()).toEqual([...SET, `.litgraph-staging-${live.pid}`].sort());
    } finally {
      live.kill();
    }
  });

  it("refuses to write while another live process holds the folder, and takes over a dead one's lock", async () => {
    const dir = path.join(work, "locked");
    mkdirSync(dir, { recursive: true });
    const live = spawn("sleep", ["30"]);
    try {
      writeFileSync(path.join(dir, ".litgraph-lock"), String(live.pid));
      const error = await writeOutputsAtomically(dir, setOf("blocked")).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(LitgraphError);
      expect((error as LitgraphError).code).toBe("io");
      expect((error as Error).message).toContain(String(live.pid));
      expect(buildsIn(dir)).toEqual([]);
    } finally {
      live.kill();
    }
    writeFileSync(path.join(dir, ".litgraph-lock"), String(deadPid()));
    await writeOutputsAtomically(dir, setOf("after"));
    expect(buildsIn(dir)).toEqual(["after", "after", "after"]);
    expect(existsSync(path.join(dir, ".litgraph-lock"))).toBe(false);
  });

  it("keeps one build's set whole when the writer is killed with SIGKILL at any moment", async () => {
    const dir = path.join(work, "killed");
    await writeOutputsAtomically(dir, setOf("b0"));
    const script = path.join(work, "writer.mts");
    writeFileSync(
      script,
      `import { writeOutputsAtomically } from ${JSON.stringify(path.join(root, "src/cli/write-outputs.ts"))};
const big = "y".repeat(1_000_000);
for (let i = 1; ; i++) {
  await writeOutputsAtomically(${JSON.stringify(dir)}, Object.fromEntries(${JSON.stringify(SET)}.map((n) => [n, "b" + i + ":" + n + big])));
}
`,
    );
    for (const delay of [900, 1300, 1700, 2300]) {
      // Node itself, with tsx as a loader: the killed process is the one that writes.
      const child = spawn(process.execPath, ["--import", "tsx", script], {
        cwd: root,
        stdio: ["ignore", "ignore", "pipe"],
      });
      let stderr = "";
      child.stderr?.on("data", (chunk: Buffer) => {
        stderr += chunk.toString();
      });
      const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
      const early = await Promise.race([
        exited.then(() => true),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), delay)),
      ]);
      expect(early ? stderr : "").toBe("");
      child.kill("SIGKILL");
      await exited;
      await recoverOutputs(dir);
      const builds = buildsIn(dir);
      expect(builds).toHaveLength(3);
      expect(new Set(builds).size).toBe(1);
      expect(readdirSync(dir).filter((name) => name.startsWith(".litgraph"))).toEqual([]);
    }
  }, 180_000);
});

/** A slow stream with a tiny buffer that fails with `code` once it has taken `failAfter` chunks. */
function slowStream(failAfter: number, code: string): { stream: Writable; taken: string[] } {
  const taken: string[] = [];
  const stream = new Writable({
    highWaterMark: 4,
    write(chunk: Buffer, _encoding, callback) {
      setTimeout(() => {
        if (taken.length >= failAfter) {
          callback(Object.assign(new Error(`write ${code}`), { code }));
          return;
        }
        taken.push(chunk.toString());
        callback();
      }, 1);
    },
  });
  return { stream, taken };
}

describe("writeToStream", () => {
  const chunks = ["first ", "second ", "third ", "fourth"];

  it("writes every chunk in order, waiting for the stream to drain", async () => {
    const { stream, taken } = slowStream(Number.POSITIVE_INFINITY, "none");
    await writeToStream(stream, chunks);
    await new Promise((resolve) => stream.end(resolve));
    expect(taken.join("")).toBe("first second third fourth");
  });

  it("stops quietly when the reader closes the pipe", async () => {
    const { stream, taken } = slowStream(1, "EPIPE");
    await writeToStream(stream, chunks);
    expect(taken).toEqual(["first "]);
  });

  it("throws any other write error", async () => {
    const { stream } = slowStream(1, "ENOSPC");
    await expect(writeToStream(stream, chunks)).rejects.toThrow("write ENOSPC");
  });
});
