// Adapter for 专知 (zhuanzhi) paper pages: an English abstract (often without a title), `翻译:` with
// the Chinese translation or `暂无翻译`, then site chrome (相关内容, 相关资讯, 相关基金, …) listing
// unrelated items. Only the part before the chrome describes the paper; the chrome yields nothing.
import { createDiagnostic, type Diagnostic } from "../diagnostics.ts";
import { createPaperRecord } from "./records.ts";
import {
  cleanChineseTitle,
  collapseWhitespace,
  findIdentifiers,
  isBlank,
  isChineseText,
  joinParagraphs,
  splitLines,
  takeSniffWindow,
} from "./text-utils.ts";
import type { Adapter, ParsedDocument, SourceDocument } from "./types.ts";

const FORMAT = "zhuanzhi";

/**
 * Lines that open the site chrome. From the first of them on, the page lists other items
 * (related content, news, funding, membership prompts), never the paper itself. A lone number is
 * the download counter just above `下载`.
 */
const CHROME_LINES = new Set([
  "下载",
  "关闭预览",
  "相关内容",
  "相关VIP内容",
  "相关资讯",
  "最新内容",
  "相关基金",
  "VIP会员",
  "Top",
  "微信扫码咨询专知VIP会员",
  "专知会员服务",
]);
const COUNTER_LINE = /^\d{1,6}$/;
const TRANSLATION = /^\s*翻译\s*[:：]\s*(.*)$/;
const NO_TRANSLATION = /^暂无翻译\s*[。.]?$/;

/** Headings of a structured abstract, which stand alone on a line but are not titles. */
const SECTION_WORDS =
  /^(?:abstract|background|introduction|objectives?|purpose|aims?|methods?|results?|conclusions?|摘要|背景|目的|方法|结果|结论)\s*[:：]?$/i;

/** A title is one line of at most this many characters (Latin) … */
const MAX_TITLE_LENGTH = 250;
/** … and at most this many words. */
const MAX_TITLE_WORDS = 30;

/** Reads 专知 pages (seeds 002 and 003 are examples). */
export const ZHUANZHI_ADAPTER: Adapter = {
  format: FORMAT,
  sniff: sniffZhuanzhi,
  parse: parseZhuanzhi,
};

/**
 * How sure we are that `text` is a 专知 page (0 … 1): a `翻译:` line, the chrome headings
 * (`关闭预览`, `相关VIP内容`, `相关资讯`, …) and an opening paragraph of English prose. A page saved
 * before its translation and chrome cannot be told from plain text and scores low.
 */
export function sniffZhuanzhi(text: string): number {
  const head = takeSniffWindow(text);
  let score = 0;
  if (/^[ \t]*翻译[ \t]*[:：]/m.test(head)) score += 0.4;
  if (/^[ \t]*关闭预览[ \t]*$/m.test(head)) score += 0.3;
  if (/^[ \t]*(?:相关VIP内容|相关资讯|相关基金|微信扫码咨询专知VIP会员)[ \t]*$/m.test(head)) {
    score += 0.2;
  }
  if (/^[ \t]*相关内容[ \t]*$/m.test(head)) score += 0.1;
  if (head.includes("专知")) score += 0.1;
  const firstLine = /^[ \t]*\S.*$/m.exec(head)?.[0] ?? "";
  if (firstLine.length >= 200 && !isChineseText(firstLine) && !/^\s*[#>`-]/.test(firstLine)) {
    score += 0.2;
  }
  return Math.min(1, score);
}

/** Parse a 专知 page into one `main` record, ignoring everything from the site chrome on. */
export function parseZhuanzhi(doc: SourceDocument): ParsedDocument {
  const lines = splitLines(doc.text);
  const diagnostics: Diagnostic[] = [];
  const inform = (code: string, message: string, line?: number): void => {
    diagnostics.push(createDiagnostic(doc.id, "info", code, `zhuanzhi: ${message}`, line));
  };

  let chrome = lines.findIndex(isChromeLine);
  if (chrome < 0) {
    chrome = lines.length;
    inform("no-site-chrome", "the page ends before the site's lists (saved early?)");
  }
  const kept = lines.slice(0, chrome);
  const translationIndex = kept.findIndex((line) => TRANSLATION.test(line));
  const abstractLines = translationIndex < 0 ? kept : kept.slice(0, translationIndex);
  if (translationIndex < 0) inform("no-translation", "no `翻译:` line");

  const first = abstractLines.findIndex((line) => !isBlank(line));

  let title: string | undefined;
  let titleZh: string | undefined;
  let bodyStart = first < 0 ? abstractLines.length : first;
  const firstLine = collapseWhitespace(abstractLines[first] ?? "");
  const nextIndex = abstractLines.findIndex((line, i) => i > first && !isBlank(line));
  if (first >= 0 && nextIndex >= 0 && looksLikeTitle(firstLine, abstractLines[nextIndex] ?? "")) {
    if (isChineseText(firstLine)) titleZh = cleanChineseTitle(firstLine);
    else title = firstLine;
    bodyStart = first + 1;
  }

  let abstract: string | undefined;
  let abstractZh: string | undefined;
  const body = joinParagraphs(abstractLines.slice(bodyStart));
  if (body && isChineseText(body)) abstractZh = body;
  else abstract = body;

  if (translationIndex >= 0) {
    const match = TRANSLATION.exec(kept[translationIndex] ?? "");
    const translation = joinParagraphs([match?.[1] ?? "", ...kept.slice(translationIndex + 1)]);
    if (!translation || NO_TRANSLATION.test(collapseWhitespace(translation))) {
      inform("no-translation", "the page has no translation (暂无翻译)", translationIndex + 1);
    } else if (isChineseText(translation)) {
      abstractZh ??= translation;
    } else {
      abstract ??= translation;
    }
  }

  const ids = findIdentifiers(kept.join("\n"));
  if (!title && !titleZh && !abstract && !abstractZh && ids.urls.length === 0) {
    diagnostics.push(
      createDiagnostic(
        doc.id,
        "warning",
        "no-abstract",
        "zhuanzhi: no text before the site chrome",
      ),
    );
    return { records: [], relations: [], diagnostics };
  }
  const record = createPaperRecord(doc, FORMAT, "main", {
    line: first >= 0 ? first + 1 : translationIndex + 1,
    title,
    titleZh,
    abstract,
    abstractZh,
    arxiv: ids.arxiv[0],
    doi: ids.dois[0],
    urls: ids.urls,
  });
  return { records: [record], relations: [], diagnostics };
}

function isChromeLine(line: string): boolean {
  const trimmed = line.trim();
  return CHROME_LINES.has(trimmed) || COUNTER_LINE.test(trimmed);
}

/**
 * Whether the first line of a page is a title rather than the start of the abstract: short, not
 * ending like a sentence, no sentence break inside, and not continued by the next line (a wrapped
 * abstract ends its first line mid-sentence and goes on in lower case).
 */
function looksLikeTitle(line: string, next: string): boolean {
  if (line.length < 3 || line.length > MAX_TITLE_LENGTH || SECTION_WORDS.test(line)) return false;
  if (/[.。;；,，:：、]$/.test(line)) return false;
  if (/[a-z0-9)]\.\s+[A-Z]/.test(line) || /[。！？]./.test(line)) return false;
  if (isChineseText(line)) return line.length <= 80;
  if (line.split(/\s+/).length > MAX_TITLE_WORDS) return false;
  return !(/[a-z]$/.test(line) && /^\s*[a-z]/.test(next));
}
