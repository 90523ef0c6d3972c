// Plain arithmetic over the counts a scenario generated: the expected figures, computed without
// the budget engine (operator/src/compile/budget) so that a test comparing the two can fail.
//
// A "step" is what one recorded tile stands for: the tile at t covers [t - step, t) and holds
// errors and events per second, so it counts errors × step bad and events × step total events
// (for time-based indicators: the bad share of the step's seconds, and the step's seconds).
// A step partly inside a range or a maintenance window counts in proportion; the scenarios keep
// their steps on a 5-minute grid, so that happens only at the edge of a rolling window.

export interface Step {
  /** [start, end) in epoch milliseconds. */
  readonly start: number;
  readonly end: number;
  readonly bad: number;
  readonly total: number;
}

export interface Span {
  readonly start: number;
  readonly end: number;
}

const overlap = (a: Span, b: Span): number => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

/** Milliseconds of `range` outside the (non-overlapping) maintenance spans. */
export function countable(range: Span, maintenance: readonly Span[]): number {
  return Math.max(0, range.end - range.start - maintenance.reduce((sum, m) => sum + overlap(range, m), 0));
}

/** Sums of bad and total over a range, maintenance left out. */
export function tally(steps: readonly Step[], range: Span, maintenance: readonly Span[] = []): { bad: number; total: number } {
  let bad = 0;
  let total = 0;
  for (const s of steps) {
    const inside = overlap(s, range);
    if (inside <= 0) continue;
    const clipped = { start: Math.max(s.start, range.start), end: Math.min(s.end, range.end) };
    const share = countable(clipped, maintenance) / (s.end - s.start);
    bad += s.bad * share;
    total += s.total * share;
  }
  return { bad, total };
}

/** Runs of consecutive steps whose bad share is above `threshold` (or everything bad), outside maintenance; runs closer than `mergeGapMs` join. */
export function badRuns(steps: readonly Step[], range: Span, maintenance: readonly Span[], threshold: number, mergeGapMs: number): Span[] {
  const runs: Span[] = [];
  for (const s of [...steps].sort((a, b) => a.start - b.start)) {
    if (!(s.total > 0) || !(s.bad / s.total > threshold || s.bad >= s.total)) continue;
    if (overlap(s, range) < s.end - s.start) continue; // the scenarios keep incidents well inside
    if (maintenance.some((m) => overlap(s, m) > 0)) continue;
    const last = runs[runs.length - 1];
    if (last && s.start - last.end < mergeGapMs) runs[runs.length - 1] = { start: last.start, end: s.end };
    else runs.push({ start: s.start, end: s.end });
  }
  return runs;
}

/** What an objective should report, in percent (exact, not rounded). */
export interface ObjectiveFigures {
  readonly bad: number;
  readonly total: number;
  /** Good share of the period so far; absent without data. */
  readonly attained?: number;
  /** Share of the whole period's error budget spent; absent without data. */
  readonly consumedPercent?: number;
  readonly remainingPercent?: number;
  /** Burn rate per window ("1h", "6h", "3d"): the window's bad ratio over the budget ratio. */
  readonly burnRate: Readonly<Record<string, number>>;
  readonly incidents: { readonly count: number; readonly mttrSeconds?: number };
}

export interface FigureInputs {
  readonly steps: readonly Step[];
  /** The contract period: [start, end). A rolling period ends at now. */
  readonly period: Span;
  readonly now: number;
  /** Target in percent, e.g. 99.9. */
  readonly target: number;
  readonly maintenance?: readonly Span[];
}

const hour = 3_600_000;
export const burnWindows: Readonly<Record<string, number>> = { "1h": hour, "6h": 6 * hour, "3d": 72 * hour };

/**
 * The figures by the book: attained = 1 - bad/total over [period start, now); the budget is the
 * whole period's: consumed = (bad/total ÷ budget) × (countable elapsed ÷ countable period); burn
 * rates over [at - window, at) with at = min(now, period end); incidents are runs of steps burning
 * faster than 14.4× the budget, merged across gaps under 15 minutes.
 */
export function expectedFigures(input: FigureInputs): ObjectiveFigures {
  const maintenance = input.maintenance ?? [];
  const budget = (100 - input.target) / 100;
  const at = Math.min(input.now, input.period.end);
  const elapsed = { start: input.period.start, end: Math.max(input.period.start, at) };
  const { bad, total } = tally(input.steps, elapsed, maintenance);
  const burnRate: Record<string, number> = {};
  for (const [name, length] of Object.entries(burnWindows)) {
    const w = tally(input.steps, { start: at - length, end: at }, maintenance);
    if (w.total > 0) burnRate[name] = w.bad / w.total / budget;
  }
  const runs = badRuns(input.steps, elapsed, maintenance, 14.4 * budget, 15 * 60_000);
  const incidents = runs.length === 0
    ? { count: 0 }
    : { count: runs.length, mttrSeconds: runs.reduce((n, r) => n + (r.end - r.start), 0) / runs.length / 1000 };
  if (!(total > 0)) return { bad, total, burnRate, incidents };
  const elapsedShare = countable(elapsed, maintenance) / countable(input.period, maintenance);
  const consumedPercent = (bad / total / budget) * elapsedShare * 100;
  return { bad, total, attained: (1 - bad / total) * 100, consumedPercent, remainingPercent: 100 - consumedPercent, burnRate, incidents };
}

/** The mean of per-step bad ratios (the wrong way to combine them under uneven traffic), percent good. */
export function averageOfRatios(steps: readonly Step[], range: Span): number {
  const inside = steps.filter((s) => s.start >= range.start && s.end <= range.end && s.total > 0);
  return (1 - inside.reduce((n, s) => n + s.bad / s.total, 0) / inside.length) * 100;
}
