// The adapters ingest knows, in the order sniffing breaks ties; the plain-text fallback comes last.
import { ARXIV_ATOM_ADAPTER } from "./arxiv-atom.ts";
import { ARXIV_DIGEST_ADAPTER } from "./arxiv-digest.ts";
import { ARXIV_SNAPSHOT_ADAPTER } from "./arxiv-snapshot.ts";
import { AWESOME_LIST_ADAPTER } from "./awesome-list.ts";
import { BIBTEX_ADAPTER } from "./bibtex.ts";
import { CSL_JSON_ADAPTER } from "./csl-json.ts";
import { DIGEST_LIST_ADAPTER } from "./digest-list.ts";
import { PAPER_PAGE_ADAPTER } from "./paper-page.ts";
import { PLAIN_TEXT_ADAPTER } from "./plain-text.ts";
import { RIS_ADAPTER } from "./ris.ts";
import type { Adapter, FormatId } from "./types.ts";
import { ZH_DIGEST_ADAPTER } from "./zh-digest.ts";
import { ZHUANZHI_ADAPTER } from "./zhuanzhi.ts";

/** Every adapter, one per format. */
export const ADAPTERS: readonly Adapter[] = [
  ZH_DIGEST_ADAPTER,
  ZHUANZHI_ADAPTER,
  ARXIV_DIGEST_ADAPTER,
  // Bibliographies and metadata files: the snapshot before CSL-JSON, which it resembles line by line.
  BIBTEX_ADAPTER,
  RIS_ADAPTER,
  ARXIV_ATOM_ADAPTER,
  ARXIV_SNAPSHOT_ADAPTER,
  CSL_JSON_ADAPTER,
  // Markdown lists and saved web pages: after the structured formats they could be mistaken for.
  // A page reporting several papers under headings with fields wins ties with a list of links.
  DIGEST_LIST_ADAPTER,
  AWESOME_LIST_ADAPTER,
  PAPER_PAGE_ADAPTER,
  PLAIN_TEXT_ADAPTER,
];

/** The adapter of a format (every FormatId has one). */
export function getAdapter(format: FormatId): Adapter {
  return ADAPTERS.find((adapter) => adapter.format === format) ?? PLAIN_TEXT_ADAPTER;
}
