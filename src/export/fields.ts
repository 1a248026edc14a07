// How graph attributes become flat, typed table columns for the exporters (GEXF, GraphML, CSV):
// one definition per attribute, so every format shows a list or an evidence trail the same way.
import type { Evidence } from "../extract/types.ts";
import type { EdgeAttributes, NodeAttributes } from "../graph/types.ts";

/**
 * Separator for list attributes (`authors`, `urls`, `sources`). Lists are written as one plain
 * string, not as GEXF `liststring`, because readers disagree on list syntax (GEXF 1.2 uses `|`,
 * 1.3 uses `[a, b]`, networkx and spreadsheets keep the raw text): a plain string reads the same
 * everywhere. A name that itself contains `; ` cannot be told apart; that has not been seen in
 * author lists or URLs.
 */
export const LIST_SEPARATOR = "; ";

/** Separator between evidence items in a flattened evidence string. */
export const EVIDENCE_SEPARATOR = " | ";

/** The value type of a column; writers map it to their own type names. */
export type FieldType = "string" | "integer" | "double";

/** One column: its name (the attribute name), its type, and how to read it from attributes. */
export interface FieldSpec<A> {
  name: string;
  type: FieldType;
  /** The value, or undefined when the attribute is absent, empty or not of the column's type. */
  read: (attributes: A) => string | number | undefined;
}

/** Join a list attribute with `LIST_SEPARATOR`; empty or absent lists give an empty string. */
export function joinList(values: readonly string[] | undefined): string {
  return values === undefined ? "" : values.join(LIST_SEPARATOR);
}

/**
 * Flatten evidence to one readable line: `source: snippet | source: snippet`. Whitespace runs in
 * snippets (line breaks included) become single spaces so the line reads well in a table cell.
 * Meant for reading, not for parsing back (a snippet may itself contain ` | `).
 */
export function flattenEvidence(evidence: readonly Evidence[] | undefined): string {
  if (evidence === undefined) return "";
  return evidence
    .map(({ source, snippet }) => `${source}: ${collapseWhitespace(snippet)}`)
    .join(EVIDENCE_SEPARATOR);
}

function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function readText(value: string | undefined): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

function readList(values: readonly string[] | undefined): string | undefined {
  return readText(Array.isArray(values) ? joinList(values) : undefined);
}

/** Integers outside 32 bits are left out: GEXF `integer` and GraphML `int` are 32-bit types. */
function readInteger(value: number | undefined): number | undefined {
  return typeof value === "number" && Number.isInteger(value) && Math.abs(value) <= 0x7fffffff
    ? value
    : undefined;
}

function readDouble(value: number | undefined): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

/** Every node attribute of the contract as a column, in the order tables show them. */
export const NODE_FIELDS = [
  { name: "kind", type: "string", read: (a) => readText(a.kind) },
  { name: "label", type: "string", read: (a) => readText(a.label) },
  { name: "title", type: "string", read: (a) => readText(a.title) },
  { name: "titleZh", type: "string", read: (a) => readText(a.titleZh) },
  { name: "arxiv", type: "string", read: (a) => readText(a.arxiv) },
  { name: "doi", type: "string", read: (a) => readText(a.doi) },
  { name: "year", type: "integer", read: (a) => readInteger(a.year) },
  { name: "date", type: "string", read: (a) => readText(a.date) },
  { name: "authors", type: "string", read: (a) => readList(a.authors) },
  { name: "urls", type: "string", read: (a) => readList(a.urls) },
  { name: "parent", type: "string", read: (a) => readText(a.parent) },
  { name: "origin", type: "string", read: (a) => readText(a.origin) },
  { name: "modality", type: "string", read: (a) => readText(a.modality) },
  { name: "language", type: "string", read: (a) => readText(a.language) },
  { name: "task", type: "string", read: (a) => readText(a.task) },
  { name: "community", type: "integer", read: (a) => readInteger(a.community) },
  { name: "x", type: "double", read: (a) => readDouble(a.x) },
  { name: "y", type: "double", read: (a) => readDouble(a.y) },
  { name: "size", type: "double", read: (a) => readDouble(a.size) },
  { name: "color", type: "string", read: (a) => readText(a.color) },
  { name: "sources", type: "string", read: (a) => readList(a.sources) },
  { name: "abstract", type: "string", read: (a) => readText(a.abstract) },
  { name: "abstractZh", type: "string", read: (a) => readText(a.abstractZh) },
] as const satisfies readonly FieldSpec<NodeAttributes>[];

/** Every edge attribute of the contract as a column, in the order tables show them. */
export const EDGE_FIELDS = [
  { name: "kind", type: "string", read: (a) => readText(a.kind) },
  { name: "weight", type: "double", read: (a) => readDouble(a.weight) },
  { name: "score", type: "double", read: (a) => readDouble(a.score) },
  { name: "evidence", type: "string", read: (a) => readText(flattenEvidence(a.evidence)) },
] as const satisfies readonly FieldSpec<EdgeAttributes>[];

export type NodeFieldName = (typeof NODE_FIELDS)[number]["name"];
export type EdgeFieldName = (typeof EDGE_FIELDS)[number]["name"];

/** The node columns with the given names, in `NODE_FIELDS` order. */
export function selectNodeFields(
  names: readonly NodeFieldName[],
): readonly FieldSpec<NodeAttributes>[] {
  return NODE_FIELDS.filter((field) => names.includes(field.name));
}

/** The edge columns with the given names, in `EDGE_FIELDS` order. */
export function selectEdgeFields(
  names: readonly EdgeFieldName[],
): readonly FieldSpec<EdgeAttributes>[] {
  return EDGE_FIELDS.filter((field) => names.includes(field.name));
}

/** A colour as red, green, blue (0–255) and, when given, alpha (0–1). */
export interface RgbaColor {
  r: number;
  g: number;
  b: number;
  a?: number;
}

const HEX_COLOR = /^#([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
const RGB_COLOR =
  /^rgba?\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*(?:,\s*(\d*\.?\d+)\s*)?\)$/i;

/**
 * Parse a CSS colour in `#rgb`, `#rrggbb`, `#rrggbbaa`, `rgb()` or `rgba()` form. Returns
 * undefined for anything else (named colours, `hsl()`), so a writer can leave the colour out
 * rather than write a broken one.
 */
export function parseColor(color: string): RgbaColor | undefined {
  const text = color.trim();
  const hex = HEX_COLOR.exec(text)?.[1];
  if (hex !== undefined) {
    const digits =
      hex.length === 3 ? [...hex].map((digit) => digit + digit) : (hex.match(/../g) ?? []);
    const [r = 0, g = 0, b = 0, alpha] = digits.map((pair) => Number.parseInt(pair, 16));
    return alpha === undefined ? { r, g, b } : { r, g, b, a: roundAlpha(alpha / 255) };
  }
  const rgb = RGB_COLOR.exec(text);
  if (rgb === null) return undefined;
  const [r, g, b] = [rgb[1], rgb[2], rgb[3]].map(Number);
  if (r === undefined || g === undefined || b === undefined) return undefined;
  if (r > 255 || g > 255 || b > 255) return undefined;
  if (rgb[4] === undefined) return { r, g, b };
  const a = Number(rgb[4]);
  return a <= 1 ? { r, g, b, a } : undefined;
}

/** Three decimals are enough for an alpha channel and keep `0.5` from becoming `0.50196…`. */
function roundAlpha(alpha: number): number {
  return Math.round(alpha * 1000) / 1000;
}
