// Export to OpenSLO v1 and import back: the SLA that comes back measures the same objectives over
// the same period and alerts on the same windows and factors. The documents are also imported from
// separate files, so references (alertPolicyRef, conditionRef) resolve across files.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseAllDocuments, stringify } from "yaml";
import { exportOpenSlo } from "../../operator/src/convert/index.js";
import { repoRoot } from "../support/burn-rate-tables.js";
import { compiled, importFiles, ourTiers, sortTiers } from "./support.js";

const sla = (spec: Record<string, unknown>) => ({ apiVersion: "servicelevel.dev/v1alpha1", kind: "ServiceLevelAgreement", metadata: { name: "checkout" }, spec });

const ratioSla = sla({
  service: "checkout",
  owner: "team-payments",
  description: "Checkout API",
  labels: { region: "eu-west-1" },
  period: { calendar: "month", timeZone: "Europe/Berlin" },
  objectives: [
    { name: "availability", description: "Requests that succeed", target: 99.9, indicator: { ratio: {
      errors: 'sum(rate(http_requests_total{job="checkout",code=~"5.."}[{{window}}]))', total: 'sum(rate(http_requests_total{job="checkout"}[{{window}}]))' } } },
    { name: "freshness", target: 99, indicator: { raw: { errorRatio: "1 - avg_over_time(up{job=\"checkout\"}[{{window}}])" } } },
  ],
  alerting: { page: { labels: { severity: "critical" } }, ticket: { labels: { severity: "warning" } } },
});

/** Writes each exported object to its own file and imports them together. */
async function roundTrip(source: unknown) {
  const exported = exportOpenSlo(compiled(source));
  const folder = mkdtempSync(join(tmpdir(), "openslo-export-"));
  const files = exported.documents.map((d, i) => {
    const file = join(folder, `${i}.yaml`);
    writeFileSync(file, stringify(d));
    return file;
  });
  return { exported, ...(await importFiles(files)) };
}

describe("exporting to OpenSLO and importing back", () => {
  it("gives back an SLA with the same objectives, period, owner, labels and alert tiers", async () => {
    const { slas, issues } = await roundTrip(ratioSla);
    expect(issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(slas).toHaveLength(1);
    const back = slas[0]!.sla;
    const original = compiled(ratioSla).sla;
    expect(back.metadata.name).toBe("checkout");
    expect(back.spec.owner).toBe("team-payments");
    expect(back.spec.description).toBe("Checkout API");
    expect(back.spec.labels).toEqual({ region: "eu-west-1" });
    expect(back.spec.period).toEqual(original.spec.period);
    expect(back.spec.objectives).toEqual(original.spec.objectives);
    expect(sortTiers(ourTiers(compiled(back)))).toEqual(sortTiers(ourTiers(compiled(ratioSla))));
    const severities = compiled(back).groups.flatMap((g) => g.rules).filter((r) => "alert" in r && r.expr.includes("long_window")).map((r) => r.labels["severity"]);
    expect(new Set(severities)).toEqual(new Set(["critical", "warning"]));
  });

  it("exports every example SLA as valid OpenSLO that imports into SLAs with the same targets and alert tiers", async () => {
    const folder = join(repoRoot, "policies/examples");
    for (const name of ["checkout-api.yaml", "order-flow.yaml", "hosting-contract.yaml", "support-desk.yaml"]) {
      for (const doc of parseAllDocuments(readFileSync(join(folder, name), "utf8"))) {
        const source = doc.toJS() as { spec: { objectives: { name: string; target: number }[] } };
        const { slas, issues, exported } = await roundTrip(source);
        expect(issues.filter((i) => i.severity === "error"), name).toEqual([]);
        expect(exported.documents.every((d) => (d as { apiVersion: string }).apiVersion === "openslo/v1")).toBe(true);
        const back = slas[0]!.sla;
        expect(back.spec.objectives.map((o) => [o.name, o.target])).toEqual(source.spec.objectives.map((o) => [o.name, o.target]));
        expect(sortTiers(ourTiers(compiled(back)))).toEqual(sortTiers(ourTiers(compiled(source))));
      }
    }
  });

  it("warns about what OpenSLO cannot express: maintenance, credits and short windows", () => {
    const source = parseAllDocuments(readFileSync(join(repoRoot, "policies/examples/hosting-contract.yaml"), "utf8"))[0]!.toJS();
    const { warnings } = exportOpenSlo(compiled(source));
    const text = warnings.map((w) => w.message).join("\n");
    expect(text).toMatch(/maintenance/);
    expect(text).toMatch(/credits/);
    expect(text).toMatch(/short windows/);
  });
});
