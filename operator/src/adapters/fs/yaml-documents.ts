// Reads YAML files into documents that remember where each node came from, so an issue path such
// as ["spec", "objectives", 1, "target"] can be shown as file:line:col. Everything that can go
// wrong with a file (too big, binary, unreadable, malformed, alias bombs, duplicate keys) becomes a
// SourceIssue value; nothing here throws for bad input.
import { open, stat } from "node:fs/promises";
import { isAlias, isCollection, isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node as YamlNode, type YAMLError } from "yaml";
import type { IssuePath } from "../../compile/index.js";

/** Files above this size are rejected before they are read. */
export const maxFileBytes = 5 * 1024 * 1024;
/** Aliases a document may expand before it is treated as a resource exhaustion attack. */
export const maxAliasCount = 100;
/** YAML syntax errors reported per file; a broken file often cascades into many. */
const maxSyntaxErrorsPerFile = 20;

/** One problem in one file, located; what every slactl output format is built from. */
export interface SourceIssue {
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based, in characters (UTF-16 code units) of the line. */
  readonly column: number;
  /** Path into the document; empty for problems of the file or of a whole document. */
  readonly path: IssuePath;
  readonly code: string;
  readonly severity: "error" | "warning";
  readonly message: string;
}

export interface Position {
  readonly line: number;
  readonly column: number;
}

/** One non-empty YAML document of a file. */
export interface SourceDocument {
  /** 0-based index among all documents of the file, empty ones included. */
  readonly index: number;
  /** The plain JavaScript value; undefined when the document could not be converted. */
  readonly value: unknown;
  /** Syntax and conversion problems; when any is an error, `value` must not be trusted. */
  readonly issues: readonly SourceIssue[];
  /** Where a path into this document points, file-global. */
  locate(path: IssuePath): Position;
}

export interface SourceFile {
  readonly file: string;
  /** Problems of the file as a whole: empty, unreadable, too large, not text. */
  readonly issues: readonly SourceIssue[];
  readonly documents: readonly SourceDocument[];
}

const fileIssue = (file: string, code: string, message: string, position: Position = { line: 1, column: 1 }): SourceIssue => ({
  file, line: position.line, column: position.column, path: [], code, severity: "error", message,
});

/** Reads a file as UTF-8 text, refusing what cannot be an SLA file; never throws. */
export async function readSourceText(file: string): Promise<{ ok: true; text: string } | { ok: false; issue: SourceIssue }> {
  try {
    const info = await stat(file);
    if (info.isDirectory()) return { ok: false, issue: fileIssue(file, "read", "is a directory, expected a file") };
    if (info.size > maxFileBytes) {
      return { ok: false, issue: fileIssue(file, "file-too-large", `file is ${mebibytes(info.size)}, more than the limit of ${mebibytes(maxFileBytes)}; it was not read`) };
    }
    // stat cannot tell the size of a pipe or device (<(kustomize build), /dev/zero): read at most one byte past the cap.
    const bytes = await readAtMost(file, maxFileBytes + 1, info.size);
    if (bytes.length > maxFileBytes) {
      return { ok: false, issue: fileIssue(file, "file-too-large", `file is more than the limit of ${mebibytes(maxFileBytes)}; it was not parsed`) };
    }
    return decodeText(file, bytes);
  } catch (cause) {
    return { ok: false, issue: fileIssue(file, "read", `cannot read the file: ${describeFsError(cause)}`) };
  }
}

/**
 * Reads up to `limit` bytes. The first read is sized by what stat said (one byte more, so a file
 * that grew shows), later ones by 64 KiB: a zeroed MiB per read was most of reading a fleet of
 * small files, twice per file. Only the bytes read are kept, so unzeroed buffers are safe.
 */
async function readAtMost(file: string, limit: number, sizeHint: number): Promise<Buffer> {
  const handle = await open(file, "r");
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    let size = Math.max(sizeHint + 1, 4096);
    while (total < limit) {
      const chunk = Buffer.allocUnsafe(Math.min(size, limit - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      size = 64 * 1024;
    }
    return Buffer.concat(chunks);
  } finally {
    await handle.close();
  }
}

/** UTF-8 text without a byte order mark, or an issue saying the bytes are not text. */
export function decodeText(file: string, bytes: Uint8Array): { ok: true; text: string } | { ok: false; issue: SourceIssue } {
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return { ok: false, issue: fileIssue(file, "binary", `file is binary (a NUL byte at offset ${nul}), expected YAML text`) };
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, issue: fileIssue(file, "binary", "file is not valid UTF-8 text, expected YAML") };
  }
  return { ok: true, text: text.startsWith("\uFEFF") ? text.slice(1) : text };
}

/**
 * How deep a file may nest. An SLA needs fewer than 10 levels; the yaml parser recurses per level
 * and, near the end of the stack, V8 can abort the whole process (a fatal "RegExpCompiler
 * allocation failed" rather than a catchable RangeError), so deeper files are refused unparsed.
 */
export const maxNestingDepth = 100;

/**
 * An upper bound of the nesting depth reached on each line: open flow brackets ([ {) outside
 * quotes and comments, plus the indentation and leading block indicators (- ? :) of the line,
 * each of which can open at most one level. Returns the first line where the bound exceeds the limit.
 */
export function tooDeepAt(text: string, limit: number = maxNestingDepth): Position | undefined {
  let flow = 0;
  let line = 0;
  for (const content of text.split("\n")) {
    line++;
    if (/^(---|\.\.\.)(\s|$)/.test(content)) flow = 0;
    const block = /^(?:[ \t]*[-?:](?=[ \t]|$))*[ \t]*/.exec(content)![0].length;
    for (let i = block, previous = " "; i < content.length; previous = content[i]!, i++) {
      const ch = content[i]!;
      const tokenStart = /[\s,[{:]/.test(previous);
      if (ch === "#" && /\s/.test(previous)) break;
      if ((ch === '"' || ch === "'") && tokenStart) {
        const close = ch === '"' ? /(?:[^"\\]|\\.)*"/y : /(?:[^']|'')*'/y;
        close.lastIndex = i + 1;
        if (!close.test(content)) break;
        i = close.lastIndex - 1;
        continue;
      }
      if (ch === "[" || ch === "{") flow++;
      else if ((ch === "]" || ch === "}") && flow > 0) flow--;
      if (block + flow + 1 > limit) return { line, column: i + 1 };
    }
    if (block + flow + 1 > limit) return { line, column: 1 };
  }
  return undefined;
}

/** Parses every document of a YAML text; never throws. */
export function parseSource(file: string, original: string): SourceFile {
  // YAML allows \r\n and a bare \r as line breaks, but line counting (here and in the yaml
  // library) looks for \n only: a file saved with old Mac line endings would be one long line 1.
  const text = original.replace(/\r\n?/g, "\n");
  const deep = tooDeepAt(text);
  if (deep) {
    return { file, issues: [fileIssue(file, "too-deep", `the file nests more than ${maxNestingDepth} levels deep, which no ServiceLevelAgreement needs; it was not parsed`, deep)], documents: [] };
  }
  try {
    return parseDocuments(file, text);
  } catch (cause) {
    // The yaml library reports problems as values; an exception here is a bug, still kept to this file.
    return { file, issues: [fileIssue(file, "internal", `internal error while parsing (a bug in slactl, please report it): ${cause instanceof Error ? cause.message : String(cause)}`)], documents: [] };
  }
}

function parseDocuments(file: string, text: string): SourceFile {
  const lineCounter = new LineCounter();
  const position = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const documents: SourceDocument[] = [];
  let syntaxErrors = 0;
  let suppressed = 0;
  // uniqueKeys (the default) makes a duplicate key an error; strict makes YAML 1.2 violations errors.
  const parsed = parseAllDocuments(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  for (const [index, doc] of parsed.entries()) {
    if (isEmptyDocument(doc)) continue;
    const issues: SourceIssue[] = [];
    for (const e of doc.errors) {
      if (syntaxErrors >= maxSyntaxErrorsPerFile) {
        suppressed++;
        continue;
      }
      syntaxErrors++;
      issues.push({ file, ...position(e.pos[0]), path: [], code: "yaml-syntax", severity: "error", message: yamlMessage(e, text) });
    }
    for (const w of doc.warnings) {
      issues.push({ file, ...position(w.pos[0]), path: [], code: "yaml", severity: "warning", message: yamlMessage(w, text, "YAML") });
    }
    let value: unknown;
    if (doc.errors.length === 0) {
      try {
        value = doc.toJS({ maxAliasCount });
      } catch (cause) {
        const start = doc.contents?.range[0] ?? doc.range[0];
        const bomb = cause instanceof ReferenceError && /alias/i.test(cause.message);
        const message = bomb
          ? `the document expands more than ${maxAliasCount} aliases, which looks like a YAML alias bomb; it was not loaded`
          : `cannot convert the document: ${cause instanceof Error ? cause.message : String(cause)}`;
        issues.push({ file, ...position(start), path: [], code: bomb ? "yaml-alias" : "yaml", severity: "error", message });
      }
    }
    documents.push({ index, value, issues, locate: (path) => position(offsetOf(doc, path)) });
  }
  const issues: SourceIssue[] = [];
  if (suppressed > 0) {
    const last = documents.at(-1);
    issues.push(fileIssue(file, "yaml-syntax", `${suppressed} more YAML syntax error(s) not shown`, last?.issues.at(-1) ?? { line: 1, column: 1 }));
  }
  return { file, issues, documents };
}

/** Reads and parses a file; never throws. */
export async function readSource(file: string): Promise<SourceFile> {
  const read = await readSourceText(file);
  if (!read.ok) return { file, issues: [read.issue], documents: [] };
  return parseSource(file, read.text);
}

/** A document with nothing in it: between two `---`, or only comments. */
function isEmptyDocument(doc: Document.Parsed): boolean {
  const contents = doc.contents;
  return doc.errors.length === 0 && (contents === null || (isScalar(contents) && contents.value === null && contents.source === ""));
}

/** The offset a path points at: the value node if it exists, else the closest existing parent's key. */
export function offsetOf(doc: Document.Parsed, path: IssuePath): number {
  let node: unknown = doc.contents;
  // Where to point if the path leaves the document here: the key naming the current node.
  let anchor: number = doc.contents?.range[0] ?? doc.range[0];
  let keyOfNode: number | undefined;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) return keyOfNode ?? anchor;
      keyOfNode = rangeStart(pair.key) ?? anchor;
      node = pair.value;
      const start = rangeStart(node);
      // An absent or empty value (`target:`) has no node worth pointing at: point at its key.
      if (start === undefined || (isScalar(node) && node.source === "")) return keyOfNode;
      anchor = start;
    } else if (isSeq(node)) {
      const index = typeof segment === "number" ? segment : /^\d+$/.test(segment) ? Number(segment) : -1;
      const item = index >= 0 ? node.items[index] : undefined;
      const start = rangeStart(item);
      if (start === undefined) return keyOfNode ?? anchor;
      keyOfNode = undefined;
      node = item;
      anchor = start;
    } else {
      // A scalar, or an alias whose target is elsewhere in the file: the user wrote it here.
      return anchor;
    }
  }
  // A block collection starts on the line after its key (`period:` then `  rolling: 30d`); the key
  // is where a reader looks for "spec.period: give rolling or calendar, not both".
  if (keyOfNode !== undefined && isCollection(node) && !node.flow) return keyOfNode;
  return anchor;
}

function rangeStart(node: unknown): number | undefined {
  if (isScalar(node) || isCollection(node) || isAlias(node)) return (node as YamlNode).range?.[0];
  return undefined;
}

/** The yaml library's message in plain words, without its own "at line X" suffix. */
function yamlMessage(e: YAMLError, text: string, prefix = "YAML syntax error"): string {
  const base = e.message.replace(/ at line \d+, column \d+:?[\s\S]*$/, "").trim();
  switch (e.code) {
    case "DUPLICATE_KEY": {
      // The error's range covers only the key's first character; read the key up to its colon.
      const key = /^("(?:[^"\\\n]|\\.)*"|'[^'\n]*'|[^:#\n]*?)\s*:/.exec(text.slice(e.pos[0], e.pos[0] + 256))?.[1];
      const name = key?.replace(/^(["'])(.*)\1$/, "$2");
      return `duplicate key${name ? ` ${JSON.stringify(name)}` : ""}: each key may appear only once in a map`;
    }
    case "TAB_AS_INDENT":
      return "tabs are not allowed as indentation in YAML; use spaces";
    default:
      // The parser turns its own stack overflow into an error at the node it reached.
      if (/call stack/i.test(base)) return "the document is nested too deeply to be read";
      return `${prefix}: ${base.charAt(0).toLowerCase()}${base.slice(1)}`;
  }
}

function mebibytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

function describeFsError(cause: unknown): string {
  const code = (cause as { code?: unknown } | null)?.code;
  switch (code) {
    case "ENOENT": return "no such file";
    case "EACCES":
    case "EPERM": return "permission denied";
    case "EISDIR": return "is a directory";
    case "ELOOP": return "too many symbolic links";
    default: return cause instanceof Error ? cause.message : String(cause);
  }
}
