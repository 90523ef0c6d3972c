import { describe, expect, it } from "vitest";
import { attainedLevel, burnRate, errorBudget, objectiveState, projectExhaustion, worseState } from "./budget.js";
import { periodByLabel, rollingPeriod } from "./periods.js";

const hour = 3_600_000;
const day = 24 * hour;

describe("error budget", () => {
  it("spends half of a 99.9% budget with 500 errors in 1,000,000 events over a full rolling period", () => {
    const measured = { bad: 500, total: 1_000_000 };
    expect(attainedLevel(measured)).toBeCloseTo(0.9995, 12);
    // Allowed: 0.1% of 1,000,000 = 1000 errors; 500 spent, 500 left.
    const budget = errorBudget(measured, 0.001, 1)!;
    expect(budget.allowed).toBeCloseTo(1000, 9);
    expect(budget.consumed).toBe(500);
    expect(budget.remaining).toBeCloseTo(500, 9);
    expect(budget.consumedPercent).toBeCloseTo(50, 9);
    expect(budget.remainingPercent).toBeCloseTo(50, 9);
  });

  it("goes negative when overspent and says so in percent", () => {
    const budget = errorBudget({ bad: 1500, total: 1_000_000 }, 0.001, 1)!;
    expect(budget.remaining).toBeCloseTo(-500, 9);
    expect(budget.consumedPercent).toBeCloseTo(150, 9);
    expect(budget.remainingPercent).toBeCloseTo(-50, 9);
  });

  it("gives a time-based objective the whole period's budget: 43.2 minutes of a 30-day month at 99.9%", () => {
    // Ten days of a 30-day month have passed (a third), with 30 minutes down.
    const budget = errorBudget({ bad: 30 * 60, total: 10 * 86_400 }, 0.001, 1 / 3)!;
    expect(budget.allowed).toBeCloseTo(43.2 * 60, 6);
    // 1800 s of 2592 s: 69.44%.
    expect(budget.consumedPercent).toBeCloseTo((1800 / 2592) * 100, 9);
  });

  it("has no budget without data", () => {
    expect(errorBudget({ bad: 0, total: 0 }, 0.001, 0.5)).toBeNull();
    expect(attainedLevel({ bad: 0, total: 0 })).toBeNull();
  });
});

describe("burn rate", () => {
  it("is the window's bad ratio over the budget ratio", () => {
    // 10 bad of 1000 is 1%, ten times the 0.1% budget.
    expect(burnRate({ bad: 10, total: 1000 }, 0.001)).toBeCloseTo(10, 9);
    expect(burnRate({ bad: 0, total: 1000 }, 0.001)).toBe(0);
    expect(burnRate({ bad: 0, total: 0 }, 0.001)).toBeNull();
  });
});

describe("projected exhaustion", () => {
  const november = periodByLabel("2026-11", "UTC")!; // 720 hours
  const now = Date.UTC(2026, 10, 16);

  it("runs a calendar budget out after remaining × period ÷ burn rate", () => {
    // 60% left of a 720h period at burn rate 2: 0.6 × 720h / 2 = 216h = 9 days → 25 November.
    const at = projectExhaustion({ period: november, now, consumedShare: 0.4, burnRate: 2, countablePeriodMs: 720 * hour, maintenance: [] });
    expect(at).toBe(Date.UTC(2026, 10, 25));
  });

  it("pauses spending during maintenance ahead", () => {
    const maintenance = [{ start: Date.UTC(2026, 10, 20), end: Date.UTC(2026, 10, 21) }];
    const at = projectExhaustion({ period: november, now, consumedShare: 0.4, burnRate: 2, countablePeriodMs: 720 * hour, maintenance });
    expect(at).toBe(Date.UTC(2026, 10, 26));
  });

  it("is absent when the budget outlasts the period, the burn rate is zero, or the budget is gone", () => {
    // 0.6 × 720h / 0.5 = 864h, beyond the 360h left.
    const base = { period: november, now, countablePeriodMs: 720 * hour, maintenance: [] };
    expect(projectExhaustion({ ...base, consumedShare: 0.4, burnRate: 0.5 })).toBeNull();
    expect(projectExhaustion({ ...base, consumedShare: 0.4, burnRate: 0 })).toBeNull();
    expect(projectExhaustion({ ...base, consumedShare: 1.2, burnRate: 5 })).toBeNull();
  });

  it("lets a rolling window shed old data: it runs out only above burn rate 1", () => {
    const rolling = rollingPeriod(30 * 86_400, now);
    const base = { period: rolling, now, countablePeriodMs: 30 * day, maintenance: [] };
    // Half spent, burning at 2: spending rises at (2 - 0.5) per period: 0.5 × 30d / 1.5 = 10 days.
    expect(projectExhaustion({ ...base, consumedShare: 0.5, burnRate: 2 })).toBe(now + 10 * day);
    expect(projectExhaustion({ ...base, consumedShare: 0.5, burnRate: 0.9 })).toBeNull();
  });
});

describe("state", () => {
  const budget = (consumedPercent: number) => ({ allowed: 100, consumed: consumedPercent, remaining: 100 - consumedPercent, consumedPercent, remainingPercent: 100 - consumedPercent });
  const base = { target: 0.999, exhaustion: null, atRiskRemainingPercent: 25 };

  it("is NoData without measurements, never compliant", () => {
    expect(objectiveState({ ...base, attained: null, budget: null }).state).toBe("NoData");
  });

  it("is Breached once more than the whole budget is spent, and AtRisk at exactly all of it", () => {
    expect(objectiveState({ ...base, attained: 0.9985, budget: budget(150) }).state).toBe("Breached");
    expect(objectiveState({ ...base, attained: 0.999, budget: budget(100) }).state).toBe("AtRisk");
  });

  it("is AtRisk below target so far, when the budget runs out before the end, or when little is left", () => {
    expect(objectiveState({ ...base, attained: 0.998, budget: budget(60) }).state).toBe("AtRisk");
    expect(objectiveState({ ...base, attained: 0.9995, budget: budget(40), exhaustion: Date.UTC(2026, 10, 25) }).state).toBe("AtRisk");
    expect(objectiveState({ ...base, attained: 0.9998, budget: budget(80) }).state).toBe("AtRisk");
    expect(objectiveState({ ...base, attained: 0.9998, budget: budget(75) }).state).toBe("Compliant");
  });

  it("ranks Breached over NoData over AtRisk over Compliant", () => {
    expect(worseState("Compliant", "AtRisk")).toBe("AtRisk");
    expect(worseState("NoData", "AtRisk")).toBe("NoData");
    expect(worseState("Breached", "NoData")).toBe("Breached");
  });
});
