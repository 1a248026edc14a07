// Label density levels: more labels from "few" to "many", and a higher size threshold on large graphs.
import { describe, expect, it } from "vitest";
import {
  LABEL_SETTINGS,
  LARGE_GRAPH_ORDER,
  resolveLabelSettings,
} from "../../src/app/label-settings.ts";

describe("resolveLabelSettings", () => {
  it("draws more labels at each level", () => {
    const [few, some, many] = (["few", "some", "many"] as const).map((level) =>
      resolveLabelSettings(level, 100),
    );
    expect(few?.labelDensity).toBeLessThan(some?.labelDensity ?? 0);
    expect(some?.labelDensity).toBeLessThan(many?.labelDensity ?? 0);
    expect(few?.labelRenderedSizeThreshold).toBeGreaterThan(many?.labelRenderedSizeThreshold ?? 0);
    expect(few?.labelGridCellSize).toBeGreaterThan(many?.labelGridCellSize ?? 0);
  });

  it("raises the size threshold by 2 from the large-graph order on", () => {
    const small = resolveLabelSettings("some", LARGE_GRAPH_ORDER - 1);
    const large = resolveLabelSettings("some", LARGE_GRAPH_ORDER);
    expect(small).toEqual(LABEL_SETTINGS.some);
    expect(large.labelRenderedSizeThreshold).toBe(small.labelRenderedSizeThreshold + 2);
    expect(large.labelDensity).toBe(small.labelDensity);
  });

  it("returns a copy that callers may change", () => {
    resolveLabelSettings("few", 10).labelDensity = 99;
    expect(LABEL_SETTINGS.few.labelDensity).not.toBe(99);
  });
});
