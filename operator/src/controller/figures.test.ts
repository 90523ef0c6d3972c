import { describe, expect, it } from "vitest";
import type { BudgetStatus } from "../compile/budget/index.js";
import { reviewStatus } from "../measure/review.js";
import { findCondition } from "./conditions.js";
import { applyFigures, type FiguresRecord } from "./figures.js";
import { statusPatch, type OwnedStatus } from "./status.js";

const t0 = new Date("2026-11-27T10:00:00Z");
const later = (ms: number) => new Date(t0.getTime() + ms);
const figures = (compliance: number, lastEvaluated = "2026-11-27T10:00:00Z"): BudgetStatus => ({
  lastEvaluated,
  period: { start: "2026-10-28T10:00:00Z", end: lastEvaluated },
  state: "Compliant",
  compliance,
  credit: 0,
  budgetRemaining: 50,
  objectives: [{ name: "availability", attained: compliance, target: 99.9, errorBudget: { remaining: 50, consumed: 50 }, burnRate: { "1h": 0.5 }, incidents: { count: 0 }, state: "Compliant" }],
});
const review = reviewStatus(undefined, "UTC", t0.getTime());
const measured = (compliance: number, at: Date): FiguresRecord => ({
  generation: 1, at: at.getTime(), review,
  outcome: {
    kind: "measured", status: figures(compliance, `${at.toISOString().slice(0, 19)}Z`), periodMoves: true,
    metrics: { available: true, reason: "SeriesFound", message: "recorded series found for the objective", missing: [] },
    compliant: { type: "Compliant", status: "True", reason: "TargetsMet", message: "availability 99.95% ≥ 99.9%" },
  },
});
const failed = (message: string, at: Date): FiguresRecord => ({
  generation: 1, at: at.getTime(), review, outcome: { kind: "failed", reason: "PrometheusUnreachable", message },
});

describe("applyFigures", () => {
  it("writes the figures and the three evaluation conditions", () => {
    const status = applyFigures(undefined, measured(99.95, t0), t0);
    expect(status).toMatchObject({ state: "Compliant", compliance: 99.95, budgetRemaining: 50, credit: 0, lastEvaluated: "2026-11-27T10:00:00Z" });
    expect(status.conditions?.map((c) => `${c.type}=${c.status}/${c.reason}`)).toEqual(["MetricsAvailable=True/SeriesFound", "Compliant=True/TargetsMet", "ReviewDue=False/NoReviewPolicy"]);
  });

  it("writes nothing when only the time moved, until the heartbeat is due", () => {
    const first = applyFigures(undefined, measured(99.95, t0), t0);
    const minuteLater = applyFigures(first, measured(99.95, later(60_000)), later(60_000));
    expect(statusPatch(first, minuteLater)).toEqual({});
    const tenMinutesLater = applyFigures(first, measured(99.95, later(600_000)), later(600_000));
    expect(Object.keys(statusPatch(first, tenMinutesLater)).sort()).toEqual(["lastEvaluated", "period"]);
  });

  it("moves lastEvaluated with any other change", () => {
    const first = applyFigures(undefined, measured(99.95, t0), t0);
    const next = applyFigures(first, measured(99.94, later(60_000)), later(60_000));
    expect(Object.keys(statusPatch(first, next)).sort()).toEqual(["compliance", "lastEvaluated", "objectives", "period"]);
    expect(next["lastEvaluated"]).toBe("2026-11-27T10:01:00Z");
  });

  it("keeps the figures when Prometheus fails, and the first message while the same failure goes on", () => {
    const first = applyFigures(undefined, measured(99.95, t0), t0);
    const down = applyFigures(first, failed("connect ECONNREFUSED", later(60_000)), later(60_000));
    expect(Object.keys(statusPatch(first, down))).toEqual(["conditions"]);
    expect(findCondition(down.conditions, "MetricsAvailable")).toMatchObject({ status: "False", reason: "PrometheusUnreachable", message: "connect ECONNREFUSED", lastTransitionTime: "2026-11-27T10:01:00Z" });
    expect(findCondition(down.conditions, "Compliant")).toEqual(findCondition(first.conditions, "Compliant"));
    const stillDown = applyFigures(down, failed("socket hang up", later(120_000)), later(120_000));
    expect(statusPatch(down, stillDown)).toEqual({});
    const back = applyFigures(stillDown, measured(99.95, later(180_000)), later(180_000));
    expect(findCondition(back.conditions, "MetricsAvailable")).toMatchObject({ status: "True", lastTransitionTime: "2026-11-27T10:03:00Z" });
  });

  it("turns Compliant Unknown (MetricsStale) once nothing was measured for 15 minutes, and keeps the figures", () => {
    const first = applyFigures(undefined, measured(99.95, t0), t0);
    const at14 = applyFigures(first, failed("connect ECONNREFUSED", later(14 * 60_000)), later(14 * 60_000));
    expect(findCondition(at14.conditions, "Compliant")).toMatchObject({ status: "True", reason: "TargetsMet" });
    const at15 = applyFigures(at14, failed("connect ECONNREFUSED", later(15 * 60_000)), later(15 * 60_000));
    expect(findCondition(at15.conditions, "Compliant")).toMatchObject({ status: "Unknown", reason: "MetricsStale", lastTransitionTime: "2026-11-27T10:15:00Z" });
    expect(findCondition(at15.conditions, "Compliant")?.message).toBe("not measured since 2026-11-27T10:00:00Z: connect ECONNREFUSED");
    expect(at15).toMatchObject({ compliance: 99.95, lastEvaluated: "2026-11-27T10:00:00Z" });
    // A status patch carries it, so the reconcile writes it.
    expect(Object.keys(statusPatch(at14, at15))).toEqual(["conditions"]);
    const back = applyFigures(at15, measured(99.95, later(16 * 60_000)), later(16 * 60_000));
    expect(findCondition(back.conditions, "Compliant")).toMatchObject({ status: "True", reason: "TargetsMet" });
  });

  it("says Compliant is Unknown when Prometheus failed before anything was measured", () => {
    const status = applyFigures({}, failed("timeout", t0), t0);
    expect(status).not.toHaveProperty("state");
    expect(findCondition(status.conditions, "Compliant")).toMatchObject({ status: "Unknown", reason: "MetricsUnavailable" });
  });

  it("removes figures that became unknown instead of keeping stale ones", () => {
    const first = applyFigures(undefined, measured(99.95, t0), t0);
    const noData: FiguresRecord = {
      ...measured(99.95, later(60_000)),
      outcome: {
        kind: "measured", periodMoves: true,
        status: { lastEvaluated: "2026-11-27T10:01:00Z", period: { start: "2026-10-28T10:01:00Z", end: "2026-11-27T10:01:00Z" }, state: "NoData", objectives: [] },
        metrics: { available: false, reason: "NoSeries", message: "no series", missing: ["availability"] },
        compliant: { type: "Compliant", status: "Unknown", reason: "NoData", message: "nothing measured" },
      },
    };
    const next = applyFigures(first, noData, later(60_000));
    expect(statusPatch(first, next)).toMatchObject({ compliance: null, credit: null, budgetRemaining: null, state: "NoData" });
  });

  it("leaves an invalid SLA's status alone", () => {
    const invalid: OwnedStatus = { state: "Invalid", compliance: 99 };
    expect(applyFigures(invalid, measured(99.95, t0), t0)).toBe(invalid);
  });
});

describe("reviewStatus", () => {
  const at = Date.UTC(2026, 11, 30, 12);
  it("is due 90 days after the last review, at midnight in the SLA's zone", () => {
    expect(reviewStatus({ every: "90d", lastReviewed: "2026-10-01" }, "UTC", at)).toMatchObject({ due: true, reason: "ReviewOverdue", dueAt: Date.UTC(2026, 11, 30) });
    expect(reviewStatus({ every: "90d", lastReviewed: "2026-10-01" }, "UTC", Date.UTC(2026, 11, 29, 23))).toMatchObject({ due: false, reason: "ReviewCurrent" });
    expect(reviewStatus({ every: "90d", lastReviewed: "2026-10-01" }, "Europe/Berlin", at).dueAt).toBe(Date.UTC(2026, 8, 30, 22) + 90 * 86_400_000);
  });
  it("is due when never reviewed, and not without a policy", () => {
    expect(reviewStatus({ every: "90d" }, "UTC", at)).toMatchObject({ due: true, reason: "NeverReviewed" });
    expect(reviewStatus(undefined, "UTC", at)).toMatchObject({ due: false, reason: "NoReviewPolicy" });
  });
});
