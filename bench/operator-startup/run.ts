// bench/operator-startup: the operator's cold start on a real control plane for fleets of N SLAs
// (two objectives each, no Prometheus), then a warm restart, for the baseline and the subject
// checkout in one run. See README.md for the method.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { startControlPlane } from "../../test/controlplane/controlplane.js";
import { checkouts, type Checkout } from "../support/checkouts.js";
import { createFleet, slaApi, slaCrdFile } from "../support/fleet.js";
import { auditPolicy, countAudit, Kube, type AuditCount } from "../support/kube.js";
import { onCleanup, progress, runBenchmark, temporaryDir } from "../support/lifecycle.js";
import { startOperator, type ProcessUsage, type RunningOperator } from "../support/operator.js";
import { bytes, loadAverage, num, table } from "../support/table.js";
import { FleetProgress } from "./progress.js";

const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "1000,3000" },
    full: { type: "boolean", default: false },
    "baseline-ref": { type: "string" },
    subject: { type: "string" },
    "only": { type: "string" },
    "cold-timeout": { type: "string" },
    "heap-mb": { type: "string", default: "384" },
    keep: { type: "boolean", default: false },
  },
});

// The heap the chart gives the operator under its 512 MiB limit (heapLimitMiB), so a fleet that
// would not fit in the pod fails here too; 0 leaves Node's default.
const heapLimit: Record<string, string> = Number(values["heap-mb"]) > 0 ? { NODE_OPTIONS: `--max-old-space-size=${values["heap-mb"]}` } : {};

interface Phase {
  /** Seconds from starting the process until done; undefined when it did not finish. */
  readonly seconds: number | undefined;
  readonly outcome: string;
  readonly usage: ProcessUsage;
  readonly audit: AuditCount;
  /** servicelevel_operator_api_writes_total at the end. */
  readonly reportedWrites: number;
}

interface Result { readonly checkout: Checkout; readonly size: number; readonly createSeconds: number; readonly cold: Phase; readonly warm: Phase | undefined }

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The figures of one start, read while the operator still runs. */
async function phaseOf(operator: RunningOperator, startedAt: number, done: { at: number | undefined; outcome: string }, audit: AuditCount): Promise<Phase> {
  return {
    seconds: done.at === undefined ? undefined : (done.at - startedAt) / 1000,
    outcome: done.outcome,
    usage: operator.usage(),
    reportedWrites: operator.running ? await operator.metric("servicelevel_operator_api_writes_total").catch(() => NaN) : NaN,
    audit,
  };
}

/** Polls until `done()` returns a time, the operator exits, or the limit passes. */
async function until(operator: RunningOperator, limitMs: number, done: () => Promise<number | undefined>, describe: () => string): Promise<{ at: number | undefined; outcome: string }> {
  const deadline = Date.now() + limitMs;
  let lastReport = Date.now();
  for (;;) {
    const at = await done();
    if (at !== undefined) return { at, outcome: "done" };
    if (!operator.running) return { at: undefined, outcome: `exited (${JSON.stringify(operator.process.exitInfo)})` };
    if (Date.now() > deadline) return { at: undefined, outcome: `not done after ${Math.round(limitMs / 1000)} s (${describe()})` };
    if (Date.now() - lastReport > 15_000) {
      progress(`  ... ${describe()}, RSS peak ${bytes(operator.usage().peakRssBytes, true)}`);
      lastReport = Date.now();
    }
    await sleep(250);
  }
}

async function measure(checkout: Checkout, size: number, work: string, coldLimitMs: number): Promise<Result> {
  const dir = join(work, `${checkout.label}-${size}`);
  const policy = join(work, "audit-policy.yaml");
  writeFileSync(policy, auditPolicy);
  const auditLog = join(work, `${checkout.label}-${size}.audit.log`);
  const cp = await startControlPlane({
    crds: [join(checkout.dir, slaCrdFile)], baseDir: work,
    apiServerArgs: [`--audit-policy-file=${policy}`, `--audit-log-path=${auditLog}`, "--audit-log-maxsize=0", "--audit-log-format=json"],
  });
  onCleanup(() => cp.stop());
  const kube = new Kube(cp);
  const watcher = new FleetProgress(size);
  try {
    const began = Date.now();
    await createFleet(kube, size);
    const createSeconds = (Date.now() - began) / 1000;
    progress(`${checkout.label} N=${size}: created ${size} SLAs in ${createSeconds.toFixed(1)} s`);
    watcher.know(await kube.list(`${slaApi}/servicelevelagreements`));
    watcher.watch(kube);
    await sleep(1_000);

    // Cold start: nothing generated yet.
    const coldFrom = countAudit(auditLog).lines;
    const coldStart = Date.now();
    const cold = await startOperator(checkout, { kubeconfig: cp.kubeconfigPath, logFile: `${dir}.cold.log`, startTimeoutMs: coldLimitMs, env: heapLimit });
    const coldDone = await until(cold, coldLimitMs - (Date.now() - coldStart), () => Promise.resolve(watcher.completedAt),
      () => { const c = watcher.counts(); return `${c.withStatus}/${size} with status, ${c.complete}/${size} with rule too`; });
    const coldPhase = await phaseOf(cold, coldStart, coldDone, countAudit(auditLog, coldFrom));
    progress(`${checkout.label} N=${size}: cold start ${coldDone.outcome}${coldPhase.seconds === undefined ? "" : ` in ${coldPhase.seconds.toFixed(1)} s`}`);
    await cold.stop();
    if (coldPhase.seconds === undefined) return { checkout, size, createSeconds, cold: coldPhase, warm: undefined };

    // Warm restart: everything applied; settled when every SLA was reconciled and the queue is
    // empty, or (without those metrics) when the operator has made no request for 5 s.
    await sleep(2_000);
    const warmFrom = countAudit(auditLog).lines;
    const warmStart = Date.now();
    const warm = await startOperator(checkout, { kubeconfig: cp.kubeconfigPath, logFile: `${dir}.warm.log`, startTimeoutMs: coldLimitMs, env: heapLimit });
    let lastTotal = -1;
    let quietSince = Date.now();
    let lastRequestAt = Date.now();
    const warmDone = await until(warm, coldLimitMs, async () => {
      const reconciled = await warm.metric("servicelevel_operator_reconcile_total").catch(() => 0);
      const depth = await warm.metric("servicelevel_operator_queue_depth").catch(() => NaN);
      if (reconciled >= size && depth === 0) return Date.now();
      const total = countAudit(auditLog, warmFrom).total;
      if (total !== lastTotal) {
        lastTotal = total;
        quietSince = Date.now();
        lastRequestAt = Date.now();
      }
      return reconciled === 0 && Date.now() - quietSince >= 5_000 ? lastRequestAt : undefined;
    }, () => `requests so far ${lastTotal}`);
    await sleep(3_000); // late writes would show here
    const warmPhase = await phaseOf(warm, warmStart, warmDone, countAudit(auditLog, warmFrom));
    progress(`${checkout.label} N=${size}: warm restart ${warmDone.outcome}, ${warmPhase.audit.writes} writes`);
    await warm.stop();
    return { checkout, size, createSeconds, cold: coldPhase, warm: warmPhase };
  } finally {
    watcher.stop();
    kube.close();
    await cp.stop();
  }
}

const verbs = (a: AuditCount) => Object.entries(a.byVerb).sort(([x], [y]) => x.localeCompare(y)).map(([v, n]) => `${v} ${num(n)}`).join(", ");

async function main(): Promise<void> {
  const sizes = values.sizes.split(",").map(Number).filter((n) => n > 0);
  if (values.full && !sizes.includes(10_000)) sizes.push(10_000);
  const work = temporaryDir("bench-operator-startup", values.keep);
  const contenders = checkouts({ baselineRef: values["baseline-ref"], subject: values.subject }).filter((c) => values.only === undefined || c.label === values.only);
  const results: Result[] = [];
  for (const size of sizes) {
    const limitMs = (values["cold-timeout"] === undefined ? 120 + 0.3 * size : Number(values["cold-timeout"])) * 1000;
    for (const checkout of contenders) results.push(await measure(checkout, size, work, limitMs));
  }

  const seconds = (p: Phase | undefined) => (p?.seconds === undefined ? (p === undefined ? "—" : "did not finish") : `${num(p.seconds, 1)} s`);
  console.log(`operator start-up on the test control plane, two objectives per SLA, no Prometheus, heap limit ${values["heap-mb"]} MB; load average ${loadAverage()}\n`);
  console.log(table(
    ["SLAs", "checkout", "cold start", "SLAs/s", "peak RSS", "CPU", "API requests", "writes (audit)", "writes (metric)", "warm restart", "warm writes", "warm RSS"],
    results.map((r) => [
      num(r.size), r.checkout.label, seconds(r.cold), r.cold.seconds === undefined ? "—" : num(r.size / r.cold.seconds, 1),
      bytes(r.cold.usage.peakRssBytes, true), `${num(r.cold.usage.cpuSeconds, 1)} s`, num(r.cold.audit.total), num(r.cold.audit.writes),
      Number.isNaN(r.cold.reportedWrites) ? "—" : num(r.cold.reportedWrites), seconds(r.warm), r.warm === undefined ? "—" : num(r.warm.audit.writes),
      r.warm === undefined ? "—" : bytes(r.warm.usage.peakRssBytes, true),
    ]),
  ));
  console.log("");
  for (const r of results) {
    console.log(`N=${r.size} ${r.checkout.label}: SLAs created in ${r.createSeconds.toFixed(1)} s; cold ${r.cold.outcome}: ${verbs(r.cold.audit)}` +
      (r.warm ? `; warm ${r.warm.outcome}: ${verbs(r.warm.audit) || "no requests"}` : ""));
  }
  for (const c of contenders) console.log(`${c.label}: ${c.description}`);
}

runBenchmark(main, 6 * 3_600_000);
