// Semantic validation of a ServiceLevelAgreement that already passed the schema: the checks JSON
// Schema and CEL cannot express (PromQL that parses, {{window}} placement, credit ordering,
// dependency arithmetic, label names, time zones, cron). Returns issues; never throws.
import type { ServiceLevelAgreement, BurnRateTable } from "../api/v1alpha1/types.js";
import { cronEverFires, parseCron } from "./cron.js";
import { formatDuration, parseDuration } from "./duration.js";
import { error, warning, type Issue, type IssuePath } from "./issues.js";
import { parseWindowTemplate } from "./promql/parse.js";
import { burnRateTiers, maintenanceModels, periodSeconds } from "./normalize.js";
import { inexpressibleReason } from "./alertmanager.js";
import { prometheusLabels, reservedLabels, routeLabels } from "./labels.js";
import { templateProblem } from "./go-template.js";
import { closestName, defaultMaxDistance } from "./closest-name.js";
import { durationBounds, durationExpectation, type DurationBounds } from "../api/v1alpha1/bounds.js";

const labelNameRe = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

export interface ValidationContext {
  /** Burn-rate tables by name (policies/alerting/). */
  readonly burnRateTables: ReadonlyMap<string, BurnRateTable>;
  /** Other SLAs of the same input, for dependency checks; keyed "namespace/name". */
  readonly peers?: ReadonlyMap<string, ServiceLevelAgreement>;
}

/** Checks what the schema cannot; an empty list means the SLA compiles. */
export function validateSla(sla: ServiceLevelAgreement, context: ValidationContext): Issue[] {
  const issues: Issue[] = [];
  const spec = sla.spec;
  const specPath = ["spec"];

  checkLabels(issues, [...specPath, "labels"], spec.labels, "every-rule");
  checkPeriod(issues, sla);
  checkObjectives(issues, sla);
  checkAlerting(issues, sla, context);
  checkMaintenance(issues, sla);
  checkMaintenanceExpressible(issues, sla);
  checkTierFactors(issues, sla, context);
  checkObjectiveAlerting(issues, sla);
  checkCredits(issues, sla);
  checkDependencies(issues, sla, context);
  if (spec.review) checkDuration(issues, [...specPath, "review", "every"], spec.review.every, durationBounds.reviewEvery);
  for (const [i, filter] of (spec.dashboard?.filters ?? []).entries()) {
    if (!(filter in (spec.labels ?? {}))) {
      issues.push(error([...specPath, "dashboard", "filters", i], "unknown-filter",
        `dashboard filter ${JSON.stringify(filter)} is not a key of spec.labels (${Object.keys(spec.labels ?? {}).join(", ") || "none"})`));
    }
  }
  return issues;
}

/** Checks a duration field against its bounds (and the period, when given); returns its seconds when valid. */
function checkDuration(issues: Issue[], path: IssuePath, text: string, bounds: DurationBounds, periodLimit?: number): number | undefined {
  const seconds = parseDuration(text);
  if (seconds === undefined || seconds < bounds.minSeconds || seconds > bounds.maxSeconds) {
    issues.push(error(path, "invalid-range", `${durationExpectation(bounds)}, found ${JSON.stringify(text)}`));
    return undefined;
  }
  if (periodLimit !== undefined && seconds > periodLimit) {
    issues.push(error(path, "invalid-range", `expected at most the SLA's period (${formatDuration(periodLimit)}), found ${text}`));
    return undefined;
  }
  return seconds;
}

/** Where labels end up: on every rule, on one alert route's alerts, or only in a selector. */
type LabelPlace = "every-rule" | "route" | "selector";

function checkLabels(issues: Issue[], path: IssuePath, labels: Readonly<Record<string, string>> | undefined, place: LabelPlace): void {
  const rejectReserved = place !== "selector";
  for (const [name, value] of Object.entries(labels ?? {})) {
    // Prometheus expands alert label values as Go templates; a value is data and must stay one.
    if (rejectReserved && typeof value === "string" && value.includes("{{")) {
      issues.push(error([...path, name], "template-in-label", `label values are copied as data, so they may not contain {{ (Prometheus would run it as a template in alert labels), found ${JSON.stringify(value)}; put templates in annotations`));
    }
    if (!labelNameRe.test(name)) {
      issues.push(error([...path, name], "invalid-label-name", `label name ${JSON.stringify(name)} must match [a-zA-Z_][a-zA-Z0-9_]*`));
    } else if (rejectReserved && (reservedLabels as readonly string[]).includes(name)) {
      issues.push(error([...path, name], "reserved-label", `label ${JSON.stringify(name)} is set by the compiler on every rule; choose another name`));
    } else if (rejectReserved && (prometheusLabels as readonly string[]).includes(name)) {
      issues.push(error([...path, name], "reserved-label", `label ${JSON.stringify(name)} is set by Prometheus (${name === "le" ? "histogram buckets" : "on every alert"}); choose another name`));
    } else if (place === "every-rule" && (routeLabels as readonly string[]).includes(name)) {
      issues.push(error([...path, name], "reserved-label",
        `label ${JSON.stringify(name)} is set per alert route and would override it on every alert; set it in spec.alerting.page.labels or spec.alerting.ticket.labels`));
    } else if (name.startsWith("__")) {
      issues.push(error([...path, name], "reserved-label", `label names starting with __ are reserved by Prometheus`));
    }
  }
}

function checkPeriod(issues: Issue[], sla: ServiceLevelAgreement): void {
  const period = sla.spec.period;
  if (!period) return;
  const path = ["spec", "period"];
  if (period.rolling !== undefined && period.calendar !== undefined) {
    issues.push(error(path, "period-conflict", "give rolling or calendar, not both"));
  }
  if (period.rolling !== undefined) checkDuration(issues, [...path, "rolling"], period.rolling, durationBounds.period);
  if (period.timeZone !== undefined && !isTimeZone(period.timeZone)) {
    issues.push(error([...path, "timeZone"], "invalid-time-zone", `expected an IANA time zone such as Europe/Berlin, found ${JSON.stringify(period.timeZone)}`));
  }
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function checkObjectives(issues: Issue[], sla: ServiceLevelAgreement): void {
  const seen = new Map<string, number>();
  for (const [i, objective] of sla.spec.objectives.entries()) {
    const path = ["spec", "objectives", i];
    const first = seen.get(objective.name);
    if (first !== undefined) {
      issues.push(error([...path, "name"], "duplicate-name", `objective name ${JSON.stringify(objective.name)} is already used by spec.objectives[${first}]`));
    } else seen.set(objective.name, i);
    checkTargetIsPercent(issues, [...path, "target"], objective.target);

    const indicator = objective.indicator;
    const kinds = (["ratio", "latency", "probe", "raw"] as const).filter((k) => indicator[k] !== undefined);
    if (kinds.length !== 1) {
      issues.push(error([...path, "indicator"], "schema", `give exactly one of ratio, latency, probe or raw, found ${kinds.length === 0 ? "none" : kinds.join(" and ")}`));
      continue;
    }
    const queries: [string, string | undefined][] = [];
    if (indicator.ratio) {
      if ((indicator.ratio.errors === undefined) === (indicator.ratio.good === undefined)) {
        issues.push(error([...path, "indicator", "ratio"], "schema", "give exactly one of errors or good"));
      }
      queries.push(["errors", indicator.ratio.errors], ["good", indicator.ratio.good], ["total", indicator.ratio.total]);
      for (const [field, query] of queries) {
        if (query !== undefined) checkTemplate(issues, [...path, "indicator", "ratio", field], query);
      }
    }
    if (indicator.raw) checkTemplate(issues, [...path, "indicator", "raw", "errorRatio"], indicator.raw.errorRatio);
    if (indicator.latency) {
      checkLabels(issues, [...path, "indicator", "latency", "selector"], indicator.latency.selector, "selector");
      checkDuration(issues, [...path, "indicator", "latency", "threshold"], indicator.latency.threshold, durationBounds.threshold);
      if (indicator.latency.selector && "le" in indicator.latency.selector) {
        issues.push(error([...path, "indicator", "latency", "selector", "le"], "reserved-label", "le is set from threshold; remove it from the selector"));
      }
    }
    if (indicator.probe) checkLabels(issues, [...path, "indicator", "probe", "selector"], indicator.probe.selector, "selector");
  }
}

/** Targets are percentages; one below 1 is almost surely a ratio (0.9995 for 99.95%), and would promise next to nothing. */
function checkTargetIsPercent(issues: Issue[], path: IssuePath, target: number): void {
  if (!(target > 0 && target < 1)) return;
  const percent = Number((target * 100).toPrecision(12));
  issues.push(error(path, "target-looks-like-ratio",
    `expected a percentage such as 99.9, found ${target}, which looks like a ratio (it would promise ${target}% of events good); write ${percent} for ${percent}%`));
}

function checkTemplate(issues: Issue[], path: IssuePath, query: string): void {
  const parsed = parseWindowTemplate(query);
  if (parsed.ok) return;
  for (const problem of parsed.problems) {
    const code = problem.kind === "window" ? "promql-window" : problem.kind === "semantic" ? "promql-semantics" : "promql-syntax";
    issues.push(error(path, code, problem.message));
  }
}

function checkAlerting(issues: Issue[], sla: ServiceLevelAgreement, context: ValidationContext): void {
  const alerting = sla.spec.alerting;
  const path = ["spec", "alerting"];
  if (alerting) {
    checkLabels(issues, [...path, "labels"], alerting.labels, "every-rule");
    checkLabels(issues, [...path, "page", "labels"], alerting.page?.labels, "route");
    checkLabels(issues, [...path, "ticket", "labels"], alerting.ticket?.labels, "route");
    checkAnnotations(issues, [...path, "annotations"], alerting.annotations);
    checkAnnotations(issues, [...path, "page", "annotations"], alerting.page?.annotations);
    checkAnnotations(issues, [...path, "ticket", "annotations"], alerting.ticket?.annotations);
    if (alerting.burnRates !== undefined && alerting.burnRateTiers !== undefined) {
      issues.push(error(path, "schema", "give burnRates or burnRateTiers, not both"));
    }
    if (alerting.burnRates !== undefined && !context.burnRateTables.has(alerting.burnRates)) {
      issues.push(error([...path, "burnRates"], "unknown-burn-rate-table",
        `no burn-rate table named ${JSON.stringify(alerting.burnRates)}; known: ${[...context.burnRateTables.keys()].sort().join(", ")}`));
      return;
    }
    const period = periodSeconds(sla.spec.period);
    for (const [i, tier] of (alerting.burnRateTiers ?? []).entries()) {
      const tierPath = [...path, "burnRateTiers", i];
      const long = checkDuration(issues, [...tierPath, "longWindow"], tier.longWindow, durationBounds.window, period);
      const short = checkDuration(issues, [...tierPath, "shortWindow"], tier.shortWindow, durationBounds.window, period);
      if (long !== undefined && short !== undefined && short >= long) {
        issues.push(error([...tierPath, "shortWindow"], "invalid-range", `the short window (${tier.shortWindow}) must be shorter than the long window (${tier.longWindow})`));
      }
    }
    if (alerting.noData?.for !== undefined) checkDuration(issues, [...path, "noData", "for"], alerting.noData.for, durationBounds.noDataFor);
  }
  const period = periodSeconds(sla.spec.period);
  const tiers = burnRateTiers(sla, context.burnRateTables, period);
  if (!tiers) {
    // Every way to no alerts must be explicit: a tier that cannot be built is an error, never silence.
    if (!issues.some((i) => i.severity === "error" && i.path[1] === "alerting")) {
      issues.push(error(path, "no-alerts", "this SLA would compile to no alert at all: its burn-rate tiers cannot be built; give valid tiers, or disable page, ticket and noData explicitly"));
    }
    return;
  }
  for (const [i, objective] of sla.spec.objectives.entries()) {
    const budget = (100 - objective.target) / 100;
    for (const [t, tier] of tiers.tiers.entries()) {
      if (alerting?.[tier.severity]?.disabled) continue;
      if (i === 0 && tier.longWindowSeconds > period && alerting?.burnRates !== undefined) {
        issues.push(error(["spec", "alerting", "burnRates"], "window-exceeds-period",
          `the ${tier.severity} tier ${t + 1} of ${tiers.table} measures over ${formatDuration(tier.longWindowSeconds)}, longer than the ` +
          `${formatDuration(period)} period; name a table made for this period, or give burnRateTiers`));
      } else if (i === 0 && tier.longWindowSeconds > period && alerting?.burnRateTiers === undefined) {
        issues.push(warning(["spec", "alerting"], "window-exceeds-period",
          `the ${tier.severity} tier ${t + 1} of ${tiers.table} measures over ${formatDuration(tier.longWindowSeconds)}, longer than the ` +
          `${formatDuration(period)} period; name a table made for short periods in alerting.burnRates, or give burnRateTiers`));
      }
      if (tier.factor * budget >= 1) {
        issues.push(warning(["spec", "objectives", i, "target"], "tier-never-fires",
          `with a target of ${objective.target}% the ${tier.severity} tier ${t + 1} of ${tiers.table} needs an error ratio of ` +
          `${(tier.factor * budget * 100).toFixed(1)}%, which cannot happen: that tier will never fire`));
      }
    }
  }
}

function checkAnnotations(issues: Issue[], path: IssuePath, annotations: Readonly<Record<string, string>> | undefined): void {
  for (const [name, value] of Object.entries(annotations ?? {})) {
    // The schema's key pattern cannot reach the CRD, and a key outside it escapes ajv's value check too.
    if (!labelNameRe.test(name)) {
      issues.push(error([...path, name], "invalid-label-name", `annotation name ${JSON.stringify(name)} must match [a-zA-Z_][a-zA-Z0-9_]*`));
      continue;
    }
    if (typeof value !== "string") {
      issues.push(error([...path, name], "schema", `expected a string, found ${JSON.stringify(value)}`));
      continue;
    }
    const problem = templateProblem(value);
    if (problem) issues.push(error([...path, name], "template-syntax", `expected a Go template Prometheus can parse: ${problem}`));
  }
}

/** The chain of dependencies from `from` back to `target` among the peers, or undefined when there is none. */
function pathBack(from: string, target: string, peers: ReadonlyMap<string, ServiceLevelAgreement>): string[] | undefined {
  const seen = new Set<string>();
  const visit = (key: string): string[] | undefined => {
    if (key === target) return [key];
    if (seen.has(key)) return undefined;
    seen.add(key);
    const peer = peers.get(key);
    if (!peer) return undefined;
    const namespace = peer.metadata.namespace ?? "default";
    for (const dependency of peer.spec.dependencies ?? []) {
      const rest = visit(`${dependency.namespace ?? namespace}/${dependency.name}`);
      if (rest) return [key, ...rest];
    }
    return undefined;
  };
  return visit(from);
}

function checkMaintenance(issues: Issue[], sla: ServiceLevelAgreement): void {
  for (const [i, window] of (sla.spec.maintenance ?? []).entries()) {
    const path = ["spec", "maintenance", i];
    if (window.schedule !== undefined) {
      const cron = parseCron(window.schedule);
      if (!cron.ok) issues.push(error([...path, "schedule"], "invalid-cron", cron.message));
      else if (!cronEverFires(cron.value)) {
        issues.push(warning([...path, "schedule"], "cron-never-fires", `the schedule ${JSON.stringify(window.schedule)} never fires: no month it names has the days of month it names`));
      }
      if (window.duration === undefined) issues.push(error(path, "schema", "a scheduled window needs a duration"));
      else checkDuration(issues, [...path, "duration"], window.duration, durationBounds.maintenance, periodSeconds(sla.spec.period));
    } else if (window.start !== undefined && window.end !== undefined) {
      const start = Date.parse(window.start);
      const end = Date.parse(window.end);
      if (Number.isNaN(start)) issues.push(error([...path, "start"], "invalid-range", `expected an RFC 3339 time, found ${JSON.stringify(window.start)}`));
      if (Number.isNaN(end)) issues.push(error([...path, "end"], "invalid-range", `expected an RFC 3339 time, found ${JSON.stringify(window.end)}`));
      if (start >= end) issues.push(error([...path, "end"], "invalid-range", `end (${window.end}) must be after start (${window.start})`));
    } else {
      issues.push(error(path, "schema", "give schedule and duration, or start and end"));
    }
  }
}

function checkCredits(issues: Issue[], sla: ServiceLevelAgreement): void {
  const credits = sla.spec.credits ?? [];
  for (let i = 1; i < credits.length; i++) {
    const previous = credits[i - 1]!;
    const current = credits[i]!;
    if (current.below >= previous.below) {
      issues.push(error(["spec", "credits", i, "below"], "credits-order",
        `credit tiers must be ordered by falling threshold: ${current.below} follows ${previous.below}`));
    } else if (current.credit < previous.credit) {
      issues.push(error(["spec", "credits", i, "credit"], "credits-order",
        `a lower threshold must not owe less credit: ${current.credit}% below ${current.below} but ${previous.credit}% below ${previous.below}`));
    }
  }
}

function checkDependencies(issues: Issue[], sla: ServiceLevelAgreement, context: ValidationContext): void {
  const dependencies = sla.spec.dependencies ?? [];
  const namespace = sla.metadata.namespace ?? "default";
  const self = `${namespace}/${sla.metadata.name}`;
  for (const [i, dependency] of dependencies.entries()) {
    const key = `${dependency.namespace ?? namespace}/${dependency.name}`;
    if (key === self) {
      issues.push(error(["spec", "dependencies", i], "dependency-cycle", `${self} depends on itself; remove this dependency`));
      continue;
    }
    const cycle = context.peers ? pathBack(key, self, context.peers) : undefined;
    if (cycle) issues.push(error(["spec", "dependencies", i], "dependency-cycle", `dependency cycle: ${[self, ...cycle].join(" -> ")}; an SLA cannot rely on what relies on it`));
  }
  if (!context.peers || dependencies.length === 0) return;
  checkDependenciesExist(issues, sla, context.peers);
  // A serial dependency caps what this service can attain: it cannot be more available than the
  // product of the weakest promise of each dependency it needs. One the service copes without
  // (retries, a fallback) says so in weakerBecause and is left out, or the product would refuse
  // a deliberate design.
  let supported = 1;
  const known: string[] = [];
  const serial: number[] = [];
  for (const [i, dependency] of dependencies.entries()) {
    if (dependency.weakerBecause !== undefined) continue;
    const peer = context.peers.get(`${dependency.namespace ?? namespace}/${dependency.name}`);
    if (!peer) continue;
    const weakest = Math.min(...peer.spec.objectives.map((o) => o.target));
    supported *= weakest / 100;
    known.push(`${dependency.name} (${weakest}%)`);
    serial.push(i);
  }
  if (known.length === 0) return;
  const ceiling = Number((supported * 100).toPrecision(10));
  const fields = serial.map((i) => `spec.dependencies[${i}].weakerBecause`).join(" or ");
  for (const [i, objective] of sla.spec.objectives.entries()) {
    if (objective.target > ceiling) {
      issues.push(error(["spec", "objectives", i, "target"], "dependency-target",
        `target ${objective.target}% is more than the dependencies can support: ${known.join(", ")} allow at most ${ceiling}%; ` +
        `lower the target, or, if the service copes with a weaker dependency (retries, a fallback), say how in ${fields}`));
    }
  }
}

/**
 * A dependency on an SLA that is not among the peers (the inputs of slactl, the cluster of the
 * operator) is most often a misspelt name: say so with the nearest known one, as a warning,
 * since the SLA may simply live elsewhere. Its targets are then not part of the ceiling check.
 */
function checkDependenciesExist(issues: Issue[], sla: ServiceLevelAgreement, peers: ReadonlyMap<string, ServiceLevelAgreement>): void {
  const namespace = sla.metadata.namespace ?? "default";
  const self = `${namespace}/${sla.metadata.name}`;
  for (const [i, dependency] of (sla.spec.dependencies ?? []).entries()) {
    const key = `${dependency.namespace ?? namespace}/${dependency.name}`;
    if (key === self || peers.has(key)) continue;
    const candidates = [...peers.keys()].filter((k) => k !== self);
    const closest = closestName(key, candidates, defaultMaxDistance(dependency.name));
    issues.push(warning(["spec", "dependencies", i, "name"], "dependency-not-found",
      `no valid ServiceLevelAgreement ${key} is known, so the targets it supports are not checked` +
      (closest !== undefined ? `; did you mean ${JSON.stringify(closest)}?` : "")));
  }
}

/** Maintenance windows must be exactly expressible as Alertmanager mute time intervals, or muting would silently differ. */
function checkMaintenanceExpressible(issues: Issue[], sla: ServiceLevelAgreement): void {
  if (issues.some((i) => (i.severity === "error" && i.path[1] === "maintenance") || i.code === "invalid-time-zone")) return;
  for (const [i, window] of maintenanceModels(sla.spec).entries()) {
    const reason = inexpressibleReason(window);
    if (reason) issues.push(error(["spec", "maintenance", i, window.kind === "fixed" ? "start" : "schedule"], "maintenance-not-expressible", reason));
  }
}

/** A tier whose factor is below 1 fires while the budget would last the period: an alert on a healthy service. */
function checkTierFactors(issues: Issue[], sla: ServiceLevelAgreement, context: ValidationContext): void {
  const period = periodSeconds(sla.spec.period);
  const tiers = burnRateTiers(sla, context.burnRateTables, period);
  if (!tiers) return;
  // A table or window refused for the period already has its error, with the same fix: one cause, one error.
  const refused = issues.filter((i) => i.severity === "error");
  if (refused.some((i) => i.code === "window-exceeds-period")) return;
  for (const [t, tier] of tiers.tiers.entries()) {
    // A factor of exactly 1 (the Workbook's 3d ticket tier) is fine; budgetPercent written to ten digits
    // (as an import of a factor-1 tier is) may land a rounding step below it.
    if (sla.spec.alerting?.[tier.severity]?.disabled || tier.factor >= 1 - 1e-9) continue;
    if (refused.some((i) => i.path[3] === t && i.path[2] === "burnRateTiers" && i.path[4] === "longWindow")) continue;
    const path = sla.spec.alerting?.burnRateTiers ? ["spec", "alerting", "burnRateTiers", t, "budgetPercent"] : ["spec", "alerting"];
    issues.push(error(path, "tier-factor-too-low",
      `the ${tier.severity} tier ${t + 1} of ${tiers.table} (${tier.budgetShare * 100}% of the budget in ${formatDuration(tier.longWindowSeconds)}) ` +
      `has a burn-rate factor of ${tier.factor} for the ${formatDuration(period)} period: below 1 it fires while the budget would last the whole period. ` +
      `Raise its budgetPercent, shorten its window, or name a table made for this period in alerting.burnRates`));
  }
}

function checkObjectiveAlerting(issues: Issue[], sla: ServiceLevelAgreement): void {
  for (const [i, objective] of sla.spec.objectives.entries()) {
    const alerting = objective.alerting;
    if (!alerting) continue;
    const path = ["spec", "objectives", i, "alerting"];
    checkLabels(issues, [...path, "labels"], alerting.labels, "every-rule");
    checkAnnotations(issues, [...path, "annotations"], alerting.annotations);
    for (const kind of ["page", "ticket", "noData", "exhausted"] as const) {
      checkLabels(issues, [...path, kind, "labels"], alerting[kind]?.labels, "route");
      checkAnnotations(issues, [...path, kind, "annotations"], alerting[kind]?.annotations);
    }
  }
  const alerting = sla.spec.alerting;
  for (const kind of ["noData", "exhausted"] as const) {
    checkLabels(issues, ["spec", "alerting", kind, "labels"], alerting?.[kind]?.labels, "route");
    checkAnnotations(issues, ["spec", "alerting", kind, "annotations"], alerting?.[kind]?.annotations);
  }
}
