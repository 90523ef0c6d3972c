// Reconcile one ServiceLevelAgreement: read it from the cache, compile it with its peers, apply
// the PrometheusRule and the dashboard ConfigMap when they differ from what is there, and write
// the status when it changed. An invalid spec leaves the generated objects of the last valid
// version alone. A deleted SLA's generated objects are deleted here too, because a control plane
// without a garbage collector (tests, or a GC that is behind) would otherwise keep them.
//
// The reconciler names the small interfaces it needs (like Sloth's handler): a cache per
// resource, an applier, a status writer, an event sink. The kube adapters implement them.
import type { Logger } from "pino";
import { compile, generatedNames } from "../compile/index.js";
import type { BurnRateTable, ServiceLevelAgreement } from "../api/v1alpha1/types.js";
import { desiredObject, isUpToDate } from "../adapters/kube/apply.js";
import { describeError, isApiError } from "../adapters/kube/errors.js";
import type { EventSink, RecordedEvent } from "../adapters/kube/events.js";
import {
  configMapResource, objectKey, prometheusRuleResource, slaResource, splitKey,
  type KubeObject, type OwnerReference, type ResourceType,
} from "../adapters/kube/resources.js";
import type { HandlerOutcome } from "../adapters/kube/workqueue.js";
import { findCondition } from "./conditions.js";
import { applyEvaluation, defaultHeartbeatMs, evaluatedStates, type EvaluationStore } from "./evaluation.js";
import { describeIssues, nextStatus, statusPatch, type ApplyOutcome, type Observation, type OwnedStatus } from "./status.js";

/** A ServiceLevelAgreement as the API server returns it. */
export interface SlaObject extends KubeObject {
  readonly spec?: unknown;
  readonly status?: OwnedStatus;
}

/** A read-through cache of one resource, kept by an informer. */
export interface ObjectCache<T extends KubeObject> {
  get(key: string): T | undefined;
  list(): T[];
  upsert(object: T): void;
  forget(key: string): void;
}

export interface ReconcilerDeps {
  readonly slas: ObjectCache<SlaObject>;
  readonly prometheusRules: ObjectCache<KubeObject> & { readonly resourceMissing: boolean };
  readonly configMaps: ObjectCache<KubeObject>;
  readonly applier: {
    apply<T extends KubeObject>(resource: ResourceType, desired: KubeObject): Promise<T>;
    delete(resource: ResourceType, namespace: string, name: string, uid?: string): Promise<boolean>;
  };
  readonly status: { patchStatus<T extends KubeObject>(resource: ResourceType, object: KubeObject, patch: Readonly<Record<string, unknown>>): Promise<T> };
  readonly events: EventSink;
  /** A live read of an SLA (not the cache), or undefined when it does not exist. */
  readonly readSla: (namespace: string, name: string) => Promise<SlaObject | undefined>;
  readonly burnRateTables: ReadonlyMap<string, BurnRateTable>;
  readonly ruleLabels?: Readonly<Record<string, string>> | undefined;
  readonly now?: (() => Date) | undefined;
  readonly log: Logger;
  /** How long to wait before trying again while the PrometheusRule CRD is missing. Default 30 s. */
  readonly crdRetryMs?: number | undefined;
  /** The latest Prometheus evaluation of each SLA (absent when the operator does not evaluate). */
  readonly evaluations?: EvaluationStore | undefined;
  /** How old status.lastEvaluated may get before an unchanged evaluation refreshes it. Default 10m. */
  readonly heartbeatMs?: number | undefined;
}

/** The reconcile's outcome for metrics and tests. */
export type ReconcileReport = HandlerOutcome & { readonly result: "success" | "invalid" | "requeue" | "deleted" | "gone" };

/** The owner SLA's key of a generated object: its controller ownerReference, else its servicelevel.dev/sla label. */
export function ownerKey(object: KubeObject): string | undefined {
  const namespace = object.metadata.namespace ?? "";
  const owner = object.metadata.ownerReferences?.find((r) => r.controller && r.kind === slaResource.kind);
  const name = owner?.name ?? object.metadata.labels?.["servicelevel.dev/sla"];
  return name === undefined ? undefined : `${namespace}/${name}`;
}

/** The SLA as compile() reads it: only apiVersion, kind, name, namespace, labels and spec. */
export function slaDocument(sla: SlaObject): unknown {
  return {
    apiVersion: sla.apiVersion ?? "servicelevel.dev/v1alpha1",
    kind: sla.kind ?? slaResource.kind,
    metadata: {
      name: sla.metadata.name,
      namespace: sla.metadata.namespace ?? "default",
      ...(sla.metadata.labels ? { labels: sla.metadata.labels } : {}),
    },
    spec: sla.spec,
  };
}

export class Reconciler {
  constructor(private readonly deps: ReconcilerDeps) {}

  async reconcile(key: string): Promise<ReconcileReport> {
    const sla = this.deps.slas.get(key);
    if (!sla) return this.cleanUp(key);
    if (sla.metadata.deletionTimestamp !== undefined) return { result: "gone" };
    const generation = sla.metadata.generation ?? 0;
    const log = this.deps.log.child({ key, generation });
    const compiled = compile(slaDocument(sla), {
      burnRateTables: this.deps.burnRateTables,
      peers: this.peers(),
      ...(this.deps.ruleLabels ? { ruleLabels: this.deps.ruleLabels } : {}),
    });

    if (!compiled.ok) {
      const observation: Observation = { valid: false, issues: compiled.issues };
      log.info({ issues: describeIssues(compiled.issues) }, "spec is invalid; keeping the generated objects of the last valid version");
      await this.writeStatus(sla, observation, generation, log);
      return { result: "invalid" };
    }

    const { value } = compiled;
    const names = generatedNames({ name: sla.metadata.name });
    const owner: OwnerReference = {
      apiVersion: sla.apiVersion ?? "servicelevel.dev/v1alpha1",
      kind: slaResource.kind,
      name: sla.metadata.name,
      uid: sla.metadata.uid ?? "",
      controller: true,
      blockOwnerDeletion: true,
    };
    const namespace = sla.metadata.namespace ?? "default";
    const failures: unknown[] = [];

    let rules: ApplyOutcome;
    if (this.deps.prometheusRules.resourceMissing) {
      rules = { kind: "crdMissing" };
    } else {
      rules = await this.ensure(prometheusRuleResource, this.deps.prometheusRules, desiredObject(value.prometheusRule, owner), log, failures);
    }

    let dashboard: ApplyOutcome;
    if (value.dashboardConfigMap) {
      dashboard = await this.ensure(configMapResource, this.deps.configMaps, desiredObject(value.dashboardConfigMap, owner), log, failures);
    } else {
      dashboard = { kind: "disabled" };
      const existing = this.deps.configMaps.get(`${namespace}/${names.dashboard}`);
      if (existing && ownerKey(existing) === key) {
        await this.deps.applier.delete(configMapResource, namespace, names.dashboard, existing.metadata.uid);
        this.deps.configMaps.forget(objectKey(existing));
        log.info({ configMap: names.dashboard }, "dashboard disabled; deleted its ConfigMap");
      }
    }

    const observation: Observation = { valid: true, ruleCount: value.ruleCount, warnings: value.warnings, names, rules, dashboard };
    await this.writeStatus(sla, observation, generation, log);
    // Status says what failed; the queue retries with backoff.
    if (failures.length > 0) throw failures[0];
    if (rules.kind === "crdMissing") return { result: "requeue", requeueAfterMs: this.deps.crdRetryMs ?? 30_000 };
    return { result: "success" };
  }

  /** Applies a generated object unless the cached one already matches. */
  private async ensure(resource: ResourceType, cache: ObjectCache<KubeObject>, desired: KubeObject, log: Logger, failures: unknown[]): Promise<ApplyOutcome> {
    const existing = cache.get(objectKey(desired));
    if (isUpToDate(existing, desired)) return { kind: "unchanged" };
    try {
      const written = await this.deps.applier.apply<KubeObject>(resource, desired);
      cache.upsert(written);
      log.info({ kind: resource.kind, name: desired.metadata.name, resourceVersion: written.metadata.resourceVersion }, existing ? "updated" : "created");
      return { kind: existing ? "updated" : "created" };
    } catch (cause) {
      if (isApiError(cause) && cause.isResourceTypeMissing) {
        log.warn({ kind: resource.kind }, "resource type is not served; is its CRD installed?");
        return { kind: "crdMissing" };
      }
      log.warn({ kind: resource.kind, name: desired.metadata.name, err: describeError(cause) }, "apply failed");
      failures.push(cause);
      return { kind: "failed", message: describeError(cause) };
    }
  }

  /**
   * Writes the latest evaluation of an SLA into its status, without compiling or applying
   * anything: what the work queue runs for a key that only the evaluation loop queued.
   */
  async writeEvaluation(key: string): Promise<ReconcileReport> {
    const sla = this.deps.slas.get(key);
    if (!sla || sla.metadata.deletionTimestamp !== undefined) return { result: "gone" };
    const generation = sla.metadata.generation ?? 0;
    const record = this.deps.evaluations?.get(key);
    // A record of another generation waits for the next cycle, which the spec change brought forward.
    if (!record || record.generation !== generation) return { result: "success" };
    const now = (this.deps.now ?? (() => new Date()))();
    const current = sla.status;
    const next = applyEvaluation(current, record, now, this.deps.heartbeatMs ?? defaultHeartbeatMs);
    const patch = statusPatch(current, next);
    if (Object.keys(patch).length === 0) return { result: "success" };
    const written = await this.deps.status.patchStatus<SlaObject>(slaResource, sla, patch);
    this.deps.slas.upsert(written);
    const log = this.deps.log.child({ key, generation });
    log.debug({ fields: Object.keys(patch) }, "evaluation written");
    for (const event of stateEvents(current, next)) await this.deps.events.record(sla, event);
    return { result: "success" };
  }

  private async writeStatus(sla: SlaObject, observation: Observation, generation: number, log: Logger): Promise<void> {
    const now = (this.deps.now ?? (() => new Date()))();
    const current = sla.status;
    let next = nextStatus(current, observation, generation, now);
    const record = this.deps.evaluations?.get(objectKey(sla));
    if (observation.valid && record?.generation === generation) next = applyEvaluation(next, record, now, this.deps.heartbeatMs ?? defaultHeartbeatMs);
    const patch = statusPatch(current, next);
    if (Object.keys(patch).length === 0) return;
    const written = await this.deps.status.patchStatus<SlaObject>(slaResource, sla, patch);
    this.deps.slas.upsert(written);
    log.debug({ fields: Object.keys(patch) }, "status written");
    for (const event of transitionEvents(current, next, observation)) await this.deps.events.record(sla, event);
  }

  /** The SLA is gone from the cache: delete what was generated for it, once a live read confirms it is gone. */
  private async cleanUp(key: string): Promise<ReconcileReport> {
    const { namespace, name } = splitKey(key);
    const names = generatedNames({ name });
    const candidates = [
      { resource: prometheusRuleResource, cache: this.deps.prometheusRules as ObjectCache<KubeObject>, object: this.deps.prometheusRules.get(`${namespace}/${names.prometheusRule}`) },
      { resource: configMapResource, cache: this.deps.configMaps, object: this.deps.configMaps.get(`${namespace}/${names.dashboard}`) },
    ].filter((c) => c.object !== undefined && ownerKey(c.object) === key);
    if (candidates.length === 0) return { result: "gone" };
    // A label selector or a lagging cache can hide an SLA that exists; never delete its objects then.
    if (await this.deps.readSla(namespace, name)) return { result: "gone" };
    for (const { resource, cache, object } of candidates) {
      if (!object) continue;
      await this.deps.applier.delete(resource, namespace, object.metadata.name, object.metadata.uid);
      cache.forget(objectKey(object));
      this.deps.log.info({ key, kind: resource.kind, name: object.metadata.name }, "deleted a generated object whose ServiceLevelAgreement is gone");
    }
    return { result: "deleted" };
  }

  /** Every cached SLA as compile() reads it, keyed "namespace/name", for dependency checks. */
  private peers(): Map<string, ServiceLevelAgreement> {
    return new Map(this.deps.slas.list().map((s) => [objectKey(s), slaDocument(s) as ServiceLevelAgreement]));
  }
}

/** Events worth telling people about: a change of validity, rules written, the CRD going missing. */
export function transitionEvents(before: OwnedStatus | undefined, after: OwnedStatus, observation: Observation): RecordedEvent[] {
  const events: RecordedEvent[] = [];
  const was = (type: string) => findCondition(before?.conditions, type);
  const is = (type: string) => findCondition(after.conditions, type);
  const valid = is("Valid");
  if (valid?.status === "False" && (was("Valid")?.status !== "False" || was("Valid")?.message !== valid.message)) {
    events.push({ type: "Warning", reason: "InvalidSpec", action: "Validate", note: valid.message });
  }
  if (valid?.status === "True" && was("Valid")?.status === "False") {
    events.push({ type: "Normal", reason: "Valid", action: "Validate", note: "the spec is valid again" });
  }
  if (!observation.valid) return events;
  const rules = is("RulesApplied");
  if (observation.rules.kind === "created" || observation.rules.kind === "updated") {
    events.push({ type: "Normal", reason: "RulesApplied", action: "Apply", note: `${observation.rules.kind} PrometheusRule ${observation.names.prometheusRule} with ${observation.ruleCount} rules` });
  }
  if (rules?.reason !== was("RulesApplied")?.reason && rules?.status === "False") {
    events.push({ type: "Warning", reason: rules.reason, action: "Apply", note: rules.message });
  }
  if (observation.dashboard.kind === "created" || observation.dashboard.kind === "updated") {
    events.push({ type: "Normal", reason: "DashboardApplied", action: "Apply", note: `${observation.dashboard.kind} ConfigMap ${observation.names.dashboard}` });
  }
  events.push(...stateEvents(before, after));
  return events;
}

/**
 * An event when the evaluated state changes (reason: the new state; Warning unless Compliant).
 * The first evaluation of an SLA that is Compliant is no news and records nothing.
 */
export function stateEvents(before: OwnedStatus | undefined, after: OwnedStatus): RecordedEvent[] {
  const state = after.state;
  if (typeof state !== "string" || !evaluatedStates.includes(state) || state === before?.state) return [];
  const was = typeof before?.state === "string" ? before.state : undefined;
  if (was === undefined && state === "Compliant") return [];
  const figures = [
    typeof after["compliance"] === "number" ? `compliance ${after["compliance"]}%` : undefined,
    typeof after["budgetRemaining"] === "number" ? `${after["budgetRemaining"]}% of the error budget left` : undefined,
    typeof after["credit"] === "number" && after["credit"] > 0 ? `${after["credit"]}% service credit owed` : undefined,
  ].filter((f) => f !== undefined);
  return [{
    type: state === "Compliant" ? "Normal" : "Warning",
    reason: state,
    action: "Evaluate",
    note: `${was === undefined ? "first evaluated as" : `state changed from ${was} to`} ${state}${figures.length > 0 ? `: ${figures.join(", ")}` : ""}`,
  }];
}
