// Helm values of the two releases, and the names and URLs they imply. Pure functions of plain
// inputs, so the alignment between them (rule labels, dashboard labels, service URLs) is tested
// without Pulumi.
export const kubePrometheusStackChart = {
  name: "kube-prometheus-stack",
  repo: "https://prometheus-community.github.io/helm-charts",
  /** Default chart version; pin your own with the kubePrometheusStackVersion config. */
  defaultVersion: "80.13.3",
  defaultRelease: "kube-prometheus-stack",
} as const;

export const operatorRelease = { defaultName: "servicelevel-operator" } as const;

/**
 * What the Grafana dashboard sidecar looks for. The operator's dashboard ConfigMaps carry the label
 * grafana_dashboard: "1" and the annotation grafana_folder (operator/src/compile/dashboards.ts); a
 * test checks the two agree.
 */
export const dashboardSidecar = { label: "grafana_dashboard", labelValue: "1", folderAnnotation: "grafana_folder" } as const;

/** Keys of the Grafana admin Secret (the grafana chart's admin.userKey / admin.passwordKey defaults). */
export const grafanaAdminKeys = { user: "admin-user", password: "admin-password" } as const;

const dnsLabel = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/**
 * kube-prometheus-stack cuts its object name prefix to 26 characters (its longest suffixes need
 * the rest of 63). The program sets fullnameOverride to the release name, so names do not depend
 * on that rule; the name must then fit in 26 characters.
 */
export function checkKubePrometheusStackRelease(release: string): string {
  if (release.length > 26 || !dnsLabel.test(release)) {
    throw new Error(`kube-prometheus-stack release name ${JSON.stringify(release)} must be a DNS label of at most 26 characters`);
  }
  return release;
}

export function checkNamespace(namespace: string): string {
  if (namespace.length > 63 || !dnsLabel.test(namespace)) throw new Error(`namespace ${JSON.stringify(namespace)} must be a DNS label`);
  return namespace;
}

/** Object names of kube-prometheus-stack installed as `release` (fullnameOverride = release). */
export function stackNames(release: string) {
  return {
    prometheusService: `${release}-prometheus`,
    alertmanagerService: `${release}-alertmanager`,
    grafanaService: `${release}-grafana`,
    grafanaAdminSecret: `${release}-grafana-admin`,
    alertmanagerConfigSecret: `${release}-alertmanager-config`,
  };
}

/** In-cluster URLs of the stack's services (the chart's default ports: 9090, 9093, 80). */
export function stackUrls(release: string, namespace: string) {
  const names = stackNames(release);
  return {
    prometheus: `http://${names.prometheusService}.${namespace}.svc:9090`,
    alertmanager: `http://${names.alertmanagerService}.${namespace}.svc:9093`,
    grafana: `http://${names.grafanaService}.${namespace}.svc`,
  };
}

/**
 * The labels the operator puts on its PrometheusRules by default: what kube-prometheus-stack's
 * Prometheus selects out of the box (release: <its release name>), so the stack's own rules and the
 * operator's are picked up by the same selector.
 */
export const defaultRuleLabels = (kubePrometheusStackRelease: string): Record<string, string> => ({ release: kubePrometheusStackRelease });

export interface KubePrometheusStackValuesInput {
  readonly release: string;
  /** prometheus.prometheusSpec.retention, e.g. "99d". */
  readonly retention: string;
  /** The operator's rule labels: Prometheus' ruleSelector.matchLabels. */
  readonly ruleLabels: Readonly<Record<string, string>>;
  /** Size of Prometheus' PersistentVolumeClaim, e.g. "50Gi". */
  readonly storageSize: string;
  readonly storageClassName?: string | undefined;
}

export function kubePrometheusStackValues(input: KubePrometheusStackValuesInput): Record<string, unknown> {
  const names = stackNames(input.release);
  return {
    fullnameOverride: input.release,
    prometheus: {
      prometheusSpec: {
        retention: input.retention,
        // Select exactly the rules labelled like the operator's, in every namespace (SLAs live in
        // the teams' namespaces and the operator writes each PrometheusRule next to its SLA).
        ruleSelectorNilUsesHelmValues: false,
        ruleSelector: { matchLabels: { ...input.ruleLabels } },
        ruleNamespaceSelector: {},
        storageSpec: {
          volumeClaimTemplate: {
            spec: {
              ...(input.storageClassName ? { storageClassName: input.storageClassName } : {}),
              accessModes: ["ReadWriteOnce"],
              resources: { requests: { storage: input.storageSize } },
            },
          },
        },
      },
    },
    alertmanager: {
      alertmanagerSpec: {
        // The whole alertmanager.yaml comes from a Secret this program writes (it holds the webhook URLs).
        useExistingSecret: true,
        configSecret: names.alertmanagerConfigSecret,
      },
    },
    grafana: {
      fullnameOverride: names.grafanaService,
      admin: { existingSecret: names.grafanaAdminSecret, userKey: grafanaAdminKeys.user, passwordKey: grafanaAdminKeys.password },
      sidecar: {
        dashboards: {
          enabled: true,
          label: dashboardSidecar.label,
          labelValue: dashboardSidecar.labelValue,
          searchNamespace: "ALL",
          folderAnnotation: dashboardSidecar.folderAnnotation,
          provider: { foldersFromFilesStructure: true },
        },
      },
    },
  };
}

export interface OperatorValuesInput {
  readonly ruleLabels: Readonly<Record<string, string>>;
  /**
   * Keys of the chart's default ruleLabels (values.yaml). Helm MERGES a map of values into the
   * chart's default, so a default label the caller does not want would stay on every rule; each one
   * is set to null, which Helm reads as "delete" (the release needs allowNullValues).
   */
  readonly chartDefaultRuleLabelKeys: readonly string[];
  readonly prometheusUrl: string;
  readonly replicas: number;
  /** Labels of the operator's ServiceMonitor, so that Prometheus' serviceMonitorSelector picks it up. */
  readonly serviceMonitorLabels: Readonly<Record<string, string>>;
  readonly image?: { readonly repository?: string | undefined; readonly tag?: string | undefined } | undefined;
}

/** Values of charts/servicelevel-operator (see its values.yaml). */
export function operatorValues(input: OperatorValuesInput): Record<string, unknown> {
  if (!Number.isInteger(input.replicas) || input.replicas < 1) throw new RangeError(`operator replicas must be a whole number of at least 1, found ${input.replicas}`);
  const image = {
    ...(input.image?.repository ? { repository: input.image.repository } : {}),
    ...(input.image?.tag ? { tag: input.image.tag } : {}),
  };
  return {
    replicaCount: input.replicas,
    ruleLabels: {
      ...Object.fromEntries(input.chartDefaultRuleLabelKeys.filter((key) => !(key in input.ruleLabels)).map((key) => [key, null])),
      ...input.ruleLabels,
    },
    prometheus: { url: input.prometheusUrl },
    serviceMonitor: { enabled: true, labels: { ...input.serviceMonitorLabels } },
    ...(Object.keys(image).length > 0 ? { image } : {}),
  };
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;

/**
 * What Helm makes of values over a chart's defaults: maps merge key by key, a null deletes the key,
 * anything else replaces. For checking values against the chart's schema.
 */
export function coalesceValues(defaults: Readonly<Record<string, unknown>>, values: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...defaults };
  for (const [key, value] of Object.entries(values)) {
    const current = out[key];
    if (value === null) delete out[key];
    else out[key] = isPlainObject(current) && isPlainObject(value) ? coalesceValues(current, value) : value;
  }
  return out;
}

/** Merges values for Helm: maps merge key by key, anything else (lists, scalars, null) replaces; nulls stay for Helm to apply. */
export function mergeValues(base: Record<string, unknown>, override: Readonly<Record<string, unknown>> | undefined): Record<string, unknown> {
  if (!override) return base;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const current = out[key];
    out[key] = isPlainObject(current) && isPlainObject(value) ? mergeValues(current, value) : value;
  }
  return out;
}
