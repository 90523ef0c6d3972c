// The semantic checks Prometheus' parser applies after the grammar (promql/parser/parse.go
// checkAST): value types of operators and function arguments, selectors with a non-empty
// matcher, RE2 regexes, ranges over selectors only, modifiers in their places, and durations
// that fit. The lezer grammar checks syntax only, and it binds postfix operators ([5m], offset,
// @) to a whole binary or unary expression; this module rebuilds the tree the way Prometheus
// binds them (tightest) before it checks types.
import { parseQuery } from "./tree.js";
import type { SyntaxNode } from "@lezer/common";
import { aggregations, functions, unavailableFunctions, type ValueType } from "./functions.js";
import { checkRe2 } from "./re2.js";
import { unquoteString } from "./literals.js";
import type { ParseProblem } from "./parse.js";

type Ast = { readonly from: number } & (
  | { readonly k: "scalar" | "selector" | "invalid" }
  | { readonly k: "string"; readonly value: string | undefined }
  | { readonly k: "matrix" | "subquery" | "paren" | "unary"; readonly expr: Ast }
  | { readonly k: "modifier"; readonly which: "offset" | "@"; readonly expr: Ast }
  | { readonly k: "call"; readonly name: string; readonly args: readonly Ast[] }
  | { readonly k: "aggregate"; readonly op: string; readonly args: readonly Ast[] }
  | { readonly k: "binary"; readonly op: string; readonly bool: boolean; readonly matching: Matching | null; readonly lhs: Ast; readonly rhs: Ast }
);
interface Matching { readonly labels: readonly string[]; readonly on: boolean; readonly group: boolean; readonly include: readonly string[] }

const exprNodes = new Set(["AggregateExpr", "BinaryExpr", "FunctionCall", "MatrixSelector", "NumberDurationLiteral", "OffsetExpr", "AnchoredExpr",
  "SmoothedExpr", "ParenExpr", "StringLiteral", "SubqueryExpr", "UnaryExpr", "VectorSelector", "StepInvariantExpr"]);
const binaryOps: Record<string, string> = {
  Add: "+", Sub: "-", Mul: "*", Div: "/", Mod: "%", Pow: "^", Atan2: "atan2", Eql: "==", Neq: "!=", Gtr: ">", Gte: ">=", Lss: "<", Lte: "<=",
  And: "and", Or: "or", Unless: "unless",
};
const comparisons = new Set(["==", "!=", ">", ">=", "<", "<="]);
const setOps = new Set(["and", "or", "unless"]);
const durationRe = /^(\d+y)?(\d+w)?(\d+d)?(\d+h)?(\d+m)?(\d+s)?(\d+ms)?$/;
const durationUnitsMs: Record<string, number> = { y: 31_536_000_000, w: 604_800_000, d: 86_400_000, h: 3_600_000, m: 60_000, s: 1000, ms: 1 };
/** Go's time.Duration is int64 nanoseconds: about 292 years. */
const maxDurationMs = 9_223_372_036_854;
const labelNameRe = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** The problems Prometheus would report for a query that parses; `expected` is the type its context needs. */
export function semanticProblems(query: string, expected: ValueType | undefined, skipDuration?: string): ParseProblem[] {
  const checker = new Checker(query, skipDuration);
  const top = children(parseQuery(query).topNode).find((n) => exprNodes.has(n.name));
  if (!top) return [{ offset: 0, kind: "syntax", message: "the query is empty" }];
  const type = checker.type(checker.build(top));
  if (expected !== undefined && type !== undefined && type !== expected && checker.problems.length === 0) {
    checker.problems.push({ offset: top.from, kind: "semantic", message: `expected an expression of type ${expected}, found ${article(type)} ${type}` });
  }
  return checker.problems;
}

function children(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) if (child.name !== "LineComment") out.push(child);
  return out;
}

const article = (type: string) => (type.startsWith("instant") ? "an" : "a");

class Checker {
  readonly problems: ParseProblem[] = [];
  constructor(private readonly text: string, private readonly skipDuration: string | undefined) {}

  private report(offset: number, message: string): Ast {
    this.problems.push({ offset, message, kind: "semantic" });
    return { k: "invalid", from: offset };
  }

  private source(node: SyntaxNode): string {
    return this.text.slice(node.from, node.to);
  }

  /** Converts a lezer node into the checker's tree, reporting what needs no types. */
  build(node: SyntaxNode): Ast {
    const from = node.from;
    const kids = children(node);
    const exprs = () => kids.filter((k) => exprNodes.has(k.name)).map((k) => this.build(k));
    switch (node.name) {
      case "NumberDurationLiteral": {
        const text = this.source(node).replace(/^[+-]/, "").trim();
        if (durationRe.test(text) && !/^(inf|nan)$/i.test(text)) return this.report(from, `expected a number, found the duration ${text}`);
        if (text.includes("_")) return this.report(from, `numbers with _ separators are not accepted by Prometheus 2, found ${text}`);
        return { k: "scalar", from };
      }
      case "StringLiteral":
        return { k: "string", from, value: unquoteString(this.source(node)) };
      case "VectorSelector":
        this.selector(node);
        return { k: "selector", from };
      case "ParenExpr":
        return { k: "paren", from, expr: exprs()[0] ?? { k: "invalid", from } };
      case "UnaryExpr":
        return { k: "unary", from, expr: exprs()[0] ?? { k: "invalid", from } };
      case "MatrixSelector":
      case "SubqueryExpr": {
        for (const duration of kids.filter((k) => k.name === "DurationExpr")) this.duration(duration, false);
        const k = node.name === "MatrixSelector" ? "matrix" : "subquery";
        return postfix(exprs()[0] ?? { k: "invalid", from }, (expr) => ({ k, from: expr.from, expr }));
      }
      case "OffsetExpr":
      case "StepInvariantExpr": {
        const which = node.name === "OffsetExpr" ? "offset" : "@";
        const duration = kids.find((k) => k.name === "OffsetDurationExpr");
        if (duration) this.duration(duration, true);
        return postfix(exprs()[0] ?? { k: "invalid", from }, (expr) => ({ k: "modifier", which, from: expr.from, expr }));
      }
      case "FunctionCall": {
        const name = this.source(kids[0] as SyntaxNode);
        const body = kids[1];
        return { k: "call", from, name, args: body ? children(body).map((k) => this.build(k)) : [] };
      }
      case "AggregateExpr": {
        const op = this.source(kids[0] as SyntaxNode).toLowerCase();
        const modifier = kids.find((k) => k.name === "AggregateModifier");
        if (modifier) this.groupingLabels(modifier);
        const body = kids.find((k) => k.name === "FunctionCallBody");
        return { k: "aggregate", from, op, args: body ? children(body).map((k) => this.build(k)) : [] };
      }
      case "BinaryExpr":
        return this.binary(node, kids);
      case "AnchoredExpr":
      case "SmoothedExpr":
        return this.report(from, `${node.name === "AnchoredExpr" ? "anchored" : "smoothed"} is experimental and not accepted by Prometheus by default`);
      default:
        return this.report(from, `unexpected ${node.name}`);
    }
  }

  private binary(node: SyntaxNode, kids: SyntaxNode[]): Ast {
    const operands = kids.filter((k) => exprNodes.has(k.name));
    const opNode = kids.find((k) => k.name in binaryOps || k.name === "TrimUpper" || k.name === "TrimLower");
    if (!opNode || opNode.name === "TrimUpper" || opNode.name === "TrimLower") return this.report(opNode?.from ?? node.from, "the operators </ and >/ are experimental and not accepted by Prometheus by default");
    if (kids.some((k) => k.name === "FillModifier")) return this.report(node.from, "fill modifiers are experimental and not accepted by Prometheus by default");
    const clause = kids.find((k) => k.name === "MatchingModifierClause");
    let matching: Matching | null = null;
    if (clause) {
      const [labels, include] = clause.getChildren("GroupingLabels").map((g) => this.groupingLabels(g));
      matching = {
        labels: labels ?? [],
        on: clause.getChild("On") !== null,
        group: clause.getChild("GroupLeft") !== null || clause.getChild("GroupRight") !== null,
        include: include ?? [],
      };
    }
    return {
      k: "binary", from: node.from, op: binaryOps[opNode.name] as string, bool: kids.some((k) => k.name === "BoolModifier"), matching,
      lhs: this.build(operands[0] as SyntaxNode), rhs: this.build(operands[operands.length - 1] as SyntaxNode),
    };
  }

  private groupingLabels(node: SyntaxNode): string[] {
    const labels = node.name === "GroupingLabels" ? node : node.getChild("GroupingLabels");
    if (!labels) return [];
    return children(labels).map((label) => {
      if (label.name !== "LabelName") this.report(label.from, "quoted label names need Prometheus 3; write the label name without quotes");
      return this.source(label);
    });
  }

  private selector(node: SyntaxNode): void {
    const name = node.getChild("Identifier");
    let nonEmpty = name !== null;
    const matchers = node.getChild("LabelMatchers");
    for (const matcher of matchers ? children(matchers) : []) {
      if (matcher.name !== "UnquotedLabelMatcher") {
        this.report(matcher.from, "quoted metric and label names need Prometheus 3; write name{label=\"value\"}");
        return;
      }
      const label = this.source(matcher.getChild("LabelName") as SyntaxNode);
      const op = this.source(matcher.getChild("MatchOp") as SyntaxNode);
      const value = unquoteString(this.source(matcher.getChild("StringLiteral") as SyntaxNode));
      if (value === undefined) return; // reported as a bad string literal
      if (label === "__name__" && name) {
        this.report(matcher.from, `metric name must not be set twice: ${JSON.stringify(this.source(name))} or ${JSON.stringify(value)}`);
        return;
      }
      let matchesEmpty = op === "=" ? value === "" : op === "!=" ? value !== "" : undefined;
      if (matchesEmpty === undefined) {
        const regex = checkRe2(value);
        if (!regex.ok) {
          this.report(matcher.from, `invalid regular expression in ${label}${op}: ${regex.message} (Prometheus uses RE2 syntax: no lookarounds or backreferences)`);
          return;
        }
        matchesEmpty = op === "=~" ? regex.matchesEmpty : !regex.matchesEmpty;
      }
      if (!matchesEmpty) nonEmpty = true;
    }
    if (!nonEmpty) {
      this.report(node.from, `expected a selector with a metric name or a matcher that does not match the empty string, found ${this.source(node)}`);
    }
  }

  /** Checks a range, step or offset: a plain duration literal that is positive and fits in Go's time.Duration. */
  private duration(node: SyntaxNode, signed: boolean): void {
    const text = this.source(node).replace(/\s+/g, "");
    const literal = signed ? text.replace(/^[+-]/, "") : text;
    if (literal === this.skipDuration) return;
    const match = durationRe.exec(literal);
    if (!match || literal === "") {
      this.report(node.from, `expected a duration such as 5m, found ${text} (duration arithmetic and plain numbers need Prometheus 3)`);
      return;
    }
    let ms = 0;
    for (const part of literal.matchAll(/(\d+)(ms|y|w|d|h|m|s)/g)) ms += Number(part[1]) * (durationUnitsMs[part[2] as string] as number);
    if (ms === 0) this.report(node.from, `expected a duration greater than 0, found ${text}`);
    else if (ms > maxDurationMs) this.report(node.from, `duration ${text} is out of range: Prometheus allows at most 292y`);
  }

  /** The value type of an expression, or undefined when a problem was reported. */
  type(ast: Ast): ValueType | undefined {
    switch (ast.k) {
      case "invalid":
        return undefined;
      case "scalar":
        return "scalar";
      case "string":
        return "string";
      case "selector":
        return "instant vector";
      case "paren":
        return this.type(ast.expr);
      case "matrix":
        if (ast.expr.k === "modifier") return this.fail(ast.expr.from, `no ${ast.expr.which} modifiers allowed before a range; write x[5m] ${ast.expr.which} ...`);
        if (ast.expr.k !== "selector") return this.fail(ast.from, `ranges are only allowed on vector selectors, found ${this.describe(ast.expr)}; use a subquery such as (...)[5m:] instead`);
        return "range vector";
      case "subquery": {
        const inner = this.type(ast.expr);
        if (inner === undefined) return undefined;
        if (inner !== "instant vector") return this.fail(ast.from, `a subquery is only allowed on an instant vector, found ${article(inner)} ${inner}`);
        return "range vector";
      }
      case "modifier":
        return this.modifier(ast);
      case "unary": {
        const inner = this.type(ast.expr);
        if (inner === undefined) return undefined;
        if (inner !== "scalar" && inner !== "instant vector") return this.fail(ast.from, `a unary minus or plus only applies to a scalar or an instant vector, found ${article(inner)} ${inner}`);
        return inner;
      }
      case "call":
        return this.call(ast);
      case "aggregate":
        return this.aggregate(ast);
      case "binary":
        return this.binaryType(ast);
    }
  }

  private fail(offset: number, message: string): undefined {
    this.report(offset, message);
    return undefined;
  }

  private describe(ast: Ast): string {
    switch (ast.k) {
      case "call":
        return `the function call ${ast.name}(...)`;
      case "aggregate":
        return `the aggregation ${ast.op}(...)`;
      case "binary":
        return `a binary expression`;
      case "paren":
        return "a parenthesized expression";
      default:
        return `${article(ast.k)} ${ast.k}`;
    }
  }

  private modifier(ast: Ast & { k: "modifier" }): ValueType | undefined {
    const seen = new Set<string>([ast.which]);
    let base = ast.expr;
    while (base.k === "modifier") {
      if (seen.has(base.which)) return this.fail(base.from, `${base.which} may not be set more than once`);
      seen.add(base.which);
      base = base.expr;
    }
    if (base.k !== "selector" && base.k !== "matrix" && base.k !== "subquery" && base.k !== "invalid") {
      return this.fail(ast.from, `the ${ast.which} modifier must follow a vector selector, a range selector or a subquery, found ${this.describe(base)}`);
    }
    return this.type(ast.expr);
  }

  private call(ast: Ast & { k: "call" }): ValueType | undefined {
    const signature = functions.get(ast.name);
    if (!signature) {
      const why = unavailableFunctions.get(ast.name);
      return this.fail(ast.from, why ? `function ${ast.name} ${why}` : `unknown function ${ast.name}`);
    }
    const min = signature.optional < 0 ? signature.args.length - 1 : signature.args.length - signature.optional;
    const max = signature.optional < 0 ? Infinity : signature.args.length;
    if (ast.args.length < min || ast.args.length > max) {
      const expected = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`;
      return this.fail(ast.from, `function ${ast.name} expects ${expected} argument(s), found ${ast.args.length}`);
    }
    let ok = true;
    for (const [i, arg] of ast.args.entries()) {
      const expected = signature.args[Math.min(i, signature.args.length - 1)] as ValueType;
      const found = this.type(arg);
      if (found === undefined) ok = false;
      else if (found !== expected) ok = this.fail(arg.from, `argument ${i + 1} of ${ast.name} must be ${article(expected)} ${expected}, found ${article(found)} ${found}`) ?? false;
    }
    if (ast.name === "label_replace" || ast.name === "label_join") this.labelFunctionArgs(ast);
    return ok ? signature.returns : undefined;
  }

  private labelFunctionArgs(ast: Ast & { k: "call" }): void {
    const literal = (i: number) => {
      const arg = ast.args[i];
      return arg?.k === "string" ? arg.value : undefined;
    };
    const destination = literal(1);
    if (destination !== undefined && !labelNameRe.test(destination)) this.report(ast.args[1]?.from ?? ast.from, `invalid label name ${JSON.stringify(destination)} in ${ast.name}`);
    if (ast.name === "label_replace") {
      const regex = literal(4);
      const result = regex === undefined ? undefined : checkRe2(regex);
      if (result && !result.ok) this.report(ast.args[4]?.from ?? ast.from, `invalid regular expression in label_replace: ${result.message}`);
    }
  }

  private aggregate(ast: Ast & { k: "aggregate" }): ValueType | undefined {
    if (!aggregations.has(ast.op)) return this.fail(ast.from, `aggregation ${ast.op} is experimental and not accepted by Prometheus by default`);
    const param = aggregations.get(ast.op) ?? null;
    const expectedCount = param === null ? 1 : 2;
    if (ast.args.length !== expectedCount) return this.fail(ast.from, `${ast.op} expects ${expectedCount} argument(s), found ${ast.args.length}`);
    let ok = true;
    if (param !== null) {
      const found = this.type(ast.args[0] as Ast);
      if (found === undefined) ok = false;
      else if (found !== param) ok = this.fail(ast.args[0]?.from ?? ast.from, `the parameter of ${ast.op} must be ${article(param)} ${param}, found ${article(found)} ${found}`) ?? false;
    }
    const vector = ast.args[ast.args.length - 1] as Ast;
    const found = this.type(vector);
    if (found === undefined) return undefined;
    if (found !== "instant vector") return this.fail(vector.from, `${ast.op} aggregates an instant vector, found ${article(found)} ${found}`);
    return ok ? "instant vector" : undefined;
  }

  private binaryType(ast: Ast & { k: "binary" }): ValueType | undefined {
    const lhs = this.type(ast.lhs);
    const rhs = this.type(ast.rhs);
    if (lhs === undefined || rhs === undefined) return undefined;
    for (const [side, type] of [["left", lhs], ["right", rhs]] as const) {
      if (type !== "scalar" && type !== "instant vector") {
        return this.fail(side === "left" ? ast.lhs.from : ast.rhs.from,
          `the ${side} operand of ${ast.op} must be a scalar or an instant vector, found ${article(type)} ${type}${type === "range vector" ? "; wrap it in a function such as rate(...)" : ""}`);
      }
    }
    if (ast.bool && !comparisons.has(ast.op)) return this.fail(ast.from, `bool can only be used with comparison operators, found ${ast.op}`);
    if (comparisons.has(ast.op) && !ast.bool && lhs === "scalar" && rhs === "scalar") return this.fail(ast.from, `comparisons between scalars must use bool, as in 1 ${ast.op} bool 2`);
    const bothVectors = lhs === "instant vector" && rhs === "instant vector";
    if (setOps.has(ast.op) && !bothVectors) return this.fail(ast.from, `set operator ${ast.op} is only allowed between instant vectors`);
    const matching = ast.matching;
    if (matching) {
      if (!bothVectors && matching.labels.length > 0) return this.fail(ast.from, "vector matching (on/ignoring) is only allowed between instant vectors");
      if (bothVectors && setOps.has(ast.op) && matching.group) return this.fail(ast.from, `no grouping allowed for ${ast.op}`);
      const both = matching.on ? matching.labels.filter((l) => matching.include.includes(l)) : [];
      if (both.length > 0) return this.fail(ast.from, `label ${JSON.stringify(both[0])} must not occur in on and group clause at once`);
    }
    return bothVectors || lhs === "instant vector" || rhs === "instant vector" ? "instant vector" : "scalar";
  }
}

/** Binds a postfix operator ([5m], offset, @) to the rightmost operand, as Prometheus' grammar does. */
function postfix(inner: Ast, wrap: (expr: Ast) => Ast): Ast {
  if (inner.k === "binary") return { ...inner, rhs: postfix(inner.rhs, wrap) };
  if (inner.k === "unary") return { ...inner, expr: postfix(inner.expr, wrap) };
  return wrap(inner);
}
