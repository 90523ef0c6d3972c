// The measurement service: SLAs in, their figures out, from sums Prometheus adds up. Used by the
// operator's measurement loop (with a SumCache across cycles) and by `slactl report`.
export {
  measureSlas, resolvePeriod,
  type MeasureRequest, type MeasureResult, type SlaMeasurement, type MetricsAvailability, type PeriodSelector,
} from "./measure-slas.js";
export { createSumCache, type SumCache } from "./sum-cache.js";
export { readTileSums, readBadSteps, readFirstTiles, selector, type ObjectiveRef, type SumRequest, type TileSums, type TileStep } from "./tile-sums.js";
export { fetchSamples, objectiveKey, tileStepSeconds, hourStepSeconds, type SampleRequest, type ObjectiveSamples, type FetchOptions, type FetchedSamples } from "./tiles.js";
export { readTimelines, timeline, type TimelinePoint } from "./timeline.js";
export { checkLatencyThresholds, classicLatencyObjectives, findThreshold, bucketBoundsQuery, type ThresholdCheck, type ThresholdFinding } from "./bucket-bounds.js";
