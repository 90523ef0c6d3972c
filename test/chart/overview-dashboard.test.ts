// The chart ships the dashboards the compiler builds, byte for byte, in ConfigMaps the Grafana
// sidecar picks up: the fleet overview and the shared SLA dashboard, which shows every SLA that
// has no dashboard of its own. On by default (the operator no longer writes a dashboard per SLA),
// off when asked.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildOverviewDashboard } from "../../operator/src/compile/overview-dashboard.js";
import { buildSlaDashboard } from "../../operator/src/compile/sla-dashboard.js";
import { CHART_DIR, ensureHelm, render, type K8sObject } from "./helm.js";

const dashboards = [
  { file: "servicelevel-overview.json", compiled: "servicelevel-overview.dashboard.json", configMap: "slo-servicelevel-operator-overview-dashboard", built: `${JSON.stringify(buildOverviewDashboard(), null, 2)}\n` },
  { file: "servicelevel-sla.json", compiled: "servicelevel-sla.dashboard.json", configMap: "slo-servicelevel-operator-sla-dashboard", built: `${JSON.stringify(buildSlaDashboard(), null, 2)}\n` },
];

for (const d of dashboards) {
  it(`the chart's copy of ${d.file} is the one the compiler builds (regenerate: slactl compile ... --out DIR, copy DIR/${d.compiled})`, () => {
    expect(readFileSync(join(CHART_DIR, "dashboards", d.file), "utf8")).toBe(d.built);
  });
}

describe("the dashboard ConfigMaps", () => {
  let annotated: K8sObject[] = [];
  let byDefault: K8sObject[] = [];
  let disabled: K8sObject[] = [];
  beforeAll(async () => {
    await ensureHelm();
    annotated = await render({ grafanaDashboards: { annotations: { grafana_folder: "Service levels" } } }, { release: "slo", namespace: "slo-system" });
    byDefault = await render(undefined, { release: "slo", namespace: "slo-system" });
    disabled = await render({ grafanaDashboards: { enabled: false } }, { release: "slo", namespace: "slo-system" });
  }, 30 * 60_000);

  it("are labelled for the Grafana sidecar and hold the dashboards", () => {
    for (const d of dashboards) {
      const map = annotated.find((o) => o.kind === "ConfigMap" && o.metadata.name === d.configMap) as (K8sObject & { data?: Record<string, string> }) | undefined;
      expect(map?.metadata.labels?.["grafana_dashboard"], d.configMap).toBe("1");
      expect(map?.metadata.annotations?.["grafana_folder"]).toBe("Service levels");
      expect(map?.metadata.namespace).toBe("slo-system");
      expect(`${map?.data?.[d.file] ?? ""}\n`).toBe(d.built);
    }
  });

  it("are rendered by default, and not when grafanaDashboards.enabled is false", () => {
    expect(byDefault.filter((o) => o.kind === "ConfigMap").map((o) => o.metadata.name).sort()).toEqual(dashboards.map((d) => d.configMap).sort());
    expect(disabled.filter((o) => o.kind === "ConfigMap")).toEqual([]);
  });
});
