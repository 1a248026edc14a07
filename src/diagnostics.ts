// Diagnostics: what every stage reports about bad or surprising *input*, without stopping the build.
// Bad use of the API throws a LitgraphError instead (src/errors.ts).

export type Severity = "error" | "warning" | "info";

/** One finding about one input file; `line` is 1-based when known. */
export interface Diagnostic {
  file: string;
  line?: number;
  severity: Severity;
  /** A stable machine-readable reason, e.g. `empty-file`, `binary-file`, `decoded-gb18030`. */
  code: string;
  message: string;
}

export function createDiagnostic(
  file: string,
  severity: Severity,
  code: string,
  message: string,
  line?: number,
): Diagnostic {
  return line === undefined
    ? { file, severity, code, message }
    : { file, line, severity, code, message };
}
