// Negated mentions: a digest site's category reason often says what a paper is *not* about
// ("而不是理论研究或Agent、RAG相关的研究", "rather than agents"). Such words are no evidence of a topic.

/**
 * Where a negation's reach ends: the clause or sentence, in either language (.;!?,: 。；！？，：), as
 * a table by code unit (read for every character around every mention).
 */
const CLAUSE_BREAKS = new Uint8Array(0x10000);
for (const char of ".;!?,:\n。；！？，：") CLAUSE_BREAKS[char.charCodeAt(0)] = 1;
const MAX_REACH = 120;
/** Words that start a new, positive statement inside a clause ("不是A而是B", "not A but B"). */
const CONTRAST = /而是|但是|\bbut\b|\binstead\b|\bhowever\b/gi;
/** Cues before a mention that deny it, up to the start of its clause. */
const NEGATION_BEFORE =
  /不是|而非|并非|并不|不属于|不涉及|不包括|不包含|不关注|未涉及|没有|无关|排除|\b(?:not|no|rather than|instead of|without|unlike|neither|nor|except|other than|excluding)\b|n't\b/i;
/** Cues after a mention, within its clause ("与RAG无关", "agents are not involved"). */
const NEGATION_AFTER =
  /无关|不相关|不涉及|除外|\b(?:is|are|was|were)\s+not\b|\bnot\s+(?:involved|considered|covered|used)\b/i;

/**
 * True when the mention at `text.slice(start, end)` is denied by a negation cue in its clause:
 * before it (`而不是…`, `not`, `rather than`, `without`) unless a contrast (`而是`, `but`) intervenes,
 * or after it (`…无关`, `… is not`). Clauses end at , ; : and sentence ends, in both languages.
 */
export function isNegated(text: string, start: number, end: number): boolean {
  // A clause longer than this is cut: cues further away are not about the mention.
  let clauseStart = Math.max(0, start - MAX_REACH);
  for (let i = start - 1; i >= clauseStart; i--) {
    if (CLAUSE_BREAKS[text.charCodeAt(i)] === 1) {
      clauseStart = i + 1;
      break;
    }
  }
  let before = text.slice(clauseStart, start);
  if (NEGATION_BEFORE.test(before)) {
    // Only the words after the last contrast deny the mention.
    let lastContrast = -1;
    for (const match of before.matchAll(CONTRAST)) lastContrast = match.index + match[0].length;
    if (lastContrast >= 0) before = before.slice(lastContrast);
    if (NEGATION_BEFORE.test(before)) return true;
  }

  let clauseEnd = Math.min(text.length, end + MAX_REACH);
  for (let i = end; i < clauseEnd; i++) {
    if (CLAUSE_BREAKS[text.charCodeAt(i)] === 1) {
      clauseEnd = i;
      break;
    }
  }
  return NEGATION_AFTER.test(text.slice(end, clauseEnd));
}
