// Synthetic request counters, written as OpenMetrics text for `promtool tsdb create-blocks-from
// openmetrics`. Per job three series, http_requests_total{job, code="200"|"500"|"429"}, as one
// target scraped every interval: diurnal traffic, a small steady error rate and a few incidents.
// The values do not change what a rule costs (that is the number of samples its selectors read),
// but they keep every recorded ratio meaningful, so an empty or NaN result points at a bug.
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { seededRandom } from "../support/random.js";

export const codes = ["200", "500", "429"] as const;

export interface HistorySpec {
  readonly jobs: readonly string[];
  /** First and last scrape, Unix seconds; both are written. */
  readonly startSeconds: number;
  readonly endSeconds: number;
  readonly stepSeconds: number;
  readonly seed: number;
  /** Labels on every series besides job and code, e.g. the cluster of a history that is one of several. */
  readonly labels?: Readonly<Record<string, string>>;
}

export interface HistoryStats { readonly samples: number; readonly bytes: number; readonly series: number }

interface Incident { readonly from: number; readonly to: number; readonly errorShare: number }

/** Writes the history to `file`, streaming, and returns what was written. */
export async function writeOpenMetrics(file: string, spec: HistorySpec): Promise<HistoryStats> {
  const random = seededRandom(spec.seed);
  const extra = Object.entries(spec.labels ?? {}).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `,${k}=${JSON.stringify(v)}`).join("");
  const jobs = spec.jobs.map((job, i) => ({
    prefixes: codes.map((code) => `http_requests_total{job="${job}",code="${code}"${extra}} `),
    counters: codes.map(() => Math.floor(random() * 1e6)),
    baseRate: 20 + 80 * random(),
    phase: random() + i / spec.jobs.length,
    incidents: incidents(random, spec.startSeconds, spec.endSeconds),
  }));
  const out = createWriteStream(file, { highWaterMark: 1 << 20 });
  let bytes = 0;
  let samples = 0;
  const write = async (text: string) => {
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, "drain");
  };
  await write("# HELP http_requests Synthetic requests of the rule-cost benchmark.\n# TYPE http_requests counter\n");
  let chunk = "";
  for (let t = spec.startSeconds; t <= spec.endSeconds; t += spec.stepSeconds) {
    const dayFraction = (t % 86_400) / 86_400;
    for (const job of jobs) {
      const rate = job.baseRate * (1 + 0.4 * Math.sin(2 * Math.PI * (dayFraction + job.phase)));
      const incident = job.incidents.find((x) => x.from <= t && t < x.to);
      const expected = rate * spec.stepSeconds;
      const shares = [1, incident ? incident.errorShare : 0.0003, 0.0002];
      for (let k = 0; k < codes.length; k++) {
        const increment = poisson(random, expected * (shares[k] as number));
        job.counters[k] = (job.counters[k] as number) + increment;
        chunk += `${job.prefixes[k] as string}${job.counters[k] as number} ${t}\n`;
        samples++;
      }
    }
    if (chunk.length > 1 << 20) {
      await write(chunk);
      chunk = "";
    }
  }
  await write(`${chunk}# EOF\n`);
  out.end();
  await once(out, "finish");
  return { samples, bytes, series: jobs.length * codes.length };
}

/** About one incident every three days, 10 to 60 minutes long, 1% to 5% of requests failing. */
function incidents(random: () => number, start: number, end: number): Incident[] {
  const list: Incident[] = [];
  for (let day = start; day < end; day += 86_400) {
    if (random() > 0.33) continue;
    const from = day + Math.floor(random() * 86_400);
    list.push({ from, to: from + 600 + Math.floor(random() * 3000), errorShare: 0.01 + 0.04 * random() });
  }
  return list;
}

function poisson(random: () => number, mean: number): number {
  if (mean <= 0) return 0;
  if (mean > 50) {
    // Normal approximation (Box-Muller) for large means.
    const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    return Math.max(0, Math.round(mean + Math.sqrt(mean) * z));
  }
  const limit = Math.exp(-mean);
  let k = 0;
  let p = random();
  while (p > limit) {
    k++;
    p *= random();
  }
  return k;
}
