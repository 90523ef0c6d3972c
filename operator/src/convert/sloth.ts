// Sloth specs -> ServiceLevelAgreements: the `prometheus/v1` file format (snake_case) and the
// `sloth.slok.dev/v1` PrometheusServiceLevel resource (camelCase), with the burn-rate table of
// Sloth's AlertWindows (its defaults, or the AlertWindows documents among the inputs) carried over
// as inline tiers. Sloth keeps alerting per SLO and we keep it per SLA, so the SLOs of a service
// share one SLA when their alerting and labels agree and get one SLA each when they do not.
import type { Alerting, BurnRateTier, Objective } from "../api/v1alpha1/types.js";
import { parseDuration } from "../compile/duration.js";
import type { IssuePath } from "../compile/index.js";
import {
  alertPrefix, budgetPercentFor, annotationsFrom, canonical, isObject, labelsFrom, nameFor, ownerFrom, slaResource, slaSpec, targetPercent, text, tier,
  type ConvertDocument, type ImportedSla, type Issues, type Json,
} from "./common.js";
import { ourPlaceholders } from "./promql.js";

export const slothApiVersion = "sloth.slok.dev/v1";
export const slothFileVersion = "prometheus/v1";

/** A Sloth AlertWindows table, already in our tier shape. */
export interface SlothWindows {
  readonly period: string;
  readonly tiers: readonly BurnRateTier[];
  /** Where it was defined, for the comment of the SLAs that use it. */
  readonly file: string;
}

export interface SlothOptions {
  /** Sloth's --default-slo-period: the period of every SLO (Sloth specs do not carry one). */
  readonly period: string;
  /** AlertWindows read from the inputs, by period. */
  readonly windows: ReadonlyMap<string, SlothWindows>;
}

/** True for the documents this module reads. */
export function isSlothDocument(value: unknown): boolean {
  if (!isObject(value)) return false;
  return value["version"] === slothFileVersion || (typeof value["apiVersion"] === "string" && value["apiVersion"].startsWith("sloth.slok.dev/"));
}

export const isSlothAlertWindows = (value: unknown): boolean => isObject(value) && value["kind"] === "AlertWindows" && isSlothDocument(value);

/** Sloth's built-in tables (google-30d and google-28d): the SRE Workbook's shares and windows. */
function builtInWindows(period: string): readonly BurnRateTier[] | undefined {
  if (period !== "30d" && period !== "28d" && period !== "4w") return undefined;
  return [tier("page", 2, "5m", "1h"), tier("page", 5, "30m", "6h"), tier("ticket", 10, "2h", "1d"), tier("ticket", 10, "6h", "3d")];
}

/** Reads an AlertWindows document into tiers; errors are reported and give undefined. */
export function readAlertWindows(issues: Issues, document: ConvertDocument): SlothWindows | undefined {
  const spec = (document.value as Json)["spec"];
  if (!isObject(spec)) {
    issues.error(document, ["spec"], "sloth-windows", "an AlertWindows document needs a spec with sloPeriod, page and ticket");
    return undefined;
  }
  const period = text(spec["sloPeriod"]);
  if (period === undefined || parseDuration(period) === undefined) {
    issues.error(document, ["spec", "sloPeriod"], "sloth-windows", `expected the SLO period as a duration such as 30d, found ${JSON.stringify(spec["sloPeriod"]) ?? "nothing"}`);
    return undefined;
  }
  const tiers: BurnRateTier[] = [];
  for (const severity of ["page", "ticket"] as const) {
    for (const speed of ["quick", "slow"] as const) {
      const path = ["spec", severity, speed];
      const w = isObject(spec[severity]) ? (spec[severity] as Json)[speed] : undefined;
      const budget = isObject(w) ? Number(w["errorBudgetPercent"]) : NaN;
      const short = isObject(w) ? text(w["shortWindow"]) : undefined;
      const long = isObject(w) ? text(w["longWindow"]) : undefined;
      if (!(budget > 0 && budget <= 100) || !short || !long || parseDuration(short) === undefined || parseDuration(long) === undefined) {
        issues.error(document, path, "sloth-windows", `expected errorBudgetPercent (0-100], shortWindow and longWindow, found ${JSON.stringify(w) ?? "nothing"}`);
        return undefined;
      }
      tiers.push(tier(severity, budget, short, long));
    }
  }
  return { period, tiers, file: document.file };
}

/** Reads a key in the file format's snake_case or the resource's camelCase. */
const field = (object: unknown, snake: string, camel: string): unknown => (isObject(object) ? object[snake] ?? object[camel] : undefined);

/** The SLO plugins Sloth runs by default: listing them changes nothing. */
const corePlugins = new Set(["sloth.dev/core/sli_rules/v1", "sloth.dev/core/metadata_rules/v1", "sloth.dev/core/alert_rules/v1"]);

interface SloParts {
  readonly objective: Objective;
  readonly path: IssuePath;
  /** What must agree for SLOs to share an SLA: their alerting and their own labels. */
  readonly groupKey: string;
  readonly alerting: Alerting;
  readonly labels: Record<string, string>;
}

/** Converts one Sloth spec into one SLA per group of SLOs with the same alerting and labels. */
export function convertSloth(issues: Issues, document: ConvertDocument, options: SlothOptions): ImportedSla[] {
  const value = document.value as Json;
  const isResource = value["version"] !== slothFileVersion;
  if (isResource && value["kind"] !== "PrometheusServiceLevel") {
    issues.error(document, ["kind"], "sloth-kind", `expected kind PrometheusServiceLevel or AlertWindows for ${slothApiVersion}, found ${JSON.stringify(value["kind"]) ?? "nothing"}`);
    return [];
  }
  if (isResource && value["apiVersion"] !== slothApiVersion) {
    issues.error(document, ["apiVersion"], "sloth-version", `expected apiVersion ${slothApiVersion}, found ${JSON.stringify(value["apiVersion"])}`);
    return [];
  }
  const specPath: IssuePath = isResource ? ["spec"] : [];
  const spec = isResource ? value["spec"] : value;
  if (!isObject(spec)) {
    issues.error(document, specPath, "sloth-spec", "expected a spec with service and slos");
    return [];
  }
  const serviceName = text(spec["service"]);
  if (!serviceName) {
    issues.error(document, [...specPath, "service"], "sloth-service", "a Sloth spec needs a service name");
    return [];
  }
  const service = nameFor(issues, document, [...specPath, "service"], serviceName, "service");
  const labels = labelsFrom(issues, document, [...specPath, "labels"], spec["labels"]);
  const metadata = isObject(value["metadata"]) ? value["metadata"] : {};
  const baseName = isResource && typeof metadata["name"] === "string" ? nameFor(issues, document, ["metadata", "name"], metadata["name"], "name") : service;
  const namespace = isResource && typeof metadata["namespace"] === "string" ? metadata["namespace"] : undefined;
  reportPlugins(issues, document, [...specPath, isResource ? "sloPlugins" : "slo_plugins"], field(spec, "slo_plugins", "sloPlugins"));

  const slos = spec["slos"];
  if (!Array.isArray(slos) || slos.length === 0) {
    issues.error(document, [...specPath, "slos"], "sloth-slos", "a Sloth spec needs at least one SLO under slos");
    return [];
  }
  const parts: SloParts[] = [];
  for (const [i, slo] of slos.entries()) {
    const converted = convertSlo(issues, document, [...specPath, "slos", i], slo);
    if (converted) parts.push(converted);
  }
  if (parts.length === 0) return [];

  const period = options.period;
  const windows = options.windows.get(period);
  const sourceTiers = windows?.tiers ?? builtInWindows(period);
  if (!sourceTiers) {
    issues.warn(document, specPath, "sloth-windows", `Sloth has no burn-rate windows for a ${period} period without an AlertWindows file for it; the table servicelevel-operator makes for ${period} is used`);
  }
  const tiers = sourceTiers && atLeastOnce(issues, document, specPath, sourceTiers, period);
  const groups = new Map<string, SloParts[]>();
  for (const part of parts) groups.set(part.groupKey, [...(groups.get(part.groupKey) ?? []), part]);
  if (groups.size > 1) {
    issues.warn(document, [...specPath, "slos"], "split",
      `the SLOs of service ${JSON.stringify(serviceName)} differ in alerting or labels, which servicelevel.dev sets per SLA: imported as ${groups.size} SLAs, one per SLO group`);
  }
  const owner = ownerFrom(issues, document, specPath, labels);
  const out: ImportedSla[] = [];
  for (const group of groups.values()) {
    const first = group[0]!;
    const name = groups.size === 1 ? baseName : `${baseName}-${first.objective.name}`.slice(0, 63).replace(/-+$/, "");
    const alerting: Alerting = { ...first.alerting, ...(tiers ? { burnRateTiers: [...tiers] } : {}) };
    const sla = slaResource(name, namespace, slaSpec({
      service,
      owner,
      labels: { ...labels, ...first.labels },
      period: { rolling: period },
      objectives: group.map((g) => g.objective),
      alerting,
      // Dashboards built on Sloth's series keep working after the switch.
      compatibility: { sloth: true },
    }));
    out.push({
      sla,
      format: "sloth",
      sources: [{ file: document.file, line: document.locate([...document.base, ...specPath]).line }, ...(windows ? [{ file: windows.file, line: 1 }] : [])],
      origin: { document, path: first.path },
    });
  }
  return out;
}

function convertSlo(issues: Issues, document: ConvertDocument, path: IssuePath, slo: unknown): SloParts | undefined {
  if (!isObject(slo)) {
    issues.error(document, path, "sloth-slo", "expected an SLO (a map with name, objective, sli)");
    return undefined;
  }
  const rawName = text(slo["name"]);
  if (!rawName) {
    issues.error(document, [...path, "name"], "sloth-slo", "an SLO needs a name");
    return undefined;
  }
  const name = nameFor(issues, document, [...path, "name"], rawName, "SLO name");
  const target = targetPercent(issues, document, [...path, "objective"], typeof slo["objective"] === "number" ? slo["objective"] : Number(slo["objective"]), slo["objective"]);
  reportPlugins(issues, document, [...path, "plugins"], slo["plugins"]);
  const indicator = convertSli(issues, document, [...path, "sli"], slo["sli"]);
  if (target === undefined || !indicator) return undefined;
  const description = text(slo["description"]);
  const sloLabels = labelsFrom(issues, document, [...path, "labels"], slo["labels"]);
  const alerting = convertAlerting(issues, document, [...path, "alerting"], slo["alerting"]);
  return {
    objective: { name, ...(description ? { description: description.slice(0, 1024) } : {}), target, indicator },
    path,
    groupKey: canonical({ alerting, sloLabels }),
    alerting,
    labels: sloLabels,
  };
}

function convertSli(issues: Issues, document: ConvertDocument, path: IssuePath, sli: unknown): Objective["indicator"] | undefined {
  const events = isObject(sli) ? sli["events"] : undefined;
  const raw = isObject(sli) ? sli["raw"] : undefined;
  const plugin = isObject(sli) ? sli["plugin"] : undefined;
  if (isObject(events)) {
    const errors = text(field(events, "error_query", "errorQuery"));
    const total = text(field(events, "total_query", "totalQuery"));
    if (!errors || !total) {
      issues.error(document, [...path, "events"], "sloth-sli", "an events SLI needs both the error and the total query");
      return undefined;
    }
    return { ratio: { errors: ourPlaceholders(errors.trim()), total: ourPlaceholders(total.trim()) } };
  }
  if (isObject(raw)) {
    const query = text(field(raw, "error_ratio_query", "errorRatioQuery"));
    if (!query) {
      issues.error(document, [...path, "raw"], "sloth-sli", "a raw SLI needs its error ratio query");
      return undefined;
    }
    issues.warn(document, [...path, "raw"], "raw-windows",
      "a raw SLI is evaluated over each window by Sloth; servicelevel-operator evaluates it up to 1h and averages the 5m ratio for longer windows, so long-window figures are time averages");
    return { raw: { errorRatio: ourPlaceholders(query.trim()) } };
  }
  if (isObject(plugin)) {
    const id = text(plugin["id"]) ?? "(no id)";
    issues.error(document, [...path, "plugin"], "sloth-sli-plugin",
      `SLI plugin ${JSON.stringify(id)} builds its queries in Go code that has no equivalent here; this SLO was not imported. Run the plugin once (sloth generate) and write its error and total queries as an events SLI`);
    return undefined;
  }
  issues.error(document, path, "sloth-sli", "an SLI needs events (error and total queries), raw (an error ratio query) or plugin");
  return undefined;
}

function convertAlerting(issues: Issues, document: ConvertDocument, path: IssuePath, alerting: unknown): Alerting {
  if (!isObject(alerting)) return {};
  const route = (snake: string, camel: string) => {
    const r = field(alerting, snake, camel);
    const routePath = [...path, isObject(alerting) && snake in alerting ? snake : camel];
    if (!isObject(r)) return undefined;
    const labels = labelsFrom(issues, document, [...routePath, "labels"], r["labels"]);
    const annotations = annotationsFrom(issues, document, [...routePath, "annotations"], r["annotations"]);
    return {
      ...(r["disable"] === true ? { disabled: true } : {}),
      ...(Object.keys(labels).length > 0 ? { labels } : {}),
      ...(Object.keys(annotations).length > 0 ? { annotations } : {}),
    };
  };
  const name = text(alerting["name"]);
  const labels = labelsFrom(issues, document, [...path, "labels"], alerting["labels"]);
  const annotations = annotationsFrom(issues, document, [...path, "annotations"], alerting["annotations"]);
  const page = route("page_alert", "pageAlert");
  const ticket = route("ticket_alert", "ticketAlert");
  // alerting.name names the page and the ticket alert, as Sloth's name does: routes keep matching.
  const alertName = name ? alertPrefix(issues, document, [...path, "name"], name) : undefined;
  return {
    ...(alertName ? { name: alertName } : {}),
    ...(Object.keys(labels).length > 0 ? { labels } : {}),
    ...(Object.keys(annotations).length > 0 ? { annotations } : {}),
    ...(page && Object.keys(page).length > 0 ? { page } : {}),
    ...(ticket && Object.keys(ticket).length > 0 ? { ticket } : {}),
  };
}

/**
 * Tiers whose burn-rate factor is below 1 (Sloth's own 7d example: 42% of the budget in 3d is
 * 0.98x) would fire while the budget lasts the period, which servicelevel.dev refuses: their
 * budget share is raised to factor 1 (the long window's share of the period), with a warning.
 */
function atLeastOnce(issues: Issues, document: ConvertDocument, path: IssuePath, tiers: readonly BurnRateTier[], period: string): BurnRateTier[] {
  const periodSeconds = parseDuration(period);
  if (periodSeconds === undefined) return [...tiers];
  return tiers.map((t, i) => {
    const long = parseDuration(t.longWindow);
    if (long === undefined) return t;
    const factor = (t.budgetPercent / 100) * periodSeconds / long;
    if (Number(factor.toPrecision(9)) >= 1) return t;
    const raised = budgetPercentFor(1, long, periodSeconds);
    issues.warn(document, path, "sloth-factor",
      `Sloth's ${t.severity} tier ${i + 1} (${t.budgetPercent}% of the budget in ${t.longWindow} of ${period}) burns at ${Number(factor.toPrecision(4))}x, below 1: ` +
      `it would fire while the budget lasts the period, which servicelevel.dev refuses; imported at 1x (${raised}% in ${t.longWindow})`);
    return { ...t, budgetPercent: raised };
  });
}

/** SLO plugins change the generated rules in Go code: each one that matters is reported. */
function reportPlugins(issues: Issues, document: ConvertDocument, path: IssuePath, plugins: unknown): void {
  const chain = isObject(plugins) ? plugins["chain"] : undefined;
  if (!Array.isArray(chain)) return;
  for (const [i, plugin] of chain.entries()) {
    const id = isObject(plugin) ? text(plugin["id"]) : undefined;
    if (id && corePlugins.has(id)) continue;
    const what = id === "sloth.dev/core/debug/v1" ? "only logs while Sloth generates and changes no rule" : "changes Sloth's generated rules in Go code and has no equivalent here";
    issues.warn(document, [...path, "chain", i], "sloth-slo-plugin", `SLO plugin ${JSON.stringify(id ?? "(no id)")} ${what}; it was not carried over`);
  }
}
