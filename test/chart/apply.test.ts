// The rendered chart is accepted by a real API server: `kubectl apply --server-side --dry-run=server
// --validate=strict` of every object (defaults and non-default values), so misspelt or unknown
// fields, invalid names and wrong API versions fail here; the chart's CRDs as `helm install` would
// send them; the optional ServiceMonitor against the upstream schema; and the operator's pod against
// the Pod Security Standard "restricted", enforced by the API server's PodSecurity admission.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { REPO_ROOT } from "../controlplane/binaries.js";
import { startControlPlane, type ControlPlane } from "../controlplane/controlplane.js";
import { applyObjects, ensureNamespaces, toStream } from "./cluster.js";
import { CHART_DIR, ensureHelm, one, parseManifests, render, template, type K8sObject } from "./helm.js";
import { serviceMonitorCrdYaml, serviceMonitorSchemaErrors } from "./servicemonitor-crd.js";

const skip = process.env["SLO_SKIP_CONTROLPLANE"] === "1";
const HOOK_TIMEOUT = 30 * 60_000;
const RELEASE_NAMESPACE = "slo-system";
const CRD_FILE = join(CHART_DIR, "crds", "servicelevel.dev_servicelevelagreements.yaml");

const withEverything = {
  replicaCount: 2,
  watchNamespaces: ["shop", "vendors"],
  labelSelector: "team=payments",
  serviceMonitor: { enabled: true, labels: { release: "kube-prometheus-stack" } },
  prometheus: { url: "https://prometheus.monitoring.svc:9090", existingSecret: "prometheus-credentials", bearerTokenKey: "token", tls: { caKey: "ca.crt" } },
  podAnnotations: { "example.com/owner": "platform" },
  tolerations: [{ key: "dedicated", operator: "Exists", effect: "NoSchedule" }],
};

/** The Deployment's pod template as a Pod in `namespace`. */
function podFrom(objects: K8sObject[], namespace: string): K8sObject {
  const deployment = one(objects, "Deployment") as unknown as { spec: { template: { metadata: Record<string, unknown>; spec: Record<string, unknown> } } };
  return { apiVersion: "v1", kind: "Pod", metadata: { ...deployment.spec.template.metadata, name: "operator-pod-check", namespace }, spec: deployment.spec.template.spec };
}

describe.skipIf(skip)("the rendered chart against a real API server (server-side dry run)", () => {
  let cp: ControlPlane;
  let dir: string;

  beforeAll(async () => {
    await ensureHelm();
    dir = mkdtempSync(join(tmpdir(), "slo-chart-apply-"));
    const serviceMonitorCrd = join(dir, "servicemonitors.monitoring.coreos.com.yaml");
    writeFileSync(serviceMonitorCrd, serviceMonitorCrdYaml());
    cp = await startControlPlane({ crds: [CRD_FILE, serviceMonitorCrd] });
    await ensureNamespaces(cp, [RELEASE_NAMESPACE, "shop", "vendors"]);
    // A namespace where the API server enforces the "restricted" Pod Security Standard.
    await cp.kubectlOrThrow(["apply", "--server-side", "--field-manager=slo-chart-test", "-f", "-"], {
      input: toStream([{ apiVersion: "v1", kind: "Namespace", metadata: { name: "restricted", labels: { "pod-security.kubernetes.io/enforce": "restricted", "pod-security.kubernetes.io/enforce-version": "latest" } } }]),
    });
  }, HOOK_TIMEOUT);

  afterAll(async () => {
    await cp?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    { name: "default values", values: undefined },
    { name: "namespaces, two replicas, ServiceMonitor, Prometheus credentials", values: withEverything },
    { name: "basic auth and leader election with one replica", values: { leaderElection: { enabled: true }, prometheus: { url: "http://prometheus:9090", existingSecret: "prom", basicAuth: { username: "slo", passwordKey: "password" } } } },
  ])("accepts every object with $name", async ({ values }) => {
    const objects = await render(values, { release: "slo", namespace: RELEASE_NAMESPACE });
    const out = await applyObjects(cp, objects, { dryRun: true });
    const applied = out.split("\n").map((l) => l.replace(/ \(server dry run\)$/, "").trim()).filter(Boolean);
    expect(applied).toHaveLength(objects.length);
    for (const o of objects) expect(applied.some((a) => a.endsWith(`/${o.metadata.name}`)), `${o.kind} ${o.metadata.name}`).toBe(true);
  });

  it("would refuse a misspelt field (strict field validation is on)", async () => {
    const objects = await render(undefined, { release: "slo", namespace: RELEASE_NAMESPACE });
    const deployment = one(objects, "Deployment") as unknown as { spec: { template: { spec: { containers: Record<string, unknown>[] } } } };
    const container = deployment.spec.template.spec.containers[0] as { securityContext: Record<string, unknown> };
    container.securityContext = { ...container.securityContext, readOnlyRootFileSystem: true };
    await expect(applyObjects(cp, [deployment as unknown as K8sObject], { dryRun: true })).rejects.toThrow(/readOnlyRootFileSystem: field not declared in schema/);
  });

  it("the ServiceMonitor passes the upstream prometheus-operator schema", async () => {
    const objects = await render(withEverything, { release: "slo", namespace: RELEASE_NAMESPACE });
    const sm = one(objects, "ServiceMonitor");
    expect(serviceMonitorSchemaErrors(sm)).toBeUndefined();
    // The check has teeth: a malformed interval is rejected.
    expect(serviceMonitorSchemaErrors({ ...sm, spec: { ...(sm["spec"] as object), endpoints: [{ port: "metrics", interval: "30 seconds" }] } })).toMatch(/interval/);
  });

  it("installs the CRDs helm would install (helm template --include-crds), identical to crds/", async () => {
    const r = await template(undefined, { includeCrds: true });
    expect(r.code, r.stderr).toBe(0);
    const crds = parseManifests(r.stdout).filter((o) => o.kind === "CustomResourceDefinition");
    const expected = parseAllDocuments(readFileSync(join(REPO_ROOT, "crds", "servicelevel.dev_servicelevelagreements.yaml"), "utf8")).map((d) => d.toJS() as K8sObject);
    expect(crds).toEqual(expected);
    await applyObjects(cp, crds, { dryRun: true });
  });

  it("the operator's pod meets the restricted Pod Security Standard", async () => {
    for (const values of [undefined, withEverything]) {
      const pod = podFrom(await render(values, { release: "slo", namespace: RELEASE_NAMESPACE }), "restricted");
      const r = await cp.kubectl(["create", "--dry-run=server", "-f", "-", "-o", "name"], { input: toStream([pod]) });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).not.toMatch(/PodSecurity/);
    }
    // PodSecurity admission is really enforcing there: the same pod without the hardening is refused.
    const soft = podFrom(await render(), "restricted");
    const spec = soft["spec"] as { securityContext: Record<string, unknown>; containers: { securityContext: Record<string, unknown> }[] };
    spec.securityContext = {};
    for (const c of spec.containers) c.securityContext = {};
    const refused = await cp.kubectl(["create", "--dry-run=server", "-f", "-"], { input: toStream([soft]) });
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/violates PodSecurity "restricted/);
  });
});
