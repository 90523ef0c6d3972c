// Runs the real promtool (Debian package `prometheus`). Missing promtool fails loudly: the proof
// that generated rules work must never be skipped silently.
import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);
export const promtoolPath = process.env["PROMTOOL"] ?? "promtool";

export interface PromtoolResult { readonly ok: boolean; readonly output: string }

/** Runs promtool with arguments in a directory; never throws for a non-zero exit. */
export async function promtool(args: string[], cwd: string): Promise<PromtoolResult> {
  try {
    const { stdout, stderr } = await run(promtoolPath, args, { cwd, maxBuffer: 64 * 1024 * 1024 });
    return { ok: true, output: stdout + stderr };
  } catch (e) {
    const failure = e as { code?: unknown; stdout?: string; stderr?: string };
    if (failure.code === "ENOENT") throw new Error(`promtool not found (${promtoolPath}); install Debian's prometheus package or set PROMTOOL`, { cause: e });
    return { ok: false, output: `${failure.stdout ?? ""}${failure.stderr ?? ""}` };
  }
}
