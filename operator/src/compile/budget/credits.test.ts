import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { serviceCredit } from "./credits.js";

const table = [{ below: 0.999, creditPercent: 10 }, { below: 0.99, creditPercent: 25 }, { below: 0.95, creditPercent: 100 }];

describe("service credits", () => {
  it("owes the credit of the lowest threshold the compliance is still below", () => {
    expect(serviceCredit(table, 0.985)).toBe(25);
    expect(serviceCredit(table, 0.94)).toBe(100);
    expect(serviceCredit(table, 0.995)).toBe(10);
    expect(serviceCredit(table, 0.9995)).toBe(0);
  });

  it("owes nothing at exactly a threshold, and the tier's credit just under it", () => {
    expect(serviceCredit(table, 0.999)).toBe(0);
    expect(serviceCredit(table, 1 - 0.001)).toBe(0); // float noise: 1 - 0.001 is the target
    expect(serviceCredit(table, 0.99899)).toBe(10);
    expect(serviceCredit(table, 0.99)).toBe(10);
    expect(serviceCredit(table, 0.95)).toBe(25);
    expect(serviceCredit(table, 0.9499)).toBe(100);
  });

  it("does not depend on the order of the tiers, and owes nothing without tiers", () => {
    expect(serviceCredit([...table].reverse(), 0.985)).toBe(25);
    expect(serviceCredit([], 0.5)).toBe(0);
  });

  it("never owes less credit for lower compliance", () => {
    // Valid tables: thresholds fall, credits do not.
    const tables = fc.uniqueArray(fc.integer({ min: 1, max: 9999 }), { minLength: 1, maxLength: 6 }).chain((thresholds) =>
      fc.array(fc.integer({ min: 0, max: 100 }), { minLength: thresholds.length, maxLength: thresholds.length }).map((credits) => {
        const below = [...thresholds].sort((a, b) => b - a);
        const sorted = [...credits].sort((a, b) => a - b);
        return below.map((b, i) => ({ below: b / 10_000, creditPercent: sorted[i] as number }));
      }));
    fc.assert(fc.property(tables, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (tiers, a, b) => {
      const [low, high] = a <= b ? [a, b] : [b, a];
      expect(serviceCredit(tiers, low)).toBeGreaterThanOrEqual(serviceCredit(tiers, high));
    }));
  });
});
