// Reconcile one ServiceLevelAgreement, level-based as controller-runtime's reconcilers are: read
// the SLA and everything it depends on as they are now, and make the world match, whatever event
// queued the key. One reconcile writes both what the spec derives (the PrometheusRule, the
// dashboard ConfigMap and, for SLAs with maintenance, the AlertmanagerConfig muting their alerts
// then; applied only when they differ from what is there) and the latest measured figures (the
// status). An invalid spec leaves the generated objects of the last valid version
// alone. A deleted SLA's generated objects are deleted here too, because a control plane without a
// garbage collector (tests, or a GC that is behind) would otherwise keep them.
//
// Generated objects are known only by their metadata (the informers keep no bodies): one is up to
// date when its spec-hash annotation is the one this reconcile would apply and nobody else wrote
// it since the operator did. The desired objects are built only when something must be applied.
//
// The reconciler names the small interfaces it needs (like Sloth's handler): a cache per
// resource, the SLA index, an applier, a status writer, an event sink.
import type { Logger } from "pino";
import { generateObjects, generatedNames, slaDashboardPath, type ModelledSla, type SlaIndex } from "../compile/index.js";
import { dataKeysOf, desiredObject } from "../adapters/kube/apply.js";
import { ForeignControllerError, describeError, isApiError } from "../adapters/kube/errors.js";
import type { EventSink, RecordedEvent } from "../adapters/kube/events.js";
import {
  alertmanagerConfigResource, configMapResource, fieldManager, objectKey, prometheusRuleResource, slaResource, splitKey,
  type KubeObject, type OwnerReference, type ResourceType,
} from "../adapters/kube/resources.js";
import { specHashAnnotation } from "../compile/conventions.js";
import type { HandlerOutcome } from "../adapters/kube/workqueue.js";
import { findCondition } from "./conditions.js";
import { applyFigures, defaultHeartbeatMs, evaluatedStates, type FiguresStore } from "./figures.js";
import { ownerKey, type SlaObject } from "./sla-object.js";
import { describeIssues, nextStatus, statusPatch, type ApplyOutcome, type Observation, type OwnedStatus } from "./status.js";

export { ownerKey, slaDocument, type SlaObject } from "./sla-object.js";

/** A read-through cache of one resource, kept by an informer. */
export interface ObjectCache<T extends KubeObject> {
  get(key: string): T | undefined;
  list(): T[];
  upsert(object: T): void;
  forget(key: string): void;
}

export interface ReconcilerDeps {
  readonly slas: ObjectCache<SlaObject>;
  /** Where each SLA's validated model comes from; the operator keeps it from the SLA informer. */
  readonly index: Pick<SlaIndex, "model">;
  readonly prometheusRules: ObjectCache<KubeObject> & { readonly resourceMissing: boolean };
  readonly configMaps: ObjectCache<KubeObject>;
  /** AlertmanagerConfigs (monitoring.coreos.com/v1alpha1); their CRD is optional. */
  readonly alertmanagerConfigs: ObjectCache<KubeObject> & { readonly resourceMissing: boolean };
  readonly applier: {
    /** Creates an absent object; undefined when it exists already. */
    create<T extends KubeObject>(resource: ResourceType, desired: KubeObject): Promise<T | undefined>;
    /** Server-side apply; `existing` is the cached object, if any. */
    apply<T extends KubeObject>(resource: ResourceType, desired: KubeObject, existing?: KubeObject): Promise<T>;
    delete(resource: ResourceType, namespace: string, name: string, uid?: string): Promise<boolean>;
    /** Removes keys ("data.<key>") from a ConfigMap at a resourceVersion. */
    removeKeys<T extends KubeObject>(resource: ResourceType, desired: KubeObject, keys: readonly string[], resourceVersion: string | undefined): Promise<T>;
  };
  readonly status: { patchStatus<T extends KubeObject>(resource: ResourceType, object: KubeObject, patch: Readonly<Record<string, unknown>>): Promise<T> };
  readonly events: EventSink;
  /** A live read of an SLA (not the cache), or undefined when it does not exist. */
  readonly readSla: (namespace: string, name: string) => Promise<SlaObject | undefined>;
  readonly ruleLabels?: Readonly<Record<string, string>> | undefined;
  readonly now?: (() => Date) | undefined;
  readonly log: Logger;
  /** How long to wait before trying again while the PrometheusRule CRD is missing. Default 30 s. */
  readonly crdRetryMs?: number | undefined;
  /** How long to wait before looking again at a generated object another controller owns. Default 5 min. */
  readonly foreignOwnerRetryMs?: number | undefined;
  /** The latest measured figures of each SLA (absent when the operator does not measure). */
  readonly figures?: FiguresStore | undefined;
  /** How old status.lastEvaluated may get before unchanged figures refresh it. Default 10m. */
  readonly heartbeatMs?: number | undefined;
}

/** The reconcile's outcome for metrics and tests. */
export type ReconcileReport = HandlerOutcome & { readonly result: "success" | "invalid" | "requeue" | "deleted" | "gone" };

/** What a model generates, remembered as hashes only: the objects are built again when one must be applied. */
interface Expected {
  readonly model: ModelledSla;
  readonly uid: string;
  readonly ruleCount: number;
  readonly prometheusRuleHash: string;
  readonly dashboardHash: string | null;
  /** Null when the SLA has no maintenance: nothing to mute. */
  readonly alertmanagerConfigHash: string | null;
  /** The maintenance windows in the rules run out then (epoch ms): generate again before; null when nothing depends on time. */
  readonly validUntil: number | null;
}

export class Reconciler {
  /** Per SLA: the hashes its current model generates. */
  private readonly expected = new Map<string, Expected>();
  /**
   * Per generated object ("plural/namespace/name": the PrometheusRule and the AlertmanagerConfig
   * share a name): the resourceVersion the operator's last apply produced.
   */
  private readonly written = new Map<string, string>();

  constructor(private readonly deps: ReconcilerDeps) {}

  async reconcile(key: string): Promise<ReconcileReport> {
    const sla = this.deps.slas.get(key);
    if (!sla) {
      this.expected.delete(key);
      return this.cleanUp(key);
    }
    if (sla.metadata.deletionTimestamp !== undefined) return { result: "gone" };
    const generation = sla.metadata.generation ?? 0;
    const log = this.deps.log.child({ key, generation });
    const modelled = this.deps.index.model(key);
    if (!modelled) throw new Error(`${key} is in the cache but not in the index`);

    if (!modelled.ok) {
      const observation: Observation = { valid: false, issues: modelled.issues };
      log.info({ issues: describeIssues(modelled.issues) }, "spec is invalid; keeping the generated objects of the last valid version");
      await this.writeStatus(sla, observation, generation, log);
      return { result: "invalid" };
    }

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
    const nowMs = (this.deps.now ?? (() => new Date()))().getTime();
    const [expected, fresh] = this.expectedOf(key, modelled.value, owner, nowMs);
    const failures: unknown[] = [];
    // Built at most once per reconcile, and only when something must be applied.
    let built: ReturnType<typeof generateObjects> | undefined = fresh;
    const objects = () => (built ??= generateObjects(modelled.value.model, { ruleLabels: this.deps.ruleLabels, now: nowMs }));

    let rules: ApplyOutcome;
    if (this.deps.prometheusRules.resourceMissing) {
      rules = { kind: "crdMissing" };
    } else {
      rules = await this.ensure(prometheusRuleResource, this.deps.prometheusRules, `${namespace}/${names.prometheusRule}`, expected.prometheusRuleHash,
        () => desiredObject(objects().prometheusRule, owner), log, failures);
    }

    let dashboard: ApplyOutcome;
    if (expected.dashboardHash !== null) {
      dashboard = await this.ensure(configMapResource, this.deps.configMaps, `${namespace}/${names.dashboard}`, expected.dashboardHash,
        () => desiredObject(objects().dashboardConfigMap as object, owner), log, failures);
    } else {
      // Without an own dashboard the shared one shows the SLA; an own ConfigMap left from before goes.
      const model = modelled.value.model;
      dashboard = model.dashboard ? { kind: "shared", path: slaDashboardPath(model) } : { kind: "disabled" };
      const existing = this.deps.configMaps.get(`${namespace}/${names.dashboard}`);
      if (existing && ownerKey(existing) === key) {
        await this.deps.applier.delete(configMapResource, namespace, names.dashboard, existing.metadata.uid);
        this.deps.configMaps.forget(objectKey(existing));
        log.info({ configMap: names.dashboard }, model.dashboard ? "the shared dashboard shows the SLA; deleted its own ConfigMap" : "dashboard disabled; deleted its ConfigMap");
      }
    }

    const alertmanagerConfig = await this.ensureAlertmanagerConfig(key, `${namespace}/${names.alertmanagerConfig}`, expected.alertmanagerConfigHash,
      () => desiredObject(objects().alertmanagerConfig as object, owner), log, failures);

    const observation: Observation = { valid: true, ruleCount: expected.ruleCount, warnings: modelled.value.warnings, names, rules, dashboard, alertmanagerConfig };
    await this.writeStatus(sla, observation, generation, log);
    // Status says what failed; the queue retries with backoff.
    if (failures.length > 0) throw failures[0];
    if (rules.kind === "crdMissing") return { result: "requeue", requeueAfterMs: this.deps.crdRetryMs ?? 30_000 };
    // Not an error to retry with backoff: nothing changes until the other owner lets go (its events wake the key sooner).
    if ([rules, dashboard, alertmanagerConfig].some((o) => o.kind === "ownedByAnother")) return { result: "requeue", requeueAfterMs: this.deps.foreignOwnerRetryMs ?? 300_000 };
    // Scheduled maintenance is expanded over a horizon: come back before it runs out.
    // (At most 12 hours ahead: timers cannot wait longer than 24.8 days, and a day is soon enough.)
    if (expected.validUntil !== null) return { result: "success", requeueAfterMs: Math.min(12 * 3_600_000, Math.max(1000, expected.validUntil - nowMs - 60_000)) };
    return { result: "success" };
  }

  /** The hashes of what a model generates, computed once per model and owner (with the objects, when they were just built). */
  private expectedOf(key: string, model: ModelledSla, owner: OwnerReference, now: number): [Expected, ReturnType<typeof generateObjects> | undefined] {
    const known = this.expected.get(key);
    if (known && known.model === model && known.uid === owner.uid && (known.validUntil === null || now < known.validUntil)) return [known, undefined];
    const objects = generateObjects(model.model, { ruleLabels: this.deps.ruleLabels, now });
    const hash = (o: object) => desiredObject(o, owner).metadata.annotations?.[specHashAnnotation] ?? "";
    const expected: Expected = {
      model,
      uid: owner.uid,
      ruleCount: objects.ruleCount,
      prometheusRuleHash: hash(objects.prometheusRule),
      dashboardHash: objects.dashboardConfigMap ? hash(objects.dashboardConfigMap) : null,
      alertmanagerConfigHash: objects.alertmanagerConfig ? hash(objects.alertmanagerConfig) : null,
      validUntil: objects.maintenance.validUntil,
    };
    this.expected.set(key, expected);
    return [expected, objects];
  }

  /**
   * Whether a generated object is as the operator would apply it: the same spec-hash, and the
   * operator was the last to write it (the resourceVersion of its own last apply, or, after a
   * restart, no other manager's write since its own in managedFields).
   */
  private isCurrent(existing: KubeObject | undefined, writtenKey: string, hash: string): boolean {
    if (!existing || existing.metadata.deletionTimestamp !== undefined) return false;
    if (existing.metadata.annotations?.[specHashAnnotation] !== hash) return false;
    const written = this.written.get(writtenKey);
    if (written !== undefined) return written === existing.metadata.resourceVersion;
    const fields = (existing.metadata as { managedFields?: readonly { manager?: string; time?: string }[] }).managedFields ?? [];
    const ours = fields.filter((f) => f.manager === fieldManager).map((f) => f.time ?? "").sort().pop();
    if (ours === undefined) return fields.length === 0;
    return !fields.some((f) => f.manager !== fieldManager && (f.time ?? "") > ours);
  }

  /** Applies a generated object unless the cached one is current. */
  private async ensure(resource: ResourceType, cache: ObjectCache<KubeObject>, key: string, hash: string, desired: () => KubeObject, log: Logger, failures: unknown[]): Promise<ApplyOutcome> {
    const existing = cache.get(key);
    if (this.isCurrent(existing, writtenKeyOf(resource, key), hash)) return { kind: "unchanged" };
    const object = desired();
    const foreign = foreignController(existing, object);
    if (foreign !== undefined) {
      log.debug({ kind: resource.kind, name: object.metadata.name, owner: foreign }, "another controller owns the object; leaving it alone");
      return { kind: "ownedByAnother", owner: foreign };
    }
    try {
      // An absent PrometheusRule is created with POST, for less of the API server's CPU than an
      // apply of its many fields (bench:write-cost): most of a cold start's work. One made
      // meanwhile is applied over.
      const created = existing === undefined && resource === prometheusRuleResource ? await this.deps.applier.create<KubeObject>(resource, object) : undefined;
      let written = created ?? await this.deps.applier.apply<KubeObject>(resource, object, existing);
      // Server-side apply keeps keys someone else added (or that were there before the operator took the object over).
      const unexpected = unexpectedKeys(written, object);
      if (unexpected.length > 0) {
        written = await this.deps.applier.removeKeys<KubeObject>(resource, object, unexpected, written.metadata.resourceVersion);
        log.info({ kind: resource.kind, name: object.metadata.name, removed: unexpected }, "removed keys someone else added");
      }
      cache.upsert(written);
      if (written.metadata.resourceVersion !== undefined) this.written.set(writtenKeyOf(resource, key), written.metadata.resourceVersion);
      log.info({ kind: resource.kind, name: object.metadata.name, resourceVersion: written.metadata.resourceVersion }, existing ? "updated" : "created");
      return { kind: existing ? "updated" : "created" };
    } catch (cause) {
      if (cause instanceof ForeignControllerError) {
        log.debug({ kind: resource.kind, name: object.metadata.name, owner: cause.owner }, "another controller owns the object; leaving it alone");
        return { kind: "ownedByAnother", owner: cause.owner };
      }
      if (isApiError(cause) && cause.isResourceTypeMissing) {
        log.warn({ kind: resource.kind }, "resource type is not served; is its CRD installed?");
        return { kind: "crdMissing" };
      }
      log.warn({ kind: resource.kind, name: object.metadata.name, err: describeError(cause) }, "apply failed");
      failures.push(cause);
      return { kind: "failed", message: describeError(cause) };
    }
  }

  /** The AlertmanagerConfig of an SLA with maintenance; without maintenance, the one it had is deleted. */
  private async ensureAlertmanagerConfig(key: string, objectName: string, hash: string | null, desired: () => KubeObject, log: Logger, failures: unknown[]): Promise<ApplyOutcome> {
    const cache = this.deps.alertmanagerConfigs;
    if (hash === null) {
      const existing = cache.get(objectName);
      if (existing && ownerKey(existing) === key && !controlledByOther(existing, splitKey(key).name)) {
        const { namespace, name } = splitKey(objectName);
        await this.deps.applier.delete(alertmanagerConfigResource, namespace, name, existing.metadata.uid);
        cache.forget(objectName);
        this.written.delete(writtenKeyOf(alertmanagerConfigResource, objectName));
        log.info({ alertmanagerConfig: name }, "no maintenance windows any more; deleted the AlertmanagerConfig");
      }
      return { kind: "disabled" };
    }
    if (cache.resourceMissing) {
      log.debug("AlertmanagerConfig CRD not served; Alertmanager muting skipped");
      return { kind: "crdMissing" };
    }
    return this.ensure(alertmanagerConfigResource, cache, objectName, hash, desired, log, failures);
  }

  private async writeStatus(sla: SlaObject, observation: Observation, generation: number, log: Logger): Promise<void> {
    const now = (this.deps.now ?? (() => new Date()))();
    const current = sla.status;
    let next = nextStatus(current, observation, generation, now);
    const record = this.deps.figures?.get(objectKey(sla));
    if (observation.valid && record?.generation === generation) next = applyFigures(next, record, now, this.deps.heartbeatMs ?? defaultHeartbeatMs);
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
      { resource: alertmanagerConfigResource, cache: this.deps.alertmanagerConfigs as ObjectCache<KubeObject>, object: this.deps.alertmanagerConfigs.get(`${namespace}/${names.alertmanagerConfig}`) },
    ].filter((c) => c.object !== undefined && ownerKey(c.object) === key && !controlledByOther(c.object, name));
    if (candidates.length === 0) return { result: "gone" };
    // A label selector or a lagging cache can hide an SLA that exists; never delete its objects then.
    if (await this.deps.readSla(namespace, name)) return { result: "gone" };
    for (const { resource, cache, object } of candidates) {
      if (!object) continue;
      await this.deps.applier.delete(resource, namespace, object.metadata.name, object.metadata.uid);
      cache.forget(objectKey(object));
      this.written.delete(writtenKeyOf(resource, objectKey(object)));
      this.deps.log.info({ key, kind: resource.kind, name: object.metadata.name }, "deleted a generated object whose ServiceLevelAgreement is gone");
    }
    return { result: "deleted" };
  }
}

const writtenKeyOf = (resource: ResourceType, key: string): string => `${resource.plural}/${key}`;

/** The controller ownerReference of an existing object that is not the desired one's, as "Kind name (uid ...)". */
function foreignController(existing: KubeObject | undefined, desired: KubeObject): string | undefined {
  const ours = new Set((desired.metadata.ownerReferences ?? []).map((r) => r.uid));
  const other = existing?.metadata.ownerReferences?.find((r) => r.controller && !ours.has(r.uid));
  return other ? `${other.kind} ${other.name} (uid ${other.uid})` : undefined;
}

/** Whether an object's controller ownerReference names something other than the SLA `name` (our label alone does not make it ours). */
function controlledByOther(object: KubeObject, name: string): boolean {
  const controller = object.metadata.ownerReferences?.find((r) => r.controller);
  return controller !== undefined && !(controller.kind === slaResource.kind && controller.name === name);
}

/** Keys of the written object's data that the desired object does not have. */
function unexpectedKeys(written: KubeObject, desired: KubeObject): string[] {
  const wanted = new Set(dataKeysOf(desired));
  return dataKeysOf(written).filter((k) => !wanted.has(k));
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
  const dashboard = is("DashboardApplied");
  if (dashboard?.reason !== was("DashboardApplied")?.reason && dashboard?.status === "False" && dashboard.reason !== "Disabled") {
    events.push({ type: "Warning", reason: dashboard.reason, action: "Apply", note: dashboard.message });
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
    after.compliance !== undefined ? `compliance ${after.compliance}%` : undefined,
    after.budgetRemaining !== undefined ? `${after.budgetRemaining}% of the error budget left` : undefined,
    after.credit !== undefined && after.credit > 0 ? `${after.credit}% service credit owed` : undefined,
  ].filter((f) => f !== undefined);
  return [{
    type: state === "Compliant" ? "Normal" : "Warning",
    reason: state,
    action: "Evaluate",
    note: `${was === undefined ? "first evaluated as" : `state changed from ${was} to`} ${state}${figures.length > 0 ? `: ${figures.join(", ")}` : ""}`,
  }];
}
