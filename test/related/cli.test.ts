// `litgraph related` on the graph of the seeds: --json's shape, --explain, "more like these" with `;`
// and --like, --batch through a real process fed on standard input, and its command line.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveConfig } from "../../src/cli/config.ts";
import { UsageError } from "../../src/errors.ts";
import { RELATED_SIGNALS } from "../../src/related/index.ts";
import { runCli } from "../_cli.ts";
import { REPO_ROOT, SEEDS_DIR, seedId } from "../_seeds.ts";

const work = mkdtempSync(path.join(tmpdir(), "litgraph-related-"));
const graphFile = path.join(work, "graph.json");
afterAll(() => rmSync(work, { recursive: true, force: true }));

beforeAll(async () => {
  const built = await runCli(["build", SEEDS_DIR, "--out", work, "--quiet", "--no-progress"]);
  expect(built.code).toBe(0);
}, 60_000);

/** The medicine LLM survey of seed 004 and the two surveys of the Chinese digests (000, 001). */
const SURVEY = "paper:arxiv:2311.05112";
const MULTIMODAL = "paper:arxiv:2405.08603";
const TRUST = "paper:arxiv:2406.03712";

interface JsonAnswer {
  query: string;
  node?: { key: string; label: string; matchedBy: string };
  nodes?: Array<{ key: string }>;
  error?: string;
  results: Array<{
    key: string;
    label: string;
    score: number;
    reasons: string[];
    breakdown?: Record<string, number>;
  }>;
}

/** Run `litgraph related --batch` as a separate process with `input` on its standard input. */
function runBatch(input: string, ...flags: string[]) {
  const result = spawnSync(
    process.execPath,
    [
      path.join(REPO_ROOT, "bin", "litgraph.js"),
      "related",
      "--batch",
      "--graph",
      graphFile,
      ...flags,
    ],
    { cwd: REPO_ROOT, input, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } },
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("litgraph related --json", () => {
  it("gives {query, node, results: [{key, label, score, reasons, breakdown}]}", async () => {
    const run = await runCli([
      "related",
      "2311.05112v7",
      "--graph",
      graphFile,
      "--json",
      "-k",
      "3",
    ]);
    expect(run.code).toBe(0);
    const answer = JSON.parse(run.stdout) as JsonAnswer;
    expect(Object.keys(answer)).toEqual(["query", "node", "results"]);
    expect(answer.query).toBe("2311.05112v7");
    expect(answer.node).toMatchObject({ key: SURVEY, matchedBy: "arxiv" });
    expect(answer.results.length).toBeGreaterThan(0);
    expect(answer.results.length).toBeLessThanOrEqual(3);
    for (const result of answer.results) {
      expect(Object.keys(result)).toEqual(["key", "label", "score", "reasons", "breakdown"]);
      expect(result.reasons.length).toBeGreaterThan(0);
      expect(Object.keys(result.breakdown ?? {}).sort()).toEqual([...RELATED_SIGNALS].sort());
    }
  });

  it("says which page listed a paper as related", async () => {
    const run = await runCli(["related", SURVEY, "--graph", graphFile, "--json"]);
    const answer = JSON.parse(run.stdout) as JsonAnswer;
    const reasons = answer.results.flatMap((result) => result.reasons);
    expect(reasons).toContain(`listed as related on ${seedId("004")} (listing score 50.0)`);
  });

  it("finds a paper by a few Chinese characters of its title", async () => {
    const run = await runCli(["related", "综览", "--graph", graphFile, "--json"]);
    expect((JSON.parse(run.stdout) as JsonAnswer).node).toMatchObject({ key: TRUST });
  });

  it("answers several papers at once, leaving them out of the results", async () => {
    const run = await runCli([
      "related",
      "2405.08603",
      "--like",
      "2406.03712",
      "--graph",
      graphFile,
      "--json",
    ]);
    const answer = JSON.parse(run.stdout) as JsonAnswer;
    expect(answer.query).toBe("2405.08603; 2406.03712");
    expect(answer.nodes?.map((node) => node.key)).toEqual([MULTIMODAL, TRUST]);
    const keys = answer.results.map((result) => result.key);
    expect(keys).not.toContain(MULTIMODAL);
    expect(keys).not.toContain(TRUST);
    expect(keys.length).toBeGreaterThan(0);
  });

  it("prints an error answer and exits 1 when nothing matches", async () => {
    const run = await runCli(["related", "zzqx wvvk", "--graph", graphFile, "--json"]);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ query: "zzqx wvvk", results: [] });
  });
});

describe("litgraph related (text)", () => {
  it("lists results with their reasons, and the breakdown under --explain", async () => {
    const run = await runCli(["related", SURVEY, "--graph", graphFile, "--explain", "-k", "2"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Related to A Survey of Large Language Models in Medicine/);
    expect(run.stdout).toMatch(/^ 1\. .+\(\d+\.\d{3}\)$/m);
    expect(run.stdout).toMatch(/^ {4}- listed as related on /m);
    expect(run.stdout).toMatch(
      /^ {4}score \d+\.\d{3} = (explicit|sharedNeighbours|coListed|text) \d+\.\d{3} \(\d+ %\)/m,
    );
    expect(run.stdout).not.toMatch(/^ 3\. /m);
    // Each result's signal shares, in whole percents, add up to 100.
    const scoreLines = run.stdout.split("\n").filter((line) => line.startsWith("    score "));
    expect(scoreLines).toHaveLength(2);
    for (const line of scoreLines) {
      const percents = [...line.matchAll(/\((\d+) %\)/g)].map((match) => Number(match[1]));
      expect(percents.reduce((sum, p) => sum + p, 0)).toBe(100);
    }
  });

  it("names the query that matched nothing and exits 1", async () => {
    const run = await runCli(["related", "zzqx wvvk", "--graph", graphFile]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('no paper matches "zzqx wvvk"');
  });
});

describe("litgraph related --batch", () => {
  const input = ["2311.05112", "zzqx wvvk", "", "2405.08603; 2406.03712", "综览"].join("\n");
  const run = () => runBatch(input, "-k", "3");

  it("answers each query on its own line, and goes on after one that matches nothing", () => {
    const { code, stdout } = run();
    expect(code).toBe(0);
    const answers = stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as JsonAnswer);
    expect(answers.map((answer) => answer.query)).toEqual([
      "2311.05112",
      "zzqx wvvk",
      "2405.08603; 2406.03712",
      "综览",
    ]);
    const [survey, missing, pair, chinese] = answers as [
      JsonAnswer,
      JsonAnswer,
      JsonAnswer,
      JsonAnswer,
    ];
    expect(survey.node?.key).toBe(SURVEY);
    expect(survey.results.length).toBeGreaterThan(0);
    for (const result of survey.results)
      expect(Object.keys(result)).toEqual(["key", "label", "score", "reasons"]);
    expect(missing).toEqual({
      query: "zzqx wvvk",
      error: expect.stringContaining('no paper matches "zzqx wvvk"'),
      results: [],
    });
    expect(pair.results.map((result) => result.key)).not.toContain(MULTIMODAL);
    expect(pair.results.map((result) => result.key)).not.toContain(TRUST);
    expect(chinese.node?.key).toBe(TRUST);
  });

  it("adds the breakdown under --explain", () => {
    const { stdout } = runBatch("2311.05112\n", "--explain");
    const [answer] = stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as JsonAnswer);
    expect(Object.keys(answer?.results[0] ?? {})).toContain("breakdown");
    for (const result of answer?.results ?? []) {
      const shares = Object.values((result as { shares?: Record<string, number> }).shares ?? {});
      expect(shares.length).toBeGreaterThan(0);
      expect(shares.reduce((sum, share) => sum + share, 0)).toBeCloseTo(1, 3);
    }
  });
});

describe("related's command line", () => {
  const env = {};
  it.each([
    [["related", "2311.05112"], ["2311.05112"], false],
    [["related", "2405.08603;", "2406.03712"], ["2405.08603", "2406.03712"], false],
    [
      ["related", "综览", "--like", "2405.08603", "--like", "a; b"],
      ["综览", "2405.08603", "a", "b"],
      false,
    ],
    [["related", "--batch"], [], true],
  ])("reads %j", (argv, queries, batch) => {
    expect(resolveConfig({ argv, env })).toMatchObject({ command: "related", queries, batch });
  });

  it.each([
    [["related", "x", "--batch"], /standard input/],
    [["related", "--like", " ; "], /needs a query/],
  ])("rejects %j", (argv, message) => {
    expect(() => resolveConfig({ argv, env })).toThrow(UsageError);
    expect(() => resolveConfig({ argv, env })).toThrow(message);
  });
});
