// Compatibility series (spec.compatibility): Sloth's and Pyrra's recorded series, under their
// names and labels, so the Grafana dashboards users already have keep working after the switch.
// Every rule here reads one series this SLA already records, at the same instant (a relabel or a
// division by a constant) or nothing at all (constants): none reads the raw series again, so the
// cost is a few instant lookups per objective and interval. Each rule goes into the group of the
// series it reads, right after it, so it is as fresh as its source.
//
// Where the meaning differs, ours is kept: Sloth's period ratio averages 5m ratios, Pyrra's and
// ours divide sums; the compatibility series carry our ratio of sums (the README says so).
import { bin, call, num, print, sel, type Expr } from "./promql/ast.js";
import { formatDuration } from "./duration.js";
import { objectiveLabels, objectiveSelector, sortKeys } from "./labels.js";
import { series } from "./conventions.js";
import type { RecordingRule } from "./rules.js";
import type { ObjectiveModel, SlaModel } from "./model.js";

/** The names Sloth (v0.16) records; its dashboards read them. */
export const slothSeries = {
  ratio: (window: string) => `slo:sli_error:ratio_rate${window}`,
  objective: "slo:objective:ratio",
  errorBudget: "slo:error_budget:ratio",
  periodDays: "slo:time_period:days",
  currentBurnRate: "slo:current_burn_rate:ratio",
  periodBurnRate: "slo:period_burn_rate:ratio",
  periodBudgetRemaining: "slo:period_error_budget_remaining:ratio",
  info: "sloth_slo_info",
} as const;

/** The names of Pyrra's generic rules (`--generic-rules`), which its Grafana dashboards read. */
export const pyrraSeries = {
  objective: "pyrra_objective",
  window: "pyrra_window",
  availability: "pyrra_availability",
  requests: "pyrra_requests:rate5m",
  errors: "pyrra_errors:rate5m",
} as const;

/** Compatibility rules of one objective, by the rule group they belong to. */
export interface CompatibilityRules {
  /** Each entry goes right after the rule recording `after` in the 1m group. */
  readonly fast: readonly { readonly after: string; readonly rule: RecordingRule }[];
  /** Each entry goes right after the rule recording `after` in the 5m group. */
  readonly tiles: readonly { readonly after: string; readonly rule: RecordingRule }[];
}

/**
 * A duration as Prometheus (model.Duration) and so Sloth and Pyrra print it: years and weeks only
 * when they divide it evenly (28d is 4w, 30d stays 30d), e.g. in slo:sli_error:ratio_rate4w.
 */
export function prometheusDuration(seconds: number): string {
  let rest = Math.round(seconds * 1000);
  if (rest <= 0) return "0s";
  let out = "";
  for (const [unit, size, exact] of [["y", 31_536_000_000, true], ["w", 604_800_000, true], ["d", 86_400_000, false], ["h", 3_600_000, false], ["m", 60_000, false], ["s", 1000, false], ["ms", 1, false]] as const) {
    if (exact && rest % size !== 0) continue;
    if (rest >= size) {
      out += `${Math.floor(rest / size)}${unit}`;
      rest %= size;
    }
  }
  return out;
}

/** Sloth's identifying labels of an objective: sloth_service is the SLA's service, sloth_slo the objective's name. */
export function slothLabels(sla: SlaModel, objective: ObjectiveModel): Record<string, string> {
  return { sloth_id: `${sla.service}-${objective.name}`, sloth_service: sla.service, sloth_slo: objective.name };
}

/** Pyrra's `slo` label of an objective: the SLA's name, or <sla>-<objective> when the SLA has several. */
export function pyrraSlo(sla: SlaModel, objective: ObjectiveModel): string {
  return sla.objectives.length === 1 ? sla.name : `${sla.name}-${objective.name}`;
}

const constant = (value: number): Expr => num(value);
const call1 = (name: string, arg: Expr): Expr => call(name, arg);

/** The compatibility recording rules of an objective, for the windows the SLA records. */
export function compatibilityRules(sla: SlaModel, objective: ObjectiveModel, windows: { fast: readonly number[]; tiles: readonly number[] }): CompatibilityRules {
  const wanted = sla.compatibility;
  if (!wanted) return { fast: [], tiles: [] };
  const selector = objectiveSelector(sla, objective);
  const ours = objectiveLabels(sla, objective);
  const render = (expr: Expr) => print(expr, formatDuration);
  const rule = (record: string, expr: Expr, labels: Record<string, string>): RecordingRule => ({ record, expr: render(expr), labels: sortKeys({ ...ours, ...labels }) });
  const fast: { after: string; rule: RecordingRule }[] = [];
  const tiles: { after: string; rule: RecordingRule }[] = [];

  if (wanted.sloth) {
    const sloth = slothLabels(sla, objective);
    const ratioOf = (seconds: number, source: string) =>
      rule(slothSeries.ratio(prometheusDuration(seconds)), sel(source, selector), { ...sloth, sloth_window: prometheusDuration(seconds) });
    for (const w of windows.fast) fast.push({ after: series.ratio(w), rule: ratioOf(w, series.ratio(w)) });
    for (const w of windows.tiles) tiles.push({ after: series.ratio(w), rule: ratioOf(w, series.ratio(w)) });
    // Constants first in the 1m group, so dashboards always find them within the lookback.
    const first = series.eventsRate5m;
    fast.push(
      { after: first, rule: rule(slothSeries.objective, call1("vector", constant(objective.target)), sloth) },
      { after: first, rule: rule(slothSeries.errorBudget, call1("vector", constant(objective.budget)), sloth) },
      { after: first, rule: rule(slothSeries.periodDays, call1("vector", constant(sla.period.seconds / 86_400)), sloth) },
      { after: first, rule: rule(slothSeries.info, call1("vector", num(1)), { ...sloth, sloth_objective: String(Number((objective.target * 100).toPrecision(12))) }) },
      // Sloth divides its ratio series by the budget, keeping their sloth_window.
      { after: series.ratio(300), rule: rule(slothSeries.currentBurnRate, bin("/", sel(series.ratio(300), selector), constant(objective.budget)), { ...sloth, sloth_window: "5m" }) },
    );
    const periodWindow = { ...sloth, sloth_window: prometheusDuration(sla.period.seconds) };
    tiles.push(
      { after: series.ratioPeriod, rule: ratioOf(sla.period.seconds, series.ratioPeriod) },
      { after: series.ratioPeriod, rule: rule(slothSeries.periodBurnRate, bin("/", sel(series.ratioPeriod, selector), constant(objective.budget)), periodWindow) },
      // Ours is 1 - period ratio / budget: Sloth's remaining ratio, by the same formula.
      { after: series.budgetRemaining, rule: rule(slothSeries.periodBudgetRemaining, sel(series.budgetRemaining, selector), periodWindow) },
    );
  }
  if (wanted.pyrra) {
    const pyrra = { slo: pyrraSlo(sla, objective) };
    fast.push(
      { after: series.eventsRate5m, rule: rule(pyrraSeries.objective, call1("vector", constant(objective.target)), pyrra) },
      { after: series.eventsRate5m, rule: rule(pyrraSeries.window, call1("vector", num(sla.period.seconds)), pyrra) },
      { after: series.errorsRate5m, rule: rule(pyrraSeries.errors, sel(series.errorsRate5m, selector), pyrra) },
      { after: series.eventsRate5m, rule: rule(pyrraSeries.requests, sel(series.eventsRate5m, selector), pyrra) },
    );
    tiles.push({ after: series.ratioPeriod, rule: rule(pyrraSeries.availability, bin("-", num(1), sel(series.ratioPeriod, selector)), pyrra) });
  }
  return { fast, tiles };
}

/** Inserts each rule right after the rule recording its `after` series (in order), or at the end. */
export function insertAfter<R extends { readonly record?: string }>(rules: readonly R[], extra: readonly { readonly after: string; readonly rule: R }[]): R[] {
  const out = [...rules];
  for (const { after, rule } of extra) {
    // After the last compatibility rule already placed behind the same source, to keep their order.
    let at = out.findIndex((r) => r.record === after);
    if (at < 0) {
      out.push(rule);
      continue;
    }
    while (at + 1 < out.length && extra.some((e) => e.after === after && e.rule === out[at + 1])) at++;
    out.splice(at + 1, 0, rule);
  }
  return out;
}
