// The HTML report in a real browser: headless Chromium (Debian's package) opens the page that
// `slactl report --format html` writes, and the DOM must hold the charts (an SVG path for each
// series, the target line) and the figures; nothing may be loaded from elsewhere, no script may
// run, and a screenshot is taken (also copied to /tmp/report-screenshot.png for a human to see).
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { renderHtml } from "../../operator/src/report/index.js";
import { checkoutReport, hostile, hostileReport } from "../../operator/src/report/report.fixture.js";
import { launchChromium, type Browser } from "./browser.js";

let browser: Browser;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "slactl-report-html-"));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Opens an HTML text as a file and records every request, console message and dialog of the page. */
async function open(name: string, html: string): Promise<{ page: Page; url: string; requests: string[]; problems: string[] }> {
  const file = join(dir, name);
  writeFileSync(file, html);
  const url = pathToFileURL(file).href;
  const page = await browser.context.newPage();
  const requests: string[] = [];
  const problems: string[] = [];
  page.on("request", (request) => requests.push(request.url()));
  page.on("console", (message) => { if (message.type() === "error" || message.type() === "warning") problems.push(`console ${message.type()}: ${message.text()}`); });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("dialog", (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.goto(url, { waitUntil: "load" });
  return { page, url, requests, problems };
}

describe("the HTML report in Chromium", () => {
  it("shows per objective a chart of the attained level against the target and of the budget, and the figures", async () => {
    const { page, url, requests, problems } = await open("checkout.html", renderHtml(checkoutReport()));
    // Self-contained: the page itself is the only request; the CSP was not violated.
    expect(requests).toEqual([url]);
    expect(problems).toEqual([]);
    expect(await page.title()).toBe("Service level report: checkout, October 2026");

    const charts = await page.$$eval("article.objective", (articles) => articles.map((article) => {
      const svg = (name: string) => article.querySelector(`svg[data-chart="${name}"]`);
      // No DOM lib in this project's TypeScript: describe the little that is used.
      type Boxed = { getBoundingClientRect(): { width: number; height: number; top: number; bottom: number } };
      const box = (element: Boxed | null | undefined) => {
        const r = element?.getBoundingClientRect();
        return r ? { width: r.width, height: r.height, top: r.top, bottom: r.bottom } : null;
      };
      const attained = svg("attained");
      const series = attained?.querySelector("path[data-series='attained']");
      const target = attained?.querySelector("line[data-role='target']");
      const budget = svg("budget");
      return {
        objective: article.getAttribute("data-objective"),
        attainedChart: box(attained),
        seriesPoints: (series?.getAttribute("d") ?? "").match(/[ML]/g)?.length ?? 0,
        seriesLength: (series as unknown as { getTotalLength?: () => number } | null)?.getTotalLength?.() ?? 0,
        seriesBox: box(series),
        targetBox: box(target),
        targetLabel: attained?.querySelector(".reference-label")?.textContent ?? null,
        budgetSeries: budget?.querySelector("path[data-series='budget']")?.getAttribute("d")?.length ?? 0,
        zeroLine: budget?.querySelector("line[data-role='zero']") !== null,
        attainedFigure: article.querySelector("[data-figure='attained']")?.textContent ?? null,
        budgetFigure: article.querySelector("[data-figure='budget-left']")?.textContent ?? null,
      };
    }));
    expect(charts.map((c) => c.objective)).toEqual(["availability", "latency"]);
    for (const chart of charts) {
      // Rendered at a real size, the series is a drawn line with a point per hour of October.
      expect(chart.attainedChart?.width).toBeGreaterThan(500);
      expect(chart.seriesPoints).toBe(744);
      expect(chart.seriesLength).toBeGreaterThan(400);
      expect(chart.targetBox?.width).toBeGreaterThan(500);
      expect(chart.budgetSeries).toBeGreaterThan(100);
      expect(chart.zeroLine).toBe(true);
    }
    const [availability, latency] = charts;
    expect(availability?.targetLabel).toBe("target 99.9%");
    expect(availability?.attainedFigure).toBe("99.96%");
    expect(availability?.budgetFigure).toBe("66.39%");
    expect(latency?.targetLabel).toBe("target 99%");
    expect(latency?.attainedFigure).toBe("98.00%");
    // 98% all month is below the 99% target: the line is drawn below the target line.
    expect(latency?.seriesBox?.top).toBeGreaterThan(latency?.targetBox?.bottom ?? Infinity);

    const figures = await page.$$eval("[data-figure]", (elements) => Object.fromEntries(elements
      .filter((e) => e.closest("article") === null)
      .map((e) => [e.getAttribute("data-figure"), e.textContent?.trim()])));
    expect(figures).toMatchObject({ compliance: "98.00%", credit: "25%", "budget-remaining": "-100.00%", state: "Breached", "credit-owed": "25%" });
    expect(await page.$eval("tr[data-applies]", (row) => row.textContent)).toBe("below 99%25%applies");
    expect(await page.$$eval("tr[data-incident]", (rows) => rows.map((r) => [...r.querySelectorAll("td")].map((td) => td.textContent)))).toEqual([
      ["availability", "2026-10-10 12:00", "2026-10-10 12:30", "30m"],
    ]);

    const screenshot = join(dir, "report.png");
    await page.screenshot({ path: screenshot, fullPage: true });
    const png = readFileSync(screenshot);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.length).toBeGreaterThan(20_000);
    copyFileSync(screenshot, "/tmp/report-screenshot.png");
    await page.close();
  }, 60_000);

  it("shows hostile strings as text: no element, script or dialog comes from them", async () => {
    const { page, requests, url, problems } = await open("hostile.html", renderHtml(hostileReport()));
    expect(problems).toEqual([]);
    expect(requests).toEqual([url]);
    expect(await page.$$eval("script, iframe, img, b, object, embed", (elements) => elements.length)).toBe(0);
    expect(await page.$$eval("svg", (elements) => elements.every((svg) => svg.classList.contains("chart")))).toBe(true);
    const text = await page.$eval("body", (body) => body.textContent ?? "");
    expect(text).toContain(hostile.service);
    expect(text).toContain(hostile.owner);
    expect(text).toContain(hostile.objective);
    expect(await page.$eval("article.objective", (a) => a.getAttribute("data-objective"))).toBe(hostile.objective);
    await page.close();
  }, 60_000);
});
