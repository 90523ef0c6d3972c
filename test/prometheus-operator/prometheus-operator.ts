// The real prometheus-operator (built by scripts/build-prometheus-operator.sh) against the test
// control plane, outside a cluster: it talks to the apiserver with the admin client certificate,
// and its own CRDs of the same release are installed first. No kubelet or scheduler runs, so the
// StatefulSets it writes never start a pod; the tests read what it writes (the rule-file
// ConfigMaps) and run Prometheus themselves, as the config reloader would feed it.
import { join } from "node:path";
import { readdirSync } from "node:fs";
import type { ControlPlane } from "../controlplane/controlplane.js";
import { ensureCachedTool, cachedToolStatus, type CachedTool } from "../support/cached-tool.js";
import { GroupProcess } from "../support/process-group.js";

const build: CachedTool = { script: "build-prometheus-operator.sh", printEnv: "SLO_PROMETHEUS_OPERATOR_PRINT_DIR" };

/** The CRDs of the pinned prometheus-operator release (Prometheus, PrometheusRule, ThanosRuler, ...). */
export function prometheusOperatorCrds(): string[] {
  const dir = join(cachedToolStatus(build).dir, "example", "prometheus-operator-crd");
  return readdirSync(dir).filter((f) => f.endsWith(".yaml")).sort().map((f) => join(dir, f));
}

/** Builds prometheus-operator when its cache is empty; resolves to its binary folder. */
export const ensurePrometheusOperator = (): Promise<string> => ensureCachedTool(build);

const live = new Set<GroupProcess>();
let hooked = false;

/** Starts prometheus-operator on the control plane, watching every namespace; stop() it in afterAll. */
export async function startPrometheusOperator(cp: ControlPlane, logFile: string): Promise<GroupProcess> {
  const dir = await ensurePrometheusOperator();
  const c = cp.certs;
  const child = new GroupProcess("prometheus-operator", join(dir, "operator"), [
    `--apiserver=${cp.server}`,
    `--ca-file=${c.caCert}`,
    `--cert-file=${c.adminCert}`,
    `--key-file=${c.adminKey}`,
    "--web.listen-address=127.0.0.1:0",
    "--log-level=debug",
  ], logFile);
  live.add(child);
  void child.exited.then(() => live.delete(child));
  if (!hooked) {
    hooked = true;
    process.on("exit", () => {
      for (const p of live) p.signalGroup("SIGKILL");
    });
  }
  return child;
}
