// decodeInput: empty and binary files are skipped; BOMs, UTF-16, GB18030 and line ends are handled.
import { describe, expect, it } from "vitest";
import { decodeInput } from "../../src/ingest/decode.ts";

const utf8 = (text: string): number[] => [...new TextEncoder().encode(text)];

/** UTF-16 code units of `text` as bytes, little- or big-endian. */
function utf16(text: string, littleEndian: boolean): number[] {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const low = unit & 0xff;
    const high = unit >> 8;
    bytes.push(...(littleEndian ? [low, high] : [high, low]));
  }
  return bytes;
}

/** GB18030 (GBK) byte sequences checked against the GB 18030 code chart. */
const GB18030 = {
  中文: [0xd6, 0xd0, 0xce, 0xc4],
  医学: [0xd2, 0xbd, 0xd1, 0xa7],
  模型: [0xc4, 0xa3, 0xd0, 0xcd],
  综述: [0xd7, 0xdb, 0xca, 0xf6],
  发布时间: [0xb7, 0xa2, 0xb2, 0xbc, 0xca, 0xb1, 0xbc, 0xe4],
  "：": [0xa3, 0xba],
  "。": [0xa1, 0xa3],
};

const file = (bytes: number[], id = "input.txt") => ({ id, bytes: new Uint8Array(bytes) });

describe("decodeInput: skipped files", () => {
  const cases: Array<{ name: string; bytes: number[]; code: string }> = [
    { name: "0 bytes", bytes: [], code: "empty-file" },
    { name: "only spaces and line ends", bytes: utf8("  \n\t\r\n  "), code: "empty-file" },
    {
      name: "only a UTF-8 BOM and whitespace",
      bytes: [0xef, 0xbb, 0xbf, ...utf8(" \n")],
      code: "empty-file",
    },
    { name: "ideographic spaces only", bytes: utf8("\u3000\u3000\n"), code: "empty-file" },
    { name: "NUL bytes", bytes: [...utf8("abc"), 0, 1, 2, 0, ...utf8("def")], code: "binary-file" },
    {
      name: "many control bytes, no NUL",
      bytes: Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41)),
      code: "binary-file",
    },
    {
      name: "a PNG header",
      bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...utf8("IHDR")],
      code: "binary-file",
    },
    { name: "a PDF header", bytes: utf8("%PDF-1.7\n%âãÏÓ\n1 0 obj\n"), code: "binary-file" },
    {
      name: "zeros at both byte parities (not UTF-16)",
      bytes: [...utf8("ab"), 0, 0, 0, 0, ...utf8("cdef"), 0, 0, 0, 0, ...utf8("gh")],
      code: "binary-file",
    },
  ];
  for (const { name, bytes, code } of cases) {
    it(`skips ${name} as ${code}`, () => {
      const result = decodeInput(file(bytes));
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.code).toBe(code);
      expect(result.diagnostics.map((d) => d.code)).toContain(code);
      expect(result.diagnostics.every((d) => d.file === "input.txt")).toBe(true);
    });
  }
});

describe("decodeInput: text", () => {
  const cases: Array<{ name: string; bytes: number[]; text: string; encoding: string }> = [
    { name: "plain UTF-8", bytes: utf8("医学 LLM\n"), text: "医学 LLM\n", encoding: "utf-8" },
    {
      name: "UTF-8 with a BOM (BOM stripped)",
      bytes: [0xef, 0xbb, 0xbf, ...utf8("# 标题\n")],
      text: "# 标题\n",
      encoding: "utf-8",
    },
    {
      name: "UTF-16 LE with a BOM",
      bytes: [0xff, 0xfe, ...utf16("综述 survey\r\nline 2", true)],
      text: "综述 survey\nline 2",
      encoding: "utf-16le",
    },
    {
      name: "UTF-16 BE with a BOM",
      bytes: [0xfe, 0xff, ...utf16("综述 survey", false)],
      text: "综述 survey",
      encoding: "utf-16be",
    },
    {
      name: "CRLF and lone CR line ends",
      bytes: utf8("one\r\ntwo\rthree\r\n\r\nfour"),
      text: "one\ntwo\nthree\n\nfour",
      encoding: "utf-8",
    },
    {
      name: "tabs, form feeds and escapes are not binary",
      bytes: utf8("a\tb\fc\u001b[0m d\n"),
      text: "a\tb\fc\u001b[0m d\n",
      encoding: "utf-8",
    },
  ];
  for (const { name, bytes, text, encoding } of cases) {
    it(`decodes ${name}`, () => {
      const result = decodeInput(file(bytes));
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.doc).toEqual({ id: "input.txt", text, encoding });
      expect(result.diagnostics).toEqual([]);
    });
  }

  for (const littleEndian of [true, false]) {
    const label = littleEndian ? "utf-16le" : "utf-16be";
    it(`reads ${label} without a BOM from its zero bytes and says so`, () => {
      const text = "@article{k,\r\n  title = {Retrieval for 医学 QA},\r\n}\r\n";
      const result = decodeInput(file(utf16(text, littleEndian)));
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.doc.text).toBe("@article{k,\n  title = {Retrieval for 医学 QA},\n}\n");
      expect(result.doc.encoding).toBe(label);
      expect(result.diagnostics.map((d) => [d.code, d.severity])).toEqual([
        ["decoded-utf16", "info"],
      ]);
    });
  }

  it("reads GB18030 (GBK) bytes and says so", () => {
    const bytes = [
      ...GB18030.发布时间,
      ...GB18030["："],
      ...utf8("2024\r\n# "),
      ...GB18030.医学,
      ...GB18030.模型,
      ...GB18030.综述,
      ...GB18030["。"],
      ...utf8(" "),
      ...GB18030.中文,
    ];
    const result = decodeInput(file(bytes));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.doc.text).toBe("发布时间：2024\n# 医学模型综述。 中文");
    expect(result.doc.encoding).toBe("gb18030");
    expect(result.diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ["decoded-gb18030", "info"],
    ]);
  });

  it("keeps mostly-UTF-8 text as UTF-8 with replacements, although GB18030 would accept it", () => {
    // One broken sequence (0xE4 then "A") among twelve good ones. These bytes also form valid
    // GB18030 pairs, which would read as a string of unrelated characters.
    const bytes = [...utf8("医学大模型综述与中文数据"), 0xe4, ...utf8("A ok")];
    const result = decodeInput(file(bytes));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.doc.encoding).toBe("utf-8");
    expect(result.doc.text).toBe("医学大模型综述与中文数据\uFFFDA ok");
    expect(result.diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ["invalid-utf8", "warning"],
    ]);
  });

  it("falls back to UTF-8 with replacements when GB18030 does not fit either", () => {
    // Latin-1 "café " (0xE9 followed by a space is not a GB18030 sequence either).
    const bytes = [...utf8("caf"), 0xe9, ...utf8(" au lait")];
    const result = decodeInput(file(bytes));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.doc.text).toBe("caf\uFFFD au lait");
    expect(result.diagnostics.map((d) => d.code)).toEqual(["invalid-utf8"]);
  });

  it("never tries GB18030 on bytes that open with a UTF-8 BOM", () => {
    const bytes = [0xef, 0xbb, 0xbf, ...GB18030.中文];
    const result = decodeInput(file(bytes));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.doc.encoding).toBe("utf-8");
    expect(result.diagnostics.map((d) => d.code)).toEqual(["invalid-utf8"]);
  });

  it("never reads bytes that open with a UTF-8 BOM as UTF-16, whatever their zero bytes", () => {
    const result = decodeInput(file([0xef, 0xbb, 0xbf, ...utf16("Notes on RAG\n", true)]));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe("binary-file");
    expect(result.reason).toContain("NUL byte at offset 4");
  });

  it("reads a large file with NUL-free text after the first 8 KB as text", () => {
    const line = "Large language models in medicine: a line of ordinary prose.\n";
    const text = line.repeat(20_000);
    const result = decodeInput(file(utf8(text)));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.doc.text.length).toBe(text.length);
  });
});
