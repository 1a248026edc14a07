// The graph contract (see DESIGN.md): node, edge and graph attributes of a litgraph graph.
// Every stage after resolve, the exporters and the explorer speak these types.
import type Graph from "graphology";
import type { Evidence } from "../extract/types.ts";

/** `collection`: a curated list (an awesome-list README) that `lists` papers. */
export type NodeKind = "paper" | "survey" | "topic" | "benchmark" | "collection";

/**
 * `broader` joins a topic to its parent topic in the taxonomy (SKOS's word for it); `similar` joins
 * a paper to the papers whose titles and abstracts are nearest to its own.
 */
export type EdgeKind =
  | "related"
  | "covers"
  | "evaluates"
  | "introduces"
  | "lists"
  | "broader"
  | "companion"
  | "similar";

export type TopicOrigin = "taxonomy" | "discovered";

export interface NodeAttributes {
  kind: NodeKind;
  label: string;
  arxiv?: string;
  doi?: string;
  /** ACL Anthology id, PubMed id and OpenReview id of a paper known by one. */
  acl?: string;
  pmid?: string;
  openreview?: string;
  /** The venue a source names for a paper (`NeurIPS 2023`, `Nature Medicine`). */
  venue?: string;
  title?: string;
  titleZh?: string;
  abstract?: string;
  abstractZh?: string;
  year?: number;
  date?: string;
  authors?: string[];
  urls?: string[];
  /** Parent topic key for topics in a hierarchy. */
  parent?: string;
  /** Where a topic comes from: the taxonomy, or key terms discovered in the corpus itself. */
  origin?: TopicOrigin;
  /**
   * Other names of a benchmark: the gazetteer's aliases, or the long name a document defines an
   * acronym with ("Medical Visual Hallucination Test" for MedVH).
   */
  aliases?: string[];
  /** Benchmark facts from the gazetteer. */
  modality?: string;
  language?: string;
  task?: string;
  community: number;
  x: number;
  y: number;
  size: number;
  color: string;
  sources: string[];
}

export interface EdgeAttributes {
  kind: EdgeKind;
  weight: number;
  evidence: Evidence[];
  /** Relevance score a listing gave, for `related` edges when one was given. */
  score?: number;
  /** For `lists` edges: the section paths (`Models › Multimodal`) the paper is listed under. */
  sections?: string[];
}

export interface CommunityInfo {
  label: string;
  size: number;
  color: string;
  /** The topics, benchmarks or terms the label was made from. */
  terms: string[];
}

export interface GraphAttributes {
  version: string;
  modularity: number;
  communities: Record<string, CommunityInfo>;
  /** Number of documents read per format. */
  builtFrom: Record<string, number>;
}

export type LitGraph = Graph<NodeAttributes, EdgeAttributes, GraphAttributes>;
