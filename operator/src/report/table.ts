// `slactl report` in a terminal: one row per objective of each SLA, columns aligned, like kubectl.
import { reportDocument, type ReportDocument } from "./document.js";
import { percent, percent2, slaName } from "./format.js";
import type { ReportInput } from "./types.js";

export const tableColumns = ["SLA", "PERIOD", "OBJECTIVE", "TARGET", "ATTAINED", "BUDGET LEFT", "STATE", "CREDIT"] as const;

/** The rows of the table, as cells: shared by the plain-text and the markdown table. */
export function tableRows(document: ReportDocument, missing = "-"): string[][] {
  const rows: string[][] = [];
  for (const sla of document.slas) {
    const credit = percent(sla.credit, missing);
    if (sla.objectives.length === 0) {
      rows.push([slaName(sla.namespace, sla.name), sla.period.label, missing, missing, missing, missing, sla.state, credit]);
      continue;
    }
    for (const o of sla.objectives) {
      rows.push([
        slaName(sla.namespace, sla.name),
        sla.period.label,
        o.name,
        percent(o.target, missing),
        o.attained === undefined ? "no data" : percent2(o.attained),
        percent2(o.errorBudget?.remaining, missing),
        o.state,
        credit,
      ]);
    }
  }
  return rows;
}

/** Cells padded to their column's width, two spaces apart, trailing blanks trimmed. */
export function alignColumns(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => { widths[i] = Math.max(widths[i] ?? 0, cell.length); });
  return rows.map((row) => row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join("  ").trimEnd()).join("\n") + "\n";
}

/** `slactl report --format table`. CREDIT is the SLA's credit (set by its worst objective), on each of its rows. */
export function renderTable(input: ReportInput): string {
  const document = reportDocument(input);
  if (document.slas.length === 0) return "No ServiceLevelAgreements to report on.\n";
  // User strings in a terminal: no control characters (an escape sequence in a name could rewrite the screen).
  const rows = tableRows(document).map((row) => row.map(printable));
  return alignColumns([[...tableColumns], ...rows]);
}

const printable = (text: string) => text.replace(/[\u0000-\u001f\u007f-\u009f]/g, "?");
