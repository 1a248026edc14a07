// npm run bench:app: load-to-first-frame of the explorer and of a bare sigma.js page on the same
// synthetic graphs (1k, 10k, 50k nodes, 5 edges per node), in headless Chromium (software WebGL here),
// plus frames per second while dragging the view. Prints a table; writes bench/out/app-load.json.
// With --graph, a real build instead: the explorer opens the build's folder (its explorer.json, or
// graph.json with --full-json), the bare page a graphology export of the same positions, sizes,
// colours and labels; it also prints the files' sizes (raw and gzip) and, with --screenshot, saves
// a 1440×900 picture of the map.
// Usage: tsx bench/app-load.ts [--sizes 1000,10000,50000] [--runs 3]
//        tsx bench/app-load.ts --graph graph/graph.json [--full-json] [--no-pan] [--screenshot bench/out/map.png]
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { chromium, type Page } from "playwright-core";
import { build } from "vite";
import { buildSite, startStaticServer } from "../src/cli/commands/serve.ts";
import { formatTable } from "../src/cli/table.ts";
import { generateSyntheticGraph } from "./app-synthetic-graph.ts";

const { values } = parseArgs({
  options: {
    sizes: { type: "string" },
    runs: { type: "string" },
    chromium: { type: "string" },
    graph: { type: "string" },
    "full-json": { type: "boolean" },
    screenshot: { type: "string" },
    "no-pan": { type: "boolean" },
  },
});
const sizes = (values.sizes ?? "1000,10000,50000").split(",").map(Number);
const runs = Number(values.runs ?? "3");
const executablePath = values.chromium ?? process.env.LITGRAPH_CHROMIUM ?? "/usr/bin/chromium";
const root = path.resolve(import.meta.dirname, "..");
const outDir = path.join(root, "bench", "out");
const siteDir = path.join(outDir, "app-site");
const bareDir = path.join(outDir, "app-bare");

/** Mouse moves in the drag whose frame rate is measured, and the time they may take. */
const DRAG_STEPS = 12;
const DRAG_BUDGET_MS = 4000;

interface Timing {
  loaded: number;
  firstFrame: number;
  panFps: number;
}

const median = (list: number[]) => {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

async function buildPages(): Promise<void> {
  process.env.LITGRAPH_GRAPH = path.join(outDir, "no-graph.json");
  await buildSite(siteDir);
  await build({
    root,
    configFile: false,
    logLevel: "warn",
    build: {
      outDir: bareDir,
      emptyOutDir: true,
      target: "es2022",
      lib: {
        entry: path.join(root, "bench", "app-bare-page.ts"),
        formats: ["es"],
        fileName: () => "bare.js",
      },
    },
  });
  // A style sheet of its own: the static server's Content-Security-Policy forbids inline styles.
  writeFileSync(
    path.join(bareDir, "bare.css"),
    "html,body{margin:0;height:100%}#graph{position:absolute;inset:0}\n",
  );
  writeFileSync(
    path.join(bareDir, "index.html"),
    '<!doctype html><meta charset="utf-8"><title>bare sigma</title><link rel="stylesheet" href="./bare.css"><div id="graph"></div><script type="module" src="./bare.js"></script>\n',
  );
}

/** Read the marks (ms since navigation start) once the first frame is drawn, then drag the view. */
async function measure(page: Page, url: string): Promise<Timing> {
  await page.goto(url);
  await page.waitForFunction(
    () => performance.getEntriesByName("litgraph:first-frame").length > 0,
    null,
    {
      timeout: 180_000,
      polling: 50,
    },
  );
  const marks = await page.evaluate(() => ({
    loaded: performance.getEntriesByName("litgraph:graph-loaded")[0]?.startTime ?? Number.NaN,
    firstFrame: performance.getEntriesByName("litgraph:first-frame")[0]?.startTime ?? Number.NaN,
  }));
  if (values["no-pan"]) return { ...marks, panFps: Number.NaN };
  // Frames per second while dragging the graph across the canvas.
  const box = await page.locator("#graph").boundingBox({ timeout: 180_000 });
  if (!box) throw new Error("no #graph element");
  // A string, not a function: tsx would wrap named inner functions in a helper the page lacks.
  await page.evaluate(`(() => {
    const counter = { frames: 0, running: true };
    window.__frames = counter;
    const tick = () => {
      counter.frames += 1;
      if (counter.running) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  const started = Date.now();
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  // Each move waits for the page to take it, so a slow page gets fewer moves in the same time.
  for (let i = 1; i <= DRAG_STEPS && Date.now() - started < DRAG_BUDGET_MS; i += 1) {
    await page.mouse.move(cx + Math.sin(i / 3) * 200, cy + Math.cos(i / 3) * 120);
  }
  await page.mouse.up();
  const frames = await page.evaluate(() => {
    const counter = (window as unknown as { __frames: { frames: number; running: boolean } })
      .__frames;
    counter.running = false;
    return counter.frames;
  });
  const seconds = (Date.now() - started) / 1000;
  return { ...marks, panFps: frames / seconds };
}

/** Raw and gzip sizes in MB of a build's files, for the table. */
function describeSizes(dir: string): (string | number)[][] {
  const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 100) / 100;
  const rows: (string | number)[][] = [];
  for (const name of ["graph.json", "explorer.json", "explorer-search.json"]) {
    const data = readFileSync(path.join(dir, name));
    rows.push([name, 1, mb(data.length), mb(gzipSync(data, { level: 6 }).length)]);
  }
  const shards = readdirSync(path.join(dir, "explorer-details")).map((name) =>
    readFileSync(path.join(dir, "explorer-details", name)),
  );
  const raw = shards.map((data) => data.length).sort((a, b) => a - b);
  const zipped = shards.map((data) => gzipSync(data, { level: 6 }).length).sort((a, b) => a - b);
  const sum = (list: number[]) => list.reduce((a, b) => a + b, 0);
  rows.push(["explorer-details/ (all)", shards.length, mb(sum(raw)), mb(sum(zipped))]);
  rows.push(["  one shard, median", 1, mb(median(raw)), mb(median(zipped))]);
  rows.push(["  one shard, largest", 1, mb(raw.at(-1) ?? 0), mb(zipped.at(-1) ?? 0)]);
  return rows;
}

/** A graphology export of only what sigma draws: positions, sizes, colours, labels, the edges. */
function writeBareGraph(graphFile: string, out: string): number {
  const data = JSON.parse(readFileSync(graphFile, "utf8")) as {
    nodes: { key: string; attributes: Record<string, unknown> }[];
    edges: { source: string; target: string }[];
  };
  const bare = {
    options: { type: "undirected", multi: true },
    attributes: {},
    nodes: data.nodes.map(({ key, attributes: a }) => ({
      key,
      attributes: { x: a.x, y: a.y, size: a.size, color: a.color, label: a.label },
    })),
    edges: data.edges.map(({ source, target }) => ({ source, target })),
  };
  writeFileSync(out, JSON.stringify(bare));
  return statSync(out).size;
}

async function measureBuild(graphFile: string): Promise<void> {
  const dir = path.dirname(path.resolve(graphFile));
  process.stdout.write(`Files of ${dir} (MB)\n\n`);
  process.stdout.write(
    `${formatTable(["file", "files", "raw MB", "gzip MB"], describeSizes(dir))}\n\n`,
  );
  const graphsDir = path.join(outDir, "app-graphs");
  mkdirSync(graphsDir, { recursive: true });
  const bareFile = path.join(graphsDir, "build-bare.json");
  const bareBytes = writeBareGraph(graphFile, bareFile);
  const routes = { files: { "/bare.json": bareFile }, folders: { "/build/": dir } };
  const explorer = await startStaticServer({ root: siteDir, port: 0, ...routes });
  const bare = await startStaticServer({ root: bareDir, port: 0, ...routes });
  const profile = mkdtempSync(path.join(tmpdir(), "litgraph-bench-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1280, height: 800 },
  });
  const pages: [name: string, url: string][] = [
    ["explorer (explorer.json)", `${explorer.url}?graph=build/`],
    ["bare sigma", `${bare.url}?graph=bare.json`],
  ];
  if (values["full-json"])
    pages.push(["explorer (graph.json)", `${explorer.url}?graph=build/graph.json`]);
  const timings = new Map<string, Timing[]>(pages.map(([name]) => [name, []]));
  const printBuildTimings = () => {
    const bareFirst = median((timings.get("bare sigma") ?? []).map((t) => t.firstFrame));
    const rows = pages.map(([name]) => {
      const list = timings.get(name) ?? [];
      const first = median(list.map((t) => t.firstFrame));
      return [
        name,
        Math.round(median(list.map((t) => t.loaded))),
        Math.round(first),
        `${(first / bareFirst).toFixed(2)}×`,
        Math.round(median(list.map((t) => t.panFps))),
        `all: ${list.map((t) => Math.round(t.firstFrame)).join(", ")}`,
      ];
    });
    process.stdout.write(
      `Load to first frame of ${graphFile} in headless Chromium (ms since navigation, median of ${runs} interleaved runs; software WebGL; bare page file ${Math.round((bareBytes / 1024 / 1024) * 10) / 10} MB)\n\n`,
    );
    process.stdout.write(
      `${formatTable(["page", "loaded", "first frame", "vs bare", "pan fps", "runs"], rows)}\n`,
    );
    writeFileSync(
      path.join(outDir, "app-load-build.json"),
      `${JSON.stringify(Object.fromEntries(timings), null, 2)}\n`,
    );
  };
  try {
    // Interleaved runs, so that a busy moment of the machine falls on every page alike.
    for (let run = 0; run < runs; run += 1) {
      for (const [name, url] of pages) {
        const page = await context.newPage();
        const timing = await measure(page, url);
        timings.get(name)?.push(timing);
        await page.close();
        process.stderr.write(
          `run ${run + 1}: ${name}: loaded ${Math.round(timing.loaded)} ms, first frame ${Math.round(timing.firstFrame)} ms\n`,
        );
      }
    }
    printBuildTimings();
    if (values.screenshot) {
      const page = await context.newPage();
      await page.setViewportSize({ width: 1440, height: 900 });
      await page.goto(`${explorer.url}?graph=build/`);
      await page.waitForFunction(
        () => document.documentElement.dataset.graphState === "ready",
        null,
        {
          timeout: 180_000,
        },
      );
      await page.waitForTimeout(1500);
      mkdirSync(path.dirname(path.resolve(values.screenshot)), { recursive: true });
      // The page indexes search after its first frame: wait for it, so the picture is not taken mid-work.
      await page.evaluate(() => window.litgraph?.searchReady());
      await page.screenshot({ path: values.screenshot, timeout: 180_000 });
      await page.close();
    }
  } finally {
    await context.close();
    await explorer.close();
    await bare.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

async function main(): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  await buildPages();
  const graphsDir = path.join(outDir, "app-graphs");
  mkdirSync(graphsDir, { recursive: true });
  const files: Record<string, string> = {};
  const sizesMb: Record<number, number> = {};
  for (const size of sizes) {
    const file = path.join(graphsDir, `synthetic-${size}.json`);
    const data = generateSyntheticGraph(size, 1);
    writeFileSync(file, JSON.stringify(data));
    files[`/synthetic-${size}.json`] = file;
    sizesMb[size] = Math.round((statSync(file).size / 1024 / 1024) * 10) / 10;
  }
  const explorer = await startStaticServer({ root: siteDir, port: 0, files });
  const bare = await startStaticServer({ root: bareDir, port: 0, files });
  const profile = mkdtempSync(path.join(tmpdir(), "litgraph-bench-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1280, height: 800 },
  });
  const rows: (string | number)[][] = [];
  const results: Record<string, Record<string, Timing>> = {};
  try {
    for (const size of sizes) {
      const timings: Record<string, Timing[]> = { explorer: [], bare: [] };
      for (let run = 0; run < runs; run += 1) {
        for (const [name, server] of [
          ["explorer", explorer],
          ["bare", bare],
        ] as const) {
          const page = await context.newPage();
          timings[name]?.push(await measure(page, `${server.url}?graph=synthetic-${size}.json`));
          await page.close();
        }
      }
      const summary = (name: string): Timing => {
        const list = timings[name] ?? [];
        return {
          loaded: median(list.map((t) => t.loaded)),
          firstFrame: median(list.map((t) => t.firstFrame)),
          panFps: median(list.map((t) => t.panFps)),
        };
      };
      const e = summary("explorer");
      const b = summary("bare");
      results[String(size)] = { explorer: e, bare: b };
      const edges = generateSyntheticGraph(size, 1).edges.length;
      rows.push([
        size,
        edges,
        sizesMb[size] ?? 0,
        Math.round(e.loaded),
        Math.round(e.firstFrame),
        Math.round(b.loaded),
        Math.round(b.firstFrame),
        Math.round(e.panFps),
        Math.round(b.panFps),
      ]);
      process.stderr.write(`measured ${size} nodes\n`);
    }
  } finally {
    await context.close();
    await explorer.close();
    await bare.close();
    rmSync(profile, { recursive: true, force: true });
  }
  process.stdout.write(
    `Load to first frame in headless Chromium (ms since navigation, median of ${runs} runs; software WebGL)\n\n`,
  );
  process.stdout.write(
    `${formatTable(
      [
        "nodes",
        "edges",
        "MB",
        "explorer loaded",
        "explorer first frame",
        "bare loaded",
        "bare first frame",
        "explorer pan fps",
        "bare pan fps",
      ],
      rows,
    )}\n`,
  );
  writeFileSync(path.join(outDir, "app-load.json"), `${JSON.stringify(results, null, 2)}\n`);
}

if (values.graph) {
  mkdirSync(outDir, { recursive: true });
  await buildPages();
  await measureBuild(values.graph);
} else {
  await main();
}
