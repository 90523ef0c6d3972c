import { describe, expect, it } from "vitest";
import { validateDocument } from "./index.js";
import { formatPath } from "./issues.js";
import type { BurnRateTable, ServiceLevelAgreement } from "../api/v1alpha1/types.js";

const tables = new Map<string, BurnRateTable>([["google-sre", {
  name: "google-sre", period: "30d",
  tiers: [
    { severity: "page", budgetPercent: 2, longWindow: "1h", shortWindow: "5m" },
    { severity: "ticket", budgetPercent: 10, longWindow: "3d", shortWindow: "6h" },
  ],
}]]);

const objective = (overrides: Record<string, unknown> = {}) => ({
  name: "availability",
  target: 99.9,
  indicator: { ratio: { errors: "sum(rate(e_total[{{window}}]))", total: "sum(rate(t_total[{{window}}]))" } },
  ...overrides,
});

function doc(spec: Record<string, unknown>, metadata: Record<string, unknown> = { name: "checkout", namespace: "shop" }) {
  return { apiVersion: "servicelevel.dev/v1alpha1", kind: "ServiceLevelAgreement", metadata, spec: { service: "checkout", owner: "me", objectives: [objective()], ...spec } };
}

function problems(document: unknown, peers?: Map<string, ServiceLevelAgreement>) {
  const result = validateDocument(document, { burnRateTables: tables, ...(peers ? { peers } : {}) });
  return result.ok ? result.warnings.map((i) => `${formatPath(i.path)}: ${i.message}`) : result.issues.map((i) => `${formatPath(i.path)}: ${i.message}`);
}

describe("schema errors", () => {
  it("say where, what was expected and what was found", () => {
    expect(problems(doc({ objectives: [objective({ target: 100.5 })] }))).toEqual(["spec.objectives[0].target: expected a number below 100, found 100.5"]);
    expect(problems(doc({ objectives: [objective({ target: "99.9" })] }))).toEqual(['spec.objectives[0].target: expected number, found "99.9"']);
    expect(problems(doc({ objectivs: [] }))).toContain('spec.objectivs: unknown field "objectivs"');
    expect(problems(doc({ objectives: [] }))).toEqual(["spec.objectives: expected at least 1 item(s), found a list of 0"]);
    expect(problems(doc({ period: { calendar: "year" } }))).toEqual(['spec.period.calendar: expected one of "week", "month", "quarter", found "year"']);
  });

  it("reject a document that is not an SLA", () => {
    expect(problems({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "x" } })).toEqual(['kind: expected kind ServiceLevelAgreement, found "ConfigMap"']);
    expect(problems({ apiVersion: "servicelevel.dev/v1", kind: "ServiceLevelAgreement" })).toEqual(['apiVersion: expected apiVersion servicelevel.dev/v1alpha1, found "servicelevel.dev/v1"']);
    expect(problems(null)).toEqual([": expected a ServiceLevelAgreement object, found null"]);
  });
});

describe("semantic errors", () => {
  it("reports PromQL that does not parse at the query's path", () => {
    const bad = objective({ indicator: { ratio: { errors: "sum(rate(e_total[{{window}}])", total: "sum(rate(t_total[{{window}}]))" } } });
    expect(problems(doc({ objectives: [bad] }))[0]).toMatch(/^spec\.objectives\[0\]\.indicator\.ratio\.errors: (unexpected end of query|syntax error)/);
  });

  it("requires {{window}} in ratio queries", () => {
    const bad = objective({ indicator: { ratio: { errors: "sum(rate(e_total[5m]))", total: "sum(rate(t_total[{{window}}]))" } } });
    expect(problems(doc({ objectives: [bad] }))).toEqual(["spec.objectives[0].indicator.ratio.errors: the query has no {{window}}: write the range as [{{window}}], e.g. rate(x[{{window}}])"]);
  });

  it("rejects duplicate objective names, pointing at the second", () => {
    expect(problems(doc({ objectives: [objective(), objective()] }))).toEqual(['spec.objectives[1].name: objective name "availability" is already used by spec.objectives[0]']);
  });

  it("rejects credit tiers out of order", () => {
    expect(problems(doc({ credits: [{ below: 99, credit: 25 }, { below: 99.9, credit: 10 }] })))
      .toEqual(["spec.credits[1].below: credit tiers must be ordered by falling threshold: 99.9 follows 99"]);
    expect(problems(doc({ credits: [{ below: 99.9, credit: 25 }, { below: 99, credit: 10 }] })))
      .toEqual(["spec.credits[1].credit: a lower threshold must not owe less credit: 10% below 99 but 25% below 99.9"]);
  });

  it("rejects a target its dependencies cannot support when they are in the same input", () => {
    const gateway = doc({ objectives: [objective({ target: 99.5 })] }, { name: "gateway", namespace: "vendors" }) as unknown as ServiceLevelAgreement;
    const peers = new Map([["vendors/gateway", gateway]]);
    const dependent = doc({ dependencies: [{ name: "gateway", namespace: "vendors" }] });
    expect(problems(dependent, peers)).toEqual(["spec.objectives[0].target: target 99.9% is more than the dependencies can support: gateway (99.5%) allow at most 99.5%"]);
    expect(problems(dependent)).toEqual([]);
  });

  it("rejects both rolling and calendar periods, bad time zones and bad cron", () => {
    expect(problems(doc({ period: { rolling: "30d", calendar: "month" } }))).toEqual(["spec.period: give rolling or calendar, not both"]);
    expect(problems(doc({ period: { calendar: "month", timeZone: "Mars/Olympus" } }))).toEqual(['spec.period.timeZone: expected an IANA time zone such as Europe/Berlin, found "Mars/Olympus"']);
    expect(problems(doc({ maintenance: [{ schedule: "0 2 * *", duration: "2h" }] }))).toEqual(["spec.maintenance[0].schedule: a cron schedule has 5 fields (minute hour day month weekday), found 4"]);
    expect(problems(doc({ maintenance: [{ start: "2026-12-26T00:00:00Z", end: "2026-12-24T00:00:00Z" }] }))).toEqual(["spec.maintenance[0].end: end (2026-12-24T00:00:00Z) must be after start (2026-12-26T00:00:00Z)"]);
  });

  it("rejects labels the compiler owns and unknown dashboard filters", () => {
    expect(problems(doc({ labels: { sla: "x" } }))).toEqual(['spec.labels.sla: label "sla" is set by the compiler on every rule; choose another name']);
    expect(problems(doc({ labels: { region: "eu" }, dashboard: { filters: ["zone"] } }))).toEqual(['spec.dashboard.filters[0]: dashboard filter "zone" is not a key of spec.labels (region)']);
  });

  it("rejects an unknown burn-rate table by name", () => {
    expect(problems(doc({ alerting: { burnRates: "nope" } }))).toEqual(['spec.alerting.burnRates: no burn-rate table named "nope"; known: google-sre']);
  });

  it("rejects a table whose tiers measure over more than the period, as their factors fall below 1", () => {
    const result = validateDocument(doc({ period: { rolling: "1d" } }), { burnRateTables: tables });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues.map((i) => `${i.severity} ${i.code}`)).toContain("warning window-exceeds-period");
    expect(!result.ok && result.issues.map((i) => `${i.severity} ${i.code}`)).toContain("error tier-factor-too-low");
  });

  it("warns, without failing, when a tier can never fire", () => {
    const result = validateDocument(doc({ objectives: [objective({ target: 90 })] }), { burnRateTables: tables });
    expect(result.ok).toBe(true);
    expect(result.ok && result.warnings.map((w) => w.code)).toEqual(["tier-never-fires"]);
  });
});
