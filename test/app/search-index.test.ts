// Search: tokens for English, arXiv ids and Chinese, and what queries find on the test graph
// (English and Chinese titles, arXiv ids, authors, topic and benchmark names, typos).
import { describe, expect, it } from "vitest";
import {
  indexGraph,
  isCjkTerm,
  searchNodes,
  tokenizeForIndex,
  tokenizeQuery,
} from "../../src/app/search-index.ts";
import {
  buildTestGraph,
  HOSTILE_KEY,
  MULTIMODAL_SURVEY_KEY,
  SURVEY_KEY,
  TRUST_SURVEY_KEY,
} from "../_graph.ts";

describe("tokenizers", () => {
  const INDEX_CASES: [text: string, tokens: string[]][] = [
    ["Med-PaLM 2", ["med-palm", "med", "palm", "2"]],
    ["arXiv 2311.05112", ["arxiv", "2311.05112", "2311", "05112"]],
    ["医学综述", ["医", "学", "综", "述", "医学", "学综", "综述"]],
    ["GPT-4 模型", ["gpt-4", "gpt", "4", "模", "型", "模型"]],
  ];
  for (const [text, tokens] of INDEX_CASES) {
    it(`indexes ${JSON.stringify(text)}`, () => {
      expect(tokenizeForIndex(text)).toEqual(tokens);
    });
  }

  const QUERY_CASES: [text: string, tokens: string[]][] = [
    ["Med-PaLM", ["med-palm"]],
    ["综", ["综"]],
    ["大型语言", ["大型", "型语", "语言"]],
    ["LLM 综述", ["llm", "综述"]],
  ];
  for (const [text, tokens] of QUERY_CASES) {
    it(`reads the query ${JSON.stringify(text)}`, () => {
      expect(tokenizeQuery(text)).toEqual(tokens);
    });
  }

  it("tells CJK terms apart", () => {
    expect(isCjkTerm("综述")).toBe(true);
    expect(isCjkTerm("survey")).toBe(false);
  });
});

describe("searchNodes", () => {
  const index = indexGraph(buildTestGraph());
  const CASES: [query: string, first: string][] = [
    ["2311.05112", SURVEY_KEY],
    ["2311.051", SURVEY_KEY],
    ["Clifton", SURVEY_KEY],
    ["trustworthiness future", TRUST_SURVEY_KEY],
    ["信任构建", TRUST_SURVEY_KEY],
    ["多模态", MULTIMODAL_SURVEY_KEY],
    ["multimodel large", MULTIMODAL_SURVEY_KEY],
    ["retrieval-augmented", "topic:rag"],
    ["MedQA", "benchmark:medqa"],
    ["dosing", HOSTILE_KEY],
  ];
  for (const [query, first] of CASES) {
    it(`${JSON.stringify(query)} finds ${first} first`, () => {
      expect(searchNodes(index, query)[0]?.key).toBe(first);
    });
  }

  it("every query word must match", () => {
    expect(searchNodes(index, "survey climedbench")).toEqual([]);
  });

  it("answers nothing to a blank query and keeps to the limit", () => {
    expect(searchNodes(index, "   ")).toEqual([]);
    expect(searchNodes(index, "a", 2).length).toBeLessThanOrEqual(2);
  });

  it("suggests the Chinese title as the detail line", () => {
    const [hit] = searchNodes(index, "2406.03712");
    expect(hit?.detail).toBe("医学大型语言模型综览：技术探索、应用实践、信任构建与未来展望");
    expect(hit?.kind).toBe("survey");
  });
});
