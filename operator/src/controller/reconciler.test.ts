import { pino } from "pino";
import { beforeEach, describe, expect, it } from "vitest";
import { loadTables, slaDocument as exampleSla } from "../../../test/support/burn-rate-tables.js";
import { KubeApiError } from "../adapters/kube/errors.js";
import type { RecordedEvent } from "../adapters/kube/events.js";
import { objectKey, type KubeObject, type ResourceType } from "../adapters/kube/resources.js";
import type { BudgetStatus } from "../compile/budget/index.js";
import { reviewStatus } from "../measure/review.js";
import { SlaIndex } from "../compile/index.js";
import { findCondition } from "./conditions.js";
import type { FiguresRecord } from "./figures.js";
import { Reconciler, ownerKey, slaDocument, type ObjectCache, type SlaObject } from "./reconciler.js";

class MapCache<T extends KubeObject> implements ObjectCache<T> {
  readonly objects = new Map<string, T>();
  resourceMissing = false;
  get(key: string) { return this.objects.get(key); }
  list() { return [...this.objects.values()]; }
  upsert(object: T) { this.objects.set(objectKey(object), object); }
  forget(key: string) { this.objects.delete(key); }
}

/** An in-memory API: applies store the object with a new resourceVersion, like the server would. */
function fakeWorld() {
  let rv = 100;
  const slas = new MapCache<SlaObject>();
  const prometheusRules = new MapCache<KubeObject>();
  const configMaps = new MapCache<KubeObject>();
  const alertmanagerConfigs = new MapCache<KubeObject>();
  const writes: string[] = [];
  const events: RecordedEvent[] = [];
  let prometheusRuleCrdInstalled = true;
  const liveSlas = new Set<string>();
  const foreignKeys = new Map<string, Record<string, string>>();
  const evaluations = new Map<string, FiguresRecord>();
  const index = new SlaIndex({ burnRateTables: loadTables() });
  const reconciler = new Reconciler({
    figures: evaluations,
    index,
    slas, prometheusRules, configMaps, alertmanagerConfigs,
    applier: {
      create: async <T extends KubeObject>(resource: ResourceType, desired: KubeObject): Promise<T | undefined> => {
        if (resource.kind === "PrometheusRule" && !prometheusRuleCrdInstalled) {
          throw new KubeApiError("POST", "/apis/monitoring.coreos.com/v1/...", 404, { reason: "NotFound", message: "the server could not find the requested resource", details: {} });
        }
        // An object the cache does not hold may still exist (one made before the operator took it over).
        if (foreignKeys.has(desired.metadata.name)) return undefined;
        writes.push(`create ${resource.kind} ${desired.metadata.name}`);
        return JSON.parse(JSON.stringify({ ...desired, metadata: { ...desired.metadata, uid: `uid-${desired.metadata.name}`, resourceVersion: String(++rv) } })) as T;
      },
      apply: async <T extends KubeObject>(resource: ResourceType, desired: KubeObject): Promise<T> => {
        if (resource.kind === "PrometheusRule" && !prometheusRuleCrdInstalled) {
          throw new KubeApiError("PATCH", "/apis/monitoring.coreos.com/v1/...", 404, { reason: "NotFound", message: "the server could not find the requested resource", details: {} });
        }
        writes.push(`apply ${resource.kind} ${desired.metadata.name}`);
        // Server-side apply keeps what others added: the keys of `foreignKeys` stay in the answer.
        const data = desired["data"] === undefined ? {} : { data: { ...(desired["data"] as object), ...foreignKeys.get(desired.metadata.name) } };
        return JSON.parse(JSON.stringify({ ...desired, ...data, metadata: { ...desired.metadata, uid: `uid-${desired.metadata.name}`, resourceVersion: String(++rv) } })) as T;
      },
      delete: async (resource, namespace, name) => {
        writes.push(`delete ${resource.kind} ${namespace}/${name}`);
        return true;
      },
      removeKeys: async <T extends KubeObject>(resource: ResourceType, desired: KubeObject, keys: readonly string[]): Promise<T> => {
        writes.push(`remove ${resource.kind} ${desired.metadata.name} ${keys.join(",")}`);
        foreignKeys.delete(desired.metadata.name);
        return JSON.parse(JSON.stringify({ ...desired, metadata: { ...desired.metadata, uid: `uid-${desired.metadata.name}`, resourceVersion: String(++rv) } })) as T;
      },
    },
    status: {
      patchStatus: async <T extends KubeObject>(_r: ResourceType, object: KubeObject, patch: Readonly<Record<string, unknown>>): Promise<T> => {
        writes.push(`status ${Object.keys(patch).sort().join(",")}`);
        const status = Object.fromEntries(Object.entries({ ...(object["status"] as object), ...patch }).filter(([, v]) => v !== null));
        return { ...object, status, metadata: { ...object.metadata, resourceVersion: String(++rv) } } as unknown as T;
      },
    },
    events: { record: async (_o, event) => { events.push(event); } },
    readSla: async (namespace, name) => (liveSlas.has(`${namespace}/${name}`) ? slas.get(`${namespace}/${name}`) ?? { metadata: { name, namespace } } : undefined),
    ruleLabels: { release: "kube-prometheus-stack" },
    now: () => new Date("2026-11-27T10:00:00Z"),
    log: pino({ level: "silent" }),
  });
  const putSla = (spec: Record<string, unknown> = {}, generation = 1): SlaObject => {
    const current = slas.get("shop/checkout");
    // Most tests follow the SLA's own dashboard; the shared one is tested on its own below.
    const document = exampleSla({ dashboard: { own: true }, ...spec }) as { metadata: object; spec: unknown };
    const sla: SlaObject = {
      ...document,
      metadata: { ...document.metadata, name: "checkout", namespace: "shop", uid: "sla-uid", generation, resourceVersion: String(++rv) },
      ...(current?.status ? { status: current.status } : {}),
    };
    slas.upsert(sla);
    index.upsert("shop/checkout", slaDocument(sla), String(generation));
    liveSlas.add("shop/checkout");
    return sla;
  };
  return {
    slas, prometheusRules, configMaps, alertmanagerConfigs, writes, events, reconciler, putSla, liveSlas, evaluations, index, foreignKeys,
    removeCrd: () => { prometheusRuleCrdInstalled = false; prometheusRules.resourceMissing = true; },
  };
}

describe("Reconciler", () => {
  let world: ReturnType<typeof fakeWorld>;
  beforeEach(() => {
    world = fakeWorld();
  });

  it("applies the PrometheusRule and dashboard with an owner reference, then writes status once", async () => {
    world.putSla();
    expect(await world.reconciler.reconcile("shop/checkout")).toEqual({ result: "success" });
    expect(world.writes).toEqual(["create PrometheusRule sla-checkout", "apply ConfigMap sla-checkout-dashboard", "status conditions,generated,observedGeneration"]);
    const rule = world.prometheusRules.get("shop/sla-checkout");
    expect(rule?.metadata.ownerReferences).toEqual([{ apiVersion: "servicelevel.dev/v1alpha1", kind: "ServiceLevelAgreement", name: "checkout", uid: "sla-uid", controller: true, blockOwnerDeletion: true }]);
    expect(rule?.metadata.labels).toMatchObject({ release: "kube-prometheus-stack", "app.kubernetes.io/managed-by": "servicelevel-operator" });
    expect(world.configMaps.get("shop/sla-checkout-dashboard")?.metadata.labels).toMatchObject({ grafana_dashboard: "1" });
    expect(ownerKey(rule as KubeObject)).toBe("shop/checkout");
    expect(world.events.map((e) => e.reason)).toEqual(["RulesApplied", "DashboardApplied"]);
  });

  it("writes nothing when nothing changed", async () => {
    world.putSla();
    await world.reconciler.reconcile("shop/checkout");
    world.writes.length = 0;
    world.events.length = 0;
    for (let i = 0; i < 3; i++) expect(await world.reconciler.reconcile("shop/checkout")).toEqual({ result: "success" });
    expect(world.writes).toEqual([]);
    expect(world.events).toEqual([]);
  });

  it("re-applies only what a spec change changes", async () => {
    world.putSla();
    await world.reconciler.reconcile("shop/checkout");
    world.writes.length = 0;
    world.putSla({ description: "new words" }, 2);
    await world.reconciler.reconcile("shop/checkout");
    expect(world.writes).toContain("status conditions,observedGeneration");
    world.writes.length = 0;
    world.putSla({ objectives: [{ name: "availability", target: 99.5, indicator: { ratio: { errors: "sum(rate(e[{{window}}]))", total: "sum(rate(t[{{window}}]))" } } }] }, 3);
    await world.reconciler.reconcile("shop/checkout");
    expect(world.writes).toEqual(["apply PrometheusRule sla-checkout", "apply ConfigMap sla-checkout-dashboard", "status conditions,observedGeneration"]);
  });

  it("keeps the last valid rules and reports each issue with its path when an update is invalid", async () => {
    world.putSla();
    await world.reconciler.reconcile("shop/checkout");
    const before = world.prometheusRules.get("shop/sla-checkout");
    world.writes.length = 0;
    world.putSla({ objectives: [{ name: "availability", target: 99.9, indicator: { ratio: { errors: "sum(rate(x[{{window}}])", total: "sum(rate(t[{{window}}]))" } } }] }, 2);
    expect(await world.reconciler.reconcile("shop/checkout")).toEqual({ result: "invalid" });
    expect(world.writes).toEqual(["status conditions,observedGeneration,state"]);
    expect(world.prometheusRules.get("shop/sla-checkout")).toBe(before);
    const status = world.slas.get("shop/checkout")?.status;
    const valid = findCondition(status?.conditions, "Valid");
    expect(valid).toMatchObject({ status: "False", reason: "InvalidSpec", observedGeneration: 2 });
    expect(valid?.message).toMatch(/^spec\.objectives\[0\]\.indicator\.ratio\.errors: /);
    expect(findCondition(status?.conditions, "RulesApplied")).toMatchObject({ status: "True", observedGeneration: 1 });
    expect(status?.state).toBe("Invalid");
    expect(world.events.at(-1)).toMatchObject({ type: "Warning", reason: "InvalidSpec" });
    world.writes.length = 0;
    await world.reconciler.reconcile("shop/checkout");
    expect(world.writes).toEqual([]);
  });

  it("refuses a target written as a ratio in the Valid condition, with the percentage to write", async () => {
    world.putSla({ objectives: [{ name: "availability", target: 0.9995, indicator: { ratio: { errors: "sum(rate(e[{{window}}]))", total: "sum(rate(t[{{window}}]))" } } }] });
    expect(await world.reconciler.reconcile("shop/checkout")).toEqual({ result: "invalid" });
    expect(findCondition(world.slas.get("shop/checkout")?.status?.conditions, "Valid")?.message)
      .toContain("spec.objectives[0].target: expected a percentage such as 99.9, found 0.9995, which looks like a ratio");
  });

  it("says in the Valid condition which known field an unknown one most likely meant", async () => {
    // The apiserver prunes unknown fields of a structural CRD; one that reaches the operator (an
    // older CRD installed, or a document from elsewhere) is told the same as slactl tells.
    world.putSla({ objectivs: [] });
    expect(await world.reconciler.reconcile("shop/checkout")).toEqual({ result: "invalid" });
    expect(findCondition(world.slas.get("shop/checkout")?.status?.conditions, "Valid")?.message)
      .toBe('spec.objectivs: unknown field "objectivs"; did you mean "objectives"?');
  });

  it("writes the words of each warning into the Valid condition, such as a dependency on an SLA not in the cluster", async () => {
    world.index.upsert("shop/payments", exampleSla({ service: "payments" }, { name: "payments", namespace: "shop" }), "1");
    world.putSla({ dependencies: [{ name: "paymnets" }] });
    expect(await world.reconciler.reconcile("shop/checkout")).toEqual({ result: "success" });
    const valid = findCondition(world.slas.get("shop/checkout")?.status?.conditions, "Valid");
    expect(valid).toMatchObject({ status: "True", reason: "Valid" });
    expect(valid?.message).toMatch(/^the spec compiles into \d+ rules, with 1 warning: spec\.dependencies\[0\]\.name: no valid ServiceLevelAgreement shop\/paymnets is known, so the targets it supports are not checked; did you mean "shop\/payments"\?$/);
  });

  it("puts right a PrometheusRule that someone edited", async () => {
    world.putSla();
    await world.reconciler.reconcile("shop/checkout");
    const rule = world.prometheusRules.get("shop/sla-checkout") as KubeObject;
    world.prometheusRules.upsert({ ...rule, spec: { groups: [] }, metadata: { ...rule.metadata, resourceVersion: "999" } });
    world.writes.length = 0;
    await world.reconciler.reconcile("shop/checkout");
    expect(world.writes).toEqual(["apply PrometheusRule sla-checkout"]);
  });

  it("removes keys someone added to the dashboard ConfigMap, which server-side apply keeps", async () => {
    world.putSla();
    await world.reconciler.reconcile("shop/checkout");
    const dashboard = world.configMaps.get("shop/sla-checkout-dashboard") as KubeObject;
    world.foreignKeys.set("sla-checkout-dashboard", { "injected.json": "{}" });
    world.configMaps.upsert({ ...dashboard, metadata: { ...dashboard.metadata, resourceVersion: "999" } });
    world.writes.length = 0;
    await world.reconciler.reconcile("shop/checkout");
    expect(world.writes).toEqual(["apply ConfigMap sla-checkout-dashboard", "remove ConfigMap sla-checkout-dashboard data.injected.json"]);
    // What the removal wrote is what the operator wrote last: nothing to do afterwards.
    world.writes.length = 0;
    await world.reconciler.reconcile("shop/checkout");
    expect(world.writes).toEqual([]);
  });

  it("removes keys that were there before the operator took a ConfigMap over", async () => {
    world.foreignKeys.set("sla-checkout-dashboard", { "old.json": "{}" });
    world.putSla();
    await world.reconciler.reconcile("shop/checkout");
    expect(world.writes).toContain("remove ConfigMap sla-checkout-dashboard data.old.json");
  });

  it("leaves an object another controller owns alone, says so once, and looks again in 5 minutes", async () => {
    world.putSla();
    const foreign = { apiVersion: "apps/v1", kind: "Deployment", name: "rules-sync", uid: "other-uid", controller: true };
    world.prometheusRules.upsert({ apiVersion: "monitoring.coreos.com/v1", kind: "PrometheusRule", metadata: { name: "sla-checkout", namespace: "shop", resourceVersion: "5", ownerReferences: [foreign] } });
    expect(await world.reconciler.reconcile("shop/checkout")).toEqual({ result: "requeue", requeueAfterMs: 300_000 });
    expect(world.writes).toEqual(["apply ConfigMap sla-checkout-dashboard", "status conditions,generated,observedGeneration"]);
    const rules = findCondition(world.slas.get("shop/checkout")?.status?.conditions, "RulesApplied");
    expect(rules).toMatchObject({ status: "False", reason: "OwnedByAnotherController" });
    expect(rules?.message).toContain("PrometheusRule sla-checkout is controlled by Deployment rules-sync (uid other-uid)");
    expect(findCondition(world.slas.get("shop/checkout")?.status?.conditions, "Ready")).toMatchObject({ status: "False", reason: "OwnedByAnotherController" });
    expect(world.events.filter((e) => e.reason === "OwnedByAnotherController").map((e) => e.type)).toEqual(["Warning"]);
    world.writes.length = 0;
    await world.reconciler.reconcile("shop/checkout");
    expect(world.writes).toEqual([]);
    expect(world.events.filter((e) => e.reason === "OwnedByAnotherController")).toHaveLength(1);
    // The other controller lets go: the rules are applied.
    world.prometheusRules.upsert({ apiVersion: "monitoring.coreos.com/v1", kind: "PrometheusRule", metadata: { name: "sla-checkout", namespace: "shop", resourceVersion: "6" } });
    expect(await world.reconciler.reconcile("shop/checkout")).toEqual({ result: "success" });
    expect(world.writes[0]).toBe("apply PrometheusRule sla-checkout");
    expect(findCondition(world.slas.get("shop/checkout")?.status?.conditions, "RulesApplied")?.status).toBe("True");
  });

  it("never deletes an object another controller owns, even one with an SLA's label", async () => {
    const foreign = { apiVersion: "apps/v1", kind: "Deployment", name: "dashboard-sync", uid: "other-uid", controller: true };
    world.configMaps.upsert({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "sla-gone-dashboard", namespace: "shop", resourceVersion: "3",
      labels: { "servicelevel.dev/sla": "gone" }, ownerReferences: [foreign] } });
    expect(await world.reconciler.reconcile("shop/gone")).toEqual({ result: "gone" });
    expect(world.writes).toEqual([]);
  });

  it("reports a missing PrometheusRule CRD, still applies the dashboard, and asks to be retried", async () => {
    world.removeCrd();
    world.putSla();
    const report = await world.reconciler.reconcile("shop/checkout");
    expect(report).toEqual({ result: "requeue", requeueAfterMs: 30_000 });
    expect(world.writes).toEqual(["apply ConfigMap sla-checkout-dashboard", "status conditions,generated,observedGeneration"]);
    const conditions = world.slas.get("shop/checkout")?.status?.conditions;
    expect(findCondition(conditions, "RulesApplied")).toMatchObject({ status: "False", reason: "PrometheusRuleCRDMissing" });
    expect(world.events.map((e) => e.reason)).toContain("PrometheusRuleCRDMissing");
  });

  it("deletes the generated objects of an SLA that is gone, but not of one a live read still finds", async () => {
    world.putSla();
    await world.reconciler.reconcile("shop/checkout");
    world.slas.forget("shop/checkout");
    world.writes.length = 0;
    expect(await world.reconciler.reconcile("shop/checkout")).toEqual({ result: "gone" });
    expect(world.writes).toEqual([]);
    world.liveSlas.delete("shop/checkout");
    expect(await world.reconciler.reconcile("shop/checkout")).toEqual({ result: "deleted" });
    expect(world.writes).toEqual(["delete PrometheusRule shop/sla-checkout", "delete ConfigMap shop/sla-checkout-dashboard"]);
    expect(world.prometheusRules.list()).toEqual([]);
    world.writes.length = 0;
    expect(await world.reconciler.reconcile("shop/checkout")).toEqual({ result: "gone" });
    expect(world.writes).toEqual([]);
  });

  const measured = (state: "Compliant" | "Breached", compliance: number, generation = 1): FiguresRecord => {
    const status: BudgetStatus = {
      lastEvaluated: "2026-11-27T10:00:00Z", period: { start: "2026-10-28T10:00:00Z", end: "2026-11-27T10:00:00Z" }, state, compliance, credit: state === "Breached" ? 10 : 0, budgetRemaining: state === "Breached" ? -100 : 50,
      objectives: [{ name: "availability", attained: compliance, target: 99.9, burnRate: {}, incidents: { count: 0 }, state }],
    };
    return {
      generation, at: Date.UTC(2026, 10, 27, 10), review: reviewStatus(undefined, "UTC", 0),
      outcome: {
        kind: "measured", status, periodMoves: true,
        metrics: { available: true, reason: "SeriesFound", message: "found", missing: [] },
        compliant: { type: "Compliant", status: state === "Breached" ? "False" : "True", reason: state === "Breached" ? "TargetMissed" : "TargetsMet", message: "" },
      },
    };
  };

  it("writes new figures without applying anything, and records an Event when the state changes", async () => {
    world.putSla();
    await world.reconciler.reconcile("shop/checkout");
    world.writes.length = 0;
    world.events.length = 0;
    world.evaluations.set("shop/checkout", measured("Compliant", 99.95));
    await world.reconciler.reconcile("shop/checkout");
    expect(world.writes).toEqual(["status budgetRemaining,compliance,conditions,credit,lastEvaluated,objectives,period,state"]);
    expect(world.events).toEqual([]); // the first evaluation, Compliant: no news
    await world.reconciler.reconcile("shop/checkout");
    expect(world.writes).toHaveLength(1);
    world.evaluations.set("shop/checkout", measured("Breached", 99.8));
    await world.reconciler.reconcile("shop/checkout");
    expect(world.events).toEqual([{ type: "Warning", reason: "Breached", action: "Evaluate", note: "state changed from Compliant to Breached: compliance 99.8%, -100% of the error budget left, 10% service credit owed" }]);
    const status = world.slas.get("shop/checkout")?.status;
    expect(status).toMatchObject({ state: "Breached", compliance: 99.8, credit: 10 });
    expect(findCondition(status?.conditions, "Compliant")).toMatchObject({ status: "False", reason: "TargetMissed" });
  });

  it("keeps the figures of the evaluation through reconciles, and leaves them alone while the spec is invalid", async () => {
    world.putSla();
    world.evaluations.set("shop/checkout", measured("Compliant", 99.95));
    await world.reconciler.reconcile("shop/checkout");
    expect(world.slas.get("shop/checkout")?.status).toMatchObject({ state: "Compliant", compliance: 99.95 });
    // A record of an older generation is not applied to a newer spec.
    world.evaluations.set("shop/checkout", measured("Breached", 99.8, 1));
    world.putSla({ description: "new words" }, 2);
    await world.reconciler.reconcile("shop/checkout");
    expect(world.slas.get("shop/checkout")?.status).toMatchObject({ state: "Compliant", compliance: 99.95, observedGeneration: 2 });
    world.putSla({ objectives: [{ name: "availability", target: 99.9, indicator: { ratio: { errors: "sum(rate(x[{{window}}])", total: "sum(rate(t[{{window}}]))" } } }] }, 3);
    world.evaluations.set("shop/checkout", measured("Breached", 99.8, 3));
    await world.reconciler.reconcile("shop/checkout");
    expect(world.slas.get("shop/checkout")?.status).toMatchObject({ state: "Invalid", compliance: 99.95 });
  });

  it("deletes the dashboard ConfigMap when the dashboard is disabled", async () => {
    world.putSla();
    await world.reconciler.reconcile("shop/checkout");
    world.writes.length = 0;
    world.putSla({ dashboard: { disabled: true } }, 2);
    await world.reconciler.reconcile("shop/checkout");
    expect(world.writes).toEqual(["delete ConfigMap shop/sla-checkout-dashboard", "status conditions,generated,observedGeneration"]);
    expect(world.configMaps.list()).toEqual([]);
  });

  const maintenance = { maintenance: [{ schedule: "0 2 * * SUN", duration: "2h" }] };

  it("applies an AlertmanagerConfig next to the rules for an SLA with maintenance, and deletes it with the windows or the SLA", async () => {
    world.putSla(maintenance);
    const report = await world.reconciler.reconcile("shop/checkout");
    expect(report.result).toBe("success");
    // The windows are expanded from the clock: the reconcile comes back before they run out.
    expect(report.requeueAfterMs).toBeGreaterThan(0);
    expect(world.writes).toEqual(["create PrometheusRule sla-checkout", "apply ConfigMap sla-checkout-dashboard", "apply AlertmanagerConfig sla-checkout", "status conditions,generated,observedGeneration"]);
    const config = world.alertmanagerConfigs.get("shop/sla-checkout");
    expect(config).toMatchObject({ apiVersion: "monitoring.coreos.com/v1alpha1", kind: "AlertmanagerConfig" });
    expect(ownerKey(config as KubeObject)).toBe("shop/checkout");
    const status = world.slas.get("shop/checkout")?.status;
    expect(status?.generated).toMatchObject({ alertmanagerConfig: "sla-checkout" });
    expect(findCondition(status?.conditions, "AlertmanagerConfigApplied")).toMatchObject({ status: "True", reason: "Applied" });

    world.writes.length = 0;
    await world.reconciler.reconcile("shop/checkout");
    expect(world.writes).toEqual([]);

    world.putSla({ maintenance: [{ schedule: "0 3 * * SUN", duration: "2h" }] }, 2);
    await world.reconciler.reconcile("shop/checkout");
    expect(world.writes).toContain("apply AlertmanagerConfig sla-checkout");

    world.writes.length = 0;
    world.putSla({}, 3);
    await world.reconciler.reconcile("shop/checkout");
    expect(world.writes).toContain("delete AlertmanagerConfig shop/sla-checkout");
    expect(world.alertmanagerConfigs.list()).toEqual([]);
    expect(findCondition(world.slas.get("shop/checkout")?.status?.conditions, "AlertmanagerConfigApplied")).toMatchObject({ status: "True", reason: "NoMaintenance" });

    world.putSla(maintenance, 4);
    await world.reconciler.reconcile("shop/checkout");
    world.slas.forget("shop/checkout");
    world.liveSlas.delete("shop/checkout");
    world.writes.length = 0;
    expect(await world.reconciler.reconcile("shop/checkout")).toEqual({ result: "deleted" });
    expect(world.writes).toContain("delete AlertmanagerConfig shop/sla-checkout");
  });

  it("skips the AlertmanagerConfig with a condition when its CRD is not served, and stays Ready", async () => {
    world.alertmanagerConfigs.resourceMissing = true;
    world.putSla(maintenance);
    expect((await world.reconciler.reconcile("shop/checkout")).result).toBe("success");
    expect(world.writes.filter((w) => w.includes("AlertmanagerConfig"))).toEqual([]);
    const conditions = world.slas.get("shop/checkout")?.status?.conditions;
    expect(findCondition(conditions, "AlertmanagerConfigApplied")).toMatchObject({ status: "False", reason: "AlertmanagerConfigCRDMissing" });
    expect(findCondition(conditions, "Ready")).toMatchObject({ status: "True" });
  });

  it("leaves an SLA without a dashboard of its own to the shared one: no ConfigMap, an own one from before deleted, and status links the shared view", async () => {
    world.putSla();
    await world.reconciler.reconcile("shop/checkout");
    world.writes.length = 0;
    world.putSla({ dashboard: {} }, 2);
    await world.reconciler.reconcile("shop/checkout");
    expect(world.writes).toEqual(["delete ConfigMap shop/sla-checkout-dashboard", "status conditions,generated,observedGeneration"]);
    expect(world.configMaps.list()).toEqual([]);
    const conditions = (world.slas.get("shop/checkout")?.status?.conditions ?? []) as { type: string; status: string; reason: string; message: string }[];
    expect(conditions.find((c) => c.type === "DashboardApplied")).toMatchObject({
      status: "True", reason: "Shared", message: "the shared Grafana dashboard shows this SLA at /d/servicelevel-sla/servicelevel-sla?var-namespace=shop&var-sla=checkout",
    });
    expect(conditions.find((c) => c.type === "Ready")).toMatchObject({ status: "True" });
  });
});
