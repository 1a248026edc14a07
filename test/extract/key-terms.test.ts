// Key-term discovery on small hand-written corpora: recurring multi-word terms are found and named as
// written, common phrases and words are not, variants merge, Chinese terms are read between function
// words, and every paper gets its best terms with the words that say so.
import { describe, expect, it } from "vitest";
import {
  discoverKeyTerms,
  type KeyTermOptions,
  type KeyTermPaper,
  keyOfTerm,
  listChineseCandidates,
  listEnglishCandidates,
} from "../../src/extract/key-terms.ts";

function paper(key: string, abstract: string, extra: Partial<KeyTermPaper> = {}): KeyTermPaper {
  return {
    key,
    language: "en",
    texts: [{ text: abstract, source: `${key}.txt` }],
    hasAbstract: true,
    hasTopic: false,
    ...extra,
  };
}

/** Two themes (graph neural networks; protein folding) and phrases every paper shares. */
const CORPUS: KeyTermPaper[] = [
  paper("p1", "We train graph neural networks on citation data. Experimental results are strong."),
  paper(
    "p2",
    "Graph neural networks predict traffic. In this paper, experimental results improve.",
  ),
  paper("p3", "A graph neural network for molecules; experimental results follow."),
  paper("p4", "Protein folding is hard. We study protein folding with experimental results."),
  paper("p5", "Faster protein folding on one card; experimental results included."),
  paper("p6", "Sparse attention heads for protein folding. Experimental results are shown."),
  paper("p7", "Weather maps from satellites. Experimental results differ."),
  paper("p8", "A survey of sparse attention heads in vision. Experimental results vary."),
];

const OPTIONS = { minDocuments: 2, maxDocumentShare: 0.5, count: 10 };

function labels(
  papers: KeyTermPaper[],
  options: Partial<KeyTermOptions> = OPTIONS,
  reserved = new Set<string>(),
) {
  return discoverKeyTerms(papers, reserved, options).terms.map((term) => term.label);
}

describe("discoverKeyTerms", () => {
  it("finds the multi-word terms that recur across papers, named as written most often", () => {
    const found = labels(CORPUS);
    expect(found).toContain("graph neural networks");
    expect(found).toContain("protein folding");
    expect(found).toContain("sparse attention heads");
  });

  it("finds no single word, and no phrase found in too many papers", () => {
    const papers = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"].map((key, i) =>
      paper(key, i < 2 ? "Neural ranking of solar panels." : "Neural ranking of web pages."),
    );
    const found = labels(papers);
    expect(found).toEqual(["solar panels"]);
    expect(labels(papers, { ...OPTIONS, maxDocumentShare: 1 })).toContain("Neural ranking");
    for (const label of labels(CORPUS)) expect(label.split(/[\s-]+/).length).toBeGreaterThan(1);
  });

  it("finds nothing that occurs in one paper only", () => {
    expect(labels(CORPUS)).not.toContain("Weather maps");
  });

  it("keeps one term of a longer term and the shorter runs inside it", () => {
    const found = labels(CORPUS);
    expect(found).not.toContain("sparse attention");
    expect(found).not.toContain("attention heads");
  });

  it("merges plurals and hyphenated spellings into one term", () => {
    const papers = [
      paper("a", "Multi-agent systems plan trips."),
      paper("b", "A multi agent system plans meals."),
      paper("c", "Two multi-agent systems negotiate."),
      paper("d", "Clouds and rain."),
      paper("e", "Snow and ice."),
      paper("f", "Wind and sun."),
    ];
    const { terms } = discoverKeyTerms(papers, new Set(), OPTIONS);
    expect(terms.map((t) => [t.label, t.documents])).toEqual([["multi-agent systems", 3]]);
  });

  it("leaves out terms that exist already (a taxonomy's aliases)", () => {
    expect(labels(CORPUS, OPTIONS, new Set([keyOfTerm("Protein Folding")]))).not.toContain(
      "protein folding",
    );
  });

  it("gives the same terms and assignments for the same input, in any paper order", () => {
    const once = discoverKeyTerms(CORPUS, new Set(), OPTIONS);
    expect(discoverKeyTerms(CORPUS, new Set(), OPTIONS)).toEqual(once);
    const reversed = discoverKeyTerms([...CORPUS].reverse(), new Set(), OPTIONS);
    expect(reversed.terms).toEqual(once.terms);
  });

  it("gives each paper its terms with the source and the sentence that holds them", () => {
    const { assignments, terms } = discoverKeyTerms(CORPUS, new Set(), OPTIONS);
    const id = terms.find((term) => term.label === "protein folding")?.id;
    expect(assignments.filter((a) => a.term === id).map((a) => [a.paper, a.evidence])).toEqual([
      ["p4", { source: "p4.txt", snippet: "Protein folding is hard." }],
      ["p5", { source: "p5.txt", snippet: "Faster protein folding on one card;" }],
      ["p6", { source: "p6.txt", snippet: "Sparse attention heads for protein folding." }],
    ]);
    for (const key of ["p1", "p2", "p3", "p4", "p5", "p6"]) {
      const count = assignments.filter((a) => a.paper === key).length;
      expect(count, key).toBeGreaterThanOrEqual(1);
      expect(count, key).toBeLessThanOrEqual(3);
    }
    expect(assignments.some((a) => a.paper === "p7")).toBe(false);
  });

  it("gives a paper with no topic its strongest term even beyond the count kept", () => {
    const withTopics = CORPUS.map((p) => ({ ...p, hasTopic: p.key !== "p6" }));
    const kept = discoverKeyTerms(withTopics, new Set(), { ...OPTIONS, count: 1 });
    expect(kept.assignments.some((a) => a.paper === "p6")).toBe(true);
    expect(kept.terms.length).toBe(2);
  });

  it("reads Chinese abstracts as character runs between punctuation and function words", () => {
    const zh = (key: string, text: string) =>
      paper(key, "", { language: "zh", texts: [{ text, source: `${key}.md` }] });
    const papers = [
      zh("z1", "我们提出检索增强生成方法，用于法律问答。"),
      zh("z2", "本文将检索增强生成用于金融报告。"),
      zh("z3", "检索增强生成的效果取决于知识库。"),
      zh("z4", "图像分割在遥感中的应用。"),
      zh("z5", "语音识别在会议中的应用。"),
      zh("z6", "机器翻译的评测。"),
    ];
    const { terms, assignments } = discoverKeyTerms(papers, new Set(), OPTIONS);
    expect(terms.map((t) => t.label)).toEqual(["检索增强生成"]);
    expect(assignments.map((a) => [a.paper, a.evidence.snippet])).toEqual([
      ["z1", "我们提出检索增强生成方法，用于法律问答。"],
      ["z2", "本文将检索增强生成用于金融报告。"],
      ["z3", "检索增强生成的效果取决于知识库。"],
    ]);
  });
});

describe("candidates", () => {
  it("reads English runs of two to four words between stop words and punctuation", () => {
    const keys = listEnglishCandidates(
      "We propose chain-of-thought prompting, for small models.",
    ).map((c) => c.key);
    expect(keys).toEqual(["chain of thought", "chain of thought prompting"]);
  });

  it("takes no lone two-part hyphenated word as a term", () => {
    expect(listEnglishCandidates("zero-shot, and high-quality.")).toEqual([]);
  });

  it("stops Chinese runs at function characters", () => {
    const keys = listChineseCandidates("知识图谱的实体链接").map((c) => c.key);
    expect(keys).toContain("知识图谱");
    expect(keys).toContain("实体链接");
    expect(keys).not.toContain("图谱的实");
    expect(keys).not.toContain("知识图谱的实体链接");
  });
});

describe("general terms", () => {
  // Twenty themes of ten papers each; each theme has two terms of its own that occur together.
  // "deep learning pipeline" occurs in one paper of every theme: it co-occurs with all of them alike.
  const WORDS = [
    "amber",
    "basalt",
    "cobalt",
    "dune",
    "ember",
    "fjord",
    "garnet",
    "heron",
    "indigo",
    "juniper",
    "kelp",
    "lichen",
    "marble",
    "nectar",
    "onyx",
    "pollen",
    "quartz",
    "reef",
    "sorrel",
    "tundra",
  ];
  const corpus: KeyTermPaper[] = [];
  WORDS.forEach((word, theme) => {
    for (let i = 0; i < 10; i++) {
      const general = i === 0 ? "; deep learning pipeline" : "";
      corpus.push(
        paper(`t${theme}-${i}`, `${word} lattice mapping; ${word} drift sensor${general}.`),
      );
    }
  });
  // Forty-one candidates: a share of 0.03 drops the one least relevant.
  const options = { minDocuments: 3, maxDocumentShare: 0.12, count: 60, generalShare: 0.03 };
  it("drops a term whose papers hold every theme alike", () => {
    const found = labels(corpus, options);
    expect(found).not.toContain("deep learning pipeline");
    expect(found).toContain("amber lattice mapping");
  });
  it("keeps it when general terms are not dropped", () => {
    expect(labels(corpus, { ...options, generalShare: 0 })).toContain("deep learning pipeline");
  });
});
