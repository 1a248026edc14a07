// The dialog shown while dropped documents are built into a graph: the stage and a progress bar, then
// what was built and every skipped file with the reason, or the error.
import type { BuildSummary, ProgressEvent } from "../pipeline/index.ts";
import type { SkippedFile } from "./build-protocol.ts";
import { clear, el } from "./dom.ts";

const STAGE_NAMES: Record<string, string> = {
  ingest: "Reading documents",
  extract: "Finding papers, topics and benchmarks",
  resolve: "Merging the same paper seen twice",
  build: "Assembling the graph",
  communities: "Finding communities",
  sizes: "Sizing nodes",
  layout: "Laying out the graph",
};

export interface BuildDialog {
  start(fileCount: number, onCancel: () => void): void;
  progress(event: ProgressEvent): void;
  done(summary: BuildSummary, skipped: SkippedFile[]): void;
  fail(message: string): void;
  close(): void;
  destroy(): void;
}

/** Mount the dialog into `container` (hidden until a build starts). */
export function mountBuildDialog(container: HTMLElement): BuildDialog {
  container.hidden = true;
  container.setAttribute("role", "dialog");
  container.setAttribute("aria-modal", "false");
  container.setAttribute("aria-labelledby", "build-title");
  const title = el("h2", { attrs: { id: "build-title" } });
  const stage = el("p", { className: "build-stage", attrs: { "aria-live": "polite" } });
  const bar = el("progress", { attrs: { max: "1", value: "0" } });
  const body = el("div", { className: "build-body" });
  const button = el("button", {
    className: "button",
    attrs: { type: "button", id: "build-close" },
  });
  container.append(title, stage, bar, body, el("div", { className: "dialog-actions" }, [button]));
  let onButton: () => void = () => {};
  const click = () => onButton();
  button.addEventListener("click", click);
  const close = () => {
    container.hidden = true;
  };
  return {
    start(fileCount, onCancel) {
      title.textContent = `Building a graph from ${fileCount} file${fileCount === 1 ? "" : "s"}`;
      stage.textContent = "Starting…";
      bar.hidden = false;
      bar.removeAttribute("value");
      clear(body);
      button.textContent = "Cancel";
      onButton = () => {
        onCancel();
        close();
      };
      container.hidden = false;
      container.dataset.state = "running";
    },
    progress(event) {
      const name = STAGE_NAMES[event.stage] ?? event.stage;
      stage.textContent =
        event.total > 1 ? `${name} (${event.done} of ${event.total})` : `${name}…`;
      const index = Object.keys(STAGE_NAMES).indexOf(event.stage);
      const within = event.total > 0 ? event.done / event.total : 0;
      bar.value = Math.max(0, (index + within) / Object.keys(STAGE_NAMES).length);
    },
    done(summary, skipped) {
      container.dataset.state = "done";
      title.textContent = "Graph built";
      bar.hidden = true;
      stage.textContent = `${summary.nodes} nodes and ${summary.edges} edges from ${summary.parsed} of ${summary.files} files.`;
      clear(body);
      if (skipped.length > 0) {
        body.append(
          el("h3", { text: `Skipped ${skipped.length} file${skipped.length === 1 ? "" : "s"}` }),
          el(
            "ul",
            { className: "skipped-list" },
            skipped.map((item) =>
              el("li", {}, [
                el("span", { className: "skipped-file", text: item.file }),
                el("span", { className: "skipped-reason", text: item.reason }),
              ]),
            ),
          ),
        );
      }
      button.textContent = "Explore";
      onButton = close;
      button.focus();
    },
    fail(message) {
      container.dataset.state = "error";
      title.textContent = "The build failed";
      bar.hidden = true;
      stage.textContent = message;
      clear(body);
      button.textContent = "Close";
      onButton = close;
      container.hidden = false;
    },
    close,
    destroy() {
      button.removeEventListener("click", click);
      clear(container);
    },
  };
}
