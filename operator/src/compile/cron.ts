// A five-field cron parser (minute hour day-of-month month day-of-week), enough for maintenance
// schedules. Parsing only: expanding a schedule into windows is the budget engine's job.

export interface CronSchedule {
  readonly minutes: ReadonlySet<number>;
  readonly hours: ReadonlySet<number>;
  readonly daysOfMonth: ReadonlySet<number>;
  readonly months: ReadonlySet<number>;
  readonly daysOfWeek: ReadonlySet<number>;
  readonly dayOfMonthRestricted: boolean;
  readonly dayOfWeekRestricted: boolean;
}

const monthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
const dayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

/** Parses a cron expression; returns an error message instead of throwing. */
export function parseCron(text: string): { ok: true; value: CronSchedule } | { ok: false; message: string } {
  const fields = text.trim().split(/\s+/);
  if (fields.length !== 5) return { ok: false, message: `a cron schedule has 5 fields (minute hour day month weekday), found ${fields.length}` };
  const [mi, ho, dom, mo, dow] = fields as [string, string, string, string, string];
  try {
    return {
      ok: true,
      value: {
        minutes: field(mi, 0, 59, [], "minute"),
        hours: field(ho, 0, 23, [], "hour"),
        daysOfMonth: field(dom, 1, 31, [], "day of month"),
        months: field(mo, 1, 12, monthNames, "month", 1),
        daysOfWeek: new Set([...field(dow, 0, 7, dayNames, "day of week")].map((d) => d % 7)),
        dayOfMonthRestricted: dom !== "*",
        dayOfWeekRestricted: dow !== "*",
      },
    };
  } catch (e) {
    return { ok: false, message: (e as Error).message };
  }
}

const longestMonth = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** False when a schedule names only days that its months never have, as 0 0 30 2 * does. */
export function canFire(schedule: CronSchedule): boolean {
  // With a weekday restricted too, cron fires on either match, and every month has every weekday.
  if (!schedule.dayOfMonthRestricted || schedule.dayOfWeekRestricted) return true;
  return [...schedule.months].some((month) => [...schedule.daysOfMonth].some((day) => day <= (longestMonth[month - 1] as number)));
}

function field(text: string, min: number, max: number, names: string[], what: string, nameBase = 0): Set<number> {
  const out = new Set<number>();
  const value = (v: string): number => {
    const index = names.indexOf(v.toUpperCase());
    const n = index >= 0 ? index + nameBase : /^\d+$/.test(v) ? Number(v) : NaN;
    if (!(n >= min && n <= max)) throw new Error(`${what} ${JSON.stringify(v)} is not in ${min}-${max}`);
    return n;
  };
  for (const part of text.split(",")) {
    const [range, stepText] = part.split("/") as [string, string | undefined];
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) throw new Error(`bad step ${JSON.stringify(stepText)} in ${what}`);
    let lo: number;
    let hi: number;
    if (range === "*") [lo, hi] = [min, max];
    else if (range.includes("-")) {
      const [a, b] = range.split("-") as [string, string];
      [lo, hi] = [value(a), value(b)];
      if (lo > hi) throw new Error(`${what} range ${range} runs backwards`);
    } else {
      lo = value(range);
      hi = stepText === undefined ? lo : max;
    }
    for (let n = lo; n <= hi; n += step) out.add(n);
  }
  return out;
}
