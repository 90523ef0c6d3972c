// An expensive variant of our rules: every window longer than 5m (up to the 30-day period) read
// from the raw series, as Sloth's rules read theirs. The rule-cost test measures it beside our rules
// to prove that its bound on the cost fails such a change.
import { benchRule, type BenchRule } from "../../bench/rule-cost/rulesets.js";
import { selectors } from "../../bench/rule-cost/plan.js";

const longWindow = /^sla:sli_error:ratio_(rate(?!5m$)\w+|period)$/;

/** Our long-window ratio rules, each rewritten to read `http_requests_total` over its whole window. */
export function rawLongWindows(ours: readonly BenchRule[]): BenchRule[] {
  return ours.filter((rule) => rule.set === "ours" && rule.kind === "record" && longWindow.test(rule.name)).map((rule) => {
    const range = selectors(rule.expr).find((s) => s.rangeSeconds !== undefined)?.rangeSeconds;
    if (range === undefined) throw new Error(`${rule.name} reads no range: ${rule.expr}`);
    const job = `job="${rule.slo}"`;
    const expr = `sum(rate(http_requests_total{${job},code=~"(5..|429)"}[${range}s])) / sum(rate(http_requests_total{${job}}[${range}s]))`;
    const mutant = benchRule("mutant", rule.slo, `mutant-${rule.group}`, rule.role, `${rule.intervalSeconds}s`, { record: rule.name, expr }, rule.labels);
    return { ...mutant, key: rule.key };
  });
}
