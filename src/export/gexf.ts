// GEXF writer: a built graph as a GEXF 1.2draft or 1.3 document that Gephi, networkx and
// graphology-gexf open with colours, positions, sizes and typed attributes.
import { LitgraphError } from "../errors.ts";
import type { EdgeAttributes, LitGraph, NodeAttributes } from "../graph/types.ts";
import { type FieldSpec, parseColor, selectEdgeFields, selectNodeFields } from "./fields.ts";
import { createTracker, type ElementMarks } from "./graph-json.ts";
import { escapeXmlAttribute, escapeXmlText, stripInvalidXmlCharacters } from "./xml.ts";

/** Options of `writeGexf`. */
export interface GexfOptions {
  /**
   * GEXF version: `1.2` writes GEXF 1.2draft (namespace `http://www.gexf.net/1.2draft`), the
   * version most readers know (networkx before 3.x reads only 1.1draft and 1.2draft); `1.3`
   * writes GEXF 1.3 (`http://gexf.net/1.3`). Default `1.2`.
   */
  version: "1.2" | "1.3";
}

export const DEFAULT_GEXF_OPTIONS: Readonly<GexfOptions> = Object.freeze({ version: "1.2" });

const GEXF_VERSIONS: readonly GexfOptions["version"][] = ["1.2", "1.3"];

/** Merge partial options over `DEFAULT_GEXF_OPTIONS`; throws `invalid-options` for a bad version. */
export function resolveGexfOptions(partial: Partial<GexfOptions> = {}): GexfOptions {
  const options: GexfOptions = { version: partial.version ?? DEFAULT_GEXF_OPTIONS.version };
  if (!GEXF_VERSIONS.includes(options.version)) {
    throw new LitgraphError(
      "invalid-options",
      `export: GEXF version "${String(options.version)}" is not supported. Use "1.2" or "1.3".`,
    );
  }
  return options;
}

/**
 * Node attributes written as GEXF attvalues. `label` is the GEXF label; `x`, `y`, `size` and
 * `color` go to the viz module. Abstracts are left out: they are too long for Gephi's data
 * table (graph.json and the CSV export keep them).
 */
const GEXF_NODE_FIELDS = selectNodeFields([
  "kind",
  "community",
  "year",
  "date",
  "arxiv",
  "doi",
  "title",
  "titleZh",
  "authors",
  "urls",
  "parent",
  "origin",
  "modality",
  "language",
  "task",
  "sources",
]);

/** Edge attributes written as GEXF attvalues; `weight` is the GEXF edge weight. */
const GEXF_EDGE_FIELDS = selectEdgeFields(["kind", "score", "evidence"]);

/** GEXF names of the column types (`integer` is 32-bit, which years and community ids fit). */
const GEXF_TYPES = { string: "string", integer: "integer", double: "double" } as const;

const NAMESPACES = {
  "1.2": {
    gexf: "http://www.gexf.net/1.2draft",
    viz: "http://www.gexf.net/1.2draft/viz",
    schema: "http://www.gexf.net/1.2draft/gexf.xsd",
  },
  "1.3": {
    gexf: "http://gexf.net/1.3",
    viz: "http://gexf.net/1.3/viz",
    schema: "http://gexf.net/1.3/gexf.xsd",
  },
} as const;

const INDENT = "  ";

type GexfValue = string | number;

/** Chunks of about this many characters are handed out: big enough to write well, small to hold. */
const CHUNK_CHARACTERS = 1 << 16;

/**
 * Write `graph` as a GEXF document (UTF-8, indented, same graph → same bytes).
 *
 * - Nodes: `label`, viz colour (as `r`/`g`/`b`[/`a`], which every reader understands; colours
 *   that are not hex or `rgb()` are left out), viz position (`x`, `y`) and size, and the
 *   attributes of `GEXF_NODE_FIELDS` declared with explicit types: `community` and `year` are
 *   `integer`, the rest `string`. List attributes (`authors`, `urls`, `sources`) are one string
 *   joined with `"; "`, not GEXF list types, whose syntax differs between readers.
 * - Edges: `weight`, the GEXF `kind` (standard since GEXF 1.3; written in 1.2 as well because
 *   Gephi reads it there too and otherwise merges two edges of different kinds between the same
 *   pair), and attributes `kind` (string), `score` (double) and `evidence` (string,
 *   `source: snippet | source: snippet`).
 * - Meta: creator `litgraph` and a description. Graph attributes (modularity, communities) are
 *   not GEXF meta and are not written.
 *
 * Characters XML 1.0 forbids (NUL, backspace, …) are removed from all text.
 */
export function writeGexf(graph: LitGraph, options: Partial<GexfOptions> = {}): string {
  let text = "";
  for (const chunk of writeGexfChunks(graph, options)) text += chunk;
  return text;
}

/**
 * The document `writeGexf` returns, in pieces of about 64 K characters, so that a caller can
 * write a large graph to a file without holding the whole text. The options are checked before
 * the first piece (a bad version throws `invalid-options` on the first `next()`).
 */
export function* writeGexfChunks(
  graph: LitGraph,
  options: Partial<GexfOptions> = {},
  marks?: GexfMarks,
): Generator<string, void, undefined> {
  const { version } = resolveGexfOptions(options);
  const nodeColumns = findColumns(
    GEXF_NODE_FIELDS,
    graph.nodeEntries(),
    (entry) => entry.attributes,
  );
  const edgeColumns = findColumns(
    GEXF_EDGE_FIELDS,
    graph.edgeEntries(),
    (entry) => entry.attributes,
  );
  const defaultEdgeType = inferEdgeType(graph);
  if (marks) {
    marks.columns = {
      nodeDeclared: [...nodeColumns.declared],
      nodeWritten: nodeColumns.written.map((field) => field.name),
      edgeDeclared: [...edgeColumns.declared],
      edgeWritten: edgeColumns.written.map((field) => field.name),
      defaultEdgeType,
    };
  }
  const tracker = createTracker(marks);

  let buffer =
    `<?xml version="1.0" encoding="UTF-8"?>\n${formatRootTag(version)}\n${formatMeta(graph)}` +
    `\n${INDENT}<graph defaultedgetype="${defaultEdgeType}">`;
  if (nodeColumns.written.length > 0) {
    buffer += `\n${formatDeclarations("node", GEXF_NODE_FIELDS, nodeColumns.declared)}`;
  }
  if (edgeColumns.written.length > 0) {
    buffer += `\n${formatDeclarations("edge", GEXF_EDGE_FIELDS, edgeColumns.declared)}`;
  }

  if (graph.order === 0) {
    buffer += `\n${INDENT.repeat(2)}<nodes/>`;
  } else {
    buffer += GEXF_NODES_OPEN;
    tracker.add(buffer);
    for (const { node, attributes } of graph.nodeEntries()) {
      const element = formatNode(node, attributes, nodeColumns.written);
      buffer += element;
      tracker.element(marks?.nodes, "", element);
      if (buffer.length >= CHUNK_CHARACTERS) {
        yield buffer;
        buffer = "";
      }
    }
    buffer += GEXF_NODES_CLOSE;
    tracker.add(GEXF_NODES_CLOSE);
  }

  if (graph.size === 0) {
    buffer += `\n${INDENT.repeat(2)}<edges/>`;
  } else {
    buffer += GEXF_EDGES_OPEN;
    tracker.add(GEXF_EDGES_OPEN);
    for (const { edge, attributes, source, target, undirected } of graph.edgeEntries()) {
      const type = undirected ? "undirected" : "directed";
      const element = formatEdge(
        edge,
        source,
        target,
        type === defaultEdgeType ? undefined : type,
        attributes,
        edgeColumns.written,
      );
      buffer += element;
      tracker.element(marks?.edges, "", element);
      if (buffer.length >= CHUNK_CHARACTERS) {
        yield buffer;
        buffer = "";
      }
    }
    buffer += GEXF_EDGES_CLOSE;
  }
  buffer += GEXF_TAIL;
  yield buffer;
}

const GEXF_NODES_OPEN = `\n${INDENT.repeat(2)}<nodes>`;
const GEXF_NODES_CLOSE = `\n${INDENT.repeat(2)}</nodes>`;
const GEXF_EDGES_OPEN = `\n${INDENT.repeat(2)}<edges>`;
const GEXF_EDGES_CLOSE = `\n${INDENT.repeat(2)}</edges>`;
const GEXF_TAIL = `\n${INDENT}</graph>\n</gexf>\n`;
/** What a GEXF of a graph with nodes and edges holds between its last node and its first edge. */
export const GEXF_MIDDLE = GEXF_NODES_CLOSE + GEXF_EDGES_OPEN;
/** … and after its last edge. */
export const GEXF_END = GEXF_EDGES_CLOSE + GEXF_TAIL;

/** The columns a GEXF was written with: which attributes are declared and which written, in order. */
export interface GexfColumns {
  nodeDeclared: string[];
  nodeWritten: string[];
  edgeDeclared: string[];
  edgeWritten: string[];
  defaultEdgeType: "directed" | "undirected";
}

/** `ElementMarks` of a GEXF, and the columns it was written with. */
export interface GexfMarks extends ElementMarks {
  columns?: GexfColumns;
}

/**
 * Write single elements as `writeGexfChunks` wrote them into a file with `columns`, for a later build
 * that keeps that file's other elements: undefined when an element has a value no column of the file
 * holds (the file's declarations would change, so it has to be written whole).
 */
export function createGexfElementWriter(columns: GexfColumns): {
  node(key: string, attributes: NodeAttributes): string | undefined;
  edge(key: string, source: string, target: string, attributes: EdgeAttributes): string | undefined;
} {
  const pick = <A>(fields: readonly FieldSpec<A>[], names: string[]) =>
    names.map((name) => fields.find((field) => field.name === name) as FieldSpec<A>);
  const nodeWritten = pick(GEXF_NODE_FIELDS, columns.nodeWritten);
  const edgeWritten = pick(GEXF_EDGE_FIELDS, columns.edgeWritten);
  const fits = <A>(
    fields: readonly FieldSpec<A>[],
    declared: Set<string>,
    written: Set<string>,
    attributes: A,
  ) =>
    fields.every((field) => {
      const value = field.read(attributes);
      if (value === undefined) return true;
      return declared.has(field.name) && (isEmptyValue(value) || written.has(field.name));
    });
  const nodeSets = [new Set(columns.nodeDeclared), new Set(columns.nodeWritten)] as const;
  const edgeSets = [new Set(columns.edgeDeclared), new Set(columns.edgeWritten)] as const;
  return {
    node(key, attributes) {
      if (!fits(GEXF_NODE_FIELDS, nodeSets[0], nodeSets[1], attributes)) return undefined;
      return formatNode(key, attributes, nodeWritten);
    },
    edge(key, source, target, attributes) {
      if (!fits(GEXF_EDGE_FIELDS, edgeSets[0], edgeSets[1], attributes)) return undefined;
      const type = columns.defaultEdgeType === "undirected" ? undefined : "undirected";
      return formatEdge(key, source, target, type, attributes, edgeWritten);
    },
  };
}

/**
 * The columns of one class: `declared` are those with a value on some element (their
 * declarations follow field order); `written` are those with a non-empty value, in the order
 * they first occur, which is the order attvalues are written in (as GEXF readers and earlier
 * litgraph output have it). A column already known is not read again.
 */
function findColumns<A, E>(
  fields: readonly FieldSpec<A>[],
  elements: Iterable<E>,
  attributesOf: (element: E) => A,
): { declared: Set<string>; written: FieldSpec<A>[] } {
  const declared = new Set<string>();
  const written: FieldSpec<A>[] = [];
  const pending = new Set(fields);
  for (const element of elements) {
    if (pending.size === 0) break;
    const attributes = attributesOf(element);
    for (const field of pending) {
      const value = field.read(attributes);
      if (value === undefined) continue;
      declared.add(field.name);
      if (isEmptyValue(value)) continue;
      written.push(field);
      pending.delete(field);
    }
  }
  return { declared, written };
}

/** Values a GEXF reader treats as absent: they get no attvalue. */
function isEmptyValue(value: GexfValue): boolean {
  return value === "" || Number.isNaN(value);
}

/** `undirected`, `directed` or (a mixed graph with both) `directed`, as GEXF's default edge type. */
function inferEdgeType(graph: LitGraph): "directed" | "undirected" {
  if (graph.type !== "mixed") return graph.type;
  return graph.undirectedSize > 0 && graph.directedSize === 0 ? "undirected" : "directed";
}

function formatNode(
  key: string,
  attributes: NodeAttributes,
  columns: readonly FieldSpec<NodeAttributes>[],
): string {
  const indent = `\n${INDENT.repeat(3)}`;
  const label: unknown = attributes.label;
  let head = `${indent}<node${formatAttribute("id", key)}`;
  // A label that is empty (or, in a graph off the contract, not a string and falsy) is not written.
  if (label) head += formatAttribute("label", String(label));
  const body = formatAttvalues(columns, attributes) + formatNodeViz(attributes);
  return body === "" ? `${head}/>` : `${head}>${body}${indent}</node>`;
}

function formatEdge(
  key: string,
  source: string,
  target: string,
  type: "directed" | "undirected" | undefined,
  attributes: EdgeAttributes,
  columns: readonly FieldSpec<EdgeAttributes>[],
): string {
  const indent = `\n${INDENT.repeat(3)}`;
  let head = `${indent}<edge${formatAttribute("id", key)}`;
  if (type !== undefined) head += ` type="${type}"`;
  head += formatAttribute("source", source) + formatAttribute("target", target);
  if (Number.isFinite(attributes.weight)) head += ` weight="${attributes.weight}"`;
  const kind: unknown = attributes.kind;
  if (typeof kind === "string") head += formatAttribute("kind", kind);
  const body = formatAttvalues(columns, attributes);
  return body === "" ? `${head}/>` : `${head}>${body}${indent}</edge>`;
}

/** The `<attvalues>` element of one node or edge; empty when no column has a value anywhere. */
function formatAttvalues<A>(columns: readonly FieldSpec<A>[], attributes: A): string {
  if (columns.length === 0) return "";
  const indent = `\n${INDENT.repeat(4)}`;
  let values = "";
  for (const field of columns) {
    const value = field.read(attributes);
    if (value === undefined || isEmptyValue(value)) continue;
    values += `${indent}${INDENT}<attvalue for="${field.name}"${formatAttribute("value", String(value))}/>`;
  }
  return values === ""
    ? `${indent}<attvalues/>`
    : `${indent}<attvalues>${values}${indent}</attvalues>`;
}

/**
 * The viz elements of a node: colour as `r`/`g`/`b`[/`a`] channels in both versions (GEXF 1.3's
 * `hex` attribute is one networkx cannot read), size, and position when both coordinates are
 * finite (readers default a missing one to 0).
 */
function formatNodeViz(attributes: NodeAttributes): string {
  const indent = `\n${INDENT.repeat(4)}`;
  let viz = "";
  const color = typeof attributes.color === "string" ? parseColor(attributes.color) : undefined;
  if (color !== undefined) {
    viz += `${indent}<viz:color r="${color.r}" g="${color.g}" b="${color.b}"`;
    viz += color.a === undefined ? "/>" : ` a="${color.a}"/>`;
  }
  if (Number.isFinite(attributes.size)) viz += `${indent}<viz:size value="${attributes.size}"/>`;
  if (Number.isFinite(attributes.x) && Number.isFinite(attributes.y)) {
    viz += `${indent}<viz:position x="${attributes.x}" y="${attributes.y}"/>`;
  }
  return viz;
}

/** ` name="value"`, or nothing for an empty value (an empty id or label is not written). */
function formatAttribute(name: string, value: string): string {
  return value === "" ? "" : ` ${name}="${escapeAttributeValue(value)}"`;
}

const ATTRIBUTE_SPECIAL = /[&<"\t\n\r]/;
const ATTRIBUTE_SPECIALS = /[&<"\t\n\r]/g;
const ATTRIBUTE_REFERENCES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  '"': "&quot;",
  "\t": "&#x9;",
  "\n": "&#xA;",
  "\r": "&#xD;",
};

/**
 * Escape a double-quoted attribute value: forbidden characters removed; `&`, `<`, `"` as
 * entities; tab, line feed and carriage return as character references, because a parser would
 * otherwise normalise them to spaces.
 */
function escapeAttributeValue(text: string): string {
  const clean = stripInvalidXmlCharacters(text);
  return ATTRIBUTE_SPECIAL.test(clean)
    ? clean.replace(ATTRIBUTE_SPECIALS, (character) => ATTRIBUTE_REFERENCES[character] ?? "")
    : clean;
}

/** The root element with the namespaces and schema location of the version. */
function formatRootTag(version: GexfOptions["version"]): string {
  const namespaces = NAMESPACES[version];
  return (
    `<gexf xmlns="${namespaces.gexf}" xmlns:viz="${namespaces.viz}"` +
    ` xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"` +
    ` xsi:schemaLocation="${namespaces.gexf} ${namespaces.schema}" version="${version}">`
  );
}

function formatMeta(graph: LitGraph): string {
  const version = graph.getAttribute("version");
  const described =
    "Knowledge graph of papers, surveys, topics and benchmarks with the evidence for each link" +
    (typeof version === "string" && version !== "" ? ` (litgraph graph version ${version})` : "") +
    ".";
  return [
    `${INDENT}<meta>`,
    `${INDENT.repeat(2)}<creator>litgraph</creator>`,
    `${INDENT.repeat(2)}<description>${escapeXmlText(described)}</description>`,
    `${INDENT}</meta>`,
  ].join("\n");
}

/** The `<attributes>` block of one class, in field order, for the columns that occur. */
function formatDeclarations<A>(
  elementClass: "node" | "edge",
  fields: readonly FieldSpec<A>[],
  seen: ReadonlySet<string>,
): string {
  const lines = [`${INDENT.repeat(2)}<attributes class="${elementClass}">`];
  for (const field of fields) {
    if (!seen.has(field.name)) continue;
    const name = escapeXmlAttribute(field.name);
    lines.push(
      `${INDENT.repeat(3)}<attribute id="${name}" title="${name}" type="${GEXF_TYPES[field.type]}"/>`,
    );
  }
  lines.push(`${INDENT.repeat(2)}</attributes>`);
  return lines.join("\n");
}
