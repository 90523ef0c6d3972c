// The rule-cost benchmark (bench/rule-cost) reduced to what the test suite can afford, on both
// Prometheus releases: one SLO instead of three, and no wait for Prometheus' first compaction
// (samples read do not depend on it; times, which this test does not look at, do). Nothing else is
// scaled: the history is a whole month of 15s scrapes, so every window of both rule sets, up to the
// 30-day period, reads real data of its full length, and every rule is evaluated at each of its
// evaluation times of one hour, as the rule manager would, with `stats=all` counting the samples.
// It asserts that our rules read at most `bound` of what Sloth's rules read for the same SLO, and
// proves that the bound fails rules that read the raw series for their long windows.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runPipeline, type PipelineResult } from "../../bench/rule-cost/pipeline.js";
import { measuredSeconds } from "../../bench/rule-cost/plan.js";
import { compareReleases, report, totals } from "../../bench/rule-cost/report.js";
import type { RuleCost } from "../../bench/rule-cost/measure.js";
import { cleanup } from "../../bench/rule-cost/processes.js";
import { anchors } from "../parity/support.js";
import { repoRoot } from "../support/burn-rate-tables.js";
import { prometheusReleases } from "../support/prometheus-releases.js";
import { rawLongWindows } from "./mutant.js";

/**
 * Our samples read per SLO-hour, as a share of Sloth's, at most. The design reads raw series only
 * in the 5m rates and is at about 0.6% here; a 1h window read from the raw series instead of the
 * recorded 5m rates would alone take it past 1%.
 */
const bound = 0.01;
const scrapeIntervalSeconds = 15;
const jobs = ["rule-cost-1"];
const releases = prometheusReleases();

let dir: string;
let result: PipelineResult;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "slo-rule-cost-"));
  result = await runPipeline({
    jobs, scrapeIntervalSeconds, days: 31, seed: 1, releases, waitForCompaction: false,
    anchorsDir: join(anchors, "sloth"), repoRoot, workDir: dir, extraRules: rawLongWindows,
  });
  const context = { slos: jobs.length, scrapeIntervalSeconds, days: 31, measuredFrom: new Date((result.endSeconds - measuredSeconds) * 1000), measuredTo: new Date(result.endSeconds * 1000) };
  for (const m of result.measured) console.log(report(m.costs, result.plan, { ...context, prometheusVersion: m.version }));
  console.log(compareReleases(result.measured, jobs.length));
}, 900_000);

afterAll(async () => {
  await cleanup();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const costsOn = (major: 2 | 3): readonly RuleCost[] => {
  const measured = result.measured.find((m) => m.release.major === major);
  if (!measured) throw new Error(`Prometheus ${major} was not measured`);
  return measured.costs;
};
const pct = (ratio: number) => `${(ratio * 100).toFixed(2)}%`;
const samplesOf = (costs: readonly RuleCost[]) => costs.reduce((sum, c) => sum + c.samples, 0);

describe.each(releases)("rule cost on $name", ({ major }) => {
  it("evaluates every rule at each of its times in the hour, and every recording rule finds its inputs", () => {
    const costs = costsOn(major);
    expect(costs.filter((c) => c.rule.set === "ours").length).toBeGreaterThan(10);
    for (const cost of costs) {
      expect(cost.evaluations, cost.rule.key).toBe(measuredSeconds / cost.rule.intervalSeconds);
      // One series per evaluation: a window without its month of history would return none and read less.
      if (cost.rule.kind === "record") expect(cost.resultSeries, `${cost.rule.set} ${cost.rule.key}`).toBe(cost.evaluations);
    }
  });

  it("counts the samples of Sloth's raw windows as the range convention of this release says", () => {
    // 2 error series and 3 in total, one sample per 15s; 2.x ranges include both ends, 3.x not the left one.
    const windows = { "5m": 300, "30m": 1800, "1h": 3600, "2h": 7200, "6h": 21_600, "1d": 86_400, "3d": 259_200 };
    for (const [name, seconds] of Object.entries(windows)) {
      const cost = costsOn(major).find((c) => c.rule.set === "sloth" && c.rule.name === `slo:sli_error:ratio_rate${name}`);
      expect(cost?.samples, name).toBe(cost ? cost.evaluations * 5 * (seconds / scrapeIntervalSeconds + (major === 2 ? 1 : 0)) : -1);
    }
  });

  it(`reads at most ${bound * 100}% of the samples Sloth's rules read for the same SLO`, () => {
    const costs = costsOn(major);
    const ours = totals(costs, "ours").samples;
    const sloth = totals(costs, "sloth").samples;
    // Sloth's 30d rule alone reads 2 x 43,200 recorded points 60 times an hour.
    expect(sloth).toBeGreaterThan(5_184_000);
    expect(ours).toBeGreaterThan(0);
    expect(ours / sloth).toBeLessThanOrEqual(bound);
  });

  it("fails the bound for our rules with their long windows read from the raw series", () => {
    const costs = costsOn(major);
    const mutants = costs.filter((c) => c.rule.set === "mutant");
    expect(mutants.map((c) => c.rule.name)).toContain("sla:sli_error:ratio_period");
    for (const mutant of mutants) expect(mutant.resultSeries, mutant.rule.key).toBe(mutant.evaluations);
    const replaced = new Set(mutants.map((c) => c.rule.key));
    const ours = costs.filter((c) => c.rule.set === "ours");
    const mutated = samplesOf(ours.filter((c) => !replaced.has(c.rule.key))) + samplesOf(mutants);
    const sloth = totals(costs, "sloth").samples;
    console.log(`Prometheus ${major}: ours ${samplesOf(ours)} samples per SLO-hour (${pct(samplesOf(ours) / sloth)} of Sloth's ${sloth}); ` +
      `with ${mutants.length} long windows from raw series ${mutated} (${pct(mutated / sloth)})`);
    expect(mutated / sloth).toBeGreaterThan(bound);
  });
});
