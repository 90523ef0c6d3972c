// The AlertmanagerConfig CRD (monitoring.coreos.com/v1alpha1) as the pinned prometheus-operator
// release ships it: the real schema, so the apiserver checks the operator's objects as a cluster would.
import { basename } from "node:path";
import { ensurePrometheusOperator, prometheusOperatorCrds } from "./prometheus-operator.js";

/** The path of the release's AlertmanagerConfig CRD; builds prometheus-operator when its cache is empty. */
export async function alertmanagerConfigCrdPath(): Promise<string> {
  await ensurePrometheusOperator();
  const path = prometheusOperatorCrds().find((p) => basename(p) === "monitoring.coreos.com_alertmanagerconfigs.yaml");
  if (!path) throw new Error("the prometheus-operator release ships no AlertmanagerConfig CRD");
  return path;
}
