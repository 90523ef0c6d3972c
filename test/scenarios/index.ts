// Synthetic histories with answers known in advance, for the operator's evaluation and for
// `slactl report`. Each scenario is an SLA (the YAML object), weeks of the RECORDED tile series
// the generated rules would have written for it (sla:sli_errors:tile5m / sla:sli_events:tile5m,
// and tile1h where a scenario needs them, with the labels rules.ts puts on them: the operator's
// contract with Prometheus), the instant to evaluate at, and the figures it must report.
//
// The expected figures are computed here by plain arithmetic over the generated counts
// (tally.ts), never by the budget engine; the comment on each scenario gives them in closed form.
//
//   const writer = await OpenMetricsWriter.create(file);
//   for (const s of scenarios()) await s.write(writer);
//   await writer.close();
//   const prom = await startPrometheus({ blocksFrom: file });
//   // evaluate s.sla at s.now (over s.period when given) and compare with s.expected
//
// Tiles sit on the 5-minute grid (hourly tiles on the hour), the tile at t standing for [t - 5m, t).
import type { OpenMetricsWriter } from "../prometheus/openmetrics.js";
import { seriesText } from "../prometheus/openmetrics.js";
import { averageOfRatios, expectedFigures, type ObjectiveFigures, type Span, type Step } from "./tally.js";

export type { ObjectiveFigures, Span, Step } from "./tally.js";
export { tally, expectedFigures, averageOfRatios, countable } from "./tally.js";

export type ScenarioState = "Compliant" | "AtRisk" | "Breached" | "NoData";

/** The figures a scenario must produce. Percentages are exact (unrounded); compare to 0.01 points. */
export interface ScenarioExpectation {
  readonly state: ScenarioState;
  /** The contract period evaluated, epoch ms ([start, end); a rolling period ends at now). */
  readonly period: Span;
  /** Worst objective's attained level; absent unless every objective has data. */
  readonly compliance?: number;
  /** Smallest remaining budget of the objectives; absent unless every objective has data. */
  readonly budgetRemaining?: number;
  /** Credit owed at that compliance, percent of the fee; absent when compliance is. */
  readonly credit?: number;
  /** Per objective name. */
  readonly objectives: Readonly<Record<string, ExpectedObjective>>;
}

export interface ExpectedObjective extends ObjectiveFigures {
  readonly state: ScenarioState;
  /** Target in percent. */
  readonly target: number;
  /** False when the objective has no recorded series at all (MetricsAvailable=False, NoSeries). */
  readonly hasSeries: boolean;
  /** Uneven traffic only: the mean of per-tile good ratios, which is NOT what must be reported. */
  readonly averageOfRatios?: number;
}

export interface Scenario {
  /** Also the SLA's name. */
  readonly name: string;
  readonly namespace: string;
  readonly description: string;
  /** The ServiceLevelAgreement as YAML would give it: apiVersion, kind, metadata, spec. */
  readonly sla: { readonly apiVersion: string; readonly kind: string; readonly metadata: { readonly name: string; readonly namespace: string }; readonly spec: Record<string, unknown> };
  /** The evaluation instant, epoch ms. */
  readonly now: number;
  /** A period label to evaluate ("2026-10") instead of the period containing now. */
  readonly period?: string;
  /** Maintenance as UTC spans, written out independently of the SLA's cron expressions. */
  readonly maintenance: readonly Span[];
  /** What each objective's tiles stand for, per objective: the data the answers are computed from. */
  readonly truth: Readonly<Record<string, readonly Step[]>>;
  readonly expected: ScenarioExpectation;
  /** Writes the recorded tile series of the scenario (append to a shared writer; close it yourself). */
  write(writer: OpenMetricsWriter): Promise<void>;
}

export const minute = 60_000;
export const hour = 60 * minute;
export const day = 24 * hour;
const tile = 5 * minute;

/** The default evaluation instant of the scenarios that are not tied to a calendar: Friday 2026-11-20 12:00 UTC. */
export const defaultNow = Date.UTC(2026, 10, 20, 12);
export const defaultNamespace = "scenarios";

/** One recorded series pair of an objective: tiles of `stepMs` at from, from + step, ..., to. */
interface TileHistory {
  readonly objective: string;
  readonly stepMs: number;
  readonly from: number;
  readonly to: number;
  /** Errors and events per second over [t - step, t); undefined: no tile at t. */
  readonly rates: (t: number) => { readonly errors: number; readonly events: number } | undefined;
}

const stepsOf = (h: TileHistory): Step[] => {
  const out: Step[] = [];
  for (let t = h.from; t <= h.to; t += h.stepMs) {
    const r = h.rates(t);
    if (r) out.push({ start: t - h.stepMs, end: t, bad: r.errors * (h.stepMs / 1000), total: r.events * (h.stepMs / 1000) });
  }
  return out;
};

/**
 * What the evaluation reads for an objective: its 5-minute tiles, and hourly tiles only for the
 * time before the first 5-minute tile (the documented fallback for older data).
 */
function truthOf(histories: readonly TileHistory[], objective: string): Step[] {
  const own = histories.filter((h) => h.objective === objective);
  const fine = own.filter((h) => h.stepMs === tile).flatMap(stepsOf);
  const first = fine.reduce((m, s) => Math.min(m, s.start), Infinity);
  const coarse = own.filter((h) => h.stepMs === hour).flatMap(stepsOf).filter((s) => s.end <= first);
  return [...coarse, ...fine].sort((a, b) => a.start - b.start);
}

const ratio = (job: string) => ({
  ratio: {
    errors: `sum(rate(http_requests_total{job="${job}",code=~"5.."}[{{window}}]))`,
    total: `sum(rate(http_requests_total{job="${job}"}[{{window}}]))`,
  },
});
export const standardCredits = [{ below: 99.9, credit: 10 }, { below: 99, credit: 25 }, { below: 95, credit: 100 }];

/** The credit of the tier with the lowest threshold that compliance is below; 0 when none. */
function creditAt(tiers: readonly { below: number; credit: number }[], compliance: number): number {
  const matching = tiers.filter((t) => compliance < t.below).sort((a, b) => a.below - b.below);
  return matching[0]?.credit ?? 0;
}

interface Build {
  readonly name: string;
  readonly namespace: string;
  readonly description: string;
  readonly spec: Record<string, unknown>;
  readonly now: number;
  readonly period?: string;
  readonly periodSpan: Span;
  readonly maintenance?: readonly Span[];
  readonly histories: readonly TileHistory[];
  /** State per objective and for the SLA, decided by hand (the comment of each scenario says why). */
  readonly states: Readonly<Record<string, ScenarioState>> & { readonly sla: ScenarioState };
  readonly extra?: (objective: string, steps: readonly Step[]) => Partial<ExpectedObjective>;
}

function build(b: Build): Scenario {
  const spec: Record<string, unknown> = { service: b.name, owner: "team-sre", ...b.spec };
  const objectives = spec["objectives"] as { name: string; target: number }[];
  const labels = spec["labels"] as Record<string, string> | undefined;
  const maintenance = b.maintenance ?? [];
  const truth: Record<string, Step[]> = {};
  const expectedObjectives: Record<string, ExpectedObjective> = {};
  for (const o of objectives) {
    const steps = truthOf(b.histories, o.name);
    truth[o.name] = steps;
    const figures = expectedFigures({ steps, period: b.periodSpan, now: b.now, target: o.target, maintenance });
    expectedObjectives[o.name] = {
      ...figures, target: o.target, state: b.states[o.name] ?? "NoData",
      hasSeries: b.histories.some((h) => h.objective === o.name), ...(b.extra?.(o.name, steps) ?? {}),
    };
  }
  const all = Object.values(expectedObjectives);
  const measured = all.every((o) => o.attained !== undefined);
  const compliance = measured ? Math.min(...all.map((o) => o.attained as number)) : undefined;
  const credits = (spec["credits"] as { below: number; credit: number }[] | undefined) ?? [];
  const sla = { apiVersion: "servicelevel.dev/v1alpha1", kind: "ServiceLevelAgreement", metadata: { name: b.name, namespace: b.namespace }, spec };
  return {
    name: b.name,
    namespace: b.namespace,
    description: b.description,
    sla,
    now: b.now,
    ...(b.period === undefined ? {} : { period: b.period }),
    maintenance,
    truth,
    expected: {
      state: b.states.sla,
      period: b.periodSpan,
      ...(compliance === undefined ? {} : {
        compliance,
        budgetRemaining: Math.min(...all.map((o) => o.remainingPercent as number)),
        credit: creditAt(credits, compliance),
      }),
      objectives: expectedObjectives,
    },
    async write(writer: OpenMetricsWriter): Promise<void> {
      for (const h of b.histories) {
        const seriesLabels = { ...(labels ?? {}), objective: h.objective, service: b.name, sla: b.name, sla_namespace: b.namespace };
        const names = h.stepMs === tile
          ? { errors: "sla:sli_errors:tile5m", events: "sla:sli_events:tile5m" }
          : { errors: "sla:sli_errors:tile1h", events: "sla:sli_events:tile1h" };
        const errors = seriesText(names.errors, seriesLabels);
        const events = seriesText(names.events, seriesLabels);
        for (let t = h.from; t <= h.to; t += h.stepMs) {
          const r = h.rates(t);
          if (!r) continue;
          await writer.write(errors, r.errors, t);
          await writer.write(events, r.events, t);
        }
      }
    },
  };
}

export interface SteadyOptions {
  readonly name?: string;
  readonly namespace?: string;
  /** Evaluation instant; rounded down to the 5-minute grid. Default defaultNow. */
  readonly now?: number;
  /** Share of bad events inside the window, e.g. 0.0005. */
  readonly errorRatio?: number;
  readonly target?: number;
  readonly eventsPerSecond?: number;
  /** A calendar month in this time zone instead of a rolling 30 days. */
  readonly calendarMonthIn?: string;
}

/** The calendar month containing an instant in a time zone, from Intl's offsets (not the budget engine's zone code). */
export function monthContaining(at: number, timeZone: string): Span {
  const parts = (t: number) => Object.fromEntries(new Intl.DateTimeFormat("en-US", {
    timeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric",
  }).formatToParts(t).map((p) => [p.type, Number(p.value)]));
  const offset = (t: number) => {
    const p = parts(t);
    return Date.UTC(p["year"] as number, (p["month"] as number) - 1, p["day"], p["hour"], p["minute"], p["second"]) - Math.floor(t / 1000) * 1000;
  };
  const midnight = (year: number, month: number) => {
    const wall = Date.UTC(year, month - 1, 1);
    const guess = wall - offset(wall);
    return wall - offset(guess);
  };
  const local = parts(at);
  return { start: midnight(local["year"] as number, local["month"] as number), end: midnight(local["year"] as number, (local["month"] as number) + 1) };
}

/**
 * Steady errors over a rolling 30 days: 10 events/s, 0.05% of them errors, at 99.9%.
 * attained 99.95, consumed 50, remaining 50, every burn rate 0.5; Compliant, no credit.
 * The 3 days before the window have 1% errors: any leak across the window start shows.
 * With other options: attained = 100 - 100·errorRatio, consumed = errorRatio ÷ (1 - target) × 100
 * (times the elapsed share of the month with `calendarMonthIn`; the errors before the month are 1%).
 */
export function steadyScenario(options: SteadyOptions = {}): Scenario {
  const now = Math.floor((options.now ?? defaultNow) / tile) * tile;
  const errorRatio = options.errorRatio ?? 0.0005;
  const target = options.target ?? 99.9;
  const events = options.eventsPerSecond ?? 10;
  const zone = options.calendarMonthIn;
  const periodSpan = zone === undefined ? { start: now - 30 * day, end: now } : monthContaining(now, zone);
  const windowStart = periodSpan.start;
  const elapsedShare = zone === undefined ? 1 : (now - periodSpan.start) / (periodSpan.end - periodSpan.start);
  const consumed = (errorRatio / ((100 - target) / 100)) * 100 * elapsedShare;
  const state: ScenarioState = consumed > 100 ? "Breached" : consumed > 75 || 100 - errorRatio * 100 < target ? "AtRisk" : "Compliant";
  return build({
    name: options.name ?? "steady",
    namespace: options.namespace ?? defaultNamespace,
    description: `steady ${errorRatio * 100}% errors over ${zone === undefined ? "a rolling 30 days" : `a calendar month in ${zone}`} at ${target}%`,
    spec: {
      period: zone === undefined ? { rolling: "30d" } : { calendar: "month", timeZone: zone },
      objectives: [{ name: "availability", target, indicator: ratio(options.name ?? "steady") }],
      credits: standardCredits,
    },
    now,
    periodSpan,
    histories: [{
      objective: "availability", stepMs: tile, from: now - 33 * day + tile, to: now,
      rates: (t) => ({ events, errors: events * (t <= windowStart ? 0.01 : errorRatio) }),
    }],
    // Rolling and steady: consumed = burn rate, the budget settles and never runs out. In a calendar
    // month, steady errors under the target spend the budget at a rate under 1: no exhaustion.
    states: { availability: state, sla: state },
  });
}

/**
 * An outage of known length in a calendar month (UTC November 2026), evaluated on the 20th at
 * 12:00: 20 events/s from 1 November, all of them failing from 10 November 14:00 to 14:20.
 * total = 20 × 468 h = 33,696,000; bad = 20 × 1200 s = 24,000; attained 99.928775%;
 * consumed = (24,000 ÷ 33,696,000 ÷ 0.1%) × 468/720 = 46.296%; one incident of 20 minutes.
 * An hour of failures on 30 October lies before the period and must not count.
 */
export function outageScenario(now = defaultNow): Scenario {
  const outage = { start: Date.UTC(2026, 10, 10, 14), end: Date.UTC(2026, 10, 10, 14, 20) };
  const october = { start: Date.UTC(2026, 9, 30, 10), end: Date.UTC(2026, 9, 30, 11) };
  const inside = (t: number, s: Span) => t - tile >= s.start && t <= s.end;
  return build({
    name: "outage",
    namespace: defaultNamespace,
    description: "a 20-minute outage in a UTC calendar month at 99.9%",
    spec: { period: { calendar: "month", timeZone: "UTC" }, objectives: [{ name: "availability", target: 99.9, indicator: ratio("outage") }], credits: standardCredits },
    now,
    periodSpan: { start: Date.UTC(2026, 10, 1), end: Date.UTC(2026, 11, 1) },
    histories: [{
      objective: "availability", stepMs: tile, from: Date.UTC(2026, 9, 25) + tile, to: now,
      rates: (t) => ({ events: 20, errors: inside(t, outage) || inside(t, october) ? 20 : 0 }),
    }],
    // 53.7% of the budget left, no burn in the last 6 hours: Compliant.
    states: { availability: "Compliant", sla: "Compliant" },
  });
}

/**
 * Uneven traffic over a rolling 28 days: busy days (08:00-20:00 UTC, 100 events/s, 0.02% errors)
 * and quiet nights (1 event/s, 1% errors). A day has 4,363,200 events and 864 + 432 = 1,296
 * errors, so the ratio of sums is 0.029703% bad: attained 99.970297%, consumed 29.703%. The mean
 * of the per-tile ratios is 0.51% bad (99.49% "attained", a breach of 99.9%): that is NOT the figure.
 * Burn at 12:00: 1h 0.2 (day), 6h 360 ÷ 1,447,200 ÷ 0.1% = 0.24876, 3d 0.29703.
 */
export function unevenScenario(now = defaultNow): Scenario {
  const busy = (t: number) => {
    const h = new Date(t - tile).getUTCHours();
    return h >= 8 && h < 20;
  };
  const period = { start: now - 28 * day, end: now };
  return build({
    name: "uneven",
    namespace: defaultNamespace,
    description: "busy days and quiet nights: the ratio of sums, not the mean of ratios",
    spec: { period: { rolling: "28d" }, objectives: [{ name: "availability", target: 99.9, indicator: ratio("uneven") }], credits: standardCredits },
    now,
    periodSpan: period,
    histories: [{
      objective: "availability", stepMs: tile, from: now - 29 * day + tile, to: now,
      rates: (t) => (busy(t) ? { events: 100, errors: 100 * 0.0002 } : { events: 1, errors: 0.01 }),
    }],
    states: { availability: "Compliant", sla: "Compliant" },
    extra: (_objective, steps) => ({ averageOfRatios: averageOfRatios(steps, period) }),
  });
}

/**
 * Maintenance hides an outage (UTC November 2026, evaluated on the 20th at 12:00): Sundays
 * 02:00-04:00 by cron plus a one-off window on 12 November 00:00-01:00. Everything fails from
 * 8 November 02:00 to 03:30 and during the one-off window, both inside maintenance; otherwise
 * 10 events/s with 0.01% errors. Maintenance: 11 h of the month (709 h countable), 7 h of the 468
 * elapsed (461 countable). attained 99.99%, consumed = 0.1 × 461/709 = 6.5021%, no incident.
 */
export function maintenanceScenario(now = defaultNow): Scenario {
  const sundays = [1, 8, 15, 22, 29].map((d) => ({ start: Date.UTC(2026, 10, d, 2), end: Date.UTC(2026, 10, d, 4) }));
  const oneOff = { start: Date.UTC(2026, 10, 12, 0), end: Date.UTC(2026, 10, 12, 1) };
  const outages = [{ start: Date.UTC(2026, 10, 8, 2), end: Date.UTC(2026, 10, 8, 3, 30) }, oneOff];
  const failing = (t: number) => outages.some((o) => t - tile >= o.start && t <= o.end);
  return build({
    name: "maintenance",
    namespace: defaultNamespace,
    description: "an outage inside a maintenance window does not count",
    spec: {
      period: { calendar: "month", timeZone: "UTC" },
      objectives: [{ name: "availability", target: 99.9, indicator: ratio("maintenance") }],
      maintenance: [
        { schedule: "0 2 * * SUN", duration: "2h" },
        { start: new Date(oneOff.start).toISOString(), end: new Date(oneOff.end).toISOString() },
      ],
      credits: standardCredits,
    },
    now,
    periodSpan: { start: Date.UTC(2026, 10, 1), end: Date.UTC(2026, 11, 1) },
    maintenance: [...sundays, oneOff].sort((a, b) => a.start - b.start),
    histories: [{
      objective: "availability", stepMs: tile, from: Date.UTC(2026, 9, 25) + tile, to: now,
      rates: (t) => ({ events: 10, errors: failing(t) ? 10 : 0.001 }),
    }],
    states: { availability: "Compliant", sla: "Compliant" },
  });
}

/**
 * A New York calendar month with maintenance (November 2026, evaluated on the 20th at 12:00 UTC):
 * the month runs from Nov 1 00:00 EDT (04:00Z) to Dec 1 00:00 EST (05:00Z), 721 hours, as Intl
 * computes it. Saturdays 01:00-03:00 New York time by cron, written out here as 06:00-08:00Z
 * (EST) on the 7th, 14th, 21st and 28th. Everything fails on the 14th 06:00-07:30Z (inside the
 * window) and on Nov 1 00:00-03:00Z (UTC November, but before the New York month); otherwise
 * 10 events/s with 0.01% errors. Only with the zone and the maintenance honoured is the month
 * 99.99% attained, with 10% × (countable elapsed ÷ countable month) of the budget spent: 460
 * (464 - 4) of 713 (721 - 8) hours. Ignoring the maintenance counts 54,000 more bad events;
 * taking the month in UTC, 108,000.
 */
export function newYorkMaintenanceScenario(now = defaultNow): Scenario {
  const zone = "America/New_York";
  const saturdays = [7, 14, 21, 28].map((d) => ({ start: Date.UTC(2026, 10, d, 6), end: Date.UTC(2026, 10, d, 8) }));
  const outages = [{ start: Date.UTC(2026, 10, 14, 6), end: Date.UTC(2026, 10, 14, 7, 30) }, { start: Date.UTC(2026, 10, 1, 0), end: Date.UTC(2026, 10, 1, 3) }];
  const failing = (t: number) => outages.some((o) => t - tile >= o.start && t <= o.end);
  return build({
    name: "new-york-maintenance",
    namespace: defaultNamespace,
    description: "a New York calendar month whose outages fall inside maintenance or before the month",
    spec: {
      period: { calendar: "month", timeZone: zone },
      objectives: [{ name: "availability", target: 99.9, indicator: ratio("new-york") }],
      maintenance: [{ schedule: "0 1 * * SAT", duration: "2h" }],
      credits: standardCredits,
    },
    now,
    periodSpan: monthContaining(now, zone),
    maintenance: saturdays,
    histories: [{
      objective: "availability", stepMs: tile, from: Date.UTC(2026, 9, 25) + tile, to: now,
      rates: (t) => ({ events: 10, errors: failing(t) ? 10 : 0.001 }),
    }],
    states: { availability: "Compliant", sla: "Compliant" },
  });
}

/**
 * A calendar month across a DST change: Europe/Berlin, October 2026, 745 hours (Oct 1 00:00 CEST
 * = Sep 30 22:00Z to Nov 1 00:00 CET = Oct 31 23:00Z), reported on 2 November for the label
 * "2026-10". A probe (time-based) at 99.5%, down 3 hours on 25 October 00:00-03:00Z, across the
 * change at 01:00Z. Down also Sep 30 20:00-22:00Z and Oct 31 23:00Z-Nov 1 01:00Z, just outside.
 * attained = 1 - 10,800/2,682,000 = 99.597315%; consumed = 0.402685% ÷ 0.5% = 80.537% (a
 * 744-hour month would give 80.645%); 19.46% left: AtRisk. Credit 5 (below 99.9, not 99.5).
 * Burn rates at the end of the period: 0. One incident, 3 hours.
 */
export function dstScenario(): Scenario {
  const down = [
    { start: Date.UTC(2026, 8, 30, 20), end: Date.UTC(2026, 8, 30, 22) },
    { start: Date.UTC(2026, 9, 25, 0), end: Date.UTC(2026, 9, 25, 3) },
    { start: Date.UTC(2026, 9, 31, 23), end: Date.UTC(2026, 10, 1, 1) },
  ];
  const isDown = (t: number) => down.some((d) => t - tile >= d.start && t <= d.end);
  return build({
    name: "dst-october",
    namespace: defaultNamespace,
    description: "a Europe/Berlin calendar month with the October DST change: 745 hours",
    spec: {
      period: { calendar: "month", timeZone: "Europe/Berlin" },
      objectives: [{ name: "uptime", target: 99.5, indicator: { probe: { metric: "probe_success", selector: { instance: "https://dst.example.com" } } } }],
      credits: [{ below: 99.9, credit: 5 }, { below: 99.5, credit: 10 }],
    },
    now: Date.UTC(2026, 10, 2),
    period: "2026-10",
    periodSpan: { start: Date.UTC(2026, 8, 30, 22), end: Date.UTC(2026, 9, 31, 23) },
    histories: [{
      objective: "uptime", stepMs: tile, from: Date.UTC(2026, 8, 29) + tile, to: Date.UTC(2026, 10, 2),
      rates: (t) => ({ events: 1, errors: isDown(t) ? 1 : 0 }),
    }],
    states: { uptime: "AtRisk", sla: "AtRisk" },
  });
}

/**
 * Missing data: two objectives, of which only availability has series (10 events/s, 0.01%
 * errors, attained 99.99); latency has none. The SLA is NoData, with no compliance and no
 * credit (never 100%), and MetricsAvailable=False with reason NoSeries.
 */
export function noDataScenario(now = defaultNow, options: { name?: string; namespace?: string } = {}): Scenario {
  const name = options.name ?? "nodata";
  return build({
    name,
    namespace: options.namespace ?? defaultNamespace,
    description: "one objective without any series: NoData, never 100%",
    spec: {
      period: { rolling: "30d" },
      objectives: [
        { name: "availability", target: 99.9, indicator: ratio(name) },
        { name: "latency", target: 99, indicator: { latency: { histogram: "http_request_duration_seconds", selector: { job: name }, threshold: "300ms" } } },
      ],
      credits: standardCredits,
    },
    now: Math.floor(now / tile) * tile,
    periodSpan: { start: Math.floor(now / tile) * tile - 30 * day, end: Math.floor(now / tile) * tile },
    histories: [{
      objective: "availability", stepMs: tile, from: Math.floor(now / tile) * tile - 31 * day + tile, to: Math.floor(now / tile) * tile,
      rates: () => ({ events: 10, errors: 0.001 }),
    }],
    states: { availability: "Compliant", latency: "NoData", sla: "NoData" },
  });
}

/**
 * Older data only as hourly tiles: 5-minute tiles exist for the last 3 days, hourly tiles for 31
 * days (as if 5-minute tiles had been dropped by a shorter retention or downsampling). 10 events/s;
 * 0.02% errors before the last 3 days, 0.05% in them. Rolling 30 days at 99.9%:
 * bad = 0.002 × 27 d + 0.005 × 3 d = 5,961.6 of 25,920,000: attained 99.977%, consumed 23%.
 * Reading the 5-minute tiles alone would give 99.95% and 50%.
 */
export function hourlyFallbackScenario(now = defaultNow): Scenario {
  const recent = now - 3 * day;
  const rates = (t: number) => ({ events: 10, errors: t <= recent ? 0.002 : 0.005 });
  return build({
    name: "hourly-fallback",
    namespace: defaultNamespace,
    description: "5-minute tiles for the last 3 days only; hourly tiles before",
    spec: { period: { rolling: "30d" }, objectives: [{ name: "availability", target: 99.9, indicator: ratio("hourly-fallback") }], credits: standardCredits },
    now,
    periodSpan: { start: now - 30 * day, end: now },
    histories: [
      { objective: "availability", stepMs: hour, from: now - 31 * day + hour, to: now, rates },
      { objective: "availability", stepMs: tile, from: recent + tile, to: now, rates },
    ],
    states: { availability: "Compliant", sla: "Compliant" },
  });
}

/** Every scenario, each SLA with its own name in namespace "scenarios". */
export function scenarios(): Scenario[] {
  return [steadyScenario(), outageScenario(), unevenScenario(), maintenanceScenario(), dstScenario(), noDataScenario(), hourlyFallbackScenario()];
}
