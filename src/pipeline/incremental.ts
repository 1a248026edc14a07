// Incremental builds: the changes a few added, modified or removed files make to a built graph,
// computed from the previous build's graph and global state instead of running every stage again.
// The files' papers are resolved again together with every document that shares a paper with them;
// their topics come from the kept key terms, their similar edges from the kept text index (which
// they join), a new paper's community from its neighbours and its position near them. Nothing else
// moves. The result depends on the previous build as well as the inputs: deterministic, but not
// what a full build of the same inputs would give (see README, "Incremental builds").

import type { createExtractContext } from "../extract/index.ts";
import { assignKeyTerms, type KeyTermModel } from "../extract/key-terms.ts";
import { COMMUNITY_COLORS } from "../graph/appearance.ts";
import {
  collectGraph,
  compareStrings,
  documentOf,
  GRAPH_FORMAT_VERSION,
  materializeGraph,
} from "../graph/build.ts";
import type {
  CommunityInfo,
  EdgeAttributes,
  EdgeKind,
  GraphAttributes,
  NodeAttributes,
  NodeKind,
} from "../graph/types.ts";
import { addToSimilarIndex, type SimilarIndex, similarEdgesOf } from "../related/similar-edges.ts";
import { resolvePapers } from "../resolve/index.ts";
import type { DocumentExtraction } from "../resolve/types.ts";
import {
  applyCorpusFacts,
  type BuildOptions,
  type BuildState,
  describeUnreadable,
  keyTermPapersOf,
  type PreparedDocument,
  type UnreadableInput,
} from "./build-graph.ts";
import type { BuildReport, InputReport } from "./report.ts";

/** A node of the previous graph as its map holds it (explorer.json's row). */
export interface MapNode {
  kind: NodeKind;
  label: string;
  x: number;
  y: number;
  size: number;
  color: string;
  community: number;
  year?: number;
}

/** An edge of the previous graph as its map holds it. */
export interface MapEdge {
  key: string;
  source: string;
  target: string;
  kind: EdgeKind;
  weight: number;
}

/** What an incremental build knows of the build before it. */
export interface PreviousBuild {
  nodes: ReadonlyMap<string, MapNode>;
  /** The edges of a node of the previous graph. */
  edgesOf(key: string): readonly MapEdge[];
  /** Every attribute of a node of the previous graph (read on demand: most are never needed). */
  attributesOf(key: string): NodeAttributes;
  attributes: GraphAttributes;
  report: BuildReport;
  state: BuildState;
}

export interface IncrementalInput {
  previous: PreviousBuild;
  /** Documents of the files added or changed since the previous build. */
  changed: readonly PreparedDocument[];
  /** Ids of the files gone since. */
  removed: readonly string[];
  /** The document of a file that did not change (from the cache); undefined when it has none. */
  documentOf(id: string): PreparedDocument | undefined;
  /** Ids of every input file the caller could read (changed or not). */
  current: ReadonlySet<string>;
  /** Entries the caller could not read at all, as `BuildInput.unreadable`. */
  unreadable: readonly UnreadableInput[];
  /** The extraction context of the taxonomy and gazetteer (`createExtractContext`). */
  context: ReturnType<typeof createExtractContext>;
}

export interface IncrementalOptions {
  topics: BuildOptions["topics"];
  /** An incremental build gives up (a full build is needed) beyond this many documents to read again. */
  maxDocuments: number;
}

/** The changes to the previous graph: every node and edge not named here stays as it was. */
export interface GraphDelta {
  removedNodes: Set<string>;
  /** Nodes added or changed, with all their attributes. */
  nodes: Map<string, NodeAttributes>;
  removedEdges: Set<string>;
  /** Edges added or changed. */
  edges: Map<string, { source: string; target: string; attributes: EdgeAttributes }>;
  attributes: GraphAttributes;
  report: BuildReport;
  /**
   * The previous state, its similar index joined by the papers added and changed (their vectors are
   * added; the positions of those removed or changed are emptied; the index arrays are not changed).
   */
  state: BuildState;
  /** Documents resolved again: the files changed and those sharing a paper with them. */
  documents: number;
}

/** Why an incremental build cannot be done, for the caller to run a full build instead. */
export interface IncrementalRefusal {
  refused: string;
}

const isPaperKind = (kind: string) => kind === "paper" || kind === "survey";
const isSharedKind = (kind: string) => kind === "topic" || kind === "benchmark";

/**
 * The changes `input` makes to the previous build, or why they cannot be made incrementally (a
 * collection among the documents touched, too many documents to read again, a document the cache
 * lacks). Pure but for the previous state's similar index, which the papers added join in place.
 */
export function updateGraph(
  input: IncrementalInput,
  options: IncrementalOptions,
): GraphDelta | IncrementalRefusal {
  const { previous, context } = input;

  // Which documents made which paper nodes, as the previous report says.
  const docsOfNode = new Map<string, string[]>();
  const oldInputs = new Map<string, InputReport>();
  for (const entry of previous.report.inputs) {
    oldInputs.set(entry.file, entry);
    for (const node of entry.nodes ?? []) {
      const list = docsOfNode.get(node);
      if (list) list.push(entry.file);
      else docsOfNode.set(node, [entry.file]);
    }
  }
  const changed = new Map(input.changed.map((entry) => [entry.id, entry]));
  const removedFiles = new Set(input.removed);
  // The catalogue tags and common words of the last full build, applied to each document read here.
  const facts = previous.state.corpus;
  if (!facts || !Array.isArray(facts.categoryTags) || !Array.isArray(facts.commonWords))
    return { refused: "the last build kept no corpus facts" };
  const withFacts = new Set<string>();

  // The documents to resolve again: the files changed, and, until nothing more joins, every
  // document of a paper one of them made before or makes now.
  const documents = new Set<string>([...changed.keys(), ...removedFiles]);
  const affected = new Set<string>();
  const addNodesOf = (id: string) => {
    for (const node of oldInputs.get(id)?.nodes ?? []) affected.add(node);
  };
  for (const id of documents) addNodesOf(id);
  let local: ReturnType<typeof resolvePapers> | undefined;
  let extractions: DocumentExtraction[] = [];
  const prepared = new Map<string, PreparedDocument>();
  for (;;) {
    for (const node of affected)
      for (const id of docsOfNode.get(node) ?? []) {
        if (!documents.has(id)) {
          documents.add(id);
          addNodesOf(id);
        }
      }
    if (documents.size > options.maxDocuments)
      return {
        refused: `the change touches ${documents.size} documents (more than ${options.maxDocuments})`,
      };
    extractions = [];
    for (const id of [...documents].sort(compareStrings)) {
      if (removedFiles.has(id)) continue;
      let entry = changed.get(id) ?? prepared.get(id);
      if (!entry) {
        entry = input.documentOf(id);
        if (!entry) return { refused: `the cache has no copy of ${id}` };
        prepared.set(id, entry);
      }
      if (entry.extraction?.collection)
        return { refused: `${id} is a curated list, whose papers a list change reaches` };
      if (entry.extraction && !withFacts.has(id)) {
        applyCorpusFacts(entry.extraction.papers, context.taxonomy, facts);
        withFacts.add(id);
      }
      if (entry.extraction) extractions.push(entry.extraction);
    }
    local = resolvePapers(extractions);
    const before = affected.size;
    for (const entity of local.entities)
      if (previous.nodes.has(entity.key) && isPaperKind(previous.nodes.get(entity.key)?.kind ?? ""))
        affected.add(entity.key);
    let grown = affected.size > before;
    for (const node of affected)
      for (const id of docsOfNode.get(node) ?? []) if (!documents.has(id)) grown = true;
    if (!grown) break;
  }
  if (!local) return { refused: "nothing to resolve" };

  // The local graph: the same assembly as a full build, with the kept key terms.
  const entities =
    options.topics === "discovered"
      ? local.entities.map((entity) => ({ ...entity, topics: [] }))
      : local.entities;
  const model: KeyTermModel | undefined = previous.state.keyTerms;
  const assignments =
    options.topics !== "taxonomy" && model ? assignKeyTerms(keyTermPapersOf(entities), model) : [];
  const localGraph = materializeGraph(
    collectGraph({
      entities,
      relations: local.relations,
      taxonomy: context.taxonomy,
      benchmarks: context.benchmarks,
      builtFrom: {},
      ...(model
        ? {
            discovered: {
              terms: model.terms.map((term) => ({
                id: term.id,
                label: term.label,
                language: /[\u3400-\u9fff]/.test(term.key) ? ("zh" as const) : ("en" as const),
                documents: term.documents,
                score: 0,
              })),
              assignments,
            },
          }
        : {}),
    }),
  );

  const delta: GraphDelta = {
    removedNodes: new Set(),
    nodes: new Map(),
    removedEdges: new Set(),
    edges: new Map(),
    attributes: previous.attributes,
    report: previous.report,
    state: previous.state,
    documents: documents.size,
  };
  const isTouchedDocument = (source: string) => documents.has(documentOf(source));

  // Paper nodes: those the local graph no longer has are removed; the others take their new
  // attributes, and keep their community, position, size and colour when they had them.
  const textChanged: string[] = [];
  const added: string[] = [];
  for (const key of affected) if (!localGraph.hasNode(key)) delta.removedNodes.add(key);
  // Shared nodes (topics, benchmarks) whose sources may change: those linked to a paper touched.
  const shared = new Set<string>();
  for (const key of affected)
    for (const edge of previous.edgesOf(key)) {
      const other = edge.source === key ? edge.target : edge.source;
      if (isSharedKind(previous.nodes.get(other)?.kind ?? "")) shared.add(other);
    }
  localGraph.forEachNode((key, attributes) => {
    if (isSharedKind(attributes.kind)) {
      shared.add(key);
      return;
    }
    const old = previous.nodes.get(key);
    if (old) {
      const before = previous.attributesOf(key);
      if (TEXT_FIELDS.some((field) => before[field] !== attributes[field])) textChanged.push(key);
      delta.nodes.set(key, placed(attributes, old));
    } else {
      added.push(key);
      delta.nodes.set(key, attributes);
    }
  });
  for (const key of shared) {
    const fresh = localGraph.hasNode(key) ? localGraph.getNodeAttributes(key) : undefined;
    const old = previous.nodes.get(key);
    if (!old) {
      if (fresh) {
        added.push(key);
        delta.nodes.set(key, fresh);
      }
      continue;
    }
    const before = previous.attributesOf(key);
    const sources = [
      ...new Set([
        ...before.sources.filter((source) => !isTouchedDocument(source)),
        ...(fresh?.sources ?? []),
      ]),
    ].sort(compareStrings);
    const aliases = [...(before.aliases ?? [])];
    for (const alias of fresh?.aliases ?? []) if (!aliases.includes(alias)) aliases.push(alias);
    const same =
      sources.length === before.sources.length &&
      sources.every((source, i) => source === before.sources[i]) &&
      aliases.length === (before.aliases ?? []).length;
    if (same) continue;
    delta.nodes.set(key, {
      ...before,
      sources,
      ...(aliases.length > 0 ? { aliases } : {}),
    });
  }

  // Edges: every edge a touched paper had that came from documents (all of them among those
  // resolved again) gives way to the local graph's; its similar edges stay, but for a removed paper
  // or one whose text changed, whose similar edges are found again.
  const recomputed = new Set([...textChanged, ...delta.removedNodes]);
  for (const key of affected)
    for (const edge of previous.edgesOf(key)) {
      if (edge.kind === "similar" && !recomputed.has(edge.source) && !recomputed.has(edge.target))
        continue;
      delta.removedEdges.add(edge.key);
    }
  // The local graph's edges are the touched papers' (a taxonomy `broader` edge between two topics
  // is new only when one of them is).
  localGraph.forEachEdge((key, attributes, source, target) => {
    const owned =
      !isSharedKind(localGraph.getNodeAttribute(source, "kind")) ||
      !isSharedKind(localGraph.getNodeAttribute(target, "kind"));
    if (!owned && previous.nodes.has(source) && previous.nodes.has(target)) return;
    delta.removedEdges.delete(key);
    delta.edges.set(key, { source, target, attributes });
  });

  // Similar edges of the papers added and of those whose text changed, from the kept index.
  const similar: SimilarIndex | undefined = previous.state.similar;
  if (similar) {
    // A paper removed or changed leaves its position empty; a paper added or changed takes a new one.
    const positionOf = new Map<string, number>();
    similar.papers.forEach((key, position) => {
      if (key) positionOf.set(key, position);
    });
    for (const key of [...delta.removedNodes, ...textChanged]) {
      const position = positionOf.get(key);
      if (position !== undefined) similar.papers[position] = "";
    }
    const joining = [
      ...textChanged,
      ...added.filter((key) => isPaperKind(delta.nodes.get(key)?.kind ?? "")),
    ].sort(compareStrings);
    const positions = addToSimilarIndex(
      similar,
      joining.map((key) => ({ key, fields: delta.nodes.get(key) as NodeAttributes })),
    );
    for (const edge of similarEdgesOf(similar, positions)) {
      delta.removedEdges.delete(edge.key);
      if (!delta.edges.has(edge.key))
        delta.edges.set(edge.key, {
          source: edge.source,
          target: edge.target,
          attributes: edge.attributes,
        });
    }
  }
  for (const key of delta.removedEdges) delta.edges.delete(key);

  placeNewNodes(delta, previous, added);
  delta.attributes = updateAttributes(previous, delta);
  delta.report = updateReport(input, delta, {
    documents,
    prepared,
    changed,
    oldInputs,
    local,
    affected,
  });
  return delta;
}

const TEXT_FIELDS = ["title", "titleZh", "abstract", "abstractZh"] as const;

/** `attributes` with the community, position, size and colour of the node it replaces. */
function placed(attributes: NodeAttributes, old: MapNode): NodeAttributes {
  return {
    ...attributes,
    community: old.community,
    x: old.x,
    y: old.y,
    size: old.size,
    color: old.color,
  };
}

/**
 * Community, position, size and colour of the nodes added: the community most of their links lead
 * to (by weight; ties to the lower id), a place near the neighbours in it, a step away in a
 * direction of their own (from their key's hash), the smallest size of their kind; a node with no
 * neighbour placed gets a community of its own, below the map.
 */
function placeNewNodes(delta: GraphDelta, previous: PreviousBuild, added: readonly string[]): void {
  let minX = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  let nextCommunity = 0;
  const smallest = new Map<string, number>();
  for (const [, node] of previous.nodes) {
    minX = Math.min(minX, node.x);
    maxX = Math.max(maxX, node.x);
    minY = Math.min(minY, node.y);
    maxY = Math.max(maxY, node.y);
    nextCommunity = Math.max(nextCommunity, node.community + 1);
    smallest.set(node.kind, Math.min(smallest.get(node.kind) ?? node.size, node.size));
  }
  if (!Number.isFinite(minX)) [minX, maxX, minY, maxY] = [0, 1, 0, 1];
  const extent = Math.max(maxX - minX, maxY - minY, 1);
  const neighbours = new Map<string, { other: string; weight: number }[]>();
  for (const [, edge] of delta.edges) {
    for (const [a, b] of [
      [edge.source, edge.target],
      [edge.target, edge.source],
    ] as const) {
      const list = neighbours.get(a) ?? [];
      list.push({ other: b, weight: edge.attributes.weight });
      neighbours.set(a, list);
    }
  }
  const where = (key: string) => {
    const fresh = delta.nodes.get(key);
    if (fresh && fresh.community >= 0) return fresh;
    if (fresh) return undefined;
    return delta.removedNodes.has(key) ? undefined : previous.nodes.get(key);
  };
  // Two rounds: nodes joined only to other new nodes are placed once those are.
  const pending = [...added].sort(compareStrings);
  for (let round = 0; round < 2; round += 1) {
    for (const key of pending) {
      const node = delta.nodes.get(key) as NodeAttributes;
      if (node.community >= 0) continue;
      const votes = new Map<number, number>();
      for (const { other, weight } of neighbours.get(key) ?? []) {
        const at = where(other);
        if (at) votes.set(at.community, (votes.get(at.community) ?? 0) + weight);
      }
      if (votes.size === 0 && round === 0) continue;
      const angle = (hashOf(key) / 0x100000000) * 2 * Math.PI;
      const size = smallest.get(node.kind) ?? node.size;
      let community: number;
      let x: number;
      let y: number;
      if (votes.size === 0) {
        community = nextCommunity++;
        x = minX + ((hashOf(`${key}#x`) % 1000) / 1000) * (maxX - minX);
        y = minY - 0.02 * extent;
      } else {
        community = [...votes].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] as number;
        let sx = 0;
        let sy = 0;
        let sw = 0;
        for (const { other, weight } of neighbours.get(key) ?? []) {
          const at = where(other);
          if (!at || at.community !== community) continue;
          // A hub (a topic of thousands of papers) says little about where one paper goes.
          const w = at.kind === "paper" || at.kind === "survey" ? weight : weight / 10;
          sx += w * at.x;
          sy += w * at.y;
          sw += w;
        }
        const step = 0.004 * extent;
        x = sx / sw + step * Math.cos(angle);
        y = sy / sw + step * Math.sin(angle);
      }
      delta.nodes.set(key, {
        ...node,
        community,
        x: Math.round(x * 100) / 100,
        y: Math.round(y * 100) / 100,
        size,
        color: COMMUNITY_COLORS[community % COMMUNITY_COLORS.length] ?? "#999999",
      });
    }
  }
}

/** FNV-1a (32 bits) of a string's UTF-16 code units. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** The graph's attributes: community sizes counted again, new communities named by their node. */
function updateAttributes(previous: PreviousBuild, delta: GraphDelta): GraphAttributes {
  const communities: Record<string, CommunityInfo> = {};
  for (const [id, info] of Object.entries(previous.attributes.communities))
    communities[id] = { ...info };
  const count = (community: number, by: number, label?: string) => {
    const id = String(community);
    const info = communities[id];
    if (info) info.size += by;
    else if (by > 0)
      communities[id] = {
        label: label ?? `community ${id}`,
        size: by,
        color: COMMUNITY_COLORS[community % COMMUNITY_COLORS.length] ?? "#999999",
        terms: [],
      };
  };
  for (const key of delta.removedNodes) {
    const old = previous.nodes.get(key);
    if (old) count(old.community, -1);
  }
  for (const [key, node] of delta.nodes) {
    if (previous.nodes.has(key)) continue;
    count(node.community, 1, node.label);
  }
  for (const [id, info] of Object.entries(communities)) if (info.size <= 0) delete communities[id];
  return {
    ...previous.attributes,
    version: GRAPH_FORMAT_VERSION,
    communities,
  };
}

/** The report: the entries of the documents resolved again replaced, counts made again. */
function updateReport(
  input: IncrementalInput,
  delta: GraphDelta,
  parts: {
    documents: ReadonlySet<string>;
    prepared: ReadonlyMap<string, PreparedDocument>;
    changed: ReadonlyMap<string, PreparedDocument>;
    oldInputs: ReadonlyMap<string, InputReport>;
    local: ReturnType<typeof resolvePapers>;
    affected: ReadonlySet<string>;
  },
): BuildReport {
  const { previous } = input;
  const nodesOfDocument = new Map<string, Set<string>>();
  for (const entity of parts.local.entities)
    for (const member of entity.members) {
      const set = nodesOfDocument.get(member.record.document) ?? new Set<string>();
      set.add(entity.key);
      nodesOfDocument.set(member.record.document, set);
    }
  const inputs: InputReport[] = [];
  for (const entry of previous.report.inputs)
    if (input.current.has(entry.file) && !parts.documents.has(entry.file)) inputs.push(entry);
  for (const id of parts.documents) {
    const entry = parts.changed.get(id) ?? parts.prepared.get(id);
    if (!entry) continue;
    const { report } = entry;
    if (report.state !== "parsed") {
      inputs.push(report);
      continue;
    }
    const { diagnostics, ...rest } = report;
    inputs.push({
      ...rest,
      nodes: [...(nodesOfDocument.get(id) ?? [])].sort(compareStrings),
      diagnostics,
    });
  }
  for (const entry of input.unreadable) inputs.push(describeUnreadable(entry));
  inputs.sort((a, b) => compareStrings(a.file, b.file));

  const gone = new Set([...parts.affected, ...delta.removedNodes]);
  const merges = [
    ...previous.report.merges.filter((merge) => !gone.has(merge.node)),
    ...parts.local.merges,
  ];
  const touches = (source: string) => parts.documents.has(documentOf(source.split(" (")[0] ?? ""));
  const refusedMerges = [
    ...previous.report.refusedMerges.filter((r) => !touches(r.a) && !touches(r.b)),
    ...parts.local.refused,
  ];

  // Node and edge counts by kind: the previous ones, less what went, plus what came.
  const nodesByKind: Record<string, number> = { ...previous.report.summary.nodesByKind };
  const edgesByKind: Record<string, number> = { ...previous.report.summary.edgesByKind };
  const bump = (record: Record<string, number>, kind: string, by: number) => {
    record[kind] = (record[kind] ?? 0) + by;
    if (record[kind] === 0) delete record[kind];
  };
  for (const key of delta.removedNodes)
    bump(nodesByKind, previous.nodes.get(key)?.kind ?? "paper", -1);
  for (const [key, node] of delta.nodes)
    if (!previous.nodes.has(key)) bump(nodesByKind, node.kind, 1);
  const oldEdges = new Map<string, EdgeKind>();
  for (const key of [...parts.affected, ...delta.removedNodes, ...delta.nodes.keys()])
    if (previous.nodes.has(key))
      for (const edge of previous.edgesOf(key)) oldEdges.set(edge.key, edge.kind);
  for (const key of delta.removedEdges) {
    const kind = oldEdges.get(key);
    if (kind) bump(edgesByKind, kind, -1);
  }
  for (const [key, edge] of delta.edges)
    if (!oldEdges.has(key)) bump(edgesByKind, edge.attributes.kind, 1);
  const sorted = (record: Record<string, number>) =>
    Object.fromEntries(Object.entries(record).sort(([a], [b]) => compareStrings(a, b)));
  const diagnostics = inputs.flatMap((entry) => entry.diagnostics);
  const nodeCount = Object.values(nodesByKind).reduce((sum, n) => sum + n, 0);
  const edgeCount = Object.values(edgesByKind).reduce((sum, n) => sum + n, 0);
  const builtFrom: Record<string, number> = {};
  for (const entry of inputs)
    if (entry.state === "parsed" && entry.format)
      builtFrom[entry.format] = (builtFrom[entry.format] ?? 0) + 1;
  delta.attributes = { ...delta.attributes, builtFrom: sorted(builtFrom) };
  return {
    version: GRAPH_FORMAT_VERSION,
    summary: {
      files: inputs.length,
      parsed: inputs.filter((entry) => entry.state === "parsed").length,
      skipped: inputs.filter((entry) => entry.state === "skipped").length,
      records: inputs.reduce((sum, entry) => sum + (entry.records ?? 0), 0),
      nodes: nodeCount,
      edges: edgeCount,
      nodesByKind: sorted(nodesByKind),
      edgesByKind: sorted(edgesByKind),
      communities: Object.keys(delta.attributes.communities).length,
      modularity: delta.attributes.modularity,
      merges: merges.length,
      warnings: diagnostics.filter((d) => d.severity === "warning").length,
      errors: diagnostics.filter((d) => d.severity === "error").length,
    },
    inputs,
    merges,
    refusedMerges,
  };
}
