// The measurement: every rule's expression as an instant query at each of its evaluation times in
// the measured hour, as Prometheus' rule manager would run it, summing what `stats=all` reports.
import type { BenchRule } from "./rulesets.js";
import type { Plan } from "./plan.js";
import { progress, type Queryable } from "./processes.js";

export interface RuleCost {
  readonly rule: BenchRule;
  evaluations: number;
  /** data.stats.samples.totalQueryableSamples, summed. */
  samples: number;
  /** data.stats.timings.evalTotalTime, summed, seconds. */
  evalSeconds: number;
  /** Round trip of the HTTP query, summed, seconds. */
  wallSeconds: number;
  /** Series in the results, summed: a recording rule should give one per evaluation. */
  resultSeries: number;
  /** Thanos Query only (0 elsewhere): StoreAPI Series calls to its stores, and the messages they returned, summed. */
  storeCalls: number;
  storeMessages: number;
}

/** Runs one warm-up evaluation of every rule (so the measured pass does not pay for cold pages), then the hour. */
export async function measure(prometheus: Queryable, rules: readonly BenchRule[], plan: Plan): Promise<RuleCost[]> {
  const costs = new Map<BenchRule, RuleCost>(rules.map((rule) => [rule, { rule, evaluations: 0, samples: 0, evalSeconds: 0, wallSeconds: 0, resultSeries: 0, storeCalls: 0, storeMessages: 0 }]));
  const schedule = rules
    .flatMap((rule, order) => (plan.evaluations.get(rule) ?? []).map((time) => ({ rule, order, time })))
    .sort((a, b) => a.time - b.time || a.order - b.order);
  const end = Math.max(...schedule.map((s) => s.time));
  progress(`warm-up: ${rules.length} queries`);
  for (const rule of rules) await prometheus.query(rule.expr, end);
  progress(`measuring: ${schedule.length} instant queries`);
  let done = 0;
  let nextReport = Date.now() + 10_000;
  for (const { rule, time } of schedule) {
    const stats = await prometheus.query(rule.expr, time);
    const cost = costs.get(rule) as RuleCost;
    cost.evaluations++;
    cost.samples += stats.samples;
    cost.evalSeconds += stats.evalSeconds;
    cost.wallSeconds += stats.wallSeconds;
    cost.resultSeries += stats.resultSeries;
    cost.storeCalls += stats.store?.calls ?? 0;
    cost.storeMessages += stats.store?.messages ?? 0;
    // A partial answer reads less and would pass for cheap.
    if (stats.warnings.length > 0) throw new Error(`${rule.key} at ${time}: the answer has warnings: ${stats.warnings.join("; ")}`);
    done++;
    if (Date.now() >= nextReport) {
      progress(`measuring: ${done}/${schedule.length}`);
      nextReport = Date.now() + 10_000;
    }
  }
  return [...costs.values()];
}
