// Runs the real promtool: Debian's 2.42 by default, or another Prometheus release's (see
// prometheus-releases.ts). Missing promtool fails loudly: the proof that generated rules work must
// never be skipped silently.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { prometheus2, type PrometheusRelease } from "./prometheus-releases.js";

const run = promisify(execFile);

export interface PromtoolResult { readonly ok: boolean; readonly output: string }

/** Runs a release's promtool with arguments in a directory; never throws for a non-zero exit. */
export async function promtool(args: string[], cwd: string, release: PrometheusRelease = prometheus2): Promise<PromtoolResult> {
  await release.ready();
  try {
    const { stdout, stderr } = await run(release.promtool, args, { cwd, maxBuffer: 64 * 1024 * 1024 });
    return { ok: true, output: stdout + stderr };
  } catch (e) {
    const failure = e as { code?: unknown; stdout?: string; stderr?: string };
    if (failure.code === "ENOENT") throw new Error(`promtool not found (${release.promtool}); install Debian's prometheus package, set PROMTOOL, or run scripts/build-prometheus3.sh`, { cause: e });
    return { ok: false, output: `${failure.stdout ?? ""}${failure.stderr ?? ""}` };
  }
}
