// Sigma's node and edge reducers as plain functions of a small view (visibility, focus, palette):
// they pick each kind's node program, dim what is outside the hovered or selected neighbourhood,
// and hide what the filters leave out. The graph itself is never changed for display.
import type { EdgeAttributes, NodeAttributes, NodeKind } from "../graph/types.ts";
import type { Palette } from "./theme.ts";
import { isEdgeShown, type Visibility } from "./visibility.ts";

/** Sigma node program names registered by the renderer (renderer.ts). */
export type NodeProgramName = "circle" | "border" | "square";

/**
 * How each kind is drawn: papers as discs, surveys as discs with a ring in the text colour, topics as
 * squares, benchmarks as hollow rings in their community's colour, collections (curated lists) as
 * hollow rings in the text colour. Unknown kinds are discs.
 */
export const KIND_PROGRAMS: Record<NodeKind, NodeProgramName> = {
  paper: "circle",
  survey: "border",
  topic: "square",
  benchmark: "border",
  collection: "border",
};

/** Ring widths, as a share of the node's radius, for the border program. */
export const SURVEY_RING = 0.3;
export const BENCHMARK_RING = 0.45;

/** Above this many neighbours, hovering labels only the hovered node, not its whole neighbourhood. */
export const MAX_FORCED_NEIGHBOUR_LABELS = 30;

/** What the reducers read: computed once per state change, not per node. */
export interface ReducerView {
  visibility: Visibility;
  /** The hovered node, else the selected one: its neighbourhood is highlighted. */
  focus: string | null;
  /** The focus and its neighbours. */
  focusNeighbourhood: ReadonlySet<string> | null;
  selected: string | null;
  palette: Palette;
}

/** Node display data as sigma takes it, plus the border program's own attributes. */
export interface NodeDisplay {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string | null;
  type: NodeProgramName;
  hidden?: boolean;
  forceLabel?: boolean;
  highlighted?: boolean;
  zIndex?: number;
  borderColor?: string;
  borderSize?: number;
}

export interface EdgeDisplay {
  color?: string;
  size?: number;
  hidden?: boolean;
  zIndex?: number;
}

/** The sigma program of a node kind (a kind the explorer does not know draws as a disc). */
export function selectNodeProgram(kind: string): NodeProgramName {
  return (KIND_PROGRAMS as Record<string, NodeProgramName | undefined>)[kind] ?? "circle";
}

/**
 * Display data of one node. `data` is sigma's copy of the node's attributes. The sigma program goes
 * into `type`, which our data never carries (our `kind` is a different thing).
 */
export function reduceNode(key: string, data: NodeAttributes, view: ReducerView): NodeDisplay {
  const display: NodeDisplay = {
    x: data.x,
    y: data.y,
    size: data.size,
    color: data.color,
    label: data.label,
    type: selectNodeProgram(data.kind),
  };
  if (view.visibility.nodes !== null && !view.visibility.nodes.has(key)) {
    display.hidden = true;
    return display;
  }
  if (data.kind === "survey") {
    display.borderColor = view.palette.text;
    display.borderSize = SURVEY_RING;
  } else if (data.kind === "benchmark") {
    display.borderColor = data.color;
    display.color = view.palette.background;
    display.borderSize = BENCHMARK_RING;
  } else if (data.kind === "collection") {
    display.borderColor = view.palette.text;
    display.color = view.palette.background;
    display.borderSize = BENCHMARK_RING;
  }
  if (view.focus !== null && view.focusNeighbourhood !== null) {
    if (view.focusNeighbourhood.has(key)) {
      display.zIndex = 1;
      display.forceLabel =
        key === view.focus || view.focusNeighbourhood.size <= MAX_FORCED_NEIGHBOUR_LABELS + 1;
    } else {
      display.color = view.palette.dimNode;
      if (display.borderColor !== undefined) display.borderColor = view.palette.dimNode;
      display.label = null;
      display.zIndex = 0;
    }
  }
  if (key === view.selected) {
    display.highlighted = true;
    display.forceLabel = true;
    display.zIndex = 2;
  }
  return display;
}

/** Display data of one edge between `source` and `target`. */
export function reduceEdge(
  data: EdgeAttributes,
  source: string,
  target: string,
  view: ReducerView,
): EdgeDisplay {
  const display: EdgeDisplay = {
    color: view.palette.edge,
    size: edgeSize(data.weight),
  };
  if (!isEdgeShown(view.visibility, data)) {
    display.hidden = true;
    return display;
  }
  if (view.focus !== null) {
    if (source === view.focus || target === view.focus) {
      display.color = view.palette.edgeHighlight;
      display.zIndex = 1;
    } else {
      display.color = view.palette.dimEdge;
    }
  }
  return display;
}

/** Edge thickness in pixels from its weight: thin for one mention, up to 3 for many. */
export function edgeSize(weight: number): number {
  if (!Number.isFinite(weight) || weight <= 1) return 0.6;
  return Math.min(3, 0.6 + Math.log2(weight) * 0.6);
}

/**
 * The view the reducers read for a state: the focus is the hovered node, else the selected one,
 * and its neighbourhood is the focus and its neighbours (hidden ones stay hidden).
 */
export function createReducerView(
  graph: { hasNode(key: string): boolean; neighbors(key: string): string[] },
  state: { hovered: string | null; selected: string | null },
  visibility: Visibility,
  palette: Palette,
): ReducerView {
  const candidate = state.hovered ?? state.selected;
  const focus = candidate !== null && graph.hasNode(candidate) ? candidate : null;
  const focusNeighbourhood = focus === null ? null : new Set([focus, ...graph.neighbors(focus)]);
  const selected = state.selected !== null && graph.hasNode(state.selected) ? state.selected : null;
  return { visibility, focus, focusNeighbourhood, selected, palette };
}
