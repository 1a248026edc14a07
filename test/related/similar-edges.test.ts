import Graph from "graphology";
import { describe, expect, it } from "vitest";
import type {
  EdgeAttributes,
  GraphAttributes,
  LitGraph,
  NodeAttributes,
} from "../../src/graph/types.ts";
import { addSimilarEdges, nearestPapers } from "../../src/related/similar-edges.ts";
import { createTextIndex } from "../../src/related/text-vectors.ts";

function paper(key: string, title: string, abstract?: string): [string, NodeAttributes] {
  return [
    key,
    {
      kind: "paper",
      label: title,
      title,
      ...(abstract ? { abstract } : {}),
      community: 0,
      x: 0,
      y: 0,
      size: 1,
      color: "#000",
      sources: [],
    },
  ];
}

function graphOf(entries: Array<[string, NodeAttributes]>): LitGraph {
  const graph: LitGraph = new Graph<NodeAttributes, EdgeAttributes, GraphAttributes>({
    type: "undirected",
    multi: true,
  });
  for (const [key, attributes] of entries) graph.addNode(key, attributes);
  return graph;
}

const papers = () => [
  paper("p:a", "Retrieval augmented generation for open domain question answering"),
  paper("p:b", "Dense retrieval for open domain question answering"),
  paper("p:c", "Protein folding with diffusion models"),
  paper("p:d", "Diffusion models for protein structure generation"),
  paper("p:e", "Untitled"),
];

describe("addSimilarEdges", () => {
  it("joins papers that share rare words and names the words as evidence", () => {
    const graph = graphOf(papers());
    addSimilarEdges(graph, { k: 1, threshold: 0.1 });
    const pairs = graph.mapEdges((_key, attributes, source, target) => {
      expect(attributes.kind).toBe("similar");
      expect(attributes.weight).toBeGreaterThan(0.1);
      return `${source}-${target}`;
    });
    expect(pairs.sort()).toEqual(["p:a-p:b", "p:c-p:d"]);
    const evidence = graph.getEdgeAttribute(graph.edges("p:c", "p:d")[0] as string, "evidence");
    const snippet = evidence[0]?.snippet ?? "";
    expect(snippet).toContain("protein");
    expect(snippet).toContain("diffusion");
    expect(snippet).not.toContain("retrieval");
  });

  it("adds nothing below the threshold", () => {
    const graph = graphOf(papers());
    expect(addSimilarEdges(graph, { threshold: 0.99 })).toBe(0);
    expect(graph.size).toBe(0);
  });

  it("keeps at most k neighbours per paper, the best ones", () => {
    const graph = graphOf([
      paper("p:q", "graph neural network molecule property prediction"),
      paper("p:r", "graph neural network molecule property"),
      paper("p:s", "graph neural network molecule"),
      paper("p:t", "graph neural network"),
    ]);
    addSimilarEdges(graph, { k: 1, threshold: 0 });
    expect(graph.hasEdge("similar:p:q|p:r")).toBe(true);
    expect(graph.hasEdge("similar:p:q|p:t")).toBe(false);
    for (const key of ["p:q", "p:r", "p:s", "p:t"]) expect(graph.degree(key)).toBeGreaterThan(0);
  });

  it("gives the same edges in the same order whatever the order nodes were added in", () => {
    const one = graphOf(papers());
    const two = graphOf([...papers()].reverse());
    addSimilarEdges(one, { threshold: 0 });
    addSimilarEdges(two, { threshold: 0 });
    expect(JSON.stringify(two.export().edges)).toBe(JSON.stringify(one.export().edges));
  });
});

describe("nearestPapers", () => {
  // a and b: the same English title, Chinese abstracts without a bigram in common; c: that title
  // alone; d: a's title and abstract again.
  const texts = [
    { title: "graph neural network", abstractZh: "蛋白质折叠" },
    { title: "graph neural network", abstractZh: "图像生成模型" },
    { title: "graph neural network" },
    { title: "graph neural network", abstractZh: "蛋白质折叠" },
  ];
  const index = createTextIndex(texts, { commonTermMinimum: 1000 });
  // Each paper's neighbours by position (the order of scores equal but for rounding is not the
  // point here), with their scores to three decimals.
  const near = (threshold: number) =>
    nearestPapers(index, { k: 5, threshold }).map((list) =>
      list
        .map(({ other, score }) => [other, Math.round(score * 1000) / 1000])
        .sort((x, y) => (x[0] as number) - (y[0] as number)),
    );

  it("averages the cosines of the languages both papers have text in, each neighbour once", () => {
    expect(near(0.4)).toEqual([
      [
        [1, 0.5],
        [2, 1],
        [3, 1],
      ],
      [
        [0, 0.5],
        [2, 1],
        [3, 0.5],
      ],
      [
        [0, 1],
        [1, 1],
        [3, 1],
      ],
      [
        [0, 1],
        [1, 0.5],
        [2, 1],
      ],
    ]);
  });

  it("leaves out a pair whose mean is below the threshold though one cosine is above it", () => {
    expect(near(0.6)[1]).toEqual([[2, 1]]);
    expect(near(0.6)[0]).toEqual([
      [2, 1],
      [3, 1],
    ]);
  });

  it("keeps every pair sharing a term at threshold 0, and no pair sharing none", () => {
    const apart = createTextIndex([{ title: "protein folding" }, { title: "image generation" }], {
      commonTermMinimum: 1000,
    });
    expect(nearestPapers(apart, { k: 5, threshold: 0 })).toEqual([[], []]);
    expect(near(0).map((list) => list.length)).toEqual([3, 3, 3, 3]);
  });
});
