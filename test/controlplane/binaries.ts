// Finds (and on request builds) the control plane binaries: kube-apiserver, etcd and kubectl.
//
// Order: KUBEBUILDER_ASSETS (envtest's folder of prebuilt binaries) when set, else the cache that
// scripts/build-controlplane.sh fills from the Go module proxy. The script is the one place where
// versions and the cache layout are defined; this module asks it (SLO_CONTROLPLANE_PRINT_DIR=1).
import { spawn, spawnSync } from "node:child_process";
import { accessSync, constants, existsSync } from "node:fs";
import { delimiter, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export interface ControlPlaneBinaries {
  kubeApiserver: string;
  etcd: string;
  kubectl: string;
  /** Where kube-apiserver and etcd came from. */
  source: "KUBEBUILDER_ASSETS" | "cache";
  /** The folder holding kube-apiserver and etcd. */
  dir: string;
}

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const BUILD_SCRIPT = join(REPO_ROOT, "scripts", "build-controlplane.sh");

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name: string): string | undefined {
  for (const dir of (process.env["PATH"] ?? "").split(delimiter)) {
    if (dir && isExecutable(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

/** The versioned cache folder the build script uses, and whether it is complete. */
export function cacheStatus(): { dir: string; complete: boolean } {
  const r = spawnSync("bash", [BUILD_SCRIPT], {
    env: { ...process.env, SLO_CONTROLPLANE_PRINT_DIR: "1" },
    encoding: "utf8",
  });
  if (r.error) throw new Error(`cannot run ${BUILD_SCRIPT}: ${r.error.message}`);
  const dir = r.stdout.trim();
  if (!dir) throw new Error(`${BUILD_SCRIPT} printed no cache folder: ${r.stderr}`);
  return { dir, complete: r.status === 0 };
}

function pickKubectl(assetsOrCacheDir: string): string | undefined {
  const fromEnv = process.env["KUBECTL"];
  if (fromEnv) {
    if (!isExecutable(fromEnv)) throw new Error(`KUBECTL=${fromEnv} is not an executable file`);
    return fromEnv;
  }
  return onPath("kubectl") ?? (isExecutable(join(assetsOrCacheDir, "kubectl")) ? join(assetsOrCacheDir, "kubectl") : undefined);
}

/** Returns the binaries, or throws an error that says how to get them. Never builds. */
export function findControlPlaneBinaries(): ControlPlaneBinaries {
  const assets = process.env["KUBEBUILDER_ASSETS"];
  if (assets) {
    const missing = ["kube-apiserver", "etcd"].filter((b) => !isExecutable(join(assets, b)));
    if (missing.length > 0) {
      throw new Error(`KUBEBUILDER_ASSETS=${assets} lacks executable ${missing.join(" and ")}`);
    }
    const kubectl = pickKubectl(assets);
    if (!kubectl) throw new Error("no kubectl: set KUBECTL, or put kubectl on PATH or in KUBEBUILDER_ASSETS");
    return { kubeApiserver: join(assets, "kube-apiserver"), etcd: join(assets, "etcd"), kubectl, source: "KUBEBUILDER_ASSETS", dir: assets };
  }
  const { dir, complete } = cacheStatus();
  const kubectl = pickKubectl(dir);
  if (!complete || !kubectl) {
    throw new Error(
      `control plane binaries are not built (cache ${dir} is ${existsSync(dir) ? "incomplete" : "missing"}). ` +
        "Run `npm run controlplane:build` (bash scripts/build-controlplane.sh; builds kube-apiserver and etcd " +
        "from the Go module proxy, about 10 minutes on 2 cores) or point KUBEBUILDER_ASSETS at a folder " +
        "with kube-apiserver and etcd.",
    );
  }
  return { kubeApiserver: join(dir, "kube-apiserver"), etcd: join(dir, "etcd"), kubectl, source: "cache", dir };
}

export interface EnsureOptions {
  /** Build when missing (default true). */
  build?: boolean;
  /** Receives the build script's output lines (default: written to stderr). */
  log?: (line: string) => void;
}

/** Like findControlPlaneBinaries, but runs the (idempotent) build script first when needed. */
export async function ensureControlPlaneBinaries(opts: EnsureOptions = {}): Promise<ControlPlaneBinaries> {
  try {
    return findControlPlaneBinaries();
  } catch (err) {
    if (opts.build === false || process.env["KUBEBUILDER_ASSETS"]) throw err;
  }
  const log = opts.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const tail: string[] = [];
  const code = await new Promise<number>((resolvePromise, reject) => {
    const child = spawn("bash", [BUILD_SCRIPT], { stdio: ["ignore", "pipe", "pipe"] });
    let partial = "";
    const onData = (chunk: Buffer): void => {
      const lines = (partial + chunk.toString("utf8")).split("\n");
      partial = lines.pop() ?? "";
      for (const line of lines) {
        log(line);
        tail.push(line);
        if (tail.length > 40) tail.shift();
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("error", reject);
    child.on("close", (c) => resolvePromise(c ?? 1));
  });
  if (code !== 0) {
    throw new Error(
      `building the control plane failed (exit ${code}); point KUBEBUILDER_ASSETS at a folder with prebuilt ` +
        `kube-apiserver and etcd, or set SLO_SKIP_CONTROLPLANE=1 to skip the control plane tests. ` +
        `Last output of ${BUILD_SCRIPT}:\n${tail.join("\n")}`,
    );
  }
  return findControlPlaneBinaries();
}
