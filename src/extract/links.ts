// Links in text: URLs, GitHub repositories and DOIs, cleaned of the punctuation prose leaves around them.

const URL_PATTERN = /https?:\/\/[^\s<>"'`()（）[\]{}，。；、]+/gi;
const TRAILING_PUNCTUATION = /[.,;:!?)\]}>'"*_]+$/;
const DOI_PATTERN = /\b(10\.\d{4,9}\/[^\s"<>]+)/gi;

/** Every http(s) URL in `text`, trailing punctuation removed, in first-seen order without duplicates. */
export function findUrls(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(URL_PATTERN)) {
    const url = match[0].replace(TRAILING_PUNCTUATION, "");
    if (url.length > "https://".length) found.add(url);
  }
  return [...found];
}

/** GitHub paths that name a site page rather than a repository owner. */
const GITHUB_NON_OWNERS = new Set([
  "about",
  "apps",
  "collections",
  "features",
  "marketplace",
  "orgs",
  "pricing",
  "settings",
  "site",
  "sponsors",
  "topics",
  "users",
]);

/**
 * The repository a GitHub URL points into, as `owner/name` in lower case
 * (`https://github.com/AI-in-Health/MedLLMsPracticalGuide/tree/main` → `ai-in-health/medllmspracticalguide`).
 */
export function parseGithubRepo(url: string): string | undefined {
  const match = /^https?:\/\/(?:www\.)?github\.com\/([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)/i.exec(
    url,
  );
  if (!match?.[1] || !match[2]) return undefined;
  const owner = match[1].toLowerCase();
  const name = match[2]
    .replace(/\.git$/i, "")
    .replace(/\.+$/, "")
    .toLowerCase();
  if (!name || GITHUB_NON_OWNERS.has(owner)) return undefined;
  return `${owner}/${name}`;
}

/** DOIs in `text` (bare or inside doi.org links), lower-cased, trailing punctuation removed. */
export function findDois(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(DOI_PATTERN)) {
    const doi = (match[1] ?? "").replace(TRAILING_PUNCTUATION, "").toLowerCase();
    if (doi) found.add(doi);
  }
  return [...found];
}
