// Tests for the synthetic benchmark corpus (bench/corpus.ts). The default corpus in data/corpus has
// its own tests in test/data/.
import { describe, expect, it } from "vitest";
import { createRng, type GeneratedDocument, generateCorpus } from "../../bench/corpus.ts";
import { LitgraphError } from "../../src/errors.ts";

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
