// Words that say what a link is rather than name a paper (`[Paper]`, `[Code & Data]`, `[data viewer]`,
// `[代码]`), read from link-words.json; the subset that labels a link to the paper itself (`[PDF]`,
// `[arXiv]`, `[论文]`) from paper-link-words.json. Both files are `{ "en": [...], "zh": [...] }`.
import linkWords from "./link-words.json" with { type: "json" };
import paperLinkWords from "./paper-link-words.json" with { type: "json" };

interface WordLists {
  en: string[];
  zh: string[];
}

/** Longest phrase of link words read as a link label: longer text is a title or a sentence. */
const MAX_LINK_PHRASE_WORDS = 4;
/** What joins link words in a label: spaces, `|`, `/`, `&`, `+`, `,`, `·`, `-`, `and`, `or`, `和`, `与`. */
const JOINER = /[\s|/&,+·•、\-–—:：()[\]（）]+|\b(?:and|or|for|of)\b|[和与及或]/u;
const HAN = /\p{Script=Han}/u;

const LINK = compile(linkWords);
const PAPER_LINK = compile(paperLinkWords);

function compile(lists: WordLists): { en: Set<string>; zh: string[] } {
  return {
    en: new Set(lists.en.map((word) => word.toLowerCase())),
    // Longest first, so `数据集` is taken before `数据`.
    zh: [...new Set(lists.zh)].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)),
  };
}

/** Whether a text is only link words, or a short phrase of them (`Code & Data`, `data viewer`). */
export function isLinkWords(text: string): boolean {
  return isMadeOf(text, LINK);
}

/** Whether a link text labels the paper itself (`PDF`, `arXiv`, `Paper`, `论文`). */
export function isPaperLinkWords(text: string): boolean {
  return isMadeOf(text, PAPER_LINK);
}

function isMadeOf(text: string, words: { en: Set<string>; zh: string[] }): boolean {
  const parts = text
    .toLowerCase()
    .split(JOINER)
    .filter((part) => part.length > 0);
  if (parts.length === 0 || parts.length > MAX_LINK_PHRASE_WORDS) return false;
  return parts.every((part) => isWord(part, words));
}

function isWord(part: string, words: { en: Set<string>; zh: string[] }): boolean {
  if (words.en.has(part)) return true;
  // A plural (`codes`, `demos`) is the word it is the plural of.
  if (part.length > 3 && part.endsWith("s") && words.en.has(part.slice(0, -1))) return true;
  if (!HAN.test(part)) return false;
  // Chinese writes a label without spaces (`代码链接`): it is link words when nothing else is left.
  let rest = part;
  for (const word of words.zh) if (rest.includes(word)) rest = rest.split(word).join("");
  return rest.length === 0;
}

/** Every link word and phrase, as `normalizeLinkText` leaves it. */
const WHOLE: ReadonlySet<string> = new Set(
  [...linkWords.en, ...linkWords.zh].map((word) => normalizeLinkText(word)),
);

/**
 * True when `text` is a link word or a short phrase of them, once brackets, emoji, punctuation,
 * case and spacing are set aside: `[PDF]`, `📄 Paper`, `Project Page`, `论文链接：`, `data viewer`.
 */
export function isLinkWord(text: string): boolean {
  const normalized = normalizeLinkText(text);
  if (normalized.length === 0 || normalized.length > 40) return false;
  return WHOLE.has(normalized) || isLinkWords(normalized);
}

/** Lower case, with everything but letters, digits and inner spaces removed. */
function normalizeLinkText(text: string): string {
  return text
    .slice(0, 200)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
