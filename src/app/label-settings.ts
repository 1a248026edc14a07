// How many labels sigma draws, per label-density level: sigma keeps at most `labelDensity` labels per
// grid cell of `labelGridCellSize` pixels, and none for nodes drawn smaller than the threshold.
import type { LabelDensity } from "./state.ts";

export interface LabelSettings {
  labelDensity: number;
  labelGridCellSize: number;
  labelRenderedSizeThreshold: number;
}

/** Settings per level, for graphs up to `LARGE_GRAPH_ORDER` nodes. */
export const LABEL_SETTINGS: Record<LabelDensity, LabelSettings> = {
  few: { labelDensity: 0.3, labelGridCellSize: 220, labelRenderedSizeThreshold: 11 },
  some: { labelDensity: 0.6, labelGridCellSize: 180, labelRenderedSizeThreshold: 8 },
  many: { labelDensity: 2, labelGridCellSize: 90, labelRenderedSizeThreshold: 3 },
};

/** From this many nodes on, small nodes need to be drawn larger before they get a label. */
export const LARGE_GRAPH_ORDER = 5000;

/**
 * Label settings for a level and a graph of `order` nodes: large graphs raise the size threshold
 * by 2 pixels so that zooming out does not fill the screen with labels of tiny nodes.
 */
export function resolveLabelSettings(level: LabelDensity, order: number): LabelSettings {
  const base = LABEL_SETTINGS[level];
  return order >= LARGE_GRAPH_ORDER
    ? { ...base, labelRenderedSizeThreshold: base.labelRenderedSizeThreshold + 2 }
    : { ...base };
}
