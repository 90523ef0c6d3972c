// Synthetic input series for the generated promtool tests: raw series that the objective's own
// queries select, with a chosen share of bad events per minute. The label values are derived
// from the queries' matchers through the PromQL syntax tree, so the tests exercise the user's
// real queries rather than a stand-in.
import { parseQuery } from "./promql/tree.js";
import type { SyntaxNode } from "@lezer/common";
import type { IndicatorModel } from "./model.js";
import { parseWindowTemplate, unquoteString } from "./promql/parse.js";
import type { Matcher, MatchOp } from "./promql/ast.js";
import { bucketBound } from "./sli.js";

/** One synthetic series: `rate` says how its value moves each minute given the minute's bad share. */
export interface SyntheticSeries {
  readonly metric: string;
  readonly labels: Readonly<Record<string, string>>;
  /** Counter increment per minute for a bad share e, or the gauge value (time-based); events per minute for a native histogram. */
  readonly valueAt: (badShare: number) => number;
  readonly type: "counter" | "gauge" | "native";
  /** For a native histogram (schema 0): the bucket good observations fall into; bad ones go two buckets higher. */
  readonly goodBucket?: number;
}

/** Events per minute in the synthetic traffic: large enough that small error shares are exact. */
export const eventsPerMinute = 1000;

type SyntheticResult = { ok: true; series: SyntheticSeries[] } | { ok: false; reason: string };

// The test file, its no-data test and the maintenance tests each ask for an indicator's series; models are immutable.
const byIndicator = new WeakMap<IndicatorModel, SyntheticResult>();

/** The series that make the indicator see the given bad share; undefined when the queries cannot be satisfied. */
export function syntheticSeries(indicator: IndicatorModel): SyntheticResult {
  const cached = byIndicator.get(indicator);
  if (cached) return cached;
  const result = seriesFor(indicator);
  byIndicator.set(indicator, result);
  return result;
}

function seriesFor(indicator: IndicatorModel): SyntheticResult {
  switch (indicator.kind) {
    case "latency": {
      if (indicator.native) {
        // Schema 0: bucket i holds (2^(i-1), 2^i]. Good requests sit in the bucket whose upper bound
        // is at or under the threshold, bad ones wholly above it, so histogram_fraction is exact.
        const goodBucket = Math.floor(Math.log2(indicator.thresholdSeconds));
        return { ok: true, series: [{ metric: indicator.histogram, labels: indicator.selector, valueAt: () => eventsPerMinute, type: "native", goodBucket }] };
      }
      // Bucket bounds are written the way client libraries write them ("0.3", "1"); leMatcher accepts both forms.
      const leValue = bucketBound(indicator.thresholdSeconds);
      return {
        ok: true,
        series: [
          { metric: `${indicator.histogram}_count`, labels: indicator.selector, valueAt: () => eventsPerMinute, type: "counter" },
          { metric: `${indicator.histogram}_bucket`, labels: { ...indicator.selector, le: leValue }, valueAt: (e) => (1 - e) * eventsPerMinute, type: "counter" },
          { metric: `${indicator.histogram}_bucket`, labels: { ...indicator.selector, le: "+Inf" }, valueAt: () => eventsPerMinute, type: "counter" },
        ],
      };
    }
    case "probe":
      return { ok: true, series: [{ metric: indicator.metric, labels: indicator.selector, valueAt: (e) => 1 - e, type: "gauge" }] };
    case "raw":
      return { ok: false, reason: "a raw error-ratio expression has no known relation between its inputs and its result" };
    case "ratio":
      return ratioSeries(indicator);
  }
}

interface Selector { readonly metric: string; readonly matchers: readonly Matcher[] }

function ratioSeries(indicator: Extract<IndicatorModel, { kind: "ratio" }>) {
  // "Positive" is the query the user gave besides total: errors (bad events) or good events.
  const positiveIsErrors = indicator.errors !== undefined;
  const positive = selectorsOf((indicator.errors ?? indicator.good)?.text ?? "");
  const total = selectorsOf(indicator.total.text);
  if (!positive || !total) return { ok: false as const, reason: "the queries could not be read" };
  const metrics = [...new Set([...positive, ...total].map((s) => s.metric))].sort();
  const series: SyntheticSeries[] = [];
  const positiveShare = (e: number) => (positiveIsErrors ? e : 1 - e);
  for (const metric of metrics) {
    const inPositive = positive.filter((s) => s.metric === metric).flatMap((s) => s.matchers);
    const inTotal = total.filter((s) => s.metric === metric).flatMap((s) => s.matchers);
    const both = positive.some((s) => s.metric === metric);
    const counted = total.some((s) => s.metric === metric);
    if (both && counted) {
      const a = satisfy([...inPositive, ...inTotal]);
      const b = violateOne(inPositive, inTotal);
      if (!a || !b) return { ok: false as const, reason: `no label values select ${metric} for both queries and for total alone` };
      series.push({ metric, labels: a, valueAt: (e) => positiveShare(e) * eventsPerMinute, type: "counter" });
      series.push({ metric, labels: b, valueAt: (e) => (1 - positiveShare(e)) * eventsPerMinute, type: "counter" });
    } else if (both) {
      const a = satisfy(inPositive);
      if (!a) return { ok: false as const, reason: `no label values satisfy the matchers of ${metric}` };
      series.push({ metric, labels: a, valueAt: (e) => positiveShare(e) * eventsPerMinute, type: "counter" });
    } else {
      const b = satisfy(inTotal);
      if (!b) return { ok: false as const, reason: `no label values satisfy the matchers of ${metric}` };
      series.push({ metric, labels: b, valueAt: () => eventsPerMinute, type: "counter" });
    }
  }
  return { ok: true as const, series };
}

/** The vector selectors of a query template, read from its syntax tree. */
function selectorsOf(template: string): Selector[] | undefined {
  const parsed = parseWindowTemplate(template);
  if (!parsed.ok) return undefined;
  // The ranges do not change the selectors: read the checked template's tree, which validation parsed.
  const text = parsed.value.text;
  const selectors: Selector[] = [];
  let unreadable = false;
  parseQuery(text).iterate({
    enter(ref) {
      if (ref.name !== "VectorSelector") return undefined;
      const node = ref.node;
      const identifier = node.getChild("Identifier");
      const matchers = labelMatchers(node, text);
      const nameMatcher = matchers.find((m) => m.name === "__name__" && m.op === "=");
      const metric = identifier ? text.slice(identifier.from, identifier.to) : nameMatcher?.value;
      if (!metric) unreadable = true;
      else selectors.push({ metric, matchers: matchers.filter((m) => m.name !== "__name__") });
      return false;
    },
  });
  return unreadable ? undefined : selectors;
}

function labelMatchers(selector: SyntaxNode, text: string): Matcher[] {
  const out: Matcher[] = [];
  const list = selector.getChild("LabelMatchers");
  if (!list) return out;
  for (let child = list.firstChild; child; child = child.nextSibling) {
    if (!child.name.endsWith("LabelMatcher")) continue;
    const name = child.getChild("LabelName") ?? child.getChild("QuotedLabelName");
    const op = child.getChild("MatchOp");
    const value = child.getChild("StringLiteral");
    if (!name || !op || !value) continue;
    const nameText = text.slice(name.from, name.to);
    // Validation rejects literals Prometheus would not accept, so these decode.
    const decodedName = name.name === "QuotedLabelName" ? unquoteString(nameText) : nameText;
    const decodedValue = unquoteString(text.slice(value.from, value.to));
    if (decodedName === undefined || decodedValue === undefined) continue;
    out.push({ name: decodedName, op: text.slice(op.from, op.to) as MatchOp, value: decodedValue });
  }
  return out;
}


const commonValues = ["200", "500", "503", "429", "404", "204", "ok", "error", "success", "failure", "true", "false", "GET", "POST", "0", "1", "x"];

function matches(matcher: Matcher, value: string): boolean {
  switch (matcher.op) {
    case "=": return value === matcher.value;
    case "!=": return value !== matcher.value;
    case "=~": return anchored(matcher.value)?.test(value) ?? false;
    case "!~": return !(anchored(matcher.value)?.test(value) ?? true);
  }
}

function anchored(re: string): RegExp | undefined {
  try {
    return new RegExp(`^(?:${re})$`);
  } catch {
    return undefined;
  }
}

/** Strings a regex likely matches: its alternatives with wildcards filled in. */
function regexCandidates(re: string): string[] {
  return re.replace(/^\^|\$$/g, "").replace(/[()]/g, "").split("|").map((alt) =>
    alt.replace(/\\d/g, "0").replace(/\[([^\]])[^\]]*\]/g, "$1").replace(/\.\*|\.\+/g, "x").replace(/\./g, "0").replace(/[?*+]/g, "").replace(/\\(.)/g, "$1"));
}

function candidatesFor(matchers: readonly Matcher[]): string[] {
  const own = matchers.flatMap((m) => (m.op === "=~" || m.op === "!~" ? regexCandidates(m.value) : [m.value]));
  return [...new Set([...own, ...commonValues])].filter((v) => v !== "");
}

function byLabel(matchers: readonly Matcher[]): Map<string, Matcher[]> {
  const out = new Map<string, Matcher[]>();
  for (const m of matchers) out.set(m.name, [...(out.get(m.name) ?? []), m]);
  return out;
}

function valueFor(name: string, constraints: readonly Matcher[]): string | undefined {
  // A label that is only excluded (!= / !~) can be left off, which satisfies the exclusion.
  if (constraints.every((m) => matches(m, ""))) return "";
  return candidatesFor(constraints).find((v) => constraints.every((m) => matches(m, v)));
}

/** Labels satisfying every matcher, or undefined. */
function satisfy(matchers: readonly Matcher[]): Record<string, string> | undefined {
  const labels: Record<string, string> = {};
  for (const [name, constraints] of [...byLabel(matchers)].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const value = valueFor(name, constraints);
    if (value === undefined) return undefined;
    if (value !== "") labels[name] = value;
  }
  return labels;
}

/** Labels satisfying `kept` but failing at least one matcher of `violated`, or undefined. */
function violateOne(violated: readonly Matcher[], kept: readonly Matcher[]): Record<string, string> | undefined {
  for (const target of byLabel(violated).keys()) {
    const constraints = byLabel(kept).get(target) ?? [];
    const failing = violated.filter((m) => m.name === target);
    const value = ["", ...candidatesFor([...constraints, ...failing])]
      .find((v) => constraints.every((m) => matches(m, v)) && failing.some((m) => !matches(m, v)));
    if (value === undefined) continue;
    const rest = satisfy([...kept.filter((m) => m.name !== target), ...violated.filter((m) => m.name !== target)]);
    if (!rest) continue;
    return value === "" ? rest : { ...rest, [target]: value };
  }
  return undefined;
}
