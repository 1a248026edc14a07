// The community legend: each community's colour, label and size, with a checkbox to show or hide it.
import type { LitGraph } from "../graph/types.ts";
import { clear, el } from "./dom.ts";

export interface LegendOptions {
  onToggle: (community: number) => void;
  onShowAll: () => void;
}

export interface Legend {
  setGraph(graph: LitGraph): void;
  update(hiddenCommunities: readonly number[]): void;
  destroy(): void;
}

export interface LegendEntry {
  id: number;
  label: string;
  size: number;
  color: string;
}

/**
 * The communities to list, largest first: from the graph's `communities` attribute, or counted from
 * the nodes when a graph (a GEXF, say) does not carry it.
 */
export function listCommunities(graph: LitGraph): LegendEntry[] {
  const declared = graph.getAttribute("communities") ?? {};
  const counted = new Map<number, { size: number; color: string }>();
  graph.forEachNode((_key, attributes) => {
    const entry = counted.get(attributes.community) ?? { size: 0, color: attributes.color };
    entry.size += 1;
    counted.set(attributes.community, entry);
  });
  return [...counted.entries()]
    .map(([id, { size, color }]) => {
      const info = declared[String(id)];
      return {
        id,
        label: info?.label ?? `Community ${id}`,
        size,
        color: info?.color ?? color,
      };
    })
    .sort((a, b) => b.size - a.size || a.id - b.id);
}

/** Mount the legend into `container`. */
export function mountLegend(container: HTMLElement, options: LegendOptions): Legend {
  const list = el("ul", { className: "legend-list", attrs: { "aria-label": "Communities" } });
  const showAll = el("button", {
    className: "text-button",
    text: "Show all",
    attrs: { type: "button" },
  });
  container.append(list, showAll);
  const boxes = new Map<number, HTMLInputElement>();
  const onChange = (event: Event) => {
    const input = event.target as HTMLInputElement;
    const id = Number(input.dataset.community);
    if (Number.isInteger(id)) options.onToggle(id);
  };
  const onShowAll = () => options.onShowAll();
  list.addEventListener("change", onChange);
  showAll.addEventListener("click", onShowAll);
  return {
    setGraph(graph) {
      clear(list);
      boxes.clear();
      for (const entry of listCommunities(graph)) {
        const box = el("input", {
          attrs: { type: "checkbox", "data-community": String(entry.id) },
        });
        box.checked = true;
        boxes.set(entry.id, box);
        const swatch = el("span", { className: "swatch", attrs: { "aria-hidden": "true" } });
        swatch.style.background = entry.color;
        list.append(
          el("li", {}, [
            el("label", { className: "legend-item", title: entry.label }, [
              box,
              swatch,
              el("span", { className: "legend-label", text: entry.label }),
              el("span", { className: "legend-size", text: String(entry.size) }),
            ]),
          ]),
        );
      }
    },
    update(hidden) {
      for (const [id, box] of boxes) box.checked = !hidden.includes(id);
      showAll.hidden = hidden.length === 0;
    },
    destroy() {
      list.removeEventListener("change", onChange);
      showAll.removeEventListener("click", onShowAll);
      clear(container);
    },
  };
}
