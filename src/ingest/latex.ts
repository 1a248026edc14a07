// LaTeX accents in plain metadata: arXiv's own records write names and titles with TeX accents
// (`Bal\'azs`, `M{\"u}ller`, `{\ss}`). This turns them into Unicode; everything else is left as written.

/** Accents written with a symbol: `\"u`, `\'{e}`, `\^o`. */
const SYMBOL_ACCENTS: Record<string, string> = {
  '"': "\u0308",
  "'": "\u0301",
  "`": "\u0300",
  "^": "\u0302",
  "~": "\u0303",
  "=": "\u0304",
  ".": "\u0307",
};

/** Accents written with a letter, which needs a brace or a space before its base: `\c{c}`, `\v s`. */
const LETTER_ACCENTS: Record<string, string> = {
  c: "\u0327",
  v: "\u030c",
  u: "\u0306",
  H: "\u030b",
  k: "\u0328",
  r: "\u030a",
  d: "\u0323",
  b: "\u0331",
};

/** Letters that are commands of their own: `{\ss}`, `\o`, `\aa`. */
const LETTER_COMMANDS: Record<string, string> = {
  ss: "ß",
  o: "ø",
  O: "Ø",
  aa: "å",
  AA: "Å",
  ae: "æ",
  AE: "Æ",
  oe: "œ",
  OE: "Œ",
  l: "ł",
  L: "Ł",
  i: "ı",
  j: "ȷ",
};

const SYMBOL_ACCENT =
  /\\(["'`^~=.])[ \t]*(?:\{[ \t]*(\\[ij]|[A-Za-z])[ \t]*\}|(\\[ij](?![A-Za-z])|[A-Za-z]))/g;
const LETTER_ACCENT = /\\([cvuHkrdb])(?:[ \t]*\{[ \t]*(\\[ij]|[A-Za-z])[ \t]*\}|[ \t]+([A-Za-z]))/g;
/** TeX eats one space after a control word (`\o ther` is `øther`); `{}` ends it too. */
const LETTER_COMMAND = /\\(ss|aa|AA|ae|AE|oe|OE|o|O|l|L|i|j)(?![A-Za-z])(?:\{\}|[ \t])?/g;
/** A decoded (non-ASCII) letter left in braces: `M{ü}ller`. `\cite{x}` keeps its braces. */
const BRACED_LETTER = /\{(\P{ASCII}\p{M}*)\}/gu;
const ESCAPED = /\\([&%$#_])/g;

/**
 * Replace LaTeX accent commands with the accented letters (`Bal\'azs` → `Balázs`, `{\"O}zt{\"u}rk`
 * → `Öztürk`, `{\ss}` → `ß`), unescape `\&`, `\%`, `\$`, `\#`, `\_`, and return NFC text. Math and
 * other commands are kept as written. Text without a backslash is returned as it is.
 */
export function decodeLatexAccents(text: string): string {
  if (!text.includes("\\")) return text;
  const decoded = text
    .replace(SYMBOL_ACCENT, (whole, accent: string, braced?: string, bare?: string) =>
      combine(whole, baseLetter(braced ?? bare), SYMBOL_ACCENTS[accent]),
    )
    .replace(LETTER_ACCENT, (whole, accent: string, braced?: string, bare?: string) =>
      combine(whole, baseLetter(braced ?? bare), LETTER_ACCENTS[accent]),
    )
    .replace(LETTER_COMMAND, (_, name: string) => LETTER_COMMANDS[name] ?? name)
    .replace(BRACED_LETTER, "$1")
    .replace(ESCAPED, "$1");
  return decoded.normalize("NFC");
}

/** `\i` and `\j` are dotless letters that take an accent (`\'{\i}` → í). */
function baseLetter(letter: string | undefined): string | undefined {
  if (letter === "\\i") return "i";
  if (letter === "\\j") return "j";
  return letter;
}

function combine(whole: string, letter: string | undefined, mark: string | undefined): string {
  return letter && mark ? `${letter}${mark}`.normalize("NFC") : whole;
}
