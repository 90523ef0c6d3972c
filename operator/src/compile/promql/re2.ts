// A syntax checker for the regular expressions Prometheus accepts in =~ and !~ matchers and in
// label_replace: Go's regexp/syntax with Perl flags (RE2 syntax). JavaScript's RegExp accepts
// things RE2 refuses (lookarounds, backreferences, possessive repeats), so it cannot be the judge.
// Besides validity it tells whether the anchored regex ^(?:re)$ matches the empty string, which
// decides whether a selector has a non-empty matcher.

export type Re2Result = { readonly ok: true; readonly matchesEmpty: boolean } | { readonly ok: false; readonly message: string };

const maxRepeat = 1000;
const maxDepth = 1000;
const posixClasses = new Set(["alnum", "alpha", "ascii", "blank", "cntrl", "digit", "graph", "lower", "print", "punct", "space", "upper", "word", "xdigit"]);
const isAlnum = (c: string) => /^[0-9A-Za-z]$/.test(c);
const isOctal = (c: string | undefined) => c !== undefined && c >= "0" && c <= "7";

class Re2Error extends Error {}

/** Checks a regex with RE2 rules as Prometheus (Go) compiles it. */
export function checkRe2(pattern: string): Re2Result {
  try {
    const parser = new Parser(pattern);
    const matchesEmpty = parser.alternation(0);
    if (parser.pos < pattern.length) parser.fail("unexpected )", parser.pos, parser.pos + 1);
    return { ok: true, matchesEmpty };
  } catch (e) {
    if (e instanceof Re2Error) return { ok: false, message: e.message };
    throw e;
  }
}

class Parser {
  pos = 0;
  constructor(private readonly src: string) {}

  fail(what: string, from: number, to = this.src.length): never {
    throw new Re2Error(`${what}: \`${this.src.slice(from, to)}\``);
  }

  private peek(offset = 0): string | undefined {
    return this.src[this.pos + offset];
  }

  /** Parses a|b|c up to ")" or the end; returns whether it matches the empty string. */
  alternation(depth: number): boolean {
    if (depth > maxDepth) this.fail("expression nests too deeply", 0, 0);
    let nullable = this.concatenation(depth);
    while (this.peek() === "|") {
      this.pos += 1;
      nullable = this.concatenation(depth) || nullable;
    }
    return nullable;
  }

  private concatenation(depth: number): boolean {
    let nullable = true;
    while (this.pos < this.src.length && this.peek() !== "|" && this.peek() !== ")") {
      const atom = this.atom(depth);
      if (atom === "flags") {
        if (this.repeatAhead()) this.fail("missing argument to repetition operator", this.pos, this.pos + 1);
        continue;
      }
      nullable = this.repeats(atom) && nullable;
    }
    return nullable;
  }

  /** Length of a repetition operator at the position, 0 when there is none. */
  private repeatAhead(): number {
    const c = this.peek();
    if (c === "*" || c === "+" || c === "?") return 1;
    if (c !== "{") return 0;
    const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.pos));
    return m ? m[0].length : 0;
  }

  private repeats(atomNullable: boolean): boolean {
    let nullable = atomNullable;
    let repeated = false;
    for (let length = this.repeatAhead(); length > 0; length = this.repeatAhead()) {
      const opStart = this.pos;
      const op = this.src.slice(this.pos, this.pos + length);
      if (repeated) this.fail("invalid nested repetition operator", this.lastRepeatStart, opStart + length);
      this.lastRepeatStart = opStart;
      this.pos += length;
      if (op === "*" || op === "?") nullable = true;
      else if (op.startsWith("{")) {
        const m = /^\{(\d+)(,(\d*))?\}$/.exec(op) as RegExpExecArray;
        const min = Number(m[1]);
        const max = m[2] === undefined ? min : m[3] === "" ? -1 : Number(m[3]);
        if (min > maxRepeat || max > maxRepeat || (max >= 0 && max < min)) this.fail("invalid repeat count", opStart, opStart + length);
        if (min === 0) nullable = true;
      }
      if (this.peek() === "?") this.pos += 1; // lazy
      repeated = true;
    }
    return nullable;
  }

  private lastRepeatStart = 0;

  /** Parses one atom; returns whether it matches the empty string, or "flags" for a (?i) flag group. */
  private atom(depth: number): boolean | "flags" {
    const start = this.pos;
    const c = this.peek() as string;
    if (c === "*" || c === "+" || c === "?" || this.repeatAhead() > 0) {
      this.fail("missing argument to repetition operator", start, start + Math.max(1, this.repeatAhead()));
    }
    this.pos += 1;
    switch (c) {
      case "(":
        return this.group(start, depth);
      case "[":
        this.characterClass(start);
        return false;
      case "^":
      case "$":
        return true;
      case "\\":
        return this.escape(start);
      default:
        return false;
    }
  }

  private group(start: number, depth: number): boolean | "flags" {
    if (this.peek() === "?") {
      const rest = this.src.slice(this.pos + 1);
      const named = /^P<([A-Za-z0-9_]*)>/.exec(rest);
      if (named) {
        if (named[1] === "") this.fail("invalid named capture", start, this.pos + 1 + named[0].length);
        this.pos += 1 + named[0].length;
      } else {
        const flags = /^([imsU]*)(-([imsU]*))?([:)])/.exec(rest);
        if (!flags || (flags[2] !== undefined && flags[3] === "")) {
          this.fail("invalid or unsupported Perl syntax", start, Math.min(this.src.length, this.pos + 2));
        }
        this.pos += 1 + flags[0].length;
        if (flags[4] === ")") return "flags";
      }
    }
    const nullable = this.alternation(depth + 1);
    if (this.peek() !== ")") this.fail("missing closing )", 0);
    this.pos += 1;
    return nullable;
  }

  /** After a backslash outside a class; returns whether the escape matches the empty string. */
  private escape(start: number): boolean {
    const c = this.peek();
    if (c === undefined) this.fail("trailing backslash at end of expression", start, start + 1);
    if (c === "A" || c === "z" || c === "B") {
      this.pos += 1;
      return true;
    }
    if (c === "b") {
      this.pos += 1;
      return false;
    }
    if (c === "Q") {
      const end = this.src.indexOf("\\E", this.pos + 1);
      const literal = end < 0 ? this.src.slice(this.pos + 1) : this.src.slice(this.pos + 1, end);
      this.pos = end < 0 ? this.src.length : end + 2;
      return literal === "";
    }
    this.classEscape(start);
    return false;
  }

  /** Escapes that stand for one character or a class, valid both inside and outside [...]. */
  private classEscape(start: number): void {
    const c = this.peek() as string;
    this.pos += 1;
    if ("dDsSwW".includes(c) || "afnrtv".includes(c)) return;
    if (c === "p" || c === "P") return this.unicodeClass(start);
    if (c === "x") {
      const braced = /^\{([0-9A-Fa-f]+)\}/.exec(this.src.slice(this.pos));
      if (braced) {
        if (parseInt(braced[1] as string, 16) > 0x10ffff) this.fail("invalid escape sequence", start, this.pos + braced[0].length - 1);
        this.pos += braced[0].length;
        return;
      }
      if (/^[0-9A-Fa-f]{2}/.test(this.src.slice(this.pos))) {
        this.pos += 2;
        return;
      }
      this.fail("invalid escape sequence", start, Math.min(this.src.length, this.pos + 2));
    }
    if (c >= "1" && c <= "7" && !isOctal(this.peek())) this.fail("invalid escape sequence", start, this.pos);
    if (c >= "0" && c <= "7") {
      // Up to two more octal digits; a lone \1..\7 would be a backreference, which RE2 lacks.
      for (let i = 0; i < 2 && isOctal(this.peek()); i++) this.pos += 1;
      return;
    }
    if (c.charCodeAt(0) < 0x80 && !isAlnum(c)) return;
    this.fail("invalid escape sequence", start, this.pos);
  }

  private unicodeClass(start: number): void {
    let name: string;
    if (this.peek() === "{") {
      const end = this.src.indexOf("}", this.pos);
      if (end < 0) this.fail("invalid character class range", start);
      name = this.src.slice(this.pos + 1, end).replace(/^\^/, "");
      this.pos = end + 1;
    } else {
      name = this.peek() ?? "";
      this.pos += 1;
    }
    if (!isUnicodeClassName(name)) this.fail("invalid character class range", start, this.pos);
  }

  private characterClass(start: number): void {
    if (this.peek() === "^") this.pos += 1;
    let first = true;
    for (;;) {
      const c = this.peek();
      if (c === undefined) this.fail("missing closing ]", start);
      if (c === "]" && !first) {
        this.pos += 1;
        return;
      }
      first = false;
      if (c === "[" && this.peek(1) === ":") {
        const end = this.src.indexOf(":]", this.pos + 2);
        if (end >= 0) {
          const name = this.src.slice(this.pos + 2, end).replace(/^\^/, "");
          if (!posixClasses.has(name)) this.fail("invalid character class range", this.pos, end + 2);
          this.pos = end + 2;
          continue;
        }
      }
      const itemStart = this.pos;
      const lo = this.classChar();
      if (lo === undefined) continue;
      if (this.peek() === "-" && this.peek(1) !== "]" && this.peek(1) !== undefined) {
        this.pos += 1;
        const hi = this.classChar();
        if (hi === undefined || hi < lo) this.fail("invalid character class range", itemStart, this.pos);
      }
    }
  }

  /** One class member; returns its code point, or undefined for a class such as \d. */
  private classChar(): number | undefined {
    const start = this.pos;
    const c = this.src.codePointAt(this.pos) as number;
    if (c !== 0x5c) {
      this.pos += c > 0xffff ? 2 : 1;
      return c;
    }
    this.pos += 1;
    if (this.peek() === undefined) this.fail("trailing backslash at end of expression", start, start + 1);
    this.classEscape(start);
    const text = this.src.slice(start + 1, this.pos);
    if (/^[dDsSwWpP]/.test(text)) return undefined;
    return escapedCodePoint(text);
  }
}

const controlEscapes: Record<string, number> = { a: 7, f: 12, n: 10, r: 13, t: 9, v: 11 };

function escapedCodePoint(text: string): number {
  const head = text[0] as string;
  if (head in controlEscapes) return controlEscapes[head] as number;
  if (head === "x") return parseInt(text.replace(/^x\{?|\}$/g, ""), 16);
  if (isOctal(head)) return parseInt(text, 8);
  return head.codePointAt(0) as number;
}

/** Unicode general categories and scripts, which Go accepts in \p; "Any" is Go's own. */
function isUnicodeClassName(name: string): boolean {
  if (name === "Any") return true;
  if (!/^[A-Za-z_]+$/.test(name)) return false;
  // Go knows the short category names (L, Lu) and the long script names (Greek).
  for (const property of name.length <= 2 ? ["General_Category"] : ["Script"]) {
    try {
      new RegExp(`\\p{${property}=${name}}`, "u");
      return true;
    } catch {
      // not this kind of property
    }
  }
  return false;
}
