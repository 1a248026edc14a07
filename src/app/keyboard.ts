// Keyboard shortcuts: `/` focuses the search box, `Esc` clears the selection.

export interface KeyboardOptions {
  onSearch: () => void;
  onEscape: () => void;
}

/** Whether a key press happens while typing in a field (shortcuts then stay out of the way). */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement ||
    (target instanceof HTMLInputElement &&
      !["checkbox", "radio", "range", "button"].includes(target.type))
  );
}

/** Listen for the shortcuts on `target` (the document by default). Returns the teardown. */
export function mountKeyboard(options: KeyboardOptions, target: Document = document): () => void {
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "/" && !isTyping(event.target)) {
      event.preventDefault();
      options.onSearch();
    } else if (event.key === "Escape" && !isTyping(event.target)) {
      options.onEscape();
    }
  };
  target.addEventListener("keydown", onKeyDown);
  return () => target.removeEventListener("keydown", onKeyDown);
}
