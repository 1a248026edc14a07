import { describe, expect, it } from "vitest";
import { resolvePapers } from "../../src/resolve/index.ts";
import { makeDocument, makePaper, repo } from "../_records.ts";

const ABSTRACT_A =
  "We study how instruction-tuned language models answer licensing exam questions in internal medicine, " +
  "compare retrieval over textbooks with retrieval over guidelines, and measure how often the answers cite " +
  "the passage they rely on. Retrieval over guidelines helps most on questions about drug dosing.";

describe("resolvePapers", () => {
  it("merges records that share an arXiv id, whatever their titles look like", () => {
    const result = resolvePapers([
      makeDocument("a.txt", [
        makePaper({ source: "a.txt", arxiv: "2311.05112", title: "A Survey of LLMs in Medicine" }),
      ]),
      makeDocument("b.txt", [
        makePaper({ source: "b.txt", arxiv: "2311.05112", titleZh: "医学大模型综述" }),
      ]),
    ]);
    expect(result.entities).toHaveLength(1);
    expect(result.entities[0]?.key).toBe("paper:arxiv:2311.05112");
    expect(result.entities[0]?.titleZh).toBe("医学大模型综述");
    expect(result.entities[0]?.sources).toEqual(["a.txt", "b.txt"]);
    expect(result.merges).toEqual([
      expect.objectContaining({ reason: "arxiv", detail: "2311.05112" }),
    ]);
  });

  it("merges by normalised title across case, punctuation and wrapping", () => {
    const result = resolvePapers([
      makeDocument("a.txt", [
        makePaper({
          source: "a.txt",
          title: "Med-Flamingo: a Multimodal Medical Few-shot Learner",
        }),
      ]),
      makeDocument("b.txt", [
        makePaper({
          source: "b.txt",
          title: "Med-Flamingo:  A multimodal medical few-shot learner",
          arxiv: "2307.15189",
        }),
      ]),
    ]);
    expect(result.entities).toHaveLength(1);
    expect(result.entities[0]?.key).toBe("paper:arxiv:2307.15189");
    expect(result.merges[0]?.reason).toBe("title");
  });

  it("refuses to merge two papers with the same title but different arXiv ids, and says why", () => {
    const result = resolvePapers([
      makeDocument("a.txt", [
        makePaper({ source: "a.txt", title: "Medical Agents", arxiv: "2401.00001" }),
      ]),
      makeDocument("b.txt", [
        makePaper({ source: "b.txt", title: "Medical Agents", arxiv: "2402.00002" }),
      ]),
    ]);
    expect(result.entities).toHaveLength(2);
    expect(result.refused).toEqual([
      expect.objectContaining({
        reason: "title",
        why: expect.stringContaining("different arXiv ids"),
      }),
    ]);
  });

  it("joins an untitled page to a paper through the repository both link to", () => {
    const result = resolvePapers([
      makeDocument("page.txt", [
        makePaper(
          { source: "page.txt", abstract: "An overview." },
          { repos: [repo("lab/guide", "page.txt")] },
        ),
      ]),
      makeDocument("digest.txt", [
        makePaper(
          { source: "digest.txt", arxiv: "2311.05112", title: "A Survey" },
          { repos: [repo("lab/guide", "digest.txt")] },
        ),
      ]),
    ]);
    expect(result.entities).toHaveLength(1);
    expect(result.merges[0]).toMatchObject({
      reason: "repo",
      detail: "github.com/lab/guide",
      node: "paper:arxiv:2311.05112",
    });
  });

  it("does not join two different papers that link to the same shared repository", () => {
    const shared = repo("huggingface/transformers", "x");
    const result = resolvePapers([
      makeDocument("a.txt", [
        makePaper({ source: "a.txt", arxiv: "2401.00001", title: "One" }, { repos: [shared] }),
      ]),
      makeDocument("b.txt", [
        makePaper({ source: "b.txt", arxiv: "2402.00002", title: "Two" }, { repos: [shared] }),
      ]),
      makeDocument("c.txt", [
        makePaper({ source: "c.txt", abstract: "Untitled." }, { repos: [shared] }),
      ]),
    ]);
    expect(result.entities).toHaveLength(3);
    expect(result.merges).toEqual([]);
  });

  it("joins a listing's two-sentence summary to the untitled page that carries the full abstract", () => {
    const summary = ABSTRACT_A.split(", compare")[0] ?? "";
    const result = resolvePapers([
      makeDocument("page.txt", [makePaper({ source: "page.txt", abstract: ABSTRACT_A })]),
      makeDocument("digest.txt", [
        makePaper({ source: "digest.txt", arxiv: "2401.00001", title: "Main paper" }),
        makePaper({
          source: "digest.txt",
          role: "related",
          title: "Exam questions and retrieval",
          summary,
        }),
      ]),
    ]);
    expect(result.entities).toHaveLength(2);
    const merged = result.entities.find((e) => e.sources.includes("page.txt"));
    expect(merged?.title).toBe("Exam questions and retrieval");
    expect(merged?.abstract).toBe(ABSTRACT_A);
    expect(result.merges[0]?.reason).toBe("text-overlap");
  });

  it("does not join texts that only share a common opening", () => {
    const opening = "Large language models have shown remarkable capabilities in many tasks. ";
    const result = resolvePapers([
      makeDocument("a.txt", [
        makePaper({
          source: "a.txt",
          abstract: `${opening}We build a radiology report generator from chest X-rays and grade it with radiologists.`,
        }),
      ]),
      makeDocument("b.txt", [
        makePaper({
          source: "b.txt",
          abstract: `${opening}We evaluate dosing advice from chat assistants against pharmacist answers on oncology drugs.`,
        }),
      ]),
    ]);
    expect(result.entities).toHaveLength(2);
  });

  it("turns a document's related links into relations between entities, with evidence", () => {
    const result = resolvePapers([
      makeDocument(
        "digest.txt",
        [
          makePaper({ source: "digest.txt", arxiv: "2311.05112", title: "Main" }),
          makePaper({ source: "digest.txt", role: "related", title: "Other paper" }),
        ],
        [
          {
            kind: "related",
            from: 0,
            to: 1,
            source: "digest.txt",
            snippet: "Other paper [12.5]",
            score: 12.5,
          },
        ],
      ),
    ]);
    expect(result.relations).toEqual([
      {
        kind: "related",
        a: "paper:arxiv:2311.05112",
        b: "paper:title:other-paper",
        evidence: [{ source: "digest.txt", snippet: "Other paper [12.5]" }],
        score: 12.5,
      },
    ]);
  });

  it("is idempotent: the same document twice does not duplicate entities", () => {
    const doc = makeDocument("a.txt", [
      makePaper({ source: "a.txt", arxiv: "2405.08603", title: "T" }),
    ]);
    const once = resolvePapers([doc]);
    const twice = resolvePapers([doc, { ...doc, id: "a-copy.txt" }]);
    expect(twice.entities.map((e) => e.key)).toEqual(once.entities.map((e) => e.key));
  });

  it("takes the year from the arXiv id rather than a later revision date", () => {
    const result = resolvePapers([
      makeDocument("a.txt", [
        makePaper({
          source: "a.txt",
          arxiv: "2311.05112",
          title: "T",
          date: "2024-07-22T12:16:30Z",
          year: 2024,
        }),
      ]),
    ]);
    expect(result.entities[0]).toMatchObject({ year: 2023, date: "2024-07-22T12:16:30Z" });
  });

  it("marks an entity a survey when any of its records is one", () => {
    const result = resolvePapers([
      makeDocument("a.txt", [makePaper({ source: "a.txt", arxiv: "2401.00001", title: "T" })]),
      makeDocument("b.txt", [
        makePaper(
          { source: "b.txt", arxiv: "2401.00001" },
          { survey: { isSurvey: true, evidence: { source: "b.txt", snippet: "this survey" } } },
        ),
      ]),
    ]);
    expect(result.entities[0]?.kind).toBe("survey");
  });
});
