// Test helpers for extract: PaperRecords built from the seed documents (read in place) with a little
// parsing of their own, so that these tests do not depend on the ingest adapters.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { createExtractContext } from "../../src/extract/index.ts";
import { findUrls } from "../../src/extract/links.ts";
import type { ExtractContext } from "../../src/extract/types.ts";
import type { PaperRecord } from "../../src/ingest/types.ts";

const REPO_ROOT = path.resolve(import.meta.dirname, "../..");
const SEEDS_DIR = path.resolve(REPO_ROOT, "../shared/seeds");

/** A record with only the fields a test sets. */
export function record(fields: Partial<PaperRecord>): PaperRecord {
  return {
    source: "test.txt",
    document: "test.txt",
    format: "text",
    role: "main",
    authors: [],
    categories: [],
    tags: [],
    urls: [],
    ...fields,
  };
}

export function readJson(relative: string): unknown {
  return JSON.parse(readFileSync(path.join(REPO_ROOT, relative), "utf8"));
}

/** The context built from the shipped data/taxonomy.json and data/benchmarks.json. */
export function loadContext(): ExtractContext {
  return createExtractContext(readJson("data/taxonomy.json"), readJson("data/benchmarks.json"));
}

/** The text of the seed whose file name starts with `prefix` ("001"), and its file name. */
export function readSeed(prefix: string): { name: string; text: string } {
  const name = readdirSync(SEEDS_DIR).find((file) => file.startsWith(prefix));
  if (!name) throw new Error(`no seed starting with ${prefix} in ${SEEDS_DIR}`);
  return { name, text: readFileSync(path.join(SEEDS_DIR, name), "utf8").replace(/\r\n/g, "\n") };
}

/** The backticked category of a Chinese digest page: its first line is the label, the rest the reason. */
export function readCategory(text: string): { label: string; reason: string } {
  const block = /`([^`]+)`/.exec(text)?.[1] ?? "";
  const [label = "", ...rest] = block.split("\n");
  return { label: label.trim(), reason: rest.join("\n").trim() };
}

/** A Chinese digest page (000, 001): Chinese title, category, tags, quoted titles and abstracts. */
export function readZhDigestRecord(prefix: string): PaperRecord {
  const { name, text } = readSeed(prefix);
  const lines = text.split("\n");
  const quotes = lines.filter((line) => line.startsWith("> ")).map((line) => line.slice(2).trim());
  const ticks = [...text.matchAll(/`([^`]+)`/g)].map((match) => (match[1] ?? "").trim());
  return record({
    source: name,
    document: name,
    format: "zh-digest",
    titleZh: (lines[0] ?? "").replace(/^#+\s*/, ""),
    title: quotes[0],
    abstractZh: quotes[1],
    abstract: quotes[2],
    categories: [readCategory(text)],
    tags: ticks.slice(1),
    urls: findUrls(text),
  });
}

/** A 专知 page (002, 003): the English abstract, then `翻译:` and a translation, then site chrome. */
export function readZhuanzhiRecord(prefix: string): PaperRecord {
  const { name, text } = readSeed(prefix);
  const [abstract = "", rest = ""] = text.split(/\n+翻译[:：]/);
  const translation = (rest.split(/\n\s*\n/)[0] ?? "").trim();
  return record({
    source: name,
    document: name,
    format: "zhuanzhi",
    abstract: abstract.trim(),
    abstractZh: translation && translation !== "暂无翻译" ? translation : undefined,
    urls: findUrls(abstract),
  });
}

/** An arXiv digest page (004): the main paper, then each related entry with its title and summary. */
export function readArxivDigestRecords(prefix: string): PaperRecord[] {
  const { name, text } = readSeed(prefix);
  const [head = "", related = ""] = text.split(/\nRelated papers\n/);
  const main = record({
    source: name,
    document: name,
    format: "arxiv-digest",
    title: /^- Title: (.+)$/m.exec(head)?.[1]?.trim(),
    abstract: /^- Abstract: ([\s\S]+)$/m.exec(head)?.[1]?.trim(),
    urls: findUrls(head),
  });
  const records = [main];
  // Each entry: "- Title [score]" (or ") - Title [score]" after the previous entry), summary lines.
  const entry = /(?:^|\) )- ([\s\S]+?) \[[\d.]+\]\n([\s\S]*?)arXiv Detail & Related papers/g;
  for (const match of related.matchAll(entry)) {
    records.push(
      record({
        source: `${name}#${records.length}`,
        document: name,
        format: "arxiv-digest",
        role: "related",
        title: (match[1] ?? "").replace(/\s*\n\s*/g, " ").trim(),
        summary: (match[2] ?? "").replace(/\s*\n\s*/g, " ").trim(),
      }),
    );
  }
  return records;
}
