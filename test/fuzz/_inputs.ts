// Fuzz inputs as fast-check arbitraries. A case is a small description (which seed, which
// mutations, which encoding), not the bytes themselves, so that a shrunk counterexample reads as
// "seed X, cut at 41%, as UTF-16BE" instead of thousands of numbers. `caseBytes` makes the bytes.
import fc from "fast-check";
import type { FormatId } from "../../src/ingest/types.ts";
import { loadSeeds, type Seed, seedsOf } from "./_corpus.ts";

export type Encoding =
  | "utf-8"
  | "utf-8-bom"
  | "utf-16le"
  | "utf-16le-bom"
  | "utf-16be"
  | "utf-16be-bom"
  | "latin1";

const ENCODINGS: readonly Encoding[] = [
  "utf-8",
  "utf-8-bom",
  "utf-16le",
  "utf-16le-bom",
  "utf-16be",
  "utf-16be-bom",
  "latin1",
];

/** A change to a text; positions are fractions of the current length, so they shrink well. */
export type TextOp =
  | { op: "truncate"; at: number }
  | { op: "slice"; from: number; to: number }
  | { op: "duplicate" }
  | { op: "interleave"; other: string; picks: boolean[] }
  | { op: "insert"; at: number; text: string }
  | { op: "delete"; at: number; length: number }
  | { op: "crlf" };

export type FuzzCase =
  | { kind: "mutated"; seed: string; ops: TextOp[]; encoding: Encoding; noise: ByteNoise[] }
  | { kind: "text"; text: string; encoding: Encoding }
  | { kind: "bytes"; bytes: number[] };

/** Random bytes put into the encoded file at a fraction of its length. */
export interface ByteNoise {
  at: number;
  bytes: number[];
}

/** Pieces of syntax of every format, so that random text reaches deep into the parsers. */
const TOKENS: readonly string[] = [
  "\n",
  "\n\n",
  " ",
  "@article{",
  "@inproceedings{key,",
  "title = {",
  "author = {A and B}",
  "}",
  "{",
  "\\",
  '"',
  ",",
  "TY  - JOUR\n",
  "TI  - ",
  "AU  - ",
  "ER  - \n",
  '<?xml version="1.0"?>',
  '<feed xmlns="http://www.w3.org/2005/Atom">',
  "<entry>",
  "</entry>",
  "<title>",
  "</title>",
  "<id>http://arxiv.org/abs/2401.01234v1</id>",
  "[",
  "]",
  '{"id":"2401.01234","title":"',
  '"title": "',
  '"author": [{"family": "X"}]',
  "# ",
  "## ",
  "- [",
  "](https://arxiv.org/abs/2401.01234)",
  "**",
  "|",
  "| --- |",
  "https://arxiv.org/abs/2312.00001",
  "https://doi.org/10.1000/xyz",
  "https://github.com/owner/repo",
  "arXiv:2401.01234 [cs.CL]",
  "Submitted on 1 Jan 2024",
  "Abstract:",
  "摘要",
  "标题：",
  "作者",
  "论文",
  "相关论文",
  "：",
  "【",
  "】",
  "\u00e9",
  "\ud83d\ude00",
  "\ud800",
  "\u0000",
  "\u202e",
];

const fraction = fc.double({ min: 0, max: 1, noNaN: true });

function textOp(seedNames: readonly string[]): fc.Arbitrary<TextOp> {
  return fc.oneof(
    fc.record({ op: fc.constant("truncate" as const), at: fraction }),
    fc.record({ op: fc.constant("slice" as const), from: fraction, to: fraction }),
    fc.record({ op: fc.constant("duplicate" as const) }),
    fc.record({
      op: fc.constant("interleave" as const),
      other: fc.constantFrom(...seedNames),
      picks: fc.array(fc.boolean(), { minLength: 1, maxLength: 16 }),
    }),
    fc.record({
      op: fc.constant("insert" as const),
      at: fraction,
      text: fc.oneof(tokenText(4), fc.string({ unit: "binary", maxLength: 8 })),
    }),
    fc.record({
      op: fc.constant("delete" as const),
      at: fraction,
      length: fc.integer({ min: 1, max: 200 }),
    }),
    fc.record({ op: fc.constant("crlf" as const) }),
  );
}

function tokenText(maxLength: number): fc.Arbitrary<string> {
  return fc
    .array(fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 6 })), { maxLength })
    .map((parts) => parts.join(""));
}

const encoding: fc.Arbitrary<Encoding> = fc.oneof(
  { weight: 6, arbitrary: fc.constant<Encoding>("utf-8") },
  { weight: 4, arbitrary: fc.constantFrom(...ENCODINGS) },
);

const noise: fc.Arbitrary<ByteNoise> = fc.record({
  at: fraction,
  bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 4 }),
});

/** A seed of `seeds`, changed by up to three text mutations, encoded, with rare byte noise. */
export function mutatedCase(seeds: readonly Seed[]): fc.Arbitrary<FuzzCase> {
  const names = loadSeeds().map((seed) => seed.name);
  return fc.record({
    kind: fc.constant("mutated" as const),
    seed: fc.constantFrom(...seeds.map((seed) => seed.name)),
    ops: fc.array(textOp(names), { maxLength: 3 }),
    encoding,
    noise: fc.oneof(
      { weight: 4, arbitrary: fc.constant<ByteNoise[]>([]) },
      { weight: 1, arbitrary: fc.array(noise, { minLength: 1, maxLength: 2 }) },
    ),
  });
}

/** Text from nothing: random characters of any kind, or random pieces of format syntax. */
export const randomTextCase: fc.Arbitrary<FuzzCase> = fc.record({
  kind: fc.constant("text" as const),
  text: fc.oneof(
    fc.string({ unit: "binary", maxLength: 200 }),
    fc.string({ unit: "grapheme", maxLength: 200 }),
    tokenText(40),
  ),
  encoding,
});

export const randomBytesCase: fc.Arbitrary<FuzzCase> = fc.record({
  kind: fc.constant("bytes" as const),
  bytes: fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 300 }),
});

/** Inputs for the reader of `format`: mostly its own documents mutated, some of anything. */
export function inputFor(format: FormatId | undefined): fc.Arbitrary<FuzzCase> {
  const own = format ? seedsOf(format) : loadSeeds();
  return fc.oneof(
    { weight: 12, arbitrary: mutatedCase(own) },
    { weight: 3, arbitrary: mutatedCase(loadSeeds()) },
    { weight: 3, arbitrary: randomTextCase },
    { weight: 1, arbitrary: randomBytesCase },
  );
}

function seedText(name: string): string {
  const seed = loadSeeds().find((s) => s.name === name);
  if (!seed) throw new Error(`fuzz: no seed named ${name}`);
  return seed.text;
}

function position(text: string, at: number): number {
  return Math.min(text.length, Math.floor(at * text.length));
}

export function applyOp(text: string, op: TextOp): string {
  switch (op.op) {
    case "truncate":
      return text.slice(0, position(text, op.at));
    case "slice": {
      const [a, b] = [position(text, op.from), position(text, op.to)].sort((x, y) => x - y);
      return text.slice(a, b);
    }
    case "duplicate":
      return text + text;
    case "interleave": {
      const mine = text.split("\n");
      const theirs = seedText(op.other).split("\n");
      const out: string[] = [];
      let i = 0;
      while (mine.length > 0 || theirs.length > 0) {
        const takeMine = op.picks[i % op.picks.length] ?? true;
        const line =
          (takeMine && mine.length > 0) || theirs.length === 0 ? mine.shift() : theirs.shift();
        out.push(line ?? "");
        i++;
      }
      return out.join("\n");
    }
    case "insert": {
      const at = position(text, op.at);
      return text.slice(0, at) + op.text + text.slice(at);
    }
    case "delete": {
      const at = position(text, op.at);
      return text.slice(0, at) + text.slice(at + op.length);
    }
    case "crlf":
      return text.replaceAll("\n", "\r\n");
  }
}

function encodeUtf16(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const units = (bom ? "\ufeff" : "") + text;
  const out = new Uint8Array(units.length * 2);
  for (let i = 0; i < units.length; i++) {
    const unit = units.charCodeAt(i);
    out[2 * i + (littleEndian ? 0 : 1)] = unit & 0xff;
    out[2 * i + (littleEndian ? 1 : 0)] = unit >> 8;
  }
  return out;
}

export function encodeText(text: string, as: Encoding): Uint8Array {
  switch (as) {
    case "utf-8":
      return new TextEncoder().encode(text);
    case "utf-8-bom":
      return new TextEncoder().encode(`\ufeff${text}`);
    case "utf-16le":
      return encodeUtf16(text, true, false);
    case "utf-16le-bom":
      return encodeUtf16(text, true, true);
    case "utf-16be":
      return encodeUtf16(text, false, false);
    case "utf-16be-bom":
      return encodeUtf16(text, false, true);
    case "latin1":
      // Characters beyond Latin-1 become `?`, as a lossy legacy save would write them.
      return Uint8Array.from(text, (char) => {
        const code = char.charCodeAt(0);
        return code < 256 ? code : 0x3f;
      });
  }
}

/** The text a mutated case starts from, after its text mutations (before encoding). */
export function caseText(input: FuzzCase): string | undefined {
  if (input.kind === "bytes") return undefined;
  if (input.kind === "text") return input.text;
  return input.ops.reduce(applyOp, seedText(input.seed));
}

/** The file bytes of a case. */
export function caseBytes(input: FuzzCase): Uint8Array {
  if (input.kind === "bytes") return Uint8Array.from(input.bytes);
  const encoded = encodeText(caseText(input) ?? "", input.encoding);
  if (input.kind === "text" || input.noise.length === 0) return encoded;
  let bytes = encoded;
  for (const { at, bytes: inserted } of input.noise) {
    const cut = Math.min(bytes.length, Math.floor(at * bytes.length));
    const next = new Uint8Array(bytes.length + inserted.length);
    next.set(bytes.subarray(0, cut), 0);
    next.set(inserted, cut);
    next.set(bytes.subarray(cut), cut + inserted.length);
    bytes = next;
  }
  return bytes;
}

/**
 * One short piece of syntax (or two), written many times with no line break or with one: the
 * shape of text that makes a backtracking regular expression take quadratic or exponential time.
 */
export const repeatedSyntaxCase: fc.Arbitrary<FuzzCase> = fc
  .record({
    pieces: fc.array(
      fc.oneof(fc.constantFrom(...TOKENS), fc.string({ minLength: 1, maxLength: 3 })),
      {
        minLength: 1,
        maxLength: 3,
      },
    ),
    times: fc.integer({ min: 500, max: 4000 }),
  })
  .map(
    ({ pieces, times }): FuzzCase => ({
      kind: "text",
      text: pieces.join("").repeat(times),
      encoding: "utf-8",
    }),
  );
