// Writes a synthetic arXiv metadata snapshot (one JSON object per line, the shape of Kaggle's
// arxiv-metadata-oai-snapshot.json) so that the streaming build can be measured at scale:
//   tsx bench/make-snapshot.ts --records 1000000 --out bench/out/snapshot-1m.jsonl [--seed 7] [--shape trivial]
// Titles and abstracts mix research themes and shared phrases drawn with a skewed distribution, so that
// topics, key terms and similar edges find real work. Seeded: the same size and seed give the same file.
// `--shape trivial` writes the smallest records instead (title `p<i>`, abstract `t`, one author, one
// category, one date): a graph of singletons, which measures what every paper node costs by itself.
import { createWriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { createRng } from "../src/graph/rng.ts";

const USAGE =
  "usage: tsx bench/make-snapshot.ts --records <n> [--out <file>] [--seed <n>] [--shape realistic|trivial]";

/** What the generated records look like: varied research text, or the smallest records there are. */
export type SnapshotShape = "realistic" | "trivial";
const DEFAULT_SEED = 20240601;

/** A research theme: the phrases its papers are about and the category they are filed under. */
interface Theme {
  category: string;
  phrases: readonly string[];
}

const THEMES: readonly Theme[] = [
  {
    category: "cs.CL",
    phrases: [
      "machine translation",
      "low-resource languages",
      "subword tokenization",
      "neural decoding",
      "parallel corpora",
      "translation quality estimation",
    ],
  },
  {
    category: "cs.CL",
    phrases: [
      "question answering",
      "reading comprehension",
      "open-domain retrieval",
      "answer extraction",
      "multi-hop reasoning",
      "passage ranking",
    ],
  },
  {
    category: "cs.CL",
    phrases: [
      "retrieval-augmented generation",
      "dense retrieval",
      "knowledge grounding",
      "hallucination reduction",
      "citation accuracy",
      "document chunking",
    ],
  },
  {
    category: "cs.CL",
    phrases: [
      "instruction tuning",
      "preference optimization",
      "reward modeling",
      "human feedback",
      "alignment tax",
      "helpfulness and harmlessness",
    ],
  },
  {
    category: "cs.CL",
    phrases: [
      "named entity recognition",
      "relation extraction",
      "information extraction",
      "sequence labeling",
      "event detection",
      "span prediction",
    ],
  },
  {
    category: "cs.CL",
    phrases: [
      "sentiment analysis",
      "aspect-based opinion mining",
      "emotion recognition",
      "stance detection",
      "sarcasm detection",
      "review classification",
    ],
  },
  {
    category: "cs.CL",
    phrases: [
      "text summarization",
      "abstractive summaries",
      "factual consistency",
      "long document modeling",
      "extractive selection",
      "summary evaluation",
    ],
  },
  {
    category: "cs.CL",
    phrases: [
      "speech recognition",
      "acoustic modeling",
      "end-to-end speech",
      "spoken language understanding",
      "speaker adaptation",
      "streaming transducers",
    ],
  },
  {
    category: "cs.AI",
    phrases: [
      "language agents",
      "tool use",
      "task planning",
      "multi-agent collaboration",
      "web navigation",
      "self-reflection",
    ],
  },
  {
    category: "cs.AI",
    phrases: [
      "knowledge graphs",
      "link prediction",
      "graph embeddings",
      "entity alignment",
      "ontology reasoning",
      "commonsense knowledge",
    ],
  },
  {
    category: "cs.LG",
    phrases: [
      "graph neural networks",
      "message passing",
      "node classification",
      "over-smoothing",
      "graph transformers",
      "molecular property prediction",
    ],
  },
  {
    category: "cs.LG",
    phrases: [
      "reinforcement learning",
      "policy gradient",
      "offline reinforcement learning",
      "exploration bonus",
      "value estimation",
      "sample efficiency",
    ],
  },
  {
    category: "cs.LG",
    phrases: [
      "federated learning",
      "client heterogeneity",
      "communication efficiency",
      "differential privacy",
      "secure aggregation",
      "personalized models",
    ],
  },
  {
    category: "cs.LG",
    phrases: [
      "model compression",
      "knowledge distillation",
      "weight quantization",
      "structured pruning",
      "low-rank adaptation",
      "efficient inference",
    ],
  },
  {
    category: "cs.LG",
    phrases: [
      "continual learning",
      "catastrophic forgetting",
      "replay buffers",
      "task-incremental learning",
      "parameter isolation",
      "stability and plasticity",
    ],
  },
  {
    category: "cs.LG",
    phrases: [
      "diffusion models",
      "score matching",
      "denoising objectives",
      "sampling speed",
      "classifier-free guidance",
      "latent diffusion",
    ],
  },
  {
    category: "cs.CV",
    phrases: [
      "object detection",
      "anchor-free detectors",
      "bounding box regression",
      "small object detection",
      "detection transformers",
      "feature pyramids",
    ],
  },
  {
    category: "cs.CV",
    phrases: [
      "semantic segmentation",
      "medical image segmentation",
      "boundary refinement",
      "weakly supervised segmentation",
      "encoder-decoder networks",
      "panoptic segmentation",
    ],
  },
  {
    category: "cs.CV",
    phrases: [
      "vision-language models",
      "image captioning",
      "visual question answering",
      "contrastive pretraining",
      "cross-modal retrieval",
      "visual grounding",
    ],
  },
  {
    category: "cs.CV",
    phrases: [
      "video understanding",
      "action recognition",
      "temporal modeling",
      "video generation",
      "motion estimation",
      "optical flow",
    ],
  },
  {
    category: "cs.CV",
    phrases: [
      "3d reconstruction",
      "neural radiance fields",
      "point clouds",
      "depth estimation",
      "novel view synthesis",
      "gaussian splatting",
    ],
  },
  {
    category: "cs.CR",
    phrases: [
      "adversarial examples",
      "adversarial robustness",
      "backdoor attacks",
      "membership inference",
      "jailbreak prompts",
      "certified defenses",
    ],
  },
  {
    category: "cs.RO",
    phrases: [
      "robot manipulation",
      "motion planning",
      "imitation learning",
      "sim-to-real transfer",
      "grasp detection",
      "legged locomotion",
    ],
  },
  {
    category: "cs.IR",
    phrases: [
      "recommender systems",
      "collaborative filtering",
      "click-through rate prediction",
      "sequential recommendation",
      "cold-start users",
      "learning to rank",
    ],
  },
  {
    category: "cs.HC",
    phrases: [
      "user studies",
      "interactive visualization",
      "accessibility",
      "crowdsourcing",
      "human-ai collaboration",
      "explainable interfaces",
    ],
  },
  {
    category: "q-bio.QM",
    phrases: [
      "protein structure prediction",
      "single-cell sequencing",
      "drug discovery",
      "gene expression",
      "molecular docking",
      "protein language models",
    ],
  },
  {
    category: "physics.med-ph",
    phrases: [
      "clinical decision support",
      "electronic health records",
      "medical question answering",
      "radiology report generation",
      "patient triage",
      "clinical notes",
    ],
  },
  {
    category: "stat.ML",
    phrases: [
      "bayesian inference",
      "variational inference",
      "gaussian processes",
      "uncertainty quantification",
      "causal inference",
      "conformal prediction",
    ],
  },
  {
    category: "eess.SP",
    phrases: [
      "signal denoising",
      "channel estimation",
      "beamforming",
      "sparse recovery",
      "radar sensing",
      "spectrum sensing",
    ],
  },
  {
    category: "math.OC",
    phrases: [
      "convex optimization",
      "stochastic gradient descent",
      "convergence rates",
      "saddle points",
      "distributed optimization",
      "proximal methods",
    ],
  },
];

/** Words any paper may use, drawn with a skewed distribution (the first ones most often). */
const COMMON = [
  "model",
  "method",
  "approach",
  "framework",
  "data",
  "performance",
  "results",
  "task",
  "training",
  "learning",
  "network",
  "benchmark",
  "evaluation",
  "accuracy",
  "baseline",
  "dataset",
  "experiments",
  "representation",
  "architecture",
  "objective",
  "robust",
  "efficient",
  "scalable",
  "novel",
  "simple",
  "effective",
  "generalization",
  "analysis",
  "theory",
  "empirical",
  "large-scale",
  "pretrained",
  "transformer",
  "attention",
  "encoder",
  "decoder",
  "embedding",
  "loss",
  "signal",
  "inference",
  "latency",
  "memory",
  "hardware",
  "privacy",
  "fairness",
  "bias",
  "calibration",
  "interpretability",
  "annotation",
  "supervision",
  "labels",
  "noise",
  "domain",
  "shift",
  "transfer",
  "adaptation",
  "zero-shot",
  "few-shot",
  "prompting",
  "scaling",
  "compute",
  "budget",
  "ablation",
  "component",
  "module",
  "pipeline",
  "stage",
  "layer",
  "parameter",
  "capacity",
  "sparsity",
  "quantity",
  "quality",
];

const VERBS = [
  "propose",
  "introduce",
  "present",
  "study",
  "investigate",
  "develop",
  "analyze",
  "revisit",
];
const CLAIMS = [
  "outperforms strong baselines",
  "reduces the error rate",
  "improves robustness",
  "matches prior work at lower cost",
  "generalizes to unseen domains",
  "sets a new state of the art",
  "halves the memory footprint",
  "scales to millions of examples",
];
const OPENERS = [
  "Towards",
  "Rethinking",
  "Learning",
  "Scaling",
  "Understanding",
  "Improving",
  "Efficient",
  "Robust",
];
const BENCHMARKS = [
  "GLUE",
  "SQuAD",
  "ImageNet",
  "COCO",
  "MMLU",
  "HumanEval",
  "WMT14",
  "LibriSpeech",
  "KITTI",
  "MovieLens",
];
const FAMILY = [
  "Wang",
  "Li",
  "Zhang",
  "Smith",
  "Müller",
  "Garcia",
  "Kim",
  "Nguyen",
  "Rossi",
  "Ivanova",
  "Okafor",
  "Sato",
  "Dubois",
  "Silva",
  "Cohen",
  "Novak",
];
const GIVEN = [
  "A.",
  "B.",
  "C.",
  "D.",
  "E.",
  "F.",
  "G.",
  "H.",
  "J.",
  "K.",
  "L.",
  "M.",
  "N.",
  "P.",
  "R.",
  "S.",
  "T.",
  "Y.",
];
const DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function parse(
  argv: string[],
): { records: number; out: string; seed: number; shape: SnapshotShape } | string {
  let values: { records?: string; out?: string; seed?: string; shape?: string };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        records: { type: "string", short: "n" },
        out: { type: "string", short: "o" },
        seed: { type: "string" },
        shape: { type: "string" },
      },
      strict: true,
    }));
  } catch (error) {
    return (error as Error).message;
  }
  const records = Number(values.records);
  const seed = values.seed === undefined ? DEFAULT_SEED : Number(values.seed);
  if (!Number.isInteger(records) || records < 0) return "--records must be a non-negative integer";
  if (!Number.isInteger(seed)) return "--seed must be an integer";
  const shape = values.shape ?? "realistic";
  if (shape !== "realistic" && shape !== "trivial") return "--shape must be realistic or trivial";
  return {
    records,
    seed,
    shape,
    out: path.resolve(values.out ?? path.join("bench", "out", `snapshot-${records}.jsonl`)),
  };
}

/** One snapshot line for record `index` (1-based) of the given shape. */
export function makeSnapshotLine(shape: SnapshotShape, index: number, rng: () => number): string {
  return shape === "trivial" ? trivialSnapshotLine(index) : snapshotLine(index, rng);
}

/**
 * The smallest record: ids unique in blocks of 99,999 a month from 2015-01 on, title `p<i>`, abstract
 * `t`, one author and category, all of one date. Nothing links two of them.
 */
export function trivialSnapshotLine(index: number): string {
  const i = index - 1;
  return JSON.stringify({
    id: `${1501 + Math.floor(i / 99_999)}.${String(i % 99_999).padStart(5, "0")}`,
    title: `p${i}`,
    abstract: "t",
    authors: "A",
    categories: "cs.CL",
    versions: [{ version: "v1", created: "Mon, 1 Jan 2023 00:00:00 GMT" }],
  });
}

/** One snapshot line for record `index`. */
export function snapshotLine(index: number, rng: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rng() * list.length)] as T;
  /** Skewed pick: low indices far more often than high ones. */
  const skewed = <T>(list: readonly T[]): T => list[Math.floor(rng() * rng() * list.length)] as T;
  const theme = skewed(THEMES);
  const other = pick(THEMES);
  const main = pick(theme.phrases);
  const second = pick(theme.phrases);
  const borrowed = pick(other.phrases);
  const title = `${pick(OPENERS)} ${main} with ${second} for ${borrowed} (p${index})`;
  const sentences = [
    `We ${pick(VERBS)} a ${skewed(COMMON)} ${skewed(COMMON)} for ${main} that relies on ${second}.`,
    `Prior ${skewed(COMMON)} on ${main} treats ${pick(theme.phrases)} and ${borrowed} separately, which limits ${skewed(COMMON)}.`,
    `Our ${skewed(COMMON)} combines ${pick(theme.phrases)} with a ${skewed(COMMON)} ${skewed(COMMON)} and ${skewed(COMMON)} ${skewed(COMMON)}.`,
    `Experiments on ${pick(BENCHMARKS)} and ${pick(BENCHMARKS)} show that it ${pick(CLAIMS)}.`,
    `We further ${pick(VERBS)} the role of ${pick(theme.phrases)} and ${skewed(COMMON)} in ${pick(other.phrases)}.`,
    `Code and ${skewed(COMMON)} are released to support future ${skewed(COMMON)} on ${main}.`,
  ];
  const abstract = sentences.slice(0, 3 + Math.floor(rng() * 4)).join(" ");
  const authorCount = 1 + Math.floor(rng() * 5);
  const parsed: string[][] = [];
  for (let i = 0; i < authorCount; i++) parsed.push([pick(FAMILY), pick(GIVEN), ""]);
  // Ids are unique: each block of 99,999 records gets its own month, as arXiv numbers papers per month.
  const block = Math.floor((index - 1) / 99_999);
  const year = 2015 + (block % 10);
  const month = Math.floor(block / 10) % 12;
  const day = 1 + Math.floor(rng() * 28);
  const categories =
    theme.category === other.category ? theme.category : `${theme.category} ${other.category}`;
  const yy = String(year % 100).padStart(2, "0");
  const mm = String(month + 1).padStart(2, "0");
  return JSON.stringify({
    id: `${yy}${mm}.${String(((index - 1) % 99_999) + 1).padStart(5, "0")}`,
    submitter: parsed[0]?.[1],
    authors: parsed.map(([family, given]) => `${given} ${family}`).join(", "),
    title,
    comments: null,
    "journal-ref": null,
    doi: null,
    categories,
    abstract: `  ${abstract}\n`,
    versions: [
      { version: "v1", created: `${pick(DAYS)}, ${day} ${MONTHS[month]} ${year} 00:00:00 GMT` },
    ],
    update_date: `${year}-${mm}-${String(day).padStart(2, "0")}`,
    authors_parsed: parsed,
  });
}

async function run(argv: string[]): Promise<number> {
  const options = parse(argv);
  if (typeof options === "string") {
    console.error(`make-snapshot: ${options}\n${USAGE}`);
    return 2;
  }
  await mkdir(path.dirname(options.out), { recursive: true });
  const rng = createRng(options.seed);
  const out = createWriteStream(options.out, { encoding: "utf8" });
  let bytes = 0;
  let batch: string[] = [];
  for (let i = 1; i <= options.records; i++) {
    batch.push(makeSnapshotLine(options.shape, i, rng));
    if (batch.length === 10_000 || i === options.records) {
      const chunk = `${batch.join("\n")}\n`;
      bytes += Buffer.byteLength(chunk);
      batch = [];
      if (!out.write(chunk))
        await new Promise<void>((resolve) => out.once("drain", () => resolve()));
    }
  }
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
  console.error(
    `make-snapshot: ${options.records} ${options.shape} records, ${(bytes / 1e6).toFixed(1)} MB, seed ${options.seed}, written to ${options.out}`,
  );
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`)
  process.exitCode = await run(process.argv.slice(2));
