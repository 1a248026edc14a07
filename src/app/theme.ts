// Light and dark themes: the colours sigma draws with (the page's own colours are CSS variables in
// styles.css), which theme to start with, and the toggle that switches and remembers it.

export type ThemeName = "light" | "dark";

/** Colours the canvas needs; the rest of the page takes its colours from CSS. */
export interface Palette {
  background: string;
  /** Label text and the survey ring. */
  text: string;
  /** Nodes and edges outside the highlighted neighbourhood. */
  dimNode: string;
  dimEdge: string;
  edge: string;
  edgeHighlight: string;
  /** Background of the hover and selection label box. */
  labelBox: string;
  labelBoxShadow: string;
}

export const PALETTES: Record<ThemeName, Palette> = {
  light: {
    background: "#ffffff",
    text: "#1d2330",
    dimNode: "#e3e6ec",
    dimEdge: "#eef0f4",
    edge: "#c9ced8",
    edgeHighlight: "#5b6475",
    labelBox: "#ffffff",
    labelBoxShadow: "rgba(20, 24, 33, 0.35)",
  },
  dark: {
    background: "#12151c",
    text: "#e6e9ef",
    dimNode: "#2a2f3a",
    dimEdge: "#1d212a",
    edge: "#3a4150",
    edgeHighlight: "#aab3c5",
    labelBox: "#252a35",
    labelBoxShadow: "rgba(0, 0, 0, 0.6)",
  },
};

export const THEME_STORAGE_KEY = "litgraph:theme";

/** The theme to start with: the one the person chose before, else the system's preference. */
export function resolveTheme(stored: string | null, prefersDark: boolean): ThemeName {
  if (stored === "light" || stored === "dark") return stored;
  return prefersDark ? "dark" : "light";
}

export interface ThemeController {
  get(): ThemeName;
  toggle(): void;
  /** Called with the new theme whenever it changes. Returns the unsubscribe function. */
  subscribe(listener: (theme: ThemeName) => void): () => void;
  destroy(): void;
}

/**
 * Apply the starting theme to `<html data-theme>`, follow the system preference until the person
 * picks one, and remember that pick in localStorage.
 */
export function mountTheme(root: HTMLElement = document.documentElement): ThemeController {
  const media = window.matchMedia("(prefers-color-scheme: dark)");
  const stored = readStoredTheme();
  let theme = resolveTheme(stored, media.matches);
  let chosen = stored !== null;
  const listeners = new Set<(theme: ThemeName) => void>();
  const apply = (next: ThemeName) => {
    theme = next;
    root.dataset.theme = next;
    root.style.colorScheme = next;
    for (const listener of listeners) listener(next);
  };
  const onSystemChange = () => {
    if (!chosen) apply(media.matches ? "dark" : "light");
  };
  media.addEventListener("change", onSystemChange);
  apply(theme);
  return {
    get: () => theme,
    toggle() {
      chosen = true;
      const next = theme === "dark" ? "light" : "dark";
      try {
        localStorage.setItem(THEME_STORAGE_KEY, next);
      } catch {
        // Storage may be disabled (private mode); the theme still switches for this visit.
      }
      apply(next);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    destroy() {
      media.removeEventListener("change", onSystemChange);
      listeners.clear();
    },
  };
}

function readStoredTheme(): string | null {
  try {
    return localStorage.getItem(THEME_STORAGE_KEY);
  } catch {
    return null;
  }
}
