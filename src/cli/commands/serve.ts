// `litgraph serve`: rebuild the default graph when data/ changed, build the explorer's static site when
// its sources changed, and serve both on a local address (a small static server; `--dev` runs Vite's
// development server instead). The static server is also what the browser tests and benchmarks use.
import { createReadStream, existsSync } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { fileURLToPath } from "node:url";
import { createGzip } from "node:zlib";
import { CONTENT_SECURITY_POLICY } from "../../content-policy.ts";
import { escapeForTerminal } from "../../diagnostics.ts";
import { LitgraphError } from "../../errors.ts";
import {
  EXPLORER_DETAILS_FOLDER,
  EXPLORER_FILE,
  EXPLORER_SEARCH_FILE,
} from "../../export/index.ts";
import { type BuildConfig, resolveConfig, type ServeConfig } from "../config.ts";
import { type CommandIo, runBuild } from "./build.ts";

/** litgraph's own folder: the explorer's sources, vite.config.ts and the default site live here. */
const PACKAGE_ROOT = fileURLToPath(new URL("../../../", import.meta.url));

export const DEFAULT_HOST = "127.0.0.1";

/** The newest modification time of any file under `target` (a file or a folder), or 0. */
export async function newestMtime(
  target: string,
  skip: (name: string) => boolean = () => false,
): Promise<number> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(target);
  } catch {
    return 0;
  }
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = 0;
  for (const entry of await readdir(target)) {
    if (skip(entry)) continue;
    newest = Math.max(newest, await newestMtime(path.join(target, entry), skip));
  }
  return newest;
}

/** Whether `output` is missing or older than anything in `sources`. */
export async function isStale(output: string, sources: string[]): Promise<boolean> {
  if (!existsSync(output)) return true;
  const built = (await stat(output)).mtimeMs;
  for (const source of sources) {
    if ((await newestMtime(source, (name) => name.startsWith("."))) > built) return true;
  }
  return false;
}

const MIME_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".gexf": "application/gexf+xml; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".txt": "text/plain; charset=utf-8",
  ".map": "application/json; charset=utf-8",
};

export interface StaticServerOptions {
  /** Folder served at `/`. */
  root: string;
  port?: number;
  host?: string;
  /** URL paths answered from other files, e.g. `{ "/graph.json": "graph/graph.json" }`. */
  files?: Record<string, string>;
  /**
   * URL prefixes answered from other folders, e.g. `{ "/explorer-details/": "graph/explorer-details" }`
   * (nothing outside the folder).
   */
  folders?: Record<string, string>;
}

export interface StaticServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** Headers of every answer: the page's Content-Security-Policy, no sniffing, no referrer. */
const SECURITY_HEADERS = {
  "Content-Security-Policy": CONTENT_SECURITY_POLICY,
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
} as const;

/** Text types worth compressing, and the size above which a compressed copy is kept. */
const COMPRESSIBLE = new Set([
  ".html",
  ".js",
  ".mjs",
  ".css",
  ".json",
  ".gexf",
  ".svg",
  ".map",
  ".txt",
]);
const GZIP_MIN_BYTES = 1024;
/** Compressed copies kept in memory at most (bytes); beyond it the oldest are dropped. */
const GZIP_CACHE_BYTES = 256 * 1024 * 1024;

/**
 * A file gzip-compressed as a stream: the file is never held whole, only its compressed copy
 * (a 185 MB graph.json compresses to about 46 MB).
 */
async function compressFile(file: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  await pipeline(createReadStream(file), createGzip({ level: 6 }), async (source) => {
    for await (const chunk of source) chunks.push(chunk as Buffer);
  });
  return Buffer.concat(chunks);
}

/**
 * Compressed copies of served files, keyed by path, size and modification time, so a rebuilt
 * graph is compressed again and many requests for one large file share one compression and one
 * buffer (a 96 MB graph.json is about a tenth of that compressed).
 */
class GzipCache {
  private readonly entries = new Map<string, { stamp: string; body: Promise<Buffer> }>();
  private bytes = 0;
  private readonly sizes = new Map<string, number>();

  get(file: string, size: number, mtimeMs: number): Promise<Buffer> {
    const stamp = `${size}:${mtimeMs}`;
    const cached = this.entries.get(file);
    if (cached?.stamp === stamp) return cached.body;
    this.forget(file);
    const body = compressFile(file);
    this.entries.set(file, { stamp, body });
    body.then(
      (buffer) => {
        if (this.entries.get(file)?.body !== body) return;
        this.sizes.set(file, buffer.length);
        this.bytes += buffer.length;
        for (const oldest of this.entries.keys()) {
          if (this.bytes <= GZIP_CACHE_BYTES || oldest === file) break;
          this.forget(oldest);
        }
      },
      () => this.forget(file),
    );
    return body;
  }

  private forget(file: string): void {
    this.bytes -= this.sizes.get(file) ?? 0;
    this.sizes.delete(file);
    this.entries.delete(file);
  }
}

/**
 * Answer with one file, streamed from disk (memory stays flat however many requests share a large
 * file), or gzip-compressed from the cache when the client accepts it.
 */
async function sendFile(
  request: IncomingMessage,
  response: ServerResponse,
  file: string,
  compressed: GzipCache,
): Promise<void> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(file);
    if (!info.isFile()) throw new Error("not a file");
  } catch {
    response
      .writeHead(404, { ...SECURITY_HEADERS, "Content-Type": "text/plain; charset=utf-8" })
      .end("not found");
    return;
  }
  const extension = path.extname(file).toLowerCase();
  const headers = {
    ...SECURITY_HEADERS,
    "Content-Type": MIME_TYPES[extension] ?? "application/octet-stream",
    "Cache-Control": "no-cache",
    Vary: "Accept-Encoding",
  };
  const acceptsGzip = /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""));
  if (acceptsGzip && COMPRESSIBLE.has(extension) && info.size >= GZIP_MIN_BYTES) {
    let body: Buffer | undefined;
    try {
      body = await compressed.get(file, info.size, info.mtimeMs);
    } catch {
      body = undefined;
    }
    if (body) {
      response.writeHead(200, {
        ...headers,
        "Content-Encoding": "gzip",
        "Content-Length": body.length,
      });
      response.end(request.method === "HEAD" ? undefined : body);
      return;
    }
  }
  response.writeHead(200, { ...headers, "Content-Length": info.size });
  if (request.method === "HEAD") {
    response.end();
    return;
  }
  try {
    await pipeline(createReadStream(file), response);
  } catch {
    // The client went away, or the file was replaced mid-read: the connection is closed either way.
    response.destroy();
  }
}

/**
 * Serve a folder over HTTP (GET and HEAD only, no listing, nothing outside the folder). `port` 0
 * picks a free port. Files are read on each request, so a rebuilt graph is served at once; large
 * files are streamed, and text is sent gzip-compressed to clients that accept it.
 */
export async function startStaticServer(options: StaticServerOptions): Promise<StaticServer> {
  const root = path.resolve(options.root);
  const compressed = new GzipCache();
  const mapped = new Map(
    Object.entries(options.files ?? {}).map(([url, file]) => [url, path.resolve(file)]),
  );
  const folders = Object.entries(options.folders ?? {}).map(
    ([prefix, folder]) => [prefix, path.resolve(folder)] as const,
  );
  /** The file a URL path names in a mapped folder, or null when it climbs out of it. */
  const inFolder = (pathname: string): string | null | undefined => {
    for (const [prefix, folder] of folders) {
      if (!pathname.startsWith(prefix)) continue;
      const file = path.join(folder, pathname.slice(prefix.length));
      return file.startsWith(`${folder}${path.sep}`) ? file : null;
    }
    return undefined;
  };
  const server = createServer((request, response) => {
    void (async () => {
      if (request.method !== "GET" && request.method !== "HEAD") {
        response.writeHead(405, { Allow: "GET, HEAD" }).end();
        return;
      }
      let pathname: string;
      try {
        pathname = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
      } catch {
        response.writeHead(400).end();
        return;
      }
      const folderFile = inFolder(pathname);
      if (folderFile === null) {
        response.writeHead(403).end();
        return;
      }
      if (folderFile !== undefined) {
        await sendFile(request, response, folderFile, compressed);
        return;
      }
      const file =
        mapped.get(pathname) ??
        path.join(root, pathname.endsWith("/") ? `${pathname}index.html` : pathname);
      if (!mapped.has(pathname) && file !== root && !file.startsWith(`${root}${path.sep}`)) {
        response.writeHead(403).end();
        return;
      }
      await sendFile(request, response, file, compressed);
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? DEFAULT_HOST, () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  const host = options.host ?? DEFAULT_HOST;
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}/`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Build the explorer's site into `outDir` with Vite (a development dependency). */
export async function buildSite(outDir: string, quiet = true): Promise<void> {
  let vite: typeof import("vite");
  try {
    vite = await import("vite");
  } catch {
    throw new LitgraphError(
      "io",
      `serve: the explorer is not built (${outDir} has no index.html) and Vite is not installed to build it. Run \`npm install\` then \`npm run build\` in litgraph's folder.`,
    );
  }
  await vite.build({
    root: PACKAGE_ROOT,
    configFile: path.join(PACKAGE_ROOT, "vite.config.ts"),
    logLevel: quiet ? "warn" : "info",
    build: { outDir: path.resolve(outDir), emptyOutDir: true },
  });
}

/** Run `litgraph serve` until the process is interrupted. */
export async function runServe(config: ServeConfig, io: CommandIo): Promise<number> {
  const say = (text: string) => {
    if (!config.quiet) io.stderr.write(`${escapeForTerminal(text)}\n`);
  };
  if (config.buildGraph && (await isStale(config.graph, [config.inputs]))) {
    say(`Building ${config.graph} from ${config.inputs}/ …`);
    const build = resolveConfig({
      argv: [
        "build",
        config.inputs,
        "--out",
        path.dirname(config.graph),
        ...(config.quiet ? ["--quiet"] : []),
      ],
      env: {},
    }) as BuildConfig;
    const code = await runBuild({ ...build, progress: config.progress }, io);
    if (code !== 0) return code;
  }
  if (!existsSync(config.graph))
    say(
      `No graph at ${config.graph}: the explorer opens on its empty state (drop files to build one).`,
    );

  if (config.dev) {
    process.env.LITGRAPH_GRAPH = path.resolve(config.graph);
    const vite = await import("vite");
    const server = await vite.createServer({
      root: PACKAGE_ROOT,
      configFile: path.join(PACKAGE_ROOT, "vite.config.ts"),
      server: { port: config.port, host: config.host, strictPort: config.port !== 0 },
    });
    await server.listen();
    const url = server.resolvedUrls?.local[0] ?? `http://${config.host}:${config.port}/`;
    io.stdout.write(`litgraph explorer (development) at ${url}\n`);
    await waitForInterrupt();
    await server.close();
    return 0;
  }

  const sources = ["src", "index.html", "vite.config.ts", "package.json"].map((name) =>
    path.join(PACKAGE_ROOT, name),
  );
  const site = config.site ?? path.join(PACKAGE_ROOT, "dist");
  const index = path.join(site, "index.html");
  // The default site is rebuilt when the explorer's sources changed; a site named with --site is
  // served as it is.
  if (!existsSync(index) || (config.site === undefined && (await isStale(index, sources)))) {
    say(`Building the explorer into ${site} …`);
    await buildSite(site);
  }
  let server: StaticServer;
  try {
    server = await startStaticServer({
      root: site,
      port: config.port,
      host: config.host,
      ...graphRoutes(config.graph),
    });
  } catch (error) {
    throw new LitgraphError(
      "io",
      `serve: cannot listen on ${config.host}:${config.port} (${error instanceof Error ? error.message : String(error)}). Try --port 0 for a free port.`,
    );
  }
  io.stdout.write(`litgraph explorer at ${server.url}  (Ctrl+C to stop)\n`);
  await waitForInterrupt();
  await server.close();
  return 0;
}

/**
 * What the static server answers for a built graph: `/graph.json`, and, when the file is a build's
 * graph.json, the explorer's files written beside it (explorer.json, explorer-search.json,
 * explorer-details/), which the explorer reads first when they are there.
 */
export function graphRoutes(
  graph: string,
): Required<Pick<StaticServerOptions, "files" | "folders">> {
  const files: Record<string, string> = { "/graph.json": graph };
  const folders: Record<string, string> = {};
  if (path.basename(graph) === "graph.json") {
    const dir = path.dirname(graph);
    files[`/${EXPLORER_FILE}`] = path.join(dir, EXPLORER_FILE);
    files[`/${EXPLORER_SEARCH_FILE}`] = path.join(dir, EXPLORER_SEARCH_FILE);
    folders[`/${EXPLORER_DETAILS_FOLDER}/`] = path.join(dir, EXPLORER_DETAILS_FOLDER);
  }
  return { files, folders };
}

function waitForInterrupt(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}
