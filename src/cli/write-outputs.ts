// Atomic output as a set: every file of a build is written into a staging folder beside its target,
// then a commit journal names the set, and only then are the files renamed into place. A build
// killed before the journal leaves the previous set whole; one killed during the renames leaves a
// journal that the next writer (or `recoverOutputs`) rolls forward, so graph.json, graph.gexf and
// report.json always come from one build. A name may hold a sub-folder (`explorer-details/0001.json`):
// the sub-folder is then switched as a whole, so no file of an earlier build stays in it. What a dead
// build left behind is cleaned up.
import { once } from "node:events";
import {
  copyFile,
  link,
  mkdir,
  open,
  readdir,
  readFile,
  rename,
  rm,
  rmdir,
  writeFile,
} from "node:fs/promises";
import path from "node:path";
import { LitgraphError } from "../errors.ts";

const STAGING_PREFIX = ".litgraph-staging-";
/** Temporary files of older versions, written beside their targets. */
const LEGACY_TEMP_PREFIX = ".litgraph-tmp-";
const JOURNAL = ".litgraph-commit.json";
const LOCK = ".litgraph-lock";
/** Inside a staging folder: where an entry it replaces (a sub-folder of the last set) is moved. */
const REPLACED_PREFIX = ".replaced-";

/**
 * A file's content: its whole text, or its text in chunks (as the export writers give a large
 * document), written one chunk at a time so the whole text is never held.
 */
export type OutputContent =
  | string
  | Iterable<string | Uint8Array>
  | AsyncIterable<string | Uint8Array>
  | LinkedContent;

/**
 * A file of the last set kept as it is: hard-linked into the new set (copied where the file system
 * has no links), so an unchanged file costs nothing to write.
 */
export interface LinkedContent {
  linkFrom: string;
}

interface Journal {
  staging: string;
  /** The set's top-level entries: file names and sub-folder names. */
  files: string[];
}

/**
 * Write `files` (name → text or chunks) into `dir` as one set: either all of them are replaced or, should
 * the process fail or be killed before the switch, none is. A name may lead through sub-folders
 * (`explorer-details/0001.json`); each top-level sub-folder is replaced whole, so a file of the last
 * set that this one lacks is gone afterwards. Returns the set's top-level entries (files and folders). Only one litgraph process writes into
 * a folder at a time (a lock file holds the writer's pid; a lock left by a dead process is taken
 * over).
 * @throws LitgraphError `io` when another live litgraph process is writing into `dir`.
 */
export async function writeOutputsAtomically(
  dir: string,
  files: Record<string, OutputContent>,
): Promise<string[]> {
  const names = Object.keys(files);
  const entries = topLevelEntries(names);
  await mkdir(dir, { recursive: true });
  const release = await lockFolder(dir);
  try {
    await recoverOutputs(dir);
    const stagingName = `${STAGING_PREFIX}${process.pid}`;
    const staging = path.join(dir, stagingName);
    await rm(staging, { recursive: true, force: true });
    await mkdir(staging);
    try {
      const folders = new Set<string>();
      for (const name of names) {
        const file = path.join(staging, name);
        const folder = path.dirname(file);
        if (folder !== staging && !folders.has(folder)) {
          await mkdir(folder, { recursive: true });
          folders.add(folder);
        }
        await writeContent(file, files[name] ?? "");
      }
    } catch (error) {
      await rm(staging, { recursive: true, force: true });
      throw error;
    }
    const journal: Journal = { staging: stagingName, files: entries };
    const journalTemp = path.join(staging, JOURNAL);
    await writeFile(journalTemp, JSON.stringify(journal));
    await rename(journalTemp, path.join(dir, JOURNAL));
    await rollForward(dir, journal);
    return entries.map((name) => path.join(dir, name));
  } finally {
    await release();
  }
}

/** The first path segment of every name, in order, once each; a name that climbs out is refused. */
function topLevelEntries(names: readonly string[]): string[] {
  const entries: string[] = [];
  for (const name of names) {
    const parts = name.split("/");
    if (parts.some((part) => part === "" || part === "." || part === "..") || path.isAbsolute(name))
      throw new LitgraphError(
        "io",
        `write-outputs: ${JSON.stringify(name)} is not a plain relative name`,
      );
    const first = parts[0] as string;
    if (!entries.includes(first)) entries.push(first);
  }
  return entries;
}

/** Write `content` to `file`, chunk after chunk (each written in full before the next is made). */
async function writeContent(file: string, content: OutputContent): Promise<void> {
  if (typeof content === "string") {
    await writeFile(file, content);
    return;
  }
  if ("linkFrom" in content) {
    await link(content.linkFrom, file).catch(() => copyFile(content.linkFrom, file));
    return;
  }
  const handle = await open(file, "w");
  try {
    for await (const chunk of content) await handle.writeFile(chunk);
  } finally {
    await handle.close();
  }
}

/** Write errors of the streams `writeToStream` wrote to, kept until the next write. */
const streamErrors = new WeakMap<NodeJS.WritableStream, NodeJS.ErrnoException | null>();

/**
 * Write `content` to a stream such as stdout, waiting for the stream to drain whenever it asks
 * to, so chunks are not queued in memory faster than they leave. A reader that closes the pipe
 * early (`litgraph export | head`) ends the writing quietly; any other write error is thrown.
 */
export async function writeToStream(
  stream: NodeJS.WritableStream,
  content: OutputContent,
): Promise<void> {
  if (!streamErrors.has(stream)) {
    streamErrors.set(stream, null);
    stream.on("error", (error: NodeJS.ErrnoException) => streamErrors.set(stream, error));
  }
  const chunks =
    typeof content === "string"
      ? [content]
      : "linkFrom" in content
        ? [await readFile(content.linkFrom)]
        : content;
  for await (const chunk of chunks) {
    if (streamErrors.get(stream)) break;
    if (stream.write(chunk) === false) {
      await once(stream, "drain").catch((error: NodeJS.ErrnoException) =>
        streamErrors.set(stream, error),
      );
    }
  }
  const failure = streamErrors.get(stream);
  if (failure && failure.code !== "EPIPE") throw failure;
}

/**
 * Finish or undo what an interrupted writer left in `dir`: a committed set is switched into
 * place; staging folders, temporary files and locks of processes that no longer run are removed.
 * Returns what was done, for a report.
 */
export async function recoverOutputs(
  dir: string,
): Promise<{ rolledForward: boolean; removed: string[] }> {
  let rolledForward = false;
  const journal = await readJournal(dir);
  if (journal) {
    await rollForward(dir, journal);
    rolledForward = true;
  }
  const removed: string[] = [];
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch {
    return { rolledForward, removed };
  }
  for (const entry of entries) {
    if (entry === LOCK) {
      const lock = path.join(dir, LOCK);
      const holder = await readLockHolder(lock);
      if (holder !== undefined && holder !== process.pid && !isAlive(holder)) {
        await rm(lock, { force: true });
        removed.push(entry);
      }
      continue;
    }
    const prefix = entry.startsWith(STAGING_PREFIX)
      ? STAGING_PREFIX
      : entry.startsWith(LEGACY_TEMP_PREFIX)
        ? LEGACY_TEMP_PREFIX
        : undefined;
    if (!prefix) continue;
    const pid = Number(/^\d+/.exec(entry.slice(prefix.length))?.[0]);
    if (Number.isInteger(pid) && pid !== process.pid && isAlive(pid)) continue;
    await rm(path.join(dir, entry), { recursive: true, force: true });
    removed.push(entry);
  }
  return { rolledForward, removed };
}

async function readJournal(dir: string): Promise<Journal | undefined> {
  let text: string;
  try {
    text = await readFile(path.join(dir, JOURNAL), "utf8");
  } catch {
    return undefined;
  }
  try {
    const value: unknown = JSON.parse(text);
    if (
      value &&
      typeof value === "object" &&
      typeof (value as Journal).staging === "string" &&
      (value as Journal).staging.startsWith(STAGING_PREFIX) &&
      !(value as Journal).staging.includes("/") &&
      Array.isArray((value as Journal).files) &&
      (value as Journal).files.every((f) => typeof f === "string" && path.basename(f) === f)
    ) {
      return value as Journal;
    }
  } catch {
    // A journal is renamed into place whole, so a broken one was not written by litgraph.
  }
  return undefined;
}

/** Move every staged file of `journal` into place (those already moved are skipped), then clean up. */
async function rollForward(dir: string, journal: Journal): Promise<void> {
  const staging = path.join(dir, journal.staging);
  for (const name of journal.files) {
    const from = path.join(staging, name);
    const to = path.join(dir, name);
    try {
      await rename(from, to);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOENT") continue;
      // A folder is not renamed over a folder that holds files (nor over a file, nor a file over a
      // folder): the old entry is moved into the staging folder first, and removed with it. Killed
      // in between, the next roll-forward finds the target gone and moves the new entry in.
      if (code !== "ENOTEMPTY" && code !== "EEXIST" && code !== "EISDIR" && code !== "ENOTDIR")
        throw error;
      await rename(to, path.join(staging, `${REPLACED_PREFIX}${name}`));
      await rename(from, to);
    }
  }
  await rm(path.join(dir, JOURNAL), { force: true });
  await rmdir(staging).catch(() => rm(staging, { recursive: true, force: true }));
}

/**
 * Take the folder's write lock; a lock whose process is gone is taken over. The lock is written
 * whole under a name of its own and then hard-linked into place, so it never exists without the
 * pid in it, however the process ends.
 */
async function lockFolder(dir: string): Promise<() => Promise<void>> {
  const lock = path.join(dir, LOCK);
  const mine = path.join(dir, `${STAGING_PREFIX}${process.pid}.lock`);
  await writeFile(mine, String(process.pid));
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await link(mine, lock);
        return () => rm(lock, { force: true });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
        const holder = await readLockHolder(lock);
        if (holder !== undefined && holder !== process.pid && isAlive(holder)) {
          throw new LitgraphError(
            "io",
            `another litgraph process (pid ${holder}) is writing into ${dir}; wait for it to finish, or remove ${lock} if it is not running`,
          );
        }
        await rm(lock, { force: true });
      }
    }
    throw new LitgraphError("io", `cannot take the write lock ${lock}`);
  } finally {
    await rm(mine, { force: true });
  }
}

/** The pid a lock file names, or undefined when it names none (gone, empty, not a number). */
async function readLockHolder(lock: string): Promise<number | undefined> {
  const holder = Number((await readFile(lock, "utf8").catch(() => "")).trim());
  return Number.isInteger(holder) && holder > 0 ? holder : undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
