// The operator's Prometheus metrics, in a registry of its own (two operators in one process, as
// in tests, do not share counters): reconciles by result and their duration, queue depth, SLAs by
// state, API writes by verb and resource, leadership, evaluation cycles and the Prometheus queries
// they sent, plus prom-client's process metrics.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

export type ReconcileResult = "success" | "invalid" | "requeue" | "error";

export interface OperatorMetrics {
  readonly registry: Registry;
  readonly reconciles: Counter<"result">;
  readonly reconcileDuration: Histogram<"result">;
  readonly apiWrites: Counter<"verb" | "resource">;
  readonly apiErrors: Counter<"verb" | "resource" | "code">;
  readonly leader: Gauge;
  readonly evaluations: Counter<"result">;
  readonly evaluationDuration: Histogram<"result">;
  readonly prometheusQueries: Counter;
  /** Supplies the live gauges at scrape time. */
  observe(sources: { queueDepth: () => number; slaStates: () => ReadonlyMap<string, number> }): void;
}

export const writeVerbs: ReadonlySet<string> = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** The resource (and subresource) of an API path: /apis/g/v/namespaces/ns/plural/name/status -> plural/status. */
export function resourceOfPath(path: string): string {
  const parts = path.split("?")[0]!.split("/").filter((p) => p !== "");
  const rest = parts[0] === "api" ? parts.slice(2) : parts.slice(3);
  const unscoped = rest[0] === "namespaces" && rest.length > 2 ? rest.slice(2) : rest;
  const [plural = "unknown", , subresource] = unscoped;
  return subresource === undefined ? plural : `${plural}/${subresource}`;
}

export function createMetrics(): OperatorMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  let sources: { queueDepth: () => number; slaStates: () => ReadonlyMap<string, number> } | undefined;
  const reconciles = new Counter({ name: "servicelevel_operator_reconcile_total", help: "Reconciles by result.", labelNames: ["result"] as const, registers: [registry] });
  const reconcileDuration = new Histogram({
    name: "servicelevel_operator_reconcile_duration_seconds",
    help: "Time a reconcile took, by result.",
    labelNames: ["result"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const apiWrites = new Counter({
    name: "servicelevel_operator_api_writes_total",
    help: "Successful write requests (POST, PUT, PATCH, DELETE) to the Kubernetes API, by verb and resource.",
    labelNames: ["verb", "resource"] as const,
    registers: [registry],
  });
  const apiErrors = new Counter({
    name: "servicelevel_operator_api_errors_total",
    help: "Kubernetes API requests that failed, by verb, resource and status code (0: no response).",
    labelNames: ["verb", "resource", "code"] as const,
    registers: [registry],
  });
  const evaluations = new Counter({
    name: "servicelevel_operator_evaluations_total",
    help: "Evaluation cycles against Prometheus, by result: success, unavailable (Prometheus could not be read), error.",
    labelNames: ["result"] as const,
    registers: [registry],
  });
  const evaluationDuration = new Histogram({
    name: "servicelevel_operator_evaluation_duration_seconds",
    help: "Time an evaluation cycle of every SLA took, by result.",
    labelNames: ["result"] as const,
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
    registers: [registry],
  });
  const prometheusQueries = new Counter({ name: "servicelevel_operator_prometheus_queries_total", help: "Queries sent to Prometheus by evaluation cycles that succeeded (retries not counted).", registers: [registry] });
  const leader = new Gauge({ name: "servicelevel_operator_leader", help: "1 while this replica holds the leader lease (or runs without leader election).", registers: [registry] });
  new Gauge({
    name: "servicelevel_operator_queue_depth",
    help: "Keys waiting in the work queue.",
    registers: [registry],
    collect() {
      if (sources) this.set(sources.queueDepth());
    },
  });
  new Gauge({
    name: "servicelevel_operator_slas",
    help: "ServiceLevelAgreements watched, by status.state (Unevaluated when the state is not set).",
    labelNames: ["state"] as const,
    registers: [registry],
    collect() {
      if (!sources) return;
      this.reset();
      for (const [state, count] of sources.slaStates()) this.set({ state }, count);
    },
  });
  return {
    registry, reconciles, reconcileDuration, apiWrites, apiErrors, leader, evaluations, evaluationDuration, prometheusQueries,
    observe(s) {
      sources = s;
    },
  };
}
