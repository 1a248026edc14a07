// Loading the graph to show: from `?graph=<url>` or the graph.json next to the page. A missing default
// graph is not an error but the empty state (nothing built yet); anything else that fails is an error.
import type { LitGraph } from "../graph/types.ts";
import { parseGraphText } from "./graph-import.ts";
import { MARK_GRAPH_LOADED } from "./perf-marks.ts";

/** Where the explorer looks for a graph when the URL names none. */
export const DEFAULT_GRAPH_URL = "graph.json";

export type LoadResult =
  | { state: "loaded"; graph: LitGraph; name: string }
  | { state: "empty" }
  | { state: "error"; message: string };

/** The graph URL a page address asks for: its `graph` query parameter, else the default. */
export function selectGraphUrl(search: string): { url: string; explicit: boolean } {
  const named = new URLSearchParams(search).get("graph");
  return named ? { url: named, explicit: true } : { url: DEFAULT_GRAPH_URL, explicit: false };
}

/**
 * Where a graph URL points, seen from the page: the page's own site (opened at once), another site
 * or a `data:` URL (opened only after the reader agrees, since its content comes from whoever made
 * the link), or nothing that can be opened.
 */
export type GraphSource =
  | { kind: "same-origin"; url: string }
  | { kind: "foreign"; url: string; from: string }
  | { kind: "refused"; reason: string };

export function describeGraphSource(url: string, pageHref: string): GraphSource {
  let target: URL;
  try {
    target = new URL(url, pageHref);
  } catch {
    return { kind: "refused", reason: `"${url}" is not a URL.` };
  }
  const page = new URL(pageHref);
  if (target.protocol === "data:") {
    return {
      kind: "foreign",
      url: target.href,
      from: `a data: URL written into the link itself (${target.href.length.toLocaleString("en")} characters)`,
    };
  }
  if (target.protocol !== "http:" && target.protocol !== "https:") {
    return {
      kind: "refused",
      reason: `graphs are opened over http(s) only, not ${target.protocol}`,
    };
  }
  if (target.origin === page.origin) return { kind: "same-origin", url: target.href };
  if (target.protocol !== "https:") {
    return {
      kind: "refused",
      reason: `graphs from another site are opened over https only, and ${target.origin} is plain http`,
    };
  }
  return { kind: "foreign", url: target.href, from: target.origin };
}

/** The file name at the end of a URL, for titles and messages. */
export function nameOfUrl(url: string): string {
  const path = url.split(/[?#]/)[0] ?? url;
  return decodeURIComponent(path.split("/").filter(Boolean).pop() ?? url);
}

/** Fetch and read a graph. Marks `litgraph:graph-loaded` once the graph is imported. */
export async function loadGraphFromUrl(url: string, explicit: boolean): Promise<LoadResult> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    return {
      state: "error",
      message: `Could not fetch ${url}: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  if (!response.ok) {
    if (!explicit && response.status === 404) return { state: "empty" };
    return { state: "error", message: `Could not fetch ${url}: HTTP ${response.status}.` };
  }
  const text = await response.text();
  return openGraphText(text, nameOfUrl(url));
}

/** Read graph text (graph.json or GEXF) into a graph, marking `litgraph:graph-loaded`. */
export function openGraphText(text: string, name: string): LoadResult {
  try {
    const graph = parseGraphText(text, name);
    performance.mark(MARK_GRAPH_LOADED);
    return { state: "loaded", graph, name };
  } catch (error) {
    return { state: "error", message: error instanceof Error ? error.message : String(error) };
  }
}
