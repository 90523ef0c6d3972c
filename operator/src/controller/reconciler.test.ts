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
  const writes: string[] = [];
  const events: RecordedEvent[] = [];
  let prometheusRuleCrdInstalled = true;
  const liveSlas = new Set<string>();
  const evaluations = new Map<string, FiguresRecord>();
  const index = new SlaIndex({ burnRateTables: loadTables() });
  const reconciler = new Reconciler({
    figures: evaluations,
    index,
    slas, prometheusRules, configMaps,
    applier: {
      apply: async <T extends KubeObject>(resource: ResourceType, desired: KubeObject): Promise<T> => {
        if (resource.kind === "PrometheusRule" && !prometheusRuleCrdInstalled) {
          throw new KubeApiError("PATCH", "/apis/monitoring.coreos.com/v1/...", 404, { reason: "NotFound", message: "the server could not find the requested resource", details: {} });
        }
        writes.push(`apply ${resource.kind} ${desired.metadata.name}`);
        return JSON.parse(JSON.stringify({ ...desired, metadata: { ...desired.metadata, uid: `uid-${desired.metadata.name}`, resourceVersion: String(++rv) } })) as T;
      },
      delete: async (resource, namespace, name) => {
        writes.push(`delete ${resource.kind} ${namespace}/${name}`);
        return true;
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
    const document = exampleSla(spec) as { metadata: object; spec: unknown };
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
    slas, prometheusRules, configMaps, writes, events, reconciler, putSla, liveSlas, evaluations,
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
    expect(world.writes).toEqual(["apply PrometheusRule sla-checkout", "apply ConfigMap sla-checkout-dashboard", "status conditions,generated,observedGeneration"]);
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

  it("puts right a PrometheusRule that someone edited", async () => {
    world.putSla();
    await world.reconciler.reconcile("shop/checkout");
    const rule = world.prometheusRules.get("shop/sla-checkout") as KubeObject;
    world.prometheusRules.upsert({ ...rule, spec: { groups: [] }, metadata: { ...rule.metadata, resourceVersion: "999" } });
    world.writes.length = 0;
    await world.reconciler.reconcile("shop/checkout");
    expect(world.writes).toEqual(["apply PrometheusRule sla-checkout"]);
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
});
