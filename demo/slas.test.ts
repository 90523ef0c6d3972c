// The demo's SLAs alert on outages, not on the healthy service: their rolling hour gets the
// short-period table, and every tier's threshold sits far above the service's healthy error and
// slow shares. The generated promtool tests (run here) prove the tiers' timing, and a test written
// here runs the demo's story through Prometheus' rule evaluation: no alert while healthy, no page
// and no counted error for an outage in the maintenance window, a page for one outside it. (With
// the window expanded away from the test's clock, that test fails: the outage pages.)
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

// The demo's own story, on Prometheus' rule evaluation (promtool), with the rules as the demo
// applies them (maintenance expanded from the clock, here the promtool clock's start, 1970-01-01
// 00:00 UTC, so the hourly :50 window falls at 00:50, 01:50, ...): the healthy service fires no
// alert at all; an outage inside the window pages nobody and records no error for the windows,
// tiles and budget; the same outage outside the window pages.
describe("the demo on Prometheus' rule evaluation", () => {
  const atEpoch = readdirSync(dir).filter((f) => f.endsWith(".yaml")).sort().map((f) => {
    const result = compile(parse(readFileSync(join(dir, f), "utf8")), { burnRateTables: loadTables(), now: 0 });
    if (!result.ok) throw new Error(`${f}: ${JSON.stringify(result.issues)}`);
    return result.value;
  });
  const minutes = 150;
  const perMinute = 50 * 60;
  /** Counter values per minute 0..minutes: `increment(m)` requests in minute m. */
  const counter = (increment: (m: number) => number): string => {
    const values: number[] = [0];
    for (let m = 1; m <= minutes; m++) values.push(Number(((values[m - 1] ?? 0) + increment(m)).toFixed(6)));
    return values.join(" ");
  };
  /** The demo service's series: 50 req/s, 0.1% 500s (all failing with 503 in `outage` minutes), the healthy latency share. */
  const series = (outage: (m: number) => boolean) => [
    { series: 'http_requests_total{job="demo",code="200"}', values: counter((m) => (outage(m) ? 0 : perMinute * (1 - healthy.ratio))) },
    { series: 'http_requests_total{job="demo",code="500"}', values: counter((m) => (outage(m) ? 0 : perMinute * healthy.ratio)) },
    { series: 'http_requests_total{job="demo",code="503"}', values: counter((m) => (outage(m) ? perMinute : 0)) },
    { series: 'http_request_duration_seconds_bucket{job="demo",le="0.3"}', values: counter(() => perMinute * (1 - healthy.latency)) },
    { series: 'http_request_duration_seconds_bucket{job="demo",le="+Inf"}', values: counter(() => perMinute) },
    { series: 'http_request_duration_seconds_count{job="demo"}', values: counter(() => perMinute) },
  ];
  const firing = (at: number, expr: string, value: number) => ({ expr, eval_time: `${at}m`, exp_samples: value === 0 ? [{ labels: "{}", value: 0 }] : [{ labels: "{}", value }] });
  const anyAlert = 'count(ALERTS{alertstate="firing"}) or vector(0)';
  const pages = 'count(ALERTS{alertstate="firing", alertname="SLAErrorBudgetBurn", severity="critical", sla="demo-availability"}) or vector(0)';

  const run = async (tests: object[]) => {
    const work = mkdtempSync(join(tmpdir(), "slo-demo-story-"));
    try {
      const ruleFiles = atEpoch.map((s) => {
        writeFileSync(join(work, `${s.model.name}.rules.yaml`), s.files["rules.yaml"] as string);
        return `${s.model.name}.rules.yaml`;
      });
      writeFileSync(join(work, "story.test.yaml"), JSON.stringify({ rule_files: ruleFiles, evaluation_interval: "1m", tests }));
      return await promtool(["test", "rules", "story.test.yaml"], work);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  };

  it("expands the hourly window to :50-:55 at the promtool clock's start", () => {
    const availability = atEpoch.find((s) => s.model.name === "demo-availability");
    expect(availability?.maintenance.intervals.filter((i) => i.start >= 0).slice(0, 3)).toEqual([0, 1, 2].map((h) => ({ start: (h * 60 + 50) * 60_000, end: (h * 60 + 55) * 60_000 })));
  });

  it("fires no alert for the healthy service, and pages for an outage outside the window but not inside it", { timeout: 300_000 }, async () => {
    const healthyRun = { interval: "1m", input_series: series(() => false), promql_expr_test: [20, 60, 90, 120, 149].map((m) => firing(m, anyAlert, 0)) };
    // All requests fail 00:50-00:55 (inside the window) and 01:20-01:25 (outside it).
    const inside = (m: number) => m > 50 && m <= 55;
    const outside = (m: number) => m > 80 && m <= 85;
    const outages = {
      interval: "1m",
      input_series: series((m) => inside(m) || outside(m)),
      promql_expr_test: [
        // Inside the window and after it, until the second outage: no alert; the 5m rates the windows and tiles are built from count no error.
        ...[53, 55, 58, 62, 70, 79].map((m) => firing(m, anyAlert, 0)),
        ...[53, 55, 58].map((m) => firing(m, 'sum(sla:sli_errors:rate5m{sla="demo-availability"})', 0)),
        firing(70, 'sum(sla:sli_error:ratio_rate15m{sla="demo-availability"}) < bool 0.002', 1),
        // Outside the window the same outage pages.
        firing(85, pages, 1),
      ],
    };
    const result = await run([healthyRun, outages]);
    expect(result.ok, result.output).toBe(true);
  });
});
