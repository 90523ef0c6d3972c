// What our generated rules cost Prometheus against Sloth's, for the same SLOs. See README.md.
//
//   npm run bench:rule-cost -- [--slos N] [--scrape-interval 15s] [--days 31] [--prometheus 2,3] [--keep-tmp]
//
// Figures go to stdout (per Prometheus release, then side by side), progress to stderr. Everything runs in a temporary directory that is
// removed on exit, error or Ctrl-C, with the Prometheus it starts.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { stringify } from "yaml";
import { parseOptions, usage } from "./options.js";
import { ourRules, ruleFile, slothRules, setNames, type BenchRule } from "./rulesets.js";
import { measuredSeconds, planBackfill, type Plan } from "./plan.js";
import { writeOpenMetrics } from "./history.js";
import { backfillRules, blocksIn, importHistory, moveBlocks, waitForCompaction } from "./tsdb.js";
import { measure, type RuleCost } from "./measure.js";
import { compareReleases, report } from "./report.js";
import type { PrometheusRelease } from "../../test/support/prometheus-releases.js";
import { cleanup, elapsedSeconds, freePort, installSignalHandlers, onCleanup, progress, Prometheus, removeOnCleanup, run } from "./processes.js";

const hours = (seconds: number) => `${(seconds / 3600).toFixed(2)}h`;

async function main(): Promise<void> {
  const parsed = parseOptions(process.argv.slice(2));
  if (parsed === "help") {
    console.log(usage);
    return;
  }
  const options = parsed;
  installSignalHandlers();
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
  // The anchors sit beside the checkout; SLO_ANCHORS_DIR points elsewhere (a worktree, CI).
  const anchorsDir = process.env["SLO_ANCHORS_DIR"] ?? path.resolve(repoRoot, "../shared/anchors/sloth");
  const jobs = Array.from({ length: options.slos }, (_, i) => `bench-${i + 1}`);
  const rules: BenchRule[] = [...slothRules(anchorsDir, jobs), ...ourRules(repoRoot, jobs)];

  // The measured hour is the last whole hour before now; the history ends with it.
  const end = Math.floor(Date.now() / 3_600_000) * 3600;
  const plan = planBackfill(rules, end);
  const start = end - options.days * 86_400;
  if (plan.rawStartSeconds < start) {
    throw new Error(`the rules read raw samples from ${hours(end - plan.rawStartSeconds)} before the end of the measured hour: use --days ${Math.ceil((end - plan.rawStartSeconds) / 86_400)} or more`);
  }
  const phases: Array<[string, number]> = [];
  let phaseStart = elapsedSeconds();
  const phase = (name: string) => {
    phases.push([name, elapsedSeconds() - phaseStart]);
    phaseStart = elapsedSeconds();
  };

  const tmp = mkdtempSync(path.join(os.tmpdir(), "rule-cost-"));
  if (options.keepTmp) onCleanup(() => progress(`kept ${tmp}`));
  else removeOnCleanup(tmp);
  progress(`${jobs.length} SLOs; ${rules.filter((r) => r.set === "sloth").length} Sloth rules and ${rules.filter((r) => r.set === "ours").length} of ours; ` +
    `on ${options.releases.map((r) => r.name).join(" and ")}; working in ${tmp}`);

  const historyFile = path.join(tmp, "history.om");
  const history = await writeOpenMetrics(historyFile, { jobs, startSeconds: start, endSeconds: end, stepSeconds: options.scrapeIntervalSeconds, seed: options.seed });
  progress(`history: ${history.series} series, ${history.samples.toLocaleString("en-US")} samples, ${(history.bytes / 1e6).toFixed(0)} MB of OpenMetrics`);
  phase("history written");

  const measured: Measured[] = [];
  for (const release of options.releases) {
    await release.ready();
    const dir = path.join(tmp, `prometheus${release.major}`);
    mkdirSync(dir);
    measured.push(await measureOn(release, dir, historyFile, rules, plan, end, phase));
  }
  rmSync(historyFile);

  const context = {
    slos: jobs.length,
    scrapeIntervalSeconds: options.scrapeIntervalSeconds,
    days: options.days,
    measuredFrom: new Date((end - measuredSeconds) * 1000),
    measuredTo: new Date(end * 1000),
  };
  for (const m of measured) console.log(`${report(m.costs, plan, { ...context, prometheusVersion: m.version })}\n`);
  if (measured.length > 1) console.log(`${compareReleases(measured, context.slos)}\n`);
  console.log(`Run time ${elapsedSeconds().toFixed(0)}s: ${phases.map(([name, s]) => `${name} ${s.toFixed(0)}s`).join(", ")}.`);
}

interface Measured { readonly version: string; readonly costs: RuleCost[] }

/** The whole pipeline on one release: check, import, backfill in passes, compaction, measurement. */
async function measureOn(release: PrometheusRelease, dir: string, historyFile: string, rules: readonly BenchRule[], plan: Plan, end: number, phase: (name: string) => void): Promise<Measured> {
  const logFile = path.join(dir, "commands.log");
  const dataDir = path.join(dir, "data");
  mkdirSync(dataDir);
  // Both sets must be valid rule files. Linting is off: Sloth's alerts carry no SLO label of their
  // own (the SLO comes from the expression), so its copies for several SLOs look like duplicates.
  for (const set of setNames) {
    const file = path.join(dir, `${set}.rules.yaml`);
    writeFileSync(file, stringify(ruleFile(rules.filter((r) => r.set === set)), { lineWidth: 0 }));
    await run(release.promtool, ["check", "rules", "--lint=none", file], logFile);
  }
  const historyBlocks = path.join(dir, "history.blocks");
  await importHistory(release.promtool, historyFile, historyBlocks, logFile);
  const imported = moveBlocks(historyBlocks, dataDir);
  progress(`${release.name}: history imported: ${imported.length} blocks`);
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
  progress(`${release.name}: waiting for Prometheus to compact the overlapping blocks (its first compaction runs a minute after start)`);
  await waitForCompaction(prometheus, dataDir);
  phase(`${release.name}: compaction wait`);

  const buildInfo = (await (await fetch(`${prometheus.url}/api/v1/status/buildinfo`)).json()) as { data?: { version?: string } };
  const costs = await measure(prometheus, rules, plan);
  phase(`${release.name}: measurement`);
  await prometheus.stop();
  return { version: buildInfo.data?.version ?? "unknown", costs };
}

main()
  .catch((error: unknown) => {
    progress(`error: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  })
  .finally(async () => {
    await cleanup();
    progress(`finished in ${elapsedSeconds().toFixed(1)}s`);
  });
