// The test control plane itself: real etcd + kube-apiserver, driven with the machine's kubectl.
//
// Needs the binaries (KUBEBUILDER_ASSETS, or the cache filled by scripts/build-controlplane.sh;
// beforeAll builds them when missing). When they can be neither found nor built the tests FAIL;
// set SLO_SKIP_CONTROLPLANE=1 to skip them on purpose.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureControlPlaneBinaries, findControlPlaneBinaries, REPO_ROOT } from "./binaries.js";
import { processExists, startControlPlane } from "./controlplane.js";
import type { ControlPlane } from "./controlplane.js";
import { prometheusRuleOpenAPISchema } from "./prometheusrule-crd.js";

const skip = process.env["SLO_SKIP_CONTROLPLANE"] === "1";
const HOOK_TIMEOUT = 30 * 60_000; // a first build from the Go module proxy takes several minutes

const WIDGET_CRD = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.test.servicelevel.dev
spec:
  group: test.servicelevel.dev
  names: { kind: Widget, plural: widgets, singular: widget, listKind: WidgetList }
  scope: Namespaced
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec:
              type: object
              properties:
                size: { type: integer, minimum: 1 }
`;

function promRule(name: string, spec: unknown): string {
  return JSON.stringify({ apiVersion: "monitoring.coreos.com/v1", kind: "PrometheusRule", metadata: { name, namespace: "default" }, spec });
}

async function waitGone(pids: number[], timeoutMs: number): Promise<number[]> {
  const deadline = Date.now() + timeoutMs;
  let alive = pids.filter(processExists);
  while (alive.length > 0 && Date.now() < deadline) {
    await sleep(200);
    alive = alive.filter(processExists);
  }
  return alive;
}

describe("binaries", () => {
  it("says how to get them when they are missing", () => {
    const emptyCache = mkdtempSync(join(tmpdir(), "slo-empty-cache-"));
    const saved = { cache: process.env["SLO_CONTROLPLANE_CACHE"], assets: process.env["KUBEBUILDER_ASSETS"] };
    try {
      process.env["SLO_CONTROLPLANE_CACHE"] = emptyCache;
      delete process.env["KUBEBUILDER_ASSETS"];
      expect(() => findControlPlaneBinaries()).toThrow(/not built.*npm run controlplane:build.*KUBEBUILDER_ASSETS/s);
      process.env["KUBEBUILDER_ASSETS"] = emptyCache;
      expect(() => findControlPlaneBinaries()).toThrow(/KUBEBUILDER_ASSETS=.* lacks executable kube-apiserver and etcd/);
    } finally {
      for (const [k, v] of [["SLO_CONTROLPLANE_CACHE", saved.cache], ["KUBEBUILDER_ASSETS", saved.assets]] as const) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
      rmSync(emptyCache, { recursive: true, force: true });
    }
  });
});

describe.skipIf(skip)("test control plane (etcd + kube-apiserver)", () => {
  let cp: ControlPlane | undefined;
  const plane = (): ControlPlane => {
    if (!cp) throw new Error("control plane did not start (see the beforeAll error)");
    return cp;
  };
  let crdDir = "";

  beforeAll(async () => {
    // Fails (does not skip) with a message naming the build script when binaries can't be had.
    await ensureControlPlaneBinaries();
    crdDir = mkdtempSync(join(tmpdir(), "slo-test-crds-"));
    writeFileSync(join(crdDir, "widgets.yaml"), WIDGET_CRD);
    const t0 = Date.now();
    cp = await startControlPlane({ crds: [join(crdDir, "widgets.yaml")] });
    process.stderr.write(`control plane started in ${Date.now() - t0} ms at ${cp.server}\n`);
  }, HOOK_TIMEOUT);

  afterAll(async () => {
    await cp?.stop();
    if (crdDir) rmSync(crdDir, { recursive: true, force: true });
  }, 120_000);

  it("serves /readyz on loopback over TLS with a working kubeconfig", async () => {
    const c = plane();
    expect(c.server).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const r = spawnSync(c.binaries.kubectl, ["--kubeconfig", c.kubeconfigPath, "get", "--raw", "/readyz"], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.stdout.trim()).toBe("ok");
    const kubeconfig = readFileSync(c.kubeconfigPath, "utf8");
    expect(kubeconfig).toContain(c.server);
    expect(kubeconfig).toContain("client-certificate-data");
  });

  it("runs RBAC authorization with the kubeconfig user in system:masters", async () => {
    const c = plane();
    expect((await c.kubectlOrThrow(["auth", "can-i", "*", "*"])).trim()).toBe("yes");
    const other = await c.kubectl(["auth", "can-i", "list", "secrets", "--as=jane"]);
    expect(other.stdout.trim()).toBe("no");
    const denied = await c.kubectl(["get", "secrets", "--as=jane"]);
    expect(denied.code).not.toBe(0);
    expect(denied.stderr).toMatch(/forbidden/i);
  });

  it("reports the pinned server version when built from the cache", async () => {
    const c = plane();
    const v = JSON.parse(await c.kubectlOrThrow(["version", "-o", "json"])) as { serverVersion?: { gitVersion?: string } };
    if (c.binaries.source === "cache") {
      const pinned = /K8S_VERSION="(v[^"]+)"/.exec(readFileSync(join(REPO_ROOT, "scripts/build-controlplane.sh"), "utf8"))?.[1];
      expect(v.serverVersion?.gitVersion).toBe(pinned);
    } else {
      expect(v.serverVersion?.gitVersion).toMatch(/^v1\./);
    }
  });

  it("installs CRDs from files and serves them", async () => {
    const c = plane();
    await c.kubectlOrThrow(["apply", "-f", "-"], { input: JSON.stringify({ apiVersion: "test.servicelevel.dev/v1", kind: "Widget", metadata: { name: "w1", namespace: "default" }, spec: { size: 3 } }) });
    const bad = await c.kubectl(["apply", "-f", "-"], { input: JSON.stringify({ apiVersion: "test.servicelevel.dev/v1", kind: "Widget", metadata: { name: "w2", namespace: "default" }, spec: { size: 0 } }) });
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/spec\.size/);
  });

  it("has the PrometheusRule CRD Established with the upstream schema", async () => {
    const c = plane();
    const crd = JSON.parse(await c.kubectlOrThrow(["get", "crd", "prometheusrules.monitoring.coreos.com", "-o", "json"])) as {
      status: { conditions: { type: string; status: string }[] };
      spec: { versions: { schema: { openAPIV3Schema: { properties: Record<string, unknown> } } }[] };
    };
    expect(crd.status.conditions).toContainEqual(expect.objectContaining({ type: "Established", status: "True" }));
    expect(crd.status.conditions).not.toContainEqual(expect.objectContaining({ type: "NonStructuralSchema" }));
    expect(crd.spec.versions[0]?.schema.openAPIV3Schema).toEqual(prometheusRuleOpenAPISchema());
  });

  it("rejects invalid PrometheusRules at admission and accepts a valid one", async () => {
    const c = plane();
    const missingExpr = await c.kubectl(["create", "-f", "-"], { input: promRule("no-expr", { groups: [{ name: "g", rules: [{ record: "x" }] }] }) });
    expect(missingExpr.code).not.toBe(0);
    expect(missingExpr.stderr).toMatch(/spec\.groups\[0\]\.rules\[0\]\.expr: Required value/);

    const groupsNotArray = await c.kubectl(["create", "-f", "-"], { input: promRule("groups-string", { groups: "oops" }) });
    expect(groupsNotArray.code).not.toBe(0);
    expect(groupsNotArray.stderr).toMatch(/spec\.groups: Invalid value: "string": spec\.groups in body must be of type array/);

    const badDuration = await c.kubectl(["create", "-f", "-"], { input: promRule("bad-for", { groups: [{ name: "g", rules: [{ alert: "A", expr: "up == 0", for: "5 minutes" }] }] }) });
    expect(badDuration.code).not.toBe(0);
    expect(badDuration.stderr).toMatch(/spec\.groups\[0\]\.rules\[0\]\.for: Invalid value/);

    const valid = { groups: [{ name: "slo", interval: "30s", rules: [
      { record: "job:up:avg", expr: "avg by (job) (up)" },
      { alert: "JobDown", expr: "job:up:avg == 0", for: "5m", labels: { severity: "page" }, annotations: { summary: "down" } },
    ] }] };
    await c.kubectlOrThrow(["create", "-f", "-"], { input: promRule("valid", valid) });
    const stored = JSON.parse(await c.kubectlOrThrow(["get", "prometheusrule", "valid", "-o", "json"])) as { spec: unknown };
    expect(stored.spec).toEqual(valid);

    const names = (await c.kubectlOrThrow(["get", "prometheusrules", "-o", "name"])).trim().split("\n");
    expect(names).toEqual(["prometheusrule.monitoring.coreos.com/valid"]);
  });

  it("restartApiServer keeps the data and the port; etcd keeps running", async () => {
    const c = plane();
    await c.kubectlOrThrow(["create", "configmap", "survivor", "--from-literal=k=v"]);
    const before = c.pids();
    const t0 = Date.now();
    await c.restartApiServer();
    process.stderr.write(`kube-apiserver restarted in ${Date.now() - t0} ms\n`);
    const after = c.pids();
    expect(after.etcd).toBe(before.etcd);
    expect(after.apiServer).toBeDefined();
    expect(after.apiServer).not.toBe(before.apiServer);
    expect(processExists(before.apiServer ?? -1)).toBe(false);
    const cm = JSON.parse(await c.kubectlOrThrow(["get", "configmap", "survivor", "-o", "json"])) as { data: Record<string, string> };
    expect(cm.data).toEqual({ k: "v" });
    expect((await c.kubectlOrThrow(["get", "prometheusrule", "valid", "-o", "name"])).trim()).toBe("prometheusrule.monitoring.coreos.com/valid");
    expect((await c.kubectlOrThrow(["get", "--raw", "/readyz"])).trim()).toBe("ok");
  });

  it("stop() leaves no processes and no files", async () => {
    const c = plane();
    const { etcd, apiServer, watchdog } = c.pids();
    const pids = [etcd, apiServer, watchdog].filter((p): p is number => p !== undefined);
    expect(pids).toHaveLength(3);
    await c.stop();
    expect(await waitGone(pids, 5_000)).toEqual([]);
    expect(existsSync(c.dir)).toBe(false);
    expect(c.pids()).toEqual({ etcd: undefined, apiServer: undefined, watchdog: undefined });
    await c.stop(); // idempotent
  }, 60_000);
});

describe.skipIf(skip)("cluster:up / cluster:down", () => {
  const cli = join(REPO_ROOT, "test/controlplane/cli.ts");
  let stateDir = "";

  beforeAll(async () => {
    await ensureControlPlaneBinaries();
    stateDir = mkdtempSync(join(tmpdir(), "slo-cluster-state-"));
  }, HOOK_TIMEOUT);
  afterAll(() => {
    spawnSync(process.execPath, ["--import", "tsx", cli, "down"], { env: { ...process.env, SLO_CLUSTER_STATE_DIR: stateDir }, cwd: REPO_ROOT });
    if (stateDir) rmSync(stateDir, { recursive: true, force: true });
  }, 120_000);

  interface State { pid: number; dir: string; kubeconfig: string; etcdPid: number; apiServerPid: number; watchdogPid: number }
  const readState = (): State => JSON.parse(readFileSync(join(stateDir, "state.json"), "utf8")) as State;

  function runCli(args: string[]): Promise<{ code: number; out: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ["--import", "tsx", cli, ...args], {
        cwd: REPO_ROOT, env: { ...process.env, SLO_CLUSTER_STATE_DIR: stateDir }, stdio: ["ignore", "pipe", "pipe"],
      });
      let out = "";
      child.stdout.setEncoding("utf8").on("data", (c: string) => { out += c; });
      child.stderr.setEncoding("utf8").on("data", (c: string) => { out += c; });
      child.on("error", reject);
      child.on("close", (code) => resolve({ code: code ?? -1, out }));
    });
  }

  it("up --detach prints the kubeconfig; down stops every process", async () => {
    const up = await runCli(["up", "--detach", "--no-repo-crds"]);
    expect(up.code, up.out).toBe(0);
    expect(up.out).toMatch(/^export KUBECONFIG=\S+kubeconfig$/m);
    const st = readState();
    const r = spawnSync("kubectl", ["--kubeconfig", st.kubeconfig, "get", "--raw", "/readyz"], { encoding: "utf8" });
    expect(r.stdout.trim()).toBe("ok");
    const down = await runCli(["down"]);
    expect(down.code, down.out).toBe(0);
    expect(await waitGone([st.pid, st.etcdPid, st.apiServerPid, st.watchdogPid], 10_000)).toEqual([]);
    expect(existsSync(st.dir)).toBe(false);
    expect(existsSync(join(stateDir, "state.json"))).toBe(false);
  }, 180_000);

  it("a SIGKILLed owner's servers are killed by the watchdog", async () => {
    const up = await runCli(["up", "--detach", "--no-repo-crds"]);
    expect(up.code, up.out).toBe(0);
    const st = readState();
    process.kill(st.pid, "SIGKILL");
    expect(await waitGone([st.pid, st.etcdPid, st.apiServerPid, st.watchdogPid], 20_000)).toEqual([]);
    expect(existsSync(st.dir)).toBe(false);
  }, 180_000);
});

describe.skipIf(skip)("teardown when the owning process ends without stop()", () => {
  let scriptDir = "";
  beforeAll(async () => {
    await ensureControlPlaneBinaries();
    scriptDir = mkdtempSync(join(tmpdir(), "slo-owner-"));
    const harness = join(REPO_ROOT, "test/controlplane/controlplane.ts");
    // Starts a plane, prints its pids and dir, then exits or waits as told by argv.
    writeFileSync(join(scriptDir, "owner.mts"), `
import { startControlPlane } from ${JSON.stringify(harness)};
const cp = await startControlPlane({ prometheusRuleCrd: false });
process.stdout.write(JSON.stringify({ ...cp.pids(), dir: cp.dir }) + "\\n");
if (process.argv[2] === "exit") process.exit(0);
setInterval(() => undefined, 1000);
`);
  }, HOOK_TIMEOUT);
  afterAll(() => {
    if (scriptDir) rmSync(scriptDir, { recursive: true, force: true });
  });

  async function runOwner(mode: "exit" | "wait", onReady: (pid: number) => void): Promise<{ info: { etcd: number; apiServer: number; watchdog: number; dir: string }; exit: { code: number | null; signal: string | null } }> {
    const child = spawn(process.execPath, ["--import", "tsx", join(scriptDir, "owner.mts"), mode], { cwd: REPO_ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stderr.setEncoding("utf8").on("data", (c: string) => { err += c; });
    const info = await new Promise<{ etcd: number; apiServer: number; watchdog: number; dir: string }>((resolve, reject) => {
      child.stdout.setEncoding("utf8").on("data", (c: string) => {
        out += c;
        const line = out.split("\n")[0];
        if (out.includes("\n") && line) {
          resolve(JSON.parse(line) as { etcd: number; apiServer: number; watchdog: number; dir: string });
          if (child.pid !== undefined) onReady(child.pid);
        }
      });
      child.on("exit", () => reject(new Error(`owner exited before it was ready: ${err}`)));
    });
    const exit = await new Promise<{ code: number | null; signal: string | null }>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) resolve({ code: child.exitCode, signal: child.signalCode });
      else child.on("exit", (code, signal) => resolve({ code, signal }));
    });
    return { info, exit };
  }

  it("process.exit() kills the servers and removes the dir", async () => {
    const { info, exit } = await runOwner("exit", () => undefined);
    expect(exit.code).toBe(0);
    expect(await waitGone([info.etcd, info.apiServer, info.watchdog], 5_000)).toEqual([]);
    expect(existsSync(info.dir)).toBe(false);
  }, 120_000);

  it("SIGINT kills the servers, removes the dir, and the owner still dies by the signal", async () => {
    const { info, exit } = await runOwner("wait", (pid) => process.kill(pid, "SIGINT"));
    expect(exit.signal).toBe("SIGINT");
    expect(await waitGone([info.etcd, info.apiServer, info.watchdog], 5_000)).toEqual([]);
    expect(existsSync(info.dir)).toBe(false);
  }, 120_000);
});
