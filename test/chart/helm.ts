// Runs the real `helm` against charts/servicelevel-operator for the chart tests.
//
// helm comes from $HELM, else from the cache that scripts/build-helm.sh fills from the Go module
// proxy (the script is the one place that pins the version and knows the path). When it is missing
// it is built here first, so the tests fail rather than skip when it can be neither found nor built.
// Every helm run gets private config/cache/data folders, so no user's repositories or plugins leak in.
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";
import { REPO_ROOT } from "../controlplane/binaries.js";
import { cachedToolStatus, ensureCachedTool, type CachedTool } from "../support/cached-tool.js";

export const CHART_DIR = join(REPO_ROOT, "charts", "servicelevel-operator");
export const BUILD_HELM_SCRIPT = join(REPO_ROOT, "scripts", "build-helm.sh");

export interface HelmResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A rendered Kubernetes object; only the fields the tests read are typed. */
export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  [field: string]: unknown;
}

const helmTool: CachedTool = { script: "build-helm.sh", printEnv: "SLO_HELM_PRINT_PATH" };

/** The path build-helm.sh reports, and whether a binary is there. */
export function helmStatus(): { path: string; ready: boolean } {
  const { dir, ready } = cachedToolStatus(helmTool);
  return { path: dir, ready };
}

/** The helm binary, built by scripts/build-helm.sh when missing (minutes on a cold Go cache). */
export async function ensureHelm(): Promise<string> {
  if (process.env["HELM"] && !helmStatus().ready) throw new Error(`HELM=${process.env["HELM"]} is not an executable file`);
  return ensureCachedTool(helmTool);
}

/**
 * Private HELM_*_HOME folders. `helm template` and `helm lint` write nothing there, so one fixed
 * folder serves every run (a temp folder per test process would outlive workers that are killed).
 */
function helmEnv(): NodeJS.ProcessEnv {
  const homes = join(tmpdir(), "servicelevel-operator-helm-home");
  mkdirSync(homes, { recursive: true });
  return {
    ...process.env,
    HELM_CONFIG_HOME: join(homes, "config"),
    HELM_CACHE_HOME: join(homes, "cache"),
    HELM_DATA_HOME: join(homes, "data"),
    // `helm template` never talks to a cluster; make sure no KUBECONFIG of the machine is read.
    KUBECONFIG: join(homes, "no-kubeconfig"),
  };
}

/** Runs helm with the given arguments. */
export async function helm(args: string[]): Promise<HelmResult> {
  const bin = await ensureHelm();
  return new Promise((resolve, reject) => {
    execFile(bin, args, { env: helmEnv(), maxBuffer: 32 * 1024 * 1024, timeout: 60_000 }, (error, stdout, stderr) => {
      if (error && typeof error.code !== "number") {
        reject(error);
        return;
      }
      resolve({ code: typeof error?.code === "number" ? error.code : 0, stdout, stderr });
    });
  });
}

/**
 * Writes values to a temp file and returns helm's `-f FILE` arguments (none for no values). The file
 * is JSON, which helm reads as YAML without YAML 1.1's surprises (`yes` is a boolean there).
 */
function valuesArgs(values: Record<string, unknown> | undefined): { args: string[]; cleanup: () => void } {
  if (!values || Object.keys(values).length === 0) return { args: [], cleanup: () => undefined };
  const dir = mkdtempSync(join(tmpdir(), "slo-chart-values-"));
  const file = join(dir, "values.json");
  writeFileSync(file, JSON.stringify(values));
  return { args: ["-f", file], cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface RenderOptions {
  release?: string;
  namespace?: string;
  /** Also print the chart's crds/ (helm template --include-crds). */
  includeCrds?: boolean;
}

/** `helm template`: resolves to the result, whatever the exit code. */
export async function template(values?: Record<string, unknown>, opts: RenderOptions = {}): Promise<HelmResult> {
  const v = valuesArgs(values);
  try {
    return await helm([
      "template", opts.release ?? "slo", CHART_DIR,
      "--namespace", opts.namespace ?? "slo-system",
      ...(opts.includeCrds ? ["--include-crds"] : []),
      ...v.args,
    ]);
  } finally {
    v.cleanup();
  }
}

/** `helm lint --strict`: resolves to the result, whatever the exit code. */
export async function lint(values?: Record<string, unknown>): Promise<HelmResult> {
  const v = valuesArgs(values);
  try {
    return await helm(["lint", "--strict", CHART_DIR, ...v.args]);
  } finally {
    v.cleanup();
  }
}

/** Parses a multi-document YAML stream into objects, failing on any YAML error. */
export function parseManifests(text: string): K8sObject[] {
  const objects: K8sObject[] = [];
  for (const doc of parseAllDocuments(text)) {
    if (doc.errors.length > 0) throw new Error(`invalid YAML from helm: ${doc.errors.map((e) => e.message).join("; ")}`);
    const value = doc.toJS() as unknown;
    if (value === null || value === undefined) continue;
    objects.push(value as K8sObject);
  }
  return objects;
}

/** Renders the chart and returns its objects; throws with helm's message when rendering fails. */
export async function render(values?: Record<string, unknown>, opts: RenderOptions = {}): Promise<K8sObject[]> {
  const r = await template(values, opts);
  if (r.code !== 0) throw new Error(`helm template failed (exit ${r.code}): ${r.stderr}`);
  return parseManifests(r.stdout);
}

/** The single object of a kind (and name, when given); throws when there is not exactly one. */
export function one(objects: K8sObject[], kind: string, name?: string): K8sObject {
  const found = objects.filter((o) => o.kind === kind && (name === undefined || o.metadata.name === name));
  if (found.length !== 1) throw new Error(`expected one ${kind}${name ? ` ${name}` : ""}, found ${found.length}`);
  return found[0] as K8sObject;
}
