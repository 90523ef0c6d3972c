// bench/generated-size: bytes the generated objects of one SLA occupy in the apiserver, for the
// baseline and the subject checkout, each with its operator running on a fresh test control
// plane, projected to 10,000 SLAs against etcd's default 2 GB quota. See README.md.
import { join } from "node:path";
import { parseArgs } from "node:util";
import { startControlPlane, type ControlPlane } from "../../test/controlplane/controlplane.js";
import { checkouts, type Checkout } from "../support/checkouts.js";
import { fleetSla, slaApi, slaCrdFile } from "../support/fleet.js";
import { Kube, type KubeObject } from "../support/kube.js";
import { onCleanup, progress, runBenchmark, temporaryDir } from "../support/lifecycle.js";
import { startOperator } from "../support/operator.js";
import { bytes, loadAverage, num, table } from "../support/table.js";

const { values } = parseArgs({
  options: {
    fleet: { type: "string", default: "10000" },
    "baseline-ref": { type: "string" },
    subject: { type: "string" },
    keep: { type: "boolean", default: false },
  },
});

/** etcd's default backend quota (--quota-backend-bytes), 2 GiB, which etcd documents as "2 GB". */
const etcdQuota = 2 * 1024 ** 3;

/** What the operator may write, cluster-wide: everything here that the SLAs did not bring. */
const collections = {
  PrometheusRule: "/apis/monitoring.coreos.com/v1/prometheusrules",
  ConfigMap: "/api/v1/configmaps",
  Secret: "/api/v1/secrets",
  Event: "/api/v1/events",
} as const;
type Kind = keyof typeof collections;

type Sizes = Record<Kind | "SLA", number>;

async function sizes(kube: Kube, before: ReadonlySet<string>): Promise<Sizes> {
  const result = { SLA: 0 } as Sizes;
  for (const [kind, collection] of Object.entries(collections) as Array<[Kind, string]>) {
    const objects = await kube.listRaw(collection).catch(() => []);
    result[kind] = objects.filter((o) => !before.has(key(kind, o.object))).reduce((sum, o) => sum + o.bytes, 0);
  }
  result.SLA = (await kube.listRaw(`${slaApi}/servicelevelagreements`)).reduce((sum, o) => sum + o.bytes, 0);
  return result;
}

const key = (kind: string, o: KubeObject) => `${kind}/${o.metadata.namespace ?? ""}/${o.metadata.name}`;

const settled = (sla: KubeObject | undefined): boolean =>
  sla?.status?.observedGeneration !== undefined && sla.status.observedGeneration === sla.metadata.generation &&
  (sla.status.conditions ?? []).some((c) => c.type === "Ready");

/** Waits until the SLA has status for its generation and its PrometheusRule, and sizes stop changing. */
async function waitSettled(kube: Kube, namespace: string, name: string, before: ReadonlySet<string>): Promise<Sizes> {
  const deadline = Date.now() + 120_000;
  let last = "";
  let stableSince = 0;
  for (;;) {
    const r = await kube.request("GET", `${slaApi}/namespaces/${namespace}/servicelevelagreements/${name}`);
    const sla = r.status === 200 ? (JSON.parse(r.body) as KubeObject) : undefined;
    const rules = await kube.list(`/apis/monitoring.coreos.com/v1/namespaces/${namespace}/prometheusrules`);
    const owned = rules.some((rule) => (rule.metadata.ownerReferences ?? []).some((o) => o.uid === sla?.metadata.uid));
    if (settled(sla) && owned) {
      const now = await sizes(kube, before);
      const text = JSON.stringify(now);
      if (text === last && Date.now() - stableSince >= 3_000) return now;
      if (text !== last) stableSince = Date.now();
      last = text;
    }
    if (Date.now() > deadline) throw new Error(`${namespace}/${name} did not settle within 120 s (status ${JSON.stringify(sla?.status)}, rule ${owned})`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

interface Measured { readonly checkout: Checkout; readonly first: Sizes; readonly second: Sizes }

async function measure(checkout: Checkout, work: string): Promise<Measured> {
  progress(`${checkout.label}: starting a control plane with ${checkout.dir}/${slaCrdFile}`);
  const cp: ControlPlane = await startControlPlane({ crds: [join(checkout.dir, slaCrdFile)], baseDir: work });
  onCleanup(() => cp.stop());
  const kube = new Kube(cp);
  try {
    const before = new Set<string>();
    for (const [kind, collection] of Object.entries(collections)) {
      for (const o of await kube.list(collection).catch(() => [])) before.add(key(kind, o));
    }
    await kube.create("/api/v1/namespaces", { apiVersion: "v1", kind: "Namespace", metadata: { name: "fleet-1" } });
    const operator = await startOperator(checkout, { kubeconfig: cp.kubeconfigPath, logFile: join(work, `operator-${checkout.label}.log`) });
    const one = fleetSla(1, { namespaces: 1000 });
    const two = fleetSla(1001, { namespaces: 1000 });
    await kube.create(`${slaApi}/namespaces/${one.namespace}/servicelevelagreements`, one.document);
    const first = await waitSettled(kube, one.namespace, one.name, before);
    progress(`${checkout.label}: one SLA settled`);
    await kube.create(`${slaApi}/namespaces/${two.namespace}/servicelevelagreements`, two.document);
    const second = await waitSettled(kube, two.namespace, two.name, before);
    progress(`${checkout.label}: two SLAs settled`);
    await operator.stop();
    return { checkout, first, second };
  } finally {
    kube.close();
    await cp.stop();
  }
}

async function main(): Promise<void> {
  const fleet = Number(values.fleet);
  const work = temporaryDir("bench-generated-size", values.keep);
  const measured: Measured[] = [];
  for (const checkout of checkouts({ baselineRef: values["baseline-ref"], subject: values.subject })) measured.push(await measure(checkout, work));

  const kinds: Array<Kind | "SLA"> = ["PrometheusRule", "ConfigMap", "Secret", "Event", "SLA"];
  console.log(`generated size: objects of one two-objective SLA as the apiserver returns them (JSON, managedFields included), load average ${loadAverage()}\n`);
  const rows: string[][] = [];
  for (const m of measured) {
    // The second SLA's increase is what every further SLA adds; the rest of the first is shared.
    const perSla = kinds.map((k) => m.second[k] - m.first[k]);
    const shared = kinds.map((k, i) => m.first[k] - (perSla[i] ?? 0));
    const generatedPerSla = perSla.slice(0, 4).reduce((a, b) => a + b, 0);
    const allPerSla = perSla.reduce((a, b) => a + b, 0);
    const projection = shared.reduce((a, b) => a + b, 0) + fleet * allPerSla;
    rows.push([
      m.checkout.label,
      ...perSla.map((b) => bytes(b)),
      bytes(generatedPerSla),
      bytes(shared.reduce((a, b) => a + b, 0)),
      bytes(projection),
      `${num((100 * projection) / etcdQuota, 1)}%`,
    ]);
  }
  console.log(table(["checkout", ...kinds.map((k) => `${k}/SLA`), "generated/SLA", "shared", `${num(fleet)} SLAs`, "of 2 GB quota"], rows));
  console.log("");
  for (const m of measured) console.log(`${m.checkout.label}: ${m.checkout.description}`);
}

runBenchmark(main, 900_000);
