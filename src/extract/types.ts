// Shapes of the extract stage: source records in, papers with their mentions (survey, topics,
// benchmarks, repositories) out, each mention carrying the evidence that created it.
import type { PaperRecord } from "../ingest/types.ts";

/** Which document, and which words in it, created a fact or a link. */
export interface Evidence {
  source: string;
  snippet: string;
}

export interface SurveyFinding {
  isSurvey: boolean;
  evidence?: Evidence;
}

export interface TopicMention {
  /** Topic id from the taxonomy, e.g. `rag`. */
  topic: string;
  evidence: Evidence;
}

export type BenchmarkRelation = "introduces" | "evaluates";

export interface BenchmarkMention {
  /** Stable slug, e.g. `medqa`, `climedbench`. */
  slug: string;
  /** The name as a person writes it, e.g. `CliMedBench`. */
  name: string;
  relation: BenchmarkRelation;
  /** true when the name is in the gazetteer, false when it was discovered in the text. */
  known: boolean;
  /** Other names the record gives it, e.g. the long name an acronym stands for. */
  aliases?: string[];
  evidence: Evidence;
}

export interface RepoMention {
  /** `owner/name`, lower-cased. */
  repo: string;
  url: string;
  evidence: Evidence;
}

/** A paper record with everything extract found in it. */
export interface ExtractedPaper {
  record: PaperRecord;
  survey: SurveyFinding;
  topics: TopicMention[];
  benchmarks: BenchmarkMention[];
  repos: RepoMention[];
}

/** A topic of the taxonomy (data/taxonomy.json). */
export interface TopicDefinition {
  id: string;
  label: string;
  labelZh?: string;
  /** Parent topic id, for a hierarchy such as evaluation → hallucination. */
  parent?: string;
  /** English aliases, matched case-insensitively on word boundaries. */
  aliases: string[];
  /** Chinese aliases, matched as substrings. */
  aliasesZh: string[];
  /**
   * Phrases in which an alias does not count for this topic, in either language (`contrast agent`
   * for `agents`, `序列对齐` for `alignment`). Matched like the aliases.
   */
  excludes?: string[];
  /**
   * The field this topic belongs to (an id of `Taxonomy.domains`, e.g. `medicine`). A domain topic is
   * assigned only when the paper's own text (title, abstract, keywords) has a term of that domain;
   * topics without a domain are true in any field.
   */
  domain?: string;
  /**
   * What the paper's prose must show besides mentioning the topic. `introduced-benchmark`: a topic
   * every experimental paper mentions in passing ("we evaluate on three benchmarks"); its prose
   * mentions make it the paper's topic only when the paper introduces a benchmark or dataset. A
   * title, tag, keyword, list heading or category label that names it still counts.
   */
  proseNeeds?: "introduced-benchmark";
  /**
   * Words that name the topic only where the record presents its subject: in a title, tag, keyword,
   * list heading or category label ("Evaluating LLMs as agents"), not in its prose, where they say
   * what the paper does on the way ("we evaluate on…"). English or Chinese, matched like the aliases.
   */
  headingAliases?: string[];
}

/** A field and the words that show a paper is about it (`medical`, `patient`, `临床`, …). */
export interface DomainDefinition {
  id: string;
  /** Matched like topic aliases: English words ignoring case (acronyms by case), Chinese as substrings. */
  terms: string[];
}

export interface Taxonomy {
  topics: TopicDefinition[];
  /** Fields that domain topics need evidence of. Default none. */
  domains?: DomainDefinition[];
}

/** A known benchmark (data/benchmarks.json). */
export interface BenchmarkDefinition {
  slug: string;
  name: string;
  aliases: string[];
  modality?: string;
  language?: string;
  task?: string;
  /** Match the name and aliases in exact letter case only (`Natural Questions`, `QuALITY`). */
  caseSensitive?: boolean;
  /**
   * A short name that is also an ordinary word or acronym (`ARC`, `MATH`, `Spider`): it counts only
   * in exact case and where the sentence speaks of benchmarks, evaluation or other benchmarks.
   */
  needsContext?: boolean;
}

/** What extract reads the text with: the taxonomy and the benchmark gazetteer. */
export interface ExtractContext {
  taxonomy: Taxonomy;
  benchmarks: BenchmarkDefinition[];
}
