// Helpers for the chart tests that talk to the real test control plane: applying rendered objects,
// a kubeconfig that authenticates as a ServiceAccount with a real token (TokenRequest), and the
// API server's audit log, which records every request a user made and what the server answered.
import { readFileSync, writeFileSync } from "node:fs";
import { stringify } from "yaml";
import type { ControlPlane } from "../controlplane/controlplane.js";
import type { K8sObject } from "./helm.js";

/** Objects as a kubectl -f - stream (JSON documents are YAML). */
export const toStream = (objects: readonly K8sObject[]): string => objects.map((o) => `---\n${stringify(o)}`).join("");

/** Creates namespaces that do not exist yet. */
export async function ensureNamespaces(cp: ControlPlane, names: readonly string[]): Promise<void> {
  const objects = names.map((name) => ({ apiVersion: "v1", kind: "Namespace", metadata: { name } }));
  await cp.kubectlOrThrow(["apply", "--server-side", "--field-manager=slo-chart-test", "-f", "-"], { input: toStream(objects as K8sObject[]) });
}

/**
 * `kubectl apply --server-side` of the objects, as a dry run when asked. `--validate=strict` makes the
 * API server reject unknown or duplicate fields instead of dropping them, so a misspelt field in a
 * template fails here.
 */
export async function applyObjects(cp: ControlPlane, objects: readonly K8sObject[], opts: { dryRun?: boolean } = {}): Promise<string> {
  return cp.kubectlOrThrow([
    "apply", "--server-side", "--force-conflicts", "--field-manager=slo-chart-test", "--validate=strict",
    ...(opts.dryRun ? ["--dry-run=server"] : []), "-o", "name", "-f", "-",
  ], { input: toStream(objects) });
}

/** Writes a kubeconfig that authenticates as the ServiceAccount with a token from the TokenRequest API. */
export async function writeServiceAccountKubeconfig(cp: ControlPlane, namespace: string, serviceAccount: string, file: string): Promise<void> {
  const token = (await cp.kubectlOrThrow(["create", "token", serviceAccount, "-n", namespace, "--duration=1h"])).trim();
  const config = {
    apiVersion: "v1",
    kind: "Config",
    clusters: [{ name: "slo-test", cluster: { server: cp.server, "certificate-authority-data": readFileSync(cp.certs.caCert).toString("base64") } }],
    users: [{ name: serviceAccount, user: { token } }],
    contexts: [{ name: "sa", context: { cluster: "slo-test", user: serviceAccount, namespace } }],
    "current-context": "sa",
  };
  writeFileSync(file, stringify(config), { mode: 0o600 });
}

/** The audit policy: metadata of every request by the ServiceAccounts of `namespace`, nothing else. */
export function auditPolicy(namespace: string): string {
  return stringify({
    apiVersion: "audit.k8s.io/v1",
    kind: "Policy",
    omitStages: ["RequestReceived"],
    rules: [
      { level: "Metadata", userGroups: [`system:serviceaccounts:${namespace}`] },
      { level: "None" },
    ],
  });
}

/** kube-apiserver flags that write the audit log as JSON lines. */
export const auditArgs = (policyFile: string, logFile: string): string[] => [
  `--audit-policy-file=${policyFile}`,
  `--audit-log-path=${logFile}`,
  "--audit-log-format=json",
  "--audit-log-mode=blocking",
];

/** One request, from the audit log (the fields the tests read). */
export interface AuditedRequest {
  auditID: string;
  stage: string;
  verb: string;
  user: string;
  requestURI: string;
  group: string;
  resource: string;
  subresource: string | undefined;
  namespace: string | undefined;
  name: string | undefined;
  code: number | undefined;
  decision: string | undefined;
}

interface AuditEvent {
  auditID: string;
  stage: string;
  verb: string;
  requestURI: string;
  user?: { username?: string };
  objectRef?: { apiGroup?: string; resource?: string; subresource?: string; namespace?: string; name?: string };
  responseStatus?: { code?: number };
  annotations?: Record<string, string>;
}

/** The requests of `user`, one per request (its last stage: ResponseComplete, or ResponseStarted for a live watch). */
export function auditedRequests(logFile: string, user: string): AuditedRequest[] {
  const byId = new Map<string, AuditedRequest>();
  for (const line of readFileSync(logFile, "utf8").split("\n")) {
    if (line.trim() === "") continue;
    const e = JSON.parse(line) as AuditEvent;
    if (e.user?.username !== user || !e.objectRef?.resource) continue;
    byId.set(e.auditID, {
      auditID: e.auditID,
      stage: e.stage,
      verb: e.verb,
      user,
      requestURI: e.requestURI,
      group: e.objectRef.apiGroup ?? "",
      resource: e.objectRef.resource,
      subresource: e.objectRef.subresource,
      namespace: e.objectRef.namespace,
      name: e.objectRef.name,
      code: e.responseStatus?.code,
      decision: e.annotations?.["authorization.k8s.io/decision"],
    });
  }
  return [...byId.values()];
}

/**
 * The RBAC verbs a request needed. A PATCH (server-side apply) or PUT that created the object
 * (201) was authorized as create too: the API server checks create before it creates on update.
 */
export function verbsNeeded(r: AuditedRequest): string[] {
  return (r.verb === "patch" || r.verb === "update") && r.code === 201 ? [r.verb, "create"] : [r.verb];
}
