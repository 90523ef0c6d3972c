// slactl import: reads Sloth, Pyrra and OpenSLO files and writes one ServiceLevelAgreement per
// service, each with a comment naming its source. Every imported SLA is compiled before it is
// written, so what comes out validates and compiles; what could not be carried over exactly is a
// warning at the source's file:line, and what could not be imported at all is an error there.
import { stringify } from "yaml";
import { compile, formatPath } from "../compile/index.js";
import type { BurnRateTable } from "../api/v1alpha1/types.js";
import { importDocuments, sourceFormats, type ConvertDocument, type ImportedSla, type SourceFormat } from "../convert/index.js";
import { loadBurnRateTables } from "../adapters/fs/burn-rate-tables.js";
import { expandInputs } from "../adapters/fs/inputs.js";
import { readSource, type SourceIssue } from "../adapters/fs/yaml-documents.js";
import { writeOutputs } from "../adapters/fs/write-outputs.js";
import { parseDuration } from "../compile/duration.js";
import { formatIssues, isOutputFormat, outputFormats } from "./format-issues.js";
import { exitCodes, inputOptions, parseCommandLine, plural, usageError, type Io } from "./command-line.js";

export const importHelp = `Usage: slactl import PATH... [--from sloth|pyrra|openslo] [--out DIR] [--sloth-period 30d]

Converts Sloth specs (prometheus/v1 files and PrometheusServiceLevel resources, with AlertWindows),
Pyrra ServiceLevelObjectives (pyrra.dev/v1alpha1) and OpenSLO documents (v1 and v1alpha) into
ServiceLevelAgreements, one per service, each with a comment naming its source file. All inputs
are read together, so OpenSLO references (indicatorRef, alertPolicyRef, conditionRef,
metricSourceRef) and Sloth AlertWindows resolve across files.

Every imported SLA is validated and compiled before it is written. What cannot be carried over
exactly is a warning at the source's file:line saying what was done instead; a document that
cannot be imported is an error there, and the other documents are still imported.

Options:
  --from FORMAT         read every document as sloth, pyrra or openslo (default: detected per document)
  --out DIR             write DIR/<namespace>/<name>.yaml (default: all SLAs to stdout, separated by ---)
  --sloth-period DUR    the SLO period of Sloth specs, as Sloth's --default-slo-period (default 30d);
                        an AlertWindows document among the inputs with this sloPeriod gives the tiers
  --policies DIR        folder of burn-rate tables (default: the package's policies/alerting)
  --format FORMAT       how issues are printed on stderr: text (default), json or github
  -h, --help            show this help

Examples:
  slactl import sloth/ --out slas/
  slactl import slos.yaml windows/7d.yaml --sloth-period 7d > slas.yaml
  slactl import openslo/ --from openslo --out slas/

Exit codes:
  0  everything was imported (warnings allowed)
  1  a document could not be imported (the others were written)
  2  usage error
`;

export async function importCommand(args: readonly string[], io: Io): Promise<number> {
  const options = { ...inputOptions, from: { type: "string" }, out: { type: "string" }, "sloth-period": { type: "string" } } as const;
  const parsed = parseCommandLine("import", args, options, io);
  if (!parsed) return exitCodes.usage;
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(importHelp);
    return exitCodes.ok;
  }
  const format = values.format ?? "text";
  if (!isOutputFormat(format)) return usageError(io, "import", `unknown format ${JSON.stringify(format)}: expected one of ${outputFormats.join(", ")}`);
  const from = values.from;
  if (from !== undefined && !(sourceFormats as readonly string[]).includes(from)) {
    return usageError(io, "import", `unknown --from ${JSON.stringify(from)}: expected one of ${sourceFormats.join(", ")}`);
  }
  const slothPeriod = values["sloth-period"] ?? "30d";
  if (parseDuration(slothPeriod) === undefined) return usageError(io, "import", `--sloth-period expects a duration such as 30d, found ${JSON.stringify(slothPeriod)}`);
  if (positionals.length === 0) return usageError(io, "import", "give at least one PATH (a Sloth, Pyrra or OpenSLO file or folder)");
  const inputs = await expandInputs(positionals);
  if (inputs.missing.length > 0) return usageError(io, "import", inputs.missing.map((m) => `${m.path}: ${m.reason}`).join("; "));
  if (inputs.files.length === 0) return usageError(io, "import", `no *.yaml or *.yml files found in ${positionals.join(", ")}`);
  const tables = await loadBurnRateTables(values.policies);
  if (!tables.ok) {
    io.stderr(formatIssues(tables.issues, "text"));
    return usageError(io, "import", `the burn-rate tables in ${values.policies ?? "policies/alerting"} are invalid (see above)`);
  }

  const { documents, issues: readIssues } = await readDocuments(inputs.files);
  const result = runImport(documents, { ...(from ? { from: from as SourceFormat } : {}), slothPeriod }, tables.tables);
  const issues = [...readIssues, ...result.issues].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
  if (issues.length > 0 || format === "json") io.stderr(formatIssues(issues, format));

  const rendered = result.slas.map((s) => ({ sla: s, text: renderImported(s) }));
  if (values.out === undefined || values.out === "") {
    io.stdout(rendered.map((r) => r.text).join("---\n"));
  } else {
    try {
      await writeOutputs(values.out, rendered.map((r) => ({ path: outputPath(r.sla), content: r.text })));
    } catch (cause) {
      io.stderr(`slactl import: ${cause instanceof Error ? cause.message : String(cause)}\n`);
      return exitCodes.invalid;
    }
  }
  const errors = issues.filter((i) => i.severity === "error").length;
  const warnings = issues.length - errors;
  io.stderr(`imported ${plural(result.slas.length, "SLA")} from ${plural(inputs.files.length, "file")}${values.out ? ` into ${values.out}` : ""}` +
    `: ${plural(errors, "error")}, ${plural(warnings, "warning")}\n`);
  return errors > 0 ? exitCodes.invalid : exitCodes.ok;
}

/** Where an imported SLA is written below --out. */
export const outputPath = (imported: ImportedSla): string => `${imported.sla.metadata.namespace ?? "default"}/${imported.sla.metadata.name}.yaml`;

/** Reads files into documents to convert; YAML problems are issues of their own. */
export async function readDocuments(files: readonly string[]): Promise<{ documents: ConvertDocument[]; issues: SourceIssue[] }> {
  const documents: ConvertDocument[] = [];
  const issues: SourceIssue[] = [];
  for (const file of files) {
    const source = await readSource(file);
    issues.push(...source.issues);
    if (source.issues.length === 0 && source.documents.length === 0) {
      issues.push({ file, line: 1, column: 1, path: [], code: "empty", severity: "error", message: "file is empty: expected a Sloth, Pyrra or OpenSLO document" });
    }
    for (const document of source.documents) {
      issues.push(...document.issues);
      if (document.issues.some((i) => i.severity === "error")) continue;
      documents.push({ file, base: [], value: document.value, locate: document.locate });
    }
  }
  return { documents, issues };
}

/** Converts, then keeps only the SLAs that compile; compilation problems are located at the source. */
export function runImport(documents: readonly ConvertDocument[], options: Parameters<typeof importDocuments>[1], burnRateTables: ReadonlyMap<string, BurnRateTable>):
  { slas: ImportedSla[]; issues: SourceIssue[] } {
  const converted = importDocuments(documents, options);
  const issues = [...converted.issues];
  const slas: ImportedSla[] = [];
  for (const imported of converted.slas) {
    const compiled = compile(imported.sla, { burnRateTables });
    const found = compiled.ok ? compiled.value.warnings : compiled.issues;
    const { document, path } = imported.origin;
    const position = document.locate([...document.base, ...path]);
    for (const issue of found) {
      issues.push({
        file: document.file, ...position, path: [...document.base, ...path], code: `import-${issue.code}`, severity: issue.severity,
        message: `imported SLA ${imported.sla.metadata.name}: ${formatPath(issue.path)}: ${issue.message}`,
      });
    }
    if (compiled.ok) slas.push(imported);
  }
  return { slas, issues };
}

/** The YAML of an imported SLA, led by a comment naming its sources. */
export function renderImported(imported: ImportedSla): string {
  const sources = [...new Set(imported.sources.map((s) => `${s.file}:${s.line}`))];
  const header = `# Imported by slactl from ${imported.format} ${sources.length === 1 ? "source" : "sources"} ${sources.join(", ")}\n`;
  return header + stringify(imported.sla, { lineWidth: 0, aliasDuplicateObjects: false });
}
