// `slactl report --format html`: one self-contained page to send to a customer. Inline CSS, inline
// SVG charts drawn by chart.ts, no script, no font, image or style from elsewhere (a
// Content-Security-Policy says so to the browser too), so it renders the same offline, in a mail
// client or as a PDF. Every user string is escaped.
//
// Per SLA: its facts (service, owner, period), the headline figures (state, compliance, credit,
// budget left), per objective the attained level over the period against the target line and the
// error budget left over the period (incidents shaded), the incidents (start, end, duration), and
// the credit tiers with the one that applies marked.
import type { ContractPeriod, Interval, ObjectiveEvaluation, ObjectiveState } from "../compile/budget/index.js";
import { formatElapsed } from "../compile/budget/index.js";
import { timeTicks } from "./axis.js";
import { niceScale, renderLineChart, type Band } from "./chart.js";
import { reportDocument, type ObjectiveDocument, type SlaDocument } from "./document.js";
import { escapeHtml as e } from "./escape.js";
import { localTime, percent, percent2, periodName, periodRange, slaName } from "./format.js";
import type { ProgressPoint, ReportInput, ReportSla } from "./types.js";

const stateText: Readonly<Record<ObjectiveState, string>> = {
  Compliant: "Compliant",
  AtRisk: "At risk",
  Breached: "Breached",
  NoData: "No data",
};

const badge = (state: ObjectiveState) => `<span class="state state-${state.toLowerCase()}" data-state="${state}">${stateText[state]}</span>`;

/** The page title: the SLA (or how many) and the period (or "several periods"). */
export function reportTitle(input: ReportInput): string {
  const slas = input.slas;
  if (slas.length === 0) return "Service level report";
  const first = slas[0] as ReportSla;
  const who = slas.length === 1
    ? first.model.service === first.model.name ? first.model.name : `${first.model.service} (${first.model.name})`
    : slas.length <= 3 ? slas.map((s) => s.model.name).join(", ") : `${slas.length} service level agreements`;
  const labels = new Set(slas.map((s) => s.evaluation.period.label));
  const when = labels.size === 1 ? periodName(first.evaluation.period) : "several periods";
  return `Service level report: ${who}, ${when}`;
}

/** `slactl report --format html`. */
export function renderHtml(input: ReportInput): string {
  const document = reportDocument(input);
  const title = reportTitle(input);
  const body: string[] = [];
  body.push(`<header><h1>${e(title)}</h1><p class="generated">Generated at <time datetime="${e(document.generatedAt)}" data-figure="generated-at">${e(localTime(input.generatedAt, "UTC"))} UTC</time></p></header>`);
  if (input.slas.length === 0) body.push(`<p>No service level agreements to report on.</p>`);
  if (input.slas.length > 1) body.push(summaryTable(document.slas));
  input.slas.forEach((sla, i) => {
    const doc = document.slas[i];
    if (doc !== undefined) body.push(slaSection(sla, doc, i));
  });
  body.push(`<footer><p>Attained levels are rounded down and error budget consumed rounded up to two decimals, so no figure is better than measured. Scheduled maintenance is left out of every figure. An incident is a stretch in which errors spent the error budget at 14.4 times the sustainable rate or faster; incidents less than 15 minutes apart count as one.</p></footer>`);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="slactl report">
<title>${e(title)}</title>
<style>${css}</style>
</head>
<body>
${body.join("\n")}
</body>
</html>
`;
}

function summaryTable(slas: readonly SlaDocument[]): string {
  const rows = slas.map((s, i) => `<tr><td><a href="#sla-${i}">${e(slaName(s.namespace, s.name))}</a></td><td>${e(s.period.label)}</td><td class="num">${percent2(s.compliance, "—")}</td><td class="num">${percent2(s.budgetRemaining, "—")}</td><td>${badge(s.state)}</td><td class="num">${percent(s.credit, "—")}</td></tr>`);
  return `<section class="summary"><h2>Summary</h2><table><thead><tr><th>Agreement</th><th>Period</th><th class="num">Compliance</th><th class="num">Budget left</th><th>State</th><th class="num">Credit owed</th></tr></thead><tbody>${rows.join("")}</tbody></table></section>`;
}

function slaSection(sla: ReportSla, doc: SlaDocument, index: number): string {
  const { evaluation } = sla;
  const period = evaluation.period;
  const zone = period.timeZone;
  const out: string[] = [];
  out.push(`<section class="sla" id="sla-${index}" data-sla="${e(slaName(doc.namespace, doc.name))}">`);
  out.push(`<h2>${e(doc.service)} <span class="muted">${e(slaName(doc.namespace, doc.name))}</span></h2>`);
  if (doc.description !== undefined) out.push(`<p class="description">${e(doc.description)}</p>`);
  const asOf = doc.period.complete ? "complete" : `in progress, figures as of ${e(localTime(evaluation.now, zone))}`;
  out.push(`<dl class="facts"><div><dt>Period</dt><dd>${e(periodName(period))}<br><span class="muted">${e(periodRange(period))}, ${asOf}</span></dd></div><div><dt>Service</dt><dd>${e(doc.service)}</dd></div><div><dt>Owner</dt><dd>${e(doc.owner)}</dd></div></dl>`);

  out.push(`<div class="kpis">`);
  out.push(kpi("State", badge(doc.state), "state"));
  out.push(kpi("Compliance", percent2(doc.compliance, "no data"), "compliance", "worst objective"));
  out.push(kpi("Error budget left", percent2(doc.budgetRemaining, "—"), "budget-remaining", "worst objective"));
  out.push(kpi(doc.period.complete ? "Service credit owed" : "Credit if the period ended now", doc.credit === undefined ? "—" : `${doc.credit}%`, "credit", "of the fee"));
  out.push(`</div>`);

  evaluation.objectives.forEach((o, i) => {
    const objective = doc.objectives[i];
    if (objective !== undefined) out.push(objectiveArticle(`c${index}-${i}`, period, o, objective, sla.progress[o.name] ?? [], evaluation.maintenance));
  });

  out.push(`<h3>Incidents</h3>`);
  const incidents = evaluation.objectives.flatMap((o) => o.incidentList.map((incident) => ({ objective: o.name, ...incident }))).sort((a, b) => a.start - b.start);
  if (incidents.length === 0) out.push(`<p class="none">No incidents in the period.</p>`);
  else {
    const rows = incidents.map((i) => `<tr data-incident><td>${e(i.objective)}</td><td>${e(localTime(i.start, zone))}</td><td>${e(localTime(i.end, zone))}</td><td class="num">${e(formatElapsed((i.end - i.start) / 1000))}</td></tr>`);
    out.push(`<table class="incidents"><thead><tr><th>Objective</th><th>Start (${e(zone)})</th><th>End</th><th class="num">Duration</th></tr></thead><tbody>${rows.join("")}</tbody></table>`);
  }
  if (evaluation.maintenance.length > 0) {
    const items = evaluation.maintenance.map((m) => `<li>${e(localTime(m.start, zone))} to ${e(localTime(m.end, zone))}</li>`);
    out.push(`<details class="maintenance"><summary>Scheduled maintenance left out of the figures (${evaluation.maintenance.length})</summary><ul>${items.join("")}</ul></details>`);
  }

  out.push(`<h3>Service credits</h3>`);
  out.push(creditSection(doc));
  out.push(`</section>`);
  return out.join("\n");
}

function kpi(label: string, valueHtml: string, figure: string, note?: string): string {
  return `<div class="kpi"><div class="kpi-label">${e(label)}</div><div class="kpi-value" data-figure="${figure}">${valueHtml}</div>${note === undefined ? "" : `<div class="kpi-note">${e(note)}</div>`}</div>`;
}

function creditSection(doc: SlaDocument): string {
  if (doc.creditTiers.length === 0) return `<p class="none">The agreement defines no service credits.</p>`;
  const rows = doc.creditTiers.map((t) => `<tr${t.applies ? ` class="applies" data-applies` : ""}><td class="num">below ${percent(t.below)}</td><td class="num">${percent(t.credit)}</td><td>${t.applies ? "applies" : ""}</td></tr>`);
  let sentence: string;
  if (doc.compliance === undefined) sentence = "Without data for every objective, compliance and the credit are unknown.";
  else if (!doc.creditTiers.some((t) => t.applies)) sentence = `Compliance of ${percent2(doc.compliance)} is above every tier: no credit is owed.`;
  else {
    const tier = doc.creditTiers.find((t) => t.applies);
    sentence = `Compliance of ${percent2(doc.compliance)} is below ${percent(tier?.below)}: a credit of <strong data-figure="credit-owed">${percent(doc.credit)}</strong> of the fee ${doc.period.complete ? "is owed" : "would be owed if the period ended now"}.`;
  }
  return `<table class="credits"><thead><tr><th class="num">Compliance</th><th class="num">Credit</th><th></th></tr></thead><tbody>${rows.join("")}</tbody></table><p>${sentence}</p>`;
}

function objectiveArticle(id: string, period: ContractPeriod, o: ObjectiveEvaluation, doc: ObjectiveDocument, progress: readonly ProgressPoint[], maintenance: readonly Interval[]): string {
  const zone = period.timeZone;
  const out: string[] = [];
  out.push(`<article class="objective" data-objective="${e(o.name)}">`);
  out.push(`<h4>${e(o.name)} ${badge(doc.state)}</h4>`);
  if (doc.description !== undefined) out.push(`<p class="description">${e(doc.description)}</p>`);
  out.push(`<dl class="figures">`);
  const figure = (label: string, value: string, name: string) => `<div><dt>${e(label)}</dt><dd data-figure="${name}">${value}</dd></div>`;
  out.push(figure("Target", percent(doc.target), "target"));
  out.push(figure("Attained", doc.attained === undefined ? "no data" : percent2(doc.attained), "attained"));
  out.push(figure("Budget left", percent2(doc.errorBudget?.remaining, "—"), "budget-left"));
  out.push(figure("Budget consumed", percent2(doc.errorBudget?.consumed, "—"), "budget-consumed"));
  out.push(figure("Incidents", String(doc.incidents.count), "incidents"));
  out.push(figure("MTTR", e(doc.incidents.mttr ?? "—"), "mttr"));
  out.push(figure("Downtime", e(doc.incidents.count === 0 ? "—" : doc.incidents.downtime), "downtime"));
  if (doc.coverage !== undefined && doc.coverage < 99.995) out.push(figure("Data coverage", percent2(doc.coverage), "coverage"));
  out.push(`</dl>`);
  out.push(`<p class="reason">${e(doc.reason.charAt(0).toUpperCase() + doc.reason.slice(1))}.</p>`);

  const end = period.end;
  const ticks = timeTicks(period.start, end, zone);
  const bands: Band[] = [
    ...maintenance.map((m) => ({ start: m.start, end: m.end, kind: "maintenance" as const, label: `maintenance ${localTime(m.start, zone)} to ${localTime(m.end, zone)}` })),
    ...o.incidentList.map((i) => ({ start: i.start, end: i.end, kind: "incident" as const, label: `incident ${localTime(i.start, zone)} to ${localTime(i.end, zone)} (${formatElapsed((i.end - i.start) / 1000)})` })),
  ];
  const target = doc.target;
  const attained = progress.map((p) => [p.time, p.attained === null ? null : p.attained * 100] as const);
  const attainedScale = niceScale(lowerBound(progress, attained, target - (100 - target), doc.attained), 100, 5, true);
  out.push(`<figure><figcaption>Attained level since the start of the period, against the target of ${percent(target)}</figcaption>`);
  out.push(renderLineChart({
    id: `${id}-attained`,
    title: `${o.name}: attained level over ${periodName(period)} against the target of ${percent(target)}`,
    x: { start: period.start, end, ticks },
    y: { ...attainedScale, format: (v) => `${trim(v)}%` },
    series: { name: "attained", label: `attained level (final ${doc.attained === undefined ? "no data" : percent2(doc.attained)})`, points: attained },
    reference: { role: "target", value: target, label: `target ${percent(target)}` },
    bands,
  }));
  out.push(`</figure>`);

  const budget = progress.map((p) => [p.time, p.remainingPercent] as const);
  // No room below an unspent budget: the zero line itself is the floor.
  const budgetLow = lowerBound(progress, budget, 0, doc.errorBudget?.remaining, 0);
  const budgetScale = niceScale(Math.min(0, budgetLow < 0 ? budgetLow - (100 - budgetLow) * 0.05 : 0), 100, 5, true);
  out.push(`<figure><figcaption>Error budget left over the period (100% at the start; below 0% the target is missed)</figcaption>`);
  out.push(renderLineChart({
    id: `${id}-budget`,
    title: `${o.name}: error budget left over ${periodName(period)}`,
    height: 180,
    x: { start: period.start, end, ticks },
    y: { ...budgetScale, format: (v) => `${trim(v)}%` },
    series: { name: "budget", label: `error budget left (final ${percent2(doc.errorBudget?.remaining, "no data")})`, points: budget },
    reference: { role: "zero", value: 0, label: "budget spent" },
    bands,
    fillTo: 0,
  }));
  out.push(`</figure>`);
  out.push(`</article>`);
  return out.join("\n");
}

/**
 * The bottom of a value axis: the lowest value after the first tenth of the elapsed time (the
 * running figures of the first hours swing wildly on little traffic and would flatten the rest
 * of the line), the final value, and a floor that keeps the reference line in view.
 */
function lowerBound(progress: readonly ProgressPoint[], values: readonly (readonly [number, number | null])[], floor: number, final: number | undefined, pad = 0.05): number {
  const first = progress[0]?.time ?? 0;
  const last = progress[progress.length - 1]?.time ?? 0;
  const from = first + (last - first) * 0.1;
  let low = Math.min(floor, final ?? floor);
  for (const [t, v] of values) if (t >= from && v !== null && Number.isFinite(v)) low = Math.min(low, v);
  // A little room below, so a line at the lowest value does not run along the frame.
  return Math.max(low - (100 - low) * pad, -1e6);
}

const trim = (v: number) => String(Number(v.toPrecision(10)));

const css = `
:root{--fg:#1c2430;--muted:#5d6b7a;--line:#d9dee5;--bg:#fff;--panel:#f6f8fa;--ok:#1a7f37;--warn:#9a6700;--bad:#cf222e;--nodata:#6e7781;--series:#0969da}
*{box-sizing:border-box}
body{margin:0 auto;max-width:980px;padding:32px 28px 48px;font:15px/1.5 -apple-system,BlinkMacSystemFont,"Segoe UI",Helvetica,Arial,sans-serif;color:var(--fg);background:var(--bg)}
h1{font-size:26px;margin:0 0 4px}h2{font-size:21px;margin:36px 0 8px;padding-top:18px;border-top:2px solid var(--line)}h3{font-size:17px;margin:26px 0 8px}h4{font-size:16px;margin:0 0 6px;display:flex;gap:10px;align-items:center}
.muted,.generated,.kpi-note,figcaption,.reason{color:var(--muted)}.muted{font-weight:normal;font-size:.8em}
.generated{margin:0 0 8px}
table{border-collapse:collapse;width:100%;margin:6px 0 10px;font-variant-numeric:tabular-nums}th,td{text-align:left;padding:6px 10px;border-bottom:1px solid var(--line)}th{font-size:13px;color:var(--muted);font-weight:600}.num{text-align:right}
table.credits{width:auto;min-width:50%}tr.applies td{background:#fff1e5;font-weight:600}
.facts{display:flex;flex-wrap:wrap;gap:8px 36px;margin:10px 0}.facts dt,.figures dt{font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}.facts dd,.figures dd{margin:0}
.kpis{display:grid;grid-template-columns:repeat(4,1fr);gap:12px;margin:16px 0 8px}.kpi{background:var(--panel);border:1px solid var(--line);border-radius:8px;padding:12px 14px}.kpi-label{font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}.kpi-value{font-size:24px;font-weight:600;font-variant-numeric:tabular-nums;margin-top:2px}.kpi-note{font-size:12px}
.objective{border:1px solid var(--line);border-radius:8px;padding:16px 18px;margin:16px 0;break-inside:avoid}
.figures{display:flex;flex-wrap:wrap;gap:6px 28px;margin:8px 0}.figures dd{font-weight:600;font-variant-numeric:tabular-nums}
.reason{margin:4px 0 8px;font-size:14px}
figure{margin:10px 0 0}figcaption{font-size:13px;margin-bottom:2px}
.state{display:inline-block;font-size:13px;font-weight:600;padding:1px 9px;border-radius:999px;color:#fff;vertical-align:middle}.kpi-value .state{font-size:17px;padding:2px 12px}
.state-compliant{background:var(--ok)}.state-atrisk{background:var(--warn)}.state-breached{background:var(--bad)}.state-nodata{background:var(--nodata)}
svg.chart{display:block;width:100%;height:auto;font-size:11px;font-family:inherit}
svg .plot{fill:#fff;stroke:var(--line)}svg .grid line{stroke:#eef1f4}svg text{fill:var(--muted)}
svg .series{fill:none;stroke:var(--series);stroke-width:2;stroke-linejoin:round}svg .area{fill:var(--series);opacity:.1}
svg .reference{stroke-width:1.5;stroke-dasharray:6 4}svg .reference.target{stroke:var(--bad)}svg .reference.zero{stroke:var(--fg)}svg .reference-label{font-weight:600;fill:var(--fg);paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}
svg .band.incident{fill:var(--bad);opacity:.28}svg .band.maintenance{fill:var(--nodata);opacity:.15}svg .empty{font-size:14px}
.none{color:var(--muted)}details{margin:8px 0;color:var(--muted)}
footer{margin-top:40px;padding-top:12px;border-top:1px solid var(--line);font-size:12px;color:var(--muted)}
@media print{body{padding:0;max-width:none}h2{break-before:page}section.sla:first-of-type h2{break-before:auto}.kpi,.objective{border-color:#bbb}}
@media (max-width:700px){.kpis{grid-template-columns:repeat(2,1fr)}}
`.trim();
