// A real Prometheus for tests: history backfilled from OpenMetrics with promtool into a fresh data
// directory, then `prometheus` (Debian's 2.42, or the release the test picks: see
// test/support/prometheus-releases.ts) on a free 127.0.0.1 port, with optional rule files and
// scrape targets. Its answers are the real thing: PromQL, staleness, lookback, range limits.
//
// No orphans: Prometheus runs in its own process group and is killed by stop(), by
// `process.on("exit")`, by SIGINT/SIGTERM/SIGHUP of this process, and, should this process be
// SIGKILLed, by a small watchdog shell that notices the parent is gone. Its temp dir goes with it.
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { closeSync, existsSync, linkSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { stringify as toYaml } from "yaml";
import { prometheus2, type PrometheusRelease } from "../support/prometheus-releases.js";

export const prometheusPath = prometheus2.prometheus;
export const promtoolPath = prometheus2.promtool;

export interface StartPrometheusOptions {
  /** The release whose prometheus and promtool run (default Debian's 2.42). */
  readonly release?: PrometheusRelease;
  /**
   * History to backfill: OpenMetrics text (anything containing a newline) or a file path, or a
   * list of them (backfilled two at a time). Timestamps are seconds; the text must end with `# EOF`.
   */
  readonly blocksFrom?: string | readonly string[];
  /**
   * Folders of ready TSDB blocks (e.g. written with the tsdb package), hard-linked into the data
   * directory so that Prometheus may compact or delete them without touching the originals.
   */
  readonly blockDirs?: readonly string[];
  /** Rule files: YAML contents (anything containing a newline) or paths. */
  readonly rules?: readonly string[];
  /** Alertmanagers to send alerts to, as `host:port`. */
  readonly alertmanagers?: readonly string[];
  /** Targets to scrape: `host:port` or URLs (`http://127.0.0.1:8080/metrics`). */
  readonly scrapeTargets?: readonly string[];
  /** Global scrape and rule evaluation intervals. Default 1s each, so tests do not wait. */
  readonly scrapeInterval?: string;
  readonly evaluationInterval?: string;
  /** Labels that name this Prometheus to others (global.external_labels), e.g. {cluster: "eu"}. */
  readonly externalLabels?: Readonly<Record<string, string>>;
  /** Extra prometheus flags, e.g. ["--query.lookback-delta=1m"]. */
  readonly extraArgs?: readonly string[];
  /**
   * promtool's (hidden) --max-block-duration. Default 486h: promtool 2.42 re-reads the whole input
   * for every block, so the default 2h blocks cost minutes for weeks of history (see README).
   */
  readonly maxBlockDuration?: string;
  /** How long Prometheus gets to answer /-/ready. Default 60 s. */
  readonly startTimeoutMs?: number;
  /** Parent of the temp dir (default os.tmpdir()). */
  readonly baseDir?: string;
  /** Keep the temp dir after stop() (for looking at logs). */
  readonly keepDir?: boolean;
  /** Progress lines (default none). */
  readonly log?: (line: string) => void;
}

export interface RunningPrometheus {
  /** http://127.0.0.1:<port> */
  readonly url: string;
  readonly port: number;
  /** The TSDB directory (blocks, wal). */
  readonly dataDir: string;
  /** The temp dir holding dataDir, the config, rule files and logs; removed by stop() unless keepDir. */
  readonly dir: string;
  readonly configFile: string;
  readonly logFile: string;
  readonly pid: number | undefined;
  /** Blocks the backfill produced: ULID, time range (ms) and samples. */
  readonly blocks: readonly BlockMeta[];
  /** The last lines of Prometheus' log. */
  logTail(lines?: number): string;
  /** Replaces the rule files and reloads (POST /-/reload). */
  setRules(rules: readonly string[]): Promise<void>;
  /** Stops Prometheus and removes the temp dir. Safe to call twice. */
  stop(): Promise<void>;
}

export interface BlockMeta { readonly ulid: string; readonly minTime: number; readonly maxTime: number; readonly samples: number; readonly series: number }

/** Backfills, starts Prometheus and waits until it is ready. */
export async function startPrometheus(options: StartPrometheusOptions = {}): Promise<RunningPrometheus> {
  const dir = mkdtempSync(join(options.baseDir ?? tmpdir(), "slo-prometheus-"));
  const instance = new Instance(dir, options);
  live.add(instance);
  installHooks();
  try {
    await instance.start();
    return instance;
  } catch (error) {
    await instance.stop();
    throw error;
  }
}

/**
 * Turns OpenMetrics into TSDB blocks in `dataDir` with promtool. Each input goes to its own
 * output dir first (promtool lists its output dir while writing), then its blocks move in.
 */
export async function backfill(inputs: readonly string[], dataDir: string, workDir: string, maxBlockDuration = "486h", log?: (line: string) => void, promtool = promtoolPath): Promise<BlockMeta[]> {
  mkdirSync(dataDir, { recursive: true });
  const files = inputs.map((input, i) => {
    if (!isInline(input)) {
      if (!existsSync(input)) throw new Error(`blocksFrom: no such file ${input}`);
      return input;
    }
    const file = join(workDir, `history-${i}.om`);
    writeFileSync(file, input.endsWith("\n") ? input : `${input}\n`);
    return file;
  });
  let next = 0;
  const blocks: BlockMeta[] = [];
  const worker = async () => {
    while (next < files.length) {
      const i = next++;
      const file = files[i] as string;
      const out = join(workDir, `blocks-${i}`);
      const began = Date.now();
      await runTool(promtool, ["tsdb", "create-blocks-from", "openmetrics", "--quiet", `--max-block-duration=${maxBlockDuration}`, file, out], join(workDir, `promtool-${i}.log`));
      for (const block of blocksIn(out)) {
        // promtool reads a millisecond timestamp as seconds without complaint, and the block lands
        // ~55,000 years out; Prometheus then deletes all other data as beyond retention.
        if (block.maxTime > Date.now() + 100 * 365 * 86_400_000) {
          throw new Error(`${isInline(inputs[i] as string) ? "blocksFrom text" : file}: samples at ${block.maxTime} ms, centuries ahead: OpenMetrics timestamps are seconds, not milliseconds`);
        }
        renameSync(join(out, block.ulid), join(dataDir, block.ulid));
        blocks.push(block);
      }
      rmSync(out, { recursive: true, force: true });
      log?.(`backfilled ${file} in ${((Date.now() - began) / 1000).toFixed(1)} s`);
    }
  };
  await Promise.all([worker(), worker()]);
  return blocks.sort((a, b) => a.minTime - b.minTime);
}

/** The meta.json of every block directly under `dir`. */
export function blocksIn(dir: string): BlockMeta[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((entry) => /^[0-9A-HJKMNP-TV-Z]{26}$/.test(entry) && existsSync(join(dir, entry, "meta.json")))
    .map((ulid) => {
      const meta = JSON.parse(readFileSync(join(dir, ulid, "meta.json"), "utf8")) as { minTime: number; maxTime: number; stats?: { numSamples?: number; numSeries?: number } };
      return { ulid, minTime: meta.minTime, maxTime: meta.maxTime, samples: meta.stats?.numSamples ?? 0, series: meta.stats?.numSeries ?? 0 };
    });
}

// ---------------------------------------------------------------------------------------------

const isInline = (input: string) => input.includes("\n");

// POSIX sh (dash on Debian): its kill takes "-PGID" for a group, but not "--".
const WATCHDOG = `
parent="$1"; group="$2"; dir="$3"
while kill -0 "$parent" 2>/dev/null; do sleep 1; done
kill -TERM "-$group" 2>/dev/null; sleep 3; kill -KILL "-$group" 2>/dev/null
[ -n "$dir" ] && rm -rf "$dir"
`;

class Instance implements RunningPrometheus {
  url = "";
  port = 0;
  readonly dataDir: string;
  readonly configFile: string;
  readonly logFile: string;
  blocks: readonly BlockMeta[] = [];
  private child: ChildProcess | undefined;
  private exited: Promise<void> = Promise.resolve();
  private watchdog: ChildProcess | undefined;
  private stopping: Promise<void> | undefined;
  private ruleFiles: string[] = [];

  constructor(readonly dir: string, private readonly options: StartPrometheusOptions) {
    this.dataDir = join(dir, "data");
    this.configFile = join(dir, "prometheus.yml");
    this.logFile = join(dir, "prometheus.log");
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  private get release(): PrometheusRelease {
    return this.options.release ?? prometheus2;
  }

  async start(): Promise<void> {
    const o = this.options;
    await this.release.ready();
    mkdirSync(this.dataDir, { recursive: true });
    const inputs = o.blocksFrom === undefined ? [] : typeof o.blocksFrom === "string" ? [o.blocksFrom] : o.blocksFrom;
    if (inputs.length > 0) this.blocks = await backfill(inputs, this.dataDir, this.dir, o.maxBlockDuration, o.log, this.release.promtool);
    for (const from of o.blockDirs ?? []) {
      for (const block of blocksIn(from)) {
        linkTree(join(from, block.ulid), join(this.dataDir, block.ulid));
        this.blocks = [...this.blocks, block];
      }
    }
    this.writeRuleFiles(o.rules ?? []);
    this.writeConfig();
    // A free port can be taken between probing and binding; try a few.
    for (let attempt = 1; ; attempt++) {
      this.port = await freePort();
      this.url = `http://127.0.0.1:${this.port}`;
      try {
        await this.launch();
        return;
      } catch (error) {
        if (attempt >= 3 || !/address already in use/.test(this.logTail(50))) throw error;
      }
    }
  }

  async setRules(rules: readonly string[]): Promise<void> {
    this.writeRuleFiles(rules);
    this.writeConfig();
    const response = await fetch(`${this.url}/-/reload`, { method: "POST" });
    if (!response.ok) throw new Error(`reload failed: ${response.status} ${await response.text()}\n${this.logTail()}`);
  }

  logTail(lines = 30): string {
    try {
      return readFileSync(this.logFile, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
    } catch {
      return "(no log)";
    }
  }

  stop(): Promise<void> {
    this.stopping ??= (async () => {
      const child = this.child;
      if (child?.pid !== undefined && child.exitCode === null && child.signalCode === null) {
        signalGroup(child.pid, "SIGTERM");
        const killed = await Promise.race([this.exited.then(() => false), sleep(10_000).then(() => true)]);
        if (killed) signalGroup(child.pid, "SIGKILL");
        await this.exited;
      }
      if (this.watchdog?.pid !== undefined) signalPid(this.watchdog.pid, "SIGKILL");
      live.delete(this);
      if (this.options.keepDir !== true) rmSync(this.dir, { recursive: true, force: true });
    })();
    return this.stopping;
  }

  /** For process exit: no awaiting possible. */
  killSync(): void {
    if (this.child?.pid !== undefined) signalGroup(this.child.pid, "SIGKILL");
    if (this.watchdog?.pid !== undefined) signalPid(this.watchdog.pid, "SIGKILL");
    if (this.options.keepDir !== true) rmSync(this.dir, { recursive: true, force: true });
  }

  private async launch(): Promise<void> {
    const args = [
      `--config.file=${this.configFile}`,
      `--storage.tsdb.path=${this.dataDir}`,
      `--web.listen-address=127.0.0.1:${this.port}`,
      // Retention counts back from the newest block, and history may be years old: keep it all.
      "--storage.tsdb.retention.time=10y",
      "--web.enable-lifecycle",
      ...(this.options.extraArgs ?? []),
    ];
    const fd = openSync(this.logFile, "a");
    let child: ChildProcess;
    try {
      child = spawn(this.release.prometheus, args, { detached: true, stdio: ["ignore", fd, fd] });
    } finally {
      closeSync(fd);
    }
    this.child = child;
    const spawnError = new Promise<Error>((resolve) => child.once("error", resolve));
    this.exited = new Promise<void>((resolve) => {
      child.once("exit", () => resolve());
      child.once("error", () => resolve());
    });
    const failure = await Promise.race([spawnError, sleep(50).then(() => undefined)]);
    if (failure) throw new Error(`cannot start ${this.release.prometheus}: ${failure.message} (install Debian's prometheus package, set PROMETHEUS, or run scripts/build-prometheus3.sh)`);
    if (child.pid !== undefined) {
      const watchdog = spawn("sh", ["-c", WATCHDOG, "watchdog", String(process.pid), String(child.pid), this.options.keepDir === true ? "" : this.dir], { detached: true, stdio: "ignore" });
      watchdog.unref();
      this.watchdog = watchdog;
    }
    const deadline = Date.now() + (this.options.startTimeoutMs ?? 60_000);
    while (Date.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`prometheus exited during startup (${child.signalCode ?? `exit ${child.exitCode}`}):\n${this.logTail()}`);
      }
      try {
        const response = await fetch(`${this.url}/-/ready`, { signal: AbortSignal.timeout(2000) });
        if (response.ok) {
          this.options.log?.(`prometheus ready at ${this.url} (pid ${child.pid})`);
          return;
        }
      } catch {
        // not listening yet
      }
      await sleep(100);
    }
    signalGroup(child.pid as number, "SIGKILL");
    throw new Error(`prometheus not ready after ${this.options.startTimeoutMs ?? 60_000} ms:\n${this.logTail()}`);
  }

  private writeRuleFiles(rules: readonly string[]): void {
    this.ruleFiles = rules.map((rule, i) => {
      if (!isInline(rule)) {
        if (!existsSync(rule)) throw new Error(`rules: no such file ${rule}`);
        return rule;
      }
      const file = join(this.dir, `rules-${i}.yaml`);
      writeFileSync(file, rule);
      return file;
    });
  }

  private writeConfig(): void {
    const o = this.options;
    const groups = new Map<string, { scheme: string; metricsPath: string; targets: string[] }>();
    for (const target of o.scrapeTargets ?? []) {
      const url = /^[a-z]+:\/\//.test(target) ? new URL(target) : undefined;
      const scheme = url ? url.protocol.replace(/:$/, "") : "http";
      const metricsPath = url ? url.pathname : "/metrics";
      const k = `${scheme} ${metricsPath}`;
      const group = groups.get(k) ?? { scheme, metricsPath, targets: [] };
      group.targets.push(url ? url.host : target);
      groups.set(k, group);
    }
    const config = {
      global: {
        scrape_interval: o.scrapeInterval ?? "1s",
        evaluation_interval: o.evaluationInterval ?? "1s",
        ...(o.externalLabels ? { external_labels: o.externalLabels } : {}),
      },
      rule_files: this.ruleFiles,
      ...(o.alertmanagers?.length ? { alerting: { alertmanagers: [{ static_configs: [{ targets: [...o.alertmanagers] }] }] } } : {}),
      scrape_configs: [...groups.values()].map((g, i) => ({
        job_name: i === 0 ? "test" : `test-${i}`,
        scheme: g.scheme,
        metrics_path: g.metricsPath,
        static_configs: [{ targets: g.targets }],
      })),
    };
    writeFileSync(this.configFile, toYaml(config));
  }
}

/** Recreates a folder tree with hard links to its files. */
function linkTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (entry.isDirectory()) linkTree(join(from, entry.name), join(to, entry.name));
    else linkSync(join(from, entry.name), join(to, entry.name));
  }
}

async function runTool(command: string, args: readonly string[], logFile: string): Promise<void> {
  const fd = openSync(logFile, "a");
  let child: ChildProcess;
  try {
    child = spawn(command, args, { stdio: ["ignore", fd, fd] });
  } finally {
    closeSync(fd);
  }
  const [code, signal] = await Promise.race([
    once(child, "exit") as Promise<[number | null, string | null]>,
    once(child, "error").then(([e]) => {
      throw new Error(`cannot run ${command}: ${(e as Error).message}`);
    }),
  ]);
  if (code !== 0) {
    const output = readFileSync(logFile, "utf8").trim().split("\n").slice(-20).join("\n");
    throw new Error(`${command} ${args.join(" ")} failed (${signal ?? `exit ${code}`}):\n${output}`);
  }
}

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

function signalPid(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}

const live = new Set<Instance>();
let hooked = false;

function installHooks(): void {
  if (hooked) return;
  hooked = true;
  process.on("exit", () => {
    for (const instance of live) instance.killSync();
  });
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    const handler = (): void => {
      for (const instance of live) instance.killSync();
      live.clear();
      process.removeListener(signal, handler);
      // Keep the default behaviour (die by the signal) unless someone else handles it.
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    };
    process.on(signal, handler);
  }
}
