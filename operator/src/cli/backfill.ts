// slactl backfill: history for a new SLA. promtool can evaluate recording rules over a past range
// (`promtool tsdb create-blocks-from rules`), but each rule only sees what Prometheus already
// holds, and our rules build on each other (5m rates -> 5m tiles -> hourly tiles -> the period).
// So the recording rules are split into stages by dependency: stage 0 reads raw series only,
// stage n reads what stages below it recorded. Each stage is one rule file and one promtool run,
// whose blocks must be in Prometheus before the next stage runs. Alerts are not backfilled.
// promtool, like Prometheus, offsets a group's evaluations within its interval by a hash of the
// group's name and of the rule file's path as given. So every stage is run from one file name
// (backfill.rules.yaml, rewritten per stage): otherwise one group's rules, split over stages, are
// evaluated at different instants, and a ratio of two of them is wrong wherever traffic changes
// (at the start of traffic, errors over near-zero events: a false page).
import { spawn } from "node:child_process";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { stringify } from "yaml";
import { compile, type RuleGroup } from "../compile/index.js";
import type { RecordingRule } from "../compile/rules.js";
import { writeOutputs } from "../adapters/fs/write-outputs.js";
import { formatIssues } from "./format-issues.js";
import { allIssues, locatedIssue } from "../adapters/fs/sla-files.js";
import { checkInputs, exitCodes, inputOptions, parseCommandLine, plural, usageError, type Io } from "./command-line.js";

/** One promtool run: the groups whose rules read only raw series and earlier stages. */
export interface BackfillStage {
  readonly index: number;
  readonly groups: readonly { readonly name: string; readonly interval: string; readonly rules: readonly RecordingRule[] }[];
}

const escapeRe = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The labels that tell one objective's (or SLA's) recorded series from another's of the same name. */
const identityLabels = ["sla_namespace", "sla", "objective"] as const;

/**
 * Splits the recording rules of rule groups into stages by the recorded series each one reads.
 * A series is its name and identifying labels: one objective's errors may read its events while
 * another objective's events read its errors (time-based indicators), which is no loop.
 */
export function backfillStages(groups: readonly RuleGroup[]): BackfillStage[] {
  const rules = groups.flatMap((g) => g.rules.filter((r): r is RecordingRule => "record" in r).map((rule) => ({ group: g, rule })));
  const byName = new Map<string, RecordingRule[]>();
  for (const { rule } of rules) byName.set(rule.record, [...(byName.get(rule.record) ?? []), rule]);
  /** The recording rules whose series an expression selects. */
  const reads = (reader: RecordingRule): RecordingRule[] => {
    const out: RecordingRule[] = [];
    for (const [name, producers] of byName) {
      const found = [...reader.expr.matchAll(new RegExp(`(?:^|[^a-zA-Z0-9_:])${escapeRe(name)}(\\{[^}]*\\})?(?![a-zA-Z0-9_:])`, "g"))];
      if (found.length === 0) continue;
      for (const producer of producers) {
        if (producer === reader) continue;
        const selects = found.some((m) => identityLabels.every((k) => producer.labels[k] === undefined || m[1] === undefined || m[1].includes(`${k}=${JSON.stringify(producer.labels[k])}`)));
        if (selects) out.push(producer);
      }
    }
    return out;
  };
  // A rule's stage: one above the highest stage of the rules whose series it reads.
  const stageOf = new Map<RecordingRule, number>();
  const visiting = new Set<RecordingRule>();
  const stage = (rule: RecordingRule): number => {
    const known = stageOf.get(rule);
    if (known !== undefined) return known;
    if (visiting.has(rule)) throw new Error(`recording rules that read each other in a loop: ${rule.record}`);
    visiting.add(rule);
    const inputs = reads(rule);
    const value = inputs.length === 0 ? 0 : 1 + Math.max(...inputs.map(stage));
    visiting.delete(rule);
    stageOf.set(rule, value);
    return value;
  };
  const stages: { name: string; interval: string; rules: RecordingRule[] }[][] = [];
  for (const { group, rule } of rules) {
    const groupsOfStage = (stages[stage(rule)] ??= []);
    let target = groupsOfStage.find((g) => g.name === group.name);
    if (!target) {
      target = { name: group.name, interval: group.interval, rules: [] };
      groupsOfStage.push(target);
    }
    target.rules.push(rule);
  }
  return stages.map((groupsOfStage, index) => ({ index, groups: groupsOfStage ?? [] })).filter((s) => s.groups.length > 0);
}

/** The one rule file promtool reads, whatever the stage: see the head of this file. */
export const promtoolRuleFile = "backfill.rules.yaml";

/** The rule file of a stage. */
export function stageRuleFile(stage: BackfillStage): string {
  return stringify({ groups: stage.groups.map((g) => ({ name: g.name, interval: g.interval, rules: g.rules.map((r) => ({ record: r.record, expr: r.expr, labels: r.labels })) })) }, { lineWidth: 0 });
}

/** The promtool command line of a stage, as an argument list. */
export function promtoolArgs(ruleFile: string, outputDir: string, range: { start: string; end: string; url: string }): string[] {
  return ["tsdb", "create-blocks-from", "rules", `--start=${range.start}`, `--end=${range.end}`, `--url=${range.url}`, `--output-dir=${outputDir}`, ruleFile];
}

const shellQuote = (arg: string) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, "'\\''")}'`);

export const backfillHelp = `Usage: slactl backfill PATH... --start TIME --end TIME --url URL --out DIR [--run --data-dir DIR]

Writes what the recording rules of these SLAs would have recorded between --start and --end, so
status and reports of a new SLA are right from its first period. The raw series must be in the
Prometheus at --url. Our rules build on each other, so they are split into stages: DIR holds
backfill-<n>.rules.yaml per stage, and the commands are printed in order. Each stage is copied to
DIR/backfill.rules.yaml before promtool reads it: promtool offsets a group's evaluations by a hash
of the rule file's path, and one path keeps a group's rules at the same instants in every stage.
After each stage, move its blocks into Prometheus' data directory and wait until Prometheus has
loaded them (it looks for new blocks every minute) before running the next one.

With --run, slactl runs the stages itself: promtool, then the blocks moved into --data-dir (the
data directory of the Prometheus at --url, on this machine), then a wait until Prometheus serves
every sample promtool wrote for the stage.

Options:
  --start TIME      start of the range, RFC 3339 or Unix seconds (e.g. the start of the period)
  --end TIME        end of the range, e.g. when the SLA's rules were first applied
  --url URL         the Prometheus that holds the raw series
  --out DIR         where the rule files (and, with --run, the blocks) are written
  --run             run promtool for each stage and load its blocks before the next
  --data-dir DIR    with --run: the TSDB directory of the Prometheus at --url
  --policies DIR    folder of burn-rate tables (default: the package's policies/alerting)
  -h, --help        show this help

Exit codes:
  0  rule files written (and, with --run, every stage loaded)
  1  an input is invalid, or a stage failed
  2  usage error
`;

export async function backfillCommand(args: readonly string[], io: Io): Promise<number> {
  const options = {
    ...inputOptions, start: { type: "string" }, end: { type: "string" }, url: { type: "string" }, out: { type: "string" },
    run: { type: "boolean" }, "data-dir": { type: "string" },
  } as const;
  const parsed = parseCommandLine("backfill", args, options, io);
  if (!parsed) return exitCodes.usage;
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(backfillHelp);
    return exitCodes.ok;
  }
  for (const flag of ["start", "end", "url", "out"] as const) {
    if (!values[flag]) return usageError(io, "backfill", `--${flag} is required`);
  }
  const start = parseTime(values.start!);
  const end = parseTime(values.end!);
  if (start === undefined || end === undefined) return usageError(io, "backfill", "--start and --end expect RFC 3339 times (2026-11-01T00:00:00Z) or Unix seconds");
  if (start >= end) return usageError(io, "backfill", "--start must be before --end");
  if (values.run && !values["data-dir"]) return usageError(io, "backfill", "--run needs --data-dir, the TSDB directory of the Prometheus at --url");
  const checked = await checkInputs("backfill", values, positionals, io);
  if (!checked.ok) return checked.exitCode;
  const { reports, peers, burnRateTables, format } = checked;
  if (reports.some((r) => !r.valid)) {
    io.stderr(formatIssues(allIssues(reports), format));
    return exitCodes.invalid;
  }
  const groups: RuleGroup[] = [];
  for (const document of reports.flatMap((r) => r.documents)) {
    const result = compile(document.value, { burnRateTables, peers: peers.slas });
    if (!result.ok) {
      io.stderr(formatIssues(result.issues.map((i) => locatedIssue(document.file, document, i)), format));
      return exitCodes.invalid;
    }
    groups.push(...result.value.groups);
  }
  const stages = backfillStages(groups);
  const out = values.out!;
  const range = { start: String(start / 1000), end: String(end / 1000), url: values.url! };
  await writeOutputs(out, stages.map((s) => ({ path: `backfill-${s.index}.rules.yaml`, content: stageRuleFile(s) })));
  io.stderr(`${plural(stages.length, "stage")} of ${plural(stages.reduce((n, s) => n + s.groups.reduce((m, g) => m + g.rules.length, 0), 0), "recording rule")} written to ${out}\n`);
  if (!values.run) {
    io.stdout(stages.map((s) => [
      `# stage ${s.index}`,
      `cp ${shellQuote(join(out, `backfill-${s.index}.rules.yaml`))} ${shellQuote(join(out, promtoolRuleFile))}`,
      ["promtool", ...promtoolArgs(join(out, promtoolRuleFile), join(out, `blocks-${s.index}`), range)].map(shellQuote).join(" "),
      `mv ${shellQuote(join(out, `blocks-${s.index}`))}/* "$PROMETHEUS_DATA_DIR"/   # then wait until Prometheus has loaded them (about a minute)`,
    ].join("\n")).join("\n") + "\n");
    return exitCodes.ok;
  }
  const ran = await runStages(stages, { out, url: values.url!, dataDir: values["data-dir"]!, startMs: start, endMs: end }, io);
  return ran ? exitCodes.ok : exitCodes.invalid;
}

/** Where and over what range runStages runs promtool and loads its blocks. */
export interface StageRun {
  /** Folder for the stages' rule files and blocks. */
  readonly out: string;
  /** The Prometheus promtool queries; it must serve what earlier stages loaded. */
  readonly url: string;
  /** The TSDB directory of that Prometheus. */
  readonly dataDir: string;
  readonly startMs: number;
  readonly endMs: number;
  /**
   * Makes the Prometheus at url serve the blocks just moved into dataDir (default: wait until
   * it finds them, which a running Prometheus does about once a minute).
   */
  readonly load?: (probe: string) => Promise<boolean>;
  /** Wait before running a stage again whose queries Prometheus answered in part, times the attempt. Default 5 s. */
  readonly retryDelayMs?: number;
}

/**
 * Runs promtool for each stage in order and moves its blocks into the TSDB before the next stage,
 * so each stage reads what the ones below it recorded. False (with the reason on stderr) when one fails.
 */
export async function runStages(stages: readonly BackfillStage[], run: StageRun, io: Io): Promise<boolean> {
  const range = { start: String(run.startMs / 1000), end: String(run.endMs / 1000), url: run.url };
  await writeOutputs(run.out, stages.map((s) => ({ path: `backfill-${s.index}.rules.yaml`, content: stageRuleFile(s) })));
  for (const [position, stage] of stages.entries()) {
    const i = stage.index;
    const began = Date.now();
    const blocksDir = join(run.out, `blocks-${i}`);
    // promtool writes what a query answered even when Prometheus warned that the answer is partial
    // (a remote read or a store that failed: under load, part of the raw history), and exits 0.
    // Such a stage records wrong values that every later stage builds on, so it is run again.
    let result = { code: 0, output: "" };
    let partial: string | undefined;
    await writeFile(join(run.out, promtoolRuleFile), stageRuleFile(stage));
    for (let attempt = 1; attempt <= stageAttempts; attempt++) {
      await rm(blocksDir, { recursive: true, force: true });
      result = await runPromtool(promtoolArgs(join(run.out, promtoolRuleFile), blocksDir, range));
      partial = result.code === 0 ? partialAnswer(result.output) : undefined;
      if (partial === undefined) break;
      if (attempt < stageAttempts) {
        io.stderr(`slactl: stage ${i}: Prometheus answered part of a query (${partial}); running the stage again\n`);
        await sleep((run.retryDelayMs ?? 5_000) * attempt);
      }
    }
    if (result.code !== 0) {
      io.stderr(`slactl: stage ${i}: promtool exited ${result.code}: ${result.output.trim().split("\n").slice(-5).join("\n")}\n`);
      return false;
    }
    if (partial !== undefined) {
      io.stderr(`slactl: stage ${i}: Prometheus at ${run.url} answered only part of a query in each of ${stageAttempts} runs (${partial}); nothing of this stage was loaded. Check that Prometheus and what it reads from are healthy, then run again.\n`);
      return false;
    }
    await mkdir(run.dataDir, { recursive: true });
    const blocks = (await readdir(blocksDir).catch(() => [])).filter((b) => /^[0-9A-HJKMNP-TV-Z]{26}$/.test(b));
    const written = await samplesIn(blocksDir, blocks);
    const reloadsBefore = run.load ? undefined : await tsdbReloads(run.url);
    for (const block of blocks) await rename(join(blocksDir, block), join(run.dataDir, block));
    const probe = stage.groups[0]!.rules[0]!.record;
    const records = [...new Set(stage.groups.flatMap((g) => g.rules.map((r) => r.record)))];
    // The probe series alone can show while a reload that began during the moves left other blocks
    // of the stage for the next one; and under load even two reloads after the moves were seen to
    // leave half an hour of a stage unserved (the next stage then recorded too few errors). So the
    // stage counts as loaded when Prometheus serves at least as many of its samples as promtool wrote.
    // The count holds for any way of loading (a restarted scratch Prometheus too), so it is checked for both.
    const loaded = (run.load ? await run.load(probe)
      : await waitForReloads(run.url, reloadsBefore, 2, 300_000) && await waitForSeries(run.url, probe, run.endMs, 300_000))
        && await waitForSamples(run.url, records, written, run, 300_000);
    if (!loaded) {
      io.stderr(`slactl: stage ${i}: Prometheus at ${run.url} did not serve the ${written} samples of ${records.join(", ")} within 5 minutes of the blocks moving into ${run.dataDir}\n`);
      return false;
    }
    io.stderr(`stage ${position + 1} of ${stages.length}: ${plural(blocks.length, "block")} loaded in ${((Date.now() - began) / 1000).toFixed(0)} s\n`);
  }
  return true;
}

const stageAttempts = 3;

/** The warnings promtool logged for a query Prometheus answered in part, or undefined when it logged none. */
export function partialAnswer(promtoolOutput: string): string | undefined {
  const line = promtoolOutput.split("\n").find((l) => l.includes("Range query returned warnings"));
  if (line === undefined) return undefined;
  return /warnings="?(.*?)"?$/.exec(line.trim())?.[1] ?? line.trim();
}

/** RFC 3339 or Unix seconds, as milliseconds. */
export function parseTime(text: string): number | undefined {
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}

function runPromtool(args: readonly string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.env["PROMTOOL"] ?? "promtool", args, { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    child.on("error", (e) => resolve({ code: 127, output: `cannot run promtool: ${e.message}` }));
    child.on("close", (code) => resolve({ code: code ?? 1, output }));
  });
}

/** Prometheus' count of block reloads (prometheus_tsdb_reloads_total), or undefined when its /metrics cannot be read. */
async function tsdbReloads(url: string): Promise<number | undefined> {
  try {
    const text = await (await fetch(new URL("/metrics", url))).text();
    const line = /^prometheus_tsdb_reloads_total (\S+)$/m.exec(text);
    return line ? Number(line[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** Waits until Prometheus has reloaded its blocks `count` more times than `before` (at once when the count is unknown). */
async function waitForReloads(url: string, before: number | undefined, count: number, timeoutMs: number): Promise<boolean> {
  if (before === undefined) return true;
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await sleep(2000)) {
    const now = await tsdbReloads(url);
    if (now === undefined || now >= before + count) return true;
  }
  return false;
}

/** The samples promtool wrote into blocks, from each block's meta.json (0 for a block without one). */
async function samplesIn(dir: string, blocks: readonly string[]): Promise<number> {
  let total = 0;
  for (const block of blocks) {
    try {
      const meta = JSON.parse(await readFile(join(dir, block, "meta.json"), "utf8")) as { stats?: { numSamples?: number } };
      total += meta.stats?.numSamples ?? 0;
    } catch {
      // A block without a readable meta.json is not one Prometheus would load either.
    }
  }
  return total;
}

/**
 * Waits until Prometheus serves at least `expected` samples of the series named `records` over the
 * range: promtool writes no sample twice, so fewer means some block is not loaded yet. Series of
 * the same names from other SLAs or live rules can only make the count larger.
 */
async function waitForSamples(url: string, records: readonly string[], expected: number, range: { readonly startMs: number; readonly endMs: number }, timeoutMs: number): Promise<boolean> {
  const query = new URL("/api/v1/query", url);
  // A minute of margin on both sides, whether the range's left edge is closed (2.x) or open (3.x).
  // One count per name: counted together, two names whose series share their other labels would
  // make one vector with the same labels twice, which Prometheus refuses.
  const rangeMs = range.endMs - range.startMs + 120_000;
  query.searchParams.set("query", records.map((r) => `(sum(count_over_time(${r}[${rangeMs}ms])) or vector(0))`).join(" + "));
  query.searchParams.set("time", String((range.endMs + 60_000) / 1000));
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await sleep(2000)) {
    try {
      const body = (await (await fetch(query)).json()) as { data?: { result?: { value?: [number, string] }[] } };
      if (Number(body.data?.result?.[0]?.value?.[1] ?? 0) >= expected) return true;
    } catch {
      // Prometheus may be reloading; try again.
    }
  }
  return false;
}

/** Polls Prometheus until it returns the series at a time inside the backfilled range. */
export async function waitForSeries(url: string, name: string, endMs: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  const query = new URL("/api/v1/query", url);
  query.searchParams.set("query", `count(last_over_time(${name}[1h]))`);
  query.searchParams.set("time", String((endMs - 60_000) / 1000));
  while (Date.now() < deadline) {
    try {
      const response = await fetch(query);
      const body = (await response.json()) as { data?: { result?: unknown[] } };
      if ((body.data?.result?.length ?? 0) > 0) return true;
    } catch {
      // Prometheus may be reloading; try again.
    }
    await sleep(2000);
  }
  return false;
}
