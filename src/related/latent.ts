// Latent semantic similarity (LSA, Deerwester et al. 1990): the papers' English BM25 vectors projected
// onto the few directions along which the corpus's words vary together, so that two papers that say the
// same thing in other words ("LVLM" and "multimodal large language model") come out alike. The ranking
// uses it beside other evidence, to order what text, topics and lists found.
import { createRng } from "../graph/rng.ts";
import { ENGLISH, type TextIndex } from "./text-vectors.ts";

export interface LatentOptions {
  /** How many latent directions each paper gets. Default 32. */
  dimensions: number;
  /** Extra random directions of the range finder, for accuracy (Halko et al. 2011). Default 10. */
  oversample: number;
  /** Power iterations of the range finder: more separate close directions better. Default 1. */
  powerIterations: number;
  /** Seed of the random start, so that two indexes of one graph are the same. Default 1. */
  seed: number;
}

/**
 * 32 directions, 10 extra and one power iteration: on the real development set of `npm run
 * eval:related`, 32 to 100 directions raised the multimodal and agent lists (16 and 24 lost on the RAG
 * list), 32 about the most for the least time; without a power iteration the gain changed with the
 * seed, with one it held for each of four seeds. On the 28,560 real digest pages the vectors take
 * about 2 s (five passes over 2.8 million English terms).
 */
export const DEFAULT_LATENT_OPTIONS: LatentOptions = {
  dimensions: 32,
  oversample: 10,
  powerIterations: 1,
  seed: 1,
};

/** Per paper, a unit vector of `dimensions` numbers (all 0 for a paper with no English text). */
export interface LatentVectors {
  dimensions: number;
  vectors: Float32Array;
}

/** Merge `partial` over the defaults and check it. Throws RangeError. */
export function resolveLatentOptions(partial: Partial<LatentOptions> = {}): LatentOptions {
  const options = { ...DEFAULT_LATENT_OPTIONS, ...partial };
  for (const name of ["dimensions", "oversample", "powerIterations"] as const) {
    const value = options[name];
    if (!Number.isInteger(value) || value < (name === "dimensions" ? 1 : 0))
      throw new RangeError(`related: latent ${name} must be a whole number, got ${value}`);
  }
  return options;
}

/**
 * The latent vectors of the papers of `text`: a truncated SVD of the matrix of their English BM25 unit
 * vectors (terms with postings in at least two papers), found by a randomized range finder (Halko,
 * Martinsson & Tropp 2011) and the eigenvectors of its small Gram matrix (Jacobi rotations). Each
 * paper's row of U·Σ, scaled to unit length: the dot product of two is their latent similarity.
 * Deterministic for a seed: every sum runs in a fixed order.
 */
export function createLatentVectors(
  text: TextIndex,
  partial: Partial<LatentOptions> = {},
): LatentVectors {
  const options = resolveLatentOptions(partial);
  const space = text.spaces[ENGLISH];
  const papers = text.size;
  const { docStart, docTerms, docWeights, postingStart } = space;
  // Columns: the terms two or more papers share (a term of one paper adds nothing between papers).
  const column = new Int32Array(space.terms.length).fill(-1);
  let columns = 0;
  for (let term = 0; term < space.terms.length; term += 1)
    if ((postingStart[term + 1] as number) - (postingStart[term] as number) >= 2)
      column[term] = columns++;
  const width = Math.min(options.dimensions + options.oversample, Math.max(1, columns));
  const dimensions = Math.min(options.dimensions, width);
  if (columns === 0 || papers === 0)
    return { dimensions, vectors: new Float32Array(papers * dimensions) };
  // A · X (papers × width) for X columns × width, and Aᵀ · Y (columns × width) for Y papers × width:
  // one walk over the papers' weights, the rows of the result by paper or by column.
  const multiply = (source: Float64Array, byPaper: boolean): Float64Array => {
    const result = new Float64Array((byPaper ? papers : columns) * width);
    for (let doc = 0; doc < papers; doc += 1) {
      const paperRow = doc * width;
      for (let i = docStart[doc] as number; i < (docStart[doc + 1] as number); i += 1) {
        const c = column[docTerms[i] as number] as number;
        if (c < 0) continue;
        const weight = docWeights[i] as number;
        const to = byPaper ? paperRow : c * width;
        const from = byPaper ? c * width : paperRow;
        for (let j = 0; j < width; j += 1)
          result[to + j] = (result[to + j] as number) + weight * (source[from + j] as number);
      }
    }
    return result;
  };
  const times = (x: Float64Array) => multiply(x, true);
  const transposeTimes = (y: Float64Array) => multiply(y, false);
  const rng = createRng(options.seed);
  // The range finder starts from random mixtures of the papers (Gaussian weights, Box–Muller): their
  // term vectors Aᵀ Ω already lie where the papers' words do, then A Aᵀ Ω is orthonormalised.
  const start = new Float64Array(papers * width);
  for (let i = 0; i < start.length; i += 1) {
    const u = rng() || Number.MIN_VALUE;
    start[i] = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
  }
  let basis = orthonormalize(times(transposeTimes(start)), papers, width);
  for (let i = 0; i < options.powerIterations; i += 1)
    basis = orthonormalize(times(transposeTimes(basis)), papers, width);
  // With Z = Aᵀ Q, the Gram matrix Zᵀ Z = Qᵀ A Aᵀ Q: its eigenvectors W and eigenvalues Λ give
  // A Aᵀ ≈ (Q W) Λ (Q W)ᵀ, so a paper's latent coordinates are its row of Q W Λ^½.
  const z = transposeTimes(basis);
  const gram = new Float64Array(width * width);
  for (let r = 0; r < columns; r += 1) {
    const row = r * width;
    for (let a = 0; a < width; a += 1) {
      const za = z[row + a] as number;
      if (za === 0) continue;
      for (let b = a; b < width; b += 1)
        gram[a * width + b] = (gram[a * width + b] as number) + za * (z[row + b] as number);
    }
  }
  for (let a = 0; a < width; a += 1)
    for (let b = 0; b < a; b += 1) gram[a * width + b] = gram[b * width + a] as number;
  const { values, vectors: eigenvectors } = symmetricEigen(gram, width);
  const order = Array.from({ length: width }, (_, i) => i)
    .sort((a, b) => (values[b] as number) - (values[a] as number) || a - b)
    .slice(0, dimensions);
  const vectors = new Float32Array(papers * dimensions);
  const row = new Float64Array(dimensions);
  for (let doc = 0; doc < papers; doc += 1) {
    let squares = 0;
    order.forEach((e, j) => {
      let value = 0;
      for (let a = 0; a < width; a += 1)
        value += (basis[doc * width + a] as number) * (eigenvectors[a * width + e] as number);
      value *= Math.sqrt(Math.max(0, values[e] as number));
      row[j] = value;
      squares += value * value;
    });
    const length = Math.sqrt(squares);
    if (length === 0) continue;
    for (let j = 0; j < dimensions; j += 1)
      vectors[doc * dimensions + j] = (row[j] as number) / length;
  }
  return { dimensions, vectors };
}

/** The latent similarity of papers `a` and `b`: the dot product of their unit vectors (0 without). */
export function latentSimilarity(latent: LatentVectors, a: number, b: number): number {
  const { dimensions, vectors } = latent;
  let dot = 0;
  for (let j = 0; j < dimensions; j += 1)
    dot += (vectors[a * dimensions + j] as number) * (vectors[b * dimensions + j] as number);
  return dot;
}

/**
 * The columns of `y` (rows × width, row-major) made orthonormal in place, by Cholesky QR done twice
 * ("CholeskyQR2", Fukaya et al. 2014): the Gram matrix Yᵀ Y = Rᵀ R, then Y R⁻¹, both by rows, so that
 * the tall matrix is read in order. A column that depends on the ones before it (a zero pivot:
 * the corpus has fewer directions than asked) becomes 0.
 */
function orthonormalize(y: Float64Array, rows: number, width: number): Float64Array {
  for (let pass = 0; pass < 2; pass += 1) {
    const gram = new Float64Array(width * width);
    for (let i = 0; i < rows; i += 1) {
      const row = i * width;
      for (let a = 0; a < width; a += 1) {
        const ya = y[row + a] as number;
        if (ya === 0) continue;
        for (let b = a; b < width; b += 1)
          gram[a * width + b] = (gram[a * width + b] as number) + ya * (y[row + b] as number);
      }
    }
    // Upper-triangular R with Rᵀ R = Yᵀ Y, column by column; `kept` marks the non-zero pivots.
    let largest = 0;
    for (let a = 0; a < width; a += 1) largest = Math.max(largest, gram[a * width + a] as number);
    const r = new Float64Array(width * width);
    const kept = new Uint8Array(width);
    for (let a = 0; a < width; a += 1) {
      for (let b = a; b < width; b += 1) {
        let sum = gram[a * width + b] as number;
        for (let c = 0; c < a; c += 1)
          sum -= (r[c * width + a] as number) * (r[c * width + b] as number);
        if (b === a) {
          if (!(sum > 1e-12 * largest)) break;
          kept[a] = 1;
          r[a * width + a] = Math.sqrt(sum);
        } else r[a * width + b] = sum / (r[a * width + a] as number);
      }
    }
    // Each row x of Y becomes x R⁻¹: forward substitution, row by row.
    const out = new Float64Array(width);
    for (let i = 0; i < rows; i += 1) {
      const row = i * width;
      for (let b = 0; b < width; b += 1) {
        if (kept[b] === 0) {
          out[b] = 0;
          continue;
        }
        let sum = y[row + b] as number;
        for (let c = 0; c < b; c += 1) sum -= (out[c] as number) * (r[c * width + b] as number);
        out[b] = sum / (r[b * width + b] as number);
      }
      for (let b = 0; b < width; b += 1) y[row + b] = out[b] as number;
    }
  }
  return y;
}

/**
 * Eigenvalues and eigenvectors (as columns) of the symmetric `n` × `n` matrix `matrix` (row-major;
 * overwritten), by cyclic Jacobi rotations (Golub & Van Loan 2013, § 8.5), until the off-diagonal
 * part is negligible against the diagonal.
 */
function symmetricEigen(
  matrix: Float64Array,
  n: number,
): { values: Float64Array; vectors: Float64Array } {
  const vectors = new Float64Array(n * n);
  for (let i = 0; i < n; i += 1) vectors[i * n + i] = 1;
  let diagonal = 0;
  for (let i = 0; i < n; i += 1) diagonal += (matrix[i * n + i] as number) ** 2;
  for (let sweep = 0; sweep < 64; sweep += 1) {
    let off = 0;
    for (let p = 0; p < n; p += 1)
      for (let q = p + 1; q < n; q += 1) off += (matrix[p * n + q] as number) ** 2;
    if (off <= 1e-24 * diagonal) break;
    for (let p = 0; p < n; p += 1) {
      for (let q = p + 1; q < n; q += 1) {
        const apq = matrix[p * n + q] as number;
        if (apq === 0) continue;
        const theta = ((matrix[q * n + q] as number) - (matrix[p * n + p] as number)) / (2 * apq);
        const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let r = 0; r < n; r += 1) {
          const arp = matrix[r * n + p] as number;
          const arq = matrix[r * n + q] as number;
          matrix[r * n + p] = c * arp - s * arq;
          matrix[r * n + q] = s * arp + c * arq;
        }
        for (let r = 0; r < n; r += 1) {
          const apr = matrix[p * n + r] as number;
          const aqr = matrix[q * n + r] as number;
          matrix[p * n + r] = c * apr - s * aqr;
          matrix[q * n + r] = s * apr + c * aqr;
        }
        for (let r = 0; r < n; r += 1) {
          const vrp = vectors[r * n + p] as number;
          const vrq = vectors[r * n + q] as number;
          vectors[r * n + p] = c * vrp - s * vrq;
          vectors[r * n + q] = s * vrp + c * vrq;
        }
      }
    }
  }
  const values = new Float64Array(n);
  for (let i = 0; i < n; i += 1) values[i] = matrix[i * n + i] as number;
  return { values, vectors };
}
