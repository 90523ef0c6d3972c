// Parses user PromQL with the Prometheus project's own grammar (@prometheus-io/lezer-promql) and
// rewrites the {{window}} placeholders through the syntax tree: each placeholder must be the range
// of a range selector or subquery, and only those nodes are replaced.
import { parseQuery } from "./tree.js";
import type { SyntaxNode } from "@lezer/common";
import { semanticProblems } from "./check.js";
import { unquoteString } from "./literals.js";

export { unquoteString } from "./literals.js";

/** Placeholders accepted for the window: ours, and Sloth's Go-template form for easy imports. */
const placeholderRe = /\{\{\s*\.?window\s*\}\}/g;
// A duration that is valid PromQL and cannot occur by accident in a real query.
const sentinel = "9876543210s";

export type ParseProblem = {
  readonly message: string;
  readonly offset: number;
  /** syntax: the grammar; window: {{window}} placement; semantic: types, matchers, regexes, functions. */
  readonly kind?: "syntax" | "window" | "semantic";
};

/** Reports syntax errors of a PromQL query (no placeholders) with their offsets; empty when it parses. */
export function syntaxProblems(query: string): ParseProblem[] {
  const tree = parseQuery(query);
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

/** Removes # comments through the syntax tree: spliced into a generated rule, one would swallow the rest of the line. */
export function stripComments(query: string): string {
  const comments: { from: number; to: number }[] = [];
  parseQuery(query).iterate({
    enter(ref) {
      if (ref.name === "LineComment") comments.push({ from: ref.from, to: ref.to });
    },
  });
  let out = "";
  let last = 0;
  for (const comment of comments) {
    out += query.slice(last, comment.from);
    last = comment.to;
  }
  return (out + query.slice(last)).trim();
}

/**
 * Checks a query template: it parses, has at least one {{window}}, every one is a range, and
 * Prometheus would accept it as an instant vector (types, matchers, regexes, functions).
 */
export function parseWindowTemplate(template: string): TemplateResult {
  const cached = checkedTemplates.get(template);
  if (cached) return cached;
  const result = checkWindowTemplate(template);
  if (checkedTemplates.size >= templateCapacity) checkedTemplates.delete(checkedTemplates.keys().next().value as string);
  checkedTemplates.set(template, result);
  return result;
}

type TemplateResult = { readonly ok: true; readonly value: WindowTemplate } | { readonly ok: false; readonly problems: readonly ParseProblem[] };

// Validation checks each template, and the compiler reads it again for every window of every rule;
// as many as the syntax trees kept (tree.ts), for the same reason.
const templateCapacity = 4096;
const checkedTemplates = new Map<string, TemplateResult>();

function checkWindowTemplate(template: string): TemplateResult {
  const text = stripComments(template.replace(placeholderRe, sentinel));
  if (!text.includes(sentinel)) {
    return { ok: false, problems: [{ offset: 0, kind: "window", message: "the query has no {{window}}: write the range as [{{window}}], e.g. rate(x[{{window}}])" }] };
  }
  const syntax = [...syntaxProblems(text), ...badStringLiterals(text)];
  if (syntax.length > 0) return { ok: false, problems: syntax.map((p) => withSnippet(p, text)) };
  const rangeOffsets: number[] = [];
  const tree = parseQuery(text);
  const misplaced: ParseProblem[] = [];
  tree.iterate({
    enter(ref) {
      if (ref.name !== "NumberDurationLiteralInDurationContext" || text.slice(ref.from, ref.to) !== sentinel) return;
      if (isRangeDuration(ref.node)) rangeOffsets.push(ref.from);
      else misplaced.push({ offset: ref.from, kind: "window", message: "{{window}} may only stand for the range of a selector or subquery, as in [{{window}}]" });
    },
  });
  const expected = (text.match(new RegExp(sentinel, "g")) ?? []).length;
  if (misplaced.length === 0 && rangeOffsets.length !== expected) {
    misplaced.push({ offset: 0, kind: "window", message: "{{window}} may only stand for the range of a selector or subquery, as in [{{window}}]" });
  }
  if (misplaced.length > 0) return { ok: false, problems: misplaced };
  const semantic = semanticProblems(text, "instant vector", sentinel);
  if (semantic.length > 0) return { ok: false, problems: semantic.map((p) => withSnippet(p, text)) };
  return { ok: true, value: { text, rangeOffsets } };
}

/** Adds where a problem is, as the user wrote it: {{window}} instead of the sentinel. */
function withSnippet(problem: ParseProblem, text: string): ParseProblem {
  if (problem.message.includes(" near ")) return { ...problem, message: problem.message.replaceAll(sentinel, "{{window}}") };
  const near = text.slice(problem.offset).replaceAll(sentinel, "{{window}}");
  const snippet = near.length > 40 ? `${near.slice(0, 37)}...` : near;
  return { ...problem, message: `${problem.message}, near ${JSON.stringify(snippet)}` };
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
  const top = parseQuery(query).topNode.firstChild;
  return !!top && top.name === "AggregateExpr" && top.getChild("AggregateModifier") === null;
}

/** String literals of a query that Prometheus would not accept, with their offsets. */
export function badStringLiterals(query: string): ParseProblem[] {
  const problems: ParseProblem[] = [];
  parseQuery(query).iterate({
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
