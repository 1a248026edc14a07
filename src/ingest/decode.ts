// First step of ingest: the bytes of one file become a SourceDocument (text with BOM removed and
// line ends normalised to `\n`), or a reason to skip the file (empty, binary).
import { createDiagnostic, type Diagnostic } from "../diagnostics.ts";
import type { InputFile, SourceDocument } from "./types.ts";

/** What `decodeInput` made of a file: a document, or the reason it was skipped. */
export type DecodeResult =
  | { ok: true; doc: SourceDocument; diagnostics: Diagnostic[] }
  | { ok: false; reason: string; code: string; diagnostics: Diagnostic[] };

/** How many leading bytes (or characters, for UTF-16) are inspected for binary content. */
const SNIFF_LENGTH = 8192;

/**
 * Above this share of control characters (other than tab, line ends, form feed, escape) in the
 * inspected prefix, a file is taken for binary. Text rarely has any; binary formats have many.
 */
const CONTROL_SHARE_LIMIT = 0.1;

/**
 * A file that is mostly valid UTF-8 but has a few broken bytes stays UTF-8: valid multi-byte
 * characters must outnumber the broken ones by this factor. GBK text read as UTF-8 is nearly
 * all broken sequences.
 */
const UTF8_MAJORITY_FACTOR = 10;

/**
 * Share of CJK characters among the non-ASCII characters that a GB18030 reading must reach to be
 * believed. GB18030 accepts many byte sequences, so Latin-1 text would otherwise "decode" as
 * Chinese nonsense.
 */
const GB18030_CJK_SHARE = 0.5;

/** Signatures of common binary formats that carry no NUL byte early on (PDF headers, images, archives). */
const BINARY_SIGNATURES: ReadonlyArray<{ name: string; bytes: readonly number[] }> = [
  { name: "PDF", bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { name: "PNG", bytes: [0x89, 0x50, 0x4e, 0x47] },
  { name: "JPEG", bytes: [0xff, 0xd8, 0xff] },
  { name: "GIF", bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: "ZIP", bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: "gzip", bytes: [0x1f, 0x8b] },
];

type Bom = "utf-8" | "utf-16le" | "utf-16be";

/**
 * Decode the bytes of one file. Detects, in this order: an empty file; a UTF-8 or UTF-16 BOM, or
 * UTF-16 without one, told by zero bytes at one parity (info `decoded-utf16`);
 * binary content (a NUL byte in the first 8 KB not explained by a UTF-16 BOM, a known binary
 * signature, or more than 10% control characters); then reads the bytes as UTF-8, falling back to
 * GB18030 (info `decoded-gb18030`) and finally to UTF-8 with replacement characters (warning
 * `invalid-utf8`). A file that is only whitespace is skipped as `empty-file`. Linear in the file
 * size; never throws on bad bytes.
 */
export function decodeInput(file: InputFile): DecodeResult {
  const { id, bytes } = file;
  if (bytes.length === 0) return skip(id, "empty-file", "the file is empty (0 bytes)");

  const bom = detectBom(bytes);
  const diagnostics: Diagnostic[] = [];
  let text: string;
  let encoding: string;
  // A UTF-8 byte-order mark settles the encoding: its zero bytes make the file binary, not UTF-16.
  const utf16 =
    bom === "utf-16le" || bom === "utf-16be" ? bom : bom ? undefined : detectBomlessUtf16(bytes);

  if (utf16) {
    text = new TextDecoder(utf16).decode(bytes);
    encoding = utf16;
    if (hasBinaryCharacters(text)) {
      return skip(id, "binary-file", `the ${utf16} text holds NUL or control characters`);
    }
    if (!bom) {
      diagnostics.push(
        createDiagnostic(
          id,
          "info",
          "decoded-utf16",
          `ingest: the file has no byte-order mark; its zero bytes show ${utf16} text, read as such`,
        ),
      );
    }
  } else {
    const binary = describeBinary(bytes);
    if (binary) return skip(id, "binary-file", binary);
    const decoded = decodeEightBit(id, bytes, bom === "utf-8", diagnostics);
    text = decoded.text;
    encoding = decoded.encoding;
  }

  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.includes("\r")) text = text.replace(/\r\n?/g, "\n");
  if (!/\S/.test(text)) {
    return skip(id, "empty-file", "the file holds only whitespace", diagnostics);
  }
  return { ok: true, doc: { id, text, encoding }, diagnostics };
}

function skip(
  file: string,
  code: string,
  reason: string,
  earlier: Diagnostic[] = [],
): DecodeResult {
  const severity = code === "empty-file" ? "info" : "warning";
  const diagnostic = createDiagnostic(file, severity, code, `ingest: skipped, ${reason}`);
  return { ok: false, reason, code, diagnostics: [...earlier, diagnostic] };
}

function detectBom(bytes: Uint8Array): Bom | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return undefined;
}

/**
 * Share of zero bytes at one parity (and almost none at the other) that marks BOM-less UTF-16: text
 * mostly in ASCII or Latin-1 has a zero high byte in every code unit. A binary file has zeros at
 * both parities.
 */
const UTF16_ZERO_SHARE = 0.3;
const UTF16_OTHER_ZERO_SHARE = 0.02;

/**
 * UTF-16 without a byte-order mark, told by its zero bytes: little-endian when they fall on odd
 * offsets, big-endian when on even ones. Undefined for anything else.
 */
function detectBomlessUtf16(bytes: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  const length = Math.min(bytes.length, SNIFF_LENGTH) & ~1;
  if (length < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < length; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const units = length / 2;
  if (oddZeros / units >= UTF16_ZERO_SHARE && evenZeros / units <= UTF16_OTHER_ZERO_SHARE) {
    return "utf-16le";
  }
  if (evenZeros / units >= UTF16_ZERO_SHARE && oddZeros / units <= UTF16_OTHER_ZERO_SHARE) {
    return "utf-16be";
  }
  return undefined;
}

/** Why the bytes look binary, or undefined when they look like text. */
function describeBinary(bytes: Uint8Array): string | undefined {
  for (const signature of BINARY_SIGNATURES) {
    if (signature.bytes.every((byte, i) => bytes[i] === byte)) {
      return `the file starts with a ${signature.name} signature`;
    }
  }
  const length = Math.min(bytes.length, SNIFF_LENGTH);
  let controls = 0;
  for (let i = 0; i < length; i++) {
    const byte = bytes[i] ?? 0;
    if (byte === 0) return `a NUL byte at offset ${i}`;
    if (isControlCode(byte)) controls++;
  }
  if (controls / length > CONTROL_SHARE_LIMIT) {
    return `${controls} control bytes among the first ${length}`;
  }
  return undefined;
}

function hasBinaryCharacters(text: string): boolean {
  const length = Math.min(text.length, SNIFF_LENGTH);
  let controls = 0;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0) return true;
    if (isControlCode(code)) controls++;
  }
  return length > 0 && controls / length > CONTROL_SHARE_LIMIT;
}

/** C0 controls and DEL, except tab, line feed, vertical tab, form feed, carriage return and escape. */
function isControlCode(code: number): boolean {
  if (code === 0x7f) return true;
  if (code >= 0x20) return false;
  return (
    code !== 0x09 &&
    code !== 0x0a &&
    code !== 0x0b &&
    code !== 0x0c &&
    code !== 0x0d &&
    code !== 0x1b
  );
}

/**
 * Read BOM-less bytes as UTF-8, else GB18030, else UTF-8 with replacements. Bytes that open
 * with a UTF-8 BOM declare themselves UTF-8, so GB18030 is not tried for them.
 */
function decodeEightBit(
  file: string,
  bytes: Uint8Array,
  declaredUtf8: boolean,
  diagnostics: Diagnostic[],
): { text: string; encoding: string } {
  const strict = tryDecode("utf-8", bytes);
  if (strict !== undefined) return { text: strict, encoding: "utf-8" };

  const lossy = new TextDecoder("utf-8").decode(bytes);
  const { replaced, multibyte } = countReplacements(lossy);
  if (!declaredUtf8 && multibyte < replaced * UTF8_MAJORITY_FACTOR) {
    const gb = tryDecode("gb18030", bytes);
    if (gb !== undefined && measureCjkAmongNonAscii(gb) >= GB18030_CJK_SHARE) {
      diagnostics.push(
        createDiagnostic(
          file,
          "info",
          "decoded-gb18030",
          "ingest: the bytes are not UTF-8; read them as GB18030 (GBK)",
        ),
      );
      return { text: gb, encoding: "gb18030" };
    }
  }
  diagnostics.push(
    createDiagnostic(
      file,
      "warning",
      "invalid-utf8",
      `ingest: ${replaced} invalid UTF-8 sequence(s) replaced with U+FFFD; save the file as UTF-8 to keep them`,
    ),
  );
  return { text: lossy, encoding: "utf-8" };
}

function tryDecode(label: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Replacement characters and other non-ASCII characters in a lossy UTF-8 reading. */
function countReplacements(text: string): { replaced: number; multibyte: number } {
  let replaced = 0;
  let multibyte = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0xfffd) replaced++;
    else if (code > 0x7f && code !== 0xfeff) multibyte++;
  }
  return { replaced, multibyte };
}

/** Share of CJK ideographs, CJK punctuation and full-width forms among the non-ASCII characters. */
function measureCjkAmongNonAscii(text: string): number {
  let nonAscii = 0;
  let cjk = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code <= 0x7f || code === 0xfeff) continue;
    nonAscii++;
    if (
      (code >= 0x3000 && code <= 0x303f) ||
      (code >= 0x3400 && code <= 0x9fff) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xff00 && code <= 0xffef)
    ) {
      cjk++;
    }
  }
  return nonAscii === 0 ? 0 : cjk / nonAscii;
}
