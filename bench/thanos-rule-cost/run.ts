// What our generated rules (and Sloth's, for the same SLO) cost when a Thanos Ruler evaluates them
// through Thanos Query over two clusters, beside one Prometheus 3 holding both clusters' series as
// the baseline, in the same run over the same history. See README.md.
//
//   npm run bench:thanos-rule-cost -- [--slos N] [--scrape-interval 15s] [--days 31] [--keep-tmp]
//
// Figures go to stdout, progress to stderr; everything runs in a temporary directory removed at the end.
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { lastWholeHour, runPipeline } from "../rule-cost/pipeline.js";
import { measuredSeconds } from "../rule-cost/plan.js";
import { setNames, setTitles } from "../rule-cost/rulesets.js";
import type { RuleCost } from "../rule-cost/measure.js";
import { onCleanup, progress, removeOnCleanup } from "../rule-cost/processes.js";
import { runBenchmark } from "../support/lifecycle.js";
import { table } from "../support/table.js";
import { prometheus3 } from "../../test/support/prometheus-releases.js";
import { thanosBinary } from "../../test/thanos/thanos.js";
import { measureOnThanos, type Cluster } from "./stack.js";
import { parseDuration } from "../../operator/src/compile/duration.js";

const usage = `usage: npm run bench:thanos-rule-cost -- [--slos N] [--scrape-interval 15s] [--days 31] [--keep-tmp]`;

interface Options { slos: number; scrapeIntervalSeconds: number; days: number; keepTmp: boolean }

function parseOptions(argv: readonly string[]): Options {
  const options: Options = { slos: 1, scrapeIntervalSeconds: 15, days: 31, keepTmp: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i] as string;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value\n${usage}`);
      return v;
    };
    if (flag === "--slos") options.slos = positive(flag, Number(value()));
    else if (flag === "--days") options.days = positive(flag, Number(value()));
    else if (flag === "--scrape-interval") options.scrapeIntervalSeconds = positive(flag, parseDuration(value()) ?? NaN);
    else if (flag === "--keep-tmp") options.keepTmp = true;
    else throw new Error(`unknown argument ${JSON.stringify(flag)}\n${usage}`);
  }
  return options;
}

function positive(flag: string, n: number): number {
  if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} must be a positive whole number (seconds for durations)`);
  return n;
}

const clusters: readonly Cluster[] = [{ name: "eu", seed: 1 }, { name: "us", seed: 2 }];

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
  const anchorsDir = process.env["SLO_ANCHORS_DIR"] ?? path.resolve(repoRoot, "../shared/anchors/sloth");
  const jobs = Array.from({ length: options.slos }, (_, i) => `bench-${i + 1}`);
  const tmp = mkdtempSync(path.join(os.tmpdir(), "thanos-rule-cost-"));
  if (options.keepTmp) onCleanup(() => progress(`kept ${tmp}`));
  else removeOnCleanup(tmp);
  const release = prometheus3();
  await release.ready();
  const thanos = await thanosBinary();
  const versionOutput = spawnSync(thanos, ["--version"], { encoding: "utf8" });
  const thanosVersion = /version (\S+)/.exec(`${versionOutput.stdout}${versionOutput.stderr}`)?.[1] ?? "unknown";
  const end = lastWholeHour();

  // Baseline: one Prometheus holding both clusters' series (cluster as an ordinary label).
  const baseline = await runPipeline({
    jobs, scrapeIntervalSeconds: options.scrapeIntervalSeconds, days: options.days, seed: 1,
    histories: clusters.map((c) => ({ labels: { cluster: c.name }, seed: c.seed })), endSeconds: end,
    releases: [release], waitForCompaction: false, anchorsDir, repoRoot, workDir: tmp,
  });
  const single = baseline.measured[0];
  if (!single) throw new Error("the baseline measured nothing");
  const onThanos = await measureOnThanos({
    jobs, clusters, scrapeIntervalSeconds: options.scrapeIntervalSeconds, startSeconds: end - options.days * 86_400, endSeconds: end,
    release, thanos, thanosVersion, workDir: tmp,
  }, baseline.rules, baseline.plan);

  const n = jobs.length;
  const setups = [
    { name: `Prometheus ${single.version} (both clusters in one)`, costs: single.costs },
    { name: `Thanos Query ${thanosVersion} (2 sidecars + Ruler)`, costs: onThanos.costs },
  ];
  console.log(`Rule cost of one evaluation hour (${iso(end - measuredSeconds)} to ${iso(end)}), per SLO: ${n} SLO${n === 1 ? "" : "s"}, ` +
    `${clusters.length} clusters x 3 raw series scraped every ${options.scrapeIntervalSeconds}s, ${options.days} days of history; the Ruler's queries sent to Query one at a time.\n`);
  const rows = setups.flatMap((s) => {
    const t = Object.fromEntries(setNames.map((set) => [set, sums(s.costs.filter((c) => c.rule.set === set))])) as Record<(typeof setNames)[number], Sums>;
    return [
      ...setNames.map((set) => [s.name, setTitles[set], fmt(t[set].evaluations / n), fmt(t[set].samples / n), ms(t[set].evalSeconds / n), ms(t[set].wallSeconds / n), ...(s.costs === onThanos.costs ? [fmt(t[set].storeCalls / n), fmt(t[set].storeMessages / n)] : ["-", "-"])]),
      [s.name, "ours/Sloth", "", pct(t.ours.samples / t.sloth.samples), pct(t.ours.evalSeconds / t.sloth.evalSeconds), pct(t.ours.wallSeconds / t.sloth.wallSeconds), "", ""],
    ];
  });
  console.log(table(["setup", "rule set", "evaluations/h", "samples read/h", "eval time/h", "query wall time/h", "store calls/h", "store messages/h"], rows));

  for (const s of setups) {
    // A recording rule without a result read less than its window holds: the figures would flatter it.
    const empty = s.costs.filter((c) => c.rule.kind === "record" && c.resultSeries !== c.evaluations).map((c) => `${c.rule.set} ${c.rule.key}`);
    console.log(`${s.name}: ${empty.length === 0 ? "every recording rule returned one series at every evaluation" : `recording rules without one series at every evaluation: ${empty.join(", ")}`}`);
  }
  console.log("\nOur rules, per evaluation (samples read; eval time; Thanos Query's StoreAPI Series calls and the messages they returned):");
  const byKey = (costs: readonly RuleCost[]) => new Map(costs.filter((c) => c.rule.set === "ours").map((c) => [c.rule.key, c]));
  const one = byKey(single.costs);
  const many = byKey(onThanos.costs);
  const perRule = [...one.entries()].sort(([, a], [, b]) => b.samples - a.samples).map(([key, a]) => {
    const b = many.get(key);
    const per = (c: RuleCost | undefined, f: (c: RuleCost) => number) => (c && c.evaluations > 0 ? f(c) / c.evaluations : NaN);
    return [key, fmt(per(a, (c) => c.samples)), fmt(per(b, (c) => c.samples)), msPer(per(a, (c) => c.evalSeconds)), msPer(per(b, (c) => c.evalSeconds)), fmt(per(b, (c) => c.storeCalls)), fmt(per(b, (c) => c.storeMessages))];
  });
  console.log(table(["rule", "samples, Prometheus", "samples, Thanos", "eval, Prometheus", "eval, Thanos", "store calls", "store messages"], perRule));
}

interface Sums { evaluations: number; samples: number; evalSeconds: number; wallSeconds: number; storeCalls: number; storeMessages: number }
function sums(costs: readonly RuleCost[]): Sums {
  const total: Sums = { evaluations: 0, samples: 0, evalSeconds: 0, wallSeconds: 0, storeCalls: 0, storeMessages: 0 };
  for (const c of costs) {
    total.evaluations += c.evaluations;
    total.samples += c.samples;
    total.evalSeconds += c.evalSeconds;
    total.wallSeconds += c.wallSeconds;
    total.storeCalls += c.storeCalls;
    total.storeMessages += c.storeMessages;
  }
  return total;
}

const iso = (seconds: number) => new Date(seconds * 1000).toISOString().replace(".000Z", "Z");
const fmt = (value: number) => (Number.isNaN(value) ? "-" : (Number.isInteger(value) ? value : Math.round(value * 10) / 10).toLocaleString("en-US"));
const ms = (seconds: number) => `${(seconds * 1000).toLocaleString("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 })} ms`;
const msPer = (seconds: number) => (Number.isNaN(seconds) ? "-" : `${(seconds * 1000).toFixed(2)} ms`);
const pct = (ratio: number) => `${(ratio * 100).toLocaleString("en-US", { maximumFractionDigits: ratio < 0.1 ? 2 : 1 })}%`;

runBenchmark(main, 30 * 60_000);
