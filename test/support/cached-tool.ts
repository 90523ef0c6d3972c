// Finds (and on request builds) a tool that one of scripts/build-*.sh compiles from the Go module
// proxy into the cache outside the repository. The script is the one place that pins the version
// and knows the folder; this module asks it (its PRINT variable set to 1) and runs it when the
// folder is incomplete, so a test fails rather than skips when the tool can be neither found nor built.
import { spawn, spawnSync } from "node:child_process";
import { join } from "node:path";
import { REPO_ROOT } from "../controlplane/binaries.js";

export interface CachedTool {
  /** The build script under scripts/, e.g. "build-prometheus3.sh". */
  readonly script: string;
  /** Its environment variable that only prints the binary folder, e.g. "SLO_PROMETHEUS3_PRINT_DIR". */
  readonly printEnv: string;
}

const scriptPath = (tool: CachedTool) => join(REPO_ROOT, "scripts", tool.script);

/** The folder the build script reports, and whether its binaries are complete. Never builds. */
export function cachedToolStatus(tool: CachedTool): { dir: string; ready: boolean } {
  const r = spawnSync("bash", [scriptPath(tool)], { env: { ...process.env, [tool.printEnv]: "1" }, encoding: "utf8" });
  if (r.error) throw new Error(`cannot run ${scriptPath(tool)}: ${r.error.message}`);
  const dir = r.stdout.trim();
  if (!dir) throw new Error(`${scriptPath(tool)} printed no folder: ${r.stderr}`);
  return { dir, ready: r.status === 0 };
}

const building = new Map<string, Promise<string>>();

/** The tool's binary folder, built first by its script when incomplete (minutes on a cold Go cache). */
export function ensureCachedTool(tool: CachedTool): Promise<string> {
  let pending = building.get(tool.script);
  if (!pending) {
    pending = (async () => {
      const status = cachedToolStatus(tool);
      if (status.ready) return status.dir;
      const tail: string[] = [];
      const code = await new Promise<number>((resolve, reject) => {
        const child = spawn("bash", [scriptPath(tool)], { stdio: ["ignore", "pipe", "pipe"] });
        const onData = (chunk: Buffer): void => {
          process.stderr.write(chunk);
          tail.push(...chunk.toString("utf8").split("\n"));
          tail.splice(0, Math.max(0, tail.length - 40));
        };
        child.stdout.on("data", onData);
        child.stderr.on("data", onData);
        child.on("error", reject);
        child.on("close", (c) => resolve(c ?? 1));
      });
      const after = cachedToolStatus(tool);
      if (code !== 0 || !after.ready) throw new Error(`building failed (exit ${code}); run \`bash scripts/${tool.script}\`. Last output:\n${tail.join("\n")}`);
      return after.dir;
    })();
    building.set(tool.script, pending);
  }
  return pending;
}
