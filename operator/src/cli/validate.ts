// slactl validate: checks ServiceLevelAgreement files the way the operator would, and prints each
// problem at its file:line:col. The pipeline it runs (adapters/fs/sla-files.ts) is also what
// compile, report and the Pulumi program read SLA files through.
import { allIssues } from "../adapters/fs/sla-files.js";
import { formatIssues } from "./format-issues.js";
import { checkInputs, exitCodes, inputOptions, parseCommandLine, summary, type Io } from "./command-line.js";

export { exitCodes, type Io } from "./command-line.js";

export const validateHelp = `Usage: slactl validate PATH... [--format text|json|github] [--policies DIR]

Checks ServiceLevelAgreement YAML without a cluster: the schema of the CRD, and what the
operator checks beyond it (PromQL syntax, {{window}} placement, credit tiers, dependency
targets, label names, burn-rate tables, time zones, cron schedules, targets written as
ratios). A misspelt field or a dependency on an SLA of no input names the closest known one.

PATH is a file or a folder; folders are searched recursively for *.yaml and *.yml (hidden
folders and node_modules are skipped). A file may hold several documents separated by ---;
every non-empty document must be a ServiceLevelAgreement. All SLAs of one invocation see each
other, so a dependency on another SLA is checked against that SLA's targets.

Options:
  --format FORMAT   text (default): file:line:col: path: message, and a summary on stderr
                    json: an array of {file, line, column, path, code, severity, message}
                    github: workflow commands that annotate the pull request (::error ...)
  --policies DIR    folder of burn-rate tables (default: the package's policies/alerting)
  -h, --help        show this help

Examples:
  slactl validate policies/examples
  slactl validate slas/ --format github
  slactl validate checkout.yaml --format json | jq '.[].message'

Exit codes:
  0  every document is valid (warnings allowed)
  1  at least one input is invalid
  2  usage error: unknown flag or format, no PATH, a PATH that does not exist, or
     unreadable or invalid burn-rate tables
`;

export async function validateCommand(args: readonly string[], io: Io): Promise<number> {
  const parsed = parseCommandLine("validate", args, inputOptions, io);
  if (!parsed) return exitCodes.usage;
  if (parsed.values.help) {
    io.stdout(validateHelp);
    return exitCodes.ok;
  }
  const checked = await checkInputs("validate", parsed.values, parsed.positionals, io);
  if (!checked.ok) return checked.exitCode;
  const issues = allIssues(checked.reports);
  if (checked.format === "json" || issues.length > 0) io.stdout(formatIssues(issues, checked.format));
  if (checked.format === "text") io.stderr(`${summary(checked.reports)}\n`);
  return checked.reports.every((r) => r.valid) ? exitCodes.ok : exitCodes.invalid;
}
