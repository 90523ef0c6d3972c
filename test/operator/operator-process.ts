// Runs the operator as a child process for integration tests, the way it runs in a pod:
// `node --import tsx operator/src/cli/main.ts run ...`. Each child gets its own process group and is
// killed on stop(), when the test process exits, and by killAllOperators() in afterAll hooks.
// Its JSON log lines are kept for assertions and printed when a test fails.
import { spawn, type ChildProcess } from "node:child_process";
import { request } from "node:http";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { repoRoot } from "../support/burn-rate-tables.js";

export interface LogLine {
  readonly level: number;
  readonly msg: string;
  readonly [field: string]: unknown;
}

const live = new Set<OperatorProcess>();
let exitHook = false;

export class OperatorProcess {
  readonly logs: LogLine[] = [];
  readonly stderr: string[] = [];
  readonly exited: Promise<number | null>;
  exitCode: number | null | undefined;
  private readonly child: ChildProcess;
  private metricsAddress: string | undefined;
  private healthAddress: string | undefined;

  constructor(readonly name: string, args: readonly string[]) {
    if (!exitHook) {
      exitHook = true;
      process.on("exit", () => killAllOperatorsSync());
    }
    this.child = spawn(process.execPath, ["--import", "tsx", join(repoRoot, "operator/src/cli/main.ts"), "run", ...args], {
      cwd: repoRoot,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, KUBECONFIG: "" },
    });
    live.add(this);
    let buffer = "";
    this.child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
      buffer += chunk;
      let newline = buffer.indexOf("\n");
      while (newline >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        try {
          const parsed = JSON.parse(line) as LogLine;
          this.logs.push(parsed);
          if (parsed.msg === "operator starting") {
            this.metricsAddress = parsed["metrics"] as string | undefined;
            this.healthAddress = parsed["health"] as string | undefined;
          }
        } catch {
          this.logs.push({ level: 0, msg: line });
        }
        newline = buffer.indexOf("\n");
      }
    });
    this.child.stderr?.setEncoding("utf8").on("data", (chunk: string) => this.stderr.push(chunk));
    this.exited = new Promise((resolve) => {
      this.child.once("exit", (code) => {
        this.exitCode = code;
        live.delete(this);
        resolve(code);
      });
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get running(): boolean {
    return this.exitCode === undefined;
  }

  /** Waits until the operator logged its listen addresses. */
  async started(timeoutMs = 30_000): Promise<void> {
    await waitFor(`${this.name} to start`, () => this.metricsAddress !== undefined || this.healthAddress !== undefined, timeoutMs, () => this.describe());
  }

  async get(path: "/metrics" | "/healthz" | "/readyz"): Promise<{ status: number; body: string }> {
    const address = path === "/metrics" ? this.metricsAddress : this.healthAddress;
    if (!address) throw new Error(`${this.name} has no address for ${path} yet`);
    return httpGet(`http://${address}${path}`);
  }

  /** Value of a metric series, summed over the series matching the label filter; 0 when absent. */
  async metric(name: string, labels: Readonly<Record<string, string>> = {}): Promise<number> {
    const { body } = await this.get("/metrics");
    return sumMetric(body, name, labels);
  }

  /** Was any log line matching the predicate written? */
  logged(predicate: (line: LogLine) => boolean): boolean {
    return this.logs.some(predicate);
  }

  /** SIGTERM (clean shutdown) and wait for the exit code. */
  async stop(signal: NodeJS.Signals = "SIGTERM", timeoutMs = 20_000): Promise<number | null> {
    if (!this.running) return this.exitCode ?? null;
    this.signal(signal);
    const timedOut = await Promise.race([this.exited.then(() => false), sleep(timeoutMs).then(() => true)]);
    if (timedOut) {
      this.signal("SIGKILL");
      await this.exited;
      throw new Error(`${this.name} did not stop within ${timeoutMs} ms after ${signal}\n${this.describe()}`);
    }
    return this.exitCode ?? null;
  }

  signal(signal: NodeJS.Signals): void {
    const pid = this.child.pid;
    if (pid === undefined) return;
    try {
      process.kill(-pid, signal);
    } catch {
      // already gone
    }
  }

  /** The last log lines and stderr, for failure messages. */
  describe(lines = 40): string {
    const tail = this.logs.slice(-lines).map((l) => JSON.stringify(l)).join("\n");
    return `--- ${this.name} (exit ${String(this.exitCode)}) log tail:\n${tail}\n--- stderr:\n${this.stderr.join("").slice(-4000)}`;
  }
}

export function killAllOperatorsSync(): void {
  for (const p of [...live]) p.signal("SIGKILL");
}

/** Stops every operator still running (afterAll). */
export async function stopAllOperators(): Promise<void> {
  await Promise.all([...live].map((p) => p.stop("SIGTERM", 15_000).catch(() => undefined)));
}

export function httpGet(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { timeout: 5_000, agent: false }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => { body += c; });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", reject);
    req.end();
  });
}

export function sumMetric(exposition: string, name: string, labels: Readonly<Record<string, string>> = {}): number {
  let total = 0;
  for (const line of exposition.split("\n")) {
    if (line.startsWith("#")) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{([^}]*)\})? (\S+)/.exec(line);
    if (!match || match[1] !== name) continue;
    const seriesLabels = Object.fromEntries([...(match[3] ?? "").matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([k, v]) => seriesLabels[k] === v)) total += Number(match[4]);
  }
  return total;
}

/** Polls until check() is true (it may be async), failing with `describe()` after the timeout. */
export async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 30_000, describe?: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      if (await check()) return;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? ` (last error: ${String(lastError)})` : ""}${describe ? `\n${describe()}` : ""}`);
    }
    await sleep(200);
  }
}
