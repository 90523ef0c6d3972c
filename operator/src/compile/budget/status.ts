// An SlaEvaluation in the shape of the resource's `status` (DESIGN.md): the figures the operator
// writes through the status subresource. observedGeneration, generated and conditions belong to
// the controller and are not produced here.
//
// Rounding to 2 decimals, always in the direction that does not flatter the service:
// - attained and compliance round DOWN, so 99.9999% shows 99.99 (never 100 while anything was
//   bad) and 99.895% shows 99.89, not a target-meeting 99.9;
// - consumed rounds UP and remaining is 100 - consumed, i.e. rounds down;
// - burn rates and credits round half away from zero.
// Decisions (state, credit) use the unrounded figures. Fields that are unknown are absent, never
// zero or 100: no data has no compliance. Times: period bounds as RFC 3339 with the period's
// zone offset, instants (lastEvaluated, exhaustion) in UTC.
import { formatDuration } from "../duration.js";
import type { ObjectiveState } from "./budget.js";
import type { ObjectiveEvaluation, SlaEvaluation } from "./figures.js";
import { formatElapsed } from "./incidents.js";
import { formatRfc3339 } from "./zone.js";

/** One objective in status.objectives. Percent figures have 2 decimals. */
export interface ObjectiveStatus {
  readonly name: string;
  readonly attained?: number;
  readonly target: number;
  readonly errorBudget?: { readonly remaining: number; readonly consumed: number };
  /** Burn rate per window, keyed "1h", "6h", "3d"; windows without data are left out. */
  readonly burnRate: Readonly<Record<string, number>>;
  readonly exhaustion?: string;
  readonly incidents: { readonly count: number; readonly mttr?: string; readonly mtbf?: string };
  readonly state: ObjectiveState;
}

/** The budget engine's part of the SLA status. */
export interface BudgetStatus {
  readonly lastEvaluated: string;
  readonly period: { readonly start: string; readonly end: string };
  readonly state: ObjectiveState;
  readonly compliance?: number;
  readonly credit?: number;
  /** Remaining budget of the worst objective (the smallest), percent: the BUDGET printer column. */
  readonly budgetRemaining?: number;
  readonly objectives: readonly ObjectiveStatus[];
}

const scaled = (value: number) => Number((value * 100).toPrecision(12));

/** Rounds down to 2 decimals, ignoring float noise below 12 significant digits. */
export function floor2(value: number): number {
  return clean2(Math.floor(scaled(value)) / 100);
}

/** Rounds up to 2 decimals, ignoring float noise below 12 significant digits. */
export function ceil2(value: number): number {
  return clean2(Math.ceil(scaled(value)) / 100);
}

/** Rounds half away from zero to 2 decimals. */
export function round2(value: number): number {
  const s = scaled(value);
  return clean2((Math.sign(s) * Math.round(Math.abs(s))) / 100);
}

// Normalizes -0 to 0 and trims the float tail of the division.
const clean2 = (value: number) => Number(value.toFixed(2)) + 0;

/** The status block of an evaluated SLA. */
export function budgetStatus(evaluation: SlaEvaluation): BudgetStatus {
  const { period } = evaluation;
  const objectives = evaluation.objectives.map(objectiveStatus);
  // The smallest remaining figure as shown per objective, so the column matches the objectives.
  const remaining = objectives.map((o) => o.errorBudget?.remaining);
  const budgetRemaining = evaluation.budgetRemainingPercent === null || remaining.some((r) => r === undefined) ? null : Math.min(...(remaining as number[]));
  return {
    lastEvaluated: formatRfc3339(evaluation.now, "UTC"),
    period: { start: formatRfc3339(period.start, period.timeZone), end: formatRfc3339(period.end, period.timeZone) },
    state: evaluation.state,
    ...(evaluation.compliance === null ? {} : { compliance: floor2(evaluation.compliance * 100) }),
    ...(evaluation.credit === null ? {} : { credit: round2(evaluation.credit) }),
    ...(budgetRemaining === null ? {} : { budgetRemaining }),
    objectives,
  };
}

/** One objective's entry of status.objectives. */
export function objectiveStatus(o: ObjectiveEvaluation): ObjectiveStatus {
  const burnRate: Record<string, number> = {};
  for (const b of o.burnRates) if (b.rate !== null) burnRate[formatDuration(b.windowSeconds)] = round2(b.rate);
  const consumed = o.errorBudget === null ? null : ceil2(o.errorBudget.consumedPercent);
  return {
    name: o.name,
    ...(o.attained === null ? {} : { attained: floor2(o.attained * 100) }),
    target: Number((o.target * 100).toPrecision(12)),
    ...(consumed === null ? {} : { errorBudget: { remaining: clean2(100 - consumed), consumed } }),
    burnRate,
    // Whole seconds: a projection has no meaningful milliseconds, and metav1 times have none (a
    // fractional millisecond made the API server refuse the whole status).
    ...(o.exhaustion === null ? {} : { exhaustion: formatRfc3339(Math.floor(o.exhaustion / 1000) * 1000, "UTC") }),
    incidents: {
      count: o.incidents.count,
      ...(o.incidents.mttrSeconds === null ? {} : { mttr: formatElapsed(o.incidents.mttrSeconds) }),
      ...(o.incidents.mtbfSeconds === null ? {} : { mtbf: formatElapsed(o.incidents.mtbfSeconds) }),
    },
    state: o.state,
  };
}
