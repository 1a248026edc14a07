// TeX accents in arXiv metadata turned into Unicode.
import { describe, expect, it } from "vitest";
import { decodeLatexAccents } from "../../src/ingest/latex.ts";

describe("decodeLatexAccents", () => {
  const cases: Array<[string, string]> = [
    ["C. Bal\\'azs", "C. Balázs"],
    ['Alexander L\\"oser', "Alexander Löser"],
    ['M{\\"u}ller', "Müller"],
    ['{\\"O}zt{\\"u}rk', "Öztürk"],
    ["Li\\'{e}vin", "Liévin"],
    ["Ay\\c{s}e", "Ayşe"],
    ["\\v{S}koda and \\v Cech", "Škoda and Čech"],
    ["Stra{\\ss}e", "Straße"],
    ["Ny\\aa rd and \\o ther", "Nyård and øther"],
    ['na\\"{\\i}ve', "naïve"],
    ["Erd\\H{o}s", "Erdős"],
    ["R\\&D at 50\\%", "R&D at 50%"],
    ["$\\beta$-lactam and \\cite{x}", "$\\beta$-lactam and \\cite{x}"],
    ["no commands at all", "no commands at all"],
  ];
  for (const [input, expected] of cases) {
    it(`${input} → ${expected}`, () => {
      const decoded = decodeLatexAccents(input);
      expect(decoded).toBe(expected);
      expect(decoded).toBe(decoded.normalize("NFC"));
    });
  }
});
