// The operator creates an absent PrometheusRule with POST (less of the API server's CPU than a
// server-side apply) and applies it from then on. A create leaves our fields held by an Update
// entry of managedFields, which an apply does not release: without adopting them first, a field
// the operator no longer writes would stay. The case that matters: `ruleLabels` changed to drop
// `release` (the README's Thanos values), and the rules would still be picked up by the
// per-cluster Prometheus. Tested on the CRDs of the pinned prometheus-operator release.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startControlPlane, type ControlPlane } from "../controlplane/controlplane.js";
import { ensurePrometheusOperator, prometheusOperatorCrds } from "../prometheus-operator/prometheus-operator.js";
import { condition, getObject, kubectlApply, sla, slaCrdPath, type Obj } from "./cluster.js";
import { OperatorProcess, stopAllOperators, waitFor } from "./operator-process.js";

const ns = "shop";
let cp: ControlPlane;
let op: OperatorProcess;

const objective = (name: string, job: string) => ({
  name,
  target: 99.9,
  indicator: { ratio: { errors: `sum(rate(http_requests_total{job="${job}",code=~"5.."}[{{window}}]))`, total: `sum(rate(http_requests_total{job="${job}"}[{{window}}]))` } },
});

beforeAll(async () => {
  await ensurePrometheusOperator(); // its CRDs come with the build
  cp = await startControlPlane({ crds: [slaCrdPath, ...prometheusOperatorCrds()], prometheusRuleCrd: false });
  await cp.kubectlOrThrow(["create", "namespace", ns]);
  op = await startOperator(["release=kube-prometheus-stack", "team=sre"]);
}, 1_200_000);

async function startOperator(ruleLabels: readonly string[]): Promise<OperatorProcess> {
  const started = new OperatorProcess("operator", [
    "--kubeconfig", cp.kubeconfigPath, "--metrics-addr", "127.0.0.1:0", "--health-addr", "127.0.0.1:0",
    ...ruleLabels.flatMap((l) => ["--rule-label", l]),
  ]);
  await started.started();
  return started;
}

afterAll(async () => {
  await stopAllOperators();
  await cp?.stop();
}, 60_000);

async function managers(): Promise<string> {
  return cp.kubectlOrThrow(["get", "prometheusrule", "sla-checkout", "-n", ns, "--show-managed-fields", "-o", "jsonpath={range .metadata.managedFields[*]}{.manager}:{.operation} {end}"]);
}

async function ruleLabels(): Promise<Record<string, string>> {
  return (await getObject(cp, "prometheusrule", "sla-checkout", ns))?.metadata.labels ?? {};
}

async function ruleText(): Promise<string> {
  return JSON.stringify((await getObject(cp, "prometheusrule", "sla-checkout", ns))?.spec);
}

async function readyAt(generation: number): Promise<Obj> {
  let last: Obj | undefined;
  await waitFor(`checkout ready at generation ${generation}`, async () => {
    last = await getObject(cp, "sla", "checkout", ns);
    return condition(last, "RulesApplied")?.status === "True" && condition(last, "RulesApplied")?.observedGeneration === generation;
  }, 60_000, () => `${JSON.stringify(last?.status, null, 2)}\n${op.describe()}`);
  return last as Obj;
}

describe("a PrometheusRule created by POST, then applied", () => {
  it("is created by an Update of our manager, with the rule labels", async () => {
    expect((await kubectlApply(cp, sla("checkout", ns, { objectives: [objective("availability", "checkout"), objective("payments", "payments")] }))).code).toBe(0);
    await readyAt(1);
    expect((await managers()).trim()).toBe("servicelevel-operator:Update");
    expect(await ruleLabels()).toMatchObject({ release: "kube-prometheus-stack", team: "sre" });
    expect(await ruleText()).toContain('job=\\"payments\\"');
  }, 90_000);

  it("loses a label the restarted operator no longer writes, and the apply then holds every field", async () => {
    await op.stop();
    op = await startOperator(["team=sre"]);
    let labels: Record<string, string> = {};
    await waitFor("the release label gone", async () => !("release" in (labels = await ruleLabels())), 60_000, () => `${JSON.stringify(labels)}\n${op.describe()}`);
    expect(labels).toMatchObject({ team: "sre" });
    expect((await managers()).trim()).toBe("servicelevel-operator:Apply");
  }, 90_000);

  it("loses the rules of a dropped objective", async () => {
    expect((await kubectlApply(cp, sla("checkout", ns, { objectives: [objective("availability", "checkout")] }))).code).toBe(0);
    await readyAt(2);
    expect(await ruleText()).not.toContain('job=\\"payments\\"');
    expect(await ruleText()).toContain('job=\\"checkout\\"');
    expect((await managers()).trim()).toBe("servicelevel-operator:Apply");
  }, 90_000);

  it("is created again by POST after it was deleted", async () => {
    await cp.kubectlOrThrow(["delete", "prometheusrule", "sla-checkout", "-n", ns]);
    await waitFor("the rule created again", async () => (await getObject(cp, "prometheusrule", "sla-checkout", ns)) !== undefined, 60_000, () => op.describe());
    expect((await managers()).trim()).toBe("servicelevel-operator:Update");
    expect(await ruleText()).toContain('job=\\"checkout\\"');
  }, 90_000);
});
