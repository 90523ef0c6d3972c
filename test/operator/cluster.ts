// Small helpers over the test control plane's kubectl for the operator's integration tests.
import { join } from "node:path";
import type { ControlPlane } from "../controlplane/controlplane.js";
import { repoRoot, slaDocument } from "../support/burn-rate-tables.js";

export const slaCrdPath = join(repoRoot, "crds/servicelevel.dev_servicelevelagreements.yaml");

export interface Condition {
  type: string;
  status: string;
  reason: string;
  message: string;
  lastTransitionTime: string;
  observedGeneration?: number;
}

export interface Obj {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    uid: string;
    resourceVersion: string;
    generation?: number;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    ownerReferences?: { apiVersion: string; kind: string; name: string; uid: string; controller?: boolean; blockOwnerDeletion?: boolean }[];
  };
  spec?: Record<string, unknown>;
  data?: Record<string, string>;
  status?: { observedGeneration?: number; state?: string; generated?: Record<string, unknown>; conditions?: Condition[] };
}

/** kubectl get -o json, or undefined when the object does not exist. */
export async function getObject(cp: ControlPlane, kind: string, name: string, namespace: string): Promise<Obj | undefined> {
  const r = await cp.kubectl(["get", kind, name, "-n", namespace, "-o", "json"]);
  if (r.code !== 0) {
    if (/NotFound|not found/.test(r.stderr)) return undefined;
    throw new Error(`kubectl get ${kind} ${name}: ${r.stderr}`);
  }
  return JSON.parse(r.stdout) as Obj;
}

export const condition = (o: Obj | undefined, type: string): Condition | undefined => o?.status?.conditions?.find((c) => c.type === type);

/** Applies a document with kubectl (client-side create/update), returning the result. */
export function kubectlApply(cp: ControlPlane, document: object): ReturnType<ControlPlane["kubectl"]> {
  return cp.kubectl(["apply", "-f", "-"], { input: JSON.stringify(document) });
}

/** An SLA with the shared minimal spec (one ratio objective), overridden where a test needs it. */
export function sla(name: string, namespace: string, spec: Record<string, unknown> = {}): Record<string, unknown> {
  return slaDocument({ service: name, ...spec }, { name, namespace });
}
