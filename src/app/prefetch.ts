// Starting the fetch of the graph before the explorer's code has loaded: the entry point asks for
// the build's explorer.json (or graph.json named in `?graph=`) on the page's own site at once, and
// loading.ts takes the answer when it gets there. Kept free of imports, so it runs first.

const started = new Map<string, Promise<Response>>();

/**
 * The URL the page will fetch first for `search`, when it is on the page's own site: the folder's
 * explorer.json for the default or a `?graph=` folder, else the file named. Another site or a
 * `data:` URL is not fetched before the reader agrees, so it is not prefetched.
 */
export function firstGraphUrl(search: string, pageHref: string): string | undefined {
  const named = new URLSearchParams(search).get("graph");
  const url = !named ? "explorer.json" : named.endsWith("/") ? `${named}explorer.json` : named;
  try {
    const target = new URL(url, pageHref);
    return target.origin === new URL(pageHref).origin ? url : undefined;
  } catch {
    return undefined;
  }
}

/** Start fetching the page's graph (see firstGraphUrl). */
export function prefetchGraph(search: string, pageHref: string): void {
  const url = firstGraphUrl(search, pageHref);
  if (url === undefined) return;
  const response = fetch(url);
  // A failure is reported by whoever takes the answer.
  response.catch(() => undefined);
  started.set(url, response);
}

/** The fetch already started for `url`, once; later calls fetch anew. */
export function takePrefetched(url: string): Promise<Response> | undefined {
  const response = started.get(url);
  started.delete(url);
  return response;
}
