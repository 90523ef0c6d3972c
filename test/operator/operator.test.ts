// The operator against a real kube-apiserver and etcd (test/controlplane): CRD admission, the
// create/update/invalid/delete flows, `kubectl get sla`, a steady state without writes, recovery
// from an API server restart, and removal of orphans at startup. The operator runs as a child
// process, exactly as `slactl run` runs in a pod.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startControlPlane, type ControlPlane } from "../controlplane/controlplane.js";
import { OperatorProcess, stopAllOperators, waitFor } from "./operator-process.js";
import { condition, getObject, kubectlApply, sla as clusterSla, slaCrdPath, type Obj } from "./cluster.js";

// These tests follow an SLA's own dashboard ConfigMap; the shared dashboard (no ConfigMap) has its test below.
const sla = (name: string, namespace: string, spec: Record<string, unknown> = {}) => clusterSla(name, namespace, { dashboard: { own: true }, ...spec });

const ns = "shop";
let cp: ControlPlane;

beforeAll(async () => {
  cp = await startControlPlane({ crds: [slaCrdPath] });
  await cp.kubectlOrThrow(["create", "namespace", ns]);
}, 600_000);

afterAll(async () => {
  await stopAllOperators();
  await cp?.stop();
}, 60_000);

describe("the ServiceLevelAgreement CRD at admission", () => {
  const objective = { name: "availability", target: 99.9, indicator: { probe: { metric: "probe_success" } } };
  const rejects = async (spec: Record<string, unknown>): Promise<string> => {
    const r = await kubectlApply(cp, sla("bad", ns, spec));
    expect(r.code, r.stdout).not.toBe(0);
    return r.stderr;
  };

  it("rejects a target above 100 with the field path", async () => {
    expect(await rejects({ objectives: [{ ...objective, target: 100.5 }] })).toMatch(/spec\.objectives\[0\]\.target: Invalid value: 100\.5: .*should be less than 100/);
  });

  it("rejects a target of 0", async () => {
    expect(await rejects({ objectives: [{ ...objective, target: 0 }] })).toMatch(/spec\.objectives\[0\]\.target: Invalid value: 0: .*should be greater than 0/);
  });

  it("rejects a period that is both rolling and calendar", async () => {
    expect(await rejects({ objectives: [objective], period: { rolling: "30d", calendar: "month" } })).toMatch(/spec\.period: Invalid value: .*give rolling or calendar, not both/);
  });

  it("rejects empty objectives", async () => {
    expect(await rejects({ objectives: [] })).toMatch(/spec\.objectives: Invalid value: 0: .*should have at least 1 items/);
  });

  it("rejects duplicate objective names", async () => {
    expect(await rejects({ objectives: [objective, { ...objective, target: 99 }] })).toMatch(/spec\.objectives: Invalid value: .*objective names must be unique/);
  });

  it("rejects a malformed duration", async () => {
    expect(await rejects({ objectives: [objective], period: { rolling: "thirty days" } })).toMatch(/spec\.period\.rolling: Invalid value: "thirty days"/);
  });
});

describe("the operator", () => {
  let op: OperatorProcess;
  const resyncSeconds = 3;
  const start = async (name: string): Promise<OperatorProcess> => {
    const p = new OperatorProcess(name, [
      "--kubeconfig", cp.kubeconfigPath,
      "--metrics-addr", "127.0.0.1:0",
      "--health-addr", "127.0.0.1:0",
      "--resync-period", `${resyncSeconds}s`,
      "--rule-label", "release=kube-prometheus-stack",
      "--log-level", "debug",
    ]);
    await p.started();
    await waitFor(`${name} ready`, async () => (await p.get("/readyz")).status === 200, 30_000, () => p.describe());
    return p;
  };
  const ready = (o: Obj | undefined, generation: number): boolean =>
    o?.status?.observedGeneration === generation && condition(o, "Ready")?.status === "True";
  const waitForSla = async (name: string, what: string, check: (o: Obj | undefined) => boolean, timeoutMs = 30_000): Promise<Obj> => {
    let last: Obj | undefined;
    await waitFor(what, async () => check(last = await getObject(cp, "sla", name, ns)), timeoutMs,
      () => `${JSON.stringify(last?.status, null, 2)}\n${op.describe()}`);
    return last as Obj;
  };

  beforeAll(async () => {
    op = await start("operator");
  }, 60_000);

  it("creates a PrometheusRule and a dashboard ConfigMap owned by the SLA, and reports Ready", async () => {
    expect((await kubectlApply(cp, sla("checkout", ns))).code).toBe(0);
    const created = await waitForSla("checkout", "checkout Ready", (o) => ready(o, 1));
    expect(created.status?.generated).toEqual({ prometheusRule: "sla-checkout", dashboard: "sla-checkout-dashboard", rules: expect.any(Number) });
    expect(created.status?.conditions?.map((c) => `${c.type}=${c.status}/${c.reason}`)).toEqual([
      "Ready=True/Reconciled", "Valid=True/Valid", "RulesApplied=True/Applied", "DashboardApplied=True/Applied", "AlertmanagerConfigApplied=True/NoMaintenance",
      "MetricsAvailable=Unknown/NotEvaluated", "Compliant=Unknown/NotEvaluated", "ReviewDue=Unknown/NotEvaluated",
    ]);
    const ownerRef = { apiVersion: "servicelevel.dev/v1alpha1", kind: "ServiceLevelAgreement", name: "checkout", uid: created.metadata.uid, controller: true, blockOwnerDeletion: true };

    const rule = await getObject(cp, "prometheusrule", "sla-checkout", ns);
    expect(rule?.metadata.ownerReferences).toEqual([ownerRef]);
    expect(rule?.metadata.labels).toMatchObject({ "app.kubernetes.io/managed-by": "servicelevel-operator", "servicelevel.dev/sla": "checkout", release: "kube-prometheus-stack" });
    const groups = rule?.spec?.["groups"] as { rules: unknown[] }[];
    expect(groups.reduce((n, g) => n + g.rules.length, 0)).toBe(created.status?.generated?.["rules"]);

    const dashboard = await getObject(cp, "configmap", "sla-checkout-dashboard", ns);
    expect(dashboard?.metadata.ownerReferences).toEqual([ownerRef]);
    expect(dashboard?.metadata.labels).toMatchObject({ grafana_dashboard: "1", "app.kubernetes.io/managed-by": "servicelevel-operator" });
    expect(Object.keys(dashboard?.data ?? {})).toHaveLength(1);
    expect(JSON.parse(Object.values(dashboard?.data ?? {})[0] ?? "{}")).toHaveProperty("panels");

    // Created with POST by our field manager (applied from the next change on: create-then-apply.test.ts).
    const managed = await cp.kubectlOrThrow(["get", "prometheusrule", "sla-checkout", "-n", ns, "--show-managed-fields", "-o", "jsonpath={.metadata.managedFields[*].manager}:{.metadata.managedFields[*].operation}"]);
    expect(managed).toBe("servicelevel-operator:Update");

    const events = JSON.parse(await cp.kubectlOrThrow(["get", "events", "-n", ns, "--field-selector", "involvedObject.name=checkout", "-o", "json"])) as { items: { reason: string }[] };
    expect(events.items.map((e) => e.reason)).toEqual(expect.arrayContaining(["RulesApplied", "DashboardApplied"]));
  });

  it("kubectl get sla prints SERVICE, STATE, COMPLIANCE, BUDGET, CREDIT and AGE", async () => {
    const out = await cp.kubectlOrThrow(["get", "sla", "-n", ns]);
    const [header, row] = out.trim().split("\n");
    expect(header?.split(/\s+/)).toEqual(["NAME", "SERVICE", "STATE", "COMPLIANCE", "BUDGET", "CREDIT", "AGE"]);
    expect(row).toMatch(/^checkout\s+checkout\s+\S+$/);
    const wide = await cp.kubectlOrThrow(["get", "servicelevelagreements.servicelevel.dev", "checkout", "-n", ns, "-o", "name"]);
    expect(wide.trim()).toBe("servicelevelagreement.servicelevel.dev/checkout");
  });

  it("changes the rules when the spec changes, and keeps lastTransitionTime when no condition changes status", async () => {
    const before = await getObject(cp, "sla", "checkout", ns);
    const ruleBefore = await getObject(cp, "prometheusrule", "sla-checkout", ns);
    await new Promise((r) => setTimeout(r, 1_100)); // a transition now would show in the timestamps
    expect((await kubectlApply(cp, sla("checkout", ns, { objectives: [{ name: "availability", target: 99.5, indicator: { ratio: {
      errors: 'sum(rate(http_requests_total{job="checkout",code=~"5.."}[{{window}}]))',
      total: 'sum(rate(http_requests_total{job="checkout"}[{{window}}]))',
    } } }] }))).code).toBe(0);
    const after = await waitForSla("checkout", "checkout at generation 2", (o) => ready(o, 2));
    const ruleAfter = await getObject(cp, "prometheusrule", "sla-checkout", ns);
    expect(ruleAfter?.metadata.resourceVersion).not.toBe(ruleBefore?.metadata.resourceVersion);
    expect(JSON.stringify(ruleAfter?.spec)).not.toBe(JSON.stringify(ruleBefore?.spec));
    expect(JSON.stringify(ruleAfter?.spec)).toContain("0.005"); // the 99.5% target's error budget
    for (const type of ["Ready", "Valid", "RulesApplied"]) {
      expect(condition(after, type)?.lastTransitionTime).toBe(condition(before, type)?.lastTransitionTime);
      expect(condition(after, type)?.observedGeneration).toBe(2);
    }
  });

  it("keeps the last valid PrometheusRule and reports Valid=False with the field path when an update does not compile", async () => {
    const ruleBefore = await getObject(cp, "prometheusrule", "sla-checkout", ns);
    const dashboardBefore = await getObject(cp, "configmap", "sla-checkout-dashboard", ns);
    // Passes the CRD (a string), fails the operator (PromQL with an unclosed parenthesis).
    const r = await kubectlApply(cp, sla("checkout", ns, { objectives: [{ name: "availability", target: 99.9, indicator: { ratio: {
      errors: 'sum(rate(http_requests_total{code=~"5.."}[{{window}}])',
      total: "sum(rate(http_requests_total[{{window}}]))",
    } } }] }));
    expect(r.code, r.stderr).toBe(0);
    const invalid = await waitForSla("checkout", "checkout invalid", (o) => o?.status?.observedGeneration === 3 && condition(o, "Valid")?.status === "False");
    const valid = condition(invalid, "Valid");
    expect(valid?.reason).toBe("InvalidSpec");
    expect(valid?.message).toMatch(/^spec\.objectives\[0\]\.indicator\.ratio\.errors: \S/);
    expect(condition(invalid, "Ready")).toMatchObject({ status: "False", reason: "InvalidSpec" });
    expect(condition(invalid, "RulesApplied")).toMatchObject({ status: "True", observedGeneration: 2 });
    expect(invalid.status?.state).toBe("Invalid");
    expect((await cp.kubectlOrThrow(["get", "sla", "checkout", "-n", ns, "--no-headers"])).split(/\s+/)[2]).toBe("Invalid");

    // Give the operator a resync to change its mind; the rules of generation 2 stay.
    await new Promise((r) => setTimeout(r, resyncSeconds * 1000 + 1_000));
    expect((await getObject(cp, "prometheusrule", "sla-checkout", ns))?.metadata.resourceVersion).toBe(ruleBefore?.metadata.resourceVersion);
    expect((await getObject(cp, "configmap", "sla-checkout-dashboard", ns))?.metadata.resourceVersion).toBe(dashboardBefore?.metadata.resourceVersion);
    const events = await cp.kubectlOrThrow(["get", "events", "-n", ns, "--field-selector", "involvedObject.name=checkout,reason=InvalidSpec", "-o", "jsonpath={.items[*].type}"]);
    expect(events.split(" ")).toEqual(["Warning"]);

    // And a fix brings it back.
    expect((await kubectlApply(cp, sla("checkout", ns))).code).toBe(0);
    const fixed = await waitForSla("checkout", "checkout valid again", (o) => ready(o, 4));
    expect(fixed.status?.state).toBeUndefined();
  });

  it("makes no writes in a steady state over a full resync", async () => {
    expect((await kubectlApply(cp, sla("orders", ns, { dashboard: { folder: "Shop" } }))).code).toBe(0);
    await waitForSla("orders", "orders Ready", (o) => ready(o, 1));
    await waitFor("the queue to drain", async () => (await op.metric("servicelevel_operator_queue_depth")) === 0);
    const versions = async (): Promise<string[]> => Promise.all([
      ["sla", "checkout"], ["sla", "orders"], ["prometheusrule", "sla-checkout"], ["prometheusrule", "sla-orders"],
      ["configmap", "sla-checkout-dashboard"], ["configmap", "sla-orders-dashboard"],
    ].map(async ([kind, name]) => (await getObject(cp, kind as string, name as string, ns))?.metadata.resourceVersion ?? "missing"));
    const writesBefore = await op.metric("servicelevel_operator_api_writes_total");
    const reconcilesBefore = await op.metric("servicelevel_operator_reconcile_total");
    const versionsBefore = await versions();
    // Two full resync periods: every SLA is reconciled again at least once.
    await new Promise((r) => setTimeout(r, 2 * resyncSeconds * 1000 + 500));
    expect(await op.metric("servicelevel_operator_reconcile_total")).toBeGreaterThanOrEqual(reconcilesBefore + 2);
    expect(await op.metric("servicelevel_operator_api_writes_total")).toBe(writesBefore);
    expect(await versions()).toEqual(versionsBefore);
    expect(await op.metric("servicelevel_operator_slas")).toBe(2);
  });

  it("puts right a generated PrometheusRule that someone edited", async () => {
    await cp.kubectlOrThrow(["patch", "prometheusrule", "sla-orders", "-n", ns, "--type", "merge", "-p", JSON.stringify({ spec: { groups: [] } })]);
    await waitFor("the rules to be restored", async () => {
      const rule = await getObject(cp, "prometheusrule", "sla-orders", ns);
      return ((rule?.spec?.["groups"] as unknown[] | undefined) ?? []).length > 0;
    }, 20_000, () => op.describe());
  });

  it("recovers when the API server restarts, and reconciles a change made after the restart", async () => {
    const writesBefore = await op.metric("servicelevel_operator_api_writes_total");
    await cp.restartApiServer({ downMs: 2_000 });
    expect(op.running).toBe(true);
    const ruleBefore = await getObject(cp, "prometheusrule", "sla-orders", ns);
    expect((await kubectlApply(cp, sla("orders", ns, { dashboard: { folder: "Shop" }, labels: { region: "eu-west-1" } }))).code).toBe(0);
    await waitForSla("orders", "orders at generation 2 after the restart", (o) => ready(o, 2), 60_000);
    const ruleAfter = await getObject(cp, "prometheusrule", "sla-orders", ns);
    expect(ruleAfter?.metadata.resourceVersion).not.toBe(ruleBefore?.metadata.resourceVersion);
    expect(JSON.stringify(ruleAfter?.spec)).toContain("eu-west-1");
    expect(await op.metric("servicelevel_operator_api_writes_total")).toBeGreaterThan(writesBefore);
    expect((await op.get("/readyz")).status).toBe(200);
    // It noticed: its watches broke and were re-established.
    expect(op.logged((l) => l.msg === "list/watch failed; retrying")).toBe(true);
  }, 120_000);

  it("deletes the generated objects when the SLA is deleted", async () => {
    await cp.kubectlOrThrow(["delete", "sla", "orders", "-n", ns]);
    await waitFor("sla-orders objects to be deleted", async () =>
      (await getObject(cp, "prometheusrule", "sla-orders", ns)) === undefined && (await getObject(cp, "configmap", "sla-orders-dashboard", ns)) === undefined,
    30_000, () => op.describe());
    expect(await getObject(cp, "prometheusrule", "sla-checkout", ns)).toBeDefined();
  });

  it("warns in Valid about a dependency on an SLA not in the cluster, and names the nearest one once it exists", async () => {
    expect((await kubectlApply(cp, sla("ledger", ns, { dependencies: [{ name: "invoices" }] }))).code).toBe(0);
    const alone = await waitForSla("ledger", "ledger Ready", (o) => ready(o, 1));
    expect(condition(alone, "Valid")?.message).toMatch(
      /, with 1 warning: spec\.dependencies\[0\]\.name: no valid ServiceLevelAgreement shop\/invoices is known, so the targets it supports are not checked$/);
    // The SLA it most likely meant appears: ledger's spec did not change, yet its warning does.
    expect((await kubectlApply(cp, sla("invoice", ns))).code).toBe(0);
    await waitForSla("ledger", "ledger told of shop/invoice", (o) => (condition(o, "Valid")?.message ?? "").endsWith('; did you mean "shop/invoice"?'));
    await cp.kubectlOrThrow(["delete", "sla", "ledger", "invoice", "-n", ns]);
    await waitFor("their objects to be deleted", async () =>
      (await getObject(cp, "prometheusrule", "sla-ledger", ns)) === undefined && (await getObject(cp, "prometheusrule", "sla-invoice", ns)) === undefined,
    30_000, () => op.describe());
  }, 90_000);

  it("stops cleanly on SIGTERM, and at the next start removes generated objects whose SLA is gone", async () => {
    expect(await op.stop("SIGTERM")).toBe(0);
    expect(op.logged((l) => l.msg === "stopped cleanly")).toBe(true);
    // While no operator runs (and no garbage collector exists here): the SLA goes, its objects stay.
    await cp.kubectlOrThrow(["delete", "sla", "checkout", "-n", ns]);
    expect(await getObject(cp, "prometheusrule", "sla-checkout", ns)).toBeDefined();
    // A generated object of an SLA that never existed in this cluster.
    await cp.kubectlOrThrow(["apply", "-f", "-"], { input: JSON.stringify({
      apiVersion: "v1", kind: "ConfigMap",
      metadata: { name: "sla-ghost-dashboard", namespace: ns, labels: { "app.kubernetes.io/managed-by": "servicelevel-operator", "servicelevel.dev/sla": "ghost" } },
      data: {},
    }) });
    // An object with the label but of another owner's name pattern stays alone if its SLA exists.
    expect((await kubectlApply(cp, sla("payments", ns))).code).toBe(0);

    op = await start("operator-2");
    await waitFor("orphans to be removed", async () =>
      (await getObject(cp, "prometheusrule", "sla-checkout", ns)) === undefined
      && (await getObject(cp, "configmap", "sla-checkout-dashboard", ns)) === undefined
      && (await getObject(cp, "configmap", "sla-ghost-dashboard", ns)) === undefined,
    30_000, () => op.describe());
    await waitForSla("payments", "payments Ready", (o) => ready(o, 1));
    expect(await getObject(cp, "prometheusrule", "sla-payments", ns)).toBeDefined();

    // Without a dashboard of its own the shared dashboard shows the SLA: no ConfigMap, and status links it.
    expect((await kubectlApply(cp, clusterSla("shared", ns))).code).toBe(0);
    const shared = await waitForSla("shared", "shared Ready", (o) => ready(o, 1));
    expect(shared.status?.generated).toEqual({ prometheusRule: "sla-shared", rules: expect.any(Number) });
    expect(condition(shared, "DashboardApplied")).toMatchObject({ status: "True", reason: "Shared",
      message: `the shared Grafana dashboard shows this SLA at /d/servicelevel-sla/servicelevel-sla?var-namespace=${ns}&var-sla=shared` });
    expect(await getObject(cp, "configmap", "sla-shared-dashboard", ns)).toBeUndefined();
    expect(await op.stop("SIGTERM")).toBe(0);
  }, 90_000);
});
