// Synthetic recorded SLA series, written as OpenMetrics for promtool: what the rules of
// compile/rules.ts would have recorded for N SLAs over some days. Per objective:
// - sla:sli_errors:tile5m and sla:sli_events:tile5m every 5 minutes over the whole history
//   (diurnal traffic, a small error rate, a few incidents), 23 s after each 5-minute mark as a
//   rule group evaluates them;
// - the instant series the cycle reads at the end (sla:sli_error:ratio_rate<window>,
//   sla:sli_error:ratio_period, sla:error_budget:remaining), every 5 minutes over the last 30 minutes.
// SLAs are spread over several files so promtool can backfill them in parallel.
import { join } from "node:path";
import { series as recorded } from "../../operator/src/compile/rules.js";
import { OpenMetricsWriter, seriesText } from "../../test/prometheus/openmetrics.js";
import { seededRandom } from "../support/random.js";

export interface FleetSpec {
  readonly slas: number;
  readonly objectivesPerSla: number;
  readonly namespaces: number;
  readonly startMs: number;
  readonly endMs: number;
  readonly seed: number;
}

export interface Objective { readonly namespace: string; readonly sla: string; readonly objective: string }

const objectiveNames = ["availability", "latency", "freshness", "correctness"];
const ratioWindows = ["5m", "30m", "1h", "2h", "6h", "1d", "3d"];
const tileMs = 300_000;
const tileOffsetMs = 23_000;

/** The objectives of the fleet, in a stable order. */
export function fleet(spec: FleetSpec): Objective[] {
  const out: Objective[] = [];
  for (let i = 0; i < spec.slas; i++) {
    for (let j = 0; j < spec.objectivesPerSla; j++) {
      out.push({ namespace: `team-${String(i % spec.namespaces).padStart(2, "0")}`, sla: `service-${String(i).padStart(4, "0")}`, objective: objectiveNames[j % objectiveNames.length] as string });
    }
  }
  return out;
}

/** Writes the fleet's history into files of at most `slasPerFile` SLAs each; returns the files. */
export async function writeFleetHistory(spec: FleetSpec, dir: string, slasPerFile: number): Promise<{ files: string[]; samples: number; bytes: number }> {
  const objectives = fleet(spec);
  const files: string[] = [];
  let samples = 0;
  let bytes = 0;
  const perFile = slasPerFile * spec.objectivesPerSla;
  const random = seededRandom(spec.seed);
  for (let first = 0; first < objectives.length; first += perFile) {
    const file = join(dir, `fleet-${files.length}.om`);
    const writer = await OpenMetricsWriter.create(file);
    for (const o of objectives.slice(first, first + perFile)) await writeObjective(writer, spec, o, random);
    const written = await writer.close();
    files.push(file);
    samples += written.samples;
    bytes += written.bytes;
  }
  return { files, samples, bytes };
}

async function writeObjective(writer: OpenMetricsWriter, spec: FleetSpec, o: Objective, random: () => number): Promise<void> {
  const labels = { objective: o.objective, region: random() < 0.5 ? "eu-west-1" : "us-east-1", service: o.sla, sla: o.sla, sla_namespace: o.namespace };
  const errors = seriesText(recorded.errorsTile5m, labels);
  const events = seriesText(recorded.eventsTile5m, labels);
  const base = 5 + 200 * random();
  const phase = random();
  const incidents: Array<[number, number, number]> = [];
  for (let day = spec.startMs; day < spec.endMs; day += 86_400_000) {
    if (random() < 0.3) {
      const from = day + Math.floor(random() * 86_400_000);
      incidents.push([from, from + 600_000 + Math.floor(random() * 3_000_000), 0.01 + 0.05 * random()]);
    }
  }
  const first = spec.startMs + tileOffsetMs;
  for (let t = first; t <= spec.endMs; t += tileMs) {
    const rate = base * (1 + 0.4 * Math.sin(2 * Math.PI * ((t % 86_400_000) / 86_400_000 + phase)));
    const incident = incidents.find(([from, to]) => from <= t && t < to);
    await writer.write(events, round(rate), t);
    await writer.write(errors, round(rate * (incident ? incident[2] : 0.0005 * (1 + random()))), t);
  }
  for (let t = spec.endMs - 1_800_000; t <= spec.endMs; t += 300_000) {
    for (const w of ratioWindows) await writer.write(seriesText(`sla:sli_error:ratio_rate${w}`, labels), round(0.0005 + 0.001 * random()), t);
    await writer.write(seriesText(recorded.ratioPeriod, labels), round(0.0007 + 0.0005 * random()), t);
    await writer.write(seriesText(recorded.budgetRemaining, labels), round(0.3 + 0.5 * random()), t);
  }
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;
