// The demo service's /metrics and knobs, and the demo copies of the rule files (checked by the
// real promtool).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compile } from "../operator/src/compile/index.js";
import { loadBurnRateTables } from "../operator/src/adapters/fs/burn-rate-tables.js";
import { demoRuleFile } from "./prometheus.js";
import { bucketBounds, startDemoService, stepErrorRate } from "./service.js";
import type { DemoService } from "./service.js";

/** Sample values of /metrics text by series, e.g. `http_requests_total{job="demo",code="200"}`. */
function samples(text: string): Map<string, number> {
  const map = new Map<string, number>();
  for (const line of text.split("\n")) {
    if (line === "" || line.startsWith("#")) continue;
    const space = line.lastIndexOf(" ");
    map.set(line.slice(0, space), Number(line.slice(space + 1)));
  }
  return map;
}

describe("the demo service", () => {
  let service: DemoService;
  beforeAll(async () => {
    service = await startDemoService({ rps: 1000, errorRate: 0.1, slowRate: 0.2 });
  });
  afterAll(() => service.stop());

  it("serves counters and a histogram with a 0.3 bucket that add up", async () => {
    await sleep(500);
    const response = await fetch(`${service.url}/metrics`);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const m = samples(await response.text());
    const count = m.get('http_request_duration_seconds_count{job="demo"}') ?? 0;
    const byCode = ["200", "404", "500", "503"].map((code) => m.get(`http_requests_total{job="demo",code="${code}"}`) ?? Number.NaN);
    expect(count).toBeGreaterThan(100);
    expect(byCode.reduce((a, b) => a + b, 0)).toBe(count);
    expect(m.get('http_request_duration_seconds_bucket{job="demo",le="+Inf"}')).toBe(count);
    const buckets = bucketBounds.map((b) => m.get(`http_request_duration_seconds_bucket{job="demo",le="${b}"}`) ?? Number.NaN);
    expect(buckets).toEqual([...buckets].sort((a, b) => a - b));
    expect(bucketBounds).toContain(0.3);
    // ~10% errors and ~20% slow requests at 1000 req/s: wide bounds, the generator is random.
    expect((byCode[2] ?? 0) / count).toBeGreaterThan(0.03);
    expect((byCode[2] ?? 0) / count).toBeLessThan(0.25);
    const slow = 1 - (m.get('http_request_duration_seconds_bucket{job="demo",le="0.3"}') ?? 0) / count;
    expect(slow).toBeGreaterThan(0.08);
    expect(slow).toBeLessThan(0.35);
  });

  it("changes its knobs over HTTP and says what is wrong with a bad value", async () => {
    const post = (path: string) => fetch(`${service.url}${path}`, { method: "POST" });
    const changes: boolean[] = [];
    service.onChange((s) => changes.push(s.outage));
    expect(await (await post("/error-rate?value=0.05")).json()).toMatchObject({ errorRate: 0.05, effectiveErrorRate: 0.05 });
    expect(await (await post("/outage?on=true")).json()).toMatchObject({ outage: true, effectiveErrorRate: 1 });
    expect(await (await post("/outage")).json()).toMatchObject({ outage: false });
    expect(await (await post("/slow-rate?value=0")).json()).toMatchObject({ slowRate: 0 });
    const bad = await post("/error-rate?value=5");
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/value must be an error rate from 0 to 1/);
    expect((await fetch(`${service.url}/error-rate?value=0.1`)).status).toBe(405);
    expect(changes).toEqual([false, true, false, false]);
    expect((await (await fetch(`${service.url}/state`)).json()) as unknown).toMatchObject({ errorRate: 0.05, outage: false, slowRate: 0 });
  });

  it("steps the error rate up and down through fixed steps", () => {
    expect(stepErrorRate(0.001, 1)).toBe(0.002);
    expect(stepErrorRate(0.001, -1)).toBe(0);
    expect(stepErrorRate(0.003, 1)).toBe(0.005);
    expect(stepErrorRate(0, -1)).toBe(0);
    expect(stepErrorRate(1, 1)).toBe(1);
  });
});

describe("the demo copy of a rule file", () => {
  it("drops every group's interval, and promtool accepts it", async () => {
    const tables = await loadBurnRateTables(undefined);
    if (!tables.ok) throw new Error("burn-rate tables do not load");
    const sla = parse(readFileSync(join(import.meta.dirname, "slas", "availability.yaml"), "utf8")) as unknown;
    const compiled = compile(sla, { burnRateTables: tables.tables });
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.issues));
    const rules = compiled.value.files["rules.yaml"];
    if (rules === undefined) throw new Error("no rules.yaml");
    const copy = demoRuleFile(rules, "build/demo/demo/demo-availability.rules.yaml");
    const original = parse(rules) as { groups: { name: string; interval?: string; rules: unknown[] }[] };
    const demo = parse(copy) as typeof original;
    expect(original.groups.map((g) => g.interval)).toEqual(["1m", "5m", "1h"]);
    expect(demo.groups.map((g) => g.interval)).toEqual([undefined, undefined, undefined]);
    expect(demo.groups.map((g) => g.rules)).toEqual(original.groups.map((g) => g.rules));
    expect(copy).toMatch(/^# DEMO COPY of build\/demo\/demo\/demo-availability\.rules\.yaml/);
    const dir = mkdtempSync(join(tmpdir(), "slo-demo-rules-"));
    try {
      writeFileSync(join(dir, "demo.rules.yaml"), copy);
      const check = spawnSync(process.env["PROMTOOL"] ?? "promtool", ["check", "rules", join(dir, "demo.rules.yaml")], { encoding: "utf8" });
      expect(check.error).toBeUndefined();
      expect(check.status, check.stdout + check.stderr).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
