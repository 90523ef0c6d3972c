// Service credits: the share of the fee owed when compliance misses the contract.
//
// Tiers read "below X, credit Y%", ordered by falling threshold with rising credit:
//   below 99.9 → 10%, below 99 → 25%, below 95 → 100%.
// The credit owed is that of the LOWEST threshold the compliance is still below: 98.5% is below
// 99.9 and 99, so 25%; 94% is below all three, so 100%; 99.95% is below none, so 0.
// DESIGN.md's "first match from the top" would stop at the first tier (99.9 → 10%) for any
// compliance under 99.9, owing 10% for 94%: that reading is wrong and is not what this does.
// The tier order in the list does not matter here; validation requires falling thresholds and
// non-falling credits, under which this is the same as the largest credit of all matching tiers.
import type { CreditTierModel } from "../model.js";
import { clean } from "./budget.js";

/** The credit (percent of the fee) owed at a compliance ratio: the tier with the lowest threshold above it, 0 when none. */
export function serviceCredit(tiers: readonly CreditTierModel[], compliance: number): number {
  let applicable: CreditTierModel | undefined;
  for (const tier of tiers) {
    if (!(clean(compliance) < clean(tier.below))) continue;
    if (applicable === undefined || tier.below < applicable.below) applicable = tier;
  }
  return applicable?.creditPercent ?? 0;
}
