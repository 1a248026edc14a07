// The static server behind `litgraph serve`: every answer carries the page policy, text is sent
// compressed to clients that accept it, large files are streamed, and nothing outside the folder
// or of another method is served.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphRoutes, type StaticServer, startStaticServer } from "../../src/cli/commands/serve.ts";

const work = mkdtempSync(path.join(tmpdir(), "litgraph-static-"));
const site = path.join(work, "site");
let server: StaticServer;
let buildServer: StaticServer;
const graph = JSON.stringify({
  nodes: Array.from({ length: 5000 }, (_, i) => ({ key: `paper:${i}`, label: `Paper ${i}` })),
});

beforeAll(async () => {
  mkdirSync(site);
  writeFileSync(path.join(site, "index.html"), "<!doctype html><title>t</title>");
  writeFileSync(path.join(site, "graph.json"), graph);
  writeFileSync(path.join(work, "secret.txt"), "outside");
  // A build folder elsewhere, served as `litgraph serve --graph build/graph.json` does.
  const build = path.join(work, "build");
  mkdirSync(path.join(build, "explorer-details"), { recursive: true });
  writeFileSync(path.join(build, "graph.json"), "{}");
  writeFileSync(path.join(build, "explorer.json"), '{"format":"litgraph-explorer"}');
  writeFileSync(path.join(build, "explorer-details", "0003.json"), graph);
  server = await startStaticServer({ root: site, port: 0 });
  buildServer = await startStaticServer({
    root: site,
    port: 0,
    ...graphRoutes(path.join(build, "graph.json")),
  });
});
afterAll(async () => {
  await server.close();
  await buildServer.close();
  spawnSync("rm", ["-rf", work]);
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function get(
  pathname: string,
  headers: Record<string, string> = {},
  method = "GET",
  from: StaticServer = server,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const url = new URL(from.url);
    const req = request(
      { host: url.hostname, port: url.port, path: pathname, method, headers },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks),
          }),
        );
      },
    );
    req.on("error", reject);
    req.end();
  });
}

describe("startStaticServer", () => {
  it("sends the Content-Security-Policy with every page: no inline script, no eval, not framed", async () => {
    const answer = await get("/");
    expect(answer.status).toBe(200);
    const policy = String(answer.headers["content-security-policy"]);
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toContain("unsafe-inline");
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(answer.headers["x-content-type-options"]).toBe("nosniff");
  });

  it("sends the graph gzip-compressed to a client that accepts it, and plain to one that does not", async () => {
    const zipped = await get("/graph.json", { "Accept-Encoding": "gzip, deflate" });
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(Number(zipped.headers["content-length"])).toBe(zipped.body.length);
    expect(zipped.body.length).toBeLessThan(graph.length / 4);
    expect(gunzipSync(zipped.body).toString()).toBe(graph);

    const plain = await get("/graph.json");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString()).toBe(graph);
  });

  it("serves a rebuilt file at once, not a stale compressed copy", async () => {
    await get("/graph.json", { "Accept-Encoding": "gzip" });
    const rebuilt = `${graph.slice(0, -1)}, "rebuilt": true}`;
    writeFileSync(path.join(site, "graph.json"), rebuilt);
    const answer = await get("/graph.json", { "Accept-Encoding": "gzip" });
    expect(gunzipSync(answer.body).toString()).toBe(rebuilt);
    writeFileSync(path.join(site, "graph.json"), graph);
  });

  it("answers 200 concurrent requests for one file with the whole file each time", async () => {
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        get("/graph.json", i % 2 === 0 ? { "Accept-Encoding": "gzip" } : {}),
      ),
    );
    for (const [i, answer] of answers.entries()) {
      const body = i % 2 === 0 ? gunzipSync(answer.body) : answer.body;
      expect(body.length).toBe(graph.length);
    }
  });

  it("refuses other methods, paths outside the folder and folders", async () => {
    expect((await get("/graph.json", {}, "POST")).status).toBe(405);
    for (const outside of ["/../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt"]) {
      const answer = await get(outside);
      expect(answer.status).not.toBe(200);
      expect(answer.body.toString()).not.toContain("outside");
    }
    mkdirSync(path.join(site, "sub"), { recursive: true });
    expect((await get("/sub")).status).toBe(404);
    const head = await get("/graph.json", {}, "HEAD");
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(Number(head.headers["content-length"])).toBe(graph.length);
  });
});

describe("a build's explorer files", () => {
  it("serves explorer.json and the details shards beside the graph, shards compressed", async () => {
    expect((await get("/explorer.json", {}, "GET", buildServer)).body.toString()).toBe(
      '{"format":"litgraph-explorer"}',
    );
    const shard = await get(
      "/explorer-details/0003.json",
      { "accept-encoding": "gzip" },
      "GET",
      buildServer,
    );
    expect(shard.status).toBe(200);
    expect(shard.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(shard.body).toString()).toBe(graph);
  });
  it("answers 404 for a shard that is not there and 403 for one outside the folder", async () => {
    expect((await get("/explorer-details/0004.json", {}, "GET", buildServer)).status).toBe(404);
    expect(
      (await get("/explorer-details/..%2F..%2Fsecret.txt", {}, "GET", buildServer)).status,
    ).toBe(403);
  });
});
