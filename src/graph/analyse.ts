// Analysis: communities, their labels and colours, node sizes and the layout, written into the graph.
import {
  COMMUNITY_COLORS,
  computeSizes,
  DEFAULT_SIZE_OPTIONS,
  round,
  type SizeOptions,
} from "./appearance.ts";
import {
  type CommunityOptions,
  computeCommunities,
  DEFAULT_COMMUNITY_OPTIONS,
  labelCommunities,
} from "./communities.ts";
import { assignLayout, DEFAULT_LAYOUT_OPTIONS, type LayoutOptions } from "./layout.ts";
import { createRng } from "./rng.ts";
import type { LitGraph } from "./types.ts";

export interface AnalyseOptions {
  /** Seed of the random choices in community detection (Leiden) and the initial layout. Default 42. */
  seed: number;
  communities: CommunityOptions;
  sizes: SizeOptions;
  layout: LayoutOptions;
}

export const DEFAULT_ANALYSE_OPTIONS: AnalyseOptions = {
  seed: 42,
  communities: DEFAULT_COMMUNITY_OPTIONS,
  sizes: DEFAULT_SIZE_OPTIONS,
  layout: DEFAULT_LAYOUT_OPTIONS,
};

export function resolveAnalyseOptions(partial: Partial<AnalyseOptions> = {}): AnalyseOptions {
  const options = { ...DEFAULT_ANALYSE_OPTIONS, ...partial };
  if (!Number.isInteger(options.seed))
    throw new RangeError(`analyse: seed must be an integer, got ${options.seed}`);
  return options;
}

/** The analysis sub-steps, named for progress reports and timings. */
export type AnalyseStep = "communities" | "sizes" | "layout";

/**
 * Assign `community`, `color`, `size`, `x` and `y` to every node and `modularity` and `communities`
 * to the graph. Each sub-step gets its own RNG stream from the seed, so changing one does not shift another.
 */
export function analyseGraph(
  graph: LitGraph,
  partial: Partial<AnalyseOptions> = {},
  onStep: (step: AnalyseStep) => void = () => {},
): void {
  const options = resolveAnalyseOptions(partial);
  onStep("communities");
  assignCommunities(graph, options);
  onStep("sizes");
  const sizes = computeSizes(graph, options.sizes);
  graph.forEachNode((node) => {
    graph.setNodeAttribute(node, "size", sizes[node] ?? options.sizes.minSize);
  });
  onStep("layout");
  assignLayout(graph, createRng(options.seed + 1), options.layout);
}

/**
 * Detect the communities and write them into the graph: `community` and `color` on every node,
 * `modularity` and the labelled `communities` on the graph. A function of its own, so that the
 * node → community table (a million keys for a million papers) is let go before sizes and layout.
 */
function assignCommunities(graph: LitGraph, options: AnalyseOptions): void {
  const detected = computeCommunities(graph, createRng(options.seed), options.communities);
  graph.forEachNode((node) => {
    const community = detected.communities[node] ?? 0;
    graph.mergeNodeAttributes(node, {
      community,
      color: COMMUNITY_COLORS[community % COMMUNITY_COLORS.length] ?? "#999999",
    });
  });
  graph.mergeAttributes({
    modularity: round(detected.modularity, 6),
    communities: labelCommunities(
      graph,
      detected.communities,
      [...COMMUNITY_COLORS],
      options.communities,
    ),
  });
}
