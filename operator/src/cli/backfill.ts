// slactl backfill: history for a new SLA. promtool can evaluate recording rules over a past range
// (`promtool tsdb create-blocks-from rules`), but each rule only sees what Prometheus already
// holds, and our rules build on each other (5m rates -> 5m tiles -> hourly tiles -> the period).
// So the recording rules are split into stages by dependency: stage 0 reads raw series only,
// stage n reads what stages below it recorded. Each stage is one rule file and one promtool run,
// whose blocks must be in Prometheus before the next stage runs. Alerts are not backfilled.
import { spawn } from "node:child_process";
import { mkdir, readdir, rename, rm } from "node:fs/promises";
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

/** Splits the recording rules of rule groups into stages by the recorded series each one reads. */
export function backfillStages(groups: readonly RuleGroup[]): BackfillStage[] {
  const rules = groups.flatMap((g) => g.rules.filter((r): r is RecordingRule => "record" in r).map((rule) => ({ group: g, rule })));
  const recorded = [...new Set(rules.map((r) => r.rule.record))];
  const reads = (expr: string) => recorded.filter((name) => new RegExp(`(^|[^a-zA-Z0-9_:])${escapeRe(name)}($|[^a-zA-Z0-9_:])`).test(expr));
  // A series' stage: one above the highest stage of what any rule recording it reads.
  const stageOf = new Map<string, number>();
  const visiting = new Set<string>();
  const stage = (name: string): number => {
    const known = stageOf.get(name);
    if (known !== undefined) return known;
    if (visiting.has(name)) throw new Error(`recording rules that read each other in a loop: ${name}`);
    visiting.add(name);
    const own = rules.filter((r) => r.rule.record === name).map((r) => stageOfRule(r.rule));
    visiting.delete(name);
    const value = Math.max(0, ...own);
    stageOf.set(name, value);
    return value;
  };
  const stageOfRule = (rule: RecordingRule): number => {
    const inputs = reads(rule.expr).filter((n) => n !== rule.record);
    return inputs.length === 0 ? 0 : 1 + Math.max(...inputs.map(stage));
  };
  const stages: { name: string; interval: string; rules: RecordingRule[] }[][] = [];
  for (const { group, rule } of rules) {
    const index = stageOfRule(rule);
    const groupsOfStage = (stages[index] ??= []);
    let target = groupsOfStage.find((g) => g.name === group.name);
    if (!target) {
      target = { name: group.name, interval: group.interval, rules: [] };
      groupsOfStage.push(target);
    }
    target.rules.push(rule);
  }
  return stages.map((groupsOfStage, index) => ({ index, groups: groupsOfStage ?? [] })).filter((s) => s.groups.length > 0);
}

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
backfill-<n>.rules.yaml per stage, and the promtool commands are printed in order. After each
stage, move its blocks into Prometheus' data directory and wait until Prometheus has loaded them
(it looks for new blocks every minute) before running the next one.

With --run, slactl runs the stages itself: promtool, then the blocks moved into --data-dir (the
data directory of the Prometheus at --url, on this machine), then a wait until Prometheus serves
the stage's series.

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
  const commands = stages.map((s) => promtoolArgs(join(out, `backfill-${s.index}.rules.yaml`), join(out, `blocks-${s.index}`), range));
  if (!values.run) {
    io.stdout(commands.map((c, i) => [
      `# stage ${i}`,
      ["promtool", ...c].map(shellQuote).join(" "),
      `mv ${shellQuote(join(out, `blocks-${i}`))}/* "$PROMETHEUS_DATA_DIR"/   # then wait until Prometheus has loaded them (about a minute)`,
    ].join("\n")).join("\n") + "\n");
    return exitCodes.ok;
  }
  for (const [i, command] of commands.entries()) {
    const began = Date.now();
    const blocksDir = join(out, `blocks-${i}`);
    await rm(blocksDir, { recursive: true, force: true });
    const run = await runPromtool(command);
    if (run.code !== 0) {
      io.stderr(`slactl backfill: stage ${i}: promtool exited ${run.code}: ${run.output.trim().split("\n").slice(-5).join("\n")}\n`);
      return exitCodes.invalid;
    }
    await mkdir(values["data-dir"]!, { recursive: true });
    const blocks = (await readdir(blocksDir).catch(() => [])).filter((b) => /^[0-9A-HJKMNP-TV-Z]{26}$/.test(b));
    for (const block of blocks) await rename(join(blocksDir, block), join(values["data-dir"]!, block));
    const probe = stages[i]!.groups[0]!.rules[0]!.record;
    const loaded = await waitForSeries(values.url!, probe, end, 300_000);
    if (!loaded) {
      io.stderr(`slactl backfill: stage ${i}: Prometheus at ${values.url} did not serve ${probe} within 5 minutes of the blocks moving into ${values["data-dir"]}\n`);
      return exitCodes.invalid;
    }
    io.stderr(`stage ${i}: ${plural(blocks.length, "block")} loaded in ${((Date.now() - began) / 1000).toFixed(0)} s\n`);
  }
  return exitCodes.ok;
}

/** RFC 3339 or Unix seconds, as milliseconds. */
function parseTime(text: string): number | undefined {
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

/** Polls Prometheus until it returns the series at a time inside the backfilled range. */
async function waitForSeries(url: string, name: string, endMs: number, timeoutMs: number): Promise<boolean> {
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
