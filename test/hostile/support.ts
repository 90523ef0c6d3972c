// Shared pieces of the adversarial suite: an SLA document around hostile fields, and the check
// that a compiled SLA's rule groups load in the real promtool, batched into one run.
import { expect } from "vitest";
import { compile } from "../../operator/src/compile/index.js";
import { formatPath, type Issue } from "../../operator/src/compile/issues.js";
import type { RuleGroup } from "../../operator/src/compile/rules.js";
import { loadTables } from "../support/burn-rate-tables.js";
import { checkoutSla } from "../../operator/src/compile/workbook.fixture.js";
import { promtoolErrorsByGroup } from "./promtool-batch.js";

export const tables = loadTables();

/** The checkout SLA of the fixtures; `spec` overrides what a property exercises, `objectives` its objectives. */
export function hostileSla(spec: Record<string, unknown>, objectives?: unknown[]): Record<string, unknown> {
  return checkoutSla({ ...(objectives ? { objectives } : {}), ...spec });
}

/** True when the path names a field that exists in the document (or the document itself). */
export function pathExists(document: unknown, path: Issue["path"]): boolean {
  let node: unknown = document;
  for (const key of path) {
    if (node === null || typeof node !== "object" || !(key in (node as object))) return false;
    node = (node as Record<string | number, unknown>)[key];
  }
  return true;
}

export type Outcome = { readonly refused: readonly Issue[] } | { readonly groups: readonly RuleGroup[] };

/** Compiles a document; a refusal must carry at least one error located at a field of the document. */
export function compileHostile(document: Record<string, unknown>): Outcome {
  const result = compile(document, { burnRateTables: tables });
  if (result.ok) return { groups: result.value.groups };
  const errors = result.issues.filter((i) => i.severity === "error");
  expect(errors.length, "a refusal names at least one error").toBeGreaterThan(0);
  for (const issue of errors) {
    expect(pathExists(document, issue.path), `${formatPath(issue.path)} exists in the document (${issue.message})`).toBe(true);
    expect(issue.message.length).toBeGreaterThan(10);
  }
  return { refused: errors };
}

/** Runs every accepted case's rule groups through one promtool run; returns the cases promtool refused. */
export async function promtoolRefusals(cases: readonly { readonly label: string; readonly outcome: Outcome }[]): Promise<string[]> {
  const groups = cases.flatMap((c, i) => ("groups" in c.outcome ? c.outcome.groups.map((g) => ({ ...g, name: `case${i}/${g.name}` })) : []));
  const errors = await promtoolErrorsByGroup(groups);
  return [...errors.entries()].map(([group, lines]) => {
    const index = Number(/^case(\d+)\//.exec(group)?.[1]);
    return `${cases[index]?.label ?? group}: ${lines.join("; ")}`;
  });
}
