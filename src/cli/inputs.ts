// Turning command-line paths into InputFiles: folders are walked in sorted order, and every entry that
// cannot be read (a dangling link, a fifo, a permission error) is reported rather than dropped.
import { type Dirent, statSync } from "node:fs";
import { lstat, open, readdir, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { UsageError } from "../errors.ts";
import type { InputFile } from "../ingest/types.ts";
import type { UnreadableInput } from "../pipeline/index.ts";
import { isSnapshotHead, SNAPSHOT_PROBE_BYTES, type StreamedInput } from "./stream-snapshot.ts";

/**
 * Files larger than this are not read: no format read whole needs a bigger single file. arXiv
 * metadata snapshots are streamed instead, whatever their size.
 */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;

export interface CollectedInputs {
  files: InputFile[];
  /** arXiv metadata snapshots (sniffed from their first bytes): streamed, not read whole. */
  streamed: StreamedInput[];
  unreadable: UnreadableInput[];
  /** Files left out on purpose (the taxonomy and the gazetteer when they sit in an input folder). */
  excluded: string[];
  /** Files not read because `CollectOptions.isFresh` said the cache holds them: id and path. */
  reused: { id: string; path: string }[];
  /** Size and modification time of each file read, by id. */
  stamps: Map<string, FileStamp>;
}

/** The stat of a file as a cache compares it. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
}

export interface CollectOptions {
  /** Absolute paths that are configuration, not documents. */
  exclude: Set<string>;
  onFile?: (count: number) => void;
  /**
   * Whether the file `id` with this size and mtime is known already (a cache holds what it gave):
   * such a file is listed in `reused` and not opened.
   */
  isFresh?: (id: string, stamp: FileStamp) => boolean;
}

/**
 * Check that every path given on the command line exists (a typo is a usage error, before anything
 * is read or written). A dangling link is left to collectInputs, which reports it.
 */
export async function ensureInputsExist(paths: string[]): Promise<void> {
  const missing: string[] = [];
  for (const given of paths) {
    try {
      await lstat(given);
    } catch {
      missing.push(given);
    }
  }
  if (missing.length > 0)
    throw new UsageError(
      `no such file or folder: ${missing.map((file) => `"${file}"`).join(", ")}. Nothing was built.`,
    );
}

/** How many files are read at once: enough to keep the file-system thread pool busy, few enough to bound open handles. */
export const READ_CONCURRENCY = 32;

/** What reading one file gave. */
type ReadOutcome =
  | { file: InputFile; stamp: FileStamp }
  | { reused: { id: string; path: string } }
  | { streamed: StreamedInput }
  | { unreadable: UnreadableInput };

/**
 * One entry of the walk, in walk order. Files are read concurrently, each into its own slot, and the
 * result is put together in slot order: the same inputs give the same lists whatever the reads'
 * timing.
 */
type Slot =
  | { unreadable: UnreadableInput }
  | { excluded: string }
  | { read: ReadOutcome | undefined };

interface ReadQueue {
  /** Read `absolute` into a new slot, at once or when a read in flight ends. */
  add(slots: Slot[], absolute: string, id: string): void;
  /** Resolves when every file added has been read. */
  finish(): Promise<void>;
}

/**
 * Read the given files and folders. A file named directly gets its base name as id; a file found in a
 * folder gets its path relative to that folder (with `/` separators on every platform). Folders are
 * walked one entry after another (so which of two links to a folder is the loop does not depend on
 * timing) while up to {@link READ_CONCURRENCY} files are read at once.
 */
export async function collectInputs(
  paths: string[],
  options: CollectOptions,
): Promise<CollectedInputs> {
  const slots: Slot[] = [];
  const queue = createReadQueue(READ_CONCURRENCY, options.onFile, options.isFresh);
  const seenRoots = new Set<string>();
  for (const given of paths) {
    const absolute = path.resolve(given);
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(absolute);
    } catch (error) {
      slots.push({
        unreadable: {
          file: given,
          reason: `cannot open: ${describeError(error)}`,
          code: "unreadable",
        },
      });
      continue;
    }
    if (info.isDirectory()) {
      const real = await realpath(absolute).catch(() => absolute);
      if (seenRoots.has(real)) continue;
      seenRoots.add(real);
      const visited = new Set<string>([real]);
      await walk(absolute, absolute, real, slots, queue, options, visited);
    } else addFile(absolute, path.basename(absolute), info.isFile(), slots, queue, options);
  }
  await queue.finish();

  const result: CollectedInputs = {
    files: [],
    streamed: [],
    unreadable: [],
    excluded: [],
    reused: [],
    stamps: new Map(),
  };
  for (const slot of slots) {
    if ("unreadable" in slot) result.unreadable.push(slot.unreadable);
    else if ("excluded" in slot) result.excluded.push(slot.excluded);
    else if (slot.read === undefined) throw new Error("inputs: a file was left unread");
    else if ("file" in slot.read) {
      result.files.push(slot.read.file);
      result.stamps.set(slot.read.file.id, slot.read.stamp);
    } else if ("reused" in slot.read) result.reused.push(slot.read.reused);
    else if ("streamed" in slot.read) result.streamed.push(slot.read.streamed);
    else result.unreadable.push(slot.read.unreadable);
  }
  return result;
}

/**
 * Walk one folder in sorted order. `real` is the folder's real path: a sub-folder that is not a link
 * has the real path `real/name`, so only linked folders need a realpath call.
 */
async function walk(
  root: string,
  dir: string,
  real: string,
  slots: Slot[],
  queue: ReadQueue,
  options: CollectOptions,
  visited: Set<string>,
): Promise<void> {
  let entries: Dirent[];
  try {
    entries = (await readdir(dir, { withFileTypes: true })).sort(byName);
  } catch (error) {
    const id = toId(root, dir) || ".";
    slots.push({
      unreadable: {
        file: `${id}/`,
        reason: `cannot list folder: ${describeError(error)}`,
        code: "unreadable",
      },
    });
    return;
  }
  for (const entry of entries) {
    const name = entry.name;
    const absolute = path.join(dir, name);
    const id = toId(root, absolute);
    if (name.startsWith(".")) {
      slots.push({ unreadable: { file: id, reason: "hidden entry, not read", code: "hidden" } });
      continue;
    }
    const linked = entry.isSymbolicLink();
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    if (linked) {
      try {
        const info = await stat(absolute);
        isDirectory = info.isDirectory();
        isFile = info.isFile();
      } catch (error) {
        slots.push({
          unreadable: {
            file: id,
            reason: `cannot open: ${describeError(error)}`,
            code: "unreadable",
          },
        });
        continue;
      }
    }
    if (isDirectory) {
      // A linked folder is entered once: a link back to an ancestor (or to a folder already walked)
      // would otherwise walk the same files again, or forever.
      let target: string;
      try {
        target = linked ? await realpath(absolute) : path.join(real, name);
      } catch (error) {
        slots.push({
          unreadable: {
            file: `${id}/`,
            reason: `cannot open: ${describeError(error)}`,
            code: "unreadable",
          },
        });
        continue;
      }
      if (visited.has(target)) {
        slots.push({
          unreadable: {
            file: `${id}/`,
            reason: "link to a folder already read (a symbolic-link loop), not read again",
            code: "link-loop",
          },
        });
        continue;
      }
      visited.add(target);
      await walk(root, absolute, target, slots, queue, options, visited);
    } else addFile(absolute, id, isFile, slots, queue, options);
  }
}

/** The order `Array.prototype.sort` gives the names as strings (UTF-16 code units). */
function byName(a: Dirent, b: Dirent): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

function addFile(
  absolute: string,
  id: string,
  isFile: boolean,
  slots: Slot[],
  queue: ReadQueue,
  options: CollectOptions,
): void {
  if (options.exclude.has(absolute)) slots.push({ excluded: id });
  else if (!isFile)
    // Not opened: opening a fifo would wait for a writer.
    slots.push({
      unreadable: {
        file: id,
        reason: "not a regular file (a device, socket or fifo)",
        code: "not-a-file",
      },
    });
  else queue.add(slots, absolute, id);
}

function createReadQueue(
  limit: number,
  onFile?: (count: number) => void,
  isFresh?: CollectOptions["isFresh"],
): ReadQueue {
  const waiting: { slot: { read: ReadOutcome | undefined }; absolute: string; id: string }[] = [];
  let next = 0;
  let active = 0;
  let read = 0;
  const running = new Set<Promise<void>>();
  const drain = async (): Promise<void> => {
    while (next < waiting.length) {
      const task = waiting[next++] as (typeof waiting)[number];
      task.slot.read = await readOne(task.absolute, task.id, isFresh);
      if (!("unreadable" in task.slot.read)) onFile?.(++read);
    }
    active--;
  };
  return {
    add(slots, absolute, id) {
      const slot: { read: ReadOutcome | undefined } = { read: undefined };
      slots.push(slot);
      waiting.push({ slot, absolute, id });
      if (active >= limit) return;
      active++;
      const worker = drain();
      running.add(worker);
      void worker.finally(() => running.delete(worker));
    },
    async finish() {
      while (running.size > 0) await Promise.all(running);
      waiting.length = 0;
      next = 0;
    },
  };
}

/**
 * Read one regular file through one handle: its size, its first bytes (the whole file when small),
 * and the rest when the first bytes are not those of a snapshot, which is streamed later instead.
 */
async function readOne(
  absolute: string,
  id: string,
  isFresh?: CollectOptions["isFresh"],
): Promise<ReadOutcome> {
  try {
    if (isFresh) {
      // A plain stat, at once: tens of thousands of them through the thread pool take twice as long,
      // and with a cache most files need nothing more.
      const info = statSync(absolute);
      if (info.isFile() && isFresh(id, { size: info.size, mtimeMs: info.mtimeMs }))
        return { reused: { id, path: absolute } };
    }
    const handle = await open(absolute, "r");
    try {
      const info = await handle.stat();
      if (!info.isFile()) {
        return {
          unreadable: {
            file: id,
            reason: "not a regular file (a device, socket or fifo)",
            code: "not-a-file",
          },
        };
      }
      const length = Math.min(info.size, SNAPSHOT_PROBE_BYTES);
      const head = new Uint8Array(length);
      const { bytesRead } = await handle.read(head, 0, length, 0);
      const bytes = head.subarray(0, bytesRead);
      const whole = bytesRead >= info.size;
      const stamp = { size: info.size, mtimeMs: info.mtimeMs };
      if (isSnapshotHead(bytes, whole))
        return { streamed: { id, path: absolute, bytes: info.size } };
      if (whole) return { file: { id, bytes }, stamp };
      if (info.size > MAX_FILE_BYTES) {
        return {
          unreadable: {
            file: id,
            reason: `too large (${Math.round(info.size / 1024 / 1024)} MB; the limit is ${MAX_FILE_BYTES / 1024 / 1024} MB)`,
            code: "too-large",
          },
        };
      }
      // The reads above name their position, so the handle still stands at the start.
      const all = await handle.readFile();
      return {
        file: { id, bytes: new Uint8Array(all.buffer, all.byteOffset, all.byteLength) },
        stamp,
      };
    } finally {
      await handle.close();
    }
  } catch (error) {
    return {
      unreadable: { file: id, reason: `cannot read: ${describeError(error)}`, code: "unreadable" },
    };
  }
}

function toId(root: string, absolute: string): string {
  return path.relative(root, absolute).split(path.sep).join("/");
}

export function describeError(error: unknown): string {
  if (error && typeof error === "object" && "code" in error) {
    const code = String((error as { code: unknown }).code);
    const known: Record<string, string> = {
      ENOENT: "no such file (or a link to a missing file)",
      EACCES: "permission denied",
      EPERM: "operation not permitted",
      EISDIR: "is a folder",
      ELOOP: "too many levels of symbolic links",
    };
    return known[code] ?? code;
  }
  return error instanceof Error ? error.message : String(error);
}
