import { describe, expect, it } from "vitest";
import { checkGeneratedRules } from "./rule-check.js";

describe("the check of generated rules", () => {
  it("passes well-formed rules and names the rule Prometheus would refuse", () => {
    const good = { record: "r", expr: "sum(rate(x[5m]))", labels: {} };
    const badExpr = { record: "bad", expr: "sum(rate(x[5m])) + rate(y)", labels: {} };
    const badTemplate = { alert: "A", expr: "up == 0", labels: { team: "{{" }, annotations: {} };
    expect(checkGeneratedRules([{ name: "g", interval: "1m", rules: [good] }])).toEqual([]);
    expect(checkGeneratedRules([{ name: "g", interval: "1m", rules: [good, badExpr, badTemplate] }]).map((i) => i.message)).toEqual([
      expect.stringMatching(/^the generated rule bad of group g would be refused by Prometheus \(argument 1 of rate must be a range vector/),
      expect.stringMatching(/^the label team of the generated rule A of group g is not a template Prometheus can parse \(unclosed action/),
    ]);
  });
});
