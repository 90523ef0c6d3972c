// Checks a document against the API's JSON Schema with ajv and turns ajv's errors into issues
// that say where, what was expected and what was found.
import type { ErrorObject } from "ajv";
import { apiVersion, durationPattern, kind } from "../api/v1alpha1/constants.js";
import { validate } from "../api/v1alpha1/schema-validator.generated.js";
import type { ServiceLevelAgreement as Sla } from "../api/v1alpha1/types.js";
import { error, type Issue } from "./issues.js";
import { closestName } from "./closest-name.js";

// ajv's code for the schema, generated ahead of time (api/v1alpha1/validator-file.ts).
interface SchemaValidator {
  (document: unknown): boolean;
  errors?: ErrorObject[] | null;
}
const check = validate as SchemaValidator;

/** Validates a parsed document against the schema; on success it is typed as an SLA. */
export function checkSchema(document: unknown): { ok: true; value: Sla } | { ok: false; issues: Issue[] } {
  // A document of another kind gets one clear sentence, not a list of everything it lacks.
  if (document === null || typeof document !== "object" || Array.isArray(document)) {
    return { ok: false, issues: [error([], "schema", `expected a ServiceLevelAgreement object, found ${describe(document)}`)] };
  }
  const { apiVersion: version, kind: documentKind } = document as Record<string, unknown>;
  if (documentKind !== kind) {
    return { ok: false, issues: [error(["kind"], "schema", `expected kind ${kind}, found ${describe(documentKind)}`)] };
  }
  if (version !== apiVersion) {
    return { ok: false, issues: [error(["apiVersion"], "schema", `expected apiVersion ${apiVersion}, found ${describe(version)}`)] };
  }
  if (check(document)) return { ok: true, value: document as Sla };
  const issues = (check.errors ?? []).filter((e) => !isUnionNoise(e)).map((e) => toIssue(e, document));
  return { ok: false, issues: dedupe(issues) };
}

// ajv reports each failed branch of an enum-like union; the "anyOf" summary says it once.
const isUnionNoise = (e: ErrorObject) => e.keyword === "const" || e.keyword === "type" && /anyOf\/\d+/.test(e.schemaPath);

function toIssue(e: ErrorObject, document: unknown): Issue {
  const path = e.instancePath.split("/").slice(1).map(decode).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  const found = describe(valueAt(document, path));
  const params = e.params as Record<string, unknown>;
  const duration = durationProblem(e);
  if (duration) return error(path, "schema", `${duration}, found ${found}`);
  switch (e.keyword) {
    case "required":
      return error([...path, String(params["missingProperty"])], "schema", `required field is missing`);
    case "additionalProperties":
      return error([...path, String(params["additionalProperty"])], "schema", unknownFieldMessage(e));
    case "anyOf": {
      const options = anyOfOptions(e);
      return error(path, "schema", options ? `expected one of ${options}, found ${found}` : `has an unexpected value: ${found}`);
    }
    case "pattern":
      return error(path, "schema", `expected a value matching ${String(params["pattern"])}, found ${found}`);
    case "exclusiveMinimum":
      return error(path, "schema", `expected a number above ${String(params["limit"])}, found ${found}`);
    case "exclusiveMaximum":
      return error(path, "schema", `expected a number below ${String(params["limit"])}, found ${found}`);
    case "minimum":
      return error(path, "schema", `expected a number of at least ${String(params["limit"])}, found ${found}`);
    case "maximum":
      return error(path, "schema", `expected a number of at most ${String(params["limit"])}, found ${found}`);
    case "type":
      return error(path, "schema", `expected ${String(params["type"])}, found ${found}`);
    case "minLength":
      return error(path, "schema", Number(params["limit"]) === 1 ? `expected a non-empty text, found ${found}` : `expected at least ${String(params["limit"])} characters, found ${found}`);
    case "maxLength":
      return error(path, "schema", `expected at most ${String(params["limit"])} characters, found ${found}`);
    case "minItems":
      return error(path, "schema", `expected at least ${String(params["limit"])} item(s), found ${found}`);
    case "format":
      return error(path, "schema", `expected a ${String(params["format"])}, found ${found}`);
    default:
      return error(path, "schema", `${e.message ?? "is invalid"}, found ${found}`);
  }
}

/** The sentence for a field the schema does not know, with the known field it most likely meant (or the known fields). */
export function unknownFieldMessage(e: ErrorObject): string {
  const field = String((e.params as Record<string, unknown>)["additionalProperty"]);
  const known = Object.keys((e.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties ?? {}).sort();
  const base = `unknown field ${JSON.stringify(field)}`;
  if (known.length === 0) return base;
  const closest = closestName(field, known) ?? closestName(field.toLowerCase(), known);
  return closest !== undefined ? `${base}; did you mean ${JSON.stringify(closest)}?` : `${base}; expected one of ${known.join(", ")}`;
}

/**
 * For a duration field's failed pattern or length: the sentence its admission rule says (range,
 * units, order), which a user can act on, unlike the regex. Undefined for any other failure.
 */
export function durationProblem(e: ErrorObject): string | undefined {
  if (e.keyword !== "pattern" && e.keyword !== "minLength" && e.keyword !== "maxLength") return undefined;
  const schema = e.parentSchema as { pattern?: unknown; "x-kubernetes-validations"?: { message?: unknown }[] } | undefined;
  if (schema?.pattern !== durationPattern) return undefined;
  const message = schema["x-kubernetes-validations"]?.[0]?.message;
  return typeof message === "string" ? message : "expected a duration (units y, w, d, h, m, s, ms, largest first, as in 1h30m)";
}

function anyOfOptions(e: ErrorObject): string | undefined {
  const schema = e.parentSchema as { anyOf?: { const?: unknown }[] } | undefined;
  const consts = schema?.anyOf?.map((s) => s.const).filter((c) => c !== undefined);
  return consts && consts.length > 0 ? consts.map((c) => JSON.stringify(c)).join(", ") : undefined;
}

const decode = (segment: string) => segment.replace(/~1/g, "/").replace(/~0/g, "~");

function valueAt(document: unknown, path: (string | number)[]): unknown {
  let node: unknown = document;
  for (const key of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === "object") return "an object";
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}..."` : text;
}

function dedupe(issues: Issue[]): Issue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.path.join("/")}\u0000${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
