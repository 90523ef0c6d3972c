// The operator's configuration, as `slactl run` parses it from flags and the composition root
// (main.ts) consumes it.
import type { Logger } from "pino";
import type { BurnRateTable } from "./api/v1alpha1/types.js";
import type { PrometheusConnection } from "./adapters/prometheus/index.js";

export interface OperatorConfig {
  readonly kubeconfig?: string | undefined;
  /** Namespaces to watch; all when empty. */
  readonly namespaces: readonly string[];
  readonly labelSelector?: string | undefined;
  readonly concurrency: number;
  /** "" or "0" disables a listener. */
  readonly metricsAddr: string;
  readonly healthAddr: string;
  readonly leaderElection?: {
    readonly namespace: string;
    readonly name: string;
    readonly identity?: string | undefined;
    readonly leaseDurationMs: number;
    readonly renewDeadlineMs: number;
    readonly retryPeriodMs: number;
  } | undefined;
  readonly ruleLabels: Readonly<Record<string, string>>;
  readonly resyncPeriodMs: number;
  readonly watchStaleAfterMs?: number | undefined;
  readonly burnRateTables: ReadonlyMap<string, BurnRateTable>;
  /** Where and how often to evaluate the SLAs; absent: nothing is evaluated. */
  readonly prometheus?: PrometheusConfig | undefined;
  readonly log: Logger;
}

export interface PrometheusConfig extends PrometheusConnection {
  /** Timeout of each query attempt. */
  readonly timeoutMs: number;
  /** How often every SLA is evaluated (each wait varies by ±10%). */
  readonly evaluationIntervalMs: number;
  /** How old status.lastEvaluated may get before an unchanged evaluation refreshes it. Default 10m. */
  readonly heartbeatMs?: number | undefined;
}
