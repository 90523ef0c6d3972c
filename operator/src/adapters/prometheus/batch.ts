// Batched reads of the recorded SLA series: the evaluation cycle's number of queries does not
// grow with the number of SLAs.
//
// ## Query plan
//
// The rules compiled by compile/rules.ts record, per objective, series that carry the labels
// {sla_namespace, sla, objective} (plus service and spec.labels). Instead of asking for each
// objective's series (3 queries × N objectives: the naive plan), one cycle asks for every
// objective's series at once, selected by name and, when the operator watches few namespaces, by
// `sla_namespace=~"ns1|ns2"`, and splits the answer by (sla_namespace, sla, objective):
//
//   1. query_range  last_over_time(sla:sli_errors:tile5m{F}[5m])  [start, end] step 5m  } in C time
//   2. query_range  last_over_time(sla:sli_events:tile5m{F}[5m])  [start, end] step 5m  } chunks each
//   3. query        {__name__=~"sla:sli_error:ratio_rate.+|sla:sli_error:ratio_period|sla:error_budget:remaining",F} at end
//
// Each step t gets the last tile recorded in (t - 5m, t], i.e. every tile once (hourly tiles:
// step and window 1h). The instant query relies on the default 5-minute lookback: the ratios are
// recorded every 1 or 5 minutes.
//
//   queries per cycle = 2·C + 1, where
//   C = max(ceil(points / 11,000), ceil(points · N / maxSamplesPerQuery)),  points = (end - start) / step + 1
//
// Prometheus refuses range queries of more than 11,000 points per series (a quarter of 5-minute
// tiles is 26,497 points), so long ranges are cut into consecutive chunks on one step grid; the
// second term bounds the size of one answer (~25 bytes of JSON per sample) for large fleets over
// long ranges: a 31-day month (8,929 points) is one chunk for up to 111 objectives, a quarter three.
// N is estimated as the number of objectives asked for. Chunks run concurrently (4 by default).
// The grid is anchored at `end` (end, end - step, ...), so the newest tile is always read.
//
// With a single objective the selector is exact ({sla_namespace="..", sla="..", objective=".."}),
// so one function serves both a fleet-wide cycle and a one-off evaluation of one SLA.
//
// What it buys (bench/prometheus-batching, real Prometheus 2.42): reading only what is new since
// the last cycle (15 minutes of tiles) for 1,000 SLAs takes 3 queries instead of 6,000 and is ~8×
// faster. Reading a whole week of tiles, the time goes into moving and parsing the samples (the same
// ~200 MB either way), so batching saves queries (11 instead of 6,000), not much wall time: keep
// the tiles already read and ask for the new ones, or read hourly tiles (`tiles: "1h"`, 12× fewer
// samples) for the older part of a long period.
import { formatDuration } from "../../compile/duration.js";
import { series as recorded } from "../../compile/rules.js";
import { maxPointsPerSeries, type CallOptions, type MatrixAnswer, type PrometheusClient, type Range, type VectorAnswer } from "./client.js";
import type { Labels, MatrixSeries, Sample } from "./response.js";
import { mapConcurrent } from "../map-concurrent.js";

/** One objective of one SLA, as its recorded series are labelled. */
export interface ObjectiveRef {
  readonly namespace: string;
  readonly sla: string;
  readonly objective: string;
  /** Earliest time this objective needs tiles from (Unix ms or Date); default the request's start. */
  readonly start?: number | Date;
}

export interface FetchObjectiveSeriesRequest {
  readonly objectives: readonly ObjectiveRef[];
  /**
   * The range of tiles to read (Unix ms or Date); `end` is also the time of the instant query.
   * Range queries evaluate at end, end - step, ... back to the first point at or after start.
   */
  readonly start: number | Date;
  readonly end: number | Date;
  /** Step of the range queries; the tile interval (300 s, or 3600 s for hourly tiles) by default, so every tile is read once. */
  readonly stepSeconds?: number;
  /** Which tiles: 5-minute (default) or hourly. */
  readonly tiles?: "5m" | "1h";
  /**
   * Namespaces to select: a list, or "all" for no namespace matcher. Default: the objectives'
   * namespaces when there are at most 10 of them, else "all".
   */
  readonly namespaces?: readonly string[] | "all";
  /** Upper bound of samples (series × points) per range answer. Default 1,000,000 (~30 MB of JSON). */
  readonly maxSamplesPerQuery?: number;
  /** Range chunks in flight at once. Default 4. */
  readonly concurrency?: number;
  readonly signal?: AbortSignal;
  /** Per-query timeout, overriding the client's. */
  readonly timeoutMs?: number;
}

export interface ObjectiveSeries {
  readonly namespace: string;
  readonly sla: string;
  readonly objective: string;
  /** Labels of the objective's most recent series (service, spec.labels), without __name__. Empty when none was found. */
  readonly labels: Labels;
  /** Error rate (errors per second) of each tile, in time order, from the objective's start. */
  readonly errors: readonly Sample[];
  /** Event rate (events per second) of each tile; for time-based indicators 1. */
  readonly events: readonly Sample[];
  /** Error ratios at `end` by window: "5m", "1h", "3d", ... and "period". */
  readonly ratios: Readonly<Record<string, number>>;
  /** sla:error_budget:remaining at `end` (1 = untouched, 0 = spent, negative = overspent). */
  readonly budgetRemaining: number | undefined;
}

export interface ObjectiveSeriesResult {
  /** One entry per requested objective, in request order; series not found are empty. */
  readonly series: readonly ObjectiveSeries[];
  /** Queries issued (range chunks and the instant query); retries not counted. */
  readonly queries: number;
  /** Series in the answers that belong to no requested objective (other namespaces, deleted SLAs). */
  readonly ignoredSeries: number;
  readonly warnings: readonly string[];
  /** Looks an objective up. */
  get(namespace: string, sla: string, objective: string): ObjectiveSeries | undefined;
}

export interface PlannedQuery {
  readonly kind: "range" | "instant";
  /** For range queries: which tile series. */
  readonly metric?: "errors" | "events";
  readonly query: string;
  readonly range?: Range;
  readonly timeMs?: number;
}

const defaults = { stepSeconds: 300, maxNamespacesInFilter: 10, maxSamplesPerQuery: 1_000_000, concurrency: 4 };
const ratioPrefix = recorded.ratio(1).slice(0, -formatDuration(1).length);

/** The queries of one cycle, in the order they are issued (see the plan at the top of this file). */
export function planObjectiveQueries(request: FetchObjectiveSeriesRequest): PlannedQuery[] {
  const { startMs, endMs, stepSeconds } = rangeOf(request);
  const filter = selectorFilter(request);
  const hourly = request.tiles === "1h";
  const tiles = hourly ? { errors: recorded.errorsTile1h, events: recorded.eventsTile1h } : { errors: recorded.errorsTile5m, events: recorded.eventsTile5m };
  // The last tile in (t - window, t] at each step t: found however Prometheus' lookback delta is
  // set (hourly tiles are never within its default 5 minutes of an arbitrary step).
  const window = formatDuration(Math.max(stepSeconds, hourly ? 3600 : 300));
  const seriesPerAnswer = Math.max(1, request.objectives.length);
  const maxSamples = request.maxSamplesPerQuery ?? defaults.maxSamplesPerQuery;
  const pointsPerChunk = Math.max(1, Math.min(maxPointsPerSeries, Math.floor(maxSamples / seriesPerAnswer)));
  const chunks = planRangeChunks(startMs, endMs, stepSeconds, pointsPerChunk);
  const plan: PlannedQuery[] = [];
  for (const metric of ["errors", "events"] as const) {
    for (const chunk of chunks) {
      plan.push({ kind: "range", metric, query: `last_over_time(${tiles[metric]}${braces(filter)}[${window}])`, range: { start: chunk.startMs, end: chunk.endMs, stepSeconds } });
    }
  }
  const names = [`${escapeRegex(ratioPrefix)}.+`, escapeRegex(recorded.ratioPeriod), escapeRegex(recorded.budgetRemaining)].join("|");
  plan.push({ kind: "instant", query: braces([`__name__=~${quote(names)}`, ...filter]), timeMs: endMs });
  return plan;
}

/**
 * Reads the tiles and current ratios of many objectives with a constant number of queries and
 * splits the answers per objective. See the query plan at the top of this file.
 */
export async function fetchObjectiveSeries(client: PrometheusClient, request: FetchObjectiveSeriesRequest): Promise<ObjectiveSeriesResult> {
  const plan = planObjectiveQueries(request);
  const options: CallOptions = {
    ...(request.signal ? { signal: request.signal } : {}),
    ...(request.timeoutMs !== undefined ? { timeoutMs: request.timeoutMs } : {}),
  };
  const answers = await mapConcurrent(plan, request.concurrency ?? defaults.concurrency, (q): Promise<MatrixAnswer | VectorAnswer> =>
    q.kind === "range" ? client.queryRange(q.query, q.range as Range, options) : client.queryVector(q.query, q.timeMs, options));

  const { startMs } = rangeOf(request);
  const entries = new Map<string, Entry>();
  for (const ref of request.objectives) {
    const k = key(ref.namespace, ref.sla, ref.objective);
    if (!entries.has(k)) entries.set(k, newEntry(ref, ref.start === undefined ? startMs : toMs(ref.start)));
  }
  const warnings: string[] = [];
  const ignored = new Set<string>();
  plan.forEach((q, i) => {
    const answer = answers[i];
    if (answer === undefined) return;
    warnings.push(...answer.warnings.map((w) => `${q.kind === "range" ? "query_range" : "query"} ${JSON.stringify(q.query)}: ${w}`));
    if (answer.resultType === "matrix") {
      for (const s of answer.result) {
        const entry = entryOf(entries, s.labels);
        if (entry === undefined) {
          ignored.add(seriesId(s.labels));
          continue;
        }
        (q.metric === "errors" ? entry.errors : entry.events).push(s);
        noteLabels(entry, s.labels, s.samples[s.samples.length - 1]?.timeMs ?? -Infinity);
      }
    } else {
      for (const s of answer.result) {
        const entry = entryOf(entries, s.labels);
        if (entry === undefined) {
          ignored.add(seriesId(s.labels));
          continue;
        }
        const name = s.labels["__name__"] ?? "";
        if (name === recorded.budgetRemaining) entry.budgetRemaining = s.sample.value;
        else if (name === recorded.ratioPeriod) entry.ratios["period"] = s.sample.value;
        else if (name.startsWith(ratioPrefix)) entry.ratios[name.slice(ratioPrefix.length)] = s.sample.value;
      }
    }
  });

  const byKey = new Map<string, ObjectiveSeries>();
  for (const [k, entry] of entries) byKey.set(k, finish(entry));
  const series = request.objectives.map((ref) => byKey.get(key(ref.namespace, ref.sla, ref.objective)) as ObjectiveSeries);
  return {
    series,
    queries: plan.length,
    ignoredSeries: ignored.size,
    warnings: [...new Set(warnings)],
    get: (namespace, sla, objective) => byKey.get(key(namespace, sla, objective)),
  };
}

/**
 * A range query over any length: cut into consecutive chunks of at most `maxPoints` points on the
 * same step grid (start, start+step, ...), run concurrently, and joined per series.
 */
export async function queryRangeChunked(
  client: PrometheusClient, query: string, range: Range,
  options: CallOptions & { readonly maxPoints?: number; readonly concurrency?: number } = {},
): Promise<{ readonly result: readonly MatrixSeries[]; readonly queries: number; readonly warnings: readonly string[] }> {
  const chunks = planRangeChunks(toMs(range.start), toMs(range.end), range.stepSeconds, options.maxPoints ?? maxPointsPerSeries);
  const call: CallOptions = { ...(options.signal ? { signal: options.signal } : {}), ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}) };
  const answers = await mapConcurrent(chunks, options.concurrency ?? defaults.concurrency, (c) =>
    client.queryRange(query, { start: c.startMs, end: c.endMs, stepSeconds: range.stepSeconds }, call));
  const joined = new Map<string, { labels: Labels; parts: MatrixSeries[] }>();
  for (const answer of answers) {
    for (const s of answer.result) {
      const id = seriesId(s.labels);
      const entry = joined.get(id) ?? { labels: s.labels, parts: [] };
      entry.parts.push(s);
      joined.set(id, entry);
    }
  }
  return {
    result: [...joined.values()].map((e) => ({ labels: e.labels, samples: e.parts.flatMap((p) => p.samples) })),
    queries: chunks.length,
    warnings: [...new Set(answers.flatMap((a) => a.warnings))],
  };
}

/** Consecutive, non-overlapping chunks of [startMs, endMs] on the grid start + k·step, each of at most `maxPoints` points. */
export function planRangeChunks(startMs: number, endMs: number, stepSeconds: number, maxPoints: number): Array<{ startMs: number; endMs: number }> {
  if (!(stepSeconds > 0)) throw new RangeError(`step must be positive: ${stepSeconds}`);
  if (endMs < startMs) throw new RangeError(`range ends (${new Date(endMs).toISOString()}) before it starts (${new Date(startMs).toISOString()})`);
  const stepMs = stepSeconds * 1000;
  const points = Math.floor((endMs - startMs) / stepMs) + 1;
  const per = Math.max(1, Math.floor(maxPoints));
  const chunks: Array<{ startMs: number; endMs: number }> = [];
  for (let first = 0; first < points; first += per) {
    const last = Math.min(points, first + per) - 1;
    chunks.push({ startMs: startMs + first * stepMs, endMs: startMs + last * stepMs });
  }
  return chunks;
}

/** The label matchers that narrow the cycle's queries: exact for one objective, by namespace for few. */
export function selectorFilter(request: Pick<FetchObjectiveSeriesRequest, "objectives" | "namespaces">): string[] {
  const objectives = request.objectives;
  const only = objectives.length === 1 ? objectives[0] : undefined;
  if (only !== undefined && request.namespaces === undefined) {
    return [`sla_namespace=${quote(only.namespace)}`, `sla=${quote(only.sla)}`, `objective=${quote(only.objective)}`];
  }
  const namespaces = request.namespaces ?? (() => {
    const distinct = [...new Set(objectives.map((o) => o.namespace))].sort();
    return distinct.length <= defaults.maxNamespacesInFilter ? distinct : "all";
  })();
  if (namespaces === "all") return [];
  if (namespaces.length === 0) return [`sla_namespace=""`]; // nothing requested: match nothing an SLA records
  const sorted = [...new Set(namespaces)].sort();
  return sorted.length === 1 ? [`sla_namespace=${quote(sorted[0] as string)}`] : [`sla_namespace=~${quote(sorted.map(escapeRegex).join("|"))}`];
}

// ---------------------------------------------------------------------------------------------

interface Entry {
  readonly ref: ObjectiveRef;
  readonly fromMs: number;
  readonly errors: MatrixSeries[];
  readonly events: MatrixSeries[];
  readonly ratios: Record<string, number>;
  budgetRemaining: number | undefined;
  labels: Labels;
  labelsAtMs: number;
}

function newEntry(ref: ObjectiveRef, fromMs: number): Entry {
  return { ref, fromMs, errors: [], events: [], ratios: {}, budgetRemaining: undefined, labels: {}, labelsAtMs: -Infinity };
}

function entryOf(entries: Map<string, Entry>, labels: Labels): Entry | undefined {
  const ns = labels["sla_namespace"];
  const sla = labels["sla"];
  const objective = labels["objective"];
  if (ns === undefined || sla === undefined || objective === undefined) return undefined;
  return entries.get(key(ns, sla, objective));
}

function noteLabels(entry: Entry, labels: Labels, atMs: number): void {
  if (atMs < entry.labelsAtMs) return;
  const { __name__: _name, ...rest } = labels;
  entry.labels = rest;
  entry.labelsAtMs = atMs;
}

function finish(entry: Entry): ObjectiveSeries {
  return {
    namespace: entry.ref.namespace,
    sla: entry.ref.sla,
    objective: entry.ref.objective,
    labels: entry.labels,
    errors: mergeSamples(entry.errors, entry.fromMs),
    events: mergeSamples(entry.events, entry.fromMs),
    ratios: entry.ratios,
    budgetRemaining: entry.budgetRemaining,
  };
}

/**
 * Joins the parts of one objective's series: consecutive time chunks, and, when its labels changed
 * within the range (a new spec.labels value starts a new series), several series; where those
 * overlap, the series that lasts longest wins. Samples before `fromMs` are dropped.
 */
function mergeSamples(parts: readonly MatrixSeries[], fromMs: number): readonly Sample[] {
  const only = parts.length === 1 ? parts[0] : undefined;
  if (only !== undefined && (only.samples[0]?.timeMs ?? fromMs) >= fromMs) return only.samples; // the common case: no copy
  const ids = new Set(parts.map((p) => seriesId(p.labels)));
  if (ids.size <= 1) {
    // Consecutive chunks of one series, in time order.
    const out: Sample[] = [];
    for (const part of parts) for (const sample of part.samples) if (sample.timeMs >= fromMs) out.push(sample);
    return out;
  }
  const bySeries = new Map<string, Sample[]>();
  for (const p of parts) {
    const id = seriesId(p.labels);
    bySeries.set(id, [...(bySeries.get(id) ?? []), ...p.samples]);
  }
  const lastTime = (samples: readonly Sample[]) => samples[samples.length - 1]?.timeMs ?? -Infinity;
  const ordered = [...bySeries.values()].sort((a, b) => lastTime(a) - lastTime(b));
  const merged = new Map<number, number>();
  for (const samples of ordered) for (const s of samples) if (s.timeMs >= fromMs) merged.set(s.timeMs, s.value);
  return [...merged.entries()].sort((a, b) => a[0] - b[0]).map(([timeMs, value]) => ({ timeMs, value }));
}

/**
 * The range all range queries share. Its grid is anchored at `end` (end, end - step, ...), so the
 * newest tile is always in the answer: anchored at `start`, the last grid point may fall up to a
 * step before `end` and miss a tile recorded in between.
 */
function rangeOf(request: FetchObjectiveSeriesRequest): { startMs: number; endMs: number; stepSeconds: number } {
  const own = request.objectives.flatMap((o) => (o.start === undefined ? [] : [toMs(o.start)]));
  const stepSeconds = request.stepSeconds ?? (request.tiles === "1h" ? 3600 : defaults.stepSeconds);
  const endMs = toMs(request.end);
  const earliest = Math.min(toMs(request.start), ...own);
  if (endMs < earliest) throw new RangeError(`range ends (${new Date(endMs).toISOString()}) before it starts (${new Date(earliest).toISOString()})`);
  const stepMs = stepSeconds * 1000;
  return { startMs: endMs - Math.floor((endMs - earliest) / stepMs) * stepMs, endMs, stepSeconds };
}

const key = (namespace: string, sla: string, objective: string) => `${namespace}\u0000${sla}\u0000${objective}`;
const toMs = (time: number | Date) => (typeof time === "number" ? time : time.getTime());
const seriesId = (labels: Labels) => JSON.stringify(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
const braces = (matchers: readonly string[]) => `{${matchers.join(",")}}`;
/** A PromQL string literal (double-quoted, JSON escapes are valid PromQL escapes). */
const quote = (text: string) => JSON.stringify(text);
const escapeRegex = (text: string) => text.replace(/[\\^$.*+?()[\]{}|]/g, "\\$&");
