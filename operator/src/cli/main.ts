// slactl: the compiler of the servicelevel-operator without a cluster. This module dispatches to
// the commands and is the process entry point both from source (node --import tsx) and from
// dist/ through bin/slactl.js.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "../adapters/fs/burn-rate-tables.js";
import { compileCommand } from "./compile.js";
import { testCommand } from "./test.js";
import { exitCodes, validateCommand, type Io } from "./validate.js";
import { isEntryPoint } from "./entry-point.js";

interface Command {
  readonly summary: string;
  /** Runs the command; each command prints its own help for --help. */
  run(args: readonly string[], io: Io): Promise<number>;
  /** A long-running command whose libraries may keep handles open: exit as soon as it returns. */
  readonly exitWhenDone?: boolean;
}

const commands: Readonly<Record<string, Command>> = {
  validate: { summary: "check SLA YAML files and print each problem at file:line:col", run: validateCommand },
  compile: { summary: "validate, then write PrometheusRules, rule files and dashboards", run: compileCommand },
  test: { summary: "compile, then prove the alerts with the generated promtool unit tests", run: testCommand },
  import: {
    summary: "convert Sloth, Pyrra and OpenSLO files into ServiceLevelAgreements",
    run: async (args, io) => (await import("./import.js")).importCommand(args, io),
  },
  export: {
    summary: "write ServiceLevelAgreements as OpenSLO v1 documents",
    run: async (args, io) => (await import("./export.js")).exportCommand(args, io),
  },
  backfill: {
    summary: "record a new SLA's series over a past range with promtool, so its first period is right",
    run: async (args, io) => (await import("./backfill.js")).backfillCommand(args, io),
  },
  backtest: {
    summary: "what an SLA would have attained and alerted over past raw history, before it is applied",
    run: async (args, io) => (await import("./backtest.js")).backtestCommand(args, io),
  },
  report: {
    summary: "compliance, error budgets and service credits from Prometheus, as a table, markdown, JSON or HTML",
    // Loaded on use, like run: the Prometheus client and the evaluation are not needed to validate files.
    run: async (args, io) => (await import("./report.js")).reportCommand(args, io),
  },
  run: {
    summary: "run the operator in a cluster (the container image's default command)",
    // Loaded on use: the operator's Kubernetes and logging stack is not needed to validate files.
    run: async (args, io) => (await import("./run.js")).runCommand([...args], { io }),
    exitWhenDone: true,
  },
};

export const mainHelp = `Usage: slactl <command> [options]

slactl runs the servicelevel-operator's compiler without a cluster, so CI can check
ServiceLevelAgreement YAML before it merges and GitOps repositories can commit the generated
Prometheus rules and Grafana dashboards. 'slactl run' is the operator itself.

Commands:
${Object.entries(commands).map(([name, c]) => `  ${name.padEnd(10)}${c.summary}`).join("\n")}

Options:
  -h, --help     show this help; 'slactl <command> --help' shows a command's help
  -V, --version  print the version

Examples:
  slactl validate slas/
  slactl validate slas/ --format github
  slactl compile slas/ --out generated --rule-label release=kube-prometheus-stack
  slactl import sloth-specs/ pyrra-slos/ --out slas/
  slactl export --to openslo slas/ --out openslo/
  slactl backtest slas/checkout.yaml --prometheus http://localhost:9090 --from 2026-11-01T00:00:00Z --to 2026-12-01T00:00:00Z

Exit codes:
  0  success
  1  an input is invalid (or, for compile, an output could not be written)
  2  usage error
`;

export function version(): string {
  const manifest = JSON.parse(readFileSync(join(packageRoot(), "package.json"), "utf8")) as { version?: unknown };
  return String(manifest.version ?? "unknown");
}

/** Runs slactl with the arguments after the program name; resolves to the exit code. */
export async function run(args: readonly string[], io: Io = processIo): Promise<number> {
  try {
    const [first, ...rest] = args;
    if (first === undefined) {
      io.stderr(mainHelp);
      return exitCodes.usage;
    }
    if (first === "--help" || first === "-h") {
      io.stdout(mainHelp);
      return exitCodes.ok;
    }
    if (first === "--version" || first === "-V") {
      io.stdout(`slactl ${version()}\n`);
      return exitCodes.ok;
    }
    if (first === "help") {
      const topic = rest[0];
      if (topic === undefined) {
        io.stdout(mainHelp);
        return exitCodes.ok;
      }
      const command = Object.hasOwn(commands, topic) ? commands[topic] : undefined;
      if (!command) return unknownCommand(topic, io);
      return await command.run(["--help"], io);
    }
    const command = Object.hasOwn(commands, first) ? commands[first] : undefined;
    if (!command) return unknownCommand(first, io);
    return await command.run(rest, io);
  } catch (cause) {
    // Commands turn every expected failure into a message; reaching this is a bug, and still no stack trace.
    io.stderr(`slactl: internal error (a bug in slactl, please report it): ${cause instanceof Error ? cause.message : String(cause)}\n`);
    return exitCodes.invalid;
  }
}

function unknownCommand(name: string, io: Io): number {
  const what = name.startsWith("-") ? `unknown option ${JSON.stringify(name)}` : `unknown command ${JSON.stringify(name)}`;
  io.stderr(`slactl: ${what}\n\n${mainHelp}`);
  return exitCodes.usage;
}

export const processIo: Io = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
};

/** The process entry point, for bin/slactl.js and for running this module directly. */
export async function main(args: readonly string[]): Promise<void> {
  // A closed pipe (slactl validate ... | head) is not an error worth a stack trace.
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });
  const code = await run(args, processIo);
  const first = args[0];
  if (first !== undefined && Object.hasOwn(commands, first) && commands[first]?.exitWhenDone) process.exit(code);
  process.exitCode = code;
}


if (isEntryPoint(import.meta.url)) await main(process.argv.slice(2));
