// Pyrra ServiceLevelObjectives (pyrra.dev/v1alpha1, and the group-less `apiVersion: v1alpha1`
// found in real repositories) -> ServiceLevelAgreements, one per objective. Pyrra's four alert
// tiers (factors 14, 7, 2, 1, windows scaled from its 28-day table) are carried over as inline
// burn-rate tiers, so the imported alerts fire on Pyrra's windows and factors.
import type { Alerting, BurnRateTier, Objective } from "../api/v1alpha1/types.js";
import { formatDuration, parseDuration } from "../compile/duration.js";
import type { IssuePath } from "../compile/index.js";
import {
  alertPrefix, budgetPercentFor, isObject, labelsFrom, nameFor, ownerFrom, slaResource, slaSpec, targetPercent, text, tier,
  type ConvertDocument, type ImportedSla, type Issues, type Json,
} from "./common.js";
import { parseSelector } from "./promql.js";

const pyrraKind = "ServiceLevelObjective";

/** True for the documents this module reads. */
export function isPyrraDocument(value: unknown): boolean {
  return isObject(value) && (value["apiVersion"] === "pyrra.dev/v1alpha1" || (value["apiVersion"] === "v1alpha1" && value["kind"] === pyrraKind));
}

/** One of Pyrra's alert tiers, as fractions of the SLO window W (Pyrra's 28d table divided by 28d). */
interface PyrraTier {
  readonly severity: "page" | "ticket";
  readonly pyrraSeverity: "fastBurn" | "mediumBurn" | "slowBurn" | "longTermBurn";
  readonly factor: number;
  /** W divided by these gives the windows. */
  readonly shortDivisor: number;
  readonly longDivisor: number;
  readonly forDivisor: number;
}

const pyrraTiers: readonly PyrraTier[] = [
  { severity: "page", pyrraSeverity: "fastBurn", factor: 14, shortDivisor: 8064, longDivisor: 672, forDivisor: 20160 },
  { severity: "page", pyrraSeverity: "mediumBurn", factor: 7, shortDivisor: 1344, longDivisor: 112, forDivisor: 2688 },
  { severity: "ticket", pyrraSeverity: "slowBurn", factor: 2, shortDivisor: 336, longDivisor: 28, forDivisor: 672 },
  { severity: "ticket", pyrraSeverity: "longTermBurn", factor: 1, shortDivisor: 112, longDivisor: 7, forDivisor: 224 },
];

/** Rounds seconds to the minute as Go's time.Duration.Round does (halves away from zero). */
const roundToMinute = (seconds: number): number => Math.max(60, Math.round(seconds / 60) * 60);

/** Pyrra's windows for an SLO window, as it computes them, and the tiers with the same factors. */
export function pyrraWindows(windowSeconds: number): { tier: PyrraTier; shortSeconds: number; longSeconds: number; forSeconds: number }[] {
  return pyrraTiers.map((t) => ({
    tier: t,
    shortSeconds: roundToMinute(windowSeconds / t.shortDivisor),
    longSeconds: roundToMinute(windowSeconds / t.longDivisor),
    forSeconds: roundToMinute(windowSeconds / t.forDivisor),
  }));
}

/** Converts one Pyrra ServiceLevelObjective. */
export function convertPyrra(issues: Issues, document: ConvertDocument): ImportedSla[] {
  const value = document.value as Json;
  if (value["kind"] !== pyrraKind) {
    issues.error(document, ["kind"], "pyrra-kind", `expected kind ${pyrraKind}, found ${JSON.stringify(value["kind"]) ?? "nothing"}`);
    return [];
  }
  const metadata = isObject(value["metadata"]) ? value["metadata"] : {};
  const rawName = text(metadata["name"]);
  if (!rawName) {
    issues.error(document, ["metadata", "name"], "pyrra-name", "a ServiceLevelObjective needs metadata.name");
    return [];
  }
  const spec = value["spec"];
  if (!isObject(spec)) {
    issues.error(document, ["spec"], "pyrra-spec", "expected a spec with target, window and indicator");
    return [];
  }
  const name = nameFor(issues, document, ["metadata", "name"], rawName, "name");
  const namespace = text(metadata["namespace"]);
  const target = targetPercent(issues, document, ["spec", "target"], Number(spec["target"]), spec["target"]);
  const window = text(spec["window"]);
  const windowSeconds = window === undefined ? undefined : parseDuration(window);
  if (window === undefined || windowSeconds === undefined) {
    issues.error(document, ["spec", "window"], "pyrra-window", `expected the SLO window as a duration such as 28d, found ${JSON.stringify(spec["window"]) ?? "nothing"}`);
  }
  const indicator = convertIndicator(issues, document, ["spec", "indicator"], spec["indicator"]);
  if (target === undefined || windowSeconds === undefined || !indicator) return [];

  // Pyrra keeps only metadata labels prefixed pyrra.dev/ on its series (the others select the PrometheusRule).
  const sourceLabels = isObject(metadata["labels"]) ? metadata["labels"] : {};
  const kept = Object.fromEntries(Object.entries(sourceLabels).filter(([k]) => k.startsWith("pyrra.dev/")).map(([k, v]) => [k.slice("pyrra.dev/".length), v]));
  const labels = labelsFrom(issues, document, ["metadata", "labels"], kept);
  for (const key of Object.keys(sourceLabels).filter((k) => !k.startsWith("pyrra.dev/"))) {
    issues.warn(document, ["metadata", "labels", key], "pyrra-label",
      `label ${JSON.stringify(key)} selects Pyrra's PrometheusRule; pass it to slactl compile/run as --rule-label ${key}=${text(sourceLabels[key]) ?? ""} instead (it is not an SLA label)`);
  }
  for (const key of ["partial_response_strategy", "performanceOverAccuracy", "ruleOutput"]) {
    if (spec[key] !== undefined && spec[key] !== false && spec[key] !== "abort") {
      issues.warn(document, ["spec", key], "pyrra-unsupported", `${key} configures how Pyrra writes its rules and has no equivalent; it was not carried over`);
    }
  }
  const description = text(spec["description"]) ?? text(isObject(metadata["annotations"]) ? metadata["annotations"]["pyrra.dev/description"] : undefined);
  const objective: Objective = { name, target, indicator };
  const alerting = convertAlerting(issues, document, spec["alerting"], windowSeconds);
  const owner = ownerFrom(issues, document, ["metadata"], labels);
  const sla = slaResource(name, namespace, slaSpec({
    service: name,
    owner,
    description,
    labels,
    period: { rolling: window! },
    objectives: [objective],
    alerting,
    // Dashboards built on the source tool's series keep working after the switch.
    compatibility: { pyrra: true },
  }));
  return [{ sla, format: "pyrra", sources: [{ file: document.file, line: document.locate(document.base).line }], origin: { document, path: ["spec"] } }];
}

function convertAlerting(issues: Issues, document: ConvertDocument, alerting: unknown, windowSeconds: number): Alerting {
  const path: IssuePath = ["spec", "alerting"];
  const source = isObject(alerting) ? alerting : {};
  const windows = pyrraWindows(windowSeconds);
  const tiers: BurnRateTier[] = windows.map((w) => tier(w.tier.severity, budgetPercentFor(w.tier.factor, w.longSeconds, windowSeconds), formatDuration(w.shortSeconds), formatDuration(w.longSeconds)));
  issues.warn(document, [], "pyrra-for",
    `Pyrra holds its burn-rate alerts for ${windows.map((w) => formatDuration(w.forSeconds)).join(", ")} before they fire; servicelevel-operator alerts fire as soon as both windows burn, so they can fire that much sooner`);
  const severities = isObject(source["severities"]) ? source["severities"] : {};
  const severityOf = (which: PyrraTier["pyrraSeverity"], fallback: string) => text(severities[which]) ?? fallback;
  const pageSeverity = severityOf("fastBurn", "critical");
  const ticketSeverity = severityOf("slowBurn", "warning");
  if (severityOf("mediumBurn", "critical") !== pageSeverity || severityOf("longTermBurn", "warning") !== ticketSeverity) {
    issues.warn(document, [...path, "severities"], "pyrra-severity",
      `servicelevel.dev sets one severity label for both page tiers and one for both ticket tiers: page alerts get severity ${JSON.stringify(pageSeverity)}, ticket alerts ${JSON.stringify(ticketSeverity)}`);
  }
  const disabled = source["disabled"] === true;
  const burnrates = source["burnrates"] !== false && !disabled;
  const absent = source["absent"] !== false && !disabled;
  // alerting.name names the page and the ticket alert and noData.name the no-data alert, so
  // Pyrra's names (ErrorBudgetBurn and SLOMetricAbsent unless set) carry over and routes keep matching.
  const name = alertPrefix(issues, document, [...path, "name"], text(source["name"]) ?? "ErrorBudgetBurn");
  const absentName = alertPrefix(issues, document, [...path, "absentName"], text(source["absentName"]) ?? "SLOMetricAbsent");
  if (severities["absent"] !== undefined) {
    issues.warn(document, [...path, "severities", "absent"], "pyrra-severity", "the no-data alert takes the ticket route's labels; its own severity was not carried over");
  }
  return {
    name,
    burnRateTiers: tiers,
    page: burnrates ? { labels: { severity: pageSeverity } } : { disabled: true },
    ticket: burnrates ? { labels: { severity: ticketSeverity } } : { disabled: true },
    ...(absent ? { noData: { name: absentName } } : { noData: { disabled: true } }),
  };
}

/** A Pyrra metric field: the selector text, checked to be one. */
function metricOf(issues: Issues, document: ConvertDocument, path: IssuePath, value: unknown): string | undefined {
  const metric = isObject(value) ? text(value["metric"]) : undefined;
  if (!metric || !parseSelector(metric)) {
    issues.error(document, [...path, "metric"], "pyrra-metric", `expected a series selector such as http_requests_total{job="api"}, found ${JSON.stringify(metric) ?? "nothing"}`);
    return undefined;
  }
  return metric.trim();
}

function reportGrouping(issues: Issues, document: ConvertDocument, path: IssuePath, grouping: unknown): void {
  if (Array.isArray(grouping) && grouping.length > 0) {
    issues.warn(document, [...path, "grouping"], "pyrra-grouping",
      `Pyrra measures and alerts per ${grouping.join(", ")}; servicelevel.dev/v1alpha1 measures one series per objective, so the groups are summed into one`);
  }
}

function convertIndicator(issues: Issues, document: ConvertDocument, path: IssuePath, indicator: unknown): Objective["indicator"] | undefined {
  if (!isObject(indicator)) {
    issues.error(document, path, "pyrra-indicator", "expected an indicator: ratio, latency, latencyNative or bool_gauge");
    return undefined;
  }
  const rate = (selector: string) => `sum(rate(${selector}[{{window}}]))`;
  if (isObject(indicator["ratio"])) {
    const p = [...path, "ratio"];
    reportGrouping(issues, document, p, indicator["ratio"]["grouping"]);
    const errors = metricOf(issues, document, [...p, "errors"], indicator["ratio"]["errors"]);
    const total = metricOf(issues, document, [...p, "total"], indicator["ratio"]["total"]);
    return errors && total ? { ratio: { errors: rate(errors), total: rate(total) } } : undefined;
  }
  if (isObject(indicator["latency"])) {
    const p = [...path, "latency"];
    reportGrouping(issues, document, p, indicator["latency"]["grouping"]);
    const success = metricOf(issues, document, [...p, "success"], indicator["latency"]["success"]);
    const total = metricOf(issues, document, [...p, "total"], indicator["latency"]["total"]);
    if (!success || !total) return undefined;
    return latencyIndicator(success, total) ?? { ratio: { good: rate(success), total: rate(total) } };
  }
  if (isObject(indicator["latencyNative"])) {
    const p = [...path, "latencyNative"];
    reportGrouping(issues, document, p, indicator["latencyNative"]["grouping"]);
    const total = metricOf(issues, document, [...p, "total"], indicator["latencyNative"]["total"]);
    const latency = text(indicator["latencyNative"]["latency"]);
    const seconds = latency === undefined ? undefined : parseDuration(latency);
    if (seconds === undefined) issues.error(document, [...p, "latency"], "pyrra-latency", `expected a duration such as 200ms, found ${JSON.stringify(latency) ?? "nothing"}`);
    if (!total || seconds === undefined) return undefined;
    const histogram = `sum(rate(${total}[{{window}}]))`;
    return { ratio: { good: `histogram_fraction(0, ${seconds}, ${histogram}) * histogram_count(${histogram})`, total: `histogram_count(${histogram})` } };
  }
  if (isObject(indicator["bool_gauge"])) {
    const p = [...path, "bool_gauge"];
    reportGrouping(issues, document, p, indicator["bool_gauge"]["grouping"]);
    const metric = metricOf(issues, document, p, indicator["bool_gauge"]);
    if (!metric) return undefined;
    const selector = parseSelector(metric)!;
    if (selector.matchers.every((m) => m.op === "=")) {
      return { probe: { metric: selector.metric, ...(selector.matchers.length > 0 ? { selector: Object.fromEntries(selector.matchers.map((m) => [m.name, m.value])) } : {}) } };
    }
    return { ratio: { errors: `sum(count_over_time(${metric}[{{window}}])) - sum(sum_over_time(${metric}[{{window}}]))`, total: `sum(count_over_time(${metric}[{{window}}]))` } };
  }
  issues.error(document, path, "pyrra-indicator", `expected an indicator: ratio, latency, latencyNative or bool_gauge, found ${Object.keys(indicator).join(", ") || "none"}`);
  return undefined;
}

/** A latency indicator when Pyrra's success/total pair is exactly a histogram bucket and count with equality matchers. */
function latencyIndicator(success: string, total: string): Objective["indicator"] | undefined {
  const bucket = parseSelector(success);
  const count = parseSelector(total);
  if (!bucket || !count || !bucket.metric.endsWith("_bucket") || !count.metric.endsWith("_count")) return undefined;
  const histogram = bucket.metric.slice(0, -"_bucket".length);
  if (count.metric !== `${histogram}_count`) return undefined;
  const le = bucket.matchers.find((m) => m.name === "le");
  const others = bucket.matchers.filter((m) => m.name !== "le");
  if (!le || le.op !== "=" || others.some((m) => m.op !== "=")) return undefined;
  if (canonicalMatchers(others) !== canonicalMatchers(count.matchers)) return undefined;
  const seconds = Number(le.value);
  const threshold = durationOf(seconds);
  if (threshold === undefined) return undefined;
  return { latency: { histogram, ...(others.length > 0 ? { selector: Object.fromEntries(others.map((m) => [m.name, m.value])) } : {}), threshold } };
}

const canonicalMatchers = (matchers: readonly { name: string; op: string; value: string }[]) =>
  matchers.map((m) => `${m.name}${m.op}${JSON.stringify(m.value)}`).sort().join(",");

/** A bucket bound in seconds as an exact Prometheus duration (whole milliseconds), else undefined. */
function durationOf(seconds: number): string | undefined {
  if (!(seconds > 0) || !Number.isFinite(seconds)) return undefined;
  const ms = Math.round(seconds * 1000);
  if (Math.abs(ms - seconds * 1000) > 1e-6) return undefined;
  return ms % 1000 === 0 ? formatDuration(ms / 1000) : `${ms}ms`;
}
