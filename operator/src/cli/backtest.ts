// slactl backtest: what an SLA would have said over a past range, before it is applied. Nothing
// new is computed here; the existing pieces run over history:
// - the SLA's recording rules, backfilled stage by stage with promtool (backfill.ts), into a
//   scratch Prometheus that reads the raw series from the user's Prometheus by remote read;
// - each alerting rule's expression, backfilled as a recording rule at its group's interval, so
//   its samples are the evaluations at which the alert's condition held (`for:` applied here);
// - the figures (attained level, budget, incidents, credit) by `slactl report` over the range,
//   against the scratch Prometheus, rendered by its renderers.
import { alertingRules, alertRuns, conditionGroups, type AlertRun } from "./backtest-alerts.js";
import { backfillStages, parseTime, runStages } from "./backfill.js";
import { reportCommand } from "./report.js";
import { compile, type RuleGroup } from "../compile/index.js";
import { formatIssues } from "./format-issues.js";
import { allIssues, locatedIssue } from "../adapters/fs/sla-files.js";
import { ScratchPrometheus, ScratchPrometheusError } from "../adapters/prometheus/scratch.js";
import { describeError } from "../adapters/kube/errors.js";
import { checkInputs, exitCodes, parseCommandLine, plural, usageError, type Io } from "./command-line.js";
import { join } from "node:path";

export const backtestHelp = `Usage: slactl backtest SLA.yaml... --prometheus URL --from TIME --to TIME [--output table|markdown|json]

A what-if on raw history before an SLA is applied: what it would have attained between --from and
--to, the error budget left and consumed, incidents, the service credit, and every page and
ticket its alerts would have sent, with times.

The SLA's own rules are evaluated over the range, as Prometheus would have evaluated them: its
recording rules are backfilled with promtool into a scratch Prometheus (started here, on this
machine, in a temporary directory) that reads the raw series from --prometheus by remote read;
each alert's expression is evaluated the same way at its group's interval (pages every 1m,
tickets every 5m) and its 'for:' applied. Alerts are reported per alert instance (a change of
tier is a new instance); Alertmanager's grouping and repeats are not applied. The budget-exhausted
alert follows the operator's status and is not replayed: see the budget figures.

Needs 'prometheus' and 'promtool' (Prometheus 2.42 or later) on the PATH, or in $PROMETHEUS and
$PROMTOOL. --prometheus must serve remote read (/api/v1/read; every Prometheus does) and must not
already hold this SLA's recorded series.

Options:
  --prometheus URL  the Prometheus that holds the raw series (required)
  --from TIME       start of the range, RFC 3339 (2026-11-01T00:00:00Z) or Unix seconds (required)
  --to TIME         end of the range, not later than now (required)
  --output FORMAT   table (default), markdown or json
  --policies DIR    folder of burn-rate tables (default: the package's policies/alerting)
  -h, --help        show this help

Progress goes to standard error, one line per stage.

Exit codes:
  0  the backtest ran (whatever the SLAs would have attained)
  1  an SLA file is invalid, Prometheus cannot be reached, or a stage failed
  2  usage error: a missing flag, a bad time or format
`;

const outputs = ["table", "markdown", "json"] as const;
type Output = (typeof outputs)[number];

export interface BacktestDeps {
  /** The clock (default Date.now). */
  readonly now?: () => number;
}

export async function backtestCommand(args: readonly string[], io: Io, deps: BacktestDeps = {}): Promise<number> {
  const options = {
    prometheus: { type: "string" }, from: { type: "string" }, to: { type: "string" }, output: { type: "string" },
    policies: { type: "string" }, help: { type: "boolean", short: "h" },
  } as const;
  const parsed = parseCommandLine("backtest", args, options, io);
  if (!parsed) return exitCodes.usage;
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(backtestHelp);
    return exitCodes.ok;
  }
  for (const flag of ["prometheus", "from", "to"] as const) {
    if (!values[flag]) return usageError(io, "backtest", `--${flag} is required`);
  }
  const output = (values.output ?? "table") as Output;
  if (!outputs.includes(output)) return usageError(io, "backtest", `--output: expected one of ${outputs.join(", ")}, found ${JSON.stringify(values.output)}`);
  const from = parseTime(values.from!);
  const to = parseTime(values.to!);
  for (const [flag, ms] of [["from", from], ["to", to]] as const) {
    if (ms === undefined) return usageError(io, "backtest", `--${flag}: expected an RFC 3339 time (2026-11-01T00:00:00Z) or Unix seconds, found ${JSON.stringify(values[flag])}`);
  }
  if (from! >= to!) return usageError(io, "backtest", "--from must be before --to");
  if (to! > (deps.now ?? Date.now)()) return usageError(io, "backtest", "--to is in the future: history ends now");
  let remote: URL;
  try {
    remote = new URL(values.prometheus!);
    if (remote.protocol !== "http:" && remote.protocol !== "https:") throw new TypeError("not http");
  } catch {
    return usageError(io, "backtest", `--prometheus: expected an http or https URL, found ${JSON.stringify(values.prometheus)}`);
  }

  const checked = await checkInputs("backtest", { policies: values.policies }, positionals, io);
  if (!checked.ok) return checked.exitCode;
  const { reports, peers, burnRateTables } = checked;
  if (reports.some((r) => !r.valid)) {
    io.stderr(formatIssues(allIssues(reports), "text"));
    return exitCodes.invalid;
  }
  const groups: RuleGroup[] = [];
  for (const document of reports.flatMap((r) => r.documents)) {
    const result = compile(document.value, { burnRateTables, peers: peers.slas });
    if (!result.ok) {
      io.stderr(formatIssues(result.issues.map((i) => locatedIssue(document.file, document, i)), "text"));
      return exitCodes.invalid;
    }
    groups.push(...result.value.groups);
  }

  const base = remote.href.replace(/\/$/, "");
  try {
    const answer = await fetch(`${base}/api/v1/status/buildinfo`, { signal: AbortSignal.timeout(10_000) });
    if (!answer.ok) throw new Error(`HTTP ${answer.status} from /api/v1/status/buildinfo`);
  } catch (cause) {
    io.stderr(`slactl backtest: cannot reach Prometheus at ${base}: ${describeError(cause)}\n`);
    return exitCodes.invalid;
  }

  // The windows of the alerts at --from reach back up to the longest one; the hourly tiles want whole hours.
  const hour = 3_600_000;
  const alerts = alertingRules(groups);
  const lookback = Math.max(hour, ...alerts.map((a) => a.longestWindowMs));
  const startMs = Math.floor((from! - lookback) / hour) * hour - hour;
  const stages = backfillStages([...groups, ...conditionGroups(alerts)]);
  io.stderr(`slactl backtest: ${plural(stages.reduce((n, s) => n + s.groups.reduce((m, g) => m + g.rules.length, 0), 0), "rule")} in ${plural(stages.length, "stage")}, ` +
    `evaluated from ${new Date(startMs).toISOString()} (the alerts' longest window before --from) to ${new Date(to!).toISOString()}\n`);

  let scratch: ScratchPrometheus;
  try {
    scratch = await ScratchPrometheus.start({ remoteUrl: base });
  } catch (cause) {
    io.stderr(`slactl backtest: ${cause instanceof ScratchPrometheusError ? cause.message : describeError(cause)}\n`);
    return exitCodes.invalid;
  }
  try {
    const ran = await runStages(stages, {
      out: join(scratch.dir, "stages"), url: scratch.url, dataDir: scratch.dataDir, startMs, endMs: to!,
      load: async () => {
        await scratch.restart();
        return true;
      },
    }, { stdout: () => undefined, stderr: (t) => io.stderr(t.replace(/^slactl: /, "slactl backtest: ")) });
    if (!ran) return exitCodes.invalid;

    const runs = await alertRuns(scratch.url, alerts, from!, to!);
    let reportOut = "";
    let reportErr = "";
    const code = await reportCommand([
      ...positionals, "--prometheus", scratch.url, "--from", new Date(from!).toISOString(), "--to", new Date(to!).toISOString(),
      "--at", new Date(to!).toISOString(), "--format", output, ...(values.policies ? ["--policies", values.policies] : []),
    ], { stdout: (t) => void (reportOut += t), stderr: (t) => void (reportErr += t) }, { progressDelayMs: 60_000 });
    if (reportErr) io.stderr(reportErr.replace(/slactl report/g, "slactl backtest"));
    if (code !== exitCodes.ok) return code;
    io.stdout(render(output, reportOut, runs, from!, to!));
    return exitCodes.ok;
  } catch (cause) {
    io.stderr(`slactl backtest: the scratch Prometheus failed: ${describeError(cause)}\n`);
    return exitCodes.invalid;
  } finally {
    await scratch.stop();
  }
}

const iso = (ms: number) => new Date(ms).toISOString().replace(".000Z", "Z");
const tierOf = (run: AlertRun) => (run.labels["long_window"] ? `${run.labels["long_window"]}/${run.labels["short_window"] ?? "?"}` : "-");
const lasted = (run: AlertRun) => {
  if (run.resolvedAt === undefined) return "still firing";
  const minutes = Math.round((run.resolvedAt - run.firedAt) / 60_000);
  return minutes < 60 ? `${minutes}m` : `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, "0")}m`;
};

/** The report, then the alerts: appended for table and markdown, side by side in JSON. */
function render(output: Output, report: string, runs: readonly AlertRun[], from: number, to: number): string {
  const rows = runs.map((r) => [`${r.sla}`, r.objective, r.kind, r.alertname, tierOf(r), iso(r.firedAt), r.resolvedAt === undefined ? "-" : iso(r.resolvedAt), lasted(r)]);
  const header = ["SLA", "OBJECTIVE", "KIND", "ALERT", "TIER", "FIRED", "RESOLVED", "LASTED"];
  const count = (kind: string) => runs.filter((r) => r.kind === kind).length;
  const summary = `${plural(count("page"), "page")}, ${plural(count("ticket"), "ticket")} and ${plural(count("no-data"), "no-data alert")} from ${iso(from)} to ${iso(to)}`;
  if (output === "json") {
    return `${JSON.stringify({
      alerts: runs.map((r) => ({ alertname: r.alertname, firedAt: iso(r.firedAt), kind: r.kind, labels: r.labels, objective: r.objective, resolvedAt: r.resolvedAt === undefined ? null : iso(r.resolvedAt), sla: r.sla })),
      from: iso(from),
      kind: "ServiceLevelBacktest",
      report: JSON.parse(report) as unknown,
      to: iso(to),
    }, null, 2)}\n`;
  }
  if (output === "markdown") {
    const line = (cells: readonly string[]) => `| ${cells.map((c) => c.replace(/\|/g, "\\|")).join(" | ")} |`;
    const table = runs.length === 0 ? "No alert would have fired.\n" : [line(header.map((h) => h[0] + h.slice(1).toLowerCase())), line(header.map(() => "---")), ...rows.map(line)].join("\n") + "\n";
    return `${report}\n## Alerts it would have sent\n\n${summary}.\n\n${table}`;
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join("  ").trimEnd();
  return `${report}\nALERTS: ${summary}\n${runs.length === 0 ? "" : [line(header), ...rows.map(line)].join("\n") + "\n"}`;
}
