// Whether an SLA is due for its periodic review (spec.review: {every: 90d, lastReviewed: 2026-10-01}).
// The review falls due `every` after 00:00 of the lastReviewed date in the SLA's time zone (its
// period's zone; UTC for rolling periods). Never reviewed counts as due; no review policy is not due.
import { Temporal } from "temporal-polyfill";
import { parseDuration } from "../compile/duration.js";
import { formatRfc3339 } from "../compile/budget/index.js";
import { localMidnight } from "../compile/budget/zone.js";

export interface ReviewPolicy {
  readonly every: string;
  readonly lastReviewed?: string | undefined;
}

export interface ReviewStatus {
  readonly due: boolean;
  readonly reason: "NoReviewPolicy" | "NeverReviewed" | "ReviewOverdue" | "ReviewCurrent";
  readonly message: string;
  /** When the review is or was due, epoch ms; absent without a policy or a last review. */
  readonly dueAt?: number;
}

/** The review state at `now`. */
export function reviewStatus(review: ReviewPolicy | undefined, timeZone: string, now: number): ReviewStatus {
  if (review === undefined) return { due: false, reason: "NoReviewPolicy", message: "spec.review is not set: no periodic review is required" };
  const everySeconds = parseDuration(review.every);
  const date = calendarDate(review.lastReviewed);
  if (date === undefined || everySeconds === undefined) {
    return { due: true, reason: "NeverReviewed", message: `no valid spec.review.lastReviewed: a review every ${review.every} is required` };
  }
  const dueAt = localMidnight(date, timeZone) + everySeconds * 1000;
  const when = formatRfc3339(dueAt, timeZone);
  if (now >= dueAt) return { due: true, reason: "ReviewOverdue", message: `last reviewed ${review.lastReviewed}; a review every ${review.every} fell due ${when}`, dueAt };
  return { due: false, reason: "ReviewCurrent", message: `last reviewed ${review.lastReviewed}; the next review is due ${when}`, dueAt };
}

/** A YYYY-MM-DD date that exists (2026-02-31 does not), or undefined. */
function calendarDate(text: string | undefined): Temporal.PlainDate | undefined {
  if (text === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined;
  try {
    return Temporal.PlainDate.from(text, { overflow: "reject" });
  } catch {
    return undefined;
  }
}
