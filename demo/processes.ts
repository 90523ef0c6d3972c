// Child processes of the demo (the operator and Prometheus): each runs in its own process group,
// so a Ctrl-C meant for the demo does not reach it before the demo stops it in order, and stop()
// takes the whole group down. A watchdog shell kills every group and removes the demo's temp dir
// should the demo itself be SIGKILLed, so not even `kill -9` leaves orphans behind.
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { writeFileSync } from "node:fs";
import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { join } from "node:path";

export { GroupProcess, type ExitInfo } from "../test/support/process-group.js";

// POSIX sh (dash on Debian): its kill takes "-PGID" for a group.
const WATCHDOG_SCRIPT = `
parent="$1"; groups="$2"; dir="$3"
while kill -0 "$parent" 2>/dev/null; do sleep 1; done
for g in $(cat "$groups" 2>/dev/null); do kill -TERM "-$g" 2>/dev/null; done
sleep 3
for g in $(cat "$groups" 2>/dev/null); do kill -KILL "-$g" 2>/dev/null; done
rm -rf "$dir"
`;

/** Kills the registered process groups and removes `dir` once this process is gone, however it went. */
export class Watchdog {
  private readonly groupsFile: string;
  private readonly groups = new Set<number>();
  private readonly shell: ChildProcess;

  constructor(dir: string) {
    this.groupsFile = join(dir, "watchdog-groups");
    writeFileSync(this.groupsFile, "");
    this.shell = spawn("sh", ["-c", WATCHDOG_SCRIPT, "slo-demo-watchdog", String(process.pid), this.groupsFile, dir], { detached: true, stdio: "ignore" });
    this.shell.unref();
  }

  get pid(): number | undefined {
    return this.shell.pid;
  }

  watch(pid: number | undefined): void {
    if (pid === undefined) return;
    this.groups.add(pid);
    this.write();
  }

  forget(pid: number | undefined): void {
    if (pid === undefined) return;
    this.groups.delete(pid);
    this.write();
  }

  stop(): void {
    const pid = this.shell.pid;
    if (pid === undefined || this.shell.exitCode !== null || this.shell.signalCode !== null) return;
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      // gone
    }
  }

  private write(): void {
    try {
      writeFileSync(this.groupsFile, [...this.groups].map((g) => `${g}\n`).join(""));
    } catch {
      // the dir is being removed at shutdown
    }
  }
}

/** A free TCP port on 127.0.0.1 (it may be taken again before it is bound: callers retry). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
