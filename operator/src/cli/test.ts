// slactl test: compile, then run the generated promtool unit tests with the real promtool, so a
// pipeline proves the alerts of its SLAs before they merge.
import { execFile } from "node:child_process";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { promisify } from "node:util";
import { compileCommand } from "./compile.js";
import { exitCodes, type Io } from "./validate.js";

const run = promisify(execFile);

export const testHelp = `Usage: slactl test PATH... [--promtool PATH] [--keep DIR] [compile options]

Compiles the ServiceLevelAgreements in PATH... like 'slactl compile' and runs every generated
<name>.rules.test.yaml with 'promtool test rules'. The tests prove, per objective, that a full
outage pages within the SRE Workbook's detection time, that pages stop after recovery, that an
error rate under the slowest tier never alerts and that vanished series raise the no-data alert.

Options:
  --promtool PATH   the promtool binary (default: promtool on PATH, or $PROMTOOL)
  --keep DIR        write the compiled files to DIR and keep them (default: a temp folder)
  --policies DIR, --rule-label k=v, --format FORMAT   as for 'slactl compile'
  -h, --help        show this help

Exit codes:
  0  every SLA compiled and all of its tests passed
  1  an input is invalid, or a test failed
  2  usage error, or promtool cannot be run
`;

/** Runs `slactl test`. */
export async function testCommand(args: readonly string[], io: Io): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    io.stdout(testHelp);
    return exitCodes.ok;
  }
  const rest = [...args];
  const take = (flag: string): string | undefined => {
    const at = rest.indexOf(flag);
    if (at < 0) return undefined;
    const value = rest[at + 1];
    rest.splice(at, 2);
    return value;
  };
  const promtool = take("--promtool") ?? process.env["PROMTOOL"] ?? "promtool";
  const keep = take("--keep");
  if (rest.includes("--out")) {
    io.stderr("slactl test: use --keep DIR instead of --out\n");
    return exitCodes.usage;
  }
  const out = keep ?? (await mkdtemp(join(tmpdir(), "slactl-test-")));
  try {
    const compiled = await compileCommand([...rest, "--out", out], io);
    if (compiled !== exitCodes.ok) return compiled;
    const tests = await findTests(out);
    let failed = 0;
    for (const file of tests) {
      const name = relative(out, file);
      try {
        await run(promtool, ["test", "rules", file], { maxBuffer: 64 * 1024 * 1024 });
        io.stderr(`PASS ${name}\n`);
      } catch (e) {
        const failure = e as { code?: unknown; stdout?: string; stderr?: string };
        if (failure.code === "ENOENT") {
          io.stderr(`slactl test: cannot run ${promtool}: install Prometheus' promtool (Debian: apt-get install prometheus) or pass --promtool\n`);
          return exitCodes.usage;
        }
        failed += 1;
        io.stderr(`FAIL ${name}\n`);
        io.stdout(`${failure.stdout ?? ""}${failure.stderr ?? ""}`);
      }
    }
    io.stderr(`${tests.length - failed} passed, ${failed} failed\n`);
    return failed > 0 ? exitCodes.invalid : exitCodes.ok;
  } finally {
    if (!keep) await rm(out, { recursive: true, force: true });
  }
}

async function findTests(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith(".rules.test.yaml"))
    .map((e) => join(e.parentPath, e.name)).sort();
}
