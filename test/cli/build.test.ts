// The build command on good and bad input: every bad file is named and reported, the rest goes on.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { BuildReport } from "../../src/pipeline/index.ts";
import { runCli, spawnCli } from "../_cli.ts";
import { SEEDS_DIR, seedId } from "../_seeds.ts";

const work = mkdtempSync(path.join(tmpdir(), "litgraph-cli-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function readReport(dir: string): BuildReport {
  return JSON.parse(readFileSync(path.join(dir, "report.json"), "utf8")) as BuildReport;
}

/** A folder of bad inputs next to one good seed, built once for the tests below. */
function makeBadFolder(): string {
  const dir = path.join(work, "bad");
  mkdirSync(path.join(dir, "nested"), { recursive: true });
  writeFileSync(path.join(dir, "good.txt"), readFileSync(path.join(SEEDS_DIR, seedId("000"))));
  writeFileSync(path.join(dir, "empty.txt"), "");
  writeFileSync(
    path.join(dir, "binary.bin"),
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48]),
  );
  // A Chinese digest page saved as GB18030: the same seed, re-encoded.
  const gb = new TextDecoder("utf-8").decode(readFileSync(path.join(SEEDS_DIR, seedId("001"))));
  writeFileSync(path.join(dir, "nested", "gbk-page.txt"), encodeGb18030(gb));
  // The arXiv digest with a BOM and CRLF line ends.
  const digest = readFileSync(path.join(SEEDS_DIR, seedId("004")), "utf8").replace(/\n/g, "\r\n");
  writeFileSync(path.join(dir, "crlf-bom.txt"), `\ufeff${digest}`);
  // A 50 MB plain-text file: a note repeated, with one arXiv link near the top.
  const line =
    "Notes on retrieval-augmented generation for clinical question answering, kept for later reading.\n";
  writeFileSync(
    path.join(dir, "huge.txt"),
    `# Reading notes\nhttps://arxiv.org/abs/2402.13178\n${line.repeat(Math.ceil((50 * 1024 * 1024) / line.length))}`,
  );
  // Unreadable entries: a link to nothing and a fifo.
  symlinkSync(path.join(dir, "missing.txt"), path.join(dir, "dangling.txt"));
  execFileSync("mkfifo", [path.join(dir, "pipe.fifo")]);
  writeFileSync(path.join(dir, ".hidden"), "not read");
  return dir;
}

/** Node's TextDecoder reads GB18030 but nothing in Node writes it; Python's codec does, and python3 is on every machine we run on. */
function encodeGb18030(text: string): Buffer {
  return execFileSync(
    "python3",
    [
      "-c",
      "import sys; sys.stdout.buffer.write(sys.stdin.buffer.read().decode('utf-8').encode('gb18030'))",
    ],
    {
      input: Buffer.from(text, "utf8"),
    },
  );
}

describe("litgraph build on bad input", async () => {
  const input = makeBadFolder();
  const out = path.join(work, "bad-out");
  const run = await runCli(["build", input, "--out", out, "--no-progress"]);
  const report = readReport(out);
  const byFile = new Map(report.inputs.map((i) => [i.file, i]));

  it("finishes with exit code 0 and names every skipped file on stderr", () => {
    expect(run.code).toBe(0);
    for (const file of ["empty.txt", "binary.bin", "dangling.txt", "pipe.fifo", ".hidden"]) {
      expect(run.stderr).toContain(`skipped ${file}`);
    }
  });

  it.each([
    ["empty.txt", /empty/],
    ["binary.bin", /binary/],
    ["dangling.txt", /no such file|missing/],
    ["pipe.fifo", /not a regular file/],
    [".hidden", /hidden/],
  ])("reports %s as skipped with the reason", (file, reason) => {
    const entry = byFile.get(file);
    expect(entry?.state).toBe("skipped");
    expect(`${entry?.reason} ${entry?.diagnostics.map((d) => d.message).join(" ")}`).toMatch(
      reason,
    );
  });

  it("decodes a GB18030 page and reads it as a Chinese digest", () => {
    const entry = byFile.get("nested/gbk-page.txt");
    expect(entry).toMatchObject({ state: "parsed", format: "zh-digest", encoding: "gb18030" });
    expect(entry?.nodes).toContain("paper:arxiv:2406.03712");
  });

  it("reads a file with a BOM and CRLF line ends like any other", () => {
    expect(byFile.get("crlf-bom.txt")).toMatchObject({ state: "parsed", format: "arxiv-digest" });
    expect(byFile.get("crlf-bom.txt")?.nodes).toContain("paper:arxiv:2311.05112");
  });

  it("reads a 50 MB text file without stopping the build", () => {
    const entry = byFile.get("huge.txt");
    expect(entry).toMatchObject({ state: "parsed", format: "text" });
    expect(entry?.bytes).toBeGreaterThan(50 * 1024 * 1024);
    expect(entry?.nodes).toContain("paper:arxiv:2402.13178");
  });

  it("keeps the good file's paper", () => {
    expect(byFile.get("good.txt")?.nodes).toContain("paper:arxiv:2405.08603");
    expect(report.summary.skipped).toBe(5);
  });

  it("exits with 1 under --strict when files were skipped", async () => {
    const strict = await runCli([
      "build",
      input,
      "--out",
      path.join(work, "strict-out"),
      "--strict",
      "-q",
    ]);
    expect(strict.code).toBe(1);
  });
});

describe("litgraph build outputs", () => {
  it("writes graph.json, graph.gexf and report.json, byte-identical on a second build", async () => {
    const a = path.join(work, "a");
    const b = path.join(work, "b");
    expect((await runCli(["build", SEEDS_DIR, "--out", a, "-q"])).code).toBe(0);
    expect((await runCli(["build", SEEDS_DIR, "--out", b, "-q"])).code).toBe(0);
    for (const name of ["graph.json", "graph.gexf", "report.json"]) {
      expect(readFileSync(path.join(b, name)).equals(readFileSync(path.join(a, name))), name).toBe(
        true,
      );
    }
  });

  it("leaves the previous graph intact when a build fails", async () => {
    const out = path.join(work, "keep");
    await runCli(["build", SEEDS_DIR, "--out", out, "-q"]);
    const before = readFileSync(path.join(out, "graph.json"));
    const broken = path.join(work, "broken-taxonomy.json");
    writeFileSync(broken, "{ not json");
    const failed = await runCli(["build", SEEDS_DIR, "--out", out, "--taxonomy", broken, "-q"]);
    expect(failed.code).toBe(2);
    expect(failed.stderr).toContain("broken-taxonomy.json");
    expect(readFileSync(path.join(out, "graph.json")).equals(before)).toBe(true);
  });

  it("names sources by path relative to the folder given, or by file name for a file given directly", async () => {
    const out = path.join(work, "direct");
    await runCli(["build", path.join(SEEDS_DIR, seedId("000")), "--out", out, "-q"]);
    const graph = JSON.parse(readFileSync(path.join(out, "graph.json"), "utf8")) as {
      nodes: Array<{ key: string; attributes: { sources: string[] } }>;
    };
    const paper = graph.nodes.find((n) => n.key === "paper:arxiv:2405.08603");
    expect(paper?.attributes.sources).toEqual([seedId("000")]);
  });
});

describe("the litgraph process", () => {
  it("prints help and exits 0", () => {
    const run = spawnCli(["--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("litgraph build");
  });

  it("exits 2 on a usage error and says what was wrong", () => {
    const run = spawnCli(["build", "--seed", "abc"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--seed must be an integer");
  });

  it("answers related, stats and export on a built graph", () => {
    const out = path.join(work, "process");
    expect(spawnCli(["build", SEEDS_DIR, "--out", out, "-q"]).code).toBe(0);
    const graphFile = path.join(out, "graph.json");
    const related = spawnCli(["related", "2311.05112", "--graph", graphFile, "--json"]);
    expect(related.code).toBe(0);
    const answer = JSON.parse(related.stdout) as {
      node: { key: string };
      results: Array<{ reasons: string[] }>;
    };
    expect(answer.node.key).toBe("paper:arxiv:2311.05112");
    expect(answer.results.length).toBeGreaterThan(0);
    expect(answer.results[0]?.reasons.some((r) => r.startsWith("listed as related on"))).toBe(true);
    expect(spawnCli(["stats", "--graph", graphFile]).stdout).toContain("communit");
    const exported = path.join(out, "exported.graphml");
    expect(
      spawnCli(["export", "--format", "graphml", "--graph", graphFile, "--out", exported, "-q"])
        .code,
    ).toBe(0);
    expect(readFileSync(exported, "utf8")).toContain("<graphml");
    const missing = spawnCli(["related", "x", "--graph", path.join(out, "nope.json")]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("nope.json");
  });
});
