// What one reconcile observed, turned into the SLA's status and the smallest merge patch that
// gets it there. Pure: the reconciler passes the time in. nextStatus touches only the fields the
// reconcile owns (observedGeneration, state when Invalid, generated, conditions); the figures of
// the Prometheus evaluation are applied by evaluation.ts. An empty patch means: write nothing.
import { isDeepStrictEqual } from "node:util";
import { ServiceLevelAgreementStatus as statusSchema } from "../api/v1alpha1/schema.js";
import type { ServiceLevelAgreementStatus } from "../api/v1alpha1/types.js";
import { formatPath, type Issue } from "../compile/index.js";
import { findCondition, setCondition, type Condition, type ConditionUpdate } from "./conditions.js";

/** What happened to one generated object in this reconcile. */
export type ApplyOutcome =
  | { readonly kind: "created" | "updated" | "unchanged" }
  | { readonly kind: "crdMissing" }
  | { readonly kind: "disabled" }
  /** No object of its own: the shared dashboard shows the SLA at `path`. */
  | { readonly kind: "shared"; readonly path: string }
  | { readonly kind: "failed"; readonly message: string }
  /** Another controller owns the object: the operator leaves it alone and says so once. */
  | { readonly kind: "ownedByAnother"; readonly owner: string };

const ownedByAnother = (kind: string, name: string, owner: string): string =>
  `${kind} ${name} is controlled by ${owner}; the operator does not take over an object another controller owns: ` +
  "delete it or remove its controller ownerReference (checked again every few minutes and whenever it changes)";

export type Observation =
  | { readonly valid: false; readonly issues: readonly Issue[] }
  | {
      readonly valid: true;
      readonly ruleCount: number;
      readonly warnings: readonly Issue[];
      readonly names: { readonly prometheusRule: string; readonly dashboard: string; readonly alertmanagerConfig: string };
      readonly rules: ApplyOutcome;
      readonly dashboard: ApplyOutcome;
      /** The AlertmanagerConfig muting the SLA's alerts during maintenance ("disabled" without maintenance). */
      readonly alertmanagerConfig: ApplyOutcome;
    };

/**
 * The status the operator writes: the API's own type (schema.ts), so its fields, the CRD and this
 * controller cannot disagree. Every field of it is the operator's.
 */
export type OwnedStatus = ServiceLevelAgreementStatus;

export const notEvaluated = "NotEvaluated";
const notEvaluatedMessage = "not evaluated against Prometheus yet (the operator evaluates SLAs when started with --prometheus-url)";

/** One line per issue as `path: message`, errors only (or warnings only); joined with "; " for a condition message. */
export function describeIssues(issues: readonly Issue[], severity: Issue["severity"] = "error"): string {
  return issues.filter((i) => i.severity === severity).map((i) => `${formatPath(i.path) || "(document)"}: ${i.message}`).join("; ");
}

const applied = (o: ApplyOutcome): boolean => o.kind === "created" || o.kind === "updated" || o.kind === "unchanged";

function rulesCondition(o: ApplyOutcome, name: string, ruleCount: number): ConditionUpdate {
  switch (o.kind) {
    case "created":
    case "updated":
    case "unchanged":
      return { type: "RulesApplied", status: "True", reason: "Applied", message: `PrometheusRule ${name} holds ${ruleCount} rules` };
    case "crdMissing":
      return {
        type: "RulesApplied", status: "False", reason: "PrometheusRuleCRDMissing",
        message: "the API server does not serve monitoring.coreos.com/v1 PrometheusRule; install the prometheus-operator CRDs (retrying)",
      };
    case "disabled":
    case "shared":
      return { type: "RulesApplied", status: "False", reason: "Disabled", message: "no rules are generated" };
    case "failed":
      return { type: "RulesApplied", status: "False", reason: "ApplyFailed", message: `applying PrometheusRule ${name} failed: ${o.message}` };
    case "ownedByAnother":
      return { type: "RulesApplied", status: "False", reason: "OwnedByAnotherController", message: ownedByAnother("PrometheusRule", name, o.owner) };
  }
}

function dashboardCondition(o: ApplyOutcome, name: string): ConditionUpdate {
  switch (o.kind) {
    case "created":
    case "updated":
    case "unchanged":
      return { type: "DashboardApplied", status: "True", reason: "Applied", message: `ConfigMap ${name} holds the Grafana dashboard` };
    case "disabled":
      return { type: "DashboardApplied", status: "False", reason: "Disabled", message: "spec.dashboard.disabled is true" };
    case "ownedByAnother":
      return { type: "DashboardApplied", status: "False", reason: "OwnedByAnotherController", message: ownedByAnother("ConfigMap", name, o.owner) };
    case "shared":
      return { type: "DashboardApplied", status: "True", reason: "Shared", message: `the shared Grafana dashboard shows this SLA at ${o.path}` };
    case "crdMissing":
    case "failed":
      return { type: "DashboardApplied", status: "False", reason: "ApplyFailed", message: `applying ConfigMap ${name} failed: ${o.kind === "failed" ? o.message : "resource type missing"}` };
  }
}

function alertmanagerConfigCondition(o: ApplyOutcome, name: string): ConditionUpdate {
  const type = "AlertmanagerConfigApplied";
  switch (o.kind) {
    case "created":
    case "updated":
    case "unchanged":
      return { type, status: "True", reason: "Applied", message: `AlertmanagerConfig ${name} mutes the SLA's alerts during its maintenance windows` };
    case "disabled":
    case "shared":
      return { type, status: "True", reason: "NoMaintenance", message: "the SLA has no maintenance windows, so there is nothing to mute" };
    case "crdMissing":
      // The rules already keep burn-rate alerts quiet in maintenance; muting in Alertmanager is extra.
      return {
        type, status: "False", reason: "AlertmanagerConfigCRDMissing",
        message: "the API server does not serve monitoring.coreos.com/v1alpha1 AlertmanagerConfig, so Alertmanager does not mute this SLA's alerts " +
          "during maintenance (the burn-rate and budget alerts still do not fire then); install the prometheus-operator CRDs, or copy the " +
          "fragment of slactl compile into your Alertmanager config",
      };
    case "failed":
      return { type, status: "False", reason: "ApplyFailed", message: `applying AlertmanagerConfig ${name} failed: ${o.message}` };
    case "ownedByAnother":
      return { type, status: "False", reason: "OwnedByAnotherController", message: ownedByAnother("AlertmanagerConfig", name, o.owner) };
  }
}

/** The status after this reconcile, computed from the current one. */
export function nextStatus(current: OwnedStatus | undefined, observation: Observation, generation: number, now: Date): OwnedStatus {
  let conditions: Condition[] = [...((current?.conditions ?? []) as readonly Condition[])];
  const set = (update: ConditionUpdate): void => {
    conditions = setCondition(conditions, update, now, generation);
  };
  const next: OwnedStatus = { ...current, observedGeneration: generation };

  if (!observation.valid) {
    const message = describeIssues(observation.issues);
    set({ type: "Valid", status: "False", reason: "InvalidSpec", message });
    // The rules of the last valid version stay in place, and so does what the status says about them.
    if (!findCondition(conditions, "RulesApplied")) set({ type: "RulesApplied", status: "False", reason: "InvalidSpec", message: "nothing generated: the spec has never been valid" });
    if (!findCondition(conditions, "DashboardApplied")) set({ type: "DashboardApplied", status: "False", reason: "InvalidSpec", message: "nothing generated: the spec has never been valid" });
    set({ type: "Ready", status: "False", reason: "InvalidSpec", message: `the spec is invalid, the last valid rules stay in place: ${message}` });
    next.state = "Invalid";
  } else {
    const warnings = observation.warnings.length;
    set({
      type: "Valid", status: "True", reason: "Valid",
      // The warnings' words, not only their number: kubectl describe is where the operator's users read them.
      message: `the spec compiles into ${observation.ruleCount} rules${warnings > 0 ? `, with ${warnings} warning${warnings === 1 ? "" : "s"}: ${describeIssues(observation.warnings, "warning")}` : ""}`,
    });
    const rules = rulesCondition(observation.rules, observation.names.prometheusRule, observation.ruleCount);
    const dashboard = dashboardCondition(observation.dashboard, observation.names.dashboard);
    const mute = alertmanagerConfigCondition(observation.alertmanagerConfig, observation.names.alertmanagerConfig);
    set(rules);
    set(dashboard);
    set(mute);
    const dashboardOk = applied(observation.dashboard) || observation.dashboard.kind === "disabled" || observation.dashboard.kind === "shared";
    // A missing AlertmanagerConfig CRD leaves the SLA Ready: its condition says what is not muted.
    const muteOk = observation.alertmanagerConfig.kind !== "failed";
    const blocking = [rules, ...(dashboardOk ? [] : [dashboard]), ...(muteOk ? [] : [mute])].find((c) => c.status !== "True");
    set(blocking
      ? { type: "Ready", status: "False", reason: blocking.reason, message: blocking.message }
      : { type: "Ready", status: "True", reason: "Reconciled", message: "the rules and the dashboard are applied" });
    if (next.state === "Invalid") delete next.state;
    next.generated = {
      ...(applied(observation.rules) ? { prometheusRule: observation.names.prometheusRule } : {}),
      ...(applied(observation.dashboard) ? { dashboard: observation.names.dashboard } : {}),
      ...(applied(observation.alertmanagerConfig) ? { alertmanagerConfig: observation.names.alertmanagerConfig } : {}),
      rules: observation.ruleCount,
    };
  }
  for (const type of ["MetricsAvailable", "Compliant", "ReviewDue"] as const) {
    if (!findCondition(conditions, type)) set({ type, status: "Unknown", reason: notEvaluated, message: notEvaluatedMessage });
  }
  next.conditions = conditions.map((c) => ({ ...c }));
  return next;
}

/** Every status field the operator writes: all of the schema's (the reconciler's and the measurement's). */
const ownedFields = Object.keys(statusSchema.properties) as (keyof OwnedStatus)[];

/** The merge patch from `current` to `next` over the owned fields; empty when nothing changed. */
export function statusPatch(current: OwnedStatus | undefined, next: OwnedStatus): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const field of ownedFields) {
    const before = current?.[field];
    const after = next[field];
    if (isDeepStrictEqual(before, after)) continue; // key order does not matter; the API server sorts keys
    // Merge patch replaces objects key by key; `generated` is replaced whole, so removed keys go.
    patch[field] = after === undefined ? null : field === "generated" && before !== undefined ? withNulls(before as object, after as object) : after;
  }
  return patch;
}

function withNulls(before: object, after: object): Record<string, unknown> {
  return { ...Object.fromEntries(Object.keys(before).map((k) => [k, null])), ...after };
}
