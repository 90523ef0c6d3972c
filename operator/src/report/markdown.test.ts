import { describe, expect, it } from "vitest";
import { escapeMarkdown, escapeMarkdownParagraph, renderMarkdown } from "./markdown.js";
import { checkoutReport, hostile, hostileReport } from "./report.fixture.js";

describe("the report as markdown", () => {
  const text = renderMarkdown(checkoutReport());

  it("starts with the summary table", () => {
    expect(text).toContain([
      "| SLA | Period | Objective | Target | Attained | Budget left | State | Credit |",
      "| --- | --- | --- | --- | --- | --- | --- | --- |",
      "| shop/checkout | 2026-10 | availability | 99.9% | 99.96% | 66.39% | Compliant | 25% |",
      "| shop/checkout | 2026-10 | latency | 99% | 98.00% | -100.00% | Breached | 25% |",
    ].join("\n"));
  });

  it("has a section per SLA with its period, state, compliance and credit owed", () => {
    expect(text).toContain("## shop/checkout: October 2026\n");
    expect(text).toContain("- Period: 2026-10-01 00:00 to 2026-11-01 00:00 (UTC), complete");
    expect(text).toContain("- State: **Breached**, compliance 98.00%");
    expect(text).toContain("- Service credit owed: **25%** of the fee");
    expect(text).toContain("| availability | 99.9% | 99.96% | 66.39% | 33.61% | 1 | 30m | Compliant |");
  });

  it("lists the incidents with start, end and duration in the period's time zone", () => {
    expect(text).toContain("| Objective | Start (UTC) | End | Duration |\n| --- | --- | --- | --- |\n| availability | 2026-10-10 12:00 | 2026-10-10 12:30 | 30m |");
  });

  it("shows the credit tiers and marks the one that applies", () => {
    expect(text).toContain("| 99.9% | 10% |  |\n| 99% | 25% | **applies** |\n| 95% | 100% |  |");
  });

  it("escapes user strings: no raw HTML, links, emphasis or extra table cells", () => {
    const hostileText = renderMarkdown(hostileReport());
    expect(hostileText).not.toContain(hostile.service);
    // Every < is escaped (no tag can open), and the link's brackets are too.
    expect(hostileText).not.toMatch(/(?<!\\)</);
    expect(hostileText).not.toMatch(/(?<!\\)\]\(http/);
    expect(hostileText).toContain("\\<script\\>alert(\"svc\")\\</script\\>");
    // Each table row of the summary keeps its 8 cells.
    const row = hostileText.split("\n").find((l) => l.startsWith("| shop/"));
    expect(row?.split(/(?<!\\)\|/).length).toBe(10);
  });

  it("escapes inline markup and, in a paragraph, a line start that would be a block", () => {
    expect(escapeMarkdown("a|b *c* _d_ `e` [f](g) <h> & $i$ ~j~\nk")).toBe("a\\|b \\*c\\* \\_d\\_ \\`e\\` \\[f\\](g) \\<h\\> \\& \\$i\\$ \\~j\\~ k");
    expect(escapeMarkdownParagraph("# not a heading")).toBe("\\# not a heading");
    expect(escapeMarkdownParagraph("- not a list")).toBe("\\- not a list");
    expect(escapeMarkdownParagraph("1. not a list")).toBe("1\\. not a list");
    expect(escapeMarkdownParagraph("99.9% of requests")).toBe("99.9% of requests");
  });
});
