// CSV writer: a built graph as two RFC 4180 tables (nodes, edges) for spreadsheets and data tools,
// with every attribute, abstracts included.
import type { LitGraph } from "../graph/types.ts";
import { EDGE_FIELDS, type FieldSpec, NODE_FIELDS } from "./fields.ts";
import { stripInvalidXmlCharacters } from "./xml.ts";

/** The two tables of `writeCsv`. */
export interface CsvTables {
  nodes: string;
  edges: string;
}

/** RFC 4180 ends every record, the last one included, with CRLF. */
const RECORD_END = "\r\n";

/**
 * A text cell starting with one of these is read as a formula by spreadsheets (Excel, LibreOffice,
 * Google Sheets), so a title such as `=HYPERLINK(…)` would run when the file is opened. Such cells
 * get a leading `'`, which spreadsheets treat as "this is text" (CSV injection, OWASP). Tab and
 * carriage return are on OWASP's list too. Number cells are never prefixed: `-3.5` stays a number.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell needs quotes when it holds the delimiter, a quote or a line break (RFC 4180 §2.6). */
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * Write `graph` as CSV: a `nodes` table (`key` and every node attribute, abstracts included) and
 * an `edges` table (`key`, `source`, `target`, `kind`, `weight`, `score`, `evidence`). Each has a
 * header row; records end with CRLF; cells holding `,`, `"` or a line break are quoted with
 * quotes doubled (RFC 4180). Lists (`authors`, `urls`, `sources`) are joined with `"; "`; evidence
 * is `source: snippet | source: snippet`. Text cells starting with `=`, `+`, `-`, `@`, tab or CR
 * get a leading `'` so that spreadsheets do not run them as formulas. Control characters other
 * than tab and line breaks are removed. Rows keep the graph's order.
 */
export function writeCsv(graph: LitGraph): CsvTables {
  const nodeRows: string[] = [formatRow(["key", ...NODE_FIELDS.map((field) => field.name)])];
  graph.forEachNode((key, attributes) => {
    nodeRows.push(formatRow([formatText(key), ...formatCells(NODE_FIELDS, attributes)]));
  });

  const edgeRows: string[] = [
    formatRow(["key", "source", "target", ...EDGE_FIELDS.map((field) => field.name)]),
  ];
  graph.forEachEdge((key, attributes, source, target) => {
    edgeRows.push(
      formatRow([
        formatText(key),
        formatText(source),
        formatText(target),
        ...formatCells(EDGE_FIELDS, attributes),
      ]),
    );
  });

  return { nodes: joinRecords(nodeRows), edges: joinRecords(edgeRows) };
}

function joinRecords(rows: readonly string[]): string {
  return rows.map((row) => row + RECORD_END).join("");
}

function formatCells<A>(fields: readonly FieldSpec<A>[], attributes: A): string[] {
  return fields.map((field) => {
    const value = field.read(attributes);
    if (value === undefined) return "";
    return typeof value === "number" ? String(value) : formatText(value);
  });
}

/** A text cell: forbidden control characters removed, formula starts neutralised. */
function formatText(text: string): string {
  const clean = stripInvalidXmlCharacters(text);
  return FORMULA_START.test(clean) ? `'${clean}` : clean;
}

function formatRow(cells: readonly string[]): string {
  return cells.map(quoteCell).join(",");
}

function quoteCell(cell: string): string {
  return NEEDS_QUOTES.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}
