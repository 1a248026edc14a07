// `litgraph build --incremental`: the Node side of an incremental build. It keeps, beside the parse
// cache, the global state of the last build (text index, key terms) and where each node and edge
// sits in its graph.json and graph.gexf; it reads the last build's explorer files and report as the
// previous graph, asks the core for the changes (pipeline/incremental.ts), and writes the new set:
// graph.json and graph.gexf copied from the last ones but for the elements that changed, the
// explorer's map, search file and report made again (they are small), and only the details shards
// that hold a changed node or edge (the others are hard-linked). The state names the outputs it
// describes by size, mtime and inode, so outputs written by anything else are never patched.
import { closeSync, openSync, readSync } from "node:fs";
import { open, readFile, rename, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { deserialize, serialize } from "node:v8";
import {
  detailShardName,
  detailShardOf,
  EXPLORER_DETAILS_FOLDER,
  EXPLORER_FILE,
  EXPLORER_SEARCH_FILE,
  type ExplorerMap,
  edgeDetailsOf,
  nodeDetailsOf,
  searchRowOf,
  writeExplorerMapFrom,
  writeSearchFrom,
} from "../export/explorer-files.ts";
import {
  createGexfElementWriter,
  GEXF_END,
  GEXF_MIDDLE,
  type GexfColumns,
} from "../export/gexf.ts";
import {
  GRAPH_JSON_MIDDLE,
  GRAPH_JSON_TAIL,
  graphJsonEdge,
  graphJsonHead,
  graphJsonNode,
} from "../export/graph-json.ts";
import type { DetailsShard } from "../export/index.ts";
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from "../graph/types.ts";
import type { GraphDelta, MapEdge, MapNode, PreviousBuild } from "../pipeline/incremental.ts";
import type { BuildReport, BuildState } from "../pipeline/index.ts";
import { writeReportJsonChunks } from "../pipeline/index.ts";
import type { TextIndex } from "../related/text-vectors.ts";
import type { OutputContent } from "./write-outputs.ts";

const STATE_FILE = "build-state.v8";
/** The text index of the last full build: large, and written by full builds only. */
const INDEX_FILE = "build-index.v8";
const FORMAT = "litgraph-build-state";
const FORMAT_VERSION = 1;
/** The outputs a state describes; the details folder is checked by its own stat. */
const STAMPED = [
  "graph.json",
  "graph.gexf",
  "report.json",
  EXPLORER_FILE,
  EXPLORER_SEARCH_FILE,
  EXPLORER_DETAILS_FOLDER,
] as const;

interface Stamp {
  size: number;
  mtimeMs: number;
  ino: number;
}

/** Where elements sit in a written file: start and end byte offset of each, in order. */
export interface FileMarks {
  nodes: Float64Array;
  edges: Float64Array;
}

/** What a build leaves for the next incremental one, beside its outputs. */
export interface SavedState {
  format: typeof FORMAT;
  version: number;
  /** The parse cache's key and the options that shape the graph: another key means a full build. */
  key: string;
  stamps: Record<string, Stamp>;
  state: BuildState;
  graphOptions: { type: string; multi: boolean; allowSelfLoops: boolean };
  graphJson: FileMarks;
  gexf: FileMarks & { columns: GexfColumns };
  shards: number;
  /** Which full build's index file goes with this state. */
  indexId: string;
  /** Files read since the last full build, and the files that build read: drift is bounded. */
  changedSinceFull: number;
  filesAtFull: number;
}

/**
 * Write the state of the set just committed in `out` into the cache folder; a full build also writes
 * its text index (`writeIndex`), which incremental builds only read. Never throws.
 */
export async function saveState(
  cacheDir: string,
  out: string,
  saved: Omit<SavedState, "format" | "version" | "stamps"> & Partial<SavedState>,
  writeIndex: boolean,
): Promise<string | undefined> {
  try {
    const stamps: Record<string, Stamp> = {};
    for (const name of STAMPED) {
      const info = await stat(path.join(out, name));
      stamps[name] = { size: info.size, mtimeMs: info.mtimeMs, ino: info.ino };
    }
    const { similar, ...rest } = saved.state;
    const state: BuildState = similar
      ? { ...rest, similar: { ...similar, index: undefined as never } }
      : rest;
    if (writeIndex) {
      const temp = path.join(cacheDir, `${INDEX_FILE}.${process.pid}.tmp`);
      await writeFile(temp, serialize({ id: saved.indexId, index: similar?.index }));
      await rename(temp, path.join(cacheDir, INDEX_FILE));
    }
    const full: SavedState = { ...saved, state, format: FORMAT, version: FORMAT_VERSION, stamps };
    const temp = path.join(cacheDir, `${STATE_FILE}.${process.pid}.tmp`);
    await writeFile(temp, serialize(full));
    await rename(temp, path.join(cacheDir, STATE_FILE));
    return undefined;
  } catch (error) {
    return `the build state could not be kept (${(error as Error).message}); the next --incremental build will be a full one`;
  }
}

/** The state for `out`, or why there is none that can be used. Never throws. */
export async function loadState(
  cacheDir: string,
  out: string,
  key: string,
): Promise<SavedState | string> {
  let value: unknown;
  try {
    value = deserialize(await readFile(path.join(cacheDir, STATE_FILE)));
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ENOENT"
      ? "no state of an earlier build is kept"
      : "the kept build state cannot be read";
  }
  const saved = value as SavedState;
  if (
    !saved ||
    typeof saved !== "object" ||
    saved.format !== FORMAT ||
    saved.version !== FORMAT_VERSION ||
    !saved.stamps ||
    !saved.state ||
    typeof saved.indexId !== "string" ||
    !(saved.graphJson?.nodes instanceof Float64Array) ||
    !(saved.gexf?.nodes instanceof Float64Array) ||
    !saved.gexf.columns ||
    !Number.isInteger(saved.shards)
  )
    return "the kept build state is not one this version of litgraph wrote";
  if (saved.key !== key)
    return "the last build was made with other options, taxonomy, gazetteer or litgraph version";
  for (const name of STAMPED) {
    const stamp = saved.stamps[name];
    const info = await stat(path.join(out, name)).catch(() => undefined);
    if (
      !stamp ||
      !info ||
      info.size !== stamp.size ||
      info.mtimeMs !== stamp.mtimeMs ||
      info.ino !== stamp.ino
    )
      return `${name} in ${out} is not the one the kept state describes`;
  }
  if (saved.state.similar) {
    let kept: { id?: unknown; index?: TextIndex } | undefined;
    try {
      kept = deserialize(await readFile(path.join(cacheDir, INDEX_FILE))) as typeof kept;
    } catch {
      return "the kept text index cannot be read";
    }
    if (!kept || kept.id !== saved.indexId || !isTextIndex(kept.index))
      return "the kept text index is not the last full build's";
    saved.state.similar.index = kept.index;
  }
  return saved;
}

/** Whether a deserialised value has the shape of a text index. */
function isTextIndex(value: unknown): value is TextIndex {
  const index = value as TextIndex;
  return (
    !!index &&
    Number.isInteger(index.size) &&
    Array.isArray(index.spaces) &&
    index.spaces.length === 2 &&
    index.spaces.every(
      (space) =>
        space.docStart instanceof Int32Array &&
        space.docStart.length === index.size + 1 &&
        space.postingStart instanceof Int32Array &&
        space.postingStart.length === space.terms.length + 1 &&
        space.stats?.idf instanceof Float64Array,
    )
  );
}

/** The last build's graph as the core needs it, read from its explorer files and report. */
export interface LoadedPrevious {
  previous: PreviousBuild;
  /** Node keys and edges in the files' order. */
  nodeOrder: string[];
  edgeOrder: MapEdge[];
  searchRows: unknown[][];
  allowSelfLoops: boolean;
  close(): void;
}

/** Read the last build in `out` (checked by `loadState`). */
export async function loadPrevious(out: string, saved: SavedState): Promise<LoadedPrevious> {
  const map = JSON.parse(await readFile(path.join(out, EXPLORER_FILE), "utf8")) as ExplorerMap;
  const search = JSON.parse(await readFile(path.join(out, EXPLORER_SEARCH_FILE), "utf8")) as {
    nodes: unknown[][];
  };
  const report = JSON.parse(await readFile(path.join(out, "report.json"), "utf8")) as BuildReport;
  const nodes = new Map<string, MapNode>();
  const nodeOrder: string[] = [];
  const indexOf = new Map<string, number>();
  map.nodes.forEach((row, i) => {
    const [key, label, kind, x, y, size, color, community, year] = row as [
      string,
      string,
      number,
      number,
      number,
      number,
      number,
      number,
      number | undefined,
    ];
    const node: MapNode = {
      kind: map.kinds[kind] as MapNode["kind"],
      label,
      x,
      y,
      size,
      color: map.colors[color] as string,
      community,
    };
    if (typeof year === "number") node.year = year;
    nodes.set(key, node);
    nodeOrder.push(key);
    indexOf.set(key, i);
  });
  const edgeOrder: MapEdge[] = [];
  const adjacency = new Map<string, MapEdge[]>();
  for (let i = 0, e = 0; i < map.edges.length; i += 4, e += 1) {
    const source = nodeOrder[map.edges[i] as number] as string;
    const target = nodeOrder[map.edges[i + 1] as number] as string;
    const kind = map.edgeKinds[map.edges[i + 2] as number] as MapEdge["kind"];
    const edge: MapEdge = {
      key: map.edgeKeys[String(e)] ?? `${kind}:${source}|${target}`,
      source,
      target,
      kind,
      weight: map.edges[i + 3] as number,
    };
    edgeOrder.push(edge);
    for (const end of [source, target]) {
      const list = adjacency.get(end);
      if (list) list.push(edge);
      else adjacency.set(end, [edge]);
    }
  }
  const graphJson = openSync(path.join(out, "graph.json"), "r");
  const marks = saved.graphJson.nodes;
  return {
    previous: {
      nodes,
      edgesOf: (key) => adjacency.get(key) ?? [],
      attributesOf(key) {
        const i = indexOf.get(key);
        if (i === undefined) throw new Error(`incremental: no node ${key} in the last build`);
        const start = marks[2 * i] as number;
        const bytes = Buffer.allocUnsafe((marks[2 * i + 1] as number) - start);
        readSync(graphJson, bytes, 0, bytes.length, start);
        const element = JSON.parse(bytes.toString("utf8")) as {
          key: string;
          attributes: NodeAttributes;
        };
        if (element.key !== key)
          throw new Error(`incremental: graph.json does not match its marks`);
        return element.attributes;
      },
      attributes: map.attributes as GraphAttributes,
      report,
      state: saved.state,
    },
    nodeOrder,
    edgeOrder,
    searchRows: search.nodes,
    allowSelfLoops: map.options?.allowSelfLoops !== false,
    close: () => closeSync(graphJson),
  };
}

type DeltaEdge = { source: string; target: string; attributes: EdgeAttributes };

/** One element of a spliced file: bytes kept from the last file (by index), or new text. */
type Element = { old: number } | { text: string };

/**
 * A file made of the last one's bytes and new text: `head`, the node elements, `middle`, the edge
 * elements, `tail`, with `separator` between elements. Runs of elements kept in their old order are
 * copied as one range. Records the new elements' offsets into `marks`.
 */
async function* splice(
  file: string,
  oldMarks: FileMarks,
  parts: {
    head: string | { copyTo: number };
    nodes: readonly Element[];
    middle: string;
    edges: readonly Element[];
    tail: string;
    separator: string;
  },
  marks: FileMarks,
): AsyncGenerator<string | Uint8Array> {
  const handle = await open(file, "r");
  try {
    let position = 0;
    const emitText = function* (text: string) {
      position += Buffer.byteLength(text);
      yield text;
    };
    const copy = async function* (start: number, end: number) {
      const piece = 8 << 20;
      for (let at = start; at < end; at += piece) {
        const length = Math.min(piece, end - at);
        const bytes = Buffer.allocUnsafe(length);
        const { bytesRead } = await handle.read(bytes, 0, length, at);
        if (bytesRead !== length) throw new Error(`incremental: ${file} is shorter than its marks`);
        yield bytes;
      }
      position += end - start;
    };
    if (typeof parts.head === "string") yield* emitText(parts.head);
    else yield* copy(0, parts.head.copyTo);
    const section = async function* (
      elements: readonly Element[],
      old: Float64Array,
      into: Float64Array,
    ) {
      let run: [number, number] | undefined;
      let runFirst = 0;
      let runStart = 0;
      const flush = async function* () {
        if (!run) return;
        // Offsets of the elements of the run, shifted to where the run lands.
        const shift = runStart - (old[2 * run[0]] as number);
        for (let j = run[0]; j <= run[1]; j += 1) {
          into[2 * (runFirst + j - run[0])] = (old[2 * j] as number) + shift;
          into[2 * (runFirst + j - run[0]) + 1] = (old[2 * j + 1] as number) + shift;
        }
        yield* copy(old[2 * run[0]] as number, old[2 * run[1] + 1] as number);
        run = undefined;
      };
      for (let i = 0; i < elements.length; i += 1) {
        const element = elements[i] as Element;
        if ("old" in element && run && element.old === run[1] + 1) {
          run[1] = element.old;
          continue;
        }
        yield* flush();
        if (i > 0) yield* emitText(parts.separator);
        if ("old" in element) {
          run = [element.old, element.old];
          runFirst = i;
          runStart = position;
        } else {
          into[2 * i] = position;
          yield* emitText(element.text);
          into[2 * i + 1] = position;
        }
      }
      yield* flush();
    };
    yield* section(parts.nodes, oldMarks.nodes, marks.nodes);
    yield* emitText(parts.middle);
    yield* section(parts.edges, oldMarks.edges, marks.edges);
    yield* emitText(parts.tail);
  } finally {
    await handle.close();
  }
}

export interface IncrementalOutputs {
  files: Record<string, OutputContent>;
  /** Filled in as the files are written: the new files' marks. */
  graphJson: FileMarks;
  gexf: FileMarks;
  /** Details shards written anew (the others are linked). */
  shardsWritten: number;
}

/**
 * The new output set of `delta` applied to the last build in `out`, or why it cannot be written
 * that way (an element the last GEXF's columns cannot hold).
 */
export async function planIncrementalOutputs(
  out: string,
  saved: SavedState,
  loaded: LoadedPrevious,
  delta: GraphDelta,
): Promise<IncrementalOutputs | string> {
  const { previous } = loaded;
  // Node order: the last one without the nodes removed, then the new nodes in key order.
  const nodeElements: { key: string; old?: number }[] = [];
  loaded.nodeOrder.forEach((key, i) => {
    if (!delta.removedNodes.has(key)) nodeElements.push({ key, old: i });
  });
  const addedNodes = [...delta.nodes.keys()]
    .filter((key) => !previous.nodes.has(key))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const key of addedNodes) nodeElements.push({ key });

  // Edge order: each removed edge's place is taken by the last edge, so that few edges change index
  // (the details shards name edges by index); new edges go at the end, in key order.
  const oldIndex = new Map<string, number>();
  loaded.edgeOrder.forEach((edge, i) => {
    oldIndex.set(edge.key, i);
  });
  const removed = new Uint8Array(loaded.edgeOrder.length);
  const holes: number[] = [];
  for (const key of delta.removedEdges) {
    const i = oldIndex.get(key);
    if (i === undefined) continue;
    removed[i] = 1;
    holes.push(i);
  }
  holes.sort((a, b) => a - b);
  const slots = loaded.edgeOrder.map((_, i) => i);
  for (const hole of holes) {
    while (slots.length > 0 && removed[slots[slots.length - 1] as number]) slots.pop();
    if (hole >= slots.length) continue;
    slots[hole] = slots.pop() as number;
  }
  while (slots.length > 0 && removed[slots[slots.length - 1] as number]) slots.pop();
  const addedEdges = [...delta.edges.keys()]
    .filter((key) => !oldIndex.has(key))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const newIndex = new Map<string, number>();
  const edgeRows: MapEdge[] = [];
  const edgeElements: { key: string; old?: number }[] = [];
  for (const old of slots) {
    const edge = loaded.edgeOrder[old] as MapEdge;
    newIndex.set(edge.key, edgeRows.length);
    edgeElements.push({ key: edge.key, old });
    const changed = delta.edges.get(edge.key);
    edgeRows.push(
      changed
        ? { ...edge, kind: changed.attributes.kind, weight: changed.attributes.weight }
        : edge,
    );
  }
  for (const key of addedEdges) {
    const edge = delta.edges.get(key) as DeltaEdge;
    newIndex.set(key, edgeRows.length);
    edgeElements.push({ key });
    edgeRows.push({
      key,
      source: edge.source,
      target: edge.target,
      kind: edge.attributes.kind,
      weight: edge.attributes.weight,
    });
  }

  // graph.json and graph.gexf: the elements that changed are written, the others copied.
  const gexfWriter = createGexfElementWriter(saved.gexf.columns);
  const jsonNodes: Element[] = [];
  const gexfNodes: Element[] = [];
  for (const { key, old } of nodeElements) {
    const fresh = delta.nodes.get(key);
    if (old !== undefined && !fresh) {
      jsonNodes.push({ old });
      gexfNodes.push({ old });
      continue;
    }
    const attributes = fresh as NodeAttributes;
    const gexf = gexfWriter.node(key, attributes);
    if (gexf === undefined)
      return `node ${key} has an attribute the last graph.gexf declares no column for`;
    jsonNodes.push({ text: graphJsonNode(key, attributes) });
    gexfNodes.push({ text: gexf });
  }
  const jsonEdges: Element[] = [];
  const gexfEdges: Element[] = [];
  for (const { key, old } of edgeElements) {
    const fresh = delta.edges.get(key);
    if (old !== undefined && !fresh) {
      jsonEdges.push({ old });
      gexfEdges.push({ old });
      continue;
    }
    const edge = fresh as DeltaEdge;
    const gexf = gexfWriter.edge(key, edge.source, edge.target, edge.attributes);
    if (gexf === undefined)
      return `edge ${key} has an attribute the last graph.gexf declares no column for`;
    jsonEdges.push({ text: graphJsonEdge(key, edge.source, edge.target, edge.attributes) });
    gexfEdges.push({ text: gexf });
  }
  if (nodeElements.length === 0 || edgeElements.length === 0 || saved.gexf.nodes.length === 0)
    return "the graph has no nodes or no edges";
  const newMarks = (): FileMarks => ({
    nodes: new Float64Array(2 * nodeElements.length),
    edges: new Float64Array(2 * edgeElements.length),
  });
  const graphJsonMarks = newMarks();
  const gexfMarks = newMarks();

  // The explorer's map and search file, made again from rows.
  const mapNodeOf = (key: string): MapNode => {
    const fresh = delta.nodes.get(key);
    if (!fresh) return previous.nodes.get(key) as MapNode;
    const row: MapNode = {
      kind: fresh.kind,
      label: fresh.label,
      x: fresh.x,
      y: fresh.y,
      size: fresh.size,
      color: fresh.color,
      community: fresh.community,
    };
    if (typeof fresh.year === "number") row.year = fresh.year;
    return row;
  };
  const searchRows = nodeElements.map(({ key, old }) => {
    const fresh = delta.nodes.get(key);
    return fresh || old === undefined
      ? searchRowOf(fresh as NodeAttributes)
      : (loaded.searchRows[old] as unknown[]);
  });

  // Details shards: those holding a node that changed or one of whose edges changed or moved.
  const shards = saved.shards;
  const touched = new Set<number>();
  const touch = (key: string) => touched.add(detailShardOf(key, shards));
  for (const key of delta.removedNodes) touch(key);
  for (const key of delta.nodes.keys()) touch(key);
  for (const key of delta.removedEdges) {
    const i = oldIndex.get(key);
    if (i === undefined) continue;
    touch(loaded.edgeOrder[i]?.source as string);
    touch(loaded.edgeOrder[i]?.target as string);
  }
  edgeRows.forEach((edge, i) => {
    const old = oldIndex.get(edge.key);
    if (old !== i || delta.edges.has(edge.key)) {
      touch(edge.source);
      touch(edge.target);
    }
  });
  const newEdgesOf = new Map<string, string[]>();
  for (const key of delta.edges.keys()) {
    const edge = delta.edges.get(key) as { source: string; target: string };
    for (const end of [edge.source, edge.target]) {
      const list = newEdgesOf.get(end);
      if (list) list.push(key);
      else newEdgesOf.set(end, [key]);
    }
  }
  const files: Record<string, OutputContent> = {};
  for (let shard = 0; shard < shards; shard += 1) {
    const name = `${EXPLORER_DETAILS_FOLDER}/${detailShardName(shard)}`;
    const oldFile = path.join(out, name);
    if (!touched.has(shard)) {
      files[name] = { linkFrom: oldFile };
      continue;
    }
    const old = JSON.parse(await readFile(oldFile, "utf8")) as DetailsShard;
    const keys = Object.keys(old.nodes).filter((key) => !delta.removedNodes.has(key));
    for (const key of addedNodes) if (detailShardOf(key, shards) === shard) keys.push(key);
    let text = '{"nodes":{';
    keys.forEach((key, n) => {
      const entry = old.nodes[key];
      const fresh = delta.nodes.get(key);
      const edges = new Map<number, Record<string, unknown>>();
      for (const [i, rest] of entry?.edges ?? []) {
        const edge = loaded.edgeOrder[i];
        if (!edge || delta.removedEdges.has(edge.key) || delta.edges.has(edge.key)) continue;
        edges.set(newIndex.get(edge.key) as number, rest);
      }
      for (const edgeKey of newEdgesOf.get(key) ?? []) {
        const rest = edgeDetailsOf((delta.edges.get(edgeKey) as { attributes: object }).attributes);
        if (rest) edges.set(newIndex.get(edgeKey) as number, rest);
      }
      const attributes = fresh ? nodeDetailsOf(fresh) : (entry?.attributes ?? {});
      const list = [...edges].sort((a, b) => a[0] - b[0]);
      text += `${n === 0 ? "" : ","}${JSON.stringify(key)}:${JSON.stringify({ attributes, edges: list })}`;
    });
    files[name] = `${text}}}\n`;
  }

  const graphJsonHeadText = graphJsonHead(saved.graphOptions, delta.attributes);
  return {
    graphJson: graphJsonMarks,
    gexf: gexfMarks,
    shardsWritten: touched.size,
    files: {
      "graph.json": splice(
        path.join(out, "graph.json"),
        saved.graphJson,
        {
          head: graphJsonHeadText,
          nodes: jsonNodes,
          middle: GRAPH_JSON_MIDDLE,
          edges: jsonEdges,
          tail: GRAPH_JSON_TAIL,
          separator: ",",
        },
        graphJsonMarks,
      ),
      "graph.gexf": splice(
        path.join(out, "graph.gexf"),
        saved.gexf,
        {
          head: { copyTo: saved.gexf.nodes[0] as number },
          nodes: gexfNodes,
          middle: GEXF_MIDDLE,
          edges: gexfEdges,
          tail: GEXF_END,
          separator: "",
        },
        gexfMarks,
      ),
      "report.json": writeReportJsonChunks(delta.report),
      [EXPLORER_FILE]: writeExplorerMapFrom(
        {
          attributes: delta.attributes,
          allowSelfLoops: loaded.allowSelfLoops,
          nodes: nodeElements.map(({ key }) => ({ key, attributes: mapNodeOf(key) })),
          edges: edgeRows,
        },
        shards,
      ),
      [EXPLORER_SEARCH_FILE]: writeSearchFrom(searchRows),
      ...files,
    },
  };
}
