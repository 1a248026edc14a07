// The reducers as plain functions: which node program each kind gets, hiding, dimming around the
// focus, and the selection's highlight. No browser needed.
import { describe, expect, it } from "vitest";
import {
  BENCHMARK_RING,
  createReducerView,
  edgeSize,
  reduceEdge,
  reduceNode,
  SURVEY_RING,
  selectNodeProgram,
} from "../../src/app/reducers.ts";
import { DEFAULT_FILTERS } from "../../src/app/state.ts";
import { PALETTES } from "../../src/app/theme.ts";
import { computeVisibility } from "../../src/app/visibility.ts";
import { buildTestGraph, CLIMEDBENCH_PAPER_KEY, SURVEY_KEY, TRUST_SURVEY_KEY } from "../_graph.ts";

const palette = PALETTES.light;

function viewOf(state: { hovered?: string; selected?: string }, hiddenKinds: string[] = []) {
  const graph = buildTestGraph();
  const visibility = computeVisibility(
    graph,
    { ...DEFAULT_FILTERS, hiddenKinds: hiddenKinds as never },
    state.selected ?? null,
  );
  return {
    graph,
    view: createReducerView(
      graph,
      { hovered: state.hovered ?? null, selected: state.selected ?? null },
      visibility,
      palette,
    ),
  };
}

describe("selectNodeProgram", () => {
  const cases: [kind: string, program: string][] = [
    ["paper", "circle"],
    ["survey", "border"],
    ["topic", "square"],
    ["benchmark", "border"],
    ["collection", "border"],
    ["model", "circle"],
    ["type", "circle"],
  ];
  for (const [kind, program] of cases) {
    it(`draws a ${kind} with the ${program} program`, () => {
      expect(selectNodeProgram(kind)).toBe(program);
    });
  }
});

describe("reduceNode", () => {
  it("keeps position, size, colour and label, and sets the program in `type`", () => {
    const { graph, view } = viewOf({});
    const data = graph.getNodeAttributes(CLIMEDBENCH_PAPER_KEY);
    expect(reduceNode(CLIMEDBENCH_PAPER_KEY, { ...data }, view)).toEqual({
      x: data.x,
      y: data.y,
      size: data.size,
      color: data.color,
      label: data.label,
      type: "circle",
    });
    expect(graph.getNodeAttributes(CLIMEDBENCH_PAPER_KEY)).not.toHaveProperty("type");
  });

  it("rings surveys in the text colour and draws benchmarks as hollow rings", () => {
    const { graph, view } = viewOf({});
    const survey = reduceNode(SURVEY_KEY, graph.getNodeAttributes(SURVEY_KEY), view);
    expect(survey).toMatchObject({
      type: "border",
      borderColor: palette.text,
      borderSize: SURVEY_RING,
    });
    const medqa = graph.getNodeAttributes("benchmark:medqa");
    expect(reduceNode("benchmark:medqa", medqa, view)).toMatchObject({
      type: "border",
      color: palette.background,
      borderColor: medqa.color,
      borderSize: BENCHMARK_RING,
    });
  });

  it("hides what the filters leave out", () => {
    const { graph, view } = viewOf({}, ["topic"]);
    expect(reduceNode("topic:rag", graph.getNodeAttributes("topic:rag"), view).hidden).toBe(true);
    expect(
      reduceNode(SURVEY_KEY, graph.getNodeAttributes(SURVEY_KEY), view).hidden,
    ).toBeUndefined();
  });

  it("dims everything outside the hovered node's neighbourhood and labels the neighbourhood", () => {
    const { graph, view } = viewOf({ hovered: SURVEY_KEY });
    const far = reduceNode(TRUST_SURVEY_KEY, graph.getNodeAttributes(TRUST_SURVEY_KEY), view);
    expect(far).toMatchObject({
      color: palette.dimNode,
      borderColor: palette.dimNode,
      label: null,
    });
    const near = reduceNode(
      CLIMEDBENCH_PAPER_KEY,
      graph.getNodeAttributes(CLIMEDBENCH_PAPER_KEY),
      view,
    );
    expect(near).toMatchObject({ forceLabel: true, zIndex: 1 });
    expect(near.color).toBe(graph.getNodeAttribute(CLIMEDBENCH_PAPER_KEY, "color"));
  });

  it("the hovered node takes the focus over the selection, which stays highlighted", () => {
    const { graph, view } = viewOf({ hovered: "topic:rag", selected: SURVEY_KEY });
    expect(view.focus).toBe("topic:rag");
    const selected = reduceNode(SURVEY_KEY, graph.getNodeAttributes(SURVEY_KEY), view);
    expect(selected).toMatchObject({ highlighted: true, forceLabel: true, zIndex: 2 });
  });

  it("ignores a focus on a node the graph does not have", () => {
    const { view } = viewOf({ hovered: "paper:missing" });
    expect(view.focus).toBeNull();
    expect(view.focusNeighbourhood).toBeNull();
  });
});

describe("reduceEdge", () => {
  it("highlights the focus's edges and dims the others", () => {
    const { graph, view } = viewOf({ selected: SURVEY_KEY });
    graph.forEachEdge((_edge, attributes, source, target) => {
      const display = reduceEdge(attributes, source, target, view);
      const touches = source === SURVEY_KEY || target === SURVEY_KEY;
      expect(display.color).toBe(touches ? palette.edgeHighlight : palette.dimEdge);
    });
  });

  it("draws edges in the plain edge colour without a focus", () => {
    const { graph, view } = viewOf({});
    const [edge] = graph.edges();
    const display = reduceEdge(graph.getEdgeAttributes(edge as string), "a", "b", view);
    expect(display.color).toBe(palette.edge);
  });
});

describe("edgeSize", () => {
  const cases: [weight: number, size: number][] = [
    [Number.NaN, 0.6],
    [0, 0.6],
    [1, 0.6],
    [2, 1.2],
    [4, 1.8],
    [1024, 3],
  ];
  for (const [weight, size] of cases) {
    it(`weight ${weight} → ${size}px`, () => {
      expect(edgeSize(weight)).toBeCloseTo(size, 6);
    });
  }
});
