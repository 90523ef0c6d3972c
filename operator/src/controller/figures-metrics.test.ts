import { Registry } from "prom-client";
import { describe, expect, it } from "vitest";
import type { BudgetStatus } from "../compile/budget/index.js";
import type { SlaModel } from "../compile/model.js";
import { registerFigureMetrics, type ExportedFigures } from "./figures-metrics.js";
import { buildSlaDashboard } from "../compile/sla-dashboard.js";

const model: SlaModel = {
  name: "checkout", namespace: "shop", service: "checkout", owner: "team-payments", labels: {},
  period: { kind: "calendar", unit: "month", timeZone: "UTC", seconds: 30 * 86_400 },
  objectives: [], alerting: null, credits: [], dashboard: null,
  maintenance: [{ kind: "fixed", startMs: Date.UTC(2026, 10, 20), endMs: Date.UTC(2026, 10, 21) }],
};
const status: BudgetStatus = {
  lastEvaluated: "2026-11-20T12:00:00Z",
  period: { start: "2026-11-01T00:00:00Z", end: "2026-12-01T00:00:00Z" },
  state: "AtRisk", compliance: 99.93, credit: 0, budgetRemaining: 31.2,
  objectives: [{
    name: "availability", target: 99.9, attained: 99.93, errorBudget: { remaining: 31.2, consumed: 68.8 },
    burnRate: { "1h": 0.4, "6h": 2.1 }, exhaustion: "2026-11-29T18:00:00Z", incidents: { count: 2 }, state: "AtRisk",
  }],
};

/** The value of one series in the exposition text, or undefined when it is not there. */
function value(text: string, name: string, labels: string): number | undefined {
  const line = text.split("\n").find((l) => l.startsWith(`${name}{`) && labels.split(",").every((p) => l.includes(p)));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(" ") + 1));
}

describe("the exported status figures", () => {
  it("are the status figures, as ratios where status shows percent, one series per figure", async () => {
    const registry = new Registry();
    const source: ExportedFigures[] = [{ model, status }];
    registerFigureMetrics(registry, () => source, () => Date.UTC(2026, 10, 20, 12));
    const text = await registry.metrics();
    const objective = 'sla="checkout",objective="availability"';
    expect(value(text, "servicelevel_objective_attained_ratio", objective)).toBeCloseTo(0.9993, 12);
    expect(value(text, "servicelevel_objective_target_ratio", objective)).toBeCloseTo(0.999, 12);
    expect(value(text, "servicelevel_objective_error_budget_remaining_ratio", objective)).toBeCloseTo(0.312, 12);
    expect(value(text, "servicelevel_objective_burn_rate", `${objective},window="6h"`)).toBe(2.1);
    expect(value(text, "servicelevel_objective_burn_rate", `${objective},window="3d"`)).toBeUndefined();
    expect(value(text, "servicelevel_objective_exhaustion_timestamp_seconds", objective)).toBe(Date.UTC(2026, 10, 29, 18) / 1000);
    expect(value(text, "servicelevel_objective_state", `${objective},state="AtRisk"`)).toBe(1);
    expect(value(text, "servicelevel_objective_state", `${objective},state="Compliant"`)).toBeUndefined();
    expect(value(text, "servicelevel_sla_compliance_ratio", 'sla="checkout",owner="team-payments"')).toBeCloseTo(0.9993, 12);
    expect(value(text, "servicelevel_sla_period_start_timestamp_seconds", 'sla="checkout"')).toBe(Date.UTC(2026, 10, 1) / 1000);
    expect(value(text, "servicelevel_sla_maintenance_active", 'sla="checkout"')).toBe(1);
  });

  it("label the contract period with its kind, time zone and bounds as status writes them, for the shared dashboard", async () => {
    const registry = new Registry();
    const berlin: ExportedFigures = {
      model: { ...model, period: { kind: "calendar", unit: "month", timeZone: "Europe/Berlin", seconds: 30 * 86_400 } },
      status: { ...status, period: { start: "2026-11-01T00:00:00+01:00", end: "2026-12-01T00:00:00+01:00" } },
    };
    const rolling: ExportedFigures = { model: { ...model, name: "orders", period: { kind: "rolling", seconds: 28 * 86_400 } }, status };
    registerFigureMetrics(registry, () => [berlin, rolling]);
    const text = await registry.metrics();
    expect(value(text, "servicelevel_sla_period_info",
      'sla="checkout",service="checkout",owner="team-payments",period="calendar month",time_zone="Europe/Berlin",start="2026-11-01T00:00:00+01:00",end="2026-12-01T00:00:00+01:00"')).toBe(1);
    expect(value(text, "servicelevel_sla_period_info", 'sla="orders",service="checkout",owner="team-payments",period="rolling 28d",time_zone="UTC"')).toBe(1);
    expect(text.split("\n").filter((l) => l.startsWith("servicelevel_sla_period_info{"))).toHaveLength(2);
    // The shared dashboard's period panel names only labels this series has, so it reads
    // "calendar month: 2026-11-01T00:00:00+01:00 to 2026-12-01T00:00:00+01:00 (Europe/Berlin)".
    const panels = (buildSlaDashboard() as unknown as { panels: { title?: string; targets?: { legendFormat?: string }[] }[] }).panels;
    const legend = panels.find((p) => p.title === "Period")?.targets?.[0]?.legendFormat ?? "";
    const named = [...legend.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]);
    expect(named).toEqual(["period", "start", "end", "time_zone"]);
    const line = text.split("\n").find((l) => l.startsWith("servicelevel_sla_period_info{") && l.includes('sla="checkout"')) ?? "";
    for (const label of named) expect(line, label).toMatch(new RegExp(`[{,]${label}="[^"]+"`));
  });

  it("drop the series of an SLA that is gone", async () => {
    const registry = new Registry();
    const source: ExportedFigures[] = [{ model, status }];
    registerFigureMetrics(registry, () => source);
    expect(await registry.metrics()).toContain('sla="checkout"');
    source.length = 0;
    expect(await registry.metrics()).not.toContain('sla="checkout"');
  });
});
