// Parses user PromQL with the Prometheus project's own grammar (@prometheus-io/lezer-promql) and
// rewrites the {{window}} placeholders through the syntax tree: each placeholder must be the range
// of a range selector or subquery, and only those nodes are replaced.
import { parser } from "@prometheus-io/lezer-promql";
import type { SyntaxNode } from "@lezer/common";

/** Placeholders accepted for the window: ours, and Sloth's Go-template form for easy imports. */
const placeholderRe = /\{\{\s*\.?window\s*\}\}/g;
// A duration that is valid PromQL and cannot occur by accident in a real query.
const sentinel = "9876543210s";

export type ParseProblem = { readonly message: string; readonly offset: number };

/** Reports syntax errors of a PromQL query (no placeholders) with their offsets; empty when it parses. */
export function syntaxProblems(query: string): ParseProblem[] {
  const tree = parser.parse(query);
  const problems: ParseProblem[] = [];
  tree.iterate({
    enter(node) {
      if (node.type.isError) {
        const near = query.slice(node.from, node.from + 20);
        problems.push({
          offset: node.from,
          message: node.from >= query.length
            ? "unexpected end of query"
            : `syntax error at offset ${node.from} near ${JSON.stringify(near)}`,
        });
        return false;
      }
      return undefined;
    },
  });
  return problems;
}

export type WindowTemplate = {
  /** The query with every placeholder replaced by the sentinel; parses as PromQL. */
  readonly text: string;
  /** Offsets of the sentinel durations in `text`, all in a range position. */
  readonly rangeOffsets: readonly number[];
};

/** Checks a query template: it parses, has at least one {{window}}, and every one is a range. */
export function parseWindowTemplate(template: string): { ok: true; value: WindowTemplate } | { ok: false; problems: ParseProblem[] } {
  const placeholders = [...template.matchAll(placeholderRe)];
  if (placeholders.length === 0) {
    return { ok: false, problems: [{ offset: 0, message: "the query has no {{window}}: write the range as [{{window}}], e.g. rate(x[{{window}}])" }] };
  }
  const text = template.replace(placeholderRe, sentinel);
  const problems = [...syntaxProblems(text), ...badStringLiterals(text)];
  if (problems.length > 0) return { ok: false, problems };
  const rangeOffsets: number[] = [];
  const tree = parser.parse(text);
  const misplaced: ParseProblem[] = [];
  tree.iterate({
    enter(ref) {
      if (ref.name !== "NumberDurationLiteralInDurationContext" || text.slice(ref.from, ref.to) !== sentinel) return;
      if (isRangeDuration(ref.node)) rangeOffsets.push(ref.from);
      else misplaced.push({ offset: ref.from, message: "{{window}} may only stand for the range of a selector or subquery, as in [{{window}}]" });
    },
  });
  const expected = (text.match(new RegExp(sentinel, "g")) ?? []).length;
  if (misplaced.length === 0 && rangeOffsets.length !== expected) {
    misplaced.push({ offset: 0, message: "{{window}} may only stand for the range of a selector or subquery, as in [{{window}}]" });
  }
  if (misplaced.length > 0) return { ok: false, problems: misplaced };
  return { ok: true, value: { text, rangeOffsets } };
}

function isRangeDuration(node: SyntaxNode): boolean {
  // NumberDurationLiteralInDurationContext <- DurationExpr <- MatrixSelector | SubqueryExpr (range part, not offset).
  const durationExpr = node.parent;
  const owner = durationExpr?.parent;
  if (!durationExpr || durationExpr.name !== "DurationExpr" || !owner) return false;
  if (owner.name === "MatrixSelector") return true;
  // In a subquery the first DurationExpr is the range, the second the resolution step.
  return owner.name === "SubqueryExpr" && owner.getChildren("DurationExpr")[0]?.from === durationExpr.from;
}

/** Instantiates a checked template for one window. */
export function instantiate(template: WindowTemplate, window: string): string {
  let out = "";
  let last = 0;
  for (const offset of template.rangeOffsets) {
    out += template.text.slice(last, offset) + window;
    last = offset + sentinel.length;
  }
  return out + template.text.slice(last);
}

/** True when the query's top node is an aggregation without grouping, so it yields one series. */
export function isSingleSeriesAggregation(query: string): boolean {
  const top = parser.parse(query).topNode.firstChild;
  return !!top && top.name === "AggregateExpr" && top.getChild("AggregateModifier") === null;
}

const simpleEscapes: Record<string, string> = { a: "\x07", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v", "\\": "\\", '"': '"', "'": "'" };

/**
 * Decodes a PromQL string literal the way Prometheus does (Go's strconv.Unquote): "...", '...' or
 * `...`. Returns undefined for what Prometheus would reject, such as an unknown escape.
 */
export function unquoteString(literal: string): string | undefined {
  const quote = literal[0];
  if (literal.length < 2 || literal[literal.length - 1] !== quote) return undefined;
  const body = literal.slice(1, -1);
  if (quote === "`") return body.includes("`") ? undefined : body;
  if (quote !== '"' && quote !== "'") return undefined;
  let out = "";
  for (let i = 0; i < body.length; i++) {
    const c = body[i] as string;
    if (c === "\n" || c === quote) return undefined;
    if (c !== "\\") {
      out += c;
      continue;
    }
    const next = body[i + 1];
    if (next === undefined) return undefined;
    if (next in simpleEscapes && (next !== "'" || quote === "'") && (next !== '"' || quote === '"')) {
      out += simpleEscapes[next];
      i += 1;
      continue;
    }
    const hex = { x: 2, u: 4, U: 8 }[next as "x" | "u" | "U"];
    const digits = hex ? body.slice(i + 2, i + 2 + hex) : /^[0-7]{3}/.exec(body.slice(i + 1))?.[0];
    if (!digits || (hex ? !new RegExp(`^[0-9a-fA-F]{${hex}}$`).test(digits) : false)) return undefined;
    const code = parseInt(digits, hex ? 16 : 8);
    if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return undefined;
    out += String.fromCodePoint(code);
    i += hex ? 1 + hex : 3;
  }
  return out;
}

/** String literals of a query that Prometheus would not accept, with their offsets. */
export function badStringLiterals(query: string): ParseProblem[] {
  const problems: ParseProblem[] = [];
  parser.parse(query).iterate({
    enter(ref) {
      if (ref.name !== "StringLiteral") return;
      const literal = query.slice(ref.from, ref.to);
      if (unquoteString(literal) === undefined) {
        problems.push({ offset: ref.from, message: `string ${literal.length > 40 ? `${literal.slice(0, 37)}...` : literal} at offset ${ref.from} has an escape or character Prometheus does not accept` });
      }
    },
  });
  return problems;
}
