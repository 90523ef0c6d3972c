// The JSON Schema validators of an SLA and of a burn-rate table as code, generated ahead of time
// by ajv from schema.ts: compiling the schema took about a third of a second at every start of
// slactl and the operator (more than compiling a few dozen SLAs), and loading ajv and TypeBox
// about a quarter more. Shared by the generator (npm run crds) and its test, which fails
// when the committed module no longer matches the schema or the pinned ajv.
import { fileURLToPath } from "node:url";
import { Ajv } from "ajv";
import standalone from "ajv/dist/standalone/index.js";
import { BurnRateTable, ServiceLevelAgreement } from "./schema.js";

export const validatorPath = fileURLToPath(new URL("./schema-validator.generated.ts", import.meta.url));

/** The ajv the validator is generated with (`source`), or one that compiles it at run time: every error, strict schema, the values that failed (for messages). */
export function schemaAjv(options: { readonly source: boolean }): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true, ...(options.source ? { code: { source: true, esm: true, lines: true } } : {}) });
  ajv.addKeyword("x-kubernetes-validations");
  ajv.addFormat("date-time", /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i);
  ajv.addFormat("date", /^\d{4}-\d{2}-\d{2}$/);
  return ajv;
}

/** The validator module's source: ajv's standalone code, made an ES module the type checker skips. */
export function renderValidatorModule(): string {
  const ajv = schemaAjv({ source: true });
  ajv.addSchema(ServiceLevelAgreement, "ServiceLevelAgreement").addSchema(BurnRateTable, "BurnRateTable");
  // validate: an SLA document; validateBurnRateTable: one file of policies/alerting/.
  const code = standalone.default(ajv, { validate: "ServiceLevelAgreement", validateBurnRateTable: "BurnRateTable" });
  // ajv's ES module output still loads its runtime helpers with require(), which ES modules lack.
  // Node gives the CommonJS exports object as the default import, loaders that honour __esModule
  // (vitest, tsx) the helper itself.
  const esm = code.replace(/const (\w+) = require\("(ajv\/dist\/runtime\/[\w-]+)"\)\.default;/g,
    (_all, name: string, module: string) => `import ${name}Module from "${module}.js";\nconst ${name} = typeof ${name}Module === "function" ? ${name}Module : ${name}Module.default;`);
  if (esm.includes("require(")) throw new Error("the generated validator still calls require(): handle the new runtime helper in validator-file.ts");
  return "// Generated from operator/src/api/v1alpha1/schema.ts by `npm run crds` (ajv standalone). Do not edit.\n" +
    "/* eslint-disable */\n// @ts-nocheck\n" + esm.replace(/^"use strict";/, "") + "\n";
}
