// Building the TSDB: raw history from OpenMetrics, recorded series from rules, both with promtool,
// and moving the blocks into the data directory of the Prometheus that serves them.
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { stringify } from "yaml";
import { ruleFile } from "./rulesets.js";
import type { Backfill } from "./plan.js";
import { progress, run, sleep, type Prometheus } from "./processes.js";

/** Block ranges promtool and Prometheus use: 2h, then each three times the last. */
const blockRangesSeconds = [2, 6, 18, 54, 162, 486, 1458].map((h) => h * 3600);
/** Prometheus refuses range queries of more than 11,000 points, and promtool asks for one per block. */
const maxPointsPerQuery = 11_000;
/**
 * Blocks of the raw history: 486h (20.25 days). With the default (2h) promtool 2.42 re-reads the
 * whole input for every block, which takes minutes for a month of data.
 */
const historyBlockSeconds = 486 * 3600;

const ulidRe = /^[0-9A-HJKMNP-TV-Z]{26}$/;

export interface BlockMeta { readonly ulid: string; readonly minTime: number; readonly maxTime: number; readonly samples: number }

/** Turns an OpenMetrics file into blocks in `outputDir`. */
export async function importHistory(promtool: string, file: string, outputDir: string, logFile: string): Promise<void> {
  mkdirSync(outputDir, { recursive: true });
  await run(promtool, [
    "tsdb", "create-blocks-from", "openmetrics", "--quiet",
    `--max-block-duration=${historyBlockSeconds / 3600}h`, file, outputDir,
  ], logFile);
}

/** The largest block range whose range query at this step stays under Prometheus' point limit. */
export function ruleBlockSeconds(intervalSeconds: number): number {
  const fitting = blockRangesSeconds.filter((r) => r / intervalSeconds + 1 <= maxPointsPerQuery);
  return fitting[fitting.length - 1] ?? blockRangesSeconds[0] as number;
}

/** Evaluates a backfill job's rules against the running Prometheus into blocks in `outputDir`. */
export async function backfillRules(promtool: string, job: Backfill, prometheus: { readonly url: string }, workDir: string, name: string, logFile: string): Promise<string> {
  const rulesFile = path.join(workDir, `${name}.rules.yaml`);
  const outputDir = path.join(workDir, `${name}.blocks`);
  mkdirSync(outputDir, { recursive: true });
  writeFileSync(rulesFile, stringify(ruleFile(job.rules), { lineWidth: 0 }));
  await run(promtool, [
    "tsdb", "create-blocks-from", "rules", "--quiet",
    `--url=${prometheus.url}`,
    `--start=${job.startSeconds}`,
    `--end=${job.endSeconds}`,
    `--eval-interval=${job.intervalSeconds}s`,
    `--max-block-duration=${ruleBlockSeconds(job.intervalSeconds) / 3600}h`,
    `--output-dir=${outputDir}`,
    rulesFile,
  ], logFile);
  return outputDir;
}

/** Reads the meta.json of every block directly under `dir`. */
export function blocksIn(dir: string): BlockMeta[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((entry) => ulidRe.test(entry))
    .flatMap((ulid) => {
      // A running Prometheus deletes compacted blocks at any moment: a block gone between the
      // listing and the read is simply no longer there.
      let text: string;
      try {
        text = readFileSync(path.join(dir, ulid, "meta.json"), "utf8");
      } catch {
        return [];
      }
      const meta = JSON.parse(text) as { minTime: number; maxTime: number; stats?: { numSamples?: number } };
      return [{ ulid, minTime: meta.minTime, maxTime: meta.maxTime, samples: meta.stats?.numSamples ?? 0 }];
    });
}

/** Moves the blocks of `fromDir` into the data directory; Prometheus loads them on its next start. */
export function moveBlocks(fromDir: string, dataDir: string): BlockMeta[] {
  const blocks = blocksIn(fromDir);
  for (const block of blocks) renameSync(path.join(fromDir, block.ulid), path.join(dataDir, block.ulid));
  return blocks;
}

/**
 * Waits until Prometheus has merged the overlapping blocks that backfilling leaves (blocks of
 * different series over the same time), so the measurement reads compacted blocks as in production
 * and no compaction runs during it. Prometheus 2.42 first compacts one minute after it starts.
 */
export async function waitForCompaction(prometheus: Prometheus, dataDir: string, timeoutMs = 300_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let quietSince: number | undefined;
  let lastCount = -1;
  while (Date.now() < deadline) {
    const metrics = await prometheus.metrics();
    const triggered = metrics.get("prometheus_tsdb_compactions_triggered_total") ?? 0;
    const populating = metrics.get("prometheus_tsdb_compaction_populating_block") ?? 0;
    const compactions = metrics.get("prometheus_tsdb_compactions_total") ?? 0;
    const loaded = metrics.get("prometheus_tsdb_blocks_loaded") ?? -1;
    const entries = readdirSync(dataDir);
    const blocks = blocksIn(dataDir).sort((a, b) => a.minTime - b.minTime);
    const overlapping = blocks.some((b, i) => i > 0 && b.minTime < Math.max(...blocks.slice(0, i).map((x) => x.maxTime)));
    const busy = triggered < 1 || populating > 0 || overlapping || loaded !== blocks.length || entries.some((e) => e.includes(".tmp")) || compactions !== lastCount;
    lastCount = compactions;
    if (busy) quietSince = undefined;
    else quietSince ??= Date.now();
    if (quietSince !== undefined && Date.now() - quietSince >= 3000) {
      progress(`compaction done: ${blocks.length} blocks, ${compactions} compactions`);
      return;
    }
    await sleep(1000);
  }
  progress(`warning: compaction still running after ${timeoutMs / 1000}s; measuring anyway`);
}
