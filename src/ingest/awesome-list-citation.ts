// The survey an awesome list accompanies, as its "Citation" section gives it: a BibTeX entry in a
// code block (`@article{…, title={…}, journal={arXiv preprint arXiv:…}}`, read with the BibTeX
// adapter's parser) or a plain-text reference.
import { findArxivIds } from "../extract/arxiv-id.ts";
import { findDois } from "../extract/links.ts";
import { parseBibtex } from "./bibtex.ts";

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

/** A citation block is short: only its first entry is read, from at most this many characters. */
const MAX_ENTRY_CHARS = 20_000;

/**
 * Read a citation: the first BibTeX entry when `text` has one, else the arXiv id, DOI and links of
 * a plain-text reference. Undefined when neither names a paper.
 */
export function readCitation(text: string): CitedPaper | undefined {
  const entryStart = text.search(/@[a-z]+\s*[{(]/i);
  if (entryStart >= 0) {
    const entry = text.slice(entryStart, entryStart + MAX_ENTRY_CHARS);
    const [record] = parseBibtex({ id: "citation", text: entry, encoding: "utf-8" }).records;
    if (record && (record.title || record.arxiv || record.doi)) {
      return {
        ...(record.title ? { title: record.title } : {}),
        authors: record.authors,
        ...(record.year !== undefined ? { year: record.year } : {}),
        ...(record.venue ? { venue: record.venue } : {}),
        ...(record.arxiv ? { arxiv: record.arxiv } : {}),
        ...(record.doi ? { doi: record.doi } : {}),
        urls: record.urls,
      };
    }
  }
  const arxiv = findArxivIds(text)[0];
  const doi = findDois(text)[0];
  if (!arxiv && !doi) return undefined;
  const cited: CitedPaper = { authors: [], urls: [] };
  if (arxiv) cited.arxiv = arxiv;
  else if (doi) cited.doi = doi;
  return cited;
}
