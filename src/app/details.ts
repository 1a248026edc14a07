// Filling in a graph read from explorer.json: the search file once after the first frame, and a
// node's details shard when the node is opened (or when an export needs it). Each file is fetched
// once; a failure is kept and shown, not retried behind the reader's back.
import {
  applyDetailsShard,
  applySearchFile,
  detailShardName,
  detailShardOf,
  type ExplorerGraph,
} from "../export/index.ts";

/** What the side panel shows about a node's details. */
export type DetailsState =
  | { state: "ready" }
  | { state: "loading" }
  | { state: "error"; message: string };

export interface DetailsLoader {
  /** Whether the node's details are in the graph, being fetched, or failed. */
  stateOf(key: string): DetailsState;
  /** Fetch the node's shard and fill in its nodes; rejects with a message naming the file. */
  load(key: string): Promise<void>;
  /** The shards `keys` need that are not loaded yet. */
  missingShards(keys: Iterable<string>): number[];
  /** Fetch the shards of `keys`, a few at a time. */
  loadAll(keys: Iterable<string>): Promise<void>;
  /** Fetch the search file and add its titles, ids and authors to the nodes. */
  loadSearch(): Promise<void>;
}

/** Shards fetched at the same time by loadAll. */
const PARALLEL_FETCHES = 4;

/** Fetch JSON, with a message that names the URL and what went wrong. */
async function fetchJson(url: string): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new Error(
      `Could not fetch ${url}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (!response.ok) throw new Error(`Could not fetch ${url}: HTTP ${response.status}.`);
  try {
    return await response.json();
  } catch (error) {
    throw new Error(
      `${url} is not JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/**
 * A loader for the graph of `explorer`, whose map was fetched from `mapUrl` (the search file and
 * the shards are named relative to it).
 */
export function createDetailsLoader(explorer: ExplorerGraph, mapUrl: string): DetailsLoader {
  const { shards, folder } = explorer.details;
  const shardUrl = (shard: number) =>
    new URL(`${folder}/${detailShardName(shard)}`, new URL(mapUrl, location.href)).href;
  const pending = new Map<number, Promise<void>>();
  const done = new Set<number>();
  const failed = new Map<number, string>();
  let search: Promise<void> | undefined;

  const loadShard = (shard: number): Promise<void> => {
    let promise = pending.get(shard);
    if (!promise) {
      const url = shardUrl(shard);
      promise = fetchJson(url).then(
        (data) => {
          applyDetailsShard(explorer, data, url);
          done.add(shard);
        },
        (error: unknown) => {
          const message = error instanceof Error ? error.message : String(error);
          failed.set(shard, message);
          throw new Error(message);
        },
      );
      // A failure of a shard's file is also caught where it is awaited.
      promise.catch(() => undefined);
      pending.set(shard, promise);
    }
    return promise;
  };

  return {
    stateOf(key) {
      const shard = detailShardOf(key, shards);
      if (done.has(shard)) return { state: "ready" };
      const message = failed.get(shard);
      return message !== undefined ? { state: "error", message } : { state: "loading" };
    },
    load: (key) => loadShard(detailShardOf(key, shards)),
    missingShards(keys) {
      const missing = new Set<number>();
      for (const key of keys) {
        const shard = detailShardOf(key, shards);
        if (!done.has(shard)) missing.add(shard);
      }
      return [...missing].sort((a, b) => a - b);
    },
    async loadAll(keys) {
      const queue = this.missingShards(keys);
      const worker = async () => {
        for (let shard = queue.shift(); shard !== undefined; shard = queue.shift())
          await loadShard(shard);
      };
      await Promise.all(Array.from({ length: PARALLEL_FETCHES }, worker));
    },
    loadSearch() {
      search ??= (async () => {
        const url = new URL(explorer.search, new URL(mapUrl, location.href)).href;
        applySearchFile(explorer.graph, await fetchJson(url), url);
      })();
      return search;
    },
  };
}
