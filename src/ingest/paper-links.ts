// What a link in a curated list or a saved page points at: a paper by identifier (arXiv, DOI, ACL
// Anthology, PubMed, OpenReview), a paper on a publisher's site, code, or page furniture (anchors,
// badges, images, social profiles) that never names a paper. Shared by the awesome-list and
// paper-page adapters.
import { findArxivIds } from "../extract/arxiv-id.ts";
import { findDois, parseGithubRepo } from "../extract/links.ts";
import { arxivIdOfDoi } from "./text-utils.ts";

/**
 * `paper` is a paper's page without an identifier we read (a publisher's article page, a PDF);
 * `code` a repository or model page; `other` any other page (a project site); `chrome` a link that
 * never names a paper (an anchor, an image, a badge, a profile, a licence).
 */
export type LinkKind =
  | "arxiv"
  | "doi"
  | "acl"
  | "pmid"
  | "openreview"
  | "paper"
  | "code"
  | "other"
  | "chrome";

/** One link, classified, with the identifier it carries when it carries one. */
export interface ClassifiedLink {
  url: string;
  kind: LinkKind;
  id?: string;
}

/** ACL Anthology ids: new style `2023.findings-emnlp.123`, old style `P19-1001`. */
const ACL_NEW = /^(\d{4}\.[a-z0-9]+(?:-[a-z0-9]+)*\.\d+)$/i;
const ACL_OLD = /^([a-z]\d{2}-\d{4})$/i;
const ACL_URL =
  /^https?:\/\/(?:www\.)?(?:aclanthology\.org|aclweb\.org\/anthology)\/([^/?#\s]+?)(?:\.pdf|\.bib)?\/?(?:[?#].*)?$/i;
const PUBMED_URL =
  /^https?:\/\/(?:www\.)?(?:pubmed\.ncbi\.nlm\.nih\.gov\/|ncbi\.nlm\.nih\.gov\/pubmed\/)(\d{1,9})\b/i;
const OPENREVIEW_URL =
  /^https?:\/\/(?:www\.)?openreview\.net\/(?:forum|pdf|attachment)\?(?:[^#\s]*&)?id=([A-Za-z0-9_-]{4,})/i;
const HF_PAPER_URL = /^https?:\/\/(?:www\.)?huggingface\.co\/papers\/(\d{4}\.\d{4,5})/i;

/** Hosts whose links are page furniture: badges, counters, social profiles, chat invitations. */
const CHROME_HOSTS = [
  "img.shields.io",
  "shields.io",
  "badgen.net",
  "badge.fury.io",
  "awesome.re",
  "star-history.com",
  "api.star-history.com",
  "contrib.rocks",
  "visitor-badge.laobi.icu",
  "visitor-badge.glitch.me",
  "komarev.com",
  "hits.seeyoufarm.com",
  "hitscounter.dev",
  "twitter.com",
  "x.com",
  "discord.gg",
  "discord.com",
  "t.me",
  "linkedin.com",
  "facebook.com",
  "weibo.com",
  "buymeacoffee.com",
  "ko-fi.com",
  "patreon.com",
  "opensource.org",
  "creativecommons.org",
  "forthebadge.com",
  "user-images.githubusercontent.com",
  "raw.githubusercontent.com",
  "camo.githubusercontent.com",
  "private-user-images.githubusercontent.com",
];

/** Hosts of publishers and proceedings: a link there is a paper even without an identifier we read. */
const PAPER_HOSTS = [
  "semanticscholar.org",
  "dl.acm.org",
  "ieeexplore.ieee.org",
  "nature.com",
  "sciencedirect.com",
  "springer.com",
  "proceedings.neurips.cc",
  "papers.nips.cc",
  "papers.neurips.cc",
  "neurips.cc",
  "openaccess.thecvf.com",
  "proceedings.mlr.press",
  "ojs.aaai.org",
  "ijcai.org",
  "medrxiv.org",
  "biorxiv.org",
  "chemrxiv.org",
  "ssrn.com",
  "aaai.org",
  "jmlr.org",
  "computer.org",
  "jmir.org",
  "thelancet.com",
  "nejm.org",
  "bmj.com",
  "jamanetwork.com",
  "academic.oup.com",
  "pnas.org",
  "science.org",
  "cell.com",
  "frontiersin.org",
  "mdpi.com",
  "onlinelibrary.wiley.com",
  "tandfonline.com",
  "journals.plos.org",
  "europepmc.org",
  "ncbi.nlm.nih.gov",
  "researchgate.net",
  "paperswithcode.com",
  "aclanthology.org",
  "openreview.net",
  "arxiv.org",
];

/** Hosts of code and models. */
const CODE_HOSTS = ["github.com", "gitlab.com", "huggingface.co", "bitbucket.org", "gitee.com"];

/** GitHub pages of a repository that are not its code: its stars, contributors, issues, licence. */
const GITHUB_CHROME_PATH =
  /^\/[^/]+\/[^/]+\/(?:stargazers|graphs|network|issues|pulls|discussions|fork|watchers|actions|wiki|compare)\b|\/(?:CONTRIBUTING|LICENSE|LICENCE|CODE_OF_CONDUCT)(?:\.md|\.txt)?$/i;
const IMAGE_PATH = /\.(?:png|jpe?g|gif|svg|webp|bmp|ico)(?:[?#].*)?$/i;

/** Classify one URL (absolute or not). Anchors, relative paths and `mailto:` are chrome. */
export function classifyLink(url: string): ClassifiedLink {
  const trimmed = url.trim();
  if (!/^https?:\/\//i.test(trimmed)) return { url: trimmed, kind: "chrome" };
  const host = readHost(trimmed);
  const path = readPath(trimmed);
  if (matchesHost(host, CHROME_HOSTS) || IMAGE_PATH.test(path))
    return { url: trimmed, kind: "chrome" };

  const arxiv = findArxivIds(trimmed)[0] ?? HF_PAPER_URL.exec(trimmed)?.[1];
  if (arxiv && (host.endsWith("arxiv.org") || host.endsWith("huggingface.co"))) {
    return { url: trimmed, kind: "arxiv", id: arxiv };
  }
  const acl = readAclId(trimmed);
  if (acl) return { url: trimmed, kind: "acl", id: acl };
  const pmid = PUBMED_URL.exec(trimmed)?.[1];
  if (pmid) return { url: trimmed, kind: "pmid", id: pmid };
  const openreview = OPENREVIEW_URL.exec(trimmed)?.[1];
  if (openreview) return { url: trimmed, kind: "openreview", id: openreview };
  const doi = findDois(trimmed)[0];
  if (doi) {
    const fromArxiv = arxivIdOfDoi(doi);
    return fromArxiv
      ? { url: trimmed, kind: "arxiv", id: fromArxiv }
      : { url: trimmed, kind: "doi", id: doi };
  }

  if (host === "github.com" || host === "www.github.com") {
    if (GITHUB_CHROME_PATH.test(path) || !parseGithubRepo(trimmed)) {
      return { url: trimmed, kind: "chrome" };
    }
    return { url: trimmed, kind: "code" };
  }
  if (matchesHost(host, CODE_HOSTS)) return { url: trimmed, kind: "code" };
  if (matchesHost(host, PAPER_HOSTS) || /\.pdf$/i.test(path))
    return { url: trimmed, kind: "paper" };
  return { url: trimmed, kind: "other" };
}

/** Whether a link kind names a paper (by identifier or on a publisher's site). */
export function isPaperLinkKind(kind: LinkKind): boolean {
  return kind !== "code" && kind !== "other" && kind !== "chrome";
}

/**
 * The ACL Anthology id of a link or a bare id, normalised (`2023.Findings-EMNLP.123` →
 * `2023.findings-emnlp.123`, `p19-1001` → `P19-1001`). Undefined for anything else, including the
 * Anthology's volume and event pages.
 */
export function readAclId(input: string): string | undefined {
  const trimmed = input.trim();
  const fromUrl = ACL_URL.exec(trimmed)?.[1];
  return normalizeAclId(fromUrl ?? trimmed);
}

/** An ACL Anthology id in its canonical case, or undefined when `id` is not one. */
export function normalizeAclId(id: string): string | undefined {
  const trimmed = id.trim().replace(/\.pdf$/i, "");
  if (ACL_NEW.test(trimmed)) return trimmed.toLowerCase();
  if (ACL_OLD.test(trimmed)) return trimmed.toUpperCase();
  return undefined;
}

/** The PubMed id of a PubMed link, or undefined. */
export function readPubmedId(url: string): string | undefined {
  return PUBMED_URL.exec(url.trim())?.[1];
}

/** The OpenReview forum id of an OpenReview link (`forum?id=…`, `pdf?id=…`), or undefined. */
export function readOpenReviewId(url: string): string | undefined {
  return OPENREVIEW_URL.exec(url.trim())?.[1];
}

function readHost(url: string): string {
  const match = /^https?:\/\/([^/?#:]+)/i.exec(url);
  return (match?.[1] ?? "").toLowerCase();
}

function readPath(url: string): string {
  const match = /^https?:\/\/[^/?#]+([^?#]*)/i.exec(url);
  return match?.[1] ?? "";
}

function matchesHost(host: string, hosts: readonly string[]): boolean {
  return hosts.some((candidate) => host === candidate || host.endsWith(`.${candidate}`));
}
