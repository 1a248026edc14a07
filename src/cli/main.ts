// The litgraph command: parse the command line, run one command, print every error, set the exit code.
// Exit codes: 0 ok, 1 files skipped under --strict or a failed command, 2 usage error.
import { readFileSync } from "node:fs";
import { escapeForTerminal } from "../diagnostics.ts";
import { LitgraphError, UsageError } from "../errors.ts";
import { runBuild } from "./commands/build.ts";
import { runExport } from "./commands/export.ts";
import { runRelated } from "./commands/related.ts";
import { runServe } from "./commands/serve.ts";
import { runStats } from "./commands/stats.ts";
import { HELP, resolveConfig } from "./config.ts";

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

export interface MainIo {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  env: Record<string, string | undefined>;
}

export async function main(
  argv: string[],
  io: MainIo = { stdout: process.stdout, stderr: process.stderr, env: process.env },
): Promise<number> {
  try {
    const config = resolveConfig({ argv, env: io.env });
    switch (config.command) {
      case "help":
        io.stdout.write(`${HELP[config.topic ?? "main"]}\n`);
        return EXIT_OK;
      case "version": {
        const pkg = JSON.parse(
          readFileSync(new URL("../../package.json", import.meta.url), "utf8"),
        ) as { version: string };
        io.stdout.write(`litgraph ${pkg.version}\n`);
        return EXIT_OK;
      }
      case "build":
        return await runBuild(config, io);
      case "related":
        return await runRelated(config, io);
      case "export":
        return await runExport(config, io);
      case "stats":
        return await runStats(config, io);
      case "serve":
        return await runServe(config, io);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`litgraph: ${escapeForTerminal(error.message)}\n`);
      return EXIT_USAGE;
    }
    if (error instanceof LitgraphError) {
      io.stderr.write(`litgraph: ${escapeForTerminal(error.message)}\n`);
      return error.code === "invalid-options" ? EXIT_USAGE : EXIT_FAILED;
    }
    io.stderr.write(
      `litgraph: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return EXIT_FAILED;
  }
}
