// slactl validate: checks ServiceLevelAgreement files the way the operator would, and prints each
// problem at its file:line:col. The checking pipeline here (checkSource, collectPeers) is also what
// `slactl compile` runs before it writes anything.
import { parseArgs, type ParseArgsConfig } from "node:util";
import { formatPath, validateDocument, type Issue } from "../compile/index.js";
import { checkSchema } from "../compile/schema-check.js";
import { apiVersion as slaApiVersion, kind as slaKind } from "../api/v1alpha1/schema.js";
import type { BurnRateTable, ServiceLevelAgreement } from "../api/v1alpha1/types.js";
import { loadBurnRateTables } from "../adapters/fs/burn-rate-tables.js";
import { expandInputs } from "../adapters/fs/inputs.js";
import { parseSource, readSource, type Position, type SourceDocument, type SourceFile, type SourceIssue } from "../adapters/fs/yaml-documents.js";
import { formatIssues, isOutputFormat, outputFormats, type OutputFormat } from "./format-issues.js";

/** Where a command writes; the process streams in production, strings in tests. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
}

export const exitCodes = { ok: 0, invalid: 1, usage: 2 } as const;

// ---------------------------------------------------------------------------------------------
// The checking pipeline: parsed files in, located issues and the valid SLAs out. Never throws.

/** The SLA a document claims to be, by "namespace/name" (namespace default "default"). */
export interface DocumentOwner {
  readonly file: string;
  readonly index: number;
  readonly position: Position;
}

export interface Peers {
  /** Schema-valid SLAs of the whole invocation, for dependency checks. */
  readonly slas: ReadonlyMap<string, ServiceLevelAgreement>;
  /** The first document that claimed each key; any later one is a duplicate. */
  readonly owners: ReadonlyMap<string, DocumentOwner>;
}

export interface CheckContext {
  readonly burnRateTables: ReadonlyMap<string, BurnRateTable>;
  readonly peers: Peers;
}

export interface DocumentReport {
  readonly file: string;
  readonly index: number;
  /** The parsed document, to compile when it is valid. */
  readonly value: unknown;
  /** "namespace/name" when the document is an SLA with a name. */
  readonly key: string | undefined;
  readonly issues: readonly SourceIssue[];
  readonly valid: boolean;
  /** Where a path into the document is, for issues found later (by compile). */
  readonly locate: SourceDocument["locate"];
}

export interface FileReport {
  readonly file: string;
  /** Problems of the file as a whole (unreadable, empty, ...). */
  readonly issues: readonly SourceIssue[];
  readonly documents: readonly DocumentReport[];
  readonly valid: boolean;
}

const hasError = (issues: readonly SourceIssue[]) => issues.some((i) => i.severity === "error");
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** "namespace/name" of a document that looks like an SLA, else undefined. */
export function slaKey(value: unknown): string | undefined {
  if (!isObject(value) || value["kind"] !== slaKind || !isObject(value["metadata"])) return undefined;
  const { name, namespace } = value["metadata"];
  if (typeof name !== "string") return undefined;
  return `${typeof namespace === "string" && namespace !== "" ? namespace : "default"}/${name}`;
}

/** The SLAs of all inputs, for the dependency check, and who claimed each name first. */
export function collectPeers(sources: readonly SourceFile[]): Peers {
  const slas = new Map<string, ServiceLevelAgreement>();
  const owners = new Map<string, DocumentOwner>();
  for (const source of sources) {
    for (const document of source.documents) {
      try {
        if (hasError(document.issues)) continue;
        const key = slaKey(document.value);
        if (key === undefined || owners.has(key)) continue;
        owners.set(key, { file: source.file, index: document.index, position: document.locate(["metadata", "name"]) });
        const schema = checkSchema(document.value);
        if (schema.ok) slas.set(key, schema.value);
      } catch {
        // checkSource reports the same document; a peer that cannot be read is simply not a peer.
      }
    }
  }
  return { slas, owners };
}

/** Checks every document of one parsed file; what both validate and compile run per file. */
export function checkSource(source: SourceFile, context: CheckContext): FileReport {
  const fileIssues = [...source.issues];
  const documents: DocumentReport[] = [];
  if (source.issues.length === 0 && source.documents.length === 0) {
    fileIssues.push({ file: source.file, line: 1, column: 1, path: [], code: "empty", severity: "error", message: "file is empty: expected a ServiceLevelAgreement" });
  }
  for (const document of source.documents) {
    let issues: SourceIssue[];
    let key: string | undefined;
    try {
      key = slaKey(document.value);
      issues = checkDocument(source.file, document, key, context);
    } catch (cause) {
      key = undefined;
      issues = [locatedIssue(source.file, document, { path: [], code: "internal", severity: "error", message: internalMessage(cause) })];
    }
    issues.sort((a, b) => a.line - b.line || a.column - b.column);
    documents.push({ file: source.file, index: document.index, value: document.value, key, issues, valid: !hasError(issues), locate: document.locate });
  }
  return { file: source.file, issues: fileIssues, documents, valid: !hasError(fileIssues) && documents.every((d) => d.valid) };
}

/** Parses and checks a text on its own, its peers being its own documents: for tests and tools. */
export function checkText(file: string, text: string, burnRateTables: ReadonlyMap<string, BurnRateTable>): FileReport {
  let source: SourceFile;
  try {
    source = parseSource(file, text);
  } catch (cause) {
    return internalFailure(file, cause);
  }
  return checkSource(source, { burnRateTables, peers: collectPeers([source]) });
}

function checkDocument(file: string, document: SourceDocument, key: string | undefined, context: CheckContext): SourceIssue[] {
  const issues = [...document.issues];
  if (hasError(issues)) return issues;
  const at = (issue: Omit<Issue, "code"> & { code: string }) => locatedIssue(file, document, issue);
  const value = document.value;
  if (!isObject(value)) {
    return [...issues, at({ path: [], code: "not-an-object", severity: "error", message: `expected a ServiceLevelAgreement (a YAML map), found ${describe(value)}` })];
  }
  if (value["kind"] !== slaKind) {
    return [...issues, at({ path: ["kind"], code: "kind", severity: "error", message: `expected kind ${slaKind}, found ${describe(value["kind"])}` })];
  }
  if (value["apiVersion"] !== slaApiVersion) {
    issues.push(at({ path: ["apiVersion"], code: "api-version", severity: "error", message: `expected apiVersion ${slaApiVersion}, found ${describe(value["apiVersion"])}` }));
  }
  const owner = key === undefined ? undefined : context.peers.owners.get(key);
  if (owner && (owner.file !== file || owner.index !== document.index)) {
    issues.push(at({ path: ["metadata", "name"], code: "duplicate-sla", severity: "error",
      message: `${slaKind} ${key} is already defined at ${owner.file}:${owner.position.line}:${owner.position.column}` }));
  }
  const result = validateDocument(value, { burnRateTables: context.burnRateTables, peers: context.peers.slas });
  const found = result.ok ? result.warnings : result.issues;
  // kind and apiVersion were reported above in plainer words.
  issues.push(...found.filter((i) => !(i.path.length === 1 && (i.path[0] === "kind" || i.path[0] === "apiVersion"))).map(at));
  if (!result.ok && !hasError(issues)) {
    issues.push(at({ path: [], code: "schema", severity: "error", message: `the document is not a valid ${slaKind}` }));
  }
  return issues;
}

export function locatedIssue(file: string, document: Pick<SourceDocument, "locate">, issue: Omit<Issue, "code"> & { code: string }): SourceIssue {
  let position: Position;
  try {
    position = document.locate(issue.path);
  } catch {
    position = { line: 1, column: 1 };
  }
  return { file, ...position, path: issue.path, code: issue.code, severity: issue.severity, message: issue.message || `${formatPath(issue.path)} is invalid` };
}

export function internalFailure(file: string, cause: unknown): FileReport {
  const issue: SourceIssue = { file, line: 1, column: 1, path: [], code: "internal", severity: "error", message: internalMessage(cause) };
  return { file, issues: [issue], documents: [], valid: false };
}

const internalMessage = (cause: unknown) =>
  `internal error while checking this document (a bug in slactl, please report it): ${cause instanceof Error ? cause.message : String(cause)}`;

function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === "object") return "a map";
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}..."` : text;
}

/** Reads, parses and checks files; each file's failure stays that file's issue. */
export async function checkFiles(files: readonly string[], burnRateTables: ReadonlyMap<string, BurnRateTable>): Promise<{ reports: FileReport[]; peers: Peers }> {
  const sources: SourceFile[] = [];
  for (const file of files) {
    try {
      sources.push(await readSource(file));
    } catch (cause) {
      sources.push({ file, issues: [internalFailure(file, cause).issues[0]!], documents: [] });
    }
  }
  const peers = collectPeers(sources);
  const reports = sources.map((source) => {
    try {
      return checkSource(source, { burnRateTables, peers });
    } catch (cause) {
      return internalFailure(source.file, cause);
    }
  });
  return { reports, peers };
}

export const allIssues = (reports: readonly FileReport[]): SourceIssue[] => reports.flatMap((r) => [...r.issues, ...r.documents.flatMap((d) => d.issues)]);

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

// ---------------------------------------------------------------------------------------------
// Command-line plumbing shared by the commands.

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

// ---------------------------------------------------------------------------------------------
// The command.

export const validateHelp = `Usage: slactl validate PATH... [--format text|json|github] [--policies DIR]

Checks ServiceLevelAgreement YAML without a cluster: the schema of the CRD, and what the
operator checks beyond it (PromQL syntax, {{window}} placement, credit tiers, dependency
targets, label names, burn-rate tables, time zones, cron schedules).

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
