// The shipped taxonomy and benchmark gazetteer: a hierarchy whose parents exist and never loop, every
// topic the tests and the graph contract name, and benchmarks described by modality, language and task.
import { describe, expect, it } from "vitest";
import { readDataJson } from "./_corpus.ts";

interface Topic {
  id: string;
  label: string;
  labelZh?: string;
  parent?: string;
  aliases: string[];
  aliasesZh?: string[];
}
interface Benchmark {
  slug: string;
  name: string;
  aliases?: string[];
  modality?: string;
  language?: string;
  task?: string;
}

const TOPICS = (readDataJson("taxonomy.json") as { topics: Topic[] }).topics;
const BENCHMARKS = readDataJson("benchmarks.json") as Benchmark[];

/** The topic ids other tests and the documentation rely on. */
const KEPT_TOPICS = [
  "rag",
  "agents",
  "multimodal",
  "radiology",
  "pathology",
  "medical-imaging",
  "evaluation",
  "benchmarks",
  "knowledge-graphs",
  "alignment",
  "fine-tuning",
  "instruction-tuning",
  "pretraining",
  "knowledge-distillation",
  "clinical-decision-support",
  "clinical-reasoning",
  "report-generation",
  "medical-education",
  "question-answering",
  "ehr",
  "information-extraction",
  "medication-recommendation",
  "chinese-medical",
  "trustworthiness",
  "hallucination",
  "fairness",
  "privacy",
  "robustness",
  "safety",
];

/** The chain of parents above a topic; throws on a cycle or a missing parent. */
function ancestorsOf(id: string, byId: Map<string, Topic>): string[] {
  const chain: string[] = [];
  let current = byId.get(id)?.parent;
  while (current !== undefined) {
    if (chain.includes(current) || current === id) throw new Error(`cycle through ${current}`);
    if (!byId.has(current)) throw new Error(`unknown parent ${current}`);
    chain.push(current);
    current = byId.get(current)?.parent;
  }
  return chain;
}

describe("data/taxonomy.json", () => {
  const byId = new Map(TOPICS.map((topic) => [topic.id, topic]));

  it("keeps every topic id the tests and the graph contract use", () => {
    for (const id of KEPT_TOPICS) expect(byId.has(id), id).toBe(true);
  });

  it("gives each topic a unique id, labels in both languages and English aliases", () => {
    expect(byId.size).toBe(TOPICS.length);
    for (const topic of TOPICS) {
      expect(topic.label.length).toBeGreaterThan(0);
      expect(topic.labelZh?.length ?? 0).toBeGreaterThan(0);
      expect(topic.aliases.length).toBeGreaterThan(0);
    }
  });

  it.each(TOPICS.map((topic) => topic.id))("%s has parents that exist and no cycle", (id) => {
    expect(() => ancestorsOf(id, byId)).not.toThrow();
    expect(ancestorsOf(id, byId).length).toBeLessThanOrEqual(3);
  });

  it("arranges the families a researcher expects", () => {
    const under = (parent: string) =>
      TOPICS.filter((topic) => ancestorsOf(topic.id, byId).includes(parent)).map((t) => t.id);
    expect(under("multimodal")).toEqual(
      expect.arrayContaining(["radiology", "pathology", "medical-imaging", "report-generation"]),
    );
    expect(under("agents")).toEqual(expect.arrayContaining(["clinical-simulation"]));
    expect(under("evaluation")).toContain("benchmarks");
    expect(under("trustworthiness")).toEqual(
      expect.arrayContaining(["hallucination", "fairness", "privacy", "robustness", "safety"]),
    );
    expect(under("rag")).toContain("knowledge-graphs");
  });

  it("shares no alias between two topics", () => {
    const owner = new Map<string, string>();
    for (const topic of TOPICS) {
      for (const alias of [...topic.aliases, ...(topic.aliasesZh ?? [])]) {
        const key = alias.toLowerCase();
        expect(owner.get(key) ?? topic.id, `"${alias}"`).toBe(topic.id);
        owner.set(key, topic.id);
      }
    }
  });

  it("can fail: a loop of parents is reported", () => {
    const loop = new Map<string, Topic>([
      ["a", { id: "a", label: "A", parent: "b", aliases: ["a"] }],
      ["b", { id: "b", label: "B", parent: "a", aliases: ["b"] }],
    ]);
    expect(() => ancestorsOf("a", loop)).toThrow(/cycle/);
    expect(() =>
      ancestorsOf(
        "x",
        new Map([["x", { id: "x", label: "X", parent: "nowhere", aliases: ["x"] }]]),
      ),
    ).toThrow(/unknown parent/);
  });
});

describe("data/benchmarks.json", () => {
  it.each(BENCHMARKS.map((b) => [b.slug, b] as const))(
    "%s has a name, a modality, a language and a task",
    (_slug, benchmark) => {
      expect(benchmark.slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(benchmark.name.length).toBeGreaterThan(0);
      expect(["text", "image", "multimodal", "ehr"]).toContain(benchmark.modality);
      expect(["en", "zh", "multi"]).toContain(benchmark.language);
      expect((benchmark.task ?? "").length).toBeGreaterThan(10);
    },
  );

  it("keeps the slugs other tests use and has unique slugs and names", () => {
    const slugs = BENCHMARKS.map((b) => b.slug);
    for (const slug of ["medqa", "medmcqa", "pubmedqa", "mmlu", "multimedqa", "cmb", "cmexam"])
      expect(slugs).toContain(slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    const names = BENCHMARKS.flatMap((b) =>
      [b.name, ...(b.aliases ?? [])].map((n) => n.toLowerCase()),
    );
    expect(new Set(names).size).toBe(names.length);
  });

  it("leaves CliMedBench and MedS-Bench out: they are discovered from the text", () => {
    const names = BENCHMARKS.flatMap((b) => [b.slug, b.name, ...(b.aliases ?? [])]).map((n) =>
      n.toLowerCase(),
    );
    for (const name of ["climedbench", "meds-bench"]) expect(names).not.toContain(name);
  });
});
