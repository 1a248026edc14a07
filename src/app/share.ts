// Sharing a view: the URL hash follows the selection, filters and camera (without filling the
// history), and "Copy link" puts the address on the clipboard.
import { encodeViewHash, type SharedView } from "./url-state.ts";

/** Wait after the last change before rewriting the address (the camera moves many times a second). */
export const URL_SYNC_DELAY_MS = 250;

export interface UrlSync {
  /** Rewrite the hash soon with the current view. */
  schedule(): void;
  /** Rewrite it now. */
  flush(): void;
  destroy(): void;
}

/** Keep `location.hash` in step with `getView()`, replacing the history entry rather than adding. */
export function createUrlSync(getView: () => SharedView | null): UrlSync {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const view = getView();
    if (view === null) return;
    const hash = encodeViewHash(view);
    const url = `${location.pathname}${location.search}${hash ? `#${hash}` : ""}`;
    if (url !== `${location.pathname}${location.search}${location.hash}`)
      history.replaceState(history.state, "", url);
  };
  return {
    schedule() {
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(flush, URL_SYNC_DELAY_MS);
    },
    flush,
    destroy() {
      if (timer !== undefined) clearTimeout(timer);
    },
  };
}

/** Copy `text` to the clipboard; falls back to a selected text field where the API is missing. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const field = document.createElement("textarea");
    field.value = text;
    field.setAttribute("readonly", "");
    field.style.position = "fixed";
    field.style.opacity = "0";
    document.body.append(field);
    field.select();
    const copied = document.execCommand("copy");
    field.remove();
    return copied;
  }
}
