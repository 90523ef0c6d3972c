// bench/operator-startup/write-cost.ts: what each kind of write the operator makes at a cold start
// costs the API server and etcd. N requests of each kind, `concurrency` in flight, on a fresh test
// control plane; the CPU time of both processes is read from /proc before and after each kind.
// The server-side apply of a PrometheusRule (the cold start's largest cost) is measured beside a
// POST of the same object in the same run: that POST is the comparison. See README.md.
import { parseArgs } from "node:util";
import { buildModel, generateObjects } from "../../operator/src/compile/index.js";
import { startControlPlane } from "../../test/controlplane/controlplane.js";
import { loadTables } from "../../test/support/burn-rate-tables.js";
import { fleetSla, slaApi, slaCrdFile } from "../support/fleet.js";
import { Kube, type Response } from "../support/kube.js";
import { onCleanup, progress, runBenchmark } from "../support/lifecycle.js";
import { usageOf } from "../support/operator.js";
import { loadAverage, num, table } from "../support/table.js";

const usage = `usage: npm run bench:write-cost -- [--requests N] [--concurrency C]

  --requests N      requests of each kind (default 600)
  --concurrency C   requests in flight (default 8, as the operator's apply workers)`;

const { values } = parseArgs({
  options: {
    requests: { type: "string", default: "600" },
    concurrency: { type: "string", default: "8" },
    help: { type: "boolean", short: "h", default: false },
  },
});

const namespace = "bench";
const ruleCollection = `/apis/monitoring.coreos.com/v1/namespaces/${namespace}/prometheusrules`;
const slaCollection = `${slaApi}/namespaces/${namespace}/servicelevelagreements`;
const apply = { contentType: "application/apply-patch+yaml" } as const;

interface Kind {
  readonly name: string;
  /** The i-th request of this kind. */
  readonly send: (i: number) => Promise<Response>;
  /** The status code every request must answer with. */
  readonly expect: number;
}

interface Figure {
  readonly name: string;
  readonly cpuMsPerRequest: number;
  readonly wallMsPerRequest: number;
}

/** CPU seconds of the API server and etcd together, from /proc. */
function serverCpuSeconds(pids: readonly (number | undefined)[]): number {
  return pids.reduce<number>((sum, pid) => sum + (pid === undefined ? 0 : usageOf(pid)?.cpuSeconds ?? 0), 0);
}

async function measure(kind: Kind, requests: number, concurrency: number, pids: readonly (number | undefined)[]): Promise<Figure> {
  const cpuBefore = serverCpuSeconds(pids);
  const began = performance.now();
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < requests) {
      const i = next++;
      const response = await kind.send(i);
      if (response.status !== kind.expect) throw new Error(`${kind.name} #${i}: expected ${kind.expect}, got ${response.status}: ${response.body.slice(0, 300)}`);
    }
  }));
  const wallMs = performance.now() - began;
  const cpuMs = (serverCpuSeconds(pids) - cpuBefore) * 1000;
  progress(`${kind.name}: ${(cpuMs / requests).toFixed(2)} ms CPU per request`);
  return { name: kind.name, cpuMsPerRequest: cpuMs / requests, wallMsPerRequest: wallMs / requests };
}

async function main(): Promise<void> {
  if (values.help) {
    console.log(usage);
    return;
  }
  const requests = Number(values.requests);
  const concurrency = Number(values.concurrency);
  if (!Number.isInteger(requests) || requests < 1) throw new Error(`--requests: expected a positive whole number, found ${JSON.stringify(values.requests)}`);
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error(`--concurrency: expected a positive whole number, found ${JSON.stringify(values.concurrency)}`);

  progress("starting the test control plane");
  const cp = await startControlPlane({ crds: [slaCrdFile] });
  onCleanup(() => cp.stop());
  const kube = new Kube(cp);
  onCleanup(() => kube.close());
  await kube.create("/api/v1/namespaces", { apiVersion: "v1", kind: "Namespace", metadata: { name: namespace } });

  const tables = loadTables();
  const slas = Array.from({ length: requests }, (_, i) => {
    const s = fleetSla(i + 1);
    return { ...s.document, metadata: { name: s.name, namespace } } as { readonly metadata: { readonly name: string; readonly namespace: string } };
  });
  const rules = slas.map((sla) => {
    const model = buildModel(sla, { burnRateTables: tables });
    if (!model.ok) throw new Error(`fleet SLA ${sla.metadata.name} does not compile: ${JSON.stringify(model.issues)}`);
    return generateObjects(model.value.model).prometheusRule as { readonly metadata: { readonly name: string } };
  });
  const rule = (i: number) => rules[i] as (typeof rules)[number];
  const sla = (i: number) => slas[i] as (typeof slas)[number];
  const ruleBytes = Buffer.byteLength(JSON.stringify(rules[0]));
  const appliedPath = (i: number) => `${ruleCollection}/${rule(i).metadata.name}?fieldManager=servicelevel-operator&force=true`;
  const conditions = ["Valid", "RulesApplied", "DashboardApplied", "AlertmanagerConfigApplied", "MetricsAvailable", "Ready"];
  const status = (at: string) => ({
    observedGeneration: 1, ruleCount: 40, prometheusRule: "sla-bench",
    conditions: conditions.map((type) => ({ type, status: "True", reason: "Applied", message: "ok", lastTransitionTime: at, observedGeneration: 1 })),
  });

  // In this order: the no-op apply needs the applied rules, the status patch the created SLAs.
  const kinds: Kind[] = [
    { name: `server-side apply of a new PrometheusRule (${num(ruleBytes / 1000, 1)} KB)`, expect: 201, send: (i) => kube.request("PATCH", appliedPath(i), rule(i), apply) },
    { name: "the same apply again (no change)", expect: 200, send: (i) => kube.request("PATCH", appliedPath(i), rule(i), apply) },
    { name: "POST of the same PrometheusRule", expect: 201, send: (i) => kube.request("POST", ruleCollection, { ...rule(i), metadata: { ...rule(i).metadata, name: `posted-${rule(i).metadata.name}` } }) },
    { name: "POST of an SLA", expect: 201, send: (i) => kube.request("POST", slaCollection, sla(i)) },
    { name: "merge patch of an SLA's status", expect: 200, send: (i) => kube.request("PATCH", `${slaCollection}/${sla(i).metadata.name}/status`, { status: status(new Date().toISOString()) }, { contentType: "application/merge-patch+json" }) },
    {
      name: "POST of an Event", expect: 201, send: (i) => kube.request("POST", `/api/v1/namespaces/${namespace}/events`, {
        apiVersion: "v1", kind: "Event", metadata: { name: `bench-${i}`, namespace }, type: "Normal", reason: "RulesApplied", count: 1,
        message: `created PrometheusRule ${rule(i).metadata.name} with 40 rules`, source: { component: "servicelevel-operator" },
        involvedObject: { apiVersion: "servicelevel.dev/v1alpha1", kind: "ServiceLevelAgreement", name: sla(i).metadata.name, namespace },
        firstTimestamp: new Date().toISOString(), lastTimestamp: new Date().toISOString(),
      }),
    },
  ];
  const pids = [cp.pids().apiServer, cp.pids().etcd];
  const figures: Figure[] = [];
  for (const kind of kinds) figures.push(await measure(kind, requests, concurrency, pids));

  const post = figures.find((f) => f.name.startsWith("POST of the same"));
  const first = figures[0];
  console.log(`\nAPI server and etcd CPU per request: ${num(requests)} requests of each kind, ${concurrency} in flight (load ${loadAverage()})\n`);
  console.log(table(["request", "CPU per request", "wall per request"], figures.map((f) => [f.name, `${f.cpuMsPerRequest.toFixed(1)} ms`, `${f.wallMsPerRequest.toFixed(1)} ms`])));
  if (post && first) console.log(`\nserver-side apply against POST of the same object: ${(first.cpuMsPerRequest / post.cpuMsPerRequest).toFixed(2)}× the CPU`);
}

runBenchmark(main, 30 * 60_000);
