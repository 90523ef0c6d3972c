// PromQL string literals decoded the way Prometheus' lexer does it (Go's strconv.Unquote).

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
