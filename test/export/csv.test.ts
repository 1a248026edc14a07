// CSV: RFC 4180 quoting (commas, quotes, line breaks), header rows, lists and evidence flattened,
// and formula-looking text neutralised for spreadsheets.
import Graph from "graphology";
import { describe, expect, it } from "vitest";
import { writeCsv } from "../../src/export/index.ts";
import type {
  EdgeAttributes,
  GraphAttributes,
  LitGraph,
  NodeAttributes,
} from "../../src/graph/types.ts";
import {
  buildTestGraph,
  CLIMEDBENCH_PAPER_KEY,
  formatEdgeKey,
  HOSTILE_KEY,
  MULTIMODAL_SURVEY_KEY,
  SURVEY_KEY,
} from "../_graph.ts";

/** An RFC 4180 reader for the test: CRLF records, quoted cells with doubled quotes. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        cell += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === ",") {
      row.push(cell);
      cell = "";
    } else if (char === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else {
      cell += char;
    }
  }
  if (cell !== "" || row.length > 0) throw new Error("the last record does not end with CRLF");
  return rows;
}

/** The rows as records keyed by the header row. */
function readRecords(text: string): Record<string, string>[] {
  const [header = [], ...rows] = readCsv(text);
  for (const row of rows) expect(row).toHaveLength(header.length);
  return rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i] ?? ""])));
}

function buildOneNodeGraph(label: string): LitGraph {
  const graph: LitGraph = new Graph<NodeAttributes, EdgeAttributes, GraphAttributes>({
    type: "undirected",
    multi: true,
  });
  graph.addNode("topic:probe", {
    kind: "topic",
    label,
    community: 0,
    x: -1.5,
    y: 2,
    size: 1,
    color: "#000000",
    sources: ["probe.txt"],
  });
  return graph;
}

describe("writeCsv", () => {
  const { nodes, edges } = writeCsv(buildTestGraph());
  const nodeRecords = readRecords(nodes);
  const edgeRecords = readRecords(edges);

  it("starts each table with a header row", () => {
    expect(nodes.split("\r\n")[0]).toBe(
      "key,kind,label,title,titleZh,arxiv,doi,year,date,authors,urls,parent,origin,modality,language," +
        "task,community,x,y,size,color,sources,abstract,abstractZh",
    );
    expect(edges.split("\r\n")[0]).toBe("key,source,target,kind,weight,score,evidence");
  });

  it("has one record per node and edge, in graph order, each ending with CRLF", () => {
    expect(nodeRecords.map((record) => record.key)).toEqual(buildTestGraph().nodes());
    expect(edgeRecords.map((record) => record.key)).toEqual(buildTestGraph().edges());
    expect(nodes.endsWith("\r\n")).toBe(true);
    expect(edges.endsWith("\r\n")).toBe(true);
  });

  it("quotes a cell holding a comma, doubling the quotes inside", () => {
    expect(nodes).toContain(
      `"Dosing notes <img src=x onerror=alert(1)> & ""double"" 'single' quotes"`,
    );
    expect(nodes).toContain(`"'=SUM(1,2); O'Brien, ""Pat"""`);
  });

  it("keeps a line break inside a quoted cell", () => {
    expect(nodes).toContain(`"First line, with a comma;\nsecond line with ""quotes""."`);
    const hostile = nodeRecords.find((record) => record.key === HOSTILE_KEY);
    expect(hostile?.abstract).toBe('First line, with a comma;\nsecond line with "quotes".');
  });

  it("removes control characters that are not tab or line breaks", () => {
    const hostile = nodeRecords.find((record) => record.key === HOSTILE_KEY);
    expect(hostile?.label).toBe(
      "Dosing notes <img src=x onerror=alert(1)> & \"double\" 'single' quotes",
    );
    expect(nodes.includes("\u0000") || nodes.includes("\u0008")).toBe(false);
  });

  it("writes node values, lists joined with '; ', numbers as numbers", () => {
    const survey = nodeRecords.find((record) => record.key === SURVEY_KEY);
    expect(survey?.kind).toBe("survey");
    expect(survey?.year).toBe("2023");
    expect(survey?.community).toBe("0");
    expect(survey?.y).toBe("-3.25");
    expect(survey?.authors?.split("; ")).toHaveLength(19);
    expect(survey?.sources).toBe("004_40aedddfa3fa7395.txt; 002_176b547fe41fd847.txt");
    expect(survey?.date).toBe("");
    const multimodal = nodeRecords.find((record) => record.key === MULTIMODAL_SURVEY_KEY);
    expect(multimodal?.titleZh).toBe("医学领域大型语言模型与多模态模型的全面综述");
  });

  it("writes edges with their endpoints, kind, weight, score and flattened evidence", () => {
    const related = edgeRecords.find(
      (record) => record.key === formatEdgeKey("related", SURVEY_KEY, CLIMEDBENCH_PAPER_KEY),
    );
    expect(related).toEqual({
      key: formatEdgeKey("related", SURVEY_KEY, CLIMEDBENCH_PAPER_KEY),
      source: SURVEY_KEY,
      target: CLIMEDBENCH_PAPER_KEY,
      kind: "related",
      weight: "1",
      score: "50.032101237019205",
      evidence: "004_40aedddfa3fa7395.txt: related entry 2, score 50.03",
    });
    const hostile = edgeRecords.find(
      (record) => record.key === formatEdgeKey("covers", HOSTILE_KEY, "topic:rag"),
    );
    expect(hostile?.evidence).toBe(
      'notes/hostile.md: uses <script>alert("x")</script> & RAG, over two lines',
    );
  });

  it("gives byte-identical output for two builds of the same graph", () => {
    expect(writeCsv(buildTestGraph())).toEqual({ nodes, edges });
  });
});

describe("writeCsv formula neutralising", () => {
  const CASES = [
    { name: "equals sign", label: "=1+1", cell: "'=1+1" },
    { name: "plus sign", label: "+1 more", cell: "'+1 more" },
    { name: "minus sign", label: "-dosing", cell: "'-dosing" },
    { name: "at sign", label: "@SUM(A1:A2)", cell: "'@SUM(A1:A2)" },
    { name: "tab", label: "\tindented", cell: "'\tindented" },
    { name: "sign later in the text", label: "a = b + c", cell: "a = b + c" },
    { name: "plain title", label: "MedQA", cell: "MedQA" },
    { name: "formula with a comma", label: "=HYPERLINK(1,2)", cell: `"'=HYPERLINK(1,2)"` },
  ];

  for (const { name, label, cell } of CASES) {
    it(`writes a label starting with ${name} as ${JSON.stringify(cell)}`, () => {
      const { nodes } = writeCsv(buildOneNodeGraph(label));
      const row = nodes.split("\r\n")[1] ?? "";
      expect(row.startsWith(`topic:probe,topic,${cell},`)).toBe(true);
    });
  }

  it("does not prefix a negative number", () => {
    const { nodes } = writeCsv(buildOneNodeGraph("Probe"));
    expect(nodes.split("\r\n")[1]).toContain(",0,-1.5,2,1,#000000,probe.txt,,");
  });
});
