// A cluster without the prometheus-operator CRDs: the operator keeps running, applies the
// dashboard, reports RulesApplied=False with reason PrometheusRuleCRDMissing, and applies the
// rules by itself once the CRD is installed.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startControlPlane, type ControlPlane } from "../controlplane/controlplane.js";
import { prometheusRuleCrdYaml } from "../controlplane/prometheusrule-crd.js";
import { OperatorProcess, stopAllOperators, waitFor } from "./operator-process.js";
import { condition, getObject, kubectlApply, sla, slaCrdPath, type Obj } from "./cluster.js";

const ns = "shop";
let cp: ControlPlane;

beforeAll(async () => {
  cp = await startControlPlane({ crds: [slaCrdPath], prometheusRuleCrd: false });
  await cp.kubectlOrThrow(["create", "namespace", ns]);
}, 600_000);

afterAll(async () => {
  await stopAllOperators();
  await cp?.stop();
}, 60_000);

describe("without the PrometheusRule CRD", () => {
  let op: OperatorProcess;

  it("reports RulesApplied=False (PrometheusRuleCRDMissing), applies the dashboard and keeps running", async () => {
    op = new OperatorProcess("operator", ["--kubeconfig", cp.kubeconfigPath, "--metrics-addr", "127.0.0.1:0", "--health-addr", "127.0.0.1:0"]);
    await op.started();
    await waitFor("ready", async () => (await op.get("/readyz")).status === 200, 30_000, () => op.describe());
    expect((await kubectlApply(cp, sla("checkout", ns, { dashboard: { own: true } }))).code).toBe(0);
    let last: Obj | undefined;
    await waitFor("RulesApplied=False", async () => {
      last = await getObject(cp, "sla", "checkout", ns);
      return condition(last, "RulesApplied")?.reason === "PrometheusRuleCRDMissing";
    }, 30_000, () => `${JSON.stringify(last?.status, null, 2)}\n${op.describe()}`);
    expect(condition(last, "RulesApplied")).toMatchObject({ status: "False", message: expect.stringContaining("monitoring.coreos.com/v1 PrometheusRule") });
    expect(condition(last, "DashboardApplied")).toMatchObject({ status: "True" });
    expect(condition(last, "Valid")).toMatchObject({ status: "True" });
    expect(condition(last, "Ready")).toMatchObject({ status: "False", reason: "PrometheusRuleCRDMissing" });
    expect(last?.status?.generated).toEqual({ dashboard: "sla-checkout-dashboard", rules: expect.any(Number) });
    expect(await getObject(cp, "configmap", "sla-checkout-dashboard", ns)).toBeDefined();
    const events = await cp.kubectlOrThrow(["get", "events", "-n", ns, "--field-selector", "involvedObject.name=checkout,reason=PrometheusRuleCRDMissing", "-o", "jsonpath={.items[*].type}"]);
    expect(events).toBe("Warning");
    expect(op.running).toBe(true);
    expect((await op.get("/healthz")).status).toBe(200);
  }, 60_000);

  it("applies the rules once the CRD is installed", async () => {
    const file = join(cp.dir, "prometheusrule-crd.yaml");
    writeFileSync(file, prometheusRuleCrdYaml());
    await cp.installCrds([file]);
    // The informer asks for the missing type every 10 s and then reconciles every SLA.
    await waitFor("RulesApplied=True", async () => condition(await getObject(cp, "sla", "checkout", ns), "RulesApplied")?.status === "True", 30_000, () => op.describe());
    const rule = await getObject(cp, "prometheusrule", "sla-checkout", ns);
    expect(rule?.metadata.ownerReferences?.[0]).toMatchObject({ kind: "ServiceLevelAgreement", name: "checkout", controller: true });
    const status = await getObject(cp, "sla", "checkout", ns);
    expect(condition(status, "Ready")).toMatchObject({ status: "True" });
    expect(status?.status?.generated).toMatchObject({ prometheusRule: "sla-checkout" });
    expect(await op.stop()).toBe(0);
  }, 60_000);
});
