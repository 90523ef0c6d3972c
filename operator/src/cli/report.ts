// slactl report: compliance, error budgets and service credits of SLAs over a contract period,
// measured by the evaluation service from what Prometheus recorded, rendered as a table, markdown,
// JSON or a self-contained HTML page. SLAs come from files (checked like `slactl validate`) or from
// the cluster. Everything here is plumbing: flags, inputs, one batched evaluation, one write.
import { extname } from "node:path";
import type { BurnRateTable } from "../api/v1alpha1/types.js";
import { loadBurnRateTables } from "../adapters/fs/burn-rate-tables.js";
import { writeFileAtomic } from "../adapters/fs/write-outputs.js";
import type { KubeApi } from "../adapters/kube/client.js";
import { describeError, KubeApiError } from "../adapters/kube/errors.js";
import { resourcePath, slaResource, type KubeList, type KubeObject } from "../adapters/kube/resources.js";
import { PrometheusError, PrometheusSecretFileError, prometheusClientFor, type PrometheusClient, type SecretFileRole } from "../adapters/prometheus/index.js";
import { periodByLabel, periodContaining, toInstant } from "../compile/budget/index.js";
import { SlaIndex, type SlaModel } from "../compile/index.js";
import { measureSlas, readTimelines, type PeriodSelector, type SlaMeasurement, type TimelinePoint } from "../measure/index.js";
import { isReportFormat, renderReport, reportFormats, timelineStepFor, type ReportFormat, type ReportInput } from "../report/index.js";
import { formatIssues } from "./format-issues.js";
import { allIssues } from "../adapters/fs/sla-files.js";
import { checkInputs, exitCodes, parseCommandLine, plural, usageError, type Io } from "./command-line.js";

export const reportHelp = `Usage: slactl report --prometheus URL (PATH... | --cluster) [options]

Reports what ServiceLevelAgreements attained over a contract period: per objective the target,
the attained level, the error budget left, the state and incidents, and per SLA the compliance
and the service credit owed. The figures are read from the series that the generated recording
rules keep in Prometheus (sla:sli_errors:tile5m and friends, hourly tiles for older data) and
computed as the operator computes the status, rounded the same way: attained levels down, budget
consumed up, so no figure is better than measured.

SLAs come from PATH... (files, or folders searched recursively for *.yaml and *.yml; they must
all be valid, as for 'slactl validate') or, with --cluster, from the ServiceLevelAgreements in the
cluster (invalid ones are skipped with a warning).

Prometheus:
  --prometheus URL                          Prometheus' base URL, with its path prefix if any
                                            (required), e.g. http://prometheus.monitoring:9090;
                                            --prometheus-url, as 'slactl run' calls it, also works
  --prometheus-bearer-token-file FILE       send the token in FILE as a bearer token
  --prometheus-basic-auth-username NAME     basic auth user ...
  --prometheus-basic-auth-password-file FILE  ... and the file holding its password
  --prometheus-ca-file FILE                 PEM bundle of the CAs that sign Prometheus' certificate
  --prometheus-insecure-skip-verify         accept any certificate (for tests only)

Period (default: each SLA's current contract period, up to now):
  --period LABEL    a calendar period in each SLA's time zone (UTC for rolling periods):
                    2026-10 (a month), 2026-Q4 (a quarter), 2026-W44 (an ISO week)
  --from TIME       a range of your own, from TIME ...
  --to TIME         ... to TIME (exclusive; default now). TIME is RFC 3339
                    (2026-10-01T00:00:00+02:00) or a date (2026-10-01: midnight in each SLA's
                    time zone)
  --at TIME         report as of TIME (RFC 3339) instead of now: the figures as they stood then

SLAs from the cluster:
  --cluster         list the ServiceLevelAgreements of the cluster instead of reading PATH...
  --kubeconfig FILE kubeconfig to use (default: $KUBECONFIG, ~/.kube/config, or in-cluster)
  --namespace NS    only this namespace; repeatable (default: all namespaces)

Output:
  --format FORMAT   table (default), markdown, json or html; default from --out's extension
                    (.md, .json, .html) when --out is given
                      table     one row per objective: SLA, period, objective, target, attained,
                                budget left, state and credit (the SLA's, on each of its rows)
                      markdown  the table, then a section per SLA with its incidents and credits
                      json      every figure, keys sorted (kind ServiceLevelReport)
                      html      a self-contained page to send to a customer: charts of the
                                attained level and the error budget over the period, incidents,
                                compliance and the credit owed; no external resources
  --out FILE        write the report to FILE (atomically) instead of standard output
  --policies DIR    folder of burn-rate tables (default: the package's policies/alerting)
  -h, --help        show this help

Progress goes to standard error when querying takes more than a second.

Examples:
  slactl report slas/ --prometheus http://localhost:9090
  slactl report slas/checkout.yaml --prometheus https://prom.example.com --period 2026-10 --out checkout-2026-10.html
  slactl report --cluster --namespace shop --prometheus http://localhost:9090 --format json | jq '.slas[].credit'

Exit codes:
  0  the report was written (whatever the SLAs' states)
  1  an SLA file is invalid; Prometheus or the cluster could not be reached or answered with an
     error; or the report could not be written
  2  usage error: unknown flag or format, no --prometheus, neither PATH nor --cluster, a bad
     period, time or URL, an unreadable credentials file
`;

export interface ReportDeps {
  /** The clock (default Date.now). */
  readonly now?: () => number;
  /** Progress is printed when querying takes longer than this (default 1000 ms). */
  readonly progressDelayMs?: number;
  /** The cluster client for --cluster (default: KubeClient from the kubeconfig). */
  readonly kubeApi?: (kubeconfig: string | undefined) => KubeApi;
}

const options = {
  prometheus: { type: "string" },
  "prometheus-url": { type: "string" },
  "prometheus-bearer-token-file": { type: "string" },
  "prometheus-basic-auth-username": { type: "string" },
  "prometheus-basic-auth-password-file": { type: "string" },
  "prometheus-ca-file": { type: "string" },
  "prometheus-insecure-skip-verify": { type: "boolean" },
  period: { type: "string" },
  from: { type: "string" },
  to: { type: "string" },
  at: { type: "string" },
  cluster: { type: "boolean" },
  kubeconfig: { type: "string" },
  namespace: { type: "string", multiple: true },
  format: { type: "string" },
  out: { type: "string" },
  policies: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

/** Thrown for a usage error found after parsing (a bad time, an unreadable credentials file). */
class UsageError extends Error {
  override readonly name = "UsageError";
}

const dateRe = /^(\d{4})-(\d{2})-(\d{2})$/;
const rfc3339Re = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:\d{2})$/;

/** A --from/--to value: an instant, or a date whose midnight depends on the SLA's time zone. */
type TimeArgument = { readonly kind: "instant"; readonly ms: number } | { readonly kind: "date"; readonly year: number; readonly month: number; readonly day: number };

export function parseTimeArgument(flag: string, text: string, allowDate: boolean): TimeArgument {
  const date = dateRe.exec(text);
  if (date && allowDate) {
    const [year, month, day] = [Number(date[1]), Number(date[2]), Number(date[3])];
    const check = new Date(Date.UTC(year, month - 1, day));
    if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) throw new UsageError(`--${flag}: ${JSON.stringify(text)} is not a date`);
    return { kind: "date", year, month, day };
  }
  const ms = rfc3339Re.test(text) ? Date.parse(text) : Number.NaN;
  if (!Number.isFinite(ms)) {
    throw new UsageError(`--${flag}: expected ${allowDate ? "a date (2026-10-01) or " : ""}an RFC 3339 time with an offset (2026-10-01T00:00:00Z), found ${JSON.stringify(text)}`);
  }
  return { kind: "instant", ms };
}

const slaTimeZone = (sla: SlaModel) => (sla.period.kind === "calendar" ? sla.period.timeZone : "UTC");

function instantFor(argument: TimeArgument, timeZone: string): number {
  if (argument.kind === "instant") return argument.ms;
  return toInstant({ year: argument.year, month: argument.month, day: argument.day, hour: 0, minute: 0, second: 0 }, timeZone);
}

interface PeriodChoice {
  readonly label?: string;
  readonly from?: TimeArgument;
  readonly to?: TimeArgument;
}

/** The period selector of one SLA, checked: a period that has not started, or a range that ends before it starts, is a usage error. */
function selectorFor(sla: SlaModel, choice: PeriodChoice, now: number): PeriodSelector | undefined {
  const zone = slaTimeZone(sla);
  const name = `${sla.namespace}/${sla.name}`;
  if (choice.label !== undefined) {
    const period = periodByLabel(choice.label, zone);
    if (period === undefined) throw new UsageError(`--period: expected a month (2026-10), a quarter (2026-Q4) or an ISO week (2026-W44), found ${JSON.stringify(choice.label)}`);
    if (period.start >= now) throw new UsageError(`--period ${choice.label} has not started yet (in ${zone}, the time zone of ${name})`);
    return choice.label;
  }
  if (choice.from !== undefined) {
    const start = instantFor(choice.from, zone);
    const end = choice.to === undefined ? now : instantFor(choice.to, zone);
    if (!(end > start)) throw new UsageError(`--from must be before --to (for ${name}, in ${zone})`);
    if (end > now) throw new UsageError(`--to is later than the time of the report; for the period in progress leave out --from and --to`);
    return { start, end };
  }
  return undefined;
}

/** The flag that names each file of a Prometheus connection. */
const secretFileFlags: Readonly<Record<SecretFileRole, string>> = {
  bearerTokenFile: "prometheus-bearer-token-file",
  passwordFile: "prometheus-basic-auth-password-file",
  caFile: "prometheus-ca-file",
};

type Values = NonNullable<ReturnType<typeof parseCommandLine<typeof options>>>["values"];

/**
 * The Prometheus client of the flags, built by the builder the operator uses
 * (prometheusClientFor): secrets are re-read per request, so a rotated token keeps working. Throws
 * UsageError for a missing or bad URL, conflicting auth flags, or an unreadable file.
 */
export async function prometheusClientFromFlags(values: Values): Promise<PrometheusClient> {
  if (values.prometheus !== undefined && values["prometheus-url"] !== undefined) throw new UsageError("--prometheus-url is another name for --prometheus: give one");
  const url = values.prometheus ?? values["prometheus-url"];
  if (url === undefined || url === "") throw new UsageError("--prometheus URL is required");
  const tokenFile = values["prometheus-bearer-token-file"];
  const user = values["prometheus-basic-auth-username"];
  const passwordFile = values["prometheus-basic-auth-password-file"];
  if ((user === undefined) !== (passwordFile === undefined)) throw new UsageError("--prometheus-basic-auth-username and --prometheus-basic-auth-password-file go together");
  if (tokenFile !== undefined && user !== undefined) throw new UsageError("give --prometheus-bearer-token-file or basic auth, not both");
  try {
    return prometheusClientFor({
      url,
      ...(tokenFile === undefined ? {} : { bearerTokenFile: tokenFile }),
      ...(user !== undefined && passwordFile !== undefined ? { basicAuth: { username: user, passwordFile } } : {}),
      ...(values["prometheus-ca-file"] === undefined ? {} : { caFile: values["prometheus-ca-file"] }),
      ...(values["prometheus-insecure-skip-verify"] ? { insecureSkipVerify: true } : {}),
      // A report is interactive: give up within seconds when Prometheus is down, not after a minute.
      retries: 2,
      backoff: { initialMs: 200, maxMs: 2000 },
      timeoutMs: 60_000,
    });
  } catch (cause) {
    if (cause instanceof PrometheusSecretFileError) {
      const reason = cause.cause instanceof Error ? cause.cause.message : String(cause.cause);
      throw new UsageError(`--${secretFileFlags[cause.role]}: cannot read ${cause.file}: ${reason}`);
    }
    throw new UsageError(`--prometheus: expected an http or https URL, found ${JSON.stringify(url)}${cause instanceof TypeError && /http or https/.test(cause.message) ? "" : ` (${cause instanceof Error ? cause.message : String(cause)})`}`);
  }
}

/** The format: --format, else from --out's extension, else table. */
function chooseFormat(values: Values): ReportFormat {
  const format = values.format;
  if (format !== undefined) {
    if (!isReportFormat(format)) throw new UsageError(`unknown format ${JSON.stringify(format)}: expected one of ${reportFormats.join(", ")}`);
    return format;
  }
  const byExtension: Readonly<Record<string, ReportFormat>> = { ".html": "html", ".htm": "html", ".md": "markdown", ".markdown": "markdown", ".json": "json" };
  return (values.out === undefined ? undefined : byExtension[extname(values.out).toLowerCase()]) ?? "table";
}

type Loaded = { ok: true; slas: SlaModel[] } | { ok: false; exitCode: number };

/** The SLAs of PATH...: every file must be valid (issues go to stderr). */
async function slasFromFiles(positionals: readonly string[], policies: string | undefined, io: Io): Promise<Loaded> {
  const checked = await checkInputs("report", { policies }, positionals, io);
  if (!checked.ok) return checked;
  const issues = allIssues(checked.reports);
  if (issues.length > 0) io.stderr(formatIssues(issues, "text"));
  const invalid = checked.reports.filter((r) => !r.valid);
  if (invalid.length > 0) {
    io.stderr(`slactl report: ${plural(invalid.length, "file")} invalid; fix ${invalid.length === 1 ? "it" : "them"} or leave ${invalid.length === 1 ? "it" : "them"} out\n`);
    return { ok: false, exitCode: exitCodes.invalid };
  }
  const slas: SlaModel[] = [];
  for (const document of checked.reports.flatMap((r) => r.documents)) {
    const modelled = document.key === undefined ? undefined : checked.peers.index.model(document.key);
    if (modelled?.ok) slas.push(modelled.value.model);
  }
  return { ok: true, slas };
}

/** The SLAs of the cluster (one list per namespace, paginated); invalid ones are skipped with a warning. */
async function slasFromCluster(api: KubeApi, namespaces: readonly string[], tables: ReadonlyMap<string, BurnRateTable>, io: Io): Promise<SlaModel[]> {
  const items: KubeObject[] = [];
  for (const namespace of namespaces.length === 0 ? [undefined] : namespaces) {
    let continueToken: string | undefined;
    do {
      const page = await api.request<KubeList<KubeObject>>("GET", resourcePath(slaResource, namespace), { query: { limit: 500, continue: continueToken } });
      items.push(...page.items.map((item) => ({ ...item, apiVersion: `${slaResource.group}/${slaResource.version}`, kind: slaResource.kind })));
      continueToken = page.metadata.continue || undefined;
    } while (continueToken !== undefined);
  }
  const index = new SlaIndex({ burnRateTables: tables });
  for (const item of items) index.upsert(`${item.metadata.namespace ?? "default"}/${item.metadata.name}`, withoutStatus(item), String(item.metadata.generation ?? 0));
  const slas: SlaModel[] = [];
  for (const item of items) {
    const key = `${item.metadata.namespace ?? "default"}/${item.metadata.name}`;
    const result = index.model(key);
    if (!result?.ok) {
      const first = result?.issues.find((i) => i.severity === "error") ?? result?.issues[0];
      io.stderr(`slactl report: skipping ServiceLevelAgreement ${key}: it is invalid${first ? ` (${first.message})` : ""}\n`);
      continue;
    }
    slas.push(result.value.model);
  }
  return slas;
}

/** The object as the schema knows it: the API server adds metadata fields and a status the schema check need not see. */
function withoutStatus(item: KubeObject): unknown {
  const { status: _status, ...rest } = item;
  const { name, namespace, labels, annotations } = item.metadata;
  return { ...rest, metadata: { name, ...(namespace === undefined ? {} : { namespace }), ...(labels ? { labels } : {}), ...(annotations ? { annotations } : {}) } };
}

/** Prints "querying Prometheus for N SLAs…" once the work takes longer than delayMs, and the time taken when done. */
function progressReporter(io: Io, what: string, delayMs: number, now: () => number): { done(): void } {
  const started = now();
  let shown = false;
  const timer = setTimeout(() => {
    shown = true;
    io.stderr(`${what}…`);
  }, delayMs);
  return {
    done() {
      clearTimeout(timer);
      if (shown) io.stderr(` ${((now() - started) / 1000).toFixed(1)}s\n`);
    },
  };
}

/** One-line description of a failure to talk to Prometheus. */
function prometheusFailure(url: string, cause: unknown): string {
  if (cause instanceof PrometheusError) {
    const detail = cause.name === "PrometheusConnectionError" || cause.name === "PrometheusTimeoutError"
      ? `cannot reach Prometheus at ${url}: ${describeError(cause.cause ?? cause)}`
      : `Prometheus at ${url} failed: ${cause.message}`;
    return detail;
  }
  return `Prometheus at ${url} failed: ${describeError(cause)}`;
}

export async function reportCommand(args: readonly string[], io: Io, deps: ReportDeps = {}): Promise<number> {
  const parsed = parseCommandLine("report", args, options, io);
  if (!parsed) return exitCodes.usage;
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(reportHelp);
    return exitCodes.ok;
  }
  const clock = deps.now ?? Date.now;

  let format: ReportFormat;
  let client: PrometheusClient;
  let now: number;
  const choice: { label?: string; from?: TimeArgument; to?: TimeArgument } = {};
  try {
    format = chooseFormat(values);
    if (values.cluster && positionals.length > 0) throw new UsageError("give either PATH... or --cluster, not both");
    if (!values.cluster && positionals.length === 0) throw new UsageError("give at least one PATH (a file or folder of SLA YAML), or --cluster");
    if (!values.cluster && (values.kubeconfig !== undefined || values.namespace !== undefined)) throw new UsageError("--kubeconfig and --namespace go with --cluster");
    if (values.period !== undefined && (values.from !== undefined || values.to !== undefined)) throw new UsageError("give either --period or --from/--to, not both");
    if (values.to !== undefined && values.from === undefined) throw new UsageError("--to needs --from");
    if (values.out === "") throw new UsageError("--out needs a file name");
    now = values.at === undefined ? clock() : instantFor(parseTimeArgument("at", values.at, false), "UTC");
    if (values.period !== undefined) {
      if (periodByLabel(values.period, "UTC") === undefined) {
        throw new UsageError(`--period: expected a month (2026-10), a quarter (2026-Q4) or an ISO week (2026-W44), found ${JSON.stringify(values.period)}`);
      }
      choice.label = values.period;
    }
    if (values.from !== undefined) choice.from = parseTimeArgument("from", values.from, true);
    if (values.to !== undefined) choice.to = parseTimeArgument("to", values.to, true);
    client = await prometheusClientFromFlags(values);
  } catch (cause) {
    if (cause instanceof UsageError) return usageError(io, "report", cause.message);
    throw cause;
  }

  try {
    let slas: SlaModel[];
    if (values.cluster) {
      const tables = await loadBurnRateTables(values.policies);
      if (!tables.ok) {
        io.stderr(formatIssues(tables.issues, "text"));
        return usageError(io, "report", `the burn-rate tables in ${values.policies ?? "policies/alerting"} are invalid (see above)`);
      }
      let api: KubeApi;
      try {
        api = deps.kubeApi ? deps.kubeApi(values.kubeconfig) : (await import("../adapters/kube/client.js")).KubeClient.load({ kubeconfig: values.kubeconfig, userAgent: "slactl-report" });
        slas = await slasFromCluster(api, values.namespace ?? [], tables.tables, io);
      } catch (cause) {
        const missing = cause instanceof KubeApiError && cause.statusCode === 404;
        io.stderr(`slactl report: cannot list ServiceLevelAgreements in the cluster: ${missing ? "the API server does not serve servicelevel.dev/v1alpha1 (is the CRD installed?)" : describeError(cause)}\n`);
        return exitCodes.invalid;
      }
    } else {
      const loaded = await slasFromFiles(positionals, values.policies, io);
      if (!loaded.ok) return loaded.exitCode;
      slas = loaded.slas;
    }
    slas.sort((a, b) => (`${a.namespace}/${a.name}` < `${b.namespace}/${b.name}` ? -1 : 1));

    // Each SLA's period (a date means midnight in its zone), grouped so each group is one batched evaluation.
    const groups = new Map<string, { selector: PeriodSelector | undefined; slas: SlaModel[] }>();
    try {
      for (const sla of slas) {
        const selector = selectorFor(sla, choice, now);
        const key = JSON.stringify(selector ?? null);
        const group = groups.get(key) ?? { selector, slas: [] };
        group.slas.push(sla);
        groups.set(key, group);
      }
    } catch (cause) {
      if (cause instanceof UsageError) return usageError(io, "report", cause.message);
      throw cause;
    }

    const results = new Map<string, SlaMeasurement>();
    const timelines = new Map<string, Record<string, TimelinePoint[]>>();
    if (slas.length > 0) {
      const longest = Math.max(...slas.map((s) => { const p = periodContaining(s.period, now); return p.end - p.start; }));
      const progress = progressReporter(io, `querying Prometheus for ${plural(slas.length, "SLA")}`, deps.progressDelayMs ?? 1000, clock);
      try {
        await client.buildInfo();
        const measured = await Promise.all([...groups.values()].map((g) => measureSlas({ client, slas: g.slas, now, period: g.selector })));
        for (const result of measured) {
          for (const warning of result.warnings) io.stderr(`slactl report: Prometheus warns: ${warning}\n`);
          for (const sla of result.slas) results.set(sla.key, sla);
        }
        // The charts: the course of each period, from the tiles.
        for (const [key, own] of await readTimelines(client, [...results.values()], timelineStepFor(longest))) timelines.set(key, own);
      } catch (cause) {
        progress.done();
        io.stderr(`slactl report: ${prometheusFailure(client.baseUrl.href.replace(/\/$/, ""), cause)}\n`);
        return exitCodes.invalid;
      } finally {
        client.close();
      }
      progress.done();
    }

    const input: ReportInput = {
      generatedAt: now,
      slas: slas.flatMap((sla) => {
        const result = results.get(`${sla.namespace}/${sla.name}`);
        if (result === undefined) return [];
        if (!result.metrics.available) io.stderr(`slactl report: ${result.key}: ${result.metrics.message}\n`);
        if (!result.evaluation) return [];
        return [{ model: sla, evaluation: result.evaluation, progress: timelines.get(result.key) ?? {} }];
      }),
    };
    if (slas.length === 0) io.stderr(`slactl report: no ServiceLevelAgreements found${values.cluster ? " in the cluster" : ""}\n`);
    const text = renderReport(input, format);
    if (values.out === undefined) io.stdout(text);
    else {
      try {
        await writeFileAtomic(values.out, text);
      } catch (cause) {
        io.stderr(`slactl report: ${cause instanceof Error ? cause.message : String(cause)}\n`);
        return exitCodes.invalid;
      }
      io.stderr(`wrote the report on ${plural(input.slas.length, "SLA")} to ${values.out}\n`);
    }
    return exitCodes.ok;
  } finally {
    client.close();
  }
}
