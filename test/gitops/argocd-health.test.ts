// The Argo CD health check of ServiceLevelAgreements (deploy/gitops/argocd/health.lua), run by Debian's
// lua5.4 through a driver that loads it as Argo CD does: the resource as the global `obj`, in a
// sandbox without io or os. Sample statuses cover every state, the generation check and the
// not-evaluated case. (test/chart/rbac.test.ts also runs it on the statuses a real operator wrote.)
// lua5.4 is a prerequisite (apt-get install lua5.4): without it these tests fail, they do not skip.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { REPO_ROOT } from "../controlplane/binaries.js";
import { assessHealth as assess, HEALTH_LUA } from "./lua.js";

const work = mkdtempSync(join(tmpdir(), "slo-argocd-health-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const sla = (status: Record<string, unknown> | undefined, generation = 3): Record<string, unknown> => ({
  apiVersion: "servicelevel.dev/v1alpha1",
  kind: "ServiceLevelAgreement",
  metadata: { name: "checkout", namespace: "shop", generation },
  spec: { service: "checkout", owner: "team-payments" },
  ...(status ? { status } : {}),
});

const condition = (type: string, status: string, reason: string, message: string): Record<string, unknown> =>
  ({ type, status, reason, message, lastTransitionTime: "2026-11-27T10:00:00Z", observedGeneration: 3 });
const ready = condition("Ready", "True", "Reconciled", "the rules and the dashboard are applied");

const cases: Record<string, { obj: unknown; status: string; message: string | RegExp }> = {
  "no status yet": { obj: sla(undefined), status: "Progressing", message: "Waiting for the operator to reconcile the agreement" },
  "an empty status": { obj: sla({}), status: "Progressing", message: "Waiting for the operator to reconcile the agreement" },
  "a status of an older generation": {
    obj: sla({ observedGeneration: 2, state: "Compliant", conditions: [ready] }),
    status: "Progressing", message: "Waiting for the operator to reconcile generation 3 (status describes 2)",
  },
  Compliant: {
    obj: sla({ observedGeneration: 3, state: "Compliant", compliance: 99.95, budgetRemaining: 62.5, credit: 0, conditions: [ready] }),
    status: "Healthy", message: "Compliant; compliance 99.95%, error budget 62.5% left",
  },
  AtRisk: {
    obj: sla({
      observedGeneration: 3, state: "AtRisk", compliance: 99.93, budgetRemaining: 31.2,
      objectives: [{ name: "availability", state: "AtRisk" }, { name: "latency", state: "Compliant" }], conditions: [ready],
    }),
    status: "Healthy", message: "AtRisk; burning error budget: availability; compliance 99.93%, error budget 31.2% left",
  },
  Breached: {
    obj: sla({
      observedGeneration: 3, state: "Breached", compliance: 99.2, budgetRemaining: 0, credit: 10,
      objectives: [{ name: "availability", state: "Breached" }, { name: "latency", state: "Breached" }], conditions: [ready],
    }),
    status: "Degraded", message: "Breached; target missed: availability, latency; compliance 99.2%, error budget 0% left, credit owed 10%",
  },
  Invalid: {
    obj: sla({
      observedGeneration: 3, state: "Invalid",
      conditions: [condition("Valid", "False", "InvalidSpec", "spec.objectives[0].indicator.ratio.total: unexpected end of query"),
        condition("Ready", "False", "InvalidSpec", "the spec is invalid, the last valid rules stay in place")],
    }),
    status: "Degraded", message: "Invalid; spec.objectives[0].indicator.ratio.total: unexpected end of query",
  },
  NoData: {
    obj: sla({ observedGeneration: 3, state: "NoData", conditions: [ready, condition("MetricsAvailable", "False", "NoSeries", "no series for objective availability")] }),
    status: "Degraded", message: "NoData; no series for objective availability",
  },
  "NoData without a condition": { obj: sla({ observedGeneration: 3, state: "NoData" }), status: "Degraded", message: "NoData; the indicators return no data" },
  "rules that could not be applied": {
    obj: sla({ observedGeneration: 3, state: "Compliant", conditions: [condition("Ready", "False", "PrometheusRuleCRDMissing", "install the prometheus-operator CRDs")] }),
    status: "Degraded", message: "PrometheusRuleCRDMissing; install the prometheus-operator CRDs",
  },
  "applied, not evaluated yet": {
    obj: sla({ observedGeneration: 3, conditions: [ready, condition("MetricsAvailable", "Unknown", "NotEvaluated", "the operator does not evaluate Prometheus yet")] }),
    status: "Healthy", message: "Rules applied, not evaluated yet; the operator does not evaluate Prometheus yet",
  },
  "reconciled, nothing applied yet": { obj: sla({ observedGeneration: 3 }), status: "Progressing", message: "Waiting for the operator to apply the rules" },
  "a state this check does not know": { obj: sla({ observedGeneration: 3, state: "Exploded", conditions: [ready] }), status: "Unknown", message: "Unknown state Exploded" },
  "no generation in metadata": { obj: { ...sla({ observedGeneration: 1, state: "Compliant" }), metadata: { name: "x" } }, status: "Healthy", message: "Compliant" },
  "fractional figures": {
    obj: sla({ observedGeneration: 3, state: "Compliant", compliance: 99.99912345, budgetRemaining: 100 }),
    status: "Healthy", message: "Compliant; compliance 99.9991%, error budget 100% left",
  },
};

describe("the Argo CD health check of ServiceLevelAgreements", () => {
  const verdicts = assess(Object.fromEntries(Object.entries(cases).map(([name, c]) => [name, c.obj])));

  it.each(Object.entries(cases))("%s", (name, expected) => {
    const verdict = verdicts[name];
    expect(verdict).toBeDefined();
    expect(verdict?.status).toBe(expected.status);
    if (typeof expected.message === "string") expect(verdict?.message).toBe(expected.message);
    else expect(verdict?.message).toMatch(expected.message);
  });

  it("uses only what Argo CD's sandbox offers: a script that calls os fails in the driver", () => {
    const bad = join(work, "bad-health.lua");
    writeFileSync(bad, 'local hs = {}\nhs.status = os.getenv("HOME") and "Healthy" or "Degraded"\nreturn hs\n');
    expect(() => assess({ any: sla({}) }, bad)).toThrow(/attempt to index a nil value \(global 'os'\)/);
  });

  it("is what argocd-cm.yaml installs, byte for byte", () => {
    const cm = parse(readFileSync(join(REPO_ROOT, "deploy", "gitops", "argocd", "argocd-cm.yaml"), "utf8")) as { kind: string; metadata: { name: string }; data: Record<string, string> };
    expect(cm.kind).toBe("ConfigMap");
    expect(cm.metadata.name).toBe("argocd-cm");
    expect(Object.keys(cm.data)).toEqual(["resource.customizations.health.servicelevel.dev_ServiceLevelAgreement"]);
    expect(cm.data["resource.customizations.health.servicelevel.dev_ServiceLevelAgreement"]).toBe(readFileSync(HEALTH_LUA, "utf8"));
  });
});
