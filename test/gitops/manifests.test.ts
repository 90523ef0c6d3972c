// The GitOps examples in deploy/gitops/: Argo CD (argocd-cm.yaml, application.yaml) and Flux
// (operator.yaml, kustomizations.yaml). Flux's and Argo CD's CRDs are not installed on the test API
// server, so their objects are checked as YAML: kinds and API versions, references between them
// (sources, dependsOn, the operator Deployment a health check names, which the chart must render
// under that name), the chart values they carry (rendered by the real helm, so the chart's schema
// checks them), and the Flux CEL health expressions against the Argo CD check's states. Everything
// of a built-in kind (the ConfigMap, the Namespace) goes through a server-side dry run.
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { REPO_ROOT } from "../controlplane/binaries.js";
import { startControlPlane, type ControlPlane } from "../controlplane/controlplane.js";
import { applyObjects, ensureNamespaces } from "../chart/cluster.js";
import { CHART_DIR, ensureHelm, one, render, type K8sObject } from "../chart/helm.js";

const GITOPS = join(REPO_ROOT, "deploy", "gitops");
const skip = process.env["SLO_SKIP_CONTROLPLANE"] === "1";

function load(...path: string[]): K8sObject[] {
  const docs = parseAllDocuments(readFileSync(join(GITOPS, ...path), "utf8"));
  for (const d of docs) expect(d.errors.map((e) => e.message), path.join("/")).toEqual([]);
  return docs.map((d) => d.toJS() as K8sObject).filter((o) => o !== null);
}

const flux = [...load("flux", "operator.yaml"), ...load("flux", "kustomizations.yaml")];
const argo = [...load("argocd", "application.yaml"), ...load("argocd", "argocd-cm.yaml")];
const exampleSlas = readdirSync(join(REPO_ROOT, "policies", "examples"))
  .flatMap((f) => parseAllDocuments(readFileSync(join(REPO_ROOT, "policies", "examples", f), "utf8")).map((d) => d.toJS() as K8sObject));

interface KustomizationSpec {
  wait?: boolean;
  dependsOn?: { name: string }[];
  healthChecks?: { apiVersion: string; kind: string; name: string; namespace: string }[];
  healthCheckExprs?: { apiVersion: string; kind: string; current: string; failed: string; inProgress?: string }[];
  sourceRef: { kind: string; name: string };
  path: string;
  prune: boolean;
  timeout?: string;
}

const spec = <T>(o: K8sObject): T => o["spec"] as T;

beforeAll(async () => {
  await ensureHelm();
}, 30 * 60_000);

describe("the Flux example", () => {
  it("holds only the kinds and API versions it means to", () => {
    expect(flux.map((o) => `${o.apiVersion} ${o.kind} ${o.metadata.name}`)).toEqual([
      "v1 Namespace servicelevel-operator",
      "source.toolkit.fluxcd.io/v1 GitRepository servicelevel-operator",
      "helm.toolkit.fluxcd.io/v2 HelmRelease servicelevel-operator",
      "kustomize.toolkit.fluxcd.io/v1 Kustomization servicelevel-operator",
      "kustomize.toolkit.fluxcd.io/v1 Kustomization shop-slas",
    ]);
  });

  it("installs the chart of this repository, from the GitRepository it defines, with CRD upgrades", () => {
    const release = one(flux, "HelmRelease");
    const s = spec<{ chart: { spec: { chart: string; sourceRef: { kind: string; name: string; namespace: string } } }; install: { crds: string }; upgrade: { crds: string } }>(release);
    expect(existsSync(join(REPO_ROOT, s.chart.spec.chart, "Chart.yaml"))).toBe(true);
    const source = one(flux, "GitRepository");
    expect(s.chart.spec.sourceRef).toEqual({ kind: "GitRepository", name: source.metadata.name, namespace: source.metadata.namespace });
    expect(s.install.crds).toBe("Create");
    expect(s.upgrade.crds).toBe("CreateReplace");
  });

  it("carries chart values the chart accepts", async () => {
    const release = one(flux, "HelmRelease");
    const objects = await render(spec<{ values: Record<string, unknown> }>(release).values, { release: release.metadata.name, namespace: release.metadata.namespace ?? "default" });
    expect(objects.some((o) => o.kind === "ServiceMonitor")).toBe(true);
  });

  it("waits for the operator, then gates the SLAs on the operator's Deployment and the SLAs' health", async () => {
    const operator = one(flux, "Kustomization", "servicelevel-operator");
    expect(spec<KustomizationSpec>(operator).wait).toBe(true);
    const slas = spec<KustomizationSpec>(one(flux, "Kustomization", "shop-slas"));
    expect(slas.dependsOn).toEqual([{ name: "servicelevel-operator" }]);
    // Flux ignores healthChecks when wait is true.
    expect(slas.wait).toBeUndefined();
    expect(slas.timeout).toBeDefined();

    // The Deployment named in the health check is the one the chart renders for this HelmRelease.
    const release = one(flux, "HelmRelease");
    const rendered = await render(spec<{ values: Record<string, unknown> }>(release).values, { release: release.metadata.name, namespace: release.metadata.namespace ?? "default" });
    const deployment = one(rendered, "Deployment");
    expect(slas.healthChecks).toContainEqual({ apiVersion: "apps/v1", kind: "Deployment", name: deployment.metadata.name, namespace: release.metadata.namespace });

    // The SLAs named are real examples.
    const slaChecks = (slas.healthChecks ?? []).filter((h) => h.kind === "ServiceLevelAgreement");
    expect(slaChecks.length).toBeGreaterThan(0);
    for (const check of slaChecks) {
      expect(check.apiVersion).toBe("servicelevel.dev/v1alpha1");
      expect(exampleSlas.some((e) => e.metadata.name === check.name && e.metadata.namespace === check.namespace), `${check.namespace}/${check.name}`).toBe(true);
    }
  });

  it("defines SLA health with CEL expressions that sort the states as the Argo CD check does", () => {
    const exprs = spec<KustomizationSpec>(one(flux, "Kustomization", "shop-slas")).healthCheckExprs ?? [];
    expect(exprs).toHaveLength(1);
    const expr = exprs[0] as NonNullable<KustomizationSpec["healthCheckExprs"]>[number];
    expect(expr.apiVersion).toBe("servicelevel.dev/v1alpha1");
    expect(expr.kind).toBe("ServiceLevelAgreement");
    const states = (text: string): string[] => [...text.matchAll(/'(Compliant|AtRisk|Breached|Invalid|NoData)'/g)].map((m) => m[1] as string).sort();
    expect(states(expr.current)).toEqual(["AtRisk", "Compliant"]);
    expect(states(expr.failed)).toEqual(["Breached", "Invalid", "NoData"]);
    expect(expr.inProgress).toContain("status.?observedGeneration.orValue(0) < metadata.generation");
    expect(expr.failed).toContain("c.type == 'Ready' && c.status == 'False'");
    // Balanced parentheses and quotes: a cheap guard against a broken edit.
    for (const text of [expr.current, expr.failed, expr.inProgress ?? ""]) {
      expect([...text].filter((c) => c === "(").length).toBe([...text].filter((c) => c === ")").length);
      expect([...text].filter((c) => c === "'").length % 2).toBe(0);
    }
  });
});

describe("the Argo CD example", () => {
  it("installs the chart with values the chart accepts, before the SLAs", async () => {
    const app = one(argo, "Application", "servicelevel-operator");
    const source = spec<{ source: { path: string; helm: { releaseName: string; valuesObject: Record<string, unknown> } }; syncPolicy: { syncOptions: string[] } }>(app);
    expect(join(REPO_ROOT, source.source.path)).toBe(CHART_DIR);
    const objects = await render(source.source.helm.valuesObject, { release: source.source.helm.releaseName, namespace: "servicelevel-operator" });
    expect(one(objects, "Deployment").metadata.name).toBe("servicelevel-operator");
    expect(source.syncPolicy.syncOptions).toContain("ServerSideApply=true");
    expect(Number(app.metadata.annotations?.["argocd.argoproj.io/sync-wave"])).toBeLessThan(0);
  });
});

describe.skipIf(skip)("the built-in kinds of the GitOps examples (server-side dry run)", () => {
  let cp: ControlPlane;
  beforeAll(async () => {
    cp = await startControlPlane({ prometheusRuleCrd: false });
    await ensureNamespaces(cp, ["argocd"]);
  }, 30 * 60_000);
  afterAll(async () => {
    await cp?.stop();
  });

  it("are accepted by the API server", async () => {
    const builtIn = [...flux, ...argo].filter((o) => o.apiVersion === "v1");
    expect(builtIn.map((o) => o.kind).sort()).toEqual(["ConfigMap", "Namespace"]);
    await applyObjects(cp, builtIn, { dryRun: true });
  });
});
