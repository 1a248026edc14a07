// Adapter for digest pages that report several papers: a daily report or a feed's README where each
// paper sits under its own heading, followed by labelled fields (`**ArXiv ID**: …`, `**作者**: …`,
// `**TLDR**: …`). Each paper becomes a `listed` record; the page itself is a collection, never a paper.
import { normalizeArxivId } from "../extract/arxiv-id.ts";
import { parseDate } from "../extract/dates.ts";
import { findUrls } from "../extract/links.ts";
import { createDiagnosticSink } from "./diagnostic-sink.ts";
import FIELD_LABELS from "./digest-fields.json" with { type: "json" };
import { isLinkWord } from "./link-words.ts";
import { createPaperRecord } from "./records.ts";
import {
  cleanChineseTitle,
  collapseWhitespace,
  findIdentifiers,
  isBlank,
  isChineseText,
  isImageLine,
  splitLines,
  takeSniffWindow,
  truncateText,
} from "./text-utils.ts";
import type {
  Adapter,
  CollectionRecord,
  PaperRecord,
  ParsedDocument,
  SourceDocument,
} from "./types.ts";

const FORMAT = "digest-list";

/** What a field label says its value is. Unknown labels are prose about the paper. */
type FieldKind = keyof typeof FIELD_LABELS | "prose";

const KIND_OF_LABEL: ReadonlyMap<string, FieldKind> = new Map(
  (Object.entries(FIELD_LABELS) as Array<[FieldKind, string[]]>).flatMap(([kind, labels]) =>
    labels.map((label) => [normalizeLabel(label), kind] as const),
  ),
);

const ATX_HEADING = /^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/;
const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const RULE = /^\s{0,3}([-*_])(?:\s*\1){2,}\s*$/;
/** `**Label**: value`, `**Label:** value`, `- **Label**：value` (the colon inside or after the bold). */
const BOLD_FIELD =
  /^\s*(?:[-*+]\s+)?(?:\*\*|__)([^*_\n:：]{1,40}?)\s*([:：])?\s*(?:\*\*|__)\s*([:：])?\s*(.*)$/;
/** `- Label: value`, read only when the label is a known field label. */
const BULLET_FIELD = /^\s*[-*+]\s+([^*_\n:：]{1,30}?)\s*[:：]\s*(.*)$/;
/** A line that is only bold text, maybe numbered: `**1. Title**`, `1. **Title**`. */
const BOLD_LINE = /^\s{0,3}(?:\d{1,4}[.)]\s+)?(?:\*\*|__)([^*_\n]{4,300})(?:\*\*|__)\s*$/;
const LEADING_NUMBER = /^(?:(?:no\.?|#)\s*)?\d{1,4}\s*[.)、:：]\s*/i;
const MARKDOWN_LINK = /\[([^\]\n]{0,500})\]\(([^)\s]{0,2000})[^)\n]{0,200}\)/g;
const HTML_TAG = /<[^>\n]{0,500}>/g;
/** Something that names an arXiv id or a DOI: sniffing looks further only when there are two. */
const ID_HINT = /arxiv|\bid\b|论文id|10\.\d{4,9}\//gi;

/** Lines read after a heading for its fields. */
const MAX_FIELD_LINES = 40;
/** A paper's summary and abstract are capped at this many characters. */
const MAX_TEXT = 6_000;
const MAX_TITLE_LENGTH = 300;
/** Prose fields shorter than this say too little to summarise a paper. */
const MIN_PROSE = 40;

/** Reads pages that report several papers under headings with labelled fields. */
export const DIGEST_LIST_ADAPTER: Adapter = {
  format: FORMAT,
  sniff: sniffDigestList,
  parse: parseDigestList,
};

interface Field {
  kind: FieldKind;
  label: string;
  value: string;
  line: number;
}

interface Heading {
  level: number;
  text: string;
  /** 0-based line index. */
  index: number;
  /** Position in the document's list of headings. */
  position: number;
  /** Inside a `<details>` block (a collapsed summary), which is never a paper's heading. */
  folded: boolean;
}

interface PaperSection {
  heading: Heading;
  fields: Field[];
  arxiv?: string;
  doi?: string;
}

/**
 * How sure we are that `text` reports several papers (0 … 1): headings followed by labelled fields
 * that name one paper's identifier (an `ArXiv ID` field, or a heading linking to the paper plus
 * other fields). Three such sections or more make it certain enough to beat a list of links; two
 * make it likely; one is a single paper's page, for the other readers.
 */
export function sniffDigestList(text: string): number {
  const head = takeSniffWindow(text);
  // Cheap first look: a page of several papers names several ids (most pages name one or none).
  let hints = 0;
  for (const _ of head.matchAll(ID_HINT)) if (++hints >= 2) break;
  if (hints < 2) return 0;
  const lines = splitLines(head);
  const sections = findPaperSections(lines, findHeadings(lines), 3);
  if (sections.length >= 3) return 0.9;
  if (sections.length === 2) return 0.7;
  return 0;
}

/**
 * Parse a multi-paper page: one `listed` record per paper (its heading's title, identifier, authors,
 * date, abstract and summary from its fields; a paper reported twice on the page is one record), and
 * the page as a collection titled by its own heading and, when the page gives one, its date.
 */
export function parseDigestList(doc: SourceDocument): ParsedDocument {
  const lines = splitLines(doc.text);
  const sink = createDiagnosticSink(doc.id, FORMAT);
  const headings = findHeadings(lines);
  const sections = findPaperSections(lines, headings, Number.POSITIVE_INFINITY);

  const paths = findSectionPaths(headings, new Set(sections.map((s) => s.heading.position)));
  const records: PaperRecord[] = [];
  const byId = new Map<string, PaperRecord>();
  for (const section of sections) {
    const path = paths.get(section.heading.position) ?? [];
    const record = readPaper(doc, lines, headings, section, path);
    if (!record.title && !record.titleZh) {
      sink.add(
        "warning",
        "no-title",
        "a paper's heading gives no title",
        section.heading.index + 1,
      );
    }
    const id = record.arxiv ? `arxiv:${record.arxiv}` : `doi:${record.doi ?? ""}`;
    const seen = byId.get(id);
    if (seen) {
      mergeInto(seen, record);
      continue;
    }
    byId.set(id, record);
    records.push(record);
  }
  if (records.length === 0) sink.add("warning", "no-papers", "no paper section found");

  return {
    records,
    relations: [],
    diagnostics: sink.finish(),
    collection: readCollection(lines, headings, sections, doc.id),
  };
}

/** ATX headings outside code fences, each marked when it sits inside a `<details>` block. */
function findHeadings(lines: readonly string[]): Heading[] {
  const headings: Heading[] = [];
  let fence = false;
  let details = 0;
  lines.forEach((line, index) => {
    if (FENCE.test(line)) {
      fence = !fence;
      return;
    }
    if (fence) return;
    if (line.includes("<details") || line.includes("</details")) {
      details += (line.match(/<details\b/gi) ?? []).length;
      details -= (line.match(/<\/details\s*>/gi) ?? []).length;
      if (details < 0) details = 0;
    }
    const match = ATX_HEADING.exec(line);
    if (match?.[1]) {
      const level = match[1].length;
      headings.push({
        level,
        text: match[2] ?? "",
        index,
        position: headings.length,
        folded: details > 0,
      });
      return;
    }
    // A line that is all bold (`**1. Title**`) heads what follows it as a heading would, one level
    // below any `#` heading; a bold label with a colon is a field, not a heading.
    const bold = BOLD_LINE.exec(line);
    if (bold?.[1] && !/[:：]\s*$/.test(bold[1])) {
      headings.push({
        level: 7,
        text: bold[1],
        index,
        position: headings.length,
        folded: details > 0,
      });
    }
  });
  return headings;
}

/** The headings that open a paper: labelled fields below them name exactly one paper. */
function findPaperSections(
  lines: readonly string[],
  headings: readonly Heading[],
  enough: number,
): PaperSection[] {
  const sections: PaperSection[] = [];
  headings.forEach((heading, h) => {
    if (heading.folded || sections.length >= enough) return;
    const end = Math.min(
      headings[h + 1]?.index ?? lines.length,
      heading.index + 1 + MAX_FIELD_LINES,
    );
    const fields = readFields(lines, heading.index + 1, end);
    if (fields.length === 0) return;
    const idFields = fields.filter((field) => field.kind === "id");
    const fromFields = dedupeIds(idFields.map((field) => normalizeArxivId(field.value)));
    const headingIds = findIdentifiers(lines[heading.index] ?? "");
    let arxiv = fromFields.length === 1 ? fromFields[0] : undefined;
    // A heading that links to the paper, with fields below it (authors, dates), names it too.
    if (!arxiv && fromFields.length === 0 && fields.length >= 2 && headingIds.arxiv.length === 1) {
      arxiv = headingIds.arxiv[0];
    }
    const doi = arxiv ? undefined : single(idFieldDois(idFields, headingIds.dois, fields.length));
    if (!arxiv && !doi) return;
    sections.push({ heading, fields, ...(arxiv ? { arxiv } : {}), ...(doi ? { doi } : {}) });
  });
  return sections;
}

function idFieldDois(idFields: readonly Field[], headingDois: string[], fields: number): string[] {
  const dois = idFields.flatMap((field) => findIdentifiers(field.value).dois);
  if (dois.length > 0) return [...new Set(dois)];
  return fields >= 2 ? headingDois : [];
}

function single(values: readonly string[]): string | undefined {
  return values.length === 1 ? values[0] : undefined;
}

function dedupeIds(ids: Array<string | undefined>): string[] {
  return [...new Set(ids.filter((id): id is string => Boolean(id)))];
}

/**
 * The labelled fields on lines `from` … `end`: bold labels of any name, bullet labels only when
 * known. A line that is not a field continues the field above it (a value written on the next
 * lines); a blank line or a rule before any field is skipped.
 */
function readFields(lines: readonly string[], from: number, end: number): Field[] {
  const fields: Field[] = [];
  for (let i = from; i < end; i++) {
    const line = lines[i] ?? "";
    if (/^\s*<\/?details\b|^\s*<summary\b/i.test(line)) break;
    const field = readField(line, i + 1);
    if (field) {
      fields.push(field);
      continue;
    }
    if (isBlank(line) || RULE.test(line) || isImageLine(line)) continue;
    const last = fields[fields.length - 1];
    if (!last) continue;
    last.value = last.value ? `${last.value}\n${line.trim()}` : line.trim();
  }
  return fields;
}

function readField(line: string, lineNumber: number): Field | undefined {
  const bold = BOLD_FIELD.exec(line);
  if (bold?.[1] && (bold[2] || bold[3])) {
    const label = collapseWhitespace(bold[1]);
    return { kind: kindOf(label), label, value: (bold[4] ?? "").trim(), line: lineNumber };
  }
  const bullet = BULLET_FIELD.exec(line);
  if (bullet?.[1]) {
    const kind = KIND_OF_LABEL.get(normalizeLabel(bullet[1]));
    if (kind)
      return { kind, label: bullet[1].trim(), value: (bullet[2] ?? "").trim(), line: lineNumber };
  }
  return undefined;
}

function kindOf(label: string): FieldKind {
  return KIND_OF_LABEL.get(normalizeLabel(label)) ?? "prose";
}

/** A label compared without case, emoji, brackets or punctuation (`🤖 AI Summary` → `ai summary`). */
function normalizeLabel(label: string): string {
  return label
    .toLowerCase()
    .replace(/\([^)]*\)|（[^）]*）/g, " ")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** One paper's record from its section: heading, fields, and an `Abstract` sub-heading's text. */
function readPaper(
  doc: SourceDocument,
  lines: readonly string[],
  headings: readonly Heading[],
  section: PaperSection,
  sectionPath: string[],
): PaperRecord {
  const { heading, fields } = section;
  const fieldValue = (kind: FieldKind): string | undefined =>
    fields.find((field) => field.kind === kind && field.value)?.value;

  const titles = [fieldValue("title"), fieldValue("titleZh"), heading.text]
    .map((text) => (text === undefined ? undefined : cleanTitle(text)))
    .filter((text): text is string => Boolean(text));
  const title = titles.find((text) => !isChineseText(text));
  const titleZh = titles.find((text) => isChineseText(text));

  const dateText = fieldValue("date");
  const date = dateText ? parseDate(dateText) : undefined;
  const abstractText = fieldValue("abstract") ?? readAbstractSection(lines, headings, heading);
  const abstract = abstractText ? cleanProse(abstractText) : undefined;
  const summary = readSummary(fields);
  const categories = fieldValue("category");

  const fieldLines = [lines[heading.index] ?? "", ...fields.map((f) => `${f.label}: ${f.value}`)];
  const urls = fieldLines.filter((line) => !isImageLine(line)).flatMap((line) => findUrls(line));

  return createPaperRecord(doc, FORMAT, "listed", {
    line: heading.index + 1,
    title,
    titleZh: titleZh ? cleanChineseTitle(titleZh) : undefined,
    abstract: abstract && !isChineseText(abstract) ? abstract : undefined,
    abstractZh: abstract && isChineseText(abstract) ? abstract : undefined,
    summary,
    arxiv: section.arxiv,
    doi: section.doi,
    date: date?.date,
    year: date?.year,
    authors: splitAuthors(fieldValue("authors") ?? ""),
    urls,
    venue: fieldValue("venue"),
    keywords: categories
      ? categories
          .split(/\s*[,;，；、]\s*/)
          .map((c) => c.trim())
          .filter(Boolean)
      : undefined,
    section: sectionPath,
  });
}

/** A heading's or field's text as a title: numbering, links, emphasis and tags removed; link words are no title. */
function cleanTitle(text: string): string | undefined {
  const cleaned = collapseWhitespace(
    text
      .replace(HTML_TAG, " ")
      .replace(MARKDOWN_LINK, "$1")
      .replace(/[*_`]+/g, "")
      .replace(LEADING_NUMBER, ""),
  ).replace(/^[《「"“]+|[》」"”]+$/g, "");
  if (!cleaned || cleaned.length > MAX_TITLE_LENGTH || isLinkWord(cleaned)) return undefined;
  if (!/[\p{L}]{2}/u.test(cleaned)) return undefined;
  return cleaned;
}

function cleanProse(text: string): string | undefined {
  const cleaned = collapseWhitespace(
    text
      .replace(HTML_TAG, " ")
      .replace(MARKDOWN_LINK, "$1")
      .replace(/\*\*|__/g, ""),
  );
  return cleaned ? truncateText(cleaned, MAX_TEXT) : undefined;
}

/**
 * The page's summary of a paper: its summary field (`TLDR`, `总结`), else its prose fields
 * (`研究背景`, `方法创新`, …) in order. Link fields and scores are not prose.
 */
function readSummary(fields: readonly Field[]): string | undefined {
  const summary = fields.find((field) => field.kind === "summary" && field.value);
  if (summary) return cleanProse(summary.value);
  const prose = fields
    .filter((field) => field.kind === "prose" && field.value.length >= MIN_PROSE)
    .filter((field) => findUrls(field.value).length === 0)
    .map((field) => field.value);
  return prose.length > 0 ? cleanProse(prose.join("\n")) : undefined;
}

/** The paragraph under an `Abstract` / `摘要` sub-heading of the paper's section. */
function readAbstractSection(
  lines: readonly string[],
  headings: readonly Heading[],
  paper: Heading,
): string | undefined {
  for (let h = paper.position + 1; h < headings.length; h++) {
    const sub = headings[h] as Heading;
    if (sub.level <= paper.level && !sub.folded) return undefined;
    if (sub.folded || kindOf(cleanTitle(sub.text) ?? sub.text) !== "abstract") continue;
    const body: string[] = [];
    const end = headings[h + 1]?.index ?? lines.length;
    for (let i = sub.index + 1; i < end; i++) {
      const line = lines[i] ?? "";
      if (/^\s*<(?:details|summary)\b/i.test(line)) break;
      if (isImageLine(line)) continue;
      body.push(line);
    }
    const text = body.join("\n").trim();
    return text || undefined;
  }
  return undefined;
}

/**
 * The page's headings each paper is filed under (not the page title, nor other papers), by the
 * position of the paper's heading: one pass over the headings with a stack of the open ones.
 */
function findSectionPaths(
  headings: readonly Heading[],
  papers: ReadonlySet<number>,
): Map<number, string[]> {
  const paths = new Map<number, string[]>();
  const open: Heading[] = [];
  const first = headings[0];
  for (const heading of headings) {
    if (heading.folded) continue;
    if (papers.has(heading.position)) {
      paths.set(
        heading.position,
        open
          .filter(
            (above) =>
              above.level < heading.level && above !== first && !papers.has(above.position),
          )
          .map((above) => cleanTitle(above.text))
          .filter((text): text is string => Boolean(text)),
      );
    }
    while (open.length > 0 && (open[open.length - 1] as Heading).level >= heading.level) open.pop();
    open.push(heading);
  }
  return paths;
}

/** Names on one line: `A, B, C`, `A; B`, `A and B`, `A，B`; `et al.`, `等` and a trailing ellipsis go. */
function splitAuthors(value: string): string[] {
  const line = collapseWhitespace(value.replace(HTML_TAG, " ").replace(/[*_`]+/g, ""));
  if (!line) return [];
  return line
    .split(/\s*(?:[,;，；、]|\band\b)\s*/)
    .map((name) =>
      name
        .replace(/\bet al\.?$/i, "")
        .replace(/\s*等人?$/, "")
        .replace(/(?:\.{3}|…)$/, "")
        .trim(),
    )
    .filter((name) => name.length > 1 && name.length <= 100);
}

/** Fold a second report of the same paper into the first: missing fields filled, longer texts kept. */
function mergeInto(target: PaperRecord, other: PaperRecord): void {
  target.title ??= other.title;
  target.titleZh ??= other.titleZh;
  for (const key of ["abstract", "abstractZh", "summary"] as const) {
    const value = other[key];
    if (value && value.length > (target[key]?.length ?? 0)) target[key] = value;
  }
  if (other.authors.length > target.authors.length) target.authors = other.authors;
  target.date ??= other.date;
  target.year ??= other.year;
  target.urls = [...new Set([...target.urls, ...other.urls])];
}

/**
 * The page as a collection: its first heading (when that is not a paper), with the page's date when
 * the text above the first paper gives one, so that two days' reports under the same heading stay
 * two pages.
 */
function readCollection(
  lines: readonly string[],
  headings: readonly Heading[],
  sections: readonly PaperSection[],
  id: string,
): CollectionRecord {
  const firstPaper = sections[0]?.heading.index ?? lines.length;
  const top = headings.find((heading) => !heading.folded && heading.index < firstPaper);
  const name = (top ? cleanTitle(top.text) : undefined) ?? id;
  let date: string | undefined;
  for (let i = 0; i < firstPaper && i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (line.length > 200 || !/\d{4}/.test(line)) continue;
    const parsed = parseDate(line);
    if (parsed) {
      date = parsed.date.slice(0, 10);
      break;
    }
  }
  const urls = lines
    .slice(0, firstPaper)
    .filter((line) => !isImageLine(line))
    .flatMap((line) => findUrls(line))
    .slice(0, 20);
  return { title: date ? `${name} (${date})` : name, urls: [...new Set(urls)] };
}
