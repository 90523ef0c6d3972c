// The operator's life cycle around the reconciler: informers fill the caches and feed keys into
// the work queue; once the caches are synced (and, with leader election, once this replica leads)
// the queue starts, every SLA and every generated object is queued once (which also removes
// orphans whose SLA is gone), and a periodic resync queues every SLA again. The evaluation loop
// runs while this replica leads; the keys whose evaluation changed go through the same queue, to a
// light handler that only writes the figures (one status writer per SLA at a time). Stopping stops
// the evaluation and the watches, drains the reconciles in flight and releases the lease.
import type { Logger } from "pino";
import { describeError } from "../adapters/kube/errors.js";
import type { Informer, InformerEvent } from "../adapters/kube/informer.js";
import type { LeaderElector } from "../adapters/kube/lease.js";
import { objectKey, type KubeObject } from "../adapters/kube/resources.js";
import { WorkQueue } from "../adapters/kube/workqueue.js";
import type { Evaluator } from "./evaluator.js";
import type { OperatorMetrics } from "./metrics.js";
import { ownerKey, type Reconciler, type SlaObject } from "./reconciler.js";

export interface OperatorParts {
  readonly slas: Informer<SlaObject>;
  readonly prometheusRules: Informer<KubeObject>;
  readonly configMaps: Informer<KubeObject>;
  readonly reconciler: Reconciler;
  /** The Prometheus evaluation loop; runs while this replica leads. Absent without --prometheus-url. */
  readonly evaluator?: Evaluator | undefined;
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
  /** Keys queued only to write a new evaluation: no compile, no apply. */
  private readonly evaluationOnly = new Set<string>();
  /** Keys queued for a full reconcile that has not started yet. */
  private readonly reconcilePending = new Set<string>();

  constructor(private readonly parts: OperatorParts) {
    const { metrics, reconciler, log } = parts;
    this.queue = new WorkQueue(async (key) => {
      if (this.evaluationOnly.delete(key)) return reconciler.writeEvaluation(key);
      this.reconcilePending.delete(key);
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
      backoff: parts.retryBackoff ?? { initialMs: 500, maxMs: 300_000 },
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
    const { slas, prometheusRules, configMaps, elector, log, metrics } = this.parts;
    const signal = this.stopping.signal;
    let end: RunEnd = "stopped";
    slas.start();
    prometheusRules.start();
    configMaps.start();
    try {
      const aborted = new Promise<void>((resolve) => signal.addEventListener("abort", () => resolve(), { once: true }));
      // A stop while the API server is unreachable must not wait for a sync that never comes.
      await Promise.race([Promise.all([slas.whenSynced(), prometheusRules.whenSynced(), configMaps.whenSynced()]), aborted]);
      if (signal.aborted) return "stopped";
      log.info({ slas: slas.list().length, prometheusRules: prometheusRules.list().length, configMaps: configMaps.list().length,
        prometheusRuleCrdMissing: prometheusRules.resourceMissing }, "caches synced");
      if (elector && !(await elector.acquire(signal))) return "stopped";
      this.leading = true;
      metrics.leader.set(1);
      this.queue.start();
      this.enqueueAll(true);
      this.scheduleResync();
      this.parts.evaluator?.start();
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
    for (const object of [...this.parts.prometheusRules.list(), ...this.parts.configMaps.list()]) {
      const key = ownerKey(object);
      if (key !== undefined) this.enqueue(key);
    }
  }

  /** Queues a full reconcile of a key (it also writes the latest evaluation). */
  private enqueue(key: string): void {
    this.evaluationOnly.delete(key);
    this.reconcilePending.add(key);
    this.queue.add(key);
  }

  /** Queues keys whose evaluation changed; a key already waiting for a full reconcile stays one. */
  enqueueEvaluations(keys: readonly string[]): void {
    for (const key of keys) {
      if (this.reconcilePending.has(key)) continue;
      this.evaluationOnly.add(key);
      this.queue.add(key);
    }
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
    // Status-only updates (our own writes) change no generation: nothing to do.
    if (event.type === "updated" && event.old.metadata.generation === event.object.metadata.generation
      && event.old.metadata.deletionTimestamp === event.object.metadata.deletionTimestamp
      && JSON.stringify(event.old.metadata.labels) === JSON.stringify(event.object.metadata.labels)) return;
    this.enqueue(key);
    // A new or changed spec is evaluated soon, not at the next interval.
    if (event.type !== "deleted" && (event.type === "added" || event.old.metadata.generation !== event.object.metadata.generation)) this.parts.evaluator?.trigger();
    // SLAs that depend on this one check their targets against it.
    const namespace = event.object.metadata.namespace ?? "";
    for (const other of this.parts.slas.list()) {
      const dependencies = (other.spec as { dependencies?: { name?: string; namespace?: string }[] } | undefined)?.dependencies ?? [];
      if (dependencies.some((d) => d.name === event.object.metadata.name && (d.namespace ?? other.metadata.namespace) === namespace)) {
        this.enqueue(objectKey(other));
      }
    }
  }

  private async shutDown(): Promise<void> {
    const { slas, prometheusRules, configMaps, elector, log, metrics } = this.parts;
    if (this.resyncTimer) clearInterval(this.resyncTimer);
    await this.parts.evaluator?.stop();
    await Promise.all([slas.stop(), prometheusRules.stop(), configMaps.stop()]);
    await this.queue.shutdown();
    if (elector && this.leading) await elector.release();
    this.leading = false;
    metrics.leader.set(0);
    log.info("operator stopped");
  }
}
