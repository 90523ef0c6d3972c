// Test fixtures of the compiler's tests: the Workbook table and a minimal SLA, as plain values so
// compile/ tests stay free of file I/O like the code they test. Not part of the build.
import type { BurnRateTable } from "../api/v1alpha1/types.js";

/** The SRE Workbook's four tiers for a period; the same shares as policies/alerting/google-sre.yaml. */
export function workbookTable(name = "google-sre", period = "30d"): BurnRateTable {
  return {
    name,
    period,
    tiers: [
      { severity: "page", budgetPercent: 2, longWindow: "1h", shortWindow: "5m" },
      { severity: "page", budgetPercent: 5, longWindow: "6h", shortWindow: "30m" },
      { severity: "ticket", budgetPercent: 10, longWindow: "1d", shortWindow: "2h" },
      { severity: "ticket", budgetPercent: 10, longWindow: "3d", shortWindow: "6h" },
    ],
  };
}

/** A 99.9% objective of 5xx responses over all requests of a job's http_requests_total. */
export function availabilityObjective(job = "checkout", name = "availability"): Record<string, unknown> {
  return {
    name,
    target: 99.9,
    indicator: { ratio: { errors: `sum(rate(http_requests_total{job="${job}",code=~"5.."}[{{window}}]))`, total: `sum(rate(http_requests_total{job="${job}"}[{{window}}]))` } },
  };
}

/** A valid checkout SLA with one availability objective; `spec` overrides its fields. */
export function checkoutSla(spec: Record<string, unknown> = {}, metadata: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    apiVersion: "servicelevel.dev/v1alpha1",
    kind: "ServiceLevelAgreement",
    metadata: { name: "checkout", namespace: "shop", ...metadata },
    spec: {
      service: "checkout",
      owner: "team-payments",
      objectives: [availabilityObjective()],
      ...spec,
    },
  };
}
