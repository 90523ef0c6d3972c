// The SLAs of the benchmarks that run the operator: two ratio objectives each (availability and
// latency of one HTTP service), the SLA names and namespaces deterministic, so every checkout and
// every run sees the same fleet.
import type { Kube } from "./kube.js";

export const slaApi = "/apis/servicelevel.dev/v1alpha1";
export const slaCrdFile = "crds/servicelevel.dev_servicelevelagreements.yaml";

export type PeriodKind = "rolling30d" | "quarter";

/** The `index`-th SLA of a fleet (1-based), in namespace `fleet-<index mod namespaces>`. */
export function fleetSla(index: number, options: { readonly namespaces?: number; readonly period?: PeriodKind } = {}): { readonly namespace: string; readonly name: string; readonly document: Record<string, unknown> } {
  const namespace = `fleet-${index % (options.namespaces ?? 10)}`;
  const name = `svc-${String(index).padStart(5, "0")}`;
  const job = name;
  return {
    namespace,
    name,
    document: {
      apiVersion: "servicelevel.dev/v1alpha1",
      kind: "ServiceLevelAgreement",
      metadata: { name, namespace },
      spec: {
        service: name,
        owner: "team-platform",
        period: options.period === "quarter" ? { calendar: "quarter", timeZone: "UTC" } : { rolling: "30d" },
        objectives: [
          {
            name: "availability",
            target: 99.9,
            indicator: { ratio: { errors: `sum(rate(http_requests_total{job="${job}",code=~"5.."}[{{window}}]))`, total: `sum(rate(http_requests_total{job="${job}"}[{{window}}]))` } },
          },
          {
            name: "latency",
            target: 99,
            indicator: {
              ratio: {
                errors: `sum(rate(http_request_duration_seconds_count{job="${job}"}[{{window}}])) - sum(rate(http_request_duration_seconds_bucket{job="${job}",le="0.3"}[{{window}}]))`,
                total: `sum(rate(http_request_duration_seconds_count{job="${job}"}[{{window}}]))`,
              },
            },
          },
        ],
      },
    },
  };
}

/** Creates the namespaces `fleet-0` ... of a fleet. */
export async function createNamespaces(kube: Kube, count: number): Promise<void> {
  await kube.createAll(Array.from({ length: count }, (_, i) => ({ collection: "/api/v1/namespaces", object: { apiVersion: "v1", kind: "Namespace", metadata: { name: `fleet-${i}` } } })));
}

/** Creates SLAs 1..count with concurrent requests; resolves to their keys (namespace/name). */
export async function createFleet(kube: Kube, count: number, options: { readonly namespaces?: number; readonly periods?: readonly PeriodKind[] } = {}): Promise<string[]> {
  const namespaces = Math.min(options.namespaces ?? 10, count);
  await createNamespaces(kube, namespaces);
  const periods = options.periods ?? ["rolling30d"];
  const slas = Array.from({ length: count }, (_, i) => fleetSla(i + 1, { namespaces, period: periods[i % periods.length] ?? "rolling30d" }));
  await kube.createAll(slas.map((s) => ({ collection: `${slaApi}/namespaces/${s.namespace}/servicelevelagreements`, object: s.document })));
  return slas.map((s) => `${s.namespace}/${s.name}`);
}

