// The evaluation service: SLAs in, their measured figures out, read from Prometheus in one
// batched fetch. Used by the operator (every evaluation interval) and by `slactl report`.
export {
  evaluateSlas, resolvePeriod, timeline,
  type EvaluateSlasRequest, type EvaluateSlasResult, type SlaResult, type ObjectiveDetails, type TimelinePoint,
  type MetricsAvailability, type PeriodSelector,
} from "./evaluate.js";
export {
  fetchSamples, createSampleCache, objectiveKey, tileStepSeconds, hourStepSeconds,
  type SampleRequest, type ObjectiveSamples, type FetchOptions, type FetchedSamples, type SampleCache,
} from "./samples.js";
export { reviewStatus, type ReviewPolicy, type ReviewStatus } from "../measure/review.js";
