// An hour of synthetic history for the demo, so the SLAs' one-hour rolling period is full from the
// operator's first evaluation instead of filling up over an hour. DEMO ONLY.
//
// Why the tiles and not the service's raw counters: Prometheus evaluates recording rules only at
// the present, so backfilled counters would never become the `sla:sli_*:tile5m` series that the
// operator (and `slactl report`) compute the status from. The tiles are written as the rules would
// have recorded them, with the labels taken from the compiled rule file, at a steady rate: the
// service's starting error rate (ratio objectives) or its share of requests over the threshold
// (latency objectives). Then promtool turns them into a TSDB block (test/prometheus/harness.ts).
import { join } from "node:path";
import { parse } from "yaml";
import { series as recorded } from "../operator/src/compile/rules.js";
import { backfill } from "../test/prometheus/harness.js";
import { OpenMetricsWriter, writeGaugeHistory } from "../test/prometheus/openmetrics.js";

export interface HistoryObjective {
  readonly namespace: string;
  readonly sla: string;
  readonly objective: string;
}

export interface HistoryOptions {
  /** Compiled rule files (`slactl compile`'s <name>.rules.yaml), as text. */
  readonly ruleFiles: readonly string[];
  /** Share of bad events of an objective, or undefined to write no history for it. */
  readonly badShare: (objective: HistoryObjective) => number | undefined;
  /** Events per second. */
  readonly rps: number;
  readonly startMs: number;
  readonly endMs: number;
  /** Sample spacing, as the demo's rules record (5 s). */
  readonly stepMs: number;
  /** Work folder for the OpenMetrics file and promtool's output. */
  readonly workDir: string;
  /** The Prometheus data dir the block goes into (before Prometheus starts). */
  readonly dataDir: string;
}

interface RuleFile { readonly groups?: readonly { readonly rules?: readonly { readonly record?: string; readonly labels?: Record<string, string> }[] }[] }

/** Writes the tile history of every objective it knows a bad share for; returns those and the skipped ones. */
export async function backfillTileHistory(options: HistoryOptions): Promise<{ written: HistoryObjective[]; skipped: HistoryObjective[] }> {
  const file = join(options.workDir, "history.om");
  const writer = await OpenMetricsWriter.create(file);
  const written: HistoryObjective[] = [];
  const skipped: HistoryObjective[] = [];
  for (const text of options.ruleFiles) {
    const rules = ((parse(text) as RuleFile).groups ?? []).flatMap((g) => g.rules ?? []);
    for (const rule of rules.filter((r) => r.record === recorded.eventsTile5m)) {
      const labels = rule.labels ?? {};
      const objective = { namespace: labels["sla_namespace"] ?? "", sla: labels["sla"] ?? "", objective: labels["objective"] ?? "" };
      const share = options.badShare(objective);
      if (share === undefined) {
        skipped.push(objective);
        continue;
      }
      const range = { labels, startMs: options.startMs, endMs: options.endMs, stepMs: options.stepMs };
      await writeGaugeHistory(writer, { ...range, metric: recorded.eventsTile5m, value: () => options.rps });
      await writeGaugeHistory(writer, { ...range, metric: recorded.errorsTile5m, value: () => options.rps * share });
      written.push(objective);
    }
  }
  await writer.close();
  if (written.length > 0) await backfill([file], options.dataDir, options.workDir);
  return { written, skipped };
}
