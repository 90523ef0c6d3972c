// What our generated rules cost Prometheus against Sloth's, for the same SLOs. See README.md.
//
//   npm run bench:rule-cost -- [--slos N] [--scrape-interval 15s] [--days 31] [--keep-tmp]
//
// Figures go to stdout, progress to stderr. Everything runs in a temporary directory that is
// removed on exit, error or Ctrl-C, with the Prometheus it starts.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { stringify } from "yaml";
import { parseOptions, usage } from "./options.js";
import { ourRules, ruleFile, slothRules, setNames, type BenchRule } from "./rulesets.js";
import { measuredSeconds, planBackfill } from "./plan.js";
import { writeOpenMetrics } from "./history.js";
import { backfillRules, blocksIn, importHistory, moveBlocks, waitForCompaction } from "./tsdb.js";
import { measure } from "./measure.js";
import { report } from "./report.js";
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
  const logFile = path.join(tmp, "commands.log");
  const dataDir = path.join(tmp, "data");
  mkdirSync(dataDir);
  progress(`${jobs.length} SLOs; ${rules.filter((r) => r.set === "sloth").length} Sloth rules and ${rules.filter((r) => r.set === "ours").length} of ours; working in ${tmp}`);

  // Both sets must be valid rule files. Linting is off: Sloth's alerts carry no SLO label of their
  // own (the SLO comes from the expression), so its copies for several SLOs look like duplicates.
  for (const set of setNames) {
    const file = path.join(tmp, `${set}.rules.yaml`);
    writeFileSync(file, stringify(ruleFile(rules.filter((r) => r.set === set)), { lineWidth: 0 }));
    await run("promtool", ["check", "rules", "--lint=none", file], logFile);
  }

  const historyFile = path.join(tmp, "history.om");
  const history = await writeOpenMetrics(historyFile, { jobs, startSeconds: start, endSeconds: end, stepSeconds: options.scrapeIntervalSeconds, seed: options.seed });
  progress(`history: ${history.series} series, ${history.samples.toLocaleString("en-US")} samples, ${(history.bytes / 1e6).toFixed(0)} MB of OpenMetrics`);
  phase("history written");
  const historyBlocks = path.join(tmp, "history.blocks");
  await importHistory(historyFile, historyBlocks, logFile);
  rmSync(historyFile);
  const imported = moveBlocks(historyBlocks, dataDir);
  progress(`history imported: ${imported.length} blocks`);
  phase("history imported");

  const configFile = path.join(tmp, "prometheus.yml");
  writeFileSync(configFile, "# No scrapes and no rules: the benchmark queries the backfilled TSDB.\nglobal:\n  evaluation_interval: 1m\n");
  const prometheus = new Prometheus(dataDir, configFile, await freePort(), path.join(tmp, "prometheus.log"));
  onCleanup(() => prometheus.stop());
  await prometheus.start();
  progress(`prometheus ready on ${prometheus.url}`);

  for (const [p, pass] of plan.passes.entries()) {
    const outputs: string[] = [];
    for (const [j, job] of pass.entries()) {
      const began = elapsedSeconds();
      outputs.push(await backfillRules(job, prometheus, tmp, `pass${p + 1}-${j + 1}`, logFile));
      const blocks = blocksIn(outputs[outputs.length - 1] as string);
      const names = [...new Set(job.rules.map((r) => `${r.set}:${r.name}`))];
      progress(`pass ${p + 1}/${plan.passes.length}: ${job.rules.length} rules every ${job.intervalSeconds}s over the last ${hours(end - job.startSeconds)} ` +
        `-> ${blocks.length} blocks, ${blocks.reduce((a, b) => a + b.samples, 0).toLocaleString("en-US")} samples (${(elapsedSeconds() - began).toFixed(1)}s): ${names.join(" ")}`);
    }
    await prometheus.stop();
    for (const dir of outputs) moveBlocks(dir, dataDir);
    await prometheus.start();
  }
  phase("rules backfilled");
  progress("waiting for Prometheus to compact the overlapping blocks (its first compaction runs a minute after start)");
  await waitForCompaction(prometheus, dataDir);
  phase("compaction wait");

  const buildInfo = (await (await fetch(`${prometheus.url}/api/v1/status/buildinfo`)).json()) as { data?: { version?: string } };
  const costs = await measure(prometheus, rules, plan);
  phase("measurement");
  await prometheus.stop();

  console.log(report(costs, plan, {
    slos: jobs.length,
    scrapeIntervalSeconds: options.scrapeIntervalSeconds,
    days: options.days,
    prometheusVersion: buildInfo.data?.version ?? "unknown",
    measuredFrom: new Date((end - measuredSeconds) * 1000),
    measuredTo: new Date(end * 1000),
  }));
  console.log(`\nRun time ${elapsedSeconds().toFixed(0)}s: ${phases.map(([name, s]) => `${name} ${s.toFixed(0)}s`).join(", ")}.`);
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
