import { describe, expect, it } from "vitest";
import { parser } from "@prometheus-io/lezer-promql";
import { compile } from "./index.js";
import { syntaxProblems } from "./promql/parse.js";
import { series, type AlertingRule, type RecordingRule } from "./rules.js";
import { checkoutSla, workbookTable } from "./workbook.fixture.js";

const tables = new Map([["google-sre", workbookTable()], ["google-28d", workbookTable("google-28d", "28d")]]);
const sla = (spec: Record<string, unknown> = {}) => checkoutSla(spec);

function compiled(document: object) {
  const result = compile(document, { burnRateTables: tables });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

const rules = (document: object) => compiled(document).groups.flatMap((g) => g.rules);
const alerts = (document: object) => rules(document).filter((r): r is AlertingRule => "alert" in r);
const records = (document: object) => rules(document).filter((r): r is RecordingRule => "record" in r);

describe("burn-rate alerts", () => {
  it("computes the Workbook factors 14.4, 6, 3 and 1 for a 30-day period", () => {
    const burn = alerts(sla()).filter((a) => a.alert === "SLAErrorBudgetBurn");
    expect(burn.map((a) => a.expr.match(/> \(([\d.]+) \* 0\.001\)/)?.[1])).toEqual(["14.4", "6", "3", "1"]);
    expect(burn.map((a) => `${a.labels["severity"]} ${a.labels["long_window"]}/${a.labels["short_window"]}`))
      .toEqual(["page 1h/5m", "page 6h/30m", "ticket 1d/2h", "ticket 3d/6h"]);
  });

  it("scales the factors with the period: 28 days gives 13.44, 5.6, 2.8 and 0.933", () => {
    const burn = alerts(sla({ period: { rolling: "28d" } })).filter((a) => a.alert === "SLAErrorBudgetBurn");
    expect(burn.map((a) => Number(a.expr.match(/> \(([\d.]+) \*/)?.[1]))).toEqual([13.44, 5.6, 2.8, 0.933333333333]);
  });

  it("puts the SLA's labels, severity and runbook on every alert", () => {
    const all = alerts(sla({ labels: { region: "eu-west-1" }, alerting: { labels: { team: "payments" }, annotations: { runbook_url: "https://r.example/x" } } }));
    for (const alert of all) {
      expect(alert.labels).toMatchObject({ region: "eu-west-1", team: "payments", sla: "checkout", sla_namespace: "shop", service: "checkout", objective: "availability" });
      expect(alert.labels["severity"]).toMatch(/^(page|ticket)$/);
      expect(alert.annotations["runbook_url"]).toBe("https://r.example/x");
      expect(alert.annotations["summary"]).toBeTruthy();
    }
    expect(all.map((a) => a.alert).sort()).toEqual([
      "SLAErrorBudgetBurn", "SLAErrorBudgetBurn", "SLAErrorBudgetBurn", "SLAErrorBudgetBurn", "SLAErrorBudgetExhausted", "SLAIndicatorNoData",
    ]);
  });

  it("drops the page alerts when paging is disabled", () => {
    const all = alerts(sla({ alerting: { page: { disabled: true } } }));
    expect(all.filter((a) => a.labels["severity"] === "page")).toEqual([]);
  });
});

describe("recording rules", () => {
  it("records the period ratio as a ratio of sums of hourly tiles, not an average of ratios", () => {
    const period = records(sla()).find((r) => r.record === series.ratioPeriod);
    expect(period?.expr).toBe(
      'avg_over_time(sla:sli_errors:tile1h{objective="availability", sla="checkout", sla_namespace="shop"}[30d]) / ' +
      'avg_over_time(sla:sli_events:tile1h{objective="availability", sla="checkout", sla_namespace="shop"}[30d])');
  });

  it("reads raw series only for windows up to one hour", () => {
    const raw = records(sla()).filter((r) => r.expr.includes("http_requests_total")).map((r) => r.record);
    expect(raw).toEqual(["sla:sli_errors:rate5m", "sla:sli_events:rate5m", "sla:sli_error:ratio_rate30m", "sla:sli_error:ratio_rate1h"]);
  });

  it("records every window the alerts read", () => {
    const recorded = new Set(records(sla()).map((r) => r.record));
    for (const alert of alerts(sla())) {
      for (const name of alert.expr.match(/sla:[a-z_]+:[a-z_0-9]+/g) ?? []) expect(recorded, `${alert.alert} reads ${name}`).toContain(name);
    }
  });

  it("labels every recorded series with sla, namespace, service, objective and spec.labels", () => {
    for (const rule of records(sla({ labels: { department: "ecommerce" } }))) {
      expect(rule.labels).toEqual({ department: "ecommerce", objective: "availability", service: "checkout", sla: "checkout", sla_namespace: "shop" });
    }
  });
});

describe("generated PromQL", () => {
  it("parses, for every indicator kind", () => {
    const document = sla({
      objectives: [
        { name: "a", target: 99.9, indicator: { ratio: { good: "sum(rate(x_total{ok=\"1\"}[{{window}}]))", total: "sum(rate(x_total[{{window}}]))" } } },
        { name: "b", target: 99, indicator: { latency: { histogram: "h_seconds", selector: { job: "j" }, threshold: "1s" } } },
        { name: "c", target: 99.5, indicator: { probe: { metric: "probe_success", selector: { instance: "https://x" } } } },
        { name: "d", target: 99, indicator: { raw: { errorRatio: "1 - avg_over_time(up[{{window}}])" } } },
      ],
    });
    for (const rule of rules(document)) expect(syntaxProblems(rule.expr), rule.expr).toEqual([]);
  });

  it("escapes label values from users instead of pasting them", () => {
    const nasty = 'a"b\\c\nd}';
    const document = sla({
      objectives: [{ name: "lat", target: 99, indicator: { latency: { histogram: "h_seconds", selector: { path: nasty }, threshold: "300ms" } } }],
    });
    const base = records(document).find((r) => r.record === series.errorsRate5m);
    expect(base).toBeDefined();
    expect(syntaxProblems(base!.expr)).toEqual([]);
    // The value read back from the syntax tree is the original string.
    const tree = parser.parse(base!.expr);
    const literals: string[] = [];
    tree.iterate({ enter: (n) => { if (n.name === "StringLiteral") literals.push(JSON.parse(base!.expr.slice(n.from, n.to)) as string); } });
    expect(literals).toContain(nasty);
  });

  it("matches both spellings of an integral bucket bound", () => {
    const document = sla({ objectives: [{ name: "lat", target: 99, indicator: { latency: { histogram: "h_seconds", threshold: "1s" } } }] });
    expect(records(document)[0]?.expr).toContain('le=~"1(\\\\.0)?"');
  });

  it("wraps ungrouped queries in sum() so each objective records one series", () => {
    const document = sla({ objectives: [{ name: "a", target: 99, indicator: { ratio: { errors: "rate(e[{{window}}])", total: "rate(t[{{window}}])" } } }] });
    expect(records(document)[1]?.expr).toBe("sum(rate(t[5m]))");
  });
});

describe("output", () => {
  it("is byte-for-byte deterministic", () => {
    const a = compiled(sla({ labels: { z: "1", a: "2" } }));
    const b = compiled(sla({ labels: { a: "2", z: "1" } }));
    expect(a.files).toEqual(b.files);
  });

  it("is a PrometheusRule the upstream schema accepts", async () => {
    const { PrometheusRule } = await import("@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PrometheusRule");
    const object = new PrometheusRule(compiled(sla()).prometheusRule as ConstructorParameters<typeof PrometheusRule>[0]);
    expect(() => object.validate()).not.toThrow();
  });
});
