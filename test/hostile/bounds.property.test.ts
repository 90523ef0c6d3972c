// Property: durations, burn-rate windows and cron schedules drawn from hostile values (zero,
// overflowing, out of order, longer than the period, days no month has) are refused at their
// field, or the SLA compiles quickly into rules promtool accepts with an alert for every tier.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileHostile, hostileSla, promtoolRefusals, type Outcome } from "./support.js";

const unit = fc.constantFrom("ms", "s", "m", "h", "d", "w", "y");
const part = fc.tuple(fc.oneof(fc.constantFrom(0, 1, 5, 30, 90, 400, 1000), fc.nat({ max: 100_000 }), fc.constant(1e29)), unit)
  .map(([n, u]) => `${BigInt(Math.trunc(n)).toString()}${u}`);
const hostile = fc.oneof(
  fc.array(part, { minLength: 1, maxLength: 3 }).map((parts) => parts.join("")),
  fc.constantFrom("0s", "300y", "1.5h", "30m1h", "1d1d", "-1h", "", "1e29y", "9876543210s", "401d", "59s", "11y"),
);
/** Mostly a value that fits the field, so that many SLAs compile; otherwise anything. */
const duration = (...fitting: string[]) => fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...fitting) }, hostile);
const cronField = (max: number) => fc.oneof(fc.constant("*"), fc.integer({ min: 0, max }).map(String), fc.constantFrom("*/15", "1-5", "30", "31", "MON", "FEB"));
const cron = fc.tuple(cronField(59), cronField(23), cronField(31), cronField(12), cronField(7)).map((fields) => fields.join(" "));

describe("hostile durations, windows and schedules", () => {
  it("are refused at their field or compile into rules promtool accepts", { timeout: 120_000 }, async () => {
    const cases: { label: string; outcome: Outcome }[] = [];
    fc.assert(
      fc.property(duration("7d", "28d", "30d", "90d", "400d"), duration("1h", "6h", "3d"), duration("1m", "5m", "30m"), duration("1m", "2h", "7d"),
        duration("10m", "1h"), cron, duration("1d", "90d", "10y"), (period, long, short, maintenance, noData, schedule, review) => {
        const spec = {
          period: { rolling: period },
          alerting: { burnRateTiers: [{ severity: "page", budgetPercent: 2, longWindow: long, shortWindow: short }], noData: { for: noData } },
          maintenance: [{ schedule, duration: maintenance }],
          review: { every: review },
        };
        const began = performance.now();
        const outcome = compileHostile(hostileSla(spec));
        // Bounded work per SLA: no duration makes the compiler loop or allocate per second of it.
        expect(performance.now() - began).toBeLessThan(2000);
        if ("groups" in outcome) {
          // A tier that was accepted yields an alert: nothing silently disappears.
          expect(outcome.groups.flatMap((g) => g.rules).filter((r) => "alert" in r && r.alert === "SLAErrorBudgetBurn")).toHaveLength(1);
        }
        cases.push({ label: JSON.stringify(spec), outcome });
      }),
      { numRuns: Number(process.env["HOSTILE_RUNS"] ?? 300), seed: Number(process.env["HOSTILE_SEED"] ?? 20261201) },
    );
    const accepted = cases.filter((c) => "groups" in c.outcome).length;
    expect(accepted).toBeGreaterThan(5);
    expect(cases.length - accepted).toBeGreaterThan(5);
    expect(await promtoolRefusals(cases)).toEqual([]);
  });
});
