// model -> Prometheus rule groups: recording rules per window and multiwindow, multi-burn-rate
// alerts (SRE Workbook, "Alerting on SLOs"), a no-data and a budget-exhausted alert.
//
// Cost is the design constraint: Prometheus evaluates these every interval for every SLA.
// - Raw series are read only for windows up to 1h (the page windows, where freshness matters).
// - Longer windows average 5-minute "tiles": the 5m rates sampled once per 5 minutes, so a 3d
//   window reads 864 points of one recorded series instead of every raw sample of three days.
// - The period (30d, a quarter) averages hourly tiles: 720 points for 30 days.
// Every window is a ratio of sums (errors over events), never an average of short ratios.
import { bin, call, num, print, sel, type Expr } from "./promql/ast.js";
import { formatDuration } from "./duration.js";
import { isEventBased, sliOverWindow } from "./sli.js";
import { objectiveLabels, objectiveSelector, sortKeys } from "./labels.js";
import type { AlertRouteModel, BurnRateTierModel, ObjectiveModel, SlaModel } from "./model.js";

export interface RecordingRule { readonly record: string; readonly expr: string; readonly labels: Readonly<Record<string, string>> }
export interface AlertingRule {
  readonly alert: string;
  readonly expr: string;
  readonly for?: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
}
export type Rule = RecordingRule | AlertingRule;
export interface RuleGroup { readonly name: string; readonly interval: string; readonly rules: readonly Rule[] }

/** Recorded series names. They are a public contract: dashboards and users' alerts read them. */
export const series = {
  errorsRate5m: "sla:sli_errors:rate5m",
  eventsRate5m: "sla:sli_events:rate5m",
  errorsTile5m: "sla:sli_errors:tile5m",
  eventsTile5m: "sla:sli_events:tile5m",
  errorsTile1h: "sla:sli_errors:tile1h",
  eventsTile1h: "sla:sli_events:tile1h",
  ratio: (windowSeconds: number) => `sla:sli_error:ratio_rate${formatDuration(windowSeconds)}`,
  ratioPeriod: "sla:sli_error:ratio_period",
  budgetRemaining: "sla:error_budget:remaining",
} as const;

export const baseWindowSeconds = 300;
/** Windows up to this length are computed from raw series; longer ones from recorded tiles. */
export const rawWindowLimitSeconds = 3600;
export const intervals = { fast: 60, tiles: 300, hourly: 3600 } as const;

/** Names of the rule groups of an SLA; stable, because Prometheus keys state by them. */
export function groupNames(sla: SlaModel): { fast: string; tiles: string; hourly: string } {
  const base = `sla-${sla.namespace}-${sla.name}`;
  return { fast: `${base}-sli`, tiles: `${base}-tiles`, hourly: `${base}-hourly` };
}

/** Builds the rule groups of an SLA. */
export function buildRuleGroups(sla: SlaModel): RuleGroup[] {
  const fast: Rule[] = [];
  const tiles: Rule[] = [];
  const hourly: Rule[] = [];
  for (const objective of sla.objectives) {
    const rules = objectiveRules(sla, objective);
    fast.push(...rules.fast);
    tiles.push(...rules.tiles);
    hourly.push(...rules.hourly);
  }
  const names = groupNames(sla);
  return [
    { name: names.fast, interval: formatDuration(intervals.fast), rules: fast },
    { name: names.tiles, interval: formatDuration(intervals.tiles), rules: tiles },
    { name: names.hourly, interval: formatDuration(intervals.hourly), rules: hourly },
  ];
}

/** The windows each group records for an objective: page tiers need fresh values, ticket tiers less so. */
export function windowPlan(sla: SlaModel): { fast: number[]; tiles: number[] } {
  const tiers = sla.alerting?.tiers ?? [];
  const windowsOf = (severity: "page" | "ticket") =>
    tiers.filter((t) => t.severity === severity).flatMap((t) => [t.longWindowSeconds, t.shortWindowSeconds]);
  const fast = new Set([baseWindowSeconds, ...windowsOf("page")]);
  const tilesOnly = new Set(windowsOf("ticket").filter((w) => !fast.has(w)));
  const byLength = (a: number, b: number) => a - b;
  return { fast: [...fast].sort(byLength), tiles: [...tilesOnly].sort(byLength) };
}

function objectiveRules(sla: SlaModel, objective: ObjectiveModel): { fast: Rule[]; tiles: Rule[]; hourly: Rule[] } {
  const labels = objectiveLabels(sla, objective);
  const selector = objectiveSelector(sla, objective);
  const s = (metric: string, range?: number) => sel(metric, selector, range);
  const render = (expr: Expr) => print(expr, formatDuration);
  const record = (name: string, expr: Expr): RecordingRule => ({ record: name, expr: render(expr), labels });
  const plan = windowPlan(sla);

  const base = sliOverWindow(objective.indicator, baseWindowSeconds);
  // Time-based indicators have no events: every moment counts once.
  const events: Expr = isEventBased(objective.indicator) ? (base.events as Expr) : bin("+", bin("*", s(series.errorsRate5m), num(0)), num(1));

  const ratioRule = (windowSeconds: number): RecordingRule => {
    if (windowSeconds === baseWindowSeconds) return record(series.ratio(windowSeconds), bin("/", s(series.errorsRate5m), s(series.eventsRate5m)));
    if (windowSeconds <= rawWindowLimitSeconds) {
      const sli = sliOverWindow(objective.indicator, windowSeconds);
      return record(series.ratio(windowSeconds), sli.events ? bin("/", sli.errors, sli.events) : sli.errors);
    }
    return record(series.ratio(windowSeconds), ratioOfAverages(s(series.errorsTile5m, windowSeconds), s(series.eventsTile5m, windowSeconds)));
  };

  const fast: Rule[] = [
    record(series.errorsRate5m, base.errors),
    record(series.eventsRate5m, events),
    ...plan.fast.map(ratioRule),
  ];
  const tiles: Rule[] = [
    record(series.errorsTile5m, s(series.errorsRate5m)),
    record(series.eventsTile5m, s(series.eventsRate5m)),
    ...plan.tiles.map(ratioRule),
  ];
  const hourly: Rule[] = [
    record(series.errorsTile1h, call("avg_over_time", s(series.errorsTile5m, 3600))),
    record(series.eventsTile1h, call("avg_over_time", s(series.eventsTile5m, 3600))),
  ];
  tiles.push(
    record(series.ratioPeriod, ratioOfAverages(s(series.errorsTile1h, sla.period.seconds), s(series.eventsTile1h, sla.period.seconds))),
    record(series.budgetRemaining, bin("-", num(1), bin("/", s(series.ratioPeriod), num(objective.budget)))),
  );

  const alerting = sla.alerting;
  if (alerting) {
    for (const tier of alerting.tiers) {
      const route = alerting[tier.severity];
      if (!route) continue;
      (tier.severity === "page" ? fast : tiles).push(burnRateAlert(sla, objective, tier, route, labels, render));
    }
    if (alerting.noDataForSeconds !== null) fast.push(noDataAlert(sla, objective));
    const exhaustedRoute = alerting.ticket ?? alerting.page;
    if (exhaustedRoute) tiles.push(budgetExhaustedAlert(sla, objective, exhaustedRoute, labels, render));
  }
  return { fast, tiles, hourly };
}

function ratioOfAverages(errors: Expr, events: Expr): Expr {
  // avg/avg over the same samples is sum/sum: a ratio of sums, right under uneven traffic.
  return bin("/", call("avg_over_time", errors), call("avg_over_time", events));
}

/** The error-ratio threshold of a tier: factor times the budget. */
export function tierThreshold(tier: BurnRateTierModel, objective: ObjectiveModel): number {
  return Number((tier.factor * objective.budget).toPrecision(12));
}

function alertLabels(sla: SlaModel, route: AlertRouteModel, labels: Record<string, string>, extra: Record<string, string> = {}) {
  return sortKeys({ ...(sla.alerting?.labels ?? {}), ...route.labels, ...labels, ...extra });
}

function alertAnnotations(sla: SlaModel, route: AlertRouteModel, own: Record<string, string>) {
  return sortKeys({ ...own, ...(sla.alerting?.annotations ?? {}), ...route.annotations });
}

const percent = (ratio: number) => `${Number((ratio * 100).toPrecision(6))}%`;

function burnRateAlert(
  sla: SlaModel, objective: ObjectiveModel, tier: BurnRateTierModel, route: AlertRouteModel,
  labels: Record<string, string>, render: (e: Expr) => string,
): AlertingRule {
  const selector = objectiveSelector(sla, objective);
  const threshold = tierThreshold(tier, objective);
  const over = (w: number) => bin(">", sel(series.ratio(w), selector), bin("*", num(tier.factor), num(objective.budget)));
  const long = formatDuration(tier.longWindowSeconds);
  const short = formatDuration(tier.shortWindowSeconds);
  const who = `${sla.namespace}/${sla.name} ${objective.name}`;
  return {
    alert: `${sla.alerting?.namePrefix ?? "SLA"}ErrorBudgetBurn`,
    expr: render(bin("and", over(tier.longWindowSeconds), over(tier.shortWindowSeconds))),
    labels: alertLabels(sla, route, labels, { long_window: long, short_window: short }),
    annotations: alertAnnotations(sla, route, {
      summary: `${who} is burning its error budget ${tier.factor}x too fast`,
      description:
        `The error ratio of ${who} (target ${percent(objective.target)}) is {{ $value | humanizePercentage }} over the last ${long} ` +
        `and above ${percent(threshold)} over the last ${short}: ${tier.factor} times the rate the budget allows. ` +
        `At this rate ${percent(tier.budgetShare)} of the ${formatDuration(sla.period.seconds)} error budget is spent within ${long}.`,
    }),
  };
}

/** The no-data alert of an objective: fires when its 5m error ratio cannot be computed. */
export function noDataAlert(sla: SlaModel, objective: ObjectiveModel): AlertingRule {
  const labels = objectiveLabels(sla, objective);
  const render = (expr: Expr) => print(expr, formatDuration);
  const route = sla.alerting?.ticket ?? sla.alerting?.page ?? { labels: {}, annotations: {} };
  const who = `${sla.namespace}/${sla.name} ${objective.name}`;
  return {
    alert: `${sla.alerting?.namePrefix ?? "SLA"}IndicatorNoData`,
    expr: render(call("absent", sel(series.ratio(baseWindowSeconds), objectiveSelector(sla, objective)))),
    for: formatDuration(sla.alerting?.noDataForSeconds ?? 600),
    labels: alertLabels(sla, route, labels),
    annotations: alertAnnotations(sla, route, {
      summary: `${who} has no indicator data`,
      description:
        `No error ratio could be computed for ${who} for ${formatDuration(sla.alerting?.noDataForSeconds ?? 600)}: ` +
        `its series are missing, or (for latency) the threshold is not a bucket boundary. Its burn-rate alerts cannot fire.`,
    }),
  };
}

function budgetExhaustedAlert(
  sla: SlaModel, objective: ObjectiveModel, route: AlertRouteModel, labels: Record<string, string>, render: (e: Expr) => string,
): AlertingRule {
  const who = `${sla.namespace}/${sla.name} ${objective.name}`;
  return {
    alert: `${sla.alerting?.namePrefix ?? "SLA"}ErrorBudgetExhausted`,
    expr: render(bin("<=", sel(series.budgetRemaining, objectiveSelector(sla, objective)), num(0))),
    labels: alertLabels(sla, route, labels),
    annotations: alertAnnotations(sla, route, {
      summary: `${who} has spent its whole error budget`,
      description:
        `The error ratio of ${who} over the last ${formatDuration(sla.period.seconds)} is above ${percent(objective.budget)}: ` +
        `the target of ${percent(objective.target)} is missed for the period.`,
    }),
  };
}

/** Counts the rules of a set of groups. */
export function ruleCount(groups: readonly RuleGroup[]): number {
  return groups.reduce((n, g) => n + g.rules.length, 0);
}
