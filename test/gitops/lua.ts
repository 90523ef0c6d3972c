// Runs the Argo CD health check (deploy/gitops/argocd/health.lua) with Debian's lua5.4 through
// test/gitops/health-driver.lua, which loads it as Argo CD does: the resource as the global `obj`,
// in a sandbox without io or os. lua5.4 is a prerequisite (apt-get install lua5.4): without it
// this throws, so the tests that use it fail rather than skip. $LUA overrides the interpreter.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO_ROOT } from "../controlplane/binaries.js";

export const HEALTH_LUA = join(REPO_ROOT, "deploy", "gitops", "argocd", "health.lua");
const DRIVER = join(REPO_ROOT, "test", "gitops", "health-driver.lua");
const LUA = process.env["LUA"] ?? "lua5.4";

/** A JSON value as a Lua expression (objects become tables with ["key"] = value, null is nil). */
export function toLua(value: unknown): string {
  if (value === null || value === undefined) return "nil";
  if (typeof value === "boolean") return String(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`cannot express ${value} in Lua`);
    return String(value);
  }
  if (typeof value === "string") {
    return `"${[...Buffer.from(value, "utf8")].map((b) => (b >= 0x20 && b < 0x7f && b !== 0x22 && b !== 0x5c ? String.fromCharCode(b) : `\\${String(b).padStart(3, "0")}`)).join("")}"`;
  }
  if (Array.isArray(value)) return `{${value.map(toLua).join(", ")}}`;
  if (typeof value === "object") {
    return `{${Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== null && v !== undefined).map(([k, v]) => `[${toLua(k)}] = ${toLua(v)}`).join(", ")}}`;
  }
  throw new Error(`cannot express a ${typeof value} in Lua`);
}

export interface Verdict {
  status: string;
  message: string;
}

/** Runs health.lua (or another script) on each object; returns the verdicts by case name. */
export function assessHealth(cases: Record<string, unknown>, script = HEALTH_LUA): Record<string, Verdict> {
  const work = mkdtempSync(join(tmpdir(), "slo-argocd-health-"));
  try {
    return runDriver(join(work, "cases.lua"), cases, script);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function runDriver(file: string, cases: Record<string, unknown>, script: string): Record<string, Verdict> {
  writeFileSync(file, `return {\n${Object.entries(cases).map(([name, obj]) => `  {name = ${toLua(name)}, obj = ${toLua(obj)}},`).join("\n")}\n}\n`);
  const r = spawnSync(LUA, [DRIVER, script, file], { encoding: "utf8" });
  if (r.error) throw new Error(`cannot run ${LUA} (install it: apt-get install -y lua5.4): ${r.error.message}`);
  const verdicts: Record<string, Verdict> = {};
  for (const line of r.stdout.split("\n").filter(Boolean)) {
    const [name = "", status = "", message = ""] = line.split("\t");
    verdicts[name] = { status, message };
  }
  if (r.status !== 0) throw new Error(`${LUA} failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  return verdicts;
}

