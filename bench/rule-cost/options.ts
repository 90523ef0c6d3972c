// Command-line flags of the rule-cost benchmark.
import { parseDuration } from "../../operator/src/compile/duration.js";
import { prometheus2, prometheus3, type PrometheusRelease } from "../../test/support/prometheus-releases.js";

export interface Options {
  /** Number of SLOs, each over its own three raw series. */
  readonly slos: number;
  /** Interval of the synthetic scrapes, seconds. */
  readonly scrapeIntervalSeconds: number;
  /** Days of raw history, ending at the measured hour. */
  readonly days: number;
  /** Seed of the synthetic traffic. */
  readonly seed: number;
  /** The Prometheus releases to measure on, each over the same history and rules. */
  readonly releases: readonly PrometheusRelease[];
  /** Keep the temporary directory (history, blocks, rule files, Prometheus log) for inspection. */
  readonly keepTmp: boolean;
  /** Wait for Prometheus to compact the backfilled blocks before measuring (samples are the same either way). */
  readonly waitForCompaction: boolean;
}

export const usage = `usage: npm run bench:rule-cost -- [flags]

Measures what our generated rules cost Prometheus against Sloth's rules for the same SLOs.

  --slos N              SLOs to generate, each over three raw series (default 3)
  --scrape-interval D   interval of the synthetic scrapes, a Prometheus duration (default 15s)
  --days N              days of raw history ending at the measured hour (default 31; the run
                        stops early if the rules need more)
  --seed N              seed of the synthetic traffic (default 1)
  --prometheus LIST     Prometheus releases to measure on: 2 (Debian's 2.42 on the PATH), 3 (built
                        by scripts/build-prometheus3.sh), or 2,3 (default: both, side by side)
  --keep-tmp            keep the temporary directory and print its path
  --no-compaction-wait  measure as soon as the backfill is loaded, without waiting about a minute
                        per release for Prometheus to compact it: the same samples read, eval
                        times of uncompacted blocks
  -h, --help            this text`;

export function parseOptions(argv: readonly string[]): Options | "help" {
  let slos = 3;
  let scrapeIntervalSeconds = 15;
  let days = 31;
  let seed = 1;
  let keepTmp = false;
  let waitForCompaction = true;
  let releases: readonly PrometheusRelease[] = [prometheus2, prometheus3()];
  const args = [...argv];
  while (args.length > 0) {
    const arg = args.shift() as string;
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? args.shift();
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case "-h":
      case "--help":
        return "help";
      case "--slos":
        slos = positiveInteger(flag, value());
        break;
      case "--scrape-interval": {
        const text = value();
        const seconds = parseDuration(text);
        if (seconds === undefined || !Number.isInteger(seconds) || seconds < 1 || seconds > 300) {
          throw new Error(`--scrape-interval must be a whole number of seconds from 1s to 5m, got ${JSON.stringify(text)}`);
        }
        scrapeIntervalSeconds = seconds;
        break;
      }
      case "--days":
        days = positiveInteger(flag, value());
        break;
      case "--seed":
        seed = positiveInteger(flag, value());
        break;
      case "--prometheus":
        releases = parseReleases(value());
        break;
      case "--keep-tmp":
        keepTmp = true;
        break;
      case "--no-compaction-wait":
        waitForCompaction = false;
        break;
      default:
        throw new Error(`unknown argument ${JSON.stringify(arg)}\n\n${usage}`);
    }
  }
  return { slos, scrapeIntervalSeconds, days, seed, releases, keepTmp, waitForCompaction };
}

function parseReleases(text: string): readonly PrometheusRelease[] {
  const majors = text.split(",").map((s) => s.trim());
  const bad = majors.filter((m) => m !== "2" && m !== "3");
  if (bad.length > 0 || majors.length === 0) throw new Error(`--prometheus takes 2, 3 or 2,3, got ${JSON.stringify(text)}`);
  return [...new Set(majors)].sort().map((m) => (m === "2" ? prometheus2 : prometheus3()));
}

function positiveInteger(flag: string, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} must be a positive integer, got ${JSON.stringify(text)}`);
  return n;
}
