// OpenSLO (v1 and v1alpha) -> ServiceLevelAgreements. All documents of one import are read
// together, so indicatorRef, alertPolicyRef, conditionRef and metricSourceRef resolve across
// files. SLOs of one service with the same window and alerting share one SLA, one objective each.
import type { Alerting, BurnRateTier, Objective, Period } from "../api/v1alpha1/types.js";
import { isValidTimeZone } from "../compile/budget/zone.js";
import { formatDuration } from "../compile/duration.js";
import type { IssuePath } from "../compile/index.js";
import {
  budgetPercentFor, canonical, clean, isObject, labelsFrom, nameFor, ownerFrom, slaResource, slaSpec, targetPercent, text, tier,
  type ConvertDocument, type ImportedSla, type Issues, type Json,
} from "./common.js";
import { ownerAnnotation } from "./openslo-export.js";
import { checkEnvelope, checkIndicatorSpec, checkObject, type OpenSloObject } from "./openslo-check.js";
import { ourPlaceholders, hasPlaceholder, withWindow } from "./promql.js";

const second = 1;
const unitSeconds: Record<string, number> = { s: second, m: 60, h: 3600, d: 86_400, w: 604_800, M: 30 * 86_400, Q: 90 * 86_400, Y: 365 * 86_400 };
const alphaUnits: Record<string, string> = { Second: "s", Minute: "m", Hour: "h", Day: "d", Week: "w", Month: "M", Quarter: "Q", Year: "Y" };

/** An SLO named <service>-<objective> gives the objective name; others keep their name. */
const objectiveBase = (slo: string, service: string): string =>
  slo.startsWith(`${service}-`) && slo.length > service.length + 1 ? slo.slice(service.length + 1) : slo;

/** OpenSLO's duration shorthand (<int><m|h|d|w|M|Q|Y>) as a count and unit. */
export function parseShorthand(value: unknown): { count: number; unit: string } | undefined {
  const match = typeof value === "string" ? /^(\d+)([smhdwMQY])$/.exec(value.trim()) : null;
  if (!match) return undefined;
  const count = Number(match[1]);
  return count > 0 ? { count, unit: match[2]! } : undefined;
}

/** Registry of the supporting objects of an import, by kind and name; remembers which were used. */
class Registry extends Map<string, OpenSloObject> {
  readonly used = new Set<string>();
  override get(k: string): OpenSloObject | undefined {
    this.used.add(k);
    return super.get(k);
  }

  /** Looks an object up without counting it as used. */
  peek(k: string): OpenSloObject | undefined {
    return super.get(k);
  }
}
const key = (kind: string, name: string) => `${kind}/${name}`;

/** Converts every OpenSLO object of an import; supporting objects produce no SLA of their own. */
export function convertOpenSlo(issues: Issues, objects: readonly { document: ConvertDocument }[]): ImportedSla[] {
  const registry = new Registry();
  const slos: OpenSloObject[] = [];
  for (const { document } of objects) {
    const object = checkEnvelope(issues, document, [], document.value);
    if (!object || !checkObject(issues, object)) continue;
    if (object.kind === "SLO") {
      slos.push(object);
      continue;
    }
    const k = key(object.kind, object.name);
    const before = registry.peek(k);
    if (before && object.kind === "Service") {
      issues.warn(document, ["metadata", "name"], "openslo-duplicate", `Service ${object.name} is already defined in ${before.document.file}:${before.document.locate(before.document.base).line}; that one is used`);
      continue;
    }
    if (before) {
      issues.error(document, ["metadata", "name"], "openslo-duplicate", `${object.kind} ${object.name} is already defined in ${before.document.file}:${before.document.locate(before.document.base).line}`);
      continue;
    }
    registry.set(k, object);
  }
  const converted = slos.map((slo) => convertSlo(issues, slo, registry)).filter((c): c is ConvertedSlo => c !== undefined);
  const slas = groupIntoSlas(issues, converted, registry);
  // An object no SLO refers to gives no SLA; say so rather than pass over it in silence.
  for (const [k, object] of registry) {
    if (registry.used.has(k)) continue;
    issues.warn(object.document, ["metadata", "name"], "openslo-unused",
      `${object.kind} ${object.name} is used by no SLO among the inputs, so nothing is imported from it; give the SLOs that refer to it in the same import`);
  }
  return slas;
}

interface ConvertedSlo {
  readonly slo: OpenSloObject;
  readonly service: string;
  readonly period: Period;
  readonly objectives: Objective[];
  readonly alerting: Alerting;
  readonly labels: Record<string, string>;
}

function convertSlo(issues: Issues, slo: OpenSloObject, registry: Registry): ConvertedSlo | undefined {
  const { document, spec, version } = slo;
  const warn = (path: IssuePath, code: string, message: string) => issues.warn(document, ["spec", ...path], code, message);
  const before = issues.list.filter((i) => i.severity === "error").length;
  const period = convertWindow(issues, slo);
  const method = spec["budgetingMethod"];
  const objectives: Objective[] = [];
  const sourceObjectives = spec["objectives"] as unknown[];
  const composite = version === "v1" && spec["indicator"] === undefined && spec["indicatorRef"] === undefined;
  if (composite) {
    const weights = sourceObjectives.map((o) => (isObject(o) && typeof o["compositeWeight"] === "number" ? o["compositeWeight"] : 1));
    warn(["objectives"], "openslo-composite",
      `a composite SLO (weights ${weights.join(", ")}) has no equivalent in servicelevel.dev/v1alpha1: each objective is imported, measured and alerted on by itself, without the weighted composite`);
  }
  for (const [i, raw] of sourceObjectives.entries()) {
    const o = raw as Json;
    const path = ["objectives", i];
    const target = targetPercent(issues, document, ["spec", ...path, typeof o["targetPercent"] === "number" ? "targetPercent" : "target"],
      typeof o["targetPercent"] === "number" ? o["targetPercent"] : typeof o["target"] === "number" ? clean(o["target"] * 100) : undefined, o["target"] ?? o["targetPercent"]);
    const indicator = version === "v1"
      ? v1Indicator(issues, slo, registry, composite ? o : spec, composite ? path : [], o, path)
      : v1alphaIndicator(issues, slo, o, path);
    if (method === "Timeslices") {
      warn([...path, "timeSliceTarget"], "openslo-timeslices",
        `Timeslices counts the share of good ${text(o["timeSliceWindow"]) ?? ""} slices (a slice is good at ${String(o["timeSliceTarget"])}); servicelevel.dev/v1alpha1 has no budgetingMethod: imported as Occurrences, good events over all events`);
    } else if (method === "RatioTimeslices") {
      warn([...path, "timeSliceWindow"], "openslo-timeslices",
        `RatioTimeslices averages the ratios of ${text(o["timeSliceWindow"]) ?? ""} slices; servicelevel.dev/v1alpha1 has no budgetingMethod: imported as Occurrences, good events over all events`);
    }
    if (version === "v1alpha" && o["value"] === undefined && o["ratioMetrics"] !== undefined) {
      warn([...path], "openslo-value", "OpenSLO v1alpha requires value on every objective (the OpenSLO validator rejects this document; Sloth accepts it); it has no meaning for a ratio and is not needed here");
    }
    if (target === undefined || indicator === undefined) continue;
    const single = sourceObjectives.length === 1;
    const displayName = text(o["displayName"]) ?? text(o["name"]);
    const base = objectiveBase(slo.name, text(spec["service"]) ?? "");
    const name = single ? base : `${base}-${displayName ? nameFor(issues, document, ["spec", ...path, "displayName"], displayName, "objective name") : String(i)}`.slice(0, 63).replace(/-+$/, "");
    const description = [text(spec["description"]), single ? undefined : displayName].filter(Boolean).join(": ");
    objectives.push({ name, ...(description ? { description: description.slice(0, 1024) } : {}), target, indicator });
  }
  const alerting = convertAlertPolicies(issues, slo, registry, period);
  if (issues.list.filter((i) => i.severity === "error").length > before || !period || objectives.length !== sourceObjectives.length) return undefined;
  if (isObject(slo.metadata["annotations"]) && Object.keys(slo.metadata["annotations"]).length > 0) {
    issues.warn(document, ["metadata", "annotations"], "openslo-annotations", "SLO annotations have no place in an SLA; they were not carried over");
  }
  const serviceName = text(spec["service"])!;
  return {
    slo,
    service: serviceName,
    period,
    objectives,
    alerting: alerting ?? {},
    labels: labelsFrom(issues, document, ["metadata", "labels"], slo.metadata["labels"]),
  };
}

/** The SLO's time window as an SLA period; what has no exact equivalent is a warning. */
function convertWindow(issues: Issues, slo: OpenSloObject): Period | undefined {
  const windowsKey = slo.version === "v1" ? "timeWindow" : "timeWindows";
  const path = ["spec", windowsKey, 0];
  const w = (slo.spec[windowsKey] as Json[])[0]!;
  let length: { count: number; unit: string } | undefined;
  if (slo.version === "v1") {
    length = parseShorthand(w["duration"]);
    if (!length) {
      issues.error(slo.document, [...path, "duration"], "openslo-window", `expected a duration such as 28d or 1M (m minute, M month), found ${JSON.stringify(w["duration"]) ?? "nothing"}`);
      return undefined;
    }
  } else {
    const unit = alphaUnits[String(w["unit"])];
    const count = Number(w["count"]);
    if (!unit || !(count > 0) || !Number.isInteger(count)) {
      issues.error(slo.document, path, "openslo-window", `expected a count (> 0) and a unit (${Object.keys(alphaUnits).join(", ")}), found ${JSON.stringify({ count: w["count"], unit: w["unit"] })}`);
      return undefined;
    }
    length = { count, unit };
  }
  const seconds = length.count * unitSeconds[length.unit]!;
  const written = slo.version === "v1" ? String(w["duration"]) : `${length.count} ${String(w["unit"])}`;
  const rolling = (): Period => {
    const exact = length.unit !== "M" && length.unit !== "Q";
    if (!exact) issues.warn(slo.document, path, "openslo-window", `a rolling ${written} is taken as ${formatDuration(seconds)} (months as 30 days, quarters as 90)`);
    return { rolling: length.unit === "w" ? `${length.count * 7}d` : formatDuration(seconds) };
  };
  if (seconds < 3600) {
    issues.error(slo.document, path, "openslo-window", `a time window of ${written} (${formatDuration(seconds)}) is too short to measure an error budget over${length.unit === "m" ? "; m is minutes, M is months" : ""}`);
    return undefined;
  }
  if (w["isRolling"] === true) return rolling();
  if (w["isRolling"] === undefined && !isObject(w["calendar"])) {
    issues.warn(slo.document, path, "openslo-window", "isRolling is missing: read as a rolling window, as Sloth does (the OpenSLO validator rejects a window that is neither rolling nor has a calendar)");
    return rolling();
  }
  const calendar = w["calendar"] as Json;
  const timeZone = text(calendar["timeZone"]);
  if (timeZone !== undefined && !isValidTimeZone(timeZone)) {
    issues.error(slo.document, [...path, "calendar", "timeZone"], "openslo-window", `${JSON.stringify(timeZone)} is not an IANA time zone such as Europe/Berlin`);
    return undefined;
  }
  const unit = length.count === 1 ? ({ w: "week", M: "month", Q: "quarter" } as const)[length.unit as "w" | "M" | "Q"] : undefined;
  const zone = timeZone && timeZone !== "UTC" ? { timeZone } : {};
  if (!unit) {
    issues.warn(slo.document, path, "openslo-window", `a calendar window of ${written} has no equivalent (calendar periods are one week, month or quarter): imported as a rolling ${formatDuration(seconds)}`);
    return rolling();
  }
  const start = text(calendar["startTime"]);
  if (start !== undefined && !alignedStart(start, unit)) {
    issues.warn(slo.document, [...path, "calendar", "startTime"], "openslo-window",
      `calendar ${unit}s start at midnight on the ${unit === "week" ? "Monday" : "first day"} in their time zone; the start ${JSON.stringify(start)} is not carried over`);
  }
  return { calendar: unit, ...zone };
}

/** Whether a calendar startTime ("2022-01-01 00:00:00") falls where our calendar periods begin. */
function alignedStart(start: string, unit: "week" | "month" | "quarter"): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(start.trim());
  if (!match) return false;
  const [, y, mo, d, h, mi, s] = match.map(Number) as [number, number, number, number, number, number, number];
  if (h !== 0 || mi !== 0 || s !== 0) return false;
  if (unit === "week") return new Date(Date.UTC(y, mo - 1, d)).getUTCDay() === 1;
  return d === 1 && (unit === "month" || (mo - 1) % 3 === 0);
}

/** A Prometheus query of a metric source (v1), resolving metricSourceRef to its DataSource. */
function prometheusQuery(issues: Issues, registry: Registry, source: unknown, path: IssuePath, where: ConvertDocument): string | undefined {
  const metricSource = isObject(source) ? source["metricSource"] : undefined;
  const fail = (message: string) => {
    issues.error(where, [...path, "metricSource"], "openslo-source", message);
    return undefined;
  };
  if (!isObject(metricSource)) return fail("a metricSource is required");
  let type = text(metricSource["type"]);
  const ref = text(metricSource["metricSourceRef"]);
  if (type === undefined && ref !== undefined) {
    const dataSource = registry.get(key("DataSource", ref));
    if (!dataSource) return fail(`metricSourceRef ${JSON.stringify(ref)}: no DataSource of that name among the inputs`);
    type = text(dataSource.spec["type"]);
  }
  if (!type || type.toLowerCase() !== "prometheus") {
    return fail(`metric source type ${JSON.stringify(type ?? "none")}: only Prometheus queries can be imported (servicelevel-operator measures with Prometheus)`);
  }
  const spec = metricSource["spec"];
  const query = isObject(spec) ? text(spec["query"]) ?? text(spec["promql"]) : undefined;
  if (!query) return fail("the Prometheus metric source needs spec.query");
  return query;
}

/** A windowed query, or an error saying why the query could not be given a window. */
function windowed(issues: Issues, where: ConvertDocument, path: IssuePath, query: string, counter: boolean): string | undefined {
  const result = withWindow(query, counter ? "rate" : "avg_over_time");
  if (!result.ok) {
    issues.error(where, path, "openslo-query", `the query ${JSON.stringify(query)} cannot be measured over a window: ${result.reason}`);
    return undefined;
  }
  return result.query;
}

const comparison: Record<string, string> = { gt: ">", lt: "<", gte: ">=", lte: "<=" };

/** The time-based error ratio of a threshold query: the share of evaluations that miss `op value`. */
function thresholdRatio(query: string, op: string, value: number): string {
  const inner = hasPlaceholder(query) ? ourPlaceholders(query) : query.trim();
  return `1 - avg_over_time(((${inner}) ${comparison[op]} bool ${value})[{{window}}:])`;
}

/** The indicator of an objective of a v1 SLO: from the SLO (or the composite objective), inline or by indicatorRef. */
function v1Indicator(issues: Issues, slo: OpenSloObject, registry: Registry, holder: Json, holderPath: IssuePath, objective: Json, objectivePath: IssuePath): Objective["indicator"] | undefined {
  let sli: Json;
  let where: ConvertDocument = slo.document;
  let base: IssuePath = [...slo.at, "spec", ...holderPath, "indicator", "spec"];
  if (holder["indicatorRef"] !== undefined) {
    const ref = text(holder["indicatorRef"]) ?? "";
    const found = registry.get(key("SLI", ref));
    if (!found) {
      issues.error(slo.document, ["spec", ...holderPath, "indicatorRef"], "openslo-ref", `indicatorRef ${JSON.stringify(ref)}: no SLI of that name among the inputs; give the file that defines it too`);
      return undefined;
    }
    sli = found.spec;
    where = found.document;
    base = [...found.at, "spec"];
  } else {
    const inline = holder["indicator"];
    const spec = isObject(inline) ? inline["spec"] : undefined;
    if (!isObject(spec)) {
      issues.error(slo.document, ["spec", ...holderPath, "indicator"], "openslo-invalid", "an inline indicator needs metadata and spec");
      return undefined;
    }
    const before = issues.list.length;
    checkIndicatorSpec(spec, [], (p, m) => issues.error(slo.document, ["spec", ...holderPath, "indicator", "spec", ...p], "openslo-invalid", m));
    if (issues.list.length > before) return undefined;
    sli = spec;
  }
  const at = (path: IssuePath) => [...base, ...path];
  const ratio = sli["ratioMetric"];
  if (isObject(ratio)) {
    if (objective["op"] !== undefined) {
      issues.error(slo.document, ["spec", ...objectivePath, "op"], "openslo-invalid", "op is forbidden on an objective of a ratioMetric SLI (it applies to thresholdMetric)");
      return undefined;
    }
    const counter = ratio["counter"] !== false;
    if (ratio["counter"] === false) {
      issues.warn(where, at(["ratioMetric", "counter"]), "openslo-gauge", "counter: false: the good and total gauges are averaged over each window (avg_over_time), a ratio of averages");
    }
    if (ratio["raw"] !== undefined) {
      const query = prometheusQuery(issues, registry, ratio["raw"], at(["ratioMetric", "raw"]), where);
      if (!query) return undefined;
      const inner = hasPlaceholder(query) ? ourPlaceholders(query) : `avg_over_time((${query.trim()})[{{window}}:])`;
      return { raw: { errorRatio: ratio["rawType"] === "failure" ? inner : `1 - (${inner})` } };
    }
    const kind = ratio["good"] !== undefined ? "good" : "bad";
    const q = prometheusQuery(issues, registry, ratio[kind], at(["ratioMetric", kind]), where);
    const t = prometheusQuery(issues, registry, ratio["total"], at(["ratioMetric", "total"]), where);
    if (!q || !t) return undefined;
    const part = windowed(issues, where, at(["ratioMetric", kind, "metricSource", "spec", "query"]), q, counter);
    const total = windowed(issues, where, at(["ratioMetric", "total", "metricSource", "spec", "query"]), t, counter);
    if (!part || !total) return undefined;
    return { ratio: kind === "good" ? { good: part, total } : { errors: part, total } };
  }
  const query = prometheusQuery(issues, registry, sli["thresholdMetric"], at(["thresholdMetric"]), where);
  return query === undefined ? undefined : thresholdIndicator(issues, slo, objective, objectivePath, query);
}

function thresholdIndicator(issues: Issues, slo: OpenSloObject, objective: Json, objectivePath: IssuePath, query: string): Objective["indicator"] | undefined {
  const op = text(objective["op"]);
  const value = objective["value"];
  if (!op || !(op in comparison) || typeof value !== "number") {
    issues.error(slo.document, ["spec", ...objectivePath], "openslo-threshold", "an objective of a thresholdMetric needs op (gt, lt, gte, lte) and a numeric value");
    return undefined;
  }
  issues.warn(slo.document, ["spec", ...objectivePath], "openslo-threshold",
    `a threshold metric is imported as a time-based raw indicator: the share of rule evaluations at which the query is not ${op} ${value}`);
  return { raw: { errorRatio: thresholdRatio(query, op, value) } };
}

/** The indicator of a v1alpha objective: its ratioMetrics or the SLO's thresholdMetric. */
function v1alphaIndicator(issues: Issues, slo: OpenSloObject, objective: Json, path: IssuePath): Objective["indicator"] | undefined {
  const source = (m: unknown, p: IssuePath): string | undefined => {
    const type = isObject(m) ? text(m["source"]) : undefined;
    const query = isObject(m) ? text(m["query"]) : undefined;
    if (!type || type.toLowerCase() !== "prometheus" || !query) {
      issues.error(slo.document, ["spec", ...p], "openslo-source", `source ${JSON.stringify(type ?? "none")}: only Prometheus queries can be imported`);
      return undefined;
    }
    return query;
  };
  const ratio = objective["ratioMetrics"];
  if (isObject(ratio)) {
    const counter = ratio["incremental"] !== false && ratio["counter"] !== false;
    const good = source(ratio["good"], [...path, "ratioMetrics", "good"]);
    const total = source(ratio["total"], [...path, "ratioMetrics", "total"]);
    if (!good || !total) return undefined;
    const g = windowed(issues, slo.document, ["spec", ...path, "ratioMetrics", "good", "query"], good, counter);
    const t = windowed(issues, slo.document, ["spec", ...path, "ratioMetrics", "total", "query"], total, counter);
    return g && t ? { ratio: { good: g, total: t } } : undefined;
  }
  const threshold = isObject(slo.spec["indicator"]) ? slo.spec["indicator"]["thresholdMetric"] : undefined;
  const query = source(threshold, ["indicator", "thresholdMetric"]);
  return query === undefined ? undefined : thresholdIndicator(issues, slo, objective, path, query);
}

/** OpenSLO burn-rate conditions as tiers: threshold is the factor, lookbackWindow the long window. */
function convertAlertPolicies(issues: Issues, slo: OpenSloObject, registry: Registry, period: Period | undefined): Alerting | undefined {
  const policies = slo.spec["alertPolicies"];
  const warn = (path: IssuePath, message: string) => issues.warn(slo.document, ["spec", ...path], "openslo-alerting", message);
  if (!Array.isArray(policies) || policies.length === 0) {
    warn([], "the SLO has no alert policy, so the SLA has no burn-rate alerts (as Sloth generates none for it); remove alerting.page.disabled and alerting.ticket.disabled to get servicelevel-operator's for the period");
    return { page: { disabled: true }, ticket: { disabled: true } };
  }
  const seconds = period ? periodLength(period) : undefined;
  const tiers: BurnRateTier[] = [];
  const severities: Record<"page" | "ticket", string[]> = { page: [], ticket: [] };
  let noData: boolean | undefined;
  for (const [i, entry] of policies.entries()) {
    const path = ["alertPolicies", i];
    let policy: OpenSloObject | undefined;
    let name: string | undefined;
    if (typeof entry === "string" || (isObject(entry) && typeof entry["alertPolicyRef"] === "string")) {
      name = typeof entry === "string" ? entry : (entry["alertPolicyRef"] as string);
      if (typeof entry === "string") warn(path, `a bare alert policy name is what old validators accepted; OpenSLO v1 writes - alertPolicyRef: ${name}`);
      policy = registry.get(key("AlertPolicy", name));
    } else if (isObject(entry) && entry["kind"] === "AlertPolicy") {
      policy = checkEnvelope(issues, slo.document, [...slo.at, "spec", ...path], entry, "AlertPolicy");
      if (policy && !checkObject(issues, policy)) policy = undefined;
      if (!policy) continue;
    }
    if (!policy) {
      issues.error(slo.document, ["spec", ...path], "openslo-ref", name ? `alert policy ${JSON.stringify(name)}: no AlertPolicy of that name among the inputs; give the file that defines it too` : "expected alertPolicyRef or an inline AlertPolicy");
      continue;
    }
    if (policy.spec["alertWhenNoData"] !== undefined) noData = policy.spec["alertWhenNoData"] === true;
    const targets = (policy.spec["notificationTargets"] as Json[]).map((t) => text(t["targetRef"]) ?? text(isObject(t["metadata"]) ? t["metadata"]["name"] : undefined) ?? "?");
    issues.warn(policy.document, [...policy.at, "spec", "notificationTargets"], "openslo-targets",
      `notification targets (${targets.join(", ")}) are not carried over: route the alerts in Alertmanager by their severity and labels`);
    const c = (policy.spec["conditions"] as Json[])[0]!;
    let condition: OpenSloObject | undefined;
    if (typeof c["conditionRef"] === "string") {
      condition = registry.get(key("AlertCondition", c["conditionRef"]));
      if (!condition) {
        issues.error(policy.document, [...policy.at, "spec", "conditions", 0, "conditionRef"], "openslo-ref",
          `conditionRef ${JSON.stringify(c["conditionRef"])}: no AlertCondition of that name among the inputs`);
        continue;
      }
    } else {
      condition = checkEnvelope(issues, policy.document, [...policy.at, "spec", "conditions", 0], c, "AlertCondition");
      if (!condition) continue;
    }
    const burn = condition.spec["condition"] as Json;
    const factor = burn["threshold"] as number;
    const long = parseShorthand(burn["lookbackWindow"]);
    const here = [...condition.at, "spec", "condition"];
    if (!long || long.unit === "M" || long.unit === "Q" || long.unit === "Y") {
      issues.error(condition.document, [...here, "lookbackWindow"], "openslo-alerting", `expected a lookback window such as 1h, found ${JSON.stringify(burn["lookbackWindow"])}`);
      continue;
    }
    const longSeconds = long.count * unitSeconds[long.unit]!;
    const shortSeconds = Math.max(60, Math.round(longSeconds / 12 / 60) * 60);
    const severity = longSeconds <= 6 * 3600 ? "page" : "ticket";
    severities[severity].push(text(condition.spec["severity"]) ?? severity);
    issues.warn(condition.document, here, "openslo-alerting",
      `burn rate ${factor} over ${formatDuration(longSeconds)}: imported as a ${severity} tier with a short window of ${formatDuration(shortSeconds)} (a twelfth of the lookback, so the alert resets soon after recovery); ` +
      `alertAfter ${String(burn["alertAfter"])} is not carried over (the alert fires as soon as both windows burn)${burn["op"] === "gt" || burn["op"] === "gte" ? "" : `; op ${String(burn["op"])} is read as gt`}`);
    if (seconds === undefined) continue;
    if (shortSeconds >= longSeconds) {
      issues.error(condition.document, [...here, "lookbackWindow"], "openslo-alerting", `a lookback window of ${formatDuration(longSeconds)} is too short for a multiwindow alert`);
      continue;
    }
    tiers.push(tier(severity, budgetPercentFor(factor, longSeconds, seconds), formatDuration(shortSeconds), formatDuration(longSeconds)));
  }
  if (tiers.length === 0) return undefined;
  const route = (which: "page" | "ticket") => {
    const values = [...new Set(severities[which])];
    if (values.length > 1) warn(["alertPolicies"], `${which} conditions have severities ${values.join(", ")}; servicelevel.dev has one per route: ${values[0]} is used`);
    return values.length > 0 ? { labels: { severity: values[0]! } } : { disabled: true };
  };
  return {
    burnRateTiers: tiers.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "page" ? -1 : 1)),
    page: route("page"),
    ticket: route("ticket"),
    ...(noData === false ? { noData: { disabled: true } } : {}),
  };
}

function periodLength(period: Period): number {
  if (period.calendar) return { week: 7, month: 30, quarter: 90 }[period.calendar] * 86_400;
  const match = /^(\d+)([a-z]+)$/.exec(period.rolling ?? "30d");
  return match ? Number(match[1]) * (unitSeconds[match[2]!] ?? 86_400) : 30 * 86_400;
}

/** The owner an export wrote on the Service. */
function ownerOf(service: OpenSloObject | undefined): string | undefined {
  const annotations = service?.metadata["annotations"];
  return isObject(annotations) ? text(annotations[ownerAnnotation]) : undefined;
}

/** Groups the SLOs of a service with the same period, alerting and labels into one SLA. */
function groupIntoSlas(issues: Issues, slos: readonly ConvertedSlo[], registry: Registry): ImportedSla[] {
  const groups = new Map<string, ConvertedSlo[]>();
  for (const slo of slos) {
    const k = canonical({ service: slo.service, period: slo.period, alerting: slo.alerting, labels: slo.labels });
    groups.set(k, [...(groups.get(k) ?? []), slo]);
  }
  const perService = new Map<string, number>();
  for (const group of groups.values()) perService.set(group[0]!.service, (perService.get(group[0]!.service) ?? 0) + 1);
  const out: ImportedSla[] = [];
  for (const group of groups.values()) {
    const first = group[0]!;
    const document = first.slo.document;
    const serviceObject = registry.get(key("Service", first.service));
    const service = nameFor(issues, document, ["spec", "service"], first.service, "service");
    const name = perService.get(first.service) === 1 ? service : `${service}-${first.slo.name}`.slice(0, 63).replace(/-+$/, "");
    const names = new Set<string>();
    const objectives = group.flatMap((g) => g.objectives).filter((o) => {
      if (names.has(o.name)) {
        issues.error(document, ["metadata", "name"], "openslo-duplicate", `objective ${o.name} is defined twice for service ${first.service}`);
        return false;
      }
      names.add(o.name);
      return true;
    });
    const serviceLabels = serviceObject ? labelsFrom(issues, serviceObject.document, ["metadata", "labels"], serviceObject.metadata["labels"]) : {};
    const labels = { ...serviceLabels, ...first.labels };
    const description = serviceObject ? text(serviceObject.spec["description"]) : undefined;
    const sla = slaResource(name, undefined, slaSpec({
      service,
      owner: ownerOf(serviceObject) ?? ownerFrom(issues, document, ["metadata"], labels),
      description,
      labels,
      period: first.period,
      objectives,
      alerting: first.alerting,
    }));
    const sources = [...group.map((g) => ({ file: g.slo.document.file, line: g.slo.document.locate(g.slo.document.base).line })),
      ...(serviceObject ? [{ file: serviceObject.document.file, line: serviceObject.document.locate(serviceObject.document.base).line }] : [])];
    out.push({ sla, format: "openslo", sources, origin: { document, path: ["spec"] } });
  }
  return out;
}
