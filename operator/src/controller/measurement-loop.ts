// The measurement loop of the leader: every interval (±10% jitter, so replicas of many operators do
// not hit one Prometheus in step) it measures every valid SLA with one batched measurement
// (operator/src/measure), keeps a record of figures per SLA, and queues the keys whose status
// would change; the reconcile of each key writes them. It never writes anything itself. It keeps
// the sums of settled hours between cycles (SumCache), so a cycle reads a few partial hours.
//
// A Prometheus failure gives every SLA a "failed" record: the status keeps its last figures and
// says MetricsAvailable=False with the reason; the next cycle tries again. An SLA whose figures
// cannot be computed gets a failed record of its own, and every other SLA is measured. Nothing
// throws out of a cycle. A spec change brings the next cycle forward (trigger()). Once per SLA
// revision it also checks that classic latency thresholds are bucket boundaries of the live
// histogram (IndicatorMatchesData).
import type { Logger } from "pino";
import {
  PrometheusConnectionError, PrometheusError, PrometheusHttpError, PrometheusQueryError, PrometheusTimeoutError, type PrometheusClient,
} from "../adapters/prometheus/index.js";
import { describeError } from "../adapters/kube/errors.js";
import { objectKey } from "../adapters/kube/resources.js";
import type { SlaIndex } from "../compile/index.js";
import { checkLatencyThresholds, classicLatencyObjectives, createSumCache, measureSlas, type MeasureResult } from "../measure/index.js";
import { series } from "../compile/rules.js";
import { reviewStatus } from "../measure/review.js";
import type { SlaModel } from "../compile/model.js";
import type { ConditionUpdate } from "./conditions.js";
import { indicatorCondition } from "./indicator-condition.js";
import { applyFigures, compliantCondition, defaultHeartbeatMs, type FiguresOutcome, type FiguresRecord, type FiguresStore } from "./figures.js";
import type { OperatorMetrics } from "./metrics.js";
import type { SlaObject } from "./sla-object.js";
import { statusPatch } from "./status.js";
import type { ExportedFigures } from "./figures-metrics.js";

export interface MeasurementLoopOptions {
  readonly client: PrometheusClient;
  readonly slas: { list(): SlaObject[] };
  /** Where each SLA's model comes from (kept by the operator from the same informer). */
  readonly index: Pick<SlaIndex, "model">;
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
  /** For tests: the measurement service. */
  readonly measure?: typeof measureSlas | undefined;
  /** For tests: the latency threshold check. */
  readonly checkThresholds?: typeof checkLatencyThresholds | undefined;
}

/** A threshold check that found no bucket series is tried again after this long; any other holds for the revision. */
export const noBucketsRecheckMs = 15 * 60_000;

const tileMs = 300_000;

export class MeasurementLoop implements FiguresStore {
  private readonly records = new Map<string, FiguresRecord>();
  /** The last measured figures of each SLA, as its status shows them: what /metrics exports. */
  private readonly measured = new Map<string, ExportedFigures>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private started = false;
  /** Set by stop(): a cycle in flight discards its result. */
  private stopped = false;
  private lastStart = 0;
  private nextAt = Infinity;
  private abort = new AbortController();
  /** Sums of settled hours from earlier cycles: a cycle reads a few partial hours per objective. */
  private readonly cache = createSumCache();
  /** The last measurement, reused while the tiles cannot have moved (the same 5 minutes, the same models). */
  private last: { readonly mark: number; readonly models: readonly object[]; readonly result: MeasureResult } | undefined;
  /** Per SLA: its IndicatorMatchesData, checked once per model (a model is one revision of the SLA and its dependencies). */
  private readonly thresholds = new Map<string, { readonly model: SlaModel; readonly at: number; readonly condition: ConditionUpdate | null }>();

  constructor(private readonly options: MeasurementLoopOptions) {}

  get(key: string): FiguresRecord | undefined {
    return this.records.get(key);
  }

  /** The last measured figures of every SLA (empty unless this replica leads and measures). */
  exported(): Iterable<ExportedFigures> {
    return this.measured.values();
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
    for (const key of [...this.measured.keys()]) if (!present.has(key)) this.measured.delete(key);
    for (const key of [...this.thresholds.keys()]) if (!present.has(key)) this.thresholds.delete(key);

    const evaluable = slas.flatMap((sla) => {
      const modelled = this.options.index.model(objectKey(sla));
      return modelled?.ok ? [{ sla, model: modelled.value.model, spec: modelled.value.sla.spec }] : [];
    });
    let result: MeasureResult | undefined;
    let failure: FiguresOutcome | undefined;
    let outcome: "success" | "unavailable" | "error" = "success";
    // Figures are as of the last complete 5-minute tile: until the next one, they cannot change.
    const mark = Math.floor(now / tileMs);
    const models = evaluable.map((e) => e.model);
    const last = this.last;
    // An answer Prometheus warned about (a partial response from Thanos, say) is read again at once.
    const unchanged = last !== undefined && last.result.warnings.length === 0 && last.mark === mark && last.models.length === models.length && last.models.every((m, i) => m === models[i]);
    if (unchanged && evaluable.length > 0) {
      // Still ask whether Prometheus answers in full (a query that reaches every store behind a
      // Thanos Query), so MetricsAvailable says so within a cycle.
      try {
        const probe = await this.options.client.queryVector(`count(${series.eventsTile5m})`, now, {
          signal: this.abort.signal, ...(this.options.timeoutMs === undefined ? {} : { timeoutMs: this.options.timeoutMs }),
        });
        metrics.prometheusQueries.inc(1);
        for (const warning of probe.warnings) log.warn({ warning }, "Prometheus warned");
        const partial = probe.warnings.find(isPartialAnswer);
        if (partial === undefined) {
          result = last.result;
        } else {
          failure = partialOutcome(partial);
          outcome = "unavailable";
          this.last = undefined;
        }
      } catch (cause) {
        if (this.stopped) return;
        failure = failedOutcome(cause);
        outcome = "unavailable";
        this.last = undefined;
        log.warn({ err: describeError(cause), slas: evaluable.length }, "Prometheus does not answer; keeping the last figures");
      }
    } else if (evaluable.length > 0) {
      try {
        result = await (this.options.measure ?? measureSlas)({
          client: this.options.client,
          slas: evaluable.map((e) => e.model),
          now,
          cache: this.cache,
          signal: this.abort.signal,
          ...(this.options.namespaces && this.options.namespaces.length > 0 ? { namespaces: this.options.namespaces } : {}),
          ...(this.options.timeoutMs === undefined ? {} : { timeoutMs: this.options.timeoutMs }),
        });
        metrics.prometheusQueries.inc(result.queries);
        for (const warning of result.warnings) log.warn({ warning }, "Prometheus warned");
        // A partial answer (a store behind Thanos Query down) would give the figure of part of the
        // data: keep the last figures and say why, as when Prometheus cannot be read.
        const partial = result.warnings.find(isPartialAnswer);
        if (partial !== undefined) {
          failure = partialOutcome(partial);
          outcome = "unavailable";
          result = undefined;
        } else {
          this.last = { mark, models, result };
        }
      } catch (cause) {
        if (this.stopped) return;
        failure = failedOutcome(cause);
        outcome = failure.kind === "failed" && failure.reason === "EvaluationFailed" ? "error" : "unavailable";
        log.warn({ err: describeError(cause), reason: failure.kind === "failed" ? failure.reason : undefined, slas: evaluable.length }, "measurement failed; keeping the last figures");
      }
    }
    if (this.stopped) return;
    if (failure === undefined) await this.checkThresholds(evaluable.map((e) => ({ key: objectKey(e.sla), model: e.model })), now);
    if (this.stopped) return;

    const changed: string[] = [];
    const at = new Date(now);
    for (const { sla, model, spec } of evaluable) {
      const key = objectKey(sla);
      const measured = result?.get(model.namespace, model.name);
      const timeZone = model.period.kind === "calendar" ? model.period.timeZone : "UTC";
      const record: FiguresRecord = {
        generation: sla.metadata.generation ?? 0,
        at: now,
        review: safeReview(spec.review, timeZone, now),
        indicator: this.thresholds.get(key)?.condition,
        outcome: measured?.status && measured.evaluation
          ? { kind: "measured", status: measured.status, metrics: measured.metrics, compliant: compliantCondition(measured.evaluation), periodMoves: measured.period.kind === "rolling" }
          : measured
            ? { kind: "failed", reason: "EvaluationFailed", message: measured.metrics.message }
            : failure ?? { kind: "failed", reason: "EvaluationFailed", message: "the SLA was not in the measurement's answer" },
      };
      this.records.set(key, record);
      if (record.outcome.kind === "measured") this.measured.set(key, { model, status: record.outcome.status });
      const next = applyFigures(sla.status, record, at, this.options.heartbeatMs ?? defaultHeartbeatMs);
      if (Object.keys(statusPatch(sla.status, next)).length > 0) changed.push(key);
    }
    metrics.evaluations.inc({ result: outcome });
    metrics.evaluationDuration.observe({ result: outcome }, (performance.now() - began) / 1000);
    log.debug({ slas: evaluable.length, changed: changed.length, queries: result?.queries ?? 0, ms: Math.round(performance.now() - began) }, "evaluation cycle");
    if (changed.length > 0) this.options.onChange(changed);
  }

  /**
   * Checks the latency thresholds of the SLAs whose model is new since their last check (or whose
   * histogram had no series a while ago): one query per histogram, not one per cycle. A failure
   * leaves the last check in place and is tried again next cycle.
   */
  private async checkThresholds(slas: readonly { readonly key: string; readonly model: SlaModel }[], now: number): Promise<void> {
    const { metrics, log } = this.options;
    const due = slas.filter(({ key, model }) => {
      const known = this.thresholds.get(key);
      if (known === undefined || known.model !== model) return true;
      return known.condition?.reason === "NoBuckets" && now - known.at >= noBucketsRecheckMs;
    });
    const check = this.options.checkThresholds ?? checkLatencyThresholds;
    await Promise.all(due.map(async ({ key, model }) => {
      const objectives = classicLatencyObjectives(model);
      if (objectives.length === 0) {
        this.thresholds.set(key, { model, at: now, condition: null });
        return;
      }
      try {
        const checks = await check(this.options.client, model, now, {
          signal: this.abort.signal, ...(this.options.timeoutMs === undefined ? {} : { timeoutMs: this.options.timeoutMs }),
        });
        metrics.prometheusQueries.inc(new Set(objectives.map((o) => `${o.histogram}${JSON.stringify(o.selector)}`)).size);
        this.thresholds.set(key, { model, at: now, condition: indicatorCondition(checks) });
      } catch (cause) {
        if (!this.stopped) log.warn({ err: describeError(cause), key }, "could not read the histogram buckets of the latency objectives; trying again next cycle");
      }
    }));
  }
}

/** The review state, or "due" with the reason when the spec's review cannot be computed. */
function safeReview(review: Parameters<typeof reviewStatus>[0], timeZone: string, now: number): ReturnType<typeof reviewStatus> {
  try {
    return reviewStatus(review, timeZone, now);
  } catch (cause) {
    return { due: true, reason: "NeverReviewed", message: `the review date cannot be computed: ${describeError(cause)}` };
  }
}

/** Whether a warning says the answer is partial; Prometheus' own notes on a query ("PromQL warning: ...", "PromQL info: ...") do not. */
export function isPartialAnswer(warning: string): boolean {
  return !/PromQL (warning|info)/i.test(warning);
}

function partialOutcome(warning: string): FiguresOutcome {
  return { kind: "failed", reason: "PartialResponse", message: `the answer was partial, so the figures were not updated: ${warning}` };
}

/** The record of a cycle whose Prometheus read failed. */
export function failedOutcome(cause: unknown): FiguresOutcome {
  if (cause instanceof PrometheusConnectionError || cause instanceof PrometheusTimeoutError
    || ((cause instanceof PrometheusHttpError || cause instanceof PrometheusQueryError) && cause.retryable)) {
    return { kind: "failed", reason: "PrometheusUnreachable", message: cause.message };
  }
  if (cause instanceof PrometheusError) return { kind: "failed", reason: "QueryFailed", message: cause.message };
  return { kind: "failed", reason: "EvaluationFailed", message: describeError(cause) };
}
