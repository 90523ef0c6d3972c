// A fast YAML writer for the plain data the compiler renders (maps, lists, strings, numbers,
// booleans), giving the bytes the `yaml` package gives with the options of outputs.ts (block
// style, lineWidth 0, no aliases) for the values it is sure of, and undefined for anything else
// (multi-line or non-ASCII text, lists of lists, ...), so the
// caller falls back to the package. The package builds a node tree of every document and
// re-tests every scalar against the schema; the rule and test files of a fleet are mostly short
// ASCII strings, where that is most of the compile time.
//
// The quoting follows yaml's stringifyString.js (plainString, quotedString): a string is plain
// unless it starts with an indicator, holds ": " or " #", ends in a space or colon, or would be
// read back as another type by the core schema (whose own tests decide).
import { Document } from "yaml";

/** The core schema's tests for scalars that are not strings, as yaml's plainString applies them. */
const otherTypes: readonly RegExp[] = (new Document().schema.tags as readonly { default?: unknown; tag: string; test?: RegExp }[])
  .filter((t) => t.default && t.tag !== "tag:yaml.org,2002:str" && t.test instanceof RegExp)
  .map((t) => t.test as RegExp);

const needsQuotes = /^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/;
const printableAscii = /^[\x20-\x7e]*$/;
const documentMarker = /^(%|---|\.\.\.)/;

class Unsure extends Error {}

function scalarString(value: string): string {
  // yaml writes a document marker differently by indentation and position: rare enough to leave to it.
  if (!printableAscii.test(value) || documentMarker.test(value)) throw new Unsure();
  if (value !== "" && !needsQuotes.test(value) && !otherTypes.some((t) => t.test(value))) return value;
  const hasDouble = value.includes('"');
  const hasSingle = value.includes("'");
  if (hasDouble && !hasSingle) return `'${value}'`;
  return JSON.stringify(value);
}

function scalar(value: unknown): string {
  if (typeof value === "string") return scalarString(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value) || Object.is(value, -0)) throw new Unsure();
    return JSON.stringify(value);
  }
  if (typeof value === "boolean") return value ? "true" : "false";
  if (value === null) return "null";
  throw new Unsure();
}

const isMap = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** Lines of a map's entries at `indent`; undefined entries are left out, as yaml does. */
function mapLines(map: Record<string, unknown>, indent: string, out: string[], firstPrefix?: string): void {
  let first = true;
  for (const [key, value] of Object.entries(map)) {
    if (value === undefined) continue;
    const lead = first && firstPrefix !== undefined ? firstPrefix : indent;
    first = false;
    const k = scalarString(key);
    if (isMap(value)) {
      if (Object.keys(value).length === 0) {
        out.push(`${lead}${k}: {}`);
        continue;
      }
      out.push(`${lead}${k}:`);
      mapLines(value, `${indent}  `, out);
    } else if (Array.isArray(value)) {
      if (value.length === 0) {
        out.push(`${lead}${k}: []`);
        continue;
      }
      out.push(`${lead}${k}:`);
      seqLines(value, `${indent}  `, out);
    } else {
      out.push(`${lead}${k}: ${scalar(value)}`);
    }
  }
  if (first) throw new Unsure();
}

function seqLines(items: readonly unknown[], indent: string, out: string[]): void {
  for (const item of items) {
    if (isMap(item)) {
      if (Object.keys(item).length === 0) throw new Unsure();
      mapLines(item, `${indent}  `, out, `${indent}- `);
    } else if (Array.isArray(item) || item === undefined) {
      throw new Unsure();
    } else {
      out.push(`${indent}- ${scalar(item)}`);
    }
  }
}

/** The YAML of a map of plain data as `yaml` writes it with lineWidth 0, or undefined when this writer is not sure of it. */
export function emitYaml(document: object): string | undefined {
  if (!isMap(document)) return undefined;
  const out: string[] = [];
  try {
    mapLines(document, "", out);
  } catch (cause) {
    if (cause instanceof Unsure) return undefined;
    throw cause;
  }
  return `${out.join("\n")}\n`;
}
