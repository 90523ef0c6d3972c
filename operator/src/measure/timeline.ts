// The course of an objective's period for charts: cumulative attained level and budget at every
// step from the period start, computed from tiles (tiles.ts) by the same budget arithmetic as the
// figures. Only `slactl report` draws it; the operator never reads tiles.
import type { PrometheusClient } from "../adapters/prometheus/index.js";
import { attainedLevel, countableLength, errorBudget, sumOver, type ContractPeriod, type Interval, type Sample } from "../compile/budget/index.js";
import type { SlaMeasurement } from "./measure-slas.js";
import { fetchSamples, objectiveKey, type FetchOptions, type SampleRequest } from "./tiles.js";

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

/** The timelines of measured SLAs (per SLA key, per objective), read from their tiles: what a report draws. */
export async function readTimelines(client: PrometheusClient, measured: readonly SlaMeasurement[], stepSeconds: number, options: FetchOptions = {}): Promise<Map<string, Record<string, TimelinePoint[]>>> {
  const requests: SampleRequest[] = [];
  let end = -Infinity;
  for (const m of measured) {
    if (!m.evaluation) continue;
    end = Math.max(end, Math.min(m.evaluation.now, m.period.end));
    for (const o of m.sla.objectives) requests.push({ namespace: m.sla.namespace, sla: m.sla.name, objective: o.name, start: m.period.start });
  }
  const out = new Map<string, Record<string, TimelinePoint[]>>();
  if (requests.length === 0) return out;
  const fetched = await fetchSamples(client, requests, end, options);
  for (const m of measured) {
    const evaluation = m.evaluation;
    if (!evaluation) continue;
    const own: Record<string, TimelinePoint[]> = {};
    for (const o of evaluation.objectives) {
      const samples = fetched.byObjective.get(objectiveKey(m.sla.namespace, m.sla.name, o.name))?.samples ?? [];
      own[o.name] = timeline(samples, m.period, evaluation.now, o.budget, evaluation.maintenance, stepSeconds);
    }
    out.set(m.key, own);
  }
  return out;
}
