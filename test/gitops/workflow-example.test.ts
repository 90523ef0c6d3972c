// The GitHub Actions example for users (.github/workflows/slactl-example.yaml): valid workflow YAML,
// and each of its slactl command lines runs with this repository's slactl on slas/ holding an example
// SLA, with the exit codes and files the workflow relies on. (One example: promtool runs every
// example elsewhere in the suite.) A broken SLA must produce a GitHub annotation (::error file=...)
// and fail the step.
import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { REPO_ROOT } from "../controlplane/binaries.js";

const WORKFLOW = join(REPO_ROOT, ".github", "workflows", "slactl-example.yaml");
const MAIN = join(REPO_ROOT, "operator", "src", "cli", "main.ts");

interface Step {
  name?: string;
  uses?: string;
  run?: string;
}

interface Workflow {
  name: string;
  on: { pull_request: { paths: string[] } };
  permissions: Record<string, string>;
  jobs: Record<string, { "runs-on": string; steps: Step[] }>;
}

const workflow = parse(readFileSync(WORKFLOW, "utf8")) as Workflow;
const steps = Object.values(workflow.jobs).flatMap((j) => j.steps);
/** Every `slactl ...` command in the run scripts, in order. */
const commands = steps.flatMap((s) => (s.run ?? "").split("\n")).map((l) => l.trim()).filter((l) => l.startsWith("slactl "));

const work = mkdtempSync(join(tmpdir(), "slo-workflow-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs one of the workflow's command lines with slas/ and generated/ pointing into `dir`. */
function runCommand(line: string, dir: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const args = line.split(/\s+/).slice(1).map((a) => a.replace(/^slas\//, `${join(dir, "slas")}/`).replace(/^generated\//, `${join(dir, "generated")}/`));
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ["--import", "tsx", MAIN, ...args], { cwd: REPO_ROOT, maxBuffer: 64 * 1024 * 1024, timeout: 240_000 }, (error, stdout, stderr) => {
      if (error && typeof error.code !== "number") {
        reject(error);
        return;
      }
      resolve({ code: typeof error?.code === "number" ? error.code : 0, stdout, stderr });
    });
  });
}

describe("the GitHub Actions example", () => {
  it("is a pull request workflow on slas/ with read-only permissions, named as an example", () => {
    expect(workflow.name).toMatch(/example/i);
    expect(workflow.on.pull_request.paths).toContain("slas/**");
    expect(workflow.permissions).toEqual({ contents: "read" });
    expect(steps.map((s) => s.uses).filter(Boolean)).toEqual(["actions/checkout@v4", "actions/setup-node@v4", "actions/upload-artifact@v4"]);
    expect(commands.map((c) => c.split(/\s+/).slice(0, 2).join(" "))).toEqual(["slactl validate", "slactl compile", "slactl test"]);
    expect(commands[0]).toContain("--format github");
  });

  it("its commands pass on valid SLAs and write the generated files", async () => {
    const dir = join(work, "valid");
    cpSync(join(REPO_ROOT, "policies", "examples", "checkout-api.yaml"), join(dir, "slas", "checkout-api.yaml"));
    for (const line of commands) {
      const r = await runCommand(line, dir);
      expect(r.code, `${line}\n${r.stdout}\n${r.stderr}`).toBe(0);
    }
    expect(readdirSync(join(dir, "generated", "shop")).sort()).toEqual(["checkout.dashboard.json", "checkout.prometheusrule.yaml", "checkout.rules.test.yaml", "checkout.rules.yaml"]);
    expect(readFileSync(join(dir, "generated", "shop", "checkout.prometheusrule.yaml"), "utf8")).toContain("release: kube-prometheus-stack");
  }, 300_000);

  it("its validate step fails a pull request with an annotation on the broken line", async () => {
    const dir = join(work, "broken");
    cpSync(join(REPO_ROOT, "test", "fixtures", "broken", "promql-syntax.yaml"), join(dir, "slas", "broken.yaml"));
    const r = await runCommand(commands[0] as string, dir);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toMatch(/^::error file=.*broken\.yaml,line=\d+/m);
    expect(existsSync(join(dir, "generated"))).toBe(false);
  });
});
