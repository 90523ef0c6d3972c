// The fleet overview: one Grafana dashboard of every SLA, from the contract figures the operator
// exports from status, filterable by namespace, owner and service. It depends on no SLA, so
// `slactl compile` writes it once and the Helm chart ships it for the Grafana sidecar.
//   counts: SLAs | compliant | at risk | breached | credit owed
//   table: one line per SLA: state, compliance, budget left, credit, fastest 1h burn, period end
//   compliance and budget left over time, one line per SLA
import { DashboardBuilder, DashboardCursorSync, DatasourceVariableBuilder, QueryVariableBuilder, VariableRefresh, VariableSort,
  type Dashboard } from "@grafana/grafana-foundation-sdk/dashboard";
import { BigValueGraphMode } from "@grafana/grafana-foundation-sdk/common";
import { PromQueryFormat } from "@grafana/grafana-foundation-sdk/prometheus";
import { PanelBuilder as StatPanelBuilder } from "@grafana/grafana-foundation-sdk/stat";
import { PanelBuilder as TablePanelBuilder } from "@grafana/grafana-foundation-sdk/table";
import { PanelBuilder as TimeseriesPanelBuilder } from "@grafana/grafana-foundation-sdk/timeseries";
import { contractMetrics } from "./conventions.js";
import { managedByLabels } from "./outputs.js";
import { counter, datasource, datasourceVariable, instantQuery, lastValue, legend, rangeQuery, thresholds } from "./dashboards.js";

export const overviewDashboardUid = "servicelevel-overview";
/** File name of the overview, under `slactl compile`'s output folder and in the chart's ConfigMap. */
export const overviewFileName = "servicelevel-overview.dashboard.json";

const filters = [
  { name: "namespace", label: "sla_namespace", title: "Namespace" },
  { name: "owner", label: "owner", title: "Owner" },
  { name: "service", label: "service", title: "Service" },
] as const;
const slaKey = ["sla_namespace", "sla", "service", "owner"];

/** `metric{sla_namespace=~"$namespace", owner=~"$owner", service=~"$service"}`, optionally with more matchers. */
function selected(metric: string, extra = ""): string {
  const matchers = filters.map((f) => `${f.label}=~"$${f.name}"`);
  return `${metric}{${[...matchers, ...(extra ? [extra] : [])].join(", ")}}`;
}

const perSla = (metric: string, extra = "") => `max by (${slaKey.join(", ")}) (${selected(metric, extra)})`;
const countState = (state: string) => `count(${perSla(contractMetrics.slaState, `state="${state}"`)} == 1) or vector(0)`;

/** Builds the fleet overview dashboard. */
export function buildOverviewDashboard(): Dashboard {
  const ids = counter();
  const stat = (title: string, description: string, expr: string, color: string) =>
    new StatPanelBuilder().id(ids()).title(title).description(description).datasource(datasource)
      .withTarget(instantQuery("A", expr, "")).reduceOptions(lastValue()).graphMode(BigValueGraphMode.None)
      .thresholds(thresholds([{ value: null, color }])).height(4).span(4);
  const table = new TablePanelBuilder()
    .id(ids())
    .title("Service level agreements")
    .description("Every SLA's current contract period, as in its status.")
    .datasource(datasource)
    .withTarget(instantQuery("A", `${perSla(contractMetrics.slaState)} == 1`, "").format(PromQueryFormat.Table))
    .withTarget(instantQuery("B", perSla(contractMetrics.slaCompliance), "").format(PromQueryFormat.Table))
    .withTarget(instantQuery("C", perSla(contractMetrics.slaBudgetRemaining), "").format(PromQueryFormat.Table))
    .withTarget(instantQuery("D", perSla(contractMetrics.slaCredit), "").format(PromQueryFormat.Table))
    .withTarget(instantQuery("E", perSla(contractMetrics.objectiveBurnRate, 'window="1h"'), "").format(PromQueryFormat.Table))
    .withTarget(instantQuery("F", `${perSla(contractMetrics.slaPeriodEnd)} * 1000`, "").format(PromQueryFormat.Table))
    .withTransformation({ id: "merge", options: {} })
    .withTransformation({
      id: "organize",
      options: {
        excludeByName: { Time: true, "Value #A": true },
        indexByName: { sla_namespace: 0, sla: 1, service: 2, owner: 3, state: 4, "Value #B": 5, "Value #C": 6, "Value #D": 7, "Value #E": 8, "Value #F": 9 },
        renameByName: {
          sla_namespace: "Namespace", sla: "SLA", service: "Service", owner: "Owner", state: "State",
          "Value #B": "Compliance", "Value #C": "Budget left", "Value #D": "Credit %", "Value #E": "Burn 1h (fastest objective)", "Value #F": "Period ends",
        },
      },
    })
    .overrideByName("Compliance", [{ id: "unit", value: "percentunit" }, { id: "decimals", value: 3 }])
    .overrideByName("Budget left", [{ id: "unit", value: "percentunit" }, { id: "decimals", value: 1 }])
    .overrideByName("Burn 1h (fastest objective)", [{ id: "unit", value: "suffix:x" }, { id: "decimals", value: 2 }])
    .overrideByName("Period ends", [{ id: "unit", value: "dateTimeAsIso" }])
    .noValue("No SLA exports figures yet")
    .height(12)
    .span(24);
  const overTime = (title: string, metric: string, unit: string) => new TimeseriesPanelBuilder()
    .id(ids())
    .title(title)
    .datasource(datasource)
    .withTarget(rangeQuery("A", perSla(metric), "{{sla_namespace}}/{{sla}}"))
    .unit(unit)
    .decimals(2)
    .legend(legend())
    .height(8)
    .span(12);

  const builder = new DashboardBuilder("Service levels: overview")
    .uid(overviewDashboardUid)
    .description("All ServiceLevelAgreements, from the figures the servicelevel-operator writes into their status and exports.")
    .tags(["servicelevel", "sla", "overview"])
    .editable()
    .tooltip(DashboardCursorSync.Crosshair)
    .time({ from: "now-7d", to: "now" })
    .refresh("1m")
    .timezone("utc")
    .variables([
      new DatasourceVariableBuilder(datasourceVariable).label("Data source").type("prometheus"),
      ...filters.map((f) => {
        const query = `label_values(${contractMetrics.slaCompliance}, ${f.label})`;
        return new QueryVariableBuilder(f.name).label(f.title).datasource(datasource).query(query).definition(query)
          .refresh(VariableRefresh.OnTimeRangeChanged).sort(VariableSort.AlphabeticalAsc).multi(true).includeAll(true).allValue(".*");
      }),
    ]);
  builder.withPanel(stat("SLAs", "SLAs that export figures.", `count(${perSla(contractMetrics.slaCompliance)}) or vector(0)`, "blue"));
  builder.withPanel(stat("Compliant", "SLAs in state Compliant.", countState("Compliant"), "green"));
  builder.withPanel(stat("At risk", "SLAs in state AtRisk: on track to miss the period.", countState("AtRisk"), "orange"));
  builder.withPanel(stat("Breached", "SLAs in state Breached: the period's target is missed.", countState("Breached"), "red"));
  builder.withPanel(stat("Credit owed", "SLAs that owe a service credit for the current period.", `count(${perSla(contractMetrics.slaCredit)} > 0) or vector(0)`, "red"));
  builder.withPanel(stat("In maintenance", "SLAs in a maintenance window now.", `count(${perSla(contractMetrics.slaMaintenanceActive)} == 1) or vector(0)`, "purple"));
  builder.withPanel(table);
  builder.withPanel(overTime("Compliance", contractMetrics.slaCompliance, "percentunit"));
  builder.withPanel(overTime("Error budget left", contractMetrics.slaBudgetRemaining, "percentunit"));
  return JSON.parse(JSON.stringify(builder.build())) as Dashboard;
}

/** The overview as the ConfigMap the Grafana sidecar loads (the chart ships the same JSON). */
export function overviewConfigMap(namespace: string): object {
  return {
    apiVersion: "v1",
    kind: "ConfigMap",
    metadata: { name: "servicelevel-overview-dashboard", namespace, labels: { ...managedByLabels, grafana_dashboard: "1" } },
    data: { "servicelevel-overview.json": `${JSON.stringify(buildOverviewDashboard(), null, 2)}\n` },
  };
}
