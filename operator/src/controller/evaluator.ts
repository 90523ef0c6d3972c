// The evaluation loop of the leader: every interval (±10% jitter, so replicas of many operators do
// not hit one Prometheus in step) it evaluates every valid SLA in the cache with ONE batched read
// (operator/src/evaluate), keeps a record per SLA, and hands the keys whose status would change to
// the work queue, which writes them (one writer per SLA: the queue never runs a key twice at once).
// It keeps the tiles it read, so a cycle reads only the minutes since the last one (samples.ts).
//
// A Prometheus failure gives every SLA a "failed" record: the status keeps its last figures and
// says MetricsAvailable=False with the reason; the next cycle tries again. Nothing throws out of
// a cycle. A spec change brings the next cycle forward (trigger()).
import type { Logger } from "pino";
import {
  PrometheusConnectionError, PrometheusError, PrometheusHttpError, PrometheusQueryError, PrometheusTimeoutError, type PrometheusClient,
} from "../adapters/prometheus/index.js";
import { describeError } from "../adapters/kube/errors.js";
import { objectKey } from "../adapters/kube/resources.js";
import type { BurnRateTable, ServiceLevelAgreement } from "../api/v1alpha1/types.js";
import { validateDocument } from "../compile/index.js";
import type { SlaModel } from "../compile/model.js";
import { normalizeSla } from "../compile/normalize.js";
import { createSampleCache, evaluateSlas, reviewStatus, type EvaluateSlasResult } from "../evaluate/index.js";
import { applyEvaluation, compliantCondition, defaultHeartbeatMs, type EvaluationOutcome, type EvaluationRecord, type EvaluationStore } from "./evaluation.js";
import type { OperatorMetrics } from "./metrics.js";
import { slaDocument, type SlaObject } from "./reconciler.js";
import { statusPatch } from "./status.js";

export interface EvaluatorOptions {
  readonly client: PrometheusClient;
  readonly slas: { list(): SlaObject[] };
  readonly burnRateTables: ReadonlyMap<string, BurnRateTable>;
  readonly intervalMs: number;
  /** Share of the interval by which each wait varies either way. Default 0.1. */
  readonly jitter?: number | undefined;
  /** Namespaces the operator watches (narrows the queries); all when empty. */
  readonly namespaces?: readonly string[] | undefined;
  /** Timeout of each Prometheus query; the client's when absent. */
  readonly timeoutMs?: number | undefined;
  /** How old lastEvaluated may get before an unchanged evaluation refreshes it. Default 10m. */
  readonly heartbeatMs?: number | undefined;
  /** Told the keys whose status the latest records change. */
  readonly onChange: (keys: readonly string[]) => void;
  readonly metrics: OperatorMetrics;
  readonly log: Logger;
  readonly now?: (() => number) | undefined;
  readonly random?: (() => number) | undefined;
  /** For tests: the evaluation service. */
  readonly evaluate?: typeof evaluateSlas | undefined;
}

interface CachedModel {
  readonly uid: string | undefined;
  readonly generation: number;
  readonly model: SlaModel | undefined;
  readonly spec: ServiceLevelAgreement["spec"] | undefined;
}

export class Evaluator implements EvaluationStore {
  private readonly records = new Map<string, EvaluationRecord>();
  private readonly models = new Map<string, CachedModel>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private started = false;
  /** Set by stop(): a cycle in flight discards its result. */
  private stopped = false;
  private lastStart = 0;
  private nextAt = Infinity;
  private abort = new AbortController();
  /** Tiles read in earlier cycles: a cycle reads only what is new (and everything once an hour). */
  private readonly cache = createSampleCache();

  constructor(private readonly options: EvaluatorOptions) {}

  get(key: string): EvaluationRecord | undefined {
    return this.records.get(key);
  }

  /** Starts the loop: the first cycle runs at once. */
  start(): void {
    if (this.started && !this.stopped) return;
    this.started = true;
    this.stopped = false;
    this.abort = new AbortController();
    this.schedule(0);
  }

  /** Stops the loop and waits for a cycle in flight (its Prometheus queries are aborted). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.abort.abort();
    await this.running;
  }

  /** Brings the next cycle forward (a spec changed): a second from now, but no sooner than 10 s (or the interval, if shorter) after the last one began. */
  trigger(): void {
    if (!this.started || this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    const now = this.clock();
    const earliest = Math.max(now + 1000, this.lastStart + Math.min(this.options.intervalMs, 10_000));
    if (earliest < this.nextAt) this.schedule(earliest - now);
  }

  /** One cycle; also callable directly (tests). Never throws. */
  async cycle(): Promise<void> {
    if (this.running) return this.running;
    this.running = this.runCycle().catch((cause: unknown) => {
      // A bug, not Prometheus: say so, and keep the loop (and the process) alive.
      this.options.log.error({ err: describeError(cause) }, "evaluation cycle failed");
      this.options.metrics.evaluations.inc({ result: "error" });
    }).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private clock(): number {
    return (this.options.now ?? Date.now)();
  }

  private schedule(delayMs: number): void {
    if (!this.started || this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.nextAt = this.clock() + delayMs;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.nextAt = Infinity;
      void this.cycle().then(() => {
        if (this.again) {
          this.again = false;
          this.schedule(Math.min(this.options.intervalMs, 1000));
        } else {
          this.schedule(this.jittered());
        }
      });
    }, Math.max(0, delayMs));
    this.timer.unref();
  }

  private jittered(): number {
    const jitter = this.options.jitter ?? 0.1;
    const random = (this.options.random ?? Math.random)();
    return Math.max(1, Math.round(this.options.intervalMs * (1 + (random * 2 - 1) * jitter)));
  }

  private async runCycle(): Promise<void> {
    const { metrics, log } = this.options;
    const began = performance.now();
    // Whole seconds: status times read like 2026-11-27T10:00:00Z.
    const now = Math.floor(this.clock() / 1000) * 1000;
    this.lastStart = now;
    const slas = this.options.slas.list().filter((s) => s.metadata.deletionTimestamp === undefined);
    const present = new Set(slas.map(objectKey));
    for (const key of [...this.records.keys()]) if (!present.has(key)) this.records.delete(key);
    for (const key of [...this.models.keys()]) if (!present.has(key)) this.models.delete(key);

    const evaluable = slas.flatMap((sla) => {
      const cached = this.modelOf(sla);
      return cached.model ? [{ sla, model: cached.model, spec: cached.spec }] : [];
    });
    let result: EvaluateSlasResult | undefined;
    let failure: EvaluationOutcome | undefined;
    let outcome: "success" | "unavailable" | "error" = "success";
    if (evaluable.length > 0) {
      try {
        result = await (this.options.evaluate ?? evaluateSlas)({
          client: this.options.client,
          slas: evaluable.map((e) => e.model),
          now,
          timelineStepSeconds: 0,
          cache: this.cache,
          signal: this.abort.signal,
          ...(this.options.namespaces && this.options.namespaces.length > 0 ? { namespaces: this.options.namespaces } : {}),
          ...(this.options.timeoutMs === undefined ? {} : { timeoutMs: this.options.timeoutMs }),
        });
        metrics.prometheusQueries.inc(result.queries);
        for (const warning of result.warnings) log.warn({ warning }, "Prometheus warned");
      } catch (cause) {
        if (this.stopped) return;
        failure = failedOutcome(cause);
        outcome = failure.kind === "failed" && failure.reason === "EvaluationFailed" ? "error" : "unavailable";
        log.warn({ err: describeError(cause), reason: failure.kind === "failed" ? failure.reason : undefined, slas: evaluable.length }, "evaluation failed; keeping the last figures");
      }
    }
    if (this.stopped) return;

    const changed: string[] = [];
    const at = new Date(now);
    for (const { sla, model, spec } of evaluable) {
      const key = objectKey(sla);
      const measured = result?.get(model.namespace, model.name);
      const timeZone = model.period.kind === "calendar" ? model.period.timeZone : "UTC";
      const record: EvaluationRecord = {
        generation: sla.metadata.generation ?? 0,
        at: now,
        review: reviewStatus(spec?.review, timeZone, now),
        outcome: measured
          ? { kind: "measured", status: measured.status, metrics: measured.metrics, compliant: compliantCondition(measured.evaluation), periodMoves: measured.period.kind === "rolling" }
          : failure ?? { kind: "failed", reason: "EvaluationFailed", message: "the SLA was not in the evaluation's answer" },
      };
      this.records.set(key, record);
      const next = applyEvaluation(sla.status, record, at, this.options.heartbeatMs ?? defaultHeartbeatMs);
      if (Object.keys(statusPatch(sla.status, next)).length > 0) changed.push(key);
    }
    metrics.evaluations.inc({ result: outcome });
    metrics.evaluationDuration.observe({ result: outcome }, (performance.now() - began) / 1000);
    log.debug({ slas: evaluable.length, changed: changed.length, queries: result?.queries ?? 0, ms: Math.round(performance.now() - began) }, "evaluation cycle");
    if (changed.length > 0) this.options.onChange(changed);
  }

  /** The SLA's model, compiled once per generation; undefined when the spec does not compile. */
  private modelOf(sla: SlaObject): CachedModel {
    const key = objectKey(sla);
    const generation = sla.metadata.generation ?? 0;
    const cached = this.models.get(key);
    if (cached && cached.uid === sla.metadata.uid && cached.generation === generation) return cached;
    const valid = validateDocument(slaDocument(sla), { burnRateTables: this.options.burnRateTables });
    const entry: CachedModel = valid.ok
      ? { uid: sla.metadata.uid, generation, model: normalizeSla(valid.value, this.options.burnRateTables), spec: valid.value.spec }
      : { uid: sla.metadata.uid, generation, model: undefined, spec: undefined };
    this.models.set(key, entry);
    return entry;
  }
}

/** The record of a cycle whose Prometheus read failed. */
export function failedOutcome(cause: unknown): EvaluationOutcome {
  if (cause instanceof PrometheusConnectionError || cause instanceof PrometheusTimeoutError
    || ((cause instanceof PrometheusHttpError || cause instanceof PrometheusQueryError) && cause.retryable)) {
    return { kind: "failed", reason: "PrometheusUnreachable", message: cause.message };
  }
  if (cause instanceof PrometheusError) return { kind: "failed", reason: "QueryFailed", message: cause.message };
  return { kind: "failed", reason: "EvaluationFailed", message: describeError(cause) };
}
