// The Pulumi program of this repository (Pulumi.yaml: main: infra/index.ts, run by tsx). It reads
// the stack configuration, loads the CRDs, SLAs and the operator chart from the checkout, and
// declares the ServiceLevelStack on the cluster of the current kubeconfig context (or of the
// kubernetes:context / kubernetes:kubeconfig config of the stack). docs/pulumi.md explains it.
import * as pulumi from "@pulumi/pulumi";
import { readStackConfig } from "./config.js";
import { ServiceLevelStack } from "./service-level-stack.js";

const stack = await ServiceLevelStack.create("servicelevel", readStackConfig(new pulumi.Config()));

export const namespace = stack.namespace;
export const prometheusUrl = stack.prometheusUrl;
export const alertmanagerUrl = stack.alertmanagerUrl;
export const grafanaUrl = stack.grafanaUrl;
export const grafanaService = stack.grafanaService;
/** `kubectl port-forward` line that opens Grafana on http://localhost:3000. */
export const grafanaPortForward = pulumi.interpolate`kubectl -n ${stack.namespace} port-forward svc/${stack.grafanaService.apply((s) => s.split("/")[1] ?? s)} 3000:80`;
export const prometheusRetention = stack.retention.retention;
export const longestSlaPeriod = stack.retention.longestSla === null
  ? `none found: the default ${stack.retention.longestPeriod}`
  : `${stack.retention.longestSla}: ${stack.retention.longestPeriod}`;
export const ruleLabels = stack.ruleLabels;
export const exampleSlas = stack.examples.length;
