// Tests for the synthetic benchmark corpus (bench/corpus.ts) and for the default corpus in
// data/corpus: well-formed, UTF-8, and written in the project's own words (no long runs shared with the seeds).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createRng, type GeneratedDocument, generateCorpus } from "../../bench/corpus.ts";
import { LitgraphError } from "../../src/errors.ts";

const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
const CORPUS_DIR = path.join(REPO_ROOT, "data", "corpus");
const SEEDS_DIR = fileURLToPath(new URL("../../../shared/seeds/", import.meta.url));

const FORMATS = ["arxiv-digest", "zh-digest", "zhuanzhi"] as const;
const ARXIV_ID = /\b\d{4}\.\d{4,5}\b/;

function formatOf(doc: GeneratedDocument): string {
  return doc.id.split("/")[0] ?? "";
}

/** The main paper's arXiv id: the URL line of an arXiv digest or the Arxiv link of a Chinese digest. */
function mainArxivId(doc: GeneratedDocument): string | undefined {
  const match = /arxiv\.org\/abs\/(\d{4}\.\d{4,5})/.exec(doc.text);
  return match?.[1];
}

/** Related entries of an arXiv digest, as `[title, date]`, with wrapped titles joined again. */
function relatedEntries(text: string): Array<[string, string]> {
  const list = text.split("\nRelated papers\n")[1] ?? "";
  const headings = [...list.matchAll(/(?:^- |\) - )([\s\S]+?) \[\d+\.\d+\]/gm)].map((m) =>
    (m[1] ?? "").replace(/\n/g, " "),
  );
  const dates = [...list.matchAll(/arXiv Detail & Related papers \(([^)]+)\)/g)].map(
    (m) => m[1] ?? "",
  );
  return headings.map((title, i) => [title, dates[i] ?? ""]);
}

describe("generateCorpus", () => {
  it("gives identical output for the same seed and different output for another seed", () => {
    const first = generateCorpus({ documents: 120, seed: 7 });
    const again = generateCorpus({ documents: 120, seed: 7 });
    const other = generateCorpus({ documents: 120, seed: 8 });
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
    expect(other.map((d) => d.text).join("")).not.toBe(first.map((d) => d.text).join(""));
  });

  it("uses the default seed when none is given", () => {
    expect(generateCorpus({ documents: 20 })).toEqual(generateCorpus({ documents: 20 }));
  });

  it.each([0, 1, 7, 250])("returns exactly %i documents with unique ids", (documents) => {
    const corpus = generateCorpus({ documents, seed: 3 });
    expect(corpus).toHaveLength(documents);
    expect(new Set(corpus.map((d) => d.id)).size).toBe(documents);
  });

  it.each([-1, 2.5, Number.NaN])(
    "rejects documents = %s with an invalid-options error",
    (documents) => {
      const call = () => generateCorpus({ documents });
      expect(call).toThrow(LitgraphError);
      expect(call).toThrow(expect.objectContaining({ code: "invalid-options" }));
    },
  );

  const corpus = generateCorpus({ documents: 400, seed: 11 });

  it("covers all three formats, each with the structure of its kind", () => {
    const byFormat = new Map<string, GeneratedDocument[]>();
    for (const doc of corpus)
      byFormat.set(formatOf(doc), [...(byFormat.get(formatOf(doc)) ?? []), doc]);
    expect([...byFormat.keys()].sort()).toEqual([...FORMATS]);
    for (const doc of byFormat.get("arxiv-digest") ?? []) {
      expect(doc.text).toMatch(/^- URL: http:\/\/arxiv\.org\/abs\/\d{4}\.\d{5}v\d$/m);
      expect(doc.text).toMatch(/^- Date: \w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/m);
      expect(doc.text).toContain("\nRelated papers\n");
    }
    for (const doc of byFormat.get("zh-digest") ?? []) {
      expect(doc.text).toMatch(/^发布时间：\d{4}年\d{2}月\d{2}日$/m);
      expect(doc.text).toMatch(/^\[Arxiv\]\(https:\/\/arxiv\.org\/abs\/\d{4}\.\d{5}\)$/m);
    }
    for (const doc of byFormat.get("zhuanzhi") ?? []) {
      expect(doc.text).toMatch(/^翻译:/m);
      expect(doc.text).toContain("\n相关基金\n");
      // A 专知 page names no arXiv id; its paper is found through links or shared text.
      expect(doc.text).not.toMatch(ARXIV_ID);
    }
  });

  it("keeps documents at the size of real pages", () => {
    for (const doc of corpus) {
      const bytes = new TextEncoder().encode(doc.text).length;
      expect(bytes).toBeGreaterThan(1024);
      expect(bytes).toBeLessThan(8 * 1024);
    }
  });

  it("lists 5 to 10 related papers in each arXiv digest, each with its own date", () => {
    const digests = corpus.filter((d) => formatOf(d) === "arxiv-digest");
    expect(digests.length).toBeGreaterThan(0);
    for (const doc of digests) {
      const entries = relatedEntries(doc.text);
      expect(entries.length).toBeGreaterThanOrEqual(5);
      expect(entries.length).toBeLessThanOrEqual(10);
      for (const [title, date] of entries) {
        expect(title.length).toBeGreaterThan(10);
        expect(date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      }
    }
  });

  it("mentions the same paper in more than one document", () => {
    const documentsPerId = new Map<string, number>();
    for (const doc of corpus) {
      const id = mainArxivId(doc);
      if (id) documentsPerId.set(id, (documentsPerId.get(id) ?? 0) + 1);
    }
    expect(Math.max(...documentsPerId.values())).toBeGreaterThan(1);

    // A related entry is often another document's main paper: the resolution stage has work to do.
    const mainTitles = new Set(
      corpus.flatMap((d) => [...d.text.matchAll(/^- Title: (.+)$/gm)].map((m) => m[1] ?? "")),
    );
    const relatedTitles = corpus
      .filter((d) => formatOf(d) === "arxiv-digest")
      .flatMap((d) => relatedEntries(d.text).map(([title]) => title));
    const shared = relatedTitles.filter((title) => mainTitles.has(title));
    expect(shared.length).toBeGreaterThan(relatedTitles.length / 4);
  });

  it("keeps 专知 site chrome free of corpus papers", () => {
    // Titles come from arXiv digests (`- Title:`) and Chinese digests (`> Title`, not the abstract).
    const mainTitles = corpus
      .flatMap((d) =>
        [...d.text.matchAll(/^- Title: (.+)$|^> ([A-Z].+)$/gm)].map((m) => m[1] ?? m[2] ?? ""),
      )
      .filter((title) => title.length < 200);
    for (const doc of corpus.filter((d) => formatOf(d) === "zhuanzhi")) {
      const chrome = doc.text.slice(doc.text.indexOf("\n相关内容\n"));
      for (const title of mainTitles) expect(chrome).not.toContain(title);
    }
  });
});

describe("createRng", () => {
  it("is a deterministic generator of numbers in [0, 1)", () => {
    const a = createRng(42);
    const b = createRng(42);
    const values = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(values);
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(new Set(values).size).toBeGreaterThan(990);
    expect(createRng(43)()).not.toBe(createRng(42)());
  });
});

// ---------------------------------------------------------------------------------------------
// The default corpus (data/corpus)
// ---------------------------------------------------------------------------------------------

const CORPUS_FILES = readdirSync(CORPUS_DIR, { recursive: true, encoding: "utf8" })
  .filter((name) => /\.(txt|md)$/.test(name))
  .sort();

/**
 * Real paper titles that the corpus may share with the seeds: titles are facts, not prose. They are
 * cut out of both texts before comparing, so a long title cannot hide copied words around it.
 */
const FACT_TITLES = [
  "A Survey of Large Language Models in Medicine: Progress, Application, and Challenge",
  "A Comprehensive Survey of Large Language Models and Multimodal Large Language Models in Medicine",
  "A Survey on Medical Large Language Models: Technology, Application, Trustworthiness, and Future Directions",
  "Large Language Models Illuminate a Progressive Pathway to Artificial Healthcare Assistant: A Review",
  "ChiMed-GPT: A Chinese Medical Large Language Model with Full Training Regime and Better Alignment to Human Preferences",
];
const RUN_WORDS = 12;
const RUN_HAN = 20;

function tokenize(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Replace fact titles (even when wrapped over two lines) by a marker no run can cross. */
function removeFactTitles(text: string): string {
  let out = text;
  for (const title of FACT_TITLES) {
    const words = tokenize(title).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    out = out.replace(new RegExp(words.join("[^\\p{L}\\p{N}]+"), "giu"), " ¶ ");
  }
  return out;
}

function wordRuns(text: string): Set<string> {
  const runs = new Set<string>();
  for (const part of removeFactTitles(text).split("¶")) {
    const words = tokenize(part);
    for (let i = 0; i + RUN_WORDS <= words.length; i++)
      runs.add(words.slice(i, i + RUN_WORDS).join(" "));
  }
  return runs;
}

/** Runs of `RUN_HAN` consecutive Chinese characters: Chinese prose has no spaces to count words by. */
function hanRuns(text: string): Set<string> {
  const runs = new Set<string>();
  for (const block of text.match(/\p{Script=Han}+/gu) ?? []) {
    for (let i = 0; i + RUN_HAN <= block.length; i++) runs.add(block.slice(i, i + RUN_HAN));
  }
  return runs;
}

describe("data/corpus", () => {
  it("holds the three formats and only source documents (its description lives in the README)", () => {
    for (const format of FORMATS) {
      expect(
        CORPUS_FILES.filter((f) => f.startsWith(`${format}${path.sep}`)).length,
      ).toBeGreaterThanOrEqual(4);
    }
    // Every file under data/ is read as a document by `npm start`: a README there would become a paper.
    expect(CORPUS_FILES.filter((f) => f.endsWith(".md"))).toEqual([]);
    expect(CORPUS_FILES.length).toBeGreaterThanOrEqual(15);
  });

  it.each(CORPUS_FILES)("%s is non-empty valid UTF-8", (name) => {
    const bytes = readFileSync(path.join(CORPUS_DIR, name));
    expect(bytes.length).toBeGreaterThan(0);
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    expect(text.trim().length).toBeGreaterThan(0);
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
  });

  it.each(CORPUS_FILES.filter((f) => f.endsWith(".txt")))(
    "%s has the markers of its format",
    (name) => {
      const text = readFileSync(path.join(CORPUS_DIR, name), "utf8");
      const format = name.split(path.sep)[0];
      if (format === "arxiv-digest") {
        expect(text).toMatch(/^- URL: http:\/\/arxiv\.org\/abs\/\d{4}\.\d{5}v\d+$/m);
        expect(text).toMatch(/^- Title: /m);
        expect(text).toMatch(/^Related papers$/m);
        expect(text).toMatch(/^arXiv Detail & Related papers \([\dTZ:-]+\)$/m);
      } else if (format === "zh-digest") {
        expect(text).toMatch(/^发布时间：\d{4}年\d{2}月\d{2}日$/m);
        expect(text).toMatch(/^> [A-Z]/m);
        expect(text).toMatch(/^\[Arxiv\]\(https:\/\/arxiv\.org\/abs\/\d{4}\.\d{5}\)$/m);
      } else {
        expect(format).toBe("zhuanzhi");
        expect(text).toMatch(/^翻译:/m);
        expect(text).toMatch(/^相关内容$/m);
        expect(text).not.toMatch(ARXIV_ID);
      }
    },
  );

  describe.runIf(existsSync(SEEDS_DIR))("against the seeds", () => {
    const seeds = readdirSync(SEEDS_DIR)
      .filter((f) => f.endsWith(".txt"))
      .map((f) => readFileSync(path.join(SEEDS_DIR, f), "utf8"));
    const seedWordRuns = new Set(seeds.flatMap((s) => [...wordRuns(s)]));
    const seedHanRuns = new Set(seeds.flatMap((s) => [...hanRuns(s)]));

    it("reads the seeds", () => {
      expect(seeds.length).toBeGreaterThanOrEqual(5);
      expect(seedWordRuns.size).toBeGreaterThan(100);
    });

    it.each(CORPUS_FILES)(
      `%s shares no run of ${RUN_WORDS} words or ${RUN_HAN} Chinese characters with a seed`,
      (name) => {
        const text = readFileSync(path.join(CORPUS_DIR, name), "utf8");
        expect([...wordRuns(text)].filter((run) => seedWordRuns.has(run))).toEqual([]);
        expect([...hanRuns(removeFactTitles(text))].filter((run) => seedHanRuns.has(run))).toEqual(
          [],
        );
      },
    );
  });
});

describe("copy guard", () => {
  // The guard itself must be able to fail: a copied seed sentence is caught, a fact title is not.
  it("flags a copied run and tolerates a shared fact title", () => {
    const seedLike = wordRuns(
      "Large language models have received substantial attention due to their capabilities for understanding and generating human language in many settings.",
    );
    const copied = wordRuns(
      "Intro. Large language models have received substantial attention due to their capabilities for understanding and generating human language in many settings.",
    );
    expect([...copied].some((run) => seedLike.has(run))).toBe(true);

    const title = FACT_TITLES[3] ?? "";
    const first = `Related: ${title} (2023-11-03) - first entry`;
    const second = `Seen in: ${title.replace(" Artificial ", " Artificial\n")} [16.0]`;
    const rawRuns = (text: string) => {
      const words = tokenize(text);
      return words
        .slice(0, words.length - RUN_WORDS + 1)
        .map((_, i) => words.slice(i, i + RUN_WORDS).join(" "));
    };
    expect(rawRuns(second).some((run) => rawRuns(first).includes(run))).toBe(true);
    const a = wordRuns(first);
    expect([...wordRuns(second)].some((run) => a.has(run))).toBe(false);
  });
});
