// What every benchmark run shares: progress lines on stderr with the elapsed time, and cleanup
// that runs on success, on error and on Ctrl-C, stopping every process the run started (each in
// its own process group, by its pid) and removing its temporary directories.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GroupProcess } from "../../test/support/process-group.js";

const started = Date.now();

/** Progress on stderr, with the time since the run began. */
export function progress(message: string): void {
  process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(1).padStart(6)}s] ${message}\n`);
}

const cleanups: Array<() => Promise<void> | void> = [];
const processes = new Set<GroupProcess>();
let cleaning: Promise<void> | undefined;

/** Seconds since the run began. */
export function elapsedSeconds(): number {
  return (Date.now() - started) / 1000;
}

/** True once cleanup has begun: nothing new may be started then. */
export function stopping(): boolean {
  return cleaning !== undefined;
}

/** Registers cleanup work; it runs last-registered first. */
export function onCleanup(work: () => Promise<void> | void): void {
  cleanups.push(work);
}

/** A temporary directory that cleanup removes (unless `keep`). */
export function temporaryDir(prefix: string, keep = false): string {
  const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
  onCleanup(() => (keep ? progress(`kept ${dir}`) : rmSync(dir, { recursive: true, force: true })));
  return dir;
}

/** Starts a child in its own process group; cleanup stops it if it still runs. Refused once cleanup began. */
export function startProcess(name: string, command: string, args: readonly string[], logFile: string, options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): GroupProcess {
  if (stopping()) throw new Error(`not starting ${name}: stopping`);
  const child = new GroupProcess(name, command, args, logFile, options);
  processes.add(child);
  void child.exited.then(() => processes.delete(child));
  return child;
}

// Last resort if the process exits without cleanup.
process.once("exit", () => {
  for (const child of processes) child.signalGroup("SIGKILL");
});

/** Stops every process still running, then runs the cleanups; safe to call more than once. */
export function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    await Promise.all([...processes].map((p) => p.stop(5_000)));
    for (const work of cleanups.reverse()) {
      try {
        await work();
      } catch (error) {
        progress(`cleanup: ${String(error)}`);
      }
    }
  })();
  return cleaning;
}

/** Cleans up on Ctrl-C and termination, then exits. */
export function installSignalHandlers(): void {
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.once(signal, () => {
      progress(`${signal}: stopping`);
      void cleanup().finally(() => process.exit(128 + ({ SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const)[signal]));
    });
  }
}

/**
 * Runs a benchmark's main function: cleanup on Ctrl-C/termination and at the end, a non-zero exit
 * code on error, and the whole run bounded by `limitMs` (then it stops everything and fails).
 */
export function runBenchmark(main: () => Promise<void>, limitMs: number): void {
  installSignalHandlers();
  const limit = setTimeout(() => {
    progress(`run exceeded its limit of ${Math.round(limitMs / 1000)} s: stopping`);
    void cleanup().finally(() => process.exit(124));
  }, limitMs);
  main()
    .catch((error: unknown) => {
      progress(`error: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      process.exitCode = 1;
    })
    .finally(async () => {
      clearTimeout(limit);
      await cleanup();
      progress(`finished in ${elapsedSeconds().toFixed(1)} s`);
    });
}
