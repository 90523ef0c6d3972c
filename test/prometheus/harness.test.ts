// The real-Prometheus harness: weeks of backfilled history answer queries with values computed
// here independently (closed form, not by replaying the writer), scrape targets and rule files
// work, and stop() leaves no process and no directory behind.
import { createServer, type Server } from "node:http";
import { once } from "node:events";
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrometheusClient } from "../../operator/src/adapters/prometheus/index.js";
import { startPrometheus, type RunningPrometheus } from "./harness.js";
import { OpenMetricsWriter, openMetricsText, writeCounterHistory, writeGaugeHistory } from "./openmetrics.js";

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

// Three weeks of a request counter scraped every minute: 10 req/s, except an outage of 6 hours
// on day 9 at 40 req/s. History ends at a fixed time in the past.
const start = Date.UTC(2026, 8, 1); // 2026-09-01T00:00:00Z
const end = start + 21 * day;
const outageFrom = start + 9 * day + 3 * hour;
const outageTo = outageFrom + 6 * hour;
const normalRate = 10;
const outageRate = 40;
const rate = (t: number) => (t >= outageFrom && t < outageTo ? outageRate : normalRate);

/** The counter at grid time t, in closed form: the integral of the piecewise-constant rate from start to t. */
function expectedCounter(t: number): number {
  const seconds = (from: number, to: number) => Math.max(0, Math.min(to, t) - from) / 1000;
  const before = seconds(start, outageFrom);
  const during = seconds(outageFrom, outageTo);
  const after = seconds(outageTo, Infinity);
  return 1000 + normalRate * (before + after) + outageRate * during;
}

describe("startPrometheus with weeks of backfilled history", () => {
  let prom: RunningPrometheus;
  let client: PrometheusClient;
  let workDir: string;
  let target: Server;

  beforeAll(async () => {
    workDir = mkdtempSync(join(tmpdir(), "slo-harness-test-"));
    const file = join(workDir, "history.om");
    const writer = await OpenMetricsWriter.create(file);
    await writeCounterHistory(writer, {
      metric: "http_requests_total", labels: { job: "shop", code: "200" },
      startMs: start, endMs: end, stepMs: minute, ratePerSecond: rate, initial: 1000,
    });
    await writeGaugeHistory(writer, {
      metric: "temperature_celsius", labels: { room: "a" }, startMs: start, endMs: end, stepMs: 15 * minute,
      value: (t) => ((t - start) / hour) % 24,
    });
    const written = await writer.close();
    expect(written.samples).toBe(21 * 24 * 60 + 1 + 21 * 24 * 4 + 1);

    target = createServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/plain; version=0.0.4" });
      res.end("# TYPE harness_test_value gauge\nharness_test_value 42\n");
    });
    target.listen(0, "127.0.0.1");
    await once(target, "listening");
    const port = (target.address() as AddressInfo).port;

    prom = await startPrometheus({
      blocksFrom: file,
      scrapeTargets: [`127.0.0.1:${port}`],
      rules: [`groups:\n  - name: harness\n    rules:\n      - record: harness:value:doubled\n        expr: harness_test_value * 2\n`],
    });
    client = new PrometheusClient({ url: prom.url, retries: 0 });
  }, 120_000);

  afterAll(async () => {
    client?.close();
    await prom?.stop();
    target?.close();
    rmSync(workDir, { recursive: true, force: true });
  });

  it("is the Debian Prometheus, ready, on loopback", async () => {
    expect(prom.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const info = await client.buildInfo();
    expect(info.version).toMatch(/^2\.\d+\.\d+/);
    expect(prom.blocks.length).toBeGreaterThan(0);
    expect(prom.blocks.reduce((n, b) => n + b.samples, 0)).toBe(21 * 24 * 60 + 1 + 21 * 24 * 4 + 1);
  });

  it("answers instant queries at known timestamps with the known counter values", async () => {
    for (const t of [start, start + 3 * day + 17 * minute, outageFrom, outageFrom + 2 * hour, outageTo, outageTo + 5 * day, end]) {
      const answer = await client.queryVector('http_requests_total{job="shop"}', t);
      expect(answer.result).toHaveLength(1);
      expect(answer.result[0]?.sample.timeMs).toBe(t);
      expect(answer.result[0]?.sample.value).toBeCloseTo(expectedCounter(t), 6);
    }
  });

  it("computes rates and increases over the backfilled history", async () => {
    const at = async (expr: string, t: number) => (await client.queryVector(expr, t)).result[0]?.sample.value;
    expect(await at('rate(http_requests_total{job="shop"}[1h])', start + 2 * day)).toBeCloseTo(normalRate, 9);
    expect(await at('rate(http_requests_total{job="shop"}[1h])', outageFrom + 3 * hour)).toBeCloseTo(outageRate, 9);
    // 6 h of outage inside one day: (18 h × 10 + 6 h × 40) req/s × 3600 s. The window's samples
    // span 23h59m, so Prometheus extrapolates to the whole day; the rate is constant at both ends.
    const dayStart = start + 9 * day;
    expect(await at('increase(http_requests_total{job="shop"}[1d])', dayStart + day)).toBeCloseTo((18 * normalRate + 6 * outageRate) * 3600, 3);
    // A gauge every 15 minutes: 5 minutes after a sample the lookback still finds it; 6 days later there is none.
    expect(await at('temperature_celsius{room="a"}', start + 4 * day + 5 * hour + 5 * minute)).toBeCloseTo(5, 9);
    expect((await client.queryVector('temperature_celsius{room="a"}', end + day)).result).toHaveLength(0);
  });

  it("returns range queries over old data point by point", async () => {
    const answer = await client.queryRange('http_requests_total{job="shop"}', { start: outageFrom - hour, end: outageFrom + hour, stepSeconds: 600 });
    const samples = answer.result[0]?.samples ?? [];
    expect(samples.map((s) => s.timeMs)).toEqual(Array.from({ length: 13 }, (_, i) => outageFrom - hour + i * 10 * minute));
    for (const s of samples) expect(s.value).toBeCloseTo(expectedCounter(s.timeMs), 6);
  });

  it("scrapes its targets and evaluates its rule files", async () => {
    let value: number | undefined;
    for (let i = 0; i < 100 && value === undefined; i++) {
      value = (await client.queryVector("harness:value:doubled")).result[0]?.sample.value;
      if (value === undefined) await new Promise((r) => setTimeout(r, 200));
    }
    expect(value).toBe(84);
  });
});

describe("startPrometheus lifecycle", () => {
  it("backfills inline text, stops, and leaves nothing behind", async () => {
    const t0 = Date.UTC(2026, 0, 1);
    const prom = await startPrometheus({ blocksFrom: openMetricsText([["lifecycle_test", { a: "1" }, 7, t0], ["lifecycle_test", { a: "1" }, 8, t0 + minute]]) });
    const client = new PrometheusClient({ url: prom.url, retries: 0 });
    try {
      expect((await client.queryVector("lifecycle_test", t0 + minute)).result[0]?.sample.value).toBe(8);
    } finally {
      client.close();
      await prom.stop();
    }
    const pid = prom.pid as number;
    expect(() => process.kill(pid, 0)).toThrow();
    expect(existsSync(prom.dir)).toBe(false);
    await prom.stop(); // twice is fine
  });

  it("fails with promtool's message when the history is not OpenMetrics", async () => {
    await expect(startPrometheus({ blocksFrom: "lifecycle_test 1 1000\n" })).rejects.toThrow(/does not end with # EOF/);
    await expect(startPrometheus({ blocksFrom: "lifecycle_test 1 1000\n\nlifecycle_test 2 1060\n# EOF\n" })).rejects.toThrow(/not a valid start token/);
  });

  it("refuses millisecond timestamps, which promtool takes for seconds", async () => {
    await expect(startPrometheus({ blocksFrom: "lifecycle_test 1 1767225600000\n# EOF\n" })).rejects.toThrow(/timestamps are seconds, not milliseconds/);
  });

  it("leaves no Prometheus behind when the test process is SIGKILLed", async () => {
    const dir = mkdtempSync(join(tmpdir(), "slo-harness-orphan-"));
    const script = join(dir, "start.mts");
    writeFileSync(script, [
      `import { startPrometheus } from ${JSON.stringify(resolve("test/prometheus/harness.ts"))};`,
      "const prom = await startPrometheus();",
      "console.log(JSON.stringify({ pid: prom.pid, dir: prom.dir }));",
      "setInterval(() => {}, 1000);",
    ].join("\n"));
    const child = spawn(process.execPath, ["--import", "tsx", script], { stdio: ["ignore", "pipe", "inherit"] });
    try {
      const line = await new Promise<string>((resolveLine, reject) => {
        let out = "";
        child.stdout.on("data", (chunk: Buffer) => {
          out += chunk.toString();
          if (out.includes("\n")) resolveLine(out.split("\n")[0] as string);
        });
        child.once("exit", (code) => reject(new Error(`script exited early (${code})`)));
      });
      const { pid, dir: promDir } = JSON.parse(line) as { pid: number; dir: string };
      expect(() => process.kill(pid, 0)).not.toThrow();
      child.kill("SIGKILL");
      let alive = true;
      for (let i = 0; i < 100 && alive; i++) {
        await new Promise((r) => setTimeout(r, 100));
        try {
          process.kill(pid, 0);
        } catch {
          alive = false;
        }
      }
      expect(alive).toBe(false);
      for (let i = 0; i < 50 && existsSync(promDir); i++) await new Promise((r) => setTimeout(r, 100));
      expect(existsSync(promDir)).toBe(false);
    } finally {
      child.kill("SIGKILL");
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
