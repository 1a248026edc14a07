// graph.json: the built graph in graphology's serialisation format (`graph.export()`), the file the
// explorer and the CLI queries load; plus the reader that checks a file keeps the graph contract.
import Graph from "graphology";
import type { SerializedGraph } from "graphology-types";
import { LitgraphError } from "../errors.ts";
import type { EdgeAttributes, GraphAttributes, LitGraph, NodeAttributes } from "../graph/types.ts";
import { writeJsonChunks } from "./json-chunks.ts";

/** How many problems an `invalid-graph` error lists before it only counts the rest. */
const MAX_LISTED_PROBLEMS = 5;

/**
 * Write `graph` as graph.json: `JSON.stringify(graph.export())` and a trailing newline. Nodes and
 * edges keep the graph's own order (the build adds them in a stable order), so the same graph
 * gives the same bytes.
 */
export function writeGraphJson(graph: LitGraph): string {
  let text = "";
  for (const chunk of writeGraphJsonChunks(graph)) text += chunk;
  return text;
}

/** Chunks are handed out once they reach about this many characters. */
const CHUNK_CHARACTERS = 1 << 16;

/**
 * The text `writeGraphJson` returns, in pieces of about 64 K characters: the same bytes as
 * `JSON.stringify(graph.export())` and a newline, written one node and one edge at a time so
 * that neither the serialised copy of the graph nor the whole text is ever held.
 */
export function* writeGraphJsonChunks(
  graph: LitGraph,
  marks?: ElementMarks,
): Generator<string, void, undefined> {
  const options = { type: graph.type, multi: graph.multi, allowSelfLoops: graph.allowSelfLoops };
  const tracker = createTracker(marks);
  // The head as `graphJsonHead` writes it, with the attributes entry by entry: a million
  // communities' labels are 70 MB of JSON.
  const head = `{"options":${JSON.stringify(options)},"attributes":`;
  tracker.add(head);
  yield head;
  for (const chunk of writeJsonChunks(graph.getAttributes(), 2, CHUNK_CHARACTERS)) {
    tracker.add(chunk);
    yield chunk;
  }
  let buffer = ',"nodes":[';
  tracker.add(buffer);
  let first = true;
  for (const { node, attributes } of graph.nodeEntries()) {
    const separator = first ? "" : ",";
    const element = graphJsonNode(node, attributes);
    buffer += separator + element;
    tracker.element(marks?.nodes, separator, element);
    first = false;
    if (buffer.length >= CHUNK_CHARACTERS) {
      yield buffer;
      buffer = "";
    }
  }
  buffer += GRAPH_JSON_MIDDLE;
  tracker.add(GRAPH_JSON_MIDDLE);
  first = true;
  const mixed = graph.type === "mixed";
  for (const { edge, attributes, source, target, undirected } of graph.edgeEntries()) {
    const separator = first ? "" : ",";
    const element = graphJsonEdge(edge, source, target, attributes, mixed && undirected);
    buffer += separator + element;
    tracker.element(marks?.edges, separator, element);
    first = false;
    if (buffer.length >= CHUNK_CHARACTERS) {
      yield buffer;
      buffer = "";
    }
  }
  yield `${buffer}${GRAPH_JSON_TAIL}`;
}

/**
 * Where each node's and edge's element sits in a written file, for a later build that copies the
 * elements it keeps from this file instead of writing them again. `measure` gives a text's length
 * in bytes (UTF-8; the caller's, as the core has no Buffer); `nodes` and `edges` receive each
 * element's start and end offset, in graph order.
 */
export interface ElementMarks {
  measure: (text: string) => number;
  nodes: number[];
  edges: number[];
}

/** Counts the bytes written so far and records elements' offsets into `ElementMarks`. */
export function createTracker(marks: ElementMarks | undefined): {
  add(text: string): void;
  element(into: number[] | undefined, separator: string, element: string): void;
} {
  let bytes = 0;
  return {
    add(text) {
      if (marks) bytes += marks.measure(text);
    },
    element(into, separator, element) {
      if (!marks || !into) return;
      if (separator) bytes += marks.measure(separator);
      const start = bytes;
      bytes += marks.measure(element);
      into.push(start, bytes);
    },
  };
}

/** graph.json up to its first node: the options and the graph's attributes. */
export function graphJsonHead(options: object, attributes: object): string {
  return `{"options":${JSON.stringify(options)},"attributes":${JSON.stringify(attributes)},"nodes":[`;
}
/** graph.json between its last node and its first edge, and after its last edge. */
export const GRAPH_JSON_MIDDLE = '],"edges":[';
export const GRAPH_JSON_TAIL = "]}\n";

/**
 * One node's element: as JSON.stringify would write `{ key, attributes }` (graphology's export leaves
 * `attributes` out of an element that has none), without building that object.
 */
export function graphJsonNode(key: string, attributes: object): string {
  return isEmpty(attributes)
    ? `{"key":${JSON.stringify(key)}}`
    : `{"key":${JSON.stringify(key)},"attributes":${JSON.stringify(attributes)}}`;
}

/** One edge's element, as graphology's export writes it. */
export function graphJsonEdge(
  key: string,
  source: string,
  target: string,
  attributes: object,
  undirectedInMixed = false,
): string {
  let text = `{"key":${JSON.stringify(key)},"source":${JSON.stringify(source)},"target":${JSON.stringify(target)}`;
  if (!isEmpty(attributes)) text += `,"attributes":${JSON.stringify(attributes)}`;
  return text + (undirectedInMixed ? ',"undirected":true}' : "}");
}

function isEmpty(record: object): boolean {
  for (const _ in record) return false;
  return true;
}

/**
 * Read graph.json text back into a graph, checking the contract first: the graph is undirected,
 * every node has `kind`, `label`, `x`, `y`, `size`, `color`, `community` and `sources` of the
 * right types, and every edge has `kind`, `weight` and `evidence`.
 *
 * @param text The file's text.
 * @param file The file's name, used in error messages.
 * @throws LitgraphError `invalid-graph` naming `file` and the first problems found (up to 5).
 */
export function readGraphJson(text: string, file: string): LitGraph {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw invalidGraph(file, [`it is not JSON (${describeError(error)})`]);
  }
  const problems = findProblems(data);
  if (problems.length > 0) throw invalidGraph(file, problems);

  // Keep the file's self-loop setting, so that writing the graph read back gives the same bytes.
  const options = isRecord(data) && isRecord(data.options) ? data.options : {};
  const graph: LitGraph = new Graph<NodeAttributes, EdgeAttributes, GraphAttributes>({
    type: "undirected",
    multi: true,
    allowSelfLoops: options.allowSelfLoops !== false,
  });
  try {
    graph.import(data as SerializedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>);
  } catch (error) {
    throw invalidGraph(file, [describeError(error)]);
  }
  return graph;
}

function invalidGraph(file: string, problems: readonly string[]): LitgraphError {
  const listed = problems.slice(0, MAX_LISTED_PROBLEMS);
  const more = problems.length - listed.length;
  return new LitgraphError(
    "invalid-graph",
    `export: ${file} is not a litgraph graph: ${listed.join("; ")}` +
      (more > 0 ? `; and ${more} more problem${more === 1 ? "" : "s"}` : "") +
      ". Rebuild it with `litgraph build`.",
  );
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

type Check = (value: unknown) => boolean;

const isString: Check = (value) => typeof value === "string";
const isNonEmptyString: Check = (value) => typeof value === "string" && value !== "";
const isFiniteNumber: Check = (value) => typeof value === "number" && Number.isFinite(value);
const isInteger: Check = (value) => Number.isInteger(value);
const isStringList: Check = (value) => Array.isArray(value) && value.every(isString);
const isEvidenceList: Check = (value) =>
  Array.isArray(value) &&
  value.every((item) => isRecord(item) && isString(item.source) && isString(item.snippet));

/** Required node attributes and what each must be (the graph contract, src/graph/types.ts). */
const NODE_CHECKS: readonly [name: string, check: Check, expected: string][] = [
  ["kind", isNonEmptyString, "a non-empty string"],
  ["label", isString, "a string"],
  ["x", isFiniteNumber, "a finite number"],
  ["y", isFiniteNumber, "a finite number"],
  ["size", isFiniteNumber, "a finite number"],
  ["color", isNonEmptyString, "a non-empty string"],
  ["community", isInteger, "an integer"],
  ["sources", isStringList, "a list of strings"],
];

const EDGE_CHECKS: readonly [name: string, check: Check, expected: string][] = [
  ["kind", isNonEmptyString, "a non-empty string"],
  ["weight", isFiniteNumber, "a finite number"],
  ["evidence", isEvidenceList, "a list of { source, snippet }"],
];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Every contract problem in a parsed graph.json, in file order. */
function findProblems(data: unknown): string[] {
  if (!isRecord(data)) return ["the top level is not an object"];
  const problems: string[] = [];
  const options = data.options;
  if (!isRecord(options) || options.type !== "undirected") {
    const type = isRecord(options) ? String(options.type) : "not given";
    problems.push(`the graph must be undirected (its type is ${type})`);
  }
  if (data.attributes !== undefined && !isRecord(data.attributes)) {
    problems.push("graph attributes are not an object");
  }
  if (Array.isArray(data.nodes)) {
    data.nodes.forEach((node, index) => {
      for (const p of findElementProblems(node, index, "node", NODE_CHECKS)) problems.push(p);
    });
  } else {
    problems.push("there is no node list");
  }
  if (Array.isArray(data.edges)) {
    data.edges.forEach((edge, index) => {
      for (const p of findElementProblems(edge, index, "edge", EDGE_CHECKS)) problems.push(p);
      if (isRecord(edge) && (!isString(edge.source) || !isString(edge.target))) {
        problems.push(`edge ${describeElement(edge, index)} has no source or target`);
      }
    });
  } else {
    problems.push("there is no edge list");
  }
  return problems;
}

function findElementProblems(
  element: unknown,
  index: number,
  what: "node" | "edge",
  checks: readonly [name: string, check: Check, expected: string][],
): string[] {
  if (!isRecord(element)) return [`${what} #${index} is not an object`];
  const name = `${what} ${describeElement(element, index)}`;
  if (what === "node" && !isString(element.key)) return [`${name} has no key`];
  const attributes = element.attributes;
  if (!isRecord(attributes)) return [`${name} has no attributes`];
  const problems: string[] = [];
  for (const [attribute, check, expected] of checks) {
    if (!(attribute in attributes)) {
      problems.push(`${name} has no ${attribute}${hintFor(attribute)}`);
    } else if (!check(attributes[attribute])) {
      problems.push(`${name}: ${attribute} is not ${expected}`);
    }
  }
  return problems;
}

function describeElement(element: Record<string, unknown>, index: number): string {
  return isString(element.key) ? JSON.stringify(element.key) : `#${index}`;
}

/** The pipeline step that sets an attribute, to say what probably did not run. */
function hintFor(attribute: string): string {
  if (attribute === "x" || attribute === "y" || attribute === "size") {
    return " (did the layout step run?)";
  }
  if (attribute === "community" || attribute === "color") {
    return " (did the community step run?)";
  }
  return "";
}
