import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { defaultBurnRateTableDir, loadBurnRateTables, packageRoot } from "./burn-rate-tables.js";

const repositoryRoot = fileURLToPath(new URL("../../../../", import.meta.url)).replace(/\/$/, "");

describe("the package root", () => {
  it("is found from the sources", () => {
    expect(packageRoot()).toBe(repositoryRoot);
    expect(defaultBurnRateTableDir()).toBe(join(repositoryRoot, "policies", "alerting"));
  });

  it("is found from where dist/adapters/fs/ would be", () => {
    expect(packageRoot(join(repositoryRoot, "dist", "adapters", "fs"))).toBe(repositoryRoot);
  });
});

describe("loading burn-rate tables", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "slactl-tables-"));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("loads the package's tables by default", async () => {
    const result = await loadBurnRateTables();
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect([...result.tables.keys()]).toEqual(expect.arrayContaining(["google-sre", "google-28d", "week-7d"]));
    expect(result.tables.get("google-sre")).toMatchObject({ period: "30d", tiers: expect.arrayContaining([{ severity: "page", budgetPercent: 2, longWindow: "1h", shortWindow: "5m" }]) });
  });

  it("loads tables from another folder", async () => {
    await writeFile(join(dir, "fast.yaml"), "name: fast\nperiod: 7d\ntiers:\n  - {severity: page, budgetPercent: 5, longWindow: 1h, shortWindow: 5m}\n");
    await writeFile(join(dir, "notes.md"), "not a table");
    const result = await loadBurnRateTables(dir);
    expect(result.ok && [...result.tables.keys()]).toEqual(["fast"]);
  });

  it("reports schema problems at their line with readable messages", async () => {
    await writeFile(join(dir, "bad.yaml"), [
      "name: bad",
      "period: 30d",
      "tiers:",
      "  - {severity: sms, budgetPercent: 2, longWindow: 1h, shortWindow: 5m}",
      "  - {severity: page, budgetPercent: 5, longWindow: 6h}",
      "  - {severity: page, budgetPercent: 5, longWindow: 6h, shortWindow: 30m, factor: 6}",
      "",
    ].join("\n"));
    const result = await loadBurnRateTables(dir);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => [i.line, i.column, i.path.join("."), i.message])).toEqual([
      [4, 16, "tiers.0.severity", 'expected one of "page", "ticket"'],
      [5, 5, "tiers.1.shortWindow", "required field is missing"],
      [6, 82, "tiers.2.factor", 'unknown field "factor"; expected one of budgetPercent, longWindow, severity, shortWindow'],
    ]);
  });

  it("names the range and the units of a duration it refuses, never a regex", async () => {
    await writeFile(join(dir, "bad.yaml"), [
      "name: bad",
      "period: 30 days",
      "tiers:",
      "  - {severity: page, budgetPercent: 2, longWindow: 1h, shortWindow: 0s}",
      "",
    ].join("\n"));
    const result = await loadBurnRateTables(dir);
    expect(!result.ok && result.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["period", 'expected a duration from 1h to 400d (units y, w, d, h, m, s, ms, largest first, as in 1h30m)'],
    ]);
    await writeFile(join(dir, "bad.yaml"), "name: bad\nperiod: 30d\ntiers:\n  - {severity: page, budgetPercent: 2, longWindow: 1h, shortWindow: 0s}\n");
    const ranged = await loadBurnRateTables(dir);
    expect(!ranged.ok && ranged.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["tiers.0.shortWindow", 'expected a duration from 1m to 400d (units y, w, d, h, m, s, ms, largest first, as in 1h30m), found "0s"'],
    ]);
  });

  it("rejects a short window that is not shorter than the long one, and a name used twice", async () => {
    await writeFile(join(dir, "a.yaml"), "name: same\nperiod: 30d\ntiers:\n  - {severity: page, budgetPercent: 2, longWindow: 1h, shortWindow: 2h}\n");
    await writeFile(join(dir, "b.yaml"), "name: same\nperiod: 30d\ntiers:\n  - {severity: page, budgetPercent: 2, longWindow: 1h, shortWindow: 5m}\n");
    await writeFile(join(dir, "c.yaml"), "name: same\nperiod: 30d\ntiers:\n  - {severity: page, budgetPercent: 2, longWindow: 1h, shortWindow: 5m}\n");
    const result = await loadBurnRateTables(dir);
    expect(!result.ok && result.issues.map((i) => [i.file.slice(dir.length + 1), i.line, i.message])).toEqual([
      ["a.yaml", 4, "the short window (2h) must be shorter than the long window (1h)"],
      ["c.yaml", 1, `burn-rate table "same" is already defined in ${join(dir, "b.yaml")}`],
    ]);
  });

  it("reports a folder that does not exist, malformed YAML and empty files without throwing", async () => {
    expect(await loadBurnRateTables(join(dir, "missing"))).toEqual({ ok: false, issues: [expect.objectContaining({ message: "cannot read the burn-rate tables: no such folder" })] });
    await writeFile(join(dir, "broken.yaml"), "name: [x\n");
    await writeFile(join(dir, "empty.yml"), "");
    const result = await loadBurnRateTables(dir);
    expect(!result.ok && result.issues.map((i) => [i.file.slice(dir.length + 1), i.code])).toEqual([
      ["broken.yaml", "yaml-syntax"],
      ["empty.yml", "policies"],
    ]);
  });
});
