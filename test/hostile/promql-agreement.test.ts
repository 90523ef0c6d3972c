// The compiler's PromQL checks against the real judge: for each expression below, promtool and
// semanticProblems must agree on whether Prometheus accepts it, and both must match the verdict
// written here (checked by hand against Prometheus' parser rules). One promtool run checks all.
import { describe, expect, it } from "vitest";
import { badStringLiterals, syntaxProblems } from "../../operator/src/compile/promql/parse.js";
import { semanticProblems } from "../../operator/src/compile/promql/check.js";
import { promtoolErrorsByGroup } from "./promtool-batch.js";

const accepted = [
  "x + rate(up[5m])", '{job=~".+"}', '{job!~".*"}', "scalar(x)", "topk(2, y)", "a + b offset 5m", "(a + b)[5m:]", "x[5m] offset 1m",
  "1 > bool 2", "1 + on() x", 'label_join(x, "d", ",", "a", "b")', "round(x)", "days_in_month()", "histogram_quantile(0.9, rate(x[5m]))",
  'count_values("a", x)', 'absent(nonexistent{job="x"})', "vector(1) + time()", "sum(x) by (a)", "max_over_time(rate(x[5m])[30m:1m])",
  "x[292y]", "x offset -5m", "sgn(x) ^ 2 ^ 3", "x atan2 y", "pi()", "(1)", "x @ start()", '{__name__="x"}', 'x{a=~"a*?"}', 'x{a=~"\\\\Q(\\\\E"}',
  'x{a=~"\\\\pL"}', 'x{a=~"\\\\12"}', 'x{a=~"(?i)a"}', 'x{a=~"{"}', 'x{a=~"a{,3}"}', 'x{a=~"[a-]"}', 'x{a=~"[]a]"}', 'x{a=~"a{1000}"}', 'x{a=~"\\\\z"}',
  'x{a=~"(?P<n>a)"}', 'x{a=~"[[:alpha:]\\\\d-]"}', 'x{a=~"\\\\x{10FFFF}|\\\\x41"}', "sum without (a) (rate(x[1h] @ end()))", "-x offset 5m",
];
const refused = [
  'x + "a"', 'x{code=~"("}', "{}", '{job!="x"}', '{job=~".*"}', "rate(sum(x)[5m])", "sum(scalar(x))", "topk(x, y)", "-x[5m]", "-x[5m:]",
  "a + b[5m:]", "rate((x)[5m])", "x offset 5m offset 1m", "x @ 1 @ 2", "rate(x[5m]) offset 5m", "x offset 1m [5m]", "1 > 2", "x and 1",
  "x + bool y", "x + on(a) group_left(a) y", "x and on(a) group_left y", "1 + on(a) x", "round(x, 1, 2)", "histogram_quantile(0.9, x[5m])",
  "count_values(2, x)", "quantile(0.5, x[5m])", '-"a"', 'x{a=~"a(?=b)"}', 'x{a=~"(a)\\\\1"}', "max_over_time(x[0s])", "x[300y]", "rate(up)",
  "sum(x) + 1_000", "x > 5m", 'x{a=~"(?<n>a)"}', 'x{a=~"\\\\C"}', 'x{a=~"[[:foo:]]"}', 'x{a=~"a{1001}"}', 'x{a=~"a**"}', 'x{a=~"\\\\p{Foo}"}',
  'x{a=~"[\\\\b]"}', 'x{a=~"\\\\8"}', 'x{a=~"(?x)a"}', 'x{a=~"x{2}{3}"}', 'x{a=~"[^]"}', 'x{a=~"[z-a]"}', 'x{a=~"\\\\x{110000}"}',
  'x{__name__="y"}', "histogram_avg(x)", "x offset 0s", 'x{a=~")"}', 'x{a=~"*a"}', 'x{a=~"a|+"}', 'x{a=~"\\\\"}',
];

const oursAccepts = (expr: string) => [...syntaxProblems(expr), ...badStringLiterals(expr), ...semanticProblems(expr, undefined)].length === 0;

describe("PromQL semantic checks", () => {
  it("agree with promtool on every expression, accepted and refused", { timeout: 60_000 }, async () => {
    const cases = [...accepted.map((expr) => ({ expr, valid: true })), ...refused.map((expr) => ({ expr, valid: false }))];
    const errors = await promtoolErrorsByGroup(cases.map((c, i) => ({ name: `case-${i}`, rules: [{ record: "r", expr: c.expr }] })));
    const verdicts = cases.map((c, i) => ({ expr: c.expr, written: c.valid, promtool: !errors.has(`case-${i}`), ours: oursAccepts(c.expr) }));
    expect(verdicts.filter((v) => v.promtool !== v.written)).toEqual([]);
    expect(verdicts.filter((v) => v.ours !== v.written)).toEqual([]);
  });
});
