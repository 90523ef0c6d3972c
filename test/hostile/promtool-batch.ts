// Runs many rule groups through one `promtool check rules` and attributes each error to its
// group, so a property test can judge hundreds of generated cases with a single promtool run.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stringify } from "yaml";
import { promtool } from "../support/promtool.js";

export interface BatchGroup { readonly name: string; readonly rules: readonly object[] }

/** Errors promtool reports, by group name; a group without errors is absent. */
export async function promtoolErrorsByGroup(groups: readonly BatchGroup[]): Promise<Map<string, string[]>> {
  const dir = mkdtempSync(join(tmpdir(), "slo-hostile-"));
  try {
    writeFileSync(join(dir, "rules.yaml"), stringify({ groups }, { lineWidth: 0 }));
    const result = await promtool(["check", "rules", "rules.yaml"], dir);
    const errors = new Map<string, string[]>();
    if (result.ok) return errors;
    let attributed = 0;
    for (const line of result.output.split("\n")) {
      const group = /group "([^"]+)"/.exec(line)?.[1];
      if (!group) continue;
      errors.set(group, [...(errors.get(group) ?? []), line]);
      attributed += 1;
    }
    // A failure that names no group (a YAML error, a duplicate) would hide every case: say so.
    if (attributed === 0) throw new Error(`promtool failed without naming a group:\n${result.output}`);
    return errors;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
