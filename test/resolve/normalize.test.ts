import { describe, expect, it } from "vitest";
import { normalizeTitle, shingleText, slugifyTitle } from "../../src/resolve/normalize.ts";

describe("normalizeTitle", () => {
  it.each([
    ["Large Language Models: A Survey", "large language models a survey"],
    ["  Med-PaLM 2 —  Expert-level QA ", "med palm 2 expert level qa"],
    ["《医学大型语言模型综览》", "医学大型语言模型综览"],
    ["Évaluation des modèles", "evaluation des modeles"],
  ])("%s → %s", (input, expected) => {
    expect(normalizeTitle(input)).toBe(expected);
  });
});

describe("slugifyTitle", () => {
  it("makes a readable key fragment", () => {
    expect(slugifyTitle("Demystifying Large Language Models for Medicine: A Primer")).toBe(
      "demystifying-large-language-models-for-medicine-a-primer",
    );
  });
  it("cuts long titles at a word boundary, at most 80 characters", () => {
    const slug = slugifyTitle("word ".repeat(40));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.endsWith("-")).toBe(false);
  });
});

describe("shingleText", () => {
  it("gives shared shingles to texts sharing a sentence and none to unrelated ones", () => {
    const a = shingleText("Alpha beta gamma delta epsilon zeta eta theta.");
    const b = shingleText("Prefix words. Alpha beta gamma delta epsilon zeta.");
    const c = shingleText("Completely different words appear here in this text.");
    const shared = [...a].filter((h) => b.has(h));
    expect(shared.length).toBe(2);
    expect([...a].filter((h) => c.has(h))).toEqual([]);
  });
  it("shingles Chinese text by characters", () => {
    expect(shingleText("大型语言模型在医学中的应用").size).toBeGreaterThan(0);
  });
});
