// Loading the graph to show: from `?graph=<url>` or the build next to the page, whose compact
// explorer.json is read when it is there (its details come later, see details.ts) and graph.json
// otherwise. A missing default graph is not an error but the empty state (nothing built yet);
// anything else that fails is an error.
import { EXPLORER_FILE, isExplorerMap, readExplorerMap } from "../export/index.ts";
import type { LitGraph } from "../graph/types.ts";
import { createDetailsLoader, type DetailsLoader } from "./details.ts";
import { parseGraphText } from "./graph-import.ts";
import { MARK_GRAPH_LOADED } from "./perf-marks.ts";
import { takePrefetched } from "./prefetch.ts";

/** Where the explorer looks for a graph when the URL names none: the compact map, then graph.json. */
export const DEFAULT_GRAPH_URL = "graph.json";
export const DEFAULT_EXPLORER_URL = EXPLORER_FILE;

export type LoadResult =
  | {
      state: "loaded";
      graph: LitGraph;
      name: string;
      /** For a graph read from explorer.json: where its search file and details come from. */
      details?: DetailsLoader;
    }
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

/**
 * Fetch and read a graph. Marks `litgraph:graph-loaded` once the graph is imported. The default
 * (`explicit` false) and a URL ending in `/` (a build folder) are read from the folder's
 * explorer.json when it has one, else from its graph.json; any other URL is read as what it holds
 * (graph.json, GEXF or explorer.json).
 */
export async function loadGraphFromUrl(url: string, explicit: boolean): Promise<LoadResult> {
  const folder = !explicit ? "" : url.endsWith("/") ? url : undefined;
  if (folder !== undefined) {
    const compact = await fetchGraph(`${folder}${DEFAULT_EXPLORER_URL}`);
    if (!(compact.state === "missing")) return compact;
    const full = await fetchGraph(`${folder}${DEFAULT_GRAPH_URL}`);
    if (full.state !== "missing") return full;
    return explicit ? { state: "error", message: full.message } : { state: "empty" };
  }
  const result = await fetchGraph(url);
  return result.state === "missing" ? { state: "error", message: result.message } : result;
}

async function fetchGraph(
  url: string,
): Promise<LoadResult | { state: "missing"; message: string }> {
  let response: Response;
  try {
    response = await (takePrefetched(url) ?? fetch(url));
  } catch (error) {
    return {
      state: "error",
      message: `Could not fetch ${url}: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  if (!response.ok) {
    const message = `Could not fetch ${url}: HTTP ${response.status}.`;
    return response.status === 404 ? { state: "missing", message } : { state: "error", message };
  }
  const text = await response.text();
  if (EXPLORER_MAP_START.test(text)) return openExplorerText(text, url);
  return openGraphText(text, nameOfUrl(url));
}

/** How explorer.json begins (its writer puts `format` first), told from a graph.json cheaply. */
const EXPLORER_MAP_START = /^\s*\{\s*"format"\s*:/;

/**
 * Read explorer.json fetched from `url` into a graph to draw, with the loader of its search file
 * and details. The graph is named after its folder (`my-graph/explorer.json` → `my-graph`).
 */
export function openExplorerText(text: string, url: string): LoadResult {
  try {
    const data: unknown = JSON.parse(text);
    if (!isExplorerMap(data)) return openGraphText(text, nameOfUrl(url));
    const explorer = readExplorerMap(data, nameOfUrl(url));
    performance.mark(MARK_GRAPH_LOADED);
    const absolute = new URL(url, location.href);
    const folder = new URL(".", absolute).pathname.split("/").filter(Boolean).pop();
    const name = folder ? decodeURIComponent(folder) : "graph";
    return {
      state: "loaded",
      graph: explorer.graph,
      name,
      details: createDetailsLoader(explorer, absolute.href),
    };
  } catch (error) {
    return { state: "error", message: error instanceof Error ? error.message : String(error) };
  }
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
