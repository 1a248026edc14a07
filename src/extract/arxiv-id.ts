// arXiv identifiers: find them in text and URLs and normalise them (version stripped).
// Shared by the ingest adapters (which fill `PaperRecord.arxiv`) and the extractors.

/** New-style ids (0704.0001 onwards: YYMM.NNNN or YYMM.NNNNN) and old-style ids (hep-th/9901001). */
const NEW_STYLE = String.raw`\d{4}\.\d{4,5}`;
const OLD_STYLE = String.raw`[a-z-]+(?:\.[A-Z]{2})?\/\d{7}`;
const VERSION = String.raw`(?:v\d+)?`;

/**
 * A field label that names an arXiv id: `arXiv:`, `arXiv ID:`, `Paper ID:`, `论文ID：`, with the
 * Markdown bold a page may wrap around it (`**论文ID:** 2508.03694v1`). A Paper ID only counts
 * when its value is arXiv-shaped (the id patterns below check that).
 */
const ID_LABEL = String.raw`(?:arxiv|(?:arxiv|paper|论文)\s*id)\s*\**\s*[:：]\s*\**\s*`;

/** An arXiv link (abs, pdf, html) or an id after an arXiv id label. */
const ARXIV_REFERENCE = new RegExp(
  String.raw`(?:arxiv\.org\/(?:abs|pdf|html)\/|${ID_LABEL})(${NEW_STYLE}|${OLD_STYLE})${VERSION}(?:\.pdf)?`,
  "gi",
);

const BARE_ID = new RegExp(String.raw`^(?:arxiv:\s*)?(${NEW_STYLE}|${OLD_STYLE})${VERSION}$`, "i");

/**
 * Normalise an arXiv id or URL to the id without version (`2311.05112v7` → `2311.05112`).
 * Returns undefined when the input is not an arXiv id. A new-style id is checked for a plausible
 * month (01–12), so that a number such as `2024.1234` is not taken for one.
 */
export function normalizeArxivId(input: string): string | undefined {
  const trimmed = input.trim();
  const fromUrl = findArxivIds(trimmed)[0];
  if (fromUrl) return fromUrl;
  const match = BARE_ID.exec(trimmed);
  if (!match?.[1]) return undefined;
  return isPlausible(match[1]) ? match[1] : undefined;
}

/** All arXiv ids referenced by links or `arXiv:` prefixes in `text`, versions stripped, first-seen order. */
export function findArxivIds(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(ARXIV_REFERENCE)) {
    const id = match[1];
    if (id && isPlausible(id)) found.add(id);
  }
  return [...found];
}

/** The year an arXiv id was submitted in (new-style ids only): `2311.05112` → 2023. */
export function yearOfArxivId(id: string): number | undefined {
  const match = /^(\d{2})(\d{2})\.\d{4,5}$/.exec(id);
  if (!match?.[1]) return undefined;
  return 2000 + Number(match[1]);
}

function isPlausible(id: string): boolean {
  const match = /^(\d{2})(\d{2})\.(\d{4,5})$/.exec(id);
  if (!match) return id.includes("/");
  const month = Number(match[2]);
  // Five-digit numbers start in 2015 (1501.00001).
  const fiveDigits = (match[3] ?? "").length === 5;
  return month >= 1 && month <= 12 && (!fiveDigits || Number(match[1]) >= 15);
}
