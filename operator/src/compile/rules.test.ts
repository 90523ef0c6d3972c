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
  it("computes the Workbook factors 14.4 and 6 for the page and 3 and 1 for the ticket of a 30-day period", () => {
    const burn = alerts(sla()).filter((a) => a.alert === "SLAErrorBudgetBurn");
    expect(burn.map((a) => [...a.expr.matchAll(/> \(([\d.]+) \* 0\.001\)/g)].map((m) => m[1]))).toEqual([["14.4", "14.4", "6", "6"], ["3", "3", "1", "1"]]);
    expect(burn.map((a) => a.labels["severity"])).toEqual(["critical", "warning"]);
  });

  it("raises one alert per severity: the tiers joined by or on the objective, each naming its windows", () => {
    const page = alerts(sla()).find((a) => a.labels["severity"] === "critical");
    expect(page?.expr).toMatch(/^label_replace\(label_replace\(.*"long_window", "1h", "", ""\), "short_window", "5m", "", ""\) or on\(objective, sla, sla_namespace\) label_replace\(label_replace\(.*"long_window", "6h", "", ""\), "short_window", "30m", "", ""\)$/);
    expect(page?.labels).not.toHaveProperty("long_window");
  });

  it("rejects a tier whose factor falls below 1: the Workbook's 10% over 3d on a 28-day period is 0.933", () => {
    const result = compile(sla({ period: { rolling: "28d" } }), { burnRateTables: tables });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues.filter((i) => i.severity === "error").map((i) => i.code)).toEqual(["tier-factor-too-low"]);
  });

  it("puts the SLA's labels and severity on every alert, and its annotations on the burn-rate alerts only", () => {
    const all = alerts(sla({ labels: { region: "eu-west-1" }, alerting: { labels: { team: "payments" }, annotations: { runbook_url: "https://r.example/x" } } }));
    for (const alert of all) {
      expect(alert.labels).toMatchObject({ region: "eu-west-1", team: "payments", sla: "checkout", sla_namespace: "shop", service: "checkout", objective: "availability" });
      expect(alert.labels["severity"]).toMatch(/^(critical|warning)$/);
      expect(alert.annotations["summary"]).toBeTruthy();
      expect(alert.annotations["runbook_url"]).toBe(alert.alert === "SLAErrorBudgetBurn" ? "https://r.example/x" : undefined);
    }
    expect(all.map((a) => a.alert).sort()).toEqual(["SLAErrorBudgetBurn", "SLAErrorBudgetBurn", "SLAErrorBudgetExhausted", "SLAIndicatorNoData"]);
  });

  it("lets alerting.name set the whole burn-rate alert name, and noData and exhausted their own", () => {
    const names = alerts(sla({ alerting: { name: "CheckoutHighErrorRate", noData: { name: "CheckoutNoData" }, exhausted: { name: "CheckoutBudgetGone" } } })).map((a) => a.alert);
    expect(names.sort()).toEqual(["CheckoutBudgetGone", "CheckoutHighErrorRate", "CheckoutHighErrorRate", "CheckoutNoData"]);
  });

  it("merges an objective's alerting settings over the SLA's, per alert kind", () => {
    const document = sla({
      alerting: { labels: { team: "payments" }, page: { labels: { severity: "page" } }, noData: { annotations: { summary: "gone" } } },
      objectives: [{
        name: "availability", target: 99.9,
        indicator: { ratio: { errors: "sum(rate(e[{{window}}]))", total: "sum(rate(t[{{window}}]))" } },
        alerting: { labels: { team: "checkout" }, ticket: { disabled: true }, page: { annotations: { runbook_url: "https://r/a" } }, exhausted: { labels: { severity: "info" } } },
      }],
    });
    const byKind = Object.fromEntries(alerts(document).map((a) => [`${a.alert}/${a.labels["severity"]}`, a]));
    expect(Object.keys(byKind).sort()).toEqual(["SLAErrorBudgetBurn/page", "SLAErrorBudgetExhausted/info", "SLAIndicatorNoData/page"]);
    expect(byKind["SLAErrorBudgetBurn/page"]?.labels["team"]).toBe("checkout");
    expect(byKind["SLAErrorBudgetBurn/page"]?.annotations["runbook_url"]).toBe("https://r/a");
    expect(byKind["SLAIndicatorNoData/page"]?.annotations["summary"]).toBe("gone");
  });

  it("drops the page alerts when paging is disabled", () => {
    const all = alerts(sla({ alerting: { page: { disabled: true } } }));
    expect(all.filter((a) => a.labels["severity"] === "critical")).toEqual([]);
  });

  it("alerts on the exhausted budget the operator exports for the contract period, not on a rolling window", () => {
    const exhausted = alerts(sla({ period: { calendar: "month", timeZone: "America/New_York" } })).find((a) => a.alert === "SLAErrorBudgetExhausted");
    expect(exhausted?.expr).toBe('max by (objective, sla, sla_namespace) (servicelevel_objective_error_budget_remaining_ratio{objective="availability", sla="checkout", sla_namespace="shop"}) <= 0');
  });
});

describe("maintenance", () => {
  const withWindow = () => compile(sla({ period: { calendar: "month", timeZone: "Europe/Berlin" }, maintenance: [{ schedule: "0 3 * * SUN", duration: "2h" }] }),
    { burnRateTables: tables, now: Date.UTC(2026, 2, 25, 12) });

  it("leaves the 5m rates out while they touch a window, so every window and alert built on them does too", () => {
    const result = withWindow();
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const rates = result.value.groups.flatMap((g) => g.rules).filter((r): r is RecordingRule => "record" in r && r.record.endsWith(":rate5m") && r.record.startsWith("sla:sli_"));
    expect(rates.map((r) => r.expr.endsWith(' * on() (1 - sla:maintenance:overlap5m{sla="checkout", sla_namespace="shop"})'))).toEqual([true, true]);
  });

  it("records the windows as explicit instants in the zone, across the change to summer time on 29 March 2026", () => {
    const result = withWindow();
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const active = result.value.groups.flatMap((g) => g.rules).find((r): r is RecordingRule => "record" in r && r.record === series.maintenanceActive);
    // Sunday 22 March 03:00 CET is 02:00 UTC; Sunday 29 March 03:00 CEST is 01:00 UTC.
    expect(active?.expr).toContain(`(time() >= bool ${Date.UTC(2026, 2, 22, 2) / 1000}) * (time() < bool ${Date.UTC(2026, 2, 22, 4) / 1000})`);
    expect(active?.expr).toContain(`(time() >= bool ${Date.UTC(2026, 2, 29, 1) / 1000}) * (time() < bool ${Date.UTC(2026, 2, 29, 3) / 1000})`);
    expect(result.value.maintenance.validUntil).toBe(Date.UTC(2026, 2, 23) + 28 * 86_400_000);
  });

  it("warns when no time is given to expand scheduled windows from", () => {
    const result = compile(sla({ maintenance: [{ schedule: "0 3 * * SUN", duration: "2h" }] }), { burnRateTables: tables });
    expect(result.ok && result.value.warnings.map((w) => w.code)).toContain("maintenance-not-expanded");
  });
});

describe("recording rules", () => {
  it("records the period ratio as a ratio of sums of hourly tiles, not an average of ratios", () => {
    const period = records(sla()).find((r) => r.record === series.ratioPeriod);
    expect(period?.expr).toBe(
      'avg_over_time(sla:sli_errors:tile1h{objective="availability", sla="checkout", sla_namespace="shop"}[30d]) / ' +
      'avg_over_time(sla:sli_events:tile1h{objective="availability", sla="checkout", sla_namespace="shop"}[30d])');
  });

  it("reads raw series only in the 5m rates; every longer window averages recorded series", () => {
    const raw = records(sla()).filter((r) => r.expr.includes("http_requests_total")).map((r) => r.record);
    // The events first: the errors count as zero only where the events exist (recorded just before).
    expect(raw).toEqual(["sla:sli_events:rate5m", "sla:sli_errors:rate5m"]);
    expect(records(sla()).find((r) => r.record === "sla:sli_errors:rate5m")?.expr).toMatch(
      / or on\(\) \(sla:sli_events:rate5m\{objective="availability", sla="checkout", sla_namespace="shop"\} \* 0\)$/);
    expect(records(sla()).find((r) => r.record === "sla:sli_error:ratio_rate1h")?.expr).toBe(
      'avg_over_time(sla:sli_errors:rate5m{objective="availability", sla="checkout", sla_namespace="shop"}[1h]) / ' +
      'avg_over_time(sla:sli_events:rate5m{objective="availability", sla="checkout", sla_namespace="shop"}[1h])');
  });

  it("records every window the alerts read", () => {
    const recorded = new Set(records(sla()).map((r) => r.record));
    for (const alert of alerts(sla())) {
      for (const name of alert.expr.match(/sla:[a-z_]+:[a-z_0-9]+/g) ?? []) expect(recorded, `${alert.alert} reads ${name}`).toContain(name);
    }
  });

  it("labels every recorded series with sla, namespace, service, objective and spec.labels", () => {
    for (const rule of records(sla({ labels: { department: "ecommerce" } })).filter((r) => !r.record.startsWith("sla:maintenance:"))) {
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
    expect(records(document).find((r) => r.record === series.errorsRate5m)?.expr).toContain('le=~"1(\\\\.0)?"');
  });

  it("wraps ungrouped queries in sum() so each objective records one series", () => {
    const document = sla({ objectives: [{ name: "a", target: 99, indicator: { ratio: { errors: "rate(e[{{window}}])", total: "rate(t[{{window}}])" } } }] });
    expect(records(document).find((r) => r.record === series.eventsRate5m)?.expr).toBe("sum(rate(t[5m]))");
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
