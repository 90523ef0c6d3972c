// The README's Thanos setup, checked against the real parts: the chart values it gives put only the
// Ruler's label on our rules (helm merges maps with the chart's defaults, so a forgotten default
// would have kube-prometheus-stack's Prometheus evaluate them as well), and its ThanosRuler resource
// is accepted, with strict field validation, by the ThanosRuler CRD of the pinned prometheus-operator.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { template } from "../chart/helm.js";
import { startControlPlane, type ControlPlane } from "../controlplane/controlplane.js";
import { ensurePrometheusOperator, prometheusOperatorCrds } from "../prometheus-operator/prometheus-operator.js";
import { repoRoot } from "../support/burn-rate-tables.js";

/** The YAML documents of the README's "With Thanos" section. */
function readmeDocuments(): Record<string, unknown>[] {
  const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("### With Thanos"), readme.indexOf("\n## ", readme.indexOf("### With Thanos")));
  const block = /```yaml\n([\s\S]*?)```/.exec(section)?.[1];
  if (!block) throw new Error("README.md: no yaml block under \"### With Thanos\"");
  return parseAllDocuments(block).map((d) => d.toJS() as Record<string, unknown>);
}

const documents = readmeDocuments();
const values = documents.find((d) => "ruleLabels" in d);
const thanosRuler = documents.find((d) => d["kind"] === "ThanosRuler") as { metadata: { namespace: string }; spec: { ruleSelector: { matchLabels: Record<string, string> } } } | undefined;
let cp: ControlPlane | undefined;

beforeAll(async () => {
  await ensurePrometheusOperator(); // its CRDs come with the build
  cp = await startControlPlane({ crds: prometheusOperatorCrds(), prometheusRuleCrd: false });
}, 600_000);

afterAll(async () => {
  await cp?.stop();
}, 60_000);

describe("the README's Thanos Ruler setup", () => {
  it("gives our rules exactly the label the ThanosRuler selects, and not kube-prometheus-stack's", async () => {
    expect(values).toBeDefined();
    expect(thanosRuler).toBeDefined();
    const rendered = await template(values);
    expect(rendered.code, rendered.stderr).toBe(0);
    const ruleLabels = [...rendered.stdout.matchAll(/"--rule-label=([^"=]+)=([^"]*)"/g)].map((m) => [m[1], m[2]]);
    expect(Object.fromEntries(ruleLabels)).toEqual(thanosRuler?.spec.ruleSelector.matchLabels);
  });

  it("has a ThanosRuler that prometheus-operator's CRD accepts with strict field validation", async () => {
    const plane = cp as ControlPlane;
    await plane.kubectlOrThrow(["create", "namespace", thanosRuler?.metadata.namespace ?? "monitoring"]);
    const out = await plane.kubectlOrThrow(["apply", "--dry-run=server", "--validate=strict", "-o", "name", "-f", "-"], { input: JSON.stringify(thanosRuler) });
    expect(out.trim()).toBe("thanosruler.monitoring.coreos.com/slo");
    // The same check refuses a field the CRD does not have, so the one above can fail.
    const wrong = { ...thanosRuler, spec: { ...thanosRuler?.spec, queryEndpoint: ["x"] } };
    await expect(plane.kubectlOrThrow(["apply", "--dry-run=server", "--validate=strict", "-f", "-"], { input: JSON.stringify(wrong) })).rejects.toThrow(/queryEndpoint/);
  });
});
