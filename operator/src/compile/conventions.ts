// The names users, dashboards and alerts depend on, in one place: the series the rules record,
// the contract figures the operator exports on /metrics, the labels both carry, and the labels and
// annotations of the generated Kubernetes objects. Dashboards, rules, the kube adapters and the
// controller import them from here. Renaming anything here is a breaking change; the README
// documents every name.
import { formatDuration } from "./duration.js";

export { objectiveLabels, objectiveSelector, reservedLabels, slaSelector } from "./labels.js";

/** Recorded series names. They are a public contract: dashboards and users' alerts read them. */
export const series = {
  errorsRate5m: "sla:sli_errors:rate5m",
  eventsRate5m: "sla:sli_events:rate5m",
  errorsTile5m: "sla:sli_errors:tile5m",
  eventsTile5m: "sla:sli_events:tile5m",
  errorsTile1h: "sla:sli_errors:tile1h",
  eventsTile1h: "sla:sli_events:tile1h",
  ratio: (windowSeconds: number) => `sla:sli_error:ratio_rate${formatDuration(windowSeconds)}`,
  /** What every `ratio` series name starts with, followed by its window. */
  ratioPrefix: "sla:sli_error:ratio_rate",
  ratioPeriod: "sla:sli_error:ratio_period",
  budgetRemaining: "sla:error_budget:remaining",
  /** 1 while a maintenance window of the SLA is active, else 0. */
  maintenanceActive: "sla:maintenance:active",
  /** 1 while the last 5 minutes touched a maintenance window: the 5m rates of that time are left out. */
  maintenanceOverlap5m: "sla:maintenance:overlap5m",
} as const;

/** The contract figures the operator's leader exports from status, ratios 0..1 (the status percentage / 100). */
export const contractMetrics = {
  objectiveTarget: "servicelevel_objective_target_ratio",
  objectiveAttained: "servicelevel_objective_attained_ratio",
  objectiveBudgetRemaining: "servicelevel_objective_error_budget_remaining_ratio",
  objectiveBudgetConsumed: "servicelevel_objective_error_budget_consumed_ratio",
  /** Labelled window="1h" | "6h" | "3d". */
  objectiveBurnRate: "servicelevel_objective_burn_rate",
  objectiveExhaustion: "servicelevel_objective_exhaustion_timestamp_seconds",
  objectiveIncidents: "servicelevel_objective_incidents",
  /** Labelled state; 1 for the current state. */
  objectiveState: "servicelevel_objective_state",
  slaCompliance: "servicelevel_sla_compliance_ratio",
  slaBudgetRemaining: "servicelevel_sla_error_budget_remaining_ratio",
  slaCredit: "servicelevel_sla_credit_percent",
  /** Labelled state; 1 for the current state. */
  slaState: "servicelevel_sla_state",
  slaPeriodStart: "servicelevel_sla_period_start_timestamp_seconds",
  slaPeriodEnd: "servicelevel_sla_period_end_timestamp_seconds",
  slaMaintenanceActive: "servicelevel_sla_maintenance_active",
  /** 1, labelled period ("rolling 30d", "calendar month"), time_zone, and start and end as local times in that zone. */
  slaPeriodInfo: "servicelevel_sla_period_info",
} as const;

/** Labels of the exported contract metrics (objective only on the objective metrics). */
export const contractLabels = ["sla_namespace", "sla", "objective", "service", "owner"] as const;

/** The windows the exported burn-rate metric is labelled with. */
export const contractBurnRateWindows = ["1h", "6h", "3d"] as const;

/** Default alert names; alerting.name and the per-kind name fields replace them. */
export const defaultAlertNames = { burn: "SLAErrorBudgetBurn", noData: "SLAIndicatorNoData", exhausted: "SLAErrorBudgetExhausted" } as const;

/** Default severity label values: the kube-prometheus-stack convention users already route on. */
export const defaultSeverities = { page: "critical", ticket: "warning" } as const;

/** Label on every object the operator generates; selects what its informers watch and what it may delete. */
export const managedByLabel = "app.kubernetes.io/managed-by";
export const managedByValue = "servicelevel-operator";
/** Label naming the SLA a generated object belongs to. */
export const slaLabel = "servicelevel.dev/sla";
/** Annotation with a hash of everything the operator applied to a generated object. */
export const specHashAnnotation = "servicelevel.dev/spec-hash";
/** The field manager of every server-side apply. */
export const fieldManager = "servicelevel-operator";
/** Label and annotation the kube-prometheus-stack Grafana sidecar reads. */
export const grafanaDashboardLabel = "grafana_dashboard";
export const grafanaFolderAnnotation = "grafana_folder";

export const managedByLabels = { [managedByLabel]: managedByValue } as const;
