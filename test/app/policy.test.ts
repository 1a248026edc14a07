// The explorer under its Content-Security-Policy, in headless Chromium: the page works with no
// violation, and a graph from another site or a data: URL is opened only after the reader agrees.
import { createServer, type Server } from "node:http";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeGraphJson } from "../../src/export/index.ts";
import { buildTestGraph } from "../_graph.ts";
import { CAN_RUN_BROWSER, type Harness, startHarness, waitForStatus } from "./_browser.ts";

const graphText = writeGraphJson(buildTestGraph());

/** Another site (another port is another origin) that serves the graph to any page, and counts asks. */
let foreign: Server;
let foreignUrl = "";
let foreignRequests = 0;
let harness: Harness;

beforeAll(async () => {
  if (!CAN_RUN_BROWSER) return;
  harness = await startHarness();
  harness.serveFile("test.json", graphText);
  foreign = createServer((request, response) => {
    foreignRequests++;
    response.writeHead(request.url === "/graph.json" ? 200 : 404, {
      "Content-Type": "application/json",
      "Access-Control-Allow-Origin": "*",
    });
    response.end(request.url === "/graph.json" ? graphText : "");
  });
  await new Promise<void>((resolve) => foreign.listen(0, "127.0.0.1", () => resolve()));
  const address = foreign.address();
  foreignUrl = `http://localhost:${typeof address === "object" && address ? address.port : 0}`;
}, 180_000);

afterAll(async () => {
  if (!CAN_RUN_BROWSER) return;
  await harness.close();
  await new Promise<void>((resolve) => foreign.close(() => resolve()));
});

/** Open a page that records every policy violation it sees. */
async function openWatched(
  query: string,
): Promise<{ page: Page; violations: () => Promise<string[]> }> {
  const page = await harness.context.newPage();
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { violations: string[] }).violations = seen;
    document.addEventListener("securitypolicyviolation", (event) =>
      seen.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  await page.goto(`${harness.server.url}${query}`);
  return {
    page,
    violations: () =>
      page.evaluate(() => (window as unknown as { violations: string[] }).violations),
  };
}

describe.runIf(CAN_RUN_BROWSER)("explorer policy", () => {
  it("shows a graph of its own site with no policy violation", async () => {
    const { page, violations } = await openWatched("?graph=test.json");
    expect(await waitForStatus(page)).toBe("ready");
    await page.keyboard.press("/");
    await page.keyboard.type("a");
    expect(await violations()).toEqual([]);
    await page.close();
  });

  it("refuses a graph from another site over plain http without fetching it", async () => {
    foreignRequests = 0;
    const { page } = await openWatched(`?graph=${encodeURIComponent(`${foreignUrl}/graph.json`)}`);
    expect(await waitForStatus(page)).toBe("error");
    expect(await page.textContent("#error-message")).toContain(foreignUrl);
    expect(foreignRequests).toBe(0);
    await page.close();
  });

  it("asks before opening a graph written into a data: URL, then opens it with no violation", async () => {
    const data = `data:application/json,${encodeURIComponent(graphText)}`;
    const { page, violations } = await openWatched(`?graph=${encodeURIComponent(data)}`);
    expect(await waitForStatus(page)).toBe("consent");
    expect(await page.evaluate(() => window.litgraph?.getCounts().totalNodes ?? 0)).toBe(0);
    await page.click("#consent-open");
    expect(await waitForStatus(page)).toBe("ready");
    expect(await page.evaluate(() => window.litgraph?.getCounts().totalNodes)).toBeGreaterThan(0);
    expect(await violations()).toEqual([]);
    await page.close();
  });

  it("asks before opening a data: URL, and opens nothing when refused", async () => {
    const data = `data:application/json,${encodeURIComponent(graphText)}`;
    const { page } = await openWatched(`?graph=${encodeURIComponent(data)}`);
    expect(await waitForStatus(page)).toBe("consent");
    expect(await page.textContent("#consent-origin")).toContain("data: URL");
    await page.click("#consent-cancel");
    expect(await waitForStatus(page)).toBe("empty");
    expect(await page.evaluate(() => window.litgraph?.getCounts().totalNodes)).toBe(0);
    await page.close();
  });

  it("refuses a javascript: URL outright", async () => {
    const { page } = await openWatched(`?graph=${encodeURIComponent("javascript:alert(1)")}`);
    expect(await waitForStatus(page)).toBe("error");
    expect(await page.textContent("#error-message")).toContain("javascript:");
    await page.close();
  });
});
