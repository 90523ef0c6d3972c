// The evaluation service shared by the operator and `slactl report`: reads the recorded tiles of
// many SLAs from Prometheus in one batched fetch and runs the budget engine on them.
//
// - One fetch per call, whatever the number of SLAs: 5-minute tiles over each SLA's period so far
//   (and the 3 days before, for burn rates), chunked under Prometheus' 11,000-point limit, plus
//   hourly tiles only where 5-minute tiles do not reach back far enough (samples.ts). With a
//   `cache` (the operator's), later calls read only the tiles recorded since the last one.
// - Burn rates (1h, 6h, 3d) come from the same tiles, not from the recorded ratio_rate series, so
//   they leave maintenance out like the period figures do and work for a past period.
// - Maintenance comes from the model; an objective without any series is NoData (never 100%).
// - A Prometheus failure throws the adapter's typed PrometheusError: the caller decides (the
//   operator keeps the last figures and says MetricsAvailable=False).
import type { PrometheusClient } from "../adapters/prometheus/index.js";
import {
  formatRfc3339,
  budgetStatus, countableLength, errorBudget, attainedLevel, evaluateSla, defaultEvaluationOptions, periodByLabel, periodContaining, sumOver,
  type BudgetStatus, type ContractPeriod, type EvaluationOptions, type Incident, type Interval, type Sample, type SlaEvaluation,
} from "../compile/budget/index.js";
import type { CompiledSla } from "../compile/index.js";
import type { SlaModel } from "../compile/model.js";
import { fetchSamples, objectiveKey, type FetchOptions, type SampleRequest } from "./samples.js";

/** Which period to evaluate: the one containing `now` (default), a label such as "2026-10", "2026-Q4", "2026-W44", or explicit bounds. */
export type PeriodSelector = string | { readonly start: number | Date; readonly end: number | Date };

export interface EvaluateSlasRequest extends FetchOptions {
  readonly client: PrometheusClient;
  /** Models (compile()'s `value.model`) or whole compile results. */
  readonly slas: readonly (SlaModel | CompiledSla)[];
  readonly now: number | Date;
  readonly period?: PeriodSelector | undefined;
  /** The budget engine's tunables (burn windows, AtRisk threshold, incident threshold). */
  readonly options?: EvaluationOptions | undefined;
  /** Step of the per-objective timelines, seconds. Default 3600; 0 leaves them out. */
  readonly timelineStepSeconds?: number | undefined;
}

/** The period so far at one instant: cumulative figures from the period start. */
export interface TimelinePoint {
  /** End of the step, epoch ms. */
  readonly time: number;
  /** Good share so far (ratio); null while nothing was measured. */
  readonly attained: number | null;
  /** Percent of the whole period's budget spent so far; null while nothing was measured. */
  readonly consumedPercent: number | null;
  readonly remainingPercent: number | null;
  /** Bad and total amounts within this step alone (maintenance left out). */
  readonly bad: number;
  readonly total: number;
}

/** What the report needs beyond the status figures, per objective. */
export interface ObjectiveDetails {
  readonly name: string;
  /** Whether any tile series answered for it (false: MetricsAvailable=False, NoSeries). */
  readonly hasSeries: boolean;
  /** Whether hourly tiles filled in older data. */
  readonly hourly: boolean;
  /** The measured steps, [start, end) epoch ms with bad and total amounts (events, or seconds). */
  readonly samples: readonly Sample[];
  /** Cumulative attained level and budget over the period, one point per timeline step. */
  readonly timeline: readonly TimelinePoint[];
  /** Incidents in the period so far (maintenance cut out). */
  readonly incidents: readonly Incident[];
}

/** Whether the evaluation could measure the SLA. */
export interface MetricsAvailability {
  readonly available: boolean;
  /** SeriesFound, or NoSeries when some objective has no recorded series in the range. */
  readonly reason: "SeriesFound" | "NoSeries";
  readonly message: string;
  /** Objectives without series. */
  readonly missing: readonly string[];
}

export interface SlaResult {
  /** "namespace/name". */
  readonly key: string;
  readonly sla: SlaModel;
  readonly period: ContractPeriod;
  /** The budget engine's full evaluation (ratios, amounts, epoch ms). */
  readonly evaluation: SlaEvaluation;
  /** The figures as the resource's status shows them, rounded as the engine rounds. */
  readonly status: BudgetStatus;
  readonly metrics: MetricsAvailability;
  readonly objectives: readonly ObjectiveDetails[];
}

export interface EvaluateSlasResult {
  /** One per requested SLA, in request order. */
  readonly slas: readonly SlaResult[];
  /** Queries sent to Prometheus (retries not counted). */
  readonly queries: number;
  readonly warnings: readonly string[];
  /** The range of tiles read, epoch ms. */
  readonly range: { readonly start: number; readonly end: number };
  get(namespace: string, name: string): SlaResult | undefined;
}

const toMs = (t: number | Date) => (typeof t === "number" ? t : t.getTime());
const modelOf = (sla: SlaModel | CompiledSla): SlaModel => ("model" in sla ? sla.model : sla);

/** The contract period of an SLA that a selector names. Throws RangeError on a label that names no period. */
export function resolvePeriod(sla: SlaModel, now: number, selector: PeriodSelector | undefined): ContractPeriod {
  if (selector === undefined) return periodContaining(sla.period, now);
  if (typeof selector === "string") {
    const timeZone = sla.period.kind === "calendar" ? sla.period.timeZone : "UTC";
    const period = periodByLabel(selector, timeZone);
    if (!period) throw new RangeError(`not a period label: ${JSON.stringify(selector)} (expected e.g. 2026-10, 2026-Q4 or 2026-W44)`);
    return period;
  }
  const start = toMs(selector.start);
  const end = toMs(selector.end);
  if (!(end > start)) throw new RangeError(`the period ends (${new Date(end).toISOString()}) before it starts (${new Date(start).toISOString()})`);
  // Explicit bounds behave like a rolling window of that length ending at `end`.
  return { kind: "rolling", start, end, timeZone: "UTC", label: `${new Date(start).toISOString()}/${new Date(end).toISOString()}` };
}

const tileMs = 300_000;

/** Evaluates many SLAs against Prometheus with one batched fetch; see the top of this file. */
export async function evaluateSlas(request: EvaluateSlasRequest): Promise<EvaluateSlasResult> {
  // Tiles are complete only up to the last 5-minute mark. Measuring the current period as of that
  // mark keeps a rolling window from losing old good minutes before the new ones can be read,
  // which made figures drift downwards between marks (visible with short periods).
  const evaluatedAt = toMs(request.now);
  const now = request.period === undefined ? Math.floor(evaluatedAt / tileMs) * tileMs : evaluatedAt;
  const models = request.slas.map(modelOf);
  const options = { ...defaultEvaluationOptions, ...request.options };
  const lookBackMs = Math.max(options.projectionWindow, ...options.burnRateWindows) * 1000;
  const periods = models.map((m) => resolvePeriod(m, now, request.period));

  const needs: SampleRequest[] = [];
  let end = -Infinity;
  models.forEach((m, i) => {
    const period = periods[i] as ContractPeriod;
    const at = Math.min(now, period.end);
    end = Math.max(end, at);
    for (const o of m.objectives) needs.push({ namespace: m.namespace, sla: m.name, objective: o.name, start: Math.min(period.start, at - lookBackMs) });
  });
  const fetched = await fetchSamples(request.client, needs, end, request);

  const slas = models.map((sla, i): SlaResult => {
    const period = periods[i] as ContractPeriod;
    const read = sla.objectives.map((o) => ({ name: o.name, read: fetched.byObjective.get(objectiveKey(sla.namespace, sla.name, o.name)) }));
    const samples: Record<string, readonly Sample[]> = {};
    for (const r of read) if (r.read?.hasSeries) samples[r.name] = r.read.samples;
    const evaluation = evaluateSla({ sla, now, period, samples, ...(request.options ? { options: request.options } : {}) });
    const missing = read.filter((r) => !r.read?.hasSeries).map((r) => r.name);
    const stepSeconds = request.timelineStepSeconds ?? 3600;
    return {
      key: `${sla.namespace}/${sla.name}`,
      sla,
      period,
      evaluation,
      // The figures are as of the last complete tile; lastEvaluated says when they were computed.
      status: { ...budgetStatus(evaluation), lastEvaluated: formatRfc3339(evaluatedAt, "UTC") },
      metrics: availability(sla, missing),
      objectives: evaluation.objectives.map((o, k) => {
        const r = read[k];
        const own = samples[o.name] ?? [];
        return {
          name: o.name,
          hasSeries: r?.read?.hasSeries ?? false,
          hourly: r?.read?.hourly ?? false,
          samples: own,
          timeline: stepSeconds > 0 ? timeline(own, period, now, o.budget, evaluation.maintenance, stepSeconds) : [],
          incidents: o.incidentList,
        };
      }),
    };
  });
  const byKey = new Map(slas.map((s) => [s.key, s]));
  return {
    slas,
    queries: fetched.queries,
    warnings: fetched.warnings,
    range: { start: needs.length > 0 ? Math.min(...needs.map((n) => n.start)) : now, end: needs.length > 0 ? end : now },
    get: (namespace, name) => byKey.get(`${namespace}/${name}`),
  };
}

function availability(sla: SlaModel, missing: readonly string[]): MetricsAvailability {
  if (missing.length === 0) {
    return { available: true, reason: "SeriesFound", message: `recorded series found for ${sla.objectives.length === 1 ? "the objective" : `all ${sla.objectives.length} objectives`}`, missing };
  }
  const selector = (o: string) => `sla:sli_events:tile5m{sla_namespace="${sla.namespace}",sla="${sla.name}",objective="${o}"}`;
  return {
    available: false,
    reason: "NoSeries",
    message: `no recorded series in the period for ${missing.map((o) => `objective ${o} (${selector(o)})`).join(", ")}: are the generated rules loaded by Prometheus, and does the indicator's query return data?`,
    missing,
  };
}

/**
 * Cumulative figures from the period start at every step: what the status would have said then
 * (for a rolling period: counted from the start of the window that ends now).
 */
export function timeline(samples: readonly Sample[], period: ContractPeriod, now: number, budget: number, maintenance: readonly Interval[], stepSeconds: number): TimelinePoint[] {
  const stepMs = stepSeconds * 1000;
  const until = Math.min(now, period.end);
  const countablePeriod = countableLength({ start: period.start, end: period.end }, maintenance);
  const out: TimelinePoint[] = [];
  let bad = 0;
  let total = 0;
  for (let from = period.start; from < until; from += stepMs) {
    const to = Math.min(until, from + stepMs);
    const step = sumOver(samples, { start: from, end: to }, maintenance);
    bad += step.bad;
    total += step.total;
    const share = countablePeriod > 0 ? countableLength({ start: period.start, end: to }, maintenance) / countablePeriod : 0;
    const b = errorBudget({ bad, total }, budget, share);
    out.push({ time: to, attained: attainedLevel({ bad, total }), consumedPercent: b?.consumedPercent ?? null, remainingPercent: b?.remainingPercent ?? null, bad: step.bad, total: step.total });
  }
  return out;
}
