// Dates in the forms the sources write them: `2024年05月14日`, `Mon, 22 Jul 2024 12:16:30 GMT`,
// `(2024-10-24T15:41:56Z)`, `2024-05-14`, `22 Jul 2024`, `July 2024`. Parsed without the Date
// constructor's locale guessing, so the result is the same everywhere.

export interface ParsedDate {
  /** ISO date `YYYY-MM-DD`, or `YYYY-MM` when the source gives no day. Date-times keep their time (`…T15:41:56Z`). */
  date: string;
  year: number;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/**
 * Date forms, most specific first. Each returns the date it found, `undefined` when its form is not
 * in the text, or `null` when its form is there with an impossible value (`32 Jul 2024`, `25:00`):
 * then parsing stops, rather than a less specific form reading part of it (`Jul 2024`).
 */
const PATTERNS: Array<(text: string) => ParsedDate | null | undefined> = [
  // 2024-10-24T15:41:56Z (ISO date-time, UTC or with offset)
  (text) => {
    const m =
      /\b(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?/.exec(
        text,
      );
    if (!m) return undefined;
    const [, y, mo, d, h, mi, s] = m;
    if (!isTime(h, mi, s)) return null;
    return build(y, mo, d, `T${h}:${mi}:${s ?? "00"}${m[7] === "Z" || !m[7] ? "Z" : m[7]}`);
  },
  // 2024年05月14日, 2024年5月4日, 2024年5月
  (text) => {
    const m = /(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?/.exec(text);
    return m ? build(m[1], m[2], m[3]) : undefined;
  },
  // Mon, 22 Jul 2024 12:16:30 GMT  /  22 July 2024
  (text) => {
    const m =
      /\b(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})(?:\s+(\d{2}):(\d{2})(?::(\d{2}))?\s*(GMT|UTC|Z)?)?/.exec(
        text,
      );
    if (!m) return undefined;
    const month = monthNumber(m[2]);
    if (!month) return undefined;
    if (m[4] && !isTime(m[4], m[5], m[6])) return null;
    const time = m[4] && m[7] ? `T${m[4]}:${m[5]}:${m[6] ?? "00"}Z` : "";
    return build(m[3], String(month), m[1], time);
  },
  // July 22, 2024  /  Jul 2024
  (text) => {
    const m = /\b([A-Za-z]{3,9})\.?\s+(?:(\d{1,2}),?\s+)?(\d{4})\b/.exec(text);
    if (!m) return undefined;
    const month = monthNumber(m[1]);
    return month ? build(m[3], String(month), m[2]) : undefined;
  },
  // 2024-05-14, 2024/05/14, 2024.05.14
  (text) => {
    const m = /\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b/.exec(text);
    return m ? build(m[1], m[2], m[3]) : undefined;
  },
];

/**
 * Parse the first date found in `text`. Returns undefined when there is none or when its parts
 * are out of range (month 13, day 32, a year before 1900 or after 2100).
 */
export function parseDate(text: string): ParsedDate | undefined {
  for (const pattern of PATTERNS) {
    const parsed = pattern(text);
    if (parsed === null) return undefined;
    if (parsed) return parsed;
  }
  return undefined;
}

function monthNumber(name: string | undefined): number | undefined {
  if (!name) return undefined;
  return MONTHS[name.slice(0, 3).toLowerCase()];
}

function build(
  year: string | undefined,
  month: string | undefined,
  day: string | undefined,
  time = "",
): ParsedDate | null {
  const y = Number(year);
  const mo = Number(month);
  if (!Number.isInteger(y) || y < 1900 || y > 2100 || !(mo >= 1 && mo <= 12)) return null;
  const mm = String(mo).padStart(2, "0");
  if (day === undefined) return { date: `${y}-${mm}`, year: y };
  const d = Number(day);
  if (!(d >= 1 && d <= daysIn(y, mo))) return null;
  return { date: `${y}-${mm}-${String(d).padStart(2, "0")}${time}`, year: y };
}

function isTime(
  hours: string | undefined,
  minutes: string | undefined,
  seconds: string | undefined,
): boolean {
  return Number(hours) <= 23 && Number(minutes) <= 59 && Number(seconds ?? 0) <= 59;
}

function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
