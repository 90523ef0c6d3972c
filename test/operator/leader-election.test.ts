// Two and then three operator replicas with --leader-elect against a real API server: exactly one
// reconciles; when it stops cleanly the lease is released and a standby takes over at once; when
// it is killed the standby takes over within the lease duration. The replicas run as a service
// account with only the RBAC of rbac.yaml (the rules docs/operator.md lists), so the test also
// proves that those verbs are enough.
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml, stringify as toYaml } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startControlPlane, type ControlPlane } from "../controlplane/controlplane.js";
import { OperatorProcess, stopAllOperators, waitFor } from "./operator-process.js";
import { condition, getObject, kubectlApply, sla, slaCrdPath } from "./cluster.js";

const ns = "team-a";
const leaseSeconds = 4;
let cp: ControlPlane;
let kubeconfig: string;

/** A kubeconfig that authenticates as the operator's service account with a TokenRequest token. */
async function serviceAccountKubeconfig(): Promise<string> {
  await cp.kubectlOrThrow(["apply", "-f", join(import.meta.dirname, "rbac.yaml")]);
  const token = (await cp.kubectlOrThrow(["create", "token", "servicelevel-operator", "-n", "operators", "--duration", "1h"])).trim();
  const admin = parseYaml(readFileSync(cp.kubeconfigPath, "utf8")) as { clusters: unknown[] };
  const file = join(cp.dir, "operator-kubeconfig");
  writeFileSync(file, toYaml({
    apiVersion: "v1", kind: "Config",
    clusters: admin.clusters,
    users: [{ name: "operator", user: { token } }],
    contexts: [{ name: "operator", context: { cluster: "slo-test", user: "operator" } }],
    "current-context": "operator",
  }), { mode: 0o600 });
  return file;
}

beforeAll(async () => {
  cp = await startControlPlane({ crds: [slaCrdPath] });
  await cp.kubectlOrThrow(["create", "namespace", ns]);
  await cp.kubectlOrThrow(["create", "namespace", "operators"]);
  kubeconfig = await serviceAccountKubeconfig();
  // The service account may do no more than the role allows.
  const can = async (verb: string, resource: string): Promise<string> =>
    (await cp.kubectl(["auth", "can-i", verb, resource, "--as", "system:serviceaccount:operators:servicelevel-operator", "-n", ns])).stdout.trim();
  expect(await can("patch", "prometheusrules.monitoring.coreos.com")).toBe("yes");
  expect(await can("update", "servicelevelagreements.servicelevel.dev")).toBe("no");
  expect(await can("get", "secrets")).toBe("no");
  // And the kubeconfig really authenticates as it.
  const whoami = spawnSync(cp.binaries.kubectl, ["--kubeconfig", kubeconfig, "auth", "whoami", "-o", "jsonpath={.status.userInfo.username}"], { encoding: "utf8" });
  expect(whoami.stdout).toBe("system:serviceaccount:operators:servicelevel-operator");
}, 600_000);

afterAll(async () => {
  await stopAllOperators();
  await cp?.stop();
}, 60_000);

const replica = async (name: string): Promise<OperatorProcess> => {
  const p = new OperatorProcess(name, [
    "--kubeconfig", kubeconfig,
    "--metrics-addr", "127.0.0.1:0",
    "--health-addr", "127.0.0.1:0",
    "--leader-elect",
    "--leader-election-namespace", "operators",
    "--lease-duration", `${leaseSeconds}s`,
    "--renew-deadline", "3s",
    "--retry-period", "1s",
    "--namespace", ns,
  ]);
  await p.started();
  return p;
};

const isLeader = async (p: OperatorProcess): Promise<boolean> => p.running && (await p.metric("servicelevel_operator_leader")) === 1;
const holder = async (): Promise<string> =>
  cp.kubectlOrThrow(["get", "lease", "servicelevel-operator", "-n", "operators", "-o", "jsonpath={.spec.holderIdentity}"]);
const reconciled = async (name: string, generation = 1): Promise<boolean> => {
  const o = await getObject(cp, "sla", name, ns);
  return o?.status?.observedGeneration === generation && condition(o, "Ready")?.status === "True";
};

describe("leader election", () => {
  let leader: OperatorProcess;
  let standby: OperatorProcess;

  it("lets exactly one of two replicas reconcile, while both report ready", async () => {
    const [a, b] = await Promise.all([replica("replica-a"), replica("replica-b")]);
    await waitFor("a leader", async () => (await isLeader(a)) || (await isLeader(b)), 30_000, () => a.describe() + b.describe());
    // Give the standby a few retry periods to (wrongly) take the lease too.
    await new Promise((r) => setTimeout(r, 3_000));
    const leaders = [await isLeader(a), await isLeader(b)];
    expect(leaders.filter(Boolean)).toHaveLength(1);
    [leader, standby] = leaders[0] ? [a, b] : [b, a];
    for (const p of [a, b]) expect((await p.get("/readyz")).status).toBe(200);
    expect(leader.logged((l) => l.msg === "became leader")).toBe(true);
    expect(standby.logged((l) => l.msg === "lease is held by another replica; standing by")).toBe(true);
    expect(await holder()).toBe(leader.logs.find((l) => l.msg === "became leader")?.["identity"]);

    expect((await kubectlApply(cp, sla("first", ns))).code).toBe(0);
    await waitFor("first reconciled", () => reconciled("first"), 30_000, () => leader.describe());
    // The counter moves only after the reconcile has also recorded its Events, a moment after the
    // status is visible, so wait for it rather than read it once.
    await waitFor("the leader to count its reconcile", async () => (await leader.metric("servicelevel_operator_reconcile_total")) > 0, 10_000, () => leader.describe());
    expect(await standby.metric("servicelevel_operator_reconcile_total")).toBe(0);
  }, 120_000);

  it("hands over at once when the leader stops cleanly and releases the lease", async () => {
    const stoppedAt = Date.now();
    expect(await leader.stop("SIGTERM")).toBe(0);
    expect(leader.logged((l) => l.msg === "released the lease")).toBe(true);
    await waitFor("the standby to lead", () => isLeader(standby), leaseSeconds * 1000, () => standby.describe());
    expect(Date.now() - stoppedAt).toBeLessThan(leaseSeconds * 1000);
    leader = standby;

    expect((await kubectlApply(cp, sla("second", ns))).code).toBe(0);
    await waitFor("second reconciled by the new leader", () => reconciled("second"), 30_000, () => leader.describe());
    expect(await getObject(cp, "prometheusrule", "sla-second", ns)).toBeDefined();
  }, 60_000);

  it("takes over within the lease duration when the leader is killed without releasing the lease", async () => {
    standby = await replica("replica-c");
    await waitFor("replica-c to stand by", () => standby.logged((l) => l.msg === "lease is held by another replica; standing by"), 15_000, () => standby.describe());
    expect(await isLeader(standby)).toBe(false);
    expect((await standby.get("/readyz")).status).toBe(200);

    const killedAt = Date.now();
    leader.signal("SIGKILL");
    await leader.exited;
    // The lease expires a lease duration after the standby last saw it renewed; it checks every retry period.
    await waitFor("replica-c to lead", () => isLeader(standby), (leaseSeconds + 8) * 1000, () => standby.describe());
    const takeoverMs = Date.now() - killedAt;
    expect(takeoverMs).toBeGreaterThan(2_000); // it did wait for the lease to run out
    // At most: lease duration after its last look, plus one retry period (1 s, jittered), plus slack for a busy machine.
    expect(takeoverMs).toBeLessThan((leaseSeconds + 5) * 1000);

    expect((await kubectlApply(cp, sla("third", ns))).code).toBe(0);
    await waitFor("third reconciled", () => reconciled("third"), 30_000, () => standby.describe());
    const transitions = await cp.kubectlOrThrow(["get", "lease", "servicelevel-operator", "-n", "operators", "-o", "jsonpath={.spec.leaseTransitions}"]);
    expect(Number(transitions)).toBe(2);
    // Nothing was refused: the role's verbs are enough.
    expect(await standby.metric("servicelevel_operator_api_errors_total", { code: "403" })).toBe(0);
    expect(standby.logged((l) => /forbidden/i.test(JSON.stringify(l)))).toBe(false);
    expect(await standby.stop("SIGTERM")).toBe(0);
  }, 60_000);
});
