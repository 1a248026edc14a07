// The adapters ingest knows, in the order sniffing breaks ties; the plain-text fallback comes last.
import { ARXIV_DIGEST_ADAPTER } from "./arxiv-digest.ts";
import { PLAIN_TEXT_ADAPTER } from "./plain-text.ts";
import type { Adapter, FormatId } from "./types.ts";
import { ZH_DIGEST_ADAPTER } from "./zh-digest.ts";
import { ZHUANZHI_ADAPTER } from "./zhuanzhi.ts";

/** Every adapter, one per format. */
export const ADAPTERS: readonly Adapter[] = [
  ZH_DIGEST_ADAPTER,
  ZHUANZHI_ADAPTER,
  ARXIV_DIGEST_ADAPTER,
  PLAIN_TEXT_ADAPTER,
];

/** The adapter of a format (every FormatId has one). */
export function getAdapter(format: FormatId): Adapter {
  return ADAPTERS.find((adapter) => adapter.format === format) ?? PLAIN_TEXT_ADAPTER;
}
