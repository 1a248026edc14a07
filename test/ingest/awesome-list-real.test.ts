// Real awesome-list READMEs (../shared/real/awesome), read in place: facts checked by reading the
// files — how many papers a heading lists, what one item says about its paper.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ingestFile } from "../../src/ingest/index.ts";
import { isLinkWords } from "../../src/ingest/link-words.ts";
import type { PaperRecord } from "../../src/ingest/types.ts";

const REAL_DIR = path.resolve(import.meta.dirname, "../../../shared/real/awesome");

function ingestReal(name: string): { format: string; records: PaperRecord[] } {
  const outcome = ingestFile({
    id: name,
    bytes: new Uint8Array(readFileSync(path.join(REAL_DIR, name))),
  });
  if (outcome.state !== "parsed") throw new Error(`${name} was skipped: ${outcome.reason}`);
  return { format: outcome.format, records: outcome.parsed.records };
}

const under = (records: PaperRecord[], section: string): PaperRecord[] =>
  records.filter((record) => record.section?.join(" › ") === section);

describe("rag-survey.md: unbulleted [Title](url) lines under headings and topic bullets", () => {
  const { format, records } = ingestReal("rag-survey.md");

  it("is read as an awesome list", () => {
    expect(format).toBe("awesome-list");
  });

  it("lists the papers of a topic under its heading path", () => {
    // 5 lines under `## Benchmark`, 30 under `- Latent Representation-based RAG`, 15 under
    // `- Question Answering` of `### RAG for Text`.
    expect(under(records, "Catalogue › Benchmark").map((record) => record.title)).toEqual([
      "Benchmarking Large Language Models in Retrieval-Augmented Generation",
      "CRUD-RAG: A Comprehensive Chinese Benchmark for Retrieval-Augmented Generation of Large Language Models",
      "ARES: An Automated Evaluation Framework for Retrieval-AugmentedGeneration Systems",
      "RAGAS: Automated Evaluation of Retrieval Augmented Generation",
      "KILT: a Benchmark for Knowledge Intensive Language Tasks",
    ]);
    expect(
      under(
        records,
        "Catalogue › Methods Taxonomy › RAG Foundations › Latent Representation-based RAG",
      ),
    ).toHaveLength(30);
    expect(
      under(records, "Catalogue › Applications Taxonomy › RAG for Text › Question Answering"),
    ).toHaveLength(15);
  });

  it("keeps ACL Anthology and OpenReview ids", () => {
    const syntaxAware = records.find(
      (record) => record.title === "Syntax-Aware Retrieval Augmented Code Generation",
    );
    expect(syntaxAware?.acl).toBe("2023.findings-emnlp.90");
    const memorizing = records.find((record) => record.title === "Memorizing transformers");
    expect(memorizing?.openreview).toBe("TrjbxzRcnf-");
    // 14 lines link to openreview.net.
    expect(records.filter((record) => record.openreview)).toHaveLength(14);
  });

  it("has no record with a page of text as its abstract", () => {
    expect(records.filter((record) => record.abstract)).toEqual([]);
  });
});

describe("medical-llm-in-top-journals.md: items as `authors · journal · date`", () => {
  const { records } = ingestReal("medical-llm-in-top-journals.md");

  it("reads an item's authors, journal and date", () => {
    const bridge = records.find((record) => record.doi === "10.1038/s41551-026-01719-2");
    expect(bridge).toMatchObject({
      title:
        "BRIDGE: benchmarking large language models for understanding real-world clinical practice texts",
      authors: ["Wu J"],
      venue: "Nature Biomedical Engineering",
      date: "2026-06-17",
      year: 2026,
    });
  });

  it("reads a journal and date when the author part is empty", () => {
    const chatbots = records.find((record) => record.doi === "10.1038/s41591-026-04457-9");
    expect(chatbots).toMatchObject({ authors: [], venue: "Nature Medicine", date: "2026-06-17" });
  });

  it("dates every item", () => {
    expect(records.filter((record) => !record.date)).toEqual([]);
  });
});

describe("awesome-multimodal-llm.md and llm-agent-paper-list.md: link texts are not titles", () => {
  const multimodal = ingestReal("awesome-multimodal-llm.md").records;
  const agents = ingestReal("llm-agent-paper-list.md").records;

  it("titles MME after its real title wherever it is listed, never `Eval Tool`", () => {
    const mme = multimodal.filter((record) => record.arxiv === "2306.13394");
    expect(mme.length).toBeGreaterThanOrEqual(3);
    for (const record of mme) {
      expect(record.title).toBe(
        "MME: A Comprehensive Evaluation Benchmark for Multimodal Large Language Models",
      );
    }
  });

  it("titles OSWorld and AgentGym after their bold titles, not `data viewer` or `codes and platform`", () => {
    expect(
      new Set(agents.filter((record) => record.arxiv === "2404.07972").map((r) => r.title)),
    ).toEqual(
      new Set([
        "OSWorld: Benchmarking Multimodal Agents for Open-Ended Tasks in Real Computer Environments",
      ]),
    );
    expect(
      new Set(agents.filter((record) => record.arxiv === "2406.04151").map((r) => r.title)),
    ).toEqual(
      new Set(["AgentGym: Evolving Large Language Model-based Agents across Diverse Environments"]),
    );
  });

  it("reads the first author named before `et al.` in an item's italic byline", () => {
    // Line 296: `*Zhiheng Xi (Fudan University) et al. arXiv.*`.
    expect(agents.find((record) => record.line === 296)).toMatchObject({
      arxiv: "2406.04151",
      authors: ["Zhiheng Xi"],
    });
  });

  it("titles a dataset table's row after its Paper column", () => {
    const shareGpt4Video = multimodal.find((record) => record.arxiv === "2406.04325");
    expect(shareGpt4Video).toMatchObject({
      title: "ShareGPT4Video: Improving Video Understanding and Generation with Better Captions",
      section: ["Awesome Datasets", "Datasets of Pre-Training for Alignment"],
    });
  });

  it("gives no record of any of the four lists a title made of link words", () => {
    const all = [
      ...multimodal,
      ...agents,
      ...ingestReal("rag-survey.md").records,
      ...ingestReal("medical-llm-in-top-journals.md").records,
    ];
    expect(all.filter((record) => record.title && isLinkWords(record.title))).toEqual([]);
  });
});
