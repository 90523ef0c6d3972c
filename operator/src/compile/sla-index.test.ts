import { describe, expect, it } from "vitest";
import { loadTables } from "../../../test/support/burn-rate-tables.js";
import { checkoutSla } from "./workbook.fixture.js";
import { SlaIndex } from "./sla-index.js";

const sla = (name: string, spec: Record<string, unknown> = {}) => checkoutSla({ service: name, ...spec }, { name, namespace: "shop" });

const notFound = (index: SlaIndex, key: string): string[] => {
  const result = index.model(key);
  return result?.ok ? result.value.warnings.filter((w) => w.code === "dependency-not-found").map((w) => w.message) : ["(invalid)"];
};

describe("SlaIndex and dependencies on SLAs it does not hold", () => {
  it("names the nearest SLA in its warning, and follows the SLAs that come and go", () => {
    const index = new SlaIndex({ burnRateTables: loadTables() });
    index.upsert("shop/checkout", sla("checkout", { dependencies: [{ name: "paymnets" }] }), "1");
    expect(notFound(index, "shop/checkout")).toEqual(["no valid ServiceLevelAgreement shop/paymnets is known, so the targets it supports are not checked"]);

    // A new SLA may be the one the name was meant to be: the dependent is queued again, and says so.
    expect(index.upsert("shop/payments", sla("payments"), "1")).toEqual(["shop/payments", "shop/checkout"]);
    expect(notFound(index, "shop/checkout")).toEqual([
      'no valid ServiceLevelAgreement shop/paymnets is known, so the targets it supports are not checked; did you mean "shop/payments"?',
    ]);

    // A new revision of a known SLA changes nothing about which SLAs exist.
    expect(index.upsert("shop/payments", sla("payments", { description: "v2" }), "2")).toEqual(["shop/payments"]);

    // A schema-invalid SLA is no candidate, and its going invalid queues the dependent.
    expect(index.upsert("shop/payments", sla("payments", { objectivs: [] }), "3")).toEqual(["shop/payments", "shop/checkout"]);
    expect(notFound(index, "shop/checkout")).toEqual(["no valid ServiceLevelAgreement shop/paymnets is known, so the targets it supports are not checked"]);

    index.upsert("shop/payments", sla("payments"), "4");
    expect(index.remove("shop/payments")).toEqual(["shop/checkout"]);
    expect(notFound(index, "shop/checkout")).toEqual(["no valid ServiceLevelAgreement shop/paymnets is known, so the targets it supports are not checked"]);

    // Once the dependency exists under the name given, the warning goes.
    index.upsert("shop/paymnets", sla("paymnets"), "1");
    expect(notFound(index, "shop/checkout")).toEqual([]);
  });
});
