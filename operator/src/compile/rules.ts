// model -> Prometheus rule groups: recording rules per window and multiwindow, multi-burn-rate
// alerts (SRE Workbook, "Alerting on SLOs"), a no-data and a budget-exhausted alert.
//
// Cost is the design constraint: Prometheus evaluates these every interval for every SLA.
// - Raw series are read once, by the 5m rates (sla:sli_errors:rate5m, sla:sli_events:rate5m).
// - Windows up to 1h average the 5m rates recorded every minute: a 1h window reads 60 points of
//   two recorded series instead of every raw sample of the hour.
// - Longer windows average 5-minute "tiles": the 5m rates sampled once per 5 minutes, so a 3d
//   window reads 864 points of one recorded series.
// - The period (30d, a quarter) averages hourly tiles: 720 points for 30 days.
// Every window is a ratio of sums (errors over events), never an average of short ratios; and
// since every window is built from the 5m rates, leaving maintenance out of those (they are
// multiplied by 1 - sla:maintenance:overlap5m) leaves it out of every window and alert.
import { bin, call, num, print, sel, type Expr } from "./promql/ast.js";
import { formatDuration } from "./duration.js";
import { isEventBased, sliOverWindow } from "./sli.js";
import { objectiveLabels, objectiveSelector, slaSelector, sortKeys } from "./labels.js";
import { contractMetrics, series } from "./conventions.js";
import { activeExpression } from "./maintenance-signal.js";
import { compatibilityRules, insertAfter, type CompatibilityRules } from "./compatibility.js";
import type { Interval } from "./budget/intervals.js";
import type { AlertKindModel, BurnRateTierModel, ObjectiveModel, Severity, SlaModel } from "./model.js";

export { series } from "./conventions.js";

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

export const baseWindowSeconds = 300;
/** Windows up to this length average the 5m rates recorded every minute; longer ones average tiles. */
export const rawWindowLimitSeconds = 3600;
export const intervals = { fast: 60, tiles: 300, hourly: 3600 } as const;

/** Names of the rule groups of an SLA; stable, because Prometheus keys state by them. */
export function groupNames(sla: SlaModel): { fast: string; tiles: string; hourly: string } {
  const base = `sla-${sla.namespace}-${sla.name}`;
  return { fast: `${base}-sli`, tiles: `${base}-tiles`, hourly: `${base}-hourly` };
}

export interface RuleOptions {
  /** Maintenance windows as instants (maintenance-signal.ts); the SLA's 5m rates leave them out. */
  readonly maintenance?: readonly Interval[];
}

/** Builds the rule groups of an SLA. */
export function buildRuleGroups(sla: SlaModel, options: RuleOptions = {}): RuleGroup[] {
  const fast: Rule[] = [...maintenanceRules(sla, options.maintenance ?? [])];
  const tiles: Rule[] = [];
  const hourly: Rule[] = [];
  for (const objective of sla.objectives) {
    const rules = memoizedObjectiveRules(sla, objective);
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

/** Labels of an SLA's own series (not per objective): spec.labels plus the identifying ones. */
function slaLabels(sla: SlaModel): Record<string, string> {
  return sortKeys({ ...sla.labels, ...slaSelector(sla), service: sla.service });
}

function maintenanceRules(sla: SlaModel, windows: readonly Interval[]): Rule[] {
  const labels = slaLabels(sla);
  const rules: Rule[] = [{ record: series.maintenanceActive, expr: activeExpression(windows, 0), labels }];
  if (sla.maintenance.length > 0) rules.push({ record: series.maintenanceOverlap5m, expr: activeExpression(windows, baseWindowSeconds), labels });
  return rules;
}

/** The windows each group records for an objective: page tiers need fresh values, ticket tiers less so. */
export function windowPlan(sla: SlaModel): { fast: number[]; tiles: number[] } {
  const tiers = sla.alerting?.tiers ?? [];
  const windowsOf = (severity: Severity) =>
    tiers.filter((t) => t.severity === severity).flatMap((t) => [t.longWindowSeconds, t.shortWindowSeconds]);
  const fast = new Set([baseWindowSeconds, ...windowsOf("page")]);
  const tilesOnly = new Set(windowsOf("ticket").filter((w) => !fast.has(w)));
  const byLength = (a: number, b: number) => a - b;
  return { fast: [...fast].sort(byLength), tiles: [...tilesOnly].sort(byLength) };
}

// Models are immutable and validation builds the groups just before generation does: the
// objectives' rules (all but the maintenance windows') of the last models built are kept. Not in
// a WeakMap on the model: the operator's index keeps the model of every SLA of the fleet, and
// their rules would stay with them (17 KB per SLA, 170 MB of heap at 10,000 SLAs). 512 covers
// `slactl compile`, which validates every file before it compiles any, for up to 512 SLAs.
type ObjectiveRules = { fast: Rule[]; tiles: Rule[]; hourly: Rule[] };
const recentRules = new Map<SlaModel, Map<ObjectiveModel, ObjectiveRules>>();
const recentModels = 512;

function memoizedObjectiveRules(sla: SlaModel, objective: ObjectiveModel): ObjectiveRules {
  let byObjective = recentRules.get(sla);
  if (!byObjective) {
    recentRules.set(sla, (byObjective = new Map()));
    if (recentRules.size > recentModels) recentRules.delete(recentRules.keys().next().value as SlaModel);
  }
  let rules = byObjective.get(objective);
  if (!rules) byObjective.set(objective, (rules = objectiveRules(sla, objective)));
  return rules;
}

function objectiveRules(sla: SlaModel, objective: ObjectiveModel): { fast: Rule[]; tiles: Rule[]; hourly: Rule[] } {
  const labels = objectiveLabels(sla, objective);
  const selector = objectiveSelector(sla, objective);
  const s = (metric: string, range?: number) => sel(metric, selector, range);
  const render = (expr: Expr) => print(expr, formatDuration);
  const record = (name: string, expr: Expr): RecordingRule => ({ record: name, expr: render(expr), labels });
  const plan = windowPlan(sla);

  // Errors of a ratio count as zero where the events exist: they read the events recorded just before them.
  const eventsFirst = objective.indicator.kind === "ratio" && objective.indicator.errors !== undefined;
  const base = sliOverWindow(objective.indicator, baseWindowSeconds, eventsFirst ? s(series.eventsRate5m) : undefined);
  // Time-based indicators have no events: every moment counts once.
  const rawEvents: Expr = isEventBased(objective.indicator) ? (base.events as Expr) : bin("+", bin("*", s(series.errorsRate5m), num(0)), num(1));
  // A 5m rate that touched a maintenance window counts neither its errors nor its events.
  const counted = (expr: Expr): Expr => sla.maintenance.length === 0
    ? expr
    : bin("*", expr, bin("-", num(1), sel(series.maintenanceOverlap5m, slaSelector(sla))), []);

  const ratioRule = (windowSeconds: number): RecordingRule => {
    if (windowSeconds === baseWindowSeconds) return record(series.ratio(windowSeconds), bin("/", s(series.errorsRate5m), s(series.eventsRate5m)));
    if (windowSeconds <= rawWindowLimitSeconds) {
      return record(series.ratio(windowSeconds), ratioOfAverages(s(series.errorsRate5m, windowSeconds), s(series.eventsRate5m, windowSeconds)));
    }
    return record(series.ratio(windowSeconds), ratioOfAverages(s(series.errorsTile5m, windowSeconds), s(series.eventsTile5m, windowSeconds)));
  };

  const rates = [record(series.errorsRate5m, counted(base.errors)), record(series.eventsRate5m, counted(rawEvents))];
  const fast: Rule[] = [
    ...(eventsFirst ? rates.reverse() : rates),
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

  const compatibility = compatibilityRules(sla, objective, plan);
  const withCompatibility = (rules: Rule[], extra: CompatibilityRules["fast"]): Rule[] =>
    insertAfter<Rule & { readonly record?: string }>(rules, extra);
  fast.splice(0, fast.length, ...withCompatibility(fast, compatibility.fast));
  const tilesWith = withCompatibility(tiles, compatibility.tiles);
  tiles.splice(0, tiles.length, ...tilesWith);

  const alerts = objective.alerts;
  if (sla.alerting && alerts) {
    const page = alerts.page ? burnRateAlert(sla, objective, "page", alerts.page) : undefined;
    if (page) fast.push(page);
    const ticket = alerts.ticket ? burnRateAlert(sla, objective, "ticket", alerts.ticket) : undefined;
    if (ticket) tiles.push(ticket);
    if (alerts.noData) fast.push(noDataAlert(sla, objective));
    if (alerts.exhausted) tiles.push(budgetExhaustedAlert(sla, objective, alerts.exhausted));
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

/** The labels of an alert of an objective: the user's, then the identifying ones, then `extra` (the tier that fired). */
export function alertLabels(sla: SlaModel, objective: ObjectiveModel, kind: AlertKindModel, extra: Record<string, string> = {}): Record<string, string> {
  return sortKeys({ ...kind.labels, ...objectiveLabels(sla, objective), ...extra });
}

/** The tiers of a severity, most urgent first. */
export function tiersOf(sla: SlaModel, severity: Severity): BurnRateTierModel[] {
  return (sla.alerting?.tiers ?? []).filter((t) => t.severity === severity);
}

/** The labels that say which tier fired. */
export function tierLabels(tier: BurnRateTierModel): Record<string, string> {
  return { long_window: formatDuration(tier.longWindowSeconds), short_window: formatDuration(tier.shortWindowSeconds) };
}

const percent = (ratio: number) => `${Number((ratio * 100).toPrecision(6))}%`;
const who = (sla: SlaModel, objective: ObjectiveModel) => `${sla.namespace}/${sla.name} ${objective.name}`;

/**
 * One alert for all tiers of a severity. Each tier's condition carries its windows as labels;
 * `or on(objective, ...)` keeps the first tier that holds, so a full outage that trips every tier
 * still raises one alert, labelled with the most urgent tier.
 */
function burnRateAlert(sla: SlaModel, objective: ObjectiveModel, severity: Severity, kind: AlertKindModel): AlertingRule | undefined {
  const tiers = tiersOf(sla, severity);
  if (tiers.length === 0) return undefined;
  const selector = objectiveSelector(sla, objective);
  const render = (expr: Expr) => print(expr, formatDuration);
  const condition = (tier: BurnRateTierModel): string => {
    const over = (w: number) => bin(">", sel(series.ratio(w), selector), bin("*", num(tier.factor), num(objective.budget)));
    const labels = tierLabels(tier);
    return `label_replace(label_replace(${render(bin("and", over(tier.longWindowSeconds), over(tier.shortWindowSeconds)))}, ` +
      `"long_window", "${labels.long_window}", "", ""), "short_window", "${labels.short_window}", "", "")`;
  };
  const matching = Object.keys(selector).sort().join(", ");
  const factors = tiers.map((t) => `${t.factor}x over ${formatDuration(t.longWindowSeconds)} and ${formatDuration(t.shortWindowSeconds)}`).join(", ");
  return {
    alert: kind.name,
    expr: tiers.map(condition).join(` or on(${matching}) `),
    labels: alertLabels(sla, objective, kind),
    annotations: sortKeys({
      summary: `${who(sla, objective)} is burning its error budget too fast ({{ $labels.long_window }}/{{ $labels.short_window }} ${severity} tier)`,
      description:
        `The error ratio of ${who(sla, objective)} (target ${percent(objective.target)}, budget ${percent(objective.budget)} of the ` +
        `${formatDuration(sla.period.seconds)} period) is {{ $value | humanizePercentage }} over the last {{ $labels.long_window }}, and above the ` +
        `tier's threshold over the last {{ $labels.short_window }} too. The ${severity} tiers fire at burn rates of ${factors}.`,
      ...kind.annotations,
    }),
  };
}

/** The no-data alert of an objective: fires when its 5m error ratio cannot be computed. */
export function noDataAlert(sla: SlaModel, objective: ObjectiveModel): AlertingRule {
  const kind = objective.alerts?.noData;
  if (!kind) throw new Error(`objective ${objective.name} has no no-data alert`);
  const render = (expr: Expr) => print(expr, formatDuration);
  return {
    alert: kind.name,
    expr: render(call("absent", sel(series.ratio(baseWindowSeconds), objectiveSelector(sla, objective)))),
    for: formatDuration(kind.forSeconds),
    labels: alertLabels(sla, objective, kind),
    annotations: sortKeys({
      summary: `${who(sla, objective)} has no indicator data`,
      description:
        `No error ratio could be computed for ${who(sla, objective)} for ${formatDuration(kind.forSeconds)}: ` +
        `its series are missing, or (for latency) the threshold is not a bucket boundary. Its burn-rate alerts cannot fire.`,
      ...kind.annotations,
    }),
  };
}

/**
 * The budget-exhausted alert: reads the budget the operator measured for the contract period
 * (calendar period in the SLA's time zone, maintenance left out) and exports from status. A
 * rolling PromQL window cannot follow a calendar month in a time zone; this alert agrees with status.
 */
export function budgetExhaustedAlert(sla: SlaModel, objective: ObjectiveModel, kind: AlertKindModel): AlertingRule {
  const selector = objectiveSelector(sla, objective);
  // max by the identifying labels drops the scrape's job/instance/pod, so a new leader keeps the alert.
  const remaining = `max by (${Object.keys(selector).sort().join(", ")}) (${print(sel(contractMetrics.objectiveBudgetRemaining, selector), formatDuration)})`;
  return {
    alert: kind.name,
    expr: `${remaining} <= 0`,
    labels: alertLabels(sla, objective, kind),
    annotations: sortKeys({
      summary: `${who(sla, objective)} has spent its whole error budget for the contract period`,
      description:
        `The error budget of ${who(sla, objective)} for the current contract period is spent ({{ $value | humanizePercentage }} left): ` +
        `the target of ${percent(objective.target)} is missed for the period.`,
      ...kind.annotations,
    }),
  };
}

/** Counts the rules of a set of groups. */
export function ruleCount(groups: readonly RuleGroup[]): number {
  return groups.reduce((n, g) => n + g.rules.length, 0);
}
