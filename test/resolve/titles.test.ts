// Which title a merged paper shows, and which titles may merge records: the most reliable source
// wins, link words are no title, and a heading many different documents share identifies nothing.
import { describe, expect, it } from "vitest";
import { resolvePapers } from "../../src/resolve/index.ts";
import { makeDocument, makePaper } from "../_records.ts";

const DAY_ONE =
  "Today we read three papers on retrieval for clinical notes, one on tool use by small models, and a " +
  "benchmark of long video questions; the retrieval papers agree that smaller chunks help recall.";
const DAY_TWO =
  "This issue covers speech recognition for low resource languages, a study of code review bots in " +
  "open source projects, and two papers about protein folding with diffusion models at scale.";

describe("title source ranking", () => {
  it("labels a paper with its BibTeX title rather than the text of a list's link", () => {
    const result = resolvePapers([
      makeDocument("list.md", [
        makePaper({
          source: "list.md#3",
          format: "awesome-list",
          role: "listed",
          arxiv: "2305.16291",
          title: "FireAct: Toward Language Agent Fine-tuning",
        }),
      ]),
      makeDocument("refs.bib", [
        makePaper({
          source: "refs.bib#7",
          format: "bibtex",
          role: "main",
          arxiv: "2305.16291",
          title: "Voyager: An Open-Ended Embodied Agent with Large Language Models",
        }),
      ]),
    ]);
    expect(result.entities).toHaveLength(1);
    expect(result.entities[0]?.label).toBe(
      "Voyager: An Open-Ended Embodied Agent with Large Language Models",
    );
  });

  it("prefers a digest page's own title over a list's text, whatever the input order", () => {
    const result = resolvePapers([
      makeDocument("list.md", [
        makePaper({
          source: "list.md#1",
          format: "awesome-list",
          role: "listed",
          arxiv: "2401.00001",
          title: "Short name the curator typed",
        }),
      ]),
      makeDocument("page.md", [
        makePaper({
          source: "page.md",
          format: "zh-digest",
          role: "main",
          arxiv: "2401.00001",
          title: "The Full Title As the Page Gives It",
        }),
      ]),
    ]);
    expect(result.entities[0]?.title).toBe("The Full Title As the Page Gives It");
  });

  it.each([
    ["论文链接", "zh"],
    ["PDF", "en"],
    ["Eval Tool", "en"],
    ["data viewer", "en"],
    ["Project Page", "en"],
    ["项目主页", "zh"],
  ])("never takes the link word %s for a title", (word) => {
    const result = resolvePapers([
      makeDocument("list.md", [
        makePaper({
          source: "list.md#1",
          format: "awesome-list",
          role: "listed",
          arxiv: "2402.00002",
          title: word,
        }),
        makePaper({
          source: "list.md#2",
          format: "awesome-list",
          role: "listed",
          arxiv: "2402.00003",
          title: word,
        }),
      ]),
    ]);
    expect(result.entities.map((entity) => entity.label)).toEqual([
      "arXiv:2402.00002",
      "arXiv:2402.00003",
    ]);
    expect(result.entities.every((entity) => entity.title === undefined)).toBe(true);
  });
});

describe("a heading shared by different documents", () => {
  const page = (source: string, abstract: string) =>
    makeDocument(source, [makePaper({ source, title: "Weekly Paper Notes", abstract })]);

  it("does not merge two pages whose texts differ by their common heading", () => {
    const result = resolvePapers([page("day-1.md", DAY_ONE), page("day-2.md", DAY_TWO)]);
    expect(result.entities).toHaveLength(2);
    expect(result.merges).toEqual([]);
    expect(result.refused).toEqual([
      expect.objectContaining({
        reason: "title",
        why: expect.stringContaining("a page heading, not a paper's title"),
      }),
    ]);
  });

  it("still merges two copies of one page under that heading", () => {
    const result = resolvePapers([page("day-1.md", DAY_ONE), page("copy/day-1.md", DAY_ONE)]);
    expect(result.entities).toHaveLength(1);
    expect(result.merges).toEqual([expect.objectContaining({ reason: "title" })]);
  });

  it("still merges a list's entry with a page when only one of them has a text", () => {
    const result = resolvePapers([
      page("day-1.md", DAY_ONE),
      makeDocument("list.md", [
        makePaper({ source: "list.md#1", role: "listed", title: "Weekly Paper Notes" }),
      ]),
    ]);
    expect(result.entities).toHaveLength(1);
  });

  it("lets another title outrank the shared heading on the merged paper", () => {
    const result = resolvePapers([
      makeDocument("day-1.md", [
        makePaper({
          source: "day-1.md",
          title: "Weekly Paper Notes",
          abstract: DAY_ONE,
          arxiv: "2403.00004",
        }),
      ]),
      page("day-2.md", DAY_TWO),
      makeDocument("notes.md", [
        makePaper({ source: "notes.md", title: "Retrieval Notes, Day One", arxiv: "2403.00004" }),
      ]),
    ]);
    const labels = result.entities.map((entity) => entity.label).sort();
    expect(labels).toEqual(["Retrieval Notes, Day One", "Weekly Paper Notes"]);
  });
});
