// `slactl report --format markdown`: the summary table, then a section per SLA with its objectives,
// incidents and credit tiers, for a pull request, a wiki page or an e-mail. Every user string is
// escaped, so a description cannot inject markup, links or HTML.
import { reportDocument, type SlaDocument } from "./document.js";
import { localTime, percent, percent2, periodName, periodRange, slaName } from "./format.js";
import { tableRows } from "./table.js";
import type { ReportInput } from "./types.js";

/**
 * Escapes text for inline markdown (a table cell, a list item, a heading): characters that could
 * start emphasis, code, a link or image ([ ]), HTML (< & >), a table cell (|) or math ($) are
 * backslash-escaped; line breaks become spaces.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/\r\n|[\r\n\u2028\u2029]/g, " ").replace(/[\\`*_[\]<>|~&$]/g, "\\$&");
}

/** escapeMarkdown for a paragraph of its own: also a line start that would make a heading, list, quote or rule. */
export function escapeMarkdownParagraph(text: string): string {
  return escapeMarkdown(text).replace(/^(\s*)([-+#=]|\d+(?=[.)](?:\s|$)))/, (_m, space: string, lead: string) => `${space}${/^\d/.test(lead) ? `${lead}\\` : `\\${lead}`}`);
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n") + "\n";
}

/** `slactl report --format markdown`. */
export function renderMarkdown(input: ReportInput): string {
  const document = reportDocument(input);
  const parts = ["# Service level report\n", `Generated at ${document.generatedAt}.\n`];
  if (document.slas.length === 0) {
    parts.push("No ServiceLevelAgreements to report on.\n");
    return parts.join("\n");
  }
  parts.push(table(["SLA", "Period", "Objective", "Target", "Attained", "Budget left", "State", "Credit"], tableRows(document, "—").map((row) => row.map(escapeMarkdown))));
  input.slas.forEach((sla, i) => {
    const doc = document.slas[i];
    if (doc !== undefined) parts.push(slaSection(doc, sla.evaluation.period));
  });
  return parts.join("\n");
}

function slaSection(sla: SlaDocument, period: Parameters<typeof periodName>[0]): string {
  const zone = sla.period.timeZone;
  const lines: string[] = [`## ${escapeMarkdown(slaName(sla.namespace, sla.name))}: ${escapeMarkdown(periodName(period))}\n`];
  if (sla.description !== undefined) lines.push(`${escapeMarkdownParagraph(sla.description)}\n`);
  lines.push([
    `- Service: ${escapeMarkdown(sla.service)}, owner: ${escapeMarkdown(sla.owner)}`,
    `- Period: ${escapeMarkdown(periodRange(period))}, ${sla.period.complete ? "complete" : "in progress"}`,
    `- State: **${sla.state}**, compliance ${percent2(sla.compliance, "unknown (no data)")}`,
    `- Service credit ${sla.period.complete ? "owed" : "owed if the period ended now"}: **${percent(sla.credit, "unknown")}** of the fee`,
  ].join("\n") + "\n");

  lines.push(table(["Objective", "Target", "Attained", "Budget left", "Budget consumed", "Incidents", "MTTR", "State"], sla.objectives.map((o) => [
    escapeMarkdown(o.name),
    percent(o.target),
    o.attained === undefined ? "no data" : percent2(o.attained),
    percent2(o.errorBudget?.remaining, "—"),
    percent2(o.errorBudget?.consumed, "—"),
    String(o.incidents.count),
    o.incidents.mttr ?? "—",
    o.state,
  ])));

  lines.push("### Incidents\n");
  const incidents = sla.objectives.flatMap((o) => o.incidents.list.map((i) => ({ objective: o.name, ...i })))
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  if (incidents.length === 0) lines.push("No incidents in the period.\n");
  else {
    lines.push(table(["Objective", `Start (${escapeMarkdown(zone)})`, "End", "Duration"], incidents.map((i) => [
      escapeMarkdown(i.objective), localTime(Date.parse(i.start), zone), localTime(Date.parse(i.end), zone), i.duration,
    ])));
  }

  lines.push("### Service credits\n");
  if (sla.creditTiers.length === 0) lines.push("The agreement defines no service credits.\n");
  else {
    lines.push(table(["Compliance below", "Credit", ""], sla.creditTiers.map((t) => [percent(t.below), percent(t.credit), t.applies ? "**applies**" : ""])));
  }
  return lines.join("\n");
}
