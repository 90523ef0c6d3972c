// bench/compile-throughput: `slactl compile` of N one-objective SLAs, for the baseline and the
// subject checkout, against Sloth v0.16.0's `sloth generate` of the same N SLOs, all in one run.
// See README.md for the method.
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { checkouts, type Checkout } from "../support/checkouts.js";
import { ensureGoTool } from "../support/go-tool.js";
import { progress, runBenchmark, temporaryDir } from "../support/lifecycle.js";
import { installedSlactlCommand, slactlCommand, timed, timedSlactl, type TimedRun } from "../support/slactl.js";
import { bytes, loadAverage, median, num, table } from "../support/table.js";
import { writeSlos } from "./slos.js";

const slothVersion = "v0.16.0";

const { values } = parseArgs({
  options: {
    slos: { type: "string", default: "500" },
    runs: { type: "string", default: "3" },
    "baseline-ref": { type: "string" },
    subject: { type: "string" },
    "timeout-per-run": { type: "string", default: "300" },
    from: { type: "string", default: "installed" },
    keep: { type: "boolean", default: false },
  },
});

interface Contender {
  readonly name: string;
  readonly what: string;
  readonly run: (out: string, timeFile: string) => Promise<TimedRun>;
  readonly outputs: (out: string) => number;
}

const countFiles = (dir: string): number => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;

async function main(): Promise<void> {
  const count = Number(values.slos);
  const runs = Number(values.runs);
  const timeoutMs = Number(values["timeout-per-run"]) * 1000;
  const work = temporaryDir("bench-compile", values.keep);
  const slothDir = join(work, "sloth");
  const slaDir = join(work, "slas");
  writeSlos(count, slothDir, slaDir);
  progress(`wrote ${count} Sloth specs and ${count} SLAs under ${work}`);

  const sloth = ensureGoTool({ name: `sloth-${slothVersion}`, binary: "sloth", args: () => ["install", `github.com/slok/sloth/cmd/sloth@${slothVersion}`] });
  if (values.from !== "installed" && values.from !== "source") throw new Error(`--from expects installed or source, found ${JSON.stringify(values.from)}`);
  const ours = (checkout: Checkout): Contender => {
    // Installed, as npm puts slactl on the PATH (dist/, built here first), like Sloth's binary; or from the sources through tsx.
    const command = values.from === "installed" ? installedSlactlCommand(checkout) : slactlCommand(checkout);
    return {
      name: checkout.label,
      what: `slactl compile (${values.from}), ${checkout.description}`,
      run: (out, timeFile) => timedSlactl(checkout, ["compile", slaDir, "--out", out], { timeFile, timeoutMs, command }),
      outputs: countFiles,
    };
  };
  const contenders: Contender[] = [
    ...checkouts({ baselineRef: values["baseline-ref"], subject: values.subject }).map(ours),
    {
      name: "sloth",
      what: `sloth generate ${slothVersion}`,
      run: (out, timeFile) => timed(sloth, ["generate", "-i", slothDir, "-o", out], { cwd: work, timeFile, timeoutMs }),
      outputs: countFiles,
    },
  ];

  const results = new Map<string, TimedRun[]>(contenders.map((c) => [c.name, []]));
  const outputs = new Map<string, number>();
  // Interleaved, so a change of the machine's load hits every contender alike.
  for (let round = 1; round <= runs; round++) {
    for (const contender of contenders) {
      const out = join(work, `out-${contender.name}`);
      rmSync(out, { recursive: true, force: true });
      mkdirSync(out, { recursive: true });
      const result = await contender.run(out, join(work, `${contender.name}.time`));
      if (result.code !== 0) throw new Error(`${contender.what} failed (exit ${result.code}):\n${(result.stderr || result.stdout).slice(-3000)}`);
      results.get(contender.name)?.push(result);
      outputs.set(contender.name, contender.outputs(out));
      progress(`round ${round}/${runs}: ${contender.name} ${result.wallSeconds.toFixed(2)} s`);
    }
  }

  const slothWall = median((results.get("sloth") ?? []).map((r) => r.wallSeconds));
  const slothCpu = median((results.get("sloth") ?? []).map((r) => r.cpuSeconds));
  console.log(`compile throughput: ${count} one-objective SLOs, median of ${runs} runs each (interleaved), load average ${loadAverage()}\n`);
  console.log(table(
    ["contender", "wall time", "SLOs/s", "CPU time", "peak RSS", "files written", "wall vs Sloth", "CPU vs Sloth"],
    contenders.map((c) => {
      const rs = results.get(c.name) ?? [];
      const wall = median(rs.map((r) => r.wallSeconds));
      const cpu = median(rs.map((r) => r.cpuSeconds));
      return [c.name, `${num(wall, 2)} s`, num(count / wall, 0), `${num(cpu, 2)} s`,
        bytes(median(rs.map((r) => r.peakRssBytes)), true), num(outputs.get(c.name) ?? 0), `${num(wall / slothWall, 2)}×`, `${num(cpu / slothCpu, 2)}×`];
    }),
  ));
  console.log("");
  for (const c of contenders) console.log(`${c.name}: ${c.what}; runs ${(results.get(c.name) ?? []).map((r) => r.wallSeconds.toFixed(2)).join(", ")} s`);
}

runBenchmark(main, 3_600_000);
