// Vite builds the explorer (src/app, index.html) into dist/ with relative asset paths, serving or
// copying the built graph (graph/graph.json and the explorer's files beside it) into the site; Vitest runs the tests under test/.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Plugin } from "vite";
import { defineConfig } from "vitest/config";
import { CONTENT_SECURITY_POLICY_META } from "./src/content-policy.ts";

/** The graph the explorer opens by default: LITGRAPH_GRAPH, else graph/graph.json. */
function graphFile(): string {
  return path.resolve(process.env.LITGRAPH_GRAPH ?? "graph/graph.json");
}

/**
 * The files of the built graph the site serves, by URL path: graph.json, and when it is a build's
 * graph.json the explorer's files beside it (explorer.json, explorer-search.json and every
 * explorer-details/ shard).
 */
function graphAssets(): Map<string, string> {
  const file = graphFile();
  const assets = new Map<string, string>();
  if (!existsSync(file)) return assets;
  assets.set("graph.json", file);
  if (path.basename(file) !== "graph.json") return assets;
  const dir = path.dirname(file);
  for (const name of ["explorer.json", "explorer-search.json"]) {
    if (existsSync(path.join(dir, name))) assets.set(name, path.join(dir, name));
  }
  const details = path.join(dir, "explorer-details");
  if (existsSync(details)) {
    for (const name of readdirSync(details).sort())
      assets.set(`explorer-details/${name}`, path.join(details, name));
  }
  return assets;
}

/**
 * Serve the built graph (graph.json and the explorer's files) in development, and copy it into the
 * site when building. Without a built graph the explorer opens on its empty state.
 */
function litgraphGraph(): Plugin {
  return {
    name: "litgraph-graph",
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const name = decodeURIComponent(request.url?.split("?")[0] ?? "").replace(/^\//, "");
        if (name !== "graph.json" && name !== "explorer.json" && !name.startsWith("explorer-"))
          return next();
        const file = graphAssets().get(name);
        if (!file) {
          response.statusCode = 404;
          response.end("no graph built yet: run `npm start` or `litgraph build`");
          return;
        }
        response.setHeader("Content-Type", "application/json");
        response.end(readFileSync(file));
      });
    },
    generateBundle() {
      for (const [fileName, file] of graphAssets())
        this.emitFile({ type: "asset", fileName, source: readFileSync(file) });
    },
  };
}

/**
 * The built page carries the Content-Security-Policy as a <meta> element, so that any static host
 * applies it. Not in development: Vite's live reload needs what the policy forbids.
 */
function contentPolicy(): Plugin {
  return {
    name: "litgraph-content-policy",
    apply: "build",
    transformIndexHtml: () => [
      {
        tag: "meta",
        attrs: { "http-equiv": "Content-Security-Policy", content: CONTENT_SECURITY_POLICY_META },
        injectTo: "head-prepend",
      },
    ],
  };
}

export default defineConfig(({ mode }) => ({
  // Relative asset paths: the built site works from any folder of any static host.
  base: "./",
  publicDir: false,
  resolve: {
    // The browser build of graphology-gexf parses with the page's DOMParser instead of bundling
    // xmldom. Tests run in Node and keep the Node build.
    alias:
      mode === "test"
        ? []
        : [{ find: /^graphology-gexf$/, replacement: "graphology-gexf/browser" }],
  },
  worker: { format: "es" },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    chunkSizeWarningLimit: 1500,
  },
  plugins: [contentPolicy(), litgraphGraph()],
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    pool: "forks",
  },
}));
