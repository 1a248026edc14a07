// The default corpus in data/corpus: only source documents, each well-formed in the format its folder
// names, valid UTF-8, and written in the project's own words (no long runs shared with the seeds).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  CORPUS_DIR,
  CORPUS_FORMATS,
  formatOf,
  listCorpusFiles,
  readCorpusFile,
  SEEDS_DIR,
} from "./_corpus.ts";

const CORPUS_FILES = listCorpusFiles();
const ARXIV_ID = /\b\d{4}\.\d{4,5}\b/;

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
  "CliMedBench: A Large-Scale Chinese Benchmark for Evaluating Medical Large Language Models in Clinical Scenarios",
  "A Survey on Large Language Models from General Purpose to Medical Applications: Datasets, Methodologies, and Evaluations",
  "Towards Evaluating and Building Versatile Large Language Models for Medicine",
  "Demystifying Large Language Models for Medicine: A Primer",
  "Large Language Model Distilling Medication Recommendation Model",
  "From Beginner to Expert: Modeling Medical Knowledge into General LLMs",
  "Large language models in medicine: the potentials and pitfalls",
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
  it("holds every format in its own folder, and only source documents", () => {
    const folders = readdirSync(CORPUS_DIR).sort();
    expect(folders).toEqual([...CORPUS_FORMATS]);
    for (const format of CORPUS_FORMATS) {
      expect(CORPUS_FILES.filter((f) => formatOf(f) === format).length).toBeGreaterThan(0);
    }
    // Every file under data/ is read as a document by `npm start`: notes there would become papers.
    const notes = CORPUS_FILES.filter((f) =>
      /(^|\/)(readme|notes?|license|changelog)[^/]*$/i.test(f),
    );
    expect(notes).toEqual([]);
    expect(CORPUS_FILES.filter((f) => f.endsWith(".md") && formatOf(f) !== "awesome-list")).toEqual(
      [],
    );
    expect(CORPUS_FILES.length).toBeGreaterThanOrEqual(40);
  });

  it("keeps nothing but the corpus, the taxonomy and the gazetteer directly under data/", () => {
    const top = readdirSync(path.join(CORPUS_DIR, "..")).sort();
    expect(top).toEqual(["benchmarks.json", "corpus", "taxonomy.json"]);
  });

  it.each(CORPUS_FILES)("%s is non-empty valid UTF-8 without a byte-order mark", (name) => {
    const bytes = readFileSync(path.join(CORPUS_DIR, name));
    expect(bytes.length).toBeGreaterThan(0);
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    expect(text.trim().length).toBeGreaterThan(0);
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    // A file that names its encoding names UTF-8.
    const declared = /encoding="([^"]+)"|charset=([\w-]+)/i.exec(text.slice(0, 200));
    if (declared) expect((declared[1] ?? declared[2] ?? "").toLowerCase()).toBe("utf-8");
  });

  /** For each format folder: what a well-formed file of that format must show. */
  const FORMAT_CHECKS: Record<string, [string, (text: string) => void]> = {
    "arxiv-digest": [
      "has the markers of an arXiv digest page",
      (text: string) => {
        expect(text).toMatch(/^- URL: http:\/\/arxiv\.org\/abs\/\d{4}\.\d{5}v\d+$/m);
        expect(text).toMatch(/^- Title: /m);
        expect(text).toMatch(/^Related papers$/m);
        expect(text).toMatch(/^arXiv Detail & Related papers \([\dTZ:-]+\)$/m);
      },
    ],

    "zh-digest": [
      "has the markers of a Chinese digest page",
      (text: string) => {
        expect(text).toMatch(/^发布时间：\d{4}年\d{2}月\d{2}日$/m);
        expect(text).toMatch(/^> [A-Z]/m);
        expect(text).toMatch(/^\[Arxiv\]\(https:\/\/arxiv\.org\/abs\/\d{4}\.\d{5}\)$/m);
      },
    ],

    zhuanzhi: [
      "has the markers of a 专知 page and no arXiv id",
      (text: string) => {
        expect(text).toMatch(/^翻译:/m);
        expect(text).toMatch(/^相关内容$/m);
        expect(text).not.toMatch(ARXIV_ID);
      },
    ],

    "awesome-list": [
      "is an awesome list: title, sections, a companion survey near the top, many items",
      (text: string) => {
        const lines = text.split("\n");
        expect(lines[0]).toMatch(/^# /);
        expect(lines.filter((l) => /^##+ /.test(l)).length).toBeGreaterThanOrEqual(10);
        expect(lines.slice(0, 15).join("\n")).toMatch(/https:\/\/arxiv\.org\/abs\/\d{4}\.\d{5}/);
        const items = lines.filter((l) => /^(- |\| [^-])/.test(l) && /\]\(https?:\/\//.test(l));
        expect(items.length).toBeGreaterThanOrEqual(100);
        expect(lines.some((l) => /^\|---/.test(l))).toBe(true);
      },
    ],

    bibtex: [
      "is BibTeX whose entries carry a title, a year and an identifier",
      (text: string) => {
        const entries = text.split(/\n(?=@)/).filter((e) => e.startsWith("@"));
        expect(entries.length).toBeGreaterThanOrEqual(15);
        for (const entry of entries) {
          expect(entry).toMatch(/^@(article|inproceedings|misc)\{[a-z0-9]+,/);
          expect(entry).toMatch(/^\s+title\s+= \{.+\},$/m);
          expect(entry).toMatch(/^\s+year\s+= \{\d{4}\},?$/m);
          expect(entry).toMatch(/^\s+(eprint|doi)\s+= \{/m);
          expect(entry.trimEnd().endsWith("}")).toBe(true);
        }
      },
    ],

    ris: [
      "is RIS: records from TY to ER, each with a title",
      (text: string) => {
        const records = text.split(/^ER {2}- *$/m).filter((r) => r.trim());
        expect(records.length).toBeGreaterThanOrEqual(10);
        for (const record of records) {
          expect(record.trim()).toMatch(/^TY {2}- [A-Z]+$/m);
          expect(record).toMatch(/^TI {2}- .+$/m);
          expect(record).toMatch(/^(DO|UR) {2}- .+$/m);
        }
      },
    ],

    "csl-json": [
      "is CSL-JSON: an array of items with id, type, title and date",
      (text: string) => {
        const items = JSON.parse(text) as Array<Record<string, unknown>>;
        expect(Array.isArray(items)).toBe(true);
        expect(items.length).toBeGreaterThanOrEqual(10);
        for (const item of items) {
          expect(typeof item.id).toBe("string");
          expect(["article", "article-journal", "paper-conference"]).toContain(item.type);
          expect(typeof item.title).toBe("string");
          expect(item.issued).toMatchObject({ "date-parts": [[expect.any(Number)]] });
        }
      },
    ],

    "arxiv-atom": [
      "is an arXiv API Atom feed with versioned entry ids",
      (text: string) => {
        expect(text).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>/);
        expect(text).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
        const ids = [...text.matchAll(/<id>http:\/\/arxiv\.org\/abs\/(\d{4}\.\d{5})v\d+<\/id>/g)];
        expect(ids.length).toBeGreaterThanOrEqual(3);
        expect(text.match(/<entry>/g)?.length).toBe(ids.length);
        expect(
          text.match(/<published>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z<\/published>/g)?.length,
        ).toBe(ids.length);
      },
    ],

    "arxiv-snapshot": [
      "is a slice of the arXiv metadata snapshot, one JSON object per line",
      (text: string) => {
        const lines = text.trimEnd().split("\n");
        expect(lines.length).toBeGreaterThanOrEqual(8);
        for (const line of lines) {
          const row = JSON.parse(line) as Record<string, unknown>;
          expect(row.id).toMatch(/^\d{4}\.\d{4,5}$/);
          expect(typeof row.title).toBe("string");
          expect(typeof row.abstract).toBe("string");
          expect(typeof row.authors).toBe("string");
          expect(row.categories).toMatch(/^[a-z-]+(\.[A-Za-z-]+)?( [a-z-]+(\.[A-Za-z-]+)?)*$/);
          const versions = row.versions as Array<{ version: string; created: string }>;
          expect(versions[0]?.version).toBe("v1");
          for (const v of versions)
            expect(v.created).toMatch(/^\w{3}, \d{1,2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
          expect(row.update_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        }
        // A few lines are off the medical topic, as a real slice of the snapshot would be.
        const offTopic = lines.filter((l) => !/medic|clinic|health|patient/i.test(l));
        expect(offTopic.length).toBeGreaterThanOrEqual(2);
        expect(offTopic.length).toBeLessThanOrEqual(3);
      },
    ],

    "paper-page": [
      "is a saved paper page naming its paper",
      (text: string) => {
        expect(text).toMatch(
          /arXiv:\d{4}\.\d{5}|arxiv:\d{4}\.\d{5}|PMID: \d+|Anthology ID:\n\d{4}\.[\w-]+\.\d+|openreview\.net\/forum\?id=/,
        );
        expect(text.split("\n").length).toBeGreaterThan(10);
      },
    ],
  };

  it.each(CORPUS_FILES)("%s is well-formed in its folder's format", (name) => {
    const check = FORMAT_CHECKS[formatOf(name)];
    expect(check, `no check for the folder of ${name}`).toBeDefined();
    check?.[1](readCorpusFile(name));
  });

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
        const text = readCorpusFile(name);
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

  it("flags a copied run of Chinese characters", () => {
    const seed = hanRuns("本综述旨在为研究者提供一份宝贵的参考资料全面覆盖理论基础与临床实践");
    const copy = hanRuns(
      "引言：本综述旨在为研究者提供一份宝贵的参考资料全面覆盖理论基础与临床实践。",
    );
    expect([...copy].some((run) => seed.has(run))).toBe(true);
    expect(
      [...hanRuns("完全不同的一段中文文字，用来检验不会误报相同内容的情况是否存在问题。")].some(
        (run) => seed.has(run),
      ),
    ).toBe(false);
  });
});
