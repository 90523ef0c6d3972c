import { describe, expect, it } from "vitest";
import { selectors } from "./dashboard-selectors.fixture.js";
import { buildSlaDashboard, slaDashboardPath, slaDashboardUid } from "./sla-dashboard.js";
import { contractMetrics, series } from "./conventions.js";
import { semanticProblems } from "./promql/check.js";
import { syntaxProblems } from "./promql/parse.js";

interface Panel { type: string; title?: string; repeat?: string; targets?: { expr?: string; legendFormat?: string }[] }
const dashboard = buildSlaDashboard() as unknown as { uid: string; panels: Panel[]; templating: { list: { type: string; name: string; query?: string; multi?: boolean; includeAll?: boolean }[] } };
const queries = dashboard.panels.flatMap((p) => (p.targets ?? []).map((t) => t.expr ?? ""));
// Grafana replaces the variables before Prometheus sees a query.
const substituted = (query: string) => query.replaceAll("$namespace", "shop").replaceAll("$sla", "checkout").replaceAll("$objective", "availability");

describe("the shared SLA dashboard", () => {
  it("chooses the SLA by namespace and name, and its objectives, from the exported series", () => {
    expect(dashboard.uid).toBe(slaDashboardUid);
    expect(dashboard.templating.list.map((v) => `${v.type} ${v.name}`)).toEqual(["datasource datasource", "query namespace", "query sla", "query objective"]);
    const objective = dashboard.templating.list.find((v) => v.name === "objective");
    expect(objective).toMatchObject({ multi: true, includeAll: true, query: 'label_values(servicelevel_objective_target_ratio{sla_namespace="$namespace", sla="$sla"}, objective)' });
  });

  it("repeats one row per chosen objective", () => {
    const rows = dashboard.panels.filter((p) => p.type === "row");
    expect(rows.map((r) => [r.title, r.repeat])).toEqual([["Contract period", undefined], ["Objective $objective", "objective"]]);
  });

  it("sends Prometheus only queries it accepts, each reading one SLA (and objective) of the exported figures, the recorded series or ALERTS", () => {
    const known = new Set<string>([...Object.values(contractMetrics), "ALERTS", series.ratio(300)]);
    expect(queries.length).toBeGreaterThan(12);
    let objectiveRow = false;
    for (const panel of dashboard.panels) {
      if (panel.type === "row") objectiveRow = panel.repeat === "objective";
      for (const target of panel.targets ?? []) {
        const query = substituted(target.expr ?? "");
        expect([...syntaxProblems(query), ...semanticProblems(query, undefined)], query).toEqual([]);
        for (const s of selectors(target.expr ?? "")) {
          if (s.metric === "") expect(s.matchers, target.expr).toContain(`__name__=~"${series.ratioPrefix}.+"`);
          else expect(known.has(s.metric), `${target.expr} reads ${s.metric}`).toBe(true);
          expect(s.matchers, target.expr).toEqual(expect.arrayContaining(['sla_namespace="$namespace"', 'sla="$sla"', ...(objectiveRow ? ['objective="$objective"'] : [])]));
        }
      }
    }
  });

  it("shows the contract period with its bounds and time zone from the period info series", () => {
    const panel = dashboard.panels.find((p) => p.title === "Period");
    expect(panel?.targets?.[0]?.legendFormat).toBe("{{period}}: {{start}} to {{end}} ({{time_zone}})");
    expect(panel?.targets?.[0]?.expr).toBe(`max by (sla_namespace, sla, period, time_zone, start, end) (${contractMetrics.slaPeriodInfo}{sla_namespace="$namespace", sla="$sla"})`);
  });

  it("is linked per SLA by its variables", () => {
    expect(slaDashboardPath({ namespace: "shop", name: "checkout" })).toBe("/d/servicelevel-sla/servicelevel-sla?var-namespace=shop&var-sla=checkout");
  });
});
