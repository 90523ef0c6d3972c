// A scratch Prometheus for what-if runs (slactl backtest): a local `prometheus` process on a free
// loopback port with an empty TSDB in a temp dir, which reads the raw series of another
// Prometheus through remote read. promtool writes what our rules would have recorded into its
// TSDB; it then answers queries over both, so the recorded series need never reach the user's
// Prometheus. It runs in its own process group and is killed when this process exits.
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

/** Thrown when the scratch Prometheus cannot start. */
export class ScratchPrometheusError extends Error {
  override readonly name = "ScratchPrometheusError";
}

export interface ScratchOptions {
  /** The Prometheus whose raw series are read (remote read at <url>/api/v1/read). */
  readonly remoteUrl: string;
  /** The prometheus binary (default $PROMETHEUS, else prometheus on the PATH). */
  readonly binary?: string;
}

export class ScratchPrometheus {
  private child: ChildProcess | undefined;
  private readonly exitHook = () => this.kill();

  private constructor(
    readonly dir: string,
    readonly dataDir: string,
    private readonly configFile: string,
    readonly port: number,
    private readonly binary: string,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Creates the temp dir and config and starts Prometheus. */
  static async start(options: ScratchOptions): Promise<ScratchPrometheus> {
    const dir = await mkdtemp(join(tmpdir(), "slactl-scratch-"));
    const dataDir = join(dir, "data");
    await mkdir(dataDir);
    const configFile = join(dir, "prometheus.yml");
    const remote = new URL("api/v1/read", options.remoteUrl.endsWith("/") ? options.remoteUrl : `${options.remoteUrl}/`);
    // read_recent: the local TSDB holds only what promtool wrote, never the raw series.
    await writeFile(configFile, `global:\n  evaluation_interval: 1m\nremote_read:\n  - url: ${JSON.stringify(remote.href)}\n    read_recent: true\n`);
    const scratch = new ScratchPrometheus(dir, dataDir, configFile, await freePort(), options.binary ?? process.env["PROMETHEUS"] ?? "prometheus");
    try {
      await scratch.launch();
    } catch (error) {
      await scratch.stop();
      throw error;
    }
    return scratch;
  }

  /** Stops and starts again, so Prometheus loads the blocks moved into its data directory now, not at its next reload. */
  async restart(): Promise<void> {
    await this.halt();
    await this.launch();
  }

  /** Stops Prometheus and removes the temp dir. Safe to call twice. */
  async stop(): Promise<void> {
    await this.halt();
    await rm(this.dir, { recursive: true, force: true });
  }

  private async launch(): Promise<void> {
    const args = [
      `--config.file=${this.configFile}`, `--storage.tsdb.path=${this.dataDir}`, `--web.listen-address=127.0.0.1:${this.port}`,
      "--storage.tsdb.retention.time=100y", "--log.level=warn",
    ];
    const child = spawn(this.binary, args, { detached: true, stdio: ["ignore", "ignore", "pipe"] });
    let log = "";
    child.stderr?.on("data", (d: Buffer) => (log = (log + d.toString()).slice(-4000)));
    const failed = once(child, "error").then(([e]) => e as Error);
    this.child = child;
    process.once("exit", this.exitHook);
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      const early = await Promise.race([failed, sleep(250).then(() => undefined)]);
      if (early) throw new ScratchPrometheusError(`cannot run ${this.binary} (set PROMETHEUS to the prometheus binary): ${early.message}`);
      if (child.exitCode !== null) throw new ScratchPrometheusError(`${this.binary} exited ${child.exitCode}: ${log.trim().split("\n").slice(-3).join("\n")}`);
      try {
        const ready = await fetch(`${this.url}/-/ready`);
        if (ready.ok) return;
      } catch {
        // Not listening yet.
      }
    }
    throw new ScratchPrometheusError(`${this.binary} was not ready within 60 s: ${log.trim().split("\n").slice(-3).join("\n")}`);
  }

  private async halt(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, "exit");
    this.kill("SIGTERM");
    const done = await Promise.race([exited.then(() => true), sleep(30_000).then(() => false)]);
    if (!done) {
      this.kill("SIGKILL");
      await exited;
    }
    process.removeListener("exit", this.exitHook);
    this.child = undefined;
  }

  private kill(signal: NodeJS.Signals = "SIGKILL"): void {
    const pid = this.child?.pid;
    if (pid === undefined) return;
    try {
      process.kill(-pid, signal);
    } catch {
      // Already gone.
    }
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, "close");
  return port;
}
