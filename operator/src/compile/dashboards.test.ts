import { describe, expect, it } from "vitest";
import { parser } from "@prometheus-io/lezer-promql";
import { compile } from "./index.js";
import { buildDashboard, dashboardConfigMap, dashboardFileName, dashboardFolder, dashboardUid } from "./dashboards.js";
import { formatNumber } from "./promql/ast.js";
import { formatDuration } from "./duration.js";
import { syntaxProblems } from "./promql/parse.js";
import { generatedNames } from "./outputs.js";
import type { CompiledSla } from "./index.js";
import type { SlaModel } from "./model.js";
import { workbookTable } from "./workbook.fixture.js";
import { contractMetrics } from "./conventions.js";

// Only the shape the assertions read; the SDK's Dashboard type is wider.
interface Target { refId?: string; expr?: string; legendFormat?: string }
interface Panel { id?: number; type: string; title?: string; targets?: Target[]; fieldConfig?: { defaults?: { thresholds?: { steps: { value: number | null }[] } } } }
interface Variable { type: string; name: string; query?: unknown; datasource?: { type?: string; uid?: string } }
interface DashboardJson { uid?: string; title?: string; tags?: string[]; panels?: Panel[]; templating?: { list?: Variable[] } }

const googleSre = workbookTable();

function slaDocument(overrides: { alerting?: object; dashboard?: object } = {}): object {
  return {
    apiVersion: "servicelevel.dev/v1alpha1",
    kind: "ServiceLevelAgreement",
    metadata: { name: "checkout", namespace: "shop" },
    spec: {
      service: "checkout",
      owner: "team-payments",
      description: "Checkout API for the web shop",
      labels: { region: "eu-west-1", department: "ecommerce" },
      objectives: [
        {
          name: "availability",
          target: 99.9,
          indicator: {
            ratio: {
              errors: 'sum(rate(http_requests_total{job="checkout",code=~"5.."}[{{window}}]))',
              total: 'sum(rate(http_requests_total{job="checkout"}[{{window}}]))',
            },
          },
        },
        {
          name: "latency",
          target: 99,
          indicator: { latency: { histogram: "http_request_duration_seconds", selector: { job: "checkout" }, threshold: "300ms" } },
        },
        { name: "uptime", target: 99.5, indicator: { probe: { metric: "probe_success", selector: { instance: "https://pay.example.com" } } } },
      ],
      alerting: { burnRates: "google-sre", labels: { team: "payments" }, ...overrides.alerting },
      dashboard: { folder: "Shop", filters: ["region", "department"], ...overrides.dashboard },
    },
  };
}

function compiled(overrides: Parameters<typeof slaDocument>[0] = {}): CompiledSla {
  const result = compile(slaDocument(overrides), { burnRateTables: new Map([[googleSre.name, googleSre]]) });
  if (!result.ok) throw new Error(`the test SLA does not compile: ${JSON.stringify(result.issues)}`);
  return result.value;
}

const dashboardOf = (model: SlaModel) => buildDashboard(model) as unknown as DashboardJson;
const panelsOf = (d: DashboardJson) => d.panels ?? [];
const queriesOf = (d: DashboardJson) => panelsOf(d).flatMap((p) => (p.targets ?? []).map((t) => ({ panel: p, target: t, expr: t.expr ?? "" })));

/** Panels of each row, keyed by the row's position. */
function allRows(d: DashboardJson): { row: Panel; panels: Panel[] }[] {
  const out: { row: Panel; panels: Panel[] }[] = [];
  for (const panel of panelsOf(d)) {
    if (panel.type === "row") out.push({ row: panel, panels: [] });
    else out.at(-1)?.panels.push(panel);
  }
  return out;
}

/** The rows of the objectives, in order. */
const rows = (d: DashboardJson) => allRows(d).filter((r) => r.row.title?.startsWith("Objective "));
const exportedRe = /\bservicelevel_[a-z_]+\{/;

/** Metric names of every vector selector in a query, read from the PromQL syntax tree. */
function metricNames(query: string): string[] {
  const names: string[] = [];
  parser.parse(query).iterate({
    enter(node) {
      if (node.name === "VectorSelector") {
        const identifier = node.node.getChild("Identifier");
        if (identifier) names.push(query.slice(identifier.from, identifier.to));
      }
    },
  });
  return names;
}

/** For every vector selector of a query: its matchers as "name op value-literal". */
function selectorMatchers(query: string): string[][] {
  const selectors: string[][] = [];
  parser.parse(query).iterate({
    enter(node) {
      if (node.name !== "VectorSelector") return;
      const matchers = node.node.getChild("LabelMatchers")?.getChildren("UnquotedLabelMatcher") ?? [];
      selectors.push(matchers.map((m) => query.slice(m.from, m.to)));
    },
  });
  return selectors;
}

const labelValuesRe = /^label_values\((.+), ([a-zA-Z_][a-zA-Z0-9_]*)\)$/;
const thresholdExprRe = /^vector\((.+)\)$/;

describe("buildDashboard", () => {
  const sla = compiled();
  const dashboard = dashboardOf(sla.model);

  it("has one row per objective, in the order of the objectives, each with its own panels", () => {
    const found = rows(dashboard);
    expect(found.map((r) => r.row.title)).toEqual(["Objective availability: 99.9%", "Objective latency: 99%", "Objective uptime: 99.5%"]);
    for (const [i, { panels }] of found.entries()) {
      const objective = sla.model.objectives[i]?.name ?? "";
      expect(panels.length).toBeGreaterThan(0);
      for (const { target } of queriesOf({ panels })) {
        if (thresholdExprRe.test(target.expr ?? "")) continue;
        expect(target.expr, `${objective}: ${target.expr}`).toContain(`objective=${JSON.stringify(objective)}`);
      }
    }
  });

  it("is titled and tagged after the SLA and names a stable uid Grafana accepts", () => {
    expect(dashboard.title).toBe("SLA shop/checkout");
    expect(dashboard.tags).toEqual(["servicelevel", "sla", "checkout"]);
    expect(dashboard.uid).toBe(dashboardUid(sla.model));
    expect(dashboard.uid).toMatch(/^[a-zA-Z0-9_-]{1,40}$/);
    expect(dashboardUid({ namespace: "shop", name: "checkout-eu" })).not.toBe(dashboard.uid);
    expect(dashboardUid({ namespace: "shop-checkout", name: "x" })).not.toBe(dashboardUid({ namespace: "shop", name: "checkout-x" }));
  });

  it("gives every panel a unique id", () => {
    const ids = panelsOf(dashboard).map((p) => p.id);
    expect(ids.every((id) => typeof id === "number" && id > 0)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("shows attainment against the target, budget remaining, burn rates and firing alerts for each objective", () => {
    for (const [i, { panels }] of rows(dashboard).entries()) {
      const objective = sla.model.objectives[i];
      const exprs = queriesOf({ panels }).map((q) => q.expr);
      expect(exprs).toContain(`max by (objective, sla, sla_namespace) (servicelevel_objective_attained_ratio{objective="${objective?.name}", sla="checkout", sla_namespace="shop"})`);
      expect(exprs).toContain(`max by (objective, sla, sla_namespace) (servicelevel_objective_error_budget_remaining_ratio{objective="${objective?.name}", sla="checkout", sla_namespace="shop"})`);
      expect(exprs.some((e) => e.includes("ALERTS{") && e.includes('alertstate="firing"'))).toBe(true);
      const attained = panels.find((p) => p.type === "stat" && p.title?.startsWith("Attained"));
      expect(attained?.fieldConfig?.defaults?.thresholds?.steps.map((s) => s.value)).toEqual([null, objective?.target]);
      const overTime = panels.find((p) => p.type === "timeseries" && p.title === "Attained over time");
      expect(overTime?.fieldConfig?.defaults?.thresholds?.steps.map((s) => s.value)).toEqual([null, objective?.target]);
    }
  });

  it("writes PromQL that the Prometheus grammar parses without errors in every panel and variable", () => {
    const queries = queriesOf(dashboard).map((q) => q.expr);
    for (const variable of dashboard.templating?.list ?? []) {
      if (variable.type !== "query") continue;
      const match = labelValuesRe.exec(String(variable.query));
      expect(match, String(variable.query)).not.toBeNull();
      queries.push(match?.[1] ?? "");
    }
    expect(queries.length).toBeGreaterThan(20);
    for (const query of queries) {
      expect(query).not.toBe("");
      expect(syntaxProblems(query), query).toEqual([]);
    }
  });

  it("has a prometheus datasource variable that every panel and query uses", () => {
    const variables = dashboard.templating?.list ?? [];
    expect(variables[0]).toMatchObject({ type: "datasource", name: "datasource", query: "prometheus" });
    for (const panel of panelsOf(dashboard).filter((p) => p.targets)) {
      expect((panel as { datasource?: unknown }).datasource).toEqual({ type: "prometheus", uid: "${datasource}" });
    }
    for (const variable of variables.filter((v) => v.type === "query")) {
      expect(variable.datasource).toEqual({ type: "prometheus", uid: "${datasource}" });
    }
  });

  it("has a query variable per dashboard filter and filters every selector of every panel query on it", () => {
    const filters = ["region", "department"];
    const variables = (dashboard.templating?.list ?? []).filter((v) => v.type === "query");
    expect(variables.map((v) => v.name)).toEqual(filters);
    for (const variable of variables) {
      expect(variable.query).toBe(`label_values(sla:sli_error:ratio_rate5m{sla="checkout", sla_namespace="shop"}, ${variable.name})`);
    }
    const queries = queriesOf(dashboard);
    expect(queries.length).toBeGreaterThan(0);
    for (const { expr } of queries) {
      const selectors = selectorMatchers(expr);
      // The exported contract metrics are per SLA and carry no spec.labels to filter on.
      if (exportedRe.test(expr)) continue;
      if (thresholdExprRe.test(expr)) {
        expect(selectors, expr).toEqual([]);
        continue;
      }
      expect(selectors.length, expr).toBeGreaterThan(0);
      for (const matchers of selectors) {
        for (const label of filters) expect(matchers, expr).toContain(`${label}=~"$${label}"`);
      }
    }
  });

  it("draws each alerting tier's factor as the threshold of its burn-rate panel, over the tier's two windows", () => {
    const tiers = sla.model.alerting?.tiers ?? [];
    expect(tiers.map((t) => t.factor)).toEqual([14.4, 6, 3, 1]);
    for (const [i, { panels }] of rows(dashboard).entries()) {
      const objective = sla.model.objectives[i];
      const burnPanels = panels.filter((p) => p.title?.startsWith("Burn rate"));
      expect(burnPanels).toHaveLength(tiers.length);
      for (const [j, tier] of tiers.entries()) {
        const targets = burnPanels[j]?.targets ?? [];
        const thresholds = targets.filter((t) => thresholdExprRe.test(t.expr ?? ""));
        expect(thresholds).toHaveLength(1);
        const value = Number(thresholdExprRe.exec(thresholds[0]?.expr ?? "")?.[1]);
        expect(value).toBe(Number(formatNumber(tier.factor)));
        expect(value).toBeCloseTo(tier.factor, 9);
        const budget = formatNumber(objective?.budget ?? NaN);
        const rates = targets.filter((t) => !thresholdExprRe.test(t.expr ?? "")).map((t) => t.expr);
        expect(rates.map((r) => r?.replace(/\{.*\}/, "{…}"))).toEqual([tier.longWindowSeconds, tier.shortWindowSeconds].map((w) =>
          `sla:sli_error:ratio_rate${formatDuration(w)}{…} / ${budget}`));
      }
    }
  });

  it("draws no thresholds for tiers whose severity does not alert", () => {
    const pageOnly = compiled({ alerting: { ticket: { disabled: true } } });
    const factors = queriesOf(dashboardOf(pageOnly.model)).flatMap((q) => {
      const m = thresholdExprRe.exec(q.expr);
      return m ? [Number(m[1])] : [];
    });
    expect(factors).toEqual([14.4, 6, 14.4, 6, 14.4, 6]);
  });

  it("still shows the 5m burn rate when the SLA has no alerting", () => {
    const d = dashboardOf({ ...sla.model, alerting: null });
    for (const { panels } of rows(d)) {
      const burn = panels.filter((p) => p.title?.startsWith("Burn rate"));
      expect(burn).toHaveLength(1);
      expect(burn[0]?.targets?.map((t) => t.expr)).toEqual([expect.stringMatching(/^sla:sli_error:ratio_rate5m\{.*\} \/ 0\.0\d+$/)]);
    }
  });

  it("queries only series the rules record, ALERTS and the contract metrics the operator exports", () => {
    const recorded = new Set(sla.groups.flatMap((g) => g.rules.flatMap((r) => ("record" in r ? [r.record] : []))));
    const referenced = new Set(queriesOf(dashboard).flatMap((q) => metricNames(q.expr)));
    for (const variable of dashboard.templating?.list ?? []) {
      if (variable.type === "query") for (const name of metricNames(labelValuesRe.exec(String(variable.query))?.[1] ?? "")) referenced.add(name);
    }
    expect(referenced.size).toBeGreaterThan(3);
    const exported = new Set<string>(Object.values(contractMetrics));
    expect([...referenced].filter((name) => name !== "ALERTS" && !recorded.has(name) && !exported.has(name))).toEqual([]);
    expect(referenced.has("ALERTS")).toBe(true);
  });

  it("escapes label values, so odd names still give valid PromQL", () => {
    const odd: SlaModel = {
      ...sla.model,
      name: 'we"ird\\name',
      objectives: sla.model.objectives.map((o) => ({ ...o, name: `${o.name} "quoted" \\ {x="y"}` })),
    };
    const d = dashboardOf(odd);
    for (const { expr } of queriesOf(d)) expect(syntaxProblems(expr), expr).toEqual([]);
    expect(queriesOf(d)[0]?.expr).toContain(String.raw`sla="we\"ird\\name"`);
    const variable = (d.templating?.list ?? []).find((v) => v.type === "query");
    expect(syntaxProblems(labelValuesRe.exec(String(variable?.query))?.[1] ?? "")).toEqual([]);
  });

  it("is deterministic: the same model gives deep-equal and byte-identical JSON", () => {
    const again = compiled();
    const first = buildDashboard(sla.model);
    const second = buildDashboard(again.model);
    expect(second).toEqual(first);
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    expect(JSON.stringify(dashboardConfigMap(again.model, second))).toBe(JSON.stringify(dashboardConfigMap(sla.model, first)));
  });
});

describe("the contract period on the dashboard", () => {
  const calendar = compile({ ...slaDocument(), spec: { ...(slaDocument() as { spec: object }).spec, period: { calendar: "month", timeZone: "America/New_York" } } },
    { burnRateTables: new Map([[googleSre.name, googleSre]]) });
  if (!calendar.ok) throw new Error(JSON.stringify(calendar.issues));
  const d = dashboardOf(calendar.value.model) as DashboardJson & { timezone?: string };

  it("reads in the SLA's time zone", () => {
    expect(d.timezone).toBe("America/New_York");
    expect((dashboardOf(compiled().model) as { timezone?: string }).timezone).toBe("utc");
  });

  it("shows the period's state, compliance, budget, credit, start, end and maintenance from the exported metrics", () => {
    const contract = allRows(d)[0];
    expect(contract?.row.title).toBe("Contract period (calendar month (America/New_York))");
    const byTitle = Object.fromEntries((contract?.panels ?? []).map((p) => [p.title, p.targets?.[0]?.expr]));
    const of = (metric: string) => `max by (sla, sla_namespace) (${metric}{sla="checkout", sla_namespace="shop"})`;
    expect(byTitle).toEqual({
      State: 'max by (sla, sla_namespace, state) (servicelevel_sla_state{sla="checkout", sla_namespace="shop"}) == 1',
      Compliance: of("servicelevel_sla_compliance_ratio"),
      "Budget left": of("servicelevel_sla_error_budget_remaining_ratio"),
      Credit: of("servicelevel_sla_credit_percent"),
      "Period start": `${of("servicelevel_sla_period_start_timestamp_seconds")} * 1000`,
      "Period end": `${of("servicelevel_sla_period_end_timestamp_seconds")} * 1000`,
      Maintenance: of("servicelevel_sla_maintenance_active"),
    });
  });
});

describe("dashboardConfigMap", () => {
  const sla = compiled();
  const dashboard = buildDashboard(sla.model);

  it("is labelled for the Grafana sidecar, annotated with the folder and holds the dashboard JSON", () => {
    const configMap = dashboardConfigMap(sla.model, dashboard) as {
      apiVersion: string; kind: string;
      metadata: { name: string; namespace: string; labels: Record<string, string>; annotations?: Record<string, string> };
      data: Record<string, string>;
    };
    expect(configMap.apiVersion).toBe("v1");
    expect(configMap.kind).toBe("ConfigMap");
    expect(configMap.metadata).toEqual({
      name: generatedNames(sla.model).dashboard,
      namespace: "shop",
      labels: { "app.kubernetes.io/managed-by": "servicelevel-operator", grafana_dashboard: "1", "servicelevel.dev/sla": "checkout" },
      annotations: { grafana_folder: "Shop" },
    });
    expect(Object.keys(configMap.data)).toEqual([dashboardFileName(sla.model)]);
    const text = configMap.data[dashboardFileName(sla.model)] ?? "";
    expect(text).toBe(`${JSON.stringify(dashboard, null, 2)}\n`);
    expect(JSON.parse(text)).toEqual(dashboard);
  });

  it("has no folder annotation when the SLA names no folder", () => {
    const model: SlaModel = { ...sla.model, dashboard: { own: true, folder: null, filters: [] } };
    expect(dashboardFolder(model)).toBeNull();
    expect((dashboardConfigMap(model, buildDashboard(model)) as { metadata: object }).metadata).not.toHaveProperty("annotations");
    expect(dashboardFolder(sla.model)).toBe("Shop");
  });

  it("names the file after namespace and name, so SLAs of the same name in two namespaces do not overwrite each other", () => {
    expect(dashboardFileName({ namespace: "shop", name: "checkout" })).toBe("sla-shop_checkout.json");
    expect(dashboardFileName({ namespace: "staging", name: "checkout" })).not.toBe(dashboardFileName({ namespace: "shop", name: "checkout" }));
    expect(dashboardFileName({ namespace: "shop", name: "checkout" })).toMatch(/^[-._a-zA-Z0-9]+$/);
  });
});
