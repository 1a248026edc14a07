// GraphML: a well-formed document with typed keys that parses back to the same nodes, edges and
// values; hostile text survives; output is byte-stable.
import { DOMParser } from "@xmldom/xmldom";
import { describe, expect, it } from "vitest";
import { writeGraphml } from "../../src/export/index.ts";
import {
  buildTestGraph,
  CLIMEDBENCH_PAPER_KEY,
  formatEdgeKey,
  HOSTILE_KEY,
  MULTIMODAL_SURVEY_KEY,
  SURVEY_KEY,
} from "../_graph.ts";

interface ParsedKey {
  domain: string;
  name: string;
  type: string;
}

interface ParsedGraphml {
  keys: Map<string, ParsedKey>;
  edgedefault: string | null;
  graphData: Map<string, string>;
  nodes: { id: string; data: Map<string, string> }[];
  edges: { source: string; target: string; hasId: boolean; data: Map<string, string> }[];
}

/** A small GraphML reader for the test: strict XML parsing, data named by `attr.name`. */
function readGraphml(xml: string): ParsedGraphml {
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
  const document = parser.parseFromString(xml, "application/xml");
  const keys = new Map<string, ParsedKey>();
  for (const key of Array.from(document.getElementsByTagName("key"))) {
    keys.set(key.getAttribute("id") ?? "", {
      domain: key.getAttribute("for") ?? "",
      name: key.getAttribute("attr.name") ?? "",
      type: key.getAttribute("attr.type") ?? "",
    });
  }
  const readData = (element: Element): Map<string, string> => {
    const data = new Map<string, string>();
    for (const child of Array.from(element.childNodes)) {
      if (child.nodeName !== "data") continue;
      const dataElement = child as Element;
      const key = keys.get(dataElement.getAttribute("key") ?? "");
      if (key === undefined) throw new Error(`undeclared key ${dataElement.getAttribute("key")}`);
      data.set(key.name, dataElement.textContent ?? "");
    }
    return data;
  };
  const graph = document.getElementsByTagName("graph")[0];
  if (graph === undefined) throw new Error("no graph element");
  return {
    keys,
    edgedefault: graph.getAttribute("edgedefault"),
    graphData: readData(graph as unknown as Element),
    nodes: Array.from(document.getElementsByTagName("node")).map((node) => ({
      id: node.getAttribute("id") ?? "",
      data: readData(node as unknown as Element),
    })),
    edges: Array.from(document.getElementsByTagName("edge")).map((edge) => ({
      source: edge.getAttribute("source") ?? "",
      target: edge.getAttribute("target") ?? "",
      hasId: edge.hasAttribute("id"),
      data: readData(edge as unknown as Element),
    })),
  };
}

describe("writeGraphml", () => {
  const xml = writeGraphml(buildTestGraph());
  const parsed = readGraphml(xml);

  it("is an undirected GraphML graph with every node and edge in graph order", () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<graphml ')).toBe(true);
    expect(xml).toContain('xmlns="http://graphml.graphdrawing.org/xmlns"');
    expect(parsed.edgedefault).toBe("undirected");
    expect(parsed.nodes.map((node) => node.id)).toEqual(buildTestGraph().nodes());
    expect(parsed.edges.map((edge) => edge.data.get("key"))).toEqual(buildTestGraph().edges());
  });

  const KEY_TYPES = [
    { id: "n_kind", domain: "node", name: "kind", type: "string" },
    { id: "n_label", domain: "node", name: "label", type: "string" },
    { id: "n_community", domain: "node", name: "community", type: "int" },
    { id: "n_year", domain: "node", name: "year", type: "int" },
    { id: "n_x", domain: "node", name: "x", type: "double" },
    { id: "n_y", domain: "node", name: "y", type: "double" },
    { id: "n_size", domain: "node", name: "size", type: "double" },
    { id: "n_color", domain: "node", name: "color", type: "string" },
    { id: "n_authors", domain: "node", name: "authors", type: "string" },
    { id: "e_kind", domain: "edge", name: "kind", type: "string" },
    { id: "e_weight", domain: "edge", name: "weight", type: "double" },
    { id: "e_score", domain: "edge", name: "score", type: "double" },
    { id: "e_evidence", domain: "edge", name: "evidence", type: "string" },
    { id: "g_modularity", domain: "graph", name: "modularity", type: "double" },
  ];

  for (const { id, domain, name, type } of KEY_TYPES) {
    it(`declares ${domain} key ${name} as ${type}`, () => {
      expect(parsed.keys.get(id)).toEqual({ domain, name, type });
    });
  }

  it("declares no key for abstracts", () => {
    const names = [...parsed.keys.values()].map((key) => key.name);
    expect(names).not.toContain("abstract");
    expect(names).not.toContain("abstractZh");
  });

  it("writes node values as text, lists joined with '; '", () => {
    const survey = parsed.nodes.find((node) => node.id === SURVEY_KEY)?.data;
    expect(survey?.get("kind")).toBe("survey");
    expect(survey?.get("community")).toBe("0");
    expect(survey?.get("year")).toBe("2023");
    expect(survey?.get("x")).toBe("12.5");
    expect(survey?.get("y")).toBe("-3.25");
    expect(survey?.get("color")).toBe("#1f77b4");
    expect(survey?.get("sources")).toBe("004_40aedddfa3fa7395.txt; 002_176b547fe41fd847.txt");
    const multimodal = parsed.nodes.find((node) => node.id === MULTIMODAL_SURVEY_KEY)?.data;
    expect(multimodal?.get("titleZh")).toBe("医学领域大型语言模型与多模态模型的全面综述");
  });

  it("round-trips the hostile title as text, without the characters XML forbids", () => {
    const hostile = parsed.nodes.find((node) => node.id === HOSTILE_KEY)?.data;
    expect(hostile?.get("label")).toBe(
      "Dosing notes <img src=x onerror=alert(1)> & \"double\" 'single' quotes",
    );
    expect(hostile?.get("urls")).toBe("https://example.org/a?b=1&c=2");
    expect(xml).not.toContain("<img");
    expect(xml.includes("\u0000") || xml.includes("\u0008")).toBe(false);
  });

  it("writes both edges between the same pair, with the key as data and no edge id", () => {
    const pair = parsed.edges.filter(
      (edge) => edge.source === SURVEY_KEY && edge.target === CLIMEDBENCH_PAPER_KEY,
    );
    expect(pair.map((edge) => edge.data.get("kind"))).toEqual(["related", "lists"]);
    expect(pair[0]?.data.get("key")).toBe(
      formatEdgeKey("related", SURVEY_KEY, CLIMEDBENCH_PAPER_KEY),
    );
    expect(pair[0]?.data.get("score")).toBe("50.032101237019205");
    expect(parsed.edges.some((edge) => edge.hasId)).toBe(false);
  });

  it("flattens evidence to 'source: snippet | source: snippet'", () => {
    const covers = parsed.edges.find(
      (edge) => edge.data.get("key") === formatEdgeKey("covers", HOSTILE_KEY, "topic:rag"),
    );
    expect(covers?.data.get("evidence")).toBe(
      'notes/hostile.md: uses <script>alert("x")</script> & RAG, over two lines',
    );
  });

  it("writes the graph's version and modularity as graph data", () => {
    expect(parsed.graphData.get("version")).toBe("1");
    expect(parsed.graphData.get("modularity")).toBe("0.3125");
  });

  it("gives byte-identical output for two builds of the same graph", () => {
    expect(writeGraphml(buildTestGraph())).toBe(xml);
  });
});
