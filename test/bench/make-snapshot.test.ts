// The generated snapshot's trivial shape: the records of the 1,000,000-record reproduction (each a
// singleton), with ids unique in blocks of 99,999 a month.
import { describe, expect, it } from "vitest";
import { makeSnapshotLine, trivialSnapshotLine } from "../../bench/make-snapshot.ts";
import { createRng } from "../../src/graph/rng.ts";
import { parseArxivSnapshot } from "../../src/ingest/arxiv-snapshot.ts";

describe("trivial snapshot lines", () => {
  it.each([
    [1, "1501.00000", "p0"],
    [99_999, "1501.99998", "p99998"],
    [100_000, "1502.00000", "p99999"],
    [1_000_000, "1511.00009", "p999999"],
  ])("record %i is %s, titled %s", (index, id, title) => {
    expect(JSON.parse(trivialSnapshotLine(index))).toEqual({
      id,
      title,
      abstract: "t",
      authors: "A",
      categories: "cs.CL",
      versions: [{ version: "v1", created: "Mon, 1 Jan 2023 00:00:00 GMT" }],
    });
  });

  it("reads as one record each, of distinct arXiv ids", () => {
    const rng = createRng(1);
    const lines = Array.from({ length: 3 }, (_, i) => makeSnapshotLine("trivial", 99_998 + i, rng));
    const parsed = parseArxivSnapshot({ id: "s.jsonl", text: lines.join("\n"), encoding: "utf-8" });
    expect(parsed.records.map((record) => record.arxiv)).toEqual([
      "1501.99997",
      "1501.99998",
      "1502.00000",
    ]);
  });
});
