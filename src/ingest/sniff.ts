// Content sniffing: which adapter reads a document, decided from its text (never its file name).
// Each adapter scores the text; the plain-text fallback wins only when no other is confident.
import { ADAPTERS } from "./adapters.ts";
import type { FormatId } from "./types.ts";

/** The lowest score with which a specific format beats the plain-text fallback. */
export const SNIFF_THRESHOLD = 0.5;

/** The format chosen for a text and how sure the choice is (0 … 1). */
export interface SniffResult {
  format: FormatId;
  confidence: number;
}

/**
 * Pick the format of `text` by content. The best-scoring specific adapter wins when it scores at
 * least {@link SNIFF_THRESHOLD} (ties go to the earlier adapter in `ADAPTERS`); otherwise the
 * text is plain text, with confidence one minus the best specific score. An adapter that is certain
 * (scores 1) ends the search, since no later one could win.
 */
export function sniffFormat(text: string): SniffResult {
  let best: SniffResult | undefined;
  for (const adapter of ADAPTERS) {
    if (adapter.format === "text") continue;
    const confidence = clampScore(adapter.sniff(text));
    if (!best || confidence > best.confidence) best = { format: adapter.format, confidence };
    // Nothing can beat a certain score, and ties go to the earlier adapter: skip the rest.
    if (confidence === 1) break;
  }
  if (best && best.confidence >= SNIFF_THRESHOLD) return best;
  return { format: "text", confidence: 1 - (best?.confidence ?? 0) };
}

function clampScore(score: number): number {
  return Number.isFinite(score) ? Math.min(1, Math.max(0, score)) : 0;
}
