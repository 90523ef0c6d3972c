import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderValidatorModule, schemaAjv, validatorPath } from "./validator-file.js";
import { Ajv } from "ajv";
import { validate, validateBurnRateTable } from "./schema-validator.generated.js";
import { BurnRateTable, ServiceLevelAgreement } from "./schema.js";

describe("the generated schema validator", () => {
  it("is committed exactly as ajv generates it from the schema (run `npm run crds` after changing schema.ts or ajv)", () => {
    expect(readFileSync(validatorPath, "utf8")).toBe(renderValidatorModule());
  });

  it("gives the verdicts and errors of ajv compiling the schema at run time", () => {
    // The independent side: ajv's own compiler at run time, as the compiler used it before the code was generated.
    const ajv = schemaAjv({ source: false });
    const runtime = ajv.compile(ServiceLevelAgreement);
    const generated = validate as unknown as { (d: unknown): boolean; errors?: unknown[] | null };
    const valid = {
      apiVersion: "servicelevel.dev/v1alpha1", kind: "ServiceLevelAgreement", metadata: { name: "checkout" },
      spec: { service: "checkout", owner: "team", period: { rolling: "30d" }, objectives: [{ name: "availability", target: 99.9, indicator: { ratio: { errors: "sum(rate(e[{{window}}]))", total: "sum(rate(t[{{window}}]))" } } }],
        maintenance: [{ start: "2026-12-01T00:00:00Z", end: "2026-12-01T01:00:00Z" }] },
    };
    const documents: unknown[] = [
      valid,
      { ...valid, spec: { ...valid.spec, owner: "x".repeat(300) } },
      { ...valid, spec: { ...valid.spec, maintenance: [{ start: "yesterday", end: "2026-12-01" }] } },
      { ...valid, spec: { ...valid.spec, period: { rolling: "30 days" }, unknown: 1 } },
      { ...valid, spec: { ...valid.spec, objectives: [{ name: "a", target: "high" }] } },
      { ...valid, metadata: { name: "Not_A_Name" } },
    ];
    const verdicts = documents.map((d) => {
      const ok = generated(d);
      return { ok, errors: JSON.stringify(generated.errors ?? null) };
    });
    expect(verdicts.map((v) => v.ok)).toEqual([true, false, false, false, false, false]);
    for (const [i, d] of documents.entries()) {
      const ok = runtime(d);
      expect(verdicts[i]).toEqual({ ok, errors: JSON.stringify(runtime.errors ?? null) });
    }
  });

  it("checks a burn-rate table as ajv compiling its schema at run time did", () => {
    // The independent side: the ajv the table loader compiled the schema with before it was generated.
    const ajv = new Ajv({ allErrors: true, strict: true, verbose: true });
    ajv.addKeyword("x-kubernetes-validations");
    const runtime = ajv.compile(BurnRateTable);
    const generated = validateBurnRateTable as unknown as { (d: unknown): boolean; errors?: unknown[] | null };
    const valid = { name: "google-sre", period: "30d", tiers: [{ severity: "page", budgetPercent: 2, longWindow: "1h", shortWindow: "5m" }] };
    const documents: unknown[] = [
      valid,
      { ...valid, defaultFor: { from: "20d", to: "40d" } },
      { ...valid, name: "Google SRE" },
      { ...valid, tiers: [] },
      { ...valid, tiers: [{ severity: "urgent", budgetPercent: "2", longWindow: "1 hour" }] },
      { ...valid, period: "30 days", extra: true },
    ];
    const verdicts = documents.map((d) => ({ ok: generated(d), errors: JSON.stringify(generated.errors ?? null) }));
    expect(verdicts.map((v) => v.ok)).toEqual([true, true, false, false, false, false]);
    for (const [i, d] of documents.entries()) {
      const ok = runtime(d);
      expect(verdicts[i]).toEqual({ ok, errors: JSON.stringify(runtime.errors ?? null) });
    }
  });
});
