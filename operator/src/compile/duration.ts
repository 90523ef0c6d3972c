// Prometheus-style durations ("1h30m", "28d") to seconds and back. Output is canonical (largest
// units first), so generated rule names such as ratio_rate1d are stable.

const unitSeconds: Record<string, number> = { y: 31_536_000, w: 604_800, d: 86_400, h: 3_600, m: 60, s: 1, ms: 0.001 };
// Prometheus' model.ParseDuration: units largest first, each at most once.
const durationRe = /^([0-9]+y)?([0-9]+w)?([0-9]+d)?([0-9]+h)?([0-9]+m)?([0-9]+s)?([0-9]+ms)?$/;
const partRe = /([0-9]+)(ms|s|m|h|d|w|y)/g;
/** Go's time.Duration (int64 nanoseconds) ends after about 292 years; Prometheus refuses longer. */
export const maxDurationSeconds = 9_223_372_036;

/** Parses a Prometheus duration into seconds; undefined when it is not one, is zero or exceeds 292y. */
export function parseDuration(text: string): number | undefined {
  if (text === "" || !durationRe.test(text)) return undefined;
  let seconds = 0;
  for (const match of text.matchAll(partRe)) {
    seconds += Number(match[1]) * (unitSeconds[match[2] as string] as number);
  }
  return seconds > 0 && seconds <= maxDurationSeconds ? seconds : undefined;
}

/** Formats seconds as the shortest Prometheus duration: 300 -> 5m, 90000 -> 1d1h. Weeks and years are not used, so 7d stays 7d. */
export function formatDuration(seconds: number): string {
  let rest = Math.round(seconds * 1000);
  if (rest <= 0) return "0s";
  let out = "";
  for (const [unit, size] of [["d", 86_400_000], ["h", 3_600_000], ["m", 60_000], ["s", 1000], ["ms", 1]] as const) {
    if (rest >= size) {
      out += `${Math.floor(rest / size)}${unit}`;
      rest %= size;
    }
  }
  return out;
}
