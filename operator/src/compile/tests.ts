// model -> promtool unit tests that prove the generated alerts: for each objective, a full outage
// pages within the SRE Workbook's detection time (to one evaluation interval), the page stops
// within its short window after recovery, an error rate just under the slowest tier never alerts
// and one just over it does, and vanished series raise the no-data alert.
//
// Expected times are computed here from the same arithmetic the Workbook uses, allowing for the
// two range conventions of Prometheus (2.x includes the sample at the window's left edge, 3.x does
// not), so the tests pass on either and fail when a threshold or a window is wrong.
import { formatDuration } from "./duration.js";
import { formatNumber, quote } from "./promql/ast.js";
import { baseWindowSeconds, noDataAlert, rawWindowLimitSeconds, series, tierThreshold } from "./rules.js";
import { objectiveLabels, objectiveSelector, sortKeys } from "./labels.js";
import { syntheticSeries, type SyntheticSeries } from "./test-series.js";
import type { BurnRateTierModel, ObjectiveModel, SlaModel } from "./model.js";

const minute = 60;
const baselineMinutes = 70;

export interface RuleTests {
  readonly document: object;
  /** Objectives whose alert timing could not be tested, and why. */
  readonly skipped: readonly { readonly objective: string; readonly reason: string }[];
}

interface Segment { readonly minutes: number; readonly badShare: number }
interface TestGroup {
  readonly name: string;
  readonly interval: string;
  readonly input_series: { series: string; values: string }[];
  promql_expr_test?: { expr: string; eval_time: string; exp_samples: { labels: string; value: number }[] }[];
  alert_rule_test?: { eval_time: string; alertname: string; exp_alerts: { exp_labels: Record<string, string>; exp_annotations: Record<string, string> }[] }[];
}

/** Builds the promtool test file for an SLA's rule file. */
export function buildRuleTests(sla: SlaModel, ruleFileName: string): RuleTests {
  const tests: TestGroup[] = [];
  const skipped: { objective: string; reason: string }[] = [];
  const alerting = sla.alerting;
  for (const objective of sla.objectives) {
    const synthetic = syntheticSeries(objective.indicator);
    if (!synthetic.ok) {
      skipped.push({ objective: objective.name, reason: synthetic.reason });
      continue;
    }
    tests.push(ratioCheck(sla, objective, synthetic.series));
    if (!alerting) continue;
    const outage = outageTest(sla, objective, synthetic.series);
    if (outage) tests.push(outage);
    tests.push(...thresholdTests(sla, objective, synthetic.series));
  }
  if (alerting?.noDataForSeconds != null) tests.push(noDataTest(sla));
  return {
    document: { rule_files: [ruleFileName], evaluation_interval: "1m", tests },
    skipped,
  };
}

/** promtool series notation for a timeline: counters accumulate, gauges hold their value. */
export function seriesValues(s: SyntheticSeries, timeline: readonly Segment[]): string {
  if (s.type === "native") return nativeValues(s, timeline);
  const parts: string[] = [];
  let value = 0;
  let first = true;
  for (const segment of timeline) {
    const step = s.valueAt(segment.badShare);
    if (s.type === "gauge") {
      parts.push(`${formatNumber(step)}+0x${first ? segment.minutes : segment.minutes - 1}`);
    } else if (first) {
      parts.push(`0+${formatNumber(step)}x${segment.minutes}`);
      value = step * segment.minutes;
    } else {
      const start = value + step;
      parts.push(`${formatNumber(start)}+${formatNumber(step)}x${segment.minutes - 1}`);
      value = start + step * (segment.minutes - 1);
    }
    first = false;
  }
  return parts.join(" ");
}

/** promtool 3's notation for a native histogram that accumulates good and bad observations (schema 0). */
function nativeValues(s: SyntheticSeries, timeline: readonly Segment[]): string {
  const g = s.goodBucket ?? 0;
  const histogram = (good: number, bad: number) =>
    `{{schema:0 count:${formatNumber(good + bad)} sum:${formatNumber(good * 2 ** g + bad * 2 ** (g + 2))} buckets:[${formatNumber(good)} 0 ${formatNumber(bad)}] offset:${g}}}`;
  const parts: string[] = [];
  let good = 0;
  let bad = 0;
  for (const [i, segment] of timeline.entries()) {
    const events = s.valueAt(segment.badShare);
    const [stepGood, stepBad] = [(1 - segment.badShare) * events, segment.badShare * events];
    if (i > 0) {
      good += stepGood;
      bad += stepBad;
    }
    parts.push(`${histogram(good, bad)}+${histogram(stepGood, stepBad)}x${i === 0 ? segment.minutes : segment.minutes - 1}`);
    good += stepGood * (i === 0 ? segment.minutes : segment.minutes - 1);
    bad += stepBad * (i === 0 ? segment.minutes : segment.minutes - 1);
  }
  return parts.join(" ");
}

function seriesName(s: SyntheticSeries): string {
  const labels = Object.keys(s.labels).sort().map((k) => `${k}=${quote(s.labels[k] as string)}`);
  return `${s.metric}{${labels.join(", ")}}`;
}

function inputs(all: readonly SyntheticSeries[], timeline: readonly Segment[]) {
  const seen = new Set<string>();
  const out: { series: string; values: string }[] = [];
  for (const s of all) {
    const name = seriesName(s);
    if (seen.has(name)) continue;
    seen.add(name);
    out.push({ series: name, values: seriesValues(s, timeline) });
  }
  return out;
}

const at = (minutes: number) => formatDuration(minutes * minute);
const metricSample = (metric: string, labels: Record<string, string>) =>
  `${metric}{${Object.keys(labels).sort().map((k) => `${k}=${quote(labels[k] as string)}`).join(", ")}}`;

function burnAlertLabels(sla: SlaModel, objective: ObjectiveModel, tier: BurnRateTierModel): Record<string, string> {
  const route = sla.alerting?.[tier.severity];
  return sortKeys({
    ...(sla.alerting?.labels ?? {}),
    ...(route?.labels ?? {}),
    ...objectiveLabels(sla, objective),
    long_window: formatDuration(tier.longWindowSeconds),
    short_window: formatDuration(tier.shortWindowSeconds),
  });
}

function firingQuery(sla: SlaModel, objective: ObjectiveModel, tier?: BurnRateTierModel): string {
  const labels: Record<string, string> = {
    alertname: `${sla.alerting?.namePrefix ?? "SLA"}ErrorBudgetBurn`,
    alertstate: "firing",
    ...objectiveSelector(sla, objective),
    ...(tier ? { long_window: formatDuration(tier.longWindowSeconds), short_window: formatDuration(tier.shortWindowSeconds) } : {}),
  };
  return metricSample("ALERTS", labels);
}

function firingSample(sla: SlaModel, objective: ObjectiveModel, tier: BurnRateTierModel) {
  const labels = { ...burnAlertLabels(sla, objective, tier), alertname: `${sla.alerting?.namePrefix ?? "SLA"}ErrorBudgetBurn`, alertstate: "firing" };
  return { labels: metricSample("ALERTS", labels), value: 1 };
}

/**
 * The synthetic series really produce the intended error ratio: 0 when healthy, 1 in an outage.
 * Only 0 and 1 are checked, because promtool 2.x compares samples exactly and intermediate shares
 * pick up float noise from the rate arithmetic.
 */
function ratioCheck(sla: SlaModel, objective: ObjectiveModel, synthetic: readonly SyntheticSeries[]): TestGroup {
  const ratio = metricSample(series.ratio(baseWindowSeconds), objectiveSelector(sla, objective));
  const recorded = (value: number) => ({ labels: metricSample(series.ratio(baseWindowSeconds), objectiveLabels(sla, objective)), value });
  return {
    name: `${objective.name}: the synthetic series give the intended error ratio`,
    interval: "1m",
    input_series: inputs(synthetic, [{ minutes: 20, badShare: 0 }, { minutes: 20, badShare: 1 }]),
    promql_expr_test: [
      { expr: ratio, eval_time: at(15), exp_samples: [recorded(0)] },
      { expr: ratio, eval_time: at(35), exp_samples: [recorded(1)] },
    ],
  };
}

/**
 * First minute after an outage starts at which a window of `windowMinutes` shows a bad share
 * above `threshold`, under both range conventions. Event counters see k bad intervals among
 * W (2.x) or W-1 (3.x); a 1/0 gauge sees k bad samples among W+1 (2.x) or W (3.x).
 */
export function firstMinuteAbove(threshold: number, windowMinutes: number, timeBased: boolean): { earliest: number; latest: number } {
  const denominators = timeBased ? [windowMinutes + 1, windowMinutes] : [windowMinutes, windowMinutes - 1];
  const firsts = denominators.map((n) => {
    for (let k = 1; k <= n; k++) {
      const share = k / n;
      // Treat a share within float noise of the threshold as not yet above it on one side and
      // above it on the other, so neither bound asserts a coin toss.
      if (share > threshold * (1 + 1e-9)) return k;
    }
    return Number.POSITIVE_INFINITY;
  });
  return { earliest: Math.min(...firsts), latest: Math.max(...firsts) };
}

function outageTest(sla: SlaModel, objective: ObjectiveModel, synthetic: readonly SyntheticSeries[]): TestGroup | undefined {
  const timeBased = objective.indicator.kind === "probe";
  // Tiers whose windows are computed from raw series have exact arithmetic; tile-based windows
  // move in 5-minute steps in production and are covered by the threshold tests instead.
  const pageTiers = (sla.alerting?.tiers ?? []).filter((t) =>
    t.severity === "page" && sla.alerting?.page && t.longWindowSeconds <= rawWindowLimitSeconds && t.shortWindowSeconds <= rawWindowLimitSeconds);
  if (pageTiers.length === 0) return undefined;
  const timing = pageTiers.map((tier) => {
    const threshold = tierThreshold(tier, objective);
    const long = firstMinuteAbove(threshold, tier.longWindowSeconds / minute, timeBased);
    const short = firstMinuteAbove(threshold, tier.shortWindowSeconds / minute, timeBased);
    // Workbook: a 100% error rate spends budgetShare of the period's budget in factor*budget*longWindow.
    const workbookSeconds = tier.factor * objective.budget * tier.longWindowSeconds;
    return { tier, earliest: Math.max(long.earliest, short.earliest), latest: Math.max(long.latest, short.latest), workbookSeconds };
  });
  const fastest = timing.reduce((a, b) => (b.latest < a.latest ? b : a));
  if (!Number.isFinite(fastest.latest)) return undefined;
  const outageMinutes = Math.max(fastest.latest + 5, 15);
  const recoveryMinutes = Math.max(...pageTiers.map((t) => t.shortWindowSeconds / minute)) + 5;
  const start = baselineMinutes;
  const end = start + outageMinutes;
  const checks: NonNullable<TestGroup["promql_expr_test"]> = [
    // Fires no later than the Workbook's detection time plus one evaluation interval...
    { expr: firingQuery(sla, objective, fastest.tier), eval_time: at(start + fastest.latest), exp_samples: [firingSample(sla, objective, fastest.tier)] },
  ];
  if (fastest.earliest >= 2) {
    // ...and not before the error ratio has crossed the threshold.
    checks.push({ expr: firingQuery(sla, objective, fastest.tier), eval_time: at(start + fastest.earliest - 1), exp_samples: [] });
  }
  for (const { tier } of timing) {
    // After recovery each page stops once its short window holds no bad minute.
    checks.push({ expr: firingQuery(sla, objective, tier), eval_time: at(end + tier.shortWindowSeconds / minute + 1), exp_samples: [] });
  }
  const workbook = formatNumber(fastest.workbookSeconds);
  return {
    name: `${objective.name}: a full outage pages within ${fastest.latest}m (Workbook detection time ${workbook}s, plus at most one evaluation interval), and stops after recovery`,
    interval: "1m",
    input_series: inputs(synthetic, [
      { minutes: start, badShare: 0 },
      { minutes: outageMinutes, badShare: 1 },
      { minutes: recoveryMinutes, badShare: 0 },
    ]),
    promql_expr_test: checks,
  };
}

function thresholdTests(sla: SlaModel, objective: ObjectiveModel, synthetic: readonly SyntheticSeries[]): TestGroup[] {
  const tiers = (sla.alerting?.tiers ?? []).filter((t) => sla.alerting?.[t.severity]);
  if (tiers.length === 0) return [];
  const slowest = tiers.reduce((a, b) => (b.factor < a.factor ? b : a));
  const threshold = tierThreshold(slowest, objective);
  const minutes = 8 * 60;
  const tests: TestGroup[] = [];
  const under = threshold * 0.95;
  tests.push({
    name: `${objective.name}: an error ratio of ${formatNumber(under)}, just under the slowest tier's ${formatNumber(threshold)}, never alerts`,
    interval: "1m",
    input_series: inputs(synthetic, [{ minutes, badShare: under }]),
    promql_expr_test: [10, 60, 6 * 60, minutes].map((m) => ({ expr: firingQuery(sla, objective), eval_time: at(m), exp_samples: [] })),
  });
  const over = threshold * 1.05;
  if (over < 1) {
    tests.push({
      name: `${objective.name}: an error ratio of ${formatNumber(over)}, just over the slowest tier's threshold, raises it`,
      interval: "1m",
      input_series: inputs(synthetic, [{ minutes, badShare: over }]),
      promql_expr_test: [{ expr: firingQuery(sla, objective, slowest), eval_time: at(7 * 60), exp_samples: [firingSample(sla, objective, slowest)] }],
    });
  }
  return tests;
}

function noDataTest(sla: SlaModel): TestGroup {
  const forMinutes = Math.ceil((sla.alerting?.noDataForSeconds ?? 600) / minute);
  // Long enough that objectives which never had data are already firing before the others vanish.
  const presentMinutes = Math.max(30, forMinutes + 15);
  const synthetic = sla.objectives.map((o) => ({ objective: o, result: syntheticSeries(o.indicator) }));
  const all = synthetic.flatMap((s) => (s.result.ok ? s.result.series : []));
  const alertname = `${sla.alerting?.namePrefix ?? "SLA"}IndicatorNoData`;
  const expected = (o: ObjectiveModel) => {
    const alert = noDataAlert(sla, o);
    return { exp_labels: { ...alert.labels }, exp_annotations: { ...alert.annotations } };
  };
  const neverHadData = synthetic.filter((s) => !s.result.ok).map((s) => s.objective);
  // Series end after presentMinutes; a 5m rate needs two samples, so the ratio is gone within
  // the base window, and the alert fires `for` later.
  const check = presentMinutes + baseWindowSeconds / minute + forMinutes + 2;
  return {
    name: `all objectives: series that vanish raise ${alertname} after ${forMinutes}m`,
    interval: "1m",
    input_series: inputs(all, [{ minutes: presentMinutes, badShare: 0 }]),
    alert_rule_test: [
      { eval_time: at(presentMinutes - 1), alertname, exp_alerts: neverHadData.map(expected) },
      { eval_time: at(check), alertname, exp_alerts: sla.objectives.map(expected) },
    ],
  };
}
