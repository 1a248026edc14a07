// The sites a saved paper page comes from (arXiv, Hugging Face, OpenReview, ACL Anthology, PubMed,
// blogs quoting an abstract): how each one shows itself in copied text, and how to read the paper
// out of it while the menus, sidebars, reviews and "Similar articles" around it yield nothing.
import { findArxivIds, normalizeArxivId } from "../extract/arxiv-id.ts";
import { type ParsedDate, parseDate } from "../extract/dates.ts";
import { findDois, findUrls } from "../extract/links.ts";
import { aclIdOfDoi } from "./awesome-list-items.ts";
import { normalizeAclId, readAclId, readOpenReviewId, readPubmedId } from "./paper-links.ts";
import { arxivIdOfDoi, collapseWhitespace, dedupe, isBlank, stripQuote } from "./text-utils.ts";

/** The sites a paper page is read as. `aggregator` is any page quoting a paper's abstract. */
export type PaperSite = "arxiv" | "huggingface" | "openreview" | "acl" | "pubmed" | "aggregator";

/** What a page says about its paper. */
export interface PageFacts {
  title?: string;
  authors: string[];
  abstract?: string;
  summary?: string;
  arxiv?: string;
  doi?: string;
  acl?: string;
  pmid?: string;
  openreview?: string;
  venue?: string;
  date?: string;
  year?: number;
  keywords: string[];
  urls: string[];
  /** 1-based line of the title (or of the first fact found). */
  line?: number;
  /** True when the abstract stops mid-sentence at the end of the text (a page saved early). */
  cutOff?: boolean;
}

/** One line of a page: its text, trimmed and with runs of spaces and tabs collapsed, and its index. */
interface PageLine {
  text: string;
  index: number;
}

type Signal = [RegExp, number];

/**
 * What each site's copied text looks like, with the weight of each sign. A site's score is the
 * sum of the signs found; every table row was written from the pages as a person copies them.
 */
const SITE_SIGNALS: Record<PaperSite, readonly Signal[]> = {
  arxiv: [
    [
      /^[ \t]*(?:Cite as:[ \t]*)?arXiv:\d{4}\.\d{4,5}(?:v\d+)?[ \t]+\[[a-z-]+(?:\.[A-Za-z-]+)?\]/im,
      0.35,
    ],
    [
      /^[ \t]*arXiv:\d{4}\.\d{4,5}(?:v\d+)?[ \t]+\[[a-z-]+(?:\.[A-Za-z-]+)?\][ \t]+\d{1,2} [A-Z][a-z]{2} \d{4}/m,
      0.2,
    ],
    [/^Abstract$/m, 0.05],
    [/\[Submitted on \d{1,2} [A-Z][a-z]{2} \d{4}/, 0.25],
    [/^Submitted on \d/im, 0.15],
    [/^Computer Science > [A-Z]/m, 0.15],
    [/^Title:/m, 0.1],
    [/^Authors:/m, 0.1],
    [/^Abstract:/m, 0.1],
    [/^Subjects:/m, 0.15],
    [/^Cite as:/m, 0.1],
    [/^Skip to main content$/m, 0.05],
    [/^(?:Download|View) PDF$/m, 0.05],
    [/^Bibliographic Tools$/m, 0.05],
    [/Which authors of this paper are endorsers\?/, 0.05],
    [/^arxiv logo\b/im, 0.05],
    [/^Submission history$/m, 0.05],
  ],
  huggingface: [
    [/^arxiv:\d{4}\.\d{4,5}[ \t]*$/m, 0.4],
    [/^Authors:/m, 0.05],
    [/^Abstract$/m, 0.05],
    [/^Published on [A-Z][a-z]{2}/m, 0.15],
    [/^Upvote$/m, 0.1],
    [/^(?:Models|Datasets|Spaces) citing this paper\b/m, 0.2],
    [/^Collections including this paper\b/m, 0.05],
    [/^View arXiv page$/m, 0.1],
    [/^Community$/m, 0.05],
    [/^Papers$/m, 0.05],
    [/^Hugging Face\b/m, 0.05],
  ],
  openreview: [
    [/^TL;DR:/m, 0.2],
    [/^Keywords:/m, 0.1],
    [/^Abstract:/m, 0.1],
    [/^Submission Number:/m, 0.3],
    [/^(?:Official Review|Paper Decision|Meta Review|Official Comment)\b/m, 0.2],
    [/openreview\.net\/(?:forum|pdf)\?id=/, 0.15],
    [/^Published: .*Last Modified:/m, 0.15],
    [/^Go to .+ homepage$/m, 0.05],
    [/^Readers:/m, 0.05],
    [
      /^(?:[A-Z][\w-]* )+(?:19|20)\d{2} (?:Conference )?(?:Submission|Poster|Oral|Spotlight)\b/im,
      0.1,
    ],
    [/^(?:Primary Area|Venue|Venueid):/m, 0.1],
  ],
  acl: [
    [/^Anthology ID:/m, 0.4],
    [/^Bibkey:/m, 0.15],
    [/^Cite \(ACL\):/m, 0.15],
    [/^Volume:/m, 0.05],
    [/^Venue:/m, 0.05],
    [/^Publisher:/m, 0.05],
    [/^Month:/m, 0.05],
    [/aclanthology\.org\//, 0.1],
    [/^ACL Anthology$/m, 0.05],
  ],
  pubmed: [
    [/^PMID:[ \t]*\d+/m, 0.35],
    [/^Similar articles$/m, 0.15],
    [/^MeSH terms$/m, 0.1],
    [/^(?:Affiliations|Author information:)$/m, 0.1],
    [/^Cited by$/m, 0.05],
    [/^DOI:[ \t]*10\./m, 0.05],
    [/^PMCID:/m, 0.05],
    [/An official website of the United States government|National Library of Medicine/, 0.05],
    [/^\d+\.[ \t]+.+\.[ \t]+(?:19|20)\d{2}\b[^\n;]*;/m, 0.1],
  ],
  aggregator: [
    [/^(?:Paper|Title|Paper title)[ \t]*:/im, 0.25],
    [/^Abstract[ \t]*:/im, 0.2],
    [/arxiv\.org\/(?:abs|pdf)\/|\barXiv:[ \t]?\d{4}\.\d{4,5}|doi\.org\/10\./i, 0.1],
    [/^Authors?[ \t]*:/im, 0.05],
  ],
};

/** Sites in the order ties are broken: the specific ones before the generic aggregator. */
const SITES: readonly PaperSite[] = [
  "arxiv",
  "huggingface",
  "openreview",
  "acl",
  "pubmed",
  "aggregator",
];

/** How much each site's signs say that `text` is one of its pages (0 … 1 each). */
export function scorePaperSites(text: string): Record<PaperSite, number> {
  const scores = {} as Record<PaperSite, number>;
  for (const site of SITES) {
    let score = 0;
    for (const [pattern, weight] of SITE_SIGNALS[site]) if (pattern.test(text)) score += weight;
    scores[site] = Math.min(1, Math.round(score * 100) / 100);
  }
  return scores;
}

/** The site whose signs are strongest in `text`, and its score. */
export function detectPaperSite(text: string): { site: PaperSite; score: number } {
  const scores = scorePaperSites(text);
  let best: { site: PaperSite; score: number } = { site: "aggregator", score: 0 };
  for (const site of SITES) if (scores[site] > best.score) best = { site, score: scores[site] };
  return best;
}

/** Read the paper of a page of `site`. */
export function readPage(site: PaperSite, text: string): PageFacts {
  const lines = text.split("\n").map((line, index) => ({
    text: collapseWhitespace(line),
    index,
  }));
  switch (site) {
    case "arxiv":
      return readArxivPage(lines);
    case "huggingface":
      return readHuggingFacePage(lines);
    case "openreview":
      return readOpenReviewPage(lines);
    case "acl":
      return readAclPage(lines);
    case "pubmed":
      return readPubmedPage(lines);
    default:
      return readAggregatorPage(lines);
  }
}

// ── arXiv ─────────────────────────────────────────────────────────────────────────────────────

const ARXIV_LABELS = [
  "Title",
  "Authors",
  "Abstract",
  "Comments",
  "Subjects",
  "Cite as",
  "Journal reference",
  "Journal-ref",
  "Related DOI",
  "DOI",
  "Report number",
  "MSC classes",
  "ACM classes",
];
/** Menus and sidebars of an arXiv abstract page: never part of the paper. */
const ARXIV_CHROME = new Set(
  [
    "skip to main content",
    "help | advanced search",
    "all fields",
    "search",
    "view pdf",
    "download pdf",
    "html (experimental)",
    "tex source",
    "other formats",
    "view license",
    "focus to learn more",
    "submission history",
    "access paper:",
    "full-text links:",
    "current browse context:",
    "change to browse by:",
    "references & citations",
    "nasa ads",
    "google scholar",
    "semantic scholar",
    "export bibtex citation",
    "bookmark",
    "bibliographic tools",
    "bibliographic and citation tools",
    "code, data, media",
    "demos",
    "related papers",
    "about arxivlabs",
  ].map((line) => line.toLowerCase()),
);
/** Lines from which an arXiv page shows only menus, tools and the submission history. */
const ARXIV_END =
  /^(?:Submission history|Access Paper:|Full-text links:|Current browse context:|References & Citations|Bibliographic Tools|Which authors of this paper are endorsers\?)/i;
const ARXIV_WATERMARK =
  /^arXiv:(\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?\s+\[([a-z-]+(?:\.[A-Za-z-]+)?)\]\s+(.+)$/i;

function readArxivPage(lines: PageLine[]): PageFacts {
  const end = findIndex(lines, (line) => ARXIV_END.test(line.text));
  const body = lines.slice(0, end < 0 ? lines.length : end);
  const fields = readLabelled(body, ARXIV_LABELS, (line) => isArxivChrome(line));
  const facts = emptyFacts();

  const cite = fields.get("cite as")?.value ?? "";
  const watermarkLine = body.find((line) => ARXIV_WATERMARK.test(line.text));
  const watermark = watermarkLine ? ARXIV_WATERMARK.exec(watermarkLine.text) : null;
  facts.arxiv =
    findArxivIds(cite)[0] ??
    (watermark?.[1] ? normalizeArxivId(watermark[1]) : undefined) ??
    findArxivIds(lines.map((line) => line.text).join("\n"))[0];

  const submitted = findIndex(body, (line) => /^\[?Submitted on\b/i.test(line.text));
  // Without labels, the title follows the submission date (or the watermark), the authors follow it.
  const anchor = submitted >= 0 ? submitted : watermarkLine ? body.indexOf(watermarkLine) : -1;
  const loose = readLooseHead(
    body,
    anchor,
    (line) => isArxivChrome(line) || isLabelled(line.text, ARXIV_LABELS),
  );

  const title = fields.get("title");
  facts.title = title?.value || loose.title;
  facts.line = (title?.line ?? loose.titleLine ?? 0) + 1;
  facts.authors = splitAuthors(fields.get("authors")?.value ?? loose.authors ?? "");

  const abstract = fields.get("abstract");
  if (abstract?.value) {
    facts.abstract = abstract.value;
    facts.cutOff = abstract.last === lastContentIndex(lines) && !endsSentence(abstract.value);
  } else {
    const heading = findIndex(body, (line) => /^Abstract$/i.test(line.text));
    if (heading >= 0) {
      const paragraph = readParagraphs(body, heading + 1, (line) =>
        /^\d+(?:\.\d+)*\s+[A-Z]/.test(line.text),
      );
      if (paragraph.text) facts.abstract = paragraph.text;
    }
  }

  const date =
    parseDate(body[submitted]?.text ?? "") ??
    parseDate(lines.find((line) => /^\[v1\]/.test(line.text))?.text ?? "") ??
    (watermark?.[3] ? parseDate(watermark[3]) : undefined);
  setDate(facts, date);
  const subjects = fields.get("subjects")?.value ?? "";
  facts.keywords = dedupe([
    ...[...subjects.matchAll(/\(([a-z-]+(?:\.[A-Za-z-]+)?)\)/g)].map((match) => match[1] ?? ""),
    ...(watermark?.[2] ? [watermark[2]] : []),
  ]).filter(Boolean);
  const journal = fields.get("journal reference")?.value ?? fields.get("journal-ref")?.value;
  if (journal) facts.venue = journal;
  facts.doi = firstDoi(fields.get("related doi")?.value ?? fields.get("doi")?.value ?? "");
  facts.urls = dedupe([
    ...(facts.arxiv ? [`https://arxiv.org/abs/${facts.arxiv}`] : []),
    ...findUrls(`${facts.abstract ?? ""}\n${fields.get("comments")?.value ?? ""}`),
  ]);
  return facts;
}

function isArxivChrome(line: PageLine): boolean {
  const text = line.text.toLowerCase();
  return (
    ARXIV_CHROME.has(text) ||
    /^we gratefully acknowledge support from/i.test(line.text) ||
    /^arxiv logo\b/i.test(line.text) ||
    /^(?:View|Download) PDF\b|^HTML \(experimental\)$/i.test(line.text) ||
    /^computer science\s*>|^[a-z][a-z ]+ > [a-z][a-z ]+$/i.test(line.text) ||
    /^\[?submitted on\b/i.test(line.text) ||
    ARXIV_WATERMARK.test(line.text)
  );
}

// ── Hugging Face ──────────────────────────────────────────────────────────────────────────────

const HF_CHROME = new Set(
  [
    "hugging face's logo",
    "hugging face",
    "models",
    "datasets",
    "spaces",
    "posts",
    "docs",
    "enterprise",
    "pricing",
    "log in",
    "sign up",
    "papers",
    "daily papers",
    "ai-generated summary",
  ].map((line) => line.toLowerCase()),
);
/** Lines from which a Hugging Face paper page shows its tools, discussion and citing models. */
const HF_END =
  /^(?:View arXiv page|View PDF|Project page|GitHub\b|Add to collection|Community|Upvote|Sign up or log in to comment|(?:Models|Datasets|Spaces) citing this paper|Collections including this paper|Librarian Bot)/i;

function readHuggingFacePage(lines: PageLine[]): PageFacts {
  const facts = emptyFacts();
  const end = findIndex(lines, (line) => HF_END.test(line.text));
  const body = lines.slice(0, end < 0 ? lines.length : end);
  const idLine = findIndex(body, (line) => /^arxiv:\d{4}\.\d{4,5}$/i.test(line.text));
  facts.arxiv =
    (idLine >= 0 ? normalizeArxivId(body[idLine]?.text ?? "") : undefined) ??
    /huggingface\.co\/papers\/(\d{4}\.\d{4,5})/.exec(lines.map((l) => l.text).join("\n"))?.[1];

  const isChrome = (line: PageLine): boolean =>
    HF_CHROME.has(line.text.toLowerCase()) ||
    /^arxiv:\d/i.test(line.text) ||
    /^(?:Published on|Submitted by|#\d+ Paper of the (?:day|week))\b/i.test(line.text);
  const authorsAt = findIndex(body, (line) => /^Authors:?/i.test(line.text));
  const abstractAt = findIndex(body, (line) => /^Abstract:?$/i.test(line.text));
  for (let i = Math.max(0, idLine + 1); i < body.length; i++) {
    const line = body[i] as PageLine;
    if (line.text === "" || isChrome(line)) continue;
    if (i === authorsAt || i === abstractAt) break;
    facts.title = line.text;
    facts.line = line.index + 1;
    break;
  }
  if (authorsAt >= 0) {
    const stop = abstractAt > authorsAt ? abstractAt : body.length;
    const inline = body[authorsAt]?.text.replace(/^Authors:?\s*/i, "") ?? "";
    const rest = body.slice(authorsAt + 1, stop).map((line) => line.text);
    facts.authors = splitAuthors([inline, ...rest].join(", "));
  }
  const published = body.find((line) => /^Published on\b/i.test(line.text));
  setDate(facts, parseDate(published?.text ?? ""));
  if (abstractAt >= 0) {
    const paragraph = readParagraphs(body, abstractAt + 1, () => false, true);
    if (paragraph.text) {
      facts.abstract = paragraph.text;
      facts.cutOff =
        end < 0 && paragraph.last === lastContentIndex(lines) && !endsSentence(paragraph.text);
    }
  }
  facts.urls = dedupe([
    ...(facts.arxiv ? [`https://arxiv.org/abs/${facts.arxiv}`] : []),
    ...findUrls(facts.abstract ?? ""),
  ]);
  return facts;
}

// ── OpenReview ────────────────────────────────────────────────────────────────────────────────

const OPENREVIEW_LABELS = [
  "Keywords",
  "TL;DR",
  "Abstract",
  "Primary Area",
  "Venue",
  "Venueid",
  "Submission Number",
  "Readers",
  "Writers",
  "Signatures",
  "Code Of Ethics",
  "Submission Guidelines",
  "Anonymous Url",
  "No Acknowledgement Section",
  "Reciprocal Reviewing",
  "Supplementary Material",
  "Code",
  "Software",
  "Pdf",
  "Bibtex",
  "License",
  "Flagged For Ethics Review",
  "Please Choose The Closest Area That Your Submission Falls Into",
  "Submission Track",
  "Student Author",
  "Published",
  "Forum",
];
/** Lines from which an OpenReview forum shows its discussion: reviews, decisions, comments. */
const OPENREVIEW_END =
  /^(?:Official Review|Official Comment|Meta Review|Paper Decision|Decision by|Public Comment|Author Rebuttal|Rebuttal|Filter by reply type|Reply Type:|\d+ \/ \d+ repl(?:y|ies) shown|Withdrawal|Desk Reject)/i;
const OPENREVIEW_CHROME =
  /^(?:https?:\/\/\S+|Toggle navigation|OpenReview\.net|Login|Go to .+ homepage|Download PDF|Everyone|Revisions|BibTeX|CC BY(?: \d\.\d)?|Show Revisions|Back to .+)$/i;
const OPENREVIEW_VENUE_LINE =
  /^(.*?\b(?:19|20)\d{2})\b.*\b(?:poster|oral|spotlight|notable|conference|submission|accept\w*|workshop|track)\b/i;

function readOpenReviewPage(lines: PageLine[]): PageFacts {
  const facts = emptyFacts();
  const end = findIndex(lines, (line) => OPENREVIEW_END.test(line.text));
  const body = lines.slice(0, end < 0 ? lines.length : end);
  const labels = OPENREVIEW_LABELS;
  const fields = readLabelled(body, labels, () => false);
  const firstField = findIndex(body, (line) => isLabelled(line.text, labels));
  const head = body.slice(0, firstField < 0 ? body.length : firstField);
  const content = head.filter(
    (line) =>
      line.text !== "" &&
      !OPENREVIEW_CHROME.test(line.text) &&
      !OPENREVIEW_VENUE_LINE.test(line.text) &&
      !/^Published:/i.test(line.text),
  );
  const [title, authors] = content;
  if (title) {
    facts.title = title.text;
    facts.line = title.index + 1;
  }
  if (authors && !/^anonymous\b/i.test(authors.text)) facts.authors = splitAuthors(authors.text);

  facts.openreview =
    readOpenReviewId(
      findUrls(lines.map((line) => line.text).join("\n")).find((url) => readOpenReviewId(url)) ??
        "",
    ) ?? undefined;
  const venueLine = head.find(
    (line) => !/^Go to\b/i.test(line.text) && OPENREVIEW_VENUE_LINE.test(line.text),
  );
  const homepage = head.find((line) => /^Go to .+ homepage$/i.test(line.text));
  const venue =
    fields.get("venue")?.value ||
    OPENREVIEW_VENUE_LINE.exec(venueLine?.text ?? "")?.[1] ||
    /^Go to (.+?)(?: Conference| Workshop)? homepage$/i.exec(homepage?.text ?? "")?.[1];
  if (venue) facts.venue = venue;
  const published =
    head.find((line) => /^Published:/i.test(line.text))?.text ??
    fields.get("published")?.value ??
    "";
  setDate(facts, parseDate(published.replace(/,?\s*Last Modified:.*$/i, "")));
  const venueYear = /\b(?:19|20)\d{2}\b/.exec(venue ?? "")?.[0];
  if (venueYear) facts.year = Number(venueYear);

  const abstract = fields.get("abstract");
  if (abstract?.value) {
    facts.abstract = abstract.value;
    facts.cutOff = abstract.last === lastContentIndex(lines) && !endsSentence(abstract.value);
  }
  const tldr = fields.get("tl;dr")?.value;
  if (tldr) facts.summary = tldr;
  facts.keywords = (fields.get("keywords")?.value ?? "")
    .split(/\s*[,;]\s*/)
    .map((word) => word.replace(/\.$/, "").trim())
    .filter((word) => word.length > 0);
  facts.urls = dedupe([
    ...(facts.openreview ? [`https://openreview.net/forum?id=${facts.openreview}`] : []),
    ...findUrls(`${facts.abstract ?? ""}\n${fields.get("code")?.value ?? ""}`),
  ]);
  return facts;
}

// ── ACL Anthology ─────────────────────────────────────────────────────────────────────────────

const ACL_LABELS = [
  "Anthology ID",
  "Volume",
  "Month",
  "Year",
  "Address",
  "Editors",
  "Editor",
  "Venue",
  "Venues",
  "SIG",
  "SIGs",
  "Publisher",
  "Note",
  "Pages",
  "Language",
  "URL",
  "DOI",
  "Bibkey",
  "Cite (ACL)",
  "Cite (Informal)",
  "Copy Citation",
  "PDF",
  "Video",
  "Software",
  "Data",
  "Code",
  "Dataset",
  "Award",
  "Attachment",
  "Presentation",
  "Poster",
  "Slides",
  "Erratum",
  "Revision",
  "Supplementary",
];
const ACL_CHROME =
  /^(?:ACL Anthology|News(?:\(current\))?|FAQ(?:\(current\))?|Corrections(?:\(current\))?|Submissions(?:\(current\))?|Github|Search(?:\.{3}|…)?|Correct Metadata for|Fix data|Home)$/i;
/** The footer: licence and build notes after the metadata. */
const ACL_FOOTER = /^(?:ACL materials are Copyright|The ACL Anthology is managed|Site last built)/i;

function readAclPage(lines: PageLine[]): PageFacts {
  const facts = emptyFacts();
  const fields = readLabelled(lines, ACL_LABELS, (line) => ACL_FOOTER.test(line.text));
  const abstractAt = findIndex(lines, (line) => /^Abstract:?$/i.test(line.text));
  const firstField = findIndex(lines, (line) => isLabelled(line.text, ACL_LABELS));
  const headEnd = abstractAt >= 0 ? abstractAt : firstField >= 0 ? firstField : lines.length;
  const content = lines
    .slice(0, headEnd)
    .filter((line) => line.text !== "" && !ACL_CHROME.test(line.text));
  const [title, authors] = content;
  if (title) {
    facts.title = title.text;
    facts.line = title.index + 1;
  }
  if (authors) facts.authors = splitAuthors(authors.text);
  if (abstractAt >= 0) {
    const paragraph = readParagraphs(lines, abstractAt + 1, (line) =>
      isLabelled(line.text, ACL_LABELS),
    );
    if (paragraph.text) facts.abstract = paragraph.text;
  }
  const url = fields.get("url")?.value ?? "";
  facts.acl = normalizeAclId(fields.get("anthology id")?.value ?? "") ?? readAclId(url);
  facts.doi = firstDoi(fields.get("doi")?.value ?? "");
  facts.acl ??= facts.doi ? aclIdOfDoi(facts.doi) : undefined;
  const year = /\b(?:19|20)\d{2}\b/.exec(fields.get("year")?.value ?? "")?.[0];
  if (year) {
    const month = fields.get("month")?.value;
    setDate(
      facts,
      (month ? parseDate(`${month} ${year}`) : undefined) ?? { date: year, year: Number(year) },
    );
  }
  const venue =
    fields.get("venue")?.value || fields.get("venues")?.value || fields.get("volume")?.value;
  if (venue) facts.venue = venue;
  facts.urls = dedupe([
    ...findUrls(url),
    ...findUrls(`${fields.get("code")?.value ?? ""}\n${fields.get("software")?.value ?? ""}`),
    ...findUrls(facts.abstract ?? ""),
  ]);
  return facts;
}

// ── PubMed ────────────────────────────────────────────────────────────────────────────────────

/** Sections of a PubMed page after the paper's own: other papers, classifications, links. */
const PUBMED_END =
  /^(?:Similar articles|Cited by|References|Publication types|MeSH terms|Substances|Related information|LinkOut - more resources|Grants and funding|Comment in|Comment on|Figures|Supplementary info|Full text links|Conflict of interest statement|Update of|Erratum in)$/i;
const PUBMED_CHROME =
  /^(?:Skip to main page content|An official website of the United States government|Here's how you know|NIH NLM Logo|Log in|Show account info|Close|Access keys.*|Search:?|Advanced.*|Clipboard|User Guide|Save|Email|Send to|Display options|Full text links|Free article|Free PMC article|Review|Expand|Collapse|Affiliations|Author information:?|Item in Clipboard|Cite|Share|Actions|Page navigation|Title & authors|Abstract|Conflict of interest statement|Comment in|Similar articles|Cited by|References|Publication types|MeSH terms|Related information|LinkOut - more resources|National Library of Medicine.*)$/i;
/** The citation line: `Nature. 2023 Aug;620(7972):172-180.` or `. 2022 Mar 3;12(4):101-110.` */
const PUBMED_CITATION =
  /^(?:\d+\.\s+)?(.*?)\.?\s*((?:19|20)\d{2})(?:\s+([A-Z][a-z]{2})(?:\s+(\d{1,2}))?)?(?:;|:|\.\s)/;
const PUBMED_ABSTRACT_END =
  /^(?:Keywords:|Copyright|©|Conflict of interest statement|Trial registration|DOI:|PMCID:|PMID:|Comment in|Erratum in)/i;

function readPubmedPage(lines: PageLine[]): PageFacts {
  const facts = emptyFacts();
  const end = findIndex(
    lines,
    (line) => PUBMED_END.test(line.text) && line.text.toLowerCase() !== "full text links",
  );
  const body = lines.slice(0, end < 0 ? lines.length : end);
  const all = lines.map((line) => line.text);

  const pmidLine = body.find((line) => /^PMID:\s*\d+/.test(line.text));
  facts.pmid = /^PMID:\s*(\d+)/.exec(pmidLine?.text ?? "")?.[1];
  const doiLine = body.find(
    (line) => /^DOI:\s*10\./i.test(line.text) || /\bdoi:\s*10\./i.test(line.text),
  );
  facts.doi = firstDoi(doiLine?.text ?? "");

  // The paper's title and authors sit above "Affiliations" (web page) or "Author information:".
  const affiliations = findIndex(body, (line) =>
    /^(?:Affiliations|Author information:?)$/i.test(line.text),
  );
  const citationAt = findIndex(
    body,
    (line) => PUBMED_CITATION.test(line.text) && /;|doi:/i.test(line.text),
  );
  let titleLine: PageLine | undefined;
  let authorsLine: PageLine | undefined;
  if (affiliations >= 0) {
    const above = body
      .slice(0, affiliations)
      .filter((line) => line.text !== "" && !PUBMED_CHROME.test(line.text));
    authorsLine = above[above.length - 1];
    titleLine = above[above.length - 2];
  } else if (citationAt >= 0) {
    const below = body
      .slice(citationAt + 1)
      .filter(
        (line) => line.text !== "" && !PUBMED_CHROME.test(line.text) && !/^doi:/i.test(line.text),
      );
    titleLine = below[0];
    authorsLine = below[1];
  }
  if (titleLine && !/^(?:PMID|DOI|PMCID):/i.test(titleLine.text)) {
    facts.title = titleLine.text.replace(/\.$/, "");
    facts.line = titleLine.index + 1;
  }
  if (authorsLine && !/^(?:PMID|DOI|PMCID):/i.test(authorsLine.text)) {
    facts.authors = splitAuthors(authorsLine.text.replace(/\.$/, ""));
  }

  const citation = citationAt >= 0 ? PUBMED_CITATION.exec(body[citationAt]?.text ?? "") : null;
  if (citation) {
    const journal = citation[1]?.trim() || previousText(body, citationAt);
    if (journal && !PUBMED_CHROME.test(journal)) facts.venue = journal.replace(/\.$/, "");
    const [, , year, month, day] = citation;
    setDate(facts, parseDate([day, month, year].filter(Boolean).join(" ")) ?? undefined);
    if (facts.year === undefined && year) facts.year = Number(year);
  }

  const abstractAt = findIndex(body, (line) => /^Abstract$/i.test(line.text));
  let abstractStart = abstractAt >= 0 ? abstractAt + 1 : -1;
  if (abstractStart < 0 && affiliations >= 0) {
    // Abstract format: the author information is a run of `(n)…` lines, the abstract follows.
    abstractStart = affiliations + 1;
    while (abstractStart < body.length && /^\(\d+\)|^$/.test(body[abstractStart]?.text ?? "")) {
      if (
        body[abstractStart]?.text === "" &&
        /^\(\d+\)/.test(body[abstractStart - 1]?.text ?? "")
      ) {
        break;
      }
      abstractStart++;
    }
  }
  if (abstractStart >= 0) {
    const paragraph = readParagraphs(body, abstractStart, (line) =>
      PUBMED_ABSTRACT_END.test(line.text),
    );
    if (paragraph.text) facts.abstract = paragraph.text;
  }

  const keywordsLine = body.find((line) => /^Keywords:/i.test(line.text));
  const keywords = (keywordsLine?.text.replace(/^Keywords:\s*/i, "") ?? "")
    .split(/\s*;\s*/)
    .map((word) => word.replace(/\.$/, "").trim());
  const meshAt = all.findIndex((line) => /^MeSH terms$/i.test(collapseWhitespace(line)));
  const mesh: string[] = [];
  for (let i = meshAt + 1; meshAt >= 0 && i < lines.length; i++) {
    const text = lines[i]?.text ?? "";
    if (text === "" || PUBMED_END.test(text) || PUBMED_CHROME.test(text)) break;
    mesh.push(text.split(" / ")[0]?.replace(/\*+$/, "").trim() ?? "");
  }
  facts.keywords = dedupe([...keywords, ...mesh]).filter((word) => word.length > 0);
  facts.urls = dedupe([
    ...(facts.pmid ? [`https://pubmed.ncbi.nlm.nih.gov/${facts.pmid}/`] : []),
    ...findUrls(facts.abstract ?? ""),
  ]);
  return facts;
}

// ── Pages quoting a paper (blogs, digests, newsletters) ──────────────────────────────────────

const AGGREGATOR_LABELS = [
  "Paper",
  "Paper title",
  "Title",
  "Link",
  "Links",
  "arXiv",
  "arXiv link",
  "Paper link",
  "URL",
  "PDF",
  "DOI",
  "Code",
  "Project page",
  "Authors",
  "Author",
  "Abstract",
  "TL;DR",
  "Summary",
  "Published",
  "Date",
  "Venue",
  "Conference",
  "Tags",
  "Keywords",
];
const AGGREGATOR_LINK_FIELDS = [
  "paper",
  "link",
  "links",
  "arxiv",
  "arxiv link",
  "paper link",
  "url",
  "pdf",
  "doi",
];
/** Where a blog page turns to its own furniture: sharing, related posts, comments. */
const AGGREGATOR_END =
  /^(?:Share this(?: post| article)?|Related (?:posts|articles)|Leave a comment|Comments?|Subscribe|Read more|Previous post|Next post|You may also like|Tags?:)\b/i;

function readAggregatorPage(lines: PageLine[]): PageFacts {
  const facts = emptyFacts();
  const end = findIndex(
    lines,
    (line) => AGGREGATOR_END.test(line.text) && !/^Tags?:/i.test(line.text),
  );
  const body = lines.slice(0, end < 0 ? lines.length : end);
  const fields = readLabelled(body, AGGREGATOR_LABELS, (line) => /^#{1,6}\s/.test(line.text), true);

  const titleField = fields.get("title") ?? fields.get("paper title") ?? fields.get("paper");
  const titleText = titleField ? stripLinks(titleField.value) : "";
  if (titleText && !/^(?:https?:|arxiv:)/i.test(titleText)) {
    facts.title = titleText;
    facts.line = titleField ? titleField.line + 1 : undefined;
  } else {
    const heading = body.find((line) => /^#{1,3}\s+\S/.test(line.text));
    if (heading) {
      facts.title = stripLinks(heading.text.replace(/^#+\s+/, ""));
      facts.line = heading.index + 1;
    }
  }
  const linkText = AGGREGATOR_LINK_FIELDS.map((name) => fields.get(name)?.value ?? "").join("\n");
  const ids = readIdentifiers(linkText);
  facts.arxiv = ids.arxiv;
  facts.doi = ids.doi;
  facts.acl = ids.acl;
  facts.pmid = ids.pmid;
  facts.openreview = ids.openreview;
  facts.authors = splitAuthors(fields.get("authors")?.value ?? fields.get("author")?.value ?? "");
  const abstract = fields.get("abstract");
  if (abstract?.value) {
    facts.abstract = abstract.value;
    facts.cutOff = abstract.last === lastContentIndex(lines) && !endsSentence(abstract.value);
  }
  const summary = fields.get("tl;dr")?.value ?? fields.get("summary")?.value;
  if (summary) facts.summary = summary;
  const venue = fields.get("venue")?.value ?? fields.get("conference")?.value;
  if (venue) facts.venue = venue;
  setDate(facts, parseDate(fields.get("published")?.value ?? fields.get("date")?.value ?? ""));
  facts.keywords = (fields.get("keywords")?.value ?? "")
    .split(/\s*[,;]\s*/)
    .filter((word) => word.length > 0);
  facts.urls = dedupe([
    ...findUrls(linkText),
    ...(facts.arxiv && !findUrls(linkText).some((url) => url.includes(facts.arxiv ?? ""))
      ? [`https://arxiv.org/abs/${facts.arxiv}`]
      : []),
    ...findUrls(`${fields.get("code")?.value ?? ""}\n${fields.get("project page")?.value ?? ""}`),
    ...findUrls(facts.abstract ?? ""),
  ]);
  return facts;
}

// ── Shared readers ────────────────────────────────────────────────────────────────────────────

interface LabelledField {
  value: string;
  /** Index (into the page's lines) of the label line and of the field's last line. */
  line: number;
  last: number;
}

/**
 * `Label: value` fields, the value running on over the following lines until the next label, a
 * stop line or (when `stopAtBlank`, after some text) a blank line. A label alone on its line takes
 * the lines below as its value (ACL Anthology). Names in lower case; the first of each wins.
 */
function readLabelled(
  lines: readonly PageLine[],
  labels: readonly string[],
  isStop: (line: PageLine) => boolean,
  stopAtBlank = false,
): Map<string, LabelledField> {
  const fields = new Map<string, LabelledField>();
  const pattern = labelPattern(labels);
  let current: { name: string; parts: string[]; line: number; last: number } | undefined;
  const flush = (): void => {
    if (current && !fields.has(current.name)) {
      const value = joinValue(current.parts);
      fields.set(current.name, { value, line: current.line, last: current.last });
    }
    current = undefined;
  };
  for (const line of lines) {
    const match = pattern.exec(line.text);
    if (match) {
      flush();
      current = {
        name: (match[1] ?? "").toLowerCase(),
        parts: [match[2] ?? ""],
        line: line.index,
        last: line.index,
      };
      continue;
    }
    if (!current) continue;
    if (isStop(line)) {
      flush();
      continue;
    }
    if (line.text === "") {
      if (stopAtBlank && current.parts.some((part) => part.trim() !== "")) flush();
      else current.parts.push("");
      continue;
    }
    current.parts.push(stripQuote(line.text));
    current.last = line.index;
  }
  flush();
  return fields;
}

function labelPattern(labels: readonly string[]): RegExp {
  const alternatives = labels
    .map((label) => label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("|");
  return new RegExp(`^(${alternatives})\\s*[:：]\\s*(.*)$`, "i");
}

function isLabelled(text: string, labels: readonly string[]): boolean {
  return labelPattern(labels).test(text);
}

/** Paragraph lines joined: lines within a paragraph with spaces, paragraphs with a blank line. */
function joinValue(parts: readonly string[]): string {
  return parts
    .join("\n")
    .split(/\n\s*\n/)
    .map((paragraph) => collapseWhitespace(paragraph))
    .filter((paragraph) => paragraph.length > 0)
    .join("\n\n");
}

/**
 * The text from line `from` on: paragraphs until a stop line; when `single`, only the first
 * paragraph. Leading blank lines are skipped; quote markers are removed.
 */
function readParagraphs(
  lines: readonly PageLine[],
  from: number,
  isStop: (line: PageLine) => boolean,
  single = false,
): { text?: string; last: number } {
  const parts: string[] = [];
  let last = from - 1;
  for (let i = from; i < lines.length; i++) {
    const line = lines[i] as PageLine;
    if (isStop(line)) break;
    if (line.text === "") {
      if (single && parts.some((part) => part !== "")) break;
      if (parts.length > 0) parts.push("");
      continue;
    }
    parts.push(stripQuote(line.text));
    last = line.index;
  }
  const text = joinValue(parts);
  return text ? { text, last } : { last };
}

/**
 * The title and authors of a page that writes them without labels: the first two content lines
 * after line `anchor` (a title wrapped over lines before a blank line is joined).
 */
function readLooseHead(
  lines: readonly PageLine[],
  anchor: number,
  isChrome: (line: PageLine) => boolean,
): { title?: string; titleLine?: number; authors?: string } {
  if (anchor < 0) return {};
  const blocks: Array<{ text: string; line: number }> = [];
  let current: { parts: string[]; line: number } | undefined;
  for (let i = anchor + 1; i < lines.length && blocks.length < 2; i++) {
    const line = lines[i] as PageLine;
    if (line.text === "" || isChrome(line) || /^Abstract\b/i.test(line.text)) {
      if (current) blocks.push({ text: current.parts.join(" "), line: current.line });
      current = undefined;
      if (/^Abstract\b/i.test(line.text)) break;
      continue;
    }
    if (!current) current = { parts: [], line: line.index };
    current.parts.push(line.text);
    // Without blank lines between them, title and authors are one line each.
    if (lines[i + 1]?.text !== "" && blocks.length === 0 && !/[:,-]$/.test(line.text)) {
      blocks.push({ text: current.parts.join(" "), line: current.line });
      current = undefined;
    }
  }
  if (current && blocks.length < 2)
    blocks.push({ text: current.parts.join(" "), line: current.line });
  const [title, authors] = blocks;
  return {
    ...(title ? { title: title.text, titleLine: title.line } : {}),
    ...(authors ? { authors: authors.text } : {}),
  };
}

/**
 * Author names from a list (`A, B and C`, `A 1 , B 1 2`, `Singhal K(1), Azizi S(1)`), without
 * affiliation marks, `et al.`, `+26 authors` or the labels of a page.
 */
export function splitAuthors(text: string): string[] {
  return text
    .split(/\s*[,;]\s*|\s+and\s+|\s*\n\s*/)
    .map((name) =>
      collapseWhitespace(
        name
          .replace(/\(\d+\)/g, "")
          .replace(/[*†‡§¶]+/g, "")
          .replace(/(?:\s+\d+)+$/, "")
          .replace(/^and\s+/i, ""),
      ),
    )
    .filter(
      (name) =>
        name.length > 1 &&
        name.length <= 80 &&
        /\p{L}/u.test(name) &&
        !/^(?:et al\.?|\+\d+ authors?|others|view all|show all|authors?:?)$/i.test(name) &&
        name.split(" ").length <= 8,
    );
}

function readIdentifiers(
  text: string,
): Pick<PageFacts, "arxiv" | "doi" | "acl" | "pmid" | "openreview"> {
  const ids: Pick<PageFacts, "arxiv" | "doi" | "acl" | "pmid" | "openreview"> = {};
  const arxiv =
    findArxivIds(text)[0] ?? /huggingface\.co\/papers\/(\d{4}\.\d{4,5})/.exec(text)?.[1];
  if (arxiv) ids.arxiv = arxiv;
  const doi = firstDoi(text);
  if (doi) ids.doi = doi;
  for (const url of findUrls(text)) {
    ids.acl ??= readAclId(url);
    ids.pmid ??= readPubmedId(url);
    ids.openreview ??= readOpenReviewId(url);
  }
  return ids;
}

/** The first DOI of `text` that arXiv did not mint (those are arXiv ids). */
function firstDoi(text: string): string | undefined {
  return findDois(text).find((doi) => !arxivIdOfDoi(doi));
}

function stripLinks(text: string): string {
  return collapseWhitespace(
    text
      .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
      .replace(/https?:\/\/\S+/g, " ")
      .replace(/[*_`]+/g, ""),
  );
}

function setDate(facts: PageFacts, date: ParsedDate | undefined): void {
  if (!date) return;
  facts.date = date.date;
  facts.year = date.year;
}

function endsSentence(text: string): boolean {
  return /[.!?。)"”]\s*$/.test(text);
}

function emptyFacts(): PageFacts {
  return { authors: [], keywords: [], urls: [] };
}

/** Index of the last line with text: a page saved early ends there, whatever blank lines follow. */
function lastContentIndex(lines: readonly PageLine[]): number {
  for (let i = lines.length - 1; i >= 0; i--)
    if (lines[i]?.text !== "") return lines[i]?.index ?? i;
  return -1;
}

function findIndex(lines: readonly PageLine[], test: (line: PageLine) => boolean): number {
  return lines.findIndex(test);
}

function previousText(lines: readonly PageLine[], index: number): string | undefined {
  for (let i = index - 1; i >= 0; i--) {
    const text = lines[i]?.text ?? "";
    if (!isBlank(text)) return text;
  }
  return undefined;
}
