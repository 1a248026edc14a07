// The survey an awesome list accompanies, as its "Citation" section gives it: a BibTeX entry in a
// code block (`@article{…, title={…}, journal={arXiv preprint arXiv:…}}`) or a plain-text reference.
import { findArxivIds } from "../extract/arxiv-id.ts";
import { findDois } from "../extract/links.ts";
import { collapseWhitespace } from "./text-utils.ts";

/** What a citation says about the paper it cites. */
export interface CitedPaper {
  title?: string;
  authors: string[];
  year?: number;
  venue?: string;
  arxiv?: string;
  doi?: string;
  urls: string[];
}

/** An entry is short: a field value longer than this is not read. */
const MAX_FIELD_CHARS = 2_000;
const MAX_ENTRY_CHARS = 20_000;
const VENUE_FIELDS = ["journal", "booktitle"] as const;

/**
 * The fields of the first BibTeX entry in `text` (`@article{key, title={…}, …}`), names in lower
 * case, values with braces and TeX escapes removed. Braced, quoted and bare values are read;
 * nested braces are balanced. Undefined when `text` holds no entry.
 */
export function readBibtexFields(text: string): Map<string, string> | undefined {
  const start = /@([a-z]+)\s*[{(]\s*([^,\s]*)\s*,/i.exec(text);
  if (!start) return undefined;
  const body = text.slice(start.index + start[0].length, start.index + MAX_ENTRY_CHARS);
  const fields = new Map<string, string>();
  const name = /\s*,?\s*([a-z][a-z0-9_-]*)\s*=\s*/iy;
  let at = 0;
  while (at < body.length) {
    name.lastIndex = at;
    const match = name.exec(body);
    if (!match?.[1]) break;
    at = name.lastIndex;
    const read = readValue(body, at);
    if (!read) break;
    at = read.end;
    if (!fields.has(match[1].toLowerCase())) {
      fields.set(match[1].toLowerCase(), cleanTex(read.value.slice(0, MAX_FIELD_CHARS)));
    }
  }
  return fields.size > 0 ? fields : undefined;
}

/**
 * Read a citation: a BibTeX entry when `text` has one, else the arXiv id, DOI and links of a
 * plain-text reference. Undefined when neither names a paper.
 */
export function readCitation(text: string): CitedPaper | undefined {
  const fields = readBibtexFields(text);
  if (fields) return readEntry(fields);
  const arxiv = findArxivIds(text)[0];
  const doi = findDois(text)[0];
  if (!arxiv && !doi) return undefined;
  const cited: CitedPaper = { authors: [], urls: [] };
  if (arxiv) cited.arxiv = arxiv;
  else if (doi) cited.doi = doi;
  return cited;
}

/** `Zhou, Hongjian and Liu, Fenglin` → `Hongjian Zhou`, `Fenglin Liu`; `and others` dropped. */
export function splitBibtexAuthors(value: string): string[] {
  return value
    .split(/\s+and\s+/i)
    .map((name) => collapseWhitespace(name))
    .filter((name) => name.length > 0 && !/^others$/i.test(name))
    .map((name) => {
      const [last, first] = name.split(/\s*,\s*/, 2);
      return first ? `${first} ${last}` : name;
    });
}

function readEntry(fields: Map<string, string>): CitedPaper | undefined {
  const cited: CitedPaper = { authors: splitBibtexAuthors(fields.get("author") ?? ""), urls: [] };
  const title = fields.get("title");
  if (title) cited.title = title;
  const year = /\b(19|20)\d{2}\b/.exec(fields.get("year") ?? "")?.[0];
  if (year) cited.year = Number(year);
  const searched = [
    fields.get("eprint") ? `arXiv:${fields.get("eprint")}` : "",
    fields.get("journal") ?? "",
    fields.get("url") ?? "",
    fields.get("note") ?? "",
    fields.get("howpublished") ?? "",
  ].join("\n");
  const arxiv = findArxivIds(searched)[0];
  const archive = (fields.get("archiveprefix") ?? fields.get("eprinttype") ?? "").toLowerCase();
  if (arxiv) cited.arxiv = arxiv;
  else if (archive === "arxiv" && /^\d{4}\.\d{4,5}/.test(fields.get("eprint") ?? "")) {
    cited.arxiv = (fields.get("eprint") ?? "").replace(/v\d+$/, "");
  }
  const doi = findDois(fields.get("doi") ?? "")[0];
  if (doi) cited.doi = doi;
  for (const key of VENUE_FIELDS) {
    const venue = fields.get(key);
    if (venue && !/\barxiv\b|preprint/i.test(venue)) {
      cited.venue = venue;
      break;
    }
  }
  const url = fields.get("url");
  if (url && /^https?:\/\//i.test(url)) cited.urls.push(url);
  if (!cited.title && !cited.arxiv && !cited.doi) return undefined;
  return cited;
}

/** A field value from `at`: `{…}` with nested braces, `"…"`, or a bare word or number. */
function readValue(body: string, at: number): { value: string; end: number } | undefined {
  const open = body[at];
  if (open === "{") {
    let depth = 0;
    for (let i = at; i < body.length; i++) {
      const char = body[i];
      if (char === "\\") {
        i++;
        continue;
      }
      if (char === "{") depth++;
      else if (char === "}") {
        depth--;
        if (depth === 0) return { value: body.slice(at + 1, i), end: i + 1 };
      }
    }
    return undefined;
  }
  if (open === '"') {
    const close = body.indexOf('"', at + 1);
    return close < 0 ? undefined : { value: body.slice(at + 1, close), end: close + 1 };
  }
  const bare = /[^,}\s]+/y;
  bare.lastIndex = at;
  const match = bare.exec(body);
  return match ? { value: match[0], end: bare.lastIndex } : undefined;
}

/** TeX markup removed: braces, `\&`-style escapes, `\url{…}` and similar commands kept as their text. */
function cleanTex(value: string): string {
  return collapseWhitespace(
    value
      .replace(/\\(?:url|textit|textbf|emph|texttt)\s*\{([^{}]*)\}/g, "$1")
      .replace(/\\([&%$#_{}])/g, "$1")
      .replace(/[{}]/g, ""),
  );
}
