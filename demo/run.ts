// `npm run demo`: the operator's whole job on one machine, without a cluster.
//
//   1. slactl compile demo/slas -> build/demo (rules, PrometheusRules, dashboards)
//   2. the test control plane (etcd + kube-apiserver), with crds/ and the PrometheusRule CRD
//   3. a synthetic service on 127.0.0.1 with a traffic generator (demo/service.ts)
//   4. Prometheus scraping it every 5s and evaluating demo copies of the compiled rules, with an
//      hour of synthetic history of the SLA tiles backfilled (demo/history.ts)
//   5. the two SLAs applied, and the operator (`slactl run`) reconciling and evaluating them
//   6. `kubectl get sla -A` every few seconds, while keys (or HTTP) change the service's errors
//
// Ctrl-C, SIGTERM or --duration stop everything it started, in reverse order, and remove the
// temp dirs; a watchdog does the same if this process is killed outright.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { parseAllDocuments } from "yaml";
import { parseDuration } from "../operator/src/compile/duration.js";
import { slaDashboardFileName } from "../operator/src/compile/sla-dashboard.js";
import { startControlPlane } from "../test/controlplane/controlplane.js";
import type { ControlPlane } from "../test/controlplane/controlplane.js";
import { backfillTileHistory } from "./history.js";
import { demoRuleFile, prometheusDataDir, startDemoPrometheus } from "./prometheus.js";
import { freePort, GroupProcess, Watchdog } from "./processes.js";
import { expectedSlowShare, startDemoService, stepErrorRate } from "./service.js";
import type { DemoService, DemoServiceState } from "./service.js";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const slasDir = join(repoRoot, "demo", "slas");
const compileOut = join(repoRoot, "build", "demo");
const slactlEntry = join(repoRoot, "operator", "src", "cli", "main.ts");
const show = (path: string): string => (path.startsWith(`${repoRoot}/`) ? relative(repoRoot, path) : path);

export const demoHelp = `Usage: npm run demo -- [options]

Starts a Kubernetes control plane, a synthetic service, Prometheus and the operator on this
machine, applies the SLAs in demo/slas, and prints \`kubectl get sla -A\` every few seconds.

Options:
  --duration DURATION             stop by itself this long after everything is up, e.g. 90s
                                  (default: run until Ctrl-C)
  --rps N                         requests per second of the traffic generator (default 50)
  --error-rate R                  share of requests failing with a 500, 0..1 (default 0.001)
  --evaluation-interval DURATION  how often the operator evaluates the SLAs (default 10s)
  --refresh DURATION              how often \`kubectl get sla -A\` is printed (default 5s)
  --no-history                    start Prometheus empty instead of with an hour of the SLA tiles
                                  at the starting error rate (the status then has no figures
                                  until the first whole 5 minutes of live tiles)
  -h, --help                      show this help

Keys (in a terminal): e outage on/off, + / - error rate up/down, l slowdown on/off, q quit.
Without a terminal: POST /error-rate?value=0.05, /outage?on=true, /slow-rate?value=0.1 to the service.
`;

interface DemoFlags {
  readonly durationMs: number | undefined;
  readonly rps: number;
  readonly errorRate: number;
  readonly evaluationInterval: string;
  readonly refreshMs: number;
  readonly history: boolean;
}

class UsageError extends Error {}

export function parseDemoFlags(args: readonly string[]): DemoFlags | "help" {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: {
        duration: { type: "string" },
        rps: { type: "string" },
        "error-rate": { type: "string" },
        "evaluation-interval": { type: "string" },
        refresh: { type: "string" },
        "no-history": { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return "help";
  const duration = (flag: string, text: string | undefined): number | undefined => {
    if (text === undefined) return undefined;
    const seconds = parseDuration(text);
    if (seconds === undefined) throw new UsageError(`--${flag}: expected a duration such as 90s or 2m, found ${JSON.stringify(text)}`);
    return seconds * 1000;
  };
  const rps = Number(values.rps ?? "50");
  if (!Number.isFinite(rps) || rps <= 0 || rps > 100_000) throw new UsageError(`--rps: expected a number of requests per second above 0, found ${JSON.stringify(values.rps)}`);
  const errorRate = Number(values["error-rate"] ?? "0.001");
  if (!Number.isFinite(errorRate) || errorRate < 0 || errorRate > 1) throw new UsageError(`--error-rate: expected a share from 0 to 1, e.g. 0.01, found ${JSON.stringify(values["error-rate"])}`);
  const evaluationInterval = values["evaluation-interval"] ?? "10s";
  duration("evaluation-interval", evaluationInterval);
  return {
    durationMs: duration("duration", values.duration),
    rps,
    errorRate,
    evaluationInterval,
    refreshMs: duration("refresh", values.refresh) ?? 5_000,
    history: values["no-history"] !== true,
  };
}

const percent = (share: number): string => `${Number((share * 100).toPrecision(3))}%`;
const clock = (): string => new Date().toTimeString().slice(0, 8);
const seconds = (ms: number): string => `${Math.round(ms / 1000)}s`;

function describeService(s: DemoServiceState): string {
  return `service: ${s.rps} req/s, error rate ${percent(s.errorRate)}${s.outage ? ", OUTAGE (every request 503)" : ""}, ` +
    `slow (>300ms) ${percent(s.slowRate)} · served ${s.requests}, failed ${s.errors}`;
}

interface DemoSla {
  readonly namespace: string;
  readonly name: string;
  /** By objective name: the latency threshold in seconds (or "ratio" for ratio indicators) and the target, percent. */
  readonly objectives: ReadonlyMap<string, { readonly kind: number | "ratio"; readonly target: number }>;
}

interface SlaDocument {
  kind?: string;
  metadata?: { name?: string; namespace?: string };
  spec?: { objectives?: { name?: string; target?: number; indicator?: { ratio?: unknown; latency?: { threshold?: string } } }[] };
}

/** The SLAs in demo/slas, with what the history and the live figures need to know of their objectives. */
function demoSlas(): DemoSla[] {
  const slas: DemoSla[] = [];
  for (const file of readdirSync(slasDir).filter((f) => /\.ya?ml$/.test(f)).sort()) {
    for (const doc of parseAllDocuments(readFileSync(join(slasDir, file), "utf8"))) {
      const value = doc.toJS() as SlaDocument | null;
      if (value?.kind !== "ServiceLevelAgreement" || value.metadata?.name === undefined) continue;
      const objectives = new Map<string, { kind: number | "ratio"; target: number }>();
      for (const o of value.spec?.objectives ?? []) {
        const threshold = parseDuration(o.indicator?.latency?.threshold ?? "");
        const kind = o.indicator?.ratio !== undefined ? "ratio" : threshold;
        if (o.name !== undefined && o.target !== undefined && kind !== undefined) objectives.set(o.name, { kind, target: o.target });
      }
      slas.push({ namespace: value.metadata.namespace ?? "default", name: value.metadata.name, objectives });
    }
  }
  return slas;
}

interface VectorResponse { status?: string; data?: { result?: { metric: Record<string, string>; value: [number, string] }[] }; error?: string }

/** Instant query; series keyed namespace/sla objective. */
async function queryByObjective(prometheusUrl: string, query: string): Promise<Map<string, number>> {
  const response = await fetch(`${prometheusUrl}/api/v1/query?query=${encodeURIComponent(query)}`, { signal: AbortSignal.timeout(5_000) });
  const body = (await response.json()) as VectorResponse;
  if (body.status !== "success") throw new Error(body.error ?? `HTTP ${response.status}`);
  return new Map((body.data?.result ?? []).map((r) => [`${r.metric["sla_namespace"]}/${r.metric["sla"]} ${r.metric["objective"]}`, Number(r.value[1])]));
}

interface CapturedIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readonly text: () => string;
}

function captureIo(): CapturedIo {
  let text = "";
  return { stdout: (t) => void (text += t), stderr: (t) => void (text += t), text: () => text };
}

/** How to undo a step of the startup; a stop may return a word on how it went, e.g. an exit code. */
type Step = { readonly name: string; readonly stop: () => Promise<string | void> | string | void };

class Demo {
  private readonly dir = mkdtempSync(join(tmpdir(), "slo-demo-"));
  private readonly watchdog = new Watchdog(this.dir);
  private readonly steps: Step[] = [];
  private readonly children: GroupProcess[] = [];
  private stopping: Promise<never> | undefined;
  private starting: Promise<void> | undefined;
  private stopRequested = false;
  private stopStarted = 0;
  private readonly tty = process.stdout.isTTY === true && process.stdin.isTTY === true;
  private cp: ControlPlane | undefined;
  private service: DemoService | undefined;
  private lastTable = "(waiting for the first kubectl get sla -A)";
  private info = "";
  private message = "";
  private upSince = 0;
  private prometheusUrl = "";
  private live = "";
  private targets = new Map<string, number>();
  private stopAt: number | undefined;

  constructor(private readonly flags: DemoFlags) {}

  say(line: string): void {
    process.stdout.write(`${line}\n`);
  }

  /** Runs the demo until it is stopped; never returns (the process exits). */
  async run(): Promise<never> {
    for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
      process.on(signal, () => void this.shutdown(0, `${signal} received`));
    }
    try {
      this.starting = this.start();
      await this.starting;
    } catch (error) {
      if (this.stopRequested) return this.shutdown(0);
      this.say(`\ndemo: ${error instanceof Error ? error.message : String(error)}`);
      return this.shutdown(1, "could not start");
    }
    return this.watch();
  }

  /** Records how to undo a step; when a stop was requested meanwhile, ends the startup there. */
  private async own(name: string, stop: Step["stop"]): Promise<void> {
    this.steps.push({ name, stop });
    if (this.stopRequested) throw new Error("stopping");
  }

  private async start(): Promise<void> {
    const t0 = Date.now();
    const slas = demoSlas();
    if (slas.length === 0) throw new Error(`no ServiceLevelAgreement in ${show(slasDir)}`);
    const namespaces = [...new Set(slas.map((s) => s.namespace))];

    // 1. compile, as `slactl compile demo/slas --out build/demo`
    this.say(`demo: slactl compile ${show(slasDir)} --out ${show(compileOut)}`);
    const { run: slactl, mainHelp } = await import("../operator/src/cli/main.js");
    const compiled = captureIo();
    if (await slactl(["compile", slasDir, "--out", compileOut], compiled) !== 0) throw new Error(`slactl compile failed:\n${compiled.text()}`);
    this.say(compiled.text().trimEnd().replace(/^/gm, "  "));

    // 2. control plane with the CRDs
    this.say("demo: starting the test control plane (etcd, kube-apiserver) ...");
    const crds = readdirSync(join(repoRoot, "crds")).filter((f) => /\.ya?ml$/.test(f)).map((f) => join(repoRoot, "crds", f));
    const cp = await startControlPlane({ crds, handleSignals: false });
    this.cp = cp;
    await this.own("control plane", () => cp.stop());
    this.say(`demo: control plane ready at ${cp.server} (${seconds(Date.now() - t0)})`);
    for (const namespace of namespaces) await cp.kubectlOrThrow(["create", "namespace", namespace]);
    this.say((await cp.kubectlOrThrow(["apply", "-f", slasDir])).trimEnd().replace(/^/gm, "  "));

    // 3. the service
    const service = await startDemoService({ rps: this.flags.rps, errorRate: this.flags.errorRate });
    this.service = service;
    await this.own("service", () => service.stop());
    service.onChange((state) => this.changed(describeService(state)));
    this.say(`demo: service on ${service.url}/metrics`);

    // 4. Prometheus with demo copies of the compiled rule files
    const ruleFiles = slas.map(({ namespace, name }) => {
      const compiledFile = join(compileOut, namespace, `${name}.rules.yaml`);
      const copy = join(this.dir, `${namespace}-${name}.rules.yaml`);
      writeFileSync(copy, demoRuleFile(readFileSync(compiledFile, "utf8"), show(compiledFile)));
      return copy;
    });
    const prometheusDir = join(this.dir, "prometheus");
    if (this.flags.history) {
      const stepMs = 5_000;
      const endMs = Math.floor(Date.now() / stepMs) * stepMs - stepMs;
      const shares = new Map(slas.flatMap((sla) => [...sla.objectives].map(([objective, { kind }]) =>
        [`${sla.namespace}/${sla.name} ${objective}`, kind === "ratio" ? this.flags.errorRate : expectedSlowShare(kind, 0)] as const)));
      const history = await backfillTileHistory({
        ruleFiles: slas.map(({ namespace, name }) => readFileSync(join(compileOut, namespace, `${name}.rules.yaml`), "utf8")),
        badShare: (o) => shares.get(`${o.namespace}/${o.sla} ${o.objective}`),
        rps: this.flags.rps, startMs: endMs - 3_600_000, endMs, stepMs,
        workDir: this.dir, dataDir: prometheusDataDir(prometheusDir),
      });
      const names = (list: typeof history.written) => list.map((o) => `${o.sla}/${o.objective}`).join(", ");
      this.say(`demo: backfilled an hour of 5-minute tiles (demo only) for ${names(history.written)}${history.skipped.length > 0 ? `; none for ${names(history.skipped)}` : ""}`);
    }
    const prometheus = await startDemoPrometheus(
      { dir: prometheusDir, target: `127.0.0.1:${service.port}`, ruleFiles, scrapeInterval: "5s", evaluationInterval: "5s" },
      (child) => this.adopt(child),
    );
    await this.own("prometheus", () => stopChild(prometheus.process));
    this.prometheusUrl = prometheus.url;
    this.targets = new Map(slas.flatMap((sla) => [...sla.objectives].map(([objective, o]) => [`${sla.namespace}/${sla.name} ${objective}`, o.target] as const)));
    this.say(`demo: prometheus on ${prometheus.url}, scraping every 5s, rules every 5s (demo copies in ${this.dir})`);

    // 5. the operator
    const { runHelp } = await import("../operator/src/cli/run.js");
    const missing = ["--prometheus-url", "--evaluation-interval"].filter((flag) => !runHelp.includes(flag));
    const healthPort = await freePort();
    const operatorLog = join(this.dir, "operator.log");
    const operatorArgs = [
      "--import", "tsx", slactlEntry, "run",
      `--kubeconfig=${cp.kubeconfigPath}`,
      "--metrics-addr=0",
      `--health-addr=127.0.0.1:${healthPort}`,
      ...(missing.length === 0 ? [`--prometheus-url=${prometheus.url}`, `--evaluation-interval=${this.flags.evaluationInterval}`] : []),
    ];
    const operator = new GroupProcess("operator", process.execPath, operatorArgs, operatorLog, { cwd: repoRoot });
    this.adopt(operator);
    await this.own("operator", () => stopChild(operator));
    await this.waitReady(operator, `http://127.0.0.1:${healthPort}/readyz`);
    this.say(`demo: operator running (slactl run${missing.length === 0 ? ` --prometheus-url ${prometheus.url} --evaluation-interval ${this.flags.evaluationInterval}` : ""}), log ${operatorLog}`);
    if (missing.length > 0) {
      this.say(`\ndemo: WARNING: this checkout's \`slactl run\` has no ${missing.join(" or ")}: the operator cannot evaluate`);
      this.say("demo: WARNING: the SLAs against Prometheus, so STATE, COMPLIANCE, BUDGET and CREDIT stay empty.\n");
    }
    for (const child of [operator, prometheus.process]) {
      void child.exited.then((exit) => {
        if (this.stopRequested) return;
        this.say(`\ndemo: ${child.name} exited unexpectedly (${exit.signal ?? `exit code ${exit.code}`}); its log ends with:\n${child.logTail()}`);
        void this.shutdown(1);
      });
    }

    // 6. what to look at
    const hasReport = /^\s+report\s/m.test(mainHelp);
    // The shared dashboard shows every SLA; an SLA that asks for one has its own besides.
    const dashboards = [join(compileOut, slaDashboardFileName), ...slas.map(({ namespace, name }) => join(compileOut, namespace, `${name}.dashboard.json`))]
      .filter((file) => existsSync(file)).map(show);
    const pids = [
      `operator=${operator.pid ?? "?"}`, `prometheus=${prometheus.process.pid ?? "?"}`,
      `etcd=${cp.pids().etcd ?? "?"}`, `kube-apiserver=${cp.pids().apiServer ?? "?"}`,
    ];
    this.info = [
      "How to look around (while the demo runs):",
      `  kubectl:     export KUBECONFIG=${cp.kubeconfigPath}`,
      `               kubectl get sla -A -o yaml; kubectl get prometheusrules,configmaps -n ${namespaces.join(",")}`,
      `  Prometheus:  ${prometheus.url}/graph?g0.expr=sla:sli_error:ratio_rate5m`,
      `  errors:      curl -X POST '${service.url}/error-rate?value=0.05'   (0..1; GET ${service.url}/state shows the knobs)`,
      `  outage:      curl -X POST '${service.url}/outage?on=true'   (on=false ends it)`,
      `  latency:     curl -X POST '${service.url}/slow-rate?value=0.1'   (share of requests slower than 300 ms)`,
      `  dashboards:  ${dashboards.join(", ")}`,
      `               Grafana: add a Prometheus data source with URL ${prometheus.url}, then`,
      "               Dashboards > New > Import > Upload dashboard JSON file, and pick it as `datasource`.",
      hasReport
        ? `  report:      npx tsx ${show(slactlEntry)} report --prometheus ${prometheus.url} ${show(slasDir)} --format html --out /tmp/report.html`
        : `  report:      (not in this checkout yet) npx tsx ${show(slactlEntry)} report --prometheus ${prometheus.url} ${show(slasDir)} --format html --out /tmp/report.html`,
      `  logs:        ${operatorLog}, ${join(this.dir, "prometheus")}`,
      `  processes:   ${pids.join(" ")}; temp dirs ${this.dir} ${cp.dir}`,
      this.tty
        ? "Keys: e outage on/off · + / - error rate up/down · l slowdown on/off · q or Ctrl-C quit"
        : "No terminal: change the service with the curl lines above. Ctrl-C or SIGTERM stops everything.",
    ].join("\n");
    this.upSince = Date.now();
    if (this.flags.durationMs !== undefined) this.stopAt = this.upSince + this.flags.durationMs;
    this.say(`demo: everything is up after ${seconds(Date.now() - t0)}${this.stopAt === undefined ? "" : `; stopping by itself after ${seconds(this.flags.durationMs ?? 0)} (--duration)`}\n`);
    if (!this.tty) this.say(`${this.info}\n`);
  }

  private adopt(child: GroupProcess): void {
    this.children.push(child);
    this.watchdog.watch(child.pid);
  }

  private async waitReady(child: GroupProcess, url: string): Promise<void> {
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      if (!child.running) throw new Error(`${child.name} exited during startup; its log ends with:\n${child.logTail()}`);
      try {
        if ((await fetch(url, { signal: AbortSignal.timeout(2_000) })).ok) return;
      } catch {
        // not listening yet
      }
      if (this.stopRequested) throw new Error("stopping");
      await sleep(250);
    }
    throw new Error(`${child.name} not ready after 120 s; its log ends with:\n${child.logTail()}`);
  }

  /** Prints `kubectl get sla -A` every refresh until stopped. */
  private async watch(): Promise<never> {
    if (this.tty) this.listenToKeys();
    for (;;) {
      const now = Date.now();
      if (this.stopAt !== undefined && now >= this.stopAt) {
        await this.refresh("final");
        return this.shutdown(0, `--duration ${seconds(this.flags.durationMs ?? 0)} is over`);
      }
      await this.refresh();
      const next = Math.min(now + this.flags.refreshMs, this.stopAt ?? Number.POSITIVE_INFINITY);
      await sleep(Math.max(0, next - Date.now()));
    }
  }

  private async refresh(label?: string): Promise<void> {
    const cp = this.cp;
    if (!cp || this.stopRequested) return;
    const [result, live] = await Promise.all([cp.kubectl(["get", "sla", "-A"], { timeoutMs: 10_000 }), this.liveFigures()]);
    this.lastTable = result.code === 0 ? result.stdout.trimEnd() : `kubectl get sla -A failed: ${result.stderr.trim()}`;
    this.live = live;
    this.draw(label);
  }

  /**
   * What the rules record right now, which moves within seconds, while the status moves in whole
   * 5 minutes. "Last hour" is sla:sli_*:tile1h, which the demo copy records every 5s: the average
   * of the 5-minute tiles over the last hour, backfilled history included.
   */
  private async liveFigures(): Promise<string> {
    const tileMs = 300_000;
    const next = new Date(Math.floor(Date.now() / tileMs) * tileMs + tileMs).toTimeString().slice(0, 8);
    const head = `Prometheus now (recorded every 5s; the operator reads whole 5-minute tiles, so the status catches up after ${next}):`;
    try {
      const [ratio5m, errors1h, events1h] = await Promise.all([
        queryByObjective(this.prometheusUrl, "sla:sli_error:ratio_rate5m"),
        queryByObjective(this.prometheusUrl, "sla:sli_errors:tile1h"),
        queryByObjective(this.prometheusUrl, "sla:sli_events:tile1h"),
      ]);
      const keys = [...new Set([...ratio5m.keys(), ...events1h.keys()])].sort();
      if (keys.length === 0) return `${head}\n  (no recorded series yet: the first appear some 10 to 20 seconds after the start)`;
      const width = Math.max(...keys.map((k) => k.length));
      const pct = (v: number | undefined, digits: number) => (v === undefined || !Number.isFinite(v) ? "-" : `${(v * 100).toFixed(digits)}%`);
      return [head, ...keys.map((k) => {
        const hour = (errors1h.get(k) ?? Number.NaN) / (events1h.get(k) ?? Number.NaN);
        const target = this.targets.get(k);
        const left = target === undefined ? undefined : 1 - hour / (1 - target / 100);
        return `  ${k.padEnd(width)}   bad: last 5m ${pct(ratio5m.get(k), 2).padStart(7)}, last hour ${pct(hour, 2).padStart(7)}   budget left ${pct(left, 1).padStart(7)}`;
      })].join("\n");
    } catch (error) {
      return `${head}\n  (query failed: ${error instanceof Error ? error.message : String(error)})`;
    }
  }

  private draw(label?: string): void {
    if (this.stopRequested) return;
    const elapsed = seconds(Date.now() - this.upSince);
    const left = this.stopAt === undefined ? "" : ` of ${seconds(this.flags.durationMs ?? 0)}`;
    const state = this.service ? describeService(this.service.state()) : "";
    const header = `── ${clock()} · up ${elapsed}${left}${label ? ` · ${label}` : ""} · ${state}`;
    if (this.tty) {
      process.stdout.write(`\x1b[2J\x1b[H${header}\n\n$ kubectl get sla -A\n${this.lastTable}\n\n${this.live}\n\n${this.message ? `${this.message}\n\n` : ""}${this.info}\n`);
    } else {
      this.say(`${header}\n${this.lastTable}\n\n${this.live}\n`);
    }
  }

  private changed(what: string): void {
    this.message = `${clock()} changed: ${what}`;
    if (this.tty) this.draw();
    else this.say(`── ${this.message}`);
  }

  private listenToKeys(): void {
    const stdin = process.stdin;
    stdin.setRawMode(true);
    stdin.setEncoding("utf8");
    stdin.resume();
    this.steps.push({ name: "terminal", stop: () => restoreTerminal() });
    stdin.on("data", (chunk: string) => {
      const service = this.service;
      for (const key of chunk) {
        if (key === "\u0003" || key === "q") {
          void this.shutdown(0, key === "q" ? "q pressed" : "Ctrl-C");
          return;
        }
        if (!service) continue;
        const s = service.state();
        if (key === "e") service.setOutage(!s.outage);
        else if (key === "+" || key === "=") service.setErrorRate(stepErrorRate(s.errorRate, 1));
        else if (key === "-" || key === "_") service.setErrorRate(stepErrorRate(s.errorRate, -1));
        else if (key === "l") service.setSlowRate(s.slowRate > 0 ? 0 : 0.1);
      }
    });
  }

  /** Stops everything in reverse order of starting, removes the temp dirs and exits. */
  shutdown(code: number, why?: string): Promise<never> {
    if (this.stopping) {
      // Another Ctrl-C while stopping: kill what is left now. Not within the first 2 seconds:
      // `npm run` passes on the SIGINT that the terminal also sent to this process.
      if (why !== undefined && /SIG|Ctrl-C/.test(why) && Date.now() - this.stopStarted > 2_000) this.forceExit();
      return this.stopping;
    }
    this.stopRequested = true;
    this.stopStarted = Date.now();
    this.stopping = (async (): Promise<never> => {
      restoreTerminal();
      this.say(`\ndemo: stopping${why ? ` (${why})` : ""} ...`);
      // A step still starting registers itself when it is up (or fails); give it a moment, so that
      // it is stopped below. The control plane's exit hook covers one that takes longer.
      await Promise.race([this.starting?.catch(() => undefined), sleep(15_000)]);
      for (const step of [...this.steps].reverse()) {
        const t0 = Date.now();
        try {
          const how = await step.stop();
          if (step.name !== "terminal") this.say(`demo: stopped ${step.name} (${how ? `${how}, ` : ""}${((Date.now() - t0) / 1000).toFixed(1)} s)`);
        } catch (error) {
          this.say(`demo: stopping ${step.name} failed: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      for (const child of this.children) await child.stop(2_000);
      this.watchdog.stop();
      rmSync(this.dir, { recursive: true, force: true });
      this.say(`demo: removed ${this.dir}; nothing left running`);
      process.exit(code);
    })();
    return this.stopping;
  }

  private forceExit(): void {
    this.say("demo: second signal: killing everything now");
    for (const child of this.children) child.signalGroup("SIGKILL");
    rmSync(this.dir, { recursive: true, force: true });
    process.exit(1); // the control plane's exit hook kills etcd and kube-apiserver
  }
}

/** Stops a child process group; says how the process ended. */
async function stopChild(child: GroupProcess): Promise<string> {
  await child.stop();
  const exit = child.exitInfo;
  return exit?.signal ? `ended by ${exit.signal}` : `exit code ${exit?.code ?? "?"}`;
}

function restoreTerminal(): void {
  if (process.stdin.isTTY && process.stdin.isRaw) process.stdin.setRawMode(false);
  process.stdin.pause();
}

async function main(args: readonly string[]): Promise<void> {
  let flags: DemoFlags | "help";
  try {
    flags = parseDemoFlags(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`demo: ${error.message}\nRun 'npm run demo -- --help' for usage.\n`);
    process.exit(2);
  }
  if (flags === "help") {
    process.stdout.write(demoHelp);
    return;
  }
  await new Demo(flags).run();
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main(process.argv.slice(2));
