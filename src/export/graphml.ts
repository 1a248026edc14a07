// GraphML writer: a built graph as a GraphML document with typed keys, for tools that read
// GraphML (networkx, Cytoscape, yEd, Gephi). Written directly: graphology-graphml only parses.
import type { LitGraph } from "../graph/types.ts";
import { type FieldSpec, type FieldType, selectEdgeFields, selectNodeFields } from "./fields.ts";
import { escapeXmlAttribute, escapeXmlText } from "./xml.ts";

/**
 * Node attributes written as GraphML data. Abstracts are left out, as in GEXF: they are too long
 * for the attribute tables of graph tools (graph.json and the CSV export keep them). `x`, `y`,
 * `size` and `color` (the colour string as stored, e.g. `#1f77b4`) are plain data keys.
 */
const GRAPHML_NODE_FIELDS = selectNodeFields([
  "label",
  "kind",
  "title",
  "titleZh",
  "arxiv",
  "doi",
  "year",
  "date",
  "authors",
  "urls",
  "parent",
  "modality",
  "language",
  "task",
  "community",
  "x",
  "y",
  "size",
  "color",
  "sources",
]);

const GRAPHML_EDGE_FIELDS = selectEdgeFields(["kind", "weight", "score", "evidence"]);

/** GraphML names of the column types. */
const GRAPHML_TYPES = { string: "string", integer: "int", double: "double" } as const;

/**
 * Key ids are prefixed per domain (`n_kind`, `e_kind`) because GraphML key ids share one
 * namespace and nodes and edges both have a `kind`; readers name attributes by `attr.name`.
 */
const KEY_PREFIX = { graph: "g_", node: "n_", edge: "e_" } as const;

const INDENT = "  ";

/** A declared key: the attribute name and its type. */
interface KeySpec {
  name: string;
  type: FieldType;
}

const GRAPH_KEYS: readonly KeySpec[] = [
  { name: "version", type: "string" },
  { name: "modularity", type: "double" },
];

/** The edge key travels as data because it is not a valid GraphML edge id (see `writeGraphml`). */
const EDGE_KEYS: readonly KeySpec[] = [{ name: "key", type: "string" }, ...GRAPHML_EDGE_FIELDS];

/**
 * Write `graph` as a GraphML document (UTF-8, indented, same graph → same bytes).
 *
 * Keys are declared with types (`community` and `year` `int`; `x`, `y`, `size`, `weight`, `score`
 * `double`; the rest `string`), only for attributes that occur. Lists (`authors`, `urls`,
 * `sources`) are one string joined with `"; "`; edge evidence is `source: snippet | source:
 * snippet`. The graph's `version` and `modularity` are graph data. Edges carry no `id`
 * attribute, because GraphML ids must be XML name tokens and edge keys contain `|`; the edge key
 * is the `key` data value instead. Characters XML 1.0 forbids are removed from all text.
 */
export function writeGraphml(graph: LitGraph): string {
  const nodeRows: [key: string, values: Map<string, string | number>][] = [];
  graph.forEachNode((key, attributes) => {
    nodeRows.push([key, readValues(GRAPHML_NODE_FIELDS, attributes)]);
  });
  const edgeRows: [source: string, target: string, values: Map<string, string | number>][] = [];
  graph.forEachEdge((key, attributes, source, target) => {
    const values = new Map<string, string | number>([["key", key]]);
    for (const [name, value] of readValues(GRAPHML_EDGE_FIELDS, attributes)) {
      values.set(name, value);
    }
    edgeRows.push([source, target, values]);
  });

  const graphValues = new Map<string, string | number>();
  const version = graph.getAttribute("version");
  if (typeof version === "string" && version !== "") graphValues.set("version", version);
  const modularity = graph.getAttribute("modularity");
  if (Number.isFinite(modularity)) graphValues.set("modularity", modularity);

  const lines = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<graphml xmlns="http://graphml.graphdrawing.org/xmlns"` +
      ` xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"` +
      ` xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns` +
      ` http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">`,
  ];
  lines.push(...formatKeys("graph", GRAPH_KEYS, new Set(graphValues.keys())));
  lines.push(
    ...formatKeys(
      "node",
      GRAPHML_NODE_FIELDS,
      new Set(nodeRows.flatMap(([, values]) => [...values.keys()])),
    ),
  );
  lines.push(
    ...formatKeys(
      "edge",
      EDGE_KEYS,
      new Set(edgeRows.flatMap(([, , values]) => [...values.keys()])),
    ),
  );

  lines.push(`${INDENT}<graph id="G" edgedefault="undirected">`);
  lines.push(...formatData("graph", graphValues, 2));
  for (const [key, values] of nodeRows) {
    lines.push(`${INDENT.repeat(2)}<node id="${escapeXmlAttribute(key)}">`);
    lines.push(...formatData("node", values, 3));
    lines.push(`${INDENT.repeat(2)}</node>`);
  }
  for (const [source, target, values] of edgeRows) {
    lines.push(
      `${INDENT.repeat(2)}<edge source="${escapeXmlAttribute(source)}"` +
        ` target="${escapeXmlAttribute(target)}">`,
    );
    lines.push(...formatData("edge", values, 3));
    lines.push(`${INDENT.repeat(2)}</edge>`);
  }
  lines.push(`${INDENT}</graph>`);
  lines.push(`</graphml>`);
  return `${lines.join("\n")}\n`;
}

function readValues<A>(
  fields: readonly FieldSpec<A>[],
  attributes: A,
): Map<string, string | number> {
  const values = new Map<string, string | number>();
  for (const field of fields) {
    const value = field.read(attributes);
    if (value !== undefined) values.set(field.name, value);
  }
  return values;
}

function formatKeys(
  domain: "graph" | "node" | "edge",
  fields: readonly KeySpec[],
  seen: ReadonlySet<string>,
): string[] {
  return fields
    .filter((field) => seen.has(field.name))
    .map(
      (field) =>
        `${INDENT}<key id="${KEY_PREFIX[domain]}${field.name}" for="${domain}"` +
        ` attr.name="${field.name}" attr.type="${GRAPHML_TYPES[field.type]}"/>`,
    );
}

function formatData(
  domain: "graph" | "node" | "edge",
  values: ReadonlyMap<string, string | number>,
  depth: number,
): string[] {
  return [...values].map(
    ([name, value]) =>
      `${INDENT.repeat(depth)}<data key="${KEY_PREFIX[domain]}${name}">` +
      `${escapeXmlText(String(value))}</data>`,
  );
}
