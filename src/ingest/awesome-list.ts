// Adapter for awesome-list READMEs: a title, headed sections of bullet, numbered or table items that
// link to papers, and often a companion survey (a link near the top, or a "Citation" BibTeX block).
// Each item becomes a `listed` record filed under its heading path; the list itself a collection.
import { type CitedPaper, readCitation } from "./awesome-list-citation.ts";
import {
  cleanInline,
  cleanTitle,
  type ItemFields,
  isTitleLike,
  readItem,
  readVenueTag,
} from "./awesome-list-items.ts";
import { createDiagnosticSink } from "./diagnostic-sink.ts";
import { isPaperLinkKind } from "./paper-links.ts";
import { createPaperRecord } from "./records.ts";
import { dedupe, documentName, splitLines, takeSniffWindow } from "./text-utils.ts";
import type {
  Adapter,
  CollectionRecord,
  PaperRecord,
  ParsedDocument,
  SourceDocument,
} from "./types.ts";

const FORMAT = "awesome-list";

/**
 * Sections that never list papers, by their heading (emoji, numbering and punctuation removed):
 * the table of contents, contributing notes, licences, star charts, thanks, contact.
 */
const CHROME_SECTION =
  /^(?:(?:table of )?contents?|toc|index|overview of contents|contribut(?:e|ing|ion|ions|ors?)(?: guidelines?| guide| to this (?:repo|list|project))?|how to contribute|license|licence|star history|star chart|stargazers|stars? over time|acknowledge?ments?|thanks|thank you|contact(?: us)?|sponsors?|backers|disclaimer|to ?do|roadmap|other awesome lists|related (?:awesome )?lists|join us|目录|贡献|致谢|许可证?|联系(?:我们)?)$/i;
/** Sections that cite the list's own paper. */
const CITATION_SECTION =
  /^(?:citations?|cite|cite us|cite this(?: work| repo| repository| list| paper)?|citing|how to cite|bibtex|reference this work|引用)$/i;
/** Sections with the list's news: no items, but the companion survey is often announced there. */
const NEWS_SECTION =
  /^(?:news|updates?|latest news|latest updates|changelog|what'?s new|announcements?|新闻|更新|动态)$/i;

const ATX_HEADING = /^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/;
const HTML_HEADING = /^\s*<h([1-6])\b[^>]*>(.*?)<\/h\1>\s*$/i;
/** A collapsible group (`<details>`) whose `<summary>` names a subsection of the heading above it. */
const DETAILS_OPEN = /<details\b/gi;
const DETAILS_CLOSE = /<\/details\s*>/gi;
const SUMMARY = /<summary\b[^>]*>(.*?)<\/summary\s*>/i;
/** A count after a group's name: "Nature（19）", "Agents (42) · new". */
const GROUP_COUNT = /\s*[（(]\s*\d+\s*[)）]/g;
const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const BULLET = /^(\s*)(?:[-*+]|\d{1,4}[.)])\s+(?:\[[ xX]\]\s+)?(.*)$/;
/** A line that is one Markdown link (`[Title](url)`), as lists without bullets write their items. */
const LINK_LINE = /^\s*\[[^\]\n]{4,}\]\([^)\s]+\)\s*$/;
const RULE = /^\s{0,3}([-*_])(?:\s*\1){2,}\s*$/;
const TABLE_SEPARATOR = /^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/;
/** A line that looks like a list of paper links at a glance (sniffing only). */
const PAPER_LINK_HINT =
  /arxiv\.org\/(?:abs|pdf)\/|doi\.org\/10\.|aclanthology\.org\/|openreview\.net\/(?:forum|pdf)|(?:pubmed\.ncbi\.nlm\.nih\.gov\/|ncbi\.nlm\.nih\.gov\/pubmed\/)\d|huggingface\.co\/papers\/|\[\s*(?:paper|pdf)\s*\]\(|arxiv:\s?\d{4}\.\d{4,5}/i;
const AWESOME_BADGE =
  /awesome\.re\/badge|\[!\[awesome\]|shields\.io\/badge\/awesome|sindresorhus\/awesome/i;
const SURVEY_WORDS =
  /\b(?:survey|review|overview|tutorial|position paper)\b|accompan|companion|综述/i;
const OWN_PAPER =
  /\b(?:our|this|the)\s+(?:\w+\s+){0,2}(?:survey|review|paper|work|tutorial|preprint)\b/i;
/** Columns of an item table, by header. */
const TITLE_COLUMN = /^(?:title|paper title|article|publication title)$/i;
const PAPER_COLUMNS = [
  /^(?:papers?|paper link|works?|articles?)$/i,
  /^(?:names?|models?|methods?|benchmarks?|datasets?)$/i,
];
const VENUE_COLUMN =
  /^(?:venue|conference|conf\.?|journal|published(?: in)?|publication|source|where)$/i;
/** What a table writes in a cell it has nothing for. */
const EMPTY_CELL = /^(?:[-–—?/.]+|n\/?a|none|tbd|tba|todo)$/i;
const YEAR_COLUMN = /^(?:year|date|time|published date)$/i;

/** At most this many paper items above the first section are the list's introduction. */
const MAX_INTRO_ITEMS = 5;

/** Collection links kept from the top of the list. */
const MAX_COLLECTION_URLS = 20;
/** Lines above a companion link searched for the survey's title. */
const TITLE_LOOKBACK = 3;

/** Reads awesome-list READMEs. */
export const AWESOME_LIST_ADAPTER: Adapter = {
  format: FORMAT,
  sniff: sniffAwesomeList,
  parse: parseAwesomeList,
};

/**
 * How sure we are that `text` is an awesome list (0 … 1): list items and table rows with paper
 * links weigh most (3, 6, 8, 12 or more), then an awesome badge, a title naming the list
 * "awesome", and items in two or more sections. A note with one or two links stays plain text, and
 * a page without headings is at most unsure.
 */
export function sniffAwesomeList(text: string): number {
  const head = takeSniffWindow(text);
  let items = 0;
  let headings = 0;
  let sectionsWithItems = 0;
  let sectionHasItems = false;
  let title = false;
  let awesomeTitle = false;
  let fence = false;
  for (const line of head.split("\n")) {
    if (FENCE.test(line)) {
      fence = !fence;
      continue;
    }
    if (fence) continue;
    const heading = ATX_HEADING.exec(line) ?? HTML_HEADING.exec(line);
    if (heading) {
      headings++;
      sectionHasItems = false;
      if (heading[1] === "#" || heading[1] === "1") {
        title = true;
        if (/awesome/i.test(heading[2] ?? "")) awesomeTitle = true;
      }
      continue;
    }
    const listed = BULLET.test(line) || /^\s*\|.*\|/.test(line) || LINK_LINE.test(line);
    if (listed && PAPER_LINK_HINT.test(line)) {
      items++;
      if (!sectionHasItems) sectionsWithItems++;
      sectionHasItems = true;
    }
  }
  let score = 0;
  if (items >= 12) score += 0.5;
  else if (items >= 8) score += 0.4;
  else if (items >= 6) score += 0.3;
  else if (items >= 3) score += 0.15;
  if (AWESOME_BADGE.test(head)) score += 0.4;
  if (awesomeTitle) score += 0.15;
  if (title) score += 0.05;
  if (sectionsWithItems >= 2) score += 0.1;
  if (items < 2) score = Math.min(score, 0.3);
  if (headings === 0) score = Math.min(score, 0.45);
  return Math.min(1, score);
}

/** Kinds of section, from their heading. */
type SectionRole = "papers" | "chrome" | "citation" | "news";

interface Heading {
  level: number;
  text: string;
  role: SectionRole;
  line: number;
}

/** A list item or table row before it is read: its text, where it is, under which headings. */
interface RawItem {
  line: number;
  text: string;
  indent: number;
  path: string[];
  /** Line of the outermost heading above the item (-1 when it sits under the title only). */
  sectionStart: number;
  role: SectionRole;
  /** Pre-read fields of a table row (title, venue, year and date from their columns). */
  table?: { title?: string; venue?: string; year?: number; date?: string };
}

/** A companion candidate: a paper link near the top that the list presents as its own paper. */
interface CompanionLink {
  line: number;
  fields: ItemFields;
  own: boolean;
  news: boolean;
}

/**
 * Parse an awesome list: a `listed` record per item that links to a paper (title, identifiers,
 * venue, year, links, heading path, line), a `main` record for the companion survey when the list
 * names one, and the collection (title, links). Sources are `<file>#N`, N counting records from 1
 * in line order.
 */
export function parseAwesomeList(doc: SourceDocument): ParsedDocument {
  const lines = splitLines(doc.text);
  const sink = createDiagnosticSink(doc.id, FORMAT);
  const structure = readStructure(lines);
  if (!structure.title) {
    sink.add("info", "no-title", "no `#` title; the list is named after its file");
  }

  // Items directly under the title count only when no section lists any: otherwise they are the
  // list's introduction (its paper, its links), not entries.
  const read = new Map(structure.items.map((item) => [item, readItem(item.text)]));
  const isPaperItem = (item: RawItem): boolean =>
    item.role === "papers" && read.get(item)?.hasPaperLink === true;
  const inSections = structure.items.some((item) => item.sectionStart >= 0 && isPaperItem(item));
  // An introduction holds a few links; more paper items than that above the first section are
  // entries of their own (a list whose last sections are notes, or two lists run together).
  const aboveSections = structure.items.filter(
    (item) => item.sectionStart < 0 && isPaperItem(item),
  ).length;
  const introOnly = inSections && aboveSections <= MAX_INTRO_ITEMS;
  const candidates = introOnly
    ? structure.items.filter((item) => item.sectionStart >= 0)
    : structure.items;
  if (introOnly && aboveSections > 0) {
    sink.add(
      "info",
      "intro-items",
      `${aboveSections} paper link${aboveSections === 1 ? "" : "s"} above the first section ${aboveSections === 1 ? "is" : "are"} read as the list's introduction, not as entries`,
    );
  }
  const candidateSet = new Set(candidates);
  const firstItemLine = candidates
    .filter(isPaperItem)
    .reduce(
      (first, item) => Math.min(first, item.sectionStart >= 0 ? item.sectionStart : item.line),
      lines.length + 1,
    );

  const listed: Array<{ item: RawItem; fields: ItemFields }> = [];
  let withoutPaper = 0;
  for (const item of structure.items) {
    if (item.role !== "papers") continue;
    if (!candidateSet.has(item)) continue;
    const fields = read.get(item) ?? readItem(item.text);
    if (item.table) {
      // A row's cells are columns, not a byline: authors and dates come from their own columns.
      delete fields.authors;
      delete fields.date;
      if (item.table.title) fields.title = item.table.title;
      if (item.table.venue) fields.venue = item.table.venue;
      if (item.table.year !== undefined) fields.year = item.table.year;
      if (item.table.date) fields.date = item.table.date;
    }
    if (!fields.hasPaperLink) {
      if (fields.links.some((link) => link.kind !== "chrome") || fields.title) withoutPaper++;
      continue;
    }
    listed.push({ item, fields });
  }
  if (withoutPaper > 0) {
    sink.add(
      "info",
      "items-without-paper-link",
      withoutPaper === 1
        ? "1 item links to no paper (only code, a model or a site) and is not read as one"
        : `${withoutPaper} items link to no paper (only code, models or sites) and are not read as papers`,
    );
  }

  const intro = readIntroLinks(lines, structure, firstItemLine);
  const companion = readCompanion(lines, structure, intro, sink.add);

  const drafts: Array<{ line: number; record: Omit<PaperRecord, "source">; companion: boolean }> =
    [];
  for (const { item, fields } of listed) {
    drafts.push({
      line: item.line,
      companion: false,
      record: createListedRecord(doc, item, fields),
    });
  }
  if (companion) {
    drafts.push({
      line: companion.line,
      companion: true,
      record: createCompanionRecord(doc, companion),
    });
  }
  drafts.sort((a, b) => a.line - b.line || Number(b.companion) - Number(a.companion));

  const records: PaperRecord[] = drafts.map(({ record }, index) => ({
    ...record,
    source: `${doc.id}#${index + 1}`,
  }));
  if (listed.length === 0) sink.add("warning", "no-items", "no list item links to a paper");

  const collection: CollectionRecord = {
    title: structure.title?.text || documentName(doc.id),
    urls: intro.urls.slice(0, MAX_COLLECTION_URLS),
  };
  const companionIndex = drafts.findIndex((draft) => draft.companion);
  if (companionIndex >= 0) collection.companion = companionIndex;
  else sink.add("info", "no-companion", "the list names no paper of its own");
  return { records, relations: [], diagnostics: sink.finish(), collection };
}

/** What the walk over the lines found: the title, the headings, the items, the code blocks. */
interface Structure {
  title?: { text: string; line: number };
  headings: Heading[];
  items: RawItem[];
  /** Fenced code blocks and the role of the section they sit in. */
  code: Array<{ line: number; text: string; role: SectionRole }>;
  /** Per line: the role of its section (`papers` before the first heading). */
  roles: SectionRole[];
  /** The text under each Citation heading, by the heading's line. */
  citationText: Map<number, string>;
}

/**
 * Walk the lines once: headings build the section path (the first `#` heading is the list's title
 * and no part of it), fenced code and HTML comments are set aside, and bullets, numbered lines,
 * table rows and link-led paragraph lines become raw items with their continuation lines.
 */
function readStructure(lines: readonly string[]): Structure {
  const structure: Structure = {
    headings: [],
    items: [],
    code: [],
    roles: [],
    citationText: new Map(),
  };
  const stack: Heading[] = [];
  let fence: { marker: string; line: number; text: string[] } | undefined;
  let comment = false;
  let seenContent = false;
  let table: { line: number; columns: string[] } | undefined;
  let open: RawItem | undefined;

  const role = (): SectionRole => {
    for (const heading of stack) if (heading.role !== "papers") return heading.role;
    return "papers";
  };
  const close = (): void => {
    if (open) structure.items.push(open);
    open = undefined;
  };
  const startItem = (line: number, text: string, indent: number): RawItem => ({
    line: line + 1,
    text,
    indent,
    path: stack.map((heading) => heading.text),
    sectionStart: stack[0]?.line ?? -1,
    role: role(),
  });

  // Per open `<details>`: the heading its summary added, taken off again when the group closes.
  const groups: (Heading | undefined)[] = [];
  /** Whether the line opened, named or closed a group (and holds nothing else to read). */
  const readDetails = (line: string, lineNumber: number): boolean => {
    const opened = line.match(DETAILS_OPEN)?.length ?? 0;
    const closed = line.match(DETAILS_CLOSE)?.length ?? 0;
    const summary = SUMMARY.exec(line);
    if (opened === 0 && closed === 0 && !summary) return false;
    for (let n = 0; n < opened; n++) groups.push(undefined);
    const text = summary ? cleanHeading((summary[1] ?? "").replace(GROUP_COUNT, " ")) : "";
    if (text && groups.length > 0 && groups[groups.length - 1] === undefined) {
      // Half a level below the heading it sits under: the next heading of that level closes it too.
      const level = (stack[stack.length - 1]?.level ?? 1) + 0.5;
      const entry: Heading = { level, text, role: readSectionRole(text), line: lineNumber };
      stack.push(entry);
      structure.headings.push(entry);
      groups[groups.length - 1] = entry;
    }
    for (let n = 0; n < closed && groups.length > 0; n++) {
      const entry = groups.pop();
      const at = entry ? stack.indexOf(entry) : -1;
      if (at >= 0) stack.length = at;
    }
    // A line that carries more than the group's tags and name is read as usual.
    const rest = summary ? line.replace(summary[0], "") : line;
    return rest.replace(/<[^>]*>|&nbsp;/g, "").trim() === "";
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    structure.roles.push(role());
    if (fence) {
      if (line.trim().startsWith(fence.marker)) {
        structure.code.push({ line: fence.line, text: fence.text.join("\n"), role: role() });
        fence = undefined;
      } else {
        fence.text.push(line);
      }
      continue;
    }
    if (comment) {
      if (line.includes("-->")) comment = false;
      continue;
    }
    const fenceOpen = FENCE.exec(line);
    if (fenceOpen?.[1]) {
      close();
      table = undefined;
      fence = { marker: fenceOpen[1], line: i + 1, text: [] };
      continue;
    }
    if (/^\s*<!--/.test(line) && !line.includes("-->")) {
      comment = true;
      continue;
    }

    if (readDetails(line, i + 1)) {
      close();
      table = undefined;
      structure.roles[i] = role();
      continue;
    }

    const heading = ATX_HEADING.exec(line) ?? HTML_HEADING.exec(line);
    if (heading) {
      close();
      table = undefined;
      const level = Number.isNaN(Number(heading[1]))
        ? (heading[1] ?? "#").length
        : Number(heading[1]);
      const text = cleanHeading(heading[2] ?? "");
      if (level === 1 && !structure.title && !stack.length) {
        structure.title = { text, line: i + 1 };
        seenContent = true;
        continue;
      }
      if (!structure.title && !seenContent && text) {
        // A list without a `#` title names itself in its first heading.
        structure.title = { text, line: i + 1 };
        seenContent = true;
        continue;
      }
      seenContent = true;
      while (stack.length > 0 && (stack[stack.length - 1]?.level ?? 0) >= level) stack.pop();
      const entry: Heading = { level, text, role: readSectionRole(text), line: i + 1 };
      stack.push(entry);
      structure.headings.push(entry);
      structure.roles[i] = role();
      continue;
    }
    const citing = stack.find((entry) => entry.role === "citation");
    if (citing) {
      const before = structure.citationText.get(citing.line);
      structure.citationText.set(citing.line, before === undefined ? line : `${before}\n${line}`);
    }
    if (line.trim() !== "" && !/^\s*(?:<[^>]*>\s*)*$/.test(line) && !/^\s*\[?!\[/.test(line)) {
      seenContent = true;
    }

    // Tables: a header row, a separator row, then body rows.
    if (
      !table &&
      line.includes("|") &&
      TABLE_SEPARATOR.test(lines[i + 1] ?? "") &&
      !RULE.test(lines[i + 1] ?? "")
    ) {
      close();
      table = { line: i + 1, columns: splitRow(line).map((cell) => cleanInline(cell)) };
      i++;
      structure.roles.push(role());
      continue;
    }
    if (table) {
      if (line.includes("|") && line.trim() !== "") {
        structure.items.push(readTableRow(startItem(i, line, 0), table.columns, line));
        continue;
      }
      table = undefined;
    }

    if (RULE.test(line)) {
      close();
      continue;
    }
    const bullet = BULLET.exec(line);
    if (bullet) {
      close();
      open = startItem(i, bullet[2] ?? "", (bullet[1] ?? "").replace(/\t/g, "    ").length);
      continue;
    }
    if (line.trim() === "") {
      // A blank line ends an item unless an indented line continues it.
      if (open && !/^\s{2,}\S/.test(lines[i + 1] ?? "")) close();
      continue;
    }
    if (open) {
      // A line that is a paper link of its own under a bullet (`- Topic` then `  [Title](url)`
      // lines) is an item nested in that bullet, not more of its text.
      if (isOwnItemLine(line, !/\]\(|https?:\/\/|<a\b/i.test(open.text))) {
        close();
        open = startItem(i, line.trim(), indentOf(line));
        continue;
      }
      open.text += `\n${line.trim()}`;
      continue;
    }
    if (isOwnItemLine(line)) {
      open = startItem(i, line.trim(), indentOf(line));
      continue;
    }
    // A paragraph line that opens with a link or bold text and names a paper is an item too.
    if (/^\s*(?:\*\*|__|\[|<a\b|<b>|<strong>)/i.test(line) && PAPER_LINK_HINT.test(line)) {
      structure.items.push(startItem(i, line.trim(), 0));
    }
  }
  if (fence) structure.code.push({ line: fence.line, text: fence.text.join("\n"), role: role() });
  close();
  structure.items = nestItems(structure.items);
  return structure;
}

/** How far a line is indented, a tab counting as four spaces. */
function indentOf(line: string): number {
  return (/^\s*/.exec(line)?.[0] ?? "").replace(/\t/g, "    ").length;
}

/**
 * A line that is a single link whose text is a title (not `[paper]`, not `[code]`): an item of its
 * own when it links to a paper, or when it sits under a bullet without links (a topic label), whose
 * lines are its entries whatever they link to.
 */
function isOwnItemLine(line: string, underLabel = false): boolean {
  if (!LINK_LINE.test(line)) return false;
  const fields = readItem(line);
  return fields.statedTitle !== undefined && (fields.hasPaperLink || underLabel);
}

/**
 * Nested bullets: a child with no title of its own (`- [paper](…)`, `- Authors …`) belongs to the
 * item above it; a parent with no link at all (`- **Multimodal**`) is a group label that extends
 * its children's section path.
 */
function nestItems(items: RawItem[]): RawItem[] {
  const result: RawItem[] = [];
  const parents: Array<{ item: RawItem; path: string; label?: string }> = [];
  for (const item of items) {
    if (item.table) {
      result.push(item);
      parents.length = 0;
      continue;
    }
    while (parents.length > 0) {
      const top = parents[parents.length - 1];
      if (top && top.item.indent < item.indent && top.path === item.path.join("\u0000")) break;
      parents.pop();
    }
    const parent = parents[parents.length - 1];
    const fields = readItem(item.text);
    if (parent && !parent.label && !fields.title && fields.links.length > 0) {
      parent.item.text += `\n${item.text}`;
      continue;
    }
    const labels = parents.flatMap((entry) => (entry.label ? [entry.label] : []));
    const filed: RawItem = labels.length > 0 ? { ...item, path: [...item.path, ...labels] } : item;
    const label = fields.links.length === 0 && fields.title ? fields.title : undefined;
    if (label === undefined) result.push(filed);
    const path = item.path.join("\u0000");
    parents.push(label === undefined ? { item: filed, path } : { item: filed, path, label });
  }
  return result;
}

/** A table row as an item: title, venue and year from their columns, links from every cell. */
function readTableRow(item: RawItem, columns: readonly string[], line: string): RawItem {
  const cells = splitRow(line);
  const table: NonNullable<RawItem["table"]> = {};
  // The title is in the Title column, else the first of Paper / Work, then Name / Model columns
  // whose cell gives one (a `Name | Paper` table names the dataset first, the paper's title second).
  const order = [
    ...columns.flatMap((column, index) => (TITLE_COLUMN.test(column) ? [index] : [])),
    ...PAPER_COLUMNS.flatMap((pattern) =>
      columns.flatMap((column, index) => (pattern.test(column) ? [index] : [])),
    ),
    0,
  ];
  // A title the cells state (a link text, bold) wins, or the plain text of a Title column; else
  // the plain text of the first of those columns that has one.
  const read = order.map((index) => ({ index, cell: readItem(cells[index] ?? "") }));
  const title =
    read.find(
      ({ index, cell }) =>
        cell.statedTitle ?? (TITLE_COLUMN.test(columns[index] ?? "") && cell.title),
    )?.cell ?? read.find(({ cell }) => cell.title)?.cell;
  const chosen = title?.statedTitle ?? title?.title;
  if (chosen) table.title = chosen;
  columns.forEach((column, index) => {
    const cell = cleanInline((cells[index] ?? "").replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1"));
    if (!cell || EMPTY_CELL.test(cell)) return;
    if (VENUE_COLUMN.test(column)) {
      // A preprint server (`arXiv 2019`) gives the year only; an unknown name is kept as written.
      const tag = readVenueTag(cell);
      if (tag?.venue || !tag) table.venue = tag?.venue ?? cell;
      if (tag?.year !== undefined) table.year ??= tag.year;
    } else if (YEAR_COLUMN.test(column)) {
      const year = /\b(?:19|20)\d{2}\b/.exec(cell)?.[0];
      if (year) table.year = Number(year);
      const date = /^((?:19|20)\d{2})-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?$/.exec(cell)?.[0];
      if (date) table.date = date;
    }
  });
  return { ...item, text: cells.join(" "), table };
}

function splitRow(line: string): string[] {
  const trimmed = line.trim().replace(/^\|/, "").replace(/\|$/, "");
  // Pipes inside link targets or escaped (`\|`) do not split cells.
  return trimmed.split(/(?<!\\)\|/).map((cell) => cell.replace(/\\\|/g, "|").trim());
}

/** A heading's words: links become their text, badges, images, emoji and numbering go. */
function cleanHeading(text: string): string {
  const withoutBadges = text
    .replace(/\[\s*!\[[^\]]*\]\([^)]*\)\s*\]\([^)]*\)/g, " ")
    .replace(/!\[[^\]]*\]\([^)]*\)/g, " ")
    .replace(/<img\b[^>]*>/gi, " ")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1");
  return cleanInline(withoutBadges)
    .replace(/^(?:[\dIVX]+(?:\.\d+)*[.)]?\s+)/, "")
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}?!)]+$/gu, "")
    .trim();
}

function readSectionRole(heading: string): SectionRole {
  const words = heading.replace(/[?!:：]+$/, "").trim();
  if (CITATION_SECTION.test(words)) return "citation";
  if (CHROME_SECTION.test(words)) return "chrome";
  if (NEWS_SECTION.test(words)) return "news";
  return "papers";
}

/** The list's own links and paper candidates above its first section with items. */
function readIntroLinks(
  lines: readonly string[],
  structure: Structure,
  end: number,
): { urls: string[]; candidates: CompanionLink[]; end: number } {
  const urls: string[] = [];
  const candidates: CompanionLink[] = [];
  const start = structure.title ? structure.title.line : 0;
  for (let i = start; i < Math.min(end - 1, lines.length); i++) {
    const role = structure.roles[i] ?? "papers";
    if (role === "chrome" || role === "citation") continue;
    const line = lines[i] ?? "";
    if (!line.includes("](") && !/https?:\/\//i.test(line) && !/<a\b/i.test(line)) continue;
    const fields = readItem(line);
    for (const link of fields.links) {
      if (link.kind === "code" || link.kind === "other") urls.push(link.url);
    }
    if (!fields.hasPaperLink) continue;
    const own =
      OWN_PAPER.test(line) ||
      SURVEY_WORDS.test(line) ||
      fields.links.some(
        (link) =>
          isPaperLinkKind(link.kind) && (link.badge || link.text === "" || !isTitleLike(link.text)),
      );
    candidates.push({ line: i + 1, fields, own, news: role === "news" });
  }
  return { urls: dedupe(urls), candidates, end };
}

/** What the list says about its companion survey, gathered from its top and its citation. */
interface CompanionFacts extends CitedPaper {
  line: number;
  acl?: string;
  pmid?: string;
  openreview?: string;
  survey: boolean;
}

/**
 * The companion survey: the list's own paper linked near the top (a badge, a `[Paper]` link, a
 * line saying "our survey"), merged with what a Citation section's BibTeX entry says about it.
 * When the two name different papers, the citation wins and a warning says so.
 */
function readCompanion(
  lines: readonly string[],
  structure: Structure,
  intro: { candidates: CompanionLink[]; end: number },
  report: (severity: "warning" | "info", code: string, message: string, line?: number) => void,
): CompanionFacts | undefined {
  const link =
    intro.candidates.find((candidate) => candidate.own && !candidate.news) ??
    intro.candidates.find((candidate) => candidate.own);
  const citation = readCitationSection(structure, intro.end);
  if (!link && !citation) return undefined;

  let facts: CompanionFacts = { line: 0, authors: [], urls: [], survey: false };
  if (link) {
    const { fields } = link;
    facts = { ...facts, ...dropUndefined({ ...fields.ids }), line: link.line };
    facts.urls = fields.links.filter((item) => isPaperLinkKind(item.kind)).map((item) => item.url);
    // A badge at the top often names the paper that a sentence below names by title.
    const sameIds = (other: ItemFields): boolean =>
      (fields.ids.arxiv !== undefined && other.ids.arxiv === fields.ids.arxiv) ||
      (fields.ids.doi !== undefined && other.ids.doi === fields.ids.doi);
    const title =
      fields.statedTitle ??
      intro.candidates.find((other) => other.fields.statedTitle && sameIds(other.fields))?.fields
        .statedTitle ??
      readTitleAbove(lines, link.line - 1);
    if (title) facts.title = title;
    if (fields.venue) facts.venue = fields.venue;
    if (fields.year !== undefined) facts.year = fields.year;
    facts.survey = SURVEY_WORDS.test(lines[link.line - 1] ?? "");
  }
  if (citation) {
    const cited = citation.paper;
    const differs =
      (facts.arxiv !== undefined && cited.arxiv !== undefined && facts.arxiv !== cited.arxiv) ||
      (facts.doi !== undefined && cited.doi !== undefined && facts.doi !== cited.doi);
    if (differs) {
      report(
        "warning",
        "companion-mismatch",
        `the paper linked at line ${facts.line} and the one cited at line ${citation.line} differ; the citation is kept`,
        citation.line,
      );
      facts = { line: citation.line, authors: [], urls: [], survey: false };
    }
    if (!link) facts.line = citation.line;
    if (cited.title) facts.title = cited.title;
    if (cited.authors.length > 0) facts.authors = cited.authors;
    if (cited.year !== undefined) facts.year = cited.year;
    if (cited.venue) facts.venue = cited.venue;
    facts.arxiv ??= cited.arxiv;
    facts.doi ??= cited.doi;
    facts.urls = dedupe([...facts.urls, ...cited.urls]);
    facts.survey ||= SURVEY_WORDS.test(citation.text);
  }
  if (facts.title && SURVEY_WORDS.test(facts.title)) facts.survey = true;
  return facts;
}

/**
 * The first citation a Citation section gives (a BibTeX block, else its text). A BibTeX block
 * elsewhere counts only above the first section with items: lists that give each entry's BibTeX
 * in its section are citing those papers, not their own.
 */
function readCitationSection(
  structure: Structure,
  introEnd: number,
): { line: number; text: string; paper: CitedPaper } | undefined {
  for (const block of structure.code) {
    const cites = block.role === "citation";
    if (!cites && !(block.line < introEnd && /@[a-z]+\s*\{/i.test(block.text))) continue;
    const paper = readCitation(block.text);
    if (paper && (cites || paper.title)) return { line: block.line, text: block.text, paper };
  }
  for (const heading of structure.headings) {
    if (heading.role !== "citation") continue;
    const text = structure.citationText.get(heading.line) ?? "";
    const paper = readCitation(text);
    if (paper) return { line: heading.line, text, paper };
  }
  return undefined;
}

/** A title written just above a companion link: a bold, quoted or plain title line without links. */
function readTitleAbove(lines: readonly string[], index: number): string | undefined {
  for (let i = index - 1; i >= Math.max(0, index - TITLE_LOOKBACK); i--) {
    const line = (lines[i] ?? "").trim();
    if (line === "") continue;
    if (/\]\(|https?:\/\/|<a\b|^#/.test(line)) return undefined;
    const title = cleanTitle(line.replace(/^>\s*/, ""));
    return isTitleLike(title) && !OWN_PAPER.test(title) && title.split(" ").length >= 3
      ? title
      : undefined;
  }
  return undefined;
}

/** A listed record for one item. */
function createListedRecord(
  doc: SourceDocument,
  item: RawItem,
  fields: ItemFields,
): Omit<PaperRecord, "source"> {
  return createPaperRecord(doc, FORMAT, "listed", {
    line: item.line,
    title: fields.title,
    arxiv: fields.ids.arxiv,
    doi: fields.ids.doi,
    year: fields.year,
    date: fields.date,
    authors: fields.authors,
    urls: fields.urls,
    venue: fields.venue,
    acl: fields.ids.acl,
    pmid: fields.ids.pmid,
    openreview: fields.ids.openreview,
    section: item.path,
  });
}

/** The companion's main record. */
function createCompanionRecord(
  doc: SourceDocument,
  facts: CompanionFacts,
): Omit<PaperRecord, "source"> {
  return createPaperRecord(doc, FORMAT, "main", {
    line: facts.line,
    title: facts.title,
    arxiv: facts.arxiv,
    doi: facts.doi,
    year: facts.year,
    authors: facts.authors,
    tags: facts.survey ? ["survey"] : [],
    urls: facts.urls,
    venue: facts.venue,
    acl: facts.acl,
    pmid: facts.pmid,
    openreview: facts.openreview,
  });
}

/** A list without a title is named after its file: `lists/awesome-med.md` → `awesome-med`. */
function dropUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
