// The explorer's view state: what is selected, hovered and filtered, and how labels are drawn.
// A small typed store; sigma's reducers read it, and the graph itself is never mutated for display.
import type { NodeKind } from "../graph/types.ts";

/** Every node kind the explorer knows, in the order the filters list them. */
export const NODE_KINDS: readonly NodeKind[] = [
  "paper",
  "survey",
  "topic",
  "benchmark",
  "collection",
];

/** How many labels to draw: sigma's label grid is tuned per level (see label-settings.ts). */
export type LabelDensity = "few" | "some" | "many";

export const LABEL_DENSITIES: readonly LabelDensity[] = ["few", "some", "many"];

/** Hops around the selection to keep when "only the neighbourhood" is on; 0 means off. */
export type NeighbourhoodHops = 0 | 1 | 2;

export interface Filters {
  /** Kinds not shown. */
  hiddenKinds: NodeKind[];
  /** Community ids not shown. */
  hiddenCommunities: number[];
  /** Node key of a topic: only papers covering it (and what they link to) are shown. */
  topic: string | null;
  /** Node key of a benchmark: only papers evaluating or introducing it are shown. */
  benchmark: string | null;
  /** Inclusive year range of the papers shown, or null for every year (undated papers included). */
  years: [number, number] | null;
  /** Only nodes within this many hops of the selection; 0 = off. */
  hops: NeighbourhoodHops;
  /** Hide the `similar` links (papers joined by their shared terms), keeping every other link. */
  hideSimilar: boolean;
}

export interface ViewState {
  selected: string | null;
  hovered: string | null;
  filters: Filters;
  labelDensity: LabelDensity;
}

export const DEFAULT_FILTERS: Filters = {
  hiddenKinds: [],
  hiddenCommunities: [],
  topic: null,
  benchmark: null,
  years: null,
  hops: 0,
  hideSimilar: false,
};

export const DEFAULT_VIEW_STATE: ViewState = {
  selected: null,
  hovered: null,
  filters: DEFAULT_FILTERS,
  labelDensity: "some",
};

export type Listener = (state: ViewState, previous: ViewState) => void;

/** A store of the view state: read it, replace parts of it, and be told of changes. */
export interface ViewStore {
  get(): ViewState;
  /** Merge `patch` over the state; listeners run only when something changed. */
  set(patch: Partial<ViewState>): void;
  /** Merge `patch` over the filters. */
  setFilters(patch: Partial<Filters>): void;
  /** Subscribe; returns the unsubscribe function. */
  subscribe(listener: Listener): () => void;
}

/** Create a store starting from `initial` (default: nothing selected, no filters). */
export function createViewStore(initial: Partial<ViewState> = {}): ViewStore {
  let state: ViewState = { ...DEFAULT_VIEW_STATE, ...initial };
  const listeners = new Set<Listener>();
  const commit = (next: ViewState) => {
    if (isSameView(next, state)) return;
    const previous = state;
    state = next;
    for (const listener of [...listeners]) listener(state, previous);
  };
  return {
    get: () => state,
    set: (patch) => commit({ ...state, ...patch }),
    setFilters: (patch) => commit({ ...state, filters: { ...state.filters, ...patch } }),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Toggle `value` in a list: remove it when present, append it otherwise. Returns a new list. */
export function toggleInList<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((item) => item !== value) : [...list, value];
}

/** Whether two filter sets show the same thing. */
export function isSameFilters(a: Filters, b: Filters): boolean {
  return (
    sameMembers(a.hiddenKinds, b.hiddenKinds) &&
    sameMembers(a.hiddenCommunities, b.hiddenCommunities) &&
    a.topic === b.topic &&
    a.benchmark === b.benchmark &&
    a.hops === b.hops &&
    a.hideSimilar === b.hideSimilar &&
    (a.years === b.years ||
      (a.years !== null &&
        b.years !== null &&
        a.years[0] === b.years[0] &&
        a.years[1] === b.years[1]))
  );
}

function isSameView(a: ViewState, b: ViewState): boolean {
  return (
    a.selected === b.selected &&
    a.hovered === b.hovered &&
    a.labelDensity === b.labelDensity &&
    isSameFilters(a.filters, b.filters)
  );
}

function sameMembers<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item) => b.includes(item));
}
