// Building the page from data: elements get text through textContent only, never markup, because
// every title, author and snippet comes from documents nobody vetted. Links are http(s) only.

type Child = Node | string | number | null | undefined | false;

/** C0 control characters other than tab and line feed, and DEL: they draw as boxes or symbols. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/**
 * Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): in a label they
 * can make `gnp.exe` read as `exe.png`, or reorder the text around the label.
 */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

/** Letters of right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko and their forms). */
const RIGHT_TO_LEFT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;

/**
 * Text as shown to a person: control characters and bidirectional controls left out, and text
 * with right-to-left letters isolated (between U+2068 and U+2069) so that it reads in its own
 * direction without reordering what stands beside it, on the page and on the canvas alike.
 */
export function displayText(text: string): string {
  const plain = text.replace(CONTROL_CHARACTERS, "").replace(BIDI_CONTROLS, "");
  return RIGHT_TO_LEFT.test(plain) ? `\u2068${plain}\u2069` : plain;
}

export interface ElementOptions {
  className?: string;
  /** Plain attributes (set with setAttribute; never event handlers). */
  attrs?: Record<string, string>;
  /** Text content. */
  text?: string;
  title?: string;
}

/** Create an element with text and children; strings become text nodes. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: ElementOptions = {},
  children: readonly Child[] = [],
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (options.className) element.className = options.className;
  if (options.title) element.title = displayText(options.title);
  for (const [name, value] of Object.entries(options.attrs ?? {})) {
    if (/^on/i.test(name)) throw new Error(`dom: refusing to set event handler attribute ${name}`);
    element.setAttribute(name, value);
  }
  if (options.text !== undefined) element.textContent = displayText(options.text);
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(
      typeof child === "string" || typeof child === "number" ? displayText(String(child)) : child,
    );
  }
  return element;
}

/** The URL when it is an absolute http(s) link, else undefined (no javascript:, data:, …). */
export function safeHref(url: unknown): string | undefined {
  if (typeof url !== "string") return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** An external link that opens in a new tab, or plain text when the URL is not http(s). */
export function externalLink(url: string, text: string = url, className?: string): HTMLElement {
  const href = safeHref(url);
  if (href === undefined) return el("span", { text, ...(className ? { className } : {}) });
  return el("a", {
    text,
    ...(className ? { className } : {}),
    attrs: { href, target: "_blank", rel: "noopener noreferrer" },
  });
}

/** Remove every child of an element. */
export function clear(element: Element): void {
  element.replaceChildren();
}

/** Find a required element by id, with a clear error when the page lacks it. */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`app: the page has no #${id} element`);
  return element as T;
}

/** Offer text or a blob as a file download. */
export function downloadFile(name: string, content: Blob): void {
  const url = URL.createObjectURL(content);
  const link = el("a", { attrs: { href: url, download: name } });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
