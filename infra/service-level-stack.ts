// ServiceLevelStack: the whole servicelevel-operator monitoring stack on one cluster, as one Pulumi
// component for programs of their own (infra/index.ts is the program of this repository):
//
//   namespace ─┬─ Secret <release>-grafana-admin        (the Grafana admin password, secret)
//              ├─ Secret <release>-alertmanager-config  (alertmanager.yaml with the webhook URLs, secret)
//              └─ Release kube-prometheus-stack ─── Release servicelevel-operator (local chart)
//   CustomResourceDefinitions from crds/ ─────────────┘        └── example SLAs (optional)
//
// The two releases are wired together here: Prometheus' ruleSelector equals the operator's rule
// labels, the operator evaluates against the stack's Prometheus service, Grafana's dashboard
// sidecar looks for the label the operator's dashboard ConfigMaps carry, and the retention covers
// the longest SLA period. Everything read from disk comes in through `sources`
// (loadServiceLevelSources), so the constructor itself does no I/O.
import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import { alertmanagerConfigKey, renderAlertmanagerConfig } from "./alertmanager.js";
import { defaultRetentionMarginDays, prometheusRetention, type RetentionDecision } from "./retention.js";
import { loadServiceLevelSources, type LoadOptions, type ServiceLevelSources } from "./sources.js";
import {
  checkKubePrometheusStackRelease, checkNamespace, defaultRuleLabels, grafanaAdminKeys, kubePrometheusStackChart, kubePrometheusStackValues,
  mergeValues, operatorRelease, operatorValues, stackNames, stackUrls,
} from "./values.js";

export interface ServiceLevelStackArgs {
  /** CRDs, SLAs and the operator chart, read by loadServiceLevelSources(). */
  readonly sources: ServiceLevelSources;
  /** Namespace of both releases and their Secrets; default "monitoring". */
  readonly namespace?: string;
  /** Create the namespace (default true); false when it exists and is managed elsewhere. */
  readonly createNamespace?: boolean;
  /** The cluster; default the ambient provider (the current kubeconfig context). */
  readonly provider?: k8s.Provider;
  /** Grafana's admin password; keep it a secret (`pulumi config set --secret`). */
  readonly grafanaAdminPassword: pulumi.Input<string>;
  /** Grafana's admin user name; default "admin". */
  readonly grafanaAdminUser?: string;
  readonly kubePrometheusStack?: {
    /** Chart version; default kubePrometheusStackChart.defaultVersion. */
    readonly version?: string;
    /** Release name, at most 26 characters; default "kube-prometheus-stack". */
    readonly releaseName?: string;
    /** Extra values, merged over the computed ones (maps merge, lists replace). */
    readonly values?: Readonly<Record<string, unknown>>;
  };
  readonly operator?: {
    /**
     * A chart reference for a repository (`oci://...`, or a chart name with `repo`). Default: the
     * local chart of sources.operatorChart.
     */
    readonly chart?: string;
    /** Chart repository URL for a chart given by name. */
    readonly repo?: string;
    /** Version of a chart from a repository (a local chart is deployed as it is on disk). */
    readonly version?: string;
    /** Release name; default "servicelevel-operator". */
    readonly releaseName?: string;
    /** Operator pods (replicaCount); default 1. More than one turns on leader election. */
    readonly replicas?: number;
    readonly image?: { readonly repository?: string; readonly tag?: string };
    /** Extra values, merged over the computed ones. */
    readonly values?: Readonly<Record<string, unknown>>;
  };
  /** Labels of the operator's PrometheusRules and Prometheus' ruleSelector; default {release: <kube-prometheus-stack release>}. */
  readonly ruleLabels?: Readonly<Record<string, string>>;
  /** Prometheus the operator evaluates against; default the stack's own Prometheus service. */
  readonly prometheusUrl?: string;
  /** Size of Prometheus' volume; default "50Gi". */
  readonly prometheusStorageSize?: string;
  /** Storage class of Prometheus' volume; default the cluster's default class. */
  readonly prometheusStorageClass?: string;
  /** Days of retention beyond the longest SLA period; default 7. */
  readonly retentionMarginDays?: number;
  /** Apply sources.examples (default true when there are any). */
  readonly installExamples?: boolean;
  /** Webhook that receives pages (severity: critical, or page); a secret. */
  readonly pagerWebhookUrl?: pulumi.Input<string>;
  /** Webhook that receives tickets (severity: warning, or ticket); a secret. */
  readonly ticketWebhookUrl?: pulumi.Input<string>;
}

/** Arguments of ServiceLevelStack.create: the same, with what to load instead of loaded sources. */
export type ServiceLevelStackCreateArgs = Omit<ServiceLevelStackArgs, "sources"> & { readonly load?: LoadOptions };

export class ServiceLevelStack extends pulumi.ComponentResource {
  /** The namespace of the stack. */
  public readonly namespace: pulumi.Output<string>;
  /** The Prometheus the operator evaluates against. */
  public readonly prometheusUrl: pulumi.Output<string>;
  /** In-cluster URLs of the stack's Grafana and Alertmanager. */
  public readonly grafanaUrl: pulumi.Output<string>;
  public readonly alertmanagerUrl: pulumi.Output<string>;
  /** "namespace/service" of Grafana, for `kubectl port-forward`. */
  public readonly grafanaService: pulumi.Output<string>;
  /** The computed Prometheus retention and why. */
  public readonly retention: RetentionDecision;
  /** Labels of the operator's PrometheusRules, equal to Prometheus' ruleSelector.matchLabels. */
  public readonly ruleLabels: Readonly<Record<string, string>>;
  public readonly kubePrometheusStack: k8s.helm.v3.Release;
  public readonly operator: k8s.helm.v3.Release;
  public readonly crds: readonly k8s.apiextensions.v1.CustomResourceDefinition[];
  public readonly examples: readonly k8s.apiextensions.CustomResource[];

  /** Loads the sources (CRDs, SLAs, chart) from disk, then declares the stack. */
  static async create(name: string, args: ServiceLevelStackCreateArgs, opts?: pulumi.ComponentResourceOptions): Promise<ServiceLevelStack> {
    const { load, ...rest } = args;
    const sources = await loadServiceLevelSources({ installExamples: args.installExamples ?? false, ...load });
    return new ServiceLevelStack(name, { ...rest, sources }, opts);
  }

  constructor(name: string, args: ServiceLevelStackArgs, opts?: pulumi.ComponentResourceOptions) {
    // Checked before anything is registered, so that bad arguments leave nothing half declared.
    const settings = settle(args);
    super("servicelevel:index:ServiceLevelStack", name, {}, opts);
    const childOpts = (extra: pulumi.CustomResourceOptions = {}): pulumi.CustomResourceOptions => ({
      ...extra, parent: this, ...(args.provider ? { provider: args.provider } : {}),
    });
    const { sources } = args;
    const { namespaceName, kpsRelease, names, urls, prometheusUrl, installExamples, operatorChart, chartDefaultRuleLabelKeys } = settings;
    this.ruleLabels = settings.ruleLabels;
    this.retention = settings.retention;

    // The namespace; `namespace` below is its name as an output, so everything in it waits for it.
    const namespaceResource = args.createNamespace === false ? undefined
      : new k8s.core.v1.Namespace(`${name}-namespace`, { metadata: { name: namespaceName } }, childOpts());
    const namespace = namespaceResource ? namespaceResource.metadata.name : pulumi.output(namespaceName);

    // Secrets: their content is a Pulumi secret, so it is encrypted in the state and hidden in diffs.
    const grafanaAdmin = new k8s.core.v1.Secret(`${name}-grafana-admin`, {
      metadata: { name: names.grafanaAdminSecret, namespace },
      type: "Opaque",
      stringData: pulumi.secret(pulumi.all([args.grafanaAdminUser ?? "admin", args.grafanaAdminPassword]).apply(([user, password]) => {
        if (!password) throw new Error("grafanaAdminPassword is empty");
        return { [grafanaAdminKeys.user]: user, [grafanaAdminKeys.password]: password };
      })),
    }, childOpts());
    const alertmanagerConfig = new k8s.core.v1.Secret(`${name}-alertmanager-config`, {
      metadata: { name: names.alertmanagerConfigSecret, namespace },
      type: "Opaque",
      stringData: pulumi.secret(pulumi.all([args.pagerWebhookUrl, args.ticketWebhookUrl]).apply(([pagerWebhookUrl, ticketWebhookUrl]) =>
        ({ [alertmanagerConfigKey]: renderAlertmanagerConfig({ pagerWebhookUrl, ticketWebhookUrl }) }))),
    }, childOpts());

    // The CRDs, owned by Pulumi (the operator chart's own copy is skipped, see skipCrds below).
    // patchForce: when an existing CRD is adopted (PULUMI_K8S_UPSERT_EXISTING_OBJECTS), take over
    // the fields that an earlier `kubectl apply --server-side -f crds/` owns instead of failing.
    this.crds = sources.crds.map((crd) => new k8s.apiextensions.v1.CustomResourceDefinition(`${name}-crd-${crd.metadata.name}`, {
      ...(crd as unknown as k8s.apiextensions.v1.CustomResourceDefinitionArgs),
      metadata: { ...(crd.metadata as k8s.types.input.meta.v1.ObjectMeta), annotations: { ...(crd.metadata["annotations"] as Record<string, string> | undefined), "pulumi.com/patchForce": "true" } },
    }, childOpts()));

    const kpsValues = mergeValues(kubePrometheusStackValues({
      release: kpsRelease,
      retention: this.retention.retention,
      ruleLabels: this.ruleLabels,
      storageSize: args.prometheusStorageSize ?? "50Gi",
      storageClassName: args.prometheusStorageClass,
    }), args.kubePrometheusStack?.values);
    this.kubePrometheusStack = new k8s.helm.v3.Release(`${name}-kube-prometheus-stack`, {
      name: kpsRelease,
      namespace,
      chart: kubePrometheusStackChart.name,
      version: args.kubePrometheusStack?.version ?? kubePrometheusStackChart.defaultVersion,
      repositoryOpts: { repo: kubePrometheusStackChart.repo },
      values: kpsValues,
      // Prometheus, Alertmanager and Grafana must be ready; pulling the images can take a while.
      timeout: 900,
    }, childOpts({ dependsOn: [grafanaAdmin, alertmanagerConfig] }));

    this.operator = new k8s.helm.v3.Release(`${name}-operator`, {
      name: args.operator?.releaseName ?? operatorRelease.defaultName,
      namespace,
      ...operatorChart,
      // The CRDs are the ones above: Helm would install its copy once and never upgrade it.
      skipCrds: true,
      // ruleLabels deletes the chart's default labels it does not want with nulls.
      allowNullValues: true,
      values: mergeValues(operatorValues({
        ruleLabels: this.ruleLabels,
        prometheusUrl,
        replicas: args.operator?.replicas ?? 1,
        chartDefaultRuleLabelKeys,
        serviceMonitorLabels: defaultRuleLabels(kpsRelease),
        image: args.operator?.image,
      }), args.operator?.values),
      timeout: 300,
    }, childOpts({ dependsOn: [this.kubePrometheusStack, ...this.crds] }));

    // Example SLAs in their own namespaces. Those namespaces may have existed before, so destroying
    // the stack leaves them (retainOnDelete); the SLAs themselves are deleted.
    const examples = installExamples ? sources.examples : [];
    const exampleNamespaces = new Map<string, pulumi.Resource>();
    for (const ns of [...new Set(examples.map((e) => e.namespace))].sort()) {
      if (ns === namespaceName) {
        if (namespaceResource) exampleNamespaces.set(ns, namespaceResource);
        continue;
      }
      if (ns === "default") continue;
      exampleNamespaces.set(ns, new k8s.core.v1.Namespace(`${name}-example-namespace-${ns}`, { metadata: { name: ns } }, childOpts({ retainOnDelete: true })));
    }
    this.examples = examples.map((sla) => {
      const namespaceDependency = exampleNamespaces.get(sla.namespace);
      return new k8s.apiextensions.CustomResource(`${name}-example-${sla.namespace}-${sla.name}`, {
        ...(sla.manifest as k8s.apiextensions.CustomResourceArgs),
      }, childOpts({ dependsOn: [...this.crds, this.operator, ...(namespaceDependency ? [namespaceDependency] : [])] }));
    });

    this.namespace = namespace;
    this.prometheusUrl = pulumi.output(prometheusUrl);
    this.grafanaUrl = pulumi.output(urls.grafana);
    this.alertmanagerUrl = pulumi.output(urls.alertmanager);
    this.grafanaService = pulumi.interpolate`${namespace}/${names.grafanaService}`;
    this.registerOutputs({
      namespace: this.namespace,
      prometheusUrl: this.prometheusUrl,
      grafanaUrl: this.grafanaUrl,
      alertmanagerUrl: this.alertmanagerUrl,
      grafanaService: this.grafanaService,
      prometheusRetention: this.retention.retention,
      ruleLabels: this.ruleLabels,
    });
  }
}

/** The arguments checked and completed with their defaults; throws on arguments that cannot work. */
function settle(args: ServiceLevelStackArgs) {
  const { sources } = args;
  const namespaceName = checkNamespace(args.namespace ?? "monitoring");
  const kpsRelease = checkKubePrometheusStackRelease(args.kubePrometheusStack?.releaseName ?? kubePrometheusStackChart.defaultRelease);
  const urls = stackUrls(kpsRelease, namespaceName);
  const installExamples = args.installExamples ?? sources.examples.length > 0;
  const ruleLabels = { ...(args.ruleLabels ?? defaultRuleLabels(kpsRelease)) };
  if (Object.keys(ruleLabels).length === 0) throw new Error("ruleLabels must not be empty: an empty ruleSelector would make Prometheus load every PrometheusRule");
  return {
    namespaceName,
    kpsRelease,
    names: stackNames(kpsRelease),
    urls,
    prometheusUrl: args.prometheusUrl ?? urls.prometheus,
    installExamples,
    ruleLabels,
    // The examples count for the retention only when they are installed.
    retention: prometheusRetention([...sources.slas, ...(installExamples ? sources.examples : [])], args.retentionMarginDays ?? defaultRetentionMarginDays),
    operatorChart: operatorChartRef(args.operator, sources),
    // The chart's default rule labels; for a chart from a repository, this project's chart default (release).
    chartDefaultRuleLabelKeys: Object.keys(ruleLabelsOf(sources.operatorChart?.defaultValues) ?? { release: "" }),
  };
}

function ruleLabelsOf(values: Readonly<Record<string, unknown>> | undefined): Record<string, unknown> | undefined {
  const labels = values?.["ruleLabels"];
  return typeof labels === "object" && labels !== null && !Array.isArray(labels) ? (labels as Record<string, unknown>) : undefined;
}

/** chart/version/repositoryOpts of the operator release. */
function operatorChartRef(operator: ServiceLevelStackArgs["operator"], sources: ServiceLevelSources): Pick<k8s.helm.v3.ReleaseArgs, "chart" | "version" | "repositoryOpts"> {
  if (operator?.chart !== undefined) {
    if (!operator.version) throw new Error(`operator chart ${operator.chart} comes from a repository: give its version`);
    return { chart: operator.chart, version: operator.version, ...(operator.repo ? { repositoryOpts: { repo: operator.repo } } : {}) };
  }
  if (!sources.operatorChart) throw new Error("no operator chart: load a local chart into sources, or give operator.chart and operator.version");
  // An absolute path: the Helm provider resolves a relative one against its own working directory.
  return { chart: sources.operatorChart.dir };
}
