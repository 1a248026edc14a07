// Repository mentions: GitHub repositories a record links to (its `urls` and the links in its
// abstracts and summary), each with the sentence that gives the link.
import type { PaperRecord } from "../ingest/types.ts";
import { findUrls, parseGithubRepo } from "./links.ts";
import { clipText, snippetAround } from "./snippet.ts";
import type { RepoMention } from "./types.ts";

/**
 * The GitHub repositories of a record, one per `owner/name` (lower-cased), in order: `record.urls`
 * first, then links in abstract, abstractZh and summary. The evidence is the sentence in which the
 * link appears, or the URL itself when the record's text does not contain it.
 */
export function findRepos(record: PaperRecord): RepoMention[] {
  const texts = [record.abstract, record.abstractZh, record.summary].filter(
    (text): text is string => Boolean(text),
  );
  const urls = [...record.urls, ...texts.flatMap((text) => findUrls(text))];
  const mentions = new Map<string, RepoMention>();
  for (const url of urls) {
    const repo = parseGithubRepo(url);
    if (!repo || mentions.has(repo)) continue;
    mentions.set(repo, {
      repo,
      url,
      evidence: { source: record.source, snippet: findLinkSnippet(texts, repo, url) },
    });
  }
  return [...mentions.values()];
}

/** The sentence around the first link to `repo` in `texts` (the URL may be written differently there). */
function findLinkSnippet(texts: readonly string[], repo: string, url: string): string {
  for (const text of texts) {
    for (const written of findUrls(text)) {
      if (parseGithubRepo(written) !== repo) continue;
      const at = text.indexOf(written);
      return snippetAround(text, at, at + written.length);
    }
  }
  return clipText(url);
}
