// The syntax tree of a query, parsed once for the several checks that read it: validation and the
// rule check each run the grammar, string and semantic checks over the same text, and a template is
// instantiated once per window. Trees are immutable, so sharing them is safe.
import { parser } from "@prometheus-io/lezer-promql";
import type { Tree } from "@lezer/common";

// slactl validates every input before it compiles any, so a tree must outlive the checks of a
// whole run of SLAs (with 256, a compile of 500 parsed every query again); bounded so a
// long-running operator does not keep every query it ever saw (a tree of a short query is a few
// hundred bytes).
const capacity = 4096;
const recent = new Map<string, Tree>();

/** The lezer-promql tree of a query, from a small cache of the most recent ones. */
export function parseQuery(query: string): Tree {
  const cached = recent.get(query);
  if (cached) return cached;
  const tree = parser.parse(query);
  if (recent.size >= capacity) recent.delete(recent.keys().next().value as string);
  recent.set(query, tree);
  return tree;
}
