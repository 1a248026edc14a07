// The explorer in a real headless Chromium: drawing, search, the side panel, filters, shared links,
// export, hostile text, Chinese labels and drag-and-drop building. Screenshots go to test-output/app/.
import { readFileSync } from "node:fs";
import Graph from "graphology";
import { parse as parseGexf } from "graphology-gexf";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeGexf, writeGraphJson } from "../../src/export/index.ts";
import type { LitGraph } from "../../src/graph/types.ts";
import { buildGraph } from "../../src/pipeline/index.ts";
import { buildTestGraph, HOSTILE_KEY, HOSTILE_LABEL, SURVEY_KEY } from "../_graph.ts";
import { readDataJson, readSeedFiles } from "../_seeds.ts";
import {
  CAN_RUN_BROWSER,
  type Harness,
  measurePixels,
  openExplorer,
  readCounts,
  saveScreenshot,
  startHarness,
} from "./_browser.ts";

/** Chinese labels written for this test: more than 40 distinct characters over five nodes. */
const CJK_LABELS = [
  "临床问答评测基准",
  "医学影像报告生成",
  "中文病历结构化抽取",
  "药物相互作用知识库检索增强",
  "肿瘤放疗计划辅助决策系统",
];

function buildSeedGraph(): LitGraph {
  return buildGraph({
    files: readSeedFiles(),
    taxonomy: readDataJson("taxonomy.json"),
    benchmarks: readDataJson("benchmarks.json"),
  }).graph;
}

function buildCjkGraph(): string {
  const graph = buildTestGraph();
  graph.clear();
  CJK_LABELS.forEach((label, i) => {
    graph.addNode(`topic:cjk-${i}`, {
      kind: "topic",
      label,
      community: i % 2,
      x: i * 10,
      y: (i % 2) * 10,
      size: 12,
      color: i % 2 === 0 ? "#1f77b4" : "#ff7f0e",
      sources: ["notes/cjk.md"],
    });
  });
  return writeGraphJson(graph);
}

/** The hostile label as the page shows it: markup as text, control characters left out. */
const SHOWN_HOSTILE_LABEL = HOSTILE_LABEL.replaceAll("\u0000", "").replaceAll("\u0008", "");

function buildHostileGraph(): string {
  const graph = buildTestGraph();
  graph.mergeNodeAttributes(HOSTILE_KEY, {
    urls: ["javascript:alert(2)", "https://example.org/ok"],
    authors: ["<b onmouseover=alert(3)>Bold</b>"],
  });
  return writeGraphJson(graph);
}

async function choose(page: Page, query: string): Promise<void> {
  await page.keyboard.press("/");
  await page.keyboard.type(query);
  await page.waitForSelector("#search-results:not([hidden]) .search-result");
  await page.keyboard.press("Enter");
  await page.waitForSelector("#panel:not([hidden]) #panel-title");
}

describe.skipIf(!CAN_RUN_BROWSER)("explorer in Chromium", () => {
  let harness: Harness;
  let seedGraph: LitGraph;

  beforeAll(async () => {
    harness = await startHarness();
    seedGraph = buildSeedGraph();
    harness.serveFile("seeds.json", writeGraphJson(seedGraph));
    harness.serveFile("hostile.json", buildHostileGraph());
    harness.serveFile("cjk.json", buildCjkGraph());
  }, 120_000);

  afterAll(async () => {
    await harness?.close();
  });

  it("draws the seed graph at its layout, coloured by community", async () => {
    const { page, errors } = await openExplorer(harness, "?graph=seeds.json");
    expect(await readCounts(page)).toEqual({ nodes: seedGraph.order, edges: seedGraph.size });
    await page.waitForTimeout(300);
    await saveScreenshot(page, "explorer-seeds-light.png");
    const canvas = await page.locator("#graph").screenshot();
    const colors = Object.values(seedGraph.getAttribute("communities")).map((c) => c.color);
    const pixels = await measurePixels(page, canvas, colors);
    expect(pixels.foreground / pixels.total).toBeGreaterThan(0.01);
    const shown = colors.filter((color) => (pixels.near[color] ?? 0) > 20);
    expect(shown.length).toBeGreaterThanOrEqual(Math.min(3, colors.length));
    expect(errors).toEqual([]);
    await page.close();
  });

  it("names the communities on the map when zoomed out, and lets node labels take over close in", async () => {
    const { page, errors } = await openExplorer(harness, "?graph=seeds.json");
    await page.waitForTimeout(200);
    const far = await page.evaluate(() => window.litgraph?.getCaptions() ?? []);
    const communities = seedGraph.getAttribute("communities");
    const largest = Object.values(communities).sort((a, b) => b.size - a.size)[0];
    expect(far.length).toBeGreaterThan(0);
    expect(far.map((caption) => caption.label)).toContain(largest?.label);
    for (const caption of far) {
      expect(caption.x).toBeGreaterThan(-caption.width);
      expect(caption.x).toBeLessThan(1280);
    }
    await saveScreenshot(page, "explorer-captions.png");
    await page.close();

    const close = await openExplorer(harness, "?graph=seeds.json", "#cam=0.5,0.5,0.1");
    await close.page.waitForTimeout(200);
    expect(await close.page.evaluate(() => window.litgraph?.getCaptions().length)).toBe(0);
    expect(errors.concat(close.errors)).toEqual([]);
    await close.page.close();
  });

  it("opens on the empty state when there is no graph", async () => {
    const { page } = await openExplorer(harness);
    expect(await page.locator("#empty-state").isVisible()).toBe(true);
    expect(await page.locator("#empty-state").textContent()).toContain("npm start");
    await saveScreenshot(page, "explorer-empty.png");
    await page.close();
  });

  it("finds a paper by arXiv id, flies to it, and lists related papers with reasons and evidence", async () => {
    const { page, errors } = await openExplorer(harness, "?graph=seeds.json");
    const before = await page.evaluate(() => window.litgraph?.getCamera());
    await choose(page, "2311.05112");
    const title = await page.locator("#panel-title").textContent();
    expect(title).toBe(seedGraph.getNodeAttribute(SURVEY_KEY, "title"));
    expect(await page.evaluate(() => window.litgraph?.getState().selected)).toBe(SURVEY_KEY);
    const related = page.locator("#panel .related-item");
    expect(await related.count()).toBeGreaterThan(0);
    expect(await related.first().locator(".related-reasons li").count()).toBeGreaterThan(0);
    const snippets = await page.locator("#panel .evidence-snippet").allTextContents();
    expect(snippets.some((text) => text.trim().length > 0)).toBe(true);
    const sources = await page.locator("#panel .evidence-source").allTextContents();
    expect(sources.some((source) => source.startsWith("004_"))).toBe(true);
    await page.waitForTimeout(700);
    const after = await page.evaluate(() => window.litgraph?.getCamera());
    expect(after?.ratio).toBeLessThan(before?.ratio ?? 0);
    await saveScreenshot(page, "explorer-selected.png");

    // A related paper navigates to its node.
    const target = await related.first().getAttribute("data-related");
    await related.first().locator(".node-link").click();
    expect(await page.evaluate(() => window.litgraph?.getState().selected)).toBe(target);

    // Esc clears the selection and closes the panel.
    await page.locator("body").click({ position: { x: 5, y: 300 } });
    await page.keyboard.press("Escape");
    expect(await page.evaluate(() => window.litgraph?.getState().selected)).toBeNull();
    expect(await page.locator("#panel").isHidden()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("matches part of a Chinese title", async () => {
    const { page } = await openExplorer(harness, "?graph=seeds.json");
    const key = seedGraph.findNode(
      (_k, a) => typeof a.titleZh === "string" && a.titleZh.length > 6,
    );
    expect(key).toBeDefined();
    const titleZh = seedGraph.getNodeAttribute(key as string, "titleZh") as string;
    await page.keyboard.press("/");
    await page.keyboard.type([...titleZh].slice(2, 6).join(""));
    await page.waitForSelector("#search-results .search-result");
    const labels = await page.locator("#search-results .search-result-label").allTextContents();
    expect(labels).toContain(seedGraph.getNodeAttribute(key as string, "label"));
    await page.close();
  });

  it("filters change the visible counts", async () => {
    const { page } = await openExplorer(harness, "?graph=seeds.json");
    const all = await readCounts(page);
    await page.locator('input[data-kind="topic"]').uncheck();
    const withoutTopics = await readCounts(page);
    const topics = seedGraph.filterNodes((_k, a) => a.kind === "topic").length;
    expect(withoutTopics.nodes).toBe(all.nodes - topics);
    expect(withoutTopics.edges).toBeLessThan(all.edges);
    await page.locator('input[data-kind="topic"]').check();

    const topic = seedGraph.findNode((_k, a) => a.kind === "topic" && seedGraph.degree(_k) > 1);
    await page.locator("#filter-topic").selectOption(topic as string);
    const byTopic = await readCounts(page);
    expect(byTopic.nodes).toBeLessThan(all.nodes);
    expect(byTopic.nodes).toBeGreaterThan(0);
    await page.locator("#filter-reset").click();
    expect(await readCounts(page)).toEqual(all);

    const similar = seedGraph.filterEdges((_e, a) => a.kind === "similar").length;
    expect(similar).toBeGreaterThan(0);
    await page.locator("#filter-similar").uncheck();
    expect(await readCounts(page)).toEqual({ nodes: all.nodes, edges: all.edges - similar });
    await page.waitForFunction(() => location.hash.includes("nosim=1"));
    await page.locator("#filter-similar").check();
    expect(await readCounts(page)).toEqual(all);

    const community = await page
      .locator("input[data-community]")
      .first()
      .getAttribute("data-community");
    await page.locator("input[data-community]").first().uncheck();
    const withoutCommunity = await readCounts(page);
    const members = seedGraph.filterNodes((_k, a) => a.community === Number(community)).length;
    expect(withoutCommunity.nodes).toBe(all.nodes - members);
    await saveScreenshot(page, "explorer-filtered.png");
    await page.close();
  });

  it("the year range and play narrow the papers to their years", async () => {
    const { page } = await openExplorer(harness, "?graph=seeds.json");
    const all = await readCounts(page);
    const years = seedGraph
      .filterNodes(
        (_k, a) => (a.kind === "paper" || a.kind === "survey") && typeof a.year === "number",
      )
      .map((k) => seedGraph.getNodeAttribute(k, "year") as number);
    const first = Math.min(...years);
    await page.locator("#timeline-to").fill(String(first));
    const early = await readCounts(page);
    expect(early.nodes).toBeLessThan(all.nodes);
    expect(await page.locator("#timeline-label").textContent()).toBe(String(first));
    await page.locator("#timeline-play").click();
    expect(await page.evaluate(() => window.litgraph?.getState().filters.years)).toEqual([
      first,
      first,
    ]);
    await page.locator("#timeline-play").click();
    await page.locator("#timeline-all").click();
    expect(await readCounts(page)).toEqual(all);
    await page.close();
  });

  it("only the neighbourhood of the selection, 1 or 2 hops", async () => {
    const { page } = await openExplorer(harness, "?graph=seeds.json");
    await choose(page, "2311.05112");
    await page.locator("#filter-hops").selectOption("1");
    const one = await readCounts(page);
    expect(one.nodes).toBe(seedGraph.neighbors(SURVEY_KEY).length + 1);
    await page.locator("#filter-hops").selectOption("2");
    const two = await readCounts(page);
    expect(two.nodes).toBeGreaterThan(one.nodes);
    await page.close();
  });

  it("a copied link reopens the same view", async () => {
    const { page } = await openExplorer(harness, "?graph=seeds.json");
    await choose(page, "2311.05112");
    await page.locator('input[data-kind="benchmark"]').uncheck();
    await page.locator('[data-labels="many"]').click();
    await page.waitForTimeout(900);
    const state = await page.evaluate(() => window.litgraph?.getState());
    const camera = await page.evaluate(() => window.litgraph?.getCamera());
    const counts = await readCounts(page);
    await page.waitForFunction(() => location.hash.includes("cam="));
    const url = page.url();
    expect(url).toContain("node=");

    const reopened = await harness.context.newPage();
    await reopened.goto(url);
    await reopened.waitForFunction(() => document.documentElement.dataset.graphState === "ready");
    const restored = await reopened.evaluate(() => window.litgraph?.getState());
    expect(restored?.selected).toBe(state?.selected);
    expect(restored?.filters).toEqual(state?.filters);
    expect(restored?.labelDensity).toBe("many");
    expect(await readCounts(reopened)).toEqual(counts);
    const restoredCamera = await reopened.evaluate(() => window.litgraph?.getCamera());
    expect(restoredCamera?.ratio).toBeCloseTo(camera?.ratio ?? 0, 3);
    expect(restoredCamera?.x).toBeCloseTo(camera?.x ?? 0, 3);
    expect(await reopened.locator("#panel-title").textContent()).toBe(
      await page.locator("#panel-title").textContent(),
    );
    await reopened.close();
    await page.close();
  });

  it("exports the visible subgraph as GEXF that re-imports with the same counts, and a PNG", async () => {
    const { page } = await openExplorer(harness, "?graph=seeds.json");
    await page.locator('input[data-kind="topic"]').uncheck();
    const counts = await readCounts(page);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.locator("#export-gexf").click(),
    ]);
    const text = readFileSync((await download.path()) as string, "utf8");
    const imported = parseGexf(Graph, text);
    expect(imported.order).toBe(counts.nodes);
    expect(imported.size).toBe(counts.edges);
    expect(imported.filterNodes((_k, a) => a.kind === "topic")).toEqual([]);

    const [png] = await Promise.all([
      page.waitForEvent("download"),
      page.locator("#export-png").click(),
    ]);
    const bytes = readFileSync((await png.path()) as string);
    expect([...bytes.subarray(1, 4)].map((b) => String.fromCharCode(b)).join("")).toBe("PNG");
    await page.close();
  });

  it("shows a hostile title as text everywhere: no element created, no dialog", async () => {
    const page = await harness.context.newPage();
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(`${harness.server.url}?graph=hostile.json`);
    await page.waitForFunction(() => document.documentElement.dataset.graphState === "ready");
    await page.keyboard.press("/");
    await page.keyboard.type("dosing");
    await page.waitForSelector("#search-results .search-result");
    expect(await page.locator("#search-results .search-result-label").first().textContent()).toBe(
      SHOWN_HOSTILE_LABEL,
    );
    await page.keyboard.press("Enter");
    await page.waitForSelector("#panel:not([hidden])");
    expect(await page.locator("#panel-title").textContent()).toBe(SHOWN_HOSTILE_LABEL);
    const links = await page
      .locator("#panel .panel-links a")
      .evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).href));
    expect(links).toEqual(["https://example.org/ok"]);
    // The topic the hostile paper covers shows the hostile snippet as evidence, as text.
    await page.locator('#panel .node-link[data-node="topic:rag"]').click();
    expect(await page.locator("#panel").textContent()).toContain('<script>alert("x")</script>');
    await page.locator(`#panel .node-link[data-node="${HOSTILE_KEY}"]`).click();
    expect(await page.locator("#panel .panel-authors").textContent()).toContain("<b onmouseover");
    const created = await page.evaluate(() => ({
      img: document.querySelectorAll("img").length,
      script: document.querySelectorAll("body script").length,
      bold: document.querySelectorAll("#panel b").length,
      javascriptLinks: document.querySelectorAll('a[href^="javascript"]').length,
    }));
    expect(created).toEqual({ img: 0, script: 0, bold: 0, javascriptLinks: 0 });
    await page.waitForTimeout(300);
    await saveScreenshot(page, "explorer-hostile.png");
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it("draws Chinese labels with a glyph for every character", async () => {
    const { page } = await openExplorer(harness, "?graph=cjk.json");
    await page.locator('[data-labels="many"]').click();
    await page.waitForTimeout(300);
    await saveScreenshot(page, "explorer-cjk-labels.png");
    const characters = [...new Set(CJK_LABELS.join(""))];
    expect(characters.length).toBeGreaterThanOrEqual(40);
    // A font without CJK glyphs draws every character as the same box: count distinct bitmaps.
    const distinct = await page.evaluate(async (chars) => {
      const { LABEL_FONT } = { LABEL_FONT: getComputedStyle(document.body).fontFamily };
      const canvas = document.createElement("canvas");
      canvas.width = 32;
      canvas.height = 32;
      const context = canvas.getContext("2d", { willReadFrequently: true });
      if (!context) return 0;
      const seen = new Set<string>();
      for (const char of chars) {
        context.clearRect(0, 0, 32, 32);
        context.font = `24px ${LABEL_FONT}`;
        context.fillText(char, 2, 26);
        seen.add(Array.from(context.getImageData(0, 0, 32, 32).data).join(","));
      }
      return seen.size;
    }, characters);
    expect(distinct).toBe(characters.length);
    await page.close();
  });

  it("follows the system's dark preference until a theme is chosen", async () => {
    const page = await harness.context.newPage();
    await page.emulateMedia({ colorScheme: "dark" });
    await page.goto(`${harness.server.url}?graph=seeds.json`);
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await page.waitForFunction(() => document.documentElement.dataset.graphState === "ready");
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe("dark");
    await page.emulateMedia({ colorScheme: "light" });
    await page.waitForFunction(() => document.documentElement.dataset.theme === "light");
    await page.close();
  });

  it("switches to the dark theme", async () => {
    const { page } = await openExplorer(harness, "?graph=seeds.json");
    await page.locator("#theme-toggle").click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe("dark");
    await page.waitForTimeout(300);
    const shot = await saveScreenshot(page, "explorer-seeds-dark.png");
    const pixels = await measurePixels(page, shot, ["#12151c"]);
    expect((pixels.near["#12151c"] ?? 0) / pixels.total).toBeGreaterThan(0.3);
    await page.locator("#theme-toggle").click();
    await page.close();
  });

  it("builds a graph from dropped documents in a worker, listing skipped files", async () => {
    const { page } = await openExplorer(harness);
    const files = [
      ...readSeedFiles().map((file) => ({ name: file.id, data: [...file.bytes] })),
      { name: "empty.txt", data: [] as number[] },
    ];
    await page.evaluate((dropped) => {
      const transfer = new DataTransfer();
      for (const file of dropped)
        transfer.items.add(new File([new Uint8Array(file.data)], file.name));
      window.dispatchEvent(
        new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }),
      );
    }, files);
    await page.waitForFunction(
      () => document.getElementById("build-dialog")?.dataset.state === "done",
      null,
      {
        timeout: 30_000,
      },
    );
    expect(await page.evaluate(() => document.documentElement.dataset.graphState)).toBe("ready");
    const counts = await readCounts(page);
    expect(counts).toEqual({ nodes: seedGraph.order, edges: seedGraph.size });
    expect(await page.locator("#build-dialog .skipped-file").allTextContents()).toEqual([
      "empty.txt",
    ]);
    expect(await page.locator("#build-dialog .skipped-reason").first().textContent()).toMatch(
      /empty/,
    );
    await saveScreenshot(page, "explorer-dropped.png");
    await page.close();
  });

  it("opens a dropped GEXF file", async () => {
    const { page } = await openExplorer(harness);
    const text = writeGexf(buildTestGraph());
    await page.evaluate((gexf) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([gexf], "field.gexf"));
      window.dispatchEvent(
        new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }),
      );
    }, text);
    await page.waitForFunction(() => document.documentElement.dataset.graphState === "ready");
    expect(await readCounts(page)).toEqual({ nodes: 9, edges: 7 });
    expect(await page.locator("#graph-name").textContent()).toBe("field.gexf");
    await page.close();
  });
});
