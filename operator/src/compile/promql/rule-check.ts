// The last gate before rules leave the compiler: every generated expression and alert template
// gets the checks Prometheus applies when it loads a rule file. Validation should have refused
// whatever fails here, so a problem found here is a compiler bug, reported instead of applied.
import type { RuleGroup } from "../rules.js";
import { templateProblem } from "../go-template.js";
import { error, type Issue } from "../issues.js";
import { semanticProblems } from "./check.js";
import { badStringLiterals, syntaxProblems, type ParseProblem } from "./parse.js";

/** Problems Prometheus would report for the generated groups; empty when every rule loads. */
export function checkGeneratedRules(groups: readonly RuleGroup[]): Issue[] {
  const issues: Issue[] = [];
  for (const group of groups) {
    for (const rule of group.rules) {
      const name = "record" in rule ? rule.record : rule.alert;
      const where = `rule ${name} of group ${group.name}`;
      for (const problem of expressionProblems(rule.expr)) {
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

// The rules of every SLA have the same few shapes, told apart by the label values in their
// equality matchers (sla="...", objective="...", job="..."). What Prometheus checks does not
// depend on such a value as long as it is non-empty and needs no escape, so each shape is parsed
// once: an expression whose shape passed passes. Regex matchers and other strings keep their text,
// and a shape with problems is checked again as written, so every message is about the real rule.
const equalityValue = /(!?=)"[A-Za-z0-9_.:/ -]+"/g;
const shapeCapacity = 4096;
const passedShapes = new Set<string>();

function expressionProblems(expr: string): ParseProblem[] {
  const shape = expr.replace(equalityValue, '$1"v"');
  if (passedShapes.has(shape)) return [];
  const problems = check(shape);
  if (problems.length > 0) return check(expr);
  if (passedShapes.size >= shapeCapacity) passedShapes.clear();
  passedShapes.add(shape);
  return [];
}

function check(expr: string): ParseProblem[] {
  const syntax = [...syntaxProblems(expr), ...badStringLiterals(expr)];
  return syntax.length > 0 ? syntax : semanticProblems(expr, undefined);
}
