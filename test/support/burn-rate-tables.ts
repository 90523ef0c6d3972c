// Loads policies/alerting/*.yaml for tests that call the compiler directly.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import type { BurnRateTable } from "../../operator/src/api/v1alpha1/types.js";
import { checkoutSla } from "../../operator/src/compile/workbook.fixture.js";

export const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

/** The project's burn-rate tables by name. */
export function loadTables(): Map<string, BurnRateTable> {
  const dir = join(repoRoot, "policies/alerting");
  return new Map(readdirSync(dir).filter((f) => f.endsWith(".yaml")).map((f) => {
    const table = parse(readFileSync(join(dir, f), "utf8")) as BurnRateTable;
    return [table.name, table];
  }));
}

/** A minimal valid SLA document; tests override what they exercise. */
export const slaDocument = checkoutSla;
