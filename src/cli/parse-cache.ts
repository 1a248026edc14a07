// The parse cache of `litgraph build`: each input file's ingested and extracted document
// (`PreparedDocument`), keyed by the file's id and the SHA-1 of its bytes, so that a rebuild reads,
// ingests and extracts only the files that changed. A file whose size and modification time are
// those recorded is not even opened. What the cache gives is exactly what the two stages would
// give, so a build with it writes the same bytes as one without.
//
// On disk (default `<out>/.litgraph-cache/`): `manifest.json` names the packs and, per file id, its
// size, mtime, hash and where its document sits; each pack is a run of V8-serialised documents. A
// build writes its new documents into a new pack and then renames a new manifest into place, so a
// build killed halfway leaves the last manifest and the packs it names whole. A cache that cannot be
// read, was written by another version of litgraph's code, or for another taxonomy or gazetteer, is
// not used: the build says why and goes on without it.
import { createHash } from "node:crypto";
import { closeSync, mkdirSync, openSync, readSync, writeSync } from "node:fs";
import { mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { deserialize, serialize } from "node:v8";
import type { PreparedDocument } from "../pipeline/index.ts";
import type { FileStamp } from "./inputs.ts";

const MANIFEST = "manifest.json";
const FORMAT = "litgraph-parse-cache";
const FORMAT_VERSION = 1;
/**
 * A recorded size and mtime are trusted only for a file last changed this long before the build
 * that recorded them began reading: a file written again within the same tick of a coarse clock
 * would otherwise keep its old mtime and look unchanged (git's "racy" entries).
 */
const RACY_MS = 2000;
/** Packs are merged into one when the bytes they hold for no file exceed those they hold for some. */
const MAX_DEAD_SHARE = 0.5;

/** Where one file's document sits: pack number, offset and length in bytes. */
interface CacheEntry {
  size: number;
  mtimeMs: number;
  hash: string;
  pack: string;
  offset: number;
  length: number;
}

interface Manifest {
  format: typeof FORMAT;
  version: number;
  /** What the documents depend on besides the bytes: litgraph's code, taxonomy and gazetteer. */
  key: string;
  /** When the build that wrote it began reading its inputs (ms since the epoch). */
  scannedAt: number;
  entries: Record<string, CacheEntry>;
}

export interface ParseCache {
  /** Why the cache was not used (missing, unreadable, another key), or undefined when it was. */
  unusable: string | undefined;
  /** Whether the file `id` with this stat may be taken from the cache without reading it. */
  isFresh(id: string, stamp: FileStamp): boolean;
  /** Whether the cache holds a document of `id` made from bytes that hash to `hash`. */
  knows(id: string, hash: string): boolean;
  /** The cached document of `id` when its bytes hash to `hash` (a file that was read). */
  lookup(id: string, hash: string): Promise<PreparedDocument | undefined>;
  /** The cached document of a file `isFresh` accepted. */
  take(id: string): Promise<PreparedDocument | undefined>;
  /** The same, read at once (for the pure core, which asks for documents as it finds it needs them). */
  takeSync(id: string): PreparedDocument | undefined;
  /**
   * Note the stat of a file read whose bytes hash as the cache has them (touched, not changed), so
   * that the next build need not read it again.
   */
  restamp(id: string, stamp: FileStamp): void;
  /** Record a document made by this build, with the hash and stat of the bytes it came from. */
  add(document: PreparedDocument, hash: string, stamp: FileStamp): void;
  /**
   * Write the cache for the files of this build (ids in `keep`); entries of files no longer among the
   * inputs are dropped. Failures are reported, never thrown.
   */
  save(keep: ReadonlySet<string>): Promise<string | undefined>;
}

/** SHA-1 of a file's bytes, as the cache keys documents. */
export function hashBytes(bytes: Uint8Array): string {
  return createHash("sha1").update(bytes).digest("hex");
}

/**
 * What the cached documents depend on besides each file's bytes: the format of the cache, litgraph's
 * pure code (ingest and extract live there; a change to it may change every document) and the
 * taxonomy and gazetteer the extraction read.
 */
export async function computeCacheKey(
  packageRoot: string,
  taxonomy: unknown,
  benchmarks: unknown,
): Promise<string> {
  const hash = createHash("sha1");
  hash.update(`${FORMAT}@${FORMAT_VERSION}\n`);
  const src = path.join(packageRoot, "src");
  const files = (await readdir(src, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => {
      const top = path.relative(src, file).split(path.sep)[0];
      return top !== "app" && top !== "cli";
    })
    .sort();
  for (const file of files) {
    hash.update(`${path.relative(src, file)}\n`);
    hash.update(await readFile(file));
  }
  hash.update(JSON.stringify(taxonomy));
  hash.update("\n");
  hash.update(JSON.stringify(benchmarks));
  return hash.digest("hex");
}

/** Open the cache in `dir` for a build whose documents depend on `key`. Never throws. */
export async function openParseCache(
  dir: string,
  key: string,
  scannedAt: number,
): Promise<ParseCache> {
  let unusable: string | undefined;
  let old: Manifest | undefined;
  try {
    old = parseManifest(await readFile(path.join(dir, MANIFEST), "utf8"));
    if (!old) unusable = "its manifest is not one litgraph wrote";
    else if (old.key !== key) {
      unusable = "it was made by another version of litgraph or for another taxonomy or gazetteer";
      old = undefined;
    }
  } catch (error) {
    unusable =
      (error as NodeJS.ErrnoException).code === "ENOENT"
        ? "there is none yet"
        : `its manifest cannot be read (${(error as Error).message})`;
  }
  const packs = new Map<string, Promise<Buffer | undefined>>();
  const readPack = (name: string) => {
    let pack = packs.get(name);
    if (!pack) {
      pack = readFile(path.join(dir, name)).catch(() => undefined);
      packs.set(name, pack);
    }
    return pack;
  };
  /** Entries of the new manifest: taken from the old one, or added by this build. */
  const kept = new Map<string, CacheEntry>();
  /**
   * Documents made by this build go straight into a new pack (written as they come, so that they are
   * not all held until the end): its name, handle, and the entry of each document in it.
   */
  const newPack = `pack-${scannedAt}-${process.pid}.v8`;
  let newPackHandle: number | undefined;
  let newPackLength = 0;
  let addFailure: string | undefined;
  const added = new Map<string, CacheEntry>();
  const restamped = new Map<string, FileStamp>();

  const load = async (id: string, entry: CacheEntry): Promise<PreparedDocument | undefined> => {
    const pack = await readPack(entry.pack);
    if (!pack || entry.offset + entry.length > pack.length) return undefined;
    return decode(id, entry, pack.subarray(entry.offset, entry.offset + entry.length));
  };

  const decode = (id: string, entry: CacheEntry, bytes: Uint8Array) => {
    let document: unknown;
    try {
      document = deserialize(bytes);
    } catch {
      return undefined;
    }
    if (!isPreparedDocument(document, id)) return undefined;
    kept.set(id, entry);
    return document;
  };

  return {
    unusable,
    restamp(id, stamp) {
      restamped.set(id, stamp);
    },
    knows(id, hash) {
      return old?.entries[id]?.hash === hash;
    },
    takeSync(id) {
      const entry = old?.entries[id];
      if (!entry) return undefined;
      let handle: number | undefined;
      try {
        handle = openSync(path.join(dir, entry.pack), "r");
        const bytes = Buffer.alloc(entry.length);
        if (readSync(handle, bytes, 0, entry.length, entry.offset) !== entry.length)
          return undefined;
        return decode(id, entry, bytes);
      } catch {
        return undefined;
      } finally {
        if (handle !== undefined) closeSync(handle);
      }
    },
    isFresh(id, stamp) {
      const entry = old?.entries[id];
      return (
        entry !== undefined &&
        entry.size === stamp.size &&
        entry.mtimeMs === stamp.mtimeMs &&
        entry.mtimeMs < (old as Manifest).scannedAt - RACY_MS
      );
    },
    async lookup(id, hash) {
      const entry = old?.entries[id];
      if (!entry || entry.hash !== hash) return undefined;
      return load(id, entry);
    },
    async take(id) {
      const entry = old?.entries[id];
      return entry ? load(id, entry) : undefined;
    },
    add(document, hash, stamp) {
      if (addFailure) return;
      try {
        if (newPackHandle === undefined) {
          mkdirSync(dir, { recursive: true });
          newPackHandle = openSync(path.join(dir, `${newPack}.tmp`), "w");
        }
        const bytes = serialize(document);
        writeSync(newPackHandle, bytes);
        added.set(document.id, {
          size: stamp.size,
          mtimeMs: stamp.mtimeMs,
          hash,
          pack: newPack,
          offset: newPackLength,
          length: bytes.length,
        });
        newPackLength += bytes.length;
      } catch (error) {
        addFailure = (error as Error).message;
      }
    },
    async save(keep) {
      try {
        if (newPackHandle !== undefined) {
          closeSync(newPackHandle);
          newPackHandle = undefined;
        }
        if (addFailure) throw new Error(addFailure);
        await mkdir(dir, { recursive: true });
        const entries: Record<string, CacheEntry> = {};
        const live = new Map<string, number>();
        const use = (id: string, entry: CacheEntry) => {
          entries[id] = entry;
          live.set(entry.pack, (live.get(entry.pack) ?? 0) + entry.length);
        };
        // A file not read back this time (an incremental build reads only what it needs) keeps
        // its entry as it was.
        for (const id of keep) {
          const entry = added.get(id) ?? kept.get(id) ?? old?.entries[id];
          const stamp = added.has(id) ? undefined : restamped.get(id);
          if (entry)
            use(id, stamp ? { ...entry, size: stamp.size, mtimeMs: stamp.mtimeMs } : entry);
        }
        if (added.size > 0) await rename(path.join(dir, `${newPack}.tmp`), path.join(dir, newPack));
        // Packs hold the documents of files since changed or gone: when those are most of their
        // bytes, the live documents are copied into one pack and the others let go.
        let total = 0;
        let used = 0;
        for (const [name, bytes] of live) {
          total += await stat(path.join(dir, name)).then(
            (info) => info.size,
            () => bytes,
          );
          used += bytes;
        }
        if (live.size > 1 && total - used > MAX_DEAD_SHARE * total) {
          const name = `pack-${scannedAt}-${process.pid}-all.v8`;
          const temp = path.join(dir, `${name}.tmp`);
          const handle = await open(temp, "w");
          let offset = 0;
          try {
            for (const [id, entry] of Object.entries(entries)) {
              const pack = await readPack(entry.pack);
              if (!pack) {
                delete entries[id];
                continue;
              }
              await handle.write(pack.subarray(entry.offset, entry.offset + entry.length));
              entries[id] = { ...entry, pack: name, offset };
              offset += entry.length;
            }
          } finally {
            await handle.close();
          }
          await rename(temp, path.join(dir, name));
          live.clear();
          live.set(name, offset);
        }
        const manifest: Manifest = {
          format: FORMAT,
          version: FORMAT_VERSION,
          key,
          scannedAt,
          entries,
        };
        const temp = path.join(dir, `${MANIFEST}.${process.pid}.tmp`);
        await writeFile(temp, JSON.stringify(manifest));
        await rename(temp, path.join(dir, MANIFEST));
        // What no manifest names any more: older packs, and what a killed build of this folder left
        // (the folder also holds the build state, which is not the cache's to remove).
        for (const name of await readdir(dir)) {
          if (live.has(name)) continue;
          if (name.startsWith("pack-") || name.startsWith(`${MANIFEST}.`))
            await rm(path.join(dir, name), { force: true });
        }
        return undefined;
      } catch (error) {
        return `the parse cache in ${dir} could not be written (${(error as Error).message}); the next build will read every file`;
      }
    },
  };
}

function parseManifest(text: string): Manifest | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!value || typeof value !== "object") return undefined;
  const manifest = value as Manifest;
  if (
    manifest.format !== FORMAT ||
    manifest.version !== FORMAT_VERSION ||
    typeof manifest.key !== "string" ||
    typeof manifest.scannedAt !== "number" ||
    !manifest.entries ||
    typeof manifest.entries !== "object"
  )
    return undefined;
  for (const entry of Object.values(manifest.entries)) {
    if (
      !entry ||
      typeof entry.size !== "number" ||
      typeof entry.mtimeMs !== "number" ||
      typeof entry.hash !== "string" ||
      typeof entry.pack !== "string" ||
      path.basename(entry.pack) !== entry.pack ||
      !Number.isInteger(entry.offset) ||
      !Number.isInteger(entry.length) ||
      entry.offset < 0 ||
      entry.length <= 0
    )
      return undefined;
  }
  return manifest;
}

/** Whether a deserialised value has the shape of the document of file `id`. */
function isPreparedDocument(value: unknown, id: string): value is PreparedDocument {
  if (!value || typeof value !== "object") return false;
  const document = value as PreparedDocument;
  if (document.id !== id || !document.report || document.report.file !== id) return false;
  if (document.report.state === "skipped") return document.extraction === undefined;
  return (
    document.report.state === "parsed" &&
    !!document.extraction &&
    document.extraction.id === id &&
    Array.isArray(document.extraction.papers) &&
    Array.isArray(document.extraction.relations)
  );
}
