// The operator's composition root: builds the API client, informers, applier, status writer,
// event recorder, leader elector, reconciler, the Prometheus client and evaluation loop, and the
// HTTP endpoints from a configuration and wires them together. No logic of its own. Run directly
// (`node --import tsx operator/src/main.ts run --kubeconfig ...`, or `node dist/main.js run ...`)
// it hands the arguments to `slactl run`.
import { readFileSync } from "node:fs";
import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import type { Logger } from "pino";
import type { BurnRateTable } from "./api/v1alpha1/types.js";
import { Applier } from "./adapters/kube/apply.js";
import { KubeClient } from "./adapters/kube/client.js";
import { parseListenAddress, probe, serve, type Endpoint, type RunningServer } from "./adapters/kube/endpoints.js";
import { isApiError } from "./adapters/kube/errors.js";
import { EventRecorder } from "./adapters/kube/events.js";
import { Informer } from "./adapters/kube/informer.js";
import { LeaderElector } from "./adapters/kube/lease.js";
import {
  configMapResource, managedByLabel, managedByValue, prometheusRuleResource, resourcePath, slaResource, type KubeObject,
} from "./adapters/kube/resources.js";
import { StatusWriter } from "./adapters/kube/status.js";
import { PrometheusClient, type PrometheusAuth } from "./adapters/prometheus/index.js";
import { Evaluator } from "./controller/evaluator.js";
import { createMetrics, resourceOfPath, writeVerbs, type OperatorMetrics } from "./controller/metrics.js";
import { Operator, type RunEnd } from "./controller/operator.js";
import { Reconciler, type SlaObject } from "./controller/reconciler.js";
import { isEntryPoint } from "./cli/entry-point.js";

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

export interface PrometheusConfig {
  readonly url: string;
  /** Read at every request, so a rotated token is picked up. */
  readonly bearerTokenFile?: string | undefined;
  readonly basicAuth?: { readonly username: string; readonly passwordFile: string } | undefined;
  readonly caFile?: string | undefined;
  readonly insecureSkipVerify?: boolean | undefined;
  /** Timeout of each query attempt. */
  readonly timeoutMs: number;
  /** How often every SLA is evaluated (each wait varies by ±10%). */
  readonly evaluationIntervalMs: number;
  /** How old status.lastEvaluated may get before an unchanged evaluation refreshes it. Default 10m. */
  readonly heartbeatMs?: number | undefined;
}

/** The Prometheus client of a configuration; reads the CA and checks the secret files are readable (throws a sentence naming the file). */
export function prometheusClient(config: PrometheusConfig): PrometheusClient {
  const read = (file: string, what: string): string => {
    try {
      return readFileSync(file, "utf8");
    } catch (cause) {
      throw new Error(`cannot read the ${what} ${file}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    }
  };
  let auth: PrometheusAuth | undefined;
  if (config.bearerTokenFile !== undefined) {
    const file = config.bearerTokenFile;
    read(file, "Prometheus bearer token file");
    auth = { type: "bearer", token: () => read(file, "Prometheus bearer token file").trim() };
  } else if (config.basicAuth !== undefined) {
    const { username, passwordFile } = config.basicAuth;
    read(passwordFile, "Prometheus basic auth password file");
    auth = { type: "basic", username, password: () => read(passwordFile, "Prometheus basic auth password file").replace(/\r?\n$/, "") };
  }
  const tls = {
    ...(config.caFile === undefined ? {} : { ca: read(config.caFile, "Prometheus CA file") }),
    ...(config.insecureSkipVerify ? { insecureSkipVerify: true } : {}),
  };
  return new PrometheusClient({ url: config.url, timeoutMs: config.timeoutMs, ...(auth ? { auth } : {}), tls });
}

export interface RunningOperator {
  readonly operator: Operator;
  readonly metrics: OperatorMetrics;
  /** Bound addresses, e.g. 127.0.0.1:8080 (absent when disabled). */
  readonly metricsAddress: string | undefined;
  readonly healthAddress: string | undefined;
  /** Resolves when the operator ended: stopped, or leadership lost. */
  readonly done: Promise<RunEnd>;
  /** Stops watches, drains reconciles, releases the lease and closes the listeners. */
  stop(): Promise<void>;
}

/** Builds and starts the operator; the promise resolves once its HTTP endpoints listen. */
export async function startOperator(config: OperatorConfig): Promise<RunningOperator> {
  const { log } = config;
  const metrics = createMetrics();
  const client = KubeClient.load({
    kubeconfig: config.kubeconfig,
    userAgent: "servicelevel-operator",
    observer: ({ method, path, statusCode }) => {
      if (statusCode !== undefined && statusCode < 400 && writeVerbs.has(method)) metrics.apiWrites.inc({ verb: method, resource: resourceOfPath(path) });
      if (statusCode === undefined || statusCode >= 400) metrics.apiErrors.inc({ verb: method, resource: resourceOfPath(path), code: String(statusCode ?? 0) });
    },
  });
  const managedSelector = `${managedByLabel}=${managedByValue}`;
  const informer = <T extends KubeObject>(resource: typeof slaResource, labelSelector: string | undefined) => new Informer<T>({
    api: client, resource, namespaces: config.namespaces, labelSelector, staleAfterMs: config.watchStaleAfterMs, log,
  });
  const slas = informer<SlaObject>(slaResource, config.labelSelector);
  const prometheusRules = informer<KubeObject>(prometheusRuleResource, managedSelector);
  const configMaps = informer<KubeObject>(configMapResource, managedSelector);
  const identity = config.leaderElection?.identity ?? `${hostname()}_${randomBytes(4).toString("hex")}`;
  let prometheus: PrometheusClient | undefined;
  try {
    prometheus = config.prometheus ? prometheusClient(config.prometheus) : undefined;
  } catch (cause) {
    client.close();
    throw cause;
  }
  const evaluator = prometheus && config.prometheus
    ? new Evaluator({
        client: prometheus,
        slas,
        burnRateTables: config.burnRateTables,
        intervalMs: config.prometheus.evaluationIntervalMs,
        namespaces: config.namespaces,
        timeoutMs: config.prometheus.timeoutMs,
        heartbeatMs: config.prometheus.heartbeatMs,
        // Called only once the loop runs, which the operator below starts.
        onChange: (keys) => operator.enqueueEvaluations(keys),
        metrics,
        log: log.child({ component: "evaluator" }),
      })
    : undefined;
  const reconciler = new Reconciler({
    slas,
    prometheusRules,
    configMaps,
    applier: new Applier(client),
    status: new StatusWriter(client),
    events: new EventRecorder(client, { controller: "servicelevel.dev/servicelevel-operator", instance: identity }, log),
    readSla: async (namespace, name) => {
      try {
        return await client.request<SlaObject>("GET", resourcePath(slaResource, namespace, name));
      } catch (cause) {
        if (isApiError(cause) && cause.isNotFound) return undefined;
        throw cause;
      }
    },
    burnRateTables: config.burnRateTables,
    ruleLabels: config.ruleLabels,
    evaluations: evaluator,
    heartbeatMs: config.prometheus?.heartbeatMs,
    log,
  });
  const le = config.leaderElection;
  const elector = le
    ? new LeaderElector({ api: client, namespace: le.namespace, name: le.name, identity, leaseDurationMs: le.leaseDurationMs, renewDeadlineMs: le.renewDeadlineMs, retryPeriodMs: le.retryPeriodMs, log })
    : undefined;
  const operator = new Operator({ slas, prometheusRules, configMaps, reconciler, evaluator, elector, metrics, log, concurrency: config.concurrency, resyncPeriodMs: config.resyncPeriodMs });

  const health: Record<string, Endpoint> = {
    "/healthz": probe(() => ({ ok: true, reason: "" })),
    "/readyz": probe(() => ({ ok: operator.ready, reason: "informer caches not synced yet" })),
  };
  const scrape: Record<string, Endpoint> = {
    "/metrics": async () => ({ status: 200, contentType: metrics.registry.contentType, body: await metrics.registry.metrics() }),
  };
  const servers: RunningServer[] = [];
  const metricsListen = parseListenAddress(config.metricsAddr);
  const healthListen = parseListenAddress(config.healthAddr);
  let metricsAddress: string | undefined;
  let healthAddress: string | undefined;
  try {
    if (metricsListen && healthListen && config.metricsAddr === config.healthAddr) {
      const server = await serve(metricsListen, { ...health, ...scrape });
      servers.push(server);
      metricsAddress = healthAddress = server.address;
    } else {
      if (metricsListen) {
        const server = await serve(metricsListen, scrape);
        servers.push(server);
        metricsAddress = server.address;
      }
      if (healthListen) {
        const server = await serve(healthListen, health);
        servers.push(server);
        healthAddress = server.address;
      }
    }
  } catch (cause) {
    await Promise.all(servers.map((s) => s.close()));
    client.close();
    prometheus?.close();
    throw cause;
  }
  log.info({ server: client.server, identity, metrics: metricsAddress, health: healthAddress, namespaces: config.namespaces.length > 0 ? config.namespaces : "all",
    leaderElection: le ? `${le.namespace}/${le.name}` : false, prometheus: prometheus ? prometheus.baseUrl.href : false,
    evaluationInterval: config.prometheus ? `${config.prometheus.evaluationIntervalMs / 1000}s` : undefined }, "operator starting");

  const done = operator.run().finally(async () => {
    await Promise.all(servers.map((s) => s.close()));
    client.close();
    prometheus?.close();
  });
  return {
    operator, metrics, metricsAddress, healthAddress, done,
    stop: async () => {
      await operator.stop();
      await done;
    },
  };
}

if (isEntryPoint(import.meta.url)) {
  // No top-level await: cli/run.ts imports this module, which must finish evaluating first.
  const args = process.argv.slice(2);
  void import("./cli/run.js")
    .then(({ runCommand }) => runCommand(args[0] === "run" ? args.slice(1) : args))
    .then((code) => {
      // Everything is closed by now; exit even if a library left a handle open.
      process.exit(code);
    });
}
