// Link words as data: a label made of them (`[Code & Data]`, `[data viewer]`, `[代码链接]`) says what
// a link is, never names a paper.
import { describe, expect, it } from "vitest";
import linkWords from "../../src/ingest/link-words.json" with { type: "json" };
import { isLinkWords, isPaperLinkWords } from "../../src/ingest/link-words.ts";
import paperLinkWords from "../../src/ingest/paper-link-words.json" with { type: "json" };

describe("link-words.json and paper-link-words.json", () => {
  it.each([
    ["link-words.json", linkWords],
    ["paper-link-words.json", paperLinkWords],
  ])("%s has exactly an en and a zh list of distinct, lower-case words", (_name, lists) => {
    expect(Object.keys(lists).sort()).toEqual(["en", "zh"]);
    for (const words of [lists.en, lists.zh]) {
      expect(words.length).toBeGreaterThan(0);
      expect(new Set(words).size).toBe(words.length);
      for (const word of words) expect(word).toBe(word.toLowerCase().trim());
    }
  });

  it("names every paper link word among the link words", () => {
    const all = new Set([...linkWords.en, ...linkWords.zh]);
    for (const word of [...paperLinkWords.en, ...paperLinkWords.zh])
      expect(all.has(word)).toBe(true);
  });
});

describe("isLinkWords", () => {
  it.each([
    "Paper",
    "[PDF]",
    "Code & Data",
    "codes and platform",
    "data viewer",
    "Eval Tool",
    "Project Page",
    "Demos",
    "Platform and Implementations",
    "代码",
    "代码链接",
    "论文 / 代码",
  ])("%s is a link label", (text) => {
    expect(isLinkWords(text)).toBe(true);
  });

  it.each([
    "Visual Instruction Tuning",
    "OSWorld",
    "Data Viewer for Invented Scans",
    "code paper data project page demo",
    "检索增强生成",
    "",
  ])("%s is not", (text) => {
    expect(isLinkWords(text)).toBe(false);
  });
});

describe("isPaperLinkWords", () => {
  it.each(["PDF", "arXiv", "Paper", "arXiv paper", "论文"])("%s labels the paper", (text) => {
    expect(isPaperLinkWords(text)).toBe(true);
  });
  it.each(["Code", "data viewer", "Project Page", "代码"])("%s does not", (text) => {
    expect(isPaperLinkWords(text)).toBe(false);
  });
});
