// Synthetic corpus for benchmarks: documents in the three seed formats (Chinese digest, 专知, arXiv
// digest) about a pool of invented medical-LLM papers grouped by theme. Pure and seeded, so a given
// size and seed always give the same documents, and the pipeline can be timed at 1k, 10k or 100k.
import { LitgraphError } from "../src/errors.ts";
import { createRng } from "../src/graph/rng.ts";

/** The seeded generator of the pipeline, re-exported for scripts that make synthetic data. */
export { createRng };

/** What `generateCorpus` is asked for. */
export interface CorpusOptions {
  /** How many documents to produce (a non-negative integer). */
  documents: number;
  /** PRNG seed; the same seed gives byte-identical output. Default `DEFAULT_CORPUS_SEED`. */
  seed?: number;
}

/** One generated file: `id` is a path relative to the corpus folder, e.g. `zh-digest/000042.txt`. */
export interface GeneratedDocument {
  id: string;
  text: string;
}

/** A function returning uniformly distributed numbers in [0, 1). */
export type Rng = () => number;

export const DEFAULT_CORPUS_SEED = 20240514;

/** Papers in the pool per document. With 40% arXiv digests listing 5–10 related papers each, a paper is mentioned about ten times on average. */
const PAPERS_PER_DOCUMENT = 0.4;
const MIN_POOL_SIZE = 12;
/** Share of related entries drawn from the main paper's own theme: this is what gives the graph its communities. */
const SAME_THEME_SHARE = 0.8;
const SURVEY_SHARE = 0.08;
const GITHUB_SHARE = 0.4;
/** Long titles are wrapped onto a second line at this width, as listing sites do. */
const TITLE_WRAP_WIDTH = 80;

type Format = "arxiv-digest" | "zh-digest" | "zhuanzhi";

/** Format mix of the corpus, in the order the PRNG picks them. */
const FORMAT_SHARES: ReadonlyArray<readonly [Format, number]> = [
  ["arxiv-digest", 0.4],
  ["zh-digest", 0.35],
  ["zhuanzhi", 0.25],
];

interface Theme {
  key: string;
  /** Category a Chinese digest site would give a paper of this theme. */
  category: string;
  tasks: readonly string[];
  tasksZh: readonly string[];
  topics: readonly string[];
  topicsZh: readonly string[];
  benchmarks: readonly string[];
}

// ---------------------------------------------------------------------------------------------
// Vocabulary
// ---------------------------------------------------------------------------------------------

const THEMES: readonly Theme[] = [
  {
    key: "qa",
    category: "LLM应用",
    tasks: [
      "medical question answering",
      "USMLE-style exam questions",
      "clinical knowledge recall",
      "biomedical question answering",
    ],
    tasksZh: ["医学问答", "执业医师考试题", "临床知识问答", "生物医学问答"],
    topics: [
      "instruction tuning",
      "chain-of-thought prompting",
      "answer calibration",
      "clinical reasoning",
    ],
    topicsZh: ["指令微调", "思维链提示", "答案校准", "临床推理"],
    benchmarks: ["MedQA", "MedMCQA", "PubMedQA", "MMLU", "MultiMedQA"],
  },
  {
    key: "multimodal",
    category: "LLM应用",
    tasks: [
      "radiology report generation",
      "medical visual question answering",
      "chest X-ray interpretation",
      "pathology image understanding",
    ],
    tasksZh: ["放射报告生成", "医学视觉问答", "胸片解读", "病理图像理解"],
    topics: [
      "multimodal learning",
      "report generation",
      "vision-language pretraining",
      "image grounding",
    ],
    topicsZh: ["多模态学习", "报告生成", "视觉语言预训练", "图像定位"],
    benchmarks: ["VQA-RAD", "SLAKE", "PathVQA", "MIMIC-CXR"],
  },
  {
    key: "agents",
    category: "Agent",
    tasks: [
      "simulated clinical consultation",
      "multi-agent diagnosis",
      "tool-using clinical assistants",
      "sequential diagnostic decision making",
    ],
    tasksZh: ["模拟临床问诊", "多智能体诊断", "会用工具的临床助手", "序列化诊断决策"],
    topics: ["LLM agents", "clinical decision support", "tool use", "multi-agent collaboration"],
    topicsZh: ["大模型智能体", "临床决策支持", "工具调用", "多智能体协作"],
    benchmarks: ["MedQA", "MIMIC-IV", "MedMCQA"],
  },
  {
    key: "rag",
    category: "RAG",
    tasks: [
      "retrieval-augmented clinical question answering",
      "guideline-grounded treatment recommendation",
      "evidence retrieval from PubMed",
      "knowledge-graph enhanced diagnosis",
    ],
    tasksZh: ["检索增强的临床问答", "基于指南的治疗建议", "PubMed证据检索", "知识图谱增强诊断"],
    topics: [
      "retrieval-augmented generation",
      "hallucination reduction",
      "knowledge graphs",
      "citation grounding",
    ],
    topicsZh: ["检索增强生成", "幻觉抑制", "知识图谱", "引用溯源"],
    benchmarks: ["PubMedQA", "MedQA", "BioASQ", "MMLU"],
  },
  {
    key: "chinese",
    category: "LLM应用",
    tasks: [
      "Chinese medical dialogue",
      "traditional Chinese medicine consultation",
      "Chinese medical licensing exams",
      "online medical consultation in Chinese",
    ],
    tasksZh: ["中文医疗对话", "中医问诊", "中国医师资格考试", "中文在线问诊"],
    topics: ["preference alignment", "RLHF", "instruction tuning", "multi-turn dialogue"],
    topicsZh: ["偏好对齐", "人类反馈强化学习", "指令微调", "多轮对话"],
    benchmarks: ["CMB", "CMExam", "MedQA"],
  },
  {
    key: "safety",
    category: "LLM理论",
    tasks: [
      "hallucination detection in medical answers",
      "fairness auditing of clinical language models",
      "privacy-preserving medical language models",
      "robustness of medical chatbots",
    ],
    tasksZh: [
      "医学回答中的幻觉检测",
      "临床语言模型的公平性审计",
      "保护隐私的医学语言模型",
      "医疗聊天机器人的鲁棒性",
    ],
    topics: [
      "hallucination detection",
      "fairness auditing",
      "differential privacy",
      "adversarial robustness",
    ],
    topicsZh: ["幻觉检测", "公平性审计", "差分隐私", "对抗鲁棒性"],
    benchmarks: ["MedQA", "PubMedQA", "MedMCQA"],
  },
  {
    key: "education",
    category: "LLM应用",
    tasks: [
      "medical education",
      "exam preparation for medical students",
      "explaining answers to trainee doctors",
      "patient education material",
    ],
    tasksZh: ["医学教育", "医学生备考", "为住院医师讲解答案", "患者教育材料"],
    topics: [
      "medical education",
      "automatic evaluation",
      "explanation generation",
      "readability control",
    ],
    topicsZh: ["医学教育", "自动评测", "解释生成", "可读性控制"],
    benchmarks: ["MedMCQA", "MMLU", "MedQA"],
  },
  {
    key: "ehr",
    category: "LLM应用",
    tasks: [
      "clinical note summarization",
      "discharge summary generation",
      "structured extraction from electronic health records",
      "ICD coding",
    ],
    tasksZh: ["临床记录摘要", "出院小结生成", "电子病历结构化抽取", "ICD编码"],
    topics: ["clinical notes", "summarization", "information extraction", "de-identification"],
    topicsZh: ["临床记录", "文本摘要", "信息抽取", "去标识化"],
    benchmarks: ["MIMIC-III", "MIMIC-IV", "MedNLI"],
  },
];

const NAME_PREFIXES = [
  "Med",
  "Clin",
  "Bio",
  "Rad",
  "Path",
  "Care",
  "Doc",
  "Health",
  "Cura",
  "Diag",
  "Qi",
  "Hua",
];
const NAME_SUFFIXES = [
  "Sage",
  "Lens",
  "Mind",
  "Bench",
  "Agent",
  "Chat",
  "GPT",
  "Vista",
  "Pilot",
  "Scope",
  "Coder",
  "Tutor",
];
const NAME_SIZES = ["", "", "-7B", "-13B", "-70B", "-VL", "-Zh", "-Mini"];
const TITLE_ADJECTIVES = [
  "Scalable",
  "Lightweight",
  "Open",
  "Trustworthy",
  "Grounded",
  "Efficient",
  "Interpretable",
  "Robust",
  "Multilingual",
  "Calibrated",
  "Collaborative",
  "Self-Refining",
];
const TITLE_NOUNS = [
  "Language Models",
  "Instruction Tuning",
  "Retrieval Pipelines",
  "Foundation Models",
  "Preference Optimization",
  "Benchmarks",
  "Prompting Strategies",
  "Agents",
  "Knowledge Injection",
  "Continued Pretraining",
];
const TITLE_SETTINGS = [
  "",
  " in Low-Resource Hospitals",
  " across Specialties",
  " with Clinician Feedback",
  " under Distribution Shift",
  " for Primary Care",
  " at Scale",
];
const SURVEY_ASPECTS = [
  "Data",
  "Training",
  "Evaluation",
  "Applications",
  "Trustworthiness",
  "Challenges",
  "Future Directions",
  "Deployment",
];
const GIVEN_NAMES = [
  "Wei",
  "Anna",
  "Jun",
  "Maria",
  "Rahul",
  "Sofia",
  "Hao",
  "Lucas",
  "Yuki",
  "Omar",
  "Elena",
  "Min",
  "David",
  "Priya",
  "Tomas",
  "Lin",
  "Grace",
  "Kenji",
  "Ines",
  "Chen",
];
const FAMILY_NAMES = [
  "Zhang",
  "Muller",
  "Wang",
  "Garcia",
  "Sharma",
  "Rossi",
  "Li",
  "Novak",
  "Tanaka",
  "Haddad",
  "Petrova",
  "Kim",
  "Okafor",
  "Liu",
  "Silva",
  "Chen",
  "Andersen",
  "Huang",
  "Moreau",
  "Zhao",
];
const GITHUB_OWNERS = [
  "med-nlp-lab",
  "clinical-ai",
  "open-health-llm",
  "biomed-ml",
  "hospital-ai-group",
  "zh-med-nlp",
];
const LICENSES = [
  "http://creativecommons.org/licenses/by/4.0/",
  "http://arxiv.org/licenses/nonexclusive-distrib/1.0/",
  "http://creativecommons.org/licenses/by-nc-sa/4.0/",
];
const SMALL_WORDS = new Set([
  "a",
  "an",
  "and",
  "for",
  "from",
  "in",
  "of",
  "on",
  "the",
  "to",
  "with",
]);
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

// Site chrome of 专知 pages: unrelated items from other fields. It must never name a pool paper.
const CHROME_SUBJECTS = [
  "图神经网络",
  "时间序列预测",
  "点云分割",
  "推荐系统",
  "自动驾驶感知",
  "语音识别",
  "强化学习探索",
  "联邦学习通信",
  "目标检测",
  "知识蒸馏",
];
const CHROME_FORMS = ["综述", "最新进展", "教程", "入门指南", "技术报告"];
const CHROME_ENGLISH = [
  "Sparse Attention for Long Video",
  "Contrastive Learning on Graphs",
  "Curriculum Design for Robot Control",
  "Bandit Algorithms for Ranking",
  "Neural Architecture Search on a Budget",
  "Optimizers for Tabular Data",
];
const CHROME_SOURCES = [
  "专知会员服务",
  "图学习前沿",
  "视觉计算笔记",
  "优化算法小组",
  "数据挖掘茶馆",
];

// ---------------------------------------------------------------------------------------------
// Pool of papers
// ---------------------------------------------------------------------------------------------

interface Paper {
  arxiv: string;
  theme: Theme;
  survey: boolean;
  title: string;
  titleZh: string;
  authors: string[];
  /** ISO date-time of the first version, consistent with the arXiv id. */
  dateTime: string;
  year: number;
  month: number;
  day: number;
  version: number;
  license: string;
  github?: string;
  abstract: string;
  abstractZh: string;
  /** The first two abstract sentences, as listing sites print them under a related entry. */
  summary: string[];
}

/**
 * Generate a synthetic corpus of `documents` files in the three seed formats. Each document is about
 * one paper of a pool of themed papers; arXiv digests list 5–10 related pool papers, mostly of the same
 * theme, so the same paper turns up in several documents and the graph has community structure.
 * Throws `LitgraphError` (`invalid-options`) for a negative or fractional count.
 */
export function generateCorpus(options: CorpusOptions): GeneratedDocument[] {
  const { documents } = options;
  if (!Number.isInteger(documents) || documents < 0) {
    throw new LitgraphError(
      "invalid-options",
      `bench/corpus: documents must be a non-negative integer, got ${documents}.`,
    );
  }
  const seed = options.seed ?? DEFAULT_CORPUS_SEED;
  if (!Number.isFinite(seed)) {
    throw new LitgraphError(
      "invalid-options",
      `bench/corpus: seed must be a finite number, got ${seed}.`,
    );
  }
  const rng = createRng(seed);
  const pool = createPaperPool(
    rng,
    Math.max(MIN_POOL_SIZE, Math.round(documents * PAPERS_PER_DOCUMENT)),
  );
  const byTheme = groupByTheme(pool);
  const width = Math.max(6, String(documents).length);
  const out: GeneratedDocument[] = [];
  for (let index = 0; index < documents; index++) {
    const format = pickFormat(rng);
    const paper = pick(rng, pool);
    const id = `${format}/${String(index).padStart(width, "0")}.txt`;
    let text: string;
    if (format === "arxiv-digest") {
      text = renderArxivDigest(rng, paper, pickRelated(rng, paper, pool, byTheme));
    } else if (format === "zh-digest") {
      text = renderZhDigest(rng, paper);
    } else {
      text = renderZhuanzhi(rng, paper);
    }
    out.push({ id, text });
  }
  return out;
}

function createPaperPool(rng: Rng, size: number): Paper[] {
  const ids = new Set<string>();
  const titles = new Set<string>();
  const repos = new Set<string>();
  const pool: Paper[] = [];
  for (let i = 0; i < size; i++) {
    const theme = pick(rng, THEMES);
    const survey = rng() < SURVEY_SHARE;
    const year = 2023 + Math.floor(rng() * 3);
    const month = 1 + Math.floor(rng() * 12);
    const day = 1 + Math.floor(rng() * 28);
    const arxiv = createArxivId(rng, year, month, ids);
    const name = createModelName(rng);
    // The title, the Chinese title and both abstracts are about the same task.
    const [taskIndex = 0, task2Index = 1] = pickDistinct(rng, [0, 1, 2, 3], 2);
    const task = theme.tasks[taskIndex] ?? "";
    const title = survey
      ? createUnique(titles, (attempt) => composeSurveyTitle(rng, task, attempt))
      : createUnique(titles, (attempt) => composeTitle(rng, task, name, attempt));
    const taskZh = theme.tasksZh[taskIndex] ?? "";
    const titleZh = survey
      ? `${taskZh}大语言模型综述：${pick(rng, ["数据、方法与评测", "进展与挑战", "应用与可信性"])}`
      : `${name}：面向${taskZh}的${pick(rng, ["高效", "可信", "开源", "可解释", "多语言"])}${pick(rng, ["大语言模型", "指令微调方法", "检索增强框架", "评测基准", "智能体框架"])}`;
    const github =
      rng() < GITHUB_SHARE
        ? createUnique(
            repos,
            (attempt) =>
              `https://github.com/${pick(rng, GITHUB_OWNERS)}/${name}${attempt ? `-${attempt}` : ""}`,
          )
        : undefined;
    const [abstract, abstractZh] = composeAbstracts(
      rng,
      theme,
      survey,
      name,
      [taskIndex, task2Index],
      github,
    );
    const sentences = splitSentences(abstract);
    const paper: Paper = {
      arxiv,
      theme,
      survey,
      title,
      titleZh,
      authors: createAuthors(rng),
      dateTime: `${year}-${pad2(month)}-${pad2(day)}T${pad2(Math.floor(rng() * 24))}:${pad2(Math.floor(rng() * 60))}:${pad2(Math.floor(rng() * 60))}Z`,
      year,
      month,
      day,
      version: 1 + Math.floor(rng() * 4),
      license: pick(rng, LICENSES),
      abstract,
      abstractZh,
      summary: sentences.slice(0, 2),
    };
    if (github) paper.github = github;
    pool.push(paper);
  }
  return pool;
}

function createArxivId(rng: Rng, year: number, month: number, taken: Set<string>): string {
  for (;;) {
    // arXiv has received fewer than 25,000 submissions a month in these years.
    const id = `${String(year % 100)}${pad2(month)}.${String(1 + Math.floor(rng() * 24999)).padStart(5, "0")}`;
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
}

/** Calls `make(attempt)` until it returns a value not yet in `taken`, then records it. */
function createUnique(taken: Set<string>, make: (attempt: number) => string): string {
  for (let attempt = 0; ; attempt++) {
    const value = make(attempt);
    if (!taken.has(value)) {
      taken.add(value);
      return value;
    }
  }
}

function createModelName(rng: Rng): string {
  return `${pick(rng, NAME_PREFIXES)}${pick(rng, NAME_SUFFIXES)}${pick(rng, NAME_SIZES)}`;
}

function composeTitle(rng: Rng, task: string, name: string, attempt: number): string {
  const core = `${pick(rng, TITLE_ADJECTIVES)} ${pick(rng, TITLE_NOUNS)} for ${toTitleCase(task)}${pick(rng, TITLE_SETTINGS)}`;
  const withName = rng() < 0.6 ? `${name}: ${core}` : core;
  // After a few collisions, a version tag keeps titles unique even for very large pools.
  return attempt > 3 ? `${withName} (Part ${attempt - 2})` : withName;
}

function composeSurveyTitle(rng: Rng, task: string, attempt: number): string {
  const [a, b, c] = pickDistinct(rng, SURVEY_ASPECTS, 3);
  const head = pick(rng, [
    "A Survey of Large Language Models for",
    "Large Language Models in",
    "A Review of Foundation Models for",
  ]);
  const title = `${head} ${toTitleCase(task)}: ${a}, ${b} and ${c}`;
  return attempt > 3 ? `${title} (Part ${attempt - 2})` : title;
}

function createAuthors(rng: Rng): string[] {
  const count = 3 + Math.floor(rng() * 10);
  const authors: string[] = [];
  for (let i = 0; i < count; i++)
    authors.push(`${pick(rng, GIVEN_NAMES)} ${pick(rng, FAMILY_NAMES)}`);
  return authors;
}

/** The values a paper's abstract is written from, shared by its English and Chinese versions. */
interface AbstractFacts {
  name: string;
  task: number;
  task2: number;
  topic: number;
  topic2: number;
  benchmarks: string[];
  /** Free numbers (sizes, counts, gains) that make two abstracts from the same template differ. */
  n: number;
  m: number;
  k: number;
  size: number;
  gain: string;
  github?: string;
}

type Slot = ReadonlyArray<
  readonly [en: (f: AbstractFacts, t: Theme) => string, zh: (f: AbstractFacts, t: Theme) => string]
>;

const readTask = (f: AbstractFacts, t: Theme) => t.tasks[f.task] ?? "";
const readTask2 = (f: AbstractFacts, t: Theme) => t.tasks[f.task2] ?? "";
const readTaskZh = (f: AbstractFacts, t: Theme) => t.tasksZh[f.task] ?? "";
const readTask2Zh = (f: AbstractFacts, t: Theme) => t.tasksZh[f.task2] ?? "";
const readTopic = (f: AbstractFacts, t: Theme) => t.topics[f.topic] ?? "";
const readTopic2 = (f: AbstractFacts, t: Theme) => t.topics[f.topic2] ?? "";
const readTopicZh = (f: AbstractFacts, t: Theme) => t.topicsZh[f.topic] ?? "";
const readTopic2Zh = (f: AbstractFacts, t: Theme) => t.topicsZh[f.topic2] ?? "";
const listBenches = (f: AbstractFacts) => joinList(f.benchmarks);
const listBenchesZh = (f: AbstractFacts) => f.benchmarks.join("、");

// Each slot is one sentence of the abstract; a paper draws one variant per slot, in both languages.
const PAPER_SLOTS: readonly Slot[] = [
  [
    [
      (f, t) =>
        `Large language models (LLMs) show promise for ${readTask(f, t)}, but they still make errors that clinicians cannot accept.`,
      (f, t) => `大语言模型在${readTaskZh(f, t)}上前景广阔，但仍会出现临床上无法接受的错误。`,
    ],
    [
      (f, t) =>
        `Despite rapid progress, LLMs used for ${readTask(f, t)} remain hard to trust in routine care.`,
      (f, t) => `尽管进展迅速，用于${readTaskZh(f, t)}的大语言模型在日常诊疗中仍难以令人信任。`,
    ],
    [
      (f, t) =>
        `${capitalize(readTask(f, t))} requires precise medical knowledge that general-purpose LLMs often lack.`,
      (f, t) => `${readTaskZh(f, t)}需要精确的医学知识，而通用大语言模型往往缺乏这些知识。`,
    ],
    [
      (f, t) =>
        `Few studies have examined how well LLMs handle ${readTask(f, t)} outside curated exam questions.`,
      (f, t) => `很少有研究考察大语言模型在精选考试题之外处理${readTaskZh(f, t)}的能力。`,
    ],
  ],
  [
    [
      (f, t) =>
        `We present ${f.name}, which targets ${readTopic(f, t)} and ${readTopic2(f, t)} to make model outputs more reliable.`,
      (f, t) =>
        `本文提出${f.name}，聚焦${readTopicZh(f, t)}与${readTopic2Zh(f, t)}，以提升模型输出的可靠性。`,
    ],
    [
      (f, t) =>
        `This paper introduces ${f.name}, a recipe built around ${readTopic(f, t)} with an additional stage for ${readTopic2(f, t)}.`,
      (f, t) =>
        `本文介绍${f.name}：一套以${readTopicZh(f, t)}为核心、并额外加入${readTopic2Zh(f, t)}阶段的方案。`,
    ],
    [
      (f, t) =>
        `We propose ${f.name} and study how ${readTopic(f, t)} interacts with ${readTopic2(f, t)} during domain adaptation.`,
      (f, t) =>
        `我们提出${f.name}，并研究领域适配过程中${readTopicZh(f, t)}与${readTopic2Zh(f, t)}的相互作用。`,
    ],
  ],
  [
    [
      (f, t) =>
        `${f.name} is trained on ${f.n}K examples drawn from clinical guidelines, PubMed abstracts and de-identified case reports, then adapted to ${readTask2(f, t)}.`,
      (f, t) =>
        `${f.name}使用来自临床指南、PubMed摘要和脱敏病例报告的${f.n}千条样本训练，随后迁移到${readTask2Zh(f, t)}。`,
    ],
    [
      (f, t) =>
        `Training combines ${f.n}K physician-written answers with synthetic dialogues, and a held-out split targets ${readTask2(f, t)}.`,
      (f, t) =>
        `训练数据包括${f.n}千条医生撰写的回答和合成对话，并留出一部分专门用于${readTask2Zh(f, t)}。`,
    ],
    [
      (f, t) =>
        `The model starts from an open ${f.size}B-parameter backbone and is adapted with ${f.n}K curated instructions covering ${readTask2(f, t)}.`,
      (f, t) =>
        `模型以${f.size}B参数的开源底座为起点，用${f.n}千条覆盖${readTask2Zh(f, t)}的精选指令进行适配。`,
    ],
  ],
  [
    [
      (f, t) =>
        `Unlike earlier work, ${f.name} keeps a record of the evidence behind each answer, so that clinicians can check why a recommendation about ${readTask(f, t)} was made.`,
      (f, t) =>
        `与以往工作不同，${f.name}会记录每个回答所依据的证据，便于临床医生核查有关${readTaskZh(f, t)}的建议从何而来。`,
    ],
    [
      (f, t) =>
        `A lightweight verifier scores intermediate steps, and answers about ${readTask2(f, t)} that fail the check are regenerated with extra context.`,
      (f, t) =>
        `一个轻量级校验器会为中间步骤打分，未通过校验的${readTask2Zh(f, t)}回答会在补充上下文后重新生成。`,
    ],
    [
      (f, t) =>
        `The training schedule alternates between general medical text and data specific to ${readTask2(f, t)}, which limits forgetting of general knowledge.`,
      (f, t) =>
        `训练过程在通用医学文本与${readTask2Zh(f, t)}专用数据之间交替进行，从而减少对通用知识的遗忘。`,
    ],
  ],
  [
    [
      (f) =>
        `Experiments on ${listBenches(f)} show an average gain of ${f.gain}% over strong open baselines.`,
      (f) => `在${listBenchesZh(f)}上的实验表明，其平均比强开源基线高出${f.gain}%。`,
    ],
    [
      (f) => `On ${listBenches(f)}, ${f.name} improves accuracy by ${f.gain}% on average.`,
      (f) => `在${listBenchesZh(f)}上，${f.name}的准确率平均提升${f.gain}%。`,
    ],
    [
      (f) =>
        `Evaluation on ${listBenches(f)} shows gains of up to ${f.gain}% while keeping inference cost low.`,
      (f) => `在${listBenchesZh(f)}上的评测显示最高提升${f.gain}%，同时推理成本较低。`,
    ],
  ],
  [
    [
      (f) =>
        `A reader study with ${f.m} physicians finds fewer unsafe statements and better use of evidence.`,
      (f) => `${f.m}名医生参与的阅读研究发现，不安全表述更少，证据使用更充分。`,
    ],
    [
      (f) =>
        `${f.m} clinicians rated ${f.k} long-form answers and preferred ${f.name} in most comparisons.`,
      (f) => `${f.m}名临床医生对${f.k}条长答案打分，多数比较中更偏好${f.name}。`,
    ],
    [
      (f) =>
        `An analysis of ${f.k} failures shows that most remaining mistakes come from outdated knowledge.`,
      (f) => `对${f.k}个失败案例的分析显示，剩余错误大多源于过时的知识。`,
    ],
  ],
  [
    [
      (f, t) =>
        `Ablations show that removing ${readTopic2(f, t)} costs about ${(Number(f.gain) / 2).toFixed(1)} points, while doubling the data helps less than expected.`,
      (f, t) =>
        `消融实验表明，去掉${readTopic2Zh(f, t)}会使成绩下降约${(Number(f.gain) / 2).toFixed(1)}个百分点，而把数据量翻倍带来的收益低于预期。`,
    ],
    [
      (f) =>
        `Performance drops on questions written after the training cut-off, and the drop is largest for rare diseases in a held-out set of ${f.k} cases.`,
      (f) =>
        `对于训练截止日期之后编写的题目，模型表现会下降；在留出的${f.k}个病例中，罕见病上的下降最为明显。`,
    ],
    [
      (f, t) =>
        `Smaller variants of ${f.name} retain most of the benefit, which matters for hospitals that must run models on their own hardware for ${readTopic(f, t)}.`,
      (f, t) =>
        `较小规模的${f.name}变体保留了大部分收益，这对需要在本地硬件上运行模型、关注${readTopicZh(f, t)}的医院尤为重要。`,
    ],
  ],
  [
    [
      () => "We discuss the limits of automatic evaluation for clinical use.",
      () => "文章讨论了自动评测在临床应用中的局限。",
    ],
    [
      (f) => `We release ${f.name} to support reproducible research on medical LLMs.`,
      (f) => `我们公开${f.name}，以支持医学大模型的可复现研究。`,
    ],
    [
      () => "Prospective validation in hospitals is left to future work.",
      () => "在医院中的前瞻性验证留待未来工作。",
    ],
  ],
];

const SURVEY_SLOTS: readonly Slot[] = [
  [
    [
      (f, t) =>
        `Large language models (LLMs) are reshaping research on ${readTask(f, t)}, and the literature has grown faster than any single reader can follow.`,
      (f, t) => `大语言模型正在改变${readTaskZh(f, t)}领域的研究方式，相关文献增长迅速。`,
    ],
    [
      (f, t) =>
        `Work on LLMs for ${readTask(f, t)} has multiplied since general-purpose chat models appeared.`,
      (f, t) => `自通用对话模型出现以来，面向${readTaskZh(f, t)}的大模型研究成倍增加。`,
    ],
  ],
  [
    [
      (f, t) =>
        `This survey organises ${f.n} papers on ${readTask(f, t)} and ${readTask2(f, t)} by data, training recipe and evaluation protocol.`,
      (f, t) =>
        `本综述按数据、训练方法和评测方案梳理了${f.n}篇关于${readTaskZh(f, t)}与${readTask2Zh(f, t)}的论文。`,
    ],
    [
      (f, t) =>
        `We review ${f.n} studies and group them by how they adapt models to ${readTask2(f, t)}.`,
      (f, t) => `我们回顾了${f.n}项研究，并按其将模型适配到${readTask2Zh(f, t)}的方式进行分类。`,
    ],
  ],
  [
    [
      (f, t) =>
        `We summarise how ${readTopic(f, t)} and ${readTopic2(f, t)} are handled and which benchmarks, such as ${listBenches(f)}, are used to compare systems.`,
      (f, t) =>
        `文章总结了现有系统如何处理${readTopicZh(f, t)}与${readTopic2Zh(f, t)}，以及${listBenchesZh(f)}等常用基准。`,
    ],
  ],
  [
    [
      (f, t) =>
        `For each line of work we list the datasets, model sizes and evaluation settings, and we compare reported results on ${readTask(f, t)} where the protocols allow it.`,
      (f, t) =>
        `对于每一类工作，文章列出了所用的数据集、模型规模和评测设置，并在评测协议可比时对比${readTaskZh(f, t)}上的已报道结果。`,
    ],
    [
      (f, t) =>
        `A taxonomy separates systems that change the model, such as those relying on ${readTopic(f, t)}, from systems that only change how it is used.`,
      (f, t) =>
        `文章提出一种分类方法，将改变模型本身的系统（例如依赖${readTopicZh(f, t)}的系统）与只改变使用方式的系统区分开来。`,
    ],
  ],
  [
    [
      () =>
        "We then discuss open problems, including hallucination, fairness, privacy and the gap between benchmark scores and clinical value.",
      () => "文章还讨论了幻觉、公平性、隐私以及基准分数与临床价值之间的差距等尚未解决的问题。",
    ],
    [
      () =>
        "Open challenges include evaluation beyond multiple-choice exams, data privacy and accountability.",
      () => "尚待解决的挑战包括选择题之外的评测、数据隐私与责任归属。",
    ],
  ],
  [
    [
      () =>
        "Finally, we outline directions for trustworthy medical LLMs and their careful deployment.",
      () => "最后，文章展望了可信医学大模型及其审慎部署的发展方向。",
    ],
  ],
];

/** The English and Chinese abstracts of one paper, written from the same facts. */
function composeAbstracts(
  rng: Rng,
  theme: Theme,
  survey: boolean,
  name: string,
  [taskIndex, task2Index]: readonly [number, number],
  github?: string,
): [string, string] {
  const [topicIndex = 0, topic2Index = 1] = pickDistinct(rng, [0, 1, 2, 3], 2);
  const facts: AbstractFacts = {
    name,
    task: taskIndex,
    task2: task2Index,
    topic: topicIndex,
    topic2: topic2Index,
    benchmarks: pickDistinct(rng, theme.benchmarks, Math.min(3, theme.benchmarks.length)),
    n: 5 + Math.floor(rng() * 495),
    m: 3 + Math.floor(rng() * 30),
    k: 50 + Math.floor(rng() * 950),
    size: pick(rng, [7, 8, 13, 14, 34, 70]),
    gain: (2 + rng() * 15).toFixed(1),
  };
  if (github) facts.github = github;
  const en: string[] = [];
  const zh: string[] = [];
  for (const slot of survey ? SURVEY_SLOTS : PAPER_SLOTS) {
    const [writeEn, writeZh] = pick(rng, slot);
    en.push(writeEn(facts, theme));
    zh.push(writeZh(facts, theme));
  }
  if (github) {
    en.push(`Code and data are available at ${github}.`);
    zh.push(`代码与数据见 ${github} 。`);
  }
  return [en.join(" "), zh.join("")];
}

function groupByTheme(pool: Paper[]): Map<string, Paper[]> {
  const byTheme = new Map<string, Paper[]>();
  for (const paper of pool) {
    const list = byTheme.get(paper.theme.key);
    if (list) list.push(paper);
    else byTheme.set(paper.theme.key, [paper]);
  }
  return byTheme;
}

function pickRelated(
  rng: Rng,
  paper: Paper,
  pool: Paper[],
  byTheme: Map<string, Paper[]>,
): Paper[] {
  const wanted = Math.min(5 + Math.floor(rng() * 6), pool.length - 1);
  const sameTheme = byTheme.get(paper.theme.key) ?? [];
  const chosen = new Set<Paper>([paper]);
  const related: Paper[] = [];
  // Bounded so that a tiny theme cannot loop forever; the fallback draws from the whole pool.
  for (let tries = 0; related.length < wanted && tries < wanted * 20; tries++) {
    const source =
      !paper.survey && rng() < SAME_THEME_SHARE && sameTheme.length > 1 ? sameTheme : pool;
    const candidate = pick(rng, source);
    if (!chosen.has(candidate)) {
      chosen.add(candidate);
      related.push(candidate);
    }
  }
  return related;
}

// ---------------------------------------------------------------------------------------------
// Rendering
// ---------------------------------------------------------------------------------------------

function renderArxivDigest(rng: Rng, paper: Paper, related: Paper[]): string {
  const lines = [
    paper.title,
    `- URL: http://arxiv.org/abs/${paper.arxiv}v${paper.version}`,
    `- Date: ${formatHttpDate(paper)}`,
    `- Title: ${paper.title}`,
    `- Authors: ${paper.authors.join(", ")},`,
    `- Abstract summary: ${paper.summary[0] ?? ""}`,
    paper.summary[1] ?? "",
    `- Score: ${formatScore(rng)}`,
    `- License: ${paper.license}`,
    `- Abstract: ${paper.abstract}`,
    "Related papers",
  ];
  related.forEach((entry, i) => {
    const heading = `${wrapTitle(entry.title)} [${formatScore(rng)}]`;
    if (i === 0) lines.push(`- ${heading}`);
    else lines.push(`arXiv Detail & Related papers (${related[i - 1]?.dateTime}) - ${heading}`);
    lines.push(...entry.summary);
  });
  const last = related[related.length - 1];
  if (last) lines.push(`arXiv Detail & Related papers (${last.dateTime})`);
  lines.push("Entries above were matched automatically by comparing titles and abstracts.");
  return `${lines.join("\n")}\n`;
}

function renderZhDigest(rng: Rng, paper: Paper): string {
  const category = paper.survey ? "LLM理论" : paper.theme.category;
  const [tag, tag2] = pickDistinct(rng, paper.theme.topicsZh, 2);
  // Some sites explain a category by what the paper is not; such a sentence is no evidence for it.
  const negation = category.startsWith("LLM") && rng() < 0.15 ? "，而不是Agent或RAG相关的研究" : "";
  const reason =
    `这篇论文围绕${pick(rng, paper.theme.tasksZh)}展开，讨论了${tag}与${tag2}在医学场景中的作用${negation}，因此归类为${category}。` +
    `文中的实验与分析主要服务于这一应用目标，${paper.survey ? "以梳理和归纳已有工作为主" : "方法部分也围绕该场景的具体需求设计"}。`;
  const titleLine = rng() < 0.1 ? `# 《${paper.titleZh}》` : `# ${paper.titleZh}`;
  const lines = [
    titleLine,
    "",
    `发布时间：${paper.year}年${pad2(paper.month)}月${pad2(paper.day)}日`,
    "",
    `\`${category}`,
    "",
    `${reason}\` \`${tag}\` \`医疗健康\``,
    "",
    `> ${paper.title}`,
    "",
    "# 摘要",
    "",
    `> ${paper.abstractZh}`,
    "",
    `> ${paper.abstract}`,
    "",
  ];
  if (rng() < 0.3)
    lines.push(`![${paper.titleZh}](../../../paper_images/${paper.arxiv}/x1.png)`, "");
  lines.push(`[Arxiv](https://arxiv.org/abs/${paper.arxiv})`);
  return `${lines.join("\n")}\n`;
}

function renderZhuanzhi(rng: Rng, paper: Paper): string {
  const translation = rng() < 0.3 ? "暂无翻译" : paper.abstractZh;
  const related = createChromeItems(rng, 4 + Math.floor(rng() * 4));
  const news = createChromeItems(rng, 3 + Math.floor(rng() * 4));
  const funds: string[] = [];
  for (let i = 0; i < 3 + Math.floor(rng() * 5); i++) {
    funds.push(
      "国家自然科学基金",
      `${Math.floor(rng() * 20)}+阅读 · ${2012 + Math.floor(rng() * 10)}年12月31日`,
    );
  }
  const lines = [
    paper.abstract,
    "",
    "",
    `翻译:${translation}`,
    "",
    String(Math.floor(rng() * 3)),
    "下载",
    "关闭预览",
    "",
    "相关内容",
    "",
    ...related,
    ...news,
    ...funds,
    "VIP会员",
    "相关VIP内容",
    ...related,
    "相关资讯",
    ...news,
    "相关基金",
    ...funds,
    "Top",
  ];
  return `${lines.join("\n")}\n`;
}

function createChromeItems(rng: Rng, count: number): string[] {
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const title =
      rng() < 0.5
        ? `《${pick(rng, CHROME_SUBJECTS)}${pick(rng, CHROME_FORMS)}》`
        : `${pick(rng, CHROME_ENGLISH)}: ${pick(rng, ["A Tutorial", "Notes", "Revisited", "A Survey"])}`;
    lines.push(
      title,
      pick(rng, CHROME_SOURCES),
      `${1 + Math.floor(rng() * 90)}+阅读 · ${2016 + Math.floor(rng() * 7)}年${1 + Math.floor(rng() * 12)}月${1 + Math.floor(rng() * 28)}日`,
    );
  }
  return lines;
}

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------

function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[Math.floor(rng() * items.length)];
  if (item === undefined)
    throw new LitgraphError("invalid-options", "bench/corpus: cannot pick from an empty list.");
  return item;
}

/** `count` different items (fewer if the list is shorter), in random order. */
function pickDistinct<T>(rng: Rng, items: readonly T[], count: number): T[] {
  const copy = [...items];
  const out: T[] = [];
  while (out.length < count && copy.length > 0) {
    const [item] = copy.splice(Math.floor(rng() * copy.length), 1);
    if (item !== undefined) out.push(item);
  }
  return out;
}

function pickFormat(rng: Rng): Format {
  let r = rng();
  for (const [format, share] of FORMAT_SHARES) {
    if (r < share) return format;
    r -= share;
  }
  return "zhuanzhi";
}

function splitSentences(text: string): string[] {
  return text.split(/(?<=\.)\s+/).filter((s) => s.length > 0);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Title case for a task phrase: each word capitalised except short function words. */
function toTitleCase(phrase: string): string {
  return phrase
    .split(" ")
    .map((word, i) => (i > 0 && SMALL_WORDS.has(word) ? word : capitalize(word)))
    .join(" ");
}

function joinList(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** Wrap a long title onto two lines at the last space before `TITLE_WRAP_WIDTH`, as digest sites do. */
function wrapTitle(title: string): string {
  if (title.length <= TITLE_WRAP_WIDTH) return title;
  const cut = title.lastIndexOf(" ", TITLE_WRAP_WIDTH);
  return cut > 0 ? `${title.slice(0, cut)}\n${title.slice(cut + 1)}` : title;
}

/** `Mon, 22 Jul 2024 12:16:30 GMT` from the paper's first-version date-time. */
function formatHttpDate(paper: Paper): string {
  const weekday = WEEKDAYS[new Date(Date.UTC(paper.year, paper.month - 1, paper.day)).getUTCDay()];
  const time = paper.dateTime.slice(11, 19);
  return `${weekday}, ${pad2(paper.day)} ${MONTHS[paper.month - 1]} ${paper.year} ${time} GMT`;
}

function formatScore(rng: Rng): string {
  return (5 + rng() * 90).toFixed(14);
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}
