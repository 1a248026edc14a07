// Topic mentions over the shipped taxonomy: English and Chinese aliases, acronyms matched as words,
// exclusions, negated category reasons, and one mention per topic with the words that made it.
import { describe, expect, it } from "vitest";
import { findTopics } from "../../src/extract/topics.ts";
import type { PaperRecord } from "../../src/ingest/types.ts";
import { loadContext, record } from "./_seed-records.ts";

const { taxonomy } = loadContext();

function topicsOf(fields: Partial<PaperRecord>): string[] {
  return findTopics(record(fields), taxonomy).map((mention) => mention.topic);
}

interface Row {
  name: string;
  fields: Partial<PaperRecord>;
  present: string[];
  absent?: string[];
}

const ENGLISH_ROWS: Row[] = [
  {
    name: "retrieval-augmented generation",
    fields: {
      abstract:
        "We pair a retriever with a generator, i.e. retrieval-augmented generation, for drug questions.",
    },
    present: ["rag"],
  },
  {
    name: "RAG as an acronym",
    fields: { title: "A RAG Pipeline for Discharge Letters" },
    present: ["rag"],
  },
  {
    name: "RAG with a plural and a hyphen",
    fields: { abstract: "RAGs and RAG-based assistants differ in latency." },
    present: ["rag"],
  },
  {
    name: "drag and ragged are not RAG",
    fields: { abstract: "Users drag images into a ragged table; rag dolls are out of scope." },
    present: [],
    absent: ["rag"],
  },
  {
    name: "lower-case rag is not the acronym",
    fields: { abstract: "A rag was left in the ward." },
    present: [],
    absent: ["rag"],
  },
  {
    name: "agents, plural",
    fields: { abstract: "Autonomous agents triage patients in a simulated clinic." },
    present: ["agents"],
  },
  {
    name: "multi-agent",
    fields: { title: "Multi-Agent Debate for Differential Diagnosis" },
    present: ["agents"],
  },
  {
    name: "contrast agents are drugs, not agents",
    fields: { abstract: "Patients received contrast agents before the CT scan." },
    present: ["radiology"],
    absent: ["agents"],
  },
  {
    name: "multi-modal, MLLM, vision-language",
    fields: { abstract: "MLLMs and vision-language models read images; multi-modal input helps." },
    present: ["multimodal"],
  },
  {
    name: "radiology report generation gives both topics",
    fields: { title: "Radiology Report Generation with Language Models" },
    present: ["radiology", "report-generation"],
  },
  {
    name: "pathology and whole-slide images",
    fields: { abstract: "Whole slide images are large; histopathology needs tiling." },
    present: ["pathology"],
  },
  {
    name: "medical imaging",
    fields: { abstract: "Medical images come in many modalities." },
    present: ["medical-imaging"],
  },
  {
    name: "knowledge graph",
    fields: { abstract: "A knowledge graph of drugs grounds the answers." },
    present: ["knowledge-graphs"],
  },
  {
    name: "alignment through RLHF and DPO",
    fields: { abstract: "We compare RLHF with DPO for preference optimization." },
    present: ["alignment"],
  },
  {
    name: "sequence alignment is not human alignment",
    fields: { abstract: "Protein sequence alignment remains slow." },
    present: [],
    absent: ["alignment"],
  },
  {
    name: "SFT is instruction tuning",
    fields: { abstract: "The model is trained with SFT on dialogues." },
    present: ["instruction-tuning"],
  },
  {
    name: "a methodology plural (ies)",
    fields: { abstract: "We compare evaluation methodologies across studies." },
    present: ["evaluation"],
  },
  {
    name: "benchmarking",
    fields: { title: "Benchmarking shows a wide gap between models" },
    present: ["benchmarks"],
  },
  {
    name: "a benchmark LLM is a model, not a benchmark",
    fields: { abstract: "Our model is offered as a benchmark LLM for the field." },
    present: [],
    absent: ["benchmarks"],
  },
  {
    name: "hallucination",
    fields: { abstract: "Models hallucinate drug doses." },
    present: ["hallucination"],
  },
  {
    name: "fairness, privacy, robustness",
    fields: { abstract: "We weigh fairness, privacy and robustness." },
    present: ["fairness", "privacy", "robustness"],
  },
  { name: "safety", fields: { abstract: "Patient safety comes first." }, present: ["safety"] },
  {
    name: "clinical decision support",
    fields: { abstract: "A tool for clinical decision support in the ICU." },
    present: ["clinical-decision-support"],
  },
  {
    name: "clinical reasoning",
    fields: { abstract: "Chain-of-thought prompting improves clinical reasoning." },
    present: ["clinical-reasoning"],
  },
  {
    name: "EHR acronym and electronic health records",
    fields: { abstract: "We mine EHRs; electronic health records are noisy." },
    present: ["ehr"],
  },
  {
    name: "knowledge distillation",
    fields: { title: "Distilling a Large Model into a Small Triage Classifier" },
    present: ["knowledge-distillation"],
  },
  {
    name: "medication recommendation",
    fields: { title: "Medication Recommendation from Visit Histories" },
    present: ["medication-recommendation"],
  },
  {
    name: "Chinese medical",
    fields: { title: "A Chinese Medical Dialogue Model" },
    present: ["chinese-medical"],
  },
  {
    name: "question answering",
    fields: { abstract: "We study open-domain question answering over guidelines." },
    present: ["question-answering"],
  },
  {
    name: "medical education",
    fields: { abstract: "Medical students practised with the tutor." },
    present: ["medical-education"],
  },
  { name: "a review is not a topic", fields: { title: "A Review" }, present: [] },
];

const CHINESE_ROWS: Row[] = [
  { name: "检索增强", fields: { abstractZh: "我们提出一种检索增强生成方法。" }, present: ["rag"] },
  { name: "智能体", fields: { titleZh: "面向门诊分诊的多智能体协作" }, present: ["agents"] },
  {
    name: "Agent inside Chinese text",
    fields: { abstractZh: "本文设计了一个医疗Agent系统。" },
    present: ["agents"],
  },
  {
    name: "多模态",
    fields: { abstractZh: "多模态大模型可以同时理解影像与文本。" },
    present: ["multimodal"],
  },
  {
    name: "对齐, but not 跨模态对齐",
    fields: { abstractZh: "通过跨模态对齐融合图像特征。" },
    present: ["multimodal"],
    absent: ["alignment"],
  },
  {
    name: "临床决策支持, 报告生成, 医学教育",
    fields: { abstractZh: "应用包括临床决策支持、报告生成与医学教育。" },
    present: ["clinical-decision-support", "report-generation", "medical-education"],
  },
  {
    name: "公平性, 隐私, 鲁棒性",
    fields: { abstractZh: "挑战包括公平性、隐私与鲁棒性。" },
    present: ["fairness", "privacy", "robustness"],
  },
  {
    name: "指令微调 and 微调",
    fields: { abstractZh: "模型经过指令微调。" },
    present: ["instruction-tuning", "fine-tuning"],
  },
  { name: "电子病历", fields: { abstractZh: "我们使用电子病历训练模型。" }, present: ["ehr"] },
  { name: "幻觉", fields: { abstractZh: "模型仍会产生幻觉。" }, present: ["hallucination"] },
  { name: "中文医疗", fields: { titleZh: "中文医疗对话大模型" }, present: ["chinese-medical"] },
  { name: "a tag", fields: { tags: ["临床决策支持"] }, present: ["clinical-decision-support"] },
];

const PRESENTATION_ROWS: Row[] = [
  {
    name: "one passing mention in a long abstract is no topic",
    fields: {
      abstract: `We start from a pre-trained encoder. ${"Our method routes each clinical question to the right specialist and we report how often the routing agrees with senior physicians across many departments. ".repeat(4)}`,
    },
    present: [],
    absent: ["pretraining"],
  },
  {
    name: "two mentions in the abstract are a topic",
    fields: {
      abstract: `We study continued pretraining of small models. ${"The corpus mixes textbooks and notes from many hospitals and departments, cleaned and deduplicated. ".repeat(4)}Pretraining on it helps.`,
    },
    present: ["pretraining"],
  },
  {
    name: "one mention in the title is a topic",
    fields: { title: "Pretraining on clinical notes", abstract: "x ".repeat(300) },
    present: ["pretraining"],
  },
  {
    name: "one mention in a one-line note is a topic",
    fields: { abstract: "Pre-training a retriever for radiology reports." },
    present: ["pretraining"],
  },
];

const NEGATION_ROWS: Row[] = [
  {
    name: "a reason that says the paper is not about Agent or RAG",
    fields: {
      categories: [
        { label: "LLM应用", reason: "本文讨论医学教育中的应用，而不是Agent或RAG方向的研究。" },
      ],
    },
    present: ["medical-education"],
    absent: ["agents", "rag"],
  },
  {
    name: "rather than agents",
    fields: {
      categories: [
        { label: "LLM theory", reason: "It analyses training data rather than agents or RAG." },
      ],
    },
    present: [],
    absent: ["agents", "rag"],
  },
  {
    name: "not about multimodal models",
    fields: {
      categories: [
        {
          label: "LLM应用",
          reason: "The paper is about radiology report generation, not multimodal models.",
        },
      ],
    },
    present: ["report-generation"],
    absent: ["multimodal"],
  },
  {
    name: "not A but B: B counts",
    fields: { categories: [{ label: "LLM应用", reason: "重点不是微调，而是检索增强。" }] },
    present: ["rag"],
    absent: ["fine-tuning"],
  },
  {
    name: "unrelated after the mention (无关)",
    fields: { categories: [{ label: "LLM应用", reason: "该工作与知识图谱无关。" }] },
    present: [],
    absent: ["knowledge-graphs"],
  },
  {
    name: "a positive reason counts",
    fields: {
      categories: [{ label: "Agent", reason: "这篇论文设计了一个多智能体系统，因此归类为Agent。" }],
    },
    present: ["agents"],
  },
  {
    name: "a category label counts",
    fields: { categories: [{ label: "RAG" }] },
    present: ["rag"],
  },
];

describe("findTopics", () => {
  for (const [group, rows] of [
    ["English", ENGLISH_ROWS],
    ["Chinese", CHINESE_ROWS],
    ["negation", NEGATION_ROWS],
    ["presentation", PRESENTATION_ROWS],
  ] as const) {
    describe(group, () => {
      for (const row of rows) {
        it(row.name, () => {
          const topics = topicsOf(row.fields);
          for (const topic of row.present) expect(topics).toContain(topic);
          for (const topic of row.absent ?? []) expect(topics).not.toContain(topic);
          if (row.present.length === 0 && !row.absent) expect(topics).toEqual([]);
        });
      }
    });
  }

  it("gives one mention per topic, with the first field's words as evidence", () => {
    const mentions = findTopics(
      record({
        source: "a.md#2",
        title: "Retrieval-Augmented Generation for Drug Questions",
        abstract: "RAG helps. Another RAG variant helps more.",
      }),
      taxonomy,
    );
    expect(mentions.filter((mention) => mention.topic === "rag")).toEqual([
      {
        topic: "rag",
        evidence: {
          source: "a.md#2",
          snippet: "Retrieval-Augmented Generation for Drug Questions",
        },
      },
    ]);
  });

  it("quotes the sentence around the match in an abstract", () => {
    const mentions = findTopics(
      record({
        abstract: "Models grow. We add a knowledge graph of drug interactions. Results improve.",
      }),
      taxonomy,
    );
    expect(mentions).toEqual([
      {
        topic: "knowledge-graphs",
        evidence: { source: "test.txt", snippet: "We add a knowledge graph of drug interactions." },
      },
    ]);
  });

  it("keeps a denied mention in the paper's own text only when nothing better names the topic", () => {
    const mentions = findTopics(
      record({
        abstract:
          "Unlike RAG pipelines, our model answers from memory. A later RAG baseline is compared.",
      }),
      taxonomy,
    );
    expect(mentions.find((mention) => mention.topic === "rag")?.evidence.snippet).toBe(
      "A later RAG baseline is compared.",
    );
  });

  it("does not add a parent topic for a child", () => {
    const topics = topicsOf({ abstract: "Histopathology slides are large." });
    expect(topics).toEqual(["pathology"]);
  });

  it("finds nothing in an empty record", () => {
    expect(topicsOf({})).toEqual([]);
  });
});

describe("findTopics on keywords and list sections", () => {
  it("reads author keywords", () => {
    const paper = record({ title: "A model", keywords: ["Retrieval-Augmented Generation"] });
    expect(findTopics(paper, taxonomy).map((m) => [m.topic, m.evidence.snippet])).toEqual([
      ["rag", "Retrieval-Augmented Generation"],
    ]);
  });
  it("reads the section path a list files the paper under", () => {
    const paper = record({ title: "A model", section: ["Imaging", "Radiology"] });
    expect(findTopics(paper, taxonomy).map((m) => [m.topic, m.evidence.snippet])).toContainEqual([
      "radiology",
      "Imaging › Radiology",
    ]);
  });
});

describe("domain topics need evidence of their field in the paper's own text", () => {
  it("gives no medical topic to a paper on chain-of-thought in general", () => {
    const topics = topicsOf({
      title: "Chain-of-Thought Prompting Elicits Reasoning",
      abstract: "We show that chain-of-thought prompting improves complex reasoning on arithmetic.",
    });
    expect(topics).not.toContain("clinical-reasoning");
  });
  it("gives chain-of-thought for patients' cases the generic topic: a generic word is no domain topic", () => {
    const topics = topicsOf({
      title: "Chain-of-thought for diagnosis",
      abstract: "We apply chain-of-thought prompting to patient case reports.",
    });
    expect(topics).toContain("chain-of-thought");
    expect(topics).not.toContain("clinical-reasoning");
  });
  it("gives clinical reasoning to a paper that says clinical reasoning, and not its generic parent", () => {
    const topics = topicsOf({
      title: "Diagnostic reasoning with language models",
      abstract: "We test clinical reasoning on patient vignettes.",
    });
    expect(topics).toContain("clinical-reasoning");
    expect(topics).not.toContain("reasoning");
  });
  it.each([
    ["dialogue", "A conversational assistant for travel booking", "dialogue", "medical-dialogue"],
    ["retrieval", "Dense retrieval of legal passages", "retrieval", "rag"],
    [
      "question answering",
      "Open-domain question answering over Wikipedia",
      "question-answering",
      "medical-qa",
    ],
    ["code generation", "Code generation with unit-test feedback", "code-generation", "tool-use"],
    ["summarisation", "Abstractive summarization of news", "summarization", "report-generation"],
    ["reasoning", "Mathematical reasoning in small models", "reasoning", "clinical-reasoning"],
  ])("gives the generic %s topic to a paper outside medicine", (_name, title, present, absent) => {
    const topics = topicsOf({ title });
    expect(topics).toContain(present);
    expect(topics).not.toContain(absent);
  });
  it("gives medical QA to questions of a medical licensing exam", () => {
    const topics = topicsOf({
      abstract: "We answer medical licensing exam questions from the USMLE.",
    });
    expect(topics).toContain("medical-qa");
  });
  it("does not read an X-ray astronomy paper as radiology", () => {
    const topics = topicsOf({
      title: "X光 observations of a stellar flare",
      abstract: "We observe a star.",
    });
    expect(topics).not.toContain("radiology");
  });
  it("does not take the word Chinese or BERT as a medical topic", () => {
    const topics = topicsOf({
      title: "A Chinese BERT for hate speech",
      abstract: "We detect hate speech.",
    });
    expect(topics).not.toContain("chinese-medical");
    expect(topics).not.toContain("biomedical-nlp");
  });
});

describe("how the record presents a topic", () => {
  it("counts a mention and its translation once", () => {
    // One passing mention in the English abstract, the same in its Chinese translation.
    const topics = topicsOf({
      abstract:
        "We test 28 pretrained models on an fMRI dataset. Brain scores grow with model size and peak in the left hemisphere.",
      abstractZh:
        "我们在功能磁共振数据上测试了28个预训练模型。大脑得分随模型规模增长，并集中在左半球。",
    });
    expect(topics).not.toContain("pretraining");
  });
  it("still counts two mentions in one language", () => {
    const topics = topicsOf({
      abstract:
        "We continue pretraining a model on legal text. Continued pretraining on legal text lifts recall.",
      abstractZh: "我们在法律文本上继续训练模型。",
    });
    expect(topics).toContain("pretraining");
  });
  it("does not give benchmarks to a paper that only evaluates on benchmarks", () => {
    const paper = record({
      abstract:
        "We segment images from referring phrases. Our method beats prior work on three common benchmarks. Results hold on two further benchmarks.",
    });
    expect(findTopics(paper, taxonomy).map((m) => m.topic)).not.toContain("benchmarks");
  });
  it("gives benchmarks to a paper that introduces one", () => {
    const paper = record({
      abstract:
        "We build a benchmark of temporal questions. The benchmark shows that models fail on long spans.",
    });
    const topics = findTopics(paper, taxonomy, { introducesBenchmark: true }).map((m) => m.topic);
    expect(topics).toContain("benchmarks");
  });
  it("gives benchmarks to a paper whose title presents one, introduced or not", () => {
    expect(topicsOf({ title: "A Benchmark for Temporal Reasoning" })).toContain("benchmarks");
  });
  it("reads the heading an entry sits under, not only the list's broad parts above it", () => {
    const paper = record({
      title: "World knowledge in contextual language models: a review",
      section: ["Construction of LLM-based agents", "Knowledge", "Commonsense knowledge"],
    });
    expect(findTopics(paper, taxonomy).map((m) => m.topic)).not.toContain("agents");
  });
  it("keeps a broad heading's topic when the entry's own words name it too", () => {
    const paper = record({
      title: "A memory stream for agents",
      summary: "Agents store observations and recall them.",
      section: ["Construction of LLM-based agents", "Memory"],
    });
    expect(findTopics(paper, taxonomy).map((m) => m.topic)).toContain("agents");
  });
  it("quotes the whole heading path as evidence of the entry's own heading", () => {
    const paper = record({ title: "A model", section: ["Methods", "Finetune Retriever"] });
    const mention = findTopics(paper, taxonomy).find((m) => m.topic === "fine-tuning");
    expect(mention?.evidence.snippet).toBe("Methods › Finetune Retriever");
  });
  it("does not read GPT spelled out as pre-training", () => {
    const topics = topicsOf({
      title: "Harnessing Generative Pre-Trained Transformer for packet trace generation",
      titleZh: "利用生成预训练变压器生成数据包跟踪",
    });
    expect(topics).not.toContain("pretraining");
  });
  it("does not read 'we summarize' or contrastive prompting as topics", () => {
    const topics = topicsOf({
      title: "Contrastive prompting enhances sentence embeddings",
      abstract: "We summarize progress. We summarize open problems.",
    });
    expect(topics).not.toContain("vision-language-pretraining");
    expect(topics).not.toContain("summarization");
  });
});

describe("heading aliases", () => {
  it("reads evaluation from a title that presents the paper as one", () => {
    expect(topicsOf({ title: "Evaluating language models as web agents" })).toContain("evaluation");
    expect(topicsOf({ titleZh: "大型语言模型时间推理能力评估基准" })).toContain("evaluation");
  });
  it("does not read evaluation from what the paper does on the way", () => {
    const topics = topicsOf({
      abstract:
        "We propose a tokenizer for video. We evaluate it on captioning. An evaluation on retrieval shows the same.",
    });
    expect(topics).not.toContain("evaluation");
  });
  it("does not read a pre-trained model the paper uses as pre-training", () => {
    const topics = topicsOf({
      abstract:
        "We test 28 pretrained models on brain data. Larger pretrained models fit the left hemisphere better.",
    });
    expect(topics).not.toContain("pretraining");
  });
  it("reads pre-training the paper does", () => {
    const topics = topicsOf({
      abstract: "We study continued pre-training on code. Pre-training longer helps.",
    });
    expect(topics).toContain("pretraining");
  });
  it("gives multi-agent collaboration and agents to a multi-agent framework", () => {
    const topics = topicsOf({ title: "An LLM-based multi-agent framework for effort estimation" });
    expect(topics).toContain("multi-agent-collaboration");
    expect(topics).toContain("agents");
    expect(topicsOf({ titleZh: "用于任务估算的多智能体框架" })).toContain(
      "multi-agent-collaboration",
    );
  });
});

describe("a benchmark the paper introduces in so many words", () => {
  it("gives benchmarks when the abstract says the paper introduces one", () => {
    const topics = topicsOf({
      abstract:
        "This paper introduces ShopBench, a new benchmark of customer support tasks. Agents solve few of them.",
    });
    expect(topics).toContain("benchmarks");
  });
  it("reads the Chinese introduction too", () => {
    expect(
      topicsOf({ abstractZh: "我们构建了一个新的客服基准，智能体只能解决少数任务。" }),
    ).toContain("benchmarks");
  });
  it("does not read a benchmark run on data built by others as one introduced", () => {
    const topics = topicsOf({
      abstract: "Graphs describe flowcharts. We benchmark the same on a QA dataset.",
      abstractZh: "我们在基于产品文档构建的问答数据集上进行了基准测试。",
    });
    expect(topics).not.toContain("benchmarks");
  });
});

describe("biomedical NLP by its usual names", () => {
  it("reads clinical NLP and medical text", () => {
    expect(topicsOf({ title: "Clinical NLP for error correction in patient notes" })).toContain(
      "biomedical-nlp",
    );
    expect(topicsOf({ title: "Summarising medical text with small models" })).toContain(
      "biomedical-nlp",
    );
  });
});
