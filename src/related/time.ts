// Time: when two papers came out. Papers an expert files together, and papers that answer one another,
// tend to come out within months of each other (work of one wave, building on the same predecessors);
// a pair's closeness decays as exp(−Δ / scale), Δ the days between their dates.
import type { NodeAttributes } from "../graph/types.ts";

/** Days from 1970-01-01 of a paper's date, or of the middle of its year when only that is known. */
export interface PublicationDays {
  /** By paper position; NaN when neither a date nor a year is known. */
  days: Float64Array;
  /** By paper position, how precise `days` is: 2 a full date, 1 a year and month, 0 a year. */
  precision: Uint8Array;
}

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})(?:-(\d{2}))?/;

/** The publication day of each paper: its ISO `date` (a month alone counts its 15th), else 1 July of its `year`. */
export function createPublicationDays(attributes: readonly NodeAttributes[]): PublicationDays {
  const days = new Float64Array(attributes.length).fill(Number.NaN);
  const precision = new Uint8Array(attributes.length);
  attributes.forEach((paper, i) => {
    const match = paper.date ? ISO_DATE.exec(paper.date) : null;
    if (match) {
      const day = match[3] ? Number(match[3]) : 15;
      days[i] = Date.UTC(Number(match[1]), Number(match[2]) - 1, day) / DAY_MS;
      precision[i] = match[3] ? 2 : 1;
    } else if (Number.isInteger(paper.year)) {
      days[i] = Date.UTC(paper.year as number, 6, 1) / DAY_MS;
    }
  });
  return { days, precision };
}

/** Closeness in time of papers `a` and `b`, 0…1: exp(−days apart / `scale`); 0 when a date is unknown. */
export function timeCloseness(days: PublicationDays, a: number, b: number, scale: number): number {
  const apart = Math.abs((days.days[a] as number) - (days.days[b] as number));
  return Number.isNaN(apart) ? 0 : Math.exp(-apart / scale);
}

/** How far apart two papers came out, for reasons: in days, months or years, as precise as both dates are. */
export function describeApart(days: PublicationDays, a: number, b: number): string | undefined {
  const dayA = days.days[a] as number;
  const dayB = days.days[b] as number;
  if (Number.isNaN(dayA) || Number.isNaN(dayB)) return undefined;
  const precision = Math.min(days.precision[a] as number, days.precision[b] as number);
  const apart = Math.round(Math.abs(dayA - dayB));
  if (precision === 2 && apart < 45)
    return apart === 0
      ? "published the same day"
      : `published ${apart} day${apart === 1 ? "" : "s"} apart`;
  if (precision >= 1) {
    const months = Math.round(apart / 30.44);
    return months === 0
      ? "published the same month"
      : `published ${months} month${months === 1 ? "" : "s"} apart`;
  }
  const yearA = new Date(dayA * DAY_MS).getUTCFullYear();
  const yearB = new Date(dayB * DAY_MS).getUTCFullYear();
  return yearA === yearB
    ? `both published in ${yearA}`
    : `published ${Math.abs(yearA - yearB)} year${Math.abs(yearA - yearB) === 1 ? "" : "s"} apart`;
}
