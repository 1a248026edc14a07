// The error family for bad use of litgraph's own API (not for bad input, which becomes a Diagnostic).
// Tests assert on `code`, not on wording.

export type LitgraphErrorCode = "usage" | "invalid-options" | "invalid-graph" | "not-found" | "io";

export class LitgraphError extends Error {
  readonly code: LitgraphErrorCode;

  constructor(code: LitgraphErrorCode, message: string) {
    super(message);
    this.name = "LitgraphError";
    this.code = code;
  }
}

/** Thrown for a command line that cannot be understood (exit code 2). */
export class UsageError extends LitgraphError {
  constructor(message: string) {
    super("usage", message);
    this.name = "UsageError";
  }
}
