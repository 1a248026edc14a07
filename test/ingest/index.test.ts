// ingestFile: decode, sniff and parse one file without ever throwing on bad input.
import { describe, expect, it, vi } from "vitest";
import { LitgraphError } from "../../src/errors.ts";
import { ADAPTERS, decodeInput, ingestFile, sniffFormat } from "../../src/ingest/index.ts";
import type { InputFile } from "../../src/ingest/types.ts";
import { ZHUANZHI_ADAPTER } from "../../src/ingest/zhuanzhi.ts";
import { readFixture } from "./_fixtures.ts";

const textFile = (text: string, id = "note.md"): InputFile => ({
  id,
  bytes: new TextEncoder().encode(text),
});

describe("ingestFile", () => {
  it("exports the stage's functions and one adapter per format", () => {
    expect(ADAPTERS.map((adapter) => adapter.format).sort()).toEqual([
      "arxiv-atom",
      "arxiv-digest",
      "arxiv-snapshot",
      "awesome-list",
      "bibtex",
      "csl-json",
      "digest-list",
      "paper-page",
      "ris",
      "text",
      "zh-digest",
      "zhuanzhi",
    ]);
    expect(typeof sniffFormat).toBe("function");
    expect(typeof decodeInput).toBe("function");
  });

  it("skips an empty file with its reason", () => {
    const outcome = ingestFile({ id: "empty.txt", bytes: new Uint8Array() });
    expect(outcome).toMatchObject({
      state: "skipped",
      id: "empty.txt",
      bytes: 0,
      reason: "empty-file",
    });
  });

  it("skips a binary file with its reason", () => {
    const outcome = ingestFile({
      id: "image.png",
      bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]),
    });
    expect(outcome).toMatchObject({ state: "skipped", reason: "binary-file", bytes: 7 });
  });

  it("parses a fixture with its format, encoding and size", () => {
    const file = readFixture("arxiv-digest-with-footer.txt");
    const outcome = ingestFile(file);
    expect(outcome).toMatchObject({
      state: "parsed",
      id: "arxiv-digest-with-footer.txt",
      format: "arxiv-digest",
      encoding: "utf-8",
      bytes: file.bytes.length,
    });
  });

  it("keeps decode diagnostics with the parse diagnostics", () => {
    const outcome = ingestFile({ id: "gbk.txt", bytes: new Uint8Array([0xd6, 0xd0, 0xce, 0xc4]) });
    expect(outcome.state).toBe("parsed");
    if (outcome.state !== "parsed") return;
    expect(outcome.encoding).toBe("gb18030");
    expect(outcome.parsed.diagnostics.map((d) => d.code)).toContain("decoded-gb18030");
  });

  it("reports a document that yields no record, and still calls it parsed", () => {
    const outcome = ingestFile(textFile("翻译:暂无翻译\n关闭预览\n相关内容\n", "page.txt"));
    expect(outcome.state).toBe("parsed");
    if (outcome.state !== "parsed") return;
    expect(outcome.format).toBe("zhuanzhi");
    expect(outcome.parsed.records).toEqual([]);
    const warning = outcome.parsed.diagnostics.find((d) => d.code === "no-records");
    expect(warning?.severity).toBe("warning");
  });

  it("never throws on odd input", () => {
    const inputs: Uint8Array[] = [
      new TextEncoder().encode("`\n`\n`\n# \n# 摘要\n>"),
      new TextEncoder().encode("Related papers\narXiv Detail & Related papers ()\n- [1]\n- \n"),
      new TextEncoder().encode("翻译：\n\n1\n"),
      new TextEncoder().encode("[](https://arxiv.org/abs/2401.00001)[".repeat(1000)),
      new Uint8Array(Array.from({ length: 4096 }, (_, i) => 0x80 + (i % 0x7f))),
    ];
    for (const bytes of inputs) {
      expect(() => ingestFile({ id: "odd.txt", bytes })).not.toThrow();
    }
  });

  it("cuts an overlong abstract to 20,000 characters and says so", () => {
    const text = `# 标题\n\n发布时间：2024年05月14日\n\n# 摘要\n\n${"Long English sentence. ".repeat(2_000)}`;
    const outcome = ingestFile(textFile(text, "long.md"));
    expect(outcome.state).toBe("parsed");
    if (outcome.state !== "parsed") return;
    expect(outcome.format).toBe("zh-digest");
    expect(outcome.parsed.records[0]?.abstract).toHaveLength(20_000);
    expect(outcome.parsed.diagnostics.map((d) => d.code)).toContain("field-truncated");
  });

  it("reads the document as plain text when its adapter fails, and reports the failure", () => {
    const spy = vi.spyOn(ZHUANZHI_ADAPTER, "parse").mockImplementation(() => {
      throw new Error("unexpected shape");
    });
    try {
      const outcome = ingestFile(readFixture("zhuanzhi-title-and-translation.txt"));
      expect(outcome.state).toBe("parsed");
      if (outcome.state !== "parsed") return;
      expect(outcome.format).toBe("text");
      expect(outcome.parsed.records.length).toBeGreaterThan(0);
      const failure = outcome.parsed.diagnostics.find((d) => d.code === "adapter-failed");
      expect(failure?.severity).toBe("error");
      expect(failure?.message).toContain("unexpected shape");
    } finally {
      spy.mockRestore();
    }
  });

  it("throws a usage error when called with something that is not a file", () => {
    const notAFile = { id: "x", bytes: "text" } as unknown as InputFile;
    expect(() => ingestFile(notAFile)).toThrow(LitgraphError);
  });
});
