// Adapter for saved paper pages: the text of an arXiv abstract page, a Hugging Face paper page, an
// OpenReview forum, an ACL Anthology entry, a PubMed record or a blog quoting an abstract, as a
// person copies or saves it. One page is one paper; its menus and neighbours yield nothing.
import { createDiagnosticSink } from "./diagnostic-sink.ts";
import { detectPaperSite, type PaperSite, readPage } from "./paper-page-sites.ts";
import { createPaperRecord } from "./records.ts";
import { takeSniffWindow } from "./text-utils.ts";
import type { Adapter, ParsedDocument, SourceDocument } from "./types.ts";

const FORMAT = "paper-page";

/** How each site is named in diagnostics. */
const SITE_NAMES: Record<PaperSite, string> = {
  arxiv: "an arXiv abstract page",
  huggingface: "a Hugging Face paper page",
  openreview: "an OpenReview forum",
  acl: "an ACL Anthology page",
  pubmed: "a PubMed record",
  aggregator: "a page quoting a paper",
};

/** Reads saved paper pages. */
export const PAPER_PAGE_ADAPTER: Adapter = {
  format: FORMAT,
  sniff: sniffPaperPage,
  parse: parsePaperPage,
};

/**
 * How sure we are that `text` is a saved paper page (0 … 1): the score of the site whose signs are
 * strongest — `arXiv:ID [cs.CL]` and `Submitted on` for arXiv, `arxiv:ID` and `Upvote` for Hugging
 * Face, `TL;DR:` and `Submission Number:` for OpenReview, `Anthology ID:` for the ACL Anthology,
 * `PMID:` and `Similar articles` for PubMed; a page quoting a paper needs `Paper:`/`Title:`,
 * `Abstract:` and an arXiv or DOI link together.
 */
export function sniffPaperPage(text: string): number {
  return detectPaperSite(takeSniffWindow(text)).score;
}

/**
 * Parse a saved paper page into one `main` record: title, authors, abstract, identifiers (arXiv,
 * DOI, ACL Anthology, PubMed, OpenReview), venue, date, keywords and the page's links to the
 * paper itself. Menus, sidebars, reviews and lists of other articles give no record and no link.
 */
export function parsePaperPage(doc: SourceDocument): ParsedDocument {
  const sink = createDiagnosticSink(doc.id, FORMAT);
  const { site } = detectPaperSite(takeSniffWindow(doc.text));
  const facts = readPage(site, doc.text);
  sink.add("info", "page-site", `read as ${SITE_NAMES[site]}`);

  const identified = facts.arxiv ?? facts.doi ?? facts.acl ?? facts.pmid ?? facts.openreview;
  if (!facts.title && !facts.abstract && !identified) {
    sink.add("warning", "no-paper", "no title, abstract or identifier found on the page");
    return { records: [], relations: [], diagnostics: sink.finish() };
  }
  if (!facts.title) sink.add("warning", "no-title", "the page names no title for its paper");
  if (!facts.abstract) sink.add("info", "no-abstract", "no abstract on the page (saved early?)");
  if (facts.cutOff) {
    sink.add("info", "abstract-cut-off", "the abstract stops mid-sentence at the end of the text");
  }

  const record = createPaperRecord(doc, FORMAT, "main", {
    line: facts.line ?? 1,
    title: facts.title,
    abstract: facts.abstract,
    summary: facts.summary,
    arxiv: facts.arxiv,
    doi: facts.doi,
    date: facts.date,
    year: facts.year,
    authors: facts.authors,
    urls: facts.urls,
    venue: facts.venue,
    acl: facts.acl,
    pmid: facts.pmid,
    openreview: facts.openreview,
    keywords: facts.keywords,
  });
  return { records: [record], relations: [], diagnostics: sink.finish() };
}
