// Vite builds the explorer (src/app, index.html) into dist/ with relative asset paths, serving or
// copying the built graph (graph/graph.json) beside it; Vitest runs the tests under test/.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Plugin } from "vite";
import { defineConfig } from "vitest/config";
import { CONTENT_SECURITY_POLICY_META } from "./src/content-policy.ts";

/** The graph the explorer opens by default: LITGRAPH_GRAPH, else graph/graph.json. */
function graphFile(): string {
  return path.resolve(process.env.LITGRAPH_GRAPH ?? "graph/graph.json");
}

/**
 * Serve the built graph as /graph.json in development, and copy it into the site when building.
 * Without a built graph the explorer opens on its empty state.
 */
function litgraphGraph(): Plugin {
  return {
    name: "litgraph-graph",
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        if (request.url?.split("?")[0] !== "/graph.json") return next();
        const file = graphFile();
        if (!existsSync(file)) {
          response.statusCode = 404;
          response.end("no graph built yet: run `npm start` or `litgraph build`");
          return;
        }
        response.setHeader("Content-Type", "application/json");
        response.end(readFileSync(file));
      });
    },
    generateBundle() {
      const file = graphFile();
      if (existsSync(file))
        this.emitFile({ type: "asset", fileName: "graph.json", source: readFileSync(file) });
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
