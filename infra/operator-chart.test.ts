// The operator chart rendered by the real helm with exactly the values the component declares
// (taken from the mocked Release): the Deployment's flags must carry the labels that Prometheus'
// ruleSelector selects and the URL of the stack's Prometheus, and the ServiceMonitor the label
// kube-prometheus-stack's Prometheus looks for. helm comes from the chart tests' helper, which
// builds it once into the cache when it is missing.
import * as pulumi from "@pulumi/pulumi";
import { beforeAll, describe, expect, it } from "vitest";
import { one as oneObject, render, type K8sObject } from "../test/chart/helm.js";
import { ServiceLevelStack, type ServiceLevelStackArgs } from "./service-level-stack.js";
import { loadServiceLevelSources, type ServiceLevelSources } from "./sources.js";
import { one, registered, setupMocks, types, unwrapSecrets } from "./test-support.js";

let sources: ServiceLevelSources;
beforeAll(async () => {
  sources = await loadServiceLevelSources();
});

interface Declared {
  selector: Record<string, string>;
  release: Record<string, unknown>;
  values: Record<string, unknown>;
}

async function declare(args: Partial<ServiceLevelStackArgs>): Promise<Declared> {
  const recorded = await setupMocks();
  const stack = new ServiceLevelStack("chart", { sources, grafanaAdminPassword: pulumi.secret("x"), ...args });
  await registered([stack, stack.operator]);
  const kps = unwrapSecrets(one(recorded, types.release, "chart-kube-prometheus-stack").inputs["values"]) as {
    prometheus: { prometheusSpec: { ruleSelector: { matchLabels: Record<string, string> } } };
  };
  const release = one(recorded, types.release, "chart-operator").inputs;
  return { selector: kps.prometheus.prometheusSpec.ruleSelector.matchLabels, release, values: unwrapSecrets(release["values"]) as Record<string, unknown> };
}

const operatorArgs = (objects: K8sObject[]): string[] => {
  const deployment = oneObject(objects, "Deployment") as K8sObject & { spec: { template: { spec: { containers: { name: string; args: string[] }[] } } } };
  return deployment.spec.template.spec.containers.find((c) => c.name === "operator")?.args ?? [];
};
const ruleLabelFlags = (objects: K8sObject[]) => operatorArgs(objects).filter((f) => f.startsWith("--rule-label=")).sort();
const asFlags = (labels: Record<string, string>) => Object.entries(labels).map(([k, v]) => `--rule-label=${k}=${v}`).sort();

describe("the operator chart with the component's values", () => {
  it("passes the ruleSelector's labels as --rule-label and the stack's Prometheus as --prometheus-url", async () => {
    const { selector, release, values } = await declare({});
    const objects = await render(values, { release: String(release["name"]), namespace: String(release["namespace"]) });
    expect(ruleLabelFlags(objects)).toEqual(asFlags(selector));
    expect(operatorArgs(objects)).toContain("--prometheus-url=http://kube-prometheus-stack-prometheus.monitoring.svc:9090");
    expect(oneObject(objects, "ServiceMonitor").metadata.labels?.["release"]).toBe("kube-prometheus-stack");
  }, 600_000);

  it("other rule labels replace the chart's default instead of adding to it", async () => {
    const { selector, release, values } = await declare({
      ruleLabels: { "servicelevel.dev/rules": "true", team: "platform" },
      operator: { replicas: 2, image: { repository: "registry.example.com/slo", tag: "1.2.3" } },
    });
    // Helm merges maps into the chart's defaults; the default release label is deleted with a null.
    expect(release["allowNullValues"]).toBe(true);
    const objects = await render(values, { release: String(release["name"]), namespace: String(release["namespace"]) });
    expect(ruleLabelFlags(objects)).toEqual(asFlags(selector));
    expect(ruleLabelFlags(objects)).toEqual(["--rule-label=servicelevel.dev/rules=true", "--rule-label=team=platform"]);
    const deployment = oneObject(objects, "Deployment") as K8sObject & { spec: { replicas: number; template: { spec: { containers: { image: string }[] } } } };
    expect(deployment.spec.replicas).toBe(2);
    expect(deployment.spec.template.spec.containers[0]?.image).toBe("registry.example.com/slo:1.2.3");
    // Two replicas: the chart turns leader election on.
    expect(operatorArgs(objects)).toContain("--leader-elect");
  }, 600_000);
});
