// `litgraph build` on arXiv metadata snapshots: streamed line by line, filtered by --category and
// --match, with counts per file in report.json; a bad --match is a usage error.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { resolveConfig } from "../../src/cli/config.ts";
import {
  probeSnapshot,
  SNAPSHOT_PROBE_BYTES,
  streamSnapshotFile,
} from "../../src/cli/stream-snapshot.ts";
import type { BuildReport, InputReport } from "../../src/pipeline/index.ts";
import { runCli } from "../_cli.ts";
import { fixturePath } from "../ingest/_bibliographies.ts";

const work = mkdtempSync(path.join(tmpdir(), "litgraph-snapshot-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const SNAPSHOT = fixturePath("arxiv-snapshot", "medical-slice.jsonl");

/** A folder holding the snapshot fixture and one .bib file. */
function makeFolder(name: string): string {
  const dir = path.join(work, name);
  mkdirSync(dir, { recursive: true });
  copyFileSync(SNAPSHOT, path.join(dir, "arxiv.jsonl"));
  copyFileSync(fixturePath("bibtex", "refs.bib"), path.join(dir, "refs.bib"));
  return dir;
}

async function build(
  name: string,
  flags: string[],
): Promise<{ code: number; stderr: string; report: BuildReport }> {
  const out = path.join(work, `${name}-out`);
  const run = await runCli([
    "build",
    makeFolder(name),
    "--out",
    out,
    "--no-progress",
    "-q",
    ...flags,
  ]);
  const report = JSON.parse(readFileSync(path.join(out, "report.json"), "utf8")) as BuildReport;
  return { code: run.code, stderr: run.stderr, report };
}

function inputOf(report: BuildReport, file: string): InputReport {
  const found = report.inputs.find((input) => input.file === file);
  if (!found) throw new Error(`no ${file} in report.json`);
  return found;
}

describe("litgraph build with snapshot filters", () => {
  const cases: Array<{
    name: string;
    flags: string[];
    counts: { read: number; kept: number; skipped: number; filtered: number };
    nodes: string[];
    absent: string[];
  }> = [
    {
      name: "no filter keeps every good line",
      flags: [],
      counts: { read: 8, kept: 6, skipped: 2, filtered: 0 },
      nodes: ["paper:arxiv:0704.0001", "paper:arxiv:1512.03385"],
      absent: [],
    },
    {
      name: "--category cs.CL",
      flags: ["--category", "cs.CL"],
      counts: { read: 8, kept: 4, skipped: 2, filtered: 2 },
      nodes: ["paper:arxiv:1706.03762", "paper:arxiv:2305.09617"],
      absent: ["paper:arxiv:0704.0001", "paper:arxiv:1512.03385"],
    },
    {
      name: "--category repeated and comma-separated",
      flags: ["--category", "hep-ph", "--category", "cs.CV,q-bio"],
      counts: { read: 8, kept: 2, skipped: 1, filtered: 5 },
      nodes: ["paper:arxiv:0704.0001", "paper:arxiv:1512.03385"],
      absent: ["paper:arxiv:2305.09617"],
    },
    {
      name: "--match, case-insensitive",
      flags: ["--match", "MEDICAL|clinical|health"],
      counts: { read: 8, kept: 3, skipped: 1, filtered: 4 },
      nodes: ["paper:arxiv:2212.13138", "paper:arxiv:2304.08247"],
      absent: ["paper:arxiv:1706.03762", "paper:arxiv:0704.0001"],
    },
    {
      name: "--category with --match",
      flags: ["--category", "cs.", "--match", "medical|clinical|health"],
      counts: { read: 8, kept: 3, skipped: 1, filtered: 4 },
      nodes: ["paper:arxiv:2305.09617"],
      absent: ["paper:arxiv:1512.03385", "paper:arxiv:1706.03762"],
    },
  ];
  for (const { name, flags, counts, nodes, absent } of cases) {
    it(name, async () => {
      const { code, report } = await build(name.replace(/\W+/g, "-"), flags);
      expect(code).toBe(0);
      const snapshot = inputOf(report, "arxiv.jsonl");
      expect(snapshot).toMatchObject({ state: "parsed", format: "arxiv-snapshot", counts });
      for (const key of nodes) expect(snapshot.nodes).toContain(key);
      for (const key of absent) expect(snapshot.nodes).not.toContain(key);
      // The filters apply to snapshots only: the .bib file keeps all its entries.
      expect(inputOf(report, "refs.bib").counts).toEqual({ read: 8, kept: 8, skipped: 0 });
    });
  }

  it("names the bad line of the snapshot in report.json", async () => {
    const { report } = await build("bad-line", []);
    expect(inputOf(report, "arxiv.jsonl").diagnostics).toContainEqual(
      expect.objectContaining({
        file: "arxiv.jsonl",
        line: 3,
        code: "bad-line",
        severity: "error",
      }),
    );
  });
});

describe("litgraph build: bad filter flags", () => {
  const cases: Array<{ flags: string[]; words: RegExp }> = [
    { flags: ["--match", "medical|(clinical"], words: /--match is not a valid regular expression/ },
    { flags: ["--match", ""], words: /--match needs a pattern/ },
    { flags: ["--category", "cs.CL,,cs.AI"], words: /--category needs arXiv categories/ },
  ];
  for (const { flags, words } of cases) {
    it(`exits with 2 on ${flags.join(" ")}`, async () => {
      const run = await runCli(["build", SNAPSHOT, "--out", path.join(work, "never"), ...flags]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(words);
    });
  }

  it("says when the filters had no snapshot to apply to", async () => {
    const dir = path.join(work, "no-snapshot");
    mkdirSync(dir, { recursive: true });
    copyFileSync(fixturePath("bibtex", "refs.bib"), path.join(dir, "refs.bib"));
    const run = await runCli([
      "build",
      dir,
      "--out",
      path.join(work, "no-snapshot-out"),
      "-q",
      "--category",
      "cs.CL",
    ]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/apply to arXiv metadata snapshots; none was found/);
  });
});

describe("build config: snapshot filters", () => {
  const env = {};
  it("defaults to no filter", () => {
    expect(resolveConfig({ argv: ["build"], env })).toMatchObject({
      categories: [],
      match: undefined,
    });
  });

  it("collects categories from repeated and comma-separated flags, without repeats", () => {
    const config = resolveConfig({
      argv: ["build", "--category", "cs.CL, cs.AI", "--category", "cs.CL", "--match", "x|y"],
      env,
    });
    expect(config).toMatchObject({ categories: ["cs.CL", "cs.AI"], match: "x|y" });
  });

  it("documents the filters in build --help as applying to snapshots", async () => {
    const run = await runCli(["build", "--help"]);
    expect(run.stdout).toMatch(/--category C\s+arXiv metadata snapshots only/);
    expect(run.stdout).toMatch(/--match REGEX\s+arXiv metadata snapshots only/);
  });
});

describe("probeSnapshot and streamSnapshotFile", () => {
  it("hands back the bytes of a small file that is not a snapshot", async () => {
    const file = path.join(work, "note.txt");
    writeFileSync(file, "A note about retrieval for clinical questions.\n");
    const probe = await probeSnapshot(file, 47);
    expect(probe.snapshot).toBe(false);
    if (!probe.snapshot) {
      expect(probe.whole).toBe(true);
      expect(new TextDecoder().decode(probe.head)).toBe(
        "A note about retrieval for clinical questions.\n",
      );
    }
  });

  it("recognises a snapshot whose first lines run past the probe, cutting at the last line end", async () => {
    const file = path.join(work, "long.jsonl");
    const line = readFileSync(SNAPSHOT, "utf8").split("\n")[0] ?? "";
    const repeats = Math.ceil((SNAPSHOT_PROBE_BYTES * 2) / line.length);
    writeFileSync(file, `${`${line}\n`.repeat(repeats)}`);
    const probe = await probeSnapshot(file, Buffer.byteLength(line) * repeats + repeats);
    expect(probe.snapshot).toBe(true);
  });

  it("streams a file with a BOM and CRLF line ends, keeping line numbers", async () => {
    const file = path.join(work, "crlf.jsonl");
    const lines = readFileSync(SNAPSHOT, "utf8").split("\n").filter(Boolean);
    writeFileSync(file, `\ufeff${lines.join("\r\n")}\r\n`);
    const outcome = await streamSnapshotFile(
      { id: "crlf.jsonl", path: file, bytes: 1 },
      { categories: ["cs.CV"] },
    );
    expect(outcome.state).toBe("parsed");
    if (outcome.state !== "parsed") return;
    expect(outcome.parsed.records.map((r) => [r.arxiv, r.line, r.source])).toEqual([
      ["1512.03385", 6, "crlf.jsonl#6"],
    ]);
    expect(outcome.parsed.counts).toEqual({ read: 8, kept: 1, skipped: 1, filtered: 6 });
  });

  it("warns when nothing is kept", async () => {
    const outcome = await streamSnapshotFile(
      { id: "arxiv.jsonl", path: SNAPSHOT, bytes: 1 },
      { categories: ["astro-ph"] },
    );
    expect(outcome.state === "parsed" && outcome.parsed.diagnostics.map((d) => d.code)).toContain(
      "no-records",
    );
  });
});
