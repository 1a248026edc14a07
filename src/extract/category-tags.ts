// Catalogue categories: tags that a large share of a corpus's documents carry. A digest site files
// every page under one of a handful of categories (`LLM应用`, `Agent`, `RAG`, …), so its `Agent`
// says which shelf the page is on, not that the paper is about agents. Counted per document, so
// that one reference file whose entries all share a keyword is never a catalogue.
import { orNoItems } from "../ingest/records.ts";
import type { PaperRecord } from "../ingest/types.ts";
import { matchPhrases } from "./phrase-matcher.ts";
import { compileTaxonomy, findTopics } from "./topics.ts";
import type { ExtractedPaper, Taxonomy } from "./types.ts";

/** A tag on at least this share of the documents that carry tags is a category… */
export const CATEGORY_TAG_SHARE = 0.05;
/** …when that is at least this many documents: a small corpus has no catalogue. */
export const CATEGORY_TAG_MIN_DOCUMENTS = 20;

/** The tags that at least `CATEGORY_TAG_SHARE` of the tagged documents carry. */
export function findCategoryTags(documents: Iterable<readonly PaperRecord[]>): ReadonlySet<string> {
  const carriers = new Map<string, number>();
  let tagged = 0;
  for (const records of documents) {
    const tags = new Set<string>();
    for (const record of records) for (const tag of record.tags) tags.add(tag);
    if (tags.size === 0) continue;
    tagged++;
    for (const tag of tags) carriers.set(tag, (carriers.get(tag) ?? 0) + 1);
  }
  const needed = Math.max(CATEGORY_TAG_MIN_DOCUMENTS, Math.ceil(tagged * CATEGORY_TAG_SHARE));
  const categories = new Set<string>();
  for (const [tag, count] of carriers) if (count >= needed) categories.add(tag);
  return categories;
}

/**
 * Find the topics again of every paper that carries a category tag naming a topic, with that tag
 * as broad evidence (see `findTopics`). Extraction reads each file alone, so that a cache can stand
 * in for it; the categories are the corpus's, known only once every file is read.
 */
export function applyCategoryTags(
  papers: readonly ExtractedPaper[],
  taxonomy: Taxonomy,
  categoryTags: ReadonlySet<string>,
): void {
  if (categoryTags.size === 0) return;
  const { matcher } = compileTaxonomy(taxonomy);
  const naming = new Set<string>();
  for (const tag of categoryTags) if (matchPhrases(matcher, tag).length > 0) naming.add(tag);
  if (naming.size === 0) return;
  for (const paper of papers) {
    if (!paper.record.tags.some((tag) => naming.has(tag))) continue;
    paper.topics = orNoItems(
      findTopics(paper.record, taxonomy, {
        survey: paper.survey.isSurvey,
        introducesBenchmark: paper.benchmarks.some((mention) => mention.relation === "introduces"),
        categoryTags,
      }),
    );
  }
}
