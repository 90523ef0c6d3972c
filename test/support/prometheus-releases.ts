// The Prometheus releases every Prometheus-side test runs on: Debian's 2.42 (`prometheus` and
// `promtool` on the PATH, or $PROMETHEUS/$PROMTOOL) and 3.x, built by scripts/build-prometheus3.sh
// into the cache outside the repository (or $PROMETHEUS3_BIN). SLO_PROMETHEUS_RELEASES=2 or =3
// narrows a run to one of them; the default is both.
import { join } from "node:path";
import { cachedToolStatus, ensureCachedTool, type CachedTool } from "./cached-tool.js";

export interface PrometheusRelease {
  /** The major version, which decides behaviour the tests know differs (le labels, range ends). */
  readonly major: 2 | 3;
  /** For test names: "Prometheus 2" or "Prometheus 3". */
  readonly name: string;
  readonly prometheus: string;
  readonly promtool: string;
  /** Resolves once both binaries are there (3.x is built when missing). */
  ready(): Promise<void>;
}

const build3: CachedTool = { script: "build-prometheus3.sh", printEnv: "SLO_PROMETHEUS3_PRINT_DIR" };

/** Debian's Prometheus 2.42 from the PATH. */
export const prometheus2: PrometheusRelease = {
  major: 2,
  name: "Prometheus 2",
  prometheus: process.env["PROMETHEUS"] ?? "prometheus",
  promtool: process.env["PROMTOOL"] ?? "promtool",
  ready: () => Promise.resolve(),
};

let cached3: PrometheusRelease | undefined;

/** Prometheus 3 from the build cache; its paths are known before it is built. */
export function prometheus3(): PrometheusRelease {
  if (!cached3) {
    const { dir } = cachedToolStatus(build3);
    cached3 = {
      major: 3,
      name: "Prometheus 3",
      prometheus: join(dir, "prometheus"),
      promtool: join(dir, "promtool"),
      ready: async () => {
        await ensureCachedTool(build3);
      },
    };
  }
  return cached3;
}

/** The releases this run covers, oldest first (SLO_PROMETHEUS_RELEASES narrows them). */
export function prometheusReleases(): readonly PrometheusRelease[] {
  const wanted = (process.env["SLO_PROMETHEUS_RELEASES"] ?? "2,3").split(",").map((s) => s.trim());
  const unknown = wanted.filter((w) => w !== "2" && w !== "3");
  if (unknown.length > 0) throw new Error(`SLO_PROMETHEUS_RELEASES=${process.env["SLO_PROMETHEUS_RELEASES"]}: expected 2, 3 or "2,3", found ${unknown.join(", ")}`);
  return [...(wanted.includes("2") ? [prometheus2] : []), ...(wanted.includes("3") ? [prometheus3()] : [])];
}
