// The sigma renderer of the explorer: one node program per look (disc, ringed disc, square), the
// reducers of reducers.ts, themed labels, and the first-frame performance mark. Returns its teardown.
import { createNodeBorderProgram } from "@sigma/node-border";
import { NodeSquareProgram } from "@sigma/node-square";
import Sigma from "sigma";
import { NodeCircleProgram } from "sigma/rendering";
import type { Settings } from "sigma/settings";
import type { EdgeAttributes, GraphAttributes, LitGraph, NodeAttributes } from "../graph/types.ts";
import {
  captionOpacity,
  computeCommunityCaptions,
  type DrawnCaption,
  drawCaptions,
} from "./community-captions.ts";
import { type LabelSettings, resolveLabelSettings } from "./label-settings.ts";
import { createLabelDrawers } from "./node-labels.ts";
import { MARK_FIRST_FRAME } from "./perf-marks.ts";
import { type ReducerView, reduceEdge, reduceNode, SURVEY_RING } from "./reducers.ts";
import type { LabelDensity } from "./state.ts";
import type { Palette } from "./theme.ts";

export type LitSigma = Sigma<NodeAttributes, EdgeAttributes, GraphAttributes>;

/** Fonts for labels: the system UI font, then fonts that have CJK glyphs, so Chinese labels render. */
export const LABEL_FONT =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif';

/** From this many edges on, edges are hidden while the camera moves, to keep panning smooth. */
export const HIDE_EDGES_ON_MOVE_FROM = 20_000;

export interface RendererOptions {
  getView: () => ReducerView;
  getPalette: () => Palette;
  labelDensity: LabelDensity;
}

export interface Renderer {
  sigma: LitSigma;
  /** Apply a new palette (after a theme switch). */
  setPalette(palette: Palette): void;
  setLabelDensity(level: LabelDensity): void;
  /** Re-run the reducers (after a state change). */
  refresh(): void;
  /** The community captions of the last frame, in viewport pixels. */
  captions(): readonly DrawnCaption[];
  destroy(): void;
}

/** Draw `graph` in `container` at its stored layout. */
export function createRenderer(
  container: HTMLElement,
  graph: LitGraph,
  options: RendererOptions,
): Renderer {
  const { drawLabel, drawHover, startFrame } = createLabelDrawers(options.getPalette);
  const BorderProgram = createNodeBorderProgram<NodeAttributes, EdgeAttributes, GraphAttributes>({
    borders: [
      {
        size: { attribute: "borderSize", defaultValue: SURVEY_RING },
        color: { attribute: "borderColor" },
      },
      { size: { fill: true }, color: { attribute: "color" } },
    ],
    drawLabel,
    drawHover,
  });
  class SquareProgram extends NodeSquareProgram<NodeAttributes, EdgeAttributes, GraphAttributes> {
    override drawLabel = drawLabel;
    override drawHover = drawHover;
  }

  const palette = options.getPalette();
  const settings: Partial<Settings<NodeAttributes, EdgeAttributes, GraphAttributes>> = {
    nodeProgramClasses: { circle: NodeCircleProgram, border: BorderProgram, square: SquareProgram },
    defaultNodeType: "circle",
    defaultDrawNodeLabel: drawLabel,
    defaultDrawNodeHover: drawHover,
    labelFont: LABEL_FONT,
    labelSize: 13,
    labelWeight: "500",
    labelColor: { color: palette.text },
    defaultEdgeColor: palette.edge,
    zIndex: true,
    stagePadding: 40,
    minCameraRatio: 0.01,
    maxCameraRatio: 6,
    hideEdgesOnMove: graph.size >= HIDE_EDGES_ON_MOVE_FROM,
    ...resolveLabelSettings(options.labelDensity, graph.order),
    nodeReducer: (node, data) => reduceNode(node, data, options.getView()),
    edgeReducer: (edge, data) =>
      reduceEdge(data, graph.source(edge), graph.target(edge), options.getView()),
  };
  // sigma types reducers as returning display data of the attribute type; ours return display data.
  const sigma: LitSigma = new Sigma(graph, container, settings as never);
  // Sigma follows window resizes only; the panel and sidebar resize the container on their own.
  // The observer also reports the size it starts with: only a real change redraws.
  let size = `${container.offsetWidth}x${container.offsetHeight}`;
  const resizeObserver = new ResizeObserver(() => {
    const next = `${container.offsetWidth}x${container.offsetHeight}`;
    if (next === size) return;
    size = next;
    sigma.resize();
    sigma.refresh({ skipIndexation: true });
  });
  resizeObserver.observe(container);

  // Each frame places its labels afresh (the first frame, drawn in the constructor, starts empty).
  sigma.on("beforeRender", startFrame);

  // Community names over the map while zoomed out, under the hover layer and letting the mouse through.
  const communityCaptions = computeCommunityCaptions(graph);
  let drawnCaptions: DrawnCaption[] = [];
  // Which captions the filters hide, worked out once per filter state rather than every frame.
  const hiddenByVisibility = new WeakMap<ReducerView["visibility"], ReadonlySet<number>>();
  const hiddenCaptionsOf = (visibility: ReducerView["visibility"]): ReadonlySet<number> => {
    const cached = hiddenByVisibility.get(visibility);
    if (cached) return cached;
    const hidden = new Set<number>();
    if (visibility.nodes !== null) {
      const shown = new Set<number>();
      for (const node of visibility.nodes) {
        const community = graph.getNodeAttribute(node, "community");
        if (typeof community === "number") shown.add(community);
      }
      for (const caption of communityCaptions) {
        if (!shown.has(caption.community)) hidden.add(caption.community);
      }
    }
    hiddenByVisibility.set(visibility, hidden);
    return hidden;
  };
  sigma.createCanvasContext("captions", {
    beforeLayer: "hovers",
    style: { pointerEvents: "none" },
  } as Parameters<LitSigma["createCanvas"]>[1]);
  sigma.resize(true);
  const captionContext = sigma.getCanvases().captions?.getContext("2d") ?? null;
  const drawCommunityCaptions = () => {
    if (!captionContext) return;
    const { width, height } = sigma.getDimensions();
    captionContext.clearRect(0, 0, width, height);
    const view = options.getView();
    const hidden = hiddenCaptionsOf(view.visibility);
    const palette = options.getPalette();
    drawnCaptions = drawCaptions(
      captionContext,
      communityCaptions,
      (point) => sigma.graphToViewport(point),
      hidden,
      graph.order,
      captionOpacity(sigma.getCamera().ratio) * (view.focus === null ? 1 : 0.35),
      { font: LABEL_FONT, text: palette.text, halo: palette.background },
    );
  };
  sigma.on("afterRender", drawCommunityCaptions);
  drawCommunityCaptions();

  // Sigma renders its first frame, and emits afterRender, inside its constructor: the frame is drawn.
  performance.mark(MARK_FIRST_FRAME);

  return {
    sigma,
    setPalette(next) {
      sigma.setSetting("labelColor", { color: next.text });
      sigma.setSetting("defaultEdgeColor", next.edge);
    },
    setLabelDensity(level) {
      const labels: LabelSettings = resolveLabelSettings(level, graph.order);
      sigma.setSettings(labels);
    },
    refresh() {
      sigma.refresh({ skipIndexation: true });
    },
    captions: () => drawnCaptions,
    destroy() {
      resizeObserver.disconnect();
      sigma.off("beforeRender", startFrame);
      sigma.off("afterRender", drawCommunityCaptions);
      sigma.kill();
    },
  };
}
