// The dashboard tells the status' truth: for a New York calendar-month SLA with maintenance, on a
// backfilled history in a real Prometheus, the operator's measurement gives the status figures,
// the leader's /metrics exports them, Prometheus scrapes them, and the queries of the generated
// dashboards' panels (taken from their JSON: the SLA's own and the shared one) return them to
// 0.01 percentage points. Both agree with the answers computed by hand (test/scenarios), and the same path fails when maintenance
// or the calendar zone is dropped from the model: those figures land on the panels too, and
// they are off by far more than 0.01 points.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { Registry } from "prom-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrometheusClient } from "../../operator/src/adapters/prometheus/index.js";
import { compile } from "../../operator/src/compile/index.js";
import type { SlaModel } from "../../operator/src/compile/model.js";
import { buildDashboard } from "../../operator/src/compile/dashboards.js";
import { buildSlaDashboard } from "../../operator/src/compile/sla-dashboard.js";
import { registerFigureMetrics, type ExportedFigures } from "../../operator/src/controller/figures-metrics.js";
import { measureSlas } from "../../operator/src/measure/index.js";
import { startPrometheus, type RunningPrometheus } from "../prometheus/harness.js";
import { OpenMetricsWriter } from "../prometheus/openmetrics.js";
import { newYorkMaintenanceScenario } from "../scenarios/index.js";
import { loadTables } from "../support/burn-rate-tables.js";

const scenario = newYorkMaintenanceScenario();
const expected = scenario.expected;

function modelOf(): SlaModel {
  const compiled = compile(scenario.sla, { burnRateTables: loadTables(), peers: new Map() });
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.issues));
  return compiled.value.model;
}
const model = modelOf();
// The mutants: the same SLA measured without its maintenance, and with its month taken in UTC.
// Exported under their own namespace, so their panels read their own series.
const mutants = {
  "no-maintenance": { ...model, maintenance: [] },
  "utc-month": { ...model, period: { ...model.period, timeZone: "UTC" } } as SlaModel,
};

interface Panel { title?: string; type?: string; panels?: Panel[]; targets?: { expr?: string }[] }

/**
 * The query of the panel with this title: in the SLA's own dashboard, or in the shared one with
 * its variables set to the SLA as Grafana sets them (one value each, substituted as written).
 */
function panelQuery(m: SlaModel, title: string, which: "own" | "shared" = "own"): string {
  const built = which === "own" ? buildDashboard(m) : buildSlaDashboard();
  const dashboard = JSON.parse(JSON.stringify(built)) as { panels: Panel[] };
  const all = dashboard.panels.flatMap((p) => [p, ...(p.panels ?? [])]);
  const expr = all.find((p) => p.title === title)?.targets?.[0]?.expr;
  if (!expr) throw new Error(`no panel ${JSON.stringify(title)} in the ${which} dashboard of ${m.namespace}/${m.name}`);
  return which === "own" ? expr : expr.replaceAll("$namespace", m.namespace).replaceAll("$sla", m.name).replaceAll("$objective", "availability");
}

/** The labels of the first series a query returns, once a scrape has landed. */
async function labelsOf(query: string): Promise<Record<string, string>> {
  for (const deadline = Date.now() + 30_000; ;) {
    const body = await (await fetch(`${prom.url}/api/v1/query?${new URLSearchParams({ query }).toString()}`)).json() as { data: { result: { metric: Record<string, string> }[] } };
    const metric = body.data.result[0]?.metric;
    if (metric !== undefined) return metric;
    if (Date.now() > deadline) throw new Error(`${query} returned nothing`);
    await sleep(500);
  }
}

let dir: string;
let prom: RunningPrometheus;
let client: PrometheusClient;
let server: Server;
const exported: ExportedFigures[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "slo-dashboard-figures-"));
  const writer = await OpenMetricsWriter.create(join(dir, "history.om"));
  await scenario.write(writer);
  await writer.close();
  // The leader's figure gauges, on a real HTTP endpoint that Prometheus scrapes.
  const registry = new Registry();
  registerFigureMetrics(registry, () => exported, () => scenario.now);
  server = createServer((_req, res) => {
    void registry.metrics().then((body) => res.writeHead(200, { "content-type": registry.contentType }).end(body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  prom = await startPrometheus({ blocksFrom: writer.file, scrapeTargets: [`127.0.0.1:${port}`] });
  client = new PrometheusClient({ url: prom.url, retries: 1 });
  for (const [namespace, m] of [[model.namespace, model], ...Object.entries(mutants)] as const) {
    const result = await measureSlas({ client, slas: [m], now: scenario.now });
    const status = result.slas[0]?.status;
    if (!status) throw new Error(`no figures for ${namespace}: ${result.slas[0]?.metrics.message}`);
    exported.push({ model: { ...m, namespace }, status });
  }
}, 180_000);

afterAll(async () => {
  client?.close();
  await prom?.stop();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** What a panel of the SLA (or a mutant) shows: its query's value from Prometheus, once a scrape has landed. */
async function shown(namespace: string, title: string, which: "own" | "shared" = "own"): Promise<number> {
  const m = namespace === model.namespace ? model : { ...mutants[namespace as keyof typeof mutants], namespace };
  const query = panelQuery(m, title, which);
  for (const deadline = Date.now() + 30_000; ;) {
    const body = await (await fetch(`${prom.url}/api/v1/query?${new URLSearchParams({ query }).toString()}`)).json() as { data: { result: { value: [number, string] }[] } };
    const value = body.data.result[0]?.value[1];
    if (value !== undefined) return Number(value);
    if (Date.now() > deadline) throw new Error(`${query} returned nothing`);
    await sleep(500);
  }
}

const statusOf = (namespace: string) => exported.find((e) => e.model.namespace === namespace)?.status;
const within = (actual: number, wanted: number | undefined, what: string) =>
  expect(Math.abs(actual - (wanted as number)), `${what}: ${actual} vs ${wanted}`).toBeLessThanOrEqual(0.01 + 1e-9);

describe("the contract figures of a New York calendar month with maintenance", () => {
  it("are what the status says, and what the hand-computed answers say", () => {
    // The scenario's closed form: 0.01% errors, 10% of the budget per countable month, 460 of 713 hours elapsed.
    expect(expected.objectives["availability"]?.consumedPercent).toBeCloseTo(10 * 460 / 713, 6);
    expect(expected.compliance).toBeCloseTo(99.99, 6);
    const status = statusOf(model.namespace);
    // Status writes the period in the SLA's zone (2026-11-01T00:00:00-04:00): the same instants as Intl's month.
    expect(status?.period).toEqual({ start: "2026-11-01T00:00:00-04:00", end: "2026-12-01T00:00:00-05:00" });
    expect([Date.parse(status?.period.start ?? ""), Date.parse(status?.period.end ?? "")]).toEqual([expected.period.start, expected.period.end]);
    within(status?.compliance ?? NaN, expected.compliance, "status compliance");
    within(status?.budgetRemaining ?? NaN, expected.budgetRemaining, "status budget left");
  });

  it("are on the dashboard's panels, read from Prometheus, to 0.01 points, with the period and the SLA's time zone", async () => {
    const status = statusOf(model.namespace);
    const objective = status?.objectives.find((o) => o.name === "availability");
    within((await shown(model.namespace, "Compliance")) * 100, status?.compliance, "Compliance panel vs status");
    within((await shown(model.namespace, "Budget left")) * 100, status?.budgetRemaining, "Budget left panel vs status");
    within((await shown(model.namespace, "Attained (contract period)")) * 100, objective?.attained, "Attained panel vs status");
    within((await shown(model.namespace, "Error budget remaining (contract period)")) * 100, objective?.errorBudget?.remaining, "Remaining panel vs status");
    within((await shown(model.namespace, "Compliance")) * 100, expected.compliance, "Compliance panel vs the known answer");
    within((await shown(model.namespace, "Budget left")) * 100, expected.budgetRemaining, "Budget left panel vs the known answer");
    expect(await shown(model.namespace, "Period start")).toBe(expected.period.start);
    expect(await shown(model.namespace, "Period end")).toBe(expected.period.end);
    expect((buildDashboard(model) as unknown as { timezone: string }).timezone).toBe("America/New_York");
  });

  it("are on the shared SLA dashboard's panels too, with the period's bounds in the SLA's time zone", async () => {
    const status = statusOf(model.namespace);
    const objective = status?.objectives.find((o) => o.name === "availability");
    within((await shown(model.namespace, "Compliance", "shared")) * 100, status?.compliance, "shared Compliance panel vs status");
    within((await shown(model.namespace, "Budget left", "shared")) * 100, status?.budgetRemaining, "shared Budget left panel vs status");
    within((await shown(model.namespace, "Attained (contract period)", "shared")) * 100, objective?.attained, "shared Attained panel vs status");
    within((await shown(model.namespace, "Error budget remaining (contract period)", "shared")) * 100, objective?.errorBudget?.remaining, "shared Remaining panel vs status");
    within((await shown(model.namespace, "Compliance", "shared")) * 100, expected.compliance, "shared Compliance panel vs the known answer");
    // The Period panel shows labels: the bounds as status writes them, and the zone.
    const period = await labelsOf(panelQuery(model, "Period", "shared"));
    expect(period).toMatchObject({ time_zone: "America/New_York", start: "2026-11-01T00:00:00-04:00", end: "2026-12-01T00:00:00-05:00" });
  });

  it("would be caught by this test if maintenance or the calendar zone were ignored", async () => {
    for (const namespace of Object.keys(mutants)) {
      const sharedCompliance = (await shown(namespace, "Compliance", "shared")) * 100;
      expect(Math.abs(sharedCompliance - (expected.compliance as number)), `${namespace} shared compliance ${sharedCompliance}`).toBeGreaterThan(0.1);
      const compliance = (await shown(namespace, "Compliance")) * 100;
      const budget = (await shown(namespace, "Budget left")) * 100;
      expect(Math.abs(compliance - (expected.compliance as number)), `${namespace} compliance ${compliance}`).toBeGreaterThan(0.1);
      expect(Math.abs(budget - (expected.budgetRemaining as number)), `${namespace} budget ${budget}`).toBeGreaterThan(10);
    }
  });
});
