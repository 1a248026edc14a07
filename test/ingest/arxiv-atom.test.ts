// The arXiv API Atom adapter: one listed record per <entry>; feed-level elements are not records.
import { describe, expect, it } from "vitest";
import { parseArxivAtom, sniffArxivAtom } from "../../src/ingest/arxiv-atom.ts";
import { findRecord, readFormatDocument } from "./_bibliographies.ts";
import { codesOf, textDocument } from "./_fixtures.ts";

const feed = parseArxivAtom(readFormatDocument("arxiv-atom", "id-list.xml"));

/** A feed around the given entries, as the API writes it. */
function wrapFeed(entries: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n  <title>ArXiv Query</title>\n${entries}\n</feed>\n`;
}

describe("arxiv-atom: id-list.xml", () => {
  it("reads the four entries, in order, and nothing from the feed header", () => {
    expect(feed.records.map((r) => [r.source, r.arxiv])).toEqual([
      ["id-list.xml#1", "2311.05112"],
      ["id-list.xml#2", "2305.09617"],
      ["id-list.xml#3", "2304.08247"],
      ["id-list.xml#4", "0704.0001"],
    ]);
    expect(feed.counts).toEqual({ read: 4, kept: 4, skipped: 0 });
    expect(feed.diagnostics).toEqual([]);
    expect(JSON.stringify(feed.records)).not.toContain("ArXiv Query");
  });

  const cases: Array<{ name: string; id: string; expected: Record<string, unknown> }> = [
    {
      name: "a wrapped title unwrapped, the published date, categories as keywords",
      id: "2311.05112",
      expected: {
        line: 10,
        role: "listed",
        format: "arxiv-atom",
        title:
          "A Survey of Large Language Models in Medicine: Progress, Application, and Challenge",
        date: "2023-11-09T02:55:58Z",
        year: 2023,
        keywords: ["cs.CL"],
        urls: ["http://arxiv.org/abs/2311.05112v7", "http://arxiv.org/pdf/2311.05112v7"],
      },
    },
    {
      name: "an entry without <published>: no date",
      id: "2305.09617",
      expected: {
        line: 44,
        title: "Towards Expert-Level Medical Question Answering with Large Language Models",
      },
    },
    {
      name: "primary and secondary categories, in order, without repeats",
      id: "2304.08247",
      expected: { keywords: ["cs.CL", "cs.AI"] },
    },
    {
      name: "arxiv:doi, arxiv:journal_ref as venue, the DOI link kept",
      id: "0704.0001",
      expected: {
        doi: "10.1103/physrevd.76.013009",
        venue: "Phys.Rev.D76:013009,2007",
        date: "2007-04-02T19:18:42Z",
        authors: ["C. Balázs", "E. L. Berger", "P. M. Nadolsky", "C. -P. Yuan"],
        urls: [
          "http://arxiv.org/abs/0704.0001v2",
          "http://dx.doi.org/10.1103/PhysRevD.76.013009",
          "http://arxiv.org/pdf/0704.0001v2",
        ],
      },
    },
  ];
  for (const { name, id, expected } of cases) {
    it(name, () => {
      expect(findRecord(feed.records, id)).toMatchObject(expected);
    });
  }

  it("collapses the summary's whitespace and decodes its entities", () => {
    expect(findRecord(feed.records, "2311.05112").abstract).toBe(
      "A review of how medical language models are built (model structures, parameter counts, training data) and how they are deployed, comparing them with lighter models across medical tasks and listing open problems & directions.",
    );
    expect(findRecord(feed.records, "2305.09617").date).toBeUndefined();
    expect(findRecord(feed.records, "2311.05112").authors).toHaveLength(19);
  });
});

describe("arxiv-atom: cut-off.xml", () => {
  const cut = parseArxivAtom(readFormatDocument("arxiv-atom", "cut-off.xml"));

  it("keeps the complete entry and reports the one cut off, the missing </feed>, the partial page", () => {
    expect(cut.records.map((r) => r.arxiv)).toEqual(["2303.13375"]);
    expect(cut.counts).toEqual({ read: 2, kept: 1, skipped: 1 });
    expect(cut.diagnostics.map((d) => [d.code, d.line])).toEqual([
      ["unclosed-entry", 21],
      ["feed-cut-off", undefined],
      ["partial-results", undefined],
    ]);
    expect(cut.diagnostics[2]?.message).toMatch(/matched 3 papers; this feed holds 2/);
  });
});

describe("arxiv-atom: edge cases", () => {
  it("reports the API's error entry instead of reading it as a paper", () => {
    const parsed = parseArxivAtom(
      textDocument(
        wrapFeed(
          "  <entry>\n    <id>http://arxiv.org/api/errors#incorrect_id_format_for_1234.12345</id>\n    <title>Error</title>\n    <summary>incorrect id format for 1234.12345</summary>\n  </entry>",
        ),
      ),
    );
    expect(parsed.records).toEqual([]);
    expect(parsed.diagnostics[0]).toMatchObject({ code: "api-error", line: 4, severity: "error" });
    expect(parsed.diagnostics[0]?.message).toContain("incorrect id format for 1234.12345");
  });

  it("reports a malformed entry with its line and keeps the next one", () => {
    const parsed = parseArxivAtom(
      textDocument(
        wrapFeed(
          "  <entry>\n    <id>http://arxiv.org/abs/2303.13375v1</id>\n    <title>Broken <b>markup</title>\n  </entry>\n  <entry>\n    <id>http://arxiv.org/abs/2212.13138v1</id>\n    <title>Large Language Models Encode Clinical Knowledge</title>\n  </entry>",
        ),
      ),
    );
    expect(parsed.records.map((r) => [r.source, r.arxiv])).toEqual([
      ["inline.txt#2", "2212.13138"],
    ]);
    expect(parsed.diagnostics[0]).toMatchObject({ code: "bad-entry", severity: "error", line: 6 });
    expect(parsed.diagnostics[0]?.message).toContain("opened in line 6");
  });

  it("warns about text before the feed instead of ignoring it silently", () => {
    const feed = wrapFeed(
      "  <entry>\n    <id>http://arxiv.org/abs/2212.13138v1</id>\n    <title>Large Language Models Encode Clinical Knowledge</title>\n  </entry>",
    );
    const parsed = parseArxivAtom(
      textDocument(`- [A listed paper](https://arxiv.org/abs/2405.08603)\n\n${feed}`),
    );
    expect(parsed.records.map((r) => r.arxiv)).toEqual(["2212.13138"]);
    expect(parsed.diagnostics).toContainEqual(
      expect.objectContaining({ code: "stray-text", severity: "warning", line: 1 }),
    );
    expect(codesOf(parseArxivAtom(textDocument(`\n  \n${feed}`)))).not.toContain("stray-text");
  });

  it("reports every unclosed entry and keeps a closed one after them", () => {
    const entry = (id: string, title: string) =>
      `  <entry>\n    <id>http://arxiv.org/abs/${id}v1</id>\n    <title>${title}</title>\n  </entry>`;
    const parsed = parseArxivAtom(
      textDocument(
        wrapFeed(
          `  <entry>\n  <entry>\n${entry("2212.13138", "Large Language Models Encode Clinical Knowledge")}\n  <entry>\n  <entry>`,
        ),
      ),
    );
    expect(parsed.records.map((r) => [r.source, r.arxiv])).toEqual([
      ["inline.txt#3", "2212.13138"],
    ]);
    expect(
      parsed.diagnostics.filter((d) => d.code === "unclosed-entry").map((d) => d.line),
    ).toEqual([4, 5, 10, 11]);
    expect(parsed.counts).toEqual({ read: 5, kept: 1, skipped: 4 });
  });

  it("warns about a feed without entries", () => {
    expect(codesOf(parseArxivAtom(textDocument(wrapFeed(""))))).toEqual(["no-entries"]);
  });
});

describe("sniffArxivAtom", () => {
  const cases: Array<{ name: string; text: string; sure: boolean }> = [
    {
      name: "an arXiv API feed",
      text: wrapFeed("<entry><id>http://arxiv.org/abs/2303.13375</id></entry>"),
      sure: true,
    },
    {
      name: "another site's Atom feed with entries",
      text: '<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>x</title></entry></feed>',
      sure: true,
    },
    {
      name: "an RSS feed",
      text: '<rss version="2.0"><channel><item>x</item></channel></rss>',
      sure: false,
    },
    { name: "HTML", text: "<html><body><p>feed me</p></body></html>", sure: false },
  ];
  for (const { name, text, sure } of cases) {
    it(`${sure ? "claims" : "does not claim"} ${name}`, () => {
      expect(sniffArxivAtom(text) >= 0.5).toBe(sure);
    });
  }
});

describe("arxiv-atom: text between entries", () => {
  const entry = (id: string, title: string) =>
    `<entry><id>http://arxiv.org/abs/${id}v1</id><title>${title}</title><summary>s</summary></entry>`;
  it("keeps both entries and warns once, with the line, about text outside any element", () => {
    const text = `<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n${entry("2401.01001", "First paper here")}\nsee also https://arxiv.org/abs/2402.02002 for more\n${entry("2401.01003", "Second paper here")}\n</feed>\n`;
    const parsed = parseArxivAtom(textDocument(text, "feed.xml"));
    expect(parsed.records.map((r) => r.arxiv)).toEqual(["2401.01001", "2401.01003"]);
    const stray = parsed.diagnostics.filter((d) => d.code === "stray-text");
    expect(stray).toHaveLength(1);
    expect(stray[0]?.line).toBe(4);
  });
  it("says nothing about whitespace and markup between entries", () => {
    const text = `<feed xmlns="http://www.w3.org/2005/Atom">\n${entry("2401.01001", "First paper here")}\n  <!-- page 2 -->\n${entry("2401.01003", "Second paper here")}\n</feed>\n`;
    expect(codesOf(parseArxivAtom(textDocument(text, "feed.xml")))).not.toContain("stray-text");
  });
});
