// Child processes of the benchmark (Prometheus, promtool) and cleanup that also runs on errors
// and Ctrl-C: every process started here is stopped by its pid, every temporary directory removed.
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createWriteStream, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { onCleanup, stopping } from "../support/lifecycle.js";

export { cleanup, elapsedSeconds, installSignalHandlers, onCleanup, progress } from "../support/lifecycle.js";

const children = new Set<ChildProcess>();
let stopsRegistered = false;

/** Removes a directory on cleanup. */
export function removeOnCleanup(dir: string): void {
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));
}

/** Starts a tracked child; refused once cleanup has begun, so nothing outlives the run. */
function spawnTracked(command: string, args: readonly string[]): ChildProcess {
  if (stopping()) throw new Error(`not starting ${command}: stopping`);
  // Registered with the first child, after the run's temp dir: cleanup stops children first.
  if (!stopsRegistered) {
    stopsRegistered = true;
    onCleanup(async () => {
      for (const child of children) await stopChild(child, 5000);
    });
  }
  const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
  children.add(child);
  child.once("exit", () => children.delete(child));
  return child;
}

// Last resort if the process exits without cleanup (e.g. process.exit elsewhere).
process.once("exit", () => {
  for (const child of children) child.kill("SIGKILL");
});

async function stopChild(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = once(child, "exit");
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
  await exited;
  clearTimeout(timer);
}

/** Runs a command to completion; output goes to `logFile`, and its tail into the error if it fails. */
export async function run(command: string, args: readonly string[], logFile: string): Promise<void> {
  const log = createWriteStream(logFile, { flags: "a" });
  log.write(`$ ${command} ${args.join(" ")}\n`);
  const child = spawnTracked(command, args);
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  const [code, signal] = (await once(child, "close")) as [number | null, string | null];
  await new Promise<void>((resolve) => log.end(resolve));
  if (code !== 0) {
    throw new Error(`${command} ${args.join(" ")} failed (${signal ?? `exit ${code}`}):\n${tail(logFile, 25)}`);
  }
}

export function tail(file: string, lines: number): string {
  try {
    return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

/** A TCP port on loopback that nothing listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  server.close();
  await once(server, "close");
  if (address === null || typeof address === "string") throw new Error("could not find a free port");
  return address.port;
}

export interface QueryStats {
  readonly samples: number;
  readonly evalSeconds: number;
  readonly wallSeconds: number;
  readonly resultSeries: number;
  /** Thanos Query only: the StoreAPI Series calls it made for the query, and the messages they returned. */
  readonly store?: { readonly calls: number; readonly messages: number };
  /** Warnings of the answer (Thanos Query: a store that did not answer). */
  readonly warnings: readonly string[];
}

/** A Prometheus server on loopback over one data directory, with no scrapes and no rules of its own. */
export class Prometheus {
  private child: ChildProcess | undefined;
  readonly url: string;

  constructor(
    private readonly binary: string,
    private readonly dataDir: string,
    private readonly configFile: string,
    readonly port: number,
    private readonly logFile: string,
  ) {
    this.url = `http://127.0.0.1:${port}`;
  }

  async start(): Promise<void> {
    const log = createWriteStream(this.logFile, { flags: "a" });
    const child = spawnTracked(this.binary, [
      `--storage.tsdb.path=${this.dataDir}`,
      `--web.listen-address=127.0.0.1:${this.port}`,
      `--config.file=${this.configFile}`,
      "--storage.tsdb.retention.time=400d",
    ]);
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    this.child = child;
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`prometheus exited during startup:\n${tail(this.logFile, 25)}`);
      }
      try {
        const response = await fetch(`${this.url}/-/ready`);
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      await sleep(200);
    }
    throw new Error(`prometheus not ready after 120s:\n${tail(this.logFile, 25)}`);
  }

  async stop(): Promise<void> {
    if (this.child) await stopChild(this.child, 30_000);
    this.child = undefined;
  }

  /** Restarts the server, which loads every block in the data directory. */
  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  /** An instant query with stats=all: samples read and evaluation time. */
  query(expr: string, timeSeconds: number): Promise<QueryStats> {
    return instantQuery(this.url, expr, timeSeconds);
  }

  /** The server's own metrics, name (with labels) to value. */
  metrics(): Promise<Map<string, number>> {
    return scrapeMetrics(this.url);
  }
}

/** Anything that answers instant queries with stats: a Prometheus, or Thanos Query. */
export interface Queryable {
  query(expr: string, timeSeconds: number): Promise<QueryStats>;
}

/** A server's own metrics (`/metrics`), name with labels to value. */
export async function scrapeMetrics(url: string): Promise<Map<string, number>> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const values = new Map<string, number>();
  for (const line of text.split("\n")) {
    if (line.startsWith("#") || line.trim() === "") continue;
    const space = line.lastIndexOf(" ");
    values.set(line.slice(0, space), Number(line.slice(space + 1)));
  }
  return values;
}

/** An instant query with stats=all against the Prometheus HTTP API at `url`. */
export async function instantQuery(url: string, expr: string, timeSeconds: number): Promise<QueryStats> {
  const params = new URLSearchParams({ query: expr, time: String(timeSeconds), stats: "all" });
  const began = process.hrtime.bigint();
  const response = await fetch(`${url}/api/v1/query?${params.toString()}`);
  const body = (await response.json()) as QueryResponse;
  const wallSeconds = Number(process.hrtime.bigint() - began) / 1e9;
  if (body.status !== "success" || !body.data) {
    throw new Error(`query failed (${response.status} ${body.errorType ?? ""}: ${body.error ?? ""}): ${expr}`);
  }
  const stats = body.data.stats;
  if (stats?.samples?.totalQueryableSamples === undefined || stats.timings?.evalTotalTime === undefined) {
    throw new Error(`this server does not return data.stats.samples.totalQueryableSamples with stats=all: ${JSON.stringify(body.data.stats)}`);
  }
  const result = body.data.result;
  return {
    samples: stats.samples.totalQueryableSamples,
    evalSeconds: stats.timings.evalTotalTime,
    wallSeconds,
    resultSeries: Array.isArray(result) ? result.length : 1,
    warnings: body.warnings ?? [],
  };
}

interface QueryResponse {
  status: string;
  warnings?: string[];
  error?: string;
  errorType?: string;
  data?: {
    result: unknown;
    stats?: { timings?: { evalTotalTime?: number }; samples?: { totalQueryableSamples?: number } };
  };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
