// `slactl run`: the operator itself. Parses the flags, loads the burn-rate tables, starts the
// operator through the composition root (main.ts), and stops it cleanly on SIGTERM or SIGINT:
// watches stopped, reconciles in flight drained, the lease released, the listeners closed.
import { existsSync, readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { pino, type Level, type Logger } from "pino";
import { loadBurnRateTables } from "../adapters/fs/burn-rate-tables.js";
import { describeError } from "../adapters/kube/errors.js";
import { parseDuration } from "../compile/duration.js";
import type { OperatorConfig, PrometheusConfig } from "../operator-config.js";

export interface RunIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

const processIo: RunIo = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
};

export const runHelp = `Usage: slactl run [options]

Runs the servicelevel-operator: watches ServiceLevelAgreements and keeps a PrometheusRule, a
Grafana dashboard ConfigMap and the status of each one up to date; with --prometheus-url it also
evaluates each SLA against Prometheus and writes what it measured into the status. Logs are JSON
lines on stdout.

Options:
  --kubeconfig FILE                 kubeconfig to use (default: $KUBECONFIG, ~/.kube/config, or the
                                    pod's service account when running in a cluster)
  --namespace NS                    watch this namespace; repeat for several (default: all namespaces)
  --label-selector SELECTOR         only ServiceLevelAgreements matching it, e.g. team=payments
  --concurrency N                   SLAs reconciled at once (default 4)
  --rule-label KEY=VALUE            label put on every PrometheusRule so a Prometheus ruleSelector
                                    picks it up, e.g. release=kube-prometheus-stack; repeatable
  --resync-period DURATION          reconcile every SLA again this often (default 10m; 0 turns it off)
  --policies DIR                    folder of burn-rate tables (default: the package's policies/alerting)
  --metrics-addr ADDR               where /metrics listens (default :8080; 0 disables)
  --health-addr ADDR                where /healthz and /readyz listen (default :8081; 0 disables)
  --leader-elect                    run as one of several replicas: only the holder of a Lease reconciles
  --leader-election-namespace NS    namespace of the Lease (default: the pod's namespace, else default)
  --leader-election-id NAME         name of the Lease (default servicelevel-operator)
  --lease-duration DURATION         how long a Lease is valid without renewal (default 15s)
  --renew-deadline DURATION         how long the leader retries renewing before it gives up (default 10s)
  --retry-period DURATION           how often to try to acquire or renew the Lease (default 2s)
  --watch-stale-after DURATION      restart a watch that delivered nothing for this long (default 3m)
  --prometheus-url URL              evaluate every SLA against this Prometheus HTTP API and write the
                                    figures (compliance, error budget, burn rates, credit) into its
                                    status, e.g. http://prometheus.monitoring.svc:9090 (default: none,
                                    nothing is evaluated)
  --evaluation-interval DURATION    how often every SLA is evaluated, varied by ±10% (default 1m)
  --prometheus-timeout DURATION     timeout of each Prometheus query (default 30s)
  --prometheus-max-response-bytes N refuse Prometheus answers larger than N bytes, decompressed
                                    (default 67108864, 64 MiB; keep it far below the memory limit)
  --prometheus-bearer-token-file FILE
                                    send the token in FILE (re-read at every request) as a bearer token
  --prometheus-basic-auth-username USER
                                    basic auth user name; needs --prometheus-basic-auth-password-file
  --prometheus-basic-auth-password-file FILE
                                    basic auth password, read from FILE at every request
  --prometheus-ca-file FILE         PEM CA bundle that signs Prometheus' certificate
  --prometheus-insecure-skip-verify accept any certificate from Prometheus (tests only)
  --log-level LEVEL                 trace, debug, info, warn, error or fatal (default info)
  -h, --help                        show this help

Exit codes:
  0  stopped by SIGTERM or SIGINT
  1  could not start (kubeconfig, burn-rate tables, listen address, Prometheus credential files),
     or leadership was lost
  2  usage error
`;

const options = {
  kubeconfig: { type: "string" },
  namespace: { type: "string", multiple: true },
  "label-selector": { type: "string" },
  concurrency: { type: "string" },
  "rule-label": { type: "string", multiple: true },
  "resync-period": { type: "string" },
  policies: { type: "string" },
  "metrics-addr": { type: "string" },
  "health-addr": { type: "string" },
  "leader-elect": { type: "boolean" },
  "leader-election-namespace": { type: "string" },
  "leader-election-id": { type: "string" },
  "lease-duration": { type: "string" },
  "renew-deadline": { type: "string" },
  "retry-period": { type: "string" },
  "watch-stale-after": { type: "string" },
  "prometheus-url": { type: "string" },
  "evaluation-interval": { type: "string" },
  "prometheus-timeout": { type: "string" },
  "prometheus-max-response-bytes": { type: "string" },
  "prometheus-bearer-token-file": { type: "string" },
  "prometheus-basic-auth-username": { type: "string" },
  "prometheus-basic-auth-password-file": { type: "string" },
  "prometheus-ca-file": { type: "string" },
  "prometheus-insecure-skip-verify": { type: "boolean" },
  "log-level": { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

const logLevels: readonly string[] = ["trace", "debug", "info", "warn", "error", "fatal", "silent"];
const serviceAccountNamespaceFile = "/var/run/secrets/kubernetes.io/serviceaccount/namespace";

class UsageError extends Error {
  override readonly name = "UsageError";
}

/** Flags as a configuration, without the parts that need I/O (tables, logger). */
export type RunFlags = Omit<OperatorConfig, "burnRateTables" | "log"> & { readonly policies: string | undefined; readonly logLevel: Level | "silent" };

/** Parses and checks the flags; throws UsageError with a sentence naming the flag. */
export function parseRunFlags(args: readonly string[], podNamespace: () => string | undefined = readPodNamespace): RunFlags | "help" {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options, allowPositionals: false, strict: true });
  } catch (cause) {
    throw new UsageError(cause instanceof Error ? (cause.message.split(/\.\s/)[0] ?? cause.message).replace(/\.$/, "") : String(cause));
  }
  const v = parsed.values;
  if (v.help) return "help";
  const duration = (flag: string, text: string | undefined, fallback: string): number => {
    const seconds = parseDuration(text ?? fallback);
    if (seconds === undefined || seconds <= 0) throw new UsageError(`--${flag}: expected a duration such as ${fallback}, found ${JSON.stringify(text)}`);
    return Math.round(seconds * 1000);
  };
  const concurrency = Number(v.concurrency ?? "4");
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new UsageError(`--concurrency: expected a whole number of at least 1, found ${JSON.stringify(v.concurrency)}`);
  const ruleLabels: Record<string, string> = {};
  for (const pair of v["rule-label"] ?? []) {
    const eq = pair.indexOf("=");
    const key = pair.slice(0, eq);
    if (eq <= 0 || !/^([a-z0-9]([-a-z0-9.]*[a-z0-9])?\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/.test(key)) {
      throw new UsageError(`--rule-label: expected KEY=VALUE with a Kubernetes label key, found ${JSON.stringify(pair)}`);
    }
    ruleLabels[key] = pair.slice(eq + 1);
  }
  const logLevel = v["log-level"] ?? "info";
  if (!logLevels.includes(logLevel)) throw new UsageError(`--log-level: expected one of ${logLevels.join(", ")}, found ${JSON.stringify(logLevel)}`);
  const leaseDurationMs = duration("lease-duration", v["lease-duration"], "15s");
  const renewDeadlineMs = duration("renew-deadline", v["renew-deadline"], "10s");
  const retryPeriodMs = duration("retry-period", v["retry-period"], "2s");
  if (v["leader-elect"] && !(leaseDurationMs > renewDeadlineMs && renewDeadlineMs > retryPeriodMs)) {
    throw new UsageError("leader election needs --lease-duration > --renew-deadline > --retry-period");
  }
  for (const flag of ["metrics-addr", "health-addr"] as const) {
    const text = v[flag];
    if (text !== undefined && text !== "0" && text !== "" && !/^(\[[^\]]+\]|[^:]*):\d{1,5}$/.test(text)) {
      throw new UsageError(`--${flag}: expected an address such as :8080 or 127.0.0.1:8080 (0 disables), found ${JSON.stringify(text)}`);
    }
  }
  const prometheus = prometheusFlags(v, duration);
  return {
    kubeconfig: v.kubeconfig,
    namespaces: v.namespace ?? [],
    labelSelector: v["label-selector"],
    concurrency,
    metricsAddr: v["metrics-addr"] ?? ":8080",
    healthAddr: v["health-addr"] ?? ":8081",
    leaderElection: v["leader-elect"]
      ? {
          namespace: v["leader-election-namespace"] ?? podNamespace() ?? "default",
          name: v["leader-election-id"] ?? "servicelevel-operator",
          leaseDurationMs,
          renewDeadlineMs,
          retryPeriodMs,
        }
      : undefined,
    ruleLabels,
    // 0 turns the periodic resync off: a failed reconcile is retried by the queue, not by the resync.
    resyncPeriodMs: v["resync-period"] === "0" ? 0 : duration("resync-period", v["resync-period"], "10m"),
    watchStaleAfterMs: duration("watch-stale-after", v["watch-stale-after"], "3m"),
    policies: v.policies,
    logLevel: logLevel as Level | "silent",
    prometheus,
  };
}

type Values = { readonly [K in keyof typeof options]?: (typeof options)[K] extends { type: "boolean" } ? boolean : (typeof options)[K] extends { multiple: true } ? string[] : string };

/** The Prometheus part of the flags; undefined without --prometheus-url. Files are read when the operator starts, not here. */
function prometheusFlags(v: Values, duration: (flag: string, text: string | undefined, fallback: string) => number): PrometheusConfig | undefined {
  const url = v["prometheus-url"];
  const evaluationIntervalMs = duration("evaluation-interval", v["evaluation-interval"], "1m");
  const timeoutMs = duration("prometheus-timeout", v["prometheus-timeout"], "30s");
  const maxText = v["prometheus-max-response-bytes"];
  const maxResponseBytes = maxText === undefined ? undefined : Number(maxText);
  if (maxResponseBytes !== undefined && !(/^\d+$/.test(maxText ?? "") && Number.isSafeInteger(maxResponseBytes) && maxResponseBytes >= 1024)) {
    throw new UsageError(`--prometheus-max-response-bytes: expected a whole number of bytes of at least 1024, such as 67108864, found ${JSON.stringify(maxText)}`);
  }
  const dependent = (["evaluation-interval", "prometheus-timeout", "prometheus-max-response-bytes", "prometheus-bearer-token-file", "prometheus-basic-auth-username",
    "prometheus-basic-auth-password-file", "prometheus-ca-file", "prometheus-insecure-skip-verify"] as const).filter((f) => v[f] !== undefined);
  if (url === undefined || url === "") {
    if (dependent.length > 0) throw new UsageError(`--${dependent[0]} needs --prometheus-url`);
    return undefined;
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UsageError(`--prometheus-url: expected an http or https URL, found ${JSON.stringify(url)}`);
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") throw new UsageError(`--prometheus-url: expected an http or https URL, found ${JSON.stringify(url)}`);
  const bearer = v["prometheus-bearer-token-file"];
  const username = v["prometheus-basic-auth-username"];
  const passwordFile = v["prometheus-basic-auth-password-file"];
  if ((username === undefined) !== (passwordFile === undefined)) {
    throw new UsageError("--prometheus-basic-auth-username and --prometheus-basic-auth-password-file go together");
  }
  if (bearer !== undefined && username !== undefined) throw new UsageError("give --prometheus-bearer-token-file or basic auth, not both");
  return {
    url,
    evaluationIntervalMs,
    timeoutMs,
    ...(maxResponseBytes === undefined ? {} : { maxResponseBytes }),
    ...(bearer === undefined ? {} : { bearerTokenFile: bearer }),
    ...(username === undefined || passwordFile === undefined ? {} : { basicAuth: { username, passwordFile } }),
    ...(v["prometheus-ca-file"] === undefined ? {} : { caFile: v["prometheus-ca-file"] }),
    ...(v["prometheus-insecure-skip-verify"] ? { insecureSkipVerify: true } : {}),
  };
}

function readPodNamespace(): string | undefined {
  try {
    return existsSync(serviceAccountNamespaceFile) ? readFileSync(serviceAccountNamespaceFile, "utf8").trim() || undefined : undefined;
  } catch {
    return undefined;
  }
}

export interface RunDeps {
  readonly io?: RunIo;
  /** Where JSON logs go; default stdout. */
  readonly logger?: Logger;
  /** Resolves when the operator should stop; default SIGTERM or SIGINT. */
  readonly stopSignal?: Promise<unknown>;
}

/** Runs the operator until SIGTERM/SIGINT; resolves to the exit code. */
export async function runCommand(args: string[], deps: RunDeps = {}): Promise<number> {
  const io = deps.io ?? processIo;
  let flags: RunFlags | "help";
  try {
    flags = parseRunFlags(args);
  } catch (cause) {
    if (!(cause instanceof UsageError)) throw cause;
    io.stderr(`slactl run: ${cause.message}\nRun 'slactl run --help' for usage.\n`);
    return 2;
  }
  if (flags === "help") {
    io.stdout(runHelp);
    return 0;
  }
  const log = deps.logger ?? pino({ level: flags.logLevel, base: { component: "servicelevel-operator" }, timestamp: pino.stdTimeFunctions.isoTime });
  const tables = await loadBurnRateTables(flags.policies);
  if (!tables.ok) {
    for (const issue of tables.issues) io.stderr(`${issue.file}:${issue.line}:${issue.column}: ${issue.message}\n`);
    io.stderr(`slactl run: the burn-rate tables in ${flags.policies ?? "policies/alerting"} are invalid\n`);
    return 1;
  }
  const { startOperator } = await import("../main.js");
  const { policies: _policies, logLevel: _logLevel, ...config } = flags;
  let running;
  try {
    running = await startOperator({ ...config, burnRateTables: tables.tables, log });
  } catch (cause) {
    log.fatal({ err: describeError(cause) }, "the operator could not start");
    io.stderr(`slactl run: ${describeError(cause)}\n`);
    return 1;
  }

  const removeHandlers: (() => void)[] = [];
  const stopRequested = deps.stopSignal ?? new Promise<string>((resolve) => {
    for (const signal of ["SIGTERM", "SIGINT"] as const) {
      const handler = (): void => {
        resolve(signal);
        // A second signal while draining means: now.
        process.once(signal, () => {
          log.warn({ signal }, "second signal; exiting without a clean shutdown");
          process.exit(1);
        });
      };
      process.once(signal, handler);
      removeHandlers.push(() => process.off(signal, handler));
    }
  });
  const end = await Promise.race([running.done, stopRequested.then((signal) => {
    log.info({ signal }, "stopping");
    return running.stop().then(() => "stopped" as const);
  })]);
  for (const remove of removeHandlers) remove();
  await running.done;
  if (end === "leadership-lost") {
    log.error("leadership lost; exiting so that the replica restarts as a standby");
    return 1;
  }
  log.info("stopped cleanly");
  return 0;
}
