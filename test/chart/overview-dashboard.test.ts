// The chart ships the fleet overview dashboard the compiler builds, byte for byte, in a ConfigMap
// the Grafana sidecar picks up; and only when asked.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildOverviewDashboard } from "../../operator/src/compile/overview-dashboard.js";
import { CHART_DIR, ensureHelm, render, type K8sObject } from "./helm.js";

const shipped = join(CHART_DIR, "dashboards", "servicelevel-overview.json");
const built = `${JSON.stringify(buildOverviewDashboard(), null, 2)}\n`;

it("the chart's copy of the overview dashboard is the one the compiler builds (regenerate: slactl compile ... --out DIR, copy DIR/servicelevel-overview.dashboard.json)", () => {
  expect(readFileSync(shipped, "utf8")).toBe(built);
});

describe("the overview dashboard ConfigMap", () => {
  let enabled: K8sObject[] = [];
  let disabled: K8sObject[] = [];
  beforeAll(async () => {
    await ensureHelm();
    enabled = await render({ grafanaDashboards: { enabled: true, annotations: { grafana_folder: "Service levels" } } }, { release: "slo", namespace: "slo-system" });
    disabled = await render(undefined, { release: "slo", namespace: "slo-system" });
  }, 30 * 60_000);

  it("is labelled for the Grafana sidecar and holds the dashboard", () => {
    const map = enabled.find((o) => o.kind === "ConfigMap") as (K8sObject & { data?: Record<string, string> }) | undefined;
    expect(map?.metadata.labels?.["grafana_dashboard"]).toBe("1");
    expect(map?.metadata.annotations?.["grafana_folder"]).toBe("Service levels");
    expect(map?.metadata.namespace).toBe("slo-system");
    expect(`${map?.data?.["servicelevel-overview.json"] ?? ""}\n`).toBe(built);
  });

  it("is not rendered by default", () => {
    expect(disabled.filter((o) => o.kind === "ConfigMap")).toEqual([]);
  });
});
