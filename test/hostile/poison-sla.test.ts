// One broken SLA among a hundred good ones, on the real kube-apiserver with the operator as a
// child process measuring against a real (empty) Prometheus: the hundred get their rules, Ready
// and fresh figures, the broken one gets Valid=False with the field path and no rules; an SLA that worked and is then broken keeps the rules that worked; and
// a cycle of dependencies between two SLAs is refused for those two alone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startControlPlane, type ControlPlane } from "../controlplane/controlplane.js";
import { OperatorProcess, stopAllOperators, waitFor } from "../operator/operator-process.js";
import { condition, getObject, kubectlApply, sla, slaCrdPath, type Obj } from "../operator/cluster.js";
import { startPrometheus, type RunningPrometheus } from "../prometheus/harness.js";

const ns = "tenants";
const good = Array.from({ length: 100 }, (_, i) => `team-${String(i).padStart(3, "0")}`);
// Passes the CRD (it is a string), refused by the compiler: RE2 refuses the unbalanced "(".
const poisoned = {
  objectives: [{
    name: "availability", target: 99.9,
    indicator: { ratio: { errors: 'sum(rate(http_requests_total{code=~"("}[{{window}}]))', total: "sum(rate(http_requests_total[{{window}}]))" } },
  }],
};

let cp: ControlPlane;
let op: OperatorProcess;
let prometheus: RunningPrometheus;
let startedAt: number;

beforeAll(async () => {
  cp = await startControlPlane({ crds: [slaCrdPath] });
  await cp.kubectlOrThrow(["create", "namespace", ns]);
  const documents = [...good.map((name) => sla(name, ns)), sla("poison", ns, poisoned)];
  const applied = await cp.kubectl(["apply", "-f", "-"], { input: documents.map((d) => JSON.stringify(d)).join("\n") });
  expect(applied.code, applied.stderr).toBe(0);
  prometheus = await startPrometheus();
  startedAt = Date.now();
  op = new OperatorProcess("operator", ["--kubeconfig", cp.kubeconfigPath, "--metrics-addr", "127.0.0.1:0", "--health-addr", "127.0.0.1:0",
    "--prometheus-url", prometheus.url, "--evaluation-interval", "10s"]);
  await op.started();
}, 600_000);

afterAll(async () => {
  await stopAllOperators();
  await prometheus?.stop();
  await cp?.stop();
}, 60_000);

const list = async (kind: string): Promise<Obj[]> => (JSON.parse(await cp.kubectlOrThrow(["get", kind, "-n", ns, "-o", "json"])) as { items: Obj[] }).items;

describe("a poisoned SLA among a hundred good ones", () => {
  it("leaves the hundred with their rules, Ready and fresh figures, and refuses the poisoned one at its field", async () => {
    await waitFor("every good SLA Ready", async () => {
      const slas = await list("sla");
      return good.every((name) => condition(slas.find((s) => s.metadata.name === name), "Ready")?.status === "True");
    }, 240_000, () => op.describe());
    const rules = new Set((await list("prometheusrule")).map((r) => r.metadata.name));
    for (const name of good) expect(rules.has(`sla-${name}`), name).toBe(true);
    expect(rules.has("sla-poison")).toBe(false);
    const poison = await getObject(cp, "sla", "poison", ns);
    expect(condition(poison, "Valid")).toMatchObject({ status: "False", reason: "InvalidSpec" });
    expect(condition(poison, "Valid")?.message).toContain("spec.objectives[0].indicator.ratio.errors");
    // Measured too, and since this operator started: an empty Prometheus gives NoData, not an error.
    await waitFor("every good SLA measured", async () => {
      const slas = await list("sla");
      return good.every((name) => {
        const s = slas.find((o) => o.metadata.name === name);
        const at = Date.parse(String((s?.status as { lastEvaluated?: string } | undefined)?.lastEvaluated));
        return at >= Math.floor(startedAt / 1000) * 1000 && condition(s, "MetricsAvailable")?.reason === "NoSeries";
      });
    }, 120_000, () => op.describe());
    expect((await getObject(cp, "sla", "poison", ns))?.status?.state).toBe("Invalid");
    expect(op.running).toBe(true);
  }, 300_000);

  it("keeps the rules that worked when a good SLA is broken, and its neighbours untouched", async () => {
    const victim = good[0] as string;
    const neighbour = good[1] as string;
    const before = await getObject(cp, "prometheusrule", `sla-${victim}`, ns);
    const neighbourBefore = await getObject(cp, "prometheusrule", `sla-${neighbour}`, ns);
    expect((await kubectlApply(cp, sla(victim, ns, poisoned))).code).toBe(0);
    await waitFor("the broken SLA to say Valid=False", async () => condition(await getObject(cp, "sla", victim, ns), "Valid")?.status === "False", 60_000, () => op.describe());
    const after = await getObject(cp, "prometheusrule", `sla-${victim}`, ns);
    expect(after?.metadata.resourceVersion).toBe(before?.metadata.resourceVersion);
    expect(after?.spec).toEqual(before?.spec);
    expect((await getObject(cp, "prometheusrule", `sla-${neighbour}`, ns))?.metadata.resourceVersion).toBe(neighbourBefore?.metadata.resourceVersion);
  }, 120_000);

  it("refuses a dependency cycle for the two SLAs in it, and only for them", async () => {
    const [a, b] = [good[10] as string, good[11] as string];
    expect((await kubectlApply(cp, sla(a, ns, { dependencies: [{ name: b }] }))).code).toBe(0);
    expect((await kubectlApply(cp, sla(b, ns, { dependencies: [{ name: a }] }))).code).toBe(0);
    for (const name of [a, b]) {
      await waitFor(`${name} Valid=False`, async () => condition(await getObject(cp, "sla", name, ns), "Valid")?.status === "False", 60_000, () => op.describe());
      expect(condition(await getObject(cp, "sla", name, ns), "Valid")?.message).toMatch(/cycle/);
    }
    expect(condition(await getObject(cp, "sla", good[12] as string, ns), "Valid")?.status).toBe("True");
  }, 120_000);
});
