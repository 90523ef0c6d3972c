// The operator of a checkout, started the way it runs in a pod (`slactl run`), with its metrics and
// health endpoints on free loopback ports, its log in a file, and its resident memory and CPU time
// sampled from /proc while it runs.
import { readFileSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { httpGet, sumMetric } from "../../test/operator/operator-process.js";
import type { GroupProcess } from "../../test/support/process-group.js";
import type { Checkout } from "./checkouts.js";
import { startProcess } from "./lifecycle.js";
import { slactlCommand } from "./slactl.js";

/** A TCP port on loopback that nothing listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer().listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface ProcessUsage {
  /** Peak resident set (VmHWM), bytes. */
  readonly peakRssBytes: number;
  /** User + system CPU time, seconds. */
  readonly cpuSeconds: number;
}

const clockTicks = 100;

/** Peak RSS and CPU time of a live process from /proc; undefined once it is gone. */
export function usageOf(pid: number): ProcessUsage | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const cpu = (Number(fields[11]) + Number(fields[12])) / clockTicks;
    return { peakRssBytes: Number(hwm?.[1] ?? 0) * 1024, cpuSeconds: cpu };
  } catch {
    return undefined;
  }
}

export class RunningOperator {
  private lastUsage: ProcessUsage = { peakRssBytes: 0, cpuSeconds: 0 };
  private readonly sampler: NodeJS.Timeout;

  constructor(readonly process: GroupProcess, readonly metricsUrl: string, readonly healthUrl: string) {
    // Sampled, as the numbers vanish with the process (a crash included).
    this.sampler = setInterval(() => this.sample(), 500);
    void process.exited.then(() => clearInterval(this.sampler));
  }

  private sample(): ProcessUsage {
    const pid = this.process.pid;
    const now = pid === undefined ? undefined : usageOf(pid);
    if (now) this.lastUsage = now;
    return this.lastUsage;
  }

  /** Peak RSS and CPU time so far (the last sample if the process has exited). */
  usage(): ProcessUsage {
    return this.process.running ? this.sample() : this.lastUsage;
  }

  get running(): boolean {
    return this.process.running;
  }

  /** A metric from /metrics, summed over the series matching `labels`; 0 when absent. */
  async metric(name: string, labels: Readonly<Record<string, string>> = {}): Promise<number> {
    const { body } = await httpGet(this.metricsUrl);
    return sumMetric(body, name, labels);
  }

  /** The whole /metrics text. */
  async metrics(): Promise<string> {
    return (await httpGet(this.metricsUrl)).body;
  }

  async stop(): Promise<void> {
    this.sample();
    clearInterval(this.sampler);
    await this.process.stop(15_000);
  }
}

export interface StartOperatorOptions {
  readonly kubeconfig: string;
  readonly logFile: string;
  /** More `slactl run` flags, e.g. ["--prometheus-url", url]. */
  readonly args?: readonly string[];
  /** Environment additions, e.g. NODE_OPTIONS for a heap limit. */
  readonly env?: Readonly<Record<string, string>>;
  /** How long it gets to answer /healthz. Default 120 s. */
  readonly startTimeoutMs?: number;
}

/** Starts `slactl run` of a checkout and waits until its health endpoint answers. */
export async function startOperator(checkout: Checkout, options: StartOperatorOptions): Promise<RunningOperator> {
  const [metricsPort, healthPort] = [await freePort(), await freePort()];
  const { command, args } = slactlCommand(checkout);
  const child = startProcess(`operator (${checkout.label})`, command, [
    ...args, "run", "--kubeconfig", options.kubeconfig,
    "--metrics-addr", `127.0.0.1:${metricsPort}`, "--health-addr", `127.0.0.1:${healthPort}`, ...(options.args ?? []),
  ], options.logFile, { cwd: checkout.dir, env: { ...process.env, KUBECONFIG: "", ...(options.env ?? {}) } });
  const operator = new RunningOperator(child, `http://127.0.0.1:${metricsPort}/metrics`, `http://127.0.0.1:${healthPort}/healthz`);
  const deadline = Date.now() + (options.startTimeoutMs ?? 120_000);
  for (;;) {
    if (!child.running) throw new Error(`${child.name} exited (${JSON.stringify(child.exitInfo)}) while starting:\n${child.logTail(30)}`);
    try {
      if ((await httpGet(operator.healthUrl)).status === 200) return operator;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${child.name} did not answer ${operator.healthUrl} in time:\n${child.logTail(30)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
