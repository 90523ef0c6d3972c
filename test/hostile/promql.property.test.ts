// Property: an SLA whose queries are built from hostile PromQL fragments is either refused by
// validation with an error at a field of the document, or it compiles into rules the real
// promtool accepts. A generated rule Prometheus refuses is a compiler bug.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileHostile, hostileSla, promtoolRefusals, type Outcome } from "./support.js";

const label = fc.constantFrom("code", "job", "__name__", "le");
const value = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('"5.."', '".+"', '"a|b"', '"(?i)get"', '"\\\\d+"', "`raw`", "'single'", '"{{window}}"') },
  fc.constantFrom('"("', '"(?=a)"', '"(a)\\\\1"', '".*"', '".+"', '"a{1001}"', '"[[:alpha:]]+"', '"\\\\d+"', '""', '"a|b"', "`raw`", "'single'",
  '"(?i)get"', '"[z-a]"', '"\\\\pL+"', '"x**"', '"\\\\"', '"{{window}}"', '"\\\\q"'),
);
const op = fc.constantFrom("=", "!=", "=~", "!~");
const matchers = fc.array(fc.tuple(label, op, value).map(([l, o, v]) => `${l}${o}${v}`), { maxLength: 2 }).map((m) => (m.length ? `{${m.join(", ")}}` : ""));
const selector = fc.tuple(fc.constantFrom("e_total", "http_requests_total", "up", ""), matchers).map(([name, m]) => `${name}${m || (name ? "" : "{}")}`);
const range = fc.constantFrom("[{{window}}]", "[{{window}}]", "[{{window}}]", "[{{window}}]", "[5m]", "[{{window}}:]", "[{{window}}:1m]", "[0s]", "[300y]", "[{{ .window }}]");
const rangeFunction = fc.constantFrom("rate", "rate", "rate", "increase", "avg_over_time", "max_over_time", "absent_over_time", "sum", "histogram_quantile", "scalar");

const { expr } = fc.letrec<{ expr: string; leaf: string; compound: string }>((tie) => ({
  leaf: fc.oneof(
    { weight: 4, arbitrary: fc.tuple(rangeFunction, selector, range).map(([f, s, r]) => `${f}(${s}${r})`) },
    selector,
    fc.constantFrom('"a"', "1", "0.5", "time()", "vector(1)", "5m", "1_000", "-1", "inf"),
  ),
  compound: fc.oneof(
    fc.tuple(fc.constantFrom("sum", "avg", "max", "count", "sum by (code)", "sum without (le)", "topk(2,", "quantile(0.9,", "topk(x,", 'count_values("v",'), tie("expr"))
      .map(([agg, e]) => (agg.endsWith(",") ? `${agg} ${e})` : `${agg}(${e})`)),
    fc.tuple(tie("expr"), fc.constantFrom("+", "/", "and", "or", "> bool", ">", "* on(code)", "+ on(code) group_left(code)", "unless ignoring(code)"), tie("expr"))
      .map(([a, o, b]) => `${a} ${o} ${b}`),
    fc.tuple(fc.constantFrom("scalar", "abs", "clamp_max", "absent", "label_replace", "round", "histogram_quantile", "rate", "sort"), tie("expr")).map(([f, e]) =>
      f === "clamp_max" ? `clamp_max(${e}, 1)` : f === "label_replace" ? `label_replace(${e}, "dst", "$1", "code", "(.*)")` : f === "histogram_quantile" ? `histogram_quantile(0.9, ${e})` : `${f}(${e})`),
    tie("expr").map((e) => `(${e})`),
    tie("expr").map((e) => `-${e}`),
    fc.tuple(tie("expr"), fc.constantFrom(" offset 5m", " offset -1h", " @ end()", "[{{window}}:]", "[{{window}}]", " offset 0s")).map(([e, m]) => `${e}${m}`),
  ),
  expr: fc.oneof({ depthSize: "small" }, tie("leaf"), tie("compound")),
}));

const comment = fc.constantFrom("", "", " # a trailing comment", " # {{window}} )", "\n# own line");
const query = fc.tuple(expr, comment).map(([e, c]) => `${e}${c}`);

describe("hostile PromQL", () => {
  it("is refused at its field or compiles into rules promtool accepts", { timeout: 120_000 }, async () => {
    const cases: { label: string; outcome: Outcome }[] = [];
    fc.assert(
      fc.property(query, fc.oneof({ weight: 3, arbitrary: fc.constant("sum(rate(t_total[{{window}}]))") }, query), fc.boolean(), (errors, total, raw) => {
        const indicator = raw ? { raw: { errorRatio: errors } } : { ratio: { errors, total } };
        const document = hostileSla({}, [{ name: "availability", target: 99.9, indicator }]);
        cases.push({ label: JSON.stringify(indicator), outcome: compileHostile(document) });
      }),
      { numRuns: Number(process.env["HOSTILE_RUNS"] ?? 400), seed: Number(process.env["HOSTILE_SEED"] ?? 20261201) },
    );
    const accepted = cases.filter((c) => "groups" in c.outcome).length;
    // The generator must reach both sides, or the property proves little.
    expect(accepted).toBeGreaterThan(20);
    expect(cases.length - accepted).toBeGreaterThan(20);
    expect(await promtoolRefusals(cases)).toEqual([]);
  });
});
