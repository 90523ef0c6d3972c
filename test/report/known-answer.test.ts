// `slactl report`, run as users run it (a child process), against a real Prometheus holding every
// shared scenario's recorded tiles (test/scenarios): the JSON figures match the answers computed
// independently from the generated counts to 0.01 percentage points, and the table shows them.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import type { ReportDocument } from "../../operator/src/report/index.js";
import { slactl } from "../cli/slactl.js";
import { startPrometheus, type RunningPrometheus } from "../prometheus/harness.js";
import { OpenMetricsWriter } from "../prometheus/openmetrics.js";
import { scenarios, type Scenario } from "../scenarios/index.js";

const all = scenarios();

/** Scenarios evaluated at the same instant over the same period label: one `slactl report` each. */
function groups(): { at: number; period: string | undefined; scenarios: Scenario[] }[] {
  const byKey = new Map<string, { at: number; period: string | undefined; scenarios: Scenario[] }>();
  for (const s of all) {
    const key = `${s.now}/${s.period ?? ""}`;
    const group = byKey.get(key) ?? { at: s.now, period: s.period, scenarios: [] };
    group.scenarios.push(s);
    byKey.set(key, group);
  }
  return [...byKey.values()];
}

/** Within 0.01 points (the report rounds to 2 decimals, never in the service's favour). */
function within(actual: number | undefined, expected: number | undefined, what: string): void {
  expect(actual, `${what}: missing`).toBeDefined();
  expect(Math.abs((actual as number) - (expected as number)), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(0.01 + 1e-9);
}

describe("slactl report against a real Prometheus with the shared scenarios", () => {
  let prom: RunningPrometheus;
  let dir: string;
  const runs: { group: ReturnType<typeof groups>[number]; folder: string; json: ReportDocument; table: string; code: number; stderr: string }[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "slactl-report-scenarios-"));
    const writer = await OpenMetricsWriter.create(join(dir, "scenarios.om"));
    for (const s of all) await s.write(writer);
    await writer.close();
    prom = await startPrometheus({ blocksFrom: writer.file });
    for (const [i, group] of groups().entries()) {
      const folder = join(dir, `slas-${i}`);
      mkdirSync(folder);
      for (const s of group.scenarios) writeFileSync(join(folder, `${s.name}.yaml`), stringify(s.sla));
      const args = [folder, "--prometheus", prom.url, "--at", new Date(group.at).toISOString(), ...(group.period ? ["--period", group.period] : [])];
      const [json, table] = await Promise.all([slactl("report", ...args, "--format", "json"), slactl("report", ...args)]);
      expect(json.code, json.stderr).toBe(0);
      expect(table.code, table.stderr).toBe(0);
      runs.push({ group, folder, json: JSON.parse(json.stdout) as ReportDocument, table: table.stdout, code: json.code, stderr: json.stderr });
    }
  }, 240_000);

  afterAll(async () => {
    await prom?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("covers every scenario", () => {
    expect(runs.flatMap((r) => r.json.slas.map((s) => s.name)).sort()).toEqual(all.map((s) => s.name).sort());
  });

  for (const scenario of all) {
    it(`${scenario.name}: ${scenario.description}`, () => {
      const run = runs.find((r) => r.group.scenarios.includes(scenario));
      const sla = run?.json.slas.find((s) => s.name === scenario.name && s.namespace === scenario.namespace);
      expect(sla, `${scenario.name} is in the report`).toBeDefined();
      if (!run || !sla) return;
      const expected = scenario.expected;

      expect(Date.parse(sla.period.start)).toBe(expected.period.start);
      expect(Date.parse(sla.period.end)).toBe(expected.period.end);
      expect(sla.state).toBe(expected.state);
      if (expected.compliance === undefined) {
        expect(sla).not.toHaveProperty("compliance");
        expect(sla).not.toHaveProperty("credit");
      } else {
        within(sla.compliance, expected.compliance, "compliance");
        within(sla.budgetRemaining, expected.budgetRemaining, "budget remaining");
        expect(sla.credit).toBe(expected.credit);
      }
      for (const [name, want] of Object.entries(expected.objectives)) {
        const got = sla.objectives.find((o) => o.name === name);
        expect(got, `objective ${name}`).toBeDefined();
        expect(got?.state, `${name} state`).toBe(want.state);
        expect(got?.target).toBe(want.target);
        if (want.attained === undefined) {
          expect(got).not.toHaveProperty("attained");
          expect(got).not.toHaveProperty("errorBudget");
        } else {
          within(got?.attained, want.attained, `${name} attained`);
          within(got?.errorBudget?.consumed, want.consumedPercent, `${name} budget consumed`);
          within(got?.errorBudget?.remaining, want.remainingPercent, `${name} budget remaining`);
        }
        expect(got?.incidents.count, `${name} incidents`).toBe(want.incidents.count);
        if (want.incidents.mttrSeconds !== undefined) {
          const seconds = got?.incidents.list.reduce((sum, i) => sum + i.durationSeconds, 0) ?? 0;
          expect(seconds / (got?.incidents.count ?? 1)).toBeCloseTo(want.incidents.mttrSeconds, 0);
        }

        // The table's row for the objective shows the same figures.
        const row = run.table.split("\n").find((line) => line.startsWith(`${scenario.namespace}/${scenario.name} `) && line.split(/\s{2,}/)[2] === name);
        expect(row, `table row of ${scenario.name}/${name}`).toBeDefined();
        const cells = row?.split(/\s{2,}/) ?? [];
        expect(cells[3]).toBe(`${want.target}%`);
        expect(cells[4]).toBe(got?.attained === undefined ? "no data" : `${got.attained.toFixed(2)}%`);
        expect(cells[5]).toBe(got?.errorBudget === undefined ? "-" : `${got.errorBudget.remaining.toFixed(2)}%`);
        expect(cells[6]).toBe(want.state);
        expect(cells[7]).toBe(expected.credit === undefined ? "-" : `${expected.credit}%`);
      }
    });
  }

  it("warns on stderr about objectives without recorded series", () => {
    const run = runs.find((r) => r.json.slas.some((s) => s.name === "nodata"));
    expect(run?.stderr).toMatch(/nodata: no recorded series in the period for objective latency/);
  });
});
