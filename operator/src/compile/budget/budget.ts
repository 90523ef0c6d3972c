// Error budget arithmetic for one objective: how much bad the period allows, how much is spent,
// how fast it is being spent (burn rate), when it runs out, and the resulting state.
//
// The budget is the WHOLE period's budget, not the budget of the part that has elapsed:
//   allowed = budget ratio × (total so far ÷ elapsed share of the period)
// where the elapsed share counts time outside maintenance. For a time-based indicator with full
// data this is exactly "0.1% of the month's minutes" (43.2 min of a 30-day month at 99.9%); for
// events it assumes the rest of the period brings traffic at the average rate so far. Hence
//   consumed share = (bad ratio so far ÷ budget ratio) × elapsed share,
// and spending the whole budget means the target is missed even if the rest of the period is
// perfect. A rolling period has always fully elapsed, so there consumed = bad ratio ÷ budget
// ratio, as in the recording rule sla:error_budget:remaining. At the end of a calendar period
// both agree too.
import { advanceOutside, type Interval } from "./intervals.js";
import type { Amounts } from "./measure.js";
import type { ContractPeriod } from "./periods.js";

/** An objective's error budget for its period, in the indicator's unit (events or seconds) and in percent. */
export interface ErrorBudget {
  /** Bad amount the whole period allows: budget ratio × the period's expected total. */
  readonly allowed: number;
  /** Bad amount measured so far. */
  readonly consumed: number;
  /** allowed - consumed; negative when overspent. */
  readonly remaining: number;
  /** consumed ÷ allowed × 100, exactly; above 100 when overspent. */
  readonly consumedPercent: number;
  /** 100 - consumedPercent; negative when overspent. */
  readonly remainingPercent: number;
}

export type ObjectiveState = "Compliant" | "AtRisk" | "Breached" | "NoData";

/** Rounds away float noise (0.30000000000000004 → 0.3) before comparisons at a boundary. */
export function clean(value: number): number {
  return Number(value.toPrecision(12));
}

/** The period's error budget from what was measured so far; null when nothing was measured. */
export function errorBudget(measured: Amounts, budgetRatio: number, elapsedShare: number): ErrorBudget | null {
  if (!(measured.total > 0) || !(budgetRatio > 0) || !(elapsedShare > 0)) return null;
  const allowed = (budgetRatio * measured.total) / elapsedShare;
  const consumedPercent = (measured.bad / allowed) * 100;
  return { allowed, consumed: measured.bad, remaining: allowed - measured.bad, consumedPercent, remainingPercent: 100 - consumedPercent };
}

/** Attained level (good share) as a ratio of sums; null when nothing was measured. */
export function attainedLevel(measured: Amounts): number | null {
  return measured.total > 0 ? 1 - measured.bad / measured.total : null;
}

/** Burn rate over a window: its bad ratio ÷ the budget ratio (1 spends the budget exactly over the period); null without data. */
export function burnRate(window: Amounts, budgetRatio: number): number | null {
  if (!(window.total > 0) || !(budgetRatio > 0)) return null;
  return window.bad / window.total / budgetRatio;
}

/** What projectExhaustion needs to know. */
export interface ExhaustionInput {
  readonly period: ContractPeriod;
  readonly now: number;
  /** Share of the period's budget spent (consumedPercent / 100). */
  readonly consumedShare: number;
  /** Burn rate the projection assumes from now on. */
  readonly burnRate: number;
  /** Milliseconds of the period outside maintenance. */
  readonly countablePeriodMs: number;
  /** Maintenance, sorted and merged, covering the time ahead: spending pauses during it. */
  readonly maintenance: readonly Interval[];
}

/**
 * When the budget runs out at a constant burn rate, or null if it does not within the period.
 * - Calendar: each countable millisecond at burn rate b spends b ÷ (countable period) of the
 *   budget, so it runs out after remaining × period ÷ b; null when that is at or after the end
 *   of the period (the budget resets first), or b ≤ 0.
 * - Rolling: the window also drops its oldest data as it slides; assuming that data is spread
 *   evenly, spending changes at (b - consumed) ÷ period and the budget runs out after
 *   remaining × period ÷ (b - consumed). Within one period length that happens only when b > 1
 *   (at b ≤ 1 the window settles at b × the budget), so it is null otherwise.
 * Null when the budget is already spent (the state then says Breached).
 */
export function projectExhaustion(input: ExhaustionInput): number | null {
  const { period, now, consumedShare, burnRate: b, countablePeriodMs, maintenance } = input;
  const remaining = 1 - consumedShare;
  if (!(remaining > 0) || !(b > 0) || !(countablePeriodMs > 0)) return null;
  if (period.kind === "rolling") {
    const rise = b - consumedShare;
    if (!(rise > 0)) return null;
    const needed = (remaining * countablePeriodMs) / rise;
    if (needed > countablePeriodMs) return null;
    return advanceOutside(now, needed, maintenance, Infinity) ?? null;
  }
  if (now >= period.end) return null;
  const needed = (remaining * countablePeriodMs) / b;
  const at = advanceOutside(Math.max(now, period.start), needed, maintenance, period.end);
  return at !== undefined && at < period.end ? at : null;
}

/** Thresholds of the state decision. */
export interface StateInput {
  readonly attained: number | null;
  readonly target: number;
  readonly budget: ErrorBudget | null;
  readonly exhaustion: number | null;
  /** AtRisk when less than this percent of the budget remains. */
  readonly atRiskRemainingPercent: number;
}

/**
 * The objective's state and why:
 * - NoData: nothing measured in the period so far (never reported as compliant);
 * - Breached: more than the whole period's budget is spent: the target is missed however well
 *   the rest of the period goes. At exactly 100% the target is still met (AtRisk, and the
 *   budget-exhausted alert, which fires at remaining ≤ 0, is firing);
 * - AtRisk: the level so far is below target (it would be missed if the period ended now), or
 *   the budget runs out before the period ends at the current burn rate, or less than
 *   atRiskRemainingPercent of it remains;
 * - Compliant otherwise.
 */
export function objectiveState(input: StateInput): { state: ObjectiveState; reason: string } {
  const { attained, budget } = input;
  if (attained === null || budget === null) return { state: "NoData", reason: "no events or samples in the period so far" };
  const consumed = clean(budget.consumedPercent);
  if (consumed > 100) return { state: "Breached", reason: `${fmt(consumed)}% of the period's error budget is spent` };
  if (clean(attained) < clean(input.target)) {
    return { state: "AtRisk", reason: `${fmt(attained * 100)}% so far is below the target of ${fmt(input.target * 100)}%` };
  }
  if (input.exhaustion !== null) return { state: "AtRisk", reason: "the error budget runs out before the period ends at the current burn rate" };
  if (clean(budget.remainingPercent) < input.atRiskRemainingPercent) {
    return { state: "AtRisk", reason: `${fmt(budget.remainingPercent)}% of the error budget remains, under ${input.atRiskRemainingPercent}%` };
  }
  return { state: "Compliant", reason: `${fmt(budget.remainingPercent)}% of the error budget remains` };
}

const fmt = (n: number) => String(Number(n.toFixed(2)));

const severity: Readonly<Record<ObjectiveState, number>> = { Compliant: 0, AtRisk: 1, NoData: 2, Breached: 3 };

/** The worse of two states: Breached, then NoData (an unmeasured objective cannot be vouched for), then AtRisk, then Compliant. */
export function worseState(a: ObjectiveState, b: ObjectiveState): ObjectiveState {
  return severity[b] > severity[a] ? b : a;
}
