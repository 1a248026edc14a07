// A one-word benchmark name that the corpus writes in lower case elsewhere is a common word.
import { describe, expect, it } from "vitest";
import { dropBenchmarkNames, findCommonWordNames } from "../../src/extract/common-word-names.ts";
import type { BenchmarkMention, ExtractedPaper } from "../../src/extract/types.ts";
import { record } from "./_seed-records.ts";

/** Find the corpus's common words and drop them, as a build does; how many mentions went. */
function dropCommonWordBenchmarks(papers: ExtractedPaper[]): number {
  return dropBenchmarkNames(papers, findCommonWordNames(papers));
}

function mention(name: string, known = false): BenchmarkMention {
  return {
    slug: name.toLowerCase(),
    name,
    relation: "evaluates",
    known,
    evidence: { source: "x", snippet: name },
  };
}

function paper(abstract: string, benchmarks: BenchmarkMention[] = []): ExtractedPaper {
  return {
    record: record({ abstract }),
    survey: { isSurvey: false },
    topics: [],
    benchmarks,
    repos: [],
  };
}

describe("findCommonWordNames and dropBenchmarkNames", () => {
  it("drops a name that other records write in lower case, and keeps a real one-word name", () => {
    const corpus = [
      paper("Results on the Ethics benchmark and the Spider dataset.", [
        mention("Ethics"),
        mention("Spider"),
      ]),
      paper("We discuss the ethics of data collection."),
      paper("Research ethics boards approved the study."),
      paper("Questions of ethics remain; unethical use is excluded."),
    ];
    expect(dropCommonWordBenchmarks(corpus)).toBe(1);
    expect(corpus[0]?.benchmarks.map((m) => m.name)).toEqual(["Spider"]);
  });

  it("keeps a name more records use as a name than as a word, and gazetteer names always", () => {
    const naming = Array.from({ length: 5 }, () =>
      paper("We evaluate on Clotho.", [mention("Clotho"), mention("Search", true)]),
    );
    const corpus = [
      ...naming,
      paper("clotho appears here in lower case."),
      paper("and clotho here."),
      paper("and clotho again, with search everywhere, search and search."),
    ];
    expect(dropCommonWordBenchmarks(corpus)).toBe(0);
  });

  it("does not count a lower-case run inside a word", () => {
    const corpus = [
      paper("On the Search set.", [mention("Search")]),
      paper("The SGDsearch tool."),
      paper("The GPTsearch tool."),
      paper("The AIsearch tool."),
    ];
    expect(dropCommonWordBenchmarks(corpus)).toBe(0);
  });
});
