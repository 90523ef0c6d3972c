import { describe, expect, it } from "vitest";
import { renderTable } from "./table.js";
import { checkoutModel, checkoutReport, reportSla, reportedAt } from "./report.fixture.js";

describe("the report as a table", () => {
  it("has one row per objective with the SLA's credit on each", () => {
    expect(renderTable(checkoutReport())).toBe([
      "SLA            PERIOD   OBJECTIVE     TARGET  ATTAINED  BUDGET LEFT  STATE      CREDIT",
      "shop/checkout  2026-10  availability  99.9%   99.96%    66.39%       Compliant  25%",
      "shop/checkout  2026-10  latency       99%     98.00%    -100.00%     Breached   25%",
      "",
    ].join("\n"));
  });

  it("says no data rather than a number when an objective has none", () => {
    const text = renderTable({ generatedAt: reportedAt, slas: [reportSla(checkoutModel(), {}, reportedAt)] });
    expect(text).toContain("shop/checkout  2026-10  availability  99.9%   no data   -            NoData  -\n");
  });

  it("says so when there is nothing to report", () => {
    expect(renderTable({ generatedAt: reportedAt, slas: [] })).toBe("No ServiceLevelAgreements to report on.\n");
  });

  it("replaces control characters, so a name cannot send escape sequences to the terminal", () => {
    const model = checkoutModel({ name: "evil\u001b[2J", objectives: [{ ...checkoutModel().objectives[0]!, name: "a\u0007b" }] });
    const text = renderTable({ generatedAt: reportedAt, slas: [reportSla(model, {}, reportedAt)] });
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    expect(text).toContain("shop/evil?[2J");
    expect(text).toContain("a?b");
  });
});
