// Which recorded series must exist, from when, and in which order they can be backfilled.
//
// Every rule is measured at its evaluation times within the measured hour. A rule that reads a
// recorded series (say sla:sli_errors:tile1h[30d]) needs that series' samples, at the resolution
// its producing rule records them, back to the earliest evaluation minus the range. The producer's
// own evaluations then need their inputs, and so on down to the raw series. Producers are found by
// metric name within the same rule set and SLO (both sets select their recorded series by SLO labels).
// `promtool tsdb create-blocks-from rules` evaluates against a running Prometheus, so a rule can only
// be backfilled once the series it reads are loaded: its pass is one more than its producers'.
import { parser } from "@prometheus-io/lezer-promql";
import { parseDuration } from "../../operator/src/compile/duration.js";
import type { BenchRule } from "./rulesets.js";

/** Prometheus' default --query.lookback-delta: how far back an instant selector looks. */
export const lookbackSeconds = 300;
export const measuredSeconds = 3600;

export interface Selector {
  readonly metric: string;
  /** The range of a range selector; undefined for an instant selector. */
  readonly rangeSeconds: number | undefined;
  readonly text: string;
}

/** The series selectors of a PromQL expression, with their ranges. Subqueries and offsets are refused. */
export function selectors(expr: string): Selector[] {
  const tree = parser.parse(expr);
  const found: Selector[] = [];
  tree.iterate({
    enter(ref) {
      if (ref.type.isError) throw new Error(`cannot parse ${JSON.stringify(expr)} at offset ${ref.from}`);
      if (ref.name === "SubqueryExpr" || ref.name === "OffsetExpr" || ref.name === "AtModifierPreprocessors") {
        throw new Error(`the cost plan does not handle subqueries, offset or @: ${expr}`);
      }
      if (ref.name !== "VectorSelector") return;
      const node = ref.node;
      const identifier = node.getChild("Identifier");
      if (!identifier) throw new Error(`selector without a metric name in ${expr}`);
      const owner = node.parent;
      let rangeSeconds: number | undefined;
      let text = expr.slice(node.from, node.to);
      if (owner?.name === "MatrixSelector") {
        const duration = owner.getChild("DurationExpr");
        const durationText = duration ? expr.slice(duration.from, duration.to) : "";
        rangeSeconds = parseDuration(durationText);
        if (rangeSeconds === undefined) throw new Error(`bad range ${JSON.stringify(durationText)} in ${expr}`);
        text = expr.slice(owner.from, owner.to);
      }
      found.push({ metric: expr.slice(identifier.from, identifier.to), rangeSeconds, text });
    },
  });
  return found;
}

export interface Read {
  readonly selector: Selector;
  /** Recording rules that produce the selected series; empty for raw series. */
  readonly producers: readonly BenchRule[];
}

export interface Backfill {
  readonly pass: number;
  readonly intervalSeconds: number;
  /** Unix seconds; promtool evaluates the rules from the first group-aligned time at or after start, up to end. */
  readonly startSeconds: number;
  readonly endSeconds: number;
  readonly rules: readonly BenchRule[];
}

export interface Plan {
  readonly reads: ReadonlyMap<BenchRule, readonly Read[]>;
  readonly level: ReadonlyMap<BenchRule, number>;
  /** Earliest raw sample any evaluation reads. */
  readonly rawStartSeconds: number;
  /** Backfill jobs by pass: pass p only reads series loaded by passes before it. */
  readonly passes: readonly (readonly Backfill[])[];
  /** Evaluation times of each rule in the measured hour, Unix seconds; the last is the end. */
  readonly evaluations: ReadonlyMap<BenchRule, readonly number[]>;
}

const producerKey = (set: string, slo: string, metric: string) => `${set}\u0000${slo}\u0000${metric}`;

/** Plans the backfill for measuring every rule over the hour ending at `endSeconds`. */
export function planBackfill(rules: readonly BenchRule[], endSeconds: number): Plan {
  const producers = new Map<string, BenchRule[]>();
  for (const rule of rules) {
    if (rule.kind !== "record") continue;
    const key = producerKey(rule.set, rule.slo, rule.name);
    producers.set(key, [...(producers.get(key) ?? []), rule]);
  }
  const reads = new Map<BenchRule, Read[]>(rules.map((rule) => [rule, selectors(rule.expr).map((selector) => ({
    selector,
    producers: producers.get(producerKey(rule.set, rule.slo, selector.metric)) ?? [],
  }))]));

  const level = new Map<BenchRule, number>();
  const visiting = new Set<BenchRule>();
  const levelOf = (rule: BenchRule): number => {
    const known = level.get(rule);
    if (known !== undefined) return known;
    if (visiting.has(rule)) throw new Error(`recording rules depend on each other in a cycle through ${rule.name}`);
    visiting.add(rule);
    const inputs = (reads.get(rule) ?? []).flatMap((r) => r.producers);
    const value = inputs.length === 0 ? 0 : 1 + Math.max(...inputs.map(levelOf));
    visiting.delete(rule);
    level.set(rule, value);
    return value;
  };
  rules.forEach(levelOf);

  const evaluations = new Map<BenchRule, number[]>(rules.map((rule) => {
    if (measuredSeconds % rule.intervalSeconds !== 0) throw new Error(`${rule.group}: interval ${rule.intervalSeconds}s does not divide an hour`);
    const count = measuredSeconds / rule.intervalSeconds;
    return [rule, Array.from({ length: count }, (_, k) => endSeconds - measuredSeconds + (k + 1) * rule.intervalSeconds)];
  }));

  // Readers before producers: a producer's need is final once every rule of a higher level is done.
  const need = new Map<BenchRule, number>();
  let rawStartSeconds = endSeconds;
  const byLevelDown = [...rules].sort((a, b) => (level.get(b) ?? 0) - (level.get(a) ?? 0));
  for (const rule of byLevelDown) {
    const firstEvaluation = (evaluations.get(rule) ?? [endSeconds])[0] as number;
    const from = Math.min(firstEvaluation, need.get(rule) ?? Infinity);
    for (const read of reads.get(rule) ?? []) {
      const needFrom = from - (read.selector.rangeSeconds ?? lookbackSeconds);
      if (read.producers.length === 0) rawStartSeconds = Math.min(rawStartSeconds, needFrom);
      for (const producer of read.producers) need.set(producer, Math.min(need.get(producer) ?? Infinity, needFrom));
    }
  }

  // One promtool run per pass, interval and start.
  const jobs = new Map<string, { pass: number; intervalSeconds: number; startSeconds: number; rules: BenchRule[] }>();
  for (const rule of rules) {
    const from = need.get(rule);
    if (from === undefined) continue;
    const pass = level.get(rule) ?? 0;
    const startSeconds = Math.floor(from / rule.intervalSeconds) * rule.intervalSeconds;
    const key = `${pass}/${rule.intervalSeconds}/${startSeconds}`;
    const job = jobs.get(key) ?? { pass, intervalSeconds: rule.intervalSeconds, startSeconds, rules: [] };
    job.rules.push(rule);
    jobs.set(key, job);
  }
  const passCount = Math.max(0, ...[...jobs.values()].map((j) => j.pass + 1));
  const passes: Backfill[][] = Array.from({ length: passCount }, () => []);
  for (const job of [...jobs.values()].sort((a, b) => a.startSeconds - b.startSeconds || a.intervalSeconds - b.intervalSeconds)) {
    passes[job.pass]?.push({ ...job, endSeconds });
  }
  return { reads, level, rawStartSeconds, passes: passes.filter((p) => p.length > 0), evaluations };
}
