// Helpers shared by the bibliography adapters: names, DOIs, identifiers, dates, link ids.
import { describe, expect, it } from "vitest";
import {
  composeDate,
  createReferenceRecord,
  flipCommaName,
  formatPersonName,
  pickIdentifiers,
  readLinkIds,
  stripMarkup,
} from "../../src/ingest/reference-fields.ts";

describe("formatPersonName and flipCommaName", () => {
  const structured: Array<[Parameters<typeof formatPersonName>[0], string | undefined]> = [
    [{ given: "Jan", particle: "van der", family: "Berg" }, "Jan van der Berg"],
    [{ given: "Wei", family: "Li", suffix: "Jr." }, "Wei Li Jr."],
    [{ literal: "World  Health Organization", family: "ignored" }, "World Health Organization"],
    [{ family: "Plato" }, "Plato"],
    [{}, undefined],
  ];
  for (const [name, expected] of structured) {
    it(`formats ${JSON.stringify(name)}`, () => {
      expect(formatPersonName(name)).toBe(expected);
    });
  }

  const written: Array<[string, string | undefined]> = [
    ["Singhal, Karan", "Karan Singhal"],
    ["Li, Wei, Jr.", "Wei Li Jr."],
    ["Karan Singhal", "Karan Singhal"],
    ["  ", undefined],
  ];
  for (const [text, expected] of written) {
    it(`flips "${text}"`, () => {
      expect(flipCommaName(text)).toBe(expected);
    });
  }
});

describe("pickIdentifiers", () => {
  const cases: Array<{
    name: string;
    input: Parameters<typeof pickIdentifiers>[0];
    expected: object;
  }> = [
    {
      name: "an explicit id wins",
      input: { arxiv: ["2303.13375v2"], texts: ["arXiv:2212.13138"] },
      expected: { arxiv: "2303.13375" },
    },
    {
      name: "an arXiv DOI is the arXiv id, not a DOI",
      input: { doi: "10.48550/arXiv.2311.05112" },
      expected: { arxiv: "2311.05112" },
    },
    {
      name: "a DOI link is a DOI, lower-cased",
      input: { doi: "https://doi.org/10.1038/S41586-023-06291-2" },
      expected: { doi: "10.1038/s41586-023-06291-2" },
    },
    {
      name: "an id in free text",
      input: { texts: [undefined, "arXiv preprint arXiv:2305.09617"] },
      expected: { arxiv: "2305.09617" },
    },
    { name: "a number that is no id", input: { arxiv: ["2024.1234"] }, expected: {} },
  ];
  for (const { name, input, expected } of cases) {
    it(name, () => {
      expect(pickIdentifiers(input)).toEqual(expected);
    });
  }
});

describe("composeDate", () => {
  const cases: Array<[number | undefined, number | undefined, number | undefined, object]> = [
    [2023, 7, 12, { year: 2023, date: "2023-07-12" }],
    [2023, 7, undefined, { year: 2023, date: "2023-07" }],
    [2023, 13, 1, { year: 2023 }],
    [2023, 2, 30, { year: 2023, date: "2023-02" }],
    [2024, 2, 29, { year: 2024, date: "2024-02-29" }],
    [undefined, 5, 1, {}],
  ];
  for (const [year, month, day, expected] of cases) {
    it(`${year}-${month}-${day}`, () => {
      expect(composeDate(year, month, day)).toEqual(expected);
    });
  }
});

describe("readLinkIds", () => {
  it("finds ACL Anthology, OpenReview and PubMed ids", () => {
    expect(
      readLinkIds([
        "https://aclanthology.org/2024.findings-acl.372.pdf",
        "https://openreview.net/forum?id=AbC_12-x",
        "https://pubmed.ncbi.nlm.nih.gov/37438534/",
      ]),
    ).toEqual({ acl: "2024.findings-acl.372", openreview: "AbC_12-x", pmid: "37438534" });
    expect(readLinkIds(["https://example.org/paper"])).toEqual({});
  });
});

describe("stripMarkup", () => {
  it("keeps the words of rich-text markup and composes accents", () => {
    expect(
      stripMarkup('<i>Bio</i>GPT and <span class="nocase">x<sup>2</sup></span> for Lie\u0301vin'),
    ).toBe("BioGPT and x2 for Liévin");
    expect(stripMarkup("p < 0.05 and a<b")).toBe("p < 0.05 and a<b");
  });
});

describe("createReferenceRecord", () => {
  it("sources the record to <file>#N and keeps only the fields given", () => {
    const record = createReferenceRecord("refs.bib", "bibtex", 12, {
      title: "T",
      venue: "",
      keywords: ["a", " a ", ""],
      acl: "D19-1259",
    });
    expect(record).toEqual({
      source: "refs.bib#12",
      document: "refs.bib",
      format: "bibtex",
      role: "listed",
      authors: [],
      categories: [],
      tags: [],
      urls: [],
      title: "T",
      acl: "D19-1259",
      keywords: ["a"],
    });
  });
});

describe("records with empty lists", () => {
  it("share one frozen empty list, so that no record holds an empty list of its own", () => {
    const a = createReferenceRecord("refs.bib", "bibtex", 1, { title: "One" });
    const b = createReferenceRecord("refs.bib", "bibtex", 2, { title: "Two", urls: [] });
    expect(a.urls).toEqual([]);
    expect(a.urls).toBe(b.urls);
    expect(a.tags).toBe(b.categories);
    expect(Object.isFrozen(a.urls)).toBe(true);
    expect(() => a.urls.push("https://example.org")).toThrow(TypeError);
    expect(b.source).toBe("refs.bib#2");
  });

  it("keeps a list that holds something as the record's own", () => {
    const record = createReferenceRecord("refs.bib", "bibtex", 1, {
      title: "One",
      urls: ["https://arxiv.org/abs/2401.00001", "https://arxiv.org/abs/2401.00001"],
    });
    expect(record.urls).toEqual(["https://arxiv.org/abs/2401.00001"]);
    expect(Object.isFrozen(record.urls)).toBe(false);
  });
});
