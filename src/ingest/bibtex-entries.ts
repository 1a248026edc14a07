// Cutting a .bib file into its `@type{…}` blocks before they are parsed one by one: each block keeps
// its line, so a broken entry is reported where it starts and cannot swallow the entries after it.
// One linear pass over the text; braces are counted as BibTeX counts them (`\{` is escaped).

/** One piece of a .bib file: an `@type{…}` block, or text found between blocks. */
export type BibtexBlock =
  | {
      kind: "entry";
      /** The entry type in lower case: `article`, `string`, `comment`, … */
      type: string;
      text: string;
      /** 1-based line of the `@`. */
      line: number;
      /** Line of the closing brace, or of the last line the block reached when it is unclosed. */
      endLine: number;
      /** False when the file ended, or a new `@type{` line began, before the closing brace. */
      closed: boolean;
    }
  | { kind: "stray"; text: string; line: number };

const ENTRY_START = /@[ \t]*([A-Za-z][\w-]*)[ \t\n]*([{(])/y;
/** A line that opens a new entry: where an unclosed entry is taken to end. */
const LINE_ENTRY_START = /[ \t]*@[ \t]*[A-Za-z][\w-]*[ \t]*[{(]/y;
const BARE_COMMENT = /@[ \t]*comment\b/iy;

/**
 * Split `text` into entry blocks and stray text. Text outside entries is `stray` unless it is blank
 * or only `%` comment lines (which .bib files use for headers); a bare `@comment` without braces
 * runs to the end of its line. An entry whose braces never close ends before the next line that
 * starts with `@type{`, or at the end of the text.
 */
export function splitBibtexBlocks(text: string): BibtexBlock[] {
  const blocks: BibtexBlock[] = [];
  let position = 0;
  let line = 1;
  let strayStart = 0;
  let strayLine = 1;

  const flushStray = (end: number): void => {
    const stray = text.slice(strayStart, end);
    const meaningful = stray
      .split("\n")
      .map((piece, offset) => ({ piece: piece.trim(), offset }))
      .find(({ piece }) => piece.length > 0 && !piece.startsWith("%"));
    if (meaningful) {
      blocks.push({
        kind: "stray",
        text: stray.trim(),
        line: strayLine + meaningful.offset,
      });
    }
  };

  while (position < text.length) {
    const at = text.indexOf("@", position);
    if (at < 0) break;
    line += countNewlines(text, position, at);
    position = at;
    ENTRY_START.lastIndex = at;
    const start = ENTRY_START.exec(text);
    if (!start) {
      BARE_COMMENT.lastIndex = at;
      if (BARE_COMMENT.test(text)) {
        // `@comment` without braces: the rest of the line is a comment.
        flushStray(at);
        const end = text.indexOf("\n", at);
        position = end < 0 ? text.length : end;
        strayStart = position;
        strayLine = line;
      } else {
        position = at + 1;
      }
      continue;
    }
    flushStray(at);
    const type = (start[1] ?? "").toLowerCase();
    const opener = start[2] === "(" ? "(" : "{";
    const entryLine = line;
    const scanned = scanEntry(text, at + start[0].length, opener);
    const linesInside = countNewlines(text, at, scanned.end);
    blocks.push({
      kind: "entry",
      type,
      text: text.slice(at, scanned.end),
      line: entryLine,
      endLine:
        entryLine + linesInside - (scanned.closed ? 0 : countTrailingNewline(text, scanned.end)),
      closed: scanned.closed,
    });
    line += linesInside;
    position = scanned.end;
    strayStart = position;
    strayLine = line;
  }
  flushStray(text.length);
  return blocks;
}

/**
 * Scan an entry's body from just after its opening delimiter. Returns the index just past the
 * closing delimiter, or, for an unclosed entry, the start of the line that opens the next entry
 * (or the end of the text).
 */
function scanEntry(
  text: string,
  from: number,
  opener: "{" | "(",
): { end: number; closed: boolean } {
  // Depth of braces inside the entry; a `{…}` entry closes when its own brace closes (depth -1).
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const char = text[i];
    if (char === "\\") {
      i++;
      continue;
    }
    if (char === "{") depth++;
    else if (char === "}") {
      depth--;
      if (opener === "{" && depth < 0) return { end: i + 1, closed: true };
    } else if (char === ")" && opener === "(" && depth === 0) {
      return { end: i + 1, closed: true };
    } else if (char === "\n") {
      LINE_ENTRY_START.lastIndex = i + 1;
      if (LINE_ENTRY_START.test(text)) return { end: i + 1, closed: false };
    }
  }
  return { end: text.length, closed: false };
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) count++;
  return count;
}

/** 1 when an unclosed block stopped just after a line end (that line belongs to the next entry). */
function countTrailingNewline(text: string, end: number): number {
  return end > 0 && text.charCodeAt(end - 1) === 10 ? 1 : 0;
}
