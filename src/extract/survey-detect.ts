// Survey detection: is a record a survey, review, overview, primer, tutorial or meta-analysis?
// A title that says so is enough; an abstract counts only when it speaks of itself ("this survey",
// "we review", "本综述"), not when it merely mentions other surveys.
import type { PaperRecord } from "../ingest/types.ts";
import { isTitleField, listProseFields } from "./fields.ts";
import { clipText, findSentenceBounds, snippetAround } from "./snippet.ts";
import type { SurveyFinding } from "./types.ts";

// ── Titles ────────────────────────────────────────────────────────────────────────────────────
const TITLE_GENRE =
  /\b(?:survey|overview|primer|tutorial|meta-analysis|meta analysis|(?:systematic|scoping|literature|narrative|umbrella|rapid|integrative|critical|mini|state-of-the-art)\s+review)\b/i;
/** `review` alone is a genre word only as a noun: "A Review", "Review of …", ": a review". */
const TITLE_REVIEW =
  /(?:\b(?:an?|comprehensive|brief|short|concise|structured|technical|holistic|extensive|thorough|in-depth|qualitative)\s+review\b|(?:^|[:：]\s*)reviews?\s+(?:of|on)\b)/i;
const TITLE_GENRE_ZH = /综述|综览|概述|概览|研究进展|系统评价|荟萃分析|Meta分析|元分析/i;

// ── Abstracts that speak of themselves ────────────────────────────────────────────────────────
const GENRE = "(?:survey|review|overview|tutorial|primer|meta-analysis)";
const SELF_REFERENCE: readonly RegExp[] = [
  // this survey, this comprehensive review, our tutorial, the present systematic review
  new RegExp(
    String.raw`\b(?:this|our|the present|the current)\s+(?:(?:comprehensive|systematic|scoping|narrative|brief|short|critical|mini|literature|concise|in-depth|extensive|detailed|timely|structured|holistic|technical)\s+){0,3}${GENRE}\b`,
    "i",
  ),
  // we survey, we comprehensively review
  /\bwe\s+(?:[a-z]+ly\s+)?(?:survey|review)\b(?!\s+(?:the\s+)?(?:related|prior|previous)\s+work)/i,
  // this paper provides a comprehensive review, this article is an overview
  new RegExp(
    String.raw`\b(?:this|the present|our)\s+(?:paper|article|work|chapter|manuscript)\s+(?:[a-z]+ly\s+)?(?:provides?|presents?|offers?|gives?|conducts?|delivers?|is|serves as)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?${GENRE}\b`,
    "i",
  ),
  // this article reviews / surveys
  /\b(?:this|the present|our)\s+(?:paper|article|work|chapter|manuscript)\s+(?:[a-z]+ly\s+)?(?:reviews|surveys)\b/i,
  // we conduct a systematic review, we present a comprehensive survey
  new RegExp(
    String.raw`\bwe\s+(?:[a-z]+ly\s+)?(?:conduct(?:ed)?|perform(?:ed)?|present|provide|offer|carry out|carried out|undertake|undertook|give)\s+(?:an?\s+|the\s+first\s+)?(?:[\w-]+\s+){0,3}?${GENRE}\b`,
    "i",
  ),
  // 本综述, 这篇综述, 本教程
  /(?:本|此|这篇)(?:篇)?(?:文献)?(?:综述|综览|教程|系统评价|荟萃分析)/,
  // 本文系统综述了…, 我们全面回顾了…, 本文对…进行了系统梳理 (回顾性 is "retrospective": a study)
  /(?:本文|我们|本研究)[^。；！？]{0,40}?(?:综述|回顾(?!性)|梳理)/,
];

/** A survey in the questionnaire sense (of physicians, with respondents) is a study, not a review. */
const QUESTIONNAIRE =
  /\b(?:national|nationwide|online|web-based|cross-sectional|multicenter|multicentre|international|pilot|user)\s+survey|\bsurvey\s+(?:study|of\s+(?:[a-z-]+\s+){0,2}?(?:physicians|clinicians|doctors|nurses|patients|students|residents|radiologists|pharmacists|professionals|practitioners|workers|providers|respondents))\b|\bsurvey-based\b|\bsurvey(?:ed)?\s+\d|\bquestionnaires?\b|\brespondents?\b|\bresponse rate\b|问卷/i;

/** Tags a site gives surveys. */
const SURVEY_TAGS = new Set([
  "survey",
  "review",
  "overview",
  "tutorial",
  "systematic review",
  "meta-analysis",
  "综述",
  "综览",
  "文献综述",
]);

/** What every record that is no survey is found to be: one object, frozen, shared by them all. */
const NOT_A_SURVEY: SurveyFinding = Object.freeze({ isSurvey: false });

/**
 * Decide whether `record` is a survey. Evidence, best first: the title (`A Survey of …`,
 * `…: A Review`, `…综述`), then an abstract or summary sentence in which the record speaks of
 * itself as one, then a site tag such as `综述`. Questionnaire surveys do not count.
 */
export function detectSurvey(record: PaperRecord): SurveyFinding {
  const fields = listProseFields(record);
  for (const { field, text } of fields) {
    if (isTitleField(field) && isSurveyTitle(text)) {
      return { isSurvey: true, evidence: { source: record.source, snippet: clipText(text) } };
    }
  }
  for (const { field, text } of fields) {
    if (isTitleField(field)) continue;
    const snippet = findSelfReference(text);
    if (snippet) return { isSurvey: true, evidence: { source: record.source, snippet } };
  }
  for (const tag of record.tags) {
    if (SURVEY_TAGS.has(tag.trim().toLowerCase())) {
      return { isSurvey: true, evidence: { source: record.source, snippet: clipText(tag) } };
    }
  }
  return NOT_A_SURVEY;
}

/** True when a title names its genre as a survey, review, overview, primer, tutorial or meta-analysis. */
export function isSurveyTitle(title: string): boolean {
  if (TITLE_GENRE_ZH.test(title)) return true;
  if (!TITLE_GENRE.test(title) && !TITLE_REVIEW.test(title)) return false;
  return !QUESTIONNAIRE.test(title);
}

/** The snippet of the first sentence in which `text` calls itself a survey, or undefined. */
function findSelfReference(text: string): string | undefined {
  let best: { start: number; end: number } | undefined;
  for (const pattern of SELF_REFERENCE) {
    let rest = 0;
    // Look past a questionnaire sentence to a later self-reference by the same pattern.
    while (rest < text.length) {
      const match = pattern.exec(text.slice(rest));
      if (!match) break;
      const start = rest + match.index;
      const end = start + match[0].length;
      const [from, to] = findSentenceBounds(text, start, end);
      if (!QUESTIONNAIRE.test(text.slice(from, to))) {
        if (!best || start < best.start) best = { start, end };
        break;
      }
      rest = to;
    }
  }
  return best ? snippetAround(text, best.start, best.end) : undefined;
}
