// The demo's Prometheus (Debian's package, or $PROMETHEUS): scrapes the demo service and evaluates
// the demo copies of the compiled rule files.
//
// Why not test/prometheus/harness.ts: the harness names its scrape job "test" and keeps the
// default honor_labels: false, so the service's own job="demo" label would become
// exported_job="demo" and the SLAs' {job="demo"} selectors would match nothing. Here the job is
// "demo" with honor_labels: true, as the README's examples assume a real scrape config would be.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { parseDocument, stringify } from "yaml";
import { freePort, GroupProcess } from "./processes.js";

export const prometheusBinary = process.env["PROMETHEUS"] ?? "prometheus";

export interface DemoPrometheusOptions {
  /** Folder for the config, data and log (inside the demo's temp dir). */
  readonly dir: string;
  /** host:port of the demo service. */
  readonly target: string;
  /** Rule files to load (paths). */
  readonly ruleFiles: readonly string[];
  readonly scrapeInterval: string;
  readonly evaluationInterval: string;
}

export interface DemoPrometheus {
  readonly url: string;
  readonly process: GroupProcess;
  readonly configFile: string;
}

/** Where startDemoPrometheus keeps the TSDB: backfill blocks there before it starts. */
export const prometheusDataDir = (dir: string): string => join(dir, "data");

/** Starts Prometheus on a free loopback port and waits for /-/ready (three tries on a port clash). */
export async function startDemoPrometheus(options: DemoPrometheusOptions, started: (process: GroupProcess) => void): Promise<DemoPrometheus> {
  mkdirSync(options.dir, { recursive: true });
  const configFile = join(options.dir, "prometheus.yml");
  writeFileSync(configFile, stringify({
    global: { scrape_interval: options.scrapeInterval, evaluation_interval: options.evaluationInterval },
    rule_files: options.ruleFiles,
    scrape_configs: [{ job_name: "demo", honor_labels: true, static_configs: [{ targets: [options.target] }] }],
  }));
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const child = new GroupProcess("prometheus", prometheusBinary, [
      `--config.file=${configFile}`,
      `--storage.tsdb.path=${prometheusDataDir(options.dir)}`,
      `--web.listen-address=127.0.0.1:${port}`,
      "--storage.tsdb.retention.time=1d",
    ], join(options.dir, `prometheus-${attempt}.log`));
    started(child);
    const deadline = Date.now() + 60_000;
    while (child.running && Date.now() < deadline) {
      try {
        const response = await fetch(`${url}/-/ready`, { signal: AbortSignal.timeout(2_000) });
        if (response.ok) return { url, process: child, configFile };
      } catch {
        // not listening yet
      }
      await sleep(200);
    }
    await child.stop();
    const tail = child.logTail();
    if (attempt < 3 && /address already in use/.test(tail)) continue;
    const hint = child.exitInfo?.code === -1 ? ` (install Debian's prometheus package, or set PROMETHEUS)` : "";
    throw new Error(`prometheus did not become ready${hint}:\n${tail}`);
  }
}

/**
 * The demo copy of a compiled rule file: every group's `interval` is removed, so each group runs
 * at the demo Prometheus' global evaluation_interval (5s) instead of 1m, 5m and 1h. DEMO ONLY:
 * with the real intervals the 5-minute tiles, which the operator's figures are computed from,
 * would appear only after up to 5 minutes, and the hourly ones after up to an hour.
 */
export function demoRuleFile(compiledYaml: string, source: string): string {
  const document = parseDocument(compiledYaml);
  const groups = document.toJS() as { groups?: { name: string; interval?: string }[] };
  const removed: string[] = [];
  for (const group of groups.groups ?? []) {
    if (group.interval !== undefined) removed.push(`${group.name}: ${group.interval}`);
    delete group.interval;
  }
  return [
    `# DEMO COPY of ${source}, made by demo/run.ts. Not for production:`,
    "# the groups' own intervals were removed, so every group runs at the demo Prometheus'",
    "# global evaluation_interval and the figures move within seconds instead of minutes.",
    ...removed.map((r) => `#   was ${r}`),
    stringify(groups, { lineWidth: 0 }),
  ].join("\n");
}

