// The view store: merging, telling listeners only about real changes, and list toggling.
import { describe, expect, it } from "vitest";
import {
  createViewStore,
  DEFAULT_FILTERS,
  isSameFilters,
  toggleInList,
  type ViewState,
} from "../../src/app/state.ts";

describe("createViewStore", () => {
  it("merges patches and tells listeners the new and previous state", () => {
    const store = createViewStore();
    const seen: [string | null, string | null][] = [];
    store.subscribe((state, previous) => seen.push([state.selected, previous.selected]));
    store.set({ selected: "topic:rag" });
    store.set({ selected: "benchmark:medqa" });
    expect(seen).toEqual([
      ["topic:rag", null],
      ["benchmark:medqa", "topic:rag"],
    ]);
    expect(store.get().labelDensity).toBe("some");
  });

  it("stays quiet when nothing changed, even with new but equal filter lists", () => {
    const store = createViewStore({ filters: { ...DEFAULT_FILTERS, hiddenKinds: ["topic"] } });
    let calls = 0;
    store.subscribe(() => {
      calls += 1;
    });
    store.set({ selected: null });
    store.setFilters({ hiddenKinds: ["topic"] });
    store.setFilters({ years: null });
    expect(calls).toBe(0);
    store.setFilters({ years: [2020, 2021] });
    expect(calls).toBe(1);
  });

  it("stops telling a listener once unsubscribed", () => {
    const store = createViewStore();
    const states: ViewState[] = [];
    const unsubscribe = store.subscribe((state) => states.push(state));
    store.set({ hovered: "a" });
    unsubscribe();
    store.set({ hovered: "b" });
    expect(states.map((s) => s.hovered)).toEqual(["a"]);
  });
});

describe("toggleInList", () => {
  it("adds what is missing and removes what is there, without changing the input", () => {
    const list = [1, 2];
    expect(toggleInList(list, 3)).toEqual([1, 2, 3]);
    expect(toggleInList(list, 1)).toEqual([2]);
    expect(list).toEqual([1, 2]);
  });
});

describe("isSameFilters", () => {
  it("ignores list order and compares year ranges by value", () => {
    expect(
      isSameFilters(
        { ...DEFAULT_FILTERS, hiddenCommunities: [1, 2], years: [2020, 2021] },
        { ...DEFAULT_FILTERS, hiddenCommunities: [2, 1], years: [2020, 2021] },
      ),
    ).toBe(true);
    expect(isSameFilters(DEFAULT_FILTERS, { ...DEFAULT_FILTERS, years: [2020, 2021] })).toBe(false);
    expect(isSameFilters(DEFAULT_FILTERS, { ...DEFAULT_FILTERS, hops: 1 })).toBe(false);
  });
});
