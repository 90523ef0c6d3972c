// No reconcile is lost to an API server that goes away. Sixty SLAs on the real kube-apiserver, the
// operator as a child process with the periodic resync turned off (`--resync-period 0`), so only
// the queue's retries can put a failed reconcile right:
// - the API server is restarted while the first reconciles run;
// - the API server is frozen (SIGSTOP) for longer than every client timeout while SLAs changed
//   just before are being reconciled, and another SLA is changed through a second API server of
//   the same etcd while the first one is frozen; then it is thawed (SIGCONT).
// After each fault every SLA has its PrometheusRule and dashboard, its conditions, and
// status.observedGeneration equal to its generation.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setTimeout as sleep } from "node:timers/promises";
import { startControlPlane, type ControlPlane } from "../controlplane/controlplane.js";
import { OperatorProcess, stopAllOperators, waitFor } from "../operator/operator-process.js";
import { condition, sla, slaCrdPath, type Obj } from "../operator/cluster.js";

// Each SLA with a dashboard ConfigMap of its own, so every kind of generated object is at stake.
const ownDashboard = { dashboard: { own: true } };

const ns = "faults";
const names = Array.from({ length: 60 }, (_, i) => `svc-${String(i).padStart(2, "0")}`);
// Longer than the operator's 30 s request timeout, so requests in flight fail and must be retried.
const freezeMs = Number(process.env["HOSTILE_FREEZE_MS"] ?? 40_000);

let cp: ControlPlane;
let op: OperatorProcess;

beforeAll(async () => {
  cp = await startControlPlane({ crds: [slaCrdPath] });
  await cp.kubectlOrThrow(["create", "namespace", ns]);
}, 600_000);

afterAll(async () => {
  await stopAllOperators();
  await cp?.stop();
}, 90_000);

const list = async (kind: string): Promise<Obj[]> =>
  (JSON.parse(await cp.kubectlOrThrow(["get", kind, "-n", ns, "-o", "json"], { timeoutMs: 30_000 })) as { items: Obj[] }).items;

/** The SLAs that are not (yet) fully reconciled, each with what is missing. */
async function unsettled(): Promise<string[]> {
  const [slas, rules, maps] = await Promise.all([list("sla"), list("prometheusrule"), list("configmap")]);
  const ruleNames = new Set(rules.map((r) => r.metadata.name));
  const mapNames = new Set(maps.map((m) => m.metadata.name));
  const problems: string[] = [];
  for (const name of names) {
    const s = slas.find((o) => o.metadata.name === name);
    const missing = [
      s === undefined ? "the SLA" : undefined,
      s?.status?.observedGeneration === s?.metadata.generation ? undefined : `observedGeneration ${s?.status?.observedGeneration} of ${s?.metadata.generation}`,
      condition(s, "RulesApplied")?.status === "True" ? undefined : "RulesApplied=True",
      condition(s, "Ready")?.status === "True" ? undefined : "Ready=True",
      condition(s, "Valid")?.observedGeneration === s?.metadata.generation ? undefined : "Valid at this generation",
      ruleNames.has(`sla-${name}`) ? undefined : "its PrometheusRule",
      mapNames.has(`sla-${name}-dashboard`) ? undefined : "its dashboard",
    ].filter((m) => m !== undefined);
    if (missing.length > 0) problems.push(`${name}: ${missing.join(", ")}`);
  }
  return problems;
}

async function expectAllSettled(what: string, timeoutMs: number): Promise<void> {
  let last: string[] = [];
  await waitFor(what, async () => (last = await unsettled()).length === 0, timeoutMs, () => `${last.slice(0, 10).join("\n")}\n${op.describe()}`);
}

const retarget = (name: string, target: number): Promise<string> =>
  cp.kubectlOrThrow(["patch", "sla", name, "-n", ns, "--type=json", "-p", JSON.stringify([{ op: "replace", path: "/spec/objectives/0/target", value: target }])]);

describe("reconciles survive API server faults (60 SLAs, --resync-period 0)", () => {
  it("reconciles every SLA after the API server restarts mid-reconcile", async () => {
    const applied = await cp.kubectl(["apply", "-f", "-"], { input: names.map((n) => JSON.stringify(sla(n, ns, ownDashboard))).join("\n") });
    expect(applied.code, applied.stderr).toBe(0);
    op = new OperatorProcess("operator", ["--kubeconfig", cp.kubeconfigPath, "--metrics-addr", "127.0.0.1:0", "--health-addr", "127.0.0.1:0",
      "--resync-period", "0"]);
    await op.started();
    await waitFor("the first generated objects", () => op.logged((l) => l.msg === "created"), 60_000, () => op.describe());
    // Mid-reconcile: some SLAs are done, most are still queued or in flight.
    await cp.restartApiServer({ downMs: 3_000 });
    await expectAllSettled("every SLA reconciled after the restart", 240_000);
    expect(op.logged((l) => l.msg === "reconcile failed; retrying"), "the restart did fail reconciles").toBe(true);
    expect(op.running).toBe(true);
  }, 300_000);

  it("reconciles every change after the API server is frozen for longer than the client timeouts", async () => {
    const second = await cp.startSecondApiServer();
    try {
      const failuresBefore = op.logs.filter((l) => l.msg === "reconcile failed; retrying").length;
      // Changed just before the freeze: their reconciles are in flight or queued when it comes.
      const before = names.slice(0, 10);
      await Promise.all(before.map((n) => retarget(n, 99.5)));
      cp.pauseApiServer();
      const frozenAt = Date.now();
      // Changed while the operator's API server is frozen, through the other one.
      const during = names[30] as string;
      const patched = await second.kubectl(["patch", "sla", during, "-n", ns, "--type=json", "-p",
        JSON.stringify([{ op: "replace", path: "/spec/objectives/0/target", value: 99.0 }])], { timeoutMs: 30_000 });
      expect(patched.code, patched.stderr).toBe(0);
      await sleep(Math.max(0, freezeMs - (Date.now() - frozenAt)));
      cp.resumeApiServer();
      await expectAllSettled("every SLA reconciled at its generation after the freeze", 240_000);
      const slas = await list("sla");
      expect(slas.find((s) => s.metadata.name === during)?.metadata.generation).toBe(2);
      for (const n of before) expect(slas.find((s) => s.metadata.name === n)?.metadata.generation).toBe(2);
      // The freeze outlasted the request timeout: reconciles failed and were retried until they succeeded.
      expect(op.logs.filter((l) => l.msg === "reconcile failed; retrying").length).toBeGreaterThan(failuresBefore);
      expect(op.running).toBe(true);
      expect((await op.get("/readyz")).status).toBe(200);
    } finally {
      cp.resumeApiServer();
      await second.stop();
    }
  }, 420_000);
});
