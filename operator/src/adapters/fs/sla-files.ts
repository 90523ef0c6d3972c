// The checking pipeline of SLA files: parsed files in, located issues and the valid SLAs out,
// every document turned into a model by the one path (SlaIndex / buildModel) with the SLAs of the
// same invocation as its peers. slactl validate, compile and report and the Pulumi program read
// SLA files through it. Never throws.
import { buildModel, formatPath, SlaIndex, type Issue } from "../../compile/index.js";
import { apiVersion as slaApiVersion, kind as slaKind } from "../../api/v1alpha1/constants.js";
import type { BurnRateTable, ServiceLevelAgreement } from "../../api/v1alpha1/types.js";
import { mapConcurrent } from "../map-concurrent.js";
import { parseSource, readSource, type Position, type SourceDocument, type SourceFile, type SourceIssue } from "./yaml-documents.js";

/** The SLA a document claims to be, by "namespace/name" (namespace default "default"). */
export interface DocumentOwner {
  readonly file: string;
  readonly index: number;
  readonly position: Position;
}

export interface Peers {
  /** Schema-valid SLAs of the whole invocation, for dependency checks. */
  readonly slas: ReadonlyMap<string, ServiceLevelAgreement>;
  /** The SLAs of the invocation, each keyed by its first document: where their models come from. */
  readonly index: SlaIndex;
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

/** Whether any of the issues is an error. */
export const hasError = (issues: readonly SourceIssue[]): boolean => issues.some((i) => i.severity === "error");
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** "namespace/name" of a document that looks like an SLA, else undefined. */
export function slaKey(value: unknown): string | undefined {
  if (!isObject(value) || value["kind"] !== slaKind || !isObject(value["metadata"])) return undefined;
  const { name, namespace } = value["metadata"];
  if (typeof name !== "string") return undefined;
  return `${typeof namespace === "string" && namespace !== "" ? namespace : "default"}/${name}`;
}

/** The SLAs of all inputs, for the dependency check, and who claimed each name first. */
export function collectPeers(sources: readonly SourceFile[], burnRateTables: ReadonlyMap<string, BurnRateTable>): Peers {
  const index = new SlaIndex({ burnRateTables });
  const owners = new Map<string, DocumentOwner>();
  for (const source of sources) {
    for (const document of source.documents) {
      try {
        if (hasError(document.issues)) continue;
        const key = slaKey(document.value);
        if (key === undefined || owners.has(key)) continue;
        owners.set(key, { file: source.file, index: document.index, position: document.locate(["metadata", "name"]) });
        index.upsert(key, document.value, "file");
      } catch {
        // checkSource reports the same document; a peer that cannot be read is simply not a peer.
      }
    }
  }
  return { slas: index.peers, index, owners };
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
  return checkSource(source, { burnRateTables, peers: collectPeers([source], burnRateTables) });
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
  // The document that owns its key is the index's entry; any other (a duplicate, or no name) is modelled on its own.
  const own = key !== undefined && owner !== undefined && owner.file === file && owner.index === document.index;
  const result = (own ? context.peers.index.model(key) : undefined) ?? buildModel(value, { burnRateTables: context.burnRateTables, peers: context.peers.slas });
  const found = result.ok ? result.value.warnings : result.issues;
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
const readsInFlight = 16;

export async function checkFiles(files: readonly string[], burnRateTables: ReadonlyMap<string, BurnRateTable>): Promise<{ reports: FileReport[]; peers: Peers }> {
  // Read several at a time: each file is a few system calls on the thread pool, and one after
  // another a fleet's files waited on each in turn (500 files: 1.75 s, most of it idle).
  const sources = await mapConcurrent(files, readsInFlight, async (file): Promise<SourceFile> => {
    try {
      return await readSource(file);
    } catch (cause) {
      return { file, issues: [internalFailure(file, cause).issues[0]!], documents: [] };
    }
  });
  const peers = collectPeers(sources, burnRateTables);
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
