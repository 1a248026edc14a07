// YAML front matter (`---` … `---` at the top of a Markdown file) is metadata, not text: ingest reads
// its title, date, authors and tags once for every format, and blanks its lines before any adapter
// sees the document, so no abstract or title heuristic ever reads it.
import { parseDate } from "../extract/dates.ts";
import { collapseWhitespace, isChineseText } from "./text-utils.ts";
import type { ParsedDocument } from "./types.ts";

/** What a front-matter block says about the document. */
export interface FrontMatter {
  title?: string;
  date?: string;
  year?: number;
  authors: string[];
  tags: string[];
  /** 1-based line of the closing `---`. */
  endLine: number;
}

/** A front-matter block longer than this is not one (a page that opens with a rule). */
const MAX_FRONT_MATTER_LINES = 200;
const OPEN = /^---\s*$/;
const CLOSE = /^(?:---|\.\.\.)\s*$/;
/** A YAML mapping line, a list item, an indented continuation, a comment, or nothing. */
const YAML_LINE = /^(?:[A-Za-z_][\w-]*\s*:(?:\s.*)?|\s*-\s.*|\s+\S.*|\s*#.*|\s*)$/;
const KEY_VALUE = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/;

const TITLE_KEYS = new Set(["title"]);
const DATE_KEYS = new Set(["date", "published", "publishdate", "pubdate", "created"]);
const AUTHOR_KEYS = new Set(["author", "authors"]);
const TAG_KEYS = new Set(["tags", "keywords", "categories", "category"]);

/**
 * Split off the front matter of `text`: the block's fields, and the text with the block's lines
 * blanked (so that line numbers stay those of the file). Text without a front-matter block comes
 * back unchanged, with no front matter.
 */
export function splitFrontMatter(text: string): { text: string; frontMatter?: FrontMatter } {
  if (!text.startsWith("---")) return { text };
  const lines = text.split("\n", MAX_FRONT_MATTER_LINES + 2);
  if (!OPEN.test(lines[0] ?? "")) return { text };
  let end = -1;
  for (let i = 1; i < lines.length && i <= MAX_FRONT_MATTER_LINES; i++) {
    const line = lines[i] ?? "";
    if (CLOSE.test(line)) {
      end = i;
      break;
    }
    if (!YAML_LINE.test(line)) return { text };
  }
  if (end < 1) return { text };
  const frontMatter = readFields(lines.slice(1, end), end + 1);
  if (!frontMatter) return { text };
  // Blank the block, keeping its line breaks.
  let offset = 0;
  for (let i = 0; i <= end; i++) offset += (lines[i] ?? "").length + 1;
  return { text: "\n".repeat(end + 1) + text.slice(offset), frontMatter };
}

/** The fields of the block's lines, or undefined when no line is a `key: value` mapping. */
function readFields(lines: readonly string[], endLine: number): FrontMatter | undefined {
  const values = new Map<string, string[]>();
  let key: string | undefined;
  let mappings = 0;
  for (const line of lines) {
    const pair = KEY_VALUE.exec(line);
    if (pair?.[1]) {
      mappings++;
      key = pair[1].toLowerCase();
      const value = (pair[2] ?? "").trim();
      values.set(key, value ? splitValue(value) : []);
      continue;
    }
    const item = /^\s*-\s+(.*)$/.exec(line);
    if (item && key) values.get(key)?.push(unquote(item[1] ?? ""));
  }
  if (mappings === 0) return undefined;
  const first = (keys: Set<string>): string[] => {
    for (const [name, list] of values) if (keys.has(name) && list.length > 0) return list;
    return [];
  };
  const frontMatter: FrontMatter = { authors: [], tags: [], endLine };
  const title = collapseWhitespace(first(TITLE_KEYS).join(" "));
  if (title) frontMatter.title = title;
  const date = parseDate(first(DATE_KEYS)[0] ?? "");
  if (date) {
    frontMatter.date = date.date;
    frontMatter.year = date.year;
  }
  frontMatter.authors = first(AUTHOR_KEYS).flatMap(splitNames);
  frontMatter.tags = first(TAG_KEYS).filter((tag) => tag.length > 0);
  return frontMatter;
}

/** A scalar (quotes removed) or a flow list `[a, b]` as its items. */
function splitValue(value: string): string[] {
  if (value.startsWith("[") && value.endsWith("]")) {
    return value
      .slice(1, -1)
      .split(",")
      .map(unquote)
      .filter((item) => item.length > 0);
  }
  return [unquote(value)];
}

function unquote(value: string): string {
  const trimmed = value.trim();
  const quoted = /^(["'])(.*)\1$/.exec(trimmed);
  return (quoted ? (quoted[2] ?? "") : trimmed).trim();
}

/** Author names given on one line: `A, B and C`, `A; B`. */
function splitNames(value: string): string[] {
  return value
    .split(/\s*(?:[,;，；、]|\band\b)\s*/)
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
}

/**
 * Put the front matter's facts on what the adapter read: on the document's one `main` record (the
 * title the page's metadata gives wins over a heading guessed from its text; date, authors and tags
 * fill what is missing), or else on the collection the page is (its title).
 */
export function applyFrontMatter(parsed: ParsedDocument, frontMatter: FrontMatter): ParsedDocument {
  const mains = parsed.records.filter((record) => record.role === "main");
  const main = mains.length === 1 ? mains[0] : undefined;
  if (main) {
    if (frontMatter.title) {
      if (isChineseText(frontMatter.title)) main.titleZh = frontMatter.title;
      else main.title = frontMatter.title;
    }
    if (frontMatter.date && !main.date) {
      main.date = frontMatter.date;
      if (frontMatter.year !== undefined) main.year = frontMatter.year;
    }
    if (main.authors.length === 0) main.authors = [...frontMatter.authors];
    main.tags = [...new Set([...main.tags, ...frontMatter.tags])];
  } else if (parsed.collection && frontMatter.title) {
    parsed.collection.title = frontMatter.title;
  }
  return parsed;
}
