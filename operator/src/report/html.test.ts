import { describe, expect, it } from "vitest";
import { renderHtml, reportTitle } from "./html.js";
import { checkoutModel, checkoutReport, checkoutSamples, hostile, hostileReport, reportSla, reportedAt } from "./report.fixture.js";

describe("the report as HTML", () => {
  const page = renderHtml(checkoutReport());

  it("is one self-contained document: no script, no external resource, a CSP that forbids loading any", () => {
    expect(page.startsWith("<!DOCTYPE html>\n<html lang=\"en\">")).toBe(true);
    expect(page).not.toMatch(/<script|<link|<iframe|<img|<object|<embed|@import|url\(\s*["']?(?!#)/i);
    // The only URL is the SVG namespace, which is a name, not a request.
    const urls = page.match(/\b(?:https?:)?\/\/[^\s"'<>)]+/g) ?? [];
    expect(new Set(urls)).toEqual(new Set(["http://www.w3.org/2000/svg"]));
    expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
  });

  it("is titled with the SLA and the period", () => {
    expect(page).toContain("<title>Service level report: checkout, October 2026</title>");
    expect(reportTitle({ generatedAt: 0, slas: [] })).toBe("Service level report");
    const other = reportSla(checkoutModel({ name: "api", service: "payments" }), checkoutSamples, reportedAt);
    expect(reportTitle({ generatedAt: reportedAt, slas: [other] })).toBe("Service level report: payments (api), October 2026");
    expect(reportTitle({ generatedAt: reportedAt, slas: [other, reportSla(checkoutModel(), checkoutSamples, reportedAt)] })).toBe("Service level report: api, checkout, October 2026");
  });

  it("shows compliance, the credit owed and each objective's figures", () => {
    expect(page).toContain(`data-figure="compliance">98.00%</div>`);
    expect(page).toContain(`data-figure="credit">25%</div>`);
    expect(page).toContain(`<dd data-figure="attained">99.96%</dd>`);
    expect(page).toContain(`<dd data-figure="budget-left">66.39%</dd>`);
    expect(page).toContain(`a credit of <strong data-figure="credit-owed">25%</strong> of the fee is owed.`);
    expect(page).toMatch(/<tr class="applies" data-applies><td class="num">below 99%<\/td><td class="num">25%<\/td>/);
  });

  it("draws per objective the attained level against the target and the budget against zero", () => {
    for (const objective of ["availability", "latency"]) {
      const article = page.slice(page.indexOf(`data-objective="${objective}"`), page.indexOf("</article>", page.indexOf(`data-objective="${objective}"`)));
      expect(article).toMatch(/<svg [^>]*data-chart="attained"/);
      expect(article).toMatch(/<path class="series" data-series="attained" [^>]*d="M[\d.]+ [\d.]+L/);
      expect(article).toMatch(/<line class="reference target" data-role="target"/);
      expect(article).toMatch(/<path class="series" data-series="budget" [^>]*d="M/);
      expect(article).toMatch(/<line class="reference zero" data-role="zero"/);
    }
    // The outage of 10 October is shaded on the availability charts.
    expect(page).toContain("<title>incident 2026-10-10 12:00 to 2026-10-10 12:30 (30m)</title>");
  });

  it("lists the incidents with start, end and duration", () => {
    expect(page).toContain("<tr data-incident><td>availability</td><td>2026-10-10 12:00</td><td>2026-10-10 12:30</td><td class=\"num\">30m</td></tr>");
  });

  it("escapes every user string", () => {
    const hostilePage = renderHtml(hostileReport());
    for (const text of Object.values(hostile)) expect(hostilePage).not.toContain(text);
    expect(hostilePage).not.toMatch(/<script|<img|<iframe|<svg onload|<b>/i);
    expect(hostilePage).toContain("&lt;script&gt;alert(&quot;svc&quot;)&lt;/script&gt;");
    expect(hostilePage).toContain("team &quot;ops&quot; &amp; &lt;b&gt;friends&lt;/b&gt;");
    expect(hostilePage).toContain(`data-objective="avail&lt;svg onload=alert(2)&gt;"`);
  });

  it("says no data, and draws no line, for an objective without data", () => {
    const empty = renderHtml({ generatedAt: reportedAt, slas: [reportSla(checkoutModel(), {}, reportedAt)] });
    expect(empty).toContain(`<dd data-figure="attained">no data</dd>`);
    expect(empty).toContain("no data in the period");
    expect(empty).not.toContain(`data-series="attained"`);
    expect(empty).toContain("Without data for every objective, compliance and the credit are unknown.");
  });

  it("says the credit is what would be owed if a period in progress ended now", () => {
    const now = Date.UTC(2026, 9, 20);
    const current = renderHtml({ generatedAt: now, slas: [reportSla(checkoutModel(), checkoutSamples, now)] });
    expect(current).toContain("in progress, figures as of 2026-10-20 00:00");
    expect(current).toContain(`<div class="kpi-label">Credit if the period ended now</div>`);
    expect(current).toContain("of the fee would be owed if the period ended now.");
  });

  it("adds a summary table when it reports on several SLAs", () => {
    const two = renderHtml({ generatedAt: reportedAt, slas: [...checkoutReport().slas, reportSla(checkoutModel({ name: "cart" }), checkoutSamples, reportedAt)] });
    expect(two).toContain(`<section class="summary">`);
    expect(two).toContain(`<a href="#sla-1">shop/cart</a>`);
    expect(page).not.toContain(`<section class="summary">`);
  });
});
