// Collecting an adapter's diagnostics with a cap per code, so that a huge or badly broken document
// reports "… and 12,345 more" instead of one diagnostic per line.
import { createDiagnostic, type Diagnostic, type Severity } from "../diagnostics.ts";

/** Diagnostics kept per code before the rest are only counted. */
export const MAX_DIAGNOSTICS_PER_CODE = 20;

/** Where an adapter reports what it found odd. */
export interface DiagnosticSink {
  add(severity: Severity, code: string, message: string, line?: number): void;
  /** The diagnostics kept, then one per capped code saying how many more there were. */
  finish(): Diagnostic[];
}

/**
 * Create a sink for `file`. Messages are prefixed with `prefix` (the adapter's name); each code keeps
 * its first `limit` diagnostics (default {@link MAX_DIAGNOSTICS_PER_CODE}).
 */
export function createDiagnosticSink(
  file: string,
  prefix: string,
  limit = MAX_DIAGNOSTICS_PER_CODE,
): DiagnosticSink {
  const kept: Diagnostic[] = [];
  const counts = new Map<string, { severity: Severity; count: number }>();
  return {
    add(severity, code, message, line) {
      const seen = counts.get(code) ?? { severity, count: 0 };
      seen.count++;
      counts.set(code, seen);
      if (seen.count <= limit)
        kept.push(createDiagnostic(file, severity, code, `${prefix}: ${message}`, line));
    },
    finish() {
      const summaries: Diagnostic[] = [];
      for (const [code, { severity, count }] of counts) {
        if (count <= limit) continue;
        const more = count - limit;
        summaries.push(
          createDiagnostic(file, severity, code, `${prefix}: … and ${more} more like this`),
        );
      }
      return [...kept, ...summaries];
    },
  };
}
