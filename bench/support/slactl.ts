// slactl of a checkout, run as users run it (a child process, from the checkout's TypeScript
// sources through tsx, or installed: built into dist/; the checkout as working directory), timed with GNU time for wall time,
// CPU time and peak resident memory.
import { execFile, execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Checkout } from "./checkouts.js";

/** The command line that runs `slactl` of a checkout: from its sources through tsx. */
export function slactlCommand(checkout: Checkout): { readonly command: string; readonly args: readonly string[] } {
  return { command: process.execPath, args: ["--import", "tsx", join(checkout.dir, "operator/src/cli/main.ts")] };
}

/**
 * The command line of the checkout's slactl as npm installs it: bin/slactl.js running dist/, which
 * this builds first with the checkout's own `tsc -p tsconfig.build.json` (as `npm run build`).
 */
export function installedSlactlCommand(checkout: Checkout): { readonly command: string; readonly args: readonly string[] } {
  execFileSync(process.execPath, [join(checkout.dir, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json"], { cwd: checkout.dir, stdio: ["ignore", "pipe", "pipe"] });
  return { command: process.execPath, args: [join(checkout.dir, "bin/slactl.js")] };
}

export interface TimedRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly wallSeconds: number;
  readonly cpuSeconds: number;
  readonly peakRssBytes: number;
}

/** Runs a command under /usr/bin/time, bounded by `timeoutMs`; resolves with its exit code and figures. */
export function timed(command: string, args: readonly string[], options: { cwd: string; timeFile: string; timeoutMs: number; env?: NodeJS.ProcessEnv }): Promise<TimedRun> {
  const format = "%e %U %S %M";
  return new Promise((resolve, reject) => {
    execFile("/usr/bin/time", ["-f", format, "-o", options.timeFile, command, ...args], {
      cwd: options.cwd, env: options.env ?? process.env, maxBuffer: 256 * 1024 * 1024, timeout: options.timeoutMs, killSignal: "SIGKILL",
    }, (error, stdout, stderr) => {
      if (error && typeof error.code !== "number") {
        reject(new Error(`${command} did not finish within ${options.timeoutMs / 1000} s or could not start: ${error.message}`, { cause: error }));
        return;
      }
      const figures = readFileSync(options.timeFile, "utf8").trim().split("\n").pop()?.split(" ").map(Number) ?? [];
      const [wall = NaN, user = NaN, system = NaN, maxRssKb = NaN] = figures;
      resolve({ code: typeof error?.code === "number" ? error.code : 0, stdout, stderr, wallSeconds: wall, cpuSeconds: user + system, peakRssBytes: maxRssKb * 1024 });
    });
  });
}

/** Runs `slactl ...args` of a checkout under /usr/bin/time (from its sources unless `command` says otherwise). */
export function timedSlactl(checkout: Checkout, args: readonly string[], options: { timeFile: string; timeoutMs: number; command?: { readonly command: string; readonly args: readonly string[] } }): Promise<TimedRun> {
  const { command, args: prefix } = options.command ?? slactlCommand(checkout);
  return timed(command, [...prefix, ...args], { cwd: checkout.dir, timeFile: options.timeFile, timeoutMs: options.timeoutMs });
}
