// Loads the burn-rate tables (policies/alerting/*.yaml) that SLAs name in spec.alerting.burnRates.
// Each file is checked against the BurnRateTable schema (ajv's generated code); problems come back as located
// issues, never as exceptions. The default folder is found from this module's own location, so
// it works from the TypeScript sources (tsx, vitest) and from the built dist/ alike.
import { existsSync, readFileSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { ErrorObject } from "ajv";
import { validateBurnRateTable } from "../../api/v1alpha1/schema-validator.generated.js";
import type { BurnRateTable } from "../../api/v1alpha1/types.js";
import { parseDuration } from "../../compile/duration.js";
import { durationProblem, unknownFieldMessage } from "../../compile/schema-check.js";
import { durationBounds, durationExpectation, type DurationBounds } from "../../api/v1alpha1/bounds.js";
import { isYamlFileName } from "./inputs.js";
import { readSource, type SourceIssue } from "./yaml-documents.js";

const packageName = "servicelevel-operator";

/**
 * The root of this package: the nearest folder above this module whose package.json is ours.
 * From operator/src/adapters/fs/ and from dist/adapters/fs/ alike.
 */
export function packageRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let folder = resolve(from);
  for (;;) {
    const manifest = join(folder, "package.json");
    if (existsSync(manifest)) {
      try {
        const parsed = JSON.parse(readFileSync(manifest, "utf8")) as { name?: unknown };
        if (parsed.name === packageName) return folder;
      } catch {
        // Not ours or not readable: keep looking further up.
      }
    }
    const parent = dirname(folder);
    if (parent === folder) throw new Error(`cannot find the ${packageName} package root above ${from}`);
    folder = parent;
  }
}

/** policies/alerting/ of this package. */
export const defaultBurnRateTableDir = (): string => join(packageRoot(), "policies", "alerting");

export type BurnRateTablesResult =
  | { readonly ok: true; readonly tables: ReadonlyMap<string, BurnRateTable>; readonly files: readonly string[] }
  | { readonly ok: false; readonly issues: readonly SourceIssue[] };

// ajv's code for the schema, generated ahead of time (api/v1alpha1/validator-file.ts) with every
// error and verbose errors: anyOf errors carry their schema, so a message can list the allowed values.
// The CRD's CEL rules (duration bounds) are checked below; ajv only knows the keyword.
interface TableValidator {
  (document: unknown): document is BurnRateTable;
  errors?: ErrorObject[] | null;
}
const checkTable = validateBurnRateTable as TableValidator;

/** Reads every *.yaml/*.yml of a folder (default policies/alerting/) as one burn-rate table each. */
export async function loadBurnRateTables(dir: string = defaultBurnRateTableDir()): Promise<BurnRateTablesResult> {
  let names: string[];
  try {
    names = (await readdir(dir, { withFileTypes: true })).filter((e) => !e.isDirectory() && isYamlFileName(e.name)).map((e) => e.name).sort();
  } catch (cause) {
    const code = (cause as { code?: unknown } | null)?.code;
    const reason = code === "ENOENT" ? "no such folder" : code === "ENOTDIR" ? "not a folder" : cause instanceof Error ? cause.message : String(cause);
    return { ok: false, issues: [{ file: dir, line: 1, column: 1, path: [], code: "policies", severity: "error", message: `cannot read the burn-rate tables: ${reason}` }] };
  }
  const tables = new Map<string, BurnRateTable>();
  const definedIn = new Map<string, string>();
  const issues: SourceIssue[] = [];
  const files = names.map((name) => join(dir, name));
  for (const file of files) {
    const source = await readSource(file);
    issues.push(...source.issues.filter((i) => i.severity === "error"));
    if (source.issues.length === 0 && source.documents.length === 0) {
      issues.push({ file, line: 1, column: 1, path: [], code: "policies", severity: "error", message: "file is empty: expected a burn-rate table" });
    }
    for (const document of source.documents) {
      const errors = document.issues.filter((i) => i.severity === "error");
      issues.push(...errors);
      if (errors.length > 0) continue;
      const at = (path: (string | number)[], message: string): SourceIssue => ({ file, ...document.locate(path), path, code: "policies", severity: "error", message });
      if (!checkTable(document.value)) {
        issues.push(...(checkTable.errors ?? []).filter((e) => !isUnionBranch(e)).map((e) => {
          const { path, message } = describeAjvError(e);
          return at(path, message);
        }));
        continue;
      }
      const table = document.value;
      const before = definedIn.get(table.name);
      if (before !== undefined) {
        issues.push(at(["name"], `burn-rate table ${JSON.stringify(table.name)} is already defined in ${before}`));
        continue;
      }
      const problems = table.tiers.flatMap((tier, i) => {
        const long = parseDuration(tier.longWindow);
        const short = parseDuration(tier.shortWindow);
        return long !== undefined && short !== undefined && short >= long
          ? [at(["tiers", i, "shortWindow"], `the short window (${tier.shortWindow}) must be shorter than the long window (${tier.longWindow})`)]
          : [];
      });
      // The schema checks the syntax; the range is the admission rule's, which ajv does not run.
      const checkRange = (path: (string | number)[], text: string, bounds: DurationBounds): void => {
        const seconds = parseDuration(text);
        if (seconds === undefined || seconds < bounds.minSeconds || seconds > bounds.maxSeconds) problems.push(at(path, `${durationExpectation(bounds)}, found ${JSON.stringify(text)}`));
      };
      checkRange(["period"], table.period, durationBounds.period);
      if (table.defaultFor) {
        checkRange(["defaultFor", "from"], table.defaultFor.from, durationBounds.period);
        checkRange(["defaultFor", "to"], table.defaultFor.to, durationBounds.period);
      }
      for (const [i, tier] of table.tiers.entries()) {
        checkRange(["tiers", i, "longWindow"], tier.longWindow, durationBounds.window);
        checkRange(["tiers", i, "shortWindow"], tier.shortWindow, durationBounds.window);
      }
      issues.push(...problems);
      if (problems.length > 0) continue;
      definedIn.set(table.name, file);
      tables.set(table.name, table);
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, tables, files };
}

// ajv reports every failed branch of a union of literals; its anyOf error says it once.
const isUnionBranch = (e: ErrorObject): boolean => (e.keyword === "const" || e.keyword === "type") && /anyOf\/\d+/.test(e.schemaPath);

/** ajv's error as a path and a sentence that names the field and what was found. */
function describeAjvError(e: ErrorObject): { path: (string | number)[]; message: string } {
  const path = e.instancePath.split("/").slice(1)
    .map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  const params = e.params as Record<string, unknown>;
  const duration = durationProblem(e);
  if (duration) return { path, message: duration };
  switch (e.keyword) {
    case "required":
      return { path: [...path, String(params["missingProperty"])], message: "required field is missing" };
    case "additionalProperties":
      return { path: [...path, String(params["additionalProperty"])], message: unknownFieldMessage(e) };
    case "anyOf": {
      const options = (e.parentSchema as { anyOf?: { const?: unknown }[] } | undefined)?.anyOf?.map((s) => JSON.stringify(s.const)).join(", ");
      return { path, message: options ? `expected one of ${options}` : "has an unexpected value" };
    }
    case "pattern":
      return { path, message: `expected a value matching ${String(params["pattern"])}` };
    default:
      return { path, message: e.message ?? "is invalid" };
  }
}
