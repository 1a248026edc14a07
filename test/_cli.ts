// Test helpers: run the litgraph command in-process with captured output, or as a real process.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { Writable } from "node:stream";
import { main } from "../src/cli/main.ts";
import { REPO_ROOT } from "./_seeds.ts";

class Capture extends Writable {
  text = "";
  isTTY = false;
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, callback: () => void): void {
    this.text += chunk.toString();
    callback();
  }
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run `litgraph …argv` in this process. */
export async function runCli(
  argv: string[],
  env: Record<string, string | undefined> = {},
): Promise<CliRun> {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await main(argv, {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stderr: stderr as unknown as NodeJS.WriteStream,
    env,
  });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/** Run `bin/litgraph.js …argv` as a separate process, as a user would. */
export function spawnCli(argv: string[], cwd = REPO_ROOT): CliRun {
  const result = spawnSync(
    process.execPath,
    [path.join(REPO_ROOT, "bin", "litgraph.js"), ...argv],
    {
      cwd,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1" },
    },
  );
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
