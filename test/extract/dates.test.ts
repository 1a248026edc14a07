// Dates in the forms the sources write them, parsed to ISO without locale guessing.
import { describe, expect, it } from "vitest";
import { type ParsedDate, parseDate } from "../../src/extract/dates.ts";

const ROWS: Array<{ name: string; text: string; expected: ParsedDate | undefined }> = [
  {
    name: "Chinese digest date",
    text: "发布时间：2024年05月14日",
    expected: { date: "2024-05-14", year: 2024 },
  },
  {
    name: "Chinese date without leading zeros",
    text: "2023年3月7日",
    expected: { date: "2023-03-07", year: 2023 },
  },
  { name: "Chinese year and month", text: "2022年11月", expected: { date: "2022-11", year: 2022 } },
  {
    name: "HTTP-style date with time",
    text: "- Date: Mon, 22 Jul 2024 12:16:30 GMT",
    expected: { date: "2024-07-22T12:16:30Z", year: 2024 },
  },
  {
    name: "ISO date-time in brackets",
    text: "arXiv Detail & Related papers (2024-10-24T15:41:56Z)",
    expected: { date: "2024-10-24T15:41:56Z", year: 2024 },
  },
  {
    name: "ISO date-time with an offset",
    text: "2024-01-02T03:04:05+08:00",
    expected: { date: "2024-01-02T03:04:05+08:00", year: 2024 },
  },
  { name: "ISO date", text: "2024-05-14", expected: { date: "2024-05-14", year: 2024 } },
  { name: "day month year", text: "22 July 2024", expected: { date: "2024-07-22", year: 2024 } },
  { name: "month day, year", text: "July 22, 2024", expected: { date: "2024-07-22", year: 2024 } },
  { name: "month and year", text: "Jul 2024", expected: { date: "2024-07", year: 2024 } },
  {
    name: "leap day in a leap year",
    text: "2024-02-29",
    expected: { date: "2024-02-29", year: 2024 },
  },
  { name: "month 13 rejected (ISO)", text: "2024-13-01", expected: undefined },
  { name: "month 13 rejected (Chinese)", text: "2024年13月01日", expected: undefined },
  { name: "month 0 rejected", text: "2024-00-10", expected: undefined },
  { name: "day 32 rejected, not read as a month", text: "32 Jul 2024", expected: undefined },
  { name: "29 February in a common year rejected", text: "2023-02-29", expected: undefined },
  { name: "hour 25 rejected", text: "2024-10-24T25:41:56Z", expected: undefined },
  { name: "a year out of range", text: "1850-01-01", expected: undefined },
  { name: "a relevance score is no date", text: "Score: 85.09998659355038", expected: undefined },
  { name: "no date at all", text: "no date here", expected: undefined },
];

describe("parseDate", () => {
  for (const row of ROWS) {
    it(row.name, () => expect(parseDate(row.text)).toEqual(row.expected));
  }
});
