// Tables for stdout: totals per rule set and SLO, the ratio ours/Sloth's, and per-rule figures.
import { setNames, setTitles, type SetName } from "./rulesets.js";
import type { RuleCost } from "./measure.js";
import type { Plan } from "./plan.js";

export interface ReportContext {
  readonly slos: number;
  readonly scrapeIntervalSeconds: number;
  readonly days: number;
  readonly prometheusVersion: string;
  readonly measuredFrom: Date;
  readonly measuredTo: Date;
}

/** Samples of ours / Sloth's that the design aims at, at most. */
export const targetRatio = 0.1;

interface Totals { rules: number; evaluations: number; samples: number; evalSeconds: number; wallSeconds: number }

export function totals(costs: readonly RuleCost[], set: SetName): Totals {
  const mine = costs.filter((c) => c.rule.set === set);
  return {
    rules: mine.length,
    evaluations: sum(mine.map((c) => c.evaluations)),
    samples: sum(mine.map((c) => c.samples)),
    evalSeconds: sum(mine.map((c) => c.evalSeconds)),
    wallSeconds: sum(mine.map((c) => c.wallSeconds)),
  };
}

export function report(costs: readonly RuleCost[], plan: Plan, context: ReportContext): string {
  const n = context.slos;
  const out: string[] = [];
  out.push(
    `Rule cost of one evaluation hour (${iso(context.measuredFrom)} to ${iso(context.measuredTo)}), per SLO: ` +
    `${n} SLO${n === 1 ? "" : "s"}, 3 raw series each scraped every ${context.scrapeIntervalSeconds}s, ${context.days} days of history, Prometheus ${context.prometheusVersion}.`,
    "",
  );
  const t = Object.fromEntries(setNames.map((s) => [s, totals(costs, s)])) as Record<SetName, Totals>;
  const rows: string[][] = setNames.map((s) => [
    setTitles[s],
    fmt(t[s].rules / n),
    fmt(t[s].evaluations / n),
    fmt(t[s].samples / n),
    ms(t[s].evalSeconds / n),
    ms(t[s].wallSeconds / n),
  ]);
  rows.push(["ours/Sloth", "", "", pct(t.ours.samples / t.sloth.samples), pct(t.ours.evalSeconds / t.sloth.evalSeconds), pct(t.ours.wallSeconds / t.sloth.wallSeconds)]);
  rows.push(["compat./ours", "", "", pct(t.compat.samples / t.ours.samples), pct(t.compat.evalSeconds / t.ours.evalSeconds), pct(t.compat.wallSeconds / t.ours.wallSeconds)]);
  out.push(table(["rule set", "rules", "evaluations/h", "samples read/h", "eval time/h", "query wall time/h"], rows, "lrrrrr"));
  const ratio = t.ours.samples / t.sloth.samples;
  out.push("", `Target (samples read, ours <= ${pct(targetRatio)} of Sloth's): ${ratio <= targetRatio ? "met" : "MISSED"} at ${pct(ratio)}.`);
  out.push(`Compatibility series (spec.compatibility: Sloth's and Pyrra's) add ${fmt((t.compat.rules - t.ours.rules) / n)} rules, ` +
    `${fmt((t.compat.evaluations - t.ours.evaluations) / n)} evaluations and ${fmt((t.compat.samples - t.ours.samples) / n)} samples read per SLO-hour ` +
    `(${pct((t.compat.samples - t.ours.samples) / t.ours.samples)} of ours), ${ms((t.compat.evalSeconds - t.ours.evalSeconds) / n)} of eval time.`);

  for (const set of ["ours", "sloth"] as const) {
    out.push("", `${set === "ours" ? "Our" : "Sloth's"} rules, most samples first (per SLO per hour; out = result series per evaluation):`);
    out.push(breakdown(costs.filter((c) => c.rule.set === set), plan, n, t[set]));
  }
  out.push("", "The compatibility rules alone (per SLO per hour; share of the set ours + compat.):");
  out.push(breakdown(costs.filter((c) => c.rule.set === "compat" && !c.rule.name.startsWith("sla:") && c.rule.kind === "record"), plan, n, t.compat));
  return out.join("\n");
}

/** The totals of every release side by side: samples, eval time and ours/Sloth's per release. */
export function compareReleases(measured: readonly { readonly version: string; readonly costs: readonly RuleCost[] }[], slos: number): string {
  const rows = measured.flatMap((m) => {
    const t = Object.fromEntries(setNames.map((s) => [s, totals(m.costs, s)])) as Record<SetName, Totals>;
    return [
      ...setNames.map((s) => [m.version, setTitles[s], fmt(t[s].evaluations / slos), fmt(t[s].samples / slos), ms(t[s].evalSeconds / slos)]),
      [m.version, "ours/Sloth", "", pct(t.ours.samples / t.sloth.samples), pct(t.ours.evalSeconds / t.sloth.evalSeconds)],
      [m.version, "compat./ours", "", pct(t.compat.samples / t.ours.samples), pct(t.compat.evalSeconds / t.ours.evalSeconds)],
    ];
  });
  return ["The same rules and history on each Prometheus release (per SLO per hour):", table(["Prometheus", "rule set", "evaluations/h", "samples read/h", "eval time/h"], rows, "llrrr")].join("\n");
}

function breakdown(costs: readonly RuleCost[], plan: Plan, n: number, total: Totals): string {
  const byKey = new Map<string, RuleCost[]>();
  for (const cost of costs) byKey.set(cost.rule.key, [...(byKey.get(cost.rule.key) ?? []), cost]);
  const rows = [...byKey.entries()].map(([key, group]) => {
    const first = group[0] as RuleCost;
    const evaluations = sum(group.map((c) => c.evaluations));
    const samples = sum(group.map((c) => c.samples));
    const evalSeconds = sum(group.map((c) => c.evalSeconds));
    const out = sum(group.map((c) => c.resultSeries)) / Math.max(1, evaluations);
    return { samples, cells: [
      key,
      duration(first.rule.intervalSeconds),
      fmt(evaluations / n),
      fmt(samples / Math.max(1, evaluations)),
      fmt(samples / n),
      pct(samples / Math.max(1, total.samples)),
      ms(evalSeconds / n),
      out.toFixed(2),
      reads(first, plan),
    ] };
  });
  rows.sort((a, b) => b.samples - a.samples);
  return table(["rule", "every", "evals/h", "samples/eval", "samples/h", "share", "eval time/h", "out", "reads"], rows.map((r) => r.cells), "lrrrrrrrl");
}

/** The selectors a rule reads, e.g. "http_requests_total[3d] x2". */
function reads(cost: RuleCost, plan: Plan): string {
  const counts = new Map<string, number>();
  for (const read of plan.reads.get(cost.rule) ?? []) {
    const label = `${read.selector.metric}${read.selector.rangeSeconds === undefined ? "" : `[${duration(read.selector.rangeSeconds)}]`}`;
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return [...counts.entries()].map(([label, count]) => (count > 1 ? `${label} x${count}` : label)).join(", ") || "-";
}

function duration(seconds: number): string {
  for (const [unit, size] of [["d", 86_400], ["h", 3600], ["m", 60]] as const) if (seconds % size === 0) return `${seconds / size}${unit}`;
  return `${seconds}s`;
}

function table(header: readonly string[], rows: readonly (readonly string[])[], align: string): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (align[i] === "r" ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join("  ").trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
const fmt = (value: number) => (Number.isInteger(value) ? value : Math.round(value * 10) / 10).toLocaleString("en-US");
const ms = (seconds: number) => `${(seconds * 1000).toLocaleString("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 })} ms`;
const pct = (ratio: number) => ratio > 0 && ratio < 0.0001 ? "<0.01%" : `${(ratio * 100).toLocaleString("en-US", { maximumFractionDigits: ratio < 0.1 ? 2 : 1 })}%`;
const iso = (d: Date) => d.toISOString().replace(".000Z", "Z");
