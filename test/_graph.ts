// A small graph built by hand that keeps the graph contract (src/graph/types.ts), for tests of the
// stages that read a built graph (export, related, the explorer's reducers).
import Graph from "graphology";
import type {
  EdgeAttributes,
  GraphAttributes,
  LitGraph,
  NodeAttributes,
} from "../src/graph/types.ts";

/** The medicine LLM survey with many authors (arXiv 2311.05112). */
export const SURVEY_KEY = "paper:arxiv:2311.05112";
/** A survey with a Chinese title (arXiv 2405.08603). */
export const MULTIMODAL_SURVEY_KEY = "paper:arxiv:2405.08603";
export const TRUST_SURVEY_KEY = "paper:arxiv:2406.03712";
export const CLIMEDBENCH_PAPER_KEY =
  "paper:title:climedbench-a-large-scale-chinese-benchmark-for-evaluating-medical-large-language-models-in-clinical-scenarios";
/** A made-up paper whose text is hostile to every output format. */
export const HOSTILE_KEY = "paper:title:dosing-notes";

/** Markup, an ampersand, both quote kinds, and two characters XML 1.0 forbids (NUL, backspace). */
export const HOSTILE_LABEL =
  "Dosing notes <img src=x onerror=alert(1)> & \"double\" 'single' quotes\u0000\u0008";

export const SURVEY_AUTHORS = [
  "Hongjian Zhou",
  "Fenglin Liu",
  "Boyang Gu",
  "Xinyu Zou",
  "Jinfa Huang",
  "Jinge Wu",
  "Yiru Li",
  "Sam S. Chen",
  "Peilin Zhou",
  "Junling Liu",
  "Yining Hua",
  "Chengfeng Mao",
  "Chenyu You",
  "Xian Wu",
  "Yefeng Zheng",
  "Lei Clifton",
  "Zheng Li",
  "Jiebo Luo",
  "David A. Clifton",
];

const NODES: [key: string, attributes: NodeAttributes][] = [
  [
    SURVEY_KEY,
    {
      kind: "survey",
      label: "A Survey of Large Language Models in Medicine: Progress, Application, and Challenge",
      arxiv: "2311.05112",
      title: "A Survey of Large Language Models in Medicine: Progress, Application, and Challenge",
      year: 2023,
      authors: SURVEY_AUTHORS,
      urls: [
        "https://arxiv.org/abs/2311.05112",
        "https://github.com/AI-in-Health/MedLLMsPracticalGuide",
      ],
      community: 0,
      x: 12.5,
      y: -3.25,
      size: 14,
      color: "#1f77b4",
      sources: ["004_40aedddfa3fa7395.txt", "002_176b547fe41fd847.txt"],
    },
  ],
  [
    MULTIMODAL_SURVEY_KEY,
    {
      kind: "survey",
      label:
        "A Comprehensive Survey of Large Language Models and Multimodal Large Language Models in Medicine",
      arxiv: "2405.08603",
      title:
        "A Comprehensive Survey of Large Language Models and Multimodal Large Language Models in Medicine",
      titleZh: "医学领域大型语言模型与多模态模型的全面综述",
      year: 2024,
      date: "2024-05-14",
      urls: ["https://arxiv.org/abs/2405.08603"],
      community: 1,
      x: -40,
      y: 18.75,
      size: 9.5,
      color: "#ff7f0e",
      sources: ["000_91f9a88de989621d.txt"],
    },
  ],
  [
    TRUST_SURVEY_KEY,
    {
      kind: "survey",
      label:
        "A Survey on Medical Large Language Models: Technology, Application, Trustworthiness, and Future Directions",
      arxiv: "2406.03712",
      title:
        "A Survey on Medical Large Language Models: Technology, Application, Trustworthiness, and Future Directions",
      titleZh: "医学大型语言模型综览：技术探索、应用实践、信任构建与未来展望",
      year: 2024,
      date: "2024-06-05",
      urls: ["https://arxiv.org/abs/2406.03712"],
      community: 0,
      x: 30,
      y: 5,
      size: 8,
      color: "#1f77b4",
      sources: ["001_4303a40c2d36304e.txt"],
    },
  ],
  [
    CLIMEDBENCH_PAPER_KEY,
    {
      kind: "paper",
      label:
        "CliMedBench: A Large-Scale Chinese Benchmark for Evaluating Medical Large Language Models in Clinical Scenarios",
      title:
        "CliMedBench: A Large-Scale Chinese Benchmark for Evaluating Medical Large Language Models in Clinical Scenarios",
      year: 2024,
      date: "2024-10-04",
      community: 1,
      x: -12,
      y: -30.5,
      size: 6,
      color: "#ff7f0e",
      sources: ["004_40aedddfa3fa7395.txt#3"],
    },
  ],
  [
    HOSTILE_KEY,
    {
      kind: "paper",
      label: HOSTILE_LABEL,
      title: HOSTILE_LABEL,
      abstract: 'First line, with a comma;\nsecond line with "quotes".',
      authors: ["=SUM(1,2)", 'O\'Brien, "Pat"'],
      urls: ["https://example.org/a?b=1&c=2"],
      community: 2,
      x: -0.5,
      y: 0,
      size: 3,
      color: "#e4a",
      sources: ["notes/hostile.md"],
    },
  ],
  [
    "topic:rag",
    {
      kind: "topic",
      label: "Retrieval-augmented generation",
      community: 0,
      x: 22,
      y: 14,
      size: 5,
      color: "#1f77b4",
      sources: ["001_4303a40c2d36304e.txt", "notes/hostile.md"],
    },
  ],
  [
    "topic:multimodal",
    {
      kind: "topic",
      label: "Multimodal",
      community: 1,
      x: -35,
      y: 2,
      size: 4,
      color: "#ff7f0e",
      sources: ["000_91f9a88de989621d.txt"],
    },
  ],
  [
    "benchmark:medqa",
    {
      kind: "benchmark",
      label: "MedQA",
      modality: "text",
      task: "question answering",
      community: 0,
      x: 8,
      y: -20,
      size: 4.5,
      color: "#1f77b4",
      sources: ["004_40aedddfa3fa7395.txt"],
    },
  ],
  [
    "benchmark:climedbench",
    {
      kind: "benchmark",
      label: "CliMedBench",
      language: "Chinese",
      modality: "text",
      community: 1,
      x: -20,
      y: -40,
      size: 4,
      color: "#ff7f0e",
      sources: ["004_40aedddfa3fa7395.txt#3"],
    },
  ],
];

const EDGES: [source: string, target: string, attributes: EdgeAttributes][] = [
  [
    SURVEY_KEY,
    CLIMEDBENCH_PAPER_KEY,
    {
      kind: "related",
      weight: 1,
      score: 50.032101237019205,
      evidence: [{ source: "004_40aedddfa3fa7395.txt", snippet: "related entry 2, score 50.03" }],
    },
  ],
  [
    SURVEY_KEY,
    CLIMEDBENCH_PAPER_KEY,
    {
      kind: "lists",
      weight: 1,
      evidence: [{ source: "004_40aedddfa3fa7395.txt", snippet: "second entry of the list" }],
    },
  ],
  [
    MULTIMODAL_SURVEY_KEY,
    "topic:multimodal",
    {
      kind: "covers",
      weight: 2,
      evidence: [
        { source: "000_91f9a88de989621d.txt", snippet: "the title names multimodal models" },
        { source: "000_91f9a88de989621d.txt", snippet: "the abstract says\n  MLLMs" },
      ],
    },
  ],
  [
    TRUST_SURVEY_KEY,
    "topic:rag",
    {
      kind: "covers",
      weight: 1,
      evidence: [
        { source: "001_4303a40c2d36304e.txt", snippet: "lists retrieval-augmented generation" },
      ],
    },
  ],
  [
    HOSTILE_KEY,
    "topic:rag",
    {
      kind: "covers",
      weight: 1,
      evidence: [
        {
          source: "notes/hostile.md",
          snippet: 'uses <script>alert("x")</script> & RAG,\nover two lines',
        },
      ],
    },
  ],
  [
    SURVEY_KEY,
    "benchmark:medqa",
    {
      kind: "evaluates",
      weight: 1,
      evidence: [{ source: "004_40aedddfa3fa7395.txt", snippet: "compares models on MedQA" }],
    },
  ],
  [
    CLIMEDBENCH_PAPER_KEY,
    "benchmark:climedbench",
    {
      kind: "introduces",
      weight: 1,
      evidence: [
        { source: "004_40aedddfa3fa7395.txt", snippet: "presents the CliMedBench benchmark" },
      ],
    },
  ],
];

const GRAPH_ATTRIBUTES: GraphAttributes = {
  version: "1",
  modularity: 0.3125,
  communities: {
    "0": {
      label: "Medical LLM surveys",
      size: 4,
      color: "#1f77b4",
      terms: ["rag", "medqa"],
    },
    "1": {
      label: "Multimodal and Chinese benchmarks",
      size: 4,
      color: "#ff7f0e",
      terms: ["multimodal", "climedbench"],
    },
    "2": { label: "Dosing notes", size: 1, color: "#e4a", terms: [] },
  },
  builtFrom: { "zh-digest": 2, zhuanzhi: 2, "arxiv-digest": 1 },
};

/** The edge key the build gives an edge: `kind:source|target`. */
export function formatEdgeKey(kind: string, source: string, target: string): string {
  return `${kind}:${source}|${target}`;
}

/**
 * Build the test graph: 9 nodes (3 surveys, 2 papers, 2 topics, 2 benchmarks) in 3 communities,
 * 7 edges of 5 kinds, with a `related` and a `lists` edge between the same pair. Each call returns
 * a new graph with nodes and edges in the same order.
 */
export function buildTestGraph(): LitGraph {
  const graph: LitGraph = new Graph<NodeAttributes, EdgeAttributes, GraphAttributes>({
    type: "undirected",
    multi: true,
  });
  graph.replaceAttributes(structuredClone(GRAPH_ATTRIBUTES));
  for (const [key, attributes] of NODES) graph.addNode(key, structuredClone(attributes));
  for (const [source, target, attributes] of EDGES) {
    graph.addEdgeWithKey(
      formatEdgeKey(attributes.kind, source, target),
      source,
      target,
      structuredClone(attributes),
    );
  }
  return graph;
}
