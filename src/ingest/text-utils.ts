// Small text helpers shared by the ingest adapters: line splitting, whitespace, script detection,
// Markdown image lines, `<n>` break markers, and identifiers found in a stretch of text.
import { findArxivIds, normalizeArxivId } from "../extract/arxiv-id.ts";
import { findDois, findUrls } from "../extract/links.ts";

/** A Markdown image line: `![alt](target)`, possibly several on one line. */
const IMAGE_LINE = /^\s*(?:!\[[^\]\n]*\]\([^)\n]*\)\s*)+$/;

/** The `<n>` line-break marker some digest sites leave in their text (also `<N>`, `< n >`, `<n/>`). */
const BREAK_MARKER = /<\s*n\s*\/?>/gi;

/** DOIs that arXiv mints for its own papers: `10.48550/arXiv.2311.05112`. */
const ARXIV_DOI = /^10\.48550\/arxiv\.(.+)$/i;

/** Split text (line ends already normalised to `\n`) into lines. */
export function splitLines(text: string): string[] {
  return text.split("\n");
}

/** Collapse every run of whitespace to one space and trim. */
export function collapseWhitespace(text: string): string {
  return isCollapsed(text) ? text : text.replace(/\s+/g, " ").trim();
}

/**
 * Whether `text` has no whitespace but single spaces between other characters (most texts given to
 * `collapseWhitespace`): then it is returned as it is, without building a new string.
 */
function isCollapsed(text: string): boolean {
  let previous = 32;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 32) {
      if (previous === 32) return false;
    } else if (code < 32 || (code >= 0xa0 && isUnicodeSpace(code))) return false;
    previous = code;
  }
  return previous !== 32;
}

/** The whitespace of `\s` above ASCII. */
function isUnicodeSpace(code: number): boolean {
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Share of CJK ideographs among the CJK ideographs and Latin letters of `text` (0 when it has neither). */
export function measureCjkShare(text: string): number {
  // CJK ideographs (unified, extension A, compatibility) are what makes a text "Chinese" here.
  let cjk = 0;
  let latin = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) latin++;
    } else if (
      (code >= 0x3400 && code <= 0x4dbf) ||
      (code >= 0x4e00 && code <= 0x9fff) ||
      (code >= 0xf900 && code <= 0xfaff)
    ) {
      cjk++;
    }
  }
  return cjk + latin === 0 ? 0 : cjk / (cjk + latin);
}

/**
 * Whether `text` is written in Chinese rather than English. Chinese prose is full of Latin
 * acronyms (LLMs, GPT-4), so a fifth of ideographs among the letters is enough.
 */
export function isChineseText(text: string): boolean {
  return measureCjkShare(text) >= 0.2;
}

/** Whether a line holds nothing but Markdown images. */
export function isImageLine(line: string): boolean {
  return line.includes("![") && IMAGE_LINE.test(line);
}

/**
 * Turn `<n>` break markers into line breaks, then collapse whitespace within each resulting line
 * and drop empty lines. The markers themselves never survive.
 */
export function replaceBreakMarkers(text: string): string {
  return text
    .replace(BREAK_MARKER, "\n")
    .split("\n")
    .map(collapseWhitespace)
    .filter((line) => line.length > 0)
    .join("\n");
}

/** Remove a leading Markdown quote marker (`> `, `>> `) from a line. */
export function stripQuote(line: string): string {
  return line.replace(/^\s*(?:>\s?)+/, "");
}

/** Whether a line is blank (only whitespace). */
export function isBlank(line: string): boolean {
  return line.trim().length === 0;
}

/** Values in first-seen order without duplicates. */
export function dedupe<T>(values: Iterable<T>): T[] {
  return [...new Set(values)];
}

/** Identifiers a stretch of text names. */
export interface FoundIdentifiers {
  /** arXiv ids (versions stripped), including those behind arXiv's own DOIs. */
  arxiv: string[];
  /** DOIs other than arXiv's own, lower-cased. */
  dois: string[];
  urls: string[];
}

/**
 * arXiv ids, DOIs and URLs in `text`, each in first-seen order. A DOI that arXiv minted for
 * one of its papers (`10.48550/arXiv.X`) is reported as the arXiv id X, so the same paper is
 * not counted twice.
 */
export function findIdentifiers(text: string): FoundIdentifiers {
  const arxiv = findArxivIds(text);
  const dois: string[] = [];
  for (const found of findDois(text)) {
    const doi = cleanDoi(found);
    if (!doi) continue;
    const id = arxivIdOfDoi(doi);
    if (id) arxiv.push(id);
    else dois.push(doi);
  }
  return { arxiv: dedupe(arxiv), dois: dedupe(dois), urls: findUrls(text) };
}

/**
 * A DOI as found in a link, without what the publisher's site appends to it: a query, a `.pdf`
 * suffix, a `/full`, `/abstract` or `/pdf` page and trailing punctuation
 * (`10.1038/s41591-023-02448-8.pdf` → `10.1038/s41591-023-02448-8`).
 */
export function cleanDoi(doi: string): string {
  let cleaned = doi.replace(/[?#].*$/, "");
  for (;;) {
    const next = cleaned
      .replace(/[.,;:)\]}'"*_]+$/, "")
      .replace(/\.pdf$/i, "")
      .replace(/\/(?:full|abstract|pdf|epdf|html|fulltext)$/i, "");
    if (next === cleaned) return cleaned;
    cleaned = next;
  }
}

/** The arXiv id behind an arXiv-minted DOI (`10.48550/arxiv.2311.05112` → `2311.05112`). */
export function arxivIdOfDoi(doi: string): string | undefined {
  const match = ARXIV_DOI.exec(doi);
  return match?.[1] ? normalizeArxivId(match[1]) : undefined;
}

/** How much of a document the sniffers look at: formats show themselves near the top. */
export const SNIFF_WINDOW = 65_536;

/** The part of `text` a sniffer looks at. */
export function takeSniffWindow(text: string): string {
  return text.length > SNIFF_WINDOW ? text.slice(0, SNIFF_WINDOW) : text;
}

/**
 * Join lines into paragraphs: blank lines separate paragraphs (joined with a blank line), lines
 * within a paragraph keep their breaks, `<n>` markers become breaks, whitespace is collapsed.
 * Returns undefined when nothing is left.
 */
export function joinParagraphs(lines: readonly string[]): string | undefined {
  const paragraphs: string[] = [];
  let current: string[] = [];
  const flush = (): void => {
    const paragraph = replaceBreakMarkers(current.join("\n"));
    if (paragraph) paragraphs.push(paragraph);
    current = [];
  };
  for (const line of lines) {
    if (isBlank(line)) flush();
    else current.push(line);
  }
  flush();
  return paragraphs.length > 0 ? paragraphs.join("\n\n") : undefined;
}

/** Remove the 《》 book-title brackets and a trailing full stop from a Chinese title. */
export function cleanChineseTitle(title: string): string {
  return collapseWhitespace(title.replace(/[《》]/g, "").replace(/[。．.]+\s*$/, ""));
}

/** A line break between two Chinese characters or marks, which joins without a space. */
const CJK_LINE_BREAK =
  /([\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef])[ \t]*\n\s*(?=[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef])/g;

/**
 * Collapse prose that was wrapped over lines into one line: a break between Chinese characters
 * disappears (Chinese has no spaces between words), any other whitespace run becomes one space.
 */
export function collapseProse(text: string): string {
  return collapseWhitespace(text.replace(CJK_LINE_BREAK, "$1"));
}

/** The first `max` characters of `text`, without splitting a surrogate pair. */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/** A document's name for a person: its file name without folders and text extension. */
export function documentName(id: string): string {
  const base = id.split(/[\\/]/).pop() ?? id;
  return base.replace(/\.(?:md|markdown|txt|rst)$/i, "") || id;
}
