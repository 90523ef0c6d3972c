// What one evaluation cycle found for an SLA (an FiguresRecord) and how it enters the status:
// the figures of the budget engine (state, compliance, budgetRemaining, credit, period,
// lastEvaluated, objectives) and the conditions MetricsAvailable, Compliant and ReviewDue. Pure:
// time comes in as a parameter.
//
// - Measured: the figures are replaced (unknown ones removed, never written as 0 or 100);
//   MetricsAvailable=True (SeriesFound) or False (NoSeries); Compliant from the levels so far.
// - Prometheus failed: the last figures stay; MetricsAvailable=False with the reason
//   (PrometheusUnreachable, QueryFailed); Compliant keeps what it said.
// - lastEvaluated (and the bounds of a rolling period, which end at it) moves only with a change
//   of anything else, or when it is older than the heartbeat (default 10 minutes): an evaluation
//   that changes nothing writes nothing.
// - An SLA whose spec is invalid (state Invalid) is left alone: its last figures stay.
// - IndicatorMatchesData, checked once per revision by the measurement loop, is set when the
//   record carries it, removed when the SLA has nothing to check.
import { isDeepStrictEqual } from "node:util";
import type { BudgetStatus, ObjectiveState } from "../compile/budget/index.js";
import { clean } from "../compile/budget/budget.js";
import type { SlaEvaluation } from "../compile/budget/index.js";
import type { MetricsAvailability } from "../measure/index.js";
import type { ReviewStatus } from "../measure/review.js";
import { findCondition, setCondition, type Condition, type ConditionUpdate } from "./conditions.js";
import type { OwnedStatus } from "./status.js";

export type FiguresOutcome =
  | {
      readonly kind: "measured";
      readonly status: BudgetStatus;
      readonly metrics: MetricsAvailability;
      readonly compliant: ConditionUpdate;
      /** A rolling period: its bounds move with every evaluation, like lastEvaluated. */
      readonly periodMoves: boolean;
    }
  | { readonly kind: "failed"; readonly reason: "PrometheusUnreachable" | "QueryFailed" | "EvaluationFailed" | "PartialResponse"; readonly message: string };

/** One SLA's result of one evaluation cycle. */
export interface FiguresRecord {
  /** The SLA generation whose spec was evaluated. */
  readonly generation: number;
  /** When it was evaluated, epoch ms. */
  readonly at: number;
  readonly review: ReviewStatus;
  readonly outcome: FiguresOutcome;
  /**
   * IndicatorMatchesData as last checked for this revision (indicator-condition.ts); null when the
   * SLA has nothing to check (the condition goes), absent when not checked yet (it stays as it is).
   */
  readonly indicator?: ConditionUpdate | null | undefined;
}

/** Where the reconciler finds the latest record of an SLA. */
export interface FiguresStore {
  get(key: string): FiguresRecord | undefined;
}

/** The figure fields the evaluation owns in the status. */
export const figureFields = ["lastEvaluated", "period", "state", "compliance", "budgetRemaining", "credit", "objectives"] as const;

export const evaluatedStates: readonly string[] = ["Compliant", "AtRisk", "Breached", "NoData"] satisfies readonly ObjectiveState[];

/** Default: lastEvaluated is refreshed at least this often while evaluations succeed. */
export const defaultHeartbeatMs = 10 * 60_000;

const percent = (ratio: number) => `${Number((ratio * 100).toFixed(4))}%`;

/**
 * The Compliant condition: True when every objective's attained level for the period so far is
 * at or above its target (the contract would be met if the period ended now), False when one is
 * below, Unknown when an objective has no data. AtRisk objectives that still meet their target
 * (budget running low or out before the period ends) are Compliant=True.
 */
export function compliantCondition(evaluation: SlaEvaluation): ConditionUpdate {
  const noData = evaluation.objectives.filter((o) => o.attained === null).map((o) => o.name);
  if (noData.length > 0 || evaluation.objectives.length === 0) {
    return { type: "Compliant", status: "Unknown", reason: "NoData", message: `nothing measured in the period so far for ${noData.join(", ") || "any objective"}` };
  }
  const missed = evaluation.objectives.filter((o) => clean(o.attained as number) < clean(o.target));
  if (missed.length > 0) {
    const spent = missed.some((o) => o.state === "Breached");
    return {
      type: "Compliant", status: "False", reason: "TargetMissed",
      message: `${missed.map((o) => `${o.name} is at ${percent(o.attained as number)}, below its target of ${percent(o.target)}`).join("; ")} for the period so far${spent ? "; the period's error budget is spent, so the period misses its target" : ""}`,
    };
  }
  return {
    type: "Compliant", status: "True", reason: "TargetsMet",
    message: evaluation.objectives.map((o) => `${o.name} ${percent(o.attained as number)} ≥ ${percent(o.target)}`).join("; "),
  };
}

function metricsCondition(outcome: FiguresOutcome): ConditionUpdate {
  if (outcome.kind === "failed") return { type: "MetricsAvailable", status: "False", reason: outcome.reason, message: outcome.message };
  const m = outcome.metrics;
  return { type: "MetricsAvailable", status: m.available ? "True" : "False", reason: m.reason, message: m.message };
}

function reviewCondition(review: ReviewStatus): ConditionUpdate {
  return { type: "ReviewDue", status: review.due ? "True" : "False", reason: review.reason, message: review.message };
}

/** Default: how long figures may go unmeasured (Prometheus failing) before Compliant turns Unknown. */
export const defaultStaleAfterMs = 15 * 60_000;

/**
 * The status with a record applied. `heartbeatMs`: how old lastEvaluated may get before an
 * evaluation that changed nothing else refreshes it; `staleAfterMs`: how old it may get, while
 * measurements fail, before Compliant says Unknown instead of what it said last.
 */
export function applyFigures(current: OwnedStatus | undefined, record: FiguresRecord, now: Date, heartbeatMs = defaultHeartbeatMs, staleAfterMs = defaultStaleAfterMs): OwnedStatus {
  const base: OwnedStatus = current ?? {};
  if (base.state === "Invalid") return base;
  let conditions: Condition[] = [...((base.conditions ?? []) as readonly Condition[])];
  const set = (update: ConditionUpdate): void => {
    conditions = setCondition(conditions, update, now, record.generation);
  };
  const next: OwnedStatus = { ...base };
  const metrics = metricsCondition(record.outcome);
  const previous = findCondition(conditions, "MetricsAvailable");
  // While the same failure goes on, keep its first message: each attempt words it differently.
  set(record.outcome.kind === "failed" && previous?.status === "False" && previous.reason === metrics.reason ? { ...metrics, message: previous.message } : metrics);
  set(reviewCondition(record.review));
  if (record.indicator === null) conditions = conditions.filter((c) => c.type !== "IndicatorMatchesData");
  else if (record.indicator !== undefined) set(record.indicator);
  if (record.outcome.kind === "measured") {
    for (const field of figureFields) delete next[field];
    Object.assign(next, record.outcome.status);
    set(record.outcome.compliant);
  } else {
    const compliant = findCondition(conditions, "Compliant");
    const measuredAt = typeof base.lastEvaluated === "string" ? Date.parse(base.lastEvaluated) : Number.NaN;
    if (!compliant || compliant.reason === "NotEvaluated") {
      set({ type: "Compliant", status: "Unknown", reason: "MetricsUnavailable", message: "not measured yet: Prometheus could not be read" });
    } else if (compliant.status !== "Unknown" && Number.isFinite(measuredAt) && now.getTime() - measuredAt >= staleAfterMs) {
      // What it said last cannot be vouched for any more.
      set({ type: "Compliant", status: "Unknown", reason: "MetricsStale", message: `not measured since ${base.lastEvaluated}: ${record.outcome.message}` });
    }
  }
  next.conditions = conditions.map((c) => ({ ...c }));
  // Nothing but the time changed (lastEvaluated, and the bounds of a rolling period): keep the
  // old values until the heartbeat is due.
  const last = typeof base["lastEvaluated"] === "string" ? Date.parse(base["lastEvaluated"]) : Number.NaN;
  if (Number.isFinite(last) && record.outcome.kind === "measured" && now.getTime() - last < heartbeatMs) {
    const withOld: OwnedStatus = { ...next, lastEvaluated: base.lastEvaluated as string, ...(record.outcome.periodMoves && base.period !== undefined ? { period: base.period } : {}) };
    if (sameFigures(base, withOld)) return withOld;
  }
  return next;
}

function sameFigures(a: OwnedStatus, b: OwnedStatus): boolean {
  // Key order does not matter: the API server returns objects with sorted keys.
  return isDeepStrictEqual(pick(a), pick(b));
}

function pick(s: OwnedStatus): unknown {
  return [...figureFields.map((f) => s[f] ?? null), (s.conditions ?? []).map((c) => [c.type, c.status, c.reason, c.message])];
}
