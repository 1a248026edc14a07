// Adapter for Chinese paper-digest pages: a `#` Chinese title, `发布时间：`, a backticked category
// (label, reason, tags), the English title after `> `, Chinese and English abstracts under
// `# 摘要`, image lines, and an `[Arxiv](…)` link. One page describes one paper.
import { createDiagnostic, type Diagnostic } from "../diagnostics.ts";
import { parseDate } from "../extract/dates.ts";
import { createPaperRecord } from "./records.ts";
import {
  cleanChineseTitle,
  collapseProse,
  collapseWhitespace,
  findIdentifiers,
  isBlank,
  isChineseText,
  isImageLine,
  joinParagraphs,
  replaceBreakMarkers,
  splitLines,
  stripQuote,
  takeSniffWindow,
} from "./text-utils.ts";
import type { Adapter, CategoryRecord, ParsedDocument, SourceDocument } from "./types.ts";

const FORMAT = "zh-digest";

/** An ATX heading, also with a doubled or spaced marker (`## `, `##`, `# #`). */
const HEADING = /^\s{0,3}#/;
const ABSTRACT_HEADING = /^(?:摘\s*要|abstract)\s*[:：]?$/i;
const PUBLISHED = /^\s*(?:发布|发表)(?:时间|日期)\s*[:：]\s*(.*)$/;
/** A line that holds only a Markdown link, such as `[Arxiv](https://arxiv.org/abs/…)`. */
const LINK_LINE = /^\s*(?:\[[^\]\n]*\]\([^)\n]*\)\s*)+$/;
/** The digest site names image files after the arXiv id: `paper_images/2406.03712/x1.png`. */
const IMAGE_PATH_ID = /paper_images\/(\d{4}\.\d{4,5})(?:v\d+)?\//;
/** An English title is a line, not a paragraph. */
const MAX_TITLE_LENGTH = 300;
/**
 * A label is short. A first line longer than this that reads "label：reason" (or "label reason")
 * with a Chinese sentence after the separator is a label with the start of its reason.
 */
const MAX_LABEL_LENGTH = 20;
/** A category line holds a few tags; past this many backticked segments it is something else. */
const MAX_SEGMENTS = 32;
/** A heading longer than this is not a title; only its start is read. */
const MAX_HEADING_LENGTH = 1_000;
const INLINE_LABEL = /^(.{1,20}?)(?:[:：]|\s)\s*(.+)$/;

/** Reads Chinese digest pages (seeds 000 and 001 are examples). */
export const ZH_DIGEST_ADAPTER: Adapter = {
  format: FORMAT,
  sniff: sniffZhDigest,
  parse: parseZhDigest,
};

/**
 * How sure we are that `text` is a Chinese digest page (0 … 1): a `发布时间` line and a
 * `# 摘要` heading weigh most; a leading heading, a backticked category line, an English
 * `> ` line and an `[Arxiv](…)` link add to it. None of them is required.
 */
export function sniffZhDigest(text: string): number {
  const head = takeSniffWindow(text);
  let score = 0;
  const firstLine = /^[ \t]*\S.*$/m.exec(head)?.[0] ?? "";
  if (HEADING.test(firstLine)) score += 0.15;
  if (/^[ \t]*(?:发布|发表)(?:时间|日期)[ \t]*[:：]/m.test(head)) score += 0.4;
  if (/^[ \t]{0,3}#[# \t]*摘[ \t]*要[ \t]*$/m.test(head)) score += 0.3;
  if (/^[ \t]*`[^`\n]*[\u4e00-\u9fff]/m.test(head)) score += 0.15;
  if (/\[arxiv\]\(https?:\/\/(?:www\.)?arxiv\.org\//i.test(head)) score += 0.1;
  if (/^>[ \t]*[A-Za-z]/m.test(head)) score += 0.05;
  return Math.min(1, score);
}

/** Parse a Chinese digest page into one `main` record. */
export function parseZhDigest(doc: SourceDocument): ParsedDocument {
  const lines = splitLines(doc.text);
  const diagnostics: Diagnostic[] = [];
  const warn = (code: string, message: string, line?: number): void => {
    diagnostics.push(createDiagnostic(doc.id, "warning", code, `zh-digest: ${message}`, line));
  };

  const abstractIndex = lines.findIndex(
    (line) => HEADING.test(line) && ABSTRACT_HEADING.test(readHeading(line)),
  );
  const headerEnd = abstractIndex < 0 ? lines.length : abstractIndex;
  const titleIndex = lines.findIndex((line, i) => i < headerEnd && HEADING.test(line));

  let title: string | undefined;
  let titleZh: string | undefined;
  if (titleIndex >= 0) {
    const heading = replaceBreakMarkers(readHeading(lines[titleIndex] ?? ""));
    if (isChineseText(heading)) titleZh = cleanChineseTitle(heading) || undefined;
    else title = collapseWhitespace(heading) || undefined;
  }

  let date: string | undefined;
  let year: number | undefined;
  let cursor = titleIndex + 1;
  for (let i = cursor; i < headerEnd; i++) {
    const match = PUBLISHED.exec(lines[i] ?? "");
    if (!match) continue;
    const parsed = parseDate(match[1] ?? "");
    if (parsed) {
      date = parsed.date;
      year = parsed.year;
    } else {
      const written = collapseWhitespace(match[1] ?? "");
      warn("unparsed-date", `cannot read the date "${written}"`, i + 1);
    }
    cursor = i + 1;
    break;
  }

  const categoryStart = findCategoryStart(lines, cursor, headerEnd);
  let categories: CategoryRecord[] = [];
  let tags: string[] = [];
  if (categoryStart >= 0) {
    const block = readCategoryBlock(lines, categoryStart, headerEnd);
    categories = block.categories;
    tags = block.tags;
    if (block.unclosed) {
      warn("unclosed-category", "a backticked category is never closed", categoryStart + 1);
    }
    cursor = block.end;
  }

  let english = readEnglishTitle(lines, cursor, headerEnd);
  // A Chinese line there, when the heading already gave the Chinese title, opens the abstract.
  if (english && isChineseText(english.text) && titleZh) english = undefined;
  if (english) {
    if (isChineseText(english.text)) titleZh = cleanChineseTitle(english.text);
    else title = english.text;
  }

  const bodyStart = abstractIndex >= 0 ? abstractIndex + 1 : (english?.end ?? cursor);
  const { abstract, abstractZh } = readAbstracts(lines, bodyStart);

  const content = lines.filter((line) => !isImageLine(line)).join("\n");
  const ids = findIdentifiers(content);
  let arxiv = ids.arxiv[0];
  if (!arxiv) arxiv = IMAGE_PATH_ID.exec(doc.text)?.[1];

  if (!title && !titleZh) warn("no-title", "no title heading found");
  if (abstractIndex < 0) {
    diagnostics.push(
      createDiagnostic(doc.id, "info", "no-abstract-heading", "zh-digest: no `# 摘要` heading"),
    );
  }

  const record = createPaperRecord(doc, FORMAT, "main", {
    line: titleIndex >= 0 ? titleIndex + 1 : 1,
    title,
    titleZh,
    abstract,
    abstractZh,
    arxiv,
    doi: ids.dois[0],
    date,
    year,
    categories,
    tags,
    urls: ids.urls,
  });
  return { records: [record], relations: [], diagnostics };
}

/** The text of a heading line without its `#` markers (leading, doubled or closing). */
function readHeading(line: string): string {
  return line
    .slice(0, MAX_HEADING_LENGTH)
    .replace(/^[#\s]+/, "")
    .replace(/\s#+\s*$/, "")
    .trim();
}

function findCategoryStart(lines: readonly string[], from: number, end: number): number {
  for (let i = from; i < end; i++) {
    const line = lines[i] ?? "";
    if (isBlank(line)) continue;
    if (line.trimStart().startsWith("`")) return i;
    // The category comes before the English title and the abstract; stop at either.
    if (line.trimStart().startsWith(">") || HEADING.test(line)) return -1;
  }
  return -1;
}

interface Segment {
  inside: string;
  after: string;
}

/**
 * Read the backticked segments of the category block from line `start`. A segment may span lines
 * (label, blank line, long reason, closing backtick); text outside the backticks continues the
 * reason of the segment before it. Outside a segment, a blank line, a quote, a heading or an image
 * ends the block.
 */
function readCategoryBlock(
  lines: readonly string[],
  start: number,
  end: number,
): { categories: CategoryRecord[]; tags: string[]; end: number; unclosed: boolean } {
  const segments: Segment[] = [];
  let open = false;
  let unclosed = false;
  let inside = "";
  let i = start;
  for (; i < end && segments.length <= MAX_SEGMENTS; i++) {
    const line = lines[i] ?? "";
    const trimmed = line.trimStart();
    const ends =
      trimmed.startsWith(">") || HEADING.test(line) || isImageLine(line) || LINK_LINE.test(line);
    if (open && ends) {
      // A backtick that never closes: keep what it held, and let the quote or heading go on.
      segments.push({ inside, after: "" });
      open = false;
      unclosed = true;
      break;
    }
    if (!open && i > start && (isBlank(line) || ends)) break;

    let pos = 0;
    while (pos <= line.length && segments.length <= MAX_SEGMENTS) {
      const tick = line.indexOf("`", pos);
      const stop = tick < 0 ? line.length : tick;
      const piece = line.slice(pos, stop);
      if (open) inside += piece;
      else if (piece.trim()) {
        const last = segments[segments.length - 1];
        if (last) last.after += `${piece}\n`;
      }
      if (tick < 0) break;
      if (open) {
        segments.push({ inside, after: "" });
        inside = "";
      }
      open = !open;
      pos = tick + 1;
    }
    if (open) inside += "\n";
  }
  if (open && segments.length <= MAX_SEGMENTS) {
    segments.push({ inside, after: "" });
    unclosed = true;
  }

  const categories: CategoryRecord[] = [];
  const tags: string[] = [];
  for (const segment of segments.slice(0, MAX_SEGMENTS)) {
    const category = readSegment(segment);
    if (!category) continue;
    if (category.reason) categories.push(category);
    else tags.push(category.label);
  }
  return { categories, tags, end: i, unclosed };
}

/** A segment is a plain tag, or a label with a reason (after it, or on the following lines). */
function readSegment(segment: Segment): CategoryRecord | undefined {
  const inside = segment.inside.replace(/^\s*\n/, "");
  const newline = inside.indexOf("\n");
  let label = collapseWhitespace(newline < 0 ? inside : inside.slice(0, newline));
  let reason = newline < 0 ? "" : inside.slice(newline + 1);
  if (label.length > MAX_LABEL_LENGTH) {
    const match = INLINE_LABEL.exec(label);
    const rest = match?.[2] ?? "";
    if (match?.[1] && isChineseText(rest) && rest.length >= 10) {
      label = match[1].trim();
      reason = `${rest}\n${reason}`;
    }
  }
  reason = collapseProse(replaceBreakMarkers(`${reason}\n${segment.after}`));
  if (!label) return undefined;
  return reason ? { label, reason } : { label };
}

/**
 * The English title: the first line after the category block that is not an image, quoted or not,
 * with the quoted lines that continue it. A line longer than a title is an abstract, not a title.
 */
function readEnglishTitle(
  lines: readonly string[],
  from: number,
  end: number,
): { text: string; end: number } | undefined {
  for (let i = from; i < end; i++) {
    const line = lines[i] ?? "";
    if (isBlank(line) || isImageLine(line) || LINK_LINE.test(line)) continue;
    if (HEADING.test(line) || PUBLISHED.test(line) || line.trimStart().startsWith("`")) continue;
    const quoted = line.trimStart().startsWith(">");
    const parts = [stripQuote(line)];
    let next = i + 1;
    while (quoted && next < end && /^\s*>\s*\S/.test(lines[next] ?? "")) {
      parts.push(stripQuote(lines[next] ?? ""));
      next++;
    }
    const text = collapseWhitespace(replaceBreakMarkers(parts.join(" ")));
    if (!text || text.length > MAX_TITLE_LENGTH) return undefined;
    return { text, end: next };
  }
  return undefined;
}

/**
 * The abstracts after `# 摘要`: quoted or not, told apart by script. Consecutive lines of the same
 * script form a paragraph; images, link lines and a further heading are not abstract text.
 */
function readAbstracts(
  lines: readonly string[],
  from: number,
): { abstract?: string; abstractZh?: string } {
  const zh: string[] = [];
  const en: string[] = [];
  let current: string[] | undefined;
  for (let i = from; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (HEADING.test(line)) break;
    if (isImageLine(line) || LINK_LINE.test(line)) {
      current = undefined;
      continue;
    }
    const text = stripQuote(line).trim();
    if (!text || !/[A-Za-z\u3400-\u9fff]/.test(text)) {
      if (!text) current = undefined;
      else current?.push(text);
      continue;
    }
    const target = isChineseText(text) ? zh : en;
    if (current !== target) {
      target.push("");
      current = target;
    }
    target.push(text);
  }
  return { abstract: joinParagraphs(en), abstractZh: joinParagraphs(zh) };
}
