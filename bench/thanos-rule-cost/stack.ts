// The rule-cost pipeline on Thanos: each cluster's raw history in its own Prometheus 3 with an
// external `cluster` label and a sidecar, Thanos Query over the sidecars and the Ruler, and the
// recorded series backfilled by promtool through Query into the Ruler's TSDB, pass by pass, as the
// Ruler would have recorded them. Then every rule's expression goes to Query as the Ruler sends it
// (an instant query at each evaluation time of the hour) with stats=all.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { BenchRule } from "../rule-cost/rulesets.js";
import type { Plan } from "../rule-cost/plan.js";
import { writeOpenMetrics } from "../rule-cost/history.js";
import { backfillRules, blocksIn, importHistory, moveBlocks } from "../rule-cost/tsdb.js";
import { measure, type RuleCost } from "../rule-cost/measure.js";
import { freePort, instantQuery, onCleanup, progress, Prometheus, scrapeMetrics, sleep, type QueryStats } from "../rule-cost/processes.js";
import { startProcess } from "../support/lifecycle.js";
import type { GroupProcess } from "../../test/support/process-group.js";
import type { PrometheusRelease } from "../../test/support/prometheus-releases.js";

export interface Cluster { readonly name: string; readonly seed: number }

export interface ThanosSpec {
  readonly jobs: readonly string[];
  readonly clusters: readonly Cluster[];
  readonly scrapeIntervalSeconds: number;
  readonly startSeconds: number;
  readonly endSeconds: number;
  readonly release: PrometheusRelease;
  /** The thanos binary and its version, e.g. "v0.42.4". */
  readonly thanos: string;
  readonly thanosVersion: string;
  readonly workDir: string;
}

export interface ThanosMeasured {
  readonly version: string;
  readonly costs: readonly RuleCost[];
}

/** Query's gRPC client counters of StoreAPI Series calls: calls started (one per store asked per selection), messages received. */
const seriesCalls = 'grpc_client_started_total{grpc_method="Series",grpc_service="thanos.Store",grpc_type="server_stream"}';
const seriesMessages = 'grpc_client_msg_received_total{grpc_method="Series",grpc_service="thanos.Store",grpc_type="server_stream"}';

/** A Thanos component on loopback, started (and restarted) on fixed ports. */
class Component {
  private process: GroupProcess | undefined;
  readonly url: string;
  readonly grpc: string;

  constructor(private readonly binary: string, readonly name: string, private readonly args: readonly string[], private readonly dir: string, http: number, grpc: number) {
    this.url = `http://127.0.0.1:${http}`;
    this.grpc = `127.0.0.1:${grpc}`;
  }

  async start(): Promise<void> {
    const child = startProcess(`thanos ${this.name}`, this.binary, [...this.args, `--http-address=${this.url.slice("http://".length)}`, `--grpc-address=${this.grpc}`], path.join(this.dir, `${this.name}.log`));
    this.process = child;
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      if (!child.running) throw new Error(`thanos ${this.name} exited during startup:\n${child.logTail(30)}`);
      try {
        if ((await fetch(`${this.url}/-/ready`, { signal: AbortSignal.timeout(2000) })).ok) return;
      } catch {
        // not listening yet
      }
      await sleep(200);
    }
    throw new Error(`thanos ${this.name} not ready after 120 s:\n${child.logTail(30)}`);
  }

  async stop(): Promise<void> {
    await this.process?.stop(30_000);
    this.process = undefined;
  }
}

async function component(binary: string, name: string, args: readonly string[], dir: string): Promise<Component> {
  const c = new Component(binary, name, args, dir, await freePort(), await freePort());
  onCleanup(() => c.stop());
  return c;
}

interface StoreStatus { name: string; lastError: string | null; minTime: number; maxTime: number }

/** Waits until Query lists every endpoint healthy and, when given, the Ruler's store with data from `ruler.minMs` on. */
async function waitForStores(query: Component, endpoints: readonly string[], ruler?: { readonly grpc: string; readonly minMs: number }): Promise<void> {
  const deadline = Date.now() + 120_000;
  let last = "";
  while (Date.now() < deadline) {
    const body = (await (await fetch(`${query.url}/api/v1/stores`)).json()) as { data?: Record<string, StoreStatus[]> };
    const stores = Object.values(body.data ?? {}).flat();
    const healthy = endpoints.every((e) => stores.some((s) => s.name === e && s.lastError === null));
    const rulerStore = ruler && stores.find((s) => s.name === ruler.grpc);
    if (healthy && (!ruler || (rulerStore && rulerStore.minTime <= ruler.minMs))) return;
    last = JSON.stringify(stores);
    await sleep(1000);
  }
  throw new Error(`Thanos Query does not list every store healthy after 120 s: ${last}`);
}

/** Measures every rule through Thanos Query, after loading the history and backfilling what the Ruler records. */
export async function measureOnThanos(spec: ThanosSpec, rules: readonly BenchRule[], plan: Plan): Promise<ThanosMeasured> {
  const dir = path.join(spec.workDir, "thanos");
  mkdirSync(dir, { recursive: true });
  const logFile = path.join(dir, "commands.log");
  const { release } = spec;

  const sidecars: Component[] = [];
  for (const cluster of spec.clusters) {
    const clusterDir = path.join(dir, cluster.name);
    const dataDir = path.join(clusterDir, "data");
    mkdirSync(dataDir, { recursive: true });
    const file = path.join(clusterDir, "history.om");
    await writeOpenMetrics(file, { jobs: spec.jobs, startSeconds: spec.startSeconds, endSeconds: spec.endSeconds, stepSeconds: spec.scrapeIntervalSeconds, seed: cluster.seed });
    await importHistory(release.promtool, file, path.join(clusterDir, "history.blocks"), logFile);
    moveBlocks(path.join(clusterDir, "history.blocks"), dataDir);
    const config = path.join(clusterDir, "prometheus.yml");
    writeFileSync(config, `# One cluster's Prometheus: its history, no scrapes, no rules.\nglobal:\n  external_labels: {cluster: ${cluster.name}}\n`);
    const prometheus = new Prometheus(release.prometheus, dataDir, config, await freePort(), path.join(clusterDir, "prometheus.log"));
    onCleanup(() => prometheus.stop());
    await prometheus.start();
    const sidecar = await component(spec.thanos, `sidecar-${cluster.name}`, ["sidecar", `--prometheus.url=${prometheus.url}`, `--tsdb.path=${dataDir}`], clusterDir);
    await sidecar.start();
    sidecars.push(sidecar);
    progress(`Thanos: cluster ${cluster.name}: Prometheus ${prometheus.url} with its history, sidecar ${sidecar.grpc}`);
  }

  // The Ruler holds what it records; here it only serves what promtool backfills into its TSDB
  // (no rule files until the backfill is done), with a retention that keeps the month.
  const rulerData = path.join(dir, "ruler-data");
  mkdirSync(rulerData);
  const noRules = path.join(dir, "no-rules.yaml");
  writeFileSync(noRules, "groups: []\n");
  const queryHttp = await freePort();
  const ruler = await component(spec.thanos, "rule", [
    "rule", `--data-dir=${rulerData}`, `--rule-file=${noRules}`, `--query=http://127.0.0.1:${queryHttp}`,
    '--label=ruler_cluster="global"', "--tsdb.retention=400d", "--eval-interval=1m",
  ], dir);
  const query = new Component(spec.thanos, "query", [
    "query", ...sidecars.map((s) => `--endpoint=${s.grpc}`), `--endpoint=${ruler.grpc}`, "--store.response-timeout=30s",
  ], dir, queryHttp, await freePort());
  onCleanup(() => query.stop());
  await query.start();
  await ruler.start();
  const endpoints = [...sidecars.map((s) => s.grpc), ruler.grpc];
  await waitForStores(query, endpoints);
  progress(`Thanos: Query ${query.url} over ${endpoints.length} stores; Ruler ${ruler.grpc}`);

  let rulerMinMs = Infinity;
  for (const [p, pass] of plan.passes.entries()) {
    const outputs: string[] = [];
    for (const [j, job] of pass.entries()) {
      outputs.push(await backfillRules(release.promtool, job, query, dir, `pass${p + 1}-${j + 1}`, logFile));
      const blocks = blocksIn(outputs[outputs.length - 1] as string);
      progress(`Thanos: pass ${p + 1}/${plan.passes.length}: ${job.rules.length} rules every ${job.intervalSeconds}s through Query -> ${blocks.length} blocks, ` +
        `${blocks.reduce((a, b) => a + b.samples, 0).toLocaleString("en-US")} samples`);
    }
    await ruler.stop();
    for (const out of outputs) for (const block of moveBlocks(out, rulerData)) rulerMinMs = Math.min(rulerMinMs, block.minTime);
    await ruler.start();
    // Query learns a store's time range from its info calls; until then it skips the Ruler for older data.
    await waitForStores(query, endpoints, { grpc: ruler.grpc, minMs: rulerMinMs });
  }

  // The Ruler's own evaluations would add queries to the counters; it has no rules, so it sends none.
  const queryable = {
    async query(expr: string, timeSeconds: number): Promise<QueryStats> {
      const before = await scrapeMetrics(query.url);
      const stats = await instantQuery(query.url, expr, timeSeconds);
      const after = await scrapeMetrics(query.url);
      const delta = (name: string) => (after.get(name) ?? 0) - (before.get(name) ?? 0);
      return { ...stats, store: { calls: delta(seriesCalls), messages: delta(seriesMessages) } };
    },
  };
  const costs = await measure(queryable, rules, plan);
  for (const c of [query, ruler, ...sidecars]) await c.stop();
  return { version: `Thanos ${spec.thanosVersion}`, costs };
}
