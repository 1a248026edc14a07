// GEXF: both versions parse back with graphology-gexf to the same graph, with typed attributes,
// viz data, the proper namespaces, hostile text intact, and byte-stable output.
import { DOMParser } from "@xmldom/xmldom";
import Graph from "graphology";
import { parse } from "graphology-gexf";
import { describe, expect, it } from "vitest";
import { LitgraphError } from "../../src/errors.ts";
import { type GexfOptions, writeGexf } from "../../src/export/index.ts";
import {
  buildTestGraph,
  CLIMEDBENCH_PAPER_KEY,
  formatEdgeKey,
  HOSTILE_KEY,
  MULTIMODAL_SURVEY_KEY,
  SURVEY_AUTHORS,
  SURVEY_KEY,
} from "../_graph.ts";

/** The hostile label as it must read after XML: the same text without NUL and backspace. */
const HOSTILE_LABEL_IN_XML =
  "Dosing notes <img src=x onerror=alert(1)> & \"double\" 'single' quotes";

/** Expected node values after a round trip; colours are the test graph's hex colours as rgb(). */
const NODE_EXPECTATIONS = [
  {
    key: SURVEY_KEY,
    kind: "survey",
    community: 0,
    year: 2023,
    arxiv: "2311.05112",
    color: "rgb(31,119,180)",
    x: 12.5,
    y: -3.25,
    size: 14,
  },
  {
    key: MULTIMODAL_SURVEY_KEY,
    kind: "survey",
    community: 1,
    year: 2024,
    arxiv: "2405.08603",
    color: "rgb(255,127,14)",
    x: -40,
    y: 18.75,
    size: 9.5,
  },
  {
    key: HOSTILE_KEY,
    kind: "paper",
    community: 2,
    year: undefined,
    arxiv: undefined,
    color: "rgb(238,68,170)",
    x: -0.5,
    y: 0,
    size: 3,
  },
  {
    key: "benchmark:medqa",
    kind: "benchmark",
    community: 0,
    year: undefined,
    arxiv: undefined,
    color: "rgb(31,119,180)",
    x: 8,
    y: -20,
    size: 4.5,
  },
];

const VERSIONS: { version: GexfOptions["version"]; namespace: string; viz: string }[] = [
  {
    version: "1.2",
    namespace: 'xmlns="http://www.gexf.net/1.2draft"',
    viz: 'xmlns:viz="http://www.gexf.net/1.2draft/viz"',
  },
  {
    version: "1.3",
    namespace: 'xmlns="http://gexf.net/1.3"',
    viz: 'xmlns:viz="http://gexf.net/1.3/viz"',
  },
];

/** Parse with a DOM parser that throws on any XML error, to prove the document is well-formed. */
function parseStrictly(xml: string): Document {
  const parser = new DOMParser({
    errorHandler: {
      warning: () => {},
      error: (message: string) => {
        throw new Error(message);
      },
      fatalError: (message: string) => {
        throw new Error(message);
      },
    },
  });
  return parser.parseFromString(xml, "application/xml") as unknown as Document;
}

describe.each(VERSIONS)("writeGexf, GEXF $version", ({ version, namespace, viz }) => {
  const xml = writeGexf(buildTestGraph(), { version });
  const parsed = parse(Graph, xml);

  it("declares the GEXF and viz namespaces of the version", () => {
    expect(xml).toContain(`version="${version}"`);
    expect(xml).toContain(namespace);
    expect(xml).toContain(viz);
    expect(xml).not.toContain("http:///");
    expect(xml).not.toContain("1.1draft");
  });

  it("is well-formed XML", () => {
    expect(() => parseStrictly(xml)).not.toThrow();
  });

  it("parses back to the same order, size and node order", () => {
    expect(parsed.order).toBe(9);
    expect(parsed.size).toBe(7);
    expect(parsed.type).toBe("undirected");
    expect(parsed.nodes()).toEqual(buildTestGraph().nodes());
    expect(parsed.edges()).toEqual(buildTestGraph().edges());
  });

  for (const expected of NODE_EXPECTATIONS) {
    it(`parses back ${expected.key} with its attributes, colour, position and size`, () => {
      const attributes = parsed.getNodeAttributes(expected.key);
      expect(attributes.kind).toBe(expected.kind);
      expect(attributes.community).toBe(expected.community);
      expect(attributes.year).toBe(expected.year);
      expect(attributes.arxiv).toBe(expected.arxiv);
      expect(attributes.color).toBe(expected.color);
      expect(attributes.x).toBe(expected.x);
      expect(attributes.y).toBe(expected.y);
      expect(attributes.size).toBe(expected.size);
    });
  }

  it("keeps the Chinese title and joins the many authors with '; '", () => {
    const survey = parsed.getNodeAttributes(SURVEY_KEY);
    expect(survey.authors).toBe(SURVEY_AUTHORS.join("; "));
    expect(survey.authors).toContain("David A. Clifton");
    expect(parsed.getNodeAttribute(MULTIMODAL_SURVEY_KEY, "titleZh")).toBe(
      "医学领域大型语言模型与多模态模型的全面综述",
    );
  });

  it("round-trips the hostile title as text, without the characters XML forbids", () => {
    expect(parsed.getNodeAttribute(HOSTILE_KEY, "label")).toBe(HOSTILE_LABEL_IN_XML);
    expect(parsed.getNodeAttribute(HOSTILE_KEY, "title")).toBe(HOSTILE_LABEL_IN_XML);
    expect(parsed.getNodeAttribute(HOSTILE_KEY, "authors")).toBe('=SUM(1,2); O\'Brien, "Pat"');
    expect(xml).not.toContain("<img");
    expect(xml.includes("\u0000") || xml.includes("\u0008")).toBe(false);
  });

  it("writes both edges between the same pair, with GEXF kind, weight, score and evidence", () => {
    const related = formatEdgeKey("related", SURVEY_KEY, CLIMEDBENCH_PAPER_KEY);
    const lists = formatEdgeKey("lists", SURVEY_KEY, CLIMEDBENCH_PAPER_KEY);
    expect(parsed.edges(SURVEY_KEY, CLIMEDBENCH_PAPER_KEY).sort()).toEqual([lists, related]);
    expect(parsed.getEdgeAttributes(related)).toEqual({
      kind: "related",
      weight: 1,
      score: 50.032101237019205,
      evidence: "004_40aedddfa3fa7395.txt: related entry 2, score 50.03",
    });
    expect(parsed.getEdgeAttribute(lists, "kind")).toBe("lists");
  });

  it("flattens several evidence items and their line breaks into one readable string", () => {
    const covers = formatEdgeKey("covers", MULTIMODAL_SURVEY_KEY, "topic:multimodal");
    expect(parsed.getEdgeAttribute(covers, "evidence")).toBe(
      "000_91f9a88de989621d.txt: the title names multimodal models | " +
        "000_91f9a88de989621d.txt: the abstract says MLLMs",
    );
    expect(parsed.getEdgeAttribute(covers, "weight")).toBe(2);
    const hostile = formatEdgeKey("covers", HOSTILE_KEY, "topic:rag");
    expect(parsed.getEdgeAttribute(hostile, "evidence")).toBe(
      'notes/hostile.md: uses <script>alert("x")</script> & RAG, over two lines',
    );
  });

  it("declares node and edge attributes with explicit types", () => {
    const declarations = [
      '<attribute id="kind" title="kind" type="string"/>',
      '<attribute id="community" title="community" type="integer"/>',
      '<attribute id="year" title="year" type="integer"/>',
      '<attribute id="arxiv" title="arxiv" type="string"/>',
      '<attribute id="date" title="date" type="string"/>',
      '<attribute id="title" title="title" type="string"/>',
      '<attribute id="titleZh" title="titleZh" type="string"/>',
      '<attribute id="authors" title="authors" type="string"/>',
      '<attribute id="urls" title="urls" type="string"/>',
      '<attribute id="sources" title="sources" type="string"/>',
      '<attribute id="score" title="score" type="double"/>',
      '<attribute id="evidence" title="evidence" type="string"/>',
    ];
    for (const declaration of declarations) expect(xml).toContain(declaration);
  });

  it("leaves out abstracts and the layout attributes that the viz module carries", () => {
    for (const id of ["abstract", "abstractZh", "x", "y", "size", "color", "label"]) {
      expect(xml).not.toContain(`<attribute id="${id}"`);
    }
    expect(parsed.hasNodeAttribute(HOSTILE_KEY, "abstract")).toBe(false);
  });

  it("writes creator and description meta, and no graph attributes as meta", () => {
    expect(xml).toContain("<creator>litgraph</creator>");
    expect(xml).toMatch(/<description>[^<]+<\/description>/);
    expect(xml).not.toMatch(/<(modularity|version|communities|builtFrom)>/i);
    expect(parsed.getAttribute("creator")).toBe("litgraph");
  });

  it("gives byte-identical output for two builds of the same graph", () => {
    expect(writeGexf(buildTestGraph(), { version })).toBe(xml);
  });
});

describe("writeGexf options", () => {
  it("writes GEXF 1.2draft by default", () => {
    const xml = writeGexf(buildTestGraph());
    expect(xml).toContain('version="1.2"');
    expect(xml).toContain('xmlns="http://www.gexf.net/1.2draft"');
  });

  it("rejects an unknown version with invalid-options", () => {
    const options = { version: "1.1" } as unknown as GexfOptions;
    expect(() => writeGexf(buildTestGraph(), options)).toThrow(/"1.1" is not supported/);
    try {
      writeGexf(buildTestGraph(), options);
    } catch (error) {
      expect(error).toBeInstanceOf(LitgraphError);
      expect((error as LitgraphError).code).toBe("invalid-options");
    }
    expect.assertions(3);
  });

  it("leaves out a colour it cannot read rather than writing a broken one", () => {
    const graph = buildTestGraph();
    graph.setNodeAttribute("topic:rag", "color", "hsl(120, 50%, 50%)");
    const parsed = parse(Graph, writeGexf(graph));
    expect(parsed.hasNodeAttribute("topic:rag", "color")).toBe(false);
    expect(parsed.getNodeAttribute("topic:multimodal", "color")).toBe("rgb(255,127,14)");
  });

  it("writes alpha when the colour has one", () => {
    const graph = buildTestGraph();
    graph.setNodeAttribute("topic:rag", "color", "rgba(10, 20, 30, 0.5)");
    const parsed = parse(Graph, writeGexf(graph));
    expect(parsed.getNodeAttribute("topic:rag", "color")).toBe("rgba(10,20,30,0.5)");
  });
});
