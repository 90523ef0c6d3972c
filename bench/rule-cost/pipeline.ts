// The rule-cost pipeline on each Prometheus release: synthetic history, both rule sets checked with
// promtool, recorded series backfilled in passes, then every rule measured over one hour. The
// benchmark (run.ts) and the reduced run of the test suite (test/rule-cost/) share it.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { stringify } from "yaml";
import { ourRules, ruleFile, slothRules, type BenchRule } from "./rulesets.js";
import { planBackfill, type Plan } from "./plan.js";
import { writeOpenMetrics } from "./history.js";
import { backfillRules, blocksIn, importHistory, moveBlocks, waitForCompaction } from "./tsdb.js";
import { measure, type RuleCost } from "./measure.js";
import type { PrometheusRelease } from "../../test/support/prometheus-releases.js";
import { elapsedSeconds, freePort, onCleanup, progress, Prometheus, run } from "./processes.js";

export interface PipelineSpec {
  /** The SLOs (= jobs), each over its own three raw series. */
  readonly jobs: readonly string[];
  readonly scrapeIntervalSeconds: number;
  /** Days of raw history ending at the measured hour. */
  readonly days: number;
  readonly seed: number;
  /**
   * The raw histories, each the SLOs' series with these labels and seed (default: one, unlabelled,
   * seeded with `seed`). Several stand for several clusters in one Prometheus.
   */
  readonly histories?: readonly { readonly labels: Readonly<Record<string, string>>; readonly seed: number }[];
  /** End of the measured hour, Unix seconds (default: the last whole hour). */
  readonly endSeconds?: number;
  readonly releases: readonly PrometheusRelease[];
  /**
   * Wait for Prometheus' first compaction before measuring (the benchmark does, so times are those
   * of compacted blocks). Samples read are the same either way: the backfilled blocks hold
   * different series, so merging them adds or drops no sample.
   */
  readonly waitForCompaction: boolean;
  /** Where Sloth's generated rules are (the anchors folder). */
  readonly anchorsDir: string;
  readonly repoRoot: string;
  /** A working directory the caller removes. */
  readonly workDir: string;
  /** Rules measured beside the two sets, made from them; they may read only raw series (nothing backfills for them). */
  readonly extraRules?: (compared: readonly BenchRule[]) => readonly BenchRule[];
  /** Called at the end of each phase with its name. */
  readonly phase?: (name: string) => void;
}

export interface Measured {
  readonly release: PrometheusRelease;
  /** What the server's buildinfo reports, e.g. "2.42.0+ds". */
  readonly version: string;
  readonly costs: readonly RuleCost[];
}

export interface PipelineResult {
  readonly rules: readonly BenchRule[];
  readonly plan: Plan;
  /** End of the measured hour, Unix seconds. */
  readonly endSeconds: number;
  readonly measured: readonly Measured[];
}

/** The end of the last whole hour, Unix seconds: the benchmark's measured hour ends there. */
export function lastWholeHour(): number {
  return Math.floor(Date.now() / 3_600_000) * 3600;
}

const hours = (seconds: number) => `${(seconds / 3600).toFixed(2)}h`;

/** Builds the history once and measures every rule on each release in turn. */
export async function runPipeline(spec: PipelineSpec): Promise<PipelineResult> {
  const phase = spec.phase ?? (() => undefined);
  const compared = [...slothRules(spec.anchorsDir, spec.jobs), ...ourRules(spec.repoRoot, spec.jobs)];
  const rules: BenchRule[] = [...compared, ...(spec.extraRules?.(compared) ?? [])];
  // The measured hour is the last whole hour before now; the history ends with it.
  const end = spec.endSeconds ?? lastWholeHour();
  const plan = planBackfill(rules, end);
  const start = end - spec.days * 86_400;
  if (plan.rawStartSeconds < start) {
    throw new Error(`the rules read raw samples from ${hours(end - plan.rawStartSeconds)} before the end of the measured hour: use --days ${Math.ceil((end - plan.rawStartSeconds) / 86_400)} or more`);
  }
  progress(`${spec.jobs.length} SLOs; ${rules.filter((r) => r.set === "sloth").length} Sloth rules and ${rules.filter((r) => r.set === "ours").length} of ours; ` +
    `on ${spec.releases.map((r) => r.name).join(" and ")}; working in ${spec.workDir}`);

  const historyFiles: string[] = [];
  for (const [i, h] of (spec.histories ?? [{ labels: {}, seed: spec.seed }]).entries()) {
    const file = path.join(spec.workDir, `history-${i + 1}.om`);
    const history = await writeOpenMetrics(file, { jobs: spec.jobs, startSeconds: start, endSeconds: end, stepSeconds: spec.scrapeIntervalSeconds, seed: h.seed, labels: h.labels });
    progress(`history ${JSON.stringify(h.labels)}: ${history.series} series, ${history.samples.toLocaleString("en-US")} samples, ${(history.bytes / 1e6).toFixed(0)} MB of OpenMetrics`);
    historyFiles.push(file);
  }
  phase("history written");

  const measured: Measured[] = [];
  for (const release of spec.releases) {
    await release.ready();
    const dir = path.join(spec.workDir, `prometheus${release.major}`);
    mkdirSync(dir);
    measured.push(await measureOn(release, dir, historyFiles, rules, plan, end, spec.waitForCompaction, phase));
  }
  for (const file of historyFiles) rmSync(file);
  return { rules, plan, endSeconds: end, measured };
}

/** The whole pipeline on one release: check, import, backfill in passes, compaction, measurement. */
async function measureOn(
  release: PrometheusRelease, dir: string, historyFiles: readonly string[], rules: readonly BenchRule[], plan: Plan, end: number,
  compaction: boolean, phase: (name: string) => void,
): Promise<Measured> {
  const logFile = path.join(dir, "commands.log");
  const dataDir = path.join(dir, "data");
  mkdirSync(dataDir);
  // Every set must be a valid rule file. Linting is off: Sloth's alerts carry no SLO label of their
  // own (the SLO comes from the expression), so its copies for several SLOs look like duplicates.
  for (const set of [...new Set(rules.map((r) => r.set))]) {
    const file = path.join(dir, `${set}.rules.yaml`);
    writeFileSync(file, stringify(ruleFile(rules.filter((r) => r.set === set)), { lineWidth: 0 }));
    await run(release.promtool, ["check", "rules", "--lint=none", file], logFile);
  }
  let imported = 0;
  for (const [i, file] of historyFiles.entries()) {
    const historyBlocks = path.join(dir, `history-${i + 1}.blocks`);
    await importHistory(release.promtool, file, historyBlocks, logFile);
    imported += moveBlocks(historyBlocks, dataDir).length;
  }
  progress(`${release.name}: history imported: ${imported} blocks`);
  phase(`${release.name}: history imported`);

  const configFile = path.join(dir, "prometheus.yml");
  writeFileSync(configFile, "# No scrapes and no rules: the benchmark queries the backfilled TSDB.\nglobal:\n  evaluation_interval: 1m\n");
  const prometheus = new Prometheus(release.prometheus, dataDir, configFile, await freePort(), path.join(dir, "prometheus.log"));
  onCleanup(() => prometheus.stop());
  await prometheus.start();
  progress(`${release.name}: prometheus ready on ${prometheus.url}`);

  for (const [p, pass] of plan.passes.entries()) {
    const outputs: string[] = [];
    for (const [j, job] of pass.entries()) {
      const began = elapsedSeconds();
      outputs.push(await backfillRules(release.promtool, job, prometheus, dir, `pass${p + 1}-${j + 1}`, logFile));
      const blocks = blocksIn(outputs[outputs.length - 1] as string);
      const names = [...new Set(job.rules.map((r) => `${r.set}:${r.name}`))];
      progress(`${release.name}: pass ${p + 1}/${plan.passes.length}: ${job.rules.length} rules every ${job.intervalSeconds}s over the last ${hours(end - job.startSeconds)} ` +
        `-> ${blocks.length} blocks, ${blocks.reduce((a, b) => a + b.samples, 0).toLocaleString("en-US")} samples (${(elapsedSeconds() - began).toFixed(1)}s): ${names.join(" ")}`);
    }
    await prometheus.stop();
    for (const out of outputs) moveBlocks(out, dataDir);
    await prometheus.start();
  }
  phase(`${release.name}: rules backfilled`);
  if (compaction) {
    progress(`${release.name}: waiting for Prometheus to compact the overlapping blocks (its first compaction runs a minute after start)`);
    await waitForCompaction(prometheus, dataDir);
    phase(`${release.name}: compaction wait`);
  }

  const buildInfo = (await (await fetch(`${prometheus.url}/api/v1/status/buildinfo`)).json()) as { data?: { version?: string } };
  const costs = await measure(prometheus, rules, plan);
  phase(`${release.name}: measurement`);
  await prometheus.stop();
  return { release, version: buildInfo.data?.version ?? "unknown", costs };
}
