// The timeline: papers per year as bars, a draggable year range (two handles), and a play button that
// grows the field one year at a time from the first year.
import { clear, el } from "./dom.ts";
import { normalizeYearRange, stepPlayRange, type YearHistogram } from "./year-histogram.ts";

export interface TimelineOptions {
  onChange: (years: [number, number] | null) => void;
}

export interface Timeline {
  setHistogram(histogram: YearHistogram): void;
  update(years: [number, number] | null): void;
  stop(): void;
  destroy(): void;
}

/** Time between two steps of play, in milliseconds. */
export const PLAY_STEP_MS = 900;

/** Mount the timeline into `container`. */
export function mountTimeline(container: HTMLElement, options: TimelineOptions): Timeline {
  const play = el("button", {
    className: "icon-button play-button",
    text: "▶",
    attrs: {
      type: "button",
      id: "timeline-play",
      "aria-label": "Play: grow the field year by year",
    },
  });
  const label = el("span", {
    className: "timeline-label",
    attrs: { id: "timeline-label", "aria-live": "polite" },
  });
  const bars = el("div", { className: "timeline-bars", attrs: { "aria-hidden": "true" } });
  const from = el("input", {
    attrs: { type: "range", id: "timeline-from", "aria-label": "From year", step: "1" },
  });
  const to = el("input", {
    attrs: { type: "range", id: "timeline-to", "aria-label": "To year", step: "1" },
  });
  const all = el("button", {
    className: "text-button",
    text: "All years",
    attrs: { type: "button", id: "timeline-all" },
  });
  const track = el("div", { className: "timeline-track" }, [bars, from, to]);
  container.append(el("div", { className: "timeline-controls" }, [play, label, all]), track);

  let histogram: YearHistogram = { first: undefined, last: undefined, bins: [], undated: 0 };
  let current: [number, number] | null = null;
  let timer: ReturnType<typeof setInterval> | undefined;

  const stop = () => {
    if (timer !== undefined) clearInterval(timer);
    timer = undefined;
    play.textContent = "▶";
    play.setAttribute("aria-label", "Play: grow the field year by year");
    play.classList.remove("playing");
  };
  const emit = (years: [number, number] | null) => {
    current = years;
    render();
    options.onChange(years);
  };
  const render = () => {
    const { first, last } = histogram;
    track.hidden = first === undefined;
    if (first === undefined || last === undefined) {
      label.textContent = "No dated papers";
      all.hidden = true;
      return;
    }
    const [low, high] = current ?? [first, last];
    from.value = String(low);
    to.value = String(high);
    label.textContent =
      current === null
        ? `${first}–${last}, all papers${histogram.undated > 0 ? ` (${histogram.undated} undated)` : ""}`
        : low === high
          ? `${low}`
          : `${low}–${high}`;
    all.hidden = current === null;
    for (const bar of bars.children) {
      const year = Number((bar as HTMLElement).dataset.year);
      bar.classList.toggle("out", year < low || year > high);
    }
  };
  const onRange = (event: Event) => {
    stop();
    const { first, last } = histogram;
    if (first === undefined || last === undefined) return;
    let low = Number(from.value);
    let high = Number(to.value);
    // The handles may not cross: the one being dragged pushes the other.
    if (low > high) {
      if (event.target === from) high = low;
      else low = high;
    }
    emit(normalizeYearRange([low, high], first, last));
  };
  const onPlay = () => {
    const { first, last } = histogram;
    if (first === undefined || last === undefined) return;
    if (timer !== undefined) {
      stop();
      return;
    }
    play.textContent = "❚❚";
    play.setAttribute("aria-label", "Pause");
    play.classList.add("playing");
    const start: [number, number] =
      current !== null && current[1] < last ? current : [first, first];
    emit(start);
    timer = setInterval(() => {
      const next = stepPlayRange(current, last);
      if (next === undefined) {
        stop();
        return;
      }
      if (next[1] >= last) {
        // The last step shows the whole field again, undated papers included.
        stop();
        emit(normalizeYearRange(next, first, last));
        return;
      }
      emit(next);
    }, PLAY_STEP_MS);
  };
  const onAll = () => {
    stop();
    emit(null);
  };
  from.addEventListener("input", onRange);
  to.addEventListener("input", onRange);
  play.addEventListener("click", onPlay);
  all.addEventListener("click", onAll);

  return {
    setHistogram(next) {
      stop();
      histogram = next;
      clear(bars);
      const { first, last } = next;
      const disabled = first === undefined || last === undefined || first === last;
      for (const input of [from, to]) {
        input.min = String(first ?? 0);
        input.max = String(last ?? 0);
        input.disabled = disabled;
      }
      play.disabled = disabled;
      container.classList.toggle("timeline-empty", first === undefined);
      const max = Math.max(1, ...next.bins.map((bin) => bin.count));
      for (const bin of next.bins) {
        const bar = el("div", {
          className: "timeline-bar",
          title: `${bin.year}: ${bin.count} paper${bin.count === 1 ? "" : "s"}`,
          attrs: { "data-year": String(bin.year) },
        });
        bar.style.height = `${bin.count === 0 ? 0 : Math.max(6, (bin.count / max) * 100)}%`;
        bars.append(bar);
      }
      current = null;
      render();
    },
    update(years) {
      current = years;
      render();
    },
    stop,
    destroy() {
      stop();
      from.removeEventListener("input", onRange);
      to.removeEventListener("input", onRange);
      play.removeEventListener("click", onPlay);
      all.removeEventListener("click", onAll);
      clear(container);
    },
  };
}
