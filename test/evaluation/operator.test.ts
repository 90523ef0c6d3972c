// The operator (a child process, as in a pod) against a real kube-apiserver and a real Prometheus
// holding recorded tiles: it writes the scenarios' known figures into status, `kubectl get sla`
// prints them, it keeps them with MetricsAvailable=False while Prometheus is down and recovers
// when it is back, writes nothing while nothing changes, and records an Event when a state changes.
//
// Prometheus is reached through a TCP forwarder on a fixed port, so that "Prometheus restarted"
// can be a new Prometheus (from the same history) behind the same URL.
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, connect, type AddressInfo, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startControlPlane, type ControlPlane } from "../controlplane/controlplane.js";
import { OperatorProcess, stopAllOperators, waitFor } from "../operator/operator-process.js";
import { condition, getObject, kubectlApply, slaCrdPath, type Obj } from "../operator/cluster.js";
import { startPrometheus, type RunningPrometheus } from "../prometheus/harness.js";
import { OpenMetricsWriter } from "../prometheus/openmetrics.js";
import { noDataScenario, steadyScenario, type Scenario } from "../scenarios/index.js";

const ns = "shop";
const now = Date.now();
// Steady histories ending now: their figures do not move while the test runs.
const cases: Scenario[] = [
  steadyScenario({ name: "checkout", namespace: ns, now, errorRatio: 0.0005 }),
  steadyScenario({ name: "search", namespace: ns, now, errorRatio: 0.0008 }),
  steadyScenario({ name: "payments", namespace: ns, now, errorRatio: 0.002 }),
  noDataScenario(now, { name: "orders", namespace: ns }),
  // A calendar month in Berlin without errors: its figures do not move either, and its period has the zone's offset.
  steadyScenario({ name: "billing", namespace: ns, now, errorRatio: 0, calendarMonthIn: "Europe/Berlin" }),
];

type Status = NonNullable<Obj["status"]> & {
  lastEvaluated?: string; compliance?: number; budgetRemaining?: number; credit?: number; period?: { start: string; end: string };
  objectives?: { name: string; attained?: number; target: number; errorBudget?: { remaining: number; consumed: number }; burnRate: Record<string, number>; state: string }[];
};
const statusOf = (o: Obj | undefined): Status | undefined => o?.status as Status | undefined;

/** Forwards 127.0.0.1:<port> to a target that can change (or be gone). */
class Forwarder {
  target: number | undefined;
  private readonly sockets = new Set<Socket>();
  private constructor(readonly server: Server) {}
  static async start(): Promise<Forwarder> {
    const server = createServer();
    const f = new Forwarder(server);
    server.on("connection", (client) => {
      f.sockets.add(client);
      client.on("close", () => f.sockets.delete(client));
      if (f.target === undefined) {
        client.destroy();
        return;
      }
      const upstream = connect(f.target, "127.0.0.1");
      f.sockets.add(upstream);
      upstream.on("close", () => f.sockets.delete(upstream));
      client.pipe(upstream).pipe(client);
      client.on("error", () => upstream.destroy());
      upstream.on("error", () => client.destroy());
      client.on("close", () => upstream.destroy());
      upstream.on("close", () => client.destroy());
    });
    server.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    return f;
  }
  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }
  cut(): void {
    this.target = undefined;
    for (const s of this.sockets) s.destroy();
  }
  async close(): Promise<void> {
    this.cut();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

let cp: ControlPlane;
let prom: RunningPrometheus | undefined;
let forwarder: Forwarder;
let op: OperatorProcess;
let dir: string;
let history: string;

const within = (actual: number | undefined, expected: number | undefined, what: string) => {
  expect(actual, what).toBeDefined();
  expect(Math.abs((actual as number) - (expected as number)), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(0.01 + 1e-9);
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "slo-evaluation-operator-"));
  const writer = await OpenMetricsWriter.create(join(dir, "history.om"));
  for (const c of cases) await c.write(writer);
  history = (await writer.close()).file;
  const [plane, prometheus, fwd] = await Promise.all([startControlPlane({ crds: [slaCrdPath] }), startPrometheus({ blocksFrom: history }), Forwarder.start()]);
  cp = plane;
  prom = prometheus;
  forwarder = fwd;
  forwarder.target = prom.port;
  await cp.kubectlOrThrow(["create", "namespace", ns]);
  for (const c of cases) expect((await kubectlApply(cp, c.sla)).code).toBe(0);
  op = new OperatorProcess("operator", [
    "--kubeconfig", cp.kubeconfigPath,
    "--metrics-addr", "127.0.0.1:0",
    "--health-addr", "127.0.0.1:0",
    "--prometheus-url", `http://127.0.0.1:${forwarder.port}`,
    "--evaluation-interval", "2s",
    "--prometheus-timeout", "2s",
    "--log-level", "debug",
  ]);
  await op.started();
}, 600_000);

afterAll(async () => {
  await stopAllOperators();
  await forwarder?.close();
  await prom?.stop();
  await cp?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 60_000);

const waitForSla = async (name: string, what: string, check: (o: Obj | undefined) => boolean, timeoutMs = 30_000): Promise<Obj> => {
  let last: Obj | undefined;
  await waitFor(what, async () => check(last = await getObject(cp, "sla", name, ns)), timeoutMs,
    () => `${JSON.stringify(last?.status, null, 2)}\n${op.describe()}`);
  return last as Obj;
};

describe("the operator evaluating against a real Prometheus", () => {
  it("writes each SLA's known figures into its status", async () => {
    for (const c of cases) {
      const o = await waitForSla(c.name, `${c.name} evaluated`, (x) => condition(x, "MetricsAvailable")?.reason !== "NotEvaluated" && statusOf(x)?.state !== undefined);
      const s = statusOf(o);
      const e = c.expected;
      expect(s?.state, c.name).toBe(e.state);
      if (e.compliance === undefined) {
        expect(s).not.toHaveProperty("compliance");
        expect(s).not.toHaveProperty("credit");
        expect(s).not.toHaveProperty("budgetRemaining");
      } else {
        within(s?.compliance, e.compliance, `${c.name} compliance`);
        within(s?.budgetRemaining, e.budgetRemaining, `${c.name} budget`);
        expect(s?.credit, c.name).toBe(e.credit);
      }
      for (const [name, x] of Object.entries(e.objectives)) {
        const shown = s?.objectives?.find((ob) => ob.name === name);
        expect(shown?.state, `${c.name}/${name}`).toBe(x.state);
        expect(shown?.target).toBe(x.target);
        if (x.attained === undefined) {
          expect(shown).not.toHaveProperty("attained");
          continue;
        }
        within(shown?.attained, x.attained, `${c.name}/${name} attained`);
        within(shown?.errorBudget?.consumed, x.consumedPercent, `${c.name}/${name} consumed`);
        for (const [w, rate] of Object.entries(x.burnRate)) within(shown?.burnRate[w], rate, `${c.name}/${name} burn ${w}`);
      }
      if (c.name === "billing") {
        // The calendar month, written with Berlin's offset.
        expect(Date.parse(s?.period?.start ?? "")).toBe(e.period.start);
        expect(Date.parse(s?.period?.end ?? "")).toBe(e.period.end);
        expect(s?.period?.start).toMatch(/T00:00:00\+0[12]:00$/);
      } else {
        // The rolling 30-day period ends at the evaluation instant.
        expect(Date.parse(s?.period?.end ?? "") - Date.parse(s?.period?.start ?? "")).toBe(30 * 86_400_000);
      }
      expect(Date.parse(s?.lastEvaluated ?? "")).toBeGreaterThan(now - 60_000);
      const metrics = condition(o, "MetricsAvailable");
      if (c.name === "orders") expect(metrics).toMatchObject({ status: "False", reason: "NoSeries" });
      else expect(metrics).toMatchObject({ status: "True", reason: "SeriesFound" });
      // No spec.review: nothing is due.
      expect(condition(o, "ReviewDue")).toMatchObject({ status: "False", reason: "NoReviewPolicy" });
    }
    expect(condition(await getObject(cp, "sla", "checkout", ns), "Compliant")).toMatchObject({ status: "True", reason: "TargetsMet" });
    expect(condition(await getObject(cp, "sla", "search", ns), "Compliant")).toMatchObject({ status: "True", reason: "TargetsMet" });
    expect(condition(await getObject(cp, "sla", "payments", ns), "Compliant")).toMatchObject({ status: "False", reason: "TargetMissed" });
    expect(condition(await getObject(cp, "sla", "orders", ns), "Compliant")).toMatchObject({ status: "Unknown", reason: "NoData" });
  }, 60_000);

  it("kubectl get sla prints the figures in its columns", async () => {
    for (const c of cases) await waitForSla(c.name, `${c.name} evaluated`, (x) => statusOf(x)?.state !== undefined);
    const out = await cp.kubectlOrThrow(["get", "sla", "-n", ns]);
    console.log(`$ kubectl get sla -n ${ns}\n${out}`);
    const rows = Object.fromEntries(out.trim().split("\n").slice(1).map((line) => {
      const cells = line.trim().split(/\s+/);
      return [cells[0], cells];
    }));
    expect(out.split("\n")[0]?.trim().split(/\s+/)).toEqual(["NAME", "SERVICE", "STATE", "COMPLIANCE", "BUDGET", "CREDIT", "AGE"]);
    expect(rows["checkout"]?.slice(1, 6)).toEqual(["checkout", "Compliant", "99.95", "50", "0"]);
    expect(rows["search"]?.slice(1, 6)).toEqual(["search", "AtRisk", "99.92", "20", "0"]);
    expect(rows["payments"]?.slice(1, 6)).toEqual(["payments", "Breached", "99.8", "-100", "10"]);
    // NoData: the figure columns stay empty, never 100.
    expect(rows["orders"]?.slice(1, 3)).toEqual(["orders", "NoData"]);
    expect(rows["orders"]).toHaveLength(4);
    expect(rows["billing"]?.slice(1, 6)).toEqual(["billing", "Compliant", "100", "100", "0"]);
  });

  it("writes nothing while nothing changes", async () => {
    await waitFor("the queue to drain", async () => (await op.metric("servicelevel_operator_queue_depth")) === 0);
    const cyclesBefore = await op.metric("servicelevel_operator_evaluations_total", { result: "success" });
    const writesBefore = await op.metric("servicelevel_operator_api_writes_total");
    const queriesBefore = await op.metric("servicelevel_operator_prometheus_queries_total");
    const versions = async () => Promise.all(cases.map(async (c) => (await getObject(cp, "sla", c.name, ns))?.metadata.resourceVersion));
    const before = await versions();
    await new Promise((r) => setTimeout(r, 7_000));
    expect(await op.metric("servicelevel_operator_evaluations_total", { result: "success" })).toBeGreaterThanOrEqual(cyclesBefore + 2);
    expect(await op.metric("servicelevel_operator_api_writes_total")).toBe(writesBefore);
    expect(await versions()).toEqual(before);
    // Figures move with the 5-minute tiles: a cycle within the same 5 minutes asks Prometheus
    // nothing, and one that crosses a mark asks a number of queries that does not grow with the SLAs.
    expect(await op.metric("servicelevel_operator_prometheus_queries_total") - queriesBefore).toBeLessThanOrEqual(40);
  }, 30_000);

  it("keeps the figures and says MetricsAvailable=False while Prometheus is down, and recovers", async () => {
    const before = statusOf(await getObject(cp, "sla", "checkout", ns));
    await prom?.stop();
    prom = undefined;
    forwarder.cut();
    const down = await waitForSla("checkout", "MetricsAvailable=False", (o) => condition(o, "MetricsAvailable")?.status === "False", 60_000);
    expect(condition(down, "MetricsAvailable")?.reason).toBe("PrometheusUnreachable");
    expect(condition(down, "MetricsAvailable")?.message).toMatch(/query_range|query|buildinfo/);
    const s = statusOf(down);
    expect(s?.state).toBe(before?.state);
    expect(s?.compliance).toBe(before?.compliance);
    expect(s?.budgetRemaining).toBe(before?.budgetRemaining);
    expect(s?.objectives).toEqual(before?.objectives);
    expect(s?.lastEvaluated).toBe(before?.lastEvaluated);
    expect(condition(down, "Compliant")).toEqual(condition({ status: before } as Obj, "Compliant"));
    expect(op.running).toBe(true);
    expect(await op.metric("servicelevel_operator_evaluations_total", { result: "unavailable" })).toBeGreaterThan(0);

    prom = await startPrometheus({ blocksFrom: history });
    forwarder.target = prom.port;
    const back = await waitForSla("checkout", "MetricsAvailable=True again", (o) => condition(o, "MetricsAvailable")?.status === "True", 60_000);
    expect(condition(back, "MetricsAvailable")?.reason).toBe("SeriesFound");
    expect(statusOf(back)?.compliance).toBe(before?.compliance);
  }, 120_000);

  it("records an Event when the state changes", async () => {
    // Stricter target, same series: 0.05% errors spend 500% of a 0.01% budget.
    const checkout = cases[0] as Scenario;
    const spec = { ...checkout.sla.spec, objectives: [{ ...(checkout.sla.spec["objectives"] as object[])[0], target: 99.99 }] };
    expect((await kubectlApply(cp, { ...checkout.sla, spec })).code).toBe(0);
    const breached = await waitForSla("checkout", "checkout Breached", (o) => statusOf(o)?.state === "Breached");
    expect(statusOf(breached)?.objectives?.[0]).toMatchObject({ target: 99.99, errorBudget: { consumed: 500, remaining: -400 } });
    expect(condition(breached, "Compliant")).toMatchObject({ status: "False", reason: "TargetMissed", observedGeneration: 2 });
    let events: { reason: string; type: string; note?: string; message?: string }[] = [];
    await waitFor("a Breached event", async () => {
      const list = JSON.parse(await cp.kubectlOrThrow(["get", "events.events.k8s.io", "-n", ns, "-o", "json"])) as { items: { reason: string; type: string; note?: string; regarding?: { name: string } }[] };
      events = list.items.filter((e) => e.regarding?.name === "checkout" && e.reason === "Breached");
      return events.length > 0;
    }, 20_000, () => op.describe());
    expect(events[0]).toMatchObject({ type: "Warning", note: expect.stringMatching(/^state changed from Compliant to Breached: compliance 99\.95%/) });
  }, 60_000);
});
