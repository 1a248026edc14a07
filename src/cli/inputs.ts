// Turning command-line paths into InputFiles: folders are walked in sorted order, and every entry that
// cannot be read (a dangling link, a fifo, a permission error) is reported rather than dropped.
import { lstat, readdir, readFile, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { UsageError } from "../errors.ts";
import type { InputFile } from "../ingest/types.ts";
import type { UnreadableInput } from "../pipeline/index.ts";
import { probeSnapshot, type StreamedInput } from "./stream-snapshot.ts";

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
}

export interface CollectOptions {
  /** Absolute paths that are configuration, not documents. */
  exclude: Set<string>;
  onFile?: (count: number) => void;
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

/**
 * Read the given files and folders. A file named directly gets its base name as id; a file found in a
 * folder gets its path relative to that folder (with `/` separators on every platform).
 */
export async function collectInputs(
  paths: string[],
  options: CollectOptions,
): Promise<CollectedInputs> {
  const result: CollectedInputs = { files: [], streamed: [], unreadable: [], excluded: [] };
  const seenRoots = new Set<string>();
  for (const given of paths) {
    const absolute = path.resolve(given);
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(absolute);
    } catch (error) {
      result.unreadable.push({
        file: given,
        reason: `cannot open: ${describeError(error)}`,
        code: "unreadable",
      });
      continue;
    }
    if (info.isDirectory()) {
      const visited = new Set<string>();
      const real = await realpath(absolute).catch(() => absolute);
      if (seenRoots.has(real)) continue;
      seenRoots.add(real);
      visited.add(real);
      await walk(absolute, absolute, result, options, visited);
    } else {
      await readOne(absolute, path.basename(absolute), result, options);
    }
  }
  return result;
}

async function walk(
  root: string,
  dir: string,
  result: CollectedInputs,
  options: CollectOptions,
  visited: Set<string>,
): Promise<void> {
  let entries: string[];
  try {
    entries = (await readdir(dir)).sort();
  } catch (error) {
    const id = toId(root, dir) || ".";
    result.unreadable.push({
      file: `${id}/`,
      reason: `cannot list folder: ${describeError(error)}`,
      code: "unreadable",
    });
    return;
  }
  for (const name of entries) {
    const absolute = path.join(dir, name);
    const id = toId(root, absolute);
    if (name.startsWith(".")) {
      result.unreadable.push({ file: id, reason: "hidden entry, not read", code: "hidden" });
      continue;
    }
    let info: Awaited<ReturnType<typeof lstat>>;
    try {
      info = await lstat(absolute);
      if (info.isSymbolicLink()) info = await stat(absolute);
    } catch (error) {
      result.unreadable.push({
        file: id,
        reason: `cannot open: ${describeError(error)}`,
        code: "unreadable",
      });
      continue;
    }
    if (info.isDirectory()) {
      // A linked folder is entered once: a link back to an ancestor (or to a folder already walked)
      // would otherwise walk the same files again, or forever.
      let real: string;
      try {
        real = await realpath(absolute);
      } catch (error) {
        result.unreadable.push({
          file: `${id}/`,
          reason: `cannot open: ${describeError(error)}`,
          code: "unreadable",
        });
        continue;
      }
      if (visited.has(real)) {
        result.unreadable.push({
          file: `${id}/`,
          reason: "link to a folder already read (a symbolic-link loop), not read again",
          code: "link-loop",
        });
        continue;
      }
      visited.add(real);
      await walk(root, absolute, result, options, visited);
    } else await readOne(absolute, id, result, options);
  }
}

async function readOne(
  absolute: string,
  id: string,
  result: CollectedInputs,
  options: CollectOptions,
): Promise<void> {
  if (options.exclude.has(absolute)) {
    result.excluded.push(id);
    return;
  }
  try {
    const info = await stat(absolute);
    if (!info.isFile()) {
      result.unreadable.push({
        file: id,
        reason: "not a regular file (a device, socket or fifo)",
        code: "not-a-file",
      });
      return;
    }
    const probe = await probeSnapshot(absolute, info.size);
    if (probe.snapshot) {
      result.streamed.push({ id, path: absolute, bytes: info.size });
      options.onFile?.(result.files.length + result.streamed.length);
      return;
    }
    if (probe.whole) {
      result.files.push({ id, bytes: probe.head });
      options.onFile?.(result.files.length + result.streamed.length);
      return;
    }
    if (info.size > MAX_FILE_BYTES) {
      result.unreadable.push({
        file: id,
        reason: `too large (${Math.round(info.size / 1024 / 1024)} MB; the limit is ${MAX_FILE_BYTES / 1024 / 1024} MB)`,
        code: "too-large",
      });
      return;
    }
    const bytes = await readFile(absolute);
    result.files.push({
      id,
      bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    });
    options.onFile?.(result.files.length + result.streamed.length);
  } catch (error) {
    result.unreadable.push({
      file: id,
      reason: `cannot read: ${describeError(error)}`,
      code: "unreadable",
    });
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
