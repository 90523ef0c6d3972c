// The report renderers: pure functions of a ReportInput (the SLAs' models, their evaluations over
// a period, the progress series, and the time of the report). `slactl report` gathers the input.
export { reportFormats, isReportFormat, type ReportFormat, type ReportInput, type ReportSla, type ProgressPoint } from "./types.js";
export {
  reportDocument, slaDocument, renderJson, stableJson, reportApiVersion, reportKind,
  type ReportDocument, type SlaDocument, type ObjectiveDocument, type IncidentDocument,
} from "./document.js";
export { renderTable, tableRows, tableColumns } from "./table.js";
export { renderMarkdown, escapeMarkdown, escapeMarkdownParagraph } from "./markdown.js";
export { renderHtml, reportTitle } from "./html.js";
export { escapeHtml } from "./escape.js";
export { renderLineChart, niceScale, timelineStepFor, type LineChart, type Band, type TimeTick } from "./chart.js";
export { timeTicks } from "./axis.js";

import { renderJson } from "./document.js";
import { renderHtml } from "./html.js";
import { renderMarkdown } from "./markdown.js";
import { renderTable } from "./table.js";
import type { ReportFormat, ReportInput } from "./types.js";

/** Renders a report in one of the formats. */
export function renderReport(input: ReportInput, format: ReportFormat): string {
  switch (format) {
    case "table": return renderTable(input);
    case "markdown": return renderMarkdown(input);
    case "json": return renderJson(input);
    case "html": return renderHtml(input);
  }
}
