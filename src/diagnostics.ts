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

/**
 * A file name or message made safe to print on a terminal: control characters (escape sequences,
 * newlines that would fake a log line, bidi overrides) are shown as `\xNN` / `\u{NNNN}` escapes.
 */
export function escapeForTerminal(text: string): string {
  return text.replace(
    // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
    /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu,
    (char) => {
      const code = char.codePointAt(0) ?? 0;
      return code < 0x100
        ? `\\x${code.toString(16).padStart(2, "0")}`
        : `\\u{${code.toString(16)}}`;
    },
  );
}
