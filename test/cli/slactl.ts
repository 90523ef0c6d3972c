// Runs slactl as users do, in a child process, from the TypeScript sources through tsx, so the
// end-to-end tests need no build step.
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";

export const repositoryRoot = fileURLToPath(new URL("../../", import.meta.url)).replace(/\/$/, "");
const main = fileURLToPath(new URL("../../operator/src/cli/main.ts", import.meta.url));

export interface SlactlResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `slactl ...args` with the repository root as working directory. */
export function slactl(...args: string[]): Promise<SlactlResult> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ["--import", "tsx", main, ...args], { cwd: repositoryRoot, maxBuffer: 64 * 1024 * 1024, timeout: 60_000 }, (error, stdout, stderr) => {
      if (error && typeof error.code !== "number") {
        reject(error);
        return;
      }
      resolve({ code: typeof error?.code === "number" ? error.code : 0, stdout, stderr });
    });
  });
}

/** No stack trace may reach a user, whatever the input. */
export const hasStackTrace = (text: string): boolean => /^\s+at .+[(:]\d+/m.test(text) || /\n\s+at (async )?\S+ \(/.test(text);
