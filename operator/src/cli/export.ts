// slactl export --to openslo: validates ServiceLevelAgreements as compile does and writes each one
// as OpenSLO v1 documents (Service, SLOs, AlertPolicies with their conditions and targets). What
// OpenSLO cannot express is a warning at the SLA's file:line.
import { stringify } from "yaml";
import { compile } from "../compile/index.js";
import { exportOpenSlo } from "../convert/index.js";
import { writeOutputs, type OutputFile } from "../adapters/fs/write-outputs.js";
import type { SourceIssue } from "../adapters/fs/yaml-documents.js";
import { formatIssues } from "./format-issues.js";
import { allIssues, locatedIssue } from "../adapters/fs/sla-files.js";
import { checkInputs, exitCodes, inputOptions, parseCommandLine, plural, usageError, type Io } from "./command-line.js";

export const exportHelp = `Usage: slactl export --to openslo PATH... [--out DIR] [--policies DIR] [--format text|json|github]

Writes ServiceLevelAgreements as OpenSLO v1 documents: a Service per SLA, an SLO per objective
(named <service>-<objective>, its SLI inline, budgetingMethod Occurrences) and, per burn-rate tier,
an AlertPolicy with its AlertCondition (threshold = the tier's factor, lookbackWindow = its long
window) and AlertNotificationTarget. Queries keep {{window}} where the range goes. What OpenSLO
cannot express (maintenance, credits, dependencies, short windows, alert labels) is a warning.
'slactl import' reads the output back into equivalent SLAs.

Options:
  --to FORMAT       the output format: openslo (required)
  --out DIR         write DIR/<namespace>/<name>.openslo.yaml (default: stdout, separated by ---)
  --policies DIR    folder of burn-rate tables (default: the package's policies/alerting)
  --format FORMAT   how issues are printed on stderr: text (default), json or github
  -h, --help        show this help

Examples:
  slactl export --to openslo policies/examples --out openslo/
  slactl export --to openslo checkout.yaml > checkout.openslo.yaml

Exit codes:
  0  every SLA was exported (warnings allowed)
  1  an input is invalid (nothing written)
  2  usage error
`;

export async function exportCommand(args: readonly string[], io: Io): Promise<number> {
  const options = { ...inputOptions, to: { type: "string" }, out: { type: "string" } } as const;
  const parsed = parseCommandLine("export", args, options, io);
  if (!parsed) return exitCodes.usage;
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(exportHelp);
    return exitCodes.ok;
  }
  if (values.to !== "openslo") return usageError(io, "export", values.to === undefined ? "--to openslo is required" : `unknown --to ${JSON.stringify(values.to)}: expected openslo`);
  const checked = await checkInputs("export", values, positionals, io);
  if (!checked.ok) return checked.exitCode;
  const { format, reports, peers, burnRateTables } = checked;
  const issues: SourceIssue[] = allIssues(reports);
  if (reports.some((r) => !r.valid)) {
    io.stderr(formatIssues(issues, format));
    io.stderr(`${plural(reports.filter((r) => !r.valid).length, "file")} invalid; nothing was written\n`);
    return exitCodes.invalid;
  }
  const outputs: OutputFile[] = [];
  for (const document of reports.flatMap((r) => r.documents)) {
    const compiled = compile(document.value, { burnRateTables, peers: peers.slas });
    if (!compiled.ok) {
      issues.push(...compiled.issues.map((i) => locatedIssue(document.file, document, i)));
      continue;
    }
    const exported = exportOpenSlo(compiled.value);
    issues.push(...exported.warnings.map((i) => locatedIssue(document.file, document, i)));
    const { name, namespace = "default" } = compiled.value.sla.metadata;
    const header = `# Exported by slactl from ServiceLevelAgreement ${namespace}/${name} (${document.file})\n`;
    outputs.push({ path: `${namespace}/${name}.openslo.yaml`, content: header + exported.documents.map((d) => stringify(d, { lineWidth: 0 })).join("---\n") });
  }
  if (issues.length > 0 || format === "json") io.stderr(formatIssues(issues, format));
  if (issues.some((i) => i.severity === "error")) {
    io.stderr("export failed; nothing was written\n");
    return exitCodes.invalid;
  }
  if (values.out === undefined || values.out === "") {
    io.stdout(outputs.map((o) => o.content).join("---\n"));
  } else {
    try {
      await writeOutputs(values.out, outputs);
    } catch (cause) {
      io.stderr(`slactl export: ${cause instanceof Error ? cause.message : String(cause)}\n`);
      return exitCodes.invalid;
    }
  }
  io.stderr(`exported ${plural(outputs.length, "SLA")} as OpenSLO v1${values.out ? ` into ${values.out}` : ""}\n`);
  return exitCodes.ok;
}
