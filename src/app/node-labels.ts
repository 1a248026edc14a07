// How sigma draws labels on the canvas: long titles are cut to a readable width, and the hover box
// takes the theme's colours (sigma's default box is always white).
import type { NodeDisplayData, PartialButFor } from "sigma/types";
import { displayText } from "./dom.ts";
import type { Palette } from "./theme.ts";

type LabelData = PartialButFor<NodeDisplayData, "x" | "y" | "size" | "label" | "color">;

/** The font settings sigma passes to drawing functions. */
interface LabelFont {
  labelSize: number;
  labelFont: string;
  labelWeight: string;
}

/** Widest label drawn next to a node, in CSS pixels; hovered and selected labels may be wider. */
export const MAX_LABEL_WIDTH = 170;
export const MAX_HOVER_LABEL_WIDTH = 420;

/** The text of `label` cut with an ellipsis so that it measures at most `maxWidth`. */
export function fitLabel(
  context: Pick<CanvasRenderingContext2D, "measureText">,
  label: string,
  maxWidth: number,
): string {
  if (context.measureText(label).width <= maxWidth) return label;
  const chars = [...label];
  let low = 0;
  let high = chars.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (context.measureText(`${chars.slice(0, mid).join("")}…`).width <= maxWidth) low = mid;
    else high = mid - 1;
  }
  return `${chars.slice(0, low).join("").trimEnd()}…`;
}

/** A label's box on screen, in CSS pixels. */
export interface LabelBox {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * The boxes of the labels drawn in one frame: a label that would overlap one already drawn is
 * skipped. Sigma hands labels over largest node first, so the larger node keeps its label. Sigma's
 * label grid alone lets long labels of neighbouring cells run into each other.
 */
export function createLabelCollider(margin = 2) {
  let boxes: LabelBox[] = [];
  return {
    reset() {
      boxes = [];
    },
    /** Claim `box` unless it overlaps a claimed one; returns whether it was free. */
    claim(box: LabelBox): boolean {
      for (const other of boxes) {
        if (
          box.left < other.right + margin &&
          box.right + margin > other.left &&
          box.top < other.bottom + margin &&
          box.bottom + margin > other.top
        )
          return false;
      }
      boxes.push(box);
      return true;
    },
  };
}

/**
 * Drawing functions bound to the current palette (read at draw time, so a theme switch applies).
 * Call `startFrame` before each frame's labels are drawn.
 */
export function createLabelDrawers(getPalette: () => Palette) {
  const collider = createLabelCollider();
  const drawLabel = (context: CanvasRenderingContext2D, data: LabelData, settings: LabelFont) => {
    if (!data.label) return;
    const palette = getPalette();
    context.font = `${settings.labelWeight} ${settings.labelSize}px ${settings.labelFont}`;
    const text = fitLabel(context, displayText(data.label), MAX_LABEL_WIDTH);
    const x = data.x + data.size + 4;
    const y = data.y + settings.labelSize / 3;
    const width = context.measureText(text).width;
    const free = collider.claim({
      left: x,
      right: x + width,
      top: data.y - settings.labelSize / 2 - 1,
      bottom: data.y + settings.labelSize / 2 + 1,
    });
    if (!free) return;
    // A halo in the background colour keeps labels readable over edges.
    context.lineWidth = 3;
    context.lineJoin = "round";
    context.strokeStyle = palette.background;
    context.strokeText(text, x, y);
    context.fillStyle = palette.text;
    context.fillText(text, x, y);
  };

  const drawHover = (context: CanvasRenderingContext2D, data: LabelData, settings: LabelFont) => {
    const palette = getPalette();
    const size = settings.labelSize;
    context.font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
    context.shadowOffsetX = 0;
    context.shadowOffsetY = 1;
    context.shadowBlur = 8;
    context.shadowColor = palette.labelBoxShadow;
    context.fillStyle = palette.labelBox;
    context.beginPath();
    context.arc(data.x, data.y, data.size + 3, 0, Math.PI * 2);
    context.fill();
    let text = "";
    if (data.label) {
      text = fitLabel(context, displayText(data.label), MAX_HOVER_LABEL_WIDTH);
      const width = context.measureText(text).width + 12;
      const height = size + 10;
      context.beginPath();
      context.roundRect(data.x + data.size + 4, data.y - height / 2, width, height, 5);
      context.fill();
    }
    context.shadowBlur = 0;
    context.shadowOffsetY = 0;
    if (text) {
      context.fillStyle = palette.text;
      context.fillText(text, data.x + data.size + 10, data.y + size / 3);
    }
  };

  return { drawLabel, drawHover, startFrame: () => collider.reset() };
}
