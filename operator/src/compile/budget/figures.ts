// Puts the pieces together: for each objective of an SLA, what it attained in the contract period
// so far, its error budget, burn rates, projected exhaustion, incidents and state; for the SLA,
// the worst of them and the credit owed.
//
// Which data is used for what:
// - the period figures (attained, budget, incidents) use [period start, min(now, period end));
// - burn rates use [now - window, now) (for a period that is over: up to its end), also before
//   the period start when the samples reach there, so pass samples from min(period start, now - 3d) on;
// - maintenance is left out of everything, burn rates included: it spends no budget.
import { isEventBased } from "../sli.js";
import type { ObjectiveModel, SlaModel } from "../model.js";
import {
  attainedLevel, burnRate, errorBudget, objectiveState, projectExhaustion, worseState,
  type ErrorBudget, type ObjectiveState,
} from "./budget.js";
import { serviceCredit } from "./credits.js";
import { badIntervals, mergeIncidents, summarizeIncidents, type Incident, type IncidentSummary } from "./incidents.js";
import { clipIntervals, type Interval } from "./intervals.js";
import { maintenanceIntervals } from "./maintenance.js";
import { countableLength, coveredLength, normalizeSamples, sumOver, type Amounts, type Sample } from "./measure.js";
import { periodContaining, type ContractPeriod } from "./periods.js";

/** Tunables of the evaluation; every one has a default. */
export interface EvaluationOptions {
  /** Windows of the reported burn rates, seconds. Default 1h, 6h, 3d. */
  readonly burnRateWindows?: readonly number[];
  /** Window whose burn rate projects exhaustion, seconds. Default 6h: current, but not as jumpy as 1h. */
  readonly projectionWindow?: number;
  /** AtRisk when less than this percent of the budget remains. Default 25. */
  readonly atRiskRemainingPercent?: number;
  /** A step belongs to an incident when its burn rate exceeds this. Default 14.4. */
  readonly incidentBurnRate?: number;
  /** Incidents closer together than this are merged, seconds. Default 15m. */
  readonly incidentMergeGap?: number;
}

/** The defaults of EvaluationOptions. */
export const defaultEvaluationOptions = {
  burnRateWindows: [3600, 21_600, 259_200],
  projectionWindow: 21_600,
  atRiskRemainingPercent: 25,
  incidentBurnRate: 14.4,
  incidentMergeGap: 900,
} as const satisfies Required<EvaluationOptions>;

/** A burn rate over one window; null when the window has no data. */
export interface WindowBurnRate {
  readonly windowSeconds: number;
  readonly rate: number | null;
}

/** Everything measured and derived for one objective. Ratios are 0..1, times epoch milliseconds. */
export interface ObjectiveEvaluation {
  readonly name: string;
  /** Target ratio, e.g. 0.999. */
  readonly target: number;
  /** Budget ratio, 1 - target. */
  readonly budget: number;
  /** Unit of the absolute amounts: events, or seconds for time-based indicators. */
  readonly unit: "events" | "seconds";
  readonly state: ObjectiveState;
  /** One sentence on why the state is what it is. */
  readonly reason: string;
  /** Bad and total in the period so far, maintenance left out. */
  readonly measured: Amounts;
  /** Good share in the period so far (ratio of sums); null when nothing was measured. */
  readonly attained: number | null;
  readonly errorBudget: ErrorBudget | null;
  readonly burnRates: readonly WindowBurnRate[];
  /** When the budget runs out at the projection window's burn rate; null if not within the period. */
  readonly exhaustion: number | null;
  readonly incidents: IncidentSummary;
  readonly incidentList: readonly Incident[];
  /** Share of the elapsed time outside maintenance that samples cover; null when none has elapsed. */
  readonly coverage: number | null;
  /** Share of the period's time outside maintenance that has elapsed (1 for rolling periods). */
  readonly elapsedShare: number;
}

/** What was read for one objective, however it was read (summed by Prometheus or from samples): the budget engine's input. */
export interface MeasuredAmounts {
  /** Bad and total in the period so far, [period start, min(now, period end)), maintenance left out. */
  readonly period: Amounts;
  /** Amounts over [at - window, at) per window length in seconds (at = min(now, period end)), maintenance left out. */
  readonly windows: ReadonlyMap<number, Amounts>;
  /** Bad steps in the period so far as sorted, merged intervals, maintenance cut out. */
  readonly badIntervals: readonly Interval[];
  /** Milliseconds of the elapsed period, outside maintenance, covered by data. */
  readonly coveredMs: number;
}

/** Inputs of objectiveFigures. */
export interface ObjectiveFiguresInput {
  readonly objective: ObjectiveModel;
  readonly period: ContractPeriod;
  readonly now: number;
  readonly measured: MeasuredAmounts;
  /** Maintenance intervals, sorted and merged, from now - the longest burn window to the end of the period (or now + 2 periods when rolling). */
  readonly maintenance: readonly Interval[];
  readonly options?: EvaluationOptions;
}

/** The windows whose amounts the engine needs: the burn-rate windows and the projection window, seconds, ascending. */
export function windowsNeeded(options: EvaluationOptions = {}): number[] {
  const o = { ...defaultEvaluationOptions, ...options };
  return [...new Set([...o.burnRateWindows, o.projectionWindow])].sort((a, b) => a - b);
}

/** Every figure of one objective from what was measured: the one place figures are computed. */
export function objectiveFigures(input: ObjectiveFiguresInput): ObjectiveEvaluation {
  const { objective, period, now, maintenance, measured } = input;
  const options = { ...defaultEvaluationOptions, ...input.options };
  const elapsed: Interval = { start: period.start, end: Math.max(period.start, Math.min(now, period.end)) };
  const countablePeriodMs = countableLength({ start: period.start, end: period.end }, maintenance);
  const countableElapsedMs = countableLength(elapsed, maintenance);
  const elapsedShare = countablePeriodMs > 0 ? countableElapsedMs / countablePeriodMs : 0;
  const attained = attainedLevel(measured.period);
  const budget = errorBudget(measured.period, objective.budget, elapsedShare);
  const rateOver = (seconds: number) => burnRate(measured.windows.get(seconds) ?? { bad: 0, total: 0 }, objective.budget);
  const burnRates = options.burnRateWindows.map((w) => ({ windowSeconds: w, rate: rateOver(w) }));
  const projectionRate = rateOver(options.projectionWindow);
  const exhaustion = budget && projectionRate !== null
    ? projectExhaustion({ period, now, consumedShare: budget.consumedPercent / 100, burnRate: projectionRate, countablePeriodMs, maintenance })
    : null;
  const incidentList = mergeIncidents(measured.badIntervals, options.incidentMergeGap * 1000);
  const { state, reason } = objectiveState({ attained, target: objective.target, budget, exhaustion, atRiskRemainingPercent: options.atRiskRemainingPercent });
  return {
    name: objective.name,
    target: objective.target,
    budget: objective.budget,
    unit: isEventBased(objective.indicator) ? "events" : "seconds",
    state,
    reason,
    measured: measured.period,
    attained,
    errorBudget: budget,
    burnRates,
    exhaustion,
    incidents: summarizeIncidents(incidentList, countableElapsedMs),
    incidentList,
    coverage: countableElapsedMs > 0 ? measured.coveredMs / countableElapsedMs : null,
    elapsedShare,
  };
}

/** The amounts the engine needs, summed from samples (the way a report or a test holds the data). */
export function amountsFromSamples(input: { readonly objective: ObjectiveModel; readonly period: ContractPeriod; readonly now: number; readonly samples: readonly Sample[]; readonly maintenance: readonly Interval[]; readonly options?: EvaluationOptions | undefined }): MeasuredAmounts {
  const { period, now, maintenance } = input;
  const options = { ...defaultEvaluationOptions, ...input.options };
  const samples = normalizeSamples(input.samples);
  const elapsed: Interval = { start: period.start, end: Math.max(period.start, Math.min(now, period.end)) };
  // Burn rates look back from now, or from the end of a period that is over (a report).
  const at = Math.min(now, period.end);
  const windows = new Map(windowsNeeded(options).map((w) => [w, sumOver(samples, { start: at - w * 1000, end: at }, maintenance)] as const));
  return {
    period: sumOver(samples, elapsed, maintenance),
    windows,
    badIntervals: badIntervals(samples, elapsed, maintenance, options.incidentBurnRate * input.objective.budget),
    coveredMs: coveredLength(samples, elapsed, maintenance),
  };
}

/** Inputs of evaluateObjective. */
export interface ObjectiveInput {
  readonly objective: ObjectiveModel;
  readonly period: ContractPeriod;
  readonly now: number;
  readonly samples: readonly Sample[];
  /** Maintenance intervals, sorted and merged, from now - the longest burn window to the end of the period (or now + 2 periods when rolling). */
  readonly maintenance: readonly Interval[];
  readonly options?: EvaluationOptions;
}

/** Evaluates one objective over its contract period so far, from samples. */
export function evaluateObjective(input: ObjectiveInput): ObjectiveEvaluation {
  return objectiveFigures({ ...input, measured: amountsFromSamples(input) });
}

/** Everything measured and derived for an SLA. */
export interface SlaEvaluation {
  readonly now: number;
  readonly period: ContractPeriod;
  /** Worst of the objectives' states. */
  readonly state: ObjectiveState;
  /** Worst objective's attained ratio; null unless every objective has data. */
  readonly compliance: number | null;
  /** Percent of the fee owed at that compliance if the period ended now; null when compliance is. */
  readonly credit: number | null;
  /** Smallest remaining budget of the objectives, percent; null unless every objective has data. */
  readonly budgetRemainingPercent: number | null;
  readonly objectives: readonly ObjectiveEvaluation[];
  /** Maintenance inside the period, sorted and merged. */
  readonly maintenance: readonly Interval[];
}

/** Inputs of evaluateSla. */
export interface SlaInput {
  readonly sla: SlaModel;
  readonly now: number;
  /** Samples per objective name; an objective without an entry has no data. */
  readonly samples: Readonly<Record<string, readonly Sample[]>>;
  /** The period to evaluate; default the one containing now. Give a past one (now ≥ its end) for a report. */
  readonly period?: ContractPeriod;
  readonly options?: EvaluationOptions;
}

/** The maintenance intervals an SLA's figures need around a period: from the longest look-back before it to its end (two periods ahead when rolling). */
export function maintenanceAround(sla: SlaModel, period: ContractPeriod, now: number, options: EvaluationOptions = {}): Interval[] {
  const o = { ...defaultEvaluationOptions, ...options };
  const longest = Math.max(o.projectionWindow, ...o.burnRateWindows) * 1000;
  const length = period.end - period.start;
  const horizon = period.kind === "rolling" ? now + 2 * length : period.end;
  return maintenanceIntervals(sla.maintenance, { start: Math.min(period.start, Math.min(now, period.end) - longest), end: Math.max(horizon, now) });
}

/** Inputs of slaFigures. */
export interface SlaFiguresInput {
  readonly sla: SlaModel;
  readonly now: number;
  readonly period: ContractPeriod;
  /** From maintenanceAround. */
  readonly maintenance: readonly Interval[];
  /** What was measured per objective name; an objective without an entry has no data. */
  readonly measured: Readonly<Record<string, MeasuredAmounts>>;
  readonly options?: EvaluationOptions | undefined;
}

const nothingMeasured: MeasuredAmounts = { period: { bad: 0, total: 0 }, windows: new Map(), badIntervals: [], coveredMs: 0 };

/** Every figure of an SLA from what was measured per objective: the objectives', the worst of them and the credit. */
export function slaFigures(input: SlaFiguresInput): SlaEvaluation {
  const { sla, now, period, maintenance } = input;
  const objectives = sla.objectives.map((objective) => objectiveFigures({
    objective,
    period,
    now,
    measured: Object.hasOwn(input.measured, objective.name) ? (input.measured[objective.name] ?? nothingMeasured) : nothingMeasured,
    maintenance,
    ...(input.options ? { options: input.options } : {}),
  }));
  const state = objectives.reduce<ObjectiveState>((worst, o) => worseState(worst, o.state), "Compliant");
  const attained = objectives.map((o) => o.attained);
  const remaining = objectives.map((o) => o.errorBudget?.remainingPercent ?? null);
  const compliance = objectives.length > 0 && attained.every((a) => a !== null) ? Math.min(...(attained as number[])) : null;
  const budgetRemainingPercent = objectives.length > 0 && remaining.every((r) => r !== null) ? Math.min(...(remaining as number[])) : null;
  return {
    now,
    period,
    state: objectives.length > 0 ? state : "NoData",
    compliance,
    credit: compliance === null ? null : serviceCredit(sla.credits, compliance),
    budgetRemainingPercent,
    objectives,
    maintenance: clipIntervals(maintenance, { start: period.start, end: period.end }),
  };
}

/** Evaluates every objective of an SLA over a contract period from samples, with maintenance expanded from the SLA. */
export function evaluateSla(input: SlaInput): SlaEvaluation {
  const { sla, now } = input;
  const period = input.period ?? periodContaining(sla.period, now);
  const maintenance = maintenanceAround(sla, period, now, input.options);
  const measured: Record<string, MeasuredAmounts> = {};
  for (const objective of sla.objectives) {
    if (!Object.hasOwn(input.samples, objective.name)) continue;
    measured[objective.name] = amountsFromSamples({ objective, period, now, samples: input.samples[objective.name] ?? [], maintenance, options: input.options });
  }
  return slaFigures({ sla, now, period, maintenance, measured, options: input.options });
}
