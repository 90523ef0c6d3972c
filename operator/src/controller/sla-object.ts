// A ServiceLevelAgreement as the API server returns it, the document the compiler reads from it,
// and how a generated object names its SLA.
import type { ServiceLevelAgreementStatus } from "../api/v1alpha1/types.js";
import { slaResource, type KubeObject } from "../adapters/kube/resources.js";
import { slaLabel } from "../compile/conventions.js";

/** A ServiceLevelAgreement as the API server returns it. */
export interface SlaObject extends KubeObject {
  readonly spec?: unknown;
  readonly status?: ServiceLevelAgreementStatus;
}

/** The SLA as the compiler reads it: only apiVersion, kind, name, namespace, labels and spec. */
export function slaDocument(sla: SlaObject): unknown {
  return {
    apiVersion: sla.apiVersion ?? "servicelevel.dev/v1alpha1",
    kind: sla.kind ?? slaResource.kind,
    metadata: {
      name: sla.metadata.name,
      namespace: sla.metadata.namespace ?? "default",
      ...(sla.metadata.labels ? { labels: sla.metadata.labels } : {}),
    },
    spec: sla.spec,
  };
}

/** The owner SLA's key of a generated object: its controller ownerReference, else its servicelevel.dev/sla label. */
export function ownerKey(object: KubeObject): string | undefined {
  const namespace = object.metadata.namespace ?? "";
  const owner = object.metadata.ownerReferences?.find((r) => r.controller && r.kind === slaResource.kind);
  const name = owner?.name ?? object.metadata.labels?.[slaLabel];
  return name === undefined ? undefined : `${namespace}/${name}`;
}
