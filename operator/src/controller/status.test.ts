import { describe, expect, it } from "vitest";
import { error, warning } from "../compile/issues.js";
import { findCondition, setCondition, type Condition } from "./conditions.js";
import { describeIssues, nextStatus, statusPatch, type Observation, type OwnedStatus } from "./status.js";

const t0 = new Date("2026-11-27T10:00:00.456Z");
const t1 = new Date("2026-11-27T11:30:00Z");
const names = { prometheusRule: "sla-checkout", dashboard: "sla-checkout-dashboard", alertmanagerConfig: "sla-checkout" };
const applied: Observation = { valid: true, ruleCount: 21, warnings: [], names, rules: { kind: "created" }, dashboard: { kind: "created" }, alertmanagerConfig: { kind: "disabled" } };
const unchanged: Observation = { ...applied, rules: { kind: "unchanged" }, dashboard: { kind: "unchanged" } };
const invalid: Observation = {
  valid: false,
  issues: [
    error(["spec", "objectives", 0, "indicator", "ratio", "errors"], "promql-syntax", "unexpected end of input"),
    warning(["spec", "objectives", 1, "indicator"], "untestable", "not covered"),
    error(["spec", "credits", 1, "below"], "credits-order", "tiers must be ordered"),
  ],
};

const condition = (status: OwnedStatus, type: string): Condition | undefined => findCondition(status.conditions, type);

describe("setCondition", () => {
  it("keeps lastTransitionTime when only the reason or message changes", () => {
    const first = setCondition([], { type: "Valid", status: "True", reason: "Valid", message: "21 rules" }, t0, 1);
    const second = setCondition(first, { type: "Valid", status: "True", reason: "Valid", message: "22 rules" }, t1, 2);
    expect(second).toEqual([{ type: "Valid", status: "True", reason: "Valid", message: "22 rules", lastTransitionTime: "2026-11-27T10:00:00Z", observedGeneration: 2 }]);
  });

  it("moves lastTransitionTime when the status changes", () => {
    const first = setCondition([], { type: "Valid", status: "True", reason: "Valid", message: "" }, t0, 1);
    const second = setCondition(first, { type: "Valid", status: "False", reason: "InvalidSpec", message: "x" }, t1, 2);
    expect(second[0]?.lastTransitionTime).toBe("2026-11-27T11:30:00Z");
  });

  it("keeps the documented order and unknown types last", () => {
    let conditions: Condition[] = [{ type: "Custom", status: "True", reason: "X", message: "", lastTransitionTime: "2026-01-01T00:00:00Z" }];
    conditions = setCondition(conditions, { type: "RulesApplied", status: "True", reason: "Applied", message: "" }, t0, 1);
    conditions = setCondition(conditions, { type: "Ready", status: "True", reason: "Reconciled", message: "" }, t0, 1);
    expect(conditions.map((c) => c.type)).toEqual(["Ready", "RulesApplied", "Custom"]);
  });
});

describe("nextStatus", () => {
  it("reports a fresh valid SLA as Ready with every condition and what was generated", () => {
    const status = nextStatus(undefined, applied, 1, t0);
    expect(status.observedGeneration).toBe(1);
    expect(status.generated).toEqual({ prometheusRule: "sla-checkout", dashboard: "sla-checkout-dashboard", rules: 21 });
    expect(status.conditions?.map((c) => [c.type, c.status, c.reason])).toEqual([
      ["Ready", "True", "Reconciled"],
      ["Valid", "True", "Valid"],
      ["RulesApplied", "True", "Applied"],
      ["DashboardApplied", "True", "Applied"],
      ["AlertmanagerConfigApplied", "True", "NoMaintenance"],
      ["MetricsAvailable", "Unknown", "NotEvaluated"],
      ["Compliant", "Unknown", "NotEvaluated"],
      ["ReviewDue", "Unknown", "NotEvaluated"],
    ]);
    expect(status.conditions?.every((c) => c.lastTransitionTime === "2026-11-27T10:00:00Z" && c.observedGeneration === 1)).toBe(true);
  });

  it("lists each error as path: message when the spec is invalid, and keeps what it said about the rules", () => {
    const valid = nextStatus(undefined, applied, 1, t0);
    const status = nextStatus(valid, invalid, 2, t1);
    expect(condition(status, "Valid")).toMatchObject({
      status: "False",
      reason: "InvalidSpec",
      message: "spec.objectives[0].indicator.ratio.errors: unexpected end of input; spec.credits[1].below: tiers must be ordered",
      lastTransitionTime: "2026-11-27T11:30:00Z",
      observedGeneration: 2,
    });
    expect(condition(status, "RulesApplied")).toEqual(condition(valid, "RulesApplied"));
    expect(condition(status, "Ready")).toMatchObject({ status: "False", reason: "InvalidSpec" });
    expect(status.state).toBe("Invalid");
    expect(status.generated).toEqual(valid.generated);
  });

  it("clears state Invalid once the spec is valid again", () => {
    const bad = nextStatus(undefined, invalid, 1, t0);
    expect(condition(bad, "RulesApplied")).toMatchObject({ status: "False", reason: "InvalidSpec" });
    const good = nextStatus(bad, applied, 2, t1);
    expect(good.state).toBeUndefined();
    expect(statusPatch(bad, good)).toMatchObject({ state: null });
  });

  it("reports a missing PrometheusRule CRD without blocking the dashboard", () => {
    const status = nextStatus(undefined, { ...applied, rules: { kind: "crdMissing" } }, 1, t0);
    expect(condition(status, "RulesApplied")).toMatchObject({ status: "False", reason: "PrometheusRuleCRDMissing" });
    expect(condition(status, "DashboardApplied")).toMatchObject({ status: "True" });
    expect(condition(status, "Ready")).toMatchObject({ status: "False", reason: "PrometheusRuleCRDMissing" });
    expect(status.generated).toEqual({ dashboard: "sla-checkout-dashboard", rules: 21 });
  });

  it("names the AlertmanagerConfig of an SLA with maintenance, and stays Ready when its CRD is missing but not when applying it fails", () => {
    const muted = nextStatus(undefined, { ...applied, alertmanagerConfig: { kind: "created" } }, 1, t0);
    expect(condition(muted, "AlertmanagerConfigApplied")).toMatchObject({ status: "True", reason: "Applied" });
    expect(muted.generated).toEqual({ prometheusRule: "sla-checkout", dashboard: "sla-checkout-dashboard", alertmanagerConfig: "sla-checkout", rules: 21 });
    expect(condition(nextStatus(undefined, applied, 1, t0), "AlertmanagerConfigApplied")).toMatchObject({ status: "True", reason: "NoMaintenance" });
    const missing = nextStatus(undefined, { ...applied, alertmanagerConfig: { kind: "crdMissing" } }, 1, t0);
    expect(condition(missing, "AlertmanagerConfigApplied")).toMatchObject({ status: "False", reason: "AlertmanagerConfigCRDMissing",
      message: expect.stringContaining("monitoring.coreos.com/v1alpha1 AlertmanagerConfig") });
    expect(condition(missing, "Ready")).toMatchObject({ status: "True" });
    expect(missing.generated).toEqual({ prometheusRule: "sla-checkout", dashboard: "sla-checkout-dashboard", rules: 21 });
    const failed = nextStatus(undefined, { ...applied, alertmanagerConfig: { kind: "failed", message: "forbidden" } }, 1, t0);
    expect(condition(failed, "Ready")).toMatchObject({ status: "False", reason: "ApplyFailed", message: "applying AlertmanagerConfig sla-checkout failed: forbidden" });
  });

  it("is Ready without a dashboard when the dashboard is disabled", () => {
    const status = nextStatus(undefined, { ...applied, dashboard: { kind: "disabled" } }, 1, t0);
    expect(condition(status, "DashboardApplied")).toMatchObject({ status: "False", reason: "Disabled" });
    expect(condition(status, "Ready")).toMatchObject({ status: "True" });
  });

  it("leaves the figures and conditions of the Prometheus evaluation alone", () => {
    const evaluated: OwnedStatus = {
      ...nextStatus(undefined, applied, 1, t0),
      state: "AtRisk",
      compliance: 99.93,
    };
    const withCompliant = { ...evaluated, conditions: setCondition(evaluated.conditions ?? [], { type: "Compliant", status: "False", reason: "AtRisk", message: "" }, t0, 1) };
    const status = nextStatus(withCompliant, unchanged, 1, t1);
    expect(status.state).toBe("AtRisk");
    expect(status["compliance"]).toBe(99.93);
    expect(condition(status, "Compliant")).toMatchObject({ status: "False", reason: "AtRisk" });
  });
});

describe("statusPatch", () => {
  it("is empty when a reconcile observes the same thing again, so nothing is written", () => {
    const first = nextStatus(undefined, applied, 3, t0);
    const again = nextStatus(first, unchanged, 3, t1);
    expect(statusPatch(first, again)).toEqual({});
  });

  it("ignores the key order the API server returns", () => {
    const first = nextStatus(undefined, applied, 3, t0);
    const sortedKeys = JSON.parse(JSON.stringify(first, (_k, v: unknown) =>
      v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v)) as OwnedStatus;
    expect(statusPatch(sortedKeys, nextStatus(sortedKeys, unchanged, 3, t1))).toEqual({});
  });

  it("holds only the changed fields, and null for removed keys of generated", () => {
    const first = nextStatus(undefined, applied, 1, t0);
    const next = nextStatus(first, { ...applied, dashboard: { kind: "disabled" } }, 2, t1);
    const patch = statusPatch(first, next);
    expect(Object.keys(patch).sort()).toEqual(["conditions", "generated", "observedGeneration"]);
    expect(patch["generated"]).toEqual({ prometheusRule: "sla-checkout", dashboard: null, rules: 21 });
  });
});

describe("describeIssues", () => {
  it("renders the document root for an issue without a path", () => {
    expect(describeIssues([error([], "schema", "expected an object")])).toBe("(document): expected an object");
  });
});
