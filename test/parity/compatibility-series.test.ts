// Compatibility series against the tools' own rules on a real Prometheus: Sloth's generated rules
// for examples/getting-started.yml and Pyrra's generic rules (what its Grafana dashboards read)
// for the http-ratio case are evaluated over raw history (renamed ref_..., so both sets live in
// one Prometheus), next to our rules for the imported SLAs (compatibility on, as import sets it),
// backfilled stage by stage. Every series the tools record must exist in ours with the same name
// and the same labels (a superset: ours also carry sla, objective...), and the same value.
//
// Tolerance: 0.005 percentage points for the windows' error ratios, 0.02 pp for the period's
// (ours is built from hourly tiles, whose first and last hour can cover up to an hour more or less
// of this 14-hour history than a raw range; over a 30-day period that edge is 1/720 of it, here
// 1/14), 1e-6 relative for constants and rates.
// Traffic is constant (10 req/s) so that Sloth's period ratio (an average of 5m ratios) and ours (a
// ratio of sums) agree; under uneven traffic they differ on purpose (sloth.test.ts measures it).
// The burst of errors is placed so no compared window has an edge inside it: our windows built
// from 5m rates reach 5 minutes further back than a rate() over the same range.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { parse as parseYaml, parseAllDocuments } from "yaml";
import { backfillStages, runStages } from "../../operator/src/cli/backfill.js";
import type { RuleGroup } from "../../operator/src/compile/index.js";
import { startPrometheus, type RunningPrometheus } from "../prometheus/harness.js";
import { OpenMetricsWriter, writeCounterHistory } from "../prometheus/openmetrics.js";
import { anchors, compiled, importFiles } from "./support.js";

vi.setConfig({ testTimeout: 900_000, hookTimeout: 900_000 });

const minute = 60_000;
const hour = 60 * minute;
const historyStart = Math.floor(Date.now() / hour) * hour - 16 * hour;
const burst = { from: historyStart + 2 * hour, to: historyStart + 3 * hour };
const end = historyStart + 14 * hour;
const errorShare = (t: number) => (t >= burst.from && t < burst.to ? 0.02 : 0.001);

interface Sample { labels: Record<string, string>; value: number }
/** Labels of Sloth's outputs that name the run, not the SLO (see the anchors' README). */
const runLabels = ["__name__", "cmd", "sloth_version", "sloth_mode", "sloth_spec"];

let prom: RunningPrometheus;
let dir: string;
let slothRef: RuleGroup[];
let pyrraRef: RuleGroup[];

/** Reference groups, recording rules only, renamed so they cannot be mistaken for ours. */
function reference(groups: { name: string; interval?: string; rules: { record?: string; expr: string; labels?: Record<string, string> }[] }[]): RuleGroup[] {
  const rename = (text: string) => text.replace(/(?<![\w:])(slo:|sloth_slo_info|pyrra_)/g, "ref_$1");
  return groups.map((g) => ({
    name: `ref-${g.name}`,
    interval: g.interval ?? "1m",
    rules: g.rules.filter((r) => r.record).map((r) => ({ record: rename(r.record!), expr: rename(r.expr), labels: Object.fromEntries(Object.entries(r.labels ?? {}).map(([k, v]) => [k, String(v)])) })),
  }));
}

async function query(expr: string, timeMs: number): Promise<Sample[]> {
  const url = new URL("/api/v1/query", prom.url);
  url.searchParams.set("query", expr);
  url.searchParams.set("time", String(timeMs / 1000));
  const body = (await (await fetch(url)).json()) as { status: string; error?: string; data: { result: { metric: Record<string, string>; value: [number, string] }[] } };
  if (body.status !== "success") throw new Error(`${expr}: ${body.error}`);
  return body.data.result.map((r) => ({ labels: r.metric, value: Number(r.value[1]) }));
}

/**
 * The time to compare at: the first period sample after the latest hourly tile that has one, so
 * neither side covers an hour more. (Groups evaluate at offsets of their own, so the last period
 * sample may come before the last tile.)
 */
async function comparisonTime(selector: string): Promise<number> {
  const url = new URL("/api/v1/query", prom.url);
  const samples = async (expr: string) => {
    url.searchParams.set("query", expr);
    url.searchParams.set("time", String(end / 1000));
    const body = (await (await fetch(url)).json()) as { data: { result: { values: [number, string][] }[] } };
    return body.data.result[0]?.values.map((v) => v[0] * 1000) ?? [];
  };
  const tiles = await samples(`sla:sli_errors:tile1h${selector}[3h]`);
  const periods = await samples(`sla:sli_error:ratio_period${selector}[3h]`);
  for (const tile of [...tiles].reverse()) {
    const at = periods.find((t) => t > tile);
    if (at !== undefined) return at;
  }
  throw new Error(`no period sample after an hourly tile of ${selector} in the 3 hours before the end (tiles ${JSON.stringify(tiles)}, periods ${JSON.stringify(periods)})`);
}

/**
 * Compares every reference series with ours: same name, reference labels a subset, values within
 * tolerance. `ratioScale` gives, for a series of error ratios (or of ratios in units of the budget),
 * the factor to an error ratio; other series must match to 1e-6 relative. Returns the largest
 * differences in percentage points of error ratio.
 */
async function compare(names: readonly string[], at: number, ratioScale: (name: string) => number | undefined) {
  const worst: Record<string, number> = {};
  for (const name of names) {
    const refs = await query(`last_over_time(ref_${name}[10m])`, at);
    expect(refs.length, `${name}: the reference rules recorded it`).toBeGreaterThan(0);
    const ours = await query(`last_over_time(${name}[10m])`, at);
    for (const ref of refs) {
      const wanted = Object.fromEntries(Object.entries(ref.labels).filter(([k]) => !runLabels.includes(k)));
      const match = ours.filter((o) => Object.entries(wanted).every(([k, v]) => o.labels[k] === v));
      expect(match, `${name}${JSON.stringify(wanted)} among ours: ${JSON.stringify(ours.map((o) => o.labels))}`).toHaveLength(1);
      const diff = Math.abs(match[0]!.value - ref.value);
      const scale = ratioScale(name);
      if (scale !== undefined) {
        const period = /ratio_rate(30d|4w)|period|availability/.test(name);
        expect(diff * scale * 100, `${name}: ours ${match[0]!.value}, reference ${ref.value}`).toBeLessThan(period ? 0.02 : 0.005);
        worst[name] = Number(Math.max(worst[name] ?? 0, diff * scale * 100).toPrecision(3));
      } else {
        expect(diff, `${name}: ours ${match[0]!.value}, reference ${ref.value}`).toBeLessThanOrEqual(1e-6 * Math.abs(ref.value));
      }
    }
  }
  return worst;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "compat-series-"));
  const writer = await OpenMetricsWriter.create(join(dir, "history.om"));
  const counters = [
    { metric: "http_request_duration_seconds_count", job: "myservice" },
    { metric: "http_requests_total", job: "thanos-receive-default" },
  ];
  for (const { metric, job } of counters) {
    await writeCounterHistory(writer, { metric, labels: { job, code: "200" }, startMs: historyStart, endMs: end, stepMs: 15_000, ratePerSecond: (t) => 10 * (1 - errorShare(t)) });
    await writeCounterHistory(writer, { metric, labels: { job, code: "500" }, startMs: historyStart, endMs: end, stepMs: 15_000, ratePerSecond: (t) => 10 * errorShare(t) });
  }
  await writer.close();

  const sloth = await importFiles([join(anchors, "sloth/examples/getting-started.yml")]);
  const pyrraCase = parseAllDocuments(readFileSync(join(anchors, "pyrra/expected/rules_test-cases.yaml"), "utf8"))
    .map((d) => d.toJS() as { case: string; input: string; increase_group: never; generic_group: never })
    .find((c) => c.case === "http-ratio")!;
  const pyrraFile = join(dir, "pyrra-http-ratio.yaml");
  writeFileSync(pyrraFile, pyrraCase.input);
  const pyrra = await importFiles([pyrraFile]);
  const ours = [...sloth.slas, ...pyrra.slas].flatMap((s) => compiled(s.sla).groups);
  slothRef = reference((parseYaml(readFileSync(join(anchors, "sloth/examples/_gen/getting-started.yml"), "utf8")) as { groups: never[] }).groups);
  pyrraRef = reference([pyrraCase.increase_group, pyrraCase.generic_group]);

  prom = await startPrometheus({ blocksFrom: writer.file });
  let log = "";
  const ok = await runStages(backfillStages([...ours, ...slothRef, ...pyrraRef]),
    // From an hour before the traffic: the first hourly tile then holds the first hour whole.
    { out: join(dir, "stages"), url: prom.url, dataDir: prom.dataDir, startMs: historyStart - hour, endMs: end },
    { stdout: () => undefined, stderr: (t) => void (log += t) });
  if (!ok) throw new Error(log);
});

afterAll(async () => {
  await prom?.stop();
});

describe("compatibility series on a real Prometheus", () => {
  it("the imported SLAs ask for them", async () => {
    const sloth = await importFiles([join(anchors, "sloth/examples/getting-started.yml")]);
    expect(sloth.slas[0]!.sla.spec.compatibility).toEqual({ sloth: true });
  });

  it("has every series of Sloth's generated rules, with Sloth's labels and values", async () => {
    const names = [...new Set(slothRef.flatMap((g) => g.rules.map((r) => ("record" in r ? r.record : "").replace(/^ref_/, ""))))].sort();
    expect(names).toContain("sloth_slo_info");
    expect(names).toContain("slo:sli_error:ratio_rate30d");
    const at = await comparisonTime('{sla="myservice",objective="requests-availability"}');
    // Burn rates and the budget left are error ratios over the budget (0.1%).
    const worst = await compare(names, at, (n) => (n.startsWith("slo:sli_error:") ? 1 : /burn_rate|budget_remaining/.test(n) ? 0.001 : undefined));
    // The windows with the burst inside see its errors on both sides.
    const [threeDays] = await query('slo:sli_error:ratio_rate3d{sloth_slo="requests-availability"}', at);
    expect(threeDays!.value).toBeGreaterThan(0.002);
    console.log(`Sloth: largest differences in pp: ${JSON.stringify(worst)}`);
  });

  it("has the series Pyrra's dashboards read, with Pyrra's labels and values", async () => {
    const names = [...new Set(pyrraRef.flatMap((g) => g.rules.map((r) => ("record" in r ? r.record : ""))).filter((n) => n.startsWith("ref_pyrra_")).map((n) => n.replace(/^ref_/, "")))].sort();
    expect(names).toEqual(["pyrra_availability", "pyrra_errors:rate5m", "pyrra_objective", "pyrra_requests:rate5m", "pyrra_window"]);
    const at = await comparisonTime('{sla="monitoring-http-errors"}');
    const worst = await compare(names, at, (n) => (n === "pyrra_availability" ? 1 : undefined));
    console.log(`Pyrra: largest differences in pp: ${JSON.stringify(worst)}`);
  });
});
