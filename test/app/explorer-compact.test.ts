// The explorer on a build's compact files in a real headless Chromium: explorer.json draws the map
// without graph.json, search reads explorer-search.json, opening a node fills the panel from its
// details shard, a missing shard is shown as an error, and a folder without explorer.json falls
// back to its graph.json.
import { readFileSync } from "node:fs";
import Graph from "graphology";
import { parse as parseGexf } from "graphology-gexf";
import type { Request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  detailShardName,
  detailShardOf,
  writeExplorerFiles,
  writeGraphJson,
} from "../../src/export/index.ts";
import { buildTestGraph, SURVEY_KEY } from "../_graph.ts";
import {
  CAN_RUN_BROWSER,
  type Harness,
  measurePixels,
  openExplorer,
  readCounts,
  saveScreenshot,
  startHarness,
} from "./_browser.ts";

/** Write a build's files (graph.json and the explorer's files) under `folder` of the site. */
function serveBuild(harness: Harness, folder: string, withExplorer = true): void {
  const graph = buildTestGraph();
  harness.serveFile(`${folder}graph.json`, writeGraphJson(graph));
  if (!withExplorer) return;
  // Two nodes per shard, so that the test graph's nine nodes spread over five shards.
  for (const [name, chunks] of Object.entries(writeExplorerFiles(graph, { nodesPerShard: 2 })))
    harness.serveFile(`${folder}${name}`, [...chunks].join(""));
}

describe.skipIf(!CAN_RUN_BROWSER)("explorer on a build's compact files", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
    serveBuild(harness, "");
    serveBuild(harness, "compact/");
    serveBuild(harness, "broken/");
    serveBuild(harness, "old/", false);
  }, 120_000);
  afterAll(async () => harness?.close());

  it("draws the map of the page's own build from explorer.json, never fetching graph.json", async () => {
    const requested: string[] = [];
    const onRequest = (request: Request) => requested.push(new URL(request.url()).pathname);
    harness.context.on("request", onRequest);
    const { page, errors } = await openExplorer(harness);
    expect(await page.evaluate(() => window.litgraph?.status())).toBe("ready");
    // The test graph: 9 nodes and 7 edges.
    expect(await readCounts(page)).toEqual({ nodes: 9, edges: 7 });
    const png = await saveScreenshot(page, "compact-map.png");
    // Nodes of the two large communities are drawn in their colours (test graph: #1f77b4, #ff7f0e).
    const pixels = await measurePixels(page, png, ["#1f77b4", "#ff7f0e"]);
    expect(pixels.near["#1f77b4"]).toBeGreaterThan(50);
    expect(pixels.near["#ff7f0e"]).toBeGreaterThan(50);
    await page.evaluate(() => window.litgraph?.searchReady());
    expect(requested).toContain("/explorer.json");
    expect(requested.filter((p) => p.endsWith("graph.json"))).toEqual([]);
    harness.context.off("request", onRequest);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("finds a paper by its arXiv id (from the search file) and shows its evidence from its shard", async () => {
    const requested: string[] = [];
    const onRequest = (request: Request) => requested.push(new URL(request.url()).pathname);
    harness.context.on("request", onRequest);
    const { page, errors } = await openExplorer(harness, "?graph=compact/");
    await page.evaluate(() => window.litgraph?.searchReady());
    // The arXiv id is in explorer-search.json, not in the map.
    await page.keyboard.press("/");
    await page.keyboard.type("2311.05112");
    await page.waitForSelector("#search-results:not([hidden]) .search-result");
    await page.keyboard.press("Enter");
    await page.waitForSelector("#panel:not([hidden]) .evidence-snippet");
    const snippets = await page.locator("#panel .evidence-snippet").allTextContents();
    // The survey's edges in the test graph carry these snippets.
    expect(snippets).toContain("related entry 2, score 50.03");
    expect(await page.locator("#panel .panel-authors").textContent()).toContain("Hongjian Zhou");
    expect(await page.locator("#panel [data-details]").count()).toBe(0);
    const shard = `/compact/explorer-details/${detailShardName(detailShardOf(SURVEY_KEY, 5))}`;
    expect(requested).toContain(shard);
    expect(requested).toContain("/compact/explorer.json");
    expect(requested.filter((p) => p.endsWith("graph.json"))).toEqual([]);
    harness.context.off("request", onRequest);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("exports the visible nodes as GEXF with their details fetched from the shards", async () => {
    const { page, errors } = await openExplorer(harness, "?graph=compact/");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.locator("#export-gexf").click(),
    ]);
    const text = readFileSync((await download.path()) as string, "utf8");
    const imported = parseGexf(Graph, text);
    expect(imported.order).toBe(9);
    expect(imported.size).toBe(7);
    // A source, an author and an evidence snippet of the test graph: all from the shards.
    expect(text).toContain("notes/hostile.md");
    expect(text).toContain("Hongjian Zhou");
    expect(text).toContain("related entry 2, score 50.03");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("shows an error in the panel when a node's shard is missing, and keeps it", async () => {
    const shard = `broken/explorer-details/${detailShardName(detailShardOf(SURVEY_KEY, 5))}`;
    harness.removeFile(shard);
    const { page, errors } = await openExplorer(
      harness,
      "?graph=broken/",
      `#node=${encodeURIComponent(SURVEY_KEY)}`,
    );
    expect(await page.evaluate(() => window.litgraph?.getState().selected)).toBe(SURVEY_KEY);
    // The panel opens from the map; the shard's fetch fails.
    await page.waitForSelector('#panel [data-details="error"]');
    const message = await page.locator('#panel [data-details="error"]').textContent();
    expect(message).toContain(shard);
    expect(message).toContain("404");
    // The title still comes from the map.
    expect(await page.locator("#panel-title").textContent()).toBe(
      buildTestGraph().getNodeAttribute(SURVEY_KEY, "label"),
    );
    await page.waitForTimeout(300);
    expect(await page.locator('#panel [data-details="error"]').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("falls back to graph.json for a folder without explorer.json, with every detail at once", async () => {
    const { page, errors } = await openExplorer(
      harness,
      "?graph=old/",
      `#node=${encodeURIComponent(SURVEY_KEY)}`,
    );
    expect(await readCounts(page)).toEqual({ nodes: 9, edges: 7 });
    await page.waitForSelector("#panel:not([hidden]) .evidence-snippet");
    expect(await page.locator("#panel [data-details]").count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("opens a graph.json named in ?graph= as before", async () => {
    const { page } = await openExplorer(harness, "?graph=compact/graph.json");
    expect(await page.evaluate(() => window.litgraph?.status())).toBe("ready");
    expect(await page.locator("#graph-name").textContent()).toBe("graph.json");
    await page.close();
  });
});
