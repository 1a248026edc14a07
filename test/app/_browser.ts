// Browser-test helpers: build the explorer once with Vite, serve it with litgraph's static server, and
// drive Debian's headless Chromium through playwright-core (no browser download).
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { buildSite, type StaticServer, startStaticServer } from "../../src/cli/commands/serve.ts";
import { REPO_ROOT } from "../_seeds.ts";

export const CHROMIUM = process.env.LITGRAPH_CHROMIUM ?? "/usr/bin/chromium";

/** Browser tests run where Chromium is installed, and always in CI (where .ci/run installs it). */
export const CAN_RUN_BROWSER = existsSync(CHROMIUM) || process.env.CI === "true";

/** Screenshots for a person to look at (git-ignored). */
export const OUTPUT_DIR = path.join(REPO_ROOT, "test-output", "app");

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export interface Harness {
  server: StaticServer;
  context: BrowserContext;
  /** Write a file the server answers at `/<name>` (`name` may hold folders). */
  serveFile(name: string, content: string): string;
  /** Remove a file the server answered. */
  removeFile(name: string): void;
  close(): Promise<void>;
}

/**
 * Build the site into a fresh temporary folder (without the default graph: each test serves its
 * own), serve it, and start Chromium with a fresh profile.
 */
export async function startHarness(): Promise<Harness> {
  const work = mkdtempSync(path.join(tmpdir(), "litgraph-app-test-"));
  const site = path.join(work, "site");
  const previousGraph = process.env.LITGRAPH_GRAPH;
  // No graph.json is copied into the test site: the default graph must not leak into tests.
  process.env.LITGRAPH_GRAPH = path.join(work, "no-graph.json");
  try {
    await buildSite(site);
  } finally {
    if (previousGraph === undefined) delete process.env.LITGRAPH_GRAPH;
    else process.env.LITGRAPH_GRAPH = previousGraph;
  }
  const server = await startStaticServer({ root: site, port: 0 });
  const profile = mkdtempSync(path.join(tmpdir(), "litgraph-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 800 },
    acceptDownloads: true,
  });
  mkdirSync(OUTPUT_DIR, { recursive: true });
  return {
    server,
    context,
    serveFile(name, content) {
      mkdirSync(path.dirname(path.join(site, name)), { recursive: true });
      writeFileSync(path.join(site, name), content);
      return name;
    },
    removeFile(name) {
      rmSync(path.join(site, name), { force: true });
    },
    async close() {
      await context.close();
      await server.close();
      rmSync(work, { recursive: true, force: true });
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Errors the page threw, collected for assertions. */
export interface OpenedPage {
  page: Page;
  errors: string[];
}

/** Open the explorer at `query` (e.g. `?graph=seeds.json`) and wait until it settled. */
export async function openExplorer(harness: Harness, query = "", hash = ""): Promise<OpenedPage> {
  const page = await harness.context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(`${harness.server.url}${query}${hash}`);
  await waitForStatus(page);
  return { page, errors };
}

/** Wait until the explorer left its loading state; returns the state. */
export async function waitForStatus(page: Page): Promise<string> {
  await page.waitForFunction(
    () => {
      const state = document.documentElement.dataset.graphState;
      return state !== undefined && state !== "loading";
    },
    null,
    { timeout: 15_000 },
  );
  return page.evaluate(() => document.documentElement.dataset.graphState ?? "");
}

/** The visible counts as the page shows them. */
export async function readCounts(page: Page): Promise<{ nodes: number; edges: number }> {
  return page.evaluate(() => {
    const counts = document.getElementById("counts");
    return { nodes: Number(counts?.dataset.nodes), edges: Number(counts?.dataset.edges) };
  });
}

/** Save a screenshot for people to look at. */
export async function saveScreenshot(page: Page, name: string): Promise<Buffer> {
  return page.screenshot({ path: path.join(OUTPUT_DIR, name) });
}

/**
 * Pixel statistics of a PNG, decoded by the page itself: how many pixels differ from the corner
 * pixel (the background), and how many pixels are close to each of `colors`.
 */
export async function measurePixels(
  page: Page,
  png: Buffer,
  colors: string[],
): Promise<{ total: number; foreground: number; near: Record<string, number> }> {
  return page.evaluate(
    async ({ data, colors }) => {
      const image = new Image();
      image.src = `data:image/png;base64,${data}`;
      await image.decode();
      const canvas = document.createElement("canvas");
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext("2d");
      if (!context) throw new Error("no 2d context");
      context.drawImage(image, 0, 0);
      const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
      const [r0, g0, b0] = [pixels[0] ?? 0, pixels[1] ?? 0, pixels[2] ?? 0];
      const targets = colors.map((hex) => [
        Number.parseInt(hex.slice(1, 3), 16),
        Number.parseInt(hex.slice(3, 5), 16),
        Number.parseInt(hex.slice(5, 7), 16),
      ]);
      const near: Record<string, number> = Object.fromEntries(colors.map((c) => [c, 0]));
      let foreground = 0;
      for (let i = 0; i < pixels.length; i += 4) {
        const r = pixels[i] ?? 0;
        const g = pixels[i + 1] ?? 0;
        const b = pixels[i + 2] ?? 0;
        if (Math.abs(r - r0) + Math.abs(g - g0) + Math.abs(b - b0) > 30) foreground += 1;
        targets.forEach(([tr, tg, tb], j) => {
          if (Math.abs(r - (tr ?? 0)) + Math.abs(g - (tg ?? 0)) + Math.abs(b - (tb ?? 0)) < 30)
            near[colors[j] as string] = (near[colors[j] as string] ?? 0) + 1;
        });
      }
      return { total: pixels.length / 4, foreground, near };
    },
    { data: png.toString("base64"), colors },
  );
}
