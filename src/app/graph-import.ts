// Opening a graph file in the explorer: graph.json (the litgraph contract, or any graphology export
// with positions) and GEXF (graphology-gexf's parser), both turned into a LitGraph ready to draw.
// Nothing is laid out here: a graph without positions is refused with a message saying how to fix it.
import Graph from "graphology";
import { parse as parseGexfDocument } from "graphology-gexf";
import type { Attributes } from "graphology-types";
import { LitgraphError } from "../errors.ts";
import { EVIDENCE_SEPARATOR, LIST_SEPARATOR, readGraphJson } from "../export/index.ts";
import type { Evidence } from "../extract/types.ts";
import type {
  EdgeAttributes,
  EdgeKind,
  GraphAttributes,
  LitGraph,
  NodeAttributes,
  NodeKind,
} from "../graph/types.ts";

/** Colour of nodes that come without one. */
export const FALLBACK_NODE_COLOR = "#7c8799";

/** Whether text looks like a GEXF (XML) document rather than JSON. */
export function looksLikeGexf(text: string): boolean {
  return /^\s*(?:\uFEFF)?</.test(text);
}

/**
 * Read a graph file's text. graph.json that keeps the contract is read as is (readGraphJson); other
 * graphology exports are accepted when every node has a position, with defaults for what they lack
 * (kind `paper`, label = key, community 0). GEXF is parsed and its flattened lists split again.
 *
 * @throws LitgraphError `invalid-graph` naming `file` and what is wrong.
 */
export function parseGraphText(text: string, file: string): LitGraph {
  if (looksLikeGexf(text)) return readGexf(text, file);
  if (/^\s*\{\s*"format"\s*:\s*"litgraph-explorer"/.test(text)) {
    throw new LitgraphError(
      "invalid-graph",
      `${file} is the explorer's map of a build, whose details live in files beside it: open graph.json (or graph.gexf) of that build instead, or serve its folder and open it with ?graph=.`,
    );
  }
  try {
    return readGraphJson(text, file);
  } catch (error) {
    if (!(error instanceof LitgraphError)) throw error;
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      throw error;
    }
    const lenient = readForeignGraph(data, file);
    if (lenient === undefined) throw error;
    return lenient;
  }
}

/** A graphology export that does not keep the contract but can still be drawn, or undefined. */
function readForeignGraph(data: unknown, file: string): LitGraph | undefined {
  if (!isRecord(data) || !Array.isArray(data.nodes)) return undefined;
  const source = new Graph({ multi: true, type: "mixed" });
  try {
    source.import(data as never);
  } catch {
    return undefined;
  }
  return normalizeGraph(source, file, (attributes) => attributes);
}

function readGexf(text: string, file: string): LitGraph {
  let source: Graph;
  try {
    source = parseGexfDocument(Graph, text, {
      addMissingNodes: true,
      allowUndeclaredAttributes: true,
    });
  } catch (error) {
    throw new LitgraphError(
      "invalid-graph",
      `${file} is not a GEXF document this explorer can read: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return normalizeGraph(source, file, splitFlattenedFields);
}

/** GEXF keeps lists and evidence as joined strings (src/export/fields.ts): split them again. */
function splitFlattenedFields(attributes: Attributes): Attributes {
  const out: Attributes = { ...attributes };
  for (const name of ["authors", "urls", "sources"]) {
    if (typeof out[name] === "string") out[name] = splitList(out[name]);
  }
  if (typeof out.evidence === "string") out.evidence = parseFlattenedEvidence(out.evidence);
  return out;
}

/** Split a list attribute joined with `; `. */
export function splitList(text: string): string[] {
  return text === "" ? [] : text.split(LIST_SEPARATOR).map((item) => item.trim());
}

/**
 * Parse `source: snippet | source: snippet` back into evidence, as well as it can: the flattened
 * form is meant for reading, so a snippet that itself contains ` | ` comes back split in two.
 */
export function parseFlattenedEvidence(text: string): Evidence[] {
  if (text.trim() === "") return [];
  return text.split(EVIDENCE_SEPARATOR).map((item) => {
    const colon = item.indexOf(": ");
    return colon < 0
      ? { source: "", snippet: item.trim() }
      : { source: item.slice(0, colon).trim(), snippet: item.slice(colon + 2).trim() };
  });
}

/** Copy any graph into an undirected multi LitGraph, filling in what the contract needs. */
function normalizeGraph(
  source: Graph,
  file: string,
  prepare: (attributes: Attributes) => Attributes,
): LitGraph {
  const graph: LitGraph = new Graph<NodeAttributes, EdgeAttributes, GraphAttributes>({
    type: "undirected",
    multi: true,
  });
  const missing: string[] = [];
  source.forEachNode((key, raw) => {
    const attributes = prepare(raw);
    const x = Number(attributes.x);
    const y = Number(attributes.y);
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      missing.push(key);
      return;
    }
    graph.addNode(key, {
      ...attributes,
      kind: (typeof attributes.kind === "string" && attributes.kind !== ""
        ? attributes.kind
        : "paper") as NodeKind,
      label: typeof attributes.label === "string" ? attributes.label : key,
      x,
      y,
      size: positiveOr(attributes.size, 4),
      color:
        typeof attributes.color === "string" && attributes.color !== ""
          ? attributes.color
          : FALLBACK_NODE_COLOR,
      community: Number.isInteger(Number(attributes.community)) ? Number(attributes.community) : 0,
      sources: Array.isArray(attributes.sources) ? attributes.sources.map(String) : [],
      ...(attributes.year !== undefined && Number.isInteger(Number(attributes.year))
        ? { year: Number(attributes.year) }
        : {}),
    });
  });
  if (missing.length > 0) {
    throw new LitgraphError(
      "invalid-graph",
      `${file}: ${missing.length} node${missing.length === 1 ? " has" : "s have"} no x/y position (first: ${JSON.stringify(missing[0])}). The explorer draws the layout stored in the file; build the graph with \`litgraph build\`, or lay it out in Gephi, and open it again.`,
    );
  }
  source.forEachEdge((edge, raw, from, to) => {
    if (from === to) return;
    const attributes = prepare(raw);
    graph.addEdgeWithKey(edge, from, to, {
      ...attributes,
      kind: (typeof attributes.kind === "string" && attributes.kind !== ""
        ? attributes.kind
        : "related") as EdgeKind,
      weight: positiveOr(attributes.weight, 1),
      evidence: Array.isArray(attributes.evidence) ? (attributes.evidence as Evidence[]) : [],
    });
  });
  const attributes = source.getAttributes();
  graph.replaceAttributes({
    version: String(attributes.version ?? ""),
    modularity: Number(attributes.modularity ?? 0),
    communities: isRecord(attributes.communities)
      ? (attributes.communities as GraphAttributes["communities"])
      : {},
    builtFrom: isRecord(attributes.builtFrom)
      ? (attributes.builtFrom as GraphAttributes["builtFrom"])
      : {},
  });
  return graph;
}

function positiveOr(value: unknown, fallback: number): number {
  const number = Number(value);
  return Number.isFinite(number) && number > 0 ? number : fallback;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
