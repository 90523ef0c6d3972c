// slactl backfill against a real Prometheus and the real promtool: raw history with uneven
// traffic is loaded, the SLA's recording rules are backfilled stage by stage, and the recorded
// series must give the answers known from the history: the period's error ratio is errors over
// events (about 0.55%), not the average of the two phases' ratios (2.55%).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { backfillCommand, backfillStages } from "../../operator/src/cli/backfill.js";
import { compile } from "../../operator/src/compile/index.js";
import { loadTables } from "../support/burn-rate-tables.js";
import { checkoutSla } from "../../operator/src/compile/workbook.fixture.js";
import { startPrometheus, type RunningPrometheus } from "../prometheus/harness.js";
import { OpenMetricsWriter, writeCounterHistory } from "../prometheus/openmetrics.js";
import { writeFileSync } from "node:fs";
import { stringify } from "yaml";

vi.setConfig({ testTimeout: 900_000, hookTimeout: 300_000 });

const hour = 3_600_000;
// Whole hours, well in the past, so every tile of the range exists.
const start = Math.floor(Date.now() / hour) * hour - 48 * hour;
const switchAt = start + 6 * hour;
const end = start + 12 * hour;

const sla = checkoutSla({ period: { rolling: "30d" } });

let prom: RunningPrometheus;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "slactl-backfill-"));
  const writer = await OpenMetricsWriter.create(join(dir, "history.om"));
  // 6 h at 10 req/s with 0.1% errors, then 6 h at 1 req/s with 5% errors.
  const total = (t: number) => (t < switchAt ? 10 : 1);
  const errorShare = (t: number) => (t < switchAt ? 0.001 : 0.05);
  await writeCounterHistory(writer, { metric: "http_requests_total", labels: { job: "checkout", code: "200" }, startMs: start - hour, endMs: end, stepMs: 15_000, ratePerSecond: (t) => (t < start ? 0 : total(t) * (1 - errorShare(t))) });
  await writeCounterHistory(writer, { metric: "http_requests_total", labels: { job: "checkout", code: "500" }, startMs: start - hour, endMs: end, stepMs: 15_000, ratePerSecond: (t) => (t < start ? 0 : total(t) * errorShare(t)) });
  await writer.close();
  prom = await startPrometheus({ blocksFrom: writer.file });
});

afterAll(async () => {
  await prom?.stop();
});

async function valueAt(query: string, timeMs: number): Promise<number | undefined> {
  const url = new URL("/api/v1/query", prom.url);
  url.searchParams.set("query", query);
  url.searchParams.set("time", String(timeMs / 1000));
  const body = (await (await fetch(url)).json()) as { data: { result: { value: [number, string] }[] } };
  const first = body.data.result[0];
  return first ? Number(first.value[1]) : undefined;
}

/** The raw samples of a range selector at a time: [seconds, value] pairs. */
async function samplesAt(selector: string, timeMs: number): Promise<[number, string][]> {
  const url = new URL("/api/v1/query", prom.url);
  url.searchParams.set("query", selector);
  url.searchParams.set("time", String(timeMs / 1000));
  const body = (await (await fetch(url)).json()) as { data: { result: { values: [number, string][] }[] } };
  return body.data.result[0]?.values ?? [];
}

describe("slactl backfill", () => {
  it("splits the rules into stages that read only raw series or earlier stages", () => {
    const compiled = compile(sla, { burnRateTables: loadTables() });
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.issues));
    const stages = backfillStages(compiled.value.groups);
    const recordsOf = (i: number) => stages[i]!.groups.flatMap((g) => g.rules.map((r) => r.record)).sort();
    // Windows up to 1h average the recorded 5m rates, so only the 5m rates (and the maintenance
    // signal, a constant here) read raw series; the errors also read the recorded events (zero
    // errors only where there are events).
    expect(recordsOf(0)).toEqual(["sla:maintenance:active", "sla:sli_events:rate5m"]);
    expect(recordsOf(1)).toEqual(["sla:sli_errors:rate5m", "sla:sli_events:tile5m"]);
    expect(recordsOf(2)).toContain("sla:sli_errors:tile5m");
    expect(recordsOf(2)).toContain("sla:sli_error:ratio_rate1h");
    expect(stages.at(-1)!.groups.flatMap((g) => g.rules.map((r) => r.record))).toEqual(["sla:error_budget:remaining"]);
  });

  it("records, from raw history in a real Prometheus, the period's ratio of sums to 0.01 pp", async () => {
    const file = join(dir, "checkout.yaml");
    writeFileSync(file, stringify(sla));
    let stderr = "";
    // An hour early: the first hourly tile then averages a whole hour of 5m tiles (zero traffic
    // before the service started), not a few minutes weighted as an hour.
    const code = await backfillCommand([file, `--start=${new Date(start - hour).toISOString()}`, `--end=${new Date(end).toISOString()}`, `--url=${prom.url}`,
      `--out=${join(dir, "out")}`, "--run", `--data-dir=${prom.dataDir}`], { stdout: () => undefined, stderr: (t) => void (stderr += t) });
    expect(code, stderr).toBe(0);
    const selector = '{sla="checkout",sla_namespace="shop",objective="availability"}';
    // Rule groups evaluate at an offset of their own: the period's last sample can fall up to an
    // hour before --end, and the last hourly tile it sums up to an hour before that, so the period
    // covers 6 h of phase A and between 4 and 6 h of phase B, read from the tiles themselves.
    const [periodTime, periodValue] = (await samplesAt(`sla:sli_error:ratio_period${selector}[1h]`, end)).at(-1)!;
    const lastTile = (await samplesAt(`sla:sli_errors:tile1h${selector}[2h]`, periodTime * 1000)).at(-1)![0];
    const b = (lastTile * 1000 - switchAt) / hour;
    // What a failure needs to be understood: where the samples fell, and what backfill printed.
    const context = `period sample at ${new Date(periodTime * 1000).toISOString()}, last hourly tile at ${new Date(lastTile * 1000).toISOString()}, switch at ${new Date(switchAt).toISOString()}, end ${new Date(end).toISOString()}; backfill printed:\n${stderr}`;
    expect(b, context).toBeGreaterThan(4);
    expect(b, context).toBeLessThanOrEqual(6);
    const expected = (6 * 10 * 0.001 + b * 1 * 0.05) / (6 * 10 + b * 1);
    const period = Number(periodValue);
    expect(period).toBeDefined();
    expect(Math.abs(period! - expected) * 100, `period ${period}, expected ${expected}; ${context}`).toBeLessThan(0.01);
    // The average of the two phases' ratios would say 2.55%: far from what was served.
    expect(Math.abs(period! * 100 - 2.55)).toBeGreaterThan(2);
    const lastHour = await valueAt(`sla:sli_error:ratio_rate1h${selector}`, end);
    expect(Math.abs(lastHour! * 100 - 5)).toBeLessThan(0.01);
    const budget = await valueAt(`sla:error_budget:remaining${selector}`, end);
    expect(budget).toBeLessThan(-3);
  });

  // promtool offsets a group's evaluations by a hash of the rule file's path: with one file per
  // stage, the events (stage 0) and errors (stage 1) of the 1m group fell up to a minute apart, so
  // while traffic ramped up their ratio was off (in slactl backtest, a false page at its start).
  it("evaluates one group's rules at the same instants in every stage, so ratios hold while traffic ramps up", async () => {
    const selector = '{sla="checkout",sla_namespace="shop",objective="availability"}';
    const at = start + 10 * 60_000;
    const times = async (name: string, window: string, time = at) => (await samplesAt(`${name}${selector}[${window}]`, time)).map(([t]) => t);
    const events = await times("sla:sli_events:rate5m", "10m");
    expect(events.length).toBeGreaterThanOrEqual(9);
    expect(await times("sla:sli_errors:rate5m", "10m")).toEqual(events);
    const hourly = await times("sla:sli_events:tile1h", "4h", start + 4 * hour);
    expect(hourly.length).toBeGreaterThanOrEqual(3);
    expect(await times("sla:sli_errors:tile1h", "4h", start + 4 * hour)).toEqual(hourly);
    // 0.1% errors from the first request on: every 5m ratio of the ramp is 0.1%, not more, not less.
    const ratios = (await samplesAt(`sla:sli_error:ratio_rate5m${selector}[10m]`, at)).map(([t, v]) => [t, Number(v)] as const).filter(([, v]) => Number.isFinite(v));
    expect(ratios.length).toBeGreaterThanOrEqual(8);
    for (const [t, v] of ratios) expect(Math.abs(v - 0.001), `ratio at ${new Date(t * 1000).toISOString()}`).toBeLessThan(1e-9);
  });
});
