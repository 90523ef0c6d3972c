// Sums of recorded tiles over exact time ranges, computed by Prometheus: what the measurement reads
// instead of the tiles themselves, so that what crosses the wire grows with the number of
// objectives, not with the length of their periods.
//
// A tile is a recorded per-second rate (sla:sli_errors:tile5m / sla:sli_events:tile5m, or the
// hourly tile1h) standing for its slot: the tile recorded in (t - step, t] stands for [t - step, t).
// For an interval [a, b) of counted time (maintenance already cut out):
// - the whole slots inside it, [A, B) with A = a rounded up and B = b rounded down to the step,
//   are summed by Prometheus: sum_over_time(tile[B - A - 1ms]) evaluated at B reads the tiles in
//   (A, B] (the 1 ms keeps Prometheus 2's closed left edge from reading the tile at A, which
//   belongs to the slot before);
// - a slot the interval covers only in part counts with that share, read as the slot's tile
//   (last_over_time(tile[step]) at the slot's end), as the budget engine weighs samples.
// Amounts are rate × step: events, or seconds for time-based indicators (whose events tile is 1).
//
// Requests that need the same range share one query, whatever the number of objectives; a query
// selects the objectives it serves by namespace (or, for a few SLAs, by name) and the answer is
// split by (sla_namespace, sla, objective). Errors, events and the count of tiles travel in one
// answer, told apart by a `sla_sum` label.
import { mapConcurrent, type CallOptions, type PrometheusClient } from "../adapters/prometheus/index.js";
import type { Labels } from "../adapters/prometheus/index.js";
import { series as recorded } from "../compile/rules.js";
import type { Interval } from "../compile/budget/index.js";

/** Tile sizes the rules record: 5-minute tiles, and hourly tiles for older data. */
export type TileStep = "5m" | "1h";
export const tileStepMs: Readonly<Record<TileStep, number>> = { "5m": 300_000, "1h": 3_600_000 };

/** One objective of one SLA, as its recorded series are labelled. */
export interface ObjectiveRef {
  readonly namespace: string;
  readonly sla: string;
  readonly objective: string;
}

/** Sums of one objective over some intervals. */
export interface TileSums {
  /** Bad amount: errors rate × step, summed. */
  readonly bad: number;
  /** Total amount: events rate × step, summed. */
  readonly total: number;
  /** Milliseconds of the intervals covered by a tile. */
  readonly coveredMs: number;
}

export interface SumRequest {
  /** Names the sums in the answer; several requests may read one objective. */
  readonly id: string;
  readonly ref: ObjectiveRef;
  /** Disjoint intervals of counted time, epoch ms. */
  readonly intervals: readonly Interval[];
}

export interface ReadOptions extends CallOptions {
  /** Queries in flight at once. Default 4. */
  readonly concurrency?: number;
  /** Namespaces a query may select by when it serves many SLAs; "all" for no namespace matcher. */
  readonly namespaces?: readonly string[] | "all";
}

/** What a read cost. */
export interface ReadCost {
  queries: number;
  samples: number;
  readonly warnings: Set<string>;
}

/** A fresh cost counter. */
export function newCost(): ReadCost {
  return { queries: 0, samples: 0, warnings: new Set() };
}

export const refKey = (r: ObjectiveRef): string => `${r.namespace}/${r.sla}/${r.objective}`;
const labelsKey = (labels: Labels): string | undefined => {
  const { sla_namespace: ns, sla, objective } = labels;
  return ns === undefined || sla === undefined || objective === undefined ? undefined : `${ns}/${sla}/${objective}`;
};

export const noSums: TileSums = { bad: 0, total: 0, coveredMs: 0 };

/** Adds two sums. */
export function addSums(a: TileSums, b: TileSums): TileSums {
  return { bad: a.bad + b.bad, total: a.total + b.total, coveredMs: a.coveredMs + b.coveredMs };
}

/** Subtracts b from a. */
export function subtractSums(a: TileSums, b: TileSums): TileSums {
  return { bad: a.bad - b.bad, total: a.total - b.total, coveredMs: a.coveredMs - b.coveredMs };
}

interface Part {
  readonly id: string;
  readonly key: string;
  readonly share: number;
}

interface Group {
  readonly start: number;
  readonly end: number;
  /** Objective key → request ids served. */
  readonly members: Map<string, string[]>;
}

/** Sums each request's tiles over its intervals (by request id); requests without tiles get zeros. */
export async function readTileSums(client: PrometheusClient, step: TileStep, requests: readonly SumRequest[], options: ReadOptions = {}, cost: ReadCost = newCost()): Promise<Map<string, TileSums>> {
  const stepMs = tileStepMs[step];
  const amount = stepMs / 1000;
  const whole = new Map<string, Group>();
  const partial = new Map<number, Part[]>();
  const refs = new Map<string, ObjectiveRef>();
  const out = new Map<string, TileSums>();
  for (const { id, ref, intervals } of requests) {
    const key = refKey(ref);
    refs.set(key, ref);
    out.set(id, noSums);
    for (const { start: a, end: b } of intervals) {
      if (!(b > a)) continue;
      const A = Math.ceil(a / stepMs) * stepMs;
      const B = Math.floor(b / stepMs) * stepMs;
      if (B < A) {
        // Inside one slot.
        addPartial(partial, A, { id, key, share: (b - a) / stepMs });
        continue;
      }
      if (a < A) addPartial(partial, A, { id, key, share: (A - a) / stepMs });
      if (b > B) addPartial(partial, B + stepMs, { id, key, share: (b - B) / stepMs });
      if (B === A) continue;
      const groupId = `${A}:${B}`;
      let group = whole.get(groupId);
      if (!group) whole.set(groupId, (group = { start: A, end: B, members: new Map() }));
      group.members.set(key, [...(group.members.get(key) ?? []), id]);
    }
  }
  const add = (id: string, sums: TileSums) => out.set(id, addSums(out.get(id) ?? noSums, sums));
  const names = tileNames(step);
  const jobs: (() => Promise<void>)[] = [];
  for (const group of whole.values()) {
    jobs.push(async () => {
      const filter = selector([...group.members.keys()].map((k) => refs.get(k) as ObjectiveRef), options.namespaces);
      const range = `${group.end - group.start - 1}ms`;
      const query = [
        tagged(`sum_over_time(${names.errors}${filter}[${range}])`, "errors"),
        tagged(`sum_over_time(${names.events}${filter}[${range}])`, "events"),
        tagged(`count_over_time(${names.events}${filter}[${range}])`, "count"),
      ].join(" or ");
      const answer = await client.queryVector(query, group.end, options);
      account(cost, query, answer.warnings, answer.result.length);
      for (const s of answer.result) {
        const key = labelsKey(s.labels);
        const ids = key === undefined ? undefined : group.members.get(key);
        const v = s.sample.value;
        if (ids === undefined || !Number.isFinite(v)) continue;
        const kind = s.labels["sla_sum"];
        const sums: TileSums = kind === "errors" ? { ...noSums, bad: Math.max(0, v) * amount }
          : kind === "events" ? { ...noSums, total: Math.max(0, v) * amount }
          : { ...noSums, coveredMs: v * stepMs };
        for (const id of ids) add(id, sums);
      }
    });
  }
  for (const [end, parts] of partial) {
    jobs.push(async () => {
      const keys = [...new Set(parts.map((p) => p.key))];
      const filter = selector(keys.map((k) => refs.get(k) as ObjectiveRef), options.namespaces);
      const query = [
        tagged(`last_over_time(${names.errors}${filter}[${step}])`, "errors"),
        tagged(`last_over_time(${names.events}${filter}[${step}])`, "events"),
      ].join(" or ");
      const answer = await client.queryVector(query, end, options);
      account(cost, query, answer.warnings, answer.result.length);
      const tiles = new Map<string, { errors?: number; events?: number }>();
      for (const s of answer.result) {
        const key = labelsKey(s.labels);
        if (key === undefined) continue;
        tiles.set(key, { ...tiles.get(key), [s.labels["sla_sum"] === "errors" ? "errors" : "events"]: s.sample.value });
      }
      for (const part of parts) {
        const tile = tiles.get(part.key);
        // As samplesFromRates: no events value is missing data; negative or non-finite values do not count.
        if (tile?.events === undefined || !Number.isFinite(tile.events) || tile.events < 0) continue;
        const total = tile.events * amount;
        const errors = tile.errors !== undefined && Number.isFinite(tile.errors) && tile.errors >= 0 ? tile.errors * amount : 0;
        add(part.id, { bad: Math.min(errors, total) * part.share, total: total * part.share, coveredMs: total > 0 ? part.share * stepMs : 0 });
      }
    });
  }
  await mapConcurrent(jobs, options.concurrency ?? 4, (job) => job());
  for (const [id, sums] of out) if (sums.bad > sums.total) out.set(id, { ...sums, bad: sums.total });
  return out;
}

const tileNames = (step: TileStep) => (step === "5m"
  ? { errors: recorded.errorsTile5m, events: recorded.eventsTile5m }
  : { errors: recorded.errorsTile1h, events: recorded.eventsTile1h });

function addPartial(partial: Map<number, Part[]>, slotEnd: number, part: Part): void {
  if (!(part.share > 0)) return;
  let list = partial.get(slotEnd);
  if (!list) partial.set(slotEnd, (list = []));
  list.push(part);
}

/** A bad-step read: each objective's threshold and the interval to look in. */
export interface BadStepRequest {
  readonly ref: ObjectiveRef;
  /** A step is bad when errors ÷ events exceeds this (or everything was bad). */
  readonly thresholdRatio: number;
  readonly range: Interval;
}

/**
 * The slots whose tiles were bad, [t - step, t) epoch ms, per objective, ascending: read by a
 * range query that Prometheus filters, so only bad steps cross the wire. Long ranges are screened
 * first, window by window: a window whose largest error tile is at most the threshold times its
 * smallest event tile cannot hold a bad step, so only the other windows are read step by step (a
 * quarter read step by step took Prometheus more than 30 s for 500 SLAs).
 */
export async function readBadSteps(client: PrometheusClient, step: TileStep, requests: readonly BadStepRequest[], options: ReadOptions = {}, cost: ReadCost = newCost()): Promise<Map<string, Interval[]>> {
  const stepMs = tileStepMs[step];
  const names = tileNames(step);
  const groups = new Map<string, { threshold: number; first: number; last: number; refs: ObjectiveRef[] }>();
  for (const r of requests) {
    // Slots [t - step, t) that overlap the range: t from the first grid point after its start to the one at or after its end.
    const first = Math.floor(r.range.start / stepMs) * stepMs + stepMs;
    const last = Math.ceil(r.range.end / stepMs) * stepMs;
    if (!(r.range.end > r.range.start) || last < first) continue;
    // A bad step is one whose ratio exceeds the threshold, or is everything (ratio 1).
    const threshold = Math.min(r.thresholdRatio, 1);
    const id = `${threshold}:${first}:${last}`;
    let group = groups.get(id);
    if (!group) groups.set(id, (group = { threshold, first, last, refs: [] }));
    group.refs.push(r.ref);
  }
  const out = new Map<string, Interval[]>(requests.map((r) => [refKey(r.ref), []]));
  const screenMs = badStepScreenMs[step];
  const jobs: (() => Promise<void>)[] = [];
  // Steps first..last (grid points) of these objectives, read in chunks: range queries hold at most 11,000 points per series.
  const readSteps = (group: { threshold: number }, refs: readonly ObjectiveRef[], first: number, last: number): void => {
    const wanted = new Set(refs.map(refKey));
    const filter = selector(refs, options.namespaces);
    const comparison = group.threshold >= 1 ? ">= 1" : `> ${group.threshold}`;
    const query = `last_over_time(${names.errors}${filter}[${step}]) / (last_over_time(${names.events}${filter}[${step}]) > 0) ${comparison}`;
    const maxPoints = 10_000;
    for (let from = first; from <= last; from += maxPoints * stepMs) {
      const to = Math.min(last, from + (maxPoints - 1) * stepMs);
      jobs.push(async () => {
        const answer = await client.queryRange(query, { start: from, end: to, stepSeconds: stepMs / 1000 }, options);
        account(cost, query, answer.warnings, answer.result.reduce((n, s) => n + s.samples.length, 0));
        for (const s of answer.result) {
          const key = labelsKey(s.labels);
          if (key === undefined || !wanted.has(key)) continue;
          const list = out.get(key) as Interval[];
          for (const sample of s.samples) list.push({ start: sample.timeMs - stepMs, end: sample.timeMs });
        }
      });
    }
  };
  const screens: (() => Promise<void>)[] = [];
  for (const group of groups.values()) {
    if (group.last - group.first < 2 * screenMs) {
      readSteps(group, group.refs, group.first, group.last);
      continue;
    }
    // Windows end at first - step + k·screen: on the step grid, so each step's lookback lies in one window.
    const filter = selector(group.refs, options.namespaces);
    const comparison = group.threshold >= 1 ? ">=" : ">";
    const query = `max_over_time(${names.errors}${filter}[${screenMs / 1000}s]) ${comparison} ${group.threshold} * min_over_time(${names.events}${filter}[${screenMs / 1000}s])`;
    const start = group.first - stepMs + screenMs;
    const end = start + Math.ceil((group.last - start) / screenMs) * screenMs;
    const wanted = new Map(group.refs.map((r) => [refKey(r), r]));
    screens.push(async () => {
      const candidates = new Map<number, ObjectiveRef[]>();
      for (let from = start; from <= end; from += 10_000 * screenMs) {
        const answer = await client.queryRange(query, { start: from, end: Math.min(end, from + 9_999 * screenMs), stepSeconds: screenMs / 1000 }, options);
        account(cost, query, answer.warnings, answer.result.reduce((n, s) => n + s.samples.length, 0));
        for (const s of answer.result) {
          const key = labelsKey(s.labels);
          const ref = key === undefined ? undefined : wanted.get(key);
          if (ref === undefined) continue;
          for (const sample of s.samples) candidates.set(sample.timeMs, [...(candidates.get(sample.timeMs) ?? []), ref]);
        }
      }
      for (const [windowEnd, refs] of candidates) {
        readSteps(group, refs, Math.max(group.first, windowEnd - screenMs + stepMs), Math.min(group.last, windowEnd));
      }
    });
  }
  await mapConcurrent(screens, options.concurrency ?? 4, (screen) => screen());
  await mapConcurrent(jobs, options.concurrency ?? 4, (job) => job());
  for (const [key, list] of out) {
    list.sort((a, b) => a.start - b.start);
    // A window boundary read twice (Prometheus 2.x closes range selectors on the left) gives a step twice.
    out.set(key, list.filter((i, n) => n === 0 || i.start !== (list[n - 1] as Interval).start));
  }
  return out;
}

// The window of the bad-step screen per tile size: a quarter of 5-minute tiles is 92 windows of
// 288 steps. Windows of 6 hours flag fewer series each but cost more queries, and at 1,000 SLAs
// their overhead dominated: more than 500 queries and no first cycle after 170 s, against 188
// queries and a first cycle in 135 s with days.
const badStepScreenMs: Readonly<Record<TileStep, number>> = { "5m": 86_400_000, "1h": 7 * 86_400_000 };

/**
 * The first tile of each objective at or after `start`, epoch ms of the slot it stands for, or
 * undefined when it has none before `end`: where hourly tiles must fill in older data. Found by
 * narrowing: the first day with a tile, then its first hour, then its first 5 minutes, each level
 * one instant query whose answer holds one sample per series (a range query of counts per hour
 * answered 54 MB for 1,000 SLAs over a quarter).
 */
export async function readFirstTiles(client: PrometheusClient, refs: readonly ObjectiveRef[], range: Interval, options: ReadOptions = {}, cost: ReadCost = newCost()): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (refs.length === 0) return out;
  const wanted = new Set(refs.map(refKey));
  // Per series, the end of the first slot of `stepMs` in the grid points [from, to] that holds a tile.
  const firstWith = async (stepMs: number, from: number, to: number, subset: readonly ObjectiveRef[]): Promise<Map<string, number>> => {
    const found = new Map<string, number>();
    const own = new Set(subset.map(refKey));
    // The subquery's points are the multiples of the step in (to - range, to]: half a step more than
    // from..to keeps `from` in whether the left end is closed (2.x) or open (3.x).
    const subRangeMs = to - from + stepMs / 2;
    const query = `min_over_time(timestamp(count_over_time(${recorded.eventsTile5m}${selector(subset, options.namespaces)}[${stepMs / 1000}s]))[${subRangeMs}ms:${stepMs / 1000}s])`;
    const answer = await client.queryVector(query, to, options);
    account(cost, query, answer.warnings, answer.result.length);
    for (const s of answer.result) {
      const key = labelsKey(s.labels);
      if (key !== undefined && own.has(key)) found.set(key, Math.round(s.sample.value * 1000));
    }
    return found;
  };
  const dayMs = 86_400_000;
  const levels = [dayMs, 3_600_000, tileStepMs["5m"]];
  // Slot ends still to narrow, each with the objectives whose first tile lies in the slot before it.
  let pending = new Map<number, ObjectiveRef[]>([[Math.ceil(range.end / dayMs) * dayMs, [...refs]]]);
  let spanMs = Math.ceil(range.end / dayMs) * dayMs - (Math.floor(range.start / dayMs) * dayMs + dayMs) + dayMs;
  for (const stepMs of levels) {
    const next = new Map<number, ObjectiveRef[]>();
    for (const [slotEnd, subset] of pending) {
      const found = await firstWith(stepMs, slotEnd - spanMs + stepMs, slotEnd, subset);
      for (const r of subset) {
        const first = found.get(refKey(r));
        if (first !== undefined) next.set(first, [...(next.get(first) ?? []), r]);
      }
    }
    pending = next;
    spanMs = stepMs;
  }
  for (const [slotEnd, subset] of pending) {
    for (const r of subset) {
      const key = refKey(r);
      if (wanted.has(key)) out.set(key, Math.max(range.start, slotEnd - tileStepMs["5m"]));
    }
  }
  return out;
}

function tagged(expr: string, kind: string): string {
  return `label_replace(${expr}, "sla_sum", "${kind}", "", "")`;
}

function account(cost: ReadCost, query: string, warnings: readonly string[], samples: number): void {
  cost.queries++;
  cost.samples += samples;
  for (const w of warnings) cost.warnings.add(`${query.slice(0, 120)}: ${w}`);
}

const maxNamesInSelector = 64;

/**
 * Label matchers for the objectives a query serves: by SLA name when they are few, else by
 * namespace (and the answer is filtered), so a query stays short whatever the fleet's size.
 */
export function selector(refs: readonly ObjectiveRef[], namespaces: readonly string[] | "all" | undefined): string {
  const slas = [...new Set(refs.map((r) => `${r.namespace}/${r.sla}`))].sort();
  const byNamespace = new Map<string, string[]>();
  for (const key of slas) {
    const slash = key.indexOf("/");
    const ns = key.slice(0, slash);
    byNamespace.set(ns, [...(byNamespace.get(ns) ?? []), key.slice(slash + 1)]);
  }
  if (slas.length <= maxNamesInSelector && byNamespace.size === 1) {
    const [ns, names] = [...byNamespace][0] as [string, string[]];
    return `{sla_namespace=${quote(ns)},sla=~${quote(names.map(escapeRegex).join("|"))}}`;
  }
  const chosen = namespaces ?? ([...byNamespace.keys()].length <= 10 ? [...byNamespace.keys()].sort() : "all");
  if (chosen === "all" || chosen.length === 0) return `{sla_namespace!=""}`;
  return chosen.length === 1 ? `{sla_namespace=${quote(chosen[0] as string)}}` : `{sla_namespace=~${quote([...chosen].sort().map(escapeRegex).join("|"))}}`;
}


const quote = (text: string) => JSON.stringify(text);
const escapeRegex = (text: string) => text.replace(/[\\^$.*+?()[\]{}|]/g, "\\$&");
