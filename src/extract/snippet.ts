// Evidence snippets: the sentence or clause around a match, so that every mention carries the words
// that created it (never a whole abstract). Sentences end at . ! ? ; in English and 。！？； in Chinese.

/** The longest snippet extract produces, in characters (an ellipsis included). */
export const SNIPPET_MAX_LENGTH = 200;

/** Sentence ends: CJK ones anywhere, Latin ones before white space or the end of the text. */
const SENTENCE_END = /[。！？；\n]|[.!?;](?=\s|$)/g;
/** Words after which a full stop does not end the sentence. */
const ABBREVIATION = /(?:^|[^A-Za-z.])(?:e\.g|i\.e|et al|al|vs|cf|fig|approx|dr|no|etc|[A-Za-z])$/i;

/**
 * Sentence ends of the last text asked about. Extract asks about one text many times in a row
 * (one abstract, several mentions), so one entry is enough.
 */
let lastText: string | undefined;
let lastEnds: number[] = [];

/** The bounds `[start, end)` of the sentence around `text.slice(start, end)`, surrounding spaces trimmed. */
export function findSentenceBounds(text: string, start: number, end: number): [number, number] {
  const ends = listSentenceEnds(text);
  // `ends` holds the index just after each sentence end, ascending.
  let low = 0;
  let high = ends.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((ends[middle] ?? 0) <= start) low = middle + 1;
    else high = middle;
  }
  const from = low > 0 ? (ends[low - 1] ?? 0) : 0;
  let to = text.length;
  for (let i = low; i < ends.length; i++) {
    const after = ends[i] ?? text.length;
    if (after > end) {
      to = after;
      break;
    }
  }
  return trimBounds(text, from, to);
}

/**
 * The words around `text.slice(start, end)`: its sentence when that is short enough, otherwise as
 * many whole clauses around it as fit in `maxLength`, otherwise a window cut at word breaks with `…`.
 * Whitespace is collapsed.
 */
export function snippetAround(
  text: string,
  start: number,
  end: number,
  maxLength = SNIPPET_MAX_LENGTH,
): string {
  const [from, to] = findSentenceBounds(text, start, end);
  if (to - from <= maxLength) return collapseSpace(text.slice(from, to));
  // Clause breaks near the match, as indexes just after each break; clauses further away would
  // not fit anyway.
  const low = Math.max(from, start - maxLength);
  const high = Math.min(to, end + maxLength);
  const breaks: number[] = from >= low ? [from] : [];
  for (let i = low; i < high; i++) if (isClauseEnd(text.charCodeAt(i))) breaks.push(i + 1);
  if (to <= high) breaks.push(to);
  let first = -1;
  for (let k = 0; k < breaks.length && (breaks[k] ?? to) <= start; k++) first = k;
  let last = -1;
  for (let k = breaks.length - 1; k > first && (breaks[k] ?? from) >= end; k--) last = k;
  if (first < 0 || last < 0 || (breaks[last] ?? to) - (breaks[first] ?? from) > maxLength) {
    return cutWindow(text, from, to, start, end, maxLength);
  }
  // Grow clause by clause, the one before first (it usually holds the subject).
  for (let grown = true; grown; ) {
    grown = false;
    if (first > 0 && (breaks[last] ?? to) - (breaks[first - 1] ?? from) <= maxLength - 2) {
      first--;
      grown = true;
    }
    if (
      last < breaks.length - 1 &&
      (breaks[last + 1] ?? to) - (breaks[first] ?? from) <= maxLength - 2
    ) {
      last++;
      grown = true;
    }
  }
  const [clauseFrom, clauseTo] = trimBounds(text, breaks[first] ?? from, breaks[last] ?? to);
  const head = clauseFrom > from ? "…" : "";
  const tail = clauseTo < to ? "…" : "";
  return `${head}${collapseSpace(text.slice(clauseFrom, clauseTo))}${tail}`;
}

/** `text` with whitespace collapsed, cut to `maxLength` characters at a word break with `…`. */
export function clipText(text: string, maxLength = SNIPPET_MAX_LENGTH): string {
  const collapsed = collapseSpace(text);
  if (collapsed.length <= maxLength) return collapsed;
  const cut = collapsed.slice(0, maxLength - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > maxLength / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

function listSentenceEnds(text: string): number[] {
  if (text === lastText) return lastEnds;
  const ends: number[] = [];
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(text); m; m = SENTENCE_END.exec(text)) {
    // "e.g. the", "Fig. 2", "J. Smith": a full stop after an abbreviation or an initial goes on.
    if (m[0] === "." && ABBREVIATION.test(text.slice(Math.max(0, m.index - 6), m.index))) continue;
    ends.push(m.index + 1);
  }
  lastText = text;
  lastEnds = ends;
  return ends;
}

function cutWindow(
  text: string,
  from: number,
  to: number,
  start: number,
  end: number,
  maxLength: number,
): string {
  const budget = Math.max(0, maxLength - 2 - (end - start));
  let left = Math.max(from, start - Math.floor(budget / 2));
  let right = Math.min(to, end + (budget - (start - left)));
  left = Math.max(from, Math.min(left, right - (maxLength - 2)));
  // Cut at word breaks where the text has them (Chinese text has none, and needs none).
  if (left > from) {
    const space = text.indexOf(" ", left);
    if (space !== -1 && space < start && space - left < 20) left = space + 1;
  }
  if (right < to) {
    const space = text.lastIndexOf(" ", right);
    if (space > end && right - space < 20) right = space;
  }
  const head = left > from ? "…" : "";
  const tail = right < to ? "…" : "";
  return `${head}${collapseSpace(text.slice(left, right))}${tail}`;
}

function trimBounds(text: string, from: number, to: number): [number, number] {
  let a = from;
  let b = to;
  while (a < b && isSpace(text.charCodeAt(a))) a++;
  while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
  return [a, b];
}

/** , ， : ： end a clause. */
function isClauseEnd(code: number): boolean {
  return code === 44 || code === 58 || code === 0xff0c || code === 0xff1a;
}

function isSpace(code: number): boolean {
  return (
    code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0 || code === 0x3000
  );
}

function collapseSpace(text: string): string {
  return /\s\s|[\t\n\r]/.test(text) ? text.replace(/\s+/g, " ").trim() : text.trim();
}
