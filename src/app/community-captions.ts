// Community names drawn on the map at their regions while the camera is zoomed out, as VOSviewer and
// Gephi Lite caption their clusters: the field's structure reads before any node label does. As the
// camera comes closer the captions fade and the node labels take over.
import type { LitGraph } from "../graph/types.ts";
import { displayText } from "./dom.ts";

/** A community's caption: its name, where its nodes are, and how many there are. */
export interface CommunityCaption {
  community: number;
  label: string;
  color: string;
  /** Mean position of its nodes, in graph coordinates. */
  x: number;
  y: number;
  size: number;
}

/** Communities smaller than this share of the graph (or 3 nodes) get no caption. */
const MIN_SHARE = 0.01;
const MIN_NODES = 3;
/** At most this many captions, largest communities first. */
const MAX_CAPTIONS = 24;

/**
 * The captions of a graph's communities, largest first: every community with at least 1 % of the
 * nodes (and at least 3), placed at the mean position of its nodes. Pure; computed once per graph.
 */
export function computeCommunityCaptions(graph: LitGraph): CommunityCaption[] {
  const communities = graph.getAttribute("communities") ?? {};
  const sums = new Map<number, { x: number; y: number; n: number }>();
  graph.forEachNode((_key, attributes) => {
    const community = attributes.community;
    if (typeof community !== "number") return;
    if (!Number.isFinite(attributes.x) || !Number.isFinite(attributes.y)) return;
    const sum = sums.get(community) ?? { x: 0, y: 0, n: 0 };
    sum.x += attributes.x;
    sum.y += attributes.y;
    sum.n++;
    sums.set(community, sum);
  });
  const minimum = Math.max(MIN_NODES, Math.ceil(graph.order * MIN_SHARE));
  const captions: CommunityCaption[] = [];
  for (const [community, sum] of sums) {
    const info = communities[String(community)];
    if (!info || sum.n < minimum || !info.label) continue;
    captions.push({
      community,
      label: displayText(info.label),
      color: info.color,
      x: sum.x / sum.n,
      y: sum.y / sum.n,
      size: sum.n,
    });
  }
  captions.sort((a, b) => b.size - a.size || a.community - b.community);
  return captions.slice(0, MAX_CAPTIONS);
}

/**
 * How strongly captions show at a camera ratio (sigma's: 1 is the whole graph, smaller is closer):
 * fully from the whole-graph view outwards, fading out as the camera comes in to a third of it.
 */
export function captionOpacity(cameraRatio: number): number {
  const full = 0.8;
  const gone = 0.3;
  if (cameraRatio >= full) return 1;
  if (cameraRatio <= gone) return 0;
  return (cameraRatio - gone) / (full - gone);
}

/** A caption as drawn in one frame, in viewport pixels (for tests and for collision). */
export interface DrawnCaption {
  community: number;
  label: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface CaptionStyle {
  font: string;
  text: string;
  halo: string;
}

/**
 * Draw `captions` on a 2D context, each at its viewport position, largest first; a caption that
 * would overlap one already drawn is skipped. The font grows with the community's share of the
 * graph. Returns what was drawn.
 */
export function drawCaptions(
  context: CanvasRenderingContext2D,
  captions: readonly CommunityCaption[],
  toViewport: (point: { x: number; y: number }) => { x: number; y: number },
  hidden: ReadonlySet<number>,
  total: number,
  opacity: number,
  style: CaptionStyle,
): DrawnCaption[] {
  const drawn: DrawnCaption[] = [];
  if (opacity <= 0) return drawn;
  context.save();
  context.globalAlpha = 0.9 * opacity;
  context.textAlign = "center";
  context.textBaseline = "middle";
  context.lineJoin = "round";
  for (const caption of captions) {
    if (hidden.has(caption.community)) continue;
    const share = caption.size / Math.max(1, total);
    const fontSize = Math.round(12 + 8 * Math.sqrt(Math.min(1, share * 4)));
    context.font = `600 ${fontSize}px ${style.font}`;
    const width = context.measureText(caption.label).width;
    const height = fontSize * 1.2;
    const at = toViewport(caption);
    const box = { x: at.x - width / 2, y: at.y - height / 2, width, height };
    if (drawn.some((other) => overlaps(other, box))) continue;
    context.lineWidth = 4;
    context.strokeStyle = style.halo;
    context.strokeText(caption.label, at.x, at.y);
    context.fillStyle = style.text;
    context.fillText(caption.label, at.x, at.y);
    drawn.push({ community: caption.community, label: caption.label, ...box });
  }
  context.restore();
  return drawn;
}

function overlaps(
  a: { x: number; y: number; width: number; height: number },
  b: { x: number; y: number; width: number; height: number },
): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
