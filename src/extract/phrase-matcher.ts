// Many aliases compiled once, then matched in one pass over a text: ASCII phrases as whole-word
// sequences, other phrases (Chinese) as substrings, each kind through one combined regular expression.
// The taxonomy, its exclusion lists and the benchmark gazetteer are all read with it.

/** One phrase to look for and what a match of it stands for. */
export interface PhraseSpec<T> {
  phrase: string;
  value: T;
  /** Match letter case exactly (acronyms such as `RAG`); otherwise ignore case. */
  caseSensitive: boolean;
  /** Let the last word take a plural ending (`agent` → `agents`, `methodology` → `methodologies`). */
  plural: boolean;
}

/** Where a phrase was found: `text.slice(start, end)` is the matched text. */
export interface PhraseMatch<T> {
  start: number;
  end: number;
  value: T;
  phrase: string;
}

export interface PhraseMatcherOptions {
  /**
   * Reject a word match that a hyphen and an upper-case letter or digit continue, so that `MMLU`
   * is not found inside `MMLU-Pro` (a different name), or that a capitalised word and a hyphen
   * open (`FEVER` inside `Ex-FEVER`). Default: false.
   */
  rejectHyphenatedContinuation?: boolean;
}

/** One phrase as compiled: its pattern alone (sticky) and the shorter phrases it starts with. */
interface CompiledPhrase<T> {
  spec: PhraseSpec<T>;
  /** Matches the phrase exactly at `lastIndex`, boundaries included. */
  sticky: RegExp;
  /** Phrases of the same group that match at the start of this one (`agent` in `agent-based`). */
  prefixes: CompiledPhrase<T>[];
  /** A substring phrase with a Latin edge: the combined pattern does not check its word boundary. */
  checkEdges: boolean;
}

/** Phrases of one kind (case-insensitive words, case-sensitive words, substrings) under one pattern. */
interface PhraseGroup<T> {
  pattern: RegExp;
  /** Phrases by their canonical key (see `normalizePhrase`). */
  byKey: Map<string, CompiledPhrase<T>[]>;
  kind: "words" | "cased-words" | "chars";
  /** Every phrase has a non-ASCII character, so ASCII-only text can be skipped. */
  nonAsciiOnly: boolean;
  /** Matched spellings already looked up, and the phrases they stand for. */
  seen: Map<string, readonly CompiledPhrase<T>[]>;
}

/** A compiled set of phrases; build it once with `createPhraseMatcher` and reuse it for every text. */
export interface PhraseMatcher<T> {
  readonly groups: readonly PhraseGroup<T>[];
  readonly rejectHyphenatedContinuation: boolean;
}

/** A phrase made only of ASCII words joined by spaces or hyphens is matched word by word. */
const WORD_PHRASE = /^[A-Za-z0-9]+(?:[\s-]+[A-Za-z0-9]+)*$/;
const WORD = /[A-Za-z0-9]+/g;
/** What may stand between two words of a phrase in the text: spaces and hyphens, a few at most. */
const WORD_SEPARATOR = String.raw`[\s\-\u2010\u2011\u2013]{1,3}`;
const LATIN = /[A-Za-z0-9]/;
const NON_ASCII = /[\u0080-\uffff]/;
const MAX_REMEMBERED_SPELLINGS = 10_000;

/** True when `phrase` is matched word by word (ASCII words), false when it is matched as a substring. */
export function isWordPhrase(phrase: string): boolean {
  return WORD_PHRASE.test(phrase);
}

/**
 * A canonical form of a phrase for lookups and duplicate checks: words lower-cased (unless
 * case-sensitive) and joined by single spaces; substring phrases are returned as written.
 */
export function normalizePhrase(phrase: string, caseSensitive: boolean): string {
  if (!isWordPhrase(phrase)) return phrase;
  const words = phrase.match(WORD) ?? [];
  return (caseSensitive ? words : words.map((word) => word.toLowerCase())).join(" ");
}

/** Compile `specs` into a matcher. Empty phrases are ignored. */
export function createPhraseMatcher<T>(
  specs: readonly PhraseSpec<T>[],
  options: PhraseMatcherOptions = {},
): PhraseMatcher<T> {
  const words: PhraseSpec<T>[] = [];
  const casedWords: PhraseSpec<T>[] = [];
  const chars: PhraseSpec<T>[] = [];
  for (const spec of specs) {
    const phrase = spec.phrase.trim();
    if (!phrase) continue;
    const trimmed = { ...spec, phrase };
    if (!isWordPhrase(phrase)) chars.push(trimmed);
    else if (spec.caseSensitive) casedWords.push(trimmed);
    else words.push(trimmed);
  }
  const groups: PhraseGroup<T>[] = [];
  if (words.length > 0) groups.push(compileGroup(words, "words"));
  if (casedWords.length > 0) groups.push(compileGroup(casedWords, "cased-words"));
  if (chars.length > 0) groups.push(compileGroup(chars, "chars"));
  return {
    groups,
    rejectHyphenatedContinuation: options.rejectHyphenatedContinuation ?? false,
  };
}

/**
 * Every occurrence of every phrase in `text`, overlapping ones included (`agent` and `agent-based`
 * both match at the same place), sorted by position, longest first. Word phrases match whole words
 * only: `RAG` is not found in `drag` or `ragged`. A substring phrase with a Latin letter at an edge
 * (`Agent`) needs a word boundary on that edge.
 */
export function matchPhrases<T>(matcher: PhraseMatcher<T>, text: string): PhraseMatch<T>[] {
  const found: PhraseMatch<T>[] = [];
  const ascii = !NON_ASCII.test(text);
  for (const group of matcher.groups) {
    if (ascii && group.nonAsciiOnly) continue;
    const { pattern } = group;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      // Resume one character on, so that matches starting inside this one are found too.
      pattern.lastIndex = start + 1;
      for (const phrase of lookUp(group, m[0])) {
        if (
          !failsEdges(phrase, text, start) &&
          !isContinuedName(matcher, text, end) &&
          !isPrefixedName(matcher, text, start)
        ) {
          found.push({ start, end, value: phrase.spec.value, phrase: phrase.spec.phrase });
        }
        // Shorter phrases this one starts with match here too (the pattern reports the longest).
        for (const prefix of phrase.prefixes) {
          prefix.sticky.lastIndex = start;
          if (!prefix.sticky.test(text)) continue;
          const prefixEnd = prefix.sticky.lastIndex;
          if (isContinuedName(matcher, text, prefixEnd) || isPrefixedName(matcher, text, start)) {
            continue;
          }
          found.push({
            start,
            end: prefixEnd,
            value: prefix.spec.value,
            phrase: prefix.spec.phrase,
          });
        }
      }
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  return found;
}

function failsEdges<T>(phrase: CompiledPhrase<T>, text: string, start: number): boolean {
  if (!phrase.checkEdges) return false;
  phrase.sticky.lastIndex = start;
  return !phrase.sticky.test(text);
}

/** `FEVER` in `Ex-FEVER`: a hyphen after a word that opens with a capital or digit makes it part of a longer name. */
function isPrefixedName<T>(matcher: PhraseMatcher<T>, text: string, start: number): boolean {
  if (!matcher.rejectHyphenatedContinuation || start < 2 || text.charCodeAt(start - 1) !== 45) {
    return false;
  }
  let from = start - 1;
  while (from > 0 && LATIN.test(text[from - 1] ?? "")) from--;
  return from < start - 1 && /[A-Z0-9]/.test(text[from] ?? "");
}

function isContinuedName<T>(matcher: PhraseMatcher<T>, text: string, end: number): boolean {
  return (
    matcher.rejectHyphenatedContinuation &&
    text.charCodeAt(end) === 45 &&
    /[A-Z0-9]/.test(text[end + 1] ?? "")
  );
}

/** The phrases a matched text can stand for: its canonical key, or a singular of its last word. */
function lookUp<T>(group: PhraseGroup<T>, matched: string): readonly CompiledPhrase<T>[] {
  const cached = group.seen.get(matched);
  if (cached) return cached;
  let phrases: CompiledPhrase<T>[] = [];
  if (group.kind === "chars") phrases = group.byKey.get(matched) ?? [];
  else {
    const key = normalizePhrase(matched, group.kind === "cased-words");
    phrases = group.byKey.get(key) ?? [];
    if (phrases.length === 0) {
      for (const stem of listSingularKeys(key)) {
        for (const phrase of group.byKey.get(stem) ?? [])
          if (phrase.spec.plural) phrases.push(phrase);
      }
    }
  }
  // Spellings repeat across records ("RAG", "multimodal"): remember them, within bounds.
  if (group.seen.size >= MAX_REMEMBERED_SPELLINGS) group.seen.clear();
  group.seen.set(matched, phrases);
  return phrases;
}

function compileGroup<T>(specs: PhraseSpec<T>[], kind: PhraseGroup<T>["kind"]): PhraseGroup<T> {
  const byKey = new Map<string, CompiledPhrase<T>[]>();
  const compiled: CompiledPhrase<T>[] = [];
  const trie = createTrieNode();
  for (const spec of specs) {
    const atoms = kind === "chars" ? [...spec.phrase].map(escapeRegExp) : splitWordAtoms(spec);
    const source =
      kind === "chars" ? writeCharSource(spec.phrase) : String.raw`\b${atoms.join("")}\b`;
    const phrase: CompiledPhrase<T> = {
      spec,
      sticky: new RegExp(source, kind === "words" ? "iy" : "y"),
      prefixes: [],
      checkEdges: kind === "chars" && source !== escapeRegExp(spec.phrase),
    };
    compiled.push(phrase);
    const key = normalizePhrase(spec.phrase, kind !== "words");
    const list = byKey.get(key);
    if (list) list.push(phrase);
    else byKey.set(key, [phrase]);
    insertAtoms(trie, kind === "words" ? atoms.map((atom) => atom.toLowerCase()) : atoms);
  }
  for (const phrase of compiled) {
    const first = phrase.spec.phrase[0]?.toLowerCase();
    for (const other of compiled) {
      if (other === phrase || other.spec.phrase.length >= phrase.spec.phrase.length) continue;
      if (other.spec.phrase[0]?.toLowerCase() !== first) continue;
      other.sticky.lastIndex = 0;
      if (other.sticky.test(phrase.spec.phrase)) phrase.prefixes.push(other);
    }
  }
  const alternatives = writeTrieSource(trie);
  const pattern =
    kind === "chars"
      ? new RegExp(alternatives, "g")
      : new RegExp(String.raw`\b${alternatives}\b`, kind === "words" ? "gi" : "g");
  const nonAsciiOnly = specs.every((spec) => NON_ASCII.test(spec.phrase));
  return { pattern, byKey, kind, nonAsciiOnly, seen: new Map() };
}

/**
 * A word phrase as regular-expression atoms: one per letter, a separator between words, and the
 * plural endings of the last word (`y` → `(?:y|ies)`, otherwise an optional `s`/`es`).
 */
function splitWordAtoms<T>(spec: PhraseSpec<T>): string[] {
  const words = spec.phrase.match(WORD) ?? [];
  const atoms: string[] = [];
  words.forEach((word, index) => {
    if (index > 0) atoms.push(WORD_SEPARATOR);
    atoms.push(...word);
  });
  if (!spec.plural) return atoms;
  const last = atoms[atoms.length - 1] ?? "";
  if (/^y$/i.test(last) && atoms.length > 1) atoms[atoms.length - 1] = `(?:${last}|ies)`;
  else atoms.push("(?:e?s)?");
  return atoms;
}

// The combined pattern is written as a trie (common beginnings shared: `evaluat(?:ion…|ing…)`),
// so that the engine tries each letter once per position rather than once per phrase.
interface TrieNode {
  children: Map<string, TrieNode>;
  terminal: boolean;
  depth: number;
}

function createTrieNode(): TrieNode {
  return { children: new Map(), terminal: false, depth: 0 };
}

function insertAtoms(root: TrieNode, atoms: readonly string[]): void {
  let node = root;
  for (const atom of atoms) {
    let child = node.children.get(atom);
    if (!child) {
      child = createTrieNode();
      node.children.set(atom, child);
    }
    node = child;
  }
  node.terminal = true;
}

/** The trie as a regular expression; at each branch the deepest continuation is tried first. */
function writeTrieSource(node: TrieNode): string {
  const branches = [...node.children].map(([atom, child]) => ({
    source: `${atom}${writeTrieSource(child)}`,
    depth: measureDepth(child),
  }));
  if (branches.length === 0) return "";
  branches.sort((a, b) => b.depth - a.depth || (a.source < b.source ? -1 : 1));
  const body = branches.map((branch) => branch.source).join("|");
  if (node.terminal) return `(?:${body})?`;
  return branches.length === 1 ? body : `(?:${body})`;
}

function measureDepth(node: TrieNode): number {
  if (node.depth > 0) return node.depth;
  let deepest = 0;
  for (const child of node.children.values()) deepest = Math.max(deepest, measureDepth(child));
  node.depth = deepest + 1;
  return node.depth;
}

/** A substring phrase; a Latin letter at an edge must not continue a Latin word. */
function writeCharSource(phrase: string): string {
  const head = LATIN.test(phrase[0] ?? "") ? "(?<![A-Za-z0-9])" : "";
  const tail = LATIN.test(phrase[phrase.length - 1] ?? "") ? "(?![A-Za-z0-9])" : "";
  return `${head}${escapeRegExp(phrase)}${tail}`;
}

/** The keys a plural last word may come from: `agents` → `agent`, `methodologies` → `methodology`. */
function listSingularKeys(key: string): string[] {
  const keys: string[] = [];
  if (/ies$/i.test(key)) keys.push(`${key.slice(0, -3)}${key.endsWith("IES") ? "Y" : "y"}`);
  if (/es$/i.test(key)) keys.push(key.slice(0, -2));
  if (/s$/i.test(key)) keys.push(key.slice(0, -1));
  return keys;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
