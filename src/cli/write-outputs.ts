// Atomic output: every file is written next to its target under a temporary name and renamed into
// place only once all of them are written, so a failed build leaves the previous graph intact.
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";

/** Write `files` (name → text) into `dir`. Either all are replaced or, on error, none is. */
export async function writeOutputsAtomically(
  dir: string,
  files: Record<string, string>,
): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const staged: Array<{ temporary: string; target: string }> = [];
  try {
    for (const [name, text] of Object.entries(files)) {
      const target = path.join(dir, name);
      const temporary = path.join(dir, `.litgraph-tmp-${process.pid}-${name}`);
      await writeFile(temporary, text);
      staged.push({ temporary, target });
    }
  } catch (error) {
    await Promise.all(staged.map(({ temporary }) => rm(temporary, { force: true })));
    throw error;
  }
  for (const { temporary, target } of staged) await rename(temporary, target);
  return staged.map(({ target }) => target);
}
