// The API's names and the duration syntax as plain values. schema.ts builds on them; the compiler
// and the file readers import them from here, so that starting slactl does not load the schema
// library (TypeBox's 200 modules were about 180 ms of every start).

export const apiVersion = "servicelevel.dev/v1alpha1";
export const kind = "ServiceLevelAgreement";

/**
 * Prometheus duration syntax (model.ParseDuration): units largest first, each at most once, e.g.
 * 30s, 5m, 1h30m, 28d. Digits per unit are capped so the admission rule's sum fits an int64.
 */
export const durationPattern = "^([0-9]{1,6}y)?([0-9]{1,6}w)?([0-9]{1,6}d)?([0-9]{1,8}h)?([0-9]{1,9}m)?([0-9]{1,10}s)?([0-9]{1,12}ms)?$";
