// model -> promtool unit tests that prove the generated alerts: for each objective, a full outage
// pages within the SRE Workbook's detection time (to one evaluation interval), the page stops
// within its short window after recovery, an error rate just under the slowest tier never alerts
// and one just over it does, and vanished series raise the no-data alert.
//
// Expected times come from alert-timing.ts, a minute-by-minute model of what Prometheus computes
// from the synthetic series under both of its range conventions (2.x includes the sample at a
// window's left edge, 3.x does not), so the tests pass on either and fail when a threshold or a
// window is wrong. SLAs with maintenance windows get a second test file that runs the same rules
// with a window placed at test time: an outage inside it pages nobody, one right after it pages on time.
import { formatDuration } from "./duration.js";
import { formatNumber, quote } from "./promql/ast.js";
import { alertLabels, baseWindowSeconds, noDataAlert, rawWindowLimitSeconds, series, tierLabels, tierThreshold, tiersOf } from "./rules.js";
import { objectiveLabels, objectiveSelector, slaSelector, sortKeys } from "./labels.js";
import { contractMetrics } from "./conventions.js";
import { prometheusDuration, pyrraSeries, pyrraSlo, slothLabels, slothSeries } from "./compatibility.js";
import { syntheticSeries, type SyntheticSeries } from "./test-series.js";
import { firstClear, firstHolding, segmentTimeline, tierHolds, conventions, type TierWindows } from "./alert-timing.js";
import type { Interval } from "./budget/intervals.js";
import type { BurnRateTierModel, ObjectiveModel, Severity, SlaModel } from "./model.js";

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
  for (const objective of sla.objectives) {
    const synthetic = syntheticSeries(objective.indicator);
    if (!synthetic.ok) {
      skipped.push({ objective: objective.name, reason: synthetic.reason });
      continue;
    }
    tests.push(ratioCheck(sla, objective, synthetic.series));
    if (sla.compatibility) tests.push(compatibilityCheck(sla, objective, synthetic.series));
    if (!sla.alerting) continue;
    const outage = outageTest(sla, objective, synthetic.series);
    if (outage) tests.push(outage);
    tests.push(...thresholdTests(sla, objective, synthetic.series));
  }
  if (sla.objectives.some((o) => o.alerts?.noData)) tests.push(noDataTest(sla));
  const exhausted = exhaustedTest(sla);
  if (exhausted) tests.push(exhausted);
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

function firingQuery(sla: SlaModel, objective: ObjectiveModel, tier?: BurnRateTierModel): string {
  const labels: Record<string, string> = {
    alertname: burnAlertName(objective),
    alertstate: "firing",
    ...objectiveSelector(sla, objective),
    ...(tier ? tierLabels(tier) : {}),
  };
  return metricSample("ALERTS", labels);
}

const burnAlertName = (objective: ObjectiveModel) => (objective.alerts?.page ?? objective.alerts?.ticket)?.name ?? "";

function firingSample(sla: SlaModel, objective: ObjectiveModel, tier: BurnRateTierModel) {
  const kind = objective.alerts?.[tier.severity];
  if (!kind) throw new Error(`objective ${objective.name} has no ${tier.severity} alert`);
  const labels = { ...alertLabels(sla, objective, kind, tierLabels(tier)), alertname: kind.name, alertstate: "firing" };
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

/** The compatibility series (spec.compatibility) under the other tools' names and labels, with the values of ours: healthy, then in an outage. */
function compatibilityCheck(sla: SlaModel, objective: ObjectiveModel, synthetic: readonly SyntheticSeries[]): TestGroup {
  const ours = objectiveLabels(sla, objective);
  const checks: { metric: string; labels: Record<string, string>; healthy: number; outage: number }[] = [];
  if (sla.compatibility?.sloth) {
    const sloth = { ...ours, ...slothLabels(sla, objective) };
    checks.push(
      { metric: slothSeries.ratio("5m"), labels: { ...sloth, sloth_window: "5m" }, healthy: 0, outage: 1 },
      { metric: slothSeries.currentBurnRate, labels: { ...sloth, sloth_window: "5m" }, healthy: 0, outage: 1 / objective.budget },
      { metric: slothSeries.objective, labels: sloth, healthy: objective.target, outage: objective.target },
      { metric: slothSeries.errorBudget, labels: sloth, healthy: objective.budget, outage: objective.budget },
      { metric: slothSeries.info, labels: { ...sloth, sloth_objective: String(Number((objective.target * 100).toPrecision(12))) }, healthy: 1, outage: 1 },
    );
  }
  if (sla.compatibility?.pyrra) {
    const pyrra = { ...ours, slo: pyrraSlo(sla, objective) };
    checks.push(
      { metric: pyrraSeries.objective, labels: pyrra, healthy: objective.target, outage: objective.target },
      { metric: pyrraSeries.window, labels: pyrra, healthy: sla.period.seconds, outage: sla.period.seconds },
    );
  }
  const selector = (c: (typeof checks)[number]) => metricSample(c.metric, c.metric === slothSeries.info || c.metric.startsWith("pyrra_") ? objectiveSelector(sla, objective) : { ...objectiveSelector(sla, objective), ...(c.labels["sloth_window"] ? { sloth_window: c.labels["sloth_window"] } : {}) });
  return {
    name: `${objective.name}: the compatibility series (${[sla.compatibility?.sloth ? "Sloth" : "", sla.compatibility?.pyrra ? "Pyrra" : ""].filter(Boolean).join(", ")}) carry our values under their names and labels (period ${prometheusDuration(sla.period.seconds)})`,
    interval: "1m",
    input_series: inputs(synthetic, [{ minutes: 20, badShare: 0 }, { minutes: 20, badShare: 1 }]),
    promql_expr_test: checks.flatMap((c) => [
      { expr: selector(c), eval_time: at(15), exp_samples: [{ labels: metricSample(c.metric, sortKeys(c.labels)), value: c.healthy }] },
      { expr: selector(c), eval_time: at(35), exp_samples: [{ labels: metricSample(c.metric, sortKeys(c.labels)), value: c.outage }] },
    ]),
  };
}

const windows = (tier: BurnRateTierModel, objective: ObjectiveModel): TierWindows =>
  ({ longMinutes: tier.longWindowSeconds / minute, shortMinutes: tier.shortWindowSeconds / minute, threshold: tierThreshold(tier, objective) });

/** The page tiers whose timing the model covers: both windows built from the 5m rates recorded every minute. */
function modelledTier(sla: SlaModel, objective: ObjectiveModel, severity: Severity): BurnRateTierModel | undefined {
  // The most urgent tier names the alert when several hold, so the timing test follows it.
  const first = objective.alerts?.[severity] ? tiersOf(sla, severity)[0] : undefined;
  return first && first.longWindowSeconds <= rawWindowLimitSeconds ? first : undefined;
}

interface Outage { readonly start: number; readonly minutes: number; readonly maintenance: readonly { start: number; end: number }[] }

/**
 * Checks that a page fires for an outage on time (no later than the model says under either range
 * convention, not before it could), stays one alert, and stops after recovery.
 */
function pageChecks(sla: SlaModel, objective: ObjectiveModel, tier: BurnRateTierModel, outage: Outage): { checks: NonNullable<TestGroup["promql_expr_test"]>; end: number; latest: number } | undefined {
  const timing = pageTiming({
    timeBased: objective.indicator.kind === "probe",
    tier: windows(tier, objective),
    // The tiers whose short window (when the page stops) and long window (whether all hold late) the model covers.
    clearing: tiersOf(sla, "page").filter((t) => t.shortWindowSeconds <= rawWindowLimitSeconds).map((t) => windows(t, objective)),
    holding: tiersOf(sla, "page").filter((t) => t.longWindowSeconds <= rawWindowLimitSeconds).map((t) => windows(t, objective)),
    outage,
  });
  if (!timing) return undefined;
  const { fire, end, stopped, allHold } = timing;
  const checks: NonNullable<TestGroup["promql_expr_test"]> = [
    { expr: firingQuery(sla, objective, tier), eval_time: at(fire.latest), exp_samples: [firingSample(sla, objective, tier)] },
  ];
  if (fire.earliest - 1 > outage.start) checks.push({ expr: firingQuery(sla, objective, tier), eval_time: at(fire.earliest - 1), exp_samples: [] });
  // Every page tier holds late in a full outage; they still make one alert.
  if (allHold) checks.push({ expr: firingQuery(sla, objective, tier), eval_time: at(end - 1), exp_samples: [firingSample(sla, objective, tier)] });
  if (Number.isFinite(stopped)) {
    const page = objective.alerts?.page;
    const pageQuery = metricSample("ALERTS", { alertname: page?.name ?? "", alertstate: "firing", ...objectiveSelector(sla, objective), severity: page?.labels["severity"] ?? "" });
    checks.push({ expr: pageQuery, eval_time: at(stopped + 1), exp_samples: [] });
  }
  return { checks, end, latest: fire.latest };
}

interface TimingInput {
  readonly timeBased: boolean;
  readonly tier: TierWindows;
  readonly clearing: readonly TierWindows[];
  readonly holding: readonly TierWindows[];
  readonly outage: Outage;
}
interface PageTiming { readonly fire: { earliest: number; latest: number }; readonly end: number; readonly stopped: number; readonly allHold: boolean }

// The minute-by-minute model costs milliseconds per objective and depends only on the windows,
// thresholds and outage, which most SLAs of a fleet share (a target and the default table): its
// answers are kept per input, in a bounded map.
const timingCapacity = 512;
const timings = new Map<string, PageTiming | undefined>();

function pageTiming(input: TimingInput): PageTiming | undefined {
  const key = JSON.stringify(input);
  if (timings.has(key)) return timings.get(key);
  const timing = modelPageTiming(input);
  if (timings.size >= timingCapacity) timings.delete(timings.keys().next().value as string);
  timings.set(key, timing);
  return timing;
}

function modelPageTiming({ timeBased, tier, clearing, holding, outage }: TimingInput): PageTiming | undefined {
  const horizon = outage.start + 24 * 60;
  const during = segmentTimeline([{ minutes: outage.start, badShare: 0 }, { minutes: 24 * 60, badShare: 1 }], timeBased, outage.maintenance);
  const fire = firstHolding(during, tier, outage.start + 1, horizon);
  if (!Number.isFinite(fire.latest)) return undefined;
  const minutes = Math.max(outage.minutes, fire.latest - outage.start + 5);
  const end = outage.start + minutes;
  const after = segmentTimeline([{ minutes: outage.start, badShare: 0 }, { minutes, badShare: 1 }, { minutes: 24 * 60, badShare: 0 }], timeBased, outage.maintenance);
  const stopped = Math.max(...clearing.map((t) => firstClear(after, t, end, end + 24 * 60)));
  const allHold = holding.every((t) => conventions.every((c) => tierHolds(after, t, end - 1, c, 1e-9)));
  return { fire, end, stopped, allHold };
}

function outageTest(sla: SlaModel, objective: ObjectiveModel, synthetic: readonly SyntheticSeries[]): TestGroup | undefined {
  const tier = modelledTier(sla, objective, "page");
  if (!tier) return undefined;
  const start = baselineMinutes;
  const result = pageChecks(sla, objective, tier, { start, minutes: 15, maintenance: [] });
  if (!result) return undefined;
  const workbook = formatNumber(tier.factor * objective.budget * tier.longWindowSeconds);
  return {
    name: `${objective.name}: a full outage raises one page within ${result.latest - start}m (Workbook detection time ${workbook}s on raw series), and it stops after recovery`,
    interval: "1m",
    input_series: inputs(synthetic, [
      { minutes: start, badShare: 0 },
      { minutes: result.end - start, badShare: 1 },
      { minutes: 24 * 60, badShare: 0 },
    ]),
    promql_expr_test: result.checks,
  };
}

function thresholdTests(sla: SlaModel, objective: ObjectiveModel, synthetic: readonly SyntheticSeries[]): TestGroup[] {
  const tiers = (sla.alerting?.tiers ?? []).filter((t) => objective.alerts?.[t.severity]);
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
  const withAlert = sla.objectives.filter((o) => o.alerts?.noData);
  const forMinutes = Math.max(...withAlert.map((o) => Math.ceil((o.alerts?.noData?.forSeconds ?? 600) / minute)));
  // Long enough that objectives which never had data are already firing before the others vanish.
  const presentMinutes = Math.max(30, forMinutes + 15);
  const synthetic = sla.objectives.map((o) => ({ objective: o, result: syntheticSeries(o.indicator) }));
  const all = synthetic.flatMap((s) => (s.result.ok ? s.result.series : []));
  const alertname = withAlert[0]?.alerts?.noData?.name ?? "";
  const expected = (o: ObjectiveModel) => {
    const alert = noDataAlert(sla, o);
    return { exp_labels: { ...alert.labels }, exp_annotations: { ...alert.annotations } };
  };
  const neverHadData = synthetic.filter((s) => !s.result.ok && s.objective.alerts?.noData).map((s) => s.objective);
  // Series end after presentMinutes; a 5m rate needs two samples, so the ratio is gone within
  // the base window, and the alert fires `for` later.
  const check = presentMinutes + baseWindowSeconds / minute + forMinutes + 2;
  return {
    name: `all objectives: series that vanish raise ${alertname} after ${forMinutes}m`,
    interval: "1m",
    input_series: inputs(all, [{ minutes: presentMinutes, badShare: 0 }]),
    alert_rule_test: [
      { eval_time: at(presentMinutes - 1), alertname, exp_alerts: neverHadData.map(expected) },
      { eval_time: at(check), alertname, exp_alerts: withAlert.map(expected) },
    ],
  };
}

/** The budget-exhausted alert follows the contract figure the operator exports: it fires once that reaches 0, whatever the raw series say. */
function exhaustedTest(sla: SlaModel): TestGroup | undefined {
  const objectives = sla.objectives.filter((o) => o.alerts?.exhausted);
  if (objectives.length === 0) return undefined;
  // As scraped from the operator: its job and instance labels come along and must not split the alert.
  const exported = (o: ObjectiveModel) => metricSample(contractMetrics.objectiveBudgetRemaining,
    { ...objectiveSelector(sla, o), instance: "10.0.0.1:8080", job: "servicelevel-operator", owner: sla.owner, service: sla.service });
  const firing = (o: ObjectiveModel) => {
    const kind = o.alerts?.exhausted;
    if (!kind) throw new Error("unreachable: filtered above");
    return { labels: metricSample("ALERTS", { ...alertLabels(sla, o, kind), alertname: kind.name, alertstate: "firing" }), value: 1 };
  };
  const query = (o: ObjectiveModel) => metricSample("ALERTS", { alertname: o.alerts?.exhausted?.name ?? "", alertstate: "firing", ...objectiveSelector(sla, o) });
  return {
    name: `all objectives: the budget-exhausted alert fires when the exported contract budget reaches 0, not before`,
    interval: "5m",
    input_series: objectives.map((o) => ({ series: exported(o), values: "0.5 0.2 0.01 0 -0.25 -0.25" })),
    promql_expr_test: objectives.flatMap((o) => [
      { expr: query(o), eval_time: at(10), exp_samples: [] },
      { expr: query(o), eval_time: at(15), exp_samples: [firing(o)] },
      { expr: query(o), eval_time: at(20), exp_samples: [firing(o)] },
    ]),
  };
}

/** Where the maintenance tests put their window, in minutes of test time. */
export const testMaintenanceWindow = { start: baselineMinutes, end: baselineMinutes + 60 } as const;

/** The window of testMaintenanceWindow as instants of promtool's clock (it starts at epoch 0). */
export function testMaintenanceIntervals(): Interval[] {
  return [{ start: testMaintenanceWindow.start * minute * 1000, end: testMaintenanceWindow.end * minute * 1000 }];
}

/**
 * promtool tests of maintenance, for rules built with testMaintenanceIntervals(): an outage inside
 * the window pages nobody, before or after it ends, and one that starts when it ends pages on time.
 * Undefined when the SLA has no maintenance or no testable page.
 */
export function buildMaintenanceTests(sla: SlaModel, ruleFileName: string): object | undefined {
  if (sla.maintenance.length === 0 || !sla.alerting) return undefined;
  const { start, end } = testMaintenanceWindow;
  const maintenance = [{ start, end }];
  const tests: TestGroup[] = [];
  const active = (value: number) => ({ labels: metricSample(series.maintenanceActive, sortKeys({ ...sla.labels, ...slaSelector(sla), service: sla.service })), value });
  for (const objective of sla.objectives) {
    const synthetic = syntheticSeries(objective.indicator);
    const tier = modelledTier(sla, objective, "page");
    if (!synthetic.ok || !tier) continue;
    const activeQuery = metricSample(series.maintenanceActive, slaSelector(sla));
    tests.push({
      name: `${objective.name}: an outage inside the maintenance window raises no burn-rate alert, during or after the window`,
      interval: "1m",
      // Bad intervals (and gauge samples) at minutes start+1 .. end-1: all inside [start, end).
      input_series: inputs(synthetic.series, [{ minutes: start, badShare: 0 }, { minutes: end - start - 1, badShare: 1 }, { minutes: 6 * 60, badShare: 0 }]),
      promql_expr_test: [
        { expr: activeQuery, eval_time: at(start - 1), exp_samples: [active(0)] },
        { expr: activeQuery, eval_time: at(start + 10), exp_samples: [active(1)] },
        { expr: activeQuery, eval_time: at(end), exp_samples: [active(0)] },
        ...[start + 1, start + 10, end - 1, end + 1, end + 5, end + 30, end + 65, end + 5 * 60].map((m) =>
          ({ expr: firingQuery(sla, objective), eval_time: at(m), exp_samples: [] })),
      ],
    });
    const after = pageChecks(sla, objective, tier, { start: end, minutes: 15, maintenance });
    if (!after) continue;
    tests.push({
      name: `${objective.name}: an outage that starts as the maintenance window ends pages on time (${after.latest - end}m)`,
      interval: "1m",
      input_series: inputs(synthetic.series, [{ minutes: end, badShare: 0 }, { minutes: after.end - end, badShare: 1 }, { minutes: 24 * 60, badShare: 0 }]),
      promql_expr_test: [{ expr: firingQuery(sla, objective), eval_time: at(end - 1), exp_samples: [] }, ...after.checks],
    });
  }
  if (tests.length === 0) return undefined;
  return { rule_files: [ruleFileName], evaluation_interval: "1m", tests };
}
