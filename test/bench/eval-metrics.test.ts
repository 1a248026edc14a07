// Tests for the measures of `npm run eval:extract` (bench/eval-metrics.ts), on hand-computed examples.
import { describe, expect, it } from "vitest";
import {
  addCounts,
  compactName,
  countMatches,
  createTermMatcher,
  harmonicMean,
  isJunkLabel,
  markdownHeadings,
  normalizeTitle,
  ratio,
  sampleEvenly,
  scoreCounts,
} from "../../bench/eval-metrics.ts";

describe("normalizeTitle", () => {
  it("ignores case, punctuation, braces and runs of space", () => {
    expect(normalizeTitle("Self-{RAG}: Learning to Retrieve,  Generate")).toBe(
      "self rag learning to retrieve generate",
    );
    expect(normalizeTitle("LLMs:Challenges, Expectations")).toBe(
      normalizeTitle("LLMs: Challenges, Expectations."),
    );
  });

  it("folds full-width forms and keeps Chinese characters", () => {
    expect(normalizeTitle("ＲＡＧ：检索增强生成")).toBe("rag 检索增强生成");
  });

  it("keeps words apart that differ", () => {
    expect(normalizeTitle("Tree of Thoughts")).not.toBe(normalizeTitle("Graph of Thoughts"));
  });
});

describe("compactName", () => {
  it("makes spellings of one benchmark name agree", () => {
    expect(compactName("TAT-QA")).toBe("tatqa");
    expect(compactName("E3C-3.0")).toBe("e3c30");
    expect(compactName("MM-Vet")).toBe(compactName("MMVet"));
  });
});

describe("counting and scoring", () => {
  it("counts true positives, false positives and false negatives of two sets", () => {
    // predicted {a, b, c}, gold {b, c, d, e}: b and c right, a extra, d and e missed
    expect(countMatches(["a", "b", "c", "b"], ["b", "c", "d", "e"])).toEqual({
      truePositives: 2,
      falsePositives: 1,
      falseNegatives: 2,
    });
  });

  it("gives micro precision, recall and F1 from summed counts", () => {
    const counts = addCounts(
      { truePositives: 2, falsePositives: 1, falseNegatives: 2 },
      { truePositives: 1, falsePositives: 0, falseNegatives: 1 },
    );
    // tp 3, fp 1, fn 3: precision 3/4, recall 3/6, F1 = 2·0.75·0.5 / 1.25 = 0.6
    const scores = scoreCounts(counts);
    expect(scores.precision).toBe(0.75);
    expect(scores.recall).toBe(0.5);
    expect(scores.f1).toBeCloseTo(0.6, 10);
  });

  it("leaves precision undefined when nothing was predicted, and F1 with it", () => {
    const scores = scoreCounts({ truePositives: 0, falsePositives: 0, falseNegatives: 4 });
    expect(scores).toEqual({ precision: undefined, recall: 0, f1: undefined });
  });

  it("gives F1 0 when both precision and recall are 0", () => {
    expect(harmonicMean(0, 0)).toBe(0);
    expect(scoreCounts({ truePositives: 0, falsePositives: 3, falseNegatives: 2 }).f1).toBe(0);
  });

  it("divides only when there is something to divide by", () => {
    expect(ratio(1, 4)).toBe(0.25);
    expect(ratio(0, 0)).toBeUndefined();
  });
});

describe("createTermMatcher", () => {
  const medical = createTermMatcher(["patient", "EHR", "clinical notes", "临床"]);

  it("finds whole words in any case, with a plural ending", () => {
    expect(medical("Patients were enrolled")).toBe(true);
    expect(medical("from Clinical Notes.")).toBe(true);
    expect(medical("structured ehr data")).toBe(true);
  });

  it("does not find a term inside a longer word", () => {
    expect(medical("an impatient reviewer")).toBe(false);
    expect(medical("EHRlich")).toBe(false);
  });

  it("finds Chinese terms anywhere in the text", () => {
    expect(medical("面向临床决策的模型")).toBe(true);
    expect(medical("面向代码生成的模型")).toBe(false);
  });
});

describe("markdownHeadings and isJunkLabel", () => {
  it("lists ATX headings without their marks", () => {
    expect(markdownHeadings("# Title\ntext\n## **Benchmark** ##\n#not a heading\n")).toEqual([
      "Title",
      "Benchmark",
    ]);
  });

  it("calls link words, own headings and letterless labels junk, and real titles not", () => {
    const rules = {
      words: new Set(["paper", "project page", "论文链接"]),
      headings: new Set(["rag for code"]),
    };
    expect(isJunkLabel("Project Page", rules)).toBe(true);
    expect(isJunkLabel("论文链接", rules)).toBe(true);
    expect(isJunkLabel("RAG for Code", rules)).toBe(true);
    expect(isJunkLabel("[1]", rules)).toBe(true);
    expect(isJunkLabel("Paper Copilot: A Self-Evolving System", rules)).toBe(false);
  });
});

describe("sampleEvenly", () => {
  it("takes every ⌊n / count⌋-th item, starting with the step-th", () => {
    // 10 items, 3 wanted: step 3, items 3, 6 and 9 (1-based)
    expect(sampleEvenly([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 3)).toEqual([3, 6, 9]);
  });

  it("takes everything when more is asked than there is", () => {
    expect(sampleEvenly(["a", "b"], 5)).toEqual(["a", "b"]);
  });
});
