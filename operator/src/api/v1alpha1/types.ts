// Static types of the API, derived from schema.ts so they cannot drift from the CRD.
import type { Static } from "@sinclair/typebox";
import type * as schema from "./schema.js";

export type ServiceLevelAgreement = Static<typeof schema.ServiceLevelAgreement>;
export type ServiceLevelAgreementSpec = Static<typeof schema.ServiceLevelAgreementSpec>;
export type ServiceLevelAgreementStatus = Static<typeof schema.ServiceLevelAgreementStatus>;
export type Objective = Static<typeof schema.Objective>;
export type Indicator = Static<typeof schema.Indicator>;
export type Period = Static<typeof schema.Period>;
export type Alerting = Static<typeof schema.Alerting>;
export type BurnRateTier = Static<typeof schema.BurnRateTier>;
export type BurnRateTable = Static<typeof schema.BurnRateTable>;
export type MaintenanceWindow = Static<typeof schema.MaintenanceWindow>;
export type CreditTier = Static<typeof schema.CreditTier>;
