// Links in text: URLs, GitHub repositories and DOIs, cleaned of the punctuation prose leaves around them.

// A link ends at white space, brackets, quotes, and CJK or full-width punctuation (`。`, `：`, `）`, `“`),
// which Chinese pages write right after a URL without a space.
const CJK_PUNCTUATION = String.raw`\u3000-\u303f\uff00-\uffef\u2018\u2019\u201c\u201d\u2026`;
const URL_PATTERN = new RegExp(String.raw`https?:\/\/[^\s<>"'\`()[\]{}${CJK_PUNCTUATION}]+`, "gi");
const TRAILING_PUNCTUATION = ".,;:!?)]}>'\"*_";
/** DOIs are ASCII: Chinese text or punctuation right after one ends it. */
const DOI_PATTERN = new RegExp(
  String.raw`\b(10\.\d{4,9}\/[^\s"<>${CJK_PUNCTUATION}\u3400-\u9fff]+)`,
  "gi",
);

/** Every http(s) URL in `text`, trailing punctuation removed, in first-seen order without duplicates. */
export function findUrls(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(URL_PATTERN)) {
    const url = trimTrailingPunctuation(match[0]);
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
    const doi = trimTrailingPunctuation(match[1] ?? "").toLowerCase();
    if (doi) found.add(doi);
  }
  return [...found];
}

/** Strip trailing punctuation with a loop: a `[…]+$` pattern backtracks quadratically on long runs. */
function trimTrailingPunctuation(text: string): string {
  let end = text.length;
  while (end > 0 && TRAILING_PUNCTUATION.includes(text[end - 1] ?? "")) end--;
  return text.slice(0, end);
}
