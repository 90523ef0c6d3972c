// Command line for the test control plane:
//   npm run cluster:up                 start etcd + kube-apiserver, install the CRDs, print the
//                                      kubeconfig, and stay in the foreground until Ctrl-C
//   npm run cluster:up -- --detach     same, but run in the background and return once ready
//   npm run cluster:down               stop the cluster started by cluster:up (either mode)
//   npm run cluster:up -- status       (or `tsx test/controlplane/cli.ts status`) print the state
// Options of `up`: --crd FILE (repeatable, extra CRD files), --no-repo-crds (skip crds/*.yaml).
//
// State lives in $SLO_CLUSTER_STATE_DIR (default <tmpdir>/servicelevel-operator-cluster):
// state.json (pid of the owning process, server, pids), a stable copy of the kubeconfig, and
// cluster.log in --detach mode. Only one cluster per state dir.
import { spawn } from "node:child_process";
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { REPO_ROOT } from "./binaries.js";
import { processExists, startControlPlane } from "./controlplane.js";

interface ClusterState {
  pid: number;
  server: string;
  kubeconfig: string;
  dir: string;
  etcdPid: number | undefined;
  apiServerPid: number | undefined;
  watchdogPid: number | undefined;
}

const stateDir = process.env["SLO_CLUSTER_STATE_DIR"] ?? join(tmpdir(), "servicelevel-operator-cluster");
const stateFile = join(stateDir, "state.json");
const kubeconfigCopy = join(stateDir, "kubeconfig");
const logFile = join(stateDir, "cluster.log");

function readState(): ClusterState | undefined {
  try {
    return JSON.parse(readFileSync(stateFile, "utf8")) as ClusterState;
  } catch {
    return undefined;
  }
}

function clearState(): void {
  rmSync(stateFile, { force: true });
  rmSync(kubeconfigCopy, { force: true });
}

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

function repoCrds(): string[] {
  const dir = join(REPO_ROOT, "crds");
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => join(dir, f));
}

function refuseIfRunning(): void {
  const st = readState();
  if (st && processExists(st.pid)) {
    throw new Error(`a cluster is already running (pid ${st.pid}, ${st.server}); export KUBECONFIG=${kubeconfigCopy} or run npm run cluster:down`);
  }
  if (st) clearState(); // stale
}

async function up(args: string[]): Promise<void> {
  const crds: string[] = [];
  let withRepoCrds = true;
  let detach = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--detach" || a === "-d") detach = true;
    else if (a === "--no-repo-crds") withRepoCrds = false;
    else if (a === "--crd" && args[i + 1] !== undefined) crds.push(resolve(args[++i] ?? ""));
    else throw new Error(`unknown argument ${a ?? ""}; usage: cli.ts up [--detach] [--crd FILE]... [--no-repo-crds]`);
  }
  mkdirSync(stateDir, { recursive: true });
  refuseIfRunning();
  if (detach) return upDetached(args.filter((a) => a !== "--detach" && a !== "-d"));

  const cp = await startControlPlane({
    crds: [...(withRepoCrds ? repoCrds() : []), ...crds],
    handleSignals: false, // handled below, gracefully
    log: (l) => process.stderr.write(`[controlplane] ${l}\n`),
  });
  let stopping = false;
  const shutdown = async (sig: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`[controlplane] ${sig}: stopping\n`);
    try {
      await cp.stop();
    } finally {
      clearState();
      process.exit(0);
    }
  };
  for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(sig, () => void shutdown(sig));

  copyFileSync(cp.kubeconfigPath, kubeconfigCopy);
  const pids = cp.pids();
  const state: ClusterState = {
    pid: process.pid, server: cp.server, kubeconfig: kubeconfigCopy, dir: cp.dir,
    etcdPid: pids.etcd, apiServerPid: pids.apiServer, watchdogPid: pids.watchdog,
  };
  writeFileSync(stateFile, `${JSON.stringify(state, null, 2)}\n`);
  say(`control plane ready: ${cp.server} (kube-apiserver pid ${pids.apiServer ?? "?"}, etcd pid ${pids.etcd ?? "?"})`);
  say(`kubeconfig: ${kubeconfigCopy}`);
  say(`export KUBECONFIG=${kubeconfigCopy}`);
  say("stop with Ctrl-C here or `npm run cluster:down` elsewhere");
  setInterval(() => undefined, 1 << 30); // stay alive until a signal
}

async function upDetached(args: string[]): Promise<void> {
  rmSync(logFile, { force: true });
  const fd = openSync(logFile, "a");
  const child = spawn(process.execPath, [...process.execArgv, process.argv[1] ?? "", "up", ...args], {
    detached: true,
    stdio: ["ignore", fd, fd],
    env: { ...process.env, SLO_CLUSTER_STATE_DIR: stateDir },
  });
  closeSync(fd);
  let exited = false;
  child.on("exit", () => { exited = true; });
  child.unref();
  const deadline = Date.now() + 30 * 60_000; // may include a first build of the binaries
  while (Date.now() < deadline) {
    const st = readState();
    if (st && st.pid === child.pid) {
      say(`control plane ready: ${st.server} (running in the background as pid ${st.pid}, log ${logFile})`);
      say(`kubeconfig: ${st.kubeconfig}`);
      say(`export KUBECONFIG=${st.kubeconfig}`);
      say("stop with `npm run cluster:down`");
      return;
    }
    if (exited) break;
    await sleep(250);
  }
  const log = existsSync(logFile) ? readFileSync(logFile, "utf8").split("\n").slice(-30).join("\n") : "";
  if (!exited && child.pid !== undefined) process.kill(child.pid, "SIGTERM");
  throw new Error(`cluster did not come up; log ${logFile}:\n${log}`);
}

async function down(): Promise<void> {
  const st = readState();
  if (!st) {
    say(`no cluster running (no ${stateFile})`);
    return;
  }
  if (processExists(st.pid)) {
    process.kill(st.pid, "SIGTERM");
    const deadline = Date.now() + 45_000;
    while (processExists(st.pid) && Date.now() < deadline) await sleep(200);
    if (processExists(st.pid)) {
      process.kill(st.pid, "SIGKILL"); // its watchdog then kills etcd and kube-apiserver
      say(`owner pid ${st.pid} did not stop in time; killed it`);
    }
  }
  // Belt and braces: the process groups of the servers, should anything be left.
  for (const pid of [st.apiServerPid, st.etcdPid]) {
    if (pid !== undefined && processExists(pid)) {
      try {
        process.kill(-pid, "SIGKILL");
      } catch {
        // gone
      }
    }
  }
  rmSync(st.dir, { recursive: true, force: true });
  clearState();
  say(`cluster ${st.server} stopped`);
}

function status(): void {
  const st = readState();
  if (!st || !processExists(st.pid)) {
    say("no cluster running");
    process.exitCode = 1;
    return;
  }
  say(JSON.stringify(st, null, 2));
}

const [cmd, ...rest] = process.argv.slice(2);
try {
  if (cmd === "up") await up(rest);
  else if (cmd === "down") await down();
  else if (cmd === "status") status();
  else throw new Error("usage: cli.ts up [--detach] [--crd FILE]... [--no-repo-crds] | down | status");
} catch (err) {
  process.stderr.write(`${(err as Error).message}\n`);
  process.exit(1);
}
