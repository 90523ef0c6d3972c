import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { ObjectiveEvaluation, SlaEvaluation } from "./figures.js";
import { periodByLabel } from "./periods.js";
import { budgetStatus, ceil2, floor2, round2 } from "./status.js";

describe("rounding of status figures", () => {
  it("rounds attained levels down, so nothing short of perfect shows 100 and nothing short of a target shows the target", () => {
    expect(floor2(99.9999)).toBe(99.99);
    expect(floor2(99.8999)).toBe(99.89);
    expect(floor2((1 - 0.0005) * 100)).toBe(99.95); // 99.94999999999999 in floating point
    expect(floor2(100)).toBe(100);
  });

  it("rounds consumed budget up and negative figures away from the flattering side", () => {
    expect(ceil2(40.000000000000004)).toBe(40);
    expect(ceil2(27.2851296)).toBe(27.29);
    expect(floor2(-12.341)).toBe(-12.35);
    expect(round2(2.005)).toBe(2.01);
    expect(round2(-0.004)).toBe(0);
    expect(Object.is(round2(-0.004), -0)).toBe(false);
  });

  it("never shows less consumed budget than was spent, and at most a hundredth more", () => {
    fc.assert(fc.property(fc.double({ min: -500, max: 500, noNaN: true }), (consumed) => {
      const shown = ceil2(consumed);
      expect(shown).toBeGreaterThanOrEqual(consumed - 1e-9);
      expect(shown - consumed).toBeLessThan(0.01 + 1e-9);
    }));
  });
});

describe("the status block", () => {
  const period = periodByLabel("2026-11", "Europe/Berlin")!;
  const objective = (name: string, attained: number | null, consumedPercent: number | null): ObjectiveEvaluation => ({
    name, target: 0.999, budget: 0.001, unit: "events", state: attained === null ? "NoData" : "AtRisk", reason: "",
    measured: { bad: 0, total: 0 }, attained,
    errorBudget: consumedPercent === null ? null : { allowed: 100, consumed: consumedPercent, remaining: 100 - consumedPercent, consumedPercent, remainingPercent: 100 - consumedPercent },
    burnRates: [{ windowSeconds: 3600, rate: 0.4 }, { windowSeconds: 21_600, rate: 2.1 }, { windowSeconds: 259_200, rate: 1.3 }],
    exhaustion: Date.UTC(2026, 10, 29, 18),
    incidents: { count: 2, mttrSeconds: 1500, mtbfSeconds: 312 * 3600, downtimeSeconds: 3000 },
    incidentList: [], coverage: 1, elapsedShare: 0.88,
  });

  it("has the shape of DESIGN.md's status, with the period in the zone's offset and instants in UTC", () => {
    const evaluation: SlaEvaluation = {
      now: Date.UTC(2026, 10, 27, 10), period, state: "AtRisk", compliance: 0.99931, credit: 0, budgetRemainingPercent: 31.2,
      objectives: [objective("availability", 0.99931, 68.8)], maintenance: [],
    };
    expect(budgetStatus(evaluation)).toEqual({
      lastEvaluated: "2026-11-27T10:00:00Z",
      period: { start: "2026-11-01T00:00:00+01:00", end: "2026-12-01T00:00:00+01:00" },
      state: "AtRisk",
      compliance: 99.93,
      credit: 0,
      budgetRemaining: 31.2,
      objectives: [{
        name: "availability",
        attained: 99.93,
        target: 99.9,
        errorBudget: { remaining: 31.2, consumed: 68.8 },
        burnRate: { "1h": 0.4, "6h": 2.1, "3d": 1.3 },
        exhaustion: "2026-11-29T18:00:00Z",
        incidents: { count: 2, mttr: "25m", mtbf: "312h" },
        state: "AtRisk",
      }],
    });
  });

  it("leaves out what is unknown instead of writing zero or 100", () => {
    const evaluation: SlaEvaluation = {
      now: Date.UTC(2026, 10, 27, 10), period, state: "NoData", compliance: null, credit: null, budgetRemainingPercent: null,
      objectives: [{ ...objective("availability", null, null), burnRates: [{ windowSeconds: 3600, rate: null }], exhaustion: null, incidents: { count: 0, mttrSeconds: null, mtbfSeconds: null, downtimeSeconds: 0 } }],
      maintenance: [],
    };
    const status = budgetStatus(evaluation);
    expect(Object.keys(status)).toEqual(["lastEvaluated", "period", "state", "objectives"]);
    expect(status.objectives[0]).toEqual({ name: "availability", target: 99.9, burnRate: {}, incidents: { count: 0 }, state: "NoData" });
  });
});
