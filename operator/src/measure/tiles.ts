// Reading what the budget engine measures from Prometheus: every objective's recorded tiles over
// the range an evaluation needs, for many SLAs at once, with a constant number of queries.
//
// 1. 5-minute tiles (sla:sli_errors:tile5m / sla:sli_events:tile5m) at a 5-minute step for the
//    whole range, through fetchObjectiveSeries (2·chunks + 1 queries, whatever the SLA count).
// 2. Only when some objective's 5-minute tiles start later than the range it needs (older tiles
//    gone, e.g. a downsampled or shorter-retention store), hourly tiles (tile1h, 1h step) for those
//    objectives, used only before their first 5-minute tile: one more batched fetch.
//
// With a SampleCache (the operator keeps one across cycles), objectives read before are read only
// from a little before where the last read ended (3 tiles, for tiles recorded late), and the rest
// comes from the cache: a cycle of a month-long period moves minutes of tiles, not a month. New
// objectives, objectives whose range grew backwards, and every objective once its full read is
// older than an hour are read in full. Each group is one batched fetch: a cycle sends at most
// three (full, hourly fallback, incremental), whatever the number of SLAs.
//
// The grid is aligned to whole 5 minutes (and whole hours for hourly tiles) in UTC: the step at t
// reads the last tile recorded in (t - step, t] and stands for [t - step, t), so steps never
// straddle a period boundary or a maintenance window that starts on a 5-minute mark.
import {
  fetchObjectiveSeries, type FetchObjectiveSeriesRequest, type ObjectiveRef, type ObjectiveSeries, type PrometheusClient,
} from "../adapters/prometheus/index.js";
import { samplesFromRates, type Point, type Sample } from "../compile/budget/index.js";

export const tileStepSeconds = 300;
export const hourStepSeconds = 3600;

/** One objective's need: its identity and the earliest time its evaluation reads. */
export interface SampleRequest extends ObjectiveRef {
  readonly start: number;
}

/** What was read for one objective. */
export interface ObjectiveSamples {
  readonly samples: readonly Sample[];
  /** Whether any tile series of the objective answered in the range. */
  readonly hasSeries: boolean;
  /** Whether hourly tiles filled in older data. */
  readonly hourly: boolean;
  /** Labels of its most recent series (service, spec.labels). */
  readonly labels: Readonly<Record<string, string>>;
}

/** Samples read in earlier cycles, per objective. */
export interface SampleCache {
  readonly entries: Map<string, CacheEntry>;
  /** Read everything again once the last full read is this old. */
  readonly refreshMs: number;
  /** Re-read this much before where the last read ended. */
  readonly overlapMs: number;
}

interface CacheEntry {
  readonly read: ObjectiveSamples;
  /** The range the samples cover: from the objective's start to the end of the last read. */
  readonly from: number;
  readonly until: number;
  readonly fullAt: number;
}

/** An empty cache: full reads every hour by default, re-reading the last 15 minutes of each incremental read. */
export function createSampleCache(options: { readonly refreshMs?: number; readonly overlapMs?: number } = {}): SampleCache {
  return { entries: new Map(), refreshMs: options.refreshMs ?? 3_600_000, overlapMs: options.overlapMs ?? 900_000 };
}

export interface FetchOptions {
  readonly namespaces?: readonly string[] | "all" | undefined;
  readonly concurrency?: number | undefined;
  readonly maxSamplesPerQuery?: number | undefined;
  readonly signal?: AbortSignal | undefined;
  readonly timeoutMs?: number | undefined;
  /** Keep samples across calls and read only what is new (see the top of this file). */
  readonly cache?: SampleCache | undefined;
}

export interface FetchedSamples {
  /** Keyed by objectiveKey(namespace, sla, objective). */
  readonly byObjective: ReadonlyMap<string, ObjectiveSamples>;
  readonly queries: number;
  readonly warnings: readonly string[];
}

export const objectiveKey = (namespace: string, sla: string, objective: string): string => `${namespace}/${sla}/${objective}`;

const floorTo = (ms: number, stepSeconds: number) => Math.floor(ms / (stepSeconds * 1000)) * stepSeconds * 1000;
const points = (series: ObjectiveSeries | undefined, which: "errors" | "events"): Point[] =>
  (series?.[which] ?? []).map((s) => [s.timeMs, s.value] as const);

/** Reads the tiles of every requested objective over [its start, end]; see the top of this file. */
export async function fetchSamples(client: PrometheusClient, requests: readonly SampleRequest[], end: number, options: FetchOptions = {}): Promise<FetchedSamples> {
  const cache = options.cache;
  if (cache === undefined) return fetchFull(client, requests, end, options);
  const fineEnd = floorTo(end, tileStepSeconds);
  const fresh: SampleRequest[] = [];
  const known: { ref: SampleRequest; entry: CacheEntry; from: number }[] = [];
  for (const ref of requests) {
    const key = objectiveKey(ref.namespace, ref.sla, ref.objective);
    const entry = cache.entries.get(key);
    const start = floorTo(ref.start, tileStepSeconds);
    if (entry && entry.from <= start && entry.until <= fineEnd && fineEnd - entry.fullAt < cache.refreshMs) {
      known.push({ ref, entry, from: Math.max(start, entry.until - cache.overlapMs) });
    } else {
      fresh.push(ref);
    }
  }
  const wanted = new Set(requests.map((r) => objectiveKey(r.namespace, r.sla, r.objective)));
  for (const key of [...cache.entries.keys()]) if (!wanted.has(key)) cache.entries.delete(key);

  const [full, recent] = await Promise.all([
    fetchFull(client, fresh, end, options),
    fetchFull(client, known.map((k) => ({ ...k.ref, start: k.from })), end, { ...options, hourlyFallback: false }),
  ]);
  const byObjective = new Map<string, ObjectiveSamples>();
  for (const ref of fresh) {
    const key = objectiveKey(ref.namespace, ref.sla, ref.objective);
    const read = full.byObjective.get(key);
    if (!read) continue;
    byObjective.set(key, read);
    cache.entries.set(key, { read, from: floorTo(ref.start, tileStepSeconds), until: fineEnd, fullAt: fineEnd });
  }
  for (const { ref, entry, from } of known) {
    const key = objectiveKey(ref.namespace, ref.sla, ref.objective);
    const update = recent.byObjective.get(key);
    const start = floorTo(ref.start, tileStepSeconds);
    // Keep what ended before the re-read part, and what still lies in the objective's range.
    const kept = entry.read.samples.filter((s) => s.end < from && s.end > start);
    const read: ObjectiveSamples = {
      samples: [...kept, ...(update?.samples ?? [])],
      hasSeries: entry.read.hasSeries || (update?.hasSeries ?? false),
      hourly: entry.read.hourly && kept.length > 0,
      labels: update && Object.keys(update.labels).length > 0 ? update.labels : entry.read.labels,
    };
    byObjective.set(key, read);
    cache.entries.set(key, { read, from: start, until: fineEnd, fullAt: entry.fullAt });
  }
  return { byObjective, queries: full.queries + recent.queries, warnings: [...new Set([...full.warnings, ...recent.warnings])] };
}

async function fetchFull(client: PrometheusClient, requests: readonly SampleRequest[], end: number, options: FetchOptions & { readonly hourlyFallback?: boolean }): Promise<FetchedSamples> {
  const byObjective = new Map<string, ObjectiveSamples>();
  if (requests.length === 0) return { byObjective, queries: 0, warnings: [] };
  const common = (objectives: readonly ObjectiveRef[], start: number, stepEnd: number, tiles: "5m" | "1h"): FetchObjectiveSeriesRequest => ({
    objectives, start, end: stepEnd, tiles,
    ...(options.namespaces === undefined ? {} : { namespaces: options.namespaces }),
    ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
    ...(options.maxSamplesPerQuery === undefined ? {} : { maxSamplesPerQuery: options.maxSamplesPerQuery }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
  });
  const fineEnd = floorTo(end, tileStepSeconds);
  const earliest = Math.min(...requests.map((r) => r.start));
  // Each objective's own start is rounded down to the grid, so its first step is whole.
  const refs = requests.map((r) => ({ ...r, start: Math.min(fineEnd, floorTo(r.start, tileStepSeconds)) }));
  const fine = await fetchObjectiveSeries(client, common(refs, Math.min(fineEnd, floorTo(earliest, tileStepSeconds)), fineEnd, "5m"));
  let queries = fine.queries;
  const warnings = [...fine.warnings];

  const gaps: { ref: SampleRequest; until: number }[] = [];
  const fineSamples = new Map<string, Sample[]>();
  for (const ref of refs) {
    const series = fine.get(ref.namespace, ref.sla, ref.objective);
    const samples = samplesFromRates(points(series, "errors"), points(series, "events"), tileStepSeconds);
    fineSamples.set(objectiveKey(ref.namespace, ref.sla, ref.objective), samples);
    const first = samples[0]?.start ?? fineEnd;
    // More than one tile missing at the start: ask for hourly tiles.
    if (options.hourlyFallback !== false && first - ref.start > tileStepSeconds * 1000) gaps.push({ ref, until: first });
  }

  const coarse = new Map<string, ObjectiveSeries>();
  if (gaps.length > 0) {
    const coarseEnd = floorTo(Math.max(...gaps.map((g) => g.until)), hourStepSeconds);
    const coarseRefs = gaps.map((g) => ({ ...g.ref, start: Math.min(coarseEnd, floorTo(g.ref.start, hourStepSeconds)) }));
    const coarseStart = Math.min(...coarseRefs.map((r) => r.start));
    if (coarseEnd > coarseStart) {
      const answer = await fetchObjectiveSeries(client, common(coarseRefs, coarseStart, coarseEnd, "1h"));
      queries += answer.queries;
      warnings.push(...answer.warnings);
      for (const r of coarseRefs) {
        const s = answer.get(r.namespace, r.sla, r.objective);
        if (s) coarse.set(objectiveKey(r.namespace, r.sla, r.objective), s);
      }
    }
  }

  const gapUntil = new Map(gaps.map((g) => [objectiveKey(g.ref.namespace, g.ref.sla, g.ref.objective), g.until]));
  for (const ref of refs) {
    const key = objectiveKey(ref.namespace, ref.sla, ref.objective);
    const fineSeries = fine.get(ref.namespace, ref.sla, ref.objective);
    const own = fineSamples.get(key) ?? [];
    const hourlySeries = coarse.get(key);
    const until = gapUntil.get(key) ?? -Infinity;
    const older = hourlySeries
      ? samplesFromRates(points(hourlySeries, "errors"), points(hourlySeries, "events"), hourStepSeconds).filter((s) => s.end <= until && s.end > ref.start)
      : [];
    const hasSeries = (fineSeries?.events.length ?? 0) + (fineSeries?.errors.length ?? 0) + (hourlySeries?.events.length ?? 0) > 0;
    const fineLabels = fineSeries?.labels ?? {};
    byObjective.set(key, {
      samples: older.length > 0 ? [...older, ...own] : own,
      hasSeries,
      hourly: older.length > 0,
      labels: Object.keys(fineLabels).length > 0 ? fineLabels : hourlySeries?.labels ?? {},
    });
  }
  return { byObjective, queries, warnings: [...new Set(warnings)] };
}
