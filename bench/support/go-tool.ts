// Go programs the benchmarks compare against or need (Sloth, the TSDB block writer), built once
// from the Go module proxy with the build environment of scripts/lib/go-build.sh into the bench
// cache, outside the repository. A finished build is marked complete; a half-built one is redone.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { benchCacheDir, subjectRoot } from "./checkouts.js";
import { progress } from "./lifecycle.js";

export interface GoTool {
  /** Folder name in the cache, with the version: "sloth-v0.16.0". */
  readonly name: string;
  /** The binary's file name. */
  readonly binary: string;
  /** Where `go` runs (a module folder for `go build`; anywhere for `go install pkg@version`). */
  readonly cwd?: string;
  /** The go command's arguments; `out` is the folder the binary must land in. */
  readonly args: (out: string) => readonly string[];
}

/** The tool's binary, built first if the cache has no complete build of it. */
export function ensureGoTool(tool: GoTool): string {
  const dir = join(benchCacheDir(), "tools", tool.name);
  const binary = join(dir, tool.binary);
  if (existsSync(join(dir, ".complete")) && existsSync(binary)) return binary;
  const building = `${dir}.building-${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building, { recursive: true });
  const began = Date.now();
  progress(`building ${tool.name} with go (first run only) ...`);
  const script = 'log() { echo "$*"; }; elapsed() { :; }; . "$0"; go_build_env; export GOBIN="$OUT"; exec go "$@"';
  try {
    execFileSync("bash", ["-c", script, join(subjectRoot, "scripts/lib/go-build.sh"), ...tool.args(building)], {
      cwd: tool.cwd ?? building,
      env: { ...process.env, OUT: building },
      stdio: ["ignore", "pipe", "pipe"],
      timeout: 900_000,
    });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? "";
    throw new Error(`building ${tool.name} failed: ${stderr.slice(-3000) || String(error)}`, { cause: error });
  }
  if (!existsSync(join(building, tool.binary))) throw new Error(`building ${tool.name} left no ${tool.binary} in ${building}`);
  writeFileSync(join(building, ".complete"), `${new Date().toISOString()}\n`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, ".."), { recursive: true });
  renameSync(building, dir);
  progress(`built ${tool.name} in ${((Date.now() - began) / 1000).toFixed(0)} s`);
  return binary;
}
