// A child process in its own process group, for the harnesses that start real servers (the test
// control plane, the demo). Its own group means a Ctrl-C meant for the test runner does not reach
// it before it is stopped in order, and stop() takes down whatever it left behind in the group.
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { closeSync, openSync, readFileSync, writeFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";

export interface ExitInfo {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/** A child process in its own process group, its output appended to a log file. */
export class GroupProcess {
  readonly child: ChildProcess;
  readonly exited: Promise<ExitInfo>;
  exitInfo: ExitInfo | undefined;

  constructor(
    readonly name: string,
    command: string,
    args: readonly string[],
    readonly logFile: string,
    options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
  ) {
    const fd = openSync(logFile, "a");
    try {
      this.child = spawn(command, [...args], { detached: true, stdio: ["ignore", fd, fd], cwd: options.cwd, env: options.env ?? process.env });
    } finally {
      closeSync(fd);
    }
    this.exited = new Promise((resolve) => {
      this.child.once("exit", (code, signal) => {
        this.exitInfo ??= { code, signal };
        resolve(this.exitInfo);
      });
      this.child.once("error", (error) => {
        writeFileSync(logFile, `cannot start ${command}: ${error.message}\n`, { flag: "a" });
        this.exitInfo ??= { code: -1, signal: null };
        resolve(this.exitInfo);
      });
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get running(): boolean {
    return this.exitInfo === undefined && this.child.pid !== undefined;
  }

  signalGroup(signal: NodeJS.Signals): void {
    const pid = this.child.pid;
    if (pid === undefined) return;
    try {
      process.kill(-pid, signal);
    } catch {
      // the group is gone already
    }
  }

  /** SIGTERM, then SIGKILL after `graceMs`; then SIGKILL whatever the process left in its group. */
  async stop(graceMs = 10_000): Promise<void> {
    if (this.running) {
      this.signalGroup("SIGTERM");
      const timedOut = await Promise.race([this.exited.then(() => false), sleep(graceMs).then(() => true)]);
      if (timedOut) this.signalGroup("SIGKILL");
    }
    await this.exited;
    this.signalGroup("SIGKILL");
  }

  logTail(lines = 20): string {
    try {
      return readFileSync(this.logFile, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
    } catch {
      return "(no log)";
    }
  }
}
