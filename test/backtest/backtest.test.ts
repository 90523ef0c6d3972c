// slactl backtest against real Prometheus servers, with the real promtool and a real scratch
// Prometheus that the command starts itself.
// 1. Known answers: 12 hours of raw history with uneven traffic (10 req/s at 0.1% errors, then
//    1 req/s at 0.5% with a 20-minute outage) give attained level, budget consumed and the page
//    of the outage, to 0.01 pp.
// 2. The same rules live: a Prometheus that scrapes a target through an outage evaluates the SLA's
//    rules itself; a second one scrapes the same target without rules. The backtest over the second
//    must report the pages the first fired (ALERTS), within one evaluation interval.
import { mkdtempSync, writeFileSync } from "node:fs";
import { once } from "node:events";
import { createServer, type Server, type AddressInfo } from "node:net";
import { createServer as createHttpServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { stringify } from "yaml";
import { backtestCommand } from "../../operator/src/cli/backtest.js";
import { compile } from "../../operator/src/compile/index.js";
import { loadTables } from "../support/burn-rate-tables.js";
import { availabilityObjective, checkoutSla } from "../../operator/src/compile/workbook.fixture.js";
import { prometheus2 } from "../support/prometheus-releases.js";
import { startPrometheus, type RunningPrometheus } from "../prometheus/harness.js";
import { OpenMetricsWriter, writeCounterHistory } from "../prometheus/openmetrics.js";

vi.setConfig({ testTimeout: 1_200_000, hookTimeout: 900_000 });
process.env["PROMETHEUS"] ??= prometheus2.prometheus;
process.env["PROMTOOL"] ??= prometheus2.promtool;

const minute = 60_000;
const hour = 60 * minute;

const slaFor = (job: string) => checkoutSla({
  period: { rolling: "30d" },
  objectives: [availabilityObjective(job)],
  credits: [{ below: 99.9, credit: 10 }, { below: 99, credit: 25 }],
});

interface Backtest {
  report: { slas: { compliance?: number; credit?: number; objectives: { attained?: number; errorBudget?: { consumed?: number; remaining?: number }; incidents?: unknown }[] }[] };
  alerts: { kind: string; firedAt: string; resolvedAt: string | null; labels: Record<string, string> }[];
}

async function backtest(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await backtestCommand(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

function slaFile(dir: string, job: string): string {
  const file = join(dir, "checkout.yaml");
  writeFileSync(file, stringify(slaFor(job)));
  return file;
}

describe("slactl backtest: known answers on raw history", () => {
  const start = Math.floor(Date.now() / hour) * hour - 20 * hour;
  const switchAt = start + 6 * hour;
  const outage = { from: start + 8 * hour, to: start + 8 * hour + 20 * minute };
  const end = start + 12 * hour;
  let prom: RunningPrometheus;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "slactl-backtest-"));
    const writer = await OpenMetricsWriter.create(join(dir, "history.om"));
    const total = (t: number) => (t < start || t >= end ? 0 : t < switchAt ? 10 : 1);
    const errorShare = (t: number) => (t < switchAt ? 0.001 : t >= outage.from && t < outage.to ? 1 : 0.005);
    await writeCounterHistory(writer, { metric: "http_requests_total", labels: { job: "checkout", code: "200" }, startMs: start - hour, endMs: end + 30 * minute, stepMs: 15_000, ratePerSecond: (t) => total(t) * (1 - errorShare(t)) });
    await writeCounterHistory(writer, { metric: "http_requests_total", labels: { job: "checkout", code: "500" }, startMs: start - hour, endMs: end + 30 * minute, stepMs: 15_000, ratePerSecond: (t) => total(t) * errorShare(t) });
    await writer.close();
    prom = await startPrometheus({ blocksFrom: writer.file });
  });

  afterAll(async () => {
    await prom?.stop();
  });

  it("reports the attained level, budget and credit of the range to 0.01 pp, and the outage's page", async () => {
    const { code, stdout, stderr } = await backtest([slaFile(dir, "checkout"), "--prometheus", prom.url, "--from", new Date(start).toISOString(), "--to", new Date(end).toISOString(), "--output", "json"]);
    expect(code, stderr).toBe(0);
    expect(stderr).toMatch(/stage 1 of \d+/);
    const result = JSON.parse(stdout) as Backtest;
    // Errors over events, whatever the traffic: 216 + 102 + 1200 errors of 216,000 + 21,600 requests.
    const errors = 6 * 3600 * 10 * 0.001 + (6 * 60 - 20) * 60 * 0.005 + 20 * 60;
    const events = 6 * 3600 * 10 + 6 * 3600;
    const objective = result.report.slas[0]!.objectives[0]!;
    expect(Math.abs(objective.attained! - (100 - (100 * errors) / events))).toBeLessThan(0.01);
    // Budget consumed, in percent of the budget (0.1%): the error ratio over 0.1%.
    expect(Math.abs(objective.errorBudget!.consumed! - (100 * errors) / events / 0.1 * 100)).toBeLessThan(0.01 / 0.1 * 100);
    // 99.36% is below 99.9 but not 99: the 10% tier.
    expect(result.report.slas[0]!.credit).toBe(10);
    // The average of the two phases' ratios would be far off: (0.1% + 6.05%) / 2.
    expect(Math.abs(objective.attained! - (100 - (0.1 + 6.05) / 2))).toBeGreaterThan(2);
    const pages = result.alerts.filter((a) => a.kind === "page");
    expect(pages.length).toBeGreaterThan(0);
    const firstPage = Date.parse(pages[0]!.firedAt);
    // 100% errors cross the 14.4x threshold over 5m and 1h within a few evaluations.
    expect(firstPage).toBeGreaterThanOrEqual(outage.from);
    expect(firstPage).toBeLessThan(outage.from + 5 * minute);
    expect(pages.every((p) => Date.parse(p.firedAt) < outage.to + hour)).toBe(true);
    expect(pages[0]!.labels["long_window"]).toBe("1h");
  });

  it("renders a table and markdown with the alerts", async () => {
    const args = [slaFile(dir, "checkout"), "--prometheus", prom.url, "--from", new Date(start).toISOString(), "--to", new Date(end).toISOString()];
    const table = await backtest(args);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/shop\/checkout\s+.*availability\s+99\.9%\s+99\.3\d%/);
    expect(table.stdout).toMatch(/ALERTS: \d+ pages?, \d+ tickets?/);
    expect(table.stdout).toMatch(/page\s+SLAErrorBudgetBurn\s+1h\/5m\s+\d{4}-/);
    const markdown = await backtest([...args, "--output", "markdown"]);
    expect(markdown.code).toBe(0);
    expect(markdown.stdout).toContain("## Alerts it would have sent");
    expect(markdown.stdout).toMatch(/\| shop\/checkout \| availability \| page \| SLAErrorBudgetBurn \| 1h\/5m \|/);
  });
});

describe("slactl backtest: the same pages as a real Prometheus evaluating the rules", () => {
  let target: Server;
  let live: RunningPrometheus;
  let raw: RunningPrometheus;
  let dir: string;
  let began: number;
  const counters = { ok: 0, failed: 0 };
  let outageUntil = 0;
  let outageFrom = Number.POSITIVE_INFINITY;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "slactl-backtest-live-"));
    // 20 req/s, all failing during the outage; counters advance with the clock.
    let last = Date.now();
    const advance = () => {
      const now = Date.now();
      const requests = ((now - last) / 1000) * 20;
      last = now;
      if (now >= outageFrom && now < outageUntil) counters.failed += requests;
      else {
        counters.ok += requests * 0.999;
        counters.failed += requests * 0.001;
      }
    };
    const server = createHttpServer((_req, res) => {
      advance();
      res.writeHead(200, { "content-type": "text/plain; version=0.0.4" });
      res.end(`# TYPE http_requests_total counter\nhttp_requests_total{code="200"} ${counters.ok}\nhttp_requests_total{code="500"} ${counters.failed}\n`);
    });
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    target = server as unknown as Server;
    const port = (server.address() as AddressInfo).port;
    const compiled = compile(slaFor("test"), { burnRateTables: loadTables() });
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.issues));
    const rules = stringify({ groups: compiled.value.groups.map((g) => ({ name: g.name, interval: g.interval, rules: g.rules })) }, { lineWidth: 0 });
    [live, raw] = await Promise.all([
      startPrometheus({ scrapeTargets: [`127.0.0.1:${port}`], scrapeInterval: "5s", rules: [rules] }),
      startPrometheus({ scrapeTargets: [`127.0.0.1:${port}`], scrapeInterval: "5s" }),
    ]);
    began = Date.now();
    outageFrom = began + 2 * minute;
    outageUntil = began + 5 * minute;
    await sleep(outageUntil + 3 * minute - Date.now());
  });

  afterAll(async () => {
    await Promise.all([live?.stop(), raw?.stop()]);
    target?.close();
  });

  it("reports each page the live rules fired, at the same evaluation within one interval", async () => {
    const to = Math.floor(Date.now() / 1000) * 1000 - 30_000;
    const url = new URL("/api/v1/query", live.url);
    url.searchParams.set("query", `ALERTS{alertstate="firing",alertname="SLAErrorBudgetBurn",severity="critical"}[${Math.ceil((to - began) / 1000) + 60}s]`);
    url.searchParams.set("time", String(to / 1000));
    const body = (await (await fetch(url)).json()) as { data: { result: { metric: Record<string, string>; values: [number, string][] }[] } };
    // Rising edges of the live alerts, per label set (tier).
    const fired = body.data.result.flatMap((s) => {
      const times = s.values.map(([t]) => t * 1000);
      return times.filter((t, i) => i === 0 || t - times[i - 1]! > 90_000).map((t) => ({ tier: `${s.metric["long_window"]}/${s.metric["short_window"]}`, t }));
    }).sort((a, b) => a.t - b.t);
    expect(fired.length, "the live Prometheus paged for the outage").toBeGreaterThan(0);

    const file = slaFile(dir, "test");
    const { code, stdout, stderr } = await backtest([file, "--prometheus", raw.url, "--from", new Date(began).toISOString(), "--to", new Date(to).toISOString(), "--output", "json"]);
    expect(code, stderr).toBe(0);
    const pages = (JSON.parse(stdout) as Backtest).alerts.filter((a) => a.kind === "page")
      .map((a) => ({ tier: `${a.labels["long_window"]}/${a.labels["short_window"]}`, t: Date.parse(a.firedAt) }));
    expect(pages.map((p) => p.tier)).toEqual(fired.map((f) => f.tier));
    // ALERTS is written at the evaluation that fires it; ours the same evaluation of another offset.
    for (const [i, page] of pages.entries()) expect(Math.abs(page.t - fired[i]!.t), `page ${i}: backtest ${new Date(page.t).toISOString()}, live ${new Date(fired[i]!.t).toISOString()}`).toBeLessThanOrEqual(60_000);
  });
});

describe("slactl backtest: usage and failures", () => {
  it("prints its help", async () => {
    const { code, stdout } = await backtest(["--help"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: slactl backtest SLA\.yaml\.\.\. --prometheus URL --from TIME --to TIME/);
  });

  it("refuses a bad time, a range backwards and an unknown output", async () => {
    const dir = mkdtempSync(join(tmpdir(), "slactl-backtest-usage-"));
    const file = slaFile(dir, "x");
    const bad = await backtest([file, "--prometheus", "http://127.0.0.1:1", "--from", "yesterday", "--to", "2026-01-02T00:00:00Z"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--from: expected an RFC 3339 time (2026-11-01T00:00:00Z) or Unix seconds, found "yesterday"');
    const backwards = await backtest([file, "--prometheus", "http://127.0.0.1:1", "--from", "2026-01-02T00:00:00Z", "--to", "2026-01-01T00:00:00Z"]);
    expect(backwards.code).toBe(2);
    expect(backwards.stderr).toContain("--from must be before --to");
    const output = await backtest([file, "--prometheus", "http://127.0.0.1:1", "--from", "2026-01-01T00:00:00Z", "--to", "2026-01-02T00:00:00Z", "--output", "html"]);
    expect(output.code).toBe(2);
    expect(output.stderr).toContain('--output: expected one of table, markdown, json, found "html"');
  });

  it("says when Prometheus cannot be reached", async () => {
    const dir = mkdtempSync(join(tmpdir(), "slactl-backtest-down-"));
    const closed = createServer();
    closed.listen(0, "127.0.0.1");
    await once(closed, "listening");
    const port = (closed.address() as AddressInfo).port;
    closed.close();
    const down = await backtest([slaFile(dir, "x"), "--prometheus", `http://127.0.0.1:${port}`, "--from", "2026-01-01T00:00:00Z", "--to", "2026-01-02T00:00:00Z"]);
    expect(down.code).toBe(1);
    expect(down.stderr).toContain(`slactl backtest: cannot reach Prometheus at http://127.0.0.1:${port}`);
  });
});
