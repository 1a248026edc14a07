// Performance marks the explorer sets, which tools and the load benchmark (bench/app-load.ts) read.

/** Set when the graph file is read and imported into a graph. */
export const MARK_GRAPH_LOADED = "litgraph:graph-loaded";

/** Set once sigma has drawn the graph's first frame. */
export const MARK_FIRST_FRAME = "litgraph:first-frame";
