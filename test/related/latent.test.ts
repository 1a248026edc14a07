// Latent semantic similarity: papers that share no word but whose words go together in the corpus
// come out alike, papers of another theme do not, and the vectors are the same on every run.
import { describe, expect, it } from "vitest";
import {
  createLatentVectors,
  latentSimilarity,
  resolveLatentOptions,
} from "../../src/related/latent.ts";
import {
  computeTextSimilarities,
  createTextIndex,
  type TextFields,
} from "../../src/related/text-vectors.ts";

// Two themes. In the first, "car" and "automobile" are used alike (each with "road" and "wheel"), so
// papers 0 and 3 share no word yet say the same; the second theme shares no word with the first.
// Every word is in two papers, so the matrix has two strongest directions, one per theme.
const PAPERS: TextFields[] = [
  { title: "car road" },
  { title: "automobile road" },
  { title: "car wheel" },
  { title: "automobile wheel" },
  { title: "protein folding" },
  { title: "protein structure" },
  { title: "folding structure" },
  { titleZh: "医学问答" },
];

describe("latent similarity", () => {
  const text = createTextIndex(PAPERS);
  const latent = createLatentVectors(text, { dimensions: 2 });

  it("finds papers alike that share no word, through the words the corpus uses together", () => {
    expect(computeTextSimilarities(text, 0).values[3]).toBe(0);
    expect(latentSimilarity(latent, 0, 3)).toBeGreaterThan(0.99);
    expect(latentSimilarity(latent, 1, 2)).toBeGreaterThan(0.99);
  });

  it("keeps papers of other themes apart", () => {
    for (const other of [4, 5, 6])
      expect(Math.abs(latentSimilarity(latent, 0, other))).toBeLessThan(0.01);
    expect(latentSimilarity(latent, 4, 6)).toBeGreaterThan(0.99);
  });

  it("gives a paper with no English text nothing", () => {
    for (let other = 0; other < PAPERS.length; other += 1)
      expect(latentSimilarity(latent, 7, other)).toBe(0);
  });

  it("gives unit vectors, the same on every run", () => {
    expect(latentSimilarity(latent, 0, 0)).toBeCloseTo(1, 6);
    expect(createLatentVectors(text, { dimensions: 2 }).vectors).toEqual(latent.vectors);
  });

  it("stops at the directions the matrix has", () => {
    // Seven shared words: no more than seven directions, however many are asked for.
    expect(createLatentVectors(text, { dimensions: 50 }).dimensions).toBe(7);
  });

  it.each([
    ["no directions", { dimensions: 0 }],
    ["a fractional oversample", { oversample: 2.5 }],
    ["negative power iterations", { powerIterations: -1 }],
  ])("rejects %s", (_name, options) => {
    expect(() => resolveLatentOptions(options)).toThrow(RangeError);
  });
});
