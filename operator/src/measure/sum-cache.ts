// Sums kept between measurement cycles, so that a cycle reads a few partial hours per objective
// instead of whole periods.
//
// Every range the measurement needs ([period start, now), [now - 3d, now), ...) is split at whole
// hours: the middle, from the first whole hour in it to the last whole hour that is settled
// (15 minutes old, so tiles recorded late are in), is kept here with its sums and, for the period,
// its bad steps; the parts before and after it are read live every cycle. When the hours move on,
// the kept middle moves with them: the hours that entered it are added and those that left it
// (a rolling range's start moves too) are subtracted, each read as sums over whole hours. A kept
// middle that cannot be moved (a new objective, a changed spec, a range that jumped: a new
// calendar period) is read whole once, and every middle is read whole again once a day, so float
// rounding cannot pile up.
import { addSums, noSums, subtractSums, type ObjectiveRef, type SumRequest, type TileSums, type BadStepRequest } from "./tile-sums.js";
import type { Interval } from "../compile/budget/index.js";

const hourMs = 3_600_000;
const settleMs = 15 * 60_000;
const refreshMs = 24 * hourMs;

interface Kept {
  readonly stamp: string;
  start: number;
  end: number;
  sums: TileSums;
  /** Bad steps in [start, end), for the period only. */
  bad: Interval[];
  fullAt: number;
}

/** Sums kept across cycles, per objective and range. */
export interface SumCache {
  readonly entries: Map<string, Kept>;
  /** Where each late objective's 5-minute tiles begin (undefined: none), and when that was read. */
  readonly firstTiles: Map<string, { readonly stamp: string; readonly readAt: number; readonly first: number | undefined }>;
}

/** An empty cache. */
export function createSumCache(): SumCache {
  return { entries: new Map(), firstTiles: new Map() };
}

/** What the cache needs to know of an objective's plan. */
export interface CachePlan {
  readonly key: string;
  readonly ref: ObjectiveRef;
  /** Changes when anything that shapes its sums changes (maintenance, budget, period). */
  readonly stamp: string;
  readonly elapsed: Interval;
  readonly windows: ReadonlyMap<number, Interval>;
}

interface Move {
  readonly plan: CachePlan;
  readonly purpose: string;
  readonly id: string;
  readonly target: Interval;
  /** Read the whole target, or add [add) and subtract [sub). */
  readonly full: boolean;
  readonly add: Interval | undefined;
  readonly sub: Interval | undefined;
}

/** One cycle's use of the cache: which ranges to read live, which to read to move the kept middles, and the kept sums. */
export interface CachedRanges {
  /** The parts of a range read live this cycle: the range less its kept middle. */
  liveRanges(key: string, purpose: string, range: Interval): Interval[];
  /** Reads that move the kept middles (ids `<key>#<purpose>@full|@add|@sub`); counted() cuts maintenance out. */
  updateRequests(counted: (plan: CachePlan, range: Interval) => Interval[]): SumRequest[];
  /** Takes in the answers of updateRequests. */
  absorb(sums: ReadonlyMap<string, TileSums>): void;
  /** The kept middle's sums (after absorb). */
  keptSums(key: string, purpose: string): TileSums;
  /** Ranges of the elapsed period whose bad steps are read live. */
  liveBadRanges(key: string, elapsed: Interval): Interval[];
  /** Bad-step reads that move the period's kept middle. */
  badUpdateRequests(threshold: (plan: CachePlan) => number): BadStepRequest[];
  /** Takes in the answers of badUpdateRequests. */
  absorbBad(bad: ReadonlyMap<string, readonly Interval[]>): void;
  /** The bad steps of the period's kept middle. */
  keptBad(key: string): readonly Interval[];
}

/** Plans a cycle's use of the cache for the objectives measured at `now`; entries of objectives not measured are dropped. */
export function planCachedRanges(cache: SumCache, plans: readonly (CachePlan & { readonly at: number })[], now: number): CachedRanges {
  const moves = new Map<string, Move>();
  const settled = Math.floor((now - settleMs) / hourMs) * hourMs;
  const used = new Set<string>();
  for (const plan of plans) {
    const purposes: [string, Interval][] = [["period", plan.elapsed], ...[...plan.windows].map(([w, i]) => [`w${w}`, i] as [string, Interval])];
    for (const [purpose, range] of purposes) {
      const id = `${plan.key}#${purpose}`;
      used.add(id);
      const target = { start: Math.ceil(range.start / hourMs) * hourMs, end: Math.min(settled, Math.floor(range.end / hourMs) * hourMs) };
      if (!(target.end > target.start)) {
        cache.entries.delete(id);
        continue;
      }
      const kept = cache.entries.get(id);
      const movable = kept !== undefined && kept.stamp === plan.stamp && now - kept.fullAt < refreshMs
        && target.start >= kept.start && target.end >= kept.end && target.start <= kept.end;
      moves.set(id, {
        plan, purpose, id, target, full: !movable,
        add: movable && target.end > kept.end ? { start: kept.end, end: target.end } : undefined,
        sub: movable && target.start > kept.start ? { start: kept.start, end: target.start } : undefined,
      });
    }
  }
  for (const id of [...cache.entries.keys()]) if (!used.has(id)) cache.entries.delete(id);
  const keys = new Set(plans.map((p) => p.key));
  for (const key of [...cache.firstTiles.keys()]) if (!keys.has(key)) cache.firstTiles.delete(key);
  const middle = (id: string): Interval | undefined => moves.get(id)?.target;
  return {
    liveRanges(key, purpose, range) {
      return around(range, middle(`${key}#${purpose}`));
    },
    updateRequests(counted) {
      const out: SumRequest[] = [];
      for (const move of moves.values()) {
        if (move.full) out.push({ id: `${move.id}@full`, ref: move.plan.ref, intervals: counted(move.plan, move.target) });
        if (move.add) out.push({ id: `${move.id}@add`, ref: move.plan.ref, intervals: counted(move.plan, move.add) });
        if (move.sub) out.push({ id: `${move.id}@sub`, ref: move.plan.ref, intervals: counted(move.plan, move.sub) });
      }
      return out;
    },
    absorb(sums) {
      for (const move of moves.values()) {
        const kept = cache.entries.get(move.id);
        if (move.full || !kept) {
          cache.entries.set(move.id, { stamp: move.plan.stamp, ...move.target, sums: sums.get(`${move.id}@full`) ?? noSums, bad: [], fullAt: now });
          continue;
        }
        let next = kept.sums;
        if (move.add) next = addSums(next, sums.get(`${move.id}@add`) ?? noSums);
        if (move.sub) next = subtractSums(next, sums.get(`${move.id}@sub`) ?? noSums);
        kept.sums = next;
        kept.start = move.target.start;
        kept.end = move.target.end;
      }
    },
    keptSums(key, purpose) {
      return cache.entries.get(`${key}#${purpose}`)?.sums ?? noSums;
    },
    liveBadRanges(key, elapsed) {
      return around(elapsed, middle(`${key}#period`));
    },
    badUpdateRequests(threshold) {
      const out: BadStepRequest[] = [];
      for (const move of moves.values()) {
        if (move.purpose !== "period") continue;
        const range = move.full ? move.target : move.add;
        if (range) out.push({ ref: move.plan.ref, thresholdRatio: threshold(move.plan), range });
      }
      return out;
    },
    absorbBad(bad) {
      for (const move of moves.values()) {
        if (move.purpose !== "period") continue;
        const kept = cache.entries.get(move.id);
        if (!kept) continue;
        const range = move.full ? move.target : move.add;
        const fresh = range ? (bad.get(move.plan.key) ?? []).filter((i) => i.end > range.start && i.start < range.end) : [];
        const start = move.target.start;
        kept.bad = [...kept.bad, ...fresh]
          .filter((i) => i.end > start)
          .map((i) => (i.start < start ? { start, end: i.end } : i))
          .map((i) => (i.end > move.target.end ? { start: i.start, end: move.target.end } : i))
          .filter((i) => i.end > i.start);
      }
    },
    keptBad(key) {
      return cache.entries.get(`${key}#period`)?.bad ?? [];
    },
  };
}

/** The parts of a range before and after its kept middle; the whole range when nothing is kept. */
function around(range: Interval, middle: Interval | undefined): Interval[] {
  if (!middle) return [range];
  return [{ start: range.start, end: middle.start }, { start: middle.end, end: range.end }].filter((r) => r.end > r.start);
}
