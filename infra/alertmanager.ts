// The Alertmanager configuration: kube-prometheus-stack's default routing (Watchdog to nowhere, its
// inhibition rules) plus one route per SLA severity. The operator's alerts carry the
// kube-prometheus-stack severities, `severity: critical` on the page alert and `severity: warning`
// on the ticket, no-data and exhausted alerts (or page/ticket where an SLA sets them, the
// documented alternative), and the labels sla_namespace, sla and objective, so one notification
// covers one objective of one SLA, whichever burn-rate tier fires. The routes also require the
// sla label: the cluster's own critical and warning alerts are not the pager's business here.
// Pure: the webhook URLs are passed in as plain strings; the caller keeps them secret.
import { stringify } from "yaml";

/** Alerts are grouped per objective of an SLA. */
export const slaGroupBy = ["sla_namespace", "sla", "objective"] as const;

export const receiverNames = { none: "null", page: "sla-page", ticket: "sla-ticket" } as const;

/** The severity label values the compiler puts on alerts by default (conventions.ts), and the alternatives SLAs may set. */
export const severities = { page: "critical", ticket: "warning", pageAlternative: "page", ticketAlternative: "ticket" } as const;

/** Matchers of an SLA's alerts of one route: its severity (or the alternative) and an sla label. */
export const routeMatchers = {
  page: [`severity =~ "${severities.page}|${severities.pageAlternative}"`, 'sla =~ ".+"'],
  ticket: [`severity =~ "${severities.ticket}|${severities.ticketAlternative}"`, 'sla =~ ".+"'],
} as const;

export interface AlertReceivers {
  /** Webhook for pages (e.g. the pager's incoming webhook); without it pages go nowhere. */
  readonly pagerWebhookUrl?: string | undefined;
  /** Webhook for tickets (e.g. the ticket system's); without it tickets go nowhere. */
  readonly ticketWebhookUrl?: string | undefined;
}

const webhook = (url: string | undefined) => (url ? { webhook_configs: [{ url, send_resolved: true }] } : {});

/** The alertmanager.yaml object. */
export function alertmanagerConfig(receivers: AlertReceivers): Record<string, unknown> {
  return {
    global: { resolve_timeout: "5m" },
    route: {
      receiver: receiverNames.none,
      group_by: ["namespace"],
      group_wait: "30s",
      group_interval: "5m",
      repeat_interval: "12h",
      routes: [
        { receiver: receiverNames.none, matchers: ['alertname = "Watchdog"'] },
        // A page is repeated every hour while it fires; a ticket once a day.
        { receiver: receiverNames.page, matchers: [...routeMatchers.page], group_by: [...slaGroupBy], group_wait: "30s", group_interval: "5m", repeat_interval: "1h" },
        { receiver: receiverNames.ticket, matchers: [...routeMatchers.ticket], group_by: [...slaGroupBy], group_wait: "5m", group_interval: "30m", repeat_interval: "24h" },
      ],
    },
    inhibit_rules: [
      // While an objective pages, its tickets are redundant.
      { source_matchers: [...routeMatchers.page], target_matchers: [...routeMatchers.ticket], equal: [...slaGroupBy] },
      // kube-prometheus-stack's defaults, kept because this configuration replaces its own.
      { source_matchers: ['severity = "critical"'], target_matchers: ['severity =~ "warning|info"'], equal: ["namespace", "alertname"] },
      { source_matchers: ['severity = "warning"'], target_matchers: ['severity = "info"'], equal: ["namespace", "alertname"] },
      { source_matchers: ['alertname = "InfoInhibitor"'], target_matchers: ['severity = "info"'], equal: ["namespace"] },
      { target_matchers: ['alertname = "InfoInhibitor"'] },
    ],
    receivers: [
      { name: receiverNames.none },
      { name: receiverNames.page, ...webhook(receivers.pagerWebhookUrl) },
      { name: receiverNames.ticket, ...webhook(receivers.ticketWebhookUrl) },
    ],
    templates: ["/etc/alertmanager/config/*.tmpl"],
  };
}

/** alertmanager.yaml as text, the key prometheus-operator reads from the configuration Secret. */
export function renderAlertmanagerConfig(receivers: AlertReceivers): string {
  return stringify(alertmanagerConfig(receivers), { lineWidth: 0 });
}

/** Key of the configuration in the Secret named by alertmanagerSpec.configSecret. */
export const alertmanagerConfigKey = "alertmanager.yaml";
