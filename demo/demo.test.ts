// Smoke test of `npm run demo`: the real thing (control plane, Prometheus, the operator), run
// non-interactively. It checks that `kubectl get sla -A` shows both demo SLAs with a STATE and a
// COMPLIANCE, that the service's HTTP knob works without a terminal, that the healthy service
// fires no alert on the demo's Prometheus, and that nothing the demo started is left running,
// whether it stops by --duration or by Ctrl-C (SIGINT).
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { processExists } from "../test/controlplane/controlplane.js";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const states = ["Compliant", "AtRisk", "Breached", "NoData", "Invalid"];

interface DemoRun {
  readonly pid: number;
  output(): string;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves with the first match of `pattern` in the output. */
  waitFor(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray>;
  kill(): void;
}

function startDemo(args: readonly string[]): DemoRun {
  // Its own process group, so that a hung demo can be killed with everything it started.
  const child = spawn(process.execPath, ["--import", "tsx", join(repoRoot, "demo", "run.ts"), ...args], {
    cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"], detached: true,
  });
  let output = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => { output += chunk; });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => { output += chunk; });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.once("exit", (code, signal) => done({ code, signal })));
  let running = true;
  void exited.then(() => { running = false; });
  return {
    pid: child.pid as number,
    output: () => output,
    exited,
    async waitFor(pattern, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const match = output.match(pattern);
        if (match) return match;
        if (!running) throw new Error(`the demo exited before printing ${pattern}:\n${output}`);
        if (Date.now() > deadline) throw new Error(`no ${pattern} after ${timeoutMs} ms:\n${output}`);
        await sleep(200);
      }
    },
    kill() {
      try {
        process.kill(-(child.pid as number), "SIGKILL");
      } catch {
        // gone
      }
    },
  };
}

/** The pids and temp dirs the demo says it started (the `processes:` line). */
function startedByDemo(output: string): { pids: Record<string, number>; dirs: string[] } {
  const line = output.match(/^ {2}processes: +(.*); temp dirs (.*)$/m);
  if (!line) throw new Error(`the demo printed no processes line:\n${output}`);
  const pids = Object.fromEntries([...(line[1] ?? "").matchAll(/([a-z-]+)=(\d+)/g)].map((m) => [m[1] ?? "", Number(m[2])]));
  return { pids, dirs: (line[2] ?? "").trim().split(/\s+/) };
}

/** Live processes whose command line mentions one of `dirs` (etcd, kube-apiserver, prometheus, the operator, watchdogs). */
function processesUsing(dirs: readonly string[]): string[] {
  const found: string[] = [];
  for (const entry of readdirSync("/proc").filter((e) => /^\d+$/.test(e))) {
    let cmdline: string;
    try {
      cmdline = readFileSync(`/proc/${entry}/cmdline`, "utf8").replaceAll("\0", " ");
    } catch {
      continue;
    }
    if (dirs.some((dir) => cmdline.includes(dir)) && processExists(Number(entry))) found.push(`${entry}: ${cmdline.slice(0, 200)}`);
  }
  return found;
}

async function expectNothingLeft(output: string): Promise<void> {
  const { pids, dirs } = startedByDemo(output);
  expect(Object.keys(pids).sort()).toEqual(["etcd", "kube-apiserver", "operator", "prometheus"]);
  // The watchdogs exit within a second of their parent; give stragglers a moment.
  for (let i = 0; i < 25 && (processesUsing(dirs).length > 0 || Object.values(pids).some(processExists)); i++) await sleep(200);
  expect(Object.entries(pids).filter(([, pid]) => processExists(pid)), "processes the demo started are still running").toEqual([]);
  expect(processesUsing(dirs), "processes using the demo's temp dirs are still running").toEqual([]);
  expect(dirs.filter((dir) => existsSync(dir)), "temp dirs left behind").toEqual([]);
}

/** Rows of the last `kubectl get sla -A` block, cut at the header's column starts. */
function lastTable(output: string): Record<string, string>[] {
  const headers = [...output.matchAll(/^NAMESPACE +NAME +SERVICE +STATE +COMPLIANCE +BUDGET +CREDIT +AGE$/gm)];
  const header = headers.at(-1);
  if (!header || header.index === undefined) throw new Error(`no kubectl get sla -A output:\n${output}`);
  const [headerLine = "", ...rest] = output.slice(header.index).split("\n");
  const end = rest.findIndex((line) => line.trim() === "");
  const rows = end === -1 ? rest : rest.slice(0, end);
  const columns = [...headerLine.matchAll(/\S+/g)].map((m) => ({ name: m[0], start: m.index }));
  return rows.map((row) => Object.fromEntries(columns.map((c, i) => [c.name, row.slice(c.start, columns[i + 1]?.start ?? row.length).trim()])));
}

describe("npm run demo", () => {
  it("shows both SLAs with a state and a compliance, reacts to POST /error-rate, and leaves nothing running after --duration", async () => {
    const demo = startDemo(["--duration", "90s"]);
    try {
      const [, serviceUrl] = await demo.waitFor(/curl -X POST '(http:\/\/127\.0\.0\.1:\d+)\/error-rate/, 180_000);
      const response = await fetch(`${serviceUrl}/error-rate?value=0.002`, { method: "POST" });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ errorRate: 0.002 });
      await demo.waitFor(/changed: service: .*error rate 0\.2%/, 10_000);
      // The healthy service (0.2% errors against a 0.5% budget) fires no alert on the demo's Prometheus.
      const [, prometheusUrl] = await demo.waitFor(/^demo: prometheus on (http:\/\/127\.0\.0\.1:\d+)/m, 1_000);
      const fired = new Set<string>();
      for (let i = 0; i < 20; i++) {
        const body = await (await fetch(`${prometheusUrl}/api/v1/query?query=${encodeURIComponent('ALERTS{alertstate="firing"}')}`)).json() as { data: { result: { metric: Record<string, string> }[] } };
        for (const r of body.data.result) fired.add(`${r.metric["alertname"]}{sla="${r.metric["sla"]}", severity="${r.metric["severity"]}"}`);
        await sleep(1_000);
      }
      expect([...fired], "alerts firing for the healthy demo service").toEqual([]);
      // ...while the page tier's windows are there to alert on, for both SLAs.
      const windows = await (await fetch(`${prometheusUrl}/api/v1/query?query=${encodeURIComponent("count by (sla) (sla:sli_error:ratio_rate15m)")}`)).json() as { data: { result: { metric: Record<string, string> }[] } };
      expect(windows.data.result.map((r) => r.metric["sla"]).sort()).toEqual(["demo-availability", "demo-latency"]);
      expect(await demo.exited, demo.output()).toEqual({ code: 0, signal: null });
    } finally {
      demo.kill();
    }
    const output = demo.output();
    const missing = output.match(/WARNING: this checkout's `slactl run` has no (.*?): /);
    const rows = lastTable(output.slice(output.lastIndexOf(" · final · ")));
    expect(rows.map((r) => `${r["NAMESPACE"]}/${r["NAME"]}`).sort()).toEqual(["demo/demo-availability", "demo/demo-latency"]);
    for (const row of rows) {
      const why = missing
        ? `the operator cannot evaluate: \`slactl run\` has no ${missing[1]} yet`
        : `the operator wrote no figures for ${row["NAME"]} within 90 s; see the output above`;
      expect(states, `STATE of ${row["NAME"]} (${why})\n${output}`).toContain(row["STATE"]);
      expect(row["COMPLIANCE"], `COMPLIANCE of ${row["NAME"]} (${why})\n${output}`).toMatch(/^\d+(\.\d+)?$/);
    }
    // The rules' own figures, read from Prometheus beside the table.
    const final = output.slice(output.lastIndexOf(" · final · "));
    // Its 5m rate is left out ("-") while it touches the hourly maintenance window at :50.
    expect(final).toMatch(/^ {2}demo\/demo-availability availability +bad: last 5m +(\d+\.\d\d%|-), last hour +\d+\.\d\d% +budget left +-?\d+\.\d%$/m);
    expect(final).toMatch(/^ {2}demo\/demo-latency latency +bad: last 5m +\d+\.\d\d%, last hour +\d+\.\d\d% +budget left +-?\d+\.\d%$/m);
    // The operator and Prometheus were stopped by SIGTERM and exited by themselves.
    expect(output).toMatch(/^demo: stopped operator \(exit code 0, /m);
    expect(output).toMatch(/^demo: stopped prometheus \(exit code 0, /m);
    await expectNothingLeft(output);
  }, 300_000);

  it("stops everything it started on Ctrl-C (SIGINT)", async () => {
    const demo = startDemo([]);
    try {
      await demo.waitFor(/^demo: everything is up/m, 180_000);
      await demo.waitFor(/^NAMESPACE +NAME/m, 30_000);
      process.kill(demo.pid, "SIGINT");
      expect(await demo.exited, demo.output()).toEqual({ code: 0, signal: null });
    } finally {
      demo.kill();
    }
    expect(demo.output()).toMatch(/demo: stopping \(SIGINT received\)/);
    await expectNothingLeft(demo.output());
  }, 300_000);
});
