import { describe, expect, it } from "vitest";
import { instantiate, isSingleSeriesAggregation, parseWindowTemplate, syntaxProblems } from "./parse.js";

const instantiateOk = (template: string, window: string) => {
  const parsed = parseWindowTemplate(template);
  if (!parsed.ok) throw new Error(parsed.problems[0]?.message);
  return instantiate(parsed.value, window);
};

describe("PromQL templates", () => {
  it("replaces {{window}} in range selectors and subqueries only", () => {
    expect(instantiateOk("max_over_time(x[{{window}}:1m])", "30m")).toBe("max_over_time(x[30m:1m])");
    expect(instantiateOk("rate(x[{{ .window }}])", "5m")).toBe("rate(x[5m])");
  });

  it("rejects a query without {{window}}", () => {
    const parsed = parseWindowTemplate("sum(rate(x[5m]))");
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.problems[0]?.message).toMatch(/no \{\{window\}\}/);
  });

  it("rejects {{window}} used as an offset, a subquery step or inside a string", () => {
    for (const query of ["rate(x[5m] offset {{window}})", "max_over_time(x[1h:{{window}}])", 'sum(rate(x{a="{{window}}"}[{{window}}]))']) {
      const parsed = parseWindowTemplate(query);
      expect(parsed.ok, query).toBe(false);
      expect(!parsed.ok && parsed.problems[0]?.message).toMatch(/range of a selector/);
    }
  });

  it("reports syntax errors with an offset", () => {
    expect(syntaxProblems("sum(rate(x[5m])")[0]?.message).toMatch(/end of query|syntax error/);
    expect(syntaxProblems("sum(rate(x[5m]))")).toEqual([]);
    const parsed = parseWindowTemplate("sum(rate(x{a=}[{{window}}]))");
    expect(parsed.ok).toBe(false);
  });

  it("knows when a query already yields a single series", () => {
    expect(isSingleSeriesAggregation("sum(rate(x[5m]))")).toBe(true);
    expect(isSingleSeriesAggregation("sum by (code) (rate(x[5m]))")).toBe(false);
    expect(isSingleSeriesAggregation("rate(x[5m])")).toBe(false);
  });
});

describe("PromQL string literals", () => {
  it("decode like Go's strconv.Unquote", async () => {
    const { unquoteString } = await import("./parse.js");
    expect(unquoteString('"a\\"b\\\\c\\n"')).toBe('a"b\\c\n');
    expect(unquoteString("'it\\'s'")).toBe("it's");
    expect(unquoteString("`raw\\n`")).toBe("raw\\n");
    expect(unquoteString('"\\u00e9\\x41\\101"')).toBe("éAA");
    expect(unquoteString('"\\ "')).toBeUndefined();
    expect(unquoteString('"\\q"')).toBeUndefined();
  });

  it("make a template with an escape Prometheus rejects invalid", () => {
    const parsed = parseWindowTemplate('sum(rate(x{job="\\ a"}[{{window}}]))');
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.problems[0]?.message).toMatch(/escape or character Prometheus does not accept/);
  });
});
