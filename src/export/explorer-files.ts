// The explorer's files: a compact map (explorer.json) with only what the first frame, the legend,
// the filters and hover need, a search file (explorer-search.json) read after the first frame, and
// the details of every node (abstracts, authors, urls, sources, the evidence of its links) in shards
// under explorer-details/, fetched when a node is opened. graph.json stays the full contract; these
// files are a second, faster way for the explorer to read the same graph.
import Graph from "graphology";
import { LitgraphError } from "../errors.ts";
import type { Evidence } from "../extract/types.ts";
import { edgeKey } from "../graph/build.ts";
import type {
  EdgeAttributes,
  EdgeKind,
  GraphAttributes,
  LitGraph,
  NodeAttributes,
  NodeKind,
} from "../graph/types.ts";
import { writeJsonChunks } from "./json-chunks.ts";

/** The `format` field of explorer.json. */
export const EXPLORER_FORMAT = "litgraph-explorer";
export const EXPLORER_VERSION = 1;
/** File names, relative to the folder that holds graph.json. */
export const EXPLORER_FILE = "explorer.json";
export const EXPLORER_SEARCH_FILE = "explorer-search.json";
export const EXPLORER_DETAILS_FOLDER = "explorer-details";

/** Node attributes the map itself carries; every other attribute lives in the details. */
const MAP_NODE_ATTRIBUTES = new Set([
  "kind",
  "label",
  "x",
  "y",
  "size",
  "color",
  "community",
  "year",
]);
/** Edge attributes the map carries; the rest (evidence, sections, score) live in the details. */
const MAP_EDGE_ATTRIBUTES = new Set(["kind", "weight"]);
/** Node attributes of the search file, in the order of its rows. */
export const SEARCH_FIELDS = ["title", "titleZh", "arxiv", "authors", "aliases"] as const;

export interface ExplorerFilesOptions {
  /**
   * Nodes per details shard on average (default 64): a shard is one fetch when a node is opened,
   * so it stays small; the number of shards is the node count divided by this, at least 1.
   */
  nodesPerShard?: number;
}

export const DEFAULT_EXPLORER_FILES_OPTIONS: Required<ExplorerFilesOptions> = {
  nodesPerShard: 64,
};

/** What explorer.json says about its details shards. */
export interface ExplorerDetailsInfo {
  folder: string;
  shards: number;
}

/** The parsed explorer.json. Nodes are rows; edges a flat list of source, target, kind, weight. */
export interface ExplorerMap {
  format: typeof EXPLORER_FORMAT;
  version: number;
  options: { allowSelfLoops: boolean };
  attributes: GraphAttributes;
  kinds: NodeKind[];
  edgeKinds: EdgeKind[];
  colors: string[];
  /** [key, label, kind index, x, y, size, colour index, community, year?] */
  nodes: (string | number)[][];
  /** Four numbers per edge: source index, target index, kind index, weight. */
  edges: number[];
  /** Keys of edges whose key is not `${kind}:${source}|${target}`, by edge index. */
  edgeKeys: Record<string, string>;
  search: string;
  details: ExplorerDetailsInfo;
}

/** One node's entry in a details shard. */
export interface NodeDetails {
  /** Node attributes the map leaves out. */
  attributes: Partial<NodeAttributes>;
  /** [edge index, edge attributes the map leaves out] of each of its edges that has any. */
  edges: [number, Partial<EdgeAttributes>][];
}

/** A details shard: node key → its details. */
export interface DetailsShard {
  nodes: Record<string, NodeDetails>;
}

/**
 * The shard that holds a node's details: FNV-1a (32 bits) of the key's UTF-16 code units, modulo
 * the shard count. Stable across builds and the same in Node and the browser.
 */
export function detailShardOf(key: string, shards: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i += 1) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % shards;
}

/** A shard's file name inside the details folder: its number, zero-padded to four digits. */
export function detailShardName(index: number): string {
  return `${String(index).padStart(4, "0")}.json`;
}

/** Chunks are handed out once they reach about this many characters. */
const CHUNK_CHARACTERS = 1 << 16;

/**
 * Every explorer file of `graph`, by path relative to the graph's folder (explorer.json,
 * explorer-search.json and explorer-details/NNNN.json), each as a sequence of chunks written one
 * node or edge at a time. Node and edge order follow the graph, so the same graph gives the same
 * bytes.
 */
export function writeExplorerFiles(
  graph: LitGraph,
  options: ExplorerFilesOptions = {},
): Record<string, Iterable<string>> {
  const { nodesPerShard } = { ...DEFAULT_EXPLORER_FILES_OPTIONS, ...options };
  if (!(nodesPerShard >= 1)) {
    throw new LitgraphError(
      "invalid-options",
      `export: nodesPerShard must be at least 1 (got ${nodesPerShard})`,
    );
  }
  const shards = Math.max(1, Math.ceil(graph.order / nodesPerShard));
  const files: Record<string, Iterable<string>> = {
    [EXPLORER_FILE]: writeExplorerMapChunks(graph, shards),
    [EXPLORER_SEARCH_FILE]: writeSearchChunks(graph),
  };
  // Which nodes each shard holds, and each edge's index in the map.
  const members: string[][] = Array.from({ length: shards }, () => []);
  graph.forEachNode((key) => members[detailShardOf(key, shards)]?.push(key));
  let edgeIndex: Map<string, number> | undefined;
  const indexOfEdges = () => {
    if (!edgeIndex) {
      edgeIndex = new Map();
      let i = 0;
      graph.forEachEdge((edge) => {
        edgeIndex?.set(edge, i);
        i += 1;
      });
    }
    return edgeIndex;
  };
  members.forEach((keys, shard) => {
    files[`${EXPLORER_DETAILS_FOLDER}/${detailShardName(shard)}`] = writeShardChunks(
      graph,
      keys,
      indexOfEdges,
    );
  });
  return files;
}

function* writeExplorerMapChunks(graph: LitGraph, shards: number): Generator<string> {
  yield* writeExplorerMapFrom(
    {
      attributes: graph.getAttributes(),
      allowSelfLoops: graph.allowSelfLoops,
      nodes: (function* () {
        for (const { node, attributes } of graph.nodeEntries()) yield { key: node, attributes };
      })(),
      edges: (function* () {
        for (const { edge, attributes, source, target } of graph.edgeEntries())
          yield { key: edge, source, target, kind: attributes.kind, weight: attributes.weight };
      })(),
    },
    shards,
  );
}

/** What explorer.json is made of: the graph's attributes, its nodes' map attributes, its edges. */
export interface ExplorerMapSource {
  attributes: GraphAttributes;
  allowSelfLoops: boolean;
  nodes: Iterable<{ key: string; attributes: MapNodeAttributes }>;
  edges: Iterable<{ key: string; source: string; target: string; kind: EdgeKind; weight: number }>;
}

/** The node attributes explorer.json carries. */
export type MapNodeAttributes = Pick<
  NodeAttributes,
  "kind" | "label" | "x" | "y" | "size" | "color" | "community" | "year"
>;

/**
 * explorer.json of nodes and edges given one by one (an incremental build has them as rows, not as a
 * graph), in chunks: the same bytes as `writeExplorerFiles` writes for a graph of the same order.
 */
export function* writeExplorerMapFrom(
  source: ExplorerMapSource,
  shards: number,
): Generator<string> {
  const kinds: string[] = [];
  const kindIndex = new Map<string, number>();
  const colors: string[] = [];
  const colorIndex = new Map<string, number>();
  const edgeKinds: string[] = [];
  const edgeKindIndex = new Map<string, number>();
  const intern = (list: string[], index: Map<string, number>, value: string) => {
    let i = index.get(value);
    if (i === undefined) {
      i = list.length;
      list.push(value);
      index.set(value, i);
    }
    return i;
  };
  const nodeIndex = new Map<string, number>();
  yield `{"format":"${EXPLORER_FORMAT}","version":${EXPLORER_VERSION},"options":${JSON.stringify({ allowSelfLoops: source.allowSelfLoops })},"attributes":`;
  // The attributes entry by entry: a million communities' labels are 70 MB of JSON.
  yield* writeJsonChunks(source.attributes, 2, CHUNK_CHARACTERS);
  let buffer = `,"search":"${EXPLORER_SEARCH_FILE}","details":${JSON.stringify({ folder: EXPLORER_DETAILS_FOLDER, shards })},"nodes":[`;
  let i = 0;
  for (const { key, attributes: a } of source.nodes) {
    nodeIndex.set(key, i);
    const row: (string | number)[] = [
      key,
      a.label,
      intern(kinds, kindIndex, a.kind),
      a.x,
      a.y,
      a.size,
      intern(colors, colorIndex, a.color),
      a.community,
    ];
    if (typeof a.year === "number") row.push(a.year);
    buffer += (i === 0 ? "" : ",") + JSON.stringify(row);
    i += 1;
    if (buffer.length >= CHUNK_CHARACTERS) {
      yield buffer;
      buffer = "";
    }
  }
  buffer += '],"edges":[';
  const edgeKeys: Record<string, string> = {};
  let e = 0;
  for (const edge of source.edges) {
    const row = [
      nodeIndex.get(edge.source),
      nodeIndex.get(edge.target),
      intern(edgeKinds, edgeKindIndex, edge.kind),
      edge.weight,
    ];
    buffer += (e === 0 ? "" : ",") + row.join(",");
    if (edge.key !== edgeKey(edge.kind, edge.source, edge.target)) edgeKeys[String(e)] = edge.key;
    e += 1;
    if (buffer.length >= CHUNK_CHARACTERS) {
      yield buffer;
      buffer = "";
    }
  }
  yield `${buffer}],"edgeKeys":${JSON.stringify(edgeKeys)},"kinds":${JSON.stringify(kinds)},"edgeKinds":${JSON.stringify(edgeKinds)},"colors":${JSON.stringify(colors)}}\n`;
}

function* writeSearchChunks(graph: LitGraph): Generator<string> {
  yield* writeSearchFrom(
    (function* () {
      for (const { attributes } of graph.nodeEntries()) yield searchRowOf(attributes);
    })(),
  );
}

/** A node's row of explorer-search.json: its `SEARCH_FIELDS`, trailing empty ones left out. */
export function searchRowOf(attributes: Partial<NodeAttributes>): unknown[] {
  const row: unknown[] = SEARCH_FIELDS.map((field) => {
    const value = attributes[field];
    // The label is already in the map; a title equal to it is not repeated.
    if (field === "title" && value === attributes.label) return null;
    return value ?? null;
  });
  while (row.length > 0 && row[row.length - 1] === null) row.pop();
  return row;
}

/** explorer-search.json of rows given in node order, in chunks. */
export function* writeSearchFrom(rows: Iterable<unknown[]>): Generator<string> {
  let buffer = `{"fields":${JSON.stringify(SEARCH_FIELDS)},"nodes":[`;
  let first = true;
  for (const row of rows) {
    buffer += (first ? "" : ",") + JSON.stringify(row);
    first = false;
    if (buffer.length >= CHUNK_CHARACTERS) {
      yield buffer;
      buffer = "";
    }
  }
  yield `${buffer}]}\n`;
}

function* writeShardChunks(
  graph: LitGraph,
  keys: readonly string[],
  indexOfEdges: () => Map<string, number>,
): Generator<string> {
  const edgeIndex = indexOfEdges();
  let buffer = '{"nodes":{';
  let first = true;
  for (const key of keys) {
    const edges: [number, Record<string, unknown>][] = [];
    for (const { edge, attributes: edgeAttributes } of graph.edgeEntries(key)) {
      const rest = edgeDetailsOf(edgeAttributes);
      if (rest) edges.push([edgeIndex.get(edge) ?? -1, rest]);
    }
    edges.sort((a, b) => a[0] - b[0]);
    buffer += `${first ? "" : ","}${JSON.stringify(key)}:${JSON.stringify({ attributes: nodeDetailsOf(graph.getNodeAttributes(key)), edges })}`;
    first = false;
    if (buffer.length >= CHUNK_CHARACTERS) {
      yield buffer;
      buffer = "";
    }
  }
  yield `${buffer}}}\n`;
}

/** The attributes of a node that its details carry: all those the map leaves out. */
export function nodeDetailsOf(attributes: object): Record<string, unknown> {
  const rest: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(attributes)) {
    if (!MAP_NODE_ATTRIBUTES.has(name)) rest[name] = value;
  }
  return rest;
}

/** The attributes of an edge that details carry, or undefined when it has none (no evidence). */
export function edgeDetailsOf(attributes: object): Record<string, unknown> | undefined {
  const rest: Record<string, unknown> = {};
  let any = false;
  for (const [name, value] of Object.entries(attributes)) {
    if (MAP_EDGE_ATTRIBUTES.has(name)) continue;
    if (name === "evidence" && Array.isArray(value) && value.length === 0) continue;
    rest[name] = value;
    any = true;
  }
  return any ? rest : undefined;
}

/** One empty list shared by every attribute the map leaves for the details: never to be mutated. */
const NONE: readonly never[] = Object.freeze([]);

/** A graph read from explorer.json, and what is needed to fill it in later. */
export interface ExplorerGraph {
  graph: LitGraph;
  /** Edge keys by the edge's index in the map (details shards name edges by index). */
  edgeKeys: string[];
  /** The search file, relative to explorer.json. */
  search: string;
  details: ExplorerDetailsInfo;
}

/** Whether parsed JSON is an explorer map (rather than a graph.json). */
export function isExplorerMap(data: unknown): boolean {
  return isRecord(data) && data.format === EXPLORER_FORMAT;
}

/**
 * Read explorer.json into a graph ready to draw: every node with its kind, label, position, size,
 * colour, community and year; `sources` empty and every edge's `evidence` empty until the node's
 * details are read (applyDetailsShard).
 *
 * @throws LitgraphError `invalid-graph` naming `file` and what is wrong.
 */
export function readExplorerMap(data: unknown, file: string): ExplorerGraph {
  const fail = (problem: string) =>
    new LitgraphError(
      "invalid-graph",
      `export: ${file} is not a litgraph explorer map: ${problem}. Rebuild it with \`litgraph build\`.`,
    );
  if (!isRecord(data) || data.format !== EXPLORER_FORMAT) throw fail("its format is not named");
  if (data.version !== EXPLORER_VERSION)
    throw fail(
      `it is version ${String(data.version)}, this explorer reads version ${EXPLORER_VERSION}`,
    );
  const map = data as unknown as ExplorerMap;
  if (
    !Array.isArray(map.nodes) ||
    !Array.isArray(map.edges) ||
    !Array.isArray(map.kinds) ||
    !Array.isArray(map.edgeKinds) ||
    !Array.isArray(map.colors) ||
    !isRecord(map.details) ||
    !Number.isInteger(map.details.shards) ||
    map.details.shards < 1 ||
    typeof map.details.folder !== "string" ||
    typeof map.search !== "string"
  )
    throw fail("a part is missing (nodes, edges, kinds, edgeKinds, colors, search or details)");
  if (map.edges.length % 4 !== 0) throw fail("its edge list is not made of groups of four");

  const graph: LitGraph = new Graph<NodeAttributes, EdgeAttributes, GraphAttributes>({
    type: "undirected",
    multi: true,
    allowSelfLoops: map.options?.allowSelfLoops !== false,
  });
  graph.replaceAttributes(map.attributes);
  const keys: string[] = new Array(map.nodes.length);
  map.nodes.forEach((row, i) => {
    const [key, label, kind, x, y, size, color, community, year] = row;
    const kindName = map.kinds[kind as number];
    const colorName = map.colors[color as number];
    if (
      typeof key !== "string" ||
      typeof label !== "string" ||
      kindName === undefined ||
      colorName === undefined ||
      typeof x !== "number" ||
      typeof y !== "number" ||
      typeof size !== "number" ||
      typeof community !== "number"
    )
      throw fail(`node #${i} is not [key, label, kind, x, y, size, colour, community, year?]`);
    const attributes: NodeAttributes = {
      kind: kindName,
      label,
      x,
      y,
      size,
      color: colorName,
      community,
      sources: NONE as unknown as string[],
    };
    if (typeof year === "number") attributes.year = year;
    keys[i] = key;
    graph.addNode(key, attributes);
  });
  const edgeKeys: string[] = new Array(map.edges.length / 4);
  const custom = isRecord(map.edgeKeys) ? map.edgeKeys : {};
  for (let e = 0, i = 0; i < map.edges.length; e += 1, i += 4) {
    const source = keys[map.edges[i] as number];
    const target = keys[map.edges[i + 1] as number];
    const kind = map.edgeKinds[map.edges[i + 2] as number];
    const weight = map.edges[i + 3];
    if (source === undefined || target === undefined || kind === undefined)
      throw fail(`edge #${e} names a node or kind that is not listed`);
    const key = custom[String(e)] ?? edgeKey(kind, source, target);
    edgeKeys[e] = key;
    graph.addEdgeWithKey(key, source, target, {
      kind,
      weight: typeof weight === "number" ? weight : 1,
      evidence: NONE as unknown as Evidence[],
    });
  }
  return { graph, edgeKeys, search: map.search, details: map.details };
}

/**
 * Add the search file's titles, arXiv ids, authors and aliases to the nodes of a graph read from
 * the map (rows in the map's node order).
 * @throws LitgraphError `invalid-graph` when the file does not match the map.
 */
export function applySearchFile(graph: LitGraph, data: unknown, file: string): void {
  if (!isRecord(data) || !Array.isArray(data.fields) || !Array.isArray(data.nodes))
    throw new LitgraphError("invalid-graph", `export: ${file} is not an explorer search file`);
  if (data.nodes.length !== graph.order)
    throw new LitgraphError(
      "invalid-graph",
      `export: ${file} has ${data.nodes.length} nodes, its map ${graph.order}; rebuild with \`litgraph build\``,
    );
  const fields = data.fields as string[];
  const rows = data.nodes as unknown[][];
  let i = 0;
  graph.updateEachNodeAttributes((_key, attributes) => {
    const row = rows[i] ?? [];
    i += 1;
    const out = attributes as NodeAttributes & Record<string, unknown>;
    row.forEach((value, f) => {
      const name = fields[f];
      if (name !== undefined && value !== null && value !== undefined) out[name] = value;
    });
    return attributes;
  });
}

/**
 * Fill in the nodes of one details shard and the evidence (and other attributes) of their edges.
 * @throws LitgraphError `invalid-graph` when the shard does not match the map.
 */
export function applyDetailsShard(
  explorer: Pick<ExplorerGraph, "graph" | "edgeKeys">,
  data: unknown,
  file: string,
): string[] {
  if (!isRecord(data) || !isRecord(data.nodes))
    throw new LitgraphError("invalid-graph", `export: ${file} is not an explorer details shard`);
  const { graph, edgeKeys } = explorer;
  const filled: string[] = [];
  for (const [key, details] of Object.entries(data.nodes as Record<string, NodeDetails>)) {
    if (!graph.hasNode(key)) {
      throw new LitgraphError(
        "invalid-graph",
        `export: ${file} holds node ${JSON.stringify(key)}, which its map lacks; rebuild with \`litgraph build\``,
      );
    }
    // Not graph.mergeNodeAttributes: the renderer need not redraw for attributes it does not draw.
    Object.assign(graph.getNodeAttributes(key), details.attributes);
    for (const [index, attributes] of details.edges ?? []) {
      const edge = edgeKeys[index];
      if (edge === undefined || !graph.hasEdge(edge)) continue;
      Object.assign(graph.getEdgeAttributes(edge), attributes);
    }
    filled.push(key);
  }
  return filled;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
