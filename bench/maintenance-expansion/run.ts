// Maintenance expansion, hand-written baseline against croner + Temporal: a weekly and an
// every-5-minutes schedule over a 92-day quarter, and random schedules in DST-heavy zones to check
// that both give the same instants. The baseline is the hand-written code as of commit efce9a7,
// read from git history into a temporary directory, so the repository keeps no second copy.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { seededRandom } from "../support/random.js";
import { maintenanceIntervals as current } from "../../operator/src/compile/budget/maintenance.js";
import type { MaintenanceModel } from "../../operator/src/compile/model.js";
import type { Interval } from "../../operator/src/compile/budget/intervals.js";

type Expand = (windows: readonly MaintenanceModel[], range: Interval) => Interval[];
const baselineCommit = process.env.BASELINE ?? "efce9a7";
const files = ["compile/cron.ts", "compile/model.ts", "compile/budget/maintenance.ts", "compile/budget/intervals.ts", "compile/budget/zone.ts"];

async function loadBaseline(): Promise<{ expand: Expand; cleanup: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), "maintenance-baseline-"));
  for (const file of files) {
    const text = execFileSync("git", ["show", `${baselineCommit}:operator/src/${file}`], { encoding: "utf8" });
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  const module = (await import(pathToFileURL(join(dir, "compile/budget/maintenance.ts")).href)) as { maintenanceIntervals: Expand };
  return { expand: module.maintenanceIntervals, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Median wall time of `runs` calls, in milliseconds. */
function median(runs: number, f: () => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

const schedule = (cron: string, durationSeconds: number, timeZone: string): MaintenanceModel => ({ kind: "schedule", cron, durationSeconds, timeZone });

async function main(): Promise<void> {
  const { expand: baseline, cleanup } = await loadBaseline();
  try {
    // 2026-Q4 in Berlin: 92 days, with the October fall-back.
    const quarter = { start: Date.UTC(2026, 8, 30, 22), end: Date.UTC(2026, 11, 31, 23) };
    const cases = [
      { name: "weekly 0 2 * * SUN, 2h", windows: [schedule("0 2 * * SUN", 7200, "Europe/Berlin")], runs: 200 },
      { name: "*/5 * * * *, 1m", windows: [schedule("*/5 * * * *", 60, "Europe/Berlin")], runs: 20 },
    ];
    console.log(`Expansion over 2026-Q4 (92 days), Europe/Berlin; median of runs, ms (baseline: ${baselineCommit})`);
    console.log("| schedule | windows | hand-written | croner + Temporal | ratio |");
    console.log("| --- | ---: | ---: | ---: | ---: |");
    for (const c of cases) {
      const expected = JSON.stringify(baseline(c.windows, quarter));
      const got = current(c.windows, quarter);
      if (JSON.stringify(got) !== expected) throw new Error(`${c.name}: the two implementations disagree`);
      const old = median(c.runs, () => baseline(c.windows, quarter));
      const now = median(c.runs, () => current(c.windows, quarter));
      console.log(`| ${c.name} | ${got.length} | ${old.toFixed(2)} | ${now.toFixed(2)} | ${(now / old).toFixed(2)}x |`);
    }
    // A fleet: 2,000 SLAs, each with a weekly window at its own hour, over the quarter.
    const fleet = Array.from({ length: 2000 }, (_, i) => [schedule(`${i % 60} ${i % 24} * * ${i % 7}`, 3600, "Europe/Berlin")]);
    const old = median(3, () => fleet.forEach((w) => baseline(w, quarter)));
    const now = median(3, () => fleet.forEach((w) => current(w, quarter)));
    console.log(`| 2,000 SLAs, one weekly window each | | ${old.toFixed(1)} | ${now.toFixed(1)} | ${(now / old).toFixed(2)}x |`);
    agreement(baseline);
  } finally {
    cleanup();
  }
}

/** Random schedules, zones and ranges: both implementations must give the same intervals. */
function agreement(baseline: Expand): void {
  const random = seededRandom(8);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const zones = ["Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Pacific/Chatham", "Asia/Kathmandu", "Pacific/Apia", "America/Santiago", "Asia/Tehran", "Africa/Casablanca", "America/St_Johns", "UTC"];
  const fields = [
    ["*", "0", "30", "*/5", "*/15", "0-30/10", "5/15", "0,30", "45"],
    ["*", "0", "2", "1,2,3", "*/6", "22-23", "3"],
    ["*", "1", "15", "31", "1-7", "*/2", "29", "30"],
    ["*", "1", "2", "3", "10", "*/3", "FEB", "MAR,OCT", "12"],
    ["*", "0", "SUN", "MON-FRI", "6", "7", "1,3,5", "SAT"],
  ];
  let compared = 0;
  for (let i = 0; i < 3000; i++) {
    const cron = fields.map((f) => pick(f)).join(" ");
    const start = Date.UTC(2000, 0, 1) + Math.floor(random() * 40 * 365) * 86_400_000 + Math.floor(random() * 86_400) * 1000;
    const range = { start, end: start + Math.floor(random() * 40 + 1) * 86_400_000 };
    const windows = [schedule(cron, Math.floor(random() * 4 * 3600) + 60, pick(zones))];
    const a = JSON.stringify(baseline(windows, range));
    const b = JSON.stringify(current(windows, range));
    if (a !== b) throw new Error(`disagreement for ${JSON.stringify(windows[0])} over ${new Date(range.start).toISOString()}..${new Date(range.end).toISOString()}`);
    compared++;
  }
  console.log(`\n${compared} random schedules, zones and ranges (2000-2040): identical intervals from both.`);
}

await main();
