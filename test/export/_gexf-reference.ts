// The GEXF writer as it was when it rendered through graphology-gexf's XML writer and patched the
// result: kept as the reference the streaming writer must match byte for byte.
import { write as writeGexfDocument } from "graphology-gexf";
import {
  type FieldSpec,
  parseColor,
  selectEdgeFields,
  selectNodeFields,
} from "../../src/export/fields.ts";
import { type GexfOptions, resolveGexfOptions } from "../../src/export/index.ts";
import {
  escapeXmlAttribute,
  escapeXmlText,
  stripInvalidXmlCharacters,
} from "../../src/export/xml.ts";
import type { EdgeAttributes, LitGraph, NodeAttributes } from "../../src/graph/types.ts";

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
export function writeGexfReference(graph: LitGraph, options: Partial<GexfOptions> = {}): string {
  const { version } = resolveGexfOptions(options);
  const nodeFieldsSeen = new Set<string>();
  const edgeFieldsSeen = new Set<string>();

  const written = writeGexfDocument<NodeAttributes, EdgeAttributes>(graph, {
    version,
    pretty: true,
    // Pedantic mode keeps the writer from turning graph attributes into made-up meta tags.
    pedantic: true,
    formatNode: (_key, attributes) => ({
      label: attributes.label,
      viz: formatNodeViz(attributes),
      attributes: formatValues(GEXF_NODE_FIELDS, attributes, nodeFieldsSeen),
    }),
    formatEdge: (_key, attributes) => ({
      ...(typeof attributes.kind === "string" && attributes.kind.length > 0
        ? { kind: attributes.kind }
        : {}),
      ...(Number.isFinite(attributes.weight) ? { weight: attributes.weight } : {}),
      attributes: formatValues(GEXF_EDGE_FIELDS, attributes, edgeFieldsSeen),
    }),
  });

  // Replacer functions, not strings: a `$` in the description must not act as a pattern.
  const output = written
    .replace(/^<gexf [^>]*>/m, () => formatRootTag(version))
    .replace(/^ *<meta\b[^>]*?(?:\/>|>[\s\S]*?<\/meta>)/m, () => formatMeta(graph))
    .replace(/^ *<attributes class="node">[\s\S]*?<\/attributes>/m, () =>
      formatDeclarations("node", GEXF_NODE_FIELDS, nodeFieldsSeen),
    )
    .replace(/^ *<attributes class="edge">[\s\S]*?<\/attributes>/m, () =>
      formatDeclarations("edge", GEXF_EDGE_FIELDS, edgeFieldsSeen),
    );
  return `${stripInvalidXmlCharacters(output)}\n`;
}

/** The attribute values of one node or edge, noting which columns occur at all. */
function formatValues<A>(
  fields: readonly FieldSpec<A>[],
  attributes: A,
  seen: Set<string>,
): Record<string, GexfValue> {
  const values: Record<string, GexfValue> = {};
  for (const field of fields) {
    const value = field.read(attributes);
    if (value === undefined) continue;
    values[field.name] = value;
    seen.add(field.name);
  }
  return values;
}

/**
 * The viz record of a node. The colour is handed over as `rgb()`/`rgba()` so that the writer
 * emits `r`/`g`/`b` channels in both versions (for a hex string it would write GEXF 1.3's `hex`
 * attribute, which networkx cannot read).
 */
function formatNodeViz(attributes: NodeAttributes): {
  color?: string;
  size?: number;
  x?: number;
  y?: number;
} {
  const viz: { color?: string; size?: number; x?: number; y?: number } = {};
  const color = typeof attributes.color === "string" ? parseColor(attributes.color) : undefined;
  if (color !== undefined) {
    viz.color =
      color.a === undefined
        ? `rgb(${color.r},${color.g},${color.b})`
        : `rgba(${color.r},${color.g},${color.b},${color.a})`;
  }
  if (Number.isFinite(attributes.size)) viz.size = attributes.size;
  // A position needs both coordinates: readers default a missing one to 0.
  if (Number.isFinite(attributes.x) && Number.isFinite(attributes.y)) {
    viz.x = attributes.x;
    viz.y = attributes.y;
  }
  return viz;
}

/**
 * The root element with the proper namespaces. graphology-gexf 0.13 declares the 1.2 viz
 * namespace as `http:///www.gexf.net/1.1draft/viz` (three slashes, older draft), which strict
 * readers such as networkx do not match, so their viz data would be lost.
 */
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
