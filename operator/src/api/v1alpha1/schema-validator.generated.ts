// Generated from operator/src/api/v1alpha1/schema.ts by `npm run crds` (ajv standalone). Do not edit.
/* eslint-disable */
// @ts-nocheck

export const validate = validate10;
const schema11 = {"additionalProperties":false,"type":"object","required":["apiVersion","kind","metadata","spec"],"properties":{"apiVersion":{"const":"servicelevel.dev/v1alpha1","type":"string"},"kind":{"const":"ServiceLevelAgreement","type":"string"},"metadata":{"additionalProperties":true,"description":"Standard object metadata.","type":"object","required":["name"],"properties":{"name":{"description":"Name of the resource.","pattern":"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$","maxLength":63,"type":"string"},"namespace":{"description":"Namespace of the resource.","pattern":"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$","maxLength":63,"type":"string"},"labels":{"type":"object","patternProperties":{"^(.*)$":{"type":"string"}}},"annotations":{"type":"object","patternProperties":{"^(.*)$":{"type":"string"}}}}},"spec":{"additionalProperties":false,"description":"The agreement: what is promised, how it is measured, and what happens when it is missed.","type":"object","required":["service","owner","objectives"],"properties":{"service":{"description":"The service the agreement covers, a DNS label, e.g. checkout.","pattern":"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$","maxLength":63,"type":"string"},"owner":{"description":"Who answers for the service, e.g. team-payments.","minLength":1,"maxLength":253,"type":"string"},"description":{"description":"What the service is, in words.","maxLength":1024,"type":"string"},"tier":{"description":"Service tier, e.g. gold; a ServiceLevelPolicy may set defaults per tier.","maxLength":63,"type":"string"},"labels":{"description":"Labels copied onto every generated rule and usable as dashboard filters, e.g. {region: eu-west-1}.","maxProperties":64,"type":"object","patternProperties":{"^[a-zA-Z_][a-zA-Z0-9_]*$":{"maxLength":1024,"type":"string"}}},"period":{"additionalProperties":false,"description":"The contract period that compliance is measured over: rolling or calendar, not both.","x-kubernetes-validations":[{"rule":"!(has(self.rolling) && has(self.calendar))","message":"give rolling or calendar, not both"}],"type":"object","properties":{"rolling":{"description":"A rolling window that compliance is measured over, e.g. 30d. The default when no period is given. From 1h to 400d.","pattern":"^([0-9]{1,6}y)?([0-9]{1,6}w)?([0-9]{1,6}d)?([0-9]{1,8}h)?([0-9]{1,9}m)?([0-9]{1,10}s)?([0-9]{1,12}ms)?$","minLength":2,"maxLength":32,"x-kubernetes-validations":[{"rule":"[(self.find('[0-9]+y') == '' ? 0 : int(self.find('[0-9]+y').find('[0-9]+')) * 31536000000) + (self.find('[0-9]+w') == '' ? 0 : int(self.find('[0-9]+w').find('[0-9]+')) * 604800000) + (self.find('[0-9]+d') == '' ? 0 : int(self.find('[0-9]+d').find('[0-9]+')) * 86400000) + (self.find('[0-9]+h') == '' ? 0 : int(self.find('[0-9]+h').find('[0-9]+')) * 3600000) + (self.find('[0-9]+m([0-9]|$)') == '' ? 0 : int(self.find('[0-9]+m([0-9]|$)').find('[0-9]+')) * 60000) + (self.find('[0-9]+s') == '' ? 0 : int(self.find('[0-9]+s').find('[0-9]+')) * 1000) + (self.find('[0-9]+ms') == '' ? 0 : int(self.find('[0-9]+ms').find('[0-9]+')) * 1)].all(ms, ms >= 3600000 && ms <= 34560000000)","message":"expected a duration from 1h to 400d (units y, w, d, h, m, s, ms, largest first, as in 1h30m)"}],"type":"string"},"calendar":{"description":"A calendar period: week (from Monday), month or quarter, in timeZone.","anyOf":[{"const":"week","type":"string"},{"const":"month","type":"string"},{"const":"quarter","type":"string"}]},"timeZone":{"description":"IANA time zone of calendar periods and maintenance schedules, e.g. Europe/Berlin. Default UTC.","maxLength":64,"type":"string"}}},"objectives":{"description":"The service level objectives; at least one, names unique.","minItems":1,"maxItems":32,"x-kubernetes-validations":[{"rule":"self.all(o, self.exists_one(p, p.name == o.name))","message":"objective names must be unique"}],"type":"array","items":{"additionalProperties":false,"description":"One service level objective.","type":"object","required":["name","target","indicator"],"properties":{"name":{"description":"Name of the objective, unique within the SLA, e.g. availability.","pattern":"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$","maxLength":63,"type":"string"},"description":{"description":"What the objective promises, in words.","maxLength":1024,"type":"string"},"target":{"description":"The promised share of good events or time, in percent, e.g. 99.9.","exclusiveMinimum":0,"exclusiveMaximum":100,"type":"number"},"indicator":{"additionalProperties":false,"description":"How the objective is measured. Give exactly one of ratio, latency, probe or raw.","x-kubernetes-validations":[{"rule":"[has(self.ratio), has(self.latency), has(self.probe), has(self.raw)].filter(x, x).size() == 1","message":"give exactly one of ratio, latency, probe or raw"}],"type":"object","properties":{"ratio":{"additionalProperties":false,"description":"An event-based indicator: the share of bad (or good) events among all events.","x-kubernetes-validations":[{"rule":"has(self.errors) != has(self.good)","message":"give exactly one of errors or good"}],"type":"object","required":["total"],"properties":{"errors":{"description":"PromQL for the rate of bad events, with {{window}} where the range goes, e.g. sum(rate(http_requests_total{code=~\"5..\"}[{{window}}])). Give errors or good, not both.","minLength":1,"maxLength":8192,"type":"string"},"good":{"description":"PromQL for the rate of good events, with {{window}}. Give errors or good, not both.","minLength":1,"maxLength":8192,"type":"string"},"total":{"description":"PromQL for the rate of all events, with {{window}}.","minLength":1,"maxLength":8192,"type":"string"}}},"latency":{"additionalProperties":false,"description":"The share of requests that finished within the threshold, from a histogram.","type":"object","required":["histogram","threshold"],"properties":{"histogram":{"description":"Name of a Prometheus histogram without the _bucket suffix, e.g. http_request_duration_seconds.","pattern":"^[a-zA-Z_:][a-zA-Z0-9_:]*$","maxLength":256,"type":"string"},"selector":{"description":"Label equality matchers that select the service's series, e.g. {job: checkout}.","maxProperties":64,"type":"object","patternProperties":{"^[a-zA-Z_][a-zA-Z0-9_]*$":{"maxLength":1024,"type":"string"}}},"threshold":{"description":"Requests at or below this duration are good. It must equal a bucket boundary (le) of the histogram, e.g. 300ms. From 1ms to 1d.","pattern":"^([0-9]{1,6}y)?([0-9]{1,6}w)?([0-9]{1,6}d)?([0-9]{1,8}h)?([0-9]{1,9}m)?([0-9]{1,10}s)?([0-9]{1,12}ms)?$","minLength":2,"maxLength":32,"x-kubernetes-validations":[{"rule":"[(self.find('[0-9]+y') == '' ? 0 : int(self.find('[0-9]+y').find('[0-9]+')) * 31536000000) + (self.find('[0-9]+w') == '' ? 0 : int(self.find('[0-9]+w').find('[0-9]+')) * 604800000) + (self.find('[0-9]+d') == '' ? 0 : int(self.find('[0-9]+d').find('[0-9]+')) * 86400000) + (self.find('[0-9]+h') == '' ? 0 : int(self.find('[0-9]+h').find('[0-9]+')) * 3600000) + (self.find('[0-9]+m([0-9]|$)') == '' ? 0 : int(self.find('[0-9]+m([0-9]|$)').find('[0-9]+')) * 60000) + (self.find('[0-9]+s') == '' ? 0 : int(self.find('[0-9]+s').find('[0-9]+')) * 1000) + (self.find('[0-9]+ms') == '' ? 0 : int(self.find('[0-9]+ms').find('[0-9]+')) * 1)].all(ms, ms >= 1 && ms <= 86400000)","message":"expected a duration from 1ms to 1d (units y, w, d, h, m, s, ms, largest first, as in 1h30m)"}],"type":"string"},"native":{"description":"Read a native histogram (Prometheus 2.40+ with native histograms on; standard in 3.x) named histogram, with histogram_fraction, instead of the classic _bucket and _count series. The threshold then need not be a bucket boundary: within a bucket the share is interpolated.","type":"boolean"}}},"probe":{"additionalProperties":false,"description":"A time-based indicator: the share of time a 1/0 gauge was 0.","type":"object","required":["metric"],"properties":{"metric":{"description":"A gauge that is 1 when the probe succeeds and 0 when it fails, e.g. probe_success.","pattern":"^[a-zA-Z_:][a-zA-Z0-9_:]*$","maxLength":256,"type":"string"},"selector":{"description":"Label equality matchers that select the probe's series.","maxProperties":64,"type":"object","patternProperties":{"^[a-zA-Z_][a-zA-Z0-9_]*$":{"maxLength":1024,"type":"string"}}}}},"raw":{"additionalProperties":false,"description":"An expression that is already an error ratio.","type":"object","required":["errorRatio"],"properties":{"errorRatio":{"description":"PromQL that already yields the error ratio (0..1) over {{window}}; averaged over time for longer windows.","minLength":1,"maxLength":8192,"type":"string"}}}}},"alerting":{"additionalProperties":false,"description":"Alerting settings of this objective, merged over spec.alerting.","type":"object","properties":{"labels":{"description":"Labels added to every alert of this objective.","maxProperties":64,"type":"object","patternProperties":{"^[a-zA-Z_][a-zA-Z0-9_]*$":{"maxLength":1024,"type":"string"}}},"annotations":{"description":"Annotations added to the burn-rate alerts of this objective.","maxProperties":64,"type":"object","patternProperties":{"^[a-zA-Z_][a-zA-Z0-9_]*$":{"maxLength":4096,"type":"string"}}},"page":{"additionalProperties":false,"description":"Settings of the page burn-rate alert: one alert whose expression combines every page tier.","type":"object","properties":{"disabled":{"description":"Do not generate the page alert.","type":"boolean"},"labels":{"description":"Labels added to the page alert. Its severity label defaults to critical; set {severity: page} to route on page/ticket instead.","maxProperties":64,"type":"object","patternProperties":{"^[a-zA-Z_][a-zA-Z0-9_]*$":{"maxLength":1024,"type":"string"}}},"annotations":{"description":"Annotations added to the page alert.","maxProperties":64,"type":"object","patternProperties":{"^[a-zA-Z_][a-zA-Z0-9_]*$":{"maxLength":4096,"type":"string"}}}}},"ticket":{"additionalProperties":false,"description":"Settings of the ticket burn-rate alert: one alert whose expression combines every ticket tier.","type":"object","properties":{"disabled":{"description":"Do not generate the ticket alert.","type":"boolean"},"labels":{"description":"Labels added to the ticket alert. Its severity label defaults to warning; set {severity: ticket} to route on page/ticket instead.","maxProperties":64,"type":"object","patternProperties":{"^[a-zA-Z_][a-zA-Z0-9_]*$":{"maxLength":1024,"type":"string"}}},"annotations":{"description":"Annotations added to the ticket alert.","maxProperties":64,"type":"object","patternProperties":{"^[a-zA-Z_][a-zA-Z0-9_]*$":{"maxLength":4096,"type":"string"}}}}},"noData":{"additionalProperties":false,"description":"Settings of the no-data alert.","type":"object","properties":{"disabled":{"description":"Do not generate the no-data alert.","type":"boolean"},"labels":{"description":"Labels added to the no-data alert; its severity follows the ticket alert's unless set here.","maxProperties":64,"type":"object","patternProperties":{"^[a-zA-Z_][a-zA-Z0-9_]*$":{"maxLength":1024,"type":"string"}}},"annotations":{"description":"Annotations of the no-data alert (alerting.annotations apply to burn-rate alerts only).","maxProperties":64,"type":"object","patternProperties":{"^[a-zA-Z_][a-zA-Z0-9_]*$":{"maxLength":4096,"type":"string"}}}}},"exhausted":{"additionalProperties":false,"description":"Settings of the budget-exhausted alert.","type":"object","properties":{"disabled":{"description":"Do not generate the budget-exhausted alert.","type":"boolean"},"labels":{"description":"Labels added to the budget-exhausted alert; its severity follows the ticket alert's unless set here.","maxProperties":64,"type":"object","patternProperties":{"^[a-zA-Z_][a-zA-Z0-9_]*$":{"maxLength":1024,"type":"string"}}},"annotations":{"description":"Annotations of the budget-exhausted alert (alerting.annotations apply to burn-rate alerts only).","maxProperties":64,"type":"object","patternProperties":{"^[a-zA-Z_][a-zA-Z0-9_]*$":{"maxLength":4096,"type":"string"}}}}}}}}}},"alerting":{"additionalProperties":false,"description":"How the SLA alerts: multiwindow multi-burn-rate alerts from the SRE Workbook, a no-data and a budget-exhausted alert.","x-kubernetes-validations":[{"rule":"!(has(self.burnRates) && has(self.burnRateTiers))","message":"give burnRates or burnRateTiers, not both"}],"type":"object","properties":{"name":{"description":"Name of the burn-rate alerts (the page and the ticket alert share it, told apart by severity), as in Sloth. Default SLAErrorBudgetBurn.","pattern":"^[a-zA-Z_][a-zA-Z0-9_]*$","maxLength":128,"type":"string"},"labels":{"description":"Labels added to every alert of this SLA, e.g. {team: payments}.","maxProperties":64,"type":"object","patternProperties":{"^[a-zA-Z_][a-zA-Z0-9_]*$":{"maxLength":1024,"type":"string"}}},"annotations":{"description":"Annotations added to the burn-rate alerts, e.g. {runbook_url: https://...}; noData and exhausted have their own.","maxProperties":64,"type":"object","patternProperties":{"^[a-zA-Z_][a-zA-Z0-9_]*$":{"maxLength":4096,"type":"string"}}},"burnRates":{"description":"Name of a burn-rate table in policies/alerting/, e.g. google-sre. Default: the table made for the SLA's period.","pattern":"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$","maxLength":63,"type":"string"},"burnRateTiers":{"description":"Inline burn-rate tiers instead of a named table.","minItems":1,"maxItems":8,"type":"array","items":{"additionalProperties":false,"description":"One tier of a multiwindow multi-burn-rate alert.","type":"object","required":["severity","budgetPercent","longWindow","shortWindow"],"properties":{"severity":{"description":"Which alert the tier raises.","anyOf":[{"const":"page","type":"string"},{"const":"ticket","type":"string"}]},"budgetPercent":{"description":"Share of the period's error budget that, spent within longWindow, raises the alert.","exclusiveMinimum":0,"maximum":100,"type":"number"},"longWindow":{"description":"The window the budget share is measured over; at most the period. From 1m to 400d.","pattern":"^([0-9]{1,6}y)?([0-9]{1,6}w)?([0-9]{1,6}d)?([0-9]{1,8}h)?([0-9]{1,9}m)?([0-9]{1,10}s)?([0-9]{1,12}ms)?$","minLength":2,"maxLength":32,"x-kubernetes-validations":[{"rule":"[(self.find('[0-9]+y') == '' ? 0 : int(self.find('[0-9]+y').find('[0-9]+')) * 31536000000) + (self.find('[0-9]+w') == '' ? 0 : int(self.find('[0-9]+w').find('[0-9]+')) * 604800000) + (self.find('[0-9]+d') == '' ? 0 : int(self.find('[0-9]+d').find('[0-9]+')) * 86400000) + (self.find('[0-9]+h') == '' ? 0 : int(self.find('[0-9]+h').find('[0-9]+')) * 3600000) + (self.find('[0-9]+m([0-9]|$)') == '' ? 0 : int(self.find('[0-9]+m([0-9]|$)').find('[0-9]+')) * 60000) + (self.find('[0-9]+s') == '' ? 0 : int(self.find('[0-9]+s').find('[0-9]+')) * 1000) + (self.find('[0-9]+ms') == '' ? 0 : int(self.find('[0-9]+ms').find('[0-9]+')) * 1)].all(ms, ms >= 60000 && ms <= 34560000000)","message":"expected a duration from 1m to 400d (units y, w, d, h, m, s, ms, largest first, as in 1h30m)"}],"type":"string"},"shortWindow":{"description":"A shorter window that must also burn fast, so the alert resets soon after recovery (usually longWindow/12). From 1m to 400d.","pattern":"^([0-9]{1,6}y)?([0-9]{1,6}w)?([0-9]{1,6}d)?([0-9]{1,8}h)?([0-9]{1,9}m)?([0-9]{1,10}s)?([0-9]{1,12}ms)?$","minLength":2,"maxLength":32,"x-kubernetes-validations":[{"rule":"[(self.find('[0-9]+y') == '' ? 0 : int(self.find('[0-9]+y').find('[0-9]+')) * 31536000000) + (self.find('[0-9]+w') == '' ? 0 : int(self.find('[0-9]+w').find('[0-9]+')) * 604800000) + (self.find('[0-9]+d') == '' ? 0 : int(self.find('[0-9]+d').find('[0-9]+')) * 86400000) + (self.find('[0-9]+h') == '' ? 0 : int(self.find('[0-9]+h').find('[0-9]+')) * 3600000) + (self.find('[0-9]+m([0-9]|$)') == '' ? 0 : int(self.find('[0-9]+m([0-9]|$)').find('[0-9]+')) * 60000) + (self.find('[0-9]+s') == '' ? 0 : int(self.find('[0-9]+s').find('[0-9]+')) * 1000) + (self.find('[0-9]+ms') == '' ? 0 : int(self.find('[0-9]+ms').find('[0-9]+')) * 1)].all(ms, ms >= 60000 && ms <= 34560000000)","message":"expected a duration from 1m to 400d (units y, w, d, h, m, s, ms, largest first, as in 1h30m)"}],"type":"string"}}}},"page":{"additionalProperties":false,"description":"Settings of the page burn-rate alert: one alert whose expression combines every page tier.","type":"object","properties":{"disabled":{"description":"Do not generate the page alert.","type":"boolean"},"labels":{"description":"Labels added to the page alert. Its severity label defaults to critical; set {severity: page} to route on page/ticket instead.","maxProperties":64,"type":"object","patternProperties":{"^[a-zA-Z_][a-zA-Z0-9_]*$":{"maxLength":1024,"type":"string"}}},"annotations":{"description":"Annotations added to the page alert.","maxProperties":64,"type":"object","patternProperties":{"^[a-zA-Z_][a-zA-Z0-9_]*$":{"maxLength":4096,"type":"string"}}}}},"ticket":{"additionalProperties":false,"description":"Settings of the ticket burn-rate alert: one alert whose expression combines every ticket tier.","type":"object","properties":{"disabled":{"description":"Do not generate the ticket alert.","type":"boolean"},"labels":{"description":"Labels added to the ticket alert. Its severity label defaults to warning; set {severity: ticket} to route on page/ticket instead.","maxProperties":64,"type":"object","patternProperties":{"^[a-zA-Z_][a-zA-Z0-9_]*$":{"maxLength":1024,"type":"string"}}},"annotations":{"description":"Annotations added to the ticket alert.","maxProperties":64,"type":"object","patternProperties":{"^[a-zA-Z_][a-zA-Z0-9_]*$":{"maxLength":4096,"type":"string"}}}}},"noData":{"additionalProperties":false,"description":"Settings of the no-data alert.","type":"object","properties":{"disabled":{"description":"Do not generate the no-data alert.","type":"boolean"},"name":{"description":"Name of the alert. Default SLAIndicatorNoData.","pattern":"^[a-zA-Z_][a-zA-Z0-9_]*$","maxLength":128,"type":"string"},"for":{"description":"How long the indicator's series must be missing before the alert fires. Default 10m. From 1m to 7d.","pattern":"^([0-9]{1,6}y)?([0-9]{1,6}w)?([0-9]{1,6}d)?([0-9]{1,8}h)?([0-9]{1,9}m)?([0-9]{1,10}s)?([0-9]{1,12}ms)?$","minLength":2,"maxLength":32,"x-kubernetes-validations":[{"rule":"[(self.find('[0-9]+y') == '' ? 0 : int(self.find('[0-9]+y').find('[0-9]+')) * 31536000000) + (self.find('[0-9]+w') == '' ? 0 : int(self.find('[0-9]+w').find('[0-9]+')) * 604800000) + (self.find('[0-9]+d') == '' ? 0 : int(self.find('[0-9]+d').find('[0-9]+')) * 86400000) + (self.find('[0-9]+h') == '' ? 0 : int(self.find('[0-9]+h').find('[0-9]+')) * 3600000) + (self.find('[0-9]+m([0-9]|$)') == '' ? 0 : int(self.find('[0-9]+m([0-9]|$)').find('[0-9]+')) * 60000) + (self.find('[0-9]+s') == '' ? 0 : int(self.find('[0-9]+s').find('[0-9]+')) * 1000) + (self.find('[0-9]+ms') == '' ? 0 : int(self.find('[0-9]+ms').find('[0-9]+')) * 1)].all(ms, ms >= 60000 && ms <= 604800000)","message":"expected a duration from 1m to 7d (units y, w, d, h, m, s, ms, largest first, as in 1h30m)"}],"type":"string"},"labels":{"description":"Labels added to the no-data alert; its severity follows the ticket alert's unless set here.","maxProperties":64,"type":"object","patternProperties":{"^[a-zA-Z_][a-zA-Z0-9_]*$":{"maxLength":1024,"type":"string"}}},"annotations":{"description":"Annotations of the no-data alert (alerting.annotations apply to burn-rate alerts only).","maxProperties":64,"type":"object","patternProperties":{"^[a-zA-Z_][a-zA-Z0-9_]*$":{"maxLength":4096,"type":"string"}}}}},"exhausted":{"additionalProperties":false,"description":"Settings of the budget-exhausted alert.","type":"object","properties":{"disabled":{"description":"Do not generate the budget-exhausted alert.","type":"boolean"},"name":{"description":"Name of the alert. Default SLAErrorBudgetExhausted.","pattern":"^[a-zA-Z_][a-zA-Z0-9_]*$","maxLength":128,"type":"string"},"labels":{"description":"Labels added to the budget-exhausted alert; its severity follows the ticket alert's unless set here.","maxProperties":64,"type":"object","patternProperties":{"^[a-zA-Z_][a-zA-Z0-9_]*$":{"maxLength":1024,"type":"string"}}},"annotations":{"description":"Annotations of the budget-exhausted alert (alerting.annotations apply to burn-rate alerts only).","maxProperties":64,"type":"object","patternProperties":{"^[a-zA-Z_][a-zA-Z0-9_]*$":{"maxLength":4096,"type":"string"}}}}}}},"maintenance":{"description":"Scheduled maintenance excluded from compliance.","maxItems":64,"type":"array","items":{"additionalProperties":false,"description":"Scheduled maintenance, excluded from compliance: either schedule and duration, or start and end.","x-kubernetes-validations":[{"rule":"(has(self.schedule) && has(self.duration) && !has(self.start) && !has(self.end)) || (has(self.start) && has(self.end) && !has(self.schedule) && !has(self.duration))","message":"give schedule and duration, or start and end"}],"type":"object","properties":{"schedule":{"description":"A cron schedule (minute hour day-of-month month day-of-week) in period.timeZone, e.g. \"0 2 * * SUN\".","maxLength":128,"type":"string"},"duration":{"description":"How long each scheduled window lasts; at most the period. From 1m to 400d.","pattern":"^([0-9]{1,6}y)?([0-9]{1,6}w)?([0-9]{1,6}d)?([0-9]{1,8}h)?([0-9]{1,9}m)?([0-9]{1,10}s)?([0-9]{1,12}ms)?$","minLength":2,"maxLength":32,"x-kubernetes-validations":[{"rule":"[(self.find('[0-9]+y') == '' ? 0 : int(self.find('[0-9]+y').find('[0-9]+')) * 31536000000) + (self.find('[0-9]+w') == '' ? 0 : int(self.find('[0-9]+w').find('[0-9]+')) * 604800000) + (self.find('[0-9]+d') == '' ? 0 : int(self.find('[0-9]+d').find('[0-9]+')) * 86400000) + (self.find('[0-9]+h') == '' ? 0 : int(self.find('[0-9]+h').find('[0-9]+')) * 3600000) + (self.find('[0-9]+m([0-9]|$)') == '' ? 0 : int(self.find('[0-9]+m([0-9]|$)').find('[0-9]+')) * 60000) + (self.find('[0-9]+s') == '' ? 0 : int(self.find('[0-9]+s').find('[0-9]+')) * 1000) + (self.find('[0-9]+ms') == '' ? 0 : int(self.find('[0-9]+ms').find('[0-9]+')) * 1)].all(ms, ms >= 60000 && ms <= 34560000000)","message":"expected a duration from 1m to 400d (units y, w, d, h, m, s, ms, largest first, as in 1h30m)"}],"type":"string"},"start":{"description":"Start of a one-off window (RFC 3339).","format":"date-time","type":"string"},"end":{"description":"End of a one-off window (RFC 3339).","format":"date-time","type":"string"},"description":{"description":"Why the window exists.","maxLength":256,"type":"string"}}}},"credits":{"description":"Service credit tiers, highest threshold first; the last tier whose threshold compliance is below applies.","maxItems":16,"type":"array","items":{"additionalProperties":false,"description":"One service credit tier.","type":"object","required":["below","credit"],"properties":{"below":{"description":"The tier applies when compliance is below this percentage.","exclusiveMinimum":0,"maximum":100,"type":"number"},"credit":{"description":"Service credit owed, in percent of the monthly fee.","minimum":0,"maximum":100,"type":"number"}}}},"dependencies":{"description":"Other SLAs this service relies on.","maxItems":64,"type":"array","items":{"additionalProperties":false,"description":"Another SLA this one relies on.","type":"object","required":["name"],"properties":{"name":{"description":"Name of the ServiceLevelAgreement this one relies on.","pattern":"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$","maxLength":253,"type":"string"},"namespace":{"description":"Its namespace; default the namespace of this SLA.","pattern":"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$","maxLength":63,"type":"string"},"weakerBecause":{"description":"Why this service can promise more than this dependency, e.g. \"retries with fallback to the secondary provider\". A dependency is otherwise taken as serial: a target above the product of the dependencies' weakest targets is refused. With a reason, this dependency is left out of that product.","minLength":1,"maxLength":1024,"type":"string"}}}},"review":{"additionalProperties":false,"description":"Periodic review of the agreement.","type":"object","required":["every"],"properties":{"every":{"description":"How often the agreement must be reviewed, e.g. 90d. From 1d to 10y.","pattern":"^([0-9]{1,6}y)?([0-9]{1,6}w)?([0-9]{1,6}d)?([0-9]{1,8}h)?([0-9]{1,9}m)?([0-9]{1,10}s)?([0-9]{1,12}ms)?$","minLength":2,"maxLength":32,"x-kubernetes-validations":[{"rule":"[(self.find('[0-9]+y') == '' ? 0 : int(self.find('[0-9]+y').find('[0-9]+')) * 31536000000) + (self.find('[0-9]+w') == '' ? 0 : int(self.find('[0-9]+w').find('[0-9]+')) * 604800000) + (self.find('[0-9]+d') == '' ? 0 : int(self.find('[0-9]+d').find('[0-9]+')) * 86400000) + (self.find('[0-9]+h') == '' ? 0 : int(self.find('[0-9]+h').find('[0-9]+')) * 3600000) + (self.find('[0-9]+m([0-9]|$)') == '' ? 0 : int(self.find('[0-9]+m([0-9]|$)').find('[0-9]+')) * 60000) + (self.find('[0-9]+s') == '' ? 0 : int(self.find('[0-9]+s').find('[0-9]+')) * 1000) + (self.find('[0-9]+ms') == '' ? 0 : int(self.find('[0-9]+ms').find('[0-9]+')) * 1)].all(ms, ms >= 86400000 && ms <= 315360000000)","message":"expected a duration from 1d to 10y (units y, w, d, h, m, s, ms, largest first, as in 1h30m)"}],"type":"string"},"lastReviewed":{"description":"Date of the last review (YYYY-MM-DD).","format":"date","type":"string"}}},"compatibility":{"additionalProperties":false,"description":"Series recorded under other tools' names, derived from this SLA's own recorded series (not from the raw series again), for dashboards users already have.","type":"object","properties":{"sloth":{"description":"Also record Sloth's series (slo:sli_error:ratio_rate<window>, slo:objective:ratio, slo:error_budget:ratio, slo:period_error_budget_remaining:ratio, sloth_slo_info ...) with Sloth's labels (sloth_service = service, sloth_slo = objective name, sloth_id, sloth_window), so Sloth's Grafana dashboards keep working.","type":"boolean"},"pyrra":{"description":"Also record the series Pyrra's Grafana dashboards read (pyrra_objective, pyrra_window, pyrra_availability, pyrra_requests:rate5m, pyrra_errors:rate5m), labelled slo = the SLA's name (<sla>-<objective> when it has several objectives).","type":"boolean"}}},"dashboard":{"additionalProperties":false,"description":"The Grafana dashboards: every SLA is shown by the shared servicelevel-sla dashboard; own adds one of its own.","type":"object","properties":{"disabled":{"description":"Do not generate a dashboard of this SLA, and leave it out of the status' dashboard link.","type":"boolean"},"own":{"description":"Generate a dashboard of this SLA alone (a ConfigMap per SLA, with its tiers' thresholds drawn) besides the shared servicelevel-sla dashboard that shows every SLA. Implied by folder and filters.","type":"boolean"},"folder":{"description":"Grafana folder of the SLA's own dashboard.","maxLength":128,"type":"string"},"filters":{"description":"Labels of spec.labels offered as variables of the SLA's own dashboard.","maxItems":16,"type":"array","items":{"description":"A label name of spec.labels.","pattern":"^[a-zA-Z_][a-zA-Z0-9_]*$","maxLength":128,"type":"string"}}}}}},"status":{"additionalProperties":false,"description":"What the operator measured; written only by the operator.","type":"object","properties":{"observedGeneration":{"description":"The generation of the spec this status describes.","minimum":0,"type":"integer"},"lastEvaluated":{"description":"When the figures were last computed.","format":"date-time","type":"string"},"period":{"additionalProperties":false,"description":"The contract period the figures cover.","type":"object","required":["start","end"],"properties":{"start":{"description":"Start of the current contract period.","format":"date-time","type":"string"},"end":{"description":"End of the current contract period.","format":"date-time","type":"string"}}},"state":{"description":"Compliant, AtRisk, Breached, NoData or Invalid.","type":"string"},"compliance":{"description":"Attained level of the worst objective for the period so far, percent.","type":"number"},"budgetRemaining":{"description":"Error budget left of the worst objective, percent.","type":"number"},"credit":{"description":"Service credit owed if the period ended now, percent of the fee.","type":"number"},"objectives":{"description":"Figures per objective.","type":"array","items":{"additionalProperties":false,"description":"What was measured for one objective.","type":"object","required":["name","target","state"],"properties":{"name":{"description":"The objective's name.","type":"string"},"attained":{"description":"Attained level over the period so far, percent.","type":"number"},"target":{"description":"The objective's target, percent.","type":"number"},"errorBudget":{"additionalProperties":false,"description":"The period's error budget.","type":"object","required":["remaining","consumed"],"properties":{"remaining":{"description":"Percent of the period's error budget left (negative when overspent).","type":"number"},"consumed":{"description":"Percent of the period's error budget spent.","type":"number"}}},"burnRate":{"description":"Burn rate per window: 1 spends the budget exactly over the period.","type":"object","patternProperties":{"^(.*)$":{"type":"number"}}},"exhaustion":{"description":"When the budget runs out at the current burn rate; absent if never.","format":"date-time","type":"string"},"incidents":{"additionalProperties":false,"description":"Incidents derived from the indicator's bad periods.","type":"object","required":["count"],"properties":{"count":{"description":"Bad periods in the contract period.","minimum":0,"type":"integer"},"mttr":{"description":"Mean time to recover.","type":"string"},"mtbf":{"description":"Mean time between failures.","type":"string"}}},"state":{"description":"Compliant, AtRisk, Breached or NoData.","type":"string"}}}},"generated":{"additionalProperties":false,"description":"What the operator generated.","type":"object","properties":{"prometheusRule":{"description":"Name of the generated PrometheusRule.","type":"string"},"dashboard":{"description":"Name of the generated dashboard ConfigMap.","type":"string"},"alertmanagerConfig":{"description":"Name of the generated AlertmanagerConfig muting the alerts during maintenance.","type":"string"},"rules":{"description":"Number of generated rules.","minimum":0,"type":"integer"}}},"conditions":{"description":"Conditions: Ready, Valid, RulesApplied, DashboardApplied, MetricsAvailable, Compliant, ReviewDue.","type":"array","items":{"additionalProperties":false,"description":"A metav1.Condition.","type":"object","required":["type","status","reason","message","lastTransitionTime"],"properties":{"type":{"description":"Type of condition: Ready, Valid, RulesApplied, DashboardApplied, AlertmanagerConfigApplied, MetricsAvailable, IndicatorMatchesData, Compliant, ReviewDue.","maxLength":316,"type":"string"},"status":{"description":"True, False or Unknown.","anyOf":[{"const":"True","type":"string"},{"const":"False","type":"string"},{"const":"Unknown","type":"string"}]},"reason":{"description":"A CamelCase reason for the last transition.","maxLength":1024,"type":"string"},"message":{"description":"Human-readable detail.","maxLength":32768,"type":"string"},"lastTransitionTime":{"description":"When the status last changed.","format":"date-time","type":"string"},"observedGeneration":{"description":"The generation the condition was computed from.","minimum":0,"type":"integer"}}}}}}}};
import func2Module from "ajv/dist/runtime/ucs2length.js";
const func2 = typeof func2Module === "function" ? func2Module : func2Module.default;
const func4 = Object.prototype.hasOwnProperty;
const pattern0 = new RegExp("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", "u");
const pattern2 = new RegExp("^(.*)$", "u");
const pattern5 = new RegExp("^[a-zA-Z_][a-zA-Z0-9_]*$", "u");
const pattern6 = new RegExp("^([0-9]{1,6}y)?([0-9]{1,6}w)?([0-9]{1,6}d)?([0-9]{1,8}h)?([0-9]{1,9}m)?([0-9]{1,10}s)?([0-9]{1,12}ms)?$", "u");
const pattern8 = new RegExp("^[a-zA-Z_:][a-zA-Z0-9_:]*$", "u");
const formats0 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;
const formats4 = /^\d{4}-\d{2}-\d{2}$/;

function validate10(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.apiVersion === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "apiVersion"},message:"must have required property '"+"apiVersion"+"'",schema:schema11.required,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.kind === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema11.required,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.metadata === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "metadata"},message:"must have required property '"+"metadata"+"'",schema:schema11.required,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.spec === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "spec"},message:"must have required property '"+"spec"+"'",schema:schema11.required,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
for(const key0 in data){
if(!(((((key0 === "apiVersion") || (key0 === "kind")) || (key0 === "metadata")) || (key0 === "spec")) || (key0 === "status"))){
const err4 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.apiVersion !== undefined){
let data0 = data.apiVersion;
if(typeof data0 !== "string"){
const err5 = {instancePath:instancePath+"/apiVersion",schemaPath:"#/properties/apiVersion/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.apiVersion.type,parentSchema:schema11.properties.apiVersion,data:data0};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if("servicelevel.dev/v1alpha1" !== data0){
const err6 = {instancePath:instancePath+"/apiVersion",schemaPath:"#/properties/apiVersion/const",keyword:"const",params:{allowedValue: "servicelevel.dev/v1alpha1"},message:"must be equal to constant",schema:"servicelevel.dev/v1alpha1",parentSchema:schema11.properties.apiVersion,data:data0};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.kind !== undefined){
let data1 = data.kind;
if(typeof data1 !== "string"){
const err7 = {instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.kind.type,parentSchema:schema11.properties.kind,data:data1};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if("ServiceLevelAgreement" !== data1){
const err8 = {instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/const",keyword:"const",params:{allowedValue: "ServiceLevelAgreement"},message:"must be equal to constant",schema:"ServiceLevelAgreement",parentSchema:schema11.properties.kind,data:data1};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.metadata !== undefined){
let data2 = data.metadata;
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
if(data2.name === undefined){
const err9 = {instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema11.properties.metadata.required,parentSchema:schema11.properties.metadata,data:data2};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(data2.name !== undefined){
let data3 = data2.name;
if(typeof data3 === "string"){
if(func2(data3) > 63){
const err10 = {instancePath:instancePath+"/metadata/name",schemaPath:"#/properties/metadata/properties/name/maxLength",keyword:"maxLength",params:{limit: 63},message:"must NOT have more than 63 characters",schema:63,parentSchema:schema11.properties.metadata.properties.name,data:data3};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(!pattern0.test(data3)){
const err11 = {instancePath:instancePath+"/metadata/name",schemaPath:"#/properties/metadata/properties/name/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"+"\"",schema:"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$",parentSchema:schema11.properties.metadata.properties.name,data:data3};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
else {
const err12 = {instancePath:instancePath+"/metadata/name",schemaPath:"#/properties/metadata/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.metadata.properties.name.type,parentSchema:schema11.properties.metadata.properties.name,data:data3};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data2.namespace !== undefined){
let data4 = data2.namespace;
if(typeof data4 === "string"){
if(func2(data4) > 63){
const err13 = {instancePath:instancePath+"/metadata/namespace",schemaPath:"#/properties/metadata/properties/namespace/maxLength",keyword:"maxLength",params:{limit: 63},message:"must NOT have more than 63 characters",schema:63,parentSchema:schema11.properties.metadata.properties.namespace,data:data4};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if(!pattern0.test(data4)){
const err14 = {instancePath:instancePath+"/metadata/namespace",schemaPath:"#/properties/metadata/properties/namespace/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"+"\"",schema:"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$",parentSchema:schema11.properties.metadata.properties.namespace,data:data4};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
else {
const err15 = {instancePath:instancePath+"/metadata/namespace",schemaPath:"#/properties/metadata/properties/namespace/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.metadata.properties.namespace.type,parentSchema:schema11.properties.metadata.properties.namespace,data:data4};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data2.labels !== undefined){
let data5 = data2.labels;
if(data5 && typeof data5 == "object" && !Array.isArray(data5)){
for(const key1 in data5){
if(pattern2.test(key1)){
let data6 = data5[key1];
if(typeof data6 !== "string"){
const err16 = {instancePath:instancePath+"/metadata/labels/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/metadata/properties/labels/patternProperties/%5E(.*)%24/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.metadata.properties.labels.patternProperties["^(.*)$"].type,parentSchema:schema11.properties.metadata.properties.labels.patternProperties["^(.*)$"],data:data6};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
}
}
else {
const err17 = {instancePath:instancePath+"/metadata/labels",schemaPath:"#/properties/metadata/properties/labels/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.metadata.properties.labels.type,parentSchema:schema11.properties.metadata.properties.labels,data:data5};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data2.annotations !== undefined){
let data7 = data2.annotations;
if(data7 && typeof data7 == "object" && !Array.isArray(data7)){
for(const key2 in data7){
if(pattern2.test(key2)){
let data8 = data7[key2];
if(typeof data8 !== "string"){
const err18 = {instancePath:instancePath+"/metadata/annotations/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/metadata/properties/annotations/patternProperties/%5E(.*)%24/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.metadata.properties.annotations.patternProperties["^(.*)$"].type,parentSchema:schema11.properties.metadata.properties.annotations.patternProperties["^(.*)$"],data:data8};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
}
}
else {
const err19 = {instancePath:instancePath+"/metadata/annotations",schemaPath:"#/properties/metadata/properties/annotations/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.metadata.properties.annotations.type,parentSchema:schema11.properties.metadata.properties.annotations,data:data7};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
}
else {
const err20 = {instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.metadata.type,parentSchema:schema11.properties.metadata,data:data2};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
if(data.spec !== undefined){
let data9 = data.spec;
if(data9 && typeof data9 == "object" && !Array.isArray(data9)){
if(data9.service === undefined){
const err21 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/required",keyword:"required",params:{missingProperty: "service"},message:"must have required property '"+"service"+"'",schema:schema11.properties.spec.required,parentSchema:schema11.properties.spec,data:data9};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
if(data9.owner === undefined){
const err22 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/required",keyword:"required",params:{missingProperty: "owner"},message:"must have required property '"+"owner"+"'",schema:schema11.properties.spec.required,parentSchema:schema11.properties.spec,data:data9};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
if(data9.objectives === undefined){
const err23 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/required",keyword:"required",params:{missingProperty: "objectives"},message:"must have required property '"+"objectives"+"'",schema:schema11.properties.spec.required,parentSchema:schema11.properties.spec,data:data9};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
for(const key3 in data9){
if(!(func4.call(schema11.properties.spec.properties, key3))){
const err24 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec,data:data9};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data9.service !== undefined){
let data10 = data9.service;
if(typeof data10 === "string"){
if(func2(data10) > 63){
const err25 = {instancePath:instancePath+"/spec/service",schemaPath:"#/properties/spec/properties/service/maxLength",keyword:"maxLength",params:{limit: 63},message:"must NOT have more than 63 characters",schema:63,parentSchema:schema11.properties.spec.properties.service,data:data10};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
if(!pattern0.test(data10)){
const err26 = {instancePath:instancePath+"/spec/service",schemaPath:"#/properties/spec/properties/service/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"+"\"",schema:"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$",parentSchema:schema11.properties.spec.properties.service,data:data10};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
else {
const err27 = {instancePath:instancePath+"/spec/service",schemaPath:"#/properties/spec/properties/service/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.service.type,parentSchema:schema11.properties.spec.properties.service,data:data10};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
if(data9.owner !== undefined){
let data11 = data9.owner;
if(typeof data11 === "string"){
if(func2(data11) > 253){
const err28 = {instancePath:instancePath+"/spec/owner",schemaPath:"#/properties/spec/properties/owner/maxLength",keyword:"maxLength",params:{limit: 253},message:"must NOT have more than 253 characters",schema:253,parentSchema:schema11.properties.spec.properties.owner,data:data11};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
if(func2(data11) < 1){
const err29 = {instancePath:instancePath+"/spec/owner",schemaPath:"#/properties/spec/properties/owner/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.spec.properties.owner,data:data11};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
else {
const err30 = {instancePath:instancePath+"/spec/owner",schemaPath:"#/properties/spec/properties/owner/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.owner.type,parentSchema:schema11.properties.spec.properties.owner,data:data11};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
if(data9.description !== undefined){
let data12 = data9.description;
if(typeof data12 === "string"){
if(func2(data12) > 1024){
const err31 = {instancePath:instancePath+"/spec/description",schemaPath:"#/properties/spec/properties/description/maxLength",keyword:"maxLength",params:{limit: 1024},message:"must NOT have more than 1024 characters",schema:1024,parentSchema:schema11.properties.spec.properties.description,data:data12};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
else {
const err32 = {instancePath:instancePath+"/spec/description",schemaPath:"#/properties/spec/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.description.type,parentSchema:schema11.properties.spec.properties.description,data:data12};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
if(data9.tier !== undefined){
let data13 = data9.tier;
if(typeof data13 === "string"){
if(func2(data13) > 63){
const err33 = {instancePath:instancePath+"/spec/tier",schemaPath:"#/properties/spec/properties/tier/maxLength",keyword:"maxLength",params:{limit: 63},message:"must NOT have more than 63 characters",schema:63,parentSchema:schema11.properties.spec.properties.tier,data:data13};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
else {
const err34 = {instancePath:instancePath+"/spec/tier",schemaPath:"#/properties/spec/properties/tier/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.tier.type,parentSchema:schema11.properties.spec.properties.tier,data:data13};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
if(data9.labels !== undefined){
let data14 = data9.labels;
if(data14 && typeof data14 == "object" && !Array.isArray(data14)){
if(Object.keys(data14).length > 64){
const err35 = {instancePath:instancePath+"/spec/labels",schemaPath:"#/properties/spec/properties/labels/maxProperties",keyword:"maxProperties",params:{limit: 64},message:"must NOT have more than 64 properties",schema:64,parentSchema:schema11.properties.spec.properties.labels,data:data14};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
for(const key4 in data14){
if(pattern5.test(key4)){
let data15 = data14[key4];
if(typeof data15 === "string"){
if(func2(data15) > 1024){
const err36 = {instancePath:instancePath+"/spec/labels/" + key4.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/labels/patternProperties/%5E%5Ba-zA-Z_%5D%5Ba-zA-Z0-9_%5D*%24/maxLength",keyword:"maxLength",params:{limit: 1024},message:"must NOT have more than 1024 characters",schema:1024,parentSchema:schema11.properties.spec.properties.labels.patternProperties["^[a-zA-Z_][a-zA-Z0-9_]*$"],data:data15};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
else {
const err37 = {instancePath:instancePath+"/spec/labels/" + key4.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/labels/patternProperties/%5E%5Ba-zA-Z_%5D%5Ba-zA-Z0-9_%5D*%24/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.labels.patternProperties["^[a-zA-Z_][a-zA-Z0-9_]*$"].type,parentSchema:schema11.properties.spec.properties.labels.patternProperties["^[a-zA-Z_][a-zA-Z0-9_]*$"],data:data15};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
}
}
else {
const err38 = {instancePath:instancePath+"/spec/labels",schemaPath:"#/properties/spec/properties/labels/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.labels.type,parentSchema:schema11.properties.spec.properties.labels,data:data14};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
if(data9.period !== undefined){
let data16 = data9.period;
if(data16 && typeof data16 == "object" && !Array.isArray(data16)){
for(const key5 in data16){
if(!(((key5 === "rolling") || (key5 === "calendar")) || (key5 === "timeZone"))){
const err39 = {instancePath:instancePath+"/spec/period",schemaPath:"#/properties/spec/properties/period/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.period,data:data16};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
if(data16.rolling !== undefined){
let data17 = data16.rolling;
if(typeof data17 === "string"){
if(func2(data17) > 32){
const err40 = {instancePath:instancePath+"/spec/period/rolling",schemaPath:"#/properties/spec/properties/period/properties/rolling/maxLength",keyword:"maxLength",params:{limit: 32},message:"must NOT have more than 32 characters",schema:32,parentSchema:schema11.properties.spec.properties.period.properties.rolling,data:data17};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
if(func2(data17) < 2){
const err41 = {instancePath:instancePath+"/spec/period/rolling",schemaPath:"#/properties/spec/properties/period/properties/rolling/minLength",keyword:"minLength",params:{limit: 2},message:"must NOT have fewer than 2 characters",schema:2,parentSchema:schema11.properties.spec.properties.period.properties.rolling,data:data17};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
if(!pattern6.test(data17)){
const err42 = {instancePath:instancePath+"/spec/period/rolling",schemaPath:"#/properties/spec/properties/period/properties/rolling/pattern",keyword:"pattern",params:{pattern: "^([0-9]{1,6}y)?([0-9]{1,6}w)?([0-9]{1,6}d)?([0-9]{1,8}h)?([0-9]{1,9}m)?([0-9]{1,10}s)?([0-9]{1,12}ms)?$"},message:"must match pattern \""+"^([0-9]{1,6}y)?([0-9]{1,6}w)?([0-9]{1,6}d)?([0-9]{1,8}h)?([0-9]{1,9}m)?([0-9]{1,10}s)?([0-9]{1,12}ms)?$"+"\"",schema:"^([0-9]{1,6}y)?([0-9]{1,6}w)?([0-9]{1,6}d)?([0-9]{1,8}h)?([0-9]{1,9}m)?([0-9]{1,10}s)?([0-9]{1,12}ms)?$",parentSchema:schema11.properties.spec.properties.period.properties.rolling,data:data17};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
else {
const err43 = {instancePath:instancePath+"/spec/period/rolling",schemaPath:"#/properties/spec/properties/period/properties/rolling/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.period.properties.rolling.type,parentSchema:schema11.properties.spec.properties.period.properties.rolling,data:data17};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
if(data16.calendar !== undefined){
let data18 = data16.calendar;
const _errs42 = errors;
let valid7 = false;
const _errs43 = errors;
if(typeof data18 !== "string"){
const err44 = {instancePath:instancePath+"/spec/period/calendar",schemaPath:"#/properties/spec/properties/period/properties/calendar/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.period.properties.calendar.anyOf[0].type,parentSchema:schema11.properties.spec.properties.period.properties.calendar.anyOf[0],data:data18};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
if("week" !== data18){
const err45 = {instancePath:instancePath+"/spec/period/calendar",schemaPath:"#/properties/spec/properties/period/properties/calendar/anyOf/0/const",keyword:"const",params:{allowedValue: "week"},message:"must be equal to constant",schema:"week",parentSchema:schema11.properties.spec.properties.period.properties.calendar.anyOf[0],data:data18};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
var _valid0 = _errs43 === errors;
valid7 = valid7 || _valid0;
if(!valid7){
const _errs45 = errors;
if(typeof data18 !== "string"){
const err46 = {instancePath:instancePath+"/spec/period/calendar",schemaPath:"#/properties/spec/properties/period/properties/calendar/anyOf/1/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.period.properties.calendar.anyOf[1].type,parentSchema:schema11.properties.spec.properties.period.properties.calendar.anyOf[1],data:data18};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
if("month" !== data18){
const err47 = {instancePath:instancePath+"/spec/period/calendar",schemaPath:"#/properties/spec/properties/period/properties/calendar/anyOf/1/const",keyword:"const",params:{allowedValue: "month"},message:"must be equal to constant",schema:"month",parentSchema:schema11.properties.spec.properties.period.properties.calendar.anyOf[1],data:data18};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
var _valid0 = _errs45 === errors;
valid7 = valid7 || _valid0;
if(!valid7){
const _errs47 = errors;
if(typeof data18 !== "string"){
const err48 = {instancePath:instancePath+"/spec/period/calendar",schemaPath:"#/properties/spec/properties/period/properties/calendar/anyOf/2/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.period.properties.calendar.anyOf[2].type,parentSchema:schema11.properties.spec.properties.period.properties.calendar.anyOf[2],data:data18};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
if("quarter" !== data18){
const err49 = {instancePath:instancePath+"/spec/period/calendar",schemaPath:"#/properties/spec/properties/period/properties/calendar/anyOf/2/const",keyword:"const",params:{allowedValue: "quarter"},message:"must be equal to constant",schema:"quarter",parentSchema:schema11.properties.spec.properties.period.properties.calendar.anyOf[2],data:data18};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
var _valid0 = _errs47 === errors;
valid7 = valid7 || _valid0;
}
}
if(!valid7){
const err50 = {instancePath:instancePath+"/spec/period/calendar",schemaPath:"#/properties/spec/properties/period/properties/calendar/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema11.properties.spec.properties.period.properties.calendar.anyOf,parentSchema:schema11.properties.spec.properties.period.properties.calendar,data:data18};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
else {
errors = _errs42;
if(vErrors !== null){
if(_errs42){
vErrors.length = _errs42;
}
else {
vErrors = null;
}
}
}
}
if(data16.timeZone !== undefined){
let data19 = data16.timeZone;
if(typeof data19 === "string"){
if(func2(data19) > 64){
const err51 = {instancePath:instancePath+"/spec/period/timeZone",schemaPath:"#/properties/spec/properties/period/properties/timeZone/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters",schema:64,parentSchema:schema11.properties.spec.properties.period.properties.timeZone,data:data19};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
}
else {
const err52 = {instancePath:instancePath+"/spec/period/timeZone",schemaPath:"#/properties/spec/properties/period/properties/timeZone/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.period.properties.timeZone.type,parentSchema:schema11.properties.spec.properties.period.properties.timeZone,data:data19};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
}
}
else {
const err53 = {instancePath:instancePath+"/spec/period",schemaPath:"#/properties/spec/properties/period/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.period.type,parentSchema:schema11.properties.spec.properties.period,data:data16};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
}
if(data9.objectives !== undefined){
let data20 = data9.objectives;
if(Array.isArray(data20)){
if(data20.length > 32){
const err54 = {instancePath:instancePath+"/spec/objectives",schemaPath:"#/properties/spec/properties/objectives/maxItems",keyword:"maxItems",params:{limit: 32},message:"must NOT have more than 32 items",schema:32,parentSchema:schema11.properties.spec.properties.objectives,data:data20};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
if(data20.length < 1){
const err55 = {instancePath:instancePath+"/spec/objectives",schemaPath:"#/properties/spec/properties/objectives/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema11.properties.spec.properties.objectives,data:data20};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
const len0 = data20.length;
for(let i0=0; i0<len0; i0++){
let data21 = data20[i0];
if(data21 && typeof data21 == "object" && !Array.isArray(data21)){
if(data21.name === undefined){
const err56 = {instancePath:instancePath+"/spec/objectives/" + i0,schemaPath:"#/properties/spec/properties/objectives/items/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema11.properties.spec.properties.objectives.items.required,parentSchema:schema11.properties.spec.properties.objectives.items,data:data21};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
if(data21.target === undefined){
const err57 = {instancePath:instancePath+"/spec/objectives/" + i0,schemaPath:"#/properties/spec/properties/objectives/items/required",keyword:"required",params:{missingProperty: "target"},message:"must have required property '"+"target"+"'",schema:schema11.properties.spec.properties.objectives.items.required,parentSchema:schema11.properties.spec.properties.objectives.items,data:data21};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
if(data21.indicator === undefined){
const err58 = {instancePath:instancePath+"/spec/objectives/" + i0,schemaPath:"#/properties/spec/properties/objectives/items/required",keyword:"required",params:{missingProperty: "indicator"},message:"must have required property '"+"indicator"+"'",schema:schema11.properties.spec.properties.objectives.items.required,parentSchema:schema11.properties.spec.properties.objectives.items,data:data21};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
for(const key6 in data21){
if(!(((((key6 === "name") || (key6 === "description")) || (key6 === "target")) || (key6 === "indicator")) || (key6 === "alerting"))){
const err59 = {instancePath:instancePath+"/spec/objectives/" + i0,schemaPath:"#/properties/spec/properties/objectives/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key6},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.objectives.items,data:data21};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
}
if(data21.name !== undefined){
let data22 = data21.name;
if(typeof data22 === "string"){
if(func2(data22) > 63){
const err60 = {instancePath:instancePath+"/spec/objectives/" + i0+"/name",schemaPath:"#/properties/spec/properties/objectives/items/properties/name/maxLength",keyword:"maxLength",params:{limit: 63},message:"must NOT have more than 63 characters",schema:63,parentSchema:schema11.properties.spec.properties.objectives.items.properties.name,data:data22};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
if(!pattern0.test(data22)){
const err61 = {instancePath:instancePath+"/spec/objectives/" + i0+"/name",schemaPath:"#/properties/spec/properties/objectives/items/properties/name/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"+"\"",schema:"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$",parentSchema:schema11.properties.spec.properties.objectives.items.properties.name,data:data22};
if(vErrors === null){
vErrors = [err61];
}
else {
vErrors.push(err61);
}
errors++;
}
}
else {
const err62 = {instancePath:instancePath+"/spec/objectives/" + i0+"/name",schemaPath:"#/properties/spec/properties/objectives/items/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.objectives.items.properties.name.type,parentSchema:schema11.properties.spec.properties.objectives.items.properties.name,data:data22};
if(vErrors === null){
vErrors = [err62];
}
else {
vErrors.push(err62);
}
errors++;
}
}
if(data21.description !== undefined){
let data23 = data21.description;
if(typeof data23 === "string"){
if(func2(data23) > 1024){
const err63 = {instancePath:instancePath+"/spec/objectives/" + i0+"/description",schemaPath:"#/properties/spec/properties/objectives/items/properties/description/maxLength",keyword:"maxLength",params:{limit: 1024},message:"must NOT have more than 1024 characters",schema:1024,parentSchema:schema11.properties.spec.properties.objectives.items.properties.description,data:data23};
if(vErrors === null){
vErrors = [err63];
}
else {
vErrors.push(err63);
}
errors++;
}
}
else {
const err64 = {instancePath:instancePath+"/spec/objectives/" + i0+"/description",schemaPath:"#/properties/spec/properties/objectives/items/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.objectives.items.properties.description.type,parentSchema:schema11.properties.spec.properties.objectives.items.properties.description,data:data23};
if(vErrors === null){
vErrors = [err64];
}
else {
vErrors.push(err64);
}
errors++;
}
}
if(data21.target !== undefined){
let data24 = data21.target;
if((typeof data24 == "number") && (isFinite(data24))){
if(data24 >= 100 || isNaN(data24)){
const err65 = {instancePath:instancePath+"/spec/objectives/" + i0+"/target",schemaPath:"#/properties/spec/properties/objectives/items/properties/target/exclusiveMaximum",keyword:"exclusiveMaximum",params:{comparison: "<", limit: 100},message:"must be < 100",schema:100,parentSchema:schema11.properties.spec.properties.objectives.items.properties.target,data:data24};
if(vErrors === null){
vErrors = [err65];
}
else {
vErrors.push(err65);
}
errors++;
}
if(data24 <= 0 || isNaN(data24)){
const err66 = {instancePath:instancePath+"/spec/objectives/" + i0+"/target",schemaPath:"#/properties/spec/properties/objectives/items/properties/target/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0",schema:0,parentSchema:schema11.properties.spec.properties.objectives.items.properties.target,data:data24};
if(vErrors === null){
vErrors = [err66];
}
else {
vErrors.push(err66);
}
errors++;
}
}
else {
const err67 = {instancePath:instancePath+"/spec/objectives/" + i0+"/target",schemaPath:"#/properties/spec/properties/objectives/items/properties/target/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema11.properties.spec.properties.objectives.items.properties.target.type,parentSchema:schema11.properties.spec.properties.objectives.items.properties.target,data:data24};
if(vErrors === null){
vErrors = [err67];
}
else {
vErrors.push(err67);
}
errors++;
}
}
if(data21.indicator !== undefined){
let data25 = data21.indicator;
if(data25 && typeof data25 == "object" && !Array.isArray(data25)){
for(const key7 in data25){
if(!((((key7 === "ratio") || (key7 === "latency")) || (key7 === "probe")) || (key7 === "raw"))){
const err68 = {instancePath:instancePath+"/spec/objectives/" + i0+"/indicator",schemaPath:"#/properties/spec/properties/objectives/items/properties/indicator/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key7},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.objectives.items.properties.indicator,data:data25};
if(vErrors === null){
vErrors = [err68];
}
else {
vErrors.push(err68);
}
errors++;
}
}
if(data25.ratio !== undefined){
let data26 = data25.ratio;
if(data26 && typeof data26 == "object" && !Array.isArray(data26)){
if(data26.total === undefined){
const err69 = {instancePath:instancePath+"/spec/objectives/" + i0+"/indicator/ratio",schemaPath:"#/properties/spec/properties/objectives/items/properties/indicator/properties/ratio/required",keyword:"required",params:{missingProperty: "total"},message:"must have required property '"+"total"+"'",schema:schema11.properties.spec.properties.objectives.items.properties.indicator.properties.ratio.required,parentSchema:schema11.properties.spec.properties.objectives.items.properties.indicator.properties.ratio,data:data26};
if(vErrors === null){
vErrors = [err69];
}
else {
vErrors.push(err69);
}
errors++;
}
for(const key8 in data26){
if(!(((key8 === "errors") || (key8 === "good")) || (key8 === "total"))){
const err70 = {instancePath:instancePath+"/spec/objectives/" + i0+"/indicator/ratio",schemaPath:"#/properties/spec/properties/objectives/items/properties/indicator/properties/ratio/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key8},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.objectives.items.properties.indicator.properties.ratio,data:data26};
if(vErrors === null){
vErrors = [err70];
}
else {
vErrors.push(err70);
}
errors++;
}
}
if(data26.errors !== undefined){
let data27 = data26.errors;
if(typeof data27 === "string"){
if(func2(data27) > 8192){
const err71 = {instancePath:instancePath+"/spec/objectives/" + i0+"/indicator/ratio/errors",schemaPath:"#/properties/spec/properties/objectives/items/properties/indicator/properties/ratio/properties/errors/maxLength",keyword:"maxLength",params:{limit: 8192},message:"must NOT have more than 8192 characters",schema:8192,parentSchema:schema11.properties.spec.properties.objectives.items.properties.indicator.properties.ratio.properties.errors,data:data27};
if(vErrors === null){
vErrors = [err71];
}
else {
vErrors.push(err71);
}
errors++;
}
if(func2(data27) < 1){
const err72 = {instancePath:instancePath+"/spec/objectives/" + i0+"/indicator/ratio/errors",schemaPath:"#/properties/spec/properties/objectives/items/properties/indicator/properties/ratio/properties/errors/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.spec.properties.objectives.items.properties.indicator.properties.ratio.properties.errors,data:data27};
if(vErrors === null){
vErrors = [err72];
}
else {
vErrors.push(err72);
}
errors++;
}
}
else {
const err73 = {instancePath:instancePath+"/spec/objectives/" + i0+"/indicator/ratio/errors",schemaPath:"#/properties/spec/properties/objectives/items/properties/indicator/properties/ratio/properties/errors/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.objectives.items.properties.indicator.properties.ratio.properties.errors.type,parentSchema:schema11.properties.spec.properties.objectives.items.properties.indicator.properties.ratio.properties.errors,data:data27};
if(vErrors === null){
vErrors = [err73];
}
else {
vErrors.push(err73);
}
errors++;
}
}
if(data26.good !== undefined){
let data28 = data26.good;
if(typeof data28 === "string"){
if(func2(data28) > 8192){
const err74 = {instancePath:instancePath+"/spec/objectives/" + i0+"/indicator/ratio/good",schemaPath:"#/properties/spec/properties/objectives/items/properties/indicator/properties/ratio/properties/good/maxLength",keyword:"maxLength",params:{limit: 8192},message:"must NOT have more than 8192 characters",schema:8192,parentSchema:schema11.properties.spec.properties.objectives.items.properties.indicator.properties.ratio.properties.good,data:data28};
if(vErrors === null){
vErrors = [err74];
}
else {
vErrors.push(err74);
}
errors++;
}
if(func2(data28) < 1){
const err75 = {instancePath:instancePath+"/spec/objectives/" + i0+"/indicator/ratio/good",schemaPath:"#/properties/spec/properties/objectives/items/properties/indicator/properties/ratio/properties/good/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.spec.properties.objectives.items.properties.indicator.properties.ratio.properties.good,data:data28};
if(vErrors === null){
vErrors = [err75];
}
else {
vErrors.push(err75);
}
errors++;
}
}
else {
const err76 = {instancePath:instancePath+"/spec/objectives/" + i0+"/indicator/ratio/good",schemaPath:"#/properties/spec/properties/objectives/items/properties/indicator/properties/ratio/properties/good/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.objectives.items.properties.indicator.properties.ratio.properties.good.type,parentSchema:schema11.properties.spec.properties.objectives.items.properties.indicator.properties.ratio.properties.good,data:data28};
if(vErrors === null){
vErrors = [err76];
}
else {
vErrors.push(err76);
}
errors++;
}
}
if(data26.total !== undefined){
let data29 = data26.total;
if(typeof data29 === "string"){
if(func2(data29) > 8192){
const err77 = {instancePath:instancePath+"/spec/objectives/" + i0+"/indicator/ratio/total",schemaPath:"#/properties/spec/properties/objectives/items/properties/indicator/properties/ratio/properties/total/maxLength",keyword:"maxLength",params:{limit: 8192},message:"must NOT have more than 8192 characters",schema:8192,parentSchema:schema11.properties.spec.properties.objectives.items.properties.indicator.properties.ratio.properties.total,data:data29};
if(vErrors === null){
vErrors = [err77];
}
else {
vErrors.push(err77);
}
errors++;
}
if(func2(data29) < 1){
const err78 = {instancePath:instancePath+"/spec/objectives/" + i0+"/indicator/ratio/total",schemaPath:"#/properties/spec/properties/objectives/items/properties/indicator/properties/ratio/properties/total/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.spec.properties.objectives.items.properties.indicator.properties.ratio.properties.total,data:data29};
if(vErrors === null){
vErrors = [err78];
}
else {
vErrors.push(err78);
}
errors++;
}
}
else {
const err79 = {instancePath:instancePath+"/spec/objectives/" + i0+"/indicator/ratio/total",schemaPath:"#/properties/spec/properties/objectives/items/properties/indicator/properties/ratio/properties/total/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.objectives.items.properties.indicator.properties.ratio.properties.total.type,parentSchema:schema11.properties.spec.properties.objectives.items.properties.indicator.properties.ratio.properties.total,data:data29};
if(vErrors === null){
vErrors = [err79];
}
else {
vErrors.push(err79);
}
errors++;
}
}
}
else {
const err80 = {instancePath:instancePath+"/spec/objectives/" + i0+"/indicator/ratio",schemaPath:"#/properties/spec/properties/objectives/items/properties/indicator/properties/ratio/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.objectives.items.properties.indicator.properties.ratio.type,parentSchema:schema11.properties.spec.properties.objectives.items.properties.indicator.properties.ratio,data:data26};
if(vErrors === null){
vErrors = [err80];
}
else {
vErrors.push(err80);
}
errors++;
}
}
if(data25.latency !== undefined){
let data30 = data25.latency;
if(data30 && typeof data30 == "object" && !Array.isArray(data30)){
if(data30.histogram === undefined){
const err81 = {instancePath:instancePath+"/spec/objectives/" + i0+"/indicator/latency",schemaPath:"#/properties/spec/properties/objectives/items/properties/indicator/properties/latency/required",keyword:"required",params:{missingProperty: "histogram"},message:"must have required property '"+"histogram"+"'",schema:schema11.properties.spec.properties.objectives.items.properties.indicator.properties.latency.required,parentSchema:schema11.properties.spec.properties.objectives.items.properties.indicator.properties.latency,data:data30};
if(vErrors === null){
vErrors = [err81];
}
else {
vErrors.push(err81);
}
errors++;
}
if(data30.threshold === undefined){
const err82 = {instancePath:instancePath+"/spec/objectives/" + i0+"/indicator/latency",schemaPath:"#/properties/spec/properties/objectives/items/properties/indicator/properties/latency/required",keyword:"required",params:{missingProperty: "threshold"},message:"must have required property '"+"threshold"+"'",schema:schema11.properties.spec.properties.objectives.items.properties.indicator.properties.latency.required,parentSchema:schema11.properties.spec.properties.objectives.items.properties.indicator.properties.latency,data:data30};
if(vErrors === null){
vErrors = [err82];
}
else {
vErrors.push(err82);
}
errors++;
}
for(const key9 in data30){
if(!((((key9 === "histogram") || (key9 === "selector")) || (key9 === "threshold")) || (key9 === "native"))){
const err83 = {instancePath:instancePath+"/spec/objectives/" + i0+"/indicator/latency",schemaPath:"#/properties/spec/properties/objectives/items/properties/indicator/properties/latency/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key9},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.objectives.items.properties.indicator.properties.latency,data:data30};
if(vErrors === null){
vErrors = [err83];
}
else {
vErrors.push(err83);
}
errors++;
}
}
if(data30.histogram !== undefined){
let data31 = data30.histogram;
if(typeof data31 === "string"){
if(func2(data31) > 256){
const err84 = {instancePath:instancePath+"/spec/objectives/" + i0+"/indicator/latency/histogram",schemaPath:"#/properties/spec/properties/objectives/items/properties/indicator/properties/latency/properties/histogram/maxLength",keyword:"maxLength",params:{limit: 256},message:"must NOT have more than 256 characters",schema:256,parentSchema:schema11.properties.spec.properties.objectives.items.properties.indicator.properties.latency.properties.histogram,data:data31};
if(vErrors === null){
vErrors = [err84];
}
else {
vErrors.push(err84);
}
errors++;
}
if(!pattern8.test(data31)){
const err85 = {instancePath:instancePath+"/spec/objectives/" + i0+"/indicator/latency/histogram",schemaPath:"#/properties/spec/properties/objectives/items/properties/indicator/properties/latency/properties/histogram/pattern",keyword:"pattern",params:{pattern: "^[a-zA-Z_:][a-zA-Z0-9_:]*$"},message:"must match pattern \""+"^[a-zA-Z_:][a-zA-Z0-9_:]*$"+"\"",schema:"^[a-zA-Z_:][a-zA-Z0-9_:]*$",parentSchema:schema11.properties.spec.properties.objectives.items.properties.indicator.properties.latency.properties.histogram,data:data31};
if(vErrors === null){
vErrors = [err85];
}
else {
vErrors.push(err85);
}
errors++;
}
}
else {
const err86 = {instancePath:instancePath+"/spec/objectives/" + i0+"/indicator/latency/histogram",schemaPath:"#/properties/spec/properties/objectives/items/properties/indicator/properties/latency/properties/histogram/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.objectives.items.properties.indicator.properties.latency.properties.histogram.type,parentSchema:schema11.properties.spec.properties.objectives.items.properties.indicator.properties.latency.properties.histogram,data:data31};
if(vErrors === null){
vErrors = [err86];
}
else {
vErrors.push(err86);
}
errors++;
}
}
if(data30.selector !== undefined){
let data32 = data30.selector;
if(data32 && typeof data32 == "object" && !Array.isArray(data32)){
if(Object.keys(data32).length > 64){
const err87 = {instancePath:instancePath+"/spec/objectives/" + i0+"/indicator/latency/selector",schemaPath:"#/properties/spec/properties/objectives/items/properties/indicator/properties/latency/properties/selector/maxProperties",keyword:"maxProperties",params:{limit: 64},message:"must NOT have more than 64 properties",schema:64,parentSchema:schema11.properties.spec.properties.objectives.items.properties.indicator.properties.latency.properties.selector,data:data32};
if(vErrors === null){
vErrors = [err87];
}
else {
vErrors.push(err87);
}
errors++;
}
for(const key10 in data32){
if(pattern5.test(key10)){
let data33 = data32[key10];
if(typeof data33 === "string"){
if(func2(data33) > 1024){
const err88 = {instancePath:instancePath+"/spec/objectives/" + i0+"/indicator/latency/selector/" + key10.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/objectives/items/properties/indicator/properties/latency/properties/selector/patternProperties/%5E%5Ba-zA-Z_%5D%5Ba-zA-Z0-9_%5D*%24/maxLength",keyword:"maxLength",params:{limit: 1024},message:"must NOT have more than 1024 characters",schema:1024,parentSchema:schema11.properties.spec.properties.objectives.items.properties.indicator.properties.latency.properties.selector.patternProperties["^[a-zA-Z_][a-zA-Z0-9_]*$"],data:data33};
if(vErrors === null){
vErrors = [err88];
}
else {
vErrors.push(err88);
}
errors++;
}
}
else {
const err89 = {instancePath:instancePath+"/spec/objectives/" + i0+"/indicator/latency/selector/" + key10.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/objectives/items/properties/indicator/properties/latency/properties/selector/patternProperties/%5E%5Ba-zA-Z_%5D%5Ba-zA-Z0-9_%5D*%24/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.objectives.items.properties.indicator.properties.latency.properties.selector.patternProperties["^[a-zA-Z_][a-zA-Z0-9_]*$"].type,parentSchema:schema11.properties.spec.properties.objectives.items.properties.indicator.properties.latency.properties.selector.patternProperties["^[a-zA-Z_][a-zA-Z0-9_]*$"],data:data33};
if(vErrors === null){
vErrors = [err89];
}
else {
vErrors.push(err89);
}
errors++;
}
}
}
}
else {
const err90 = {instancePath:instancePath+"/spec/objectives/" + i0+"/indicator/latency/selector",schemaPath:"#/properties/spec/properties/objectives/items/properties/indicator/properties/latency/properties/selector/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.objectives.items.properties.indicator.properties.latency.properties.selector.type,parentSchema:schema11.properties.spec.properties.objectives.items.properties.indicator.properties.latency.properties.selector,data:data32};
if(vErrors === null){
vErrors = [err90];
}
else {
vErrors.push(err90);
}
errors++;
}
}
if(data30.threshold !== undefined){
let data34 = data30.threshold;
if(typeof data34 === "string"){
if(func2(data34) > 32){
const err91 = {instancePath:instancePath+"/spec/objectives/" + i0+"/indicator/latency/threshold",schemaPath:"#/properties/spec/properties/objectives/items/properties/indicator/properties/latency/properties/threshold/maxLength",keyword:"maxLength",params:{limit: 32},message:"must NOT have more than 32 characters",schema:32,parentSchema:schema11.properties.spec.properties.objectives.items.properties.indicator.properties.latency.properties.threshold,data:data34};
if(vErrors === null){
vErrors = [err91];
}
else {
vErrors.push(err91);
}
errors++;
}
if(func2(data34) < 2){
const err92 = {instancePath:instancePath+"/spec/objectives/" + i0+"/indicator/latency/threshold",schemaPath:"#/properties/spec/properties/objectives/items/properties/indicator/properties/latency/properties/threshold/minLength",keyword:"minLength",params:{limit: 2},message:"must NOT have fewer than 2 characters",schema:2,parentSchema:schema11.properties.spec.properties.objectives.items.properties.indicator.properties.latency.properties.threshold,data:data34};
if(vErrors === null){
vErrors = [err92];
}
else {
vErrors.push(err92);
}
errors++;
}
if(!pattern6.test(data34)){
const err93 = {instancePath:instancePath+"/spec/objectives/" + i0+"/indicator/latency/threshold",schemaPath:"#/properties/spec/properties/objectives/items/properties/indicator/properties/latency/properties/threshold/pattern",keyword:"pattern",params:{pattern: "^([0-9]{1,6}y)?([0-9]{1,6}w)?([0-9]{1,6}d)?([0-9]{1,8}h)?([0-9]{1,9}m)?([0-9]{1,10}s)?([0-9]{1,12}ms)?$"},message:"must match pattern \""+"^([0-9]{1,6}y)?([0-9]{1,6}w)?([0-9]{1,6}d)?([0-9]{1,8}h)?([0-9]{1,9}m)?([0-9]{1,10}s)?([0-9]{1,12}ms)?$"+"\"",schema:"^([0-9]{1,6}y)?([0-9]{1,6}w)?([0-9]{1,6}d)?([0-9]{1,8}h)?([0-9]{1,9}m)?([0-9]{1,10}s)?([0-9]{1,12}ms)?$",parentSchema:schema11.properties.spec.properties.objectives.items.properties.indicator.properties.latency.properties.threshold,data:data34};
if(vErrors === null){
vErrors = [err93];
}
else {
vErrors.push(err93);
}
errors++;
}
}
else {
const err94 = {instancePath:instancePath+"/spec/objectives/" + i0+"/indicator/latency/threshold",schemaPath:"#/properties/spec/properties/objectives/items/properties/indicator/properties/latency/properties/threshold/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.objectives.items.properties.indicator.properties.latency.properties.threshold.type,parentSchema:schema11.properties.spec.properties.objectives.items.properties.indicator.properties.latency.properties.threshold,data:data34};
if(vErrors === null){
vErrors = [err94];
}
else {
vErrors.push(err94);
}
errors++;
}
}
if(data30.native !== undefined){
let data35 = data30.native;
if(typeof data35 !== "boolean"){
const err95 = {instancePath:instancePath+"/spec/objectives/" + i0+"/indicator/latency/native",schemaPath:"#/properties/spec/properties/objectives/items/properties/indicator/properties/latency/properties/native/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.spec.properties.objectives.items.properties.indicator.properties.latency.properties.native.type,parentSchema:schema11.properties.spec.properties.objectives.items.properties.indicator.properties.latency.properties.native,data:data35};
if(vErrors === null){
vErrors = [err95];
}
else {
vErrors.push(err95);
}
errors++;
}
}
}
else {
const err96 = {instancePath:instancePath+"/spec/objectives/" + i0+"/indicator/latency",schemaPath:"#/properties/spec/properties/objectives/items/properties/indicator/properties/latency/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.objectives.items.properties.indicator.properties.latency.type,parentSchema:schema11.properties.spec.properties.objectives.items.properties.indicator.properties.latency,data:data30};
if(vErrors === null){
vErrors = [err96];
}
else {
vErrors.push(err96);
}
errors++;
}
}
if(data25.probe !== undefined){
let data36 = data25.probe;
if(data36 && typeof data36 == "object" && !Array.isArray(data36)){
if(data36.metric === undefined){
const err97 = {instancePath:instancePath+"/spec/objectives/" + i0+"/indicator/probe",schemaPath:"#/properties/spec/properties/objectives/items/properties/indicator/properties/probe/required",keyword:"required",params:{missingProperty: "metric"},message:"must have required property '"+"metric"+"'",schema:schema11.properties.spec.properties.objectives.items.properties.indicator.properties.probe.required,parentSchema:schema11.properties.spec.properties.objectives.items.properties.indicator.properties.probe,data:data36};
if(vErrors === null){
vErrors = [err97];
}
else {
vErrors.push(err97);
}
errors++;
}
for(const key11 in data36){
if(!((key11 === "metric") || (key11 === "selector"))){
const err98 = {instancePath:instancePath+"/spec/objectives/" + i0+"/indicator/probe",schemaPath:"#/properties/spec/properties/objectives/items/properties/indicator/properties/probe/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key11},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.objectives.items.properties.indicator.properties.probe,data:data36};
if(vErrors === null){
vErrors = [err98];
}
else {
vErrors.push(err98);
}
errors++;
}
}
if(data36.metric !== undefined){
let data37 = data36.metric;
if(typeof data37 === "string"){
if(func2(data37) > 256){
const err99 = {instancePath:instancePath+"/spec/objectives/" + i0+"/indicator/probe/metric",schemaPath:"#/properties/spec/properties/objectives/items/properties/indicator/properties/probe/properties/metric/maxLength",keyword:"maxLength",params:{limit: 256},message:"must NOT have more than 256 characters",schema:256,parentSchema:schema11.properties.spec.properties.objectives.items.properties.indicator.properties.probe.properties.metric,data:data37};
if(vErrors === null){
vErrors = [err99];
}
else {
vErrors.push(err99);
}
errors++;
}
if(!pattern8.test(data37)){
const err100 = {instancePath:instancePath+"/spec/objectives/" + i0+"/indicator/probe/metric",schemaPath:"#/properties/spec/properties/objectives/items/properties/indicator/properties/probe/properties/metric/pattern",keyword:"pattern",params:{pattern: "^[a-zA-Z_:][a-zA-Z0-9_:]*$"},message:"must match pattern \""+"^[a-zA-Z_:][a-zA-Z0-9_:]*$"+"\"",schema:"^[a-zA-Z_:][a-zA-Z0-9_:]*$",parentSchema:schema11.properties.spec.properties.objectives.items.properties.indicator.properties.probe.properties.metric,data:data37};
if(vErrors === null){
vErrors = [err100];
}
else {
vErrors.push(err100);
}
errors++;
}
}
else {
const err101 = {instancePath:instancePath+"/spec/objectives/" + i0+"/indicator/probe/metric",schemaPath:"#/properties/spec/properties/objectives/items/properties/indicator/properties/probe/properties/metric/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.objectives.items.properties.indicator.properties.probe.properties.metric.type,parentSchema:schema11.properties.spec.properties.objectives.items.properties.indicator.properties.probe.properties.metric,data:data37};
if(vErrors === null){
vErrors = [err101];
}
else {
vErrors.push(err101);
}
errors++;
}
}
if(data36.selector !== undefined){
let data38 = data36.selector;
if(data38 && typeof data38 == "object" && !Array.isArray(data38)){
if(Object.keys(data38).length > 64){
const err102 = {instancePath:instancePath+"/spec/objectives/" + i0+"/indicator/probe/selector",schemaPath:"#/properties/spec/properties/objectives/items/properties/indicator/properties/probe/properties/selector/maxProperties",keyword:"maxProperties",params:{limit: 64},message:"must NOT have more than 64 properties",schema:64,parentSchema:schema11.properties.spec.properties.objectives.items.properties.indicator.properties.probe.properties.selector,data:data38};
if(vErrors === null){
vErrors = [err102];
}
else {
vErrors.push(err102);
}
errors++;
}
for(const key12 in data38){
if(pattern5.test(key12)){
let data39 = data38[key12];
if(typeof data39 === "string"){
if(func2(data39) > 1024){
const err103 = {instancePath:instancePath+"/spec/objectives/" + i0+"/indicator/probe/selector/" + key12.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/objectives/items/properties/indicator/properties/probe/properties/selector/patternProperties/%5E%5Ba-zA-Z_%5D%5Ba-zA-Z0-9_%5D*%24/maxLength",keyword:"maxLength",params:{limit: 1024},message:"must NOT have more than 1024 characters",schema:1024,parentSchema:schema11.properties.spec.properties.objectives.items.properties.indicator.properties.probe.properties.selector.patternProperties["^[a-zA-Z_][a-zA-Z0-9_]*$"],data:data39};
if(vErrors === null){
vErrors = [err103];
}
else {
vErrors.push(err103);
}
errors++;
}
}
else {
const err104 = {instancePath:instancePath+"/spec/objectives/" + i0+"/indicator/probe/selector/" + key12.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/objectives/items/properties/indicator/properties/probe/properties/selector/patternProperties/%5E%5Ba-zA-Z_%5D%5Ba-zA-Z0-9_%5D*%24/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.objectives.items.properties.indicator.properties.probe.properties.selector.patternProperties["^[a-zA-Z_][a-zA-Z0-9_]*$"].type,parentSchema:schema11.properties.spec.properties.objectives.items.properties.indicator.properties.probe.properties.selector.patternProperties["^[a-zA-Z_][a-zA-Z0-9_]*$"],data:data39};
if(vErrors === null){
vErrors = [err104];
}
else {
vErrors.push(err104);
}
errors++;
}
}
}
}
else {
const err105 = {instancePath:instancePath+"/spec/objectives/" + i0+"/indicator/probe/selector",schemaPath:"#/properties/spec/properties/objectives/items/properties/indicator/properties/probe/properties/selector/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.objectives.items.properties.indicator.properties.probe.properties.selector.type,parentSchema:schema11.properties.spec.properties.objectives.items.properties.indicator.properties.probe.properties.selector,data:data38};
if(vErrors === null){
vErrors = [err105];
}
else {
vErrors.push(err105);
}
errors++;
}
}
}
else {
const err106 = {instancePath:instancePath+"/spec/objectives/" + i0+"/indicator/probe",schemaPath:"#/properties/spec/properties/objectives/items/properties/indicator/properties/probe/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.objectives.items.properties.indicator.properties.probe.type,parentSchema:schema11.properties.spec.properties.objectives.items.properties.indicator.properties.probe,data:data36};
if(vErrors === null){
vErrors = [err106];
}
else {
vErrors.push(err106);
}
errors++;
}
}
if(data25.raw !== undefined){
let data40 = data25.raw;
if(data40 && typeof data40 == "object" && !Array.isArray(data40)){
if(data40.errorRatio === undefined){
const err107 = {instancePath:instancePath+"/spec/objectives/" + i0+"/indicator/raw",schemaPath:"#/properties/spec/properties/objectives/items/properties/indicator/properties/raw/required",keyword:"required",params:{missingProperty: "errorRatio"},message:"must have required property '"+"errorRatio"+"'",schema:schema11.properties.spec.properties.objectives.items.properties.indicator.properties.raw.required,parentSchema:schema11.properties.spec.properties.objectives.items.properties.indicator.properties.raw,data:data40};
if(vErrors === null){
vErrors = [err107];
}
else {
vErrors.push(err107);
}
errors++;
}
for(const key13 in data40){
if(!(key13 === "errorRatio")){
const err108 = {instancePath:instancePath+"/spec/objectives/" + i0+"/indicator/raw",schemaPath:"#/properties/spec/properties/objectives/items/properties/indicator/properties/raw/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key13},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.objectives.items.properties.indicator.properties.raw,data:data40};
if(vErrors === null){
vErrors = [err108];
}
else {
vErrors.push(err108);
}
errors++;
}
}
if(data40.errorRatio !== undefined){
let data41 = data40.errorRatio;
if(typeof data41 === "string"){
if(func2(data41) > 8192){
const err109 = {instancePath:instancePath+"/spec/objectives/" + i0+"/indicator/raw/errorRatio",schemaPath:"#/properties/spec/properties/objectives/items/properties/indicator/properties/raw/properties/errorRatio/maxLength",keyword:"maxLength",params:{limit: 8192},message:"must NOT have more than 8192 characters",schema:8192,parentSchema:schema11.properties.spec.properties.objectives.items.properties.indicator.properties.raw.properties.errorRatio,data:data41};
if(vErrors === null){
vErrors = [err109];
}
else {
vErrors.push(err109);
}
errors++;
}
if(func2(data41) < 1){
const err110 = {instancePath:instancePath+"/spec/objectives/" + i0+"/indicator/raw/errorRatio",schemaPath:"#/properties/spec/properties/objectives/items/properties/indicator/properties/raw/properties/errorRatio/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.spec.properties.objectives.items.properties.indicator.properties.raw.properties.errorRatio,data:data41};
if(vErrors === null){
vErrors = [err110];
}
else {
vErrors.push(err110);
}
errors++;
}
}
else {
const err111 = {instancePath:instancePath+"/spec/objectives/" + i0+"/indicator/raw/errorRatio",schemaPath:"#/properties/spec/properties/objectives/items/properties/indicator/properties/raw/properties/errorRatio/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.objectives.items.properties.indicator.properties.raw.properties.errorRatio.type,parentSchema:schema11.properties.spec.properties.objectives.items.properties.indicator.properties.raw.properties.errorRatio,data:data41};
if(vErrors === null){
vErrors = [err111];
}
else {
vErrors.push(err111);
}
errors++;
}
}
}
else {
const err112 = {instancePath:instancePath+"/spec/objectives/" + i0+"/indicator/raw",schemaPath:"#/properties/spec/properties/objectives/items/properties/indicator/properties/raw/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.objectives.items.properties.indicator.properties.raw.type,parentSchema:schema11.properties.spec.properties.objectives.items.properties.indicator.properties.raw,data:data40};
if(vErrors === null){
vErrors = [err112];
}
else {
vErrors.push(err112);
}
errors++;
}
}
}
else {
const err113 = {instancePath:instancePath+"/spec/objectives/" + i0+"/indicator",schemaPath:"#/properties/spec/properties/objectives/items/properties/indicator/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.objectives.items.properties.indicator.type,parentSchema:schema11.properties.spec.properties.objectives.items.properties.indicator,data:data25};
if(vErrors === null){
vErrors = [err113];
}
else {
vErrors.push(err113);
}
errors++;
}
}
if(data21.alerting !== undefined){
let data42 = data21.alerting;
if(data42 && typeof data42 == "object" && !Array.isArray(data42)){
for(const key14 in data42){
if(!((((((key14 === "labels") || (key14 === "annotations")) || (key14 === "page")) || (key14 === "ticket")) || (key14 === "noData")) || (key14 === "exhausted"))){
const err114 = {instancePath:instancePath+"/spec/objectives/" + i0+"/alerting",schemaPath:"#/properties/spec/properties/objectives/items/properties/alerting/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key14},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.objectives.items.properties.alerting,data:data42};
if(vErrors === null){
vErrors = [err114];
}
else {
vErrors.push(err114);
}
errors++;
}
}
if(data42.labels !== undefined){
let data43 = data42.labels;
if(data43 && typeof data43 == "object" && !Array.isArray(data43)){
if(Object.keys(data43).length > 64){
const err115 = {instancePath:instancePath+"/spec/objectives/" + i0+"/alerting/labels",schemaPath:"#/properties/spec/properties/objectives/items/properties/alerting/properties/labels/maxProperties",keyword:"maxProperties",params:{limit: 64},message:"must NOT have more than 64 properties",schema:64,parentSchema:schema11.properties.spec.properties.objectives.items.properties.alerting.properties.labels,data:data43};
if(vErrors === null){
vErrors = [err115];
}
else {
vErrors.push(err115);
}
errors++;
}
for(const key15 in data43){
if(pattern5.test(key15)){
let data44 = data43[key15];
if(typeof data44 === "string"){
if(func2(data44) > 1024){
const err116 = {instancePath:instancePath+"/spec/objectives/" + i0+"/alerting/labels/" + key15.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/objectives/items/properties/alerting/properties/labels/patternProperties/%5E%5Ba-zA-Z_%5D%5Ba-zA-Z0-9_%5D*%24/maxLength",keyword:"maxLength",params:{limit: 1024},message:"must NOT have more than 1024 characters",schema:1024,parentSchema:schema11.properties.spec.properties.objectives.items.properties.alerting.properties.labels.patternProperties["^[a-zA-Z_][a-zA-Z0-9_]*$"],data:data44};
if(vErrors === null){
vErrors = [err116];
}
else {
vErrors.push(err116);
}
errors++;
}
}
else {
const err117 = {instancePath:instancePath+"/spec/objectives/" + i0+"/alerting/labels/" + key15.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/objectives/items/properties/alerting/properties/labels/patternProperties/%5E%5Ba-zA-Z_%5D%5Ba-zA-Z0-9_%5D*%24/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.objectives.items.properties.alerting.properties.labels.patternProperties["^[a-zA-Z_][a-zA-Z0-9_]*$"].type,parentSchema:schema11.properties.spec.properties.objectives.items.properties.alerting.properties.labels.patternProperties["^[a-zA-Z_][a-zA-Z0-9_]*$"],data:data44};
if(vErrors === null){
vErrors = [err117];
}
else {
vErrors.push(err117);
}
errors++;
}
}
}
}
else {
const err118 = {instancePath:instancePath+"/spec/objectives/" + i0+"/alerting/labels",schemaPath:"#/properties/spec/properties/objectives/items/properties/alerting/properties/labels/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.objectives.items.properties.alerting.properties.labels.type,parentSchema:schema11.properties.spec.properties.objectives.items.properties.alerting.properties.labels,data:data43};
if(vErrors === null){
vErrors = [err118];
}
else {
vErrors.push(err118);
}
errors++;
}
}
if(data42.annotations !== undefined){
let data45 = data42.annotations;
if(data45 && typeof data45 == "object" && !Array.isArray(data45)){
if(Object.keys(data45).length > 64){
const err119 = {instancePath:instancePath+"/spec/objectives/" + i0+"/alerting/annotations",schemaPath:"#/properties/spec/properties/objectives/items/properties/alerting/properties/annotations/maxProperties",keyword:"maxProperties",params:{limit: 64},message:"must NOT have more than 64 properties",schema:64,parentSchema:schema11.properties.spec.properties.objectives.items.properties.alerting.properties.annotations,data:data45};
if(vErrors === null){
vErrors = [err119];
}
else {
vErrors.push(err119);
}
errors++;
}
for(const key16 in data45){
if(pattern5.test(key16)){
let data46 = data45[key16];
if(typeof data46 === "string"){
if(func2(data46) > 4096){
const err120 = {instancePath:instancePath+"/spec/objectives/" + i0+"/alerting/annotations/" + key16.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/objectives/items/properties/alerting/properties/annotations/patternProperties/%5E%5Ba-zA-Z_%5D%5Ba-zA-Z0-9_%5D*%24/maxLength",keyword:"maxLength",params:{limit: 4096},message:"must NOT have more than 4096 characters",schema:4096,parentSchema:schema11.properties.spec.properties.objectives.items.properties.alerting.properties.annotations.patternProperties["^[a-zA-Z_][a-zA-Z0-9_]*$"],data:data46};
if(vErrors === null){
vErrors = [err120];
}
else {
vErrors.push(err120);
}
errors++;
}
}
else {
const err121 = {instancePath:instancePath+"/spec/objectives/" + i0+"/alerting/annotations/" + key16.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/objectives/items/properties/alerting/properties/annotations/patternProperties/%5E%5Ba-zA-Z_%5D%5Ba-zA-Z0-9_%5D*%24/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.objectives.items.properties.alerting.properties.annotations.patternProperties["^[a-zA-Z_][a-zA-Z0-9_]*$"].type,parentSchema:schema11.properties.spec.properties.objectives.items.properties.alerting.properties.annotations.patternProperties["^[a-zA-Z_][a-zA-Z0-9_]*$"],data:data46};
if(vErrors === null){
vErrors = [err121];
}
else {
vErrors.push(err121);
}
errors++;
}
}
}
}
else {
const err122 = {instancePath:instancePath+"/spec/objectives/" + i0+"/alerting/annotations",schemaPath:"#/properties/spec/properties/objectives/items/properties/alerting/properties/annotations/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.objectives.items.properties.alerting.properties.annotations.type,parentSchema:schema11.properties.spec.properties.objectives.items.properties.alerting.properties.annotations,data:data45};
if(vErrors === null){
vErrors = [err122];
}
else {
vErrors.push(err122);
}
errors++;
}
}
if(data42.page !== undefined){
let data47 = data42.page;
if(data47 && typeof data47 == "object" && !Array.isArray(data47)){
for(const key17 in data47){
if(!(((key17 === "disabled") || (key17 === "labels")) || (key17 === "annotations"))){
const err123 = {instancePath:instancePath+"/spec/objectives/" + i0+"/alerting/page",schemaPath:"#/properties/spec/properties/objectives/items/properties/alerting/properties/page/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key17},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.objectives.items.properties.alerting.properties.page,data:data47};
if(vErrors === null){
vErrors = [err123];
}
else {
vErrors.push(err123);
}
errors++;
}
}
if(data47.disabled !== undefined){
let data48 = data47.disabled;
if(typeof data48 !== "boolean"){
const err124 = {instancePath:instancePath+"/spec/objectives/" + i0+"/alerting/page/disabled",schemaPath:"#/properties/spec/properties/objectives/items/properties/alerting/properties/page/properties/disabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.spec.properties.objectives.items.properties.alerting.properties.page.properties.disabled.type,parentSchema:schema11.properties.spec.properties.objectives.items.properties.alerting.properties.page.properties.disabled,data:data48};
if(vErrors === null){
vErrors = [err124];
}
else {
vErrors.push(err124);
}
errors++;
}
}
if(data47.labels !== undefined){
let data49 = data47.labels;
if(data49 && typeof data49 == "object" && !Array.isArray(data49)){
if(Object.keys(data49).length > 64){
const err125 = {instancePath:instancePath+"/spec/objectives/" + i0+"/alerting/page/labels",schemaPath:"#/properties/spec/properties/objectives/items/properties/alerting/properties/page/properties/labels/maxProperties",keyword:"maxProperties",params:{limit: 64},message:"must NOT have more than 64 properties",schema:64,parentSchema:schema11.properties.spec.properties.objectives.items.properties.alerting.properties.page.properties.labels,data:data49};
if(vErrors === null){
vErrors = [err125];
}
else {
vErrors.push(err125);
}
errors++;
}
for(const key18 in data49){
if(pattern5.test(key18)){
let data50 = data49[key18];
if(typeof data50 === "string"){
if(func2(data50) > 1024){
const err126 = {instancePath:instancePath+"/spec/objectives/" + i0+"/alerting/page/labels/" + key18.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/objectives/items/properties/alerting/properties/page/properties/labels/patternProperties/%5E%5Ba-zA-Z_%5D%5Ba-zA-Z0-9_%5D*%24/maxLength",keyword:"maxLength",params:{limit: 1024},message:"must NOT have more than 1024 characters",schema:1024,parentSchema:schema11.properties.spec.properties.objectives.items.properties.alerting.properties.page.properties.labels.patternProperties["^[a-zA-Z_][a-zA-Z0-9_]*$"],data:data50};
if(vErrors === null){
vErrors = [err126];
}
else {
vErrors.push(err126);
}
errors++;
}
}
else {
const err127 = {instancePath:instancePath+"/spec/objectives/" + i0+"/alerting/page/labels/" + key18.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/objectives/items/properties/alerting/properties/page/properties/labels/patternProperties/%5E%5Ba-zA-Z_%5D%5Ba-zA-Z0-9_%5D*%24/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.objectives.items.properties.alerting.properties.page.properties.labels.patternProperties["^[a-zA-Z_][a-zA-Z0-9_]*$"].type,parentSchema:schema11.properties.spec.properties.objectives.items.properties.alerting.properties.page.properties.labels.patternProperties["^[a-zA-Z_][a-zA-Z0-9_]*$"],data:data50};
if(vErrors === null){
vErrors = [err127];
}
else {
vErrors.push(err127);
}
errors++;
}
}
}
}
else {
const err128 = {instancePath:instancePath+"/spec/objectives/" + i0+"/alerting/page/labels",schemaPath:"#/properties/spec/properties/objectives/items/properties/alerting/properties/page/properties/labels/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.objectives.items.properties.alerting.properties.page.properties.labels.type,parentSchema:schema11.properties.spec.properties.objectives.items.properties.alerting.properties.page.properties.labels,data:data49};
if(vErrors === null){
vErrors = [err128];
}
else {
vErrors.push(err128);
}
errors++;
}
}
if(data47.annotations !== undefined){
let data51 = data47.annotations;
if(data51 && typeof data51 == "object" && !Array.isArray(data51)){
if(Object.keys(data51).length > 64){
const err129 = {instancePath:instancePath+"/spec/objectives/" + i0+"/alerting/page/annotations",schemaPath:"#/properties/spec/properties/objectives/items/properties/alerting/properties/page/properties/annotations/maxProperties",keyword:"maxProperties",params:{limit: 64},message:"must NOT have more than 64 properties",schema:64,parentSchema:schema11.properties.spec.properties.objectives.items.properties.alerting.properties.page.properties.annotations,data:data51};
if(vErrors === null){
vErrors = [err129];
}
else {
vErrors.push(err129);
}
errors++;
}
for(const key19 in data51){
if(pattern5.test(key19)){
let data52 = data51[key19];
if(typeof data52 === "string"){
if(func2(data52) > 4096){
const err130 = {instancePath:instancePath+"/spec/objectives/" + i0+"/alerting/page/annotations/" + key19.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/objectives/items/properties/alerting/properties/page/properties/annotations/patternProperties/%5E%5Ba-zA-Z_%5D%5Ba-zA-Z0-9_%5D*%24/maxLength",keyword:"maxLength",params:{limit: 4096},message:"must NOT have more than 4096 characters",schema:4096,parentSchema:schema11.properties.spec.properties.objectives.items.properties.alerting.properties.page.properties.annotations.patternProperties["^[a-zA-Z_][a-zA-Z0-9_]*$"],data:data52};
if(vErrors === null){
vErrors = [err130];
}
else {
vErrors.push(err130);
}
errors++;
}
}
else {
const err131 = {instancePath:instancePath+"/spec/objectives/" + i0+"/alerting/page/annotations/" + key19.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/objectives/items/properties/alerting/properties/page/properties/annotations/patternProperties/%5E%5Ba-zA-Z_%5D%5Ba-zA-Z0-9_%5D*%24/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.objectives.items.properties.alerting.properties.page.properties.annotations.patternProperties["^[a-zA-Z_][a-zA-Z0-9_]*$"].type,parentSchema:schema11.properties.spec.properties.objectives.items.properties.alerting.properties.page.properties.annotations.patternProperties["^[a-zA-Z_][a-zA-Z0-9_]*$"],data:data52};
if(vErrors === null){
vErrors = [err131];
}
else {
vErrors.push(err131);
}
errors++;
}
}
}
}
else {
const err132 = {instancePath:instancePath+"/spec/objectives/" + i0+"/alerting/page/annotations",schemaPath:"#/properties/spec/properties/objectives/items/properties/alerting/properties/page/properties/annotations/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.objectives.items.properties.alerting.properties.page.properties.annotations.type,parentSchema:schema11.properties.spec.properties.objectives.items.properties.alerting.properties.page.properties.annotations,data:data51};
if(vErrors === null){
vErrors = [err132];
}
else {
vErrors.push(err132);
}
errors++;
}
}
}
else {
const err133 = {instancePath:instancePath+"/spec/objectives/" + i0+"/alerting/page",schemaPath:"#/properties/spec/properties/objectives/items/properties/alerting/properties/page/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.objectives.items.properties.alerting.properties.page.type,parentSchema:schema11.properties.spec.properties.objectives.items.properties.alerting.properties.page,data:data47};
if(vErrors === null){
vErrors = [err133];
}
else {
vErrors.push(err133);
}
errors++;
}
}
if(data42.ticket !== undefined){
let data53 = data42.ticket;
if(data53 && typeof data53 == "object" && !Array.isArray(data53)){
for(const key20 in data53){
if(!(((key20 === "disabled") || (key20 === "labels")) || (key20 === "annotations"))){
const err134 = {instancePath:instancePath+"/spec/objectives/" + i0+"/alerting/ticket",schemaPath:"#/properties/spec/properties/objectives/items/properties/alerting/properties/ticket/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key20},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.objectives.items.properties.alerting.properties.ticket,data:data53};
if(vErrors === null){
vErrors = [err134];
}
else {
vErrors.push(err134);
}
errors++;
}
}
if(data53.disabled !== undefined){
let data54 = data53.disabled;
if(typeof data54 !== "boolean"){
const err135 = {instancePath:instancePath+"/spec/objectives/" + i0+"/alerting/ticket/disabled",schemaPath:"#/properties/spec/properties/objectives/items/properties/alerting/properties/ticket/properties/disabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.spec.properties.objectives.items.properties.alerting.properties.ticket.properties.disabled.type,parentSchema:schema11.properties.spec.properties.objectives.items.properties.alerting.properties.ticket.properties.disabled,data:data54};
if(vErrors === null){
vErrors = [err135];
}
else {
vErrors.push(err135);
}
errors++;
}
}
if(data53.labels !== undefined){
let data55 = data53.labels;
if(data55 && typeof data55 == "object" && !Array.isArray(data55)){
if(Object.keys(data55).length > 64){
const err136 = {instancePath:instancePath+"/spec/objectives/" + i0+"/alerting/ticket/labels",schemaPath:"#/properties/spec/properties/objectives/items/properties/alerting/properties/ticket/properties/labels/maxProperties",keyword:"maxProperties",params:{limit: 64},message:"must NOT have more than 64 properties",schema:64,parentSchema:schema11.properties.spec.properties.objectives.items.properties.alerting.properties.ticket.properties.labels,data:data55};
if(vErrors === null){
vErrors = [err136];
}
else {
vErrors.push(err136);
}
errors++;
}
for(const key21 in data55){
if(pattern5.test(key21)){
let data56 = data55[key21];
if(typeof data56 === "string"){
if(func2(data56) > 1024){
const err137 = {instancePath:instancePath+"/spec/objectives/" + i0+"/alerting/ticket/labels/" + key21.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/objectives/items/properties/alerting/properties/ticket/properties/labels/patternProperties/%5E%5Ba-zA-Z_%5D%5Ba-zA-Z0-9_%5D*%24/maxLength",keyword:"maxLength",params:{limit: 1024},message:"must NOT have more than 1024 characters",schema:1024,parentSchema:schema11.properties.spec.properties.objectives.items.properties.alerting.properties.ticket.properties.labels.patternProperties["^[a-zA-Z_][a-zA-Z0-9_]*$"],data:data56};
if(vErrors === null){
vErrors = [err137];
}
else {
vErrors.push(err137);
}
errors++;
}
}
else {
const err138 = {instancePath:instancePath+"/spec/objectives/" + i0+"/alerting/ticket/labels/" + key21.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/objectives/items/properties/alerting/properties/ticket/properties/labels/patternProperties/%5E%5Ba-zA-Z_%5D%5Ba-zA-Z0-9_%5D*%24/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.objectives.items.properties.alerting.properties.ticket.properties.labels.patternProperties["^[a-zA-Z_][a-zA-Z0-9_]*$"].type,parentSchema:schema11.properties.spec.properties.objectives.items.properties.alerting.properties.ticket.properties.labels.patternProperties["^[a-zA-Z_][a-zA-Z0-9_]*$"],data:data56};
if(vErrors === null){
vErrors = [err138];
}
else {
vErrors.push(err138);
}
errors++;
}
}
}
}
else {
const err139 = {instancePath:instancePath+"/spec/objectives/" + i0+"/alerting/ticket/labels",schemaPath:"#/properties/spec/properties/objectives/items/properties/alerting/properties/ticket/properties/labels/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.objectives.items.properties.alerting.properties.ticket.properties.labels.type,parentSchema:schema11.properties.spec.properties.objectives.items.properties.alerting.properties.ticket.properties.labels,data:data55};
if(vErrors === null){
vErrors = [err139];
}
else {
vErrors.push(err139);
}
errors++;
}
}
if(data53.annotations !== undefined){
let data57 = data53.annotations;
if(data57 && typeof data57 == "object" && !Array.isArray(data57)){
if(Object.keys(data57).length > 64){
const err140 = {instancePath:instancePath+"/spec/objectives/" + i0+"/alerting/ticket/annotations",schemaPath:"#/properties/spec/properties/objectives/items/properties/alerting/properties/ticket/properties/annotations/maxProperties",keyword:"maxProperties",params:{limit: 64},message:"must NOT have more than 64 properties",schema:64,parentSchema:schema11.properties.spec.properties.objectives.items.properties.alerting.properties.ticket.properties.annotations,data:data57};
if(vErrors === null){
vErrors = [err140];
}
else {
vErrors.push(err140);
}
errors++;
}
for(const key22 in data57){
if(pattern5.test(key22)){
let data58 = data57[key22];
if(typeof data58 === "string"){
if(func2(data58) > 4096){
const err141 = {instancePath:instancePath+"/spec/objectives/" + i0+"/alerting/ticket/annotations/" + key22.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/objectives/items/properties/alerting/properties/ticket/properties/annotations/patternProperties/%5E%5Ba-zA-Z_%5D%5Ba-zA-Z0-9_%5D*%24/maxLength",keyword:"maxLength",params:{limit: 4096},message:"must NOT have more than 4096 characters",schema:4096,parentSchema:schema11.properties.spec.properties.objectives.items.properties.alerting.properties.ticket.properties.annotations.patternProperties["^[a-zA-Z_][a-zA-Z0-9_]*$"],data:data58};
if(vErrors === null){
vErrors = [err141];
}
else {
vErrors.push(err141);
}
errors++;
}
}
else {
const err142 = {instancePath:instancePath+"/spec/objectives/" + i0+"/alerting/ticket/annotations/" + key22.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/objectives/items/properties/alerting/properties/ticket/properties/annotations/patternProperties/%5E%5Ba-zA-Z_%5D%5Ba-zA-Z0-9_%5D*%24/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.objectives.items.properties.alerting.properties.ticket.properties.annotations.patternProperties["^[a-zA-Z_][a-zA-Z0-9_]*$"].type,parentSchema:schema11.properties.spec.properties.objectives.items.properties.alerting.properties.ticket.properties.annotations.patternProperties["^[a-zA-Z_][a-zA-Z0-9_]*$"],data:data58};
if(vErrors === null){
vErrors = [err142];
}
else {
vErrors.push(err142);
}
errors++;
}
}
}
}
else {
const err143 = {instancePath:instancePath+"/spec/objectives/" + i0+"/alerting/ticket/annotations",schemaPath:"#/properties/spec/properties/objectives/items/properties/alerting/properties/ticket/properties/annotations/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.objectives.items.properties.alerting.properties.ticket.properties.annotations.type,parentSchema:schema11.properties.spec.properties.objectives.items.properties.alerting.properties.ticket.properties.annotations,data:data57};
if(vErrors === null){
vErrors = [err143];
}
else {
vErrors.push(err143);
}
errors++;
}
}
}
else {
const err144 = {instancePath:instancePath+"/spec/objectives/" + i0+"/alerting/ticket",schemaPath:"#/properties/spec/properties/objectives/items/properties/alerting/properties/ticket/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.objectives.items.properties.alerting.properties.ticket.type,parentSchema:schema11.properties.spec.properties.objectives.items.properties.alerting.properties.ticket,data:data53};
if(vErrors === null){
vErrors = [err144];
}
else {
vErrors.push(err144);
}
errors++;
}
}
if(data42.noData !== undefined){
let data59 = data42.noData;
if(data59 && typeof data59 == "object" && !Array.isArray(data59)){
for(const key23 in data59){
if(!(((key23 === "disabled") || (key23 === "labels")) || (key23 === "annotations"))){
const err145 = {instancePath:instancePath+"/spec/objectives/" + i0+"/alerting/noData",schemaPath:"#/properties/spec/properties/objectives/items/properties/alerting/properties/noData/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key23},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.objectives.items.properties.alerting.properties.noData,data:data59};
if(vErrors === null){
vErrors = [err145];
}
else {
vErrors.push(err145);
}
errors++;
}
}
if(data59.disabled !== undefined){
let data60 = data59.disabled;
if(typeof data60 !== "boolean"){
const err146 = {instancePath:instancePath+"/spec/objectives/" + i0+"/alerting/noData/disabled",schemaPath:"#/properties/spec/properties/objectives/items/properties/alerting/properties/noData/properties/disabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.spec.properties.objectives.items.properties.alerting.properties.noData.properties.disabled.type,parentSchema:schema11.properties.spec.properties.objectives.items.properties.alerting.properties.noData.properties.disabled,data:data60};
if(vErrors === null){
vErrors = [err146];
}
else {
vErrors.push(err146);
}
errors++;
}
}
if(data59.labels !== undefined){
let data61 = data59.labels;
if(data61 && typeof data61 == "object" && !Array.isArray(data61)){
if(Object.keys(data61).length > 64){
const err147 = {instancePath:instancePath+"/spec/objectives/" + i0+"/alerting/noData/labels",schemaPath:"#/properties/spec/properties/objectives/items/properties/alerting/properties/noData/properties/labels/maxProperties",keyword:"maxProperties",params:{limit: 64},message:"must NOT have more than 64 properties",schema:64,parentSchema:schema11.properties.spec.properties.objectives.items.properties.alerting.properties.noData.properties.labels,data:data61};
if(vErrors === null){
vErrors = [err147];
}
else {
vErrors.push(err147);
}
errors++;
}
for(const key24 in data61){
if(pattern5.test(key24)){
let data62 = data61[key24];
if(typeof data62 === "string"){
if(func2(data62) > 1024){
const err148 = {instancePath:instancePath+"/spec/objectives/" + i0+"/alerting/noData/labels/" + key24.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/objectives/items/properties/alerting/properties/noData/properties/labels/patternProperties/%5E%5Ba-zA-Z_%5D%5Ba-zA-Z0-9_%5D*%24/maxLength",keyword:"maxLength",params:{limit: 1024},message:"must NOT have more than 1024 characters",schema:1024,parentSchema:schema11.properties.spec.properties.objectives.items.properties.alerting.properties.noData.properties.labels.patternProperties["^[a-zA-Z_][a-zA-Z0-9_]*$"],data:data62};
if(vErrors === null){
vErrors = [err148];
}
else {
vErrors.push(err148);
}
errors++;
}
}
else {
const err149 = {instancePath:instancePath+"/spec/objectives/" + i0+"/alerting/noData/labels/" + key24.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/objectives/items/properties/alerting/properties/noData/properties/labels/patternProperties/%5E%5Ba-zA-Z_%5D%5Ba-zA-Z0-9_%5D*%24/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.objectives.items.properties.alerting.properties.noData.properties.labels.patternProperties["^[a-zA-Z_][a-zA-Z0-9_]*$"].type,parentSchema:schema11.properties.spec.properties.objectives.items.properties.alerting.properties.noData.properties.labels.patternProperties["^[a-zA-Z_][a-zA-Z0-9_]*$"],data:data62};
if(vErrors === null){
vErrors = [err149];
}
else {
vErrors.push(err149);
}
errors++;
}
}
}
}
else {
const err150 = {instancePath:instancePath+"/spec/objectives/" + i0+"/alerting/noData/labels",schemaPath:"#/properties/spec/properties/objectives/items/properties/alerting/properties/noData/properties/labels/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.objectives.items.properties.alerting.properties.noData.properties.labels.type,parentSchema:schema11.properties.spec.properties.objectives.items.properties.alerting.properties.noData.properties.labels,data:data61};
if(vErrors === null){
vErrors = [err150];
}
else {
vErrors.push(err150);
}
errors++;
}
}
if(data59.annotations !== undefined){
let data63 = data59.annotations;
if(data63 && typeof data63 == "object" && !Array.isArray(data63)){
if(Object.keys(data63).length > 64){
const err151 = {instancePath:instancePath+"/spec/objectives/" + i0+"/alerting/noData/annotations",schemaPath:"#/properties/spec/properties/objectives/items/properties/alerting/properties/noData/properties/annotations/maxProperties",keyword:"maxProperties",params:{limit: 64},message:"must NOT have more than 64 properties",schema:64,parentSchema:schema11.properties.spec.properties.objectives.items.properties.alerting.properties.noData.properties.annotations,data:data63};
if(vErrors === null){
vErrors = [err151];
}
else {
vErrors.push(err151);
}
errors++;
}
for(const key25 in data63){
if(pattern5.test(key25)){
let data64 = data63[key25];
if(typeof data64 === "string"){
if(func2(data64) > 4096){
const err152 = {instancePath:instancePath+"/spec/objectives/" + i0+"/alerting/noData/annotations/" + key25.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/objectives/items/properties/alerting/properties/noData/properties/annotations/patternProperties/%5E%5Ba-zA-Z_%5D%5Ba-zA-Z0-9_%5D*%24/maxLength",keyword:"maxLength",params:{limit: 4096},message:"must NOT have more than 4096 characters",schema:4096,parentSchema:schema11.properties.spec.properties.objectives.items.properties.alerting.properties.noData.properties.annotations.patternProperties["^[a-zA-Z_][a-zA-Z0-9_]*$"],data:data64};
if(vErrors === null){
vErrors = [err152];
}
else {
vErrors.push(err152);
}
errors++;
}
}
else {
const err153 = {instancePath:instancePath+"/spec/objectives/" + i0+"/alerting/noData/annotations/" + key25.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/objectives/items/properties/alerting/properties/noData/properties/annotations/patternProperties/%5E%5Ba-zA-Z_%5D%5Ba-zA-Z0-9_%5D*%24/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.objectives.items.properties.alerting.properties.noData.properties.annotations.patternProperties["^[a-zA-Z_][a-zA-Z0-9_]*$"].type,parentSchema:schema11.properties.spec.properties.objectives.items.properties.alerting.properties.noData.properties.annotations.patternProperties["^[a-zA-Z_][a-zA-Z0-9_]*$"],data:data64};
if(vErrors === null){
vErrors = [err153];
}
else {
vErrors.push(err153);
}
errors++;
}
}
}
}
else {
const err154 = {instancePath:instancePath+"/spec/objectives/" + i0+"/alerting/noData/annotations",schemaPath:"#/properties/spec/properties/objectives/items/properties/alerting/properties/noData/properties/annotations/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.objectives.items.properties.alerting.properties.noData.properties.annotations.type,parentSchema:schema11.properties.spec.properties.objectives.items.properties.alerting.properties.noData.properties.annotations,data:data63};
if(vErrors === null){
vErrors = [err154];
}
else {
vErrors.push(err154);
}
errors++;
}
}
}
else {
const err155 = {instancePath:instancePath+"/spec/objectives/" + i0+"/alerting/noData",schemaPath:"#/properties/spec/properties/objectives/items/properties/alerting/properties/noData/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.objectives.items.properties.alerting.properties.noData.type,parentSchema:schema11.properties.spec.properties.objectives.items.properties.alerting.properties.noData,data:data59};
if(vErrors === null){
vErrors = [err155];
}
else {
vErrors.push(err155);
}
errors++;
}
}
if(data42.exhausted !== undefined){
let data65 = data42.exhausted;
if(data65 && typeof data65 == "object" && !Array.isArray(data65)){
for(const key26 in data65){
if(!(((key26 === "disabled") || (key26 === "labels")) || (key26 === "annotations"))){
const err156 = {instancePath:instancePath+"/spec/objectives/" + i0+"/alerting/exhausted",schemaPath:"#/properties/spec/properties/objectives/items/properties/alerting/properties/exhausted/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key26},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.objectives.items.properties.alerting.properties.exhausted,data:data65};
if(vErrors === null){
vErrors = [err156];
}
else {
vErrors.push(err156);
}
errors++;
}
}
if(data65.disabled !== undefined){
let data66 = data65.disabled;
if(typeof data66 !== "boolean"){
const err157 = {instancePath:instancePath+"/spec/objectives/" + i0+"/alerting/exhausted/disabled",schemaPath:"#/properties/spec/properties/objectives/items/properties/alerting/properties/exhausted/properties/disabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.spec.properties.objectives.items.properties.alerting.properties.exhausted.properties.disabled.type,parentSchema:schema11.properties.spec.properties.objectives.items.properties.alerting.properties.exhausted.properties.disabled,data:data66};
if(vErrors === null){
vErrors = [err157];
}
else {
vErrors.push(err157);
}
errors++;
}
}
if(data65.labels !== undefined){
let data67 = data65.labels;
if(data67 && typeof data67 == "object" && !Array.isArray(data67)){
if(Object.keys(data67).length > 64){
const err158 = {instancePath:instancePath+"/spec/objectives/" + i0+"/alerting/exhausted/labels",schemaPath:"#/properties/spec/properties/objectives/items/properties/alerting/properties/exhausted/properties/labels/maxProperties",keyword:"maxProperties",params:{limit: 64},message:"must NOT have more than 64 properties",schema:64,parentSchema:schema11.properties.spec.properties.objectives.items.properties.alerting.properties.exhausted.properties.labels,data:data67};
if(vErrors === null){
vErrors = [err158];
}
else {
vErrors.push(err158);
}
errors++;
}
for(const key27 in data67){
if(pattern5.test(key27)){
let data68 = data67[key27];
if(typeof data68 === "string"){
if(func2(data68) > 1024){
const err159 = {instancePath:instancePath+"/spec/objectives/" + i0+"/alerting/exhausted/labels/" + key27.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/objectives/items/properties/alerting/properties/exhausted/properties/labels/patternProperties/%5E%5Ba-zA-Z_%5D%5Ba-zA-Z0-9_%5D*%24/maxLength",keyword:"maxLength",params:{limit: 1024},message:"must NOT have more than 1024 characters",schema:1024,parentSchema:schema11.properties.spec.properties.objectives.items.properties.alerting.properties.exhausted.properties.labels.patternProperties["^[a-zA-Z_][a-zA-Z0-9_]*$"],data:data68};
if(vErrors === null){
vErrors = [err159];
}
else {
vErrors.push(err159);
}
errors++;
}
}
else {
const err160 = {instancePath:instancePath+"/spec/objectives/" + i0+"/alerting/exhausted/labels/" + key27.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/objectives/items/properties/alerting/properties/exhausted/properties/labels/patternProperties/%5E%5Ba-zA-Z_%5D%5Ba-zA-Z0-9_%5D*%24/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.objectives.items.properties.alerting.properties.exhausted.properties.labels.patternProperties["^[a-zA-Z_][a-zA-Z0-9_]*$"].type,parentSchema:schema11.properties.spec.properties.objectives.items.properties.alerting.properties.exhausted.properties.labels.patternProperties["^[a-zA-Z_][a-zA-Z0-9_]*$"],data:data68};
if(vErrors === null){
vErrors = [err160];
}
else {
vErrors.push(err160);
}
errors++;
}
}
}
}
else {
const err161 = {instancePath:instancePath+"/spec/objectives/" + i0+"/alerting/exhausted/labels",schemaPath:"#/properties/spec/properties/objectives/items/properties/alerting/properties/exhausted/properties/labels/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.objectives.items.properties.alerting.properties.exhausted.properties.labels.type,parentSchema:schema11.properties.spec.properties.objectives.items.properties.alerting.properties.exhausted.properties.labels,data:data67};
if(vErrors === null){
vErrors = [err161];
}
else {
vErrors.push(err161);
}
errors++;
}
}
if(data65.annotations !== undefined){
let data69 = data65.annotations;
if(data69 && typeof data69 == "object" && !Array.isArray(data69)){
if(Object.keys(data69).length > 64){
const err162 = {instancePath:instancePath+"/spec/objectives/" + i0+"/alerting/exhausted/annotations",schemaPath:"#/properties/spec/properties/objectives/items/properties/alerting/properties/exhausted/properties/annotations/maxProperties",keyword:"maxProperties",params:{limit: 64},message:"must NOT have more than 64 properties",schema:64,parentSchema:schema11.properties.spec.properties.objectives.items.properties.alerting.properties.exhausted.properties.annotations,data:data69};
if(vErrors === null){
vErrors = [err162];
}
else {
vErrors.push(err162);
}
errors++;
}
for(const key28 in data69){
if(pattern5.test(key28)){
let data70 = data69[key28];
if(typeof data70 === "string"){
if(func2(data70) > 4096){
const err163 = {instancePath:instancePath+"/spec/objectives/" + i0+"/alerting/exhausted/annotations/" + key28.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/objectives/items/properties/alerting/properties/exhausted/properties/annotations/patternProperties/%5E%5Ba-zA-Z_%5D%5Ba-zA-Z0-9_%5D*%24/maxLength",keyword:"maxLength",params:{limit: 4096},message:"must NOT have more than 4096 characters",schema:4096,parentSchema:schema11.properties.spec.properties.objectives.items.properties.alerting.properties.exhausted.properties.annotations.patternProperties["^[a-zA-Z_][a-zA-Z0-9_]*$"],data:data70};
if(vErrors === null){
vErrors = [err163];
}
else {
vErrors.push(err163);
}
errors++;
}
}
else {
const err164 = {instancePath:instancePath+"/spec/objectives/" + i0+"/alerting/exhausted/annotations/" + key28.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/objectives/items/properties/alerting/properties/exhausted/properties/annotations/patternProperties/%5E%5Ba-zA-Z_%5D%5Ba-zA-Z0-9_%5D*%24/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.objectives.items.properties.alerting.properties.exhausted.properties.annotations.patternProperties["^[a-zA-Z_][a-zA-Z0-9_]*$"].type,parentSchema:schema11.properties.spec.properties.objectives.items.properties.alerting.properties.exhausted.properties.annotations.patternProperties["^[a-zA-Z_][a-zA-Z0-9_]*$"],data:data70};
if(vErrors === null){
vErrors = [err164];
}
else {
vErrors.push(err164);
}
errors++;
}
}
}
}
else {
const err165 = {instancePath:instancePath+"/spec/objectives/" + i0+"/alerting/exhausted/annotations",schemaPath:"#/properties/spec/properties/objectives/items/properties/alerting/properties/exhausted/properties/annotations/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.objectives.items.properties.alerting.properties.exhausted.properties.annotations.type,parentSchema:schema11.properties.spec.properties.objectives.items.properties.alerting.properties.exhausted.properties.annotations,data:data69};
if(vErrors === null){
vErrors = [err165];
}
else {
vErrors.push(err165);
}
errors++;
}
}
}
else {
const err166 = {instancePath:instancePath+"/spec/objectives/" + i0+"/alerting/exhausted",schemaPath:"#/properties/spec/properties/objectives/items/properties/alerting/properties/exhausted/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.objectives.items.properties.alerting.properties.exhausted.type,parentSchema:schema11.properties.spec.properties.objectives.items.properties.alerting.properties.exhausted,data:data65};
if(vErrors === null){
vErrors = [err166];
}
else {
vErrors.push(err166);
}
errors++;
}
}
}
else {
const err167 = {instancePath:instancePath+"/spec/objectives/" + i0+"/alerting",schemaPath:"#/properties/spec/properties/objectives/items/properties/alerting/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.objectives.items.properties.alerting.type,parentSchema:schema11.properties.spec.properties.objectives.items.properties.alerting,data:data42};
if(vErrors === null){
vErrors = [err167];
}
else {
vErrors.push(err167);
}
errors++;
}
}
}
else {
const err168 = {instancePath:instancePath+"/spec/objectives/" + i0,schemaPath:"#/properties/spec/properties/objectives/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.objectives.items.type,parentSchema:schema11.properties.spec.properties.objectives.items,data:data21};
if(vErrors === null){
vErrors = [err168];
}
else {
vErrors.push(err168);
}
errors++;
}
}
}
else {
const err169 = {instancePath:instancePath+"/spec/objectives",schemaPath:"#/properties/spec/properties/objectives/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.spec.properties.objectives.type,parentSchema:schema11.properties.spec.properties.objectives,data:data20};
if(vErrors === null){
vErrors = [err169];
}
else {
vErrors.push(err169);
}
errors++;
}
}
if(data9.alerting !== undefined){
let data71 = data9.alerting;
if(data71 && typeof data71 == "object" && !Array.isArray(data71)){
for(const key29 in data71){
if(!(func4.call(schema11.properties.spec.properties.alerting.properties, key29))){
const err170 = {instancePath:instancePath+"/spec/alerting",schemaPath:"#/properties/spec/properties/alerting/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key29},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.alerting,data:data71};
if(vErrors === null){
vErrors = [err170];
}
else {
vErrors.push(err170);
}
errors++;
}
}
if(data71.name !== undefined){
let data72 = data71.name;
if(typeof data72 === "string"){
if(func2(data72) > 128){
const err171 = {instancePath:instancePath+"/spec/alerting/name",schemaPath:"#/properties/spec/properties/alerting/properties/name/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters",schema:128,parentSchema:schema11.properties.spec.properties.alerting.properties.name,data:data72};
if(vErrors === null){
vErrors = [err171];
}
else {
vErrors.push(err171);
}
errors++;
}
if(!pattern5.test(data72)){
const err172 = {instancePath:instancePath+"/spec/alerting/name",schemaPath:"#/properties/spec/properties/alerting/properties/name/pattern",keyword:"pattern",params:{pattern: "^[a-zA-Z_][a-zA-Z0-9_]*$"},message:"must match pattern \""+"^[a-zA-Z_][a-zA-Z0-9_]*$"+"\"",schema:"^[a-zA-Z_][a-zA-Z0-9_]*$",parentSchema:schema11.properties.spec.properties.alerting.properties.name,data:data72};
if(vErrors === null){
vErrors = [err172];
}
else {
vErrors.push(err172);
}
errors++;
}
}
else {
const err173 = {instancePath:instancePath+"/spec/alerting/name",schemaPath:"#/properties/spec/properties/alerting/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.alerting.properties.name.type,parentSchema:schema11.properties.spec.properties.alerting.properties.name,data:data72};
if(vErrors === null){
vErrors = [err173];
}
else {
vErrors.push(err173);
}
errors++;
}
}
if(data71.labels !== undefined){
let data73 = data71.labels;
if(data73 && typeof data73 == "object" && !Array.isArray(data73)){
if(Object.keys(data73).length > 64){
const err174 = {instancePath:instancePath+"/spec/alerting/labels",schemaPath:"#/properties/spec/properties/alerting/properties/labels/maxProperties",keyword:"maxProperties",params:{limit: 64},message:"must NOT have more than 64 properties",schema:64,parentSchema:schema11.properties.spec.properties.alerting.properties.labels,data:data73};
if(vErrors === null){
vErrors = [err174];
}
else {
vErrors.push(err174);
}
errors++;
}
for(const key30 in data73){
if(pattern5.test(key30)){
let data74 = data73[key30];
if(typeof data74 === "string"){
if(func2(data74) > 1024){
const err175 = {instancePath:instancePath+"/spec/alerting/labels/" + key30.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/alerting/properties/labels/patternProperties/%5E%5Ba-zA-Z_%5D%5Ba-zA-Z0-9_%5D*%24/maxLength",keyword:"maxLength",params:{limit: 1024},message:"must NOT have more than 1024 characters",schema:1024,parentSchema:schema11.properties.spec.properties.alerting.properties.labels.patternProperties["^[a-zA-Z_][a-zA-Z0-9_]*$"],data:data74};
if(vErrors === null){
vErrors = [err175];
}
else {
vErrors.push(err175);
}
errors++;
}
}
else {
const err176 = {instancePath:instancePath+"/spec/alerting/labels/" + key30.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/alerting/properties/labels/patternProperties/%5E%5Ba-zA-Z_%5D%5Ba-zA-Z0-9_%5D*%24/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.alerting.properties.labels.patternProperties["^[a-zA-Z_][a-zA-Z0-9_]*$"].type,parentSchema:schema11.properties.spec.properties.alerting.properties.labels.patternProperties["^[a-zA-Z_][a-zA-Z0-9_]*$"],data:data74};
if(vErrors === null){
vErrors = [err176];
}
else {
vErrors.push(err176);
}
errors++;
}
}
}
}
else {
const err177 = {instancePath:instancePath+"/spec/alerting/labels",schemaPath:"#/properties/spec/properties/alerting/properties/labels/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.alerting.properties.labels.type,parentSchema:schema11.properties.spec.properties.alerting.properties.labels,data:data73};
if(vErrors === null){
vErrors = [err177];
}
else {
vErrors.push(err177);
}
errors++;
}
}
if(data71.annotations !== undefined){
let data75 = data71.annotations;
if(data75 && typeof data75 == "object" && !Array.isArray(data75)){
if(Object.keys(data75).length > 64){
const err178 = {instancePath:instancePath+"/spec/alerting/annotations",schemaPath:"#/properties/spec/properties/alerting/properties/annotations/maxProperties",keyword:"maxProperties",params:{limit: 64},message:"must NOT have more than 64 properties",schema:64,parentSchema:schema11.properties.spec.properties.alerting.properties.annotations,data:data75};
if(vErrors === null){
vErrors = [err178];
}
else {
vErrors.push(err178);
}
errors++;
}
for(const key31 in data75){
if(pattern5.test(key31)){
let data76 = data75[key31];
if(typeof data76 === "string"){
if(func2(data76) > 4096){
const err179 = {instancePath:instancePath+"/spec/alerting/annotations/" + key31.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/alerting/properties/annotations/patternProperties/%5E%5Ba-zA-Z_%5D%5Ba-zA-Z0-9_%5D*%24/maxLength",keyword:"maxLength",params:{limit: 4096},message:"must NOT have more than 4096 characters",schema:4096,parentSchema:schema11.properties.spec.properties.alerting.properties.annotations.patternProperties["^[a-zA-Z_][a-zA-Z0-9_]*$"],data:data76};
if(vErrors === null){
vErrors = [err179];
}
else {
vErrors.push(err179);
}
errors++;
}
}
else {
const err180 = {instancePath:instancePath+"/spec/alerting/annotations/" + key31.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/alerting/properties/annotations/patternProperties/%5E%5Ba-zA-Z_%5D%5Ba-zA-Z0-9_%5D*%24/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.alerting.properties.annotations.patternProperties["^[a-zA-Z_][a-zA-Z0-9_]*$"].type,parentSchema:schema11.properties.spec.properties.alerting.properties.annotations.patternProperties["^[a-zA-Z_][a-zA-Z0-9_]*$"],data:data76};
if(vErrors === null){
vErrors = [err180];
}
else {
vErrors.push(err180);
}
errors++;
}
}
}
}
else {
const err181 = {instancePath:instancePath+"/spec/alerting/annotations",schemaPath:"#/properties/spec/properties/alerting/properties/annotations/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.alerting.properties.annotations.type,parentSchema:schema11.properties.spec.properties.alerting.properties.annotations,data:data75};
if(vErrors === null){
vErrors = [err181];
}
else {
vErrors.push(err181);
}
errors++;
}
}
if(data71.burnRates !== undefined){
let data77 = data71.burnRates;
if(typeof data77 === "string"){
if(func2(data77) > 63){
const err182 = {instancePath:instancePath+"/spec/alerting/burnRates",schemaPath:"#/properties/spec/properties/alerting/properties/burnRates/maxLength",keyword:"maxLength",params:{limit: 63},message:"must NOT have more than 63 characters",schema:63,parentSchema:schema11.properties.spec.properties.alerting.properties.burnRates,data:data77};
if(vErrors === null){
vErrors = [err182];
}
else {
vErrors.push(err182);
}
errors++;
}
if(!pattern0.test(data77)){
const err183 = {instancePath:instancePath+"/spec/alerting/burnRates",schemaPath:"#/properties/spec/properties/alerting/properties/burnRates/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"+"\"",schema:"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$",parentSchema:schema11.properties.spec.properties.alerting.properties.burnRates,data:data77};
if(vErrors === null){
vErrors = [err183];
}
else {
vErrors.push(err183);
}
errors++;
}
}
else {
const err184 = {instancePath:instancePath+"/spec/alerting/burnRates",schemaPath:"#/properties/spec/properties/alerting/properties/burnRates/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.alerting.properties.burnRates.type,parentSchema:schema11.properties.spec.properties.alerting.properties.burnRates,data:data77};
if(vErrors === null){
vErrors = [err184];
}
else {
vErrors.push(err184);
}
errors++;
}
}
if(data71.burnRateTiers !== undefined){
let data78 = data71.burnRateTiers;
if(Array.isArray(data78)){
if(data78.length > 8){
const err185 = {instancePath:instancePath+"/spec/alerting/burnRateTiers",schemaPath:"#/properties/spec/properties/alerting/properties/burnRateTiers/maxItems",keyword:"maxItems",params:{limit: 8},message:"must NOT have more than 8 items",schema:8,parentSchema:schema11.properties.spec.properties.alerting.properties.burnRateTiers,data:data78};
if(vErrors === null){
vErrors = [err185];
}
else {
vErrors.push(err185);
}
errors++;
}
if(data78.length < 1){
const err186 = {instancePath:instancePath+"/spec/alerting/burnRateTiers",schemaPath:"#/properties/spec/properties/alerting/properties/burnRateTiers/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema11.properties.spec.properties.alerting.properties.burnRateTiers,data:data78};
if(vErrors === null){
vErrors = [err186];
}
else {
vErrors.push(err186);
}
errors++;
}
const len1 = data78.length;
for(let i1=0; i1<len1; i1++){
let data79 = data78[i1];
if(data79 && typeof data79 == "object" && !Array.isArray(data79)){
if(data79.severity === undefined){
const err187 = {instancePath:instancePath+"/spec/alerting/burnRateTiers/" + i1,schemaPath:"#/properties/spec/properties/alerting/properties/burnRateTiers/items/required",keyword:"required",params:{missingProperty: "severity"},message:"must have required property '"+"severity"+"'",schema:schema11.properties.spec.properties.alerting.properties.burnRateTiers.items.required,parentSchema:schema11.properties.spec.properties.alerting.properties.burnRateTiers.items,data:data79};
if(vErrors === null){
vErrors = [err187];
}
else {
vErrors.push(err187);
}
errors++;
}
if(data79.budgetPercent === undefined){
const err188 = {instancePath:instancePath+"/spec/alerting/burnRateTiers/" + i1,schemaPath:"#/properties/spec/properties/alerting/properties/burnRateTiers/items/required",keyword:"required",params:{missingProperty: "budgetPercent"},message:"must have required property '"+"budgetPercent"+"'",schema:schema11.properties.spec.properties.alerting.properties.burnRateTiers.items.required,parentSchema:schema11.properties.spec.properties.alerting.properties.burnRateTiers.items,data:data79};
if(vErrors === null){
vErrors = [err188];
}
else {
vErrors.push(err188);
}
errors++;
}
if(data79.longWindow === undefined){
const err189 = {instancePath:instancePath+"/spec/alerting/burnRateTiers/" + i1,schemaPath:"#/properties/spec/properties/alerting/properties/burnRateTiers/items/required",keyword:"required",params:{missingProperty: "longWindow"},message:"must have required property '"+"longWindow"+"'",schema:schema11.properties.spec.properties.alerting.properties.burnRateTiers.items.required,parentSchema:schema11.properties.spec.properties.alerting.properties.burnRateTiers.items,data:data79};
if(vErrors === null){
vErrors = [err189];
}
else {
vErrors.push(err189);
}
errors++;
}
if(data79.shortWindow === undefined){
const err190 = {instancePath:instancePath+"/spec/alerting/burnRateTiers/" + i1,schemaPath:"#/properties/spec/properties/alerting/properties/burnRateTiers/items/required",keyword:"required",params:{missingProperty: "shortWindow"},message:"must have required property '"+"shortWindow"+"'",schema:schema11.properties.spec.properties.alerting.properties.burnRateTiers.items.required,parentSchema:schema11.properties.spec.properties.alerting.properties.burnRateTiers.items,data:data79};
if(vErrors === null){
vErrors = [err190];
}
else {
vErrors.push(err190);
}
errors++;
}
for(const key32 in data79){
if(!((((key32 === "severity") || (key32 === "budgetPercent")) || (key32 === "longWindow")) || (key32 === "shortWindow"))){
const err191 = {instancePath:instancePath+"/spec/alerting/burnRateTiers/" + i1,schemaPath:"#/properties/spec/properties/alerting/properties/burnRateTiers/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key32},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.alerting.properties.burnRateTiers.items,data:data79};
if(vErrors === null){
vErrors = [err191];
}
else {
vErrors.push(err191);
}
errors++;
}
}
if(data79.severity !== undefined){
let data80 = data79.severity;
const _errs185 = errors;
let valid39 = false;
const _errs186 = errors;
if(typeof data80 !== "string"){
const err192 = {instancePath:instancePath+"/spec/alerting/burnRateTiers/" + i1+"/severity",schemaPath:"#/properties/spec/properties/alerting/properties/burnRateTiers/items/properties/severity/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.alerting.properties.burnRateTiers.items.properties.severity.anyOf[0].type,parentSchema:schema11.properties.spec.properties.alerting.properties.burnRateTiers.items.properties.severity.anyOf[0],data:data80};
if(vErrors === null){
vErrors = [err192];
}
else {
vErrors.push(err192);
}
errors++;
}
if("page" !== data80){
const err193 = {instancePath:instancePath+"/spec/alerting/burnRateTiers/" + i1+"/severity",schemaPath:"#/properties/spec/properties/alerting/properties/burnRateTiers/items/properties/severity/anyOf/0/const",keyword:"const",params:{allowedValue: "page"},message:"must be equal to constant",schema:"page",parentSchema:schema11.properties.spec.properties.alerting.properties.burnRateTiers.items.properties.severity.anyOf[0],data:data80};
if(vErrors === null){
vErrors = [err193];
}
else {
vErrors.push(err193);
}
errors++;
}
var _valid1 = _errs186 === errors;
valid39 = valid39 || _valid1;
if(!valid39){
const _errs188 = errors;
if(typeof data80 !== "string"){
const err194 = {instancePath:instancePath+"/spec/alerting/burnRateTiers/" + i1+"/severity",schemaPath:"#/properties/spec/properties/alerting/properties/burnRateTiers/items/properties/severity/anyOf/1/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.alerting.properties.burnRateTiers.items.properties.severity.anyOf[1].type,parentSchema:schema11.properties.spec.properties.alerting.properties.burnRateTiers.items.properties.severity.anyOf[1],data:data80};
if(vErrors === null){
vErrors = [err194];
}
else {
vErrors.push(err194);
}
errors++;
}
if("ticket" !== data80){
const err195 = {instancePath:instancePath+"/spec/alerting/burnRateTiers/" + i1+"/severity",schemaPath:"#/properties/spec/properties/alerting/properties/burnRateTiers/items/properties/severity/anyOf/1/const",keyword:"const",params:{allowedValue: "ticket"},message:"must be equal to constant",schema:"ticket",parentSchema:schema11.properties.spec.properties.alerting.properties.burnRateTiers.items.properties.severity.anyOf[1],data:data80};
if(vErrors === null){
vErrors = [err195];
}
else {
vErrors.push(err195);
}
errors++;
}
var _valid1 = _errs188 === errors;
valid39 = valid39 || _valid1;
}
if(!valid39){
const err196 = {instancePath:instancePath+"/spec/alerting/burnRateTiers/" + i1+"/severity",schemaPath:"#/properties/spec/properties/alerting/properties/burnRateTiers/items/properties/severity/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema11.properties.spec.properties.alerting.properties.burnRateTiers.items.properties.severity.anyOf,parentSchema:schema11.properties.spec.properties.alerting.properties.burnRateTiers.items.properties.severity,data:data80};
if(vErrors === null){
vErrors = [err196];
}
else {
vErrors.push(err196);
}
errors++;
}
else {
errors = _errs185;
if(vErrors !== null){
if(_errs185){
vErrors.length = _errs185;
}
else {
vErrors = null;
}
}
}
}
if(data79.budgetPercent !== undefined){
let data81 = data79.budgetPercent;
if((typeof data81 == "number") && (isFinite(data81))){
if(data81 > 100 || isNaN(data81)){
const err197 = {instancePath:instancePath+"/spec/alerting/burnRateTiers/" + i1+"/budgetPercent",schemaPath:"#/properties/spec/properties/alerting/properties/burnRateTiers/items/properties/budgetPercent/maximum",keyword:"maximum",params:{comparison: "<=", limit: 100},message:"must be <= 100",schema:100,parentSchema:schema11.properties.spec.properties.alerting.properties.burnRateTiers.items.properties.budgetPercent,data:data81};
if(vErrors === null){
vErrors = [err197];
}
else {
vErrors.push(err197);
}
errors++;
}
if(data81 <= 0 || isNaN(data81)){
const err198 = {instancePath:instancePath+"/spec/alerting/burnRateTiers/" + i1+"/budgetPercent",schemaPath:"#/properties/spec/properties/alerting/properties/burnRateTiers/items/properties/budgetPercent/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0",schema:0,parentSchema:schema11.properties.spec.properties.alerting.properties.burnRateTiers.items.properties.budgetPercent,data:data81};
if(vErrors === null){
vErrors = [err198];
}
else {
vErrors.push(err198);
}
errors++;
}
}
else {
const err199 = {instancePath:instancePath+"/spec/alerting/burnRateTiers/" + i1+"/budgetPercent",schemaPath:"#/properties/spec/properties/alerting/properties/burnRateTiers/items/properties/budgetPercent/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema11.properties.spec.properties.alerting.properties.burnRateTiers.items.properties.budgetPercent.type,parentSchema:schema11.properties.spec.properties.alerting.properties.burnRateTiers.items.properties.budgetPercent,data:data81};
if(vErrors === null){
vErrors = [err199];
}
else {
vErrors.push(err199);
}
errors++;
}
}
if(data79.longWindow !== undefined){
let data82 = data79.longWindow;
if(typeof data82 === "string"){
if(func2(data82) > 32){
const err200 = {instancePath:instancePath+"/spec/alerting/burnRateTiers/" + i1+"/longWindow",schemaPath:"#/properties/spec/properties/alerting/properties/burnRateTiers/items/properties/longWindow/maxLength",keyword:"maxLength",params:{limit: 32},message:"must NOT have more than 32 characters",schema:32,parentSchema:schema11.properties.spec.properties.alerting.properties.burnRateTiers.items.properties.longWindow,data:data82};
if(vErrors === null){
vErrors = [err200];
}
else {
vErrors.push(err200);
}
errors++;
}
if(func2(data82) < 2){
const err201 = {instancePath:instancePath+"/spec/alerting/burnRateTiers/" + i1+"/longWindow",schemaPath:"#/properties/spec/properties/alerting/properties/burnRateTiers/items/properties/longWindow/minLength",keyword:"minLength",params:{limit: 2},message:"must NOT have fewer than 2 characters",schema:2,parentSchema:schema11.properties.spec.properties.alerting.properties.burnRateTiers.items.properties.longWindow,data:data82};
if(vErrors === null){
vErrors = [err201];
}
else {
vErrors.push(err201);
}
errors++;
}
if(!pattern6.test(data82)){
const err202 = {instancePath:instancePath+"/spec/alerting/burnRateTiers/" + i1+"/longWindow",schemaPath:"#/properties/spec/properties/alerting/properties/burnRateTiers/items/properties/longWindow/pattern",keyword:"pattern",params:{pattern: "^([0-9]{1,6}y)?([0-9]{1,6}w)?([0-9]{1,6}d)?([0-9]{1,8}h)?([0-9]{1,9}m)?([0-9]{1,10}s)?([0-9]{1,12}ms)?$"},message:"must match pattern \""+"^([0-9]{1,6}y)?([0-9]{1,6}w)?([0-9]{1,6}d)?([0-9]{1,8}h)?([0-9]{1,9}m)?([0-9]{1,10}s)?([0-9]{1,12}ms)?$"+"\"",schema:"^([0-9]{1,6}y)?([0-9]{1,6}w)?([0-9]{1,6}d)?([0-9]{1,8}h)?([0-9]{1,9}m)?([0-9]{1,10}s)?([0-9]{1,12}ms)?$",parentSchema:schema11.properties.spec.properties.alerting.properties.burnRateTiers.items.properties.longWindow,data:data82};
if(vErrors === null){
vErrors = [err202];
}
else {
vErrors.push(err202);
}
errors++;
}
}
else {
const err203 = {instancePath:instancePath+"/spec/alerting/burnRateTiers/" + i1+"/longWindow",schemaPath:"#/properties/spec/properties/alerting/properties/burnRateTiers/items/properties/longWindow/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.alerting.properties.burnRateTiers.items.properties.longWindow.type,parentSchema:schema11.properties.spec.properties.alerting.properties.burnRateTiers.items.properties.longWindow,data:data82};
if(vErrors === null){
vErrors = [err203];
}
else {
vErrors.push(err203);
}
errors++;
}
}
if(data79.shortWindow !== undefined){
let data83 = data79.shortWindow;
if(typeof data83 === "string"){
if(func2(data83) > 32){
const err204 = {instancePath:instancePath+"/spec/alerting/burnRateTiers/" + i1+"/shortWindow",schemaPath:"#/properties/spec/properties/alerting/properties/burnRateTiers/items/properties/shortWindow/maxLength",keyword:"maxLength",params:{limit: 32},message:"must NOT have more than 32 characters",schema:32,parentSchema:schema11.properties.spec.properties.alerting.properties.burnRateTiers.items.properties.shortWindow,data:data83};
if(vErrors === null){
vErrors = [err204];
}
else {
vErrors.push(err204);
}
errors++;
}
if(func2(data83) < 2){
const err205 = {instancePath:instancePath+"/spec/alerting/burnRateTiers/" + i1+"/shortWindow",schemaPath:"#/properties/spec/properties/alerting/properties/burnRateTiers/items/properties/shortWindow/minLength",keyword:"minLength",params:{limit: 2},message:"must NOT have fewer than 2 characters",schema:2,parentSchema:schema11.properties.spec.properties.alerting.properties.burnRateTiers.items.properties.shortWindow,data:data83};
if(vErrors === null){
vErrors = [err205];
}
else {
vErrors.push(err205);
}
errors++;
}
if(!pattern6.test(data83)){
const err206 = {instancePath:instancePath+"/spec/alerting/burnRateTiers/" + i1+"/shortWindow",schemaPath:"#/properties/spec/properties/alerting/properties/burnRateTiers/items/properties/shortWindow/pattern",keyword:"pattern",params:{pattern: "^([0-9]{1,6}y)?([0-9]{1,6}w)?([0-9]{1,6}d)?([0-9]{1,8}h)?([0-9]{1,9}m)?([0-9]{1,10}s)?([0-9]{1,12}ms)?$"},message:"must match pattern \""+"^([0-9]{1,6}y)?([0-9]{1,6}w)?([0-9]{1,6}d)?([0-9]{1,8}h)?([0-9]{1,9}m)?([0-9]{1,10}s)?([0-9]{1,12}ms)?$"+"\"",schema:"^([0-9]{1,6}y)?([0-9]{1,6}w)?([0-9]{1,6}d)?([0-9]{1,8}h)?([0-9]{1,9}m)?([0-9]{1,10}s)?([0-9]{1,12}ms)?$",parentSchema:schema11.properties.spec.properties.alerting.properties.burnRateTiers.items.properties.shortWindow,data:data83};
if(vErrors === null){
vErrors = [err206];
}
else {
vErrors.push(err206);
}
errors++;
}
}
else {
const err207 = {instancePath:instancePath+"/spec/alerting/burnRateTiers/" + i1+"/shortWindow",schemaPath:"#/properties/spec/properties/alerting/properties/burnRateTiers/items/properties/shortWindow/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.alerting.properties.burnRateTiers.items.properties.shortWindow.type,parentSchema:schema11.properties.spec.properties.alerting.properties.burnRateTiers.items.properties.shortWindow,data:data83};
if(vErrors === null){
vErrors = [err207];
}
else {
vErrors.push(err207);
}
errors++;
}
}
}
else {
const err208 = {instancePath:instancePath+"/spec/alerting/burnRateTiers/" + i1,schemaPath:"#/properties/spec/properties/alerting/properties/burnRateTiers/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.alerting.properties.burnRateTiers.items.type,parentSchema:schema11.properties.spec.properties.alerting.properties.burnRateTiers.items,data:data79};
if(vErrors === null){
vErrors = [err208];
}
else {
vErrors.push(err208);
}
errors++;
}
}
}
else {
const err209 = {instancePath:instancePath+"/spec/alerting/burnRateTiers",schemaPath:"#/properties/spec/properties/alerting/properties/burnRateTiers/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.spec.properties.alerting.properties.burnRateTiers.type,parentSchema:schema11.properties.spec.properties.alerting.properties.burnRateTiers,data:data78};
if(vErrors === null){
vErrors = [err209];
}
else {
vErrors.push(err209);
}
errors++;
}
}
if(data71.page !== undefined){
let data84 = data71.page;
if(data84 && typeof data84 == "object" && !Array.isArray(data84)){
for(const key33 in data84){
if(!(((key33 === "disabled") || (key33 === "labels")) || (key33 === "annotations"))){
const err210 = {instancePath:instancePath+"/spec/alerting/page",schemaPath:"#/properties/spec/properties/alerting/properties/page/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key33},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.alerting.properties.page,data:data84};
if(vErrors === null){
vErrors = [err210];
}
else {
vErrors.push(err210);
}
errors++;
}
}
if(data84.disabled !== undefined){
let data85 = data84.disabled;
if(typeof data85 !== "boolean"){
const err211 = {instancePath:instancePath+"/spec/alerting/page/disabled",schemaPath:"#/properties/spec/properties/alerting/properties/page/properties/disabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.spec.properties.alerting.properties.page.properties.disabled.type,parentSchema:schema11.properties.spec.properties.alerting.properties.page.properties.disabled,data:data85};
if(vErrors === null){
vErrors = [err211];
}
else {
vErrors.push(err211);
}
errors++;
}
}
if(data84.labels !== undefined){
let data86 = data84.labels;
if(data86 && typeof data86 == "object" && !Array.isArray(data86)){
if(Object.keys(data86).length > 64){
const err212 = {instancePath:instancePath+"/spec/alerting/page/labels",schemaPath:"#/properties/spec/properties/alerting/properties/page/properties/labels/maxProperties",keyword:"maxProperties",params:{limit: 64},message:"must NOT have more than 64 properties",schema:64,parentSchema:schema11.properties.spec.properties.alerting.properties.page.properties.labels,data:data86};
if(vErrors === null){
vErrors = [err212];
}
else {
vErrors.push(err212);
}
errors++;
}
for(const key34 in data86){
if(pattern5.test(key34)){
let data87 = data86[key34];
if(typeof data87 === "string"){
if(func2(data87) > 1024){
const err213 = {instancePath:instancePath+"/spec/alerting/page/labels/" + key34.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/alerting/properties/page/properties/labels/patternProperties/%5E%5Ba-zA-Z_%5D%5Ba-zA-Z0-9_%5D*%24/maxLength",keyword:"maxLength",params:{limit: 1024},message:"must NOT have more than 1024 characters",schema:1024,parentSchema:schema11.properties.spec.properties.alerting.properties.page.properties.labels.patternProperties["^[a-zA-Z_][a-zA-Z0-9_]*$"],data:data87};
if(vErrors === null){
vErrors = [err213];
}
else {
vErrors.push(err213);
}
errors++;
}
}
else {
const err214 = {instancePath:instancePath+"/spec/alerting/page/labels/" + key34.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/alerting/properties/page/properties/labels/patternProperties/%5E%5Ba-zA-Z_%5D%5Ba-zA-Z0-9_%5D*%24/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.alerting.properties.page.properties.labels.patternProperties["^[a-zA-Z_][a-zA-Z0-9_]*$"].type,parentSchema:schema11.properties.spec.properties.alerting.properties.page.properties.labels.patternProperties["^[a-zA-Z_][a-zA-Z0-9_]*$"],data:data87};
if(vErrors === null){
vErrors = [err214];
}
else {
vErrors.push(err214);
}
errors++;
}
}
}
}
else {
const err215 = {instancePath:instancePath+"/spec/alerting/page/labels",schemaPath:"#/properties/spec/properties/alerting/properties/page/properties/labels/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.alerting.properties.page.properties.labels.type,parentSchema:schema11.properties.spec.properties.alerting.properties.page.properties.labels,data:data86};
if(vErrors === null){
vErrors = [err215];
}
else {
vErrors.push(err215);
}
errors++;
}
}
if(data84.annotations !== undefined){
let data88 = data84.annotations;
if(data88 && typeof data88 == "object" && !Array.isArray(data88)){
if(Object.keys(data88).length > 64){
const err216 = {instancePath:instancePath+"/spec/alerting/page/annotations",schemaPath:"#/properties/spec/properties/alerting/properties/page/properties/annotations/maxProperties",keyword:"maxProperties",params:{limit: 64},message:"must NOT have more than 64 properties",schema:64,parentSchema:schema11.properties.spec.properties.alerting.properties.page.properties.annotations,data:data88};
if(vErrors === null){
vErrors = [err216];
}
else {
vErrors.push(err216);
}
errors++;
}
for(const key35 in data88){
if(pattern5.test(key35)){
let data89 = data88[key35];
if(typeof data89 === "string"){
if(func2(data89) > 4096){
const err217 = {instancePath:instancePath+"/spec/alerting/page/annotations/" + key35.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/alerting/properties/page/properties/annotations/patternProperties/%5E%5Ba-zA-Z_%5D%5Ba-zA-Z0-9_%5D*%24/maxLength",keyword:"maxLength",params:{limit: 4096},message:"must NOT have more than 4096 characters",schema:4096,parentSchema:schema11.properties.spec.properties.alerting.properties.page.properties.annotations.patternProperties["^[a-zA-Z_][a-zA-Z0-9_]*$"],data:data89};
if(vErrors === null){
vErrors = [err217];
}
else {
vErrors.push(err217);
}
errors++;
}
}
else {
const err218 = {instancePath:instancePath+"/spec/alerting/page/annotations/" + key35.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/alerting/properties/page/properties/annotations/patternProperties/%5E%5Ba-zA-Z_%5D%5Ba-zA-Z0-9_%5D*%24/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.alerting.properties.page.properties.annotations.patternProperties["^[a-zA-Z_][a-zA-Z0-9_]*$"].type,parentSchema:schema11.properties.spec.properties.alerting.properties.page.properties.annotations.patternProperties["^[a-zA-Z_][a-zA-Z0-9_]*$"],data:data89};
if(vErrors === null){
vErrors = [err218];
}
else {
vErrors.push(err218);
}
errors++;
}
}
}
}
else {
const err219 = {instancePath:instancePath+"/spec/alerting/page/annotations",schemaPath:"#/properties/spec/properties/alerting/properties/page/properties/annotations/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.alerting.properties.page.properties.annotations.type,parentSchema:schema11.properties.spec.properties.alerting.properties.page.properties.annotations,data:data88};
if(vErrors === null){
vErrors = [err219];
}
else {
vErrors.push(err219);
}
errors++;
}
}
}
else {
const err220 = {instancePath:instancePath+"/spec/alerting/page",schemaPath:"#/properties/spec/properties/alerting/properties/page/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.alerting.properties.page.type,parentSchema:schema11.properties.spec.properties.alerting.properties.page,data:data84};
if(vErrors === null){
vErrors = [err220];
}
else {
vErrors.push(err220);
}
errors++;
}
}
if(data71.ticket !== undefined){
let data90 = data71.ticket;
if(data90 && typeof data90 == "object" && !Array.isArray(data90)){
for(const key36 in data90){
if(!(((key36 === "disabled") || (key36 === "labels")) || (key36 === "annotations"))){
const err221 = {instancePath:instancePath+"/spec/alerting/ticket",schemaPath:"#/properties/spec/properties/alerting/properties/ticket/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key36},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.alerting.properties.ticket,data:data90};
if(vErrors === null){
vErrors = [err221];
}
else {
vErrors.push(err221);
}
errors++;
}
}
if(data90.disabled !== undefined){
let data91 = data90.disabled;
if(typeof data91 !== "boolean"){
const err222 = {instancePath:instancePath+"/spec/alerting/ticket/disabled",schemaPath:"#/properties/spec/properties/alerting/properties/ticket/properties/disabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.spec.properties.alerting.properties.ticket.properties.disabled.type,parentSchema:schema11.properties.spec.properties.alerting.properties.ticket.properties.disabled,data:data91};
if(vErrors === null){
vErrors = [err222];
}
else {
vErrors.push(err222);
}
errors++;
}
}
if(data90.labels !== undefined){
let data92 = data90.labels;
if(data92 && typeof data92 == "object" && !Array.isArray(data92)){
if(Object.keys(data92).length > 64){
const err223 = {instancePath:instancePath+"/spec/alerting/ticket/labels",schemaPath:"#/properties/spec/properties/alerting/properties/ticket/properties/labels/maxProperties",keyword:"maxProperties",params:{limit: 64},message:"must NOT have more than 64 properties",schema:64,parentSchema:schema11.properties.spec.properties.alerting.properties.ticket.properties.labels,data:data92};
if(vErrors === null){
vErrors = [err223];
}
else {
vErrors.push(err223);
}
errors++;
}
for(const key37 in data92){
if(pattern5.test(key37)){
let data93 = data92[key37];
if(typeof data93 === "string"){
if(func2(data93) > 1024){
const err224 = {instancePath:instancePath+"/spec/alerting/ticket/labels/" + key37.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/alerting/properties/ticket/properties/labels/patternProperties/%5E%5Ba-zA-Z_%5D%5Ba-zA-Z0-9_%5D*%24/maxLength",keyword:"maxLength",params:{limit: 1024},message:"must NOT have more than 1024 characters",schema:1024,parentSchema:schema11.properties.spec.properties.alerting.properties.ticket.properties.labels.patternProperties["^[a-zA-Z_][a-zA-Z0-9_]*$"],data:data93};
if(vErrors === null){
vErrors = [err224];
}
else {
vErrors.push(err224);
}
errors++;
}
}
else {
const err225 = {instancePath:instancePath+"/spec/alerting/ticket/labels/" + key37.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/alerting/properties/ticket/properties/labels/patternProperties/%5E%5Ba-zA-Z_%5D%5Ba-zA-Z0-9_%5D*%24/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.alerting.properties.ticket.properties.labels.patternProperties["^[a-zA-Z_][a-zA-Z0-9_]*$"].type,parentSchema:schema11.properties.spec.properties.alerting.properties.ticket.properties.labels.patternProperties["^[a-zA-Z_][a-zA-Z0-9_]*$"],data:data93};
if(vErrors === null){
vErrors = [err225];
}
else {
vErrors.push(err225);
}
errors++;
}
}
}
}
else {
const err226 = {instancePath:instancePath+"/spec/alerting/ticket/labels",schemaPath:"#/properties/spec/properties/alerting/properties/ticket/properties/labels/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.alerting.properties.ticket.properties.labels.type,parentSchema:schema11.properties.spec.properties.alerting.properties.ticket.properties.labels,data:data92};
if(vErrors === null){
vErrors = [err226];
}
else {
vErrors.push(err226);
}
errors++;
}
}
if(data90.annotations !== undefined){
let data94 = data90.annotations;
if(data94 && typeof data94 == "object" && !Array.isArray(data94)){
if(Object.keys(data94).length > 64){
const err227 = {instancePath:instancePath+"/spec/alerting/ticket/annotations",schemaPath:"#/properties/spec/properties/alerting/properties/ticket/properties/annotations/maxProperties",keyword:"maxProperties",params:{limit: 64},message:"must NOT have more than 64 properties",schema:64,parentSchema:schema11.properties.spec.properties.alerting.properties.ticket.properties.annotations,data:data94};
if(vErrors === null){
vErrors = [err227];
}
else {
vErrors.push(err227);
}
errors++;
}
for(const key38 in data94){
if(pattern5.test(key38)){
let data95 = data94[key38];
if(typeof data95 === "string"){
if(func2(data95) > 4096){
const err228 = {instancePath:instancePath+"/spec/alerting/ticket/annotations/" + key38.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/alerting/properties/ticket/properties/annotations/patternProperties/%5E%5Ba-zA-Z_%5D%5Ba-zA-Z0-9_%5D*%24/maxLength",keyword:"maxLength",params:{limit: 4096},message:"must NOT have more than 4096 characters",schema:4096,parentSchema:schema11.properties.spec.properties.alerting.properties.ticket.properties.annotations.patternProperties["^[a-zA-Z_][a-zA-Z0-9_]*$"],data:data95};
if(vErrors === null){
vErrors = [err228];
}
else {
vErrors.push(err228);
}
errors++;
}
}
else {
const err229 = {instancePath:instancePath+"/spec/alerting/ticket/annotations/" + key38.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/alerting/properties/ticket/properties/annotations/patternProperties/%5E%5Ba-zA-Z_%5D%5Ba-zA-Z0-9_%5D*%24/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.alerting.properties.ticket.properties.annotations.patternProperties["^[a-zA-Z_][a-zA-Z0-9_]*$"].type,parentSchema:schema11.properties.spec.properties.alerting.properties.ticket.properties.annotations.patternProperties["^[a-zA-Z_][a-zA-Z0-9_]*$"],data:data95};
if(vErrors === null){
vErrors = [err229];
}
else {
vErrors.push(err229);
}
errors++;
}
}
}
}
else {
const err230 = {instancePath:instancePath+"/spec/alerting/ticket/annotations",schemaPath:"#/properties/spec/properties/alerting/properties/ticket/properties/annotations/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.alerting.properties.ticket.properties.annotations.type,parentSchema:schema11.properties.spec.properties.alerting.properties.ticket.properties.annotations,data:data94};
if(vErrors === null){
vErrors = [err230];
}
else {
vErrors.push(err230);
}
errors++;
}
}
}
else {
const err231 = {instancePath:instancePath+"/spec/alerting/ticket",schemaPath:"#/properties/spec/properties/alerting/properties/ticket/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.alerting.properties.ticket.type,parentSchema:schema11.properties.spec.properties.alerting.properties.ticket,data:data90};
if(vErrors === null){
vErrors = [err231];
}
else {
vErrors.push(err231);
}
errors++;
}
}
if(data71.noData !== undefined){
let data96 = data71.noData;
if(data96 && typeof data96 == "object" && !Array.isArray(data96)){
for(const key39 in data96){
if(!(((((key39 === "disabled") || (key39 === "name")) || (key39 === "for")) || (key39 === "labels")) || (key39 === "annotations"))){
const err232 = {instancePath:instancePath+"/spec/alerting/noData",schemaPath:"#/properties/spec/properties/alerting/properties/noData/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key39},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.alerting.properties.noData,data:data96};
if(vErrors === null){
vErrors = [err232];
}
else {
vErrors.push(err232);
}
errors++;
}
}
if(data96.disabled !== undefined){
let data97 = data96.disabled;
if(typeof data97 !== "boolean"){
const err233 = {instancePath:instancePath+"/spec/alerting/noData/disabled",schemaPath:"#/properties/spec/properties/alerting/properties/noData/properties/disabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.spec.properties.alerting.properties.noData.properties.disabled.type,parentSchema:schema11.properties.spec.properties.alerting.properties.noData.properties.disabled,data:data97};
if(vErrors === null){
vErrors = [err233];
}
else {
vErrors.push(err233);
}
errors++;
}
}
if(data96.name !== undefined){
let data98 = data96.name;
if(typeof data98 === "string"){
if(func2(data98) > 128){
const err234 = {instancePath:instancePath+"/spec/alerting/noData/name",schemaPath:"#/properties/spec/properties/alerting/properties/noData/properties/name/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters",schema:128,parentSchema:schema11.properties.spec.properties.alerting.properties.noData.properties.name,data:data98};
if(vErrors === null){
vErrors = [err234];
}
else {
vErrors.push(err234);
}
errors++;
}
if(!pattern5.test(data98)){
const err235 = {instancePath:instancePath+"/spec/alerting/noData/name",schemaPath:"#/properties/spec/properties/alerting/properties/noData/properties/name/pattern",keyword:"pattern",params:{pattern: "^[a-zA-Z_][a-zA-Z0-9_]*$"},message:"must match pattern \""+"^[a-zA-Z_][a-zA-Z0-9_]*$"+"\"",schema:"^[a-zA-Z_][a-zA-Z0-9_]*$",parentSchema:schema11.properties.spec.properties.alerting.properties.noData.properties.name,data:data98};
if(vErrors === null){
vErrors = [err235];
}
else {
vErrors.push(err235);
}
errors++;
}
}
else {
const err236 = {instancePath:instancePath+"/spec/alerting/noData/name",schemaPath:"#/properties/spec/properties/alerting/properties/noData/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.alerting.properties.noData.properties.name.type,parentSchema:schema11.properties.spec.properties.alerting.properties.noData.properties.name,data:data98};
if(vErrors === null){
vErrors = [err236];
}
else {
vErrors.push(err236);
}
errors++;
}
}
if(data96.for !== undefined){
let data99 = data96.for;
if(typeof data99 === "string"){
if(func2(data99) > 32){
const err237 = {instancePath:instancePath+"/spec/alerting/noData/for",schemaPath:"#/properties/spec/properties/alerting/properties/noData/properties/for/maxLength",keyword:"maxLength",params:{limit: 32},message:"must NOT have more than 32 characters",schema:32,parentSchema:schema11.properties.spec.properties.alerting.properties.noData.properties.for,data:data99};
if(vErrors === null){
vErrors = [err237];
}
else {
vErrors.push(err237);
}
errors++;
}
if(func2(data99) < 2){
const err238 = {instancePath:instancePath+"/spec/alerting/noData/for",schemaPath:"#/properties/spec/properties/alerting/properties/noData/properties/for/minLength",keyword:"minLength",params:{limit: 2},message:"must NOT have fewer than 2 characters",schema:2,parentSchema:schema11.properties.spec.properties.alerting.properties.noData.properties.for,data:data99};
if(vErrors === null){
vErrors = [err238];
}
else {
vErrors.push(err238);
}
errors++;
}
if(!pattern6.test(data99)){
const err239 = {instancePath:instancePath+"/spec/alerting/noData/for",schemaPath:"#/properties/spec/properties/alerting/properties/noData/properties/for/pattern",keyword:"pattern",params:{pattern: "^([0-9]{1,6}y)?([0-9]{1,6}w)?([0-9]{1,6}d)?([0-9]{1,8}h)?([0-9]{1,9}m)?([0-9]{1,10}s)?([0-9]{1,12}ms)?$"},message:"must match pattern \""+"^([0-9]{1,6}y)?([0-9]{1,6}w)?([0-9]{1,6}d)?([0-9]{1,8}h)?([0-9]{1,9}m)?([0-9]{1,10}s)?([0-9]{1,12}ms)?$"+"\"",schema:"^([0-9]{1,6}y)?([0-9]{1,6}w)?([0-9]{1,6}d)?([0-9]{1,8}h)?([0-9]{1,9}m)?([0-9]{1,10}s)?([0-9]{1,12}ms)?$",parentSchema:schema11.properties.spec.properties.alerting.properties.noData.properties.for,data:data99};
if(vErrors === null){
vErrors = [err239];
}
else {
vErrors.push(err239);
}
errors++;
}
}
else {
const err240 = {instancePath:instancePath+"/spec/alerting/noData/for",schemaPath:"#/properties/spec/properties/alerting/properties/noData/properties/for/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.alerting.properties.noData.properties.for.type,parentSchema:schema11.properties.spec.properties.alerting.properties.noData.properties.for,data:data99};
if(vErrors === null){
vErrors = [err240];
}
else {
vErrors.push(err240);
}
errors++;
}
}
if(data96.labels !== undefined){
let data100 = data96.labels;
if(data100 && typeof data100 == "object" && !Array.isArray(data100)){
if(Object.keys(data100).length > 64){
const err241 = {instancePath:instancePath+"/spec/alerting/noData/labels",schemaPath:"#/properties/spec/properties/alerting/properties/noData/properties/labels/maxProperties",keyword:"maxProperties",params:{limit: 64},message:"must NOT have more than 64 properties",schema:64,parentSchema:schema11.properties.spec.properties.alerting.properties.noData.properties.labels,data:data100};
if(vErrors === null){
vErrors = [err241];
}
else {
vErrors.push(err241);
}
errors++;
}
for(const key40 in data100){
if(pattern5.test(key40)){
let data101 = data100[key40];
if(typeof data101 === "string"){
if(func2(data101) > 1024){
const err242 = {instancePath:instancePath+"/spec/alerting/noData/labels/" + key40.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/alerting/properties/noData/properties/labels/patternProperties/%5E%5Ba-zA-Z_%5D%5Ba-zA-Z0-9_%5D*%24/maxLength",keyword:"maxLength",params:{limit: 1024},message:"must NOT have more than 1024 characters",schema:1024,parentSchema:schema11.properties.spec.properties.alerting.properties.noData.properties.labels.patternProperties["^[a-zA-Z_][a-zA-Z0-9_]*$"],data:data101};
if(vErrors === null){
vErrors = [err242];
}
else {
vErrors.push(err242);
}
errors++;
}
}
else {
const err243 = {instancePath:instancePath+"/spec/alerting/noData/labels/" + key40.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/alerting/properties/noData/properties/labels/patternProperties/%5E%5Ba-zA-Z_%5D%5Ba-zA-Z0-9_%5D*%24/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.alerting.properties.noData.properties.labels.patternProperties["^[a-zA-Z_][a-zA-Z0-9_]*$"].type,parentSchema:schema11.properties.spec.properties.alerting.properties.noData.properties.labels.patternProperties["^[a-zA-Z_][a-zA-Z0-9_]*$"],data:data101};
if(vErrors === null){
vErrors = [err243];
}
else {
vErrors.push(err243);
}
errors++;
}
}
}
}
else {
const err244 = {instancePath:instancePath+"/spec/alerting/noData/labels",schemaPath:"#/properties/spec/properties/alerting/properties/noData/properties/labels/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.alerting.properties.noData.properties.labels.type,parentSchema:schema11.properties.spec.properties.alerting.properties.noData.properties.labels,data:data100};
if(vErrors === null){
vErrors = [err244];
}
else {
vErrors.push(err244);
}
errors++;
}
}
if(data96.annotations !== undefined){
let data102 = data96.annotations;
if(data102 && typeof data102 == "object" && !Array.isArray(data102)){
if(Object.keys(data102).length > 64){
const err245 = {instancePath:instancePath+"/spec/alerting/noData/annotations",schemaPath:"#/properties/spec/properties/alerting/properties/noData/properties/annotations/maxProperties",keyword:"maxProperties",params:{limit: 64},message:"must NOT have more than 64 properties",schema:64,parentSchema:schema11.properties.spec.properties.alerting.properties.noData.properties.annotations,data:data102};
if(vErrors === null){
vErrors = [err245];
}
else {
vErrors.push(err245);
}
errors++;
}
for(const key41 in data102){
if(pattern5.test(key41)){
let data103 = data102[key41];
if(typeof data103 === "string"){
if(func2(data103) > 4096){
const err246 = {instancePath:instancePath+"/spec/alerting/noData/annotations/" + key41.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/alerting/properties/noData/properties/annotations/patternProperties/%5E%5Ba-zA-Z_%5D%5Ba-zA-Z0-9_%5D*%24/maxLength",keyword:"maxLength",params:{limit: 4096},message:"must NOT have more than 4096 characters",schema:4096,parentSchema:schema11.properties.spec.properties.alerting.properties.noData.properties.annotations.patternProperties["^[a-zA-Z_][a-zA-Z0-9_]*$"],data:data103};
if(vErrors === null){
vErrors = [err246];
}
else {
vErrors.push(err246);
}
errors++;
}
}
else {
const err247 = {instancePath:instancePath+"/spec/alerting/noData/annotations/" + key41.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/alerting/properties/noData/properties/annotations/patternProperties/%5E%5Ba-zA-Z_%5D%5Ba-zA-Z0-9_%5D*%24/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.alerting.properties.noData.properties.annotations.patternProperties["^[a-zA-Z_][a-zA-Z0-9_]*$"].type,parentSchema:schema11.properties.spec.properties.alerting.properties.noData.properties.annotations.patternProperties["^[a-zA-Z_][a-zA-Z0-9_]*$"],data:data103};
if(vErrors === null){
vErrors = [err247];
}
else {
vErrors.push(err247);
}
errors++;
}
}
}
}
else {
const err248 = {instancePath:instancePath+"/spec/alerting/noData/annotations",schemaPath:"#/properties/spec/properties/alerting/properties/noData/properties/annotations/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.alerting.properties.noData.properties.annotations.type,parentSchema:schema11.properties.spec.properties.alerting.properties.noData.properties.annotations,data:data102};
if(vErrors === null){
vErrors = [err248];
}
else {
vErrors.push(err248);
}
errors++;
}
}
}
else {
const err249 = {instancePath:instancePath+"/spec/alerting/noData",schemaPath:"#/properties/spec/properties/alerting/properties/noData/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.alerting.properties.noData.type,parentSchema:schema11.properties.spec.properties.alerting.properties.noData,data:data96};
if(vErrors === null){
vErrors = [err249];
}
else {
vErrors.push(err249);
}
errors++;
}
}
if(data71.exhausted !== undefined){
let data104 = data71.exhausted;
if(data104 && typeof data104 == "object" && !Array.isArray(data104)){
for(const key42 in data104){
if(!((((key42 === "disabled") || (key42 === "name")) || (key42 === "labels")) || (key42 === "annotations"))){
const err250 = {instancePath:instancePath+"/spec/alerting/exhausted",schemaPath:"#/properties/spec/properties/alerting/properties/exhausted/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key42},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.alerting.properties.exhausted,data:data104};
if(vErrors === null){
vErrors = [err250];
}
else {
vErrors.push(err250);
}
errors++;
}
}
if(data104.disabled !== undefined){
let data105 = data104.disabled;
if(typeof data105 !== "boolean"){
const err251 = {instancePath:instancePath+"/spec/alerting/exhausted/disabled",schemaPath:"#/properties/spec/properties/alerting/properties/exhausted/properties/disabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.spec.properties.alerting.properties.exhausted.properties.disabled.type,parentSchema:schema11.properties.spec.properties.alerting.properties.exhausted.properties.disabled,data:data105};
if(vErrors === null){
vErrors = [err251];
}
else {
vErrors.push(err251);
}
errors++;
}
}
if(data104.name !== undefined){
let data106 = data104.name;
if(typeof data106 === "string"){
if(func2(data106) > 128){
const err252 = {instancePath:instancePath+"/spec/alerting/exhausted/name",schemaPath:"#/properties/spec/properties/alerting/properties/exhausted/properties/name/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters",schema:128,parentSchema:schema11.properties.spec.properties.alerting.properties.exhausted.properties.name,data:data106};
if(vErrors === null){
vErrors = [err252];
}
else {
vErrors.push(err252);
}
errors++;
}
if(!pattern5.test(data106)){
const err253 = {instancePath:instancePath+"/spec/alerting/exhausted/name",schemaPath:"#/properties/spec/properties/alerting/properties/exhausted/properties/name/pattern",keyword:"pattern",params:{pattern: "^[a-zA-Z_][a-zA-Z0-9_]*$"},message:"must match pattern \""+"^[a-zA-Z_][a-zA-Z0-9_]*$"+"\"",schema:"^[a-zA-Z_][a-zA-Z0-9_]*$",parentSchema:schema11.properties.spec.properties.alerting.properties.exhausted.properties.name,data:data106};
if(vErrors === null){
vErrors = [err253];
}
else {
vErrors.push(err253);
}
errors++;
}
}
else {
const err254 = {instancePath:instancePath+"/spec/alerting/exhausted/name",schemaPath:"#/properties/spec/properties/alerting/properties/exhausted/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.alerting.properties.exhausted.properties.name.type,parentSchema:schema11.properties.spec.properties.alerting.properties.exhausted.properties.name,data:data106};
if(vErrors === null){
vErrors = [err254];
}
else {
vErrors.push(err254);
}
errors++;
}
}
if(data104.labels !== undefined){
let data107 = data104.labels;
if(data107 && typeof data107 == "object" && !Array.isArray(data107)){
if(Object.keys(data107).length > 64){
const err255 = {instancePath:instancePath+"/spec/alerting/exhausted/labels",schemaPath:"#/properties/spec/properties/alerting/properties/exhausted/properties/labels/maxProperties",keyword:"maxProperties",params:{limit: 64},message:"must NOT have more than 64 properties",schema:64,parentSchema:schema11.properties.spec.properties.alerting.properties.exhausted.properties.labels,data:data107};
if(vErrors === null){
vErrors = [err255];
}
else {
vErrors.push(err255);
}
errors++;
}
for(const key43 in data107){
if(pattern5.test(key43)){
let data108 = data107[key43];
if(typeof data108 === "string"){
if(func2(data108) > 1024){
const err256 = {instancePath:instancePath+"/spec/alerting/exhausted/labels/" + key43.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/alerting/properties/exhausted/properties/labels/patternProperties/%5E%5Ba-zA-Z_%5D%5Ba-zA-Z0-9_%5D*%24/maxLength",keyword:"maxLength",params:{limit: 1024},message:"must NOT have more than 1024 characters",schema:1024,parentSchema:schema11.properties.spec.properties.alerting.properties.exhausted.properties.labels.patternProperties["^[a-zA-Z_][a-zA-Z0-9_]*$"],data:data108};
if(vErrors === null){
vErrors = [err256];
}
else {
vErrors.push(err256);
}
errors++;
}
}
else {
const err257 = {instancePath:instancePath+"/spec/alerting/exhausted/labels/" + key43.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/alerting/properties/exhausted/properties/labels/patternProperties/%5E%5Ba-zA-Z_%5D%5Ba-zA-Z0-9_%5D*%24/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.alerting.properties.exhausted.properties.labels.patternProperties["^[a-zA-Z_][a-zA-Z0-9_]*$"].type,parentSchema:schema11.properties.spec.properties.alerting.properties.exhausted.properties.labels.patternProperties["^[a-zA-Z_][a-zA-Z0-9_]*$"],data:data108};
if(vErrors === null){
vErrors = [err257];
}
else {
vErrors.push(err257);
}
errors++;
}
}
}
}
else {
const err258 = {instancePath:instancePath+"/spec/alerting/exhausted/labels",schemaPath:"#/properties/spec/properties/alerting/properties/exhausted/properties/labels/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.alerting.properties.exhausted.properties.labels.type,parentSchema:schema11.properties.spec.properties.alerting.properties.exhausted.properties.labels,data:data107};
if(vErrors === null){
vErrors = [err258];
}
else {
vErrors.push(err258);
}
errors++;
}
}
if(data104.annotations !== undefined){
let data109 = data104.annotations;
if(data109 && typeof data109 == "object" && !Array.isArray(data109)){
if(Object.keys(data109).length > 64){
const err259 = {instancePath:instancePath+"/spec/alerting/exhausted/annotations",schemaPath:"#/properties/spec/properties/alerting/properties/exhausted/properties/annotations/maxProperties",keyword:"maxProperties",params:{limit: 64},message:"must NOT have more than 64 properties",schema:64,parentSchema:schema11.properties.spec.properties.alerting.properties.exhausted.properties.annotations,data:data109};
if(vErrors === null){
vErrors = [err259];
}
else {
vErrors.push(err259);
}
errors++;
}
for(const key44 in data109){
if(pattern5.test(key44)){
let data110 = data109[key44];
if(typeof data110 === "string"){
if(func2(data110) > 4096){
const err260 = {instancePath:instancePath+"/spec/alerting/exhausted/annotations/" + key44.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/alerting/properties/exhausted/properties/annotations/patternProperties/%5E%5Ba-zA-Z_%5D%5Ba-zA-Z0-9_%5D*%24/maxLength",keyword:"maxLength",params:{limit: 4096},message:"must NOT have more than 4096 characters",schema:4096,parentSchema:schema11.properties.spec.properties.alerting.properties.exhausted.properties.annotations.patternProperties["^[a-zA-Z_][a-zA-Z0-9_]*$"],data:data110};
if(vErrors === null){
vErrors = [err260];
}
else {
vErrors.push(err260);
}
errors++;
}
}
else {
const err261 = {instancePath:instancePath+"/spec/alerting/exhausted/annotations/" + key44.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/spec/properties/alerting/properties/exhausted/properties/annotations/patternProperties/%5E%5Ba-zA-Z_%5D%5Ba-zA-Z0-9_%5D*%24/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.alerting.properties.exhausted.properties.annotations.patternProperties["^[a-zA-Z_][a-zA-Z0-9_]*$"].type,parentSchema:schema11.properties.spec.properties.alerting.properties.exhausted.properties.annotations.patternProperties["^[a-zA-Z_][a-zA-Z0-9_]*$"],data:data110};
if(vErrors === null){
vErrors = [err261];
}
else {
vErrors.push(err261);
}
errors++;
}
}
}
}
else {
const err262 = {instancePath:instancePath+"/spec/alerting/exhausted/annotations",schemaPath:"#/properties/spec/properties/alerting/properties/exhausted/properties/annotations/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.alerting.properties.exhausted.properties.annotations.type,parentSchema:schema11.properties.spec.properties.alerting.properties.exhausted.properties.annotations,data:data109};
if(vErrors === null){
vErrors = [err262];
}
else {
vErrors.push(err262);
}
errors++;
}
}
}
else {
const err263 = {instancePath:instancePath+"/spec/alerting/exhausted",schemaPath:"#/properties/spec/properties/alerting/properties/exhausted/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.alerting.properties.exhausted.type,parentSchema:schema11.properties.spec.properties.alerting.properties.exhausted,data:data104};
if(vErrors === null){
vErrors = [err263];
}
else {
vErrors.push(err263);
}
errors++;
}
}
}
else {
const err264 = {instancePath:instancePath+"/spec/alerting",schemaPath:"#/properties/spec/properties/alerting/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.alerting.type,parentSchema:schema11.properties.spec.properties.alerting,data:data71};
if(vErrors === null){
vErrors = [err264];
}
else {
vErrors.push(err264);
}
errors++;
}
}
if(data9.maintenance !== undefined){
let data111 = data9.maintenance;
if(Array.isArray(data111)){
if(data111.length > 64){
const err265 = {instancePath:instancePath+"/spec/maintenance",schemaPath:"#/properties/spec/properties/maintenance/maxItems",keyword:"maxItems",params:{limit: 64},message:"must NOT have more than 64 items",schema:64,parentSchema:schema11.properties.spec.properties.maintenance,data:data111};
if(vErrors === null){
vErrors = [err265];
}
else {
vErrors.push(err265);
}
errors++;
}
const len2 = data111.length;
for(let i2=0; i2<len2; i2++){
let data112 = data111[i2];
if(data112 && typeof data112 == "object" && !Array.isArray(data112)){
for(const key45 in data112){
if(!(((((key45 === "schedule") || (key45 === "duration")) || (key45 === "start")) || (key45 === "end")) || (key45 === "description"))){
const err266 = {instancePath:instancePath+"/spec/maintenance/" + i2,schemaPath:"#/properties/spec/properties/maintenance/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key45},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.maintenance.items,data:data112};
if(vErrors === null){
vErrors = [err266];
}
else {
vErrors.push(err266);
}
errors++;
}
}
if(data112.schedule !== undefined){
let data113 = data112.schedule;
if(typeof data113 === "string"){
if(func2(data113) > 128){
const err267 = {instancePath:instancePath+"/spec/maintenance/" + i2+"/schedule",schemaPath:"#/properties/spec/properties/maintenance/items/properties/schedule/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters",schema:128,parentSchema:schema11.properties.spec.properties.maintenance.items.properties.schedule,data:data113};
if(vErrors === null){
vErrors = [err267];
}
else {
vErrors.push(err267);
}
errors++;
}
}
else {
const err268 = {instancePath:instancePath+"/spec/maintenance/" + i2+"/schedule",schemaPath:"#/properties/spec/properties/maintenance/items/properties/schedule/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.maintenance.items.properties.schedule.type,parentSchema:schema11.properties.spec.properties.maintenance.items.properties.schedule,data:data113};
if(vErrors === null){
vErrors = [err268];
}
else {
vErrors.push(err268);
}
errors++;
}
}
if(data112.duration !== undefined){
let data114 = data112.duration;
if(typeof data114 === "string"){
if(func2(data114) > 32){
const err269 = {instancePath:instancePath+"/spec/maintenance/" + i2+"/duration",schemaPath:"#/properties/spec/properties/maintenance/items/properties/duration/maxLength",keyword:"maxLength",params:{limit: 32},message:"must NOT have more than 32 characters",schema:32,parentSchema:schema11.properties.spec.properties.maintenance.items.properties.duration,data:data114};
if(vErrors === null){
vErrors = [err269];
}
else {
vErrors.push(err269);
}
errors++;
}
if(func2(data114) < 2){
const err270 = {instancePath:instancePath+"/spec/maintenance/" + i2+"/duration",schemaPath:"#/properties/spec/properties/maintenance/items/properties/duration/minLength",keyword:"minLength",params:{limit: 2},message:"must NOT have fewer than 2 characters",schema:2,parentSchema:schema11.properties.spec.properties.maintenance.items.properties.duration,data:data114};
if(vErrors === null){
vErrors = [err270];
}
else {
vErrors.push(err270);
}
errors++;
}
if(!pattern6.test(data114)){
const err271 = {instancePath:instancePath+"/spec/maintenance/" + i2+"/duration",schemaPath:"#/properties/spec/properties/maintenance/items/properties/duration/pattern",keyword:"pattern",params:{pattern: "^([0-9]{1,6}y)?([0-9]{1,6}w)?([0-9]{1,6}d)?([0-9]{1,8}h)?([0-9]{1,9}m)?([0-9]{1,10}s)?([0-9]{1,12}ms)?$"},message:"must match pattern \""+"^([0-9]{1,6}y)?([0-9]{1,6}w)?([0-9]{1,6}d)?([0-9]{1,8}h)?([0-9]{1,9}m)?([0-9]{1,10}s)?([0-9]{1,12}ms)?$"+"\"",schema:"^([0-9]{1,6}y)?([0-9]{1,6}w)?([0-9]{1,6}d)?([0-9]{1,8}h)?([0-9]{1,9}m)?([0-9]{1,10}s)?([0-9]{1,12}ms)?$",parentSchema:schema11.properties.spec.properties.maintenance.items.properties.duration,data:data114};
if(vErrors === null){
vErrors = [err271];
}
else {
vErrors.push(err271);
}
errors++;
}
}
else {
const err272 = {instancePath:instancePath+"/spec/maintenance/" + i2+"/duration",schemaPath:"#/properties/spec/properties/maintenance/items/properties/duration/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.maintenance.items.properties.duration.type,parentSchema:schema11.properties.spec.properties.maintenance.items.properties.duration,data:data114};
if(vErrors === null){
vErrors = [err272];
}
else {
vErrors.push(err272);
}
errors++;
}
}
if(data112.start !== undefined){
let data115 = data112.start;
if(typeof data115 === "string"){
if(!(formats0.test(data115))){
const err273 = {instancePath:instancePath+"/spec/maintenance/" + i2+"/start",schemaPath:"#/properties/spec/properties/maintenance/items/properties/start/format",keyword:"format",params:{format: "date-time"},message:"must match format \""+"date-time"+"\"",schema:"date-time",parentSchema:schema11.properties.spec.properties.maintenance.items.properties.start,data:data115};
if(vErrors === null){
vErrors = [err273];
}
else {
vErrors.push(err273);
}
errors++;
}
}
else {
const err274 = {instancePath:instancePath+"/spec/maintenance/" + i2+"/start",schemaPath:"#/properties/spec/properties/maintenance/items/properties/start/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.maintenance.items.properties.start.type,parentSchema:schema11.properties.spec.properties.maintenance.items.properties.start,data:data115};
if(vErrors === null){
vErrors = [err274];
}
else {
vErrors.push(err274);
}
errors++;
}
}
if(data112.end !== undefined){
let data116 = data112.end;
if(typeof data116 === "string"){
if(!(formats0.test(data116))){
const err275 = {instancePath:instancePath+"/spec/maintenance/" + i2+"/end",schemaPath:"#/properties/spec/properties/maintenance/items/properties/end/format",keyword:"format",params:{format: "date-time"},message:"must match format \""+"date-time"+"\"",schema:"date-time",parentSchema:schema11.properties.spec.properties.maintenance.items.properties.end,data:data116};
if(vErrors === null){
vErrors = [err275];
}
else {
vErrors.push(err275);
}
errors++;
}
}
else {
const err276 = {instancePath:instancePath+"/spec/maintenance/" + i2+"/end",schemaPath:"#/properties/spec/properties/maintenance/items/properties/end/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.maintenance.items.properties.end.type,parentSchema:schema11.properties.spec.properties.maintenance.items.properties.end,data:data116};
if(vErrors === null){
vErrors = [err276];
}
else {
vErrors.push(err276);
}
errors++;
}
}
if(data112.description !== undefined){
let data117 = data112.description;
if(typeof data117 === "string"){
if(func2(data117) > 256){
const err277 = {instancePath:instancePath+"/spec/maintenance/" + i2+"/description",schemaPath:"#/properties/spec/properties/maintenance/items/properties/description/maxLength",keyword:"maxLength",params:{limit: 256},message:"must NOT have more than 256 characters",schema:256,parentSchema:schema11.properties.spec.properties.maintenance.items.properties.description,data:data117};
if(vErrors === null){
vErrors = [err277];
}
else {
vErrors.push(err277);
}
errors++;
}
}
else {
const err278 = {instancePath:instancePath+"/spec/maintenance/" + i2+"/description",schemaPath:"#/properties/spec/properties/maintenance/items/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.maintenance.items.properties.description.type,parentSchema:schema11.properties.spec.properties.maintenance.items.properties.description,data:data117};
if(vErrors === null){
vErrors = [err278];
}
else {
vErrors.push(err278);
}
errors++;
}
}
}
else {
const err279 = {instancePath:instancePath+"/spec/maintenance/" + i2,schemaPath:"#/properties/spec/properties/maintenance/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.maintenance.items.type,parentSchema:schema11.properties.spec.properties.maintenance.items,data:data112};
if(vErrors === null){
vErrors = [err279];
}
else {
vErrors.push(err279);
}
errors++;
}
}
}
else {
const err280 = {instancePath:instancePath+"/spec/maintenance",schemaPath:"#/properties/spec/properties/maintenance/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.spec.properties.maintenance.type,parentSchema:schema11.properties.spec.properties.maintenance,data:data111};
if(vErrors === null){
vErrors = [err280];
}
else {
vErrors.push(err280);
}
errors++;
}
}
if(data9.credits !== undefined){
let data118 = data9.credits;
if(Array.isArray(data118)){
if(data118.length > 16){
const err281 = {instancePath:instancePath+"/spec/credits",schemaPath:"#/properties/spec/properties/credits/maxItems",keyword:"maxItems",params:{limit: 16},message:"must NOT have more than 16 items",schema:16,parentSchema:schema11.properties.spec.properties.credits,data:data118};
if(vErrors === null){
vErrors = [err281];
}
else {
vErrors.push(err281);
}
errors++;
}
const len3 = data118.length;
for(let i3=0; i3<len3; i3++){
let data119 = data118[i3];
if(data119 && typeof data119 == "object" && !Array.isArray(data119)){
if(data119.below === undefined){
const err282 = {instancePath:instancePath+"/spec/credits/" + i3,schemaPath:"#/properties/spec/properties/credits/items/required",keyword:"required",params:{missingProperty: "below"},message:"must have required property '"+"below"+"'",schema:schema11.properties.spec.properties.credits.items.required,parentSchema:schema11.properties.spec.properties.credits.items,data:data119};
if(vErrors === null){
vErrors = [err282];
}
else {
vErrors.push(err282);
}
errors++;
}
if(data119.credit === undefined){
const err283 = {instancePath:instancePath+"/spec/credits/" + i3,schemaPath:"#/properties/spec/properties/credits/items/required",keyword:"required",params:{missingProperty: "credit"},message:"must have required property '"+"credit"+"'",schema:schema11.properties.spec.properties.credits.items.required,parentSchema:schema11.properties.spec.properties.credits.items,data:data119};
if(vErrors === null){
vErrors = [err283];
}
else {
vErrors.push(err283);
}
errors++;
}
for(const key46 in data119){
if(!((key46 === "below") || (key46 === "credit"))){
const err284 = {instancePath:instancePath+"/spec/credits/" + i3,schemaPath:"#/properties/spec/properties/credits/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key46},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.credits.items,data:data119};
if(vErrors === null){
vErrors = [err284];
}
else {
vErrors.push(err284);
}
errors++;
}
}
if(data119.below !== undefined){
let data120 = data119.below;
if((typeof data120 == "number") && (isFinite(data120))){
if(data120 > 100 || isNaN(data120)){
const err285 = {instancePath:instancePath+"/spec/credits/" + i3+"/below",schemaPath:"#/properties/spec/properties/credits/items/properties/below/maximum",keyword:"maximum",params:{comparison: "<=", limit: 100},message:"must be <= 100",schema:100,parentSchema:schema11.properties.spec.properties.credits.items.properties.below,data:data120};
if(vErrors === null){
vErrors = [err285];
}
else {
vErrors.push(err285);
}
errors++;
}
if(data120 <= 0 || isNaN(data120)){
const err286 = {instancePath:instancePath+"/spec/credits/" + i3+"/below",schemaPath:"#/properties/spec/properties/credits/items/properties/below/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0",schema:0,parentSchema:schema11.properties.spec.properties.credits.items.properties.below,data:data120};
if(vErrors === null){
vErrors = [err286];
}
else {
vErrors.push(err286);
}
errors++;
}
}
else {
const err287 = {instancePath:instancePath+"/spec/credits/" + i3+"/below",schemaPath:"#/properties/spec/properties/credits/items/properties/below/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema11.properties.spec.properties.credits.items.properties.below.type,parentSchema:schema11.properties.spec.properties.credits.items.properties.below,data:data120};
if(vErrors === null){
vErrors = [err287];
}
else {
vErrors.push(err287);
}
errors++;
}
}
if(data119.credit !== undefined){
let data121 = data119.credit;
if((typeof data121 == "number") && (isFinite(data121))){
if(data121 > 100 || isNaN(data121)){
const err288 = {instancePath:instancePath+"/spec/credits/" + i3+"/credit",schemaPath:"#/properties/spec/properties/credits/items/properties/credit/maximum",keyword:"maximum",params:{comparison: "<=", limit: 100},message:"must be <= 100",schema:100,parentSchema:schema11.properties.spec.properties.credits.items.properties.credit,data:data121};
if(vErrors === null){
vErrors = [err288];
}
else {
vErrors.push(err288);
}
errors++;
}
if(data121 < 0 || isNaN(data121)){
const err289 = {instancePath:instancePath+"/spec/credits/" + i3+"/credit",schemaPath:"#/properties/spec/properties/credits/items/properties/credit/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.spec.properties.credits.items.properties.credit,data:data121};
if(vErrors === null){
vErrors = [err289];
}
else {
vErrors.push(err289);
}
errors++;
}
}
else {
const err290 = {instancePath:instancePath+"/spec/credits/" + i3+"/credit",schemaPath:"#/properties/spec/properties/credits/items/properties/credit/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema11.properties.spec.properties.credits.items.properties.credit.type,parentSchema:schema11.properties.spec.properties.credits.items.properties.credit,data:data121};
if(vErrors === null){
vErrors = [err290];
}
else {
vErrors.push(err290);
}
errors++;
}
}
}
else {
const err291 = {instancePath:instancePath+"/spec/credits/" + i3,schemaPath:"#/properties/spec/properties/credits/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.credits.items.type,parentSchema:schema11.properties.spec.properties.credits.items,data:data119};
if(vErrors === null){
vErrors = [err291];
}
else {
vErrors.push(err291);
}
errors++;
}
}
}
else {
const err292 = {instancePath:instancePath+"/spec/credits",schemaPath:"#/properties/spec/properties/credits/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.spec.properties.credits.type,parentSchema:schema11.properties.spec.properties.credits,data:data118};
if(vErrors === null){
vErrors = [err292];
}
else {
vErrors.push(err292);
}
errors++;
}
}
if(data9.dependencies !== undefined){
let data122 = data9.dependencies;
if(Array.isArray(data122)){
if(data122.length > 64){
const err293 = {instancePath:instancePath+"/spec/dependencies",schemaPath:"#/properties/spec/properties/dependencies/maxItems",keyword:"maxItems",params:{limit: 64},message:"must NOT have more than 64 items",schema:64,parentSchema:schema11.properties.spec.properties.dependencies,data:data122};
if(vErrors === null){
vErrors = [err293];
}
else {
vErrors.push(err293);
}
errors++;
}
const len4 = data122.length;
for(let i4=0; i4<len4; i4++){
let data123 = data122[i4];
if(data123 && typeof data123 == "object" && !Array.isArray(data123)){
if(data123.name === undefined){
const err294 = {instancePath:instancePath+"/spec/dependencies/" + i4,schemaPath:"#/properties/spec/properties/dependencies/items/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema11.properties.spec.properties.dependencies.items.required,parentSchema:schema11.properties.spec.properties.dependencies.items,data:data123};
if(vErrors === null){
vErrors = [err294];
}
else {
vErrors.push(err294);
}
errors++;
}
for(const key47 in data123){
if(!(((key47 === "name") || (key47 === "namespace")) || (key47 === "weakerBecause"))){
const err295 = {instancePath:instancePath+"/spec/dependencies/" + i4,schemaPath:"#/properties/spec/properties/dependencies/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key47},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.dependencies.items,data:data123};
if(vErrors === null){
vErrors = [err295];
}
else {
vErrors.push(err295);
}
errors++;
}
}
if(data123.name !== undefined){
let data124 = data123.name;
if(typeof data124 === "string"){
if(func2(data124) > 253){
const err296 = {instancePath:instancePath+"/spec/dependencies/" + i4+"/name",schemaPath:"#/properties/spec/properties/dependencies/items/properties/name/maxLength",keyword:"maxLength",params:{limit: 253},message:"must NOT have more than 253 characters",schema:253,parentSchema:schema11.properties.spec.properties.dependencies.items.properties.name,data:data124};
if(vErrors === null){
vErrors = [err296];
}
else {
vErrors.push(err296);
}
errors++;
}
if(!pattern0.test(data124)){
const err297 = {instancePath:instancePath+"/spec/dependencies/" + i4+"/name",schemaPath:"#/properties/spec/properties/dependencies/items/properties/name/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"+"\"",schema:"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$",parentSchema:schema11.properties.spec.properties.dependencies.items.properties.name,data:data124};
if(vErrors === null){
vErrors = [err297];
}
else {
vErrors.push(err297);
}
errors++;
}
}
else {
const err298 = {instancePath:instancePath+"/spec/dependencies/" + i4+"/name",schemaPath:"#/properties/spec/properties/dependencies/items/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.dependencies.items.properties.name.type,parentSchema:schema11.properties.spec.properties.dependencies.items.properties.name,data:data124};
if(vErrors === null){
vErrors = [err298];
}
else {
vErrors.push(err298);
}
errors++;
}
}
if(data123.namespace !== undefined){
let data125 = data123.namespace;
if(typeof data125 === "string"){
if(func2(data125) > 63){
const err299 = {instancePath:instancePath+"/spec/dependencies/" + i4+"/namespace",schemaPath:"#/properties/spec/properties/dependencies/items/properties/namespace/maxLength",keyword:"maxLength",params:{limit: 63},message:"must NOT have more than 63 characters",schema:63,parentSchema:schema11.properties.spec.properties.dependencies.items.properties.namespace,data:data125};
if(vErrors === null){
vErrors = [err299];
}
else {
vErrors.push(err299);
}
errors++;
}
if(!pattern0.test(data125)){
const err300 = {instancePath:instancePath+"/spec/dependencies/" + i4+"/namespace",schemaPath:"#/properties/spec/properties/dependencies/items/properties/namespace/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"+"\"",schema:"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$",parentSchema:schema11.properties.spec.properties.dependencies.items.properties.namespace,data:data125};
if(vErrors === null){
vErrors = [err300];
}
else {
vErrors.push(err300);
}
errors++;
}
}
else {
const err301 = {instancePath:instancePath+"/spec/dependencies/" + i4+"/namespace",schemaPath:"#/properties/spec/properties/dependencies/items/properties/namespace/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.dependencies.items.properties.namespace.type,parentSchema:schema11.properties.spec.properties.dependencies.items.properties.namespace,data:data125};
if(vErrors === null){
vErrors = [err301];
}
else {
vErrors.push(err301);
}
errors++;
}
}
if(data123.weakerBecause !== undefined){
let data126 = data123.weakerBecause;
if(typeof data126 === "string"){
if(func2(data126) > 1024){
const err302 = {instancePath:instancePath+"/spec/dependencies/" + i4+"/weakerBecause",schemaPath:"#/properties/spec/properties/dependencies/items/properties/weakerBecause/maxLength",keyword:"maxLength",params:{limit: 1024},message:"must NOT have more than 1024 characters",schema:1024,parentSchema:schema11.properties.spec.properties.dependencies.items.properties.weakerBecause,data:data126};
if(vErrors === null){
vErrors = [err302];
}
else {
vErrors.push(err302);
}
errors++;
}
if(func2(data126) < 1){
const err303 = {instancePath:instancePath+"/spec/dependencies/" + i4+"/weakerBecause",schemaPath:"#/properties/spec/properties/dependencies/items/properties/weakerBecause/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.spec.properties.dependencies.items.properties.weakerBecause,data:data126};
if(vErrors === null){
vErrors = [err303];
}
else {
vErrors.push(err303);
}
errors++;
}
}
else {
const err304 = {instancePath:instancePath+"/spec/dependencies/" + i4+"/weakerBecause",schemaPath:"#/properties/spec/properties/dependencies/items/properties/weakerBecause/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.dependencies.items.properties.weakerBecause.type,parentSchema:schema11.properties.spec.properties.dependencies.items.properties.weakerBecause,data:data126};
if(vErrors === null){
vErrors = [err304];
}
else {
vErrors.push(err304);
}
errors++;
}
}
}
else {
const err305 = {instancePath:instancePath+"/spec/dependencies/" + i4,schemaPath:"#/properties/spec/properties/dependencies/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.dependencies.items.type,parentSchema:schema11.properties.spec.properties.dependencies.items,data:data123};
if(vErrors === null){
vErrors = [err305];
}
else {
vErrors.push(err305);
}
errors++;
}
}
}
else {
const err306 = {instancePath:instancePath+"/spec/dependencies",schemaPath:"#/properties/spec/properties/dependencies/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.spec.properties.dependencies.type,parentSchema:schema11.properties.spec.properties.dependencies,data:data122};
if(vErrors === null){
vErrors = [err306];
}
else {
vErrors.push(err306);
}
errors++;
}
}
if(data9.review !== undefined){
let data127 = data9.review;
if(data127 && typeof data127 == "object" && !Array.isArray(data127)){
if(data127.every === undefined){
const err307 = {instancePath:instancePath+"/spec/review",schemaPath:"#/properties/spec/properties/review/required",keyword:"required",params:{missingProperty: "every"},message:"must have required property '"+"every"+"'",schema:schema11.properties.spec.properties.review.required,parentSchema:schema11.properties.spec.properties.review,data:data127};
if(vErrors === null){
vErrors = [err307];
}
else {
vErrors.push(err307);
}
errors++;
}
for(const key48 in data127){
if(!((key48 === "every") || (key48 === "lastReviewed"))){
const err308 = {instancePath:instancePath+"/spec/review",schemaPath:"#/properties/spec/properties/review/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key48},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.review,data:data127};
if(vErrors === null){
vErrors = [err308];
}
else {
vErrors.push(err308);
}
errors++;
}
}
if(data127.every !== undefined){
let data128 = data127.every;
if(typeof data128 === "string"){
if(func2(data128) > 32){
const err309 = {instancePath:instancePath+"/spec/review/every",schemaPath:"#/properties/spec/properties/review/properties/every/maxLength",keyword:"maxLength",params:{limit: 32},message:"must NOT have more than 32 characters",schema:32,parentSchema:schema11.properties.spec.properties.review.properties.every,data:data128};
if(vErrors === null){
vErrors = [err309];
}
else {
vErrors.push(err309);
}
errors++;
}
if(func2(data128) < 2){
const err310 = {instancePath:instancePath+"/spec/review/every",schemaPath:"#/properties/spec/properties/review/properties/every/minLength",keyword:"minLength",params:{limit: 2},message:"must NOT have fewer than 2 characters",schema:2,parentSchema:schema11.properties.spec.properties.review.properties.every,data:data128};
if(vErrors === null){
vErrors = [err310];
}
else {
vErrors.push(err310);
}
errors++;
}
if(!pattern6.test(data128)){
const err311 = {instancePath:instancePath+"/spec/review/every",schemaPath:"#/properties/spec/properties/review/properties/every/pattern",keyword:"pattern",params:{pattern: "^([0-9]{1,6}y)?([0-9]{1,6}w)?([0-9]{1,6}d)?([0-9]{1,8}h)?([0-9]{1,9}m)?([0-9]{1,10}s)?([0-9]{1,12}ms)?$"},message:"must match pattern \""+"^([0-9]{1,6}y)?([0-9]{1,6}w)?([0-9]{1,6}d)?([0-9]{1,8}h)?([0-9]{1,9}m)?([0-9]{1,10}s)?([0-9]{1,12}ms)?$"+"\"",schema:"^([0-9]{1,6}y)?([0-9]{1,6}w)?([0-9]{1,6}d)?([0-9]{1,8}h)?([0-9]{1,9}m)?([0-9]{1,10}s)?([0-9]{1,12}ms)?$",parentSchema:schema11.properties.spec.properties.review.properties.every,data:data128};
if(vErrors === null){
vErrors = [err311];
}
else {
vErrors.push(err311);
}
errors++;
}
}
else {
const err312 = {instancePath:instancePath+"/spec/review/every",schemaPath:"#/properties/spec/properties/review/properties/every/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.review.properties.every.type,parentSchema:schema11.properties.spec.properties.review.properties.every,data:data128};
if(vErrors === null){
vErrors = [err312];
}
else {
vErrors.push(err312);
}
errors++;
}
}
if(data127.lastReviewed !== undefined){
let data129 = data127.lastReviewed;
if(typeof data129 === "string"){
if(!(formats4.test(data129))){
const err313 = {instancePath:instancePath+"/spec/review/lastReviewed",schemaPath:"#/properties/spec/properties/review/properties/lastReviewed/format",keyword:"format",params:{format: "date"},message:"must match format \""+"date"+"\"",schema:"date",parentSchema:schema11.properties.spec.properties.review.properties.lastReviewed,data:data129};
if(vErrors === null){
vErrors = [err313];
}
else {
vErrors.push(err313);
}
errors++;
}
}
else {
const err314 = {instancePath:instancePath+"/spec/review/lastReviewed",schemaPath:"#/properties/spec/properties/review/properties/lastReviewed/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.review.properties.lastReviewed.type,parentSchema:schema11.properties.spec.properties.review.properties.lastReviewed,data:data129};
if(vErrors === null){
vErrors = [err314];
}
else {
vErrors.push(err314);
}
errors++;
}
}
}
else {
const err315 = {instancePath:instancePath+"/spec/review",schemaPath:"#/properties/spec/properties/review/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.review.type,parentSchema:schema11.properties.spec.properties.review,data:data127};
if(vErrors === null){
vErrors = [err315];
}
else {
vErrors.push(err315);
}
errors++;
}
}
if(data9.compatibility !== undefined){
let data130 = data9.compatibility;
if(data130 && typeof data130 == "object" && !Array.isArray(data130)){
for(const key49 in data130){
if(!((key49 === "sloth") || (key49 === "pyrra"))){
const err316 = {instancePath:instancePath+"/spec/compatibility",schemaPath:"#/properties/spec/properties/compatibility/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key49},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.compatibility,data:data130};
if(vErrors === null){
vErrors = [err316];
}
else {
vErrors.push(err316);
}
errors++;
}
}
if(data130.sloth !== undefined){
let data131 = data130.sloth;
if(typeof data131 !== "boolean"){
const err317 = {instancePath:instancePath+"/spec/compatibility/sloth",schemaPath:"#/properties/spec/properties/compatibility/properties/sloth/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.spec.properties.compatibility.properties.sloth.type,parentSchema:schema11.properties.spec.properties.compatibility.properties.sloth,data:data131};
if(vErrors === null){
vErrors = [err317];
}
else {
vErrors.push(err317);
}
errors++;
}
}
if(data130.pyrra !== undefined){
let data132 = data130.pyrra;
if(typeof data132 !== "boolean"){
const err318 = {instancePath:instancePath+"/spec/compatibility/pyrra",schemaPath:"#/properties/spec/properties/compatibility/properties/pyrra/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.spec.properties.compatibility.properties.pyrra.type,parentSchema:schema11.properties.spec.properties.compatibility.properties.pyrra,data:data132};
if(vErrors === null){
vErrors = [err318];
}
else {
vErrors.push(err318);
}
errors++;
}
}
}
else {
const err319 = {instancePath:instancePath+"/spec/compatibility",schemaPath:"#/properties/spec/properties/compatibility/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.compatibility.type,parentSchema:schema11.properties.spec.properties.compatibility,data:data130};
if(vErrors === null){
vErrors = [err319];
}
else {
vErrors.push(err319);
}
errors++;
}
}
if(data9.dashboard !== undefined){
let data133 = data9.dashboard;
if(data133 && typeof data133 == "object" && !Array.isArray(data133)){
for(const key50 in data133){
if(!((((key50 === "disabled") || (key50 === "own")) || (key50 === "folder")) || (key50 === "filters"))){
const err320 = {instancePath:instancePath+"/spec/dashboard",schemaPath:"#/properties/spec/properties/dashboard/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key50},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec.properties.dashboard,data:data133};
if(vErrors === null){
vErrors = [err320];
}
else {
vErrors.push(err320);
}
errors++;
}
}
if(data133.disabled !== undefined){
let data134 = data133.disabled;
if(typeof data134 !== "boolean"){
const err321 = {instancePath:instancePath+"/spec/dashboard/disabled",schemaPath:"#/properties/spec/properties/dashboard/properties/disabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.spec.properties.dashboard.properties.disabled.type,parentSchema:schema11.properties.spec.properties.dashboard.properties.disabled,data:data134};
if(vErrors === null){
vErrors = [err321];
}
else {
vErrors.push(err321);
}
errors++;
}
}
if(data133.own !== undefined){
let data135 = data133.own;
if(typeof data135 !== "boolean"){
const err322 = {instancePath:instancePath+"/spec/dashboard/own",schemaPath:"#/properties/spec/properties/dashboard/properties/own/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.spec.properties.dashboard.properties.own.type,parentSchema:schema11.properties.spec.properties.dashboard.properties.own,data:data135};
if(vErrors === null){
vErrors = [err322];
}
else {
vErrors.push(err322);
}
errors++;
}
}
if(data133.folder !== undefined){
let data136 = data133.folder;
if(typeof data136 === "string"){
if(func2(data136) > 128){
const err323 = {instancePath:instancePath+"/spec/dashboard/folder",schemaPath:"#/properties/spec/properties/dashboard/properties/folder/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters",schema:128,parentSchema:schema11.properties.spec.properties.dashboard.properties.folder,data:data136};
if(vErrors === null){
vErrors = [err323];
}
else {
vErrors.push(err323);
}
errors++;
}
}
else {
const err324 = {instancePath:instancePath+"/spec/dashboard/folder",schemaPath:"#/properties/spec/properties/dashboard/properties/folder/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.dashboard.properties.folder.type,parentSchema:schema11.properties.spec.properties.dashboard.properties.folder,data:data136};
if(vErrors === null){
vErrors = [err324];
}
else {
vErrors.push(err324);
}
errors++;
}
}
if(data133.filters !== undefined){
let data137 = data133.filters;
if(Array.isArray(data137)){
if(data137.length > 16){
const err325 = {instancePath:instancePath+"/spec/dashboard/filters",schemaPath:"#/properties/spec/properties/dashboard/properties/filters/maxItems",keyword:"maxItems",params:{limit: 16},message:"must NOT have more than 16 items",schema:16,parentSchema:schema11.properties.spec.properties.dashboard.properties.filters,data:data137};
if(vErrors === null){
vErrors = [err325];
}
else {
vErrors.push(err325);
}
errors++;
}
const len5 = data137.length;
for(let i5=0; i5<len5; i5++){
let data138 = data137[i5];
if(typeof data138 === "string"){
if(func2(data138) > 128){
const err326 = {instancePath:instancePath+"/spec/dashboard/filters/" + i5,schemaPath:"#/properties/spec/properties/dashboard/properties/filters/items/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters",schema:128,parentSchema:schema11.properties.spec.properties.dashboard.properties.filters.items,data:data138};
if(vErrors === null){
vErrors = [err326];
}
else {
vErrors.push(err326);
}
errors++;
}
if(!pattern5.test(data138)){
const err327 = {instancePath:instancePath+"/spec/dashboard/filters/" + i5,schemaPath:"#/properties/spec/properties/dashboard/properties/filters/items/pattern",keyword:"pattern",params:{pattern: "^[a-zA-Z_][a-zA-Z0-9_]*$"},message:"must match pattern \""+"^[a-zA-Z_][a-zA-Z0-9_]*$"+"\"",schema:"^[a-zA-Z_][a-zA-Z0-9_]*$",parentSchema:schema11.properties.spec.properties.dashboard.properties.filters.items,data:data138};
if(vErrors === null){
vErrors = [err327];
}
else {
vErrors.push(err327);
}
errors++;
}
}
else {
const err328 = {instancePath:instancePath+"/spec/dashboard/filters/" + i5,schemaPath:"#/properties/spec/properties/dashboard/properties/filters/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.dashboard.properties.filters.items.type,parentSchema:schema11.properties.spec.properties.dashboard.properties.filters.items,data:data138};
if(vErrors === null){
vErrors = [err328];
}
else {
vErrors.push(err328);
}
errors++;
}
}
}
else {
const err329 = {instancePath:instancePath+"/spec/dashboard/filters",schemaPath:"#/properties/spec/properties/dashboard/properties/filters/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.spec.properties.dashboard.properties.filters.type,parentSchema:schema11.properties.spec.properties.dashboard.properties.filters,data:data137};
if(vErrors === null){
vErrors = [err329];
}
else {
vErrors.push(err329);
}
errors++;
}
}
}
else {
const err330 = {instancePath:instancePath+"/spec/dashboard",schemaPath:"#/properties/spec/properties/dashboard/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.dashboard.type,parentSchema:schema11.properties.spec.properties.dashboard,data:data133};
if(vErrors === null){
vErrors = [err330];
}
else {
vErrors.push(err330);
}
errors++;
}
}
}
else {
const err331 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.type,parentSchema:schema11.properties.spec,data:data9};
if(vErrors === null){
vErrors = [err331];
}
else {
vErrors.push(err331);
}
errors++;
}
}
if(data.status !== undefined){
let data139 = data.status;
if(data139 && typeof data139 == "object" && !Array.isArray(data139)){
for(const key51 in data139){
if(!(func4.call(schema11.properties.status.properties, key51))){
const err332 = {instancePath:instancePath+"/status",schemaPath:"#/properties/status/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key51},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.status,data:data139};
if(vErrors === null){
vErrors = [err332];
}
else {
vErrors.push(err332);
}
errors++;
}
}
if(data139.observedGeneration !== undefined){
let data140 = data139.observedGeneration;
if(!(((typeof data140 == "number") && (!(data140 % 1) && !isNaN(data140))) && (isFinite(data140)))){
const err333 = {instancePath:instancePath+"/status/observedGeneration",schemaPath:"#/properties/status/properties/observedGeneration/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.status.properties.observedGeneration.type,parentSchema:schema11.properties.status.properties.observedGeneration,data:data140};
if(vErrors === null){
vErrors = [err333];
}
else {
vErrors.push(err333);
}
errors++;
}
if((typeof data140 == "number") && (isFinite(data140))){
if(data140 < 0 || isNaN(data140)){
const err334 = {instancePath:instancePath+"/status/observedGeneration",schemaPath:"#/properties/status/properties/observedGeneration/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.status.properties.observedGeneration,data:data140};
if(vErrors === null){
vErrors = [err334];
}
else {
vErrors.push(err334);
}
errors++;
}
}
}
if(data139.lastEvaluated !== undefined){
let data141 = data139.lastEvaluated;
if(typeof data141 === "string"){
if(!(formats0.test(data141))){
const err335 = {instancePath:instancePath+"/status/lastEvaluated",schemaPath:"#/properties/status/properties/lastEvaluated/format",keyword:"format",params:{format: "date-time"},message:"must match format \""+"date-time"+"\"",schema:"date-time",parentSchema:schema11.properties.status.properties.lastEvaluated,data:data141};
if(vErrors === null){
vErrors = [err335];
}
else {
vErrors.push(err335);
}
errors++;
}
}
else {
const err336 = {instancePath:instancePath+"/status/lastEvaluated",schemaPath:"#/properties/status/properties/lastEvaluated/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.status.properties.lastEvaluated.type,parentSchema:schema11.properties.status.properties.lastEvaluated,data:data141};
if(vErrors === null){
vErrors = [err336];
}
else {
vErrors.push(err336);
}
errors++;
}
}
if(data139.period !== undefined){
let data142 = data139.period;
if(data142 && typeof data142 == "object" && !Array.isArray(data142)){
if(data142.start === undefined){
const err337 = {instancePath:instancePath+"/status/period",schemaPath:"#/properties/status/properties/period/required",keyword:"required",params:{missingProperty: "start"},message:"must have required property '"+"start"+"'",schema:schema11.properties.status.properties.period.required,parentSchema:schema11.properties.status.properties.period,data:data142};
if(vErrors === null){
vErrors = [err337];
}
else {
vErrors.push(err337);
}
errors++;
}
if(data142.end === undefined){
const err338 = {instancePath:instancePath+"/status/period",schemaPath:"#/properties/status/properties/period/required",keyword:"required",params:{missingProperty: "end"},message:"must have required property '"+"end"+"'",schema:schema11.properties.status.properties.period.required,parentSchema:schema11.properties.status.properties.period,data:data142};
if(vErrors === null){
vErrors = [err338];
}
else {
vErrors.push(err338);
}
errors++;
}
for(const key52 in data142){
if(!((key52 === "start") || (key52 === "end"))){
const err339 = {instancePath:instancePath+"/status/period",schemaPath:"#/properties/status/properties/period/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key52},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.status.properties.period,data:data142};
if(vErrors === null){
vErrors = [err339];
}
else {
vErrors.push(err339);
}
errors++;
}
}
if(data142.start !== undefined){
let data143 = data142.start;
if(typeof data143 === "string"){
if(!(formats0.test(data143))){
const err340 = {instancePath:instancePath+"/status/period/start",schemaPath:"#/properties/status/properties/period/properties/start/format",keyword:"format",params:{format: "date-time"},message:"must match format \""+"date-time"+"\"",schema:"date-time",parentSchema:schema11.properties.status.properties.period.properties.start,data:data143};
if(vErrors === null){
vErrors = [err340];
}
else {
vErrors.push(err340);
}
errors++;
}
}
else {
const err341 = {instancePath:instancePath+"/status/period/start",schemaPath:"#/properties/status/properties/period/properties/start/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.status.properties.period.properties.start.type,parentSchema:schema11.properties.status.properties.period.properties.start,data:data143};
if(vErrors === null){
vErrors = [err341];
}
else {
vErrors.push(err341);
}
errors++;
}
}
if(data142.end !== undefined){
let data144 = data142.end;
if(typeof data144 === "string"){
if(!(formats0.test(data144))){
const err342 = {instancePath:instancePath+"/status/period/end",schemaPath:"#/properties/status/properties/period/properties/end/format",keyword:"format",params:{format: "date-time"},message:"must match format \""+"date-time"+"\"",schema:"date-time",parentSchema:schema11.properties.status.properties.period.properties.end,data:data144};
if(vErrors === null){
vErrors = [err342];
}
else {
vErrors.push(err342);
}
errors++;
}
}
else {
const err343 = {instancePath:instancePath+"/status/period/end",schemaPath:"#/properties/status/properties/period/properties/end/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.status.properties.period.properties.end.type,parentSchema:schema11.properties.status.properties.period.properties.end,data:data144};
if(vErrors === null){
vErrors = [err343];
}
else {
vErrors.push(err343);
}
errors++;
}
}
}
else {
const err344 = {instancePath:instancePath+"/status/period",schemaPath:"#/properties/status/properties/period/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.status.properties.period.type,parentSchema:schema11.properties.status.properties.period,data:data142};
if(vErrors === null){
vErrors = [err344];
}
else {
vErrors.push(err344);
}
errors++;
}
}
if(data139.state !== undefined){
let data145 = data139.state;
if(typeof data145 !== "string"){
const err345 = {instancePath:instancePath+"/status/state",schemaPath:"#/properties/status/properties/state/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.status.properties.state.type,parentSchema:schema11.properties.status.properties.state,data:data145};
if(vErrors === null){
vErrors = [err345];
}
else {
vErrors.push(err345);
}
errors++;
}
}
if(data139.compliance !== undefined){
let data146 = data139.compliance;
if(!((typeof data146 == "number") && (isFinite(data146)))){
const err346 = {instancePath:instancePath+"/status/compliance",schemaPath:"#/properties/status/properties/compliance/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema11.properties.status.properties.compliance.type,parentSchema:schema11.properties.status.properties.compliance,data:data146};
if(vErrors === null){
vErrors = [err346];
}
else {
vErrors.push(err346);
}
errors++;
}
}
if(data139.budgetRemaining !== undefined){
let data147 = data139.budgetRemaining;
if(!((typeof data147 == "number") && (isFinite(data147)))){
const err347 = {instancePath:instancePath+"/status/budgetRemaining",schemaPath:"#/properties/status/properties/budgetRemaining/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema11.properties.status.properties.budgetRemaining.type,parentSchema:schema11.properties.status.properties.budgetRemaining,data:data147};
if(vErrors === null){
vErrors = [err347];
}
else {
vErrors.push(err347);
}
errors++;
}
}
if(data139.credit !== undefined){
let data148 = data139.credit;
if(!((typeof data148 == "number") && (isFinite(data148)))){
const err348 = {instancePath:instancePath+"/status/credit",schemaPath:"#/properties/status/properties/credit/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema11.properties.status.properties.credit.type,parentSchema:schema11.properties.status.properties.credit,data:data148};
if(vErrors === null){
vErrors = [err348];
}
else {
vErrors.push(err348);
}
errors++;
}
}
if(data139.objectives !== undefined){
let data149 = data139.objectives;
if(Array.isArray(data149)){
const len6 = data149.length;
for(let i6=0; i6<len6; i6++){
let data150 = data149[i6];
if(data150 && typeof data150 == "object" && !Array.isArray(data150)){
if(data150.name === undefined){
const err349 = {instancePath:instancePath+"/status/objectives/" + i6,schemaPath:"#/properties/status/properties/objectives/items/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema11.properties.status.properties.objectives.items.required,parentSchema:schema11.properties.status.properties.objectives.items,data:data150};
if(vErrors === null){
vErrors = [err349];
}
else {
vErrors.push(err349);
}
errors++;
}
if(data150.target === undefined){
const err350 = {instancePath:instancePath+"/status/objectives/" + i6,schemaPath:"#/properties/status/properties/objectives/items/required",keyword:"required",params:{missingProperty: "target"},message:"must have required property '"+"target"+"'",schema:schema11.properties.status.properties.objectives.items.required,parentSchema:schema11.properties.status.properties.objectives.items,data:data150};
if(vErrors === null){
vErrors = [err350];
}
else {
vErrors.push(err350);
}
errors++;
}
if(data150.state === undefined){
const err351 = {instancePath:instancePath+"/status/objectives/" + i6,schemaPath:"#/properties/status/properties/objectives/items/required",keyword:"required",params:{missingProperty: "state"},message:"must have required property '"+"state"+"'",schema:schema11.properties.status.properties.objectives.items.required,parentSchema:schema11.properties.status.properties.objectives.items,data:data150};
if(vErrors === null){
vErrors = [err351];
}
else {
vErrors.push(err351);
}
errors++;
}
for(const key53 in data150){
if(!((((((((key53 === "name") || (key53 === "attained")) || (key53 === "target")) || (key53 === "errorBudget")) || (key53 === "burnRate")) || (key53 === "exhaustion")) || (key53 === "incidents")) || (key53 === "state"))){
const err352 = {instancePath:instancePath+"/status/objectives/" + i6,schemaPath:"#/properties/status/properties/objectives/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key53},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.status.properties.objectives.items,data:data150};
if(vErrors === null){
vErrors = [err352];
}
else {
vErrors.push(err352);
}
errors++;
}
}
if(data150.name !== undefined){
let data151 = data150.name;
if(typeof data151 !== "string"){
const err353 = {instancePath:instancePath+"/status/objectives/" + i6+"/name",schemaPath:"#/properties/status/properties/objectives/items/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.status.properties.objectives.items.properties.name.type,parentSchema:schema11.properties.status.properties.objectives.items.properties.name,data:data151};
if(vErrors === null){
vErrors = [err353];
}
else {
vErrors.push(err353);
}
errors++;
}
}
if(data150.attained !== undefined){
let data152 = data150.attained;
if(!((typeof data152 == "number") && (isFinite(data152)))){
const err354 = {instancePath:instancePath+"/status/objectives/" + i6+"/attained",schemaPath:"#/properties/status/properties/objectives/items/properties/attained/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema11.properties.status.properties.objectives.items.properties.attained.type,parentSchema:schema11.properties.status.properties.objectives.items.properties.attained,data:data152};
if(vErrors === null){
vErrors = [err354];
}
else {
vErrors.push(err354);
}
errors++;
}
}
if(data150.target !== undefined){
let data153 = data150.target;
if(!((typeof data153 == "number") && (isFinite(data153)))){
const err355 = {instancePath:instancePath+"/status/objectives/" + i6+"/target",schemaPath:"#/properties/status/properties/objectives/items/properties/target/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema11.properties.status.properties.objectives.items.properties.target.type,parentSchema:schema11.properties.status.properties.objectives.items.properties.target,data:data153};
if(vErrors === null){
vErrors = [err355];
}
else {
vErrors.push(err355);
}
errors++;
}
}
if(data150.errorBudget !== undefined){
let data154 = data150.errorBudget;
if(data154 && typeof data154 == "object" && !Array.isArray(data154)){
if(data154.remaining === undefined){
const err356 = {instancePath:instancePath+"/status/objectives/" + i6+"/errorBudget",schemaPath:"#/properties/status/properties/objectives/items/properties/errorBudget/required",keyword:"required",params:{missingProperty: "remaining"},message:"must have required property '"+"remaining"+"'",schema:schema11.properties.status.properties.objectives.items.properties.errorBudget.required,parentSchema:schema11.properties.status.properties.objectives.items.properties.errorBudget,data:data154};
if(vErrors === null){
vErrors = [err356];
}
else {
vErrors.push(err356);
}
errors++;
}
if(data154.consumed === undefined){
const err357 = {instancePath:instancePath+"/status/objectives/" + i6+"/errorBudget",schemaPath:"#/properties/status/properties/objectives/items/properties/errorBudget/required",keyword:"required",params:{missingProperty: "consumed"},message:"must have required property '"+"consumed"+"'",schema:schema11.properties.status.properties.objectives.items.properties.errorBudget.required,parentSchema:schema11.properties.status.properties.objectives.items.properties.errorBudget,data:data154};
if(vErrors === null){
vErrors = [err357];
}
else {
vErrors.push(err357);
}
errors++;
}
for(const key54 in data154){
if(!((key54 === "remaining") || (key54 === "consumed"))){
const err358 = {instancePath:instancePath+"/status/objectives/" + i6+"/errorBudget",schemaPath:"#/properties/status/properties/objectives/items/properties/errorBudget/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key54},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.status.properties.objectives.items.properties.errorBudget,data:data154};
if(vErrors === null){
vErrors = [err358];
}
else {
vErrors.push(err358);
}
errors++;
}
}
if(data154.remaining !== undefined){
let data155 = data154.remaining;
if(!((typeof data155 == "number") && (isFinite(data155)))){
const err359 = {instancePath:instancePath+"/status/objectives/" + i6+"/errorBudget/remaining",schemaPath:"#/properties/status/properties/objectives/items/properties/errorBudget/properties/remaining/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema11.properties.status.properties.objectives.items.properties.errorBudget.properties.remaining.type,parentSchema:schema11.properties.status.properties.objectives.items.properties.errorBudget.properties.remaining,data:data155};
if(vErrors === null){
vErrors = [err359];
}
else {
vErrors.push(err359);
}
errors++;
}
}
if(data154.consumed !== undefined){
let data156 = data154.consumed;
if(!((typeof data156 == "number") && (isFinite(data156)))){
const err360 = {instancePath:instancePath+"/status/objectives/" + i6+"/errorBudget/consumed",schemaPath:"#/properties/status/properties/objectives/items/properties/errorBudget/properties/consumed/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema11.properties.status.properties.objectives.items.properties.errorBudget.properties.consumed.type,parentSchema:schema11.properties.status.properties.objectives.items.properties.errorBudget.properties.consumed,data:data156};
if(vErrors === null){
vErrors = [err360];
}
else {
vErrors.push(err360);
}
errors++;
}
}
}
else {
const err361 = {instancePath:instancePath+"/status/objectives/" + i6+"/errorBudget",schemaPath:"#/properties/status/properties/objectives/items/properties/errorBudget/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.status.properties.objectives.items.properties.errorBudget.type,parentSchema:schema11.properties.status.properties.objectives.items.properties.errorBudget,data:data154};
if(vErrors === null){
vErrors = [err361];
}
else {
vErrors.push(err361);
}
errors++;
}
}
if(data150.burnRate !== undefined){
let data157 = data150.burnRate;
if(data157 && typeof data157 == "object" && !Array.isArray(data157)){
for(const key55 in data157){
if(pattern2.test(key55)){
let data158 = data157[key55];
if(!((typeof data158 == "number") && (isFinite(data158)))){
const err362 = {instancePath:instancePath+"/status/objectives/" + i6+"/burnRate/" + key55.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/status/properties/objectives/items/properties/burnRate/patternProperties/%5E(.*)%24/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema11.properties.status.properties.objectives.items.properties.burnRate.patternProperties["^(.*)$"].type,parentSchema:schema11.properties.status.properties.objectives.items.properties.burnRate.patternProperties["^(.*)$"],data:data158};
if(vErrors === null){
vErrors = [err362];
}
else {
vErrors.push(err362);
}
errors++;
}
}
}
}
else {
const err363 = {instancePath:instancePath+"/status/objectives/" + i6+"/burnRate",schemaPath:"#/properties/status/properties/objectives/items/properties/burnRate/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.status.properties.objectives.items.properties.burnRate.type,parentSchema:schema11.properties.status.properties.objectives.items.properties.burnRate,data:data157};
if(vErrors === null){
vErrors = [err363];
}
else {
vErrors.push(err363);
}
errors++;
}
}
if(data150.exhaustion !== undefined){
let data159 = data150.exhaustion;
if(typeof data159 === "string"){
if(!(formats0.test(data159))){
const err364 = {instancePath:instancePath+"/status/objectives/" + i6+"/exhaustion",schemaPath:"#/properties/status/properties/objectives/items/properties/exhaustion/format",keyword:"format",params:{format: "date-time"},message:"must match format \""+"date-time"+"\"",schema:"date-time",parentSchema:schema11.properties.status.properties.objectives.items.properties.exhaustion,data:data159};
if(vErrors === null){
vErrors = [err364];
}
else {
vErrors.push(err364);
}
errors++;
}
}
else {
const err365 = {instancePath:instancePath+"/status/objectives/" + i6+"/exhaustion",schemaPath:"#/properties/status/properties/objectives/items/properties/exhaustion/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.status.properties.objectives.items.properties.exhaustion.type,parentSchema:schema11.properties.status.properties.objectives.items.properties.exhaustion,data:data159};
if(vErrors === null){
vErrors = [err365];
}
else {
vErrors.push(err365);
}
errors++;
}
}
if(data150.incidents !== undefined){
let data160 = data150.incidents;
if(data160 && typeof data160 == "object" && !Array.isArray(data160)){
if(data160.count === undefined){
const err366 = {instancePath:instancePath+"/status/objectives/" + i6+"/incidents",schemaPath:"#/properties/status/properties/objectives/items/properties/incidents/required",keyword:"required",params:{missingProperty: "count"},message:"must have required property '"+"count"+"'",schema:schema11.properties.status.properties.objectives.items.properties.incidents.required,parentSchema:schema11.properties.status.properties.objectives.items.properties.incidents,data:data160};
if(vErrors === null){
vErrors = [err366];
}
else {
vErrors.push(err366);
}
errors++;
}
for(const key56 in data160){
if(!(((key56 === "count") || (key56 === "mttr")) || (key56 === "mtbf"))){
const err367 = {instancePath:instancePath+"/status/objectives/" + i6+"/incidents",schemaPath:"#/properties/status/properties/objectives/items/properties/incidents/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key56},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.status.properties.objectives.items.properties.incidents,data:data160};
if(vErrors === null){
vErrors = [err367];
}
else {
vErrors.push(err367);
}
errors++;
}
}
if(data160.count !== undefined){
let data161 = data160.count;
if(!(((typeof data161 == "number") && (!(data161 % 1) && !isNaN(data161))) && (isFinite(data161)))){
const err368 = {instancePath:instancePath+"/status/objectives/" + i6+"/incidents/count",schemaPath:"#/properties/status/properties/objectives/items/properties/incidents/properties/count/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.status.properties.objectives.items.properties.incidents.properties.count.type,parentSchema:schema11.properties.status.properties.objectives.items.properties.incidents.properties.count,data:data161};
if(vErrors === null){
vErrors = [err368];
}
else {
vErrors.push(err368);
}
errors++;
}
if((typeof data161 == "number") && (isFinite(data161))){
if(data161 < 0 || isNaN(data161)){
const err369 = {instancePath:instancePath+"/status/objectives/" + i6+"/incidents/count",schemaPath:"#/properties/status/properties/objectives/items/properties/incidents/properties/count/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.status.properties.objectives.items.properties.incidents.properties.count,data:data161};
if(vErrors === null){
vErrors = [err369];
}
else {
vErrors.push(err369);
}
errors++;
}
}
}
if(data160.mttr !== undefined){
let data162 = data160.mttr;
if(typeof data162 !== "string"){
const err370 = {instancePath:instancePath+"/status/objectives/" + i6+"/incidents/mttr",schemaPath:"#/properties/status/properties/objectives/items/properties/incidents/properties/mttr/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.status.properties.objectives.items.properties.incidents.properties.mttr.type,parentSchema:schema11.properties.status.properties.objectives.items.properties.incidents.properties.mttr,data:data162};
if(vErrors === null){
vErrors = [err370];
}
else {
vErrors.push(err370);
}
errors++;
}
}
if(data160.mtbf !== undefined){
let data163 = data160.mtbf;
if(typeof data163 !== "string"){
const err371 = {instancePath:instancePath+"/status/objectives/" + i6+"/incidents/mtbf",schemaPath:"#/properties/status/properties/objectives/items/properties/incidents/properties/mtbf/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.status.properties.objectives.items.properties.incidents.properties.mtbf.type,parentSchema:schema11.properties.status.properties.objectives.items.properties.incidents.properties.mtbf,data:data163};
if(vErrors === null){
vErrors = [err371];
}
else {
vErrors.push(err371);
}
errors++;
}
}
}
else {
const err372 = {instancePath:instancePath+"/status/objectives/" + i6+"/incidents",schemaPath:"#/properties/status/properties/objectives/items/properties/incidents/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.status.properties.objectives.items.properties.incidents.type,parentSchema:schema11.properties.status.properties.objectives.items.properties.incidents,data:data160};
if(vErrors === null){
vErrors = [err372];
}
else {
vErrors.push(err372);
}
errors++;
}
}
if(data150.state !== undefined){
let data164 = data150.state;
if(typeof data164 !== "string"){
const err373 = {instancePath:instancePath+"/status/objectives/" + i6+"/state",schemaPath:"#/properties/status/properties/objectives/items/properties/state/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.status.properties.objectives.items.properties.state.type,parentSchema:schema11.properties.status.properties.objectives.items.properties.state,data:data164};
if(vErrors === null){
vErrors = [err373];
}
else {
vErrors.push(err373);
}
errors++;
}
}
}
else {
const err374 = {instancePath:instancePath+"/status/objectives/" + i6,schemaPath:"#/properties/status/properties/objectives/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.status.properties.objectives.items.type,parentSchema:schema11.properties.status.properties.objectives.items,data:data150};
if(vErrors === null){
vErrors = [err374];
}
else {
vErrors.push(err374);
}
errors++;
}
}
}
else {
const err375 = {instancePath:instancePath+"/status/objectives",schemaPath:"#/properties/status/properties/objectives/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.status.properties.objectives.type,parentSchema:schema11.properties.status.properties.objectives,data:data149};
if(vErrors === null){
vErrors = [err375];
}
else {
vErrors.push(err375);
}
errors++;
}
}
if(data139.generated !== undefined){
let data165 = data139.generated;
if(data165 && typeof data165 == "object" && !Array.isArray(data165)){
for(const key57 in data165){
if(!((((key57 === "prometheusRule") || (key57 === "dashboard")) || (key57 === "alertmanagerConfig")) || (key57 === "rules"))){
const err376 = {instancePath:instancePath+"/status/generated",schemaPath:"#/properties/status/properties/generated/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key57},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.status.properties.generated,data:data165};
if(vErrors === null){
vErrors = [err376];
}
else {
vErrors.push(err376);
}
errors++;
}
}
if(data165.prometheusRule !== undefined){
let data166 = data165.prometheusRule;
if(typeof data166 !== "string"){
const err377 = {instancePath:instancePath+"/status/generated/prometheusRule",schemaPath:"#/properties/status/properties/generated/properties/prometheusRule/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.status.properties.generated.properties.prometheusRule.type,parentSchema:schema11.properties.status.properties.generated.properties.prometheusRule,data:data166};
if(vErrors === null){
vErrors = [err377];
}
else {
vErrors.push(err377);
}
errors++;
}
}
if(data165.dashboard !== undefined){
let data167 = data165.dashboard;
if(typeof data167 !== "string"){
const err378 = {instancePath:instancePath+"/status/generated/dashboard",schemaPath:"#/properties/status/properties/generated/properties/dashboard/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.status.properties.generated.properties.dashboard.type,parentSchema:schema11.properties.status.properties.generated.properties.dashboard,data:data167};
if(vErrors === null){
vErrors = [err378];
}
else {
vErrors.push(err378);
}
errors++;
}
}
if(data165.alertmanagerConfig !== undefined){
let data168 = data165.alertmanagerConfig;
if(typeof data168 !== "string"){
const err379 = {instancePath:instancePath+"/status/generated/alertmanagerConfig",schemaPath:"#/properties/status/properties/generated/properties/alertmanagerConfig/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.status.properties.generated.properties.alertmanagerConfig.type,parentSchema:schema11.properties.status.properties.generated.properties.alertmanagerConfig,data:data168};
if(vErrors === null){
vErrors = [err379];
}
else {
vErrors.push(err379);
}
errors++;
}
}
if(data165.rules !== undefined){
let data169 = data165.rules;
if(!(((typeof data169 == "number") && (!(data169 % 1) && !isNaN(data169))) && (isFinite(data169)))){
const err380 = {instancePath:instancePath+"/status/generated/rules",schemaPath:"#/properties/status/properties/generated/properties/rules/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.status.properties.generated.properties.rules.type,parentSchema:schema11.properties.status.properties.generated.properties.rules,data:data169};
if(vErrors === null){
vErrors = [err380];
}
else {
vErrors.push(err380);
}
errors++;
}
if((typeof data169 == "number") && (isFinite(data169))){
if(data169 < 0 || isNaN(data169)){
const err381 = {instancePath:instancePath+"/status/generated/rules",schemaPath:"#/properties/status/properties/generated/properties/rules/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.status.properties.generated.properties.rules,data:data169};
if(vErrors === null){
vErrors = [err381];
}
else {
vErrors.push(err381);
}
errors++;
}
}
}
}
else {
const err382 = {instancePath:instancePath+"/status/generated",schemaPath:"#/properties/status/properties/generated/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.status.properties.generated.type,parentSchema:schema11.properties.status.properties.generated,data:data165};
if(vErrors === null){
vErrors = [err382];
}
else {
vErrors.push(err382);
}
errors++;
}
}
if(data139.conditions !== undefined){
let data170 = data139.conditions;
if(Array.isArray(data170)){
const len7 = data170.length;
for(let i7=0; i7<len7; i7++){
let data171 = data170[i7];
if(data171 && typeof data171 == "object" && !Array.isArray(data171)){
if(data171.type === undefined){
const err383 = {instancePath:instancePath+"/status/conditions/" + i7,schemaPath:"#/properties/status/properties/conditions/items/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'",schema:schema11.properties.status.properties.conditions.items.required,parentSchema:schema11.properties.status.properties.conditions.items,data:data171};
if(vErrors === null){
vErrors = [err383];
}
else {
vErrors.push(err383);
}
errors++;
}
if(data171.status === undefined){
const err384 = {instancePath:instancePath+"/status/conditions/" + i7,schemaPath:"#/properties/status/properties/conditions/items/required",keyword:"required",params:{missingProperty: "status"},message:"must have required property '"+"status"+"'",schema:schema11.properties.status.properties.conditions.items.required,parentSchema:schema11.properties.status.properties.conditions.items,data:data171};
if(vErrors === null){
vErrors = [err384];
}
else {
vErrors.push(err384);
}
errors++;
}
if(data171.reason === undefined){
const err385 = {instancePath:instancePath+"/status/conditions/" + i7,schemaPath:"#/properties/status/properties/conditions/items/required",keyword:"required",params:{missingProperty: "reason"},message:"must have required property '"+"reason"+"'",schema:schema11.properties.status.properties.conditions.items.required,parentSchema:schema11.properties.status.properties.conditions.items,data:data171};
if(vErrors === null){
vErrors = [err385];
}
else {
vErrors.push(err385);
}
errors++;
}
if(data171.message === undefined){
const err386 = {instancePath:instancePath+"/status/conditions/" + i7,schemaPath:"#/properties/status/properties/conditions/items/required",keyword:"required",params:{missingProperty: "message"},message:"must have required property '"+"message"+"'",schema:schema11.properties.status.properties.conditions.items.required,parentSchema:schema11.properties.status.properties.conditions.items,data:data171};
if(vErrors === null){
vErrors = [err386];
}
else {
vErrors.push(err386);
}
errors++;
}
if(data171.lastTransitionTime === undefined){
const err387 = {instancePath:instancePath+"/status/conditions/" + i7,schemaPath:"#/properties/status/properties/conditions/items/required",keyword:"required",params:{missingProperty: "lastTransitionTime"},message:"must have required property '"+"lastTransitionTime"+"'",schema:schema11.properties.status.properties.conditions.items.required,parentSchema:schema11.properties.status.properties.conditions.items,data:data171};
if(vErrors === null){
vErrors = [err387];
}
else {
vErrors.push(err387);
}
errors++;
}
for(const key58 in data171){
if(!((((((key58 === "type") || (key58 === "status")) || (key58 === "reason")) || (key58 === "message")) || (key58 === "lastTransitionTime")) || (key58 === "observedGeneration"))){
const err388 = {instancePath:instancePath+"/status/conditions/" + i7,schemaPath:"#/properties/status/properties/conditions/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key58},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.status.properties.conditions.items,data:data171};
if(vErrors === null){
vErrors = [err388];
}
else {
vErrors.push(err388);
}
errors++;
}
}
if(data171.type !== undefined){
let data172 = data171.type;
if(typeof data172 === "string"){
if(func2(data172) > 316){
const err389 = {instancePath:instancePath+"/status/conditions/" + i7+"/type",schemaPath:"#/properties/status/properties/conditions/items/properties/type/maxLength",keyword:"maxLength",params:{limit: 316},message:"must NOT have more than 316 characters",schema:316,parentSchema:schema11.properties.status.properties.conditions.items.properties.type,data:data172};
if(vErrors === null){
vErrors = [err389];
}
else {
vErrors.push(err389);
}
errors++;
}
}
else {
const err390 = {instancePath:instancePath+"/status/conditions/" + i7+"/type",schemaPath:"#/properties/status/properties/conditions/items/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.status.properties.conditions.items.properties.type.type,parentSchema:schema11.properties.status.properties.conditions.items.properties.type,data:data172};
if(vErrors === null){
vErrors = [err390];
}
else {
vErrors.push(err390);
}
errors++;
}
}
if(data171.status !== undefined){
let data173 = data171.status;
const _errs392 = errors;
let valid78 = false;
const _errs393 = errors;
if(typeof data173 !== "string"){
const err391 = {instancePath:instancePath+"/status/conditions/" + i7+"/status",schemaPath:"#/properties/status/properties/conditions/items/properties/status/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.status.properties.conditions.items.properties.status.anyOf[0].type,parentSchema:schema11.properties.status.properties.conditions.items.properties.status.anyOf[0],data:data173};
if(vErrors === null){
vErrors = [err391];
}
else {
vErrors.push(err391);
}
errors++;
}
if("True" !== data173){
const err392 = {instancePath:instancePath+"/status/conditions/" + i7+"/status",schemaPath:"#/properties/status/properties/conditions/items/properties/status/anyOf/0/const",keyword:"const",params:{allowedValue: "True"},message:"must be equal to constant",schema:"True",parentSchema:schema11.properties.status.properties.conditions.items.properties.status.anyOf[0],data:data173};
if(vErrors === null){
vErrors = [err392];
}
else {
vErrors.push(err392);
}
errors++;
}
var _valid2 = _errs393 === errors;
valid78 = valid78 || _valid2;
if(!valid78){
const _errs395 = errors;
if(typeof data173 !== "string"){
const err393 = {instancePath:instancePath+"/status/conditions/" + i7+"/status",schemaPath:"#/properties/status/properties/conditions/items/properties/status/anyOf/1/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.status.properties.conditions.items.properties.status.anyOf[1].type,parentSchema:schema11.properties.status.properties.conditions.items.properties.status.anyOf[1],data:data173};
if(vErrors === null){
vErrors = [err393];
}
else {
vErrors.push(err393);
}
errors++;
}
if("False" !== data173){
const err394 = {instancePath:instancePath+"/status/conditions/" + i7+"/status",schemaPath:"#/properties/status/properties/conditions/items/properties/status/anyOf/1/const",keyword:"const",params:{allowedValue: "False"},message:"must be equal to constant",schema:"False",parentSchema:schema11.properties.status.properties.conditions.items.properties.status.anyOf[1],data:data173};
if(vErrors === null){
vErrors = [err394];
}
else {
vErrors.push(err394);
}
errors++;
}
var _valid2 = _errs395 === errors;
valid78 = valid78 || _valid2;
if(!valid78){
const _errs397 = errors;
if(typeof data173 !== "string"){
const err395 = {instancePath:instancePath+"/status/conditions/" + i7+"/status",schemaPath:"#/properties/status/properties/conditions/items/properties/status/anyOf/2/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.status.properties.conditions.items.properties.status.anyOf[2].type,parentSchema:schema11.properties.status.properties.conditions.items.properties.status.anyOf[2],data:data173};
if(vErrors === null){
vErrors = [err395];
}
else {
vErrors.push(err395);
}
errors++;
}
if("Unknown" !== data173){
const err396 = {instancePath:instancePath+"/status/conditions/" + i7+"/status",schemaPath:"#/properties/status/properties/conditions/items/properties/status/anyOf/2/const",keyword:"const",params:{allowedValue: "Unknown"},message:"must be equal to constant",schema:"Unknown",parentSchema:schema11.properties.status.properties.conditions.items.properties.status.anyOf[2],data:data173};
if(vErrors === null){
vErrors = [err396];
}
else {
vErrors.push(err396);
}
errors++;
}
var _valid2 = _errs397 === errors;
valid78 = valid78 || _valid2;
}
}
if(!valid78){
const err397 = {instancePath:instancePath+"/status/conditions/" + i7+"/status",schemaPath:"#/properties/status/properties/conditions/items/properties/status/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema11.properties.status.properties.conditions.items.properties.status.anyOf,parentSchema:schema11.properties.status.properties.conditions.items.properties.status,data:data173};
if(vErrors === null){
vErrors = [err397];
}
else {
vErrors.push(err397);
}
errors++;
}
else {
errors = _errs392;
if(vErrors !== null){
if(_errs392){
vErrors.length = _errs392;
}
else {
vErrors = null;
}
}
}
}
if(data171.reason !== undefined){
let data174 = data171.reason;
if(typeof data174 === "string"){
if(func2(data174) > 1024){
const err398 = {instancePath:instancePath+"/status/conditions/" + i7+"/reason",schemaPath:"#/properties/status/properties/conditions/items/properties/reason/maxLength",keyword:"maxLength",params:{limit: 1024},message:"must NOT have more than 1024 characters",schema:1024,parentSchema:schema11.properties.status.properties.conditions.items.properties.reason,data:data174};
if(vErrors === null){
vErrors = [err398];
}
else {
vErrors.push(err398);
}
errors++;
}
}
else {
const err399 = {instancePath:instancePath+"/status/conditions/" + i7+"/reason",schemaPath:"#/properties/status/properties/conditions/items/properties/reason/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.status.properties.conditions.items.properties.reason.type,parentSchema:schema11.properties.status.properties.conditions.items.properties.reason,data:data174};
if(vErrors === null){
vErrors = [err399];
}
else {
vErrors.push(err399);
}
errors++;
}
}
if(data171.message !== undefined){
let data175 = data171.message;
if(typeof data175 === "string"){
if(func2(data175) > 32768){
const err400 = {instancePath:instancePath+"/status/conditions/" + i7+"/message",schemaPath:"#/properties/status/properties/conditions/items/properties/message/maxLength",keyword:"maxLength",params:{limit: 32768},message:"must NOT have more than 32768 characters",schema:32768,parentSchema:schema11.properties.status.properties.conditions.items.properties.message,data:data175};
if(vErrors === null){
vErrors = [err400];
}
else {
vErrors.push(err400);
}
errors++;
}
}
else {
const err401 = {instancePath:instancePath+"/status/conditions/" + i7+"/message",schemaPath:"#/properties/status/properties/conditions/items/properties/message/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.status.properties.conditions.items.properties.message.type,parentSchema:schema11.properties.status.properties.conditions.items.properties.message,data:data175};
if(vErrors === null){
vErrors = [err401];
}
else {
vErrors.push(err401);
}
errors++;
}
}
if(data171.lastTransitionTime !== undefined){
let data176 = data171.lastTransitionTime;
if(typeof data176 === "string"){
if(!(formats0.test(data176))){
const err402 = {instancePath:instancePath+"/status/conditions/" + i7+"/lastTransitionTime",schemaPath:"#/properties/status/properties/conditions/items/properties/lastTransitionTime/format",keyword:"format",params:{format: "date-time"},message:"must match format \""+"date-time"+"\"",schema:"date-time",parentSchema:schema11.properties.status.properties.conditions.items.properties.lastTransitionTime,data:data176};
if(vErrors === null){
vErrors = [err402];
}
else {
vErrors.push(err402);
}
errors++;
}
}
else {
const err403 = {instancePath:instancePath+"/status/conditions/" + i7+"/lastTransitionTime",schemaPath:"#/properties/status/properties/conditions/items/properties/lastTransitionTime/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.status.properties.conditions.items.properties.lastTransitionTime.type,parentSchema:schema11.properties.status.properties.conditions.items.properties.lastTransitionTime,data:data176};
if(vErrors === null){
vErrors = [err403];
}
else {
vErrors.push(err403);
}
errors++;
}
}
if(data171.observedGeneration !== undefined){
let data177 = data171.observedGeneration;
if(!(((typeof data177 == "number") && (!(data177 % 1) && !isNaN(data177))) && (isFinite(data177)))){
const err404 = {instancePath:instancePath+"/status/conditions/" + i7+"/observedGeneration",schemaPath:"#/properties/status/properties/conditions/items/properties/observedGeneration/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.status.properties.conditions.items.properties.observedGeneration.type,parentSchema:schema11.properties.status.properties.conditions.items.properties.observedGeneration,data:data177};
if(vErrors === null){
vErrors = [err404];
}
else {
vErrors.push(err404);
}
errors++;
}
if((typeof data177 == "number") && (isFinite(data177))){
if(data177 < 0 || isNaN(data177)){
const err405 = {instancePath:instancePath+"/status/conditions/" + i7+"/observedGeneration",schemaPath:"#/properties/status/properties/conditions/items/properties/observedGeneration/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.status.properties.conditions.items.properties.observedGeneration,data:data177};
if(vErrors === null){
vErrors = [err405];
}
else {
vErrors.push(err405);
}
errors++;
}
}
}
}
else {
const err406 = {instancePath:instancePath+"/status/conditions/" + i7,schemaPath:"#/properties/status/properties/conditions/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.status.properties.conditions.items.type,parentSchema:schema11.properties.status.properties.conditions.items,data:data171};
if(vErrors === null){
vErrors = [err406];
}
else {
vErrors.push(err406);
}
errors++;
}
}
}
else {
const err407 = {instancePath:instancePath+"/status/conditions",schemaPath:"#/properties/status/properties/conditions/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.status.properties.conditions.type,parentSchema:schema11.properties.status.properties.conditions,data:data170};
if(vErrors === null){
vErrors = [err407];
}
else {
vErrors.push(err407);
}
errors++;
}
}
}
else {
const err408 = {instancePath:instancePath+"/status",schemaPath:"#/properties/status/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.status.type,parentSchema:schema11.properties.status,data:data139};
if(vErrors === null){
vErrors = [err408];
}
else {
vErrors.push(err408);
}
errors++;
}
}
}
else {
const err409 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.type,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err409];
}
else {
vErrors.push(err409);
}
errors++;
}
validate10.errors = vErrors;
return errors === 0;
}

export const validateBurnRateTable = validate11;
const schema12 = {"additionalProperties":false,"type":"object","required":["name","period","tiers"],"properties":{"name":{"pattern":"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$","type":"string"},"description":{"type":"string"},"period":{"description":"The period the table was designed for; tables are chosen by it when an SLA names none. From 1h to 400d.","pattern":"^([0-9]{1,6}y)?([0-9]{1,6}w)?([0-9]{1,6}d)?([0-9]{1,8}h)?([0-9]{1,9}m)?([0-9]{1,10}s)?([0-9]{1,12}ms)?$","minLength":2,"maxLength":32,"x-kubernetes-validations":[{"rule":"[(self.find('[0-9]+y') == '' ? 0 : int(self.find('[0-9]+y').find('[0-9]+')) * 31536000000) + (self.find('[0-9]+w') == '' ? 0 : int(self.find('[0-9]+w').find('[0-9]+')) * 604800000) + (self.find('[0-9]+d') == '' ? 0 : int(self.find('[0-9]+d').find('[0-9]+')) * 86400000) + (self.find('[0-9]+h') == '' ? 0 : int(self.find('[0-9]+h').find('[0-9]+')) * 3600000) + (self.find('[0-9]+m([0-9]|$)') == '' ? 0 : int(self.find('[0-9]+m([0-9]|$)').find('[0-9]+')) * 60000) + (self.find('[0-9]+s') == '' ? 0 : int(self.find('[0-9]+s').find('[0-9]+')) * 1000) + (self.find('[0-9]+ms') == '' ? 0 : int(self.find('[0-9]+ms').find('[0-9]+')) * 1)].all(ms, ms >= 3600000 && ms <= 34560000000)","message":"expected a duration from 1h to 400d (units y, w, d, h, m, s, ms, largest first, as in 1h30m)"}],"type":"string"},"defaultFor":{"additionalProperties":false,"description":"Periods (inclusive) this table is the default for when no table is made for the exact period.","type":"object","required":["from","to"],"properties":{"from":{"description":"Shortest period. From 1h to 400d.","pattern":"^([0-9]{1,6}y)?([0-9]{1,6}w)?([0-9]{1,6}d)?([0-9]{1,8}h)?([0-9]{1,9}m)?([0-9]{1,10}s)?([0-9]{1,12}ms)?$","minLength":2,"maxLength":32,"x-kubernetes-validations":[{"rule":"[(self.find('[0-9]+y') == '' ? 0 : int(self.find('[0-9]+y').find('[0-9]+')) * 31536000000) + (self.find('[0-9]+w') == '' ? 0 : int(self.find('[0-9]+w').find('[0-9]+')) * 604800000) + (self.find('[0-9]+d') == '' ? 0 : int(self.find('[0-9]+d').find('[0-9]+')) * 86400000) + (self.find('[0-9]+h') == '' ? 0 : int(self.find('[0-9]+h').find('[0-9]+')) * 3600000) + (self.find('[0-9]+m([0-9]|$)') == '' ? 0 : int(self.find('[0-9]+m([0-9]|$)').find('[0-9]+')) * 60000) + (self.find('[0-9]+s') == '' ? 0 : int(self.find('[0-9]+s').find('[0-9]+')) * 1000) + (self.find('[0-9]+ms') == '' ? 0 : int(self.find('[0-9]+ms').find('[0-9]+')) * 1)].all(ms, ms >= 3600000 && ms <= 34560000000)","message":"expected a duration from 1h to 400d (units y, w, d, h, m, s, ms, largest first, as in 1h30m)"}],"type":"string"},"to":{"description":"Longest period. From 1h to 400d.","pattern":"^([0-9]{1,6}y)?([0-9]{1,6}w)?([0-9]{1,6}d)?([0-9]{1,8}h)?([0-9]{1,9}m)?([0-9]{1,10}s)?([0-9]{1,12}ms)?$","minLength":2,"maxLength":32,"x-kubernetes-validations":[{"rule":"[(self.find('[0-9]+y') == '' ? 0 : int(self.find('[0-9]+y').find('[0-9]+')) * 31536000000) + (self.find('[0-9]+w') == '' ? 0 : int(self.find('[0-9]+w').find('[0-9]+')) * 604800000) + (self.find('[0-9]+d') == '' ? 0 : int(self.find('[0-9]+d').find('[0-9]+')) * 86400000) + (self.find('[0-9]+h') == '' ? 0 : int(self.find('[0-9]+h').find('[0-9]+')) * 3600000) + (self.find('[0-9]+m([0-9]|$)') == '' ? 0 : int(self.find('[0-9]+m([0-9]|$)').find('[0-9]+')) * 60000) + (self.find('[0-9]+s') == '' ? 0 : int(self.find('[0-9]+s').find('[0-9]+')) * 1000) + (self.find('[0-9]+ms') == '' ? 0 : int(self.find('[0-9]+ms').find('[0-9]+')) * 1)].all(ms, ms >= 3600000 && ms <= 34560000000)","message":"expected a duration from 1h to 400d (units y, w, d, h, m, s, ms, largest first, as in 1h30m)"}],"type":"string"}}},"tiers":{"minItems":1,"type":"array","items":{"additionalProperties":false,"description":"One tier of a multiwindow multi-burn-rate alert.","type":"object","required":["severity","budgetPercent","longWindow","shortWindow"],"properties":{"severity":{"description":"Which alert the tier raises.","anyOf":[{"const":"page","type":"string"},{"const":"ticket","type":"string"}]},"budgetPercent":{"description":"Share of the period's error budget that, spent within longWindow, raises the alert.","exclusiveMinimum":0,"maximum":100,"type":"number"},"longWindow":{"description":"The window the budget share is measured over; at most the period. From 1m to 400d.","pattern":"^([0-9]{1,6}y)?([0-9]{1,6}w)?([0-9]{1,6}d)?([0-9]{1,8}h)?([0-9]{1,9}m)?([0-9]{1,10}s)?([0-9]{1,12}ms)?$","minLength":2,"maxLength":32,"x-kubernetes-validations":[{"rule":"[(self.find('[0-9]+y') == '' ? 0 : int(self.find('[0-9]+y').find('[0-9]+')) * 31536000000) + (self.find('[0-9]+w') == '' ? 0 : int(self.find('[0-9]+w').find('[0-9]+')) * 604800000) + (self.find('[0-9]+d') == '' ? 0 : int(self.find('[0-9]+d').find('[0-9]+')) * 86400000) + (self.find('[0-9]+h') == '' ? 0 : int(self.find('[0-9]+h').find('[0-9]+')) * 3600000) + (self.find('[0-9]+m([0-9]|$)') == '' ? 0 : int(self.find('[0-9]+m([0-9]|$)').find('[0-9]+')) * 60000) + (self.find('[0-9]+s') == '' ? 0 : int(self.find('[0-9]+s').find('[0-9]+')) * 1000) + (self.find('[0-9]+ms') == '' ? 0 : int(self.find('[0-9]+ms').find('[0-9]+')) * 1)].all(ms, ms >= 60000 && ms <= 34560000000)","message":"expected a duration from 1m to 400d (units y, w, d, h, m, s, ms, largest first, as in 1h30m)"}],"type":"string"},"shortWindow":{"description":"A shorter window that must also burn fast, so the alert resets soon after recovery (usually longWindow/12). From 1m to 400d.","pattern":"^([0-9]{1,6}y)?([0-9]{1,6}w)?([0-9]{1,6}d)?([0-9]{1,8}h)?([0-9]{1,9}m)?([0-9]{1,10}s)?([0-9]{1,12}ms)?$","minLength":2,"maxLength":32,"x-kubernetes-validations":[{"rule":"[(self.find('[0-9]+y') == '' ? 0 : int(self.find('[0-9]+y').find('[0-9]+')) * 31536000000) + (self.find('[0-9]+w') == '' ? 0 : int(self.find('[0-9]+w').find('[0-9]+')) * 604800000) + (self.find('[0-9]+d') == '' ? 0 : int(self.find('[0-9]+d').find('[0-9]+')) * 86400000) + (self.find('[0-9]+h') == '' ? 0 : int(self.find('[0-9]+h').find('[0-9]+')) * 3600000) + (self.find('[0-9]+m([0-9]|$)') == '' ? 0 : int(self.find('[0-9]+m([0-9]|$)').find('[0-9]+')) * 60000) + (self.find('[0-9]+s') == '' ? 0 : int(self.find('[0-9]+s').find('[0-9]+')) * 1000) + (self.find('[0-9]+ms') == '' ? 0 : int(self.find('[0-9]+ms').find('[0-9]+')) * 1)].all(ms, ms >= 60000 && ms <= 34560000000)","message":"expected a duration from 1m to 400d (units y, w, d, h, m, s, ms, largest first, as in 1h30m)"}],"type":"string"}}}}}};

function validate11(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.name === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema12.required,parentSchema:schema12,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.period === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "period"},message:"must have required property '"+"period"+"'",schema:schema12.required,parentSchema:schema12,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.tiers === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "tiers"},message:"must have required property '"+"tiers"+"'",schema:schema12.required,parentSchema:schema12,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
for(const key0 in data){
if(!(((((key0 === "name") || (key0 === "description")) || (key0 === "period")) || (key0 === "defaultFor")) || (key0 === "tiers"))){
const err3 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema12,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.name !== undefined){
let data0 = data.name;
if(typeof data0 === "string"){
if(!pattern0.test(data0)){
const err4 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"+"\"",schema:"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$",parentSchema:schema12.properties.name,data:data0};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
else {
const err5 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.name.type,parentSchema:schema12.properties.name,data:data0};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.description !== undefined){
let data1 = data.description;
if(typeof data1 !== "string"){
const err6 = {instancePath:instancePath+"/description",schemaPath:"#/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.description.type,parentSchema:schema12.properties.description,data:data1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.period !== undefined){
let data2 = data.period;
if(typeof data2 === "string"){
if(func2(data2) > 32){
const err7 = {instancePath:instancePath+"/period",schemaPath:"#/properties/period/maxLength",keyword:"maxLength",params:{limit: 32},message:"must NOT have more than 32 characters",schema:32,parentSchema:schema12.properties.period,data:data2};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if(func2(data2) < 2){
const err8 = {instancePath:instancePath+"/period",schemaPath:"#/properties/period/minLength",keyword:"minLength",params:{limit: 2},message:"must NOT have fewer than 2 characters",schema:2,parentSchema:schema12.properties.period,data:data2};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(!pattern6.test(data2)){
const err9 = {instancePath:instancePath+"/period",schemaPath:"#/properties/period/pattern",keyword:"pattern",params:{pattern: "^([0-9]{1,6}y)?([0-9]{1,6}w)?([0-9]{1,6}d)?([0-9]{1,8}h)?([0-9]{1,9}m)?([0-9]{1,10}s)?([0-9]{1,12}ms)?$"},message:"must match pattern \""+"^([0-9]{1,6}y)?([0-9]{1,6}w)?([0-9]{1,6}d)?([0-9]{1,8}h)?([0-9]{1,9}m)?([0-9]{1,10}s)?([0-9]{1,12}ms)?$"+"\"",schema:"^([0-9]{1,6}y)?([0-9]{1,6}w)?([0-9]{1,6}d)?([0-9]{1,8}h)?([0-9]{1,9}m)?([0-9]{1,10}s)?([0-9]{1,12}ms)?$",parentSchema:schema12.properties.period,data:data2};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
else {
const err10 = {instancePath:instancePath+"/period",schemaPath:"#/properties/period/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.period.type,parentSchema:schema12.properties.period,data:data2};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data.defaultFor !== undefined){
let data3 = data.defaultFor;
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
if(data3.from === undefined){
const err11 = {instancePath:instancePath+"/defaultFor",schemaPath:"#/properties/defaultFor/required",keyword:"required",params:{missingProperty: "from"},message:"must have required property '"+"from"+"'",schema:schema12.properties.defaultFor.required,parentSchema:schema12.properties.defaultFor,data:data3};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(data3.to === undefined){
const err12 = {instancePath:instancePath+"/defaultFor",schemaPath:"#/properties/defaultFor/required",keyword:"required",params:{missingProperty: "to"},message:"must have required property '"+"to"+"'",schema:schema12.properties.defaultFor.required,parentSchema:schema12.properties.defaultFor,data:data3};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
for(const key1 in data3){
if(!((key1 === "from") || (key1 === "to"))){
const err13 = {instancePath:instancePath+"/defaultFor",schemaPath:"#/properties/defaultFor/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema12.properties.defaultFor,data:data3};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data3.from !== undefined){
let data4 = data3.from;
if(typeof data4 === "string"){
if(func2(data4) > 32){
const err14 = {instancePath:instancePath+"/defaultFor/from",schemaPath:"#/properties/defaultFor/properties/from/maxLength",keyword:"maxLength",params:{limit: 32},message:"must NOT have more than 32 characters",schema:32,parentSchema:schema12.properties.defaultFor.properties.from,data:data4};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if(func2(data4) < 2){
const err15 = {instancePath:instancePath+"/defaultFor/from",schemaPath:"#/properties/defaultFor/properties/from/minLength",keyword:"minLength",params:{limit: 2},message:"must NOT have fewer than 2 characters",schema:2,parentSchema:schema12.properties.defaultFor.properties.from,data:data4};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
if(!pattern6.test(data4)){
const err16 = {instancePath:instancePath+"/defaultFor/from",schemaPath:"#/properties/defaultFor/properties/from/pattern",keyword:"pattern",params:{pattern: "^([0-9]{1,6}y)?([0-9]{1,6}w)?([0-9]{1,6}d)?([0-9]{1,8}h)?([0-9]{1,9}m)?([0-9]{1,10}s)?([0-9]{1,12}ms)?$"},message:"must match pattern \""+"^([0-9]{1,6}y)?([0-9]{1,6}w)?([0-9]{1,6}d)?([0-9]{1,8}h)?([0-9]{1,9}m)?([0-9]{1,10}s)?([0-9]{1,12}ms)?$"+"\"",schema:"^([0-9]{1,6}y)?([0-9]{1,6}w)?([0-9]{1,6}d)?([0-9]{1,8}h)?([0-9]{1,9}m)?([0-9]{1,10}s)?([0-9]{1,12}ms)?$",parentSchema:schema12.properties.defaultFor.properties.from,data:data4};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
else {
const err17 = {instancePath:instancePath+"/defaultFor/from",schemaPath:"#/properties/defaultFor/properties/from/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.defaultFor.properties.from.type,parentSchema:schema12.properties.defaultFor.properties.from,data:data4};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data3.to !== undefined){
let data5 = data3.to;
if(typeof data5 === "string"){
if(func2(data5) > 32){
const err18 = {instancePath:instancePath+"/defaultFor/to",schemaPath:"#/properties/defaultFor/properties/to/maxLength",keyword:"maxLength",params:{limit: 32},message:"must NOT have more than 32 characters",schema:32,parentSchema:schema12.properties.defaultFor.properties.to,data:data5};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
if(func2(data5) < 2){
const err19 = {instancePath:instancePath+"/defaultFor/to",schemaPath:"#/properties/defaultFor/properties/to/minLength",keyword:"minLength",params:{limit: 2},message:"must NOT have fewer than 2 characters",schema:2,parentSchema:schema12.properties.defaultFor.properties.to,data:data5};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if(!pattern6.test(data5)){
const err20 = {instancePath:instancePath+"/defaultFor/to",schemaPath:"#/properties/defaultFor/properties/to/pattern",keyword:"pattern",params:{pattern: "^([0-9]{1,6}y)?([0-9]{1,6}w)?([0-9]{1,6}d)?([0-9]{1,8}h)?([0-9]{1,9}m)?([0-9]{1,10}s)?([0-9]{1,12}ms)?$"},message:"must match pattern \""+"^([0-9]{1,6}y)?([0-9]{1,6}w)?([0-9]{1,6}d)?([0-9]{1,8}h)?([0-9]{1,9}m)?([0-9]{1,10}s)?([0-9]{1,12}ms)?$"+"\"",schema:"^([0-9]{1,6}y)?([0-9]{1,6}w)?([0-9]{1,6}d)?([0-9]{1,8}h)?([0-9]{1,9}m)?([0-9]{1,10}s)?([0-9]{1,12}ms)?$",parentSchema:schema12.properties.defaultFor.properties.to,data:data5};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
else {
const err21 = {instancePath:instancePath+"/defaultFor/to",schemaPath:"#/properties/defaultFor/properties/to/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.defaultFor.properties.to.type,parentSchema:schema12.properties.defaultFor.properties.to,data:data5};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
}
else {
const err22 = {instancePath:instancePath+"/defaultFor",schemaPath:"#/properties/defaultFor/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema12.properties.defaultFor.type,parentSchema:schema12.properties.defaultFor,data:data3};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data.tiers !== undefined){
let data6 = data.tiers;
if(Array.isArray(data6)){
if(data6.length < 1){
const err23 = {instancePath:instancePath+"/tiers",schemaPath:"#/properties/tiers/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema12.properties.tiers,data:data6};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
const len0 = data6.length;
for(let i0=0; i0<len0; i0++){
let data7 = data6[i0];
if(data7 && typeof data7 == "object" && !Array.isArray(data7)){
if(data7.severity === undefined){
const err24 = {instancePath:instancePath+"/tiers/" + i0,schemaPath:"#/properties/tiers/items/required",keyword:"required",params:{missingProperty: "severity"},message:"must have required property '"+"severity"+"'",schema:schema12.properties.tiers.items.required,parentSchema:schema12.properties.tiers.items,data:data7};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
if(data7.budgetPercent === undefined){
const err25 = {instancePath:instancePath+"/tiers/" + i0,schemaPath:"#/properties/tiers/items/required",keyword:"required",params:{missingProperty: "budgetPercent"},message:"must have required property '"+"budgetPercent"+"'",schema:schema12.properties.tiers.items.required,parentSchema:schema12.properties.tiers.items,data:data7};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
if(data7.longWindow === undefined){
const err26 = {instancePath:instancePath+"/tiers/" + i0,schemaPath:"#/properties/tiers/items/required",keyword:"required",params:{missingProperty: "longWindow"},message:"must have required property '"+"longWindow"+"'",schema:schema12.properties.tiers.items.required,parentSchema:schema12.properties.tiers.items,data:data7};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
if(data7.shortWindow === undefined){
const err27 = {instancePath:instancePath+"/tiers/" + i0,schemaPath:"#/properties/tiers/items/required",keyword:"required",params:{missingProperty: "shortWindow"},message:"must have required property '"+"shortWindow"+"'",schema:schema12.properties.tiers.items.required,parentSchema:schema12.properties.tiers.items,data:data7};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
for(const key2 in data7){
if(!((((key2 === "severity") || (key2 === "budgetPercent")) || (key2 === "longWindow")) || (key2 === "shortWindow"))){
const err28 = {instancePath:instancePath+"/tiers/" + i0,schemaPath:"#/properties/tiers/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema12.properties.tiers.items,data:data7};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
if(data7.severity !== undefined){
let data8 = data7.severity;
const _errs21 = errors;
let valid5 = false;
const _errs22 = errors;
if(typeof data8 !== "string"){
const err29 = {instancePath:instancePath+"/tiers/" + i0+"/severity",schemaPath:"#/properties/tiers/items/properties/severity/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.tiers.items.properties.severity.anyOf[0].type,parentSchema:schema12.properties.tiers.items.properties.severity.anyOf[0],data:data8};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
if("page" !== data8){
const err30 = {instancePath:instancePath+"/tiers/" + i0+"/severity",schemaPath:"#/properties/tiers/items/properties/severity/anyOf/0/const",keyword:"const",params:{allowedValue: "page"},message:"must be equal to constant",schema:"page",parentSchema:schema12.properties.tiers.items.properties.severity.anyOf[0],data:data8};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
var _valid0 = _errs22 === errors;
valid5 = valid5 || _valid0;
if(!valid5){
const _errs24 = errors;
if(typeof data8 !== "string"){
const err31 = {instancePath:instancePath+"/tiers/" + i0+"/severity",schemaPath:"#/properties/tiers/items/properties/severity/anyOf/1/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.tiers.items.properties.severity.anyOf[1].type,parentSchema:schema12.properties.tiers.items.properties.severity.anyOf[1],data:data8};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
if("ticket" !== data8){
const err32 = {instancePath:instancePath+"/tiers/" + i0+"/severity",schemaPath:"#/properties/tiers/items/properties/severity/anyOf/1/const",keyword:"const",params:{allowedValue: "ticket"},message:"must be equal to constant",schema:"ticket",parentSchema:schema12.properties.tiers.items.properties.severity.anyOf[1],data:data8};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
var _valid0 = _errs24 === errors;
valid5 = valid5 || _valid0;
}
if(!valid5){
const err33 = {instancePath:instancePath+"/tiers/" + i0+"/severity",schemaPath:"#/properties/tiers/items/properties/severity/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema12.properties.tiers.items.properties.severity.anyOf,parentSchema:schema12.properties.tiers.items.properties.severity,data:data8};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
else {
errors = _errs21;
if(vErrors !== null){
if(_errs21){
vErrors.length = _errs21;
}
else {
vErrors = null;
}
}
}
}
if(data7.budgetPercent !== undefined){
let data9 = data7.budgetPercent;
if((typeof data9 == "number") && (isFinite(data9))){
if(data9 > 100 || isNaN(data9)){
const err34 = {instancePath:instancePath+"/tiers/" + i0+"/budgetPercent",schemaPath:"#/properties/tiers/items/properties/budgetPercent/maximum",keyword:"maximum",params:{comparison: "<=", limit: 100},message:"must be <= 100",schema:100,parentSchema:schema12.properties.tiers.items.properties.budgetPercent,data:data9};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
if(data9 <= 0 || isNaN(data9)){
const err35 = {instancePath:instancePath+"/tiers/" + i0+"/budgetPercent",schemaPath:"#/properties/tiers/items/properties/budgetPercent/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0",schema:0,parentSchema:schema12.properties.tiers.items.properties.budgetPercent,data:data9};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
else {
const err36 = {instancePath:instancePath+"/tiers/" + i0+"/budgetPercent",schemaPath:"#/properties/tiers/items/properties/budgetPercent/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema12.properties.tiers.items.properties.budgetPercent.type,parentSchema:schema12.properties.tiers.items.properties.budgetPercent,data:data9};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
if(data7.longWindow !== undefined){
let data10 = data7.longWindow;
if(typeof data10 === "string"){
if(func2(data10) > 32){
const err37 = {instancePath:instancePath+"/tiers/" + i0+"/longWindow",schemaPath:"#/properties/tiers/items/properties/longWindow/maxLength",keyword:"maxLength",params:{limit: 32},message:"must NOT have more than 32 characters",schema:32,parentSchema:schema12.properties.tiers.items.properties.longWindow,data:data10};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
if(func2(data10) < 2){
const err38 = {instancePath:instancePath+"/tiers/" + i0+"/longWindow",schemaPath:"#/properties/tiers/items/properties/longWindow/minLength",keyword:"minLength",params:{limit: 2},message:"must NOT have fewer than 2 characters",schema:2,parentSchema:schema12.properties.tiers.items.properties.longWindow,data:data10};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
if(!pattern6.test(data10)){
const err39 = {instancePath:instancePath+"/tiers/" + i0+"/longWindow",schemaPath:"#/properties/tiers/items/properties/longWindow/pattern",keyword:"pattern",params:{pattern: "^([0-9]{1,6}y)?([0-9]{1,6}w)?([0-9]{1,6}d)?([0-9]{1,8}h)?([0-9]{1,9}m)?([0-9]{1,10}s)?([0-9]{1,12}ms)?$"},message:"must match pattern \""+"^([0-9]{1,6}y)?([0-9]{1,6}w)?([0-9]{1,6}d)?([0-9]{1,8}h)?([0-9]{1,9}m)?([0-9]{1,10}s)?([0-9]{1,12}ms)?$"+"\"",schema:"^([0-9]{1,6}y)?([0-9]{1,6}w)?([0-9]{1,6}d)?([0-9]{1,8}h)?([0-9]{1,9}m)?([0-9]{1,10}s)?([0-9]{1,12}ms)?$",parentSchema:schema12.properties.tiers.items.properties.longWindow,data:data10};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
else {
const err40 = {instancePath:instancePath+"/tiers/" + i0+"/longWindow",schemaPath:"#/properties/tiers/items/properties/longWindow/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.tiers.items.properties.longWindow.type,parentSchema:schema12.properties.tiers.items.properties.longWindow,data:data10};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
}
if(data7.shortWindow !== undefined){
let data11 = data7.shortWindow;
if(typeof data11 === "string"){
if(func2(data11) > 32){
const err41 = {instancePath:instancePath+"/tiers/" + i0+"/shortWindow",schemaPath:"#/properties/tiers/items/properties/shortWindow/maxLength",keyword:"maxLength",params:{limit: 32},message:"must NOT have more than 32 characters",schema:32,parentSchema:schema12.properties.tiers.items.properties.shortWindow,data:data11};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
if(func2(data11) < 2){
const err42 = {instancePath:instancePath+"/tiers/" + i0+"/shortWindow",schemaPath:"#/properties/tiers/items/properties/shortWindow/minLength",keyword:"minLength",params:{limit: 2},message:"must NOT have fewer than 2 characters",schema:2,parentSchema:schema12.properties.tiers.items.properties.shortWindow,data:data11};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
if(!pattern6.test(data11)){
const err43 = {instancePath:instancePath+"/tiers/" + i0+"/shortWindow",schemaPath:"#/properties/tiers/items/properties/shortWindow/pattern",keyword:"pattern",params:{pattern: "^([0-9]{1,6}y)?([0-9]{1,6}w)?([0-9]{1,6}d)?([0-9]{1,8}h)?([0-9]{1,9}m)?([0-9]{1,10}s)?([0-9]{1,12}ms)?$"},message:"must match pattern \""+"^([0-9]{1,6}y)?([0-9]{1,6}w)?([0-9]{1,6}d)?([0-9]{1,8}h)?([0-9]{1,9}m)?([0-9]{1,10}s)?([0-9]{1,12}ms)?$"+"\"",schema:"^([0-9]{1,6}y)?([0-9]{1,6}w)?([0-9]{1,6}d)?([0-9]{1,8}h)?([0-9]{1,9}m)?([0-9]{1,10}s)?([0-9]{1,12}ms)?$",parentSchema:schema12.properties.tiers.items.properties.shortWindow,data:data11};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
else {
const err44 = {instancePath:instancePath+"/tiers/" + i0+"/shortWindow",schemaPath:"#/properties/tiers/items/properties/shortWindow/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.tiers.items.properties.shortWindow.type,parentSchema:schema12.properties.tiers.items.properties.shortWindow,data:data11};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
}
}
else {
const err45 = {instancePath:instancePath+"/tiers/" + i0,schemaPath:"#/properties/tiers/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema12.properties.tiers.items.type,parentSchema:schema12.properties.tiers.items,data:data7};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
}
else {
const err46 = {instancePath:instancePath+"/tiers",schemaPath:"#/properties/tiers/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema12.properties.tiers.type,parentSchema:schema12.properties.tiers,data:data6};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
}
}
else {
const err47 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema12.type,parentSchema:schema12,data};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
validate11.errors = vErrors;
return errors === 0;
}

