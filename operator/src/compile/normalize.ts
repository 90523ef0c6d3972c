// Turns a validated ServiceLevelAgreement into the internal model: defaults applied, targets as
// ratios, durations as seconds, burn-rate factors computed. Call validateSla first; this assumes
// its input is valid and does not re-check.
import type { BurnRateTable, ServiceLevelAgreement, Period } from "../api/v1alpha1/types.js";
import { parseDuration } from "./duration.js";
import type { AlertKindModel, BurnRateTierModel, DashboardModel, IndicatorModel, MaintenanceModel, ObjectiveAlertsModel, SlaModel } from "./model.js";
import { defaultAlertNames, defaultSeverities } from "./conventions.js";
import { sortKeys } from "./labels.js";

const day = 86_400;
const nominalCalendarSeconds = { week: 7 * day, month: 30 * day, quarter: 90 * day } as const;
export const defaultBurnRateTable = "google-sre";

/** Nominal length of a period in seconds: rolling as written, calendar months as 30 days. */
export function periodSeconds(period: Period | undefined): number {
  if (period?.calendar) return nominalCalendarSeconds[period.calendar];
  return (period?.rolling && parseDuration(period.rolling)) || 30 * day;
}

/** Rounds away float noise such as 0.0010000000000000009, so generated numbers read as written. */
export function clean(value: number): number {
  return Number(value.toPrecision(12));
}

/** The burn-rate tiers that apply to an SLA, with factors for its period; undefined when the table is unknown. */
export function burnRateTiers(
  sla: ServiceLevelAgreement,
  tables: ReadonlyMap<string, BurnRateTable>,
  period: number,
): { table: string; tiers: BurnRateTierModel[] } | undefined {
  const alerting = sla.spec.alerting;
  let table: string;
  let tiers: BurnRateTable["tiers"];
  if (alerting?.burnRateTiers) {
    table = "inline";
    tiers = alerting.burnRateTiers;
  } else {
    table = alerting?.burnRates ?? tableForPeriod(tables, period);
    const found = tables.get(table);
    if (!found) return undefined;
    tiers = found.tiers;
  }
  const models: BurnRateTierModel[] = [];
  for (const tier of tiers) {
    const long = parseDuration(tier.longWindow);
    const short = parseDuration(tier.shortWindow);
    if (long === undefined || short === undefined) return undefined;
    const budgetShare = tier.budgetPercent / 100;
    models.push({ severity: tier.severity, budgetShare, longWindowSeconds: long, shortWindowSeconds: short, factor: clean((budgetShare * period) / long) });
  }
  return { table, tiers: models };
}

/**
 * The table made for this period length, else one whose defaultFor range holds it, else the table
 * nearest in period whose every tier keeps a factor of at least 1 for it (what validation accepts),
 * else the Workbook's.
 */
export function tableForPeriod(tables: ReadonlyMap<string, BurnRateTable>, period: number): string {
  const exact = [...tables.values()].filter((t) => parseDuration(t.period) === period).map((t) => t.name).sort();
  if (exact.includes(defaultBurnRateTable)) return defaultBurnRateTable;
  const inRange = [...tables.values()].filter((t) => t.defaultFor
    && (parseDuration(t.defaultFor.from) ?? Infinity) <= period && period <= (parseDuration(t.defaultFor.to) ?? -Infinity)).map((t) => t.name).sort();
  const found = exact[0] ?? inRange[0];
  if (found !== undefined) return found;
  // The Workbook's table would refuse a 14-day period (its 3-day ticket tier falls to 0.47):
  // a default must never make a valid SLA invalid, so take the closest table that fits.
  const distance = (t: BurnRateTable) => Math.abs(Math.log((parseDuration(t.period) ?? Infinity) / period));
  const fitting = [...tables.values()]
    .filter((t) => parseDuration(t.period) !== undefined && t.tiers.every((tier) => {
      const long = parseDuration(tier.longWindow);
      return long !== undefined && long <= period && (tier.budgetPercent / 100) * period / long >= 1 - 1e-9;
    }))
    .sort((a, b) => distance(a) - distance(b) || (a.name === defaultBurnRateTable ? -1 : b.name === defaultBurnRateTable ? 1 : a.name.localeCompare(b.name)));
  return fitting[0]?.name ?? defaultBurnRateTable;
}

type Spec = ServiceLevelAgreement["spec"];
type ObjectiveSpec = Spec["objectives"][number];
type KindSettings = { disabled?: boolean; labels?: Readonly<Record<string, string>>; annotations?: Readonly<Record<string, string>> } | undefined;

/** The alerts of an objective: its alerting settings merged over the SLA's (labels and annotations add, disabled replaces). */
export function objectiveAlerts(spec: Spec, objective: ObjectiveSpec): ObjectiveAlertsModel {
  const sla = spec.alerting;
  const own = objective.alerting;
  const common = { ...(sla?.labels ?? {}), ...(own?.labels ?? {}) };
  const burnAnnotations = { ...(sla?.annotations ?? {}), ...(own?.annotations ?? {}) };
  const kind = (name: string, base: KindSettings, override: KindSettings, labels: Record<string, string>, annotations: Record<string, string>): AlertKindModel | null => {
    if (override?.disabled ?? base?.disabled) return null;
    return {
      name,
      labels: sortKeys({ ...common, ...labels, ...(base?.labels ?? {}), ...(override?.labels ?? {}) }),
      annotations: sortKeys({ ...annotations, ...(base?.annotations ?? {}), ...(override?.annotations ?? {}) }),
    };
  };
  const burnName = sla?.name ?? defaultAlertNames.burn;
  const page = kind(burnName, sla?.page, own?.page, { severity: defaultSeverities.page }, burnAnnotations);
  const ticket = kind(burnName, sla?.ticket, own?.ticket, { severity: defaultSeverities.ticket }, burnAnnotations);
  // The no-data and exhausted alerts route like the ticket (the page when tickets are off), without the burn annotations.
  const routeLabels = { ...((ticket ?? page)?.labels ?? { severity: defaultSeverities.ticket }) };
  const noData = kind(sla?.noData?.name ?? defaultAlertNames.noData, sla?.noData, own?.noData, routeLabels, {});
  const exhausted = kind(sla?.exhausted?.name ?? defaultAlertNames.exhausted, sla?.exhausted, own?.exhausted, routeLabels, {});
  return {
    page,
    ticket,
    noData: noData ? { ...noData, forSeconds: parseDuration(sla?.noData?.for ?? "10m") ?? 600 } : null,
    exhausted,
  };
}

/** Builds the model of a validated SLA. */
export function normalizeSla(sla: ServiceLevelAgreement, tables: ReadonlyMap<string, BurnRateTable>): SlaModel {
  const spec = sla.spec;
  const seconds = periodSeconds(spec.period);
  const timeZone = spec.period?.timeZone ?? "UTC";
  const tiers = burnRateTiers(sla, tables, seconds);
  return {
    name: sla.metadata.name,
    namespace: sla.metadata.namespace ?? "default",
    service: spec.service,
    owner: spec.owner,
    ...(spec.description === undefined ? {} : { description: spec.description }),
    labels: sortKeys(spec.labels ?? {}),
    period: spec.period?.calendar
      ? { kind: "calendar", unit: spec.period.calendar, timeZone, seconds }
      : { kind: "rolling", seconds, ...(spec.period?.timeZone ? { timeZone } : {}) },
    objectives: spec.objectives.map((o) => ({
      name: o.name,
      ...(o.description === undefined ? {} : { description: o.description }),
      target: clean(o.target / 100),
      budget: clean((100 - o.target) / 100),
      indicator: indicatorModel(o.indicator),
      ...(tiers ? { alerts: objectiveAlerts(spec, o) } : {}),
    })),
    // When tiers of a severity fire together, the most urgent one names the alert (sort is stable).
    alerting: tiers ? { burnRateTable: tiers.table, tiers: [...tiers.tiers].sort((a, b) => b.factor - a.factor) } : null,
    maintenance: maintenanceModels(spec),
    credits: (spec.credits ?? []).map((c) => ({ below: clean(c.below / 100), creditPercent: c.credit })),
    dashboard: spec.dashboard?.disabled ? null : dashboardModel(spec.dashboard),
    ...(spec.compatibility?.sloth || spec.compatibility?.pyrra
      ? { compatibility: { sloth: spec.compatibility.sloth === true, pyrra: spec.compatibility.pyrra === true } }
      : {}),
  };
}

/** The maintenance windows of a spec, scheduled ones in the period's time zone. */
export function maintenanceModels(spec: Spec): MaintenanceModel[] {
  const timeZone = spec.period?.timeZone ?? "UTC";
  return (spec.maintenance ?? []).map((m) =>
    m.schedule !== undefined
      ? { kind: "schedule" as const, cron: m.schedule, durationSeconds: parseDuration(m.duration ?? "0s") ?? 0, timeZone }
      : { kind: "fixed" as const, startMs: Date.parse(m.start ?? ""), endMs: Date.parse(m.end ?? "") });
}

function indicatorModel(indicator: ServiceLevelAgreement["spec"]["objectives"][number]["indicator"]): IndicatorModel {
  if (indicator.ratio) {
    const { errors, good, total } = indicator.ratio;
    return {
      kind: "ratio",
      total: { text: total },
      ...(errors === undefined ? {} : { errors: { text: errors } }),
      ...(good === undefined ? {} : { good: { text: good } }),
    };
  }
  if (indicator.latency) {
    return {
      kind: "latency",
      histogram: indicator.latency.histogram,
      selector: sortKeys(indicator.latency.selector ?? {}),
      thresholdSeconds: parseDuration(indicator.latency.threshold) ?? 0,
      ...(indicator.latency.native === true ? { native: true as const } : {}),
    };
  }
  if (indicator.probe) return { kind: "probe", metric: indicator.probe.metric, selector: sortKeys(indicator.probe.selector ?? {}) };
  return { kind: "raw", errorRatio: { text: indicator.raw?.errorRatio ?? "" } };
}

/** Folder and filters describe an own dashboard, so they ask for one as `own` does. */
function dashboardModel(dashboard: ServiceLevelAgreement["spec"]["dashboard"]): DashboardModel {
  const filters = [...(dashboard?.filters ?? [])];
  const folder = dashboard?.folder ?? null;
  return { own: dashboard?.own === true || folder !== null || filters.length > 0, folder, filters };
}
