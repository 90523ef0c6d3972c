import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { alertmanagerConfig, receiverNames, renderAlertmanagerConfig, slaGroupBy } from "./alertmanager.js";

const receivers = { pagerWebhookUrl: "https://pager.example.com/hook", ticketWebhookUrl: "https://tickets.example.com/hook" };

interface Config {
  route: { receiver: string; routes: { receiver: string; matchers: string[]; group_by?: string[] }[] };
  receivers: { name: string; webhook_configs?: { url: string; send_resolved: boolean }[] }[];
  inhibit_rules: { source_matchers?: string[]; target_matchers: string[]; equal?: string[] }[];
}

describe("alertmanagerConfig", () => {
  const config = alertmanagerConfig(receivers) as unknown as Config;

  it("routes each severity to its receiver, grouped per SLA objective", () => {
    expect(config.route.routes.map((r) => [r.matchers, r.receiver, r.group_by])).toEqual([
      [['alertname = "Watchdog"'], receiverNames.none, undefined],
      [['severity =~ "critical|page"', 'sla =~ ".+"'], receiverNames.page, ["sla_namespace", "sla", "objective"]],
      [['severity =~ "warning|ticket"', 'sla =~ ".+"'], receiverNames.ticket, ["sla_namespace", "sla", "objective"]],
    ]);
    expect(config.route.receiver).toBe(receiverNames.none);
  });

  it("sends to the webhooks, resolved alerts included", () => {
    expect(config.receivers).toEqual([
      { name: "null" },
      { name: "sla-page", webhook_configs: [{ url: receivers.pagerWebhookUrl, send_resolved: true }] },
      { name: "sla-ticket", webhook_configs: [{ url: receivers.ticketWebhookUrl, send_resolved: true }] },
    ]);
  });

  it("keeps an objective's tickets quiet while it pages", () => {
    expect(config.inhibit_rules[0]).toEqual({ source_matchers: ['severity =~ "critical|page"', 'sla =~ ".+"'], target_matchers: ['severity =~ "warning|ticket"', 'sla =~ ".+"'], equal: [...slaGroupBy] });
  });

  it("renders YAML that reads back to the same object", () => {
    expect(parse(renderAlertmanagerConfig(receivers))).toEqual(alertmanagerConfig(receivers));
  });
});

// The real check: Alertmanager's own parser (amtool, from Debian's prometheus-alertmanager). It is
// installed by npm test's prerequisites and .ci/run; without it the first test fails and says so.
const amtool = spawnSync("amtool", ["--version"], { encoding: "utf8" }).status === 0;

describe("with amtool (Debian's prometheus-alertmanager)", () => {
  it("has amtool to check with (npm test's prerequisites install it)", () => {
    expect(amtool, "amtool not found: apt-get install prometheus-alertmanager").toBe(true);
  });

  const dir = mkdtempSync(join(tmpdir(), "slo-amtool-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };

  it("accepts the configuration, with and without webhooks", () => {
    for (const [name, r] of [["full.yaml", receivers], ["empty.yaml", {}]] as const) {
      const out = spawnSync("amtool", ["check-config", write(name, renderAlertmanagerConfig(r))], { encoding: "utf8" });
      expect(out.status, out.stdout + out.stderr).toBe(0);
    }
  });

  it("routes the operator's alerts by severity: critical and warning by default, page and ticket where an SLA sets them", () => {
    const file = write("routes.yaml", renderAlertmanagerConfig(receivers));
    const route = (...labels: string[]) => execFileSync("amtool", ["config", "routes", "test", `--config.file=${file}`, ...labels], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    const sla = ["sla_namespace=shop", "sla=checkout", "objective=availability"];
    expect(route("alertname=SLAErrorBudgetBurn", "severity=critical", ...sla)).toBe(receiverNames.page);
    expect(route("alertname=SLAErrorBudgetBurn", "severity=warning", ...sla)).toBe(receiverNames.ticket);
    expect(route("alertname=SLAIndicatorNoData", "severity=warning", ...sla)).toBe(receiverNames.ticket);
    expect(route("alertname=SLAErrorBudgetBurn", "severity=page", ...sla)).toBe(receiverNames.page);
    expect(route("alertname=SLAErrorBudgetBurn", "severity=ticket", ...sla)).toBe(receiverNames.ticket);
    expect(route("alertname=Watchdog", "severity=none")).toBe(receiverNames.none);
    // The cluster's own alerts share the severities but carry no sla label: not the SLA receivers'.
    expect(route("alertname=KubePodCrashLooping", "severity=warning")).toBe(receiverNames.none);
    expect(route("alertname=KubeAPIDown", "severity=critical")).toBe(receiverNames.none);
  });
});
