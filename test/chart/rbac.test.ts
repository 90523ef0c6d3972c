// The chart's RBAC is exactly what the operator needs: evidence from a real run.
//
// The test control plane runs with an audit log of every request made by the ServiceAccounts of
// the release namespace. The chart is rendered with helm and applied for real; the operator is
// started from the sources with the Deployment's own arguments and a kubeconfig holding a token of
// the chart's ServiceAccount (TokenRequest), i.e. as the pod would run. It then goes through every
// path that calls the API: SLAs created (rules and dashboards created by server-side apply, status
// patched, events; the AlertmanagerConfig of the SLA with maintenance), changed (rules patched),
// made invalid (a Warning event), maintenance removed (its AlertmanagerConfig deleted), deleted
// (generated objects deleted after a live read), leader election (Lease get, create, renew, release).
//
// From the audit log: no request was forbidden, and the set of permissions the requests needed is
// equal to the set the chart grants, so nothing is missing and nothing is granted beyond use. A
// PATCH or PUT that created an object (201) counts as create too, which the API server checks
// before creating on update. A second run installs the chart with watchNamespaces (Roles only) and
// checks that the operator then never leaves its namespaces.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../controlplane/binaries.js";
import { alertmanagerConfigCrdPath } from "../prometheus-operator/alertmanagerconfig-crd.js";
import { startControlPlane, type ControlPlane } from "../controlplane/controlplane.js";
import { OperatorProcess, stopAllOperators, waitFor } from "../operator/operator-process.js";
import { sla } from "../operator/cluster.js";
import { applyObjects, auditArgs, auditedRequests, auditPolicy, ensureNamespaces, verbsNeeded, writeServiceAccountKubeconfig, type AuditedRequest } from "./cluster.js";
import { assessHealth } from "../gitops/lua.js";
import { CHART_DIR, ensureHelm, one, render, type K8sObject } from "./helm.js";
import { grantedKeys, keysOf, operatorPermissions, permissionKey, type PolicyRule } from "./operator-permissions.js";

const skip = process.env["SLO_SKIP_CONTROLPLANE"] === "1";
const HOOK_TIMEOUT = 30 * 60_000; // a first build of the control plane or helm takes minutes
const RELEASE_NAMESPACE = "slo-system";
const EXAMPLE_NAMESPACES = ["shop", "vendors", "customers", "support"];

interface SlaListItem {
  metadata: { name: string; namespace: string; generation: number };
  status?: { observedGeneration?: number; conditions?: { type: string; status: string; reason?: string }[] };
}

/** The Deployment's `slactl run` arguments, with the listeners moved to free loopback ports. */
function operatorArgs(objects: K8sObject[], kubeconfig: string): string[] {
  const deployment = one(objects, "Deployment") as unknown as { spec: { template: { spec: { containers: { args: string[] }[] } } } };
  const args = deployment.spec.template.spec.containers[0]?.args ?? [];
  expect(args[0]).toBe("run");
  return [
    ...args.slice(1).filter((a) => !a.startsWith("--metrics-addr=") && !a.startsWith("--health-addr=")),
    "--metrics-addr=127.0.0.1:0", "--health-addr=127.0.0.1:0", `--kubeconfig=${kubeconfig}`,
  ];
}

const serviceAccountUser = (objects: K8sObject[]): string => `system:serviceaccount:${RELEASE_NAMESPACE}:${one(objects, "ServiceAccount").metadata.name}`;

/** Keys of every permission the requests needed, and the namespaces they were made in. */
function neededKeys(requests: AuditedRequest[]): Set<string> {
  const keys = new Set<string>();
  for (const r of requests) {
    const resource = r.subresource ? `${r.resource}/${r.subresource}` : r.resource;
    for (const verb of verbsNeeded(r)) keys.add(permissionKey({ group: r.group, resource, verb }));
  }
  return keys;
}

const sorted = (s: Iterable<string>): string[] => [...s].sort();

function rulesOf(objects: K8sObject[], kinds: string[]): PolicyRule[] {
  return objects.filter((o) => kinds.includes(o.kind)).flatMap((o) => (o["rules"] as PolicyRule[] | undefined) ?? []);
}

describe.skipIf(skip)("the chart's RBAC, checked against the requests of a real operator run", () => {
  let cp: ControlPlane;
  let dir: string;
  let auditLog: string;

  beforeAll(async () => {
    await ensureHelm();
    dir = mkdtempSync(join(tmpdir(), "slo-chart-rbac-"));
    const policy = join(dir, "audit-policy.yaml");
    auditLog = join(dir, "audit.log");
    writeFileSync(policy, auditPolicy(RELEASE_NAMESPACE));
    cp = await startControlPlane({
      crds: [join(CHART_DIR, "crds", "servicelevel.dev_servicelevelagreements.yaml"), await alertmanagerConfigCrdPath()],
      apiServerArgs: auditArgs(policy, auditLog),
    });
    await ensureNamespaces(cp, [RELEASE_NAMESPACE, ...EXAMPLE_NAMESPACES, "elsewhere"]);
  }, HOOK_TIMEOUT);

  afterAll(async () => {
    await stopAllOperators();
    await cp?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function slas(namespace?: string): Promise<SlaListItem[]> {
    const out = await cp.kubectlOrThrow(["get", "servicelevelagreements", ...(namespace ? ["-n", namespace] : ["--all-namespaces"]), "-o", "json"]);
    return (JSON.parse(out) as { items: SlaListItem[] }).items;
  }

  const condition = (sla: SlaListItem, type: string): string | undefined => sla.status?.conditions?.find((c) => c.type === type)?.status;
  const reconciled = (sla: SlaListItem): boolean => sla.status?.observedGeneration === sla.metadata.generation;

  async function generatedNames(kind: "prometheusrules" | "configmaps" | "alertmanagerconfigs", namespace?: string): Promise<string[]> {
    const out = await cp.kubectlOrThrow(["get", kind, ...(namespace ? ["-n", namespace] : ["--all-namespaces"]),
      "-l", "app.kubernetes.io/managed-by=servicelevel-operator", "-o", "jsonpath={range .items[*]}{.metadata.namespace}/{.metadata.name}{\"\\n\"}{end}"]);
    return out.split("\n").filter(Boolean).sort();
  }

  it("cluster-wide install: every request is allowed, and every granted permission is used", async () => {
    const objects = await render({ replicaCount: 2 }, { release: "slo", namespace: RELEASE_NAMESPACE });
    await applyObjects(cp, objects);
    const kubeconfig = join(dir, "cluster-wide.kubeconfig");
    await writeServiceAccountKubeconfig(cp, RELEASE_NAMESPACE, one(objects, "ServiceAccount").metadata.name, kubeconfig);
    const operator = new OperatorProcess("operator (ClusterRole)", operatorArgs(objects, kubeconfig));
    const describe = (): string => operator.describe();
    await operator.started(60_000);

    // 1. Every example SLA: rules and dashboards created (server-side apply), status patched, events.
    await cp.kubectlOrThrow(["apply", "--server-side", "--field-manager=slo-chart-test", "-f", join(REPO_ROOT, "policies", "examples")]);
    const all = await slas();
    expect(all.length).toBeGreaterThanOrEqual(5);
    await waitFor("every example SLA reconciled with its rules applied", async () => {
      const now = await slas();
      return now.length === all.length && now.every((s) => reconciled(s) && condition(s, "RulesApplied") === "True");
    }, 90_000, describe);
    expect(await generatedNames("prometheusrules")).toHaveLength(all.length);
    // The one example with maintenance windows gets its AlertmanagerConfig.
    await waitFor("the AlertmanagerConfig of the SLA with maintenance", async () =>
      (await generatedNames("alertmanagerconfigs")).join(",") === "customers/sla-managed-hosting", 60_000, describe);

    // 2. A change: the generated PrometheusRule is patched.
    const before = await cp.kubectlOrThrow(["get", "prometheusrules", "-n", "shop", "-l", "servicelevel.dev/sla=checkout", "-o", "jsonpath={.items[0].metadata.resourceVersion}"]);
    await cp.kubectlOrThrow(["patch", "sla", "checkout", "-n", "shop", "--type=json", "-p", JSON.stringify([{ op: "replace", path: "/spec/objectives/0/target", value: 99.5 }])]);
    await waitFor("the changed SLA's rules re-applied", async () => {
      const [checkout] = await slas("shop").then((l) => l.filter((s) => s.metadata.name === "checkout"));
      const now = await cp.kubectlOrThrow(["get", "prometheusrules", "-n", "shop", "-l", "servicelevel.dev/sla=checkout", "-o", "jsonpath={.items[0].metadata.resourceVersion}"]);
      return checkout !== undefined && reconciled(checkout) && now !== before;
    }, 60_000, describe);

    // 3. An invalid spec (the CRD accepts it, the compiler does not): Valid=False and a Warning event.
    await cp.kubectlOrThrow(["patch", "sla", "order-flow", "-n", "shop", "--type=json", "-p", JSON.stringify([
      { op: "replace", path: "/spec/objectives/0/indicator/ratio/total", value: "sum(rate(orders_total[{{window}}])" },
    ])]);
    await waitFor("the invalid SLA marked Valid=False", async () => {
      const [orderFlow] = await slas("shop").then((l) => l.filter((s) => s.metadata.name === "order-flow"));
      return orderFlow !== undefined && reconciled(orderFlow) && condition(orderFlow, "Valid") === "False";
    }, 60_000, describe);

    // The Argo CD health check on the statuses the operator really wrote: valid and applied (not
    // evaluated, no Prometheus here) is Healthy, the invalid one Degraded.
    const live = Object.fromEntries((await slas("shop")).map((s) => [s.metadata.name, s]));
    const health = assessHealth(live);
    expect(health["checkout"]?.status, JSON.stringify(live["checkout"]?.status)).toBe("Healthy");
    expect(health["order-flow"]).toMatchObject({ status: "Degraded", message: expect.stringContaining("Invalid; spec.objectives[0].indicator.ratio.total") as unknown });

    // 4. Maintenance removed: the AlertmanagerConfig goes.
    await cp.kubectlOrThrow(["patch", "sla", "managed-hosting", "-n", "customers", "--type=json", "-p", JSON.stringify([{ op: "remove", path: "/spec/maintenance" }])]);
    await waitFor("the AlertmanagerConfig deleted with the windows", async () => (await generatedNames("alertmanagerconfigs")).length === 0, 60_000, describe);

    // 5. A dashboard of its own (the others are shown by the shared one), then a deletion: the
    // operator confirms it with a live read and deletes the generated objects.
    await cp.kubectlOrThrow(["patch", "sla", "payment-gateway", "-n", "vendors", "--type=merge", "-p", JSON.stringify({ spec: { dashboard: { own: true } } })]);
    await waitFor("the dashboard ConfigMap of the SLA that asks for its own", async () => (await generatedNames("configmaps", "vendors")).length === 1, 60_000, describe);
    await cp.kubectlOrThrow(["delete", "sla", "payment-gateway", "-n", "vendors", "--wait=true"]);
    await waitFor("the deleted SLA's PrometheusRule and dashboard deleted", async () =>
      (await generatedNames("prometheusrules", "vendors")).length === 0 && (await generatedNames("configmaps", "vendors")).length === 0, 60_000, describe);

    // 6. Leader election: renewals every retry period, then the Lease released on SIGTERM.
    await waitFor("a Lease renewal", () => auditedRequests(auditLog, serviceAccountUser(objects)).some((r) => r.resource === "leases" && r.verb === "update"), 30_000, describe);
    expect(await operator.stop()).toBe(0);

    const requests = auditedRequests(auditLog, serviceAccountUser(objects));
    expect(requests.length).toBeGreaterThan(20);
    expect(requests.filter((r) => r.code === 403 || r.decision === "forbid").map((r) => `${r.verb} ${r.requestURI}`)).toEqual([]);
    const granted = grantedKeys(rulesOf(objects, ["ClusterRole", "Role"]));
    const needed = neededKeys(requests);
    expect(sorted(needed), "permissions the run needed vs. permissions the chart grants").toEqual(sorted(granted));
    expect(sorted(needed), "permissions the run needed vs. test/chart/operator-permissions.ts").toEqual(sorted(operatorPermissions.map(permissionKey)));

    // The Lease is only ever touched in the release namespace, by name.
    const leaseRequests = requests.filter((r) => r.resource === "leases");
    expect(new Set(leaseRequests.map((r) => r.namespace))).toEqual(new Set([RELEASE_NAMESPACE]));
    expect(new Set(leaseRequests.filter((r) => r.verb !== "create").map((r) => r.name))).toEqual(new Set(["servicelevel-operator"]));
  }, 300_000);

  it("namespaced install (watchNamespaces): Roles suffice, and no request leaves the watched namespaces", async () => {
    const watched = ["shop", "vendors"];
    const objects = await render({ watchNamespaces: watched }, { release: "scoped", namespace: RELEASE_NAMESPACE });
    expect(objects.filter((o) => o.kind.startsWith("Cluster"))).toEqual([]);
    await applyObjects(cp, objects);
    const user = serviceAccountUser(objects);

    // The API server's own view: allowed in a watched namespace, not elsewhere, not cluster-wide.
    const canI = async (...args: string[]): Promise<string> => (await cp.kubectl(["auth", "can-i", ...args, `--as=${user}`])).stdout.trim();
    expect(await canI("list", "servicelevelagreements.servicelevel.dev", "-n", "shop")).toBe("yes");
    expect(await canI("list", "servicelevelagreements.servicelevel.dev", "-n", "elsewhere")).toBe("no");
    expect(await canI("list", "servicelevelagreements.servicelevel.dev", "--all-namespaces")).toBe("no");

    const kubeconfig = join(dir, "scoped.kubeconfig");
    await writeServiceAccountKubeconfig(cp, RELEASE_NAMESPACE, one(objects, "ServiceAccount").metadata.name, kubeconfig);
    const operator = new OperatorProcess("operator (Roles)", operatorArgs(objects, kubeconfig));
    await operator.started(60_000);
    await cp.kubectlOrThrow(["apply", "--server-side", "--field-manager=slo-chart-test", "-f", join(REPO_ROOT, "policies", "examples", "payment-gateway.yaml")]);
    // An SLA outside the watched namespaces: the operator neither sees nor touches it.
    await cp.kubectlOrThrow(["apply", "--server-side", "--field-manager=slo-chart-test", "-f", "-"], { input: JSON.stringify(sla("outsider", "elsewhere")) });
    await waitFor("the SLAs of the watched namespaces reconciled", async () => {
      const vendors = (await slas("vendors")).filter((s) => s.metadata.name === "payment-gateway");
      return vendors.length === 1 && vendors.every((s) => reconciled(s) && condition(s, "RulesApplied") === "True")
        && (await generatedNames("prometheusrules", "vendors")).length === 1;
    }, 90_000, () => operator.describe());
    const ignored = await slas("elsewhere");
    expect(ignored.map((s) => s.metadata.name)).toEqual(["outsider"]);
    expect(ignored.every((s) => s.status === undefined), "no status outside the watched namespaces").toBe(true);
    expect(await generatedNames("prometheusrules", "elsewhere")).toEqual([]);
    expect(await operator.stop()).toBe(0);

    const requests = auditedRequests(auditLog, user);
    expect(requests.length).toBeGreaterThan(5);
    expect(requests.filter((r) => r.code === 403 || r.decision === "forbid").map((r) => `${r.verb} ${r.requestURI}`)).toEqual([]);
    expect(sorted(new Set(requests.map((r) => r.namespace ?? "(cluster-wide)")))).toEqual(sorted(watched));
    const needed = neededKeys(requests);
    const granted = grantedKeys(rulesOf(objects, ["Role"]));
    expect(sorted([...needed].filter((k) => !granted.has(k)))).toEqual([]);
    // Without leader election there is no Lease, and so no Lease permission either.
    expect(sorted([...granted].filter((k) => k.startsWith("coordination.k8s.io/")))).toEqual([]);
    expect(sorted(granted)).toEqual(sorted(keysOf(operatorPermissions, "watched")));
  }, 300_000);

  // What each install mode can touch, as the API server decides it (SubjectAccessReview through
  // `kubectl auth can-i --as`): RBAC cannot limit ConfigMaps to the operator's label, so the
  // cluster-wide install may change every ConfigMap of every namespace, kube-system included; the
  // namespaced install (watchNamespaces) only those of the watched namespaces. README "RBAC".
  it("measures what each install mode can touch: every namespace cluster-wide, the watched ones with watchNamespaces", async () => {
    const watched = ["shop", "vendors"];
    const modes = {
      "cluster-wide": await render({}, { release: "wide", namespace: RELEASE_NAMESPACE }),
      "namespaced": await render({ watchNamespaces: watched }, { release: "narrow", namespace: RELEASE_NAMESPACE }),
    };
    const namespaces = [...EXAMPLE_NAMESPACES, "elsewhere", "kube-system", "default", RELEASE_NAMESPACE].sort();
    const probes = [["list", "configmaps"], ["patch", "configmaps"], ["delete", "configmaps"], ["patch", "prometheusrules.monitoring.coreos.com"],
      ["list", "servicelevelagreements.servicelevel.dev"], ["get", "secrets"], ["list", "pods"]] as const;
    const table: string[] = [];
    const reach: Record<string, Record<string, string[]>> = {};
    for (const [mode, objects] of Object.entries(modes)) {
      await applyObjects(cp, objects);
      const user = serviceAccountUser(objects);
      reach[mode] = {};
      for (const [verb, resource] of probes) {
        const allowed: string[] = [];
        for (const namespace of namespaces) {
          const answer = (await cp.kubectl(["auth", "can-i", verb, resource, "-n", namespace, `--as=${user}`])).stdout.trim();
          if (answer === "yes") allowed.push(namespace);
        }
        const everywhere = (await cp.kubectl(["auth", "can-i", verb, resource, "--all-namespaces", `--as=${user}`])).stdout.trim() === "yes";
        (reach[mode] as Record<string, string[]>)[`${verb} ${resource}`] = everywhere ? ["(all namespaces)", ...allowed] : allowed;
        table.push(`${mode.padEnd(12)} ${`${verb} ${resource}`.padEnd(48)} ${everywhere ? "every namespace" : allowed.length === 0 ? "none" : allowed.join(", ")}`);
      }
    }
    console.log(`what each install mode can touch (${namespaces.length} namespaces probed):\n${table.join("\n")}`);
    const wide = reach["cluster-wide"] ?? {};
    const narrow = reach["namespaced"] ?? {};
    for (const probe of ["list configmaps", "patch configmaps", "delete configmaps", "patch prometheusrules.monitoring.coreos.com", "list servicelevelagreements.servicelevel.dev"]) {
      expect(wide[probe], `cluster-wide: ${probe}`).toEqual(["(all namespaces)", ...namespaces]);
      expect(narrow[probe], `namespaced: ${probe}`).toEqual(watched);
    }
    for (const probe of ["get secrets", "list pods"]) {
      expect(wide[probe], `cluster-wide: ${probe}`).toEqual([]);
      expect(narrow[probe], `namespaced: ${probe}`).toEqual([]);
    }
  }, 120_000);

  it("the API server grants the ServiceAccount the chart's rules and nothing else (SelfSubjectRulesReview)", async () => {
    const objects = await render({ replicaCount: 2 }, { release: "slo", namespace: RELEASE_NAMESPACE });
    await applyObjects(cp, objects);
    const kubeconfig = join(dir, "review.kubeconfig");
    await writeServiceAccountKubeconfig(cp, RELEASE_NAMESPACE, one(objects, "ServiceAccount").metadata.name, kubeconfig);
    // Rules every authenticated user has (system:basic-user, system:discovery) are not the chart's.
    const everyone = new Set(["authorization.k8s.io/selfsubjectaccessreviews:create", "authorization.k8s.io/selfsubjectrulesreviews:create",
      "authentication.k8s.io/selfsubjectreviews:create"]);
    const review = async (namespace: string): Promise<Set<string>> => {
      const body = JSON.stringify({ apiVersion: "authorization.k8s.io/v1", kind: "SelfSubjectRulesReview", spec: { namespace } });
      const out = await cp.kubectlOrThrow([`--kubeconfig=${kubeconfig}`, "create", "--validate=false", "-f", "-", "-o", "json"], { input: body });
      const rules = (JSON.parse(out) as { status: { resourceRules: PolicyRule[] } }).status.resourceRules;
      return new Set([...grantedKeys(rules)].filter((k) => !everyone.has(k)));
    };
    // A watched namespace: the operator's rules; the release namespace adds the Lease.
    expect(sorted(await review("shop"))).toEqual(sorted(keysOf(operatorPermissions, "watched")));
    expect(sorted(await review(RELEASE_NAMESPACE))).toEqual(sorted(operatorPermissions.map(permissionKey)));
    const user = serviceAccountUser(objects);
    for (const [verb, resource] of [["get", "secrets"], ["list", "pods"], ["update", "servicelevelagreements.servicelevel.dev"],
      ["delete", "servicelevelagreements.servicelevel.dev"], ["update", "prometheusrules.monitoring.coreos.com"], ["get", "configmaps"], ["delete", "leases.coordination.k8s.io"]] as const) {
      expect(`${verb} ${resource}: ${(await cp.kubectl(["auth", "can-i", verb, resource, "-n", "shop", `--as=${user}`])).stdout.trim()}`).toBe(`${verb} ${resource}: no`);
    }
  }, 120_000);
});
