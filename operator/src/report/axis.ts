// Time-axis ticks at round local times of the period's zone: hours for a day or two, days (every
// 1, 2 or 7) for a week or a month, first days of months for a quarter or longer.
import { civilFromDays, daysFromCivil, toInstant, toLocal } from "../compile/budget/zone.js";
import type { TimeTick } from "./chart.js";
import { shortDay, shortHour, shortMonth } from "./format.js";

const hourMs = 3_600_000;
const dayMs = 86_400_000;

/** About maxTicks ticks (at most) at round local times between start and end. */
export function timeTicks(start: number, end: number, timeZone: string, maxTicks = 8): TimeTick[] {
  const span = end - start;
  if (!(span > 0)) return [];
  const first = toLocal(start, timeZone);
  const firstDay = daysFromCivil(first.year, first.month, first.day);
  const at = (day: number, hour = 0) => {
    const { year, month, day: d } = civilFromDays(day);
    return toInstant({ year, month, day: d, hour, minute: 0, second: 0 }, timeZone);
  };
  const ticks: TimeTick[] = [];
  if (span <= 2 * dayMs) {
    const every = [1, 2, 3, 6, 12, 24].find((h) => span / (h * hourMs) <= maxTicks) ?? 24;
    for (let h = 0; ; h += every) {
      const t = at(firstDay + Math.floor(h / 24), h % 24);
      if (t > end) break;
      if (t >= start) ticks.push({ at: t, label: h % 24 === 0 ? shortDay(t, timeZone) : shortHour(t, timeZone) });
    }
    return ticks;
  }
  if (span <= 62 * dayMs) {
    const every = [1, 2, 7, 14].find((d) => span / (d * dayMs) <= maxTicks) ?? 14;
    for (let d = 0; ; d += every) {
      const t = at(firstDay + d);
      if (t > end) break;
      if (t >= start) ticks.push({ at: t, label: shortDay(t, timeZone) });
    }
    return ticks;
  }
  const months = span / (30.44 * dayMs);
  const every = [1, 2, 3, 6, 12].find((m) => months / m <= maxTicks) ?? 12;
  const withYear = months > 11;
  for (let m = 0; ; m += every) {
    const t = at(daysFromCivil(first.year, first.month + m, 1));
    if (t > end) break;
    if (t >= start) {
      const label = shortMonth(t, timeZone);
      ticks.push({ at: t, label: withYear ? `${label} ${toLocal(t, timeZone).year}` : label });
    }
  }
  return ticks;
}
