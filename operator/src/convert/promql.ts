// PromQL rewriting for imports. OpenSLO queries are instant queries without a window ("sum(
// http_requests{...})" with counter: true), while an SLA's queries carry {{window}} as the range:
// each bare selector is wrapped through the syntax tree, never by text substitution.
import { parser } from "@prometheus-io/lezer-promql";
import { syntaxProblems } from "../compile/promql/parse.js";

/** Placeholders the importers accept: ours and Sloth's Go-template form. */
const placeholderRe = /\{\{\s*\.?window\s*\}\}/g;

/** The query with Sloth's {{.window}} written as ours, {{window}}. */
export const ourPlaceholders = (query: string): string => query.replace(placeholderRe, "{{window}}");

export const hasPlaceholder = (query: string): boolean => new RegExp(placeholderRe.source).test(query);

export type Windowed = { ok: true; query: string } | { ok: false; reason: string };

/**
 * Gives an instant query a window: every selector outside a range becomes fn(selector[{{window}}]),
 * e.g. rate() for counters and avg_over_time() for gauges. A query that already has ranges keeps
 * them and cannot be converted, since which of its ranges is the SLO's window is unknowable.
 */
export function withWindow(query: string, fn: "rate" | "avg_over_time"): Windowed {
  const trimmed = query.trim();
  if (hasPlaceholder(trimmed)) return { ok: true, query: ourPlaceholders(trimmed) };
  const problems = syntaxProblems(trimmed);
  if (problems.length > 0) return { ok: false, reason: `it is not PromQL: ${problems[0]!.message}` };
  const selectors: { from: number; to: number }[] = [];
  let ranges = 0;
  parser.parse(trimmed).iterate({
    enter(ref) {
      if (ref.name === "MatrixSelector" || ref.name === "SubqueryExpr") {
        ranges++;
        return false;
      }
      if (ref.name === "VectorSelector") {
        selectors.push({ from: ref.from, to: ref.to });
        return false;
      }
      return undefined;
    },
  });
  if (ranges > 0) return { ok: false, reason: "it already has a range ([5m]); write {{window}} where the SLO's window goes" };
  if (selectors.length === 0) return { ok: false, reason: "it selects no series" };
  let out = "";
  let last = 0;
  for (const s of selectors) {
    out += `${trimmed.slice(last, s.from)}${fn}(${trimmed.slice(s.from, s.to)}[{{window}}])`;
    last = s.to;
  }
  return { ok: true, query: out + trimmed.slice(last) };
}

/** The matchers of a single selector such as metric{a="b",c=~"d"}, or undefined when it is not one. */
export function parseSelector(query: string): { metric: string; matchers: { name: string; op: string; value: string }[] } | undefined {
  const trimmed = query.trim();
  if (syntaxProblems(trimmed).length > 0) return undefined;
  const top = parser.parse(trimmed).topNode.firstChild;
  if (!top || top.name !== "VectorSelector" || top.from !== 0 || top.to !== trimmed.length) return undefined;
  const metric = top.getChild("Identifier");
  const matchers: { name: string; op: string; value: string }[] = [];
  const list = top.getChild("LabelMatchers");
  for (let child = list?.firstChild; child; child = child.nextSibling) {
    if (child.name !== "UnquotedLabelMatcher") continue;
    const name = child.getChild("LabelName");
    const op = child.getChild("MatchOp");
    const value = child.getChild("StringLiteral");
    if (!name || !op || !value) return undefined;
    const literal = trimmed.slice(value.from, value.to);
    let decoded: string;
    try {
      decoded = literal.startsWith("`") ? literal.slice(1, -1) : (JSON.parse(literal.startsWith("'") ? `"${literal.slice(1, -1).replace(/"/g, '\\"')}"` : literal) as string);
    } catch {
      return undefined;
    }
    matchers.push({ name: trimmed.slice(name.from, name.to), op: trimmed.slice(op.from, op.to), value: decoded });
  }
  const metricName = metric ? trimmed.slice(metric.from, metric.to) : matchers.find((m) => m.name === "__name__" && m.op === "=")?.value;
  if (!metricName) return undefined;
  return { metric: metricName, matchers: matchers.filter((m) => m.name !== "__name__") };
}
