// What our generated rules cost Prometheus against Sloth's, for the same SLOs. See README.md.
//
//   npm run bench:rule-cost -- [--slos N] [--scrape-interval 15s] [--days 31] [--prometheus 2,3] [--keep-tmp]
//
// Figures go to stdout (per Prometheus release, then side by side), progress to stderr. Everything runs in a temporary directory that is
// removed on exit, error or Ctrl-C, with the Prometheus it starts.
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseOptions, usage } from "./options.js";
import { measuredSeconds } from "./plan.js";
import { runPipeline } from "./pipeline.js";
import { ourRules } from "./rulesets.js";
import { compareReleases, report } from "./report.js";
import { cleanup, elapsedSeconds, installSignalHandlers, onCleanup, progress, removeOnCleanup } from "./processes.js";

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
  const phases: Array<[string, number]> = [];
  let phaseStart = elapsedSeconds();
  const phase = (name: string) => {
    phases.push([name, elapsedSeconds() - phaseStart]);
    phaseStart = elapsedSeconds();
  };

  const tmp = mkdtempSync(path.join(os.tmpdir(), "rule-cost-"));
  if (options.keepTmp) onCleanup(() => progress(`kept ${tmp}`));
  else removeOnCleanup(tmp);
  const { plan, endSeconds: end, measured } = await runPipeline({
    jobs, scrapeIntervalSeconds: options.scrapeIntervalSeconds, days: options.days, seed: options.seed, releases: options.releases,
    waitForCompaction: options.waitForCompaction, anchorsDir, repoRoot, workDir: tmp, phase,
    // What spec.compatibility adds, measured beside the two compared sets.
    extraRules: () => ourRules(repoRoot, jobs, "compat"),
  });

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

main()
  .catch((error: unknown) => {
    progress(`error: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  })
  .finally(async () => {
    await cleanup();
    progress(`finished in ${elapsedSeconds().toFixed(1)}s`);
  });
