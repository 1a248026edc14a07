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
}

/** A venue and year read from a tag such as `[NeurIPS 2023]` or `(ACL'24 Findings)`. */
export interface VenueTag {
  venue?: string;
  year?: number;
}

/** Longest stretch of text looked at in one item: a list item is a line, not a page. */
const MAX_ITEM_CHARS = 4_000;
const MAX_TITLE_CHARS = 300;

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
/** `[text](url "title")`, the text holding at most one level of brackets. */
const MARKDOWN_LINK = new RegExp(
  String.raw`\[((?:[^[\]\n]|\[[^[\]\n]{0,300}\]){0,500})\]\(\s*${TARGET}\)`,
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
  const titles: string[] = [];

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
    if (readVenueTag(link.text)) tags.push(link.text);
    else if (isTitleLike(link.text)) titles.push(link.text);
  }

  // Bold spans and bracketed or parenthesised tags: venues, markers or the title itself.
  rest = rest.replace(/(\*\*|__)(.{1,400}?)\1/g, (_match, _marks: string, inner: string) => {
    const inside = inner.trim().replace(/^\[(.*)\]$/, "$1");
    if (readVenueTag(inside)) {
      tags.push(inside);
      return " ";
    }
    if (isTitleLike(inner) && !MARKER_TAG.test(cleanInline(inside))) titles.push(inner);
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
  if (quoted && isTitleLike(quoted)) titles.push(quoted);

  const stated = titles.map(cleanTitle).find((candidate) => candidate.length > 0);
  const title = readRestTitle(rest, tags, stated === undefined) ?? stated;

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
  if (title) fields.title = title;
  if (stated) fields.statedTitle = stated;
  if (venue) fields.venue = venue;
  if (year !== undefined) fields.year = year;
  return fields;
}

/**
 * Read a venue tag: `NeurIPS 2023`, `[Nature Medicine 2023]`, `(NeurIPS'23)`, `ACL 2024 Findings`,
 * `Accepted by ICLR 2024`. A tag is a venue when it names a known venue, or when it is a short
 * capitalised name with a year; a preprint server or a bare year gives only the year. Returns
 * undefined for anything else (a marker, a model name in parentheses, `Zhang et al. 2023`).
 */
export function readVenueTag(source: string): VenueTag | undefined {
  const text = cleanInline(source)
    .replace(/^[[(]+|[\])]+$/g, "")
    .trim();
  if (text.length < 2 || text.length > 80 || NOT_VENUE.test(text)) return undefined;
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
function readRestTitle(rest: string, tags: string[], wantTitle: boolean): string | undefined {
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
    if (trailing?.[1] && readVenueTag(trailing[1])) {
      tail = `${trailing[1]}, ${tail}`;
      head = head.slice(0, trailing.index);
    }
  }
  const parts = tail.split(/\s[-—–|]\s|[,;|—–]|\.\s/).map((part) => part.trim());
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
  if (!wantTitle) return undefined;
  const title = cleanTitle(head);
  return isTitleLike(title) ? title : undefined;
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
