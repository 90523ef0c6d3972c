// The normalized internal model the generators work on. It is deliberately not the CRD shape:
// targets are ratios, durations are seconds, defaults are applied and tiers carry their computed
// factors, so rules.ts, dashboards.ts and tests.ts never re-derive them.

/** A PromQL query written by a user, with {{window}} placeholders, already checked to parse. */
export interface QueryTemplate {
  readonly text: string;
}

export type IndicatorModel =
  | { readonly kind: "ratio"; readonly errors?: QueryTemplate; readonly good?: QueryTemplate; readonly total: QueryTemplate }
  | { readonly kind: "latency"; readonly histogram: string; readonly selector: Readonly<Record<string, string>>; readonly thresholdSeconds: number; readonly native?: true }
  | { readonly kind: "probe"; readonly metric: string; readonly selector: Readonly<Record<string, string>> }
  | { readonly kind: "raw"; readonly errorRatio: QueryTemplate };

export interface ObjectiveModel {
  readonly name: string;
  readonly description?: string;
  /** Promised share of good events or time, e.g. 0.999. */
  readonly target: number;
  /** Allowed share of bad events or time: 1 - target. */
  readonly budget: number;
  readonly indicator: IndicatorModel;
  /** The objective's alerts: the SLA's alerting settings with the objective's merged over them; absent without alerting. */
  readonly alerts?: ObjectiveAlertsModel;
}

/** One alert of an objective: its name and the labels and annotations users set (generated ones are added by rules.ts). */
export interface AlertKindModel {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
}

/** The alerts of one objective; a null kind is disabled. */
export interface ObjectiveAlertsModel {
  readonly page: AlertKindModel | null;
  readonly ticket: AlertKindModel | null;
  readonly noData: (AlertKindModel & { readonly forSeconds: number }) | null;
  readonly exhausted: AlertKindModel | null;
}

export type Severity = "page" | "ticket";

export interface BurnRateTierModel {
  readonly severity: Severity;
  /** Share of the period's budget, e.g. 0.02. */
  readonly budgetShare: number;
  readonly longWindowSeconds: number;
  readonly shortWindowSeconds: number;
  /** Burn rate that spends budgetShare within the long window: budgetShare * period / longWindow. */
  readonly factor: number;
}

export interface AlertingModel {
  readonly burnRateTable: string;
  /** Tiers in the order they take precedence when several fire: highest factor first. */
  readonly tiers: readonly BurnRateTierModel[];
}

export type PeriodModel =
  | { readonly kind: "rolling"; readonly seconds: number; readonly timeZone?: string }
  | { readonly kind: "calendar"; readonly unit: "week" | "month" | "quarter"; readonly timeZone: string; readonly seconds: number };

export type MaintenanceModel =
  | { readonly kind: "schedule"; readonly cron: string; readonly durationSeconds: number; readonly timeZone: string }
  | { readonly kind: "fixed"; readonly startMs: number; readonly endMs: number };

export interface CreditTierModel {
  /** Applies when compliance (a ratio) is below this ratio. */
  readonly below: number;
  /** Percent of the monthly fee. */
  readonly creditPercent: number;
}

export interface DashboardModel {
  /** Whether the SLA gets a dashboard (and ConfigMap) of its own besides the shared one. */
  readonly own: boolean;
  readonly folder: string | null;
  readonly filters: readonly string[];
}

export interface SlaModel {
  readonly name: string;
  readonly namespace: string;
  readonly service: string;
  readonly owner: string;
  readonly description?: string;
  /** spec.labels, copied onto every rule. */
  readonly labels: Readonly<Record<string, string>>;
  /** The period; `seconds` is its nominal length (a month is 30 days) used for burn-rate factors. */
  readonly period: PeriodModel;
  readonly objectives: readonly ObjectiveModel[];
  readonly alerting: AlertingModel | null;
  readonly maintenance: readonly MaintenanceModel[];
  readonly credits: readonly CreditTierModel[];
  readonly dashboard: DashboardModel | null;
  /** Other tools' series recorded too (spec.compatibility); absent when none is asked for. */
  readonly compatibility?: CompatibilityModel;
}

/** Which tools' series an SLA also records, for the dashboards users already have. */
export interface CompatibilityModel {
  readonly sloth: boolean;
  readonly pyrra: boolean;
}
