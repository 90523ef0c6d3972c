// Command-line plumbing the slactl commands share: where they write, their exit codes, the flags
// every input-reading command takes, usage errors, and the front half of validate and compile
// (flags checked, tables loaded, files checked).
import { parseArgs, type ParseArgsConfig } from "node:util";
import type { BurnRateTable } from "../api/v1alpha1/types.js";
import { loadBurnRateTables } from "../adapters/fs/burn-rate-tables.js";
import { expandInputs } from "../adapters/fs/inputs.js";
import { allIssues, checkFiles, hasError, type FileReport, type Peers } from "../adapters/fs/sla-files.js";
import { formatIssues, isOutputFormat, outputFormats, type OutputFormat } from "./format-issues.js";

/** Where a command writes; the process streams in production, strings in tests. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
}

export const exitCodes = { ok: 0, invalid: 1, usage: 2 } as const;

/** "3 files, 5 SLAs: 2 invalid, 1 warning". */
export function summary(reports: readonly FileReport[]): string {
  const documents = reports.flatMap((r) => r.documents);
  // A file that failed as a whole (empty, unreadable) counts as one invalid input.
  const invalid = documents.filter((d) => !d.valid).length + reports.filter((r) => hasError(r.issues) && r.documents.every((d) => d.valid)).length;
  const warnings = allIssues(reports).filter((i) => i.severity === "warning").length;
  const parts = [invalid === 0 ? "all valid" : `${invalid} invalid`];
  if (warnings > 0) parts.push(plural(warnings, "warning"));
  return `${plural(reports.length, "file")}, ${plural(documents.length, "SLA")}: ${parts.join(", ")}`;
}

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** Options every input-reading command takes. */
export const inputOptions = {
  format: { type: "string", default: "text" },
  policies: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const satisfies ParseArgsConfig["options"];

/** parseArgs that reports a usage error instead of throwing. */
export function parseCommandLine<T extends NonNullable<ParseArgsConfig["options"]>>(command: string, args: readonly string[], options: T, io: Io):
  | ReturnType<typeof parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true }>>
  | undefined {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (cause) {
    const message = cause instanceof Error ? cause.message.split(/\.\s/)[0]!.replace(/\.$/, "") : String(cause);
    usageError(io, command, message);
    return undefined;
  }
}

export function usageError(io: Io, command: string, message: string): typeof exitCodes.usage {
  io.stderr(`slactl ${command}: ${message}\nRun 'slactl ${command} --help' for usage.\n`);
  return exitCodes.usage;
}

/** The common front half of validate and compile: flags checked, tables loaded, files checked. */
export async function checkInputs(command: string, values: { format?: string | undefined; policies?: string | undefined }, positionals: readonly string[], io: Io):
  Promise<{ ok: true; format: OutputFormat; reports: FileReport[]; peers: Peers; burnRateTables: ReadonlyMap<string, BurnRateTable> } | { ok: false; exitCode: number }> {
  const format = values.format ?? "text";
  if (!isOutputFormat(format)) return { ok: false, exitCode: usageError(io, command, `unknown format ${JSON.stringify(format)}: expected one of ${outputFormats.join(", ")}`) };
  if (positionals.length === 0) return { ok: false, exitCode: usageError(io, command, "give at least one PATH (a file or folder of SLA YAML)") };
  const inputs = await expandInputs(positionals);
  if (inputs.missing.length > 0) {
    return { ok: false, exitCode: usageError(io, command, inputs.missing.map((m) => `${m.path}: ${m.reason}`).join("; ")) };
  }
  if (inputs.files.length === 0) {
    return { ok: false, exitCode: usageError(io, command, `no *.yaml or *.yml files found in ${positionals.join(", ")}`) };
  }
  const tables = await loadBurnRateTables(values.policies);
  if (!tables.ok) {
    io.stderr(formatIssues(tables.issues, format === "json" ? "text" : format));
    return { ok: false, exitCode: usageError(io, command, `the burn-rate tables in ${values.policies ?? "policies/alerting"} are invalid (see above)`) };
  }
  const { reports, peers } = await checkFiles(inputs.files, tables.tables);
  return { ok: true, format, reports, peers, burnRateTables: tables.tables };
}
