// The demo's SLAs alert on outages, not on the healthy service: their rolling hour gets the
// short-period table, and every tier's threshold sits far above the service's healthy error and
// slow shares. The generated promtool tests (run here) prove the tiers' timing.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { compile } from "../operator/src/compile/index.js";
import { tierThreshold } from "../operator/src/compile/rules.js";
import { loadTables } from "../test/support/burn-rate-tables.js";
import { promtool } from "../test/support/promtool.js";
import { expectedSlowShare } from "./service.js";

const dir = join(import.meta.dirname, "slas");
const slas = readdirSync(dir).filter((f) => f.endsWith(".yaml")).sort().map((f) => {
  const result = compile(parse(readFileSync(join(dir, f), "utf8")), { burnRateTables: loadTables(), now: Date.UTC(2026, 11, 1) });
  if (!result.ok) throw new Error(`${f}: ${JSON.stringify(result.issues)}`);
  return result.value;
});
// The demo's defaults: 0.1% of requests fail; a few in ten thousand are slower than 300 ms.
const healthy = { ratio: 0.001, latency: expectedSlowShare(0.3, 0) };

describe.each(slas.map((s) => [s.model.name, s] as const))("demo SLA %s", (_, sla) => {
  it("alerts on the short-period table, with every threshold at least five times the healthy bad share", () => {
    expect(sla.model.alerting?.burnRateTable).toBe("short-period");
    for (const objective of sla.model.objectives) {
      const share = objective.indicator.kind === "latency" ? healthy.latency : healthy.ratio;
      for (const tier of sla.model.alerting?.tiers ?? []) expect(tierThreshold(tier, objective)).toBeGreaterThan(5 * share);
    }
  });

  it("passes its generated promtool tests", { timeout: 600_000 }, async () => {
    const work = mkdtempSync(join(tmpdir(), "slo-demo-tests-"));
    try {
      for (const [suffix, text] of Object.entries(sla.files)) writeFileSync(join(work, `${sla.model.name}.${suffix}`), text);
      for (const file of Object.keys(sla.files).filter((s) => s.endsWith("rules.test.yaml"))) {
        const result = await promtool(["test", "rules", `${sla.model.name}.${file}`], work);
        expect(result.ok, result.output).toBe(true);
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
