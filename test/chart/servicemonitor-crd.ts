// The prometheus-operator ServiceMonitor CRD (monitoring.coreos.com/v1), so that the chart's optional
// ServiceMonitor can be applied to the test API server, and the upstream schema check of that object.
//
// test/controlplane/prometheusrule-crd.ts rebuilds a full openAPIV3Schema from the Ajv-compiled
// schemas of @kubernetes-models/prometheus-operator, but its reader is private to that module and
// fixed to PrometheusRule. Rather than copy it, this CRD leaves `spec` open
// (x-kubernetes-preserve-unknown-fields), so the API server checks the object's envelope (apiVersion,
// kind, metadata, that spec is an object), and `serviceMonitorSchemaErrors` runs the package's own
// compiled validator, which is the upstream ServiceMonitor schema, on the rendered object.
import { ServiceMonitor } from "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor";
import { stringify } from "yaml";

export function serviceMonitorCrd(): Record<string, unknown> {
  return {
    apiVersion: "apiextensions.k8s.io/v1",
    kind: "CustomResourceDefinition",
    metadata: {
      name: "servicemonitors.monitoring.coreos.com",
      annotations: { "servicelevel.dev/generated-from": "test/chart/servicemonitor-crd.ts (spec checked by @kubernetes-models/prometheus-operator)" },
    },
    spec: {
      group: "monitoring.coreos.com",
      names: { kind: "ServiceMonitor", listKind: "ServiceMonitorList", plural: "servicemonitors", singular: "servicemonitor", shortNames: ["smon"], categories: ["prometheus-operator"] },
      scope: "Namespaced",
      versions: [{
        name: "v1",
        served: true,
        storage: true,
        schema: {
          openAPIV3Schema: {
            type: "object",
            required: ["spec"],
            properties: {
              apiVersion: { type: "string" },
              kind: { type: "string" },
              metadata: { type: "object" },
              spec: { type: "object", "x-kubernetes-preserve-unknown-fields": true },
            },
          },
        },
      }],
    },
  };
}

export const serviceMonitorCrdYaml = (): string => stringify(serviceMonitorCrd());

/** The upstream schema's verdict on a ServiceMonitor: undefined when valid, else the validator's message. */
export function serviceMonitorSchemaErrors(object: unknown): string | undefined {
  try {
    new ServiceMonitor(object as ConstructorParameters<typeof ServiceMonitor>[0]).validate();
    return undefined;
  } catch (cause) {
    return cause instanceof Error ? cause.message : String(cause);
  }
}
