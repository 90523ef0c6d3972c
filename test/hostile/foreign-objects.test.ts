// Generated objects that someone else touched, on the real kube-apiserver with the operator as a
// child process:
// - a dashboard ConfigMap or PrometheusRule that another controller owns (a controller
//   ownerReference that is not the SLA's): the API server would refuse the operator's apply with
//   422 on every try, so the operator leaves the object alone, says so once in a condition naming
//   the owner, does not retry in a loop or log on every try, and takes the object over when the
//   other owner lets go;
// - keys someone added to a generated dashboard ConfigMap are removed again (server-side apply
//   alone keeps keys the operator never applied).
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startControlPlane, type ControlPlane } from "../controlplane/controlplane.js";
import { OperatorProcess, stopAllOperators, waitFor } from "../operator/operator-process.js";
import { condition, getObject, kubectlApply, sla, slaCrdPath, type Obj } from "../operator/cluster.js";

// The dashboard cases need a dashboard ConfigMap: only an SLA that asks for its own gets one.
const ownDashboard = { dashboard: { own: true } };

const ns = "foreign";
let cp: ControlPlane;
let op: OperatorProcess;

beforeAll(async () => {
  cp = await startControlPlane({ crds: [slaCrdPath] });
  await cp.kubectlOrThrow(["create", "namespace", ns]);
  op = new OperatorProcess("operator", ["--kubeconfig", cp.kubeconfigPath, "--metrics-addr", "127.0.0.1:0", "--health-addr", "127.0.0.1:0"]);
  await op.started();
}, 600_000);

afterAll(async () => {
  await stopAllOperators();
  await cp?.stop();
}, 60_000);

const foreignOwner = { apiVersion: "apps/v1", kind: "Deployment", name: "dashboard-sync", uid: randomUUID(), controller: true, blockOwnerDeletion: true };
const slaOf = async (name: string): Promise<Obj | undefined> => getObject(cp, "sla", name, ns);
const events = async (name: string, reason: string): Promise<string[]> =>
  (await cp.kubectlOrThrow(["get", "events", "-n", ns, "--field-selector", `involvedObject.name=${name},reason=${reason}`, "-o", "jsonpath={.items[*].type}"]))
    .split(" ").filter(Boolean);
/** Log lines at warn or above that mention a name. */
const warnings = (name: string): number => op.logs.filter((l) => l.level >= 40 && JSON.stringify(l).includes(name)).length;

describe("generated objects another controller owns", () => {
  it("leaves a dashboard ConfigMap owned by another controller alone, reports it once, and takes it over when the owner lets go", async () => {
    // Labelled as the operator's (so it is in the operator's cache), but controlled by a Deployment.
    await cp.kubectlOrThrow(["create", "-f", "-"], { input: JSON.stringify({
      apiVersion: "v1", kind: "ConfigMap",
      metadata: { name: "sla-alpha-dashboard", namespace: ns, labels: { "app.kubernetes.io/managed-by": "servicelevel-operator", "servicelevel.dev/sla": "alpha" },
        ownerReferences: [foreignOwner] },
      data: { "theirs.json": "{}" },
    }) });
    expect((await kubectlApply(cp, sla("alpha", ns, ownDashboard))).code).toBe(0);
    await waitFor("DashboardApplied=False OwnedByAnotherController", async () => condition(await slaOf("alpha"), "DashboardApplied")?.reason === "OwnedByAnotherController",
      60_000, () => op.describe());
    const alpha = await slaOf("alpha");
    expect(condition(alpha, "DashboardApplied")?.message).toContain("Deployment dashboard-sync");
    expect(condition(alpha, "RulesApplied")?.status).toBe("True");
    expect(condition(alpha, "Ready")).toMatchObject({ status: "False", reason: "OwnedByAnotherController" });
    const untouched = await getObject(cp, "configmap", "sla-alpha-dashboard", ns);
    expect(untouched?.data).toEqual({ "theirs.json": "{}" });
    expect(untouched?.metadata.ownerReferences).toEqual([foreignOwner]);

    // Reported once: one Warning event, no warning in the log, no stream of reconciles.
    const reconciles = await op.metric("servicelevel_operator_reconcile_total");
    await sleep(5_000);
    expect(await op.metric("servicelevel_operator_reconcile_total")).toBeLessThanOrEqual(reconciles + 1);
    expect(await events("alpha", "OwnedByAnotherController")).toEqual(["Warning"]);
    expect(warnings("sla-alpha-dashboard")).toBe(0);

    // The other controller lets go: the operator takes the ConfigMap over, and its keys only.
    await cp.kubectlOrThrow(["patch", "configmap", "sla-alpha-dashboard", "-n", ns, "--type=json", "-p", JSON.stringify([{ op: "remove", path: "/metadata/ownerReferences" }])]);
    await waitFor("DashboardApplied=True", async () => condition(await slaOf("alpha"), "DashboardApplied")?.status === "True", 60_000, () => op.describe());
    const taken = await getObject(cp, "configmap", "sla-alpha-dashboard", ns);
    expect(taken?.metadata.ownerReferences?.map((r) => [r.kind, r.name, r.controller])).toEqual([["ServiceLevelAgreement", "alpha", true]]);
    expect(Object.keys(taken?.data ?? {})).not.toContain("theirs.json");
    expect(condition(await slaOf("alpha"), "Ready")?.status).toBe("True");
  }, 120_000);

  it("reports a PrometheusRule another controller owns (the API server's 422) once, without retrying in a loop", async () => {
    // Not labelled: the operator learns of it only from the API server's refusal of its apply.
    await cp.kubectlOrThrow(["create", "-f", "-"], { input: JSON.stringify({
      apiVersion: "monitoring.coreos.com/v1", kind: "PrometheusRule",
      metadata: { name: "sla-beta", namespace: ns, ownerReferences: [{ ...foreignOwner, kind: "Deployment", name: "rules-sync" }] },
      spec: { groups: [] },
    }) });
    expect((await kubectlApply(cp, sla("beta", ns))).code).toBe(0);
    await waitFor("RulesApplied=False OwnedByAnotherController", async () => condition(await slaOf("beta"), "RulesApplied")?.reason === "OwnedByAnotherController",
      60_000, () => op.describe());
    expect(condition(await slaOf("beta"), "RulesApplied")?.message).toContain("Deployment rules-sync");
    const refusals = await op.metric("servicelevel_operator_api_errors_total", { code: "422" });
    expect(refusals).toBeGreaterThanOrEqual(1);
    await sleep(8_000);
    // No retry with backoff (that would be several within 8 s), no warning per try.
    expect(await op.metric("servicelevel_operator_api_errors_total", { code: "422" })).toBe(refusals);
    expect(warnings("sla-beta")).toBe(0);
    expect(await events("beta", "OwnedByAnotherController")).toEqual(["Warning"]);
    expect((await getObject(cp, "prometheusrule", "sla-beta", ns))?.spec).toEqual({ groups: [] });
  }, 120_000);
});

describe("keys someone else adds to a generated dashboard ConfigMap", () => {
  it("removes them on the next reconcile and keeps the dashboard", async () => {
    expect((await kubectlApply(cp, sla("gamma", ns, ownDashboard))).code).toBe(0);
    await waitFor("gamma Ready", async () => condition(await slaOf("gamma"), "Ready")?.status === "True", 60_000, () => op.describe());
    const before = await getObject(cp, "configmap", "sla-gamma-dashboard", ns);
    const keys = Object.keys(before?.data ?? {}).sort();
    expect(keys.length).toBeGreaterThan(0);
    // Once by a merge patch (an Update), once by someone's own server-side apply.
    await cp.kubectlOrThrow(["patch", "configmap", "sla-gamma-dashboard", "-n", ns, "--type=merge", "-p", JSON.stringify({ data: { "injected.json": "{\"title\":\"x\"}" } })]);
    await waitFor("the patched key removed", async () => !Object.keys((await getObject(cp, "configmap", "sla-gamma-dashboard", ns))?.data ?? {}).includes("injected.json"),
      30_000, () => op.describe());
    await cp.kubectlOrThrow(["apply", "--server-side", "--field-manager=someone", "-f", "-"], { input: JSON.stringify({
      apiVersion: "v1", kind: "ConfigMap", metadata: { name: "sla-gamma-dashboard", namespace: ns }, data: { "applied.json": "{}" },
    }) });
    await waitFor("the applied key removed", async () => !Object.keys((await getObject(cp, "configmap", "sla-gamma-dashboard", ns))?.data ?? {}).includes("applied.json"),
      30_000, () => op.describe());
    const after = await getObject(cp, "configmap", "sla-gamma-dashboard", ns);
    expect(Object.keys(after?.data ?? {}).sort()).toEqual(keys);
    expect(after?.data).toEqual(before?.data);
    // And it stays so: no fight with itself.
    await sleep(3_000);
    expect((await getObject(cp, "configmap", "sla-gamma-dashboard", ns))?.metadata.resourceVersion).toBe(after?.metadata.resourceVersion);
    expect(op.logged((l) => l.msg === "removed keys someone else added")).toBe(true);
  }, 120_000);

  it("removes keys that were there before the operator took an unowned ConfigMap over", async () => {
    await cp.kubectlOrThrow(["create", "configmap", "sla-delta-dashboard", "-n", ns, "--from-literal=stale.json={}"]);
    expect((await kubectlApply(cp, sla("delta", ns, ownDashboard))).code).toBe(0);
    await waitFor("delta Ready", async () => condition(await slaOf("delta"), "Ready")?.status === "True", 60_000, () => op.describe());
    const taken = await getObject(cp, "configmap", "sla-delta-dashboard", ns);
    expect(taken?.metadata.ownerReferences?.map((r) => r.name)).toEqual(["delta"]);
    expect(Object.keys(taken?.data ?? {})).not.toContain("stale.json");
    expect(Object.keys(taken?.data ?? {}).length).toBeGreaterThan(0);
  }, 120_000);
});
