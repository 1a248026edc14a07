// The filter controls: kinds (which double as the legend of node shapes), topic, benchmark,
// "only the neighbourhood of the selection", and how many labels to draw.
import type { LitGraph, NodeKind } from "../graph/types.ts";
import { clear, el } from "./dom.ts";
import {
  LABEL_DENSITIES,
  type LabelDensity,
  type NeighbourhoodHops,
  NODE_KINDS,
  type ViewState,
} from "./state.ts";

export interface FiltersPanelOptions {
  onToggleKind: (kind: NodeKind) => void;
  onTopic: (key: string | null) => void;
  onBenchmark: (key: string | null) => void;
  onHops: (hops: NeighbourhoodHops) => void;
  onToggleSimilar: () => void;
  onLabelDensity: (level: LabelDensity) => void;
  onReset: () => void;
}

export interface FiltersPanel {
  setGraph(graph: LitGraph): void;
  update(state: ViewState): void;
  destroy(): void;
}

const KIND_NAMES: Record<NodeKind, string> = {
  paper: "Papers",
  survey: "Surveys",
  topic: "Topics",
  benchmark: "Benchmarks",
  collection: "Collections",
};

const LABEL_NAMES: Record<LabelDensity, string> = { few: "Few", some: "Some", many: "Many" };

/** Mount the filter controls into `container`. */
export function mountFiltersPanel(
  container: HTMLElement,
  options: FiltersPanelOptions,
): FiltersPanel {
  const kindList = el("ul", { className: "kind-list", attrs: { "aria-label": "Kinds" } });
  const kindBoxes = new Map<NodeKind, HTMLInputElement>();
  const kindCounts = new Map<NodeKind, HTMLElement>();
  for (const kind of NODE_KINDS) {
    const box = el("input", { attrs: { type: "checkbox", "data-kind": kind } });
    box.checked = true;
    const count = el("span", { className: "legend-size" });
    kindBoxes.set(kind, box);
    kindCounts.set(kind, count);
    kindList.append(
      el("li", {}, [
        el("label", { className: "legend-item" }, [
          box,
          el("span", { className: `kind-glyph kind-${kind}`, attrs: { "aria-hidden": "true" } }),
          el("span", { className: "legend-label", text: KIND_NAMES[kind] }),
          count,
        ]),
      ]),
    );
  }

  // Links between papers with near texts: many, so they can be hidden on their own.
  const similarBox = el("input", { attrs: { type: "checkbox", id: "filter-similar" } });
  similarBox.checked = true;
  const similarCount = el("span", { className: "legend-size" });
  const similarRow = el("label", { className: "legend-item similar-toggle" }, [
    similarBox,
    el("span", { className: "legend-label", text: "Links by shared terms" }),
    similarCount,
  ]);
  similarRow.title = "Papers joined because their titles and abstracts share rare terms";

  const topicSelect = el("select", { attrs: { id: "filter-topic", "aria-label": "Topic" } });
  const benchmarkSelect = el("select", {
    attrs: { id: "filter-benchmark", "aria-label": "Benchmark" },
  });
  const hopsSelect = el("select", { attrs: { id: "filter-hops", "aria-label": "Neighbourhood" } }, [
    el("option", { text: "Whole graph", attrs: { value: "0" } }),
    el("option", { text: "Selection + 1 hop", attrs: { value: "1" } }),
    el("option", { text: "Selection + 2 hops", attrs: { value: "2" } }),
  ]);
  const labelGroup = el("div", {
    className: "segmented",
    attrs: { role: "radiogroup", "aria-label": "Labels" },
  });
  const labelButtons = new Map<LabelDensity, HTMLButtonElement>();
  for (const level of LABEL_DENSITIES) {
    const button = el("button", {
      text: LABEL_NAMES[level],
      attrs: { type: "button", role: "radio", "data-labels": level },
    });
    labelButtons.set(level, button);
    labelGroup.append(button);
  }
  const reset = el("button", {
    className: "text-button",
    text: "Reset filters",
    attrs: { type: "button", id: "filter-reset" },
  });

  const field = (label: string, control: HTMLElement, id?: string) =>
    el("label", { className: "field", ...(id ? { attrs: { for: id } } : {}) }, [
      el("span", { className: "field-label", text: label }),
      control,
    ]);
  container.append(
    el("h2", { className: "sidebar-heading", text: "Show" }),
    kindList,
    similarRow,
    field("Topic", topicSelect),
    field("Benchmark", benchmarkSelect),
    field("Neighbourhood", hopsSelect),
    el("div", { className: "field" }, [
      el("span", { className: "field-label", text: "Labels" }),
      labelGroup,
    ]),
    reset,
  );

  const onKind = (event: Event) => {
    const kind = (event.target as HTMLInputElement).dataset.kind as NodeKind | undefined;
    if (kind) options.onToggleKind(kind);
  };
  const onTopic = () => options.onTopic(topicSelect.value || null);
  const onBenchmark = () => options.onBenchmark(benchmarkSelect.value || null);
  const onHops = () => options.onHops(Number(hopsSelect.value) as NeighbourhoodHops);
  const onLabels = (event: Event) => {
    const level = (event.target as HTMLElement).closest<HTMLElement>("[data-labels]")?.dataset
      .labels as LabelDensity | undefined;
    if (level) options.onLabelDensity(level);
  };
  const onReset = () => options.onReset();
  const onSimilar = () => options.onToggleSimilar();
  similarBox.addEventListener("change", onSimilar);
  kindList.addEventListener("change", onKind);
  topicSelect.addEventListener("change", onTopic);
  benchmarkSelect.addEventListener("change", onBenchmark);
  hopsSelect.addEventListener("change", onHops);
  labelGroup.addEventListener("click", onLabels);
  reset.addEventListener("click", onReset);

  const fillSelect = (select: HTMLSelectElement, anyText: string, items: [string, string][]) => {
    clear(select);
    select.append(el("option", { text: anyText, attrs: { value: "" } }));
    for (const [value, text] of items) select.append(el("option", { text, attrs: { value } }));
    select.disabled = items.length === 0;
  };

  return {
    setGraph(graph) {
      const counts = new Map<string, number>();
      const topics: [string, string][] = [];
      const benchmarks: [string, string][] = [];
      graph.forEachNode((key, attributes) => {
        counts.set(attributes.kind, (counts.get(attributes.kind) ?? 0) + 1);
        if (attributes.kind === "topic") topics.push([key, String(attributes.label)]);
        if (attributes.kind === "benchmark") benchmarks.push([key, String(attributes.label)]);
      });
      for (const [kind, element] of kindCounts) {
        const count = counts.get(kind) ?? 0;
        element.textContent = String(count);
        // A kind this graph does not have is not offered (its row would only say 0).
        const row = element.closest("li");
        if (row) row.hidden = count === 0;
      }
      let similar = 0;
      graph.forEachEdge((_edge, attributes) => {
        if (attributes.kind === "similar") similar += 1;
      });
      similarCount.textContent = String(similar);
      similarRow.hidden = similar === 0;
      const byLabel = (a: [string, string], b: [string, string]) => a[1].localeCompare(b[1]);
      fillSelect(topicSelect, "Any topic", topics.sort(byLabel));
      fillSelect(benchmarkSelect, "Any benchmark", benchmarks.sort(byLabel));
    },
    update(state) {
      const { filters } = state;
      for (const [kind, box] of kindBoxes) box.checked = !filters.hiddenKinds.includes(kind);
      similarBox.checked = !filters.hideSimilar;
      topicSelect.value = filters.topic ?? "";
      benchmarkSelect.value = filters.benchmark ?? "";
      hopsSelect.value = String(filters.hops);
      hopsSelect.disabled = state.selected === null;
      hopsSelect.title = state.selected === null ? "Select a node first" : "";
      for (const [level, button] of labelButtons)
        button.setAttribute("aria-checked", String(level === state.labelDensity));
    },
    destroy() {
      kindList.removeEventListener("change", onKind);
      topicSelect.removeEventListener("change", onTopic);
      benchmarkSelect.removeEventListener("change", onBenchmark);
      hopsSelect.removeEventListener("change", onHops);
      labelGroup.removeEventListener("click", onLabels);
      reset.removeEventListener("click", onReset);
      similarBox.removeEventListener("change", onSimilar);
      clear(container);
    },
  };
}
