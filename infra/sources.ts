// Reads what the Pulumi program deploys from this repository, with the project's own loaders and
// compiler (no second parser): the CRDs in crds/, the SLAs whose periods set Prometheus' retention,
// the example SLAs, and the operator chart's Chart.yaml. Everything is read and checked before a
// single resource is declared, so a broken SLA stops `pulumi preview` with file:line:col issues,
// exactly as `slactl validate` prints them.
import { isAbsolute, join, resolve } from "node:path";
import { compile } from "../operator/src/compile/index.js";
import type { PeriodModel } from "../operator/src/compile/model.js";
import { loadBurnRateTables, packageRoot } from "../operator/src/adapters/fs/burn-rate-tables.js";
import { expandInputs } from "../operator/src/adapters/fs/inputs.js";
import { readSource, type SourceIssue } from "../operator/src/adapters/fs/yaml-documents.js";
import { allIssues, checkFiles, locatedIssue, slaKey } from "../operator/src/adapters/fs/sla-files.js";
import { formatIssues } from "../operator/src/cli/format-issues.js";

/** The repository root (where package.json and Pulumi.yaml are); relative paths are resolved against it. */
export const repositoryRoot = (): string => packageRoot();

export const defaultPaths = {
  crds: "crds",
  examples: join("policies", "examples"),
  operatorChart: join("charts", "servicelevel-operator"),
} as const;

/** A Kubernetes object read from YAML: apiVersion, kind, metadata and the rest, as parsed. */
export type ManifestObject = Readonly<Record<string, unknown>> & {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: Readonly<Record<string, unknown>> & { readonly name: string; readonly namespace?: string };
};

/** One valid ServiceLevelAgreement. */
export interface LoadedSla {
  readonly file: string;
  /** "namespace/name" (namespace "default" when metadata.namespace is absent). */
  readonly key: string;
  readonly namespace: string;
  readonly name: string;
  /** The document as written (without status), to apply as a custom resource. */
  readonly manifest: ManifestObject;
  /** From compile(): the period, with its nominal length in seconds. */
  readonly period: PeriodModel;
}

export interface LocalChart {
  /** Absolute path of the chart folder. */
  readonly dir: string;
  readonly name: string;
  readonly version: string;
  readonly appVersion: string | undefined;
  /** The chart's values.yaml. */
  readonly defaultValues: Readonly<Record<string, unknown>>;
}

export interface ServiceLevelSources {
  /** CustomResourceDefinitions, in file order. */
  readonly crds: readonly ManifestObject[];
  /** The SLAs Prometheus must keep history for (slaPaths): they set the retention, they are not applied. */
  readonly slas: readonly LoadedSla[];
  /** Example SLAs to apply (empty unless asked for); they count for the retention too. */
  readonly examples: readonly LoadedSla[];
  /** The operator chart when it is a local folder; undefined for a chart from a repository. */
  readonly operatorChart: LocalChart | undefined;
}

export interface LoadOptions {
  /** Base of the relative paths given here; default the repository root. The defaults are always this repository's. */
  readonly root?: string;
  /** Files or folders of SLAs whose periods set the retention; default [policies/examples]. */
  readonly slaPaths?: readonly string[];
  /** Also load policies/examples to be applied. */
  readonly installExamples?: boolean;
  /** Folder of CRDs; default crds/. */
  readonly crdDir?: string;
  /** Burn-rate tables; default the package's policies/alerting. */
  readonly policiesDir?: string;
  /** The operator chart's folder (default charts/servicelevel-operator); null for a chart from a repository. */
  readonly operatorChartDir?: string | null;
  /** When set with a local chart, it must equal the chart's Chart.yaml version. */
  readonly operatorChartVersion?: string;
}

/** Thrown when an input cannot be used; the message lists every problem, one per line. */
export class SourceError extends Error {
  constructor(message: string, readonly issues: readonly SourceIssue[] = []) {
    super(issues.length === 0 ? message : `${message}\n${formatIssues(issues, "text").trimEnd()}`);
    this.name = "SourceError";
  }
}

/** Loads and checks everything the program needs from disk; throws a SourceError listing all problems. */
export async function loadServiceLevelSources(options: LoadOptions = {}): Promise<ServiceLevelSources> {
  // Paths given by the caller are relative to `root`; the defaults are this repository's own files.
  const root = options.root ?? repositoryRoot();
  const at = (path: string) => (isAbsolute(path) ? path : resolve(root, path));
  const own = (path: string) => resolve(repositoryRoot(), path);
  const tables = await loadBurnRateTables(options.policiesDir === undefined ? undefined : at(options.policiesDir));
  if (!tables.ok) throw new SourceError("the burn-rate tables are invalid:", tables.issues);

  const slaPaths = options.slaPaths ? options.slaPaths.map(at) : [own(defaultPaths.examples)];
  const examplesDir = own(defaultPaths.examples);
  const [crds, slas, examples, operatorChart] = await Promise.all([
    loadCrds(options.crdDir === undefined ? own(defaultPaths.crds) : at(options.crdDir)),
    loadSlas(slaPaths, tables.tables),
    options.installExamples ? loadSlas([examplesDir], tables.tables) : Promise.resolve([]),
    options.operatorChartDir === null ? Promise.resolve(undefined) : loadOperatorChart(options.operatorChartDir === undefined ? own(defaultPaths.operatorChart) : at(options.operatorChartDir), options.operatorChartVersion),
  ]);
  return { crds, slas, examples, operatorChart };
}

/** Reads SLAs the way `slactl validate` does (peers see each other), and compiles each one. */
export async function loadSlas(paths: readonly string[], burnRateTables: Parameters<typeof checkFiles>[1]): Promise<LoadedSla[]> {
  const inputs = await expandInputs(paths);
  if (inputs.missing.length > 0) {
    throw new SourceError(`cannot read the SLAs: ${inputs.missing.map((m) => `${m.path}: ${m.reason}`).join("; ")}`);
  }
  const { reports, peers } = await checkFiles(inputs.files, burnRateTables);
  const errors = allIssues(reports).filter((i) => i.severity === "error");
  if (errors.length > 0) throw new SourceError(`${errors.length} problem(s) in the SLAs of ${paths.join(", ")}:`, errors);
  const slas: LoadedSla[] = [];
  const failures: SourceIssue[] = [];
  for (const document of reports.flatMap((r) => r.documents)) {
    const result = compile(document.value, { burnRateTables, peers: peers.slas });
    if (!result.ok) {
      failures.push(...result.issues.filter((i) => i.severity === "error").map((i) => locatedIssue(document.file, document, i)));
      continue;
    }
    const key = slaKey(document.value) ?? `${result.value.model.namespace}/${result.value.model.name}`;
    const { status: _status, ...manifest } = document.value as ManifestObject & { status?: unknown };
    slas.push({ file: document.file, key, namespace: result.value.model.namespace, name: result.value.model.name, manifest: manifest as ManifestObject, period: result.value.model.period });
  }
  if (failures.length > 0) throw new SourceError(`${failures.length} SLA(s) do not compile:`, failures);
  return slas;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** The CustomResourceDefinitions of a folder (every YAML document must be one). */
export async function loadCrds(dir: string): Promise<ManifestObject[]> {
  const inputs = await expandInputs([dir]);
  if (inputs.missing.length > 0) throw new SourceError(`cannot read the CRDs: ${inputs.missing.map((m) => `${m.path}: ${m.reason}`).join("; ")}`);
  if (inputs.files.length === 0) throw new SourceError(`no CRD files (*.yaml) in ${dir}`);
  const crds: ManifestObject[] = [];
  const issues: SourceIssue[] = [];
  for (const file of inputs.files) {
    const source = await readSource(file);
    issues.push(...source.issues.filter((i) => i.severity === "error"));
    for (const document of source.documents) {
      const errors = document.issues.filter((i) => i.severity === "error");
      issues.push(...errors);
      if (errors.length > 0) continue;
      const value = document.value;
      if (!isObject(value) || value["kind"] !== "CustomResourceDefinition" || value["apiVersion"] !== "apiextensions.k8s.io/v1"
        || !isObject(value["metadata"]) || typeof value["metadata"]["name"] !== "string") {
        issues.push({ file, ...document.locate(["kind"]), path: ["kind"], code: "crd", severity: "error", message: "expected an apiextensions.k8s.io/v1 CustomResourceDefinition with metadata.name" });
        continue;
      }
      crds.push(value as ManifestObject);
    }
  }
  if (issues.length > 0) throw new SourceError(`the CRDs in ${dir} cannot be used:`, issues);
  return crds;
}

/** Chart.yaml of a local chart folder, checked against the expected version when one is given. */
export async function loadOperatorChart(dir: string, expectedVersion: string | undefined): Promise<LocalChart> {
  const file = join(dir, "Chart.yaml");
  const source = await readSource(file);
  const problems = [...source.issues, ...source.documents.flatMap((d) => d.issues)].filter((i) => i.severity === "error");
  if (problems.length > 0) throw new SourceError(`the operator chart ${dir} cannot be read:`, problems);
  const value = source.documents[0]?.value;
  if (!isObject(value) || typeof value["name"] !== "string" || typeof value["version"] !== "string") {
    throw new SourceError(`${file}: expected a Chart.yaml with name and version`);
  }
  const version = value["version"];
  if (expectedVersion !== undefined && expectedVersion !== version) {
    throw new SourceError(`operatorChartVersion is ${expectedVersion}, but the local chart ${dir} is version ${version}: ` +
      "a local chart is deployed as it is on disk; check out that version or drop operatorChartVersion");
  }
  const appVersion = value["appVersion"];
  const valuesSource = await readSource(join(dir, "values.yaml"));
  const valuesProblems = [...valuesSource.issues, ...valuesSource.documents.flatMap((d) => d.issues)].filter((i) => i.severity === "error");
  if (valuesProblems.length > 0) throw new SourceError(`the operator chart's values.yaml cannot be read:`, valuesProblems);
  const defaultValues = valuesSource.documents[0]?.value ?? {};
  if (!isObject(defaultValues)) throw new SourceError(`${join(dir, "values.yaml")}: expected a map of values`);
  return {
    dir, name: value["name"], version, defaultValues,
    appVersion: typeof appVersion === "string" || typeof appVersion === "number" ? String(appVersion) : undefined,
  };
}
