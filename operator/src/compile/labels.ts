// The labels every generated series and alert carries. They are the contract with dashboards and
// users' own queries, documented in the README; renaming one is a breaking change.
import type { SlaModel, ObjectiveModel } from "./model.js";

/** Labels the compiler sets; users may not set them in spec.labels or alert labels. */
export const reservedLabels = ["sla", "sla_namespace", "service", "objective", "long_window", "short_window"] as const;

/** Labels Prometheus itself sets on alerts (alertname, alertstate) or histograms use (le): no rule may set them. */
export const prometheusLabels = ["alertname", "alertstate", "le"] as const;

/** Labels each alert route sets for itself (alerting.page/ticket.labels); set on every rule they would override them. */
export const routeLabels = ["severity"] as const;

/** The labels that identify one objective's series: enough to select them, nothing more. */
export function objectiveSelector(sla: SlaModel, objective: ObjectiveModel): Record<string, string> {
  return { objective: objective.name, sla: sla.name, sla_namespace: sla.namespace };
}

/** All labels of an objective's recorded series: spec.labels plus the identifying ones. */
export function objectiveLabels(sla: SlaModel, objective: ObjectiveModel): Record<string, string> {
  return sortKeys({ ...sla.labels, ...objectiveSelector(sla, objective), service: sla.service });
}

/** Returns a copy with keys in sorted order, for deterministic output. */
export function sortKeys<T>(record: Readonly<Record<string, T>>): Record<string, T> {
  return Object.fromEntries(Object.keys(record).sort().map((k) => [k, record[k] as T]));
}

/** The labels that identify an SLA's series: namespace and name. */
export function slaSelector(sla: Pick<SlaModel, "name" | "namespace">): Record<string, string> {
  return { sla: sla.name, sla_namespace: sla.namespace };
}
