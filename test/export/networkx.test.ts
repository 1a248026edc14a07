// An independent reader: networkx (Python) reads the GEXF and GraphML files and must find the same
// graph. Skipped when python3 with networkx is missing, except in CI, where it must run.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writeGexf, writeGraphml } from "../../src/export/index.ts";
import {
  buildTestGraph,
  CLIMEDBENCH_PAPER_KEY,
  HOSTILE_KEY,
  MULTIMODAL_SURVEY_KEY,
  SURVEY_KEY,
} from "../_graph.ts";

/**
 * Reads a GEXF or GraphML file with networkx and prints what the test compares as JSON.
 * networkx returns a MultiGraph only when it meets two edges between the same pair, so the
 * type name is part of what is checked.
 */
const READER = `
import json, sys
import networkx as nx
from networkx.readwrite.gexf import GEXF

kind, path, survey, hostile, multimodal, paper = sys.argv[1:7]
if kind == "probe":
    print(json.dumps({"gexfVersions": sorted(GEXF.versions)}))
    sys.exit(0)
graph = nx.read_gexf(path) if kind == "gexf" else nx.read_graphml(path)
node = dict(graph.nodes[survey])
node.pop("authors", None)
pair = graph.get_edge_data(survey, paper) or {}
print(json.dumps({
    "type": type(graph).__name__,
    "nodes": graph.number_of_nodes(),
    "edges": graph.number_of_edges(),
    "survey": node,
    "authorCount": len(graph.nodes[survey]["authors"].split("; ")),
    "hostileLabel": graph.nodes[hostile]["label"],
    "titleZh": graph.nodes[multimodal]["titleZh"],
    "pairKinds": sorted(data["kind"] for data in pair.values()),
}, ensure_ascii=False))
`;

/** Debian's python3 first: that is where `apt-get install python3-networkx` puts networkx. */
const PYTHON =
  ["/usr/bin/python3", "python3"].find(
    (candidate) => spawnSync(candidate, ["-c", "import networkx"]).status === 0,
  ) ?? "python3";

function runReader(kind: "probe" | "gexf" | "graphml", path = ""): unknown {
  const result = spawnSync(
    PYTHON,
    [
      "-c",
      READER,
      kind,
      path,
      SURVEY_KEY,
      HOSTILE_KEY,
      MULTIMODAL_SURVEY_KEY,
      CLIMEDBENCH_PAPER_KEY,
    ],
    { encoding: "utf8" },
  );
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(`networkx could not read ${path || "its own module"}:\n${result.stderr}`);
  }
  return JSON.parse(result.stdout);
}

function probeNetworkx(): { gexfVersions: string[] } | undefined {
  try {
    return runReader("probe") as { gexfVersions: string[] };
  } catch {
    return undefined;
  }
}

const probe = probeNetworkx();
// Locally a missing networkx only skips; in CI (CI is set) the test runs and fails loudly.
const skip = probe === undefined && !process.env.CI;

const directory = mkdtempSync(join(tmpdir(), "litgraph-export-"));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const HOSTILE_LABEL_IN_XML =
  "Dosing notes <img src=x onerror=alert(1)> & \"double\" 'single' quotes";

describe.skipIf(skip)("networkx reads the exports", () => {
  it("is installed (python3 -c 'import networkx')", () => {
    expect(
      probe,
      "python3 with networkx is required in CI (apt-get install python3-networkx)",
    ).toBeDefined();
  });

  const GEXF_CASES = [
    { version: "1.2", networkxName: "1.2draft" },
    { version: "1.3", networkxName: "1.3" },
  ] as const;

  for (const { version, networkxName } of GEXF_CASES) {
    it(`reads GEXF ${version}: counts, attributes, viz colour, position and size`, (context) => {
      // networkx 2.x reads only GEXF 1.1draft and 1.2draft; 1.3 came with networkx 3.
      if (probe !== undefined && !probe.gexfVersions.includes(networkxName)) {
        context.skip();
      }
      const path = join(directory, `graph-${version}.gexf`);
      writeFileSync(path, writeGexf(buildTestGraph(), { version }));
      expect(runReader("gexf", path)).toEqual({
        type: "MultiGraph",
        nodes: 9,
        edges: 7,
        survey: {
          label:
            "A Survey of Large Language Models in Medicine: Progress, Application, and Challenge",
          kind: "survey",
          title:
            "A Survey of Large Language Models in Medicine: Progress, Application, and Challenge",
          arxiv: "2311.05112",
          year: 2023,
          community: 0,
          urls: "https://arxiv.org/abs/2311.05112; https://github.com/AI-in-Health/MedLLMsPracticalGuide",
          sources: "004_40aedddfa3fa7395.txt; 002_176b547fe41fd847.txt",
          viz: {
            color: { r: 31, g: 119, b: 180, a: 1 },
            size: 14,
            position: { x: 12.5, y: -3.25, z: 0 },
          },
        },
        authorCount: 19,
        hostileLabel: HOSTILE_LABEL_IN_XML,
        titleZh: "医学领域大型语言模型与多模态模型的全面综述",
        pairKinds: ["lists", "related"],
      });
    });
  }

  it("reads GraphML: counts, typed attributes, both edges of the pair", () => {
    const path = join(directory, "graph.graphml");
    writeFileSync(path, writeGraphml(buildTestGraph()));
    expect(runReader("graphml", path)).toEqual({
      type: "MultiGraph",
      nodes: 9,
      edges: 7,
      survey: {
        label:
          "A Survey of Large Language Models in Medicine: Progress, Application, and Challenge",
        kind: "survey",
        title:
          "A Survey of Large Language Models in Medicine: Progress, Application, and Challenge",
        arxiv: "2311.05112",
        year: 2023,
        community: 0,
        urls: "https://arxiv.org/abs/2311.05112; https://github.com/AI-in-Health/MedLLMsPracticalGuide",
        sources: "004_40aedddfa3fa7395.txt; 002_176b547fe41fd847.txt",
        x: 12.5,
        y: -3.25,
        size: 14,
        color: "#1f77b4",
      },
      authorCount: 19,
      hostileLabel: HOSTILE_LABEL_IN_XML,
      titleZh: "医学领域大型语言模型与多模态模型的全面综述",
      pairKinds: ["lists", "related"],
    });
  });
});
