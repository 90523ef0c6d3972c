// Benchmark: one evaluation cycle's reads from a real Prometheus, batched across all SLAs
// (fetchObjectiveSeries) against the naive plan (one set of queries per objective), for fleets of
// 10, 100 and 1,000 SLAs.
//
// For each size: synthetic recorded series (history.ts) are backfilled with promtool into a fresh
// Prometheus (test/prometheus/harness.ts); then cycles run alternately, naive and batched, after
// one unmeasured warm-up cycle of each. A cycle reads, for every objective, its 5-minute tiles
// and its current ratios and budget:
//   naive:   per objective  query_range errors tiles, query_range events tiles, query ratios  (3·N)
//   batched: fetchObjectiveSeries, see the plan in operator/src/adapters/prometheus/batch.ts (2·C + 1)
// Two kinds of cycle: "full" reads the tiles of the last `--days` (a stateless operator, or the
// first cycle after a start), "incremental" those of the last 15 minutes (an operator that keeps
// the history it has read and asks only for what is new). Both plans run with the same
// concurrency, and their results are checked to be identical.
//
//   npm run bench:batching -- [--sizes 10,100,1000] [--days 7] [--objectives 2] [--namespaces 10]
//                             [--cycles 3] [--incremental-cycles 5] [--concurrency 4] [--keep]
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import {
  PrometheusClient, fetchObjectiveSeries, queryRangeChunked, type ObjectiveSeries, type Sample,
} from "../../operator/src/adapters/prometheus/index.js";
import { series as recorded } from "../../operator/src/compile/rules.js";
import { startPrometheus } from "../../test/prometheus/harness.js";
import { fleet, writeFleetHistory, type FleetSpec, type Objective } from "./history.js";

const { values: args } = parseArgs({
  options: {
    sizes: { type: "string", default: "10,100,1000" },
    days: { type: "string", default: "7" },
    objectives: { type: "string", default: "2" },
    namespaces: { type: "string", default: "10" },
    cycles: { type: "string", default: "3" },
    "incremental-cycles": { type: "string", default: "5" },
    concurrency: { type: "string", default: "4" },
    keep: { type: "boolean", default: false },
  },
});
const sizes = args.sizes.split(",").map(Number);
const days = Number(args.days);
const objectivesPerSla = Number(args.objectives);
const namespaces = Number(args.namespaces);
const cyclesOf = { full: Number(args.cycles), incremental: Number(args["incremental-cycles"]) };
const concurrency = Number(args.concurrency);

const began = Date.now();
const progress = (line: string) => process.stderr.write(`[${((Date.now() - began) / 1000).toFixed(1).padStart(6)}s] ${line}\n`);

const endMs = Date.UTC(2026, 10, 1); // 2026-11-01T00:00:00Z: history ends here, the cycle runs "now" = end
const historyStartMs = endMs - days * 86_400_000;
type Kind = "full" | "incremental";
const startOf: Record<Kind, number> = { full: historyStartMs, incremental: endMs - 15 * 60_000 };
const ratioNames = `sla:sli_error:ratio_rate.+|${recorded.ratioPeriod}|${recorded.budgetRemaining}`;

interface Row { slas: number; objectives: number; kind: Kind; plan: "naive" | "batched"; queries: number; wallMs: number[]; bytes: number }

type Cycle = { series: Map<string, ObjectiveSeries>; queries: number };
const keyOf = (o: Objective) => `${o.namespace}/${o.sla}/${o.objective}`;

async function batchedCycle(client: PrometheusClient, objectives: readonly Objective[], startMs: number): Promise<Cycle> {
  const result = await fetchObjectiveSeries(client, { objectives, start: startMs, end: endMs, concurrency, timeoutMs: 300_000 });
  return { series: new Map(result.series.map((s) => [keyOf(s), s])), queries: result.queries };
}

/** The baseline: each objective asks for its own series, as an operator would that evaluates one SLA at a time. */
async function naiveCycle(client: PrometheusClient, objectives: readonly Objective[], startMs: number): Promise<Cycle> {
  const out = new Map<string, ObjectiveSeries>();
  let next = 0;
  let queries = 0;
  const worker = async () => {
    while (next < objectives.length) {
      const o = objectives[next++] as Objective;
      const selector = `sla_namespace="${o.namespace}",sla="${o.sla}",objective="${o.objective}"`;
      const range = { start: startMs, end: endMs, stepSeconds: 300 }; // startMs is on the grid batched reads use
      const errors = await queryRangeChunked(client, `${recorded.errorsTile5m}{${selector}}`, range);
      const events = await queryRangeChunked(client, `${recorded.eventsTile5m}{${selector}}`, range);
      const instant = await client.queryVector(`{__name__=~"${ratioNames}",${selector}}`, endMs);
      queries += errors.queries + events.queries + 1;
      const ratios: Record<string, number> = {};
      let budgetRemaining: number | undefined;
      for (const s of instant.result) {
        const name = s.labels["__name__"] ?? "";
        if (name === recorded.budgetRemaining) budgetRemaining = s.sample.value;
        else if (name === recorded.ratioPeriod) ratios["period"] = s.sample.value;
        else ratios[name.replace("sla:sli_error:ratio_rate", "")] = s.sample.value;
      }
      const { __name__: _name, ...labels } = errors.result[0]?.labels ?? {};
      out.set(keyOf(o), {
        ...o, labels, ratios, budgetRemaining,
        errors: errors.result.flatMap((s) => s.samples), events: events.result.flatMap((s) => s.samples),
      });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { series: out, queries };
}

function sameSamples(a: readonly Sample[], b: readonly Sample[]): boolean {
  return a.length === b.length && a.every((s, i) => s.timeMs === b[i]?.timeMs && Object.is(s.value, b[i]?.value));
}

const sortedJson = (record: Readonly<Record<string, number>>) => JSON.stringify(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));

function checkIdentical(objectives: readonly Objective[], naive: Cycle, batched: Cycle, startMs: number): void {
  // Every grid point but the first (it precedes the first tile of the history) finds a tile.
  const tiles = (endMs - startMs) / 300_000 + (startMs === historyStartMs ? 0 : 1);
  for (const o of objectives) {
    const n = naive.series.get(keyOf(o));
    const b = batched.series.get(keyOf(o));
    const problem = !n || !b ? "missing"
      : n.errors.length !== tiles ? `${n.errors.length} tiles, expected ${tiles}`
        : !sameSamples(n.errors, b.errors) ? "errors tiles differ"
          : !sameSamples(n.events, b.events) ? "events tiles differ"
            : Object.keys(n.ratios).length !== 8 || sortedJson(n.ratios) !== sortedJson(b.ratios) ? `ratios differ: ${sortedJson(n.ratios)} ${sortedJson(b.ratios)}`
              : n.budgetRemaining === undefined || n.budgetRemaining !== b.budgetRemaining ? "budget differs"
                : undefined;
    if (problem) throw new Error(`batched and naive results differ for ${keyOf(o)}: ${problem}`);
  }
}

async function measure(slas: number): Promise<Row[]> {
  const spec: FleetSpec = { slas, objectivesPerSla, namespaces, startMs: historyStartMs, endMs, seed: 42 };
  const objectives = fleet(spec);
  const dir = mkdtempSync(join(tmpdir(), "bench-batching-"));
  try {
    progress(`${slas} SLAs: writing ${days} days of tiles for ${objectives.length} objectives`);
    const history = await writeFleetHistory(spec, dir, 100);
    progress(`${slas} SLAs: ${history.samples.toLocaleString("en")} samples, ${(history.bytes / 1e6).toFixed(0)} MB in ${history.files.length} files; backfilling`);
    const prom = await startPrometheus({ blocksFrom: history.files, baseDir: dir, keepDir: args.keep, log: progress });
    let bytes = 0;
    const client = new PrometheusClient({ url: prom.url, timeoutMs: 300_000, retries: 0, maxSockets: concurrency, observe: (e) => (bytes += e.responseBytes ?? 0) });
    try {
      const version = (await client.buildInfo()).version;
      progress(`${slas} SLAs: Prometheus ${version} ready, ${prom.blocks.length} blocks`);
      const rows: Row[] = [];
      for (const kind of ["full", "incremental"] as const) {
        const start = startOf[kind];
        checkIdentical(objectives, await naiveCycle(client, objectives, start), await batchedCycle(client, objectives, start), start);
        const pair: Row[] = (["naive", "batched"] as const).map((plan) => ({ slas, objectives: objectives.length, kind, plan, queries: 0, wallMs: [], bytes: 0 }));
        for (let c = 0; c < cyclesOf[kind]; c++) {
          for (const row of pair) {
            bytes = 0;
            const t = performance.now();
            const cycle = row.plan === "naive" ? await naiveCycle(client, objectives, start) : await batchedCycle(client, objectives, start);
            row.wallMs.push(performance.now() - t);
            row.queries = cycle.queries;
            row.bytes = bytes;
          }
          progress(`${slas} SLAs, ${kind} cycle ${c + 1}/${cyclesOf[kind]}: ${pair.map((r) => `${r.plan} ${r.queries} queries ${(r.wallMs.at(-1) as number).toFixed(0)} ms`).join(", ")}`);
        }
        rows.push(...pair);
      }
      return rows;
    } finally {
      client.close();
      await prom.stop();
    }
  } finally {
    if (!args.keep) rmSync(dir, { recursive: true, force: true });
  }
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

const rows: Row[] = [];
for (const size of sizes) rows.push(...(await measure(size)));

const header = ["SLAs", "objectives", "cycle", "plan", "queries/cycle", "wall time/cycle (median)", "min – max", "received/cycle", "speed-up"];
const table = rows.map((r) => {
  const naive = rows.find((x) => x.slas === r.slas && x.kind === r.kind && x.plan === "naive") as Row;
  return [
    String(r.slas), String(r.objectives), r.kind, r.plan, String(r.queries),
    `${(median(r.wallMs) / 1000).toFixed(3)} s`,
    `${(Math.min(...r.wallMs) / 1000).toFixed(3)} – ${(Math.max(...r.wallMs) / 1000).toFixed(3)} s`,
    `${(r.bytes / 1e6).toFixed(2)} MB`,
    r.plan === "batched" ? `${(median(naive.wallMs) / median(r.wallMs)).toFixed(1)}×` : "",
  ];
});
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => (row[i] as string).length)));
const line = (cells: readonly string[]) => cells.map((c, i) => c.padEnd(widths[i] as number)).join("  ").trimEnd();
const [load1, load5] = loadavg();
console.log(`\nOne evaluation cycle per row: ${objectivesPerSla} objectives per SLA, SLAs in ${namespaces} namespaces; per objective its 5-minute tiles`);
console.log(`(errors and events) and current ratios. full: tiles of the last ${days} days (${days * 288 + 1} points per series, median of ${cyclesOf.full});`);
console.log(`incremental: tiles of the last 15 minutes (median of ${cyclesOf.incremental}). Concurrency ${concurrency}; ${availableParallelism()} CPUs shared with`);
console.log(`Prometheus and whatever else runs (load average ${load1?.toFixed(1)} / ${load5?.toFixed(1)} at the end). Results of both plans checked identical.\n`);
console.log(line(header));
console.log(line(widths.map((w) => "-".repeat(w))));
for (const row of table) console.log(line(row));
