// The last gate before rules leave the compiler: every generated expression and alert template
// gets the checks Prometheus applies when it loads a rule file. Validation should have refused
// whatever fails here, so a problem found here is a compiler bug, reported instead of applied.
import type { RuleGroup } from "../rules.js";
import { templateProblem } from "../go-template.js";
import { error, type Issue } from "../issues.js";
import { semanticProblems } from "./check.js";
import { badStringLiterals, syntaxProblems } from "./parse.js";

/** Problems Prometheus would report for the generated groups; empty when every rule loads. */
export function checkGeneratedRules(groups: readonly RuleGroup[]): Issue[] {
  const issues: Issue[] = [];
  for (const group of groups) {
    for (const rule of group.rules) {
      const name = "record" in rule ? rule.record : rule.alert;
      const where = `rule ${name} of group ${group.name}`;
      const syntax = [...syntaxProblems(rule.expr), ...badStringLiterals(rule.expr)];
      for (const problem of syntax.length > 0 ? syntax : semanticProblems(rule.expr, undefined)) {
        issues.push(error(["spec"], "compiler-bug", `the generated ${where} would be refused by Prometheus (${problem.message}); please report this`));
      }
      if ("alert" in rule) {
        for (const [kind, values] of [["label", rule.labels], ["annotation", rule.annotations]] as const) {
          for (const [key, value] of Object.entries(values)) {
            const problem = typeof value === "string" ? templateProblem(value) : `it is ${value === null ? "null" : typeof value}, not text`;
            if (problem) issues.push(error(["spec"], "compiler-bug", `the ${kind} ${key} of the generated ${where} is not a template Prometheus can parse (${problem}); please report this`));
          }
        }
      }
    }
  }
  return issues;
}
