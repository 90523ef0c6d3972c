// How the human renderers (table, markdown, HTML) write figures, times and periods. Figures come
// from the report document, already rounded the way the status rounds them; times are written
// in the period's time zone, the zone the contract is reckoned in.
import { formatRfc3339, toLocal, type ContractPeriod } from "../compile/budget/index.js";
import { parseDuration } from "../compile/duration.js";

const monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const pad = (n: number) => String(n).padStart(2, "0");

/** A percentage with exactly two decimals ("99.90%"), or the placeholder when unknown. */
export function percent2(value: number | undefined, missing = "-"): string {
  return value === undefined ? missing : `${value.toFixed(2)}%`;
}

/** A percentage as given ("99.9%", "10%"): targets and credits, which users wrote themselves. */
export function percent(value: number | undefined, missing = "-"): string {
  return value === undefined ? missing : `${String(value)}%`;
}

/** "2026-10-14 13:05" in the zone. */
export function localTime(instant: number, timeZone: string): string {
  const t = toLocal(instant, timeZone);
  return `${t.year}-${pad(t.month)}-${pad(t.day)} ${pad(t.hour)}:${pad(t.minute)}`;
}

/** "1 Oct", the short label of a day, for chart axes. */
export function shortDay(instant: number, timeZone: string): string {
  const t = toLocal(instant, timeZone);
  return `${t.day} ${(monthNames[t.month - 1] ?? "").slice(0, 3)}`;
}

/** "Oct", for the axis of a quarter. */
export function shortMonth(instant: number, timeZone: string): string {
  const t = toLocal(instant, timeZone);
  return `${(monthNames[t.month - 1] ?? "").slice(0, 3)}`;
}

/** "13:00", for the axis of a day. */
export function shortHour(instant: number, timeZone: string): string {
  const t = toLocal(instant, timeZone);
  return `${pad(t.hour)}:${pad(t.minute)}`;
}

/** A period's name: "October 2026", "Q4 2026", "Week 44 of 2026", "Rolling 30d", or its bounds. */
export function periodName(period: ContractPeriod): string {
  const month = /^(\d{4})-(\d{2})$/.exec(period.label);
  if (period.kind === "month" && month) return `${monthNames[Number(month[2]) - 1] ?? month[2]} ${month[1]}`;
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period.label);
  if (period.kind === "quarter" && quarter) return `Q${quarter[2]} ${quarter[1]}`;
  const week = /^(\d{4})-W(\d{2})$/.exec(period.label);
  if (period.kind === "week" && week) return `Week ${Number(week[2])} of ${week[1]}`;
  if (period.kind === "rolling" && parseDuration(period.label) !== undefined) return `Rolling ${period.label}`;
  return `${localTime(period.start, period.timeZone)} to ${localTime(period.end, period.timeZone)}`;
}

/** "2026-10-01 00:00 to 2026-11-01 00:00 (Europe/Berlin)": the bounds of a period, end exclusive. */
export function periodRange(period: ContractPeriod): string {
  return `${localTime(period.start, period.timeZone)} to ${localTime(period.end, period.timeZone)} (${period.timeZone})`;
}

/** RFC 3339 in UTC, the way the status writes instants. */
export const utc = (instant: number): string => formatRfc3339(instant, "UTC");

/** "shop/checkout". */
export const slaName = (namespace: string, name: string): string => `${namespace}/${name}`;
