// The resource types the operator reads and writes, their REST paths, and the few object fields
// it relies on. Objects stay plain JSON: the operator touches metadata, spec and status only.

export interface ResourceType {
  /** "" for the core group. */
  readonly group: string;
  readonly version: string;
  readonly plural: string;
  readonly kind: string;
  readonly namespaced: boolean;
}

export const slaResource: ResourceType = { group: "servicelevel.dev", version: "v1alpha1", plural: "servicelevelagreements", kind: "ServiceLevelAgreement", namespaced: true };
export const prometheusRuleResource: ResourceType = { group: "monitoring.coreos.com", version: "v1", plural: "prometheusrules", kind: "PrometheusRule", namespaced: true };
export const alertmanagerConfigResource: ResourceType = { group: "monitoring.coreos.com", version: "v1alpha1", plural: "alertmanagerconfigs", kind: "AlertmanagerConfig", namespaced: true };
export const configMapResource: ResourceType = { group: "", version: "v1", plural: "configmaps", kind: "ConfigMap", namespaced: true };
export const leaseResource: ResourceType = { group: "coordination.k8s.io", version: "v1", plural: "leases", kind: "Lease", namespaced: true };
export const eventResource: ResourceType = { group: "events.k8s.io", version: "v1", plural: "events", kind: "Event", namespaced: true };

export const apiVersionOf = (r: ResourceType): string => (r.group === "" ? r.version : `${r.group}/${r.version}`);

/** /api/v1/... or /apis/group/version/..., optionally in a namespace, optionally one object and a subresource. */
export function resourcePath(r: ResourceType, namespace?: string, name?: string, subresource?: string): string {
  const base = r.group === "" ? `/api/${r.version}` : `/apis/${r.group}/${r.version}`;
  const ns = r.namespaced && namespace !== undefined ? `/namespaces/${encodeURIComponent(namespace)}` : "";
  const object = name === undefined ? "" : `/${encodeURIComponent(name)}`;
  const sub = subresource === undefined ? "" : `/${subresource}`;
  return `${base}${ns}/${r.plural}${object}${sub}`;
}

export interface OwnerReference {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  readonly uid: string;
  readonly controller?: boolean;
  readonly blockOwnerDeletion?: boolean;
}

export interface ObjectMeta {
  readonly name: string;
  readonly namespace?: string;
  readonly uid?: string;
  readonly resourceVersion?: string;
  readonly generation?: number;
  readonly creationTimestamp?: string;
  readonly deletionTimestamp?: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
  readonly ownerReferences?: readonly OwnerReference[];
}

export interface KubeObject {
  readonly apiVersion?: string;
  readonly kind?: string;
  readonly metadata: ObjectMeta;
  readonly [field: string]: unknown;
}

export interface KubeList<T> {
  readonly metadata: { readonly resourceVersion?: string; readonly continue?: string };
  readonly items: readonly T[];
}

/** "namespace/name", the key of the work queue and the caches. */
export const objectKey = (o: { readonly metadata: { readonly name: string; readonly namespace?: string } }): string =>
  `${o.metadata.namespace ?? ""}/${o.metadata.name}`;

export function splitKey(key: string): { namespace: string; name: string } {
  const slash = key.indexOf("/");
  return { namespace: key.slice(0, slash), name: key.slice(slash + 1) };
}

export { managedByLabel, managedByValue, slaLabel, fieldManager } from "../../compile/conventions.js";

/**
 * True when `a` is newer than `b` by resourceVersion. Resource versions are opaque, but etcd-backed
 * servers issue increasing integers; when either is not an integer the incoming one wins.
 */
export function isNewer(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined || !/^\d+$/.test(a) || !/^\d+$/.test(b)) return true;
  return BigInt(a) >= BigInt(b);
}
