// The operator's life cycle around the reconciler. What wakes a key up is declared here, in one
// place:
// - an SLA event: the SLA itself and, through the SLA index, every SLA that depends on it;
// - an event of a generated PrometheusRule, ConfigMap or AlertmanagerConfig: its owner SLA;
// - new figures from the measurement loop: the SLAs whose status they change;
// - the periodic resync, and a relist of the PrometheusRule or AlertmanagerConfig type (its CRD
//   appeared): every SLA.
// Events only queue keys; the queue runs one level-based reconcile per key (never two of one key
// at once), retried with backoff until it succeeds. Once the caches are synced (and, with leader
// election, once this replica leads) the queue starts, and every SLA and every generated object's
// owner is queued once (which also removes orphans whose SLA is gone). Stopping stops the
// measurement and the watches, drains the reconciles in flight and releases the lease.
import type { Logger } from "pino";
import { describeError } from "../adapters/kube/errors.js";
import type { Informer, InformerEvent } from "../adapters/kube/informer.js";
import type { LeaderElector } from "../adapters/kube/lease.js";
import { objectKey, type KubeObject } from "../adapters/kube/resources.js";
import { WorkQueue } from "../adapters/kube/workqueue.js";
import type { SlaIndex } from "../compile/index.js";
import type { MeasurementLoop } from "./measurement-loop.js";
import type { OperatorMetrics } from "./metrics.js";
import type { Reconciler } from "./reconciler.js";
import { ownerKey, slaDocument, type SlaObject } from "./sla-object.js";

export interface OperatorParts {
  readonly slas: Informer<SlaObject>;
  readonly prometheusRules: Informer<KubeObject>;
  readonly configMaps: Informer<KubeObject>;
  readonly alertmanagerConfigs: Informer<KubeObject>;
  readonly reconciler: Reconciler;
  /** The SLA index the reconciler and the measurement read models from; kept here from the SLA informer. */
  readonly index: SlaIndex;
  /** The measurement loop; runs while this replica leads. Absent without --prometheus-url. */
  readonly measurement?: MeasurementLoop | undefined;
  readonly elector?: LeaderElector | undefined;
  readonly metrics: OperatorMetrics;
  readonly log: Logger;
  readonly concurrency: number;
  readonly resyncPeriodMs: number;
  /** Retry delay of a failing reconcile. */
  readonly retryBackoff?: { readonly initialMs: number; readonly maxMs: number } | undefined;
}

/** How a run ended: stopped on request, or leadership lost (the process should exit and restart). */
export type RunEnd = "stopped" | "leadership-lost";

export class Operator {
  readonly queue: WorkQueue;
  private readonly stopping = new AbortController();
  private resyncTimer: NodeJS.Timeout | undefined;
  private leading = false;
  private runPromise: Promise<RunEnd> | undefined;

  constructor(private readonly parts: OperatorParts) {
    const { metrics, reconciler, log } = parts;
    this.queue = new WorkQueue(async (key) => {
      const started = performance.now();
      let result: "success" | "invalid" | "requeue" | "error" = "error";
      try {
        const report = await reconciler.reconcile(key);
        result = report.result === "invalid" ? "invalid" : report.result === "requeue" ? "requeue" : "success";
        return report;
      } finally {
        metrics.reconciles.inc({ result });
        metrics.reconcileDuration.observe({ result }, (performance.now() - started) / 1000);
      }
    }, {
      concurrency: parts.concurrency,
      backoff: parts.retryBackoff ?? { initialMs: 500, maxMs: 60_000 },
      onError: (key, error, retryInMs) => log.warn({ key, err: describeError(error), retryInMs }, "reconcile failed; retrying"),
    });
    metrics.observe({
      queueDepth: () => this.queue.depth,
      slaStates: () => {
        const counts = new Map<string, number>();
        for (const sla of parts.slas.list()) {
          const state = typeof sla.status?.state === "string" ? sla.status.state : "Unevaluated";
          counts.set(state, (counts.get(state) ?? 0) + 1);
        }
        return counts;
      },
    });
    parts.slas.onEvent((event) => this.onSlaEvent(event));
    const onOwned = (event: InformerEvent<KubeObject>): void => {
      const key = ownerKey(event.object);
      if (key !== undefined) this.enqueue(key);
    };
    parts.prometheusRules.onEvent(onOwned);
    // The PrometheusRule CRD may appear after the operator started: reconcile every SLA then.
    parts.prometheusRules.onRelist(() => {
      if (this.leading) this.enqueueAll(false);
    });
    parts.configMaps.onEvent(onOwned);
    parts.alertmanagerConfigs.onEvent(onOwned);
    parts.alertmanagerConfigs.onRelist(() => {
      if (this.leading) this.enqueueAll(false);
    });
  }

  /** The SLA informer has listed everything once: the replica can serve (also as a standby). */
  get ready(): boolean {
    return this.parts.slas.hasSynced;
  }

  get isLeading(): boolean {
    return this.leading;
  }

  /** Runs until stop() or until leadership is lost. */
  run(): Promise<RunEnd> {
    this.runPromise ??= this.runInner();
    return this.runPromise;
  }

  private async runInner(): Promise<RunEnd> {
    const { slas, prometheusRules, configMaps, alertmanagerConfigs, elector, log, metrics } = this.parts;
    const signal = this.stopping.signal;
    let end: RunEnd = "stopped";
    slas.start();
    prometheusRules.start();
    configMaps.start();
    alertmanagerConfigs.start();
    try {
      const aborted = new Promise<void>((resolve) => signal.addEventListener("abort", () => resolve(), { once: true }));
      // A stop while the API server is unreachable must not wait for a sync that never comes.
      await Promise.race([Promise.all([slas.whenSynced(), prometheusRules.whenSynced(), configMaps.whenSynced(), alertmanagerConfigs.whenSynced()]), aborted]);
      if (signal.aborted) return "stopped";
      log.info({ slas: slas.list().length, prometheusRules: prometheusRules.list().length, configMaps: configMaps.list().length,
        alertmanagerConfigs: alertmanagerConfigs.list().length, prometheusRuleCrdMissing: prometheusRules.resourceMissing,
        alertmanagerConfigCrdMissing: alertmanagerConfigs.resourceMissing }, "caches synced");
      if (alertmanagerConfigs.resourceMissing) {
        log.warn("the AlertmanagerConfig CRD (monitoring.coreos.com/v1alpha1) is not served: maintenance windows are not muted in Alertmanager until it is installed");
      }
      if (elector && !(await elector.acquire(signal))) return "stopped";
      this.leading = true;
      metrics.leader.set(1);
      this.queue.start();
      this.enqueueAll(true);
      this.scheduleResync();
      this.parts.measurement?.start();
      if (elector) {
        if ((await elector.holdLease(signal)) === "lost") end = "leadership-lost";
      } else {
        await aborted;
      }
    } finally {
      await this.shutDown();
    }
    return end;
  }

  /** Asks run() to end; resolves when it has (watches stopped, reconciles drained, lease released). */
  async stop(): Promise<void> {
    this.stopping.abort();
    await this.run();
  }

  /** Queues every SLA, and with `owned` also every generated object's owner (removes orphans). */
  enqueueAll(owned: boolean): void {
    for (const key of this.parts.slas.keys()) this.enqueue(key);
    if (!owned) return;
    for (const object of [...this.parts.prometheusRules.list(), ...this.parts.configMaps.list(), ...this.parts.alertmanagerConfigs.list()]) {
      const key = ownerKey(object);
      if (key !== undefined) this.enqueue(key);
    }
  }

  /** Queues a key for its reconcile. */
  enqueue(key: string): void {
    this.queue.add(key);
  }

  /** Queues the keys whose status new figures change. */
  enqueueAllOf(keys: readonly string[]): void {
    for (const key of keys) this.queue.add(key);
  }

  private scheduleResync(): void {
    const period = this.parts.resyncPeriodMs;
    if (!(period > 0)) return;
    this.resyncTimer = setInterval(() => {
      this.parts.log.debug("periodic resync");
      this.enqueueAll(true);
    }, period);
    this.resyncTimer.unref();
  }

  private onSlaEvent(event: InformerEvent<SlaObject>): void {
    const key = objectKey(event.object);
    const { index } = this.parts;
    if (event.type === "deleted") {
      for (const dependent of index.remove(key)) this.enqueue(dependent);
      this.enqueue(key);
      return;
    }
    const meta = event.object.metadata;
    // The spec's revision: status-only updates (our own writes) change nothing the model reads.
    const revision = `${meta.uid ?? ""}/${meta.generation ?? 0}/${JSON.stringify(meta.labels ?? {})}`;
    const changed = index.upsert(key, slaDocument(event.object), revision);
    for (const k of changed) this.enqueue(k);
    if (event.type === "updated" && changed.length === 0 && event.old.metadata.deletionTimestamp === meta.deletionTimestamp) return;
    this.enqueue(key);
    // A new or changed spec is measured soon, not at the next interval.
    if (changed.length > 0) this.parts.measurement?.trigger();
  }

  private async shutDown(): Promise<void> {
    const { slas, prometheusRules, configMaps, alertmanagerConfigs, elector, log, metrics } = this.parts;
    if (this.resyncTimer) clearInterval(this.resyncTimer);
    await this.parts.measurement?.stop();
    await Promise.all([slas.stop(), prometheusRules.stop(), configMaps.stop(), alertmanagerConfigs.stop()]);
    await this.queue.shutdown();
    if (elector && this.leading) await elector.release();
    this.leading = false;
    metrics.leader.set(0);
    log.info("operator stopped");
  }
}
