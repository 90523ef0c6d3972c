// slactl compile: validates every input first and, only when all are valid, writes each SLA's
// generated files under OUT/<namespace>/. Whatever the compiler returns in `files` is written, so
// a new output of the compiler appears here without a change to the CLI.
import { join } from "node:path";
import { buildSlaDashboard, compile, compileModel, slaDashboardFileName, type CompiledSla } from "../compile/index.js";
import { buildOverviewDashboard, overviewFileName } from "../compile/overview-dashboard.js";
import { writeOutputs, type OutputFile } from "../adapters/fs/write-outputs.js";
import type { SourceIssue } from "../adapters/fs/yaml-documents.js";
import { formatIssues } from "./format-issues.js";
import { allIssues, locatedIssue, type DocumentReport } from "../adapters/fs/sla-files.js";
import { checkInputs, exitCodes, inputOptions, parseCommandLine, plural, usageError, type Io } from "./command-line.js";

/** The files of one compiled SLA, relative to the output folder: <namespace>/<name>.<suffix>. */
export function outputFiles(files: CompiledSla["files"], namespace: string, name: string): OutputFile[] {
  return Object.entries(files)
    .map(([suffix, content]) => {
      // Suffixes come from the compiler; one that could leave the namespace folder is a bug there.
      if (!/^[a-z0-9][a-z0-9.-]*$/i.test(suffix) || suffix.includes("..")) throw new Error(`the compiler returned an output with an unsafe suffix ${JSON.stringify(suffix)}`);
      return { path: `${namespace}/${name}.${suffix}`, content };
    })
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

const labelNameRe = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

export const compileHelp = `Usage: slactl compile PATH... --out DIR [--policies DIR] [--rule-label k=v ...] [--now TIME] [--format text|json|github]

Validates every ServiceLevelAgreement in PATH... (files, or folders searched recursively for
*.yaml and *.yml) and, when all are valid, writes for each one under DIR/<namespace>/
(namespace "default" when metadata.namespace is absent):

  <name>.prometheusrule.yaml  a PrometheusRule for the prometheus-operator
  <name>.rules.yaml           the same rule groups as a plain Prometheus rule file
  <name>.rules.test.yaml      promtool unit tests of the alerts (when the compiler makes them)
  <name>.dashboard.json       the SLA's own Grafana dashboard (spec.dashboard.own, folder or filters)
  <name>.alertmanager.yaml    Alertmanager mute time intervals for the maintenance windows,
                              with a route to copy into yours (SLAs with maintenance only)
  <name>.maintenance.rules.test.yaml, <name>.maintenance-test-rules.yaml
                              promtool tests that an outage inside a maintenance window pages
                              nobody, and the rules they run (with the window at test time)

and, once, DIR/servicelevel-overview.dashboard.json: the Grafana dashboard of all SLAs, from
the figures the operator exports, and DIR/servicelevel-sla.dashboard.json: the dashboard that
shows any one SLA (chosen by its namespace and sla variables); the Helm chart ships both.

If any input is invalid, the issues are printed and nothing is written. Files are written
atomically; the output is deterministic, so compiling twice in the same UTC week (or with the
same --now) gives identical bytes.

Options:
  --out DIR            output folder (required); created if missing
  --rule-label k=v     label put on every PrometheusRule, e.g. release=kube-prometheus-stack
                       so that Prometheus' ruleSelector picks them up; repeatable
  --policies DIR       folder of burn-rate tables (default: the package's policies/alerting)
  --now TIME           RFC 3339 time the maintenance schedules are expanded from (default: now).
                       The rules hold the windows of 35 days from the day before the current
                       UTC week and are valid for 28 days from its Monday: compile again weekly
  --format FORMAT      how issues are printed: text (default), json or github
  -h, --help           show this help

Examples:
  slactl compile policies/examples --out generated
  slactl compile slas/ --out manifests --rule-label release=kube-prometheus-stack

Exit codes:
  0  every SLA was compiled and written
  1  an input is invalid (nothing written), or an output could not be written
  2  usage error: unknown flag or format, no PATH or --out, a PATH that does not exist, a bad
     --rule-label, or unreadable or invalid burn-rate tables
`;

export async function compileCommand(args: readonly string[], io: Io): Promise<number> {
  const options = { ...inputOptions, out: { type: "string" }, "rule-label": { type: "string", multiple: true }, now: { type: "string" } } as const;
  const parsed = parseCommandLine("compile", args, options, io);
  if (!parsed) return exitCodes.usage;
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(compileHelp);
    return exitCodes.ok;
  }
  if (values.out === undefined || values.out === "") return usageError(io, "compile", "--out DIR is required");
  const ruleLabels: Record<string, string> = {};
  for (const label of values["rule-label"] ?? []) {
    const eq = label.indexOf("=");
    const key = label.slice(0, eq);
    if (eq <= 0 || !labelNameRe.test(key)) {
      return usageError(io, "compile", `--rule-label expects name=value with a label name matching [a-zA-Z_][a-zA-Z0-9_]*, found ${JSON.stringify(label)}`);
    }
    ruleLabels[key] = label.slice(eq + 1);
  }

  const now = values.now === undefined ? Date.now() : Date.parse(values.now);
  if (Number.isNaN(now)) return usageError(io, "compile", `--now expects an RFC 3339 time such as 2026-12-01T00:00:00Z, found ${JSON.stringify(values.now)}`);

  const checked = await checkInputs("compile", values, positionals, io);
  if (!checked.ok) return checked.exitCode;
  const { format, reports, peers, burnRateTables } = checked;
  const issues = allIssues(reports);
  const invalid = reports.filter((r) => !r.valid);
  if (invalid.length > 0) {
    io.stdout(formatIssues(issues, format));
    io.stderr(`${plural(invalid.length, "file")} invalid; nothing was written\n`);
    return exitCodes.invalid;
  }

  // Compile everything in memory first: a failure of any SLA must leave DIR untouched.
  const compiled: { document: DocumentReport; namespace: string; name: string; files: OutputFile[]; ruleCount: number }[] = [];
  const failures: SourceIssue[] = [];
  const warnings: SourceIssue[] = [];
  for (const document of reports.flatMap((r) => r.documents)) {
    const [namespace = "default", name = ""] = (document.key ?? "").split("/");
    try {
      // Validation modelled each SLA in the index already; a document that does not own its key is modelled on its own.
      const owner = document.key === undefined ? undefined : peers.owners.get(document.key);
      const modelled = owner && owner.file === document.file && owner.index === document.index && document.key !== undefined ? peers.index.model(document.key) : undefined;
      const result = modelled
        ? (modelled.ok ? { ok: true as const, value: compileModel(modelled.value, { ruleLabels, now }) } : modelled)
        : compile(document.value, { burnRateTables, peers: peers.slas, ruleLabels, now });
      if (!result.ok) {
        failures.push(...result.issues.map((i) => locatedIssue(document.file, document, i)));
        continue;
      }
      compiled.push({ document, namespace, name, files: outputFiles(result.value.files, namespace, name), ruleCount: result.value.ruleCount });
      warnings.push(...result.value.warnings.map((i) => locatedIssue(document.file, document, i)));
    } catch (cause) {
      failures.push(locatedIssue(document.file, document, { path: [], code: "internal", severity: "error",
        message: `internal error while compiling ${document.key ?? "this document"} (a bug in slactl, please report it): ${cause instanceof Error ? cause.message : String(cause)}` }));
    }
  }
  if (failures.length > 0) {
    io.stdout(formatIssues(failures, format));
    io.stderr("compilation failed; nothing was written\n");
    return exitCodes.invalid;
  }
  // compile() warns about more than validation does (e.g. alerts its tests cannot cover).
  const seen = new Set(issues.map(issueKey));
  const printed = [...issues, ...warnings.filter((w) => !seen.has(issueKey(w)))];
  if (printed.length > 0 || format === "json") io.stdout(formatIssues(printed, format));

  const shared: OutputFile[] = [
    { path: overviewFileName, content: `${JSON.stringify(buildOverviewDashboard(), null, 2)}\n` },
    { path: slaDashboardFileName, content: `${JSON.stringify(buildSlaDashboard(), null, 2)}\n` },
  ];
  let fileCount = 0;
  try {
    fileCount = (await writeOutputs(values.out, [...compiled.flatMap((sla) => sla.files), ...shared])).length;
  } catch (cause) {
    io.stderr(`slactl compile: ${cause instanceof Error ? cause.message : String(cause)}\n`);
    return exitCodes.invalid;
  }
  for (const sla of compiled) {
    const suffixes = sla.files.map((f) => f.path.slice(`${sla.namespace}/${sla.name}.`.length));
    const target = join(values.out, sla.namespace, `${sla.name}.${suffixes.length === 1 ? suffixes[0] : `{${suffixes.join(",")}}`}`);
    io.stderr(`${sla.namespace}/${sla.name}: ${plural(sla.ruleCount, "rule")} -> ${target}\n`);
  }
  io.stderr(`compiled ${plural(compiled.length, "SLA")} into ${values.out} (${plural(fileCount, "file")})\n`);
  return exitCodes.ok;
}

const issueKey = (i: SourceIssue) => `${i.file}:${i.line}:${i.column}:${i.code}:${i.message}`;
