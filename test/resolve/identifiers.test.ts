// Joining records by ACL Anthology, PubMed and OpenReview ids, the node keys they give, and the
// record-to-entity map the graph stage reads collections with.
import { describe, expect, it } from "vitest";
import { resolvePapers } from "../../src/resolve/index.ts";
import { makeDocument, makePaper } from "../_records.ts";

describe("joins by the other identifiers", () => {
  const cases: Array<{
    reason: "acl" | "pmid" | "openreview";
    id: string;
    key: string;
  }> = [
    { reason: "acl", id: "2023.fictional-main.7", key: "paper:acl:2023.fictional-main.7" },
    { reason: "pmid", id: "99999901", key: "paper:pmid:99999901" },
    { reason: "openreview", id: "FiCtIoNaL01", key: "paper:openreview:FiCtIoNaL01" },
  ];
  for (const { reason, id, key } of cases) {
    it(`merges two records with the same ${reason} id whatever their titles, keyed ${key}`, () => {
      const result = resolvePapers([
        makeDocument("list.md", [
          makePaper({ source: "list.md#1", role: "listed", title: "Toy Notes", [reason]: id }),
        ]),
        makeDocument("page.txt", [
          makePaper({
            source: "page.txt",
            title: "Toy Notes: A Pretend Corpus of Invented Records",
            [reason]: id,
          }),
        ]),
      ]);
      expect(result.entities).toHaveLength(1);
      expect(result.entities[0]).toMatchObject({ key, [reason]: id });
      expect(result.entities[0]?.sources).toEqual(["list.md#1", "page.txt"]);
      expect(result.merges).toEqual([expect.objectContaining({ reason, detail: id, node: key })]);
    });
  }

  it("keys a paper by its arXiv id, then its DOI, before any other identifier", () => {
    const result = resolvePapers([
      makeDocument("a.txt", [
        makePaper({ source: "a.txt", title: "One", arxiv: "2305.09617", pmid: "99999901" }),
        makePaper({ source: "a.txt#2", title: "Two", doi: "10.5555/two", acl: "2023.x-main.2" }),
        makePaper({ source: "a.txt#3", title: "Three", acl: "2023.x-main.3", pmid: "99999903" }),
        makePaper({ source: "a.txt#4", title: "Four", pmid: "99999904", openreview: "Abcd" }),
      ]),
    ]);
    expect(result.entities.map((entity) => entity.key)).toEqual([
      "paper:arxiv:2305.09617",
      "paper:doi:10.5555/two",
      "paper:acl:2023.x-main.3",
      "paper:pmid:99999904",
    ]);
    expect(result.entities[0]).toMatchObject({ pmid: "99999901" });
    expect(result.entities[3]).toMatchObject({ openreview: "Abcd" });
  });

  it("joins a PubMed record to its arXiv preprint through a record that carries both ids", () => {
    const result = resolvePapers([
      makeDocument("pubmed.txt", [
        makePaper({ source: "pubmed.txt", pmid: "99999901", title: "X" }),
      ]),
      makeDocument("bib.bib", [
        makePaper({ source: "bib.bib#1", pmid: "99999901", arxiv: "2401.00001", title: "X" }),
      ]),
      makeDocument("arxiv.txt", [
        makePaper({ source: "arxiv.txt", arxiv: "2401.00001", title: "Y" }),
      ]),
    ]);
    expect(result.entities).toHaveLength(1);
    expect(result.entities[0]?.key).toBe("paper:arxiv:2401.00001");
    expect(result.merges.map((merge) => merge.reason).sort()).toEqual(["arxiv", "pmid"]);
  });

  it("refuses a title join between papers with different PubMed ids, and says why", () => {
    const result = resolvePapers([
      makeDocument("a.txt", [makePaper({ source: "a.txt", title: "Same Title Here", pmid: "1" })]),
      makeDocument("b.txt", [makePaper({ source: "b.txt", title: "Same Title Here", pmid: "2" })]),
    ]);
    expect(result.entities).toHaveLength(2);
    expect(result.refused).toEqual([
      expect.objectContaining({
        reason: "title",
        why: expect.stringContaining("different PubMed ids"),
      }),
    ]);
  });

  it("refuses a title join between papers with different ACL Anthology ids", () => {
    const result = resolvePapers([
      makeDocument("a.txt", [
        makePaper({ source: "a.txt", title: "Same Title", acl: "2023.a-main.1" }),
      ]),
      makeDocument("b.txt", [
        makePaper({ source: "b.txt", title: "Same Title", acl: "2024.b-main.2" }),
      ]),
    ]);
    expect(result.entities).toHaveLength(2);
    expect(result.refused[0]?.why).toContain("different ACL Anthology ids");
  });

  it("keeps the venue a record names", () => {
    const result = resolvePapers([
      makeDocument("list.md", [
        makePaper({
          source: "list.md#1",
          role: "listed",
          arxiv: "2306.00890",
          venue: "NeurIPS 2023",
        }),
      ]),
    ]);
    expect(result.entities[0]?.venue).toBe("NeurIPS 2023");
  });
});

describe("recordKeys", () => {
  it("gives the entity key of every record, document by document", () => {
    const result = resolvePapers([
      makeDocument("list.md", [
        makePaper({ source: "list.md#1", role: "main", arxiv: "2311.05112", title: "A Survey" }),
        makePaper({ source: "list.md#2", role: "listed", pmid: "99999901", title: "Toy" }),
      ]),
      makeDocument("page.txt", [makePaper({ source: "page.txt", arxiv: "2311.05112" })]),
    ]);
    expect(result.recordKeys).toEqual([
      ["paper:arxiv:2311.05112", "paper:pmid:99999901"],
      ["paper:arxiv:2311.05112"],
    ]);
  });
});
