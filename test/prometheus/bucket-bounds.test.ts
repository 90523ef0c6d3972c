// The latency-threshold check against a real Prometheus scraping a classic histogram: Debian's
// 2.42 (le as the target writes it) and Prometheus 3 (le normalized, 1 as "1.0"). Thresholds on a
// boundary pass, ones between boundaries name the boundaries around them, a boundary spelt
// differently from the rules' matcher is told as such, and native histograms are not asked about.
import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrometheusClient } from "../../operator/src/adapters/prometheus/index.js";
import type { SlaModel } from "../../operator/src/compile/model.js";
import { checkLatencyThresholds } from "../../operator/src/measure/index.js";
import { startPrometheus, type RunningPrometheus } from "./harness.js";
import { prometheus2, prometheus3, type PrometheusRelease } from "../support/prometheus-releases.js";

const histogram = (service: string, les: readonly string[]) => [
  "# TYPE http_request_duration_seconds histogram",
  ...les.map((le, i) => `http_request_duration_seconds_bucket{service="${service}",le="${le}"} ${10 * (i + 1)}`),
  `http_request_duration_seconds_bucket{service="${service}",le="+Inf"} ${10 * (les.length + 1)}`,
  `http_request_duration_seconds_sum{service="${service}"} 12.5`,
  `http_request_duration_seconds_count{service="${service}"} ${10 * (les.length + 1)}`,
].join("\n");
const exposition = `${histogram("checkout", ["0.1", "0.25", "0.5", "1", "2.5"])}\n${histogram("legacy", ["0.10", "0.30"])}\n`;

const latency = (name: string, service: string, thresholdSeconds: number, native?: true) => ({
  name, target: 0.99, budget: 0.01,
  indicator: { kind: "latency" as const, histogram: "http_request_duration_seconds", selector: { service }, thresholdSeconds, ...(native ? { native } : {}) },
});
const model = {
  name: "checkout", namespace: "shop",
  objectives: [
    latency("on-a-bound", "checkout", 0.25),
    latency("whole-second", "checkout", 1),
    latency("between", "checkout", 0.3),
    latency("above-all", "checkout", 5),
    latency("no-series", "nothing", 0.3),
    latency("spelt", "legacy", 0.3),
    latency("native", "checkout", 0.3, true),
    { name: "availability", target: 0.999, budget: 0.001, indicator: { kind: "ratio" as const, total: { text: "sum(rate(t[{{window}}]))" } } },
  ],
} as unknown as SlaModel;

describe.each([["Prometheus 2.42", () => prometheus2], ["Prometheus 3", prometheus3]] as [string, () => PrometheusRelease][])("the latency thresholds against %s", (_, release) => {
  let target: Server;
  let prom: RunningPrometheus | undefined;
  let client: PrometheusClient;

  beforeAll(async () => {
    target = createServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/plain; version=0.0.4" });
      res.end(exposition);
    });
    target.listen(0, "127.0.0.1");
    await once(target, "listening");
    const r = release();
    await r.ready();
    prom = await startPrometheus({ release: r, scrapeTargets: [`127.0.0.1:${(target.address() as AddressInfo).port}`] });
    client = new PrometheusClient({ url: prom.url, retries: 0 });
    for (let i = 0; i < 100 && (await client.queryVector("http_request_duration_seconds_count")).result.length < 2; i++) await sleep(200);
  }, 300_000);

  afterAll(async () => {
    client?.close();
    await prom?.stop();
    target?.close();
  });

  it("tells each classic threshold's place among the live buckets, and skips native ones", async () => {
    const checks = await checkLatencyThresholds(client, model, Date.now());
    const legacyLe = release().major === 3 ? "0.3" : "0.30";
    expect(checks.map((c) => [c.objective, c.finding])).toEqual([
      ["on-a-bound", { kind: "bucket" }],
      ["whole-second", { kind: "bucket" }],
      ["between", { kind: "notABucket", below: "0.25", above: "0.5" }],
      ["above-all", { kind: "notABucket", below: "2.5" }],
      ["no-series", { kind: "noSeries" }],
      // Prometheus 3 writes le as a float, so the threshold's matcher finds it; 2.42 keeps the target's spelling.
      ["spelt", release().major === 3 ? { kind: "bucket" } : { kind: "spelledDifferently", le: legacyLe }],
    ]);
    expect(checks[2]).toMatchObject({ series: 'http_request_duration_seconds_bucket{service="checkout"}', threshold: "300ms", le: "0.3" });
  });
});
