// Progress on stderr: a redrawn bar on a terminal, nothing when stderr is a file or a pipe
// (logs stay clean), and nothing at all under --quiet.
import type { PipelineStage, ProgressEvent } from "../pipeline/index.ts";

const BAR_WIDTH = 28;
/** Redraw at most this often: drawing every one of 100k files would cost more than the work. */
const MIN_REDRAW_MS = 80;

export interface ProgressReporter {
  update(event: ProgressEvent): void;
  message(text: string): void;
  done(): void;
}

export function createProgressReporter(
  stream: NodeJS.WriteStream,
  enabled: boolean,
): ProgressReporter {
  const interactive = enabled && stream.isTTY === true;
  let lastDraw = 0;
  let lastStage: PipelineStage | undefined;
  let stageStart = performance.now();
  const clear = () => {
    if (interactive) stream.write("\r\x1b[2K");
  };
  return {
    update(event) {
      if (!interactive) return;
      const now = performance.now();
      if (event.stage !== lastStage) {
        lastStage = event.stage;
        stageStart = now;
      } else if (now - lastDraw < MIN_REDRAW_MS && event.done !== event.total) {
        return;
      }
      lastDraw = now;
      const share = event.total > 0 ? event.done / event.total : 0;
      const filled = Math.round(share * BAR_WIDTH);
      const bar = `${"█".repeat(filled)}${"░".repeat(BAR_WIDTH - filled)}`;
      const counts = event.total > 1 ? ` ${event.done}/${event.total}` : "";
      const seconds = ((now - stageStart) / 1000).toFixed(1);
      clear();
      stream.write(`${event.stage.padEnd(11)} ${bar}${counts} ${seconds}s`);
    },
    message(text) {
      if (!enabled) return;
      clear();
      stream.write(`${text}\n`);
    },
    done() {
      clear();
    },
  };
}
