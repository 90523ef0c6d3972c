// For the dashboard tests: the vector selectors of a panel's query, read with Prometheus' own
// grammar, so a test can say which series and labels a panel reads.
import { parser } from "@prometheus-io/lezer-promql";

/** Each vector selector of a query: its metric name ("" when it has none) and its matchers as written. */
export function selectors(query: string): { metric: string; matchers: string[] }[] {
  const out: { metric: string; matchers: string[] }[] = [];
  parser.parse(query).iterate({
    enter(node) {
      if (node.name !== "VectorSelector") return;
      const identifier = node.node.getChild("Identifier");
      const matchers = node.node.getChild("LabelMatchers")?.getChildren("UnquotedLabelMatcher") ?? [];
      out.push({ metric: identifier ? query.slice(identifier.from, identifier.to) : "", matchers: matchers.map((m) => query.slice(m.from, m.to)) });
    },
  });
  return out;
}
