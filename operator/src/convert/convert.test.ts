import { describe, expect, it } from "vitest";
import { withWindow, parseSelector } from "./promql.js";
import { pyrraWindows } from "./pyrra.js";
import { detectFormat } from "./index.js";

describe("giving an OpenSLO instant query a window", () => {
  it("wraps every bare selector of a counter query in rate() over {{window}}", () => {
    expect(withWindow('sum(http_requests{code=~"2.."}) / ignoring(code) sum(http_requests)', "rate")).toEqual({
      ok: true, query: 'sum(rate(http_requests{code=~"2.."}[{{window}}])) / ignoring(code) sum(rate(http_requests[{{window}}]))',
    });
  });

  it("averages a gauge over the window and keeps a query that already has {{.window}}", () => {
    expect(withWindow("queue_depth", "avg_over_time")).toEqual({ ok: true, query: "avg_over_time(queue_depth[{{window}}])" });
    expect(withWindow("sum(rate(x[{{.window}}]))", "rate")).toEqual({ ok: true, query: "sum(rate(x[{{window}}]))" });
  });

  it("refuses a query with a fixed range or one that is not PromQL, saying why", () => {
    expect(withWindow("rate(x[5m])", "rate")).toMatchObject({ ok: false, reason: expect.stringMatching(/already has a range/) });
    expect(withWindow("sum:requests{service:web}", "rate")).toMatchObject({ ok: false, reason: expect.stringMatching(/not PromQL/) });
  });

  it("reads the matchers of a Pyrra metric selector", () => {
    expect(parseSelector('http_bucket{job="a",le="0.5",code=~"2.."}')).toEqual({
      metric: "http_bucket", matchers: [{ name: "job", op: "=", value: "a" }, { name: "le", op: "=", value: "0.5" }, { name: "code", op: "=~", value: "2.." }],
    });
    expect(parseSelector("sum(x)")).toBeUndefined();
  });
});

describe("Pyrra's alert windows", () => {
  it("are its 28-day table scaled to the SLO window and rounded to the minute, as in Pyrra's 14d and 7d test outputs", () => {
    const minutes = (w: ReturnType<typeof pyrraWindows>) => w.map((t) => [t.shortSeconds / 60, t.longSeconds / 60, t.tier.factor]);
    expect(minutes(pyrraWindows(28 * 86_400))).toEqual([[5, 60, 14], [30, 360, 7], [120, 1440, 2], [360, 5760, 1]]);
    expect(minutes(pyrraWindows(14 * 86_400))).toEqual([[3, 30, 14], [15, 180, 7], [60, 720, 2], [180, 2880, 1]]);
    expect(minutes(pyrraWindows(7 * 86_400))).toEqual([[1, 15, 14], [8, 90, 7], [30, 360, 2], [90, 1440, 1]]);
  });
});

describe("detecting the source format", () => {
  it("tells Sloth, Pyrra (with or without the API group) and OpenSLO apart, and nothing else", () => {
    expect(detectFormat({ version: "prometheus/v1", service: "a" })).toBe("sloth");
    expect(detectFormat({ apiVersion: "sloth.slok.dev/v1", kind: "PrometheusServiceLevel" })).toBe("sloth");
    expect(detectFormat({ apiVersion: "pyrra.dev/v1alpha1", kind: "ServiceLevelObjective" })).toBe("pyrra");
    expect(detectFormat({ apiVersion: "v1alpha1", kind: "ServiceLevelObjective" })).toBe("pyrra");
    expect(detectFormat({ apiVersion: "openslo/v1", kind: "SLO" })).toBe("openslo");
    expect(detectFormat({ apiVersion: "v1", kind: "ConfigMap" })).toBeUndefined();
  });
});
