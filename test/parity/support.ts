// Shared plumbing of the parity suite: the reference data of Sloth, Pyrra and OpenSLO (read in
// place from ../shared/anchors/, never copied), the importer run on files as slactl runs it, and
// the burn-rate tiers of compiled alerts read back from their PromQL.
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { readDocuments, runImport } from "../../operator/src/cli/import.js";
import { compile } from "../../operator/src/compile/index.js";
import type { ImportOptions } from "../../operator/src/convert/index.js";
import { loadTables, repoRoot } from "../support/burn-rate-tables.js";

/** shared/anchors beside the checkout (or beside a folder above it, for worktrees); SLO_ANCHORS overrides. */
function findAnchors(): string {
  if (process.env["SLO_ANCHORS"]) return process.env["SLO_ANCHORS"];
  for (let folder = dirname(repoRoot.replace(/\/$/, "")); ; folder = dirname(folder)) {
    const candidate = join(folder, "shared", "anchors");
    if (existsSync(candidate) || dirname(folder) === folder) return candidate;
  }
}
export const anchors = findAnchors();
export const tables = loadTables();

/** Every YAML file below a folder of the reference data, sorted. */
export function yamlFiles(folder: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(folder).sort()) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) out.push(...yamlFiles(path));
    else if (/\.ya?ml$/.test(name)) out.push(path);
  }
  return out;
}

/** Imports files together as `slactl import` does: converted, compiled, issues located. */
export async function importFiles(files: readonly string[], options: ImportOptions = {}) {
  const { documents, issues } = await readDocuments(files);
  const result = runImport(documents, options, tables);
  return { slas: result.slas, issues: [...issues, ...result.issues] };
}

/** Compiles an imported SLA; throws with the issues when it does not compile. */
export function compiled(sla: unknown) {
  const result = compile(sla, { burnRateTables: tables });
  if (!result.ok) throw new Error(JSON.stringify(result.issues, null, 2));
  return result.value;
}

export interface Tier {
  readonly short: string;
  readonly long: string;
  readonly factor: number;
  /** The severity label of the alert the tier raises (ours: the page or the ticket alert's). */
  readonly severity?: string;
}

/** A tier as text with its windows in seconds, so 4d and 96h compare equal. */
export const tierKey = (t: Tier) => `${parse(t.short)}s/${parse(t.long)}s x${Number(t.factor.toPrecision(6))}`;
export const sortTiers = (tiers: readonly Tier[]) => [...tiers].map(tierKey).sort();

/**
 * The burn-rate tiers our compiled alerts fire on, read back from each alert's PromQL: one page
 * and one ticket alert per objective, whose tiers are conditions joined by `or on(...)`.
 */
export function ourTiers(value: ReturnType<typeof compiled>, objective?: string): Tier[] {
  const tiers: Tier[] = [];
  for (const rule of value.groups.flatMap((g) => g.rules)) {
    if (!("alert" in rule) || !rule.expr.includes("long_window")) continue;
    if (objective !== undefined && rule.labels["objective"] !== objective) continue;
    for (const condition of rule.expr.split(/ or on\([^)]*\) /)) {
      const matches = [...condition.matchAll(/sla:sli_error:ratio_rate(\w+)\{[^}]*\} > \(([\d.e+-]+) \* [\d.e+-]+\)/g)];
      if (matches.length !== 2) throw new Error(`cannot read the windows of ${condition}`);
      const [a, b] = matches as [RegExpMatchArray, RegExpMatchArray];
      const [long, short] = parse(a[1]!) > parse(b[1]!) ? [a, b] : [b, a];
      tiers.push({ short: short[1]!, long: long[1]!, factor: Number(a[2]), ...(rule.labels["severity"] ? { severity: rule.labels["severity"] } : {}) });
    }
  }
  return tiers;
}

const units: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 };
/** A Prometheus duration in seconds (1h30m, 4d). */
export function parse(duration: string): number {
  let total = 0;
  for (const m of duration.matchAll(/(\d+)([smhdw])/g)) total += Number(m[1]) * units[m[2]!]!;
  return total;
}
