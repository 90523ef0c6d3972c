// A small typed PromQL syntax tree for the queries the compiler generates, and its printer.
// Generated queries are built as trees, never by pasting strings, so label values are always
// escaped and operands always parenthesized. User-written queries enter as `fragment` nodes only
// after parse.ts has parsed them and rewritten their {{window}} ranges through the syntax tree.

export type MatchOp = "=" | "!=" | "=~" | "!~";
export interface Matcher { readonly name: string; readonly op: MatchOp; readonly value: string }

export type Expr =
  | { readonly kind: "selector"; readonly metric: string; readonly matchers: readonly Matcher[]; readonly rangeSeconds?: number }
  | { readonly kind: "call"; readonly fn: string; readonly args: readonly Expr[] }
  | { readonly kind: "aggregate"; readonly op: string; readonly expr: Expr; readonly by?: readonly string[] }
  | { readonly kind: "binary"; readonly op: BinaryOp; readonly lhs: Expr; readonly rhs: Expr; readonly on?: readonly string[] }
  | { readonly kind: "number"; readonly value: number }
  | { readonly kind: "fragment"; readonly text: string };

export type BinaryOp = "+" | "-" | "*" | "/" | ">" | ">=" | "<" | "<=" | "==" | "and" | "or" | "unless";

/** Escapes a label value or string as a double-quoted PromQL string literal. */
export function quote(value: string): string {
  // JSON string escaping is a subset of Go's strconv.Unquote, which the PromQL lexer uses.
  return JSON.stringify(value);
}

/** Formats a number the way it should read in a rule: no float noise, no exponent for common sizes. */
export function formatNumber(value: number): string {
  if (Number.isInteger(value)) return String(value);
  const rounded = Number(value.toPrecision(12));
  return String(rounded);
}

export const sel = (metric: string, labels: Readonly<Record<string, string>> = {}, rangeSeconds?: number): Expr => ({
  kind: "selector",
  metric,
  matchers: Object.keys(labels).sort().map((name) => ({ name, op: "=" as const, value: labels[name] as string })),
  ...(rangeSeconds === undefined ? {} : { rangeSeconds }),
});
export const call = (fn: string, ...args: Expr[]): Expr => ({ kind: "call", fn, args });
export const agg = (op: string, expr: Expr, by?: readonly string[]): Expr => ({ kind: "aggregate", op, expr, ...(by ? { by } : {}) });
export const bin = (op: BinaryOp, lhs: Expr, rhs: Expr, on?: readonly string[]): Expr => ({ kind: "binary", op, lhs, rhs, ...(on ? { on } : {}) });
export const num = (value: number): Expr => ({ kind: "number", value });

/** Prints a tree as PromQL. */
export function print(expr: Expr, formatRange: (seconds: number) => string): string {
  const p = (e: Expr): string => print(e, formatRange);
  switch (expr.kind) {
    case "selector": {
      const matchers = expr.matchers.map((m) => `${m.name}${m.op}${quote(m.value)}`).join(", ");
      const range = expr.rangeSeconds === undefined ? "" : `[${formatRange(expr.rangeSeconds)}]`;
      return `${expr.metric}${matchers ? `{${matchers}}` : ""}${range}`;
    }
    case "call":
      return `${expr.fn}(${expr.args.map(p).join(", ")})`;
    case "aggregate":
      return `${expr.op}${expr.by ? ` by (${expr.by.join(", ")}) ` : ""}(${p(expr.expr)})`;
    case "binary": {
      const operand = (e: Expr) => (e.kind === "binary" || e.kind === "fragment" ? `(${p(e)})` : p(e));
      const on = expr.on ? ` on(${expr.on.join(", ")})` : "";
      return `${operand(expr.lhs)} ${expr.op}${on} ${operand(expr.rhs)}`;
    }
    case "number":
      return formatNumber(expr.value);
    case "fragment":
      return expr.text;
  }
}
