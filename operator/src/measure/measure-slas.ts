// The measurement service shared by the operator and `slactl report`: SLAs in, every figure of
// their contract period out, computed by the budget engine from sums that Prometheus adds up
// (tile-sums.ts). Memory and the data read grow with the number of objectives, not with the
// length of their periods: a quarter costs what a day costs, apart from Prometheus' own work.
//
// Per objective it asks for the sums of its tiles over
// - the period so far, [period start, min(now, period end)), maintenance cut out;
// - each burn-rate window [at - window, at), maintenance cut out (also before the period start);
// - the steps whose error ratio makes them part of an incident (a filtered range query);
// - and, where the 5-minute tiles start late (older ones dropped by a shorter retention), the
//   hourly tiles before the first 5-minute one.
// With a SumCache (the operator keeps one) the parts of those ranges that lie on whole settled
// hours are kept between cycles and moved an hour at a time (sum-cache.ts), so a cycle reads a
// few partial hours per objective.
//
// A failure of Prometheus throws its typed PrometheusError; an SLA whose figures cannot be
// computed (a bug, or an absurd spec) gets a result of its own with the reason, and every other
// SLA is measured.
import type { PrometheusClient } from "../adapters/prometheus/index.js";
import {
  budgetStatus, countableLength, formatRfc3339, maintenanceAround, mergeIntervals, periodByLabel, periodContaining, slaFigures, subtractIntervals, windowsNeeded,
  defaultEvaluationOptions,
  type BudgetStatus, type ContractPeriod, type EvaluationOptions, type Interval, type MeasuredAmounts, type SlaEvaluation,
} from "../compile/budget/index.js";
import type { SlaModel } from "../compile/model.js";
import { addSums, readBadSteps, readFirstTiles, readTileSums, refKey, newCost, noSums, type ObjectiveRef, type ReadCost, type ReadOptions, type SumRequest, type TileSums } from "./tile-sums.js";
import { planCachedRanges, type SumCache } from "./sum-cache.js";

/** Which period to measure: the one containing `now` (default), a label such as "2026-10", "2026-Q4", "2026-W44", or explicit bounds. */
export type PeriodSelector = string | { readonly start: number | Date; readonly end: number | Date };

export interface MeasureRequest extends ReadOptions {
  readonly client: PrometheusClient;
  readonly slas: readonly SlaModel[];
  readonly now: number | Date;
  readonly period?: PeriodSelector | undefined;
  /** The budget engine's tunables (burn windows, AtRisk threshold, incident threshold). */
  readonly options?: EvaluationOptions | undefined;
  /** Sums kept across calls (the operator's); without one every range is read whole. */
  readonly cache?: SumCache | undefined;
}

/** Whether the measurement could see the SLA's series. */
export interface MetricsAvailability {
  readonly available: boolean;
  /** SeriesFound; NoSeries when some objective has no recorded series in the range; MeasurementFailed when its figures could not be computed. */
  readonly reason: "SeriesFound" | "NoSeries" | "MeasurementFailed";
  readonly message: string;
  /** Objectives without series. */
  readonly missing: readonly string[];
}

export interface SlaMeasurement {
  /** "namespace/name". */
  readonly key: string;
  readonly sla: SlaModel;
  readonly period: ContractPeriod;
  /** The budget engine's figures (ratios, amounts, epoch ms); undefined when they could not be computed. */
  readonly evaluation: SlaEvaluation | undefined;
  /** The figures as the resource's status shows them; undefined when they could not be computed. */
  readonly status: BudgetStatus | undefined;
  readonly metrics: MetricsAvailability;
  /** Per objective: whether any tile series answered, and whether hourly tiles filled in older data. */
  readonly objectives: readonly { readonly name: string; readonly hasSeries: boolean; readonly hourly: boolean }[];
}

export interface MeasureResult {
  /** One per requested SLA, in request order. */
  readonly slas: readonly SlaMeasurement[];
  /** Queries sent to Prometheus (retries not counted) and samples in their answers. */
  readonly queries: number;
  readonly samples: number;
  readonly warnings: readonly string[];
  get(namespace: string, name: string): SlaMeasurement | undefined;
}

const tileMs = 300_000;
const toMs = (t: number | Date) => (typeof t === "number" ? t : t.getTime());

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

/** What one objective needs read, before reading. */
interface Plan {
  readonly slaIndex: number;
  /** Changes when anything that shapes the objective's sums changes. */
  readonly stamp: string;
  readonly ref: ObjectiveRef;
  readonly key: string;
  readonly budget: number;
  /** The elapsed period and the windows, each as [start, end) before maintenance is cut out. */
  readonly elapsed: Interval;
  readonly windows: ReadonlyMap<number, Interval>;
  /** Where the reads reach back to: min(period start, at - longest window). */
  readonly readStart: number;
  readonly at: number;
  readonly maintenance: readonly Interval[];
}

/** Measures many SLAs against Prometheus; see the top of this file. */
export async function measureSlas(request: MeasureRequest): Promise<MeasureResult> {
  // Tiles are complete only up to the last 5-minute mark: the current period is measured as of
  // it, so a rolling window does not lose old good minutes before new ones can be read.
  const measuredAt = toMs(request.now);
  const now = request.period === undefined ? Math.floor(measuredAt / tileMs) * tileMs : measuredAt;
  const options = { ...defaultEvaluationOptions, ...request.options };
  const windowSeconds = windowsNeeded(options);
  const longestMs = Math.max(...windowSeconds) * 1000;
  const cost = newCost();
  const read: ReadOptions = {
    ...(request.signal ? { signal: request.signal } : {}),
    ...(request.timeoutMs === undefined ? {} : { timeoutMs: request.timeoutMs }),
    ...(request.concurrency === undefined ? {} : { concurrency: request.concurrency }),
    ...(request.namespaces === undefined ? {} : { namespaces: request.namespaces }),
  };

  const failures = new Map<number, string>();
  const periods: (ContractPeriod | undefined)[] = [];
  const maintenances: (readonly Interval[])[] = [];
  const plans: Plan[] = [];
  request.slas.forEach((sla, slaIndex) => {
    try {
      const period = resolvePeriod(sla, now, request.period);
      const maintenance = maintenanceAround(sla, period, now, options);
      periods.push(period);
      maintenances.push(maintenance);
      const at = Math.min(now, period.end);
      const elapsed = { start: period.start, end: Math.max(period.start, at) };
      const windows = new Map(windowSeconds.map((w) => [w, { start: at - w * 1000, end: at }] as const));
      for (const objective of sla.objectives) {
        const ref = { namespace: sla.namespace, sla: sla.name, objective: objective.name };
        // A rolling period moves every cycle and stays the same range; a calendar period is another one when its start changes.
        const stamp = `${period.kind === "rolling" ? "rolling" : period.start}|${objective.budget}|${JSON.stringify(sla.maintenance)}`;
        plans.push({ slaIndex, stamp, ref, key: refKey(ref), budget: objective.budget, elapsed, windows, readStart: Math.min(period.start, at - longestMs), at, maintenance });
      }
    } catch (cause) {
      if (cause instanceof RangeError && request.period !== undefined) throw cause;
      periods.push(undefined);
      maintenances.push([]);
      failures.set(slaIndex, cause instanceof Error ? cause.message : String(cause));
    }
  });

  const counted = (plan: Plan, range: Interval) => subtractIntervals(range, plan.maintenance);
  // 1. Presence and the fine sums, through the cache where one is given.
  const fineRequests: SumRequest[] = [];
  const cached = request.cache ? planCachedRanges(request.cache, plans, now) : undefined;
  for (const plan of plans) {
    const purposes: [string, Interval][] = [["period", plan.elapsed], ...[...plan.windows].map(([w, i]) => [`w${w}`, i] as [string, Interval])];
    for (const [purpose, range] of purposes) {
      const live = cached?.liveRanges(plan.key, purpose, range) ?? [range];
      fineRequests.push({ id: `${plan.key}#${purpose}`, ref: plan.ref, intervals: live.flatMap((r) => counted(plan, r)) });
    }
  }
  if (cached) fineRequests.push(...cached.updateRequests((plan, range) => counted(plan as Plan, range)));
  const fine = await readTileSums(request.client, "5m", fineRequests, read, cost);
  cached?.absorb(fine);

  const fineSum = (plan: Plan, purpose: string): TileSums => addSums(fine.get(`${plan.key}#${purpose}`) ?? noSums, cached?.keptSums(plan.key, purpose) ?? noSums);
  const longest = `w${Math.max(...windowSeconds)}`;

  // 2. Hourly tiles where the 5-minute tiles start late: objectives whose 5-minute tiles cover
  // less than the period and the longest window, and whose first tile is later than needed.
  const late = plans.filter((p) => fineSum(p, "period").coveredMs < countableLength(p.elapsed, p.maintenance) - tileMs
    || fineSum(p, longest).coveredMs < countableLength(p.windows.get(Math.max(...windowSeconds)) as Interval, p.maintenance) - tileMs);
  const firstFine = await firstTiles(request, late, now, read, cost);
  const fallback = new Map<string, number>();
  for (const p of late) {
    const first = firstFine.get(p.key) ?? Math.floor(p.at / tileMs) * tileMs;
    if (first - p.readStart > tileMs) fallback.set(p.key, Math.floor(first / 3_600_000) * 3_600_000);
  }
  const coarseRequests: SumRequest[] = [];
  for (const plan of plans) {
    const until = fallback.get(plan.key);
    if (until === undefined) continue;
    const before = (range: Interval) => counted(plan, { start: range.start, end: Math.min(range.end, until) });
    coarseRequests.push({ id: `${plan.key}#period`, ref: plan.ref, intervals: before(plan.elapsed) });
    for (const [w, range] of plan.windows) coarseRequests.push({ id: `${plan.key}#w${w}`, ref: plan.ref, intervals: before(range) });
  }
  const coarse = coarseRequests.length > 0 ? await readTileSums(request.client, "1h", coarseRequests, read, cost) : new Map<string, TileSums>();

  // 3. Bad steps for incidents.
  const threshold = (p: Plan) => options.incidentBurnRate * p.budget;
  const badFine = await readBadSteps(request.client, "5m", plans.map((p) => ({ ref: p.ref, thresholdRatio: threshold(p), range: p.elapsed })).flatMap((r) => (cached?.liveBadRanges(refKey(r.ref), r.range) ?? [r.range]).map((range) => ({ ...r, range }))), read, cost);
  const badCoarse = fallback.size > 0
    ? await readBadSteps(request.client, "1h", plans.filter((p) => fallback.has(p.key)).map((p) => ({ ref: p.ref, thresholdRatio: threshold(p), range: { start: p.elapsed.start, end: Math.min(p.elapsed.end, fallback.get(p.key) as number) } })), read, cost)
    : new Map<string, Interval[]>();
  if (cached) {
    const updates = await readBadSteps(request.client, "5m", cached.badUpdateRequests((plan) => threshold(plan as Plan)), read, cost);
    cached.absorbBad(updates);
  }

  const measured = new Map<string, { amounts: MeasuredAmounts; present: boolean; hourly: boolean }>();
  for (const plan of plans) {
    const sum = (purpose: string) => addSums(fineSum(plan, purpose), coarse.get(`${plan.key}#${purpose}`) ?? noSums);
    const period = sum("period");
    const bad = [...(cached?.keptBad(plan.key) ?? []), ...(badFine.get(plan.key) ?? []), ...(badCoarse.get(plan.key) ?? [])];
    const clipped = bad.flatMap((i) => counted(plan, { start: Math.max(i.start, plan.elapsed.start), end: Math.min(i.end, plan.elapsed.end) }));
    const purposes = ["period", ...[...plan.windows.keys()].map((w) => `w${w}`)];
    const present = purposes.some((p) => sum(p).coveredMs > 0);
    measured.set(plan.key, {
      present,
      hourly: fallback.has(plan.key) && purposes.some((p) => (coarse.get(`${plan.key}#${p}`)?.coveredMs ?? 0) > 0),
      amounts: {
        period: { bad: Math.min(period.bad, period.total), total: period.total },
        windows: new Map([...plan.windows.keys()].map((w) => {
          const s = sum(`w${w}`);
          return [w, { bad: Math.min(s.bad, s.total), total: s.total }] as const;
        })),
        badIntervals: mergeIntervals(clipped),
        coveredMs: period.coveredMs,
      },
    });
  }

  const slas = request.slas.map((sla, i): SlaMeasurement => {
    const key = `${sla.namespace}/${sla.name}`;
    const period = periods[i];
    const failure = failures.get(i);
    if (period === undefined || failure !== undefined) return failed(sla, key, period ?? periodContaining({ kind: "rolling", seconds: 86_400 }, now), failure ?? "no period");
    try {
      const own: Record<string, MeasuredAmounts> = {};
      const objectives: { name: string; hasSeries: boolean; hourly: boolean }[] = [];
      const missing: string[] = [];
      for (const o of sla.objectives) {
        const m = measured.get(refKey({ namespace: sla.namespace, sla: sla.name, objective: o.name }));
        objectives.push({ name: o.name, hasSeries: m?.present ?? false, hourly: m?.hourly ?? false });
        if (m?.present) own[o.name] = m.amounts;
        else missing.push(o.name);
      }
      const evaluation = slaFigures({ sla, now, period, maintenance: maintenances[i] ?? [], measured: own, options: request.options });
      return {
        key, sla, period, evaluation,
        // The figures are as of the last complete tile; lastEvaluated says when they were computed.
        status: { ...budgetStatus(evaluation), lastEvaluated: formatRfc3339(measuredAt, "UTC") },
        metrics: availability(sla, missing),
        objectives,
      };
    } catch (cause) {
      return failed(sla, key, period, cause instanceof Error ? cause.message : String(cause));
    }
  });
  const byKey = new Map(slas.map((s) => [s.key, s]));
  return { slas, queries: cost.queries, samples: cost.samples, warnings: [...cost.warnings], get: (namespace, name) => byKey.get(`${namespace}/${name}`) };
}

/** First 5-minute tiles of the late objectives; kept in the cache for an hour, as they move only when retention drops tiles. */
async function firstTiles(request: MeasureRequest, late: readonly Plan[], now: number, read: ReadOptions, cost: ReadCost): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const cache = request.cache;
  const unknown = late.filter((p) => {
    const kept = cache?.firstTiles.get(p.key);
    if (kept && kept.stamp === p.stamp && now - kept.readAt < 3_600_000) {
      if (kept.first !== undefined) out.set(p.key, kept.first);
      return false;
    }
    return true;
  });
  if (unknown.length === 0) return out;
  const found = await readFirstTiles(request.client, unknown.map((p) => p.ref), { start: Math.min(...unknown.map((p) => p.readStart)), end: now }, read, cost);
  for (const p of unknown) {
    const first = found.get(p.key);
    if (first !== undefined) out.set(p.key, first);
    cache?.firstTiles.set(p.key, { stamp: p.stamp, readAt: now, first });
  }
  return out;
}


function failed(sla: SlaModel, key: string, period: ContractPeriod, message: string): SlaMeasurement {
  return {
    key, sla, period, evaluation: undefined, status: undefined, objectives: sla.objectives.map((o) => ({ name: o.name, hasSeries: false, hourly: false })),
    metrics: { available: false, reason: "MeasurementFailed", message: `the figures of ${key} could not be computed: ${message}`, missing: sla.objectives.map((o) => o.name) },
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

export type { ReadCost };
