// The whole pipeline once: raw `http_requests_total` counters (6 hours, 15-second scrapes) →
// the rules the compiler generates for an SLA, evaluated by a real Prometheus through
// `promtool tsdb create-blocks-from rules` (the 5m rates at the sli group's 1m interval, then the
// 5m tiles at the tiles group's 5m interval, each pass reading what the one before wrote) →
// measureSlas. Its figures match the counters' closed form.
//
// promtool writes blocks; each pass's output is dumped (`promtool tsdb dump`) and backfilled as
// OpenMetrics into the next Prometheus, which keeps to the harness's API.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, createWriteStream } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { PrometheusClient } from "../../operator/src/adapters/prometheus/index.js";
import { compile } from "../../operator/src/compile/index.js";
import type { RuleGroup } from "../../operator/src/compile/rules.js";
import { series } from "../../operator/src/compile/rules.js";
import { measureSlas } from "../../operator/src/measure/index.js";
import { promtoolPath, startPrometheus, type RunningPrometheus } from "../prometheus/harness.js";
import { OpenMetricsWriter, seriesText, writeCounterHistory } from "../prometheus/openmetrics.js";
import { loadTables } from "../support/burn-rate-tables.js";

const hour = 3_600_000;
const start = Date.UTC(2026, 9, 5); // history 2026-10-05 00:00Z to 06:00Z
const end = start + 6 * hour;
const outage = { start: start + 3 * hour, end: start + 3.5 * hour };
const inOutage = (t: number) => t >= outage.start && t < outage.end;
// 10 requests/s; 0.1% fail, and 10% during the outage.
const errorRate = (t: number) => (inOutage(t) ? 1 : 0.01);

const sla = {
  apiVersion: "servicelevel.dev/v1alpha1",
  kind: "ServiceLevelAgreement",
  metadata: { name: "pipeline", namespace: "e2e" },
  spec: {
    service: "pipeline",
    owner: "team-sre",
    labels: { region: "eu-west-1" },
    objectives: [{
      name: "availability", target: 99.9,
      indicator: { ratio: { errors: 'sum(rate(http_requests_total{job="pipeline",code=~"5.."}[{{window}}]))', total: 'sum(rate(http_requests_total{job="pipeline"}[{{window}}]))' } },
    }],
  },
};

async function run(command: string, args: readonly string[], stdoutFile?: string): Promise<void> {
  const child = spawn(command, args, { stdio: ["ignore", stdoutFile ? "pipe" : "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.setEncoding("utf8").on("data", (c: string) => { stderr += c; });
  if (stdoutFile && child.stdout) child.stdout.pipe(createWriteStream(stdoutFile));
  const [code] = (await once(child, "exit")) as [number | null];
  if (code !== 0) throw new Error(`${command} ${args.join(" ")} failed (${code}): ${stderr.slice(-2000)}`);
}

/** Evaluates one rule group over the history with promtool, and returns its samples as OpenMetrics (via `promtool tsdb dump`). */
async function backfillGroup(prom: RunningPrometheus, group: RuleGroup, records: readonly string[], dir: string): Promise<string> {
  const name = `${group.name}-${records.length}`;
  const rulesFile = join(dir, `${name}.yaml`);
  writeFileSync(rulesFile, stringify({ groups: [{ name: group.name, interval: group.interval, rules: group.rules.filter((r) => "record" in r && records.includes(r.record)) }] }));
  const blocks = join(dir, `${name}.blocks`);
  await run(promtoolPath, ["tsdb", "create-blocks-from", "rules", "--quiet", `--url=${prom.url}`, `--start=${start / 1000}`, `--end=${end / 1000}`, `--output-dir=${blocks}`, rulesFile]);
  mkdirSync(join(blocks, "wal"), { recursive: true }); // promtool 2.42 cannot dump a dir without one
  const dump = join(dir, `${name}.dump`);
  await run(promtoolPath, ["tsdb", "dump", blocks], dump);
  const writer = await OpenMetricsWriter.create(join(dir, `${name}.om`));
  // Lines look like: {__name__="sla:sli_errors:rate5m", objective="availability", sla="pipeline"} 0.01 1759629660000
  for await (const line of createInterface({ input: (await import("node:fs")).createReadStream(dump) })) {
    const match = /^\{(.*)\} (\S+) (\d+)$/.exec(line);
    if (!match) continue;
    const labels: Record<string, string> = {};
    for (const m of (match[1] as string).matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) labels[m[1] as string] = JSON.parse(`"${m[2]}"`) as string;
    const { __name__: metric, ...rest } = labels;
    await writer.write(seriesText(metric as string, rest), Number(match[2]), Number(match[3]));
  }
  return (await writer.close()).file;
}

describe("raw counters through the generated rules and a real Prometheus to the status figures", () => {
  const proms: RunningPrometheus[] = [];
  let dir: string;
  let tiles: RunningPrometheus;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "slo-pipeline-"));
    const compiled = compile(sla, { burnRateTables: loadTables(), peers: new Map() });
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.issues));
    const [sli, tileGroup] = compiled.value.groups as [RuleGroup, RuleGroup];
    const raw = await OpenMetricsWriter.create(join(dir, "raw.om"));
    const spec = { metric: "http_requests_total", startMs: start, endMs: end, stepMs: 15_000 };
    await writeCounterHistory(raw, { ...spec, labels: { job: "pipeline", code: "200" }, ratePerSecond: (t) => 10 - errorRate(t) });
    await writeCounterHistory(raw, { ...spec, labels: { job: "pipeline", code: "500" }, ratePerSecond: errorRate });
    await raw.close();
    const rawProm = await startPrometheus({ blocksFrom: raw.file });
    proms.push(rawProm);
    const rates = await backfillGroup(rawProm, sli, [series.errorsRate5m, series.eventsRate5m], dir);
    const ratesProm = await startPrometheus({ blocksFrom: rates });
    proms.push(ratesProm);
    const tileFile = await backfillGroup(ratesProm, tileGroup, [series.errorsTile5m, series.eventsTile5m], dir);
    tiles = await startPrometheus({ blocksFrom: tileFile });
    proms.push(tiles);
  }, 180_000);

  afterAll(async () => {
    await Promise.all(proms.map((p) => p.stop()));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("reports what the counters say for hours 1 to 6", async () => {
    const model = compile(sla, { burnRateTables: loadTables(), peers: new Map() });
    if (!model.ok) throw new Error("does not compile");
    const client = new PrometheusClient({ url: tiles.url });
    try {
      const result = await measureSlas({ client, slas: [model.value.model], now: end, period: { start: start + hour, end } });
      const r = result.slas[0];
      // Closed form over [1h, 6h): 180,000 requests; 0.01/s × 4.5 h + 1/s × 0.5 h = 162 + 1,800 errors.
      const total = 10 * 5 * 3600;
      const bad = 0.01 * 4.5 * 3600 + 1 * 0.5 * 3600;
      const exact = r?.evaluation?.objectives[0];
      expect(exact?.measured.total).toBeCloseTo(total, 3);
      expect(exact?.measured.bad).toBeCloseTo(bad, 3);
      expect(Math.abs((r?.status?.objectives[0]?.attained ?? 0) - (1 - bad / total) * 100)).toBeLessThanOrEqual(0.01);
      expect(r?.status?.state).toBe("Breached"); // 10.9 times the 0.1% budget
      // The outage is one incident. The 5m rate smears it over the tile after it, and promtool puts
      // the tiles at an offset that hashes the rule file's path: 30 to 40 minutes.
      expect(exact?.incidents.count).toBe(1);
      expect(exact?.incidents.mttrSeconds).toBeGreaterThanOrEqual(1800);
      expect(exact?.incidents.mttrSeconds).toBeLessThanOrEqual(2400);
      expect(r?.status?.objectives[0]?.burnRate["1h"]).toBe(1);
      expect(r?.objectives[0]?.hasSeries).toBe(true);
    } finally {
      client.close();
    }
  });
});
