import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { MaintenanceModel, ObjectiveModel, PeriodModel, SlaModel } from "../model.js";
import { evaluateSla } from "./figures.js";
import type { Sample } from "./measure.js";
import { periodByLabel } from "./periods.js";
import { budgetStatus } from "./status.js";

const hour = 3_600_000;
const day = 24 * hour;

const events = (name: string, target: number): ObjectiveModel => ({
  name, target, budget: Number((1 - target).toPrecision(12)),
  indicator: { kind: "ratio", errors: { text: "errors[{{window}}]" }, total: { text: "total[{{window}}]" } },
});
const probe = (name: string, target: number): ObjectiveModel => ({
  name, target, budget: Number((1 - target).toPrecision(12)), indicator: { kind: "probe", metric: "probe_success", selector: {} },
});
const sla = (period: PeriodModel, objectives: ObjectiveModel[], maintenance: MaintenanceModel[] = []): SlaModel => ({
  name: "checkout", namespace: "shop", service: "checkout", owner: "team-payments", labels: {},
  period, objectives, alerting: null, maintenance, dashboard: null,
  credits: [{ below: 0.999, creditPercent: 10 }, { below: 0.99, creditPercent: 25 }, { below: 0.95, creditPercent: 100 }],
});
const rolling30d: PeriodModel = { kind: "rolling", seconds: 30 * 86_400 };
const steps = (from: number, count: number, length: number, f: (i: number, start: number) => { bad: number; total: number }): Sample[] =>
  Array.from({ length: count }, (_, i) => ({ start: from + i * length, end: from + (i + 1) * length, ...f(i, from + i * length) }));

describe("evaluating an SLA", () => {
  it("reports 99.95% and half the budget for 500 errors in 1,000,000 events over a rolling 30 days at 99.9%", () => {
    const now = Date.UTC(2026, 10, 27, 10);
    // 100 steps of 7.2 hours, 10,000 events and 5 errors each: 1,000,000 events, 500 errors.
    const samples = steps(now - 30 * day, 100, 7.2 * hour, () => ({ bad: 5, total: 10_000 }));
    const evaluation = evaluateSla({ sla: sla(rolling30d, [events("availability", 0.999)]), now, samples: { availability: samples } });
    const status = budgetStatus(evaluation);
    expect(status).toEqual({
      lastEvaluated: "2026-11-27T10:00:00Z",
      period: { start: "2026-10-28T10:00:00Z", end: "2026-11-27T10:00:00Z" },
      state: "Compliant",
      compliance: 99.95,
      credit: 0,
      budgetRemaining: 50,
      objectives: [{
        name: "availability",
        attained: 99.95,
        target: 99.9,
        errorBudget: { remaining: 50, consumed: 50 },
        // Every window sees 0.05% bad: half the 0.1% budget.
        burnRate: { "1h": 0.5, "6h": 0.5, "3d": 0.5 },
        incidents: { count: 0 },
        state: "Compliant",
      }],
    });
    const budget = evaluation.objectives[0]?.errorBudget;
    expect(budget?.allowed).toBeCloseTo(1000, 6);
    expect(budget?.remaining).toBeCloseTo(500, 6);
    expect(evaluation.objectives[0]?.unit).toBe("events");
  });

  it("projects exhaustion from the 6h burn rate and says AtRisk while the target is still met", () => {
    // UTC November 2026 (720h), evaluated half-way. 99.9% target, 1000 events an hour: 360,000 so far.
    // 276 errors in hour 100 and 2 errors in each of the last 6 hours: 288 errors, 0.08% bad.
    // Consumed: 0.08% / 0.1% × half the period = 40%. Burn over 6h: 0.2% / 0.1% = 2.
    // Exhaustion: 60% × 720h / 2 = 216h after 16 November 00:00 = 25 November 00:00.
    const start = Date.UTC(2026, 10, 1);
    const now = Date.UTC(2026, 10, 16);
    const samples = steps(start, 360, hour, (i) => ({ bad: i === 100 ? 276 : i >= 354 ? 2 : 0, total: 1000 }));
    const model = sla({ kind: "calendar", unit: "month", timeZone: "UTC", seconds: 30 * 86_400 }, [events("availability", 0.999)]);
    const status = budgetStatus(evaluateSla({ sla: model, now, samples: { availability: samples } }));
    expect(status.objectives[0]).toEqual({
      name: "availability",
      attained: 99.92,
      target: 99.9,
      errorBudget: { remaining: 60, consumed: 40 },
      // 3d: 12 errors in 72,000 events is 0.0167%: a sixth of the budget rate.
      burnRate: { "1h": 2, "6h": 2, "3d": 0.17 },
      exhaustion: "2026-11-25T00:00:00Z",
      // Hour 100 (27.6% bad) is the one incident; MTBF is the other 359 hours.
      incidents: { count: 1, mttr: "1h", mtbf: "359h" },
      state: "AtRisk",
    });
    expect(status.state).toBe("AtRisk");
    expect(status.period).toEqual({ start: "2026-11-01T00:00:00Z", end: "2026-12-01T00:00:00Z" });
  });

  it("does not count an outage inside a maintenance window, even on the day DST moves the window", () => {
    // Berlin March 2026 (743h) with Sunday 02:00 local maintenance for 2h: five windows, 10h.
    // A probe measured hourly, down for the whole window on 29 March (01:00-03:00Z, 03:00-05:00 CEST).
    const model = sla({ kind: "calendar", unit: "month", timeZone: "Europe/Berlin", seconds: 30 * 86_400 }, [probe("uptime", 0.995)],
      [{ kind: "schedule", cron: "0 2 * * SUN", durationSeconds: 7200, timeZone: "Europe/Berlin" }]);
    const start = Date.UTC(2026, 1, 28, 23);
    const end = Date.UTC(2026, 2, 31, 22);
    const outage = [Date.UTC(2026, 2, 29, 1), Date.UTC(2026, 2, 29, 2)];
    const samples = steps(start, 743, hour, (_, s) => ({ bad: outage.includes(s) ? 3600 : 0, total: 3600 }));
    // At its last instant March is over and April has begun, so name the period to report on.
    const evaluation = evaluateSla({ sla: model, now: end, period: periodByLabel("2026-03", "Europe/Berlin")!, samples: { uptime: samples } });
    const objective = evaluation.objectives[0]!;
    expect(objective.measured).toEqual({ bad: 0, total: 733 * 3600 });
    expect(objective.unit).toBe("seconds");
    expect(objective.incidents.count).toBe(0);
    expect(budgetStatus(evaluation).objectives[0]?.attained).toBe(100);
    expect(evaluation.maintenance).toHaveLength(5);
  });

  it("counts an outage in the hour after the maintenance window", () => {
    const model = sla({ kind: "calendar", unit: "month", timeZone: "Europe/Berlin", seconds: 30 * 86_400 }, [probe("uptime", 0.995)],
      [{ kind: "schedule", cron: "0 2 * * SUN", durationSeconds: 7200, timeZone: "Europe/Berlin" }]);
    const start = Date.UTC(2026, 1, 28, 23);
    const samples = steps(start, 743, hour, (_, s) => ({ bad: s === Date.UTC(2026, 2, 29, 3) ? 3600 : 0, total: 3600 }));
    const period = periodByLabel("2026-03", "Europe/Berlin")!;
    const status = budgetStatus(evaluateSla({ sla: model, now: Date.UTC(2026, 2, 31, 22), period, samples: { uptime: samples } }));
    // 1h down of 733 measured: attained 1 - 1/733 = 99.8636% (shown 99.86), consumed (1/733)/0.5% = 27.2851% (shown 27.29).
    expect(status.objectives[0]).toMatchObject({ attained: 99.86, errorBudget: { consumed: 27.29, remaining: 72.71 }, incidents: { count: 1, mttr: "1h" } });
    expect(status.period).toEqual({ start: "2026-03-01T00:00:00+01:00", end: "2026-04-01T00:00:00+02:00" });
    // The period is over: nothing left to project.
    expect(status.objectives[0]?.exhaustion).toBeUndefined();
  });

  it("reports on a finished period long after it ended, with burn rates as they were at its end", () => {
    // UTC October 2026, 744 hours of 1000 events; the last 6 hours had 5 errors each (0.5%, burn 5 at 99.9%).
    const october = periodByLabel("2026-10", "UTC")!;
    const samples = steps(october.start, 744, hour, (i) => ({ bad: i >= 738 ? 5 : 0, total: 1000 }));
    const model = sla({ kind: "calendar", unit: "month", timeZone: "UTC", seconds: 30 * 86_400 }, [events("availability", 0.999)]);
    const evaluation = evaluateSla({ sla: model, now: Date.UTC(2026, 11, 15), period: october, samples: { availability: samples } });
    const status = budgetStatus(evaluation);
    // 30 errors in 744,000 events: 0.004032% bad, 4.03% of the budget (shown 4.04, rounded up).
    expect(status.objectives[0]).toMatchObject({ errorBudget: { consumed: 4.04, remaining: 95.96 }, burnRate: { "1h": 5, "6h": 5 }, state: "Compliant" });
    expect(status.objectives[0]?.exhaustion).toBeUndefined();
    expect(evaluation.objectives[0]?.elapsedShare).toBe(1);
  });

  it("reports a time-based budget of the whole month part-way through it", () => {
    // Berlin November 2026 has 720h. Ten days in, with 30 minutes down at 99.9%:
    // the month allows 43.2 minutes, 30 are spent: 69.44% (shown 69.45 consumed, 30.55 left).
    // The level so far (1 - 1800/864,000 = 99.79%) is under target: AtRisk, not Breached.
    const model = sla({ kind: "calendar", unit: "month", timeZone: "Europe/Berlin", seconds: 30 * 86_400 }, [probe("uptime", 0.999)]);
    const start = Date.UTC(2026, 9, 31, 23);
    const samples = steps(start, 240, hour, (i) => ({ bad: i === 50 ? 1800 : 0, total: 3600 }));
    const evaluation = evaluateSla({ sla: model, now: start + 10 * day, samples: { uptime: samples } });
    expect(evaluation.objectives[0]?.errorBudget?.allowed).toBeCloseTo(2592, 6);
    expect(evaluation.objectives[0]?.elapsedShare).toBeCloseTo(1 / 3, 12);
    const status = budgetStatus(evaluation);
    expect(status.objectives[0]).toMatchObject({ attained: 99.79, errorBudget: { consumed: 69.45, remaining: 30.55 }, state: "AtRisk" });
    expect(status.credit).toBe(10);
  });

  it("is Breached with a negative remaining budget when more than the period allows is spent", () => {
    const now = Date.UTC(2026, 10, 27, 10);
    // 1500 errors in 1,000,000 events at 99.9%: 150% spent, 98.5% attained → 25% credit.
    const samples = steps(now - 30 * day, 100, 7.2 * hour, () => ({ bad: 15, total: 10_000 }));
    const status = budgetStatus(evaluateSla({ sla: sla(rolling30d, [events("availability", 0.999)]), now, samples: { availability: samples } }));
    expect(status).toMatchObject({ state: "Breached", compliance: 99.85, credit: 10, budgetRemaining: -50 });
    expect(status.objectives[0]?.errorBudget).toEqual({ remaining: -50, consumed: 150 });
  });

  it("takes compliance from the worst objective and the budget column from the smallest remaining budget", () => {
    const now = Date.UTC(2026, 10, 27, 10);
    const availability = steps(now - 30 * day, 100, 7.2 * hour, () => ({ bad: 5, total: 10_000 })); // 99.95%, 50% of 0.1% spent
    const latency = steps(now - 30 * day, 100, 7.2 * hour, () => ({ bad: 20, total: 10_000 })); // 99.8%, 20% of 1% spent
    const model = sla(rolling30d, [events("availability", 0.999), events("latency", 0.99)]);
    const status = budgetStatus(evaluateSla({ sla: model, now, samples: { availability, latency } }));
    expect(status).toMatchObject({ compliance: 99.8, budgetRemaining: 50, credit: 10, state: "Compliant" });
  });

  it("says NoData, with no compliance and no credit, when an objective has no data", () => {
    const now = Date.UTC(2026, 10, 27, 10);
    const availability = steps(now - 30 * day, 100, 7.2 * hour, () => ({ bad: 0, total: 10_000 }));
    const model = sla(rolling30d, [events("availability", 0.999), events("latency", 0.99)]);
    const status = budgetStatus(evaluateSla({ sla: model, now, samples: { availability } }));
    expect(status.state).toBe("NoData");
    expect(status).not.toHaveProperty("compliance");
    expect(status).not.toHaveProperty("credit");
    expect(status).not.toHaveProperty("budgetRemaining");
    expect(status.objectives[1]).toEqual({ name: "latency", target: 99, burnRate: {}, incidents: { count: 0 }, state: "NoData" });
  });
});

describe("properties of the evaluation", () => {
  const novemberUtc: PeriodModel = { kind: "calendar", unit: "month", timeZone: "UTC", seconds: 30 * 86_400 };
  const start = Date.UTC(2026, 10, 1);
  const november = periodByLabel("2026-11", "UTC")!;
  const hourlySamples = fc.array(
    fc.tuple(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 10_000 })).map(([a, b]) => ({ bad: Math.min(a, b), total: Math.max(a, b) })),
    { minLength: 1, maxLength: 720 },
  ).map((amounts) => amounts.map((a, i) => ({ start: start + i * hour, end: start + (i + 1) * hour, ...a })));
  const targets = fc.constantFrom(0.9, 0.99, 0.995, 0.999, 0.9999);

  it("reports consumed budget as exactly bad ÷ allowed, and never rounds it below that", () => {
    fc.assert(fc.property(hourlySamples, fc.integer({ min: 1, max: 720 }), targets, (samples, elapsedHours, target) => {
      const now = start + elapsedHours * hour;
      const evaluation = evaluateSla({ sla: sla(novemberUtc, [events("a", target)]), now, period: november, samples: { a: samples } });
      const o = evaluation.objectives[0]!;
      // Independently: sums of the steps before now; allowed = budget × total ÷ (elapsed ÷ 720h).
      const counted = samples.filter((s) => s.end <= now);
      const bad = counted.reduce((n, s) => n + s.bad, 0);
      const total = counted.reduce((n, s) => n + s.total, 0);
      if (total === 0) {
        expect(o.state).toBe("NoData");
        return;
      }
      const allowed = ((1 - target) * total) / (elapsedHours / 720);
      expect(Math.abs(o.errorBudget!.consumedPercent / 100 - bad / allowed)).toBeLessThanOrEqual(1e-12 * Math.max(1, bad / allowed));
      expect(o.errorBudget!.consumedPercent).toBe((o.errorBudget!.consumed / o.errorBudget!.allowed) * 100);
      const shown = budgetStatus(evaluation).objectives[0]!;
      // Float noise grows with the figure (overspent budgets reach 10^5 %): compare relatively.
      const consumedExact = (bad / allowed) * 100;
      expect(shown.errorBudget!.consumed).toBeGreaterThanOrEqual(consumedExact - 1e-9 * Math.max(1, consumedExact));
      expect(shown.attained!).toBeLessThanOrEqual((1 - bad / total) * 100 + 1e-9);
      if (bad > 0) expect(shown.attained).toBeLessThan(100);
    }));
  });

  it("calls a period without data NoData and never 100% compliant", () => {
    const empty = fc.oneof(
      fc.constant([] as Sample[]),
      // Zero traffic throughout.
      fc.integer({ min: 1, max: 200 }).map((n) => Array.from({ length: n }, (_, i) => ({ start: start + i * hour, end: start + (i + 1) * hour, bad: 0, total: 0 }))),
      // Data only from before the period.
      fc.integer({ min: 1, max: 200 }).map((n) => Array.from({ length: n }, (_, i) => ({ start: start - (i + 1) * hour, end: start - i * hour, bad: 0, total: 100 }))),
    );
    fc.assert(fc.property(empty, fc.integer({ min: 0, max: 720 }), (samples, elapsedHours) => {
      const evaluation = evaluateSla({ sla: sla(novemberUtc, [events("a", 0.999)]), now: start + elapsedHours * hour, period: november, samples: { a: samples } });
      expect(evaluation.state).toBe("NoData");
      expect(evaluation.compliance).toBeNull();
      const status = budgetStatus(evaluation);
      expect(status.compliance).toBeUndefined();
      expect(status.objectives[0]?.attained).toBeUndefined();
      expect(status.objectives[0]?.errorBudget).toBeUndefined();
    }));
  });

  it("does not change anything when bad events are added inside maintenance", () => {
    const windows = fc.array(fc.tuple(fc.integer({ min: 0, max: 719 }), fc.integer({ min: 1, max: 48 })), { maxLength: 6 })
      .map((ws) => ws.map(([h, length]): MaintenanceModel => ({ kind: "fixed", startMs: start + h * hour, endMs: start + (h + length) * hour })));
    const extra = fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 720, maxLength: 720 });
    fc.assert(fc.property(hourlySamples, windows, extra, fc.integer({ min: 1, max: 720 }), (samples, maintenance, more, elapsedHours) => {
      const model = sla(novemberUtc, [events("a", 0.999)], maintenance);
      const inside = (s: Sample) => maintenance.some((m) => m.kind === "fixed" && m.startMs <= s.start && s.end <= m.endMs);
      const worse = samples.map((s, i) => (inside(s) ? { ...s, bad: Math.min(s.total, s.bad + (more[i] ?? 0)) } : s));
      const now = start + elapsedHours * hour;
      const before = evaluateSla({ sla: model, now, period: november, samples: { a: samples } });
      const after = evaluateSla({ sla: model, now, period: november, samples: { a: worse } });
      expect(after).toEqual(before);
    }), { numRuns: 200 });
  });
});
