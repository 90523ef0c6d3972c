// Compiles policies/examples the way `slactl compile` does: every document, with the others of
// the same input as dependency peers.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";
import { compile, type CompiledSla } from "../../operator/src/compile/index.js";
import type { ServiceLevelAgreement } from "../../operator/src/api/v1alpha1/types.js";
import { loadTables, repoRoot } from "./burn-rate-tables.js";

export const examplesDir = join(repoRoot, "policies/examples");

/** Every example SLA compiled; throws if any does not compile, naming it. */
export function compileExamples(): CompiledSla[] {
  const documents = readdirSync(examplesDir).filter((f) => f.endsWith(".yaml")).sort()
    .flatMap((f) => parseAllDocuments(readFileSync(join(examplesDir, f), "utf8")).map((d) => ({ file: f, value: d.toJS() as ServiceLevelAgreement })));
  const peers = new Map(documents.map((d) => [`${d.value.metadata.namespace ?? "default"}/${d.value.metadata.name}`, d.value]));
  const burnRateTables = loadTables();
  return documents.map((d) => {
    const result = compile(d.value, { burnRateTables, peers });
    if (!result.ok) throw new Error(`${d.file}: ${JSON.stringify(result.issues)}`);
    return result.value;
  });
}
