import { describe, expect, it } from "vitest";
import { selectors } from "./dashboard-selectors.fixture.js";
import { buildOverviewDashboard } from "./overview-dashboard.js";
import { contractMetrics } from "./conventions.js";
import { syntaxProblems } from "./promql/parse.js";

interface Panel { type: string; title?: string; targets?: { expr?: string }[] }
const dashboard = buildOverviewDashboard() as unknown as { uid: string; panels: Panel[]; templating: { list: { type: string; name: string; query?: string }[] } };
const queries = dashboard.panels.flatMap((p) => (p.targets ?? []).map((t) => t.expr ?? ""));

describe("the fleet overview dashboard", () => {
  it("offers namespace, owner and service filters over the exported SLAs", () => {
    expect(dashboard.templating.list.map((v) => `${v.type} ${v.name}`)).toEqual(["datasource datasource", "query namespace", "query owner", "query service"]);
  });

  it("reads only the exported contract metrics, every selector filtered on namespace, owner and service", () => {
    const exported = new Set<string>(Object.values(contractMetrics));
    expect(queries.length).toBeGreaterThan(8);
    for (const query of queries) {
      expect(syntaxProblems(query), query).toEqual([]);
      for (const s of selectors(query)) {
        expect(exported.has(s.metric), `${query} reads ${s.metric}`).toBe(true);
        expect(s.matchers, query).toEqual(expect.arrayContaining(['sla_namespace=~"$namespace"', 'owner=~"$owner"', 'service=~"$service"']));
      }
    }
  });

  it("tabulates every SLA's state, compliance, budget left, credit and 1h burn rate", () => {
    const table = dashboard.panels.find((p) => p.type === "table");
    const read = (table?.targets ?? []).flatMap((t) => selectors(t.expr ?? "").map((s) => s.metric));
    expect(read).toEqual(expect.arrayContaining([contractMetrics.slaState, contractMetrics.slaCompliance, contractMetrics.slaBudgetRemaining,
      contractMetrics.slaCredit, contractMetrics.objectiveBurnRate]));
  });
});
