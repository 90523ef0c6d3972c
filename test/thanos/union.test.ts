// More than one Prometheus, as large users run it: two Prometheus 3 servers ("clusters" eu and us,
// with external labels) each with a Thanos sidecar, a Thanos Query over both, and a Thanos Ruler
// evaluating our compiled rules through that Query. An SLA whose indicator spans both clusters
// gets the figure of the union (to 0.01 percentage points), not of either cluster; with one
// cluster down, a Query whose endpoints are strict answers with a partial-response warning that
// our Prometheus client reports, for as long as the cluster is down; one whose endpoints are not
// strict leaves the cluster out without a word once its sidecar fails a health check (README).
// `slactl report` and the operator read an SLA's month of tiles through Query from the Ruler's
// store, where the tiles the Ruler recorded (here: backfilled into its TSDB before it starts) live.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrometheusClient } from "../../operator/src/adapters/prometheus/index.js";
import type { ServiceLevelAgreement } from "../../operator/src/api/v1alpha1/types.js";
import { compile, type CompiledSla } from "../../operator/src/compile/index.js";
import { slactl } from "../cli/slactl.js";
import { startControlPlane, type ControlPlane } from "../controlplane/controlplane.js";
import { getObject, kubectlApply, slaCrdPath } from "../operator/cluster.js";
import { OperatorProcess, stopAllOperators, waitFor } from "../operator/operator-process.js";
import { backfill, startPrometheus, type RunningPrometheus } from "../prometheus/harness.js";
import { OpenMetricsWriter, writeCounterHistory } from "../prometheus/openmetrics.js";
import { steadyScenario } from "../scenarios/index.js";
import { loadTables, slaDocument } from "../support/burn-rate-tables.js";
import { prometheus3 } from "../support/prometheus-releases.js";
import { freePort, startQuery, startRuler, startSidecar, stopThanos, type ThanosComponent } from "./thanos.js";

/** Requests per second and error share per cluster: the union's share is neither cluster's. */
const clusters = { eu: { rate: 10, errors: 0.001 }, us: { rate: 30, errors: 0.01 } } as const;
const unionShare = (clusters.eu.rate * clusters.eu.errors + clusters.us.rate * clusters.us.errors) / (clusters.eu.rate + clusters.us.rate);

let dir: string;
const proms: Partial<Record<keyof typeof clusters, RunningPrometheus>> = {};
let query: ThanosComponent;
/** A second Query over the same sidecars, with endpoints that are not strict (Query's default). */
let lenientQuery: ThanosComponent;
let client: PrometheusClient;
let compiled: CompiledSla;
let cp: ControlPlane | undefined;
let op: OperatorProcess | undefined;
/** Another SLA whose month of tiles the Ruler holds: what slactl report reads through Query. */
const reported = steadyScenario({ name: "orders", namespace: "shop", now: Date.now(), errorRatio: 0.0008 });

async function clusterPrometheus(name: keyof typeof clusters): Promise<RunningPrometheus> {
  const writer = await OpenMetricsWriter.create(join(dir, `${name}.om`));
  const from = Math.floor(Date.now() / 60_000) * 60_000 - 2 * 3_600_000;
  const c = clusters[name];
  for (const [code, share] of [["200", 1 - c.errors], ["500", c.errors]] as const) {
    await writeCounterHistory(writer, { metric: "http_requests_total", labels: { job: "checkout", code }, startMs: from, endMs: from + 2 * 3_600_000 + 20 * 60_000, stepMs: 15_000, ratePerSecond: () => c.rate * share, initial: 1e6 * share });
  }
  await writer.close();
  return startPrometheus({ blocksFrom: writer.file, release: prometheus3(), externalLabels: { cluster: name } });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "slo-thanos-"));
  const sla = slaDocument({
    service: "checkout",
    objectives: [{
      name: "availability",
      target: 99,
      indicator: { ratio: { errors: 'sum(rate(http_requests_total{job="checkout",code=~"5.."}[{{window}}]))', total: 'sum(rate(http_requests_total{job="checkout"}[{{window}}]))' } },
    }],
  }, { name: "checkout", namespace: "shop" }) as unknown as ServiceLevelAgreement;
  const result = compile(sla, { burnRateTables: loadTables(), peers: new Map() });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  compiled = result.value;
  const [eu, us] = await Promise.all([clusterPrometheus("eu"), clusterPrometheus("us")]);
  proms.eu = eu;
  proms.us = us;
  const sidecars = await Promise.all([startSidecar("eu", eu.url, eu.dataDir, dir), startSidecar("us", us.url, us.dataDir, dir)]);
  const rulerPorts = { http: await freePort(), grpc: await freePort() };
  const tiles = await OpenMetricsWriter.create(join(dir, "ruler-tiles.om"));
  await reported.write(tiles);
  await tiles.close();
  await backfill([tiles.file], join(dir, "ruler-data"), dir, "486h", undefined, prometheus3().promtool);
  query = await startQuery([...sidecars.map((s) => s.grpc), `127.0.0.1:${rulerPorts.grpc}`], dir, { strict: true });
  lenientQuery = await startQuery(sidecars.map((s) => s.grpc), dir, { name: "query-lenient" });
  await startRuler(query.url, [compiled.files["rules.yaml"] as string], dir, rulerPorts);
  client = new PrometheusClient({ url: query.url, retries: 0 });
}, 1_200_000);

afterAll(async () => {
  await stopAllOperators();
  await cp?.stop();
  client?.close();
  await stopThanos();
  await Promise.all(Object.values(proms).map((p) => p.stop()));
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 60_000);

const ratioQuery = 'sla:sli_error:ratio_rate5m{sla="checkout",sla_namespace="shop"}';

describe("two Prometheus servers behind Thanos Query, our rules on Thanos Ruler", () => {
  it("gives the SLA spanning both clusters the union's error ratio, recorded by the Ruler", { timeout: 240_000 }, async () => {
    let value: number | undefined;
    await waitFor("the Ruler's 5m error ratio through Query", async () => {
      const answer = await client.queryVector(ratioQuery);
      value = answer.result[0]?.sample.value;
      return value !== undefined;
    }, 200_000, () => query.process.logTail(20));
    // 0.01 percentage points of the ratio as a percentage.
    expect(Math.abs((value as number) * 100 - unionShare * 100)).toBeLessThanOrEqual(0.01);
    for (const own of [clusters.eu.errors, clusters.us.errors]) expect(Math.abs((value as number) - own) * 100).toBeGreaterThan(0.1);
    // The Ruler's own label marks the recorded series; no cluster label, as it is the union's.
    const series = (await client.queryVector(ratioQuery)).result;
    expect(series).toHaveLength(1);
    expect(series[0]?.labels).toMatchObject({ ruler_cluster: "global", sla: "checkout" });
    expect(series[0]?.labels).not.toHaveProperty("cluster");
  });

  it("reads the union from the raw series of both clusters through Query", async () => {
    const raw = await client.queryVector('sum(rate(http_requests_total{job="checkout",code=~"5.."}[30m])) / sum(rate(http_requests_total{job="checkout"}[30m]))', Date.now() - 5 * 60_000);
    expect(raw.result[0]?.sample.value).toBeCloseTo(unionShare, 9);
    const byCluster = await client.queryVector('sum by (cluster) (rate(http_requests_total{job="checkout"}[30m]))', Date.now() - 5 * 60_000);
    expect(byCluster.result.map((s) => s.labels["cluster"]).sort()).toEqual(["eu", "us"]);
  });

  it("gives slactl report, reading through Thanos Query, the figures of the tiles the Ruler holds", { timeout: 120_000 }, async () => {
    const file = join(dir, "orders.json");
    writeFileSync(file, JSON.stringify(reported.sla));
    const result = await slactl("report", "--prometheus", query.url, file, "--format", "json", "--at", new Date(reported.now).toISOString());
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as { slas: { name: string; compliance?: number; state?: string }[] };
    const orders = report.slas.find((x) => x.name === "orders");
    expect(orders?.state).toBe(reported.expected.state);
    expect(Math.abs((orders?.compliance as number) - (reported.expected.compliance as number))).toBeLessThanOrEqual(0.01 + 1e-9);
  });

  it("gives the operator, reading through Thanos Query, the same figures in the SLA's status", { timeout: 180_000 }, async () => {
    cp = await startControlPlane({ crds: [slaCrdPath] });
    await cp.kubectlOrThrow(["create", "namespace", "shop"]);
    expect((await kubectlApply(cp, reported.sla)).code).toBe(0);
    op = new OperatorProcess("operator", [
      "--kubeconfig", cp.kubeconfigPath, "--metrics-addr", "127.0.0.1:0", "--health-addr", "127.0.0.1:0",
      "--prometheus-url", query.url, "--evaluation-interval", "2s",
    ]);
    await op.started();
    let status: { state?: string; compliance?: number } | undefined;
    await waitFor("orders evaluated through Thanos Query", async () => {
      status = (await getObject(cp as ControlPlane, "sla", "orders", "shop"))?.status as typeof status;
      return status?.compliance !== undefined;
    }, 120_000, () => op?.describe() ?? "");
    expect(status?.state).toBe(reported.expected.state);
    expect(Math.abs((status?.compliance as number) - (reported.expected.compliance as number))).toBeLessThanOrEqual(0.01 + 1e-9);
  });

  it("answers with a partial-response warning while one cluster is down, and the figure is only the other's", { timeout: 150_000 }, async () => {
    await proms.us?.stop();
    delete proms.us;
    const unionQuery = 'sum(rate(http_requests_total{job="checkout",code=~"5.."}[30m])) / sum(rate(http_requests_total{job="checkout"}[30m]))';
    // The sidecar fails its next health check (every 5 s here): the Query that is not strict then
    // leaves the cluster out and says nothing, which is why the README asks for strict endpoints.
    const lenient = new PrometheusClient({ url: lenientQuery.url, retries: 0 });
    try {
      await waitFor("the Query that is not strict to leave the cluster out without a warning", async () => {
        const quiet = await lenient.queryVector(unionQuery, Date.now() - 5 * 60_000);
        return quiet.warnings.length === 0 && quiet.result[0]?.sample.value !== undefined;
      }, 60_000, () => lenientQuery.process.logTail(20));
      expect((await lenient.queryVector(unionQuery, Date.now() - 5 * 60_000)).result[0]?.sample.value).toBeCloseTo(clusters.eu.errors, 9);
    } finally {
      lenient.close();
    }
    // The strict Query still asks the sidecar, and still warns.
    const answer = await client.queryVector(unionQuery, Date.now() - 5 * 60_000);
    expect(answer.warnings.length).toBeGreaterThan(0);
    expect(answer.warnings.join("\n")).toMatch(/us|sidecar|connection refused|unavailable/i);
    expect(answer.result[0]?.sample.value).toBeCloseTo(clusters.eu.errors, 9);
    // The operator logs the warning and keeps the figures of the SLA whose tiles are all there.
    await waitFor("the operator to log Query's warning", () => op?.logged((l) => l.msg === "Prometheus warned") ?? false, 30_000, () => op?.describe() ?? "");
    // ...and says the answer was partial instead of writing the figure of one cluster.
    let status: { compliance?: number; conditions?: { type: string; status: string; reason: string }[] } | undefined;
    await waitFor("MetricsAvailable=False (PartialResponse)", async () => {
      status = (await getObject(cp as ControlPlane, "sla", "orders", "shop"))?.status as typeof status;
      return status?.conditions?.some((c) => c.type === "MetricsAvailable" && c.status === "False" && c.reason === "PartialResponse") ?? false;
    }, 30_000, () => op?.describe() ?? "");
    expect(Math.abs((status?.compliance as number) - (reported.expected.compliance as number))).toBeLessThanOrEqual(0.01 + 1e-9);
  });
});
