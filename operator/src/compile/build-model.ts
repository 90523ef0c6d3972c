// The one way from a parsed document to a validated model: the schema, the semantic checks (which
// read the SLA's peers for dependency targets) and normalization. The operator, slactl and the
// Pulumi program all reach it through SlaIndex or compile().
import type { ServiceLevelAgreement } from "../api/v1alpha1/types.js";
import { checkSchema } from "./schema-check.js";
import { validateSla, type ValidationContext } from "./validate.js";
import { normalizeSla } from "./normalize.js";
import type { Issue } from "./issues.js";
import type { SlaModel } from "./model.js";
import { buildRuleGroups } from "./rules.js";
import { checkGeneratedRules } from "./promql/rule-check.js";

/** Checks a parsed document against the schema and the semantic rules. */
export function validateDocument(document: unknown, options: ValidationContext): { ok: true; value: ServiceLevelAgreement; warnings: Issue[] } | { ok: false; issues: Issue[] } {
  const schema = checkSchema(document);
  if (!schema.ok) return schema;
  const issues = validateSla(schema.value, options);
  const errors = issues.filter((i) => i.severity === "error");
  if (errors.length > 0) return { ok: false, issues };
  return { ok: true, value: schema.value, warnings: issues };
}

/** A document that validated, as the normalized model every generator and the budget engine read. */
export interface ModelledSla {
  readonly sla: ServiceLevelAgreement;
  readonly model: SlaModel;
  /** Warnings that did not stop validation. */
  readonly warnings: readonly Issue[];
}

export type ModelResult = { readonly ok: true; readonly value: ModelledSla } | { readonly ok: false; readonly issues: readonly Issue[] };

/** The one way from a parsed document to a validated model: schema, semantic checks (with peers), normalization. */
export function buildModel(document: unknown, context: ValidationContext): ModelResult {
  const valid = validateDocument(document, context);
  if (!valid.ok) return valid;
  const model = normalizeSla(valid.value, context.burnRateTables);
  // A generated rule Prometheus would refuse is a compiler bug; refusing the SLA keeps the rules that work.
  const refused = checkGeneratedRules(buildRuleGroups(model));
  if (refused.length > 0) return { ok: false, issues: refused };
  return { ok: true, value: { sla: valid.value, model, warnings: valid.warnings } };
}

