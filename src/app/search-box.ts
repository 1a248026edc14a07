// The search box: suggestions as you type (an ARIA combobox), arrow keys to move, Enter or a click to
// choose. Suggestions are built with textContent, so a hostile title shows as text.
import { clear, el } from "./dom.ts";
import type { SearchHit } from "./search-index.ts";

export interface SearchBoxOptions {
  search: (query: string) => SearchHit[];
  onChoose: (key: string) => void;
}

export interface SearchBox {
  input: HTMLInputElement;
  focus(): void;
  /** Empty the box and close the suggestions. */
  reset(): void;
  setPlaceholder(text: string): void;
  destroy(): void;
}

/** Mount the search box into `container`. */
export function mountSearchBox(container: HTMLElement, options: SearchBoxOptions): SearchBox {
  const input = el("input", {
    className: "search-input",
    attrs: {
      type: "search",
      id: "search-input",
      role: "combobox",
      "aria-autocomplete": "list",
      "aria-expanded": "false",
      "aria-controls": "search-results",
      "aria-label": "Search titles, arXiv ids, authors, topics and benchmarks",
      placeholder: "Search papers, authors, arXiv ids, topics…",
      autocomplete: "off",
      spellcheck: "false",
    },
  });
  const hint = el("kbd", { className: "search-hint", text: "/", attrs: { "aria-hidden": "true" } });
  const list = el("ul", {
    className: "search-results",
    attrs: { id: "search-results", role: "listbox", "aria-label": "Suggestions" },
  });
  list.hidden = true;
  container.append(input, hint, list);

  let hits: SearchHit[] = [];
  let active = -1;

  const close = () => {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  };
  const render = () => {
    clear(list);
    hits.forEach((hit, i) => {
      const item = el(
        "li",
        {
          className: `search-result${i === active ? " active" : ""}`,
          attrs: {
            role: "option",
            id: `search-option-${i}`,
            "aria-selected": String(i === active),
          },
        },
        [
          el("span", {
            className: `kind-glyph kind-${hit.kind}`,
            attrs: { "aria-hidden": "true" },
          }),
          el("span", { className: "search-result-text" }, [
            el("span", { className: "search-result-label", text: hit.label }),
            hit.detail ? el("span", { className: "search-result-detail", text: hit.detail }) : null,
          ]),
          el("span", { className: "search-result-kind", text: hit.kind }),
        ],
      );
      item.addEventListener("mousedown", (event) => {
        event.preventDefault();
        choose(i);
      });
      list.append(item);
    });
    if (hits.length === 0 && input.value.trim() !== "") {
      list.append(el("li", { className: "search-empty", text: "No match" }));
    }
    list.hidden = input.value.trim() === "";
    input.setAttribute("aria-expanded", String(!list.hidden));
    if (active >= 0) input.setAttribute("aria-activedescendant", `search-option-${active}`);
    else input.removeAttribute("aria-activedescendant");
  };
  const choose = (i: number) => {
    const hit = hits[i];
    if (!hit) return;
    input.value = hit.label;
    close();
    input.blur();
    options.onChoose(hit.key);
  };

  const onInput = () => {
    hits = options.search(input.value);
    active = hits.length > 0 ? 0 : -1;
    render();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (hits.length === 0) return;
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      active = (active + step + hits.length) % hits.length;
      render();
    } else if (event.key === "Enter") {
      event.preventDefault();
      if (list.hidden) onInput();
      choose(Math.max(active, 0));
    } else if (event.key === "Escape") {
      if (!list.hidden || input.value !== "") {
        event.stopPropagation();
        input.value = "";
        close();
      } else {
        input.blur();
      }
    }
  };
  const onBlur = () => close();
  const onFocus = () => {
    if (input.value.trim() !== "") onInput();
  };
  input.addEventListener("input", onInput);
  input.addEventListener("keydown", onKeyDown);
  input.addEventListener("blur", onBlur);
  input.addEventListener("focus", onFocus);

  return {
    input,
    focus: () => {
      input.focus();
      input.select();
    },
    reset() {
      input.value = "";
      hits = [];
      close();
    },
    setPlaceholder(text) {
      input.placeholder = text;
    },
    destroy() {
      input.removeEventListener("input", onInput);
      input.removeEventListener("keydown", onKeyDown);
      input.removeEventListener("blur", onBlur);
      input.removeEventListener("focus", onFocus);
      container.replaceChildren();
    },
  };
}
