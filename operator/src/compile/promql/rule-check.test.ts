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

  it("checks each shape once, yet refuses a rule whose label values Prometheus would refuse", () => {
    const rule = (expr: string) => [{ name: "g", interval: "1m", rules: [{ record: "r", expr, labels: {} }] }];
    expect(checkGeneratedRules(rule('sum(rate(x{sla="a", job="checkout"}[5m]))'))).toEqual([]);
    expect(checkGeneratedRules(rule('sum(rate(x{sla="b", job="orders"}[5m]))'))).toEqual([]);
    expect(checkGeneratedRules(rule('sum(rate({sla="a"}[5m]))'))).toEqual([]);
    // The same shapes with an empty value (no non-empty matcher), a broken regex, a bad escape.
    expect(checkGeneratedRules(rule('sum(rate({sla=""}[5m]))')).map((i) => i.message)).toEqual([expect.stringMatching(/a matcher that does not match the empty string, found \{sla=""\}/)]);
    expect(checkGeneratedRules(rule('sum(rate(x{sla="a", job=~"("}[5m]))'))).toHaveLength(1);
    expect(checkGeneratedRules(rule('sum(rate(x{sla="a", job="\\q"}[5m]))'))).toHaveLength(1);
  });
});
