// bench/measurement: one measurement cycle of the operator (the first, then steady-state ones) for
// fleets of SLAs over a quarter of recorded tiles in a real Prometheus, for the baseline and the
// subject checkout in one run, through `slactl run --prometheus-url <counting proxy>`. See README.md.
import { join } from "node:path";
import { parseArgs } from "node:util";
import { startControlPlane } from "../../test/controlplane/controlplane.js";
import { startPrometheus, type RunningPrometheus } from "../../test/prometheus/harness.js";
import { checkouts, type Checkout } from "../support/checkouts.js";
import { createFleet, slaApi, slaCrdFile } from "../support/fleet.js";
import { Kube } from "../support/kube.js";
import { onCleanup, progress, runBenchmark, temporaryDir } from "../support/lifecycle.js";
import { startOperator, type ProcessUsage, type RunningOperator } from "../support/operator.js";
import { bytes, loadAverage, median, num, table } from "../support/table.js";
import { history, type History } from "./history.js";
import { CountingProxy } from "./proxy.js";

const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "100,1000" },
    full: { type: "boolean", default: false },
    days: { type: "string", default: "92" },
    cycles: { type: "string", default: "3" },
    "evaluation-interval": { type: "string", default: "1m" },
    "heap-mb": { type: "string", default: "384" },
    "first-timeout": { type: "string", default: "900" },
    "history-max-age": { type: "string", default: "24" },
    "baseline-ref": { type: "string" },
    subject: { type: "string" },
    only: { type: "string" },
    keep: { type: "boolean", default: false },
  },
});

interface Cycle { readonly seconds: number; readonly bytes: number; readonly requests: number }

interface Result {
  readonly checkout: Checkout;
  readonly size: number;
  readonly outcome: string;
  /** From starting the operator until every SLA has status.lastEvaluated. */
  readonly firstSeconds: number | undefined;
  readonly firstBytes: number;
  readonly firstRequests: number;
  readonly firstUsage: ProcessUsage;
  readonly steady: readonly Cycle[];
  readonly usage: ProcessUsage;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const histogram = "servicelevel_operator_evaluation_duration_seconds";

/** Successful cycles so far and their total duration, and the cycles that failed. */
async function cycleTotals(operator: RunningOperator): Promise<{ count: number; sum: number; failed: number }> {
  const success = { result: "success" };
  const [count, sum, all] = await Promise.all([
    operator.metric(`${histogram}_count`, success), operator.metric(`${histogram}_sum`, success), operator.metric(`${histogram}_count`),
  ]);
  return { count, sum, failed: all - count };
}

async function measure(checkout: Checkout, size: number, prometheus: RunningPrometheus, work: string): Promise<Result> {
  const cp = await startControlPlane({ crds: [join(checkout.dir, slaCrdFile)], baseDir: work });
  onCleanup(() => cp.stop());
  const kube = new Kube(cp);
  const proxy = new CountingProxy(prometheus.url);
  await proxy.start();
  onCleanup(() => proxy.stop());
  const evaluated = new Set<string>();
  let allEvaluatedAt: number | undefined;
  let lastStatusAt = 0;
  let stopWatch = (): void => undefined;
  let operator: RunningOperator | undefined;
  try {
    await createFleet(kube, size, { periods: ["rolling30d", "quarter"] });
    progress(`${checkout.label} N=${size}: ${size} SLAs created`);
    stopWatch = kube.watch(`${slaApi}/servicelevelagreements`, (type, sla) => {
      const key = `${sla.metadata.namespace ?? ""}/${sla.metadata.name}`;
      if (type !== "DELETED" && sla.status?.lastEvaluated !== undefined && !evaluated.has(key)) {
        evaluated.add(key);
        lastStatusAt = Date.now();
      }
      if (allEvaluatedAt === undefined && evaluated.size >= size) allEvaluatedAt = Date.now();
    });
    await sleep(1_000);
    const started = Date.now();
    operator = await startOperator(checkout, {
      kubeconfig: cp.kubeconfigPath, logFile: join(work, `operator-${checkout.label}-${size}.log`),
      args: ["--prometheus-url", proxy.url, "--evaluation-interval", values["evaluation-interval"]],
      env: { NODE_OPTIONS: `--max-old-space-size=${values["heap-mb"]}` },
    });
    const firstLimit = started + Number(values["first-timeout"]) * 1000;
    let lastReport = Date.now();
    // An SLA whose status write the apiserver rejects never gets lastEvaluated: once the operator
    // reports its first cycle done, wait `statusGraceMs` for further statuses, then count what came.
    let firstCycleAt: number | undefined;
    const statusGraceMs = 30_000;
    let failedCycles = 0;
    while (allEvaluatedAt === undefined && operator.running && Date.now() < firstLimit) {
      const totals = await cycleTotals(operator).catch(() => ({ count: 0, failed: failedCycles }));
      failedCycles = totals.failed;
      if (firstCycleAt === undefined && totals.count >= 1) firstCycleAt = Date.now();
      if (firstCycleAt !== undefined && Date.now() - Math.max(firstCycleAt, lastStatusAt) > statusGraceMs) break;
      if (Date.now() - lastReport > 15_000) {
        progress(`  ... ${evaluated.size}/${size} evaluated, ${bytes(proxy.bytes)} received, RSS peak ${bytes(operator.usage().peakRssBytes, true)}`);
        lastReport = Date.now();
      }
      await sleep(500);
    }
    const firstUsage = operator.usage();
    const firstBytes = proxy.bytes;
    const firstRequests = proxy.requests;
    const failures = failedCycles === 0 ? "" : `; ${failedCycles} cycle(s) failed before (see the operator log)`;
    if ((allEvaluatedAt === undefined && firstCycleAt === undefined) || evaluated.size === 0) {
      const outcome = operator.running ? `no successful first cycle after ${values["first-timeout"]} s (${evaluated.size}/${size} evaluated)${failures}` : `crashed (${JSON.stringify(operator.process.exitInfo)}) after ${((Date.now() - started) / 1000).toFixed(0)} s, ${evaluated.size}/${size} evaluated${failures}`;
      progress(`${checkout.label} N=${size}: ${outcome}`);
      return { checkout, size, outcome, firstSeconds: undefined, firstBytes, firstRequests, firstUsage, steady: [], usage: operator.usage() };
    }
    const firstSeconds = ((allEvaluatedAt ?? lastStatusAt) - started) / 1000;
    const statuses = failures + (evaluated.size === size ? "" : `; only ${evaluated.size}/${size} got status.lastEvaluated (status writes rejected? see the operator log)`);
    progress(`${checkout.label} N=${size}: ${evaluated.size}/${size} SLAs evaluated after ${firstSeconds.toFixed(1)} s, ${bytes(firstBytes)} received`);

    // Steady state: each increment of the cycle histogram's count is one more cycle.
    const steady: Cycle[] = [];
    let last = await cycleTotals(operator);
    let lastBytes = proxy.bytes;
    let lastRequests = proxy.requests;
    const interval = Number(/^(\d+)m$/.exec(values["evaluation-interval"])?.[1] ?? "0") * 60 + Number(/^(\d+)s$/.exec(values["evaluation-interval"])?.[1] ?? "0");
    const steadyLimit = Date.now() + (Number(values.cycles) + 1) * (interval * 1.2 + Math.max(60, firstSeconds)) * 1000;
    while (steady.length < Number(values.cycles) && operator.running && Date.now() < steadyLimit) {
      await sleep(250);
      const now = await cycleTotals(operator).catch(() => last);
      if (now.count > last.count) {
        const n = now.count - last.count;
        for (let i = 0; i < n; i++) steady.push({ seconds: (now.sum - last.sum) / n, bytes: (proxy.bytes - lastBytes) / n, requests: (proxy.requests - lastRequests) / n });
        progress(`${checkout.label} N=${size}: steady cycle ${steady.length}: ${((now.sum - last.sum) / n).toFixed(2)} s, ${bytes(proxy.bytes - lastBytes)}`);
        last = now;
        lastBytes = proxy.bytes;
        lastRequests = proxy.requests;
      }
    }
    const outcome = (operator.running ? (steady.length < Number(values.cycles) ? `only ${steady.length} steady cycles in time` : "done") : `crashed (${JSON.stringify(operator.process.exitInfo)}) in steady state`) + statuses;
    return { checkout, size, outcome, firstSeconds, firstBytes, firstRequests, firstUsage, steady, usage: operator.usage() };
  } finally {
    stopWatch();
    await operator?.stop();
    await proxy.stop();
    kube.close();
    await cp.stop();
  }
}

async function main(): Promise<void> {
  const sizes = values.sizes.split(",").map(Number).filter((n) => n > 0);
  if (values.full && !sizes.includes(10_000)) sizes.push(10_000);
  const days = Number(values.days);
  const work = temporaryDir("bench-measurement", values.keep);
  const contenders = checkouts({ baselineRef: values["baseline-ref"], subject: values.subject }).filter((c) => values.only === undefined || c.label === values.only);
  const results: Result[] = [];
  const histories: History[] = [];
  for (const size of sizes) {
    const tiles = await history(size, Math.min(10, size), days, Number(values["history-max-age"]) * 3_600_000);
    histories.push(tiles);
    const began = Date.now();
    const prometheus = await startPrometheus({ blockDirs: [tiles.dir], baseDir: work, startTimeoutMs: 600_000, keepDir: values.keep });
    onCleanup(() => prometheus.stop());
    progress(`prometheus ready at ${prometheus.url} with ${prometheus.blocks.length} blocks in ${((Date.now() - began) / 1000).toFixed(1)} s`);
    try {
      for (const checkout of contenders) results.push(await measure(checkout, size, prometheus, work));
    } finally {
      await prometheus.stop();
    }
  }

  const seconds = (s: number | undefined) => (s === undefined ? "—" : `${num(s, 1)} s`);
  console.log(`measurement cycles: two objectives per SLA (half rolling 30d, half calendar quarter), ${days} days of 5m and 1h tiles, evaluation interval ${values["evaluation-interval"]}, heap limit ${values["heap-mb"]} MB; load average ${loadAverage()}\n`);
  console.log(table(
    ["SLAs", "checkout", "first cycle", "received", "requests", "RSS after first", "steady cycle (median)", "steady received", "peak RSS", "outcome"],
    results.map((r) => [
      num(r.size), r.checkout.label, seconds(r.firstSeconds), bytes(r.firstBytes), num(r.firstRequests), bytes(r.firstUsage.peakRssBytes, true),
      r.steady.length === 0 ? "—" : seconds(median(r.steady.map((c) => c.seconds))),
      r.steady.length === 0 ? "—" : bytes(median(r.steady.map((c) => c.bytes))), bytes(r.usage.peakRssBytes, true), r.outcome,
    ]),
  ));
  console.log("");
  for (const h of histories) console.log(`history: ${h.dir}: ${num(h.samples)} samples, ${num(h.series)} series, ends ${new Date(h.end).toISOString()}${h.generatedSeconds === undefined ? " (cached)" : `, written in ${h.generatedSeconds.toFixed(1)} s`}`);
  for (const r of results) if (r.steady.length > 0) console.log(`N=${r.size} ${r.checkout.label}: steady cycles ${r.steady.map((c) => `${c.seconds.toFixed(2)} s/${bytes(c.bytes)}`).join(", ")}`);
  for (const c of contenders) console.log(`${c.label}: ${c.description}`);
}

runBenchmark(main, 6 * 3_600_000);
