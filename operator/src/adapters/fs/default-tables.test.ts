// Which burn-rate table an SLA gets when it names none, over the package's own tables
// (policies/alerting): the defaults must never refuse a period a user may reasonably write.
import { beforeAll, describe, expect, it } from "vitest";
import { loadBurnRateTables } from "./burn-rate-tables.js";
import type { BurnRateTable } from "../../api/v1alpha1/types.js";
import { parseDuration } from "../../compile/duration.js";
import { tableForPeriod } from "../../compile/normalize.js";

let tables: ReadonlyMap<string, BurnRateTable>;
beforeAll(async () => {
  const loaded = await loadBurnRateTables();
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  tables = loaded.tables;
});

const pick = (period: string) => tableForPeriod(tables, parseDuration(period) as number);
/** The smallest burn-rate factor the chosen table gives the period: at or below 1 the SLA is refused. */
const smallestFactor = (period: string) => {
  const p = parseDuration(period) as number;
  const table = tables.get(pick(period)) as BurnRateTable;
  return Math.min(...table.tiers.map((t) => (t.budgetPercent / 100) * p / (parseDuration(t.longWindow) as number)));
};

describe("the burn-rate table of an SLA that names none", () => {
  it("is the table made for the period, or the one whose range holds it", () => {
    expect(pick("30d")).toBe("google-sre");
    expect(pick("28d")).toBe("google-28d");
    expect(pick("7d")).toBe("week-7d");
    expect(pick("1h")).toBe("short-period");
    expect(pick("1d")).toBe("short-period");
  });

  it("is the nearest table that fits for other periods: 14 days get the week's table, not the Workbook's that would refuse them", () => {
    // By hand: the Workbook's 3-day ticket tier gives 10% x 14d / 3d = 0.47 for 14 days.
    expect(pick("14d")).toBe("week-7d");
    expect(pick("90d")).toBe("google-sre");
    expect(pick("3d")).toBe("short-period");
  });

  it("keeps every factor at 1 or above (what validation accepts; the Workbook's own 3-day tier is exactly 1) for the periods users write", () => {
    for (const period of ["1h", "6h", "12h", "1d", "2d", "3d", "5d", "7d", "10d", "14d", "21d", "28d", "30d", "31d", "60d", "90d", "92d", "180d", "365d"]) {
      expect(smallestFactor(period), period).toBeGreaterThanOrEqual(1 - 1e-9);
    }
  });
});
