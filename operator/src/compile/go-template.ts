// Checks the Go text/template syntax of alert annotations the way Prometheus parses them when it
// loads a rule file: closed actions and strings, balanced if/range/with ... end, declared
// variables and known functions. A broken template becomes an issue at its field, not a rule
// file Prometheus refuses.

/** Functions Go's text/template and Prometheus 2.42 and later define for alert templates. */
const templateFunctions = new Set([
  "and", "call", "html", "index", "slice", "js", "len", "not", "or", "print", "printf", "println", "urlquery", "eq", "ge", "gt", "le", "lt", "ne",
  "query", "first", "label", "value", "strvalue", "args", "reReplaceAll", "safeHtml", "match", "title", "toUpper", "toLower", "graphLink",
  "tableLink", "sortByLabel", "humanize", "humanize1024", "humanizeDuration", "humanizePercentage", "humanizeTimestamp", "toTime", "pathPrefix",
  "externalURL", "parseDuration", "stripPort", "stripDomain",
]);
const constants = new Set(["nil", "true", "false"]);
/** Variables Prometheus declares before every alert template. */
const predeclared = ["$", "$labels", "$value", "$externalLabels", "$externalURL"];
const opens = new Set(["if", "range", "with", "define", "block"]);

type Token = { readonly kind: "word" | "variable" | "field" | "literal" | "punct"; readonly text: string };

class TemplateError extends Error {}

/** The first problem Prometheus would report for a template, or undefined when it parses. */
export function templateProblem(template: string): string | undefined {
  try {
    checkTemplate(template);
    return undefined;
  } catch (e) {
    if (e instanceof TemplateError) return e.message;
    throw e;
  }
}

function checkTemplate(template: string): void {
  const blocks: { keyword: string; at: number; variables: Set<string> }[] = [];
  const globals = new Set(predeclared);
  const isDeclared = (name: string) => globals.has(name) || blocks.some((b) => b.variables.has(name));
  let pos = 0;
  for (let start = template.indexOf("{{", pos); start >= 0; start = template.indexOf("{{", pos)) {
    const action = lexAction(template, start);
    pos = action.end;
    const tokens = action.tokens;
    if (action.comment) continue;
    const [head, second] = tokens;
    if (!head) fail(start, "missing value for command", template);
    const keyword = head.kind === "word" ? head.text : "";
    if (keyword === "end") {
      if (!blocks.pop()) fail(start, "unexpected {{end}}: no {{if}}, {{range}} or {{with}} is open", template);
      continue;
    }
    if (keyword === "else") {
      const open = blocks[blocks.length - 1];
      if (!open || !["if", "range", "with"].includes(open.keyword)) fail(start, "unexpected {{else}}: no {{if}}, {{range}} or {{with}} is open", template);
      if (second?.text === "with") fail(start, "{{else with}} needs a newer Prometheus; write {{else}}{{with ...}}...{{end}}", template);
      open.variables.clear();
    } else if ((keyword === "break" || keyword === "continue") && !blocks.some((b) => b.keyword === "range")) {
      fail(start, `{{${keyword}}} outside {{range}}`, template);
    }
    if (opens.has(keyword)) {
      if (tokens.length < 2) fail(start, `missing value for ${keyword}`, template);
      blocks.push({ keyword, at: start, variables: new Set() });
    }
    const scope = blocks[blocks.length - 1]?.variables ?? globals;
    const declaration = tokens.findIndex((t) => t.text === ":=");
    for (const [i, token] of tokens.entries()) {
      if (token.kind === "variable") {
        const name = token.text.split(".")[0] as string;
        if (declaration > i) scope.add(name);
        else if (!isDeclared(name)) fail(start, `undefined variable ${JSON.stringify(name)}`, template);
      } else if (token.kind === "word" && !(i === 0 && (opens.has(token.text) || ["else", "template", "break", "continue"].includes(token.text)))) {
        if (!(i === 1 && keyword === "else" && token.text === "if") && !constants.has(token.text) && !templateFunctions.has(token.text)) {
          fail(start, `function ${JSON.stringify(token.text)} not defined`, template);
        }
      }
    }
  }
  const open = blocks[blocks.length - 1];
  if (open) fail(open.at, `{{${open.keyword}}} is never closed with {{end}}`, template);
}

function fail(at: number, message: string, template: string): never {
  const near = template.slice(at, at + 30);
  throw new TemplateError(`${message}, at ${JSON.stringify(near.length < template.length - at ? `${near}...` : near)}`);
}

/** Reads one {{...}} action starting at `start`. */
function lexAction(template: string, start: number): { end: number; tokens: Token[]; comment: boolean } {
  let i = start + 2;
  if (template[i] === "-" && /\s/.test(template[i + 1] ?? "")) i += 2;
  const skipSpace = () => {
    while (i < template.length && /\s/.test(template[i] as string)) i++;
  };
  const closesAt = (at: number): number | undefined => {
    if (template.startsWith("}}", at)) return at + 2;
    if (/\s/.test(template[at] ?? "") && /^\s*-\}\}/.test(template.slice(at))) return at + (/^\s*-\}\}/.exec(template.slice(at)) as RegExpExecArray)[0].length;
    return undefined;
  };
  skipSpace();
  if (template.startsWith("/*", i)) {
    const close = template.indexOf("*/", i + 2);
    if (close < 0) fail(start, "unclosed comment", template);
    const end = closesAt(close + 2);
    if (end === undefined) fail(start, "comment ends before closing delimiter", template);
    return { end, tokens: [], comment: true };
  }
  const tokens: Token[] = [];
  let depth = 0;
  for (;;) {
    const end = closesAt(i);
    if (end !== undefined) {
      if (depth !== 0) fail(start, "unclosed left paren", template);
      return { end, tokens, comment: false };
    }
    skipSpace();
    const rest = template.slice(i);
    if (rest === "") fail(start, "unclosed action: add }}", template);
    if (closesAt(i) !== undefined) continue;
    const c = rest[0] as string;
    let match: RegExpExecArray | null;
    if (c === '"' || c === "'") {
      match = (c === '"' ? /^"(?:[^"\\\n]|\\.)*"/ : /^'(?:[^'\\\n]|\\.)+'/).exec(rest);
      if (!match) fail(i, c === '"' ? "unterminated quoted string" : "unterminated character constant", template);
      tokens.push({ kind: "literal", text: match[0] });
    } else if (c === "`") {
      const close = rest.indexOf("`", 1);
      if (close < 0) fail(i, "unterminated raw quoted string", template);
      tokens.push({ kind: "literal", text: rest.slice(0, close + 1) });
      match = [rest.slice(0, close + 1)] as unknown as RegExpExecArray;
    } else if ((match = /^\$[A-Za-z0-9_]*(\.[A-Za-z0-9_]+)*/.exec(rest))) {
      tokens.push({ kind: "variable", text: match[0] });
    } else if ((match = /^(\.[A-Za-z0-9_]+)+|^\./.exec(rest))) {
      tokens.push({ kind: "field", text: match[0] });
    } else if ((match = /^[+-]?(0[xX][0-9a-fA-F_]+|[0-9][0-9_]*(\.[0-9_]*)?([eE][+-]?[0-9]+)?|\.[0-9]+)/.exec(rest))) {
      tokens.push({ kind: "literal", text: match[0] });
    } else if ((match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest))) {
      tokens.push({ kind: "word", text: match[0] });
    } else if ((match = /^(:=|=|\||,|\(|\))/.exec(rest))) {
      if (match[0] === "(") depth++;
      if (match[0] === ")" && --depth < 0) fail(i, "unexpected right paren", template);
      tokens.push({ kind: "punct", text: match[0] });
    } else {
      fail(i, `unrecognized character in action: ${JSON.stringify(c)}`, template);
    }
    i += match[0].length;
  }
}
