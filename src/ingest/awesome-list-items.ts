// One item of an awesome list, read from its Markdown: the links (badges, images and inline HTML
// included) classified by what they point at, the paper's identifiers, its title without markup,
// and the venue and year the item states (`**ACL 2024**`, `(NeurIPS'23)`, a venue shields badge).

import { isLinkWords, isPaperLinkWords } from "./link-words.ts";
import { classifyLink, isPaperLinkKind, type LinkKind, normalizeAclId } from "./paper-links.ts";
import { collapseWhitespace, dedupe } from "./text-utils.ts";

/** A link of an item, with its text (empty for a bare URL or a badge). */
export interface ItemLink {
  text: string;
  url: string;
  kind: LinkKind;
  id?: string;
  /** True for a badge or an image wrapped in a link: its text is the badge's, never a title. */
  badge: boolean;
}

/** The identifiers an item names, at most one of each kind (the first). */
export interface ItemIds {
  arxiv?: string;
  doi?: string;
  acl?: string;
  pmid?: string;
  openreview?: string;
}

/** What one list item (a bullet, a numbered line, a table row) says about its paper. */
export interface ItemFields {
  title?: string;
  /** The title when the item states it as a link text, a bold span or in quotes (not plain text). */
  statedTitle?: string;
  venue?: string;
  year?: number;
  ids: ItemIds;
  /** Links that are not page furniture, in order of appearance, deduplicated. */
  urls: string[];
  /** Whether a link names a paper (an identifier, a publisher's page, a link labelled `paper`). */
  hasPaperLink: boolean;
  /** Every link of the item, furniture included. */
  links: ItemLink[];
  /** Authors an item's byline names (`Wu J et al. · Nature · 2024-05-01`), as written. */
  authors?: string[];
  /** ISO date a byline gives (`2024-05-01`, `2024-05`). */
  date?: string;
}

/** What an item's byline says: the parts after its title, split at ` · `, ` | `, ` – `. */
export interface Byline {
  authors: string[];
  venue?: string;
  date?: string;
  year?: number;
}

/** A venue and year read from a tag such as `[NeurIPS 2023]` or `(ACL'24 Findings)`. */
export interface VenueTag {
  venue?: string;
  year?: number;
}

/** Longest stretch of text looked at in one item: a list item is a line, not a page. */
const MAX_ITEM_CHARS = 4_000;
const MAX_TITLE_CHARS = 300;
/** Where a byline's parts meet: a middle dot, a bullet, a bar or a dash between spaces. */
const BYLINE_SEPARATOR = /\s*[·•]\s*|\s+[|–—]\s+|\s+-\s+/;
/** A venue is a short name; a longer part is a note or a sentence. */
const MAX_VENUE_WORDS = 8;
const MAX_BYLINE_AUTHORS = 30;
const MAX_NAME_TOKENS = 5;
/**
 * A word of a person's name: a capitalised word (`García`, `D’Antonoli`, `Madrid-García`), initials
 * (`J`, `AE`, `J.`, `J.-P.`) or a particle (`van`, `de`, `Le`).
 */
const NAME_TOKEN =
  /^(?:\p{Lu}[\p{Ll}'’]*(?:['’-]?\p{Lu}?[\p{Ll}'’]+)*|\p{Lu}{1,3}\.?|(?:\p{Lu}\.-?){1,3}|van|von|de|der|den|da|di|du|del|dos|la|le|bin|al|el)$/u;
const INITIALS = /^(?:\p{Lu}{1,3}\.?|(?:\p{Lu}\.-?){1,3})$/u;
/** A link text read as a venue tag has at most this many words. */
const MAX_LINK_VENUE_WORDS = 6;
/** A bold text of fewer words than this, next to a paper link with a longer text, is a name. */
const SHORT_NAME_WORDS = 3;

/** A bold name followed by plain words (not a link), after a colon or not: the head of a title. */
const NAME_BEFORE_TITLE =
  /(?<![\p{L}\p{N}*_])(\*\*|__)(?=\S)([^*_\n]{1,60}?)(?<=\S)\1\s*([:：])?\s*(?=[\p{L}\p{N}])/gu;
/** Marker tags lists put next to new or featured entries. */
const MARKER_TAG =
  /^(?:new|hot|updated?|oral|spotlight|poster|highlight|best paper|featured|🔥|⭐)$/iu;
/**
 * Venue names, matched as words (case matters: `ACL` the venue, not `acl` in a word). A tag naming
 * one of these, or a short capitalised tag with a year, is a venue.
 */
const KNOWN_VENUE =
  /(?<![A-Za-z])(?:NeurIPS|NIPS|ICML|ICLR|ACL|EMNLP|NAACL|EACL|AACL|COLING|LREC|CoNLL|Findings|AAAI|IJCAI|KDD|SIGKDD|WWW|WSDM|SIGIR|CIKM|ICDM|SDM|CVPR|ICCV|ECCV|WACV|BMVC|MICCAI|MIDL|ISBI|ML4H|CHIL|MLHC|AMIA|JAMIA|JBI|BioNLP|ClinicalNLP|TMLR|JMLR|TPAMI|TMI|TNNLS|TKDE|MedIA|Medical Image Analysis|Nature|Science|Cell|Lancet|NEJM|JAMA|BMJ|npj|PLOS|PLoS|Radiology|Bioinformatics|Scientific Reports|Patterns|JMIR|PNAS|IEEE|ACM|COLM|Interspeech|ICASSP|UAI|AISTATS|CHI|BIBM|ECIR)(?![A-Za-z])/;
/** Preprint servers: a tag naming one gives a year, not a venue. */
const PREPRINT =
  /^(?:arxiv|medrxiv|biorxiv|chemrxiv|ssrn|preprint|arxiv preprint|tech(?:nical)? report)$/i;
const MONTH_NAME = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b\.?/i;
/** Words that make a bracketed tag a note rather than a venue (`[Zhang et al. 2023]`, `(updated 2024)`). */
const NOT_VENUE = /\bet al\b|\b(?:updated?|added|released?|version|v\d)\b/i;
/** The dates that end a tag such as `Arxiv, 2023.4` or `AAAI, 2024/2023.10`; the first year is kept. */
const MONTH_DATED_TAIL =
  /(?:^|[\s,]+)((?:19|20)\d{2})(?:(?:[./-]\d{1,2}){1,2}|(?:[./-]\d{1,2}){0,2}(?:\s*\/\s*[\d.]{1,10})+)$/;
const LEADING_VENUE_WORDS =
  /^(?:accepted|published|presented|appear(?:s|ing)?)\s+(?:(?:by|at|to|in|as)\s+)+/i;

/** A link target: no spaces, parentheses only when balanced (`10.1016/S2589-7500(23)00225-X`). */
const TARGET = String.raw`<?((?:[^()\s<>]|\([^()\s<>]{0,200}\)){1,2000})>?(?:\s+["'][^"'\n]{0,200}["'])?\s*`;
/** `[![alt](image)](target)`: a badge wrapped in a link. */
const BADGE_LINK = new RegExp(
  String.raw`\[\s*!\[([^\]\n]{0,200})\]\(\s*${TARGET}\)\s*\]\(\s*${TARGET}\)`,
  "g",
);
const IMAGE = new RegExp(String.raw`!\[([^\]\n]{0,200})\]\(\s*${TARGET}\)`, "g");
/**
 * `[text](url "title")`, the text holding at most one level of brackets; a long title may wrap
 * onto the item's next line.
 */
const MARKDOWN_LINK = new RegExp(
  String.raw`\[((?:[^[\]\n]|\n(?!\s*\n)|\[[^[\]\n]{0,300}\]){0,500})\]\(\s*${TARGET}\)`,
  "g",
);
const HTML_ANCHOR =
  /<a\b[^>]{0,500}?\bhref\s*=\s*["']([^"']{1,2000})["'][^>]{0,500}>([\s\S]{0,2000}?)<\/a\s*>/gi;
const HTML_IMAGE = /<img\b[^>]{0,1000}>/gi;
const HTML_TAG = /<\/?[a-z][a-z0-9]*\b[^>]{0,1000}>/gi;
const AUTOLINK = /<(https?:\/\/[^>\s]{1,2000})>/gi;
const BARE_URL = /https?:\/\/[^\s<>"'`()[\]{}]+/gi;
const EMOJI_SHORTCODE = /:[a-z0-9_+-]{2,30}:/gi;
/** Emoji and the marks that join or vary them (zero-width joiner, variation selector, keycap). */
const PICTOGRAPH = /\p{Extended_Pictographic}|[\u{1F1E6}-\u{1F1FF}]|\u{FE0F}|\u{200D}|\u{20E3}/gu;
const HTML_ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  "#39": "'",
  ndash: "–",
  mdash: "—",
};

/**
 * Read one item: its links (badge links, images, inline HTML anchors and images, Markdown links,
 * bare URLs), identifiers (the first of each kind), title, venue and year.
 */
export function readItem(source: string): ItemFields {
  const text = source.length > MAX_ITEM_CHARS ? source.slice(0, MAX_ITEM_CHARS) : source;
  const links: ItemLink[] = [];
  const tags: string[] = [];
  // Where a title candidate comes from: the item's own bold or quoted text comes first, then the
  // text of a link to the paper, then the text of any other link (a project or code page).
  const marked: string[] = [];
  const paperLinkTitles: string[] = [];
  const otherLinkTitles: string[] = [];

  const addLink = (url: string, linkText: string, badge: boolean): void => {
    const classified = classifyLink(decodeEntities(url));
    // `[[paper]](url)`: the brackets around a link word are decoration.
    const cleanText = cleanInline(linkText).replace(/^\[\s*(.*?)\s*\]$/, "$1");
    let kind = classified.kind;
    // A link labelled `[paper]` or `[PDF]` points at a paper wherever it is hosted.
    if (kind === "other" && !badge && isPaperLinkWords(cleanText)) kind = "paper";
    const link: ItemLink = { text: badge ? "" : cleanText, url: classified.url, kind, badge };
    if (classified.id) link.id = classified.id;
    links.push(link);
  };

  let rest = text.replace(HTML_ANCHOR, (_match, url: string, inner: string) => {
    const images = [...inner.matchAll(HTML_IMAGE)];
    if (images.length > 0) {
      for (const [image] of images) tags.push(...readImageTags(image));
      addLink(url, "", true);
    } else {
      addLink(url, stripTags(inner), false);
    }
    return " ";
  });
  rest = rest.replace(HTML_IMAGE, (image) => {
    tags.push(...readImageTags(image));
    return " ";
  });
  rest = rest.replace(BADGE_LINK, (_match, alt: string, image: string, target: string) => {
    tags.push(...readBadgeTags(alt, image));
    addLink(target, "", true);
    return " ";
  });
  rest = rest.replace(IMAGE, (_match, alt: string, image: string) => {
    tags.push(...readBadgeTags(alt, image));
    return " ";
  });
  rest = rest.replace(MARKDOWN_LINK, (_match, linkText: string, url: string) => {
    addLink(url, linkText, false);
    return " ";
  });
  rest = rest.replace(AUTOLINK, (_match, url: string) => {
    addLink(url, "", false);
    return " ";
  });
  rest = stripTags(rest).replace(BARE_URL, (url) => {
    addLink(trimUrl(url), "", false);
    return " ";
  });

  for (const link of links) {
    if (link.badge || link.kind === "chrome" || !link.text) continue;
    // A link text of many words is a title even when it opens with a venue (`NeurIPS 2020
    // EfficientQA Competition: Systems, …`).
    if (wordCount(link.text) <= MAX_LINK_VENUE_WORDS && readVenueTag(link.text))
      tags.push(link.text);
    else if (isTitleLike(link.text)) {
      (isPaperLinkKind(link.kind) ? paperLinkTitles : otherLinkTitles).push(link.text);
    }
  }

  // `**ToolLLM**: Facilitating Large Language Models to …`: a short bold name, a colon, then the
  // rest of the title in plain words. The name opens the title; it is not the whole of it.
  // Without the colon (`**NYUTron** Health system-scale language models are …`) the words after
  // the name are the title, when they read as one and not as a byline.
  rest = rest.replace(
    NAME_BEFORE_TITLE,
    (match, _marks: string, name: string, colon: string | undefined, at: number, whole: string) => {
      if (wordCount(name) > SHORT_NAME_WORDS || readVenueTag(name) || !isTitleLike(name))
        return match;
      if (colon) return `${name.trim()}: `;
      const after = whole.slice(at + match.length, at + match.length + 120);
      const words = /^[^.|·•—–\[(]*/.exec(after)?.[0] ?? "";
      return /^\p{Lu}/u.test(words) && wordCount(words) >= 4 && !/\bet al\b|,/.test(words)
        ? " "
        : match;
    },
  );
  // Bold spans and bracketed or parenthesised tags: venues, markers or the title itself.
  rest = rest.replace(/(\*\*|__)(.{1,400}?)\1/g, (_match, _marks: string, inner: string) => {
    const inside = inner.trim().replace(/^\[(.*)\]$/, "$1");
    if (readVenueTag(inside)) {
      tags.push(inside);
      return " ";
    }
    if (isTitleLike(inner) && !MARKER_TAG.test(cleanInline(inside))) {
      marked.push(inner);
      // The title is read; what follows it (authors, venue, date) is a separate part of the item.
      return " · ";
    }
    return ` ${inner} `;
  });
  rest = rest.replace(/[[(]([^[\]()\n]{1,80})[\])]/g, (match, inner: string) => {
    const cleaned = cleanInline(inner);
    if (readVenueTag(inner)) {
      tags.push(inner);
      return " ";
    }
    if (cleaned === "" || MARKER_TAG.test(cleaned) || isLinkWords(cleaned)) return " ";
    // `(arXiv:2303.14070)`, `[PMID 123]`: an identifier written out, not part of the title.
    if (/^(?:arxiv|doi|pmid|pmcid)\s*[:：]?\s*\S+$/i.test(cleaned)) return " ";
    return match;
  });
  const quoted = /["“]([^"“”\n]{8,300})["”]/.exec(rest)?.[1];
  if (quoted && isTitleLike(quoted)) marked.push(quoted);

  const chosen = splitTrailingYear(chooseStatedTitle(marked, paperLinkTitles, otherLinkTitles));
  const stated = chosen.title;
  const restRead = readRestTitle(rest, tags, stated === undefined);
  const restTitle = splitTrailingYear(restRead.title);
  const title = restTitle.title ?? stated;
  const byline = restRead.byline;

  const ids: ItemIds = {};
  for (const link of links) {
    if (!link.id) continue;
    if (link.kind === "arxiv") ids.arxiv ??= link.id;
    else if (link.kind === "doi") {
      ids.doi ??= link.id;
      const acl = aclIdOfDoi(link.id);
      if (acl) ids.acl ??= acl;
    } else if (link.kind === "acl") ids.acl ??= link.id;
    else if (link.kind === "pmid") ids.pmid ??= link.id;
    else if (link.kind === "openreview") ids.openreview ??= link.id;
  }
  const textArxiv = /\barxiv:\s?(\d{4}\.\d{4,5})(?:v\d+)?\b/i.exec(text)?.[1];
  if (textArxiv) ids.arxiv ??= textArxiv;

  // The first tag naming both a venue and a year wins (`**ACL 2023**` over a `[ACL]` link).
  let venue: string | undefined;
  let year: number | undefined;
  let dated = false;
  for (const tag of tags) {
    const parsed = readVenueTag(tag);
    if (!parsed) continue;
    if (parsed.venue && parsed.year !== undefined && !dated) {
      venue = parsed.venue;
      year = parsed.year;
      dated = true;
    }
    venue ??= parsed.venue;
    year ??= parsed.year;
  }
  const fields: ItemFields = {
    ids,
    urls: dedupe(links.filter((link) => link.kind !== "chrome").map((link) => link.url)),
    hasPaperLink: links.some((link) => isPaperLinkKind(link.kind)) || textArxiv !== undefined,
    links,
  };
  venue ??= byline.venue;
  year ??= byline.year ?? restTitle.year ?? chosen.year;
  if (title) fields.title = title;
  if (stated) fields.statedTitle = stated;
  if (venue) fields.venue = venue;
  if (year !== undefined) fields.year = year;
  if (byline.date) fields.date = byline.date;
  if (byline.authors.length > 0) fields.authors = byline.authors;
  return fields;
}

/**
 * The title an item states: its bold or quoted text, else the text of its paper link, else another
 * link's text. A short bold name before a paper link that gives a longer title (`**LLaVA**:
 * [Visual Instruction Tuning](…)`) names the method; the link text is the title.
 */
function chooseStatedTitle(
  marked: readonly string[],
  paperLinks: readonly string[],
  otherLinks: readonly string[],
): string | undefined {
  const first = (texts: readonly string[]): string | undefined =>
    texts.map(cleanTitle).find((candidate) => candidate.length > 0);
  const own = first(marked);
  const linked = first(paperLinks);
  if (own && linked && wordCount(own) < SHORT_NAME_WORDS && wordCount(linked) > wordCount(own)) {
    return linked;
  }
  return own ?? linked ?? first(otherLinks);
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((word) => word.length > 0).length;
}

/**
 * Read a venue tag: `NeurIPS 2023`, `[Nature Medicine 2023]`, `(NeurIPS'23)`, `ACL 2024 Findings`,
 * `Accepted by ICLR 2024`. A tag is a venue when it names a known venue, or when it is a short
 * capitalised name with a year; a preprint server or a bare year gives only the year. Returns
 * undefined for anything else (a marker, a model name in parentheses, `Zhang et al. 2023`).
 */
export function readVenueTag(source: string): VenueTag | undefined {
  let text = cleanInline(source)
    .replace(/^[[(]+|[\])]+$/g, "")
    .replace(/\.$/, "")
    .trim();
  if (text.length < 2 || text.length > 80 || NOT_VENUE.test(text)) return undefined;
  // `Arxiv, 2023.4`, `AAAI, 2024/2023.10`: a year with its month, or two dates, end the tag.
  const monthTail = MONTH_DATED_TAIL.exec(text);
  if (monthTail?.[1]) text = `${text.slice(0, monthTail.index)} ${monthTail[1]}`.trim();
  const dated = /^((?:19|20)\d{2})[/.-](\d{1,2})(?:[/.-]\d{1,2})?$/.exec(text);
  if (dated?.[1]) return { year: Number(dated[1]) };
  if (/\d{4}\.\d{4,5}|https?:|\//.test(text)) return undefined;
  let year: number | undefined;
  const full = /(?<![\d.])((?:19|20)\d{2})(?![\d.])/.exec(text);
  const short = /['’‘](\d{2})(?!\d)/.exec(text);
  let name = text;
  if (full?.[1]) {
    year = Number(full[1]);
    name = name.replace(full[0], " ");
  } else if (short?.[1]) {
    year = 2000 + Number(short[1]);
    name = name.replace(short[0], " ");
  }
  name = collapseWhitespace(name.replace(/[,;:'’‘]/g, " "))
    .replace(/^[-–—\s]+|[-–—\s]+$/g, "")
    .replace(LEADING_VENUE_WORDS, "");
  if (name === "") return year === undefined ? undefined : { year };
  if (PREPRINT.test(name) || (MONTH_NAME.test(name) && name.split(" ").length <= 2)) {
    return year === undefined ? undefined : { year };
  }
  if ((isLinkWords(name) && !KNOWN_VENUE.test(name)) || MARKER_TAG.test(name)) return undefined;
  const words = name.split(" ").length;
  // A known venue opens the tag (`Nature Medicine`, `ACL Findings`) or the tag is short: a title
  // that mentions `Cell` or `Science` is no venue.
  const venueAt = KNOWN_VENUE.exec(name)?.index;
  const known =
    venueAt !== undefined &&
    (words <= 3 ||
      (venueAt === 0 && (words <= 5 || year !== undefined) && words <= 8) ||
      /^findings\b/i.test(name));
  const named = year !== undefined && words <= 6 && /^[A-Z]/.test(name) && !/[.!?]$/.test(name);
  if (!known && !named) return undefined;
  const result: VenueTag = { venue: year === undefined ? name : `${name} ${year}` };
  if (year !== undefined) result.year = year;
  return result;
}

/** The ACL Anthology id behind an ACL DOI (`10.18653/v1/2023.acl-long.1` → `2023.acl-long.1`). */
export function aclIdOfDoi(doi: string): string | undefined {
  const match = /^10\.18653\/v1\/(.+)$/i.exec(doi);
  return match?.[1] ? normalizeAclId(match[1]) : undefined;
}

/**
 * Markup removed from a stretch of item text: emphasis and code marks, HTML tags and entities,
 * emoji and `:shortcodes:`; whitespace collapsed.
 */
export function cleanInline(text: string): string {
  return collapseWhitespace(
    decodeEntities(stripTags(text))
      .replace(EMOJI_SHORTCODE, " ")
      .replace(PICTOGRAPH, " ")
      .replace(/[*`~]+/g, "")
      .replace(/(^|\s)_+|_+(\s|$)/g, "$1$2"),
  );
}

/**
 * A clean title: markup and badges gone, no list marker, no leading label, no surrounding quotes,
 * no trailing punctuation (a question mark or an exclamation mark is part of a title and stays).
 */
export function cleanTitle(text: string): string {
  let title = cleanInline(text)
    .replace(/^(?:\d+[.)]\s+|[-+•]\s+)/, "")
    .replace(/^(?:title|paper)\s*[:：]\s*/i, "");
  title = trimEdges(trimEdges(title).replace(/^["“'‘]+|["”'’]+$/g, ""));
  return title.length > MAX_TITLE_CHARS ? title.slice(0, MAX_TITLE_CHARS).trim() : title;
}

/** Separators and brackets removed from both ends (a question mark or `)` may end a title). */
function trimEdges(text: string): string {
  let end = text.length;
  while (end > 0 && " .,;:-–—|/\\[(".includes(text[end - 1] ?? "")) end--;
  let start = 0;
  while (start < end && " .,;:-–—|])".includes(text[start] ?? "")) start++;
  return text.slice(start, end);
}

/** Whether a stretch of text can be a title: letters, not a link word, an id, or a URL. */
export function isTitleLike(text: string): boolean {
  const cleaned = cleanTitle(text);
  if (cleaned.length < 4 || !/\p{L}{2}/u.test(cleaned)) return false;
  if (isLinkWords(cleaned) || MARKER_TAG.test(cleaned)) return false;
  if (/^(?:https?:|www\.)|^(?:arxiv:\s*)?\d{4}\.\d{4,5}(?:v\d+)?$|^10\.\d{4,9}\//i.test(cleaned)) {
    return false;
  }
  return !/^(?:arxiv|doi|pmid)\b[\s:-]*\S*$/i.test(cleaned);
}

/** Decode the HTML entities lists write (`&amp;`, `&#8217;`, `&nbsp;`). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (match, name: string) => {
    const lower = name.toLowerCase();
    if (lower.startsWith("#x")) return safeCodePoint(Number.parseInt(lower.slice(2), 16), match);
    if (lower.startsWith("#") && lower !== "#39") {
      return safeCodePoint(Number.parseInt(lower.slice(1), 10), match);
    }
    return HTML_ENTITIES[lower] ?? match;
  });
}

/**
 * Read the plain text of an item (links, badges and tags taken out). When `wantTitle`, the title is
 * the text before the first separator (` — `, ` | `, ` - `, a sentence break), without a trailing
 * `, Venue 2023`. The other segments (split at separators and commas) that read as venue tags are
 * added to `tags`.
 */
function readRestTitle(
  rest: string,
  tags: string[],
  wantTitle: boolean,
): { title?: string; byline: Byline } {
  const text = cleanInline(rest.replace(/^\s*(?:[-*+]|\d{1,4}[.)])\s+/, ""))
    .replace(/\[\s*\]|\(\s*\)/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  let head = "";
  let tail = text;
  if (wantTitle) {
    const separator = /\s[—–|]\s|\s-{1,2}\s|(?<=[a-z0-9)?!]{2})\.\s+(?=[A-Z\d[(])/.exec(text);
    const cut = separator && separator.index >= 4 ? separator.index : text.length;
    head = text.slice(0, cut);
    tail = text.slice(cut);
    const trailing = /[,;]\s*([^,;]{2,60})$/.exec(head);
    // After a full stop only a venue with its year counts (`… Real-world APIs. ICLR 2024`).
    const afterStop = /\.\s+([^,;.]{2,60})$/.exec(head);
    const stopTag = afterStop?.[1] ? readVenueTag(afterStop[1]) : undefined;
    if (trailing?.[1] && readVenueTag(trailing[1])) {
      tail = `${trailing[1]}, ${tail}`;
      head = head.slice(0, trailing.index);
    } else if (afterStop?.[1] && stopTag?.venue && stopTag.year !== undefined) {
      tail = `${afterStop[1]}, ${tail}`;
      head = head.slice(0, afterStop.index);
    }
  }
  const byline = readByline(tail);
  const parts = tail.split(/\s[-—–|]\s|[,;|—–·•]|\.\s/).map((part) => part.trim());
  parts.forEach((part, index) => {
    if (!part) return;
    const next = parts[index + 1] ?? "";
    // `Journal of X, 2022`: a name followed by a bare year is a venue of that year.
    if (/^(?:19|20)\d{2}$/.test(next) && !readVenueTag(part) && readVenueTag(`${part} ${next}`)) {
      tags.push(`${part} ${next}`);
    } else if (readVenueTag(part)) {
      tags.push(part);
    }
  });
  if (!wantTitle) return { byline };
  const title = cleanTitle(head);
  return isTitleLike(title) ? { title, byline } : { byline };
}

/**
 * Read a byline: the parts of an item's text after its title, split at a separator (` · `, ` | `,
 * ` – `, ` — `, `•`). A part that is a date gives the date and year; a part naming people (`Wu J et
 * al.`, `A. Smith, B. Jones`) the authors; the first other short name, when the byline has a date
 * or authors, the venue (`*The Lancet Digital Health*`). Text without separators is no byline.
 */
export function readByline(text: string): Byline {
  const byline: Byline = { authors: [] };
  const parts = text
    .split(BYLINE_SEPARATOR)
    .map((part) => cleanInline(part).replace(/^[\s.,;:|·•–—-]+|[\s,;:|·•–—-]+$/g, ""))
    .filter((part) => part.length > 0);
  if (parts.length < 2) return readEtAlByline(parts[0] ?? "");
  const others: string[] = [];
  for (const part of parts) {
    const date = readDate(part);
    if (date && byline.date === undefined && byline.year === undefined) {
      if (date.date) byline.date = date.date;
      byline.year = date.year;
      continue;
    }
    const authors = readAuthors(part);
    if (authors && byline.authors.length === 0) {
      byline.authors = authors;
      continue;
    }
    others.push(part);
  }
  if (byline.year === undefined && byline.authors.length === 0) return { authors: [] };
  const venue = others.find(
    (part) =>
      /^\p{Lu}/u.test(part) &&
      part.split(" ").length <= MAX_VENUE_WORDS &&
      !/[.!?]$/.test(part.replace(/\bet al\.$/, "")) &&
      !isLinkWords(part) &&
      !MARKER_TAG.test(part),
  );
  if (venue) byline.venue = venue;
  return byline;
}

/**
 * A byline without separators that names its first author before `et al.`, then the venue:
 * `Jane Roe (Toy University) et al. ACL.` Affiliations in parentheses are not names; a preprint
 * server after `et al.` gives no venue.
 */
function readEtAlByline(text: string): Byline {
  const match = /^(.{2,200}?)\s*\bet\s+al\.?(?:\s+(.{0,80}))?$/i.exec(text);
  if (!match?.[1]) return { authors: [] };
  const people = collapseWhitespace(match[1].replace(/\([^()]{0,120}\)/g, " "));
  const authors = readAuthors(`${people} et al.`);
  if (!authors) return { authors: [] };
  const byline: Byline = { authors };
  const after = (match[2] ?? "").replace(/[.\s]+$/, "");
  const tag = after ? readVenueTag(after) : undefined;
  if (tag?.venue) byline.venue = tag.venue;
  if (tag?.year !== undefined) byline.year = tag.year;
  return byline;
}

/** `2024-05-17`, `2024/05`, `2024.5.1` or a bare year. */
function readDate(text: string): { date?: string; year: number } | undefined {
  const match = /^((?:19|20)\d{2})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?\.?$/.exec(text);
  if (!match?.[1]) return undefined;
  const year = Number(match[1]);
  const month = match[2] ? Number(match[2]) : undefined;
  const day = match[3] ? Number(match[3]) : undefined;
  if (month === undefined) return { year };
  if (month < 1 || month > 12 || (day !== undefined && (day < 1 || day > 31))) return { year };
  const pad = (value: number): string => String(value).padStart(2, "0");
  return {
    date: day === undefined ? `${year}-${pad(month)}` : `${year}-${pad(month)}-${pad(day)}`,
    year,
  };
}

/**
 * The people a byline part names, or undefined when it names none: `Wu J et al.`, `Smith, J.`,
 * `Alice Smith, Bob Jones and Carol Lee`. One name without `et al.` counts only with initials
 * (`Wu J`, `J. Wu`), which a journal name (`Nature Medicine`, `NEJM AI`) never has.
 */
function readAuthors(text: string): string[] | undefined {
  const etAl = /,?\s*(?:et\s+al\.?|等)$/i.exec(text);
  const body = etAl ? text.slice(0, etAl.index) : text;
  const names = body
    .split(/\s*(?:,|;|\band\b|&)\s*/)
    // The full stop after a name's last initial or word (`Skinnider MA.`) is not part of it.
    .map((name) => name.trim().replace(/(?<=\S\s+\S+)\.$/u, ""))
    .filter((name) => name.length > 0);
  if (names.length === 0 || names.length > MAX_BYLINE_AUTHORS) return undefined;
  // Before `et al.` a group may stand for its people (`CHART Collaborative et al.`).
  const named = etAl ? names.every(isGroupOrPersonName) : names.every(isPersonName);
  if (!named) return undefined;
  if (!etAl && names.length === 1 && !hasInitials(names[0] ?? "")) return undefined;
  return names;
}

function isPersonName(name: string): boolean {
  const tokens = name.split(/\s+/);
  if (tokens.length > MAX_NAME_TOKENS) return false;
  return (
    tokens.every((token) => NAME_TOKEN.test(token)) && tokens.some((token) => /\p{Ll}/u.test(token))
  );
}

function isGroupOrPersonName(name: string): boolean {
  return (
    isPersonName(name) ||
    (name.split(/\s+/).length <= MAX_NAME_TOKENS && /^\p{Lu}[\p{L}'’ .-]*$/u.test(name))
  );
}

function hasInitials(name: string): boolean {
  const tokens = name.split(/\s+/);
  return tokens.length >= 2 && tokens.some((token) => INITIALS.test(token));
}

/**
 * A title with the year a list writes after it (`Title. 2020.`, `Title, 2021`, `Title (2019)`):
 * the title without it, and the year.
 */
function splitTrailingYear(text: string | undefined): { title?: string; year?: number } {
  if (text === undefined) return {};
  const match = /^(.{4,}?)(?:[.,;]\s*\(?|\s+\()((?:19|20)\d{2})\)?\.?$/.exec(text);
  if (!match?.[1] || !match[2]) return { title: text };
  const title = cleanTitle(match[1]);
  return isTitleLike(title) ? { title, year: Number(match[2]) } : { title: text };
}

/** Venue tags in a badge: its alt text, and a shields badge's label and message. */
function readBadgeTags(alt: string, image: string): string[] {
  const tags: string[] = [];
  const shield = readShieldsBadge(image);
  if (shield) {
    const joined = shield.message ? `${shield.label} ${shield.message}` : shield.label;
    if (readVenueTag(joined)) tags.push(joined);
    else if (readVenueTag(shield.label)) tags.push(shield.label);
  }
  if (alt && readVenueTag(alt)) tags.push(alt);
  return tags;
}

/** The alt text and shields badge of an inline `<img>`. */
function readImageTags(image: string): string[] {
  const src = /\bsrc\s*=\s*["']([^"']+)["']/i.exec(image)?.[1] ?? "";
  const alt = /\balt\s*=\s*["']([^"']*)["']/i.exec(image)?.[1] ?? "";
  return readBadgeTags(alt, src);
}

/**
 * A shields.io static badge's label and message: `/badge/NeurIPS-2023-blue` → NeurIPS, 2023.
 * In its path `--` is a dash, `__` an underscore and `_` a space; the last part is the colour.
 */
export function readShieldsBadge(url: string): { label: string; message?: string } | undefined {
  const match = /^https?:\/\/img\.shields\.io\/badge\/([^?#]+)/i.exec(url.trim());
  if (!match?.[1]) return undefined;
  let path = match[1].replace(/\.(?:svg|png)$/i, "");
  try {
    path = decodeURIComponent(path);
  } catch {
    // A malformed escape: read the path as written.
  }
  const parts = path
    .split(/(?<!-)-(?!-)/)
    .map((part) =>
      part.replace(/__|--|_/g, (mark) => (mark === "__" ? "_" : mark === "--" ? "-" : " ")),
    );
  if (parts.length >= 3) return { label: parts[0] ?? "", message: parts.slice(1, -1).join("-") };
  if (parts.length === 2) return { label: parts[0] ?? "" };
  return undefined;
}

function stripTags(text: string): string {
  return text.replace(HTML_TAG, " ");
}

function trimUrl(url: string): string {
  let end = url.length;
  while (end > 0 && ".,;:!?*_'\"".includes(url[end - 1] ?? "")) end--;
  return url.slice(0, end);
}

function safeCodePoint(code: number, fallback: string): string {
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff
    ? String.fromCodePoint(code)
    : fallback;
}
