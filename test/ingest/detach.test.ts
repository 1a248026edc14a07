// Detaching the strings a parsed document keeps must never change them: the same characters, in
// every field at any depth, with shared constants and binary data left untouched.
import { describe, expect, it } from "vitest";
import { detachStrings, detachText } from "../../src/ingest/detach.ts";

describe("detachText", () => {
  it("keeps the characters of short, long, sliced and joined strings", () => {
    const page = `${"标题 Title ".repeat(400)}end`;
    for (const text of [
      "",
      "a",
      "twelve chars",
      page,
      page.slice(7, 900),
      `${page.slice(3, 40)}|${page.slice(50)}`,
    ])
      expect(detachText(text)).toBe(text);
  });
});

describe("detachStrings", () => {
  it("keeps every string of a nested record and the record's shape", () => {
    const text = "Retrieval-augmented generation for clinical notes. ".repeat(50);
    const record = {
      source: "pages/0001.md#2",
      title: text.slice(0, 49),
      authors: ["Ada Lovelace", "A. N. Other"],
      categories: [{ scheme: "arxiv", term: "cs.CL" }],
      line: 12,
      score: undefined,
      nested: { deeper: [{ snippet: text.slice(52, 140) }] },
    };
    const expected = structuredClone(record);
    expect(detachStrings(record)).toBe(record);
    expect(record).toEqual(expected);
  });

  it("leaves frozen lists and typed arrays as they are", () => {
    const shared = Object.freeze(["one shared list of words"]);
    const bytes = new Uint8Array([1, 2, 3]);
    const value = { shared, bytes, list: ["a string longer than thirteen"] };
    detachStrings(value);
    expect(value.shared).toBe(shared);
    expect(value.bytes).toBe(bytes);
    expect([...value.bytes]).toEqual([1, 2, 3]);
    expect(value.list).toEqual(["a string longer than thirteen"]);
  });
});
