// Graph assembly: resolved paper entities and their mentions become a graphology graph following the
// contract in types.ts; curated lists become collection nodes that list their papers. Nodes and
// edges are added in sorted key order so that two builds of the same inputs export byte-identical
// graphs. Layout and communities are filled in by analyse.ts.
import Graph from "graphology";
import type { DiscoveredTerm, KeyTermAssignment } from "../extract/key-terms.ts";
import type { BenchmarkDefinition, Evidence, Taxonomy } from "../extract/types.ts";
import { detachText } from "../ingest/detach.ts";
import type { CollectionRecord, PaperRecord } from "../ingest/types.ts";
import { slugifyTitle } from "../resolve/normalize.ts";
import type { DocumentExtraction, EntityRelation, PaperEntity } from "../resolve/types.ts";
import type {
  EdgeAttributes,
  EdgeKind,
  GraphAttributes,
  LitGraph,
  NodeAttributes,
} from "./types.ts";

export const GRAPH_FORMAT_VERSION = "1";

export interface AssembleInput {
  entities: PaperEntity[];
  relations: EntityRelation[];
  taxonomy: Taxonomy;
  benchmarks: BenchmarkDefinition[];
  /** Number of documents read per format, for the `builtFrom` graph attribute. */
  builtFrom: Record<string, number>;
  /** Curated lists (awesome lists) and the entities their records became. Default none. */
  collections?: CollectionInput[];
  /** Key terms discovered in the corpus and the papers given them (topics of `origin: "discovered"`). */
  discovered?: { terms: readonly DiscoveredTerm[]; assignments: readonly KeyTermAssignment[] };
}

/** A curated list to add as a collection node, with the entity key each of its records became. */
export interface CollectionInput {
  /** Id of the document that is the list. */
  document: string;
  collection: CollectionRecord;
  /** The document's records, in order; `collection.companion` indexes into them. */
  records: readonly PaperRecord[];
  /** The entity key of each record, by index (empty or absent when a record became no entity). */
  entityKeys: readonly (string | undefined)[];
}

/** How a section path is written on a `lists` edge: `Models › Multimodal`. */
export const SECTION_SEPARATOR = " › ";

/** Attributes every node gets before analysis assigns them. */
const UNPLACED = { community: -1, x: 0, y: 0, size: 1, color: "#999999" } as const;

export function topicKey(id: string): string {
  return `topic:${id}`;
}

export function benchmarkKey(slug: string): string {
  return `benchmark:${slug}`;
}

/**
 * The node key of a collection: `collection:<slug of its title>`, or of its document id when the
 * title has no letters or digits. Two copies of one list share the node.
 */
export function collectionKey(title: string, document: string): string {
  return `collection:${slugifyTitle(title) || slugifyTitle(document) || "untitled"}`;
}

/**
 * The collections of a resolved set of documents: each document with a `collection`, its records
 * and the entity keys `recordKeys[d]` its records became (`resolvePapers(…).recordKeys`).
 */
export function listCollections(
  documents: readonly DocumentExtraction[],
  recordKeys: readonly (readonly string[])[],
): CollectionInput[] {
  const collections: CollectionInput[] = [];
  documents.forEach((doc, d) => {
    if (!doc.collection) return;
    collections.push({
      document: doc.id,
      collection: doc.collection,
      records: doc.papers.map((paper) => paper.record),
      entityKeys: recordKeys[d] ?? [],
    });
  });
  return collections;
}

/** The key of the edge of `kind` between `source` and `target`: one edge per pair and kind. */
export function edgeKey(kind: EdgeKind, source: string, target: string): string {
  // \`join\` makes one flat string; a template literal makes a rope that, once flattened as a map
  // key, keeps a 32-byte node besides the flat text for every edge of the graph.
  return [kind, ":", source, "|", target].join("");
}

/** An edge of a {@link PendingGraph}: its evidence so far, merged over the records that state it. */
export interface PendingEdge {
  kind: EdgeKind;
  source: string;
  target: string;
  evidence: Evidence[];
  score?: number;
  sections?: string[];
}

/**
 * Build the graph of papers, surveys, topics and benchmarks.
 * Edge weights count the distinct documents that attest a link; evidence keeps every document's words.
 */
export function assembleGraph(input: AssembleInput): LitGraph {
  return materializeGraph(collectGraph(input));
}

/**
 * The nodes and edges of a graph before it is made: what {@link collectGraph} gathers from the
 * entities, and all {@link materializeGraph} needs. A caller that lets its entities go between the
 * two steps holds them and the graph at the same time no longer.
 */
export interface PendingGraph {
  nodes: Map<string, NodeAttributes>;
  edges: Map<string, PendingEdge>;
  /** Sources of topic and benchmark nodes, added to their own when the graph is made. */
  extraSources: Map<string, Set<string>>;
  builtFrom: Record<string, number>;
}

/** The first step of {@link assembleGraph}: nodes and edges with their evidence, merged by key. */
export function collectGraph(input: AssembleInput): PendingGraph {
  const nodes = new Map<string, NodeAttributes>();
  const edges = new Map<string, PendingEdge>();
  const topicsById = new Map(input.taxonomy.topics.map((t) => [t.id, t]));
  const benchmarksBySlug = new Map(input.benchmarks.map((b) => [b.slug, b]));

  const shareEvidence = createEvidencePool();
  const addEdge = (
    kind: EdgeKind,
    source: string,
    target: string,
    evidence: Evidence[],
    score?: number,
  ) => {
    const key = edgeKey(kind, source, target);
    const pending = edges.get(key);
    if (!pending) {
      edges.set(key, {
        kind,
        source,
        target,
        evidence: evidence.map(shareEvidence),
        ...(score !== undefined ? { score } : {}),
      });
      return;
    }
    for (const item of evidence) {
      if (!pending.evidence.some((e) => e.source === item.source && e.snippet === item.snippet)) {
        pending.evidence.push(shareEvidence(item));
      }
    }
    if (score !== undefined) pending.score = Math.max(pending.score ?? 0, score);
  };
  // Topic and benchmark nodes collect the documents that mention them; a popular topic has thousands.
  const extraSources = new Map<string, Set<string>>();
  const addSource = (key: string, source: string) => {
    const set = extraSources.get(key);
    if (set) set.add(source);
    else extraSources.set(key, new Set([source]));
  };

  const ensureTopic = (id: string): string | undefined => {
    const definition = topicsById.get(id);
    if (!definition) return undefined;
    const key = topicKey(id);
    if (!nodes.has(key)) {
      nodes.set(key, {
        kind: "topic",
        label: definition.label,
        origin: "taxonomy",
        ...(definition.labelZh ? { titleZh: definition.labelZh } : {}),
        ...(definition.parent ? { parent: topicKey(definition.parent) } : {}),
        sources: [],
        ...UNPLACED,
      });
      if (definition.parent && ensureTopic(definition.parent)) {
        addEdge("broader", key, topicKey(definition.parent), [
          {
            source: "taxonomy",
            snippet: `${definition.label} is part of ${topicsById.get(definition.parent)?.label}`,
          },
        ]);
      }
    }
    return key;
  };

  for (const entity of input.entities) {
    nodes.set(entity.key, paperAttributes(entity));
  }

  for (const entity of input.entities) {
    for (const mention of entity.topics) {
      const key = ensureTopic(mention.topic);
      if (!key) continue;
      addSource(key, mention.evidence.source);
      addEdge("covers", entity.key, key, [mention.evidence]);
    }
    for (const mention of entity.benchmarks) {
      const key = benchmarkKey(mention.slug);
      if (!nodes.has(key)) {
        const known = benchmarksBySlug.get(mention.slug);
        nodes.set(key, {
          kind: "benchmark",
          label: known?.name ?? mention.name,
          ...(known && known.aliases.length > 0 ? { aliases: [...known.aliases] } : {}),
          ...(known?.modality ? { modality: known.modality } : {}),
          ...(known?.language ? { language: known.language } : {}),
          ...(known?.task ? { task: known.task } : {}),
          sources: [],
          ...UNPLACED,
        });
      }
      const node = nodes.get(key);
      for (const alias of mention.aliases ?? []) {
        if (!node || alias === node.label) continue;
        const aliases = node.aliases ?? [];
        if (!aliases.includes(alias)) {
          aliases.push(alias);
          node.aliases = aliases;
        }
      }
      addSource(key, mention.evidence.source);
      addEdge(mention.relation, entity.key, key, [mention.evidence]);
    }
  }

  // Discovered terms: a topic node each (its key cannot be a taxonomy topic's: discovery skips those).
  const discoveredKeys = new Map<string, string>();
  for (const term of input.discovered?.terms ?? []) {
    const key = topicKey(term.id);
    if (nodes.has(key) || topicsById.has(term.id)) continue;
    discoveredKeys.set(term.id, key);
    nodes.set(key, {
      kind: "topic",
      label: term.label,
      origin: "discovered",
      sources: [],
      ...UNPLACED,
    });
  }
  for (const assignment of input.discovered?.assignments ?? []) {
    const key = discoveredKeys.get(assignment.term);
    if (!key || !nodes.has(assignment.paper)) continue;
    addSource(key, assignment.evidence.source);
    addEdge("covers", assignment.paper, key, [assignment.evidence]);
  }

  for (const relation of input.relations) {
    addEdge(relation.kind, relation.a, relation.b, relation.evidence, relation.score);
  }

  // Collections: a node per list, a `lists` edge to each paper it lists (with the sections it is
  // filed under), a `companion` edge to the survey the list accompanies.
  for (const { collection, records, entityKeys, document } of input.collections ?? []) {
    const key = collectionKey(collection.title, document);
    const existing = nodes.get(key);
    if (existing) {
      existing.urls = [...new Set([...(existing.urls ?? []), ...collection.urls])];
      existing.sources.push(document);
    } else {
      nodes.set(key, {
        kind: "collection",
        label: collection.title,
        urls: [...collection.urls],
        sources: [document],
        ...UNPLACED,
      });
    }
    records.forEach((record, index) => {
      const paper = entityKeys[index];
      if (!paper || !nodes.has(paper)) return;
      const evidence: Evidence = { source: record.source, snippet: describeItem(record) };
      if (index === collection.companion) {
        addEdge("companion", key, paper, [
          { source: record.source, snippet: `companion survey: ${describeItem(record)}` },
        ]);
      }
      if (record.role !== "listed") return;
      addEdge("lists", key, paper, [evidence]);
      const section = (record.section ?? []).join(SECTION_SEPARATOR);
      if (!section) return;
      const pending = edges.get(edgeKey("lists", key, paper));
      if (pending && !(pending.sections ?? []).includes(section)) {
        pending.sections = [...(pending.sections ?? []), section];
      }
    });
  }

  return { nodes, edges, extraSources, builtFrom: input.builtFrom };
}

/**
 * The second step of {@link assembleGraph}: the graph of `pending`, nodes and edges added in
 * sorted key order. `pending` is used up: each edge is taken out of it once added.
 */
export function materializeGraph(pending: PendingGraph): LitGraph {
  const { nodes, edges, extraSources } = pending;
  const graph: LitGraph = new Graph<NodeAttributes, EdgeAttributes, GraphAttributes>({
    type: "undirected",
    multi: true,
    allowSelfLoops: false,
  });
  graph.replaceAttributes({
    version: GRAPH_FORMAT_VERSION,
    modularity: 0,
    communities: {},
    builtFrom: sortRecord(pending.builtFrom),
  });
  // The default order of strings is code-unit order, as `compareStrings`, and faster without a comparator.
  for (const key of [...nodes.keys()].sort()) {
    const attributes = nodes.get(key) as NodeAttributes;
    const extra = extraSources.get(key);
    if (extra) attributes.sources = [...new Set([...attributes.sources, ...extra])];
    attributes.sources.sort();
    graph.addNode(key, attributes);
  }
  // Each pending edge is let go once added: its evidence list becomes the edge's, sorted in place.
  for (const key of [...edges.keys()].sort()) {
    const edge = edges.get(key) as PendingEdge;
    edges.delete(key);
    const evidence =
      edge.evidence.length < 2
        ? edge.evidence
        : edge.evidence.sort(
            (a, b) => compareStrings(a.source, b.source) || compareStrings(a.snippet, b.snippet),
          );
    graph.addUndirectedEdgeWithKey(key, edge.source, edge.target, {
      kind: edge.kind,
      weight: evidence.length < 2 ? 1 : new Set(evidence.map((e) => documentOf(e.source))).size,
      evidence,
      ...(edge.score !== undefined ? { score: edge.score } : {}),
      ...(edge.sections && edge.sections.length > 0 ? { sections: edge.sections } : {}),
    });
  }
  return graph;
}

/**
 * A function that returns one shared object for evidence of equal source and snippet, and one
 * shared snippet string for equal snippets from different sources. A sentence that names two
 * topics or two benchmarks is quoted by several edges; at a million papers the copies add up.
 * The snippets kept are copies, holding none of the texts they were cut from.
 */
function createEvidencePool(): (item: Evidence) => Evidence {
  // One item, a short list, or past POOL_LIST_MAX items a map by source: a sentence the corpus
  // repeats (a site's boilerplate) is quoted from thousands of sources.
  const bySnippet = new Map<string, Evidence | Evidence[] | Map<string, Evidence>>();
  return (item) => {
    const found = bySnippet.get(item.snippet);
    if (found === undefined) {
      // A snippet is a slice of a record's text: its copy lets the record's text go.
      const kept = { ...item, snippet: detachText(item.snippet) };
      bySnippet.set(kept.snippet, kept);
      return kept;
    }
    if (found instanceof Map) {
      const known = found.get(item.source);
      if (known) return known;
      const shared = { ...item, snippet: (found.values().next().value as Evidence).snippet };
      found.set(item.source, shared);
      return shared;
    }
    const list = Array.isArray(found) ? found : [found];
    for (const known of list) if (known.source === item.source) return known;
    const shared = { ...item, snippet: (list[0] as Evidence).snippet };
    list.push(shared);
    if (list.length > POOL_LIST_MAX)
      bySnippet.set(item.snippet, new Map(list.map((known) => [known.source, known])));
    else if (list.length === 2) bySnippet.set(item.snippet, list);
    return shared;
  };
}

/** Sources of one snippet looked through in a list; more are looked up in a map. */
const POOL_LIST_MAX = 8;

/**
 * The document a source id names: `list.md#12` → `list.md`. A weight counts documents, so the
 * items of one multi-record file attest a link once.
 */
export function documentOf(source: string): string {
  return source.replace(/#\d+$/, "");
}

/** The words of a listed item that evidence quotes: its title, else its identifier. */
function describeItem(record: PaperRecord): string {
  const id = record.arxiv
    ? `arXiv:${record.arxiv}`
    : record.doi
      ? `doi:${record.doi}`
      : record.acl
        ? `ACL Anthology ${record.acl}`
        : record.pmid
          ? `PMID ${record.pmid}`
          : record.openreview
            ? `OpenReview ${record.openreview}`
            : record.source;
  return record.title ?? record.titleZh ?? id;
}

function paperAttributes(entity: PaperEntity): NodeAttributes {
  return {
    kind: entity.kind,
    label: entity.label,
    ...(entity.arxiv ? { arxiv: entity.arxiv } : {}),
    ...(entity.doi ? { doi: entity.doi } : {}),
    ...(entity.acl ? { acl: entity.acl } : {}),
    ...(entity.pmid ? { pmid: entity.pmid } : {}),
    ...(entity.openreview ? { openreview: entity.openreview } : {}),
    ...(entity.venue ? { venue: entity.venue } : {}),
    ...(entity.title ? { title: entity.title } : {}),
    ...(entity.titleZh ? { titleZh: entity.titleZh } : {}),
    ...(entity.abstract ? { abstract: entity.abstract } : {}),
    ...(entity.abstractZh ? { abstractZh: entity.abstractZh } : {}),
    ...(entity.year !== undefined ? { year: entity.year } : {}),
    ...(entity.date ? { date: entity.date } : {}),
    authors: entity.authors,
    urls: entity.urls,
    // The entity's own list (its entity is let go once the graph is collected).
    sources: entity.sources,
    ...UNPLACED,
  };
}

/** Plain code-unit comparison: the same order on every machine and locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortRecord(record: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => compareStrings(a, b)));
}
