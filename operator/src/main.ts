// The operator's composition root: builds the API client, informers, the SLA index, applier,
// status writer, event recorder, leader elector, reconciler, the Prometheus client and the
// measurement loop, and the HTTP endpoints from a configuration and wires them together. No logic
// of its own. `slactl run` (cli/run.ts) parses the flags and calls startOperator.
import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import { Applier } from "./adapters/kube/apply.js";
import { KubeClient } from "./adapters/kube/client.js";
import { parseListenAddress, probe, serve, type Endpoint, type RunningServer } from "./adapters/kube/endpoints.js";
import { isApiError } from "./adapters/kube/errors.js";
import { EventRecorder } from "./adapters/kube/events.js";
import { Informer } from "./adapters/kube/informer.js";
import { LeaderElector } from "./adapters/kube/lease.js";
import {
  alertmanagerConfigResource, configMapResource, managedByLabel, managedByValue, prometheusRuleResource, resourcePath, slaResource, type KubeObject,
} from "./adapters/kube/resources.js";
import { StatusWriter } from "./adapters/kube/status.js";
import { prometheusClientFor, type PrometheusClient } from "./adapters/prometheus/index.js";
import { SlaIndex } from "./compile/index.js";
import { MeasurementLoop } from "./controller/measurement-loop.js";
import { createMetrics, resourceOfPath, writeVerbs, type OperatorMetrics } from "./controller/metrics.js";
import { registerFigureMetrics } from "./controller/figures-metrics.js";
import { Operator, type RunEnd } from "./controller/operator.js";
import { Reconciler } from "./controller/reconciler.js";
import type { SlaObject } from "./controller/sla-object.js";
import type { OperatorConfig } from "./operator-config.js";

export type { OperatorConfig, PrometheusConfig } from "./operator-config.js";

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
  const informer = <T extends KubeObject>(resource: typeof slaResource, labelSelector: string | undefined, transform?: (object: T) => T) => new Informer<T>({
    api: client, resource, namespaces: config.namespaces, labelSelector, staleAfterMs: config.watchStaleAfterMs, log, ...(transform ? { transform } : {}),
  });
  const slas = informer<SlaObject>(slaResource, config.labelSelector, withoutFieldSets);
  // Generated objects are known by their metadata only: a dashboard is tens of kilobytes.
  const prometheusRules = informer<KubeObject>(prometheusRuleResource, managedSelector, metadataOnly);
  const configMaps = informer<KubeObject>(configMapResource, managedSelector, metadataOnly);
  const alertmanagerConfigs = informer<KubeObject>(alertmanagerConfigResource, managedSelector, metadataOnly);
  const index = new SlaIndex({ burnRateTables: config.burnRateTables });
  const identity = config.leaderElection?.identity ?? `${hostname()}_${randomBytes(4).toString("hex")}`;
  let prometheus: PrometheusClient | undefined;
  try {
    prometheus = config.prometheus ? prometheusClientFor(config.prometheus) : undefined;
  } catch (cause) {
    client.close();
    throw cause;
  }
  const measurement = prometheus && config.prometheus
    ? new MeasurementLoop({
        client: prometheus,
        slas,
        index,
        intervalMs: config.prometheus.evaluationIntervalMs,
        namespaces: config.namespaces,
        timeoutMs: config.prometheus.timeoutMs,
        heartbeatMs: config.prometheus.heartbeatMs,
        // Called only once the loop runs, which the operator below starts.
        onChange: (keys) => operator.enqueueAllOf(keys),
        metrics,
        log: log.child({ component: "evaluator" }),
      })
    : undefined;
  registerFigureMetrics(metrics.registry, () => measurement?.exported() ?? []);
  const reconciler = new Reconciler({
    slas,
    index,
    prometheusRules,
    configMaps,
    alertmanagerConfigs,
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
    ruleLabels: config.ruleLabels,
    figures: measurement,
    heartbeatMs: config.prometheus?.heartbeatMs,
    log,
  });
  const le = config.leaderElection;
  const elector = le
    ? new LeaderElector({ api: client, namespace: le.namespace, name: le.name, identity, leaseDurationMs: le.leaseDurationMs, renewDeadlineMs: le.renewDeadlineMs, retryPeriodMs: le.retryPeriodMs, log })
    : undefined;
  const operator = new Operator({ slas, prometheusRules, configMaps, alertmanagerConfigs, reconciler, index, measurement, elector, metrics, log, concurrency: config.concurrency, resyncPeriodMs: config.resyncPeriodMs });

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

/** What the operator keeps of a generated object: metadata without the managedFields' field sets. */
export function metadataOnly(object: KubeObject): KubeObject {
  return {
    ...(object.apiVersion === undefined ? {} : { apiVersion: object.apiVersion }),
    ...(object.kind === undefined ? {} : { kind: object.kind }),
    metadata: withoutFieldSets(object).metadata,
  };
}

/**
 * An object with managedFields cut to who wrote it, how and when: the field sets can be as large as
 * the spec and status themselves, and only the writers are read (reconciler.ts). The SLA cache
 * keeps every SLA of the fleet, so this is memory that grows with it.
 */
export function withoutFieldSets<T extends KubeObject>(object: T): T {
  const { managedFields, ...metadata } = object.metadata as KubeObject["metadata"] & { managedFields?: readonly { manager?: string; operation?: string; time?: string }[] };
  if (!managedFields) return object;
  return { ...object, metadata: { ...metadata, managedFields: managedFields.map((f) => ({ manager: f.manager, operation: f.operation, time: f.time })) } };
}
