// Stack configuration (`pulumi config set KEY VALUE`) to the component's arguments. Every key is
// described in docs/pulumi.md; secrets are read with getSecret/requireSecret, so they stay Output
// secrets even when someone set them without --secret.
import type * as pulumi from "@pulumi/pulumi";
import type { LoadOptions } from "./sources.js";
import type { ServiceLevelStackCreateArgs } from "./service-level-stack.js";

/** Every configuration key the program reads, for the docs and for the tests. */
export const configKeys = [
  "namespace", "createNamespace",
  "kubePrometheusStackVersion", "kubePrometheusStackRelease", "kubePrometheusStackValues",
  "operatorChart", "operatorChartRepo", "operatorChartVersion", "operatorRelease", "operatorReplicas",
  "operatorImageRepository", "operatorImageTag", "operatorValues",
  "grafanaAdminPassword", "grafanaAdminUser",
  "prometheusUrl", "prometheusStorageSize", "prometheusStorageClass", "retentionMarginDays",
  "ruleLabels", "slaPaths", "installExamples",
  "pagerWebhookUrl", "ticketWebhookUrl",
] as const;

type ConfigKey = (typeof configKeys)[number];

/** A chart reference that names a repository chart rather than a folder. */
export const isRepositoryChart = (chart: string): boolean => /^(oci|https?):\/\//.test(chart);

/** Reads the stack configuration; throws on values of the wrong shape. */
export function readStackConfig(config: pulumi.Config): ServiceLevelStackCreateArgs {
  const get = (key: ConfigKey) => config.get(key);
  const object = <T>(key: ConfigKey, check: (value: unknown) => value is T, expected: string): T | undefined => {
    const value = config.getObject<unknown>(key);
    if (value === undefined) return undefined;
    if (!check(value)) throw new Error(`config ${key}: expected ${expected}`);
    return value;
  };
  const only = <K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } => (value === undefined ? {} : ({ [key]: value } as { [P in K]?: V }));

  const chart = get("operatorChart");
  const repo = get("operatorChartRepo");
  const version = get("operatorChartVersion");
  const fromRepository = chart !== undefined && (repo !== undefined || isRepositoryChart(chart));
  const load: LoadOptions = {
    ...only("slaPaths", readPaths(get("slaPaths"))),
    installExamples: config.getBoolean("installExamples") ?? false,
    ...(fromRepository ? { operatorChartDir: null } : { ...only("operatorChartDir", chart), ...only("operatorChartVersion", version) }),
  };
  const image = { ...only("repository", get("operatorImageRepository")), ...only("tag", get("operatorImageTag")) };

  return {
    load,
    ...only("namespace", get("namespace")),
    ...only("createNamespace", config.getBoolean("createNamespace")),
    grafanaAdminPassword: config.requireSecret("grafanaAdminPassword"),
    ...only("grafanaAdminUser", get("grafanaAdminUser")),
    kubePrometheusStack: {
      ...only("version", get("kubePrometheusStackVersion")),
      ...only("releaseName", get("kubePrometheusStackRelease")),
      ...only("values", object("kubePrometheusStackValues", isRecord, "a map of Helm values")),
    },
    operator: {
      ...(fromRepository ? { chart, ...only("repo", repo), ...only("version", version) } : {}),
      ...only("releaseName", get("operatorRelease")),
      ...only("replicas", config.getNumber("operatorReplicas")),
      ...(Object.keys(image).length > 0 ? { image } : {}),
      ...only("values", object("operatorValues", isRecord, "a map of Helm values")),
    },
    ...only("ruleLabels", object("ruleLabels", isStringRecord, "a map of label names to string values")),
    ...only("prometheusUrl", get("prometheusUrl")),
    ...only("prometheusStorageSize", get("prometheusStorageSize")),
    ...only("prometheusStorageClass", get("prometheusStorageClass")),
    ...only("retentionMarginDays", config.getNumber("retentionMarginDays")),
    installExamples: load.installExamples ?? false,
    ...only("pagerWebhookUrl", config.getSecret("pagerWebhookUrl")),
    ...only("ticketWebhookUrl", config.getSecret("ticketWebhookUrl")),
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const isStringRecord = (value: unknown): value is Record<string, string> => isRecord(value) && Object.values(value).every((v) => typeof v === "string");

/**
 * slaPaths: one path (`pulumi config set slaPaths slas/`) or a list
 * (`pulumi config set --path 'slaPaths[0]' slas/`), relative to the repository root.
 */
export function readPaths(raw: string | undefined): string[] | undefined {
  if (raw === undefined) return undefined;
  const text = raw.trim();
  if (!text.startsWith("[")) return text === "" ? [] : [text];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`config slaPaths: expected a path or a list of paths, found ${JSON.stringify(raw)}`);
  }
  if (!Array.isArray(parsed) || !parsed.every((p) => typeof p === "string" && p !== "")) {
    throw new Error(`config slaPaths: expected a list of paths, found ${JSON.stringify(raw)}`);
  }
  return parsed;
}
