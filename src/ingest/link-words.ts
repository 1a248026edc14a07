// Link words: the text of a link that names what it points at ("PDF", "Code", "论文链接"), never a
// paper's title. The words are data (link-words.json, by language); this module only matches them.
import LINK_WORDS from "./link-words.json" with { type: "json" };

const WORDS: ReadonlySet<string> = new Set(
  [...LINK_WORDS.en, ...LINK_WORDS.zh].map((word) => normalizeLinkText(word)),
);

/**
 * True when `text` is only a link word, once brackets, emoji, punctuation, case and spacing are
 * set aside: `[PDF]`, `📄 Paper`, `Project Page`, `论文链接：`, `arXiv`.
 */
export function isLinkWord(text: string): boolean {
  const normalized = normalizeLinkText(text);
  return normalized.length > 0 && normalized.length <= 40 && WORDS.has(normalized);
}

/** Lower case, with everything but letters, digits and inner spaces removed. */
function normalizeLinkText(text: string): string {
  return text
    .slice(0, 200)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
