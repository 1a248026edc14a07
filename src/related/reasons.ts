// Reasons in plain words: what each signal found about a pair of papers, as one short line per fact.
// "this paper" is always the paper asked about, "the other" the one recommended.
import type { SharedListing } from "./co-listing.ts";
import type { ExplicitLink } from "./explicit.ts";
import type { SharedNeighbour } from "./neighbours.ts";

/** A reason and its contribution to the score, for ordering. */
export interface WeightedReason {
  weight: number;
  text: string;
}

/** How many names a reason lists before "and N more". */
const MAX_NAMES = 4;

/** `A`, `A and B`, `A, B and C`, `A, B, C, D and 3 more`. */
export function joinNames(names: readonly string[], noun = ""): string {
  if (names.length <= 1) return names.join("");
  if (names.length > MAX_NAMES) {
    const rest = names.length - MAX_NAMES;
    return `${names.slice(0, MAX_NAMES).join(", ")} and ${rest} more${noun ? ` ${noun}` : ""}`;
  }
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/** `listed as related on 004_….txt (listing score 50.0)`, `lists this paper`, `listed in this survey`. */
export function describeExplicit(link: ExplicitLink, weight: number): WeightedReason[] {
  const reasons: WeightedReason[] = [];
  if (link.pages.length > 0) {
    const score = link.score !== undefined ? ` (listing score ${link.score.toFixed(1)})` : "";
    reasons.push({
      weight,
      text: `listed as related on ${joinNames(link.pages, "pages")}${score}`,
    });
  }
  if (link.lister === "mine") reasons.push({ weight, text: "listed in this survey" });
  if (link.lister === "theirs") reasons.push({ weight, text: "lists this paper" });
  return reasons;
}

/**
 * One line for the shared topics (`shared topics: RAG, Agents`), one for the benchmarks both evaluate
 * on (`both evaluate on MedQA`), and one per benchmark one introduces and the other uses.
 */
export function describeNeighbours(
  shared: readonly SharedNeighbour[],
  signalWeight: number,
): WeightedReason[] {
  const reasons: WeightedReason[] = [];
  const topics = shared.filter((item) => item.kind === "topic");
  if (topics.length > 0) {
    reasons.push({
      weight: signalWeight * topics.reduce((sum, item) => sum + item.weight, 0),
      text: `shared topics: ${joinNames(topics.map((item) => item.label))}`,
    });
  }
  const benchmarks = shared.filter((item) => item.kind === "benchmark");
  const used = benchmarks.filter(
    (item) => item.mine !== "introduces" && item.theirs !== "introduces",
  );
  if (used.length > 0) {
    reasons.push({
      weight: signalWeight * used.reduce((sum, item) => sum + item.weight, 0),
      text: `both evaluate on ${joinNames(used.map((item) => item.label))}`,
    });
  }
  for (const item of benchmarks) {
    const weight = signalWeight * item.weight;
    if (item.mine === "introduces" && item.theirs === "introduces")
      reasons.push({ weight, text: `both introduce ${item.label}` });
    else if (item.mine === "introduces")
      reasons.push({ weight, text: `${item.label}: introduced by this paper, used by the other` });
    else if (item.theirs === "introduces")
      reasons.push({ weight, text: `${item.label}: introduced by the other, used by this paper` });
  }
  return reasons;
}

/**
 * `listed together under Models › Multimodal in Awesome Medical LLMs`, `listed together in <list>`,
 * `both in the reference list refs.bib` (one file of several records), `listed together as related papers on <page>`
 * (pages in one line).
 */
export function describeListings(
  shared: readonly SharedListing[],
  signalWeight: number,
): WeightedReason[] {
  const reasons: WeightedReason[] = [];
  const pages = shared.filter((item) => item.kind === "page");
  if (pages.length > 0) {
    reasons.push({
      weight: signalWeight * pages.reduce((sum, item) => sum + item.weight, 0),
      text: `listed together as related papers on ${joinNames(
        pages.map((item) => item.label),
        "pages",
      )}`,
    });
  }
  for (const item of shared) {
    if (item.kind === "page") continue;
    const weight = signalWeight * item.weight;
    if (item.companion === "mine")
      reasons.push({
        weight,
        text: `listed in ${item.label}, the list that goes with this survey`,
      });
    else if (item.companion === "theirs")
      reasons.push({
        weight,
        text: `the survey that goes with ${item.label}, which lists this paper`,
      });
    else if (item.kind === "bibliography")
      reasons.push({ weight, text: `both in the reference list ${item.label}` });
    else if (item.section)
      reasons.push({ weight, text: `listed together under ${item.section} in ${item.label}` });
    else reasons.push({ weight, text: `listed together in ${item.label}` });
  }
  return reasons;
}

/** `similar abstracts (0.41)`, `similar titles (0.30)`, `similar abstracts across languages (0.22)`. */
export function describeText(
  similarity: number,
  bothHaveAbstracts: boolean,
  crossLanguage: boolean,
  weight: number,
): WeightedReason {
  const what = bothHaveAbstracts ? "abstracts" : "titles";
  const across = crossLanguage ? " across languages" : "";
  return { weight, text: `similar ${what}${across} (${similarity.toFixed(2)})` };
}

/** `same community (Medical QA · MedMCQA)`. */
export function describeLatent(similarity: number, weight: number): WeightedReason {
  return { weight, text: `alike in themes (${similarity.toFixed(2)})` };
}

export function describeCommunity(label: string | undefined, weight: number): WeightedReason {
  return { weight, text: `same community${label ? ` (${label})` : ""}` };
}

/** `published 3 months apart`, `both published in 2024` (from `describeApart`). */
export function describeTime(apart: string, weight: number): WeightedReason {
  return { weight, text: apart };
}

/** The reasons' texts, strongest first (ties keep their order), without repeats. */
export function orderReasons(reasons: readonly WeightedReason[]): string[] {
  const sorted = reasons
    .map((reason, i) => ({ reason, i }))
    .sort((a, b) => b.reason.weight - a.reason.weight || a.i - b.i)
    .map(({ reason }) => reason.text);
  return [...new Set(sorted)];
}
