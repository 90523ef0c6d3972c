// The alerts of slactl backtest. Each alerting rule's expression becomes a recording rule of the
// same group interval (backtest:alert_condition), backfilled with the rest; its samples are then
// exactly the evaluations at which the alert's condition held. From them, as Prometheus' rule
// manager does: an alert instance (one label set) is pending from the first evaluation that
// holds, fires at the first evaluation at least `for` later, and resolves at the first
// evaluation that no longer holds.
import { parseDuration } from "../compile/duration.js";
import { contractMetrics } from "../compile/conventions.js";
import type { AlertingRule, RecordingRule, RuleGroup } from "../compile/rules.js";

export const conditionSeries = "backtest:alert_condition";

export type AlertKind = "page" | "ticket" | "no-data";

export interface BacktestAlert {
  readonly id: string;
  readonly kind: AlertKind;
  readonly group: RuleGroup;
  readonly rule: AlertingRule;
  readonly intervalMs: number;
  readonly forMs: number;
  /** The longest window the expression reads, so the range can start early enough. */
  readonly longestWindowMs: number;
}

export interface AlertRun {
  readonly sla: string;
  readonly objective: string;
  readonly kind: AlertKind;
  readonly alertname: string;
  /** The alert's labels as Alertmanager would get them (without alertname). */
  readonly labels: Readonly<Record<string, string>>;
  readonly firedAt: number;
  /** Absent while it still fires at the end of the range. */
  readonly resolvedAt?: number;
}

/**
 * The alerting rules to replay, with their kind: burn-rate alerts of the 1m group are pages, of
 * the 5m group tickets (rules.ts puts them there). The budget-exhausted alert reads the figures the
 * operator exports, which history does not have, and is left out.
 */
export function alertingRules(groups: readonly RuleGroup[]): BacktestAlert[] {
  const out: BacktestAlert[] = [];
  for (const group of groups) {
    const intervalMs = (parseDuration(group.interval) ?? 60) * 1000;
    for (const rule of group.rules) {
      if (!("alert" in rule) || rule.expr.includes(contractMetrics.objectiveBudgetRemaining)) continue;
      const kind: AlertKind = rule.expr.startsWith("absent(") ? "no-data" : group.name.endsWith("-sli") ? "page" : "ticket";
      const windows = [...rule.expr.matchAll(/sla:sli_error:ratio_rate(\w+)/g)].map((m) => (parseDuration(m[1]!) ?? 0) * 1000);
      out.push({
        id: String(out.length), kind, group, rule, intervalMs,
        forMs: (rule.for === undefined ? 0 : parseDuration(rule.for) ?? 0) * 1000,
        longestWindowMs: Math.max(0, ...windows),
      });
    }
  }
  return out;
}

/**
 * The alerts' expressions as recording rules, in groups of the same name and interval as their own:
 * promtool offsets a group's evaluations by a hash of its name, so a condition is evaluated at the
 * instants its group's recording rules were, as Prometheus evaluates an alert right after them.
 */
export function conditionGroups(alerts: readonly BacktestAlert[]): RuleGroup[] {
  const groups = new Map<string, { name: string; interval: string; rules: RecordingRule[] }>();
  for (const alert of alerts) {
    const name = alert.group.name;
    const group = groups.get(name) ?? { name, interval: alert.group.interval, rules: [] };
    group.rules.push({ record: conditionSeries, expr: alert.rule.expr, labels: { ...alert.rule.labels, backtest_rule: alert.id } });
    groups.set(name, group);
  }
  return [...groups.values()];
}

/** Reads the recorded conditions from the scratch Prometheus and turns them into fired alerts within [from, to]. */
export async function alertRuns(url: string, alerts: readonly BacktestAlert[], from: number, to: number): Promise<AlertRun[]> {
  if (alerts.length === 0) return [];
  const longestFor = Math.max(...alerts.map((a) => a.forMs + a.intervalMs));
  const query = new URL("/api/v1/query", url);
  query.searchParams.set("query", `${conditionSeries}[${Math.ceil((to - from + longestFor) / 1000)}s]`);
  query.searchParams.set("time", String(to / 1000));
  const answer = await fetch(query);
  const body = (await answer.json()) as { status: string; error?: string; data?: { result: { metric: Record<string, string>; values: [number, string][] }[] } };
  if (body.status !== "success" || !body.data) throw new Error(`reading ${conditionSeries}: ${body.error ?? `HTTP ${answer.status}`}`);
  const byId = new Map(alerts.map((a) => [a.id, a]));
  const runs: AlertRun[] = [];
  for (const series of body.data.result) {
    const alert = byId.get(series.metric["backtest_rule"] ?? "");
    if (!alert) continue;
    const { __name__: _name, backtest_rule: _rule, ...labels } = series.metric;
    const times = series.values.map(([t]) => Math.round(t * 1000)).sort((a, b) => a - b);
    for (const run of consecutive(times, alert.intervalMs)) {
      const firedAt = run.find((t) => t - run[0]! >= alert.forMs);
      if (firedAt === undefined || firedAt < from || firedAt >= to) continue;
      const next = run.at(-1)! + alert.intervalMs;
      runs.push({
        sla: `${labels["sla_namespace"] ?? "?"}/${labels["sla"] ?? "?"}`,
        objective: labels["objective"] ?? "?",
        kind: alert.kind,
        alertname: alert.rule.alert,
        labels,
        firedAt,
        ...(next <= to ? { resolvedAt: next } : {}),
      });
    }
  }
  return runs.sort((a, b) => a.firedAt - b.firedAt || a.sla.localeCompare(b.sla) || a.kind.localeCompare(b.kind));
}

/** Splits evaluation times into runs without a missed evaluation. */
function consecutive(times: readonly number[], intervalMs: number): number[][] {
  const runs: number[][] = [];
  for (const t of times) {
    const last = runs.at(-1);
    if (last && t - last.at(-1)! <= intervalMs * 1.5) last.push(t);
    else runs.push([t]);
  }
  return runs;
}
